// Crash safety of binary outputs (binary.md B14): a writer killed with SIGKILL during
// Expression::save or csv_to_bin never leaves a half-written pair under the final name. After
// every kill the output pair opens and holds exactly one complete version: the previous one
// or the one being written.
#include "child_process.h"

#include "quiver/binary/binary_file.h"

#include "tests/test_support.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

namespace quiver::reliability {
namespace {

constexpr int64_t kSaveValues = 1 << 18;  // 2 MiB per input: a save takes milliseconds
constexpr int64_t kCsvValues = 50000;

BinaryMetadata vector_metadata(int64_t n) {
    BinaryMetadata md;
    md.version = "1";
    md.labels = {"v"};
    md.add_dimension("i", n);
    return md;
}

void write_values(const std::string& base, int64_t n, double offset, double step) {
    std::vector<double> values(static_cast<size_t>(n));
    for (int64_t i = 0; i < n; ++i) values[static_cast<size_t>(i)] = offset + step * static_cast<double>(i);
    auto f = BinaryFile::open_file(base, 'w', vector_metadata(n));
    f.write_all(values);
}

// The pair at base holds i + k for one k; returns k (or fails the test).
long complete_version(const std::string& base, int64_t n) {
    auto f = BinaryFile::open_file(base, 'r');
    EXPECT_EQ(f.get_metadata().value_count(), n);
    std::vector<double> values(static_cast<size_t>(n));
    f.read_all(values);
    const double k = values[0];
    for (int64_t i = 0; i < n; ++i) {
        if (values[static_cast<size_t>(i)] != k + static_cast<double>(i)) {
            ADD_FAILURE() << "half-written output: value " << i << " is " << values[static_cast<size_t>(i)]
                          << ", the pair's first value says version " << k;
            return -1;
        }
    }
    return static_cast<long>(k);
}

void run(const std::string& mode) {
    const auto dir = quiver::test::scratch_dir();
    const int64_t n = mode == "save" ? kSaveValues : kCsvValues;
    const std::string out = (dir / (mode == "save" ? "out" : "c")).string();
    if (mode == "save") {
        write_values((dir / "a").string(), n, 0, 1);  // a[i] = i
        write_values((dir / "b").string(), n, 1, 0);  // b[i] = 1
    }
    write_values(out, n, 0, 1);  // version 0 already in place
    std::mt19937 rng(12345);
    int kills = 0, completed = 0;
    // One replacement's duration, measured on the first run (sanitizer builds are much slower),
    // so the kills spread over whole replacements: before, during and between them.
    int cycle_ms = 0;
    for (int iteration = 0; iteration < 15; ++iteration) {
        ChildProcess writer({QUIVER_BINARY_CRASH_WRITER, mode, dir.string()});
        std::string line;
        ASSERT_TRUE(writer.read_line(line, std::chrono::seconds(30))) << "writer did not start";
        ASSERT_EQ(line, "READY");
        if (cycle_ms == 0) {
            const auto start = std::chrono::steady_clock::now();
            while (line[0] != 'D') ASSERT_TRUE(writer.read_line(line, std::chrono::seconds(60))) << "no replacement";
            ++completed;
            cycle_ms = std::max<int>(
                1, static_cast<int>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                        std::chrono::steady_clock::now() - start)
                                        .count()));
        }
        const auto deadline = std::chrono::steady_clock::now() +
                              std::chrono::milliseconds(std::uniform_int_distribution<int>(1, 3 * cycle_ms)(rng));
        while (std::chrono::steady_clock::now() < deadline) {
            if (writer.read_line(line, std::chrono::milliseconds(1)) && line[0] == 'D') ++completed;
        }
        writer.kill_now();
        writer.wait();
        ++kills;
        const long version = complete_version(out, n);
        ASSERT_GE(version, 0);
    }
    std::printf("[ crash    ] %s: %d kills, %d completed replacements\n", mode.c_str(), kills, completed);
    EXPECT_GT(completed, 0) << "no replacement ever completed: the kills came too early";
}

TEST(BinaryCrashSafety, KillDuringSave) {
    run("save");
}

TEST(BinaryCrashSafety, KillDuringCsvToBin) {
    run("csv");
}

}  // namespace
}  // namespace quiver::reliability
