// Element (api §2.5).
#include "test_helpers.h"

#include <quiver/element.h>

#include <gtest/gtest.h>

#include <variant>

using namespace quiver;

TEST(Element, DefaultIsEmpty) {
    Element e;
    EXPECT_FALSE(e.has_scalars());
    EXPECT_FALSE(e.has_arrays());
    EXPECT_TRUE(e.scalars().empty());
    EXPECT_TRUE(e.arrays().empty());
    EXPECT_EQ(e.to_string(), "Element {\n}");
}

TEST(Element, ScalarSetters) {
    Element e;
    e.set("i", int64_t{42}).set("f", 3.5).set("s", std::string("hello")).set("lit", "literal");
    e.set_null("n");
    ASSERT_EQ(e.scalars().size(), 5u);
    EXPECT_EQ(std::get<int64_t>(e.scalars().at("i")), 42);
    EXPECT_DOUBLE_EQ(std::get<double>(e.scalars().at("f")), 3.5);
    EXPECT_EQ(std::get<std::string>(e.scalars().at("s")), "hello");
    EXPECT_EQ(std::get<std::string>(e.scalars().at("lit")), "literal");
    EXPECT_TRUE(std::holds_alternative<std::nullptr_t>(e.scalars().at("n")));
    EXPECT_TRUE(e.has_scalars());
    EXPECT_FALSE(e.has_arrays());
}

TEST(Element, SettingAgainReplaces) {
    Element e;
    e.set("x", int64_t{1});
    e.set("x", std::string("two"));
    ASSERT_EQ(e.scalars().size(), 1u);
    EXPECT_EQ(std::get<std::string>(e.scalars().at("x")), "two");
    e.set_null("x");
    EXPECT_TRUE(std::holds_alternative<std::nullptr_t>(e.scalars().at("x")));
    e.set("v", std::vector<int64_t>{1, 2});
    e.set("v", std::vector<std::string>{"a"});
    ASSERT_EQ(e.arrays().size(), 1u);
    ASSERT_EQ(e.arrays().at("v").size(), 1u);
    EXPECT_EQ(std::get<std::string>(e.arrays().at("v")[0]), "a");
}

TEST(Element, ArraySetters) {
    Element e;
    e.set("ints", std::vector<int64_t>{1, 2, 3});
    e.set("floats", std::vector<double>{1.5});
    e.set("strings", std::vector<std::string>{"a", "b"});
    e.set("empty", std::vector<int64_t>{});
    EXPECT_FALSE(e.has_scalars());
    EXPECT_TRUE(e.has_arrays());
    ASSERT_EQ(e.arrays().size(), 4u);
    const auto& ints = e.arrays().at("ints");
    ASSERT_EQ(ints.size(), 3u);
    EXPECT_EQ(std::get<int64_t>(ints[2]), 3);
    EXPECT_DOUBLE_EQ(std::get<double>(e.arrays().at("floats")[0]), 1.5);
    EXPECT_EQ(std::get<std::string>(e.arrays().at("strings")[1]), "b");
    EXPECT_TRUE(e.arrays().at("empty").empty());
}

TEST(Element, SameNameInBothMaps) {
    Element e;
    e.set("x", int64_t{1});
    e.set("x", std::vector<int64_t>{2, 3});
    EXPECT_EQ(e.scalars().size(), 1u);
    EXPECT_EQ(e.arrays().size(), 1u);
    EXPECT_EQ(std::get<int64_t>(e.scalars().at("x")), 1);
    EXPECT_EQ(e.arrays().at("x").size(), 2u);
}

TEST(Element, MapsAreSortedByName) {
    Element e;
    e.set("zeta", int64_t{1}).set("alpha", int64_t{2}).set("Beta", int64_t{3});
    std::vector<std::string> names;
    for (const auto& [name, value] : e.scalars()) names.push_back(name);
    EXPECT_EQ(names, (std::vector<std::string>{"Beta", "alpha", "zeta"}));
}

TEST(Element, Clear) {
    Element e;
    e.set("a", int64_t{1}).set("b", std::vector<double>{1.0});
    e.clear();
    EXPECT_FALSE(e.has_scalars());
    EXPECT_FALSE(e.has_arrays());
    EXPECT_EQ(e.to_string(), "Element {\n}");
}

TEST(Element, IsCopyable) {
    Element a;
    a.set("x", int64_t{1});
    Element b = a;
    b.set("y", int64_t{2});
    EXPECT_EQ(a.scalars().size(), 1u);
    EXPECT_EQ(b.scalars().size(), 2u);
}

TEST(Element, ToStringFullLayout) {
    Element e;
    e.set("label", std::string("Item 1"))
        .set("value", 3.14)
        .set("count", int64_t{42})
        .set_null("missing")
        .set("ints", std::vector<int64_t>{1, 2, 3})
        .set("floats", std::vector<double>{1.5, -2.0})
        .set("names", std::vector<std::string>{"a", "b c"});
    EXPECT_EQ(e.to_string(),
              "Element {\n"
              "  scalars:\n"
              "    count: 42\n"
              "    label: \"Item 1\"\n"
              "    missing: null\n"
              "    value: 3.140000\n"
              "  arrays:\n"
              "    floats: [1.500000, -2.000000]\n"
              "    ints: [1, 2, 3]\n"
              "    names: [\"a\", \"b c\"]\n"
              "}");
}

TEST(Element, ToStringScalarsOnly) {
    Element e;
    e.set("label", std::string("x"));
    EXPECT_EQ(e.to_string(), "Element {\n  scalars:\n    label: \"x\"\n}");
}

TEST(Element, ToStringArraysOnly) {
    Element e;
    e.set("v", std::vector<int64_t>{-7});
    e.set("e", std::vector<std::string>{});
    EXPECT_EQ(e.to_string(), "Element {\n  arrays:\n    e: []\n    v: [-7]\n}");
}

TEST(Element, ToStringDoesNotEscapeStrings) {
    Element e;
    e.set("q", std::string("say \"hi\""));
    EXPECT_EQ(e.to_string(), "Element {\n  scalars:\n    q: \"say \"hi\"\"\n}");
}
