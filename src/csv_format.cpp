#include "csv_format.h"

#include "errors.h"

#include <charconv>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <limits>
#include <system_error>

#ifdef _WIN32
#include <iomanip>
#include <sstream>
#endif

namespace quiver::detail::csv {

Target resolve_target(Database::Impl& impl, std::string_view op, const std::string& collection,
                      const std::string& group) {
    const auto& table = impl.require_collection(op, collection);
    if (group.empty()) return {&table, TargetKind::Scalar};
    const auto& schema = *impl.schema;
    if (const auto* t = schema.get_table(Schema::vector_table_name(collection, group))) {
        return {t, TargetKind::Vector};
    }
    if (const auto* t = schema.get_table(Schema::set_table_name(collection, group))) return {t, TargetKind::Set};
    // C_time_series_files is the files table, not a group.
    const auto time_series = Schema::time_series_table_name(collection, group);
    if (const auto* t = schema.get_table(time_series); t && !schema.is_time_series_files_table(time_series)) {
        return {t, TargetKind::TimeSeries};
    }
    fail_cannot(op, "group not found: '" + group + "' in collection '" + collection + "'");
}

void append_field(std::string& out, std::string_view field) {
    if (field.find_first_of(", \n") == std::string_view::npos) {
        out.append(field);
        return;
    }
    out.push_back('"');
    for (char c : field) {
        if (c == '"') out.push_back('"');
        out.push_back(c);
    }
    out.push_back('"');
}

std::string format_double(double v) {
    char buffer[64];
    const auto result = std::to_chars(buffer, buffer + sizeof(buffer), v);
    return std::string(buffer, result.ptr);
}

namespace {

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

}  // namespace

std::optional<int64_t> parse_integer(std::string_view text) {
    size_t i = 0;
    bool negative = false;
    if (!text.empty() && (text[0] == '+' || text[0] == '-')) {
        negative = text[0] == '-';
        i = 1;
    }
    if (i == text.size()) return std::nullopt;
    for (size_t j = i; j < text.size(); ++j) {
        if (!is_digit(text[j])) return std::nullopt;
    }
    // from_chars accepts a leading '-' but not '+': parse the digits with the sign kept.
    std::string digits;
    if (negative) digits.push_back('-');
    digits.append(text.substr(i));
    int64_t value = 0;
    const auto result = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (result.ec != std::errc() || result.ptr != digits.data() + digits.size()) return std::nullopt;
    return value;
}

std::optional<double> parse_float(std::string_view text) {
    size_t i = 0;
    const size_t n = text.size();
    bool negative = false;
    if (i < n && (text[i] == '+' || text[i] == '-')) {
        negative = text[i] == '-';
        ++i;
    }
    // Infinities are written as "inf"/"-inf" by export (std::to_chars) and must read back (D8).
    // NaN stays invalid: SQLite would store it as NULL.
    if (n - i == 3 && fold_case(std::string(text.substr(i))) == "inf") {
        return negative ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity();
    }
    const size_t mantissa_start = i;
    size_t int_digits = 0;
    while (i < n && is_digit(text[i])) ++i, ++int_digits;
    size_t frac_digits = 0;
    if (i < n && text[i] == '.') {
        ++i;
        while (i < n && is_digit(text[i])) ++i, ++frac_digits;
    }
    if (int_digits + frac_digits == 0) return std::nullopt;
    if (i < n && (text[i] == 'e' || text[i] == 'E')) {
        ++i;
        if (i < n && (text[i] == '+' || text[i] == '-')) ++i;
        size_t exp_digits = 0;
        while (i < n && is_digit(text[i])) ++i, ++exp_digits;
        if (exp_digits == 0) return std::nullopt;
    }
    if (i != n) return std::nullopt;

    // Normalise to a form every from_chars accepts: sign, digits (a leading 0 before a bare
    // '.'), and no trailing '.'.
    std::string literal;
    if (negative) literal.push_back('-');
    std::string_view body = text.substr(mantissa_start);
    if (int_digits == 0) literal.push_back('0');
    for (size_t k = 0; k < body.size(); ++k) {
        const char c = body[k];
        if (c == '.' && (k + 1 == body.size() || !is_digit(body[k + 1]))) continue;
        literal.push_back(c);
    }
    double value = 0.0;
    const auto result = std::from_chars(literal.data(), literal.data() + literal.size(), value);
    if (result.ec != std::errc() || result.ptr != literal.data() + literal.size()) return std::nullopt;
    return value;
}

namespace {

// Reads 1..max_digits digits at pos; fails on none.
bool read_number(std::string_view s, size_t& pos, size_t min_digits, size_t max_digits, int& out) {
    size_t count = 0;
    int value = 0;
    while (pos < s.size() && count < max_digits && is_digit(s[pos])) {
        value = value * 10 + (s[pos] - '0');
        ++pos;
        ++count;
    }
    if (count < min_digits) return false;
    out = value;
    return true;
}

bool in_ranges(const DateTime& v) {
    return v.month >= 1 && v.month <= 12 && v.day >= 1 && v.day <= 31 && v.hour >= 0 && v.hour <= 23 &&
           v.minute >= 0 && v.minute <= 59 && v.second >= 0 && v.second <= 60;
}

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
int64_t days_from_civil(int64_t y, unsigned m, unsigned d) {
    y -= m <= 2;
    const int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

std::tm to_tm(const DateTime& v) {
    std::tm tm{};
    tm.tm_year = v.year - 1900;
    tm.tm_mon = v.month - 1;
    tm.tm_mday = v.day;
    tm.tm_hour = v.hour;
    tm.tm_min = v.minute;
    tm.tm_sec = v.second;
    tm.tm_isdst = 0;
    const int64_t days = days_from_civil(v.year, static_cast<unsigned>(v.month), static_cast<unsigned>(v.day));
    // 1970-01-01 was a Thursday (4).
    tm.tm_wday = static_cast<int>(((days % 7) + 7 + 4) % 7);
    tm.tm_yday = static_cast<int>(days - days_from_civil(v.year, 1, 1));
    return tm;
}

}  // namespace

std::optional<DateTime> parse_date_time(std::string_view s) {
    DateTime v;
    size_t pos = 0;
    if (!read_number(s, pos, 4, 4, v.year)) return std::nullopt;
    if (pos >= s.size() || s[pos] != '-') return std::nullopt;
    ++pos;
    if (!read_number(s, pos, 1, 2, v.month)) return std::nullopt;
    if (pos >= s.size() || s[pos] != '-') return std::nullopt;
    ++pos;
    if (!read_number(s, pos, 1, 2, v.day)) return std::nullopt;
    if (pos < s.size() && (s[pos] == 'T' || s[pos] == ' ')) {
        ++pos;
        if (!read_number(s, pos, 1, 2, v.hour)) return std::nullopt;
        if (pos < s.size() && s[pos] == ':') {
            ++pos;
            if (!read_number(s, pos, 1, 2, v.minute)) return std::nullopt;
            if (pos < s.size() && s[pos] == ':') {
                ++pos;
                if (!read_number(s, pos, 1, 2, v.second)) return std::nullopt;
                if (pos < s.size() && s[pos] == '.') {
                    ++pos;
                    const size_t start = pos;
                    while (pos < s.size() && is_digit(s[pos])) ++pos;
                    if (pos == start) return std::nullopt;
                }
            }
        }
    }
    if (pos < s.size() && s[pos] == 'Z') ++pos;
    if (pos != s.size()) return std::nullopt;
    if (!in_ranges(v)) return std::nullopt;
    return v;
}

std::optional<DateTime> parse_date_time(std::string_view text, const std::string& format) {
    const std::string input(text);
    std::tm tm{};
#ifdef _WIN32
    std::istringstream in(input);
    in >> std::get_time(&tm, format.c_str());
    if (in.fail()) return std::nullopt;
    if (in.peek() != std::char_traits<char>::eof()) return std::nullopt;
#else
    const char* end = strptime(input.c_str(), format.c_str(), &tm);
    if (end == nullptr || *end != '\0') return std::nullopt;
#endif
    // %s (seconds since the epoch) can yield years whose tm_year + 1900 overflows int.
    if (tm.tm_year > std::numeric_limits<int>::max() - 1900) return std::nullopt;
    DateTime v;
    v.year = tm.tm_year + 1900;
    v.month = tm.tm_mon + 1;
    v.day = tm.tm_mday;
    v.hour = tm.tm_hour;
    v.minute = tm.tm_min;
    v.second = tm.tm_sec;
    if (!in_ranges(v)) return std::nullopt;
    return v;
}

std::string format_iso(const DateTime& v) {
    char buffer[64];
    std::snprintf(buffer, sizeof(buffer), "%04d-%02d-%02dT%02d:%02d:%02d", v.year, v.month, v.day, v.hour,
                  v.minute, v.second);
    return buffer;
}

std::string format_date_time(const DateTime& value, const std::string& format) {
    const std::tm tm = to_tm(value);
    // strftime returns 0 both on overflow and for an empty result: grow a few times, then
    // accept the empty result.
    for (size_t size = 128; size <= 65536; size *= 8) {
        std::string buffer(size, '\0');
        const size_t written = std::strftime(buffer.data(), buffer.size(), format.c_str(), &tm);
        if (written > 0) {
            buffer.resize(written);
            return buffer;
        }
    }
    return {};
}

namespace {

// Decodes one UTF-8 sequence at pos; returns false for an invalid one (then one byte is
// taken verbatim by the caller).
bool decode_utf8(std::string_view s, size_t& pos, char32_t& cp) {
    const auto b0 = static_cast<unsigned char>(s[pos]);
    size_t len = 0;
    if (b0 < 0x80) {
        cp = b0;
        len = 1;
    } else if ((b0 & 0xE0) == 0xC0) {
        cp = b0 & 0x1F;
        len = 2;
    } else if ((b0 & 0xF0) == 0xE0) {
        cp = b0 & 0x0F;
        len = 3;
    } else if ((b0 & 0xF8) == 0xF0) {
        cp = b0 & 0x07;
        len = 4;
    } else {
        return false;
    }
    if (pos + len > s.size()) return false;
    for (size_t k = 1; k < len; ++k) {
        const auto b = static_cast<unsigned char>(s[pos + k]);
        if ((b & 0xC0) != 0x80) return false;
        cp = (cp << 6) | (b & 0x3F);
    }
    pos += len;
    return true;
}

void encode_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

char32_t fold(char32_t c) {
    if (c >= 'A' && c <= 'Z') return c + 0x20;
    if (c < 0x80) return c;
    if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 0x20;  // Latin-1
    if (c >= 0x100 && c <= 0x17F) {                             // Latin Extended-A
        if (c == 0x130) return 'i';
        if (c == 0x178) return 0xFF;
        const bool even_capitals = (c <= 0x137 && c != 0x131) || (c >= 0x14A && c <= 0x177);
        const bool odd_capitals = (c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E);
        if (even_capitals && c % 2 == 0) return c + 1;
        if (odd_capitals && c % 2 == 1) return c + 1;
        return c;
    }
    if (c >= 0x391 && c <= 0x3A9 && c != 0x3A2) return c + 0x20;  // Greek
    if (c == 0x386) return 0x3AC;
    if (c >= 0x388 && c <= 0x38A) return c + 37;
    if (c == 0x38C) return 0x3CC;
    if (c == 0x38E || c == 0x38F) return c + 63;
    if (c >= 0x410 && c <= 0x42F) return c + 0x20;  // Cyrillic
    if (c >= 0x400 && c <= 0x40F) return c + 0x50;
    return c;
}

}  // namespace

std::string fold_case(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    size_t pos = 0;
    while (pos < text.size()) {
        char32_t cp = 0;
        if (decode_utf8(text, pos, cp)) {
            encode_utf8(out, fold(cp));
        } else {
            out.push_back(text[pos]);
            ++pos;
        }
    }
    return out;
}

}  // namespace quiver::detail::csv
