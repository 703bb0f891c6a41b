// Shared internals of libquiver_c: handle structs, the single error path, the single null-check
// path and the allocation helpers used by every area.
//
// Conventions:
// - Every exported function body runs inside quiver_c::guard(...), which turns any exception into
//   the thread's last error and QUIVER_ERROR. Nothing throws across the C boundary.
// - Argument problems are raised as quiver_c::ArgumentError from inside the guarded lambda, so
//   there is exactly one place that writes the last error.
// - Results are built completely (all allocations done) before any out-parameter is written, so
//   out-parameters stay unchanged on failure. Every allocation helper is all-or-nothing.
// - All memory handed to callers comes from malloc/calloc and is released with free() by the
//   quiver_database_free_* functions. Handles (database, element, result, runner) use new/delete.
#ifndef QUIVER_C_INTERNAL_H
#define QUIVER_C_INTERNAL_H

#include "quiver/c/common.h"
#include "quiver/c/database.h"
#include "quiver/c/element.h"
#include "quiver/c/lua_runner.h"
#include "quiver/c/options.h"
#include "quiver/c/result.h"

#include "quiver/database.h"
#include "quiver/element.h"
#include "quiver/lua_runner.h"
#include "quiver/options.h"
#include "quiver/result.h"

#include <cstdlib>
#include <cstring>
#include <initializer_list>
#include <memory>
#include <new>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

struct quiver_database {
    quiver::Database db;
};

struct quiver_element {
    quiver::Element element;
};

struct quiver_result {
    quiver::Result result;
};

struct quiver_lua_runner {
    quiver::LuaRunner runner;
    std::optional<std::string> error;  // set by a failed run, cleared at the start of each run
};

namespace quiver_c {

// ---------------------------------------------------------------------------------------------
// Last error and the single error path
// ---------------------------------------------------------------------------------------------

void set_last_error(const char* message) noexcept;

// An argument error detected by the C layer ("Null argument: x", "Cannot <op>: ...").
class ArgumentError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Runs body(); on any exception stores the message as the thread's last error and returns
// QUIVER_ERROR. std::bad_alloc gives "Memory allocation failed"; a non-standard exception gives
// unknown_message.
template <typename Body>
quiver_error_t guard(Body&& body, const char* unknown_message = "Unknown error") noexcept {
    try {
        body();
        return QUIVER_OK;
    } catch (const std::bad_alloc&) {
        set_last_error("Memory allocation failed");
    } catch (const std::exception& e) {
        set_last_error(e.what());
    } catch (...) {
        set_last_error(unknown_message);
    }
    return QUIVER_ERROR;
}

// ---------------------------------------------------------------------------------------------
// Null checks: require({{db, "db"}, {collection, "collection"}}) checks in the given order and
// throws "Null argument: <name>" for the first NULL pointer.
// ---------------------------------------------------------------------------------------------

struct Arg {
    const void* pointer;
    const char* name;
};

inline void require(std::initializer_list<Arg> args) {
    for (const auto& arg : args) {
        if (arg.pointer == nullptr) {
            throw ArgumentError(std::string("Null argument: ") + arg.name);
        }
    }
}

// "Cannot <op>: <reason>" raised by the C layer.
[[noreturn]] inline void fail(const std::string& op, const std::string& reason) {
    throw ArgumentError("Cannot " + op + ": " + reason);
}

// ---------------------------------------------------------------------------------------------
// Allocation helpers (malloc-based, all-or-nothing; NULL for empty arrays)
// ---------------------------------------------------------------------------------------------

struct FreeDeleter {
    void operator()(void* pointer) const noexcept { std::free(pointer); }
};
template <typename T>
using malloc_ptr = std::unique_ptr<T, FreeDeleter>;

// calloc'ed array of n zeroed elements; nullptr when n == 0; throws std::bad_alloc.
template <typename T>
T* allocate_array(size_t n) {
    if (n == 0) return nullptr;
    void* memory = std::calloc(n, sizeof(T));
    if (memory == nullptr) throw std::bad_alloc();
    return static_cast<T*>(memory);
}

char* copy_string(const std::string& text);

// Builds a malloc'ed array of n elements where element i is make(i). If make throws, the elements
// made so far are released with destroy(element, i), the array is freed and the exception
// propagates. Returns nullptr when n == 0.
template <typename T, typename Make, typename Destroy>
T* build_array(size_t n, Make&& make, Destroy&& destroy) {
    T* array = allocate_array<T>(n);
    size_t done = 0;
    try {
        for (; done < n; ++done) array[done] = make(done);
    } catch (...) {
        for (size_t i = 0; i < done; ++i) destroy(array[i], i);
        std::free(array);
        throw;
    }
    return array;
}

template <typename T>
T* copy_values(const std::vector<T>& values) {
    T* array = allocate_array<T>(values.size());
    for (size_t i = 0; i < values.size(); ++i) array[i] = values[i];
    return array;
}

// Frees count strings and the array itself; NULL entries (and a NULL array) are allowed.
void free_strings(char** strings, size_t count) noexcept;

// Owns a malloc'ed string array until release().
struct StringsDeleter {
    size_t count;
    void operator()(char** strings) const noexcept { free_strings(strings, count); }
};
using strings_ptr = std::unique_ptr<char*, StringsDeleter>;

char** copy_strings(const std::vector<std::string>& values);
// NULL entries for empty optionals.
char** copy_optional_strings(const std::vector<std::optional<std::string>>& values);

// One malloc'ed inner array per list (NULL for an empty list) plus a sizes array. Writes both
// outputs only on success.
template <typename T>
void copy_nested(const std::vector<std::vector<T>>& lists, T*** out_lists, size_t** out_sizes) {
    malloc_ptr<size_t> sizes(allocate_array<size_t>(lists.size()));
    for (size_t i = 0; i < lists.size(); ++i) sizes.get()[i] = lists[i].size();
    T** outer = build_array<T*>(
        lists.size(), [&](size_t i) { return copy_values(lists[i]); },
        [](T* inner, size_t) { std::free(inner); });
    *out_lists = outer;
    *out_sizes = sizes.release();
}

void copy_nested(const std::vector<std::vector<std::string>>& lists, char**** out_lists,
                 size_t** out_sizes);

// Scalar bulk reads (D4): values + presence mask, placeholder T{} where absent.
template <typename T>
void copy_masked(const std::vector<std::optional<T>>& values, T** out_values, uint8_t** out_mask,
                 size_t* out_count) {
    malloc_ptr<T> data(allocate_array<T>(values.size()));
    malloc_ptr<uint8_t> mask(allocate_array<uint8_t>(values.size()));
    for (size_t i = 0; i < values.size(); ++i) {
        data.get()[i] = values[i].value_or(T{});
        mask.get()[i] = values[i].has_value() ? 1 : 0;
    }
    *out_values = data.release();
    *out_mask = mask.release();
    *out_count = values.size();
}

// Plain list reads: array (NULL when empty) + count.
template <typename T>
void copy_list(const std::vector<T>& values, T** out_values, size_t* out_count) {
    *out_values = copy_values(values);
    *out_count = values.size();
}
void copy_list(const std::vector<std::string>& values, char*** out_values, size_t* out_count);

// Optional scalars (by-id reads, queries): *out_has_value = 1/0. Numeric values are written only
// when present; strings are a newly allocated copy or NULL.
template <typename T>
void publish_optional(const std::optional<T>& value, T* out_value, int* out_has_value) {
    if (value) *out_value = *value;
    *out_has_value = value ? 1 : 0;
}
void publish_optional(const std::optional<std::string>& value, char** out_value, int* out_has_value);

// ---------------------------------------------------------------------------------------------
// Conversions shared between areas
// ---------------------------------------------------------------------------------------------

quiver::DatabaseOptions to_database_options(const quiver_database_options_t* options);
quiver::CSVOptions to_csv_options(const quiver_csv_options_t& options, const std::string& op);
quiver_data_type_t to_c_data_type(quiver::DataType type);
// Typed query parameters (param_types: 0 INTEGER, 1 FLOAT, 2 STRING, 4 NULL) of every query
// function; "Cannot <op>: Unknown parameter type: <t> at index <i>" and the null-pointer errors.
std::vector<quiver::Value> to_params(const char* op, const int* param_types, const void* const* param_values,
                                     size_t param_count);

}  // namespace quiver_c

#endif  // QUIVER_C_INTERNAL_H
