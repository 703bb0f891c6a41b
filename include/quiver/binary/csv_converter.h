// Conversion between a binary file pair and P.csv (binary.md §4.5).
//
// bin_to_csv writes one line per iterated coordinate; with time dimensions and aggregation the
// first column is the date ("date", YYYY-MM-DD) or datetime ("datetime", when a dimension is
// hourly) followed by the non-time dimensions, otherwise every dimension is an integer column.
// Values are the shortest text that round-trips (B12); NaN is "null".
// csv_to_bin reads either form back strictly (B13) and replaces P.qvr/P.toml atomically (B14).
#ifndef QUIVER_BINARY_CSV_CONVERTER_H
#define QUIVER_BINARY_CSV_CONVERTER_H

#include "quiver/binary/binary_metadata.h"
#include "quiver/export.h"

#include <iosfwd>
#include <memory>
#include <string>

namespace quiver {

class QUIVER_API CSVConverter {
public:
    // Kept for upstream compatibility; callers use the two static functions (bin_to_csv takes
    // aggregate_time_dimensions per call, so the constructor's flag is not stored).
    CSVConverter(const BinaryMetadata& metadata, std::unique_ptr<std::iostream> io, bool aggregate_time_dimensions);
    ~CSVConverter();

    static void csv_to_bin(const std::string& file_path);
    static void bin_to_csv(const std::string& file_path, bool aggregate_time_dimensions = true);

private:
    BinaryMetadata metadata_;
    std::unique_ptr<std::iostream> io_;
};

}  // namespace quiver

#endif  // QUIVER_BINARY_CSV_CONVERTER_H
