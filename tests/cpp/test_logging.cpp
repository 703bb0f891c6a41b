// Logging (semantics §10, D11, D27): quiver_database.log in the database's directory, truncated on
// every open, recording at Info (Debug when the console level is Debug); none for ":memory:".
// The console (stderr) defaults to Warn. Database(path) never creates a file (D23), so the tests
// that open a path create an empty database file first.
#include "test_helpers.h"

#include <quiver/database.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
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
// An existing, empty database file at path (opening never creates one, D23).
std::string touch(const std::string& path) {
    write_file(path, "");
    return path;
}

size_t count_lines_with(const std::string& text, const std::string& needle) {
    size_t count = 0;
    for (size_t pos = text.find(needle); pos != std::string::npos; pos = text.find(needle, pos + 1)) ++count;
    return count;
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
    // from_schema creates the file, and the logger its missing directory.
    const fs::path dir = scratch_dir() / "sub" / "dir";
    const std::string path = (dir / "x.db").string();
    { auto db = Database::from_schema(path, schema_path("valid/basic.sql"), quiet()); }
    EXPECT_TRUE(fs::exists(dir / "quiver_database.log"));
}

TEST(Logging, LogFileLinePattern) {
    const std::string path = touch(scratch_db());
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
    const std::string path = touch(scratch_db());
    const fs::path log = scratch_dir() / "quiver_database.log";
    { Database db(path, quiet()); }
    write_file(log.string(), "MARKER-LINE-THAT-MUST-DISAPPEAR\n");
    { Database db(path, quiet()); }
    const std::string text = read_file(log.string());
    EXPECT_EQ(text.find("MARKER-LINE-THAT-MUST-DISAPPEAR"), std::string::npos);
}

TEST(Logging, ConsoleOffStillWritesFileSink) {
    const std::string path = touch(scratch_db());
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
            std::ofstream{"relative.db"};  // an empty database (opening never creates one, D23)
            Database db("relative.db", quiet());
            EXPECT_EQ(db.path(), "relative.db");  // as given
        }
        EXPECT_TRUE(fs::exists("quiver_database.log"));
        EXPECT_TRUE(fs::exists("relative.db"));
    });
    EXPECT_TRUE(fs::exists(dir / "quiver_database.log"));
}

TEST(Logging, ElementLevelMessagesAreDebugOnly) {
    // Granularity rule: nothing per element at INFO or above. With console Debug the file sink
    // records debug lines too; every line that mentions an element write must be a debug line.
    const std::string path = scratch_db();
    const fs::path log = scratch_dir() / "quiver_database.log";
    ::testing::internal::CaptureStderr();
    {
        auto db = Database::from_schema(path, schema_path("valid/basic.sql"),
                                        DatabaseOptions{.read_only = false, .console_level = LogLevel::Debug});
        for (int i = 0; i < 20; ++i) {
            db.create_element("Configuration", Element().set("label", "element-" + std::to_string(i)));
        }
    }
    ::testing::internal::GetCapturedStderr();
    const std::string text = read_file(log.string());
    EXPECT_GE(count_lines_with(text, "] [debug] "), 20u) << text;
    std::istringstream in(text);
    std::string l;
    size_t non_debug = 0;
    while (std::getline(in, l)) {
        if (l.find("] [debug] ") == std::string::npos) ++non_debug;
    }
    // A constant number of non-debug lines (open, schema applied, close...), not one per element.
    EXPECT_LT(non_debug, 20u) << text;
}

// D27: by default (and at any console level but Debug) the file records at Info: no line per
// element is written, while the open/close lines are.
TEST(Logging, FileRecordsInfoUnlessConsoleIsDebug) {
    for (const auto level : {LogLevel::Info, LogLevel::Warn, LogLevel::Error, LogLevel::Off}) {
        const std::string path = scratch_db();
        const fs::path log = scratch_dir() / "quiver_database.log";
        ::testing::internal::CaptureStderr();
        {
            auto db = Database::from_schema(path, schema_path("valid/basic.sql"),
                                            DatabaseOptions{.read_only = false, .console_level = level});
            for (int i = 0; i < 5; ++i) {
                db.create_element("Configuration", Element().set("label", "element-" + std::to_string(i)));
            }
            db.update_element("Configuration", 1, Element().set("label", std::string("renamed")));
            db.delete_element("Configuration", 2);
        }
        ::testing::internal::GetCapturedStderr();
        const std::string text = read_file(log.string());
        EXPECT_EQ(count_lines_with(text, "] [debug] "), 0u) << text;
        EXPECT_EQ(count_lines_with(text, "Database opened successfully: " + path), 1u) << text;
        EXPECT_EQ(count_lines_with(text, "Database closed"), 1u) << text;
    }
}

// Console sink: stderr, level = console_level (§10).
TEST(LoggingConsole, MemoryWarningVisibleAtDefaultLevel) {
    ::testing::internal::CaptureStderr();
    {
        Database db(":memory:");  // default options: console Warn (D27)
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

TEST(LoggingConsole, DefaultOptionsAreWarn) {
    EXPECT_EQ(DatabaseOptions{}.console_level, LogLevel::Warn);
    EXPECT_FALSE(DatabaseOptions{}.read_only);
    const std::string path = touch(scratch_db());
    ::testing::internal::CaptureStderr();
    {
        Database db(path);
        db.query_string("CREATE TABLE t (x INTEGER) STRICT");
    }
    EXPECT_EQ(::testing::internal::GetCapturedStderr(), "");  // quiet on success
    ::testing::internal::CaptureStderr();
    { Database db(path, DatabaseOptions{.read_only = false, .console_level = LogLevel::Info}); }
    const std::string err = ::testing::internal::GetCapturedStderr();
    EXPECT_NE(err.find("[info] Database opened successfully: " + path), std::string::npos) << err;
}

TEST(LoggingConsole, WarnLevelHidesInfo) {
    const std::string path = touch(scratch_db());
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
    const std::string path = touch(scratch_db());
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
