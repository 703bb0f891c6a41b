// Raw SQLite access for the C++ and Lua suites: reaching a database file around the library, to
// store what the library would refuse (corrupt or foreign content) or to see only committed data.
// The suites that use it link SQLite::SQLite3 themselves; the C API suite does not.
#ifndef QUIVER_TESTS_RAW_SQLITE_H
#define QUIVER_TESTS_RAW_SQLITE_H

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <string>

namespace quiver::test {

// Executes a whole SQL script on the file through a raw connection (creating the file).
inline void raw_exec(const std::string& path, const std::string& sql) {
    sqlite3* raw = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &raw), SQLITE_OK);
    char* err = nullptr;
    const int rc = sqlite3_exec(raw, sql.c_str(), nullptr, nullptr, &err);
    const std::string message = err ? err : "";
    sqlite3_free(err);
    sqlite3_close(raw);
    ASSERT_EQ(rc, SQLITE_OK) << message;
}

}  // namespace quiver::test

#endif  // QUIVER_TESTS_RAW_SQLITE_H
