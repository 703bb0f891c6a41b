/* Quiver C API: the database handle and every database operation.
 *
 * Ownership: every pointer the library returns is allocated by the library and must be
 * released with the matching quiver_database_free_* function (see docs/c_api.md). Empty
 * results set counts to 0 and array out-pointers to NULL; skip the free in that case. */
#ifndef QUIVER_C_DATABASE_H
#define QUIVER_C_DATABASE_H

#include "common.h"
#include "options.h"
#include "result.h"

#include <stdbool.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
    QUIVER_DATA_STRUCTURE_SCALAR = 0,
    QUIVER_DATA_STRUCTURE_VECTOR = 1,
    QUIVER_DATA_STRUCTURE_SET = 2
} quiver_data_structure_t;

typedef enum {
    QUIVER_DATA_TYPE_INTEGER = 0,
    QUIVER_DATA_TYPE_FLOAT = 1,
    QUIVER_DATA_TYPE_STRING = 2,
    QUIVER_DATA_TYPE_DATE_TIME = 3,
    QUIVER_DATA_TYPE_NULL = 4
} quiver_data_type_t;

typedef struct quiver_database quiver_database_t;
typedef struct quiver_element quiver_element_t;

typedef struct {
    const char* name;
    quiver_data_type_t data_type;
    int not_null;
    int primary_key;
    const char* default_value;         /* NULL if no default */
    int is_foreign_key;
    const char* references_collection; /* NULL if not a foreign key */
    const char* references_column;     /* NULL if not a foreign key */
} quiver_scalar_metadata_t;

typedef struct {
    const char* group_name;
    const char* dimension_column; /* NULL for vector and set groups */
    quiver_scalar_metadata_t* value_columns;
    size_t value_column_count;
} quiver_group_metadata_t;

/* Lifecycle. options == NULL means quiver_database_options_default(). quiver_database_open opens
 * an existing file only: a missing path fails with "Database not found: <path>" and creates
 * nothing (":memory:" excepted); from_schema and from_migrations create the file. */
QUIVER_C_API quiver_error_t quiver_database_open(const char* path, const quiver_database_options_t* options,
                                                 quiver_database_t** out_db);
QUIVER_C_API quiver_error_t quiver_database_from_migrations(const char* db_path, const char* migrations_path,
                                                            const quiver_database_options_t* options,
                                                            quiver_database_t** out_db);
QUIVER_C_API quiver_error_t quiver_database_from_schema(const char* db_path, const char* schema_path,
                                                        const quiver_database_options_t* options,
                                                        quiver_database_t** out_db);
/* NULL accepted; always QUIVER_OK. */
QUIVER_C_API quiver_error_t quiver_database_close(quiver_database_t* db);
QUIVER_C_API quiver_error_t quiver_database_is_healthy(quiver_database_t* db, int* out_healthy);
/* Borrowed pointer owned by the handle; never free. */
QUIVER_C_API quiver_error_t quiver_database_path(quiver_database_t* db, const char** out_path);

/* Transactions. */
QUIVER_C_API quiver_error_t quiver_database_begin_transaction(quiver_database_t* db);
QUIVER_C_API quiver_error_t quiver_database_commit(quiver_database_t* db);
QUIVER_C_API quiver_error_t quiver_database_rollback(quiver_database_t* db);
/* *out_active = 1 while a transaction is open, else 0. */
QUIVER_C_API quiver_error_t quiver_database_in_transaction(quiver_database_t* db, int* out_active);

/* Dry runs (D16): everything done between begin and end is rolled back (also on close). */
QUIVER_C_API quiver_error_t quiver_database_begin_dry_run(quiver_database_t* db);
QUIVER_C_API quiver_error_t quiver_database_end_dry_run(quiver_database_t* db);
QUIVER_C_API quiver_error_t quiver_database_in_dry_run(quiver_database_t* db, int* out_active);

/* Version (PRAGMA user_version). */
QUIVER_C_API quiver_error_t quiver_database_current_version(quiver_database_t* db, int64_t* out_version);

/* Element operations. */
QUIVER_C_API quiver_error_t quiver_database_create_element(quiver_database_t* db, const char* collection,
                                                           quiver_element_t* element, int64_t* out_id);
QUIVER_C_API quiver_error_t quiver_database_update_element(quiver_database_t* db, const char* collection,
                                                           int64_t id, const quiver_element_t* element);
QUIVER_C_API quiver_error_t quiver_database_delete_element(quiver_database_t* db, const char* collection,
                                                           int64_t id);
/* Label forms: the element is found by its label (trimmed) after the collection check
 * ("Element not found: label '<label>' in collection '<C>'"), then as the id forms. */
QUIVER_C_API quiver_error_t quiver_database_update_element_by_label(quiver_database_t* db, const char* collection,
                                                                    const char* label,
                                                                    const quiver_element_t* element);
QUIVER_C_API quiver_error_t quiver_database_delete_element_by_label(quiver_database_t* db, const char* collection,
                                                                    const char* label);
/* Sets one scalar foreign key <lowercase collection_to>_<relation_type> of an element of
 * collection_from to the element of collection_to labelled target_label; NULL target_label clears. */
QUIVER_C_API quiver_error_t quiver_database_update_relation(quiver_database_t* db, const char* collection_from,
                                                            const char* collection_to, const char* relation_type,
                                                            int64_t id, const char* target_label);
QUIVER_C_API quiver_error_t quiver_database_update_relation_by_label(quiver_database_t* db,
                                                                     const char* collection_from,
                                                                     const char* collection_to,
                                                                     const char* relation_type, const char* label,
                                                                     const char* target_label);

/* Bulk reads: one entry per element in read_element_ids order. Scalar masks: 1 = value
 * present, 0 = NULL (the value slot is a placeholder). Vector/set entries of length 0 are NULL. */
QUIVER_C_API quiver_error_t quiver_database_read_scalar_integers(quiver_database_t* db, const char* collection,
                                                                 const char* attribute, int64_t** out_values,
                                                                 uint8_t** out_mask, size_t* out_count);
QUIVER_C_API quiver_error_t quiver_database_read_scalar_floats(quiver_database_t* db, const char* collection,
                                                               const char* attribute, double** out_values,
                                                               uint8_t** out_mask, size_t* out_count);
QUIVER_C_API quiver_error_t quiver_database_read_scalar_strings(quiver_database_t* db, const char* collection,
                                                                const char* attribute, char*** out_values,
                                                                size_t* out_count);
QUIVER_C_API quiver_error_t quiver_database_read_vector_integers(quiver_database_t* db, const char* collection,
                                                                 const char* attribute, int64_t*** out_vectors,
                                                                 size_t** out_sizes, size_t* out_count);
QUIVER_C_API quiver_error_t quiver_database_read_vector_floats(quiver_database_t* db, const char* collection,
                                                               const char* attribute, double*** out_vectors,
                                                               size_t** out_sizes, size_t* out_count);
QUIVER_C_API quiver_error_t quiver_database_read_vector_strings(quiver_database_t* db, const char* collection,
                                                                const char* attribute, char**** out_vectors,
                                                                size_t** out_sizes, size_t* out_count);
QUIVER_C_API quiver_error_t quiver_database_read_set_integers(quiver_database_t* db, const char* collection,
                                                              const char* attribute, int64_t*** out_sets,
                                                              size_t** out_sizes, size_t* out_count);
QUIVER_C_API quiver_error_t quiver_database_read_set_floats(quiver_database_t* db, const char* collection,
                                                            const char* attribute, double*** out_sets,
                                                            size_t** out_sizes, size_t* out_count);
QUIVER_C_API quiver_error_t quiver_database_read_set_strings(quiver_database_t* db, const char* collection,
                                                             const char* attribute, char**** out_sets,
                                                             size_t** out_sizes, size_t* out_count);

/* By-id reads. Scalars: *out_has_value = 0 for a missing id, NULL, or another storage class. */
QUIVER_C_API quiver_error_t quiver_database_read_scalar_integer_by_id(quiver_database_t* db, const char* collection,
                                                                      const char* attribute, int64_t id,
                                                                      int64_t* out_value, int* out_has_value);
QUIVER_C_API quiver_error_t quiver_database_read_scalar_float_by_id(quiver_database_t* db, const char* collection,
                                                                    const char* attribute, int64_t id,
                                                                    double* out_value, int* out_has_value);
QUIVER_C_API quiver_error_t quiver_database_read_scalar_string_by_id(quiver_database_t* db, const char* collection,
                                                                     const char* attribute, int64_t id,
                                                                     char** out_value, int* out_has_value);
QUIVER_C_API quiver_error_t quiver_database_read_vector_integers_by_id(quiver_database_t* db, const char* collection,
                                                                       const char* attribute, int64_t id,
                                                                       int64_t** out_values, size_t* out_count);
QUIVER_C_API quiver_error_t quiver_database_read_vector_floats_by_id(quiver_database_t* db, const char* collection,
                                                                     const char* attribute, int64_t id,
                                                                     double** out_values, size_t* out_count);
QUIVER_C_API quiver_error_t quiver_database_read_vector_strings_by_id(quiver_database_t* db, const char* collection,
                                                                      const char* attribute, int64_t id,
                                                                      char*** out_values, size_t* out_count);
QUIVER_C_API quiver_error_t quiver_database_read_set_integers_by_id(quiver_database_t* db, const char* collection,
                                                                    const char* attribute, int64_t id,
                                                                    int64_t** out_values, size_t* out_count);
QUIVER_C_API quiver_error_t quiver_database_read_set_floats_by_id(quiver_database_t* db, const char* collection,
                                                                  const char* attribute, int64_t id,
                                                                  double** out_values, size_t* out_count);
QUIVER_C_API quiver_error_t quiver_database_read_set_strings_by_id(quiver_database_t* db, const char* collection,
                                                                   const char* attribute, int64_t id,
                                                                   char*** out_values, size_t* out_count);

/* Ids in rowid order. */
QUIVER_C_API quiver_error_t quiver_database_read_element_ids(quiver_database_t* db, const char* collection,
                                                             int64_t** out_ids, size_t* out_count);
/* SELECT COUNT(*) of the collection (any table of the schema), never cached. */
QUIVER_C_API quiver_error_t quiver_database_number_of_elements(quiver_database_t* db, const char* collection,
                                                               int64_t* out_count);
/* QUIVER_OK when the collection has element `id`; else "Element not found: <id> in collection
 * '<C>'" (or "Cannot require_element: collection not found: <C>"). For callers composing several
 * reads of one element. Null-checked: db, collection. */
QUIVER_C_API quiver_error_t quiver_database_require_element(quiver_database_t* db, const char* collection, int64_t id);

/* Columnar bulk reads and creates (docs/c_api.md, "Columnar bulk reads and creates"): every
 * element of a collection or group in one call, one contiguous array per column.
 *
 * A quiver_columns_t is an opaque result owned by the caller (release with quiver_columns_free).
 * Its accessors hand out borrowed pointers, valid until quiver_columns_free; every column has a
 * presence mask (1 = value, 0 = SQL NULL; the data slot then holds 0, 0.0 or ""). With no rows
 * the pointers may be NULL. Column types: 0 INTEGER, 1 FLOAT, 2 STRING, 3 DATE_TIME.
 * read_scalar_columns: "id", then `attributes` in the given order (attribute_count == 0: every
 *   other column of the collection, alphabetically); one row per element in id order.
 * read_vector_columns: "id", "vector_index" (as stored, 1-based), the value columns.
 * read_set_columns: "id", the value columns. read_time_series_columns: "id", the dimension
 *   (DATE_TIME), the value columns, ordered by id and dimension. */
typedef struct quiver_columns quiver_columns_t;

QUIVER_C_API quiver_error_t quiver_database_read_scalar_columns(quiver_database_t* db, const char* collection,
                                                                const char* const* attributes,
                                                                size_t attribute_count,
                                                                quiver_columns_t** out_columns);
QUIVER_C_API quiver_error_t quiver_database_read_vector_columns(quiver_database_t* db, const char* collection,
                                                                const char* group, quiver_columns_t** out_columns);
QUIVER_C_API quiver_error_t quiver_database_read_set_columns(quiver_database_t* db, const char* collection,
                                                             const char* group, quiver_columns_t** out_columns);
QUIVER_C_API quiver_error_t quiver_database_read_time_series_columns(quiver_database_t* db, const char* collection,
                                                                     const char* group,
                                                                     quiver_columns_t** out_columns);
/* Every row of the first statement of sql as typed columns, the statement run once (parameters,
 * errors and dry-run rules as quiver_database_query). A column's type follows its cells: only
 * INTEGER (and NULL) is INTEGER; INTEGER and REAL is FLOAT (integers widened); only TEXT is
 * STRING; all NULL (or no rows) is STRING with every mask 0. A column mixing TEXT with numbers is
 * STRING: TEXT cells as stored, INTEGER in decimal, REAL in the shortest text that reads back to
 * the same double ("2.5", "1.0", "1e+300", "inf"); quiver_columns_get_cell_types tells them apart. */
QUIVER_C_API quiver_error_t quiver_database_query_columns(quiver_database_t* db, const char* sql,
                                                         const int* param_types, const void* const* param_values,
                                                         size_t param_count, quiver_columns_t** out_columns);
QUIVER_C_API quiver_error_t quiver_columns_row_count(const quiver_columns_t* columns, size_t* out_count);
QUIVER_C_API quiver_error_t quiver_columns_column_count(const quiver_columns_t* columns, size_t* out_count);
QUIVER_C_API quiver_error_t quiver_columns_column_name(const quiver_columns_t* columns, size_t column,
                                                       const char** out_name);
QUIVER_C_API quiver_error_t quiver_columns_column_type(const quiver_columns_t* columns, size_t column,
                                                       int* out_type);
/* INTEGER columns. */
QUIVER_C_API quiver_error_t quiver_columns_get_integers(const quiver_columns_t* columns, size_t column,
                                                        const int64_t** out_values, const uint8_t** out_has_value);
/* FLOAT columns. */
QUIVER_C_API quiver_error_t quiver_columns_get_floats(const quiver_columns_t* columns, size_t column,
                                                      const double** out_values, const uint8_t** out_has_value);
/* STRING and DATE_TIME columns, packed: cell r is the NUL-terminated text at out_text + out_offsets[r];
 * *out_text_size counts every byte including the terminators. */
QUIVER_C_API quiver_error_t quiver_columns_get_strings(const quiver_columns_t* columns, size_t column,
                                                       const char** out_text, const size_t** out_offsets,
                                                       size_t* out_text_size, const uint8_t** out_has_value);
/* STRING and DATE_TIME columns as microseconds since 1970-01-01T00:00:00 UTC (a value without a
 * zone is UTC; fractions truncated to microseconds), converted on the first call. A cell that is
 * not a date-time (D22) fails with "Cannot convert_date_times: invalid date-time '<v>' for
 * column '<c>' row <r>: expected YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS". */
QUIVER_C_API quiver_error_t quiver_columns_get_date_times(quiver_columns_t* columns, size_t column,
                                                          const int64_t** out_microseconds,
                                                          const uint8_t** out_has_value);
/* Only a query_columns column mixing TEXT with numbers: one code per row, the cell's storage
 * class (QUIVER_DATA_TYPE_INTEGER, _FLOAT, _STRING or _NULL); NULL for every other column. */
QUIVER_C_API quiver_error_t quiver_columns_get_cell_types(const quiver_columns_t* columns, size_t column,
                                                         const uint8_t** out_cell_types);
/* NULL accepted. */
QUIVER_C_API quiver_error_t quiver_columns_free(quiver_columns_t* columns);

/* Creates row_count elements, all or nothing, and writes their ids to out_ids (row_count
 * entries, caller-owned). Columns as the columnar group writers (column_types 0-4, data int64_t*,
 * double* or char**, column_has_value NULL or per column NULL = dense, 0 = SQL NULL), plus:
 * column_offsets == NULL or column_offsets[c] == NULL makes column c scalar (row_count cells); a
 * non-NULL column_offsets[c] makes it an array column of row_count + 1 nondecreasing offsets
 * starting at 0, row r's array being cells offsets[r] .. offsets[r+1]-1 of data[c] and
 * has_value[c] (an empty array is left out). A NULL scalar cell is stored as NULL. A failing row:
 * "Cannot create_elements: row <r>: <create_element's message>". progress (may be NULL) is called
 * about a hundred times with the rows done so far, the total and user_data; it must not use db. */
typedef void (*quiver_progress_t)(size_t done, size_t total, void* user_data);
QUIVER_C_API quiver_error_t quiver_database_create_elements(quiver_database_t* db, const char* collection,
                                                            const char* const* column_names, const int* column_types,
                                                            const void* const* column_data,
                                                            const uint8_t* const* column_has_value,
                                                            const size_t* const* column_offsets,
                                                            size_t column_count, size_t row_count, int64_t* out_ids,
                                                            quiver_progress_t progress, void* user_data);

/* Metadata. get_* fill a caller-owned struct; list_* allocate an array. */
QUIVER_C_API quiver_error_t quiver_database_get_scalar_metadata(quiver_database_t* db, const char* collection,
                                                                const char* attribute,
                                                                quiver_scalar_metadata_t* out_metadata);
QUIVER_C_API quiver_error_t quiver_database_get_vector_metadata(quiver_database_t* db, const char* collection,
                                                                const char* group_name,
                                                                quiver_group_metadata_t* out_metadata);
QUIVER_C_API quiver_error_t quiver_database_get_set_metadata(quiver_database_t* db, const char* collection,
                                                             const char* group_name,
                                                             quiver_group_metadata_t* out_metadata);
QUIVER_C_API quiver_error_t quiver_database_get_time_series_metadata(quiver_database_t* db, const char* collection,
                                                                     const char* group_name,
                                                                     quiver_group_metadata_t* out_metadata);
QUIVER_C_API quiver_error_t quiver_database_free_scalar_metadata(quiver_scalar_metadata_t* metadata);
QUIVER_C_API quiver_error_t quiver_database_free_group_metadata(quiver_group_metadata_t* metadata);
QUIVER_C_API quiver_error_t quiver_database_list_scalar_attributes(quiver_database_t* db, const char* collection,
                                                                   quiver_scalar_metadata_t** out_metadata,
                                                                   size_t* out_count);
QUIVER_C_API quiver_error_t quiver_database_list_vector_groups(quiver_database_t* db, const char* collection,
                                                               quiver_group_metadata_t** out_metadata,
                                                               size_t* out_count);
QUIVER_C_API quiver_error_t quiver_database_list_set_groups(quiver_database_t* db, const char* collection,
                                                            quiver_group_metadata_t** out_metadata,
                                                            size_t* out_count);
QUIVER_C_API quiver_error_t quiver_database_list_time_series_groups(quiver_database_t* db, const char* collection,
                                                                    quiver_group_metadata_t** out_metadata,
                                                                    size_t* out_count);
QUIVER_C_API quiver_error_t quiver_database_free_scalar_metadata_array(quiver_scalar_metadata_t* metadata,
                                                                       size_t count);
QUIVER_C_API quiver_error_t quiver_database_free_group_metadata_array(quiver_group_metadata_t* metadata,
                                                                      size_t count);

/* Time series (columnar; docs/c_api_columnar.md). Column 0 is the dimension (STRING);
 * then value columns alphabetically. Data per column: int64_t* (INTEGER), double* (FLOAT),
 * char** (STRING, DATE_TIME); has_value per column: uint8_t*, 1 = value, 0 = SQL NULL (the data
 * slot then holds 0, 0.0 or a NULL char*).
 * Read: every column has a mask; no rows -> all four arrays NULL and both counts 0. Release with
 * quiver_database_free_time_series_data. A value of another storage class than the column's
 * type fails ("Cannot read_time_series_group: column '<c>' row <r> holds a TEXT value,
 * expected FLOAT"); REAL in an INTEGER column is truncated, INTEGER in a FLOAT column widened.
 * Update: column_count == 0 && row_count == 0 clears; columns without rows are an error (a
 * typo can never wipe the group). column_has_value == NULL or column_has_value[c] == NULL is
 * dense; column_has_value[c][r] == 0, a NULL column_data[c], type code 4 (NULL) or a NULL char*
 * is SQL NULL and the data slot is not read. A column with no value at all may carry any type
 * code 0-4. */
QUIVER_C_API quiver_error_t quiver_database_read_time_series_group(quiver_database_t* db, const char* collection,
                                                                   const char* group, int64_t id,
                                                                   char*** out_column_names, int** out_column_types,
                                                                   void*** out_column_data,
                                                                   uint8_t*** out_column_has_value,
                                                                   size_t* out_column_count, size_t* out_row_count);
QUIVER_C_API quiver_error_t quiver_database_update_time_series_group(quiver_database_t* db, const char* collection,
                                                                     const char* group, int64_t id,
                                                                     const char* const* column_names,
                                                                     const int* column_types,
                                                                     const void* const* column_data,
                                                                     const uint8_t* const* column_has_value,
                                                                     size_t column_count, size_t row_count);
/* The same by label (api-additions 8): "Element not found: label '<label>' in collection '<C>'". */
QUIVER_C_API quiver_error_t quiver_database_update_time_series_group_by_label(
    quiver_database_t* db, const char* collection, const char* group, const char* label,
    const char* const* column_names, const int* column_types, const void* const* column_data,
    const uint8_t* const* column_has_value, size_t column_count, size_t row_count);

/* One time-series row (api-additions 4.2): per element (read_element_ids order) the value of
 * `attribute` in its last row at or before date_time (a valid DATE_TIME) where it is not NULL.
 * *out_data_type is the attribute's type code; *out_values is int64_t*, double* or char** by
 * that type, *out_has_value a mask (0 = no value; placeholders 0, NaN, NULL char*). Free with
 * quiver_database_free_integer_array / _float_array / _string_array(values, count) and
 * quiver_database_free_mask. No elements: both NULL, count 0. */
QUIVER_C_API quiver_error_t quiver_database_read_time_series_row(quiver_database_t* db, const char* collection,
                                                                 const char* group, const char* attribute,
                                                                 const char* date_time, int* out_data_type,
                                                                 void** out_values, uint8_t** out_has_value,
                                                                 size_t* out_count);
/* Insert or update one row (api-additions 4.3, D19): column_data[c] points to ONE value
 * (int64_t*, double*, const char* const*); type code 4 or a NULL char* is SQL NULL. The row must
 * name the key (dimension and further primary-key columns); an existing row changes only the
 * named value columns. */
QUIVER_C_API quiver_error_t quiver_database_upsert_time_series_row(quiver_database_t* db, const char* collection,
                                                                   const char* group, int64_t id,
                                                                   const char* const* column_names,
                                                                   const int* column_types,
                                                                   const void* const* column_data,
                                                                   size_t column_count);
QUIVER_C_API quiver_error_t quiver_database_upsert_time_series_row_by_label(
    quiver_database_t* db, const char* collection, const char* group, const char* label,
    const char* const* column_names, const int* column_types, const void* const* column_data, size_t column_count);

/* Whole vector and set groups (api-additions 3, columnar as above without a dimension): value
 * columns in metadata order, NULL cells masked; vectors in vector_index order, sets in insertion
 * order; release with quiver_database_free_time_series_data. The writers replace all of the
 * element's rows in exactly that group (0 columns and 0 rows clears); the core types the values
 * (type codes are not compared with the schema; STRING cells of an FK column are labels). */
QUIVER_C_API quiver_error_t quiver_database_read_vector_group_by_id(quiver_database_t* db, const char* collection,
                                                                    const char* group, int64_t id,
                                                                    char*** out_column_names, int** out_column_types,
                                                                    void*** out_column_data,
                                                                    uint8_t*** out_column_has_value,
                                                                    size_t* out_column_count, size_t* out_row_count);
QUIVER_C_API quiver_error_t quiver_database_read_set_group_by_id(quiver_database_t* db, const char* collection,
                                                                 const char* group, int64_t id,
                                                                 char*** out_column_names, int** out_column_types,
                                                                 void*** out_column_data,
                                                                 uint8_t*** out_column_has_value,
                                                                 size_t* out_column_count, size_t* out_row_count);
QUIVER_C_API quiver_error_t quiver_database_update_vector_group(quiver_database_t* db, const char* collection,
                                                                const char* group, int64_t id,
                                                                const char* const* column_names,
                                                                const int* column_types,
                                                                const void* const* column_data,
                                                                const uint8_t* const* column_has_value,
                                                                size_t column_count, size_t row_count);
QUIVER_C_API quiver_error_t quiver_database_update_set_group(quiver_database_t* db, const char* collection,
                                                             const char* group, int64_t id,
                                                             const char* const* column_names, const int* column_types,
                                                             const void* const* column_data,
                                                             const uint8_t* const* column_has_value,
                                                             size_t column_count, size_t row_count);
QUIVER_C_API quiver_error_t quiver_database_update_vector_group_by_label(
    quiver_database_t* db, const char* collection, const char* group, const char* label,
    const char* const* column_names, const int* column_types, const void* const* column_data,
    const uint8_t* const* column_has_value, size_t column_count, size_t row_count);
QUIVER_C_API quiver_error_t quiver_database_update_set_group_by_label(
    quiver_database_t* db, const char* collection, const char* group, const char* label,
    const char* const* column_names, const int* column_types, const void* const* column_data,
    const uint8_t* const* column_has_value, size_t column_count, size_t row_count);

/* Releases any columnar read result. All-NULL input is QUIVER_OK; NULL slots are tolerated. */
QUIVER_C_API quiver_error_t quiver_database_free_time_series_data(char** column_names, int* column_types,
                                                                  void** column_data, uint8_t** column_has_value,
                                                                  size_t column_count, size_t row_count);
QUIVER_C_API quiver_error_t quiver_database_has_time_series_files(quiver_database_t* db, const char* collection,
                                                                  int* out_result);
QUIVER_C_API quiver_error_t quiver_database_list_time_series_files_columns(quiver_database_t* db,
                                                                           const char* collection,
                                                                           char*** out_columns, size_t* out_count);
QUIVER_C_API quiver_error_t quiver_database_read_time_series_files(quiver_database_t* db, const char* collection,
                                                                   char*** out_columns, char*** out_paths,
                                                                   size_t* out_count);
QUIVER_C_API quiver_error_t quiver_database_update_time_series_files(quiver_database_t* db, const char* collection,
                                                                     const char* const* columns,
                                                                     const char* const* paths, size_t count);
QUIVER_C_API quiver_error_t quiver_database_free_time_series_files(char** columns, char** paths, size_t count);

/* Free functions for read results. */
QUIVER_C_API quiver_error_t quiver_database_free_integer_array(int64_t* values);
QUIVER_C_API quiver_error_t quiver_database_free_float_array(double* values);
QUIVER_C_API quiver_error_t quiver_database_free_string_array(char** values, size_t count);
QUIVER_C_API quiver_error_t quiver_database_free_mask(uint8_t* mask);
QUIVER_C_API quiver_error_t quiver_database_free_string(char* str);
QUIVER_C_API quiver_error_t quiver_database_free_integer_vectors(int64_t** vectors, size_t* sizes, size_t count);
QUIVER_C_API quiver_error_t quiver_database_free_float_vectors(double** vectors, size_t* sizes, size_t count);
QUIVER_C_API quiver_error_t quiver_database_free_string_vectors(char*** vectors, size_t* sizes, size_t count);

/* CSV. group = "" addresses the collection's scalar table; options may not be NULL. */
QUIVER_C_API quiver_error_t quiver_database_export_csv(quiver_database_t* db, const char* collection,
                                                       const char* group, const char* path,
                                                       const quiver_csv_options_t* options);
QUIVER_C_API quiver_error_t quiver_database_import_csv(quiver_database_t* db, const char* collection,
                                                       const char* group, const char* path,
                                                       const quiver_csv_options_t* options);

/* Queries: first column of the first row. param_types: 0 INTEGER, 1 FLOAT, 2 STRING, 4 NULL. */
QUIVER_C_API quiver_error_t quiver_database_query_string(quiver_database_t* db, const char* sql, char** out_value,
                                                         int* out_has_value);
QUIVER_C_API quiver_error_t quiver_database_query_integer(quiver_database_t* db, const char* sql,
                                                          int64_t* out_value, int* out_has_value);
QUIVER_C_API quiver_error_t quiver_database_query_float(quiver_database_t* db, const char* sql, double* out_value,
                                                        int* out_has_value);
QUIVER_C_API quiver_error_t quiver_database_query_string_params(quiver_database_t* db, const char* sql,
                                                                const int* param_types,
                                                                const void* const* param_values,
                                                                size_t param_count, char** out_value,
                                                                int* out_has_value);
QUIVER_C_API quiver_error_t quiver_database_query_integer_params(quiver_database_t* db, const char* sql,
                                                                 const int* param_types,
                                                                 const void* const* param_values,
                                                                 size_t param_count, int64_t* out_value,
                                                                 int* out_has_value);
QUIVER_C_API quiver_error_t quiver_database_query_float_params(quiver_database_t* db, const char* sql,
                                                               const int* param_types,
                                                               const void* const* param_values,
                                                               size_t param_count, double* out_value,
                                                               int* out_has_value);

/* Every row of the first statement (D25); parameters as for the query_*_params functions.
 * *out_result is a new handle owned by the caller (quiver_result_free; accessors in result.h). */
QUIVER_C_API quiver_error_t quiver_database_query(quiver_database_t* db, const char* sql, const int* param_types,
                                                  const void* const* param_values, size_t param_count,
                                                  quiver_result_t** out_result);

/* Inspection reports (D17): *out_report is a newly allocated text (every line ends with '\n');
 * free it with quiver_database_free_string. Nothing is printed. */
QUIVER_C_API quiver_error_t quiver_database_describe(quiver_database_t* db, char** out_report);
QUIVER_C_API quiver_error_t quiver_database_describe_collection(quiver_database_t* db, const char* collection,
                                                                char** out_report);
QUIVER_C_API quiver_error_t quiver_database_summarize_collection(quiver_database_t* db, const char* collection,
                                                                 char** out_report);

#ifdef __cplusplus
}
#endif

#endif /* QUIVER_C_DATABASE_H */
