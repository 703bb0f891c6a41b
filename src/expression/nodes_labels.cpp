// Label selection and renaming (binary.md §5.9).
#include "quiver/expression/expression_node.h"

#include "errors.h"
#include "expression/broadcast.h"

#include <algorithm>
#include <set>

namespace quiver {

ExpressionSelectAgents::ExpressionSelectAgents(std::shared_ptr<ExpressionNode> operand, std::vector<std::string> labels)
    : operand_(std::move(operand)) {
    if (!operand_) detail::fail_cannot("select_agents", "operand is null");
    const auto& source = operand_->metadata().labels;
    for (const auto& label : labels) {
        const auto it = std::find(source.begin(), source.end(), label);
        if (it == source.end()) detail::fail_cannot("select_agents", "label not found: '" + label + "'");
        source_.push_back(static_cast<size_t>(it - source.begin()));
    }
    metadata_ = operand_->metadata();
    metadata_.labels = std::move(labels);
    expression_detail::finish_metadata(metadata_, "select_agents");
}

void ExpressionSelectAgents::collect_input_files(std::vector<BinaryFile*>& out) const {
    operand_->collect_input_files(out);
}

void ExpressionSelectAgents::compute_run(const int64_t* dims, int64_t count, double* out) const {
    const size_t from = operand_->metadata().labels.size();
    buffer_.resize(static_cast<size_t>(count) * from);
    operand_->compute_run(dims, count, buffer_.data());
    const size_t to = source_.size();
    for (size_t r = 0; r < static_cast<size_t>(count); ++r) {
        for (size_t k = 0; k < to; ++k) out[r * to + k] = buffer_[r * from + source_[k]];
    }
}

ExpressionRenameAgents::ExpressionRenameAgents(std::shared_ptr<ExpressionNode> operand,
                                               std::vector<std::pair<std::string, std::string>> mapping)
    : operand_(std::move(operand)) {
    if (!operand_) detail::fail_cannot("rename_agents", "operand is null");
    std::set<std::string> keys;
    for (const auto& [from, to] : mapping) {
        if (!keys.insert(from).second) detail::fail_cannot("rename_agents", "duplicate key '" + from + "'");
    }
    metadata_ = operand_->metadata();
    auto& labels = metadata_.labels;
    for (const auto& [from, to] : mapping) {
        if (std::find(labels.begin(), labels.end(), from) == labels.end()) {
            detail::fail_cannot("rename_agents", "label not found: '" + from + "'");
        }
    }
    for (auto& label : labels) {
        for (const auto& [from, to] : mapping) {
            if (label == from) {
                label = to;
                break;
            }
        }
    }
    expression_detail::finish_metadata(metadata_, "rename_agents");
}

void ExpressionRenameAgents::collect_input_files(std::vector<BinaryFile*>& out) const {
    operand_->collect_input_files(out);
}

void ExpressionRenameAgents::compute_run(const int64_t* dims, int64_t count, double* out) const {
    operand_->compute_run(dims, count, out);
}

}  // namespace quiver
