// Fixture of the Lua runner suite: a fresh database from tests/schemas/valid/lua_full.sql (or the
// schema a derived fixture names; per-test scratch path), a LuaRunner on it, checks that a
// refused call changed nothing (whole-database snapshot) and a few Lua helper globals:
//   same(a, b)                deep equality that also compares integer/float subtypes
//   show(v)                   readable serialisation (floats get an "f" suffix)
//   expect_eq(actual, expected [, what])
//   expect_error(message, f, ...)   pcall(f, ...) must fail with exactly `message`
#ifndef QUIVER_TESTS_LUA_TEST_SUPPORT_H
#define QUIVER_TESTS_LUA_TEST_SUPPORT_H

#include "raw_sqlite.h"
#include "test_support.h"

#include "quiver/database.h"
#include "quiver/lua_runner.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace quiver::test {

// Every table, row, schema entry and user_version through the library handle (same as the C++
// suite's snapshot(); uncommitted changes of an open transaction included).
inline std::string db_snapshot(Database& db) {
    return snapshot_of([&db](const std::string& sql) { return db.query_string(sql).value_or(""); });
}

// The rows of `sql` read through a separate raw SQLite connection to the file (independent of
// the library; committed data only), one line per row, cells as SQLite's quote() gives them
// when the query selects quote(...) expressions; NULL as "NULL".
inline std::string raw_rows(const std::string& path, const std::string& sql) {
    sqlite3* raw = nullptr;
    if (sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        sqlite3_close(raw);
        return "<cannot open>";
    }
    std::string out;
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(raw, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK) {
        while (sqlite3_step(stmt) == SQLITE_ROW) {
            for (int c = 0; c < sqlite3_column_count(stmt); ++c) {
                const unsigned char* text = sqlite3_column_text(stmt, c);
                out += (c ? "|" : "") + std::string(text ? reinterpret_cast<const char*>(text) : "NULL");
            }
            out += "\n";
        }
    } else {
        out = std::string("<error: ") + sqlite3_errmsg(raw) + ">";
    }
    sqlite3_finalize(stmt);
    sqlite3_close(raw);
    return out;
}

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
    // The schema under tests/schemas of this fixture's database.
    virtual std::string schema() const { return "valid/lua_full.sql"; }

    void SetUp() override {
        path_ = scratch_db();
        db_ = std::make_unique<Database>(Database::from_schema(
            path_, schema_path(schema()), {.read_only = false, .console_level = LogLevel::Off}));
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

    // The script must fail with exactly "Lua error: <message>" and change nothing.
    void fails_unchanged(const std::string& script, const std::string& message) {
        const std::string before = db_snapshot(db());
        const bool in_tx = db().in_transaction();
        EXPECT_EQ(error_of(script), "Lua error: " + message) << script.substr(0, 300);
        EXPECT_EQ(db_snapshot(db()), before) << "database changed by: " << script.substr(0, 300);
        EXPECT_EQ(db().in_transaction(), in_tx);
    }

    // Same check, in autocommit mode and inside a user transaction (which must stay open).
    void fails_unchanged_in_both_modes(const std::string& script, const std::string& message) {
        fails_unchanged(script, message);
        ok("db:begin_transaction()");
        fails_unchanged(script, message);
        EXPECT_TRUE(db().in_transaction());
        ok("db:rollback()");
    }

    Database& db() { return *db_; }
    LuaRunner& runner() { return *runner_; }
    const std::string& path() const { return path_; }

    std::string path_;
    std::unique_ptr<Database> db_;
    std::unique_ptr<LuaRunner> runner_;
};

// A LuaTest on tests/schemas/valid/relations.sql: Child.parent_id and Child.owner_id -> Parent,
// Child.sibling_id -> Child; Child_vector_refs and Child_set_parents hold parent_ref -> Parent.
class LuaRelationsTest : public LuaTest {
protected:
    std::string schema() const override { return "valid/relations.sql"; }
};

// A Lua string literal holding `text` (long brackets, safe for paths).
inline std::string lua_literal(const std::string& text) {
    return "[==[" + text + "]==]";
}

}  // namespace quiver::test

#endif  // QUIVER_TESTS_LUA_TEST_SUPPORT_H
