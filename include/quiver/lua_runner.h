// LuaRunner: an embedded Lua 5.4 state with a Database bound as the global `db`.
//
// The database must outlive the runner. Globals persist across run() calls. Only the base,
// string, table, math, utf8 and coroutine libraries are loaded; the only file access is through
// db: methods (CSV), confined to the database's directory (R4, docs/lua.md).
#ifndef QUIVER_LUA_RUNNER_H
#define QUIVER_LUA_RUNNER_H

#include "quiver/export.h"

#include <cstdint>
#include <memory>
#include <string>

namespace quiver {

class Database;

struct LuaRunnerOptions {
    // Maximum number of Lua VM instructions one run() may execute; 0 = unlimited. When the
    // budget is exhausted the script fails with "Cannot run: instruction limit of <n> exceeded"
    // (run() throws "Lua error: Cannot run: instruction limit of <n> exceeded"); pcall cannot
    // swallow it. Time spent inside a single library call (e.g. a long string.rep) is not counted.
    uint64_t instruction_limit = 0;
};

class QUIVER_API LuaRunner {
public:
    explicit LuaRunner(Database& db);
    LuaRunner(Database& db, const LuaRunnerOptions& options);
    ~LuaRunner();
    LuaRunner(const LuaRunner&) = delete;
    LuaRunner& operator=(const LuaRunner&) = delete;
    LuaRunner(LuaRunner&&) noexcept;
    LuaRunner& operator=(LuaRunner&&) noexcept;

    // Runs the script text and returns its first return value as JSON (D18): "" when the
    // script returns nothing, "null" for nil (encoding rules in docs/lua.md). A Lua failure
    // throws std::runtime_error("Lua error: <message>"); a value that cannot be encoded throws
    // "Cannot run: ..." (the script's effects remain).
    std::string run(const std::string& script);
    // Same, with the chunk name Lua uses in error positions: "@<path>" gives "<path>:<line>:",
    // "=<name>" gives "<name>:<line>:". run(script) uses the script text itself.
    std::string run(const std::string& script, const std::string& chunk_name);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace quiver

#endif  // QUIVER_LUA_RUNNER_H
