// element.h: the element builder.
#include "internal.h"

using quiver_c::guard;
using quiver_c::require;

namespace {

// Shared body of the three array setters: validates the values/count combination, converts each
// item with convert(values[i]) and stores the array; has_value[i] == 0 makes item i NULL
// without reading values[i] (NULL has_value = dense).
template <typename In, typename Convert>
quiver_error_t set_array(const char* op, quiver_element_t* element, const char* name, const In* values,
                         int32_t count, const uint8_t* has_value, Convert&& convert) {
    return guard([&] {
        require({{element, "element"}, {name, "name"}});
        if (count < 0 || (values == nullptr && count > 0)) {
            quiver_c::fail(op, std::string("Invalid values/count combination for '") + name + "'");
        }
        std::vector<quiver::Value> items;
        items.reserve(static_cast<size_t>(count));
        for (int32_t i = 0; i < count; ++i) {
            if (has_value != nullptr && has_value[i] == 0) {
                items.emplace_back(nullptr);
            } else {
                items.emplace_back(convert(values[i]));
            }
        }
        element->element.set(name, std::move(items));
    });
}

}  // namespace

extern "C" {

QUIVER_C_API quiver_error_t quiver_element_create(quiver_element_t** out_element) {
    return guard([&] {
        require({{out_element, "out_element"}});
        *out_element = new quiver_element{};
    });
}

QUIVER_C_API quiver_error_t quiver_element_destroy(quiver_element_t* element) {
    return guard([&] {
        require({{element, "element"}});
        delete element;
    });
}

QUIVER_C_API quiver_error_t quiver_element_clear(quiver_element_t* element) {
    return guard([&] {
        require({{element, "element"}});
        element->element.clear();
    });
}

QUIVER_C_API quiver_error_t quiver_element_set_integer(quiver_element_t* element, const char* name, int64_t value) {
    return guard([&] {
        require({{element, "element"}, {name, "name"}});
        element->element.set(name, value);
    });
}

QUIVER_C_API quiver_error_t quiver_element_set_float(quiver_element_t* element, const char* name, double value) {
    return guard([&] {
        require({{element, "element"}, {name, "name"}});
        element->element.set(name, value);
    });
}

QUIVER_C_API quiver_error_t quiver_element_set_string(quiver_element_t* element, const char* name,
                                                      const char* value) {
    return guard([&] {
        require({{element, "element"}, {name, "name"}, {value, "value"}});
        element->element.set(name, std::string(value));
    });
}

QUIVER_C_API quiver_error_t quiver_element_set_null(quiver_element_t* element, const char* name) {
    return guard([&] {
        require({{element, "element"}, {name, "name"}});
        element->element.set_null(name);
    });
}

QUIVER_C_API quiver_error_t quiver_element_set_array_integer(quiver_element_t* element, const char* name,
                                                             const int64_t* values, int32_t count,
                                                             const uint8_t* has_value) {
    return set_array("set_array_integer", element, name, values, count, has_value,
                     [](int64_t v) { return quiver::Value(v); });
}

QUIVER_C_API quiver_error_t quiver_element_set_array_float(quiver_element_t* element, const char* name,
                                                           const double* values, int32_t count,
                                                           const uint8_t* has_value) {
    return set_array("set_array_float", element, name, values, count, has_value,
                     [](double v) { return quiver::Value(v); });
}

QUIVER_C_API quiver_error_t quiver_element_set_array_string(quiver_element_t* element, const char* name,
                                                            const char* const* values, int32_t count,
                                                            const uint8_t* has_value) {
    // A NULL entry of a present cell becomes "" (baseline, semantics 12.2).
    return set_array("set_array_string", element, name, values, count, has_value,
                     [](const char* v) { return quiver::Value(std::string(v ? v : "")); });
}

QUIVER_C_API quiver_error_t quiver_element_has_scalars(quiver_element_t* element, int* out_result) {
    return guard([&] {
        require({{element, "element"}, {out_result, "out_result"}});
        *out_result = element->element.has_scalars() ? 1 : 0;
    });
}

QUIVER_C_API quiver_error_t quiver_element_has_arrays(quiver_element_t* element, int* out_result) {
    return guard([&] {
        require({{element, "element"}, {out_result, "out_result"}});
        *out_result = element->element.has_arrays() ? 1 : 0;
    });
}

QUIVER_C_API quiver_error_t quiver_element_scalar_count(quiver_element_t* element, size_t* out_count) {
    return guard([&] {
        require({{element, "element"}, {out_count, "out_count"}});
        *out_count = element->element.scalars().size();
    });
}

QUIVER_C_API quiver_error_t quiver_element_array_count(quiver_element_t* element, size_t* out_count) {
    return guard([&] {
        require({{element, "element"}, {out_count, "out_count"}});
        *out_count = element->element.arrays().size();
    });
}

QUIVER_C_API quiver_error_t quiver_element_to_string(quiver_element_t* element, char** out_string) {
    return guard([&] {
        require({{element, "element"}, {out_string, "out_string"}});
        *out_string = quiver_c::copy_string(element->element.to_string());
    });
}

}  // extern "C"
