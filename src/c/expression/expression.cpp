// quiver_expression_*: building, saving and inspecting lazy expressions (binary.md §6.2).
#include "../binary/binary_internal.h"

using quiver_c::guard;
using quiver_c::require;

namespace {

using quiver::Expression;

quiver::ExpressionBinary::Operation to_binary(const quiver_expression_operation_t& op) {
    const int value = quiver_c::enum_value(op);
    if (value < QUIVER_EXPRESSION_OPERATION_ADD || value > QUIVER_EXPRESSION_OPERATION_OR) {
        quiver_c::fail("apply", "unknown expression operation");
    }
    return static_cast<quiver::ExpressionBinary::Operation>(value);
}

quiver_expression_t* wrap(Expression expression) {
    return new quiver_expression{std::move(expression)};
}

Expression scalar_like(double value, const Expression& other) {
    return Expression(std::make_shared<quiver::ExpressionScalar>(value, other.metadata()));
}

Expression apply(const quiver_expression_operation_t& op, const Expression& lhs, const Expression& rhs) {
    return Expression(std::make_shared<quiver::ExpressionBinary>(to_binary(op), lhs.node(), rhs.node()));
}

std::optional<double> to_parameter(const double* parameter) {
    return parameter ? std::optional<double>(*parameter) : std::nullopt;
}

}  // namespace

extern "C" {

QUIVER_C_API quiver_error_t quiver_expression_from_file(quiver_binary_file_t* file, quiver_expression_t** out_expression) {
    return guard([&] {
        require({{file, "file"}, {out_expression, "out_expression"}});
        *out_expression = wrap(Expression(file->file));
    });
}

QUIVER_C_API quiver_error_t quiver_expression_close(quiver_expression_t* expression) {
    delete expression;
    return QUIVER_OK;
}

QUIVER_C_API quiver_error_t quiver_expression_apply(quiver_expression_operation_t operation, quiver_expression_t* lhs,
                                                    quiver_expression_t* rhs, quiver_expression_t** out_expression) {
    return guard([&] {
        require({{lhs, "lhs"}, {rhs, "rhs"}, {out_expression, "out_expression"}});
        *out_expression = wrap(apply(operation, lhs->expression, rhs->expression));
    });
}

QUIVER_C_API quiver_error_t quiver_expression_apply_scalar_right(quiver_expression_operation_t operation,
                                                                 quiver_expression_t* lhs, double rhs,
                                                                 quiver_expression_t** out_expression) {
    return guard([&] {
        require({{lhs, "lhs"}, {out_expression, "out_expression"}});
        *out_expression = wrap(apply(operation, lhs->expression, scalar_like(rhs, lhs->expression)));
    });
}

QUIVER_C_API quiver_error_t quiver_expression_apply_scalar_left(quiver_expression_operation_t operation, double lhs,
                                                                quiver_expression_t* rhs,
                                                                quiver_expression_t** out_expression) {
    return guard([&] {
        require({{rhs, "rhs"}, {out_expression, "out_expression"}});
        *out_expression = wrap(apply(operation, scalar_like(lhs, rhs->expression), rhs->expression));
    });
}

QUIVER_C_API quiver_error_t quiver_expression_apply_unary(quiver_expression_unary_operation_t operation,
                                                          quiver_expression_t* operand,
                                                          quiver_expression_t** out_expression) {
    return guard([&] {
        require({{operand, "operand"}, {out_expression, "out_expression"}});
        const int value = quiver_c::enum_value(operation);
        if (value < QUIVER_EXPRESSION_UNARY_OPERATION_NEGATE || value > QUIVER_EXPRESSION_UNARY_OPERATION_NOT) {
            quiver_c::fail("apply", "unknown expression unary operation");
        }
        *out_expression = wrap(Expression(std::make_shared<quiver::ExpressionUnary>(
            static_cast<quiver::ExpressionUnary::Operation>(value), operand->expression.node())));
    });
}

QUIVER_C_API quiver_error_t quiver_expression_apply_ternary(quiver_expression_ternary_operation_t operation,
                                                            quiver_expression_t* condition,
                                                            quiver_expression_t* then_value,
                                                            quiver_expression_t* else_value,
                                                            quiver_expression_t** out_expression) {
    return guard([&] {
        require({{condition, "condition"},
                 {then_value, "then_value"},
                 {else_value, "else_value"},
                 {out_expression, "out_expression"}});
        if (quiver_c::enum_value(operation) != QUIVER_EXPRESSION_TERNARY_OPERATION_IFELSE) {
            quiver_c::fail("apply", "unknown expression ternary operation");
        }
        *out_expression = wrap(quiver::ifelse(condition->expression, then_value->expression, else_value->expression));
    });
}

QUIVER_C_API quiver_error_t quiver_expression_scalar(double value, quiver_expression_t* like,
                                                     quiver_expression_t** out_expression) {
    return guard([&] {
        require({{like, "like"}, {out_expression, "out_expression"}});
        *out_expression = wrap(scalar_like(value, like->expression));
    });
}

QUIVER_C_API quiver_error_t quiver_expression_save(quiver_expression_t* expression, const char* path) {
    return guard([&] {
        require({{expression, "expression"}, {path, "path"}});
        expression->expression.save(path);
    });
}

QUIVER_C_API quiver_error_t quiver_expression_get_metadata(quiver_expression_t* expression,
                                                           quiver_binary_metadata_t** out_metadata) {
    return guard([&] {
        require({{expression, "expression"}, {out_metadata, "out_metadata"}});
        *out_metadata = quiver_c::new_metadata(expression->expression.metadata());
    });
}

QUIVER_C_API quiver_error_t quiver_expression_aggregate(quiver_expression_t* expression, const char* dimension,
                                                        quiver_expression_aggregate_operation_t operation,
                                                        const double* parameter, quiver_expression_t** out_expression) {
    return guard([&] {
        require({{expression, "expression"}, {dimension, "dimension"}, {out_expression, "out_expression"}});
        const int value = quiver_c::enum_value(operation);
        if (value < QUIVER_EXPRESSION_AGGREGATE_OPERATION_SUM || value > QUIVER_EXPRESSION_AGGREGATE_OPERATION_PERCENTILE) {
            quiver_c::fail("aggregate", "unknown operation enum value");
        }
        *out_expression = wrap(expression->expression.aggregate(
            dimension, static_cast<quiver::ExpressionAggregate::Operation>(value), to_parameter(parameter)));
    });
}

QUIVER_C_API quiver_error_t quiver_expression_aggregate_agents(quiver_expression_t* expression,
                                                               quiver_expression_aggregate_agents_operation_t operation,
                                                               const double* parameter,
                                                               quiver_expression_t** out_expression) {
    return guard([&] {
        require({{expression, "expression"}, {out_expression, "out_expression"}});
        const int value = quiver_c::enum_value(operation);
        if (value < QUIVER_EXPRESSION_AGGREGATE_AGENTS_OPERATION_SUM ||
            value > QUIVER_EXPRESSION_AGGREGATE_AGENTS_OPERATION_PERCENTILE) {
            quiver_c::fail("aggregate_agents", "unknown operation enum value");
        }
        *out_expression = wrap(expression->expression.aggregate_agents(
            static_cast<quiver::ExpressionAggregateAgents::Operation>(value), to_parameter(parameter)));
    });
}

QUIVER_C_API quiver_error_t quiver_expression_select_agents(quiver_expression_t* expression, const char* const* labels,
                                                            size_t label_count, quiver_expression_t** out_expression) {
    return guard([&] {
        require({{expression, "expression"}, {labels, "labels"}, {out_expression, "out_expression"}});
        *out_expression = wrap(expression->expression.select_agents(
            quiver_c::to_strings(labels, label_count, "labels", "select_agents", "label")));
    });
}

QUIVER_C_API quiver_error_t quiver_expression_rename_agents(quiver_expression_t* expression,
                                                            const char* const* old_labels,
                                                            const char* const* new_labels, size_t mapping_count,
                                                            quiver_expression_t** out_expression) {
    return guard([&] {
        require({{expression, "expression"},
                 {old_labels, "old_labels"},
                 {new_labels, "new_labels"},
                 {out_expression, "out_expression"}});
        const auto from = quiver_c::to_strings(old_labels, mapping_count, "old_labels", "rename_agents", "old label");
        const auto to = quiver_c::to_strings(new_labels, mapping_count, "new_labels", "rename_agents", "new label");
        std::vector<std::pair<std::string, std::string>> mapping;
        for (size_t i = 0; i < mapping_count; ++i) mapping.emplace_back(from[i], to[i]);
        *out_expression = wrap(expression->expression.rename_agents(mapping));
    });
}

}  // extern "C"
