// describe() and describe_collection(): the schema as text (D17). Collections, groups and
// columns are alphabetical; a time-series group lists its dimension first, in brackets, then
// its value columns (the order of the C time-series columns); foreign keys are shown as
// " -> <table>.<column>". Nothing is printed: callers print the text.
#include "describe.h"

#include "database_impl.h"
#include "errors.h"

namespace quiver {
namespace detail {
namespace {

// " -> <table>.<column>" when the column has a foreign key, else "".
std::string reference(const TableDefinition& table, const std::string& column) {
    for (const auto& fk : table.foreign_keys) {
        if (fk.from_column == column) return " -> " + fk.to_table + "." + fk.to_column;
    }
    return {};
}

// "<col>(<TYPE>)[ -> T.c], ..." of a group table without the managed columns (and the
// parent id's foreign key).
std::string column_list(const TableDefinition& table, const std::string& skip) {
    std::string out;
    for (const auto& [name, column] : table.columns) {
        if (name == "id" || name == skip) continue;
        if (!out.empty()) out += ", ";
        out += name + "(" + data_type_to_string(column.type) + ")" + reference(table, name);
    }
    return out;
}

}  // namespace

int64_t count_rows(Database::Impl& impl, const std::string& table) {
    auto stmt = impl.cached("SELECT count(*) FROM " + quote_identifier(table));
    stmt.step();
    return stmt.column_int(0);
}

std::string collection_header(Database::Impl& impl, const std::string& collection) {
    const int64_t n = count_rows(impl, collection);
    return "Collection: " + collection + " (" + std::to_string(n) + (n == 1 ? " element)\n" : " elements)\n");
}

std::vector<CollectionGroup> collection_groups(const Schema& schema, const std::string& collection) {
    std::vector<CollectionGroup> groups;
    const struct {
        GroupTableType type;
        std::string prefix;
        bool (Schema::*is)(const std::string&) const;
    } kinds[] = {{GroupTableType::Vector, collection + "_vector_", &Schema::is_vector_table},
                 {GroupTableType::Set, collection + "_set_", &Schema::is_set_table},
                 {GroupTableType::TimeSeries, collection + "_time_series_", &Schema::is_time_series_table}};
    for (const auto& kind : kinds) {
        for (const auto& name : schema.table_names()) {
            if (name.rfind(kind.prefix, 0) != 0 || !(schema.*kind.is)(name)) continue;
            groups.push_back({kind.type, name.substr(kind.prefix.size()), schema.get_table(name)});
        }
    }
    return groups;
}

const char* section_title(GroupTableType type) {
    switch (type) {
    case GroupTableType::Vector: return "  Vectors:\n";
    case GroupTableType::Set: return "  Sets:\n";
    case GroupTableType::TimeSeries: return "  Time Series:\n";
    }
    return "";
}

std::string describe_block(Database::Impl& impl, const Schema& schema, const std::string& collection) {
    const auto& table = *schema.get_table(collection);
    std::string out = collection_header(impl, collection);
    out += "  Scalars:\n";
    for (const auto& [name, column] : table.columns) {
        out += "    - " + name + " (" + data_type_to_string(column.type) + ")";
        if (column.primary_key) {
            out += " PRIMARY KEY";
        } else if (column.not_null) {
            out += " NOT NULL";
        }
        out += reference(table, name) + "\n";
    }
    std::optional<GroupTableType> section;
    for (const auto& group : collection_groups(schema, collection)) {
        if (section != group.type) out += section_title(group.type);
        section = group.type;
        out += "    - " + group.name + ": ";
        if (group.type == GroupTableType::TimeSeries) {
            const auto& dimension = dimension_column(*group.table);
            const std::string rest = column_list(*group.table, dimension);
            out += "[" + dimension + "]" + reference(*group.table, dimension) + (rest.empty() ? "" : ", " + rest);
        } else {
            out += column_list(*group.table, group.type == GroupTableType::Vector ? "vector_index" : "");
        }
        out += "\n";
    }
    if (const auto* files = schema.get_table(Schema::time_series_files_table_name(collection))) {
        std::string names;
        for (const auto& [name, column] : files->columns) names += (names.empty() ? "" : ", ") + name;
        out += "  Time Series Files: " + names + "\n";
    }
    return out;
}

}  // namespace detail

std::string Database::describe() const {
    std::string out = "Database: " + impl_->path + "\n";
    out += "Version: " + std::to_string(current_version()) + "\n";
    const Schema* schema = impl_->try_schema();
    if (!schema) return out + "\nNo schema loaded.\n";
    for (const auto& collection : schema->collection_names()) {
        out += "\n" + detail::describe_block(*impl_, *schema, collection);
    }
    return out;
}

std::string Database::describe_collection(const std::string& collection) const {
    impl_->require_collection("describe_collection", collection);
    return detail::describe_block(*impl_, *impl_->schema, collection);
}

}  // namespace quiver
