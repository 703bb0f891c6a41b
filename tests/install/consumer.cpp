// Links against an installed Quiver through its CMake package and opens a database.
#include <quiver/c/common.h>
#include <quiver/quiver.h>

#include <cstdio>
#include <cstring>

int main() {
    quiver::Database db(":memory:", {.read_only = false, .console_level = quiver::LogLevel::Off});
    const bool ok = db.is_healthy() && std::strcmp(quiver_version(), "0.6.0") == 0 &&
                    db.query_integer("SELECT 41 + 1") == 42;
    std::puts(ok ? "consumer OK" : "consumer FAILED");
    return ok ? 0 : 1;
}
