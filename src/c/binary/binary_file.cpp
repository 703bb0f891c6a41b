// quiver_binary_file_*: opening, cell I/O and the B16 fast path (binary.md §6.2, §9.2).
#include "binary_internal.h"

#include <unordered_map>

using quiver_c::guard;
using quiver_c::require;

namespace {

std::optional<quiver::BinaryMetadata> optional_metadata(const quiver_binary_metadata_t* metadata) {
    if (metadata == nullptr) return std::nullopt;
    return metadata->metadata;
}

// Parallel name/value arrays -> the map of the C++ API (duplicate names collapse).
std::unordered_map<std::string, int64_t> to_dims(const char* const* names, const int64_t* values, size_t count,
                                                 const std::string& op) {
    if (count > 0) require({{names, "dim_names"}, {values, "dim_values"}});
    std::unordered_map<std::string, int64_t> dims;
    for (size_t i = 0; i < count; ++i) {
        if (names[i] == nullptr) quiver_c::fail(op, "null dimension name at index " + std::to_string(i));
        dims[names[i]] = values[i];
    }
    return dims;
}

}  // namespace

extern "C" {

QUIVER_C_API quiver_error_t quiver_binary_file_open_file(const char* path, char mode, quiver_binary_metadata_t* metadata,
                                                         quiver_binary_file_t** out_file) {
    return guard([&] {
        require({{path, "path"}, {out_file, "out_file"}});
        auto file = quiver::BinaryFile::open_file(path, mode, optional_metadata(metadata));
        *out_file = new quiver_binary_file{std::move(file)};
    });
}

QUIVER_C_API quiver_error_t quiver_binary_file_create(const char* path, quiver_binary_file_t** out_file) {
    return guard([&] {
        require({{path, "path"}, {out_file, "out_file"}});
        *out_file = new quiver_binary_file{quiver::BinaryFile(path)};
    });
}

QUIVER_C_API quiver_error_t quiver_binary_file_open(quiver_binary_file_t* binary_file, char mode,
                                                    quiver_binary_metadata_t* metadata) {
    return guard([&] {
        require({{binary_file, "binary_file"}});
        binary_file->file.open(mode, optional_metadata(metadata));
    });
}

QUIVER_C_API quiver_error_t quiver_binary_file_close(quiver_binary_file_t* binary_file) {
    delete binary_file;  // the destructor closes; it never throws
    return QUIVER_OK;
}

QUIVER_C_API quiver_error_t quiver_binary_file_is_open(quiver_binary_file_t* binary_file, int* out_is_open) {
    return guard([&] {
        require({{binary_file, "binary_file"}, {out_is_open, "out_is_open"}});
        *out_is_open = binary_file->file.is_open() ? 1 : 0;
    });
}

QUIVER_C_API quiver_error_t quiver_binary_file_read(quiver_binary_file_t* binary_file, const char* const* dim_names,
                                                    const int64_t* dim_values, size_t dim_count, int allow_nulls,
                                                    double** out_data, size_t* out_count) {
    return guard([&] {
        require({{binary_file, "binary_file"}, {out_data, "out_data"}, {out_count, "out_count"}});
        const auto values = binary_file->file.read(to_dims(dim_names, dim_values, dim_count, "read"), allow_nulls != 0);
        quiver_c::copy_list(values, out_data, out_count);
    });
}

QUIVER_C_API quiver_error_t quiver_binary_file_write(quiver_binary_file_t* binary_file, const char* const* dim_names,
                                                     const int64_t* dim_values, size_t dim_count, const double* data,
                                                     size_t data_count) {
    return guard([&] {
        require({{binary_file, "binary_file"}, {data, "data"}});
        const auto dims = to_dims(dim_names, dim_values, dim_count, "write");
        binary_file->file.write(std::vector<double>(data, data + data_count), dims);
    });
}

QUIVER_C_API quiver_error_t quiver_binary_file_read_at(quiver_binary_file_t* binary_file, const int64_t* indices,
                                                       size_t index_count, int allow_nulls, double* out_data,
                                                       size_t out_capacity) {
    return guard([&] {
        require({{binary_file, "binary_file"}, {out_data, "out_data"}});
        if (index_count > 0) require({{indices, "indices"}});
        binary_file->file.read_at({indices, index_count}, {out_data, out_capacity}, allow_nulls != 0);
    });
}

QUIVER_C_API quiver_error_t quiver_binary_file_write_at(quiver_binary_file_t* binary_file, const int64_t* indices,
                                                        size_t index_count, const double* data, size_t data_count) {
    return guard([&] {
        require({{binary_file, "binary_file"}, {data, "data"}});
        if (index_count > 0) require({{indices, "indices"}});
        binary_file->file.write_at({indices, index_count}, {data, data_count});
    });
}

QUIVER_C_API quiver_error_t quiver_binary_file_read_all(quiver_binary_file_t* binary_file, double* out_data,
                                                        size_t out_capacity) {
    return guard([&] {
        require({{binary_file, "binary_file"}, {out_data, "out_data"}});
        binary_file->file.read_all({out_data, out_capacity});
    });
}

QUIVER_C_API quiver_error_t quiver_binary_file_write_all(quiver_binary_file_t* binary_file, const double* data,
                                                         size_t data_count) {
    return guard([&] {
        require({{binary_file, "binary_file"}, {data, "data"}});
        binary_file->file.write_all({data, data_count});
    });
}

QUIVER_C_API quiver_error_t quiver_binary_file_get_metadata(quiver_binary_file_t* binary_file,
                                                            quiver_binary_metadata_t** out_metadata) {
    return guard([&] {
        require({{binary_file, "binary_file"}, {out_metadata, "out_metadata"}});
        *out_metadata = quiver_c::new_metadata(binary_file->file.get_metadata());
    });
}

QUIVER_C_API quiver_error_t quiver_binary_file_get_file_path(quiver_binary_file_t* binary_file, char** out_path) {
    return guard([&] {
        require({{binary_file, "binary_file"}, {out_path, "out_path"}});
        *out_path = quiver_c::copy_string(binary_file->file.get_file_path());
    });
}

QUIVER_C_API quiver_error_t quiver_binary_file_free_string(char* str) {
    std::free(str);
    return QUIVER_OK;
}

QUIVER_C_API quiver_error_t quiver_binary_file_free_float_array(double* values) {
    std::free(values);
    return QUIVER_OK;
}

}  // extern "C"
