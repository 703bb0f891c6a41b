// quiver_crash_writer: writes to a Quiver database forever, until the crash-safety test kills it
// with SIGKILL, reporting on stdout what it is about to do and what has been committed.
//
//   quiver_crash_writer <db> <mode: txn|auto> <seed> <first_seq>
//
// Report protocol (one line each, written with write(2) so nothing sits in a buffer):
//   READY <n>        database opened, <n> elements found
//   B                (txn mode) begin_transaction() is about to be called
//   c <seq> <ver>    create_element of record <seq> at version <ver> is about to be called
//   u <seq> <ver>    update_element of record <seq> to version <ver> is about to be called
//   d <seq>          delete_element of record <seq> is about to be called
//   K                everything since the last K/R is committed: written only AFTER commit()
//                    (txn mode) or the autocommit write (auto mode) has returned
//   R                (txn mode) rollback() returned: everything since the last K/R is undone
// Writes that are meant to fail (duplicate set values, which fail after some rows were written)
// are not reported at all: the atomic write guard must leave nothing of them behind.
// Anything unexpected ends the program with exit code 2 and a message on stderr.
#include "reliability_model.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <iterator>
#include <map>
#include <random>
#include <string>
#include <utility>

namespace {

using namespace quiver::reliability;

void emit(const std::string& line) {
    const std::string data = line + "\n";
    size_t done = 0;
    while (done < data.size()) {
        const ssize_t n = ::write(STDOUT_FILENO, data.data() + done, data.size() - done);
        if (n <= 0) std::_Exit(3);  // the test is gone
        done += static_cast<size_t>(n);
    }
}

[[noreturn]] void die(const std::string& message) {
    std::fprintf(stderr, "quiver_crash_writer: %s\n", message.c_str());
    std::exit(2);
}

struct Writer {
    Writer(quiver::Database& database, uint64_t seed, int64_t first_seq)
        : db(database), rng(seed), next_seq(first_seq) {}

    quiver::Database& db;
    std::mt19937_64 rng;
    int64_t next_seq;
    int64_t next_failing_seq = -1;  // failing creates use negative seqs: never expected to exist
    std::map<int64_t, std::pair<int64_t, int64_t>> live;  // seq -> (id, version)

    uint64_t roll(uint64_t n) { return rng() % n; }

    std::map<int64_t, std::pair<int64_t, int64_t>>::iterator pick() {
        auto it = live.begin();
        std::advance(it, static_cast<long>(roll(live.size())));
        return it;
    }

    // One successful write, announced before it is made.
    void write_one() {
        const uint64_t r = roll(100);
        const uint64_t deletes = live.size() > 300 ? 50 : 15;
        if (live.size() < 3 || r < 100 - deletes - 25) {
            const int64_t seq = next_seq++;
            emit("c " + std::to_string(seq) + " 0");
            const int64_t id = db.create_element(kCollection, record_element(seq, 0));
            live[seq] = {id, 0};
        } else if (r < 100 - deletes) {
            auto it = pick();
            const int64_t version = it->second.second + 1;
            emit("u " + std::to_string(it->first) + " " + std::to_string(version));
            db.update_element(kCollection, it->second.first, record_update(it->first, version));
            it->second.second = version;
        } else {
            auto it = pick();
            emit("d " + std::to_string(it->first));
            db.delete_element(kCollection, it->second.first);
            live.erase(it);
        }
    }

    // A write that fails part-way (the set insert hits UNIQUE(id, tag) after the scalar row and
    // the vector rows were written); it must leave nothing behind.
    void failing_write() {
        bool threw = false;
        if (live.empty() || roll(2) == 0) {
            auto element = record_element(next_failing_seq--, 0);
            element.set("tag", std::vector<std::string>{"dup", "dup"});
            try {
                db.create_element(kCollection, element);
            } catch (const std::exception&) {
                threw = true;
            }
        } else {
            auto it = pick();
            auto element = record_update(it->first, it->second.second + 1000);
            element.set("tag", std::vector<std::string>{"dup", "dup"});
            try {
                db.update_element(kCollection, it->second.first, element);
            } catch (const std::exception&) {
                threw = true;
            }
        }
        if (!threw) die("a write with duplicate set values succeeded");
    }

    [[noreturn]] void run_auto() {
        for (;;) {
            if (roll(10) == 0) failing_write();
            write_one();
            emit("K");
        }
    }

    [[noreturn]] void run_txn() {
        for (;;) {
            const auto snapshot = live;
            emit("B");
            db.begin_transaction();
            const uint64_t ops = 10 + roll(60);
            for (uint64_t i = 0; i < ops; ++i) {
                if (roll(10) == 0) {
                    failing_write();
                    if (!db.in_transaction()) die("a failed write ended the user transaction");
                }
                write_one();
            }
            if (roll(8) == 0) {
                db.rollback();
                live = snapshot;
                emit("R");
            } else {
                db.commit();
                emit("K");
            }
        }
    }
};

}  // namespace

int main(int argc, char** argv) {
    if (argc != 5) die("usage: quiver_crash_writer <db> <txn|auto> <seed> <first_seq>");
    const std::string path = argv[1];
    const std::string mode = argv[2];
    if (mode != "txn" && mode != "auto") die("mode must be txn or auto");
    try {
        quiver::DatabaseOptions options;
        options.console_level = quiver::LogLevel::Off;
        quiver::Database db(path, options);
        Writer writer(db, std::strtoull(argv[3], nullptr, 10), std::strtoll(argv[4], nullptr, 10));
        const auto ids = db.read_element_ids(kCollection);
        const auto seqs = db.read_scalar_integers(kCollection, "seq");
        const auto versions = db.read_scalar_integers(kCollection, "version");
        for (size_t i = 0; i < ids.size(); ++i) writer.live[seqs.at(i).value()] = {ids[i], versions.at(i).value()};
        emit("READY " + std::to_string(ids.size()));
        if (mode == "txn") writer.run_txn();
        writer.run_auto();
    } catch (const std::exception& e) {
        die(std::string("unexpected error: ") + e.what());
    }
}
