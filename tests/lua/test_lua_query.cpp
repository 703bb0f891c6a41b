// db:query_string / query_integer / query_float with and without parameters.
#include "lua_test_support.h"

namespace quiver::test {
namespace {

using LuaQueryTest = LuaTest;

TEST_F(LuaQueryTest, ValuesAndNil) {
    ok(R"(
        expect_eq(db:query_string("SELECT 'abc'"), 'abc')
        expect_eq(db:query_integer('SELECT 42'), 42)
        expect_eq(db:query_float('SELECT 2.5'), 2.5)
        -- query_float converts an INTEGER result (D7)
        local f = db:query_float('SELECT 3')
        expect_eq(f, 3.0)
        assert(math.type(f) == 'float')
        assert(math.type(db:query_integer('SELECT 3')) == 'integer')
        -- no rows, NULL, or another storage class give nil
        assert(db:query_integer('SELECT id FROM Item') == nil)
        assert(db:query_string('SELECT NULL') == nil)
        assert(db:query_integer("SELECT 'abc'") == nil)
        assert(db:query_string('SELECT 1') == nil)
    )");
}

TEST_F(LuaQueryTest, Parameters) {
    ok(R"(
        db:create_element('Item', {label = 'a', score = 10})
        db:create_element('Item', {label = 'b', score = 20})
        expect_eq(db:query_integer('SELECT score FROM Item WHERE label = ?', {'b'}), 20)
        expect_eq(db:query_integer('SELECT count(*) FROM Item WHERE score > ?', {15}), 1)
        expect_eq(db:query_float('SELECT ? * 2', {1.25}), 2.5)
        expect_eq(db:query_string('SELECT ? || ?', {'x', 'y'}), 'xy')
        -- missing indices bind NULL
        expect_eq(db:query_integer('SELECT coalesce(?, 5) + ?', {nil, 2}), 7)
        expect_eq(db:query_integer('SELECT coalesce(?1, 0) + coalesce(?2, 0) + ?3', {[3] = 4}), 4)
        -- string parameters are trimmed like every other bound string
        expect_eq(db:query_integer('SELECT score FROM Item WHERE label = ?', {'  a  '}), 10)
        -- an empty table or nil means no parameters
        expect_eq(db:query_integer('SELECT 1', {}), 1)
        expect_eq(db:query_integer('SELECT 1', nil), 1)
        -- writes work and return through RETURNING
        local id = db:query_integer("INSERT INTO Parent (label) VALUES (?) RETURNING id", {'P'})
        expect_eq(id, 1)
    )");
}

TEST_F(LuaQueryTest, Errors) {
    EXPECT_EQ(error_of("db:query_integer('SELECT ?')"),
              "Lua error: Failed to execute statement: expected 1 bound parameter(s) but got 0");
    EXPECT_EQ(error_of("db:query_integer('SELECT 1', {1})"),
              "Lua error: Failed to execute statement: expected 0 bound parameter(s) but got 1");
    EXPECT_EQ(error_of("db:query_string('SELEC 1')"),
              "Lua error: Failed to prepare statement: near \"SELEC\": syntax error");
}

}  // namespace
}  // namespace quiver::test
