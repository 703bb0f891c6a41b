// fuzz_schema: arbitrary SQL text as a schema.
//
// 1. The text is executed on a raw in-memory SQLite connection (errors ignored), then read
//    back with Schema::from_database, validated with SchemaValidator, and every classification
//    and lookup helper of Schema and TypeValidator is called on what was loaded.
// 2. The text is written to a schema file and given to Database::from_schema(":memory:", …).
//    When that succeeds the schema is used: describe(), metadata listings, every typed read,
//    time-series and files reads, then create/update/delete of an element per collection and
//    a CSV export + import of each collection's scalars, with the atomic-write invariant
//    checked on every failed write.
//
// Checked: every failure is a std::runtime_error (anything else aborts, see fuzz_common.cpp);
// failed writes leave the database unchanged. Statements run under the SQLite guard rails of
// fuzz_common.h (no ATTACH, bounded work and sizes) so a recursive CTE cannot hang the run.
#include "fuzz_common.h"

#include <quiver/schema.h>
#include <quiver/schema_validator.h>
#include <quiver/type_validator.h>

#include <sqlite3.h>

#include <algorithm>
#include <cctype>
#include <optional>

using quiver::Database;
using quiver::DataType;
using quiver::Element;
using quiver::Schema;
using quiver::Value;
namespace fz = quiver::fuzz;

namespace {

constexpr size_t kMaxInput = 16 * 1024;
constexpr size_t kMaxTables = 12;

std::string lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

template <typename Fn>
void call(const char* what, Fn&& fn) {
    fz::expect_ok_or_runtime_error(what, fn);
}

// --- 1. Schema / SchemaValidator on a raw connection ------------------------------------------

void exercise_schema(const Schema& schema) {
    const std::vector<Value> values = {nullptr, int64_t{1}, 2.5, std::string("x")};
    const quiver::TypeValidator types(schema);
    const auto names = schema.table_names();
    for (const auto& name : names) {
        const auto* table = schema.get_table(name);
        if (!table || !schema.has_table(name)) fz::violation("table_names() lists a table get_table() lacks: " + name);
        (void)schema.is_collection(name);
        (void)schema.is_vector_table(name);
        (void)schema.is_set_table(name);
        (void)schema.is_time_series_table(name);
        (void)schema.is_time_series_files_table(name);
        const auto parent = schema.get_parent_collection(name);
        (void)schema.get_time_series_files_parent_collection(name);
        for (const auto& [column, definition] : table->columns) {
            if (!table->has_column(column) || table->get_column(column) != &definition) {
                fz::violation("column lookup inconsistent: " + name + "." + column);
            }
            call("Schema::get_data_type", [&] { schema.get_data_type(name, column); });
            (void)table->get_data_type(column);
            call("Schema::find_all_tables_for_column", [&] { schema.find_all_tables_for_column(parent, column); });
            call("Schema::find_table_for_column", [&] { schema.find_table_for_column(parent, column); });
            call("Schema::find_vector_table", [&] { schema.find_vector_table(parent, column); });
            call("Schema::find_set_table", [&] { schema.find_set_table(parent, column); });
            for (const auto& v : values) {
                call("TypeValidator::validate_scalar", [&] { types.validate_scalar("fuzz", name, column, v); });
            }
            call("TypeValidator::validate_array", [&] { types.validate_array("fuzz", name, column, values); });
        }
        const auto group = name.substr(std::min(name.size(), parent.size() + 1));
        call("Schema::find_time_series_table", [&] { schema.find_time_series_table(parent, group); });
        call("Schema::find_time_series_files_table", [&] { schema.find_time_series_files_table(parent); });
    }
    for (const auto& collection : schema.collection_names()) {
        if (!schema.has_table(collection)) fz::violation("collection_names() lists a missing table: " + collection);
    }
    call("Schema::get_data_type", [&] { schema.get_data_type("Nope", "nope"); });
}

void raw_connection_pass(const std::string& sql) {
    sqlite3* raw = nullptr;
    if (sqlite3_open(":memory:", &raw) != SQLITE_OK) {
        sqlite3_close(raw);
        return;
    }
    sqlite3_exec(raw, sql.c_str(), nullptr, nullptr, nullptr);
    std::optional<Schema> schema;
    call("Schema::from_database", [&] { schema.emplace(Schema::from_database(raw)); });
    if (schema) {
        exercise_schema(*schema);
        call("SchemaValidator::validate", [&] { quiver::SchemaValidator(*schema).validate(); });
    }
    sqlite3_close(raw);
}

// --- 2. Database::from_schema and use of the loaded schema ------------------------------------

std::vector<std::string> split(const std::string& text, char sep) {
    std::vector<std::string> parts;
    std::string current;
    for (char c : text) {
        if (c == sep) {
            parts.push_back(current);
            current.clear();
        } else {
            current += c;
        }
    }
    if (!current.empty()) parts.push_back(current);
    return parts;
}

Element full_element(Database& db, const std::string& table, const std::string& label) {
    Element element;
    element.set("label", label);
    std::vector<quiver::ScalarMetadata> scalars;
    call("list_scalar_attributes", [&] { scalars = db.list_scalar_attributes(table); });
    for (const auto& md : scalars) {
        if (md.name == "id" || md.name == "label") continue;
        if (md.is_foreign_key) continue;  // a label would have to exist; covered by the elements harness
        switch (md.data_type) {
        case DataType::Integer: element.set(md.name, int64_t{7}); break;
        case DataType::Real: element.set(md.name, 2.5); break;
        case DataType::Text: element.set(md.name, std::string(" text ")); break;
        case DataType::DateTime: element.set(md.name, std::string("2024-01-01T00:00:00")); break;
        }
    }
    return element;
}

void exercise_database(Database& db, fz::Snapshotter& snapshots) {
    call("describe", [&] { db.describe(); });
    std::string listing;
    {
        fz::SqlBudgetPause pause;
        call("query_string", [&] {
            listing = db.query_string(
                           "SELECT group_concat(name, char(31)) FROM (SELECT name FROM sqlite_master "
                           "WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name)")
                          .value_or("");
        });
    }
    auto tables = split(listing, '\x1f');
    if (tables.size() > kMaxTables) tables.resize(kMaxTables);
    const auto& dir = fz::init_process();

    for (const auto& t : tables) {
        std::vector<quiver::ScalarMetadata> scalars;
        call("list_scalar_attributes", [&] { scalars = db.list_scalar_attributes(t); });
        for (const auto& md : scalars) {
            call("get_scalar_metadata", [&] { db.get_scalar_metadata(t, md.name); });
            call("read_scalar_integers", [&] { db.read_scalar_integers(t, md.name); });
            call("read_scalar_floats", [&] { db.read_scalar_floats(t, md.name); });
            call("read_scalar_strings", [&] { db.read_scalar_strings(t, md.name); });
            call("read_scalar_string_by_id", [&] { db.read_scalar_string_by_id(t, md.name, 1); });
        }
        std::vector<quiver::GroupMetadata> groups;
        call("list_vector_groups", [&] { groups = db.list_vector_groups(t); });
        for (const auto& g : groups) {
            call("get_vector_metadata", [&] { db.get_vector_metadata(t, g.group_name); });
            for (const auto& c : g.value_columns) {
                call("read_vector_integers", [&] { db.read_vector_integers(t, c.name); });
                call("read_vector_floats", [&] { db.read_vector_floats(t, c.name); });
                call("read_vector_strings", [&] { db.read_vector_strings(t, c.name); });
                call("read_vector_strings_by_id", [&] { db.read_vector_strings_by_id(t, c.name, 1); });
            }
        }
        call("list_set_groups", [&] { groups = db.list_set_groups(t); });
        for (const auto& g : groups) {
            call("get_set_metadata", [&] { db.get_set_metadata(t, g.group_name); });
            for (const auto& c : g.value_columns) {
                call("read_set_integers", [&] { db.read_set_integers(t, c.name); });
                call("read_set_floats", [&] { db.read_set_floats(t, c.name); });
                call("read_set_strings", [&] { db.read_set_strings(t, c.name); });
                call("read_set_integers_by_id", [&] { db.read_set_integers_by_id(t, c.name, 1); });
            }
        }
        call("list_time_series_groups", [&] { groups = db.list_time_series_groups(t); });
        for (const auto& g : groups) {
            call("get_time_series_metadata", [&] { db.get_time_series_metadata(t, g.group_name); });
            call("read_time_series_group", [&] { db.read_time_series_group(t, g.group_name, 1); });
        }
        bool files = false;
        call("has_time_series_files", [&] { files = db.has_time_series_files(t); });
        if (files) {
            call("list_time_series_files_columns", [&] { db.list_time_series_files_columns(t); });
            call("read_time_series_files", [&] { db.read_time_series_files(t); });
        }
        call("read_element_ids", [&] { db.read_element_ids(t); });

        // Writes, each checked for atomicity.
        int64_t id = 0;
        bool created = fz::checked_write(db, snapshots, "create_element",
                                         [&] { id = db.create_element(t, Element().set("label", "fuzz " + t)); });
        int64_t full_id = 0;
        fz::checked_write(db, snapshots, "create_element", [&] { full_id = db.create_element(t, full_element(db, t, "full " + t)); });
        if (created) {
            fz::checked_write(db, snapshots, "update_element",
                              [&] { db.update_element(t, id, Element().set("label", std::string("renamed"))); });
        }
        const std::string csv = (dir / "export.csv").string();
        bool exported = false;
        call("export_csv", [&] {
            db.export_csv(t, "", csv);
            exported = true;
        });
        if (exported) fz::checked_write(db, snapshots, "import_csv", [&] { db.import_csv(t, "", csv); });
        if (created) fz::checked_write(db, snapshots, "delete_element", [&] { db.delete_element(t, id); });
    }
}

void from_schema_pass(const std::string& sql) {
    const auto path = fz::init_process() / "schema.sql";
    fz::write_file(path, sql);
    std::optional<Database> db;
    call("Database::from_schema", [&] { db.emplace(Database::from_schema(":memory:", path.string(), fz::quiet())); });
    if (db) {
        fz::Snapshotter snapshots(fz::last_opened_connection());
        exercise_database(*db, snapshots);
    }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    fz::init_process();
    fz::install_sql_guard(5'000'000);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size > kMaxInput) return -1;
    const std::string sql(reinterpret_cast<const char*>(data), size);
    // journal_mode=OFF makes ROLLBACK undefined in SQLite, which would break the atomicity
    // check for reasons outside Quiver.
    if (lower(sql).find("journal_mode") != std::string::npos) return -1;

    fz::reset_sql_budget();
    raw_connection_pass(sql);
    fz::reset_sql_budget();
    from_schema_pass(sql);
    fz::clear_scratch();
    return 0;
}
