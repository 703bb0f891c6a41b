// Leaves and element-wise nodes (binary.md §5.2–§5.5).
#include "quiver/expression/expression_node.h"

#include "binary/binary_file_impl.h"
#include "errors.h"
#include "expression/broadcast.h"

#include <cmath>
#include <cstring>
#include <limits>

namespace quiver {

using expression_detail::fail_apply;

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
}

ExpressionNode::~ExpressionNode() = default;

void ExpressionNode::compute_row(const std::vector<int64_t>& dims, std::vector<double>& out) const {
    const auto& md = metadata();
    if (dims.size() != md.dimensions.size()) {
        detail::fail_cannot("compute_row", "expected " + std::to_string(md.dimensions.size()) + " dimensions, got " +
                                               std::to_string(dims.size()));
    }
    for (size_t i = 0; i < dims.size(); ++i) {
        if (dims[i] < 1 || dims[i] > md.dimensions[i].size) {
            detail::fail_cannot("compute_row", "dimension '" + md.dimensions[i].name + "' value " +
                                                   std::to_string(dims[i]) + " is out of bounds [1, " +
                                                   std::to_string(md.dimensions[i].size) + "]");
        }
    }
    out.resize(md.labels.size());
    compute_run(dims.data(), 1, out.data());
}

// ---------------------------------------------------------------------------------------------
// ExpressionFile

ExpressionFile::ExpressionFile(const std::string& path)
    : path_(path), metadata_(BinaryMetadata::from_toml_file(path)), file_(std::make_unique<BinaryFile>(path)) {}

ExpressionFile::~ExpressionFile() = default;

const std::string& ExpressionFile::path() const {
    return path_;
}

const BinaryMetadata& ExpressionFile::metadata() const {
    return metadata_;
}

void ExpressionFile::collect_input_files(std::vector<BinaryFile*>& out) const {
    out.push_back(file_.get());
}

void ExpressionFile::compute_run(const int64_t* dims, int64_t count, double* out) const {
    if (!file_->is_open()) file_->open('r');
    auto& impl = BinaryFileAccess::impl(*file_);
    const auto& layout = impl.layout;
    // Coordinates come from iteration (calendar-consistent by construction); bounds are checked.
    const int bad = layout.out_of_bounds(dims);
    if (bad >= 0) layout.fail_bounds("read", dims, bad);
    const size_t last = layout.dimension_count() - 1;
    if (dims[last] + count - 1 > layout.sizes()[last]) {
        detail::fail_cannot("read", "dimension '" + metadata_.dimensions[last].name + "' value " +
                                        std::to_string(dims[last] + count - 1) + " is out of bounds [1, " +
                                        std::to_string(layout.sizes()[last]) + "]");
    }
    const int64_t labels = layout.label_count();
    std::memcpy(out, impl.map + layout.cell_index(dims) * labels, static_cast<size_t>(count * labels) * sizeof(double));
}

// ---------------------------------------------------------------------------------------------
// ExpressionScalar

ExpressionScalar::ExpressionScalar(double value, BinaryMetadata broadcast_meta)
    : value_(value), metadata_(std::move(broadcast_meta)) {}

void ExpressionScalar::compute_run(const int64_t*, int64_t count, double* out) const {
    std::fill(out, out + count * static_cast<int64_t>(metadata_.labels.size()), value_);
}

// ---------------------------------------------------------------------------------------------
// ExpressionBinary

namespace {

using BinaryOp = ExpressionBinary::Operation;

bool takes_unit(BinaryOp op) {
    return op != BinaryOp::And && op != BinaryOp::Or;
}

template <typename F>
void combine(F f, const double* a, int64_t ars, int64_t aks, const double* b, int64_t brs, int64_t bks, int64_t count,
             int64_t labels, double* out) {
    if (ars == labels && aks == 1 && brs == labels && bks == 1) {
        for (int64_t i = 0; i < count * labels; ++i) out[i] = f(a[i], b[i]);
        return;
    }
    if (ars == labels && aks == 1 && brs == 0 && bks == 0) {
        const double y = b[0];
        for (int64_t i = 0; i < count * labels; ++i) out[i] = f(a[i], y);
        return;
    }
    for (int64_t r = 0; r < count; ++r) {
        for (int64_t k = 0; k < labels; ++k) out[r * labels + k] = f(a[r * ars + k * aks], b[r * brs + k * bks]);
    }
}

template <typename F>
double masked(double x, double y, F f) {
    return std::isnan(x) || std::isnan(y) ? kNaN : (f(x, y) ? 1.0 : 0.0);
}

}  // namespace

ExpressionBinary::ExpressionBinary(Operation operation, std::shared_ptr<ExpressionNode> lhs,
                                   std::shared_ptr<ExpressionNode> rhs)
    : operation_(operation) {
    if (!lhs || !rhs) fail_apply("operand is null");
    const auto& l = lhs->metadata();
    const auto& r = rhs->metadata();
    if (takes_unit(operation) && l.unit != r.unit) fail_apply("units differ ('" + l.unit + "' vs '" + r.unit + "')");
    metadata_ = expression_detail::merge_dimensions({{&l, "lhs"}, {&r, "rhs"}}, {0, 1});
    if (l.labels == r.labels) {
        metadata_.labels = l.labels;
    } else if (l.labels.size() != r.labels.size() && (l.labels.size() == 1 || r.labels.size() == 1)) {
        metadata_.labels = l.labels.size() == 1 ? r.labels : l.labels;
    } else if (l.labels.size() == r.labels.size()) {
        fail_apply("labels have same size " + std::to_string(l.labels.size()) + " but different content");
    } else {
        fail_apply("labels have incompatible sizes " + std::to_string(l.labels.size()) + " vs " +
                   std::to_string(r.labels.size()));
    }
    metadata_.unit = takes_unit(operation) ? l.unit : "";
    expression_detail::finish_metadata(metadata_, "apply");
    expression_detail::bind_operand(lhs_, std::move(lhs), metadata_);
    expression_detail::bind_operand(rhs_, std::move(rhs), metadata_);
}

void ExpressionBinary::collect_input_files(std::vector<BinaryFile*>& out) const {
    lhs_.node->collect_input_files(out);
    rhs_.node->collect_input_files(out);
}

void ExpressionBinary::compute_run(const int64_t* dims, int64_t count, double* out) const {
    int64_t ars, aks, brs, bks;
    const double* a = lhs_.fetch(dims, count, ars, aks);
    const double* b = rhs_.fetch(dims, count, brs, bks);
    const auto L = static_cast<int64_t>(metadata_.labels.size());
    switch (operation_) {
        case BinaryOp::Add: return combine([](double x, double y) { return x + y; }, a, ars, aks, b, brs, bks, count, L, out);
        case BinaryOp::Subtract: return combine([](double x, double y) { return x - y; }, a, ars, aks, b, brs, bks, count, L, out);
        case BinaryOp::Multiply: return combine([](double x, double y) { return x * y; }, a, ars, aks, b, brs, bks, count, L, out);
        case BinaryOp::Divide: return combine([](double x, double y) { return x / y; }, a, ars, aks, b, brs, bks, count, L, out);
        case BinaryOp::Gt:
            return combine([](double x, double y) { return masked(x, y, [](double p, double q) { return p > q; }); },
                           a, ars, aks, b, brs, bks, count, L, out);
        case BinaryOp::Lt:
            return combine([](double x, double y) { return masked(x, y, [](double p, double q) { return p < q; }); },
                           a, ars, aks, b, brs, bks, count, L, out);
        case BinaryOp::Gte:
            return combine([](double x, double y) { return masked(x, y, [](double p, double q) { return p >= q; }); },
                           a, ars, aks, b, brs, bks, count, L, out);
        case BinaryOp::Lte:
            return combine([](double x, double y) { return masked(x, y, [](double p, double q) { return p <= q; }); },
                           a, ars, aks, b, brs, bks, count, L, out);
        case BinaryOp::Eq:
            return combine([](double x, double y) { return masked(x, y, [](double p, double q) { return p == q; }); },
                           a, ars, aks, b, brs, bks, count, L, out);
        case BinaryOp::Neq:
            return combine([](double x, double y) { return masked(x, y, [](double p, double q) { return p != q; }); },
                           a, ars, aks, b, brs, bks, count, L, out);
        case BinaryOp::And:
            return combine([](double x, double y) { return masked(x, y, [](double p, double q) { return p != 0 && q != 0; }); },
                           a, ars, aks, b, brs, bks, count, L, out);
        case BinaryOp::Or:
            return combine([](double x, double y) { return masked(x, y, [](double p, double q) { return p != 0 || q != 0; }); },
                           a, ars, aks, b, brs, bks, count, L, out);
    }
}

// ---------------------------------------------------------------------------------------------
// ExpressionUnary

ExpressionUnary::ExpressionUnary(Operation operation, std::shared_ptr<ExpressionNode> operand)
    : operation_(operation), operand_(std::move(operand)) {
    if (!operand_) fail_apply("operand is null");
    metadata_ = operand_->metadata();
    if (operation == Operation::Not) metadata_.unit = "";
}

void ExpressionUnary::collect_input_files(std::vector<BinaryFile*>& out) const {
    operand_->collect_input_files(out);
}

void ExpressionUnary::compute_run(const int64_t* dims, int64_t count, double* out) const {
    operand_->compute_run(dims, count, out);
    const int64_t n = count * static_cast<int64_t>(metadata_.labels.size());
    switch (operation_) {
        case Operation::Negate: for (int64_t i = 0; i < n; ++i) out[i] = -out[i]; break;
        case Operation::Abs: for (int64_t i = 0; i < n; ++i) out[i] = std::fabs(out[i]); break;
        case Operation::Sqrt: for (int64_t i = 0; i < n; ++i) out[i] = std::sqrt(out[i]); break;
        case Operation::Log: for (int64_t i = 0; i < n; ++i) out[i] = std::log(out[i]); break;
        case Operation::Exp: for (int64_t i = 0; i < n; ++i) out[i] = std::exp(out[i]); break;
        case Operation::Not:
            for (int64_t i = 0; i < n; ++i) out[i] = std::isnan(out[i]) ? kNaN : (out[i] == 0 ? 1.0 : 0.0);
            break;
    }
}

// ---------------------------------------------------------------------------------------------
// ExpressionTernary

ExpressionTernary::ExpressionTernary(Operation, std::shared_ptr<ExpressionNode> condition,
                                     std::shared_ptr<ExpressionNode> then_value,
                                     std::shared_ptr<ExpressionNode> else_value) {
    if (!condition || !then_value || !else_value) fail_apply("operand is null");
    const auto& c = condition->metadata();
    const auto& t = then_value->metadata();
    const auto& e = else_value->metadata();
    if (t.unit != e.unit) fail_apply("units differ ('" + t.unit + "' vs '" + e.unit + "')");
    metadata_ = expression_detail::merge_dimensions(
        {{&c, "condition"}, {&t, "then_value"}, {&e, "else_value"}}, {1, 2, 0});
    const std::vector<std::string>* labels = nullptr;
    for (const auto* md : {&c, &t, &e}) {
        if (md->labels.size() <= 1) continue;
        if (labels && *labels != md->labels) {
            fail_apply("labels are incompatible across operands (non-singleton label sets must match)");
        }
        labels = &md->labels;
    }
    metadata_.labels = labels ? *labels : t.labels;
    metadata_.unit = t.unit;
    expression_detail::finish_metadata(metadata_, "apply");
    expression_detail::bind_operand(condition_, std::move(condition), metadata_);
    expression_detail::bind_operand(then_, std::move(then_value), metadata_);
    expression_detail::bind_operand(else_, std::move(else_value), metadata_);
}

void ExpressionTernary::collect_input_files(std::vector<BinaryFile*>& out) const {
    condition_.node->collect_input_files(out);
    then_.node->collect_input_files(out);
    else_.node->collect_input_files(out);
}

void ExpressionTernary::compute_run(const int64_t* dims, int64_t count, double* out) const {
    int64_t crs, cks, trs, tks, ers, eks;
    const double* c = condition_.fetch(dims, count, crs, cks);
    const double* t = then_.fetch(dims, count, trs, tks);
    const double* e = else_.fetch(dims, count, ers, eks);
    const auto L = static_cast<int64_t>(metadata_.labels.size());
    for (int64_t r = 0; r < count; ++r) {
        for (int64_t k = 0; k < L; ++k) {
            const double cv = c[r * crs + k * cks];
            out[r * L + k] = std::isnan(cv) ? kNaN : (cv != 0 ? t[r * trs + k * tks] : e[r * ers + k * eks]);
        }
    }
}

}  // namespace quiver
