// Lazy expressions over binary files (binary.md §5).
//
//   Expression a(BinaryFile("out/thermal")), b(BinaryFile("out/hydro"));
//   ((a + b) * 2.0).aggregate("scenario", ExpressionAggregate::Operation::Percentile, 0.9).save("out/p90");
//
// Building validates everything eagerly and reads only the .toml sidecars; save() streams the
// result into a new file pair (written to temporaries and renamed into place, B14). An
// Expression is an immutable handle on a shared DAG; copies are cheap. Every failure is a
// std::runtime_error ("Cannot apply: ...", "Cannot aggregate: ...", "Cannot save: ...").
#ifndef QUIVER_EXPRESSION_EXPRESSION_H
#define QUIVER_EXPRESSION_EXPRESSION_H

#include "quiver/expression/expression_node.h"

namespace quiver {

class QUIVER_API Expression {
public:
    // Uses only file.get_file_path(): loads <path>.toml and reads through its own handle.
    Expression(const BinaryFile& file);  // NOLINT: implicit, so that file_a + file_b works
    explicit Expression(std::shared_ptr<ExpressionNode> node);

    const BinaryMetadata& metadata() const;
    const std::shared_ptr<ExpressionNode>& node() const { return node_; }
    void save(const std::string& path) const;

    Expression aggregate(const std::string& dimension, ExpressionAggregate::Operation operation,
                         std::optional<double> parameter = std::nullopt) const;
    Expression aggregate_agents(ExpressionAggregateAgents::Operation operation,
                                std::optional<double> parameter = std::nullopt) const;
    Expression select_agents(const std::vector<std::string>& labels) const;
    Expression rename_agents(const std::vector<std::pair<std::string, std::string>>& mapping) const;

private:
    std::shared_ptr<ExpressionNode> node_;
};

// Element-wise operators; a double operand takes the other operand's metadata.
#define QUIVER_EXPRESSION_BINARY_OPERATOR(op)                                   \
    QUIVER_API Expression operator op(const Expression& lhs, const Expression& rhs); \
    QUIVER_API Expression operator op(const Expression& lhs, double rhs);          \
    QUIVER_API Expression operator op(double lhs, const Expression& rhs);
QUIVER_EXPRESSION_BINARY_OPERATOR(+)
QUIVER_EXPRESSION_BINARY_OPERATOR(-)
QUIVER_EXPRESSION_BINARY_OPERATOR(*)
QUIVER_EXPRESSION_BINARY_OPERATOR(/)
// Comparisons and logic give 1.0/0.0 masks (NaN in, NaN out), not bool.
QUIVER_EXPRESSION_BINARY_OPERATOR(>)
QUIVER_EXPRESSION_BINARY_OPERATOR(<)
QUIVER_EXPRESSION_BINARY_OPERATOR(>=)
QUIVER_EXPRESSION_BINARY_OPERATOR(<=)
QUIVER_EXPRESSION_BINARY_OPERATOR(==)
QUIVER_EXPRESSION_BINARY_OPERATOR(!=)
QUIVER_EXPRESSION_BINARY_OPERATOR(&&)
QUIVER_EXPRESSION_BINARY_OPERATOR(||)
#undef QUIVER_EXPRESSION_BINARY_OPERATOR

QUIVER_API Expression operator-(const Expression& operand);
QUIVER_API Expression operator!(const Expression& operand);
QUIVER_API Expression abs(const Expression& operand);
QUIVER_API Expression sqrt(const Expression& operand);
QUIVER_API Expression log(const Expression& operand);
QUIVER_API Expression exp(const Expression& operand);

// condition != 0 ? then_value : else_value (NaN condition gives NaN). Doubles allowed for the
// branches (B17).
QUIVER_API Expression ifelse(const Expression& condition, const Expression& then_value, const Expression& else_value);
QUIVER_API Expression ifelse(const Expression& condition, double then_value, const Expression& else_value);
QUIVER_API Expression ifelse(const Expression& condition, const Expression& then_value, double else_value);
QUIVER_API Expression ifelse(const Expression& condition, double then_value, double else_value);

}  // namespace quiver

#endif  // QUIVER_EXPRESSION_EXPRESSION_H
