// fuzz_lua: arbitrary text run as a Lua script by quiver::LuaRunner against a populated
// database with a fixed schema (tests/schemas/valid/lua_full.sql: scalars of every type, an
// FK, vectors, sets, a time series and a files table). The database is a file in the process's
// scratch directory, so db:export_csv/db:import_csv go through the Lua file sandbox (R4): paths
// are relative to that directory and '..', absolute paths outside it are refused by the library.
//
// Termination: the runner has no instruction limit, so inputs that could run for ever are
// rejected before they run: larger than 4 KiB, containing the keywords while/for/repeat/goto
// /function (no loops, no recursion, no tail-call cycles), or more than three `..`
// concatenations. A fixed prelude (not subject to the filter) removes load (no code built from
// strings), string.rep/format/pack/gsub/find/match/gmatch and table.concat/move (no
// unbounded allocation or backtracking). SQL sent through db:query_*/db:query runs under the
// guard rails of fuzz_common.h.
//
// Checked: run() fails only with std::runtime_error; no exception of another type is thrown
// anywhere (the runner converts any std::exception into a Lua error, so the throw hook in
// fuzz_common.cpp is what catches a leaked std::out_of_range and the like); a successful run
// returns "" or valid JSON of at most 64 MiB (the script's return value through the one
// encoder, whatever nested value it built); the runner stays usable after every script. When
// the last byte of the input is odd, the script runs inside a dry run (D16) and the database
// must be exactly as before once the harness ends it (unless the script itself controls dry
// runs or mentions PRAGMA).
#include "fuzz_common.h"

#include <quiver/lua_runner.h>

#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include <cctype>
#include <memory>
#include <optional>

using quiver::Database;
using quiver::Element;
using quiver::LuaRunner;
namespace fz = quiver::fuzz;

constexpr size_t quiver_fuzz_max_json = size_t{64} * 1024 * 1024;

namespace {

constexpr size_t kMaxInput = 4096;

// The prelude; @SCRATCH@ is replaced by the scratch directory (with a trailing '/').
const char* const kPrelude = R"lua(
load = nil
string.rep, string.format, string.pack, string.gsub = nil, nil, nil, nil
string.find, string.match, string.gmatch = nil, nil, nil
table.concat, table.move = nil, nil
-- Functions for db:transaction(fn), since scripts cannot define any.
fuzz_ok = function(d) return d:in_transaction() end
fuzz_fail = function(d) error("fuzz failure") end
fuzz_write = function(d) return d:create_element("Parent", {label = "From fn"}) end
fuzz_write_fail = function(d) d:create_element("Parent", {label = "From fn 2"}); error({}) end
-- Values for return statements that scripts cannot build without loops or functions.
fuzz_deep = {} do local t = fuzz_deep for i = 1, 40 do t[1] = {} t = t[1] end end
fuzz_cycle = {} fuzz_cycle.self = fuzz_cycle
fuzz_holes = {[1] = 1, [3] = 3, [2^53] = "big"}
fuzz_mixed = {1, 2, x = "y", [1.5] = 0}
)lua";

// The database lives in the scratch directory; these files survive the per-input cleanup.
constexpr const char* kDatabaseFile = "fuzz_lua.db";

bool keep_database_files(const std::string& name) {
    return name.rfind(kDatabaseFile, 0) == 0 || name == "quiver_database.log";
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
    const auto path = (fz::init_process() / kDatabaseFile).string();
    auto db = Database::from_schema(path, fz::schema_path("valid/lua_full.sql"), fz::quiet());
    // Speed: no fsync and the rollback journal in memory (a crash is not what is fuzzed here).
    sqlite3_exec(fz::last_opened_connection(), "PRAGMA synchronous = OFF; PRAGMA journal_mode = MEMORY", nullptr,
                 nullptr, nullptr);
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
        if (f.db->in_dry_run()) f.db->end_dry_run();
        if (f.db->in_transaction()) f.db->rollback();
        f.populated->restore();
    }
    return *f.db;
}

bool mentions(const std::string& script, const char* word) {
    std::string lowered = script;
    for (auto& c : lowered) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return lowered.find(word) != std::string::npos;
}

// A successful run returns "" or one valid JSON document within the size cap.
void check_result(const std::string& result) {
    if (result.empty()) return;
    if (result.size() > quiver_fuzz_max_json) fz::violation("script result exceeds the JSON size cap", result.substr(0, 200));
    if (!nlohmann::json::accept(result)) fz::violation("script result is not valid JSON", result.substr(0, 2000));
}


}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string script(reinterpret_cast<const char*>(data), size);
    if (!acceptable(script)) return -1;

    static Fixture f;
    fz::reset_sql_budget();
    Database& db = prepare(f);
    // Dry-run mode: the snapshot must survive whatever the script does, unless it controls dry
    // runs itself (it could end ours and write) or changes settings through PRAGMA.
    const bool dry = !script.empty() && (static_cast<unsigned char>(script.back()) & 1) != 0;
    const bool dry_checked = dry && !mentions(script, "dry_run") && !mentions(script, "pragma");
    std::optional<fz::Snapshotter> snapshots;
    std::string before;
    if (dry_checked) {
        snapshots.emplace(f.connection);
        before = snapshots->take();
    }
    if (dry) fz::expect_ok_or_runtime_error("Database::begin_dry_run", [&] { db.begin_dry_run(); });
    {
        LuaRunner runner(db);  // destroyed before the next reset (its __gc metamethods may still run)
        try {
            runner.run(kPrelude);
        } catch (const std::exception& e) {
            fz::violation("the fuzz prelude failed", e.what());
        }
        fz::expect_ok_or_runtime_error("LuaRunner::run", [&] { check_result(runner.run(script)); });
        try {
            runner.run("local still_usable = 1");
        } catch (const std::exception& e) {
            fz::violation("the runner is unusable after a script", e.what());
        }
    }
    if (db.in_dry_run()) {
        if (!fz::expect_ok_or_runtime_error("Database::end_dry_run", [&] { db.end_dry_run(); })) {
            fz::violation("end_dry_run failed", script);
        }
        if (dry_checked && snapshots->take() != before) fz::violation("a dry run changed the database", script);
    }
    snapshots.reset();
    bool in_tx = false;
    fz::expect_ok_or_runtime_error("Database::in_transaction", [&] { in_tx = db.in_transaction(); });
    if (in_tx) fz::expect_ok_or_runtime_error("Database::rollback", [&] { db.rollback(); });
    f.fresh_needed = mentions(script, "pragma") || db.in_transaction() ||
                     schema_version(f.connection) != f.schema_version;
    fz::clear_scratch(keep_database_files);
    return 0;
}
