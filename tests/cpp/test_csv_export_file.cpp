// CSV export (semantics §8.1-§8.2, D8) on the csv_full.sql fixture: exact file contents,
// every rendering rule, errors. (Companion of test_csv_export.cpp.)
#include "csv_test_helpers.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace quiver {
namespace {

using csv_test::csv_path;
using csv_test::enum_options;
using csv_test::error_of;
using csv_test::make_db;
using csv_test::read_text;
using csv_test::seed;

std::string export_text(Database& db, const std::string& collection, const std::string& group,
                        const CSVOptions& options = {}) {
    const auto path = csv_path("export.csv");
    db.export_csv(collection, group, path, options);
    return read_text(path);
}

TEST(CsvExportFile, ScalarFileIsExact) {
    auto db = make_db();
    seed(db);
    EXPECT_EQ(export_text(db, "Item", ""),
              "sep=,\n"
              "label,quantity,price,description,date_created,date_due,status,owner_id,sibling_id,code\n"
              "\"Item 1\",10,9.99,\"Alpha, \"\"Beta\"\"\",2024-01-15T10:30:00,2024-03-01T08:00:00,1,\"Owner A\","
              "Item2,A-1\n"
              "\"Ítem três\",,1234567.891,\"multi\nline\",2024-12-31T23:59:59,,9,,\"Item 1\",\n"
              "Item2,,23,\"He said \"\"hello\"\"\",,,2,\"Owner, B\",\"Item 1\",B2\n");
    EXPECT_EQ(export_text(db, "Owner", ""), "sep=,\nlabel,budget\n\"Owner A\",1500.25\n\"Owner, B\",\n");
}

TEST(CsvExportFile, EmptyTableWritesHeaderOnly) {
    auto db = make_db();
    EXPECT_EQ(export_text(db, "Item", ""),
              "sep=,\nlabel,quantity,price,description,date_created,date_due,status,owner_id,sibling_id,code\n");
    EXPECT_EQ(export_text(db, "Item", "values"), "sep=,\nid,vector_index,value_int,value_float,value_text\n");
    EXPECT_EQ(export_text(db, "Item", "tags"), "sep=,\nid,tag\n");
    EXPECT_EQ(export_text(db, "Item", "readings"), "sep=,\nid,date_time,temperature,humidity,note\n");
}

TEST(CsvExportFile, VectorGroupUsesParentLabelsAndIndexOrder) {
    auto db = make_db();
    seed(db);
    EXPECT_EQ(export_text(db, "Item", "values"),
              "sep=,\n"
              "id,vector_index,value_int,value_float,value_text\n"
              "\"Item 1\",1,1,0.1,\"x y\"\n"
              "\"Item 1\",2,2,1e-07,plain\n"
              "\"Item 1\",3,3,1e+08,ação\n");
    // FK value columns (including a reference to the parent collection) are labels too.
    EXPECT_EQ(export_text(db, "Item", "refs"),
              "sep=,\n"
              "id,vector_index,owner_ref,friend_id\n"
              "Item2,1,\"Owner A\",\"Item 1\"\n"
              "Item2,2,\"Owner, B\",\"Ítem três\"\n");
}

TEST(CsvExportFile, SetGroupOrderedByParent) {
    auto db = make_db();
    seed(db);
    const auto text = export_text(db, "Item", "tags");
    // Within one element the order is unspecified.
    const bool a = text == "sep=,\nid,tag\n\"Item 1\",red\n\"Item 1\",\"blue green\"\nItem2,red\n";
    const bool b = text == "sep=,\nid,tag\n\"Item 1\",\"blue green\"\n\"Item 1\",red\nItem2,red\n";
    EXPECT_TRUE(a || b) << text;
    EXPECT_EQ(export_text(db, "Item", "levels"), "sep=,\nid,level\n\"Item 1\",1\n\"Item 1\",2\n\"Ítem três\",2\n");
}

TEST(CsvExportFile, TimeSeriesOrderedByParentThenDimension) {
    auto db = make_db();
    seed(db);
    db.update_time_series_group("Item", "readings", 2,
                                {{{"date_time", Value(std::string("2024-05-02T00:00:00"))}},
                                 {{"date_time", Value(std::string("2024-05-01T00:00:00"))}}});
    EXPECT_EQ(export_text(db, "Item", "readings"),
              "sep=,\n"
              "id,date_time,temperature,humidity,note\n"
              "\"Item 1\",2024-01-01T00:00:00,20.5,50,ok\n"
              "\"Item 1\",2024-01-02T00:00:00,21,55,\"He said \"\"hi\"\"\"\n"
              "\"Ítem três\",2024-05-01T00:00:00,,,\n"
              "\"Ítem três\",2024-05-02T00:00:00,,,\n"
              "Item2,2024-02-01T12:00:00,,-4,\n");
}

TEST(CsvExportFile, ShortestRoundTripFloats) {
    auto db = make_db();
    db.create_element("Item", Element()
                                  .set("label", std::string("floats"))
                                  .set("value_float", std::vector<double>{23.0, 9.99, 1234567.891, 1e-7, 1e8,
                                                                          0.1, -0.5, 1.0 / 3.0, 1e21, 123456789012.0}));
    EXPECT_EQ(export_text(db, "Item", "values"),
              "sep=,\n"
              "id,vector_index,value_int,value_float,value_text\n"
              "floats,1,,23,\nfloats,2,,9.99,\nfloats,3,,1234567.891,\nfloats,4,,1e-07,\n"
              "floats,5,,1e+08,\nfloats,6,,0.1,\nfloats,7,,-0.5,\nfloats,8,,0.3333333333333333,\n"
              "floats,9,,1e+21,\nfloats,10,,123456789012,\n");
}

TEST(CsvExportFile, QuotingRules) {
    auto db = make_db();
    const std::vector<std::string> texts = {"a,b", "a b", "a\nb", "a\"b", "a\rb", "plain", "tab\there", "q \"x\""};
    db.create_element("Item", Element().set("label", std::string("q")).set("value_text", texts));
    EXPECT_EQ(export_text(db, "Item", "values"),
              "sep=,\n"
              "id,vector_index,value_int,value_float,value_text\n"
              "q,1,,,\"a,b\"\n"
              "q,2,,,\"a b\"\n"
              "q,3,,,\"a\nb\"\n"
              "q,4,,,a\"b\n"
              "q,5,,,a\rb\n"
              "q,6,,,plain\n"
              "q,7,,,tab\there\n"
              "q,8,,,\"q \"\"x\"\"\"\n");
}

TEST(CsvExportFile, EmptyStringAndNullBothEmpty) {
    auto db = make_db();
    db.create_element("Item", Element().set("label", std::string("e")).set("description", std::string("   ")));
    db.create_element("Item", Element().set("label", std::string("n")));
    EXPECT_EQ(export_text(db, "Item", ""),
              "sep=,\n"
              "label,quantity,price,description,date_created,date_due,status,owner_id,sibling_id,code\n"
              "e,,,,,,1,,,\n"
              "n,,,,,,1,,,\n");
}

TEST(CsvExportFile, EnumLabelsFirstLocaleAndLabelInAscendingOrder) {
    auto db = make_db();
    seed(db);
    db.create_element("Item", Element().set("label", std::string("unmapped")).set("status", int64_t{7}));
    auto options = enum_options();
    // Two labels for 1 in "en": the ascending first ("Active" < "On") wins; "de" < "en" < "pt".
    options.enum_labels["status"]["en"]["On"] = 1;
    options.enum_labels["status"]["de"]["Zwei"] = 2;
    const auto text = export_text(db, "Item", "", options);
    EXPECT_NE(text.find("\n\"Item 1\",10,9.99,\"Alpha, \"\"Beta\"\"\",2024-01-15T10:30:00,2024-03-01T08:00:00,Active,"),
              std::string::npos)
        << text;
    EXPECT_NE(text.find(",Ação,,\"Item 1\",\n"), std::string::npos) << text;   // only "pt" maps 9
    EXPECT_NE(text.find(",,Zwei,\"Owner, B\","), std::string::npos) << text;  // "de" first
    EXPECT_NE(text.find("\nunmapped,,,,,,7,,,\n"), std::string::npos) << text;
    const auto levels = export_text(db, "Item", "levels", options);
    EXPECT_EQ(levels, "sep=,\nid,level\n\"Item 1\",Low\n\"Item 1\",High\n\"Ítem três\",High\n");
}

TEST(CsvExportFile, DateTimeFormatAppliesToDateTimeColumns) {
    auto db = make_db();
    seed(db);
    db.create_element("Item", Element()
                                  .set("label", std::string("odd dates"))
                                  .set("date_created", std::string("2024-07-04"))
                                  .set("description", std::string("2024-01-01T00:00:00")));
    // An unparsable stored date is exported raw; writes refuse it (D22), so it comes from raw SQL.
    db.query_string("UPDATE Item SET date_due = 'soon' WHERE label = 'odd dates'");
    CSVOptions options;
    options.date_time_format = "%d/%m/%Y %H:%M";
    const auto text = export_text(db, "Item", "", options);
    // date_* TEXT and declared DATE_TIME columns are formatted, unparseable values written raw,
    // other TEXT columns untouched.
    EXPECT_NE(text.find(",\"15/01/2024 10:30\",\"01/03/2024 08:00\","), std::string::npos) << text;
    EXPECT_NE(text.find("\"odd dates\",,,2024-01-01T00:00:00,\"04/07/2024 00:00\",soon,1,,,\n"), std::string::npos)
        << text;
    // The time-series dimension is a DateTime column too.
    options.date_time_format = "%Y%m%d";
    EXPECT_NE(export_text(db, "Item", "readings", options).find("\"Item 1\",20240101,20.5,50,ok\n"),
              std::string::npos);
}

TEST(CsvExportFile, ForeignKeyWithoutElementWritesInteger) {
    auto db = make_db();
    db.create_element("Item", Element().set("label", std::string("x")));
    db.query_integer("PRAGMA foreign_keys = OFF");
    db.query_integer("UPDATE Item SET owner_id = 42");
    db.query_integer("PRAGMA foreign_keys = ON");
    EXPECT_EQ(export_text(db, "Item", ""),
              "sep=,\n"
              "label,quantity,price,description,date_created,date_due,status,owner_id,sibling_id,code\n"
              "x,,,,,,1,42,,\n");
}

TEST(CsvExportFile, CreatesParentDirectoriesAndOverwrites) {
    auto db = make_db();
    seed(db);
    const auto path = (test::scratch_dir() / "a" / "b" / "owners.csv").string();
    db.export_csv("Owner", "", path);
    EXPECT_EQ(read_text(path), "sep=,\nlabel,budget\n\"Owner A\",1500.25\n\"Owner, B\",\n");
    csv_test::write_text(path, "something much longer than the export that follows it ....................");
    db.export_csv("Configuration", "", path);
    EXPECT_EQ(read_text(path), "sep=,\nlabel\n");
}

TEST(CsvExportFile, Errors) {
    auto db = make_db();
    const auto path = csv_path();
    EXPECT_EQ(error_of([&] { db.export_csv("Nope", "", path); }), "Cannot export_csv: collection not found: Nope");
    EXPECT_EQ(error_of([&] { db.export_csv("Item", "nope", path); }),
              "Cannot export_csv: group not found: 'nope' in collection 'Item'");
    // Groups are addressed by group name, not by column name.
    EXPECT_EQ(error_of([&] { db.export_csv("Item", "value_int", path); }),
              "Cannot export_csv: group not found: 'value_int' in collection 'Item'");
    // The files table (Item_time_series_files) is not a time-series group.
    EXPECT_EQ(error_of([&] { db.export_csv("Item", "files", path); }),
              "Cannot export_csv: group not found: 'files' in collection 'Item'");
    const auto dir = test::scratch_dir().string();
    EXPECT_EQ(error_of([&] { db.export_csv("Item", "", dir); }), "Failed to export_csv: could not open file: " + dir);
    EXPECT_FALSE(std::filesystem::exists(path));

    const auto empty_path = test::scratch_db("empty.db");
    std::ofstream{empty_path};  // a zero-byte file is an empty database; opening never creates one (D23)
    Database empty(empty_path, csv_test::quiet_options());
    EXPECT_EQ(error_of([&] { empty.export_csv("Item", "", path); }), "Cannot export_csv: no schema loaded");
}

TEST(CsvExportFile, WorksInsideTransactionWithoutEndingIt) {
    auto db = make_db();
    db.begin_transaction();
    db.create_element("Owner", Element().set("label", std::string("Pending")));
    EXPECT_EQ(export_text(db, "Owner", ""), "sep=,\nlabel,budget\nPending,\n");
    EXPECT_TRUE(db.in_transaction());
    db.rollback();
}

}  // namespace
}  // namespace quiver
