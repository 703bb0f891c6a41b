// Metadata tables: get_*_metadata and list_* (api §5.4).
#include "lua_test_support.h"

namespace quiver::test {
namespace {

using LuaMetadataTest = LuaTest;

TEST_F(LuaMetadataTest, ScalarMetadata) {
    ok(R"(
        expect_eq(db:get_scalar_metadata('Item', 'score'),
                  {name = 'score', data_type = 'integer', not_null = false, primary_key = false})
        expect_eq(db:get_scalar_metadata('Item', 'status'),
                  {name = 'status', data_type = 'integer', not_null = true, primary_key = false,
                   default_value = '1'})
        expect_eq(db:get_scalar_metadata('Item', 'weight').data_type, 'real')
        expect_eq(db:get_scalar_metadata('Item', 'name').data_type, 'text')
        expect_eq(db:get_scalar_metadata('Item', 'date_created').data_type, 'date_time')
        expect_eq(db:get_scalar_metadata('Item', 'id'),
                  {name = 'id', data_type = 'integer', not_null = false, primary_key = true})
        expect_eq(db:get_scalar_metadata('Item', 'label'),
                  {name = 'label', data_type = 'text', not_null = true, primary_key = false})
        -- no foreign-key fields in Lua
        expect_eq(db:get_scalar_metadata('Item', 'parent_id'),
                  {name = 'parent_id', data_type = 'integer', not_null = false, primary_key = false})
        expect_eq(db:get_scalar_metadata('Configuration', 'float_attribute').default_value, '3.5')
    )");
    EXPECT_EQ(error_of("db:get_scalar_metadata('Item', 'nope')"),
              "Lua error: Scalar attribute not found: 'nope' in collection 'Item'");
    EXPECT_EQ(error_of("db:get_scalar_metadata('Nope', 'x')"),
              "Lua error: Cannot get_scalar_metadata: collection not found: Nope");
}

TEST_F(LuaMetadataTest, GroupMetadata) {
    ok(R"(
        -- value columns of groups carry the foreign-key fields (api-additions §0.1 R3)
        local function col(name, t)
            return {name = name, data_type = t, not_null = false, primary_key = false, is_foreign_key = false}
        end
        expect_eq(db:get_vector_metadata('Item', 'values'), {
            group_name = 'values',
            value_columns = {col('value_float', 'real'), col('value_int', 'integer')},
        })
        local tags = db:get_set_metadata('Item', 'tags')
        expect_eq(tags, {group_name = 'tags', value_columns = {
            {name = 'tag', data_type = 'text', not_null = true, primary_key = false, is_foreign_key = false}}})
        assert(tags.dimension_column == nil)
        expect_eq(db:get_time_series_metadata('Item', 'readings'), {
            group_name = 'readings', dimension_column = 'date_time',
            value_columns = {col('humidity', 'integer'), col('note', 'text'), col('temperature', 'real')},
        })
    )");
    EXPECT_EQ(error_of("db:get_vector_metadata('Item', 'nope')"),
              "Lua error: Vector group not found: 'nope' in collection 'Item'");
    EXPECT_EQ(error_of("db:get_set_metadata('Item', 'nope')"),
              "Lua error: Set group not found: 'nope' in collection 'Item'");
    EXPECT_EQ(error_of("db:get_time_series_metadata('Item', 'nope')"),
              "Lua error: Time series group not found: 'nope' in collection 'Item'");
}

TEST_F(LuaMetadataTest, ListScalarAttributes) {
    ok(R"(
        local names = {}
        for i, md in ipairs(db:list_scalar_attributes('Item')) do
            names[i] = md.name
            assert(type(md.data_type) == 'string' and type(md.not_null) == 'boolean')
        end
        expect_eq(names, {'date_created', 'id', 'label', 'name', 'parent_id', 'score', 'status', 'weight'})
    )");
    EXPECT_EQ(error_of("db:list_scalar_attributes('Nope')"),
              "Lua error: Cannot list_scalar_attributes: collection not found: Nope");
}

TEST_F(LuaMetadataTest, ListGroups) {
    ok(R"(
        local function names(groups)
            local out = {}
            for i, g in ipairs(groups) do out[i] = g.group_name end
            return out
        end
        local vectors = db:list_vector_groups('Item')
        expect_eq(names(vectors), {'codes', 'values'})
        assert(vectors[1].dimension_column == nil)
        expect_eq(vectors[1].value_columns[1].name, 'code')
        expect_eq(names(db:list_set_groups('Item')), {'numbers', 'ratios', 'tags'})
        local ts = db:list_time_series_groups('Item')
        expect_eq(names(ts), {'readings'})
        expect_eq(ts[1].dimension_column, 'date_time')
        expect_eq(#ts[1].value_columns, 3)
        -- an unknown collection gives empty lists (§5.3)
        expect_eq(db:list_vector_groups('Nope'), {})
        expect_eq(db:list_set_groups('Parent'), {})
        expect_eq(db:list_time_series_groups('Parent'), {})
    )");
}

}  // namespace
}  // namespace quiver::test
