// Bounds of the time dimensions (binary.md §3.1): how many children of each frequency fit in one
// period of the parent frequency. No daylight-saving time: a day always has 24 hours.
#ifndef QUIVER_BINARY_TIME_CONSTANTS_H
#define QUIVER_BINARY_TIME_CONSTANTS_H

namespace quiver::time {

constexpr int MIN_HOURS_IN_DAY = 24;
constexpr int MAX_HOURS_IN_DAY = 24;
constexpr int MIN_HOURS_IN_WEEK = 168;
constexpr int MAX_HOURS_IN_WEEK = 168;
constexpr int MIN_HOURS_IN_MONTH = 672;
constexpr int MAX_HOURS_IN_MONTH = 744;
constexpr int MIN_HOURS_IN_YEAR = 8760;
constexpr int MAX_HOURS_IN_YEAR = 8784;
constexpr int MIN_DAYS_IN_WEEK = 7;
constexpr int MAX_DAYS_IN_WEEK = 7;
constexpr int MIN_DAYS_IN_MONTH = 28;
constexpr int MAX_DAYS_IN_MONTH = 31;
constexpr int MIN_DAYS_IN_YEAR = 365;
constexpr int MAX_DAYS_IN_YEAR = 366;
constexpr int MIN_WEEKS_IN_YEAR = 52;
constexpr int MAX_WEEKS_IN_YEAR = 53;
constexpr int MIN_MONTHS_IN_YEAR = 12;
constexpr int MAX_MONTHS_IN_YEAR = 12;

}  // namespace quiver::time

#endif  // QUIVER_BINARY_TIME_CONSTANTS_H
