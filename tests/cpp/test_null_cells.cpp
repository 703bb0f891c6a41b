// NULL cells (api-additions §4.1, §10.1, R5; D20): element arrays and time-series rows write
// NULL cells exactly where they are given; the stored rows (read with a raw sqlite3 connection)
// match; time-series reads keep them; typed vector/set readers refuse them instead of shifting
// later values; a CSV export/import round trip keeps them, with dates and partial updates.
#include "raw_sqlite.h"
#include "test_helpers.h"

#include <quiver/database.h>

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <string>
#include <vector>

using namespace quiver;
using namespace quiver::test;

namespace {

// Every row of `sql` through a separate raw connection, each row's columns quote()d and joined
// with '|' (so NULL, 0 and '' are told apart, and storage classes show).
std::vector<std::string> raw_rows(const std::string& path, const std::string& sql) {
    sqlite3* raw = nullptr;
    std::vector<std::string> rows;
    if (sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        sqlite3_close(raw);
        return {"<cannot open>"};
    }
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(raw, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
        rows.push_back(std::string("<error: ") + sqlite3_errmsg(raw) + ">");
    } else {
        while (sqlite3_step(stmt) == SQLITE_ROW) {
            std::string row;
            for (int i = 0; i < sqlite3_column_count(stmt); ++i) {
                const auto* text = sqlite3_column_text(stmt, i);
                row += (i ? "|" : "") + std::string(text ? reinterpret_cast<const char*>(text) : "?");
            }
            rows.push_back(row);
        }
    }
    sqlite3_finalize(stmt);
    sqlite3_close(raw);
    return rows;
}

const char* kVectorRows =
    "SELECT id, vector_index, quote(value_int), quote(value_float) FROM Item_vector_values ORDER BY id, vector_index";
const char* kSeriesRows =
    "SELECT id, quote(date_time), quote(count_value), quote(date_valid), quote(measurement), quote(note) "
    "FROM Item_time_series_readings ORDER BY id, date_time";

class NullCells : public ::testing::Test {
protected:
    void SetUp() override {
        path_ = scratch_db();
        db_ = std::make_unique<Database>(Database::from_schema(path_, schema_path("valid/c_api_full.sql"), quiet()));
    }
    Database& db() { return *db_; }
    std::string path_;
    std::unique_ptr<Database> db_;
};

}  // namespace

TEST_F(NullCells, ElementArraysWriteNullCellsInPlace) {
    const auto id = db().create_element("Item", Element()
                                                    .set("label", "A")
                                                    .set("value_int", {int64_t{1}, nullptr, int64_t{3}})
                                                    .set("value_float", std::vector<Value>{nullptr, 2.5, nullptr})
                                                    .set("date_time", {"2024-01-01", "2024-01-02"})
                                                    .set("measurement", {nullptr, 1.5})
                                                    .set("note", {Value("a"), Value(nullptr)}));
    EXPECT_EQ(raw_rows(path_, kVectorRows),
              (std::vector<std::string>{"1|1|1|NULL", "1|2|NULL|2.5", "1|3|3|NULL"}));
    EXPECT_EQ(raw_rows(path_, kSeriesRows),
              (std::vector<std::string>{"1|'2024-01-01'|NULL|NULL|NULL|'a'", "1|'2024-01-02'|NULL|NULL|1.5|NULL"}));

    // Time-series reads keep NULL cells as nullptr.
    const auto rows = db().read_time_series_group("Item", "readings", id);
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_TRUE(std::holds_alternative<std::nullptr_t>(rows[0].at("measurement")));
    EXPECT_EQ(std::get<double>(rows[1].at("measurement")), 1.5);
    EXPECT_TRUE(std::holds_alternative<std::nullptr_t>(rows[1].at("note")));

    // Typed readers refuse the NULL cell instead of shifting "3" into position 2 (D20).
    EXPECT_FAILS_UNCHANGED(db(), db().read_vector_integers_by_id("Item", "value_int", id),
                           "Cannot read_vector_integers_by_id: element 1 has a NULL at vector_index 2 in 'value_int'; "
                           "use read_vector_group_by_id to read NULL cells");
    EXPECT_FAILS_UNCHANGED(db(), db().read_vector_floats("Item", "value_float"),
                           "Cannot read_vector_floats: element 1 has a NULL at vector_index 1 in 'value_float'; use "
                           "read_vector_group_by_id to read NULL cells");
}

// Stored vector_index values need not be 1..n (another writer, an import): the message names
// the stored index of the failing cell, also when it is not the first cell of its element.
TEST_F(NullCells, MessageNamesTheStoredVectorIndex) {
    db().create_element("Item", Element().set("label", "A").set("value_int", {1, 2}));
    const auto b = db().create_element("Item", Element().set("label", "B").set("value_int", {1, 2, 3}));
    const auto id = std::to_string(b);
    raw_exec(path_, "UPDATE Item_vector_values SET vector_index = vector_index * 10 WHERE id = " + id);
    raw_exec(path_, "UPDATE Item_vector_values SET value_int = NULL WHERE id = " + id + " AND vector_index >= 20");
    const std::string tail =
        " has a NULL at vector_index 20 in 'value_int'; use read_vector_group_by_id to read NULL cells";
    EXPECT_FAILS_UNCHANGED(db(), db().read_vector_integers("Item", "value_int"),
                           "Cannot read_vector_integers: element " + id + tail);
    EXPECT_FAILS_UNCHANGED(db(), db().read_vector_integers_by_id("Item", "value_int", b),
                           "Cannot read_vector_integers_by_id: element " + id + tail);
}

TEST_F(NullCells, UpdateWritesNullCells) {
    const auto id = db().create_element("Item", Element().set("label", "A").set("value_int", {1, 2}).set("value_float", {1.0, 2.0}));
    db().update_element("Item", id, Element().set("value_int", {nullptr, int64_t{5}}).set("value_float", {Value(7.5), Value(nullptr)}));
    EXPECT_EQ(raw_rows(path_, kVectorRows), (std::vector<std::string>{"1|1|NULL|7.5", "1|2|5|NULL"}));
    // An all-NULL column is still rows, not an empty group.
    db().update_element("Item", id, Element().set("value_int", {nullptr, nullptr}).set("value_float", {nullptr, nullptr}));
    EXPECT_EQ(raw_rows(path_, kVectorRows), (std::vector<std::string>{"1|1|NULL|NULL", "1|2|NULL|NULL"}));
}

TEST_F(NullCells, NullInNotNullColumnChangesNothing) {
    const auto id = db().create_element("Item", Element().set("label", "A").set("code", {int64_t{1}}));
    for (const bool in_transaction : {false, true}) {
        if (in_transaction) db().begin_transaction();
        EXPECT_FAILS_UNCHANGED(db(), db().update_element("Item", id, Element().set("code", {Value(int64_t{2}), Value(nullptr)})),
                               "Failed to execute statement: NOT NULL constraint failed: Item_set_codes.code");
        EXPECT_FAILS_UNCHANGED(db(), db().create_element("Item", Element().set("label", "B").set("tag", {nullptr})),
                               "Failed to execute statement: NOT NULL constraint failed: Item_set_tags.tag");
        if (in_transaction) db().rollback();
    }
    EXPECT_EQ(db().read_set_integers_by_id("Item", "code", id), std::vector<int64_t>{1});
}

TEST_F(NullCells, TimeSeriesReadWriteRoundTrip) {
    const auto id = db().create_element("Item", Element().set("label", "A"));
    // Explicit nullptr and absent keys are both NULL.
    db().update_time_series_group("Item", "readings", id,
                                  {{{"date_time", std::string("2024-01-01")}, {"count_value", nullptr}, {"measurement", 1.5}},
                                   {{"date_time", std::string("2024-01-02")}, {"count_value", int64_t{7}}, {"note", nullptr}},
                                   {{"date_time", std::string("2024-01-03")}, {"date_valid", std::string("2025-01-01")}}});
    const std::vector<std::string> stored = {"1|'2024-01-01'|NULL|NULL|1.5|NULL", "1|'2024-01-02'|7|NULL|NULL|NULL",
                                             "1|'2024-01-03'|NULL|'2025-01-01'|NULL|NULL"};
    EXPECT_EQ(raw_rows(path_, kSeriesRows), stored);
    // Writing back exactly what was read stores exactly what was there (no 0 for NULL).
    const auto read = db().read_time_series_group("Item", "readings", id);
    ASSERT_EQ(read.size(), 3u);
    EXPECT_EQ(read[0].size(), 5u);  // every column, NULL cells included
    db().update_time_series_group("Item", "readings", id, read);
    EXPECT_EQ(raw_rows(path_, kSeriesRows), stored);
    EXPECT_EQ(db().read_time_series_group("Item", "readings", id), read);
}

TEST_F(NullCells, CsvExportImportKeepsNullCells) {
    db().create_element("Configuration", Element().set("label", "cfg"));
    db().create_element("Item", Element()
                                    .set("label", "A")
                                    .set("date_created", "2024-05-06T07:08:09")
                                    .set("value_int", {nullptr, int64_t{2}})
                                    .set("value_float", {nullptr, nullptr}));
    // A partial update that discards nothing (value_float holds no value, D21).
    db().update_element("Item", 1, Element().set("value_int", {Value(int64_t{7}), Value(nullptr), Value(int64_t{9})}));
    db().create_element("Item", Element().set("label", "B").set("value_int", {1}).set("value_float", {Value(nullptr)}));
    EXPECT_EQ(raw_rows(path_, kVectorRows), (std::vector<std::string>{"1|1|7|NULL", "1|2|NULL|NULL", "1|3|9|NULL", "2|1|1|NULL"}));
    db().update_time_series_group("Item", "readings", 1,
                                  {{{"date_time", std::string("2024-01-01T00:00:00")}, {"measurement", nullptr}, {"note", "x"}},
                                   {{"date_time", std::string("2024-01-02T00:00:00")}, {"count_value", int64_t{0}}}});
    const auto vectors = raw_rows(path_, kVectorRows);
    const auto series = raw_rows(path_, kSeriesRows);
    const auto items = raw_rows(path_, "SELECT quote(label), quote(date_created) FROM Item");

    const auto dir = scratch_dir();
    for (const auto& [collection, group] : std::vector<std::pair<std::string, std::string>>{
             {"Configuration", ""}, {"Item", ""}, {"Item", "values"}, {"Item", "readings"}}) {
        db().export_csv(collection, group, (dir / (collection + group + ".csv")).string());
    }
    const auto fresh_path = scratch_db("fresh.db");
    auto fresh = Database::from_schema(fresh_path, schema_path("valid/c_api_full.sql"), quiet());
    for (const auto& [collection, group] : std::vector<std::pair<std::string, std::string>>{
             {"Configuration", ""}, {"Item", ""}, {"Item", "values"}, {"Item", "readings"}}) {
        fresh.import_csv(collection, group, (dir / (collection + group + ".csv")).string());
    }
    EXPECT_EQ(raw_rows(fresh_path, kVectorRows), vectors);
    EXPECT_EQ(raw_rows(fresh_path, kSeriesRows), series);
    EXPECT_EQ(raw_rows(fresh_path, "SELECT quote(label), quote(date_created) FROM Item"), items);
}
