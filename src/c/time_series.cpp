// Time series: columnar group read/update (semantics 7.4) and the time-series files table.
#include "internal.h"

#include <charconv>
#include <cmath>
#include <map>
#include <set>

using quiver_c::guard;
using quiver_c::require;

namespace {

constexpr const char* kUpdateGroup = "update_time_series_group";

bool is_string_type(int type) {
    return type == QUIVER_DATA_TYPE_STRING || type == QUIVER_DATA_TYPE_DATE_TIME;
}

const char* type_name(int type) {
    switch (type) {
    case QUIVER_DATA_TYPE_INTEGER: return "INTEGER";
    case QUIVER_DATA_TYPE_FLOAT: return "FLOAT";
    case QUIVER_DATA_TYPE_STRING: return "STRING";
    case QUIVER_DATA_TYPE_DATE_TIME: return "DATE_TIME";
    default: return "UNKNOWN";
    }
}

// Frees one column buffer of a columnar result according to its type code.
void free_column(void* data, int type, size_t row_count) noexcept {
    if (is_string_type(type)) {
        quiver_c::free_strings(static_cast<char**>(data), row_count);
    } else {
        std::free(data);
    }
}

// ---- read: Value cell -> C cell ---------------------------------------------------------------

int64_t to_integer_cell(const quiver::Value& value) {
    if (const auto* i = std::get_if<int64_t>(&value)) return *i;
    if (const auto* d = std::get_if<double>(&value)) return static_cast<int64_t>(std::trunc(*d));
    return 0;  // NULL (or text) -> placeholder 0
}

double to_float_cell(const quiver::Value& value) {
    if (const auto* d = std::get_if<double>(&value)) return *d;
    if (const auto* i = std::get_if<int64_t>(&value)) return static_cast<double>(*i);
    return 0.0;  // NULL (or text) -> placeholder 0.0
}

char* to_string_cell(const quiver::Value& value) {
    if (const auto* s = std::get_if<std::string>(&value)) return quiver_c::copy_string(*s);
    if (const auto* i = std::get_if<int64_t>(&value)) return quiver_c::copy_string(std::to_string(*i));
    if (const auto* d = std::get_if<double>(&value)) {
        char buffer[64];
        auto result = std::to_chars(buffer, buffer + sizeof(buffer), *d);
        return quiver_c::copy_string(std::string(buffer, result.ptr));
    }
    return nullptr;  // NULL -> NULL char*
}

const quiver::Value& cell(const std::map<std::string, quiver::Value>& row, const std::string& column) {
    static const quiver::Value null_value = nullptr;
    auto it = row.find(column);
    return it == row.end() ? null_value : it->second;
}

void* make_column(const std::vector<std::map<std::string, quiver::Value>>& rows, const std::string& column,
                  int type) {
    const size_t n = rows.size();
    if (is_string_type(type)) {
        return quiver_c::build_array<char*>(
            n, [&](size_t r) { return to_string_cell(cell(rows[r], column)); },
            [](char* text, size_t) { std::free(text); });
    }
    if (type == QUIVER_DATA_TYPE_INTEGER) {
        auto* data = quiver_c::allocate_array<int64_t>(n);
        for (size_t r = 0; r < n; ++r) data[r] = to_integer_cell(cell(rows[r], column));
        return data;
    }
    auto* data = quiver_c::allocate_array<double>(n);
    for (size_t r = 0; r < n; ++r) data[r] = to_float_cell(cell(rows[r], column));
    return data;
}

// ---- update: C cell -> Value ------------------------------------------------------------------

quiver::Value from_cell(const void* column, int type, size_t row) {
    switch (type) {
    case QUIVER_DATA_TYPE_INTEGER: return static_cast<const int64_t*>(column)[row];
    case QUIVER_DATA_TYPE_FLOAT: return static_cast<const double*>(column)[row];
    default: {
        const char* text = static_cast<const char* const*>(column)[row];
        if (text == nullptr) return nullptr;  // NULL char* -> SQL NULL (D14)
        return std::string(text);
    }
    }
}

std::vector<std::map<std::string, quiver::Value>> to_rows(quiver::Database& db, const char* collection,
                                                          const char* group, const char* const* column_names,
                                                          const int* column_types, const void* const* column_data,
                                                          size_t column_count, size_t row_count) {
    std::vector<std::map<std::string, quiver::Value>> rows;
    if (column_count == 0 && row_count == 0) return rows;  // clear
    if (column_count == 0) quiver_c::fail(kUpdateGroup, "column_count must be > 0 when row_count > 0");
    if (column_names == nullptr || column_types == nullptr || column_data == nullptr) {
        quiver_c::fail(kUpdateGroup,
                       "column_names, column_types, and column_data must be non-null when column_count > 0");
    }
    for (size_t i = 0; i < column_count; ++i) {
        if (column_names[i] == nullptr) quiver_c::fail(kUpdateGroup, "column_names[" + std::to_string(i) + "] is null");
    }

    const auto metadata = db.get_time_series_metadata(collection, group);
    std::map<std::string, int> expected;  // column -> expected C type code
    expected[metadata.dimension_column] = QUIVER_DATA_TYPE_STRING;
    for (const auto& column : metadata.value_columns) {
        expected[column.name] = quiver_c::to_c_data_type(column.data_type);
    }

    bool has_dimension = false;
    for (size_t i = 0; i < column_count; ++i) has_dimension |= metadata.dimension_column == column_names[i];
    if (!has_dimension) {
        quiver_c::fail(kUpdateGroup, "dimension column '" + metadata.dimension_column + "' missing from column_names");
    }
    for (size_t i = 0; i < column_count; ++i) {
        if (expected.find(column_names[i]) == expected.end()) {
            quiver_c::fail(kUpdateGroup, std::string("column '") + column_names[i] + "' not found in group '" + group +
                                             "' for collection '" + collection + "'");
        }
    }
    for (size_t i = 0; i < column_count; ++i) {
        const int want = expected.at(column_names[i]);
        const int given = column_types[i];
        if (given != want && !(is_string_type(given) && is_string_type(want))) {
            quiver_c::fail(kUpdateGroup, std::string("column '") + column_names[i] + "' has type " + type_name(want) +
                                             " but received " + type_name(given));
        }
    }
    if (row_count == 0) return rows;  // clear
    for (size_t i = 0; i < column_count; ++i) {
        if (column_data[i] == nullptr) quiver_c::fail(kUpdateGroup, "column_data[" + std::to_string(i) + "] is null");
    }

    rows.resize(row_count);
    for (size_t i = 0; i < column_count; ++i) {
        for (size_t r = 0; r < row_count; ++r) {
            rows[r][column_names[i]] = from_cell(column_data[i], column_types[i], r);
        }
    }
    return rows;
}

}  // namespace

extern "C" {

QUIVER_C_API quiver_error_t quiver_database_read_time_series_group(quiver_database_t* db, const char* collection,
                                                                   const char* group, int64_t id,
                                                                   char*** out_column_names, int** out_column_types,
                                                                   void*** out_column_data, size_t* out_column_count,
                                                                   size_t* out_row_count) {
    return guard([&] {
        require({{db, "db"}, {collection, "collection"}, {group, "group"}, {out_column_names, "out_column_names"},
                 {out_column_types, "out_column_types"}, {out_column_data, "out_column_data"},
                 {out_column_count, "out_column_count"}, {out_row_count, "out_row_count"}});
        const auto rows = db->db.read_time_series_group(collection, group, id);
        if (rows.empty()) {
            *out_column_names = nullptr;
            *out_column_types = nullptr;
            *out_column_data = nullptr;
            *out_column_count = 0;
            *out_row_count = 0;
            return;
        }
        // Column 0 is the dimension (always STRING); then the value columns in metadata order.
        const auto metadata = db->db.get_time_series_metadata(collection, group);
        std::vector<std::string> names{metadata.dimension_column};
        std::vector<int> types{QUIVER_DATA_TYPE_STRING};
        for (const auto& column : metadata.value_columns) {
            names.push_back(column.name);
            types.push_back(quiver_c::to_c_data_type(column.data_type));
        }
        quiver_c::malloc_ptr<int> c_types(quiver_c::copy_values(types));
        quiver_c::strings_ptr c_names(quiver_c::copy_strings(names), quiver_c::StringsDeleter{names.size()});
        void** c_data = quiver_c::build_array<void*>(
            names.size(), [&](size_t i) { return make_column(rows, names[i], types[i]); },
            [&](void* data, size_t i) { free_column(data, types[i], rows.size()); });
        *out_column_names = c_names.release();
        *out_column_types = c_types.release();
        *out_column_data = c_data;
        *out_column_count = names.size();
        *out_row_count = rows.size();
    });
}

QUIVER_C_API quiver_error_t quiver_database_update_time_series_group(quiver_database_t* db, const char* collection,
                                                                     const char* group, int64_t id,
                                                                     const char* const* column_names,
                                                                     const int* column_types,
                                                                     const void* const* column_data,
                                                                     size_t column_count, size_t row_count) {
    return guard([&] {
        require({{db, "db"}, {collection, "collection"}, {group, "group"}});
        const auto rows = to_rows(db->db, collection, group, column_names, column_types, column_data, column_count,
                                  row_count);
        db->db.update_time_series_group(collection, group, id, rows);
    });
}

QUIVER_C_API quiver_error_t quiver_database_free_time_series_data(char** column_names, int* column_types,
                                                                  void** column_data, size_t column_count,
                                                                  size_t row_count) {
    return guard([&] {
        quiver_c::free_strings(column_names, column_count);
        if (column_data != nullptr) {
            for (size_t i = 0; i < column_count; ++i) {
                // Without types the string cells cannot be told apart; free the buffers only.
                free_column(column_data[i], column_types ? column_types[i] : QUIVER_DATA_TYPE_INTEGER, row_count);
            }
            std::free(column_data);
        }
        std::free(column_types);
    });
}

QUIVER_C_API quiver_error_t quiver_database_has_time_series_files(quiver_database_t* db, const char* collection,
                                                                  int* out_result) {
    return guard([&] {
        require({{db, "db"}, {collection, "collection"}, {out_result, "out_result"}});
        *out_result = db->db.has_time_series_files(collection) ? 1 : 0;
    });
}

QUIVER_C_API quiver_error_t quiver_database_list_time_series_files_columns(quiver_database_t* db,
                                                                           const char* collection,
                                                                           char*** out_columns, size_t* out_count) {
    return guard([&] {
        require({{db, "db"}, {collection, "collection"}, {out_columns, "out_columns"}, {out_count, "out_count"}});
        quiver_c::copy_list(db->db.list_time_series_files_columns(collection), out_columns, out_count);
    });
}

QUIVER_C_API quiver_error_t quiver_database_read_time_series_files(quiver_database_t* db, const char* collection,
                                                                   char*** out_columns, char*** out_paths,
                                                                   size_t* out_count) {
    return guard([&] {
        require({{db, "db"}, {collection, "collection"}, {out_columns, "out_columns"}, {out_paths, "out_paths"},
                 {out_count, "out_count"}});
        std::vector<std::string> columns;
        std::vector<std::optional<std::string>> paths;
        for (const auto& [column, path] : db->db.read_time_series_files(collection)) {
            columns.push_back(column);
            paths.push_back(path);
        }
        quiver_c::strings_ptr c_columns(quiver_c::copy_strings(columns), quiver_c::StringsDeleter{columns.size()});
        char** c_paths = quiver_c::copy_optional_strings(paths);
        *out_columns = c_columns.release();
        *out_paths = c_paths;
        *out_count = columns.size();
    });
}

QUIVER_C_API quiver_error_t quiver_database_update_time_series_files(quiver_database_t* db, const char* collection,
                                                                     const char* const* columns,
                                                                     const char* const* paths, size_t count) {
    return guard([&] {
        require({{db, "db"}, {collection, "collection"}});
        constexpr const char* op = "update_time_series_files";
        if (count > 0 && (columns == nullptr || paths == nullptr)) {
            quiver_c::fail(op, "Null columns or paths with non-zero count");
        }
        std::map<std::string, std::optional<std::string>> values;
        for (size_t i = 0; i < count; ++i) {
            if (columns[i] == nullptr) quiver_c::fail(op, "Null column name at index " + std::to_string(i));
            values[columns[i]] = paths[i] ? std::optional<std::string>(paths[i]) : std::nullopt;
        }
        db->db.update_time_series_files(collection, values);
    });
}

QUIVER_C_API quiver_error_t quiver_database_free_time_series_files(char** columns, char** paths, size_t count) {
    return guard([&] {
        require({{columns, "columns"}, {paths, "paths"}});
        quiver_c::free_strings(columns, count);
        quiver_c::free_strings(paths, count);
    });
}

}  // extern "C"
