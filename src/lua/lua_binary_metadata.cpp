// Lua: the userdata plumbing of the binary API and the BinaryMetadata type —
// quiver.metadata{...}, quiver.metadata_from_toml(text), quiver.metadata_from_element(tbl) and
// the md:get_* / md:to_toml methods (binary.md §7).
#include "lua/lua_binary.h"
#include "lua/lua_convert.h"

#include <new>
#include <set>

namespace quiver::lua {

// ---------------------------------------------------------------------------------------------
// Args

void Args::fail(const std::string& reason) const {
    throw std::runtime_error(std::string("Cannot ") + op_ + ": " + reason);
}

std::string Args::string_arg(int idx, const char* name) const {
    if (lua_type(L_, idx) != LUA_TSTRING) {
        fail(std::string("argument '") + name + "' must be a string, got " + type_name(L_, idx));
    }
    return to_std_string(L_, idx);
}

double Args::number_arg(int idx, const char* name) const {
    if (lua_type(L_, idx) != LUA_TNUMBER) {
        fail(std::string("argument '") + name + "' must be a number, got " + type_name(L_, idx));
    }
    return static_cast<double>(lua_tonumber(L_, idx));
}

void Args::table_arg(int idx, const char* name) const {
    if (lua_type(L_, idx) != LUA_TTABLE) {
        fail(std::string("argument '") + name + "' must be a table, got " + type_name(L_, idx));
    }
}

std::optional<double> Args::optional_number_arg(int idx, const char* name) const {
    if (lua_isnoneornil(L_, idx)) return std::nullopt;
    return number_arg(idx, name);
}

bool Args::optional_boolean_arg(int idx, const char* name, bool fallback) const {
    if (lua_isnoneornil(L_, idx)) return fallback;
    if (lua_type(L_, idx) != LUA_TBOOLEAN) {
        fail(std::string("argument '") + name + "' must be a boolean, got " + type_name(L_, idx));
    }
    return lua_toboolean(L_, idx) != 0;
}

// ---------------------------------------------------------------------------------------------
// Userdata

namespace {

template <typename T>
T* test_userdata(lua_State* L, int idx, const char* metatable) {
    return static_cast<T*>(luaL_testudata(L, idx, metatable));
}

template <typename T>
void push_owned(lua_State* L, T value, const char* metatable) {
    void* memory = lua_newuserdatauv(L, sizeof(T), 0);
    new (memory) T(std::move(value));
    luaL_setmetatable(L, metatable);
}

template <typename T>
T& self(const Args& args, const char* metatable, const char* var) {
    T* object = test_userdata<T>(args.state(), 1, metatable);
    if (!object) args.fail(std::string("method must be called as ") + var + ":" + args.op() + "(...)");
    return *object;
}

}  // namespace

BinaryMetadata* to_metadata(lua_State* L, int idx) {
    return test_userdata<BinaryMetadata>(L, idx, kBinaryMetadataMetatable);
}
BinaryFile* to_binary_file(lua_State* L, int idx) {
    return test_userdata<BinaryFile>(L, idx, kBinaryFileMetatable);
}
Expression* to_expression(lua_State* L, int idx) {
    return test_userdata<Expression>(L, idx, kExpressionMetatable);
}
BinaryMetadata& metadata_self(const Args& args) {
    return self<BinaryMetadata>(args, kBinaryMetadataMetatable, "md");
}
BinaryFile& binary_file_self(const Args& args) {
    return self<BinaryFile>(args, kBinaryFileMetatable, "f");
}
Expression& expression_self(const Args& args) {
    return self<Expression>(args, kExpressionMetatable, "e");
}
void push_metadata(lua_State* L, BinaryMetadata metadata) {
    push_owned(L, std::move(metadata), kBinaryMetadataMetatable);
}
void push_binary_file(lua_State* L, BinaryFile file) {
    push_owned(L, std::move(file), kBinaryFileMetatable);
}
void push_expression(lua_State* L, Expression expression) {
    push_owned(L, std::move(expression), kExpressionMetatable);
}

Database& script_database(lua_State* L) {
    return *static_cast<Database*>(lua_touserdata(L, lua_upvalueindex(1)));
}

// ---------------------------------------------------------------------------------------------
// BinaryMetadata

namespace {

// A list field of a Lua table (on top of the stack) as strings or integers.
std::vector<std::string> string_list(const Args& args, const std::string& field) {
    lua_State* L = args.state();
    if (lua_type(L, -1) != LUA_TTABLE) args.fail("field '" + field + "' must be a table, got " + type_name(L, -1));
    std::vector<std::string> out;
    const auto n = static_cast<lua_Integer>(lua_rawlen(L, -1));
    for (lua_Integer i = 1; i <= n; ++i) {
        lua_rawgeti(L, -1, i);
        if (lua_type(L, -1) != LUA_TSTRING) {
            const std::string type = type_name(L, -1);
            lua_pop(L, 1);
            args.fail("field '" + field + "' entry " + std::to_string(i) + " must be a string, got " + type);
        }
        out.push_back(to_std_string(L, -1));
        lua_pop(L, 1);
    }
    return out;
}

std::vector<int64_t> integer_list(const Args& args, const std::string& field) {
    lua_State* L = args.state();
    if (lua_type(L, -1) != LUA_TTABLE) args.fail("field '" + field + "' must be a table, got " + type_name(L, -1));
    std::vector<int64_t> out;
    const auto n = static_cast<lua_Integer>(lua_rawlen(L, -1));
    for (lua_Integer i = 1; i <= n; ++i) {
        lua_rawgeti(L, -1, i);
        int is_integer = 0;
        const lua_Integer value = lua_type(L, -1) == LUA_TNUMBER ? lua_tointegerx(L, -1, &is_integer) : 0;
        const std::string type = type_name(L, -1);
        lua_pop(L, 1);
        if (!is_integer) args.fail("field '" + field + "' entry " + std::to_string(i) + " must be an integer, got " + type);
        out.push_back(static_cast<int64_t>(value));
    }
    return out;
}

// quiver.metadata{...}: missing strings are "" (version "1"), missing lists {}.
int metadata(lua_State* L) {
    const Args args(L, "metadata");
    args.table_arg(1, "fields");
    static const std::set<std::string> kStrings = {"initial_datetime", "unit", "version"};
    static const std::set<std::string> kLists = {"labels", "dimensions", "time_dimensions", "frequencies"};
    Element element;
    element.set("version", "1").set("initial_datetime", "").set("unit", "");
    for (const char* list : {"labels", "dimensions", "time_dimensions", "frequencies"}) {
        element.set(list, std::vector<std::string>{});
    }
    element.set("dimension_sizes", std::vector<int64_t>{});
    lua_pushnil(L);
    while (lua_next(L, 1) != 0) {
        if (lua_type(L, -2) != LUA_TSTRING) args.fail(std::string("field names must be strings, got ") + type_name(L, -2));
        const std::string key = to_std_string(L, -2);
        if (kStrings.count(key)) {
            if (lua_type(L, -1) != LUA_TSTRING) {
                args.fail("field '" + key + "' must be a string, got " + type_name(L, -1));
            }
            element.set(key, to_std_string(L, -1));
        } else if (kLists.count(key)) {
            element.set(key, string_list(args, key));
        } else if (key == "dimension_sizes") {
            element.set(key, integer_list(args, key));
        } else {
            args.fail("unknown field '" + key + "'");
        }
        lua_pop(L, 1);
    }
    push_metadata(L, BinaryMetadata::from_element(element));
    return 1;
}

int metadata_from_toml(lua_State* L) {
    const Args args(L, "metadata_from_toml");
    const std::string text = args.string_arg(1, "text");
    push_metadata(L, BinaryMetadata::from_toml_content(text));
    return 1;
}

// Any element-shaped table: strings and integers become scalars, tables arrays.
int metadata_from_element(lua_State* L) {
    const Args args(L, "metadata_from_element");
    args.table_arg(1, "element");
    Element element;
    lua_pushnil(L);
    while (lua_next(L, 1) != 0) {
        if (lua_type(L, -2) != LUA_TSTRING) args.fail(std::string("field names must be strings, got ") + type_name(L, -2));
        const std::string key = to_std_string(L, -2);
        int is_integer = 0;
        switch (lua_type(L, -1)) {
            case LUA_TSTRING: element.set(key, to_std_string(L, -1)); break;
            case LUA_TNUMBER: {
                const lua_Integer i = lua_tointegerx(L, -1, &is_integer);
                if (is_integer) {
                    element.set(key, static_cast<int64_t>(i));
                } else {
                    element.set(key, static_cast<double>(lua_tonumber(L, -1)));
                }
                break;
            }
            case LUA_TTABLE: {
                std::vector<Value> values;
                const auto n = static_cast<lua_Integer>(lua_rawlen(L, -1));
                for (lua_Integer k = 1; k <= n; ++k) {
                    lua_rawgeti(L, -1, k);
                    if (lua_type(L, -1) == LUA_TSTRING) {
                        values.emplace_back(to_std_string(L, -1));
                    } else if (lua_type(L, -1) == LUA_TNUMBER && lua_isinteger(L, -1)) {
                        values.emplace_back(static_cast<int64_t>(lua_tointeger(L, -1)));
                    } else {
                        const std::string type = type_name(L, -1);
                        lua_pop(L, 1);
                        args.fail("field '" + key + "' entry " + std::to_string(k) +
                                  " must be a string or an integer, got " + type);
                    }
                    lua_pop(L, 1);
                }
                element.set(key, std::move(values));
                break;
            }
            default: args.fail("field '" + key + "' must be a string, a number or a table, got " + type_name(L, -1));
        }
        lua_pop(L, 1);
    }
    push_metadata(L, BinaryMetadata::from_element(element));
    return 1;
}

int get_unit(lua_State* L) {
    push_string(L, metadata_self(Args(L, "get_unit")).unit);
    return 1;
}
int get_version(lua_State* L) {
    push_string(L, metadata_self(Args(L, "get_version")).version);
    return 1;
}
int get_initial_datetime(lua_State* L) {
    push_string(L, metadata_self(Args(L, "get_initial_datetime")).get_initial_datetime());
    return 1;
}
int to_toml(lua_State* L) {
    push_string(L, metadata_self(Args(L, "to_toml")).to_toml());
    return 1;
}
int get_labels(lua_State* L) {
    push_list<std::string>(L, metadata_self(Args(L, "get_labels")).labels);
    return 1;
}
int get_number_of_time_dimensions(lua_State* L) {
    lua_pushinteger(L, metadata_self(Args(L, "get_number_of_time_dimensions")).number_of_time_dimensions());
    return 1;
}

// {{name, size, is_time_dimension, frequency, initial_value, parent_dimension_index}, ...}
int get_dimensions(lua_State* L) {
    BinaryMetadata md = metadata_self(Args(L, "get_dimensions"));
    md.refresh_time_properties();
    lua_createtable(L, static_cast<int>(md.dimensions.size()), 0);
    lua_Integer i = 1;
    for (const auto& d : md.dimensions) {
        lua_createtable(L, 0, 6);
        push_string(L, d.name);
        lua_setfield(L, -2, "name");
        lua_pushinteger(L, d.size);
        lua_setfield(L, -2, "size");
        lua_pushboolean(L, d.is_time_dimension());
        lua_setfield(L, -2, "is_time_dimension");
        if (d.time) {
            push_string(L, frequency_to_string(d.time->frequency));
            lua_setfield(L, -2, "frequency");
            lua_pushinteger(L, d.time->initial_value);
            lua_setfield(L, -2, "initial_value");
            lua_pushinteger(L, d.time->parent_dimension_index);
            lua_setfield(L, -2, "parent_dimension_index");
        }
        lua_rawseti(L, -2, i++);
    }
    return 1;
}

}  // namespace

void register_binary_metadata(lua_State* L, int quiver) {
    set_method(L, quiver, "metadata", protect<metadata>);
    set_method(L, quiver, "metadata_from_toml", protect<metadata_from_toml>);
    set_method(L, quiver, "metadata_from_element", protect<metadata_from_element>);
    luaL_newmetatable(L, kBinaryMetadataMetatable);
    const int mt = lua_gettop(L);
    lua_newtable(L);
    const int methods = lua_gettop(L);
    set_method(L, methods, "get_unit", protect<get_unit>);
    set_method(L, methods, "get_version", protect<get_version>);
    set_method(L, methods, "get_initial_datetime", protect<get_initial_datetime>);
    set_method(L, methods, "get_labels", protect<get_labels>);
    set_method(L, methods, "get_dimensions", protect<get_dimensions>);
    set_method(L, methods, "get_number_of_time_dimensions", protect<get_number_of_time_dimensions>);
    set_method(L, methods, "to_toml", protect<to_toml>);
    lua_setfield(L, mt, "__index");
    lua_pushcfunction(L, destroy_userdata<BinaryMetadata>);
    lua_setfield(L, mt, "__gc");
    lua_pop(L, 1);
}

void register_binary(lua_State* L, int methods, Database* db) {
    lua_newtable(L);
    const int quiver = lua_gettop(L);
    register_binary_metadata(L, quiver);
    register_binary_file(L, methods, db);
    register_expression(L, quiver, db);
    lua_setglobal(L, "quiver");
}

}  // namespace quiver::lua
