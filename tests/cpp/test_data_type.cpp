// DataType helpers and Value (api §2.2, semantics §3.1).
#include "test_helpers.h"

#include <quiver/data_type.h>
#include <quiver/value.h>

#include <gtest/gtest.h>

#include <variant>

using namespace quiver;

TEST(DataType, EnumValues) {
    EXPECT_EQ(static_cast<int>(DataType::Integer), 0);
    EXPECT_EQ(static_cast<int>(DataType::Real), 1);
    EXPECT_EQ(static_cast<int>(DataType::Text), 2);
    EXPECT_EQ(static_cast<int>(DataType::DateTime), 3);
}

TEST(DataType, FromStringAcceptsExactSpellings) {
    EXPECT_EQ(data_type_from_string("INTEGER"), DataType::Integer);
    EXPECT_EQ(data_type_from_string("REAL"), DataType::Real);
    EXPECT_EQ(data_type_from_string("TEXT"), DataType::Text);
    EXPECT_EQ(data_type_from_string("DATE_TIME"), DataType::DateTime);
}

TEST(DataType, FromStringRejectsEverythingElse) {
    EXPECT_THROW_MSG(data_type_from_string("INT"), "Unknown data type: INT");
    EXPECT_THROW_MSG(data_type_from_string("integer"), "Unknown data type: integer");
    EXPECT_THROW_MSG(data_type_from_string("VARCHAR"), "Unknown data type: VARCHAR");
    EXPECT_THROW_MSG(data_type_from_string("BLOB"), "Unknown data type: BLOB");
    EXPECT_THROW_MSG(data_type_from_string("DATETIME"), "Unknown data type: DATETIME");
    EXPECT_THROW_MSG(data_type_from_string(" TEXT"), "Unknown data type:  TEXT");
    EXPECT_THROW_MSG(data_type_from_string(""), "Unknown data type: ");
}

TEST(DataType, ToString) {
    EXPECT_STREQ(data_type_to_string(DataType::Integer), "INTEGER");
    EXPECT_STREQ(data_type_to_string(DataType::Real), "REAL");
    EXPECT_STREQ(data_type_to_string(DataType::Text), "TEXT");
    EXPECT_STREQ(data_type_to_string(DataType::DateTime), "DATE_TIME");
}

TEST(DataType, ToStringRoundTrips) {
    for (auto t : {DataType::Integer, DataType::Real, DataType::Text, DataType::DateTime}) {
        EXPECT_EQ(data_type_from_string(data_type_to_string(t)), t);
    }
}

TEST(DataType, ToStringOutOfRangeThrows) {
    EXPECT_THROW_MSG(data_type_to_string(static_cast<DataType>(7)),
                     "Cannot data_type_to_string: unknown data type 7");
    EXPECT_THROW_MSG(data_type_to_string(static_cast<DataType>(-1)),
                     "Cannot data_type_to_string: unknown data type -1");
}

TEST(DataType, IsDateTimeColumnNeedsUnderscore) {
    EXPECT_TRUE(is_date_time_column("date_time"));
    EXPECT_TRUE(is_date_time_column("date_"));
    EXPECT_TRUE(is_date_time_column("date_start"));
    EXPECT_FALSE(is_date_time_column("date"));
    EXPECT_FALSE(is_date_time_column("dated"));
    EXPECT_FALSE(is_date_time_column("dateX"));
    EXPECT_FALSE(is_date_time_column("Date_time"));
    EXPECT_FALSE(is_date_time_column("my_date_time"));
    EXPECT_FALSE(is_date_time_column(""));
}

TEST(Value, HoldsTheFourAlternatives) {
    Value v;
    EXPECT_TRUE(std::holds_alternative<std::nullptr_t>(v));
    v = int64_t{5};
    EXPECT_EQ(std::get<int64_t>(v), 5);
    v = 2.5;
    EXPECT_DOUBLE_EQ(std::get<double>(v), 2.5);
    v = std::string("x");
    EXPECT_EQ(std::get<std::string>(v), "x");
    EXPECT_EQ(std::variant_size_v<Value>, 4u);
}
