// describe, is_healthy, current_version, path; lazy schema through a plain open.
#include "lua_test_support.h"

namespace quiver::test {
namespace {

using LuaMiscTest = LuaTest;

TEST_F(LuaMiscTest, HealthVersionPath) {
    ok("assert(db:is_healthy() == true)");
    ok("expect_eq(db:current_version(), 7)");
    ok("expect_eq(db:path(), " + lua_literal(db().path()) + ")");
}

TEST_F(LuaMiscTest, DescribeReturnsTheText) {
    testing::internal::CaptureStdout();
    ok("print('before'); print(db:describe()); print('after')");
    const auto out = testing::internal::GetCapturedStdout();
    EXPECT_EQ(out.rfind("before\nDatabase: " + db().path() + "\nVersion: 7\n", 0), 0u) << out;
    EXPECT_NE(out.find("Collection: Item (0 elements)\n"), std::string::npos) << out;
    EXPECT_NE(out.find("    - values: value_float(REAL), value_int(INTEGER)\n"), std::string::npos)
        << out;
    EXPECT_EQ(out.substr(out.size() - 6), "after\n");
}

TEST(LuaPlainOpenTest, LazySchemaAndMemoryDatabase) {
    Database db(":memory:", {.read_only = false, .console_level = LogLevel::Off});
    LuaRunner runner(db);
    runner.run(R"(
        assert(db:path() == ':memory:')
        assert(db:current_version() == 0)
        local ok, err = pcall(db.read_element_ids, db, 'Item')
        assert(not ok and err == 'Cannot read_element_ids: no schema loaded', err)
        db:query_integer('CREATE TABLE Configuration (id INTEGER PRIMARY KEY, label TEXT UNIQUE NOT NULL)')
        local id = db:create_element('Configuration', {label = 'cfg'})
        assert(id == 1)
    )");
    EXPECT_EQ(db.read_element_ids("Configuration"), (std::vector<int64_t>{1}));
}

TEST(LuaPlainOpenTest, ReadOnlyDatabaseRejectsWrites) {
    const auto path = scratch_db();
    { Database::from_schema(path, schema_path("valid/lua_full.sql"), {.console_level = LogLevel::Off}); }
    Database db(path, {.read_only = true, .console_level = LogLevel::Off});
    LuaRunner runner(db);
    try {
        runner.run("db:create_element('Item', {label = 'x'})");
        FAIL() << "expected an error";
    } catch (const std::runtime_error& e) {
        EXPECT_EQ(std::string(e.what()),
                  "Lua error: Failed to execute statement: attempt to write a readonly database");
    }
    runner.run("assert(#db:read_element_ids('Item') == 0)");
}

}  // namespace
}  // namespace quiver::test
