// Bad-input catalogue of the Lua layer and the sandbox (docs/reliability.md, "Bad input" and
// "Lua sandbox"): wrong types and nil arguments, empty and huge strings, invalid UTF-8 and
// embedded NUL, names shaped like SQL injection, floats beyond int64 for integer arguments,
// NaN/Inf, bad paths, read-only databases; the libraries and functions a script must not reach;
// and the instruction limit (LuaRunnerOptions) that stops endless loops.
// Every failing case must leave the database exactly as it was (whole-database snapshot).
#include "lua_test_support.h"

#include "quiver/element.h"

#include <filesystem>
#include <string>
#include <vector>

using namespace quiver;
using namespace quiver::test;

namespace {

class LuaBadInput : public LuaTest {
protected:
    void SetUp() override {
        LuaTest::SetUp();
        ok(R"lua(
            db:create_element("Configuration", {label = "cfg"})
            db:create_element("Parent", {label = "P"})
            item = db:create_element("Item", {label = "Item 1", score = 3, weight = 1.5, parent_id = "P",
                                              value_int = {1, 2}, tag = {"a", "b"}})
            db:update_time_series_group("Item", "readings", item,
                                        {{date_time = "2024-01-01T00:00:00", temperature = 20.5, note = "n"}})
            db:update_time_series_files("Item", {inflow = "in.csv"})
        )lua");
    }
};

}  // namespace

// --------------------------------------------------------------------------------------------
// Wrong types and nil arguments

TEST_F(LuaBadInput, WrongTypesAndNil) {
    fails_unchanged_in_both_modes(R"(db:create_element(42, {label = "x"}))",
                                  "Cannot create_element: argument 'collection' must be a string, got number");
    fails_unchanged_in_both_modes(R"(db:create_element(nil, {label = "x"}))",
                                  "Cannot create_element: argument 'collection' must be a string, got nil");
    fails_unchanged_in_both_modes(R"(db:create_element("Item"))",
                                  "Cannot create_element: argument 'element' must be a table, got nil");
    fails_unchanged_in_both_modes(R"(db:update_element("Item", "1", {score = 1}))",
                                  "Element not found: label '1' in collection 'Item'");
    fails_unchanged_in_both_modes(R"(db:update_element("Item", true, {score = 1}))",
                                  "Cannot update_element: element must be addressed by an integer id or a string label");
    fails_unchanged_in_both_modes(R"(db:update_element("Item", item, {score = true}))",
                                  "Cannot update_element: attribute 'score' has unsupported Lua type boolean");
    fails_unchanged_in_both_modes(R"(db:update_element("Item", item, {tag = {"a", 2}}))",
                                  "Cannot update_element: array 'tag' element #2 has unsupported Lua type number");
    fails_unchanged_in_both_modes(R"(db:update_element("Item", item, {score = 1.5}))",
                                  "Cannot update_element: type mismatch for column 'score': expected INTEGER, got REAL");
    fails_unchanged_in_both_modes(R"(db:update_element("Item", item, {[1] = 5}))",
                                  "Cannot update_element: attribute names must be strings, got number");
    fails_unchanged_in_both_modes(R"(db.delete_element("Item", item))",
                                  "Cannot delete_element: method must be called as db:delete_element(...)");
    fails_unchanged_in_both_modes(
        R"(db:update_time_series_group("Item", "readings", item, {{date_time = "2024-02-01", temperature = {}}}))",
        "Cannot update_time_series_group: row #1 column 'temperature' has unsupported Lua type table");
    fails_unchanged_in_both_modes(R"(db:update_time_series_files("Item", {inflow = 5}))",
                                  "Cannot update_time_series_files: column 'inflow' must be a string path, got number");
    fails_unchanged_in_both_modes(R"(db:query_string("UPDATE Item SET name = ?", {print}))",
                                  "Cannot query_string: parameter #1 has unsupported Lua type function");
}

TEST_F(LuaBadInput, NullInNotNullColumns) {
    // nil cannot be expressed in an element table; an explicit NULL through the time-series
    // dimension (missing key) and through a query parameter hole are rejected by the schema.
    fails_unchanged_in_both_modes(R"(db:update_time_series_group("Item", "readings", item, {{temperature = 1.0}}))",
                                  "Cannot update_time_series_group: row missing required 'date_time' column");
    fails_unchanged_in_both_modes(R"~(db:query_string("INSERT INTO Parent (label) VALUES (?)", {[2] = 1}))~",
                                  "Failed to execute statement: expected 1 bound parameter(s) but got 2");
    fails_unchanged_in_both_modes(R"~(db:query_string("INSERT INTO Parent (label) VALUES (?)", {nil}))~",
                                  "Failed to execute statement: expected 1 bound parameter(s) but got 0");
    fails_unchanged_in_both_modes(R"~(db:query_string("INSERT INTO Parent (label) VALUES (?), (?)", {[2] = "x"}))~",
                                  "Failed to execute statement: NOT NULL constraint failed: Parent.label");
}

// --------------------------------------------------------------------------------------------
// Empty and huge strings

TEST_F(LuaBadInput, EmptyAndHugeStrings) {
    fails_unchanged_in_both_modes(R"(db:create_element("", {label = "x"}))", "Cannot create_element: collection not found: ");
    fails_unchanged_in_both_modes(R"(db:update_element("Item", item, {[""] = 1}))",
                                  "Cannot update_element: column '' not found in table 'Item'");
    ok(R"(
        local huge = string.rep("x", 10 * 1024 * 1024)
        local id = db:create_element("Item", {label = huge, code = {huge, ""}})
        expect_eq(db:read_scalars_by_id("Item", id).label == huge, true)
        expect_eq(db:query_integer("SELECT length(label) FROM Item WHERE id = ?", {id}), #huge)
        expect_eq(db:read_vectors_by_id("Item", id).code[1] == huge, true)
        expect_eq(db:query_string("SELECT ?", {huge}) == huge, true)
        db:delete_element("Item", id)
    )");
    const std::string before = db_snapshot(db());
    const std::string message = error_of(R"(db:create_element(string.rep("C", 10 * 1024 * 1024), {label = "x"}))");
    EXPECT_EQ(message.rfind("Lua error: Cannot create_element: collection not found: CCCC", 0), 0u);
    EXPECT_EQ(message.size(), std::string("Lua error: Cannot create_element: collection not found: ").size() + 10 * 1024 * 1024);
    EXPECT_EQ(db_snapshot(db()), before);
}

// --------------------------------------------------------------------------------------------
// Invalid UTF-8 and embedded NUL (Lua strings are byte strings: both can reach the core)

TEST_F(LuaBadInput, InvalidUtf8AndNulAreRejected) {
    for (const std::string bytes : {R"("\xff")", R"("abc\xfe")", R"("\xc0\xaf")", R"("\xed\xa0\x80")", R"("\xf4\x90\x80\x80")"}) {
        SCOPED_TRACE(bytes);
        fails_unchanged_in_both_modes("db:create_element('Item', {label = " + bytes + "})",
                                      "Cannot create_element: invalid UTF-8 in column 'label'");
        fails_unchanged_in_both_modes("db:update_element('Item', item, {tag = {'ok', " + bytes + "}})",
                                      "Cannot update_element: invalid UTF-8 in array 'tag' index 1");
        fails_unchanged_in_both_modes(
            "db:update_time_series_group('Item', 'readings', item, {{date_time = '2024-03-01', note = " + bytes + "}})",
            "Cannot update_time_series_group: invalid UTF-8 in column 'note' row 0");
        fails_unchanged_in_both_modes("db:update_time_series_files('Item', {demand = " + bytes + "})",
                                      "Cannot update_time_series_files: invalid UTF-8 in column 'demand'");
        fails_unchanged_in_both_modes("db:query_string('UPDATE Item SET name = ?', {" + bytes + "})",
                                      "Cannot query_string: invalid UTF-8 in parameter 0");
    }
    fails_unchanged_in_both_modes(R"(db:create_element("Item", {label = "a\0b"}))",
                                  "Cannot create_element: embedded NUL character in column 'label'");
    fails_unchanged_in_both_modes(R"(db:update_element("Item", item, {code = {"\0"}}))",
                                  "Cannot update_element: embedded NUL character in array 'code' index 0");
    fails_unchanged_in_both_modes(R"~(db:query_integer("SELECT length(?)", {"a\0b"}))~",
                                  "Cannot query_integer: embedded NUL character in parameter 0");
    ok(R"(
        local text = "\u{E9}t\u{E9} \u{20AC} \u{1F600} \u{10FFFF}"
        local id = db:create_element("Item", {label = text, tag = {text}})
        expect_eq(db:read_scalars_by_id("Item", id).label, text)
        expect_eq(db:read_sets_by_id("Item", id).tag, {text})
    )");
}

// --------------------------------------------------------------------------------------------
// Names shaped like SQL injection

TEST_F(LuaBadInput, InjectionShapedNames) {
    const std::vector<std::string> names = {"x; DROP TABLE Parent", "Item\"; DROP TABLE Parent; --",
                                            "Item'; DROP TABLE Parent; --", "[Item]", "`Item`", "' OR '1'='1"};
    for (const auto& name : names) {
        SCOPED_TRACE(name);
        const std::string lit = lua_literal(name);
        fails_unchanged("db:create_element(" + lit + ", {label = 'x'})", "Cannot create_element: collection not found: " + name);
        fails_unchanged("db:update_element('Item', item, {[ " + lit + " ] = 1})",
                        "Cannot update_element: column '" + name + "' not found in table 'Item'");
        fails_unchanged("db:read_vector_integers('Item', " + lit + ")",
                        "Vector attribute not found: '" + name + "' in collection 'Item'");
        fails_unchanged("db:update_time_series_group('Item', " + lit + ", item, {})",
                        "Time series group '" + name + "' not found for collection 'Item'");
        fails_unchanged("db:update_time_series_files('Item', {[ " + lit + " ] = 'p'})",
                        "Cannot update_time_series_files: column '" + name + "' not found in table 'Item_time_series_files'");
        fails_unchanged("db:export_csv('Item', " + lit + ", 'out.csv')",
                        "Cannot export_csv: group not found: '" + name + "' in collection 'Item'");
        // As a label it is only text.
        ok("local id = db:create_element('Parent', {label = " + lit + "})\n"
           "db:update_element('Item', item, {parent_id = " + lit + "})\n"
           "expect_eq(db:read_scalars_by_id('Item', item).parent_id, id)\n"
           "expect_eq(db:read_scalars_by_id('Parent', id).label, " + lit + ")");
    }
    ok(R"(expect_eq(#db:read_element_ids("Parent"), 7))");
}

// --------------------------------------------------------------------------------------------
// Floats beyond int64 for integer arguments; NaN and Inf

TEST_F(LuaBadInput, FloatsBeyondInt64ForIntegerArguments) {
    for (const std::string id : {"2^63", "-2^64", "1e300", "math.huge", "-math.huge", "0/0", "1.5",
                                 "math.maxinteger + 0.0"}) {
        SCOPED_TRACE(id);
        fails_unchanged_in_both_modes("db:delete_element('Item', " + id + ")",
                                      "Cannot delete_element: element must be addressed by an integer id or a string label");
        fails_unchanged_in_both_modes("db:update_element('Item', " + id + ", {score = 1})",
                                      "Cannot update_element: element must be addressed by an integer id or a string label");
        fails_unchanged_in_both_modes("db:update_time_series_group('Item', 'readings', " + id + ", {})",
                                      "Cannot update_time_series_group: element must be addressed by an integer id or a string label");
        fails_unchanged_in_both_modes("db:read_scalars_by_id('Item', " + id + ")",
                                      "Cannot read_scalars_by_id: argument 'id' must be an integer, got number");
    }
    // Exact integer floats are accepted (api §5.2), including -2^63.
    fails_unchanged("db:delete_element('Item', -2^63)", "Element not found: -9223372036854775808 in collection 'Item'");
    fails_unchanged("db:delete_element('Item', 2.0^62)", "Element not found: 4611686018427387904 in collection 'Item'");
    // A float value for an INTEGER column is a type mismatch (D1), whatever its size.
    fails_unchanged_in_both_modes("db:update_element('Item', item, {score = 2^63})",
                                  "Cannot update_element: type mismatch for column 'score': expected INTEGER, got REAL");
    fails_unchanged_in_both_modes("db:update_element('Item', item, {value_int = {1, 2^70}})",
                                  "Cannot update_element: type mismatch for array 'value_int' index 0: expected INTEGER, got REAL");
    ok(R"(
        -- both columns of the group, so the composite lists below have no nil holes
        db:update_element("Item", item, {score = math.maxinteger, value_int = {math.mininteger, math.maxinteger},
                                         value_float = {1.0, 2.0}})
        expect_eq(db:read_scalars_by_id("Item", item).score, math.maxinteger)
        expect_eq(db:read_vectors_by_id("Item", item).value_int, {math.mininteger, math.maxinteger})
    )");
}

TEST_F(LuaBadInput, NaNIsRejectedAndInfinityRoundTrips) {
    fails_unchanged_in_both_modes("db:update_element('Item', item, {weight = 0/0})",
                                  "Cannot update_element: NaN is not allowed for column 'weight'");
    fails_unchanged_in_both_modes("db:create_element('Item', {label = 'n', weight = -(0/0)})",
                                  "Cannot create_element: NaN is not allowed for column 'weight'");
    fails_unchanged_in_both_modes("db:update_element('Item', item, {value_float = {1.5, 0/0}})",
                                  "Cannot update_element: NaN is not allowed for array 'value_float' index 1");
    fails_unchanged_in_both_modes("db:update_element('Item', item, {ratio = {0/0}})",
                                  "Cannot update_element: NaN is not allowed for array 'ratio' index 0");
    fails_unchanged_in_both_modes(
        "db:update_time_series_group('Item', 'readings', item, {{date_time = '2024-03-01', temperature = 0/0}})",
        "Cannot update_time_series_group: NaN is not allowed for column 'temperature' row 0");
    fails_unchanged_in_both_modes("db:query_float('UPDATE Item SET weight = ?', {0/0})",
                                  "Cannot query_float: NaN is not allowed for parameter 0");
    ok(R"(
        -- both columns of the group: omitting value_int would discard its values (D21)
        db:update_element("Item", item, {weight = math.huge, value_float = {-math.huge, math.huge}, value_int = {1, 2},
                                         ratio = {math.huge}})
        expect_eq(db:read_scalars_by_id("Item", item).weight, math.huge)
        expect_eq(db:read_vectors_by_id("Item", item).value_float, {-math.huge, math.huge})
        expect_eq(db:read_sets_by_id("Item", item).ratio, {math.huge})
        db:update_time_series_group("Item", "readings", item, {{date_time = "2024-03-01", temperature = -math.huge}})
        expect_eq(db:read_time_series_group("Item", "readings", item)[1].temperature, -math.huge)
        expect_eq(db:query_float("SELECT ?", {math.huge}), math.huge)
    )");
}

// --------------------------------------------------------------------------------------------
// Paths and read-only databases

TEST_F(LuaBadInput, Paths) {
    const auto dir = scratch_dir();
    std::filesystem::create_directories(dir / "a_directory");
    const std::string d = lua_literal((dir / "a_directory").string());
    const std::string missing = lua_literal((dir / "missing.csv").string());
    fails_unchanged_in_both_modes("db:export_csv('Item', '', " + d + ")",
                                  "Failed to export_csv: could not open file: " + (dir / "a_directory").string());
    fails_unchanged_in_both_modes("db:import_csv('Item', '', " + missing + ")",
                                  "Cannot import_csv: could not open file: " + (dir / "missing.csv").string());
    fails_unchanged_in_both_modes("db:import_csv('Item', '', " + d + ")",
                                  "Cannot import_csv: could not open file: " + (dir / "a_directory").string());
    // "" is the database's directory itself (R4: relative to it).
    fails_unchanged_in_both_modes("db:export_csv('Item', '', '')",
                                  "Failed to export_csv: could not open file: " + std::filesystem::canonical(dir).string());
    fails_unchanged_in_both_modes("db:export_csv('Item', '', '../x.csv')",
                                  "Cannot export_csv: path '../x.csv' escapes the database directory '" +
                                      std::filesystem::canonical(dir).string() + "'");
}

TEST_F(LuaBadInput, ReadOnlyDatabase) {
    const std::string path = scratch_db();
    runner_.reset();
    db_.reset();
    db_ = std::make_unique<Database>(path, DatabaseOptions{.read_only = true, .console_level = LogLevel::Off});
    runner_ = std::make_unique<LuaRunner>(*db_);
    runner_->run(kLuaHelpers);
    const std::string readonly = "Failed to execute statement: attempt to write a readonly database";
    fails_unchanged_in_both_modes("db:create_element('Item', {label = 'new'})", readonly);
    fails_unchanged_in_both_modes("db:update_element('Item', 1, {score = 9})", readonly);
    fails_unchanged_in_both_modes("db:delete_element('Item', 1)", readonly);
    fails_unchanged_in_both_modes("db:update_time_series_files('Item', {inflow = 'p'})", readonly);
    fails_unchanged_in_both_modes("db:query_string('DELETE FROM Item')", readonly);
    ok("expect_eq(#db:read_element_ids('Item'), 1)");
}

// --------------------------------------------------------------------------------------------
// Sandbox: exactly the allowed libraries, nothing that reaches files, the OS or bytecode

TEST_F(LuaBadInput, SandboxGlobalsAreExactlyTheAllowedOnes) {
    ok(R"(
        local names = {}
        for k in pairs(_G) do names[#names + 1] = k end
        table.sort(names)
        expect_eq(table.concat(names, " "), table.concat({
            "Database", "_G", "_VERSION", "assert", "collectgarbage", "coroutine", "db", "error",
            "expect_eq", "expect_error", "getmetatable", "ipairs", "item", "load", "math", "next", "pairs",
            "pcall", "print", "quiver", "rawequal", "rawget", "rawlen", "rawset", "same", "select",
            "setmetatable", "show", "string", "table", "tonumber", "tostring", "type", "utf8", "warn",
            "xpcall"}, " "))
    )");
}

TEST_F(LuaBadInput, ForbiddenLibrariesAndFunctionsAreAbsent) {
    ok(R"(
        for _, name in ipairs({"io", "os", "package", "require", "debug", "dofile", "loadfile",
                               "loadstring", "module", "setfenv", "getfenv", "unpack", "ffi", "jit"}) do
            expect_eq(_G[name], nil, name)
            expect_eq(_ENV[name], nil, name)
            expect_eq(load("return " .. name)(), nil, "load: " .. name)
            expect_eq(load("return " .. name, "chunk", "t", _G)(), nil, "load with _G: " .. name)
            expect_eq(load("return _ENV." .. name, "chunk", "t", _ENV)(), nil, "load with _ENV: " .. name)
        end
        -- No way back to a hidden library through environments, metatables or coroutines.
        expect_eq(getmetatable("").__index, string)
        expect_eq(getmetatable(_G), nil)
        expect_eq(load("local _ENV = {}; return io")(), nil)
        expect_eq(coroutine.wrap(function() return io, os, package end)(), nil)
        expect_eq(select("#", pcall(require)), 2)
        for _, lib in ipairs({string, table, math, utf8, coroutine}) do
            for key, value in pairs(lib) do
                expect_eq(key ~= "open" and key ~= "execute" and key ~= "popen", true, key)
            end
        end
    )");
}

TEST_F(LuaBadInput, BytecodeCannotBeLoaded) {
    ok(R"~(
        local bytecode = string.dump(function() return 42 end)
        local f, err = load(bytecode)
        expect_eq(f, nil)
        expect_eq(err, "attempt to load a binary chunk (mode is 't')")
        f, err = load(bytecode, "chunk", "b")  -- an explicit mode is overridden
        expect_eq(f, nil)
        expect_eq(err, "attempt to load a binary chunk (mode is 't')")
        f, err = load(bytecode, "chunk", "bt", _G)
        expect_eq(f, nil)
        local parts = {bytecode}
        f, err = load(function() return table.remove(parts) end)  -- reader functions too
        expect_eq(f, nil)
        expect_eq(err, "attempt to load a binary chunk (mode is 't')")
        -- Text chunks still load, with or without an environment.
        expect_eq(load("return 1 + 1")(), 2)
        expect_eq(load("return x", "chunk", "t", {x = 5})(), 5)
    )~");
    EXPECT_EQ(error_of(std::string("\x1bLua") + std::string(20, '\0')),
              "Lua error: attempt to load a binary chunk (mode is 't')");
}

TEST_F(LuaBadInput, ScriptsCannotOpenFiles) {
    const std::string secret = (scratch_dir() / "secret.txt").string();
    write_file(secret, "return 'secret'");
    ok(R"(
        local path = )" + lua_literal(secret) + R"(
        expect_eq(io, nil)
        expect_eq(dofile, nil)
        expect_eq(loadfile, nil)
        -- load() takes source text, never a file name.
        local f, err = load(path)
        expect_eq(f, nil)
        expect_eq(type(err), "string")
        expect_eq(pcall(load, nil), false)
    )");
    for (const std::string call : {"dofile", "loadfile", "io.open", "os.execute", "require"}) {
        const std::string message = error_of(call + "(" + lua_literal(secret) + ")");
        EXPECT_NE(message.find("attempt to"), std::string::npos) << message;
        EXPECT_NE(message.find("a nil value"), std::string::npos) << message;
    }
}

// --------------------------------------------------------------------------------------------
// Instruction limit (LuaRunnerOptions::instruction_limit)

namespace {

class LuaInstructionLimit : public LuaTest {
protected:
    void limit(uint64_t n) {
        runner_.reset();
        runner_ = std::make_unique<LuaRunner>(*db_, LuaRunnerOptions{.instruction_limit = n});
        if (n == 0 || n >= 10000) runner_->run(kLuaHelpers);
    }

    // coroutine.wrap prefixes a position to string errors it propagates; the text must end so.
    static bool limit_hit(const std::string& message, uint64_t n) {
        const std::string tail = "Cannot run: instruction limit of " + std::to_string(n) + " exceeded";
        return message.rfind("Lua error: ", 0) == 0 && message.size() >= tail.size() &&
               message.compare(message.size() - tail.size(), tail.size(), tail) == 0;
    }
};

}  // namespace

TEST_F(LuaInstructionLimit, EndlessLoopIsStopped) {
    limit(100000);
    EXPECT_EQ(error_of("while true do end"), "Lua error: Cannot run: instruction limit of 100000 exceeded");
    EXPECT_EQ(error_of("local t = {} for i = 1, 1e12 do t[#t % 10 + 1] = i end"),
              "Lua error: Cannot run: instruction limit of 100000 exceeded");
    EXPECT_EQ(error_of("local function f() return f() end f()"),  // endless tail calls
              "Lua error: Cannot run: instruction limit of 100000 exceeded");
    EXPECT_EQ(error_of("local function f() while true do end end f()"),
              "Lua error: Cannot run: instruction limit of 100000 exceeded");
    EXPECT_EQ(error_of("table.sort({3, 2, 1, 5, 4}, function(a, b) while true do end end)"),
              "Lua error: Cannot run: instruction limit of 100000 exceeded");
    EXPECT_EQ(error_of("string.gsub('aaa', 'a', function() while true do end end)"),
              "Lua error: Cannot run: instruction limit of 100000 exceeded");
}

TEST_F(LuaInstructionLimit, PcallXpcallAndCoroutinesCannotSwallowIt) {
    limit(50000);
    const std::string expected = "Lua error: Cannot run: instruction limit of 50000 exceeded";
    EXPECT_EQ(error_of("while true do pcall(function() while true do end end) end"), expected);
    EXPECT_EQ(error_of("local ok, e = pcall(function() while true do end end) print('never', ok, e)"), expected);
    EXPECT_EQ(error_of("while true do xpcall(function() while true do end end, function(m) while true do end end) end"),
              expected);
    EXPECT_EQ(error_of("xpcall(function() while true do end end, function(m) return m end) while true do end"), expected);
    EXPECT_TRUE(limit_hit(error_of("coroutine.wrap(function() while true do end end)()"), 50000));
    EXPECT_EQ(error_of("while true do coroutine.resume(coroutine.create(function() while true do end end)) end"),
              expected);
    EXPECT_TRUE(limit_hit(
        error_of("while true do local co = coroutine.wrap(function() for i = 1, 500 do end end) pcall(co) end"),
        50000));
    EXPECT_EQ(error_of("local t = setmetatable({}, {__index = function(t, k) while true do end end}) return t.x"),
              expected);
    EXPECT_EQ(error_of("do local x <close> = setmetatable({}, {__close = function() while true do end end}) end"),
              expected);
    EXPECT_EQ(error_of("while true do pcall(error, 'x') end"), expected);
}

TEST_F(LuaInstructionLimit, FinalizersAreRefusedUnderALimit) {
    limit(50000);
    const std::string message = error_of("setmetatable({}, {__gc = function() while true do end end}) collectgarbage()");
    EXPECT_NE(message.find("Cannot setmetatable: __gc metamethods are not allowed with an instruction limit"),
              std::string::npos)
        << message;
    ok(R"(
        local mt = {__index = function(t, k) return k .. "!" end}
        local t = setmetatable({}, mt)
        expect_eq(getmetatable(t), mt)
        expect_eq(t.x, "x!")
        expect_eq(select("#", setmetatable({}, nil)), 1)
    )");
    // Without a limit __gc works as usual.
    limit(0);
    ok("local n = 0 setmetatable({}, {__gc = function() n = n + 1 end}) collectgarbage() collectgarbage() expect_eq(n, 1)");
}

TEST_F(LuaInstructionLimit, XpcallKeepsItsSemantics) {
    limit(1000000);
    ok(R"~(
        expect_eq({xpcall(function(a, b) return a + b, "two" end, print, 1, 2)}, {true, 3, "two"})
        expect_eq({xpcall(function() error("boom", 0) end, function(m) return "handled " .. m end)},
                  {false, "handled boom"})
        expect_eq({xpcall(function() error({code = 1}) end, function(e) return e.code end)}, {false, 1})
        local ok, err = xpcall(function() error("x", 0) end, function(m) error("handler failed", 0) end)
        expect_eq(ok, false)
        expect_eq(err, "handler failed")
        local ok2, err2 = pcall(xpcall, function() end)
        expect_eq(ok2, false)
        expect_eq(err2, "bad argument #2 to 'xpcall' (function expected, got no value)")
        -- yields across xpcall inside a coroutine still work
        local co = coroutine.wrap(function()
            local ok3, v = xpcall(function() local got = coroutine.yield(1) return got * 2 end, print)
            return ok3, v
        end)
        expect_eq(co(), 1)
        expect_eq({co(21)}, {true, 42})
    )~");
}

TEST_F(LuaInstructionLimit, EachRunGetsTheWholeBudgetAndTheRunnerStaysUsable) {
    limit(200000);
    ok("counter = 0");
    for (int i = 0; i < 5; ++i) {
        ok("for i = 1, 30000 do counter = counter + 1 end");  // ~60-70% of the budget each time
    }
    ok("expect_eq(counter, 150000)");
    EXPECT_EQ(error_of("while true do end"), "Lua error: Cannot run: instruction limit of 200000 exceeded");
    ok("expect_eq(counter, 150000)");  // globals persist, the next run has a fresh budget
    ok("for i = 1, 100 do db:read_element_ids('Item') end");
}

TEST_F(LuaInstructionLimit, TinyLimitsAndUnlimited) {
    limit(1);
    EXPECT_EQ(error_of("local x = 1"), "Lua error: Cannot run: instruction limit of 1 exceeded");
    limit(0);  // 0 = unlimited
    ok("local s = 0 for i = 1, 3000000 do s = s + i end expect_eq(s, 4500001500000)");
    LuaRunner plain(*db_);  // the one-argument constructor has no limit either
    plain.run("local s = 0 for i = 1, 3000000 do s = s + i end");
}

TEST_F(LuaInstructionLimit, TransactionIsRolledBackWhenTheLimitHits) {
    limit(100000);
    ok(R"(db:create_element("Configuration", {label = "cfg"}))");
    const std::string before = db_snapshot(db());
    EXPECT_EQ(error_of(R"(
        db:transaction(function(db)
            db:create_element("Parent", {label = "P"})
            while true do end
        end)
    )"),
              "Lua error: Cannot run: instruction limit of 100000 exceeded");
    EXPECT_FALSE(db().in_transaction());
    EXPECT_EQ(db_snapshot(db()), before);
}

TEST_F(LuaInstructionLimit, MovedRunnerKeepsItsLimit) {
    limit(20000);
    LuaRunner moved(std::move(*runner_));
    EXPECT_THROW(runner_->run("return 1"), std::runtime_error);
    try {
        moved.run("while true do end");
        ADD_FAILURE() << "no error";
    } catch (const std::runtime_error& e) {
        EXPECT_EQ(std::string(e.what()), "Lua error: Cannot run: instruction limit of 20000 exceeded");
    }
}
