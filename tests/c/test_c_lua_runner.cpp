// lua_runner.h: script failures go to the runner's own error slot and to the thread's last error
// (D18); run returns the script's value as JSON.
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
    ASSERT_OK(quiver_lua_runner_run(runner, "local x = 1", nullptr));
    EXPECT_EQ(runner_error(), nullptr);
}

TEST_F(CApiLuaRunner, FailureIsStoredOnRunnerAndInLastError) {
    quiver_clear_last_error();
    char* result = reinterpret_cast<char*>(0x1);
    EXPECT_EQ(quiver_lua_runner_run(runner, "error('boom')", &result), QUIVER_ERROR);
    EXPECT_EQ(result, nullptr);
    const char* error = runner_error();
    ASSERT_NE(error, nullptr);
    const std::string message = error;
    EXPECT_EQ(message.rfind("Lua error: ", 0), 0u) << message;
    EXPECT_NE(message.find("boom"), std::string::npos) << message;
    EXPECT_EQ(std::string(quiver_get_last_error()), message);  // D18: both
}

TEST_F(CApiLuaRunner, SyntaxErrorIsStoredOnRunner) {
    EXPECT_EQ(quiver_lua_runner_run(runner, "this is not lua", nullptr), QUIVER_ERROR);
    const char* error = runner_error();
    ASSERT_NE(error, nullptr);
    EXPECT_EQ(std::string(error).rfind("Lua error: ", 0), 0u) << error;
}

TEST_F(CApiLuaRunner, NextSuccessfulRunClearsTheError) {
    EXPECT_EQ(quiver_lua_runner_run(runner, "error('boom')", nullptr), QUIVER_ERROR);
    ASSERT_NE(runner_error(), nullptr);
    ASSERT_OK(quiver_lua_runner_run(runner, "local y = 2", nullptr));
    EXPECT_EQ(runner_error(), nullptr);
}

TEST_F(CApiLuaRunner, GlobalsPersistAcrossRuns) {
    ASSERT_OK(quiver_lua_runner_run(runner, "counter = 41", nullptr));
    ASSERT_OK(quiver_lua_runner_run(runner, "counter = counter + 1; if counter ~= 42 then error('lost') end", nullptr));
}

TEST_F(CApiLuaRunner, ScriptUsesDatabase) {
    ASSERT_OK(quiver_lua_runner_run(runner, "db:create_element('Owner', { label = 'from lua', budget = 2.5 })", nullptr));
    char* label = nullptr;
    int has = 0;
    ASSERT_OK(quiver_database_read_scalar_string_by_id(db, "Owner", "label", 1, &label, &has));
    EXPECT_EQ(has, 1);
    EXPECT_STREQ(label, "from lua");
    quiver_database_free_string(label);
}

TEST_F(CApiLuaRunner, DatabaseErrorInScriptIsStoredOnRunner) {
    quiver_clear_last_error();
    EXPECT_EQ(quiver_lua_runner_run(runner, "db:create_element('Nope', { label = 'x' })", nullptr), QUIVER_ERROR);
    const char* error = runner_error();
    ASSERT_NE(error, nullptr);
    EXPECT_NE(std::string(error).find("Cannot create_element: collection not found: Nope"), std::string::npos)
        << error;
    EXPECT_STREQ(quiver_get_last_error(), error);
}

TEST_F(CApiLuaRunner, NullArgumentsUseTheThreadLastError) {
    quiver_lua_runner_t* other = nullptr;
    const char* error = nullptr;
    EXPECT_ERROR(quiver_lua_runner_new(nullptr, &other), "Null argument: db");
    EXPECT_ERROR(quiver_lua_runner_new(db, nullptr), "Null argument: out_runner");
    EXPECT_EQ(other, nullptr);
    EXPECT_ERROR(quiver_lua_runner_run(nullptr, "local x = 1", nullptr), "Null argument: runner");
    EXPECT_ERROR(quiver_lua_runner_run(runner, nullptr, nullptr), "Null argument: script");
    EXPECT_ERROR(quiver_lua_runner_get_error(nullptr, &error), "Null argument: runner");
    EXPECT_ERROR(quiver_lua_runner_get_error(runner, nullptr), "Null argument: out_error");
    // A null-argument failure of run does not touch the runner's own slot.
    EXPECT_EQ(runner_error(), nullptr);
}

TEST(CApiLuaRunnerFree, NullIsOk) {
    EXPECT_EQ(quiver_lua_runner_free(nullptr), QUIVER_OK);
    EXPECT_EQ(quiver_lua_runner_free_string(nullptr), QUIVER_OK);
}

TEST_F(CApiLuaRunner, ReturnsTheValueAsJson) {
    char* result = nullptr;
    ASSERT_OK(quiver_lua_runner_run(runner, "return {n = 2, ok = true, list = {1.5, 'x'}}", &result));
    ASSERT_NE(result, nullptr);
    EXPECT_STREQ(result, "{\"list\":[1.5,\"x\"],\"n\":2,\"ok\":true}");
    quiver_lua_runner_free_string(result);
    ASSERT_OK(quiver_lua_runner_run(runner, "local x = 1", &result));
    ASSERT_NE(result, nullptr);
    EXPECT_STREQ(result, "");  // nothing returned
    quiver_database_free_string(result);  // either free function works
    ASSERT_OK(quiver_lua_runner_run(runner, "return nil", &result));
    EXPECT_STREQ(result, "null");
    quiver_lua_runner_free_string(result);
    ASSERT_OK(quiver_lua_runner_run(runner, "return 1", nullptr));  // result discarded
}

TEST_F(CApiLuaRunner, EncodingFailureIsAnErrorWithoutLuaPrefix) {
    char* result = reinterpret_cast<char*>(0x1);
    EXPECT_EQ(quiver_lua_runner_run(runner, "return db", &result), QUIVER_ERROR);
    EXPECT_EQ(result, nullptr);
    EXPECT_STREQ(runner_error(), "Cannot run: script returned an unsupported Lua type");
    EXPECT_STREQ(quiver_get_last_error(), "Cannot run: script returned an unsupported Lua type");
}

TEST(CApiLuaRunnerFree, TwoRunnersHaveIndependentErrors) {
    const auto options = quiet_options();
    quiver_database_t* db = nullptr;
    ASSERT_OK(quiver_database_open(":memory:", &options, &db));
    quiver_lua_runner_t* a = nullptr;
    quiver_lua_runner_t* b = nullptr;
    ASSERT_OK(quiver_lua_runner_new(db, &a));
    ASSERT_OK(quiver_lua_runner_new(db, &b));
    EXPECT_EQ(quiver_lua_runner_run(a, "error('only a')", nullptr), QUIVER_ERROR);
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
