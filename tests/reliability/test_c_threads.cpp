// The C API's last error is per thread (api §3.3): several threads make failing calls at the
// same time, each on its own database handle, and each sees exactly its own message; successful
// calls and other threads' failures never change it; quiver_clear_last_error clears only the
// calling thread's. Built on its own (quiver_c_threads_tests) so it can run under ThreadSanitizer
// (preset `tsan`): any data race fails the run. Test code uses the C API only.
#include "quiver/c/common.h"
#include "quiver/c/database.h"
#include "quiver/c/element.h"
#include "quiver/c/lua_runner.h"
#include "quiver/c/options.h"

#include "tests/test_support.h"

#include <gtest/gtest.h>

#include <barrier>
#include <string>
#include <thread>
#include <vector>

namespace {

constexpr int kThreads = 8;
constexpr int kRounds = 150;

std::string last_error() {
    return quiver_get_last_error();
}

// Records a mismatch (gtest assertions are made on the main thread only).
void check(std::vector<std::string>& failures, const std::string& what, const std::string& expected,
           const std::string& actual) {
    if (expected != actual && failures.size() < 10) {
        failures.push_back(what + ": expected '" + expected + "', got '" + actual + "'");
    }
}

struct ThreadDatabase {
    quiver_database_t* db = nullptr;
    std::string open_error;
};

TEST(CThreads, LastErrorIsPerThread) {
    std::vector<std::string> paths;
    for (int t = 0; t < kThreads; ++t) paths.push_back(quiver::test::scratch_db("t" + std::to_string(t) + ".db"));
    const std::string schema = quiver::test::schema_path("valid/c_api_full.sql");

    std::barrier sync(kThreads);
    std::vector<std::vector<std::string>> failures(kThreads);
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            auto& mine = failures[t];
            check(mine, "before any failure", "", last_error());

            quiver_database_options_t options = quiver_database_options_default();
            options.console_level = QUIVER_LOG_OFF;
            quiver_database_t* db = nullptr;
            quiver_element_t* element = nullptr;
            if (quiver_database_from_schema(paths[t].c_str(), schema.c_str(), &options, &db) != QUIVER_OK ||
                quiver_element_create(&element) != QUIVER_OK) {
                mine.push_back("setup failed: " + last_error());
            }
            sync.arrive_and_wait();  // everyone opened (or failed to)
            if (!db || !element) sync.arrive_and_drop();  // the others must not wait for us

            for (int r = 0; r < kRounds && db && element; ++r) {
                const std::string suffix = "t" + std::to_string(t) + "_r" + std::to_string(r);
                const std::string collection = "Nope_" + suffix;
                int64_t id = 0;

                // 1. A failure whose text is unique to this thread and round.
                if (quiver_database_create_element(db, collection.c_str(), element, &id) != QUIVER_ERROR) {
                    mine.push_back("create_element on a missing collection succeeded");
                }
                const std::string own = "Cannot create_element: collection not found: " + collection;
                sync.arrive_and_wait();  // every thread has now failed with its own message
                check(mine, "after all threads failed", own, last_error());

                // 2. A successful call does not touch it.
                quiver_element_clear(element);
                quiver_element_set_string(element, "label", ("item " + suffix).c_str());
                if (quiver_database_create_element(db, "Item", element, &id) != QUIVER_OK) {
                    mine.push_back("create_element failed: " + last_error());
                }
                check(mine, "after a successful call", own, last_error());

                // 3. Another kind of failure, or a clear, while the others are still failing.
                std::string expected;
                if (r % 3 == 0) {
                    quiver_clear_last_error();
                } else if (r % 3 == 1) {
                    quiver_database_create_element(nullptr, "Item", element, &id);
                    expected = "Null argument: db";
                } else {
                    const std::string sql = "SELECT nope_" + suffix;
                    int64_t value = 0;
                    int has_value = 0;
                    quiver_database_query_integer(db, sql.c_str(), &value, &has_value);
                    expected = "Failed to prepare statement: no such column: nope_" + suffix;
                }
                sync.arrive_and_wait();
                check(mine, "round " + std::to_string(r) + " step 3", expected, last_error());
            }
            if (element) quiver_element_destroy(element);
            if (db) quiver_database_close(db);
        });
    }
    for (auto& thread : threads) thread.join();
    for (int t = 0; t < kThreads; ++t) {
        for (const auto& failure : failures[t]) ADD_FAILURE() << "thread " << t << ": " << failure;
    }
    // The main thread made no failing call: its last error is still empty.
    EXPECT_EQ(last_error(), "");
}

// Left out only of builds with QUIVER_BUILD_LUA=OFF, which have no Lua runner.
#if !defined(QUIVER_WITH_LUA) || QUIVER_WITH_LUA
TEST(CThreads, LuaRunnersFailConcurrentlyWithTheirOwnErrors) {
    std::barrier sync(kThreads);
    std::vector<std::vector<std::string>> failures(kThreads);
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            auto& mine = failures[t];
            quiver_database_options_t options = quiver_database_options_default();
            options.console_level = QUIVER_LOG_OFF;
            quiver_database_t* db = nullptr;
            quiver_lua_runner_t* runner = nullptr;
            if (quiver_database_open(":memory:", &options, &db) != QUIVER_OK ||
                quiver_lua_runner_new(db, &runner) != QUIVER_OK) {
                mine.push_back("setup failed: " + last_error());
            }
            sync.arrive_and_wait();
            if (!runner) sync.arrive_and_drop();  // the others must not wait for us
            for (int r = 0; r < kRounds / 3 && runner; ++r) {
                const std::string text = "boom t" + std::to_string(t) + " r" + std::to_string(r);
                const std::string script = "error('" + text + "', 0)";
                if (quiver_lua_runner_run(runner, script.c_str(), nullptr) != QUIVER_ERROR) {
                    mine.push_back("a failing script succeeded");
                }
                sync.arrive_and_wait();
                const char* error = nullptr;
                if (quiver_lua_runner_get_error(runner, &error) != QUIVER_OK || error == nullptr) {
                    mine.push_back("no runner error");
                } else {
                    check(mine, "runner error", "Lua error: " + text, error);
                }
                // The failure is also the thread's own last error (D18), never another thread's.
                check(mine, "thread last error", "Lua error: " + text, last_error());
            }
            if (runner) quiver_lua_runner_free(runner);
            if (db) quiver_database_close(db);
        });
    }
    for (auto& thread : threads) thread.join();
    for (int t = 0; t < kThreads; ++t) {
        for (const auto& failure : failures[t]) ADD_FAILURE() << "thread " << t << ": " << failure;
    }
}
#endif

}  // namespace
