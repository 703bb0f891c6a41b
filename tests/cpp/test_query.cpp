// query_string / query_integer / query_float (semantics §6, D7).
#include "test_helpers.h"

#include <quiver/database.h>

#include <gtest/gtest.h>

using namespace quiver;
using namespace quiver::test;

using OptI = std::optional<int64_t>;
using OptD = std::optional<double>;
using OptS = std::optional<std::string>;

TEST(Query, WorksWithoutSchema) {
    Database db(":memory:", quiet());
    EXPECT_EQ(db.query_string("SELECT 'abc'"), OptS("abc"));
    EXPECT_EQ(db.query_integer("SELECT 42"), OptI(42));
    EXPECT_EQ(db.query_float("SELECT 1.25"), OptD(1.25));
}

TEST(Query, FirstColumnOfFirstRow) {
    auto db = memory_db("valid/collections.sql");
    db.create_element("Collection", Element().set("label", "A").set("some_integer", int64_t{1}));
    db.create_element("Collection", Element().set("label", "B").set("some_integer", int64_t{2}));
    EXPECT_EQ(db.query_string("SELECT label, some_integer FROM Collection ORDER BY id DESC"), OptS("B"));
    EXPECT_EQ(db.query_integer("SELECT some_integer, label FROM Collection ORDER BY id"), OptI(1));
}

TEST(Query, NoRowsOrNullGiveNoValue) {
    auto db = memory_db("valid/collections.sql");
    EXPECT_EQ(db.query_string("SELECT label FROM Collection"), std::nullopt);
    EXPECT_EQ(db.query_integer("SELECT id FROM Collection"), std::nullopt);
    EXPECT_EQ(db.query_float("SELECT some_float FROM Collection"), std::nullopt);
    EXPECT_EQ(db.query_string("SELECT NULL"), std::nullopt);
    EXPECT_EQ(db.query_integer("SELECT NULL"), std::nullopt);
    EXPECT_EQ(db.query_float("SELECT NULL"), std::nullopt);
}

TEST(Query, StrictStorageClasses) {
    Database db(":memory:", quiet());
    EXPECT_EQ(db.query_integer("SELECT 'abc'"), std::nullopt);
    EXPECT_EQ(db.query_integer("SELECT '12'"), std::nullopt);
    EXPECT_EQ(db.query_integer("SELECT 2.5"), std::nullopt);  // REAL not narrowed
    EXPECT_EQ(db.query_integer("SELECT 2.0"), std::nullopt);
    EXPECT_EQ(db.query_string("SELECT 1"), std::nullopt);
    EXPECT_EQ(db.query_string("SELECT 1.5"), std::nullopt);
    EXPECT_EQ(db.query_float("SELECT 'abc'"), std::nullopt);
    EXPECT_EQ(db.query_float("SELECT '1.5'"), std::nullopt);
}

TEST(Query, FloatWidensInteger) {  // D7
    Database db(":memory:", quiet());
    EXPECT_EQ(db.query_float("SELECT 3"), OptD(3.0));
    EXPECT_EQ(db.query_float("SELECT -7"), OptD(-7.0));
    EXPECT_EQ(db.query_float("SELECT count(*) FROM sqlite_master"), OptD(0.0));
}

TEST(Query, PositionalParameters) {
    Database db(":memory:", quiet());
    EXPECT_EQ(db.query_integer("SELECT ? + ?", {int64_t{2}, int64_t{3}}), OptI(5));
    EXPECT_EQ(db.query_float("SELECT ? * 2", {1.25}), OptD(2.5));
    EXPECT_EQ(db.query_string("SELECT ? || ?", {std::string("a"), std::string("b")}), OptS("ab"));
    EXPECT_EQ(db.query_integer("SELECT ?", {nullptr}), std::nullopt);
    EXPECT_EQ(db.query_integer("SELECT ? IS NULL", {nullptr}), OptI(1));
    EXPECT_EQ(db.query_string("SELECT typeof(?)", {1.0}), OptS("real"));
    EXPECT_EQ(db.query_string("SELECT typeof(?)", {int64_t{1}}), OptS("integer"));
}

TEST(Query, StringParametersAreTrimmed) {
    Database db(":memory:", quiet());
    EXPECT_EQ(db.query_string("SELECT ?", {std::string("  x \t\r\n")}), OptS("x"));
    EXPECT_EQ(db.query_integer("SELECT length(?)", {std::string("   ")}), OptI(0));
    EXPECT_EQ(db.query_string("SELECT ?", {std::string(" a b ")}), OptS("a b"));
}

TEST(Query, ParameterTrimmingAppliesToWrites) {
    auto db = memory_db("valid/collections.sql");
    db.query_string("INSERT INTO Collection (label) VALUES (?)", {std::string("  padded  ")});
    EXPECT_EQ(db.read_scalar_strings("Collection", "label"), (std::vector<OptS>{"padded"}));
    EXPECT_EQ(db.query_integer("SELECT id FROM Collection WHERE label = ?", {std::string(" padded ")}), OptI(1));
}

TEST(Query, NumberedAndNamedParameters) {
    Database db(":memory:", quiet());
    EXPECT_EQ(db.query_integer("SELECT ?2", {int64_t{1}, int64_t{9}}), OptI(9));
    EXPECT_EQ(db.query_integer("SELECT ?3 + ?1", {int64_t{1}, int64_t{5}, int64_t{10}}), OptI(11));
    EXPECT_EQ(db.query_integer("SELECT :a + :a", {int64_t{4}}), OptI(8));
    EXPECT_EQ(db.query_integer("SELECT :a + :b", {int64_t{4}, int64_t{5}}), OptI(9));
}

TEST(Query, ParameterCountMismatch) {  // D7
    auto db = memory_db("valid/collections.sql");
    EXPECT_FAILS_UNCHANGED(db, db.query_integer("SELECT ?"), "Failed to execute statement: expected 1 bound parameter(s) but got 0");
    EXPECT_FAILS_UNCHANGED(db, db.query_string("SELECT ?, ?", {std::string("a")}),
                           "Failed to execute statement: expected 2 bound parameter(s) but got 1");
    EXPECT_FAILS_UNCHANGED(db, db.query_float("SELECT 1", {1.0}), "Failed to execute statement: expected 0 bound parameter(s) but got 1");
    EXPECT_FAILS_UNCHANGED(db, db.query_integer("SELECT ?3", {int64_t{1}}), "Failed to execute statement: expected 3 bound parameter(s) but got 1");
    EXPECT_FAILS_UNCHANGED(db, db.query_integer("SELECT :a + :a", {int64_t{1}, int64_t{2}}),
                           "Failed to execute statement: expected 1 bound parameter(s) but got 2");
    // A write with too few parameters must not run.
    EXPECT_FAILS_UNCHANGED(db, db.query_string("INSERT INTO Collection (label, code) VALUES (?, ?)", {std::string("x")}),
                           "Failed to execute statement: expected 2 bound parameter(s) but got 1");
}

TEST(Query, PrepareFailure) {
    auto db = memory_db("valid/collections.sql");
    EXPECT_FAILS_UNCHANGED(db, db.query_string("SELEC 1"), "Failed to prepare statement: near \"SELEC\": syntax error");
    EXPECT_FAILS_UNCHANGED(db, db.query_integer("SELECT * FROM Missing"), "Failed to prepare statement: no such table: Missing");
    EXPECT_FAILS_UNCHANGED(db, db.query_float("SELECT nope FROM Collection"), "Failed to prepare statement: no such column: nope");
}

TEST(Query, BlobIsNotSupported) {
    auto db = memory_db("valid/collections.sql");
    EXPECT_FAILS_UNCHANGED(db, db.query_string("SELECT x'00ff'"), "Failed to execute statement: BLOB type not supported");
    EXPECT_FAILS_UNCHANGED(db, db.query_integer("SELECT zeroblob(4)"), "Failed to execute statement: BLOB type not supported");
    EXPECT_FAILS_UNCHANGED(db, db.query_float("SELECT randomblob(2)"), "Failed to execute statement: BLOB type not supported");
}

TEST(Query, StepFailure) {
    auto db = memory_db("valid/collections.sql");
    db.query_string("INSERT INTO Collection (label) VALUES ('dup')");
    EXPECT_FAILS_UNCHANGED(db, db.query_string("INSERT INTO Collection (label) VALUES ('dup')"),
                           "Failed to execute statement: UNIQUE constraint failed: Collection.label");
    EXPECT_FAILS_UNCHANGED(db, db.query_integer("INSERT INTO Configuration (label, integer_attribute) VALUES ('c', NULL)"),
                           "Failed to execute statement: NOT NULL constraint failed: Configuration.integer_attribute");
}

TEST(Query, InsertReturning) {
    auto db = memory_db("valid/collections.sql");
    EXPECT_EQ(db.query_integer("INSERT INTO Collection (label) VALUES (?) RETURNING id", {std::string("A")}), OptI(1));
    EXPECT_EQ(db.query_integer("INSERT INTO Collection (label) VALUES (?) RETURNING id", {std::string("B")}), OptI(2));
    EXPECT_EQ(db.read_element_ids("Collection"), (std::vector<int64_t>{1, 2}));
}

TEST(Query, AllRowsAreStepped) {
    auto db = memory_db("valid/collections.sql");
    for (const char* label : {"A", "B", "C"}) db.create_element("Collection", Element().set("label", label));
    EXPECT_EQ(db.query_integer("UPDATE Collection SET some_integer = 5 RETURNING id"), OptI(1));
    EXPECT_EQ(db.read_scalar_integers("Collection", "some_integer"), (std::vector<OptI>{5, 5, 5}));
    EXPECT_EQ(db.query_integer("DELETE FROM Collection RETURNING id"), OptI(1));
    EXPECT_TRUE(db.read_element_ids("Collection").empty());
}

TEST(Query, OnlyFirstStatementRuns) {
    auto db = memory_db("valid/collections.sql");
    EXPECT_EQ(db.query_integer("SELECT 1; SELECT 2"), OptI(1));
    db.query_string("SELECT 1; DROP TABLE Collection");
    EXPECT_EQ(db.query_integer("SELECT count(*) FROM sqlite_master WHERE name = 'Collection'"), OptI(1));
    db.query_string("INSERT INTO Collection (label) VALUES ('first'); INSERT INTO Collection (label) VALUES ('second')");
    EXPECT_EQ(db.read_scalar_strings("Collection", "label"), (std::vector<OptS>{"first"}));
}

TEST(Query, NoStatement) {
    Database db(":memory:", quiet());
    EXPECT_EQ(db.query_string(""), std::nullopt);
    EXPECT_EQ(db.query_integer("   "), std::nullopt);
    EXPECT_EQ(db.query_float("-- just a comment"), std::nullopt);
}

TEST(Query, DdlAndPragmas) {
    Database db(":memory:", quiet());
    EXPECT_EQ(db.query_string("CREATE TABLE t (x INTEGER)"), std::nullopt);
    EXPECT_EQ(db.query_integer("SELECT count(*) FROM t"), OptI(0));
    EXPECT_EQ(db.query_integer("PRAGMA user_version"), OptI(0));
    db.query_string("PRAGMA user_version = 5");
    EXPECT_EQ(db.current_version(), 5);
}

TEST(Query, LargeIntegersAndPrecision) {
    Database db(":memory:", quiet());
    EXPECT_EQ(db.query_integer("SELECT ?", {int64_t{9223372036854775807LL}}), OptI(9223372036854775807LL));
    EXPECT_EQ(db.query_float("SELECT ?", {0.1}), OptD(0.1));
    EXPECT_EQ(db.query_string("SELECT ?", {std::string("üñí©ødé")}), OptS("üñí©ødé"));
}
