// Row and Result (api §2.6).
#include "test_helpers.h"

#include <quiver/result.h>
#include <quiver/row.h>

#include <gtest/gtest.h>

#include <stdexcept>
#include <variant>

using namespace quiver;

namespace {
Row sample_row() {
    return Row(std::vector<Value>{nullptr, int64_t{7}, 2.5, std::string("txt")});
}
}  // namespace

TEST(Row, SizeAndAccess) {
    const Row row = sample_row();
    EXPECT_EQ(row.size(), 4u);
    EXPECT_EQ(row.column_count(), 4u);
    EXPECT_FALSE(row.empty());
    EXPECT_TRUE(std::holds_alternative<std::nullptr_t>(row[0]));
    EXPECT_EQ(std::get<int64_t>(row.at(1)), 7);
    EXPECT_DOUBLE_EQ(std::get<double>(row[2]), 2.5);
    EXPECT_EQ(std::get<std::string>(row.at(3)), "txt");
}

TEST(Row, AtIsBoundsChecked) {
    const Row row = sample_row();
    EXPECT_THROW(row.at(4), std::out_of_range);
    EXPECT_THROW(Row(std::vector<Value>{}).at(0), std::out_of_range);
}

TEST(Row, EmptyRow) {
    const Row row(std::vector<Value>{});
    EXPECT_TRUE(row.empty());
    EXPECT_EQ(row.size(), 0u);
    EXPECT_EQ(row.begin(), row.end());
}

TEST(Row, IsNull) {
    const Row row = sample_row();
    EXPECT_TRUE(row.is_null(0));
    EXPECT_FALSE(row.is_null(1));
    EXPECT_FALSE(row.is_null(2));
    EXPECT_FALSE(row.is_null(3));
}

TEST(Row, TypedGettersAreStrict) {
    const Row row = sample_row();
    EXPECT_EQ(row.get_integer(1), std::optional<int64_t>(7));
    EXPECT_EQ(row.get_float(2), std::optional<double>(2.5));
    EXPECT_EQ(row.get_string(3), std::optional<std::string>("txt"));

    EXPECT_FALSE(row.get_integer(0).has_value());
    EXPECT_FALSE(row.get_float(0).has_value());
    EXPECT_FALSE(row.get_string(0).has_value());

    EXPECT_EQ(row.get_float(1), std::optional<double>(7.0));  // int64 is widened (api-additions §11)
    EXPECT_FALSE(row.get_string(1).has_value());
    EXPECT_FALSE(row.get_integer(2).has_value());  // double is not narrowed
    EXPECT_FALSE(row.get_string(2).has_value());
    EXPECT_FALSE(row.get_integer(3).has_value());  // "txt" is not parsed
    EXPECT_FALSE(row.get_float(3).has_value());
}

TEST(Row, NumericStringIsNotConverted) {
    const Row row(std::vector<Value>{std::string("12")});
    EXPECT_FALSE(row.get_integer(0).has_value());
    EXPECT_FALSE(row.get_float(0).has_value());
}

TEST(Row, Iteration) {
    const Row row = sample_row();
    size_t n = 0;
    for (const Value& v : row) {
        (void)v;
        ++n;
    }
    EXPECT_EQ(n, 4u);
}

TEST(Result, DefaultIsEmpty) {
    const Result r;
    EXPECT_TRUE(r.empty());
    EXPECT_EQ(r.row_count(), 0u);
    EXPECT_EQ(r.column_count(), 0u);
    EXPECT_TRUE(r.columns().empty());
    EXPECT_EQ(r.begin(), r.end());
    EXPECT_THROW(r.at(0), std::out_of_range);
}

TEST(Result, ColumnsAndRows) {
    const Result r({"a", "b"}, {Row({int64_t{1}, std::string("x")}), Row({int64_t{2}, nullptr})});
    EXPECT_FALSE(r.empty());
    EXPECT_EQ(r.column_count(), 2u);
    EXPECT_EQ(r.columns(), (std::vector<std::string>{"a", "b"}));
    EXPECT_EQ(r.row_count(), 2u);
    EXPECT_EQ(r[0].get_integer(0), std::optional<int64_t>(1));
    EXPECT_EQ(r.at(0).get_string(1), std::optional<std::string>("x"));
    EXPECT_TRUE(r.at(1).is_null(1));
    EXPECT_THROW(r.at(2), std::out_of_range);
    int64_t sum = 0;
    for (const Row& row : r) sum += row.get_integer(0).value_or(0);
    EXPECT_EQ(sum, 3);
}

TEST(Result, ColumnsWithoutRowsIsEmpty) {
    const Result r({"a"}, {});
    EXPECT_TRUE(r.empty());
    EXPECT_EQ(r.column_count(), 1u);
    EXPECT_EQ(r.row_count(), 0u);
}
