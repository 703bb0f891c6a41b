// BinaryFile: modes and their errors (§4.3, B7, B8, B14), the map and indexed APIs (B16), the
// in-process registry (B9) and the cross-process lock (B22).
#include "binary_test_support.h"

#include "quiver/binary/iteration.h"

#include <cstdio>
#include <thread>

namespace quiver::test {
namespace {

std::string base_in_scratch(const std::string& name = "f") {
    return (scratch_dir() / name).string();
}

TEST(BinaryFile, WriteThenReadBothApis) {
    const auto path = base_in_scratch();
    {
        auto f = BinaryFile::open_file(path, 'w', plain_metadata());
        EXPECT_TRUE(f.is_open());
        f.write({1.0, 2.0}, {{"row", 1}, {"col", 2}});
        const int64_t idx[] = {3, 1};
        const double data[] = {5.5, std::numeric_limits<double>::quiet_NaN()};
        f.write_at(idx, data);
        f.close();
        EXPECT_FALSE(f.is_open());
        f.close();  // idempotent
    }
    auto f = BinaryFile::open_file(path, 'r');
    EXPECT_EQ(f.read({{"row", 1}, {"col", 2}}), (std::vector<double>{1.0, 2.0}));
    std::vector<double> out(2);
    const int64_t idx[] = {3, 1};
    f.read_at(idx, out, true);
    EXPECT_EQ(out[0], 5.5);
    EXPECT_TRUE(std::isnan(out[1]));
    EXPECT_EQ(error_of([&] { f.read_at(idx, out); }), "Cannot read_at: data at {row=3, col=1} contains null values");
    EXPECT_EQ(error_of([&] { f.read({{"row", 2}, {"col", 2}}); }),
              "Cannot read: data at {row=2, col=2} contains null values");
    std::vector<double> all(12);
    f.read_all(all);
    EXPECT_EQ(all[2], 1.0);
    EXPECT_EQ(all[8], 5.5);
    EXPECT_TRUE(std::isnan(all[0]));
    EXPECT_EQ(f.get_file_path(), path);
    EXPECT_EQ(f.get_metadata().labels, (std::vector<std::string>{"a", "b"}));
}

TEST(BinaryFile, FreshFileIsQuietNaN) {
    const auto path = base_in_scratch();
    BinaryFile::open_file(path, 'w', plain_metadata());
    const auto bytes = read_bytes(path + ".qvr");
    ASSERT_EQ(bytes.size(), 96u);
    for (size_t i = 0; i < bytes.size(); i += 8) EXPECT_EQ(bytes.substr(i, 8), std::string("\0\0\0\0\0\0\xf8\x7f", 8));
}

// The NaN fill is deferred (write_all needs none); mixing bulk and cell writes keeps both.
TEST(BinaryFile, BulkThenCellWritesKeepEverything) {
    const auto path = base_in_scratch();
    {
        auto f = BinaryFile::open_file(path, 'w', plain_metadata());
        std::vector<double> all(12);
        for (size_t i = 0; i < all.size(); ++i) all[i] = static_cast<double>(i);
        f.write_all(all);
        const int64_t idx[] = {2, 2};
        const double data[] = {-1, -2};
        f.write_at(idx, data);
    }
    {
        auto r = BinaryFile::open_file(path, 'r');
        std::vector<double> all(12);
        r.read_all(all);
        for (size_t i = 0; i < all.size(); ++i) {
            EXPECT_EQ(all[i], i == 6 ? -1.0 : i == 7 ? -2.0 : static_cast<double>(i)) << i;
        }
    }
    {
        auto f = BinaryFile::open_file(path, 'w', plain_metadata());
        const int64_t idx[] = {1, 1};
        const double data[] = {7, 8};
        f.write_at(idx, data);  // cell write first: the rest of the new file is NaN
    }
    auto r = BinaryFile::open_file(path, 'r');
    std::vector<double> all(12);
    r.read_all(all);
    EXPECT_EQ(all[0], 7);
    EXPECT_EQ(all[1], 8);
    for (size_t i = 2; i < all.size(); ++i) EXPECT_TRUE(std::isnan(all[i])) << i;
}

TEST(BinaryFile, ArgumentErrorsInOrder) {
    const auto path = base_in_scratch();
    auto f = BinaryFile::open_file(path, 'w', plain_metadata());
    EXPECT_EQ(error_of([&] { f.write({1, 2}, {{"row", 1}}); }), "Cannot write: expected 2 dimensions, got 1");
    EXPECT_EQ(error_of([&] { f.write({1, 2}, {{"row", 1}, {"x", 1}}); }),
              "Cannot write: missing required dimension: 'col'");
    EXPECT_EQ(error_of([&] { f.write({1, 2}, {{"row", 4}, {"col", 1}}); }),
              "Cannot write: dimension 'row' value 4 is out of bounds [1, 3]");
    EXPECT_EQ(error_of([&] { f.write({1}, {{"row", 1}, {"col", 1}}); }),
              "Cannot write: data length 1 does not match expected length 2");
    const int64_t one[] = {1};
    const int64_t zero[] = {0, 1};
    const double data[] = {1, 2};
    EXPECT_EQ(error_of([&] { f.write_at(one, data); }), "Cannot write_at: expected 2 indices, got 1");
    EXPECT_EQ(error_of([&] { f.write_at(zero, data); }),
              "Cannot write_at: dimension 'row' value 0 is out of bounds [1, 3]");
    // B8: reading a writer is an error after the argument checks.
    std::vector<double> out(2);
    const int64_t ok[] = {1, 1};
    EXPECT_EQ(error_of([&] { f.read_at(ok, out); }), "Cannot read_at: file is open for writing: " + path);
    EXPECT_EQ(error_of([&] { f.read({{"row", 1}, {"col", 1}}); }), "Cannot read: file is open for writing: " + path);
    EXPECT_EQ(error_of([&] { f.read_all(out); }), "Cannot read_all: file is open for writing: " + path);
    EXPECT_EQ(error_of([&] { f.write_all(out); }), "Cannot write_all: data length 2 does not match expected length 12");
    f.close();
    EXPECT_EQ(error_of([&] { f.write({1, 2}, {{"row", 1}, {"col", 1}}); }), "Cannot write: file is not open: " + path);
    // The refused writes changed nothing.
    auto r = BinaryFile::open_file(path, 'r');
    std::vector<double> all(12);
    r.read_all(all);
    for (double x : all) EXPECT_TRUE(std::isnan(x));
    EXPECT_EQ(error_of([&] { r.write({1, 2}, {{"row", 1}, {"col", 1}}); }),
              "Cannot write: file is open for reading: " + path);
    EXPECT_EQ(error_of([&] { r.read_at(ok, std::span<double>(out.data(), 1)); }),
              "Cannot read_at: output buffer holds 1 values, expected 2");
    EXPECT_EQ(error_of([&] { r.read_all(out); }), "Cannot read_all: output buffer holds 2 values, expected 12");
}

TEST(BinaryFile, OpenErrors) {
    const auto path = base_in_scratch();
    EXPECT_EQ(error_of([&] { BinaryFile::open_file(path, 'r'); }), "Binary file not found: " + path);
    EXPECT_EQ(error_of([&] { BinaryFile::open_file(path, 'w'); }),
              "Cannot open_file: metadata must be provided when opening a file in write mode");
    EXPECT_EQ(error_of([&] { BinaryFile::open_file(path, 'a'); }),
              "Cannot open_file: invalid file mode: a. Use 'r' for read or 'w' for write");
    auto bad = plain_metadata();
    bad.labels.clear();
    EXPECT_EQ(error_of([&] { BinaryFile::open_file(path, 'w', bad); }),
              "Cannot open_file: invalid metadata: Number of labels must be positive, got 0");
    EXPECT_FALSE(std::filesystem::exists(path + ".toml"));
    EXPECT_FALSE(std::filesystem::exists(path + ".qvr"));
}

TEST(BinaryFile, FailedOpenForWritingKeepsTheExistingPair) {
    const auto path = base_in_scratch();
    {
        auto f = BinaryFile::open_file(path, 'w', plain_metadata());
        f.write({1, 2}, {{"row", 1}, {"col", 1}});
    }
    const auto toml = read_bytes(path + ".toml");
    const auto qvr = read_bytes(path + ".qvr");
    auto bad = plain_metadata();
    bad.version = "2";
    EXPECT_NE(error_of([&] { BinaryFile::open_file(path, 'w', bad); }).find("invalid metadata"), std::string::npos);
    EXPECT_EQ(read_bytes(path + ".toml"), toml);
    EXPECT_EQ(read_bytes(path + ".qvr"), qvr);
}

TEST(BinaryFile, DamagedPairsAreRejectedAtOpen) {
    const auto path = base_in_scratch();
    BinaryFile::open_file(path, 'w', plain_metadata()).close();
    const auto good = read_bytes(path + ".qvr");
    write_bytes(path + ".qvr", good.substr(0, 88));
    EXPECT_EQ(error_of([&] { BinaryFile::open_file(path, 'r'); }),
              "Cannot open_file: data file size 88 bytes does not match metadata (expected 96): " + path + ".qvr");
    write_bytes(path + ".qvr", good + "x");
    EXPECT_EQ(error_of([&] { BinaryFile::open_file(path, 'r'); }),
              "Cannot open_file: data file size 97 bytes does not match metadata (expected 96): " + path + ".qvr");
    write_bytes(path + ".qvr", good);
    auto toml = read_bytes(path + ".toml");
    write_bytes(path + ".toml", toml.replace(toml.find("version = '1'"), 13, "version = '7'"));
    EXPECT_EQ(error_of([&] { BinaryFile::open_file(path, 'r'); }),
              "Cannot from_toml: invalid metadata: Incompatible file version: expected 1, got 7");
    std::filesystem::remove(path + ".toml");
    EXPECT_EQ(error_of([&] { BinaryFile::open_file(path, 'r'); }), "Binary file not found: " + path);
}

TEST(BinaryFile, CalendarCheckOnTimeCoordinates) {
    const auto path = base_in_scratch();
    const auto md = BinaryMetadata::from_toml_file(fixture_base("monthly_daily"));
    auto f = BinaryFile::open_file(path, 'w', md);
    const int64_t padding[] = {2, 30};
    const double data[] = {1, 2, 3};
    EXPECT_EQ(error_of([&] { f.write_at(padding, data); }),
              "Cannot write_at: invalid values for time dimensions: dimension 'block' has value 30 but the resulting "
              "datetime implies 1");
    std::vector<double> all(static_cast<size_t>(md.value_count()), 0.0);
    EXPECT_EQ(error_of([&] { f.write_all(all); }),
              "Cannot write_all: value at non-addressable position {stage=2, block=30} must be NaN");
    all[(31 + 29) * 3] = all[(31 + 29) * 3 + 1] = all[(31 + 29) * 3 + 2] = std::numeric_limits<double>::quiet_NaN();
    all[(31 + 30) * 3] = all[(31 + 30) * 3 + 1] = all[(31 + 30) * 3 + 2] = std::numeric_limits<double>::quiet_NaN();
    EXPECT_NO_THROW(f.write_all(all));
}

// B2: every frequency pair that validation accepts is writable past its first parent period.
TEST(BinaryFile, EveryAcceptedTimePairIsWritable) {
    struct Case {
        const char* parent;
        int64_t parent_size;
        const char* child;
        int64_t child_size;
        const char* start;
    };
    const Case cases[] = {{"yearly", 2, "monthly", 12, "2024-01-01T00:00:00"},
                          {"yearly", 2, "daily", 366, "2024-01-01T00:00:00"},
                          {"yearly", 2, "hourly", 8784, "2024-01-01T05:00:00"},
                          // Mid-year starts across a leap year: children anchor at each year's start.
                          {"yearly", 3, "daily", 366, "2023-07-01T00:00:00"},
                          {"yearly", 3, "hourly", 8784, "2024-03-10T05:30:00"},
                          {"yearly", 3, "monthly", 12, "2023-05-31T00:00:00"},
                          {"monthly", 3, "daily", 31, "2024-01-15T00:00:00"},
                          {"monthly", 3, "hourly", 744, "2024-01-01T05:00:00"},
                          {"weekly", 3, "daily", 7, "2024-01-10T00:00:00"},
                          {"weekly", 3, "hourly", 168, "2024-01-10T07:00:00"},
                          {"daily", 3, "hourly", 24, "2024-01-01T07:00:00"}};
    int n = 0;
    for (const auto& c : cases) {
        BinaryMetadata md = BinaryMetadata::from_toml_content(
            std::string("version='1'\ndimensions=['p','c']\ndimension_sizes=[") + std::to_string(c.parent_size) + "," +
            std::to_string(c.child_size) + "]\ntime_dimensions=['p','c']\nfrequencies=['" + c.parent + "','" + c.child +
            "']\ninitial_datetime='" + c.start + "'\nunit=''\nlabels=['v']\n");
        const auto path = base_in_scratch("pair" + std::to_string(n++));
        auto f = BinaryFile::open_file(path, 'w', md);
        std::optional<std::vector<int64_t>> v = first_dimensions(md);
        int64_t count = 0;
        while (v) {
            const double value = static_cast<double>(++count);
            f.write_at(*v, std::span<const double>(&value, 1));
            v = next_dimensions(md, *v);
        }
        EXPECT_GT(count, c.child_size) << c.parent << "/" << c.child;
    }
}

TEST(BinaryFileRegistry, InProcessRules) {
    const auto path = base_in_scratch();
    auto w = BinaryFile::open_file(path, 'w', plain_metadata());
    const auto canonical = std::filesystem::weakly_canonical(path).string();
    EXPECT_EQ(error_of([&] { BinaryFile::open_file(path, 'r'); }),
              "Cannot open_file: file is already open for writing: " + canonical);
    const auto dotted = (scratch_dir() / "." / "f").string();
    EXPECT_EQ(error_of([&] { BinaryFile::open_file(dotted, 'w', plain_metadata()); }),
              "Cannot open_file: file is already open for writing: " + canonical);
    EXPECT_EQ(error_of([&] { BinaryFile::open_file(path, 'x'); }),
              "Cannot open_file: file is already open for writing: " + canonical);
    w.close();
    auto r1 = BinaryFile::open_file(path, 'r');
    auto r2 = BinaryFile::open_file(path, 'r');
    EXPECT_EQ(error_of([&] { BinaryFile::open_file(path, 'w', plain_metadata()); }),
              "Cannot open_file: file is open for reading: " + canonical);
    r1.close();
    { BinaryFile moved = std::move(r2); }
    EXPECT_NO_THROW(BinaryFile::open_file(path, 'w', plain_metadata()));
}

TEST(BinaryFileRegistry, ConcurrentOpensFromThreads) {
    const auto path = base_in_scratch();
    BinaryFile::open_file(path, 'w', plain_metadata()).close();
    std::atomic<int> writers{0};
    std::atomic<int> failures{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < 50; ++i) {
                try {
                    if (t % 2 == 0) {
                        auto f = BinaryFile::open_file(path, 'w', plain_metadata());
                        if (writers.fetch_add(1) != 0) failures++;
                        writers.fetch_sub(1);
                    } else {
                        auto f = BinaryFile::open_file(path, 'r');
                        if (writers.load() != 0) failures++;
                    }
                } catch (const std::runtime_error&) {
                }
            }
        });
    }
    for (auto& t : threads) t.join();
    EXPECT_EQ(failures.load(), 0);
}

// B22: another process cannot open a file this process writes, and cannot write one it reads.
TEST(BinaryFileRegistry, CrossProcessLock) {
    const auto path = base_in_scratch();
    const auto canonical = std::filesystem::weakly_canonical(path).string();
    auto child_error = [&](char mode) {
        const std::string command = std::string(QUIVER_BINARY_PROBE) + " open '" + path + "' " + mode;
        FILE* pipe = ::popen(command.c_str(), "r");
        std::string out;
        char buffer[512];
        size_t n;
        while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) out.append(buffer, n);
        ::pclose(pipe);
        return out;
    };
    {
        auto w = BinaryFile::open_file(path, 'w', plain_metadata());
        EXPECT_EQ(child_error('r'), "Cannot open_file: " + canonical + " is open for writing");
        EXPECT_EQ(child_error('w'), "Cannot open_file: " + canonical + " is open for writing");
    }
    {
        auto r = BinaryFile::open_file(path, 'r');
        EXPECT_EQ(child_error('w'), "Cannot open_file: " + canonical + " is open for reading");
        EXPECT_EQ(child_error('r'), "OK");
    }
    EXPECT_EQ(child_error('w'), "OK");
}

}  // namespace
}  // namespace quiver::test
