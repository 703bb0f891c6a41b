// TypeValidator: the write-type rules (int64 accepted for REAL, double rejected for INTEGER).
#ifndef QUIVER_TYPE_VALIDATOR_H
#define QUIVER_TYPE_VALIDATOR_H

#include "quiver/data_type.h"
#include "quiver/export.h"
#include "quiver/schema.h"
#include "quiver/value.h"

#include <string>
#include <vector>

namespace quiver {

class QUIVER_API TypeValidator {
public:
    explicit TypeValidator(const Schema& schema);

    // Throws "Cannot <caller>: type mismatch for column '<c>': expected <T>, got <T>".
    void validate_scalar(const std::string& caller, const std::string& table,
                         const std::string& column, const Value& value) const;
    // Throws "Cannot <caller>: type mismatch for array '<c>' index <i>: expected <T>, got <T>".
    void validate_array(const std::string& caller, const std::string& table,
                        const std::string& column, const std::vector<Value>& values) const;
    // context is e.g. "column 'x'", "array 'x' index 2" or "column 'x' row 0".
    // Every check of a written cell, in order: the type rule (D1), NaN, embedded NUL, invalid
    // UTF-8, and for DATE_TIME the grammar of D22 on the trimmed string:
    // "Cannot <caller>: invalid date-time '<v>' for <context>: expected YYYY-MM-DD or
    // YYYY-MM-DDTHH:MM:SS". NULL passes.
    static void validate_value(const std::string& caller, const std::string& context,
                               DataType expected_type, const Value& value);
    // validate_value with context "column '<c>'" / "column '<c>' row <r>", built only when the
    // value fails (these run once per written cell).
    static void validate_column(const std::string& caller, const std::string& column, DataType expected_type,
                                const Value& value);
    static void validate_cell(const std::string& caller, const std::string& column, size_t row,
                              DataType expected_type, const Value& value);

private:
    const Schema& schema_;
};

}  // namespace quiver

#endif  // QUIVER_TYPE_VALIDATOR_H
