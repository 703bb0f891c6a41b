// LuaRunner: one sandboxed Lua 5.4 state with the runner's Database bound as the global `db`.
//
// Sandbox (D13): only base, string, table, math, utf8 and coroutine are opened; dofile and
// loadfile are removed; io, os, package (require) and debug are never loaded. Chunks are
// loaded in text mode only (run() and load()), so precompiled bytecode cannot be injected.
//
// Instruction limit (LuaRunnerOptions::instruction_limit): a count hook charges the executed
// VM instructions of each run() against the budget, in steps of at most kHookStep; when the
// budget is spent it raises "Cannot run: instruction limit of <n> exceeded" and re-arms itself
// to fire on every following instruction, so a pcall/coroutine around the loop cannot swallow it.
#include "quiver/lua_runner.h"

#include "lua/lua_binary.h"
#include "lua/lua_convert.h"
#include "lua/lua_json.h"
#include "quiver/database.h"

#include <algorithm>
#include <cstdint>
#include <stdexcept>
#include <string>

namespace quiver {

namespace {

// The budget of one runner; the hook finds it through the state's extra space (which every
// coroutine inherits from the main thread).
struct InstructionBudget {
    uint64_t limit = 0;  // 0 = unlimited (no hook installed)
    uint64_t remaining = 0;
};

constexpr uint64_t kHookStep = 1000;

InstructionBudget* budget_of(lua_State* L) {
    return *static_cast<InstructionBudget**>(lua_getextraspace(L));
}

// Count hook: runs every lua_gethookcount(L) instructions of the thread L. Holds no C++ objects
// with destructors (lua_error longjmps out of it).
void count_hook(lua_State* L, lua_Debug* /*ar*/) {
    InstructionBudget* budget = budget_of(L);
    if (budget == nullptr || budget->limit == 0) return;
    const auto spent = static_cast<uint64_t>(lua_gethookcount(L));
    budget->remaining = spent >= budget->remaining ? 0 : budget->remaining - spent;
    if (budget->remaining == 0) {
        lua_sethook(L, count_hook, LUA_MASKCOUNT, 1);  // keep failing until run() ends
        lua_pushfstring(L, "Cannot run: instruction limit of %I exceeded", static_cast<lua_Integer>(budget->limit));
        lua_error(L);
    }
    lua_sethook(L, count_hook, LUA_MASKCOUNT, static_cast<int>(std::min(budget->remaining, kHookStep)));
}

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

// With an instruction limit, two places where Lua runs code with hooks disabled are closed:
//
// 1. xpcall: an error raised from the count hook calls the message handler before unwinding,
//    while hooks are still off, so `xpcall(f, function() while true do end end)` would never
//    stop. This xpcall runs f under pcall and calls the handler after unwinding (hooks on).
//    Without the debug library a handler cannot tell the difference, except that it cannot yield
//    (as before) and an error inside the handler becomes xpcall's second result.
int xpcall_finish(lua_State* L, int status, lua_KContext extra) {
    if (status != LUA_OK && status != LUA_YIELD) {  // the error object is on top
        lua_pushvalue(L, 2);                         // handler
        lua_rotate(L, -2, 1);                        // handler, error
        lua_pcall(L, 1, 1, 0);                       // its result, or its own error
        lua_pushboolean(L, 0);
        lua_rotate(L, -2, 1);
        return 2;  // false, handler(error)
    }
    return lua_gettop(L) - static_cast<int>(extra);  // true, results...
}

int xpcall_unwound(lua_State* L) {
    const int n = lua_gettop(L);
    luaL_checktype(L, 2, LUA_TFUNCTION);
    lua_pushboolean(L, 1);
    lua_pushvalue(L, 1);
    lua_rotate(L, 3, 2);  // f's arguments follow true, f
    const int status = lua_pcallk(L, n - 2, LUA_MULTRET, 0, 2, xpcall_finish);
    return xpcall_finish(L, status, 2);
}

// 2. __gc finalizers run with hooks disabled (also from lua_close), so an endless finalizer
//    could not be stopped. setmetatable refuses a metatable with a __gc field (a field added
//    later does not mark the object for finalization).
int setmetatable_without_gc(lua_State* L) {
    if (lua_type(L, 2) == LUA_TTABLE) {
        lua_pushliteral(L, "__gc");
        const bool has_gc = lua_rawget(L, 2) != LUA_TNIL;
        lua_pop(L, 1);
        if (has_gc) {
            return luaL_error(L, "Cannot setmetatable: __gc metamethods are not allowed with an instruction limit");
        }
    }
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, 1);
    return 1;
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
    if (budget_of(L) != nullptr && budget_of(L)->limit != 0) {
        lua_pushcfunction(L, xpcall_unwound);
        lua_setglobal(L, "xpcall");
        lua_getglobal(L, "setmetatable");
        lua_pushcclosure(L, setmetatable_without_gc, 1);
        lua_setglobal(L, "setmetatable");
    }

    // The `Database` method table.
    lua_newtable(L);
    const int methods = lua_gettop(L);
    lua::register_write_methods(L, methods);
    lua::register_read_methods(L, methods);
    lua::register_group_methods(L, methods);
    lua::register_metadata_methods(L, methods);
    lua::register_time_series_methods(L, methods);
    lua::register_query_methods(L, methods);
    lua::register_csv_methods(L, methods);
    lua::register_transaction_methods(L, methods);
    lua::register_misc_methods(L, methods);
    lua::register_binary(L, methods, db);  // binary files and expressions: db:open_file & co., `quiver`

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
    InstructionBudget budget;

    Impl() = default;
    Impl(const Impl&) = delete;
    Impl& operator=(const Impl&) = delete;
    ~Impl() {
        if (L != nullptr) {
            lua_close(L);
        }
    }
};

LuaRunner::LuaRunner(Database& db) : LuaRunner(db, LuaRunnerOptions{}) {}

LuaRunner::LuaRunner(Database& db, const LuaRunnerOptions& options) : impl_(std::make_unique<Impl>()) {
    impl_->db = &db;
    impl_->budget.limit = options.instruction_limit;
    impl_->L = luaL_newstate();
    if (impl_->L == nullptr) {
        throw std::runtime_error("Lua error: cannot create Lua state");
    }
    lua_State* L = impl_->L;
    *static_cast<InstructionBudget**>(lua_getextraspace(L)) = &impl_->budget;
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

std::string LuaRunner::run(const std::string& script) {
    // The chunk name is the script text itself, so messages read [string "..."]:line: ...
    return run(script, script);
}

std::string LuaRunner::run(const std::string& script, const std::string& chunk_name) {
    if (!impl_) {
        throw std::runtime_error("Lua error: LuaRunner has been moved from");
    }
    lua_State* L = impl_->L;
    lua_settop(L, 0);
    if (impl_->budget.limit != 0) {  // every run() gets the whole budget
        impl_->budget.remaining = impl_->budget.limit;
        lua_sethook(L, count_hook, LUA_MASKCOUNT, static_cast<int>(std::min(impl_->budget.limit, kHookStep)));
    }
    int status = luaL_loadbufferx(L, script.data(), script.size(), chunk_name.c_str(), "t");
    if (status == LUA_OK) {
        status = lua_pcall(L, 0, LUA_MULTRET, 0);
    }
    if (status != LUA_OK) {
        std::string message = error_text(L);
        lua_settop(L, 0);  // the runner stays usable
        throw std::runtime_error("Lua error: " + message);
    }
    // Only the first returned value counts (D18); none gives "".
    std::string result;
    try {
        if (lua_gettop(L) > 0) result = lua::encode_json(L, 1);
    } catch (...) {
        lua_settop(L, 0);
        throw;
    }
    lua_settop(L, 0);
    return result;
}

}  // namespace quiver
