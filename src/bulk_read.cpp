// Columnar bulk reads (include/quiver/columns.h): one query per collection or group, every
// element at once, filled straight into contiguous column arrays. The data-frame readers of the
// bindings are built on these.
#include "quiver/columns.h"

#include "database_impl.h"
#include "errors.h"

#include <algorithm>
#include <numeric>

namespace quiver {
namespace {

using detail::quote_identifier;
using detail::Statement;

const char* storage_class_name(int storage_class) {
    switch (storage_class) {
    case SQLITE_INTEGER: return "INTEGER";
    case SQLITE_FLOAT: return "REAL";
    case SQLITE_TEXT: return "TEXT";
    default: return "BLOB";
    }
}

const char* column_type_name(DataType type) {
    switch (type) {
    case DataType::Integer: return "INTEGER";
    case DataType::Real: return "FLOAT";
    case DataType::Text: return "STRING";
    case DataType::DateTime: return "DATE_TIME";
    }
    return "";
}

Column make_column(std::string name, DataType type) {
    Column column;
    column.name = std::move(name);
    column.type = type;
    return column;
}

// Appends cell i of the current row to `column` (conversions in columns.h).
void append_cell(const char* op, Column& column, const Statement& stmt, int i) {
    const int storage = stmt.column_type(i);
    const bool present = storage != SQLITE_NULL;
    const bool is_text = column.type == DataType::Text || column.type == DataType::DateTime;
    if (present && ((is_text && storage != SQLITE_TEXT) ||
                    (!is_text && storage != SQLITE_INTEGER && storage != SQLITE_FLOAT))) {
        detail::fail_cannot(op, "column '" + column.name + "' row " + std::to_string(column.size()) + " holds a " +
                                    storage_class_name(storage) + " value, expected " + column_type_name(column.type));
    }
    column.has_value.push_back(present ? 1 : 0);
    switch (column.type) {
    case DataType::Integer:
        column.integers.push_back(!present                    ? 0
                                  : storage == SQLITE_INTEGER ? stmt.column_int(i)
                                                              : static_cast<int64_t>(stmt.column_double(i)));
        break;
    case DataType::Real: column.reals.push_back(present ? stmt.column_double(i) : 0.0); break;
    default: {
        column.offsets.push_back(column.text.size());
        if (present) {
            const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt.raw(), i));
            column.text.append(text, static_cast<size_t>(sqlite3_column_bytes(stmt.raw(), i)));
        }
        column.text.push_back('\0');
    }
    }
}

// Runs `sql` and fills one column per result column.
Columns read_columns(Database::Impl& impl, const char* op, const std::string& sql, std::vector<Column> columns) {
    auto stmt = impl.cached(sql);
    Columns out;
    out.columns = std::move(columns);
    while (stmt.step()) {
        for (size_t c = 0; c < out.columns.size(); ++c) append_cell(op, out.columns[c], stmt, static_cast<int>(c));
        ++out.row_count;
    }
    return out;
}

std::string select_sql(const std::vector<Column>& columns, const std::string& table) {
    std::string sql = "SELECT ";
    for (size_t i = 0; i < columns.size(); ++i) sql += (i ? ", " : "") + quote_identifier(columns[i].name);
    return sql + " FROM " + quote_identifier(table);
}

// A group table of collection: "<C>_vector_<g>" / "<C>_set_<g>"; "<Entity> not found: '<g>' in collection '<C>'".
const TableDefinition& group_table(Database::Impl& impl, const char* op, const char* infix, const char* entity,
                                   const std::string& collection, const std::string& group) {
    impl.require_collection(op, collection);
    const auto* table = impl.schema->get_table(collection + infix + group);
    if (!table) detail::fail_not_found(entity, "'" + group + "' in collection '" + collection + "'");
    return *table;
}

// Reorders every column by `order` (a permutation of the rows).
void permute(Columns& columns, const std::vector<size_t>& order) {
    for (auto& column : columns.columns) {
        Column sorted = make_column(column.name, column.type);
        sorted.has_value.reserve(order.size());
        for (size_t r : order) sorted.has_value.push_back(column.has_value[r]);
        if (column.type == DataType::Integer) {
            for (size_t r : order) sorted.integers.push_back(column.integers[r]);
        } else if (column.type == DataType::Real) {
            for (size_t r : order) sorted.reals.push_back(column.reals[r]);
        } else {
            sorted.text.reserve(column.text.size());
            for (size_t r : order) {
                sorted.offsets.push_back(sorted.text.size());
                sorted.text.append(column.text_at(r)).push_back('\0');
            }
        }
        column = std::move(sorted);
    }
}

}  // namespace

Columns Database::read_scalar_columns(const std::string& collection, const std::vector<std::string>& attributes) {
    constexpr const char* op = "read_scalar_columns";
    const auto& table = impl_->require_collection(op, collection);
    std::vector<Column> columns;
    columns.push_back(make_column("id", DataType::Integer));
    if (attributes.empty()) {
        for (const auto& [name, column] : table.columns) {
            if (name != "id") columns.push_back(make_column(name, column.type));
        }
    } else {
        for (const auto& name : attributes) {
            columns.push_back(make_column(name, Impl::require_column(op, table, name).type));
        }
    }
    const auto sql = select_sql(columns, collection) + " ORDER BY rowid";
    return read_columns(*impl_, op, sql, std::move(columns));
}

Columns Database::read_vector_columns(const std::string& collection, const std::string& group) {
    constexpr const char* op = "read_vector_columns";
    const auto& table = group_table(*impl_, op, "_vector_", "Vector group", collection, group);
    std::vector<Column> columns;
    columns.push_back(make_column("id", DataType::Integer));
    columns.push_back(make_column("vector_index", DataType::Integer));
    for (const auto& [name, column] : table.columns) {
        if (name != "id" && name != "vector_index") columns.push_back(make_column(name, column.type));
    }
    const auto sql = select_sql(columns, table.name) + " ORDER BY id, vector_index";
    return read_columns(*impl_, op, sql, std::move(columns));
}

Columns Database::read_set_columns(const std::string& collection, const std::string& group) {
    constexpr const char* op = "read_set_columns";
    const auto& table = group_table(*impl_, op, "_set_", "Set group", collection, group);
    std::vector<Column> columns;
    columns.push_back(make_column("id", DataType::Integer));
    for (const auto& [name, column] : table.columns) {
        if (name != "id") columns.push_back(make_column(name, column.type));
    }
    const auto sql = select_sql(columns, table.name) + " ORDER BY id, rowid";
    return read_columns(*impl_, op, sql, std::move(columns));
}

Columns Database::read_time_series_columns(const std::string& collection, const std::string& group) {
    constexpr const char* op = "read_time_series_columns";
    impl_->require_collection(op, collection);
    const auto& schema = *impl_->schema;
    const auto& table = *schema.get_table(schema.find_time_series_table(collection, group));
    const auto& dimension = detail::dimension_column(table);
    std::vector<Column> columns;
    columns.push_back(make_column("id", DataType::Integer));
    columns.push_back(make_column(dimension, DataType::DateTime));
    for (const auto& [name, column] : table.columns) {
        if (name != "id" && name != dimension) columns.push_back(make_column(name, column.type));
    }
    // Rows are read in storage order, which is (id, dimension) order whenever the series were
    // written in date order; only otherwise are they sorted here. A sorted scan through the
    // primary-key index would cost one table lookup per row.
    const auto sql = select_sql(columns, table.name) + " ORDER BY rowid";
    auto out = read_columns(*impl_, op, sql, std::move(columns));
    const auto& ids = out.columns[0].integers;
    const auto& dates = out.columns[1];
    auto before = [&](size_t a, size_t b) {
        return ids[a] != ids[b] ? ids[a] < ids[b] : dates.text_at(a) < dates.text_at(b);
    };
    bool sorted = true;
    for (size_t r = 1; r < out.row_count && sorted; ++r) sorted = !before(r, r - 1);
    if (!sorted) {
        std::vector<size_t> order(out.row_count);
        std::iota(order.begin(), order.end(), size_t{0});
        std::stable_sort(order.begin(), order.end(), before);
        permute(out, order);
    }
    return out;
}

}  // namespace quiver
