// Schema loading and classification, SchemaValidator, TypeValidator (api §2.10, semantics §2, §3.2).
#include "test_helpers.h"

#include <quiver/schema.h>
#include <quiver/schema_validator.h>
#include <quiver/type_validator.h>

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>

using namespace quiver;
using namespace quiver::test;

namespace {

// A raw in-memory SQLite connection holding a fixture.
class RawDb {
public:
    explicit RawDb(const std::string& relative) {
        sqlite3_open(":memory:", &db_);
        char* err = nullptr;
        const int rc = sqlite3_exec(db_, read_file(schema_path(relative)).c_str(), nullptr, nullptr, &err);
        if (rc != SQLITE_OK) {
            ADD_FAILURE() << "fixture " << relative << ": " << (err ? err : "");
        }
        sqlite3_free(err);
    }
    ~RawDb() { sqlite3_close(db_); }
    RawDb(const RawDb&) = delete;
    RawDb& operator=(const RawDb&) = delete;
    sqlite3* get() const { return db_; }

private:
    sqlite3* db_ = nullptr;
};

std::vector<std::string> column_names(const TableDefinition& t) {
    std::vector<std::string> out;
    for (const auto& [name, column] : t.columns) out.push_back(name);
    return out;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Loading

TEST(Schema, TableNamesAlphabeticalWithoutSqliteTables) {
    RawDb raw("valid/illustrative.sql");
    const Schema schema = Schema::from_database(raw.get());
    EXPECT_EQ(schema.table_names(), (std::vector<std::string>{"Configuration", "Owner", "Plant", "Plant_set_tags",
                                                              "Plant_time_series_files", "Plant_time_series_output",
                                                              "Plant_vector_units"}));
    EXPECT_EQ(schema.collection_names(), (std::vector<std::string>{"Configuration", "Owner", "Plant"}));
    EXPECT_FALSE(schema.has_table("sqlite_sequence"));
    EXPECT_EQ(schema.get_table("sqlite_sequence"), nullptr);
}

TEST(Schema, Columns) {
    RawDb raw("valid/illustrative.sql");
    const Schema schema = Schema::from_database(raw.get());
    const TableDefinition* plant = schema.get_table("Plant");
    ASSERT_NE(plant, nullptr);
    EXPECT_EQ(plant->name, "Plant");
    EXPECT_EQ(column_names(*plant), (std::vector<std::string>{"capacity", "date_commissioned", "id", "label", "owner_id", "status"}));
    EXPECT_TRUE(plant->has_column("capacity"));
    EXPECT_FALSE(plant->has_column("nope"));
    EXPECT_EQ(plant->get_column("nope"), nullptr);
    const ColumnDefinition* status = plant->get_column("status");
    ASSERT_NE(status, nullptr);
    EXPECT_EQ(status->name, "status");
    EXPECT_EQ(status->type, DataType::Integer);
    EXPECT_FALSE(status->not_null);
    EXPECT_FALSE(status->primary_key);
    EXPECT_EQ(status->default_value, std::optional<std::string>("1"));
    const ColumnDefinition* id = plant->get_column("id");
    ASSERT_NE(id, nullptr);
    EXPECT_TRUE(id->primary_key);
    EXPECT_FALSE(id->not_null);
    const ColumnDefinition* label = plant->get_column("label");
    ASSERT_NE(label, nullptr);
    EXPECT_TRUE(label->not_null);
    EXPECT_EQ(label->default_value, std::nullopt);
    EXPECT_EQ(plant->get_data_type("date_commissioned"), std::optional<DataType>(DataType::DateTime));
    EXPECT_EQ(plant->get_data_type("capacity"), std::optional<DataType>(DataType::Real));
    EXPECT_EQ(plant->get_data_type("nope"), std::nullopt);
}

TEST(Schema, ForeignKeysAndIndexes) {
    RawDb raw("valid/illustrative.sql");
    const Schema schema = Schema::from_database(raw.get());
    const TableDefinition* plant = schema.get_table("Plant");
    ASSERT_NE(plant, nullptr);
    ASSERT_EQ(plant->foreign_keys.size(), 1u);
    const ForeignKey& fk = plant->foreign_keys[0];
    EXPECT_EQ(fk.from_column, "owner_id");
    EXPECT_EQ(fk.to_table, "Owner");
    EXPECT_EQ(fk.to_column, "id");
    EXPECT_EQ(fk.on_update, "CASCADE");
    EXPECT_EQ(fk.on_delete, "SET NULL");
    const bool has_unique_label = std::any_of(plant->indexes.begin(), plant->indexes.end(), [](const Index& i) {
        return i.unique && i.columns == std::vector<std::string>{"label"};
    });
    EXPECT_TRUE(has_unique_label);

    const TableDefinition* tags = schema.get_table("Plant_set_tags");
    ASSERT_NE(tags, nullptr);
    const bool has_unique_pair = std::any_of(tags->indexes.begin(), tags->indexes.end(), [](const Index& i) {
        return i.unique && i.columns == std::vector<std::string>{"id", "tag"};
    });
    EXPECT_TRUE(has_unique_pair);
    // Implicit PRIMARY KEY index of a composite key.
    const TableDefinition* units = schema.get_table("Plant_vector_units");
    ASSERT_NE(units, nullptr);
    const bool has_pk_index = std::any_of(units->indexes.begin(), units->indexes.end(), [](const Index& i) {
        return i.unique && i.columns == std::vector<std::string>{"id", "vector_index"};
    });
    EXPECT_TRUE(has_pk_index);
}

TEST(Schema, OmittedActionsReportedAsNoAction) {
    RawDb raw("invalid/fk_no_actions.sql");
    const Schema schema = Schema::from_database(raw.get());
    const TableDefinition* child = schema.get_table("Child");
    ASSERT_NE(child, nullptr);
    ASSERT_EQ(child->foreign_keys.size(), 1u);
    EXPECT_EQ(child->foreign_keys[0].on_update, "NO ACTION");
    EXPECT_EQ(child->foreign_keys[0].on_delete, "NO ACTION");
}

TEST(Schema, GetDataType) {
    RawDb raw("valid/illustrative.sql");
    const Schema schema = Schema::from_database(raw.get());
    EXPECT_EQ(schema.get_data_type("Plant", "capacity"), DataType::Real);
    EXPECT_EQ(schema.get_data_type("Plant", "label"), DataType::Text);
    EXPECT_EQ(schema.get_data_type("Plant_time_series_output", "date_time"), DataType::DateTime);
    EXPECT_THROW_MSG(schema.get_data_type("Nope", "x"), "Table not found in schema: Nope");
    EXPECT_THROW_MSG(schema.get_data_type("Plant", "nope"), "Column 'nope' not found in table 'Plant'");
}

TEST(Schema, DateTimeTyping) {
    RawDb raw("issues/date_column_names.sql");
    const Schema schema = Schema::from_database(raw.get());
    EXPECT_EQ(schema.get_data_type("Configuration", "date"), DataType::Text);
    EXPECT_EQ(schema.get_data_type("Configuration", "dated"), DataType::Text);
    EXPECT_EQ(schema.get_data_type("Configuration", "dateX"), DataType::Text);
    EXPECT_EQ(schema.get_data_type("Configuration", "date_x"), DataType::DateTime);
    EXPECT_EQ(schema.get_data_type("Configuration", "date_count"), DataType::Integer);
    EXPECT_EQ(schema.get_data_type("Configuration", "date_ratio"), DataType::Real);
    EXPECT_EQ(schema.get_data_type("Configuration", "moment"), DataType::DateTime);
}

TEST(Schema, IgnoredTablesAndViews) {
    RawDb raw("issues/ignored_tables.sql");
    const Schema schema = Schema::from_database(raw.get());  // SqliteXfoo's BLOB / untyped columns are skipped
    EXPECT_EQ(schema.table_names(), (std::vector<std::string>{"Configuration"}));
    EXPECT_NO_THROW(SchemaValidator(schema).validate());
    auto db = memory_db("issues/ignored_tables.sql");
    EXPECT_TRUE(db.read_element_ids("Configuration").empty());
}

TEST(Schema, UnknownDataTypes) {
    {
        RawDb raw("invalid/unknown_type_int.sql");
        EXPECT_THROW_MSG(Schema::from_database(raw.get()), "Unknown data type: INT");
    }
    {
        RawDb raw("invalid/unknown_type_varchar.sql");
        EXPECT_THROW_MSG(Schema::from_database(raw.get()), "Unknown data type: VARCHAR(10)");
    }
    {
        RawDb raw("invalid/unknown_type_none.sql");
        EXPECT_THROW_MSG(Schema::from_database(raw.get()), "Unknown data type: ");
    }
}

TEST(Schema, InvalidTableName) {
    sqlite3* raw = nullptr;
    sqlite3_open(":memory:", &raw);
    sqlite3_exec(raw, "CREATE TABLE \"Bad-Name\" (id INTEGER PRIMARY KEY, label TEXT UNIQUE NOT NULL);", nullptr, nullptr, nullptr);
    EXPECT_THROW_MSG(Schema::from_database(raw), "Cannot query columns: invalid table name: Bad-Name");
    sqlite3_close(raw);
}

TEST(Schema, EmptyDatabase) {
    sqlite3* raw = nullptr;
    sqlite3_open(":memory:", &raw);
    const Schema schema = Schema::from_database(raw);
    EXPECT_TRUE(schema.table_names().empty());
    EXPECT_TRUE(schema.collection_names().empty());
    sqlite3_close(raw);
}

// ---------------------------------------------------------------------------------------------
// Classification and naming

TEST(Schema, TableNameBuilders) {
    EXPECT_EQ(Schema::vector_table_name("Plant", "units"), "Plant_vector_units");
    EXPECT_EQ(Schema::set_table_name("Plant", "tags"), "Plant_set_tags");
    EXPECT_EQ(Schema::time_series_table_name("Plant", "output"), "Plant_time_series_output");
    EXPECT_EQ(Schema::time_series_files_table_name("Plant"), "Plant_time_series_files");
}

TEST(Schema, Classification) {
    RawDb raw("valid/illustrative.sql");
    const Schema schema = Schema::from_database(raw.get());
    EXPECT_TRUE(schema.is_collection("Configuration"));
    EXPECT_TRUE(schema.is_collection("Plant"));
    EXPECT_TRUE(schema.is_collection("Owner"));
    EXPECT_FALSE(schema.is_collection("Plant_vector_units"));
    EXPECT_FALSE(schema.is_collection("Plant_time_series_files"));

    EXPECT_TRUE(schema.is_vector_table("Plant_vector_units"));
    EXPECT_FALSE(schema.is_vector_table("Plant_set_tags"));
    EXPECT_FALSE(schema.is_vector_table("Plant"));

    EXPECT_TRUE(schema.is_set_table("Plant_set_tags"));
    EXPECT_FALSE(schema.is_set_table("Plant_vector_units"));

    EXPECT_TRUE(schema.is_time_series_table("Plant_time_series_output"));
    EXPECT_FALSE(schema.is_time_series_table("Plant_time_series_files"));
    EXPECT_FALSE(schema.is_time_series_table("Plant_vector_units"));

    EXPECT_TRUE(schema.is_time_series_files_table("Plant_time_series_files"));
    EXPECT_FALSE(schema.is_time_series_files_table("Plant_time_series_output"));

    EXPECT_EQ(schema.get_parent_collection("Plant_vector_units"), "Plant");
    EXPECT_EQ(schema.get_parent_collection("Plant_set_tags"), "Plant");
    EXPECT_EQ(schema.get_parent_collection("Plant_time_series_output"), "Plant");
    EXPECT_EQ(schema.get_time_series_files_parent_collection("Plant_time_series_files"), "Plant");
}

TEST(Schema, FindGroupTables) {
    RawDb raw("valid/illustrative.sql");
    const Schema schema = Schema::from_database(raw.get());
    EXPECT_EQ(schema.find_vector_table("Plant", "unit_size"), "Plant_vector_units");
    EXPECT_EQ(schema.find_vector_table("Plant", "unit_code"), "Plant_vector_units");
    EXPECT_EQ(schema.find_vector_table("Plant", "units"), "Plant_vector_units");  // C_vector_<a> exists
    EXPECT_THROW_MSG(schema.find_vector_table("Plant", "nope"), "Vector attribute not found: 'nope' in collection 'Plant'");
    EXPECT_THROW_MSG(schema.find_vector_table("Plant", "tag"), "Vector attribute not found: 'tag' in collection 'Plant'");

    EXPECT_EQ(schema.find_set_table("Plant", "tag"), "Plant_set_tags");
    EXPECT_THROW_MSG(schema.find_set_table("Plant", "unit_size"), "Set attribute not found: 'unit_size' in collection 'Plant'");

    EXPECT_EQ(schema.find_time_series_table("Plant", "output"), "Plant_time_series_output");
    EXPECT_THROW_MSG(schema.find_time_series_table("Plant", "nope"), "Time series group 'nope' not found for collection 'Plant'");
    // The time-series lookup is by exact group name, not column.
    EXPECT_THROW_MSG(schema.find_time_series_table("Plant", "generation"), "Time series group 'generation' not found for collection 'Plant'");

    EXPECT_EQ(schema.find_time_series_files_table("Plant"), "Plant_time_series_files");
    EXPECT_THROW_PREFIX(schema.find_time_series_files_table("Owner"), "Time series files table not found");
}

TEST(Schema, FindTablesForColumn) {
    RawDb raw("valid/relations.sql");
    const Schema schema = Schema::from_database(raw.get());
    const auto all = schema.find_all_tables_for_column("Child", "parent_ref");
    ASSERT_EQ(all.size(), 2u);
    // No Child_vector_parent_ref: then every group table having the column, alphabetically.
    EXPECT_EQ(all[0].table_name, "Child_set_parents");
    EXPECT_EQ(all[0].type, GroupTableType::Set);
    EXPECT_EQ(all[1].table_name, "Child_vector_refs");
    EXPECT_EQ(all[1].type, GroupTableType::Vector);
    const auto first = schema.find_table_for_column("Child", "weight");
    ASSERT_TRUE(first.has_value());
    EXPECT_EQ(first->table_name, "Child_vector_refs");
    EXPECT_EQ(first->type, GroupTableType::Vector);
    EXPECT_FALSE(schema.find_table_for_column("Child", "nope").has_value());
    EXPECT_FALSE(schema.find_table_for_column("Child", "note").has_value());  // a scalar column
    EXPECT_TRUE(schema.find_all_tables_for_column("Child", "nope").empty());
}

TEST(Schema, FindTablesForColumnTimeSeries) {
    RawDb raw("valid/time_series.sql");
    const Schema schema = Schema::from_database(raw.get());
    const auto all = schema.find_all_tables_for_column("Collection", "date_time");
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[0].table_name, "Collection_time_series_data");
    EXPECT_EQ(all[0].type, GroupTableType::TimeSeries);
    EXPECT_EQ(all[1].table_name, "Collection_time_series_events");
}

TEST(Schema, FindTablesForColumnPrefersNamedVectorTable) {
    RawDb raw("valid/vectors.sql");
    const Schema schema = Schema::from_database(raw.get());
    const auto codes = schema.find_all_tables_for_column("Collection", "codes");
    ASSERT_EQ(codes.size(), 1u);
    EXPECT_EQ(codes[0].table_name, "Collection_vector_codes");
    // A table that merely has the name does not match (D14).
    EXPECT_TRUE(schema.find_all_tables_for_column("Collection", "values").empty());
}

TEST(Schema, FilesTableIsNotARoutingTarget) {
    RawDb raw("valid/time_series_files.sql");
    const Schema schema = Schema::from_database(raw.get());
    EXPECT_TRUE(schema.find_all_tables_for_column("Collection", "wind").empty());
}

// ---------------------------------------------------------------------------------------------
// SchemaValidator

TEST(SchemaValidator, ValidFixturesPass) {
    for (const char* f : {"valid/basic.sql", "valid/collections.sql", "valid/vectors.sql", "valid/sets.sql", "valid/time_series.sql",
                          "valid/time_series_files.sql", "valid/relations.sql", "valid/illustrative.sql",
                          "issues/time_series_no_dimension.sql", "issues/time_series_dimension.sql", "issues/date_column_names.sql",
                          "issues/ignored_tables.sql", "issues/label_unique_index.sql", "issues/pragma_user_version.sql"}) {
        RawDb raw(f);
        const Schema schema = Schema::from_database(raw.get());
        SchemaValidator validator(schema);
        EXPECT_NO_THROW(validator.validate()) << f;
    }
}

TEST(SchemaValidator, FirstFailureWins) {
    RawDb raw("invalid/duplicate_attribute.sql");
    const Schema schema = Schema::from_database(raw.get());
    SchemaValidator validator(schema);
    EXPECT_THROW_MSG(validator.validate(),
                     "Schema validation error: Duplicate attribute 'value' found in table 'Collection_vector_values' (already defined in "
                     "collection 'Collection')");
}

TEST(SchemaValidator, EmptySchemaHasNoConfiguration) {
    sqlite3* raw = nullptr;
    sqlite3_open(":memory:", &raw);
    const Schema schema = Schema::from_database(raw);
    SchemaValidator validator(schema);
    EXPECT_THROW_MSG(validator.validate(), "Schema validation error: Schema must have a 'Configuration' table");
    sqlite3_close(raw);
}

// ---------------------------------------------------------------------------------------------
// TypeValidator (D1)

TEST(TypeValidator, ScalarRules) {
    RawDb raw("valid/collections.sql");
    const Schema schema = Schema::from_database(raw.get());
    TypeValidator tv(schema);
    EXPECT_NO_THROW(tv.validate_scalar("create_element", "Configuration", "integer_attribute", Value{int64_t{1}}));
    EXPECT_NO_THROW(tv.validate_scalar("create_element", "Configuration", "integer_attribute", Value{nullptr}));
    EXPECT_NO_THROW(tv.validate_scalar("create_element", "Configuration", "float_attribute", Value{int64_t{1}}));
    EXPECT_NO_THROW(tv.validate_scalar("create_element", "Configuration", "float_attribute", Value{1.5}));
    EXPECT_NO_THROW(tv.validate_scalar("create_element", "Configuration", "string_attribute", Value{std::string("x")}));
    EXPECT_NO_THROW(tv.validate_scalar("create_element", "Configuration", "date_attribute", Value{std::string("2024-01-01")}));
    EXPECT_THROW_MSG(tv.validate_scalar("create_element", "Configuration", "integer_attribute", Value{2.5}),
                     "Cannot create_element: type mismatch for column 'integer_attribute': expected INTEGER, got REAL");
    EXPECT_THROW_MSG(tv.validate_scalar("update_element", "Configuration", "string_attribute", Value{int64_t{1}}),
                     "Cannot update_element: type mismatch for column 'string_attribute': expected TEXT, got INTEGER");
    EXPECT_THROW_MSG(tv.validate_scalar("create_element", "Configuration", "float_attribute", Value{std::string("1")}),
                     "Cannot create_element: type mismatch for column 'float_attribute': expected REAL, got TEXT");
    EXPECT_THROW_MSG(tv.validate_scalar("create_element", "Collection", "date_end", Value{1.0}),
                     "Cannot create_element: type mismatch for column 'date_end': expected DATE_TIME, got REAL");
}

TEST(TypeValidator, ArrayRules) {
    RawDb raw("valid/collections.sql");
    const Schema schema = Schema::from_database(raw.get());
    TypeValidator tv(schema);
    EXPECT_NO_THROW(tv.validate_array("create_element", "Configuration", "float_attribute", {int64_t{1}, 2.5, nullptr}));
    EXPECT_NO_THROW(tv.validate_array("create_element", "Configuration", "string_attribute", {}));
    EXPECT_THROW_MSG(tv.validate_array("update_element", "Configuration", "string_attribute", {std::string("a"), int64_t{1}}),
                     "Cannot update_element: type mismatch for array 'string_attribute' index 1: expected TEXT, got INTEGER");
    EXPECT_THROW_MSG(tv.validate_array("create_element", "Configuration", "integer_attribute", {int64_t{1}, int64_t{2}, 3.0}),
                     "Cannot create_element: type mismatch for array 'integer_attribute' index 2: expected INTEGER, got REAL");
    // Every cell of a DATE_TIME array is checked (D22); NULL cells pass.
    EXPECT_NO_THROW(tv.validate_array("create_element", "Collection", "date_start", {std::string("2024-01-01"), nullptr}));
    EXPECT_THROW_MSG(tv.validate_array("create_element", "Collection", "date_start",
                                       {std::string("2024-01-01"), nullptr, std::string("2024-02-30")}),
                     "Cannot create_element: invalid date-time '2024-02-30' for array 'date_start' index 2: expected "
                     "YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS");
}

TEST(TypeValidator, ValidateValue) {
    EXPECT_NO_THROW(TypeValidator::validate_value("op", "column 'x'", DataType::Real, Value{int64_t{3}}));
    EXPECT_NO_THROW(TypeValidator::validate_value("op", "column 'x'", DataType::DateTime, Value{std::string("2024-01-01")}));
    EXPECT_NO_THROW(TypeValidator::validate_value("op", "column 'x'", DataType::DateTime, Value{std::string(" 2024-01-01 ")}));
    EXPECT_NO_THROW(TypeValidator::validate_value("op", "column 'x'", DataType::Text, Value{std::string("d")}));
    EXPECT_THROW_MSG(TypeValidator::validate_value("op", "column 'x'", DataType::DateTime, Value{std::string("d")}),
                     "Cannot op: invalid date-time 'd' for column 'x': expected YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS");
    EXPECT_NO_THROW(TypeValidator::validate_value("op", "column 'x'", DataType::Text, Value{nullptr}));
    EXPECT_THROW_MSG(TypeValidator::validate_value("update_time_series_group", "column 'x' row 2", DataType::Integer, Value{1.5}),
                     "Cannot update_time_series_group: type mismatch for column 'x' row 2: expected INTEGER, got REAL");
    EXPECT_THROW_MSG(TypeValidator::validate_value("op", "array 'a' index 0", DataType::DateTime, Value{int64_t{1}}),
                     "Cannot op: type mismatch for array 'a' index 0: expected DATE_TIME, got INTEGER");
    EXPECT_THROW_MSG(TypeValidator::validate_value("op", "column 'x'", DataType::Text, Value{2.0}),
                     "Cannot op: type mismatch for column 'x': expected TEXT, got REAL");
    EXPECT_THROW_MSG(TypeValidator::validate_value("op", "column 'x'", DataType::Real, Value{std::string("s")}),
                     "Cannot op: type mismatch for column 'x': expected REAL, got TEXT");
}
