// lua_runner.h: script failures go to the runner's own error slot, not the thread's last error.
#include "c_test_support.h"

using namespace quiver::c_test;

namespace {

class CApiLuaRunner : public CApiTest {
protected:
    void SetUp() override {
        CApiTest::SetUp();
        ASSERT_OK(quiver_lua_runner_new(db, &runner));
        ASSERT_NE(runner, nullptr);
    }
    void TearDown() override {
        EXPECT_OK(quiver_lua_runner_free(runner));  // before closing the database
        CApiTest::TearDown();
    }
    const char* runner_error() {
        const char* error = reinterpret_cast<const char*>(0x1);
        EXPECT_OK(quiver_lua_runner_get_error(runner, &error));
        return error;
    }

    quiver_lua_runner_t* runner = nullptr;
};

}  // namespace

TEST_F(CApiLuaRunner, NoErrorBeforeAnyRun) {
    EXPECT_EQ(runner_error(), nullptr);
}

TEST_F(CApiLuaRunner, SuccessfulRunHasNoError) {
    ASSERT_OK(quiver_lua_runner_run(runner, "local x = 1"));
    EXPECT_EQ(runner_error(), nullptr);
}

TEST_F(CApiLuaRunner, FailureIsStoredOnRunnerNotInLastError) {
    quiver_clear_last_error();
    EXPECT_EQ(quiver_lua_runner_run(runner, "error('boom')"), QUIVER_ERROR);
    const char* error = runner_error();
    ASSERT_NE(error, nullptr);
    const std::string message = error;
    EXPECT_EQ(message.rfind("Lua error: ", 0), 0u) << message;
    EXPECT_NE(message.find("boom"), std::string::npos) << message;
    EXPECT_STREQ(quiver_get_last_error(), "");  // the thread's last error is untouched
}

TEST_F(CApiLuaRunner, SyntaxErrorIsStoredOnRunner) {
    EXPECT_EQ(quiver_lua_runner_run(runner, "this is not lua"), QUIVER_ERROR);
    const char* error = runner_error();
    ASSERT_NE(error, nullptr);
    EXPECT_EQ(std::string(error).rfind("Lua error: ", 0), 0u) << error;
}

TEST_F(CApiLuaRunner, NextSuccessfulRunClearsTheError) {
    EXPECT_EQ(quiver_lua_runner_run(runner, "error('boom')"), QUIVER_ERROR);
    ASSERT_NE(runner_error(), nullptr);
    ASSERT_OK(quiver_lua_runner_run(runner, "local y = 2"));
    EXPECT_EQ(runner_error(), nullptr);
}

TEST_F(CApiLuaRunner, GlobalsPersistAcrossRuns) {
    ASSERT_OK(quiver_lua_runner_run(runner, "counter = 41"));
    ASSERT_OK(quiver_lua_runner_run(runner, "counter = counter + 1; if counter ~= 42 then error('lost') end"));
}

TEST_F(CApiLuaRunner, ScriptUsesDatabase) {
    ASSERT_OK(quiver_lua_runner_run(runner, "db:create_element('Owner', { label = 'from lua', budget = 2.5 })"));
    char* label = nullptr;
    int has = 0;
    ASSERT_OK(quiver_database_read_scalar_string_by_id(db, "Owner", "label", 1, &label, &has));
    EXPECT_EQ(has, 1);
    EXPECT_STREQ(label, "from lua");
    quiver_database_free_string(label);
}

TEST_F(CApiLuaRunner, DatabaseErrorInScriptIsStoredOnRunner) {
    quiver_clear_last_error();
    EXPECT_EQ(quiver_lua_runner_run(runner, "db:create_element('Nope', { label = 'x' })"), QUIVER_ERROR);
    const char* error = runner_error();
    ASSERT_NE(error, nullptr);
    EXPECT_NE(std::string(error).find("Cannot create_element: collection not found: Nope"), std::string::npos)
        << error;
    EXPECT_STREQ(quiver_get_last_error(), "");
}

TEST_F(CApiLuaRunner, NullArgumentsUseTheThreadLastError) {
    quiver_lua_runner_t* other = nullptr;
    const char* error = nullptr;
    EXPECT_ERROR(quiver_lua_runner_new(nullptr, &other), "Null argument: db");
    EXPECT_ERROR(quiver_lua_runner_new(db, nullptr), "Null argument: out_runner");
    EXPECT_EQ(other, nullptr);
    EXPECT_ERROR(quiver_lua_runner_run(nullptr, "local x = 1"), "Null argument: runner");
    EXPECT_ERROR(quiver_lua_runner_run(runner, nullptr), "Null argument: script");
    EXPECT_ERROR(quiver_lua_runner_get_error(nullptr, &error), "Null argument: runner");
    EXPECT_ERROR(quiver_lua_runner_get_error(runner, nullptr), "Null argument: out_error");
    // A null-argument failure of run does not touch the runner's own slot.
    EXPECT_EQ(runner_error(), nullptr);
}

TEST(CApiLuaRunnerFree, NullIsOk) {
    EXPECT_EQ(quiver_lua_runner_free(nullptr), QUIVER_OK);
}

TEST(CApiLuaRunnerFree, TwoRunnersHaveIndependentErrors) {
    const auto options = quiet_options();
    quiver_database_t* db = nullptr;
    ASSERT_OK(quiver_database_open(":memory:", &options, &db));
    quiver_lua_runner_t* a = nullptr;
    quiver_lua_runner_t* b = nullptr;
    ASSERT_OK(quiver_lua_runner_new(db, &a));
    ASSERT_OK(quiver_lua_runner_new(db, &b));
    EXPECT_EQ(quiver_lua_runner_run(a, "error('only a')"), QUIVER_ERROR);
    const char* error_a = nullptr;
    const char* error_b = reinterpret_cast<const char*>(0x1);
    ASSERT_OK(quiver_lua_runner_get_error(a, &error_a));
    ASSERT_OK(quiver_lua_runner_get_error(b, &error_b));
    ASSERT_NE(error_a, nullptr);
    EXPECT_NE(std::string(error_a).find("only a"), std::string::npos);
    EXPECT_EQ(error_b, nullptr);
    quiver_lua_runner_free(a);
    quiver_lua_runner_free(b);
    quiver_database_close(db);
}
