// Layout: everything about a metadata that coordinate code needs on the hot path, precomputed
// once — strides, sizes, the time axes and the calendar check of §3.5 (B2) — so reads, writes,
// iteration and expressions work on plain int64 arrays without hashing or allocation.
#ifndef QUIVER_SRC_BINARY_LAYOUT_H
#define QUIVER_SRC_BINARY_LAYOUT_H

#include "quiver/binary/binary_metadata.h"

#include <cstdint>
#include <string>
#include <vector>

namespace quiver::binary_detail {

class Layout {
public:
    Layout() = default;
    explicit Layout(const BinaryMetadata& metadata);  // time properties are refreshed (B4)

    size_t dimension_count() const { return sizes_.size(); }
    int64_t label_count() const { return label_count_; }
    int64_t value_count() const { return value_count_; }
    const std::vector<int64_t>& sizes() const { return sizes_; }
    const std::vector<int64_t>& strides() const { return strides_; }  // in cells
    const BinaryMetadata& metadata() const { return metadata_; }

    int64_t cell_index(const int64_t* v) const {
        int64_t cell = 0;
        for (size_t i = 0; i < sizes_.size(); ++i) cell += (v[i] - 1) * strides_[i];
        return cell;
    }
    // Index of the first value outside 1..size, or -1.
    int out_of_bounds(const int64_t* v) const {
        for (size_t i = 0; i < sizes_.size(); ++i) {
            if (v[i] < 1 || v[i] > sizes_[i]) return static_cast<int>(i);
        }
        return -1;
    }
    // True when the §3.5 calendar check applies (two or more time dimensions).
    bool checks_calendar() const { return time_.size() >= 2; }
    // §3.5: -1 when every child time value matches the datetime of v, else the first mismatching
    // dimension, with the value the datetime implies in *implied.
    int calendar_mismatch(const int64_t* v, int64_t* implied) const;
    bool addressable(const int64_t* v) const;  // in bounds and calendar-consistent

    // §3.4: seconds since epoch of coordinate v.
    int64_t seconds_at(const int64_t* v) const;
    bool has_time() const { return !time_.empty(); }
    bool has_hourly() const;

    // Iteration (§3.7).
    void first(int64_t* v) const;
    // Size of dimension i at coordinate v: declared, or the real period length clamped to it (B3).
    int64_t size_at(const int64_t* v, size_t i) const;
    bool next(int64_t* v) const;  // false at the end

    // "{name=value, ...}" in metadata order (B10).
    std::string describe(const int64_t* v) const;
    [[noreturn]] void fail_bounds(std::string_view op, const int64_t* v, int dim) const;
    [[noreturn]] void fail_calendar(std::string_view op, int dim, int64_t value, int64_t implied) const;

private:
    int64_t period_start(TimeFrequency frequency) const;  // start of initial_datetime's period
    int64_t innermost_period_start(const int64_t* v) const;  // start of v's innermost time period

    struct TimeAxis {
        size_t dim;
        TimeFrequency frequency;
        int64_t initial_value;
        int parent_dim;  // -1 for the outermost time dimension
        TimeFrequency parent_frequency;
        bool variable_length;  // its size depends on the parent period (days of a month, ...)
    };
    BinaryMetadata metadata_;
    std::vector<int64_t> sizes_;
    std::vector<int64_t> strides_;
    std::vector<TimeAxis> time_;
    std::vector<int> time_axis_of_dim_;  // dimension -> index into time_, or -1
    int64_t label_count_ = 0;
    int64_t value_count_ = 0;
    int64_t initial_seconds_ = 0;
    int64_t week_anchor_ = 0;
};

// Remembers which values of the innermost time dimension are addressable for the last seen
// combination of the other time values, so repeated calendar checks cost a lookup.
class AddressCache {
public:
    // Same contract as Layout::calendar_mismatch.
    int calendar_mismatch(const Layout& layout, const int64_t* v, int64_t* implied);

private:
    std::vector<int64_t> key_;
    std::vector<int8_t> state_;  // per innermost value: 0 unknown, 1 addressable, 2 not
    size_t inner_dim_ = 0;
};

}  // namespace quiver::binary_detail

#endif  // QUIVER_SRC_BINARY_LAYOUT_H
