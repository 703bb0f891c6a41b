// Time series: columnar group read/update (semantics 7.4) and the time-series files table.
#include "c_test_support.h"

using namespace quiver::c_test;

namespace {

// A columnar read result, released on destruction.
struct Columns {
    char** names = nullptr;
    int* types = nullptr;
    void** data = nullptr;
    size_t column_count = 0;
    size_t row_count = 0;

    ~Columns() {
        if (names || data) {
            EXPECT_OK(quiver_database_free_time_series_data(names, types, data, column_count, row_count));
        }
    }
    int64_t integer(size_t column, size_t row) const { return static_cast<int64_t*>(data[column])[row]; }
    double real(size_t column, size_t row) const { return static_cast<double*>(data[column])[row]; }
    const char* text(size_t column, size_t row) const { return static_cast<char**>(data[column])[row]; }
};

class CApiTimeSeries : public CApiTest {
protected:
    quiver_error_t read(int64_t id, Columns& out, const char* group = "readings") {
        return quiver_database_read_time_series_group(db, "Item", group, id, &out.names, &out.types, &out.data,
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
        ASSERT_OK(quiver_database_update_time_series_group(db, "Item", "readings", id, names, types, data, 5, 3));
    }
};

}  // namespace

TEST_F(CApiTimeSeries, ReadEmptyGivesNullPointersAndZeroCounts) {
    const int64_t id = create_item("i");
    char** names = reinterpret_cast<char**>(0x1);
    int* types = reinterpret_cast<int*>(0x1);
    void** data = reinterpret_cast<void**>(0x1);
    size_t columns = 9;
    size_t rows = 9;
    ASSERT_OK(quiver_database_read_time_series_group(db, "Item", "readings", id, &names, &types, &data, &columns,
                                                     &rows));
    EXPECT_EQ(names, nullptr);
    EXPECT_EQ(types, nullptr);
    EXPECT_EQ(data, nullptr);
    EXPECT_EQ(columns, 0u);
    EXPECT_EQ(rows, 0u);
    // A missing id is also empty.
    columns = 9;
    ASSERT_OK(quiver_database_read_time_series_group(db, "Item", "readings", 999, &names, &types, &data, &columns,
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
    EXPECT_STREQ(c.text(2, 2), "2025-01-03");
    EXPECT_DOUBLE_EQ(c.real(3, 0), 1.5);
    EXPECT_DOUBLE_EQ(c.real(3, 2), 3.5);
    EXPECT_STREQ(c.text(4, 0), "first");
    EXPECT_EQ(c.text(4, 1), nullptr);
    EXPECT_STREQ(c.text(4, 2), "third");
}

TEST_F(CApiTimeSeries, UnlistedColumnsBecomeNullReadAsZero) {
    const int64_t id = create_item("i");
    const char* names[] = {"measurement", "date_time"};  // any order
    const int types[] = {QUIVER_DATA_TYPE_FLOAT, QUIVER_DATA_TYPE_DATE_TIME};  // DATE_TIME == STRING here
    const char* dates[] = {"2024-01-01", "2024-01-02"};
    const double values[] = {10.0, 20.0};
    const void* data[] = {values, dates};
    ASSERT_OK(quiver_database_update_time_series_group(db, "Item", "readings", id, names, types, data, 2, 2));

    Columns c;
    ASSERT_OK(read(id, c));
    ASSERT_EQ(c.column_count, 5u);
    ASSERT_EQ(c.row_count, 2u);
    EXPECT_EQ(c.integer(1, 0), 0);     // NULL INTEGER -> 0
    EXPECT_EQ(c.text(2, 0), nullptr);  // NULL DATE_TIME -> NULL
    EXPECT_DOUBLE_EQ(c.real(3, 1), 20.0);
    EXPECT_EQ(c.text(4, 1), nullptr);  // NULL STRING -> NULL
}

TEST_F(CApiTimeSeries, UpdateReplacesAllRows) {
    const int64_t id = create_item("i");
    write_full(id);
    const char* names[] = {"date_time"};
    const int types[] = {QUIVER_DATA_TYPE_STRING};
    const char* dates[] = {"2030-01-01"};
    const void* data[] = {dates};
    ASSERT_OK(quiver_database_update_time_series_group(db, "Item", "readings", id, names, types, data, 1, 1));
    Columns c;
    ASSERT_OK(read(id, c));
    ASSERT_EQ(c.row_count, 1u);
    EXPECT_STREQ(c.text(0, 0), "2030-01-01");
}

TEST_F(CApiTimeSeries, ClearWithZeroCounts) {
    const int64_t id = create_item("i");
    write_full(id);
    ASSERT_OK(quiver_database_update_time_series_group(db, "Item", "readings", id, nullptr, nullptr, nullptr, 0, 0));
    Columns c;
    ASSERT_OK(read(id, c));
    EXPECT_EQ(c.row_count, 0u);
    EXPECT_EQ(c.names, nullptr);
}

TEST_F(CApiTimeSeries, ClearWithColumnsAndZeroRows) {
    const int64_t id = create_item("i");
    write_full(id);
    const char* names[] = {"date_time"};
    const int types[] = {QUIVER_DATA_TYPE_STRING};
    const void* data[] = {nullptr};  // not read when row_count == 0
    ASSERT_OK(quiver_database_update_time_series_group(db, "Item", "readings", id, names, types, data, 1, 0));
    Columns c;
    ASSERT_OK(read(id, c));
    EXPECT_EQ(c.row_count, 0u);
}

TEST_F(CApiTimeSeries, OtherElementsAreUntouched) {
    const int64_t a = create_item("a");
    const int64_t b = create_item("b");
    write_full(a);
    write_full(b);
    ASSERT_OK(quiver_database_update_time_series_group(db, "Item", "readings", a, nullptr, nullptr, nullptr, 0, 0));
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

    EXPECT_ERROR(quiver_database_update_time_series_group(db, "Item", "readings", id, names, types, data, 0, 1),
                 "Cannot update_time_series_group: column_count must be > 0 when row_count > 0");
    const char* const kNonNull =
        "Cannot update_time_series_group: column_names, column_types, and column_data must be non-null when "
        "column_count > 0";
    EXPECT_ERROR(quiver_database_update_time_series_group(db, "Item", "readings", id, nullptr, types, data, 2, 1),
                 kNonNull);
    EXPECT_ERROR(quiver_database_update_time_series_group(db, "Item", "readings", id, names, nullptr, data, 2, 1),
                 kNonNull);
    EXPECT_ERROR(quiver_database_update_time_series_group(db, "Item", "readings", id, names, types, nullptr, 2, 1),
                 kNonNull);
    // Also with zero rows (the clear path still validates the arrays).
    EXPECT_ERROR(quiver_database_update_time_series_group(db, "Item", "readings", id, nullptr, types, data, 2, 0),
                 kNonNull);

    const char* null_name[] = {"date_time", nullptr};
    EXPECT_ERROR(quiver_database_update_time_series_group(db, "Item", "readings", id, null_name, types, data, 2, 1),
                 "Cannot update_time_series_group: column_names[1] is null");

    EXPECT_ERROR(quiver_database_update_time_series_group(db, "Item", "nope", id, names, types, data, 2, 1),
                 "Time series group not found: 'nope' in collection 'Item'");

    const char* no_dimension[] = {"measurement"};
    const int no_dimension_types[] = {QUIVER_DATA_TYPE_FLOAT};
    const void* no_dimension_data[] = {values};
    EXPECT_ERROR(quiver_database_update_time_series_group(db, "Item", "readings", id, no_dimension,
                                                          no_dimension_types, no_dimension_data, 1, 1),
                 "Cannot update_time_series_group: dimension column 'date_time' missing from column_names");

    const char* unknown[] = {"date_time", "bogus"};
    EXPECT_ERROR(quiver_database_update_time_series_group(db, "Item", "readings", id, unknown, types, data, 2, 1),
                 "Cannot update_time_series_group: column 'bogus' not found in group 'readings' for collection "
                 "'Item'");

    const int int_for_float[] = {QUIVER_DATA_TYPE_STRING, QUIVER_DATA_TYPE_INTEGER};
    EXPECT_ERROR(
        quiver_database_update_time_series_group(db, "Item", "readings", id, names, int_for_float, data, 2, 1),
        "Cannot update_time_series_group: column 'measurement' has type FLOAT but received INTEGER");
    const int float_dimension[] = {QUIVER_DATA_TYPE_FLOAT, QUIVER_DATA_TYPE_FLOAT};
    EXPECT_ERROR(
        quiver_database_update_time_series_group(db, "Item", "readings", id, names, float_dimension, data, 2, 1),
        "Cannot update_time_series_group: column 'date_time' has type STRING but received FLOAT");
    const int unknown_type[] = {QUIVER_DATA_TYPE_STRING, 42};
    EXPECT_ERROR(
        quiver_database_update_time_series_group(db, "Item", "readings", id, names, unknown_type, data, 2, 1),
        "Cannot update_time_series_group: column 'measurement' has type FLOAT but received UNKNOWN");
    const int null_type[] = {QUIVER_DATA_TYPE_STRING, QUIVER_DATA_TYPE_NULL};
    EXPECT_ERROR(quiver_database_update_time_series_group(db, "Item", "readings", id, names, null_type, data, 2, 1),
                 "Cannot update_time_series_group: column 'measurement' has type FLOAT but received UNKNOWN");
    const char* count_names[] = {"date_time", "count_value"};
    const int string_for_int[] = {QUIVER_DATA_TYPE_STRING, QUIVER_DATA_TYPE_STRING};
    EXPECT_ERROR(quiver_database_update_time_series_group(db, "Item", "readings", id, count_names, string_for_int,
                                                          data, 2, 1),
                 "Cannot update_time_series_group: column 'count_value' has type INTEGER but received STRING");

    const void* null_column[] = {dates, nullptr};
    EXPECT_ERROR(
        quiver_database_update_time_series_group(db, "Item", "readings", id, names, types, null_column, 2, 1),
        "Cannot update_time_series_group: column_data[1] is null");

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
    EXPECT_ERROR(quiver_database_update_time_series_group(db, "Item", "readings", 999, names, types, data, 1, 1),
                 "Failed to execute statement: FOREIGN KEY constraint failed");
    // Clearing a missing id is a no-op.
    EXPECT_OK(quiver_database_update_time_series_group(db, "Item", "readings", 999, nullptr, nullptr, nullptr, 0, 0));
}

TEST_F(CApiTimeSeries, DimensionMissingInSchema) {
    quiver_database_t* other = nullptr;
    const auto options = quiet_options();
    ASSERT_OK(quiver_database_from_schema(scratch_db("nodim.db").c_str(),
                                          schema_path("issues/time_series_no_dimension.sql").c_str(), &options,
                                          &other));
    Columns c;
    EXPECT_ERROR(quiver_database_read_time_series_group(other, "Res", "nodate", 1, &c.names, &c.types, &c.data,
                                                        &c.column_count, &c.row_count),
                 "Dimension column not found: time series table 'Res_time_series_nodate'");
    const char* names[] = {"step"};
    const int types[] = {QUIVER_DATA_TYPE_INTEGER};
    const int64_t steps[] = {1};
    const void* data[] = {steps};
    EXPECT_ERROR(quiver_database_update_time_series_group(other, "Res", "nodate", 1, names, types, data, 1, 1),
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
    EXPECT_ERROR(quiver_database_read_time_series_group(nullptr, "Item", "readings", 1, &c.names, &c.types, &c.data,
                                                        &c.column_count, &c.row_count),
                 "Null argument: db");
    EXPECT_ERROR(quiver_database_read_time_series_group(db, nullptr, "readings", 1, &c.names, &c.types, &c.data,
                                                        &c.column_count, &c.row_count),
                 "Null argument: collection");
    EXPECT_ERROR(quiver_database_read_time_series_group(db, "Item", nullptr, 1, &c.names, &c.types, &c.data,
                                                        &c.column_count, &c.row_count),
                 "Null argument: group");
    EXPECT_ERROR(quiver_database_read_time_series_group(db, "Item", "readings", 1, nullptr, &c.types, &c.data,
                                                        &c.column_count, &c.row_count),
                 "Null argument: out_column_names");
    EXPECT_ERROR(quiver_database_read_time_series_group(db, "Item", "readings", 1, &c.names, nullptr, &c.data,
                                                        &c.column_count, &c.row_count),
                 "Null argument: out_column_types");
    EXPECT_ERROR(quiver_database_read_time_series_group(db, "Item", "readings", 1, &c.names, &c.types, nullptr,
                                                        &c.column_count, &c.row_count),
                 "Null argument: out_column_data");
    EXPECT_ERROR(quiver_database_read_time_series_group(db, "Item", "readings", 1, &c.names, &c.types, &c.data,
                                                        nullptr, &c.row_count),
                 "Null argument: out_column_count");
    EXPECT_ERROR(quiver_database_read_time_series_group(db, "Item", "readings", 1, &c.names, &c.types, &c.data,
                                                        &c.column_count, nullptr),
                 "Null argument: out_row_count");

    EXPECT_ERROR(quiver_database_update_time_series_group(nullptr, "Item", "readings", 1, nullptr, nullptr, nullptr,
                                                          0, 0),
                 "Null argument: db");
    EXPECT_ERROR(
        quiver_database_update_time_series_group(db, nullptr, "readings", 1, nullptr, nullptr, nullptr, 0, 0),
        "Null argument: collection");
    EXPECT_ERROR(quiver_database_update_time_series_group(db, "Item", nullptr, 1, nullptr, nullptr, nullptr, 0, 0),
                 "Null argument: group");
}

TEST_F(CApiTimeSeries, HasTimeSeriesFiles) {
    int result = -1;
    ASSERT_OK(quiver_database_has_time_series_files(db, "Item", &result));
    EXPECT_EQ(result, 1);
    ASSERT_OK(quiver_database_has_time_series_files(db, "Owner", &result));
    EXPECT_EQ(result, 0);
    result = -1;
    EXPECT_ERROR(quiver_database_has_time_series_files(db, "Nope", &result),
                 "Cannot has_time_series_files: collection not found: Nope");
    EXPECT_EQ(result, -1);
}

TEST_F(CApiTimeSeries, ListTimeSeriesFilesColumns) {
    char** columns = nullptr;
    size_t count = 0;
    ASSERT_OK(quiver_database_list_time_series_files_columns(db, "Item", &columns, &count));
    ASSERT_EQ(count, 2u);
    EXPECT_STREQ(columns[0], "demand");
    EXPECT_STREQ(columns[1], "inflow");
    EXPECT_OK(quiver_database_free_string_array(columns, count));
    EXPECT_ERROR(quiver_database_list_time_series_files_columns(db, "Owner", &columns, &count),
                 "Time series files table not found: Owner_time_series_files");
}

TEST_F(CApiTimeSeries, ReadFilesBeforeAnyWriteHasNullPaths) {
    char** columns = nullptr;
    char** paths = nullptr;
    size_t count = 0;
    ASSERT_OK(quiver_database_read_time_series_files(db, "Item", &columns, &paths, &count));
    ASSERT_EQ(count, 2u);
    EXPECT_STREQ(columns[0], "demand");
    EXPECT_STREQ(columns[1], "inflow");
    EXPECT_EQ(paths[0], nullptr);
    EXPECT_EQ(paths[1], nullptr);
    EXPECT_OK(quiver_database_free_time_series_files(columns, paths, count));
}

TEST_F(CApiTimeSeries, UpdateAndReadFiles) {
    const char* columns_in[] = {"inflow", "demand"};
    const char* paths_in[] = {"  /data/inflow.csv ", nullptr};
    ASSERT_OK(quiver_database_update_time_series_files(db, "Item", columns_in, paths_in, 2));
    char** columns = nullptr;
    char** paths = nullptr;
    size_t count = 0;
    ASSERT_OK(quiver_database_read_time_series_files(db, "Item", &columns, &paths, &count));
    ASSERT_EQ(count, 2u);
    EXPECT_STREQ(columns[0], "demand");
    EXPECT_EQ(paths[0], nullptr);
    EXPECT_STREQ(columns[1], "inflow");
    EXPECT_STREQ(paths[1], "/data/inflow.csv");  // trimmed
    quiver_database_free_time_series_files(columns, paths, count);

    // Rewriting with only one column sets the others to NULL.
    const char* only_demand[] = {"demand"};
    const char* demand_path[] = {"d.csv"};
    ASSERT_OK(quiver_database_update_time_series_files(db, "Item", only_demand, demand_path, 1));
    ASSERT_OK(quiver_database_read_time_series_files(db, "Item", &columns, &paths, &count));
    EXPECT_STREQ(paths[0], "d.csv");
    EXPECT_EQ(paths[1], nullptr);
    quiver_database_free_time_series_files(columns, paths, count);

    // count == 0 is a no-op (NULL arrays allowed).
    ASSERT_OK(quiver_database_update_time_series_files(db, "Item", nullptr, nullptr, 0));
    ASSERT_OK(quiver_database_read_time_series_files(db, "Item", &columns, &paths, &count));
    EXPECT_STREQ(paths[0], "d.csv");
    quiver_database_free_time_series_files(columns, paths, count);
}

TEST_F(CApiTimeSeries, UpdateFilesErrors) {
    const char* columns[] = {"inflow"};
    const char* paths[] = {"x"};
    EXPECT_ERROR(quiver_database_update_time_series_files(db, "Item", nullptr, paths, 1),
                 "Cannot update_time_series_files: Null columns or paths with non-zero count");
    EXPECT_ERROR(quiver_database_update_time_series_files(db, "Item", columns, nullptr, 1),
                 "Cannot update_time_series_files: Null columns or paths with non-zero count");
    const char* null_column[] = {"inflow", nullptr};
    const char* two_paths[] = {"a", "b"};
    EXPECT_ERROR(quiver_database_update_time_series_files(db, "Item", null_column, two_paths, 2),
                 "Cannot update_time_series_files: Null column name at index 1");
    const char* unknown[] = {"bogus"};
    EXPECT_ERROR(quiver_database_update_time_series_files(db, "Item", unknown, paths, 1),
                 "Cannot update_time_series_files: column 'bogus' not found in table 'Item_time_series_files'");
    EXPECT_ERROR(quiver_database_update_time_series_files(db, "Owner", columns, paths, 1),
                 "Time series files table not found for collection 'Owner'");
    char** out_columns = nullptr;
    char** out_paths = nullptr;
    size_t count = 0;
    EXPECT_ERROR(quiver_database_read_time_series_files(db, "Owner", &out_columns, &out_paths, &count),
                 "Time series files table not found for collection 'Owner'");
    EXPECT_EQ(out_columns, nullptr);
}

TEST_F(CApiTimeSeries, FilesNullArguments) {
    int result = 0;
    char** columns = nullptr;
    char** paths = nullptr;
    size_t count = 0;
    EXPECT_ERROR(quiver_database_has_time_series_files(nullptr, "Item", &result), "Null argument: db");
    EXPECT_ERROR(quiver_database_has_time_series_files(db, nullptr, &result), "Null argument: collection");
    EXPECT_ERROR(quiver_database_has_time_series_files(db, "Item", nullptr), "Null argument: out_result");
    EXPECT_ERROR(quiver_database_list_time_series_files_columns(nullptr, "Item", &columns, &count),
                 "Null argument: db");
    EXPECT_ERROR(quiver_database_list_time_series_files_columns(db, nullptr, &columns, &count),
                 "Null argument: collection");
    EXPECT_ERROR(quiver_database_list_time_series_files_columns(db, "Item", nullptr, &count),
                 "Null argument: out_columns");
    EXPECT_ERROR(quiver_database_list_time_series_files_columns(db, "Item", &columns, nullptr),
                 "Null argument: out_count");
    EXPECT_ERROR(quiver_database_read_time_series_files(nullptr, "Item", &columns, &paths, &count),
                 "Null argument: db");
    EXPECT_ERROR(quiver_database_read_time_series_files(db, nullptr, &columns, &paths, &count),
                 "Null argument: collection");
    EXPECT_ERROR(quiver_database_read_time_series_files(db, "Item", nullptr, &paths, &count),
                 "Null argument: out_columns");
    EXPECT_ERROR(quiver_database_read_time_series_files(db, "Item", &columns, nullptr, &count),
                 "Null argument: out_paths");
    EXPECT_ERROR(quiver_database_read_time_series_files(db, "Item", &columns, &paths, nullptr),
                 "Null argument: out_count");
    EXPECT_ERROR(quiver_database_update_time_series_files(nullptr, "Item", nullptr, nullptr, 0), "Null argument: db");
    EXPECT_ERROR(quiver_database_update_time_series_files(db, nullptr, nullptr, nullptr, 0),
                 "Null argument: collection");
}
