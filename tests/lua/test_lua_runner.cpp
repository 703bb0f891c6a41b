// LuaRunner basics: running scripts, error conversion (api §5.2), the sandbox (D13), the
// `db`/`Database` globals and runner reuse.
#include "lua_test_support.h"

#include <utility>

namespace quiver::test {
namespace {

using LuaRunnerTest = LuaTest;

TEST_F(LuaRunnerTest, RunsEmptyAndSimpleScripts) {
    ok("");
    ok("local x = 1 + 2\nassert(x == 3)");
    ok("assert(math.type(2) == 'integer' and math.type(2.0) == 'float')");
}

TEST_F(LuaRunnerTest, PrintWritesToStdout) {
    testing::internal::CaptureStdout();
    ok("print('hello', 42, 2.5)");
    EXPECT_EQ(testing::internal::GetCapturedStdout(), "hello\t42\t2.5\n");
}

TEST_F(LuaRunnerTest, SyntaxErrorCarriesChunkNameAndPosition) {
    const auto msg = error_of("local x = = 1");
    EXPECT_EQ(msg.rfind("Lua error: [string \"local x = = 1\"]:1: ", 0), 0u) << msg;
    EXPECT_NE(msg.find("unexpected symbol"), std::string::npos) << msg;
}

TEST_F(LuaRunnerTest, RuntimeErrorCarriesPositionPrefix) {
    const auto msg = error_of("local t = nil\nlocal y = t.x");
    EXPECT_EQ(msg.rfind("Lua error: [string \"local t = nil...\"]:2: ", 0), 0u) << msg;
    EXPECT_NE(msg.find("attempt to index a nil value"), std::string::npos) << msg;
}

TEST_F(LuaRunnerTest, ErrorWithLevelZeroHasNoPrefix) {
    EXPECT_EQ(error_of("error('plain message', 0)"), "Lua error: plain message");
}

TEST_F(LuaRunnerTest, NonStringErrorValues) {
    EXPECT_EQ(error_of("error(42)"), "Lua error: 42");
    EXPECT_EQ(error_of("error(1.5)"), "Lua error: 1.5");
    EXPECT_EQ(error_of("error(2.0)"), "Lua error: 2.0");
    EXPECT_EQ(error_of("error({})"), "Lua error: ");
    EXPECT_EQ(error_of("error(setmetatable({}, {__tostring = function() return 'x' end}))"),
              "Lua error: ");
    EXPECT_EQ(error_of("error(true)"), "Lua error: ");
    EXPECT_EQ(error_of("error()"), "Lua error: ");
}

TEST_F(LuaRunnerTest, DbErrorUncaughtHasNoPositionPrefix) {
    EXPECT_EQ(error_of("db:read_element_ids('Nope')"),
              "Lua error: Cannot read_element_ids: collection not found: Nope");
}

TEST_F(LuaRunnerTest, DbErrorIsCatchableWithPcall) {
    ok(R"(
        local ok, err = pcall(db.read_element_ids, db, 'Nope')
        assert(ok == false)
        expect_eq(err, 'Cannot read_element_ids: collection not found: Nope')
        expect_error('Cannot read_element_ids: collection not found: Nope',
                     function() return db:read_element_ids('Nope') end)
    )");
}

TEST_F(LuaRunnerTest, DbErrorInsideCoroutine) {
    ok(R"(
        local co = coroutine.create(function() return db:read_element_ids('Nope') end)
        local ok, err = coroutine.resume(co)
        assert(not ok)
        expect_eq(err, 'Cannot read_element_ids: collection not found: Nope')
        local f = coroutine.wrap(function()
            coroutine.yield(#db:read_element_ids('Item'))
            return 'done'
        end)
        expect_eq(f(), 0)
        expect_eq(f(), 'done')
    )");
}

TEST_F(LuaRunnerTest, ManyFailingCallsKeepTheStateHealthy) {
    ok(R"(
        for i = 1, 5000 do
            local ok = pcall(db.create_element, db, 'Nope', {label = 'x'})
            assert(not ok)
            local ok2 = pcall(db.read_element_ids, db, 42)
            assert(not ok2)
        end
        expect_eq(db:read_element_ids('Item'), {})
    )");
}

TEST_F(LuaRunnerTest, StandardLibrariesPresent) {
    ok(R"(
        assert(type(string.format) == 'function')
        assert(type(table.concat) == 'function')
        assert(type(math.floor) == 'function')
        assert(type(utf8.char) == 'function')
        assert(type(coroutine.create) == 'function')
        assert(type(print) == 'function' and type(pcall) == 'function')
        assert(type(load) == 'function')
        assert(('abc'):upper() == 'ABC')
        assert(utf8.len('h\u{e9}') == 2)
    )");
}

TEST_F(LuaRunnerTest, SandboxRemovesFileAndSystemAccess) {
    ok(R"(
        assert(io == nil, 'io')
        assert(os == nil, 'os')
        assert(package == nil, 'package')
        assert(debug == nil, 'debug')
        assert(require == nil, 'require')
        assert(dofile == nil, 'dofile')
        assert(loadfile == nil, 'loadfile')
    )");
}

TEST_F(LuaRunnerTest, SandboxCannotBeReachedThroughLoad) {
    ok(R"(
        local f = assert(load('return io, os, package, debug, require, dofile, loadfile'))
        local a, b, c, d, e, g, h = f()
        assert(a == nil and b == nil and c == nil and d == nil)
        assert(e == nil and g == nil and h == nil)
        local ok = pcall(load('return os.execute("true")'))
        assert(not ok)
        local g2 = assert(load('return _G.io, _ENV.os'))
        assert(g2() == nil)
        assert(select(2, g2()) == nil)
        -- load with an explicit environment still works
        local h2 = assert(load('return x + 1', 'chunk', 't', {x = 41}))
        assert(h2() == 42)
        -- the globals table cannot be used to get at the removed libraries either
        for name in pairs(_G) do
            assert(name ~= 'io' and name ~= 'os' and name ~= 'package' and name ~= 'debug')
        end
    )");
}

TEST_F(LuaRunnerTest, BinaryChunksAreRejected) {
    ok(R"(
        local bytecode = string.dump(function() return 1 end)
        local f, err = load(bytecode)
        assert(f == nil)
        assert(err:find('binary chunk'), err)
        local f2, err2 = load(bytecode, 'x', 'b')
        assert(f2 == nil and err2:find('binary chunk'), err2)
    )");
    EXPECT_NE(error_of("\x1bLua").find("binary chunk"), std::string::npos);
}

TEST_F(LuaRunnerTest, DbAndDatabaseGlobals) {
    ok(R"(
        assert(type(db) == 'userdata')
        assert(type(Database) == 'table')
        assert(getmetatable(db).__index == Database)
        assert(db.create_element == Database.create_element)
        expect_eq(Database.read_element_ids(db, 'Item'), {})
    )");
}

TEST_F(LuaRunnerTest, DatabaseHasExactlyTheSpecifiedMethods) {
    ok(R"(
        local expected = {
            'create_element', 'update_element', 'delete_element', 'read_element_ids',
            'read_scalar_integers', 'read_scalar_floats', 'read_scalar_strings',
            'read_vector_integers', 'read_vector_floats', 'read_vector_strings',
            'read_set_integers', 'read_set_floats', 'read_set_strings',
            'read_scalars_by_id', 'read_vectors_by_id', 'read_sets_by_id', 'read_element_by_id',
            'read_time_series_group', 'update_time_series_group', 'read_time_series_files',
            'update_time_series_files', 'has_time_series_files', 'list_time_series_files_columns',
            'get_scalar_metadata', 'get_vector_metadata', 'get_set_metadata',
            'get_time_series_metadata', 'list_scalar_attributes', 'list_vector_groups',
            'list_set_groups', 'list_time_series_groups',
            'query_string', 'query_integer', 'query_float', 'export_csv', 'import_csv',
            'open_file', 'bin_to_csv', 'csv_to_bin',
            'begin_transaction', 'commit', 'rollback', 'in_transaction', 'transaction',
            'describe', 'is_healthy', 'current_version', 'path',
            'begin_dry_run', 'end_dry_run', 'in_dry_run', 'dry_run', 'query',
            'describe_collection', 'summarize_collection',
            -- groups, time-series rows and relations (api-additions §2-§4, §8)
            'number_of_elements', 'read_vector_group_by_id', 'read_set_group_by_id',
            'update_vector_group', 'update_set_group', 'read_time_series_row',
            'upsert_time_series_row', 'update_relation',
        }
        assert(#expected == 63)
        local set = {}
        for _, name in ipairs(expected) do
            set[name] = true
            assert(type(Database[name]) == 'function', name)
        end
        local count = 0
        for name, value in pairs(Database) do
            count = count + 1
            assert(set[name], 'unexpected method ' .. tostring(name))
        end
        expect_eq(count, 63)
        -- not available in Lua
        assert(Database.read_scalar_integer_by_id == nil)
        assert(Database.from_schema == nil and Database.from_migrations == nil)
        assert(Database.open == nil)
    )");
}

TEST_F(LuaRunnerTest, GlobalsPersistAcrossRuns) {
    ok("counter = 41");
    ok("counter = counter + 1");
    ok("assert(counter == 42)");
    ok("function twice(x) return 2 * x end");
    ok("assert(twice(counter) == 84)");
}

TEST_F(LuaRunnerTest, RunnerStaysUsableAfterFailures) {
    ok("kept = 'yes'");
    EXPECT_NE(error_of("local = "), "<no error>");
    ok("assert(kept == 'yes')");
    EXPECT_EQ(error_of("error('x', 0)"), "Lua error: x");
    ok("assert(kept == 'yes')");
    EXPECT_EQ(error_of("kept2 = 1; db:read_element_ids('Nope')"),
              "Lua error: Cannot read_element_ids: collection not found: Nope");
    ok("assert(kept2 == 1)");  // effects before the error remain
    ok("local id = db:create_element('Item', {label = 'after'}); assert(id == 1)");
}

TEST_F(LuaRunnerTest, RunnersHaveSeparateGlobals) {
    LuaRunner other(db());
    ok("only_here = 1");
    other.run("assert(only_here == nil)");
    other.run("db:create_element('Parent', {label = 'shared'})");
    ok("expect_eq(db:read_scalar_strings('Parent', 'label'), {'shared'})");
}

TEST_F(LuaRunnerTest, MovedRunnerKeepsItsState) {
    ok("moved_value = 7");
    LuaRunner moved(std::move(*runner_));
    moved.run("assert(moved_value == 7)");
    LuaRunner assigned(db());
    assigned = std::move(moved);
    assigned.run("assert(moved_value == 7); assert(db:is_healthy())");
}

}  // namespace
}  // namespace quiver::test
