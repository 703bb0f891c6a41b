// Group data from Lua (api-additions §3.4, §4.1; D15): the `rows` argument of the group writers
// in its row shape or its column shape, and the single row of upsert_time_series_row. Every
// cell goes through to_value (lua_convert.cpp). Shapes are checked here, values by the core.
//
// Both shapes are typo-safe: data that names columns but holds no row is an error, never a
// silent clear; only an empty table {} clears.
#include "lua/lua_convert.h"

#include <algorithm>
#include <string>
#include <utility>

namespace quiver::lua {
namespace {

enum class Shape { Empty, Rows, Columns, Other };

// Row shape: keys exactly 1..n. Column shape: every key a string. Anything else is Other.
Shape shape_of(lua_State* L, int t) {
    lua_Integer count = 0;
    lua_Integer largest = 0;
    bool strings = false;
    bool integers = false;
    bool other = false;
    lua_pushnil(L);
    while (lua_next(L, t) != 0) {
        ++count;
        if (lua_type(L, -2) == LUA_TSTRING) {
            strings = true;
        } else if (lua_isinteger(L, -2) && lua_tointeger(L, -2) >= 1) {
            integers = true;
            largest = std::max(largest, static_cast<lua_Integer>(lua_tointeger(L, -2)));
        } else {
            other = true;
        }
        lua_pop(L, 1);
    }
    if (count == 0) return Shape::Empty;
    if (other || (strings && integers)) return Shape::Other;
    if (strings) return Shape::Columns;
    return largest == count ? Shape::Rows : Shape::Other;
}

Rows rows_from_row_shape(const Call& call, int t) {
    lua_State* L = call.state();
    const auto n = static_cast<lua_Integer>(lua_rawlen(L, t));
    Rows rows;
    rows.reserve(static_cast<size_t>(n));
    for (lua_Integer r = 1; r <= n; ++r) {
        lua_rawgeti(L, t, r);
        const std::string where = "row #" + std::to_string(r) + " ";
        if (lua_type(L, -1) != LUA_TTABLE) {
            call.fail(where + "must be a table, got " + type_name(L, -1));
        }
        rows.push_back(to_row(call, -1, where));
        lua_pop(L, 1);
    }
    return rows;
}

// One column of the column shape: its cells by 0-based row, NULL (nullptr) in the holes.
struct Column {
    std::string name;
    std::vector<Value> cells;
};

// The array table on top of the stack as column `name`: keys must be positive integers; the
// lowest bad cell is reported.
Column read_column(const Call& call, const std::string& name) {
    lua_State* L = call.state();
    const int t = lua_gettop(L);
    if (lua_type(L, t) != LUA_TTABLE) call.fail("column '" + name + "' must be an array of values");
    lua_Integer length = 0;
    lua_pushnil(L);
    while (lua_next(L, t) != 0) {
        if (!lua_isinteger(L, -2) || lua_tointeger(L, -2) < 1) {
            lua_pop(L, 2);
            call.fail("column '" + name + "' must be an array of values");
        }
        length = std::max(length, static_cast<lua_Integer>(lua_tointeger(L, -2)));
        lua_pop(L, 1);
    }
    Column column{name, std::vector<Value>(static_cast<size_t>(length), nullptr)};
    lua_Integer first_bad = 0;
    lua_pushnil(L);
    while (lua_next(L, t) != 0) {
        const lua_Integer k = lua_tointeger(L, -2);
        if (!to_value(L, -1, column.cells[static_cast<size_t>(k - 1)]) && (first_bad == 0 || k < first_bad)) {
            first_bad = k;
        }
        lua_pop(L, 1);
    }
    if (first_bad != 0) {
        lua_rawgeti(L, t, first_bad);
        call.fail("column '" + name + "' row #" + std::to_string(first_bad) + " has unsupported Lua type " +
                  type_name(L, -1));
    }
    return column;
}

std::string joined(const std::vector<Column>& columns) {
    std::string out;
    for (const auto& column : columns) out += (out.empty() ? "" : ", ") + column.name;
    return out;
}

Rows rows_from_column_shape(const Call& call, int t, const std::function<std::optional<std::string>()>& dimension) {
    lua_State* L = call.state();
    std::vector<Column> columns;  // alphabetical
    for (const auto& name : string_keys(call, t, "column names")) {
        raw_get_field(L, t, name);
        columns.push_back(read_column(call, name));
        lua_pop(L, 1);
    }
    size_t count = 0;  // the largest index any column reaches
    for (const auto& column : columns) count = std::max(count, column.cells.size());
    if (count == 0) {
        call.fail("columns [" + joined(columns) + "] contain no rows; pass an empty table {} to clear the group");
    }

    // A time series: the dimension column fixes the row count and may not have holes.
    const std::optional<std::string> dim = dimension ? dimension() : std::nullopt;
    if (dim) {
        const auto it = std::find_if(columns.begin(), columns.end(), [&](const Column& c) { return c.name == *dim; });
        if (it == columns.end()) call.fail("missing dimension column '" + *dim + "'");
        count = it->cells.size();
        for (size_t i = 0; i < count; ++i) {
            if (std::holds_alternative<std::nullptr_t>(it->cells[i])) {
                call.fail("dimension column '" + *dim + "' has nil at index " + std::to_string(i + 1));
            }
        }
        for (const auto& column : columns) {
            if (column.cells.size() > count) {
                call.fail("column '" + column.name + "' has length " + std::to_string(column.cells.size()) +
                          " but expected " + std::to_string(count));
            }
        }
    }

    Rows rows(count);
    for (auto& column : columns) {
        for (size_t r = 0; r < count; ++r) {
            Value cell = r < column.cells.size() ? std::move(column.cells[r]) : Value(nullptr);
            rows[r].emplace_hint(rows[r].end(), column.name, std::move(cell));  // columns come sorted
        }
    }
    return rows;
}

}  // namespace

std::map<std::string, Value> to_row(const Call& call, int idx, const std::string& where) {
    lua_State* L = call.state();
    idx = lua_absindex(L, idx);
    std::map<std::string, Value> row;
    for (const auto& column : string_keys(call, idx, where + "column names")) {
        raw_get_field(L, idx, column);
        Value value;
        if (!to_value(L, -1, value)) {
            call.fail(where + "column '" + column + "' has unsupported Lua type " + type_name(L, -1));
        }
        row.emplace_hint(row.end(), column, std::move(value));
        lua_pop(L, 1);
    }
    return row;
}

Rows to_group_rows(const Call& call, int idx, const std::function<std::optional<std::string>()>& dimension) {
    lua_State* L = call.state();
    idx = lua_absindex(L, idx);
    switch (shape_of(L, idx)) {
    case Shape::Empty:
        return {};
    case Shape::Rows:
        return rows_from_row_shape(call, idx);
    case Shape::Columns:
        return rows_from_column_shape(call, idx, dimension);
    case Shape::Other:
        break;
    }
    call.fail("argument 'rows' must be a sequence of row tables or a table of columns");
}

}  // namespace quiver::lua
