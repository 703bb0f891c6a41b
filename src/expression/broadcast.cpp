#include "expression/broadcast.h"

#include "binary/metadata_rules.h"
#include "errors.h"

namespace quiver {

namespace expression_detail {

void fail_apply(const std::string& reason) {
    detail::fail_cannot("apply", reason);
}

namespace {

const Dimension* find_dimension(const BinaryMetadata& md, const std::string& name) {
    for (const auto& d : md.dimensions) {
        if (d.name == name) return &d;
    }
    return nullptr;
}

std::string parent_name(const BinaryMetadata& md, const TimeProperties& time) {
    return time.parent_dimension_index < 0 ? "" : md.dimensions[static_cast<size_t>(time.parent_dimension_index)].name;
}

}  // namespace

BinaryMetadata merge_dimensions(const std::vector<Operand>& operands, const std::vector<size_t>& priority) {
    std::vector<BinaryMetadata> refreshed;
    for (const auto& o : operands) {
        refreshed.push_back(*o.metadata);
        refreshed.back().refresh_time_properties();
    }
    BinaryMetadata out;
    // Shapes: union in operand order, sizes equal or 1.
    for (const auto& md : refreshed) {
        for (const auto& d : md.dimensions) {
            Dimension* existing = nullptr;
            for (auto& e : out.dimensions) {
                if (e.name == d.name) existing = &e;
            }
            if (!existing) {
                out.dimensions.push_back(d);
                continue;
            }
            if (existing->size != d.size && existing->size != 1 && d.size != 1) {
                fail_apply("dimension '" + d.name + "' has incompatible sizes " + std::to_string(existing->size) +
                           " vs " + std::to_string(d.size) + " (broadcasting requires n x n, 1 x n, or n x 1)");
            }
            existing->size = std::max(existing->size, d.size);
        }
    }
    // Time: a shared dimension is a time dimension everywhere or nowhere, with equal properties.
    for (size_t a = 0; a < refreshed.size(); ++a) {
        for (size_t b = a + 1; b < refreshed.size(); ++b) {
            for (const auto& da : refreshed[a].dimensions) {
                const Dimension* db = find_dimension(refreshed[b], da.name);
                if (!db) continue;
                if (da.is_time_dimension() != db->is_time_dimension()) {
                    const bool a_time = da.is_time_dimension();
                    fail_apply("dimension '" + da.name + "' is a time dimension on " +
                               operands[a_time ? a : b].name + " but not on " + operands[a_time ? b : a].name);
                }
                if (da.time && (da.time->frequency != db->time->frequency ||
                                da.time->initial_value != db->time->initial_value ||
                                parent_name(refreshed[a], *da.time) != parent_name(refreshed[b], *db->time))) {
                    fail_apply("time dimension '" + da.name + "' has incompatible TimeProperties");
                }
            }
        }
    }
    const BinaryMetadata* with_time = nullptr;
    for (size_t p : priority) {
        if (refreshed[p].number_of_time_dimensions() == 0) continue;
        if (with_time && with_time->initial_datetime != refreshed[p].initial_datetime) {
            fail_apply("initial_datetime differs");
        }
        if (!with_time) with_time = &refreshed[p];
    }
    const BinaryMetadata& source = with_time ? *with_time : refreshed[priority[0]];
    out.initial_datetime = source.initial_datetime;
    out.version = source.version;
    return out;
}

void bind_operand(BroadcastOperand& operand, std::shared_ptr<ExpressionNode> node, const BinaryMetadata& output) {
    const auto& md = node->metadata();
    operand.output_dim.clear();
    operand.fixed_at_one.clear();
    const int last_output = static_cast<int>(output.dimensions.size()) - 1;
    operand.run = BroadcastOperand::Run::Constant;
    for (size_t i = 0; i < md.dimensions.size(); ++i) {
        int index = -1;
        for (size_t j = 0; j < output.dimensions.size(); ++j) {
            if (output.dimensions[j].name == md.dimensions[i].name) index = static_cast<int>(j);
        }
        const bool fixed = md.dimensions[i].size == 1 && output.dimensions[static_cast<size_t>(index)].size > 1;
        operand.output_dim.push_back(index);
        operand.fixed_at_one.push_back(fixed ? 1 : 0);
        if (index == last_output && !fixed) {
            operand.run = i + 1 == md.dimensions.size() ? BroadcastOperand::Run::Contiguous
                                                        : BroadcastOperand::Run::PerRow;
            operand.moving_dim = i;
        }
    }
    if (dynamic_cast<const ExpressionScalar*>(node.get())) operand.run = BroadcastOperand::Run::Constant;
    operand.single_label = md.labels.size() == 1 && output.labels.size() > 1;
    operand.coords.assign(md.dimensions.size(), 1);
    operand.node = std::move(node);
}

void finish_metadata(BinaryMetadata& metadata, std::string_view op) {
    binary_detail::validate_metadata(metadata, op);
    metadata.refresh_time_properties();
}

}  // namespace expression_detail

const double* BroadcastOperand::fetch(const int64_t* out_dims, int64_t count, int64_t& row_stride,
                                      int64_t& label_stride) const {
    for (size_t i = 0; i < coords.size(); ++i) {
        coords[i] = fixed_at_one[i] ? 1 : out_dims[output_dim[i]];
    }
    const auto labels = static_cast<int64_t>(node->metadata().labels.size());
    label_stride = single_label ? 0 : 1;
    switch (run) {
        case Run::Constant:
            buffer.resize(static_cast<size_t>(labels));
            node->compute_run(coords.data(), 1, buffer.data());
            row_stride = 0;
            break;
        case Run::Contiguous:
            buffer.resize(static_cast<size_t>(count * labels));
            node->compute_run(coords.data(), count, buffer.data());
            row_stride = labels;
            break;
        case Run::PerRow: {
            buffer.resize(static_cast<size_t>(count * labels));
            const size_t j = moving_dim;
            const int64_t start = coords[j];
            for (int64_t r = 0; r < count; ++r) {
                coords[j] = start + r;
                node->compute_run(coords.data(), 1, buffer.data() + r * labels);
            }
            row_stride = labels;
            break;
        }
    }
    return buffer.data();
}

}  // namespace quiver
