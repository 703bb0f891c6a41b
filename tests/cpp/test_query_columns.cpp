// Database::query_columns: a query's rows as typed columns, each typed by the storage classes of
// its cells, the statement run once.
#include "test_helpers.h"

#include <quiver/database.h>

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

using namespace quiver;
using namespace quiver::test;

namespace {

std::vector<std::string> texts(const Column& column) {
    std::vector<std::string> out;
    for (size_t r = 0; r < column.size(); ++r) out.emplace_back(column.text_at(r));
    return out;
}

using Mask = std::vector<uint8_t>;

}  // namespace

TEST(QueryColumns, TypedByStorageClass) {
    Database db(":memory:", quiet());
    db.query("CREATE TABLE t (i, r, m, s, n)");
    db.query("INSERT INTO t VALUES (1, 1.5, 1, 'a', NULL), (NULL, NULL, 2.5, NULL, NULL),"
             " (-3, -0.25, NULL, 'c', NULL)");
    const Columns c = db.query_columns("SELECT i, r, m, s, n FROM t ORDER BY rowid");
    ASSERT_EQ(c.row_count, 3u);
    ASSERT_EQ(c.columns.size(), 5u);
    const auto& i = c.at("i");
    EXPECT_EQ(i.type, DataType::Integer);
    EXPECT_EQ(i.integers, (std::vector<int64_t>{1, 0, -3}));
    EXPECT_EQ(i.has_value, (Mask{1, 0, 1}));
    const auto& r = c.at("r");
    EXPECT_EQ(r.type, DataType::Real);
    EXPECT_EQ(r.reals, (std::vector<double>{1.5, 0.0, -0.25}));
    EXPECT_EQ(r.has_value, (Mask{1, 0, 1}));
    const auto& m = c.at("m");  // INTEGER and REAL: widened, as Row::get_float
    EXPECT_EQ(m.type, DataType::Real);
    EXPECT_EQ(m.reals, (std::vector<double>{1.0, 2.5, 0.0}));
    EXPECT_EQ(m.has_value, (Mask{1, 1, 0}));
    const auto& s = c.at("s");
    EXPECT_EQ(s.type, DataType::Text);
    EXPECT_EQ(texts(s), (std::vector<std::string>{"a", "", "c"}));
    EXPECT_EQ(s.has_value, (Mask{1, 0, 1}));
    const auto& n = c.at("n");  // all NULL: Text, nothing present
    EXPECT_EQ(n.type, DataType::Text);
    EXPECT_EQ(n.has_value, (Mask{0, 0, 0}));
    EXPECT_EQ(texts(n), (std::vector<std::string>{"", "", ""}));
    for (const auto& column : c.columns) EXPECT_TRUE(column.cell_types.empty()) << column.name;
}

TEST(QueryColumns, LargeIntegersAreNotRounded) {
    Database db(":memory:", quiet());
    const int64_t big = std::numeric_limits<int64_t>::max();
    const Columns c = db.query_columns("SELECT ? AS a UNION ALL SELECT NULL UNION ALL SELECT ?", {big, int64_t{-1}});
    EXPECT_EQ(c.columns[0].type, DataType::Integer);
    EXPECT_EQ(c.columns[0].integers, (std::vector<int64_t>{big, 0, -1}));
}

TEST(QueryColumns, TextMixedWithNumbersKeepsEveryValue) {
    Database db(":memory:", quiet());
    db.query("CREATE TABLE t (v)");
    db.query("INSERT INTO t VALUES (7), (2.5), ('x'), (NULL), (1.0), (1e300), (-9223372036854775808), (0.1), ('')");
    db.query("INSERT INTO t VALUES (9e999), ('a' || char(0) || 'b')");
    const Columns c = db.query_columns("SELECT v FROM t ORDER BY rowid");
    const auto& v = c.columns[0];
    EXPECT_EQ(v.type, DataType::Text);
    EXPECT_EQ(v.has_value, (Mask{1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1}));
    using C = Column;
    EXPECT_EQ(v.cell_types, (std::vector<uint8_t>{C::kCellInteger, C::kCellReal, C::kCellText, C::kCellNull,
                                                  C::kCellReal, C::kCellReal, C::kCellInteger, C::kCellReal,
                                                  C::kCellText, C::kCellReal, C::kCellText}));
    const auto cells = texts(v);
    EXPECT_EQ(std::vector<std::string>(cells.begin(), cells.end() - 1),
              (std::vector<std::string>{"7", "2.5", "x", "", "1.0", "1e+300", "-9223372036854775808", "0.1", "",
                                        "inf"}));
    // The NUL inside a TEXT cell is kept: the cell runs to the next offset.
    EXPECT_EQ(v.text.substr(v.offsets[10]), std::string("a\0b\0", 4));
    // Every REAL text reads back to the same double.
    EXPECT_EQ(std::stod(cells[7]), 0.1);
}

TEST(QueryColumns, ZeroRowsAndNoColumns) {
    auto db = memory_db("valid/collections.sql");
    const Columns none = db.query_columns("SELECT id, label, some_float FROM Collection");
    EXPECT_EQ(none.row_count, 0u);
    ASSERT_EQ(none.columns.size(), 3u);
    EXPECT_EQ(none.columns[2].name, "some_float");
    for (const auto& column : none.columns) {
        EXPECT_EQ(column.type, DataType::Text);
        EXPECT_EQ(column.size(), 0u);
    }
    const Columns empty = db.query_columns("  -- nothing\n");
    EXPECT_EQ(empty.row_count, 0u);
    EXPECT_TRUE(empty.columns.empty());
}

TEST(QueryColumns, ParametersAndTheSchema) {
    auto db = memory_db("valid/collections.sql");
    db.create_element("Configuration", Element().set("label", "cfg"));
    db.create_element("Collection", Element().set("label", "a").set("some_float", 1.5).set("some_integer", int64_t{7}));
    db.create_element("Collection", Element().set("label", "b"));
    db.create_element("Collection", Element().set("label", "c").set("some_float", 3.0));
    const Columns c = db.query_columns(
        "SELECT label, some_float, some_integer FROM Collection WHERE id >= ? AND label <> ? ORDER BY id",
        {int64_t{1}, std::string("c")});
    ASSERT_EQ(c.row_count, 2u);
    EXPECT_EQ(texts(c.at("label")), (std::vector<std::string>{"a", "b"}));
    EXPECT_EQ(c.at("some_float").reals, (std::vector<double>{1.5, 0.0}));
    EXPECT_EQ(c.at("some_float").has_value, (Mask{1, 0}));
    EXPECT_EQ(c.at("some_integer").type, DataType::Integer);
    EXPECT_EQ(c.at("some_integer").has_value, (Mask{1, 0}));
}

TEST(QueryColumns, RunsTheStatementOnce) {
    Database db(":memory:", quiet());
    db.query("CREATE TABLE t (id INTEGER PRIMARY KEY, v)");
    const Columns c = db.query_columns("INSERT INTO t (v) VALUES (?), (?) RETURNING id, v", {int64_t{5}, 2.5});
    EXPECT_EQ(c.row_count, 2u);
    EXPECT_EQ(c.at("id").integers, (std::vector<int64_t>{1, 2}));
    EXPECT_EQ(c.at("v").reals, (std::vector<double>{5.0, 2.5}));
    EXPECT_EQ(db.query_integer("SELECT COUNT(*) FROM t"), 2);
}

TEST(QueryColumns, BadInputChangesNothing) {
    auto db = memory_db("valid/collections.sql");
    db.create_element("Configuration", Element().set("label", "cfg"));
    EXPECT_FAILS_UNCHANGED(db, db.query_columns("SELECT ?, ?", {int64_t{1}}),
                           "Failed to execute statement: expected 2 bound parameter(s) but got 1");
    EXPECT_FAILS_UNCHANGED(db, db.query_columns("INSERT INTO Configuration (label) VALUES (?)", {std::nan("")}),
                           "Cannot query_columns: NaN is not allowed for parameter 0");
    EXPECT_FAILS_UNCHANGED(db, db.query_columns("SELECT x'00'"),
                           "Failed to execute statement: BLOB type not supported");
    EXPECT_FAILS_UNCHANGED_PREFIX(db, db.query_columns("SELEC 1"), "Failed to prepare statement:");
    EXPECT_FAILS_UNCHANGED_PREFIX(db, db.query_columns("SELECT nope FROM Collection"),
                                  "Failed to prepare statement: no such column: nope");
    EXPECT_FAILS_UNCHANGED(db, db.query_columns("INSERT INTO Configuration (label) VALUES ('cfg')"),
                           "Failed to execute statement: UNIQUE constraint failed: Configuration.label");
}
