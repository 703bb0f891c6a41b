// Text formats shared by CSV export and import (semantics §8): field quoting, shortest
// round-trip floats, strict integer/float literals, date parsing (with and without a
// strptime-style pattern) and formatting, and the case folding used for enum labels.
#ifndef QUIVER_SRC_CSV_FORMAT_H
#define QUIVER_SRC_CSV_FORMAT_H

#include "quiver/schema.h"

#include "database_impl.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace quiver::detail::csv {

// The table a CSV call addresses (§8.1): group "" is the collection's own table, otherwise
// C_vector_<g>, then C_set_<g>, then C_time_series_<g>.
enum class TargetKind { Scalar, Vector, Set, TimeSeries };
struct Target {
    const TableDefinition* table;
    TargetKind kind;
};
// Throws "Cannot <op>: collection not found: <C>" / "Cannot <op>: group not found: '<g>' in
// collection '<C>'" (and the schema errors of require_schema).
Target resolve_target(Database::Impl& impl, std::string_view op, const std::string& collection,
                      const std::string& group);

// Appends one field as export writes it: wrapped in '"' iff it contains a comma, a space or
// an LF, inner '"' doubled when wrapped; raw otherwise.
void append_field(std::string& out, std::string_view field);

// The shortest text that parses back to exactly v (std::to_chars without format/precision):
// 23.0 -> "23", 1e-7 -> "1e-07", 1e8 -> "1e+08".
std::string format_double(double v);

// Optional sign and decimal digits, nothing else, within int64 range.
std::optional<int64_t> parse_integer(std::string_view text);
// A complete decimal or scientific literal (integers allowed): [+-]digits[.digits][e[+-]digits],
// also ".5" and "5."; no hex, inf or nan; out-of-range values are rejected.
std::optional<double> parse_float(std::string_view text);

struct DateTime {
    int year = 0;
    int month = 0;   // 1-12
    int day = 0;     // 1-31
    int hour = 0;    // 0-23
    int minute = 0;  // 0-59
    int second = 0;  // 0-60
};

// Without a format (§8.4): Y-M-D, Y-M-DTh[:m[:s]] or Y-M-D h[:m[:s]]; Y has 4 digits, the other
// fields 1-2; a fraction after the seconds and/or a final 'Z' are ignored; ranges checked
// (the day is not checked against the month).
std::optional<DateTime> parse_date_time(std::string_view text);
// With a strptime-style pattern: the whole text must match; absent time fields are 0 and the
// day of month must be >= 1.
std::optional<DateTime> parse_date_time(std::string_view text, const std::string& format);

// "%Y-%m-%dT%H:%M:%S" (the year zero-padded to 4 digits), the form import stores.
std::string format_iso(const DateTime& value);
// strftime with the given pattern.
std::string format_date_time(const DateTime& value, const std::string& format);

// The normalised pattern named in import's timestamp message when no format is given.
inline constexpr const char* kIsoFormat = "%Y-%m-%dT%H:%M:%S";

// Simple case folding of UTF-8 text (ASCII, Latin-1, Latin Extended-A, Greek and Cyrillic
// capitals to their small letters), for case-insensitive enum labels across locales.
std::string fold_case(std::string_view text);

}  // namespace quiver::detail::csv

#endif  // QUIVER_SRC_CSV_FORMAT_H
