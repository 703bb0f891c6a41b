// Iteration over the valid coordinates of a file, in storage order (binary.md §3.7). The single
// source of truth for bin_to_csv, csv_to_bin and Expression::save. Vectors are in metadata
// dimension order, 1-based.
#ifndef QUIVER_BINARY_ITERATION_H
#define QUIVER_BINARY_ITERATION_H

#include "quiver/binary/binary_metadata.h"
#include "quiver/export.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace quiver {

// The first coordinate: initial values for time dimensions, 1 otherwise.
QUIVER_API std::vector<int64_t> first_dimensions(const BinaryMetadata& meta);
// The coordinate after current, or nullopt at the end.
QUIVER_API std::optional<std::vector<int64_t>> next_dimensions(const BinaryMetadata& meta,
                                                               const std::vector<int64_t>& current);
// Declared sizes, except child time dimensions of variable length, which get the real length of
// the parent period containing the coordinate, clamped to the declared size (B3).
QUIVER_API std::vector<int64_t> dimension_sizes_at_values(const BinaryMetadata& meta,
                                                          const std::vector<int64_t>& dimension_values);

}  // namespace quiver

#endif  // QUIVER_BINARY_ITERATION_H
