// fuzz_binary_toml: arbitrary bytes as a binary file's TOML sidecar (binary.md §2.2–§2.4).
//
// Checked:
//   - every failure is a std::runtime_error (anything else aborts, see fuzz_common.cpp);
//   - accepted metadata serializes, and its serialization reads back to the same text
//     (to_toml is a fixed point) with the same derived time properties;
//   - iteration from first_dimensions with next_dimensions stays inside the declared sizes and
//     only visits addressable coordinates (checked through a read-only open of a NaN file pair
//     for small files).
#include "fuzz_common.h"

#include <quiver/binary/binary_file.h>
#include <quiver/binary/iteration.h>

namespace fz = quiver::fuzz;
using quiver::BinaryMetadata;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const auto& scratch = fz::init_process();
    const std::string text(reinterpret_cast<const char*>(data), size);
    BinaryMetadata md;
    if (!fz::expect_ok_or_runtime_error("from_toml_content", [&] { md = BinaryMetadata::from_toml_content(text); })) {
        return 0;
    }
    std::string toml;
    if (!fz::expect_ok_or_runtime_error("to_toml", [&] { toml = md.to_toml(); })) {
        fz::violation("accepted metadata does not serialize", text);
    }
    BinaryMetadata again;
    if (!fz::expect_ok_or_runtime_error("from_toml_content(to_toml)", [&] { again = BinaryMetadata::from_toml_content(toml); })) {
        fz::violation("to_toml output does not read back", toml);
    }
    if (again.to_toml() != toml) fz::violation("to_toml is not a fixed point", toml);
    for (size_t i = 0; i < md.dimensions.size(); ++i) {
        const auto& a = md.dimensions[i].time;
        const auto& b = again.dimensions[i].time;
        if (a.has_value() != b.has_value() || (a && (a->initial_value != b->initial_value ||
                                                     a->parent_dimension_index != b->parent_dimension_index))) {
            fz::violation("time properties differ after a round trip", toml);
        }
    }
    // Walk the first coordinates; for small files check each one is addressable.
    const bool small = md.value_count() <= 4096;
    quiver::BinaryFile file((scratch / "walk").string());
    if (small) {
        fz::clear_scratch();
        fz::write_file(scratch / "walk.toml", toml);
        fz::write_file(scratch / "walk.qvr", std::string(static_cast<size_t>(md.value_count()) * 8, '\0'));
        if (!fz::expect_ok_or_runtime_error("open", [&] { file.open('r'); })) fz::violation("valid pair does not open", toml);
    }
    std::optional<std::vector<int64_t>> v = quiver::first_dimensions(md);
    std::vector<double> out(md.labels.size());
    for (int steps = 0; v && steps < 2000; ++steps) {
        for (size_t i = 0; i < v->size(); ++i) {
            if ((*v)[i] < 1 || (*v)[i] > md.dimensions[i].size) fz::violation("iteration left the declared sizes", toml);
        }
        if (small && !fz::expect_ok_or_runtime_error("read_at", [&] { file.read_at(*v, out, true); })) {
            fz::violation("iteration visited a non-addressable coordinate", toml);
        }
        v = quiver::next_dimensions(md, *v);
    }
    return 0;
}
