// fuzz_binary_csv: arbitrary bytes as the CSV of csv_to_bin (binary.md §4.5, B13, B14) against
// the sidecar of an upstream fixture, selected by the last input byte.
//
// Checked: failures are std::runtime_error; a failed csv_to_bin leaves the previous pair
// byte-for-byte unchanged and no temporary behind (B14); a successful one round-trips:
// bin_to_csv in the same form gives a CSV that csv_to_bin turns into the same .qvr bytes.
#include "fuzz_common.h"

#include <quiver/binary/csv_converter.h>

namespace fz = quiver::fuzz;

namespace {
const char* kFixtures[] = {"plain_2d", "monthly_daily", "daily_hourly", "nulls",
                           "pre1970_mixed", "yearly_monthly", "expr_block_sum", "expr_ifelse_p50"};
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const auto& scratch = fz::init_process();
    if (size == 0) return 0;
    fz::clear_scratch();
    const std::filesystem::path fixtures(QUIVER_FUZZ_BINARY_FIXTURES_DIR);
    const std::string name = kFixtures[data[size - 1] % 8];
    const auto base = (scratch / "f").string();
    const std::string qvr = fz::read_file(fixtures / (name + ".qvr"));
    const std::string toml = fz::read_file(fixtures / (name + ".toml"));
    fz::write_file(base + ".qvr", qvr);
    fz::write_file(base + ".toml", toml);
    fz::write_file(base + ".csv", std::string(reinterpret_cast<const char*>(data), size - 1));
    if (!fz::expect_ok_or_runtime_error("csv_to_bin", [&] { quiver::CSVConverter::csv_to_bin(base); })) {
        if (fz::read_file(base + ".qvr") != qvr || fz::read_file(base + ".toml") != toml) {
            fz::violation("a failed csv_to_bin changed the file pair");
        }
        if (std::filesystem::exists(base + ".qvr.tmp") || std::filesystem::exists(base + ".toml.tmp")) {
            fz::violation("a failed csv_to_bin left a temporary file");
        }
        return 0;
    }
    const std::string first = fz::read_file(base + ".qvr");
    const std::string header = std::string(reinterpret_cast<const char*>(data), size - 1).substr(0, 8);
    const bool aggregated = header.rfind("date", 0) == 0;
    if (!fz::expect_ok_or_runtime_error("bin_to_csv", [&] { quiver::CSVConverter::bin_to_csv(base, aggregated); })) {
        fz::violation("bin_to_csv after csv_to_bin failed");
    }
    if (!fz::expect_ok_or_runtime_error("csv_to_bin again", [&] { quiver::CSVConverter::csv_to_bin(base); })) {
        fz::violation("csv_to_bin of bin_to_csv output failed", fz::read_file(base + ".csv"));
    }
    if (fz::read_file(base + ".qvr") != first) fz::violation("csv round trip changed the data");
    return 0;
}
