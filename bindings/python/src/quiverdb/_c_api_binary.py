"""CFFI declarations of the binary-file and expression C API (added to the shared ``ffi``).

Mirrors ``include/quiver/c/binary/{binary_metadata,binary_file,csv_converter}.h`` and
``include/quiver/c/expression/expression.h`` declaration for declaration. Importing this module
extends ``quiverdb._c_api.ffi``; in ABI mode the library object resolves the new names on use.
"""

from __future__ import annotations

from quiverdb._c_api import ffi

ffi.cdef(
    """
    /* ------------------------------------------------------- binary/binary_metadata.h (22) */
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
        int64_t parent_dimension_index;
    } quiver_time_properties_t;
    typedef struct {
        const char* name;
        int64_t size;
        int is_time_dimension;
        quiver_time_properties_t time_properties;
    } quiver_dimension_t;
    typedef struct quiver_binary_metadata quiver_binary_metadata_t;

    quiver_error_t quiver_binary_metadata_create(quiver_binary_metadata_t** out_metadata);
    quiver_error_t quiver_binary_metadata_free(quiver_binary_metadata_t* metadata);
    quiver_error_t quiver_binary_metadata_from_toml(const char* toml, quiver_binary_metadata_t** out_metadata);
    quiver_error_t quiver_binary_metadata_from_element(quiver_element_t* element, quiver_binary_metadata_t** out_metadata);
    quiver_error_t quiver_binary_metadata_to_toml(quiver_binary_metadata_t* metadata, char** out_toml);
    quiver_error_t quiver_binary_metadata_set_initial_datetime(quiver_binary_metadata_t* metadata, const char* iso8601);
    quiver_error_t quiver_binary_metadata_set_unit(quiver_binary_metadata_t* metadata, const char* unit);
    quiver_error_t quiver_binary_metadata_set_version(quiver_binary_metadata_t* metadata, const char* version);
    quiver_error_t quiver_binary_metadata_set_labels(quiver_binary_metadata_t* metadata, const char* const* labels,
                                                     size_t count);
    quiver_error_t quiver_binary_metadata_add_dimension(quiver_binary_metadata_t* metadata, const char* name, int64_t size);
    quiver_error_t quiver_binary_metadata_add_time_dimension(quiver_binary_metadata_t* metadata, const char* name,
                                                             int64_t size, const char* frequency);
    quiver_error_t quiver_binary_metadata_get_unit(quiver_binary_metadata_t* metadata, char** out_unit);
    quiver_error_t quiver_binary_metadata_get_version(quiver_binary_metadata_t* metadata, char** out_version);
    quiver_error_t quiver_binary_metadata_get_initial_datetime(quiver_binary_metadata_t* metadata, char** out_datetime);
    quiver_error_t quiver_binary_metadata_get_number_of_time_dimensions(quiver_binary_metadata_t* metadata,
                                                                        int64_t* out_count);
    quiver_error_t quiver_binary_metadata_get_labels(quiver_binary_metadata_t* metadata, char*** out_labels,
                                                     size_t* out_count);
    quiver_error_t quiver_binary_metadata_get_dimension_count(quiver_binary_metadata_t* metadata, size_t* out_count);
    quiver_error_t quiver_binary_metadata_get_dimension(quiver_binary_metadata_t* metadata, size_t index,
                                                        quiver_dimension_t* out_dimension);
    quiver_error_t quiver_binary_metadata_get_value_count(quiver_binary_metadata_t* metadata, size_t* out_count);
    quiver_error_t quiver_binary_metadata_free_string(char* str);
    quiver_error_t quiver_binary_metadata_free_string_array(char** strings, size_t count);
    quiver_error_t quiver_binary_metadata_free_dimension(quiver_dimension_t* dimension);

    /* ------------------------------------------------------- binary/binary_file.h (15) */
    typedef struct quiver_binary_file quiver_binary_file_t;

    quiver_error_t quiver_binary_file_open_file(const char* path, char mode, quiver_binary_metadata_t* metadata,
                                                quiver_binary_file_t** out_file);
    quiver_error_t quiver_binary_file_create(const char* path, quiver_binary_file_t** out_file);
    quiver_error_t quiver_binary_file_open(quiver_binary_file_t* binary_file, char mode, quiver_binary_metadata_t* metadata);
    quiver_error_t quiver_binary_file_close(quiver_binary_file_t* binary_file);
    quiver_error_t quiver_binary_file_is_open(quiver_binary_file_t* binary_file, int* out_is_open);
    quiver_error_t quiver_binary_file_read(quiver_binary_file_t* binary_file, const char* const* dim_names,
                                           const int64_t* dim_values, size_t dim_count, int allow_nulls,
                                           double** out_data, size_t* out_count);
    quiver_error_t quiver_binary_file_write(quiver_binary_file_t* binary_file, const char* const* dim_names,
                                            const int64_t* dim_values, size_t dim_count, const double* data,
                                            size_t data_count);
    quiver_error_t quiver_binary_file_read_at(quiver_binary_file_t* binary_file, const int64_t* indices,
                                              size_t index_count, int allow_nulls, double* out_data, size_t out_capacity);
    quiver_error_t quiver_binary_file_write_at(quiver_binary_file_t* binary_file, const int64_t* indices,
                                               size_t index_count, const double* data, size_t data_count);
    quiver_error_t quiver_binary_file_read_all(quiver_binary_file_t* binary_file, double* out_data, size_t out_capacity);
    quiver_error_t quiver_binary_file_write_all(quiver_binary_file_t* binary_file, const double* data, size_t data_count);
    quiver_error_t quiver_binary_file_get_metadata(quiver_binary_file_t* binary_file,
                                                   quiver_binary_metadata_t** out_metadata);
    quiver_error_t quiver_binary_file_get_file_path(quiver_binary_file_t* binary_file, char** out_path);
    quiver_error_t quiver_binary_file_free_string(char* str);
    quiver_error_t quiver_binary_file_free_float_array(double* values);

    /* ------------------------------------------------------- binary/csv_converter.h (2) */
    quiver_error_t quiver_csv_converter_bin_to_csv(const char* path, int aggregate_time_dimensions);
    quiver_error_t quiver_csv_converter_csv_to_bin(const char* path);

    /* ------------------------------------------------------- expression/expression.h (13 + 1) */
    typedef struct quiver_expression quiver_expression_t;
    typedef enum {
        QUIVER_EXPRESSION_OPERATION_ADD = 0, QUIVER_EXPRESSION_OPERATION_SUBTRACT = 1,
        QUIVER_EXPRESSION_OPERATION_MULTIPLY = 2, QUIVER_EXPRESSION_OPERATION_DIVIDE = 3,
        QUIVER_EXPRESSION_OPERATION_GT = 4, QUIVER_EXPRESSION_OPERATION_LT = 5, QUIVER_EXPRESSION_OPERATION_GTE = 6,
        QUIVER_EXPRESSION_OPERATION_LTE = 7, QUIVER_EXPRESSION_OPERATION_EQ = 8, QUIVER_EXPRESSION_OPERATION_NEQ = 9,
        QUIVER_EXPRESSION_OPERATION_AND = 10, QUIVER_EXPRESSION_OPERATION_OR = 11
    } quiver_expression_operation_t;
    typedef enum {
        QUIVER_EXPRESSION_UNARY_OPERATION_NEGATE = 0, QUIVER_EXPRESSION_UNARY_OPERATION_ABS = 1,
        QUIVER_EXPRESSION_UNARY_OPERATION_SQRT = 2, QUIVER_EXPRESSION_UNARY_OPERATION_LOG = 3,
        QUIVER_EXPRESSION_UNARY_OPERATION_EXP = 4, QUIVER_EXPRESSION_UNARY_OPERATION_NOT = 5
    } quiver_expression_unary_operation_t;
    typedef enum { QUIVER_EXPRESSION_TERNARY_OPERATION_IFELSE = 0 } quiver_expression_ternary_operation_t;
    typedef enum {
        QUIVER_EXPRESSION_AGGREGATE_OPERATION_SUM = 0, QUIVER_EXPRESSION_AGGREGATE_OPERATION_MEAN = 1,
        QUIVER_EXPRESSION_AGGREGATE_OPERATION_MIN = 2, QUIVER_EXPRESSION_AGGREGATE_OPERATION_MAX = 3,
        QUIVER_EXPRESSION_AGGREGATE_OPERATION_PERCENTILE = 4
    } quiver_expression_aggregate_operation_t;
    typedef enum {
        QUIVER_EXPRESSION_AGGREGATE_AGENTS_OPERATION_SUM = 0, QUIVER_EXPRESSION_AGGREGATE_AGENTS_OPERATION_MEAN = 1,
        QUIVER_EXPRESSION_AGGREGATE_AGENTS_OPERATION_MIN = 2, QUIVER_EXPRESSION_AGGREGATE_AGENTS_OPERATION_MAX = 3,
        QUIVER_EXPRESSION_AGGREGATE_AGENTS_OPERATION_PERCENTILE = 4
    } quiver_expression_aggregate_agents_operation_t;

    quiver_error_t quiver_expression_from_file(quiver_binary_file_t* file, quiver_expression_t** out_expression);
    quiver_error_t quiver_expression_close(quiver_expression_t* expression);
    quiver_error_t quiver_expression_apply(quiver_expression_operation_t operation, quiver_expression_t* lhs,
                                           quiver_expression_t* rhs, quiver_expression_t** out_expression);
    quiver_error_t quiver_expression_apply_scalar_right(quiver_expression_operation_t operation, quiver_expression_t* lhs,
                                                        double rhs, quiver_expression_t** out_expression);
    quiver_error_t quiver_expression_apply_scalar_left(quiver_expression_operation_t operation, double lhs,
                                                       quiver_expression_t* rhs, quiver_expression_t** out_expression);
    quiver_error_t quiver_expression_apply_unary(quiver_expression_unary_operation_t operation,
                                                 quiver_expression_t* operand, quiver_expression_t** out_expression);
    quiver_error_t quiver_expression_apply_ternary(quiver_expression_ternary_operation_t operation,
                                                   quiver_expression_t* condition, quiver_expression_t* then_value,
                                                   quiver_expression_t* else_value, quiver_expression_t** out_expression);
    quiver_error_t quiver_expression_scalar(double value, quiver_expression_t* like, quiver_expression_t** out_expression);
    quiver_error_t quiver_expression_save(quiver_expression_t* expression, const char* path);
    quiver_error_t quiver_expression_get_metadata(quiver_expression_t* expression,
                                                  quiver_binary_metadata_t** out_metadata);
    quiver_error_t quiver_expression_aggregate(quiver_expression_t* expression, const char* dimension,
                                               quiver_expression_aggregate_operation_t operation, const double* parameter,
                                               quiver_expression_t** out_expression);
    quiver_error_t quiver_expression_aggregate_agents(quiver_expression_t* expression,
                                                      quiver_expression_aggregate_agents_operation_t operation,
                                                      const double* parameter, quiver_expression_t** out_expression);
    quiver_error_t quiver_expression_select_agents(quiver_expression_t* expression, const char* const* labels,
                                                   size_t label_count, quiver_expression_t** out_expression);
    quiver_error_t quiver_expression_rename_agents(quiver_expression_t* expression, const char* const* old_labels,
                                                   const char* const* new_labels, size_t mapping_count,
                                                   quiver_expression_t** out_expression);
    """
)
