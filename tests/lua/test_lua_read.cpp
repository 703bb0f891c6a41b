// Bulk reads (D4/D5 shapes) and the composite by-id reads.
#include "lua_test_support.h"

namespace quiver::test {
namespace {

class LuaReadTest : public LuaTest {
protected:
    void SetUp() override {
        LuaTest::SetUp();
        ok(R"(
            db:create_element('Parent', {label = 'P'})
            db:create_element('Item', {label = 'one', score = 1, weight = 1.5, name = 'first',
                                       date_created = '2024-01-01T00:00:00', parent_id = 'P',
                                       value_int = {1, 2, 3}, value_float = {0.1, 0.2, 0.3},
                                       code = {'a', 'b'}, tag = {'x', 'y'}, number = {3, 1, 2},
                                       ratio = {0.5}})
            db:create_element('Item', {label = 'two'})
            db:create_element('Item', {label = 'three', score = 3, weight = 3.5, name = 'third',
                                       value_int = {4}, value_float = {0.4}, tag = {'z'}})
        )");
    }
};

TEST_F(LuaReadTest, ReadElementIds) {
    ok("expect_eq(db:read_element_ids('Item'), {1, 2, 3})");
    ok("expect_eq(db:read_element_ids('Configuration'), {})");
    EXPECT_EQ(error_of("db:read_element_ids('Nope')"),
              "Lua error: Cannot read_element_ids: collection not found: Nope");
}

TEST_F(LuaReadTest, ScalarReadsKeepNilHoles) {
    ok(R"(
        local scores = db:read_scalar_integers('Item', 'score')
        expect_eq(scores, {[1] = 1, [3] = 3})
        assert(scores[2] == nil)
        expect_eq(db:read_scalar_floats('Item', 'weight'), {[1] = 1.5, [3] = 3.5})
        expect_eq(db:read_scalar_strings('Item', 'name'), {[1] = 'first', [3] = 'third'})
        expect_eq(db:read_scalar_strings('Item', 'label'), {'one', 'two', 'three'})
        expect_eq(db:read_scalar_strings('Item', 'date_created'), {'2024-01-01T00:00:00'})
        -- a float reader widens INTEGER values (api-additions 11); holes stay holes
        expect_eq(db:read_scalar_floats('Item', 'score'), {[1] = 1.0, [3] = 3.0})
        -- every element has its slot: use #read_element_ids for n
        expect_eq(#db:read_element_ids('Item'), 3)
    )");
    EXPECT_EQ(error_of("db:read_scalar_integers('Item', 'nope')"),
              "Lua error: Cannot read_scalar_integers: column 'nope' not found in table 'Item'");
}

TEST_F(LuaReadTest, VectorReadsHaveOneListPerElement) {
    ok(R"(
        expect_eq(db:read_vector_integers('Item', 'value_int'), {{1, 2, 3}, {}, {4}})
        expect_eq(db:read_vector_floats('Item', 'value_float'), {{0.1, 0.2, 0.3}, {}, {0.4}})
        expect_eq(db:read_vector_strings('Item', 'code'), {{'a', 'b'}, {}, {}})
    )");
    EXPECT_EQ(error_of("db:read_vector_integers('Item', 'nope')"),
              "Lua error: Vector attribute not found: 'nope' in collection 'Item'");
}

TEST_F(LuaReadTest, SetReadsHaveOneListPerElement) {
    ok(R"(
        local function sorted(lists)
            for _, l in ipairs(lists) do table.sort(l) end
            return lists
        end
        expect_eq(sorted(db:read_set_strings('Item', 'tag')), {{'x', 'y'}, {}, {'z'}})
        expect_eq(sorted(db:read_set_integers('Item', 'number')), {{1, 2, 3}, {}, {}})
        expect_eq(db:read_set_floats('Item', 'ratio'), {{0.5}, {}, {}})
    )");
    EXPECT_EQ(error_of("db:read_set_strings('Item', 'nope')"),
              "Lua error: Set attribute not found: 'nope' in collection 'Item'");
}

TEST_F(LuaReadTest, EmptyCollectionReads) {
    ok(R"(
        expect_eq(db:read_scalar_integers('Parent', 'id'), {1})
        db:delete_element('Parent', 1)
        expect_eq(db:read_scalar_integers('Parent', 'id'), {})
        expect_eq(db:read_scalar_strings('Parent', 'label'), {})
    )");
}

TEST_F(LuaReadTest, ReadScalarsById) {
    ok(R"(
        expect_eq(db:read_scalars_by_id('Item', 1), {
            id = 1, label = 'one', score = 1, weight = 1.5, name = 'first',
            date_created = '2024-01-01T00:00:00', status = 1, parent_id = 1,
        })
        expect_eq(db:read_scalars_by_id('Item', 2), {id = 2, label = 'two', status = 1})
    )");
    // D24: a missing id is an error (it was {}).
    EXPECT_EQ(error_of("db:read_scalars_by_id('Item', 99)"), "Lua error: Element not found: 99 in collection 'Item'");
    EXPECT_EQ(error_of("db:read_scalars_by_id('Nope', 1)"),
              "Lua error: Cannot list_scalar_attributes: collection not found: Nope");
}

TEST_F(LuaReadTest, ReadVectorsAndSetsById) {
    ok(R"(
        expect_eq(db:read_vectors_by_id('Item', 1),
                  {value_int = {1, 2, 3}, value_float = {0.1, 0.2, 0.3}, code = {'a', 'b'}})
        expect_eq(db:read_vectors_by_id('Item', 2), {value_int = {}, value_float = {}, code = {}})
        local sets = db:read_sets_by_id('Item', 1)
        table.sort(sets.tag)
        table.sort(sets.number)
        expect_eq(sets, {tag = {'x', 'y'}, number = {1, 2, 3}, ratio = {0.5}})
        expect_eq(db:read_sets_by_id('Item', 3), {tag = {'z'}, number = {}, ratio = {}})
        expect_eq(db:read_vectors_by_id('Parent', 1), {})
    )");
}

TEST_F(LuaReadTest, ReadElementById) {
    ok(R"(
        local e = db:read_element_by_id('Item', 3)
        expect_eq(e, {
            id = 3, label = 'three', score = 3, weight = 3.5, name = 'third', status = 1,
            value_int = {4}, value_float = {0.4}, code = {},
            tag = {'z'}, number = {}, ratio = {},
        })
        expect_eq(db:read_element_by_id('Parent', 1), {id = 1, label = 'P'})
    )");
}

}  // namespace
}  // namespace quiver::test
