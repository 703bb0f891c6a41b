// CSV export (semantics §8.1, §8.2; D8).
#include "test_helpers.h"

#include <quiver/database.h>

#include <gtest/gtest.h>

#include <filesystem>

using namespace quiver;
using namespace quiver::test;
namespace fs = std::filesystem;

namespace {
const char* kCollectionHeader = "label,some_integer,some_float,some_string,date_start,date_end,status,weight,code\n";

std::string export_to_string(Database& db, const std::string& collection, const std::string& group,
                             const CSVOptions& options = default_csv_options()) {
    const std::string path = (scratch_dir() / ("export_" + collection + "_" + group + ".csv")).string();
    db.export_csv(collection, group, path, options);
    return read_file(path);
}
}  // namespace

TEST(CsvExport, EmptyCollectionHasHeaderOnly) {
    auto db = memory_db("valid/collections.sql");
    EXPECT_EQ(export_to_string(db, "Collection", ""), std::string("sep=,\n") + kCollectionHeader);
}

TEST(CsvExport, ScalarsInDeclarationOrderWithoutId) {
    auto db = memory_db("valid/collections.sql");
    db.create_element("Collection", Element()
                                        .set("label", "A")
                                        .set("some_integer", int64_t{1})
                                        .set("some_float", 23.0)
                                        .set("some_string", std::string("plain"))
                                        .set("date_start", std::string("2024-01-15T10:30:00")));
    db.create_element("Collection", Element().set("label", "B").set("status", int64_t{0}).set_null("weight").set("code", std::string("")));
    EXPECT_EQ(export_to_string(db, "Collection", ""), std::string("sep=,\n") + kCollectionHeader +
                                                          "A,1,23,plain,2024-01-15T10:30:00,,1,2.5,none\n"
                                                          "B,,,,,,0,,\n");
}

TEST(CsvExport, RowsInRowidOrder) {
    auto db = memory_db("valid/basic.sql");
    db.create_element("Configuration", Element().set("id", int64_t{9}).set("label", "nine").set("integer_attribute", int64_t{9}));
    db.create_element("Configuration", Element().set("id", int64_t{3}).set("label", "three").set("integer_attribute", int64_t{3}));
    EXPECT_EQ(export_to_string(db, "Configuration", ""),
              "sep=,\n"
              "label,integer_attribute,float_attribute,string_attribute,date_attribute,boolean_attribute\n"
              "three,3,3.14,hello,,1\n"
              "nine,9,3.14,hello,,1\n");
}

TEST(CsvExport, Quoting) {
    auto db = memory_db("valid/collections.sql");
    db.create_element("Collection", Element().set("label", "Item 1").set("some_string", std::string("Alpha, \"Beta\"")));
    db.create_element("Collection", Element().set("label", "q").set("some_string", std::string("He said \"hello\"")));
    db.create_element("Collection", Element().set("label", "raw").set("some_string", std::string("a\"b")));
    db.create_element("Collection", Element().set("label", "lf").set("some_string", std::string("line1\nline2")));
    db.create_element("Collection", Element().set("label", "cr").set("some_string", std::string("x\ry")));
    EXPECT_EQ(export_to_string(db, "Collection", ""), std::string("sep=,\n") + kCollectionHeader +
                                                          "\"Item 1\",,,\"Alpha, \"\"Beta\"\"\",,,1,2.5,none\n"
                                                          "q,,,\"He said \"\"hello\"\"\",,,1,2.5,none\n"
                                                          "raw,,,a\"b,,,1,2.5,none\n"
                                                          "lf,,,\"line1\nline2\",,,1,2.5,none\n"
                                                          "cr,,,x\ry,,,1,2.5,none\n");
}

TEST(CsvExport, ShortestRoundTripFloats) {  // D8
    auto db = memory_db("valid/vectors.sql");
    db.create_element("Collection", Element().set("label", "A").set("value_float", std::vector<double>{23.0, 9.99, 1234567.891, 1e-7, 1e8, 0.1, -2.5, 1.0 / 3.0}));
    EXPECT_EQ(export_to_string(db, "Collection", "values"),
              "sep=,\n"
              "id,vector_index,value_int,value_float,value_string\n"
              "A,1,,23,\n"
              "A,2,,9.99,\n"
              "A,3,,1234567.891,\n"
              "A,4,,1e-07,\n"
              "A,5,,1e+08,\n"
              "A,6,,0.1,\n"
              "A,7,,-2.5,\n"
              "A,8,,0.3333333333333333,\n");
}

TEST(CsvExport, VectorGroupOrderedByParentThenIndex) {
    auto db = memory_db("valid/vectors.sql");
    db.create_element("Collection", Element().set("label", "First").set("codes", std::vector<int64_t>{3, 1}));
    db.create_element("Collection", Element().set("label", "Second").set("codes", std::vector<int64_t>{7}));
    db.update_element("Collection", 1, Element().set("codes", std::vector<int64_t>{5, 4, 6}));  // rewritten after Second
    EXPECT_EQ(export_to_string(db, "Collection", "codes"),
              "sep=,\n"
              "id,vector_index,codes\n"
              "First,1,5\n"
              "First,2,4\n"
              "First,3,6\n"
              "Second,1,7\n");
}

TEST(CsvExport, SetGroup) {
    auto db = memory_db("valid/sets.sql");
    db.create_element("Collection", Element().set("label", "A").set("tag", std::vector<std::string>{"x"}));
    db.create_element("Collection", Element().set("label", "B b").set("tag", std::vector<std::string>{"y"}));
    EXPECT_EQ(export_to_string(db, "Collection", "tags"), "sep=,\nid,tag\nA,x\n\"B b\",y\n");
}

TEST(CsvExport, TimeSeriesGroupOrderedByParentThenDimension) {
    auto db = memory_db("valid/time_series.sql");
    db.create_element("Collection", Element().set("label", "A"));
    db.create_element("Collection", Element().set("label", "B"));
    db.update_time_series_group("Collection", "data", 2, {{{"date_time", std::string("2024-01-01T00:00:00")}, {"value", 5.0}}});
    db.update_time_series_group("Collection", "data", 1,
                                {{{"date_time", std::string("2024-01-02T00:00:00")}, {"value", 2.0}, {"quantity", int64_t{2}}},
                                 {{"date_time", std::string("2024-01-01T00:00:00")}, {"value", 1.5}, {"note", std::string("n")}}});
    EXPECT_EQ(export_to_string(db, "Collection", "data"),
              "sep=,\n"
              "id,date_time,value,quantity,note\n"
              "A,2024-01-01T00:00:00,1.5,,n\n"
              "A,2024-01-02T00:00:00,2,2,\n"
              "B,2024-01-01T00:00:00,5,,\n");
}

TEST(CsvExport, ForeignKeysAsLabels) {  // D8
    auto db = memory_db("valid/relations.sql");
    db.create_element("Parent", Element().set("label", "P1"));
    db.create_element("Parent", Element().set("label", "P 2"));
    db.create_element("Child", Element().set("label", "A").set("parent_id", std::string("P 2")));
    db.create_element("Child", Element()
                                   .set("label", "B")
                                   .set("parent_id", std::string("P1"))
                                   .set("sibling_id", std::string("A"))
                                   .set("owner_id", std::string("P1"))
                                   .set("parent_ref", std::vector<std::string>{"P1", "P 2"})
                                   .set("friend_id", std::vector<std::string>{"A"}));
    EXPECT_EQ(export_to_string(db, "Child", ""),
              "sep=,\n"
              "label,parent_id,sibling_id,owner_id,note\n"
              "A,\"P 2\",,,\n"
              "B,P1,A,P1,\n");
    EXPECT_EQ(export_to_string(db, "Child", "refs"),
              "sep=,\n"
              "id,vector_index,parent_ref,weight\n"
              "B,1,P1,\n"
              "B,2,\"P 2\",\n");
    EXPECT_EQ(export_to_string(db, "Child", "friends"), "sep=,\nid,vector_index,friend_id\nB,1,A\n");
    // Order inside one element's set is unspecified.
    const std::string parents = export_to_string(db, "Child", "parents");
    EXPECT_TRUE(parents == "sep=,\nid,parent_ref\nB,P1\nB,\"P 2\"\n" || parents == "sep=,\nid,parent_ref\nB,\"P 2\"\nB,P1\n") << parents;
}

TEST(CsvExport, DanglingForeignKeyWritesInteger) {
    auto db = memory_db("valid/relations.sql");
    db.create_element("Parent", Element().set("label", "P1"));
    db.create_element("Child", Element().set("label", "A").set("parent_id", std::string("P1")));
    db.query_string("PRAGMA foreign_keys = OFF");
    db.query_string("UPDATE Child SET parent_id = 42");
    db.query_string("PRAGMA foreign_keys = ON");
    EXPECT_EQ(export_to_string(db, "Child", ""), "sep=,\nlabel,parent_id,sibling_id,owner_id,note\nA,42,,,\n");
}

TEST(CsvExport, EnumLabels) {
    auto db = memory_db("valid/collections.sql");
    db.create_element("Collection", Element().set("label", "A").set("status", int64_t{1}).set("some_integer", int64_t{1}));
    db.create_element("Collection", Element().set("label", "B").set("status", int64_t{2}));
    db.create_element("Collection", Element().set("label", "C").set("status", int64_t{7}));
    CSVOptions options;
    // Locales in ascending name order ("en" before "pt"), labels ascending ("Active" before "On").
    options.enum_labels["status"]["pt"] = {{"Ativo", 1}, {"Inativo", 2}};
    options.enum_labels["status"]["en"] = {{"On", 1}, {"Active", 1}};
    EXPECT_EQ(export_to_string(db, "Collection", "", options), std::string("sep=,\n") + kCollectionHeader +
                                                                   "A,1,,,,,Active,2.5,none\n"
                                                                   "B,,,,,,Inativo,2.5,none\n"
                                                                   "C,,,,,,7,2.5,none\n");
}

TEST(CsvExport, DateTimeFormat) {
    auto db = memory_db("valid/collections.sql");
    db.create_element("Collection", Element()
                                        .set("label", "A")
                                        .set("date_start", std::string("2024-01-15T10:30:00"))
                                        .set("date_end", std::string("2024-12-31"))
                                        .set("some_string", std::string("2024-01-15T10:30:00")));
    db.create_element("Collection", Element().set("label", "B").set("date_start", std::string("2024-02-03 04:05:06")));
    // An unparsable stored date is exported raw; writes refuse it (D22), so it comes from raw SQL.
    db.query_string("UPDATE Collection SET date_end = 'garbage' WHERE label = 'B'");
    CSVOptions options;
    options.date_time_format = "%d/%m/%Y";
    EXPECT_EQ(export_to_string(db, "Collection", "", options), std::string("sep=,\n") + kCollectionHeader +
                                                                   "A,,,2024-01-15T10:30:00,15/01/2024,31/12/2024,1,2.5,none\n"
                                                                   "B,,,,03/02/2024,garbage,1,2.5,none\n");
}

TEST(CsvExport, DateTimeFormatAppliesToDimension) {
    auto db = memory_db("valid/time_series.sql");
    db.create_element("Collection", Element().set("label", "A"));
    db.update_time_series_group("Collection", "events", 1, {{{"date_time", std::string("2024-03-04T05:06:07")}, {"event", std::string("e")}}});
    CSVOptions options;
    options.date_time_format = "%Y/%m/%d %H-%M";
    EXPECT_EQ(export_to_string(db, "Collection", "events", options), "sep=,\nid,date_time,event,magnitude\nA,\"2024/03/04 05-06\",e,\n");
}

TEST(CsvExport, CreatesParentDirectoriesAndOverwrites) {
    auto db = memory_db("valid/basic.sql");
    db.create_element("Configuration", Element().set("label", "x"));
    const fs::path path = scratch_dir() / "a" / "b" / "out.csv";
    write_file((scratch_dir() / "a" / "b" / "out.csv").string(), "old content that is much longer than the new content ......\n");
    db.export_csv("Configuration", "", path.string());
    EXPECT_EQ(read_file(path.string()),
              "sep=,\nlabel,integer_attribute,float_attribute,string_attribute,date_attribute,boolean_attribute\nx,6,3.14,hello,,1\n");
    const fs::path fresh = scratch_dir() / "new" / "dir" / "out.csv";
    db.export_csv("Configuration", "", fresh.string());
    EXPECT_TRUE(fs::exists(fresh));
}

TEST(CsvExport, Errors) {
    auto db = memory_db("valid/vectors.sql");
    db.create_element("Collection", Element().set("label", "A"));
    const std::string path = (scratch_dir() / "out.csv").string();
    EXPECT_FAILS_UNCHANGED(db, db.export_csv("Nope", "", path), "Cannot export_csv: collection not found: Nope");
    EXPECT_FAILS_UNCHANGED(db, db.export_csv("Collection", "nope", path), "Cannot export_csv: group not found: 'nope' in collection 'Collection'");
    EXPECT_FAILS_UNCHANGED(db, db.export_csv("Collection", "value_int", path),
                           "Cannot export_csv: group not found: 'value_int' in collection 'Collection'");
    EXPECT_FALSE(fs::exists(path));
    const std::string dir = (scratch_dir() / "is_a_dir").string();
    fs::create_directories(dir);
    EXPECT_FAILS_UNCHANGED(db, db.export_csv("Collection", "", dir), "Failed to export_csv: could not open file: " + dir);
}

TEST(CsvExport, NoSchemaLoaded) {
    Database db(":memory:", quiet());
    EXPECT_THROW_MSG(db.export_csv("Collection", "", (scratch_dir() / "x.csv").string()), "Cannot export_csv: no schema loaded");
}

TEST(CsvExport, GroupResolutionOrder) {
    // group names resolve vector, then set, then time series.
    auto db = memory_db("valid/illustrative.sql");
    db.create_element("Plant", Element().set("label", "P").set("tag", std::vector<std::string>{"t"}).set("unit_size", std::vector<double>{1.5}));
    EXPECT_EQ(export_to_string(db, "Plant", "units"), "sep=,\nid,vector_index,unit_size,unit_code\nP,1,1.5,\n");
    EXPECT_EQ(export_to_string(db, "Plant", "tags"), "sep=,\nid,tag\nP,t\n");
    EXPECT_EQ(export_to_string(db, "Plant", "output"), "sep=,\nid,date_time,generation\n");
    EXPECT_EQ(export_to_string(db, "Plant", ""), "sep=,\nlabel,capacity,status,date_commissioned,owner_id\nP,,1,,\n");
}
