// Database::describe, describe_collection, summarize_collection (api-additions §6, D17): text,
// nothing printed.
#include "test_helpers.h"

#include <quiver/database.h>

#include <gtest/gtest.h>

using namespace quiver;
using namespace quiver::test;

namespace {
// describe() must print nothing: the text is returned.
std::string describe_output(const Database& db) {
    ::testing::internal::CaptureStdout();
    std::string text = db.describe();
    EXPECT_EQ(::testing::internal::GetCapturedStdout(), "");
    return text;
}
}  // namespace

TEST(Describe, BasicSchema) {
    auto db = memory_db("valid/basic.sql");
    EXPECT_EQ(describe_output(db),
              "Database: :memory:\n"
              "Version: 0\n"
              "\n"
              "Collection: Configuration (0 elements)\n"
              "  Scalars:\n"
              "    - boolean_attribute (INTEGER)\n"
              "    - date_attribute (DATE_TIME)\n"
              "    - float_attribute (REAL)\n"
              "    - id (INTEGER) PRIMARY KEY\n"
              "    - integer_attribute (INTEGER) NOT NULL\n"
              "    - label (TEXT) NOT NULL\n"
              "    - string_attribute (TEXT)\n");
}

TEST(Describe, CollectionsAlphabeticalWithDeclaredDateTime) {
    auto db = memory_db("valid/collections.sql");
    EXPECT_EQ(describe_output(db),
              "Database: :memory:\n"
              "Version: 0\n"
              "\n"
              "Collection: Collection (0 elements)\n"
              "  Scalars:\n"
              "    - code (TEXT)\n"
              "    - date_end (DATE_TIME)\n"
              "    - date_start (DATE_TIME)\n"
              "    - id (INTEGER) PRIMARY KEY\n"
              "    - label (TEXT) NOT NULL\n"
              "    - some_float (REAL)\n"
              "    - some_integer (INTEGER)\n"
              "    - some_string (TEXT)\n"
              "    - status (INTEGER) NOT NULL\n"
              "    - weight (REAL)\n"
              "\n"
              "Collection: Configuration (0 elements)\n"
              "  Scalars:\n"
              "    - boolean_attribute (INTEGER)\n"
              "    - date_attribute (DATE_TIME)\n"
              "    - float_attribute (REAL)\n"
              "    - id (INTEGER) PRIMARY KEY\n"
              "    - integer_attribute (INTEGER) NOT NULL\n"
              "    - label (TEXT) NOT NULL\n"
              "    - string_attribute (TEXT)\n");
}

TEST(Describe, OneHeaderPerSection) {
    auto db = memory_db("valid/vectors.sql");
    EXPECT_EQ(describe_output(db),
              "Database: :memory:\n"
              "Version: 0\n"
              "\n"
              "Collection: Collection (0 elements)\n"
              "  Scalars:\n"
              "    - id (INTEGER) PRIMARY KEY\n"
              "    - label (TEXT) NOT NULL\n"
              "    - some_float (REAL)\n"
              "    - some_integer (INTEGER)\n"
              "  Vectors:\n"
              "    - codes: codes(INTEGER)\n"
              "    - values: value_float(REAL), value_int(INTEGER), value_string(TEXT)\n"
              "\n"
              "Collection: Configuration (0 elements)\n"
              "  Scalars:\n"
              "    - id (INTEGER) PRIMARY KEY\n"
              "    - label (TEXT) NOT NULL\n");
}

TEST(Describe, SetsTimeSeriesFilesAndForeignKeys) {
    auto db = memory_db("valid/illustrative.sql");
    EXPECT_EQ(describe_output(db),
              "Database: :memory:\n"
              "Version: 0\n"
              "\n"
              "Collection: Configuration (0 elements)\n"
              "  Scalars:\n"
              "    - id (INTEGER) PRIMARY KEY\n"
              "    - label (TEXT) NOT NULL\n"
              "\n"
              "Collection: Owner (0 elements)\n"
              "  Scalars:\n"
              "    - id (INTEGER) PRIMARY KEY\n"
              "    - label (TEXT) NOT NULL\n"
              "\n"
              "Collection: Plant (0 elements)\n"
              "  Scalars:\n"
              "    - capacity (REAL)\n"
              "    - date_commissioned (DATE_TIME)\n"
              "    - id (INTEGER) PRIMARY KEY\n"
              "    - label (TEXT) NOT NULL\n"
              "    - owner_id (INTEGER) -> Owner.id\n"
              "    - status (INTEGER)\n"
              "  Vectors:\n"
              "    - units: unit_code(TEXT), unit_size(REAL)\n"
              "  Sets:\n"
              "    - tags: tag(TEXT)\n"
              "  Time Series:\n"
              "    - output: [date_time], generation(REAL)\n"
              "  Time Series Files: demand, inflow\n");
}

TEST(Describe, TwoSetGroups) {
    auto db = memory_db("valid/sets.sql");
    const std::string out = describe_output(db);
    EXPECT_NE(out.find("  Sets:\n"
                       "    - numbers: number(INTEGER), ratio(REAL)\n"
                       "    - tags: tag(TEXT)\n"),
              std::string::npos)
        << out;
}

TEST(Describe, FilePathAndVersion) {
    const std::string path = scratch_db();
    auto db = Database::from_migrations(path, schema_path("migrations/basic"), quiet());
    const std::string out = describe_output(db);
    EXPECT_EQ(out.rfind("Database: " + path + "\nVersion: 3\n\nCollection: Collection (0 elements)\n", 0), 0u) << out;
}

TEST(Describe, NoSchemaLoaded) {
    Database db(":memory:", quiet());
    EXPECT_EQ(describe_output(db), "Database: :memory:\nVersion: 0\n\nNo schema loaded.\n");
}

TEST(Describe, InvalidSchemaDoesNotThrow) {
    const std::string path = scratch_db();
    raw_exec(path, read_file(schema_path("invalid/no_configuration.sql")) + "PRAGMA user_version = 4;");
    Database db(path, quiet());
    std::string out;
    EXPECT_NO_THROW(out = describe_output(db));
    EXPECT_EQ(out, "Database: " + path + "\nVersion: 4\n\nNo schema loaded.\n");
}

TEST(Describe, LazySchemaIsLoadedByDescribe) {
    const std::string path = scratch_db();
    { auto db = Database::from_schema(path, schema_path("valid/basic.sql"), quiet()); }
    Database db(path, quiet());
    const std::string out = describe_output(db);
    EXPECT_NE(out.find("Collection: Configuration (0 elements)\n"), std::string::npos) << out;
}

TEST(Describe, ElementCountsAndGroupForeignKeys) {
    auto db = memory_db("valid/relations.sql");
    db.create_element("Parent", Element().set("label", "p1"));
    db.create_element("Child", Element().set("label", "c1").set("parent_id", "p1").set("parent_ref", {"p1"}));
    const auto text = describe_output(db);
    EXPECT_NE(text.find("Collection: Parent (1 element)\n"), std::string::npos) << text;
    EXPECT_NE(text.find("Collection: Configuration (0 elements)\n"), std::string::npos) << text;
    EXPECT_EQ(db.describe_collection("Child"),
              "Collection: Child (1 element)\n"
              "  Scalars:\n"
              "    - id (INTEGER) PRIMARY KEY\n"
              "    - label (TEXT) NOT NULL\n"
              "    - note (TEXT)\n"
              "    - owner_id (INTEGER) -> Parent.id\n"
              "    - parent_id (INTEGER) -> Parent.id\n"
              "    - sibling_id (INTEGER) -> Child.id\n"
              "  Vectors:\n"
              "    - friends: friend_id(INTEGER) -> Child.id\n"
              "    - refs: parent_ref(INTEGER) -> Parent.id, weight(REAL)\n"
              "  Sets:\n"
              "    - parents: parent_ref(INTEGER) -> Parent.id\n");
}

TEST(Describe, DescribeCollection) {
    auto db = memory_db("valid/illustrative.sql");
    const auto block = db.describe_collection("Plant");
    EXPECT_EQ(block.rfind("Collection: Plant (0 elements)\n  Scalars:\n", 0), 0u) << block;
    EXPECT_NE(describe_output(db).find("\n" + block), std::string::npos);
    EXPECT_EQ(db.describe_collection("Owner"), "Collection: Owner (0 elements)\n  Scalars:\n    - id (INTEGER) PRIMARY KEY\n"
                                               "    - label (TEXT) NOT NULL\n");
    EXPECT_FAILS_UNCHANGED(db, db.describe_collection("Nope"), "Cannot describe_collection: collection not found: Nope");
    Database empty(":memory:", quiet());
    EXPECT_THROW_MSG(empty.describe_collection("Plant"), "Cannot describe_collection: no schema loaded");
}

TEST(Describe, TimeSeriesDimensionComesFirst) {
    const auto path = scratch_db();
    raw_exec(path,
                  "CREATE TABLE Configuration (id INTEGER PRIMARY KEY, label TEXT UNIQUE NOT NULL) STRICT;"
                  "CREATE TABLE Site (id INTEGER PRIMARY KEY, label TEXT UNIQUE NOT NULL) STRICT;"
                  "CREATE TABLE Site_time_series_load (id INTEGER NOT NULL REFERENCES Site(id) ON DELETE CASCADE "
                  "ON UPDATE CASCADE, date_time TEXT NOT NULL, amount REAL, zone TEXT, PRIMARY KEY (id, date_time)) STRICT;");
    Database db(path, quiet());
    EXPECT_EQ(db.describe_collection("Site"),
              "Collection: Site (0 elements)\n"
              "  Scalars:\n"
              "    - id (INTEGER) PRIMARY KEY\n"
              "    - label (TEXT) NOT NULL\n"
              "  Time Series:\n"
              "    - load: [date_time], amount(REAL), zone(TEXT)\n");
}

TEST(Summarize, CountsAndValueDistributions) {
    auto db = memory_db("valid/illustrative.sql");
    db.create_element("Configuration", Element().set("label", "cfg"));
    db.create_element("Owner", Element().set("label", "o1"));
    db.create_element("Plant", Element().set("label", "A").set("capacity", 10.0).set("owner_id", "o1")
                                   .set("unit_size", {1.0, 2.0}).set("tag", {"x"}));
    db.create_element("Plant", Element().set("label", "B").set("status", 3));
    db.create_element("Plant", Element().set("label", "C").set("status", 3));
    ::testing::internal::CaptureStdout();
    const auto text = db.summarize_collection("Plant");
    EXPECT_EQ(::testing::internal::GetCapturedStdout(), "");
    EXPECT_EQ(text,
              "Collection: Plant (3 elements)\n"
              "  Scalars:\n"
              "    - capacity: 1 non-null, 2 null\n"
              "    - date_commissioned: 0 non-null, 3 null\n"
              "    - id: 3 non-null, 0 null\n"
              "    - label: 3 non-null, 0 null\n"
              "    - owner_id: 1 non-null, 2 null; values {1: 1}\n"
              "    - status: 3 non-null, 0 null; values {1: 1, 3: 2}\n"
              "  Vectors:\n"
              "    - units: 1/3 non-empty\n"
              "  Sets:\n"
              "    - tags: 1/3 non-empty\n"
              "  Time Series:\n"
              "    - output: 0/3 non-empty\n");
    EXPECT_EQ(db.summarize_collection("Owner"),
              "Collection: Owner (1 element)\n  Scalars:\n    - id: 1 non-null, 0 null\n    - label: 1 non-null, 0 null\n");
    EXPECT_FAILS_UNCHANGED(db, db.summarize_collection("Nope"), "Cannot summarize_collection: collection not found: Nope");
}

TEST(Summarize, DistributionOnlyUpTo64DistinctValues) {
    auto db = memory_db("valid/collections.sql");
    for (int i = 0; i < 64; ++i) {
        db.create_element("Collection", Element().set("label", "e" + std::to_string(i)).set("some_integer", int64_t{i}));
    }
    auto text = db.summarize_collection("Collection");
    EXPECT_NE(text.find("    - some_integer: 64 non-null, 0 null; values {0: 1, 1: 1, 2: 1,"), std::string::npos) << text;
    EXPECT_NE(text.find("63: 1}\n"), std::string::npos) << text;
    db.create_element("Collection", Element().set("label", "e64").set("some_integer", int64_t{64}));
    text = db.summarize_collection("Collection");
    EXPECT_NE(text.find("    - some_integer: 65 non-null, 0 null\n"), std::string::npos) << text;
    EXPECT_NE(text.find("    - some_float: 0 non-null, 65 null\n"), std::string::npos) << text;  // no distribution for REAL
}
