// db:query_string, db:query_integer, db:query_float (sql [, params]) and db:query (sql [, params])
// -> rows, columns (D25).
#include "lua/lua_convert.h"

namespace quiver::lua {
namespace {

std::vector<Value> params_arg(const Call& call, int idx) {
    if (call.optional_table_arg(idx, "params")) return to_params(call, idx);
    return {};
}

template <typename T>
using Query = std::optional<T> (Database::*)(const std::string&, const std::vector<Value>&);

template <typename T>
int query(lua_State* L, const char* method, Query<T> fn) {
    Call call(L, method);
    const auto sql = call.string_arg(2, "sql");
    const auto params = params_arg(call, 3);
    const auto result = (call.db().*fn)(sql, params);
    push_optional<T>(L, result);
    return 1;
}

// rows: one table per row keyed by column name (NULL -> absent key); columns: the names in
// result order. Two columns of one name cannot both be keys: an error (checked after the
// statement ran, as only the statement knows its columns).
int query_rows(lua_State* L) {
    Call call(L, "query");
    const auto sql = call.string_arg(2, "sql");
    const auto params = params_arg(call, 3);
    const Result result = call.db().query(sql, params);
    const auto& columns = result.columns();
    for (size_t i = 0; i < columns.size(); ++i) {
        for (size_t j = 0; j < i; ++j) {
            if (columns[i] == columns[j]) call.fail("duplicate column name '" + columns[i] + "' in result; rename with AS");
        }
    }
    lua_createtable(L, static_cast<int>(result.row_count()), 0);
    lua_Integer r = 1;
    for (const auto& row : result) {
        lua_createtable(L, 0, static_cast<int>(columns.size()));
        for (size_t c = 0; c < columns.size(); ++c) {
            if (row.is_null(c)) continue;
            push_string(L, columns[c]);
            push_value(L, row[c]);
            lua_rawset(L, -3);
        }
        lua_rawseti(L, -2, r++);
    }
    push_list<std::string>(L, columns);
    return 2;
}

int query_string(lua_State* L) {
    return query<std::string>(L, "query_string", &Database::query_string);
}
int query_integer(lua_State* L) {
    return query<int64_t>(L, "query_integer", &Database::query_integer);
}
int query_float(lua_State* L) {
    return query<double>(L, "query_float", &Database::query_float);
}

}  // namespace

void register_query_methods(lua_State* L, int table) {
    set_method(L, table, "query_string", protect<query_string>);
    set_method(L, table, "query_integer", protect<query_integer>);
    set_method(L, table, "query_float", protect<query_float>);
    set_method(L, table, "query", protect<query_rows>);
}

}  // namespace quiver::lua
