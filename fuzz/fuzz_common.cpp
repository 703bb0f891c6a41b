// Shared helpers of the fuzz harnesses: the throw hook, process setup, SQLite guard rails and
// the database snapshot used for the atomic-write invariant.
#include "fuzz_common.h"

#include <sqlite3.h>

#include <cxxabi.h>
#include <dlfcn.h>
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <typeinfo>

extern "C" void __sanitizer_print_stack_trace() __attribute__((weak));
// AddressSanitizer's own __cxa_throw interceptor (it unpoisons the stack before unwinding).
extern "C" void __interceptor___cxa_throw(void*, std::type_info*, void (*)(void*)) __attribute__((weak));

namespace {

std::string demangle(const char* name) {
    int status = 0;
    char* demangled = abi::__cxa_demangle(name, nullptr, nullptr, &status);
    std::string out = (status == 0 && demangled) ? demangled : name;
    std::free(demangled);
    return out;
}

// Exceptions the library may legitimately throw (and possibly catch again): std::runtime_error
// and everything derived from it; spdlog's own exception when a log file cannot be created.
bool allowed_exception(void* object, std::type_info* type) {
    void* adjusted = object;
    if (typeid(std::runtime_error).__do_catch(type, &adjusted, 1)) return true;
    return demangle(type->name()) == "spdlog::spdlog_ex";
}

}  // namespace

// The throw hook. Every C++ throw in the process passes through __cxa_throw, also throws
// that the library catches again (the Lua runner turns any std::exception into a Lua error,
// the C API into an error code). A std::logic_error (out_of_range from map::at or substr,
// invalid_argument, length_error), bad_variant_access, bad_optional_access or any other
// non-runtime_error type means a precondition the code did not check: report it right here,
// with the stack of the throw, and abort so libFuzzer records the input.
namespace __cxxabiv1 {
extern "C" void __cxa_throw(void* object, std::type_info* type, void (*destructor)(void*)) {
    if (!allowed_exception(object, type)) {
        std::string what;
        void* adjusted = object;
        if (typeid(std::exception).__do_catch(type, &adjusted, 1)) {
            what = static_cast<std::exception*>(adjusted)->what();
        }
        std::fprintf(stderr,
                     "\n==FUZZ== BUG: exception of type %s thrown (only std::runtime_error is "
                     "allowed): %s\n",
                     demangle(type->name()).c_str(), what.c_str());
        if (__sanitizer_print_stack_trace) __sanitizer_print_stack_trace();
        std::abort();
    }
    if (__interceptor___cxa_throw) {
        __interceptor___cxa_throw(object, type, destructor);
    } else {
        using Throw = void (*)(void*, std::type_info*, void (*)(void*));
        static const auto real = reinterpret_cast<Throw>(dlsym(RTLD_NEXT, "__cxa_throw"));
        real(object, type, destructor);
    }
    __builtin_unreachable();
}
}  // namespace __cxxabiv1

namespace quiver::fuzz {

namespace {
void install_open_hook();
}  // namespace

std::string schema_path(const std::string& relative) {
    return std::string(QUIVER_FUZZ_SCHEMAS_DIR) + "/" + relative;
}

const std::filesystem::path& init_process() {
    static const std::filesystem::path dir = [] {
        const char* keep = std::getenv("QUIVER_FUZZ_STDOUT");
        if (!keep || std::string(keep) != "1") {
            std::fflush(stdout);
            const int null_fd = open("/dev/null", O_WRONLY);
            if (null_fd >= 0) {
                dup2(null_fd, STDOUT_FILENO);
                close(null_fd);
            }
        }
        std::string pattern = (std::filesystem::temp_directory_path() / "quiver_fuzz_XXXXXX").string();
        if (!mkdtemp(pattern.data())) {
            std::perror("mkdtemp");
            std::abort();
        }
        std::filesystem::path path(pattern);
        install_open_hook();
        // The scratch directory goes away with the process (also after a crash report: the
        // next run makes a new one; leftovers are under $TMPDIR/quiver_fuzz_*).
        static const std::string to_remove = pattern;
        std::atexit([] {
            std::error_code ec;
            std::filesystem::remove_all(to_remove, ec);
        });
        return path;
    }();
    return dir;
}

void clear_scratch(const std::function<bool(const std::string& name)>& keep) {
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(init_process(), ec)) {
        if (keep && keep(entry.path().filename().string())) continue;
        std::filesystem::remove_all(entry.path(), ec);
    }
}

void write_file(const std::filesystem::path& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) {
        std::fprintf(stderr, "fuzz harness: cannot write %s\n", path.c_str());
        std::abort();
    }
}

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

bool tracing() {
    static const bool on = [] {
        const char* value = std::getenv("QUIVER_FUZZ_TRACE");
        return value && std::string(value) == "1";
    }();
    return on;
}

void trace(const char* what, const char* outcome) {
    std::fprintf(stderr, "[fuzz] %s -> %s\n", what, outcome);
}

void violation(const std::string& what, const std::string& details) {
    std::fprintf(stderr, "\n==FUZZ== INVARIANT VIOLATION: %s\n%s\n", what.c_str(), details.c_str());
    if (__sanitizer_print_stack_trace) __sanitizer_print_stack_trace();
    std::abort();
}

// --- SQLite guard rails ------------------------------------------------------------------------

namespace {

constexpr int kProgressEvery = 1000;  // VM steps between progress-handler calls
bool g_guard = false;
int64_t g_budget_calls = 0;  // allowed handler calls (= budget / kProgressEvery)
int64_t g_used_calls = 0;
bool g_enforce = true;
sqlite3* g_last_opened = nullptr;

int progress_handler(void*) {
    ++g_used_calls;
    return (g_enforce && g_used_calls > g_budget_calls) ? 1 : 0;
}

int on_open(sqlite3* db, char**, const void*) {
    g_last_opened = db;
    if (g_guard) {
        sqlite3_limit(db, SQLITE_LIMIT_ATTACHED, 0);
        sqlite3_limit(db, SQLITE_LIMIT_LENGTH, 4 * 1000 * 1000);
        sqlite3_progress_handler(db, kProgressEvery, progress_handler, nullptr);
    }
    return SQLITE_OK;
}

void install_open_hook() {
    // The entry point of an auto extension is declared as void(*)(void) and called with the
    // extension signature.
    if (sqlite3_auto_extension(reinterpret_cast<void (*)(void)>(&on_open)) != SQLITE_OK) {
        std::fprintf(stderr, "fuzz harness: sqlite3_auto_extension failed\n");
        std::abort();
    }
}

}  // namespace

sqlite3* last_opened_connection() {
    return g_last_opened;
}

void install_sql_guard(int64_t budget_ops) {
    g_guard = true;
    g_budget_calls = budget_ops / kProgressEvery;
    // Process-wide backstop for SQLite's own allocations.
    sqlite3_hard_heap_limit64(512LL * 1024 * 1024);
}

void reset_sql_budget() {
    g_used_calls = 0;
}

SqlBudgetPause::SqlBudgetPause() : previous_(g_enforce) {
    g_enforce = false;
}

SqlBudgetPause::~SqlBudgetPause() {
    g_enforce = previous_;
}

// --- snapshot and template ---------------------------------------------------------------------

namespace {

std::string sql_identifier(const std::string& s) {
    std::string out("\"");
    for (char c : s) {
        if (c == '"') out.push_back('"');
        out.push_back(c);
    }
    out.push_back('"');
    return out;
}

// One typed, exact, unambiguous rendering of a column value.
void append_value(std::string& out, sqlite3_stmt* stmt, int i) {
    switch (sqlite3_column_type(stmt, i)) {
    case SQLITE_NULL: out += "N"; break;
    case SQLITE_INTEGER: out += "I" + std::to_string(sqlite3_column_int64(stmt, i)); break;
    case SQLITE_FLOAT: {
        char buffer[64];
        std::snprintf(buffer, sizeof buffer, "F%a", sqlite3_column_double(stmt, i));
        out += buffer;
        break;
    }
    default: {  // TEXT or BLOB: type, length, bytes
        const bool text = sqlite3_column_type(stmt, i) == SQLITE_TEXT;
        const void* bytes = text ? static_cast<const void*>(sqlite3_column_text(stmt, i)) : sqlite3_column_blob(stmt, i);
        const int n = sqlite3_column_bytes(stmt, i);
        out += (text ? "T" : "B") + std::to_string(n) + ":";
        if (n > 0) out.append(static_cast<const char*>(bytes), static_cast<size_t>(n));
        break;
    }
    }
    out += "|";
}

void exec_or_die(sqlite3* db, const char* sql) {
    char* error = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &error) != SQLITE_OK) {
        const std::string message = error ? error : sqlite3_errmsg(db);
        sqlite3_free(error);
        violation(std::string("harness SQL failed: ") + sql, message);
    }
}

}  // namespace

Snapshotter::Snapshotter(sqlite3* connection) : db_(connection) {}

Snapshotter::~Snapshotter() {
    for (auto& entry : cache_) sqlite3_finalize(entry.second);
}

sqlite3_stmt* Snapshotter::statement(const std::string& sql) {
    for (auto& entry : cache_) {
        if (entry.first == sql) return entry.second;
    }
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db_, sql.c_str(), static_cast<int>(sql.size()), &stmt, nullptr) != SQLITE_OK) {
        sqlite3_finalize(stmt);
        return nullptr;
    }
    cache_.emplace_back(sql, stmt);
    return stmt;
}

std::string Snapshotter::take() {
    SqlBudgetPause pause;
    std::string out;
    std::vector<std::string> tables;
    if (auto* s = statement("PRAGMA user_version")) {
        while (sqlite3_step(s) == SQLITE_ROW) out += "user_version=" + std::to_string(sqlite3_column_int64(s, 0)) + "\n";
        sqlite3_reset(s);
    }
    if (auto* s = statement("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name")) {
        while (sqlite3_step(s) == SQLITE_ROW) {
            for (int i = 0; i < 4; ++i) append_value(out, s, i);
            out += "\n";
            const auto* type = reinterpret_cast<const char*>(sqlite3_column_text(s, 0));
            const auto* name = reinterpret_cast<const char*>(sqlite3_column_text(s, 1));
            if (type && name && std::string(type) == "table") tables.emplace_back(name);
        }
        const int rc = sqlite3_reset(s);
        if (rc != SQLITE_OK) out += std::string("<sqlite_master: ") + sqlite3_errstr(rc) + ">\n";
    }
    for (const auto& table : tables) {
        out += "== " + table + "\n";
        auto* s = statement("SELECT * FROM " + sql_identifier(table));
        if (!s) {
            out += std::string("<cannot read: ") + sqlite3_errmsg(db_) + ">\n";
            continue;
        }
        std::vector<std::string> rows;
        while (sqlite3_step(s) == SQLITE_ROW) {
            std::string row;
            for (int i = 0; i < sqlite3_column_count(s); ++i) append_value(row, s, i);
            rows.push_back(std::move(row));
        }
        const int rc = sqlite3_reset(s);
        if (rc != SQLITE_OK) out += std::string("<read error: ") + sqlite3_errstr(rc) + ">\n";
        std::sort(rows.begin(), rows.end());
        for (const auto& row : rows) out += row + "\n";
    }
    return out;
}

DatabaseTemplate::DatabaseTemplate(sqlite3* connection) : db_(connection) {
    std::vector<std::string> names;
    {
        sqlite3_stmt* s = nullptr;
        sqlite3_prepare_v2(db_, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name", -1, &s, nullptr);
        while (sqlite3_step(s) == SQLITE_ROW) names.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(s, 0)));
        sqlite3_finalize(s);
    }
    for (const auto& name : names) {
        Table table;
        table.sequence = name == "sqlite_sequence";
        sqlite3_stmt* select = nullptr;
        const std::string sql = "SELECT rowid, * FROM " + sql_identifier(name);
        if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &select, nullptr) != SQLITE_OK) {
            violation("DatabaseTemplate: cannot read " + name, sqlite3_errmsg(db_));
        }
        const int columns = sqlite3_column_count(select);
        std::string insert = "INSERT INTO " + sql_identifier(name) + " (rowid";
        std::string placeholders = "?";
        for (int i = 1; i < columns; ++i) {
            insert += ", " + sql_identifier(sqlite3_column_name(select, i));
            placeholders += ", ?";
        }
        insert += ") VALUES (" + placeholders + ")";
        while (sqlite3_step(select) == SQLITE_ROW) {
            std::vector<sqlite3_value*> row;
            for (int i = 0; i < columns; ++i) row.push_back(sqlite3_value_dup(sqlite3_column_value(select, i)));
            table.rows.push_back(std::move(row));
        }
        sqlite3_finalize(select);
        const std::string clear = "DELETE FROM " + sql_identifier(name);
        if (sqlite3_prepare_v2(db_, clear.c_str(), -1, &table.clear, nullptr) != SQLITE_OK ||
            sqlite3_prepare_v2(db_, insert.c_str(), -1, &table.insert, nullptr) != SQLITE_OK) {
            violation("DatabaseTemplate: cannot prepare the reset of " + name, sqlite3_errmsg(db_));
        }
        tables_.push_back(std::move(table));
    }
    std::stable_partition(tables_.begin(), tables_.end(), [](const Table& t) { return !t.sequence; });
}

DatabaseTemplate::~DatabaseTemplate() {
    for (auto& table : tables_) {
        sqlite3_finalize(table.clear);
        sqlite3_finalize(table.insert);
        for (auto& row : table.rows) {
            for (auto* value : row) sqlite3_value_free(value);
        }
    }
}

void DatabaseTemplate::restore() {
    SqlBudgetPause pause;
    if (sqlite3_get_autocommit(db_) == 0) violation("DatabaseTemplate::restore inside a transaction");
    exec_or_die(db_, "PRAGMA foreign_keys = OFF");
    exec_or_die(db_, "BEGIN");
    for (auto& table : tables_) {
        if (sqlite3_step(table.clear) != SQLITE_DONE) violation("DatabaseTemplate: DELETE failed", sqlite3_errmsg(db_));
        sqlite3_reset(table.clear);
    }
    for (auto& table : tables_) {
        if (table.sequence) {  // AUTOINCREMENT inserts above have written it again
            if (sqlite3_step(table.clear) != SQLITE_DONE) violation("DatabaseTemplate: DELETE failed", sqlite3_errmsg(db_));
            sqlite3_reset(table.clear);
        }
        for (const auto& row : table.rows) {
            for (size_t i = 0; i < row.size(); ++i) sqlite3_bind_value(table.insert, static_cast<int>(i + 1), row[i]);
            if (sqlite3_step(table.insert) != SQLITE_DONE) {
                violation("DatabaseTemplate: INSERT failed", sqlite3_errmsg(db_));
            }
            sqlite3_reset(table.insert);
        }
        sqlite3_clear_bindings(table.insert);
    }
    exec_or_die(db_, "COMMIT");
    exec_or_die(db_, "PRAGMA foreign_keys = ON");
}

}  // namespace quiver::fuzz
