#include "binary/calendar.h"

#include <cstdio>

namespace quiver::binary_detail {

int64_t floor_div(int64_t a, int64_t b) {
    int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
    return q;
}

int64_t floor_mod(int64_t a, int64_t b) {
    return a - floor_div(a, b) * b;
}

// Howard Hinnant's days_from_civil, with month normalisation so that month overflow works.
int64_t days_from_civil(int64_t y, int64_t m, int64_t d) {
    y += floor_div(m - 1, 12);
    m = floor_mod(m - 1, 12) + 1;
    y -= m <= 2;
    const int64_t era = floor_div(y, 400);
    const int64_t yoe = y - era * 400;
    const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

Civil civil_from_seconds(int64_t seconds) {
    const int64_t z0 = floor_div(seconds, kSecondsPerDay);
    const int64_t tod = seconds - z0 * kSecondsPerDay;
    const int64_t z = z0 + 719468;
    const int64_t era = floor_div(z, 146097);
    const int64_t doe = z - era * 146097;
    const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int64_t mp = (5 * doy + 2) / 153;
    const int64_t d = doy - (153 * mp + 2) / 5 + 1;
    const int64_t m = mp < 10 ? mp + 3 : mp - 9;
    Civil c{};
    c.year = yoe + era * 400 + (m <= 2);
    c.month = static_cast<int>(m);
    c.day = static_cast<int>(d);
    c.hour = static_cast<int>(tod / 3600);
    c.minute = static_cast<int>((tod / 60) % 60);
    c.second = static_cast<int>(tod % 60);
    return c;
}

int64_t seconds_from_civil(const Civil& c) {
    return days_from_civil(c.year, c.month, c.day) * kSecondsPerDay + c.hour * 3600 + c.minute * 60 + c.second;
}

bool is_leap_year(int64_t year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int days_in_month(int64_t year, int month) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && is_leap_year(year) ? 29 : kDays[month - 1];
}

int day_of_year(const Civil& c) {
    return static_cast<int>(days_from_civil(c.year, c.month, c.day) - days_from_civil(c.year, 1, 1) + 1);
}

int64_t min_seconds() {
    return days_from_civil(1678, 1, 1) * kSecondsPerDay;
}

int64_t max_seconds() {
    return days_from_civil(2261, 12, 31) * kSecondsPerDay + kSecondsPerDay - 1;
}

namespace {

bool digits(std::string_view text, size_t at, size_t count, int64_t& out) {
    if (at + count > text.size()) return false;
    out = 0;
    for (size_t i = at; i < at + count; ++i) {
        if (text[i] < '0' || text[i] > '9') return false;
        out = out * 10 + (text[i] - '0');
    }
    return true;
}

}  // namespace

std::optional<int64_t> parse_datetime(std::string_view text) {
    if (!text.empty() && text.back() == 'Z') text.remove_suffix(1);
    int64_t y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
    if (!digits(text, 0, 4, y) || text.size() < 10 || text[4] != '-' || !digits(text, 5, 2, mo) || text[7] != '-' ||
        !digits(text, 8, 2, d)) {
        return std::nullopt;
    }
    if (text.size() != 10) {
        if (text.size() != 19 || (text[10] != 'T' && text[10] != ' ') || !digits(text, 11, 2, h) || text[13] != ':' ||
            !digits(text, 14, 2, mi) || text[16] != ':' || !digits(text, 17, 2, s)) {
            return std::nullopt;
        }
    }
    if (mo < 1 || mo > 12 || d < 1 || d > days_in_month(y, static_cast<int>(mo)) || h > 23 || mi > 59 || s > 59) {
        return std::nullopt;
    }
    return days_from_civil(y, mo, d) * kSecondsPerDay + h * 3600 + mi * 60 + s;
}

std::string format_datetime(int64_t seconds) {
    const Civil c = civil_from_seconds(seconds);
    char buffer[48];
    std::snprintf(buffer, sizeof(buffer), "%04lld-%02d-%02dT%02d:%02d:%02d", static_cast<long long>(c.year), c.month,
                  c.day, c.hour, c.minute, c.second);
    return buffer;
}

std::string format_date(int64_t seconds) {
    const Civil c = civil_from_seconds(seconds);
    char buffer[32];
    std::snprintf(buffer, sizeof(buffer), "%04lld-%02d-%02d", static_cast<long long>(c.year), c.month, c.day);
    return buffer;
}

int64_t add_months(int64_t seconds, int64_t months) {
    const int64_t day = floor_div(seconds, kSecondsPerDay);
    const int64_t tod = seconds - day * kSecondsPerDay;
    const Civil c = civil_from_seconds(day * kSecondsPerDay);
    return days_from_civil(c.year, c.month + months, c.day) * kSecondsPerDay + tod;
}

int64_t add_periods(int64_t seconds, TimeFrequency frequency, int64_t delta) {
    switch (frequency) {
        case TimeFrequency::Yearly: return add_months(seconds, 12 * delta);
        case TimeFrequency::Monthly: return add_months(seconds, delta);
        case TimeFrequency::Weekly: return seconds + 7 * kSecondsPerDay * delta;
        case TimeFrequency::Daily: return seconds + kSecondsPerDay * delta;
        case TimeFrequency::Hourly: return seconds + 3600 * delta;
    }
    return seconds;
}

int64_t week_anchor_days(int64_t initial_seconds) {
    const Civil c = civil_from_seconds(initial_seconds);
    return days_from_civil(c.year, c.month, c.day) - (day_of_year(c) - 1) % 7;
}

int64_t position_in_parent(int64_t seconds, TimeFrequency child, TimeFrequency parent, int64_t week_anchor) {
    const Civil c = civil_from_seconds(seconds);
    const int64_t days = floor_div(seconds, kSecondsPerDay);
    const int64_t dow = floor_mod(days - week_anchor, 7) + 1;
    switch (child) {
        case TimeFrequency::Monthly: return c.month;
        case TimeFrequency::Daily:
            if (parent == TimeFrequency::Monthly) return c.day;
            if (parent == TimeFrequency::Yearly) return day_of_year(c);
            if (parent == TimeFrequency::Weekly) return dow;
            return 1;
        case TimeFrequency::Hourly:
            if (parent == TimeFrequency::Daily) return c.hour + 1;
            if (parent == TimeFrequency::Monthly) return (c.day - 1) * 24 + c.hour + 1;
            if (parent == TimeFrequency::Yearly) return (day_of_year(c) - 1) * 24 + c.hour + 1;
            if (parent == TimeFrequency::Weekly) return (dow - 1) * 24 + c.hour + 1;
            return 1;
        default: return 1;
    }
}

int64_t period_length(int64_t seconds, TimeFrequency child, TimeFrequency parent) {
    const Civil c = civil_from_seconds(seconds);
    const int64_t per_day = child == TimeFrequency::Hourly ? 24 : 1;
    if (child == TimeFrequency::Monthly) return 12;
    switch (parent) {
        case TimeFrequency::Monthly: return per_day * days_in_month(c.year, c.month);
        case TimeFrequency::Yearly: return per_day * (is_leap_year(c.year) ? 366 : 365);
        case TimeFrequency::Weekly: return per_day * 7;
        case TimeFrequency::Daily: return 24;
        default: return 1;
    }
}

int64_t max_period_delta(TimeFrequency frequency) {
    switch (frequency) {
        case TimeFrequency::Yearly: return 600;
        case TimeFrequency::Monthly: return 600 * 12;
        case TimeFrequency::Weekly: return 600 * 53;
        case TimeFrequency::Daily: return 600 * 366;
        case TimeFrequency::Hourly: return 600 * 366 * 24;
    }
    return 0;
}

int64_t to_seconds(std::chrono::system_clock::time_point t) {
    return std::chrono::floor<std::chrono::seconds>(t.time_since_epoch()).count();
}

std::chrono::system_clock::time_point from_seconds(int64_t seconds) {
    return std::chrono::system_clock::time_point(
        std::chrono::duration_cast<std::chrono::system_clock::duration>(std::chrono::seconds(seconds)));
}

}  // namespace quiver::binary_detail
