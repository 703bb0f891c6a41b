// The write-type rules (D1): int64 fits INTEGER and REAL, double only REAL, strings only
// TEXT and DATE_TIME, NULL fits anything.
#include "quiver/type_validator.h"

#include "errors.h"

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

}  // namespace

TypeValidator::TypeValidator(const Schema& schema) : schema_(schema) {}

void TypeValidator::validate_value(const std::string& caller, const std::string& context,
                                   DataType expected_type, const Value& value) {
    if (fits(expected_type, value)) return;
    detail::fail_cannot(caller, "type mismatch for " + context + ": expected " +
                                    data_type_to_string(expected_type) + ", got " +
                                    value_type_name(value));
}

void TypeValidator::validate_scalar(const std::string& caller, const std::string& table,
                                    const std::string& column, const Value& value) const {
    validate_value(caller, "column '" + column + "'", schema_.get_data_type(table, column), value);
}

void TypeValidator::validate_array(const std::string& caller, const std::string& table,
                                   const std::string& column, const std::vector<Value>& values) const {
    const auto type = schema_.get_data_type(table, column);
    for (size_t i = 0; i < values.size(); ++i) {
        if (fits(type, values[i])) continue;
        validate_value(caller, "array '" + column + "' index " + std::to_string(i), type, values[i]);
    }
}

}  // namespace quiver
