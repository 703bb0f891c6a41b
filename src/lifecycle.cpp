// Opening, creating (from a schema file) and migrating databases; the lazy schema.
#include "quiver/migrations.h"
#include "quiver/schema_validator.h"

#include "database_impl.h"
#include "errors.h"
#include "logging.h"

#include <filesystem>
#include <fstream>
#include <iterator>

namespace quiver {

using detail::exec_sql;

Database::Impl::Impl(std::string db_path, const DatabaseOptions& options)
    : path(std::move(db_path)),
      logger(detail::make_database_logger(path, options.console_level)),
      statements(nullptr),
      query_statements(nullptr) {
    sqlite3* raw = nullptr;
    // A Database is used by one thread at a time (documented), so the connection needs no
    // mutexes of its own: SQLITE_OPEN_NOMUTEX saves a lock/unlock pair on every API call.
    const int flags = (options.read_only ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)) |
                      SQLITE_OPEN_NOMUTEX;
    const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
    connection.reset(raw);
    if (rc != SQLITE_OK) {
        std::string msg = raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc);
        detail::fail_failed("open database", msg);
    }
    statements = detail::StatementCache(raw);
    query_statements = detail::StatementCache(raw);
    sqlite3_exec(raw, "PRAGMA foreign_keys = ON", nullptr, nullptr, nullptr);
    // Every write inside a user transaction runs in a savepoint (D3); with temp files the
    // savepoint's sub-journal costs one pwrite per touched page per write (measured: 14 per
    // element of the benchmark workload). Keeping temporary storage in memory removes that.
    sqlite3_exec(raw, "PRAGMA temp_store = MEMORY", nullptr, nullptr, nullptr);
    // A second process holding the write lock makes us wait rather than fail at once.
    sqlite3_busy_timeout(raw, 5000);
    logger->info("Database opened successfully: {}", path);
}

Database::Impl::~Impl() {
    // Closing during a dry run discards it (SQLite would too; this does not depend on it).
    if (connection && dry_run) sqlite3_exec(db(), "ROLLBACK", nullptr, nullptr, nullptr);
    if (connection) logger->info("Database closed");
}

void Database::Impl::load_schema() {
    auto loaded = Schema::from_database(db());
    SchemaValidator(loaded).validate();

    bool undoable = true;
    bool deferred = false;
    std::set<std::string> autoincrement;
    auto stmt = detail::prepare_statement(db(), "SELECT type, name, upper(sql) FROM sqlite_master WHERE sql IS NOT NULL");
    while (stmt.step()) {
        const auto type = stmt.column_text(0);
        const auto sql = stmt.column_text(2);
        if (type == "trigger" || sql.find("ON CONFLICT") != std::string::npos) undoable = false;
        if (sql.find("INITIALLY DEFERRED") != std::string::npos) deferred = true;
        if (type == "table" && sql.find("AUTOINCREMENT") != std::string::npos) autoincrement.insert(stmt.column_text(1));
    }
    schema = std::move(loaded);
    upsert_plan = {};
    group_write_sql = {};
    creates_undoable = undoable;
    has_deferred_foreign_keys = deferred;
    autoincrement_tables = std::move(autoincrement);
}

const Schema& Database::Impl::require_schema(std::string_view op) {
    if (schema) return *schema;
    auto count = cached("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
    count.step();
    if (count.column_int(0) == 0) detail::fail_cannot(op, "no schema loaded");
    load_schema();
    return *schema;
}

const Schema* Database::Impl::try_schema() {
    try {
        return &require_schema("describe");
    } catch (const std::runtime_error&) {
        return nullptr;
    }
}

const TableDefinition& Database::Impl::require_collection(std::string_view op,
                                                          const std::string& collection) {
    const auto* table = require_schema(op).get_table(collection);
    if (!table) detail::fail_cannot(op, "collection not found: " + collection);
    return *table;
}

const ColumnDefinition& Database::Impl::require_column(std::string_view op, const TableDefinition& table,
                                                       const std::string& column) {
    const auto* col = table.get_column(column);
    if (!col) detail::fail_cannot(op, "column '" + column + "' not found in table '" + table.name + "'");
    return *col;
}

void Database::Impl::require_element(const std::string& collection, int64_t id) {
    auto stmt = cached("SELECT 1 FROM " + detail::quote_identifier(collection) + " WHERE id = ?");
    stmt.bind(1, id);
    if (!stmt.step()) {
        detail::fail_not_found("Element", std::to_string(id) + " in collection '" + collection + "'");
    }
}

namespace {

// D23 (api-additions 10.4): opening never creates. Checked before the Impl (and so the logger,
// whose file sink would create the directory and quiver_database.log) exists. A dangling
// symlink counts as missing: SQLite would create its target. A path whose status cannot be
// read for another reason (permissions) is left to SQLite, which reports it.
const std::string& require_existing(const std::string& path) {
    if (path == ":memory:") return path;
    std::error_code ec;
    if (std::filesystem::status(path, ec).type() == std::filesystem::file_type::not_found) {
        detail::fail_not_found("Database", path);
    }
    return path;
}

}  // namespace

bool Database::Impl::parent_key_enforced(const TableDefinition& table, const std::string& collection) const {
    const auto* fk = table.get_foreign_key("id");
    if (!fk || has_deferred_foreign_keys || fk->to_table != collection || fk->to_column != "id") return false;
    // A caller may have sent PRAGMA foreign_keys = OFF through query_*: then nothing is enforced.
    int enabled = 0;
    sqlite3_db_config(db(), SQLITE_DBCONFIG_ENABLE_FKEY, -1, &enabled);
    return enabled != 0;
}

const TableDefinition& Database::Impl::require_group(GroupTableType type, const std::string& collection,
                                                     const std::string& group) const {
    const bool vector = type == GroupTableType::Vector;
    const auto name = vector ? Schema::vector_table_name(collection, group) : Schema::set_table_name(collection, group);
    const auto* table = schema->get_table(name);
    if (!table || !(vector ? schema->is_vector_table(name) : schema->is_set_table(name))) {
        detail::fail_not_found(vector ? "Vector group" : "Set group", "'" + group + "' in collection '" + collection + "'");
    }
    return *table;
}

Database::Database(const std::string& path, const DatabaseOptions& options)
    : impl_(std::make_unique<Impl>(require_existing(path), options)) {}

Database::Database(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

Database::~Database() = default;
Database::Database(Database&& other) noexcept = default;
Database& Database::operator=(Database&& other) noexcept = default;

bool Database::is_healthy() const {
    return impl_ && impl_->connection != nullptr;
}

int64_t Database::current_version() const {
    auto stmt = impl_->cached("PRAGMA user_version");
    stmt.step();
    return stmt.column_int(0);
}

const std::string& Database::path() const {
    return impl_->path;
}

namespace {

// Runs body inside BEGIN/COMMIT; any failure rolls back and rethrows the original error.
template <typename Body>
void in_one_transaction(Database::Impl& impl, Body&& body) {
    exec_sql(impl.db(), "BEGIN");
    try {
        body();
        exec_sql(impl.db(), "COMMIT");
    } catch (...) {
        if (sqlite3_exec(impl.db(), "ROLLBACK", nullptr, nullptr, nullptr) != SQLITE_OK) {
            impl.logger->error("Failed to rollback transaction: {}", sqlite3_errmsg(impl.db()));
        }
        impl.schema.reset();
        throw;
    }
}

}  // namespace

Database Database::from_schema(const std::string& db_path, const std::string& schema_path,
                               const DatabaseOptions& options) {
    // Checked first (api-additions §9): a read-only handle could not hold the schema it would
    // apply, and nothing may be deleted on its behalf.
    if (options.read_only) detail::fail_cannot("from_schema", "read_only mode (use Database constructor to open existing)");
    std::error_code ec;
    if (!std::filesystem::exists(schema_path, ec)) detail::fail_not_found("Schema file", schema_path);
    // Read the schema before touching the database file, so a bad schema path loses nothing.
    std::ifstream in(schema_path, std::ios::binary);
    if (!in || std::filesystem::is_directory(schema_path, ec)) {
        detail::fail_failed("apply_schema", "could not open file: " + schema_path);
    }
    const std::string sql((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    // Only a regular file is replaced; a directory (or anything else) at db_path is left
    // alone and fails to open below.
    if (db_path != ":memory:" && std::filesystem::is_regular_file(db_path, ec)) std::filesystem::remove(db_path, ec);

    auto impl = std::make_unique<Impl>(db_path, options);
    impl->logger->info("Applying schema from: {}", schema_path);
    if (sql.empty()) detail::fail_cannot("apply_schema", "schema file is empty: " + schema_path);

    in_one_transaction(*impl, [&] {
        exec_sql(impl->db(), sql);
        impl->load_schema();
    });
    impl->logger->info("Schema applied successfully");
    return Database(std::move(impl));
}

Database Database::from_migrations(const std::string& db_path, const std::string& migrations_path,
                                   const DatabaseOptions& options) {
    if (options.read_only) {
        detail::fail_cannot("from_migrations", "read_only mode (use Database constructor to open existing)");
    }
    std::error_code ec;
    if (!std::filesystem::exists(migrations_path, ec)) {
        detail::fail_not_found("Migrations path", migrations_path);
    }
    if (!std::filesystem::is_directory(migrations_path, ec)) {
        detail::fail_cannot("migrate_up", "path is not a directory: " + migrations_path);
    }

    auto impl = std::make_unique<Impl>(db_path, options);
    Database db(std::move(impl));
    Impl& self = *db.impl_;
    const Migrations migrations(migrations_path);
    if (migrations.empty()) return db;

    const int64_t current = db.current_version();
    const auto pending = migrations.pending(current);
    if (pending.empty()) {
        self.load_schema();
        return db;
    }
    for (const auto& migration : pending) {
        if (migration.up_sql().empty()) {
            detail::fail_cannot("migrate_up",
                                "migration " + std::to_string(migration.version()) + " has no up.sql file");
        }
    }

    self.logger->info("Applying {} pending migration(s) from version {} to {}", pending.size(), current,
                      pending.back().version());
    in_one_transaction(self, [&] {
        for (const auto& migration : pending) {
            const auto version = std::to_string(migration.version());
            try {
                exec_sql(self.db(), migration.up_sql());
                exec_sql(self.db(), "PRAGMA user_version = " + version);
            } catch (const std::runtime_error& e) {
                self.logger->error("Migration {} failed: {}", version, e.what());
                detail::fail_failed("migrate_up", "migration " + version + ": " + e.what());
            }
        }
        self.load_schema();
    });
    return db;
}

}  // namespace quiver
