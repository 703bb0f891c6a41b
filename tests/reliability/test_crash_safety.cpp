// Crash safety: a writer process (quiver_crash_writer) is killed with SIGKILL at random points,
// during long user transactions and during single autocommit writes; after each kill the
// database is reopened and must pass PRAGMA integrity_check, hold every element the writer
// reported as committed, intact (scalars, vector rows, set rows), and hold no partial write: the
// in-flight transaction (or autocommit write) is either entirely present or entirely absent.
//
// The kill schedule comes from one seed, printed at the start and in every failure message.
// QUIVER_CRASH_SEED=<n> replays the same schedule (delays and the writer's choices; where exactly
// the kill lands still depends on timing). QUIVER_CRASH_ITERATIONS=<n> changes the number of
// kills per test (default 50).
#include "child_process.h"
#include "reliability_model.h"

#include "tests/test_support.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace quiver::reliability {
namespace {

using namespace std::chrono_literals;
using quiver::test::scratch_db;

uint64_t master_seed() {
    if (const char* env = std::getenv("QUIVER_CRASH_SEED")) return std::strtoull(env, nullptr, 10);
    std::random_device device;
    return (static_cast<uint64_t>(device()) << 32) ^ device() ^
           static_cast<uint64_t>(std::chrono::system_clock::now().time_since_epoch().count());
}

int iterations() {
    if (const char* env = std::getenv("QUIVER_CRASH_ITERATIONS")) return std::max(1, std::atoi(env));
    return 50;
}

DatabaseOptions quiet() {
    DatabaseOptions options;
    options.console_level = LogLevel::Off;
    return options;
}

std::string join(const std::vector<std::string>& lines, const char* separator) {
    std::string out;
    for (const auto& line : lines) out += line + separator;
    return out;
}

struct Op {
    char kind;  // 'c', 'u', 'd'
    int64_t seq;
    int64_t version;
};

void apply_ops(State& state, const std::vector<Op>& ops) {
    for (const auto& op : ops) {
        if (op.kind == 'd') {
            state.erase(op.seq);
        } else {
            state[op.seq] = op.version;
        }
    }
}

// Replays the writer's report: `committed` gains every unit closed by K; the ops of the unit
// still open when the writer died are returned in `in_flight`.
void replay(const std::vector<std::string>& lines, State& committed, std::vector<Op>& in_flight,
            int& commits) {
    in_flight.clear();
    for (const auto& line : lines) {
        if (line.empty() || line.rfind("READY", 0) == 0) continue;
        std::istringstream in(line);
        std::string kind;
        in >> kind;
        if (kind == "B" || kind == "R") {
            in_flight.clear();
        } else if (kind == "K") {
            apply_ops(committed, in_flight);
            in_flight.clear();
            ++commits;
        } else if (kind == "c" || kind == "u" || kind == "d") {
            Op op{kind[0], 0, 0};
            in >> op.seq;
            if (kind != "d") in >> op.version;
            in_flight.push_back(op);
        } else {
            ADD_FAILURE() << "unknown report line from the writer: " << line;
        }
    }
}

void run_crash_test(const std::string& mode) {
    const uint64_t seed = master_seed();
    const int count = iterations();
    std::printf("[ crash    ] mode=%s seed=%llu iterations=%d (QUIVER_CRASH_SEED=%llu replays it)\n",
                mode.c_str(), static_cast<unsigned long long>(seed), count,
                static_cast<unsigned long long>(seed));
    std::fflush(stdout);
    ::testing::Test::RecordProperty("seed", std::to_string(seed));

    const std::string db_path = scratch_db("crash.db");
    { auto created = Database::from_schema(db_path, QUIVER_RELIABILITY_SCHEMA, quiet()); }

    std::mt19937_64 rng(seed);
    State state;  // verified content after the previous kill
    int commits = 0;
    int in_flight_kills = 0;
    int in_flight_applied = 0;
    const auto started = std::chrono::steady_clock::now();

    for (int iteration = 0; iteration < count; ++iteration) {
        const uint64_t writer_seed = rng();
        const int64_t first_seq = static_cast<int64_t>(iteration + 1) * 1000000;
        // A third of the kills land in the first 20 ms (open, first writes), the rest later.
        const uint64_t pick = rng() % 100;
        const auto delay = std::chrono::milliseconds(pick < 30 ? rng() % 20 : 20 + rng() % 250);
        std::ostringstream context;
        context << "mode=" << mode << " seed=" << seed << " iteration=" << iteration
                << " writer_seed=" << writer_seed << " delay=" << delay.count() << "ms";

        std::vector<std::string> lines;
        {
            ChildProcess writer({QUIVER_CRASH_WRITER, db_path, mode, std::to_string(writer_seed),
                                 std::to_string(first_seq)});
            std::string line;
            bool ready = false;
            while (!ready && writer.read_line(line, 30s)) {
                lines.push_back(line);
                ready = line.rfind("READY ", 0) == 0;
            }
            ASSERT_TRUE(ready) << "writer never became ready; " << context.str();
            EXPECT_EQ(line, "READY " + std::to_string(state.size())) << context.str();

            // Let it write, consuming its reports so the pipe never fills, then kill it.
            const auto deadline = std::chrono::steady_clock::now() + delay;
            for (auto now = std::chrono::steady_clock::now(); now < deadline && !writer.eof();
                 now = std::chrono::steady_clock::now()) {
                if (writer.read_line(line, std::chrono::duration_cast<std::chrono::milliseconds>(deadline - now))) {
                    lines.push_back(line);
                }
            }
            writer.kill_now();
            for (auto& rest : writer.drain()) lines.push_back(std::move(rest));
            const int status = writer.wait();
            ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL)
                << "the writer was not killed by the test but " << ChildProcess::describe_status(status)
                << "; " << context.str();
        }

        State committed = state;
        std::vector<Op> in_flight;
        replay(lines, committed, in_flight, commits);
        State with_in_flight = committed;
        apply_ops(with_in_flight, in_flight);
        if (!in_flight.empty()) ++in_flight_kills;

        Database db(db_path, quiet());
        std::vector<std::string> problems;
        const State actual = read_and_verify(db, problems);
        ASSERT_TRUE(problems.empty()) << context.str() << "\n" << join(problems, "\n");
        if (actual == committed) {
            // The write in flight (if any) left nothing behind.
        } else if (!in_flight.empty() && actual == with_in_flight) {
            ++in_flight_applied;  // killed after COMMIT returned, before the report reached us
        } else {
            FAIL() << "database content is neither the committed state nor the committed state plus the whole "
                   << "write in flight (" << in_flight.size() << " ops); " << context.str()
                   << "\nvs committed:" << describe_state_difference(committed, actual)
                   << "\nvs committed + in flight:" << describe_state_difference(with_in_flight, actual);
        }
        state = actual;
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::printf("[ crash    ] mode=%s: %d kills, %d reported commits, %d kills with a write in flight "
                "(%d of those had committed), %zu elements at the end, %.1f s\n",
                mode.c_str(), count, commits, in_flight_kills, in_flight_applied, state.size(), seconds);
    EXPECT_GT(commits, 0) << "the writer never committed anything: the kills came too early";
}

TEST(CrashSafety, KillDuringUserTransactions) {
    run_crash_test("txn");
}

TEST(CrashSafety, KillDuringAutocommitWrites) {
    run_crash_test("auto");
}

}  // namespace
}  // namespace quiver::reliability
