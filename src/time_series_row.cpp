// One time-series row: across all elements at a date (read_time_series_row, api-additions
// §4.2) and for one element at one key (upsert_time_series_row, §4.3, D19).
#include "quiver/type_validator.h"

#include "database_impl.h"
#include "date_time.h"
#include "errors.h"

#include <algorithm>

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

// The key of a row: the dimension, then every other primary-key column except id, alphabetical.
std::vector<const ColumnDefinition*> key_columns(const TimeSeriesTable& ts) {
    std::vector<const ColumnDefinition*> keys{ts.table.get_column(ts.dimension)};
    for (const auto& [name, column] : ts.table.columns) {
        if (column.primary_key && name != "id" && name != ts.dimension) keys.push_back(&column);
    }
    return keys;
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
    const auto ts = require_time_series(*impl_, op, collection, group);
    impl_->require_element(collection, id);  // D19: upstream inserts orphans' rows blindly
    const auto keys = key_columns(ts);
    for (const auto* key : keys) {
        if (!row.count(key->name)) detail::fail_cannot(op, "row missing required '" + key->name + "' column");
    }
    for (const auto& [name, value] : row) {
        if (name == "id" || !ts.table.has_column(name)) {
            detail::fail_cannot(op, "column '" + name + "' not found in group '" + group + "' for collection '" +
                                        collection + "'");
        }
    }
    for (const auto* key : keys) {
        if (std::holds_alternative<std::nullptr_t>(row.at(key->name))) {
            detail::fail_cannot(op, "key column '" + key->name + "' cannot be NULL");
        }
    }
    std::vector<const std::pair<const std::string, Value>*> values;  // the named value columns
    for (const auto& entry : row) {
        const auto* column = ts.table.get_column(entry.first);
        TypeValidator::validate_value(op, "column '" + entry.first + "'", column->type, entry.second);
        const bool is_key = std::find(keys.begin(), keys.end(), column) != keys.end();
        if (!is_key) values.push_back(&entry);
    }

    // D19: an existing row changes only the named value columns (upstream's INSERT OR REPLACE
    // resets the others). UPDATE first; only when it matched no row, INSERT. At most one of the
    // two statements changes anything.
    std::string where = " WHERE id = ?";
    for (const auto* key : keys) where += " AND " + quote_identifier(key->name) + " = ?";
    detail::WriteGuard guard(*impl_);
    bool exists = false;
    if (values.empty()) {
        auto probe = impl_->cached("SELECT 1 FROM " + quote_identifier(ts.table.name) + where + " LIMIT 1");
        probe.bind(1, id);
        for (size_t k = 0; k < keys.size(); ++k) probe.bind_borrowed(static_cast<int>(k + 2), row.at(keys[k]->name));
        exists = probe.step();
    } else {
        std::string sql = "UPDATE " + quote_identifier(ts.table.name) + " SET ";
        for (size_t i = 0; i < values.size(); ++i) sql += (i ? ", " : "") + quote_identifier(values[i]->first) + " = ?";
        auto update = impl_->cached(sql + where);
        int index = 1;
        for (const auto* entry : values) update.bind_borrowed(index++, entry->second);
        update.bind(index++, id);
        for (const auto* key : keys) update.bind_borrowed(index++, row.at(key->name));
        update.run();
        exists = sqlite3_changes(impl_->db()) > 0;
    }
    if (!exists) {
        detail::InsertSql sql(ts.table.name);
        sql.column("id");
        for (const auto& [name, value] : row) sql.column(name);
        auto insert = impl_->cached(sql.str());
        insert.bind(1, id);
        int index = 2;
        for (const auto& [name, value] : row) insert.bind_borrowed(index++, value);
        insert.run();
    }
    guard.commit();
    impl_->logger->debug("Upserted a row of time series {} of element {} in {}", group, id, collection);
}

}  // namespace quiver
