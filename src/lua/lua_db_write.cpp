// db:create_element, db:update_element, db:delete_element and db:update_relation. The writers
// address their element by an integer id or a string label (api-additions §8).
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
    const auto target = call.element_arg(3);
    call.table_arg(4, "element");
    const Element element = to_element(call, 4);
    std::visit([&](const auto& e) { call.db().update_element(collection, e, element); }, target);
    return 0;
}

int delete_element(lua_State* L) {
    Call call(L, "delete_element");
    const auto collection = call.string_arg(2, "collection");
    const auto target = call.element_arg(3);
    std::visit([&](const auto& e) { call.db().delete_element(collection, e); }, target);
    return 0;
}

// target_label must be given: a string sets the relation, an explicit nil clears it (§8.1).
int update_relation(lua_State* L) {
    Call call(L, "update_relation");
    const auto collection_from = call.string_arg(2, "collection_from");
    const auto collection_to = call.string_arg(3, "collection_to");
    const auto relation_type = call.string_arg(4, "relation_type");
    const auto source = call.element_arg(5);
    std::optional<std::string> target_label;
    switch (lua_type(L, 6)) {
    case LUA_TNONE:
        call.fail("argument 'target_label' is missing; pass nil to clear the relation");
    case LUA_TNIL:
        break;
    case LUA_TSTRING:
        target_label = to_std_string(L, 6);
        break;
    default:
        call.fail("target_label must be a string label or nil");
    }
    std::visit(
        [&](const auto& e) { call.db().update_relation(collection_from, collection_to, relation_type, e, target_label); },
        source);
    return 0;
}

}  // namespace

void register_write_methods(lua_State* L, int table) {
    set_method(L, table, "create_element", protect<create_element>);
    set_method(L, table, "update_element", protect<update_element>);
    set_method(L, table, "delete_element", protect<delete_element>);
    set_method(L, table, "update_relation", protect<update_relation>);
}

}  // namespace quiver::lua
