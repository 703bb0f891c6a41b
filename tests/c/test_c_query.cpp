// Queries with and without typed parameters.
#include "c_test_support.h"

using namespace quiver::c_test;

namespace {

class CApiQuery : public CApiTest {
protected:
    void SetUp() override {
        CApiTest::SetUp();
        ElementHandle item;
        item.set("label", "Item 1").set("quantity", int64_t{42}).set("price", 9.5).set("description", "desc");
        create("Item", item);
        ElementHandle other;
        other.set("label", "Item 2");
        create("Item", other);
    }
};

}  // namespace

TEST_F(CApiQuery, QueryString) {
    char* value = nullptr;
    int has = 0;
    ASSERT_OK(quiver_database_query_string(db, "SELECT label FROM Item WHERE id = 1", &value, &has));
    EXPECT_EQ(has, 1);
    EXPECT_STREQ(value, "Item 1");
    quiver_database_free_string(value);

    value = reinterpret_cast<char*>(0x1);
    ASSERT_OK(quiver_database_query_string(db, "SELECT description FROM Item WHERE id = 2", &value, &has));
    EXPECT_EQ(has, 0);
    EXPECT_EQ(value, nullptr);

    value = reinterpret_cast<char*>(0x1);
    ASSERT_OK(quiver_database_query_string(db, "SELECT label FROM Item WHERE id = 99", &value, &has));
    EXPECT_EQ(has, 0);
    EXPECT_EQ(value, nullptr);
}

TEST_F(CApiQuery, QueryInteger) {
    int64_t value = 0;
    int has = 0;
    ASSERT_OK(quiver_database_query_integer(db, "SELECT COUNT(*) FROM Item", &value, &has));
    EXPECT_EQ(has, 1);
    EXPECT_EQ(value, 2);
    ASSERT_OK(quiver_database_query_integer(db, "SELECT 'abc'", &value, &has));
    EXPECT_EQ(has, 0);  // a TEXT result is not an integer
    ASSERT_OK(quiver_database_query_integer(db, "SELECT 1.5", &value, &has));
    EXPECT_EQ(has, 0);  // a REAL result is not narrowed
}

TEST_F(CApiQuery, QueryFloatWidensIntegers) {
    double value = 0;
    int has = 0;
    ASSERT_OK(quiver_database_query_float(db, "SELECT price FROM Item WHERE id = 1", &value, &has));
    EXPECT_EQ(has, 1);
    EXPECT_DOUBLE_EQ(value, 9.5);
    ASSERT_OK(quiver_database_query_float(db, "SELECT quantity FROM Item WHERE id = 1", &value, &has));
    EXPECT_EQ(has, 1);
    EXPECT_DOUBLE_EQ(value, 42.0);  // D7
    ASSERT_OK(quiver_database_query_float(db, "SELECT NULL", &value, &has));
    EXPECT_EQ(has, 0);
}

TEST_F(CApiQuery, TypedParameters) {
    const int64_t quantity = 42;
    const double price = 9.5;
    const char* label = "  Item 1  ";  // trimmed like every bound string
    const int types[] = {QUIVER_DATA_TYPE_INTEGER, QUIVER_DATA_TYPE_FLOAT, QUIVER_DATA_TYPE_STRING};
    const void* values[] = {&quantity, &price, label};

    char* text = nullptr;
    int has = 0;
    ASSERT_OK(quiver_database_query_string_params(
        db, "SELECT description FROM Item WHERE quantity = ? AND price = ? AND label = ?", types, values, 3, &text,
        &has));
    EXPECT_EQ(has, 1);
    EXPECT_STREQ(text, "desc");
    quiver_database_free_string(text);

    int64_t id = 0;
    ASSERT_OK(quiver_database_query_integer_params(db, "SELECT id FROM Item WHERE quantity = ? AND price = ? AND "
                                                   "label = ?",
                                                   types, values, 3, &id, &has));
    EXPECT_EQ(has, 1);
    EXPECT_EQ(id, 1);

    double result = 0;
    ASSERT_OK(quiver_database_query_float_params(db, "SELECT ? + ? + length(?)", types, values, 3, &result, &has));
    EXPECT_EQ(has, 1);
    EXPECT_DOUBLE_EQ(result, 42 + 9.5 + 6);
}

TEST_F(CApiQuery, NullParameter) {
    const int types[] = {QUIVER_DATA_TYPE_NULL};
    const void* values[] = {nullptr};
    int64_t value = 0;
    int has = 0;
    ASSERT_OK(quiver_database_query_integer_params(db, "SELECT ? IS NULL", types, values, 1, &value, &has));
    EXPECT_EQ(has, 1);
    EXPECT_EQ(value, 1);
}

TEST_F(CApiQuery, ZeroParamsWithNullArrays) {
    int64_t value = 0;
    int has = 0;
    ASSERT_OK(quiver_database_query_integer_params(db, "SELECT 7", nullptr, nullptr, 0, &value, &has));
    EXPECT_EQ(value, 7);
}

TEST_F(CApiQuery, WritesThroughQuery) {
    int64_t id = 0;
    int has = 0;
    ASSERT_OK(quiver_database_query_integer(db, "INSERT INTO Owner (label) VALUES ('o') RETURNING id", &id, &has));
    EXPECT_EQ(has, 1);
    EXPECT_EQ(id, 1);
}

TEST_F(CApiQuery, ParameterMarshallingErrors) {
    const int64_t number = 1;
    const int types[] = {QUIVER_DATA_TYPE_INTEGER};
    const void* values[] = {&number};
    char* text = nullptr;
    int64_t integer = 0;
    double real = 0;
    int has = -1;

    EXPECT_ERROR(quiver_database_query_string_params(db, "SELECT ?", nullptr, values, 1, &text, &has),
                 "Cannot query_string: Null param_types or param_values with non-zero param_count");
    EXPECT_ERROR(quiver_database_query_integer_params(db, "SELECT ?", types, nullptr, 1, &integer, &has),
                 "Cannot query_integer: Null param_types or param_values with non-zero param_count");
    EXPECT_ERROR(quiver_database_query_float_params(db, "SELECT ?", nullptr, nullptr, 1, &real, &has),
                 "Cannot query_float: Null param_types or param_values with non-zero param_count");

    const int two_types[] = {QUIVER_DATA_TYPE_INTEGER, QUIVER_DATA_TYPE_STRING};
    const void* null_string[] = {&number, nullptr};
    EXPECT_ERROR(quiver_database_query_string_params(db, "SELECT ? || ?", two_types, null_string, 2, &text, &has),
                 "Cannot query_string: Null string pointer in parameter at index 1");

    const int int_type[] = {QUIVER_DATA_TYPE_INTEGER};
    const int float_type[] = {QUIVER_DATA_TYPE_FLOAT};
    const void* null_value[] = {nullptr};
    EXPECT_ERROR(quiver_database_query_integer_params(db, "SELECT ?", int_type, null_value, 1, &integer, &has),
                 "Cannot query_integer: Null value pointer in parameter at index 0");
    EXPECT_ERROR(quiver_database_query_float_params(db, "SELECT ?", float_type, null_value, 1, &real, &has),
                 "Cannot query_float: Null value pointer in parameter at index 0");

    const int date_time_type[] = {QUIVER_DATA_TYPE_INTEGER, QUIVER_DATA_TYPE_DATE_TIME};
    const void* two_values[] = {&number, "2024-01-01"};
    EXPECT_ERROR(
        quiver_database_query_string_params(db, "SELECT ? || ?", date_time_type, two_values, 2, &text, &has),
        "Cannot query_string: Unknown parameter type: 3 at index 1");
    const int bogus_type[] = {-1};
    EXPECT_ERROR(quiver_database_query_float_params(db, "SELECT ?", bogus_type, values, 1, &real, &has),
                 "Cannot query_float: Unknown parameter type: -1 at index 0");
    const int big_type[] = {99};
    EXPECT_ERROR(quiver_database_query_integer_params(db, "SELECT ?", big_type, values, 1, &integer, &has),
                 "Cannot query_integer: Unknown parameter type: 99 at index 0");
    EXPECT_EQ(has, -1);  // untouched
}

TEST_F(CApiQuery, CoreErrorsAreRelayed) {
    int64_t value = 0;
    int has = 0;
    EXPECT_ERROR(quiver_database_query_integer(db, "SELEC 1", &value, &has),
                 "Failed to prepare statement: near \"SELEC\": syntax error");
    EXPECT_ERROR(quiver_database_query_integer(db, "SELECT ?", &value, &has),
                 "Failed to execute statement: expected 1 bound parameter(s) but got 0");
    const int64_t one = 1;
    const int types[] = {QUIVER_DATA_TYPE_INTEGER, QUIVER_DATA_TYPE_INTEGER};
    const void* values[] = {&one, &one};
    EXPECT_ERROR(quiver_database_query_integer_params(db, "SELECT ?", types, values, 2, &value, &has),
                 "Failed to execute statement: expected 1 bound parameter(s) but got 2");
    EXPECT_ERROR(quiver_database_query_integer(db, "SELECT x'00'", &value, &has),
                 "Failed to execute statement: BLOB type not supported");
}

TEST_F(CApiQuery, NullArguments) {
    char* text = nullptr;
    int64_t integer = 0;
    double real = 0;
    int has = 0;
    EXPECT_ERROR(quiver_database_query_string(nullptr, "SELECT 1", &text, &has), "Null argument: db");
    EXPECT_ERROR(quiver_database_query_string(db, nullptr, &text, &has), "Null argument: sql");
    EXPECT_ERROR(quiver_database_query_string(db, "SELECT 1", nullptr, &has), "Null argument: out_value");
    EXPECT_ERROR(quiver_database_query_string(db, "SELECT 1", &text, nullptr), "Null argument: out_has_value");
    EXPECT_ERROR(quiver_database_query_integer(nullptr, "SELECT 1", &integer, &has), "Null argument: db");
    EXPECT_ERROR(quiver_database_query_integer(db, nullptr, &integer, &has), "Null argument: sql");
    EXPECT_ERROR(quiver_database_query_integer(db, "SELECT 1", nullptr, &has), "Null argument: out_value");
    EXPECT_ERROR(quiver_database_query_integer(db, "SELECT 1", &integer, nullptr), "Null argument: out_has_value");
    EXPECT_ERROR(quiver_database_query_float(nullptr, "SELECT 1", &real, &has), "Null argument: db");
    EXPECT_ERROR(quiver_database_query_float(db, nullptr, &real, &has), "Null argument: sql");
    EXPECT_ERROR(quiver_database_query_float(db, "SELECT 1", nullptr, &has), "Null argument: out_value");
    EXPECT_ERROR(quiver_database_query_float(db, "SELECT 1", &real, nullptr), "Null argument: out_has_value");

    EXPECT_ERROR(quiver_database_query_string_params(nullptr, "SELECT 1", nullptr, nullptr, 0, &text, &has),
                 "Null argument: db");
    EXPECT_ERROR(quiver_database_query_string_params(db, nullptr, nullptr, nullptr, 0, &text, &has),
                 "Null argument: sql");
    EXPECT_ERROR(quiver_database_query_string_params(db, "SELECT 1", nullptr, nullptr, 0, nullptr, &has),
                 "Null argument: out_value");
    EXPECT_ERROR(quiver_database_query_string_params(db, "SELECT 1", nullptr, nullptr, 0, &text, nullptr),
                 "Null argument: out_has_value");
    EXPECT_ERROR(quiver_database_query_integer_params(nullptr, "SELECT 1", nullptr, nullptr, 0, &integer, &has),
                 "Null argument: db");
    EXPECT_ERROR(quiver_database_query_integer_params(db, nullptr, nullptr, nullptr, 0, &integer, &has),
                 "Null argument: sql");
    EXPECT_ERROR(quiver_database_query_integer_params(db, "SELECT 1", nullptr, nullptr, 0, nullptr, &has),
                 "Null argument: out_value");
    EXPECT_ERROR(quiver_database_query_integer_params(db, "SELECT 1", nullptr, nullptr, 0, &integer, nullptr),
                 "Null argument: out_has_value");
    EXPECT_ERROR(quiver_database_query_float_params(nullptr, "SELECT 1", nullptr, nullptr, 0, &real, &has),
                 "Null argument: db");
    EXPECT_ERROR(quiver_database_query_float_params(db, nullptr, nullptr, nullptr, 0, &real, &has),
                 "Null argument: sql");
    EXPECT_ERROR(quiver_database_query_float_params(db, "SELECT 1", nullptr, nullptr, 0, nullptr, &has),
                 "Null argument: out_value");
    EXPECT_ERROR(quiver_database_query_float_params(db, "SELECT 1", nullptr, nullptr, 0, &real, nullptr),
                 "Null argument: out_has_value");
    // Null checks precede parameter marshalling.
    EXPECT_ERROR(quiver_database_query_float_params(db, "SELECT 1", nullptr, nullptr, 3, &real, nullptr),
                 "Null argument: out_has_value");
}

TEST_F(CApiQuery, QueriesWorkWithoutSchema) {
    quiver_database_t* empty = nullptr;
    const auto options = quiet_options();
    ASSERT_OK(quiver_database_open(":memory:", &options, &empty));
    char* text = nullptr;
    int has = 0;
    ASSERT_OK(quiver_database_query_string(empty, "SELECT 'hi'", &text, &has));
    EXPECT_STREQ(text, "hi");
    quiver_database_free_string(text);
    quiver_database_close(empty);
}
