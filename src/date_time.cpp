#include "date_time.h"

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

bool is_leap(int year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int days_in_month(int year, int month) {
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && is_leap(year) ? 29 : days[month - 1];
}

}  // namespace

bool is_valid_date_time(std::string_view text) {
    int year = 0, month = 0, day = 0;
    if (!read_fixed(text, 0, 4, year) || text.size() < 10 || text[4] != '-' ||
        !read_fixed(text, 5, 2, month) || text[7] != '-' || !read_fixed(text, 8, 2, day)) {
        return false;
    }
    if (year < 1 || month < 1 || month > 12 || day < 1 || day > days_in_month(year, month)) return false;
    if (text.size() == 10) return true;

    // A time: separator, then hh, :mm, :ss, .f{1,9}, each optional after the hour, then Z.
    if (text[10] != 'T' && text[10] != ' ') return false;
    size_t pos = 11;
    int field = 0;
    if (!read_fixed(text, pos, 2, field) || field > 23) return false;
    pos += 2;
    for (int limit : {59, 59}) {  // minutes, then seconds
        if (pos >= text.size() || text[pos] != ':') break;
        if (!read_fixed(text, pos + 1, 2, field) || field > limit) return false;
        pos += 3;
    }
    if (pos < text.size() && text[pos] == '.') {
        if (pos != 19) return false;  // a fraction only after hh:mm:ss
        size_t digits = 0;
        while (pos + 1 + digits < text.size() && is_digit(text[pos + 1 + digits])) ++digits;
        if (digits < 1 || digits > 9) return false;
        pos += 1 + digits;
    }
    if (pos < text.size() && text[pos] == 'Z') ++pos;
    return pos == text.size();
}

std::string invalid_date_time_reason(std::string_view value, std::string_view context) {
    std::string reason("invalid date-time '");
    reason.append(value).append("' for ").append(context).append(
        ": expected YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS");
    return reason;
}

}  // namespace quiver::detail
