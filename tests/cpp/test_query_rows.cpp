// Database::query (api-additions §10.6, D25): every row with its column names.
#include "test_helpers.h"

#include <quiver/database.h>

#include <gtest/gtest.h>

#include <cmath>

using namespace quiver;
using namespace quiver::test;

TEST(QueryRows, EveryRowWithColumnNames) {
    auto db = memory_db("valid/collections.sql");
    db.create_element("Configuration", Element().set("label", "cfg"));
    db.create_element("Collection", Element().set("label", "a").set("some_float", 1.5).set("some_integer", int64_t{7}));
    db.create_element("Collection", Element().set("label", "b"));
    const Result r = db.query("SELECT label, some_float AS f, some_integer FROM Collection WHERE id >= ? ORDER BY id",
                              {int64_t{1}});
    EXPECT_EQ(r.columns(), (std::vector<std::string>{"label", "f", "some_integer"}));
    ASSERT_EQ(r.row_count(), 2u);
    EXPECT_EQ(r[0][0], Value(std::string("a")));
    EXPECT_EQ(r[0][1], Value(1.5));
    EXPECT_EQ(r[0][2], Value(int64_t{7}));
    EXPECT_TRUE(r[1].is_null(1));
    EXPECT_TRUE(r[1].is_null(2));
}

TEST(QueryRows, ColumnsWithoutRowsAndStatementsWithoutColumns) {
    auto db = memory_db("valid/collections.sql");
    const Result none = db.query("SELECT id, label FROM Collection");
    EXPECT_EQ(none.columns(), (std::vector<std::string>{"id", "label"}));
    EXPECT_EQ(none.row_count(), 0u);
    const Result write = db.query("INSERT INTO Configuration (label) VALUES (?)", {std::string("  trimmed  ")});
    EXPECT_EQ(write.column_count(), 0u);
    EXPECT_EQ(write.row_count(), 0u);
    EXPECT_EQ(db.query_string("SELECT label FROM Configuration"), "trimmed");
    const Result empty = db.query("  -- nothing\n");
    EXPECT_EQ(empty.column_count(), 0u);
    EXPECT_EQ(empty.row_count(), 0u);
    const Result first_only = db.query("SELECT 1 AS a; SELECT 2 AS b");
    EXPECT_EQ(first_only.columns(), (std::vector<std::string>{"a"}));
}

TEST(QueryRows, NoSchemaNeeded) {
    Database db(":memory:", quiet());
    const Result r = db.query("SELECT 1 AS x, 'y' AS y, NULL AS z, 2.5 AS w");
    ASSERT_EQ(r.row_count(), 1u);
    EXPECT_EQ(r.columns(), (std::vector<std::string>{"x", "y", "z", "w"}));
}

TEST(QueryRows, BadInputChangesNothing) {
    auto db = memory_db("valid/collections.sql");
    db.create_element("Configuration", Element().set("label", "cfg"));
    EXPECT_FAILS_UNCHANGED(db, db.query("SELECT ?, ?", {int64_t{1}}),
                           "Failed to execute statement: expected 2 bound parameter(s) but got 1");
    EXPECT_FAILS_UNCHANGED(db, db.query("INSERT INTO Configuration (label) VALUES (?)", {std::nan("")}),
                           "Cannot query: NaN is not allowed for parameter 0");
    EXPECT_FAILS_UNCHANGED(db, db.query("SELECT x'00'"), "Failed to execute statement: BLOB type not supported");
    EXPECT_FAILS_UNCHANGED_PREFIX(db, db.query("SELEC 1"), "Failed to prepare statement:");
    EXPECT_FAILS_UNCHANGED(db, db.query("INSERT INTO Configuration (label) VALUES ('cfg')"),
                           "Failed to execute statement: UNIQUE constraint failed: Configuration.label");
}
