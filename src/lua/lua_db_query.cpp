// db:query_string, db:query_integer, db:query_float (sql [, params]).
#include "lua/lua_convert.h"

namespace quiver::lua {
namespace {

template <typename T>
using Query = std::optional<T> (Database::*)(const std::string&, const std::vector<Value>&);

template <typename T>
int query(lua_State* L, const char* method, Query<T> fn) {
    Call call(L, method);
    const auto sql = call.string_arg(2, "sql");
    std::vector<Value> params;
    if (call.optional_table_arg(3, "params")) {
        params = to_params(call, 3);
    }
    const auto result = (call.db().*fn)(sql, params);
    push_optional<T>(L, result);
    return 1;
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
}

}  // namespace quiver::lua
