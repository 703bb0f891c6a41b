// Row: one result row. Typed getters return a value only for their own storage class, with one
// widening: get_float returns an INTEGER value as a double. get_integer never narrows a REAL.
#ifndef QUIVER_ROW_H
#define QUIVER_ROW_H

#include "quiver/export.h"
#include "quiver/value.h"

#include <optional>
#include <vector>

namespace quiver {

class QUIVER_API Row {
public:
    explicit Row(std::vector<Value> values);

    size_t size() const;
    size_t column_count() const;
    bool empty() const;
    const Value& at(size_t index) const;  // throws std::out_of_range
    const Value& operator[](size_t index) const;
    bool is_null(size_t index) const;
    std::optional<int64_t> get_integer(size_t index) const;
    std::optional<double> get_float(size_t index) const;
    std::optional<std::string> get_string(size_t index) const;
    auto begin() const { return values_.begin(); }
    auto end() const { return values_.end(); }

private:
    std::vector<Value> values_;
};

}  // namespace quiver

#endif  // QUIVER_ROW_H
