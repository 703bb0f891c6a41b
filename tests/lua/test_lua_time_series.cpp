// Time-series groups and time-series files.
#include "lua_test_support.h"

namespace quiver::test {
namespace {

class LuaTimeSeriesTest : public LuaTest {
protected:
    void SetUp() override {
        LuaTest::SetUp();
        ok("db:create_element('Item', {label = 'i'})");
    }
};

TEST_F(LuaTimeSeriesTest, UpdateAndReadRows) {
    ok(R"(
        db:update_time_series_group('Item', 'readings', 1, {
            {date_time = '2024-01-02T00:00:00', temperature = 21.5, humidity = 60, note = 'b'},
            {date_time = '2024-01-01T00:00:00', temperature = 20, humidity = 65},
        })
        local rows = db:read_time_series_group('Item', 'readings', 1)
        expect_eq(rows, {
            {date_time = '2024-01-01T00:00:00', temperature = 20.0, humidity = 65},
            {date_time = '2024-01-02T00:00:00', temperature = 21.5, humidity = 60, note = 'b'},
        })
        assert(rows[1].note == nil)  -- NULL cells are absent keys
        assert(math.type(rows[1].humidity) == 'integer')
        assert(math.type(rows[1].temperature) == 'float')
        -- an empty table clears
        db:update_time_series_group('Item', 'readings', 1, {})
        expect_eq(db:read_time_series_group('Item', 'readings', 1), {})
        -- a missing id reads as no rows
        expect_eq(db:read_time_series_group('Item', 'readings', 99), {})
    )");
    EXPECT_EQ(db().read_time_series_group("Item", "readings", 1).size(), 0u);
}

TEST_F(LuaTimeSeriesTest, RowShapeErrors) {
    EXPECT_EQ(error_of("db:update_time_series_group('Item', 'readings', 1, {{date_time = 'd'}, 'x'})"),
              "Lua error: Cannot update_time_series_group: row #2 must be a table, got string");
    EXPECT_EQ(error_of("db:update_time_series_group('Item', 'readings', 1, {{date_time = 'd', temperature = true}})"),
              "Lua error: Cannot update_time_series_group: row #1 column 'temperature' has unsupported Lua type boolean");
    EXPECT_EQ(error_of("db:update_time_series_group('Item', 'readings', 1, {{date_time = 'd'}, {date_time = {}}})"),
              "Lua error: Cannot update_time_series_group: row #2 column 'date_time' has unsupported Lua type table");
    EXPECT_EQ(error_of("db:update_time_series_group('Item', 'readings', 1, {{[1] = 'd'}})"),
              "Lua error: Cannot update_time_series_group: row #1 column names must be strings, got number");
    // {x = {}} is column-shaped now (D15): named columns without rows never clear.
    EXPECT_EQ(error_of("db:update_time_series_group('Item', 'readings', 1, {x = {}})"),
              "Lua error: Cannot update_time_series_group: columns [x] contain no rows; pass an empty table {} to clear the group");
    EXPECT_EQ(error_of("db:update_time_series_group('Item', 'readings', 1, {{date_time = 'd'}, x = {}})"),
              "Lua error: Cannot update_time_series_group: argument 'rows' must be a sequence of row tables or a table of columns");
}

TEST_F(LuaTimeSeriesTest, LibraryErrorsAreRelayed) {
    EXPECT_EQ(error_of("db:update_time_series_group('Item', 'readings', 1, {{temperature = 1.0}})"),
              "Lua error: Cannot update_time_series_group: row missing required 'date_time' column");
    EXPECT_EQ(error_of("db:update_time_series_group('Item', 'readings', 1, {{date_time = 'd', nope = 1}})"),
              "Lua error: Cannot update_time_series_group: column 'nope' not found in group 'readings' for collection 'Item'");
    EXPECT_EQ(error_of("db:update_time_series_group('Item', 'readings', 1, {{date_time = '2024-01-01', humidity = 1.5}})"),
              "Lua error: Cannot update_time_series_group: type mismatch for column 'humidity' row 0: expected INTEGER, got REAL");
    EXPECT_EQ(error_of("db:read_time_series_group('Item', 'nope', 1)"),
              "Lua error: Time series group 'nope' not found for collection 'Item'");
    EXPECT_EQ(error_of("db:read_time_series_group('Nope', 'readings', 1)"),
              "Lua error: Cannot read_time_series_group: collection not found: Nope");
}

TEST_F(LuaTimeSeriesTest, TimeSeriesFiles) {
    ok(R"(
        assert(db:has_time_series_files('Item') == true)
        assert(db:has_time_series_files('Parent') == false)
        expect_eq(db:list_time_series_files_columns('Item'), {'demand', 'inflow'})
        expect_eq(db:read_time_series_files('Item'), {})
        db:update_time_series_files('Item', {inflow = 'inflow.csv', demand = ' demand.csv '})
        expect_eq(db:read_time_series_files('Item'), {inflow = 'inflow.csv', demand = 'demand.csv'})
        -- omitted columns become NULL (absent keys)
        db:update_time_series_files('Item', {demand = 'd2.csv'})
        expect_eq(db:read_time_series_files('Item'), {demand = 'd2.csv'})
        -- an empty table is a no-op
        db:update_time_series_files('Item', {})
        expect_eq(db:read_time_series_files('Item'), {demand = 'd2.csv'})
    )");
    EXPECT_EQ(db().read_time_series_files("Item").at("demand"), std::optional<std::string>("d2.csv"));
}

TEST_F(LuaTimeSeriesTest, TimeSeriesFilesErrors) {
    EXPECT_EQ(error_of("db:update_time_series_files('Item', {inflow = 5})"),
              "Lua error: Cannot update_time_series_files: column 'inflow' must be a string path, got number");
    EXPECT_EQ(error_of("db:update_time_series_files('Item', {inflow = false})"),
              "Lua error: Cannot update_time_series_files: column 'inflow' must be a string path, got boolean");
    EXPECT_EQ(error_of("db:update_time_series_files('Item', {'a.csv'})"),
              "Lua error: Cannot update_time_series_files: column names must be strings, got number");
    EXPECT_EQ(error_of("db:update_time_series_files('Item', {nope = 'x'})"),
              "Lua error: Cannot update_time_series_files: column 'nope' not found in table 'Item_time_series_files'");
    EXPECT_EQ(error_of("db:read_time_series_files('Parent')"),
              "Lua error: Time series files table not found for collection 'Parent'");
    EXPECT_EQ(error_of("db:list_time_series_files_columns('Parent')"),
              "Lua error: Time series files table not found: Parent_time_series_files");
    EXPECT_EQ(error_of("db:has_time_series_files('Nope')"),
              "Lua error: Cannot has_time_series_files: collection not found: Nope");
}

}  // namespace
}  // namespace quiver::test
