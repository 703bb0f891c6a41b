// Argument checking (D14, api §5.2/§5.3): dot-calls, wrong or missing argument types, element
// tables, arrays and parameter tables. Every check happens before anything is written.
#include "lua_test_support.h"

#include <vector>

namespace quiver::test {
namespace {

using LuaArgumentsTest = LuaTest;

TEST_F(LuaArgumentsTest, DotCallIsRejectedForEveryMethod) {
    ok(R"(
        local n = 0
        for name, fn in pairs(Database) do
            n = n + 1
            local expected = 'Cannot ' .. name .. ': method must be called as db:' .. name .. '(...)'
            expect_error(expected, fn)
            expect_error(expected, fn, 'Item', 1)
            expect_error(expected, fn, {}, 'Item')
        end
        assert(n == 63)  -- 60 + open_file, bin_to_csv, csv_to_bin (binary files)
    )");
    EXPECT_EQ(error_of("db.read_element_ids('Item')"),
              "Lua error: Cannot read_element_ids: method must be called as db:read_element_ids(...)");
    EXPECT_EQ(error_of("db.path()"), "Lua error: Cannot path: method must be called as db:path(...)");
}

struct ArgCase {
    const char* call;
    const char* message;
};

TEST_F(LuaArgumentsTest, WrongOrMissingArguments) {
    const std::vector<ArgCase> cases = {
        {"db:create_element()", "Cannot create_element: argument 'collection' must be a string, got nil"},
        {"db:create_element(1, {})", "Cannot create_element: argument 'collection' must be a string, got number"},
        {"db:create_element('Item')", "Cannot create_element: argument 'element' must be a table, got nil"},
        {"db:create_element('Item', 'x')", "Cannot create_element: argument 'element' must be a table, got string"},
        {"db:update_element('Item', 1.5, {})", "Cannot update_element: element must be addressed by an integer id or a string label"},
        {"db:update_element('Item', true, {})", "Cannot update_element: element must be addressed by an integer id or a string label"},
        {"db:update_element('Item', 1, true)", "Cannot update_element: argument 'element' must be a table, got boolean"},
        {"db:update_element('Item', 'x', nil)", "Cannot update_element: argument 'element' must be a table, got nil"},
        {"db:delete_element('Item')", "Cannot delete_element: element must be addressed by an integer id or a string label"},
        {"db:delete_element('Item', {})", "Cannot delete_element: element must be addressed by an integer id or a string label"},
        {"db:delete_element({}, 1)", "Cannot delete_element: argument 'collection' must be a string, got table"},
        {"db:read_element_ids(print)", "Cannot read_element_ids: argument 'collection' must be a string, got function"},
        {"db:read_scalar_integers('Item')", "Cannot read_scalar_integers: argument 'attribute' must be a string, got nil"},
        {"db:read_scalar_floats('Item', 1)", "Cannot read_scalar_floats: argument 'attribute' must be a string, got number"},
        {"db:read_scalar_strings(nil, 'label')", "Cannot read_scalar_strings: argument 'collection' must be a string, got nil"},
        {"db:read_vector_integers('Item', {})", "Cannot read_vector_integers: argument 'attribute' must be a string, got table"},
        {"db:read_vector_floats('Item')", "Cannot read_vector_floats: argument 'attribute' must be a string, got nil"},
        {"db:read_vector_strings(db, 'code')", "Cannot read_vector_strings: argument 'collection' must be a string, got userdata"},
        {"db:read_set_integers('Item', false)", "Cannot read_set_integers: argument 'attribute' must be a string, got boolean"},
        {"db:read_set_floats('Item')", "Cannot read_set_floats: argument 'attribute' must be a string, got nil"},
        {"db:read_set_strings(coroutine.create(print), 'tag')", "Cannot read_set_strings: argument 'collection' must be a string, got thread"},
        {"db:read_scalars_by_id('Item', 'x')", "Cannot read_scalars_by_id: argument 'id' must be an integer, got string"},
        {"db:read_vectors_by_id('Item')", "Cannot read_vectors_by_id: argument 'id' must be an integer, got nil"},
        {"db:read_sets_by_id('Item', 0.5)", "Cannot read_sets_by_id: argument 'id' must be an integer, got number"},
        {"db:read_element_by_id(1, 1)", "Cannot read_element_by_id: argument 'collection' must be a string, got number"},
        {"db:read_time_series_group('Item', 'readings')", "Cannot read_time_series_group: argument 'id' must be an integer, got nil"},
        {"db:read_time_series_group('Item', nil, 1)", "Cannot read_time_series_group: argument 'group' must be a string, got nil"},
        {"db:update_time_series_group('Item', 'readings', 1)", "Cannot update_time_series_group: argument 'rows' must be a table, got nil"},
        {"db:update_time_series_group('Item', 'readings', 1, 'x')", "Cannot update_time_series_group: argument 'rows' must be a table, got string"},
        {"db:update_time_series_group('Item', 'readings', nil, {})", "Cannot update_time_series_group: element must be addressed by an integer id or a string label"},
        {"db:number_of_elements()", "Cannot number_of_elements: argument 'collection' must be a string, got nil"},
        {"db:read_vector_group_by_id('Item', 'values')", "Cannot read_vector_group_by_id: argument 'id' must be an integer, got nil"},
        {"db:read_vector_group_by_id('Item', 1, 1)", "Cannot read_vector_group_by_id: argument 'group' must be a string, got number"},
        {"db:read_set_group_by_id('Item', 'tags', '1')", "Cannot read_set_group_by_id: argument 'id' must be an integer, got string"},
        {"db:read_set_group_by_id(nil, 'tags', 1)", "Cannot read_set_group_by_id: argument 'collection' must be a string, got nil"},
        {"db:update_vector_group('Item', 'values', 1)", "Cannot update_vector_group: argument 'rows' must be a table, got nil"},
        {"db:update_vector_group('Item', 'values', 1.5, {})", "Cannot update_vector_group: element must be addressed by an integer id or a string label"},
        {"db:update_vector_group('Item', nil, 1, {})", "Cannot update_vector_group: argument 'group' must be a string, got nil"},
        {"db:update_set_group('Item', 'tags', 1, 'x')", "Cannot update_set_group: argument 'rows' must be a table, got string"},
        {"db:update_set_group('Item', 'tags', false, {})", "Cannot update_set_group: element must be addressed by an integer id or a string label"},
        {"db:read_time_series_row('Item', 'readings', 'temperature')", "Cannot read_time_series_row: argument 'date_time' must be a string, got nil"},
        {"db:read_time_series_row('Item', 'readings', nil, '2024-01-01')", "Cannot read_time_series_row: argument 'attribute' must be a string, got nil"},
        {"db:upsert_time_series_row('Item', 'readings', 1)", "Cannot upsert_time_series_row: argument 'row' must be a table, got nil"},
        {"db:upsert_time_series_row('Item', 'readings', 0/0, {})", "Cannot upsert_time_series_row: element must be addressed by an integer id or a string label"},
        {"db:upsert_time_series_row('Item', 'readings', 1, {[1] = 'x'})", "Cannot upsert_time_series_row: column names must be strings, got number"},
        {"db:upsert_time_series_row('Item', 'readings', 1, {note = true})", "Cannot upsert_time_series_row: column 'note' has unsupported Lua type boolean"},
        {"db:update_relation('Item', 'Parent', 'id', 1)", "Cannot update_relation: argument 'target_label' is missing; pass nil to clear the relation"},
        {"db:update_relation('Item', 'Parent', 'id', 1, 5)", "Cannot update_relation: target_label must be a string label or nil"},
        {"db:update_relation('Item', 'Parent', 'id', 1, {})", "Cannot update_relation: target_label must be a string label or nil"},
        {"db:update_relation('Item', 'Parent', 'id', 1.5, 'P')", "Cannot update_relation: element must be addressed by an integer id or a string label"},
        {"db:update_relation('Item', 'Parent', nil, 1, 'P')", "Cannot update_relation: argument 'relation_type' must be a string, got nil"},
        {"db:update_relation('Item', 1, 'id', 1, 'P')", "Cannot update_relation: argument 'collection_to' must be a string, got number"},
        {"db:update_relation(nil, 'Parent', 'id', 1, 'P')", "Cannot update_relation: argument 'collection_from' must be a string, got nil"},
        {"db:read_time_series_files(1)", "Cannot read_time_series_files: argument 'collection' must be a string, got number"},
        {"db:update_time_series_files('Item')", "Cannot update_time_series_files: argument 'paths' must be a table, got nil"},
        {"db:has_time_series_files()", "Cannot has_time_series_files: argument 'collection' must be a string, got nil"},
        {"db:list_time_series_files_columns(true)", "Cannot list_time_series_files_columns: argument 'collection' must be a string, got boolean"},
        {"db:get_scalar_metadata('Item')", "Cannot get_scalar_metadata: argument 'attribute' must be a string, got nil"},
        {"db:get_vector_metadata('Item', 1)", "Cannot get_vector_metadata: argument 'group' must be a string, got number"},
        {"db:get_set_metadata('Item')", "Cannot get_set_metadata: argument 'group' must be a string, got nil"},
        {"db:get_time_series_metadata(nil, 'readings')", "Cannot get_time_series_metadata: argument 'collection' must be a string, got nil"},
        {"db:list_scalar_attributes({})", "Cannot list_scalar_attributes: argument 'collection' must be a string, got table"},
        {"db:list_vector_groups()", "Cannot list_vector_groups: argument 'collection' must be a string, got nil"},
        {"db:list_set_groups(1)", "Cannot list_set_groups: argument 'collection' must be a string, got number"},
        {"db:list_time_series_groups(false)", "Cannot list_time_series_groups: argument 'collection' must be a string, got boolean"},
        {"db:query_string()", "Cannot query_string: argument 'sql' must be a string, got nil"},
        {"db:query_integer(1)", "Cannot query_integer: argument 'sql' must be a string, got number"},
        {"db:query_float('SELECT 1', 'x')", "Cannot query_float: argument 'params' must be a table, got string"},
        {"db:query_integer('SELECT ?', 5)", "Cannot query_integer: argument 'params' must be a table, got number"},
        {"db:export_csv('Item', nil, 'x.csv')", "Cannot export_csv: argument 'group' must be a string, got nil"},
        {"db:export_csv('Item', '')", "Cannot export_csv: argument 'path' must be a string, got nil"},
        {"db:export_csv('Item', '', 'x.csv', 'opts')", "Cannot export_csv: argument 'opts' must be a table, got string"},
        {"db:import_csv()", "Cannot import_csv: argument 'collection' must be a string, got nil"},
        {"db:import_csv('Item', '', 'x.csv', 1)", "Cannot import_csv: argument 'opts' must be a table, got number"},
        {"db:transaction()", "Cannot transaction: argument 'fn' must be a function, got nil"},
        {"db:transaction({})", "Cannot transaction: argument 'fn' must be a function, got table"},
    };
    for (const auto& c : cases) {
        EXPECT_EQ(error_of(c.call), std::string("Lua error: ") + c.message) << c.call;
    }
    // Nothing was written by any of the failed calls.
    EXPECT_TRUE(db().read_element_ids("Item").empty());
    EXPECT_FALSE(db().in_transaction());
}

TEST_F(LuaArgumentsTest, IntegerArgumentAcceptsExactFloat) {
    ok(R"(
        local id = db:create_element('Item', {label = 'a', score = 5})
        expect_eq(db:read_scalars_by_id('Item', 1.0).score, 5)
        db:update_element('Item', 1.0, {score = 6})
        expect_eq(db:read_scalar_integers('Item', 'score'), {6})
        expect_error("Cannot read_scalars_by_id: argument 'id' must be an integer, got number",
                     db.read_scalars_by_id, db, 'Item', 1/0)
        expect_error("Cannot read_scalars_by_id: argument 'id' must be an integer, got number",
                     db.read_scalars_by_id, db, 'Item', 0/0)
        db:delete_element('Item', 1.0)
        expect_eq(db:read_element_ids('Item'), {})
    )");
}

TEST_F(LuaArgumentsTest, NumericStringsAreNotIntegers) {
    EXPECT_EQ(error_of("db:read_scalars_by_id('Item', '1')"),
              "Lua error: Cannot read_scalars_by_id: argument 'id' must be an integer, got string");
    // A writer's element may be a label, and a numeric-looking string is one (api-additions §8).
    ok("db:create_element('Item', {label = 'a'})");
    EXPECT_EQ(error_of("db:delete_element('Item', '1')"),
              "Lua error: Element not found: label '1' in collection 'Item'");
    EXPECT_EQ(db().read_element_ids("Item").size(), 1u);
    EXPECT_EQ(error_of("db:read_element_ids(12)"),
              "Lua error: Cannot read_element_ids: argument 'collection' must be a string, got number");
}

TEST_F(LuaArgumentsTest, ElementTableKeysMustBeStrings) {
    EXPECT_EQ(error_of("db:create_element('Item', {label = 'a', [1] = 5})"),
              "Lua error: Cannot create_element: attribute names must be strings, got number");
    EXPECT_EQ(error_of("db:create_element('Item', {'a'})"),
              "Lua error: Cannot create_element: attribute names must be strings, got number");
    EXPECT_EQ(error_of("db:update_element('Item', 1, {[true] = 5})"),
              "Lua error: Cannot update_element: attribute names must be strings, got boolean");
}

TEST_F(LuaArgumentsTest, ElementTableUnsupportedValues) {
    EXPECT_EQ(error_of("db:create_element('Item', {label = 'a', flag = true})"),
              "Lua error: Cannot create_element: attribute 'flag' has unsupported Lua type boolean");
    EXPECT_EQ(error_of("db:create_element('Item', {label = 'a', f = print})"),
              "Lua error: Cannot create_element: attribute 'f' has unsupported Lua type function");
    EXPECT_EQ(error_of("db:create_element('Item', {label = 'a', d = db})"),
              "Lua error: Cannot create_element: attribute 'd' has unsupported Lua type userdata");
    EXPECT_EQ(error_of("db:update_element('Item', 1, {t = coroutine.create(print)})"),
              "Lua error: Cannot update_element: attribute 't' has unsupported Lua type thread");
    EXPECT_TRUE(db().read_element_ids("Item").empty());
}

TEST_F(LuaArgumentsTest, ArraysMustBeSequences) {
    EXPECT_EQ(error_of("db:create_element('Item', {label = 'a', value_int = {x = 1}})"),
              "Lua error: Cannot create_element: array 'value_int' must be a sequence");
    EXPECT_EQ(error_of("db:create_element('Item', {label = 'a', value_int = {[2] = 1}})"),
              "Lua error: Cannot create_element: array 'value_int' must be a sequence");
    EXPECT_EQ(error_of("db:create_element('Item', {label = 'a', value_int = {1, 2, [4] = 4}})"),
              "Lua error: Cannot create_element: array 'value_int' must be a sequence");
    EXPECT_EQ(error_of("db:create_element('Item', {label = 'a', value_int = {1, 2, n = 2}})"),
              "Lua error: Cannot create_element: array 'value_int' must be a sequence");
    EXPECT_EQ(error_of("db:update_element('Item', 1, {value_int = {[1.5] = 1}})"),
              "Lua error: Cannot update_element: array 'value_int' must be a sequence");
}

TEST_F(LuaArgumentsTest, ArrayElementTypes) {
    EXPECT_EQ(error_of("db:create_element('Item', {label = 'a', value_int = {1, 'x'}})"),
              "Lua error: Cannot create_element: array 'value_int' element #2 has unsupported Lua type string");
    EXPECT_EQ(error_of("db:create_element('Item', {label = 'a', code = {'a', 'b', 3}})"),
              "Lua error: Cannot create_element: array 'code' element #3 has unsupported Lua type number");
    EXPECT_EQ(error_of("db:create_element('Item', {label = 'a', value_int = {true}})"),
              "Lua error: Cannot create_element: array 'value_int' element #1 has unsupported Lua type boolean");
    EXPECT_EQ(error_of("db:create_element('Item', {label = 'a', value_int = {{1}}})"),
              "Lua error: Cannot create_element: array 'value_int' element #1 has unsupported Lua type table");
    EXPECT_EQ(error_of("db:update_element('Item', 1, {value_int = {1, 2, print}})"),
              "Lua error: Cannot update_element: array 'value_int' element #3 has unsupported Lua type function");
    EXPECT_TRUE(db().read_element_ids("Item").empty());
}

TEST_F(LuaArgumentsTest, QueryParameterTypes) {
    EXPECT_EQ(error_of("db:query_integer('SELECT ?', {true})"),
              "Lua error: Cannot query_integer: parameter #1 has unsupported Lua type boolean");
    EXPECT_EQ(error_of("db:query_string('SELECT ?, ?', {'a', {}})"),
              "Lua error: Cannot query_string: parameter #2 has unsupported Lua type table");
    EXPECT_EQ(error_of("db:query_float('SELECT ?', {[3] = print})"),
              "Lua error: Cannot query_float: parameter #3 has unsupported Lua type function");
}

TEST_F(LuaArgumentsTest, ArgumentErrorsComeBeforeLibraryErrors) {
    // The collection does not exist, but the bad element table is reported first.
    EXPECT_EQ(error_of("db:create_element('Nope', {label = 'a', flag = true})"),
              "Lua error: Cannot create_element: attribute 'flag' has unsupported Lua type boolean");
    // The receiver check comes before everything else.
    EXPECT_EQ(error_of("db.create_element(nil, {flag = true})"),
              "Lua error: Cannot create_element: method must be called as db:create_element(...)");
}

}  // namespace
}  // namespace quiver::test
