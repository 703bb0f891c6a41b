// The result of quiver_database_query (D25): an opaque, caller-owned handle with read-only
// accessors. Strings returned by quiver_result_get_string / _column_name are borrowed from the
// handle and valid until quiver_result_free.
#include "internal.h"

using quiver_c::guard;
using quiver_c::require;

namespace {

// "Cannot result_<accessor>: row <r> out of range (<n> rows)" and the column form.
void check_row(const quiver::Result& result, const char* op, size_t row) {
    if (row >= result.row_count()) {
        quiver_c::fail(op, "row " + std::to_string(row) + " out of range (" + std::to_string(result.row_count()) +
                               " rows)");
    }
}

void check_column(const quiver::Result& result, const char* op, size_t column) {
    if (column >= result.column_count()) {
        quiver_c::fail(op, "column " + std::to_string(column) + " out of range (" +
                               std::to_string(result.column_count()) + " columns)");
    }
}

const quiver::Value& cell(const quiver_result_t* result, const char* op, size_t row, size_t column) {
    check_row(result->result, op, row);
    check_column(result->result, op, column);
    return result->result[row][column];
}

}  // namespace

extern "C" {

QUIVER_C_API quiver_error_t quiver_result_row_count(const quiver_result_t* result, size_t* out_count) {
    return guard([&] {
        require({{result, "result"}, {out_count, "out_count"}});
        *out_count = result->result.row_count();
    });
}

QUIVER_C_API quiver_error_t quiver_result_column_count(const quiver_result_t* result, size_t* out_count) {
    return guard([&] {
        require({{result, "result"}, {out_count, "out_count"}});
        *out_count = result->result.column_count();
    });
}

QUIVER_C_API quiver_error_t quiver_result_column_name(const quiver_result_t* result, size_t column,
                                                      const char** out_name) {
    return guard([&] {
        require({{result, "result"}, {out_name, "out_name"}});
        check_column(result->result, "result_column_name", column);
        *out_name = result->result.columns()[column].c_str();
    });
}

QUIVER_C_API quiver_error_t quiver_result_value_type(const quiver_result_t* result, size_t row, size_t column,
                                                     int* out_type) {
    return guard([&] {
        require({{result, "result"}, {out_type, "out_type"}});
        const auto& value = cell(result, "result_value_type", row, column);
        switch (value.index()) {
        case 1: *out_type = QUIVER_DATA_TYPE_INTEGER; break;
        case 2: *out_type = QUIVER_DATA_TYPE_FLOAT; break;
        case 3: *out_type = QUIVER_DATA_TYPE_STRING; break;
        default: *out_type = QUIVER_DATA_TYPE_NULL; break;
        }
    });
}

QUIVER_C_API quiver_error_t quiver_result_get_integer(const quiver_result_t* result, size_t row, size_t column,
                                                      int64_t* out_value, int* out_has_value) {
    return guard([&] {
        require({{result, "result"}, {out_value, "out_value"}, {out_has_value, "out_has_value"}});
        const auto& value = cell(result, "result_get_integer", row, column);
        const auto* integer = std::get_if<int64_t>(&value);
        if (integer) *out_value = *integer;
        *out_has_value = integer ? 1 : 0;
    });
}

QUIVER_C_API quiver_error_t quiver_result_get_float(const quiver_result_t* result, size_t row, size_t column,
                                                    double* out_value, int* out_has_value) {
    return guard([&] {
        require({{result, "result"}, {out_value, "out_value"}, {out_has_value, "out_has_value"}});
        const auto& value = cell(result, "result_get_float", row, column);
        int has_value = 1;
        if (const auto* d = std::get_if<double>(&value)) {
            *out_value = *d;
        } else if (const auto* i = std::get_if<int64_t>(&value)) {
            *out_value = static_cast<double>(*i);  // widened (§11)
        } else {
            has_value = 0;
        }
        *out_has_value = has_value;
    });
}

QUIVER_C_API quiver_error_t quiver_result_get_string(const quiver_result_t* result, size_t row, size_t column,
                                                     const char** out_value) {
    return guard([&] {
        require({{result, "result"}, {out_value, "out_value"}});
        const auto& value = cell(result, "result_get_string", row, column);
        const auto* text = std::get_if<std::string>(&value);
        *out_value = text ? text->c_str() : nullptr;
    });
}

QUIVER_C_API quiver_error_t quiver_result_free(quiver_result_t* result) {
    delete result;
    return QUIVER_OK;
}

}  // extern "C"
