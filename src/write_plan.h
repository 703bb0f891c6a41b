// The one write path for elements: every check of create_element/update_element (columns,
// foreign-key labels, types, array routing, lengths) runs here, before anything is written,
// and produces a plan that the writers execute under the atomic guard.
#ifndef QUIVER_SRC_WRITE_PLAN_H
#define QUIVER_SRC_WRITE_PLAN_H

#include "quiver/element.h"
#include "quiver/schema.h"

#include "database_impl.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace quiver::detail {

struct GroupWrite {
    const TableDefinition* table;
    GroupTableType type;
    std::vector<std::string> columns;               // array names, in element (name) order
    std::vector<const std::vector<Value>*> arrays;  // parallel to columns; the element's own
                                                    // arrays or their label-resolved copies
    size_t row_count = 0;
};

struct WritePlan {
    std::vector<std::pair<std::string, Value>> scalars;  // resolved, in name order
    std::vector<std::vector<Value>> resolved_arrays;     // label-resolved copies of arrays
    std::vector<GroupWrite> groups;                      // vector, then set, then time series
};

enum class WriteKind { Create, Update };

// Validates element against collection and resolves labels; throws the specified messages.
WritePlan plan_element_write(Database::Impl& impl, const Schema& schema, WriteKind kind,
                             const TableDefinition& collection, const Element& element);

// Label resolution of one value bound for `column` of `table`: a string for a foreign-key
// column is a label (first checked as TEXT with context "column '<c>'", or "column '<c>' row <r>"
// when `row` is given) and becomes the target's id; a string for any other INTEGER column throws
// "Cannot resolve attribute: '<c>' is INTEGER but received string '<v>' (not a foreign key)";
// every other value is returned unchanged. Shared by element writes and the group writers.
Value resolve_value(Database::Impl& impl, std::string_view op, const TableDefinition& table,
                    const std::string& column, const Value& value, std::optional<size_t> row = std::nullopt);

// Resolves a label to the id of the element of `target` (trimmed lookup); throws
// "Failed to resolve label '<v>' to ID in table '<target>'".
int64_t resolve_label(Database::Impl& impl, const std::string& target, const std::string& label);

// Inserts the rows of one group for element id (vectors get vector_index 1..n).
void insert_group_rows(Database::Impl& impl, int64_t id, const GroupWrite& group);

}  // namespace quiver::detail

#endif  // QUIVER_SRC_WRITE_PLAN_H
