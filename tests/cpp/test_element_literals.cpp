// Element::set with plain C++ literals (api-additions §0.1 R5, element.h): every integer type and
// bool land as INTEGER, float/double/long double as REAL, every string-like type as TEXT and
// nullptr as NULL, checked through the typed readers and through SQLite's own typeof(); braced
// lists and vectors of any of those land as arrays; values that cannot be stored are refused
// before anything is written.
#include "test_helpers.h"

#include <quiver/element.h>

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

using namespace quiver;
using quiver::test::count_rows;
using quiver::test::memory_db;

namespace {

// basic.sql: Configuration(label TEXT, integer_attribute INTEGER NOT NULL DEFAULT 6,
// float_attribute REAL DEFAULT 3.14, string_attribute TEXT DEFAULT 'hello', ...).
constexpr const char* kScalars = "valid/basic.sql";
// vectors.sql: Collection_vector_values(value_int INTEGER, value_float REAL, value_string TEXT),
// not STRICT and nullable.
constexpr const char* kVectors = "valid/vectors.sql";

std::string storage_class(Database& db, const std::string& column, int64_t id) {
    return db.query_string("SELECT typeof(" + column + ") FROM Configuration WHERE id = ?", {id})
        .value_or("<no row>");
}

// typeof() of every cell of a vector column of one element, in vector_index order.
std::string cell_classes(Database& db, const std::string& column, int64_t id) {
    return db
        .query_string("SELECT group_concat(t, ',') FROM (SELECT typeof(" + column +
                          ") AS t FROM Collection_vector_values WHERE id = ? ORDER BY vector_index)",
                      {id})
        .value_or("");
}

}  // namespace

// --- Scalars: every integer type ------------------------------------------------------------

template <typename T>
class ElementIntegerLiteral : public ::testing::Test {};

using IntegerTypes =
    ::testing::Types<signed char, unsigned char, char, short, unsigned short, int, unsigned int,
                     long, unsigned long, long long, unsigned long long, int8_t, uint8_t, int16_t,
                     uint16_t, int32_t, uint32_t, int64_t, uint64_t, wchar_t, char8_t, char16_t,
                     char32_t>;
TYPED_TEST_SUITE(ElementIntegerLiteral, IntegerTypes);

TYPED_TEST(ElementIntegerLiteral, LandsAsIntegerWithoutLosingDigits) {
    using T = TypeParam;
    // The extremes of the type (the largest unsigned 64-bit value that fits is INT64_MAX).
    const T high = sizeof(T) == sizeof(int64_t) && !std::numeric_limits<T>::is_signed
                       ? static_cast<T>(std::numeric_limits<int64_t>::max())
                       : std::numeric_limits<T>::max();
    const T low = std::numeric_limits<T>::min();
    auto db = memory_db(kScalars);
    const auto high_id =
        db.create_element("Configuration", Element().set("label", "high").set("integer_attribute", high));
    const auto low_id =
        db.create_element("Configuration", Element().set("label", "low").set("integer_attribute", low));
    EXPECT_EQ(db.read_scalar_integer_by_id("Configuration", "integer_attribute", high_id),
              static_cast<int64_t>(high));
    EXPECT_EQ(db.read_scalar_integer_by_id("Configuration", "integer_attribute", low_id),
              static_cast<int64_t>(low));
    EXPECT_EQ(storage_class(db, "integer_attribute", high_id), "integer");
    EXPECT_EQ(storage_class(db, "integer_attribute", low_id), "integer");
}

TYPED_TEST(ElementIntegerLiteral, ArrayOfTheTypeLandsAsIntegers) {
    using T = TypeParam;
    auto db = memory_db(kVectors);
    const auto id = db.create_element(
        "Collection", Element().set("label", "x").set("value_int", std::vector<T>{T{1}, T{2}, T{3}}));
    EXPECT_EQ(db.read_vector_integers_by_id("Collection", "value_int", id),
              (std::vector<int64_t>{1, 2, 3}));
    EXPECT_EQ(cell_classes(db, "value_int", id), "integer,integer,integer");
}

// --- Scalars: bool, floating point, strings, nullptr, Value ---------------------------------

TEST(ElementLiterals, PlainIntLiteralCompilesAndWritesAnInteger) {
    auto db = memory_db(kScalars);
    const auto id = db.create_element("Configuration", Element().set("label", "a").set("integer_attribute", 1));
    EXPECT_EQ(db.read_scalar_integer_by_id("Configuration", "integer_attribute", id), 1);
    EXPECT_EQ(storage_class(db, "integer_attribute", id), "integer");
    EXPECT_EQ(std::get<int64_t>(Element().set("x", 1).scalars().at("x")), 1);
}

TEST(ElementLiterals, BoolLandsAsIntegerZeroOrOne) {
    auto db = memory_db(kScalars);
    const auto yes = db.create_element("Configuration",
                                       Element().set("label", "yes").set("boolean_attribute", true));
    const auto no = db.create_element("Configuration",
                                      Element().set("label", "no").set("boolean_attribute", false));
    EXPECT_EQ(db.read_scalar_integer_by_id("Configuration", "boolean_attribute", yes), 1);
    EXPECT_EQ(db.read_scalar_integer_by_id("Configuration", "boolean_attribute", no), 0);
    EXPECT_EQ(storage_class(db, "boolean_attribute", yes), "integer");
    EXPECT_EQ(storage_class(db, "boolean_attribute", no), "integer");
}

TEST(ElementLiterals, FloatingPointTypesLandAsReal) {
    auto db = memory_db(kScalars);
    const auto f = db.create_element("Configuration", Element().set("label", "f").set("float_attribute", 0.5f));
    const auto d = db.create_element("Configuration", Element().set("label", "d").set("float_attribute", 2.25));
    const auto ld = db.create_element("Configuration", Element().set("label", "ld").set("float_attribute", 4.75L));
    // float widens exactly; 0.1f keeps its float value, not 0.1.
    const auto tenth = db.create_element("Configuration", Element().set("label", "t").set("float_attribute", 0.1f));
    EXPECT_EQ(db.read_scalar_float_by_id("Configuration", "float_attribute", f), 0.5);
    EXPECT_EQ(db.read_scalar_float_by_id("Configuration", "float_attribute", d), 2.25);
    EXPECT_EQ(db.read_scalar_float_by_id("Configuration", "float_attribute", ld), 4.75);
    EXPECT_EQ(db.read_scalar_float_by_id("Configuration", "float_attribute", tenth),
              static_cast<double>(0.1f));
    for (auto id : {f, d, ld, tenth}) EXPECT_EQ(storage_class(db, "float_attribute", id), "real");
}

TEST(ElementLiterals, IntegerIntoRealColumnLandsAsReal) {
    // D1: an integer is accepted for a REAL column and written as REAL.
    auto db = memory_db(kScalars);
    const auto id = db.create_element("Configuration", Element().set("label", "a").set("float_attribute", 3));
    EXPECT_EQ(db.read_scalar_float_by_id("Configuration", "float_attribute", id), 3.0);
    EXPECT_EQ(storage_class(db, "float_attribute", id), "real");
}

TEST(ElementLiterals, EveryStringTypeLandsAsText) {
    auto db = memory_db(kScalars);
    const char* c_string = "const char*";
    char char_array[] = "char array";
    const std::string std_string = "std::string";
    const std::string_view view = std::string_view("std::string_view and more").substr(0, 16);
    std::string moved = "moved std::string";
    const std::vector<std::pair<std::string, std::string>> expected = {
        {"lit", "string literal"}, {"cp", "const char*"},        {"arr", "char array"},
        {"str", "std::string"},    {"view", "std::string_view"}, {"mv", "moved std::string"}};
    std::vector<int64_t> ids;
    ids.push_back(db.create_element("Configuration",
                                    Element().set("label", "lit").set("string_attribute", "string literal")));
    ids.push_back(db.create_element("Configuration",
                                    Element().set("label", "cp").set("string_attribute", c_string)));
    ids.push_back(db.create_element("Configuration",
                                    Element().set("label", "arr").set("string_attribute", char_array)));
    ids.push_back(db.create_element("Configuration",
                                    Element().set("label", "str").set("string_attribute", std_string)));
    ids.push_back(db.create_element("Configuration",
                                    Element().set("label", "view").set("string_attribute", view)));
    ids.push_back(db.create_element(
        "Configuration", Element().set("label", "mv").set("string_attribute", std::move(moved))));
    for (size_t i = 0; i < ids.size(); ++i) {
        EXPECT_EQ(db.read_scalar_string_by_id("Configuration", "label", ids[i]), expected[i].first);
        EXPECT_EQ(db.read_scalar_string_by_id("Configuration", "string_attribute", ids[i]),
                  expected[i].second);
        EXPECT_EQ(storage_class(db, "string_attribute", ids[i]), "text");
        EXPECT_EQ(storage_class(db, "label", ids[i]), "text");
    }
}

TEST(ElementLiterals, NullptrLandsAsNullOverADefault) {
    auto db = memory_db(kScalars);
    const auto id = db.create_element("Configuration", Element()
                                                            .set("label", "a")
                                                            .set("float_attribute", nullptr)
                                                            .set("string_attribute", nullptr));
    EXPECT_EQ(db.read_scalar_float_by_id("Configuration", "float_attribute", id), std::nullopt);
    EXPECT_EQ(storage_class(db, "float_attribute", id), "null");
    EXPECT_EQ(storage_class(db, "string_attribute", id), "null");
    // Without the nullptr the column default applies: the NULL above was written, not omitted.
    const auto other = db.create_element("Configuration", Element().set("label", "b"));
    EXPECT_EQ(storage_class(db, "float_attribute", other), "real");
}

TEST(ElementLiterals, ValueCellsKeepTheirAlternative) {
    auto db = memory_db(kScalars);
    const Value integer = int64_t{7};
    const auto id = db.create_element("Configuration", Element()
                                                            .set("label", Value(std::string("v")))
                                                            .set("integer_attribute", integer)
                                                            .set("float_attribute", Value(1.5))
                                                            .set("string_attribute", Value(nullptr)));
    EXPECT_EQ(db.read_scalar_integer_by_id("Configuration", "integer_attribute", id), 7);
    EXPECT_EQ(storage_class(db, "integer_attribute", id), "integer");
    EXPECT_EQ(storage_class(db, "float_attribute", id), "real");
    EXPECT_EQ(storage_class(db, "string_attribute", id), "null");
    EXPECT_EQ(storage_class(db, "label", id), "text");
}

TEST(ElementLiterals, UpdateTakesLiteralsToo) {
    auto db = memory_db(kScalars);
    const auto id = db.create_element("Configuration", Element().set("label", "a"));
    db.update_element("Configuration", id,
                      Element().set("integer_attribute", 5u).set("float_attribute", 1).set("string_attribute", "s"));
    EXPECT_EQ(db.read_scalar_integer_by_id("Configuration", "integer_attribute", id), 5);
    EXPECT_EQ(db.read_scalar_float_by_id("Configuration", "float_attribute", id), 1.0);
    EXPECT_EQ(db.read_scalar_string_by_id("Configuration", "string_attribute", id), "s");
}

// --- Arrays ---------------------------------------------------------------------------------

TEST(ElementLiterals, BracedListsOfNumbersAndStringsLandAsArrays) {
    auto db = memory_db(kVectors);
    const auto id = db.create_element("Collection", Element()
                                                         .set("label", "x")
                                                         .set("value_int", {1, 2, 3})
                                                         .set("value_float", {1.5, 2.5, 3.5})
                                                         .set("value_string", {"a", "b", "c"}));
    EXPECT_EQ(db.read_vector_integers_by_id("Collection", "value_int", id), (std::vector<int64_t>{1, 2, 3}));
    EXPECT_EQ(db.read_vector_floats_by_id("Collection", "value_float", id),
              (std::vector<double>{1.5, 2.5, 3.5}));
    EXPECT_EQ(db.read_vector_strings_by_id("Collection", "value_string", id),
              (std::vector<std::string>{"a", "b", "c"}));
    EXPECT_EQ(cell_classes(db, "value_int", id), "integer,integer,integer");
    EXPECT_EQ(cell_classes(db, "value_float", id), "real,real,real");
    EXPECT_EQ(cell_classes(db, "value_string", id), "text,text,text");
}

TEST(ElementLiterals, BracedListsOfOtherLiteralTypes) {
    auto db = memory_db(kVectors);
    const auto id = db.create_element("Collection", Element()
                                                         .set("label", "x")
                                                         .set("value_int", {true, false})
                                                         .set("value_float", {0.5f, 1.5f})
                                                         .set("value_string", {std::string("a"), std::string("b")}));
    EXPECT_EQ(db.read_vector_integers_by_id("Collection", "value_int", id), (std::vector<int64_t>{1, 0}));
    EXPECT_EQ(db.read_vector_floats_by_id("Collection", "value_float", id), (std::vector<double>{0.5, 1.5}));
    EXPECT_EQ(cell_classes(db, "value_int", id), "integer,integer");
    EXPECT_EQ(cell_classes(db, "value_float", id), "real,real");
    EXPECT_EQ(cell_classes(db, "value_string", id), "text,text");
}

TEST(ElementLiterals, VectorsOfAnyCellTypeLandAsArrays) {
    auto db = memory_db(kVectors);
    const std::vector<unsigned> unsigned_ints = {4u, 5u};
    const std::vector<float> floats = {0.25f, 0.75f};
    const std::vector<std::string_view> views = {"p", "q"};
    const auto id = db.create_element("Collection", Element()
                                                         .set("label", "x")
                                                         .set("value_int", unsigned_ints)
                                                         .set("value_float", floats)
                                                         .set("value_string", views));
    EXPECT_EQ(db.read_vector_integers_by_id("Collection", "value_int", id), (std::vector<int64_t>{4, 5}));
    EXPECT_EQ(db.read_vector_floats_by_id("Collection", "value_float", id),
              (std::vector<double>{0.25, 0.75}));
    EXPECT_EQ(db.read_vector_strings_by_id("Collection", "value_string", id),
              (std::vector<std::string>{"p", "q"}));
    const std::vector<bool> bools = {false, true};
    const std::vector<const char*> c_strings = {"m", "n"};
    db.update_element("Collection", id,
                      Element().set("value_int", bools).set("value_float", std::vector<long>{7, 8}).set("value_string", c_strings));
    EXPECT_EQ(db.read_vector_integers_by_id("Collection", "value_int", id), (std::vector<int64_t>{0, 1}));
    EXPECT_EQ(db.read_vector_floats_by_id("Collection", "value_float", id), (std::vector<double>{7.0, 8.0}));
    EXPECT_EQ(db.read_vector_strings_by_id("Collection", "value_string", id),
              (std::vector<std::string>{"m", "n"}));
    EXPECT_EQ(cell_classes(db, "value_int", id), "integer,integer");
    EXPECT_EQ(cell_classes(db, "value_float", id), "real,real");  // D1: integers into REAL
    EXPECT_EQ(cell_classes(db, "value_string", id), "text,text");
}

TEST(ElementLiterals, NullCellsThroughValueLists) {
    auto db = memory_db(kVectors);
    const auto id = db.create_element("Collection", Element()
                                                         .set("label", "x")
                                                         .set("value_int", {Value(int64_t{1}), Value(nullptr), Value(int64_t{3})})
                                                         .set("value_float", {1.0, nullptr, 3.0})
                                                         .set("value_string", std::vector<Value>{nullptr, "b", nullptr}));
    EXPECT_EQ(cell_classes(db, "value_int", id), "integer,null,integer");
    EXPECT_EQ(cell_classes(db, "value_float", id), "real,null,real");
    EXPECT_EQ(cell_classes(db, "value_string", id), "null,text,null");
    EXPECT_EQ(count_rows(db, "Collection_vector_values", "id = " + std::to_string(id)), 3);
    // Typed readers refuse NULL cells instead of skipping them (D20).
    EXPECT_THROW_MSG(db.read_vector_integers_by_id("Collection", "value_int", id),
                     "Cannot read_vector_integers_by_id: element " + std::to_string(id) +
                         " has a NULL at vector_index 2 in 'value_int'; use read_vector_group_by_id to read NULL cells");
    EXPECT_THROW_MSG(db.read_vector_strings_by_id("Collection", "value_string", id),
                     "Cannot read_vector_strings_by_id: element " + std::to_string(id) +
                         " has a NULL at vector_index 1 in 'value_string'; use read_vector_group_by_id to read NULL cells");
}

TEST(ElementLiterals, EmptyBracedListIsAnEmptyArray) {
    auto db = memory_db(kVectors);
    const auto id = db.create_element("Collection", Element().set("label", "x").set("value_int", {7, 8}));
    ASSERT_EQ(count_rows(db, "Collection_vector_values", "id = " + std::to_string(id)), 2);
    Element clear;
    clear.set("value_int", {});
    ASSERT_EQ(clear.arrays().size(), 1u);
    EXPECT_TRUE(clear.arrays().at("value_int").empty());
    EXPECT_FALSE(clear.has_scalars());
    db.update_element("Collection", id, clear);
    EXPECT_EQ(count_rows(db, "Collection_vector_values", "id = " + std::to_string(id)), 0);
}

TEST(ElementLiterals, SetArraysFromBracedLists) {
    auto db = memory_db("valid/sets.sql");
    const auto id = db.create_element("Collection", Element().set("label", "x").set("tag", {"b", "a"}));
    EXPECT_EQ(quiver::test::sorted(db.read_set_strings_by_id("Collection", "tag", id)),
              (std::vector<std::string>{"a", "b"}));
    EXPECT_EQ(db.query_string("SELECT group_concat(DISTINCT typeof(tag)) FROM Collection_set_tags"), "text");
}

// --- Values that cannot be stored -----------------------------------------------------------

TEST(ElementLiterals, UnsignedAboveInt64MaxThrowsAndWritesNothing) {
    constexpr uint64_t too_big = uint64_t{std::numeric_limits<int64_t>::max()} + 1;
    const std::string message =
        "Cannot set: value 9223372036854775808 for 'integer_attribute' does not fit in a 64-bit "
        "signed integer";
    auto db = memory_db(kScalars);
    db.create_element("Configuration", Element().set("label", "existing").set("integer_attribute", 1));

    Element element;
    element.set("label", "new").set("integer_attribute", 2);
    EXPECT_THROW_MSG(element.set("integer_attribute", too_big), message);
    EXPECT_THROW_MSG(element.set("integer_attribute", std::numeric_limits<unsigned long>::max()),
                     "Cannot set: value 18446744073709551615 for 'integer_attribute' does not fit "
                     "in a 64-bit signed integer");
    // The element kept what it had.
    ASSERT_EQ(element.scalars().size(), 2u);
    EXPECT_EQ(std::get<int64_t>(element.scalars().at("integer_attribute")), 2);

    // Building the element inside the write call: nothing reaches the database.
    EXPECT_FAILS_UNCHANGED(
        db,
        db.create_element("Configuration", Element().set("label", "new").set("integer_attribute", too_big)),
        message);
    EXPECT_EQ(db.read_element_ids("Configuration").size(), 1u);
}

TEST(ElementLiterals, UnsignedArrayAboveInt64MaxThrowsAndKeepsThePreviousArray) {
    constexpr uint64_t too_big = uint64_t{std::numeric_limits<int64_t>::max()} + 1;
    const std::string message =
        "Cannot set: value 9223372036854775808 for 'value_int' does not fit in a 64-bit signed integer";
    Element element;
    element.set("value_int", {1, 2});
    EXPECT_THROW_MSG(element.set("value_int", std::vector<uint64_t>{1, too_big}), message);
    EXPECT_THROW_MSG(element.set("value_int", {uint64_t{3}, too_big}), message);
    ASSERT_EQ(element.arrays().at("value_int").size(), 2u);
    EXPECT_EQ(std::get<int64_t>(element.arrays().at("value_int")[1]), 2);

    auto db = memory_db(kVectors);
    const auto id = db.create_element("Collection", Element().set("label", "x").set("value_int", {5}));
    EXPECT_FAILS_UNCHANGED(
        db, db.update_element("Collection", id, Element().set("value_int", {uint64_t{1}, too_big})), message);
}

TEST(ElementLiterals, NullCharPointerThrowsInsteadOfCrashing) {
    const char* missing = nullptr;
    Element element;
    element.set("string_attribute", "kept");
    EXPECT_THROW_MSG(element.set("string_attribute", missing),
                     "Cannot set: null string pointer for 'string_attribute'");
    EXPECT_THROW_MSG(element.set("tags", std::vector<const char*>{"a", missing}),
                     "Cannot set: null string pointer for 'tags'");
    EXPECT_EQ(std::get<std::string>(element.scalars().at("string_attribute")), "kept");
    EXPECT_FALSE(element.has_arrays());
}
