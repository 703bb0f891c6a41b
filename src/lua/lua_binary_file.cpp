// Lua: db:open_file(path, mode [, md]), db:bin_to_csv(path [, aggregate]), db:csv_to_bin(path)
// and the BinaryFile methods f:read, f:write, f:close, f:is_open, f:get_metadata,
// f:get_file_path (binary.md §7). Paths are resolved by the file sandbox.
#include "lua/lua_binary.h"
#include "lua/lua_convert.h"
#include "lua/lua_sandbox.h"

#include "quiver/binary/csv_converter.h"

#include <unordered_map>

namespace quiver::lua {
namespace {

int open_file(lua_State* L) {
    Call call(L, "open_file");
    const std::string path = call.string_arg(2, "path");
    const std::string mode = call.string_arg(3, "mode");
    if (mode != "r" && mode != "w") call.fail("mode must be \"r\" or \"w\"");
    std::optional<BinaryMetadata> metadata;
    if (!lua_isnoneornil(L, 4)) {
        const BinaryMetadata* md = to_metadata(L, 4);
        if (!md) call.fail(std::string("argument 'md' must be a BinaryMetadata, got ") + type_name(L, 4));
        metadata = *md;
    }
    const std::string resolved = sandbox_path("open_file", call.db().path(), path);
    push_binary_file(L, BinaryFile::open_file(resolved, mode[0], metadata));
    return 1;
}

int bin_to_csv(lua_State* L) {
    Call call(L, "bin_to_csv");
    const std::string path = call.string_arg(2, "path");
    bool aggregate = true;
    if (!lua_isnoneornil(L, 3)) {
        if (lua_type(L, 3) != LUA_TBOOLEAN) {
            call.fail(std::string("argument 'aggregate' must be a boolean, got ") + type_name(L, 3));
        }
        aggregate = lua_toboolean(L, 3) != 0;
    }
    CSVConverter::bin_to_csv(sandbox_path("bin_to_csv", call.db().path(), path), aggregate);
    return 0;
}

int csv_to_bin(lua_State* L) {
    Call call(L, "csv_to_bin");
    const std::string path = call.string_arg(2, "path");
    CSVConverter::csv_to_bin(sandbox_path("csv_to_bin", call.db().path(), path));
    return 0;
}

// {dim = value, ...} -> the C++ map; "Cannot <op>: dimension '<d>' must be an integer, got <type>".
std::unordered_map<std::string, int64_t> to_dims(const Args& args, int idx) {
    lua_State* L = args.state();
    args.table_arg(idx, "dims");
    std::unordered_map<std::string, int64_t> dims;
    lua_pushnil(L);
    while (lua_next(L, idx) != 0) {
        if (lua_type(L, -2) != LUA_TSTRING) {
            args.fail(std::string("dimension names must be strings, got ") + type_name(L, -2));
        }
        const std::string name = to_std_string(L, -2);
        int is_integer = 0;
        const lua_Integer value = lua_type(L, -1) == LUA_TNUMBER ? lua_tointegerx(L, -1, &is_integer) : 0;
        if (!is_integer) args.fail("dimension '" + name + "' must be an integer, got " + type_name(L, -1));
        dims[name] = static_cast<int64_t>(value);
        lua_pop(L, 1);
    }
    return dims;
}

int read(lua_State* L) {
    const Args args(L, "read");
    BinaryFile& file = binary_file_self(args);
    const auto dims = to_dims(args, 2);
    const bool allow_nulls = args.optional_boolean_arg(3, "allow_nulls", false);
    push_list<double>(L, file.read(dims, allow_nulls));
    return 1;
}

int write(lua_State* L) {
    const Args args(L, "write");
    BinaryFile& file = binary_file_self(args);
    args.table_arg(2, "data");
    std::vector<double> data;
    const auto n = static_cast<lua_Integer>(lua_rawlen(L, 2));
    for (lua_Integer i = 1; i <= n; ++i) {
        lua_rawgeti(L, 2, i);
        if (lua_type(L, -1) != LUA_TNUMBER) {
            const std::string type = type_name(L, -1);
            lua_pop(L, 1);
            args.fail("data entry " + std::to_string(i) + " must be a number, got " + type);
        }
        data.push_back(static_cast<double>(lua_tonumber(L, -1)));
        lua_pop(L, 1);
    }
    file.write(data, to_dims(args, 3));
    return 0;
}

int close(lua_State* L) {
    binary_file_self(Args(L, "close")).close();
    return 0;
}

int is_open(lua_State* L) {
    lua_pushboolean(L, binary_file_self(Args(L, "is_open")).is_open());
    return 1;
}

int get_metadata(lua_State* L) {
    push_metadata(L, binary_file_self(Args(L, "get_metadata")).get_metadata());
    return 1;
}

int get_file_path(lua_State* L) {
    push_string(L, binary_file_self(Args(L, "get_file_path")).get_file_path());
    return 1;
}

}  // namespace

void register_binary_file(lua_State* L, int methods, Database* /*db*/) {
    set_method(L, methods, "open_file", protect<open_file>);
    set_method(L, methods, "bin_to_csv", protect<bin_to_csv>);
    set_method(L, methods, "csv_to_bin", protect<csv_to_bin>);
    luaL_newmetatable(L, kBinaryFileMetatable);
    const int mt = lua_gettop(L);
    lua_newtable(L);
    const int file_methods = lua_gettop(L);
    set_method(L, file_methods, "read", protect<read>);
    set_method(L, file_methods, "write", protect<write>);
    set_method(L, file_methods, "close", protect<close>);
    set_method(L, file_methods, "is_open", protect<is_open>);
    set_method(L, file_methods, "get_metadata", protect<get_metadata>);
    set_method(L, file_methods, "get_file_path", protect<get_file_path>);
    lua_setfield(L, mt, "__index");
    // `local f <close> = db:open_file(...)` closes at scope exit; garbage collection closes too.
    lua_pushcfunction(L, protect<close>);
    lua_setfield(L, mt, "__close");
    lua_pushcfunction(L, destroy_userdata<BinaryFile>);
    lua_setfield(L, mt, "__gc");
    lua_pop(L, 1);
}

}  // namespace quiver::lua
