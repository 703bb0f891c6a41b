// C API: read_time_series_row with a presence mask (api-additions 4.2, D20),
// upsert_time_series_row (4.3, D19) and update_time_series_group_by_label (8).
#include "c_test_support.h"

#include <cmath>

using namespace quiver::c_test;

namespace {

// c_api_full.sql: Item_time_series_readings (date_time, count_value INTEGER, date_valid TEXT,
// measurement REAL, note TEXT), primary key (id, date_time).
class CApiTimeSeriesRow : public CApiTest {
protected:
    void SetUp() override {
        CApiTest::SetUp();
        a_ = create_item("A");
        b_ = create_item("B");
        // A: 2024-01-01 {count 1, measurement 1.5, note "one"}, 2024-01-02 {count NULL, measurement NULL}.
        const char* names[] = {"date_time", "count_value", "measurement", "note"};
        const int types[] = {QUIVER_DATA_TYPE_STRING, QUIVER_DATA_TYPE_INTEGER, QUIVER_DATA_TYPE_FLOAT,
                             QUIVER_DATA_TYPE_STRING};
        const char* dates[] = {"2024-01-01", "2024-01-02"};
        const int64_t counts[] = {1, 0};
        const double measurements[] = {1.5, 0.0};
        const char* notes[] = {"one", nullptr};
        const uint8_t present_first[] = {1, 0};
        const uint8_t* masks[] = {nullptr, present_first, present_first, nullptr};
        const void* data[] = {dates, counts, measurements, notes};
        EXPECT_OK(quiver_database_update_time_series_group(db, "Item", "readings", a_, names, types, data, masks, 4, 2));
    }

    // One upsert of date_time + one further column.
    template <typename T>
    quiver_error_t upsert(int64_t id, const char* date, const char* column, int type, const T* value) {
        const char* names[] = {"date_time", column};
        const int types[] = {QUIVER_DATA_TYPE_STRING, type};
        const void* data[] = {&date, value};
        return quiver_database_upsert_time_series_row(db, "Item", "readings", id, names, types, data, 2);
    }

    struct RowResult {
        int type = -1;
        void* values = nullptr;
        uint8_t* has_value = nullptr;
        size_t count = 0;
        ~RowResult() {
            if (!values) return;
            if (type == QUIVER_DATA_TYPE_INTEGER) quiver_database_free_integer_array(static_cast<int64_t*>(values));
            if (type == QUIVER_DATA_TYPE_FLOAT) quiver_database_free_float_array(static_cast<double*>(values));
            if (type == QUIVER_DATA_TYPE_STRING || type == QUIVER_DATA_TYPE_DATE_TIME) {
                quiver_database_free_string_array(static_cast<char**>(values), count);
            }
            quiver_database_free_mask(has_value);
        }
    };
    quiver_error_t row_at(const char* attribute, const char* date, RowResult& out) {
        return quiver_database_read_time_series_row(db, "Item", "readings", attribute, date, &out.type, &out.values,
                                                    &out.has_value, &out.count);
    }

    int64_t a_ = 0, b_ = 0;
};

}  // namespace

// --------------------------------------------------------------------------------------------
// read_time_series_row

TEST_F(CApiTimeSeriesRow, FloatRowWithMaskAndNaNPlaceholder) {
    RowResult r;
    ASSERT_OK(row_at("measurement", "2024-01-02T12:00:00", r));
    EXPECT_EQ(r.type, QUIVER_DATA_TYPE_FLOAT);
    ASSERT_EQ(r.count, 2u);
    const auto* values = static_cast<double*>(r.values);
    EXPECT_EQ(values[0], 1.5);  // 2024-01-02 is NULL: the last non-NULL value before it
    EXPECT_EQ(r.has_value[0], 1);
    EXPECT_EQ(r.has_value[1], 0);  // B has no rows
    EXPECT_TRUE(std::isnan(values[1]));
}

TEST_F(CApiTimeSeriesRow, IntegerAndStringRows) {
    RowResult ints;
    ASSERT_OK(row_at("count_value", "2024-01-05", ints));
    EXPECT_EQ(ints.type, QUIVER_DATA_TYPE_INTEGER);
    ASSERT_EQ(ints.count, 2u);
    EXPECT_EQ(static_cast<int64_t*>(ints.values)[0], 1);
    EXPECT_EQ(ints.has_value[0], 1);
    EXPECT_EQ(static_cast<int64_t*>(ints.values)[1], 0);  // an INTEGER NULL is told apart by the mask
    EXPECT_EQ(ints.has_value[1], 0);
    RowResult notes;
    ASSERT_OK(row_at("note", "2024-01-05", notes));
    EXPECT_EQ(notes.type, QUIVER_DATA_TYPE_STRING);
    EXPECT_STREQ(static_cast<char**>(notes.values)[0], "one");
    EXPECT_EQ(static_cast<char**>(notes.values)[1], nullptr);
    RowResult dates;
    ASSERT_OK(row_at("date_valid", "2024-01-05", dates));
    EXPECT_EQ(dates.type, QUIVER_DATA_TYPE_DATE_TIME);
    EXPECT_EQ(dates.has_value[0], 0);
}

TEST(CApiTimeSeriesRowEmpty, EmptyCollectionGivesNullArrays) {
    const auto options = quiet_options();
    quiver_database_t* db = nullptr;
    ASSERT_OK(quiver_database_from_schema(":memory:", schema_path(kFixture).c_str(), &options, &db));
    int type = -1;
    void* values = reinterpret_cast<void*>(0x1);
    uint8_t* mask = reinterpret_cast<uint8_t*>(0x1);
    size_t count = 9;
    ASSERT_OK(quiver_database_read_time_series_row(db, "Item", "readings", "measurement", "2024-01-01", &type, &values,
                                                   &mask, &count));
    EXPECT_EQ(type, QUIVER_DATA_TYPE_FLOAT);
    EXPECT_EQ(values, nullptr);
    EXPECT_EQ(mask, nullptr);
    EXPECT_EQ(count, 0u);
    quiver_database_close(db);
}

TEST_F(CApiTimeSeriesRow, ReadErrors) {
    int type = -1;
    void* values = nullptr;
    uint8_t* mask = nullptr;
    size_t count = 0;
    auto read = [&](quiver_database_t* d, const char* c, const char* g, const char* a, const char* dt, int* t, void** v,
                    uint8_t** m, size_t* n) { return quiver_database_read_time_series_row(d, c, g, a, dt, t, v, m, n); };
    EXPECT_ERROR(read(nullptr, "Item", "readings", "note", "2024-01-01", &type, &values, &mask, &count), "Null argument: db");
    EXPECT_ERROR(read(db, nullptr, "readings", "note", "2024-01-01", &type, &values, &mask, &count), "Null argument: collection");
    EXPECT_ERROR(read(db, "Item", nullptr, "note", "2024-01-01", &type, &values, &mask, &count), "Null argument: group");
    EXPECT_ERROR(read(db, "Item", "readings", nullptr, "2024-01-01", &type, &values, &mask, &count), "Null argument: attribute");
    EXPECT_ERROR(read(db, "Item", "readings", "note", nullptr, &type, &values, &mask, &count), "Null argument: date_time");
    EXPECT_ERROR(read(db, "Item", "readings", "note", "2024-01-01", nullptr, &values, &mask, &count), "Null argument: out_data_type");
    EXPECT_ERROR(read(db, "Item", "readings", "note", "2024-01-01", &type, nullptr, &mask, &count), "Null argument: out_values");
    EXPECT_ERROR(read(db, "Item", "readings", "note", "2024-01-01", &type, &values, nullptr, &count), "Null argument: out_has_value");
    EXPECT_ERROR(read(db, "Item", "readings", "note", "2024-01-01", &type, &values, &mask, nullptr), "Null argument: out_count");
    EXPECT_ERROR(read(db, "Item", "readings", "note", "01/02/2024", &type, &values, &mask, &count),
                 "Cannot read_time_series_row: invalid date-time '01/02/2024' for argument 'date_time': expected YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS");
    EXPECT_ERROR(read(db, "Item", "readings", "date_time", "2024-01-01", &type, &values, &mask, &count),
                 "Time series attribute not found: 'date_time' in group 'readings' of collection 'Item'");
    EXPECT_ERROR(read(db, "Item", "nope", "note", "2024-01-01", &type, &values, &mask, &count),
                 "Time series group 'nope' not found for collection 'Item'");
    EXPECT_ERROR(read(db, "Nope", "readings", "note", "2024-01-01", &type, &values, &mask, &count),
                 "Cannot read_time_series_row: collection not found: Nope");
    EXPECT_EQ(type, -1);  // nothing written on failure
    EXPECT_EQ(values, nullptr);
}

// --------------------------------------------------------------------------------------------
// upsert_time_series_row

TEST_F(CApiTimeSeriesRow, UpsertUpdatesOnlyTheNamedColumns) {
    const double m = 9.5;
    ASSERT_OK(upsert(a_, "2024-01-01", "measurement", QUIVER_DATA_TYPE_FLOAT, &m));
    RowResult counts;
    ASSERT_OK(row_at("count_value", "2024-01-01", counts));
    EXPECT_EQ(static_cast<int64_t*>(counts.values)[0], 1);  // kept (D19)
    RowResult measurements;
    ASSERT_OK(row_at("measurement", "2024-01-01", measurements));
    EXPECT_EQ(static_cast<double*>(measurements.values)[0], 9.5);
    // Type code 4 sets NULL; so does a NULL char*.
    ASSERT_OK(upsert(a_, "2024-01-01", "count_value", QUIVER_DATA_TYPE_NULL, static_cast<const int64_t*>(nullptr)));
    const char* no_note = nullptr;
    ASSERT_OK(upsert(a_, "2024-01-01", "note", QUIVER_DATA_TYPE_STRING, &no_note));
    RowResult after;
    ASSERT_OK(row_at("note", "2024-01-01", after));
    EXPECT_EQ(after.has_value[0], 0);
    RowResult count_after;
    ASSERT_OK(row_at("count_value", "2024-01-01", count_after));
    EXPECT_EQ(count_after.has_value[0], 0);
}

TEST_F(CApiTimeSeriesRow, UpsertInsertsAndLabelForm) {
    const int64_t count = 7;
    ASSERT_OK(upsert(b_, "2024-01-03", "count_value", QUIVER_DATA_TYPE_INTEGER, &count));
    const char* names[] = {"date_time", "note"};
    const int types[] = {QUIVER_DATA_TYPE_DATE_TIME, QUIVER_DATA_TYPE_STRING};
    const char* date = "2024-01-03";
    const char* note = "by label";
    const void* data[] = {&date, &note};
    ASSERT_OK(quiver_database_upsert_time_series_row_by_label(db, "Item", "readings", "B", names, types, data, 2));
    RowResult r;
    ASSERT_OK(row_at("note", "2024-01-03", r));
    EXPECT_STREQ(static_cast<char**>(r.values)[1], "by label");
    RowResult c;
    ASSERT_OK(row_at("count_value", "2024-01-03", c));
    EXPECT_EQ(static_cast<int64_t*>(c.values)[1], 7);
}

TEST_F(CApiTimeSeriesRow, UpsertErrorsChangeNothing) {
    const char* date = "2024-01-01";
    const double m = 2.0;
    const char* names[] = {"date_time", "measurement"};
    const int types[] = {QUIVER_DATA_TYPE_STRING, QUIVER_DATA_TYPE_FLOAT};
    const void* data[] = {&date, &m};
    const char* null_name[] = {"date_time", nullptr};
    const void* null_data[] = {&date, nullptr};
    const int bad_types[] = {QUIVER_DATA_TYPE_STRING, 9};
    const char* twice[] = {"date_time", "date_time"};
    const void* two_dates[] = {&date, &date};
    const int two_strings[] = {QUIVER_DATA_TYPE_STRING, QUIVER_DATA_TYPE_STRING};
    const char* bad_date = "2024-02-30";
    const void* bad_date_data[] = {&bad_date, &m};
    const int wrong_types[] = {QUIVER_DATA_TYPE_STRING, QUIVER_DATA_TYPE_STRING};
    const char* text = "x";
    const void* wrong_data[] = {&date, &text};
    for (int mode = 0; mode < 2; ++mode) {
        if (mode == 1) {
            ASSERT_OK(quiver_database_begin_transaction(db));
        }
        EXPECT_C_FAILS_UNCHANGED(db, quiver_database_upsert_time_series_row(nullptr, "Item", "readings", a_, names, types, data, 2), "Null argument: db");
        EXPECT_C_FAILS_UNCHANGED(db, quiver_database_upsert_time_series_row(db, nullptr, "readings", a_, names, types, data, 2), "Null argument: collection");
        EXPECT_C_FAILS_UNCHANGED(db, quiver_database_upsert_time_series_row(db, "Item", nullptr, a_, names, types, data, 2), "Null argument: group");
        EXPECT_C_FAILS_UNCHANGED(db, quiver_database_upsert_time_series_row_by_label(db, "Item", "readings", nullptr, names, types, data, 2), "Null argument: label");
        EXPECT_C_FAILS_UNCHANGED(db, quiver_database_upsert_time_series_row(db, "Item", "readings", a_, names, nullptr, data, 2),
                                 "Cannot upsert_time_series_row: column_names, column_types, and column_data must be non-null when column_count > 0");
        EXPECT_C_FAILS_UNCHANGED(db, quiver_database_upsert_time_series_row(db, "Item", "readings", a_, null_name, types, data, 2),
                                 "Cannot upsert_time_series_row: column_names[1] is null");
        EXPECT_C_FAILS_UNCHANGED(db, quiver_database_upsert_time_series_row(db, "Item", "readings", a_, names, types, null_data, 2),
                                 "Cannot upsert_time_series_row: column_data[1] is null");
        EXPECT_C_FAILS_UNCHANGED(db, quiver_database_upsert_time_series_row(db, "Item", "readings", a_, names, bad_types, data, 2),
                                 "Cannot upsert_time_series_row: unknown column type 9");
        EXPECT_C_FAILS_UNCHANGED(db, quiver_database_upsert_time_series_row(db, "Item", "readings", a_, twice, two_strings, two_dates, 2),
                                 "Cannot upsert_time_series_row: column 'date_time' given more than once");
        // No columns: the core finds the key missing.
        EXPECT_C_FAILS_UNCHANGED(db, quiver_database_upsert_time_series_row(db, "Item", "readings", a_, nullptr, nullptr, nullptr, 0),
                                 "Cannot upsert_time_series_row: row missing required 'date_time' column");
        EXPECT_C_FAILS_UNCHANGED(db, quiver_database_upsert_time_series_row(db, "Item", "readings", 999, names, types, data, 2),
                                 "Element not found: 999 in collection 'Item'");
        EXPECT_C_FAILS_UNCHANGED(db, quiver_database_upsert_time_series_row_by_label(db, "Item", "readings", "Nope", names, types, data, 2),
                                 "Element not found: label 'Nope' in collection 'Item'");
        EXPECT_C_FAILS_UNCHANGED(db, quiver_database_upsert_time_series_row(db, "Item", "readings", a_, names, wrong_types, wrong_data, 2),
                                 "Cannot upsert_time_series_row: type mismatch for column 'measurement': expected REAL, got TEXT");
        EXPECT_C_FAILS_UNCHANGED(db, quiver_database_upsert_time_series_row(db, "Item", "readings", a_, names, types, bad_date_data, 2),
                                 "Cannot upsert_time_series_row: invalid date-time '2024-02-30' for column 'date_time': expected YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS");
        if (mode == 1) {
            EXPECT_TRUE(in_transaction(db));
            ASSERT_OK(quiver_database_rollback(db));
        }
    }
}

// --------------------------------------------------------------------------------------------
// update_time_series_group_by_label

TEST_F(CApiTimeSeriesRow, UpdateTimeSeriesGroupByLabel) {
    const char* names[] = {"date_time", "measurement"};
    const int types[] = {QUIVER_DATA_TYPE_STRING, QUIVER_DATA_TYPE_FLOAT};
    const char* dates[] = {"2024-03-01"};
    const double values[] = {3.0};
    const void* data[] = {dates, values};
    ASSERT_OK(quiver_database_update_time_series_group_by_label(db, "Item", "readings", "B", names, types, data, nullptr, 2, 1));
    RowResult r;
    ASSERT_OK(row_at("measurement", "2024-03-01", r));
    EXPECT_EQ(static_cast<double*>(r.values)[1], 3.0);
    EXPECT_C_FAILS_UNCHANGED(db, quiver_database_update_time_series_group_by_label(db, "Item", "readings", "Nope", names, types, data, nullptr, 2, 1),
                             "Element not found: label 'Nope' in collection 'Item'");
    EXPECT_C_FAILS_UNCHANGED(db, quiver_database_update_time_series_group_by_label(db, "Item", "readings", nullptr, names, types, data, nullptr, 2, 1),
                             "Null argument: label");
    EXPECT_C_FAILS_UNCHANGED(db, quiver_database_update_time_series_group_by_label(db, "Item", "readings", "B", names, types, data, nullptr, 2, 0),
                             "Cannot update_time_series_group: columns [date_time, measurement] contain no rows; pass no columns to clear the group");
    // Clearing by label.
    ASSERT_OK(quiver_database_update_time_series_group_by_label(db, "Item", "readings", "A", nullptr, nullptr, nullptr, nullptr, 0, 0));
    RowResult cleared;
    ASSERT_OK(row_at("measurement", "2024-03-01", cleared));
    EXPECT_EQ(cleared.has_value[0], 0);
}
