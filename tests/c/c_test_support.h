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

using quiver::test::read_file;
using quiver::test::schema_path;
using quiver::test::scratch_db;
using quiver::test::scratch_dir;
using quiver::test::split;
using quiver::test::write_file;

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

// Every table, every row (ordered, storage classes kept by quote()), the schema SQL and
// user_version, read through the C API on the same handle (an open transaction's state included).
inline std::string snapshot(quiver_database_t* db) {
    return quiver::test::snapshot_of([db](const std::string& sql) {
        char* value = nullptr;
        int has = 0;
        if (quiver_database_query_string(db, sql.c_str(), &value, &has) != QUIVER_OK) {
            return std::string("<error: ") + quiver_get_last_error() + ">";
        }
        std::string out = has && value ? value : "";
        quiver_database_free_string(value);
        return out;
    });
}

inline bool in_transaction(quiver_database_t* db) {
    int active = 0;
    quiver_database_in_transaction(db, &active);
    return active != 0;
}

// The call must return QUIVER_ERROR with exactly `message` and change nothing (whole-database
// snapshot through the C API, an open transaction's state included; the transaction stays as it was).
#define EXPECT_C_FAILS_UNCHANGED(db, call, message)                                          \
    do {                                                                                     \
        const std::string before__ = ::quiver::c_test::snapshot(db);                         \
        const bool in_tx__ = ::quiver::c_test::in_transaction(db);                           \
        quiver_clear_last_error();                                                           \
        EXPECT_EQ((call), QUIVER_ERROR);                                                     \
        EXPECT_EQ(std::string(quiver_get_last_error()), std::string(message));               \
        EXPECT_EQ(::quiver::c_test::snapshot(db), before__) << "database changed by a failed call"; \
        EXPECT_EQ(::quiver::c_test::in_transaction(db), in_tx__);                            \
    } while (0)

// The result of a columnar read (time series, groups), released on destruction with
// quiver_database_free_time_series_data.
struct Columns {
    char** names = nullptr;
    int* types = nullptr;
    void** data = nullptr;
    uint8_t** has_value = nullptr;
    size_t column_count = 0;
    size_t row_count = 0;

    Columns() = default;
    Columns(const Columns&) = delete;
    Columns& operator=(const Columns&) = delete;
    ~Columns() { release(); }
    void release() {
        if (names || types || data || has_value) {
            EXPECT_OK(quiver_database_free_time_series_data(names, types, data, has_value, column_count, row_count));
        }
        names = nullptr;
        types = nullptr;
        data = nullptr;
        has_value = nullptr;
        column_count = row_count = 0;
    }
    int64_t integer(size_t column, size_t row) const { return static_cast<int64_t*>(data[column])[row]; }
    double real(size_t column, size_t row) const { return static_cast<double*>(data[column])[row]; }
    const char* text(size_t column, size_t row) const { return static_cast<char**>(data[column])[row]; }
    bool present(size_t column, size_t row) const { return has_value[column][row] != 0; }
};

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
                                                   static_cast<int32_t>(values.size()), nullptr));
        return *this;
    }
    ElementHandle& set(const char* name, const std::vector<double>& values) {
        EXPECT_OK(quiver_element_set_array_float(element_, name, values.data(),
                                                 static_cast<int32_t>(values.size()), nullptr));
        return *this;
    }
    ElementHandle& set(const char* name, const std::vector<const char*>& values) {
        EXPECT_OK(quiver_element_set_array_string(element_, name, values.data(),
                                                  static_cast<int32_t>(values.size()), nullptr));
        return *this;
    }
    // Arrays with NULL cells: mask[i] == 0 makes cell i NULL.
    ElementHandle& set(const char* name, const std::vector<int64_t>& values, const std::vector<uint8_t>& mask) {
        EXPECT_OK(quiver_element_set_array_integer(element_, name, values.data(), static_cast<int32_t>(values.size()),
                                                   mask.data()));
        return *this;
    }
    ElementHandle& set(const char* name, const std::vector<double>& values, const std::vector<uint8_t>& mask) {
        EXPECT_OK(quiver_element_set_array_float(element_, name, values.data(), static_cast<int32_t>(values.size()),
                                                 mask.data()));
        return *this;
    }
    ElementHandle& set(const char* name, const std::vector<const char*>& values, const std::vector<uint8_t>& mask) {
        EXPECT_OK(quiver_element_set_array_string(element_, name, values.data(), static_cast<int32_t>(values.size()),
                                                  mask.data()));
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

    // Runs body in autocommit mode and then inside a user transaction (which must stay open; it is
    // rolled back afterwards).
    template <typename F>
    void in_both_modes(F body) {
        body();
        ASSERT_OK(quiver_database_begin_transaction(db));
        body();
        EXPECT_TRUE(in_transaction(db));
        ASSERT_OK(quiver_database_rollback(db));
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
