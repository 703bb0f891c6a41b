// One time-series row: across all elements at a date (read_time_series_row, api-additions
// §4.2) and for one element at one key (upsert_time_series_row, §4.3, D19).
#include "quiver/type_validator.h"

#include "database_impl.h"
#include "date_time.h"
#include "errors.h"

#include <algorithm>
#include <optional>

namespace quiver {
namespace {

using detail::quote_identifier;

// Collection, group and dimension checks shared by both operations.
struct TimeSeriesTable {
    const TableDefinition& table;
    const std::string& dimension;
};

TimeSeriesTable require_time_series(Database::Impl& impl, const char* op, const std::string& collection,
                                    const std::string& group) {
    impl.require_collection(op, collection);
    const auto& table = *impl.schema->get_table(impl.schema->find_time_series_table(collection, group));
    return {table, detail::dimension_column(table)};
}

// Checks the row's column names and builds the statements for them (see detail::UpsertPlan).
// The key is the dimension plus every other primary-key column except id (dimension first,
// then alphabetical); every key column must be named.
detail::UpsertPlan plan_upsert(const char* op, const TimeSeriesTable& ts, const std::string& collection,
                               const std::string& group, const std::map<std::string, Value>& row) {
    std::vector<const ColumnDefinition*> key{ts.table.get_column(ts.dimension)};
    for (const auto& [name, column] : ts.table.columns) {
        if (column.primary_key && name != "id" && name != ts.dimension) key.push_back(&column);
    }
    for (const auto* column : key) {
        if (!row.count(column->name)) detail::fail_cannot(op, "row missing required '" + column->name + "' column");
    }
    detail::UpsertPlan plan;
    plan.collection = collection;
    plan.group = group;
    plan.table = &ts.table;
    for (const auto& [name, value] : row) {
        const auto* column = name == "id" ? nullptr : ts.table.get_column(name);
        if (!column) {
            detail::fail_cannot(op, "column '" + name + "' not found in group '" + group + "' for collection '" +
                                        collection + "'");
        }
        plan.names.push_back(name);
        plan.columns.push_back(column);
    }
    for (const auto* column : key) {
        plan.keys.push_back(static_cast<size_t>(std::find(plan.columns.begin(), plan.columns.end(), column) -
                                                plan.columns.begin()));
    }

    // UPDATE T SET <values> WHERE id = ? AND <keys>: the values' parameters come first, then id,
    // then the keys; the probe (a row naming only keys) is SELECT 1 ... WHERE id = ?1 AND <keys>.
    const auto table = quote_identifier(ts.table.name);
    std::string set, where, probe_where;
    const int value_count = static_cast<int>(row.size() - key.size());
    int next_value = 1;
    plan.update_parameter.resize(plan.names.size());
    for (size_t i = 0; i < plan.names.size(); ++i) {
        const auto k = std::find(plan.keys.begin(), plan.keys.end(), i);
        if (k == plan.keys.end()) {
            set += std::string(set.empty() ? "" : ", ") + quote_identifier(plan.names[i]) + " = ?";
            plan.update_parameter[i] = next_value++;
        } else {
            plan.update_parameter[i] = value_count + 2 + static_cast<int>(k - plan.keys.begin());
        }
    }
    for (const size_t k : plan.keys) where += " AND " + quote_identifier(plan.names[k]) + " = ?";
    plan.has_values = value_count > 0;
    plan.update_sql = "UPDATE " + table + " SET " + set + " WHERE id = ?" + where;
    // Without values the same parameters serve the probe: id first, then the keys from 2.
    if (!plan.has_values) plan.probe_sql = "SELECT 1 FROM " + table + " WHERE id = ?" + where + " LIMIT 1";
    detail::InsertSql insert(ts.table.name);
    insert.column("id");
    for (const auto& name : plan.names) insert.column(name);
    plan.insert_sql = insert.str();
    return plan;
}

// The per-call checks (NULL keys, types) and the write of one planned upsert.
void write_upsert(Database::Impl& impl, const char* op, const detail::UpsertPlan& plan, int64_t id,
                  const std::map<std::string, Value>& row) {
    for (const size_t k : plan.keys) {
        if (std::holds_alternative<std::nullptr_t>(std::next(row.begin(), static_cast<long>(k))->second)) {
            detail::fail_cannot(op, "key column '" + plan.names[k] + "' cannot be NULL");
        }
    }
    size_t i = 0;
    for (const auto& [name, value] : row) TypeValidator::validate_column(op, name, plan.columns[i++]->type, value);

    // D19: an existing row changes only the named value columns (upstream's INSERT OR REPLACE
    // resets the others). UPDATE first; only when it matched no row, INSERT.
    //
    // Atomicity (D3) without a savepoint: at most one of the statements changes anything, and
    // SQLite undoes a failed statement by itself, so a refused upsert leaves nothing behind and
    // the caller's transaction open. The guard's savepoint would copy every touched page into
    // the sub-journal on each call (a third of an upsert's cost inside a transaction). Schemas
    // with triggers or ON CONFLICT clauses (a statement may then keep part of its work, or
    // write elsewhere) still get the guard, as create_element does.
    std::optional<detail::WriteGuard> guard;
    if (impl.creates_undoable) {
        impl.hold_dry_run();  // what the guard would do first: never write outside a dry run
    } else {
        guard.emplace(impl);
    }
    bool exists = false;
    if (plan.has_values) {
        auto update = impl.cached(plan.update_sql);
        i = 0;
        for (const auto& [name, value] : row) update.bind_borrowed(plan.update_parameter[i++], value);
        update.bind(static_cast<int>(row.size() - plan.keys.size() + 1), id);
        update.run();
        exists = sqlite3_changes(impl.db()) > 0;
    } else {
        auto probe = impl.cached(plan.probe_sql);
        probe.bind(1, id);
        i = 0;
        for (const auto& [name, value] : row) probe.bind_borrowed(plan.update_parameter[i++], value);
        exists = probe.step();
    }
    if (!exists) {
        auto insert = impl.cached(plan.insert_sql);
        insert.bind(1, id);
        int parameter = 2;
        for (const auto& [name, value] : row) insert.bind_borrowed(parameter++, value);
        insert.run();
    }
    if (guard) guard->commit();
}

}  // namespace

std::vector<Value> Database::read_time_series_row(const std::string& collection, const std::string& group,
                                                  const std::string& attribute, const std::string& date_time) {
    constexpr const char* op = "read_time_series_row";
    const auto ts = require_time_series(*impl_, op, collection, group);
    if (attribute == "id" || attribute == ts.dimension || !ts.table.has_column(attribute)) {
        detail::fail_not_found("Time series attribute",
                               "'" + attribute + "' in group '" + group + "' of collection '" + collection + "'");
    }
    if (!detail::is_valid_date_time(detail::trim(date_time))) {
        detail::fail_cannot(op, detail::invalid_date_time_reason(date_time, "argument 'date_time'"));
    }

    // Per element, the newest row at or before the date whose attribute is not NULL; dates
    // compare as stored text (D22 keeps them sortable). The primary key (id, dimension[, ...])
    // serves the lookup; ties between rows of one date go to the smallest rowid.
    const auto value = quote_identifier(attribute);
    const auto dimension = quote_identifier(ts.dimension);
    auto stmt = impl_->cached("SELECT (SELECT t." + value + " FROM " + quote_identifier(ts.table.name) +
                              " AS t WHERE t.id = c.id AND t." + dimension + " <= ?1 AND t." + value +
                              " IS NOT NULL ORDER BY t." + dimension + " DESC, t.rowid LIMIT 1) FROM " +
                              quote_identifier(collection) + " AS c ORDER BY c.rowid");
    stmt.bind(1, Value(date_time));
    std::vector<Value> values;
    while (stmt.step()) values.push_back(stmt.column_value(0));
    return values;
}

void Database::upsert_time_series_row(const std::string& collection, const std::string& group, int64_t id,
                                      const std::map<std::string, Value>& row) {
    constexpr const char* op = "upsert_time_series_row";
    auto& plan = impl_->upsert_plan;
    const bool reuse = plan.table && plan.collection == collection && plan.group == group &&
                       std::equal(row.begin(), row.end(), plan.names.begin(), plan.names.end(),
                                  [](const auto& entry, const std::string& name) { return entry.first == name; });
    std::optional<TimeSeriesTable> ts;
    if (!reuse) ts.emplace(require_time_series(*impl_, op, collection, group));
    // D19: the element must exist (upstream writes rows of missing elements). When the table's id
    // has an immediate foreign key to the collection, SQLite already refuses a row of a missing
    // element and an existing row proves its element, so the lookup runs only when the call
    // fails, to report the missing element before any other problem (the order of §4.3). That
    // saves a query per call, a fifth of an upsert in a loop.
    const bool parent_enforced = impl_->parent_key_enforced(reuse ? *plan.table : ts->table, collection);
    if (!parent_enforced) impl_->require_element(collection, id);
    try {
        if (!reuse) {
            plan = plan_upsert(op, *ts, collection, group, row);
        }
        write_upsert(*impl_, op, plan, id, row);
    } catch (...) {
        if (parent_enforced) impl_->require_element(collection, id);
        throw;
    }
    impl_->logger->debug("Upserted a row of time series {} of element {} in {}", group, id, collection);
}

}  // namespace quiver
