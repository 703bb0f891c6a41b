// Shared helpers for the GoogleTest suites: fixture paths and per-test scratch files.
#ifndef QUIVER_TESTS_TEST_SUPPORT_H
#define QUIVER_TESTS_TEST_SUPPORT_H

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

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

}  // namespace quiver::test

#endif  // QUIVER_TESTS_TEST_SUPPORT_H
