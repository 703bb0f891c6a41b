// quiver_frame_bench: the C++ references of the Python data-frame benchmarks
// (bench/python_bench.py --frames). Each run prints "<key> <elapsed s> <cpu s>", best of R.
//
//   quiver_frame_bench read DB R          bulk reads of Plant's ids, label and 3 REAL scalars:
//                                          read_typed   read_element_ids + read_scalar_strings +
//                                                       3 x read_scalar_floats (one query each)
//                                          read_columns read_scalar_columns (one query)
//   quiver_frame_bench create DB N R      create_loop: begin_transaction, N x create_element
//                                          (label, capacity, a 10-value vector), commit, on a
//                                          fresh copy of the empty database DB each round
#include <quiver/database.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <limits>
#include <string>
#include <vector>

namespace {

const quiver::DatabaseOptions kQuiet{.read_only = false, .console_level = quiver::LogLevel::Off};

struct Times {
    double wall = std::numeric_limits<double>::infinity();
    double cpu = std::numeric_limits<double>::infinity();
};

template <typename Body>
void best_of(Times& best, Body&& body) {
    const auto start = std::chrono::steady_clock::now();
    const auto cpu_start = std::clock();
    body();
    const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const double cpu = static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
    if (wall < best.wall) best.wall = wall;
    if (cpu < best.cpu) best.cpu = cpu;
}

void print(const char* key, const Times& t) {
    std::printf("%s %.6f %.6f\n", key, t.wall, t.cpu);
}

size_t sink = 0;  // keeps the reads from being optimised away

void read(const std::string& path, int repeats) {
    Times typed, columns;
    for (int r = 0; r < repeats; ++r) {
        best_of(typed, [&] {
            quiver::Database db(path, kQuiet);
            sink += db.read_element_ids("Plant").size();
            sink += db.read_scalar_strings("Plant", "label").size();
            for (const char* a : {"capacity", "efficiency", "cost"}) sink += db.read_scalar_floats("Plant", a).size();
        });
        best_of(columns, [&] {
            quiver::Database db(path, kQuiet);
            sink += db.read_scalar_columns("Plant", {"label", "capacity", "efficiency", "cost"}).row_count;
        });
    }
    print("read_typed", typed);
    print("read_columns", columns);
}

void create(const std::string& empty, int n, int repeats) {
    const std::string path = empty + ".cpp.db";
    std::vector<double> factors(10);
    for (int k = 0; k < 10; ++k) factors[k] = k * 0.25;
    Times t;
    for (int r = 0; r < repeats; ++r) {
        std::filesystem::copy_file(empty, path, std::filesystem::copy_options::overwrite_existing);
        best_of(t, [&] {
            quiver::Database db(path, kQuiet);
            db.begin_transaction();
            for (int i = 0; i < n; ++i) {
                quiver::Element element;
                element.set("label", "Plant " + std::to_string(i)).set("capacity", i * 0.5).set("factor", factors);
                db.create_element("Plant", element);
            }
            db.commit();
        });
    }
    std::filesystem::remove(path);
    print("create_loop", t);
}

}  // namespace

int main(int argc, char** argv) {
    const std::string mode = argc > 1 ? argv[1] : "";
    if (mode == "read" && argc == 4) {
        read(argv[2], std::atoi(argv[3]));
    } else if (mode == "create" && argc == 5) {
        create(argv[2], std::atoi(argv[3]), std::atoi(argv[4]));
    } else {
        std::fprintf(stderr, "usage: quiver_frame_bench read DB R | create EMPTY_DB N R\n");
        return 2;
    }
    return sink == static_cast<size_t>(-1) ? 1 : 0;
}
