// Metadata: get_*_metadata and list_* (api §5.4). data_type is "integer" | "real" | "text" |
// "date_time"; scalar metadata carries no foreign-key fields (api §5.4), the value columns of
// groups do (is_foreign_key, references_*; api-additions §0.1 R3); vector/set groups carry no
// dimension_column.
#include "lua/lua_convert.h"

namespace quiver::lua {
namespace {

using GroupGetter = GroupMetadata (Database::*)(const std::string&, const std::string&) const;
using GroupLister = std::vector<GroupMetadata> (Database::*)(const std::string&) const;

int get_scalar_metadata(lua_State* L) {
    Call call(L, "get_scalar_metadata");
    const auto collection = call.string_arg(2, "collection");
    const auto attribute = call.string_arg(3, "attribute");
    const auto md = call.db().get_scalar_metadata(collection, attribute);
    push_scalar_metadata(L, md);
    return 1;
}

int get_group(lua_State* L, const char* method, GroupGetter getter, bool with_dimension) {
    Call call(L, method);
    const auto collection = call.string_arg(2, "collection");
    const auto group = call.string_arg(3, "group");
    const auto md = (call.db().*getter)(collection, group);
    push_group_metadata(L, md, with_dimension);
    return 1;
}

int list_groups(lua_State* L, const char* method, GroupLister lister, bool with_dimension) {
    Call call(L, method);
    const auto collection = call.string_arg(2, "collection");
    const auto groups = (call.db().*lister)(collection);
    lua_createtable(L, static_cast<int>(groups.size()), 0);
    lua_Integer i = 1;
    for (const auto& md : groups) {
        push_group_metadata(L, md, with_dimension);
        lua_rawseti(L, -2, i++);
    }
    return 1;
}

int get_vector_metadata(lua_State* L) {
    return get_group(L, "get_vector_metadata", &Database::get_vector_metadata, false);
}
int get_set_metadata(lua_State* L) {
    return get_group(L, "get_set_metadata", &Database::get_set_metadata, false);
}
int get_time_series_metadata(lua_State* L) {
    return get_group(L, "get_time_series_metadata", &Database::get_time_series_metadata, true);
}

int list_scalar_attributes(lua_State* L) {
    Call call(L, "list_scalar_attributes");
    const auto collection = call.string_arg(2, "collection");
    const auto attributes = call.db().list_scalar_attributes(collection);
    lua_createtable(L, static_cast<int>(attributes.size()), 0);
    lua_Integer i = 1;
    for (const auto& md : attributes) {
        push_scalar_metadata(L, md);
        lua_rawseti(L, -2, i++);
    }
    return 1;
}

int list_vector_groups(lua_State* L) {
    return list_groups(L, "list_vector_groups", &Database::list_vector_groups, false);
}
int list_set_groups(lua_State* L) {
    return list_groups(L, "list_set_groups", &Database::list_set_groups, false);
}
int list_time_series_groups(lua_State* L) {
    return list_groups(L, "list_time_series_groups", &Database::list_time_series_groups, true);
}

}  // namespace

void register_metadata_methods(lua_State* L, int table) {
    set_method(L, table, "get_scalar_metadata", protect<get_scalar_metadata>);
    set_method(L, table, "get_vector_metadata", protect<get_vector_metadata>);
    set_method(L, table, "get_set_metadata", protect<get_set_metadata>);
    set_method(L, table, "get_time_series_metadata", protect<get_time_series_metadata>);
    set_method(L, table, "list_scalar_attributes", protect<list_scalar_attributes>);
    set_method(L, table, "list_vector_groups", protect<list_vector_groups>);
    set_method(L, table, "list_set_groups", protect<list_set_groups>);
    set_method(L, table, "list_time_series_groups", protect<list_time_series_groups>);
}

}  // namespace quiver::lua
