// The nodes of an expression DAG (binary.md §5.2). Users build them through Expression; the
// classes are public so that other layers (C API, bindings) and tests can name them.
//
// A node knows its result metadata (validated eagerly at construction) and computes rows on
// request. Nodes keep mutable scratch buffers: one expression must not be evaluated from two
// threads at once.
#ifndef QUIVER_EXPRESSION_EXPRESSION_NODE_H
#define QUIVER_EXPRESSION_EXPRESSION_NODE_H

#include "quiver/binary/binary_file.h"
#include "quiver/binary/binary_metadata.h"
#include "quiver/export.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace quiver {

class QUIVER_API ExpressionNode {
public:
    virtual ~ExpressionNode();
    virtual const BinaryMetadata& metadata() const = 0;
    // The label values at dims (coordinates of this node's metadata); out is resized to the label count.
    virtual void compute_row(const std::vector<int64_t>& dims, std::vector<double>& out) const;
    // The leaves' files, depth-first, left to right (duplicates possible).
    virtual void collect_input_files(std::vector<BinaryFile*>& out) const = 0;
    // The fast path every evaluation uses: `count` consecutive rows along the last dimension
    // starting at dims, written to out (count × label count values, row-major).
    virtual void compute_run(const int64_t* dims, int64_t count, double* out) const = 0;
};

// A leaf: the file pair at path (its metadata is read at construction; data at evaluation).
class QUIVER_API ExpressionFile : public ExpressionNode {
public:
    explicit ExpressionFile(const std::string& path);
    ~ExpressionFile() override;
    const std::string& path() const;
    const BinaryMetadata& metadata() const override;
    void collect_input_files(std::vector<BinaryFile*>& out) const override;
    void compute_run(const int64_t* dims, int64_t count, double* out) const override;

private:
    std::string path_;
    BinaryMetadata metadata_;
    std::unique_ptr<BinaryFile> file_;
};

// A constant with another operand's full metadata (so scalars never cause unit or shape errors).
class QUIVER_API ExpressionScalar : public ExpressionNode {
public:
    ExpressionScalar(double value, BinaryMetadata broadcast_meta);
    double value() const { return value_; }
    const BinaryMetadata& metadata() const override { return metadata_; }
    void collect_input_files(std::vector<BinaryFile*>&) const override {}
    void compute_run(const int64_t* dims, int64_t count, double* out) const override;

private:
    double value_;
    BinaryMetadata metadata_;
};

// How one operand of a broadcasting node is read for an output coordinate (§5.4). Internal
// helper exposed by the header; not part of the contract.
struct QUIVER_API BroadcastOperand {
    std::shared_ptr<ExpressionNode> node;
    std::vector<int> output_dim;     // per operand dimension: its output dimension
    std::vector<char> fixed_at_one;  // per operand dimension: size 1 against a larger output
    bool single_label = false;       // one label used for every output label
    enum class Run { Contiguous, PerRow, Constant } run = Run::Constant;
    size_t moving_dim = 0;           // the operand dimension bound to the output's last one
    mutable std::vector<int64_t> coords;
    mutable std::vector<double> buffer;

    // Computes the operand's rows for `count` output rows starting at out_dims; returns the
    // values with their row and label strides (0 when broadcast).
    const double* fetch(const int64_t* out_dims, int64_t count, int64_t& row_stride, int64_t& label_stride) const;
};

class QUIVER_API ExpressionBinary : public ExpressionNode {
public:
    enum class Operation { Add, Subtract, Multiply, Divide, Gt, Lt, Gte, Lte, Eq, Neq, And, Or };
    ExpressionBinary(Operation operation, std::shared_ptr<ExpressionNode> lhs, std::shared_ptr<ExpressionNode> rhs);
    const BinaryMetadata& metadata() const override { return metadata_; }
    void collect_input_files(std::vector<BinaryFile*>& out) const override;
    void compute_run(const int64_t* dims, int64_t count, double* out) const override;

private:
    Operation operation_;
    BroadcastOperand lhs_;
    BroadcastOperand rhs_;
    BinaryMetadata metadata_;
};

class QUIVER_API ExpressionUnary : public ExpressionNode {
public:
    enum class Operation { Negate, Abs, Sqrt, Log, Exp, Not };
    ExpressionUnary(Operation operation, std::shared_ptr<ExpressionNode> operand);
    const BinaryMetadata& metadata() const override { return metadata_; }
    void collect_input_files(std::vector<BinaryFile*>& out) const override;
    void compute_run(const int64_t* dims, int64_t count, double* out) const override;

private:
    Operation operation_;
    std::shared_ptr<ExpressionNode> operand_;
    BinaryMetadata metadata_;
};

class QUIVER_API ExpressionTernary : public ExpressionNode {
public:
    enum class Operation { IfElse };
    ExpressionTernary(Operation operation, std::shared_ptr<ExpressionNode> condition,
                      std::shared_ptr<ExpressionNode> then_value, std::shared_ptr<ExpressionNode> else_value);
    const BinaryMetadata& metadata() const override { return metadata_; }
    void collect_input_files(std::vector<BinaryFile*>& out) const override;
    void compute_run(const int64_t* dims, int64_t count, double* out) const override;

private:
    BroadcastOperand condition_;
    BroadcastOperand then_;
    BroadcastOperand else_;
    BinaryMetadata metadata_;
};

// Reduction over one dimension (§5.6): NaN and non-addressable cells are skipped; an empty
// window gives NaN. Percentile interpolates linearly between closest ranks (§5.8).
class QUIVER_API ExpressionAggregate : public ExpressionNode {
public:
    enum class Operation { Sum, Mean, Min, Max, Percentile };
    ExpressionAggregate(Operation operation, std::shared_ptr<ExpressionNode> operand, std::string dimension_name,
                        std::optional<double> parameter = std::nullopt);
    ~ExpressionAggregate() override;
    const BinaryMetadata& metadata() const override { return metadata_; }
    void collect_input_files(std::vector<BinaryFile*>& out) const override;
    void compute_run(const int64_t* dims, int64_t count, double* out) const override;

    struct State;

private:
    std::shared_ptr<ExpressionNode> operand_;
    std::optional<double> parameter_;
    BinaryMetadata metadata_;
    std::unique_ptr<State> state_;  // holds the operation too
};

// Reduction across labels into one label named after the operation (§5.7).
class QUIVER_API ExpressionAggregateAgents : public ExpressionNode {
public:
    enum class Operation { Sum, Mean, Min, Max, Percentile };
    ExpressionAggregateAgents(Operation operation, std::shared_ptr<ExpressionNode> operand,
                              std::optional<double> parameter = std::nullopt);
    const BinaryMetadata& metadata() const override { return metadata_; }
    void collect_input_files(std::vector<BinaryFile*>& out) const override;
    void compute_run(const int64_t* dims, int64_t count, double* out) const override;

private:
    Operation operation_;
    std::shared_ptr<ExpressionNode> operand_;
    std::optional<double> parameter_;
    BinaryMetadata metadata_;
    mutable std::vector<double> buffer_;
    mutable std::vector<double> scratch_;
};

// The given labels, in the given order (§5.9).
class QUIVER_API ExpressionSelectAgents : public ExpressionNode {
public:
    ExpressionSelectAgents(std::shared_ptr<ExpressionNode> operand, std::vector<std::string> labels);
    const BinaryMetadata& metadata() const override { return metadata_; }
    void collect_input_files(std::vector<BinaryFile*>& out) const override;
    void compute_run(const int64_t* dims, int64_t count, double* out) const override;

private:
    std::shared_ptr<ExpressionNode> operand_;
    std::vector<size_t> source_;  // output label -> operand label
    BinaryMetadata metadata_;
    mutable std::vector<double> buffer_;
};

// Labels renamed by a partial old -> new map (§5.9); values pass through.
class QUIVER_API ExpressionRenameAgents : public ExpressionNode {
public:
    ExpressionRenameAgents(std::shared_ptr<ExpressionNode> operand,
                           std::vector<std::pair<std::string, std::string>> mapping);
    const BinaryMetadata& metadata() const override { return metadata_; }
    void collect_input_files(std::vector<BinaryFile*>& out) const override;
    void compute_run(const int64_t* dims, int64_t count, double* out) const override;

private:
    std::shared_ptr<ExpressionNode> operand_;
    BinaryMetadata metadata_;
};

}  // namespace quiver

#endif  // QUIVER_EXPRESSION_EXPRESSION_NODE_H
