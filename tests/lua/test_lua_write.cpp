// db:create_element, db:update_element, db:delete_element and element-table conversions.
#include "lua_test_support.h"

namespace quiver::test {
namespace {

using LuaWriteTest = LuaTest;

TEST_F(LuaWriteTest, CreateReturnsIntegerIds) {
    ok(R"(
        local a = db:create_element('Item', {label = 'a'})
        local b = db:create_element('Item', {label = 'b'})
        expect_eq(a, 1)
        expect_eq(b, 2)
        assert(math.type(a) == 'integer')
        expect_eq(db:read_element_ids('Item'), {1, 2})
    )");
}

TEST_F(LuaWriteTest, CreateWithScalarsAndArrays) {
    ok(R"(
        db:create_element('Parent', {label = 'P1'})
        local id = db:create_element('Item', {
            label = 'item', score = 10, weight = 2.5, name = 'widget',
            date_created = '2024-01-02T03:04:05', parent_id = 'P1',
            value_int = {1, 2, 3}, value_float = {0.5, 1.5, 2.5},
            code = {'x', 'y'}, tag = {'red', 'blue'}, number = {7, 8}, ratio = {0.25},
        })
        expect_eq(db:read_scalars_by_id('Item', id), {
            id = 1, label = 'item', score = 10, weight = 2.5, name = 'widget',
            date_created = '2024-01-02T03:04:05', status = 1, parent_id = 1,
        })
        expect_eq(db:read_vector_integers('Item', 'value_int'), {{1, 2, 3}})
        expect_eq(db:read_vector_floats('Item', 'value_float'), {{0.5, 1.5, 2.5}})
        expect_eq(db:read_vector_strings('Item', 'code'), {{'x', 'y'}})
        local tags = db:read_set_strings('Item', 'tag')[1]
        table.sort(tags)
        expect_eq(tags, {'blue', 'red'})
    )");
    // The same data seen from C++.
    EXPECT_EQ(db().read_vector_integers_by_id("Item", "value_int", 1),
              (std::vector<int64_t>{1, 2, 3}));
    EXPECT_EQ(db().read_scalar_integer_by_id("Item", "parent_id", 1), std::optional<int64_t>(1));
}

TEST_F(LuaWriteTest, IntegerAndFloatSubtypesAreKept) {
    ok(R"(
        -- an integer is accepted for a REAL column (D1) and reads back as a float
        db:create_element('Item', {label = 'a', weight = 3})
        local w = db:read_scalar_floats('Item', 'weight')[1]
        expect_eq(w, 3.0)
        assert(math.type(w) == 'float')
        -- mixed numeric arrays become float arrays (integers widened)
        db:create_element('Item', {label = 'b', value_float = {1, 2.5}, value_int = {1, 2}})
        expect_eq(db:read_vector_floats('Item', 'value_float')[2], {1.0, 2.5})
    )");
    // 2.0 is a float in Lua, so it is rejected for an INTEGER column (D1).
    EXPECT_EQ(error_of("db:create_element('Item', {label = 'c', score = 2.0})"),
              "Lua error: Cannot create_element: type mismatch for column 'score': expected INTEGER, got REAL");
    EXPECT_EQ(error_of("db:create_element('Item', {label = 'c', value_int = {1, 2.5}})"),
              "Lua error: Cannot create_element: type mismatch for array 'value_int' index 0: expected INTEGER, got REAL");
}

TEST_F(LuaWriteTest, LibraryErrorsAreRelayedVerbatim) {
    EXPECT_EQ(error_of("db:create_element('Nope', {label = 'a'})"),
              "Lua error: Cannot create_element: collection not found: Nope");
    EXPECT_EQ(error_of("db:create_element('Item', {value_int = {1}})"),
              "Lua error: Cannot create_element: element must have at least one scalar attribute");
    EXPECT_EQ(error_of("db:create_element('Item', {})"),
              "Lua error: Cannot create_element: element must have at least one scalar attribute");
    EXPECT_EQ(error_of("db:create_element('Item', {label = 'a', value_int = {}})"),
              "Lua error: Cannot create_element: empty array not allowed for 'value_int'");
    EXPECT_EQ(error_of("db:create_element('Item', {label = 'a', nope = 1})"),
              "Lua error: Cannot create_element: column 'nope' not found in table 'Item'");
    EXPECT_EQ(error_of("db:create_element('Item', {label = 'a', score = 'x'})"),
              "Lua error: Cannot resolve attribute: 'score' is INTEGER but received string 'x' (not a foreign key)");
    EXPECT_EQ(error_of("db:create_element('Item', {label = 'a', parent_id = 'ghost'})"),
              "Lua error: Failed to resolve label 'ghost' to ID in table 'Parent'");
    ok("db:create_element('Item', {label = 'dup'})");
    EXPECT_EQ(error_of("db:create_element('Item', {label = 'dup'})"),
              "Lua error: Failed to execute statement: UNIQUE constraint failed: Item.label");
    EXPECT_EQ(db().read_element_ids("Item"), (std::vector<int64_t>{1}));
}

TEST_F(LuaWriteTest, UpdateScalarsAndArrays) {
    ok(R"(
        local id = db:create_element('Item', {label = 'a', score = 1, value_int = {1, 2}, tag = {'t'}})
        db:update_element('Item', id, {score = 5, name = 'renamed'})
        local s = db:read_scalars_by_id('Item', id)
        expect_eq(s.score, 5)
        expect_eq(s.name, 'renamed')
        db:update_element('Item', id, {value_int = {9, 8, 7}})
        expect_eq(db:read_vector_integers('Item', 'value_int'), {{9, 8, 7}})
        -- an empty table clears the group
        db:update_element('Item', id, {tag = {}})
        expect_eq(db:read_set_strings('Item', 'tag'), {{}})
    )");
}

TEST_F(LuaWriteTest, UpdateErrors) {
    ok("db:create_element('Item', {label = 'a'})");
    EXPECT_EQ(error_of("db:update_element('Item', 99, {score = 1})"),
              "Lua error: Element not found: 99 in collection 'Item'");
    EXPECT_EQ(error_of("db:update_element('Item', 1, {})"),
              "Lua error: Cannot update_element: element must have at least one attribute to update");
    EXPECT_EQ(error_of("db:update_element('Item', 1, {value_int = {1.5}})"),
              "Lua error: Cannot update_element: type mismatch for array 'value_int' index 0: expected INTEGER, got REAL");
    EXPECT_EQ(error_of("db:update_element('Nope', 1, {score = 1})"),
              "Lua error: Cannot update_element: collection not found: Nope");
}

TEST_F(LuaWriteTest, DeleteElement) {
    ok(R"(
        local a = db:create_element('Item', {label = 'a', value_int = {1}})
        local b = db:create_element('Item', {label = 'b'})
        db:delete_element('Item', a)
        expect_eq(db:read_element_ids('Item'), {b})
        expect_eq(db:read_vector_integers('Item', 'value_int'), {{}})
        expect_error("Element not found: 42 in collection 'Item'", db.delete_element, db, 'Item', 42)
    )");
}

TEST_F(LuaWriteTest, ForeignKeyLabelsAndDeleteSetNull) {
    ok(R"(
        local p = db:create_element('Parent', {label = 'P'})
        local i = db:create_element('Item', {label = 'i', parent_id = 'P'})
        expect_eq(db:read_scalar_integers('Item', 'parent_id'), {p})
        db:delete_element('Parent', p)
        local ids = db:read_scalar_integers('Item', 'parent_id')
        expect_eq(ids[1], nil)
    )");
}

TEST_F(LuaWriteTest, StringsWithUnicodeAreTrimmed) {
    ok(R"(
        db:create_element('Item', {label = 'caf\u{e9} \u{1F600}', name = '  padded  '})
        expect_eq(db:read_scalar_strings('Item', 'label'), {'caf\u{e9} \u{1F600}'})
        expect_eq(db:read_scalar_strings('Item', 'name'), {'padded'})
    )");
}

}  // namespace
}  // namespace quiver::test
