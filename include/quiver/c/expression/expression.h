/* Quiver C API: lazy expressions over binary files (binary.md §5, §6).
 *
 * Every function that returns an expression allocates a new handle; release each with
 * quiver_expression_close. Expressions share their DAG internally, so closing an operand never
 * invalidates a result. */
#ifndef QUIVER_C_EXPRESSION_EXPRESSION_H
#define QUIVER_C_EXPRESSION_EXPRESSION_H

#include "../binary/binary_file.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct quiver_expression quiver_expression_t;

typedef enum {
    QUIVER_EXPRESSION_OPERATION_ADD = 0,
    QUIVER_EXPRESSION_OPERATION_SUBTRACT = 1,
    QUIVER_EXPRESSION_OPERATION_MULTIPLY = 2,
    QUIVER_EXPRESSION_OPERATION_DIVIDE = 3,
    QUIVER_EXPRESSION_OPERATION_GT = 4,
    QUIVER_EXPRESSION_OPERATION_LT = 5,
    QUIVER_EXPRESSION_OPERATION_GTE = 6,
    QUIVER_EXPRESSION_OPERATION_LTE = 7,
    QUIVER_EXPRESSION_OPERATION_EQ = 8,
    QUIVER_EXPRESSION_OPERATION_NEQ = 9,
    QUIVER_EXPRESSION_OPERATION_AND = 10,
    QUIVER_EXPRESSION_OPERATION_OR = 11
} quiver_expression_operation_t;

typedef enum {
    QUIVER_EXPRESSION_UNARY_OPERATION_NEGATE = 0,
    QUIVER_EXPRESSION_UNARY_OPERATION_ABS = 1,
    QUIVER_EXPRESSION_UNARY_OPERATION_SQRT = 2,
    QUIVER_EXPRESSION_UNARY_OPERATION_LOG = 3,
    QUIVER_EXPRESSION_UNARY_OPERATION_EXP = 4,
    QUIVER_EXPRESSION_UNARY_OPERATION_NOT = 5
} quiver_expression_unary_operation_t;

typedef enum { QUIVER_EXPRESSION_TERNARY_OPERATION_IFELSE = 0 } quiver_expression_ternary_operation_t;

typedef enum {
    QUIVER_EXPRESSION_AGGREGATE_OPERATION_SUM = 0,
    QUIVER_EXPRESSION_AGGREGATE_OPERATION_MEAN = 1,
    QUIVER_EXPRESSION_AGGREGATE_OPERATION_MIN = 2,
    QUIVER_EXPRESSION_AGGREGATE_OPERATION_MAX = 3,
    QUIVER_EXPRESSION_AGGREGATE_OPERATION_PERCENTILE = 4
} quiver_expression_aggregate_operation_t;

typedef enum {
    QUIVER_EXPRESSION_AGGREGATE_AGENTS_OPERATION_SUM = 0,
    QUIVER_EXPRESSION_AGGREGATE_AGENTS_OPERATION_MEAN = 1,
    QUIVER_EXPRESSION_AGGREGATE_AGENTS_OPERATION_MIN = 2,
    QUIVER_EXPRESSION_AGGREGATE_AGENTS_OPERATION_MAX = 3,
    QUIVER_EXPRESSION_AGGREGATE_AGENTS_OPERATION_PERCENTILE = 4
} quiver_expression_aggregate_agents_operation_t;

/* Uses only the file's path (the handle may be open or closed). */
QUIVER_C_API quiver_error_t quiver_expression_from_file(quiver_binary_file_t* file, quiver_expression_t** out_expression);
/* Destroys the handle. NULL is allowed; always QUIVER_OK. */
QUIVER_C_API quiver_error_t quiver_expression_close(quiver_expression_t* expression);

QUIVER_C_API quiver_error_t quiver_expression_apply(quiver_expression_operation_t operation, quiver_expression_t* lhs,
                                                    quiver_expression_t* rhs, quiver_expression_t** out_expression);
QUIVER_C_API quiver_error_t quiver_expression_apply_scalar_right(quiver_expression_operation_t operation,
                                                                 quiver_expression_t* lhs, double rhs,
                                                                 quiver_expression_t** out_expression);
QUIVER_C_API quiver_error_t quiver_expression_apply_scalar_left(quiver_expression_operation_t operation, double lhs,
                                                                quiver_expression_t* rhs,
                                                                quiver_expression_t** out_expression);
QUIVER_C_API quiver_error_t quiver_expression_apply_unary(quiver_expression_unary_operation_t operation,
                                                          quiver_expression_t* operand,
                                                          quiver_expression_t** out_expression);
QUIVER_C_API quiver_error_t quiver_expression_apply_ternary(quiver_expression_ternary_operation_t operation,
                                                            quiver_expression_t* condition,
                                                            quiver_expression_t* then_value,
                                                            quiver_expression_t* else_value,
                                                            quiver_expression_t** out_expression);

/* Addition (B17): a constant with the full metadata of `like` (shape, time axes, labels, unit),
 * for ifelse branches and other places where a number must broadcast like an expression. */
QUIVER_C_API quiver_error_t quiver_expression_scalar(double value, quiver_expression_t* like,
                                                     quiver_expression_t** out_expression);

/* Streams the result into path.qvr/path.toml (written to temporaries, renamed on success). */
QUIVER_C_API quiver_error_t quiver_expression_save(quiver_expression_t* expression, const char* path);
/* A copy; release with quiver_binary_metadata_free. */
QUIVER_C_API quiver_error_t quiver_expression_get_metadata(quiver_expression_t* expression,
                                                           quiver_binary_metadata_t** out_metadata);
/* parameter: NULL = none (required for percentile, refused otherwise). */
QUIVER_C_API quiver_error_t quiver_expression_aggregate(quiver_expression_t* expression, const char* dimension,
                                                        quiver_expression_aggregate_operation_t operation,
                                                        const double* parameter, quiver_expression_t** out_expression);
QUIVER_C_API quiver_error_t quiver_expression_aggregate_agents(quiver_expression_t* expression,
                                                               quiver_expression_aggregate_agents_operation_t operation,
                                                               const double* parameter,
                                                               quiver_expression_t** out_expression);
QUIVER_C_API quiver_error_t quiver_expression_select_agents(quiver_expression_t* expression, const char* const* labels,
                                                            size_t label_count, quiver_expression_t** out_expression);
/* Parallel arrays old_labels[i] -> new_labels[i]. */
QUIVER_C_API quiver_error_t quiver_expression_rename_agents(quiver_expression_t* expression,
                                                            const char* const* old_labels,
                                                            const char* const* new_labels, size_t mapping_count,
                                                            quiver_expression_t** out_expression);

#ifdef __cplusplus
}
#endif

#endif /* QUIVER_C_EXPRESSION_EXPRESSION_H */
