// CSV import (semantics §8.1, §8.3–§8.5; D3, D8, D9, D14) including export → import round trips.
#include "test_helpers.h"

#include <quiver/database.h>

#include <gtest/gtest.h>

#include <filesystem>

using namespace quiver;
using namespace quiver::test;
namespace fs = std::filesystem;

using OptI = std::optional<int64_t>;
using OptD = std::optional<double>;
using OptS = std::optional<std::string>;

namespace {

const std::string kHeader = "label,some_integer,some_float,some_string,date_start,date_end,status,weight,code";

std::string csv_file(const std::string& name, const std::string& content) {
    const std::string path = (scratch_dir() / name).string();
    write_file(path, content);
    return path;
}

std::string export_to_string(Database& db, const std::string& collection, const std::string& group,
                             const CSVOptions& options = default_csv_options()) {
    static int counter = 0;
    const std::string path = (scratch_dir() / ("export_" + std::to_string(counter++) + ".csv")).string();
    db.export_csv(collection, group, path, options);
    return read_file(path);
}

// A collections.sql database with two elements.
Database seeded_collections() {
    auto db = memory_db("valid/collections.sql");
    db.create_element("Collection", Element().set("label", "A").set("some_integer", int64_t{1}).set("some_float", 1.5));
    db.create_element("Collection", Element().set("label", "B").set("some_integer", int64_t{2}));
    return db;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Round trips (D8)

TEST(CsvImport, ScalarRoundTripIntoFreshDatabase) {
    auto source = memory_db("valid/collections.sql");
    source.create_element("Collection", Element()
                                            .set("label", "Item 1")
                                            .set("some_integer", int64_t{-42})
                                            .set("some_float", 0.1)
                                            .set("some_string", std::string("Alpha, \"Beta\"\nsecond line"))
                                            .set("date_start", std::string("2024-01-15T10:30:00"))
                                            .set("date_end", std::string("2025-12-31T23:59:59"))
                                            .set("status", int64_t{0})
                                            .set("weight", 1.0 / 3.0)
                                            .set("code", std::string("a\"b")));
    source.create_element("Collection", Element().set("label", "Item 2").set("some_float", 1e-7).set_null("weight"));
    source.create_element("Collection", Element().set("label", "Item,3").set("some_float", 1234567.891).set("weight", 1e8));
    const std::string exported = export_to_string(source, "Collection", "");

    auto target = memory_db("valid/collections.sql");
    target.import_csv("Collection", "", csv_file("in.csv", exported));
    EXPECT_EQ(target.read_element_ids("Collection"), (std::vector<int64_t>{1, 2, 3}));
    for (const char* column : {"label", "some_string", "date_start", "date_end", "code"}) {
        EXPECT_EQ(target.read_scalar_strings("Collection", column), source.read_scalar_strings("Collection", column)) << column;
    }
    for (const char* column : {"some_integer", "status"}) {
        EXPECT_EQ(target.read_scalar_integers("Collection", column), source.read_scalar_integers("Collection", column)) << column;
    }
    for (const char* column : {"some_float", "weight"}) {
        EXPECT_EQ(target.read_scalar_floats("Collection", column), source.read_scalar_floats("Collection", column)) << column;
    }
    EXPECT_EQ(export_to_string(target, "Collection", ""), exported);
}

TEST(CsvImport, ReimportingOwnExportChangesNothing) {
    auto db = memory_db("valid/relations.sql");
    db.create_element("Parent", Element().set("label", "P1").set("value", int64_t{1}));
    db.create_element("Parent", Element().set("label", "P2"));
    db.create_element("Child", Element().set("label", "A").set("parent_id", std::string("P2")).set("note", std::string("n")));
    db.create_element("Child", Element()
                                   .set("label", "B")
                                   .set("sibling_id", std::string("A"))
                                   .set("owner_id", std::string("P1"))
                                   .set("parent_ref", std::vector<std::string>{"P1", "P2"})
                                   .set("weight", std::vector<double>{0.1, 2.0})
                                   .set("friend_id", std::vector<std::string>{"A"}));
    db.update_element("Child", 1, Element().set("sibling_id", std::string("B")));
    db.update_element("Child", 2, Element().set("friend_id", std::vector<std::string>{"A", "B"}));
    const std::string before = snapshot(db);
    for (const auto& [collection, group] : std::vector<std::pair<std::string, std::string>>{
             {"Parent", ""}, {"Child", ""}, {"Child", "refs"}, {"Child", "friends"}, {"Child", "parents"}}) {
        const std::string exported = export_to_string(db, collection, group);
        db.import_csv(collection, group, csv_file("re.csv", exported));
        EXPECT_EQ(snapshot(db), before) << collection << "/" << group;
    }
}

TEST(CsvImport, GroupRoundTripsIntoFreshDatabase) {
    auto source = memory_db("valid/illustrative.sql");
    source.create_element("Owner", Element().set("label", "O"));
    source.create_element("Plant", Element()
                                       .set("label", "P1")
                                       .set("capacity", 12.5)
                                       .set("owner_id", std::string("O"))
                                       .set("date_commissioned", std::string("2020-05-01T00:00:00"))
                                       .set("unit_size", std::vector<double>{0.1, 0.2, 0.3})
                                       .set("unit_code", std::vector<std::string>{"a", "b b", "c,d"})
                                       .set("tag", std::vector<std::string>{"x", "y"})
                                       .set("date_time", std::vector<std::string>{"2024-01-01T00:00:00", "2024-01-02T00:00:00"})
                                       .set("generation", std::vector<double>{1.25, 2.5}));
    source.create_element("Plant", Element().set("label", "P2").set("unit_size", std::vector<double>{9.0}).set("tag", std::vector<std::string>{"z"}));

    auto target = memory_db("valid/illustrative.sql");
    for (const auto& [collection, group] : std::vector<std::pair<std::string, std::string>>{
             {"Owner", ""}, {"Plant", ""}, {"Plant", "units"}, {"Plant", "tags"}, {"Plant", "output"}}) {
        target.import_csv(collection, group, csv_file("in.csv", export_to_string(source, collection, group)));
    }
    EXPECT_EQ(snapshot(target), snapshot(source));
}

TEST(CsvImport, RoundTripWithEnumsAndDateFormat) {
    auto source = memory_db("valid/collections.sql");
    source.create_element("Collection", Element().set("label", "A").set("status", int64_t{2}).set("date_start", std::string("2024-03-04T05:06:07")));
    CSVOptions options;
    options.enum_labels["status"]["en"] = {{"Active", 1}, {"Retired", 2}};
    options.date_time_format = "%Y-%m-%d %H:%M:%S";
    const std::string exported = export_to_string(source, "Collection", "", options);
    EXPECT_NE(exported.find("Retired"), std::string::npos) << exported;
    EXPECT_NE(exported.find("\"2024-03-04 05:06:07\""), std::string::npos) << exported;
    auto target = memory_db("valid/collections.sql");
    target.import_csv("Collection", "", csv_file("in.csv", exported), options);
    EXPECT_EQ(snapshot(target), snapshot(source));
}

// ---------------------------------------------------------------------------------------------
// Scalar import semantics (§8.5)

TEST(CsvImport, ReplacesCollectionKeepingIdsByLabel) {
    auto db = memory_db("valid/vectors.sql");
    db.create_element("Collection", Element().set("label", "A").set("codes", std::vector<int64_t>{1}));
    db.create_element("Collection", Element().set("label", "B").set("some_integer", int64_t{5}).set("codes", std::vector<int64_t>{2, 3}));
    db.create_element("Collection", Element().set("label", "C"));
    db.delete_element("Collection", 3);  // AUTOINCREMENT sequence is now 3
    db.import_csv("Collection", "", csv_file("in.csv", "sep=,\nlabel,some_integer,some_float\nD,7,\nB,6,0.5\n"));
    EXPECT_EQ(db.read_element_ids("Collection"), (std::vector<int64_t>{2, 4}));
    EXPECT_EQ(db.read_scalar_strings("Collection", "label"), (std::vector<OptS>{"B", "D"}));
    EXPECT_EQ(db.read_scalar_integers("Collection", "some_integer"), (std::vector<OptI>{6, 7}));
    EXPECT_EQ(db.read_scalar_floats("Collection", "some_float"), (std::vector<OptD>{0.5, std::nullopt}));
    // A's group rows went with it; B keeps its group rows.
    EXPECT_EQ(db.read_vector_integers("Collection", "codes"), (std::vector<std::vector<int64_t>>{{2, 3}, {}}));
    EXPECT_EQ(count_rows(db, "Collection_vector_codes"), 2);
}

TEST(CsvImport, HeaderOrderTrimmingAndNulls) {
    auto db = seeded_collections();
    db.import_csv("Collection", "",
                  csv_file("in.csv", "sep=,\n"
                                     "code,weight,status,date_end,date_start,some_string,some_float,some_integer,label\n"
                                     "  c1 ,\t2.5 , 3 ,,, spaced text ,,,  A  \n"));
    EXPECT_EQ(db.read_element_ids("Collection"), (std::vector<int64_t>{1}));
    EXPECT_EQ(db.read_scalar_string_by_id("Collection", "code", 1), OptS("c1"));
    EXPECT_EQ(db.read_scalar_float_by_id("Collection", "weight", 1), OptD(2.5));
    EXPECT_EQ(db.read_scalar_integer_by_id("Collection", "status", 1), OptI(3));
    EXPECT_EQ(db.read_scalar_string_by_id("Collection", "some_string", 1), OptS("spaced text"));
    EXPECT_EQ(db.read_scalar_integer_by_id("Collection", "some_integer", 1), std::nullopt);  // empty = NULL
    EXPECT_EQ(db.read_scalar_float_by_id("Collection", "some_float", 1), std::nullopt);
}

TEST(CsvImport, MissingColumnsMeanColumnMismatchNotDefaults) {
    auto db = seeded_collections();
    EXPECT_FAILS_UNCHANGED(db, db.import_csv("Collection", "", csv_file("in.csv", "sep=,\nlabel,some_integer\nA,1\n")),
                           "Cannot import_csv: The number of columns in the CSV file does not match the number of columns in the database.");
}

TEST(CsvImport, SemicolonSeparator) {
    auto db = seeded_collections();
    db.import_csv("Collection", "", csv_file("a.csv", "sep=;\n" + std::string("label;some_integer;some_float;some_string;date_start;date_end;status;weight;code\n") +
                                                          "X;1;2.5;a,b;;;1;;\n"));
    EXPECT_EQ(db.read_scalar_strings("Collection", "label"), (std::vector<OptS>{"X"}));
    EXPECT_EQ(db.read_scalar_string_by_id("Collection", "some_string", 3), OptS("a,b"));
}

TEST(CsvImport, SemicolonDetectedWithoutSepLine) {
    auto db = seeded_collections();
    db.import_csv("Collection", "", csv_file("a.csv", "label;some_integer;some_float;some_string;date_start;date_end;status;weight;code\nY;4;;;;;1;;\n"));
    EXPECT_EQ(db.read_scalar_strings("Collection", "label"), (std::vector<OptS>{"Y"}));
    EXPECT_EQ(db.read_scalar_integers("Collection", "some_integer"), (std::vector<OptI>{4}));
}

TEST(CsvImport, CommaWithoutSepLine) {
    auto db = seeded_collections();
    db.import_csv("Collection", "", csv_file("a.csv", kHeader + "\nZ;z,5,,,,,1,,\n"));
    EXPECT_EQ(db.read_scalar_strings("Collection", "label"), (std::vector<OptS>{"Z;z"}));
}

TEST(CsvImport, CrLfAndQuotedFields) {
    auto db = seeded_collections();
    db.import_csv("Collection", "",
                  csv_file("a.csv", "sep=,\r\n" + kHeader + "\r\n\"Q, 1\",1,,\"multi\nline \"\"quoted\"\"\",,,1,,\r\nR,2,,,,,1,,\r\n"));
    EXPECT_EQ(db.read_scalar_strings("Collection", "label"), (std::vector<OptS>{"Q, 1", "R"}));
    EXPECT_EQ(db.read_scalar_strings("Collection", "some_string"), (std::vector<OptS>{"multi\nline \"quoted\"", std::nullopt}));
    EXPECT_EQ(db.read_scalar_integers("Collection", "status"), (std::vector<OptI>{1, 1}));
}

TEST(CsvImport, ExcelTrailingSeparators) {
    auto db = seeded_collections();
    db.import_csv("Collection", "", csv_file("a.csv", "sep=,\n" + kHeader + ",, \r\nE,1,,,,,1,, , ,\nF,2,,,,,1,,,,\n"));
    EXPECT_EQ(db.read_scalar_strings("Collection", "label"), (std::vector<OptS>{"E", "F"}));
}

TEST(CsvImport, ExcelTrailingSeparatorsOnlyUpToHeaderCount) {
    auto db = seeded_collections();
    EXPECT_FAILS_UNCHANGED(db, db.import_csv("Collection", "", csv_file("a.csv", "sep=,\n" + kHeader + ",,\nE,1,,,,,1,,,,,,\n")),
                           "Cannot import_csv: Row 1 has 11 columns, but the header has 9.");
}

TEST(CsvImport, IntegerAndFloatLiterals) {
    auto db = seeded_collections();
    db.import_csv("Collection", "", csv_file("a.csv", "sep=,\n" + kHeader + "\nA,+5,1e3,,,,-3,-0.25,\nB,-7,5,,,,0,2E-2,\n"));
    EXPECT_EQ(db.read_scalar_integers("Collection", "some_integer"), (std::vector<OptI>{5, -7}));
    EXPECT_EQ(db.read_scalar_floats("Collection", "some_float"), (std::vector<OptD>{1000.0, 5.0}));
    EXPECT_EQ(db.read_scalar_integers("Collection", "status"), (std::vector<OptI>{-3, 0}));
    EXPECT_EQ(db.read_scalar_floats("Collection", "weight"), (std::vector<OptD>{-0.25, 0.02}));
}

TEST(CsvImport, EnumLabelsCaseInsensitiveAcrossLocales) {
    auto db = seeded_collections();
    CSVOptions options;
    options.enum_labels["status"]["en"] = {{"Active", 1}, {"Inactive", 0}};
    options.enum_labels["status"]["pt"] = {{"Ativo", 1}, {"Suspenso", 5}};
    db.import_csv("Collection", "", csv_file("a.csv", "sep=,\n" + kHeader + "\nA,,,,,,active,,\nB,,,,,,SUSPENSO,,\nC,,,,,,9,,\n"), options);
    EXPECT_EQ(db.read_scalar_integers("Collection", "status"), (std::vector<OptI>{1, 5, 9}));
}

TEST(CsvImport, DatesNormalised) {
    auto db = seeded_collections();
    db.import_csv("Collection", "",
                  csv_file("a.csv", "sep=,\n" + kHeader +
                                        "\nA,,,,2024-01-15,2024-1-5 3:4,1,,"
                                        "\nB,,,,2024-01-15T10:30:00.123Z,2024-01-15 10,1,,"
                                        "\nC,,,,2024-02-30T23:59:60,,1,,\n"));
    EXPECT_EQ(db.read_scalar_strings("Collection", "date_start"),
              (std::vector<OptS>{"2024-01-15T00:00:00", "2024-01-15T10:30:00", db.read_scalar_string_by_id("Collection", "date_start", 3)}));
    EXPECT_EQ(db.read_scalar_strings("Collection", "date_end"), (std::vector<OptS>{"2024-01-05T03:04:00", "2024-01-15T10:00:00", std::nullopt}));
    EXPECT_TRUE(db.read_scalar_string_by_id("Collection", "date_start", 3).has_value());  // 2024-02-30 is accepted
}

TEST(CsvImport, DatesWithFormat) {
    auto db = seeded_collections();
    CSVOptions options;
    options.date_time_format = "%d/%m/%Y";
    db.import_csv("Collection", "", csv_file("a.csv", "sep=,\n" + kHeader + "\nA,,,,15/01/2024,,1,,\n"), options);
    EXPECT_EQ(db.read_scalar_strings("Collection", "date_start"), (std::vector<OptS>{"2024-01-15T00:00:00"}));
    EXPECT_FAILS_UNCHANGED(db, db.import_csv("Collection", "", csv_file("b.csv", "sep=,\n" + kHeader + "\nA,,,,2024-01-15,,1,,\n"), options),
                           "Cannot import_csv: Timestamp 2024-01-15 is not valid. Please provide a valid timestamp with format %d/%m/%Y.");
    CSVOptions no_day;
    no_day.date_time_format = "%Y-%m";
    EXPECT_FAILS_UNCHANGED(db, db.import_csv("Collection", "", csv_file("c.csv", "sep=,\n" + kHeader + "\nA,,,,2024-01,,1,,\n"), no_day),
                           "Cannot import_csv: Timestamp 2024-01 is not valid. Please provide a valid timestamp with format %Y-%m.");
}

TEST(CsvImport, ForeignKeysResolvedByLabel) {
    auto db = memory_db("valid/relations.sql");
    db.create_element("Parent", Element().set("label", "P1"));
    db.create_element("Parent", Element().set("label", "123"));
    db.import_csv("Child", "",
                  csv_file("a.csv", "sep=,\nlabel,parent_id,sibling_id,owner_id,note\n"
                                    "A,123,B,,\n"  // forward self reference; numeric cell is a label
                                    "B,P1,A,P1,x\n"));
    EXPECT_EQ(db.read_element_ids("Child"), (std::vector<int64_t>{1, 2}));
    EXPECT_EQ(db.read_scalar_integers("Child", "parent_id"), (std::vector<OptI>{2, 1}));
    EXPECT_EQ(db.read_scalar_integers("Child", "sibling_id"), (std::vector<OptI>{2, 1}));
    EXPECT_EQ(db.read_scalar_integers("Child", "owner_id"), (std::vector<OptI>{std::nullopt, 1}));
}

TEST(CsvImport, GroupImportReplacesWholeTable) {
    auto db = memory_db("valid/vectors.sql");
    db.create_element("Collection", Element().set("label", "A").set("value_int", std::vector<int64_t>{1, 2, 3}));
    db.create_element("Collection", Element().set("label", "B").set("value_int", std::vector<int64_t>{4}));
    db.create_element("Collection", Element().set("label", "C").set("codes", std::vector<int64_t>{8}));
    // Parent labels interleave; each parent's indices are 1, 2, ... in file order.
    db.import_csv("Collection", "values",
                  csv_file("a.csv", "sep=,\nid,vector_index,value_int,value_float,value_string\n"
                                    "C,1,30,,c\nB,1,20,2.5,\nC,2,31,,\nB,2,21,,\n"));
    // The stored rows, NULL cells included (typed readers refuse NULL cells, D20).
    EXPECT_EQ(db.query_string("SELECT group_concat(r, ' ') FROM (SELECT id || ':' || vector_index || ':' || quote(value_int) "
                              "|| ':' || quote(value_float) || ':' || quote(value_string) AS r FROM Collection_vector_values "
                              "ORDER BY id, vector_index)"),
              std::optional<std::string>("2:1:20:2.5:NULL 2:2:21:NULL:NULL 3:1:30:NULL:'c' 3:2:31:NULL:NULL"));
    EXPECT_EQ(db.read_vector_integers("Collection", "value_int"), (std::vector<std::vector<int64_t>>{{}, {20, 21}, {30, 31}}));
    EXPECT_EQ(db.read_vector_integers("Collection", "codes"), (std::vector<std::vector<int64_t>>{{}, {}, {8}}));  // other group untouched
}

TEST(CsvImport, SetAndTimeSeriesImport) {
    auto db = memory_db("valid/time_series.sql");
    db.create_element("Collection", Element().set("label", "A"));
    db.import_csv("Collection", "data",
                  csv_file("a.csv", "sep=,\nid,date_time,value,quantity,note\nA,2024-01-02,2.5,,\nA,2024-01-01 06:00,1,3,hi\n"));
    const auto rows = db.read_time_series_group("Collection", "data", 1);
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(std::get<std::string>(rows[0].at("date_time")), "2024-01-01T06:00:00");
    EXPECT_EQ(std::get<int64_t>(rows[0].at("quantity")), 3);
    EXPECT_DOUBLE_EQ(std::get<double>(rows[0].at("value")), 1.0);
    EXPECT_EQ(std::get<std::string>(rows[1].at("date_time")), "2024-01-02T00:00:00");

    auto sdb = memory_db("valid/sets.sql");
    sdb.create_element("Collection", Element().set("label", "A").set("tag", std::vector<std::string>{"old"}));
    sdb.create_element("Collection", Element().set("label", "B"));
    sdb.import_csv("Collection", "tags", csv_file("b.csv", "sep=,\nid,tag\nB,x\nA,y\nB,z\n"));
    EXPECT_EQ(sorted_inner(sdb.read_set_strings("Collection", "tag")), (std::vector<std::vector<std::string>>{{"y"}, {"x", "z"}}));
}

TEST(CsvImport, GroupForeignKeyValueColumnByLabel) {
    auto db = memory_db("valid/relations.sql");
    db.create_element("Parent", Element().set("label", "P1"));
    db.create_element("Parent", Element().set("label", "P2"));
    db.create_element("Child", Element().set("label", "C"));
    db.import_csv("Child", "refs", csv_file("a.csv", "sep=,\nid,vector_index,parent_ref,weight\nC,1,P2,\nC,2,,1.5\n"));
    // The stored rows, NULL cells included (typed readers refuse NULL cells, D20).
    EXPECT_EQ(db.query_string("SELECT group_concat(r, ' ') FROM (SELECT vector_index || ':' || quote(parent_ref) || ':' || "
                              "quote(weight) AS r FROM Child_vector_refs WHERE id = 1 ORDER BY vector_index)"),
              std::optional<std::string>("1:2:NULL 2:NULL:1.5"));
}

TEST(CsvImport, ZeroRowsScalarDeletesEverythingWithForeignKeyActions) {
    auto db = memory_db("valid/relations.sql");
    db.create_element("Parent", Element().set("label", "P1"));
    db.create_element("Child", Element().set("label", "nulled").set("parent_id", std::string("P1")));
    db.create_element("Child", Element().set("label", "owned").set("owner_id", std::string("P1")));
    db.import_csv("Parent", "", csv_file("a.csv", "sep=,\nlabel,value\n"));
    EXPECT_TRUE(db.read_element_ids("Parent").empty());
    EXPECT_EQ(db.read_scalar_strings("Child", "label"), (std::vector<OptS>{"nulled"}));
    EXPECT_EQ(db.read_scalar_integers("Child", "parent_id"), (std::vector<OptI>{std::nullopt}));
}

TEST(CsvImport, ZeroRowsGroupClearsGroup) {
    auto db = memory_db("valid/vectors.sql");
    db.create_element("Collection", Element().set("label", "A").set("value_int", std::vector<int64_t>{1}).set("codes", std::vector<int64_t>{2}));
    db.import_csv("Collection", "values", csv_file("a.csv", "sep=,\nid,vector_index,value_int,value_float,value_string\n"));
    EXPECT_EQ(count_rows(db, "Collection_vector_values"), 0);
    EXPECT_EQ(count_rows(db, "Collection_vector_codes"), 1);
    EXPECT_EQ(db.read_element_ids("Collection"), (std::vector<int64_t>{1}));
}

TEST(CsvImport, InsideUserTransaction) {  // D3
    auto db = seeded_collections();
    db.begin_transaction();
    db.create_element("Collection", Element().set("label", "T"));
    db.import_csv("Collection", "", csv_file("a.csv", "sep=,\n" + kHeader + "\nT,1,,,,,1,,\nA,2,,,,,1,,\n"));
    EXPECT_TRUE(db.in_transaction());
    EXPECT_FAILS_UNCHANGED(db, db.import_csv("Collection", "", csv_file("b.csv", "sep=,\n" + kHeader + "\nT,x,,,,,1,,\n")),
                           "Cannot import_csv: Invalid integer value 'x' for column 'some_integer'.");
    EXPECT_FAILS_UNCHANGED(db, db.import_csv("Collection", "", csv_file("c.csv", "sep=,\n" + kHeader + "\nT,1,,,,,1,,\nT,2,,,,,1,,\n")),
                           "Cannot import_csv: There are duplicate entries in the CSV file.");
    EXPECT_TRUE(db.in_transaction());
    db.commit();
    EXPECT_EQ(db.read_scalar_strings("Collection", "label"), (std::vector<OptS>{"A", "T"}));
    EXPECT_EQ(db.read_scalar_integers("Collection", "some_integer"), (std::vector<OptI>{2, 1}));
}

// ---------------------------------------------------------------------------------------------
// Errors: every one leaves the database unchanged (D9)

class CsvImportErrors : public ::testing::Test {
protected:
    void SetUp() override {
        db_ = std::make_unique<Database>(memory_db("valid/relations.sql"));
        db().create_element("Parent", Element().set("label", "P1"));
        db().create_element("Child", Element().set("label", "C1").set("parent_id", std::string("P1")).set("parent_ref", std::vector<std::string>{"P1"}));
        db().create_element("Child", Element().set("label", "C2").set("sibling_id", std::string("C1")));
        cdb_ = std::make_unique<Database>(seeded_collections());
        cdb().create_element("Collection", Element().set("label", "V"));
    }
    void expect_collection_error(const std::string& content, const std::string& message, const CSVOptions& options = {}) {
        EXPECT_FAILS_UNCHANGED(cdb(), cdb().import_csv("Collection", "", csv_file("err.csv", content), options), message);
    }
    Database& db() { return *db_; }
    Database& cdb() { return *cdb_; }
    std::unique_ptr<Database> db_;
    std::unique_ptr<Database> cdb_;
};

TEST_F(CsvImportErrors, FileProblems) {
    const std::string missing = (scratch_dir() / "missing.csv").string();
    EXPECT_FAILS_UNCHANGED(cdb(), cdb().import_csv("Collection", "", missing), "Cannot import_csv: could not open file: " + missing);
    expect_collection_error("", "Cannot import_csv: CSV file is empty.");
    expect_collection_error("sep=,\n", "Cannot import_csv: CSV file is empty.");
}

TEST_F(CsvImportErrors, LookupProblems) {
    const std::string path = csv_file("x.csv", "sep=,\nlabel\n");
    EXPECT_FAILS_UNCHANGED(cdb(), cdb().import_csv("Nope", "", path), "Cannot import_csv: collection not found: Nope");
    EXPECT_FAILS_UNCHANGED(cdb(), cdb().import_csv("Collection", "nope", path), "Cannot import_csv: group not found: 'nope' in collection 'Collection'");
}

TEST_F(CsvImportErrors, HeaderProblems) {
    expect_collection_error("sep=,\nsome_integer,some_float\n1,2\n", "Cannot import_csv: CSV file does not contain a 'label' column.");
    expect_collection_error("sep=,\nlabel,some_integer\nA,1\n",
                            "Cannot import_csv: The number of columns in the CSV file does not match the number of columns in the database.");
    expect_collection_error("sep=,\nid," + kHeader + "\n1,A,,,,,,1,,\n",
                            "Cannot import_csv: The number of columns in the CSV file does not match the number of columns in the database.");
    expect_collection_error("sep=,\nlabel,some_integer,some_float,some_string,date_start,date_end,status,weight,CODE\nA,,,,,,1,,\n",
                            "Cannot import_csv: The columns in the CSV file do not match the columns in the database.");
}

TEST_F(CsvImportErrors, RowWidth) {
    expect_collection_error("sep=,\n" + kHeader + "\nA,,,,,,1,,\nB,1,2\n", "Cannot import_csv: Row 2 has 3 columns, but the header has 9.");
    expect_collection_error("sep=,\n" + kHeader + "\nA,,,,,,1,,,\n", "Cannot import_csv: Row 1 has 10 columns, but the header has 9.");
}

TEST_F(CsvImportErrors, NotNull) {
    expect_collection_error("sep=,\n" + kHeader + "\nA,,,,,,,,\n", "Cannot import_csv: Column status cannot be NULL.");
    expect_collection_error("sep=,\n" + kHeader + "\n  ,,,,,,1,,\n", "Cannot import_csv: Column label cannot be NULL.");
}

TEST_F(CsvImportErrors, InvalidNumbers) {  // D14
    expect_collection_error("sep=,\n" + kHeader + "\nA,3.7,,,,,1,,\n", "Cannot import_csv: Invalid integer value '3.7' for column 'some_integer'.");
    expect_collection_error("sep=,\n" + kHeader + "\nA,12abc,,,,,1,,\n", "Cannot import_csv: Invalid integer value '12abc' for column 'some_integer'.");
    expect_collection_error("sep=,\n" + kHeader + "\nA,,1.5xyz,,,,1,,\n", "Cannot import_csv: Invalid float value '1.5xyz' for column 'some_float'.");
    expect_collection_error("sep=,\n" + kHeader + "\nA,,abc,,,,1,,\n", "Cannot import_csv: Invalid float value 'abc' for column 'some_float'.");
}

TEST_F(CsvImportErrors, InvalidEnum) {
    CSVOptions options;
    options.enum_labels["status"]["en"] = {{"Active", 1}};
    expect_collection_error("sep=,\n" + kHeader + "\nA,,,,,,Bogus,,\n", "Cannot import_csv: Invalid enum value 'Bogus' for column 'status'.", options);
    expect_collection_error("sep=,\n" + kHeader + "\nA,,,,,,Active,,\n", "Cannot import_csv: Invalid integer value 'Active' for column 'status'.");
}

TEST_F(CsvImportErrors, InvalidTimestamps) {
    for (const char* bad : {"2020-02", "2024/01/15", "20240115", "not-a-date", "2024-13-01", "2024-01-32", "2024-01-01T24:00:00", "24-01-01"}) {
        SCOPED_TRACE(bad);
        expect_collection_error("sep=,\n" + kHeader + "\nA,,,,," + bad + ",1,,\n",
                                std::string("Cannot import_csv: Timestamp ") + bad +
                                    " is not valid. Please provide a valid timestamp with format %Y-%m-%dT%H:%M:%S.");
    }
}

TEST_F(CsvImportErrors, DuplicateLabels) {
    expect_collection_error("sep=,\n" + kHeader + "\nA,,,,,,1,,\nB,,,,,,1,,\nA,,,,,,1,,\n", "Cannot import_csv: There are duplicate entries in the CSV file.");
    // Duplicates after trimming.
    expect_collection_error("sep=,\n" + kHeader + "\nA,,,,,,1,,\n A ,,,,,,1,,\n", "Cannot import_csv: There are duplicate entries in the CSV file.");
}

TEST_F(CsvImportErrors, ScalarForeignKeys) {
    const std::string header = "sep=,\nlabel,parent_id,sibling_id,owner_id,note\n";
    EXPECT_FAILS_UNCHANGED(db(), db().import_csv("Child", "", csv_file("a.csv", header + "C1,Ghost,,,\n")),
                           "Cannot import_csv: Could not find an existing element from collection Parent with label Ghost.\nCreate the element before referencing it.");
    // Self reference: must be a label present in the file (C2 exists in the database but not in the file).
    EXPECT_FAILS_UNCHANGED(db(), db().import_csv("Child", "", csv_file("b.csv", header + "C1,,C2,,\n")),
                           "Cannot import_csv: Could not find an existing element from collection Child with label C2.\nCreate the element before referencing it.");
    // A numeric cell is a label too, never an id.
    EXPECT_FAILS_UNCHANGED(db(), db().import_csv("Child", "", csv_file("c.csv", header + "C1,1,,,\n")),
                           "Cannot import_csv: Could not find an existing element from collection Parent with label 1.\nCreate the element before referencing it.");
}

TEST_F(CsvImportErrors, GroupProblems) {
    EXPECT_FAILS_UNCHANGED(db(), db().import_csv("Child", "refs", csv_file("a.csv", "sep=,\nid,vector_index,parent_ref,weight\nGhost,1,P1,\n")),
                           "Cannot import_csv: Element with id Ghost does not exist in collection Child.");
    EXPECT_FAILS_UNCHANGED(db(), db().import_csv("Child", "refs", csv_file("b.csv", "sep=,\nid,vector_index,parent_ref,weight\nC1,1,Ghost,\n")),
                           "Cannot import_csv: Could not find an existing element from collection Parent with label Ghost.");
    EXPECT_FAILS_UNCHANGED(db(), db().import_csv("Child", "parents", csv_file("c.csv", "sep=,\nid,parent_ref\nC1,P1\nC1,P1\n")),
                           "Cannot import_csv: There are duplicate entries in the CSV file.");
    EXPECT_FAILS_UNCHANGED(db(), db().import_csv("Child", "refs", csv_file("d.csv", "sep=,\nid,vector_index,parent_ref\nC1,1,P1\n")),
                           "Cannot import_csv: The number of columns in the CSV file does not match the number of columns in the database.");
    EXPECT_FAILS_UNCHANGED(db(), db().import_csv("Child", "refs", csv_file("e.csv", "sep=,\nid,vector_index,parent_ref,weight\nC1,1,P1,heavy\n")),
                           "Cannot import_csv: Invalid float value 'heavy' for column 'weight'.");
}

TEST_F(CsvImportErrors, VectorIndexRules) {
    const std::string header = "sep=,\nid,vector_index,parent_ref,weight\n";
    const std::string msg = "Cannot import_csv: Column vector_index must be consecutive, unique and start at 1.";
    for (const char* body : {"C1,2,,\n", "C1,1,,\nC1,3,,\n", "C1,1,,\nC1,1,,\n", "C1,2,,\nC1,1,,\n", "C1,0,,\n", "C1,1,,\nC2,1,,\nC1,1,,\n"}) {
        SCOPED_TRACE(body);
        EXPECT_FAILS_UNCHANGED(db(), db().import_csv("Child", "refs", csv_file("v.csv", header + body)), msg);
    }
}

TEST_F(CsvImportErrors, NoSchemaLoaded) {
    Database empty(":memory:", quiet());
    EXPECT_THROW_MSG(empty.import_csv("Collection", "", csv_file("x.csv", "sep=,\nlabel\nA\n")), "Cannot import_csv: no schema loaded");
}

TEST_F(CsvImportErrors, EmptyLineInTheMiddleIsARow) {
    expect_collection_error("sep=,\n" + kHeader + "\nA,,,,,,1,,\n\nB,,,,,,1,,\n", "Cannot import_csv: Row 2 has 1 columns, but the header has 9.");
}

TEST_F(CsvImportErrors, HeaderNamesAreNotTrimmed) {
    expect_collection_error("sep=,\n label,some_integer,some_float,some_string,date_start,date_end,status,weight,code\nA,,,,,,1,,\n",
                            "Cannot import_csv: CSV file does not contain a 'label' column.");
}

TEST(CsvExportEnums, GroupColumnsUseEnumLabelsToo) {
    auto db = memory_db("valid/vectors.sql");
    db.create_element("Collection", Element().set("label", "A").set("codes", std::vector<int64_t>{1, 2, 3}));
    CSVOptions options;
    options.enum_labels["codes"]["en"] = {{"one", 1}, {"two", 2}};
    const std::string exported = export_to_string(db, "Collection", "codes", options);
    EXPECT_EQ(exported, "sep=,\nid,vector_index,codes\nA,1,one\nA,2,two\nA,3,3\n");
    db.import_csv("Collection", "codes", csv_file("codes.csv", exported), options);
    EXPECT_EQ(db.read_vector_integers_by_id("Collection", "codes", 1), (std::vector<int64_t>{1, 2, 3}));
}
