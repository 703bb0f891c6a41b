#include "date_time.h"

// The calendar arithmetic (leap years, month lengths, days since 1970) is the binary files' one:
// one proleptic Gregorian calendar in the library.
#include "binary/calendar.h"

#include <cstdint>
#include <optional>
#include <string>

namespace quiver::detail {
namespace {

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

// Reads exactly `width` digits at `pos` into `out`; false when any is not a digit.
bool read_fixed(std::string_view text, size_t pos, size_t width, int& out) {
    if (pos + width > text.size()) return false;
    out = 0;
    for (size_t i = pos; i < pos + width; ++i) {
        if (!is_digit(text[i])) return false;
        out = out * 10 + (text[i] - '0');
    }
    return true;
}

using binary_detail::days_in_month;

struct DateTimeFields {
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, microsecond = 0;
};

// The one parser of the grammar: fills `out` and returns true iff `text` matches it.
bool parse_fields(std::string_view text, DateTimeFields& out) {
    out = DateTimeFields{};
    if (!read_fixed(text, 0, 4, out.year) || text.size() < 10 || text[4] != '-' ||
        !read_fixed(text, 5, 2, out.month) || text[7] != '-' || !read_fixed(text, 8, 2, out.day)) {
        return false;
    }
    if (out.year < 1 || out.month < 1 || out.month > 12 || out.day < 1 ||
        out.day > days_in_month(out.year, out.month)) {
        return false;
    }
    if (text.size() == 10) return true;

    // A time: separator, then hh, :mm, :ss, .f{1,9}, each optional after the hour, then Z.
    if (text[10] != 'T' && text[10] != ' ') return false;
    size_t pos = 11;
    if (!read_fixed(text, pos, 2, out.hour) || out.hour > 23) return false;
    pos += 2;
    int* fields[] = {&out.minute, &out.second};
    for (int* field : fields) {
        if (pos >= text.size() || text[pos] != ':') break;
        if (!read_fixed(text, pos + 1, 2, *field) || *field > 59) return false;
        pos += 3;
    }
    if (pos < text.size() && text[pos] == '.') {
        if (pos != 19) return false;  // a fraction only after hh:mm:ss
        size_t digits = 0;
        while (pos + 1 + digits < text.size() && is_digit(text[pos + 1 + digits])) ++digits;
        if (digits < 1 || digits > 9) return false;
        for (size_t k = 0; k < 6; ++k) {  // microseconds: the first six digits, zero-filled
            out.microsecond = out.microsecond * 10 + (k < digits ? text[pos + 1 + k] - '0' : 0);
        }
        pos += 1 + digits;
    }
    if (pos < text.size() && text[pos] == 'Z') ++pos;
    return pos == text.size();
}

}  // namespace

bool is_valid_date_time(std::string_view text) {
    DateTimeFields fields;
    return parse_fields(text, fields);
}

std::optional<int64_t> date_time_to_unix_microseconds(std::string_view text) {
    DateTimeFields f;
    if (!parse_fields(text, f)) return std::nullopt;
    const int64_t seconds =
        binary_detail::seconds_from_civil({f.year, f.month, f.day, f.hour, f.minute, f.second});
    return seconds * 1000000 + f.microsecond;
}

std::string invalid_date_time_reason(std::string_view value, std::string_view context) {
    std::string reason("invalid date-time '");
    reason.append(value).append("' for ").append(context).append(
        ": expected YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS");
    return reason;
}

}  // namespace quiver::detail
