// One time-series row: read_time_series_row across elements (api-additions 4.2, with a presence
// mask, D20) and upsert_time_series_row for one element (4.3, D19), by id and by label.
#include "columnar.h"
#include "internal.h"

#include <limits>

using quiver_c::guard;
using quiver_c::require;
namespace columnar = quiver_c::columnar;

namespace {

constexpr const char* kRead = "read_time_series_row";
constexpr const char* kUpsert = "upsert_time_series_row";

// One C value per column: column_data[c] points to one int64_t, double or const char*. The
// argument checks of 4.3 (in the columnar wording, as the messages are the same), then the row.
// Type code 4 or a NULL char* is SQL NULL (D19); a NULL column_data[c] with another code is an
// error rather than NULL, since only one value is passed.
columnar::Row to_row(const char* const* column_names, const int* column_types, const void* const* column_data,
                     size_t column_count) {
    if (column_count == 0) return {};
    const columnar::Input in{column_names, column_types, column_data, nullptr, column_count, 1};
    columnar::check_shape(kUpsert, in);
    for (size_t c = 0; c < column_count; ++c) {
        if (column_data[c] == nullptr && column_types[c] != QUIVER_DATA_TYPE_NULL) {
            quiver_c::fail(kUpsert, "column_data[" + std::to_string(c) + "] is null");
        }
    }
    return columnar::to_rows(in).front();
}

}  // namespace

extern "C" {

QUIVER_C_API quiver_error_t quiver_database_read_time_series_row(quiver_database_t* db, const char* collection,
                                                                 const char* group, const char* attribute,
                                                                 const char* date_time, int* out_data_type,
                                                                 void** out_values, uint8_t** out_has_value,
                                                                 size_t* out_count) {
    return guard([&] {
        require({{db, "db"}, {collection, "collection"}, {group, "group"}, {attribute, "attribute"},
                 {date_time, "date_time"}, {out_data_type, "out_data_type"}, {out_values, "out_values"},
                 {out_has_value, "out_has_value"}, {out_count, "out_count"}});
        const auto values = db->db.read_time_series_row(collection, group, attribute, date_time);
        int type = QUIVER_DATA_TYPE_NULL;
        for (const auto& column : db->db.get_time_series_metadata(collection, group).value_columns) {
            if (column.name == attribute) type = quiver_c::to_c_data_type(column.data_type);
        }
        void* data = nullptr;
        uint8_t* has_value = nullptr;
        columnar::publish_column(kRead, {attribute, type}, values, &data, &has_value);
        // Upstream's placeholder of a missing FLOAT is NaN (the mask is what tells).
        if (type == QUIVER_DATA_TYPE_FLOAT) {
            for (size_t i = 0; i < values.size(); ++i) {
                if (!has_value[i]) static_cast<double*>(data)[i] = std::numeric_limits<double>::quiet_NaN();
            }
        }
        *out_data_type = type;
        *out_values = data;
        *out_has_value = has_value;
        *out_count = values.size();
    });
}

QUIVER_C_API quiver_error_t quiver_database_upsert_time_series_row(quiver_database_t* db, const char* collection,
                                                                   const char* group, int64_t id,
                                                                   const char* const* column_names,
                                                                   const int* column_types,
                                                                   const void* const* column_data,
                                                                   size_t column_count) {
    return guard([&] {
        require({{db, "db"}, {collection, "collection"}, {group, "group"}});
        db->db.upsert_time_series_row(collection, group, id, to_row(column_names, column_types, column_data, column_count));
    });
}

QUIVER_C_API quiver_error_t quiver_database_upsert_time_series_row_by_label(
    quiver_database_t* db, const char* collection, const char* group, const char* label,
    const char* const* column_names, const int* column_types, const void* const* column_data, size_t column_count) {
    return guard([&] {
        require({{db, "db"}, {collection, "collection"}, {group, "group"}, {label, "label"}});
        db->db.upsert_time_series_row(collection, group, std::string(label),
                                      to_row(column_names, column_types, column_data, column_count));
    });
}

}  // extern "C"
