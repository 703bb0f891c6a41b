// Time series: columnar group read/update (semantics 7.4 with the presence masks of
// api-additions 3.2 and 4.1). NULL cells and the write-side messages: test_c_columnar.cpp.
#include "c_test_support.h"

using namespace quiver::c_test;

namespace {

class CApiTimeSeries : public CApiTest {
protected:
    quiver_error_t read(int64_t id, Columns& out, const char* group = "readings") {
        return quiver_database_read_time_series_group(db, "Item", group, id, &out.names, &out.types, &out.data, &out.has_value,
                                                      &out.column_count, &out.row_count);
    }

    // Writes three rows (out of dimension order) with every column; row 1 holds NULLs.
    void write_full(int64_t id) {
        const char* names[] = {"date_time", "count_value", "date_valid", "measurement", "note"};
        const int types[] = {QUIVER_DATA_TYPE_STRING, QUIVER_DATA_TYPE_INTEGER, QUIVER_DATA_TYPE_DATE_TIME,
                             QUIVER_DATA_TYPE_FLOAT, QUIVER_DATA_TYPE_STRING};
        const char* dates[] = {"2024-01-03T00:00:00", "2024-01-01T00:00:00", "2024-01-02T00:00:00"};
        const int64_t counts[] = {3, 1, 2};
        const char* valid[] = {"2025-01-03", "2025-01-01", nullptr};
        const double measurements[] = {3.5, 1.5, 2.5};
        const char* notes[] = {"third", "first", nullptr};
        const void* data[] = {dates, counts, valid, measurements, notes};
        ASSERT_OK(quiver_database_update_time_series_group(db, "Item", "readings", id, names, types, data, nullptr, 5, 3));
    }
};

}  // namespace

TEST_F(CApiTimeSeries, ReadEmptyGivesNullPointersAndZeroCounts) {
    const int64_t id = create_item("i");
    char** names = reinterpret_cast<char**>(0x1);
    int* types = reinterpret_cast<int*>(0x1);
    void** data = reinterpret_cast<void**>(0x1);
    uint8_t** has_value = reinterpret_cast<uint8_t**>(0x1);
    size_t columns = 9;
    size_t rows = 9;
    ASSERT_OK(quiver_database_read_time_series_group(db, "Item", "readings", id, &names, &types, &data, &has_value, &columns,
                                                     &rows));
    EXPECT_EQ(names, nullptr);
    EXPECT_EQ(types, nullptr);
    EXPECT_EQ(data, nullptr);
    EXPECT_EQ(has_value, nullptr);
    EXPECT_EQ(columns, 0u);
    EXPECT_EQ(rows, 0u);
    // A missing id is also empty.
    columns = 9;
    ASSERT_OK(quiver_database_read_time_series_group(db, "Item", "readings", 999, &names, &types, &data, &has_value, &columns,
                                                     &rows));
    EXPECT_EQ(columns, 0u);
}

TEST_F(CApiTimeSeries, WriteAndReadColumnar) {
    const int64_t id = create_item("i");
    write_full(id);
    Columns c;
    ASSERT_OK(read(id, c));
    ASSERT_EQ(c.column_count, 5u);
    ASSERT_EQ(c.row_count, 3u);
    // Column 0 is the dimension (STRING), then value columns alphabetically with their types.
    EXPECT_STREQ(c.names[0], "date_time");
    EXPECT_STREQ(c.names[1], "count_value");
    EXPECT_STREQ(c.names[2], "date_valid");
    EXPECT_STREQ(c.names[3], "measurement");
    EXPECT_STREQ(c.names[4], "note");
    EXPECT_EQ(c.types[0], QUIVER_DATA_TYPE_STRING);
    EXPECT_EQ(c.types[1], QUIVER_DATA_TYPE_INTEGER);
    EXPECT_EQ(c.types[2], QUIVER_DATA_TYPE_DATE_TIME);
    EXPECT_EQ(c.types[3], QUIVER_DATA_TYPE_FLOAT);
    EXPECT_EQ(c.types[4], QUIVER_DATA_TYPE_STRING);
    // Rows come back in dimension order.
    EXPECT_STREQ(c.text(0, 0), "2024-01-01T00:00:00");
    EXPECT_STREQ(c.text(0, 1), "2024-01-02T00:00:00");
    EXPECT_STREQ(c.text(0, 2), "2024-01-03T00:00:00");
    EXPECT_EQ(c.integer(1, 0), 1);
    EXPECT_EQ(c.integer(1, 1), 2);
    EXPECT_EQ(c.integer(1, 2), 3);
    EXPECT_STREQ(c.text(2, 0), "2025-01-01");
    EXPECT_EQ(c.text(2, 1), nullptr);  // NULL char* stored as SQL NULL and read back as NULL
    EXPECT_FALSE(c.present(2, 1));     // ... with its mask 0
    for (size_t column = 0; column < 5; ++column) {
        for (size_t row = 0; row < 3; ++row) {
            if (!(row == 1 && (column == 2 || column == 4))) {
                EXPECT_TRUE(c.present(column, row)) << column << "," << row;
            }
        }
    }
    EXPECT_STREQ(c.text(2, 2), "2025-01-03");
    EXPECT_DOUBLE_EQ(c.real(3, 0), 1.5);
    EXPECT_DOUBLE_EQ(c.real(3, 2), 3.5);
    EXPECT_STREQ(c.text(4, 0), "first");
    EXPECT_EQ(c.text(4, 1), nullptr);
    EXPECT_STREQ(c.text(4, 2), "third");
}

TEST_F(CApiTimeSeries, UnlistedColumnsBecomeNullWithMaskZero) {
    const int64_t id = create_item("i");
    const char* names[] = {"measurement", "date_time"};  // any order
    const int types[] = {QUIVER_DATA_TYPE_FLOAT, QUIVER_DATA_TYPE_DATE_TIME};  // DATE_TIME == STRING here
    const char* dates[] = {"2024-01-01", "2024-01-02"};
    const double values[] = {10.0, 20.0};
    const void* data[] = {values, dates};
    ASSERT_OK(quiver_database_update_time_series_group(db, "Item", "readings", id, names, types, data, nullptr, 2, 2));

    Columns c;
    ASSERT_OK(read(id, c));
    ASSERT_EQ(c.column_count, 5u);
    ASSERT_EQ(c.row_count, 2u);
    EXPECT_EQ(c.integer(1, 0), 0);     // NULL INTEGER -> placeholder 0 ...
    EXPECT_FALSE(c.present(1, 0));     // ... and mask 0, so it is told apart from a stored 0
    EXPECT_EQ(c.text(2, 0), nullptr);  // NULL DATE_TIME -> NULL
    EXPECT_FALSE(c.present(2, 0));
    EXPECT_DOUBLE_EQ(c.real(3, 1), 20.0);
    EXPECT_TRUE(c.present(3, 1));
    EXPECT_EQ(c.text(4, 1), nullptr);  // NULL STRING -> NULL
    EXPECT_FALSE(c.present(4, 1));
    EXPECT_TRUE(c.present(0, 0));  // the dimension's mask is all 1
    EXPECT_TRUE(c.present(0, 1));
}

TEST_F(CApiTimeSeries, UpdateReplacesAllRows) {
    const int64_t id = create_item("i");
    write_full(id);
    const char* names[] = {"date_time"};
    const int types[] = {QUIVER_DATA_TYPE_STRING};
    const char* dates[] = {"2030-01-01"};
    const void* data[] = {dates};
    ASSERT_OK(quiver_database_update_time_series_group(db, "Item", "readings", id, names, types, data, nullptr, 1, 1));
    Columns c;
    ASSERT_OK(read(id, c));
    ASSERT_EQ(c.row_count, 1u);
    EXPECT_STREQ(c.text(0, 0), "2030-01-01");
}

TEST_F(CApiTimeSeries, ClearWithZeroCounts) {
    const int64_t id = create_item("i");
    write_full(id);
    ASSERT_OK(quiver_database_update_time_series_group(db, "Item", "readings", id, nullptr, nullptr, nullptr, nullptr, 0, 0));
    Columns c;
    ASSERT_OK(read(id, c));
    EXPECT_EQ(c.row_count, 0u);
    EXPECT_EQ(c.names, nullptr);
}

// Columns without rows used to clear; a typo'd row count must never wipe the group
// (api-additions 3.2 step 5).
TEST_F(CApiTimeSeries, ColumnsWithZeroRowsAreRefused) {
    const int64_t id = create_item("i");
    write_full(id);
    const char* names[] = {"date_time", "note"};
    const int types[] = {QUIVER_DATA_TYPE_STRING, QUIVER_DATA_TYPE_STRING};
    const void* data[] = {nullptr, nullptr};  // not read
    EXPECT_C_FAILS_UNCHANGED(db, quiver_database_update_time_series_group(db, "Item", "readings", id, names, types, data,
                                                                          nullptr, 2, 0),
                             "Cannot update_time_series_group: columns [date_time, note] contain no rows; pass no "
                             "columns to clear the group");
    Columns c;
    ASSERT_OK(read(id, c));
    EXPECT_EQ(c.row_count, 3u);
}

TEST_F(CApiTimeSeries, OtherElementsAreUntouched) {
    const int64_t a = create_item("a");
    const int64_t b = create_item("b");
    write_full(a);
    write_full(b);
    ASSERT_OK(quiver_database_update_time_series_group(db, "Item", "readings", a, nullptr, nullptr, nullptr, nullptr, 0, 0));
    Columns c;
    ASSERT_OK(read(b, c));
    EXPECT_EQ(c.row_count, 3u);
}

TEST_F(CApiTimeSeries, UpdatePreCheckMessages) {
    const int64_t id = create_item("i");
    const char* names[] = {"date_time", "measurement"};
    const int types[] = {QUIVER_DATA_TYPE_STRING, QUIVER_DATA_TYPE_FLOAT};
    const char* dates[] = {"2024-01-01"};
    const double values[] = {1.0};
    const void* data[] = {dates, values};

    EXPECT_ERROR(quiver_database_update_time_series_group(db, "Item", "readings", id, names, types, data, nullptr, 0, 1),
                 "Cannot update_time_series_group: column_count must be > 0 when row_count > 0");
    const char* const kNonNull =
        "Cannot update_time_series_group: column_names, column_types, and column_data must be non-null when "
        "column_count > 0";
    EXPECT_ERROR(quiver_database_update_time_series_group(db, "Item", "readings", id, nullptr, types, data, nullptr, 2, 1),
                 kNonNull);
    EXPECT_ERROR(quiver_database_update_time_series_group(db, "Item", "readings", id, names, nullptr, data, nullptr, 2, 1),
                 kNonNull);
    EXPECT_ERROR(quiver_database_update_time_series_group(db, "Item", "readings", id, names, types, nullptr, nullptr, 2, 1),
                 kNonNull);
    // Also with zero rows (the clear path still validates the arrays).
    EXPECT_ERROR(quiver_database_update_time_series_group(db, "Item", "readings", id, nullptr, types, data, nullptr, 2, 0),
                 kNonNull);

    const char* null_name[] = {"date_time", nullptr};
    EXPECT_ERROR(quiver_database_update_time_series_group(db, "Item", "readings", id, null_name, types, data, nullptr, 2, 1),
                 "Cannot update_time_series_group: column_names[1] is null");

    EXPECT_ERROR(quiver_database_update_time_series_group(db, "Item", "nope", id, names, types, data, nullptr, 2, 1),
                 "Time series group not found: 'nope' in collection 'Item'");

    const char* no_dimension[] = {"measurement"};
    const int no_dimension_types[] = {QUIVER_DATA_TYPE_FLOAT};
    const void* no_dimension_data[] = {values};
    EXPECT_ERROR(quiver_database_update_time_series_group(db, "Item", "readings", id, no_dimension,
                                                          no_dimension_types, no_dimension_data, nullptr, 1, 1),
                 "Cannot update_time_series_group: dimension column 'date_time' missing from column_names");

    const char* unknown[] = {"date_time", "bogus"};
    EXPECT_ERROR(quiver_database_update_time_series_group(db, "Item", "readings", id, unknown, types, data, nullptr, 2, 1),
                 "Cannot update_time_series_group: column 'bogus' not found in group 'readings' for collection "
                 "'Item'");

    const int int_for_float[] = {QUIVER_DATA_TYPE_STRING, QUIVER_DATA_TYPE_INTEGER};
    EXPECT_ERROR(
        quiver_database_update_time_series_group(db, "Item", "readings", id, names, int_for_float, data, nullptr, 2, 1),
        "Cannot update_time_series_group: column 'measurement' has type FLOAT but received INTEGER");
    const int float_dimension[] = {QUIVER_DATA_TYPE_FLOAT, QUIVER_DATA_TYPE_FLOAT};
    EXPECT_ERROR(
        quiver_database_update_time_series_group(db, "Item", "readings", id, names, float_dimension, data, nullptr, 2, 1),
        "Cannot update_time_series_group: column 'date_time' has type STRING but received FLOAT");
    // A type code outside 0-4 is refused before the schema is consulted (api-additions 3.2 step 6);
    // code 4 (NULL) is a column without values and passes (test_c_columnar.cpp).
    const int unknown_type[] = {QUIVER_DATA_TYPE_STRING, 42};
    EXPECT_ERROR(
        quiver_database_update_time_series_group(db, "Item", "readings", id, names, unknown_type, data, nullptr, 2, 1),
        "Cannot update_time_series_group: unknown column type 42");
    const char* count_names[] = {"date_time", "count_value"};
    const int string_for_int[] = {QUIVER_DATA_TYPE_STRING, QUIVER_DATA_TYPE_STRING};
    EXPECT_ERROR(quiver_database_update_time_series_group(db, "Item", "readings", id, count_names, string_for_int,
                                                          data, nullptr, 2, 1),
                 "Cannot update_time_series_group: column 'count_value' has type INTEGER but received STRING");
    // A NULL column_data[i] is no longer an error but an all-NULL column (test_c_columnar.cpp).

    // Nothing was written by any of these.
    Columns c;
    ASSERT_OK(read(id, c));
    EXPECT_EQ(c.row_count, 0u);
}

TEST_F(CApiTimeSeries, CoreErrorsAreRelayed) {
    Columns c;
    EXPECT_ERROR(read(1, c, "nope"), "Time series group 'nope' not found for collection 'Item'");
    EXPECT_EQ(c.names, nullptr);

    // Writing rows for an element that does not exist fails on the foreign key.
    const char* names[] = {"date_time"};
    const int types[] = {QUIVER_DATA_TYPE_STRING};
    const char* dates[] = {"2024-01-01"};
    const void* data[] = {dates};
    EXPECT_ERROR(quiver_database_update_time_series_group(db, "Item", "readings", 999, names, types, data, nullptr, 1, 1),
                 "Failed to execute statement: FOREIGN KEY constraint failed");
    // Clearing a missing id is a no-op.
    EXPECT_OK(quiver_database_update_time_series_group(db, "Item", "readings", 999, nullptr, nullptr, nullptr, nullptr, 0, 0));
}

TEST_F(CApiTimeSeries, DimensionMissingInSchema) {
    quiver_database_t* other = nullptr;
    const auto options = quiet_options();
    ASSERT_OK(quiver_database_from_schema(scratch_db("nodim.db").c_str(),
                                          schema_path("issues/time_series_no_dimension.sql").c_str(), &options,
                                          &other));
    Columns c;
    EXPECT_ERROR(quiver_database_read_time_series_group(other, "Res", "nodate", 1, &c.names, &c.types, &c.data, &c.has_value,
                                                        &c.column_count, &c.row_count),
                 "Dimension column not found: time series table 'Res_time_series_nodate'");
    const char* names[] = {"step"};
    const int types[] = {QUIVER_DATA_TYPE_INTEGER};
    const int64_t steps[] = {1};
    const void* data[] = {steps};
    EXPECT_ERROR(quiver_database_update_time_series_group(other, "Res", "nodate", 1, names, types, data, nullptr, 1, 1),
                 "Dimension column not found: time series table 'Res_time_series_nodate'");
    quiver_database_close(other);
}

TEST_F(CApiTimeSeries, ArraysRouteIntoTimeSeries) {
    ElementHandle element;
    element.set("label", "i")
        .set("date_time", std::vector<const char*>{"2024-01-02", "2024-01-01"})
        .set("measurement", std::vector<double>{2.0, 1.0});
    const int64_t id = create("Item", element);
    Columns c;
    ASSERT_OK(read(id, c));
    ASSERT_EQ(c.row_count, 2u);
    EXPECT_STREQ(c.text(0, 0), "2024-01-01");
    EXPECT_DOUBLE_EQ(c.real(3, 0), 1.0);
}

TEST_F(CApiTimeSeries, GroupNullArguments) {
    Columns c;
    EXPECT_ERROR(quiver_database_read_time_series_group(nullptr, "Item", "readings", 1, &c.names, &c.types, &c.data, &c.has_value,
                                                        &c.column_count, &c.row_count),
                 "Null argument: db");
    EXPECT_ERROR(quiver_database_read_time_series_group(db, nullptr, "readings", 1, &c.names, &c.types, &c.data, &c.has_value,
                                                        &c.column_count, &c.row_count),
                 "Null argument: collection");
    EXPECT_ERROR(quiver_database_read_time_series_group(db, "Item", nullptr, 1, &c.names, &c.types, &c.data, &c.has_value,
                                                        &c.column_count, &c.row_count),
                 "Null argument: group");
    EXPECT_ERROR(quiver_database_read_time_series_group(db, "Item", "readings", 1, nullptr, &c.types, &c.data, &c.has_value,
                                                        &c.column_count, &c.row_count),
                 "Null argument: out_column_names");
    EXPECT_ERROR(quiver_database_read_time_series_group(db, "Item", "readings", 1, &c.names, nullptr, &c.data, &c.has_value,
                                                        &c.column_count, &c.row_count),
                 "Null argument: out_column_types");
    EXPECT_ERROR(quiver_database_read_time_series_group(db, "Item", "readings", 1, &c.names, &c.types, nullptr, &c.has_value,
                                                        &c.column_count, &c.row_count),
                 "Null argument: out_column_data");
    EXPECT_ERROR(quiver_database_read_time_series_group(db, "Item", "readings", 1, &c.names, &c.types, &c.data, &c.has_value,
                                                        nullptr, &c.row_count),
                 "Null argument: out_column_count");
    EXPECT_ERROR(quiver_database_read_time_series_group(db, "Item", "readings", 1, &c.names, &c.types, &c.data, &c.has_value,
                                                        &c.column_count, nullptr),
                 "Null argument: out_row_count");

    EXPECT_ERROR(quiver_database_update_time_series_group(nullptr, "Item", "readings", 1, nullptr, nullptr, nullptr, nullptr,
                                                          0, 0),
                 "Null argument: db");
    EXPECT_ERROR(
        quiver_database_update_time_series_group(db, nullptr, "readings", 1, nullptr, nullptr, nullptr, nullptr, 0, 0),
        "Null argument: collection");
    EXPECT_ERROR(quiver_database_update_time_series_group(db, "Item", nullptr, 1, nullptr, nullptr, nullptr, nullptr, 0, 0),
                 "Null argument: group");
}
