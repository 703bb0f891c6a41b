// Time series groups and time-series files (semantics §7; D3, D14).
#include "test_helpers.h"

#include <quiver/database.h>

#include <gtest/gtest.h>

#include <variant>

using namespace quiver;
using namespace quiver::test;

using TsRow = std::map<std::string, Value>;
using Rows = std::vector<TsRow>;
using OptS = std::optional<std::string>;

namespace {
std::string dump(const Rows& rows) {
    std::string out;
    for (const auto& row : rows) {
        out += "{";
        bool first = true;
        for (const auto& [k, v] : row) {
            if (!first) out += ", ";
            first = false;
            out += k + "=";
            if (std::holds_alternative<std::nullptr_t>(v)) out += "null";
            else if (std::holds_alternative<int64_t>(v)) out += "i:" + std::to_string(std::get<int64_t>(v));
            else if (std::holds_alternative<double>(v)) out += "d:" + std::to_string(std::get<double>(v));
            else out += "s:" + std::get<std::string>(v);
        }
        out += "}";
    }
    return out;
}

class TimeSeries : public ::testing::Test {
protected:
    void SetUp() override {
        db_ = std::make_unique<Database>(memory_db("valid/time_series.sql"));
        db().create_element("Collection", Element().set("label", "A"));
        db().create_element("Collection", Element().set("label", "B"));
    }
    Database& db() { return *db_; }
    std::unique_ptr<Database> db_;
};
}  // namespace

TEST_F(TimeSeries, UpdateAndRead) {
    db().update_time_series_group("Collection", "data", 1,
                                  {{{"date_time", std::string("2024-01-01T00:00:00")}, {"value", 1.5}, {"quantity", int64_t{3}}, {"note", std::string("n1")}},
                                   {{"date_time", std::string("2024-01-02T00:00:00")}, {"value", 2.5}, {"quantity", int64_t{4}}, {"note", nullptr}}});
    const Rows rows = db().read_time_series_group("Collection", "data", 1);
    EXPECT_EQ(dump(rows), "{date_time=s:2024-01-01T00:00:00, note=s:n1, quantity=i:3, value=d:1.500000}"
                          "{date_time=s:2024-01-02T00:00:00, note=null, quantity=i:4, value=d:2.500000}");
    EXPECT_TRUE(db().read_time_series_group("Collection", "data", 2).empty());
    EXPECT_TRUE(db().read_time_series_group("Collection", "events", 1).empty());
}

TEST_F(TimeSeries, RowsOrderedByDimension) {
    db().update_time_series_group("Collection", "events", 1,
                                  {{{"date_time", std::string("2024-03-01")}, {"event", std::string("c")}},
                                   {{"date_time", std::string("2024-01-01")}, {"event", std::string("a")}},
                                   {{"date_time", std::string("2024-02-01")}, {"event", std::string("b")}}});
    EXPECT_EQ(dump(db().read_time_series_group("Collection", "events", 1)),
              "{date_time=s:2024-01-01, event=s:a, magnitude=null}"
              "{date_time=s:2024-02-01, event=s:b, magnitude=null}"
              "{date_time=s:2024-03-01, event=s:c, magnitude=null}");
}

TEST_F(TimeSeries, UpdateReplacesOnlyThatElementsRows) {
    db().update_time_series_group("Collection", "data", 1, {{{"date_time", std::string("2024-01-01")}, {"value", 1.0}}, {{"date_time", std::string("2024-01-02")}}});
    db().update_time_series_group("Collection", "data", 2, {{{"date_time", std::string("2024-02-01")}, {"value", 9.0}}});
    db().update_time_series_group("Collection", "data", 1, {{{"date_time", std::string("2024-01-03")}, {"value", 3.0}}});
    EXPECT_EQ(dump(db().read_time_series_group("Collection", "data", 1)), "{date_time=s:2024-01-03, note=null, quantity=null, value=d:3.000000}");
    EXPECT_EQ(dump(db().read_time_series_group("Collection", "data", 2)), "{date_time=s:2024-02-01, note=null, quantity=null, value=d:9.000000}");
}

TEST_F(TimeSeries, KeysMissingFromSomeRowsAreNull) {
    db().update_time_series_group("Collection", "data", 1,
                                  {{{"date_time", std::string("2024-01-01")}, {"value", 1.0}},
                                   {{"date_time", std::string("2024-01-02")}, {"quantity", int64_t{2}}}});
    EXPECT_EQ(dump(db().read_time_series_group("Collection", "data", 1)),
              "{date_time=s:2024-01-01, note=null, quantity=null, value=d:1.000000}"
              "{date_time=s:2024-01-02, note=null, quantity=i:2, value=null}");
}

TEST_F(TimeSeries, EmptyRowsClear) {
    db().update_time_series_group("Collection", "data", 1, {{{"date_time", std::string("2024-01-01")}}});
    db().update_time_series_group("Collection", "data", 1, {});
    EXPECT_TRUE(db().read_time_series_group("Collection", "data", 1).empty());
    EXPECT_EQ(count_rows(db(), "Collection_time_series_data"), 0);
}

TEST_F(TimeSeries, ClearingMissingIdIsNoOp) {
    const std::string before = snapshot(db());
    db().update_time_series_group("Collection", "data", 99, {});
    EXPECT_EQ(snapshot(db()), before);
}

TEST_F(TimeSeries, IntegerIntoRealCell) {  // D1
    db().update_time_series_group("Collection", "data", 1, {{{"date_time", std::string("2024-01-01")}, {"value", int64_t{4}}}});
    EXPECT_EQ(dump(db().read_time_series_group("Collection", "data", 1)), "{date_time=s:2024-01-01, note=null, quantity=null, value=d:4.000000}");
}

TEST_F(TimeSeries, StringCellsAreTrimmed) {
    db().update_time_series_group("Collection", "data", 1, {{{"date_time", std::string("  2024-01-01 ")}, {"note", std::string("\tx ")}}});
    EXPECT_EQ(dump(db().read_time_series_group("Collection", "data", 1)), "{date_time=s:2024-01-01, note=s:x, quantity=null, value=null}");
}

TEST_F(TimeSeries, ReadByStorageClass) {
    db().update_time_series_group("Collection", "data", 1, {{{"date_time", std::string("2024-01-01")}, {"value", 1.0}}});
    const Rows rows = db().read_time_series_group("Collection", "data", 1);
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].size(), 4u);  // dimension + every non-id column
    EXPECT_EQ(rows[0].count("id"), 0u);
    EXPECT_TRUE(std::holds_alternative<double>(rows[0].at("value")));
    EXPECT_TRUE(std::holds_alternative<std::nullptr_t>(rows[0].at("quantity")));
}

TEST_F(TimeSeries, ReadErrors) {
    EXPECT_FAILS_UNCHANGED(db(), db().read_time_series_group("Nope", "data", 1), "Cannot read_time_series_group: collection not found: Nope");
    EXPECT_FAILS_UNCHANGED(db(), db().read_time_series_group("Collection", "nope", 1),
                           "Time series group 'nope' not found for collection 'Collection'");
    EXPECT_TRUE(db().read_time_series_group("Collection", "data", 99).empty());
}

TEST_F(TimeSeries, UpdateErrorsChangeNothing) {
    db().update_time_series_group("Collection", "data", 1, {{{"date_time", std::string("2024-06-01")}, {"value", 1.0}}});
    const std::string op = "Cannot update_time_series_group: ";
    EXPECT_FAILS_UNCHANGED(db(), db().update_time_series_group("Nope", "data", 1, {}), op + "collection not found: Nope");
    EXPECT_FAILS_UNCHANGED(db(), db().update_time_series_group("Collection", "nope", 1, {}),
                           "Time series group 'nope' not found for collection 'Collection'");
    EXPECT_FAILS_UNCHANGED(db(), db().update_time_series_group("Collection", "data", 1, {{{"value", 1.0}}}),
                           op + "row missing required 'date_time' column");
    EXPECT_FAILS_UNCHANGED(db(), db().update_time_series_group("Collection", "data", 1, {{{"date_time", std::string("2024-05-01")}}, {{"value", 2.0}}}),
                           op + "row missing required 'date_time' column");
    EXPECT_FAILS_UNCHANGED(db(), db().update_time_series_group("Collection", "data", 1, {{{"date_time", std::string("2024-05-01")}, {"nope", 1.0}}}),
                           op + "column 'nope' not found in group 'data' for collection 'Collection'");
    EXPECT_FAILS_UNCHANGED(db(), db().update_time_series_group("Collection", "data", 1, {{{"date_time", std::string("2024-05-01")}, {"id", int64_t{2}}}}),
                           op + "column 'id' not found in group 'data' for collection 'Collection'");
    EXPECT_FAILS_UNCHANGED(db(), db().update_time_series_group("Collection", "data", 1, {{{"date_time", std::string("2024-05-01")}, {"event", std::string("e")}}}),
                           op + "column 'event' not found in group 'data' for collection 'Collection'");
}

TEST_F(TimeSeries, UpdateTypeMismatch) {
    const std::string op = "Cannot update_time_series_group: ";
    EXPECT_FAILS_UNCHANGED(db(), db().update_time_series_group("Collection", "data", 1,
                                                               {{{"date_time", std::string("2024-01-01")}, {"quantity", int64_t{1}}},
                                                                {{"date_time", std::string("2024-01-02")}, {"quantity", 1.5}}}),
                           op + "type mismatch for column 'quantity' row 1: expected INTEGER, got REAL");
    // Strings are never resolved as labels here.
    EXPECT_FAILS_UNCHANGED(db(), db().update_time_series_group("Collection", "data", 1, {{{"date_time", std::string("2024-01-01")}, {"quantity", std::string("3")}}}),
                           op + "type mismatch for column 'quantity' row 0: expected INTEGER, got TEXT");
    EXPECT_FAILS_UNCHANGED(db(), db().update_time_series_group("Collection", "data", 1, {{{"date_time", std::string("2024-01-01")}, {"value", std::string("1.5")}}}),
                           op + "type mismatch for column 'value' row 0: expected REAL, got TEXT");
    EXPECT_FAILS_UNCHANGED(db(), db().update_time_series_group("Collection", "data", 1, {{{"date_time", int64_t{20240101}}}}),
                           op + "type mismatch for column 'date_time' row 0: expected DATE_TIME, got INTEGER");
    EXPECT_FAILS_UNCHANGED(db(), db().update_time_series_group("Collection", "data", 1, {{{"date_time", std::string("2024-01-01")}, {"note", 1.0}}}),
                           op + "type mismatch for column 'note' row 0: expected TEXT, got REAL");
}

TEST_F(TimeSeries, MissingElementFailsOnForeignKey) {
    EXPECT_FAILS_UNCHANGED(db(), db().update_time_series_group("Collection", "data", 99, {{{"date_time", std::string("2024-01-01")}}}),
                           "Failed to execute statement: FOREIGN KEY constraint failed");
}

TEST_F(TimeSeries, NullDimensionIsRefusedBeforeWriting) {  // api-additions 4.1
    db().update_time_series_group("Collection", "data", 1, {{{"date_time", std::string("2024-06-01")}}});
    EXPECT_FAILS_UNCHANGED(db(), db().update_time_series_group("Collection", "data", 1, {{{"date_time", nullptr}}}),
                           "Cannot update_time_series_group: row 0 has NULL in dimension column 'date_time'");
    EXPECT_FAILS_UNCHANGED(db(), db().update_time_series_group("Collection", "data", 1,
                                                               {{{"date_time", std::string("2024-01-01")}}, {{"date_time", nullptr}}}),
                           "Cannot update_time_series_group: row 1 has NULL in dimension column 'date_time'");
}

TEST_F(TimeSeries, DuplicateDimensionUndoesDelete) {
    db().update_time_series_group("Collection", "data", 1, {{{"date_time", std::string("2024-06-01")}, {"value", 1.0}}});
    EXPECT_FAILS_UNCHANGED(db(), db().update_time_series_group("Collection", "data", 1,
                                                               {{{"date_time", std::string("2024-05-01")}}, {{"date_time", std::string("2024-05-01")}}}),
                           "Failed to execute statement: UNIQUE constraint failed: Collection_time_series_data.id, Collection_time_series_data.date_time");
    EXPECT_EQ(db().read_time_series_group("Collection", "data", 1).size(), 1u);
}

TEST_F(TimeSeries, FailureInsideTransactionKeepsTransaction) {  // D3
    db().begin_transaction();
    db().update_time_series_group("Collection", "data", 1, {{{"date_time", std::string("2024-07-01")}, {"value", 1.0}}});
    EXPECT_FAILS_UNCHANGED(db(), db().update_time_series_group("Collection", "data", 1,
                                                               {{{"date_time", std::string("2024-05-01")}}, {{"date_time", std::string("2024-05-01")}}}),
                           "Failed to execute statement: UNIQUE constraint failed: Collection_time_series_data.id, Collection_time_series_data.date_time");
    EXPECT_TRUE(db().in_transaction());
    db().commit();
    EXPECT_EQ(dump(db().read_time_series_group("Collection", "data", 1)), "{date_time=s:2024-07-01, note=null, quantity=null, value=d:1.000000}");
}

TEST_F(TimeSeries, DeletingElementCascades) {
    db().update_time_series_group("Collection", "data", 1, {{{"date_time", std::string("2024-01-01")}}});
    db().delete_element("Collection", 1);
    EXPECT_EQ(count_rows(db(), "Collection_time_series_data"), 0);
}

TEST(TimeSeriesDimension, NonTimeColumnsAreValueColumns) {
    auto db = memory_db("issues/time_series_dimension.sql");
    db.create_element("Sensor", Element().set("label", "S"));
    // block is absent from every row: the column is omitted and takes its DEFAULT.
    db.update_time_series_group("Sensor", "readings", 1,
                                {{{"date_recorded", std::string("2024-01-02")}, {"reading", 2.0}, {"date_valid", std::string("2025-01-01")}},
                                 {{"date_recorded", std::string("2024-01-01")}, {"reading", 1.0}}});
    EXPECT_EQ(dump(db.read_time_series_group("Sensor", "readings", 1)),
              "{block=i:1, date_recorded=s:2024-01-01, date_valid=null, reading=d:1.000000}"
              "{block=i:1, date_recorded=s:2024-01-02, date_valid=s:2025-01-01, reading=d:2.000000}");
    EXPECT_FAILS_UNCHANGED(db, db.update_time_series_group("Sensor", "readings", 1, {{{"date_valid", std::string("x")}}}),
                           "Cannot update_time_series_group: row missing required 'date_recorded' column");
    db.update_time_series_group("Sensor", "declared", 1, {{{"moment", std::string("2024-05-05T05:05:05")}, {"level", 0.5}}});
    EXPECT_EQ(dump(db.read_time_series_group("Sensor", "declared", 1)), "{level=d:0.500000, moment=s:2024-05-05T05:05:05}");
}

TEST(TimeSeriesDimension, MissingDimension) {
    auto db = memory_db("issues/time_series_no_dimension.sql");
    db.create_element("Res", Element().set("label", "r"));
    EXPECT_FAILS_UNCHANGED(db, db.read_time_series_group("Res", "nodate", 1), "Dimension column not found: time series table 'Res_time_series_nodate'");
    EXPECT_FAILS_UNCHANGED(db, db.update_time_series_group("Res", "nodate", 1, {{{"step", int64_t{1}}}}),
                           "Dimension column not found: time series table 'Res_time_series_nodate'");
}

TEST(TimeSeriesElementArrays, ReadBackThroughGroupApi) {
    auto db = memory_db("valid/illustrative.sql");
    const auto id = db.create_element("Plant", Element()
                                                   .set("label", "P")
                                                   .set("date_time", std::vector<std::string>{"2024-01-02", "2024-01-01"})
                                                   .set("generation", std::vector<double>{2.0, 1.0}));
    EXPECT_EQ(dump(db.read_time_series_group("Plant", "output", id)),
              "{date_time=s:2024-01-01, generation=d:1.000000}{date_time=s:2024-01-02, generation=d:2.000000}");
}

// ---------------------------------------------------------------------------------------------
// Time-series files

class TimeSeriesFiles : public ::testing::Test {
protected:
    void SetUp() override { db_ = std::make_unique<Database>(memory_db("valid/time_series_files.sql")); }
    Database& db() { return *db_; }
    std::unique_ptr<Database> db_;
};

TEST_F(TimeSeriesFiles, HasAndListColumns) {
    EXPECT_TRUE(db().has_time_series_files("Collection"));
    EXPECT_FALSE(db().has_time_series_files("Configuration"));
    EXPECT_EQ(db().list_time_series_files_columns("Collection"), (std::vector<std::string>{"hydro", "solar", "wind"}));
    EXPECT_THROW_MSG(db().has_time_series_files("Nope"), "Cannot has_time_series_files: collection not found: Nope");
    EXPECT_THROW_MSG(db().list_time_series_files_columns("Nope"), "Cannot list_time_series_files_columns: collection not found: Nope");
    EXPECT_THROW_MSG(db().list_time_series_files_columns("Configuration"), "Time series files table not found: Configuration_time_series_files");
}

TEST_F(TimeSeriesFiles, ReadWithoutRowGivesEmptyColumns) {
    const auto files = db().read_time_series_files("Collection");
    EXPECT_EQ(files, (std::map<std::string, OptS>{{"hydro", std::nullopt}, {"solar", std::nullopt}, {"wind", std::nullopt}}));
}

TEST_F(TimeSeriesFiles, UpdateRewritesSingletonRow) {
    db().update_time_series_files("Collection", {{"wind", std::string("  wind.csv ")}, {"solar", std::string("solar.csv")}});
    EXPECT_EQ(db().read_time_series_files("Collection"),
              (std::map<std::string, OptS>{{"hydro", std::nullopt}, {"solar", "solar.csv"}, {"wind", "wind.csv"}}));
    // Omitted columns become NULL.
    db().update_time_series_files("Collection", {{"hydro", std::string("hydro.csv")}, {"wind", std::nullopt}});
    EXPECT_EQ(db().read_time_series_files("Collection"),
              (std::map<std::string, OptS>{{"hydro", "hydro.csv"}, {"solar", std::nullopt}, {"wind", std::nullopt}}));
    EXPECT_EQ(count_rows(db(), "Collection_time_series_files"), 1);
}

TEST_F(TimeSeriesFiles, EmptyMapIsNoOp) {
    db().update_time_series_files("Collection", {{"wind", std::string("w")}});
    const std::string before = snapshot(db());
    db().update_time_series_files("Collection", {});
    EXPECT_EQ(snapshot(db()), before);
}

TEST_F(TimeSeriesFiles, Errors) {
    db().update_time_series_files("Collection", {{"wind", std::string("w")}});
    EXPECT_FAILS_UNCHANGED(db(), db().update_time_series_files("Collection", {{"wind", std::string("x")}, {"nope", std::string("n")}}),
                           "Cannot update_time_series_files: column 'nope' not found in table 'Collection_time_series_files'");
    EXPECT_FAILS_UNCHANGED(db(), db().update_time_series_files("Configuration", {{"wind", std::string("x")}}),
                           "Time series files table not found for collection 'Configuration'");
    EXPECT_FAILS_UNCHANGED(db(), db().update_time_series_files("Nope", {{"wind", std::string("x")}}),
                           "Cannot update_time_series_files: collection not found: Nope");
    EXPECT_FAILS_UNCHANGED(db(), db().read_time_series_files("Configuration"), "Time series files table not found for collection 'Configuration'");
    EXPECT_FAILS_UNCHANGED(db(), db().read_time_series_files("Nope"), "Cannot read_time_series_files: collection not found: Nope");
}

TEST_F(TimeSeriesFiles, InsideTransaction) {
    db().begin_transaction();
    db().update_time_series_files("Collection", {{"wind", std::string("w")}});
    EXPECT_FAILS_UNCHANGED(db(), db().update_time_series_files("Collection", {{"nope", std::string("n")}}),
                           "Cannot update_time_series_files: column 'nope' not found in table 'Collection_time_series_files'");
    db().commit();
    EXPECT_EQ(db().read_time_series_files("Collection").at("wind"), OptS("w"));
}

TEST(TimeSeriesFilesIllustrative, PlantFiles) {
    auto db = memory_db("valid/illustrative.sql");
    EXPECT_TRUE(db.has_time_series_files("Plant"));
    EXPECT_FALSE(db.has_time_series_files("Owner"));
    EXPECT_EQ(db.list_time_series_files_columns("Plant"), (std::vector<std::string>{"demand", "inflow"}));
    db.update_time_series_files("Plant", {{"inflow", std::string("in.csv")}});
    EXPECT_EQ(db.read_time_series_files("Plant"), (std::map<std::string, OptS>{{"demand", std::nullopt}, {"inflow", "in.csv"}}));
}
