/* Compiled as C (not C++): proves the public headers are valid C and the library is usable from
 * plain C. Called from test_c_language.cpp. Returns 0 on success, else the failing step number. */
#include "quiver/c/common.h"
#include "quiver/c/database.h"
#include "quiver/c/element.h"
#include "quiver/c/lua_runner.h"
#include "quiver/c/options.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

int quiver_c_language_check(const char* db_path, const char* schema_path);

int quiver_c_language_check(const char* db_path, const char* schema_path) {
    quiver_database_options_t options = quiver_database_options_default();
    quiver_database_t* db = NULL;
    quiver_element_t* element = NULL;
    int64_t id = 0;
    int64_t* values = NULL;
    uint8_t* mask = NULL;
    size_t count = 0;
    bool active = true;
    int result = 0;

    options.console_level = QUIVER_LOG_OFF;
    if (strcmp(quiver_version(), "0.6.0") != 0) return 1;
    if (quiver_database_from_schema(db_path, schema_path, &options, &db) != QUIVER_OK) return 2;
    if (quiver_element_create(&element) != QUIVER_OK) result = 3;
    if (!result && quiver_element_set_string(element, "label", "from C") != QUIVER_OK) result = 4;
    if (!result && quiver_element_set_integer(element, "quantity", 7) != QUIVER_OK) result = 5;
    if (!result && quiver_database_create_element(db, "Item", element, &id) != QUIVER_OK) result = 6;
    if (!result && quiver_database_read_scalar_integers(db, "Item", "quantity", &values, &mask, &count) != QUIVER_OK)
        result = 7;
    if (!result && (count != 1 || mask[0] != 1 || values[0] != 7)) result = 8;
    if (!result && quiver_database_in_transaction(db, &active) != QUIVER_OK) result = 9;
    if (!result && active) result = 10;
    if (values) quiver_database_free_integer_array(values);
    quiver_database_free_mask(mask);
    if (element) quiver_element_destroy(element);
    quiver_database_close(db);
    return result;
}
