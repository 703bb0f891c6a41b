// LuaRunner: one sandboxed Lua 5.4 state with the runner's Database bound as the global `db`.
//
// Sandbox (D13): only base, string, table, math, utf8 and coroutine are opened; dofile and
// loadfile are removed; io, os, package (require) and debug are never loaded. Chunks are
// loaded in text mode only (run() and load()), so precompiled bytecode cannot be injected.
#include "quiver/lua_runner.h"

#include "lua/lua_convert.h"
#include "quiver/database.h"

#include <stdexcept>
#include <string>

namespace quiver {

namespace {

// load(chunk [, chunkname [, mode [, env]]]) with the mode forced to text. The original base
// `load` is upvalue 1.
int load_text_only(lua_State* L) {
    const int nargs = lua_gettop(L);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_pushvalue(L, 1);
    if (nargs >= 2) {
        lua_pushvalue(L, 2);
    } else {
        lua_pushnil(L);
    }
    lua_pushliteral(L, "t");
    int pushed = 3;
    if (nargs >= 4) {
        lua_pushvalue(L, 4);  // an explicit env (even nil) is passed through
        ++pushed;
    }
    lua_call(L, pushed, LUA_MULTRET);
    return lua_gettop(L) - nargs;
}

// Builds the sandbox. Runs inside lua_pcall, so it holds no C++ objects with destructors.
int setup_state(lua_State* L) {
    auto* db = static_cast<Database*>(lua_touserdata(L, 1));

    luaL_requiref(L, LUA_GNAME, luaopen_base, 1);
    lua_pop(L, 1);
    luaL_requiref(L, LUA_STRLIBNAME, luaopen_string, 1);
    lua_pop(L, 1);
    luaL_requiref(L, LUA_TABLIBNAME, luaopen_table, 1);
    lua_pop(L, 1);
    luaL_requiref(L, LUA_MATHLIBNAME, luaopen_math, 1);
    lua_pop(L, 1);
    luaL_requiref(L, LUA_UTF8LIBNAME, luaopen_utf8, 1);
    lua_pop(L, 1);
    luaL_requiref(L, LUA_COLIBNAME, luaopen_coroutine, 1);
    lua_pop(L, 1);

    lua_pushnil(L);
    lua_setglobal(L, "dofile");
    lua_pushnil(L);
    lua_setglobal(L, "loadfile");
    lua_getglobal(L, "load");
    lua_pushcclosure(L, load_text_only, 1);
    lua_setglobal(L, "load");

    // The `Database` method table.
    lua_newtable(L);
    const int methods = lua_gettop(L);
    lua::register_write_methods(L, methods);
    lua::register_read_methods(L, methods);
    lua::register_metadata_methods(L, methods);
    lua::register_time_series_methods(L, methods);
    lua::register_query_methods(L, methods);
    lua::register_csv_methods(L, methods);
    lua::register_transaction_methods(L, methods);
    lua::register_misc_methods(L, methods);

    // Metatable of the `db` userdata: methods through __index.
    luaL_newmetatable(L, lua::kDatabaseMetatable);
    lua_pushvalue(L, methods);
    lua_setfield(L, -2, "__index");
    lua_pop(L, 1);

    auto** slot = static_cast<Database**>(lua_newuserdatauv(L, sizeof(Database*), 0));
    *slot = db;
    luaL_setmetatable(L, lua::kDatabaseMetatable);
    lua_setglobal(L, "db");

    lua_setglobal(L, "Database");  // the method table
    return 0;
}

// The text after "Lua error: " for the error value on top of the stack (api §5.2).
std::string error_text(lua_State* L) {
    switch (lua_type(L, -1)) {
    case LUA_TSTRING:
        return lua::to_std_string(L, -1);
    case LUA_TNUMBER: {
        lua_pushvalue(L, -1);  // lua_tolstring converts in place: work on a copy
        std::string text = lua::to_std_string(L, -1);
        lua_pop(L, 1);
        return text;
    }
    default:
        return "";
    }
}

}  // namespace

struct LuaRunner::Impl {
    Database* db = nullptr;
    lua_State* L = nullptr;

    Impl() = default;
    Impl(const Impl&) = delete;
    Impl& operator=(const Impl&) = delete;
    ~Impl() {
        if (L != nullptr) {
            lua_close(L);
        }
    }
};

LuaRunner::LuaRunner(Database& db) : impl_(std::make_unique<Impl>()) {
    impl_->db = &db;
    impl_->L = luaL_newstate();
    if (impl_->L == nullptr) {
        throw std::runtime_error("Lua error: cannot create Lua state");
    }
    lua_State* L = impl_->L;
    lua_pushcfunction(L, setup_state);
    lua_pushlightuserdata(L, &db);
    if (lua_pcall(L, 1, 0, 0) != LUA_OK) {
        std::string message = error_text(L);
        lua_settop(L, 0);
        throw std::runtime_error("Lua error: " + message);
    }
}

LuaRunner::~LuaRunner() = default;
LuaRunner::LuaRunner(LuaRunner&&) noexcept = default;
LuaRunner& LuaRunner::operator=(LuaRunner&&) noexcept = default;

void LuaRunner::run(const std::string& script) {
    if (!impl_) {
        throw std::runtime_error("Lua error: LuaRunner has been moved from");
    }
    lua_State* L = impl_->L;
    lua_settop(L, 0);
    // The chunk name is the script text itself, so messages read [string "..."]:line: ...
    int status = luaL_loadbufferx(L, script.data(), script.size(), script.c_str(), "t");
    if (status == LUA_OK) {
        status = lua_pcall(L, 0, 0, 0);
    }
    if (status != LUA_OK) {
        std::string message = error_text(L);
        lua_settop(L, 0);  // the runner stays usable
        throw std::runtime_error("Lua error: " + message);
    }
    lua_settop(L, 0);
}

}  // namespace quiver
