// Time series: columnar group read/update (semantics 7.4 with api-additions 3.2 and 4.1: presence
// masks both ways) and the time-series files table.
#include "columnar.h"
#include "internal.h"

#include <map>

using quiver_c::guard;
using quiver_c::require;
namespace columnar = quiver_c::columnar;

namespace {

constexpr const char* kReadGroup = "read_time_series_group";
constexpr const char* kUpdateGroup = "update_time_series_group";

// The checks of semantics 7.4 steps 5-8 that follow the shape checks: the group exists, the
// dimension is given, every name is a column of the group, and every column's type code matches
// the schema (STRING and DATE_TIME interchangeable). A column with no present cell carries no
// value to type, so any code 0-4 passes for it (api-additions 4.1).
void check_against_schema(quiver::Database& db, const char* collection, const char* group,
                          const columnar::Input& in) {
    const auto metadata = db.get_time_series_metadata(collection, group);
    std::map<std::string, int> expected;  // column -> expected C type code
    expected[metadata.dimension_column] = QUIVER_DATA_TYPE_STRING;
    for (const auto& column : metadata.value_columns) {
        expected[column.name] = quiver_c::to_c_data_type(column.data_type);
    }

    bool has_dimension = false;
    for (size_t i = 0; i < in.column_count; ++i) has_dimension |= metadata.dimension_column == in.names[i];
    if (!has_dimension) {
        quiver_c::fail(kUpdateGroup, "dimension column '" + metadata.dimension_column + "' missing from column_names");
    }
    for (size_t i = 0; i < in.column_count; ++i) {
        if (expected.find(in.names[i]) == expected.end()) {
            quiver_c::fail(kUpdateGroup, std::string("column '") + in.names[i] + "' not found in group '" + group +
                                             "' for collection '" + collection + "'");
        }
    }
    for (size_t i = 0; i < in.column_count; ++i) {
        const int want = expected.at(in.names[i]);
        const int given = in.types[i];
        if (given == want || (columnar::is_string_type(given) && columnar::is_string_type(want))) continue;
        if (!columnar::has_present_cell(in, i)) continue;
        quiver_c::fail(kUpdateGroup, std::string("column '") + in.names[i] + "' has type " + columnar::type_name(want) +
                                         " but received " + columnar::type_name(given));
    }
}

// The shape checks, then the schema checks above, then the rows to the core (no rows: clear).
// `write` calls the core's id or label form.
template <typename Write>
void update_group(const columnar::Input& in, quiver::Database& db, const char* collection, const char* group,
                  Write&& write) {
    columnar::write_rows(
        kUpdateGroup, in, [&](const columnar::Input& checked) { check_against_schema(db, collection, group, checked); },
        write);
}

}  // namespace

extern "C" {

QUIVER_C_API quiver_error_t quiver_database_read_time_series_group(quiver_database_t* db, const char* collection,
                                                                   const char* group, int64_t id,
                                                                   char*** out_column_names, int** out_column_types,
                                                                   void*** out_column_data,
                                                                   uint8_t*** out_column_has_value,
                                                                   size_t* out_column_count, size_t* out_row_count) {
    return guard([&] {
        require({{db, "db"}, {collection, "collection"}, {group, "group"}});
        const auto out = columnar::require_output(out_column_names, out_column_types, out_column_data,
                                                  out_column_has_value, out_column_count, out_row_count);
        const auto rows = db->db.read_time_series_group(collection, group, id);
        // Column 0 is the dimension (always STRING); then the value columns in metadata order.
        std::vector<columnar::Column> columns;
        if (!rows.empty()) {
            const auto metadata = db->db.get_time_series_metadata(collection, group);
            columns.push_back({metadata.dimension_column, QUIVER_DATA_TYPE_STRING});
            columnar::append_value_columns(columns, metadata);
        }
        columnar::publish(kReadGroup, columns, rows, out);
    });
}

QUIVER_C_API quiver_error_t quiver_database_update_time_series_group(
    quiver_database_t* db, const char* collection, const char* group, int64_t id, const char* const* column_names,
    const int* column_types, const void* const* column_data, const uint8_t* const* column_has_value,
    size_t column_count, size_t row_count) {
    return guard([&] {
        require({{db, "db"}, {collection, "collection"}, {group, "group"}});
        update_group({column_names, column_types, column_data, column_has_value, column_count, row_count},
                     db->db, collection, group,
                     [&](const columnar::Rows& rows) { db->db.update_time_series_group(collection, group, id, rows); });
    });
}

// The id form's C checks (shape, then schema), then the core's label form (api-additions 8).
QUIVER_C_API quiver_error_t quiver_database_update_time_series_group_by_label(
    quiver_database_t* db, const char* collection, const char* group, const char* label,
    const char* const* column_names, const int* column_types, const void* const* column_data,
    const uint8_t* const* column_has_value, size_t column_count, size_t row_count) {
    return guard([&] {
        require({{db, "db"}, {collection, "collection"}, {group, "group"}, {label, "label"}});
        update_group({column_names, column_types, column_data, column_has_value, column_count, row_count},
                     db->db, collection, group, [&](const columnar::Rows& rows) {
                         db->db.update_time_series_group(collection, group, std::string(label), rows);
                     });
    });
}

QUIVER_C_API quiver_error_t quiver_database_free_time_series_data(char** column_names, int* column_types,
                                                                  void** column_data, uint8_t** column_has_value,
                                                                  size_t column_count, size_t row_count) {
    return guard([&] {
        columnar::release(column_names, column_types, column_data, column_has_value, column_count, row_count);
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
