// Database::Impl: the connection, its logger, the lazily loaded schema and the statement
// cache. Shared by every area file of the core; not part of the public interface.
#ifndef QUIVER_SRC_DATABASE_IMPL_H
#define QUIVER_SRC_DATABASE_IMPL_H

#include "quiver/database.h"
#include "quiver/schema.h"

#include "statement.h"

#include <spdlog/logger.h>
#include <sqlite3.h>

#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>

namespace quiver {

struct ConnectionCloser {
    void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};

struct Database::Impl {
    std::string path;
    std::shared_ptr<spdlog::logger> logger;
    // Declared before the cache so cached statements are finalized before the connection.
    std::unique_ptr<sqlite3, ConnectionCloser> connection;
    detail::StatementCache statements;
    // User SQL from query_*: kept apart and bounded, since callers may send any text.
    detail::StatementCache query_statements;
    std::optional<Schema> schema;
    // Facts read with the schema that let create_element skip the per-call savepoint inside a
    // user transaction (see create.cpp): a create can then be undone exactly by deleting what
    // it inserted. False when any trigger or ON CONFLICT clause could add side effects.
    bool creates_undoable = false;
    std::set<std::string> autoincrement_tables;
    // Dry run (D16, dry_run.cpp): one outer transaction that end_dry_run rolls back. A user
    // transaction inside it is the savepoint quiver_user; in_transaction() reports only that.
    bool dry_run = false;
    bool dry_run_user_transaction = false;
    int64_t dry_run_schema_version = 0;

    Impl(std::string db_path, const DatabaseOptions& options);
    ~Impl();

    sqlite3* db() const { return connection.get(); }

    // The schema, loaded and validated on first use (D10). Throws
    // "Cannot <op>: no schema loaded" for a database without user tables; load and
    // validation failures propagate and are retried on the next call.
    const Schema& require_schema(std::string_view op);
    // The schema when it can be loaded, nullptr otherwise (describe()).
    const Schema* try_schema();
    // Loads and validates the schema now (from_schema, from_migrations).
    void load_schema();

    // Collection check: a table of that name exists. "Cannot <op>: collection not found: <C>".
    const TableDefinition& require_collection(std::string_view op, const std::string& collection);
    // Column check: "Cannot <op>: column '<c>' not found in table '<T>'".
    static const ColumnDefinition& require_column(std::string_view op, const TableDefinition& table,
                                                  const std::string& column);
    // "Element not found: <id> in collection '<C>'" (D6).
    void require_element(const std::string& collection, int64_t id);

    detail::Statement cached(const std::string& sql) { return statements.get(sql); }
    // SQLite's view: any transaction is open (a user's, a dry run's or the write guard's).
    bool in_transaction() const { return sqlite3_get_autocommit(db()) == 0; }

    // Called before anything runs during a dry run: if SQLite ended the dry run's transaction
    // on its own (an ON CONFLICT ROLLBACK clause, RAISE(ROLLBACK) in a trigger), begins it
    // again so that no later statement can commit in autocommit mode.
    void hold_dry_run();
    // During a dry run, refuses a transaction control statement (BEGIN, COMMIT, END, ROLLBACK
    // without TO): "Cannot <op>: transaction control statements are not allowed during a dry run".
    void check_dry_run_sql(std::string_view op, sqlite3_stmt* stmt) const;
};

namespace detail {

// The atomic write guard (D3): a transaction in autocommit mode, a savepoint inside a user
// transaction. Destroyed without commit() it undoes everything the call wrote.
class WriteGuard {
public:
    explicit WriteGuard(Database::Impl& impl);
    WriteGuard(const WriteGuard&) = delete;
    WriteGuard& operator=(const WriteGuard&) = delete;
    ~WriteGuard();
    void commit();

private:
    Database::Impl& impl_;
    bool savepoint_;
    bool done_ = false;
};

}  // namespace detail
}  // namespace quiver

#endif  // QUIVER_SRC_DATABASE_IMPL_H

namespace quiver::detail {

// The dimension of a time-series table: the alphabetically first non-id column that is
// DateTime-typed or named date_*; throws "Dimension column not found: time series table '<T>'".
const std::string& dimension_column(const TableDefinition& table);

}  // namespace quiver::detail
