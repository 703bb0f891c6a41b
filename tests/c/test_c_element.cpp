// element.h: the element builder.
#include "c_test_support.h"

using namespace quiver::c_test;

namespace {

std::string to_string(quiver_element_t* element) {
    char* text = nullptr;
    EXPECT_OK(quiver_element_to_string(element, &text));
    std::string result = text ? text : "<null>";
    quiver_database_free_string(text);
    return result;
}

}  // namespace

TEST(CApiElement, CreateDestroy) {
    quiver_element_t* element = nullptr;
    ASSERT_OK(quiver_element_create(&element));
    ASSERT_NE(element, nullptr);
    EXPECT_OK(quiver_element_destroy(element));
}

TEST(CApiElement, EmptyElement) {
    ElementHandle element;
    int flag = -1;
    size_t count = 99;
    ASSERT_OK(quiver_element_has_scalars(element, &flag));
    EXPECT_EQ(flag, 0);
    ASSERT_OK(quiver_element_has_arrays(element, &flag));
    EXPECT_EQ(flag, 0);
    ASSERT_OK(quiver_element_scalar_count(element, &count));
    EXPECT_EQ(count, 0u);
    ASSERT_OK(quiver_element_array_count(element, &count));
    EXPECT_EQ(count, 0u);
    EXPECT_EQ(to_string(element), "Element {\n}");
}

TEST(CApiElement, ScalarsAndArraysToString) {
    ElementHandle element;
    element.set("label", "Item 1")
        .set("quantity", int64_t{42})
        .set("price", 3.14)
        .set_null("description")
        .set("value_int", std::vector<int64_t>{1, 2, 3})
        .set("value_float", std::vector<double>{1.5})
        .set("tag", std::vector<const char*>{"a", "b"});
    int flag = 0;
    size_t count = 0;
    ASSERT_OK(quiver_element_has_scalars(element, &flag));
    EXPECT_EQ(flag, 1);
    ASSERT_OK(quiver_element_has_arrays(element, &flag));
    EXPECT_EQ(flag, 1);
    ASSERT_OK(quiver_element_scalar_count(element, &count));
    EXPECT_EQ(count, 4u);
    ASSERT_OK(quiver_element_array_count(element, &count));
    EXPECT_EQ(count, 3u);
    EXPECT_EQ(to_string(element),
              "Element {\n"
              "  scalars:\n"
              "    description: null\n"
              "    label: \"Item 1\"\n"
              "    price: 3.140000\n"
              "    quantity: 42\n"
              "  arrays:\n"
              "    tag: [\"a\", \"b\"]\n"
              "    value_float: [1.500000]\n"
              "    value_int: [1, 2, 3]\n"
              "}");
}

TEST(CApiElement, SettingAgainReplaces) {
    ElementHandle element;
    element.set("quantity", int64_t{1}).set("quantity", int64_t{2});
    size_t count = 0;
    ASSERT_OK(quiver_element_scalar_count(element, &count));
    EXPECT_EQ(count, 1u);
    EXPECT_EQ(to_string(element), "Element {\n  scalars:\n    quantity: 2\n}");
}

TEST(CApiElement, ClearRemovesEverything) {
    ElementHandle element;
    element.set("label", "x").set("value_int", std::vector<int64_t>{1});
    ASSERT_OK(quiver_element_clear(element));
    int flag = 1;
    ASSERT_OK(quiver_element_has_scalars(element, &flag));
    EXPECT_EQ(flag, 0);
    ASSERT_OK(quiver_element_has_arrays(element, &flag));
    EXPECT_EQ(flag, 0);
    EXPECT_EQ(to_string(element), "Element {\n}");
}

TEST(CApiElement, ZeroCountGivesEmptyArray) {
    ElementHandle element;
    ASSERT_OK(quiver_element_set_array_integer(element, "a", nullptr, 0, nullptr));
    ASSERT_OK(quiver_element_set_array_float(element, "b", nullptr, 0, nullptr));
    ASSERT_OK(quiver_element_set_array_string(element, "c", nullptr, 0, nullptr));
    size_t count = 0;
    ASSERT_OK(quiver_element_array_count(element, &count));
    EXPECT_EQ(count, 3u);
    EXPECT_EQ(to_string(element), "Element {\n  arrays:\n    a: []\n    b: []\n    c: []\n}");
}

TEST(CApiElement, NullStringEntryBecomesEmptyString) {
    ElementHandle element;
    const char* values[] = {"x", nullptr, "z"};
    ASSERT_OK(quiver_element_set_array_string(element, "tag", values, 3, nullptr));
    EXPECT_EQ(to_string(element), "Element {\n  arrays:\n    tag: [\"x\", \"\", \"z\"]\n}");
}

TEST(CApiElement, InvalidValuesCountCombination) {
    ElementHandle element;
    const int64_t ints[] = {1};
    const double floats[] = {1.0};
    const char* strings[] = {"a"};
    EXPECT_ERROR(quiver_element_set_array_integer(element, "v", ints, -1, nullptr),
                 "Cannot set_array_integer: Invalid values/count combination for 'v'");
    EXPECT_ERROR(quiver_element_set_array_integer(element, "v", nullptr, 2, nullptr),
                 "Cannot set_array_integer: Invalid values/count combination for 'v'");
    EXPECT_ERROR(quiver_element_set_array_float(element, "w", floats, -3, nullptr),
                 "Cannot set_array_float: Invalid values/count combination for 'w'");
    EXPECT_ERROR(quiver_element_set_array_float(element, "w", nullptr, 1, nullptr),
                 "Cannot set_array_float: Invalid values/count combination for 'w'");
    EXPECT_ERROR(quiver_element_set_array_string(element, "s", strings, -1, nullptr),
                 "Cannot set_array_string: Invalid values/count combination for 's'");
    EXPECT_ERROR(quiver_element_set_array_string(element, "s", nullptr, 5, nullptr),
                 "Cannot set_array_string: Invalid values/count combination for 's'");
    // Nothing was stored.
    int flag = 1;
    ASSERT_OK(quiver_element_has_arrays(element, &flag));
    EXPECT_EQ(flag, 0);
}

TEST(CApiElement, NullArguments) {
    ElementHandle element;
    const int64_t ints[] = {1};
    const double floats[] = {1.0};
    const char* strings[] = {"a"};
    int flag = 0;
    size_t count = 0;
    char* text = nullptr;

    EXPECT_ERROR(quiver_element_create(nullptr), "Null argument: out_element");
    EXPECT_ERROR(quiver_element_destroy(nullptr), "Null argument: element");
    EXPECT_ERROR(quiver_element_clear(nullptr), "Null argument: element");

    EXPECT_ERROR(quiver_element_set_integer(nullptr, "a", 1), "Null argument: element");
    EXPECT_ERROR(quiver_element_set_integer(element, nullptr, 1), "Null argument: name");
    EXPECT_ERROR(quiver_element_set_float(nullptr, "a", 1.0), "Null argument: element");
    EXPECT_ERROR(quiver_element_set_float(element, nullptr, 1.0), "Null argument: name");
    EXPECT_ERROR(quiver_element_set_string(nullptr, "a", "v"), "Null argument: element");
    EXPECT_ERROR(quiver_element_set_string(element, nullptr, "v"), "Null argument: name");
    EXPECT_ERROR(quiver_element_set_string(element, "a", nullptr), "Null argument: value");
    EXPECT_ERROR(quiver_element_set_null(nullptr, "a"), "Null argument: element");
    EXPECT_ERROR(quiver_element_set_null(element, nullptr), "Null argument: name");

    EXPECT_ERROR(quiver_element_set_array_integer(nullptr, "a", ints, 1, nullptr), "Null argument: element");
    EXPECT_ERROR(quiver_element_set_array_integer(element, nullptr, ints, 1, nullptr), "Null argument: name");
    EXPECT_ERROR(quiver_element_set_array_float(nullptr, "a", floats, 1, nullptr), "Null argument: element");
    EXPECT_ERROR(quiver_element_set_array_float(element, nullptr, floats, 1, nullptr), "Null argument: name");
    EXPECT_ERROR(quiver_element_set_array_string(nullptr, "a", strings, 1, nullptr), "Null argument: element");
    EXPECT_ERROR(quiver_element_set_array_string(element, nullptr, strings, 1, nullptr), "Null argument: name");
    // Null checks come before the values/count check.
    EXPECT_ERROR(quiver_element_set_array_integer(element, nullptr, nullptr, -1, nullptr), "Null argument: name");

    EXPECT_ERROR(quiver_element_has_scalars(nullptr, &flag), "Null argument: element");
    EXPECT_ERROR(quiver_element_has_scalars(element, nullptr), "Null argument: out_result");
    EXPECT_ERROR(quiver_element_has_arrays(nullptr, &flag), "Null argument: element");
    EXPECT_ERROR(quiver_element_has_arrays(element, nullptr), "Null argument: out_result");
    EXPECT_ERROR(quiver_element_scalar_count(nullptr, &count), "Null argument: element");
    EXPECT_ERROR(quiver_element_scalar_count(element, nullptr), "Null argument: out_count");
    EXPECT_ERROR(quiver_element_array_count(nullptr, &count), "Null argument: element");
    EXPECT_ERROR(quiver_element_array_count(element, nullptr), "Null argument: out_count");
    EXPECT_ERROR(quiver_element_to_string(nullptr, &text), "Null argument: element");
    EXPECT_ERROR(quiver_element_to_string(element, nullptr), "Null argument: out_string");
    EXPECT_EQ(text, nullptr);

    // Nothing was stored by the failed setters.
    ASSERT_OK(quiver_element_scalar_count(element, &count));
    EXPECT_EQ(count, 0u);
}
