// number_of_elements and the whole-group readers and writers (api-additions §2, §3.1, D15, D20),
// plus foreign-key information on group metadata (§0.1 R3).
#include "group_fixtures.h"
#include "test_helpers.h"

#include <quiver/database.h>

#include <gtest/gtest.h>

#include <cmath>

using namespace quiver;
using namespace quiver::test;

namespace {

class Groups : public IllustrativePlants {};

// Relations schema: parent_ref (FK -> Parent) is a column of Child_vector_refs and Child_set_parents.
class GroupRelations : public ::testing::Test {
protected:
    void SetUp() override {
        db_ = std::make_unique<Database>(memory_db("valid/relations.sql"));
        p1_ = db().create_element("Parent", Element().set("label", "P1"));
        p2_ = db().create_element("Parent", Element().set("label", "P2"));
        child_ = db().create_element("Child", Element().set("label", "C1"));
    }
    Database& db() { return *db_; }
    std::unique_ptr<Database> db_;
    int64_t p1_ = 0, p2_ = 0, child_ = 0;
};

}  // namespace

// --------------------------------------------------------------------------------------------
// number_of_elements

TEST_F(Groups, NumberOfElementsCountsRows) {
    EXPECT_EQ(db().number_of_elements("Plant"), 2);
    EXPECT_EQ(db().number_of_elements("Owner"), 1);
    EXPECT_EQ(db().number_of_elements("Configuration"), 0);
    db().delete_element("Plant", plant_b_);
    EXPECT_EQ(db().number_of_elements("Plant"), 1);  // never cached
    // Like every collection check, a group table name is accepted and counts its rows.
    db().update_set_group("Plant", "tags", plant_a_, {{{"tag", text("a")}}, {{"tag", text("b")}}});
    EXPECT_EQ(db().number_of_elements("Plant_set_tags"), 2);
}

TEST_F(Groups, NumberOfElementsErrors) {
    EXPECT_FAILS_UNCHANGED(db(), db().number_of_elements("Nope"), "Cannot number_of_elements: collection not found: Nope");
    Database empty(":memory:", quiet());
    EXPECT_THROW_MSG(empty.number_of_elements("Plant"), "Cannot number_of_elements: no schema loaded");
}

TEST_F(Groups, RequireElement) {
    db().require_element("Plant", plant_a_);
    db().require_element("Owner", owner_);
    EXPECT_FAILS_UNCHANGED(db(), db().require_element("Plant", 999), "Element not found: 999 in collection 'Plant'");
    EXPECT_FAILS_UNCHANGED(db(), db().require_element("Plant", owner_ + 100), "Element not found: " + std::to_string(owner_ + 100) + " in collection 'Plant'");
    EXPECT_FAILS_UNCHANGED(db(), db().require_element("Nope", 1), "Cannot require_element: collection not found: Nope");
}

// --------------------------------------------------------------------------------------------
// Readers

TEST_F(Groups, VectorGroupRoundTripKeepsNullCells) {
    db().update_vector_group("Plant", "units", plant_a_,
                             {{{"unit_size", 10.0}, {"unit_code", text("A")}},
                              {{"unit_size", nullptr}, {"unit_code", text("B")}},
                              {{"unit_code", text("C")}}});  // unit_size absent: NULL
    const Rows rows = db().read_vector_group_by_id("Plant", "units", plant_a_);
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(rows[0], (RowMap{{"unit_code", text("A")}, {"unit_size", 10.0}}));
    EXPECT_EQ(rows[1], (RowMap{{"unit_code", text("B")}, {"unit_size", nullptr}}));
    EXPECT_EQ(rows[2], (RowMap{{"unit_code", text("C")}, {"unit_size", nullptr}}));
    EXPECT_EQ(db().query_string("SELECT group_concat(vector_index) FROM Plant_vector_units WHERE id = ?", {plant_a_}),
              std::optional<std::string>("1,2,3"));
    EXPECT_TRUE(db().read_vector_group_by_id("Plant", "units", plant_b_).empty());
    EXPECT_TRUE(db().read_vector_group_by_id("Plant", "units", 999).empty());  // the id is not checked
}

TEST_F(Groups, VectorGroupReadsInVectorIndexOrderAndByStorageClass) {
    db().query_string("INSERT INTO Plant_vector_units (id, vector_index, unit_size, unit_code) VALUES "
                      "(?, 2, 2.5, 'second'), (?, 1, NULL, NULL)",
                      {plant_a_, plant_a_});
    const Rows rows = db().read_vector_group_by_id("Plant", "units", plant_a_);
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0], (RowMap{{"unit_code", nullptr}, {"unit_size", nullptr}}));
    EXPECT_EQ(rows[1], (RowMap{{"unit_code", text("second")}, {"unit_size", 2.5}}));
}

TEST_F(Groups, NonStrictGroupKeepsStorageClass) {
    auto db = memory_db("valid/vectors.sql");
    const auto id = db.create_element("Collection", Element().set("label", "x"));
    // Collection_vector_values is not STRICT: a TEXT value in value_int is returned as stored.
    db.query_string("INSERT INTO Collection_vector_values (id, vector_index, value_int) VALUES (?, 1, 'seven')", {id});
    const Rows rows = db.read_vector_group_by_id("Collection", "values", id);
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0], (RowMap{{"value_float", nullptr}, {"value_int", text("seven")}, {"value_string", nullptr}}));
}

TEST_F(Groups, SetGroupReadsInInsertionOrder) {
    db().update_set_group("Plant", "tags", plant_a_, {{{"tag", text("coal")}}, {{"tag", text("base")}}, {{"tag", text("old")}}});
    const Rows rows = db().read_set_group_by_id("Plant", "tags", plant_a_);
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(rows[0].at("tag"), text("coal"));
    EXPECT_EQ(rows[1].at("tag"), text("base"));
    EXPECT_EQ(rows[2].at("tag"), text("old"));
    EXPECT_EQ(rows[0].size(), 1u);  // no id column
    EXPECT_TRUE(db().read_set_group_by_id("Plant", "tags", plant_b_).empty());
}

TEST_F(Groups, ReaderErrors) {
    EXPECT_FAILS_UNCHANGED(db(), db().read_vector_group_by_id("Nope", "units", 1),
                           "Cannot read_vector_group_by_id: collection not found: Nope");
    EXPECT_FAILS_UNCHANGED(db(), db().read_vector_group_by_id("Plant", "nope", 1),
                           "Vector group not found: 'nope' in collection 'Plant'");
    // Addressed by group name: a set group is not a vector group, and vice versa.
    EXPECT_FAILS_UNCHANGED(db(), db().read_vector_group_by_id("Plant", "tags", 1),
                           "Vector group not found: 'tags' in collection 'Plant'");
    EXPECT_FAILS_UNCHANGED(db(), db().read_set_group_by_id("Nope", "tags", 1),
                           "Cannot read_set_group_by_id: collection not found: Nope");
    EXPECT_FAILS_UNCHANGED(db(), db().read_set_group_by_id("Plant", "units", 1),
                           "Set group not found: 'units' in collection 'Plant'");
    EXPECT_FAILS_UNCHANGED(db(), db().read_set_group_by_id("Owner", "tags", 1),
                           "Set group not found: 'tags' in collection 'Owner'");
}

// --------------------------------------------------------------------------------------------
// Writers: good input

TEST_F(Groups, UpdateVectorGroupReplacesOnlyThatElementsRows) {
    db().update_vector_group("Plant", "units", plant_a_, {{{"unit_size", 1.0}}, {{"unit_size", 2.0}}});
    db().update_vector_group("Plant", "units", plant_b_, {{{"unit_size", 9.0}}});
    db().update_vector_group("Plant", "units", plant_a_, {{{"unit_size", 3.0}, {"unit_code", text(" X ")}}});
    EXPECT_EQ(db().read_vector_group_by_id("Plant", "units", plant_a_), (Rows{{{"unit_code", text("X")}, {"unit_size", 3.0}}}));
    EXPECT_EQ(db().read_vector_group_by_id("Plant", "units", plant_b_), (Rows{{{"unit_code", nullptr}, {"unit_size", 9.0}}}));
}

TEST_F(Groups, UpdateVectorGroupWidensIntegersForRealColumns) {
    db().update_vector_group("Plant", "units", plant_a_, {{{"unit_size", int64_t{4}}}});
    EXPECT_EQ(db().read_vector_group_by_id("Plant", "units", plant_a_)[0].at("unit_size"), Value(4.0));
}

TEST_F(Groups, EmptyRowsClearTheGroup) {
    db().update_vector_group("Plant", "units", plant_a_, {{{"unit_size", 1.0}}});
    db().update_set_group("Plant", "tags", plant_a_, {{{"tag", text("a")}}});
    db().update_vector_group("Plant", "units", plant_a_, {});
    db().update_set_group("Plant", "tags", plant_a_, {});
    EXPECT_EQ(count_rows(db(), "Plant_vector_units"), 0);
    EXPECT_EQ(count_rows(db(), "Plant_set_tags"), 0);
}

TEST_F(Groups, WritersWorkInsideATransaction) {
    db().begin_transaction();
    db().update_vector_group("Plant", "units", plant_a_, {{{"unit_size", 1.0}}});
    db().update_set_group("Plant", "tags", plant_a_, {{{"tag", text("a")}}});
    EXPECT_TRUE(db().in_transaction());
    db().rollback();
    EXPECT_EQ(count_rows(db(), "Plant_vector_units"), 0);
    EXPECT_EQ(count_rows(db(), "Plant_set_tags"), 0);
}

TEST_F(GroupRelations, GroupWriterTouchesOnlyTheNamedGroup) {
    // update_element routes parent_ref to both groups; update_vector_group writes only refs.
    db().update_element("Child", child_, Element().set("parent_ref", std::vector<int64_t>{p1_}));
    EXPECT_EQ(count_rows(db(), "Child_set_parents"), 1);
    db().update_vector_group("Child", "refs", child_, {{{"parent_ref", text("P2")}, {"weight", 0.5}}, {{"parent_ref", p1_}}});
    EXPECT_EQ(db().read_vector_group_by_id("Child", "refs", child_),
              (Rows{{{"parent_ref", p2_}, {"weight", 0.5}}, {{"parent_ref", p1_}, {"weight", nullptr}}}));
    EXPECT_EQ(db().read_set_group_by_id("Child", "parents", child_), (Rows{{{"parent_ref", p1_}}}));
}

TEST_F(GroupRelations, SetGroupResolvesLabels) {
    db().update_set_group("Child", "parents", child_, {{{"parent_ref", text(" P2 ")}}, {{"parent_ref", text("P1")}}});
    EXPECT_EQ(db().read_set_group_by_id("Child", "parents", child_), (Rows{{{"parent_ref", p2_}}, {{"parent_ref", p1_}}}));
}

TEST_F(GroupRelations, GroupMetadataCarriesForeignKeys) {
    const auto refs = db().get_vector_metadata("Child", "refs");
    ASSERT_EQ(refs.value_columns.size(), 2u);
    EXPECT_EQ(refs.value_columns[0].name, "parent_ref");
    EXPECT_TRUE(refs.value_columns[0].is_foreign_key);
    EXPECT_EQ(refs.value_columns[0].references_collection, std::optional<std::string>("Parent"));
    EXPECT_EQ(refs.value_columns[0].references_column, std::optional<std::string>("id"));
    EXPECT_FALSE(refs.value_columns[1].is_foreign_key);
    EXPECT_EQ(refs.value_columns[1].references_collection, std::nullopt);
    const auto parents = db().list_set_groups("Child");
    ASSERT_EQ(parents.size(), 1u);
    EXPECT_TRUE(parents[0].value_columns[0].is_foreign_key);
    const auto friends = db().get_vector_metadata("Child", "friends");
    EXPECT_EQ(friends.value_columns[0].references_collection, std::optional<std::string>("Child"));
}

// --------------------------------------------------------------------------------------------
// Writers: bad input (every refusal leaves the database unchanged, in both modes)

TEST_F(Groups, WriterLookupErrors) {
    db().update_vector_group("Plant", "units", plant_a_, {{{"unit_size", 1.0}}});
    const Rows rows{{{"unit_size", 2.0}}};
    in_both_modes(db(), [&] {
        EXPECT_FAILS_UNCHANGED(db(), db().update_vector_group("Nope", "units", plant_a_, rows),
                               "Cannot update_vector_group: collection not found: Nope");
        EXPECT_FAILS_UNCHANGED(db(), db().update_vector_group("Plant", "nope", plant_a_, rows),
                               "Vector group not found: 'nope' in collection 'Plant'");
        EXPECT_FAILS_UNCHANGED(db(), db().update_vector_group("Plant", "units", 999, rows),
                               "Element not found: 999 in collection 'Plant'");
        EXPECT_FAILS_UNCHANGED(db(), db().update_vector_group("Plant", "units", 999, {}),
                               "Element not found: 999 in collection 'Plant'");
        // The element comes before the row checks (§3.1 order), whatever else is wrong.
        EXPECT_FAILS_UNCHANGED(db(), db().update_vector_group("Plant", "units", 999, {{{"unit_szie", 1.0}}}),
                               "Element not found: 999 in collection 'Plant'");
        EXPECT_FAILS_UNCHANGED(db(), db().update_vector_group("Plant", "units", 999, {{}}),
                               "Element not found: 999 in collection 'Plant'");
        EXPECT_FAILS_UNCHANGED(db(), db().update_set_group("Plant", "tags", 999, {{{"tag", int64_t{1}}}}),
                               "Element not found: 999 in collection 'Plant'");
        EXPECT_FAILS_UNCHANGED(db(), db().update_set_group("Plant", "tags", 999, {{{"tag", text("x")}}}),
                               "Element not found: 999 in collection 'Plant'");
        EXPECT_FAILS_UNCHANGED(db(), db().update_set_group("Nope", "tags", plant_a_, {}),
                               "Cannot update_set_group: collection not found: Nope");
        EXPECT_FAILS_UNCHANGED(db(), db().update_set_group("Plant", "units", plant_a_, {}),
                               "Set group not found: 'units' in collection 'Plant'");
        EXPECT_FAILS_UNCHANGED(db(), db().update_set_group("Plant", "tags", 999, {}),
                               "Element not found: 999 in collection 'Plant'");
    });
}

TEST_F(Groups, RowsWithoutColumnsAreRefused) {
    db().update_vector_group("Plant", "units", plant_a_, {{{"unit_size", 1.0}}});
    db().update_set_group("Plant", "tags", plant_a_, {{{"tag", text("a")}}});
    in_both_modes(db(), [&] {
        EXPECT_FAILS_UNCHANGED(db(), db().update_vector_group("Plant", "units", plant_a_, {{}}),
                               "Cannot update_vector_group: rows contain no columns; pass no rows to clear the group");
        EXPECT_FAILS_UNCHANGED(db(), db().update_set_group("Plant", "tags", plant_a_, {{}, {}}),
                               "Cannot update_set_group: rows contain no columns; pass no rows to clear the group");
    });
}

TEST_F(Groups, ManagedAndUnknownColumnsAreRefused) {
    db().update_vector_group("Plant", "units", plant_a_, {{{"unit_size", 1.0}}});
    in_both_modes(db(), [&] {
        EXPECT_FAILS_UNCHANGED(db(), db().update_vector_group("Plant", "units", plant_a_, {{{"unit_size", 2.0}, {"id", plant_a_}}}),
                               "Cannot update_vector_group: column 'id' is managed by the group table, not a value column");
        EXPECT_FAILS_UNCHANGED(db(), db().update_vector_group("Plant", "units", plant_a_, {{{"vector_index", int64_t{1}}}}),
                               "Cannot update_vector_group: column 'vector_index' is managed by the group table, not a value column");
        // A typo never clears: the unknown name is reported (union of keys, alphabetical).
        EXPECT_FAILS_UNCHANGED(db(), db().update_vector_group("Plant", "units", plant_a_, {{{"unit_size", 2.0}}, {{"unit_szie", 3.0}}}),
                               "Cannot update_vector_group: column 'unit_szie' not found in group 'units' for collection 'Plant'");
        EXPECT_FAILS_UNCHANGED(db(), db().update_set_group("Plant", "tags", plant_a_, {{{"id", plant_a_}}}),
                               "Cannot update_set_group: column 'id' is managed by the group table, not a value column");
        // Sets have no vector_index: it is just an unknown column there.
        EXPECT_FAILS_UNCHANGED(db(), db().update_set_group("Plant", "tags", plant_a_, {{{"tag", text("x")}, {"vector_index", int64_t{1}}}}),
                               "Cannot update_set_group: column 'vector_index' not found in group 'tags' for collection 'Plant'");
        // A column of a sibling group is not a column of this one.
        EXPECT_FAILS_UNCHANGED(db(), db().update_set_group("Plant", "tags", plant_a_, {{{"unit_code", text("x")}}}),
                               "Cannot update_set_group: column 'unit_code' not found in group 'tags' for collection 'Plant'");
    });
}

TEST_F(Groups, WrongCellTypesAreRefused) {
    db().update_vector_group("Plant", "units", plant_a_, {{{"unit_size", 1.0}}});
    in_both_modes(db(), [&] {
        EXPECT_FAILS_UNCHANGED(db(), db().update_vector_group("Plant", "units", plant_a_, {{{"unit_size", 2.0}}, {{"unit_size", text("big")}}}),
                               "Cannot update_vector_group: type mismatch for column 'unit_size' row 1: expected REAL, got TEXT");
        EXPECT_FAILS_UNCHANGED(db(), db().update_vector_group("Plant", "units", plant_a_, {{{"unit_code", 5.0}}}),
                               "Cannot update_vector_group: type mismatch for column 'unit_code' row 0: expected TEXT, got REAL");
        EXPECT_FAILS_UNCHANGED(db(), db().update_set_group("Plant", "tags", plant_a_, {{{"tag", text("a")}}, {{"tag", int64_t{1}}}}),
                               "Cannot update_set_group: type mismatch for column 'tag' row 1: expected TEXT, got INTEGER");
        EXPECT_FAILS_UNCHANGED(db(), db().update_vector_group("Plant", "units", plant_a_, {{{"unit_size", std::nan("")}}}),
                               "Cannot update_vector_group: NaN is not allowed for column 'unit_size' row 0");
        EXPECT_FAILS_UNCHANGED(db(), db().update_set_group("Plant", "tags", plant_a_, {{{"tag", Value(std::string("a\0b", 3))}}}),
                               "Cannot update_set_group: embedded NUL character in column 'tag' row 0");
    });
}

TEST(GroupsIntegerColumns, StringInNonForeignKeyIntegerColumn) {
    auto db = memory_db("valid/vectors.sql");
    const auto id = db.create_element("Collection", Element().set("label", "x").set("codes", {int64_t{1}}));
    in_both_modes(db, [&] {
        EXPECT_FAILS_UNCHANGED(db, db.update_vector_group("Collection", "codes", id, {{{"codes", Value(std::string("7"))}}}),
                               "Cannot resolve attribute: 'codes' is INTEGER but received string '7' (not a foreign key)");
        EXPECT_FAILS_UNCHANGED(db, db.update_vector_group("Collection", "values", id, {{{"value_int", 1.5}}}),
                               "Cannot update_vector_group: type mismatch for column 'value_int' row 0: expected INTEGER, got REAL");
    });
}

TEST_F(GroupRelations, UnknownLabelAndConstraintFailures) {
    db().update_set_group("Child", "parents", child_, {{{"parent_ref", p1_}}});
    db().update_vector_group("Child", "refs", child_, {{{"parent_ref", p1_}}});
    in_both_modes(db(), [&] {
        EXPECT_FAILS_UNCHANGED(db(), db().update_vector_group("Child", "refs", child_, {{{"parent_ref", text("P2")}}, {{"parent_ref", text("Nope")}}}),
                               "Failed to resolve label 'Nope' to ID in table 'Parent'");
        EXPECT_FAILS_UNCHANGED(db(), db().update_set_group("Child", "parents", child_, {{{"parent_ref", text("Nope")}}}),
                               "Failed to resolve label 'Nope' to ID in table 'Parent'");
        // Constraint failures surface from SQLite after the DELETE ran: the guard undoes it.
        EXPECT_FAILS_UNCHANGED(db(), db().update_set_group("Child", "parents", child_, {{{"parent_ref", p2_}}, {{"parent_ref", text("P2")}}}),
                               "Failed to execute statement: UNIQUE constraint failed: Child_set_parents.id, Child_set_parents.parent_ref");
        EXPECT_FAILS_UNCHANGED(db(), db().update_set_group("Child", "parents", child_, {{{"parent_ref", nullptr}}}),
                               "Failed to execute statement: NOT NULL constraint failed: Child_set_parents.parent_ref");
        EXPECT_FAILS_UNCHANGED(db(), db().update_vector_group("Child", "refs", child_, {{{"parent_ref", int64_t{999}}}}),
                               "Failed to execute statement: FOREIGN KEY constraint failed");
    });
}

// D22 through the one type-check path: DATE_TIME cells of a group are validated per row.
TEST(GroupsDates, InvalidDateTimeCellsAreRefused) {
    const auto path = (scratch_dir() / "schema.sql").string();
    write_file(path,
               "CREATE TABLE Configuration (id INTEGER PRIMARY KEY, label TEXT UNIQUE NOT NULL) STRICT;\n"
               "CREATE TABLE Plant (id INTEGER PRIMARY KEY, label TEXT UNIQUE NOT NULL) STRICT;\n"
               "CREATE TABLE Plant_vector_outages (id INTEGER NOT NULL REFERENCES Plant(id) ON DELETE CASCADE "
               "ON UPDATE CASCADE, vector_index INTEGER NOT NULL, date_start TEXT, hours REAL, "
               "PRIMARY KEY (id, vector_index)) STRICT;\n");
    auto db = Database::from_schema(":memory:", path, quiet());
    const auto id = db.create_element("Plant", Element().set("label", "P"));
    db.update_vector_group("Plant", "outages", id, {{{"date_start", text("2024-01-01")}}, {{"date_start", text(" 2024-02-01T10:00 ")}}});
    in_both_modes(db, [&] {
        EXPECT_FAILS_UNCHANGED(db, db.update_vector_group("Plant", "outages", id, {{{"date_start", text("2024-01-01")}}, {{"date_start", text("2024-02-30")}}}),
                               "Cannot update_vector_group: invalid date-time '2024-02-30' for column 'date_start' row 1: expected YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS");
    });
    EXPECT_EQ(db.read_vector_group_by_id("Plant", "outages", id)[1].at("date_start"), text("2024-02-01T10:00"));
}

// With foreign keys switched off by the caller nothing refuses a row of a missing element, so
// the writers look the element up first.
TEST_F(Groups, MissingElementIsFoundWithForeignKeysOff) {
    db().query_string("PRAGMA foreign_keys = OFF");
    EXPECT_FAILS_UNCHANGED(db(), db().update_set_group("Plant", "tags", 999, {{{"tag", text("x")}}}),
                           "Element not found: 999 in collection 'Plant'");
    EXPECT_FAILS_UNCHANGED(db(), db().upsert_time_series_row("Plant", "output", 999, {{"date_time", text("2024-01-01")}}),
                           "Element not found: 999 in collection 'Plant'");
    EXPECT_EQ(count_rows(db(), "Plant_set_tags"), 0);
    EXPECT_EQ(count_rows(db(), "Plant_time_series_output"), 0);
}
