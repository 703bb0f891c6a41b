/* Quiver C API: binary file pairs P.qvr + P.toml (binary.md §6, §9.2).
 *
 * Modes: 'r' (existing pair, read-only) and 'w' (writes P.toml, recreates P.qvr filled with NaN).
 * Coordinates are 1-based. The map-style read/write take parallel name/value arrays; the fast
 * path read_at/write_at takes indices in metadata dimension order and caller-owned buffers. */
#ifndef QUIVER_C_BINARY_BINARY_FILE_H
#define QUIVER_C_BINARY_BINARY_FILE_H

#include "binary_metadata.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct quiver_binary_file quiver_binary_file_t;

/* metadata may be NULL (required for 'w'); it is copied, the caller keeps ownership. */
QUIVER_C_API quiver_error_t quiver_binary_file_open_file(const char* path, char mode, quiver_binary_metadata_t* metadata,
                                                         quiver_binary_file_t** out_file);
/* A closed handle on path; nothing on disk is touched. */
QUIVER_C_API quiver_error_t quiver_binary_file_create(const char* path, quiver_binary_file_t** out_file);
QUIVER_C_API quiver_error_t quiver_binary_file_open(quiver_binary_file_t* binary_file, char mode,
                                                    quiver_binary_metadata_t* metadata);
/* Closes AND destroys the handle. NULL is allowed; always QUIVER_OK. */
QUIVER_C_API quiver_error_t quiver_binary_file_close(quiver_binary_file_t* binary_file);
QUIVER_C_API quiver_error_t quiver_binary_file_is_open(quiver_binary_file_t* binary_file, int* out_is_open);

/* *out_data holds *out_count (= label count) values; release with quiver_binary_file_free_float_array.
 * dim_names/dim_values may be NULL when dim_count is 0. */
QUIVER_C_API quiver_error_t quiver_binary_file_read(quiver_binary_file_t* binary_file, const char* const* dim_names,
                                                    const int64_t* dim_values, size_t dim_count, int allow_nulls,
                                                    double** out_data, size_t* out_count);
QUIVER_C_API quiver_error_t quiver_binary_file_write(quiver_binary_file_t* binary_file, const char* const* dim_names,
                                                     const int64_t* dim_values, size_t dim_count, const double* data,
                                                     size_t data_count);

/* Fast path (B16): no allocation. out_capacity/data_count must equal the label count
 * (read_all/write_all: the value count). */
QUIVER_C_API quiver_error_t quiver_binary_file_read_at(quiver_binary_file_t* binary_file, const int64_t* indices,
                                                       size_t index_count, int allow_nulls, double* out_data,
                                                       size_t out_capacity);
QUIVER_C_API quiver_error_t quiver_binary_file_write_at(quiver_binary_file_t* binary_file, const int64_t* indices,
                                                        size_t index_count, const double* data, size_t data_count);
QUIVER_C_API quiver_error_t quiver_binary_file_read_all(quiver_binary_file_t* binary_file, double* out_data,
                                                        size_t out_capacity);
QUIVER_C_API quiver_error_t quiver_binary_file_write_all(quiver_binary_file_t* binary_file, const double* data,
                                                         size_t data_count);

/* A copy; release with quiver_binary_metadata_free. */
QUIVER_C_API quiver_error_t quiver_binary_file_get_metadata(quiver_binary_file_t* binary_file,
                                                            quiver_binary_metadata_t** out_metadata);
/* Release with quiver_binary_file_free_string. */
QUIVER_C_API quiver_error_t quiver_binary_file_get_file_path(quiver_binary_file_t* binary_file, char** out_path);
/* NULL is allowed. */
QUIVER_C_API quiver_error_t quiver_binary_file_free_string(char* str);
QUIVER_C_API quiver_error_t quiver_binary_file_free_float_array(double* values);

#ifdef __cplusplus
}
#endif

#endif /* QUIVER_C_BINARY_BINARY_FILE_H */
