// Values of another storage class (possible in non-STRICT tables): D4 masks and the C
// time-series conversions of semantics 7.4.
#include "c_test_support.h"

using namespace quiver::c_test;

namespace {

class CApiStorageClass : public ::testing::Test {
protected:
    void SetUp() override {
        const auto options = quiet_options();
        ASSERT_OK(quiver_database_from_schema(scratch_db().c_str(), schema_path("valid/c_api_loose.sql").c_str(),
                                              &options, &db));
        exec("INSERT INTO Sensor (label, reading) VALUES ('a', 5), ('b', 'abc'), ('c', NULL), ('d', 1.5) "
             "RETURNING id");
    }
    void TearDown() override { quiver_database_close(db); }

    void exec(const char* sql) {
        int64_t value = 0;
        int has = 0;
        ASSERT_OK(quiver_database_query_integer(db, sql, &value, &has));
    }

    quiver_database_t* db = nullptr;
};

}  // namespace

TEST_F(CApiStorageClass, ScalarIntegersMaskOtherStorageClasses) {
    int64_t* values = nullptr;
    uint8_t* mask = nullptr;
    size_t count = 0;
    ASSERT_OK(quiver_database_read_scalar_integers(db, "Sensor", "reading", &values, &mask, &count));
    ASSERT_EQ(count, 4u);
    EXPECT_EQ(mask[0], 1);
    EXPECT_EQ(values[0], 5);
    EXPECT_EQ(mask[1], 0);  // TEXT
    EXPECT_EQ(values[1], 0);
    EXPECT_EQ(mask[2], 0);  // NULL
    EXPECT_EQ(mask[3], 0);  // REAL
    quiver_database_free_integer_array(values);
    quiver_database_free_mask(mask);

    char** strings = nullptr;
    ASSERT_OK(quiver_database_read_scalar_strings(db, "Sensor", "reading", &strings, &count));
    ASSERT_EQ(count, 4u);
    EXPECT_EQ(strings[0], nullptr);
    EXPECT_STREQ(strings[1], "abc");
    EXPECT_EQ(strings[2], nullptr);
    EXPECT_EQ(strings[3], nullptr);
    quiver_database_free_string_array(strings, count);
}

TEST_F(CApiStorageClass, TimeSeriesIntegerColumnTruncatesReals) {
    exec("INSERT INTO Sensor_time_series_samples (id, date_time, level) VALUES "
         "(1, '2024-01-01', 2.7), (1, '2024-01-02', -2.7), (1, '2024-01-03', 4), (1, '2024-01-04', NULL) "
         "RETURNING id");
    char** names = nullptr;
    int* types = nullptr;
    void** data = nullptr;
    uint8_t** has_value = nullptr;
    size_t columns = 0;
    size_t rows = 0;
    ASSERT_OK(quiver_database_read_time_series_group(db, "Sensor", "samples", 1, &names, &types, &data, &has_value, &columns,
                                                     &rows));
    ASSERT_EQ(columns, 2u);
    ASSERT_EQ(rows, 4u);
    EXPECT_STREQ(names[1], "level");
    EXPECT_EQ(types[1], QUIVER_DATA_TYPE_INTEGER);
    const auto* level = static_cast<int64_t*>(data[1]);
    EXPECT_EQ(level[0], 2);
    EXPECT_EQ(level[1], -2);
    EXPECT_EQ(level[2], 4);
    EXPECT_EQ(level[3], 0);
    EXPECT_EQ(has_value[1][0], 1);
    EXPECT_EQ(has_value[1][2], 1);
    EXPECT_EQ(has_value[1][3], 0);  // the NULL is told apart from a stored 0
    EXPECT_OK(quiver_database_free_time_series_data(names, types, data, has_value, columns, rows));
}

// D20: a value the column's C type cannot hold fails the read instead of becoming 0 or text.
TEST_F(CApiStorageClass, TimeSeriesForeignStorageClassFailsTheRead) {
    Columns c;
    auto read = [&] {
        c.release();
        return quiver_database_read_time_series_group(db, "Sensor", "samples", 1, &c.names, &c.types, &c.data,
                                                      &c.has_value, &c.column_count, &c.row_count);
    };
    exec("INSERT INTO Sensor_time_series_samples (id, date_time, level) VALUES (1, '2024-01-01', 1), "
         "(1, '2024-01-02', 'high') RETURNING id");
    EXPECT_ERROR(read(), "Cannot read_time_series_group: column 'level' row 1 holds a TEXT value, expected INTEGER");
    EXPECT_EQ(c.names, nullptr);  // nothing published
    exec("UPDATE Sensor_time_series_samples SET level = 2 WHERE date_time = '2024-01-02' RETURNING id");
    ASSERT_OK(read());
    EXPECT_EQ(c.row_count, 2u);
}

// A column declared DATE_TIME in a non-STRICT table has NUMERIC affinity: a date without dashes
// is stored as an INTEGER, which the STRING dimension cannot hold.
TEST(CApiStorageClassDeclared, NumberInTheDimensionFailsTheRead) {
    const auto options = quiet_options();
    quiver_database_t* db = nullptr;
    ASSERT_OK(quiver_database_from_schema(scratch_db().c_str(), schema_path("issues/time_series_dimension.sql").c_str(),
                                          &options, &db));
    int64_t value = 0;
    int has = 0;
    ASSERT_OK(quiver_database_query_integer(db, "INSERT INTO Sensor (label) VALUES ('s') RETURNING id", &value, &has));
    ASSERT_OK(quiver_database_query_integer(
        db, "INSERT INTO Sensor_time_series_declared (id, moment, level) VALUES (1, '20240103', 1.0) RETURNING typeof(moment) = 'integer'",
        &value, &has));
    EXPECT_EQ(value, 1);
    Columns c;
    EXPECT_ERROR(quiver_database_read_time_series_group(db, "Sensor", "declared", 1, &c.names, &c.types, &c.data,
                                                        &c.has_value, &c.column_count, &c.row_count),
                 "Cannot read_time_series_group: column 'moment' row 0 holds a INTEGER value, expected STRING");
    EXPECT_EQ(c.names, nullptr);
    quiver_database_close(db);
}
