// The DATE_TIME grammar (api-additions §10.3, D22): one definition for every write path, for
// read_time_series_row's argument and, mirrored exactly, for Python's date readers.
//
//   YYYY-MM-DD[(T| )hh[:mm[:ss[.f{1,9}]]][Z]]
//
// Every field zero-padded; year 0001-9999; a real calendar date (leap years checked);
// hour 00-23, minute 00-59, second 00-59; `Z` only after a time. Values are stored as given.
#ifndef QUIVER_SRC_DATE_TIME_H
#define QUIVER_SRC_DATE_TIME_H

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace quiver::detail {

// True iff `text` (already trimmed) matches the grammar above.
bool is_valid_date_time(std::string_view text);

// The tail of the D22 message: "invalid date-time '<v>' for <context>: expected YYYY-MM-DD or
// YYYY-MM-DDTHH:MM:SS"; callers prefix it with "Cannot <op>: " (detail::fail_cannot).
// Microseconds since 1970-01-01T00:00:00 of a value of the grammar, read as UTC (with or without
// `Z`); the fraction is truncated to microseconds. std::nullopt when `text` does not match.
std::optional<int64_t> date_time_to_unix_microseconds(std::string_view text);

std::string invalid_date_time_reason(std::string_view value, std::string_view context);

}  // namespace quiver::detail

#endif  // QUIVER_SRC_DATE_TIME_H
