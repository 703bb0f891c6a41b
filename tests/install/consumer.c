/* A C program outside the tree, built against an installed Quiver (through CMake, pkg-config
 * or cc alone): creates a database from a schema, writes an element and reads it back.
 * Usage: consumer_c <schema.sql> */
#include <quiver/c/common.h>
#include <quiver/c/database.h>
#include <quiver/c/element.h>

#include <stdio.h>
#include <string.h>

static int fail(const char* what) {
    fprintf(stderr, "%s: %s\n", what, quiver_get_last_error());
    puts("c consumer FAILED");
    return 1;
}

int main(int argc, char** argv) {
    quiver_database_options_t options = quiver_database_options_default();
    quiver_database_t* db = NULL;
    quiver_element_t* element = NULL;
    int64_t id = 0;
    int64_t units = 0;
    int has_units = 0;
    if (argc != 2) return 2;
    options.console_level = QUIVER_LOG_OFF;
    if (quiver_database_from_schema(":memory:", argv[1], &options, &db) != QUIVER_OK) return fail("open");
    if (quiver_element_create(&element) != QUIVER_OK) return fail("element");
    quiver_element_set_string(element, "label", "Plant 1");
    quiver_element_set_integer(element, "units", 3);
    if (quiver_database_create_element(db, "Plant", element, &id) != QUIVER_OK) return fail("create");
    quiver_element_destroy(element);
    if (quiver_database_query_integer(db, "SELECT units FROM Plant", &units, &has_units) != QUIVER_OK)
        return fail("query");
    quiver_database_close(db);
    if (id != 1 || !has_units || units != 3 || strcmp(quiver_version(), QUIVER_EXPECTED_VERSION) != 0) {
        fprintf(stderr, "id %lld, units %lld (%d), version %s, expected %s\n", (long long)id,
                (long long)units, has_units, quiver_version(), QUIVER_EXPECTED_VERSION);
        return fail("check");
    }
    puts("c consumer OK");
    return 0;
}
