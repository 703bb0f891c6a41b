// Fixture of the Lua runner suite: a fresh database from tests/schemas/valid/lua_full.sql
// (per-test scratch path), a LuaRunner on it and a few Lua helper globals:
//   same(a, b)                deep equality that also compares integer/float subtypes
//   show(v)                   readable serialisation (floats get an "f" suffix)
//   expect_eq(actual, expected [, what])
//   expect_error(message, f, ...)   pcall(f, ...) must fail with exactly `message`
#ifndef QUIVER_TESTS_LUA_TEST_SUPPORT_H
#define QUIVER_TESTS_LUA_TEST_SUPPORT_H

#include "test_support.h"

#include "quiver/database.h"
#include "quiver/lua_runner.h"

#include <gtest/gtest.h>

#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>

namespace quiver::test {

inline const char* kLuaHelpers = R"lua(
function same(a, b)
  if type(a) ~= type(b) then return false end
  if type(a) == "number" then return math.type(a) == math.type(b) and a == b end
  if type(a) ~= "table" then return a == b end
  for k, v in pairs(a) do if not same(v, b[k]) then return false end end
  for k in pairs(b) do if a[k] == nil then return false end end
  return true
end
function show(v)
  if type(v) == "table" then
    local keys = {}
    for k in pairs(v) do keys[#keys + 1] = k end
    table.sort(keys, function(x, y) return tostring(x) < tostring(y) end)
    local parts = {}
    for _, k in ipairs(keys) do parts[#parts + 1] = tostring(k) .. "=" .. show(v[k]) end
    return "{" .. table.concat(parts, ", ") .. "}"
  elseif type(v) == "string" then
    return string.format("%q", v)
  elseif math.type(v) == "float" then
    return string.format("%.17g", v) .. "f"
  end
  return tostring(v)
end
function expect_eq(actual, expected, what)
  if not same(actual, expected) then
    error((what or "value") .. ": expected " .. show(expected) .. ", got " .. show(actual), 2)
  end
end
function expect_error(message, f, ...)
  local ok, err = pcall(f, ...)
  if ok then error("expected error " .. show(message) .. " but the call succeeded", 2) end
  if err ~= message then
    error("expected error " .. show(message) .. ", got " .. show(err), 2)
  end
end
)lua";

class LuaTest : public ::testing::Test {
protected:
    void SetUp() override {
        db_ = std::make_unique<Database>(Database::from_schema(
            scratch_db(), schema_path("valid/lua_full.sql"),
            {.read_only = false, .console_level = LogLevel::Off}));
        runner_ = std::make_unique<LuaRunner>(*db_);
        runner_->run(kLuaHelpers);
    }

    void TearDown() override {
        runner_.reset();
        db_.reset();
    }

    // Runs a script that must succeed; a failure is reported with Lua's message.
    void ok(const std::string& script) {
        try {
            runner_->run(script);
        } catch (const std::exception& e) {
            ADD_FAILURE() << e.what() << "\n--- script ---\n" << script;
        }
    }

    // Runs a script that must fail and returns the runner's message ("Lua error: ...").
    std::string error_of(const std::string& script) {
        try {
            runner_->run(script);
        } catch (const std::runtime_error& e) {
            return e.what();
        }
        return "<no error>";
    }

    Database& db() { return *db_; }
    LuaRunner& runner() { return *runner_; }

    std::unique_ptr<Database> db_;
    std::unique_ptr<LuaRunner> runner_;
};

inline std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

inline void write_file(const std::string& path, const std::string& content) {
    std::ofstream out(path, std::ios::binary);
    out << content;
}

// A Lua string literal holding `text` (long brackets, safe for paths).
inline std::string lua_literal(const std::string& text) {
    return "[==[" + text + "]==]";
}

}  // namespace quiver::test

#endif  // QUIVER_TESTS_LUA_TEST_SUPPORT_H
