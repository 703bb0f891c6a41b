// quiver_database_create_elements: columns (plus optional array offsets) in, one Element per row
// out, handed to Database::create_elements, which does every check and writes all or nothing.
//
// The column arguments follow the columnar group contract (api-additions 3.2) through the one
// marshaller of the C layer (columnar.h): the same shape checks, messages and cell rules. What is
// added here is the array form: a non-NULL column_offsets[c] turns column c into row_count arrays
// (row r = cells offsets[r] .. offsets[r+1]-1), whose cells follow the same rules. No typing
// happens here: values reach the core as given, so a string in an INTEGER column is a label to
// resolve or a type error with the core's message.
#include "columnar.h"
#include "internal.h"

#include <algorithm>
#include <functional>

using quiver_c::guard;
using quiver_c::require;

namespace {

constexpr const char* kOp = "create_elements";

void check_offsets(const quiver_c::columnar::Input& in, const size_t* const* column_offsets) {
    if (column_offsets == nullptr) return;
    for (size_t c = 0; c < in.column_count; ++c) {
        const size_t* offsets = column_offsets[c];
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

// Cell `i` of column c (a row, or a flattened array item): a value or NULL (columnar cell rules).
quiver::Value cell(const quiver_c::columnar::Input& in, size_t c, size_t i) {
    if (!quiver_c::columnar::is_present(in, c, i)) return nullptr;
    switch (in.types[c]) {
    case QUIVER_DATA_TYPE_INTEGER: return static_cast<const int64_t*>(in.data[c])[i];
    case QUIVER_DATA_TYPE_FLOAT: return static_cast<const double*>(in.data[c])[i];
    default: return std::string(static_cast<const char* const*>(in.data[c])[i]);
    }
}

std::vector<quiver::Element> to_elements(const quiver_c::columnar::Input& in, const size_t* const* column_offsets) {
    std::vector<quiver::Element> elements(in.row_count);
    for (size_t c = 0; c < in.column_count; ++c) {
        const std::string name = in.names[c];
        const size_t* offsets = column_offsets ? column_offsets[c] : nullptr;
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
        const quiver_c::columnar::Input in{column_names, column_types, column_data, column_has_value, column_count,
                                           row_count};
        quiver_c::columnar::check_shape(kOp, in);
        check_offsets(in, column_offsets);
        std::function<void(size_t, size_t)> report;
        if (progress != nullptr) report = [&](size_t done, size_t total) { progress(done, total, user_data); };
        const auto ids = db->db.create_elements(collection, to_elements(in, column_offsets), report);
        std::copy(ids.begin(), ids.end(), out_ids);
    });
}

}  // extern "C"
