// create_element: one INSERT into the collection, then the routed group rows.
//
// Atomicity (D3). Outside a user transaction the write guard wraps the call in BEGIN/COMMIT.
// Inside one, the guard's savepoint would copy every touched b-tree page into SQLite's
// sub-journal on each call (about a quarter of the whole insert cost for typical elements),
// so when the schema allows it a create is instead undone exactly by compensation: delete the
// group rows and the element it inserted and restore the AUTOINCREMENT counter. SQLite itself
// undoes the one statement that failed. Schemas with triggers or ON CONFLICT clauses, whose
// side effects cannot be known, always use the savepoint, and so does the first write of a
// transaction (see below).
#include "database_impl.h"
#include "errors.h"
#include "write_plan.h"

namespace quiver {
namespace {

using detail::quote_identifier;

std::string insert_sql(const std::string& collection, const detail::WritePlan& plan) {
    detail::InsertSql sql(collection);
    for (const auto& [name, value] : plan.scalars) sql.column(name);
    return sql.str();
}

// Inserts the element row and its group rows; `inserted_id`/`groups_started` record progress
// so a failure can be compensated.
void insert_element(Database::Impl& impl, const std::string& collection, const detail::WritePlan& plan,
                    std::optional<int64_t>& inserted_id, size_t& groups_started) {
    auto insert = impl.cached(insert_sql(collection, plan));
    for (size_t i = 0; i < plan.scalars.size(); ++i) insert.bind_borrowed(static_cast<int>(i + 1), plan.scalars[i].second);
    insert.run();
    inserted_id = sqlite3_last_insert_rowid(impl.db());
    for (const auto& group : plan.groups) {
        ++groups_started;
        detail::insert_group_rows(impl, *inserted_id, group);
    }
}

std::optional<int64_t> read_sequence(Database::Impl& impl, const std::string& collection) {
    auto stmt = impl.cached("SELECT seq FROM sqlite_sequence WHERE name = ?");
    stmt.bind(1, Value(collection));
    if (!stmt.step()) return std::nullopt;
    return stmt.column_int(0);
}

// Removes everything insert_element wrote. Never throws: a failure is logged and the
// original error propagates.
void undo_create(Database::Impl& impl, const std::string& collection, const detail::WritePlan& plan, int64_t id,
                 size_t groups_started, bool autoincrement, std::optional<int64_t> sequence) noexcept {
    try {
        for (size_t g = groups_started; g-- > 0;) {
            auto clear = impl.cached("DELETE FROM " + quote_identifier(plan.groups[g].table->name) + " WHERE id = ?");
            clear.bind(1, id);
            clear.run();
        }
        auto remove = impl.cached("DELETE FROM " + quote_identifier(collection) + " WHERE id = ?");
        remove.bind(1, id);
        remove.run();
        if (autoincrement) {
            auto restore = impl.cached(sequence ? "UPDATE sqlite_sequence SET seq = ? WHERE name = ?"
                                                : "DELETE FROM sqlite_sequence WHERE name = ?");
            int index = 1;
            if (sequence) restore.bind(index++, *sequence);
            restore.bind(index, Value(collection));
            restore.run();
        }
    } catch (const std::exception& e) {
        impl.logger->error("Failed to rollback transaction: {}", e.what());
    }
}

}  // namespace

int64_t Database::create_element(const std::string& collection, const Element& element) {
    constexpr const char* op = "create_element";
    const auto& schema = impl_->require_schema(op);
    const auto& table = impl_->require_collection(op, collection);
    if (!element.has_scalars()) detail::fail_cannot(op, "element must have at least one scalar attribute");
    const auto plan = detail::plan_element_write(*impl_, schema, detail::WriteKind::Create, table, element);

    std::optional<int64_t> id;
    size_t groups_started = 0;
    // Only once the user transaction holds the write lock: reading sqlite_sequence first in a
    // transaction that has not written yet would take a read lock that SQLite cannot upgrade
    // while waiting for another writer (the busy timeout would not apply).
    if (impl_->in_transaction() && impl_->creates_undoable &&
        sqlite3_txn_state(impl_->db(), "main") == SQLITE_TXN_WRITE) {
        const bool autoincrement = impl_->autoincrement_tables.count(collection) != 0;
        const auto sequence = autoincrement ? read_sequence(*impl_, collection) : std::nullopt;
        try {
            insert_element(*impl_, collection, plan, id, groups_started);
        } catch (...) {
            if (id) undo_create(*impl_, collection, plan, *id, groups_started, autoincrement, sequence);
            throw;
        }
    } else {
        detail::WriteGuard guard(*impl_);
        insert_element(*impl_, collection, plan, id, groups_started);
        guard.commit();
    }

    impl_->logger->debug("Created element {} in {}", *id, collection);
    return *id;
}

}  // namespace quiver
