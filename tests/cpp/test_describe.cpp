// Database::describe (semantics §11): printed to stdout.
#include "test_helpers.h"

#include <quiver/database.h>

#include <gtest/gtest.h>

using namespace quiver;
using namespace quiver::test;

namespace {
std::string describe_output(const Database& db) {
    ::testing::internal::CaptureStdout();
    db.describe();
    return ::testing::internal::GetCapturedStdout();
}
}  // namespace

TEST(Describe, BasicSchema) {
    auto db = memory_db("valid/basic.sql");
    EXPECT_EQ(describe_output(db),
              "Database: :memory:\n"
              "Version: 0\n"
              "\n"
              "Collection: Configuration\n"
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
              "Collection: Collection\n"
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
              "Collection: Configuration\n"
              "  Scalars:\n"
              "    - boolean_attribute (INTEGER)\n"
              "    - date_attribute (DATE_TIME)\n"
              "    - float_attribute (REAL)\n"
              "    - id (INTEGER) PRIMARY KEY\n"
              "    - integer_attribute (INTEGER) NOT NULL\n"
              "    - label (TEXT) NOT NULL\n"
              "    - string_attribute (TEXT)\n");
}

TEST(Describe, EveryVectorGroupHasItsOwnHeader) {
    auto db = memory_db("valid/vectors.sql");
    EXPECT_EQ(describe_output(db),
              "Database: :memory:\n"
              "Version: 0\n"
              "\n"
              "Collection: Collection\n"
              "  Scalars:\n"
              "    - id (INTEGER) PRIMARY KEY\n"
              "    - label (TEXT) NOT NULL\n"
              "    - some_float (REAL)\n"
              "    - some_integer (INTEGER)\n"
              "  Vectors:\n"
              "    - codes: codes(INTEGER)\n"
              "  Vectors:\n"
              "    - values: value_float(REAL), value_int(INTEGER), value_string(TEXT)\n"
              "\n"
              "Collection: Configuration\n"
              "  Scalars:\n"
              "    - id (INTEGER) PRIMARY KEY\n"
              "    - label (TEXT) NOT NULL\n");
}

TEST(Describe, SetsAndTimeSeriesNotPrinted) {
    auto db = memory_db("valid/illustrative.sql");
    EXPECT_EQ(describe_output(db),
              "Database: :memory:\n"
              "Version: 0\n"
              "\n"
              "Collection: Configuration\n"
              "  Scalars:\n"
              "    - id (INTEGER) PRIMARY KEY\n"
              "    - label (TEXT) NOT NULL\n"
              "\n"
              "Collection: Owner\n"
              "  Scalars:\n"
              "    - id (INTEGER) PRIMARY KEY\n"
              "    - label (TEXT) NOT NULL\n"
              "\n"
              "Collection: Plant\n"
              "  Scalars:\n"
              "    - capacity (REAL)\n"
              "    - date_commissioned (DATE_TIME)\n"
              "    - id (INTEGER) PRIMARY KEY\n"
              "    - label (TEXT) NOT NULL\n"
              "    - owner_id (INTEGER)\n"
              "    - status (INTEGER)\n"
              "  Vectors:\n"
              "    - units: unit_code(TEXT), unit_size(REAL)\n"
              "  Sets:\n"
              "    - tags: tag(TEXT)\n");
}

TEST(Describe, TwoSetGroups) {
    auto db = memory_db("valid/sets.sql");
    const std::string out = describe_output(db);
    EXPECT_NE(out.find("  Sets:\n"
                       "    - numbers: number(INTEGER), ratio(REAL)\n"
                       "  Sets:\n"
                       "    - tags: tag(TEXT)\n"),
              std::string::npos)
        << out;
}

TEST(Describe, FilePathAndVersion) {
    const std::string path = scratch_db();
    auto db = Database::from_migrations(path, schema_path("migrations/basic"), quiet());
    const std::string out = describe_output(db);
    EXPECT_EQ(out.rfind("Database: " + path + "\nVersion: 3\n\nCollection: Collection\n", 0), 0u) << out;
}

TEST(Describe, NoSchemaLoaded) {
    Database db(":memory:", quiet());
    EXPECT_EQ(describe_output(db), "Database: :memory:\nVersion: 0\n\nNo schema loaded.\n");
}

TEST(Describe, InvalidSchemaDoesNotThrow) {
    const std::string path = scratch_db();
    raw_exec_file(path, read_file(schema_path("invalid/no_configuration.sql")) + "PRAGMA user_version = 4;");
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
    EXPECT_NE(out.find("Collection: Configuration\n"), std::string::npos) << out;
}
