// Dry runs (api-additions §5, D16): transparent, nothing escapes the final rollback, and the
// database file is byte-identical afterwards.
#include "test_helpers.h"

#include <quiver/database.h>

#include <gtest/gtest.h>

#include <functional>

using namespace quiver;
using namespace quiver::test;

namespace {

Element labelled(const std::string& label) {
    return Element().set("label", label);
}

// FNV-1a of the whole file: the dry run must leave every byte as it was.
uint64_t file_checksum(const std::string& path) {
    uint64_t hash = 1469598103934665603ULL;
    for (const unsigned char c : read_file(path)) hash = (hash ^ c) * 1099511628211ULL;
    return hash;
}

Database collections_file_db(const std::string& path) {
    auto db = Database::from_schema(path, schema_path("valid/collections.sql"), quiet());
    db.create_element("Configuration", labelled("cfg"));
    db.create_element("Collection", Element().set("label", "kept").set("status", 1));
    return db;
}

}  // namespace

TEST(DryRun, StateAndErrors) {
    auto db = memory_db("valid/basic.sql");
    EXPECT_FALSE(db.in_dry_run());
    EXPECT_THROW_MSG(db.end_dry_run(), "Cannot end_dry_run: no active dry run");
    db.begin_dry_run();
    EXPECT_TRUE(db.in_dry_run());
    EXPECT_FALSE(db.in_transaction());  // only the caller's own transaction counts
    EXPECT_THROW_MSG(db.begin_dry_run(), "Cannot begin_dry_run: dry run already active");
    db.end_dry_run();
    EXPECT_FALSE(db.in_dry_run());
    db.begin_transaction();
    EXPECT_THROW_MSG(db.begin_dry_run(), "Cannot begin_dry_run: transaction already active");
    EXPECT_FALSE(db.in_dry_run());
    db.rollback();
}

TEST(DryRun, DiscardsEveryWriteAndLeavesTheFileByteIdentical) {
    const auto path = scratch_db();
    { collections_file_db(path); }
    const auto before = file_checksum(path);
    {
        Database db(path, quiet());
        const auto snap = snapshot(db);
        db.begin_dry_run();
        const auto id = db.create_element("Collection", Element().set("label", "trial").set("status", 2));
        db.update_element("Collection", 1, Element().set("some_integer", int64_t{5}));
        db.delete_element("Collection", 1);
        db.query_integer("CREATE TABLE Scratch (x INTEGER)");
        EXPECT_EQ(db.read_element_ids("Collection"), (std::vector<int64_t>{id}));
        db.end_dry_run();
        EXPECT_EQ(snapshot(db), snap);
        EXPECT_EQ(db.read_scalar_strings("Collection", "label"), (std::vector<std::optional<std::string>>{"kept"}));
    }
    EXPECT_EQ(file_checksum(path), before);
}

TEST(DryRun, LargeDryRunSpillingToTheFileIsStillByteIdentical) {
    const auto path = scratch_db();
    { collections_file_db(path); }
    const auto before = file_checksum(path);
    {
        Database db(path, quiet());
        db.query_integer("PRAGMA cache_size = 10");  // forces dirty pages out to the file
        db.begin_dry_run();
        for (int i = 0; i < 2000; ++i) {
            db.create_element("Collection", Element()
                                                .set("label", "element " + std::to_string(i))
                                                .set("status", 1)
                                                .set("some_string", std::string(200, 'x')));
        }
        db.end_dry_run();
        EXPECT_EQ(db.read_element_ids("Collection").size(), 1u);
    }
    EXPECT_EQ(file_checksum(path), before);
}

TEST(DryRun, NestedTransactionIsARealSavepoint) {
    auto db = memory_db("valid/basic.sql");
    db.create_element("Configuration", labelled("before"));
    db.begin_dry_run();
    db.begin_transaction();
    EXPECT_TRUE(db.in_transaction());
    EXPECT_THROW_MSG(db.begin_transaction(), "Cannot begin_transaction: transaction already active");
    db.create_element("Configuration", labelled("undone"));
    db.rollback();  // partial: only the nested transaction
    EXPECT_FALSE(db.in_transaction());
    EXPECT_EQ(count_rows(db, "Configuration"), 1);
    db.begin_transaction();
    db.create_element("Configuration", labelled("committed"));
    db.commit();
    EXPECT_EQ(count_rows(db, "Configuration"), 2);
    EXPECT_THROW_MSG(db.commit(), "Cannot commit: no active transaction");
    EXPECT_THROW_MSG(db.rollback(), "Cannot rollback: no active transaction");
    db.begin_transaction();
    db.create_element("Configuration", labelled("left open"));
    db.end_dry_run();  // also undoes the open nested transaction
    EXPECT_FALSE(db.in_transaction());
    EXPECT_EQ(db.read_scalar_strings("Configuration", "label"), (std::vector<std::optional<std::string>>{"before"}));
}

TEST(DryRun, TransactionControlSqlIsRefused) {
    auto db = memory_db("valid/basic.sql");
    db.create_element("Configuration", labelled("a"));
    db.begin_dry_run();
    db.create_element("Configuration", labelled("inside"));
    const std::string reason = ": transaction control statements are not allowed during a dry run";
    for (const char* sql : {"COMMIT", "commit transaction", "END", "  -- note\n /* c */ Begin", "BEGIN IMMEDIATE",
                            "ROLLBACK", "rollback transaction", ";COMMIT"}) {
        EXPECT_FAILS_UNCHANGED(db, db.query_integer(sql), "Cannot query_integer" + reason);
        EXPECT_FAILS_UNCHANGED(db, db.query_string(sql), "Cannot query_string" + reason);
        EXPECT_FAILS_UNCHANGED(db, db.query_float(sql), "Cannot query_float" + reason);
        EXPECT_FAILS_UNCHANGED(db, db.query(sql), "Cannot query" + reason);
        EXPECT_TRUE(db.in_dry_run());
    }
    // Savepoints stay inside the dry run and are allowed.
    db.query_integer("SAVEPOINT mine");
    db.create_element("Configuration", labelled("in savepoint"));
    db.query_integer("ROLLBACK TO mine");
    db.query_integer("rollback transaction to savepoint mine");
    db.query_integer("RELEASE mine");
    EXPECT_EQ(count_rows(db, "Configuration"), 2);
    db.end_dry_run();
    EXPECT_EQ(count_rows(db, "Configuration"), 1);
    // Outside a dry run transaction control through queries is not refused (baseline).
    db.query_integer("BEGIN");
    EXPECT_TRUE(db.in_transaction());
    db.query_integer("ROLLBACK");
}

TEST(DryRun, ImportCsvWorksAndIsDiscarded) {
    const auto path = scratch_db();
    auto db = collections_file_db(path);
    const auto csv = (scratch_dir() / "in.csv").string();
    db.export_csv("Collection", "", csv);
    db.delete_element("Collection", 1);
    db.begin_dry_run();
    db.import_csv("Collection", "", csv);
    EXPECT_EQ(count_rows(db, "Collection"), 1);
    db.end_dry_run();
    EXPECT_EQ(count_rows(db, "Collection"), 0);
}

TEST(DryRun, FailedWritesInsideChangeNothingAndTheDryRunGoesOn) {
    auto db = memory_db("valid/collections.sql");
    db.create_element("Configuration", labelled("cfg"));
    db.begin_dry_run();
    db.create_element("Collection", Element().set("label", "x").set("status", 1));
    EXPECT_FAILS_UNCHANGED(db, db.create_element("Collection", Element().set("label", "x").set("status", 1)),
                           "Failed to execute statement: UNIQUE constraint failed: Collection.label");
    EXPECT_FAILS_UNCHANGED(db, db.create_element("Nope", labelled("y")), "Cannot create_element: collection not found: Nope");
    EXPECT_TRUE(db.in_dry_run());
    db.end_dry_run();
    EXPECT_EQ(count_rows(db, "Collection"), 0);
}

TEST(DryRun, ClosingTheDatabaseDuringADryRunRollsBack) {
    const auto path = scratch_db();
    { collections_file_db(path); }
    const auto before = file_checksum(path);
    {
        Database db(path, quiet());
        db.begin_dry_run();
        db.create_element("Collection", Element().set("label", "gone").set("status", 1));
    }
    EXPECT_EQ(file_checksum(path), before);
    Database db(path, quiet());
    EXPECT_EQ(count_rows(db, "Collection"), 1);
}

TEST(DryRun, SqliteRollingBackOnItsOwnCannotLetLaterWritesEscape) {
    const auto path = scratch_db();
    { Database::from_schema(path, schema_path("valid/basic.sql"), quiet()); }
    raw_exec(path,
                  "CREATE TRIGGER boom BEFORE INSERT ON Configuration WHEN NEW.label = 'boom' "
                  "BEGIN SELECT RAISE(ROLLBACK, 'boom'); END;");
    {
        Database db(path, quiet());
        db.begin_dry_run();
        db.create_element("Configuration", labelled("first"));
        EXPECT_THROW_PREFIX(db.create_element("Configuration", labelled("boom")), "Failed to execute statement: boom");
        db.create_element("Configuration", labelled("after"));  // must stay inside the dry run
        EXPECT_TRUE(db.in_dry_run());
        db.end_dry_run();
        EXPECT_EQ(count_rows(db, "Configuration"), 0);
    }
    Database db(path, quiet());
    EXPECT_EQ(count_rows(db, "Configuration"), 0);
}

TEST(DryRun, SchemaChangesInsideAreForgotten) {
    Database db(":memory:", quiet());
    db.begin_dry_run();
    db.query_integer("CREATE TABLE Configuration (id INTEGER PRIMARY KEY, label TEXT UNIQUE NOT NULL) STRICT");
    db.create_element("Configuration", labelled("x"));  // loads the schema inside the dry run
    db.end_dry_run();
    EXPECT_THROW_MSG(db.read_element_ids("Configuration"), "Cannot read_element_ids: no schema loaded");
}
