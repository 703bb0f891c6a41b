// Script return values as JSON (api-additions §7, D18): the one encoder every layer reuses
// (LuaRunner::run, hence the C API, Python and quiver_cli).
#ifndef QUIVER_SRC_LUA_JSON_H
#define QUIVER_SRC_LUA_JSON_H

#include <lua.hpp>

#include <cstddef>
#include <string>

namespace quiver::lua {

inline constexpr size_t kMaxJsonBytes = size_t{64} * 1024 * 1024;  // 67108864
inline constexpr int kMaxJsonDepth = 32;                            // enclosing tables of a value

// The Lua value at idx as compact JSON: nil -> null, booleans, integers exactly, floats as the
// shortest round-trip text (NaN, +-inf -> null), strings (valid UTF-8 only), tables with keys
// exactly 1..n as arrays (an empty table is []), other tables as objects with string or
// integer keys sorted by byte order. Tables are read raw (metatables are ignored).
// Throws std::runtime_error("Cannot run: script returned ..." / "... return value ...").
// Uses only Lua API calls that cannot raise a Lua error, so it may run in a C++ frame.
std::string encode_json(lua_State* L, int idx);

}  // namespace quiver::lua

#endif  // QUIVER_SRC_LUA_JSON_H
