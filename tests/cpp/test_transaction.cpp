// Transactions and the atomic write guard (semantics §4.7, D3).
#include "test_helpers.h"

#include <quiver/database.h>

#include <gtest/gtest.h>

using namespace quiver;
using namespace quiver::test;

using OptI = std::optional<int64_t>;
using OptS = std::optional<std::string>;

TEST(Transaction, BeginCommit) {
    const std::string path = scratch_db();
    {
        auto db = Database::from_schema(path, schema_path("valid/collections.sql"), quiet());
        EXPECT_FALSE(db.in_transaction());
        db.begin_transaction();
        EXPECT_TRUE(db.in_transaction());
        db.create_element("Collection", Element().set("label", "A"));
        db.create_element("Collection", Element().set("label", "B"));
        db.update_element("Collection", 1, Element().set("some_integer", int64_t{3}));
        EXPECT_TRUE(db.in_transaction());
        db.commit();
        EXPECT_FALSE(db.in_transaction());
    }
    Database db(path, quiet());
    EXPECT_EQ(db.read_scalar_strings("Collection", "label"), (std::vector<OptS>{"A", "B"}));
    EXPECT_EQ(db.read_scalar_integer_by_id("Collection", "some_integer", 1), OptI(3));
}

TEST(Transaction, Rollback) {
    auto db = memory_db("valid/vectors.sql");
    db.create_element("Collection", Element().set("label", "keep").set("value_int", std::vector<int64_t>{1}));
    const std::string before = snapshot(db);
    db.begin_transaction();
    db.create_element("Collection", Element().set("label", "A").set("codes", std::vector<int64_t>{1, 2}));
    db.update_element("Collection", 1, Element().set("value_int", std::vector<int64_t>{5, 6}));
    db.delete_element("Collection", 1);
    db.rollback();
    EXPECT_FALSE(db.in_transaction());
    EXPECT_EQ(snapshot(db), before);
}

TEST(Transaction, UncommittedChangesInvisibleToOtherConnections) {
    const std::string path = scratch_db();
    auto db = Database::from_schema(path, schema_path("valid/collections.sql"), quiet());
    db.create_element("Collection", Element().set("label", "committed"));
    const std::string committed = file_snapshot(path);
    db.begin_transaction();
    db.create_element("Collection", Element().set("label", "pending"));
    EXPECT_EQ(file_snapshot(path), committed);
    db.commit();
    EXPECT_NE(file_snapshot(path), committed);
}

TEST(Transaction, StateErrors) {
    auto db = memory_db("valid/collections.sql");
    EXPECT_THROW_MSG(db.commit(), "Cannot commit: no active transaction");
    EXPECT_THROW_MSG(db.rollback(), "Cannot rollback: no active transaction");
    db.begin_transaction();
    EXPECT_THROW_MSG(db.begin_transaction(), "Cannot begin_transaction: transaction already active");
    EXPECT_TRUE(db.in_transaction());
    db.commit();
    EXPECT_THROW_MSG(db.commit(), "Cannot commit: no active transaction");
    EXPECT_FALSE(db.in_transaction());
}

TEST(Transaction, WorksWithoutSchema) {
    Database db(":memory:", quiet());
    db.begin_transaction();
    db.query_string("CREATE TABLE t (x INTEGER)");
    db.query_string("INSERT INTO t VALUES (1)");
    db.rollback();
    EXPECT_EQ(db.query_integer("SELECT count(*) FROM sqlite_master"), OptI(0));
}

TEST(Transaction, InTransactionReflectsSqliteAutocommit) {
    Database db(":memory:", quiet());
    db.query_string("BEGIN");
    EXPECT_TRUE(db.in_transaction());
    EXPECT_THROW_MSG(db.begin_transaction(), "Cannot begin_transaction: transaction already active");
    db.commit();
    EXPECT_FALSE(db.in_transaction());
    db.begin_transaction();
    db.query_string("COMMIT");
    EXPECT_FALSE(db.in_transaction());
    EXPECT_THROW_MSG(db.rollback(), "Cannot rollback: no active transaction");
}

// ---------------------------------------------------------------------------------------------
// D3: failed writes inside a user transaction undo only themselves; the transaction stays usable.

class GuardInTransaction : public ::testing::Test {
protected:
    void SetUp() override {
        path_ = scratch_db();
        db_ = std::make_unique<Database>(Database::from_schema(path_, schema_path("valid/sets.sql"), quiet()));
        db().create_element("Collection", Element().set("label", "base").set("tag", std::vector<std::string>{"t"}));
        db().begin_transaction();
        db().create_element("Collection", Element().set("label", "earlier").set("tag", std::vector<std::string>{"e1", "e2"}));
        db().update_element("Collection", 1, Element().set("some_integer", int64_t{7}));
    }
    void finish_and_check() {
        // The transaction is still open and usable, and commits the earlier and later writes.
        ASSERT_TRUE(db().in_transaction());
        db().create_element("Collection", Element().set("label", "later"));
        db().commit();
        EXPECT_FALSE(db().in_transaction());
        EXPECT_EQ(db().read_scalar_strings("Collection", "label"), (std::vector<OptS>{"base", "earlier", "later"}));
        EXPECT_EQ(db().read_scalar_integer_by_id("Collection", "some_integer", 1), OptI(7));
        EXPECT_EQ(sorted(db().read_set_strings_by_id("Collection", "tag", 2)), (std::vector<std::string>{"e1", "e2"}));
        EXPECT_EQ(db().read_set_strings_by_id("Collection", "tag", 1), (std::vector<std::string>{"t"}));
        // Committed for other connections too.
        const std::string committed = file_snapshot(path_);
        EXPECT_NE(committed.find("'earlier'"), std::string::npos) << committed;
        EXPECT_NE(committed.find("'later'"), std::string::npos) << committed;
        EXPECT_EQ(committed.find("'bad'"), std::string::npos) << committed;
    }
    Database& db() { return *db_; }
    std::string path_;
    std::unique_ptr<Database> db_;
};

TEST_F(GuardInTransaction, CreateFailingInsideSqlAfterFirstInsert) {
    EXPECT_FAILS_UNCHANGED(db(), db().create_element("Collection", Element().set("label", "bad").set("tag", std::vector<std::string>{"d", "d"})),
                           "Failed to execute statement: UNIQUE constraint failed: Collection_set_tags.id, Collection_set_tags.tag");
    finish_and_check();
}

TEST_F(GuardInTransaction, CreateFailingPrecheck) {
    EXPECT_FAILS_UNCHANGED(db(), db().create_element("Collection", Element().set("label", "bad").set("some_integer", 1.5)),
                           "Cannot create_element: type mismatch for column 'some_integer': expected INTEGER, got REAL");
    finish_and_check();
}

TEST_F(GuardInTransaction, CreateDuplicateLabel) {
    EXPECT_FAILS_UNCHANGED(db(), db().create_element("Collection", Element().set("label", "earlier")),
                           "Failed to execute statement: UNIQUE constraint failed: Collection.label");
    finish_and_check();
}

TEST_F(GuardInTransaction, UpdateFailingAfterScalarUpdateAndDelete) {
    EXPECT_FAILS_UNCHANGED(db(), db().update_element("Collection", 2, Element()
                                                                          .set("some_integer", int64_t{99})
                                                                          .set("tag", std::vector<std::string>{"z", "z"})),
                           "Failed to execute statement: UNIQUE constraint failed: Collection_set_tags.id, Collection_set_tags.tag");
    finish_and_check();
}

TEST_F(GuardInTransaction, UpdateMissingId) {
    EXPECT_FAILS_UNCHANGED(db(), db().update_element("Collection", 50, Element().set("some_integer", int64_t{1})),
                           "Element not found: 50 in collection 'Collection'");
    finish_and_check();
}

TEST_F(GuardInTransaction, DeleteMissingId) {
    EXPECT_FAILS_UNCHANGED(db(), db().delete_element("Collection", 50), "Element not found: 50 in collection 'Collection'");
    finish_and_check();
}

TEST_F(GuardInTransaction, DeleteFailingOnForeignKey) {
    db().query_string("CREATE TABLE Blocker (ref INTEGER REFERENCES Collection(id))");
    db().query_string("INSERT INTO Blocker VALUES (2)");
    EXPECT_FAILS_UNCHANGED(db(), db().delete_element("Collection", 2), "Failed to execute statement: FOREIGN KEY constraint failed");
    db().query_string("DROP TABLE Blocker");
    finish_and_check();
}

TEST_F(GuardInTransaction, SeveralFailuresInARow) {
    for (int i = 0; i < 3; ++i) {
        EXPECT_FAILS_UNCHANGED(db(), db().create_element("Collection", Element().set("label", "x").set("tag", std::vector<std::string>{"a", "a"})),
                               "Failed to execute statement: UNIQUE constraint failed: Collection_set_tags.id, Collection_set_tags.tag");
    }
    finish_and_check();
}

TEST_F(GuardInTransaction, RollbackAfterFailureDiscardsEverything) {
    EXPECT_FAILS_UNCHANGED(db(), db().create_element("Collection", Element().set("label", "bad").set("tag", std::vector<std::string>{"d", "d"})),
                           "Failed to execute statement: UNIQUE constraint failed: Collection_set_tags.id, Collection_set_tags.tag");
    db().rollback();
    EXPECT_FALSE(db().in_transaction());
    EXPECT_EQ(db().read_scalar_strings("Collection", "label"), (std::vector<OptS>{"base"}));
    EXPECT_EQ(db().read_scalar_integer_by_id("Collection", "some_integer", 1), std::nullopt);
}

TEST(Guard, AutocommitWritesAreCommittedImmediately) {
    const std::string path = scratch_db();
    auto db = Database::from_schema(path, schema_path("valid/collections.sql"), quiet());
    db.create_element("Collection", Element().set("label", "A"));
    EXPECT_FALSE(db.in_transaction());
    const std::string snap = file_snapshot(path);
    EXPECT_NE(snap.find("'A'"), std::string::npos) << snap;
}

TEST(Guard, AutocommitFailureLeavesNoTransactionOpen) {
    auto db = memory_db("valid/sets.sql");
    EXPECT_FAILS_UNCHANGED(db, db.create_element("Collection", Element().set("label", "x").set("tag", std::vector<std::string>{"a", "a"})),
                           "Failed to execute statement: UNIQUE constraint failed: Collection_set_tags.id, Collection_set_tags.tag");
    EXPECT_FALSE(db.in_transaction());
    db.begin_transaction();  // no stale transaction left behind
    db.rollback();
}
