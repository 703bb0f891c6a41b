#include "binary/layout.h"

#include "binary/calendar.h"
#include "errors.h"

namespace quiver::binary_detail {

Layout::Layout(const BinaryMetadata& metadata) : metadata_(metadata) {
    metadata_.refresh_time_properties();
    const size_t n = metadata_.dimensions.size();
    sizes_.resize(n);
    strides_.resize(n);
    time_axis_of_dim_.assign(n, -1);
    int64_t stride = 1;
    for (size_t i = n; i-- > 0;) {
        sizes_[i] = metadata_.dimensions[i].size;
        strides_[i] = stride;
        stride *= sizes_[i];
    }
    label_count_ = static_cast<int64_t>(metadata_.labels.size());
    value_count_ = stride * label_count_;
    initial_seconds_ = to_seconds(metadata_.initial_datetime);
    week_anchor_ = week_anchor_days(initial_seconds_);
    for (size_t i = 0; i < n; ++i) {
        const auto& time = metadata_.dimensions[i].time;
        if (!time) continue;
        TimeAxis axis{i, time->frequency, time->initial_value, static_cast<int>(time->parent_dimension_index),
                      TimeFrequency::Yearly, false};
        if (axis.parent_dim >= 0) {
            axis.parent_frequency = metadata_.dimensions[static_cast<size_t>(axis.parent_dim)].time->frequency;
            const auto p = axis.parent_frequency;
            axis.variable_length = p == TimeFrequency::Yearly ? axis.frequency != TimeFrequency::Monthly
                                                              : p == TimeFrequency::Monthly;
        }
        time_axis_of_dim_[i] = static_cast<int>(time_.size());
        time_.push_back(axis);
    }
}

bool Layout::has_hourly() const {
    for (const auto& axis : time_) {
        if (axis.frequency == TimeFrequency::Hourly) return true;
    }
    return false;
}

// §3.4 with every child anchored at the start of its parent's period: the outermost period is
// initial_datetime's period moved by (v - 1), each child period starts (v - 1) units after its
// parent's start, and the result keeps initial_datetime's offset inside its innermost period.
// For every coordinate upstream's arithmetic (initial + offsets) places consistently this is the
// same instant; it differs only where that arithmetic drifts (a yearly parent starting after
// February, across leap years), which upstream could not write anyway (B2).
int64_t Layout::innermost_period_start(const int64_t* v) const {
    int64_t start = 0;
    for (size_t a = 0; a < time_.size(); ++a) {
        const auto& axis = time_[a];
        if (a == 0) start = period_start(axis.frequency);
        start = add_periods(start, axis.frequency, v[axis.dim] - 1);
    }
    return start;
}

int64_t Layout::seconds_at(const int64_t* v) const {
    if (time_.empty()) return initial_seconds_;
    const int64_t start = innermost_period_start(v);
    const Civil initial = civil_from_seconds(initial_seconds_);
    const int64_t time_of_day = initial.hour * 3600 + initial.minute * 60 + initial.second;
    switch (time_.back().frequency) {
        case TimeFrequency::Yearly:
            return days_from_civil(civil_from_seconds(start).year, initial.month, initial.day) * kSecondsPerDay +
                   time_of_day;
        case TimeFrequency::Monthly: return start + (initial.day - 1) * kSecondsPerDay + time_of_day;
        case TimeFrequency::Weekly:
            return start + (floor_div(initial_seconds_, kSecondsPerDay) - week_anchor_) * kSecondsPerDay + time_of_day;
        case TimeFrequency::Daily: return start + time_of_day;
        case TimeFrequency::Hourly: return start + initial.minute * 60 + initial.second;
    }
    return start;
}

int64_t Layout::period_start(TimeFrequency frequency) const {
    const Civil c = civil_from_seconds(initial_seconds_);
    const int64_t day = floor_div(initial_seconds_, kSecondsPerDay);
    switch (frequency) {
        case TimeFrequency::Yearly: return days_from_civil(c.year, 1, 1) * kSecondsPerDay;
        case TimeFrequency::Monthly: return days_from_civil(c.year, c.month, 1) * kSecondsPerDay;
        case TimeFrequency::Weekly: return week_anchor_ * kSecondsPerDay;
        case TimeFrequency::Daily: return day * kSecondsPerDay;
        case TimeFrequency::Hourly: return day * kSecondsPerDay + c.hour * 3600;
    }
    return initial_seconds_;
}

// Positions are taken at the start of the innermost period, so an initial day that a month
// lacks (the 31st) never makes a valid coordinate look invalid.
int Layout::calendar_mismatch(const int64_t* v, int64_t* implied) const {
    const int64_t t = innermost_period_start(v);
    for (const auto& axis : time_) {
        if (axis.parent_dim < 0) continue;
        const int64_t position = position_in_parent(t, axis.frequency, axis.parent_frequency, week_anchor_);
        if (position != v[axis.dim]) {
            *implied = position;
            return static_cast<int>(axis.dim);
        }
    }
    return -1;
}

bool Layout::addressable(const int64_t* v) const {
    if (out_of_bounds(v) >= 0) return false;
    int64_t implied = 0;
    return !checks_calendar() || calendar_mismatch(v, &implied) < 0;
}

void Layout::first(int64_t* v) const {
    for (size_t i = 0; i < sizes_.size(); ++i) v[i] = 1;
    for (const auto& axis : time_) v[axis.dim] = axis.initial_value;
}

int64_t Layout::size_at(const int64_t* v, size_t i) const {
    const int a = time_axis_of_dim_[i];
    if (a < 0 || !time_[static_cast<size_t>(a)].variable_length) return sizes_[i];
    const auto& axis = time_[static_cast<size_t>(a)];
    const int64_t real = period_length(innermost_period_start(v), axis.frequency, axis.parent_frequency);
    return real < sizes_[i] ? real : sizes_[i];
}

bool Layout::next(int64_t* v) const {
    size_t n = sizes_.size();
    size_t i = n;
    while (i-- > 0) {
        if (v[i] < size_at(v, i)) break;
        if (i == 0) return false;
    }
    ++v[i];
    for (size_t j = i + 1; j < n; ++j) v[j] = 1;
    // Every repetition of the first parent period starts at the start instant.
    for (const auto& axis : time_) {
        if (axis.parent_dim < 0) continue;
        const auto& parent = time_[static_cast<size_t>(time_axis_of_dim_[static_cast<size_t>(axis.parent_dim)])];
        if (v[axis.dim] < axis.initial_value && v[parent.dim] == parent.initial_value) v[axis.dim] = axis.initial_value;
    }
    return true;
}

std::string Layout::describe(const int64_t* v) const {
    std::string out = "{";
    for (size_t i = 0; i < sizes_.size(); ++i) {
        if (i > 0) out += ", ";
        out += metadata_.dimensions[i].name + "=" + std::to_string(v[i]);
    }
    return out + "}";
}

void Layout::fail_bounds(std::string_view op, const int64_t* v, int dim) const {
    const auto i = static_cast<size_t>(dim);
    detail::fail_cannot(op, "dimension '" + metadata_.dimensions[i].name + "' value " + std::to_string(v[i]) +
                                " is out of bounds [1, " + std::to_string(sizes_[i]) + "]");
}

void Layout::fail_calendar(std::string_view op, int dim, int64_t value, int64_t implied) const {
    detail::fail_cannot(op, "invalid values for time dimensions: dimension '" +
                                metadata_.dimensions[static_cast<size_t>(dim)].name + "' has value " +
                                std::to_string(value) + " but the resulting datetime implies " +
                                std::to_string(implied));
}

int AddressCache::calendar_mismatch(const Layout& layout, const int64_t* v, int64_t* implied) {
    const auto& dims = layout.metadata().dimensions;
    if (state_.empty()) {
        for (size_t i = 0; i < dims.size(); ++i) {
            if (dims[i].is_time_dimension()) inner_dim_ = i;
        }
        key_.assign(dims.size(), 0);
        state_.assign(static_cast<size_t>(layout.sizes()[inner_dim_]) + 1, 0);
    }
    bool same = true;
    for (size_t i = 0; i < dims.size(); ++i) {
        if (i != inner_dim_ && dims[i].is_time_dimension() && key_[i] != v[i]) {
            same = false;
            key_[i] = v[i];
        }
    }
    if (!same) std::fill(state_.begin(), state_.end(), int8_t{0});
    int8_t& state = state_[static_cast<size_t>(v[inner_dim_])];
    if (state == 1) return -1;
    if (state == 0) {
        const int mismatch = layout.calendar_mismatch(v, implied);
        state = mismatch < 0 ? 1 : 2;
        return mismatch;
    }
    return layout.calendar_mismatch(v, implied);  // known bad: recompute the message details
}

}  // namespace quiver::binary_detail
