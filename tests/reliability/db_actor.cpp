// quiver_db_actor: a second process working on the same database file, driven line by line by
// the concurrency tests.
//
//   quiver_db_actor <db>
//
// Reads one command per line on stdin and answers each with exactly one line on stdout:
// "ok[ <value>]" or "err <message>" (the exception text of the failing Quiver call).
//   begin | commit | rollback          user transaction control
//   create <seq>                       create_element of record <seq> (version 0)
//   create_range <first> <n>           n create_element calls (inside or outside a transaction)
//   batches <first> <count> <size>     <count> user transactions of <size> creates each
//   count                              ok <number of elements>
//   sleep <ms>                         sleeps, then answers
//   raw_exclusive | raw_release        BEGIN EXCLUSIVE / COMMIT on a second, plain SQLite
//                                      connection (holds the lock readers need)
//   quit                               exits 0
// It prints "ready" once the database is open and its schema loaded.
#include "reliability_model.h"

#include <sqlite3.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <exception>
#include <iostream>
#include <sstream>
#include <string>
#include <thread>

namespace {

using namespace quiver::reliability;

void reply(const std::string& text) {
    std::string line = text;
    for (auto& c : line) {
        if (c == '\n') c = ' ';
    }
    std::cout << line << std::endl;  // flushed: the test waits for it
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: quiver_db_actor <db>\n");
        return 2;
    }
    quiver::DatabaseOptions options;
    options.console_level = quiver::LogLevel::Off;
    quiver::Database db(argv[1], options);
    // Load the schema now (it is read lazily on first use): otherwise the first create of a
    // user transaction would read it inside the transaction, and a deferred transaction that has
    // read cannot wait for another writer's lock (SQLite answers SQLITE_BUSY at once).
    db.read_element_ids(kCollection);
    sqlite3* raw = nullptr;
    reply("ready");

    std::string line;
    while (std::getline(std::cin, line)) {
        std::istringstream in(line);
        std::string command;
        in >> command;
        try {
            if (command == "quit") {
                break;
            } else if (command == "begin") {
                db.begin_transaction();
                reply("ok");
            } else if (command == "commit") {
                db.commit();
                reply("ok");
            } else if (command == "rollback") {
                db.rollback();
                reply("ok");
            } else if (command == "create") {
                int64_t seq = 0;
                in >> seq;
                db.create_element(kCollection, record_element(seq, 0));
                reply("ok");
            } else if (command == "create_range") {
                int64_t first = 0, n = 0;
                in >> first >> n;
                for (int64_t i = 0; i < n; ++i) db.create_element(kCollection, record_element(first + i, 0));
                reply("ok");
            } else if (command == "batches") {
                int64_t first = 0, count = 0, size = 0;
                in >> first >> count >> size;
                for (int64_t b = 0; b < count; ++b) {
                    db.begin_transaction();
                    try {
                        for (int64_t i = 0; i < size; ++i) {
                            db.create_element(kCollection, record_element(first + b * size + i, 0));
                        }
                        db.commit();
                    } catch (...) {
                        if (db.in_transaction()) db.rollback();
                        throw;
                    }
                }
                reply("ok");
            } else if (command == "count") {
                reply("ok " + std::to_string(db.read_element_ids(kCollection).size()));
            } else if (command == "sleep") {
                int ms = 0;
                in >> ms;
                std::this_thread::sleep_for(std::chrono::milliseconds(ms));
                reply("ok");
            } else if (command == "raw_exclusive") {
                if (!raw && sqlite3_open(argv[1], &raw) != SQLITE_OK) throw std::runtime_error("sqlite3_open failed");
                if (sqlite3_exec(raw, "BEGIN EXCLUSIVE", nullptr, nullptr, nullptr) != SQLITE_OK) {
                    throw std::runtime_error(sqlite3_errmsg(raw));
                }
                reply("ok");
            } else if (command == "raw_release") {
                if (!raw || sqlite3_exec(raw, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK) {
                    throw std::runtime_error(raw ? sqlite3_errmsg(raw) : "no raw connection");
                }
                reply("ok");
            } else {
                reply("err unknown command: " + line);
            }
        } catch (const std::exception& e) {
            reply(std::string("err ") + e.what());
        }
    }
    if (raw) sqlite3_close(raw);
    return 0;
}
