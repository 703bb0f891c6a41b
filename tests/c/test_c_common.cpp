// common.h and options.h: version, thread-local last error, option defaults.
#include "c_test_support.h"

#include <thread>

using namespace quiver::c_test;

TEST(CApiCommon, VersionIsStatic050) {
    EXPECT_STREQ(quiver_version(), "0.6.0");
    EXPECT_EQ(quiver_version(), quiver_version());
}

TEST(CApiCommon, LastErrorIsEmptyBeforeAnyErrorAndNeverNull) {
    quiver_clear_last_error();
    ASSERT_NE(quiver_get_last_error(), nullptr);
    EXPECT_STREQ(quiver_get_last_error(), "");
}

TEST(CApiCommon, LastErrorSurvivesLaterSuccessAndClearResetsIt) {
    quiver_clear_last_error();
    EXPECT_ERROR(quiver_database_open(nullptr, nullptr, nullptr), "Null argument: path");
    // A successful call does not clear it.
    quiver_element_t* element = nullptr;
    ASSERT_OK(quiver_element_create(&element));
    ASSERT_OK(quiver_element_destroy(element));
    EXPECT_STREQ(quiver_get_last_error(), "Null argument: path");
    // The next failure replaces it.
    EXPECT_ERROR(quiver_element_destroy(nullptr), "Null argument: element");
    quiver_clear_last_error();
    EXPECT_STREQ(quiver_get_last_error(), "");
}

TEST(CApiCommon, LastErrorIsThreadLocal) {
    quiver_clear_last_error();
    EXPECT_ERROR(quiver_database_open(nullptr, nullptr, nullptr), "Null argument: path");

    std::string seen_before;
    std::string seen_after;
    quiver_error_t status = QUIVER_OK;
    std::thread worker([&] {
        seen_before = quiver_get_last_error();  // a fresh thread starts with ""
        status = quiver_element_clear(nullptr);
        seen_after = quiver_get_last_error();
    });
    worker.join();

    EXPECT_EQ(seen_before, "");
    EXPECT_EQ(status, QUIVER_ERROR);
    EXPECT_EQ(seen_after, "Null argument: element");
    // The worker's failure did not touch this thread's message.
    EXPECT_STREQ(quiver_get_last_error(), "Null argument: path");
}

TEST(CApiCommon, TwoThreadsFailingConcurrentlyKeepTheirOwnMessages) {
    quiver_clear_last_error();
    std::string first;
    std::string second;
    auto run = [](const char* name, std::string* out) {
        for (int i = 0; i < 200; ++i) {
            quiver_element_t* element = nullptr;
            quiver_element_create(&element);
            quiver_element_set_array_integer(element, name, nullptr, -1, nullptr);
            quiver_element_destroy(element);
            if (std::string(quiver_get_last_error()) !=
                std::string("Cannot set_array_integer: Invalid values/count combination for '") + name + "'") {
                *out = "mismatch";
                return;
            }
        }
        *out = quiver_get_last_error();
    };
    std::thread a(run, "alpha", &first);
    std::thread b(run, "beta", &second);
    a.join();
    b.join();
    EXPECT_EQ(first, "Cannot set_array_integer: Invalid values/count combination for 'alpha'");
    EXPECT_EQ(second, "Cannot set_array_integer: Invalid values/count combination for 'beta'");
    EXPECT_STREQ(quiver_get_last_error(), "");
}

TEST(CApiOptions, DatabaseOptionsDefault) {
    const quiver_database_options_t options = quiver_database_options_default();
    EXPECT_EQ(options.read_only, 0);
    EXPECT_EQ(options.console_level, QUIVER_LOG_WARN);  // quiet by default (D27)
}

TEST(CApiOptions, CsvOptionsDefault) {
    const quiver_csv_options_t options = quiver_csv_options_default();
    ASSERT_NE(options.date_time_format, nullptr);
    EXPECT_STREQ(options.date_time_format, "");
    EXPECT_EQ(options.enum_attribute_names, nullptr);
    EXPECT_EQ(options.enum_locale_names, nullptr);
    EXPECT_EQ(options.enum_entry_counts, nullptr);
    EXPECT_EQ(options.enum_labels, nullptr);
    EXPECT_EQ(options.enum_values, nullptr);
    EXPECT_EQ(options.enum_group_count, 0u);
}

TEST(CApiOptions, EnumValues) {
    EXPECT_EQ(QUIVER_OK, 0);
    EXPECT_EQ(QUIVER_ERROR, 1);
    EXPECT_EQ(QUIVER_LOG_DEBUG, 0);
    EXPECT_EQ(QUIVER_LOG_INFO, 1);
    EXPECT_EQ(QUIVER_LOG_WARN, 2);
    EXPECT_EQ(QUIVER_LOG_ERROR, 3);
    EXPECT_EQ(QUIVER_LOG_OFF, 4);
    EXPECT_EQ(QUIVER_DATA_TYPE_INTEGER, 0);
    EXPECT_EQ(QUIVER_DATA_TYPE_FLOAT, 1);
    EXPECT_EQ(QUIVER_DATA_TYPE_STRING, 2);
    EXPECT_EQ(QUIVER_DATA_TYPE_DATE_TIME, 3);
    EXPECT_EQ(QUIVER_DATA_TYPE_NULL, 4);
    EXPECT_EQ(QUIVER_DATA_STRUCTURE_SCALAR, 0);
    EXPECT_EQ(QUIVER_DATA_STRUCTURE_VECTOR, 1);
    EXPECT_EQ(QUIVER_DATA_STRUCTURE_SET, 2);
}
