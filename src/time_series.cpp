// Time-series groups: one dimension column (date_*), rows replaced wholesale per element.
// Cells are Value both ways; a NULL cell is nullptr (api-additions 4.1).
#include "quiver/type_validator.h"

#include "database_impl.h"
#include "errors.h"

#include <set>

namespace quiver {

using detail::quote_identifier;

std::vector<std::map<std::string, Value>> Database::read_time_series_group(const std::string& collection,
                                                                           const std::string& group, int64_t id) {
    constexpr const char* op = "read_time_series_group";
    impl_->require_collection(op, collection);
    const auto& schema = *impl_->schema;
    const auto& table = *schema.get_table(schema.find_time_series_table(collection, group));
    const auto& dimension = detail::dimension_column(table);

    std::vector<std::string> columns{dimension};
    for (const auto& [name, column] : table.columns) {
        if (name != "id" && name != dimension) columns.push_back(name);
    }
    std::string sql = "SELECT ";
    for (size_t i = 0; i < columns.size(); ++i) sql += (i ? ", " : "") + quote_identifier(columns[i]);
    sql += " FROM " + quote_identifier(table.name) + " WHERE id = ? ORDER BY " + quote_identifier(dimension);

    auto stmt = impl_->cached(sql);
    stmt.bind(1, id);
    std::vector<std::map<std::string, Value>> rows;
    while (stmt.step()) {
        auto& row = rows.emplace_back();
        for (size_t i = 0; i < columns.size(); ++i) row.emplace(columns[i], stmt.column_value(static_cast<int>(i)));
    }
    return rows;
}

void Database::update_time_series_group(const std::string& collection, const std::string& group, int64_t id,
                                        const std::vector<std::map<std::string, Value>>& rows) {
    constexpr const char* op = "update_time_series_group";
    impl_->require_collection(op, collection);
    const auto& schema = *impl_->schema;
    const auto& table = *schema.get_table(schema.find_time_series_table(collection, group));
    const auto& dimension = detail::dimension_column(table);

    for (size_t r = 0; r < rows.size(); ++r) {
        const auto it = rows[r].find(dimension);
        if (it == rows[r].end()) detail::fail_cannot(op, "row missing required '" + dimension + "' column");
        if (std::holds_alternative<std::nullptr_t>(it->second)) {
            detail::fail_cannot(op, "row " + std::to_string(r) + " has NULL in dimension column '" + dimension + "'");
        }
    }
    std::set<std::string> keys;  // union of all rows' keys, alphabetical
    for (const auto& row : rows) {
        for (const auto& [name, value] : row) {
            if (name == "id" || !table.has_column(name)) {
                detail::fail_cannot(op, "column '" + name + "' not found in group '" + group + "' for collection '" +
                                            collection + "'");
            }
            keys.insert(name);
        }
    }
    for (size_t r = 0; r < rows.size(); ++r) {
        for (const auto& [name, value] : rows[r]) {
            TypeValidator::validate_value(op, "column '" + name + "' row " + std::to_string(r),
                                          table.get_column(name)->type, value);
        }
    }

    detail::WriteGuard guard(*impl_);
    auto clear = impl_->cached("DELETE FROM " + quote_identifier(table.name) + " WHERE id = ?");
    clear.bind(1, id);
    clear.run();
    if (!rows.empty()) {
        std::vector<std::string> columns{dimension};
        for (const auto& key : keys) {
            if (key != dimension) columns.push_back(key);
        }
        detail::InsertSql sql(table.name);
        sql.column("id");
        for (const auto& column : columns) sql.column(column);
        auto insert = impl_->cached(sql.str());
        const Value null_value = nullptr;
        for (const auto& row : rows) {
            insert.bind(1, id);
            for (size_t c = 0; c < columns.size(); ++c) {
                auto it = row.find(columns[c]);
                insert.bind(static_cast<int>(c + 2), it == row.end() ? null_value : it->second);
            }
            insert.run();
            insert.reset();
        }
    }
    guard.commit();
    impl_->logger->debug("Updated time series {} of element {} in {}", group, id, collection);
}

}  // namespace quiver
