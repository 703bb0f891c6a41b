// Element: the attributes of one element to create or update.
//
// Scalars go to the collection's own table; arrays are routed by column name to the
// collection's vector, set and time-series tables. Setting a name again replaces it.
//
// Literals just work and land with the type the spec gives (api-additions §0.1 R5):
//   any integer type and bool -> INTEGER (bool as 0/1), float/double -> FLOAT,
//   const char*, std::string, std::string_view -> STRING, nullptr -> NULL.
//   set("x", 1); set("on", true); set("name", "Plant 1"); set("cap", nullptr);
// Arrays take std::vector of any of those, std::vector<Value> (NULL cells as nullptr) or a
// braced list: set("units", {1.0, 2.0}); set("tags", {"a", "b"}); set("v", {1.0, nullptr});
// set("v", {}) is an empty array. An unsigned value above INT64_MAX throws
// std::runtime_error("Cannot set: value <v> for '<name>' does not fit in a 64-bit signed integer");
// a null const char* throws std::runtime_error("Cannot set: null string pointer for '<name>'")
// (write nullptr or set_null for a NULL cell). A throwing set leaves the element as it was.
#ifndef QUIVER_ELEMENT_H
#define QUIVER_ELEMENT_H

#include "quiver/export.h"
#include "quiver/value.h"

#include <concepts>
#include <cstdint>
#include <initializer_list>
#include <map>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace quiver {

// A C++ type that Element::set accepts as one cell. Integer types wider than 64 bits
// (__int128 under -std=gnu++20, CMake's default) are left out: they could not be stored
// without losing digits.
template <typename T>
concept ElementCell = (std::integral<std::remove_cvref_t<T>> &&
                       sizeof(std::remove_cvref_t<T>) <= sizeof(int64_t)) ||
                      std::floating_point<std::remove_cvref_t<T>> ||
                      std::same_as<std::remove_cvref_t<T>, std::nullptr_t> ||
                      std::same_as<std::remove_cvref_t<T>, Value> ||
                      std::convertible_to<T, std::string_view>;

class QUIVER_API Element {
public:
    Element() = default;

    // One scalar. A template (not plain overloads) so that no literal type is ambiguous.
    template <ElementCell T>
    Element& set(const std::string& name, T&& value) {
        return set_value(name, to_value(name, std::forward<T>(value)));
    }
    Element& set_null(const std::string& name) { return set_value(name, nullptr); }

    // One array; NULL cells only through Value (nullptr).
    template <ElementCell T>
    Element& set(const std::string& name, const std::vector<T>& values) {
        std::vector<Value> cells;
        cells.reserve(values.size());
        for (const auto& value : values) cells.push_back(to_value(name, value));
        return set_array(name, std::move(cells));
    }
    Element& set(const std::string& name, std::vector<Value> values) {
        return set_array(name, std::move(values));
    }
    template <ElementCell T>
    Element& set(const std::string& name, std::initializer_list<T> values) {
        return set(name, std::vector<T>(values));
    }
    // Mixed braced lists ({1.0, nullptr}) and the empty list {}.
    Element& set(const std::string& name, std::initializer_list<Value> values) {
        return set_array(name, std::vector<Value>(values));
    }

    // The two entry points every overload above ends in.
    Element& set_value(const std::string& name, Value value);
    Element& set_array(const std::string& name, std::vector<Value> values);

    const std::map<std::string, Value>& scalars() const;
    const std::map<std::string, std::vector<Value>>& arrays() const;
    bool has_scalars() const;
    bool has_arrays() const;
    void clear();

    // "Element {\n  scalars:\n    name: value\n  arrays:\n    name: [v1, v2]\n}"
    std::string to_string() const;

private:
    [[noreturn]] static void throw_out_of_range(const std::string& name, uint64_t value);
    [[noreturn]] static void throw_null_string(const std::string& name);

    template <typename T>
    static Value to_value(const std::string& name, T&& value) {
        using U = std::remove_cvref_t<T>;
        if constexpr (std::same_as<U, Value>) {
            return std::forward<T>(value);
        } else if constexpr (std::same_as<U, std::nullptr_t>) {
            return nullptr;
        } else if constexpr (std::same_as<U, bool>) {
            return int64_t{value ? 1 : 0};
        } else if constexpr (std::integral<U>) {
            if constexpr (std::is_unsigned_v<U> && sizeof(U) >= sizeof(int64_t)) {
                if (value > static_cast<U>(INT64_MAX)) throw_out_of_range(name, value);
            }
            return static_cast<int64_t>(value);
        } else if constexpr (std::floating_point<U>) {
            return static_cast<double>(value);
        } else if constexpr (std::same_as<U, std::string>) {
            return std::string(std::forward<T>(value));
        } else {
            if constexpr (std::is_pointer_v<U>) {
                if (value == nullptr) throw_null_string(name);
            }
            return std::string(std::string_view(value));
        }
    }

    std::map<std::string, Value> scalars_;
    std::map<std::string, std::vector<Value>> arrays_;
};

}  // namespace quiver

#endif  // QUIVER_ELEMENT_H
