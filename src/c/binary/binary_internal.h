// Handle structs and shared conversions of the binary-file and expression C API areas. Follows
// src/c/internal.h: one guard, require() null checks, results built before out-parameters are
// written.
#ifndef QUIVER_C_BINARY_INTERNAL_H
#define QUIVER_C_BINARY_INTERNAL_H

#include "../internal.h"

#include "quiver/binary/binary_file.h"
#include "quiver/binary/binary_metadata.h"
#include "quiver/c/binary/binary_file.h"
#include "quiver/c/binary/binary_metadata.h"
#include "quiver/c/binary/csv_converter.h"
#include "quiver/c/expression/expression.h"
#include "quiver/expression/expression.h"

struct quiver_binary_metadata {
    quiver::BinaryMetadata metadata;
};

struct quiver_binary_file {
    quiver::BinaryFile file;
};

struct quiver_expression {
    quiver::Expression expression;
};

namespace quiver_c {

// Strings of a C array, "Cannot <op>: null <what> at index <i>" for a NULL entry (B18); a NULL
// array is accepted with count 0 and refused as "Null argument: <param>" otherwise.
std::vector<std::string> to_strings(const char* const* values, size_t count, const char* param, const std::string& op,
                                    const std::string& what);

// The integer a C caller passed for an enum parameter. Read through memcpy: a C caller may pass
// any int, and loading an out-of-range value as the C++ enum type is undefined behaviour.
template <typename Enum>
int enum_value(const Enum& value) {
    static_assert(sizeof(Enum) == sizeof(int));
    int raw = 0;
    std::memcpy(&raw, &value, sizeof raw);
    return raw;
}

// A new metadata handle owning a copy of metadata.
quiver_binary_metadata_t* new_metadata(const quiver::BinaryMetadata& metadata);

}  // namespace quiver_c

#endif  // QUIVER_C_BINARY_INTERNAL_H
