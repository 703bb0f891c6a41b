// Argument checking, Value <-> Lua conversions, element tables and metadata tables.
#include "lua/lua_convert.h"

#include <algorithm>
#include <string>
#include <utility>

namespace quiver::lua {

const char* type_name(lua_State* L, int idx) {
    const int t = lua_type(L, idx);
    if (t == LUA_TNONE) {
        return "nil";  // a missing argument is nil to Lua code (type(missing) == "nil")
    }
    return lua_typename(L, t);
}

std::string to_std_string(lua_State* L, int idx) {
    size_t len = 0;
    const char* s = lua_tolstring(L, idx, &len);
    return std::string(s, len);
}

void push_string(lua_State* L, const std::string& s) {
    lua_pushlstring(L, s.data(), s.size());
}

void raw_get_field(lua_State* L, int idx, const std::string& key) {
    idx = lua_absindex(L, idx);
    push_string(L, key);
    lua_rawget(L, idx);
}

void set_method(lua_State* L, int table, const char* name, lua_CFunction fn) {
    lua_pushcfunction(L, fn);
    lua_setfield(L, table, name);
}

// --- Call ------------------------------------------------------------------------------------

Call::Call(lua_State* L, const char* method) : L_(L), method_(method), db_(nullptr) {
    auto* slot = static_cast<Database**>(luaL_testudata(L, 1, kDatabaseMetatable));
    if (slot == nullptr || *slot == nullptr) {
        fail(std::string("method must be called as db:") + method + "(...)");
    }
    db_ = *slot;
}

void Call::fail(const std::string& reason) const {
    throw std::runtime_error(std::string("Cannot ") + method_ + ": " + reason);
}

void Call::fail_argument(int idx, const char* name, const char* kind) const {
    fail(std::string("argument '") + name + "' must be " + kind + ", got " + type_name(L_, idx));
}

std::string Call::string_arg(int idx, const char* name) const {
    if (lua_type(L_, idx) != LUA_TSTRING) {
        fail_argument(idx, name, "a string");
    }
    return to_std_string(L_, idx);
}

int64_t Call::integer_arg(int idx, const char* name) const {
    if (lua_type(L_, idx) != LUA_TNUMBER) {
        fail_argument(idx, name, "an integer");
    }
    int is_integer = 0;
    const lua_Integer value = lua_tointegerx(L_, idx, &is_integer);  // exact floats convert
    if (!is_integer) {
        fail_argument(idx, name, "an integer");
    }
    return static_cast<int64_t>(value);
}

void Call::table_arg(int idx, const char* name) const {
    if (lua_type(L_, idx) != LUA_TTABLE) {
        fail_argument(idx, name, "a table");
    }
}

void Call::function_arg(int idx, const char* name) const {
    if (lua_type(L_, idx) != LUA_TFUNCTION) {
        fail_argument(idx, name, "a function");
    }
}

bool Call::optional_table_arg(int idx, const char* name) const {
    if (lua_isnoneornil(L_, idx)) {
        return false;
    }
    table_arg(idx, name);
    return true;
}

// --- Lua -> C++ ------------------------------------------------------------------------------

std::vector<std::string> string_keys(const Call& call, int idx, const std::string& what) {
    lua_State* L = call.state();
    idx = lua_absindex(L, idx);
    std::vector<std::string> keys;
    lua_pushnil(L);
    while (lua_next(L, idx) != 0) {
        if (lua_type(L, -2) != LUA_TSTRING) {
            call.fail(what + " must be strings, got " + type_name(L, -2));
        }
        keys.push_back(to_std_string(L, -2));
        lua_pop(L, 1);
    }
    std::sort(keys.begin(), keys.end());
    return keys;
}

namespace {

// The table on top of the stack must be a sequence 1..#t (raw length, no holes, no other keys).
bool is_sequence(lua_State* L, int idx, lua_Integer& length) {
    idx = lua_absindex(L, idx);
    length = static_cast<lua_Integer>(lua_rawlen(L, idx));
    lua_Integer count = 0;
    bool ok = true;
    lua_pushnil(L);
    while (lua_next(L, idx) != 0) {
        if (!lua_isinteger(L, -2)) {
            ok = false;
        } else {
            const lua_Integer k = lua_tointeger(L, -2);
            if (k < 1 || k > length) {
                ok = false;
            }
        }
        ++count;
        lua_pop(L, 1);
    }
    return ok && count == length;
}

// Converts the array table at the top of the stack and stores it in the element.
void set_array(const Call& call, Element& element, const std::string& name) {
    lua_State* L = call.state();
    const int t = lua_gettop(L);
    lua_Integer n = 0;
    if (!is_sequence(L, t, n)) {
        call.fail("array '" + name + "' must be a sequence");
    }
    if (n == 0) {
        element.set(name, std::vector<int64_t>{});
        return;
    }
    auto bad_element = [&](lua_Integer i) {
        call.fail("array '" + name + "' element #" + std::to_string(i) +
                  " has unsupported Lua type " + type_name(L, -1));
    };

    lua_rawgeti(L, t, 1);
    const int kind = lua_type(L, -1);
    lua_pop(L, 1);

    if (kind == LUA_TNUMBER) {
        std::vector<int64_t> integers;
        std::vector<double> floats;
        integers.reserve(static_cast<size_t>(n));
        floats.reserve(static_cast<size_t>(n));
        bool all_integers = true;
        for (lua_Integer i = 1; i <= n; ++i) {
            lua_rawgeti(L, t, i);
            if (lua_type(L, -1) != LUA_TNUMBER) {
                bad_element(i);
            }
            if (lua_isinteger(L, -1)) {
                const lua_Integer v = lua_tointeger(L, -1);
                integers.push_back(static_cast<int64_t>(v));
                floats.push_back(static_cast<double>(v));
            } else {
                all_integers = false;
                floats.push_back(static_cast<double>(lua_tonumber(L, -1)));
            }
            lua_pop(L, 1);
        }
        if (all_integers) {
            element.set(name, integers);
        } else {
            element.set(name, floats);
        }
    } else if (kind == LUA_TSTRING) {
        std::vector<std::string> strings;
        strings.reserve(static_cast<size_t>(n));
        for (lua_Integer i = 1; i <= n; ++i) {
            lua_rawgeti(L, t, i);
            if (lua_type(L, -1) != LUA_TSTRING) {
                bad_element(i);
            }
            strings.push_back(to_std_string(L, -1));
            lua_pop(L, 1);
        }
        element.set(name, strings);
    } else {
        lua_rawgeti(L, t, 1);
        bad_element(1);
    }
}

// --- fast path ---
//
// The common, well-formed element table is converted in one lua_next pass over the element and
// one over each array (in-order sequences only), without sorting names, re-looking up values or
// reading arrays twice. Anything unusual (a non-string name, an unsupported type, an empty array,
// a hole, an array in hash order, mixed strings and numbers) makes it give up with the stack
// restored; the checked conversion below then runs from scratch and reports the exact error in
// sorted-name order. Both produce the same Element for every table the fast path accepts.

// Converts the array table at absolute index t; false (stack unchanged) when not the fast case.
bool fast_array(lua_State* L, int t, Element& element, const std::string& name) {
    const auto n = static_cast<lua_Integer>(lua_rawlen(L, t));
    if (n <= 0) {
        return false;
    }
    const size_t reserve = static_cast<size_t>(std::min<lua_Integer>(n, 4096));
    lua_Integer count = 0;
    lua_pushnil(L);
    if (lua_next(L, t) == 0) {
        return false;
    }
    // Keys must come as 1, 2, ..., n (array-part order): checked for every entry.
    auto next_key_ok = [&] {
        return lua_isinteger(L, -2) && lua_tointeger(L, -2) == count + 1;
    };
    if (lua_type(L, -1) == LUA_TSTRING) {
        std::vector<std::string> strings;
        strings.reserve(reserve);
        do {
            size_t len = 0;
            const char* s = lua_type(L, -1) == LUA_TSTRING ? lua_tolstring(L, -1, &len) : nullptr;
            if (s == nullptr || !next_key_ok()) {
                lua_pop(L, 2);
                return false;
            }
            strings.emplace_back(s, len);
            ++count;
            lua_pop(L, 1);
        } while (lua_next(L, t) != 0);
        if (count != n) {
            return false;
        }
        element.set(name, strings);
        return true;
    }
    std::vector<int64_t> integers;
    std::vector<double> floats;  // used from the first float on
    integers.reserve(reserve);
    bool all_integers = true;
    do {
        if (lua_type(L, -1) != LUA_TNUMBER || !next_key_ok()) {
            lua_pop(L, 2);
            return false;
        }
        if (lua_isinteger(L, -1)) {
            const auto v = static_cast<int64_t>(lua_tointeger(L, -1));
            if (all_integers) {
                integers.push_back(v);
            } else {
                floats.push_back(static_cast<double>(v));
            }
        } else {
            if (all_integers) {
                all_integers = false;
                floats.reserve(reserve);
                for (const auto v : integers) floats.push_back(static_cast<double>(v));
            }
            floats.push_back(static_cast<double>(lua_tonumber(L, -1)));
        }
        ++count;
        lua_pop(L, 1);
    } while (lua_next(L, t) != 0);
    if (count != n) {
        return false;
    }
    if (all_integers) {
        element.set(name, integers);
    } else {
        element.set(name, floats);
    }
    return true;
}

// The number or string on top of the stack as scalar `name` (a Lua integer is an int64, a float
// a double); false for any other type. Shared by the fast and the checked path.
bool set_scalar(lua_State* L, Element& element, const std::string& name) {
    switch (lua_type(L, -1)) {
    case LUA_TNUMBER:
        if (lua_isinteger(L, -1)) {
            element.set(name, static_cast<int64_t>(lua_tointeger(L, -1)));
        } else {
            element.set(name, static_cast<double>(lua_tonumber(L, -1)));
        }
        return true;
    case LUA_TSTRING: {
        size_t len = 0;
        const char* value = lua_tolstring(L, -1, &len);
        element.set(name, std::string(value, len));
        return true;
    }
    default:
        return false;
    }
}

// The whole element table at absolute index idx; false (stack restored) when not the fast case.
bool fast_element(lua_State* L, int idx, Element& element) {
    const int top = lua_gettop(L);
    std::string name;
    lua_pushnil(L);
    while (lua_next(L, idx) != 0) {
        if (lua_type(L, -2) != LUA_TSTRING) {  // checked first: lua_tolstring must not convert keys
            lua_settop(L, top);
            return false;
        }
        size_t len = 0;
        const char* key = lua_tolstring(L, -2, &len);
        name.assign(key, len);
        const bool converted = lua_type(L, -1) == LUA_TTABLE ? fast_array(L, lua_gettop(L), element, name)
                                                             : set_scalar(L, element, name);
        if (!converted) {
            lua_settop(L, top);
            return false;
        }
        lua_pop(L, 1);
    }
    return true;
}

// --- checked path: sorted names, every rule, exact messages ---
Element to_element_checked(const Call& call, int idx) {
    lua_State* L = call.state();
    Element element;
    for (const auto& name : string_keys(call, idx, "attribute names")) {
        raw_get_field(L, idx, name);
        if (lua_type(L, -1) == LUA_TTABLE) {
            set_array(call, element, name);
        } else if (!set_scalar(L, element, name)) {
            call.fail("attribute '" + name + "' has unsupported Lua type " + type_name(L, -1));
        }
        lua_pop(L, 1);
    }
    return element;
}

}  // namespace

Element to_element(const Call& call, int idx) {
    lua_State* L = call.state();
    idx = lua_absindex(L, idx);
    {
        Element element;
        if (fast_element(L, idx, element)) {
            return element;
        }
    }
    return to_element_checked(call, idx);
}

std::vector<Value> to_params(const Call& call, int idx) {
    lua_State* L = call.state();
    idx = lua_absindex(L, idx);
    lua_Integer count = 0;
    lua_pushnil(L);
    while (lua_next(L, idx) != 0) {
        if (lua_isinteger(L, -2)) {
            count = std::max(count, static_cast<lua_Integer>(lua_tointeger(L, -2)));
        }
        lua_pop(L, 1);
    }
    std::vector<Value> params;
    params.reserve(static_cast<size_t>(count));
    for (lua_Integer i = 1; i <= count; ++i) {
        lua_rawgeti(L, idx, i);
        switch (lua_type(L, -1)) {
        case LUA_TNIL:
            params.emplace_back(nullptr);
            break;
        case LUA_TNUMBER:
            if (lua_isinteger(L, -1)) {
                params.emplace_back(static_cast<int64_t>(lua_tointeger(L, -1)));
            } else {
                params.emplace_back(static_cast<double>(lua_tonumber(L, -1)));
            }
            break;
        case LUA_TSTRING:
            params.emplace_back(to_std_string(L, -1));
            break;
        default:
            call.fail("parameter #" + std::to_string(i) + " has unsupported Lua type " +
                      type_name(L, -1));
        }
        lua_pop(L, 1);
    }
    return params;
}

// --- C++ -> Lua ------------------------------------------------------------------------------

void push_value(lua_State* L, const Value& value) {
    if (std::holds_alternative<int64_t>(value)) {
        lua_pushinteger(L, static_cast<lua_Integer>(std::get<int64_t>(value)));
    } else if (std::holds_alternative<double>(value)) {
        lua_pushnumber(L, static_cast<lua_Number>(std::get<double>(value)));
    } else if (std::holds_alternative<std::string>(value)) {
        push_string(L, std::get<std::string>(value));
    } else {
        lua_pushnil(L);
    }
}

const char* lua_data_type_name(DataType type) {
    switch (type) {
    case DataType::Integer: return "integer";
    case DataType::Real: return "real";
    case DataType::Text: return "text";
    case DataType::DateTime: return "date_time";
    }
    return "unknown";
}

void push_scalar_metadata(lua_State* L, const ScalarMetadata& md) {
    lua_createtable(L, 0, 5);
    push_string(L, md.name);
    lua_setfield(L, -2, "name");
    lua_pushstring(L, lua_data_type_name(md.data_type));
    lua_setfield(L, -2, "data_type");
    lua_pushboolean(L, md.not_null ? 1 : 0);
    lua_setfield(L, -2, "not_null");
    lua_pushboolean(L, md.primary_key ? 1 : 0);
    lua_setfield(L, -2, "primary_key");
    if (md.default_value) {
        push_string(L, *md.default_value);
        lua_setfield(L, -2, "default_value");
    }
}

void push_group_metadata(lua_State* L, const GroupMetadata& md, bool with_dimension) {
    lua_createtable(L, 0, 3);
    push_string(L, md.group_name);
    lua_setfield(L, -2, "group_name");
    if (with_dimension) {
        push_string(L, md.dimension_column);
        lua_setfield(L, -2, "dimension_column");
    }
    lua_createtable(L, static_cast<int>(md.value_columns.size()), 0);
    lua_Integer i = 1;
    for (const auto& column : md.value_columns) {
        push_scalar_metadata(L, column);
        lua_rawseti(L, -2, i++);
    }
    lua_setfield(L, -2, "value_columns");
}

}  // namespace quiver::lua
