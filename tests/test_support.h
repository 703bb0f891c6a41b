// Shared helpers for the GoogleTest suites (C++, C API, Lua, binary, reliability): fixture paths,
// per-test scratch files, whole-file text I/O, and the database snapshot that every "a refused
// call changed nothing" check compares. Only the standard library and GoogleTest here, so the C
// API suite can include it without the C++ API.
#ifndef QUIVER_TESTS_TEST_SUPPORT_H
#define QUIVER_TESTS_TEST_SUPPORT_H

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace quiver::test {

// Absolute path of a fixture under tests/schemas, e.g. schema_path("valid/basic.sql").
inline std::string schema_path(const std::string& relative) {
    return std::string(QUIVER_TEST_SCHEMAS_DIR) + "/" + relative;
}

// A directory owned by the running test (unique per suite+test name, so ctest -j2 never
// shares a path), emptied the first time the test asks for it.
inline std::filesystem::path scratch_dir() {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    std::string name = std::string(info->test_suite_name()) + "." + info->name();
    for (auto& c : name) {
        if (c == '/') c = '_';
    }
    auto dir = std::filesystem::temp_directory_path() / "quiver_tests" / name;
    static std::string prepared;  // the test whose directory was already emptied
    if (prepared != name) {
        std::filesystem::remove_all(dir);
        prepared = name;
    }
    std::filesystem::create_directories(dir);
    return dir;
}

// A database file path inside scratch_dir().
inline std::string scratch_db(const std::string& file = "test.db") {
    return (scratch_dir() / file).string();
}

// The whole file as bytes ("" when it cannot be read).
inline std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Replaces the file with `text`, creating missing parent directories.
inline void write_file(const std::string& path, const std::string& text) {
    const auto parent = std::filesystem::path(path).parent_path();
    if (!parent.empty()) std::filesystem::create_directories(parent);
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
}

// `text` cut at every `sep` ("" gives no parts; "a," gives "a" and "").
inline std::vector<std::string> split(const std::string& text, char sep) {
    std::vector<std::string> parts;
    if (text.empty()) return parts;
    std::string current;
    for (char c : text) {
        if (c == sep) {
            parts.push_back(current);
            current.clear();
        } else {
            current += c;
        }
    }
    parts.push_back(current);
    return parts;
}

// A text image of a whole database: PRAGMA user_version, every sqlite_master entry (including
// sqlite_sequence) with its SQL, and every row of every table (ordered; storage classes kept by
// quote()). `query(sql)` runs one statement through whichever handle the suite tests and returns
// its single value as text ("" for NULL), so an open transaction's uncommitted state is included
// when the handle is the one under test. Two images are equal iff nothing observable changed.
template <typename Query>
std::string snapshot_of(Query&& query) {
    std::string out = query("SELECT 'v' || user_version FROM pragma_user_version") + "\n";
    out += query("SELECT group_concat(x, char(10)) FROM (SELECT type || '|' || name || '|' || ifnull(sql, '') AS x "
                 "FROM sqlite_master ORDER BY type, name)") +
           "\n";
    for (const auto& table : split(query("SELECT group_concat(name, char(31)) FROM (SELECT name FROM sqlite_master "
                                         "WHERE type = 'table' ORDER BY name)"),
                                   '\x1f')) {
        std::string expr;
        for (const auto& column : split(query("SELECT group_concat(name, char(31)) FROM (SELECT name FROM "
                                              "pragma_table_info('" + table + "') ORDER BY cid)"),
                                        '\x1f')) {
            expr += (expr.empty() ? "" : " || '|' || ") + std::string("quote(\"") + column + "\")";
        }
        out += "== " + table + "\n" +
               query("SELECT group_concat(r, char(10)) FROM (SELECT " + (expr.empty() ? std::string("''") : expr) +
                     " AS r FROM \"" + table + "\" ORDER BY r)") +
               "\n";
    }
    return out;
}

}  // namespace quiver::test

#endif  // QUIVER_TESTS_TEST_SUPPORT_H
