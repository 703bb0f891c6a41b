// Workload W through Quiver and through raw SQLite doing exactly the same work, in one
// process, on a database file. Prints one line per measurement: name, ours, raw, ratio.
//
// Usage: quiver_bench N [dir]
#include <quiver/database.h>

#include <sqlite3.h>
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <stdexcept>
#include <string>

namespace {

using Clock = std::chrono::steady_clock;

double seconds(const std::function<void()>& body) {
    const auto start = Clock::now();
    body();
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// Best of `repeats` runs, each on fresh state prepared by `setup`.
double best_of(int repeats, const std::function<void()>& setup, const std::function<void()>& body) {
    double best = 1e300;
    for (int i = 0; i < repeats; ++i) {
        setup();
        best = std::min(best, seconds(body));
    }
    return best;
}

std::string read_file(const char* path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

void check(int rc, sqlite3* db) {
    if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) throw std::runtime_error(sqlite3_errmsg(db));
}

struct Raw {
    sqlite3* db = nullptr;
    explicit Raw(const std::string& path) {
        check(sqlite3_open(path.c_str(), &db), db);
        sqlite3_exec(db, "PRAGMA foreign_keys = ON", nullptr, nullptr, nullptr);
    }
    ~Raw() { sqlite3_close(db); }
    sqlite3_stmt* prepare(const char* sql) {
        sqlite3_stmt* stmt = nullptr;
        check(sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr), db);
        return stmt;
    }
};

const char* kTags[3] = {"alpha", "beta", "gamma"};

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

void report(const char* name, double ours, double raw) {
    std::printf("%-28s %10.4f s %10.4f s %7.2fx\n", name, ours, raw, ours / raw);
}

}  // namespace

int main(int argc, char** argv) {
    const int n = argc > 1 ? std::atoi(argv[1]) : 10000;
    const std::filesystem::path dir = argc > 2 ? argv[2] : std::filesystem::temp_directory_path() / "quiver_bench";
    std::filesystem::create_directories(dir);
    const std::string schema = read_file(QUIVER_BENCH_SCHEMA);
    const auto raw_path = (dir / "raw.db").string();
    const auto ours_path = (dir / "ours.db").string();
    auto fresh = [&](const std::string& path) {
        std::filesystem::remove(path);
        Raw raw(path);
        check(sqlite3_exec(raw.db, schema.c_str(), nullptr, nullptr, nullptr), raw.db);
    };
    const int repeats = n <= 100000 ? 3 : 1;

    std::printf("N = %d elements (%d SQL rows)\n", n, n * 14);
    std::printf("%-28s %12s %12s %8s\n", "measurement", "quiver", "raw sqlite", "ratio");
    const double raw_c = best_of(repeats, [&] { fresh(raw_path); }, [&] { raw_create(raw_path, n); });
    const double ours_c = best_of(repeats, [&] { fresh(ours_path); }, [&] { quiver_create(ours_path, n); });
    report("create (C++)", ours_c, raw_c);
    const double raw_r = best_of(repeats, [] {}, [&] { raw_read(raw_path); });
    const double ours_r = best_of(repeats, [] {}, [&] { quiver_read(ours_path); });
    report("read everything (C++)", ours_r, raw_r);
    const double raw_q = best_of(repeats, [] {}, [&] { raw_query(raw_path); });
    const double ours_q = best_of(repeats, [] {}, [&] { quiver_query(ours_path); });
    report("query_integer x10000", ours_q, raw_q);

    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("peak RSS %.1f MB (sink %zu)\n", usage.ru_maxrss / 1024.0, sink % 10);
    return 0;
}
