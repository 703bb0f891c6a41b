// quiver_database_create_elements: columns (plus optional array offsets) in, one Element per row
// out, handed to Database::create_elements, which does every check and writes all or nothing.
//
// The column arguments follow the columnar group contract (api-additions 3.2): the same shape
// checks and messages, and the same cell rules (a NULL has_value or has_value[c] is dense; a 0
// flag, a NULL data[c], type code 4 or a NULL char* is SQL NULL and the data slot is not read).
// No typing happens here: values reach the core as given, so a string in an INTEGER column is a
// label to resolve or a type error with the core's message.
#include "internal.h"

using quiver_c::guard;
using quiver_c::require;

namespace {

constexpr const char* kOp = "create_elements";

struct Input {
    const char* const* names;
    const int* types;
    const void* const* data;
    const uint8_t* const* has_value;
    const size_t* const* offsets;
    size_t column_count;
    size_t row_count;
};

void check_shape(const Input& in) {
    if (in.column_count == 0) quiver_c::fail(kOp, "column_count must be > 0 when row_count > 0");
    if (in.names == nullptr || in.types == nullptr || in.data == nullptr) {
        quiver_c::fail(kOp, "column_names, column_types, and column_data must be non-null when column_count > 0");
    }
    for (size_t c = 0; c < in.column_count; ++c) {
        if (in.names[c] == nullptr) quiver_c::fail(kOp, "column_names[" + std::to_string(c) + "] is null");
    }
    for (size_t c = 0; c < in.column_count; ++c) {
        if (in.types[c] < QUIVER_DATA_TYPE_INTEGER || in.types[c] > QUIVER_DATA_TYPE_NULL) {
            quiver_c::fail(kOp, "unknown column type " + std::to_string(in.types[c]));
        }
        for (size_t other = 0; other < c; ++other) {
            if (std::strcmp(in.names[c], in.names[other]) == 0) {
                quiver_c::fail(kOp, std::string("column '") + in.names[c] + "' given more than once");
            }
        }
    }
    for (size_t c = 0; c < in.column_count; ++c) {
        const size_t* offsets = in.offsets ? in.offsets[c] : nullptr;
        if (offsets == nullptr) continue;
        if (offsets[0] != 0) quiver_c::fail(kOp, std::string("column '") + in.names[c] + "' offsets[0] must be 0");
        for (size_t r = 0; r < in.row_count; ++r) {
            if (offsets[r + 1] < offsets[r]) {
                quiver_c::fail(kOp, std::string("column '") + in.names[c] + "' offsets decrease at row " +
                                        std::to_string(r));
            }
        }
    }
}

// Cell `i` of column c: a value or NULL (the cell rules above).
quiver::Value cell(const Input& in, size_t c, size_t i) {
    const int type = in.types[c];
    const void* data = in.data[c];
    const uint8_t* mask = in.has_value ? in.has_value[c] : nullptr;
    if (type == QUIVER_DATA_TYPE_NULL || data == nullptr || (mask != nullptr && mask[i] == 0)) return nullptr;
    switch (type) {
    case QUIVER_DATA_TYPE_INTEGER: return static_cast<const int64_t*>(data)[i];
    case QUIVER_DATA_TYPE_FLOAT: return static_cast<const double*>(data)[i];
    default: {
        const char* text = static_cast<const char* const*>(data)[i];
        if (text == nullptr) return nullptr;
        return std::string(text);
    }
    }
}

std::vector<quiver::Element> to_elements(const Input& in) {
    std::vector<quiver::Element> elements(in.row_count);
    for (size_t c = 0; c < in.column_count; ++c) {
        const std::string name = in.names[c];
        const size_t* offsets = in.offsets ? in.offsets[c] : nullptr;
        for (size_t r = 0; r < in.row_count; ++r) {
            if (offsets == nullptr) {
                elements[r].set_value(name, cell(in, c, r));
            } else if (offsets[r + 1] > offsets[r]) {
                std::vector<quiver::Value> items;
                items.reserve(offsets[r + 1] - offsets[r]);
                for (size_t i = offsets[r]; i < offsets[r + 1]; ++i) items.push_back(cell(in, c, i));
                elements[r].set_array(name, std::move(items));
            }
        }
    }
    return elements;
}

}  // namespace

extern "C" {

QUIVER_C_API quiver_error_t quiver_database_create_elements(quiver_database_t* db, const char* collection,
                                                            const char* const* column_names, const int* column_types,
                                                            const void* const* column_data,
                                                            const uint8_t* const* column_has_value,
                                                            const size_t* const* column_offsets,
                                                            size_t column_count, size_t row_count, int64_t* out_ids,
                                                            quiver_progress_t progress, void* user_data) {
    return guard([&] {
        require({{db, "db"}, {collection, "collection"}});
        if (row_count == 0) {
            db->db.create_elements(collection, {});  // checks the collection
            return;
        }
        require({{out_ids, "out_ids"}});
        const Input in{column_names, column_types, column_data, column_has_value, column_offsets, column_count,
                       row_count};
        check_shape(in);
        std::function<void(size_t, size_t)> report;
        if (progress != nullptr) report = [&](size_t done, size_t total) { progress(done, total, user_data); };
        const auto ids = db->db.create_elements(collection, to_elements(in), report);
        std::copy(ids.begin(), ids.end(), out_ids);
    });
}

}  // extern "C"
