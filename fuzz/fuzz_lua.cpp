// fuzz_lua: arbitrary text run as a Lua script by quiver::LuaRunner against a populated
// database with a fixed schema (tests/schemas/valid/lua_full.sql: scalars of every type, an
// FK, vectors, sets, a time series and a files table).
//
// Termination: the runner has no instruction limit, so inputs that could run for ever are
// rejected before they run: larger than 4 KiB, containing the keywords while/for/repeat/goto
// /function (no loops, no recursion, no tail-call cycles), or more than three `..`
// concatenations. A fixed prelude (not subject to the filter) removes load (no code built from
// strings), string.rep/format/pack/gsub/find/match/gmatch and table.concat/move (no
// unbounded allocation or backtracking), and makes export_csv/import_csv paths relative to
// the process's scratch directory (absolute paths and '..' are refused). SQL sent through
// db:query_* runs under the guard rails of fuzz_common.h.
//
// Checked: run() fails only with std::runtime_error; no exception of another type is thrown
// anywhere (the runner converts any std::exception into a Lua error, so the throw hook in
// fuzz_common.cpp is what catches a leaked std::out_of_range and the like); the runner stays
// usable after every script.
#include "fuzz_common.h"

#include <quiver/lua_runner.h>

#include <sqlite3.h>

#include <cctype>
#include <memory>
#include <optional>

using quiver::Database;
using quiver::Element;
using quiver::LuaRunner;
namespace fz = quiver::fuzz;

namespace {

constexpr size_t kMaxInput = 4096;

// The prelude; @SCRATCH@ is replaced by the scratch directory (with a trailing '/').
const char* const kPrelude = R"lua(
do
  local Database, select_, type_, error_, sub, find = Database, select, type, error, string.sub, string.find
  local pack, unpack = table.pack, table.unpack
  local scratch = [==[@SCRATCH@]==]
  -- CSV paths are taken relative to the scratch directory; absolute paths and '..' are refused.
  for _, name in ipairs({"export_csv", "import_csv"}) do
    local original = Database[name]
    Database[name] = function(...)
      local n, args = select_("#", ...), pack(...)
      local p = args[4]
      if type_(p) == "string" then
        if sub(p, 1, 1) == "/" or find(p, "..", 1, true) then
          error_("fuzz: path outside the scratch directory", 0)
        end
        args[4] = scratch .. p
      end
      return original(unpack(args, 1, n))
    end
  end
end
load = nil
string.rep, string.format, string.pack, string.gsub = nil, nil, nil, nil
string.find, string.match, string.gmatch = nil, nil, nil
table.concat, table.move = nil, nil
-- Functions for db:transaction(fn), since scripts cannot define any.
fuzz_ok = function(d) return d:in_transaction() end
fuzz_fail = function(d) error("fuzz failure") end
fuzz_write = function(d) return d:create_element("Parent", {label = "From fn"}) end
fuzz_write_fail = function(d) d:create_element("Parent", {label = "From fn 2"}); error({}) end
)lua";

std::string prelude() {
    std::string text = kPrelude;
    const std::string marker = "@SCRATCH@";
    text.replace(text.find(marker), marker.size(), fz::init_process().string() + "/");
    return text;
}

bool acceptable(const std::string& script) {
    if (script.size() > kMaxInput) return false;
    size_t concatenations = 0;
    for (size_t p = script.find(".."); p != std::string::npos; p = script.find("..", p + 2)) ++concatenations;
    if (concatenations > 3) return false;
    // Identifier tokens (also inside strings and comments: harmless over-approximation).
    for (size_t i = 0; i < script.size();) {
        const auto c = static_cast<unsigned char>(script[i]);
        if (std::isalpha(c) || c == '_') {
            size_t j = i;
            while (j < script.size() &&
                   (std::isalnum(static_cast<unsigned char>(script[j])) || script[j] == '_')) {
                ++j;
            }
            const std::string_view word(script.data() + i, j - i);
            if (word == "while" || word == "for" || word == "repeat" || word == "goto" || word == "function") {
                return false;
            }
            i = j;
        } else {
            ++i;
        }
    }
    return true;
}

Database fresh_database() {
    auto db = Database::from_schema(":memory:", fz::schema_path("valid/lua_full.sql"), fz::quiet());
    db.create_element("Configuration", Element().set("label", std::string("Config")));
    db.create_element("Parent", Element().set("label", std::string("Parent 1")));
    db.create_element("Item", Element()
                                  .set("label", std::string("Item 1"))
                                  .set("score", int64_t{3})
                                  .set("weight", 1.5)
                                  .set("parent_id", std::string("Parent 1"))
                                  .set("value_int", std::vector<int64_t>{1, 2, 3})
                                  .set("code", std::vector<std::string>{"a", "b"})
                                  .set("tag", std::vector<std::string>{"t1"})
                                  .set("date_time", std::vector<std::string>{"2024-01-01T00:00:00"})
                                  .set("temperature", std::vector<double>{20.5}));
    db.create_element("Item", Element().set("label", std::string("Item 2")).set("name", std::string("second")));
    db.update_time_series_files("Item", {{"inflow", std::string("inflow.csv")}});
    return db;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    fz::init_process();
    fz::install_sql_guard(5'000'000);
    return 0;
}

namespace {

// The database is reused between inputs and reset to the populated template (cheap), except
// after a script that may have changed its schema or connection settings (schema_version moved,
// or the text mentions PRAGMA): then it is created afresh for the next input.
struct Fixture {
    std::optional<Database> db;
    sqlite3* connection = nullptr;
    std::unique_ptr<fz::DatabaseTemplate> populated;
    int64_t schema_version = 0;
    bool fresh_needed = true;
};

int64_t schema_version(sqlite3* connection) {
    sqlite3_stmt* stmt = nullptr;
    int64_t version = -1;
    if (sqlite3_prepare_v2(connection, "PRAGMA schema_version", -1, &stmt, nullptr) == SQLITE_OK &&
        sqlite3_step(stmt) == SQLITE_ROW) {
        version = sqlite3_column_int64(stmt, 0);
    }
    sqlite3_finalize(stmt);
    return version;
}

Database& prepare(Fixture& f) {
    if (f.fresh_needed) {
        f.populated.reset();
        f.db.reset();
        f.db.emplace(fresh_database());
        f.connection = fz::last_opened_connection();
        f.populated = std::make_unique<fz::DatabaseTemplate>(f.connection);
        f.schema_version = schema_version(f.connection);
        f.fresh_needed = false;
    } else {
        if (f.db->in_transaction()) f.db->rollback();
        f.populated->restore();
    }
    return *f.db;
}

bool mentions_pragma(const std::string& script) {
    std::string lowered = script;
    for (auto& c : lowered) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return lowered.find("pragma") != std::string::npos;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string script(reinterpret_cast<const char*>(data), size);
    if (!acceptable(script)) return -1;

    static Fixture f;
    fz::reset_sql_budget();
    Database& db = prepare(f);
    {
        LuaRunner runner(db);  // destroyed before the next reset (its __gc metamethods may still run)
        try {
            static const std::string text = prelude();
            runner.run(text);
        } catch (const std::exception& e) {
            fz::violation("the fuzz prelude failed", e.what());
        }
        fz::expect_ok_or_runtime_error("LuaRunner::run", [&] { runner.run(script); });
        try {
            runner.run("local still_usable = 1");
        } catch (const std::exception& e) {
            fz::violation("the runner is unusable after a script", e.what());
        }
    }
    bool in_tx = false;
    fz::expect_ok_or_runtime_error("Database::in_transaction", [&] { in_tx = db.in_transaction(); });
    if (in_tx) fz::expect_ok_or_runtime_error("Database::rollback", [&] { db.rollback(); });
    f.fresh_needed = mentions_pragma(script) || db.in_transaction() ||
                     schema_version(f.connection) != f.schema_version;
    fz::clear_scratch();
    return 0;
}
