// Path resolution of the Lua file sandbox (R4). The check is made on the canonical path
// (std::filesystem::weakly_canonical: symbolic links of the existing part resolved, then `.`
// and `..` removed), so neither `../x` nor a link inside the directory pointing out of it
// escapes. The database's directory is itself resolved the same way. A link changed between
// this check and the file operation is not caught (scripts cannot create links).
#include "lua/lua_sandbox.h"

#include <filesystem>
#include <stdexcept>
#include <system_error>

namespace quiver::lua {
namespace {

namespace fs = std::filesystem;

[[noreturn]] void fail(std::string_view op, const std::string& reason) {
    throw std::runtime_error("Cannot " + std::string(op) + ": " + reason);
}

fs::path canonical_or_fail(std::string_view op, const fs::path& path) {
    std::error_code ec;
    fs::path resolved = fs::weakly_canonical(path, ec);
    if (ec) fail(op, "cannot resolve path '" + path.string() + "': " + ec.message());
    return resolved;
}

// True when `path` is `root` or lies below it (component-wise, so /data2 is not inside /data).
bool is_inside(const fs::path& root, const fs::path& path) {
    auto r = root.begin();
    auto p = path.begin();
    for (; r != root.end(); ++r, ++p) {
        if (r->empty()) continue;  // a trailing separator of the root
        if (p == path.end() || *r != *p) return false;
    }
    return true;
}

}  // namespace

std::string sandbox_path(std::string_view op, const std::string& db_path, const std::string& path) {
    if (db_path.empty() || db_path == ":memory:") {
        fail(op, "database is in-memory, file operations are unavailable");
    }
    std::error_code ec;
    const fs::path database = fs::absolute(fs::path(db_path), ec);
    if (ec) fail(op, "cannot resolve path '" + db_path + "': " + ec.message());
    const fs::path root = canonical_or_fail(op, database.parent_path());
    const fs::path given(path);
    const fs::path resolved = canonical_or_fail(op, given.is_absolute() ? given : root / given);
    if (!is_inside(root, resolved)) {
        fail(op, "path '" + path + "' escapes the database directory '" + root.string() + "'");
    }
    return resolved.string();
}

}  // namespace quiver::lua
