// The columnar group contract of the C API (api-additions 3.2, 4.1) through the time-series
// functions: presence masks both ways, NULL placeholders, every write-side message (each refused
// call changes nothing, inside and outside a user transaction) and read/write round trips.
#include "c_test_support.h"

#include <cstdlib>
#include <string>
#include <vector>

using namespace quiver::c_test;

namespace {

constexpr const char* kOp = "Cannot update_time_series_group: ";

class CApiColumnar : public CApiTest {
protected:
    void SetUp() override {
        CApiTest::SetUp();
        item_ = create_item("item");
    }

    quiver_error_t update(const char* const* names, const int* types, const void* const* data,
                          const uint8_t* const* masks, size_t columns, size_t rows) {
        return quiver_database_update_time_series_group(db, "Item", "readings", item_, names, types, data, masks,
                                                        columns, rows);
    }

    quiver_error_t read(Columns& c) {
        c.release();
        return quiver_database_read_time_series_group(db, "Item", "readings", item_, &c.names, &c.types, &c.data,
                                                      &c.has_value, &c.column_count, &c.row_count);
    }

    // The stored rows of the item, NULLs and storage classes visible.
    std::string rows() {
        char* value = nullptr;
        int has = 0;
        EXPECT_OK(quiver_database_query_string(
            db,
            "SELECT group_concat(r, ' ') FROM (SELECT quote(date_time) || ':' || quote(count_value) || ':' || "
            "quote(date_valid) || ':' || quote(measurement) || ':' || quote(note) AS r FROM "
            "Item_time_series_readings ORDER BY date_time)",
            &value, &has));
        std::string out = has && value ? value : "";
        quiver_database_free_string(value);
        return out;
    }

    int64_t item_ = 0;
};

}  // namespace

TEST_F(CApiColumnar, WriteSideMessagesChangeNothing) {
    // Something stored, so that "unchanged" means something.
    const char* dates[] = {"2024-01-01", "2024-01-02"};
    const double values[] = {1.5, 2.5};
    const char* names[] = {"date_time", "measurement"};
    const int types[] = {QUIVER_DATA_TYPE_STRING, QUIVER_DATA_TYPE_FLOAT};
    const void* data[] = {dates, values};
    ASSERT_OK(update(names, types, data, nullptr, 2, 2));

    in_both_modes([&] {
        EXPECT_C_FAILS_UNCHANGED(db, update(names, types, data, nullptr, 0, 2),
                                 std::string(kOp) + "column_count must be > 0 when row_count > 0");
        const std::string non_null =
            std::string(kOp) + "column_names, column_types, and column_data must be non-null when column_count > 0";
        EXPECT_C_FAILS_UNCHANGED(db, update(nullptr, types, data, nullptr, 2, 2), non_null);
        EXPECT_C_FAILS_UNCHANGED(db, update(names, nullptr, data, nullptr, 2, 2), non_null);
        EXPECT_C_FAILS_UNCHANGED(db, update(names, types, nullptr, nullptr, 2, 2), non_null);
        const char* null_name[] = {"date_time", nullptr};
        EXPECT_C_FAILS_UNCHANGED(db, update(null_name, types, data, nullptr, 2, 2), std::string(kOp) + "column_names[1] is null");
        // Columns without rows never clear: names in the given order.
        const char* reversed[] = {"measurement", "date_time"};
        EXPECT_C_FAILS_UNCHANGED(db, update(reversed, types, data, nullptr, 2, 0),
                                 std::string(kOp) + "columns [measurement, date_time] contain no rows; pass no columns "
                                                    "to clear the group");
        const int bad_code[] = {QUIVER_DATA_TYPE_STRING, 5};
        EXPECT_C_FAILS_UNCHANGED(db, update(names, bad_code, data, nullptr, 2, 2), std::string(kOp) + "unknown column type 5");
        const int negative_code[] = {-1, QUIVER_DATA_TYPE_FLOAT};
        EXPECT_C_FAILS_UNCHANGED(db, update(names, negative_code, data, nullptr, 2, 2),
                                 std::string(kOp) + "unknown column type -1");
        const char* twice[] = {"date_time", "date_time"};
        const int twice_types[] = {QUIVER_DATA_TYPE_STRING, QUIVER_DATA_TYPE_STRING};
        const void* twice_data[] = {dates, dates};
        EXPECT_C_FAILS_UNCHANGED(db, update(twice, twice_types, twice_data, nullptr, 2, 2),
                                 std::string(kOp) + "column 'date_time' given more than once");
        // The shape checks precede the schema checks: an unknown group with a bad shape reports the shape.
        EXPECT_C_FAILS_UNCHANGED(db, quiver_database_update_time_series_group(db, "Item", "nope", item_, names, types, data,
                                                                              nullptr, 2, 0),
                                 "Cannot update_time_series_group: columns [date_time, measurement] contain no rows; "
                                 "pass no columns to clear the group");
        // A present cell with the wrong type code (the schema check that follows the shape checks).
        const int wrong[] = {QUIVER_DATA_TYPE_STRING, QUIVER_DATA_TYPE_INTEGER};
        EXPECT_C_FAILS_UNCHANGED(db, update(names, wrong, data, nullptr, 2, 2),
                                 std::string(kOp) + "column 'measurement' has type FLOAT but received INTEGER");
        // A NULL dimension cell, by mask or by NULL char*.
        const uint8_t dimension_mask[] = {1, 0};
        const uint8_t* masks[] = {dimension_mask, nullptr};
        EXPECT_C_FAILS_UNCHANGED(db, update(names, types, data, masks, 2, 2),
                                 std::string(kOp) + "row 1 has NULL in dimension column 'date_time'");
        const void* no_dimension[] = {nullptr, values};
        EXPECT_C_FAILS_UNCHANGED(db, update(names, types, no_dimension, nullptr, 2, 2),
                                 std::string(kOp) + "row 0 has NULL in dimension column 'date_time'");
        // D22 on the dimension.
        const char* bad_dates[] = {"2024-01-01", "01/02/2024"};
        const void* bad_data[] = {bad_dates, values};
        EXPECT_C_FAILS_UNCHANGED(db, update(names, types, bad_data, nullptr, 2, 2),
                                 std::string(kOp) + "invalid date-time '01/02/2024' for column 'date_time' row 1: "
                                                    "expected YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS");
    });
    EXPECT_EQ(rows(), "'2024-01-01':NULL:NULL:1.5:NULL '2024-01-02':NULL:NULL:2.5:NULL");
}

TEST_F(CApiColumnar, MasksMarkNullCellsAndTheirDataIsNotRead) {
    const char* names[] = {"date_time", "count_value", "measurement", "note", "date_valid"};
    const int types[] = {QUIVER_DATA_TYPE_STRING, QUIVER_DATA_TYPE_INTEGER, QUIVER_DATA_TYPE_FLOAT,
                         QUIVER_DATA_TYPE_STRING, QUIVER_DATA_TYPE_DATE_TIME};
    const char* dates[] = {"2024-01-01", "2024-01-02", "2024-01-03"};
    const int64_t counts[] = {1, -999, 3};
    const double measurements[] = {-999.0, 2.5, -999.0};
    // A masked-out char* is never read: an invalid date or a dangling-looking pointer is fine.
    const char* notes[] = {"a", "not read", nullptr};
    const char* valid[] = {"garbage", "2025-01-02", "garbage"};
    const uint8_t count_mask[] = {1, 0, 1};
    const uint8_t measurement_mask[] = {0, 1, 0};
    const uint8_t note_mask[] = {1, 0, 1};  // row 2: mask 1 but NULL char* -> NULL
    const uint8_t valid_mask[] = {0, 1, 0};
    const uint8_t* masks[] = {nullptr, count_mask, measurement_mask, note_mask, valid_mask};  // NULL = dense
    const void* data[] = {dates, counts, measurements, notes, valid};
    ASSERT_OK(update(names, types, data, masks, 5, 3));
    EXPECT_EQ(rows(), "'2024-01-01':1:NULL:NULL:'a' '2024-01-02':NULL:'2025-01-02':2.5:NULL "
                      "'2024-01-03':3:NULL:NULL:NULL");

    Columns c;
    ASSERT_OK(read(c));
    ASSERT_EQ(c.column_count, 5u);  // date_time, count_value, date_valid, measurement, note
    ASSERT_EQ(c.row_count, 3u);
    ASSERT_NE(c.has_value, nullptr);
    for (size_t column = 0; column < 5; ++column) ASSERT_NE(c.has_value[column], nullptr) << column;
    // Placeholders under a 0 mask: 0, 0.0, NULL char*.
    EXPECT_TRUE(c.present(1, 0));
    EXPECT_EQ(c.integer(1, 0), 1);
    EXPECT_FALSE(c.present(1, 1));
    EXPECT_EQ(c.integer(1, 1), 0);
    EXPECT_FALSE(c.present(2, 0));
    EXPECT_EQ(c.text(2, 0), nullptr);
    EXPECT_TRUE(c.present(2, 1));
    EXPECT_STREQ(c.text(2, 1), "2025-01-02");
    EXPECT_FALSE(c.present(3, 0));
    EXPECT_EQ(c.real(3, 0), 0.0);
    EXPECT_TRUE(c.present(3, 1));
    EXPECT_EQ(c.real(3, 1), 2.5);
    EXPECT_TRUE(c.present(4, 0));
    EXPECT_FALSE(c.present(4, 1));
    EXPECT_FALSE(c.present(4, 2));
    for (size_t row = 0; row < 3; ++row) EXPECT_TRUE(c.present(0, row));
}

TEST_F(CApiColumnar, NullColumnDataAndNullTypeCodeAreAllNullColumns) {
    const char* dates[] = {"2024-01-01", "2024-01-02"};
    // A column whose every cell is NULL carries no value to type: any code 0-4 is accepted.
    for (const int code : {QUIVER_DATA_TYPE_INTEGER, QUIVER_DATA_TYPE_FLOAT, QUIVER_DATA_TYPE_STRING,
                           QUIVER_DATA_TYPE_DATE_TIME, QUIVER_DATA_TYPE_NULL}) {
        const char* names[] = {"date_time", "measurement", "count_value"};
        const int types[] = {QUIVER_DATA_TYPE_STRING, code, QUIVER_DATA_TYPE_NULL};
        const int64_t counts[] = {5, 6};  // type code 4: never read
        const void* data[] = {dates, nullptr, counts};
        ASSERT_OK(update(names, types, data, nullptr, 3, 2)) << code;
        EXPECT_EQ(rows(), "'2024-01-01':NULL:NULL:NULL:NULL '2024-01-02':NULL:NULL:NULL:NULL") << code;
    }
    // An all-zero mask is the same.
    const char* names[] = {"date_time", "measurement"};
    const int types[] = {QUIVER_DATA_TYPE_STRING, QUIVER_DATA_TYPE_INTEGER};  // wrong code, but no value
    const int64_t ignored[] = {1, 2};
    const uint8_t none[] = {0, 0};
    const uint8_t* masks[] = {nullptr, none};
    const void* data[] = {dates, ignored};
    ASSERT_OK(update(names, types, data, masks, 2, 2));
    EXPECT_EQ(rows(), "'2024-01-01':NULL:NULL:NULL:NULL '2024-01-02':NULL:NULL:NULL:NULL");
}

TEST_F(CApiColumnar, ClearOnlyWithNoColumnsAndNoRows) {
    const char* names[] = {"date_time"};
    const int types[] = {QUIVER_DATA_TYPE_STRING};
    const char* dates[] = {"2024-01-01"};
    const void* data[] = {dates};
    ASSERT_OK(update(names, types, data, nullptr, 1, 1));
    // Arrays may be anything (NULL here) when both counts are 0.
    ASSERT_OK(update(nullptr, nullptr, nullptr, nullptr, 0, 0));
    EXPECT_EQ(rows(), "");
}

TEST_F(CApiColumnar, ReadWriteRoundTripKeepsNullCells) {
    const char* names[] = {"date_time", "count_value", "date_valid", "measurement", "note"};
    const int types[] = {QUIVER_DATA_TYPE_STRING, QUIVER_DATA_TYPE_INTEGER, QUIVER_DATA_TYPE_DATE_TIME,
                         QUIVER_DATA_TYPE_FLOAT, QUIVER_DATA_TYPE_STRING};
    const char* dates[] = {"2024-01-01T00:00:00", "2024-01-02T00:00:00"};
    const int64_t counts[] = {0, 4};
    const char* valid[] = {nullptr, "2025-06-30"};
    const double measurements[] = {0.0, 0.0};
    const char* notes[] = {"", nullptr};
    const uint8_t count_mask[] = {1, 1};
    const uint8_t measurement_mask[] = {0, 1};
    const uint8_t* masks[] = {nullptr, count_mask, nullptr, measurement_mask, nullptr};
    const void* data[] = {dates, counts, valid, measurements, notes};
    ASSERT_OK(update(names, types, data, masks, 5, 2));
    const std::string stored = rows();
    // A stored 0, 0.0 and "" stay values; NULLs stay NULL.
    EXPECT_EQ(stored, "'2024-01-01T00:00:00':0:NULL:NULL:'' '2024-01-02T00:00:00':4:'2025-06-30':0.0:NULL");

    // Writing back exactly what was read (arrays and masks as returned) changes nothing.
    Columns c;
    ASSERT_OK(read(c));
    ASSERT_OK(update(c.names, c.types, c.data, c.has_value, c.column_count, c.row_count));
    EXPECT_EQ(rows(), stored);
}

TEST_F(CApiColumnar, ReadNullArgumentsAndFree) {
    Columns c;
    EXPECT_ERROR(quiver_database_read_time_series_group(db, "Item", "readings", item_, &c.names, &c.types, &c.data,
                                                        nullptr, &c.column_count, &c.row_count),
                 "Null argument: out_column_has_value");
    // Free tolerates NULL slots and NULL arrays.
    auto** names = static_cast<char**>(calloc(2, sizeof(char*)));
    auto** masks = static_cast<uint8_t**>(calloc(2, sizeof(uint8_t*)));
    auto** data = static_cast<void**>(calloc(2, sizeof(void*)));
    EXPECT_OK(quiver_database_free_time_series_data(names, nullptr, data, masks, 2, 3));
    EXPECT_OK(quiver_database_free_time_series_data(nullptr, nullptr, nullptr, nullptr, 0, 0));
}
