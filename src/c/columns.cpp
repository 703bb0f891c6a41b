// Columnar bulk reads: the quiver_columns_t result handle and the five readers that make one
// (four collection/group readers and query_columns).
// The handle owns a quiver::Columns; accessors lend pointers into it (valid until
// quiver_columns_free), so nothing is copied on the way to the caller.
#include "columnar.h"
#include "internal.h"

#include "quiver/columns.h"

#include <map>

struct quiver_columns {
    quiver::Columns table;
    std::map<size_t, std::vector<int64_t>> microseconds;  // DATE_TIME conversions, made on demand
};

using quiver_c::guard;
using quiver_c::require;

namespace {

// The column at `index`, or "Cannot <op>: column <i> out of range (<n> columns)".
const quiver::Column& column_at(const char* op, const quiver_columns_t* columns, size_t index) {
    const auto& all = columns->table.columns;
    if (index >= all.size()) {
        quiver_c::fail(op, "column " + std::to_string(index) + " out of range (" + std::to_string(all.size()) +
                               " columns)");
    }
    return all[index];
}

// "Cannot <op>: column '<c>' is <TYPE>, not <wanted>".
void require_type(const char* op, const quiver::Column& column, bool ok, const char* wanted) {
    if (!ok) {
        quiver_c::fail(op, "column '" + column.name + "' is " +
                               quiver_c::columnar::type_name(quiver_c::to_c_data_type(column.type)) + ", not " + wanted);
    }
}

// Builds the handle completely before writing the out-parameter.
template <typename Read>
void read_into(quiver_database_t* db, quiver_columns_t** out_columns, Read&& read) {
    auto handle = std::make_unique<quiver_columns>();
    handle->table = read(db->db);
    *out_columns = handle.release();
}

}  // namespace

extern "C" {

QUIVER_C_API quiver_error_t quiver_database_read_scalar_columns(quiver_database_t* db, const char* collection,
                                                                const char* const* attributes,
                                                                size_t attribute_count,
                                                                quiver_columns_t** out_columns) {
    return guard([&] {
        require({{db, "db"}, {collection, "collection"}, {out_columns, "out_columns"}});
        if (attribute_count > 0) require({{attributes, "attributes"}});
        std::vector<std::string> names;
        for (size_t i = 0; i < attribute_count; ++i) {
            if (attributes[i] == nullptr) {
                quiver_c::fail("read_scalar_columns", "attributes[" + std::to_string(i) + "] is null");
            }
            names.emplace_back(attributes[i]);
        }
        read_into(db, out_columns, [&](quiver::Database& d) { return d.read_scalar_columns(collection, names); });
    });
}

QUIVER_C_API quiver_error_t quiver_database_read_vector_columns(quiver_database_t* db, const char* collection,
                                                                const char* group, quiver_columns_t** out_columns) {
    return guard([&] {
        require({{db, "db"}, {collection, "collection"}, {group, "group"}, {out_columns, "out_columns"}});
        read_into(db, out_columns, [&](quiver::Database& d) { return d.read_vector_columns(collection, group); });
    });
}

QUIVER_C_API quiver_error_t quiver_database_read_set_columns(quiver_database_t* db, const char* collection,
                                                             const char* group, quiver_columns_t** out_columns) {
    return guard([&] {
        require({{db, "db"}, {collection, "collection"}, {group, "group"}, {out_columns, "out_columns"}});
        read_into(db, out_columns, [&](quiver::Database& d) { return d.read_set_columns(collection, group); });
    });
}

QUIVER_C_API quiver_error_t quiver_database_read_time_series_columns(quiver_database_t* db, const char* collection,
                                                                     const char* group,
                                                                     quiver_columns_t** out_columns) {
    return guard([&] {
        require({{db, "db"}, {collection, "collection"}, {group, "group"}, {out_columns, "out_columns"}});
        read_into(db, out_columns,
                  [&](quiver::Database& d) { return d.read_time_series_columns(collection, group); });
    });
}

QUIVER_C_API quiver_error_t quiver_database_query_columns(quiver_database_t* db, const char* sql,
                                                         const int* param_types, const void* const* param_values,
                                                         size_t param_count, quiver_columns_t** out_columns) {
    return guard([&] {
        require({{db, "db"}, {sql, "sql"}, {out_columns, "out_columns"}});
        const auto params = quiver_c::to_params("query_columns", param_types, param_values, param_count);
        read_into(db, out_columns, [&](quiver::Database& d) { return d.query_columns(sql, params); });
    });
}

QUIVER_C_API quiver_error_t quiver_columns_row_count(const quiver_columns_t* columns, size_t* out_count) {
    return guard([&] {
        require({{columns, "columns"}, {out_count, "out_count"}});
        *out_count = columns->table.row_count;
    });
}

QUIVER_C_API quiver_error_t quiver_columns_column_count(const quiver_columns_t* columns, size_t* out_count) {
    return guard([&] {
        require({{columns, "columns"}, {out_count, "out_count"}});
        *out_count = columns->table.columns.size();
    });
}

QUIVER_C_API quiver_error_t quiver_columns_column_name(const quiver_columns_t* columns, size_t column,
                                                       const char** out_name) {
    return guard([&] {
        require({{columns, "columns"}, {out_name, "out_name"}});
        *out_name = column_at("columns_column_name", columns, column).name.c_str();
    });
}

QUIVER_C_API quiver_error_t quiver_columns_column_type(const quiver_columns_t* columns, size_t column,
                                                       int* out_type) {
    return guard([&] {
        require({{columns, "columns"}, {out_type, "out_type"}});
        *out_type = quiver_c::to_c_data_type(column_at("columns_column_type", columns, column).type);
    });
}

QUIVER_C_API quiver_error_t quiver_columns_get_integers(const quiver_columns_t* columns, size_t column,
                                                        const int64_t** out_values, const uint8_t** out_has_value) {
    return guard([&] {
        require({{columns, "columns"}, {out_values, "out_values"}, {out_has_value, "out_has_value"}});
        constexpr const char* op = "columns_get_integers";
        const auto& c = column_at(op, columns, column);
        require_type(op, c, c.type == quiver::DataType::Integer, "INTEGER");
        *out_values = c.integers.data();
        *out_has_value = c.has_value.data();
    });
}

QUIVER_C_API quiver_error_t quiver_columns_get_floats(const quiver_columns_t* columns, size_t column,
                                                      const double** out_values, const uint8_t** out_has_value) {
    return guard([&] {
        require({{columns, "columns"}, {out_values, "out_values"}, {out_has_value, "out_has_value"}});
        constexpr const char* op = "columns_get_floats";
        const auto& c = column_at(op, columns, column);
        require_type(op, c, c.type == quiver::DataType::Real, "FLOAT");
        *out_values = c.reals.data();
        *out_has_value = c.has_value.data();
    });
}

QUIVER_C_API quiver_error_t quiver_columns_get_strings(const quiver_columns_t* columns, size_t column,
                                                       const char** out_text, const size_t** out_offsets,
                                                       size_t* out_text_size, const uint8_t** out_has_value) {
    return guard([&] {
        require({{columns, "columns"}, {out_text, "out_text"}, {out_offsets, "out_offsets"},
                 {out_text_size, "out_text_size"}, {out_has_value, "out_has_value"}});
        constexpr const char* op = "columns_get_strings";
        const auto& c = column_at(op, columns, column);
        require_type(op, c, c.type == quiver::DataType::Text || c.type == quiver::DataType::DateTime,
                     "STRING or DATE_TIME");
        *out_text = c.text.data();
        *out_offsets = c.offsets.data();
        *out_text_size = c.text.size();
        *out_has_value = c.has_value.data();
    });
}

QUIVER_C_API quiver_error_t quiver_columns_get_date_times(quiver_columns_t* columns, size_t column,
                                                          const int64_t** out_microseconds,
                                                          const uint8_t** out_has_value) {
    return guard([&] {
        require({{columns, "columns"}, {out_microseconds, "out_microseconds"}, {out_has_value, "out_has_value"}});
        constexpr const char* op = "columns_get_date_times";
        const auto& c = column_at(op, columns, column);
        require_type(op, c, c.type == quiver::DataType::Text || c.type == quiver::DataType::DateTime,
                     "STRING or DATE_TIME");
        auto it = columns->microseconds.find(column);
        if (it == columns->microseconds.end()) it = columns->microseconds.emplace(column, c.unix_microseconds()).first;
        *out_microseconds = it->second.data();
        *out_has_value = c.has_value.data();
    });
}

QUIVER_C_API quiver_error_t quiver_columns_get_cell_types(const quiver_columns_t* columns, size_t column,
                                                         const uint8_t** out_cell_types) {
    return guard([&] {
        require({{columns, "columns"}, {out_cell_types, "out_cell_types"}});
        const auto& types = column_at("columns_get_cell_types", columns, column).cell_types;
        *out_cell_types = types.empty() ? nullptr : types.data();
    });
}

QUIVER_C_API quiver_error_t quiver_columns_free(quiver_columns_t* columns) {
    delete columns;
    return QUIVER_OK;
}

}  // extern "C"
