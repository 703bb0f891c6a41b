// BinaryMetadata: the shape, time axes, unit and labels of a binary file pair, and its TOML
// sidecar (binary.md §2.2–§2.4, §4.2).
//
// A copyable value. Time properties (initial values, parents) are derived from the dimension
// order and initial_datetime; refresh_time_properties() recomputes them, and every operation that
// depends on them (opening for writing, iteration, expressions, to_toml) does so itself (B4).
// Every failure is a std::runtime_error "Cannot <op>: ..." (B1).
#ifndef QUIVER_BINARY_BINARY_METADATA_H
#define QUIVER_BINARY_BINARY_METADATA_H

#include "quiver/binary/dimension.h"
#include "quiver/element.h"
#include "quiver/export.h"

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

namespace quiver {

struct QUIVER_API BinaryMetadata {
    std::vector<Dimension> dimensions;                          // storage order, outermost first
    std::chrono::system_clock::time_point initial_datetime{};  // UTC; default 1970-01-01T00:00:00
    std::string unit;
    std::vector<std::string> labels;                            // the innermost axis
    std::string version;                                        // "" until set; files use "1"

    BinaryMetadata();
    ~BinaryMetadata();

    int64_t number_of_time_dimensions() const;
    // Π dimension sizes × label count: the number of float64 values in the data file.
    int64_t value_count() const;

    // Scalars version, initial_datetime, unit (strings); arrays dimensions, labels (strings),
    // dimension_sizes (integers), optional time_dimensions, frequencies (strings).
    static BinaryMetadata from_element(const Element& element);
    // Reads any valid TOML with the keys of §2.2; unknown keys are ignored (B5 checks).
    static BinaryMetadata from_toml_content(const std::string& toml_content);
    // Reads <file_path>.toml; "Metadata file not found: <file_path>.toml" when absent.
    static BinaryMetadata from_toml_file(const std::string& file_path);

    // The sidecar text, byte-identical to upstream's writer (keys sorted, literal strings, no
    // trailing newline). Validates first.
    std::string to_toml() const;

    // Rules 1–12 of §2.4 (plus B11 names and B6 datetime range); the first failure throws
    // "Cannot validate: invalid metadata: <rule text>".
    void validate() const;
    void validate_time_dimension_metadata() const;  // rules 7–11
    void validate_time_dimension_sizes() const;     // rules 10–11

    // Builders; neither validates. add_time_dimension throws on an unknown frequency.
    void add_dimension(const std::string& name, int64_t size);
    void add_time_dimension(const std::string& name, int64_t size, const std::string& frequency);

    // Recomputes every time dimension's parent and initial value (§3.3). Never throws.
    void refresh_time_properties();

    // initial_datetime as text: YYYY-MM-DD, YYYY-MM-DDTHH:MM:SS or YYYY-MM-DD HH:MM:SS (optional
    // trailing Z), calendar-checked, within 1678..2261 (B6); the getter gives YYYY-MM-DDTHH:MM:SS.
    // Used by the C API and the bindings. Errors: "Cannot set_initial_datetime: ...".
    void set_initial_datetime(const std::string& text);
    std::string get_initial_datetime() const;
};

}  // namespace quiver

#endif  // QUIVER_BINARY_BINARY_METADATA_H
