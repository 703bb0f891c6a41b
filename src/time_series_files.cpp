// The time-series files table: one row of file paths per collection.
#include "quiver/type_validator.h"

#include "database_impl.h"
#include "errors.h"

namespace quiver {

using detail::quote_identifier;

bool Database::has_time_series_files(const std::string& collection) const {
    impl_->require_collection("has_time_series_files", collection);
    return impl_->schema->has_table(Schema::time_series_files_table_name(collection));
}

std::vector<std::string> Database::list_time_series_files_columns(const std::string& collection) const {
    impl_->require_collection("list_time_series_files_columns", collection);
    const auto name = Schema::time_series_files_table_name(collection);
    const auto* table = impl_->schema->get_table(name);
    if (!table) detail::fail_not_found("Time series files table", name);
    std::vector<std::string> columns;
    for (const auto& [column, definition] : table->columns) columns.push_back(column);
    return columns;
}

std::map<std::string, std::optional<std::string>> Database::read_time_series_files(const std::string& collection) {
    impl_->require_collection("read_time_series_files", collection);
    const auto& table = *impl_->schema->get_table(impl_->schema->find_time_series_files_table(collection));

    std::map<std::string, std::optional<std::string>> out;
    std::string sql = "SELECT ";
    for (const auto& [column, definition] : table.columns) {
        sql += (out.empty() ? "" : ", ") + quote_identifier(column);
        out.emplace(column, std::nullopt);
    }
    sql += " FROM " + quote_identifier(table.name) + " LIMIT 1";
    auto stmt = impl_->cached(sql);
    if (stmt.step()) {
        int i = 0;
        for (auto& [column, path] : out) {
            if (stmt.column_type(i) == SQLITE_TEXT) path = stmt.column_text(i);
            ++i;
        }
    }
    return out;
}

void Database::update_time_series_files(const std::string& collection,
                                        const std::map<std::string, std::optional<std::string>>& paths) {
    constexpr const char* op = "update_time_series_files";
    impl_->require_collection(op, collection);
    const auto& table = *impl_->schema->get_table(impl_->schema->find_time_series_files_table(collection));
    if (paths.empty()) return;
    for (const auto& [column, path] : paths) {
        if (!table.has_column(column)) {
            detail::fail_cannot(op, "column '" + column + "' not found in table '" + table.name + "'");
        }
        // Paths are TEXT values: the same content checks as element strings (valid UTF-8, no NUL).
        if (path) TypeValidator::validate_value(op, "column '" + column + "'", DataType::Text, Value(*path));
    }

    detail::InsertSql sql(table.name);
    for (const auto& [column, path] : paths) sql.column(column);

    detail::WriteGuard guard(*impl_);
    impl_->cached("DELETE FROM " + quote_identifier(table.name)).run();
    auto insert = impl_->cached(sql.str());
    int index = 1;
    for (const auto& [column, path] : paths) {
        insert.bind(index++, path ? Value(*path) : Value(nullptr));
    }
    insert.run();
    guard.commit();
}

}  // namespace quiver
