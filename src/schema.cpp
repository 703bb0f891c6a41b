// Schema loading from sqlite_master/PRAGMAs and classification by naming conventions.
#include "quiver/schema.h"

#include "errors.h"
#include "statement.h"

#include <algorithm>
#include <cctype>

namespace quiver {
namespace {

using detail::prepare_statement;

bool ends_with(const std::string& s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool contains(const std::string& s, std::string_view part) {
    return s.find(part) != std::string::npos;
}

bool starts_with(const std::string& s, const std::string& prefix) {
    return s.rfind(prefix, 0) == 0;
}

constexpr std::string_view kFilesSuffix = "_time_series_files";

void check_table_name(const std::string& name, const char* what) {
    const bool ok = !name.empty() && std::all_of(name.begin(), name.end(), [](unsigned char c) {
        return std::isalnum(c) || c == '_';
    });
    if (!ok) detail::fail_cannot(std::string("query ") + what, "invalid table name: " + name);
}

std::string upper(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

void load_columns(sqlite3* db, TableDefinition& table) {
    check_table_name(table.name, "columns");
    auto stmt = prepare_statement(db, "PRAGMA table_info(" + detail::quote_identifier(table.name) + ")");
    while (stmt.step()) {
        ColumnDefinition col;
        col.name = stmt.column_text(1);
        col.type = data_type_from_string(upper(stmt.column_text(2)));
        if (col.type == DataType::Text && is_date_time_column(col.name)) col.type = DataType::DateTime;
        col.not_null = stmt.column_int(3) != 0;
        if (!stmt.is_null(4)) col.default_value = stmt.column_text(4);
        col.primary_key = stmt.column_int(5) != 0;
        table.columns.emplace(col.name, std::move(col));
    }
}

void load_foreign_keys(sqlite3* db, TableDefinition& table) {
    check_table_name(table.name, "foreign keys");
    auto stmt = prepare_statement(db, "PRAGMA foreign_key_list(" + detail::quote_identifier(table.name) + ")");
    while (stmt.step()) {
        table.foreign_keys.push_back(ForeignKey{stmt.column_text(3), stmt.column_text(2),
                                                stmt.column_text(4), stmt.column_text(5),
                                                stmt.column_text(6)});
    }
}

void load_indexes(sqlite3* db, TableDefinition& table) {
    check_table_name(table.name, "indexes");
    auto list = prepare_statement(db, "PRAGMA index_list(" + detail::quote_identifier(table.name) + ")");
    while (list.step()) {
        Index index{list.column_text(1), list.column_int(2) != 0, {}};
        auto info = prepare_statement(db, "PRAGMA index_info(" + detail::quote_identifier(index.name) + ")");
        while (info.step()) index.columns.push_back(info.column_text(2));
        table.indexes.push_back(std::move(index));
    }
}

}  // namespace

std::optional<DataType> TableDefinition::get_data_type(const std::string& column) const {
    const auto* col = get_column(column);
    if (!col) return std::nullopt;
    return col->type;
}

bool TableDefinition::has_column(const std::string& column) const {
    return columns.count(column) != 0;
}

const ColumnDefinition* TableDefinition::get_column(const std::string& column) const {
    auto it = columns.find(column);
    return it == columns.end() ? nullptr : &it->second;
}

const ForeignKey* TableDefinition::get_foreign_key(const std::string& column) const {
    for (const auto& fk : foreign_keys) {
        if (fk.from_column == column) return &fk;
    }
    return nullptr;
}

Schema Schema::from_database(sqlite3* db) {
    Schema schema;
    auto stmt = prepare_statement(
        db, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
    std::vector<std::string> names;
    while (stmt.step()) names.push_back(stmt.column_text(0));
    for (auto& name : names) {
        TableDefinition table;
        table.name = name;
        load_columns(db, table);
        load_foreign_keys(db, table);
        load_indexes(db, table);
        schema.tables_.emplace(name, std::move(table));
    }
    for (const auto& [name, table] : schema.tables_) {
        std::optional<GroupTableType> type;
        if (schema.is_vector_table(name)) {
            type = GroupTableType::Vector;
        } else if (schema.is_set_table(name)) {
            type = GroupTableType::Set;
        } else if (schema.is_time_series_table(name)) {
            type = GroupTableType::TimeSeries;
        }
        if (type) schema.groups_[schema.get_parent_collection(name)].push_back({name, *type});
    }
    return schema;
}

const TableDefinition* Schema::get_table(const std::string& name) const {
    auto it = tables_.find(name);
    return it == tables_.end() ? nullptr : &it->second;
}

bool Schema::has_table(const std::string& name) const {
    return tables_.count(name) != 0;
}

DataType Schema::get_data_type(const std::string& table, const std::string& column) const {
    const auto* def = get_table(table);
    if (!def) detail::fail_raw("Table not found in schema: " + table);
    const auto* col = def->get_column(column);
    if (!col) detail::fail_raw("Column '" + column + "' not found in table '" + table + "'");
    return col->type;
}

std::string Schema::vector_table_name(const std::string& collection, const std::string& group) {
    return collection + "_vector_" + group;
}
std::string Schema::set_table_name(const std::string& collection, const std::string& group) {
    return collection + "_set_" + group;
}
std::string Schema::time_series_table_name(const std::string& collection, const std::string& group) {
    return collection + "_time_series_" + group;
}
std::string Schema::time_series_files_table_name(const std::string& collection) {
    return collection + std::string(kFilesSuffix);
}

bool Schema::is_vector_table(const std::string& table) const {
    return contains(table, "_vector_");
}
bool Schema::is_set_table(const std::string& table) const {
    return !is_vector_table(table) && contains(table, "_set_");
}
bool Schema::is_time_series_files_table(const std::string& table) const {
    return !is_vector_table(table) && !is_set_table(table) && ends_with(table, kFilesSuffix);
}
bool Schema::is_time_series_table(const std::string& table) const {
    return !is_vector_table(table) && !is_set_table(table) && contains(table, "_time_series_") &&
           !ends_with(table, kFilesSuffix);
}
bool Schema::is_collection(const std::string& table) const {
    return table == "Configuration" || table.find('_') == std::string::npos;
}

std::string Schema::get_parent_collection(const std::string& table) const {
    return table.substr(0, table.find('_'));
}

std::string Schema::get_time_series_files_parent_collection(const std::string& table) const {
    if (!ends_with(table, kFilesSuffix)) return {};
    return table.substr(0, table.size() - kFilesSuffix.size());
}

std::string Schema::find_vector_table(const std::string& collection, const std::string& attribute) const {
    const auto exact = vector_table_name(collection, attribute);
    if (has_table(exact)) return exact;
    const auto prefix = collection + "_vector_";
    for (const auto& [name, table] : tables_) {
        if (starts_with(name, prefix) && is_vector_table(name) && table.has_column(attribute)) return name;
    }
    detail::fail_not_found("Vector attribute", "'" + attribute + "' in collection '" + collection + "'");
}

std::string Schema::find_set_table(const std::string& collection, const std::string& attribute) const {
    const auto exact = set_table_name(collection, attribute);
    if (has_table(exact)) return exact;
    const auto prefix = collection + "_set_";
    for (const auto& [name, table] : tables_) {
        if (starts_with(name, prefix) && is_set_table(name) && table.has_column(attribute)) return name;
    }
    detail::fail_not_found("Set attribute", "'" + attribute + "' in collection '" + collection + "'");
}

std::string Schema::find_time_series_table(const std::string& collection, const std::string& group) const {
    const auto name = time_series_table_name(collection, group);
    if (!has_table(name) || !is_time_series_table(name)) {  // "files" names the files table
        detail::fail_raw("Time series group '" + group + "' not found for collection '" + collection + "'");
    }
    return name;
}

std::string Schema::find_time_series_files_table(const std::string& collection) const {
    const auto name = time_series_files_table_name(collection);
    if (!has_table(name)) detail::fail_raw("Time series files table not found for collection '" + collection + "'");
    return name;
}

std::optional<Schema::TableMatch> Schema::find_table_for_column(const std::string& collection,
                                                                 const std::string& column) const {
    auto all = find_all_tables_for_column(collection, column);
    if (all.empty()) return std::nullopt;
    return all.front();
}

std::vector<Schema::TableMatch> Schema::find_all_tables_for_column(const std::string& collection,
                                                                   const std::string& column) const {
    std::vector<TableMatch> matches;
    // The structural columns of group tables are never array attributes.
    if (column == "id" || column == "vector_index") return matches;
    const auto groups = groups_.find(collection);
    if (groups == groups_.end()) return matches;
    // C_vector_<column> comes first, then every other group table having the column.
    const auto exact = vector_table_name(collection, column);
    const auto* exact_table = get_table(exact);
    if (exact_table && exact_table->has_column(column)) matches.push_back({exact, GroupTableType::Vector});
    for (const auto& group : groups->second) {
        if (group.table_name != exact && get_table(group.table_name)->has_column(column)) matches.push_back(group);
    }
    return matches;
}

std::vector<std::string> Schema::table_names() const {
    std::vector<std::string> names;
    for (const auto& [name, table] : tables_) names.push_back(name);
    return names;
}

std::vector<std::string> Schema::collection_names() const {
    std::vector<std::string> names;
    for (const auto& [name, table] : tables_) {
        if (is_collection(name)) names.push_back(name);
    }
    return names;
}

}  // namespace quiver
