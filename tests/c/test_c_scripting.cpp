// Dry runs (D16), describe_collection / summarize_collection (D17) and the row-returning query
// with its result handle (D25) through the C API.
#include "c_test_support.h"

#include <cmath>
#include <string>

using namespace quiver::c_test;

namespace {

using CApiScripting = CApiTest;

int64_t count_items(quiver_database_t* db) {
    int64_t count = -1;
    int has = 0;
    EXPECT_OK(quiver_database_query_integer(db, "SELECT count(*) FROM Item", &count, &has));
    return count;
}

std::string take(char* text) {
    std::string copy = text ? text : "<null>";
    quiver_database_free_string(text);
    return copy;
}

}  // namespace

TEST_F(CApiScripting, DryRun) {
    int active = -1;
    ASSERT_OK(quiver_database_in_dry_run(db, &active));
    EXPECT_EQ(active, 0);
    ASSERT_OK(quiver_database_begin_dry_run(db));
    ASSERT_OK(quiver_database_in_dry_run(db, &active));
    EXPECT_EQ(active, 1);
    int in_tx = 1;
    ASSERT_OK(quiver_database_in_transaction(db, &in_tx));
    EXPECT_EQ(in_tx, 0);
    EXPECT_ERROR(quiver_database_begin_dry_run(db), "Cannot begin_dry_run: dry run already active");
    quiver_element_t* element = nullptr;
    ASSERT_OK(quiver_element_create(&element));
    ASSERT_OK(quiver_element_set_string(element, "label", "trial"));
    int64_t id = 0;
    ASSERT_OK(quiver_database_create_element(db, "Item", element, &id));
    quiver_element_destroy(element);
    EXPECT_EQ(count_items(db), 1);
    char* value = nullptr;
    int has = 0;
    EXPECT_ERROR(quiver_database_query_string(db, "COMMIT", &value, &has),
                 "Cannot query_string: transaction control statements are not allowed during a dry run");
    ASSERT_OK(quiver_database_end_dry_run(db));
    ASSERT_OK(quiver_database_in_dry_run(db, &active));
    EXPECT_EQ(active, 0);
    EXPECT_EQ(count_items(db), 0);
    EXPECT_ERROR(quiver_database_end_dry_run(db), "Cannot end_dry_run: no active dry run");
    EXPECT_ERROR(quiver_database_begin_dry_run(nullptr), "Null argument: db");
    EXPECT_ERROR(quiver_database_end_dry_run(nullptr), "Null argument: db");
    EXPECT_ERROR(quiver_database_in_dry_run(nullptr, &active), "Null argument: db");
    EXPECT_ERROR(quiver_database_in_dry_run(db, nullptr), "Null argument: out_active");
}

TEST_F(CApiScripting, DescribeCollectionAndSummary) {
    char* report = nullptr;
    ASSERT_OK(quiver_database_describe_collection(db, "Owner", &report));
    EXPECT_EQ(take(report),
              "Collection: Owner (0 elements)\n  Scalars:\n    - budget (REAL)\n    - id (INTEGER) PRIMARY KEY\n"
              "    - label (TEXT) NOT NULL\n");
    ASSERT_OK(quiver_database_summarize_collection(db, "Owner", &report));
    EXPECT_EQ(take(report),
              "Collection: Owner (0 elements)\n  Scalars:\n    - budget: 0 non-null, 0 null\n"
              "    - id: 0 non-null, 0 null\n    - label: 0 non-null, 0 null\n");
    report = nullptr;
    EXPECT_ERROR(quiver_database_describe_collection(db, "Nope", &report),
                 "Cannot describe_collection: collection not found: Nope");
    EXPECT_ERROR(quiver_database_summarize_collection(db, "Nope", &report),
                 "Cannot summarize_collection: collection not found: Nope");
    EXPECT_EQ(report, nullptr);
}

TEST_F(CApiScripting, QueryResultAccessors) {
    const int types[] = {QUIVER_DATA_TYPE_STRING, QUIVER_DATA_TYPE_INTEGER};
    const int64_t seven = 7;
    const void* values[] = {"  text  ", &seven};
    quiver_result_t* result = nullptr;
    ASSERT_OK(quiver_database_query(db, "SELECT 1 AS i, 2.5 AS f, ? AS s, NULL AS n UNION ALL SELECT ?, 4, 'x', NULL",
                                    types, values, 2, &result));
    ASSERT_NE(result, nullptr);
    size_t rows = 0, columns = 0;
    ASSERT_OK(quiver_result_row_count(result, &rows));
    ASSERT_OK(quiver_result_column_count(result, &columns));
    EXPECT_EQ(rows, 2u);
    EXPECT_EQ(columns, 4u);
    const char* name = nullptr;
    ASSERT_OK(quiver_result_column_name(result, 2, &name));
    EXPECT_STREQ(name, "s");
    int type = -1;
    const int expected_types[] = {QUIVER_DATA_TYPE_INTEGER, QUIVER_DATA_TYPE_FLOAT, QUIVER_DATA_TYPE_STRING,
                                  QUIVER_DATA_TYPE_NULL};
    for (size_t c = 0; c < 4; ++c) {
        ASSERT_OK(quiver_result_value_type(result, 0, c, &type));
        EXPECT_EQ(type, expected_types[c]) << c;
    }
    int64_t integer = -1;
    double real = -1;
    int has = -1;
    ASSERT_OK(quiver_result_get_integer(result, 1, 0, &integer, &has));
    EXPECT_EQ(has, 1);
    EXPECT_EQ(integer, 7);
    ASSERT_OK(quiver_result_get_integer(result, 0, 1, &integer, &has));  // a FLOAT is not narrowed
    EXPECT_EQ(has, 0);
    EXPECT_EQ(integer, 7);  // untouched
    ASSERT_OK(quiver_result_get_float(result, 0, 1, &real, &has));
    EXPECT_EQ(has, 1);
    EXPECT_EQ(real, 2.5);
    ASSERT_OK(quiver_result_get_float(result, 1, 0, &real, &has));  // INTEGER widened
    EXPECT_EQ(has, 1);
    EXPECT_EQ(real, 7.0);
    ASSERT_OK(quiver_result_get_float(result, 0, 3, &real, &has));
    EXPECT_EQ(has, 0);
    const char* text = nullptr;
    ASSERT_OK(quiver_result_get_string(result, 0, 2, &text));
    EXPECT_STREQ(text, "text");  // bound strings are trimmed
    ASSERT_OK(quiver_result_get_string(result, 0, 0, &text));
    EXPECT_EQ(text, nullptr);
    EXPECT_ERROR(quiver_result_get_integer(result, 2, 0, &integer, &has),
                 "Cannot result_get_integer: row 2 out of range (2 rows)");
    EXPECT_ERROR(quiver_result_get_float(result, 0, 4, &real, &has),
                 "Cannot result_get_float: column 4 out of range (4 columns)");
    EXPECT_ERROR(quiver_result_get_string(result, 9, 9, &text), "Cannot result_get_string: row 9 out of range (2 rows)");
    EXPECT_ERROR(quiver_result_value_type(result, 0, 4, &type), "Cannot result_value_type: column 4 out of range (4 columns)");
    EXPECT_ERROR(quiver_result_column_name(result, 4, &name), "Cannot result_column_name: column 4 out of range (4 columns)");
    EXPECT_ERROR(quiver_result_row_count(nullptr, &rows), "Null argument: result");
    EXPECT_ERROR(quiver_result_row_count(result, nullptr), "Null argument: out_count");
    EXPECT_ERROR(quiver_result_column_count(result, nullptr), "Null argument: out_count");
    EXPECT_ERROR(quiver_result_column_name(result, 0, nullptr), "Null argument: out_name");
    EXPECT_ERROR(quiver_result_value_type(result, 0, 0, nullptr), "Null argument: out_type");
    EXPECT_ERROR(quiver_result_get_integer(result, 0, 0, nullptr, &has), "Null argument: out_value");
    EXPECT_ERROR(quiver_result_get_integer(result, 0, 0, &integer, nullptr), "Null argument: out_has_value");
    EXPECT_ERROR(quiver_result_get_float(result, 0, 0, &real, nullptr), "Null argument: out_has_value");
    EXPECT_ERROR(quiver_result_get_string(result, 0, 0, nullptr), "Null argument: out_value");
    EXPECT_OK(quiver_result_free(result));
    EXPECT_OK(quiver_result_free(nullptr));
}

TEST_F(CApiScripting, QueryWithoutRowsAndBadInput) {
    quiver_result_t* result = nullptr;
    ASSERT_OK(quiver_database_query(db, "SELECT id, label FROM Item", nullptr, nullptr, 0, &result));
    size_t rows = 9, columns = 0;
    ASSERT_OK(quiver_result_row_count(result, &rows));
    ASSERT_OK(quiver_result_column_count(result, &columns));
    EXPECT_EQ(rows, 0u);
    EXPECT_EQ(columns, 2u);
    const char* name = nullptr;
    ASSERT_OK(quiver_result_column_name(result, 1, &name));
    EXPECT_STREQ(name, "label");
    quiver_result_free(result);

    result = nullptr;
    EXPECT_ERROR(quiver_database_query(nullptr, "SELECT 1", nullptr, nullptr, 0, &result), "Null argument: db");
    EXPECT_ERROR(quiver_database_query(db, nullptr, nullptr, nullptr, 0, &result), "Null argument: sql");
    EXPECT_ERROR(quiver_database_query(db, "SELECT 1", nullptr, nullptr, 0, nullptr), "Null argument: out_result");
    EXPECT_ERROR(quiver_database_query(db, "SELECT ?", nullptr, nullptr, 0, &result),
                 "Failed to execute statement: expected 1 bound parameter(s) but got 0");
    EXPECT_ERROR(quiver_database_query(db, "SELECT ?", nullptr, nullptr, 1, &result),
                 "Cannot query: Null param_types or param_values with non-zero param_count");
    const int bad_type[] = {QUIVER_DATA_TYPE_DATE_TIME};
    const void* bad_value[] = {"2024-01-01"};
    EXPECT_ERROR(quiver_database_query(db, "SELECT ?", bad_type, bad_value, 1, &result),
                 "Cannot query: Unknown parameter type: 3 at index 0");
    EXPECT_ERROR(quiver_database_query(db, "INSERT INTO Item (label) VALUES (NULL)", nullptr, nullptr, 0, &result),
                 "Failed to execute statement: NOT NULL constraint failed: Item.label");
    EXPECT_EQ(result, nullptr);
    EXPECT_EQ(count_items(db), 0);
}
