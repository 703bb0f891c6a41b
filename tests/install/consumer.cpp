// A C++ program outside the tree, built against an installed Quiver (through CMake's
// find_package or through pkg-config): creates a database from a schema, writes an element
// with plain literals and reads it back. Usage: consumer <schema.sql>
#include <quiver/quiver.h>

#include <cstdio>

int main(int argc, char** argv) {
    if (argc != 2) return 2;
    auto db = quiver::Database::from_schema(
        ":memory:", argv[1], {.read_only = false, .console_level = quiver::LogLevel::Off});
    db.create_element("Plant", quiver::Element().set("label", "Plant 1").set("units", 3).set("capacity", 1.5));
    const auto units = db.read_scalar_integers("Plant", "units");
    const bool ok = units.size() == 1 && units[0] == 3 &&
                    db.query_float("SELECT capacity FROM Plant") == 1.5;
    std::puts(ok ? "cpp consumer OK" : "cpp consumer FAILED");
    return ok ? 0 : 1;
}
