// Helpers for the C API suite. Test code uses the C API only (quiver/c/*.h); these helpers are
// thin conveniences over it.
#ifndef QUIVER_TESTS_C_TEST_SUPPORT_H
#define QUIVER_TESTS_C_TEST_SUPPORT_H

#include "quiver/c/common.h"
#include "quiver/c/database.h"
#include "quiver/c/element.h"
#include "quiver/c/lua_runner.h"
#include "quiver/c/options.h"

#include "tests/test_support.h"

#include <gtest/gtest.h>

#include <fstream>
#include <optional>
#include <string>
#include <vector>

namespace quiver::c_test {

using quiver::test::schema_path;
using quiver::test::scratch_db;
using quiver::test::scratch_dir;

inline const char* kFixture = "valid/c_api_full.sql";

inline quiver_database_options_t quiet_options() {
    quiver_database_options_t options = quiver_database_options_default();
    options.console_level = QUIVER_LOG_OFF;
    return options;
}

inline std::string last_error() {
    return quiver_get_last_error();
}

// ASSERT_OK(call): asserts QUIVER_OK and shows the last error otherwise.
#define ASSERT_OK(call) ASSERT_EQ((call), QUIVER_OK) << quiver_get_last_error()
#define EXPECT_OK(call) EXPECT_EQ((call), QUIVER_OK) << quiver_get_last_error()
// EXPECT_ERROR(call, "exact message")
#define EXPECT_ERROR(call, message)                 \
    do {                                            \
        EXPECT_EQ((call), QUIVER_ERROR);            \
        EXPECT_EQ(std::string(quiver_get_last_error()), std::string(message)); \
    } while (0)

inline void write_file(const std::string& path, const std::string& content) {
    std::ofstream out(path, std::ios::binary);
    out << content;
}

inline std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// RAII owner of an element handle.
class ElementHandle {
public:
    ElementHandle() {
        if (quiver_element_create(&element_) != QUIVER_OK) ADD_FAILURE() << quiver_get_last_error();
    }
    ~ElementHandle() {
        if (element_) quiver_element_destroy(element_);
    }
    ElementHandle(const ElementHandle&) = delete;
    ElementHandle& operator=(const ElementHandle&) = delete;
    quiver_element_t* get() const { return element_; }
    operator quiver_element_t*() const { return element_; }

    ElementHandle& set(const char* name, int64_t value) {
        EXPECT_OK(quiver_element_set_integer(element_, name, value));
        return *this;
    }
    ElementHandle& set(const char* name, double value) {
        EXPECT_OK(quiver_element_set_float(element_, name, value));
        return *this;
    }
    ElementHandle& set(const char* name, const char* value) {
        EXPECT_OK(quiver_element_set_string(element_, name, value));
        return *this;
    }
    ElementHandle& set_null(const char* name) {
        EXPECT_OK(quiver_element_set_null(element_, name));
        return *this;
    }
    ElementHandle& set(const char* name, const std::vector<int64_t>& values) {
        EXPECT_OK(quiver_element_set_array_integer(element_, name, values.data(),
                                                   static_cast<int32_t>(values.size())));
        return *this;
    }
    ElementHandle& set(const char* name, const std::vector<double>& values) {
        EXPECT_OK(quiver_element_set_array_float(element_, name, values.data(),
                                                 static_cast<int32_t>(values.size())));
        return *this;
    }
    ElementHandle& set(const char* name, const std::vector<const char*>& values) {
        EXPECT_OK(quiver_element_set_array_string(element_, name, values.data(),
                                                  static_cast<int32_t>(values.size())));
        return *this;
    }

private:
    quiver_element_t* element_ = nullptr;
};

// A database created from the C API fixture in the test's own scratch directory.
class CApiTest : public ::testing::Test {
protected:
    void SetUp() override {
        quiver_clear_last_error();
        const auto options = quiet_options();
        ASSERT_OK(quiver_database_from_schema(scratch_db().c_str(), schema_path(kFixture).c_str(), &options, &db));
        ASSERT_NE(db, nullptr);
    }
    void TearDown() override {
        quiver_database_close(db);
        db = nullptr;
    }

    int64_t create(const char* collection, const ElementHandle& element) {
        int64_t id = 0;
        EXPECT_OK(quiver_database_create_element(db, collection, element.get(), &id));
        return id;
    }

    // An Item with a label and optionally a quantity.
    int64_t create_item(const char* label) {
        ElementHandle element;
        element.set("label", label);
        return create("Item", element);
    }

    quiver_database_t* db = nullptr;
};

}  // namespace quiver::c_test

#endif  // QUIVER_TESTS_C_TEST_SUPPORT_H
