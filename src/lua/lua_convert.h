// Internal helpers of the embedded Lua runner: argument checking, Value <-> Lua conversions,
// element tables, group data and metadata tables. Not part of the public API. This header is
// the binding's one conversion path: every db: method converts through it (lua_convert.cpp for
// arguments, cells, elements and metadata; lua_convert_rows.cpp for group rows and columns).
//
// Error discipline: Lua (Debian's liblua5.4, compiled as C) raises errors with longjmp, which
// must never cross a C++ frame that owns objects. Therefore every db: method is written as a
// plain C++ function that reports *all* failures by throwing std::runtime_error (argument
// errors included), and is exposed to Lua only through protect<>(), which catches, copies the
// message onto the Lua stack, lets every C++ object go out of scope and only then calls
// lua_error. Inside the C++ functions only raw (metamethod-free) Lua accessors are used, so
// no Lua error can be raised from within them (short of running out of memory).
#ifndef QUIVER_SRC_LUA_CONVERT_H
#define QUIVER_SRC_LUA_CONVERT_H

#include "quiver/attribute_metadata.h"
#include "quiver/database.h"
#include "quiver/element.h"
#include "quiver/value.h"

#include <lua.hpp>

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <variant>
#include <vector>

namespace quiver::lua {

// Registry name of the metatable of the `db` userdata.
inline constexpr const char* kDatabaseMetatable = "quiver.Database";

// Type name of the value at idx as Lua's type() reports it ("nil" for a missing argument).
const char* type_name(lua_State* L, int idx);

// How a writer addresses its element (api-additions §8): an id or a label.
using ElementRef = std::variant<int64_t, std::string>;

// Whole-group data as the C++ core takes it: one map per row, NULL cells as nullptr.
using Rows = std::vector<std::map<std::string, Value>>;

// One db: method invocation: the method name (for messages) and the checked receiver.
// Lua argument 1 is the receiver (`db`), so the first user argument is at index 2.
class Call {
public:
    // Checks that argument 1 is the db userdata, else
    // "Cannot <method>: method must be called as db:<method>(...)".
    Call(lua_State* L, const char* method);

    lua_State* state() const { return L_; }
    const char* method() const { return method_; }
    Database& db() const { return *db_; }

    // Throws std::runtime_error("Cannot <method>: <reason>").
    [[noreturn]] void fail(const std::string& reason) const;

    // Argument checks: "Cannot <method>: argument '<name>' must be <kind>, got <lua type>".
    std::string string_arg(int idx, const char* name) const;
    int64_t integer_arg(int idx, const char* name) const;  // also an exact-integer float
    void table_arg(int idx, const char* name) const;
    void function_arg(int idx, const char* name) const;
    // nil/missing -> false; table -> true; anything else -> the table error.
    bool optional_table_arg(int idx, const char* name) const;
    // An integer id (also an exact-integer float) or a string label (a numeric-looking string
    // is a label); anything else ->
    // "Cannot <method>: element must be addressed by an integer id or a string label".
    ElementRef element_arg(int idx) const;

private:
    [[noreturn]] void fail_argument(int idx, const char* name, const char* kind) const;

    lua_State* L_;
    const char* method_;
    Database* db_;
};

// Returned by an implementation that left an error value on top of the stack and wants it
// raised unchanged (db:transaction re-raising the error of its function).
inline constexpr int kRaiseTop = -1;

// Wraps a throwing C++ implementation into a lua_CFunction (see the discipline above).
template <int (*Fn)(lua_State*)>
int protect(lua_State* L) {
    {
        bool caught = true;
        std::string message;
        try {
            const int results = Fn(L);
            if (results != kRaiseTop) {
                return results;
            }
            caught = false;  // the error value is already on top of the stack
        } catch (const std::exception& e) {
            message = e.what();
        } catch (...) {
            message = "Unknown error";
        }
        if (caught) {
            lua_pushlstring(L, message.data(), message.size());
        }
    }  // message destroyed here: nothing with a destructor is left on this frame
    return lua_error(L);
}

// Reads a Lua string at idx (must be of type string) without conversions.
std::string to_std_string(lua_State* L, int idx);

// --- Lua -> C++ ------------------------------------------------------------------------------

// The one cell conversion: a Lua integer becomes an int64, a float a double, a string a text
// value; false (out untouched) for every other type, nil included (callers decide what nil
// means where it can be expressed).
bool to_value(lua_State* L, int idx, Value& out);

// Element table { name = value, ... } (api §5.3). Names are processed in sorted order so that
// the reported error does not depend on table iteration order.
Element to_element(const Call& call, int idx);

// Query parameters: indices 1..largest positive integer key, holes bind NULL.
std::vector<Value> to_params(const Call& call, int idx);

// A table {column = integer|float|string} (sorted names) as one row. `where` prefixes the
// reasons: "<where>column names must be strings, got <type>",
// "<where>column '<c>' has unsupported Lua type <type>" (e.g. where = "row #2 ").
std::map<std::string, Value> to_row(const Call& call, int idx, const std::string& where);

// The `rows` argument of a group writer (api-additions §3.4, §4.1; D15), in either shape:
// {} clears; row shape {{col = v, ...}, ...} (keys exactly 1..n; a key absent from a row is
// NULL); column shape {col = {v1, v2, ...}, ...} (holes and shorter columns are NULL). For a
// time series, `dimension` returns the dimension column, which then is the row-count authority
// of the column shape; it is asked only for column-shaped data and may return nullopt (unknown
// group: the core reports it). Throws the §3.4/§4.1 messages.
Rows to_group_rows(const Call& call, int idx,
                   const std::function<std::optional<std::string>()>& dimension = {});

// Sorted string keys of the table at idx; a non-string key fails with
// "Cannot <method>: <what> must be strings, got <type>".
std::vector<std::string> string_keys(const Call& call, int idx, const std::string& what);

// Pushes t[key] (raw) for the table at idx.
void raw_get_field(lua_State* L, int idx, const std::string& key);

// --- C++ -> Lua ------------------------------------------------------------------------------

void push_string(lua_State* L, const std::string& s);
void push_value(lua_State* L, const Value& value);  // nullptr -> nil
// Slots 1..n, nil holes for NULL cells.
void push_value_list(lua_State* L, const std::vector<Value>& values);
// A sequence of row tables {column = value}; a NULL cell is an absent key.
void push_rows(lua_State* L, const Rows& rows);

template <typename T>
void push_scalar(lua_State* L, const T& value);

template <>
inline void push_scalar<int64_t>(lua_State* L, const int64_t& value) {
    lua_pushinteger(L, static_cast<lua_Integer>(value));
}
template <>
inline void push_scalar<double>(lua_State* L, const double& value) {
    lua_pushnumber(L, static_cast<lua_Number>(value));
}
template <>
inline void push_scalar<std::string>(lua_State* L, const std::string& value) {
    push_string(L, value);
}

template <typename T>
void push_optional(lua_State* L, const std::optional<T>& value) {
    if (value) {
        push_scalar<T>(L, *value);
    } else {
        lua_pushnil(L);
    }
}

// {v1, v2, ...}
template <typename T>
void push_list(lua_State* L, const std::vector<T>& values) {
    lua_createtable(L, static_cast<int>(values.size()), 0);
    lua_Integer i = 1;
    for (const auto& v : values) {
        push_scalar<T>(L, v);
        lua_rawseti(L, -2, i++);
    }
}

// Slots 1..n, nil holes for empty optionals (D4).
template <typename T>
void push_optional_list(lua_State* L, const std::vector<std::optional<T>>& values) {
    lua_createtable(L, static_cast<int>(values.size()), 0);
    lua_Integer i = 1;
    for (const auto& v : values) {
        if (v) {
            push_scalar<T>(L, *v);
            lua_rawseti(L, -2, i);
        }
        ++i;
    }
}

// {{...}, {...}} (D5)
template <typename T>
void push_list_of_lists(lua_State* L, const std::vector<std::vector<T>>& values) {
    lua_createtable(L, static_cast<int>(values.size()), 0);
    lua_Integer i = 1;
    for (const auto& inner : values) {
        push_list<T>(L, inner);
        lua_rawseti(L, -2, i++);
    }
}

// "integer" | "real" | "text" | "date_time"
const char* lua_data_type_name(DataType type);

// {name, data_type, not_null, primary_key, default_value}, plus (with_foreign_key)
// is_foreign_key and references_collection/references_column (nil when not a foreign key).
void push_scalar_metadata(lua_State* L, const ScalarMetadata& md, bool with_foreign_key = false);
// {group_name, [dimension_column,] value_columns}; value columns carry the foreign-key fields
// (api-additions §0.1 R3).
void push_group_metadata(lua_State* L, const GroupMetadata& md, bool with_dimension);

// --- method registration ---------------------------------------------------------------------

// Each area file contributes its methods (name + protected lua_CFunction); the runner puts
// all of them into the `Database` method table.
void register_write_methods(lua_State* L, int table);
void register_read_methods(lua_State* L, int table);
void register_group_methods(lua_State* L, int table);
void register_metadata_methods(lua_State* L, int table);
void register_time_series_methods(lua_State* L, int table);
void register_query_methods(lua_State* L, int table);
void register_csv_methods(lua_State* L, int table);
void register_transaction_methods(lua_State* L, int table);
void register_misc_methods(lua_State* L, int table);

// Sets table[name] = fn for the table at absolute index `table`.
void set_method(lua_State* L, int table, const char* name, lua_CFunction fn);

}  // namespace quiver::lua

#endif  // QUIVER_SRC_LUA_CONVERT_H
