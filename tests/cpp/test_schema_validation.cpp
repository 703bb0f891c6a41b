// One invalid fixture per validation rule (semantics §2.4) and per loading failure (§2.1), checked
// through from_schema (eager, rolled back) and through the lazy constructor (D10).
#include "test_helpers.h"

#include <quiver/database.h>
#include <quiver/schema.h>
#include <quiver/schema_validator.h>

#include <gtest/gtest.h>
#include <sqlite3.h>

using namespace quiver;
using namespace quiver::test;

namespace {

struct InvalidCase {
    const char* file;
    const char* message;
    bool validator;  // true: SchemaValidator message; false: loading error (Schema::from_database)
};

std::ostream& operator<<(std::ostream& os, const InvalidCase& c) {
    return os << c.file;
}

const InvalidCase kCases[] = {
    // V1
    {"invalid/no_configuration.sql", "Schema validation error: Schema must have a 'Configuration' table", true},
    // V2
    {"invalid/collection_name_underscore.sql",
     "Schema validation error: Invalid collection name 'My_Collection': collection names cannot contain underscores", true},
    // V3 collections
    {"invalid/collection_id_not_primary_key.sql", "Schema validation error: Collection 'Collection' must have 'id' as primary key", true},
    {"invalid/collection_no_id.sql", "Schema validation error: Collection 'Collection' must have 'id' as primary key", true},
    {"invalid/collection_no_label.sql", "Schema validation error: Collection 'Collection' must have a 'label' column", true},
    {"invalid/configuration_no_label.sql", "Schema validation error: Collection 'Configuration' must have a 'label' column", true},
    {"invalid/collection_label_not_text.sql", "Schema validation error: Collection 'Collection' label column must be TEXT type", true},
    {"invalid/collection_label_nullable.sql",
     "Schema validation error: Collection 'Collection' label column must have NOT NULL constraint", true},
    {"invalid/collection_label_not_unique.sql",
     "Schema validation error: Collection 'Collection' label column must have UNIQUE constraint", true},
    {"invalid/collection_label_unique_composite.sql",
     "Schema validation error: Collection 'Collection' label column must have UNIQUE constraint", true},
    // V3 vector tables
    {"invalid/vector_no_parent.sql",
     "Schema validation error: Vector table 'Ghost_vector_values' references non-existent collection 'Ghost'", true},
    {"invalid/vector_no_id.sql", "Schema validation error: Vector table 'Collection_vector_values' must have 'id' column", true},
    {"invalid/vector_id_only_primary_key.sql",
     "Schema validation error: Vector table 'Collection_vector_values' must have composite primary key (id, vector_index), not just 'id'",
     true},
    {"invalid/vector_no_vector_index.sql",
     "Schema validation error: Vector table 'Collection_vector_values' must have 'vector_index' column", true},
    {"invalid/vector_fk_not_cascade.sql",
     "Schema validation error: Vector table 'Collection_vector_values' FK to parent must use ON DELETE CASCADE ON UPDATE CASCADE", true},
    {"invalid/vector_no_fk.sql",
     "Schema validation error: Vector table 'Collection_vector_values' must have foreign key to parent collection 'Collection'", true},
    // V3 set tables
    {"invalid/set_no_unique.sql", "Schema validation error: Set table 'Collection_set_tags' must have a UNIQUE constraint", true},
    {"invalid/set_column_not_unique.sql",
     "Schema validation error: Set table 'Collection_set_tags' column 'note' must be part of a UNIQUE constraint", true},
    // V3 time-series files tables
    {"invalid/files_no_parent.sql",
     "Schema validation error: Time series files table 'Ghost_time_series_files' references non-existent collection 'Ghost'", true},
    {"invalid/files_column_not_text.sql",
     "Schema validation error: Time series files table 'Collection_time_series_files' column 'wind' must be TEXT type (for file paths)",
     true},
    {"invalid/files_date_column.sql",
     "Schema validation error: Time series files table 'Collection_time_series_files' column 'date_file' must be TEXT type (for file "
     "paths)",
     true},
    // V4
    {"invalid/duplicate_attribute.sql",
     "Schema validation error: Duplicate attribute 'value' found in table 'Collection_vector_values' (already defined in collection "
     "'Collection')",
     true},
    {"invalid/duplicate_attribute_groups.sql",
     "Schema validation error: Duplicate attribute 'tag' found in table 'Collection_vector_tags' (already defined in collection "
     "'Collection')",
     true},
    // V5
    {"invalid/fk_set_null_not_null.sql",
     "Schema validation error: Foreign key column 'parent_id' in table 'Child' has ON DELETE SET NULL but NOT NULL constraint", true},
    {"invalid/vector_id_fk_not_cascade.sql",
     "Schema validation error: Vector table 'Collection_vector_values' parent FK must use ON DELETE CASCADE ON UPDATE CASCADE", true},
    {"invalid/fk_no_actions.sql", "Schema validation error: Foreign key 'parent_id' in table 'Child' must use ON UPDATE CASCADE", true},
    {"invalid/fk_on_update_not_cascade.sql", "Schema validation error: Foreign key 'parent_id' in table 'Child' must use ON UPDATE CASCADE",
     true},
    {"invalid/fk_on_delete_restrict.sql",
     "Schema validation error: Foreign key 'parent_id' in table 'Child' must use ON DELETE SET NULL or ON DELETE CASCADE", true},
    {"invalid/fk_naming.sql",
     "Schema validation error: Foreign key column 'guardian' in table 'Child' should follow naming pattern '<collection>_id'", true},
    // Loading
    {"invalid/unknown_type_int.sql", "Unknown data type: INT", false},
    {"invalid/unknown_type_varchar.sql", "Unknown data type: VARCHAR(10)", false},
    {"invalid/unknown_type_blob.sql", "Unknown data type: BLOB", false},
    {"invalid/unknown_type_none.sql", "Unknown data type: ", false},
    {"invalid/unknown_type_helper_table.sql", "Unknown data type: NUMERIC", false},
};

class InvalidSchema : public ::testing::TestWithParam<InvalidCase> {};

}  // namespace

TEST_P(InvalidSchema, FromSchemaMemory) {
    EXPECT_THROW_MSG(Database::from_schema(":memory:", schema_path(GetParam().file), quiet()), GetParam().message);
}

TEST_P(InvalidSchema, FromSchemaFileRollsBack) {
    const std::string path = scratch_db();
    EXPECT_THROW_MSG(Database::from_schema(path, schema_path(GetParam().file), quiet()), GetParam().message);
    EXPECT_EQ(file_table_count(path), 0);
}

TEST_P(InvalidSchema, LazyLoadReportsOnFirstUseEveryTime) {
    const std::string path = scratch_db();
    raw_exec(path, read_file(schema_path(GetParam().file)));
    const std::string before = file_snapshot(path);
    {
        Database db(path, quiet());
        EXPECT_TRUE(db.is_healthy());
        EXPECT_THROW_MSG(db.read_element_ids("Configuration"), GetParam().message);
        EXPECT_THROW_MSG(db.list_scalar_attributes("Configuration"), GetParam().message);  // failure is not cached
        EXPECT_THROW_MSG(db.create_element("Configuration", Element().set("label", "x")), GetParam().message);
    }
    EXPECT_EQ(file_snapshot(path), before);
}

TEST_P(InvalidSchema, DirectSchemaAndValidator) {
    sqlite3* raw = nullptr;
    ASSERT_EQ(sqlite3_open(":memory:", &raw), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(raw, read_file(schema_path(GetParam().file)).c_str(), nullptr, nullptr, nullptr), SQLITE_OK);
    if (GetParam().validator) {
        const Schema schema = Schema::from_database(raw);
        SchemaValidator validator(schema);
        EXPECT_THROW_MSG(validator.validate(), GetParam().message);
    } else {
        EXPECT_THROW_MSG(Schema::from_database(raw), GetParam().message);
    }
    sqlite3_close(raw);
}

INSTANTIATE_TEST_SUITE_P(Rules, InvalidSchema, ::testing::ValuesIn(kCases), [](const auto& info) {
    std::string name = info.param.file;
    name = name.substr(name.find('/') + 1);
    name = name.substr(0, name.size() - 4);
    return name;
});

// ---------------------------------------------------------------------------------------------
// Edge cases that pass validation

TEST(ValidSchemaEdgeCases, UniqueIndexOnLabelAndCompositeIdKey) {
    auto db = memory_db("issues/label_unique_index.sql");
    EXPECT_EQ(db.create_element("Collection", Element().set("label", "A")), 1);
    EXPECT_THROW_MSG(db.create_element("Collection", Element().set("label", "A")),
                     "Failed to execute statement: UNIQUE constraint failed: Collection.label");
    EXPECT_TRUE(db.read_element_ids("Pair").empty());
}

TEST(ValidSchemaEdgeCases, TimeSeriesWithoutDimensionIsValidUntilUsed) {
    auto db = memory_db("issues/time_series_no_dimension.sql");
    EXPECT_EQ(db.create_element("Res", Element().set("label", "r")), 1);
    EXPECT_THROW_MSG(db.read_time_series_group("Res", "nodate", 1), "Dimension column not found: time series table 'Res_time_series_nodate'");
}

TEST(ValidSchemaEdgeCases, AllValidFixturesLoad) {
    for (const char* f : {"valid/basic.sql", "valid/collections.sql", "valid/vectors.sql", "valid/sets.sql", "valid/time_series.sql",
                          "valid/time_series_files.sql", "valid/relations.sql", "valid/illustrative.sql"}) {
        EXPECT_NO_THROW({ auto db = memory_db(f); }) << f;
    }
}

// ---------------------------------------------------------------------------------------------
// Rule order and exemptions, with schemas written at test time

namespace {
const char* kConfig = "CREATE TABLE Configuration (id INTEGER PRIMARY KEY, label TEXT UNIQUE NOT NULL);\n";

void expect_schema_error(const std::string& sql, const std::string& message) {
    const std::string file = (scratch_dir() / "schema.sql").string();
    write_file(file, sql);
    EXPECT_THROW_MSG(Database::from_schema(":memory:", file, quiet()), message);
}

void expect_schema_ok(const std::string& sql) {
    const std::string file = (scratch_dir() / "schema.sql").string();
    write_file(file, sql);
    EXPECT_NO_THROW({ auto db = Database::from_schema(":memory:", file, quiet()); });
}
}  // namespace

TEST(ValidationOrder, V1BeforeV2) {
    expect_schema_error("CREATE TABLE Bad_Name (id INTEGER PRIMARY KEY, label TEXT UNIQUE NOT NULL);",
                        "Schema validation error: Schema must have a 'Configuration' table");
}

TEST(ValidationOrder, V2BeforeV3) {
    expect_schema_error(std::string(kConfig) + "CREATE TABLE Alpha (id INTEGER PRIMARY KEY);\n"
                                               "CREATE TABLE Bad_Name (id INTEGER PRIMARY KEY, label TEXT UNIQUE NOT NULL);",
                        "Schema validation error: Invalid collection name 'Bad_Name': collection names cannot contain underscores");
}

TEST(ValidationOrder, V3TablesAlphabetical) {
    expect_schema_error(std::string(kConfig) + "CREATE TABLE Zeta (id INTEGER PRIMARY KEY);\n"
                                               "CREATE TABLE Alpha (id INTEGER PRIMARY KEY, label TEXT NOT NULL);",
                        "Schema validation error: Collection 'Alpha' label column must have UNIQUE constraint");
    // Uppercase sorts before lowercase: "ZZ" < "aa".
    expect_schema_error(std::string(kConfig) + "CREATE TABLE aa (id INTEGER PRIMARY KEY);\n"
                                               "CREATE TABLE ZZ (id INTEGER PRIMARY KEY, name TEXT);",
                        "Schema validation error: Collection 'ZZ' must have a 'label' column");
}

TEST(ValidationOrder, V3CollectionRulesInOrder) {
    // No id pk and no label: rule 1 first.
    expect_schema_error(std::string(kConfig) + "CREATE TABLE Alpha (code INTEGER);",
                        "Schema validation error: Collection 'Alpha' must have 'id' as primary key");
    // label INTEGER and nullable: rule 3 before rule 4.
    expect_schema_error(std::string(kConfig) + "CREATE TABLE Alpha (id INTEGER PRIMARY KEY, label INTEGER);",
                        "Schema validation error: Collection 'Alpha' label column must be TEXT type");
}

TEST(ValidationOrder, V3BeforeV4BeforeV5) {
    const std::string collection =
        "CREATE TABLE Parent (id INTEGER PRIMARY KEY, label TEXT UNIQUE NOT NULL);\n"
        "CREATE TABLE Child (id INTEGER PRIMARY KEY, label TEXT UNIQUE NOT NULL, value REAL, "
        "parent_id INTEGER REFERENCES Parent(id));\n";
    const std::string dup_vector =
        "CREATE TABLE Child_vector_values (id INTEGER NOT NULL REFERENCES Child(id) ON DELETE CASCADE ON UPDATE CASCADE, "
        "vector_index INTEGER NOT NULL, value REAL, PRIMARY KEY (id, vector_index));\n";
    const std::string bad_set = "CREATE TABLE Child_set_tags (id INTEGER NOT NULL REFERENCES Child(id), tag TEXT);\n";
    expect_schema_error(std::string(kConfig) + collection + dup_vector + bad_set,
                        "Schema validation error: Set table 'Child_set_tags' must have a UNIQUE constraint");
    expect_schema_error(std::string(kConfig) + collection + dup_vector,
                        "Schema validation error: Duplicate attribute 'value' found in table 'Child_vector_values' (already defined in "
                        "collection 'Child')");
    expect_schema_error(std::string(kConfig) + collection,
                        "Schema validation error: Foreign key 'parent_id' in table 'Child' must use ON UPDATE CASCADE");
}

TEST(ValidationExemptions, ConfigurationIsExemptFromDuplicateCheck) {
    expect_schema_ok("CREATE TABLE Configuration (id INTEGER PRIMARY KEY, label TEXT UNIQUE NOT NULL, value REAL);\n"
                     "CREATE TABLE Configuration_vector_values (id INTEGER NOT NULL REFERENCES Configuration(id) ON DELETE CASCADE "
                     "ON UPDATE CASCADE, vector_index INTEGER NOT NULL, value REAL, PRIMARY KEY (id, vector_index));");
}

TEST(ValidationExemptions, TimeSeriesDateColumnsAndForeignKeysMayRepeat) {
    expect_schema_ok(std::string(kConfig) +
                     "CREATE TABLE Parent (id INTEGER PRIMARY KEY, label TEXT UNIQUE NOT NULL);\n"
                     "CREATE TABLE Item (id INTEGER PRIMARY KEY, label TEXT UNIQUE NOT NULL, date_extra TEXT, "
                     "parent_id INTEGER REFERENCES Parent(id) ON DELETE SET NULL ON UPDATE CASCADE);\n"
                     "CREATE TABLE Item_time_series_a (id INTEGER NOT NULL REFERENCES Item(id) ON DELETE CASCADE ON UPDATE CASCADE, "
                     "date_time TEXT NOT NULL, date_extra TEXT, a REAL);\n"
                     "CREATE TABLE Item_time_series_b (id INTEGER NOT NULL REFERENCES Item(id) ON DELETE CASCADE ON UPDATE CASCADE, "
                     "date_time TEXT NOT NULL, b REAL);\n"
                     "CREATE TABLE Item_vector_v (id INTEGER NOT NULL REFERENCES Item(id) ON DELETE CASCADE ON UPDATE CASCADE, "
                     "vector_index INTEGER NOT NULL, parent_id INTEGER REFERENCES Parent(id) ON DELETE SET NULL ON UPDATE CASCADE, "
                     "PRIMARY KEY (id, vector_index));");
}

TEST(ValidationExemptions, ForeignKeyNamingVariants) {
    // <target>_id, <target>_ prefix (case-insensitive), or containing _id.
    expect_schema_ok(std::string(kConfig) +
                     "CREATE TABLE Parent (id INTEGER PRIMARY KEY, label TEXT UNIQUE NOT NULL);\n"
                     "CREATE TABLE Child (id INTEGER PRIMARY KEY, label TEXT UNIQUE NOT NULL, "
                     "PARENT_ID INTEGER REFERENCES Parent(id) ON DELETE SET NULL ON UPDATE CASCADE, "
                     "Parent_main INTEGER REFERENCES Parent(id) ON DELETE CASCADE ON UPDATE CASCADE, "
                     "main_id_ref INTEGER REFERENCES Parent(id) ON DELETE SET NULL ON UPDATE CASCADE);");
}

TEST(ValidationExemptions, TimeSeriesAndSetTablesSkipSomeForeignKeyRules) {
    // Time-series tables skip the action rules; set tables skip the naming rule; sets need no
    // parent FK at all.
    expect_schema_ok(std::string(kConfig) +
                     "CREATE TABLE Parent (id INTEGER PRIMARY KEY, label TEXT UNIQUE NOT NULL);\n"
                     "CREATE TABLE Item (id INTEGER PRIMARY KEY, label TEXT UNIQUE NOT NULL);\n"
                     "CREATE TABLE Item_time_series_t (id INTEGER NOT NULL REFERENCES Item(id), date_time TEXT NOT NULL, v REAL);\n"
                     "CREATE TABLE Item_set_s (id INTEGER NOT NULL, whom INTEGER REFERENCES Parent(id) ON DELETE CASCADE "
                     "ON UPDATE CASCADE, UNIQUE (id, whom));");
}

TEST(ValidationExemptions, SetNullOnNullableAndCascadeOnNotNull) {
    expect_schema_ok(std::string(kConfig) +
                     "CREATE TABLE Parent (id INTEGER PRIMARY KEY, label TEXT UNIQUE NOT NULL);\n"
                     "CREATE TABLE Child (id INTEGER PRIMARY KEY, label TEXT UNIQUE NOT NULL, "
                     "parent_id INTEGER NOT NULL REFERENCES Parent(id) ON DELETE CASCADE ON UPDATE CASCADE);");
}

TEST(SchemaLoading, InvalidTableNameThroughFromSchema) {
    expect_schema_error(std::string(kConfig) + "CREATE TABLE \"Bad-Name\" (id INTEGER PRIMARY KEY, label TEXT UNIQUE NOT NULL);",
                        "Cannot query columns: invalid table name: Bad-Name");
}

TEST(SchemaLoading, LowercaseDeclaredTypesAreUpperCased) {
    expect_schema_ok("CREATE TABLE Configuration (id integer PRIMARY KEY, label text UNIQUE NOT NULL, x real, d date_time);");
}
