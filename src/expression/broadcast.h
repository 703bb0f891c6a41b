// Shape, time and label merging of broadcasting nodes (binary.md §5.4, §5.5), shared by the
// binary and ternary nodes.
#ifndef QUIVER_SRC_EXPRESSION_BROADCAST_H
#define QUIVER_SRC_EXPRESSION_BROADCAST_H

#include "quiver/expression/expression_node.h"

#include <string>
#include <vector>

namespace quiver::expression_detail {

struct Operand {
    const BinaryMetadata* metadata;
    std::string name;  // "lhs", "rhs", "condition", "then_value", "else_value" in messages
};

// Output dimensions (union in operand order; sizes = max), checked for size, time-ness and time
// properties, plus initial_datetime and version from the first operand in `priority` that has
// time dimensions (else priority[0]). Labels and unit are left to the caller. Throws
// "Cannot apply: ...".
BinaryMetadata merge_dimensions(const std::vector<Operand>& operands, const std::vector<size_t>& priority);

// Sets up operand so it reads its node at the coordinates of output (§5.4).
void bind_operand(BroadcastOperand& operand, std::shared_ptr<ExpressionNode> node, const BinaryMetadata& output);

// Refreshes time properties and validates with op (B4, §5.4 "output metadata is validated").
void finish_metadata(BinaryMetadata& metadata, std::string_view op);

// The B1 form of an expression-level argument error.
[[noreturn]] void fail_apply(const std::string& reason);

}  // namespace quiver::expression_detail

#endif  // QUIVER_SRC_EXPRESSION_BROADCAST_H
