// Logging (semantics §10, D11): quiver_database.log in the database's directory, truncated on
// every open; none for ":memory:".
#include "test_helpers.h"

#include <quiver/database.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <regex>

using namespace quiver;
using namespace quiver::test;
namespace fs = std::filesystem;

namespace {
// Runs `body` with the current directory set to `dir`, restoring it afterwards.
template <typename F>
void in_directory(const fs::path& dir, F&& body) {
    const fs::path previous = fs::current_path();
    fs::current_path(dir);
    try {
        body();
    } catch (...) {
        fs::current_path(previous);
        throw;
    }
    fs::current_path(previous);
}
}  // namespace

TEST(Logging, LogFileCreatedNextToDatabase) {
    const std::string path = scratch_db();
    const fs::path log = scratch_dir() / "quiver_database.log";
    ASSERT_FALSE(fs::exists(log));
    {
        auto db = Database::from_schema(path, schema_path("valid/basic.sql"), quiet());
        db.create_element("Configuration", Element().set("label", "x"));
        EXPECT_TRUE(fs::exists(log));
    }
    EXPECT_TRUE(fs::exists(log));
}

TEST(Logging, LogFileInNestedDirectory) {
    const fs::path dir = scratch_dir() / "sub" / "dir";
    const std::string path = (dir / "x.db").string();
    { Database db(path, quiet()); }
    EXPECT_TRUE(fs::exists(dir / "quiver_database.log"));
}

TEST(Logging, LogFileLinePattern) {
    const std::string path = scratch_db();
    const fs::path log = scratch_dir() / "quiver_database.log";
    { Database db(path, quiet()); }
    const std::string text = read_file(log.string());
    ASSERT_FALSE(text.empty());
    const std::regex line(
        R"(^\[\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3}\] \[quiver_database_\d+\] \[[a-z]+\] .*)");
    std::istringstream in(text);
    std::string first;
    std::getline(in, first);
    EXPECT_TRUE(std::regex_match(first, line)) << first;
}

TEST(Logging, LogFileTruncatedOnEveryOpen) {
    const std::string path = scratch_db();
    const fs::path log = scratch_dir() / "quiver_database.log";
    { Database db(path, quiet()); }
    write_file(log.string(), "MARKER-LINE-THAT-MUST-DISAPPEAR\n");
    { Database db(path, quiet()); }
    const std::string text = read_file(log.string());
    EXPECT_EQ(text.find("MARKER-LINE-THAT-MUST-DISAPPEAR"), std::string::npos);
}

TEST(Logging, ConsoleOffStillWritesFileSink) {
    const std::string path = scratch_db();
    const fs::path log = scratch_dir() / "quiver_database.log";
    { Database db(path, quiet()); }
    EXPECT_GT(fs::file_size(log), 0u);
}

TEST(Logging, MemoryDatabaseHasNoLogFile) {
    const fs::path dir = scratch_dir() / "cwd";
    fs::create_directories(dir);
    in_directory(dir, [&] {
        Database db(":memory:", quiet());
        auto db2 = Database::from_schema(":memory:", schema_path("valid/basic.sql"), quiet());
        db2.create_element("Configuration", Element().set("label", "x"));
    });
    EXPECT_FALSE(fs::exists(dir / "quiver_database.log"));
    EXPECT_TRUE(fs::is_empty(dir));
}

TEST(Logging, RelativePathLogsInCurrentDirectory) {
    const fs::path dir = scratch_dir() / "cwd";
    fs::create_directories(dir);
    in_directory(dir, [&] {
        {
            Database db("relative.db", quiet());
            EXPECT_EQ(db.path(), "relative.db");  // as given
        }
        EXPECT_TRUE(fs::exists("quiver_database.log"));
        EXPECT_TRUE(fs::exists("relative.db"));
    });
    EXPECT_TRUE(fs::exists(dir / "quiver_database.log"));
}

TEST(Logging, ElementLevelMessagesAreDebugOnly) {
    // Granularity rule: nothing per element at INFO or above. The file sink is at debug level;
    // every line that mentions an element write must be a debug line.
    const std::string path = scratch_db();
    const fs::path log = scratch_dir() / "quiver_database.log";
    {
        auto db = Database::from_schema(path, schema_path("valid/basic.sql"), quiet());
        for (int i = 0; i < 20; ++i) {
            db.create_element("Configuration", Element().set("label", "element-" + std::to_string(i)));
        }
    }
    const std::string text = read_file(log.string());
    std::istringstream in(text);
    std::string l;
    size_t non_debug = 0;
    while (std::getline(in, l)) {
        if (l.find("] [debug] ") == std::string::npos) ++non_debug;
    }
    // A constant number of non-debug lines (open, schema applied, close...), not one per element.
    EXPECT_LT(non_debug, 20u) << text;
}

// Console sink: stderr, level = console_level (§10).
TEST(LoggingConsole, MemoryWarningVisibleAtDefaultLevel) {
    ::testing::internal::CaptureStderr();
    {
        Database db(":memory:");  // default options: console Info
    }
    const std::string err = ::testing::internal::GetCapturedStderr();
    EXPECT_NE(err.find("Database is in-memory only; no file logging will be performed."), std::string::npos) << err;
}

TEST(LoggingConsole, OffPrintsNothing) {
    ::testing::internal::CaptureStderr();
    {
        Database db(":memory:", quiet());
        auto db2 = Database::from_schema(":memory:", schema_path("valid/basic.sql"), quiet());
        db2.create_element("Configuration", Element().set("label", "x"));
        EXPECT_THROW(db2.create_element("Configuration", Element().set("label", "x")), std::runtime_error);
    }
    EXPECT_EQ(::testing::internal::GetCapturedStderr(), "");
}

TEST(LoggingConsole, WarnLevelHidesInfo) {
    const std::string path = scratch_db();
    ::testing::internal::CaptureStderr();
    {
        Database db(path, DatabaseOptions{.read_only = false, .console_level = LogLevel::Warn});
        Database mem(":memory:", DatabaseOptions{.read_only = false, .console_level = LogLevel::Warn});
    }
    const std::string err = ::testing::internal::GetCapturedStderr();
    EXPECT_EQ(err.find("[info]"), std::string::npos) << err;
    EXPECT_NE(err.find("Database is in-memory only; no file logging will be performed."), std::string::npos) << err;
}

TEST(LoggingConsole, FileSinkFailureFallsBackToConsole) {
    // A directory where the log file should be makes the file sink fail.
    fs::create_directories(scratch_dir() / "quiver_database.log");
    const std::string path = scratch_db();
    ::testing::internal::CaptureStderr();
    {
        Database db(path, DatabaseOptions{.read_only = false, .console_level = LogLevel::Warn});
        EXPECT_TRUE(db.is_healthy());
        EXPECT_EQ(db.query_integer("SELECT 1"), std::optional<int64_t>(1));
    }
    const std::string err = ::testing::internal::GetCapturedStderr();
    EXPECT_NE(err.find("Failed to create file sink: "), std::string::npos) << err;
    EXPECT_NE(err.find(". Logging to console only."), std::string::npos) << err;
}
