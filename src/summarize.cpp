// summarize_collection(): counts per column and group of one collection, as text ([U], D17
// order). The value distribution is shown for non-key INTEGER columns with 1-64 distinct
// values (enum-like columns, foreign keys as ids), ascending by value.
#include "describe.h"
#include "errors.h"

#include <charconv>

namespace quiver {
namespace {

constexpr int kMaxDistinctValues = 64;

std::string value_text(const Value& value) {
    switch (value.index()) {
    case 1: return std::to_string(std::get<int64_t>(value));
    case 2: {
        char buffer[32];
        const auto end = std::to_chars(buffer, buffer + sizeof buffer, std::get<double>(value)).ptr;
        return std::string(buffer, end);
    }
    case 3: return std::get<std::string>(value);
    default: return "NULL";
    }
}

// "; values {<v>: <count>, ...}" or "" when the column has no or more than 64 distinct values.
std::string distribution(Database::Impl& impl, const std::string& collection, const std::string& column) {
    const auto col = detail::quote_identifier(column);
    auto stmt = impl.cached("SELECT " + col + ", count(*) FROM " + detail::quote_identifier(collection) + " WHERE " +
                            col + " IS NOT NULL GROUP BY " + col + " ORDER BY " + col + " LIMIT " +
                            std::to_string(kMaxDistinctValues + 1));
    std::string values;
    int distinct = 0;
    while (stmt.step()) {
        if (++distinct > kMaxDistinctValues) return {};
        values += (values.empty() ? "" : ", ") + value_text(stmt.column_value(0)) + ": " +
                  std::to_string(stmt.column_int(1));
    }
    return distinct == 0 ? std::string() : "; values {" + values + "}";
}

}  // namespace

std::string Database::summarize_collection(const std::string& collection) const {
    const auto& table = impl_->require_collection("summarize_collection", collection);
    const auto& schema = *impl_->schema;
    const int64_t elements = detail::count_rows(*impl_, collection);
    std::string out = detail::collection_header(*impl_, collection);
    out += "  Scalars:\n";
    for (const auto& [name, column] : table.columns) {
        auto count = impl_->cached("SELECT count(" + detail::quote_identifier(name) + ") FROM " +
                                   detail::quote_identifier(collection));
        count.step();
        const int64_t non_null = count.column_int(0);
        out += "    - " + name + ": " + std::to_string(non_null) + " non-null, " +
               std::to_string(elements - non_null) + " null";
        if (column.type == DataType::Integer && !column.primary_key) out += distribution(*impl_, collection, name);
        out += "\n";
    }
    std::optional<GroupTableType> section;
    for (const auto& group : detail::collection_groups(schema, collection)) {
        if (section != group.type) out += detail::section_title(group.type);
        section = group.type;
        auto stmt = impl_->cached("SELECT count(DISTINCT id) FROM " + detail::quote_identifier(group.table->name));
        stmt.step();
        out += "    - " + group.name + ": " + std::to_string(stmt.column_int(0)) + "/" + std::to_string(elements) +
               " non-empty\n";
    }
    return out;
}

}  // namespace quiver
