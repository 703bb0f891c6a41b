// delete_element (semantics §4.6; D3, D6).
#include "test_helpers.h"

#include <quiver/database.h>

#include <gtest/gtest.h>

using namespace quiver;
using namespace quiver::test;

using OptI = std::optional<int64_t>;

TEST(Delete, RemovesElement) {
    auto db = memory_db("valid/collections.sql");
    db.create_element("Collection", Element().set("label", "A"));
    db.create_element("Collection", Element().set("label", "B"));
    db.create_element("Collection", Element().set("label", "C"));
    db.delete_element("Collection", 2);
    EXPECT_EQ(db.read_element_ids("Collection"), (std::vector<int64_t>{1, 3}));
    EXPECT_EQ(db.read_scalar_strings("Collection", "label"), (std::vector<std::optional<std::string>>{"A", "C"}));
}

TEST(Delete, IdsAreNotReusedWithAutoincrement) {
    auto db = memory_db("valid/collections.sql");
    db.create_element("Collection", Element().set("label", "A"));
    db.create_element("Collection", Element().set("label", "B"));
    db.delete_element("Collection", 2);
    EXPECT_EQ(db.create_element("Collection", Element().set("label", "C")), 3);
}

TEST(Delete, CascadesToGroupRows) {
    auto db = memory_db("valid/vectors.sql");
    db.create_element("Collection", Element().set("label", "A").set("value_int", std::vector<int64_t>{1, 2}).set("codes", std::vector<int64_t>{5}));
    db.create_element("Collection", Element().set("label", "B").set("value_int", std::vector<int64_t>{3}));
    db.delete_element("Collection", 1);
    EXPECT_EQ(count_rows(db, "Collection_vector_values"), 1);
    EXPECT_EQ(count_rows(db, "Collection_vector_codes"), 0);
    EXPECT_EQ(db.read_vector_integers("Collection", "value_int"), (std::vector<std::vector<int64_t>>{{3}}));
}

TEST(Delete, CascadesToSetAndTimeSeriesRows) {
    auto db = memory_db("valid/illustrative.sql");
    db.create_element("Plant", Element()
                                   .set("label", "P")
                                   .set("tag", std::vector<std::string>{"a", "b"})
                                   .set("unit_size", std::vector<double>{1.0})
                                   .set("date_time", std::vector<std::string>{"2024-01-01"})
                                   .set("generation", std::vector<double>{5.0}));
    db.delete_element("Plant", 1);
    EXPECT_EQ(count_rows(db, "Plant_set_tags"), 0);
    EXPECT_EQ(count_rows(db, "Plant_vector_units"), 0);
    EXPECT_EQ(count_rows(db, "Plant_time_series_output"), 0);
}

TEST(Delete, ForeignKeyActionsInOtherTables) {
    auto db = memory_db("valid/relations.sql");
    db.create_element("Parent", Element().set("label", "P1"));
    db.create_element("Parent", Element().set("label", "P2"));
    db.create_element("Child", Element().set("label", "nulled").set("parent_id", std::string("P1")).set("parent_ref", std::vector<std::string>{"P1", "P2"}));
    db.create_element("Child", Element().set("label", "owned").set("owner_id", std::string("P1")).set("friend_id", std::vector<int64_t>{1}));
    db.create_element("Child", Element().set("label", "other").set("owner_id", std::string("P2")).set("sibling_id", std::string("owned")));
    db.delete_element("Parent", 1);
    // ON DELETE SET NULL on Child.parent_id.
    EXPECT_EQ(db.read_scalar_integer_by_id("Child", "parent_id", 1), std::nullopt);
    // ON DELETE CASCADE on Child.owner_id removed "owned" (and, through it, sibling_id SET NULL).
    EXPECT_EQ(db.read_element_ids("Child"), (std::vector<int64_t>{1, 3}));
    EXPECT_EQ(db.read_scalar_integer_by_id("Child", "sibling_id", 3), std::nullopt);
    // Vector FK column SET NULL: the row stays with a NULL, which a typed reader refuses (D20).
    EXPECT_EQ(count_rows(db, "Child_vector_refs", "id = 1"), 2);
    EXPECT_EQ(count_rows(db, "Child_vector_refs", "id = 1 AND vector_index = 1 AND parent_ref IS NULL"), 1);
    EXPECT_THROW_MSG(db.read_vector_integers_by_id("Child", "parent_ref", 1),
                     "Cannot read_vector_integers_by_id: element 1 has a NULL at vector_index 1 in 'parent_ref'; use "
                     "read_vector_group_by_id to read NULL cells");
    // Set FK column CASCADE: the row referencing P1 is gone.
    EXPECT_EQ(db.read_set_integers_by_id("Child", "parent_ref", 1), (std::vector<int64_t>{2}));
    // "owned"'s own group rows went with it.
    EXPECT_EQ(count_rows(db, "Child_vector_friends"), 0);
}

TEST(Delete, SelfReferenceNulled) {
    auto db = memory_db("valid/relations.sql");
    db.create_element("Child", Element().set("label", "A"));
    db.create_element("Child", Element().set("label", "B").set("sibling_id", std::string("A")).set("friend_id", std::vector<std::string>{"A"}));
    db.delete_element("Child", 1);
    EXPECT_EQ(db.read_scalar_integer_by_id("Child", "sibling_id", 2), std::nullopt);
    EXPECT_TRUE(db.read_vector_integers_by_id("Child", "friend_id", 2).empty());  // friend_id CASCADE
}

TEST(Delete, MissingId) {  // D6
    auto db = memory_db("valid/collections.sql");
    db.create_element("Collection", Element().set("label", "A"));
    EXPECT_FAILS_UNCHANGED(db, db.delete_element("Collection", 99), "Element not found: 99 in collection 'Collection'");
    EXPECT_FAILS_UNCHANGED(db, db.delete_element("Configuration", 1), "Element not found: 1 in collection 'Configuration'");
    db.delete_element("Collection", 1);
    EXPECT_FAILS_UNCHANGED(db, db.delete_element("Collection", 1), "Element not found: 1 in collection 'Collection'");
}

TEST(Delete, UnknownCollection) {
    auto db = memory_db("valid/collections.sql");
    db.create_element("Collection", Element().set("label", "A"));
    EXPECT_FAILS_UNCHANGED(db, db.delete_element("Nope", 1), "Cannot delete_element: collection not found: Nope");
}

TEST(Delete, ForeignKeyFailureChangesNothing) {
    auto db = memory_db("valid/collections.sql");
    db.create_element("Collection", Element().set("label", "A"));
    // A table created after the schema was loaded (invisible to it) with a NO ACTION reference.
    db.query_string("CREATE TABLE Blocker (ref INTEGER REFERENCES Collection(id))");
    db.query_string("INSERT INTO Blocker VALUES (1)");
    EXPECT_FAILS_UNCHANGED(db, db.delete_element("Collection", 1), "Failed to execute statement: FOREIGN KEY constraint failed");
    EXPECT_EQ(db.read_element_ids("Collection"), (std::vector<int64_t>{1}));
}
