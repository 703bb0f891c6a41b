// Free functions for read results.
#include "internal.h"

using quiver_c::guard;
using quiver_c::require;

namespace {

// Frees count inner arrays with free_inner(vectors[i], sizes[i]), then both outer arrays.
template <typename T, typename FreeInner>
quiver_error_t free_nested(T** vectors, size_t* sizes, size_t count, FreeInner&& free_inner) {
    return guard([&] {
        require({{vectors, "vectors"}, {sizes, "sizes"}});
        for (size_t i = 0; i < count; ++i) free_inner(vectors[i], sizes[i]);
        std::free(vectors);
        std::free(sizes);
    });
}

void free_plain(void* inner, size_t) noexcept {
    std::free(inner);
}

}  // namespace

extern "C" {

QUIVER_C_API quiver_error_t quiver_database_free_integer_array(int64_t* values) {
    return guard([&] {
        require({{values, "values"}});
        std::free(values);
    });
}

QUIVER_C_API quiver_error_t quiver_database_free_float_array(double* values) {
    return guard([&] {
        require({{values, "values"}});
        std::free(values);
    });
}

QUIVER_C_API quiver_error_t quiver_database_free_string_array(char** values, size_t count) {
    return guard([&] {
        require({{values, "values"}});
        quiver_c::free_strings(values, count);
    });
}

QUIVER_C_API quiver_error_t quiver_database_free_mask(uint8_t* mask) {
    std::free(mask);
    return QUIVER_OK;
}

QUIVER_C_API quiver_error_t quiver_database_free_string(char* str) {
    std::free(str);
    return QUIVER_OK;
}

QUIVER_C_API quiver_error_t quiver_database_free_integer_vectors(int64_t** vectors, size_t* sizes, size_t count) {
    return free_nested(vectors, sizes, count, free_plain);
}

QUIVER_C_API quiver_error_t quiver_database_free_float_vectors(double** vectors, size_t* sizes, size_t count) {
    return free_nested(vectors, sizes, count, free_plain);
}

QUIVER_C_API quiver_error_t quiver_database_free_string_vectors(char*** vectors, size_t* sizes, size_t count) {
    return free_nested(vectors, sizes, count, quiver_c::free_strings);
}

}  // extern "C"
