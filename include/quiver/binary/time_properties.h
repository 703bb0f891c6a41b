// Time frequencies and the time properties of one time dimension (binary.md §3, §4.1).
//
// Datetimes are UTC std::chrono::system_clock time points; the format allows
// 1678-01-01T00:00:00 .. 2261-12-31T23:59:59 (B6), the range a nanosecond clock can hold.
#ifndef QUIVER_BINARY_TIME_PROPERTIES_H
#define QUIVER_BINARY_TIME_PROPERTIES_H

#include "quiver/export.h"

#include <chrono>
#include <cstdint>
#include <string>

namespace quiver {

enum class TimeFrequency { Yearly, Monthly, Weekly, Daily, Hourly };

// "yearly", "monthly", "weekly", "daily", "hourly".
QUIVER_API std::string frequency_to_string(TimeFrequency frequency);
// Exact lower-case names; anything else throws std::runtime_error
// "Cannot add_time_dimension: unknown frequency: <str>".
QUIVER_API TimeFrequency frequency_from_string(const std::string& str);

// Derived data: BinaryMetadata recomputes initial_value and parent_dimension_index from the
// dimension order and initial_datetime whenever they matter (B4).
struct QUIVER_API TimeProperties {
    TimeFrequency frequency = TimeFrequency::Yearly;
    int64_t initial_value = 1;             // coordinate of initial_datetime inside its parent period
    int64_t parent_dimension_index = -1;   // index into BinaryMetadata::dimensions, -1 = outermost

    void set_initial_value(int64_t value);

    // Calendar field of datetime for this frequency: month (1-12), day of month, hour of day + 1.
    // Yearly and weekly have no such field and throw.
    int64_t datetime_to_int(std::chrono::system_clock::time_point datetime) const;

    // base_datetime moved by (value - initial_value) periods of this frequency. Years and months
    // are calendar arithmetic on the date (an impossible day overflows: 2025-01-31 + 1 month is
    // 2025-03-03) and keep the time of day (B2); weeks, days and hours are fixed lengths.
    std::chrono::system_clock::time_point add_offset_from_int(std::chrono::system_clock::time_point base_datetime,
                                                              int64_t value) const;

    // Position of datetime inside the period of a parent frequency (binary.md §3.3): month of year,
    // day of month/year/week, hour of day/week/month/year (weeks counted from 1 January).
    int64_t position_in_parent(std::chrono::system_clock::time_point datetime, TimeFrequency parent) const;
};

}  // namespace quiver

#endif  // QUIVER_BINARY_TIME_PROPERTIES_H
