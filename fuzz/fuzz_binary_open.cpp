// fuzz_binary_open: opening damaged file pairs (binary.md §2.6, B5, B7) and reading them.
//
// Input: byte 0 selects the case, the rest is content.
//   0-127:   the sidecar of fixture (byte % 8) and the rest as the .qvr bytes (truncated,
//            oversized, arbitrary values)
//   128-255: the rest split at the first NUL: sidecar text, then .qvr bytes
// After a successful open: read_all, every iterated cell through read_at (nulls allowed) and
// bin_to_csv + csv_to_bin, which must give back every iterated value (NaN payloads aside: B12
// writes every NaN as "null").
// Checked: failures are std::runtime_error; a successful open means the size matched; the file
// is never written to by reading.
#include "fuzz_common.h"

#include <quiver/binary/binary_file.h>
#include <quiver/binary/csv_converter.h>
#include <quiver/binary/iteration.h>

#include <cmath>
#include <cstring>

namespace fz = quiver::fuzz;

namespace {

const char* kFixtures[] = {"plain_2d", "monthly_daily", "daily_hourly", "nulls",
                           "pre1970_mixed", "yearly_monthly", "expr_block_sum", "expr_ifelse_p50"};

std::string fixture_toml(size_t i) {
    return fz::read_file(std::filesystem::path(QUIVER_FUZZ_BINARY_FIXTURES_DIR) / (std::string(kFixtures[i % 8]) + ".toml"));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const auto& scratch = fz::init_process();
    if (size == 0) return 0;
    fz::clear_scratch();
    std::string toml;
    std::string qvr;
    const std::string rest(reinterpret_cast<const char*>(data) + 1, size - 1);
    if (data[0] < 128) {
        toml = fixture_toml(data[0]);
        qvr = rest;
    } else {
        const size_t nul = rest.find('\0');
        toml = rest.substr(0, nul);
        qvr = nul == std::string::npos ? "" : rest.substr(nul + 1);
    }
    const auto base = (scratch / "f").string();
    fz::write_file(base + ".toml", toml);
    fz::write_file(base + ".qvr", qvr);
    quiver::BinaryFile file(base);
    if (!fz::expect_ok_or_runtime_error("open", [&] { file.open('r'); })) return 0;
    const auto& md = file.get_metadata();
    if (static_cast<size_t>(md.value_count()) * 8 != qvr.size()) fz::violation("opened a pair of the wrong size");
    std::vector<double> all(static_cast<size_t>(md.value_count()));
    if (!fz::expect_ok_or_runtime_error("read_all", [&] { file.read_all(all); })) fz::violation("read_all failed");
    std::optional<std::vector<int64_t>> v = quiver::first_dimensions(md);
    std::vector<double> out(md.labels.size());
    while (v) {
        if (!fz::expect_ok_or_runtime_error("read_at", [&] { file.read_at(*v, out, true); })) {
            fz::violation("an iterated cell cannot be read");
        }
        v = quiver::next_dimensions(md, *v);
    }
    file.close();
    if (fz::read_file(base + ".qvr") != qvr) fz::violation("reading changed the data file");
    if (!fz::expect_ok_or_runtime_error("bin_to_csv", [&] { quiver::CSVConverter::bin_to_csv(base, true); })) {
        fz::violation("bin_to_csv of a valid pair failed");
    }
    if (!fz::expect_ok_or_runtime_error("csv_to_bin", [&] { quiver::CSVConverter::csv_to_bin(base); })) {
        fz::violation("csv_to_bin of bin_to_csv output failed", fz::read_file(base + ".csv"));
    }
    // Cells the iteration does not visit (padding, before-start) become NaN; all others must match.
    const std::string back = fz::read_file(base + ".qvr");
    if (back.size() != qvr.size()) fz::violation("csv_to_bin changed the file size");
    quiver::BinaryFile check(base);
    check.open('r');
    std::vector<double> again(all.size());
    check.read_all(again);
    v = quiver::first_dimensions(md);
    const auto labels = static_cast<int64_t>(md.labels.size());
    while (v) {
        int64_t cell = 0;
        for (size_t i = 0; i < v->size(); ++i) cell = cell * md.dimensions[i].size + ((*v)[i] - 1);
        for (int64_t k = 0; k < labels; ++k) {
            const double a = all[static_cast<size_t>(cell * labels + k)];
            const double b = again[static_cast<size_t>(cell * labels + k)];
            if (!((std::isnan(a) && std::isnan(b)) || std::memcmp(&a, &b, 8) == 0)) {
                fz::violation("bin_to_csv + csv_to_bin changed a value");
            }
        }
        v = quiver::next_dimensions(md, *v);
    }
    return 0;
}
