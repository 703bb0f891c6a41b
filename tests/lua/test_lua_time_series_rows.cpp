// Time series from Lua beyond the baseline (api-additions §4; D15, D19, D20): the column shape
// of db:update_time_series_group with the dimension as row-count authority, NULL cells written
// and read back, the element by label, db:read_time_series_row and db:upsert_time_series_row.
#include "lua_test_support.h"

namespace quiver::test {
namespace {

// lua_full.sql: Item_time_series_readings(date_time, temperature REAL, humidity INTEGER,
// note TEXT), primary key (id, date_time).
class LuaTimeSeriesRowsTest : public LuaTest {
protected:
    void SetUp() override {
        LuaTest::SetUp();
        ok(R"(
            db:create_element('Item', {label = 'a'})
            db:create_element('Item', {label = 'b'})
            db:update_time_series_group('Item', 'readings', 1, {
                {date_time = '2024-01-01', temperature = 1.0, humidity = 10, note = 'one'},
                {date_time = '2024-01-02', humidity = 20},
                {date_time = '2024-01-03', temperature = 3.0},
            })
            db:update_time_series_group('Item', 'readings', 2, {{date_time = '2024-01-02T06:00:00', temperature = 20.0}})
        )");
    }

    std::string readings() {
        return raw_rows(path(), "SELECT id, quote(date_time), quote(temperature), quote(humidity), quote(note) "
                                "FROM Item_time_series_readings ORDER BY id, date_time");
    }
};

TEST_F(LuaTimeSeriesRowsTest, ColumnShapeWithNullCells) {
    ok(R"(
        -- by label; nil holes and shorter value columns are NULL (§4.1)
        db:update_time_series_group('Item', 'readings', 'b', {
            date_time = {'2024-02-01', '2024-02-02', '2024-02-03'},
            temperature = {1.5, nil, 3.5},
            humidity = {7},
        })
        expect_eq(db:read_time_series_group('Item', 'readings', 2), {
            {date_time = '2024-02-01', temperature = 1.5, humidity = 7},
            {date_time = '2024-02-02'},
            {date_time = '2024-02-03', temperature = 3.5},
        })
        -- a row shape with absent keys is NULL too, by a float id with an exact value
        db:update_time_series_group('Item', 'readings', 2.0, {{date_time = '2024-03-01'}, {date_time = '2024-03-02', note = 'x'}})
    )");
    EXPECT_EQ(readings(), "1|'2024-01-01'|1.0|10|'one'\n1|'2024-01-02'|NULL|20|NULL\n1|'2024-01-03'|3.0|NULL|NULL\n"
                          "2|'2024-03-01'|NULL|NULL|NULL\n2|'2024-03-02'|NULL|NULL|'x'\n");
}

// Read a series with NULL cells, write it back in the column shape: the raw rows are the same.
TEST_F(LuaTimeSeriesRowsTest, NullHolesRoundTripThroughTheColumnShape) {
    raw_exec(path(), "INSERT INTO Item_time_series_readings VALUES (1, '2024-01-04', NULL, NULL, NULL)");
    const std::string before = readings();
    ok(R"(
        local md = db:get_time_series_metadata('Item', 'readings')
        local rows = db:read_time_series_group('Item', 'readings', 1)
        expect_eq(#rows, 4)
        local columns = {[md.dimension_column] = {}}
        for _, c in ipairs(md.value_columns) do columns[c.name] = {} end
        for i, row in ipairs(rows) do
            for name, column in pairs(columns) do column[i] = row[name] end
        end
        -- the last row holds only its date: the dimension keeps it (row-count authority)
        db:update_time_series_group('Item', 'readings', 1, columns)
        db:update_time_series_group('Item', 'readings', 'a', rows)
    )");
    EXPECT_EQ(readings(), before);
    EXPECT_EQ(before, "1|'2024-01-01'|1.0|10|'one'\n1|'2024-01-02'|NULL|20|NULL\n1|'2024-01-03'|3.0|NULL|NULL\n"
                      "1|'2024-01-04'|NULL|NULL|NULL\n2|'2024-01-02T06:00:00'|20.0|NULL|NULL\n");
}

TEST_F(LuaTimeSeriesRowsTest, ColumnShapeErrorsChangeNothing) {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"db:update_time_series_group('Item', 'readings', 1, {temperature = {1.0}})",
         "Cannot update_time_series_group: missing dimension column 'date_time'"},
        {"db:update_time_series_group('Item', 'readings', 1, {date_time = {'2024-01-01', nil, '2024-01-03'}})",
         "Cannot update_time_series_group: dimension column 'date_time' has nil at index 2"},
        {"db:update_time_series_group('Item', 'readings', 1, {date_time = {[2] = '2024-01-02'}, note = {'x'}})",
         "Cannot update_time_series_group: dimension column 'date_time' has nil at index 1"},
        {"db:update_time_series_group('Item', 'readings', 1, {date_time = {'2024-01-01'}, temperature = {1.0, 2.0}})",
         "Cannot update_time_series_group: column 'temperature' has length 2 but expected 1"},
        {"db:update_time_series_group('Item', 'readings', 'a', {date_time = {}, note = {[3] = 'x'}})",
         "Cannot update_time_series_group: column 'note' has length 3 but expected 0"},
        {"db:update_time_series_group('Item', 'readings', 1, {date_time = {}, temperature = {}})",
         "Cannot update_time_series_group: columns [date_time, temperature] contain no rows; pass an empty table {} to clear the group"},
        {"db:update_time_series_group('Item', 'readings', 1, {date_time = '2024-01-01'})",
         "Cannot update_time_series_group: column 'date_time' must be an array of values"},
        {"db:update_time_series_group('Item', 'readings', 1, {date_time = {'2024-01-01'}, humidity = {true}})",
         "Cannot update_time_series_group: column 'humidity' row #1 has unsupported Lua type boolean"},
        {"db:update_time_series_group('Item', 'readings', 1, {{date_time = '2024-01-01'}, note = {'x'}})",
         "Cannot update_time_series_group: argument 'rows' must be a sequence of row tables or a table of columns"},
        // the library's checks after the shape
        {"db:update_time_series_group('Item', 'readings', 1, {date_time = {'2024-01-01'}, nope = {1}})",
         "Cannot update_time_series_group: column 'nope' not found in group 'readings' for collection 'Item'"},
        {"db:update_time_series_group('Item', 'readings', 1, {date_time = {'2024-01-01', '2024-01-01'}})",
         "Failed to execute statement: UNIQUE constraint failed: Item_time_series_readings.id, "
         "Item_time_series_readings.date_time"},
        {"db:update_time_series_group('Item', 'readings', 1, {date_time = {'2024-01-01'}, humidity = {1.5}})",
         "Cannot update_time_series_group: type mismatch for column 'humidity' row 0: expected INTEGER, got REAL"},
        {"db:update_time_series_group('Item', 'readings', 1, {date_time = {'01/02/2024'}})",
         "Cannot update_time_series_group: invalid date-time '01/02/2024' for column 'date_time' row 0: "
         "expected YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS"},
        {"db:update_time_series_group('Item', 'readings', 'nope', {date_time = {'2024-01-01'}})",
         "Element not found: label 'nope' in collection 'Item'"},
        // an unknown group or collection is reported by the library, whatever the shape
        {"db:update_time_series_group('Item', 'nope', 1, {date_time = {'2024-01-01'}})",
         "Time series group 'nope' not found for collection 'Item'"},
        {"db:update_time_series_group('Nope', 'readings', 1, {temperature = {1.0}})",
         "Cannot update_time_series_group: collection not found: Nope"},
    };
    for (const auto& [script, message] : cases) {
        SCOPED_TRACE(script);
        fails_unchanged_in_both_modes(script, message);
    }
}

TEST_F(LuaTimeSeriesRowsTest, ReadTimeSeriesRow) {
    ok(R"(
        -- one slot per element in element order, nil where there is no value (§4.2)
        local function row(attribute, date) return db:read_time_series_row('Item', 'readings', attribute, date) end
        expect_eq(row('temperature', '2023-12-31'), {nil, nil})
        expect_eq(row('temperature', '2024-01-01'), {1.0, nil})
        -- a's 2024-01-02 temperature is NULL: the last non-NULL value before it counts
        expect_eq(row('temperature', '2024-01-02'), {1.0, nil})
        expect_eq(row('temperature', '2024-01-02T06:00:00'), {1.0, 20.0})
        expect_eq(row('temperature', '2024-12-31'), {3.0, 20.0})
        local h = row('humidity', '2024-12-31')
        expect_eq(h, {20, nil})
        assert(math.type(h[1]) == 'integer')
        expect_eq(row('note', '2024-12-31'), {'one'})
        -- an element without rows is a hole too; deleting one drops its slot
        db:create_element('Item', {label = 'c'})
        db:update_time_series_group('Item', 'readings', 'c', {date_time = {'2024-01-01'}, temperature = {7.0}})
        db:delete_element('Item', 'a')
        expect_eq(row('temperature', '2024-12-31'), {20.0, 7.0})
        db:delete_element('Item', 'b')
        db:delete_element('Item', 'c')
        expect_eq(row('temperature', '2024-12-31'), {})
    )");
}

TEST_F(LuaTimeSeriesRowsTest, ReadTimeSeriesRowErrors) {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"db:read_time_series_row('Item', 'readings', 'id', '2024-01-01')",
         "Time series attribute not found: 'id' in group 'readings' of collection 'Item'"},
        {"db:read_time_series_row('Item', 'readings', 'date_time', '2024-01-01')",
         "Time series attribute not found: 'date_time' in group 'readings' of collection 'Item'"},
        {"db:read_time_series_row('Item', 'readings', 'nope', '2024-01-01')",
         "Time series attribute not found: 'nope' in group 'readings' of collection 'Item'"},
        {"db:read_time_series_row('Item', 'nope', 'note', '2024-01-01')",
         "Time series group 'nope' not found for collection 'Item'"},
        {"db:read_time_series_row('Nope', 'readings', 'note', '2024-01-01')",
         "Cannot read_time_series_row: collection not found: Nope"},
        {"db:read_time_series_row('Item', 'readings', 'note', '2024-02-30')",
         "Cannot read_time_series_row: invalid date-time '2024-02-30' for argument 'date_time': "
         "expected YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS"},
        {"db:read_time_series_row('Item', 'readings', 'note', 20240101)",
         "Cannot read_time_series_row: argument 'date_time' must be a string, got number"},
    };
    for (const auto& [script, message] : cases) {
        SCOPED_TRACE(script);
        fails_unchanged(script, message);
    }
}

TEST_F(LuaTimeSeriesRowsTest, UpsertChangesOnlyTheNamedColumns) {
    ok(R"(
        -- an existing row: only the named value columns change (D19)
        db:upsert_time_series_row('Item', 'readings', 1, {date_time = '2024-01-01', temperature = 5.5})
        -- a row naming only its key is a no-op on an existing row
        db:upsert_time_series_row('Item', 'readings', 'a', {date_time = '2024-01-02'})
        -- a new row, by label: the other columns are NULL
        db:upsert_time_series_row('Item', 'readings', 'b', {date_time = '2024-05-01', note = 'new', humidity = 3})
        -- the dimension is trimmed like every string
        db:upsert_time_series_row('Item', 'readings', 2.0, {date_time = ' 2024-05-01 ', humidity = 4})
    )");
    EXPECT_EQ(readings(), "1|'2024-01-01'|5.5|10|'one'\n1|'2024-01-02'|NULL|20|NULL\n1|'2024-01-03'|3.0|NULL|NULL\n"
                          "2|'2024-01-02T06:00:00'|20.0|NULL|NULL\n2|'2024-05-01'|NULL|4|'new'\n");
}

TEST_F(LuaTimeSeriesRowsTest, UpsertErrorsChangeNothing) {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"db:upsert_time_series_row('Item', 'readings', 1, {temperature = 1.0})",
         "Cannot upsert_time_series_row: row missing required 'date_time' column"},
        {"db:upsert_time_series_row('Item', 'readings', 1, {date_time = '2024-01-01', nope = 1})",
         "Cannot upsert_time_series_row: column 'nope' not found in group 'readings' for collection 'Item'"},
        {"db:upsert_time_series_row('Item', 'readings', 1, {date_time = '2024-01-01', id = 1})",
         "Cannot upsert_time_series_row: column 'id' not found in group 'readings' for collection 'Item'"},
        {"db:upsert_time_series_row('Item', 'readings', 1, {date_time = '2024-01-01', humidity = 1.5})",
         "Cannot upsert_time_series_row: type mismatch for column 'humidity': expected INTEGER, got REAL"},
        {"db:upsert_time_series_row('Item', 'readings', 1, {date_time = '2024-1-1'})",
         "Cannot upsert_time_series_row: invalid date-time '2024-1-1' for column 'date_time': "
         "expected YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS"},
        {"db:upsert_time_series_row('Item', 'readings', 1, {date_time = '2024-01-01', temperature = 0/0})",
         "Cannot upsert_time_series_row: NaN is not allowed for column 'temperature'"},
        {"db:upsert_time_series_row('Item', 'readings', 99, {date_time = '2024-01-01'})",
         "Element not found: 99 in collection 'Item'"},
        {"db:upsert_time_series_row('Item', 'readings', 'nope', {date_time = '2024-01-01'})",
         "Element not found: label 'nope' in collection 'Item'"},
        {"db:upsert_time_series_row('Item', 'nope', 1, {date_time = '2024-01-01'})",
         "Time series group 'nope' not found for collection 'Item'"},
        {"db:upsert_time_series_row('Nope', 'readings', 1, {date_time = '2024-01-01'})",
         "Cannot upsert_time_series_row: collection not found: Nope"},
        // Lua's own checks come first
        {"db:upsert_time_series_row('Nope', 'readings', 1, {date_time = {}})",
         "Cannot upsert_time_series_row: column 'date_time' has unsupported Lua type table"},
        {"db:upsert_time_series_row('Item', 'readings', 1, {'2024-01-01'})",
         "Cannot upsert_time_series_row: column names must be strings, got number"},
        {"db:upsert_time_series_row('Item', 'readings', true, {date_time = '2024-01-01'})",
         "Cannot upsert_time_series_row: element must be addressed by an integer id or a string label"},
    };
    for (const auto& [script, message] : cases) {
        SCOPED_TRACE(script);
        fails_unchanged_in_both_modes(script, message);
    }
}

}  // namespace
}  // namespace quiver::test
