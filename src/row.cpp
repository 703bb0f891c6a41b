#include "quiver/row.h"

#include <string>

namespace quiver {
namespace {

template <typename T>
std::optional<T> strict_get(const Value& value) {
    if (const auto* v = std::get_if<T>(&value)) return *v;
    return std::nullopt;
}

}  // namespace

Row::Row(std::vector<Value> values) : values_(std::move(values)) {}

size_t Row::size() const {
    return values_.size();
}

size_t Row::column_count() const {
    return values_.size();
}

bool Row::empty() const {
    return values_.empty();
}

const Value& Row::at(size_t index) const {
    return values_.at(index);
}

const Value& Row::operator[](size_t index) const {
    return values_[index];
}

bool Row::is_null(size_t index) const {
    return std::holds_alternative<std::nullptr_t>(values_.at(index));
}

std::optional<int64_t> Row::get_integer(size_t index) const {
    return strict_get<int64_t>(values_.at(index));
}

std::optional<double> Row::get_float(size_t index) const {
    const Value& value = values_.at(index);
    if (const auto* i = std::get_if<int64_t>(&value)) return static_cast<double>(*i);  // widened (api-additions 11)
    return strict_get<double>(value);
}

std::optional<std::string> Row::get_string(size_t index) const {
    return strict_get<std::string>(values_.at(index));
}

}  // namespace quiver
