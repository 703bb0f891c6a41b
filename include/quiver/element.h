// Element: the attributes of one element to create or update.
//
// Scalars go to the collection's own table; arrays are routed by column name to the
// collection's vector, set and time-series tables. Setting a name again replaces it.
#ifndef QUIVER_ELEMENT_H
#define QUIVER_ELEMENT_H

#include "quiver/export.h"
#include "quiver/value.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace quiver {

class QUIVER_API Element {
public:
    Element() = default;

    // Deliberately no int, bool or const char* overloads: write int64_t{42}.
    Element& set(const std::string& name, int64_t value);
    Element& set(const std::string& name, double value);
    Element& set(const std::string& name, const std::string& value);
    Element& set_null(const std::string& name);
    Element& set(const std::string& name, const std::vector<int64_t>& values);
    Element& set(const std::string& name, const std::vector<double>& values);
    Element& set(const std::string& name, const std::vector<std::string>& values);

    const std::map<std::string, Value>& scalars() const;
    const std::map<std::string, std::vector<Value>>& arrays() const;
    bool has_scalars() const;
    bool has_arrays() const;
    void clear();

    // "Element {\n  scalars:\n    name: value\n  arrays:\n    name: [v1, v2]\n}"
    std::string to_string() const;

private:
    std::map<std::string, Value> scalars_;
    std::map<std::string, std::vector<Value>> arrays_;
};

}  // namespace quiver

#endif  // QUIVER_ELEMENT_H
