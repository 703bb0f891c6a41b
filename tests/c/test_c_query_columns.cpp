// quiver_database_query_columns: a query's rows as a quiver_columns_t, each column typed by the
// storage classes of its cells, the statement run once; quiver_columns_get_cell_types.
#include "c_test_support.h"

#include <cstring>
#include <string>
#include <vector>

using namespace quiver::c_test;

namespace {

class CApiQueryColumns : public ::testing::Test {
protected:
    void SetUp() override {
        quiver_clear_last_error();
        const auto options = quiet_options();
        ASSERT_OK(quiver_database_from_schema(":memory:", schema_path("valid/collections.sql").c_str(), &options,
                                              &db));
        exec("CREATE TABLE t (id INTEGER PRIMARY KEY, i, r, m, s, n, x)");
        exec("INSERT INTO t (i, r, m, s, n, x) VALUES (1, 1.5, 1, 'a', NULL, 7), (NULL, NULL, 2.5, NULL, NULL, 'y'),"
             " (-3, -0.25, NULL, 'c', NULL, 0.5), (4, 2.0, 3, 'd', NULL, NULL)");
    }
    void TearDown() override { quiver_database_close(db); }

    void exec(const char* sql) {
        quiver_result_t* result = nullptr;
        ASSERT_OK(quiver_database_query(db, sql, nullptr, nullptr, 0, &result));
        quiver_result_free(result);
    }

    quiver_database_t* db = nullptr;
};

struct ColumnsHandle {
    quiver_columns_t* columns = nullptr;
    ~ColumnsHandle() { EXPECT_OK(quiver_columns_free(columns)); }
};

int column_type(const quiver_columns_t* columns, size_t c) {
    int type = -1;
    EXPECT_OK(quiver_columns_column_type(columns, c, &type));
    return type;
}

std::vector<uint8_t> mask_of(const uint8_t* mask, size_t n) {
    return std::vector<uint8_t>(mask, mask + n);
}

}  // namespace

TEST_F(CApiQueryColumns, TypedByStorageClass) {
    ColumnsHandle h;
    ASSERT_OK(quiver_database_query_columns(db, "SELECT i, r, m, s, n FROM t ORDER BY id", nullptr, nullptr, 0,
                                            &h.columns));
    size_t rows = 0, count = 0;
    ASSERT_OK(quiver_columns_row_count(h.columns, &rows));
    ASSERT_OK(quiver_columns_column_count(h.columns, &count));
    EXPECT_EQ(rows, 4u);
    EXPECT_EQ(count, 5u);
    const char* name = nullptr;
    ASSERT_OK(quiver_columns_column_name(h.columns, 2, &name));
    EXPECT_STREQ(name, "m");
    EXPECT_EQ(column_type(h.columns, 0), QUIVER_DATA_TYPE_INTEGER);
    EXPECT_EQ(column_type(h.columns, 1), QUIVER_DATA_TYPE_FLOAT);
    EXPECT_EQ(column_type(h.columns, 2), QUIVER_DATA_TYPE_FLOAT);  // INTEGER and REAL cells
    EXPECT_EQ(column_type(h.columns, 3), QUIVER_DATA_TYPE_STRING);
    EXPECT_EQ(column_type(h.columns, 4), QUIVER_DATA_TYPE_STRING);  // all NULL

    const int64_t* integers = nullptr;
    const uint8_t* mask = nullptr;
    ASSERT_OK(quiver_columns_get_integers(h.columns, 0, &integers, &mask));
    EXPECT_EQ(std::vector<int64_t>(integers, integers + 4), (std::vector<int64_t>{1, 0, -3, 4}));
    EXPECT_EQ(mask_of(mask, 4), (std::vector<uint8_t>{1, 0, 1, 1}));
    const double* reals = nullptr;
    ASSERT_OK(quiver_columns_get_floats(h.columns, 2, &reals, &mask));
    EXPECT_EQ(std::vector<double>(reals, reals + 4), (std::vector<double>{1.0, 2.5, 0.0, 3.0}));
    EXPECT_EQ(mask_of(mask, 4), (std::vector<uint8_t>{1, 1, 0, 1}));
    const char* text = nullptr;
    const size_t* offsets = nullptr;
    size_t size = 0;
    ASSERT_OK(quiver_columns_get_strings(h.columns, 3, &text, &offsets, &size, &mask));
    EXPECT_STREQ(text + offsets[3], "d");
    EXPECT_EQ(mask[1], 0);
    ASSERT_OK(quiver_columns_get_strings(h.columns, 4, &text, &offsets, &size, &mask));
    EXPECT_EQ(mask_of(mask, 4), (std::vector<uint8_t>{0, 0, 0, 0}));
    const uint8_t* cell_types = reinterpret_cast<const uint8_t*>(1);
    for (size_t c = 0; c < 5; ++c) {
        ASSERT_OK(quiver_columns_get_cell_types(h.columns, c, &cell_types));
        EXPECT_EQ(cell_types, nullptr) << c;
    }
}

TEST_F(CApiQueryColumns, TextMixedWithNumbersHasCellTypes) {
    ColumnsHandle h;
    ASSERT_OK(quiver_database_query_columns(db, "SELECT x FROM t ORDER BY id", nullptr, nullptr, 0, &h.columns));
    EXPECT_EQ(column_type(h.columns, 0), QUIVER_DATA_TYPE_STRING);
    const char* text = nullptr;
    const size_t* offsets = nullptr;
    size_t size = 0;
    const uint8_t* mask = nullptr;
    ASSERT_OK(quiver_columns_get_strings(h.columns, 0, &text, &offsets, &size, &mask));
    EXPECT_STREQ(text + offsets[0], "7");
    EXPECT_STREQ(text + offsets[1], "y");
    EXPECT_STREQ(text + offsets[2], "0.5");
    EXPECT_STREQ(text + offsets[3], "");
    EXPECT_EQ(mask_of(mask, 4), (std::vector<uint8_t>{1, 1, 1, 0}));
    const uint8_t* cell_types = nullptr;
    ASSERT_OK(quiver_columns_get_cell_types(h.columns, 0, &cell_types));
    ASSERT_NE(cell_types, nullptr);
    EXPECT_EQ(mask_of(cell_types, 4), (std::vector<uint8_t>{QUIVER_DATA_TYPE_INTEGER, QUIVER_DATA_TYPE_STRING,
                                                            QUIVER_DATA_TYPE_FLOAT, QUIVER_DATA_TYPE_NULL}));
    EXPECT_ERROR(quiver_columns_get_cell_types(h.columns, 1, &cell_types),
                 "Cannot columns_get_cell_types: column 1 out of range (1 columns)");
    EXPECT_ERROR(quiver_columns_get_cell_types(h.columns, 0, nullptr), "Null argument: out_cell_types");
}

TEST_F(CApiQueryColumns, ParametersAndZeroRows) {
    ColumnsHandle h;
    const int64_t low = 0;
    const char* letter = "c";
    const int ordered_types[] = {QUIVER_DATA_TYPE_NULL, QUIVER_DATA_TYPE_INTEGER, QUIVER_DATA_TYPE_STRING};
    const void* ordered[] = {nullptr, &low, letter};
    ASSERT_OK(quiver_database_query_columns(db, "SELECT s, ? IS NULL AS flag FROM t WHERE i > ? AND s <> ? ORDER BY id",
                                            ordered_types, ordered, 3, &h.columns));
    size_t rows = 0;
    ASSERT_OK(quiver_columns_row_count(h.columns, &rows));
    ASSERT_EQ(rows, 2u);
    const char* text = nullptr;
    const size_t* offsets = nullptr;
    size_t size = 0;
    const uint8_t* mask = nullptr;
    ASSERT_OK(quiver_columns_get_strings(h.columns, 0, &text, &offsets, &size, &mask));
    EXPECT_STREQ(text + offsets[0], "a");
    EXPECT_STREQ(text + offsets[1], "d");
    const int64_t* flags = nullptr;
    ASSERT_OK(quiver_columns_get_integers(h.columns, 1, &flags, &mask));
    EXPECT_EQ(flags[0], 1);

    ColumnsHandle none;
    ASSERT_OK(quiver_database_query_columns(db, "SELECT i, s FROM t WHERE 0", nullptr, nullptr, 0, &none.columns));
    ASSERT_OK(quiver_columns_row_count(none.columns, &rows));
    size_t count = 0;
    ASSERT_OK(quiver_columns_column_count(none.columns, &count));
    EXPECT_EQ(rows, 0u);
    EXPECT_EQ(count, 2u);
    EXPECT_EQ(column_type(none.columns, 0), QUIVER_DATA_TYPE_STRING);
}

TEST_F(CApiQueryColumns, RunsTheStatementOnce) {
    ColumnsHandle h;
    const double value = 9.5;
    const int types[] = {QUIVER_DATA_TYPE_FLOAT};
    const void* values[] = {&value};
    ASSERT_OK(quiver_database_query_columns(db, "INSERT INTO t (r) VALUES (?) RETURNING id, r", types, values, 1,
                                            &h.columns));
    const int64_t* ids = nullptr;
    const uint8_t* mask = nullptr;
    ASSERT_OK(quiver_columns_get_integers(h.columns, 0, &ids, &mask));
    EXPECT_EQ(ids[0], 5);
    int64_t count = 0;
    int has = 0;
    ASSERT_OK(quiver_database_query_integer(db, "SELECT COUNT(*) FROM t", &count, &has));
    EXPECT_EQ(count, 5);
}

TEST_F(CApiQueryColumns, BadInputChangesNothing) {
    quiver_columns_t* out = nullptr;
    EXPECT_C_FAILS_UNCHANGED(db, quiver_database_query_columns(db, "SELEC 1", nullptr, nullptr, 0, &out),
                             "Failed to prepare statement: near \"SELEC\": syntax error");
    EXPECT_C_FAILS_UNCHANGED(db, quiver_database_query_columns(db, "SELECT ?, ?", nullptr, nullptr, 0, &out),
                             "Failed to execute statement: expected 2 bound parameter(s) but got 0");
    EXPECT_C_FAILS_UNCHANGED(db, quiver_database_query_columns(db, "SELECT x'00'", nullptr, nullptr, 0, &out),
                             "Failed to execute statement: BLOB type not supported");
    const int bad_types[] = {QUIVER_DATA_TYPE_DATE_TIME};
    const char* date = "2024-01-01";
    const void* bad_values[] = {date};
    EXPECT_C_FAILS_UNCHANGED(db, quiver_database_query_columns(db, "SELECT ?", bad_types, bad_values, 1, &out),
                             "Cannot query_columns: Unknown parameter type: 3 at index 0");
    EXPECT_C_FAILS_UNCHANGED(db, quiver_database_query_columns(db, "SELECT ?", nullptr, nullptr, 1, &out),
                             "Cannot query_columns: Null param_types or param_values with non-zero param_count");
    EXPECT_C_FAILS_UNCHANGED(db, quiver_database_query_columns(db, nullptr, nullptr, nullptr, 0, &out),
                             "Null argument: sql");
    EXPECT_C_FAILS_UNCHANGED(db, quiver_database_query_columns(db, "SELECT 1", nullptr, nullptr, 0, nullptr),
                             "Null argument: out_columns");
    EXPECT_ERROR(quiver_database_query_columns(nullptr, "SELECT 1", nullptr, nullptr, 0, &out), "Null argument: db");
    EXPECT_EQ(out, nullptr);
}
