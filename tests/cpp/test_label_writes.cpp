// Label-addressed writes and update_relation (api-additions §8, §8.1) and the read-only guards of
// from_schema/from_migrations (§9).
#include "group_fixtures.h"
#include "test_helpers.h"

#include <quiver/database.h>

#include <gtest/gtest.h>

#include <filesystem>

using namespace quiver;
using namespace quiver::test;

namespace {

class LabelWrites : public IllustrativePlants {};

// relations.sql: Child.parent_id -> Parent, Child.sibling_id -> Child, Child.owner_id -> Parent.
class Relations : public ::testing::Test {
protected:
    void SetUp() override {
        db_ = std::make_unique<Database>(memory_db("valid/relations.sql"));
        p1_ = db().create_element("Parent", Element().set("label", "P1"));
        p2_ = db().create_element("Parent", Element().set("label", "P2"));
        c1_ = db().create_element("Child", Element().set("label", "C1").set("parent_id", p1_));
        c2_ = db().create_element("Child", Element().set("label", "C2"));
    }
    Database& db() { return *db_; }
    std::optional<int64_t> parent_of(int64_t child) { return db().read_scalar_integer_by_id("Child", "parent_id", child); }
    std::unique_ptr<Database> db_;
    int64_t p1_ = 0, p2_ = 0, c1_ = 0, c2_ = 0;
};

}  // namespace

// --------------------------------------------------------------------------------------------
// Label forms: good input (each behaves like its id form; labels are trimmed)

TEST_F(LabelWrites, UpdateAndDeleteElementByLabel) {
    db().update_element("Plant", std::string(" Plant B "), Element().set("capacity", 5.0).set("owner_id", "Acme"));
    EXPECT_EQ(db().read_scalar_float_by_id("Plant", "capacity", plant_b_), std::optional<double>(5.0));
    EXPECT_EQ(db().read_scalar_integer_by_id("Plant", "owner_id", plant_b_), std::optional<int64_t>(owner_));
    db().delete_element("Plant", "Plant A");
    EXPECT_EQ(db().read_element_ids("Plant"), (std::vector<int64_t>{plant_b_}));
}

TEST_F(LabelWrites, GroupWritersByLabel) {
    db().update_vector_group("Plant", "units", "Plant A", {{{"unit_size", 1.0}}});
    db().update_set_group("Plant", "tags", "Plant A", {{{"tag", text("base")}}});
    db().update_time_series_group("Plant", "output", "Plant A", {{{"date_time", text("2024-01-01")}, {"generation", 10.0}}});
    db().upsert_time_series_row("Plant", "output", "Plant A", {{"date_time", text("2024-01-01")}, {"generation", 11.0}});
    EXPECT_EQ(db().read_vector_group_by_id("Plant", "units", plant_a_), (Rows{{{"unit_code", nullptr}, {"unit_size", 1.0}}}));
    EXPECT_EQ(db().read_set_group_by_id("Plant", "tags", plant_a_), (Rows{{{"tag", text("base")}}}));
    EXPECT_EQ(db().read_time_series_row("Plant", "output", "generation", "2024-01-01"), (std::vector<Value>{11.0, nullptr}));
}

// --------------------------------------------------------------------------------------------
// Label forms: bad input

TEST_F(LabelWrites, UnknownLabel) {
    const Rows rows{{{"tag", text("x")}}};
    in_both_modes(db(), [&] {
        EXPECT_FAILS_UNCHANGED(db(), db().update_element("Plant", std::string("Nope"), Element().set("capacity", 1.0)),
                               "Element not found: label 'Nope' in collection 'Plant'");
        EXPECT_FAILS_UNCHANGED(db(), db().delete_element("Plant", " Nope "),
                               "Element not found: label ' Nope ' in collection 'Plant'");  // as given
        EXPECT_FAILS_UNCHANGED(db(), db().update_vector_group("Plant", "units", "Nope", {}),
                               "Element not found: label 'Nope' in collection 'Plant'");
        EXPECT_FAILS_UNCHANGED(db(), db().update_set_group("Plant", "tags", "Nope", rows),
                               "Element not found: label 'Nope' in collection 'Plant'");
        // Unlike its id form, update_time_series_group by label checks the element.
        EXPECT_FAILS_UNCHANGED(db(), db().update_time_series_group("Plant", "output", "Nope", {}),
                               "Element not found: label 'Nope' in collection 'Plant'");
        EXPECT_FAILS_UNCHANGED(db(), db().upsert_time_series_row("Plant", "output", "Nope", {{"date_time", text("2024-01-01")}}),
                               "Element not found: label 'Nope' in collection 'Plant'");
    });
}

TEST_F(LabelWrites, CollectionIsCheckedBeforeTheLabel) {
    in_both_modes(db(), [&] {
        EXPECT_FAILS_UNCHANGED(db(), db().update_element("Nope", std::string("Plant A"), Element().set("capacity", 1.0)),
                               "Cannot update_element: collection not found: Nope");
        EXPECT_FAILS_UNCHANGED(db(), db().delete_element("Nope", "Plant A"), "Cannot delete_element: collection not found: Nope");
        EXPECT_FAILS_UNCHANGED(db(), db().update_vector_group("Nope", "units", "Plant A", {}),
                               "Cannot update_vector_group: collection not found: Nope");
        EXPECT_FAILS_UNCHANGED(db(), db().update_set_group("Nope", "tags", "Plant A", {}),
                               "Cannot update_set_group: collection not found: Nope");
        EXPECT_FAILS_UNCHANGED(db(), db().update_time_series_group("Nope", "output", "Plant A", {}),
                               "Cannot update_time_series_group: collection not found: Nope");
        EXPECT_FAILS_UNCHANGED(db(), db().upsert_time_series_row("Nope", "output", "Plant A", {}),
                               "Cannot upsert_time_series_row: collection not found: Nope");
    });
}

TEST_F(LabelWrites, ThenTheIdFormsChecksApply) {
    in_both_modes(db(), [&] {
        EXPECT_FAILS_UNCHANGED(db(), db().update_element("Plant", std::string("Plant A"), Element()),
                               "Cannot update_element: element must have at least one attribute to update");
        EXPECT_FAILS_UNCHANGED(db(), db().update_element("Plant", std::string("Plant A"), Element().set("owner_id", "Nobody")),
                               "Failed to resolve label 'Nobody' to ID in table 'Owner'");
        EXPECT_FAILS_UNCHANGED(db(), db().update_vector_group("Plant", "nope", "Plant A", {}),
                               "Vector group not found: 'nope' in collection 'Plant'");
        EXPECT_FAILS_UNCHANGED(db(), db().update_set_group("Plant", "tags", "Plant A", {{{"tga", text("x")}}}),
                               "Cannot update_set_group: column 'tga' not found in group 'tags' for collection 'Plant'");
        EXPECT_FAILS_UNCHANGED(db(), db().update_time_series_group("Plant", "nope", "Plant A", {}),
                               "Time series group 'nope' not found for collection 'Plant'");
        EXPECT_FAILS_UNCHANGED(db(), db().upsert_time_series_row("Plant", "output", "Plant A", {{"generation", 1.0}}),
                               "Cannot upsert_time_series_row: row missing required 'date_time' column");
        // A label that resolves, then a constraint failure: nothing remains.
        EXPECT_FAILS_UNCHANGED(db(), db().update_element("Plant", std::string("Plant A"), Element().set("label", "Plant B")),
                               "Failed to execute statement: UNIQUE constraint failed: Plant.label");
    });
}

// --------------------------------------------------------------------------------------------
// update_relation

TEST_F(Relations, SetsAndClearsByIdAndLabel) {
    db().update_relation("Child", "Parent", "id", c2_, std::string("P2"));
    EXPECT_EQ(parent_of(c2_), std::optional<int64_t>(p2_));
    db().update_relation("Child", "Parent", "id", std::string("C2"), std::string(" P1 "));
    EXPECT_EQ(parent_of(c2_), std::optional<int64_t>(p1_));
    db().update_relation("Child", "Parent", "id", c1_, std::nullopt);
    EXPECT_EQ(parent_of(c1_), std::nullopt);
    db().update_relation("Child", "Parent", "id", std::string("C2"), std::nullopt);
    EXPECT_EQ(parent_of(c2_), std::nullopt);
    // Table names are case-insensitive in SQLite: "parent" names the same collection.
    db().update_relation("Child", "parent", "id", c1_, std::string("P2"));
    EXPECT_EQ(parent_of(c1_), std::optional<int64_t>(p2_));
    // Only that column changes.
    EXPECT_EQ(db().read_scalar_strings("Child", "label"), (std::vector<std::optional<std::string>>{"C1", "C2"}));
}

TEST_F(Relations, InsideATransaction) {
    db().begin_transaction();
    db().update_relation("Child", "Parent", "id", c2_, std::string("P2"));
    EXPECT_EQ(parent_of(c2_), std::optional<int64_t>(p2_));
    db().rollback();
    EXPECT_EQ(parent_of(c2_), std::nullopt);
}

TEST_F(Relations, Errors) {
    const std::optional<std::string> p2 = "P2";
    in_both_modes(db(), [&] {
        EXPECT_FAILS_UNCHANGED(db(), db().update_relation("Nope", "Parent", "id", c1_, p2),
                               "Cannot update_relation: collection not found: Nope");
        EXPECT_FAILS_UNCHANGED(db(), db().update_relation("Nope", "Parent", "id", std::string("C1"), p2),
                               "Cannot update_relation: collection not found: Nope");
        // The label form resolves the source before looking at the column.
        EXPECT_FAILS_UNCHANGED(db(), db().update_relation("Child", "Nope", "id", std::string("C9"), p2),
                               "Element not found: label 'C9' in collection 'Child'");
        EXPECT_FAILS_UNCHANGED(db(), db().update_relation("Child", "Nope", "id", c1_, p2),
                               "Cannot update_relation: relation column 'nope_id' not found in collection 'Child'");
        EXPECT_FAILS_UNCHANGED(db(), db().update_relation("Child", "Parent", "ref", c1_, p2),
                               "Cannot update_relation: relation column 'parent_ref' not found in collection 'Child'");
        EXPECT_FAILS_UNCHANGED(db(), db().update_relation("Child", "Owner", "id", std::string("C1"), p2),
                               "Cannot update_relation: relation column 'owner_id' in collection 'Child' is a foreign key to collection 'Parent', not to 'Owner'");
        EXPECT_FAILS_UNCHANGED(db(), db().update_relation("Child", "Sibling", "id", c1_, std::nullopt),
                               "Cannot update_relation: relation column 'sibling_id' in collection 'Child' is a foreign key to collection 'Child', not to 'Sibling'");
        // The id form checks the element after the column.
        EXPECT_FAILS_UNCHANGED(db(), db().update_relation("Child", "Nope", "id", 999, p2),
                               "Cannot update_relation: relation column 'nope_id' not found in collection 'Child'");
        EXPECT_FAILS_UNCHANGED(db(), db().update_relation("Child", "Parent", "id", 999, p2),
                               "Element not found: 999 in collection 'Child'");
        EXPECT_FAILS_UNCHANGED(db(), db().update_relation("Child", "Parent", "id", c1_, std::string("Nope")),
                               "Failed to resolve label 'Nope' to ID in table 'Parent'");
        EXPECT_FAILS_UNCHANGED(db(), db().update_relation("Child", "Parent", "id", std::string("C1"), std::string("Nope")),
                               "Failed to resolve label 'Nope' to ID in table 'Parent'");
    });
}

TEST(RelationColumns, NotAForeignKey) {
    auto db = memory_db("valid/illustrative.sql");
    const auto id = db.create_element("Plant", Element().set("label", "P").set("date_commissioned", "2020-01-01"));
    in_both_modes(db, [&] {
        EXPECT_FAILS_UNCHANGED(db, db.update_relation("Plant", "Date", "commissioned", id, std::nullopt),
                               "Cannot update_relation: relation column 'date_commissioned' in collection 'Plant' is not a foreign key");
    });
}

// --------------------------------------------------------------------------------------------
// Read-only guards (§9): checked first, before any path and before from_schema deletes anything.

TEST(ReadOnlyGuards, FromSchemaRefusesReadOnly) {
    const std::string path = scratch_db();
    raw_exec(path, "CREATE TABLE Junk (x INTEGER);");
    EXPECT_THROW_MSG(Database::from_schema(path, schema_path("valid/basic.sql"), quiet_read_only()),
                     "Cannot from_schema: read_only mode (use Database constructor to open existing)");
    EXPECT_EQ(file_table_count(path), 1);  // the existing file was not deleted
    EXPECT_THROW_MSG(Database::from_schema(path, "missing/schema.sql", quiet_read_only()),
                     "Cannot from_schema: read_only mode (use Database constructor to open existing)");
    EXPECT_THROW_MSG(Database::from_schema(":memory:", schema_path("valid/basic.sql"), quiet_read_only()),
                     "Cannot from_schema: read_only mode (use Database constructor to open existing)");
}

TEST(ReadOnlyGuards, FromMigrationsRefusesReadOnly) {
    const std::string path = scratch_db();
    EXPECT_THROW_MSG(Database::from_migrations(path, schema_path("migrations/basic"), quiet_read_only()),
                     "Cannot from_migrations: read_only mode (use Database constructor to open existing)");
    EXPECT_FALSE(std::filesystem::exists(path));  // nothing created
    EXPECT_THROW_MSG(Database::from_migrations(path, "missing/dir", quiet_read_only()),
                     "Cannot from_migrations: read_only mode (use Database constructor to open existing)");
}

TEST(ReadOnlyGuards, ConstructorStillOpensReadOnly) {
    const std::string path = scratch_db();
    { auto db = Database::from_schema(path, schema_path("valid/basic.sql"), quiet()); }
    Database ro(path, quiet_read_only());
    EXPECT_TRUE(ro.is_healthy());
}

// Every new write is discarded by end_dry_run (D16), the upsert (which needs no savepoint)
// included, and refused writes inside the dry run leave it usable.
TEST_F(LabelWrites, NewWritesInsideADryRunAreDiscarded) {
    const std::string before = snapshot(db());
    db().begin_dry_run();
    db().update_vector_group("Plant", "units", "Plant A", {{{"unit_size", 1.0}}});
    db().update_set_group("Plant", "tags", plant_a_, {{{"tag", text("t")}}});
    db().upsert_time_series_row("Plant", "output", plant_a_, {{"date_time", text("2024-01-01")}, {"generation", 1.0}});
    db().upsert_time_series_row("Plant", "output", "Plant B", {{"date_time", text("2024-01-01")}, {"generation", 2.0}});
    db().update_relation("Plant", "Owner", "id", "Plant A", std::string("Acme"));
    db().update_element("Plant", std::string("Plant B"), Element().set("capacity", 7.0));
    EXPECT_THROW_MSG(db().upsert_time_series_row("Plant", "output", 999, {{"date_time", text("2024-01-01")}}),
                     "Element not found: 999 in collection 'Plant'");
    EXPECT_EQ(db().read_time_series_row("Plant", "output", "generation", "2024-01-01"), (std::vector<Value>{1.0, 2.0}));
    db().delete_element("Plant", "Plant B");
    EXPECT_EQ(db().number_of_elements("Plant"), 1);
    db().end_dry_run();
    EXPECT_EQ(snapshot(db()), before);
}
