// describe, describe_collection, summarize_collection (strings, D17), is_healthy,
// current_version, path.
#include "lua/lua_convert.h"

namespace quiver::lua {
namespace {

int describe(lua_State* L) {
    Call call(L, "describe");
    push_string(L, call.db().describe());
    return 1;
}

int describe_collection(lua_State* L) {
    Call call(L, "describe_collection");
    const auto collection = call.string_arg(2, "collection");
    push_string(L, call.db().describe_collection(collection));
    return 1;
}

int summarize_collection(lua_State* L) {
    Call call(L, "summarize_collection");
    const auto collection = call.string_arg(2, "collection");
    push_string(L, call.db().summarize_collection(collection));
    return 1;
}

int is_healthy(lua_State* L) {
    Call call(L, "is_healthy");
    const bool healthy = call.db().is_healthy();
    lua_pushboolean(L, healthy ? 1 : 0);
    return 1;
}

int current_version(lua_State* L) {
    Call call(L, "current_version");
    const int64_t version = call.db().current_version();
    lua_pushinteger(L, static_cast<lua_Integer>(version));
    return 1;
}

int path(lua_State* L) {
    Call call(L, "path");
    push_string(L, call.db().path());
    return 1;
}

}  // namespace

void register_misc_methods(lua_State* L, int table) {
    set_method(L, table, "describe", protect<describe>);
    set_method(L, table, "describe_collection", protect<describe_collection>);
    set_method(L, table, "summarize_collection", protect<summarize_collection>);
    set_method(L, table, "is_healthy", protect<is_healthy>);
    set_method(L, table, "current_version", protect<current_version>);
    set_method(L, table, "path", protect<path>);
}

}  // namespace quiver::lua
