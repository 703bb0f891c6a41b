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
#include <vector>

namespace quiver {

struct ConnectionCloser {
    void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};

namespace detail {

// The checked column layout and SQL of the last upsert_time_series_row call (time_series_row.cpp),
// reused by the next call into the same group naming the same columns: a loop of upserts then
// neither re-checks the names nor rebuilds and re-hashes its statements. Reset when the schema
// is (re)loaded, since it points into it.
struct UpsertPlan {
    std::string collection, group;
    std::vector<std::string> names;                 // the row's column names, in map order
    const TableDefinition* table = nullptr;
    std::vector<size_t> keys;                       // positions in names: dimension, then alphabetical
    std::vector<const ColumnDefinition*> columns;   // per name
    std::vector<int> update_parameter;              // per name: its parameter in update_sql
    bool has_values = false;                        // names a column outside the key
    std::string update_sql, probe_sql, insert_sql;
};

// The SQL of the last update_vector_group/update_set_group call (group_write.cpp), reused by the
// next call into the same table naming the same columns. Reset with the schema.
struct GroupWriteSql {
    const TableDefinition* table = nullptr;
    std::vector<std::string> columns;
    std::string clear_sql, insert_sql;
};

}  // namespace detail

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
    // A foreign key of the schema is DEFERRABLE INITIALLY DEFERRED: inside a transaction SQLite
    // then checks it only at COMMIT, so a write cannot rely on it to refuse a missing parent.
    bool has_deferred_foreign_keys = true;
    std::set<std::string> autoincrement_tables;
    // Dry run (D16, dry_run.cpp): one outer transaction that end_dry_run rolls back. A user
    // transaction inside it is the savepoint quiver_user; in_transaction() reports only that.
    bool dry_run = false;
    bool dry_run_user_transaction = false;
    int64_t dry_run_schema_version = 0;
    detail::UpsertPlan upsert_plan;
    detail::GroupWriteSql group_write_sql;

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
    // True when `table`'s id has a foreign key to `collection` that SQLite checks at once: a row
    // written for a missing element then fails, so writers that insert rows may look the element
    // up only to report such a failure (upsert_time_series_row, the group writers).
    bool parent_key_enforced(const TableDefinition& table, const std::string& collection) const;
    // The one label -> id resolution of the label-addressed writers (api-additions §8):
    // SELECT id FROM <C> WHERE label = ? (trimmed); "Element not found: label '<label>' in
    // collection '<C>'" (label as given). Call after the collection check. See labels.cpp.
    int64_t require_element_by_label(const std::string& collection, const std::string& label);
    // The vector or set group table <C>_vector_<g> / <C>_set_<g> of an existing collection;
    // "Vector group not found: '<g>' in collection '<C>'" / "Set group not found: ...".
    const TableDefinition& require_group(GroupTableType type, const std::string& collection,
                                         const std::string& group) const;

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
