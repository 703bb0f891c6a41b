// Time series groups, rows (read_time_series_row, upsert_time_series_row) and time-series files.
#include "lua/lua_convert.h"

namespace quiver::lua {
namespace {

int read_time_series_group(lua_State* L) {
    Call call(L, "read_time_series_group");
    const auto collection = call.string_arg(2, "collection");
    const auto group = call.string_arg(3, "group");
    const auto id = call.integer_arg(4, "id");
    push_rows(L, call.db().read_time_series_group(collection, group, id));
    return 1;
}

// rows in either shape (§4.1, D15); in the column shape the dimension column is the row-count
// authority. An unknown collection or group is left to the core, which names it.
int update_time_series_group(lua_State* L) {
    Call call(L, "update_time_series_group");
    const auto collection = call.string_arg(2, "collection");
    const auto group = call.string_arg(3, "group");
    const auto element = call.element_arg(4);
    call.table_arg(5, "rows");
    Database& db = call.db();
    const auto rows = to_group_rows(call, 5, [&]() -> std::optional<std::string> {
        try {
            return db.get_time_series_metadata(collection, group).dimension_column;
        } catch (const std::exception&) {
            return std::nullopt;  // the write below fails with the core's own message
        }
    });
    std::visit([&](const auto& e) { db.update_time_series_group(collection, group, e, rows); }, element);
    return 0;
}

// One slot per element (read_element_ids order), nil where there is no value (§4.2).
int read_time_series_row(lua_State* L) {
    Call call(L, "read_time_series_row");
    const auto collection = call.string_arg(2, "collection");
    const auto group = call.string_arg(3, "group");
    const auto attribute = call.string_arg(4, "attribute");
    const auto date_time = call.string_arg(5, "date_time");
    push_value_list(L, call.db().read_time_series_row(collection, group, attribute, date_time));
    return 1;
}

// row: {column = integer|float|string}; nil cannot be expressed, so an upsert never sets NULL
// from Lua (§4.3).
int upsert_time_series_row(lua_State* L) {
    Call call(L, "upsert_time_series_row");
    const auto collection = call.string_arg(2, "collection");
    const auto group = call.string_arg(3, "group");
    const auto element = call.element_arg(4);
    call.table_arg(5, "row");
    const auto row = to_row(call, 5, "");
    std::visit([&](const auto& e) { call.db().upsert_time_series_row(collection, group, e, row); }, element);
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
    set_method(L, table, "read_time_series_row", protect<read_time_series_row>);
    set_method(L, table, "upsert_time_series_row", protect<upsert_time_series_row>);
    set_method(L, table, "read_time_series_files", protect<read_time_series_files>);
    set_method(L, table, "update_time_series_files", protect<update_time_series_files>);
    set_method(L, table, "has_time_series_files", protect<has_time_series_files>);
    set_method(L, table, "list_time_series_files_columns",
               protect<list_time_series_files_columns>);
}

}  // namespace quiver::lua
