// Reads: scalars (D4), vectors and sets (D5), by id, strict storage classes (semantics §3.3, §5).
#include "test_helpers.h"

#include <quiver/database.h>

#include <gtest/gtest.h>

using namespace quiver;
using namespace quiver::test;

using OptI = std::optional<int64_t>;
using OptD = std::optional<double>;
using OptS = std::optional<std::string>;

// ---------------------------------------------------------------------------------------------
// Scalars

class ReadScalars : public ::testing::Test {
protected:
    void SetUp() override {
        db_ = std::make_unique<Database>(memory_db("valid/collections.sql"));
        db().create_element("Collection", Element()
                                              .set("label", "A")
                                              .set("some_integer", int64_t{10})
                                              .set("some_float", 1.5)
                                              .set("some_string", std::string("alpha"))
                                              .set("date_start", std::string("2024-01-01T00:00:00")));
        db().create_element("Collection", Element().set("label", "B"));  // NULL holes
        db().create_element("Collection", Element()
                                              .set("label", "C")
                                              .set("some_integer", int64_t{-30})
                                              .set("some_float", -3.5)
                                              .set("some_string", std::string("gamma")));
    }
    Database& db() { return *db_; }
    std::unique_ptr<Database> db_;
};

TEST_F(ReadScalars, BulkKeepsNullPositions) {  // D4
    EXPECT_EQ(db().read_element_ids("Collection"), (std::vector<int64_t>{1, 2, 3}));
    EXPECT_EQ(db().read_scalar_integers("Collection", "some_integer"), (std::vector<OptI>{10, std::nullopt, -30}));
    EXPECT_EQ(db().read_scalar_floats("Collection", "some_float"), (std::vector<OptD>{1.5, std::nullopt, -3.5}));
    EXPECT_EQ(db().read_scalar_strings("Collection", "some_string"), (std::vector<OptS>{"alpha", std::nullopt, "gamma"}));
    EXPECT_EQ(db().read_scalar_strings("Collection", "date_start"),
              (std::vector<OptS>{"2024-01-01T00:00:00", std::nullopt, std::nullopt}));
    EXPECT_EQ(db().read_scalar_strings("Collection", "label"), (std::vector<OptS>{"A", "B", "C"}));
    EXPECT_EQ(db().read_scalar_integers("Collection", "id"), (std::vector<OptI>{1, 2, 3}));
}

TEST_F(ReadScalars, AllNullColumn) {
    EXPECT_EQ(db().read_scalar_strings("Collection", "date_end"), (std::vector<OptS>{std::nullopt, std::nullopt, std::nullopt}));
}

TEST_F(ReadScalars, OtherStorageClassIsEmpty) {
    // Typed reads never convert (§3.3), except that a float reader widens an INTEGER
    // (api-additions §11).
    EXPECT_EQ(db().read_scalar_floats("Collection", "some_integer"), (std::vector<OptD>{10.0, std::nullopt, -30.0}));
    EXPECT_EQ(db().read_scalar_strings("Collection", "some_integer"), (std::vector<OptS>{std::nullopt, std::nullopt, std::nullopt}));
    EXPECT_EQ(db().read_scalar_integers("Collection", "some_float"), (std::vector<OptI>{std::nullopt, std::nullopt, std::nullopt}));
    EXPECT_EQ(db().read_scalar_integers("Collection", "label"), (std::vector<OptI>{std::nullopt, std::nullopt, std::nullopt}));
    EXPECT_EQ(db().read_scalar_integer_by_id("Collection", "some_float", 1), std::nullopt);
    EXPECT_EQ(db().read_scalar_float_by_id("Collection", "some_integer", 1), OptD(10.0));
    EXPECT_EQ(db().read_scalar_string_by_id("Collection", "some_integer", 1), std::nullopt);
}

TEST_F(ReadScalars, ValueStoredWithAnotherClassInNonStrictTable) {
    db().query_string("UPDATE Collection SET some_integer = 'abc', some_float = 'xyz' WHERE id = 3");
    EXPECT_EQ(db().read_scalar_integers("Collection", "some_integer"), (std::vector<OptI>{10, std::nullopt, std::nullopt}));
    EXPECT_EQ(db().read_scalar_strings("Collection", "some_integer"), (std::vector<OptS>{std::nullopt, std::nullopt, "abc"}));
    EXPECT_EQ(db().read_scalar_floats("Collection", "some_float"), (std::vector<OptD>{1.5, std::nullopt, std::nullopt}));
    EXPECT_EQ(db().read_scalar_integer_by_id("Collection", "some_integer", 3), std::nullopt);
    EXPECT_EQ(db().read_scalar_string_by_id("Collection", "some_integer", 3), OptS("abc"));
}

TEST_F(ReadScalars, RowidOrderAlignedWithIds) {
    db().create_element("Collection", Element().set("id", int64_t{100}).set("label", "Z").set("some_integer", int64_t{100}));
    db().create_element("Collection", Element().set("id", int64_t{50}).set("label", "Y").set("some_integer", int64_t{50}));
    const auto ids = db().read_element_ids("Collection");
    EXPECT_EQ(ids, (std::vector<int64_t>{1, 2, 3, 50, 100}));
    EXPECT_EQ(db().read_scalar_integers("Collection", "some_integer"), (std::vector<OptI>{10, std::nullopt, -30, 50, 100}));
    EXPECT_EQ(db().read_scalar_strings("Collection", "label"), (std::vector<OptS>{"A", "B", "C", "Y", "Z"}));
}

TEST_F(ReadScalars, ById) {
    EXPECT_EQ(db().read_scalar_integer_by_id("Collection", "some_integer", 3), OptI(-30));
    EXPECT_EQ(db().read_scalar_float_by_id("Collection", "some_float", 1), OptD(1.5));
    EXPECT_EQ(db().read_scalar_string_by_id("Collection", "some_string", 3), OptS("gamma"));
    EXPECT_EQ(db().read_scalar_integer_by_id("Collection", "some_integer", 2), std::nullopt);  // NULL
    EXPECT_EQ(db().read_scalar_integer_by_id("Collection", "some_integer", 99), std::nullopt);  // missing id
    EXPECT_EQ(db().read_scalar_float_by_id("Collection", "some_float", 99), std::nullopt);
    EXPECT_EQ(db().read_scalar_string_by_id("Collection", "some_string", 99), std::nullopt);
}

TEST_F(ReadScalars, UnknownColumn) {
    EXPECT_FAILS_UNCHANGED(db(), db().read_scalar_integers("Configuration", "nope"),
                           "Cannot read_scalar_integers: column 'nope' not found in table 'Configuration'");
    EXPECT_FAILS_UNCHANGED(db(), db().read_scalar_floats("Collection", "nope"),
                           "Cannot read_scalar_floats: column 'nope' not found in table 'Collection'");
    EXPECT_FAILS_UNCHANGED(db(), db().read_scalar_strings("Collection", "nope"),
                           "Cannot read_scalar_strings: column 'nope' not found in table 'Collection'");
    EXPECT_FAILS_UNCHANGED(db(), db().read_scalar_integer_by_id("Collection", "nope", 1),
                           "Cannot read_scalar_integer_by_id: column 'nope' not found in table 'Collection'");
    EXPECT_FAILS_UNCHANGED(db(), db().read_scalar_float_by_id("Collection", "nope", 1),
                           "Cannot read_scalar_float_by_id: column 'nope' not found in table 'Collection'");
    EXPECT_FAILS_UNCHANGED(db(), db().read_scalar_string_by_id("Collection", "nope", 1),
                           "Cannot read_scalar_string_by_id: column 'nope' not found in table 'Collection'");
}

TEST_F(ReadScalars, UnknownCollection) {
    EXPECT_FAILS_UNCHANGED(db(), db().read_scalar_integers("Nope", "id"), "Cannot read_scalar_integers: collection not found: Nope");
    EXPECT_FAILS_UNCHANGED(db(), db().read_scalar_floats("Nope", "id"), "Cannot read_scalar_floats: collection not found: Nope");
    EXPECT_FAILS_UNCHANGED(db(), db().read_scalar_strings("Nope", "id"), "Cannot read_scalar_strings: collection not found: Nope");
    EXPECT_FAILS_UNCHANGED(db(), db().read_scalar_integer_by_id("Nope", "id", 1), "Cannot read_scalar_integer_by_id: collection not found: Nope");
    EXPECT_FAILS_UNCHANGED(db(), db().read_scalar_float_by_id("Nope", "id", 1), "Cannot read_scalar_float_by_id: collection not found: Nope");
    EXPECT_FAILS_UNCHANGED(db(), db().read_scalar_string_by_id("Nope", "id", 1), "Cannot read_scalar_string_by_id: collection not found: Nope");
    EXPECT_FAILS_UNCHANGED(db(), db().read_element_ids("Nope"), "Cannot read_element_ids: collection not found: Nope");
}

TEST(ReadScalarsEmpty, EmptyCollection) {
    auto db = memory_db("valid/collections.sql");
    EXPECT_TRUE(db.read_element_ids("Collection").empty());
    EXPECT_TRUE(db.read_scalar_integers("Collection", "some_integer").empty());
    EXPECT_TRUE(db.read_scalar_floats("Collection", "some_float").empty());
    EXPECT_TRUE(db.read_scalar_strings("Collection", "label").empty());
}

TEST(ReadScalarsGroupTable, GroupTableNamePassesCollectionCheck) {  // quick reference 19
    auto db = memory_db("valid/illustrative.sql");
    db.create_element("Plant", Element().set("label", "P").set("unit_size", std::vector<double>{2.0, 3.0}));
    EXPECT_EQ(db.read_scalar_floats("Plant_vector_units", "unit_size"), (std::vector<OptD>{2.0, 3.0}));
    EXPECT_EQ(db.read_scalar_strings("Plant_vector_units", "unit_code"), (std::vector<OptS>{std::nullopt, std::nullopt}));
}

// ---------------------------------------------------------------------------------------------
// Vectors

class ReadVectors : public ::testing::Test {
protected:
    void SetUp() override {
        db_ = std::make_unique<Database>(memory_db("valid/vectors.sql"));
        db().create_element("Collection", Element()
                                              .set("label", "A")
                                              .set("value_int", std::vector<int64_t>{1, 2, 3})
                                              .set("value_float", std::vector<double>{1.5, 2.5, 3.5})
                                              .set("value_string", std::vector<std::string>{"a", "b", "c"})
                                              .set("codes", std::vector<int64_t>{30, 10, 20}));
        db().create_element("Collection", Element().set("label", "B"));  // no rows at all
        db().create_element("Collection", Element().set("label", "C").set("value_int", std::vector<int64_t>{7}));
    }
    Database& db() { return *db_; }
    std::unique_ptr<Database> db_;
};

TEST_F(ReadVectors, BulkHasOneListPerElement) {  // D5
    EXPECT_EQ(db().read_vector_integers("Collection", "value_int"), (std::vector<std::vector<int64_t>>{{1, 2, 3}, {}, {7}}));
    // C has a row with value_float and value_string NULL: the typed readers refuse it instead
    // of dropping it (D20).
    EXPECT_FAILS_UNCHANGED(db(), db().read_vector_floats("Collection", "value_float"),
                           "Cannot read_vector_floats: element 3 has a NULL at vector_index 1 in 'value_float'; use "
                           "read_vector_group_by_id to read NULL cells");
    EXPECT_FAILS_UNCHANGED(db(), db().read_vector_strings("Collection", "value_string"),
                           "Cannot read_vector_strings: element 3 has a NULL at vector_index 1 in 'value_string'; use "
                           "read_vector_group_by_id to read NULL cells");
    // Vector order is the written order (vector_index), not value order.
    EXPECT_EQ(db().read_vector_integers("Collection", "codes"), (std::vector<std::vector<int64_t>>{{30, 10, 20}, {}, {}}));
}

TEST_F(ReadVectors, ById) {
    EXPECT_EQ(db().read_vector_integers_by_id("Collection", "value_int", 1), (std::vector<int64_t>{1, 2, 3}));
    EXPECT_EQ(db().read_vector_floats_by_id("Collection", "value_float", 1), (std::vector<double>{1.5, 2.5, 3.5}));
    EXPECT_EQ(db().read_vector_strings_by_id("Collection", "value_string", 1), (std::vector<std::string>{"a", "b", "c"}));
    EXPECT_EQ(db().read_vector_integers_by_id("Collection", "codes", 1), (std::vector<int64_t>{30, 10, 20}));
    EXPECT_TRUE(db().read_vector_integers_by_id("Collection", "value_int", 2).empty());
    EXPECT_TRUE(db().read_vector_integers_by_id("Collection", "value_int", 99).empty());
    EXPECT_FAILS_UNCHANGED(db(), db().read_vector_floats_by_id("Collection", "value_float", 3),
                           "Cannot read_vector_floats_by_id: element 3 has a NULL at vector_index 1 in 'value_float'; use "
                           "read_vector_group_by_id to read NULL cells");
    EXPECT_TRUE(db().read_vector_strings_by_id("Collection", "value_string", 99).empty());
}

TEST_F(ReadVectors, OrderedByVectorIndex) {
    // Rows physically inserted out of order.
    db().query_string("INSERT INTO Collection_vector_values (id, vector_index, value_int) VALUES (2, 3, 300)");
    db().query_string("INSERT INTO Collection_vector_values (id, vector_index, value_int) VALUES (2, 1, 100)");
    db().query_string("INSERT INTO Collection_vector_values (id, vector_index, value_int) VALUES (2, 2, 200)");
    EXPECT_EQ(db().read_vector_integers_by_id("Collection", "value_int", 2), (std::vector<int64_t>{100, 200, 300}));
    EXPECT_EQ(db().read_vector_integers("Collection", "value_int"), (std::vector<std::vector<int64_t>>{{1, 2, 3}, {100, 200, 300}, {7}}));
}

TEST_F(ReadVectors, OtherStorageClassesFail) {  // D20: never skipped, never shifted
    db().query_string("UPDATE Collection_vector_values SET value_int = 'text' WHERE id = 1 AND vector_index = 2");
    EXPECT_FAILS_UNCHANGED(db(), db().read_vector_integers_by_id("Collection", "value_int", 1),
                           "Cannot read_vector_integers_by_id: element 1 has a TEXT value at vector_index 2 in "
                           "'value_int', expected INTEGER");
    EXPECT_FAILS_UNCHANGED(db(), db().read_vector_integers("Collection", "value_int"),
                           "Cannot read_vector_integers: element 1 has a TEXT value at vector_index 2 in 'value_int', "
                           "expected INTEGER");
    EXPECT_FAILS_UNCHANGED(db(), db().read_vector_strings_by_id("Collection", "value_int", 1),
                           "Cannot read_vector_strings_by_id: element 1 has a INTEGER value at vector_index 1 in "
                           "'value_int', expected TEXT");
    EXPECT_FAILS_UNCHANGED(db(), db().read_vector_floats_by_id("Collection", "value_int", 1),
                           "Cannot read_vector_floats_by_id: element 1 has a TEXT value at vector_index 2 in "
                           "'value_int', expected REAL");
    // The float readers widen INTEGER cells (api-additions §11); element 3 is fine.
    EXPECT_EQ(db().read_vector_floats_by_id("Collection", "value_int", 3), (std::vector<double>{7.0}));
    EXPECT_EQ(db().read_vector_floats_by_id("Collection", "codes", 1), (std::vector<double>{30.0, 10.0, 20.0}));
    // A REAL is never narrowed.
    db().query_string("UPDATE Collection_vector_values SET value_int = 7.5 WHERE id = 3");
    EXPECT_FAILS_UNCHANGED(db(), db().read_vector_integers_by_id("Collection", "value_int", 3),
                           "Cannot read_vector_integers_by_id: element 3 has a REAL value at vector_index 1 in "
                           "'value_int', expected INTEGER");
}

TEST_F(ReadVectors, BulkReportsLowestElementThenLowestIndex) {  // D20
    db().query_string("UPDATE Collection_vector_values SET value_int = NULL WHERE (id = 1 AND vector_index >= 2) OR id = 3");
    EXPECT_FAILS_UNCHANGED(db(), db().read_vector_integers("Collection", "value_int"),
                           "Cannot read_vector_integers: element 1 has a NULL at vector_index 2 in 'value_int'; use "
                           "read_vector_group_by_id to read NULL cells");
    // The position named is the stored vector_index, not a count of the values before it.
    db().query_string("DELETE FROM Collection_vector_values WHERE id = 1 AND vector_index = 1");
    EXPECT_FAILS_UNCHANGED(db(), db().read_vector_integers_by_id("Collection", "value_int", 1),
                           "Cannot read_vector_integers_by_id: element 1 has a NULL at vector_index 2 in 'value_int'; "
                           "use read_vector_group_by_id to read NULL cells");
}

TEST_F(ReadVectors, AttributeNotFound) {  // D14
    EXPECT_FAILS_UNCHANGED(db(), db().read_vector_integers("Collection", "nope"), "Vector attribute not found: 'nope' in collection 'Collection'");
    EXPECT_FAILS_UNCHANGED(db(), db().read_vector_floats("Collection", "nope"), "Vector attribute not found: 'nope' in collection 'Collection'");
    EXPECT_FAILS_UNCHANGED(db(), db().read_vector_strings("Collection", "nope"), "Vector attribute not found: 'nope' in collection 'Collection'");
    EXPECT_FAILS_UNCHANGED(db(), db().read_vector_integers_by_id("Collection", "nope", 1), "Vector attribute not found: 'nope' in collection 'Collection'");
    EXPECT_FAILS_UNCHANGED(db(), db().read_vector_floats_by_id("Collection", "nope", 1), "Vector attribute not found: 'nope' in collection 'Collection'");
    EXPECT_FAILS_UNCHANGED(db(), db().read_vector_strings_by_id("Collection", "nope", 1), "Vector attribute not found: 'nope' in collection 'Collection'");
    // A scalar column is not a vector attribute.
    EXPECT_FAILS_UNCHANGED(db(), db().read_vector_integers("Collection", "some_integer"), "Vector attribute not found: 'some_integer' in collection 'Collection'");
}

TEST_F(ReadVectors, GroupNameWithoutSuchColumn) {
    // C_vector_values exists (found by name) but has no column 'values'.
    EXPECT_FAILS_UNCHANGED(db(), db().read_vector_integers("Collection", "values"),
                           "Cannot read_vector_integers: column 'values' not found in table 'Collection_vector_values'");
    EXPECT_FAILS_UNCHANGED(db(), db().read_vector_floats_by_id("Collection", "values", 1),
                           "Cannot read_vector_floats_by_id: column 'values' not found in table 'Collection_vector_values'");
}

TEST_F(ReadVectors, UnknownCollection) {
    EXPECT_FAILS_UNCHANGED(db(), db().read_vector_integers("Nope", "value_int"), "Cannot read_vector_integers: collection not found: Nope");
    EXPECT_FAILS_UNCHANGED(db(), db().read_vector_strings_by_id("Nope", "value_int", 1), "Cannot read_vector_strings_by_id: collection not found: Nope");
}

TEST_F(ReadVectors, SetReadsDoNotSeeVectors) {
    EXPECT_FAILS_UNCHANGED(db(), db().read_set_integers("Collection", "value_int"), "Set attribute not found: 'value_int' in collection 'Collection'");
}

TEST(ReadVectorsEmpty, NoElements) {
    auto db = memory_db("valid/vectors.sql");
    EXPECT_TRUE(db.read_vector_integers("Collection", "value_int").empty());
}

TEST(ReadVectorsEmpty, ElementsWithoutRows) {  // D5
    auto db = memory_db("valid/vectors.sql");
    db.create_element("Collection", Element().set("label", "A"));
    db.create_element("Collection", Element().set("label", "B"));
    EXPECT_EQ(db.read_vector_floats("Collection", "value_float"), (std::vector<std::vector<double>>{{}, {}}));
}

// ---------------------------------------------------------------------------------------------
// Sets (order inside a set is unspecified: compare sorted)

class ReadSets : public ::testing::Test {
protected:
    void SetUp() override {
        db_ = std::make_unique<Database>(memory_db("valid/sets.sql"));
        db().create_element("Collection", Element()
                                              .set("label", "A")
                                              .set("tag", std::vector<std::string>{"red", "blue", "green"})
                                              .set("number", std::vector<int64_t>{3, 1})
                                              .set("ratio", std::vector<double>{0.3, 0.1}));
        db().create_element("Collection", Element().set("label", "B"));
        db().create_element("Collection", Element().set("label", "C").set("tag", std::vector<std::string>{"x"}).set("number", std::vector<int64_t>{5}));
    }
    Database& db() { return *db_; }
    std::unique_ptr<Database> db_;
};

TEST_F(ReadSets, BulkHasOneListPerElement) {  // D5
    EXPECT_EQ(sorted_inner(db().read_set_strings("Collection", "tag")),
              (std::vector<std::vector<std::string>>{{"blue", "green", "red"}, {}, {"x"}}));
    EXPECT_EQ(sorted_inner(db().read_set_integers("Collection", "number")), (std::vector<std::vector<int64_t>>{{1, 3}, {}, {5}}));
    // C's ratio is NULL: refused, not skipped (D20).
    EXPECT_FAILS_UNCHANGED(db(), db().read_set_floats("Collection", "ratio"),
                           "Cannot read_set_floats: element 3 has a NULL in set 'ratio'; use read_set_group_by_id to "
                           "read NULL cells");
}

TEST_F(ReadSets, ById) {
    EXPECT_EQ(sorted(db().read_set_strings_by_id("Collection", "tag", 1)), (std::vector<std::string>{"blue", "green", "red"}));
    EXPECT_EQ(sorted(db().read_set_integers_by_id("Collection", "number", 1)), (std::vector<int64_t>{1, 3}));
    EXPECT_EQ(sorted(db().read_set_floats_by_id("Collection", "ratio", 1)), (std::vector<double>{0.1, 0.3}));
    EXPECT_TRUE(db().read_set_strings_by_id("Collection", "tag", 2).empty());
    EXPECT_TRUE(db().read_set_strings_by_id("Collection", "tag", 99).empty());
    EXPECT_FAILS_UNCHANGED(db(), db().read_set_floats_by_id("Collection", "ratio", 3),
                           "Cannot read_set_floats_by_id: element 3 has a NULL in set 'ratio'; use read_set_group_by_id "
                           "to read NULL cells");
}

TEST_F(ReadSets, StrictStorageClass) {
    // Float readers widen INTEGER cells (api-additions §11); every other mismatch fails (D20).
    EXPECT_EQ(sorted_inner(db().read_set_floats("Collection", "number")), (std::vector<std::vector<double>>{{1.0, 3.0}, {}, {5.0}}));
    EXPECT_FAILS_UNCHANGED(db(), db().read_set_strings_by_id("Collection", "number", 1),
                           "Cannot read_set_strings_by_id: element 1 has a INTEGER value in set 'number', expected TEXT");
    EXPECT_FAILS_UNCHANGED(db(), db().read_set_integers_by_id("Collection", "tag", 1),
                           "Cannot read_set_integers_by_id: element 1 has a TEXT value in set 'tag', expected INTEGER");
    EXPECT_FAILS_UNCHANGED(db(), db().read_set_integers("Collection", "tag"),
                           "Cannot read_set_integers: element 1 has a TEXT value in set 'tag', expected INTEGER");
}

TEST_F(ReadSets, AttributeNotFound) {  // D14
    EXPECT_FAILS_UNCHANGED(db(), db().read_set_strings("Collection", "nope"), "Set attribute not found: 'nope' in collection 'Collection'");
    EXPECT_FAILS_UNCHANGED(db(), db().read_set_integers("Collection", "nope"), "Set attribute not found: 'nope' in collection 'Collection'");
    EXPECT_FAILS_UNCHANGED(db(), db().read_set_floats("Collection", "nope"), "Set attribute not found: 'nope' in collection 'Collection'");
    EXPECT_FAILS_UNCHANGED(db(), db().read_set_strings_by_id("Collection", "nope", 1), "Set attribute not found: 'nope' in collection 'Collection'");
    EXPECT_FAILS_UNCHANGED(db(), db().read_set_integers_by_id("Collection", "nope", 1), "Set attribute not found: 'nope' in collection 'Collection'");
    EXPECT_FAILS_UNCHANGED(db(), db().read_set_floats_by_id("Collection", "nope", 1), "Set attribute not found: 'nope' in collection 'Collection'");
    EXPECT_FAILS_UNCHANGED(db(), db().read_vector_strings("Collection", "tag"), "Vector attribute not found: 'tag' in collection 'Collection'");
}

TEST_F(ReadSets, GroupNameWithoutSuchColumn) {
    EXPECT_FAILS_UNCHANGED(db(), db().read_set_strings("Collection", "tags"),
                           "Cannot read_set_strings: column 'tags' not found in table 'Collection_set_tags'");
    EXPECT_FAILS_UNCHANGED(db(), db().read_set_integers_by_id("Collection", "numbers", 1),
                           "Cannot read_set_integers_by_id: column 'numbers' not found in table 'Collection_set_numbers'");
}

TEST_F(ReadSets, UnknownCollection) {
    EXPECT_FAILS_UNCHANGED(db(), db().read_set_strings("Nope", "tag"), "Cannot read_set_strings: collection not found: Nope");
    EXPECT_FAILS_UNCHANGED(db(), db().read_set_floats_by_id("Nope", "ratio", 1), "Cannot read_set_floats_by_id: collection not found: Nope");
}

TEST(ReadGroups, NoSchemaLoaded) {
    Database db(":memory:", quiet());
    EXPECT_THROW_MSG(db.read_vector_integers("C", "a"), "Cannot read_vector_integers: no schema loaded");
    EXPECT_THROW_MSG(db.read_set_strings_by_id("C", "a", 1), "Cannot read_set_strings_by_id: no schema loaded");
    EXPECT_THROW_MSG(db.read_scalar_float_by_id("C", "a", 1), "Cannot read_scalar_float_by_id: no schema loaded");
}

TEST(ReadGroups, ForeignKeyValuesAreIds) {
    auto db = memory_db("valid/relations.sql");
    db.create_element("Parent", Element().set("label", "P1"));
    db.create_element("Parent", Element().set("label", "P2"));
    db.create_element("Child", Element().set("label", "C").set("parent_id", std::string("P2")).set("parent_ref", std::vector<std::string>{"P1", "P2"}));
    EXPECT_EQ(db.read_scalar_integers("Child", "parent_id"), (std::vector<OptI>{2}));
    EXPECT_EQ(db.read_vector_integers("Child", "parent_ref"), (std::vector<std::vector<int64_t>>{{1, 2}}));
    EXPECT_EQ(sorted_inner(db.read_set_integers("Child", "parent_ref")), (std::vector<std::vector<int64_t>>{{1, 2}}));
}
