// Whole vector and set groups of one element (api-additions §3.4, D15): the readers return
// row tables (a NULL cell is an absent key), the writers take rows in the row or the column
// shape and the element by id or label.
#include "lua/lua_convert.h"

namespace quiver::lua {
namespace {

using GroupReader = Rows (Database::*)(const std::string&, const std::string&, int64_t);

int read_group(lua_State* L, const char* method, GroupReader reader) {
    Call call(L, method);
    const auto collection = call.string_arg(2, "collection");
    const auto group = call.string_arg(3, "group");
    const auto id = call.integer_arg(4, "id");
    push_rows(L, (call.db().*reader)(collection, group, id));
    return 1;
}

enum class GroupKind { Vector, Set };

int update_group(lua_State* L, const char* method, GroupKind kind) {
    Call call(L, method);
    const auto collection = call.string_arg(2, "collection");
    const auto group = call.string_arg(3, "group");
    const auto element = call.element_arg(4);
    call.table_arg(5, "rows");
    const auto rows = to_group_rows(call, 5);
    std::visit(
        [&](const auto& e) {
            if (kind == GroupKind::Vector) {
                call.db().update_vector_group(collection, group, e, rows);
            } else {
                call.db().update_set_group(collection, group, e, rows);
            }
        },
        element);
    return 0;
}

int read_vector_group_by_id(lua_State* L) {
    return read_group(L, "read_vector_group_by_id", &Database::read_vector_group_by_id);
}
int read_set_group_by_id(lua_State* L) {
    return read_group(L, "read_set_group_by_id", &Database::read_set_group_by_id);
}
int update_vector_group(lua_State* L) {
    return update_group(L, "update_vector_group", GroupKind::Vector);
}
int update_set_group(lua_State* L) {
    return update_group(L, "update_set_group", GroupKind::Set);
}

}  // namespace

void register_group_methods(lua_State* L, int table) {
    set_method(L, table, "read_vector_group_by_id", protect<read_vector_group_by_id>);
    set_method(L, table, "read_set_group_by_id", protect<read_set_group_by_id>);
    set_method(L, table, "update_vector_group", protect<update_vector_group>);
    set_method(L, table, "update_set_group", protect<update_set_group>);
}

}  // namespace quiver::lua
