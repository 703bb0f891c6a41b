// Whole groups through the columnar contract (api-additions 3.2): read_vector/set_group_by_id,
// update_vector/set_group and their _by_label forms. All marshalling is columnar.{h,cpp}; the
// core does every value check (the vector/set writers do not compare type codes with the schema).
#include "columnar.h"
#include "internal.h"

using quiver_c::guard;
using quiver_c::require;
namespace columnar = quiver_c::columnar;

namespace {

using Db = quiver::Database;
using ReadGroup = columnar::Rows (Db::*)(const std::string&, const std::string&, int64_t);
using GroupMetadataOf = quiver::GroupMetadata (Db::*)(const std::string&, const std::string&) const;

// Columns: the value columns in metadata order (alphabetical), each with its own type code.
quiver_error_t read_group(const char* op, ReadGroup read, GroupMetadataOf metadata_of, quiver_database_t* db,
                          const char* collection, const char* group, int64_t id, char*** out_column_names,
                          int** out_column_types, void*** out_column_data, uint8_t*** out_column_has_value,
                          size_t* out_column_count, size_t* out_row_count) {
    return guard([&] {
        require({{db, "db"}, {collection, "collection"}, {group, "group"}});
        const auto out = columnar::require_output(out_column_names, out_column_types, out_column_data,
                                                  out_column_has_value, out_column_count, out_row_count);
        const auto rows = (db->db.*read)(collection, group, id);
        std::vector<columnar::Column> columns;
        if (!rows.empty()) columnar::append_value_columns(columns, (db->db.*metadata_of)(collection, group));
        columnar::publish(op, columns, rows, out);
    });
}

// The shape checks of 3.2, then the rows to the core (no rows: clear); the core checks every
// value. `write` calls the core's id or label form.
template <typename Write>
void update_group(const char* op, const columnar::Input& in, Write&& write) {
    columnar::write_rows(op, in, [](const columnar::Input&) {}, write);
}

}  // namespace

extern "C" {

QUIVER_C_API quiver_error_t quiver_database_read_vector_group_by_id(quiver_database_t* db, const char* collection,
                                                                    const char* group, int64_t id,
                                                                    char*** out_column_names, int** out_column_types,
                                                                    void*** out_column_data,
                                                                    uint8_t*** out_column_has_value,
                                                                    size_t* out_column_count, size_t* out_row_count) {
    return read_group("read_vector_group_by_id", &Db::read_vector_group_by_id, &Db::get_vector_metadata, db,
                      collection, group, id, out_column_names, out_column_types, out_column_data,
                      out_column_has_value, out_column_count, out_row_count);
}

QUIVER_C_API quiver_error_t quiver_database_read_set_group_by_id(quiver_database_t* db, const char* collection,
                                                                 const char* group, int64_t id,
                                                                 char*** out_column_names, int** out_column_types,
                                                                 void*** out_column_data,
                                                                 uint8_t*** out_column_has_value,
                                                                 size_t* out_column_count, size_t* out_row_count) {
    return read_group("read_set_group_by_id", &Db::read_set_group_by_id, &Db::get_set_metadata, db, collection,
                      group, id, out_column_names, out_column_types, out_column_data, out_column_has_value,
                      out_column_count, out_row_count);
}

QUIVER_C_API quiver_error_t quiver_database_update_vector_group(quiver_database_t* db, const char* collection,
                                                                const char* group, int64_t id,
                                                                const char* const* column_names,
                                                                const int* column_types,
                                                                const void* const* column_data,
                                                                const uint8_t* const* column_has_value,
                                                                size_t column_count, size_t row_count) {
    return guard([&] {
        require({{db, "db"}, {collection, "collection"}, {group, "group"}});
        update_group("update_vector_group",
                     {column_names, column_types, column_data, column_has_value, column_count, row_count},
                     [&](const columnar::Rows& rows) { db->db.update_vector_group(collection, group, id, rows); });
    });
}

QUIVER_C_API quiver_error_t quiver_database_update_set_group(quiver_database_t* db, const char* collection,
                                                             const char* group, int64_t id,
                                                             const char* const* column_names, const int* column_types,
                                                             const void* const* column_data,
                                                             const uint8_t* const* column_has_value,
                                                             size_t column_count, size_t row_count) {
    return guard([&] {
        require({{db, "db"}, {collection, "collection"}, {group, "group"}});
        update_group("update_set_group",
                     {column_names, column_types, column_data, column_has_value, column_count, row_count},
                     [&](const columnar::Rows& rows) { db->db.update_set_group(collection, group, id, rows); });
    });
}

QUIVER_C_API quiver_error_t quiver_database_update_vector_group_by_label(
    quiver_database_t* db, const char* collection, const char* group, const char* label,
    const char* const* column_names, const int* column_types, const void* const* column_data,
    const uint8_t* const* column_has_value, size_t column_count, size_t row_count) {
    return guard([&] {
        require({{db, "db"}, {collection, "collection"}, {group, "group"}, {label, "label"}});
        update_group("update_vector_group",
                     {column_names, column_types, column_data, column_has_value, column_count, row_count},
                     [&](const columnar::Rows& rows) {
                         db->db.update_vector_group(collection, group, std::string(label), rows);
                     });
    });
}

QUIVER_C_API quiver_error_t quiver_database_update_set_group_by_label(
    quiver_database_t* db, const char* collection, const char* group, const char* label,
    const char* const* column_names, const int* column_types, const void* const* column_data,
    const uint8_t* const* column_has_value, size_t column_count, size_t row_count) {
    return guard([&] {
        require({{db, "db"}, {collection, "collection"}, {group, "group"}, {label, "label"}});
        update_group("update_set_group",
                     {column_names, column_types, column_data, column_has_value, column_count, row_count},
                     [&](const columnar::Rows& rows) {
                         db->db.update_set_group(collection, group, std::string(label), rows);
                     });
    });
}

}  // extern "C"
