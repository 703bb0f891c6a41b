// Reductions over a dimension and across labels (binary.md §5.6–§5.8, B15).
#include "quiver/expression/expression_node.h"

#include "binary/layout.h"
#include "errors.h"
#include "expression/broadcast.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace quiver {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

enum class Reduce { Sum, Mean, Min, Max, Percentile };

const char* reduce_name(Reduce r) {
    switch (r) {
        case Reduce::Sum: return "sum";
        case Reduce::Mean: return "mean";
        case Reduce::Min: return "min";
        case Reduce::Max: return "max";
        case Reduce::Percentile: return "percentile";
    }
    return "unknown";
}

void check_parameter(std::string_view op, Reduce reduce, const std::optional<double>& parameter) {
    if (reduce == Reduce::Percentile) {
        if (!parameter) detail::fail_cannot(op, "operation 'percentile' requires a parameter");
        if (!(*parameter >= 0.0 && *parameter <= 1.0)) {
            detail::fail_cannot(op, "percentile must be in [0, 1], got " + std::to_string(*parameter));
        }
    } else if (parameter) {
        detail::fail_cannot(op, std::string("operation '") + reduce_name(reduce) + "' does not accept a parameter");
    }
}

// §5.8: linear interpolation between closest ranks (NumPy "linear") over the non-NaN values,
// which are in values[0..n) (reordered in place).
double percentile(double* values, size_t n, double p) {
    if (n == 0) return kNaN;
    const double pos = static_cast<double>(n - 1) * p;
    const auto lo = static_cast<size_t>(std::floor(pos));
    std::nth_element(values, values + lo, values + n);
    const double x_lo = values[lo];
    if (lo + 1 >= n || pos == static_cast<double>(lo)) return x_lo;
    const double x_hi = *std::min_element(values + lo + 1, values + n);
    return x_lo + (pos - static_cast<double>(lo)) * (x_hi - x_lo);
}

// Running sum/count/min/max of one output cell, NaN skipped.
struct Accumulator {
    double sum = 0;
    int64_t count = 0;
    double min = std::numeric_limits<double>::infinity();
    double max = -std::numeric_limits<double>::infinity();
    void add(double x) {
        if (std::isnan(x)) return;
        sum += x;
        ++count;
        min = std::min(min, x);
        max = std::max(max, x);
    }
    double result(Reduce r) const {
        if (count == 0) return kNaN;
        switch (r) {
            case Reduce::Sum: return sum;
            case Reduce::Mean: return sum / static_cast<double>(count);
            case Reduce::Min: return min;
            case Reduce::Max: return max;
            default: return kNaN;
        }
    }
};

}  // namespace

// ---------------------------------------------------------------------------------------------
// ExpressionAggregate

struct ExpressionAggregate::State {
    binary_detail::Layout operand_layout;
    size_t removed = 0;               // index of the reduced dimension in the operand
    bool removed_is_last = false;
    bool removed_is_time = false;
    int parent_dim = -1;              // operand index of the reduced dimension's time parent
    int64_t initial_value = 1;
    int64_t parent_initial_value = 1;
    bool check_addressable = false;   // B15: the reduced dimension has time children
    Reduce reduce = Reduce::Sum;
    double parameter = 0;
    std::vector<int64_t> coords;
    std::vector<double> rows;         // operand values of the current window position(s)
    std::vector<double> window;       // percentile: every value of the window per cell
    std::vector<double> gather;
    std::vector<Accumulator> cells;

    void set_coords(const int64_t* out_dims) {
        for (size_t i = 0, o = 0; i < coords.size(); ++i) {
            if (i != removed) coords[i] = out_dims[o++];
        }
    }
    // The window of the reduced dimension at coords (§5.6).
    void window_bounds(int64_t& start, int64_t& end) {
        start = 1;
        if (removed_is_time && (parent_dim < 0 || coords[static_cast<size_t>(parent_dim)] == parent_initial_value)) {
            start = initial_value;
        }
        coords[removed] = start;
        end = operand_layout.size_at(coords.data(), removed);
    }
    bool addressable() const { return !check_addressable || operand_layout.addressable(coords.data()); }
};

ExpressionAggregate::ExpressionAggregate(Operation operation, std::shared_ptr<ExpressionNode> operand,
                                         std::string dimension_name, std::optional<double> parameter)
    : operand_(std::move(operand)), parameter_(parameter), state_(std::make_unique<State>()) {
    auto& s = *state_;
    s.reduce = static_cast<Reduce>(operation);
    check_parameter("aggregate", s.reduce, parameter);
    if (!operand_) detail::fail_cannot("aggregate", "operand is null");
    BinaryMetadata md = operand_->metadata();
    md.refresh_time_properties();
    size_t removed = md.dimensions.size();
    for (size_t i = 0; i < md.dimensions.size(); ++i) {
        if (md.dimensions[i].name == dimension_name) removed = i;
    }
    if (removed == md.dimensions.size()) detail::fail_not_found("Dimension", "'" + dimension_name + "' in operand metadata");
    s.operand_layout = binary_detail::Layout(md);
    s.removed = removed;
    s.removed_is_last = removed + 1 == md.dimensions.size();
    const auto& time = md.dimensions[removed].time;
    if (time) {
        s.removed_is_time = true;
        s.initial_value = time->initial_value;
        s.parent_dim = static_cast<int>(time->parent_dimension_index);
        if (s.parent_dim >= 0) s.parent_initial_value = md.dimensions[static_cast<size_t>(s.parent_dim)].time->initial_value;
        for (const auto& d : md.dimensions) {
            if (d.time && d.time->parent_dimension_index == static_cast<int64_t>(removed)) s.check_addressable = true;
        }
    }
    s.parameter = parameter.value_or(0);
    s.coords.assign(md.dimensions.size(), 1);
    metadata_ = md;
    metadata_.dimensions.erase(metadata_.dimensions.begin() + static_cast<std::ptrdiff_t>(removed));
    expression_detail::finish_metadata(metadata_, "aggregate");  // re-parents and recomputes (B15)
}

ExpressionAggregate::~ExpressionAggregate() = default;

void ExpressionAggregate::collect_input_files(std::vector<BinaryFile*>& out) const {
    operand_->collect_input_files(out);
}

void ExpressionAggregate::compute_run(const int64_t* dims, int64_t count, double* out) const {
    auto& s = *state_;
    const auto L = static_cast<int64_t>(metadata_.labels.size());
    const bool pct = s.reduce == Reduce::Percentile;
    const size_t last = s.coords.size() - 1;
    if (!s.removed_is_last) {
        // The run moves along the operand's last dimension; the window is the same for every row.
        s.set_coords(dims);
        int64_t start, end;
        s.window_bounds(start, end);
        const int64_t width = std::max<int64_t>(end - start + 1, 0);
        const auto cells = static_cast<size_t>(count * L);
        s.cells.assign(pct ? 0 : cells, Accumulator{});
        if (pct) s.window.assign(cells * static_cast<size_t>(width), kNaN);
        s.rows.resize(cells);
        for (int64_t w = 0; w < width; ++w) {
            s.coords[s.removed] = start + w;
            if (s.check_addressable) {
                const int64_t first = s.coords[last];
                for (int64_t r = 0; r < count; ++r) {
                    s.coords[last] = first + r;
                    double* row = s.rows.data() + r * L;
                    if (s.addressable()) {
                        operand_->compute_run(s.coords.data(), 1, row);
                    } else {
                        std::fill(row, row + L, kNaN);
                    }
                }
                s.coords[last] = first;
            } else {
                operand_->compute_run(s.coords.data(), count, s.rows.data());
            }
            if (pct) {
                std::copy(s.rows.begin(), s.rows.end(), s.window.begin() + static_cast<std::ptrdiff_t>(cells * w));
            } else {
                for (size_t i = 0; i < cells; ++i) s.cells[i].add(s.rows[i]);
            }
        }
        for (size_t i = 0; i < cells; ++i) {
            if (!pct) {
                out[i] = s.cells[i].result(s.reduce);
                continue;
            }
            s.gather.clear();
            for (int64_t w = 0; w < width; ++w) {
                const double x = s.window[cells * static_cast<size_t>(w) + i];
                if (!std::isnan(x)) s.gather.push_back(x);
            }
            out[i] = percentile(s.gather.data(), s.gather.size(), s.parameter);
        }
        return;
    }
    // The reduced dimension is the operand's last: each output row reads its window as one run.
    std::vector<int64_t> row_dims(dims, dims + metadata_.dimensions.size());
    const size_t out_last = metadata_.dimensions.size() - 1;
    for (int64_t r = 0; r < count; ++r) {
        row_dims[out_last] = dims[out_last] + r;
        s.set_coords(row_dims.data());
        int64_t start, end;
        s.window_bounds(start, end);
        const int64_t width = std::max<int64_t>(end - start + 1, 0);
        s.rows.resize(static_cast<size_t>(width * L));
        if (width > 0) operand_->compute_run(s.coords.data(), width, s.rows.data());
        if (s.check_addressable) {
            for (int64_t w = 0; w < width; ++w) {
                s.coords[s.removed] = start + w;
                if (!s.addressable()) std::fill_n(s.rows.begin() + w * L, L, kNaN);
            }
        }
        for (int64_t k = 0; k < L; ++k) {
            if (pct) {
                s.gather.clear();
                for (int64_t w = 0; w < width; ++w) {
                    const double x = s.rows[static_cast<size_t>(w * L + k)];
                    if (!std::isnan(x)) s.gather.push_back(x);
                }
                out[r * L + k] = percentile(s.gather.data(), s.gather.size(), s.parameter);
            } else {
                Accumulator a;
                for (int64_t w = 0; w < width; ++w) a.add(s.rows[static_cast<size_t>(w * L + k)]);
                out[r * L + k] = a.result(s.reduce);
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// ExpressionAggregateAgents

ExpressionAggregateAgents::ExpressionAggregateAgents(Operation operation, std::shared_ptr<ExpressionNode> operand,
                                                     std::optional<double> parameter)
    : operation_(operation), operand_(std::move(operand)), parameter_(parameter) {
    check_parameter("aggregate_agents", static_cast<Reduce>(operation), parameter);
    if (!operand_) detail::fail_cannot("aggregate_agents", "operand is null");
    metadata_ = operand_->metadata();
    metadata_.labels = {reduce_name(static_cast<Reduce>(operation))};
    expression_detail::finish_metadata(metadata_, "aggregate_agents");
}

void ExpressionAggregateAgents::collect_input_files(std::vector<BinaryFile*>& out) const {
    operand_->collect_input_files(out);
}

void ExpressionAggregateAgents::compute_run(const int64_t* dims, int64_t count, double* out) const {
    const auto L = static_cast<int64_t>(operand_->metadata().labels.size());
    buffer_.resize(static_cast<size_t>(count * L));
    operand_->compute_run(dims, count, buffer_.data());
    const auto reduce = static_cast<Reduce>(operation_);
    for (int64_t r = 0; r < count; ++r) {
        const double* row = buffer_.data() + r * L;
        if (reduce == Reduce::Percentile) {
            scratch_.clear();
            for (int64_t k = 0; k < L; ++k) {
                if (!std::isnan(row[k])) scratch_.push_back(row[k]);
            }
            out[r] = percentile(scratch_.data(), scratch_.size(), *parameter_);
        } else {
            Accumulator a;
            for (int64_t k = 0; k < L; ++k) a.add(row[k]);
            out[r] = a.result(reduce);
        }
    }
}

}  // namespace quiver
