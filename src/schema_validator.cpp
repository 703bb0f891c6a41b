// Schema validation rules V1–V5, checked in the specified order; the first failure wins.
#include "quiver/schema_validator.h"

#include "errors.h"

#include <algorithm>
#include <cctype>
#include <set>

namespace quiver {
namespace {

[[noreturn]] void invalid(const std::string& message) {
    detail::fail_raw("Schema validation error: " + message);
}

std::string lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

bool is_group_table(const Schema& schema, const std::string& name) {
    return schema.is_vector_table(name) || schema.is_set_table(name) ||
           schema.is_time_series_table(name) || schema.is_time_series_files_table(name);
}

bool parent_is_collection(const Schema& schema, const std::string& parent) {
    return schema.has_table(parent) && schema.is_collection(parent);
}

std::set<std::string> fk_columns(const TableDefinition& table) {
    std::set<std::string> out;
    for (const auto& fk : table.foreign_keys) out.insert(fk.from_column);
    return out;
}

void validate_collection(const TableDefinition& t) {
    const auto* id = t.get_column("id");
    if (!id || !id->primary_key) invalid("Collection '" + t.name + "' must have 'id' as primary key");
    const auto* label = t.get_column("label");
    if (!label) invalid("Collection '" + t.name + "' must have a 'label' column");
    if (label->type != DataType::Text) invalid("Collection '" + t.name + "' label column must be TEXT type");
    if (!label->not_null) {
        invalid("Collection '" + t.name + "' label column must have NOT NULL constraint");
    }
    const bool unique = std::any_of(t.indexes.begin(), t.indexes.end(), [](const Index& index) {
        return index.unique && index.columns.size() == 1 && index.columns[0] == "label";
    });
    if (!unique) invalid("Collection '" + t.name + "' label column must have UNIQUE constraint");
}

void validate_vector(const Schema& schema, const TableDefinition& t) {
    const auto parent = schema.get_parent_collection(t.name);
    if (!parent_is_collection(schema, parent)) {
        invalid("Vector table '" + t.name + "' references non-existent collection '" + parent + "'");
    }
    const auto* id = t.get_column("id");
    if (!id) invalid("Vector table '" + t.name + "' must have 'id' column");
    const auto pk_count = std::count_if(t.columns.begin(), t.columns.end(),
                                        [](const auto& entry) { return entry.second.primary_key; });
    if (id->primary_key && pk_count == 1) {
        invalid("Vector table '" + t.name + "' must have composite primary key (id, vector_index), not just 'id'");
    }
    if (!t.has_column("vector_index")) invalid("Vector table '" + t.name + "' must have 'vector_index' column");
    const auto fk = std::find_if(t.foreign_keys.begin(), t.foreign_keys.end(), [&](const ForeignKey& k) {
        return k.from_column == "id" && k.to_table == parent;
    });
    if (fk != t.foreign_keys.end() && (fk->on_delete != "CASCADE" || fk->on_update != "CASCADE")) {
        invalid("Vector table '" + t.name + "' FK to parent must use ON DELETE CASCADE ON UPDATE CASCADE");
    }
    if (fk == t.foreign_keys.end()) {
        invalid("Vector table '" + t.name + "' must have foreign key to parent collection '" + parent + "'");
    }
}

void validate_set(const TableDefinition& t) {
    const bool any_unique = std::any_of(t.indexes.begin(), t.indexes.end(),
                                        [](const Index& index) { return index.unique; });
    if (!any_unique) invalid("Set table '" + t.name + "' must have a UNIQUE constraint");
    const auto fks = fk_columns(t);
    for (const auto& [name, column] : t.columns) {
        if (name == "id" || fks.count(name)) continue;
        const bool covered = std::any_of(t.indexes.begin(), t.indexes.end(), [&](const Index& index) {
            return index.unique &&
                   std::find(index.columns.begin(), index.columns.end(), name) != index.columns.end();
        });
        if (!covered) invalid("Set table '" + t.name + "' column '" + name + "' must be part of a UNIQUE constraint");
    }
}

void validate_files(const Schema& schema, const TableDefinition& t) {
    const auto parent = schema.get_time_series_files_parent_collection(t.name);
    if (!parent_is_collection(schema, parent)) {
        invalid("Time series files table '" + t.name + "' references non-existent collection '" + parent + "'");
    }
    for (const auto& [name, column] : t.columns) {
        if (column.type != DataType::Text) {
            invalid("Time series files table '" + t.name + "' column '" + name +
                    "' must be TEXT type (for file paths)");
        }
    }
}

void validate_duplicates(const Schema& schema) {
    for (const auto& collection : schema.collection_names()) {
        if (collection == "Configuration") continue;
        std::set<std::string> seen;
        for (const auto& [name, column] : schema.get_table(collection)->columns) {
            if (name != "id" && name != "label") seen.insert(name);
        }
        for (const auto& table_name : schema.table_names()) {
            const bool vector = schema.is_vector_table(table_name);
            const bool time_series = schema.is_time_series_table(table_name);
            if (!vector && !schema.is_set_table(table_name) && !time_series) continue;
            if (schema.get_parent_collection(table_name) != collection) continue;
            const auto* table = schema.get_table(table_name);
            const auto fks = fk_columns(*table);
            for (const auto& [name, column] : table->columns) {
                if (name == "id" || fks.count(name)) continue;
                if (vector && name == "vector_index") continue;
                if (time_series && name.rfind("date_", 0) == 0) continue;
                if (!seen.insert(name).second) {
                    invalid("Duplicate attribute '" + name + "' found in table '" + table_name +
                            "' (already defined in collection '" + collection + "')");
                }
            }
        }
    }
}

bool follows_fk_naming(const std::string& column, const std::string& target) {
    const auto c = lower(column);
    const auto t = lower(target);
    return c == t + "_id" || c.rfind(t + "_", 0) == 0 || c.find("_id") != std::string::npos;
}

void validate_foreign_keys(const Schema& schema) {
    for (const auto& table_name : schema.table_names()) {
        const auto* table = schema.get_table(table_name);
        const bool vector = schema.is_vector_table(table_name);
        const bool set = schema.is_set_table(table_name);
        const bool time_series = schema.is_time_series_table(table_name);
        for (const auto& fk : table->foreign_keys) {
            const auto* column = table->get_column(fk.from_column);
            if (!column) continue;
            if (fk.on_delete == "SET NULL" && column->not_null) {
                invalid("Foreign key column '" + fk.from_column + "' in table '" + table_name +
                        "' has ON DELETE SET NULL but NOT NULL constraint");
            }
            const bool vector_parent = vector && fk.from_column == "id";
            if (vector_parent) {
                if (fk.on_delete != "CASCADE" || fk.on_update != "CASCADE") {
                    invalid("Vector table '" + table_name +
                            "' parent FK must use ON DELETE CASCADE ON UPDATE CASCADE");
                }
                continue;
            }
            if (!time_series) {
                if (fk.on_update != "CASCADE") {
                    invalid("Foreign key '" + fk.from_column + "' in table '" + table_name +
                            "' must use ON UPDATE CASCADE");
                }
                if (fk.on_delete != "SET NULL" && fk.on_delete != "CASCADE") {
                    invalid("Foreign key '" + fk.from_column + "' in table '" + table_name +
                            "' must use ON DELETE SET NULL or ON DELETE CASCADE");
                }
            }
            if (!set && !time_series && !follows_fk_naming(fk.from_column, fk.to_table)) {
                invalid("Foreign key column '" + fk.from_column + "' in table '" + table_name +
                        "' should follow naming pattern '<collection>_id'");
            }
        }
    }
}

}  // namespace

SchemaValidator::SchemaValidator(const Schema& schema) : schema_(schema) {}

void SchemaValidator::validate() {
    // V1
    if (!schema_.has_table("Configuration")) invalid("Schema must have a 'Configuration' table");
    // V2
    for (const auto& name : schema_.table_names()) {
        if (name != "Configuration" && !is_group_table(schema_, name) &&
            name.find('_') != std::string::npos) {
            invalid("Invalid collection name '" + name + "': collection names cannot contain underscores");
        }
    }
    // V3
    for (const auto& name : schema_.table_names()) {
        const auto& table = *schema_.get_table(name);
        if (schema_.is_vector_table(name)) {
            validate_vector(schema_, table);
        } else if (schema_.is_set_table(name)) {
            validate_set(table);
        } else if (schema_.is_time_series_files_table(name)) {
            validate_files(schema_, table);
        } else if (schema_.is_time_series_table(name)) {
            // No structural checks: a missing dimension fails when used.
        } else if (schema_.is_collection(name)) {
            validate_collection(table);
        }
    }
    // V4
    validate_duplicates(schema_);
    // V5
    validate_foreign_keys(schema_);
}

}  // namespace quiver
