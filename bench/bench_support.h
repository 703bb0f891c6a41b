// Timing helpers shared by the benchmark programs: interleaved best-of-R runs with elapsed and
// process CPU time, a raw sqlite3 connection, and the one report line scripts/bench.sh parses.
#ifndef QUIVER_BENCH_SUPPORT_H
#define QUIVER_BENCH_SUPPORT_H

#include <sqlite3.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace quiver_bench {

using Clock = std::chrono::steady_clock;

inline double seconds(const std::function<void()>& body) {
    const auto start = Clock::now();
    body();
    return std::chrono::duration<double>(Clock::now() - start).count();
}

inline double cpu_seconds() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

struct Case {
    std::function<void()> setup;  // fresh state, not timed
    std::function<void()> body;   // timed
};

struct Best {
    double wall = 1e300;  // elapsed time: what the targets are judged on
    double cpu = 1e300;   // process CPU time: much less sensitive to other processes' load
};

// Best times of each case over `repeats` rounds. The cases run interleaved (a, b, a, b, ...) so
// that load from other processes hits every side of a ratio alike.
inline std::vector<Best> best_of(int repeats, const std::vector<Case>& cases) {
    std::vector<Best> best(cases.size());
    for (int r = 0; r < repeats; ++r) {
        for (size_t c = 0; c < cases.size(); ++c) {
            cases[c].setup();
            const double cpu_start = cpu_seconds();
            const double wall = seconds(cases[c].body);
            best[c].wall = std::min(best[c].wall, wall);
            best[c].cpu = std::min(best[c].cpu, cpu_seconds() - cpu_start);
        }
    }
    return best;
}

// The options the phase-based benchmarks share: `--only a,b` adds phases a and b, `--repeats R`
// sets the rounds. Returns whether argv[i] was one of them (then i has moved past its value).
inline bool phase_option(int argc, char** argv, int& i, std::set<std::string>& phases, int& repeats) {
    const std::string arg = argv[i];
    if (arg == "--only" && i + 1 < argc) {
        std::stringstream list(argv[++i]);
        std::string phase;
        while (std::getline(list, phase, ',')) phases.insert(phase);
        return true;
    }
    if (arg == "--repeats" && i + 1 < argc) {
        repeats = std::atoi(argv[++i]);
        return true;
    }
    return false;
}

inline std::string read_file(const char* path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error(std::string("cannot read ") + path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

inline void check(int rc, sqlite3* db) {
    if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) throw std::runtime_error(sqlite3_errmsg(db));
}

struct Raw {
    sqlite3* db = nullptr;
    explicit Raw(const std::string& path) {
        check(sqlite3_open(path.c_str(), &db), db);
        sqlite3_exec(db, "PRAGMA foreign_keys = ON", nullptr, nullptr, nullptr);
    }
    ~Raw() { sqlite3_close(db); }
    Raw(const Raw&) = delete;
    Raw& operator=(const Raw&) = delete;
    sqlite3_stmt* prepare(const char* sql) {
        sqlite3_stmt* stmt = nullptr;
        check(sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr), db);
        return stmt;
    }
};

// A new database file holding `schema` (plus its journal and the Quiver log removed).
inline void fresh_database(const std::string& path, const std::string& schema) {
    std::filesystem::remove(path);
    std::filesystem::remove(path + "-journal");
    Raw raw(path);
    check(sqlite3_exec(raw.db, schema.c_str(), nullptr, nullptr, nullptr), raw.db);
}

// "<key> <ours> s <baseline> s <ratio>x cpu <ours> s <baseline> s <ratio>x"
inline void report(const char* key, const Best& ours, const Best& baseline) {
    std::printf("%-24s %10.4f s %10.4f s %7.2fx   cpu %8.4f s %8.4f s %6.2fx\n", key, ours.wall, baseline.wall,
                ours.wall / baseline.wall, ours.cpu, baseline.cpu, ours.cpu / baseline.cpu);
    std::fflush(stdout);
}

}  // namespace quiver_bench

#endif  // QUIVER_BENCH_SUPPORT_H
