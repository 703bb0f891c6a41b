// Partial updates of multi-column groups (api-additions §10.2, D21): update_element refuses a
// rewrite that would discard stored non-NULL values of columns it was not given, naming them;
// a partial rewrite that discards nothing proceeds. Refusals change nothing, inside and outside
// a user transaction.
#include "test_helpers.h"

#include <quiver/database.h>

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace quiver;
using namespace quiver::test;

namespace {

std::string refusal(const std::string& columns, const std::string& kind, const std::string& group, int64_t id,
                    const std::string& writer) {
    return "Cannot update_element: column(s) " + columns + " of " + kind + " group '" + group +
           "' in collection 'Item' hold values for element " + std::to_string(id) +
           " but were not given; give every column or use " + writer;
}

class PartialUpdate : public ::testing::Test {
protected:
    void SetUp() override {
        db_ = std::make_unique<Database>(memory_db("valid/c_api_full.sql"));
        // Item_vector_values (value_int, value_float), Item_time_series_readings
        // (date_time, count_value, date_valid, measurement, note).
        full_ = db().create_element("Item", Element()
                                                .set("label", "full")
                                                .set("value_int", {1, 2})
                                                .set("value_float", {0.5, 1.5})
                                                .set("date_time", {"2024-01-01"})
                                                .set("measurement", {2.0})
                                                .set("note", {"n"}));
        half_ = db().create_element("Item", Element().set("label", "half").set("value_int", {7, 8}));
        empty_ = db().create_element("Item", Element().set("label", "empty"));
    }
    std::string rows(const std::string& sql) { return db().query_string(sql).value_or("<none>"); }
    Database& db() { return *db_; }
    std::unique_ptr<Database> db_;
    int64_t full_ = 0, half_ = 0, empty_ = 0;
};

}  // namespace

TEST_F(PartialUpdate, RefusedWhenOmittedColumnsHoldValues) {
    in_both_modes(db(), [&] {
        EXPECT_FAILS_UNCHANGED(db(), db().update_element("Item", full_, Element().set("value_int", {5})),
                               refusal("value_float", "vector", "values", full_, "update_vector_group"));
        EXPECT_FAILS_UNCHANGED(db(), db().update_element("Item", full_, Element().set("value_float", {5.0})),
                               refusal("value_int", "vector", "values", full_, "update_vector_group"));
        // Only the omitted columns that hold values are listed, alphabetically (count_value and
        // date_valid are NULL for this element).
        EXPECT_FAILS_UNCHANGED(db(), db().update_element("Item", full_, Element().set("date_time", {"2024-02-01"})),
                               refusal("measurement, note", "time series", "readings", full_, "update_time_series_group"));
        EXPECT_FAILS_UNCHANGED(db(), db().update_element("Item", full_,
                                                         Element().set("date_time", {"2024-02-01"}).set("count_value", {3})),
                               refusal("measurement, note", "time series", "readings", full_, "update_time_series_group"));
        // A scalar in the same call is not written either.
        EXPECT_FAILS_UNCHANGED(db(), db().update_element("Item", full_, Element().set("quantity", 9).set("value_int", {5})),
                               refusal("value_float", "vector", "values", full_, "update_vector_group"));
    });
}

TEST_F(PartialUpdate, AllowedWhenNothingWouldBeLost) {
    // half_'s value_float is NULL in every row: rewriting value_int alone loses nothing.
    db().update_element("Item", half_, Element().set("value_int", {9}));
    EXPECT_EQ(rows("SELECT group_concat(quote(value_int) || '/' || quote(value_float)) FROM Item_vector_values WHERE id = 2"),
              "9/NULL");
    // No rows at all: nothing to lose.
    db().update_element("Item", empty_, Element().set("value_float", {1.25}));
    EXPECT_EQ(rows("SELECT group_concat(quote(value_int) || '/' || quote(value_float)) FROM Item_vector_values WHERE id = 3"),
              "NULL/1.25");
    // Clearing with every column given, or giving every column, is never refused.
    db().update_element("Item", full_, Element().set("value_int", std::vector<int64_t>{}).set("value_float", std::vector<double>{}));
    EXPECT_EQ(count_rows(db(), "Item_vector_values", "id = 1"), 0);
    db().update_element("Item", full_, Element()
                                           .set("date_time", {"2024-03-01"})
                                           .set("count_value", {1})
                                           .set("date_valid", {nullptr})
                                           .set("measurement", {nullptr})
                                           .set("note", {"m"}));
    EXPECT_EQ(rows("SELECT group_concat(date_time || '/' || quote(measurement) || '/' || note) FROM Item_time_series_readings"),
              "2024-03-01/NULL/m");
    // Now measurement is NULL and note holds a value: omitting measurement is allowed, note not.
    db().update_element("Item", full_, Element().set("date_time", {"2024-04-01"}).set("count_value", {2}).set("note", {"k"}));
    EXPECT_FAILS_UNCHANGED(db(), db().update_element("Item", full_, Element().set("date_time", {"2024-05-01"}).set("count_value", {3})),
                           refusal("note", "time series", "readings", full_, "update_time_series_group"));
}

TEST_F(PartialUpdate, SingleColumnGroupsAreNeverPartial) {
    db().update_element("Item", full_, Element().set("tag", {"a", "b"}).set("name_text", {"x"}));
    db().update_element("Item", full_, Element().set("tag", {"c"}).set("name_text", std::vector<std::string>{}));
    EXPECT_EQ(db().read_set_strings_by_id("Item", "tag", full_), std::vector<std::string>{"c"});
}

TEST_F(PartialUpdate, CheckedAfterTheOtherChecks) {
    // A type error in the same call is reported first.
    EXPECT_FAILS_UNCHANGED(db(), db().update_element("Item", full_, Element().set("value_int", {1.5})),
                           "Cannot update_element: type mismatch for array 'value_int' index 0: expected INTEGER, got REAL");
    EXPECT_FAILS_UNCHANGED(db(), db().update_element("Item", full_, Element().set("value_int", {1, 2}).set("date_time", {"bad"})),
                           "Cannot update_element: invalid date-time 'bad' for array 'date_time' index 0: expected "
                           "YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS");
    // Tables in processing order: the vector group before the time-series group.
    EXPECT_FAILS_UNCHANGED(db(), db().update_element("Item", full_, Element().set("value_int", {1}).set("date_time", {"2024-09-09"})),
                           refusal("value_float", "vector", "values", full_, "update_vector_group"));
}

TEST_F(PartialUpdate, CreateIsUnaffected) {
    const auto id = db().create_element("Item", Element().set("label", "new").set("value_float", {3.0}));
    EXPECT_EQ(count_rows(db(), "Item_vector_values", "id = " + std::to_string(id) + " AND value_int IS NULL"), 1);
}

TEST_F(PartialUpdate, RoundTripAfterAllowedPartialUpdate) {
    db().update_element("Item", half_, Element().set("value_int", {nullptr, 4}));
    const auto group = "SELECT group_concat(vector_index || ':' || quote(value_int) || ':' || quote(value_float), ' ') "
                       "FROM Item_vector_values WHERE id = " + std::to_string(half_);
    EXPECT_EQ(rows(group), "1:NULL:NULL 2:4:NULL");
    // Writing the same cells back through a full update gives the same rows.
    db().update_element("Item", half_, Element().set("value_int", {nullptr, 4}).set("value_float", {nullptr, nullptr}));
    EXPECT_EQ(rows(group), "1:NULL:NULL 2:4:NULL");
}
