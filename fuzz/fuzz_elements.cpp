// fuzz_elements: sequences of element writes and reads decoded from the input with
// FuzzedDataProvider, against tests/schemas/valid/csv_full.sql (collections with FKs, a self
// reference, a second UNIQUE column, vectors, sets, a time series and a files table).
//
// Names (collections, attributes, groups) come from a vocabulary of the schema's names or are
// random strings; values are nulls, integers, floats and strings of every kind the Element
// API can carry. Checked:
//   - every failure is a std::runtime_error (anything else aborts, see fuzz_common.cpp);
//   - the atomic-write invariant (semantics §4.7, D3): a failed create/update/delete,
//     update_time_series_group or update_time_series_files leaves the whole database unchanged
//     (snapshot compare) and keeps the user transaction state;
//   - a successful create_element returns an id that read_element_ids then lists;
//   - round trips (fuzz_roundtrip.h): NULL cells and dates written are exactly what is stored
//     and read back, valid dates are accepted and invalid ones refused (D20, D22).
// The database is created once and reset to its populated contents before every input.
// The input format is described in fuzz/README.md; fuzz/tools/make_seeds.py writes seeds in it.
#include "fuzz_common.h"
#include "fuzz_roundtrip.h"

#include <fuzzer/FuzzedDataProvider.h>
#include <sqlite3.h>

#include <algorithm>
#include <cstring>
#include <limits>
#include <map>
#include <optional>

using quiver::Database;
using quiver::Element;
using quiver::Value;
namespace fz = quiver::fuzz;

namespace {

// Vocabulary order is part of the input format (make_seeds.py mirrors these tables).
const std::vector<std::string> kCollections = {
    "Configuration", "Owner", "Item", "Shipment", "Item_vector_values", "Item_set_tags",
    "Item_time_series_readings", "Item_time_series_files", "", "Nope"};

const std::vector<std::string> kAttributes = {
    "label",     "quantity",    "price",    "description", "date_created", "date_due",
    "status",    "owner_id",    "sibling_id", "code",      "budget",       "item_id",
    "value_int", "value_float", "value_text", "owner_ref", "friend_id",    "tag",
    "level",     "date_time",   "temperature", "humidity", "note",         "inflow",
    "id",        "vector_index", "",        "nope"};

const std::vector<std::string> kGroups = {"readings", "values", "tags", "levels", "refs", "files", "", "nope"};

const std::vector<std::string> kStrings = {
    "Owner 1", "Owner 2", "Item 1", "Item 2", "  Item 1  ", "", "   ", "2024-01-01T00:00:00",
    "2024-01-01", "x", "12", "a,b \"c\"\n", "\xC3\xA9\xE2\x82\xAC", std::string("nul\0byte", 8)};

const std::vector<double> kDoubles = {0.0, -0.0, 1.5, -2.25, 1e308, -1e-308, 5e-324,
                                      std::numeric_limits<double>::infinity(),
                                      -std::numeric_limits<double>::infinity(),
                                      std::numeric_limits<double>::quiet_NaN(), 123456789.125, 3.0};

class Decoder {
public:
    explicit Decoder(FuzzedDataProvider& fdp) : fdp_(fdp) {}

    // A vocabulary entry, or (index == size) a random string.
    std::string name(const std::vector<std::string>& vocabulary) {
        const size_t index = fdp_.ConsumeIntegralInRange<size_t>(0, vocabulary.size());
        if (index < vocabulary.size()) return vocabulary[index];
        return fdp_.ConsumeRandomLengthString(24);
    }

    int64_t integer() {
        switch (fdp_.ConsumeIntegralInRange<int>(0, 3)) {
        case 0: return fdp_.ConsumeIntegralInRange<int64_t>(-2, 9);
        case 1: return fdp_.ConsumeIntegral<int64_t>();
        case 2: return last_id_;
        default: return std::numeric_limits<int64_t>::max();
        }
    }

    double floating() {
        const size_t index = fdp_.ConsumeIntegralInRange<size_t>(0, kDoubles.size());
        if (index < kDoubles.size()) return kDoubles[index];
        const uint64_t bits = fdp_.ConsumeIntegral<uint64_t>();
        double value = 0;
        std::memcpy(&value, &bits, sizeof value);
        return value;
    }

    std::string text() { return name(kStrings); }

    // 0 null, 1 integer, 2 float, 3 string.
    Value value() {
        switch (fdp_.ConsumeIntegralInRange<int>(0, 3)) {
        case 0: return nullptr;
        case 1: return integer();
        case 2: return floating();
        default: return text();
        }
    }

    int64_t id() {
        switch (fdp_.ConsumeIntegralInRange<int>(0, 3)) {
        case 0: return fdp_.ConsumeIntegralInRange<int64_t>(1, 4);
        case 1: return last_id_;
        case 2: return fdp_.ConsumeIntegral<int64_t>();
        default: return 0;
        }
    }

    Element element() {
        Element element;
        const int scalars = fdp_.ConsumeIntegralInRange<int>(0, 4);
        for (int i = 0; i < scalars; ++i) {
            const std::string attribute = name(kAttributes);
            const Value v = value();
            switch (v.index()) {
            case 0: element.set_null(attribute); break;
            case 1: element.set(attribute, std::get<int64_t>(v)); break;
            case 2: element.set(attribute, std::get<double>(v)); break;
            default: element.set(attribute, std::get<std::string>(v)); break;
            }
        }
        const int arrays = fdp_.ConsumeIntegralInRange<int>(0, 3);
        for (int i = 0; i < arrays; ++i) {
            const std::string attribute = name(kAttributes);
            const int kind = fdp_.ConsumeIntegralInRange<int>(0, 3);
            const size_t length = fdp_.ConsumeIntegralInRange<size_t>(0, 4);
            if (kind == 0) {
                std::vector<int64_t> values;
                for (size_t k = 0; k < length; ++k) values.push_back(integer());
                element.set(attribute, values);
            } else if (kind == 1) {
                std::vector<double> values;
                for (size_t k = 0; k < length; ++k) values.push_back(floating());
                element.set(attribute, values);
            } else if (kind == 2) {
                std::vector<std::string> values;
                for (size_t k = 0; k < length; ++k) values.push_back(text());
                element.set(attribute, values);
            } else {  // mixed cells, NULL included
                std::vector<Value> values;
                for (size_t k = 0; k < length; ++k) values.push_back(value());
                element.set(attribute, values);
            }
        }
        return element;
    }

    std::vector<std::map<std::string, Value>> rows() {
        std::vector<std::map<std::string, Value>> rows;
        const int count = fdp_.ConsumeIntegralInRange<int>(0, 3);
        for (int r = 0; r < count; ++r) {
            std::map<std::string, Value> row;
            const int cells = fdp_.ConsumeIntegralInRange<int>(0, 3);
            for (int c = 0; c < cells; ++c) {
                const std::string column = name(kAttributes);
                row[column] = value();
            }
            rows.push_back(std::move(row));
        }
        return rows;
    }

    std::map<std::string, std::optional<std::string>> paths() {
        std::map<std::string, std::optional<std::string>> paths;
        const int count = fdp_.ConsumeIntegralInRange<int>(0, 2);
        for (int i = 0; i < count; ++i) {
            const std::string column = name(kAttributes);
            if (fdp_.ConsumeBool()) {
                paths[column] = text();
            } else {
                paths[column] = std::nullopt;
            }
        }
        return paths;
    }

    void set_last_id(int64_t id) { last_id_ = id; }

private:
    FuzzedDataProvider& fdp_;
    int64_t last_id_ = 1;
};

bool is_real_collection(const std::string& name) {
    return name == "Configuration" || name == "Owner" || name == "Item" || name == "Shipment";
}

Database fresh_database() {
    auto db = Database::from_schema(":memory:", fz::schema_path("valid/csv_full.sql"), fz::quiet());
    db.create_element("Configuration", Element().set("label", std::string("Config")));
    db.create_element("Owner", Element().set("label", std::string("Owner 1")).set("budget", 10.5));
    db.create_element("Owner", Element().set("label", std::string("Owner 2")));
    db.create_element("Item", Element()
                                  .set("label", std::string("Item 1"))
                                  .set("owner_id", std::string("Owner 1"))
                                  .set("value_int", std::vector<int64_t>{1, 2})
                                  .set("value_float", std::vector<double>{0.5, 1.5})
                                  .set("tag", std::vector<std::string>{"a", "b"})
                                  .set("date_time", std::vector<std::string>{"2024-01-01T00:00:00"})
                                  .set("temperature", std::vector<double>{20.5}));
    db.create_element("Item", Element()
                                  .set("label", std::string("Item 2"))
                                  .set("sibling_id", std::string("Item 1"))
                                  .set("code", std::string("C2")));
    db.create_element("Shipment", Element().set("label", std::string("Ship 1")).set("item_id", int64_t{1}));
    return db;
}

void run_ops(Database& db, fz::Snapshotter& snapshots, FuzzedDataProvider& fdp) {
    Decoder d(fdp);
    for (int step = 0; step < 48 && fdp.remaining_bytes() > 0; ++step) {
        const int op = fdp.ConsumeIntegralInRange<int>(0, 17);
        switch (op) {
        case 0: {  // create_element
            const std::string collection = d.name(kCollections);
            const Element element = d.element();
            int64_t id = 0;
            if (fz::checked_write(db, snapshots, "create_element", [&] { id = db.create_element(collection, element); })) {
                d.set_last_id(id);
                if (is_real_collection(collection)) {
                    const auto ids = db.read_element_ids(collection);
                    if (std::find(ids.begin(), ids.end(), id) == ids.end()) {
                        fz::violation("create_element returned id " + std::to_string(id) +
                                      " that read_element_ids does not list");
                    }
                }
            }
            break;
        }
        case 1: {  // update_element
            const std::string collection = d.name(kCollections);
            const int64_t id = d.id();
            const Element element = d.element();
            fz::checked_write(db, snapshots, "update_element", [&] { db.update_element(collection, id, element); });
            break;
        }
        case 2: {  // delete_element
            const std::string collection = d.name(kCollections);
            const int64_t id = d.id();
            fz::checked_write(db, snapshots, "delete_element", [&] { db.delete_element(collection, id); });
            break;
        }
        case 3: {  // scalar bulk reads
            const std::string collection = d.name(kCollections);
            const std::string attribute = d.name(kAttributes);
            fz::expect_ok_or_runtime_error("read_scalar_integers", [&] { db.read_scalar_integers(collection, attribute); });
            fz::expect_ok_or_runtime_error("read_scalar_floats", [&] { db.read_scalar_floats(collection, attribute); });
            fz::expect_ok_or_runtime_error("read_scalar_strings", [&] { db.read_scalar_strings(collection, attribute); });
            break;
        }
        case 4: {  // vector and set bulk reads
            const std::string collection = d.name(kCollections);
            const std::string attribute = d.name(kAttributes);
            fz::expect_ok_or_runtime_error("read_vector_integers", [&] { db.read_vector_integers(collection, attribute); });
            fz::expect_ok_or_runtime_error("read_vector_floats", [&] { db.read_vector_floats(collection, attribute); });
            fz::expect_ok_or_runtime_error("read_vector_strings", [&] { db.read_vector_strings(collection, attribute); });
            fz::expect_ok_or_runtime_error("read_set_integers", [&] { db.read_set_integers(collection, attribute); });
            fz::expect_ok_or_runtime_error("read_set_floats", [&] { db.read_set_floats(collection, attribute); });
            fz::expect_ok_or_runtime_error("read_set_strings", [&] { db.read_set_strings(collection, attribute); });
            break;
        }
        case 5: {  // reads of one element
            const std::string collection = d.name(kCollections);
            const std::string attribute = d.name(kAttributes);
            const int64_t id = d.id();
            fz::expect_ok_or_runtime_error("read_scalar_integer_by_id", [&] { db.read_scalar_integer_by_id(collection, attribute, id); });
            fz::expect_ok_or_runtime_error("read_scalar_float_by_id", [&] { db.read_scalar_float_by_id(collection, attribute, id); });
            fz::expect_ok_or_runtime_error("read_scalar_string_by_id", [&] { db.read_scalar_string_by_id(collection, attribute, id); });
            fz::expect_ok_or_runtime_error("read_vector_integers_by_id", [&] { db.read_vector_integers_by_id(collection, attribute, id); });
            fz::expect_ok_or_runtime_error("read_vector_floats_by_id", [&] { db.read_vector_floats_by_id(collection, attribute, id); });
            fz::expect_ok_or_runtime_error("read_vector_strings_by_id", [&] { db.read_vector_strings_by_id(collection, attribute, id); });
            fz::expect_ok_or_runtime_error("read_set_integers_by_id", [&] { db.read_set_integers_by_id(collection, attribute, id); });
            fz::expect_ok_or_runtime_error("read_set_floats_by_id", [&] { db.read_set_floats_by_id(collection, attribute, id); });
            fz::expect_ok_or_runtime_error("read_set_strings_by_id", [&] { db.read_set_strings_by_id(collection, attribute, id); });
            break;
        }
        case 6: {  // update_time_series_group
            const std::string collection = d.name(kCollections);
            const std::string group = d.name(kGroups);
            const int64_t id = d.id();
            const auto rows = d.rows();
            fz::checked_write(db, snapshots, "update_time_series_group",
                              [&] { db.update_time_series_group(collection, group, id, rows); });
            break;
        }
        case 7: {  // read_time_series_group
            const std::string collection = d.name(kCollections);
            const std::string group = d.name(kGroups);
            const int64_t id = d.id();
            fz::expect_ok_or_runtime_error("read_time_series_group", [&] { db.read_time_series_group(collection, group, id); });
            break;
        }
        case 8: {  // update_time_series_files
            const std::string collection = d.name(kCollections);
            const auto paths = d.paths();
            fz::checked_write(db, snapshots, "update_time_series_files", [&] { db.update_time_series_files(collection, paths); });
            break;
        }
        case 9: {  // files reads
            const std::string collection = d.name(kCollections);
            fz::expect_ok_or_runtime_error("has_time_series_files", [&] { db.has_time_series_files(collection); });
            fz::expect_ok_or_runtime_error("list_time_series_files_columns", [&] { db.list_time_series_files_columns(collection); });
            fz::expect_ok_or_runtime_error("read_time_series_files", [&] { db.read_time_series_files(collection); });
            break;
        }
        case 10:
            fz::expect_ok_or_runtime_error("begin_transaction", [&] { db.begin_transaction(); });
            break;
        case 11:
            fz::expect_ok_or_runtime_error("commit", [&] { db.commit(); });
            break;
        case 12:
            fz::expect_ok_or_runtime_error("rollback", [&] { db.rollback(); });
            break;
        case 13: {  // metadata
            const std::string collection = d.name(kCollections);
            const std::string name = fdp.ConsumeBool() ? d.name(kAttributes) : d.name(kGroups);
            fz::expect_ok_or_runtime_error("get_scalar_metadata", [&] { db.get_scalar_metadata(collection, name); });
            fz::expect_ok_or_runtime_error("get_vector_metadata", [&] { db.get_vector_metadata(collection, name); });
            fz::expect_ok_or_runtime_error("get_set_metadata", [&] { db.get_set_metadata(collection, name); });
            fz::expect_ok_or_runtime_error("get_time_series_metadata", [&] { db.get_time_series_metadata(collection, name); });
            fz::expect_ok_or_runtime_error("list_scalar_attributes", [&] { db.list_scalar_attributes(collection); });
            fz::expect_ok_or_runtime_error("list_vector_groups", [&] { db.list_vector_groups(collection); });
            fz::expect_ok_or_runtime_error("list_set_groups", [&] { db.list_set_groups(collection); });
            fz::expect_ok_or_runtime_error("list_time_series_groups", [&] { db.list_time_series_groups(collection); });
            break;
        }
        case 14: {  // element ids
            const std::string collection = d.name(kCollections);
            fz::expect_ok_or_runtime_error("read_element_ids", [&] { db.read_element_ids(collection); });
            break;
        }
        case 16:
            fz::element_round_trip(db, snapshots, fdp, step);
            break;
        case 17:
            fz::time_series_round_trip(db, snapshots, fdp, d.id());
            break;
        case 15:
        default: {  // query with parameters (read-only SQL so the snapshot stays meaningful)
            const std::vector<std::string> queries = {
                "SELECT label FROM Item WHERE id = ?", "SELECT count(*) FROM Item WHERE label = ?",
                "SELECT ? + ?", "SELECT price FROM Item WHERE id = ?1 OR id = ?1"};
            const std::string& sql = queries[fdp.ConsumeIntegralInRange<size_t>(0, queries.size() - 1)];
            std::vector<Value> params;
            const int count = fdp.ConsumeIntegralInRange<int>(0, 3);
            for (int i = 0; i < count; ++i) params.push_back(d.value());
            fz::expect_ok_or_runtime_error("query_string", [&] { db.query_string(sql, params); });
            fz::expect_ok_or_runtime_error("query_integer", [&] { db.query_integer(sql, params); });
            fz::expect_ok_or_runtime_error("query_float", [&] { db.query_float(sql, params); });
            break;
        }
        }
    }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    fz::init_process();
    return 0;
}

namespace {

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

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    Fixture& f = fixture();
    if (f.db.in_transaction()) f.db.rollback();
    f.populated.restore();
    FuzzedDataProvider fdp(data, size);
    run_ops(f.db, f.snapshots, fdp);
    if (f.db.in_transaction()) f.db.rollback();
    return 0;
}
