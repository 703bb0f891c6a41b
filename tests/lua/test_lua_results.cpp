// Script return values as JSON (api-additions §7, D18): LuaRunner::run returns the encoding of
// the script's first return value; the chunk name overload (D26).
#include "lua_test_support.h"

#include <nlohmann/json.hpp>

namespace quiver::test {
namespace {

using LuaResultTest = LuaTest;

std::string run_ok(LuaRunner& runner, const std::string& script) {
    try {
        return runner.run(script);
    } catch (const std::exception& e) {
        ADD_FAILURE() << e.what() << "\n--- script ---\n" << script;
        return "<error>";
    }
}

std::string error_message(LuaRunner& runner, const std::string& script) {
    try {
        runner.run(script);
    } catch (const std::runtime_error& e) {
        return e.what();
    }
    return "<no error>";
}

TEST_F(LuaResultTest, ScalarsAndNothing) {
    auto& r = runner();
    EXPECT_EQ(run_ok(r, "local x = 1"), "");
    EXPECT_EQ(run_ok(r, "return"), "");
    EXPECT_EQ(run_ok(r, "return nil"), "null");
    EXPECT_EQ(run_ok(r, "return nil, 2"), "null");  // only the first value counts
    EXPECT_EQ(run_ok(r, "return 1, 2"), "1");
    EXPECT_EQ(run_ok(r, "return true"), "true");
    EXPECT_EQ(run_ok(r, "return false"), "false");
    EXPECT_EQ(run_ok(r, "return 9007199254740993"), "9007199254740993");
    EXPECT_EQ(run_ok(r, "return math.mininteger"), "-9223372036854775808");
    EXPECT_EQ(run_ok(r, "return 0.1"), "0.1");
    EXPECT_EQ(run_ok(r, "return 1.5"), "1.5");
    EXPECT_EQ(run_ok(r, "return 2.0"), "2");
    EXPECT_EQ(run_ok(r, "return 1e100"), "1e+100");
    EXPECT_EQ(run_ok(r, "return -0.25"), "-0.25");
    EXPECT_EQ(run_ok(r, "return 0/0"), "null");
    EXPECT_EQ(run_ok(r, "return math.huge"), "null");
    EXPECT_EQ(run_ok(r, "return -math.huge"), "null");
}

TEST_F(LuaResultTest, Strings) {
    auto& r = runner();
    EXPECT_EQ(run_ok(r, "return 'plain'"), "\"plain\"");
    EXPECT_EQ(run_ok(r, R"(return "q\"b\\s/\b\f\n\r\t")"), R"("q\"b\\s/\b\f\n\r\t")");
    EXPECT_EQ(run_ok(r, R"(return "\0\1\31\127")"), "\"\\u0000\\u0001\\u001f\x7f\"");
    EXPECT_EQ(run_ok(r, R"(return "é€😀")"), "\"é€😀\"");
    EXPECT_EQ(run_ok(r, "return ''"), "\"\"");
}

TEST_F(LuaResultTest, Tables) {
    auto& r = runner();
    EXPECT_EQ(run_ok(r, "return {}"), "[]");
    EXPECT_EQ(run_ok(r, "return {1, 'two', 3.5, true}"), "[1,\"two\",3.5,true]");
    EXPECT_EQ(run_ok(r, "return {b = 1, a = {x = {}}, ['A'] = false}"), "{\"A\":false,\"a\":{\"x\":[]},\"b\":1}");
    EXPECT_EQ(run_ok(r, "return {[1] = 10, [3] = 30}"), "{\"1\":10,\"3\":30}");  // holes: an object
    EXPECT_EQ(run_ok(r, "return {[10] = 'a', [9] = 'b', [2] = 'c', x = 1}"),
              "{\"10\":\"a\",\"2\":\"c\",\"9\":\"b\",\"x\":1}");  // byte order of the key text
    EXPECT_EQ(run_ok(r, "return {[0] = 1}"), "{\"0\":1}");
    EXPECT_EQ(run_ok(r, "return {[-1] = 1, [1] = 2}"), "{\"-1\":1,\"1\":2}");
    EXPECT_EQ(run_ok(r, "return {[2.0] = 'x', [1] = 'y'}"), "[\"y\",\"x\"]");  // 2.0 is the key 2
    EXPECT_EQ(run_ok(r, "return setmetatable({}, {__index = function() return 1 end, __len = function() return 3 end})"),
              "[]");  // metatables are ignored
    EXPECT_EQ(run_ok(r, "return {{1, {2, {3}}}}"), "[[1,[2,[3]]]]");
}

TEST_F(LuaResultTest, DatabaseResults) {
    ok("db:create_element('Item', {label = 'a', score = 1}); db:create_element('Item', {label = 'b'})");
    auto& r = runner();
    EXPECT_EQ(run_ok(r, "return db:read_scalar_integers('Item', 'score')"), "[1]");  // nil hole at the end
    EXPECT_EQ(run_ok(r, "return db:read_scalar_strings('Item', 'name')"), "[]");
    EXPECT_EQ(run_ok(r, "return db:query('SELECT label, score FROM Item ORDER BY id')"),
              "[{\"label\":\"a\",\"score\":1},{\"label\":\"b\"}]");
    const auto described = run_ok(r, "return db:describe()");
    EXPECT_EQ(nlohmann::json::parse(described).get<std::string>(), db().describe());
}

TEST_F(LuaResultTest, Errors) {
    auto& r = runner();
    EXPECT_EQ(error_message(r, "return db"), "Cannot run: script returned an unsupported Lua type");
    EXPECT_EQ(error_message(r, "return print"), "Cannot run: script returned an unsupported Lua type");
    EXPECT_EQ(error_message(r, "return {f = coroutine.create(print)}"),
              "Cannot run: script returned an unsupported Lua type");
    EXPECT_EQ(error_message(r, "return {[1.5] = 1}"), "Cannot run: script returned a table with an unsupported key type");
    EXPECT_EQ(error_message(r, "return {[true] = 1, a = db}"),
              "Cannot run: script returned a table with an unsupported key type");
    EXPECT_EQ(error_message(r, "return {[1] = 'a', ['1'] = 'b', x = 1}"),
              "Cannot run: script returned a table with duplicate key '1'");
    EXPECT_EQ(error_message(r, "return '\\xff'"),
              "Cannot run: script return value contains a string that is not valid UTF-8");
    EXPECT_EQ(error_message(r, "return {['\\xc0\\xaf'] = 1}"),
              "Cannot run: script return value contains a string that is not valid UTF-8");
    EXPECT_EQ(error_message(r, "return {'\\xed\\xa0\\x80'}"),  // a surrogate
              "Cannot run: script return value contains a string that is not valid UTF-8");
    EXPECT_EQ(error_message(r, "local t = {} t[1] = t return t"),
              "Cannot run: script return value nests deeper than 32 levels");
    // The script's effects remain; the runner stays usable.
    EXPECT_EQ(error_message(r, "db:create_element('Parent', {label = 'kept'}) return db"),
              "Cannot run: script returned an unsupported Lua type");
    EXPECT_EQ(run_ok(r, "return db:read_scalar_strings('Parent', 'label')"), "[\"kept\"]");
}

TEST_F(LuaResultTest, DepthLimitIs32EnclosingTables) {
    auto& r = runner();
    EXPECT_EQ(run_ok(r, "local t = 1 for i = 1, 32 do t = {t} end return t"),
              std::string(32, '[') + "1" + std::string(32, ']'));
    EXPECT_EQ(error_message(r, "local t = 1 for i = 1, 33 do t = {t} end return t"),
              "Cannot run: script return value nests deeper than 32 levels");
}

TEST_F(LuaResultTest, SizeCap) {
    auto& r = runner();
    // 64 MiB exactly is allowed: a string of 67108862 bytes plus its two quotes.
    const auto exact = run_ok(r, "return string.rep('a', 67108862)");
    EXPECT_EQ(exact.size(), 67108864u);
    EXPECT_EQ(error_message(r, "return string.rep('a', 67108863)"),
              "Cannot run: script return value exceeds 67108864 bytes of JSON");
    EXPECT_EQ(error_message(r, "local s = string.rep('a', 1000000) local t = {} for i = 1, 70 do t[i] = s end return t"),
              "Cannot run: script return value exceeds 67108864 bytes of JSON");
    EXPECT_EQ(error_message(r, "return string.rep('\\1', 12000000)"),  // escapes count (6 bytes each)
              "Cannot run: script return value exceeds 67108864 bytes of JSON");
}

TEST_F(LuaResultTest, OutputIsValidJsonThatRoundTrips) {
    const auto text = run_ok(runner(), R"(return {n = 3, list = {1, 2.5, "x\n"}, nested = {a = {b = {c = true}}},
                                                holes = {[1] = 1, [4] = 4}, none = {}, big = 9007199254740993})");
    const auto parsed = nlohmann::json::parse(text);
    EXPECT_EQ(parsed["n"], 3);
    EXPECT_EQ(parsed["list"][2], "x\n");
    EXPECT_EQ(parsed["big"].get<int64_t>(), 9007199254740993);
    EXPECT_EQ(parsed.dump(), text);  // same compact, sorted form
}

TEST_F(LuaResultTest, ChunkNames) {
    auto& r = runner();
    EXPECT_EQ(error_message(r, "error('boom')"), "Lua error: [string \"error('boom')\"]:1: boom");
    try {
        r.run("local x = 1\nerror('boom')", "@plan/script.lua");
        ADD_FAILURE() << "no error";
    } catch (const std::runtime_error& e) {
        EXPECT_EQ(std::string(e.what()), "Lua error: plan/script.lua:2: boom");
    }
    try {
        r.run("local x = = 1", "=(command line)");
        ADD_FAILURE() << "no error";
    } catch (const std::runtime_error& e) {
        EXPECT_EQ(std::string(e.what()).rfind("Lua error: (command line):1: ", 0), 0u) << e.what();
    }
    EXPECT_EQ(r.run("return 5", "=stdin"), "5");
    // Errors of db: methods keep their bare message.
    try {
        r.run("db:read_element_ids('Nope')", "@x.lua");
        ADD_FAILURE() << "no error";
    } catch (const std::runtime_error& e) {
        EXPECT_EQ(std::string(e.what()), "Lua error: Cannot read_element_ids: collection not found: Nope");
    }
}

}  // namespace
}  // namespace quiver::test
