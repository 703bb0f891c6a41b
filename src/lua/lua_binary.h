// The binary-file and expression API of Lua scripts (binary.md §7): the `quiver` global, the
// db:open_file / db:bin_to_csv / db:csv_to_bin methods and the userdata types BinaryMetadata,
// BinaryFile and Expression. Every path goes through the file sandbox (lua_sandbox.h).
//
// Same error discipline as lua_convert.h: implementations throw std::runtime_error and are
// exposed only through protect<>(). C++ objects live in full userdata (placement new, destroyed
// by __gc); they are built completely before the userdata is allocated.
#ifndef QUIVER_SRC_LUA_BINARY_H
#define QUIVER_SRC_LUA_BINARY_H

#include "quiver/binary/binary_file.h"
#include "quiver/database.h"
#include "quiver/expression/expression.h"

#include <lua.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace quiver::lua {

inline constexpr const char* kBinaryMetadataMetatable = "quiver.BinaryMetadata";
inline constexpr const char* kBinaryFileMetatable = "quiver.BinaryFile";
inline constexpr const char* kExpressionMetatable = "quiver.Expression";

// Argument checks of functions without a db receiver (quiver.*, md:, f:, e: methods):
// "Cannot <op>: argument '<name>' must be <kind>, got <lua type>".
class Args {
public:
    Args(lua_State* L, const char* op) : L_(L), op_(op) {}
    lua_State* state() const { return L_; }
    const char* op() const { return op_; }
    [[noreturn]] void fail(const std::string& reason) const;
    std::string string_arg(int idx, const char* name) const;
    double number_arg(int idx, const char* name) const;
    void table_arg(int idx, const char* name) const;
    std::optional<double> optional_number_arg(int idx, const char* name) const;
    bool optional_boolean_arg(int idx, const char* name, bool fallback) const;

private:
    lua_State* L_;
    const char* op_;
};

// The C++ object of the userdata at idx, or nullptr when idx holds something else.
BinaryMetadata* to_metadata(lua_State* L, int idx);
BinaryFile* to_binary_file(lua_State* L, int idx);
Expression* to_expression(lua_State* L, int idx);

// Receivers of md:/f:/e: methods; "Cannot <op>: method must be called as <var>:<op>(...)".
BinaryMetadata& metadata_self(const Args& args);
BinaryFile& binary_file_self(const Args& args);
Expression& expression_self(const Args& args);

// Push a new userdata owning a copy/move of the object.
void push_metadata(lua_State* L, BinaryMetadata metadata);
void push_binary_file(lua_State* L, BinaryFile file);
void push_expression(lua_State* L, Expression expression);

// Expression or binary file at idx as an Expression; nullopt for anything else.
std::optional<Expression> expression_operand(lua_State* L, int idx);

// The database of the running script (upvalue 1 of every closure that needs a path).
Database& script_database(lua_State* L);

// __gc of a userdata holding a T.
template <typename T>
int destroy_userdata(lua_State* L) {
    if (auto* object = static_cast<T*>(lua_touserdata(L, 1))) object->~T();
    return 0;
}

// Area registration (called once per state by the runner). `methods` is the db method table;
// `quiver` the table that becomes the `quiver` global. db is pushed as an upvalue where needed.
void register_binary_metadata(lua_State* L, int quiver);
void register_binary_file(lua_State* L, int methods, Database* db);
void register_expression(lua_State* L, int quiver, Database* db);
// Everything above, plus lua_setglobal("quiver").
void register_binary(lua_State* L, int methods, Database* db);

}  // namespace quiver::lua

#endif  // QUIVER_SRC_LUA_BINARY_H
