// Self-test of the snapshot helper used by every failure test: it must see every kind of change.
#include "test_helpers.h"

#include <quiver/database.h>

#include <gtest/gtest.h>

using namespace quiver;
using namespace quiver::test;

TEST(SnapshotHelper, SeesRowsValuesSequenceSchemaAndVersion) {
    auto db = memory_db("valid/vectors.sql");
    std::string s0 = snapshot(db);
    EXPECT_NE(s0.find("== Collection_vector_values"), std::string::npos) << s0;

    db.create_element("Collection", Element().set("label", "A").set("value_int", std::vector<int64_t>{1, 2}));
    const std::string s1 = snapshot(db);
    EXPECT_NE(s1, s0);
    EXPECT_NE(s1.find("sqlite_sequence"), std::string::npos) << s1;

    db.update_element("Collection", 1, Element().set("some_float", 1.5));
    const std::string s2 = snapshot(db);
    EXPECT_NE(s2, s1);

    db.update_element("Collection", 1, Element().set("value_int", std::vector<int64_t>{2, 1}));
    const std::string s3 = snapshot(db);
    EXPECT_NE(s3, s2);  // same multiset of values per column, different pairing with vector_index

    db.delete_element("Collection", 1);
    const std::string s4 = snapshot(db);
    EXPECT_NE(s4, s3);

    db.create_element("Collection", Element().set("label", "B"));
    db.delete_element("Collection", 2);
    EXPECT_NE(snapshot(db), s4);  // only sqlite_sequence differs

    const std::string s5 = snapshot(db);
    db.query_string("PRAGMA user_version = 3");
    EXPECT_NE(snapshot(db), s5);

    const std::string s6 = snapshot(db);
    db.query_string("CREATE INDEX extra_index ON Collection (some_integer)");
    EXPECT_NE(snapshot(db), s6);
}

TEST(SnapshotHelper, SeesUncommittedChangesOfOpenTransaction) {
    auto db = memory_db("valid/collections.sql");
    const std::string before = snapshot(db);
    db.begin_transaction();
    db.create_element("Collection", Element().set("label", "pending"));
    EXPECT_NE(snapshot(db), before);
    db.rollback();
    EXPECT_EQ(snapshot(db), before);
}

TEST(SnapshotHelper, DistinguishesStorageClasses) {
    auto db = memory_db("valid/collections.sql");
    db.create_element("Collection", Element().set("label", "A"));
    db.query_string("UPDATE Collection SET some_integer = 1, some_float = 1.0, some_string = '1'");
    const std::string s = snapshot(db);
    EXPECT_NE(s.find("|1|1.0|'1'|"), std::string::npos) << s;  // quote() keeps the storage class
    db.query_string("UPDATE Collection SET some_string = NULL");
    const std::string null_value = snapshot(db);
    db.query_string("UPDATE Collection SET some_string = ''");
    EXPECT_NE(snapshot(db), null_value);
}

TEST(SnapshotHelper, FileSnapshotMatchesCommittedState) {
    const std::string path = scratch_db();
    auto db = Database::from_schema(path, schema_path("valid/collections.sql"), quiet());
    const std::string before = file_snapshot(path);
    db.create_element("Collection", Element().set("label", "A"));
    EXPECT_NE(file_snapshot(path), before);
    EXPECT_EQ(file_table_count(path), 3);
    EXPECT_EQ(file_user_version(path), 0);
}
