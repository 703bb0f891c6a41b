"""CFFI declarations of ``include/quiver/c/database.h`` (the database handle and its operations).

Written by hand, declaration for declaration; ``quiverdb._c_api`` declares them with the other
headers. ``tests/test_package.py`` compares every prototype with the header.
"""

from __future__ import annotations

DATABASE_CDEF = """
    /* ---------------------------------------------------------------- database.h */
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
        const char* default_value;
        int is_foreign_key;
        const char* references_collection;
        const char* references_column;
    } quiver_scalar_metadata_t;

    typedef struct {
        const char* group_name;
        const char* dimension_column;
        quiver_scalar_metadata_t* value_columns;
        size_t value_column_count;
    } quiver_group_metadata_t;

    /* Lifecycle (6) */
    quiver_error_t quiver_database_open(const char* path, const quiver_database_options_t* options,
                                        quiver_database_t** out_db);
    quiver_error_t quiver_database_from_migrations(const char* db_path, const char* migrations_path,
                                                   const quiver_database_options_t* options,
                                                   quiver_database_t** out_db);
    quiver_error_t quiver_database_from_schema(const char* db_path, const char* schema_path,
                                               const quiver_database_options_t* options,
                                               quiver_database_t** out_db);
    quiver_error_t quiver_database_close(quiver_database_t* db);
    quiver_error_t quiver_database_is_healthy(quiver_database_t* db, int* out_healthy);
    quiver_error_t quiver_database_path(quiver_database_t* db, const char** out_path);

    /* Transactions (4) */
    quiver_error_t quiver_database_begin_transaction(quiver_database_t* db);
    quiver_error_t quiver_database_commit(quiver_database_t* db);
    quiver_error_t quiver_database_rollback(quiver_database_t* db);
    quiver_error_t quiver_database_in_transaction(quiver_database_t* db, int* out_active);

    quiver_error_t quiver_database_begin_dry_run(quiver_database_t* db);
    quiver_error_t quiver_database_end_dry_run(quiver_database_t* db);
    quiver_error_t quiver_database_in_dry_run(quiver_database_t* db, int* out_active);

    /* Version (1) */
    quiver_error_t quiver_database_current_version(quiver_database_t* db, int64_t* out_version);

    /* Element operations (3), by label (2), relations (2) */
    quiver_error_t quiver_database_create_element(quiver_database_t* db, const char* collection,
                                                  quiver_element_t* element, int64_t* out_id);
    quiver_error_t quiver_database_update_element(quiver_database_t* db, const char* collection,
                                                  int64_t id, const quiver_element_t* element);
    quiver_error_t quiver_database_delete_element(quiver_database_t* db, const char* collection,
                                                  int64_t id);
    quiver_error_t quiver_database_update_element_by_label(quiver_database_t* db, const char* collection,
                                                           const char* label, const quiver_element_t* element);
    quiver_error_t quiver_database_delete_element_by_label(quiver_database_t* db, const char* collection,
                                                           const char* label);
    quiver_error_t quiver_database_update_relation(quiver_database_t* db, const char* collection_from,
                                                   const char* collection_to, const char* relation_type,
                                                   int64_t id, const char* target_label);
    quiver_error_t quiver_database_update_relation_by_label(quiver_database_t* db, const char* collection_from,
                                                            const char* collection_to, const char* relation_type,
                                                            const char* label, const char* target_label);

    /* Bulk reads (9) */
    quiver_error_t quiver_database_read_scalar_integers(quiver_database_t* db, const char* collection,
                                                        const char* attribute, int64_t** out_values,
                                                        uint8_t** out_mask, size_t* out_count);
    quiver_error_t quiver_database_read_scalar_floats(quiver_database_t* db, const char* collection,
                                                      const char* attribute, double** out_values,
                                                      uint8_t** out_mask, size_t* out_count);
    quiver_error_t quiver_database_read_scalar_strings(quiver_database_t* db, const char* collection,
                                                       const char* attribute, char*** out_values,
                                                       size_t* out_count);
    quiver_error_t quiver_database_read_vector_integers(quiver_database_t* db, const char* collection,
                                                        const char* attribute, int64_t*** out_vectors,
                                                        size_t** out_sizes, size_t* out_count);
    quiver_error_t quiver_database_read_vector_floats(quiver_database_t* db, const char* collection,
                                                      const char* attribute, double*** out_vectors,
                                                      size_t** out_sizes, size_t* out_count);
    quiver_error_t quiver_database_read_vector_strings(quiver_database_t* db, const char* collection,
                                                       const char* attribute, char**** out_vectors,
                                                       size_t** out_sizes, size_t* out_count);
    quiver_error_t quiver_database_read_set_integers(quiver_database_t* db, const char* collection,
                                                     const char* attribute, int64_t*** out_sets,
                                                     size_t** out_sizes, size_t* out_count);
    quiver_error_t quiver_database_read_set_floats(quiver_database_t* db, const char* collection,
                                                   const char* attribute, double*** out_sets,
                                                   size_t** out_sizes, size_t* out_count);
    quiver_error_t quiver_database_read_set_strings(quiver_database_t* db, const char* collection,
                                                    const char* attribute, char**** out_sets,
                                                    size_t** out_sizes, size_t* out_count);

    /* By-id reads (9) */
    quiver_error_t quiver_database_read_scalar_integer_by_id(quiver_database_t* db, const char* collection,
                                                             const char* attribute, int64_t id,
                                                             int64_t* out_value, int* out_has_value);
    quiver_error_t quiver_database_read_scalar_float_by_id(quiver_database_t* db, const char* collection,
                                                           const char* attribute, int64_t id,
                                                           double* out_value, int* out_has_value);
    quiver_error_t quiver_database_read_scalar_string_by_id(quiver_database_t* db, const char* collection,
                                                            const char* attribute, int64_t id,
                                                            char** out_value, int* out_has_value);
    quiver_error_t quiver_database_read_vector_integers_by_id(quiver_database_t* db, const char* collection,
                                                              const char* attribute, int64_t id,
                                                              int64_t** out_values, size_t* out_count);
    quiver_error_t quiver_database_read_vector_floats_by_id(quiver_database_t* db, const char* collection,
                                                            const char* attribute, int64_t id,
                                                            double** out_values, size_t* out_count);
    quiver_error_t quiver_database_read_vector_strings_by_id(quiver_database_t* db, const char* collection,
                                                             const char* attribute, int64_t id,
                                                             char*** out_values, size_t* out_count);
    quiver_error_t quiver_database_read_set_integers_by_id(quiver_database_t* db, const char* collection,
                                                           const char* attribute, int64_t id,
                                                           int64_t** out_values, size_t* out_count);
    quiver_error_t quiver_database_read_set_floats_by_id(quiver_database_t* db, const char* collection,
                                                         const char* attribute, int64_t id,
                                                         double** out_values, size_t* out_count);
    quiver_error_t quiver_database_read_set_strings_by_id(quiver_database_t* db, const char* collection,
                                                          const char* attribute, int64_t id,
                                                          char*** out_values, size_t* out_count);

    /* Ids and counts (2) */
    quiver_error_t quiver_database_read_element_ids(quiver_database_t* db, const char* collection,
                                                    int64_t** out_ids, size_t* out_count);
    quiver_error_t quiver_database_require_element(quiver_database_t* db, const char* collection, int64_t id);
    quiver_error_t quiver_database_number_of_elements(quiver_database_t* db, const char* collection,
                                                      int64_t* out_count);

    /* Columnar bulk reads and creates (15) */
    typedef struct quiver_columns quiver_columns_t;
    quiver_error_t quiver_database_read_scalar_columns(quiver_database_t* db, const char* collection,
                                                       const char* const* attributes, size_t attribute_count,
                                                       quiver_columns_t** out_columns);
    quiver_error_t quiver_database_read_vector_columns(quiver_database_t* db, const char* collection,
                                                       const char* group, quiver_columns_t** out_columns);
    quiver_error_t quiver_database_read_set_columns(quiver_database_t* db, const char* collection,
                                                    const char* group, quiver_columns_t** out_columns);
    quiver_error_t quiver_database_read_time_series_columns(quiver_database_t* db, const char* collection,
                                                            const char* group, quiver_columns_t** out_columns);
    quiver_error_t quiver_database_query_columns(quiver_database_t* db, const char* sql, const int* param_types,
                                                 const void* const* param_values, size_t param_count,
                                                 quiver_columns_t** out_columns);
    quiver_error_t quiver_columns_row_count(const quiver_columns_t* columns, size_t* out_count);
    quiver_error_t quiver_columns_column_count(const quiver_columns_t* columns, size_t* out_count);
    quiver_error_t quiver_columns_column_name(const quiver_columns_t* columns, size_t column,
                                              const char** out_name);
    quiver_error_t quiver_columns_column_type(const quiver_columns_t* columns, size_t column, int* out_type);
    quiver_error_t quiver_columns_get_integers(const quiver_columns_t* columns, size_t column,
                                               const int64_t** out_values, const uint8_t** out_has_value);
    quiver_error_t quiver_columns_get_floats(const quiver_columns_t* columns, size_t column,
                                             const double** out_values, const uint8_t** out_has_value);
    quiver_error_t quiver_columns_get_strings(const quiver_columns_t* columns, size_t column,
                                              const char** out_text, const size_t** out_offsets,
                                              size_t* out_text_size, const uint8_t** out_has_value);
    quiver_error_t quiver_columns_get_date_times(quiver_columns_t* columns, size_t column,
                                                 const int64_t** out_microseconds, const uint8_t** out_has_value);
    quiver_error_t quiver_columns_get_cell_types(const quiver_columns_t* columns, size_t column,
                                                 const uint8_t** out_cell_types);
    quiver_error_t quiver_columns_free(quiver_columns_t* columns);
    typedef void (*quiver_progress_t)(size_t done, size_t total, void* user_data);
    quiver_error_t quiver_database_create_elements(quiver_database_t* db, const char* collection,
                                                   const char* const* column_names, const int* column_types,
                                                   const void* const* column_data,
                                                   const uint8_t* const* column_has_value,
                                                   const size_t* const* column_offsets, size_t column_count,
                                                   size_t row_count, int64_t* out_ids,
                                                   quiver_progress_t progress, void* user_data);

    /* Metadata (12) */
    quiver_error_t quiver_database_get_scalar_metadata(quiver_database_t* db, const char* collection,
                                                       const char* attribute,
                                                       quiver_scalar_metadata_t* out_metadata);
    quiver_error_t quiver_database_get_vector_metadata(quiver_database_t* db, const char* collection,
                                                       const char* group_name,
                                                       quiver_group_metadata_t* out_metadata);
    quiver_error_t quiver_database_get_set_metadata(quiver_database_t* db, const char* collection,
                                                    const char* group_name,
                                                    quiver_group_metadata_t* out_metadata);
    quiver_error_t quiver_database_get_time_series_metadata(quiver_database_t* db, const char* collection,
                                                            const char* group_name,
                                                            quiver_group_metadata_t* out_metadata);
    quiver_error_t quiver_database_free_scalar_metadata(quiver_scalar_metadata_t* metadata);
    quiver_error_t quiver_database_free_group_metadata(quiver_group_metadata_t* metadata);
    quiver_error_t quiver_database_list_scalar_attributes(quiver_database_t* db, const char* collection,
                                                          quiver_scalar_metadata_t** out_metadata,
                                                          size_t* out_count);
    quiver_error_t quiver_database_list_vector_groups(quiver_database_t* db, const char* collection,
                                                      quiver_group_metadata_t** out_metadata,
                                                      size_t* out_count);
    quiver_error_t quiver_database_list_set_groups(quiver_database_t* db, const char* collection,
                                                   quiver_group_metadata_t** out_metadata,
                                                   size_t* out_count);
    quiver_error_t quiver_database_list_time_series_groups(quiver_database_t* db, const char* collection,
                                                           quiver_group_metadata_t** out_metadata,
                                                           size_t* out_count);
    quiver_error_t quiver_database_free_scalar_metadata_array(quiver_scalar_metadata_t* metadata,
                                                              size_t count);
    quiver_error_t quiver_database_free_group_metadata_array(quiver_group_metadata_t* metadata,
                                                             size_t count);

    /* Time series (8), by label (1), rows (3) */
    quiver_error_t quiver_database_read_time_series_group(quiver_database_t* db, const char* collection,
                                                          const char* group, int64_t id,
                                                          char*** out_column_names, int** out_column_types,
                                                          void*** out_column_data,
                                                          uint8_t*** out_column_has_value,
                                                          size_t* out_column_count, size_t* out_row_count);
    quiver_error_t quiver_database_update_time_series_group(quiver_database_t* db, const char* collection,
                                                            const char* group, int64_t id,
                                                            const char* const* column_names,
                                                            const int* column_types,
                                                            const void* const* column_data,
                                                            const uint8_t* const* column_has_value,
                                                            size_t column_count, size_t row_count);
    quiver_error_t quiver_database_update_time_series_group_by_label(
        quiver_database_t* db, const char* collection, const char* group, const char* label,
        const char* const* column_names, const int* column_types, const void* const* column_data,
        const uint8_t* const* column_has_value, size_t column_count, size_t row_count);
    quiver_error_t quiver_database_read_time_series_row(quiver_database_t* db, const char* collection,
                                                        const char* group, const char* attribute,
                                                        const char* date_time, int* out_data_type,
                                                        void** out_values, uint8_t** out_has_value,
                                                        size_t* out_count);
    quiver_error_t quiver_database_upsert_time_series_row(quiver_database_t* db, const char* collection,
                                                          const char* group, int64_t id,
                                                          const char* const* column_names, const int* column_types,
                                                          const void* const* column_data, size_t column_count);
    quiver_error_t quiver_database_upsert_time_series_row_by_label(
        quiver_database_t* db, const char* collection, const char* group, const char* label,
        const char* const* column_names, const int* column_types, const void* const* column_data,
        size_t column_count);

    quiver_error_t quiver_database_free_time_series_data(char** column_names, int* column_types,
                                                         void** column_data, uint8_t** column_has_value,
                                                         size_t column_count, size_t row_count);
    quiver_error_t quiver_database_has_time_series_files(quiver_database_t* db, const char* collection,
                                                         int* out_result);
    quiver_error_t quiver_database_list_time_series_files_columns(quiver_database_t* db,
                                                                  const char* collection,
                                                                  char*** out_columns, size_t* out_count);
    quiver_error_t quiver_database_read_time_series_files(quiver_database_t* db, const char* collection,
                                                          char*** out_columns, char*** out_paths,
                                                          size_t* out_count);
    quiver_error_t quiver_database_update_time_series_files(quiver_database_t* db, const char* collection,
                                                            const char* const* columns,
                                                            const char* const* paths, size_t count);
    quiver_error_t quiver_database_free_time_series_files(char** columns, char** paths, size_t count);

    /* Whole vector and set groups (6) */
    quiver_error_t quiver_database_read_vector_group_by_id(quiver_database_t* db, const char* collection,
                                                           const char* group, int64_t id,
                                                           char*** out_column_names, int** out_column_types,
                                                           void*** out_column_data, uint8_t*** out_column_has_value,
                                                           size_t* out_column_count, size_t* out_row_count);
    quiver_error_t quiver_database_read_set_group_by_id(quiver_database_t* db, const char* collection,
                                                        const char* group, int64_t id,
                                                        char*** out_column_names, int** out_column_types,
                                                        void*** out_column_data, uint8_t*** out_column_has_value,
                                                        size_t* out_column_count, size_t* out_row_count);
    quiver_error_t quiver_database_update_vector_group(quiver_database_t* db, const char* collection,
                                                       const char* group, int64_t id,
                                                       const char* const* column_names, const int* column_types,
                                                       const void* const* column_data,
                                                       const uint8_t* const* column_has_value,
                                                       size_t column_count, size_t row_count);
    quiver_error_t quiver_database_update_set_group(quiver_database_t* db, const char* collection,
                                                    const char* group, int64_t id,
                                                    const char* const* column_names, const int* column_types,
                                                    const void* const* column_data,
                                                    const uint8_t* const* column_has_value,
                                                    size_t column_count, size_t row_count);
    quiver_error_t quiver_database_update_vector_group_by_label(
        quiver_database_t* db, const char* collection, const char* group, const char* label,
        const char* const* column_names, const int* column_types, const void* const* column_data,
        const uint8_t* const* column_has_value, size_t column_count, size_t row_count);
    quiver_error_t quiver_database_update_set_group_by_label(
        quiver_database_t* db, const char* collection, const char* group, const char* label,
        const char* const* column_names, const int* column_types, const void* const* column_data,
        const uint8_t* const* column_has_value, size_t column_count, size_t row_count);

    /* Free functions for read results (8) */
    quiver_error_t quiver_database_free_integer_array(int64_t* values);
    quiver_error_t quiver_database_free_float_array(double* values);
    quiver_error_t quiver_database_free_string_array(char** values, size_t count);
    quiver_error_t quiver_database_free_mask(uint8_t* mask);
    quiver_error_t quiver_database_free_string(char* str);
    quiver_error_t quiver_database_free_integer_vectors(int64_t** vectors, size_t* sizes, size_t count);
    quiver_error_t quiver_database_free_float_vectors(double** vectors, size_t* sizes, size_t count);
    quiver_error_t quiver_database_free_string_vectors(char*** vectors, size_t* sizes, size_t count);

    /* CSV (2) */
    quiver_error_t quiver_database_export_csv(quiver_database_t* db, const char* collection,
                                              const char* group, const char* path,
                                              const quiver_csv_options_t* options);
    quiver_error_t quiver_database_import_csv(quiver_database_t* db, const char* collection,
                                              const char* group, const char* path,
                                              const quiver_csv_options_t* options);

    /* Queries (6) */
    quiver_error_t quiver_database_query_string(quiver_database_t* db, const char* sql, char** out_value,
                                                int* out_has_value);
    quiver_error_t quiver_database_query_integer(quiver_database_t* db, const char* sql,
                                                 int64_t* out_value, int* out_has_value);
    quiver_error_t quiver_database_query_float(quiver_database_t* db, const char* sql, double* out_value,
                                               int* out_has_value);
    quiver_error_t quiver_database_query_string_params(quiver_database_t* db, const char* sql,
                                                       const int* param_types,
                                                       const void* const* param_values,
                                                       size_t param_count, char** out_value,
                                                       int* out_has_value);
    quiver_error_t quiver_database_query_integer_params(quiver_database_t* db, const char* sql,
                                                        const int* param_types,
                                                        const void* const* param_values,
                                                        size_t param_count, int64_t* out_value,
                                                        int* out_has_value);
    quiver_error_t quiver_database_query_float_params(quiver_database_t* db, const char* sql,
                                                      const int* param_types,
                                                      const void* const* param_values,
                                                      size_t param_count, double* out_value,
                                                      int* out_has_value);

    quiver_error_t quiver_database_query(quiver_database_t* db, const char* sql, const int* param_types,
                                         const void* const* param_values, size_t param_count,
                                         quiver_result_t** out_result);

    /* Describe (3) */
    quiver_error_t quiver_database_describe(quiver_database_t* db, char** out_report);
    quiver_error_t quiver_database_describe_collection(quiver_database_t* db, const char* collection,
                                                       char** out_report);
    quiver_error_t quiver_database_summarize_collection(quiver_database_t* db, const char* collection,
                                                        char** out_report);

"""
