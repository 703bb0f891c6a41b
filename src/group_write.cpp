// Whole-group writers (api-additions §3.1, D15): replace all of one element's rows in exactly
// one named vector or set group. Unlike update_element, which routes arrays by column name to
// every group having that column, nothing outside the named table is touched.
//
// Every check (group, element, column names, labels, types) runs before the first write; the
// DELETE and the INSERTs then run under the write guard (D3).
#include "quiver/type_validator.h"

#include "database_impl.h"
#include "errors.h"
#include "write_plan.h"

#include <algorithm>

namespace quiver {
namespace {

using Rows = std::vector<std::map<std::string, Value>>;

struct GroupColumn {
    const ColumnDefinition* definition;
    bool takes_labels;  // a string cell must go through label resolution (FK or INTEGER column)
};

// The union of all rows' keys, alphabetical, each checked against the group table.
std::vector<GroupColumn> named_columns(const char* op, const TableDefinition& table, bool vector,
                                       const std::string& collection, const std::string& group, const Rows& rows) {
    std::vector<const std::string*> names;
    for (const auto& row : rows) {
        for (const auto& [name, value] : row) names.push_back(&name);
    }
    // D15: a list of rows without a single column is a mistake, never a silent clear.
    if (!rows.empty() && names.empty()) detail::fail_cannot(op, "rows contain no columns; pass no rows to clear the group");
    const auto less = [](const std::string* a, const std::string* b) { return *a < *b; };
    const auto same = [](const std::string* a, const std::string* b) { return *a == *b; };
    std::sort(names.begin(), names.end(), less);
    names.erase(std::unique(names.begin(), names.end(), same), names.end());
    std::vector<GroupColumn> columns;
    for (const auto* name_pointer : names) {
        const auto& name = *name_pointer;
        if (name == "id" || (vector && name == "vector_index")) {
            detail::fail_cannot(op, "column '" + name + "' is managed by the group table, not a value column");
        }
        const auto* column = table.get_column(name);
        if (!column) {
            detail::fail_cannot(op, "column '" + name + "' not found in group '" + group + "' for collection '" +
                                        collection + "'");
        }
        columns.push_back({column, table.get_foreign_key(name) != nullptr || column->type == DataType::Integer});
    }
    return columns;
}

// The DELETE and INSERT of this call, from the memo when the previous group write used the same
// table and columns (a loop over elements), built and remembered otherwise.
const detail::GroupWriteSql& statements(Database::Impl& impl, const TableDefinition& table, bool vector,
                                        const std::vector<GroupColumn>& columns) {
    auto& memo = impl.group_write_sql;
    const bool same = memo.table == &table &&
                      std::equal(columns.begin(), columns.end(), memo.columns.begin(), memo.columns.end(),
                                 [](const GroupColumn& c, const std::string& name) { return c.definition->name == name; });
    if (same) return memo;
    detail::GroupWriteSql sql;
    sql.table = &table;
    sql.clear_sql = "DELETE FROM " + detail::quote_identifier(table.name) + " WHERE id = ?";
    detail::InsertSql insert(table.name);
    insert.column("id");
    if (vector) insert.column("vector_index");
    for (const auto& column : columns) {
        insert.column(column.definition->name);
        sql.columns.push_back(column.definition->name);
    }
    sql.insert_sql = insert.str();
    memo = std::move(sql);
    return memo;
}

void write_group(Database::Impl& impl, GroupTableType type, const char* op, const std::string& collection,
                 const TableDefinition& table, int64_t id, const Rows& rows, const std::string& group) {
    const bool vector = type == GroupTableType::Vector;
    const auto columns = named_columns(op, table, vector, collection, group, rows);

    // cells[r * width + c]: the value to bind, pointing into `rows` or, for a resolved label,
    // into `resolved` (reserved for every cell before the first label, so it never moves).
    static const Value null_value = nullptr;
    const size_t width = columns.size();
    std::vector<const Value*> cells(rows.size() * width);
    std::vector<Value> resolved;
    for (size_t r = 0; r < rows.size(); ++r) {
        for (size_t c = 0; c < width; ++c) {
            const auto& column = *columns[c].definition;
            const auto it = rows[r].find(column.name);
            const Value* value = it == rows[r].end() ? &null_value : &it->second;
            if (columns[c].takes_labels && std::holds_alternative<std::string>(*value)) {
                if (resolved.capacity() == 0) resolved.reserve(cells.size());
                value = &resolved.emplace_back(detail::resolve_value(impl, op, table, column.name, *value, r));
            }
            TypeValidator::validate_cell(op, column.name, r, column.type, *value);
            cells[r * width + c] = value;
        }
    }

    const auto& sql = statements(impl, table, vector, columns);
    detail::WriteGuard guard(impl);
    auto clear = impl.cached(sql.clear_sql);
    clear.bind(1, id);
    clear.run();
    if (!rows.empty()) {
        auto insert = impl.cached(sql.insert_sql);
        const int first = vector ? 3 : 2;
        for (size_t r = 0; r < rows.size(); ++r) {
            insert.bind(1, id);
            if (vector) insert.bind(2, static_cast<int64_t>(r + 1));
            for (size_t c = 0; c < width; ++c) insert.bind_borrowed(first + static_cast<int>(c), *cells[r * width + c]);
            insert.run();
            insert.reset();
        }
    }
    guard.commit();
}

void update_group(Database::Impl& impl, GroupTableType type, const char* op, const std::string& collection,
                  const std::string& group, int64_t id, const Rows& rows) {
    impl.require_collection(op, collection);
    const auto& table = impl.require_group(type, collection, group);
    // The element must exist. Clearing writes no row, so it looks the element up first; with rows,
    // an immediate foreign key from id to the collection (required of vector tables) makes SQLite
    // refuse the first row of a missing element, and the lookup then only runs to report the
    // failure as a missing element, before any other problem (the order of §3.1).
    const bool lookup_on_failure = !rows.empty() && impl.parent_key_enforced(table, collection);
    if (!lookup_on_failure) impl.require_element(collection, id);
    try {
        write_group(impl, type, op, collection, table, id, rows, group);
    } catch (...) {
        if (lookup_on_failure) impl.require_element(collection, id);
        throw;
    }
    impl.logger->debug("Updated {} group {} of element {} in {}", type == GroupTableType::Vector ? "vector" : "set",
                       group, id, collection);
}

}  // namespace

void Database::update_vector_group(const std::string& collection, const std::string& group, int64_t id,
                                   const Rows& rows) {
    update_group(*impl_, GroupTableType::Vector, "update_vector_group", collection, group, id, rows);
}

void Database::update_set_group(const std::string& collection, const std::string& group, int64_t id,
                                const Rows& rows) {
    update_group(*impl_, GroupTableType::Set, "update_set_group", collection, group, id, rows);
}

}  // namespace quiver
