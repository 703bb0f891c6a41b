// Shared helpers of the libFuzzer harnesses in fuzz/ (see fuzz/README.md).
//
// Outcome policy of every harness: a std::runtime_error from the public API is an expected
// result; a crash, a sanitizer report, an exception of any other type (thrown anywhere, even
// if the library catches it again — see fuzz_common.cpp) or a violated invariant is a bug and
// aborts the run.
#ifndef QUIVER_FUZZ_FUZZ_COMMON_H
#define QUIVER_FUZZ_FUZZ_COMMON_H

#include <quiver/database.h>
#include <quiver/element.h>
#include <quiver/options.h>

#include <cstdint>
#include <exception>
#include <filesystem>
#include <functional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;
struct sqlite3_value;

namespace quiver::fuzz {

// Absolute path of a fixture under tests/schemas (QUIVER_FUZZ_SCHEMAS_DIR is set by CMake).
std::string schema_path(const std::string& relative);

// Options with logging off.
inline DatabaseOptions quiet() {
    return DatabaseOptions{.read_only = false, .console_level = LogLevel::Off};
}

// One-time setup shared by all harnesses: stdout to /dev/null (describe() and Lua print;
// QUIVER_FUZZ_STDOUT=1 keeps it), and a private scratch directory for this process (absolute
// path; the current directory is left alone so libFuzzer's relative paths keep working).
// Returns the scratch directory.
const std::filesystem::path& init_process();

// Removes everything inside the scratch directory (the directory itself stays), except the
// entries whose file name `keep` accepts.
void clear_scratch(const std::function<bool(const std::string& name)>& keep = {});

void write_file(const std::filesystem::path& path, const std::string& bytes);
std::string read_file(const std::filesystem::path& path);  // "" when it cannot be read

// Prints "FUZZ INVARIANT VIOLATION: <what>" plus details and aborts (libFuzzer then saves
// the input as a crash artifact).
[[noreturn]] void violation(const std::string& what, const std::string& details = "");

// The connection most recently opened in this process (SQLite auto extension, installed by
// init_process()). Right after Database::from_schema(":memory:", …) it is that database's
// connection. Harnesses use it to snapshot and reset the database cheaply; all use happens
// between library calls, on the library's own thread.
::sqlite3* last_opened_connection();

// A whole-database snapshot through one connection (so an open transaction's uncommitted state
// is included): PRAGMA user_version, sqlite_master (schema SQL of tables, indexes, triggers,
// views) and every row of every table including sqlite_sequence, values typed and exact, rows
// sorted per table. Rowids are not part of it. Statements are prepared once per connection.
class Snapshotter {
public:
    explicit Snapshotter(::sqlite3* connection);
    ~Snapshotter();
    Snapshotter(const Snapshotter&) = delete;
    Snapshotter& operator=(const Snapshotter&) = delete;
    std::string take();

private:
    ::sqlite3_stmt* statement(const std::string& sql);  // nullptr when it cannot be prepared
    ::sqlite3* db_;
    std::vector<std::pair<std::string, ::sqlite3_stmt*>> cache_;
};

// The contents of every table of a connection (rows with their rowids, sqlite_sequence
// included), captured once and written back with DELETE + INSERT (foreign keys off while it
// runs). The schema is left alone, so no prepared statement of the library has to be
// re-prepared: far cheaper than from_schema + population for every input. The connection must
// have no open transaction (roll it back first) and the same schema as when captured.
class DatabaseTemplate {
public:
    explicit DatabaseTemplate(::sqlite3* connection);
    ~DatabaseTemplate();
    DatabaseTemplate(const DatabaseTemplate&) = delete;
    DatabaseTemplate& operator=(const DatabaseTemplate&) = delete;
    void restore();

private:
    struct Table {
        bool sequence = false;  // sqlite_sequence: written by the other inserts, restored last
        ::sqlite3_stmt* clear = nullptr;
        ::sqlite3_stmt* insert = nullptr;
        std::vector<std::vector<::sqlite3_value*>> rows;
    };
    ::sqlite3* db_;
    std::vector<Table> tables_;
};

// SQLite guard rails for harnesses that execute input-controlled SQL (schema text, Lua's
// db:query_*): every connection opened in this process from then on gets ATTACH disabled (no files
// outside the scratch directory, also VACUUM INTO), strings/blobs capped at 4 MB and a
// progress handler that interrupts statements once `budget_ops` virtual-machine steps
// have been used since the last reset_sql_budget(). Interrupted statements fail with
// SQLite's "interrupted" error, i.e. a std::runtime_error from the library.
void install_sql_guard(int64_t budget_ops);
void reset_sql_budget();
// While a SqlBudgetPause is alive the budget is not enforced (the harness's own snapshot
// queries must never be interrupted).
class SqlBudgetPause {
public:
    SqlBudgetPause();
    ~SqlBudgetPause();
    SqlBudgetPause(const SqlBudgetPause&) = delete;
    SqlBudgetPause& operator=(const SqlBudgetPause&) = delete;

private:
    bool previous_;
};

// QUIVER_FUZZ_TRACE=1: every call checked below is printed to stderr with its outcome (for
// replaying a single input: ./fuzz_x input).
bool tracing();
void trace(const char* what, const char* outcome);

// Runs fn; a std::runtime_error is swallowed and reported as false, success as true. Any other
// exception is a bug (violation). The throw hook in fuzz_common.cpp normally aborts earlier.
template <typename Fn>
bool expect_ok_or_runtime_error(const char* what, Fn&& fn) {
    try {
        fn();
        if (tracing()) trace(what, "ok");
        return true;
    } catch (const std::runtime_error& e) {
        if (tracing()) trace(what, e.what());
        return false;
    } catch (const std::exception& e) {
        violation(std::string(what) + " threw a non-runtime_error exception", e.what());
    } catch (...) {
        violation(std::string(what) + " threw a non-std exception");
    }
}

// The atomic-write invariant (semantics §4.7, D3): a write that fails leaves the database
// exactly as it was, and an open user transaction stays open. Returns whether fn succeeded.
template <typename Fn>
bool checked_write(Database& db, Snapshotter& snapshots, const char* what, Fn&& fn) {
    std::string before;
    bool in_tx = false;
    {
        SqlBudgetPause pause;
        before = snapshots.take();
        in_tx = db.in_transaction();
    }
    const bool ok = expect_ok_or_runtime_error(what, fn);
    if (!ok) {
        SqlBudgetPause pause;
        const std::string after = snapshots.take();
        if (after != before) {
            violation(std::string("failed ") + what + " changed the database",
                      "--- before ---\n" + before + "--- after ---\n" + after);
        }
        if (db.in_transaction() != in_tx) {
            violation(std::string("failed ") + what + " changed the transaction state");
        }
    }
    return ok;
}

}  // namespace quiver::fuzz

#endif  // QUIVER_FUZZ_FUZZ_COMMON_H
