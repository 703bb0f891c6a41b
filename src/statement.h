// The one prepared-statement path: RAII statements, a per-connection cache, one bind path
// (which trims strings, as every value Quiver binds is trimmed) and one step/error path.
#ifndef QUIVER_SRC_STATEMENT_H
#define QUIVER_SRC_STATEMENT_H

#include "quiver/value.h"

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace quiver::detail {

// Leading/trailing space, tab, CR and LF removed.
std::string_view trim(std::string_view s);

// "name" with embedded quotes doubled, for identifiers taken from the schema.
std::string quote_identifier(std::string_view name);

// The one builder of INSERT statements: InsertSql("T").column("a").column("b").str() gives
// INSERT INTO "T" ("a", "b") VALUES (?, ?).
class InsertSql {
public:
    explicit InsertSql(std::string_view table);
    InsertSql& column(std::string_view name);
    std::string str() const;

private:
    std::string sql_;
    size_t columns_ = 0;
};

struct StatementFinalizer {
    void operator()(sqlite3_stmt* stmt) const { sqlite3_finalize(stmt); }
};
using StatementHandle = std::unique_ptr<sqlite3_stmt, StatementFinalizer>;

// A statement in use. Either owns its sqlite3_stmt (one-shot) or borrows one from the cache,
// in which case it is reset and its bindings cleared when the Statement goes away, so the
// cache never hands out a half-used statement.
class Statement {
public:
    Statement(sqlite3* db, sqlite3_stmt* stmt, bool owned) : db_(db), stmt_(stmt), owned_(owned) {}
    Statement(Statement&& other) noexcept
        : db_(other.db_), stmt_(other.stmt_), owned_(other.owned_) {
        other.stmt_ = nullptr;
    }
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    Statement& operator=(Statement&&) = delete;
    ~Statement();

    // False when the SQL held no statement (empty or only comments).
    bool valid() const { return stmt_ != nullptr; }
    sqlite3_stmt* raw() const { return stmt_; }
    int parameter_count() const { return sqlite3_bind_parameter_count(stmt_); }

    // 1-based. Strings are trimmed (and copied by SQLite).
    void bind(int index, const Value& value);
    // Same, without copying strings: only for values that outlive the next step() (the write
    // hot paths bind plan values that live until the call returns).
    void bind_borrowed(int index, const Value& value);
    void bind(int index, int64_t value);
    void bind_all(const std::vector<Value>& values);

    // True on a row, false when done; throws "Failed to execute statement: <msg>".
    bool step();
    // Steps to completion, discarding rows.
    void run();
    void reset();

    int column_count() const { return sqlite3_column_count(stmt_); }
    int column_type(int i) const { return sqlite3_column_type(stmt_, i); }
    bool is_null(int i) const { return column_type(i) == SQLITE_NULL; }
    int64_t column_int(int i) const { return sqlite3_column_int64(stmt_, i); }
    double column_double(int i) const { return sqlite3_column_double(stmt_, i); }
    std::string column_text(int i) const;
    std::string column_name(int i) const;
    // By storage class; a BLOB throws "Failed to execute statement: BLOB type not supported".
    Value column_value(int i) const;

private:
    void bind_value(int index, const Value& value, sqlite3_destructor_type text_lifetime);

    sqlite3* db_;
    sqlite3_stmt* stmt_;
    bool owned_;
};

// Prepared statements keyed by SQL text, prepared once per connection.
class StatementCache {
public:
    explicit StatementCache(sqlite3* db) : db_(db) {}
    Statement get(const std::string& sql);
    void clear() { statements_.clear(); }
    size_t size() const { return statements_.size(); }

private:
    sqlite3* db_;
    std::unordered_map<std::string, StatementHandle> statements_;
};

// A one-shot statement (only the first statement of sql is prepared);
// throws "Failed to prepare statement: <msg>".
Statement prepare_statement(sqlite3* db, std::string_view sql);

// Runs every statement of sql; throws "Failed to execute SQL: <msg>".
void exec_sql(sqlite3* db, const std::string& sql);

}  // namespace quiver::detail

#endif  // QUIVER_SRC_STATEMENT_H
