// Quiver from C++: a small energy-planning model (schema: examples/energy_planning.sql).
//
//   energy_planning <schema.sql> <output directory>
//
// Creates <output directory>/plan.db from the schema, writes fuels and plants (addressed by
// label afterwards), reads them back in bulk, reads one time-series row across all plants and
// writes a binary output file (results/generation.qvr + .toml) that it reads back.
// examples/c/energy_planning.c does the same through the C API and prints the same report.
#include <quiver/binary/binary_file.h>
#include <quiver/quiver.h>

#include <cstdio>
#include <exception>
#include <filesystem>
#include <string>
#include <variant>
#include <vector>

int main(int argc, char** argv) try {
    if (argc != 3) {
        std::fprintf(stderr, "usage: %s <schema.sql> <output directory>\n", argv[0]);
        return 2;
    }
    const std::filesystem::path out = argv[2];
    std::filesystem::create_directories(out / "results");

    // 1. A new database from the schema (an existing plan.db is replaced). Quiet by default.
    auto db = quiver::Database::from_schema((out / "plan.db").string(), argv[1]);

    // 2. Elements are built from plain literals. A string in a foreign-key column (fuel_id) is
    //    the label of the referenced element; arrays are routed by column name to the groups
    //    that have that column (unit_name and unit_capacity fill Plant_vector_units, tag fills
    //    Plant_set_tags).
    db.create_element("Fuel", quiver::Element().set("label", "Gas").set("price", 28.0));
    db.create_element("Fuel", quiver::Element().set("label", "Coal").set("price", 12.5));
    db.create_element("Fuel", quiver::Element().set("label", "Uranium").set("price", 6.0));
    db.create_element("Plant", quiver::Element()
                                   .set("label", "Riverside")
                                   .set("capacity", 450.0)
                                   .set("fuel_id", "Gas")
                                   .set("unit_name", {"RS-1", "RS-2", "RS-3"})
                                   .set("unit_capacity", {150.0, 150.0, 150.0})
                                   .set("tag", {"baseload", "thermal"}));
    db.create_element("Plant", quiver::Element()
                                   .set("label", "Hilltop")
                                   .set("capacity", 150.0)
                                   .set("fuel_id", "Gas")
                                   .set("unit_name", {"HT-A", "HT-B"})
                                   .set("unit_capacity", {75.0, 75.0}));
    db.create_element("Plant", quiver::Element()
                                   .set("label", "Seaview")
                                   .set("capacity", 1100.0)
                                   .set("fuel_id", "Uranium")
                                   .set("unit_name", {"SV-1"})
                                   .set("unit_capacity", {1100.0}));

    // 3. Label-addressed writes: no id lookups needed. Each call is atomic.
    db.update_element("Plant", "Riverside", quiver::Element().set("capacity", 500.0));
    db.update_relation("Plant", "Fuel", "id", "Hilltop", "Coal");  // Plant.fuel_id of Hilltop -> Coal

    // 4. Bulk reads: one entry per element, in id order (std::nullopt for a NULL scalar).
    const auto labels = db.read_scalar_strings("Plant", "label");
    const auto capacities = db.read_scalar_floats("Plant", "capacity");
    std::printf("%zu plants in plan.db\n", labels.size());
    for (size_t i = 0; i < labels.size(); ++i) {
        std::printf("  %-10s %7.1f MW\n", labels[i]->c_str(), capacities[i].value_or(0.0));
    }

    // 5. Time series: replace a plant's rows, or insert/update one row, by label; then read one
    //    row across all plants: each plant's last value at or before the given time.
    db.update_time_series_group("Plant", "generation", "Riverside",
                                {{{"date_time", "2024-01-01T00:00:00"}, {"generation", 7900.0}},
                                 {{"date_time", "2024-01-01T12:00:00"}, {"generation", 8100.0}}});
    db.upsert_time_series_row("Plant", "generation", "Hilltop",
                              {{"date_time", "2024-01-01T18:00:00"}, {"generation", 900.0}});
    db.upsert_time_series_row("Plant", "generation", "Seaview",
                              {{"date_time", "2024-01-01T06:00:00"}, {"generation", 26400.0}});
    const auto at_noon = db.read_time_series_row("Plant", "generation", "generation", "2024-01-01T12:00:00");
    std::printf("Generation at 2024-01-01T12:00:00\n");
    for (size_t i = 0; i < at_noon.size(); ++i) {
        if (const double* value = std::get_if<double>(&at_noon[i])) {
            std::printf("  %-10s %7.1f MWh\n", labels[i]->c_str(), *value);
        } else {
            std::printf("  %-10s no value yet\n", labels[i]->c_str());  // nullptr: nothing at or before
        }
    }

    // 6. A binary output file: 3 monthly stages x 2 scenarios, one value per plant (the labels).
    quiver::BinaryMetadata md;
    md.version = "1";
    md.unit = "MWh";
    md.set_initial_datetime("2024-01-01");
    md.add_time_dimension("stage", 3, "monthly");
    md.add_dimension("scenario", 2);
    for (const auto& label : labels) md.labels.push_back(*label);
    const std::string path = (out / "results" / "generation").string();  // base path, no extension
    {
        auto file = quiver::BinaryFile::open_file(path, 'w', md);  // writes generation.toml
        std::vector<double> values(labels.size());
        for (int64_t stage = 1; stage <= 3; ++stage) {
            for (int64_t scenario = 1; scenario <= 2; ++scenario) {
                for (size_t p = 0; p < values.size(); ++p) {
                    values[p] = capacities[p].value_or(0.0) * 720.0 * (scenario == 1 ? 1.0 : 0.9);
                }
                const int64_t at[] = {stage, scenario};  // metadata dimension order, 1-based
                file.write_at(at, values);
            }
        }
    }  // closed at the end of the scope: the data is in generation.qvr

    auto file = quiver::BinaryFile::open_file(path, 'r');  // metadata read from generation.toml
    const auto& shape = file.get_metadata();
    std::printf("results/generation: %lld stages x %lld scenarios x %zu plants (%lld values, %s)\n",
                static_cast<long long>(shape.dimensions[0].size), static_cast<long long>(shape.dimensions[1].size),
                shape.labels.size(), static_cast<long long>(shape.value_count()), shape.unit.c_str());
    const auto cell = file.read({{"stage", 2}, {"scenario", 1}});  // addressed by dimension name
    std::printf("  stage 2, scenario 1:");
    for (size_t p = 0; p < cell.size(); ++p) {
        std::printf("%s %s %.1f", p ? "," : "", shape.labels[p].c_str(), cell[p]);
    }
    std::printf("\n");
    return 0;
} catch (const std::exception& e) {  // every Quiver error is a std::runtime_error
    std::fprintf(stderr, "error: %s\n", e.what());
    return 1;
}
