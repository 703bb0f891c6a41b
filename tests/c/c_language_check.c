/* Compiled as C (not C++): proves the public headers are valid C and the library is usable from
 * plain C. Called from test_c_language.cpp. Returns 0 on success, else the failing step number. */
#include "quiver/c/common.h"
#include "quiver/c/database.h"
#include "quiver/c/element.h"
#include "quiver/c/lua_runner.h"
#include "quiver/c/options.h"

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
    int active = 1;
    const int64_t cells[] = {5, 0, 7};
    const uint8_t present[] = {1, 0, 1};
    char** names = NULL;
    int* types = NULL;
    void** data = NULL;
    uint8_t** has_value = NULL;
    size_t columns = 0;
    size_t rows = 0;
    const char* dates[] = {"2024-01-01", "2024-01-02"};
    const double measurements[] = {1.5, 0.0};
    const uint8_t measured[] = {1, 0};
    const char* ts_names[] = {"date_time", "measurement"};
    const int ts_types[] = {QUIVER_DATA_TYPE_STRING, QUIVER_DATA_TYPE_FLOAT};
    const void* ts_data[] = {dates, measurements};
    const uint8_t* ts_masks[] = {NULL, measured};
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
    if (!result && active != 0) result = 10;
    /* NULL cells: an element array with a presence mask, a time series with masks both ways. */
    if (!result && quiver_element_clear(element) != QUIVER_OK) result = 11;
    if (!result && quiver_element_set_array_integer(element, "value_int", cells, 3, present) != QUIVER_OK) result = 12;
    if (!result && quiver_database_update_element(db, "Item", id, element) != QUIVER_OK) result = 13;
    if (!result && quiver_database_update_time_series_group(db, "Item", "readings", id, ts_names, ts_types, ts_data,
                                                            ts_masks, 2, 2) != QUIVER_OK)
        result = 14;
    if (!result && quiver_database_read_time_series_group(db, "Item", "readings", id, &names, &types, &data, &has_value,
                                                          &columns, &rows) != QUIVER_OK)
        result = 15;
    if (!result && (rows != 2 || columns != 5 || strcmp(names[3], "measurement") != 0)) result = 16;
    if (!result && (has_value[3][0] != 1 || has_value[3][1] != 0 || ((double*)data[3])[0] != 1.5)) result = 17;
    if (quiver_database_free_time_series_data(names, types, data, has_value, columns, rows) != QUIVER_OK && !result)
        result = 18;
    if (values) quiver_database_free_integer_array(values);
    quiver_database_free_mask(mask);
    if (element) quiver_element_destroy(element);
    quiver_database_close(db);
    return result;
}
