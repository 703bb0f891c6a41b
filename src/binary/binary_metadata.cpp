// BinaryMetadata: builders, derived time properties and the validation rules of binary.md §2.4.
#include "quiver/binary/binary_metadata.h"

#include "binary/calendar.h"
#include "binary/metadata_rules.h"
#include "errors.h"
#include "quiver/binary/time_constants.h"

#include <limits>
#include <set>

namespace quiver {

using namespace binary_detail;

BinaryMetadata::BinaryMetadata() = default;
BinaryMetadata::~BinaryMetadata() = default;

int64_t BinaryMetadata::number_of_time_dimensions() const {
    int64_t n = 0;
    for (const auto& d : dimensions) n += d.is_time_dimension() ? 1 : 0;
    return n;
}

int64_t BinaryMetadata::value_count() const {
    int64_t count = static_cast<int64_t>(labels.size());
    for (const auto& d : dimensions) {
        if (d.size <= 0) return 0;
        if (count > std::numeric_limits<int64_t>::max() / 8 / d.size) return -1;
        count *= d.size;
    }
    return count;
}

void BinaryMetadata::add_dimension(const std::string& name, int64_t size) {
    dimensions.push_back(Dimension{name, size, std::nullopt});
}

void BinaryMetadata::add_time_dimension(const std::string& name, int64_t size, const std::string& frequency) {
    TimeProperties time;
    time.frequency = frequency_from_string(frequency);
    dimensions.push_back(Dimension{name, size, time});
    refresh_time_properties();
}

void BinaryMetadata::refresh_time_properties() {
    const int64_t initial = to_seconds(initial_datetime);
    const int64_t anchor = week_anchor_days(initial);
    int64_t parent = -1;
    for (size_t i = 0; i < dimensions.size(); ++i) {
        auto& time = dimensions[i].time;
        if (!time) continue;
        time->parent_dimension_index = parent;
        time->initial_value =
            parent < 0 ? 1
                       : binary_detail::position_in_parent(initial, time->frequency,
                                                           dimensions[static_cast<size_t>(parent)].time->frequency, anchor);
        parent = static_cast<int64_t>(i);
    }
}

void BinaryMetadata::set_initial_datetime(const std::string& text) {
    const auto seconds = parse_datetime(text);
    if (!seconds) {
        detail::fail_cannot("set_initial_datetime",
                            "invalid initial_datetime '" + text + "' (expected YYYY-MM-DDTHH:MM:SS)");
    }
    if (*seconds < min_seconds() || *seconds > max_seconds()) {
        fail_metadata("set_initial_datetime", "datetime range exceeds 1678..2261");
    }
    initial_datetime = from_seconds(*seconds);
    refresh_time_properties();
}

std::string BinaryMetadata::get_initial_datetime() const {
    return format_datetime(to_seconds(initial_datetime));
}

void BinaryMetadata::validate() const {
    validate_metadata(*this, "validate");
}

void BinaryMetadata::validate_time_dimension_metadata() const {
    validate_time_rules(*this, "validate", false);
}

void BinaryMetadata::validate_time_dimension_sizes() const {
    validate_time_rules(*this, "validate", true);
}

namespace binary_detail {

void fail_metadata(std::string_view op, const std::string& rule) {
    detail::fail_cannot(op, "invalid metadata: " + rule);
}

namespace {

struct Bounds {
    int64_t min;
    int64_t max;
};

// §3.1: allowed (child, parent) pairs and the child's size bounds.
std::optional<Bounds> child_bounds(TimeFrequency child, TimeFrequency parent) {
    using F = TimeFrequency;
    namespace t = ::quiver::time;
    if (child == F::Monthly && parent == F::Yearly) return Bounds{t::MIN_MONTHS_IN_YEAR, t::MAX_MONTHS_IN_YEAR};
    if (child == F::Daily) {
        if (parent == F::Yearly) return Bounds{t::MIN_DAYS_IN_YEAR, t::MAX_DAYS_IN_YEAR};
        if (parent == F::Monthly) return Bounds{t::MIN_DAYS_IN_MONTH, t::MAX_DAYS_IN_MONTH};
        if (parent == F::Weekly) return Bounds{t::MIN_DAYS_IN_WEEK, t::MAX_DAYS_IN_WEEK};
    }
    if (child == F::Hourly) {
        if (parent == F::Yearly) return Bounds{t::MIN_HOURS_IN_YEAR, t::MAX_HOURS_IN_YEAR};
        if (parent == F::Monthly) return Bounds{t::MIN_HOURS_IN_MONTH, t::MAX_HOURS_IN_MONTH};
        if (parent == F::Weekly) return Bounds{t::MIN_HOURS_IN_WEEK, t::MAX_HOURS_IN_WEEK};
        if (parent == F::Daily) return Bounds{t::MIN_HOURS_IN_DAY, t::MAX_HOURS_IN_DAY};
    }
    return std::nullopt;
}

bool csv_safe_name(const std::string& name) {
    return !name.empty() && name.find_first_of(",\"\r\n") == std::string::npos;
}

// Rule 12 (B6): every addressable datetime lies in 1678..2261 (and, first, the start instant is
// inside every time dimension's declared size). Offsets grow monotonically with
// the coordinate, so the extremes are the all-ones and the all-sizes coordinates.
void validate_datetime_range(const BinaryMetadata& md, std::string_view op) {
    const std::string rule = "datetime range exceeds 1678..2261";
    const int64_t initial = to_seconds(md.initial_datetime);
    if (initial < min_seconds() || initial > max_seconds()) fail_metadata(op, rule);
    BinaryMetadata copy = md;
    copy.refresh_time_properties();
    // A child declared shorter than its longest period (B3) must still hold the start instant.
    for (const auto& d : copy.dimensions) {
        if (d.time && d.time->initial_value > d.size) {
            fail_metadata(op, "Time dimension '" + d.name + "' starts at position " +
                                  std::to_string(d.time->initial_value) + ", beyond its size " + std::to_string(d.size));
        }
    }
    int64_t low = initial;
    int64_t high = initial;
    for (const auto& d : copy.dimensions) {
        if (!d.time) continue;
        const int64_t limit = max_period_delta(d.time->frequency);
        const int64_t down = 1 - d.time->initial_value;
        const int64_t up = d.size - d.time->initial_value;
        if (down < -limit || up > limit) fail_metadata(op, rule);
        low = add_periods(low, d.time->frequency, down);
        high = add_periods(high, d.time->frequency, up);
        if (low < min_seconds() || high > max_seconds()) fail_metadata(op, rule);
    }
}

}  // namespace

void validate_time_rules(const BinaryMetadata& md, std::string_view op, bool sizes_only) {
    const Dimension* previous = nullptr;
    std::set<TimeFrequency> seen;
    for (const auto& d : md.dimensions) {
        if (!d.time) continue;
        const TimeFrequency f = d.time->frequency;
        if (!sizes_only) {
            if (!seen.insert(f).second) {
                fail_metadata(op, "Time dimension frequencies must be unique. Duplicate: " + frequency_to_string(f));
            }
            if (previous && static_cast<int>(f) < static_cast<int>(previous->time->frequency)) {
                fail_metadata(op, "Time dimension frequencies must be ordered from lowest to highest frequency.");
            }
            if (previous && f == TimeFrequency::Weekly) {
                fail_metadata(op, "If WEEKLY frequency is present, it must be the lowest frequency.");
            }
        }
        if (previous) {
            const TimeFrequency parent = previous->time->frequency;
            const auto bounds = child_bounds(f, parent);
            if (!bounds) {
                fail_metadata(op, "Invalid parent/child frequency combination: " + frequency_to_string(f) + " inside " +
                                      frequency_to_string(parent));
            }
            if (d.size < bounds->min || d.size > bounds->max) {
                fail_metadata(op, "Time dimension '" + d.name + "' with frequency '" + frequency_to_string(f) +
                                      "' has size " + std::to_string(d.size) + " which is out of bounds [" +
                                      std::to_string(bounds->min) + ", " + std::to_string(bounds->max) +
                                      "] based on the next lower frequency: '" + frequency_to_string(parent) + "'");
            }
        }
        previous = &d;
    }
}

void validate_metadata(const BinaryMetadata& md, std::string_view op) {
    if (md.version != "1") fail_metadata(op, "Incompatible file version: expected 1, got " + md.version);
    if (md.dimensions.empty()) fail_metadata(op, "Number of dimensions must be positive, got 0");
    if (md.labels.empty()) fail_metadata(op, "Number of labels must be positive, got 0");
    for (size_t i = 0; i < md.dimensions.size(); ++i) {
        if (md.dimensions[i].size <= 0) {
            fail_metadata(op, "Dimension size at index " + std::to_string(i) + " must be positive, got " +
                                  std::to_string(md.dimensions[i].size));
        }
    }
    if (md.value_count() < 0) fail_metadata(op, "Number of values exceeds the largest file size");
    std::set<std::string> names;
    for (const auto& d : md.dimensions) {
        if (!names.insert(d.name).second) fail_metadata(op, "Dimension names must be unique, duplicate: '" + d.name + "'");
    }
    std::set<std::string> labels;
    for (const auto& l : md.labels) {
        if (!labels.insert(l).second) fail_metadata(op, "Label names must be unique, duplicate: '" + l + "'");
    }
    const auto check_name = [&](const std::string& name) {
        if (!csv_safe_name(name)) {
            fail_metadata(op, "Dimension names and labels must be non-empty and must not contain ',', '\"', CR or LF: '" +
                                  name + "'");
        }
    };
    for (const auto& d : md.dimensions) check_name(d.name);
    for (const auto& l : md.labels) check_name(l);
    validate_time_rules(md, op, false);
    validate_datetime_range(md, op);
}

BinaryMetadata validated_copy(const BinaryMetadata& metadata, std::string_view op) {
    validate_metadata(metadata, op);
    BinaryMetadata copy = metadata;
    copy.refresh_time_properties();
    return copy;
}

}  // namespace binary_detail
}  // namespace quiver
