// create_element (semantics §3.2, §4.1–§4.4, §4.7; D1, D3, D14).
#include "test_helpers.h"

#include <quiver/database.h>

#include <gtest/gtest.h>

#include <variant>

using namespace quiver;
using namespace quiver::test;

using OptI = std::optional<int64_t>;
using OptD = std::optional<double>;
using OptS = std::optional<std::string>;

// ---------------------------------------------------------------------------------------------
// Scalars

TEST(Create, ReturnsIncreasingIds) {
    auto db = memory_db("valid/collections.sql");
    EXPECT_EQ(db.create_element("Collection", Element().set("label", "A")), 1);
    EXPECT_EQ(db.create_element("Collection", Element().set("label", "B")), 2);
    EXPECT_EQ(db.create_element("Configuration", Element().set("label", "cfg")), 1);
    EXPECT_EQ(db.read_element_ids("Collection"), (std::vector<int64_t>{1, 2}));
}

TEST(Create, AllScalarTypes) {
    auto db = memory_db("valid/collections.sql");
    const auto id = db.create_element("Collection", Element()
                                                        .set("label", "Item 1")
                                                        .set("some_integer", int64_t{42})
                                                        .set("some_float", 3.25)
                                                        .set("some_string", std::string("hello"))
                                                        .set("date_start", std::string("2024-01-15T10:30:00"))
                                                        .set("date_end", std::string("2024-12-31"))
                                                        .set("status", int64_t{0})
                                                        .set("weight", -1.5)
                                                        .set("code", std::string("abc")));
    EXPECT_EQ(db.read_scalar_string_by_id("Collection", "label", id), OptS("Item 1"));
    EXPECT_EQ(db.read_scalar_integer_by_id("Collection", "some_integer", id), OptI(42));
    EXPECT_EQ(db.read_scalar_float_by_id("Collection", "some_float", id), OptD(3.25));
    EXPECT_EQ(db.read_scalar_string_by_id("Collection", "some_string", id), OptS("hello"));
    // Dates are stored as given, never normalised.
    EXPECT_EQ(db.read_scalar_string_by_id("Collection", "date_start", id), OptS("2024-01-15T10:30:00"));
    EXPECT_EQ(db.read_scalar_string_by_id("Collection", "date_end", id), OptS("2024-12-31"));
    EXPECT_EQ(db.read_scalar_integer_by_id("Collection", "status", id), OptI(0));
    EXPECT_EQ(db.read_scalar_float_by_id("Collection", "weight", id), OptD(-1.5));
    EXPECT_EQ(db.read_scalar_string_by_id("Collection", "code", id), OptS("abc"));
}

TEST(Create, DefaultsApplyToColumnsNotGiven) {
    auto db = memory_db("valid/collections.sql");
    const auto id = db.create_element("Configuration", Element().set("label", "cfg"));
    EXPECT_EQ(db.read_scalar_integer_by_id("Configuration", "integer_attribute", id), OptI(6));
    EXPECT_EQ(db.read_scalar_float_by_id("Configuration", "float_attribute", id), OptD(3.14));
    EXPECT_EQ(db.read_scalar_string_by_id("Configuration", "string_attribute", id), OptS("hello"));
    EXPECT_EQ(db.read_scalar_integer_by_id("Configuration", "boolean_attribute", id), OptI(1));
    EXPECT_EQ(db.read_scalar_string_by_id("Configuration", "date_attribute", id), std::nullopt);
    const auto cid = db.create_element("Collection", Element().set("label", "c"));
    EXPECT_EQ(db.read_scalar_integer_by_id("Collection", "status", cid), OptI(1));
    EXPECT_EQ(db.read_scalar_float_by_id("Collection", "weight", cid), OptD(2.5));
    EXPECT_EQ(db.read_scalar_string_by_id("Collection", "code", cid), OptS("none"));
}

TEST(Create, ExplicitNullOverridesDefault) {
    auto db = memory_db("valid/collections.sql");
    const auto id = db.create_element("Configuration", Element().set("label", "cfg").set_null("float_attribute"));
    EXPECT_EQ(db.read_scalar_float_by_id("Configuration", "float_attribute", id), std::nullopt);
}

TEST(Create, ExplicitIdIsHonoured) {
    auto db = memory_db("valid/collections.sql");
    EXPECT_EQ(db.create_element("Collection", Element().set("id", int64_t{10}).set("label", "ten")), 10);
    EXPECT_EQ(db.create_element("Collection", Element().set("label", "next")), 11);
    EXPECT_EQ(db.read_scalar_string_by_id("Collection", "label", 10), OptS("ten"));
}

TEST(Create, StringsAreTrimmed) {
    auto db = memory_db("valid/collections.sql");
    const auto id = db.create_element("Collection", Element()
                                                        .set("label", "  \t padded \r\n")
                                                        .set("some_string", std::string(" \t\r\n "))
                                                        .set("code", std::string("in ner")));
    EXPECT_EQ(db.read_scalar_string_by_id("Collection", "label", id), OptS("padded"));
    EXPECT_EQ(db.read_scalar_string_by_id("Collection", "some_string", id), OptS(""));  // not NULL
    EXPECT_EQ(db.read_scalar_string_by_id("Collection", "code", id), OptS("in ner"));
}

TEST(Create, IntegerIntoRealColumnIsWrittenAsReal) {  // D1
    auto db = memory_db("valid/collections.sql");
    const auto id = db.create_element("Configuration", Element().set("label", "cfg").set("float_attribute", int64_t{3}));
    EXPECT_EQ(db.read_scalar_floats("Configuration", "float_attribute"), (std::vector<OptD>{3.0}));
    EXPECT_EQ(db.read_scalar_float_by_id("Configuration", "float_attribute", id), OptD(3.0));
    EXPECT_EQ(db.read_scalar_integer_by_id("Configuration", "float_attribute", id), std::nullopt);
    EXPECT_EQ(db.query_string("SELECT typeof(float_attribute) FROM Configuration"), OptS("real"));
    const auto cid = db.create_element("Collection", Element().set("label", "c").set("some_float", int64_t{-7}));
    EXPECT_EQ(db.read_scalar_float_by_id("Collection", "some_float", cid), OptD(-7.0));
    EXPECT_EQ(db.query_string("SELECT typeof(some_float) FROM Collection"), OptS("real"));
}

TEST(Create, NullForNullableColumn) {
    auto db = memory_db("valid/collections.sql");
    const auto id = db.create_element("Collection", Element().set("label", "c").set_null("some_integer").set_null("date_start"));
    EXPECT_EQ(db.read_scalar_integer_by_id("Collection", "some_integer", id), std::nullopt);
    EXPECT_EQ(db.read_scalar_string_by_id("Collection", "date_start", id), std::nullopt);
}

// ---------------------------------------------------------------------------------------------
// Scalar failures (each leaves the database unchanged)

class CreateFailure : public ::testing::Test {
protected:
    void SetUp() override {
        db_ = std::make_unique<Database>(memory_db("valid/collections.sql"));
        db().create_element("Configuration", Element().set("label", "existing"));
        db().create_element("Collection", Element().set("label", "existing").set("some_integer", int64_t{1}));
    }
    Database& db() { return *db_; }
    std::unique_ptr<Database> db_;
};

TEST_F(CreateFailure, DoubleIntoIntegerColumn) {  // D1
    EXPECT_FAILS_UNCHANGED(db(), db().create_element("Configuration", Element().set("label", "x").set("integer_attribute", 2.5)),
                           "Cannot create_element: type mismatch for column 'integer_attribute': expected INTEGER, got REAL");
    EXPECT_FAILS_UNCHANGED(db(), db().create_element("Configuration", Element().set("label", "x").set("integer_attribute", 2.0)),
                           "Cannot create_element: type mismatch for column 'integer_attribute': expected INTEGER, got REAL");
}

TEST_F(CreateFailure, StringIntoNonForeignKeyInteger) {
    EXPECT_FAILS_UNCHANGED(
        db(), db().create_element("Collection", Element().set("label", "x").set("some_integer", std::string("x"))),
        "Cannot resolve attribute: 'some_integer' is INTEGER but received string 'x' (not a foreign key)");
    EXPECT_FAILS_UNCHANGED(
        db(), db().create_element("Collection", Element().set("label", "x").set("some_integer", std::string("12"))),
        "Cannot resolve attribute: 'some_integer' is INTEGER but received string '12' (not a foreign key)");
}

TEST_F(CreateFailure, TypeMismatchMessages) {
    EXPECT_FAILS_UNCHANGED(db(), db().create_element("Collection", Element().set("label", "x").set("some_string", int64_t{1})),
                           "Cannot create_element: type mismatch for column 'some_string': expected TEXT, got INTEGER");
    EXPECT_FAILS_UNCHANGED(db(), db().create_element("Collection", Element().set("label", "x").set("some_string", 1.5)),
                           "Cannot create_element: type mismatch for column 'some_string': expected TEXT, got REAL");
    EXPECT_FAILS_UNCHANGED(db(), db().create_element("Collection", Element().set("label", "x").set("some_float", std::string("1.5"))),
                           "Cannot create_element: type mismatch for column 'some_float': expected REAL, got TEXT");
    EXPECT_FAILS_UNCHANGED(db(), db().create_element("Collection", Element().set("label", "x").set("date_start", int64_t{2024})),
                           "Cannot create_element: type mismatch for column 'date_start': expected DATE_TIME, got INTEGER");
    EXPECT_FAILS_UNCHANGED(db(), db().create_element("Collection", Element().set("label", "x").set("date_end", 1.0)),
                           "Cannot create_element: type mismatch for column 'date_end': expected DATE_TIME, got REAL");
    EXPECT_FAILS_UNCHANGED(db(), db().create_element("Collection", Element().set("label", int64_t{5})),
                           "Cannot create_element: type mismatch for column 'label': expected TEXT, got INTEGER");
}

TEST_F(CreateFailure, UnknownAttribute) {  // D14
    EXPECT_FAILS_UNCHANGED(db(), db().create_element("Configuration", Element().set("label", "x").set("nope", int64_t{1})),
                           "Cannot create_element: column 'nope' not found in table 'Configuration'");
}

TEST_F(CreateFailure, UnknownCollection) {
    EXPECT_FAILS_UNCHANGED(db(), db().create_element("Nope", Element().set("label", "x")),
                           "Cannot create_element: collection not found: Nope");
}

TEST_F(CreateFailure, NoScalars) {
    EXPECT_FAILS_UNCHANGED(db(), db().create_element("Collection", Element()),
                           "Cannot create_element: element must have at least one scalar attribute");
}

TEST_F(CreateFailure, DuplicateLabel) {
    EXPECT_FAILS_UNCHANGED(db(), db().create_element("Collection", Element().set("label", "existing")),
                           "Failed to execute statement: UNIQUE constraint failed: Collection.label");
    // Trimming happens before the constraint check.
    EXPECT_FAILS_UNCHANGED(db(), db().create_element("Collection", Element().set("label", " existing ")),
                           "Failed to execute statement: UNIQUE constraint failed: Collection.label");
}

TEST_F(CreateFailure, MissingLabel) {
    EXPECT_FAILS_UNCHANGED(db(), db().create_element("Collection", Element().set("some_integer", int64_t{1})),
                           "Failed to execute statement: NOT NULL constraint failed: Collection.label");
}

TEST_F(CreateFailure, NullIntoNotNullColumn) {
    EXPECT_FAILS_UNCHANGED(db(), db().create_element("Configuration", Element().set("label", "x").set_null("integer_attribute")),
                           "Failed to execute statement: NOT NULL constraint failed: Configuration.integer_attribute");
}

TEST_F(CreateFailure, DuplicateExplicitId) {
    EXPECT_FAILS_UNCHANGED(db(), db().create_element("Collection", Element().set("id", int64_t{1}).set("label", "new")),
                           "Failed to execute statement: UNIQUE constraint failed: Collection.id");
}

TEST_F(CreateFailure, ScalarsCheckedInNameOrder) {
    // "aaa" (unknown) sorts before "some_integer" (bad type): the unknown column is reported.
    EXPECT_FAILS_UNCHANGED(db(), db().create_element("Collection", Element().set("label", "x").set("some_integer", 1.5).set("aaa", int64_t{1})),
                           "Cannot create_element: column 'aaa' not found in table 'Collection'");
    // "some_float" (bad type) sorts before "zzz" (unknown): the type is reported.
    EXPECT_FAILS_UNCHANGED(db(), db().create_element("Collection", Element().set("label", "x").set("some_float", std::string("a")).set("zzz", int64_t{1})),
                           "Cannot create_element: type mismatch for column 'some_float': expected REAL, got TEXT");
}

TEST_F(CreateFailure, CollectionCheckedBeforeScalars) {
    EXPECT_FAILS_UNCHANGED(db(), db().create_element("Nope", Element()),
                           "Cannot create_element: collection not found: Nope");
}

TEST_F(CreateFailure, FailedInsertDoesNotAdvanceSequence) {
    EXPECT_FAILS_UNCHANGED(db(), db().create_element("Collection", Element().set("label", "existing")),
                           "Failed to execute statement: UNIQUE constraint failed: Collection.label");
    EXPECT_EQ(db().create_element("Collection", Element().set("label", "fresh")), 2);
}

// ---------------------------------------------------------------------------------------------
// Vectors

TEST(CreateVector, RoutesArraysByColumnName) {
    auto db = memory_db("valid/vectors.sql");
    const auto id = db.create_element("Collection", Element()
                                                        .set("label", "A")
                                                        .set("value_int", std::vector<int64_t>{1, 2, 3})
                                                        .set("value_float", std::vector<double>{1.5, 2.5, 3.5})
                                                        .set("value_string", std::vector<std::string>{"a", "b", "c"})
                                                        .set("codes", std::vector<int64_t>{7, 8}));
    EXPECT_EQ(db.read_vector_integers_by_id("Collection", "value_int", id), (std::vector<int64_t>{1, 2, 3}));
    EXPECT_EQ(db.read_vector_floats_by_id("Collection", "value_float", id), (std::vector<double>{1.5, 2.5, 3.5}));
    EXPECT_EQ(db.read_vector_strings_by_id("Collection", "value_string", id), (std::vector<std::string>{"a", "b", "c"}));
    EXPECT_EQ(db.read_vector_integers_by_id("Collection", "codes", id), (std::vector<int64_t>{7, 8}));
    // One row per position, vector_index 1..n.
    EXPECT_EQ(db.query_string("SELECT group_concat(vector_index || ':' || value_int || ':' || value_string, ',') FROM "
                              "(SELECT * FROM Collection_vector_values WHERE id = 1 ORDER BY vector_index)"),
              OptS("1:1:a,2:2:b,3:3:c"));
    EXPECT_EQ(db.query_string("SELECT group_concat(vector_index, ',') FROM (SELECT vector_index FROM "
                              "Collection_vector_codes ORDER BY vector_index)"),
              OptS("1,2"));
}

TEST(CreateVector, OmittedColumnsOfTheGroupAreNull) {
    auto db = memory_db("valid/vectors.sql");
    const auto id = db.create_element("Collection", Element().set("label", "A").set("value_float", std::vector<double>{1.0, 2.0}));
    EXPECT_EQ(count_rows(db, "Collection_vector_values", "id = 1 AND value_int IS NULL AND value_string IS NULL"), 2);
    // A typed reader no longer skips the NULL cells (D20).
    EXPECT_THROW_MSG(db.read_vector_integers_by_id("Collection", "value_int", id),
                     "Cannot read_vector_integers_by_id: element 1 has a NULL at vector_index 1 in 'value_int'; use "
                     "read_vector_group_by_id to read NULL cells");
    EXPECT_EQ(count_rows(db, "Collection_vector_codes"), 0);
}

TEST(CreateVector, IntegerArrayIntoRealColumn) {  // D1
    auto db = memory_db("valid/vectors.sql");
    const auto id = db.create_element("Collection", Element().set("label", "A").set("value_float", std::vector<int64_t>{1, 2}));
    EXPECT_EQ(db.read_vector_floats_by_id("Collection", "value_float", id), (std::vector<double>{1.0, 2.0}));
    EXPECT_EQ(db.query_string("SELECT group_concat(DISTINCT typeof(value_float)) FROM Collection_vector_values"), OptS("real"));
}

TEST(CreateVector, ArrayStringsAreTrimmed) {
    auto db = memory_db("valid/vectors.sql");
    const auto id = db.create_element("Collection", Element().set("label", "A").set("value_string", std::vector<std::string>{" a ", "\tb\n", "  "}));
    EXPECT_EQ(db.read_vector_strings_by_id("Collection", "value_string", id), (std::vector<std::string>{"a", "b", ""}));
}

TEST(CreateVector, ScalarsOnlyLeaveGroupsEmpty) {
    auto db = memory_db("valid/vectors.sql");
    db.create_element("Collection", Element().set("label", "A"));
    EXPECT_EQ(count_rows(db, "Collection_vector_values"), 0);
    EXPECT_EQ(count_rows(db, "Collection_vector_codes"), 0);
}

class CreateVectorFailure : public ::testing::Test {
protected:
    void SetUp() override {
        db_ = std::make_unique<Database>(memory_db("valid/vectors.sql"));
        db().create_element("Collection", Element().set("label", "existing").set("value_int", std::vector<int64_t>{1}));
    }
    Database& db() { return *db_; }
    std::unique_ptr<Database> db_;
};

TEST_F(CreateVectorFailure, ArraysWithoutScalars) {
    EXPECT_FAILS_UNCHANGED(db(), db().create_element("Collection", Element().set("value_int", std::vector<int64_t>{1})),
                           "Cannot create_element: element must have at least one scalar attribute");
}

TEST_F(CreateVectorFailure, EmptyArray) {
    EXPECT_FAILS_UNCHANGED(db(), db().create_element("Collection", Element().set("label", "x").set("value_int", std::vector<int64_t>{})),
                           "Cannot create_element: empty array not allowed for 'value_int'");
}

TEST_F(CreateVectorFailure, UnknownArray) {
    EXPECT_FAILS_UNCHANGED(db(), db().create_element("Collection", Element().set("label", "x").set("nope", std::vector<int64_t>{1})),
                           "Cannot create_element: array 'nope' does not match any vector, set, or time series table in collection 'Collection'");
}

TEST_F(CreateVectorFailure, GroupNameIsNotAColumn) {  // D14: C_vector_values has no column 'values'
    EXPECT_FAILS_UNCHANGED(db(), db().create_element("Collection", Element().set("label", "x").set("values", std::vector<int64_t>{1})),
                           "Cannot create_element: array 'values' does not match any vector, set, or time series table in collection 'Collection'");
}

TEST_F(CreateVectorFailure, ScalarNameGivenAsArray) {
    EXPECT_FAILS_UNCHANGED(db(), db().create_element("Collection", Element().set("label", "x").set("some_integer", std::vector<int64_t>{1})),
                           "Cannot create_element: array 'some_integer' does not match any vector, set, or time series table in collection 'Collection'");
}

TEST_F(CreateVectorFailure, MismatchedLengths) {
    EXPECT_FAILS_UNCHANGED(db(), db().create_element("Collection", Element()
                                                                    .set("label", "x")
                                                                    .set("value_int", std::vector<int64_t>{1, 2, 3})
                                                                    .set("value_float", std::vector<double>{1.0, 2.0})),
                           "Cannot create_element: vector columns in table 'Collection_vector_values' must have the same length");
}

TEST_F(CreateVectorFailure, ArrayItemTypeMismatch) {
    EXPECT_FAILS_UNCHANGED(db(), db().create_element("Collection", Element().set("label", "x").set("value_int", std::vector<double>{1.5, 2.5})),
                           "Cannot create_element: type mismatch for array 'value_int' index 0: expected INTEGER, got REAL");
    EXPECT_FAILS_UNCHANGED(db(), db().create_element("Collection", Element().set("label", "x").set("value_string", std::vector<int64_t>{1})),
                           "Cannot create_element: type mismatch for array 'value_string' index 0: expected TEXT, got INTEGER");
    EXPECT_FAILS_UNCHANGED(db(), db().create_element("Collection", Element().set("label", "x").set("value_float", std::vector<std::string>{"1.5"})),
                           "Cannot create_element: type mismatch for array 'value_float' index 0: expected REAL, got TEXT");
}

TEST_F(CreateVectorFailure, StringArrayIntoNonForeignKeyInteger) {
    EXPECT_FAILS_UNCHANGED(db(), db().create_element("Collection", Element().set("label", "x").set("value_int", std::vector<std::string>{"a", "b"})),
                           "Cannot resolve attribute: 'value_int' is INTEGER but received string 'a' (not a foreign key)");
}

TEST_F(CreateVectorFailure, ScalarChecksComeBeforeArrayChecks) {
    EXPECT_FAILS_UNCHANGED(db(), db().create_element("Collection", Element()
                                                                    .set("label", "x")
                                                                    .set("some_integer", 1.5)
                                                                    .set("value_int", std::vector<int64_t>{})),
                           "Cannot create_element: type mismatch for column 'some_integer': expected INTEGER, got REAL");
}

TEST_F(CreateVectorFailure, DuplicateLabelWithArraysWritesNoGroupRows) {
    EXPECT_FAILS_UNCHANGED(db(), db().create_element("Collection", Element().set("label", "existing").set("codes", std::vector<int64_t>{1, 2})),
                           "Failed to execute statement: UNIQUE constraint failed: Collection.label");
}

// ---------------------------------------------------------------------------------------------
// Sets

TEST(CreateSet, MultiColumnSetRowsAreZipped) {
    auto db = memory_db("valid/sets.sql");
    const auto id = db.create_element("Collection", Element()
                                                        .set("label", "A")
                                                        .set("tag", std::vector<std::string>{"red", "blue"})
                                                        .set("number", std::vector<int64_t>{1, 2, 3})
                                                        .set("ratio", std::vector<double>{0.5, 0.25, 0.125}));
    EXPECT_EQ(sorted(db.read_set_strings_by_id("Collection", "tag", id)), (std::vector<std::string>{"blue", "red"}));
    EXPECT_EQ(sorted(db.read_set_integers_by_id("Collection", "number", id)), (std::vector<int64_t>{1, 2, 3}));
    EXPECT_EQ(sorted(db.read_set_floats_by_id("Collection", "ratio", id)), (std::vector<double>{0.125, 0.25, 0.5}));
    EXPECT_EQ(db.query_string("SELECT group_concat(number || '=' || ratio, ',') FROM (SELECT * FROM "
                              "Collection_set_numbers ORDER BY number)"),
              OptS("1=0.5,2=0.25,3=0.125"));
}

TEST(CreateSet, AtomicWhenGroupInsertFails) {
    auto db = memory_db("valid/sets.sql");
    db.create_element("Collection", Element().set("label", "existing").set("tag", std::vector<std::string>{"x"}));
    // The collection row is inserted first, then the set rows: the duplicate must undo everything.
    EXPECT_FAILS_UNCHANGED(db, db.create_element("Collection", Element().set("label", "new").set("tag", std::vector<std::string>{"a", "a"})),
                           "Failed to execute statement: UNIQUE constraint failed: Collection_set_tags.id, Collection_set_tags.tag");
    // Duplicates after trimming too.
    EXPECT_FAILS_UNCHANGED(db, db.create_element("Collection", Element().set("label", "new").set("tag", std::vector<std::string>{"a", " a "})),
                           "Failed to execute statement: UNIQUE constraint failed: Collection_set_tags.id, Collection_set_tags.tag");
    EXPECT_EQ(db.create_element("Collection", Element().set("label", "new")), 2);
}

TEST(CreateSet, MismatchedLengths) {
    auto db = memory_db("valid/sets.sql");
    EXPECT_FAILS_UNCHANGED(db, db.create_element("Collection", Element()
                                                                .set("label", "A")
                                                                .set("number", std::vector<int64_t>{1, 2})
                                                                .set("ratio", std::vector<double>{0.5})),
                           "Cannot create_element: set columns in table 'Collection_set_numbers' must have the same length");
}

// ---------------------------------------------------------------------------------------------
// Time series through arrays (§4.3, §7.5)

TEST(CreateTimeSeries, SharedDateTimeArrayFeedsEveryGroup) {
    auto db = memory_db("valid/time_series.sql");
    const auto id = db.create_element("Collection", Element()
                                                        .set("label", "A")
                                                        .set("date_time", std::vector<std::string>{"2024-01-01T00:00:00", "2024-01-02T00:00:00"})
                                                        .set("value", std::vector<double>{1.5, 2.5})
                                                        .set("quantity", std::vector<int64_t>{1, 2})
                                                        .set("event", std::vector<std::string>{"start", "stop"}));
    const auto data = db.read_time_series_group("Collection", "data", id);
    ASSERT_EQ(data.size(), 2u);
    EXPECT_EQ(std::get<std::string>(data[0].at("date_time")), "2024-01-01T00:00:00");
    EXPECT_DOUBLE_EQ(std::get<double>(data[1].at("value")), 2.5);
    EXPECT_EQ(std::get<int64_t>(data[1].at("quantity")), 2);
    EXPECT_TRUE(std::holds_alternative<std::nullptr_t>(data[0].at("note")));
    const auto events = db.read_time_series_group("Collection", "events", id);
    ASSERT_EQ(events.size(), 2u);
    EXPECT_EQ(std::get<std::string>(events[0].at("event")), "start");
    EXPECT_TRUE(std::holds_alternative<std::nullptr_t>(events[1].at("magnitude")));
}

TEST(CreateTimeSeries, DateTimeAloneStillFeedsEveryGroup) {
    auto db = memory_db("valid/time_series.sql");
    db.create_element("Collection", Element()
                                        .set("label", "A")
                                        .set("date_time", std::vector<std::string>{"2024-01-01", "2024-01-02", "2024-01-03"})
                                        .set("value", std::vector<double>{1, 2, 3}));
    EXPECT_EQ(count_rows(db, "Collection_time_series_data"), 3);
    EXPECT_EQ(count_rows(db, "Collection_time_series_events"), 3);
}

TEST(CreateTimeSeries, MissingDimensionFailsOnNotNull) {
    auto db = memory_db("valid/time_series.sql");
    EXPECT_FAILS_UNCHANGED(db, db.create_element("Collection", Element().set("label", "A").set("value", std::vector<double>{1.0})),
                           "Failed to execute statement: NOT NULL constraint failed: Collection_time_series_data.date_time");
}

TEST(CreateTimeSeries, LengthMismatchInOneGroup) {
    auto db = memory_db("valid/time_series.sql");
    EXPECT_FAILS_UNCHANGED(db, db.create_element("Collection", Element()
                                                                .set("label", "A")
                                                                .set("date_time", std::vector<std::string>{"2024-01-01", "2024-01-02"})
                                                                .set("value", std::vector<double>{1.0})),
                           "Cannot create_element: time series columns in table 'Collection_time_series_data' must have the same length");
}

TEST(CreateTimeSeries, DuplicateDimensionRollsBackEverything) {
    auto db = memory_db("valid/time_series.sql");
    EXPECT_FAILS_UNCHANGED(db, db.create_element("Collection", Element()
                                                                .set("label", "A")
                                                                .set("date_time", std::vector<std::string>{"2024-01-01", "2024-01-01"})),
                           "Failed to execute statement: UNIQUE constraint failed: Collection_time_series_data.id, Collection_time_series_data.date_time");
}

// ---------------------------------------------------------------------------------------------
// Foreign keys (§4.2)

class CreateRelations : public ::testing::Test {
protected:
    void SetUp() override {
        db_ = std::make_unique<Database>(memory_db("valid/relations.sql"));
        db().create_element("Parent", Element().set("label", "Parent 1"));
        db().create_element("Parent", Element().set("label", "Parent 2"));
    }
    Database& db() { return *db_; }
    std::unique_ptr<Database> db_;
};

TEST_F(CreateRelations, ScalarLabelResolvedToId) {
    const auto id = db().create_element("Child", Element().set("label", "C1").set("parent_id", std::string("Parent 2")));
    EXPECT_EQ(db().read_scalar_integer_by_id("Child", "parent_id", id), OptI(2));
}

TEST_F(CreateRelations, LabelLookupIsTrimmed) {
    const auto id = db().create_element("Child", Element().set("label", "C1").set("parent_id", std::string("  Parent 1\t")));
    EXPECT_EQ(db().read_scalar_integer_by_id("Child", "parent_id", id), OptI(1));
}

TEST_F(CreateRelations, IntegerIdStoredUnchanged) {
    const auto id = db().create_element("Child", Element().set("label", "C1").set("parent_id", int64_t{2}));
    EXPECT_EQ(db().read_scalar_integer_by_id("Child", "parent_id", id), OptI(2));
}

TEST_F(CreateRelations, SelfReference) {
    const auto a = db().create_element("Child", Element().set("label", "A"));
    const auto b = db().create_element("Child", Element().set("label", "B").set("sibling_id", std::string("A")));
    EXPECT_EQ(db().read_scalar_integer_by_id("Child", "sibling_id", b), OptI(a));
}

TEST_F(CreateRelations, UnresolvedLabel) {
    EXPECT_FAILS_UNCHANGED(db(), db().create_element("Child", Element().set("label", "C1").set("parent_id", std::string("Nonexistent Parent"))),
                           "Failed to resolve label 'Nonexistent Parent' to ID in table 'Parent'");
    // The message shows the value as given (untrimmed).
    EXPECT_FAILS_UNCHANGED(db(), db().create_element("Child", Element().set("label", "C1").set("parent_id", std::string(" Nope "))),
                           "Failed to resolve label ' Nope ' to ID in table 'Parent'");
}

TEST_F(CreateRelations, MissingIntegerIdViolatesForeignKey) {
    EXPECT_FAILS_UNCHANGED(db(), db().create_element("Child", Element().set("label", "C1").set("parent_id", int64_t{99})),
                           "Failed to execute statement: FOREIGN KEY constraint failed");
}

TEST_F(CreateRelations, DoubleIntoForeignKeyColumn) {
    EXPECT_FAILS_UNCHANGED(db(), db().create_element("Child", Element().set("label", "C1").set("parent_id", 1.0)),
                           "Cannot create_element: type mismatch for column 'parent_id': expected INTEGER, got REAL");
}

TEST_F(CreateRelations, ForeignKeyArrayWrittenToEveryGroupHavingTheColumn) {
    const auto id = db().create_element("Child", Element()
                                                     .set("label", "C1")
                                                     .set("parent_ref", std::vector<std::string>{"Parent 2", "Parent 1"}));
    EXPECT_EQ(db().read_vector_integers_by_id("Child", "parent_ref", id), (std::vector<int64_t>{2, 1}));
    EXPECT_EQ(sorted(db().read_set_integers_by_id("Child", "parent_ref", id)), (std::vector<int64_t>{1, 2}));
    EXPECT_EQ(count_rows(db(), "Child_vector_refs"), 2);
    EXPECT_EQ(count_rows(db(), "Child_set_parents"), 2);
}

TEST_F(CreateRelations, ForeignKeyArrayWithOtherColumns) {
    const auto id = db().create_element("Child", Element()
                                                     .set("label", "C1")
                                                     .set("parent_ref", std::vector<std::string>{"Parent 1"})
                                                     .set("weight", std::vector<double>{0.5}));
    EXPECT_EQ(db().read_vector_floats_by_id("Child", "weight", id), (std::vector<double>{0.5}));
    EXPECT_EQ(count_rows(db(), "Child_set_parents"), 1);
}

TEST_F(CreateRelations, LengthMismatchInVectorWhileSetIsFine) {
    EXPECT_FAILS_UNCHANGED(db(), db().create_element("Child", Element()
                                                                  .set("label", "C1")
                                                                  .set("parent_ref", std::vector<std::string>{"Parent 1", "Parent 2"})
                                                                  .set("weight", std::vector<double>{0.5})),
                           "Cannot create_element: vector columns in table 'Child_vector_refs' must have the same length");
}

TEST_F(CreateRelations, SelfReferenceInVectorGroup) {
    const auto a = db().create_element("Child", Element().set("label", "A"));
    const auto b = db().create_element("Child", Element().set("label", "B").set("friend_id", std::vector<std::string>{"A", " A "}));
    EXPECT_EQ(db().read_vector_integers_by_id("Child", "friend_id", b), (std::vector<int64_t>{a, a}));
}

TEST_F(CreateRelations, UnresolvedLabelInArray) {
    EXPECT_FAILS_UNCHANGED(db(), db().create_element("Child", Element()
                                                                  .set("label", "C1")
                                                                  .set("parent_ref", std::vector<std::string>{"Parent 1", "Ghost"})),
                           "Failed to resolve label 'Ghost' to ID in table 'Parent'");
}

TEST_F(CreateRelations, IntegerArrayForForeignKeyGroup) {
    const auto id = db().create_element("Child", Element().set("label", "C1").set("parent_ref", std::vector<int64_t>{1}));
    EXPECT_EQ(db().read_vector_integers_by_id("Child", "parent_ref", id), (std::vector<int64_t>{1}));
    EXPECT_FAILS_UNCHANGED(db(), db().create_element("Child", Element().set("label", "C2").set("parent_ref", std::vector<int64_t>{42})),
                           "Failed to execute statement: FOREIGN KEY constraint failed");
}

TEST_F(CreateRelations, LabelOfAnElementInAnotherCollectionDoesNotResolve) {
    db().create_element("Child", Element().set("label", "Only A Child"));
    EXPECT_FAILS_UNCHANGED(db(), db().create_element("Child", Element().set("label", "C1").set("parent_id", std::string("Only A Child"))),
                           "Failed to resolve label 'Only A Child' to ID in table 'Parent'");
}

// ---------------------------------------------------------------------------------------------
// Quick reference 19: the collection check only asks whether the table exists.

TEST(Create, GroupTableNamePassesCollectionCheckForReads) {
    auto db = memory_db("valid/illustrative.sql");
    const auto id = db.create_element("Plant", Element().set("label", "P").set("unit_size", std::vector<double>{1.5, 2.5}));
    EXPECT_EQ(db.read_scalar_floats("Plant_vector_units", "unit_size"), (std::vector<OptD>{1.5, 2.5}));
    EXPECT_EQ(db.read_element_ids("Plant"), (std::vector<int64_t>{id}));
}

TEST(Create, EmptyStringIsNotNull) {
    auto db = memory_db("valid/collections.sql");
    const auto id = db.create_element("Collection", Element().set("label", "A").set("some_string", std::string("")));
    EXPECT_EQ(db.read_scalar_string_by_id("Collection", "some_string", id), OptS(""));
}

TEST(Create, ScalarNamedLikeAGroupColumn) {
    auto db = memory_db("valid/vectors.sql");
    EXPECT_FAILS_UNCHANGED(db, db.create_element("Collection", Element().set("label", "A").set("codes", int64_t{1})),
                           "Cannot create_element: column 'codes' not found in table 'Collection'");
}

// D22 replaced "dates are stored unvalidated": an invalid date is refused, a valid one is stored
// as given (not normalised). The grammar itself is tested in test_date_time.cpp.
TEST(Create, DateTimeValidatedButNotNormalised) {
    auto db = memory_db("valid/collections.sql");
    EXPECT_FAILS_UNCHANGED(db, db.create_element("Collection", Element().set("label", "A").set("date_start", std::string("not a date"))),
                           "Cannot create_element: invalid date-time 'not a date' for column 'date_start': expected "
                           "YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS");
    const auto id = db.create_element("Collection", Element().set("label", "A").set("date_start", std::string("2024-01-01 10:30")));
    EXPECT_EQ(db.read_scalar_string_by_id("Collection", "date_start", id), OptS("2024-01-01 10:30"));
}
