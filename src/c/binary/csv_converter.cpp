// quiver_csv_converter_*: binary file pair <-> CSV (binary.md §4.5).
#include "binary_internal.h"

#include "quiver/binary/csv_converter.h"

using quiver_c::guard;
using quiver_c::require;

extern "C" {

QUIVER_C_API quiver_error_t quiver_csv_converter_bin_to_csv(const char* path, int aggregate_time_dimensions) {
    return guard([&] {
        require({{path, "path"}});
        quiver::CSVConverter::bin_to_csv(path, aggregate_time_dimensions != 0);
    });
}

QUIVER_C_API quiver_error_t quiver_csv_converter_csv_to_bin(const char* path) {
    return guard([&] {
        require({{path, "path"}});
        quiver::CSVConverter::csv_to_bin(path);
    });
}

}  // extern "C"
