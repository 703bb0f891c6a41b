// Workload W through Quiver and through the baselines doing exactly the same work, in one
// process, on database files. See bench/workload.sql and docs/performance.md.
//
// Usage: quiver_bench [--only PHASES] [--repeats R] N [dir]
//
// PHASES is a comma-separated list (default: create,read,query,lua,open100):
//   create             C++ create_element of N elements in one transaction vs raw sqlite3
//   read               read everything back (ids, 3 scalars, 2 vector columns, the set) vs raw
//   query              query_integer with one parameter x10000 vs one raw statement reused
//   lua                LuaRunner: db:transaction + loop of db:create_element vs the C++ create
//   open100            Database(path) + first schema-dependent call on a 100-table schema
//   create-memory      only a C++ create of N elements; prints peak RSS (ru_maxrss) and the
//                      time per element. Run it alone, in a fresh process per N.
//   raw-create-memory  the same with raw sqlite3 (reference figure)
//
// Every timed line is "<key> <ours> s <baseline> s <ratio>x cpu <ours> s <baseline> s <ratio>x"
// (elapsed time, then process CPU time): the best of R runs (default 5 for N <= 10000, 3 for
// N <= 100000, else 1), each on fresh state, the two sides interleaved; scripts/bench.sh parses
// these lines by key.
#include "bench_support.h"

#include <quiver/database.h>
#include <quiver/lua_runner.h>

#include <sqlite3.h>
#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

using namespace quiver_bench;

const char* kTags[3] = {"alpha", "beta", "gamma"};

// --- create --------------------------------------------------------------------------------

void raw_create(const std::string& path, int n) {
    Raw raw(path);
    auto* item = raw.prepare("INSERT INTO Item (label, count, weight) VALUES (?, ?, ?)");
    auto* vec = raw.prepare("INSERT INTO Item_vector_profile (id, vector_index, level, factor) VALUES (?, ?, ?, ?)");
    auto* set = raw.prepare("INSERT INTO Item_set_tags (id, tag) VALUES (?, ?)");
    sqlite3_exec(raw.db, "BEGIN", nullptr, nullptr, nullptr);
    for (int i = 0; i < n; ++i) {
        const std::string label = "Item " + std::to_string(i);
        sqlite3_bind_text(item, 1, label.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(item, 2, i);
        sqlite3_bind_double(item, 3, i * 0.5);
        check(sqlite3_step(item), raw.db);
        sqlite3_reset(item);
        const auto id = sqlite3_last_insert_rowid(raw.db);
        for (int k = 0; k < 10; ++k) {
            sqlite3_bind_int64(vec, 1, id);
            sqlite3_bind_int64(vec, 2, k + 1);
            sqlite3_bind_int64(vec, 3, k);
            sqlite3_bind_double(vec, 4, k * 0.25);
            check(sqlite3_step(vec), raw.db);
            sqlite3_reset(vec);
        }
        for (const char* tag : kTags) {
            sqlite3_bind_int64(set, 1, id);
            sqlite3_bind_text(set, 2, tag, -1, SQLITE_STATIC);
            check(sqlite3_step(set), raw.db);
            sqlite3_reset(set);
        }
    }
    sqlite3_exec(raw.db, "COMMIT", nullptr, nullptr, nullptr);
    sqlite3_finalize(item);
    sqlite3_finalize(vec);
    sqlite3_finalize(set);
}

const quiver::DatabaseOptions kQuiet{.read_only = false, .console_level = quiver::LogLevel::Off};

void quiver_create(const std::string& path, int n) {
    quiver::Database db(path, kQuiet);
    std::vector<int64_t> levels(10);
    std::vector<double> factors(10);
    for (int k = 0; k < 10; ++k) {
        levels[k] = k;
        factors[k] = k * 0.25;
    }
    const std::vector<std::string> tags(kTags, kTags + 3);
    db.begin_transaction();
    for (int i = 0; i < n; ++i) {
        quiver::Element element;
        element.set("label", "Item " + std::to_string(i))
            .set("count", int64_t{i})
            .set("weight", i * 0.5)
            .set("level", levels)
            .set("factor", factors)
            .set("tag", tags);
        db.create_element("Item", element);
    }
    db.commit();
}

// The same element from Lua: one db:transaction, a loop of db:create_element. The arrays are
// built once and reused, as the C++ loop reuses its vectors.
std::string lua_create_script(int n) {
    return "local levels, factors = {}, {}\n"
           "for k = 0, 9 do levels[k + 1] = k; factors[k + 1] = k * 0.25 end\n"
           "local tags = {'alpha', 'beta', 'gamma'}\n"
           "db:transaction(function(db)\n"
           "  for i = 0, " + std::to_string(n - 1) + " do\n"
           "    db:create_element('Item', {label = 'Item ' .. i, count = i, weight = i * 0.5,\n"
           "                               level = levels, factor = factors, tag = tags})\n"
           "  end\n"
           "end)\n";
}

void lua_create(const std::string& path, int n) {
    quiver::Database db(path, kQuiet);
    quiver::LuaRunner lua(db);
    lua.run(lua_create_script(n));
}

// --- read ----------------------------------------------------------------------------------

size_t sink = 0;  // keeps reads from being optimised away

void raw_read(const std::string& path) {
    Raw raw(path);
    auto column_pass = [&](const char* sql, int columns) {
        auto* stmt = raw.prepare(sql);
        while (sqlite3_step(stmt) == SQLITE_ROW) {
            for (int c = 0; c < columns; ++c) {
                switch (sqlite3_column_type(stmt, c)) {
                case SQLITE_INTEGER: sink += static_cast<size_t>(sqlite3_column_int64(stmt, c)); break;
                case SQLITE_FLOAT: sink += static_cast<size_t>(sqlite3_column_double(stmt, c)); break;
                case SQLITE_TEXT: sink += std::string(reinterpret_cast<const char*>(sqlite3_column_text(stmt, c))).size(); break;
                default: break;
                }
            }
        }
        sqlite3_finalize(stmt);
    };
    column_pass("SELECT id FROM Item ORDER BY rowid", 1);
    column_pass("SELECT label FROM Item ORDER BY rowid", 1);
    column_pass("SELECT count FROM Item ORDER BY rowid", 1);
    column_pass("SELECT weight FROM Item ORDER BY rowid", 1);
    column_pass("SELECT c.id, g.level FROM Item c LEFT JOIN Item_vector_profile g ON g.id = c.id ORDER BY c.rowid, g.vector_index", 2);
    column_pass("SELECT c.id, g.factor FROM Item c LEFT JOIN Item_vector_profile g ON g.id = c.id ORDER BY c.rowid, g.vector_index", 2);
    column_pass("SELECT c.id, g.tag FROM Item c LEFT JOIN Item_set_tags g ON g.id = c.id ORDER BY c.rowid", 2);
}

void quiver_read(const std::string& path) {
    quiver::Database db(path, kQuiet);
    sink += db.read_element_ids("Item").size();
    sink += db.read_scalar_strings("Item", "label").size();
    sink += db.read_scalar_integers("Item", "count").size();
    sink += db.read_scalar_floats("Item", "weight").size();
    sink += db.read_vector_integers("Item", "level").size();
    sink += db.read_vector_floats("Item", "factor").size();
    sink += db.read_set_strings("Item", "tag").size();
}

// --- query ---------------------------------------------------------------------------------

constexpr int kQueries = 10000;

void raw_query(const std::string& path) {
    Raw raw(path);
    auto* stmt = raw.prepare("SELECT count FROM Item WHERE id = ?");
    for (int i = 0; i < kQueries; ++i) {
        sqlite3_bind_int64(stmt, 1, i % 100 + 1);
        while (sqlite3_step(stmt) == SQLITE_ROW) sink += static_cast<size_t>(sqlite3_column_int64(stmt, 0));
        sqlite3_reset(stmt);
    }
    sqlite3_finalize(stmt);
}

void quiver_query(const std::string& path) {
    quiver::Database db(path, kQuiet);
    for (int i = 0; i < kQueries; ++i) {
        sink += static_cast<size_t>(db.query_integer("SELECT count FROM Item WHERE id = ?", {int64_t{i % 100 + 1}}).value_or(0));
    }
}

// --- open100 -------------------------------------------------------------------------------

constexpr int kOpenCollections = 25;  // x (collection + vector + set + time series) = 100 tables

// 25 collections, each with a vector, a set and a time-series table (100 tables), plus the
// required Configuration table. Every collection after the first references the previous one.
std::string hundred_table_schema() {
    std::string sql = "CREATE TABLE Configuration (id INTEGER PRIMARY KEY, label TEXT UNIQUE NOT NULL) STRICT;\n";
    char name[16];
    char prev[16];
    for (int c = 1; c <= kOpenCollections; ++c) {
        std::snprintf(name, sizeof name, "Coll%02d", c);
        std::snprintf(prev, sizeof prev, "Coll%02d", c - 1);
        const std::string n = name;
        sql += "CREATE TABLE " + n + " (id INTEGER PRIMARY KEY AUTOINCREMENT, label TEXT UNIQUE NOT NULL, "
               "capacity REAL, units INTEGER, date_start TEXT, note TEXT";
        if (c > 1) sql += ", previous_id INTEGER REFERENCES " + std::string(prev) + "(id) ON DELETE SET NULL ON UPDATE CASCADE";
        sql += ") STRICT;\n";
        sql += "CREATE TABLE " + n + "_vector_profile (id INTEGER NOT NULL REFERENCES " + n +
               "(id) ON DELETE CASCADE ON UPDATE CASCADE, vector_index INTEGER NOT NULL, level INTEGER, factor REAL, "
               "PRIMARY KEY (id, vector_index)) STRICT;\n";
        sql += "CREATE TABLE " + n + "_set_tags (id INTEGER NOT NULL REFERENCES " + n +
               "(id) ON DELETE CASCADE ON UPDATE CASCADE, tag TEXT NOT NULL, UNIQUE (id, tag)) STRICT;\n";
        sql += "CREATE TABLE " + n + "_time_series_output (id INTEGER NOT NULL REFERENCES " + n +
               "(id) ON DELETE CASCADE ON UPDATE CASCADE, date_time TEXT NOT NULL, generation REAL, cost REAL, "
               "PRIMARY KEY (id, date_time)) STRICT;\n";
    }
    return sql;
}

// Opening (Database(path)) plus the first schema-dependent call, which loads and validates the
// schema. Returns every run's time in seconds.
std::vector<double> open100_times(const std::string& path, int runs) {
    std::vector<double> times;
    for (int i = 0; i < runs; ++i) {
        times.push_back(seconds([&] {
            quiver::Database db(path, kQuiet);
            sink += db.read_element_ids("Coll25").size();
        }));
    }
    return times;
}

// --- memory --------------------------------------------------------------------------------

long current_rss_kb() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("VmRSS:", 0) == 0) return std::atol(line.c_str() + 6);
    }
    return -1;
}

long peak_rss_kb() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;  // kilobytes on Linux
}

int usage() {
    std::fprintf(stderr,
                 "usage: quiver_bench [--only create,read,query,lua,open100,create-memory,raw-create-memory]"
                 " [--repeats R] N [dir]\n");
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    std::set<std::string> phases;
    int repeats = 0;
    std::vector<std::string> positional;
    for (int i = 1; i < argc; ++i) {
        if (phase_option(argc, argv, i, phases, repeats)) continue;
        const std::string arg = argv[i];
        if (arg.rfind("--", 0) == 0) {
            return usage();
        } else {
            positional.push_back(arg);
        }
    }
    if (positional.size() > 2) return usage();
    if (phases.empty()) phases = {"create", "read", "query", "lua", "open100"};
    const std::set<std::string> known = {"create", "read", "query", "lua", "open100", "create-memory", "raw-create-memory"};
    for (const auto& p : phases) {
        if (!known.count(p)) return usage();
    }
    auto wants = [&](const char* p) { return phases.count(p) > 0; };

    const int n = !positional.empty() ? std::atoi(positional[0].c_str()) : 10000;
    if (n <= 0) return usage();
    const std::filesystem::path dir =
        positional.size() > 1 ? std::filesystem::path(positional[1]) : std::filesystem::temp_directory_path() / "quiver_bench";
    if (repeats <= 0) repeats = n <= 10000 ? 5 : n <= 100000 ? 3 : 1;

    try {
        std::filesystem::create_directories(dir);
        const std::string schema = read_file(QUIVER_BENCH_SCHEMA);
        const auto raw_path = (dir / "raw.db").string();
        const auto ours_path = (dir / "ours.db").string();
        const auto lua_path = (dir / "lua.db").string();

        // Fresh-process memory phases: nothing else runs before them.
        if (wants("create-memory") || wants("raw-create-memory")) {
            const bool ours = wants("create-memory");
            const auto path = ours ? ours_path : raw_path;
            fresh_database(path, schema);
            const long before_kb = current_rss_kb();
            const double t = seconds([&] { ours ? quiver_create(path, n) : raw_create(path, n); });
            std::printf("memory %s n=%d peak_kb=%ld before_kb=%ld seconds=%.4f us_per_element=%.3f\n",
                        ours ? "quiver" : "raw", n, peak_rss_kb(), before_kb, t, t * 1e6 / n);
            return 0;
        }

        std::printf("# N = %d elements (%d SQL rows), best of %d\n", n, n * 14, repeats);
        std::printf("# sqlite %s\n", sqlite3_libversion());
        std::printf("%-24s %12s %12s %8s   %s\n", "# measurement", "ours", "baseline", "ratio",
                    "(process CPU time: ours, baseline, ratio)");
        const auto none = [] {};
        if (wants("create") || wants("lua") || wants("read") || wants("query")) {
            std::vector<Case> cases = {
                {[&] { fresh_database(raw_path, schema); }, [&] { raw_create(raw_path, n); }},
                {[&] { fresh_database(ours_path, schema); }, [&] { quiver_create(ours_path, n); }},
            };
            if (wants("lua")) {
                cases.push_back({[&] { fresh_database(lua_path, schema); }, [&] { lua_create(lua_path, n); }});
            }
            const auto t = best_of(repeats, cases);
            if (wants("create")) report("create_cpp", t[1], t[0]);
            if (wants("lua")) {
                report("create_lua", t[2], t[1]);
                std::filesystem::remove(lua_path);
            }
        }
        if (wants("read")) {
            const auto t = best_of(repeats, {{none, [&] { raw_read(raw_path); }}, {none, [&] { quiver_read(ours_path); }}});
            report("read_cpp", t[1], t[0]);
        }
        if (wants("query")) {
            const auto t = best_of(repeats, {{none, [&] { raw_query(raw_path); }}, {none, [&] { quiver_query(ours_path); }}});
            report("query_integer_x10000", t[1], t[0]);
        }
        if (wants("open100")) {
            const auto path = (dir / "open100.db").string();
            fresh_database(path, hundred_table_schema());
            auto times = open100_times(path, 2 + 5 * repeats);
            std::sort(times.begin(), times.end());
            std::printf("open100 best_ms=%.3f median_ms=%.3f runs=%zu tables=%d\n", times.front() * 1e3,
                        times[times.size() / 2] * 1e3, times.size(), kOpenCollections * 4 + 1);
        }
        std::printf("# peak RSS of this process %.1f MB (sink %zu)\n", peak_rss_kb() / 1024.0, sink % 10);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "quiver_bench: %s\n", e.what());
        return 1;
    }
    return 0;
}
