// quiver_binary_bench: binary files and expressions against the best plain C++ doing the same
// work, in one process, interleaved, best of R runs, elapsed and CPU time (docs/performance.md).
//
//   quiver_binary_bench [--smoke] DIR
//   quiver_binary_bench --read-all BASE REPEATS   (for bench/python_bench.py: best of REPEATS of
//                                                  open + read_all + close of an existing pair,
//                                                  printed as "read_all_cpp <s> s cpu <s> s")
//
// Output lines (parsed by scripts/bench.sh):
//   <key> <ours> s <baseline> s <ratio>x cpu <ours> s <baseline> s <ratio>x
// with ratio = ours / baseline (time; lower is better):
//   binary_io        open('w') + write_all + close, then open('r') + read_all + close of a 208 MB
//                    file (stage 120 monthly x scenario 200 x block 31 daily x 35 labels) vs
//                    fopen/fwrite/fclose + fopen/fread/fclose of the same bytes
//   binary_read_at   read_at over every cell of a 480 x 500 x 31 file vs the map-based read
//   binary_save_add  Expression (a + b) * 2 saved vs reading both raw arrays, a loop, writing the result
//   binary_save_p50  (a + b).aggregate("scenario", percentile 0.5) saved vs the same by hand
// plus "cells_per_second map=<n> read_at=<n>".
#include "quiver/binary/binary_file.h"
#include "quiver/binary/iteration.h"
#include "quiver/expression/expression.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <functional>
#include <limits>
#include <string>
#include <unordered_map>
#include <vector>

namespace {

using quiver::BinaryFile;
using quiver::BinaryMetadata;

struct Times {
    double elapsed = 1e300;
    double cpu = 1e300;
};

double cpu_now() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

void measure(Times& best, const std::function<void()>& body) {
    const auto start = std::chrono::steady_clock::now();
    const double cpu_start = cpu_now();
    body();
    const double cpu = cpu_now() - cpu_start;
    const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    best.elapsed = std::min(best.elapsed, elapsed);
    best.cpu = std::min(best.cpu, cpu);
}

// Runs ours and baseline alternately, repeats times, and prints the best of each.
void compare(const char* key, int repeats, const std::function<void()>& ours, const std::function<void()>& baseline) {
    Times a, b;
    for (int r = 0; r < repeats; ++r) {
        measure(a, ours);
        measure(b, baseline);
    }
    std::printf("%s %.6f s %.6f s %.3fx cpu %.6f s %.6f s %.3fx\n", key, a.elapsed, b.elapsed, a.elapsed / b.elapsed,
                a.cpu, b.cpu, a.cpu / b.cpu);
    std::fflush(stdout);
}

BinaryMetadata planning_metadata(int64_t stages, int64_t scenarios, int64_t labels) {
    BinaryMetadata md;
    md.version = "1";
    md.unit = "MW";
    md.set_initial_datetime("2025-01-01T00:00:00");
    md.add_time_dimension("stage", stages, "monthly");
    md.add_dimension("scenario", scenarios);
    md.add_time_dimension("block", 31, "daily");
    for (int64_t k = 0; k < labels; ++k) md.labels.push_back("plant_" + std::to_string(k + 1));
    return md;
}

// Values for every iterated cell, NaN at padding (what a model writes).
std::vector<double> planning_values(const BinaryMetadata& md, double offset) {
    std::vector<double> values(static_cast<size_t>(md.value_count()), std::numeric_limits<double>::quiet_NaN());
    const auto labels = static_cast<int64_t>(md.labels.size());
    std::optional<std::vector<int64_t>> v = quiver::first_dimensions(md);
    while (v) {
        int64_t cell = 0;
        for (size_t i = 0; i < v->size(); ++i) cell = cell * md.dimensions[i].size + ((*v)[i] - 1);
        for (int64_t k = 0; k < labels; ++k) {
            values[static_cast<size_t>(cell * labels + k)] = offset + static_cast<double>((cell * 7 + k * 13) % 1000);
        }
        v = quiver::next_dimensions(md, *v);
    }
    return values;
}

void write_raw(const std::string& path, const std::vector<double>& values) {
    FILE* f = std::fopen(path.c_str(), "wb");
    std::fwrite(values.data(), sizeof(double), values.size(), f);
    std::fclose(f);
}

void read_raw(const std::string& path, std::vector<double>& values) {
    FILE* f = std::fopen(path.c_str(), "rb");
    if (std::fread(values.data(), sizeof(double), values.size(), f) != values.size()) std::perror("fread");
    std::fclose(f);
}

double percentile(std::vector<double>& v, double p) {
    if (v.empty()) return std::numeric_limits<double>::quiet_NaN();
    const double pos = static_cast<double>(v.size() - 1) * p;
    const auto lo = static_cast<size_t>(pos);
    std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(lo), v.end());
    const double x = v[lo];
    if (lo + 1 >= v.size() || pos == static_cast<double>(lo)) return x;
    const double y = *std::min_element(v.begin() + static_cast<std::ptrdiff_t>(lo) + 1, v.end());
    return x + (pos - static_cast<double>(lo)) * (y - x);
}

}  // namespace

// The C++ side of the Python read_all benchmark: what Python's read_array does, natively.
int read_all_only(const std::string& base, int repeats) {
    Times best;
    double checksum = 0;
    // The destination is allocated and touched once, outside the timing (the Python side does
    // the same with its numpy array), so both sides measure open + transfer + close only.
    std::vector<double> values(static_cast<size_t>(BinaryMetadata::from_toml_file(base).value_count()), 0.0);
    for (int r = 0; r < repeats; ++r) {
        measure(best, [&] {
            auto f = BinaryFile::open_file(base, 'r');
            f.read_all(values);
            checksum += values[values.size() / 2];
        });
    }
    std::printf("read_all_cpp %.6f s cpu %.6f s (checksum %g)\n", best.elapsed, best.cpu, checksum);
    return 0;
}

int main(int argc, char** argv) {
    if (argc == 4 && std::strcmp(argv[1], "--read-all") == 0) return read_all_only(argv[2], std::atoi(argv[3]));
    bool smoke = false;
    std::string dir;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--smoke") == 0) {
            smoke = true;
        } else if (argv[i][0] != '-' && dir.empty()) {
            dir = argv[i];
        } else {  // an unknown option (e.g. --help) or a second directory: never a directory named "--help"
            dir.clear();
            break;
        }
    }
    if (dir.empty()) {
        std::fprintf(stderr, "usage: quiver_binary_bench [--smoke] DIR | --read-all DIR N\n");
        return 2;
    }
    std::filesystem::create_directories(dir);
    const int repeats = smoke ? 1 : 3;
    const int64_t stages = smoke ? 2 : 120;
    const int64_t scenarios = smoke ? 3 : 200;
    const int64_t labels = smoke ? 2 : 35;

    // 1. write_all + read_all vs fwrite + fread.
    const auto md = planning_metadata(stages, scenarios, labels);
    const auto values = planning_values(md, 0);
    std::vector<double> back(values.size());
    std::printf("binary_io_bytes %zu\n", values.size() * sizeof(double));
    compare(
        "binary_io", repeats,
        [&] {
            {
                auto f = BinaryFile::open_file(dir + "/io", 'w', md);
                f.write_all(values);
            }
            auto f = BinaryFile::open_file(dir + "/io", 'r');
            f.read_all(back);
        },
        [&] {
            write_raw(dir + "/io_raw.bin", values);
            read_raw(dir + "/io_raw.bin", back);
        });

    // 2. read_at vs the map-based read over 480 x 500 x 31 cells.
    {
        BinaryMetadata grid;
        grid.version = "1";
        grid.labels = {"v"};
        grid.add_dimension("stage", smoke ? 4 : 480);
        grid.add_dimension("scenario", smoke ? 5 : 500);
        grid.add_dimension("block", 31);
        {
            auto f = BinaryFile::open_file(dir + "/grid", 'w', grid);
            std::vector<double> all(static_cast<size_t>(grid.value_count()), 1.0);
            f.write_all(all);
        }
        auto f = BinaryFile::open_file(dir + "/grid", 'r');
        const int64_t cells = grid.value_count();
        double sum = 0;
        Times map_t, at_t;
        for (int r = 0; r < repeats; ++r) {
            measure(at_t, [&] {
                int64_t idx[3];
                double out[1];
                for (idx[0] = 1; idx[0] <= grid.dimensions[0].size; ++idx[0]) {
                    for (idx[1] = 1; idx[1] <= grid.dimensions[1].size; ++idx[1]) {
                        for (idx[2] = 1; idx[2] <= 31; ++idx[2]) {
                            f.read_at(idx, out);
                            sum += out[0];
                        }
                    }
                }
            });
            measure(map_t, [&] {
                std::unordered_map<std::string, int64_t> dims{{"stage", 1}, {"scenario", 1}, {"block", 1}};
                for (int64_t s = 1; s <= grid.dimensions[0].size; ++s) {
                    for (int64_t c = 1; c <= grid.dimensions[1].size; ++c) {
                        for (int64_t b = 1; b <= 31; ++b) {
                            dims["stage"] = s;
                            dims["scenario"] = c;
                            dims["block"] = b;
                            sum += f.read(dims)[0];
                        }
                    }
                }
            });
        }
        std::printf("binary_read_at %.6f s %.6f s %.3fx cpu %.6f s %.6f s %.3fx\n", at_t.elapsed, map_t.elapsed,
                    at_t.elapsed / map_t.elapsed, at_t.cpu, map_t.cpu, at_t.cpu / map_t.cpu);
        std::printf("cells_per_second map=%.0f read_at=%.0f (checksum %.0f)\n", static_cast<double>(cells) / map_t.elapsed,
                    static_cast<double>(cells) / at_t.elapsed, sum);
    }

    // 3. save of (a + b) * 2 and of a percentile over scenarios vs hand-written loops.
    {
        const auto va = planning_values(md, 0);
        const auto vb = planning_values(md, 5000);
        for (const auto& [name, v] : {std::pair{"a", &va}, std::pair{"b", &vb}}) {
            auto f = BinaryFile::open_file(dir + "/" + name, 'w', md);
            f.write_all(*v);
            write_raw(dir + "/" + name + "_raw.bin", *v);
        }
        const quiver::Expression a(BinaryFile(dir + "/a"));
        const quiver::Expression b(BinaryFile(dir + "/b"));
        std::vector<double> ra(va.size()), rb(vb.size()), out(va.size());
        compare(
            "binary_save_add", repeats, [&] { ((a + b) * 2.0).save(dir + "/sum"); },
            [&] {
                read_raw(dir + "/a_raw.bin", ra);
                read_raw(dir + "/b_raw.bin", rb);
                for (size_t i = 0; i < out.size(); ++i) out[i] = (ra[i] + rb[i]) * 2.0;
                write_raw(dir + "/sum_raw.bin", out);
            });
        const auto p50 = (a + b).aggregate("scenario", quiver::ExpressionAggregate::Operation::Percentile, 0.5);
        std::vector<double> pout(static_cast<size_t>(stages * 31 * labels));
        compare(
            "binary_save_p50", repeats, [&] { p50.save(dir + "/p50"); },
            [&] {
                read_raw(dir + "/a_raw.bin", ra);
                read_raw(dir + "/b_raw.bin", rb);
                std::vector<double> window;
                for (int64_t s = 0; s < stages; ++s) {
                    for (int64_t d = 0; d < 31; ++d) {
                        for (int64_t k = 0; k < labels; ++k) {
                            window.clear();
                            for (int64_t c = 0; c < scenarios; ++c) {
                                const auto i = static_cast<size_t>(((s * scenarios + c) * 31 + d) * labels + k);
                                const double x = ra[i] + rb[i];
                                if (!std::isnan(x)) window.push_back(x);
                            }
                            pout[static_cast<size_t>((s * 31 + d) * labels + k)] = percentile(window, 0.5);
                        }
                    }
                }
                write_raw(dir + "/p50_raw.bin", pout);
            });
    }
    return 0;
}
