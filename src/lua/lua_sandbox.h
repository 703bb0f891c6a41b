// The file sandbox of Lua scripts (§0.1 R4): every Lua file operation (db:export_csv,
// db:import_csv, and later ones such as the binary-file methods) passes its path through
// sandbox_path() first. C++, C and Python callers are not sandboxed.
#ifndef QUIVER_SRC_LUA_SANDBOX_H
#define QUIVER_SRC_LUA_SANDBOX_H

#include <string>
#include <string_view>

namespace quiver::lua {

// Resolves `path` for operation `op` of a script running against the database at `db_path`:
// a relative path is taken relative to the database's directory; the result, with `..` and
// symbolic links resolved (of the part that exists), must lie inside that directory. Returns
// the resolved absolute path. Throws std::runtime_error:
//   "Cannot <op>: database is in-memory, file operations are unavailable"   (":memory:", "")
//   "Cannot <op>: path '<path>' escapes the database directory '<root>'"
std::string sandbox_path(std::string_view op, const std::string& db_path, const std::string& path);

}  // namespace quiver::lua

#endif  // QUIVER_SRC_LUA_SANDBOX_H
