// Metadata of scalar attributes and groups, straight from the cached schema.
#include "database_impl.h"
#include "errors.h"

namespace quiver {
namespace detail {

const std::string& dimension_column(const TableDefinition& table) {
    for (const auto& [name, column] : table.columns) {
        if (name == "id") continue;
        if (column.type == DataType::DateTime || is_date_time_column(name)) return name;
    }
    fail_not_found("Dimension column", "time series table '" + table.name + "'");
}

}  // namespace detail

namespace {

// Scalars and group value columns alike carry their foreign key (api-additions §0.1 R3), so
// callers can tell which group columns take labels.
ScalarMetadata scalar_metadata(const TableDefinition& table, const ColumnDefinition& column) {
    ScalarMetadata md{column.name, column.type, column.not_null, column.primary_key, column.default_value,
                      false, std::nullopt, std::nullopt};
    if (const auto* fk = table.get_foreign_key(column.name)) {
        md.is_foreign_key = true;
        md.references_collection = fk->to_table;
        md.references_column = fk->to_column;
    }
    return md;
}

enum class GroupKind { Vector, Set, TimeSeries };

const char* infix(GroupKind kind) {
    switch (kind) {
    case GroupKind::Vector: return "_vector_";
    case GroupKind::Set: return "_set_";
    case GroupKind::TimeSeries: return "_time_series_";
    }
    return "";
}

GroupMetadata group_metadata(const TableDefinition& table, const std::string& group, GroupKind kind) {
    GroupMetadata md{group, "", {}};
    if (kind == GroupKind::TimeSeries) md.dimension_column = detail::dimension_column(table);
    for (const auto& [name, column] : table.columns) {
        if (name == "id" || name == md.dimension_column) continue;
        if (kind == GroupKind::Vector && name == "vector_index") continue;
        md.value_columns.push_back(scalar_metadata(table, column));
    }
    return md;
}

GroupMetadata get_group(Database::Impl& impl, const char* op, const char* entity, GroupKind kind,
                        const std::string& collection, const std::string& group) {
    impl.require_collection(op, collection);
    if (kind == GroupKind::Vector) return group_metadata(impl.require_group(GroupTableType::Vector, collection, group), group, kind);
    if (kind == GroupKind::Set) return group_metadata(impl.require_group(GroupTableType::Set, collection, group), group, kind);
    const auto name = collection + infix(kind) + group;
    const auto* table = impl.schema->get_table(name);
    // C_time_series_files shares the time-series prefix but is not a time-series group.
    if (!table || !impl.schema->is_time_series_table(name)) detail::fail_not_found(entity, "'" + group + "' in collection '" + collection + "'");
    return group_metadata(*table, group, kind);
}

std::vector<GroupMetadata> list_groups(Database::Impl& impl, const char* op, GroupKind kind,
                                       const std::string& collection) {
    const auto& schema = impl.require_schema(op);
    const std::string prefix = collection + infix(kind);
    std::vector<GroupMetadata> out;
    for (const auto& name : schema.table_names()) {
        if (name.rfind(prefix, 0) != 0 || name.size() == prefix.size()) continue;
        const bool matches = kind == GroupKind::Vector ? schema.is_vector_table(name)
                           : kind == GroupKind::Set    ? schema.is_set_table(name)
                                                       : schema.is_time_series_table(name);
        if (!matches) continue;
        out.push_back(group_metadata(*schema.get_table(name), name.substr(prefix.size()), kind));
    }
    return out;
}

}  // namespace

ScalarMetadata Database::get_scalar_metadata(const std::string& collection, const std::string& attribute) const {
    const auto& table = impl_->require_collection("get_scalar_metadata", collection);
    const auto* column = table.get_column(attribute);
    if (!column) {
        detail::fail_not_found("Scalar attribute", "'" + attribute + "' in collection '" + collection + "'");
    }
    return scalar_metadata(table, *column);
}

GroupMetadata Database::get_vector_metadata(const std::string& collection, const std::string& group_name) const {
    return get_group(*impl_, "get_vector_metadata", "Vector group", GroupKind::Vector, collection, group_name);
}

GroupMetadata Database::get_set_metadata(const std::string& collection, const std::string& group_name) const {
    return get_group(*impl_, "get_set_metadata", "Set group", GroupKind::Set, collection, group_name);
}

GroupMetadata Database::get_time_series_metadata(const std::string& collection,
                                                 const std::string& group_name) const {
    return get_group(*impl_, "get_time_series_metadata", "Time series group", GroupKind::TimeSeries, collection,
                     group_name);
}

std::vector<ScalarMetadata> Database::list_scalar_attributes(const std::string& collection) const {
    const auto& table = impl_->require_collection("list_scalar_attributes", collection);
    std::vector<ScalarMetadata> out;
    for (const auto& [name, column] : table.columns) out.push_back(scalar_metadata(table, column));
    return out;
}

std::vector<GroupMetadata> Database::list_vector_groups(const std::string& collection) const {
    return list_groups(*impl_, "list_vector_groups", GroupKind::Vector, collection);
}

std::vector<GroupMetadata> Database::list_set_groups(const std::string& collection) const {
    return list_groups(*impl_, "list_set_groups", GroupKind::Set, collection);
}

std::vector<GroupMetadata> Database::list_time_series_groups(const std::string& collection) const {
    return list_groups(*impl_, "list_time_series_groups", GroupKind::TimeSeries, collection);
}

}  // namespace quiver
