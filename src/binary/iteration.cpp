// The public iteration helpers of binary.md §4.4 over Layout (the one implementation).
#include "quiver/binary/iteration.h"

#include "binary/layout.h"

namespace quiver {

std::vector<int64_t> first_dimensions(const BinaryMetadata& meta) {
    const binary_detail::Layout layout(meta);
    std::vector<int64_t> v(layout.dimension_count());
    layout.first(v.data());
    return v;
}

std::optional<std::vector<int64_t>> next_dimensions(const BinaryMetadata& meta, const std::vector<int64_t>& current) {
    const binary_detail::Layout layout(meta);
    if (current.size() != layout.dimension_count() || current.empty()) return std::nullopt;
    std::vector<int64_t> v = current;
    if (!layout.next(v.data())) return std::nullopt;
    return v;
}

std::vector<int64_t> dimension_sizes_at_values(const BinaryMetadata& meta, const std::vector<int64_t>& dimension_values) {
    const binary_detail::Layout layout(meta);
    std::vector<int64_t> sizes = layout.sizes();
    if (dimension_values.size() != sizes.size()) return sizes;
    for (size_t i = 0; i < sizes.size(); ++i) sizes[i] = layout.size_at(dimension_values.data(), i);
    return sizes;
}

}  // namespace quiver
