// update_element (semantics §4.5; D2, D3, D6, D14).
#include "test_helpers.h"

#include <quiver/database.h>

#include <gtest/gtest.h>

using namespace quiver;
using namespace quiver::test;

using OptI = std::optional<int64_t>;
using OptD = std::optional<double>;
using OptS = std::optional<std::string>;

class UpdateScalars : public ::testing::Test {
protected:
    void SetUp() override {
        db_ = std::make_unique<Database>(memory_db("valid/collections.sql"));
        db().create_element("Configuration", Element().set("label", "cfg"));
        db().create_element("Collection", Element()
                                              .set("label", "A")
                                              .set("some_integer", int64_t{1})
                                              .set("some_float", 1.5)
                                              .set("some_string", std::string("one")));
        db().create_element("Collection", Element().set("label", "B").set("some_integer", int64_t{2}));
    }
    Database& db() { return *db_; }
    std::unique_ptr<Database> db_;
};

TEST_F(UpdateScalars, UpdatesOnlyGivenColumns) {
    db().update_element("Collection", 1, Element().set("some_integer", int64_t{10}).set("some_string", std::string("ten")));
    EXPECT_EQ(db().read_scalar_integer_by_id("Collection", "some_integer", 1), OptI(10));
    EXPECT_EQ(db().read_scalar_string_by_id("Collection", "some_string", 1), OptS("ten"));
    EXPECT_EQ(db().read_scalar_float_by_id("Collection", "some_float", 1), OptD(1.5));
    EXPECT_EQ(db().read_scalar_string_by_id("Collection", "label", 1), OptS("A"));
    // The other element is untouched.
    EXPECT_EQ(db().read_scalar_integer_by_id("Collection", "some_integer", 2), OptI(2));
}

TEST_F(UpdateScalars, Label) {
    db().update_element("Collection", 2, Element().set("label", "  Renamed  "));
    EXPECT_EQ(db().read_scalar_strings("Collection", "label"), (std::vector<OptS>{"A", "Renamed"}));
}

TEST_F(UpdateScalars, SetNull) {
    db().update_element("Collection", 1, Element().set_null("some_float"));
    EXPECT_EQ(db().read_scalar_float_by_id("Collection", "some_float", 1), std::nullopt);
}

TEST_F(UpdateScalars, IntegerIntoRealColumn) {  // D1
    db().update_element("Collection", 1, Element().set("some_float", int64_t{4}));
    EXPECT_EQ(db().read_scalar_float_by_id("Collection", "some_float", 1), OptD(4.0));
}

TEST_F(UpdateScalars, WhitespaceOnlyBecomesEmptyString) {
    db().update_element("Collection", 1, Element().set("some_string", std::string("   ")));
    EXPECT_EQ(db().read_scalar_string_by_id("Collection", "some_string", 1), OptS(""));
}

TEST_F(UpdateScalars, MissingId) {  // D6
    EXPECT_FAILS_UNCHANGED(db(), db().update_element("Collection", 99, Element().set("some_integer", int64_t{1})),
                           "Element not found: 99 in collection 'Collection'");
    EXPECT_FAILS_UNCHANGED(db(), db().update_element("Configuration", 2, Element().set("label", "x")),
                           "Element not found: 2 in collection 'Configuration'");
    EXPECT_FAILS_UNCHANGED(db(), db().update_element("Collection", -1, Element().set("label", "x")),
                           "Element not found: -1 in collection 'Collection'");
}

TEST_F(UpdateScalars, EmptyElement) {
    EXPECT_FAILS_UNCHANGED(db(), db().update_element("Collection", 1, Element()),
                           "Cannot update_element: element must have at least one attribute to update");
    // Checked before the element's existence.
    EXPECT_FAILS_UNCHANGED(db(), db().update_element("Collection", 99, Element()),
                           "Cannot update_element: element must have at least one attribute to update");
}

TEST_F(UpdateScalars, UnknownCollection) {
    EXPECT_FAILS_UNCHANGED(db(), db().update_element("Nope", 1, Element().set("label", "x")),
                           "Cannot update_element: collection not found: Nope");
}

TEST_F(UpdateScalars, UnknownAttribute) {  // D14
    EXPECT_FAILS_UNCHANGED(db(), db().update_element("Configuration", 1, Element().set("nope", int64_t{1})),
                           "Cannot update_element: column 'nope' not found in table 'Configuration'");
}

TEST_F(UpdateScalars, MissingIdCheckedBeforeAttributes) {
    EXPECT_FAILS_UNCHANGED(db(), db().update_element("Collection", 99, Element().set("nope", int64_t{1})),
                           "Element not found: 99 in collection 'Collection'");
}

TEST_F(UpdateScalars, TypeMismatch) {
    EXPECT_FAILS_UNCHANGED(db(), db().update_element("Configuration", 1, Element().set("integer_attribute", 1.5)),
                           "Cannot update_element: type mismatch for column 'integer_attribute': expected INTEGER, got REAL");
    EXPECT_FAILS_UNCHANGED(db(), db().update_element("Collection", 1, Element().set("some_string", int64_t{3})),
                           "Cannot update_element: type mismatch for column 'some_string': expected TEXT, got INTEGER");
    EXPECT_FAILS_UNCHANGED(db(), db().update_element("Collection", 1, Element().set("date_end", 2.0)),
                           "Cannot update_element: type mismatch for column 'date_end': expected DATE_TIME, got REAL");
    EXPECT_FAILS_UNCHANGED(db(), db().update_element("Collection", 1, Element().set("some_integer", std::string("abc"))),
                           "Cannot resolve attribute: 'some_integer' is INTEGER but received string 'abc' (not a foreign key)");
}

TEST_F(UpdateScalars, DuplicateLabel) {
    EXPECT_FAILS_UNCHANGED(db(), db().update_element("Collection", 2, Element().set("label", "A")),
                           "Failed to execute statement: UNIQUE constraint failed: Collection.label");
}

TEST_F(UpdateScalars, NotNullViolation) {
    EXPECT_FAILS_UNCHANGED(db(), db().update_element("Collection", 1, Element().set_null("label")),
                           "Failed to execute statement: NOT NULL constraint failed: Collection.label");
}

TEST_F(UpdateScalars, ArrayOnCollectionWithoutGroups) {
    EXPECT_FAILS_UNCHANGED(db(), db().update_element("Collection", 1, Element().set("some_integer", std::vector<int64_t>{1})),
                           "Cannot update_element: attribute 'some_integer' is not a vector, set, or time series attribute in collection 'Collection'");
}

// ---------------------------------------------------------------------------------------------
// Arrays

class UpdateVectors : public ::testing::Test {
protected:
    void SetUp() override {
        db_ = std::make_unique<Database>(memory_db("valid/vectors.sql"));
        db().create_element("Collection", Element()
                                              .set("label", "A")
                                              .set("value_int", std::vector<int64_t>{1, 2, 3})
                                              .set("value_float", std::vector<double>{1.5, 2.5, 3.5})
                                              .set("codes", std::vector<int64_t>{9}));
        db().create_element("Collection", Element().set("label", "B").set("value_int", std::vector<int64_t>{4}));
    }
    Database& db() { return *db_; }
    std::unique_ptr<Database> db_;
};

TEST_F(UpdateVectors, ReplacesWholeGroupAndReindexes) {
    db().update_element("Collection", 1, Element()
                                             .set("value_int", std::vector<int64_t>{7, 8})
                                             .set("value_float", std::vector<double>{7.5, 8.5}));
    EXPECT_EQ(db().read_vector_integers_by_id("Collection", "value_int", 1), (std::vector<int64_t>{7, 8}));
    EXPECT_EQ(db().read_vector_floats_by_id("Collection", "value_float", 1), (std::vector<double>{7.5, 8.5}));
    EXPECT_EQ(db().query_string("SELECT group_concat(vector_index, ',') FROM (SELECT vector_index FROM "
                                "Collection_vector_values WHERE id = 1 ORDER BY vector_index)"),
              OptS("1,2"));
    // Other groups and other elements untouched.
    EXPECT_EQ(db().read_vector_integers_by_id("Collection", "codes", 1), (std::vector<int64_t>{9}));
    EXPECT_EQ(db().read_vector_integers_by_id("Collection", "value_int", 2), (std::vector<int64_t>{4}));
}

// D21 replaced "omitted columns of the group become NULL": refused when they hold values,
// allowed when nothing would be lost (tests in test_partial_update.cpp).
TEST_F(UpdateVectors, OmittedColumnsOfTheGroupBecomeNullOnlyWhenNothingIsLost) {
    EXPECT_FAILS_UNCHANGED(db(), db().update_element("Collection", 1, Element().set("value_int", std::vector<int64_t>{5})),
                           "Cannot update_element: column(s) value_float of vector group 'values' in collection "
                           "'Collection' hold values for element 1 but were not given; give every column or use "
                           "update_vector_group");
    // Element 2's value_float is NULL: the rewrite discards nothing.
    db().update_element("Collection", 2, Element().set("value_int", std::vector<int64_t>{5, 6}));
    EXPECT_EQ(db().read_vector_integers_by_id("Collection", "value_int", 2), (std::vector<int64_t>{5, 6}));
    EXPECT_EQ(count_rows(db(), "Collection_vector_values", "id = 2 AND value_float IS NULL"), 2);
}

TEST_F(UpdateVectors, EmptyArrayClearsGroup) {
    db().update_element("Collection", 1, Element().set("codes", std::vector<int64_t>{}));
    EXPECT_TRUE(db().read_vector_integers_by_id("Collection", "codes", 1).empty());
    EXPECT_EQ(count_rows(db(), "Collection_vector_codes"), 0);
    db().update_element("Collection", 1, Element().set("value_int", std::vector<int64_t>{}).set("value_float", std::vector<double>{}));
    EXPECT_EQ(count_rows(db(), "Collection_vector_values", "id = 1"), 0);
    EXPECT_EQ(count_rows(db(), "Collection_vector_values", "id = 2"), 1);
}

TEST_F(UpdateVectors, ArraysOnlyWithoutScalars) {
    db().update_element("Collection", 2, Element().set("codes", std::vector<int64_t>{1, 2}));
    EXPECT_EQ(db().read_vector_integers_by_id("Collection", "codes", 2), (std::vector<int64_t>{1, 2}));
    EXPECT_EQ(db().read_scalar_string_by_id("Collection", "label", 2), OptS("B"));
}

TEST_F(UpdateVectors, ScalarsAndArraysTogether) {
    db().update_element("Collection", 2, Element().set("some_integer", int64_t{5}).set("codes", std::vector<int64_t>{3}));
    EXPECT_EQ(db().read_scalar_integer_by_id("Collection", "some_integer", 2), OptI(5));
    EXPECT_EQ(db().read_vector_integers_by_id("Collection", "codes", 2), (std::vector<int64_t>{3}));
}

TEST_F(UpdateVectors, ScalarOnlyUpdateKeepsGroups) {
    db().update_element("Collection", 1, Element().set("some_float", 2.0));
    EXPECT_EQ(db().read_vector_integers_by_id("Collection", "value_int", 1), (std::vector<int64_t>{1, 2, 3}));
}

TEST_F(UpdateVectors, ArrayTypeMismatchIsChecked) {  // D2
    EXPECT_FAILS_UNCHANGED(db(), db().update_element("Collection", 1, Element().set("value_int", std::vector<double>{1.5})),
                           "Cannot update_element: type mismatch for array 'value_int' index 0: expected INTEGER, got REAL");
    EXPECT_FAILS_UNCHANGED(db(), db().update_element("Collection", 1, Element().set("value_string", std::vector<double>{1.5})),
                           "Cannot update_element: type mismatch for array 'value_string' index 0: expected TEXT, got REAL");
    EXPECT_FAILS_UNCHANGED(db(), db().update_element("Collection", 1, Element().set("codes", std::vector<std::string>{"x"})),
                           "Cannot resolve attribute: 'codes' is INTEGER but received string 'x' (not a foreign key)");
}

TEST_F(UpdateVectors, IntegerArrayIntoRealColumn) {  // D1 on update
    db().update_element("Collection", 1,
                        Element().set("value_float", std::vector<int64_t>{3}).set("value_int", std::vector<int64_t>{1}));
    EXPECT_EQ(db().read_vector_floats_by_id("Collection", "value_float", 1), (std::vector<double>{3.0}));
}

TEST_F(UpdateVectors, UnknownArray) {
    EXPECT_FAILS_UNCHANGED(db(), db().update_element("Collection", 1, Element().set("nope", std::vector<int64_t>{1})),
                           "Cannot update_element: attribute 'nope' is not a vector, set, or time series attribute in collection 'Collection'");
    EXPECT_FAILS_UNCHANGED(db(), db().update_element("Collection", 1, Element().set("values", std::vector<int64_t>{1})),
                           "Cannot update_element: attribute 'values' is not a vector, set, or time series attribute in collection 'Collection'");
}

TEST_F(UpdateVectors, MismatchedLengths) {
    EXPECT_FAILS_UNCHANGED(db(), db().update_element("Collection", 1, Element()
                                                                          .set("value_int", std::vector<int64_t>{1, 2})
                                                                          .set("value_float", std::vector<double>{1.0})),
                           "Cannot update_element: vector columns in table 'Collection_vector_values' must have the same length");
    // An empty array next to a non-empty one is a mismatch.
    EXPECT_FAILS_UNCHANGED(db(), db().update_element("Collection", 1, Element()
                                                                          .set("value_int", std::vector<int64_t>{1, 2})
                                                                          .set("value_float", std::vector<double>{})),
                           "Cannot update_element: vector columns in table 'Collection_vector_values' must have the same length");
}

TEST_F(UpdateVectors, MissingIdWithArrays) {
    EXPECT_FAILS_UNCHANGED(db(), db().update_element("Collection", 42, Element().set("codes", std::vector<int64_t>{1})),
                           "Element not found: 42 in collection 'Collection'");
}

TEST_F(UpdateVectors, FailedArrayWriteUndoesScalarUpdate) {
    // NULL into a NOT NULL vector column is impossible through Element; use a duplicate label
    // (scalar UPDATE fails) together with arrays instead, and a failing group insert below.
    EXPECT_FAILS_UNCHANGED(db(), db().update_element("Collection", 2, Element().set("label", "A").set("codes", std::vector<int64_t>{1})),
                           "Failed to execute statement: UNIQUE constraint failed: Collection.label");
}

TEST(UpdateSets, ReplacedWholesale) {
    auto db = memory_db("valid/sets.sql");
    db.create_element("Collection", Element().set("label", "A").set("tag", std::vector<std::string>{"a", "b"}));
    db.update_element("Collection", 1, Element().set("tag", std::vector<std::string>{"c"}));
    EXPECT_EQ(db.read_set_strings_by_id("Collection", "tag", 1), (std::vector<std::string>{"c"}));
    db.update_element("Collection", 1, Element().set("tag", std::vector<std::string>{}));
    EXPECT_TRUE(db.read_set_strings_by_id("Collection", "tag", 1).empty());
}

TEST(UpdateSets, FailedSetInsertUndoesEverything) {
    auto db = memory_db("valid/sets.sql");
    db.create_element("Collection", Element().set("label", "A").set("some_integer", int64_t{1}).set("tag", std::vector<std::string>{"a", "b"}));
    // The scalar UPDATE and the DELETE of the old set rows succeed before the duplicate fails.
    EXPECT_FAILS_UNCHANGED(db, db.update_element("Collection", 1, Element()
                                                                     .set("some_integer", int64_t{2})
                                                                     .set("label", "Changed")
                                                                     .set("tag", std::vector<std::string>{"x", "x"})),
                           "Failed to execute statement: UNIQUE constraint failed: Collection_set_tags.id, Collection_set_tags.tag");
    EXPECT_EQ(db.read_scalar_integer_by_id("Collection", "some_integer", 1), OptI(1));
    EXPECT_EQ(sorted(db.read_set_strings_by_id("Collection", "tag", 1)), (std::vector<std::string>{"a", "b"}));
}

TEST(UpdateSets, MultiColumnPartialRewrite) {
    auto db = memory_db("valid/sets.sql");
    db.create_element("Collection", Element()
                                        .set("label", "A")
                                        .set("number", std::vector<int64_t>{1, 2})
                                        .set("ratio", std::vector<double>{0.5, 0.25}));
    // D21: ratio holds values, so a rewrite of 'number' alone would wipe them.
    EXPECT_FAILS_UNCHANGED(db, db.update_element("Collection", 1, Element().set("number", std::vector<int64_t>{3})),
                           "Cannot update_element: column(s) ratio of set group 'numbers' in collection 'Collection' "
                           "hold values for element 1 but were not given; give every column or use update_set_group");
    db.update_element("Collection", 1, Element().set("number", std::vector<int64_t>{3}).set("ratio", std::vector<Value>{nullptr}));
    EXPECT_EQ(db.read_set_integers_by_id("Collection", "number", 1), (std::vector<int64_t>{3}));
    EXPECT_EQ(count_rows(db, "Collection_set_numbers", "id = 1 AND ratio IS NULL"), 1);
    // Now ratio holds no value: a partial rewrite discards nothing and is allowed.
    db.update_element("Collection", 1, Element().set("number", std::vector<int64_t>{4, 5}));
    EXPECT_EQ(sorted(db.read_set_integers_by_id("Collection", "number", 1)), (std::vector<int64_t>{4, 5}));
}

TEST(UpdateTimeSeries, DateTimeArrayReplacesEveryGroup) {
    auto db = memory_db("valid/time_series.sql");
    db.create_element("Collection", Element()
                                        .set("label", "A")
                                        .set("date_time", std::vector<std::string>{"2024-01-01", "2024-01-02"})
                                        .set("value", std::vector<double>{1.0, 2.0})
                                        .set("event", std::vector<std::string>{"a", "b"}));
    // The date_time array goes to both groups; 'event' holds values, so leaving it out is
    // refused (D21) rather than wiping it.
    EXPECT_FAILS_UNCHANGED(db, db.update_element("Collection", 1, Element()
                                                                     .set("date_time", std::vector<std::string>{"2025-01-01"})
                                                                     .set("value", std::vector<double>{9.0})),
                           "Cannot update_element: column(s) event of time series group 'events' in collection "
                           "'Collection' hold values for element 1 but were not given; give every column or use "
                           "update_time_series_group");
    db.update_element("Collection", 1, Element()
                                           .set("date_time", std::vector<std::string>{"2025-01-01"})
                                           .set("value", std::vector<double>{9.0})
                                           .set("event", std::vector<Value>{nullptr}));
    const auto data = db.read_time_series_group("Collection", "data", 1);
    ASSERT_EQ(data.size(), 1u);
    EXPECT_EQ(std::get<std::string>(data[0].at("date_time")), "2025-01-01");
    const auto events = db.read_time_series_group("Collection", "events", 1);
    ASSERT_EQ(events.size(), 1u);
    EXPECT_TRUE(std::holds_alternative<std::nullptr_t>(events[0].at("event")));
}

TEST(UpdateTimeSeries, TypeMismatchInTimeSeriesArray) {  // D2
    auto db = memory_db("valid/time_series.sql");
    db.create_element("Collection", Element().set("label", "A"));
    EXPECT_FAILS_UNCHANGED(db, db.update_element("Collection", 1, Element()
                                                                     .set("date_time", std::vector<std::string>{"2024-01-01"})
                                                                     .set("quantity", std::vector<double>{1.5})),
                           "Cannot update_element: type mismatch for array 'quantity' index 0: expected INTEGER, got REAL");
    EXPECT_FAILS_UNCHANGED(db, db.update_element("Collection", 1, Element().set("date_time", std::vector<int64_t>{20240101})),
                           "Cannot update_element: type mismatch for array 'date_time' index 0: expected DATE_TIME, got INTEGER");
}

// ---------------------------------------------------------------------------------------------
// Foreign keys

class UpdateRelations : public ::testing::Test {
protected:
    void SetUp() override {
        db_ = std::make_unique<Database>(memory_db("valid/relations.sql"));
        db().create_element("Parent", Element().set("label", "P1"));
        db().create_element("Parent", Element().set("label", "P2"));
        db().create_element("Child", Element().set("label", "C1").set("parent_id", std::string("P1")));
        db().create_element("Child", Element().set("label", "C2"));
    }
    Database& db() { return *db_; }
    std::unique_ptr<Database> db_;
};

TEST_F(UpdateRelations, ScalarLabelResolved) {
    db().update_element("Child", 1, Element().set("parent_id", std::string("P2")).set("sibling_id", std::string("C2")));
    EXPECT_EQ(db().read_scalar_integer_by_id("Child", "parent_id", 1), OptI(2));
    EXPECT_EQ(db().read_scalar_integer_by_id("Child", "sibling_id", 1), OptI(2));
}

TEST_F(UpdateRelations, ArrayLabelsResolved) {
    db().update_element("Child", 2, Element().set("parent_ref", std::vector<std::string>{"P2", "P1"}));
    EXPECT_EQ(db().read_vector_integers_by_id("Child", "parent_ref", 2), (std::vector<int64_t>{2, 1}));
    EXPECT_EQ(sorted(db().read_set_integers_by_id("Child", "parent_ref", 2)), (std::vector<int64_t>{1, 2}));
}

TEST_F(UpdateRelations, UnresolvedLabel) {
    EXPECT_FAILS_UNCHANGED(db(), db().update_element("Child", 1, Element().set("parent_id", std::string("Nope"))),
                           "Failed to resolve label 'Nope' to ID in table 'Parent'");
    EXPECT_FAILS_UNCHANGED(db(), db().update_element("Child", 1, Element().set("label", "new").set("parent_ref", std::vector<std::string>{"Nope"})),
                           "Failed to resolve label 'Nope' to ID in table 'Parent'");
}

TEST_F(UpdateRelations, MissingIntegerId) {
    EXPECT_FAILS_UNCHANGED(db(), db().update_element("Child", 1, Element().set("parent_id", int64_t{77})),
                           "Failed to execute statement: FOREIGN KEY constraint failed");
}

TEST_F(UpdateRelations, ChangingParentIdCascades) {
    // ON UPDATE CASCADE: changing a parent's id through SQL updates references.
    db().query_string("UPDATE Parent SET id = 10 WHERE id = 1");
    EXPECT_EQ(db().read_scalar_integer_by_id("Child", "parent_id", 1), OptI(10));
}

TEST(UpdateTimeSeries, MissingDimensionRollsBackDeleteOfOldRows) {
    auto db = memory_db("valid/time_series.sql");
    db.create_element("Collection", Element()
                                        .set("label", "A")
                                        .set("date_time", std::vector<std::string>{"2024-01-01"})
                                        .set("value", std::vector<double>{1.0}));
    // Only 'value' goes to the data group: the stored dimension would be wiped, so D21 refuses
    // before anything is deleted.
    EXPECT_FAILS_UNCHANGED(db, db.update_element("Collection", 1, Element().set("value", std::vector<double>{2.0})),
                           "Cannot update_element: column(s) date_time of time series group 'data' in collection "
                           "'Collection' hold values for element 1 but were not given; give every column or use "
                           "update_time_series_group");
    EXPECT_EQ(db.read_time_series_group("Collection", "data", 1).size(), 1u);
    // Without stored rows the insert itself fails on NOT NULL and leaves nothing behind.
    db.create_element("Collection", Element().set("label", "B"));
    EXPECT_FAILS_UNCHANGED(db, db.update_element("Collection", 2, Element().set("value", std::vector<double>{2.0})),
                           "Failed to execute statement: NOT NULL constraint failed: Collection_time_series_data.date_time");
}
