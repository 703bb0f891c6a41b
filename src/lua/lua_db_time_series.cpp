// Time series groups and time-series files.
#include "lua/lua_convert.h"

namespace quiver::lua {
namespace {

int read_time_series_group(lua_State* L) {
    Call call(L, "read_time_series_group");
    const auto collection = call.string_arg(2, "collection");
    const auto group = call.string_arg(3, "group");
    const auto id = call.integer_arg(4, "id");
    const auto rows = call.db().read_time_series_group(collection, group, id);
    lua_createtable(L, static_cast<int>(rows.size()), 0);
    lua_Integer r = 1;
    for (const auto& row : rows) {
        lua_createtable(L, 0, static_cast<int>(row.size()));
        for (const auto& [column, value] : row) {
            if (std::holds_alternative<std::nullptr_t>(value)) {
                continue;  // NULL cells are absent keys
            }
            push_string(L, column);
            push_value(L, value);
            lua_rawset(L, -3);
        }
        lua_rawseti(L, -2, r++);
    }
    return 1;
}

// rows: a sequence of tables {column = integer|float|string}.
std::vector<std::map<std::string, Value>> to_rows(const Call& call, int idx) {
    lua_State* L = call.state();
    idx = lua_absindex(L, idx);
    const auto n = static_cast<lua_Integer>(lua_rawlen(L, idx));
    lua_Integer count = 0;
    bool sequence = true;
    lua_pushnil(L);
    while (lua_next(L, idx) != 0) {
        if (!lua_isinteger(L, -2) || lua_tointeger(L, -2) < 1 || lua_tointeger(L, -2) > n) {
            sequence = false;
        }
        ++count;
        lua_pop(L, 1);
    }
    if (!sequence || count != n) {
        call.fail("argument 'rows' must be a sequence of tables");
    }

    std::vector<std::map<std::string, Value>> rows;
    rows.reserve(static_cast<size_t>(n));
    for (lua_Integer r = 1; r <= n; ++r) {
        lua_rawgeti(L, idx, r);
        const int row = lua_gettop(L);
        if (lua_type(L, row) != LUA_TTABLE) {
            call.fail("row #" + std::to_string(r) + " must be a table, got " + type_name(L, row));
        }
        std::map<std::string, Value> values;
        const auto columns =
            string_keys(call, row, "row #" + std::to_string(r) + " column names");
        for (const auto& column : columns) {
            raw_get_field(L, row, column);
            switch (lua_type(L, -1)) {
            case LUA_TNUMBER:
                if (lua_isinteger(L, -1)) {
                    values.emplace(column, static_cast<int64_t>(lua_tointeger(L, -1)));
                } else {
                    values.emplace(column, static_cast<double>(lua_tonumber(L, -1)));
                }
                break;
            case LUA_TSTRING:
                values.emplace(column, to_std_string(L, -1));
                break;
            default:
                call.fail("row #" + std::to_string(r) + " column '" + column +
                          "' has unsupported Lua type " + type_name(L, -1));
            }
            lua_pop(L, 1);
        }
        rows.push_back(std::move(values));
        lua_pop(L, 1);
    }
    return rows;
}

int update_time_series_group(lua_State* L) {
    Call call(L, "update_time_series_group");
    const auto collection = call.string_arg(2, "collection");
    const auto group = call.string_arg(3, "group");
    const auto id = call.integer_arg(4, "id");
    call.table_arg(5, "rows");
    const auto rows = to_rows(call, 5);
    call.db().update_time_series_group(collection, group, id, rows);
    return 0;
}

int read_time_series_files(lua_State* L) {
    Call call(L, "read_time_series_files");
    const auto collection = call.string_arg(2, "collection");
    const auto files = call.db().read_time_series_files(collection);
    lua_createtable(L, 0, static_cast<int>(files.size()));
    for (const auto& [column, path] : files) {
        if (path) {
            push_string(L, column);
            push_string(L, *path);
            lua_rawset(L, -3);
        }
    }
    return 1;
}

int update_time_series_files(lua_State* L) {
    Call call(L, "update_time_series_files");
    const auto collection = call.string_arg(2, "collection");
    call.table_arg(3, "paths");
    std::map<std::string, std::optional<std::string>> paths;
    for (const auto& column : string_keys(call, 3, "column names")) {
        raw_get_field(L, 3, column);
        if (lua_type(L, -1) != LUA_TSTRING) {
            call.fail("column '" + column + "' must be a string path, got " + type_name(L, -1));
        }
        paths.emplace(column, to_std_string(L, -1));
        lua_pop(L, 1);
    }
    call.db().update_time_series_files(collection, paths);
    return 0;
}

int has_time_series_files(lua_State* L) {
    Call call(L, "has_time_series_files");
    const auto collection = call.string_arg(2, "collection");
    const bool result = call.db().has_time_series_files(collection);
    lua_pushboolean(L, result ? 1 : 0);
    return 1;
}

int list_time_series_files_columns(lua_State* L) {
    Call call(L, "list_time_series_files_columns");
    const auto collection = call.string_arg(2, "collection");
    const auto columns = call.db().list_time_series_files_columns(collection);
    push_list<std::string>(L, columns);
    return 1;
}

}  // namespace

void register_time_series_methods(lua_State* L, int table) {
    set_method(L, table, "read_time_series_group", protect<read_time_series_group>);
    set_method(L, table, "update_time_series_group", protect<update_time_series_group>);
    set_method(L, table, "read_time_series_files", protect<read_time_series_files>);
    set_method(L, table, "update_time_series_files", protect<update_time_series_files>);
    set_method(L, table, "has_time_series_files", protect<has_time_series_files>);
    set_method(L, table, "list_time_series_files_columns",
               protect<list_time_series_files_columns>);
}

}  // namespace quiver::lua
