// Script results as JSON (api-additions §7): the time LuaRunner::run needs to encode a large
// returned table, against nlohmann::json serialising the same value from a ready DOM (the best
// plain alternative doing the same work: value -> compact JSON text). See docs/performance.md.
//
// Usage: quiver_json_bench [ROWS] [REPEATS]   (default 160000 rows, about 10 MB of JSON; 5)
//
// The table is built once in the runner (not timed): ROWS records
// {id = i, label = "Plant <i>", capacity = i * 1.5, tags = {"a", "b"}}. Timed: run("return data")
// (the run itself is a few VM instructions; the rest is encoding and copying the text out) and
// nlohmann::json::dump() of the equivalent DOM. Best of REPEATS, interleaved; elapsed and CPU.
#include <quiver/database.h>
#include <quiver/lua_runner.h>

#include <nlohmann/json.hpp>

#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace {

double cpu_seconds() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

struct Timing {
    double elapsed = 1e300;
    double cpu = 1e300;
};

template <typename Body>
void measure(Timing& best, Body&& body) {
    const auto start = std::chrono::steady_clock::now();
    const double cpu_start = cpu_seconds();
    body();
    best.cpu = std::min(best.cpu, cpu_seconds() - cpu_start);
    best.elapsed = std::min(best.elapsed, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
}

}  // namespace

int main(int argc, char** argv) {
    const int rows = argc > 1 ? std::atoi(argv[1]) : 160000;
    const int repeats = argc > 2 ? std::atoi(argv[2]) : 5;
    if (rows <= 0 || repeats <= 0) {
        std::fprintf(stderr, "usage: quiver_json_bench [ROWS] [REPEATS]\n");
        return 2;
    }
    quiver::Database db(":memory:", {.read_only = false, .console_level = quiver::LogLevel::Off});
    quiver::LuaRunner runner(db);
    runner.run("data = {} for i = 1, " + std::to_string(rows) +
               " do data[i] = {id = i, label = 'Plant ' .. i, capacity = i * 1.5, tags = {'a', 'b'}} end");
    nlohmann::json dom = nlohmann::json::array();
    for (int i = 1; i <= rows; ++i) {
        dom.push_back({{"id", i}, {"label", "Plant " + std::to_string(i)}, {"capacity", i * 1.5}, {"tags", {"a", "b"}}});
    }

    Timing ours;
    Timing baseline;
    size_t ours_bytes = 0;
    size_t baseline_bytes = 0;
    for (int r = 0; r < repeats; ++r) {
        measure(ours, [&] { ours_bytes = runner.run("return data").size(); });
        measure(baseline, [&] { baseline_bytes = dom.dump().size(); });
    }
    std::printf("# %d rows, %.1f MB of JSON (nlohmann: %.1f MB), best of %d\n", rows, ours_bytes / 1e6,
                baseline_bytes / 1e6, repeats);
    std::printf("%-24s %10.4f s %10.4f s %6.2fx   cpu %8.4f s %8.4f s %6.2fx   %.0f MB/s\n", "lua_return_json",
                ours.elapsed, baseline.elapsed, ours.elapsed / baseline.elapsed, ours.cpu, baseline.cpu,
                ours.cpu / baseline.cpu, ours_bytes / 1e6 / ours.cpu);
    return 0;
}
