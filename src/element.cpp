#include "quiver/element.h"

#include <stdexcept>
#include <string>

namespace quiver {
namespace {

std::string render(const Value& value) {
    switch (value.index()) {
    case 0: return "null";
    case 1: return std::to_string(std::get<int64_t>(value));
    case 2: return std::to_string(std::get<double>(value));
    default: return "\"" + std::get<std::string>(value) + "\"";
    }
}

}  // namespace

Element& Element::set_value(const std::string& name, Value value) {
    scalars_[name] = std::move(value);
    return *this;
}

Element& Element::set_array(const std::string& name, std::vector<Value> values) {
    arrays_[name] = std::move(values);
    return *this;
}

void Element::throw_out_of_range(const std::string& name, uint64_t value) {
    throw std::runtime_error("Cannot set: value " + std::to_string(value) + " for '" + name +
                             "' does not fit in a 64-bit signed integer");
}

void Element::throw_null_string(const std::string& name) {
    throw std::runtime_error("Cannot set: null string pointer for '" + name + "'");
}

const std::map<std::string, Value>& Element::scalars() const {
    return scalars_;
}

const std::map<std::string, std::vector<Value>>& Element::arrays() const {
    return arrays_;
}

bool Element::has_scalars() const {
    return !scalars_.empty();
}

bool Element::has_arrays() const {
    return !arrays_.empty();
}

void Element::clear() {
    scalars_.clear();
    arrays_.clear();
}

std::string Element::to_string() const {
    std::string out = "Element {\n";
    if (!scalars_.empty()) {
        out += "  scalars:\n";
        for (const auto& [name, value] : scalars_) out += "    " + name + ": " + render(value) + "\n";
    }
    if (!arrays_.empty()) {
        out += "  arrays:\n";
        for (const auto& [name, values] : arrays_) {
            out += "    " + name + ": [";
            for (size_t i = 0; i < values.size(); ++i) {
                if (i) out += ", ";
                out += render(values[i]);
            }
            out += "]\n";
        }
    }
    out += "}";
    return out;
}

}  // namespace quiver
