// Element tables through the one conversion path (issue 13 item 9): the error reported does not
// depend on the order lua_next visits the table, arrays in hash order convert like sequences.
#include "lua_test_support.h"

namespace quiver::test {
namespace {

using LuaConvertTest = LuaTest;

TEST_F(LuaConvertTest, ArraysInAnyKeyOrder) {
    ok(R"(
        local values = {}
        values[3] = 30 values[1] = 10 values[2] = 20          -- hash part, out of order
        local floats = {[2] = 2.5, [1] = 1, [3] = 3}          -- integers widened once a float is seen
        local codes = {[2] = 'b', [1] = 'a'}
        local id = db:create_element('Item', {label = 'x', value_int = values, value_float = floats, code = codes})
        local v = db:read_vectors_by_id('Item', id)
        expect_eq(v.value_int, {10, 20, 30})
        expect_eq(v.value_float, {1.0, 2.5, 3.0})
        expect_eq(v.code, {'a', 'b'})
        db:update_element('Item', id, {value_int = {}, value_float = {}})
        expect_eq(db:read_vectors_by_id('Item', id).value_int, {})
    )");
}

TEST_F(LuaConvertTest, FirstFailingAttributeInNameOrderWhateverTheInsertionOrder) {
    ok(R"(
        -- several bad attributes: the alphabetically first one is reported
        local t = {label = 'x'}
        t.zeta = true t.alpha = {1, 'two'} t.middle = print
        expect_error("Cannot create_element: array 'alpha' element #2 has unsupported Lua type string",
                     db.create_element, db, 'Item', t)
        local u = {label = 'x'}
        u.middle = print u.zeta = true u.beta = {1, nil, 3}
        expect_error("Cannot create_element: array 'beta' must be a sequence", db.create_element, db, 'Item', u)
        -- a non-string name comes before any attribute error
        local w = {label = 'x', alpha = true}
        w[1] = 'positional'
        expect_error('Cannot create_element: attribute names must be strings, got number',
                     db.create_element, db, 'Item', w)
        -- the lowest bad index of an array, also when the table is in hash order
        local a = {}
        a[4] = {} a[3] = true a[1] = 1 a[2] = 2
        expect_error("Cannot create_element: array 'value_int' element #3 has unsupported Lua type boolean",
                     db.create_element, db, 'Item', {label = 'x', value_int = a})
        expect_error("Cannot create_element: array 'value_int' element #1 has unsupported Lua type boolean",
                     db.create_element, db, 'Item', {label = 'x', value_int = {true, 1}})
        expect_error("Cannot create_element: array 'value_int' must be a sequence",
                     db.create_element, db, 'Item', {label = 'x', value_int = {1, 2, x = 3}})
        expect_error("Cannot create_element: array 'value_int' must be a sequence",
                     db.create_element, db, 'Item', {label = 'x', value_int = {[0] = 1}})
        expect_error("Cannot create_element: attribute 'score' has unsupported Lua type boolean",
                     db.create_element, db, 'Item', {label = 'x', score = true, weight = {}})
        expect_eq(#db:read_element_ids('Item'), 0)
    )");
}

}  // namespace
}  // namespace quiver::test
