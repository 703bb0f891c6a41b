/* Quiver C API: the element builder used by create/update. */
#ifndef QUIVER_C_ELEMENT_H
#define QUIVER_C_ELEMENT_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct quiver_element quiver_element_t;

/* Allocates an element; release with quiver_element_destroy. */
QUIVER_C_API quiver_error_t quiver_element_create(quiver_element_t** out_element);
QUIVER_C_API quiver_error_t quiver_element_destroy(quiver_element_t* element);
QUIVER_C_API quiver_error_t quiver_element_clear(quiver_element_t* element);

QUIVER_C_API quiver_error_t quiver_element_set_integer(quiver_element_t* element, const char* name, int64_t value);
QUIVER_C_API quiver_error_t quiver_element_set_float(quiver_element_t* element, const char* name, double value);
QUIVER_C_API quiver_error_t quiver_element_set_string(quiver_element_t* element, const char* name, const char* value);
QUIVER_C_API quiver_error_t quiver_element_set_null(quiver_element_t* element, const char* name);

/* count == 0 gives an empty array (values may be NULL); count < 0, or NULL values with
 * count > 0, is an error. has_value: NULL = every cell holds a value (dense); otherwise
 * has_value[i] == 0 makes cell i SQL NULL and values[i] is not read. A NULL string entry
 * (with has_value NULL or has_value[i] != 0) becomes "". */
QUIVER_C_API quiver_error_t quiver_element_set_array_integer(quiver_element_t* element, const char* name,
                                                             const int64_t* values, int32_t count,
                                                             const uint8_t* has_value);
QUIVER_C_API quiver_error_t quiver_element_set_array_float(quiver_element_t* element, const char* name,
                                                           const double* values, int32_t count,
                                                           const uint8_t* has_value);
QUIVER_C_API quiver_error_t quiver_element_set_array_string(quiver_element_t* element, const char* name,
                                                            const char* const* values, int32_t count,
                                                            const uint8_t* has_value);

QUIVER_C_API quiver_error_t quiver_element_has_scalars(quiver_element_t* element, int* out_result);
QUIVER_C_API quiver_error_t quiver_element_has_arrays(quiver_element_t* element, int* out_result);
QUIVER_C_API quiver_error_t quiver_element_scalar_count(quiver_element_t* element, size_t* out_count);
QUIVER_C_API quiver_error_t quiver_element_array_count(quiver_element_t* element, size_t* out_count);
/* Allocates *out_string; release with quiver_database_free_string. */
QUIVER_C_API quiver_error_t quiver_element_to_string(quiver_element_t* element, char** out_string);

#ifdef __cplusplus
}
#endif

#endif /* QUIVER_C_ELEMENT_H */
