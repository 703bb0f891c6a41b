// Helpers of the CSV suites (test_csv_export.cpp, test_csv_import.cpp, test_csv_roundtrip.cpp):
// the csv_full.sql fixture with canonical data, file I/O, a whole-database snapshot and the
// "fails with this exact message and changes nothing" check (autocommit and user transaction).
#ifndef QUIVER_TESTS_CPP_CSV_TEST_HELPERS_H
#define QUIVER_TESTS_CPP_CSV_TEST_HELPERS_H

#include "test_support.h"

#include <quiver/database.h>
#include <quiver/element.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace quiver::csv_test {

inline DatabaseOptions quiet_options() {
    return DatabaseOptions{.read_only = false, .console_level = LogLevel::Off};
}

// A fresh file database from tests/schemas/valid/csv_full.sql.
inline Database make_db(const std::string& file = "test.db") {
    return Database::from_schema(test::scratch_db(file), test::schema_path("valid/csv_full.sql"), quiet_options());
}

inline std::string csv_path(const std::string& name = "data.csv") {
    return (test::scratch_dir() / name).string();
}

inline std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

inline void write_text(const std::string& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
}

// The message of the runtime_error f throws, or "<no error>".
inline std::string error_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const std::runtime_error& e) {
        return e.what();
    }
    return "<no error>";
}

// Every table (sqlite_sequence included) -> all its rows (values quoted, REALs with 17
// significant digits), sorted (so the
// comparison ignores physical row order, which group imports may change).
using Snapshot = std::map<std::string, std::string>;

inline Snapshot snapshot(Database& db) {
    Snapshot out;
    const auto names = db.query_string(
        "SELECT group_concat(name, char(31)) FROM (SELECT name FROM sqlite_master WHERE type = 'table' "
        "ORDER BY name)");
    if (!names) return out;
    size_t start = 0;
    while (start <= names->size()) {
        size_t end = names->find('\x1f', start);
        if (end == std::string::npos) end = names->size();
        const std::string table = names->substr(start, end - start);
        // Per column: CASE typeof("c") WHEN 'real' THEN printf('%!.17g', "c") ELSE quote("c") END
        const auto columns = db.query_string(
            R"(SELECT group_concat('CASE typeof("' || name || '") WHEN ''real'' THEN printf(''%!.17g'', "' ||)"
            R"( name || '") ELSE quote("' || name || '") END', ' || ''|'' || ') FROM pragma_table_info(?))",
            {table});
        const auto rows = db.query_string("SELECT group_concat(r, char(10)) FROM (SELECT " + *columns +
                                          " AS r FROM \"" + table + "\" ORDER BY 1)");
        out[table] = rows.value_or("");
        start = end + 1;
    }
    return out;
}

inline CSVOptions enum_options() {
    CSVOptions options;
    options.enum_labels["status"]["en"] = {{"Active", 1}, {"Inactive", 2}};
    options.enum_labels["status"]["pt"] = {{"Ativo", 1}, {"Inativo", 2}, {"Ação", 9}};
    options.enum_labels["level"]["en"] = {{"Low", 1}, {"High", 2}};
    return options;
}

// Canonical data: two owners; three items (ids 1..3, rowid order "Item 1", "Ítem três",
// "Item2") with FKs, a self reference cycle, NULLs, commas, quotes, newlines and non-ASCII
// text; every group filled; one shipment per item.
inline void seed(Database& db) {
    db.create_element("Owner", Element().set("label", std::string("Owner A")).set("budget", 1500.25));
    db.create_element("Owner", Element().set("label", std::string("Owner, B")));

    db.create_element("Item", Element()
                                  .set("label", std::string("Item 1"))
                                  .set("quantity", int64_t{10})
                                  .set("price", 9.99)
                                  .set("description", std::string("Alpha, \"Beta\""))
                                  .set("date_created", std::string("2024-01-15T10:30:00"))
                                  .set("date_due", std::string("2024-03-01T08:00:00"))
                                  .set("status", int64_t{1})
                                  .set("owner_id", std::string("Owner A"))
                                  .set("code", std::string("A-1"))
                                  .set("value_int", std::vector<int64_t>{1, 2, 3})
                                  .set("value_float", std::vector<double>{0.1, 1e-7, 1e8})
                                  .set("value_text", std::vector<std::string>{"x y", "plain", "ação"})
                                  .set("tag", std::vector<std::string>{"red", "blue green"})
                                  .set("level", std::vector<int64_t>{1, 2})
                                  .set("date_time", std::vector<std::string>{"2024-01-01T00:00:00",
                                                                             "2024-01-02T00:00:00"})
                                  .set("temperature", std::vector<double>{20.5, 21.0})
                                  .set("humidity", std::vector<int64_t>{50, 55})
                                  .set("note", std::vector<std::string>{"ok", "He said \"hi\""}));
    db.create_element("Item", Element()
                                  .set("label", std::string("Ítem três"))
                                  .set("price", 1234567.891)
                                  .set("description", std::string("multi\nline"))
                                  .set("date_created", std::string("2024-12-31T23:59:59"))
                                  .set("status", int64_t{9})
                                  .set("sibling_id", std::string("Item 1"))
                                  .set("level", std::vector<int64_t>{2}));
    db.create_element("Item", Element()
                                  .set("label", std::string("Item2"))
                                  .set("price", 23.0)
                                  .set("description", std::string("He said \"hello\""))
                                  .set("status", int64_t{2})
                                  .set("owner_id", std::string("Owner, B"))
                                  .set("sibling_id", std::string("Item 1"))
                                  .set("code", std::string("B2"))
                                  .set("owner_ref", std::vector<std::string>{"Owner A", "Owner, B"})
                                  .set("friend_id", std::vector<std::string>{"Item 1", "Ítem três"})
                                  .set("tag", std::vector<std::string>{"red"}));
    db.update_element("Item", 1, Element().set("sibling_id", std::string("Item2")));
    db.update_time_series_group("Item", "readings", 3,
                                {{{"date_time", Value(std::string("2024-02-01T12:00:00"))},
                                  {"temperature", Value(nullptr)},
                                  {"humidity", Value(int64_t{-4})},
                                  {"note", Value(nullptr)}}});
    for (int64_t id = 1; id <= 3; ++id) {
        db.query_integer("INSERT INTO Shipment (label, item_id) VALUES (?, ?) RETURNING id",
                         {std::string("Shipment ") + std::to_string(id), id});
    }
}

// import_csv of text must fail with exactly message and change nothing: first in autocommit
// mode, then inside a user transaction, which must stay open and usable.
inline void expect_import_failure(Database& db, const std::string& collection, const std::string& group,
                                  const std::string& text, const std::string& message,
                                  const CSVOptions& options = {}) {
    const auto path = csv_path("failing.csv");
    write_text(path, text);
    const auto before = snapshot(db);
    EXPECT_EQ(error_of([&] { db.import_csv(collection, group, path, options); }), message);
    EXPECT_EQ(snapshot(db), before) << "database changed by a failed import (autocommit)";
    EXPECT_FALSE(db.in_transaction());

    db.begin_transaction();
    db.query_integer("INSERT INTO Configuration (label) VALUES ('inside the transaction') RETURNING id");
    const auto inside = snapshot(db);
    EXPECT_EQ(error_of([&] { db.import_csv(collection, group, path, options); }), message);
    EXPECT_TRUE(db.in_transaction());
    EXPECT_EQ(snapshot(db), inside) << "database changed by a failed import (user transaction)";
    db.rollback();
    EXPECT_EQ(snapshot(db), before);
}

}  // namespace quiver::csv_test

#endif  // QUIVER_TESTS_CPP_CSV_TEST_HELPERS_H
