// Metadata (semantics §5.3).
#include "test_helpers.h"

#include <quiver/database.h>

#include <gtest/gtest.h>

using namespace quiver;
using namespace quiver::test;

namespace {
std::vector<std::string> names_of(const std::vector<ScalarMetadata>& list) {
    std::vector<std::string> out;
    for (const auto& m : list) out.push_back(m.name);
    return out;
}
std::vector<std::string> group_names(const std::vector<GroupMetadata>& list) {
    std::vector<std::string> out;
    for (const auto& g : list) out.push_back(g.group_name);
    return out;
}
}  // namespace

TEST(Metadata, ScalarMetadataFields) {
    auto db = memory_db("valid/collections.sql");
    const auto m = db.get_scalar_metadata("Configuration", "integer_attribute");
    EXPECT_EQ(m.name, "integer_attribute");
    EXPECT_EQ(m.data_type, DataType::Integer);
    EXPECT_TRUE(m.not_null);
    EXPECT_FALSE(m.primary_key);
    EXPECT_EQ(m.default_value, std::optional<std::string>("6"));
    EXPECT_FALSE(m.is_foreign_key);
    EXPECT_EQ(m.references_collection, std::nullopt);
    EXPECT_EQ(m.references_column, std::nullopt);

    const auto f = db.get_scalar_metadata("Configuration", "float_attribute");
    EXPECT_EQ(f.data_type, DataType::Real);
    EXPECT_FALSE(f.not_null);
    EXPECT_EQ(f.default_value, std::optional<std::string>("3.14"));

    const auto s = db.get_scalar_metadata("Configuration", "string_attribute");
    EXPECT_EQ(s.data_type, DataType::Text);
    EXPECT_EQ(s.default_value, std::optional<std::string>("'hello'"));  // default text as declared

    const auto d = db.get_scalar_metadata("Configuration", "date_attribute");
    EXPECT_EQ(d.data_type, DataType::DateTime);
    EXPECT_EQ(d.default_value, std::nullopt);
}

TEST(Metadata, IdAndLabel) {
    auto db = memory_db("valid/collections.sql");
    const auto id = db.get_scalar_metadata("Collection", "id");
    EXPECT_EQ(id.data_type, DataType::Integer);
    EXPECT_TRUE(id.primary_key);
    EXPECT_FALSE(id.not_null);  // SQLite's notnull flag for INTEGER PRIMARY KEY
    const auto label = db.get_scalar_metadata("Collection", "label");
    EXPECT_EQ(label.data_type, DataType::Text);
    EXPECT_TRUE(label.not_null);
    EXPECT_FALSE(label.primary_key);
}

TEST(Metadata, DeclaredDateTimeAndDatePrefix) {
    auto db = memory_db("valid/collections.sql");
    EXPECT_EQ(db.get_scalar_metadata("Collection", "date_start").data_type, DataType::DateTime);
    EXPECT_EQ(db.get_scalar_metadata("Collection", "date_end").data_type, DataType::DateTime);
    EXPECT_EQ(db.get_scalar_metadata("Collection", "code").default_value, std::optional<std::string>("'none'"));
    EXPECT_EQ(db.get_scalar_metadata("Collection", "weight").default_value, std::optional<std::string>("2.5"));
}

TEST(Metadata, DateNamesNeedUnderscore) {
    auto db = memory_db("issues/date_column_names.sql");
    EXPECT_EQ(db.get_scalar_metadata("Configuration", "date").data_type, DataType::Text);
    EXPECT_EQ(db.get_scalar_metadata("Configuration", "dated").data_type, DataType::Text);
    EXPECT_EQ(db.get_scalar_metadata("Configuration", "dateX").data_type, DataType::Text);
    EXPECT_EQ(db.get_scalar_metadata("Configuration", "date_x").data_type, DataType::DateTime);
    EXPECT_EQ(db.get_scalar_metadata("Configuration", "date_count").data_type, DataType::Integer);
    EXPECT_EQ(db.get_scalar_metadata("Configuration", "date_ratio").data_type, DataType::Real);
    EXPECT_EQ(db.get_scalar_metadata("Configuration", "moment").data_type, DataType::DateTime);
}

TEST(Metadata, ScalarMetadataErrors) {
    auto db = memory_db("valid/collections.sql");
    EXPECT_FAILS_UNCHANGED(db, db.get_scalar_metadata("Configuration", "nope"), "Scalar attribute not found: 'nope' in collection 'Configuration'");
    EXPECT_FAILS_UNCHANGED(db, db.get_scalar_metadata("Nope", "id"), "Cannot get_scalar_metadata: collection not found: Nope");
}

TEST(Metadata, ListScalarAttributesAlphabetical) {
    auto db = memory_db("valid/collections.sql");
    EXPECT_EQ(names_of(db.list_scalar_attributes("Configuration")),
              (std::vector<std::string>{"boolean_attribute", "date_attribute", "float_attribute", "id", "integer_attribute", "label",
                                        "string_attribute"}));
    EXPECT_EQ(names_of(db.list_scalar_attributes("Collection")),
              (std::vector<std::string>{"code", "date_end", "date_start", "id", "label", "some_float", "some_integer", "some_string",
                                        "status", "weight"}));
    const auto list = db.list_scalar_attributes("Collection");
    EXPECT_EQ(list[0].data_type, DataType::Text);
    EXPECT_EQ(list[8].name, "status");
    EXPECT_TRUE(list[8].not_null);
    EXPECT_EQ(list[8].default_value, std::optional<std::string>("1"));
}

TEST(Metadata, ListScalarAttributesByteOrder) {
    // Uppercase < '_' < lowercase.
    auto db = memory_db("issues/date_column_names.sql");
    EXPECT_EQ(names_of(db.list_scalar_attributes("Configuration")),
              (std::vector<std::string>{"date", "dateX", "date_count", "date_ratio", "date_x", "dated", "id", "label", "moment"}));
}

TEST(Metadata, ListScalarAttributesUnknownCollection) {
    auto db = memory_db("valid/collections.sql");
    EXPECT_FAILS_UNCHANGED(db, db.list_scalar_attributes("Nope"), "Cannot list_scalar_attributes: collection not found: Nope");
}

TEST(Metadata, ForeignKeyFields) {
    auto db = memory_db("valid/relations.sql");
    const auto p = db.get_scalar_metadata("Child", "parent_id");
    EXPECT_TRUE(p.is_foreign_key);
    EXPECT_EQ(p.references_collection, std::optional<std::string>("Parent"));
    EXPECT_EQ(p.references_column, std::optional<std::string>("id"));
    EXPECT_EQ(p.data_type, DataType::Integer);
    const auto s = db.get_scalar_metadata("Child", "sibling_id");
    EXPECT_TRUE(s.is_foreign_key);
    EXPECT_EQ(s.references_collection, std::optional<std::string>("Child"));
    const auto n = db.get_scalar_metadata("Child", "note");
    EXPECT_FALSE(n.is_foreign_key);
    EXPECT_EQ(n.references_collection, std::nullopt);

    const auto list = db.list_scalar_attributes("Child");
    EXPECT_EQ(names_of(list), (std::vector<std::string>{"id", "label", "note", "owner_id", "parent_id", "sibling_id"}));
    EXPECT_FALSE(list[0].is_foreign_key);
    EXPECT_TRUE(list[3].is_foreign_key);
    EXPECT_EQ(list[3].references_collection, std::optional<std::string>("Parent"));
    EXPECT_TRUE(list[4].is_foreign_key);
    EXPECT_TRUE(list[5].is_foreign_key);
    EXPECT_EQ(list[5].references_collection, std::optional<std::string>("Child"));
    EXPECT_EQ(list[5].references_column, std::optional<std::string>("id"));
}

TEST(Metadata, VectorMetadata) {
    auto db = memory_db("valid/vectors.sql");
    const auto g = db.get_vector_metadata("Collection", "values");
    EXPECT_EQ(g.group_name, "values");
    EXPECT_EQ(g.dimension_column, "");
    EXPECT_EQ(names_of(g.value_columns), (std::vector<std::string>{"value_float", "value_int", "value_string"}));
    EXPECT_EQ(g.value_columns[0].data_type, DataType::Real);
    EXPECT_EQ(g.value_columns[1].data_type, DataType::Integer);
    EXPECT_EQ(g.value_columns[2].data_type, DataType::Text);
    const auto c = db.get_vector_metadata("Collection", "codes");
    ASSERT_EQ(c.value_columns.size(), 1u);
    EXPECT_EQ(c.value_columns[0].name, "codes");
    EXPECT_TRUE(c.value_columns[0].not_null);
}

TEST(Metadata, VectorMetadataErrors) {
    auto db = memory_db("valid/vectors.sql");
    EXPECT_FAILS_UNCHANGED(db, db.get_vector_metadata("Collection", "nope"), "Vector group not found: 'nope' in collection 'Collection'");
    // Addressed by group name, not by column name.
    EXPECT_FAILS_UNCHANGED(db, db.get_vector_metadata("Collection", "value_int"), "Vector group not found: 'value_int' in collection 'Collection'");
    EXPECT_FAILS_UNCHANGED(db, db.get_vector_metadata("Configuration", "values"), "Vector group not found: 'values' in collection 'Configuration'");
    EXPECT_FAILS_UNCHANGED(db, db.get_vector_metadata("Nope", "values"), "Cannot get_vector_metadata: collection not found: Nope");
}

TEST(Metadata, SetMetadata) {
    auto db = memory_db("valid/sets.sql");
    const auto g = db.get_set_metadata("Collection", "numbers");
    EXPECT_EQ(g.group_name, "numbers");
    EXPECT_EQ(g.dimension_column, "");
    EXPECT_EQ(names_of(g.value_columns), (std::vector<std::string>{"number", "ratio"}));
    EXPECT_EQ(g.value_columns[0].data_type, DataType::Integer);
    EXPECT_EQ(g.value_columns[1].data_type, DataType::Real);
    const auto t = db.get_set_metadata("Collection", "tags");
    EXPECT_EQ(names_of(t.value_columns), (std::vector<std::string>{"tag"}));
    EXPECT_FAILS_UNCHANGED(db, db.get_set_metadata("Collection", "nope"), "Set group not found: 'nope' in collection 'Collection'");
    EXPECT_FAILS_UNCHANGED(db, db.get_set_metadata("Nope", "tags"), "Cannot get_set_metadata: collection not found: Nope");
}

TEST(Metadata, TimeSeriesMetadata) {
    auto db = memory_db("valid/time_series.sql");
    const auto g = db.get_time_series_metadata("Collection", "data");
    EXPECT_EQ(g.group_name, "data");
    EXPECT_EQ(g.dimension_column, "date_time");
    EXPECT_EQ(names_of(g.value_columns), (std::vector<std::string>{"note", "quantity", "value"}));
    EXPECT_EQ(g.value_columns[0].data_type, DataType::Text);
    EXPECT_EQ(g.value_columns[1].data_type, DataType::Integer);
    EXPECT_EQ(g.value_columns[2].data_type, DataType::Real);
    const auto e = db.get_time_series_metadata("Collection", "events");
    EXPECT_EQ(e.dimension_column, "date_time");
    EXPECT_EQ(names_of(e.value_columns), (std::vector<std::string>{"event", "magnitude"}));
    EXPECT_FAILS_UNCHANGED(db, db.get_time_series_metadata("Collection", "nope"),
                           "Time series group not found: 'nope' in collection 'Collection'");
    EXPECT_FAILS_UNCHANGED(db, db.get_time_series_metadata("Nope", "data"), "Cannot get_time_series_metadata: collection not found: Nope");
}

TEST(Metadata, TimeSeriesDimensionSelection) {
    auto db = memory_db("issues/time_series_dimension.sql");
    const auto r = db.get_time_series_metadata("Sensor", "readings");
    EXPECT_EQ(r.dimension_column, "date_recorded");
    EXPECT_EQ(names_of(r.value_columns), (std::vector<std::string>{"block", "date_valid", "reading"}));
    EXPECT_EQ(r.value_columns[1].data_type, DataType::DateTime);
    const auto d = db.get_time_series_metadata("Sensor", "declared");
    EXPECT_EQ(d.dimension_column, "moment");
    EXPECT_EQ(names_of(d.value_columns), (std::vector<std::string>{"level"}));
}

TEST(Metadata, TimeSeriesWithoutDimension) {
    auto db = memory_db("issues/time_series_no_dimension.sql");
    EXPECT_FAILS_UNCHANGED(db, db.get_time_series_metadata("Res", "nodate"),
                           "Dimension column not found: time series table 'Res_time_series_nodate'");
    EXPECT_FAILS_UNCHANGED(db, db.list_time_series_groups("Res"),
                           "Dimension column not found: time series table 'Res_time_series_nodate'");
}

TEST(Metadata, ListGroupsAlphabetical) {
    auto vdb = memory_db("valid/vectors.sql");
    const auto vectors = vdb.list_vector_groups("Collection");
    EXPECT_EQ(group_names(vectors), (std::vector<std::string>{"codes", "values"}));
    EXPECT_EQ(names_of(vectors[1].value_columns), (std::vector<std::string>{"value_float", "value_int", "value_string"}));
    EXPECT_TRUE(vdb.list_set_groups("Collection").empty());
    EXPECT_TRUE(vdb.list_time_series_groups("Collection").empty());
    EXPECT_TRUE(vdb.list_vector_groups("Configuration").empty());

    auto sdb = memory_db("valid/sets.sql");
    EXPECT_EQ(group_names(sdb.list_set_groups("Collection")), (std::vector<std::string>{"numbers", "tags"}));
    EXPECT_TRUE(sdb.list_vector_groups("Collection").empty());

    auto tdb = memory_db("valid/time_series.sql");
    const auto ts = tdb.list_time_series_groups("Collection");
    EXPECT_EQ(group_names(ts), (std::vector<std::string>{"data", "events"}));
    EXPECT_EQ(ts[0].dimension_column, "date_time");
    EXPECT_EQ(names_of(ts[1].value_columns), (std::vector<std::string>{"event", "magnitude"}));
}

TEST(Metadata, ListTimeSeriesGroupsExcludesFilesTable) {
    auto db = memory_db("valid/time_series_files.sql");
    EXPECT_EQ(group_names(db.list_time_series_groups("Collection")), (std::vector<std::string>{"data"}));
    auto idb = memory_db("valid/illustrative.sql");
    EXPECT_EQ(group_names(idb.list_time_series_groups("Plant")), (std::vector<std::string>{"output"}));
    EXPECT_EQ(group_names(idb.list_vector_groups("Plant")), (std::vector<std::string>{"units"}));
    EXPECT_EQ(group_names(idb.list_set_groups("Plant")), (std::vector<std::string>{"tags"}));
}

TEST(Metadata, ListGroupsUnknownCollectionIsEmpty) {
    auto db = memory_db("valid/illustrative.sql");
    EXPECT_TRUE(db.list_vector_groups("Nope").empty());
    EXPECT_TRUE(db.list_set_groups("Nope").empty());
    EXPECT_TRUE(db.list_time_series_groups("Nope").empty());
}

// api-additions §0.1 R3 (was: group value columns never carried foreign-key information).
TEST(Metadata, GroupValueColumnsCarryForeignKeyInfo) {
    auto db = memory_db("valid/relations.sql");
    const auto refs = db.get_vector_metadata("Child", "refs");
    EXPECT_EQ(names_of(refs.value_columns), (std::vector<std::string>{"parent_ref", "weight"}));
    EXPECT_TRUE(refs.value_columns[0].is_foreign_key);
    EXPECT_EQ(refs.value_columns[0].references_collection, std::optional<std::string>("Parent"));
    EXPECT_EQ(refs.value_columns[0].references_column, std::optional<std::string>("id"));
    EXPECT_FALSE(refs.value_columns[1].is_foreign_key);
    EXPECT_EQ(refs.value_columns[1].references_collection, std::nullopt);
    EXPECT_EQ(refs.value_columns[1].references_column, std::nullopt);
    const auto parents = db.get_set_metadata("Child", "parents");
    ASSERT_EQ(parents.value_columns.size(), 1u);
    EXPECT_TRUE(parents.value_columns[0].is_foreign_key);
    EXPECT_EQ(parents.value_columns[0].references_collection, std::optional<std::string>("Parent"));
    const auto groups = db.list_vector_groups("Child");
    EXPECT_EQ(group_names(groups), (std::vector<std::string>{"friends", "refs"}));
    EXPECT_TRUE(groups[0].value_columns[0].is_foreign_key);  // friend_id -> Child
    EXPECT_EQ(groups[0].value_columns[0].references_collection, std::optional<std::string>("Child"));
}

TEST(Metadata, NoSchemaLoaded) {
    Database db(":memory:", quiet());
    EXPECT_THROW_MSG(db.get_vector_metadata("C", "g"), "Cannot get_vector_metadata: no schema loaded");
    EXPECT_THROW_MSG(db.get_set_metadata("C", "g"), "Cannot get_set_metadata: no schema loaded");
    EXPECT_THROW_MSG(db.get_time_series_metadata("C", "g"), "Cannot get_time_series_metadata: no schema loaded");
}
