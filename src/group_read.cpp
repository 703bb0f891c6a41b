// Whole-group readers (api-additions §3.1): every value column of one element's rows in one
// vector or set group, NULL cells kept (D20), values by storage class, nothing converted.
#include "database_impl.h"
#include "errors.h"

namespace quiver {
namespace {

using Rows = std::vector<std::map<std::string, Value>>;

Rows read_group(Database::Impl& impl, GroupTableType type, const char* op, const std::string& collection,
                const std::string& group, int64_t id) {
    impl.require_collection(op, collection);
    const auto& table = impl.require_group(type, collection, group);
    const bool vector = type == GroupTableType::Vector;

    std::vector<const std::string*> columns;  // value columns, alphabetical (metadata order)
    for (const auto& [name, column] : table.columns) {
        if (name != "id" && !(vector && name == "vector_index")) columns.push_back(&name);
    }
    if (columns.empty()) return {};
    std::string sql = "SELECT ";
    for (size_t i = 0; i < columns.size(); ++i) sql += (i ? ", " : "") + detail::quote_identifier(*columns[i]);
    // A set has no position of its own: rowid order is the order its rows were written in.
    sql += " FROM " + detail::quote_identifier(table.name) + " WHERE id = ? ORDER BY " +
           (vector ? "vector_index" : "rowid");

    auto stmt = impl.cached(sql);
    stmt.bind(1, id);
    Rows rows;
    while (stmt.step()) {
        auto& row = rows.emplace_back();
        for (size_t i = 0; i < columns.size(); ++i) {
            row.emplace_hint(row.end(), *columns[i], stmt.column_value(static_cast<int>(i)));
        }
    }
    return rows;
}

}  // namespace

Rows Database::read_vector_group_by_id(const std::string& collection, const std::string& group, int64_t id) {
    return read_group(*impl_, GroupTableType::Vector, "read_vector_group_by_id", collection, group, id);
}

Rows Database::read_set_group_by_id(const std::string& collection, const std::string& group, int64_t id) {
    return read_group(*impl_, GroupTableType::Set, "read_set_group_by_id", collection, group, id);
}

}  // namespace quiver
