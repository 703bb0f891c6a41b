// DATE_TIME validation (api-additions §10.3, D22): the grammar, through the one type-check path
// (TypeValidator::validate_value), and its use by every write path: create_element and
// update_element (scalars and arrays), update_time_series_group. CSV import keeps its own rules.
#include "test_helpers.h"

#include <quiver/database.h>
#include <quiver/type_validator.h>

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace quiver;
using namespace quiver::test;

namespace {

const char* kExpected = ": expected YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS";

bool accepted(const std::string& text) {
    try {
        TypeValidator::validate_value("op", "column 'd'", DataType::DateTime, Value(text));
        return true;
    } catch (const std::runtime_error&) {
        return false;
    }
}

}  // namespace

TEST(DateTimeGrammar, AcceptedForms) {
    for (const char* text : {"2024-01-15", "2024-01-15T10", "2024-01-15T10:30", "2024-01-15T10:30:45",
                             "2024-01-15T10:30:45.1", "2024-01-15T10:30:45.123456789", "2024-01-15 10:30:45",
                             "2024-01-15 10", "2024-01-15T10Z", "2024-01-15T10:30Z", "2024-01-15T10:30:45Z",
                             "2024-01-15T10:30:45.5Z", "0001-01-01", "9999-12-31T23:59:59", "2024-02-29",
                             "2000-02-29", "2023-12-31T00:00:00", "1900-02-28"}) {
        EXPECT_TRUE(accepted(text)) << text;
    }
}

TEST(DateTimeGrammar, RejectedForms) {
    for (const char* text :
         {"", "yesterday", "not a date", "15/01/2020", "2024/01/15", "20240115", "2024-1-15", "2024-01-5",
          "24-01-15", "+2024-01-15", "02024-01-15", "0000-01-01", "2024-00-10", "2024-13-01", "2024-01-00",
          "2024-01-32", "2023-02-29", "1900-02-29", "2100-02-29", "2024-04-31", "2024-06-31", "2024-09-31",
          "2024-11-31", "2024-01-15T", "2024-01-15 x", "2024-01-15T1", "2024-01-15T24", "2024-01-15T23:60",
          "2024-01-15T23:59:60", "2024-01-15T10:3", "2024-01-15T10:30:4", "2024-01-15T10:30:45.",
          "2024-01-15T10:30:45.1234567890", "2024-01-15T10:30.5", "2024-01-15T10.5", "2024-01-15Z",
          "2024-01-15T10:30:45ZZ", "2024-01-15T10:30:45+01:00", "2024-01-15T10:30:45 Z", "2024-01-15t10:30",
          "2024-01-15_10:30", "2024-01-15TT10", "2024-01-15T10:30:45z", "2024-01-15x", "2024-０1-15",
          "2024-01-15\n10:00"}) {
        EXPECT_FALSE(accepted(text)) << text;
    }
}

TEST(DateTimeGrammar, CheckedOnTheTrimmedValue) {
    // Strings are trimmed when bound, so surrounding whitespace is not part of the value.
    EXPECT_TRUE(accepted("  2024-01-15 "));
    EXPECT_TRUE(accepted("\t2024-01-15T10:30\r\n"));
    EXPECT_FALSE(accepted("   "));
}

TEST(DateTimeGrammar, MessageAndContexts) {
    EXPECT_THROW_MSG(TypeValidator::validate_value("create_element", "column 'date_start'", DataType::DateTime,
                                                   Value(std::string("15/01/2020"))),
                     std::string("Cannot create_element: invalid date-time '15/01/2020' for column 'date_start'") +
                         kExpected);
    EXPECT_THROW_MSG(TypeValidator::validate_value("update_element", "array 'date_time' index 2", DataType::DateTime,
                                                   Value(std::string("yesterday"))),
                     std::string("Cannot update_element: invalid date-time 'yesterday' for array 'date_time' index 2") +
                         kExpected);
    EXPECT_THROW_MSG(TypeValidator::validate_value("update_time_series_group", "column 'date_time' row 1",
                                                   DataType::DateTime, Value(std::string("x"))),
                     std::string("Cannot update_time_series_group: invalid date-time 'x' for column 'date_time' row 1") +
                         kExpected);
    // The type rule comes first; NULL passes; TEXT columns are not checked.
    EXPECT_THROW_MSG(TypeValidator::validate_value("op", "column 'd'", DataType::DateTime, Value(int64_t{20240101})),
                     "Cannot op: type mismatch for column 'd': expected DATE_TIME, got INTEGER");
    EXPECT_NO_THROW(TypeValidator::validate_value("op", "column 'd'", DataType::DateTime, Value(nullptr)));
    EXPECT_NO_THROW(TypeValidator::validate_value("op", "column 't'", DataType::Text, Value(std::string("yesterday"))));
}

// --------------------------------------------------------------------------------------------
// Every write path, refused unchanged inside and outside a user transaction

class DateTimeWrites : public ::testing::Test {
protected:
    void SetUp() override {
        db_ = std::make_unique<Database>(memory_db("valid/time_series.sql"));
        db().create_element("Collection", Element().set("label", "A"));
        db().update_time_series_group("Collection", "data", 1, {{{"date_time", std::string("2024-01-01")}, {"value", 1.0}}});
        collections_ = std::make_unique<Database>(memory_db("valid/collections.sql"));
        other().create_element("Collection", Element().set("label", "A").set("date_start", std::string("2024-01-01")));
    }
    template <typename F>
    void in_both_modes(Database& db, F body) {
        body();
        db.begin_transaction();
        body();
        EXPECT_TRUE(db.in_transaction());
        db.rollback();
    }
    Database& db() { return *db_; }
    Database& other() { return *collections_; }
    std::unique_ptr<Database> db_;
    std::unique_ptr<Database> collections_;
};

TEST_F(DateTimeWrites, ElementScalars) {
    in_both_modes(other(), [&] {
        // date_start is TEXT named date_*, date_end is declared DATE_TIME: both are DateTime.
        EXPECT_FAILS_UNCHANGED(other(), other().create_element("Collection", Element().set("label", "B").set("date_start", "yesterday")),
                               std::string("Cannot create_element: invalid date-time 'yesterday' for column 'date_start'") + kExpected);
        EXPECT_FAILS_UNCHANGED(other(), other().create_element("Collection", Element().set("label", "B").set("date_end", "2024-02-30")),
                               std::string("Cannot create_element: invalid date-time '2024-02-30' for column 'date_end'") + kExpected);
        EXPECT_FAILS_UNCHANGED(other(), other().update_element("Collection", 1, Element().set("date_start", "15/01/2020")),
                               std::string("Cannot update_element: invalid date-time '15/01/2020' for column 'date_start'") + kExpected);
    });
    // Valid values are stored as given (trimmed, not normalised); NULL is fine.
    other().update_element("Collection", 1, Element().set("date_start", " 2024-03-04 05:06 ").set_null("date_end"));
    EXPECT_EQ(other().read_scalar_string_by_id("Collection", "date_start", 1), std::optional<std::string>("2024-03-04 05:06"));
    // Other TEXT columns are not dates.
    other().update_element("Collection", 1, Element().set("some_string", "yesterday"));
}

TEST_F(DateTimeWrites, ElementArraysAndTimeSeriesDimension) {
    in_both_modes(db(), [&] {
        EXPECT_FAILS_UNCHANGED(db(), db().create_element("Collection", Element()
                                                                           .set("label", "B")
                                                                           .set("date_time", {"2024-01-01", "tomorrow"})
                                                                           .set("value", {1.0, 2.0})),
                               std::string("Cannot create_element: invalid date-time 'tomorrow' for array 'date_time' index 1") + kExpected);
        EXPECT_FAILS_UNCHANGED(db(), db().update_element("Collection", 1, Element().set("date_time", {"2024-13-01"}).set("value", {1.0})),
                               std::string("Cannot update_element: invalid date-time '2024-13-01' for array 'date_time' index 0") + kExpected);
    });
}

TEST_F(DateTimeWrites, TimeSeriesCells) {
    in_both_modes(db(), [&] {
        EXPECT_FAILS_UNCHANGED(db(), db().update_time_series_group("Collection", "data", 1,
                                                                   {{{"date_time", std::string("2024-01-02")}},
                                                                    {{"date_time", std::string("2024-01-02T25:00")}}}),
                               std::string("Cannot update_time_series_group: invalid date-time '2024-01-02T25:00' for column 'date_time' row 1") +
                                   kExpected);
    });
    db().update_time_series_group("Collection", "data", 1, {{{"date_time", std::string("2024-01-02T10:00:00.5Z")}}});
    EXPECT_EQ(std::get<std::string>(db().read_time_series_group("Collection", "data", 1).at(0).at("date_time")),
              "2024-01-02T10:00:00.5Z");
}

TEST_F(DateTimeWrites, TimeSeriesValueColumnNamedDate) {
    auto db = memory_db("issues/time_series_dimension.sql");
    db.create_element("Sensor", Element().set("label", "S"));
    EXPECT_FAILS_UNCHANGED(db, db.update_time_series_group("Sensor", "readings", 1,
                                                           {{{"date_recorded", std::string("2024-01-01")},
                                                             {"date_valid", std::string("soon")}}}),
                           std::string("Cannot update_time_series_group: invalid date-time 'soon' for column 'date_valid' row 0") +
                               kExpected);
}

TEST_F(DateTimeWrites, QueryParametersAreNotChecked) {
    EXPECT_EQ(db().query_string("SELECT ?", {Value(std::string("yesterday"))}), std::optional<std::string>("yesterday"));
}
