// read_time_series_row (api-additions §4.2) and upsert_time_series_row (§4.3, D19).
#include "group_fixtures.h"
#include "test_helpers.h"

#include <quiver/database.h>

#include <gtest/gtest.h>

#include <cmath>

using namespace quiver;
using namespace quiver::test;

namespace {

using Values = std::vector<Value>;

// time_series.sql: Collection_time_series_data (date_time, value REAL, quantity INTEGER, note TEXT),
// primary key (id, date_time).
class TimeSeriesRow : public ::testing::Test {
protected:
    void SetUp() override {
        db_ = std::make_unique<Database>(memory_db("valid/time_series.sql"));
        a_ = db().create_element("Collection", Element().set("label", "A"));
        b_ = db().create_element("Collection", Element().set("label", "B"));
        db().update_time_series_group("Collection", "data", a_,
                                      {{{"date_time", text("2024-01-01")}, {"value", 1.0}, {"quantity", int64_t{1}}, {"note", text("one")}},
                                       {{"date_time", text("2024-01-02")}, {"value", nullptr}, {"quantity", int64_t{2}}},
                                       {{"date_time", text("2024-01-03")}, {"value", 3.0}}});
        db().update_time_series_group("Collection", "data", b_, {{{"date_time", text("2024-01-02T06:00:00")}, {"value", 20.0}}});
    }
    Database& db() { return *db_; }
    Values row_at(const std::string& attribute, const std::string& date) {
        return db().read_time_series_row("Collection", "data", attribute, date);
    }
    std::unique_ptr<Database> db_;
    int64_t a_ = 0, b_ = 0;
};

// time_series_dimension.sql: Sensor_time_series_readings, key (id, date_recorded, block).
class TimeSeriesRowWideKey : public ::testing::Test {
protected:
    void SetUp() override {
        db_ = std::make_unique<Database>(memory_db("issues/time_series_dimension.sql"));
        s_ = db().create_element("Sensor", Element().set("label", "S"));
    }
    Database& db() { return *db_; }
    std::unique_ptr<Database> db_;
    int64_t s_ = 0;
};

// A database from schema text written to a scratch file.
Database db_from_sql(const std::string& sql) {
    const auto path = (scratch_dir() / "schema.sql").string();
    write_file(path, sql);
    return Database::from_schema(":memory:", path, quiet());
}

const char* kHeader =
    "CREATE TABLE Configuration (id INTEGER PRIMARY KEY, label TEXT UNIQUE NOT NULL) STRICT;\n"
    "CREATE TABLE Plant (id INTEGER PRIMARY KEY, label TEXT UNIQUE NOT NULL) STRICT;\n";

}  // namespace

// --------------------------------------------------------------------------------------------
// read_time_series_row

TEST_F(TimeSeriesRow, LastNonNullValueAtOrBeforeTheDate) {
    EXPECT_EQ(row_at("value", "2023-12-31"), (Values{nullptr, nullptr}));
    EXPECT_EQ(row_at("value", "2024-01-01"), (Values{1.0, nullptr}));
    // A's 2024-01-02 value is NULL: the last non-NULL one (2024-01-01) is returned.
    EXPECT_EQ(row_at("value", "2024-01-02"), (Values{1.0, nullptr}));
    EXPECT_EQ(row_at("value", "2024-01-02T06:00:00"), (Values{1.0, 20.0}));
    EXPECT_EQ(row_at("value", "2024-01-03"), (Values{3.0, 20.0}));
    EXPECT_EQ(row_at("value", "9999-12-31T23:59:59"), (Values{3.0, 20.0}));
    EXPECT_EQ(row_at("value", " 2024-01-03 "), (Values{3.0, 20.0}));  // trimmed
}

TEST_F(TimeSeriesRow, ValuesByStorageClass) {
    EXPECT_EQ(row_at("quantity", "2024-01-05"), (Values{int64_t{2}, nullptr}));
    EXPECT_EQ(row_at("note", "2024-01-05"), (Values{text("one"), nullptr}));
    EXPECT_EQ(db().read_time_series_row("Collection", "events", "event", "2024-01-05"), (Values{nullptr, nullptr}));
}

TEST_F(TimeSeriesRow, OneValuePerElementInElementOrder) {
    const auto c = db().create_element("Collection", Element().set("label", "C"));
    db().update_time_series_group("Collection", "data", c, {{{"date_time", text("2024-01-01")}, {"value", 300.0}}});
    db().delete_element("Collection", a_);
    EXPECT_EQ(db().read_element_ids("Collection"), (std::vector<int64_t>{b_, c}));
    EXPECT_EQ(row_at("value", "2024-06-01"), (Values{20.0, 300.0}));
}

TEST(TimeSeriesRowEmpty, EmptyCollectionGivesNoValues) {
    auto db = memory_db("valid/time_series.sql");
    EXPECT_TRUE(db.read_time_series_row("Collection", "data", "value", "2024-01-01").empty());
}

TEST_F(TimeSeriesRowWideKey, TiesGoToTheSmallestRowid) {
    db().update_time_series_group("Sensor", "readings", s_,
                                  {{{"date_recorded", text("2024-01-01")}, {"block", int64_t{2}}, {"reading", 2.0}},
                                   {{"date_recorded", text("2024-01-01")}, {"block", int64_t{1}}, {"reading", 1.0}},
                                   {{"date_recorded", text("2024-01-02")}, {"block", int64_t{2}}, {"reading", nullptr}},
                                   {{"date_recorded", text("2024-01-02")}, {"block", int64_t{1}}, {"reading", 5.0}}});
    EXPECT_EQ(db().read_time_series_row("Sensor", "readings", "reading", "2024-01-01"), (Values{2.0}));
    // On 2024-01-02 the first row (block 2) is NULL: the next row of that date with a value wins.
    EXPECT_EQ(db().read_time_series_row("Sensor", "readings", "reading", "2024-01-02"), (Values{5.0}));
    // A second date_* column is an ordinary attribute.
    EXPECT_EQ(db().read_time_series_row("Sensor", "readings", "date_valid", "2024-01-02"), (Values{nullptr}));
    EXPECT_EQ(db().read_time_series_row("Sensor", "declared", "level", "2024-01-02"), (Values{nullptr}));
}

TEST_F(TimeSeriesRow, ReadErrors) {
    EXPECT_FAILS_UNCHANGED(db(), row_at("id", "2024-01-01"),
                           "Time series attribute not found: 'id' in group 'data' of collection 'Collection'");
    EXPECT_FAILS_UNCHANGED(db(), row_at("date_time", "2024-01-01"),
                           "Time series attribute not found: 'date_time' in group 'data' of collection 'Collection'");
    EXPECT_FAILS_UNCHANGED(db(), row_at("magnitude", "2024-01-01"),
                           "Time series attribute not found: 'magnitude' in group 'data' of collection 'Collection'");
    EXPECT_FAILS_UNCHANGED(db(), db().read_time_series_row("Nope", "data", "value", "2024-01-01"),
                           "Cannot read_time_series_row: collection not found: Nope");
    EXPECT_FAILS_UNCHANGED(db(), db().read_time_series_row("Collection", "nope", "value", "2024-01-01"),
                           "Time series group 'nope' not found for collection 'Collection'");
    for (const char* bad : {"d1", "", "2024-13-01", "2024-02-30", "2024-1-01", "2024-01-01T24:00:00", "01/02/2024"}) {
        EXPECT_FAILS_UNCHANGED(db(), row_at("value", bad),
                               std::string("Cannot read_time_series_row: invalid date-time '") + bad +
                                   "' for argument 'date_time': expected YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS");
    }
    auto nodim = memory_db("issues/time_series_no_dimension.sql");
    EXPECT_THROW_MSG(nodim.read_time_series_row("Res", "nodate", "value", "2024-01-01"),
                     "Dimension column not found: time series table 'Res_time_series_nodate'");
}

// --------------------------------------------------------------------------------------------
// upsert_time_series_row (D19)

TEST_F(TimeSeriesRow, UpsertInsertsANewRow) {
    db().upsert_time_series_row("Collection", "data", b_, {{"date_time", text("2024-01-01")}, {"quantity", int64_t{7}}});
    EXPECT_EQ(db().read_time_series_group("Collection", "data", b_),
              (Rows{{{"date_time", text("2024-01-01")}, {"note", nullptr}, {"quantity", int64_t{7}}, {"value", nullptr}},
                    {{"date_time", text("2024-01-02T06:00:00")}, {"note", nullptr}, {"quantity", nullptr}, {"value", 20.0}}}));
}

TEST_F(TimeSeriesRow, UpsertChangesOnlyTheNamedColumns) {
    db().upsert_time_series_row("Collection", "data", a_, {{"date_time", text(" 2024-01-01 ")}, {"value", int64_t{5}}});
    const auto rows = db().read_time_series_group("Collection", "data", a_);
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(rows[0], (RowMap{{"date_time", text("2024-01-01")}, {"note", text("one")}, {"quantity", int64_t{1}}, {"value", 5.0}}));
    // An explicit NULL sets NULL; the other columns keep their values.
    db().upsert_time_series_row("Collection", "data", a_, {{"date_time", text("2024-01-01")}, {"note", nullptr}});
    EXPECT_EQ(db().read_time_series_group("Collection", "data", a_)[0],
              (RowMap{{"date_time", text("2024-01-01")}, {"note", nullptr}, {"quantity", int64_t{1}}, {"value", 5.0}}));
}

TEST_F(TimeSeriesRow, UpsertNamingOnlyTheKey) {
    const auto before = db().read_time_series_group("Collection", "data", a_);
    db().upsert_time_series_row("Collection", "data", a_, {{"date_time", text("2024-01-01")}});  // no-op
    EXPECT_EQ(db().read_time_series_group("Collection", "data", a_), before);
    db().upsert_time_series_row("Collection", "data", a_, {{"date_time", text("2024-02-01")}});  // a new, empty row
    EXPECT_EQ(count_rows(db(), "Collection_time_series_data", "id = " + std::to_string(a_)), 4);
}

TEST_F(TimeSeriesRow, UpsertInsideATransaction) {
    db().begin_transaction();
    db().upsert_time_series_row("Collection", "data", a_, {{"date_time", text("2024-01-01")}, {"value", 9.0}});
    db().upsert_time_series_row("Collection", "data", a_, {{"date_time", text("2024-03-01")}, {"value", 9.0}});
    EXPECT_EQ(row_at("value", "2024-03-01"), (Values{9.0, 20.0}));
    db().rollback();
    EXPECT_EQ(row_at("value", "2024-01-01"), (Values{1.0, nullptr}));
    EXPECT_EQ(row_at("value", "2024-03-01"), (Values{3.0, 20.0}));
}

TEST_F(TimeSeriesRowWideKey, UpsertUsesTheWholeKey) {
    db().upsert_time_series_row("Sensor", "readings", s_, {{"date_recorded", text("2024-01-01")}, {"block", int64_t{2}}, {"reading", 2.0}});
    db().upsert_time_series_row("Sensor", "readings", s_, {{"date_recorded", text("2024-01-01")}, {"block", int64_t{1}}, {"reading", 1.0}});
    db().upsert_time_series_row("Sensor", "readings", s_, {{"block", int64_t{2}}, {"date_recorded", text("2024-01-01")}, {"date_valid", text("2024-05-01")}});
    EXPECT_EQ(db().query_string("SELECT group_concat(block || ':' || reading || ':' || ifnull(date_valid, '-'), ',') "
                                "FROM (SELECT * FROM Sensor_time_series_readings ORDER BY block)"),
              std::optional<std::string>("1:1.0:-,2:2.0:2024-05-01"));
}

TEST_F(TimeSeriesRowWideKey, UpsertKeyErrors) {
    db().upsert_time_series_row("Sensor", "readings", s_, {{"date_recorded", text("2024-01-01")}, {"block", int64_t{1}}, {"reading", 1.0}});
    in_both_modes(db(), [&] {
        // Every key column is required (the dimension first, then alphabetical), DEFAULT or not.
        EXPECT_FAILS_UNCHANGED(db(), db().upsert_time_series_row("Sensor", "readings", s_, {{"reading", 3.0}}),
                               "Cannot upsert_time_series_row: row missing required 'date_recorded' column");
        EXPECT_FAILS_UNCHANGED(db(), db().upsert_time_series_row("Sensor", "readings", s_, {{"date_recorded", text("2024-01-01")}, {"reading", 3.0}}),
                               "Cannot upsert_time_series_row: row missing required 'block' column");
        EXPECT_FAILS_UNCHANGED(db(), db().upsert_time_series_row("Sensor", "readings", s_, {{"date_recorded", text("2024-01-01")}, {"block", nullptr}}),
                               "Cannot upsert_time_series_row: key column 'block' cannot be NULL");
        EXPECT_FAILS_UNCHANGED(db(), db().upsert_time_series_row("Sensor", "readings", s_, {{"date_recorded", nullptr}, {"block", int64_t{1}}}),
                               "Cannot upsert_time_series_row: key column 'date_recorded' cannot be NULL");
        EXPECT_FAILS_UNCHANGED(db(), db().upsert_time_series_row("Sensor", "readings", s_, {{"date_recorded", text("2024-01-01")}, {"block", text("1")}}),
                               "Cannot upsert_time_series_row: type mismatch for column 'block': expected INTEGER, got TEXT");
        EXPECT_FAILS_UNCHANGED(db(), db().upsert_time_series_row("Sensor", "readings", s_, {{"date_recorded", text("2024-01-01")}, {"block", int64_t{1}}, {"date_valid", text("soon")}}),
                               "Cannot upsert_time_series_row: invalid date-time 'soon' for column 'date_valid': expected YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS");
    });
}

TEST_F(TimeSeriesRow, UpsertErrors) {
    const RowMap good{{"date_time", text("2024-01-01")}, {"value", 2.0}};
    in_both_modes(db(), [&] {
        EXPECT_FAILS_UNCHANGED(db(), db().upsert_time_series_row("Nope", "data", a_, good),
                               "Cannot upsert_time_series_row: collection not found: Nope");
        EXPECT_FAILS_UNCHANGED(db(), db().upsert_time_series_row("Collection", "nope", a_, good),
                               "Time series group 'nope' not found for collection 'Collection'");
        EXPECT_FAILS_UNCHANGED(db(), db().upsert_time_series_row("Collection", "data", 999, good),
                               "Element not found: 999 in collection 'Collection'");
        EXPECT_FAILS_UNCHANGED(db(), db().upsert_time_series_row("Collection", "data", a_, {{"value", 2.0}}),
                               "Cannot upsert_time_series_row: row missing required 'date_time' column");
        EXPECT_FAILS_UNCHANGED(db(), db().upsert_time_series_row("Collection", "data", a_, {{"date_time", text("2024-01-01")}, {"id", a_}}),
                               "Cannot upsert_time_series_row: column 'id' not found in group 'data' for collection 'Collection'");
        EXPECT_FAILS_UNCHANGED(db(), db().upsert_time_series_row("Collection", "data", a_, {{"date_time", text("2024-01-01")}, {"valeu", 1.0}}),
                               "Cannot upsert_time_series_row: column 'valeu' not found in group 'data' for collection 'Collection'");
        EXPECT_FAILS_UNCHANGED(db(), db().upsert_time_series_row("Collection", "data", a_, {{"date_time", text("2024-01-01")}, {"value", text("x")}}),
                               "Cannot upsert_time_series_row: type mismatch for column 'value': expected REAL, got TEXT");
        EXPECT_FAILS_UNCHANGED(db(), db().upsert_time_series_row("Collection", "data", a_, {{"date_time", text("2024-01-01")}, {"quantity", 1.5}}),
                               "Cannot upsert_time_series_row: type mismatch for column 'quantity': expected INTEGER, got REAL");
        EXPECT_FAILS_UNCHANGED(db(), db().upsert_time_series_row("Collection", "data", a_, {{"date_time", int64_t{20240101}}}),
                               "Cannot upsert_time_series_row: type mismatch for column 'date_time': expected DATE_TIME, got INTEGER");
        EXPECT_FAILS_UNCHANGED(db(), db().upsert_time_series_row("Collection", "data", a_, {{"date_time", text("2024-01-01")}, {"value", std::nan("")}}),
                               "Cannot upsert_time_series_row: NaN is not allowed for column 'value'");
        // D22: the key and every DATE_TIME value are validated.
        EXPECT_FAILS_UNCHANGED(db(), db().upsert_time_series_row("Collection", "data", a_, {{"date_time", text("d1")}, {"value", 2.0}}),
                               "Cannot upsert_time_series_row: invalid date-time 'd1' for column 'date_time': expected YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS");
    });
}

// The element check comes before the row checks (§4.3), however the element is verified.
TEST_F(TimeSeriesRow, UpsertReportsAMissingElementFirst) {
    in_both_modes(db(), [&] {
        EXPECT_FAILS_UNCHANGED(db(), db().upsert_time_series_row("Collection", "data", 999, {{"value", 2.0}}),
                               "Element not found: 999 in collection 'Collection'");
        EXPECT_FAILS_UNCHANGED(db(), db().upsert_time_series_row("Collection", "data", 999, {{"date_time", text("2024-01-01")}, {"valeu", 1.0}}),
                               "Element not found: 999 in collection 'Collection'");
        EXPECT_FAILS_UNCHANGED(db(), db().upsert_time_series_row("Collection", "data", 999, {{"date_time", nullptr}}),
                               "Element not found: 999 in collection 'Collection'");
        // Same columns as a successful call before (the reused plan), then a missing element.
        db().upsert_time_series_row("Collection", "data", a_, {{"date_time", text("2024-01-01")}, {"value", 4.0}});
        EXPECT_FAILS_UNCHANGED(db(), db().upsert_time_series_row("Collection", "data", 999, {{"date_time", text("2024-01-01")}, {"value", 4.0}}),
                               "Element not found: 999 in collection 'Collection'");
        EXPECT_FAILS_UNCHANGED(db(), db().upsert_time_series_row("Collection", "data", a_, {{"date_time", text("2024-01-01")}, {"value", text("x")}}),
                               "Cannot upsert_time_series_row: type mismatch for column 'value': expected REAL, got TEXT");
    });
}

// Without an immediate foreign key from id to the collection the element is looked up first.
TEST(TimeSeriesRowSchemas, UpsertChecksTheElementWithoutAnImmediateParentKey) {
    for (const char* parent : {"", " REFERENCES Plant(id) ON DELETE CASCADE ON UPDATE CASCADE DEFERRABLE INITIALLY DEFERRED"}) {
        auto db = db_from_sql(std::string(kHeader) + "CREATE TABLE Plant_time_series_log (id INTEGER NOT NULL" + parent +
                              ", date_time TEXT NOT NULL, level REAL, PRIMARY KEY (id, date_time)) STRICT;");
        const auto id = db.create_element("Plant", Element().set("label", "P"));
        db.upsert_time_series_row("Plant", "log", id, {{"date_time", text("2024-01-01")}, {"level", 1.0}});
        in_both_modes(db, [&] {
            EXPECT_FAILS_UNCHANGED(db, db.upsert_time_series_row("Plant", "log", 999, {{"date_time", text("2024-01-01")}, {"level", 2.0}}),
                                   "Element not found: 999 in collection 'Plant'");
            EXPECT_FAILS_UNCHANGED(db, db.upsert_time_series_row("Plant", "log", 999, {{"level", 2.0}}),
                                   "Element not found: 999 in collection 'Plant'");
        });
        EXPECT_EQ(db.read_time_series_row("Plant", "log", "level", "2024-01-01"), (Values{1.0}));
    }
}

TEST(TimeSeriesRowSchemas, UpsertWithoutPrimaryKeyUpdatesEveryMatchingRow) {
    auto db = db_from_sql(std::string(kHeader) +
                          "CREATE TABLE Plant_time_series_log (id INTEGER NOT NULL REFERENCES Plant(id) ON DELETE CASCADE "
                          "ON UPDATE CASCADE, date_time TEXT NOT NULL, level REAL, note TEXT) STRICT;");
    const auto id = db.create_element("Plant", Element().set("label", "P"));
    db.update_time_series_group("Plant", "log", id,
                                {{{"date_time", text("2024-01-01")}, {"level", 1.0}, {"note", text("a")}},
                                 {{"date_time", text("2024-01-01")}, {"level", 2.0}, {"note", text("b")}}});
    db.upsert_time_series_row("Plant", "log", id, {{"date_time", text("2024-01-01")}, {"level", 5.0}});
    EXPECT_EQ(db.query_string("SELECT group_concat(level || note, ',') FROM (SELECT * FROM Plant_time_series_log ORDER BY rowid)"),
              std::optional<std::string>("5.0a,5.0b"));
}

TEST(TimeSeriesRowSchemas, UpsertNotNullColumnLeftOutOfANewRow) {
    auto db = db_from_sql(std::string(kHeader) +
                          "CREATE TABLE Plant_time_series_out (id INTEGER NOT NULL REFERENCES Plant(id) ON DELETE CASCADE "
                          "ON UPDATE CASCADE, date_time TEXT NOT NULL, level REAL NOT NULL, note TEXT, "
                          "PRIMARY KEY (id, date_time)) STRICT;");
    const auto id = db.create_element("Plant", Element().set("label", "P"));
    db.upsert_time_series_row("Plant", "out", id, {{"date_time", text("2024-01-01")}, {"level", 1.0}});
    // An existing row: only note changes, the NOT NULL level keeps its value.
    db.upsert_time_series_row("Plant", "out", id, {{"date_time", text("2024-01-01")}, {"note", text("n")}});
    EXPECT_EQ(db.read_time_series_row("Plant", "out", "level", "2024-01-01"), (Values{1.0}));
    in_both_modes(db, [&] {
        EXPECT_FAILS_UNCHANGED(db, db.upsert_time_series_row("Plant", "out", id, {{"date_time", text("2024-01-02")}, {"note", text("n")}}),
                               "Failed to execute statement: NOT NULL constraint failed: Plant_time_series_out.level");
    });
}
