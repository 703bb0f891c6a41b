// TimeFrequency names and TimeProperties (binary.md §3.3, §3.4, §4.1).
#include "quiver/binary/time_properties.h"

#include "binary/calendar.h"
#include "errors.h"

namespace quiver {

using namespace binary_detail;

std::string frequency_to_string(TimeFrequency frequency) {
    switch (frequency) {
        case TimeFrequency::Yearly: return "yearly";
        case TimeFrequency::Monthly: return "monthly";
        case TimeFrequency::Weekly: return "weekly";
        case TimeFrequency::Daily: return "daily";
        case TimeFrequency::Hourly: return "hourly";
    }
    return "unknown";
}

TimeFrequency frequency_from_string(const std::string& str) {
    if (str == "yearly") return TimeFrequency::Yearly;
    if (str == "monthly") return TimeFrequency::Monthly;
    if (str == "weekly") return TimeFrequency::Weekly;
    if (str == "daily") return TimeFrequency::Daily;
    if (str == "hourly") return TimeFrequency::Hourly;
    detail::fail_cannot("add_time_dimension", "unknown frequency: " + str);
}

void TimeProperties::set_initial_value(int64_t value) {
    initial_value = value;
}

int64_t TimeProperties::datetime_to_int(std::chrono::system_clock::time_point datetime) const {
    const Civil c = civil_from_seconds(to_seconds(datetime));
    switch (frequency) {
        case TimeFrequency::Monthly: return c.month;
        case TimeFrequency::Daily: return c.day;
        case TimeFrequency::Hourly: return c.hour + 1;
        default:
            detail::fail_cannot("datetime_to_int", frequency_to_string(frequency) +
                                                       " frequency has no calendar field; use it only for inner "
                                                       "time dimensions");
    }
}

std::chrono::system_clock::time_point TimeProperties::add_offset_from_int(
    std::chrono::system_clock::time_point base_datetime, int64_t value) const {
    return from_seconds(add_periods(to_seconds(base_datetime), frequency, value - initial_value));
}

int64_t TimeProperties::position_in_parent(std::chrono::system_clock::time_point datetime, TimeFrequency parent) const {
    const int64_t seconds = to_seconds(datetime);
    // §3.3 counts weeks from 1 January of the datetime's own year.
    return binary_detail::position_in_parent(seconds, frequency, parent, week_anchor_days(seconds));
}

}  // namespace quiver
