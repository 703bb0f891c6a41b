/* Quiver C API: metadata of binary time-series files (binary.md §6).
 *
 * Error model as the rest of the C API: every function returns QUIVER_OK or QUIVER_ERROR, sets
 * the thread's last error on failure and leaves out-parameters unchanged. Strings and arrays
 * returned are allocated by the library; release them with the matching _free_ function. */
#ifndef QUIVER_C_BINARY_BINARY_METADATA_H
#define QUIVER_C_BINARY_BINARY_METADATA_H

#include "../common.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct quiver_element quiver_element_t;

typedef enum {
    QUIVER_TIME_FREQUENCY_YEARLY = 0,
    QUIVER_TIME_FREQUENCY_MONTHLY = 1,
    QUIVER_TIME_FREQUENCY_WEEKLY = 2,
    QUIVER_TIME_FREQUENCY_DAILY = 3,
    QUIVER_TIME_FREQUENCY_HOURLY = 4
} quiver_time_frequency_t;

typedef struct {
    quiver_time_frequency_t frequency;
    int64_t initial_value;
    int64_t parent_dimension_index; /* 0-based; -1 = outermost */
} quiver_time_properties_t;

typedef struct {
    const char* name; /* owned by the struct: release with quiver_binary_metadata_free_dimension */
    int64_t size;
    int is_time_dimension;
    quiver_time_properties_t time_properties; /* zeroed unless is_time_dimension */
} quiver_dimension_t;

typedef struct quiver_binary_metadata quiver_binary_metadata_t;

/* Empty metadata: version "", unit "", initial datetime 1970-01-01T00:00:00. */
QUIVER_C_API quiver_error_t quiver_binary_metadata_create(quiver_binary_metadata_t** out_metadata);
/* NULL is allowed. */
QUIVER_C_API quiver_error_t quiver_binary_metadata_free(quiver_binary_metadata_t* metadata);
/* toml is the sidecar TEXT, not a path. */
QUIVER_C_API quiver_error_t quiver_binary_metadata_from_toml(const char* toml, quiver_binary_metadata_t** out_metadata);
QUIVER_C_API quiver_error_t quiver_binary_metadata_from_element(quiver_element_t* element,
                                                                quiver_binary_metadata_t** out_metadata);
/* Validates first. Release *out_toml with quiver_binary_metadata_free_string. */
QUIVER_C_API quiver_error_t quiver_binary_metadata_to_toml(quiver_binary_metadata_t* metadata, char** out_toml);

QUIVER_C_API quiver_error_t quiver_binary_metadata_set_initial_datetime(quiver_binary_metadata_t* metadata,
                                                                        const char* iso8601);
QUIVER_C_API quiver_error_t quiver_binary_metadata_set_unit(quiver_binary_metadata_t* metadata, const char* unit);
QUIVER_C_API quiver_error_t quiver_binary_metadata_set_version(quiver_binary_metadata_t* metadata, const char* version);
/* Replaces every label; labels may be NULL when count is 0. */
QUIVER_C_API quiver_error_t quiver_binary_metadata_set_labels(quiver_binary_metadata_t* metadata,
                                                              const char* const* labels, size_t count);
/* Builders; neither validates (validation happens when the metadata is used). */
QUIVER_C_API quiver_error_t quiver_binary_metadata_add_dimension(quiver_binary_metadata_t* metadata, const char* name,
                                                                 int64_t size);
QUIVER_C_API quiver_error_t quiver_binary_metadata_add_time_dimension(quiver_binary_metadata_t* metadata,
                                                                      const char* name, int64_t size,
                                                                      const char* frequency);

/* New strings; release with quiver_binary_metadata_free_string. */
QUIVER_C_API quiver_error_t quiver_binary_metadata_get_unit(quiver_binary_metadata_t* metadata, char** out_unit);
QUIVER_C_API quiver_error_t quiver_binary_metadata_get_version(quiver_binary_metadata_t* metadata, char** out_version);
QUIVER_C_API quiver_error_t quiver_binary_metadata_get_initial_datetime(quiver_binary_metadata_t* metadata,
                                                                        char** out_datetime);
QUIVER_C_API quiver_error_t quiver_binary_metadata_get_number_of_time_dimensions(quiver_binary_metadata_t* metadata,
                                                                                 int64_t* out_count);
/* Empty -> NULL, 0. Release with quiver_binary_metadata_free_string_array. */
QUIVER_C_API quiver_error_t quiver_binary_metadata_get_labels(quiver_binary_metadata_t* metadata, char*** out_labels,
                                                              size_t* out_count);
QUIVER_C_API quiver_error_t quiver_binary_metadata_get_dimension_count(quiver_binary_metadata_t* metadata,
                                                                       size_t* out_count);
/* 0-based index. out->name is allocated: release with quiver_binary_metadata_free_dimension. */
QUIVER_C_API quiver_error_t quiver_binary_metadata_get_dimension(quiver_binary_metadata_t* metadata, size_t index,
                                                                 quiver_dimension_t* out_dimension);
/* Product of the dimension sizes times the label count (B16). */
QUIVER_C_API quiver_error_t quiver_binary_metadata_get_value_count(quiver_binary_metadata_t* metadata,
                                                                   size_t* out_count);

/* NULL is allowed. */
QUIVER_C_API quiver_error_t quiver_binary_metadata_free_string(char* str);
QUIVER_C_API quiver_error_t quiver_binary_metadata_free_string_array(char** strings, size_t count);
/* Frees dimension->name and sets it to NULL. */
QUIVER_C_API quiver_error_t quiver_binary_metadata_free_dimension(quiver_dimension_t* dimension);

#ifdef __cplusplus
}
#endif

#endif /* QUIVER_C_BINARY_BINARY_METADATA_H */
