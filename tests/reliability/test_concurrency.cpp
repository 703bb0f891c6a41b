// Concurrency between processes on one database file (SQLite rollback journal, 5 s busy timeout
// set on every connection by the core):
// - a reader in another process sees only committed data, never a partial transaction, and is
//   not blocked by a write transaction that is still open;
// - a second writer waits for the first one's lock and then succeeds;
// - when a lock is held longer than the busy timeout the call fails after about 5 s with
//   "Failed to <op>: database is locked", the failed write leaves nothing behind (a user
//   transaction around it stays open and usable) and the database stays intact.
// The other process is quiver_db_actor, driven line by line (see db_actor.cpp).
#include "child_process.h"
#include "reliability_model.h"

#include "tests/test_support.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <regex>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace quiver::reliability {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;
using quiver::test::scratch_db;

DatabaseOptions quiet() {
    DatabaseOptions options;
    options.console_level = LogLevel::Off;
    return options;
}

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

std::string join(const std::vector<std::string>& lines) {
    std::string out;
    for (const auto& line : lines) out += line + "\n";
    return out;
}

// The other process.
class Actor {
public:
    explicit Actor(const std::string& db_path) : process_({QUIVER_DB_ACTOR, db_path}) {
        EXPECT_EQ(reply(), "ready");
    }
    ~Actor() {
        process_.write_line("quit");
        process_.close_stdin();
        if (!process_.wait_for(10s)) ADD_FAILURE() << "quiver_db_actor did not quit";
    }
    Actor(const Actor&) = delete;
    Actor& operator=(const Actor&) = delete;

    void send(const std::string& command) { ASSERT_TRUE(process_.write_line(command)) << command; }
    std::string reply(std::chrono::milliseconds timeout = 60s) {
        std::string line;
        if (!process_.read_line(line, timeout)) return "<no reply>";
        return line;
    }
    bool try_reply(std::string& line) { return process_.read_line(line, 0ms); }
    std::string call(const std::string& command) {
        send(command);
        return reply();
    }

private:
    ChildProcess process_;
};

class Concurrency : public ::testing::Test {
protected:
    void SetUp() override {
        path = scratch_db("shared.db");
        auto created = Database::from_schema(path, QUIVER_RELIABILITY_SCHEMA, quiet());
    }

    // Verifies the whole database (integrity_check included) and returns its state.
    State verify(Database& db) {
        std::vector<std::string> problems;
        State state = read_and_verify(db, problems);
        EXPECT_TRUE(problems.empty()) << join(problems);
        return state;
    }

    static State records(std::initializer_list<int64_t> seqs) {
        State state;
        for (auto seq : seqs) state[seq] = 0;
        return state;
    }
    static State record_range(int64_t first, int64_t n, State state = {}) {
        for (int64_t i = 0; i < n; ++i) state[first + i] = 0;
        return state;
    }

    std::string path;
};

const std::regex kLocked("^Failed to [a-z_ ]+: database is locked$");

TEST_F(Concurrency, ReaderSeesOnlyCommittedData) {
    Actor writer(path);
    ASSERT_EQ(writer.call("begin"), "ok");
    ASSERT_EQ(writer.call("create_range 0 10"), "ok");

    Database reader(path, quiet());
    auto start = Clock::now();
    EXPECT_TRUE(reader.read_element_ids(kCollection).empty());
    EXPECT_EQ(reader.query_integer("SELECT count(*) FROM Record_vector_samples"), 0);
    EXPECT_LT(seconds_since(start), 3.0) << "a reader must not wait for an open write transaction";

    ASSERT_EQ(writer.call("commit"), "ok");
    EXPECT_EQ(verify(reader), record_range(0, 10));

    ASSERT_EQ(writer.call("begin"), "ok");
    ASSERT_EQ(writer.call("create_range 100 5"), "ok");
    EXPECT_EQ(verify(reader), record_range(0, 10));
    ASSERT_EQ(writer.call("rollback"), "ok");
    EXPECT_EQ(verify(reader), record_range(0, 10));
    EXPECT_EQ(writer.call("count"), "ok 10");
}

TEST_F(Concurrency, ReaderNeverSeesAPartialTransaction) {
    Actor writer(path);
    Database reader(path, quiet());
    reader.read_element_ids(kCollection);  // schema loaded before the race starts

    writer.send("batches 0 30 10");  // 30 user transactions of 10 creates each
    std::string reply;
    int reads = 0;
    std::set<size_t> sizes;
    while (!writer.try_reply(reply)) {
        // One read transaction, so every read sees the same snapshot.
        reader.begin_transaction();
        std::vector<std::string> problems;
        const State state = read_and_verify(reader, problems, /*integrity=*/false);
        reader.commit();
        ASSERT_TRUE(problems.empty()) << "after " << reads << " reads:\n" << join(problems);
        ASSERT_EQ(state.size() % 10, 0u) << "a reader saw part of a transaction: " << state.size() << " elements";
        sizes.insert(state.size());
        ++reads;
    }
    EXPECT_EQ(reply, "ok");
    EXPECT_EQ(verify(reader), record_range(0, 300));
    std::printf("[ readers  ] %d consistent reads, %zu distinct committed states seen\n", reads, sizes.size());
}

TEST_F(Concurrency, SecondWriterWaitsAndThenSucceeds) {
    Actor first(path);
    ASSERT_EQ(first.call("begin"), "ok");
    ASSERT_EQ(first.call("create 0"), "ok");  // holds the write lock
    first.send("sleep 1500");
    first.send("commit");  // about 1.5 s from now

    Database second(path, quiet());
    const auto start = Clock::now();
    EXPECT_NO_THROW(second.create_element(kCollection, record_element(1, 0)));
    const double waited = seconds_since(start);
    EXPECT_GE(waited, 1.0) << "the second writer cannot have written while the first held the lock";
    EXPECT_LT(waited, 5.0) << "the second writer must succeed as soon as the lock is released";
    EXPECT_EQ(first.reply(), "ok");
    EXPECT_EQ(first.reply(), "ok");
    EXPECT_EQ(verify(second), records({0, 1}));
}

TEST_F(Concurrency, TwoWriterProcessesWithAutocommitWritesBothSucceed) {
    Actor a(path);
    Actor b(path);
    // Autocommit writes from three processes at once.
    a.send("create_range 0 100");
    b.send("create_range 1000 100");
    Database self(path, quiet());
    for (int64_t i = 0; i < 50; ++i) self.create_element(kCollection, record_element(2000 + i, 0));
    EXPECT_EQ(a.reply(), "ok");
    EXPECT_EQ(b.reply(), "ok");
    EXPECT_EQ(verify(self), record_range(0, 100, record_range(1000, 100, record_range(2000, 50))));
}

TEST_F(Concurrency, TwoWriterProcessesWithUserTransactionsBothSucceed) {
    // Each process runs 20 user transactions of 5 creates: a transaction that finds the other
    // holding the write lock waits for it (busy timeout) instead of failing.
    Actor a(path);
    Actor b(path);
    a.send("batches 5000 20 5");
    b.send("batches 6000 20 5");
    EXPECT_EQ(a.reply(), "ok");
    EXPECT_EQ(b.reply(), "ok");
    Database self(path, quiet());
    EXPECT_EQ(verify(self), record_range(5000, 100, record_range(6000, 100)));
}

TEST_F(Concurrency, LockHeldLongerThanTheBusyTimeoutFailsCleanly) {
    Actor holder(path);
    Database db(path, quiet());
    EXPECT_TRUE(db.read_element_ids(kCollection).empty());

    ASSERT_EQ(holder.call("begin"), "ok");
    ASSERT_EQ(holder.call("create 0"), "ok");  // holds the write lock
    const auto start = Clock::now();
    std::string message = "<no error>";
    try {
        db.create_element(kCollection, record_element(1, 0));
    } catch (const std::runtime_error& e) {
        message = e.what();
    }
    const double waited = seconds_since(start);
    EXPECT_TRUE(std::regex_match(message, kLocked)) << message;
    EXPECT_GE(waited, 4.5) << "the busy timeout is 5 s";
    EXPECT_LT(waited, 15.0);
    EXPECT_FALSE(db.in_transaction());
    EXPECT_TRUE(db.read_element_ids(kCollection).empty()) << "reads still work and see the committed state";
    ASSERT_EQ(holder.call("commit"), "ok");
    EXPECT_NO_THROW(db.create_element(kCollection, record_element(1, 0)));
    EXPECT_EQ(verify(db), records({0, 1}));
}

TEST_F(Concurrency, LockHeldLongerThanTheBusyTimeoutInsideAUserTransaction) {
    // The write fails alone after the busy timeout (D3): the user's transaction stays open and
    // usable, and it does not keep the other process from committing.
    Actor holder(path);
    Database db(path, quiet());
    EXPECT_TRUE(db.read_element_ids(kCollection).empty());

    ASSERT_EQ(holder.call("begin"), "ok");
    ASSERT_EQ(holder.call("create 0"), "ok");  // holds the write lock
    db.begin_transaction();
    const auto start = Clock::now();
    std::string message = "<no error>";
    try {
        db.create_element(kCollection, record_element(99, 0));
    } catch (const std::runtime_error& e) {
        message = e.what();
    }
    const double waited = seconds_since(start);
    EXPECT_TRUE(std::regex_match(message, kLocked)) << message;
    EXPECT_GE(waited, 4.5) << "the busy timeout is 5 s";
    EXPECT_LT(waited, 15.0);
    EXPECT_TRUE(db.in_transaction()) << "the user's transaction stays open (D3)";
    EXPECT_EQ(holder.call("commit"), "ok");
    EXPECT_NO_THROW(db.create_element(kCollection, record_element(1, 0)));
    EXPECT_NO_THROW(db.commit());
    EXPECT_EQ(verify(db), records({0, 1}));
    EXPECT_EQ(holder.call("count"), "ok 2");
}

TEST_F(Concurrency, ReaderBlockedLongerThanTheBusyTimeoutFailsCleanly) {
    Actor holder(path);
    Database db(path, quiet());
    db.create_element(kCollection, record_element(0, 0));

    ASSERT_EQ(holder.call("raw_exclusive"), "ok");  // no reader can get in
    const auto start = Clock::now();
    std::string message = "<no error>";
    try {
        db.read_element_ids(kCollection);
    } catch (const std::runtime_error& e) {
        message = e.what();
    }
    const double waited = seconds_since(start);
    EXPECT_TRUE(std::regex_match(message, kLocked)) << message;
    EXPECT_GE(waited, 4.5);
    EXPECT_LT(waited, 15.0);
    ASSERT_EQ(holder.call("raw_release"), "ok");
    EXPECT_EQ(verify(db), records({0}));
}

}  // namespace
}  // namespace quiver::reliability
