// db:create_element, db:update_element, db:delete_element.
#include "lua/lua_convert.h"

namespace quiver::lua {
namespace {

int create_element(lua_State* L) {
    Call call(L, "create_element");
    const auto collection = call.string_arg(2, "collection");
    call.table_arg(3, "element");
    const Element element = to_element(call, 3);
    const int64_t id = call.db().create_element(collection, element);
    lua_pushinteger(L, static_cast<lua_Integer>(id));
    return 1;
}

int update_element(lua_State* L) {
    Call call(L, "update_element");
    const auto collection = call.string_arg(2, "collection");
    const auto id = call.integer_arg(3, "id");
    call.table_arg(4, "element");
    const Element element = to_element(call, 4);
    call.db().update_element(collection, id, element);
    return 0;
}

int delete_element(lua_State* L) {
    Call call(L, "delete_element");
    const auto collection = call.string_arg(2, "collection");
    const auto id = call.integer_arg(3, "id");
    call.db().delete_element(collection, id);
    return 0;
}

}  // namespace

void register_write_methods(lua_State* L, int table) {
    set_method(L, table, "create_element", protect<create_element>);
    set_method(L, table, "update_element", protect<update_element>);
    set_method(L, table, "delete_element", protect<delete_element>);
}

}  // namespace quiver::lua
