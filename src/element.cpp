#include "quiver/element.h"

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

template <typename T>
std::vector<Value> to_values(const std::vector<T>& values) {
    return std::vector<Value>(values.begin(), values.end());
}

}  // namespace

Element& Element::set(const std::string& name, int64_t value) {
    scalars_[name] = value;
    return *this;
}

Element& Element::set(const std::string& name, double value) {
    scalars_[name] = value;
    return *this;
}

Element& Element::set(const std::string& name, const std::string& value) {
    scalars_[name] = value;
    return *this;
}

Element& Element::set_null(const std::string& name) {
    scalars_[name] = nullptr;
    return *this;
}

Element& Element::set(const std::string& name, const std::vector<int64_t>& values) {
    arrays_[name] = to_values(values);
    return *this;
}

Element& Element::set(const std::string& name, const std::vector<double>& values) {
    arrays_[name] = to_values(values);
    return *this;
}

Element& Element::set(const std::string& name, const std::vector<std::string>& values) {
    arrays_[name] = to_values(values);
    return *this;
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
