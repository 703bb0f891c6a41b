// Expression: the value handle, its operators and the streaming save (binary.md §5.1, §5.10).
#include "quiver/expression/expression.h"

#include "binary/binary_file_impl.h"
#include "binary/file_registry.h"
#include "errors.h"

#include <algorithm>

namespace quiver {

Expression::Expression(const BinaryFile& file)
    : node_(std::make_shared<ExpressionFile>(file.get_file_path())) {}

Expression::Expression(std::shared_ptr<ExpressionNode> node) : node_(std::move(node)) {
    if (!node_) detail::fail_cannot("apply", "operand is null");
}

const BinaryMetadata& Expression::metadata() const {
    return node_->metadata();
}

Expression Expression::aggregate(const std::string& dimension, ExpressionAggregate::Operation operation,
                                 std::optional<double> parameter) const {
    return Expression(std::make_shared<ExpressionAggregate>(operation, node_, dimension, parameter));
}

Expression Expression::aggregate_agents(ExpressionAggregateAgents::Operation operation,
                                        std::optional<double> parameter) const {
    return Expression(std::make_shared<ExpressionAggregateAgents>(operation, node_, parameter));
}

Expression Expression::select_agents(const std::vector<std::string>& labels) const {
    return Expression(std::make_shared<ExpressionSelectAgents>(node_, labels));
}

Expression Expression::rename_agents(const std::vector<std::pair<std::string, std::string>>& mapping) const {
    return Expression(std::make_shared<ExpressionRenameAgents>(node_, mapping));
}

namespace {

// Closes every input when save returns or throws.
struct InputsGuard {
    std::vector<BinaryFile*> files;
    ~InputsGuard() {
        for (auto* f : files) f->close();
    }
};

}  // namespace

void Expression::save(const std::string& path) const {
    std::vector<BinaryFile*> inputs;
    node_->collect_input_files(inputs);
    const std::string output = binary_detail::canonical_base(path);
    for (auto* input : inputs) {
        if (binary_detail::canonical_base(input->get_file_path()) == output) {
            detail::fail_cannot("save", "output path collides with input file '" + input->get_file_path() + "'");
        }
    }
    std::sort(inputs.begin(), inputs.end());
    inputs.erase(std::unique(inputs.begin(), inputs.end()), inputs.end());
    InputsGuard guard;
    for (auto* input : inputs) {
        input->open('r');
        guard.files.push_back(input);
    }
    BinaryFile file(path);
    BinaryFileAccess::open_replacing(file, node_->metadata(), "save");
    auto& impl = BinaryFileAccess::impl(file);
    const auto& layout = impl.layout;
    const size_t last = layout.dimension_count() - 1;
    const int64_t labels = layout.label_count();
    std::vector<int64_t> v(layout.dimension_count());
    layout.first(v.data());
    do {
        // One run: the rest of the current line along the last dimension.
        const int64_t end = layout.size_at(v.data(), last);
        const int64_t count = end - v[last] + 1;
        if (count > 0) node_->compute_run(v.data(), count, impl.stream_reserve(layout.cell_index(v.data()) * labels, count * labels));
        v[last] = end;
    } while (layout.next(v.data()));
    BinaryFileAccess::commit_replace(file);
}

namespace {

using Op = ExpressionBinary::Operation;

Expression binary(Op op, const Expression& lhs, const Expression& rhs) {
    return Expression(std::make_shared<ExpressionBinary>(op, lhs.node(), rhs.node()));
}

Expression scalar_like(double value, const Expression& other) {
    return Expression(std::make_shared<ExpressionScalar>(value, other.metadata()));
}

Expression unary(ExpressionUnary::Operation op, const Expression& operand) {
    return Expression(std::make_shared<ExpressionUnary>(op, operand.node()));
}

}  // namespace

#define QUIVER_DEFINE_BINARY_OPERATOR(symbol, op)                                                     \
    Expression operator symbol(const Expression& lhs, const Expression& rhs) { return binary(op, lhs, rhs); } \
    Expression operator symbol(const Expression& lhs, double rhs) { return binary(op, lhs, scalar_like(rhs, lhs)); } \
    Expression operator symbol(double lhs, const Expression& rhs) { return binary(op, scalar_like(lhs, rhs), rhs); }
QUIVER_DEFINE_BINARY_OPERATOR(+, Op::Add)
QUIVER_DEFINE_BINARY_OPERATOR(-, Op::Subtract)
QUIVER_DEFINE_BINARY_OPERATOR(*, Op::Multiply)
QUIVER_DEFINE_BINARY_OPERATOR(/, Op::Divide)
QUIVER_DEFINE_BINARY_OPERATOR(>, Op::Gt)
QUIVER_DEFINE_BINARY_OPERATOR(<, Op::Lt)
QUIVER_DEFINE_BINARY_OPERATOR(>=, Op::Gte)
QUIVER_DEFINE_BINARY_OPERATOR(<=, Op::Lte)
QUIVER_DEFINE_BINARY_OPERATOR(==, Op::Eq)
QUIVER_DEFINE_BINARY_OPERATOR(!=, Op::Neq)
QUIVER_DEFINE_BINARY_OPERATOR(&&, Op::And)
QUIVER_DEFINE_BINARY_OPERATOR(||, Op::Or)
#undef QUIVER_DEFINE_BINARY_OPERATOR

Expression operator-(const Expression& operand) {
    return unary(ExpressionUnary::Operation::Negate, operand);
}
Expression operator!(const Expression& operand) {
    return unary(ExpressionUnary::Operation::Not, operand);
}
Expression abs(const Expression& operand) {
    return unary(ExpressionUnary::Operation::Abs, operand);
}
Expression sqrt(const Expression& operand) {
    return unary(ExpressionUnary::Operation::Sqrt, operand);
}
Expression log(const Expression& operand) {
    return unary(ExpressionUnary::Operation::Log, operand);
}
Expression exp(const Expression& operand) {
    return unary(ExpressionUnary::Operation::Exp, operand);
}

Expression ifelse(const Expression& condition, const Expression& then_value, const Expression& else_value) {
    return Expression(std::make_shared<ExpressionTernary>(ExpressionTernary::Operation::IfElse, condition.node(),
                                                          then_value.node(), else_value.node()));
}
Expression ifelse(const Expression& condition, double then_value, const Expression& else_value) {
    return ifelse(condition, scalar_like(then_value, else_value), else_value);
}
Expression ifelse(const Expression& condition, const Expression& then_value, double else_value) {
    return ifelse(condition, then_value, scalar_like(else_value, then_value));
}
Expression ifelse(const Expression& condition, double then_value, double else_value) {
    // Both branches take the condition's shape; their unit is the condition's too.
    return ifelse(condition, scalar_like(then_value, condition), scalar_like(else_value, condition));
}

}  // namespace quiver
