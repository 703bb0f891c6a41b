/* Quiver from C: examples/cpp/energy_planning.cpp's steps and report through the C API.
 *   energy_planning_c <schema.sql> <output directory, holding a results/ directory>
 * Every function returns QUIVER_OK or QUIVER_ERROR (message: quiver_get_last_error()), results
 * come back through out-parameters, and what the library allocates has a _free_ function. */
#include <quiver/c/binary/binary_file.h>
#include <quiver/c/database.h>
#include <quiver/c/element.h>

#include <stdio.h>
#include <stdlib.h>

/* Stops the program with the library's message when a call fails. */
#define CHECK(call) \
    do { if ((call) != QUIVER_OK) { fprintf(stderr, "error: %s\n", quiver_get_last_error()); exit(1); } } while (0)

/* One plant: scalars, a fuel given by label, and the capacities of its units (an array, routed by
 * column name to Plant_vector_units; its other column, unit_name, stays NULL). */
static void create_plant(quiver_database_t* db, const char* label, double capacity, const char* fuel,
                         const double* unit_capacities, int32_t units) {
    quiver_element_t* plant = NULL;
    int64_t id = 0;
    CHECK(quiver_element_create(&plant));
    CHECK(quiver_element_set_string(plant, "label", label));
    CHECK(quiver_element_set_float(plant, "capacity", capacity));
    CHECK(quiver_element_set_string(plant, "fuel_id", fuel)); /* a label, resolved to Fuel.id */
    CHECK(quiver_element_set_array_float(plant, "unit_capacity", unit_capacities, units, NULL)); /* no NULL cells */
    CHECK(quiver_database_create_element(db, "Plant", plant, &id));
    CHECK(quiver_element_destroy(plant));
}

/* One time-series row (date_time, generation) inserted or updated for the plant with that label. */
static void upsert_generation(quiver_database_t* db, const char* label, const char* date_time, double generation) {
    const char* names[] = {"date_time", "generation"};
    const int types[] = {QUIVER_DATA_TYPE_STRING, QUIVER_DATA_TYPE_FLOAT};
    const void* data[] = {&date_time, &generation}; /* each points to ONE value */
    CHECK(quiver_database_upsert_time_series_row_by_label(db, "Plant", "generation", label, names, types, data, 2));
}

int main(int argc, char** argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: %s <schema.sql> <output directory>\n", argv[0]);
        return 2;
    }
    char db_path[4096], bin_path[4096];
    snprintf(db_path, sizeof db_path, "%s/plan.db", argv[2]);
    snprintf(bin_path, sizeof bin_path, "%s/results/generation", argv[2]);

    /* 1. A new database from the schema; NULL options = quiver_database_options_default(). */
    quiver_database_t* db = NULL;
    CHECK(quiver_database_from_schema(db_path, argv[1], NULL, &db));

    /* 2. Fuels and plants. */
    const char* fuels[] = {"Gas", "Coal", "Uranium"};
    quiver_element_t* fuel = NULL;
    int64_t id = 0;
    CHECK(quiver_element_create(&fuel));
    for (int i = 0; i < 3; ++i) { /* setting a name again replaces it: one element, reused */
        CHECK(quiver_element_set_string(fuel, "label", fuels[i]));
        CHECK(quiver_database_create_element(db, "Fuel", fuel, &id));
    }
    CHECK(quiver_element_destroy(fuel));
    const double riverside_units[] = {150.0, 150.0, 150.0}, hilltop_units[] = {75.0, 75.0}, seaview_units[] = {1100.0};
    create_plant(db, "Riverside", 450.0, "Gas", riverside_units, 3);
    create_plant(db, "Hilltop", 150.0, "Gas", hilltop_units, 2);
    create_plant(db, "Seaview", 1100.0, "Uranium", seaview_units, 1);

    /* 3. Label-addressed writes: no id lookups needed. Each call is atomic. */
    quiver_element_t* change = NULL;
    CHECK(quiver_element_create(&change));
    CHECK(quiver_element_set_float(change, "capacity", 500.0));
    CHECK(quiver_database_update_element_by_label(db, "Plant", "Riverside", change));
    CHECK(quiver_element_destroy(change));
    CHECK(quiver_database_update_relation_by_label(db, "Plant", "Fuel", "id", "Hilltop", "Coal")); /* fuel_id */

    /* 4. Bulk reads: one entry per element in id order; masks say which scalars are not NULL. */
    char** labels = NULL;
    double* capacities = NULL;
    uint8_t* has_capacity = NULL;
    size_t count = 0;
    CHECK(quiver_database_read_scalar_strings(db, "Plant", "label", &labels, &count));
    CHECK(quiver_database_read_scalar_floats(db, "Plant", "capacity", &capacities, &has_capacity, &count));
    printf("%zu plants in plan.db\n", count);
    for (size_t i = 0; i < count; ++i) printf("  %-10s %7.1f MW\n", labels[i], has_capacity[i] ? capacities[i] : 0.0);

    /* 5. Time series rows by label, then one row across all plants. */
    upsert_generation(db, "Riverside", "2024-01-01T00:00:00", 7900.0);
    upsert_generation(db, "Riverside", "2024-01-01T12:00:00", 8100.0);
    upsert_generation(db, "Hilltop", "2024-01-01T18:00:00", 900.0);
    upsert_generation(db, "Seaview", "2024-01-01T06:00:00", 26400.0);
    int type = 0; /* the attribute's type code */
    void* row = NULL; uint8_t* has_value = NULL; size_t row_count = 0; /* has_value[i] == 0: no value */
    CHECK(quiver_database_read_time_series_row(db, "Plant", "generation", "generation", "2024-01-01T12:00:00", &type,
                                               &row, &has_value, &row_count));
    printf("Generation at 2024-01-01T12:00:00\n");
    for (size_t i = 0; i < row_count; ++i) { /* type is QUIVER_DATA_TYPE_FLOAT: row is a double* */
        if (has_value[i]) printf("  %-10s %7.1f MWh\n", labels[i], ((double*)row)[i]);
        else printf("  %-10s no value yet\n", labels[i]);
    }
    CHECK(quiver_database_free_float_array(row));
    CHECK(quiver_database_free_mask(has_value));

    /* 6. A binary output file: 3 monthly stages x 2 scenarios, one value per plant. */
    quiver_binary_metadata_t* md = NULL;
    CHECK(quiver_binary_metadata_create(&md));
    CHECK(quiver_binary_metadata_set_version(md, "1"));
    CHECK(quiver_binary_metadata_set_unit(md, "MWh"));
    CHECK(quiver_binary_metadata_set_initial_datetime(md, "2024-01-01"));
    CHECK(quiver_binary_metadata_add_time_dimension(md, "stage", 3, "monthly"));
    CHECK(quiver_binary_metadata_add_dimension(md, "scenario", 2));
    CHECK(quiver_binary_metadata_set_labels(md, (const char* const*)labels, count));
    quiver_binary_file_t* file = NULL;
    CHECK(quiver_binary_file_open_file(bin_path, 'w', md, &file)); /* writes generation.toml */
    double values[3];
    for (int64_t stage = 1; stage <= 3; ++stage) {
        for (int64_t scenario = 1; scenario <= 2; ++scenario) {
            for (size_t p = 0; p < count; ++p) values[p] = capacities[p] * 720.0 * (scenario == 1 ? 1.0 : 0.9);
            const int64_t at[] = {stage, scenario}; /* metadata dimension order, 1-based */
            CHECK(quiver_binary_file_write_at(file, at, 2, values, count)); /* one value per label */
        }
    }
    CHECK(quiver_binary_file_close(file)); /* closes and frees: the data is in generation.qvr */

    CHECK(quiver_binary_file_open_file(bin_path, 'r', NULL, &file)); /* metadata from the .toml */
    size_t value_count = 0;
    CHECK(quiver_binary_metadata_get_value_count(md, &value_count));
    printf("results/generation: 3 stages x 2 scenarios x %zu plants (%zu values, MWh)\n", count, value_count);
    const char* names[] = {"stage", "scenario"};
    const int64_t coordinates[] = {2, 1};
    double* cell = NULL; size_t cell_count = 0; /* new: one value per label */
    CHECK(quiver_binary_file_read(file, names, coordinates, 2, 0, &cell, &cell_count));
    printf("  stage 2, scenario 1:");
    for (size_t p = 0; p < cell_count; ++p) printf("%s %s %.1f", p ? "," : "", labels[p], cell[p]);
    printf("\n");

    /* Release everything the library allocated, then close. */
    CHECK(quiver_binary_file_free_float_array(cell));
    CHECK(quiver_binary_file_close(file));
    CHECK(quiver_binary_metadata_free(md));
    CHECK(quiver_database_free_string_array(labels, count));
    CHECK(quiver_database_free_float_array(capacities));
    CHECK(quiver_database_free_mask(has_capacity));
    CHECK(quiver_database_close(db));
    return 0;
}
