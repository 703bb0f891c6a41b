// Proleptic Gregorian UTC calendar arithmetic on whole seconds since 1970-01-01T00:00:00, and the
// strict datetime text of B6. Integer arithmetic only (days_from_civil), so the hot coordinate
// checks never touch <chrono> calendars or time zones.
#ifndef QUIVER_SRC_BINARY_CALENDAR_H
#define QUIVER_SRC_BINARY_CALENDAR_H

#include "quiver/binary/time_properties.h"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace quiver::binary_detail {

constexpr int64_t kSecondsPerDay = 86400;

struct Civil {
    int64_t year;
    int month;   // 1-12
    int day;     // 1-31
    int hour;    // 0-23
    int minute;  // 0-59
    int second;  // 0-59
};

int64_t days_from_civil(int64_t year, int64_t month, int64_t day);  // linear in day (overflow rolls over)
Civil civil_from_seconds(int64_t seconds);
int64_t seconds_from_civil(const Civil& c);
int64_t floor_div(int64_t a, int64_t b);
int64_t floor_mod(int64_t a, int64_t b);
bool is_leap_year(int64_t year);
int days_in_month(int64_t year, int month);
int day_of_year(const Civil& c);  // 1-366

// 1678-01-01T00:00:00 and 2261-12-31T23:59:59 (B6).
int64_t min_seconds();
int64_t max_seconds();

// "YYYY-MM-DD", "YYYY-MM-DDTHH:MM:SS" or "YYYY-MM-DD HH:MM:SS", optionally followed by "Z";
// every field in range, the day within its month. nullopt otherwise.
std::optional<int64_t> parse_datetime(std::string_view text);
std::string format_datetime(int64_t seconds);  // YYYY-MM-DDTHH:MM:SS
std::string format_date(int64_t seconds);      // YYYY-MM-DD

// Calendar months added to the date, time of day kept; an impossible day rolls over
// (2025-01-31 + 1 month = 2025-03-03), as upstream's year_month_day arithmetic does.
int64_t add_months(int64_t seconds, int64_t months);
// seconds moved by delta periods of frequency. Callers keep |delta| within the 1678..2261 span.
int64_t add_periods(int64_t seconds, TimeFrequency frequency, int64_t delta);
// §3.3 position of seconds inside the parent period; under a weekly parent, weeks are 7-day blocks
// starting at week_anchor_days (days since epoch of W0, B2).
int64_t position_in_parent(int64_t seconds, TimeFrequency child, TimeFrequency parent, int64_t week_anchor_days);
// Length, in child units, of the parent period containing seconds (e.g. days of that month).
int64_t period_length(int64_t seconds, TimeFrequency child, TimeFrequency parent);
// Day number (since epoch) of W0 for an initial datetime: the date minus ((doy - 1) mod 7) days.
int64_t week_anchor_days(int64_t initial_seconds);
// The largest |delta| of a frequency that can stay inside 1678..2261 (larger ones are out of range).
int64_t max_period_delta(TimeFrequency frequency);

int64_t to_seconds(std::chrono::system_clock::time_point t);
std::chrono::system_clock::time_point from_seconds(int64_t seconds);

}  // namespace quiver::binary_detail

#endif  // QUIVER_SRC_BINARY_CALENDAR_H
