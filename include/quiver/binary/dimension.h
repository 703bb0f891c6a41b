// One axis of a binary file: a name, a declared size and, for time dimensions, time properties.
#ifndef QUIVER_BINARY_DIMENSION_H
#define QUIVER_BINARY_DIMENSION_H

#include "quiver/binary/time_properties.h"

#include <cstdint>
#include <optional>
#include <string>

namespace quiver {

struct Dimension {
    std::string name;
    int64_t size = 0;
    std::optional<TimeProperties> time;

    bool is_time_dimension() const { return time.has_value(); }
};

}  // namespace quiver

#endif  // QUIVER_BINARY_DIMENSION_H
