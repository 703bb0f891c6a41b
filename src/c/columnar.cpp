// Columnar marshalling (see columnar.h for the contract).
#include "columnar.h"

#include <cmath>
#include <set>

namespace quiver_c::columnar {

bool is_string_type(int type) {
    return type == QUIVER_DATA_TYPE_STRING || type == QUIVER_DATA_TYPE_DATE_TIME;
}

const char* type_name(int type) {
    switch (type) {
    case QUIVER_DATA_TYPE_INTEGER: return "INTEGER";
    case QUIVER_DATA_TYPE_FLOAT: return "FLOAT";
    case QUIVER_DATA_TYPE_STRING: return "STRING";
    case QUIVER_DATA_TYPE_DATE_TIME: return "DATE_TIME";
    case QUIVER_DATA_TYPE_NULL: return "NULL";
    default: return "UNKNOWN";
    }
}

namespace {

const char* storage_class(const quiver::Value& value) {
    switch (value.index()) {
    case 1: return "INTEGER";
    case 2: return "REAL";
    default: return "TEXT";
    }
}

void free_column(void* data, int type, size_t row_count) noexcept {
    if (is_string_type(type)) {
        free_strings(static_cast<char**>(data), row_count);
    } else {
        std::free(data);
    }
}

[[noreturn]] void fail_cell(const char* op, const Column& column, size_t row, const quiver::Value& value) {
    fail(op, "column '" + column.name + "' row " + std::to_string(row) + " holds a " + storage_class(value) +
                 " value, expected " + type_name(column.type));
}

// A column's data array and mask, owned until released to the caller.
struct ColumnBuffers {
    void* data = nullptr;
    malloc_ptr<uint8_t> mask;
};

// Builds the data array and mask of one column from n cells (cell_at(r) -> const Value&).
template <typename CellAt>
ColumnBuffers build_column(const char* op, const Column& column, size_t n, CellAt&& cell_at) {
    ColumnBuffers out;
    out.mask.reset(allocate_array<uint8_t>(n));
    if (is_string_type(column.type)) {
        out.data = build_array<char*>(
            n,
            [&](size_t r) -> char* {
                const quiver::Value& value = cell_at(r);
                if (std::holds_alternative<std::nullptr_t>(value)) return nullptr;
                const auto* text = std::get_if<std::string>(&value);
                if (text == nullptr) fail_cell(op, column, r, value);
                out.mask.get()[r] = 1;
                return copy_string(*text);
            },
            [](char* text, size_t) { std::free(text); });
        return out;
    }
    if (column.type == QUIVER_DATA_TYPE_INTEGER) {
        malloc_ptr<int64_t> data(allocate_array<int64_t>(n));
        for (size_t r = 0; r < n; ++r) {
            const quiver::Value& value = cell_at(r);
            if (std::holds_alternative<std::nullptr_t>(value)) continue;  // calloc'ed: placeholder 0
            if (const auto* i = std::get_if<int64_t>(&value)) {
                data.get()[r] = *i;
            } else if (const auto* d = std::get_if<double>(&value)) {
                data.get()[r] = static_cast<int64_t>(std::trunc(*d));
            } else {
                fail_cell(op, column, r, value);
            }
            out.mask.get()[r] = 1;
        }
        out.data = data.release();
        return out;
    }
    malloc_ptr<double> data(allocate_array<double>(n));
    for (size_t r = 0; r < n; ++r) {
        const quiver::Value& value = cell_at(r);
        if (std::holds_alternative<std::nullptr_t>(value)) continue;  // placeholder 0.0
        if (const auto* d = std::get_if<double>(&value)) {
            data.get()[r] = *d;
        } else if (const auto* i = std::get_if<int64_t>(&value)) {
            data.get()[r] = static_cast<double>(*i);
        } else {
            fail_cell(op, column, r, value);
        }
        out.mask.get()[r] = 1;
    }
    out.data = data.release();
    return out;
}

const quiver::Value& cell(const Row& row, const std::string& column) {
    static const quiver::Value null_value = nullptr;
    const auto it = row.find(column);
    return it == row.end() ? null_value : it->second;
}

}  // namespace

Output require_output(char*** names, int** types, void*** data, uint8_t*** has_value, size_t* column_count,
                      size_t* row_count) {
    require({{names, "out_column_names"}, {types, "out_column_types"}, {data, "out_column_data"},
             {has_value, "out_column_has_value"}, {column_count, "out_column_count"}, {row_count, "out_row_count"}});
    return {names, types, data, has_value, column_count, row_count};
}

void append_value_columns(std::vector<Column>& columns, const quiver::GroupMetadata& metadata) {
    for (const auto& column : metadata.value_columns) {
        columns.push_back({column.name, to_c_data_type(column.data_type)});
    }
}

void publish(const char* op, const std::vector<Column>& columns, const Rows& rows, const Output& out) {
    if (rows.empty()) {
        *out.names = nullptr;
        *out.types = nullptr;
        *out.data = nullptr;
        *out.has_value = nullptr;
        *out.column_count = 0;
        *out.row_count = 0;
        return;
    }
    const size_t n = columns.size();
    std::vector<std::string> names;
    std::vector<int> types;
    for (const auto& column : columns) {
        names.push_back(column.name);
        types.push_back(column.type);
    }
    strings_ptr c_names(copy_strings(names), StringsDeleter{n});
    malloc_ptr<int> c_types(copy_values(types));
    malloc_ptr<uint8_t*> c_masks(allocate_array<uint8_t*>(n));
    // On failure build_array frees the columns made so far; their masks are freed here.
    struct MasksGuard {
        uint8_t** masks;
        size_t n;
        ~MasksGuard() {
            if (masks == nullptr) return;
            for (size_t i = 0; i < n; ++i) std::free(masks[i]);
        }
    } masks_guard{c_masks.get(), n};
    void** c_data = build_array<void*>(
        n,
        [&](size_t c) {
            auto buffers = build_column(op, columns[c], rows.size(),
                                        [&](size_t r) -> const quiver::Value& { return cell(rows[r], columns[c].name); });
            c_masks.get()[c] = buffers.mask.release();
            return buffers.data;
        },
        [&](void* data, size_t c) { free_column(data, types[c], rows.size()); });
    masks_guard.masks = nullptr;  // every mask now belongs to the result
    *out.names = c_names.release();
    *out.types = c_types.release();
    *out.data = c_data;
    *out.has_value = c_masks.release();
    *out.column_count = n;
    *out.row_count = rows.size();
}

void publish_column(const char* op, const Column& column, const std::vector<quiver::Value>& cells, void** out_data,
                    uint8_t** out_has_value) {
    auto buffers = build_column(op, column, cells.size(), [&](size_t r) -> const quiver::Value& { return cells[r]; });
    *out_data = buffers.data;
    *out_has_value = buffers.mask.release();
}

void release(char** names, int* types, void** data, uint8_t** has_value, size_t column_count,
             size_t row_count) noexcept {
    free_strings(names, column_count);
    if (data != nullptr) {
        for (size_t c = 0; c < column_count; ++c) {
            free_column(data[c], types ? types[c] : QUIVER_DATA_TYPE_INTEGER, row_count);
        }
        std::free(data);
    }
    if (has_value != nullptr) {
        for (size_t c = 0; c < column_count; ++c) std::free(has_value[c]);
        std::free(has_value);
    }
    std::free(types);
}

bool check_shape(const char* op, const Input& in) {
    if (in.column_count == 0 && in.row_count == 0) return true;
    if (in.column_count == 0) fail(op, "column_count must be > 0 when row_count > 0");
    if (in.names == nullptr || in.types == nullptr || in.data == nullptr) {
        fail(op, "column_names, column_types, and column_data must be non-null when column_count > 0");
    }
    for (size_t c = 0; c < in.column_count; ++c) {
        if (in.names[c] == nullptr) fail(op, "column_names[" + std::to_string(c) + "] is null");
    }
    if (in.row_count == 0) {
        // A typo'd or forgotten row count must never wipe a group.
        std::string list;
        for (size_t c = 0; c < in.column_count; ++c) list += (c ? ", " : "") + std::string(in.names[c]);
        fail(op, "columns [" + list + "] contain no rows; pass no columns to clear the group");
    }
    for (size_t c = 0; c < in.column_count; ++c) {
        if (in.types[c] < QUIVER_DATA_TYPE_INTEGER || in.types[c] > QUIVER_DATA_TYPE_NULL) {
            fail(op, "unknown column type " + std::to_string(in.types[c]));
        }
    }
    std::set<std::string> seen;
    for (size_t c = 0; c < in.column_count; ++c) {
        if (!seen.insert(in.names[c]).second) fail(op, "column '" + std::string(in.names[c]) + "' given more than once");
    }
    return false;
}

bool is_present(const Input& in, size_t c, size_t r) {
    if (in.types[c] == QUIVER_DATA_TYPE_NULL || in.data[c] == nullptr) return false;
    if (in.has_value != nullptr && in.has_value[c] != nullptr && in.has_value[c][r] == 0) return false;
    if (is_string_type(in.types[c])) return static_cast<const char* const*>(in.data[c])[r] != nullptr;
    return true;
}

bool has_present_cell(const Input& in, size_t c) {
    for (size_t r = 0; r < in.row_count; ++r) {
        if (is_present(in, c, r)) return true;
    }
    return false;
}

Rows to_rows(const Input& in) {
    Rows rows(in.row_count);
    for (size_t c = 0; c < in.column_count; ++c) {
        const std::string name(in.names[c]);
        for (size_t r = 0; r < in.row_count; ++r) {
            quiver::Value value = nullptr;
            if (is_present(in, c, r)) {
                switch (in.types[c]) {
                case QUIVER_DATA_TYPE_INTEGER: value = static_cast<const int64_t*>(in.data[c])[r]; break;
                case QUIVER_DATA_TYPE_FLOAT: value = static_cast<const double*>(in.data[c])[r]; break;
                default: value = std::string(static_cast<const char* const*>(in.data[c])[r]); break;
                }
            }
            rows[r].emplace(name, std::move(value));
        }
    }
    return rows;
}

}  // namespace quiver_c::columnar
