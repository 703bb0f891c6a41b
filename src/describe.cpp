// describe(): a human-readable summary of the schema on stdout (collections alphabetical).
#include "database_impl.h"

#include <iostream>
#include <sstream>

namespace quiver {
namespace {

std::string column_list(const TableDefinition& table, bool vector) {
    std::string out;
    for (const auto& [name, column] : table.columns) {
        if (name == "id" || (vector && name == "vector_index")) continue;
        if (!out.empty()) out += ", ";
        out += name + "(" + data_type_to_string(column.type) + ")";
    }
    return out;
}

}  // namespace

void Database::describe() const {
    std::ostringstream out;
    out << "Database: " << impl_->path << "\n";
    out << "Version: " << current_version() << "\n";
    const Schema* schema = impl_->try_schema();
    if (!schema) {
        out << "\nNo schema loaded.\n";
        std::cout << out.str() << std::flush;
        return;
    }
    const auto tables = schema->table_names();
    for (const auto& collection : schema->collection_names()) {
        const auto& table = *schema->get_table(collection);
        out << "\nCollection: " << collection << "\n";
        out << "  Scalars:\n";
        for (const auto& [name, column] : table.columns) {
            out << "    - " << name << " (" << data_type_to_string(column.type) << ")";
            if (column.primary_key) {
                out << " PRIMARY KEY";
            } else if (column.not_null) {
                out << " NOT NULL";
            }
            out << "\n";
        }
        const std::string vector_prefix = collection + "_vector_";
        for (const auto& name : tables) {
            if (name.rfind(vector_prefix, 0) != 0 || !schema->is_vector_table(name)) continue;
            out << "  Vectors:\n    - " << name.substr(vector_prefix.size()) << ": "
                << column_list(*schema->get_table(name), true) << "\n";
        }
        const std::string set_prefix = collection + "_set_";
        for (const auto& name : tables) {
            if (name.rfind(set_prefix, 0) != 0 || !schema->is_set_table(name)) continue;
            out << "  Sets:\n    - " << name.substr(set_prefix.size()) << ": "
                << column_list(*schema->get_table(name), false) << "\n";
        }
    }
    std::cout << out.str() << std::flush;
}

}  // namespace quiver
