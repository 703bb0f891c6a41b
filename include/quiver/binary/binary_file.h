// BinaryFile: a handle on a file pair P.qvr (dense little-endian float64 array) + P.toml
// (binary.md §2, §4.3, §9.2).
//
// Modes: 'r' opens an existing pair read-only; 'w' writes P.toml (atomically) and recreates
// P.qvr filled with NaN, destroying existing data. A path open for writing cannot be opened again
// in this process (any mode), and 'w' is refused while this process holds readers on it (B9);
// across processes an advisory lock on P.qvr gives the same protection (B22).
//
// Coordinates are 1-based. Two ways to address a cell:
//   read/write         a map {dimension name -> value} (convenient, slower)
//   read_at/write_at   values in metadata dimension order (no allocation, no hashing; B16)
// and read_all/write_all move the whole array (padding included) in one transfer.
// Every failure is a std::runtime_error "Cannot <op>: ..." (B1). Move-only; not thread-safe.
#ifndef QUIVER_BINARY_BINARY_FILE_H
#define QUIVER_BINARY_BINARY_FILE_H

#include "quiver/binary/binary_metadata.h"
#include "quiver/export.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

namespace quiver {

class QUIVER_API BinaryFile {
public:
    explicit BinaryFile(const std::string& file_path);  // a closed handle; touches nothing
    ~BinaryFile();                                       // closes
    BinaryFile(BinaryFile&& other) noexcept;
    BinaryFile& operator=(BinaryFile&& other) noexcept;
    BinaryFile(const BinaryFile&) = delete;
    BinaryFile& operator=(const BinaryFile&) = delete;

    static BinaryFile open_file(const std::string& file_path, char mode,
                                const std::optional<BinaryMetadata>& metadata = {});
    // 'r': metadata comes from P.toml (the argument is ignored); 'w': metadata is required.
    void open(char mode, const std::optional<BinaryMetadata>& metadata = {});
    void close();  // idempotent; releases the registry entry and the lock
    bool is_open() const;

    // The label values of one cell. A NaN value is an error unless allow_nulls.
    std::vector<double> read(const std::unordered_map<std::string, int64_t>& dims, bool allow_nulls = false);
    void write(const std::vector<double>& data, const std::unordered_map<std::string, int64_t>& dims);

    // Fast path: indices in metadata dimension order; out/data hold exactly one value per label.
    void read_at(std::span<const int64_t> indices, std::span<double> out, bool allow_nulls = false);
    void write_at(std::span<const int64_t> indices, std::span<const double> data);
    // The whole array in storage order, value_count() values; padding reads as NaN and must be
    // written as NaN.
    void read_all(std::span<double> out);
    void write_all(std::span<const double> data);

    const BinaryMetadata& get_metadata() const;
    const std::string& get_file_path() const;  // the base path as given

    struct Impl;

private:
    std::unique_ptr<Impl> impl_;
    friend struct BinaryFileAccess;
};

}  // namespace quiver

#endif  // QUIVER_BINARY_BINARY_FILE_H
