/* Quiver C API: the rows of quiver_database_query (D25).
 *
 * quiver_result_t is opaque and owned by the caller: release it with quiver_result_free (NULL
 * accepted). Indexes are 0-based; an index out of range fails with
 * "Cannot result_<accessor>: row <r> out of range (<n> rows)" (or "column <c> ... columns").
 * Strings handed out (column names, string values) are borrowed from the result and valid until
 * quiver_result_free. value types: QUIVER_DATA_TYPE_INTEGER, _FLOAT, _STRING or _NULL. */
#ifndef QUIVER_C_RESULT_H
#define QUIVER_C_RESULT_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct quiver_result quiver_result_t;

QUIVER_C_API quiver_error_t quiver_result_row_count(const quiver_result_t* result, size_t* out_count);
QUIVER_C_API quiver_error_t quiver_result_column_count(const quiver_result_t* result, size_t* out_count);
QUIVER_C_API quiver_error_t quiver_result_column_name(const quiver_result_t* result, size_t column,
                                                      const char** out_name);
QUIVER_C_API quiver_error_t quiver_result_value_type(const quiver_result_t* result, size_t row, size_t column,
                                                     int* out_type);
/* *out_has_value = 1 and *out_value set only for an INTEGER cell. */
QUIVER_C_API quiver_error_t quiver_result_get_integer(const quiver_result_t* result, size_t row, size_t column,
                                                      int64_t* out_value, int* out_has_value);
/* A FLOAT cell, or an INTEGER cell widened to double; otherwise *out_has_value = 0. */
QUIVER_C_API quiver_error_t quiver_result_get_float(const quiver_result_t* result, size_t row, size_t column,
                                                    double* out_value, int* out_has_value);
/* Borrowed text of a STRING cell; NULL for any other cell. */
QUIVER_C_API quiver_error_t quiver_result_get_string(const quiver_result_t* result, size_t row, size_t column,
                                                     const char** out_value);
/* NULL accepted; always QUIVER_OK. */
QUIVER_C_API quiver_error_t quiver_result_free(quiver_result_t* result);

#ifdef __cplusplus
}
#endif

#endif /* QUIVER_C_RESULT_H */
