#include "write_plan.h"

#include "quiver/type_validator.h"

#include "errors.h"

#include <algorithm>

namespace quiver::detail {
namespace {

const char* op_name(WriteKind kind) {
    return kind == WriteKind::Create ? "create_element" : "update_element";
}

int kind_rank(GroupTableType type) {
    switch (type) {
    case GroupTableType::Vector: return 0;
    case GroupTableType::Set: return 1;
    case GroupTableType::TimeSeries: return 2;
    }
    return 3;
}

const char* kind_words(GroupTableType type) {
    switch (type) {
    case GroupTableType::Vector: return "vector";
    case GroupTableType::Set: return "set";
    case GroupTableType::TimeSeries: return "time series";
    }
    return "";
}

}  // namespace

Value resolve_value(Database::Impl& impl, std::string_view op, const TableDefinition& table,
                    const std::string& column, const Value& value, std::optional<size_t> row) {
    const auto* text = std::get_if<std::string>(&value);
    if (!text) return value;
    if (const auto* fk = table.get_foreign_key(column)) {
        // A label must be valid text before it is looked up (and echoed in a message).
        std::string context = "column '" + column + "'";
        if (row) context += " row " + std::to_string(*row);
        TypeValidator::validate_value(std::string(op), context, DataType::Text, value);
        return resolve_label(impl, fk->to_table, *text);
    }
    if (table.get_data_type(column) == DataType::Integer) {
        fail_cannot("resolve attribute", "'" + column + "' is INTEGER but received string '" + *text +
                                             "' (not a foreign key)");
    }
    return value;
}

int64_t resolve_label(Database::Impl& impl, const std::string& target, const std::string& label) {
    auto stmt = impl.cached("SELECT id FROM " + quote_identifier(target) + " WHERE label = ?");
    stmt.bind(1, Value(label));
    if (!stmt.step()) fail_raw("Failed to resolve label '" + label + "' to ID in table '" + target + "'");
    return stmt.column_int(0);
}

WritePlan plan_element_write(Database::Impl& impl, const Schema& schema, WriteKind kind,
                             const TableDefinition& collection, const Element& element) {
    const char* op = op_name(kind);
    const TypeValidator types(schema);
    WritePlan plan;

    for (const auto& [name, value] : element.scalars()) {
        Database::Impl::require_column(op, collection, name);
        Value resolved = resolve_value(impl, op, collection, name, value);
        types.validate_scalar(op, collection.name, name, resolved);
        plan.scalars.emplace_back(name, std::move(resolved));
    }

    // Route every array first so the GroupWrites can point into stable storage.
    struct Routed {
        const std::string* name;
        std::vector<Schema::TableMatch> tables;
        const std::vector<Value>* values;  // the element's own array, or its resolved copy
    };
    std::vector<Routed> routed;
    plan.resolved_arrays.reserve(element.arrays().size());
    for (const auto& [name, values] : element.arrays()) {
        if (kind == WriteKind::Create && values.empty()) {
            fail_cannot(op, "empty array not allowed for '" + name + "'");
        }
        auto tables = schema.find_all_tables_for_column(collection.name, name);
        if (tables.empty()) {
            if (kind == WriteKind::Create) {
                fail_cannot(op, "array '" + name + "' does not match any vector, set, or time series table in collection '" +
                                    collection.name + "'");
            }
            fail_cannot(op, "attribute '" + name + "' is not a vector, set, or time series attribute in collection '" +
                                collection.name + "'");
        }
        // Labels are resolved with the FK definition of the first table the array goes to.
        // Only arrays holding strings for an FK or INTEGER column need a resolved copy.
        const auto& first = *schema.get_table(tables.front().table_name);
        const std::vector<Value>* source = &values;
        const bool has_strings = std::any_of(values.begin(), values.end(),
                                             [](const Value& v) { return std::holds_alternative<std::string>(v); });
        if (has_strings && (first.get_foreign_key(name) || first.get_data_type(name) == DataType::Integer)) {
            std::vector<Value> resolved;
            resolved.reserve(values.size());
            for (const auto& v : values) resolved.push_back(resolve_value(impl, op, first, name, v));
            plan.resolved_arrays.push_back(std::move(resolved));
            source = &plan.resolved_arrays.back();
        }
        for (const auto& match : tables) types.validate_array(op, match.table_name, name, *source);
        routed.push_back({&name, std::move(tables), source});
    }

    for (size_t i = 0; i < routed.size(); ++i) {
        for (const auto& match : routed[i].tables) {
            auto it = std::find_if(plan.groups.begin(), plan.groups.end(),
                                   [&](const GroupWrite& g) { return g.table->name == match.table_name; });
            if (it == plan.groups.end()) {
                plan.groups.push_back({schema.get_table(match.table_name), match.type, {}, {}, 0});
                it = plan.groups.end() - 1;
            }
            it->columns.push_back(*routed[i].name);
            it->arrays.push_back(routed[i].values);
        }
    }
    std::sort(plan.groups.begin(), plan.groups.end(), [](const GroupWrite& a, const GroupWrite& b) {
        const int ra = kind_rank(a.type), rb = kind_rank(b.type);
        return ra != rb ? ra < rb : a.table->name < b.table->name;
    });
    for (auto& group : plan.groups) {
        group.row_count = group.arrays.front()->size();
        for (const auto* array : group.arrays) {
            if (array->size() != group.row_count) {
                fail_cannot(op, std::string(kind_words(group.type)) + " columns in table '" + group.table->name +
                                    "' must have the same length");
            }
        }
    }
    return plan;
}

void insert_group_rows(Database::Impl& impl, int64_t id, const GroupWrite& group) {
    const bool vector = group.type == GroupTableType::Vector;
    InsertSql sql(group.table->name);
    sql.column("id");
    if (vector) sql.column("vector_index");
    for (const auto& column : group.columns) sql.column(column);

    auto stmt = impl.cached(sql.str());
    const int first_value = vector ? 3 : 2;
    for (size_t row = 0; row < group.row_count; ++row) {
        stmt.bind(1, id);
        if (vector) stmt.bind(2, static_cast<int64_t>(row + 1));
        for (size_t c = 0; c < group.arrays.size(); ++c) {
            stmt.bind_borrowed(first_value + static_cast<int>(c), (*group.arrays[c])[row]);
        }
        stmt.run();
        stmt.reset();
    }
}

}  // namespace quiver::detail
