// Argument checking, Value <-> Lua conversions, element tables and metadata tables.
#include "lua/lua_convert.h"

#include <algorithm>
#include <optional>
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

ElementRef Call::element_arg(int idx) const {
    if (lua_type(L_, idx) == LUA_TSTRING) {
        return to_std_string(L_, idx);
    }
    if (lua_type(L_, idx) == LUA_TNUMBER) {
        int is_integer = 0;
        const lua_Integer value = lua_tointegerx(L_, idx, &is_integer);  // exact floats convert
        if (is_integer) {
            return static_cast<int64_t>(value);
        }
    }
    fail("element must be addressed by an integer id or a string label");
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

bool to_value(lua_State* L, int idx, Value& out) {
    switch (lua_type(L, idx)) {
    case LUA_TNUMBER:
        if (lua_isinteger(L, idx)) {
            out = static_cast<int64_t>(lua_tointeger(L, idx));
        } else {
            out = static_cast<double>(lua_tonumber(L, idx));
        }
        return true;
    case LUA_TSTRING: {
        size_t len = 0;
        const char* s = lua_tolstring(L, idx, &len);
        out = std::string(s, len);
        return true;
    }
    default:
        return false;
    }
}

namespace {

// --- element tables ---
//
// One lua_next pass over the element and one over each array, values placed by index, so a
// well-formed table is read once and never re-looked-up. The errors are exactly those of a
// check in sorted-name order, whatever order lua_next visits the table in:
//   1. a name that is not a string ("attribute names must be strings, got <type>") comes first;
//   2. otherwise the error of the alphabetically first bad attribute is reported; for an array,
//      "must be a sequence" before "element #<i>" with the lowest bad index.
// A failing attribute is recorded (not thrown) so the pass can go on looking for an earlier
// name; nothing of a failed conversion is kept.

// An attribute's failure: the reason after "Cannot <method>: ".
struct AttributeError {
    std::string name;
    std::string reason;
};

// The value on top of the stack as scalar `name` (to_value); false for an unsupported type.
bool set_scalar(lua_State* L, Element& element, const std::string& name) {
    Value value;
    if (!to_value(L, -1, value)) return false;
    element.set_value(name, std::move(value));
    return true;
}

// The array table at absolute index t as attribute `name`: a sequence 1..#t (raw length, no
// holes, no other keys) of numbers (integers stay int64 unless a float is present) or of
// strings, the kind being that of element #1. Returns the failure reason, or "" on success.
std::string set_array(lua_State* L, int t, Element& element, const std::string& name) {
    const auto n = static_cast<lua_Integer>(lua_rawlen(L, t));
    const auto size = static_cast<size_t>(n);
    lua_rawgeti(L, t, 1);
    const int kind = n > 0 ? lua_type(L, -1) : LUA_TNIL;
    lua_pop(L, 1);
    const bool strings_kind = kind == LUA_TSTRING;
    const bool numbers_kind = kind == LUA_TNUMBER;

    std::vector<std::string> strings;
    std::vector<int64_t> integers;
    std::vector<double> floats;  // used from the first float on
    if (strings_kind) strings.resize(size);
    if (numbers_kind) integers.resize(size);
    bool all_integers = true;
    bool sequence = true;
    lua_Integer count = 0;
    lua_Integer first_bad = n > 0 && !strings_kind && !numbers_kind ? 1 : 0;  // lowest bad index

    lua_pushnil(L);
    while (lua_next(L, t) != 0) {
        ++count;
        const lua_Integer k = lua_isinteger(L, -2) ? lua_tointeger(L, -2) : 0;
        if (k < 1 || k > n) {
            lua_pop(L, 2);  // not a sequence: nothing else matters
            sequence = false;
            break;
        }
        const auto i = static_cast<size_t>(k - 1);
        const int type = lua_type(L, -1);
        if (strings_kind && type == LUA_TSTRING) {
            size_t len = 0;
            const char* s = lua_tolstring(L, -1, &len);
            strings[i].assign(s, len);
        } else if (numbers_kind && type == LUA_TNUMBER) {
            if (lua_isinteger(L, -1)) {
                const auto v = static_cast<int64_t>(lua_tointeger(L, -1));
                if (all_integers) {
                    integers[i] = v;
                } else {
                    floats[i] = static_cast<double>(v);
                }
            } else {
                if (all_integers) {  // from now on every number goes to floats
                    all_integers = false;
                    floats.assign(integers.begin(), integers.end());
                }
                floats[i] = static_cast<double>(lua_tonumber(L, -1));
            }
        } else if (first_bad == 0 || k < first_bad) {
            first_bad = k;
        }
        lua_pop(L, 1);
    }
    if (!sequence || count != n) return "array '" + name + "' must be a sequence";
    if (first_bad != 0) {
        lua_rawgeti(L, t, first_bad);
        std::string reason = "array '" + name + "' element #" + std::to_string(first_bad) +
                             " has unsupported Lua type " + type_name(L, -1);
        lua_pop(L, 1);
        return reason;
    }
    if (n == 0) {
        element.set(name, std::vector<int64_t>{});
    } else if (strings_kind) {
        element.set(name, strings);
    } else if (all_integers) {
        element.set(name, integers);
    } else {
        element.set(name, floats);
    }
    return {};
}

}  // namespace

Element to_element(const Call& call, int idx) {
    lua_State* L = call.state();
    idx = lua_absindex(L, idx);
    Element element;
    std::optional<AttributeError> error;  // the alphabetically first failing attribute
    std::string name;
    lua_pushnil(L);
    while (lua_next(L, idx) != 0) {
        if (lua_type(L, -2) != LUA_TSTRING) {  // checked first: lua_tolstring must not convert keys
            const std::string type = type_name(L, -2);
            lua_pop(L, 2);
            call.fail("attribute names must be strings, got " + type);
        }
        size_t len = 0;
        const char* key = lua_tolstring(L, -2, &len);
        name.assign(key, len);
        if (!error || name < error->name) {
            std::string reason;
            if (lua_type(L, -1) == LUA_TTABLE) {
                reason = set_array(L, lua_gettop(L), element, name);
            } else if (!set_scalar(L, element, name)) {
                reason = "attribute '" + name + "' has unsupported Lua type " + type_name(L, -1);
            }
            if (!reason.empty()) error = AttributeError{name, std::move(reason)};
        }
        lua_pop(L, 1);
    }
    if (error) call.fail(error->reason);
    return element;
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
        Value& param = params.emplace_back(nullptr);  // a hole binds NULL
        if (!lua_isnil(L, -1) && !to_value(L, -1, param)) {
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

void push_value_list(lua_State* L, const std::vector<Value>& values) {
    lua_createtable(L, static_cast<int>(values.size()), 0);
    lua_Integer i = 1;
    for (const auto& value : values) {
        if (!std::holds_alternative<std::nullptr_t>(value)) {
            push_value(L, value);
            lua_rawseti(L, -2, i);
        }
        ++i;
    }
}

void push_rows(lua_State* L, const Rows& rows) {
    lua_createtable(L, static_cast<int>(rows.size()), 0);
    lua_Integer r = 1;
    for (const auto& row : rows) {
        lua_createtable(L, 0, static_cast<int>(row.size()));
        for (const auto& [column, value] : row) {
            if (std::holds_alternative<std::nullptr_t>(value)) {
                continue;  // NULL cells are absent keys
            }
            push_string(L, column);
            push_value(L, value);
            lua_rawset(L, -3);
        }
        lua_rawseti(L, -2, r++);
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

void push_scalar_metadata(lua_State* L, const ScalarMetadata& md, bool with_foreign_key) {
    lua_createtable(L, 0, with_foreign_key ? 8 : 5);
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
    if (with_foreign_key) {
        lua_pushboolean(L, md.is_foreign_key ? 1 : 0);
        lua_setfield(L, -2, "is_foreign_key");
        if (md.references_collection) {
            push_string(L, *md.references_collection);
            lua_setfield(L, -2, "references_collection");
        }
        if (md.references_column) {
            push_string(L, *md.references_column);
            lua_setfield(L, -2, "references_column");
        }
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
        push_scalar_metadata(L, column, true);
        lua_rawseti(L, -2, i++);
    }
    lua_setfield(L, -2, "value_columns");
}

}  // namespace quiver::lua
