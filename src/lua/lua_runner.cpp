// Placeholder until the Lua runner lands: every run fails clearly.
#include "quiver/lua_runner.h"
#include "quiver/database.h"

#include <stdexcept>

namespace quiver {

struct LuaRunner::Impl {
    Database* db;
};

LuaRunner::LuaRunner(Database& db) : impl_(std::make_unique<Impl>(Impl{&db})) {}
LuaRunner::~LuaRunner() = default;
LuaRunner::LuaRunner(LuaRunner&&) noexcept = default;
LuaRunner& LuaRunner::operator=(LuaRunner&&) noexcept = default;

void LuaRunner::run(const std::string&) {
    throw std::runtime_error("Lua error: the Lua runner is not built yet");
}

}  // namespace quiver
