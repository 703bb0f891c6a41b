// The write-type rules (D1): int64 fits INTEGER and REAL, double only REAL, strings only
// TEXT and DATE_TIME, NULL fits anything.
//
// The same single path also rejects values that SQLite would not store faithfully (see
// docs/reliability.md, "Bad input"):
//   - NaN: SQLite binds a NaN double as NULL, which would be a silent NULL (D14);
//   - strings that are not valid UTF-8 (SQLite would store the bytes as TEXT that no binding
//     can decode), or that hold an embedded NUL byte (every char* reader would truncate it).
// +-Inf is an ordinary REAL value and passes.
//
// DATE_TIME columns (declared DATE_TIME, or TEXT named date_*) also check the grammar of D22
// (date_time.h) on the trimmed value, here and only here, so that every write path (element
// scalars and arrays, time-series and group cells) gets it. CSV import never reaches this check
// for DATE_TIME: it parses and normalises dates by its own rules first.
#include "quiver/type_validator.h"

#include "date_time.h"
#include "errors.h"
#include "statement.h"
#include "utf8.h"

#include <cmath>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace quiver {
namespace {

const char* value_type_name(const Value& value) {
    switch (value.index()) {
    case 1: return "INTEGER";
    case 2: return "REAL";
    default: return "TEXT";
    }
}

bool fits(DataType expected, const Value& value) {
    switch (value.index()) {
    case 0: return true;
    case 1: return expected == DataType::Integer || expected == DataType::Real;
    case 2: return expected == DataType::Real;
    default: return expected == DataType::Text || expected == DataType::DateTime;
    }
}

enum class Problem { None, NaN, EmbeddedNul, InvalidUtf8, InvalidDateTime };

// What is wrong with the content of a value that fits its column type.
Problem content_problem(DataType expected, const Value& value) {
    if (const auto* d = std::get_if<double>(&value)) {
        return std::isnan(*d) ? Problem::NaN : Problem::None;
    }
    if (const auto* s = std::get_if<std::string>(&value)) {
        if (!s->empty()) {
            if (std::memchr(s->data(), '\0', s->size()) != nullptr) return Problem::EmbeddedNul;
            if (!detail::is_valid_utf8(*s)) return Problem::InvalidUtf8;
        }
        // Strings are trimmed when bound, so the stored value is the trimmed one (D22).
        if (expected == DataType::DateTime && !detail::is_valid_date_time(detail::trim(*s))) {
            return Problem::InvalidDateTime;
        }
    }
    return Problem::None;
}

[[noreturn]] void fail_content(std::string_view caller, const std::string& context, Problem problem,
                               const Value& value) {
    switch (problem) {
    case Problem::NaN: detail::fail_cannot(caller, "NaN is not allowed for " + context);
    case Problem::EmbeddedNul: detail::fail_cannot(caller, "embedded NUL character in " + context);
    case Problem::InvalidDateTime:
        detail::fail_cannot(caller, detail::invalid_date_time_reason(std::get<std::string>(value), context));
    default: detail::fail_cannot(caller, "invalid UTF-8 in " + context);
    }
}

// The fast path of the bulk checks: true when validate_value would accept the value, so the
// context string is only built for a value that fails.
bool acceptable(DataType expected, const Value& value) {
    return fits(expected, value) && content_problem(expected, value) == Problem::None;
}

}  // namespace

TypeValidator::TypeValidator(const Schema& schema) : schema_(schema) {}

void TypeValidator::validate_value(const std::string& caller, const std::string& context,
                                   DataType expected_type, const Value& value) {
    if (!fits(expected_type, value)) {
        detail::fail_cannot(caller, "type mismatch for " + context + ": expected " +
                                        data_type_to_string(expected_type) + ", got " +
                                        value_type_name(value));
    }
    const Problem problem = content_problem(expected_type, value);
    if (problem != Problem::None) fail_content(caller, context, problem, value);
}

void TypeValidator::validate_scalar(const std::string& caller, const std::string& table,
                                    const std::string& column, const Value& value) const {
    validate_column(caller, column, schema_.get_data_type(table, column), value);
}

void TypeValidator::validate_array(const std::string& caller, const std::string& table,
                                   const std::string& column, const std::vector<Value>& values) const {
    const auto type = schema_.get_data_type(table, column);
    for (size_t i = 0; i < values.size(); ++i) {
        if (acceptable(type, values[i])) continue;
        validate_value(caller, "array '" + column + "' index " + std::to_string(i), type, values[i]);
    }
}

void TypeValidator::validate_column(const std::string& caller, const std::string& column, DataType expected_type,
                                    const Value& value) {
    if (acceptable(expected_type, value)) return;
    validate_value(caller, "column '" + column + "'", expected_type, value);
}

void TypeValidator::validate_cell(const std::string& caller, const std::string& column, size_t row,
                                  DataType expected_type, const Value& value) {
    if (acceptable(expected_type, value)) return;
    validate_value(caller, "column '" + column + "' row " + std::to_string(row), expected_type, value);
}

}  // namespace quiver
