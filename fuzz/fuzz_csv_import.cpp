// fuzz_csv_import: arbitrary bytes imported as a CSV file into a fixed, populated database
// (tests/schemas/valid/csv_full.sql), as a scalar import or a group import; after a successful
// import the same table is exported and the export imported again.
//
// Input: the CSV file's bytes, followed by up to four control bytes that FuzzedDataProvider
// reads from the end (last byte first): target table, date_time_format, enum labels on/off,
// inside a user transaction on/off (see fuzz/README.md).
//
// Checked:
//   - every failure is a std::runtime_error (anything else aborts, see fuzz_common.cpp);
//   - a failed import changes nothing, also inside a user transaction (D3, D9);
//   - export after a successful import succeeds;
//   - without a date_time_format, the export re-imports to exactly the same data (D8), unless
//     a stored text contains '"' or CR, which the specified export format writes raw (§8.2).
// The database is created once and reset to its populated contents before every input.
#include "fuzz_common.h"

#include <fuzzer/FuzzedDataProvider.h>
#include <algorithm>
#include <sqlite3.h>

using quiver::CSVOptions;
using quiver::Database;
using quiver::Element;
namespace fz = quiver::fuzz;

namespace {

struct Target {
    const char* collection;
    const char* group;
};

// Order is part of the input format (make_seeds.py mirrors it).
const std::vector<Target> kTargets = {
    {"Item", ""},           {"Owner", ""},          {"Shipment", ""},      {"Configuration", ""},
    {"Item", "values"},     {"Item", "refs"},       {"Item", "tags"},      {"Item", "levels"},
    {"Item", "readings"},   {"Item", "files"},      {"Nope", ""}};

const std::vector<std::string> kFormats = {"", "%d/%m/%Y", "%Y-%m-%d %H:%M", "%s", "%Y%m%dT%H%M%S",
                                           "%d %b %Y %H:%M:%S"};

CSVOptions options(size_t format, bool enums) {
    CSVOptions o;
    o.date_time_format = kFormats[format];
    if (enums) {
        o.enum_labels["status"]["en"] = {{"Active", 1}, {"Inactive", 2}};
        o.enum_labels["status"]["pt"] = {{"Ativo", 1}, {"\xC3\x89PICO", 3}};
        o.enum_labels["level"]["en"] = {{"Low", 1}, {"High", 9}};
        o.enum_labels["humidity"]["en"] = {{"Dry", 0}};
    }
    return o;
}

Database fresh_database() {
    auto db = Database::from_schema(":memory:", fz::schema_path("valid/csv_full.sql"), fz::quiet());
    db.create_element("Configuration", Element().set("label", std::string("Config")));
    db.create_element("Owner", Element().set("label", std::string("Owner 1")).set("budget", 10.5));
    db.create_element("Owner", Element().set("label", std::string("Owner, Two")));
    db.create_element("Item", Element()
                                  .set("label", std::string("Item 1"))
                                  .set("quantity", int64_t{3})
                                  .set("price", 9.99)
                                  .set("date_created", std::string("2024-01-15T10:30:00"))
                                  .set("owner_id", std::string("Owner 1"))
                                  .set("code", std::string("A1"))
                                  .set("value_int", std::vector<int64_t>{1, 2})
                                  .set("value_text", std::vector<std::string>{"x", "y z"})
                                  .set("owner_ref", std::vector<std::string>{"Owner 1", "Owner, Two"})
                                  .set("tag", std::vector<std::string>{"red", "blue"})
                                  .set("level", std::vector<int64_t>{1, 9})
                                  .set("date_time", std::vector<std::string>{"2024-01-01T00:00:00",
                                                                             "2024-01-02T00:00:00"})
                                  .set("temperature", std::vector<double>{20.5, 21.0}));
    db.create_element("Item", Element()
                                  .set("label", std::string("Item 2"))
                                  .set("status", int64_t{2})
                                  .set("sibling_id", std::string("Item 1")));
    db.create_element("Shipment", Element().set("label", std::string("Ship 1")).set("item_id", int64_t{1}));
    return db;
}

// One database for the whole run, reset to the populated template before every input.
struct Fixture {
    Database db = fresh_database();
    sqlite3* connection = fz::last_opened_connection();
    fz::DatabaseTemplate populated{connection};
    fz::Snapshotter snapshots{connection};
};

Fixture& fixture() {
    static Fixture f;
    return f;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    fz::init_process();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    FuzzedDataProvider fdp(data, size);
    const Target target = kTargets[fdp.ConsumeIntegralInRange<size_t>(0, kTargets.size() - 1)];
    const size_t format = fdp.ConsumeIntegralInRange<size_t>(0, kFormats.size() - 1);
    const bool enums = fdp.ConsumeBool();
    const bool in_transaction = fdp.ConsumeBool();
    const std::string csv = fdp.ConsumeRemainingBytesAsString();

    const auto& dir = fz::init_process();
    const std::string in_path = (dir / "in.csv").string();
    const std::string out_path = (dir / "out.csv").string();
    fz::write_file(in_path, csv);

    Fixture& f = fixture();
    if (f.db.in_transaction()) f.db.rollback();
    f.populated.restore();
    Database& db = f.db;
    const CSVOptions opts = options(format, enums);
    if (in_transaction) db.begin_transaction();

    if (!fz::checked_write(db, f.snapshots, "import_csv", [&] { db.import_csv(target.collection, target.group, in_path, opts); })) {
        return 0;
    }

    const std::string imported = f.snapshots.take();
    try {
        db.export_csv(target.collection, target.group, out_path, opts);
    } catch (const std::runtime_error& e) {
        fz::violation("export_csv failed after a successful import_csv", e.what());
    }
    // Without a date format, and unless a stored text holds '"' or CR (which the specified
    // export format writes raw, §8.2, so such a file need not parse back), the export must
    // import again to exactly the same data (D8). Otherwise the re-import only has to fail
    // cleanly.
    const std::string rows = imported.substr(std::min(imported.size(), imported.find("\n== ")));
    const bool round_trip = opts.date_time_format.empty() && rows.find_first_of("\"\r") == std::string::npos;
    std::string reimport_error;
    try {
        db.import_csv(target.collection, target.group, out_path, opts);
    } catch (const std::runtime_error& e) {
        reimport_error = e.what();
    }
    if (round_trip) {
        if (!reimport_error.empty()) {
            fz::violation("the export of a successful import does not import again (D8)",
                          reimport_error + "\n--- exported file ---\n" + fz::read_file(out_path));
        }
        const std::string reimported = f.snapshots.take();
        if (reimported != imported) {
            fz::violation("export + import changed the data (D8)",
                          "--- after import ---\n" + imported + "--- after re-import ---\n" + reimported +
                              "--- exported file ---\n" + fz::read_file(out_path));
        }
    }
    if (db.in_transaction() != in_transaction) fz::violation("import/export changed the transaction state");
    if (db.in_transaction()) db.rollback();
    return 0;
}
