// Helpers shared by the quiver_tests suites: quiet options, fixture databases, exact-message
// assertions and a whole-database snapshot used to prove that failed calls change nothing.
#ifndef QUIVER_TESTS_CPP_TEST_HELPERS_H
#define QUIVER_TESTS_CPP_TEST_HELPERS_H

#include "raw_sqlite.h"
#include "test_support.h"

#include <quiver/database.h>
#include <quiver/element.h>

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace quiver::test {

inline DatabaseOptions quiet() {
    return DatabaseOptions{.read_only = false, .console_level = LogLevel::Off};
}

inline DatabaseOptions quiet_read_only() {
    return DatabaseOptions{.read_only = true, .console_level = LogLevel::Off};
}

// An in-memory database created from tests/schemas/<relative>.
inline Database memory_db(const std::string& relative) {
    return Database::from_schema(":memory:", schema_path(relative), quiet());
}

// Every table (sqlite_master, including sqlite_sequence), every row (ordered), the schema SQL
// and PRAGMA user_version, read through the same connection (so uncommitted changes of an open
// transaction are included).
inline std::string snapshot(Database& db) {
    return snapshot_of([&db](const std::string& sql) { return db.query_string(sql).value_or(""); });
}

// Snapshot of a database file through a separate raw SQLite connection (independent of the
// library). Only committed data is visible.
inline std::string file_snapshot(const std::string& path) {
    sqlite3* raw = nullptr;
    if (sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        sqlite3_close(raw);
        return "<cannot open>";
    }
    auto query = [raw](const std::string& sql) {
        std::string result;
        sqlite3_stmt* stmt = nullptr;
        if (sqlite3_prepare_v2(raw, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
            result = std::string("<error: ") + sqlite3_errmsg(raw) + ">";
        } else if (sqlite3_step(stmt) == SQLITE_ROW) {
            const unsigned char* text = sqlite3_column_text(stmt, 0);
            if (text) result = reinterpret_cast<const char*>(text);
        }
        sqlite3_finalize(stmt);
        return result;
    };
    std::string out = snapshot_of(query);
    sqlite3_close(raw);
    return out;
}

// The integer that `sql` gives on a database file, through a raw connection; -1 when the file
// cannot be opened or the query gives no row.
inline int64_t file_query_integer(const std::string& path, const char* sql) {
    sqlite3* raw = nullptr;
    int64_t value = -1;
    if (sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
        sqlite3_stmt* stmt = nullptr;
        if (sqlite3_prepare_v2(raw, sql, -1, &stmt, nullptr) == SQLITE_OK && sqlite3_step(stmt) == SQLITE_ROW) {
            value = sqlite3_column_int64(stmt, 0);
        }
        sqlite3_finalize(stmt);
    }
    sqlite3_close(raw);
    return value;
}

// Number of tables in a database file (raw connection).
inline int64_t file_table_count(const std::string& path) {
    return file_query_integer(path, "SELECT count(*) FROM sqlite_master WHERE type = 'table'");
}

inline int64_t file_user_version(const std::string& path) {
    return file_query_integer(path, "PRAGMA user_version");
}

inline int64_t count_rows(Database& db, const std::string& table, const std::string& where = "") {
    return db.query_integer("SELECT count(*) FROM " + table + (where.empty() ? "" : " WHERE " + where))
        .value_or(-1);
}

// Runs `body` twice: in autocommit mode and inside a user transaction, which must still be open
// afterwards (a refused write never ends the caller's transaction); the transaction is then
// rolled back.
template <typename F>
void in_both_modes(Database& db, F&& body) {
    body();
    db.begin_transaction();
    body();
    EXPECT_TRUE(db.in_transaction());
    db.rollback();
}

template <typename T>
std::vector<T> sorted(std::vector<T> v) {
    std::sort(v.begin(), v.end());
    return v;
}

template <typename T>
std::vector<std::vector<T>> sorted_inner(std::vector<std::vector<T>> v) {
    for (auto& inner : v) std::sort(inner.begin(), inner.end());
    return v;
}

}  // namespace quiver::test

// Expects `stmt` to throw std::runtime_error whose what() equals `expected` exactly.
#define EXPECT_THROW_MSG(stmt, expected)                                                       \
    do {                                                                                       \
        try {                                                                                  \
            stmt;                                                                              \
            ADD_FAILURE() << "expected exception \"" << (expected) << "\" but nothing thrown"; \
        } catch (const std::runtime_error& e__) {                                              \
            EXPECT_EQ(std::string(e__.what()), std::string(expected));                         \
        } catch (const std::exception& e__) {                                                  \
            ADD_FAILURE() << "wrong exception type, what(): " << e__.what();                   \
        } catch (...) {                                                                        \
            ADD_FAILURE() << "non-std exception thrown";                                       \
        }                                                                                      \
    } while (0)

// Expects `stmt` to throw std::runtime_error whose what() starts with `prefix`.
#define EXPECT_THROW_PREFIX(stmt, prefix)                                                      \
    do {                                                                                       \
        try {                                                                                  \
            stmt;                                                                              \
            ADD_FAILURE() << "expected exception starting with \"" << (prefix)                 \
                          << "\" but nothing thrown";                                          \
        } catch (const std::runtime_error& e__) {                                              \
            EXPECT_EQ(std::string(e__.what()).rfind(std::string(prefix), 0), 0u)               \
                << "what(): " << e__.what();                                                   \
        } catch (const std::exception& e__) {                                                  \
            ADD_FAILURE() << "wrong exception type, what(): " << e__.what();                   \
        } catch (...) {                                                                        \
            ADD_FAILURE() << "non-std exception thrown";                                       \
        }                                                                                      \
    } while (0)

// Expects the exact failure and that the database is unchanged afterwards (whole snapshot,
// including an open transaction's state).
#define EXPECT_FAILS_UNCHANGED(db, stmt, expected)                         \
    do {                                                                   \
        const std::string before__ = ::quiver::test::snapshot(db);         \
        const bool in_tx__ = (db).in_transaction();                        \
        EXPECT_THROW_MSG(stmt, expected);                                  \
        EXPECT_EQ(::quiver::test::snapshot(db), before__)                  \
            << "database changed by a failed call";                        \
        EXPECT_EQ((db).in_transaction(), in_tx__);                         \
    } while (0)

#define EXPECT_FAILS_UNCHANGED_PREFIX(db, stmt, prefix)                    \
    do {                                                                   \
        const std::string before__ = ::quiver::test::snapshot(db);         \
        const bool in_tx__ = (db).in_transaction();                        \
        EXPECT_THROW_PREFIX(stmt, prefix);                                 \
        EXPECT_EQ(::quiver::test::snapshot(db), before__)                  \
            << "database changed by a failed call";                        \
        EXPECT_EQ((db).in_transaction(), in_tx__);                         \
    } while (0)

#endif  // QUIVER_TESTS_CPP_TEST_HELPERS_H
