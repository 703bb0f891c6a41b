// Columnar bulk reads (quiver_columns_t) and quiver_database_create_elements.
#include "c_test_support.h"

#include <cstring>

using namespace quiver::c_test;

namespace {

class CApiBulk : public ::testing::Test {
protected:
    void SetUp() override {
        quiver_clear_last_error();
        const auto options = quiet_options();
        ASSERT_OK(quiver_database_from_schema(":memory:", schema_path("valid/bulk.sql").c_str(), &options, &db));
    }
    void TearDown() override { quiver_database_close(db); }

    // Creates Plants A (capacity 1.5, units 2, two units, one NULL unit capacity) and B (only a label).
    void create_two() {
        const char* names[] = {"label", "capacity", "units", "unit_name", "unit_capacity"};
        const int types[] = {QUIVER_DATA_TYPE_STRING, QUIVER_DATA_TYPE_FLOAT, QUIVER_DATA_TYPE_INTEGER,
                             QUIVER_DATA_TYPE_STRING, QUIVER_DATA_TYPE_FLOAT};
        const char* labels[] = {"A", "B"};
        const double capacity[] = {1.5, 0.0};
        const uint8_t capacity_mask[] = {1, 0};
        const int64_t units[] = {2, 0};
        const uint8_t units_mask[] = {1, 0};
        const char* unit_names[] = {"a1", "a2"};
        const double unit_capacity[] = {10.0, 0.0};
        const uint8_t unit_capacity_mask[] = {1, 0};
        const size_t offsets[] = {0, 2, 2};
        const void* data[] = {labels, capacity, units, unit_names, unit_capacity};
        const uint8_t* masks[] = {nullptr, capacity_mask, units_mask, nullptr, unit_capacity_mask};
        const size_t* column_offsets[] = {nullptr, nullptr, nullptr, offsets, offsets};
        int64_t ids[2] = {0, 0};
        ASSERT_OK(quiver_database_create_elements(db, "Plant", names, types, data, masks, column_offsets, 5, 2, ids,
                                                  nullptr, nullptr));
        EXPECT_EQ(ids[0], 1);
        EXPECT_EQ(ids[1], 2);
    }

    quiver_database_t* db = nullptr;
};

// Owns a quiver_columns_t.
struct ColumnsHandle {
    quiver_columns_t* columns = nullptr;
    ~ColumnsHandle() { EXPECT_OK(quiver_columns_free(columns)); }
};

void progress_counter(size_t done, size_t total, void* user_data) {
    auto* calls = static_cast<std::vector<size_t>*>(user_data);
    calls->push_back(done);
    EXPECT_EQ(total, 2u);
}

}  // namespace

TEST_F(CApiBulk, ScalarColumnsRoundTrip) {
    create_two();
    ColumnsHandle h;
    const char* attributes[] = {"capacity", "units", "label"};
    ASSERT_OK(quiver_database_read_scalar_columns(db, "Plant", attributes, 3, &h.columns));
    size_t rows = 0, count = 0;
    ASSERT_OK(quiver_columns_row_count(h.columns, &rows));
    ASSERT_OK(quiver_columns_column_count(h.columns, &count));
    EXPECT_EQ(rows, 2u);
    EXPECT_EQ(count, 4u);
    const char* name = nullptr;
    int type = -1;
    ASSERT_OK(quiver_columns_column_name(h.columns, 0, &name));
    EXPECT_STREQ(name, "id");
    ASSERT_OK(quiver_columns_column_type(h.columns, 1, &type));
    EXPECT_EQ(type, QUIVER_DATA_TYPE_FLOAT);

    const double* capacity = nullptr;
    const uint8_t* mask = nullptr;
    ASSERT_OK(quiver_columns_get_floats(h.columns, 1, &capacity, &mask));
    EXPECT_EQ(capacity[0], 1.5);
    EXPECT_EQ(mask[0], 1);
    EXPECT_EQ(mask[1], 0);
    const int64_t* units = nullptr;
    ASSERT_OK(quiver_columns_get_integers(h.columns, 2, &units, &mask));
    EXPECT_EQ(units[0], 2);
    EXPECT_EQ(mask[1], 0);
    const char* text = nullptr;
    const size_t* offsets = nullptr;
    size_t size = 0;
    ASSERT_OK(quiver_columns_get_strings(h.columns, 3, &text, &offsets, &size, &mask));
    EXPECT_EQ(size, 4u);
    EXPECT_STREQ(text + offsets[0], "A");
    EXPECT_STREQ(text + offsets[1], "B");

    EXPECT_ERROR(quiver_columns_get_integers(h.columns, 1, &units, &mask),
                 "Cannot columns_get_integers: column 'capacity' is FLOAT, not INTEGER");
    EXPECT_ERROR(quiver_columns_get_floats(h.columns, 9, &capacity, &mask),
                 "Cannot columns_get_floats: column 9 out of range (4 columns)");
    EXPECT_ERROR(quiver_columns_column_name(h.columns, 4, &name),
                 "Cannot columns_column_name: column 4 out of range (4 columns)");
    EXPECT_ERROR(quiver_columns_row_count(nullptr, &rows), "Null argument: columns");
}

TEST_F(CApiBulk, DateTimesAndGroups) {
    create_two();
    int64_t out = 0;
    int has = 0;
    EXPECT_OK(quiver_database_query_integer(db, "UPDATE Plant SET date_built = '1970-01-02T00:00:01.5' WHERE id = 1",
                                            &out, &has));
    ColumnsHandle h;
    const char* attributes[] = {"date_built"};
    ASSERT_OK(quiver_database_read_scalar_columns(db, "Plant", attributes, 1, &h.columns));
    const int64_t* micros = nullptr;
    const uint8_t* mask = nullptr;
    ASSERT_OK(quiver_columns_get_date_times(h.columns, 1, &micros, &mask));
    EXPECT_EQ(micros[0], 86401500000);
    EXPECT_EQ(mask[1], 0);
    EXPECT_ERROR(quiver_columns_get_date_times(h.columns, 0, &micros, &mask),
                 "Cannot columns_get_date_times: column 'id' is INTEGER, not STRING or DATE_TIME");

    ColumnsHandle v;
    ASSERT_OK(quiver_database_read_vector_columns(db, "Plant", "units", &v.columns));
    size_t rows = 0;
    ASSERT_OK(quiver_columns_row_count(v.columns, &rows));
    EXPECT_EQ(rows, 2u);
    const double* values = nullptr;
    ASSERT_OK(quiver_columns_get_floats(v.columns, 2, &values, &mask));  // id, vector_index, unit_capacity
    EXPECT_EQ(values[0], 10.0);
    EXPECT_EQ(mask[1], 0);

    ColumnsHandle s, t;
    ASSERT_OK(quiver_database_read_set_columns(db, "Plant", "tags", &s.columns));
    ASSERT_OK(quiver_database_read_time_series_columns(db, "Plant", "generation", &t.columns));
    ASSERT_OK(quiver_columns_row_count(t.columns, &rows));
    EXPECT_EQ(rows, 0u);

    quiver_columns_t* none = nullptr;
    EXPECT_ERROR(quiver_database_read_vector_columns(db, "Plant", "nope", &none),
                 "Vector group not found: 'nope' in collection 'Plant'");
    EXPECT_EQ(none, nullptr);
    EXPECT_ERROR(quiver_database_read_scalar_columns(db, "Plant", nullptr, 1, &none), "Null argument: attributes");
    const char* null_name[] = {nullptr};
    EXPECT_ERROR(quiver_database_read_scalar_columns(db, "Plant", null_name, 1, &none),
                 "Cannot read_scalar_columns: attributes[0] is null");
    EXPECT_OK(quiver_columns_free(nullptr));
}

TEST_F(CApiBulk, CreateElementsProgressAndBadInput) {
    const char* names[] = {"label"};
    const int types[] = {QUIVER_DATA_TYPE_STRING};
    const char* labels[] = {"A", "B"};
    const void* data[] = {labels};
    int64_t ids[2] = {0, 0};
    std::vector<size_t> calls;
    ASSERT_OK(quiver_database_create_elements(db, "Plant", names, types, data, nullptr, nullptr, 1, 2, ids,
                                              progress_counter, &calls));
    EXPECT_EQ(calls, (std::vector<size_t>{1, 2}));
    EXPECT_EQ(ids[1], 2);

    // A duplicate label in row 1: nothing is written.
    const char* more[] = {"C", "A"};
    const void* more_data[] = {more};
    EXPECT_ERROR(quiver_database_create_elements(db, "Plant", names, types, more_data, nullptr, nullptr, 1, 2, ids,
                                                 nullptr, nullptr),
                 "Cannot create_elements: row 1: Failed to execute statement: UNIQUE constraint failed: Plant.label");
    int64_t count = 0;
    int has = 0;
    ASSERT_OK(quiver_database_query_integer(db, "SELECT COUNT(*) FROM Plant", &count, &has));
    EXPECT_EQ(count, 2);

    EXPECT_ERROR(quiver_database_create_elements(nullptr, "Plant", names, types, data, nullptr, nullptr, 1, 2, ids,
                                                 nullptr, nullptr),
                 "Null argument: db");
    EXPECT_ERROR(quiver_database_create_elements(db, "Plant", names, types, data, nullptr, nullptr, 1, 2, nullptr,
                                                 nullptr, nullptr),
                 "Null argument: out_ids");
    EXPECT_ERROR(quiver_database_create_elements(db, "Plant", nullptr, types, data, nullptr, nullptr, 1, 2, ids,
                                                 nullptr, nullptr),
                 "Cannot create_elements: column_names, column_types, and column_data must be non-null when "
                 "column_count > 0");
    EXPECT_ERROR(quiver_database_create_elements(db, "Plant", names, types, data, nullptr, nullptr, 0, 2, ids,
                                                 nullptr, nullptr),
                 "Cannot create_elements: column_count must be > 0 when row_count > 0");
    const int bad_types[] = {9};
    EXPECT_ERROR(quiver_database_create_elements(db, "Plant", names, bad_types, data, nullptr, nullptr, 1, 2, ids,
                                                 nullptr, nullptr),
                 "Cannot create_elements: unknown column type 9");
    const char* twice[] = {"label", "label"};
    const int two_types[] = {QUIVER_DATA_TYPE_STRING, QUIVER_DATA_TYPE_STRING};
    const void* two_data[] = {labels, labels};
    EXPECT_ERROR(quiver_database_create_elements(db, "Plant", twice, two_types, two_data, nullptr, nullptr, 2, 2, ids,
                                                 nullptr, nullptr),
                 "Cannot create_elements: column 'label' given more than once");
    const size_t bad_offsets[] = {0, 2, 1};
    const size_t* column_offsets[] = {bad_offsets};
    EXPECT_ERROR(quiver_database_create_elements(db, "Plant", names, types, data, nullptr, column_offsets, 1, 2, ids,
                                                 nullptr, nullptr),
                 "Cannot create_elements: column 'label' offsets decrease at row 1");
    EXPECT_ERROR(quiver_database_create_elements(db, "Nope", names, types, data, nullptr, nullptr, 1, 0, ids, nullptr,
                                                 nullptr),
                 "Cannot create_elements: collection not found: Nope");
    ASSERT_OK(quiver_database_query_integer(db, "SELECT COUNT(*) FROM Plant", &count, &has));
    EXPECT_EQ(count, 2);
}
