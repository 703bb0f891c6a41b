// Bad-input catalogue of the C++ core (docs/reliability.md, "Bad input"): wrong types, NULLs,
// empty and huge strings, invalid UTF-8 and embedded NUL, names shaped like SQL injection,
// int64 extremes, NaN/Inf, bad paths and read-only databases. Every case gets a clear error in
// one of the three patterns (or a spec-listed family) and leaves the database exactly as it was
// (whole-database snapshot before/after, see test_helpers.h).
#include "test_helpers.h"

#include <quiver/database.h>
#include <quiver/element.h>

#include <gtest/gtest.h>

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <limits>
#include <map>
#include <string>
#include <vector>

using namespace quiver;
using namespace quiver::test;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
constexpr int64_t kMin = std::numeric_limits<int64_t>::min();

const std::string kTenMegabytes(10 * 1024 * 1024, 'x');

// Byte strings that are not valid UTF-8, with what is wrong with them.
const std::vector<std::pair<std::string, std::string>> kInvalidUtf8 = {
    {"\xff", "byte 0xFF"},
    {"abc\xfe", "byte 0xFE after ASCII"},
    {"\x80", "lone continuation byte"},
    {"\xc3", "truncated 2-byte sequence"},
    {"\xe2\x82", "truncated 3-byte sequence"},
    {"\xc0\xaf", "overlong '/'"},
    {"\xe0\x80\xaf", "overlong 3-byte"},
    {"\xed\xa0\x80", "UTF-16 surrogate U+D800"},
    {"\xf4\x90\x80\x80", "above U+10FFFF"},
    {"\xf8\x88\x80\x80\x80", "5-byte form"},
    {"valid prefix \xc3\x28 suffix", "bad continuation in the middle"},
};

// Names shaped like SQL injection, used for collections, attributes, groups and labels.
const std::vector<std::string> kInjectionNames = {
    "x; DROP TABLE Owner",
    "Item; DROP TABLE Owner; --",
    "Item\"; DROP TABLE Owner; --",
    "Item'; DROP TABLE Owner; --",
    "[Item]",
    "`Item`",
    "\"Item\"",
    "Item\" --",
    "quantity\" = 1; --",
    "label) VALUES ('x'); DROP TABLE Owner; --",
    "' OR '1'='1",
};

// Clear errors: the three patterns of semantics §1.1 or a family listed in §1.2. (No std::regex:
// it recurses per character and would overflow the stack on the 10 MB messages below.)
bool is_clear_error(const std::string& m) {
    auto starts = [&](const char* prefix) { return m.rfind(prefix, 0) == 0; };
    // "<op>: <reason>" from position `from`, op made of [a-z_ ].
    auto op_and_reason = [&](size_t from) {
        size_t i = from;
        while (i < m.size() && ((m[i] >= 'a' && m[i] <= 'z') || m[i] == '_' || m[i] == ' ')) ++i;
        return i > from && m.compare(i, 2, ": ") == 0 && i + 2 < m.size();
    };
    if (starts("Failed to resolve label '")) return m.find("' to ID in table '") != std::string::npos;
    if (starts("Cannot ")) return op_and_reason(7);
    if (starts("Failed to ")) return op_and_reason(10);
    if (starts("Time series group '")) return m.find("' not found for collection '") != std::string::npos;
    if (starts("Time series files table not found for collection '")) return true;
    const size_t pos = m.find(" not found: ");  // "<Entity> not found: <identifier>"
    if (pos == std::string::npos || pos == 0 || !(m[0] >= 'A' && m[0] <= 'Z')) return false;
    for (size_t i = 0; i < pos; ++i) {
        const char c = m[i];
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == ' ')) return false;
    }
    return true;
}

// Expects a clear error (any text matching the patterns) and an unchanged database.
#define EXPECT_CLEAR_FAILURE_UNCHANGED(db, stmt)                                            \
    do {                                                                                     \
        const std::string before__ = ::quiver::test::snapshot(db);                           \
        const bool in_tx__ = (db).in_transaction();                                          \
        try {                                                                                \
            stmt;                                                                            \
            ADD_FAILURE() << "expected an error, nothing thrown";                            \
        } catch (const std::runtime_error& e__) {                                            \
            const std::string what__ = e__.what();                                           \
            EXPECT_TRUE(is_clear_error(what__)) << "unclear error: " << what__.substr(0, 300); \
        }                                                                                    \
        EXPECT_EQ(::quiver::test::snapshot(db), before__) << "database changed by a failed call"; \
        EXPECT_EQ((db).in_transaction(), in_tx__);                                           \
    } while (0)

class BadInput : public ::testing::Test {
protected:
    void SetUp() override {
        path_ = scratch_db();
        db_ = std::make_unique<Database>(Database::from_schema(path_, schema_path("valid/c_api_full.sql"), quiet()));
        db().create_element("Configuration", Element().set("label", std::string("cfg")));
        db().create_element("Owner", Element().set("label", std::string("Alice")).set("budget", 10.0));
        item_ = db().create_element(
            "Item", Element()
                        .set("label", std::string("Item 1"))
                        .set("quantity", int64_t{3})
                        .set("price", 1.5)
                        .set("owner_id", std::string("Alice"))
                        .set("value_int", std::vector<int64_t>{1, 2})
                        .set("value_float", std::vector<double>{0.5, 1.5})
                        .set("tag", std::vector<std::string>{"a", "b"}));
        db().update_time_series_group("Item", "readings", item_,
                                      {{{"date_time", Value(std::string("2024-01-01T00:00:00"))},
                                        {"measurement", Value(1.0)},
                                        {"note", Value(std::string("n"))}}});
        db().update_time_series_files("Item", {{"inflow", std::string("in.csv")}});
    }

    Database& db() { return *db_; }

    static std::vector<std::map<std::string, Value>> one_row(const std::string& column, Value value) {
        std::map<std::string, Value> row{{"date_time", Value(std::string("2024-02-01T00:00:00"))}};
        row[column] = std::move(value);
        return {row};
    }

    std::string path_;
    std::unique_ptr<Database> db_;
    int64_t item_ = 0;
};

}  // namespace

// --------------------------------------------------------------------------------------------
// Wrong types

TEST_F(BadInput, WrongScalarTypes) {
    in_both_modes(db(), [&] {
        EXPECT_FAILS_UNCHANGED(db(), db().create_element("Item", Element().set("label", std::string("n")).set("quantity", 1.5)),
                               "Cannot create_element: type mismatch for column 'quantity': expected INTEGER, got REAL");
        EXPECT_FAILS_UNCHANGED(db(), db().create_element("Item", Element().set("label", int64_t{5})),
                               "Cannot create_element: type mismatch for column 'label': expected TEXT, got INTEGER");
        EXPECT_FAILS_UNCHANGED(db(), db().create_element("Item", Element().set("label", std::string("n")).set("price", std::string("1.5"))),
                               "Cannot create_element: type mismatch for column 'price': expected REAL, got TEXT");
        EXPECT_FAILS_UNCHANGED(db(), db().update_element("Item", item_, Element().set("quantity", std::string("7"))),
                               "Cannot resolve attribute: 'quantity' is INTEGER but received string '7' (not a foreign key)");
        EXPECT_FAILS_UNCHANGED(db(), db().update_element("Item", item_, Element().set("date_created", 2.0)),
                               "Cannot update_element: type mismatch for column 'date_created': expected DATE_TIME, got REAL");
    });
}

TEST_F(BadInput, WrongArrayAndTimeSeriesTypes) {
    in_both_modes(db(), [&] {
        EXPECT_FAILS_UNCHANGED(db(), db().update_element("Item", item_, Element().set("value_int", std::vector<double>{1.0, 2.5})),
                               "Cannot update_element: type mismatch for array 'value_int' index 0: expected INTEGER, got REAL");
        EXPECT_FAILS_UNCHANGED(db(), db().update_element("Item", item_, Element().set("tag", std::vector<int64_t>{1})),
                               "Cannot update_element: type mismatch for array 'tag' index 0: expected TEXT, got INTEGER");
        EXPECT_FAILS_UNCHANGED(db(), db().update_time_series_group("Item", "readings", item_, one_row("count_value", Value(1.5))),
                               "Cannot update_time_series_group: type mismatch for column 'count_value' row 0: expected INTEGER, got REAL");
        EXPECT_FAILS_UNCHANGED(db(), db().update_time_series_group("Item", "readings", item_, one_row("note", Value(int64_t{1}))),
                               "Cannot update_time_series_group: type mismatch for column 'note' row 0: expected TEXT, got INTEGER");
    });
}

// --------------------------------------------------------------------------------------------
// NULL where it is not allowed

TEST_F(BadInput, NullInNotNullColumns) {
    in_both_modes(db(), [&] {
        EXPECT_FAILS_UNCHANGED(db(), db().create_element("Item", Element().set_null("label")),
                               "Failed to execute statement: NOT NULL constraint failed: Item.label");
        EXPECT_FAILS_UNCHANGED(db(), db().update_element("Item", item_, Element().set_null("kind")),
                               "Failed to execute statement: NOT NULL constraint failed: Item.kind");
        EXPECT_FAILS_UNCHANGED(db(), db().update_time_series_group("Item", "readings", item_,
                                                                   {{{"date_time", Value(nullptr)}}}),
                               "Cannot update_time_series_group: row 0 has NULL in dimension column 'date_time'");
        // A NULL id cannot be expressed in C++; the element id must exist.
        EXPECT_FAILS_UNCHANGED(db(), db().delete_element("Item", 0), "Element not found: 0 in collection 'Item'");
    });
}

// --------------------------------------------------------------------------------------------
// Empty and huge strings

TEST_F(BadInput, EmptyNames) {
    in_both_modes(db(), [&] {
        EXPECT_FAILS_UNCHANGED(db(), db().create_element("", Element().set("label", std::string("x"))),
                               "Cannot create_element: collection not found: ");
        EXPECT_FAILS_UNCHANGED(db(), db().create_element("Item", Element().set("label", std::string("x")).set("", int64_t{1})),
                               "Cannot create_element: column '' not found in table 'Item'");
        EXPECT_FAILS_UNCHANGED(db(), db().update_element("Item", item_, Element().set("", std::vector<int64_t>{1})),
                               "Cannot update_element: attribute '' is not a vector, set, or time series attribute in collection 'Item'");
        EXPECT_FAILS_UNCHANGED(db(), db().update_time_series_group("Item", "", item_, {}),
                               "Time series group '' not found for collection 'Item'");
        EXPECT_FAILS_UNCHANGED(db(), db().update_time_series_files("Item", {{"", std::string("p")}}),
                               "Cannot update_time_series_files: column '' not found in table 'Item_time_series_files'");
        EXPECT_FAILS_UNCHANGED(db(), db().read_scalar_integers("Item", ""),
                               "Cannot read_scalar_integers: column '' not found in table 'Item'");
        EXPECT_FAILS_UNCHANGED(db(), db().read_vector_integers("Item", ""), "Vector attribute not found: '' in collection 'Item'");
        EXPECT_FAILS_UNCHANGED(db(), db().get_time_series_metadata("Item", ""),
                               "Time series group not found: '' in collection 'Item'");
        EXPECT_FAILS_UNCHANGED(db(), db().export_csv("Item", "", ""), "Failed to export_csv: could not open file: ");
    });
}

TEST_F(BadInput, EmptyStringValuesAreStoredAsEmptyStrings) {
    const auto id = db().create_element("Item", Element().set("label", std::string("")).set("description", std::string("")));
    EXPECT_EQ(db().read_scalar_string_by_id("Item", "label", id), std::optional<std::string>(""));
    EXPECT_EQ(db().read_scalar_string_by_id("Item", "description", id), std::optional<std::string>(""));
    // A second empty label is a UNIQUE violation, and changes nothing.
    EXPECT_FAILS_UNCHANGED(db(), db().create_element("Item", Element().set("label", std::string(""))),
                           "Failed to execute statement: UNIQUE constraint failed: Item.label");
}

TEST_F(BadInput, HugeStringValuesRoundTrip) {
    const auto id = db().create_element("Item", Element()
                                                    .set("label", kTenMegabytes)
                                                    .set("description", kTenMegabytes)
                                                    .set("name_text", std::vector<std::string>{kTenMegabytes, "short"}));
    EXPECT_EQ(db().read_scalar_string_by_id("Item", "label", id), std::optional<std::string>(kTenMegabytes));
    EXPECT_EQ(db().read_vector_strings_by_id("Item", "name_text", id), (std::vector<std::string>{kTenMegabytes, "short"}));
    EXPECT_EQ(db().query_integer("SELECT length(description) FROM Item WHERE id = ?", {id}),
              static_cast<int64_t>(kTenMegabytes.size()));
    EXPECT_EQ(db().query_string("SELECT ?", {Value(kTenMegabytes)}), std::optional<std::string>(kTenMegabytes));
}

TEST_F(BadInput, HugeNamesAreRejectedCleanly) {
    in_both_modes(db(), [&] {
        EXPECT_CLEAR_FAILURE_UNCHANGED(db(), db().create_element(kTenMegabytes, Element().set("label", std::string("x"))));
        EXPECT_CLEAR_FAILURE_UNCHANGED(db(), db().create_element("Item", Element().set("label", std::string("x")).set(kTenMegabytes, 1.0)));
        EXPECT_CLEAR_FAILURE_UNCHANGED(db(), db().update_element("Item", item_, Element().set(kTenMegabytes, std::vector<double>{1.0})));
        EXPECT_CLEAR_FAILURE_UNCHANGED(db(), db().read_time_series_group("Item", kTenMegabytes, item_));
        EXPECT_CLEAR_FAILURE_UNCHANGED(db(), db().update_time_series_files("Item", {{kTenMegabytes, std::string("p")}}));
        // A label that does not exist as a foreign-key target.
        EXPECT_CLEAR_FAILURE_UNCHANGED(db(), db().update_element("Item", item_, Element().set("owner_id", kTenMegabytes)));
    });
}

// --------------------------------------------------------------------------------------------
// Invalid UTF-8 and embedded NUL (decision: rejected on every write path)

TEST_F(BadInput, InvalidUtf8IsRejectedForScalarsAndArrays) {
    in_both_modes(db(), [&] {
        for (const auto& [bytes, what] : kInvalidUtf8) {
            SCOPED_TRACE(what);
            EXPECT_FAILS_UNCHANGED(db(), db().create_element("Item", Element().set("label", bytes)),
                                   "Cannot create_element: invalid UTF-8 in column 'label'");
            EXPECT_FAILS_UNCHANGED(db(), db().update_element("Item", item_, Element().set("description", bytes)),
                                   "Cannot update_element: invalid UTF-8 in column 'description'");
            EXPECT_FAILS_UNCHANGED(db(), db().update_element("Item", item_, Element().set("date_created", bytes)),
                                   "Cannot update_element: invalid UTF-8 in column 'date_created'");
            EXPECT_FAILS_UNCHANGED(db(),
                                   db().create_element("Item", Element().set("label", std::string("ok")).set(
                                                                   "tag", std::vector<std::string>{"fine", bytes})),
                                   "Cannot create_element: invalid UTF-8 in array 'tag' index 1");
            EXPECT_FAILS_UNCHANGED(db(), db().update_element("Item", item_, Element().set("name_text", std::vector<std::string>{bytes})),
                                   "Cannot update_element: invalid UTF-8 in array 'name_text' index 0");
        }
    });
}

TEST_F(BadInput, InvalidUtf8IsRejectedForTimeSeriesFilesAndQueries) {
    in_both_modes(db(), [&] {
        for (const auto& [bytes, what] : kInvalidUtf8) {
            SCOPED_TRACE(what);
            EXPECT_FAILS_UNCHANGED(db(), db().update_time_series_group("Item", "readings", item_, one_row("note", Value(bytes))),
                                   "Cannot update_time_series_group: invalid UTF-8 in column 'note' row 0");
            EXPECT_FAILS_UNCHANGED(db(),
                                   db().update_time_series_group("Item", "readings", item_, {{{"date_time", Value(bytes)}}}),
                                   "Cannot update_time_series_group: invalid UTF-8 in column 'date_time' row 0");
            EXPECT_FAILS_UNCHANGED(db(), db().update_time_series_files("Item", {{"demand", std::string("ok")}, {"inflow", bytes}}),
                                   "Cannot update_time_series_files: invalid UTF-8 in column 'inflow'");
            EXPECT_FAILS_UNCHANGED(db(), db().query_string("UPDATE Item SET description = ? WHERE id = 1", {Value(bytes)}),
                                   "Cannot query_string: invalid UTF-8 in parameter 0");
            EXPECT_FAILS_UNCHANGED(db(), db().query_integer("SELECT ?, ?", {Value(int64_t{1}), Value(bytes)}),
                                   "Cannot query_integer: invalid UTF-8 in parameter 1");
        }
    });
}

TEST_F(BadInput, InvalidUtf8ForeignKeyLabelIsRejected) {
    // The label is resolved (and not found) before it could be written.
    in_both_modes(db(), [&] {
        EXPECT_CLEAR_FAILURE_UNCHANGED(db(), db().update_element("Item", item_, Element().set("owner_id", std::string("\xff"))));
    });
}

TEST_F(BadInput, EmbeddedNulIsRejected) {
    const std::string with_nul("a\0b", 3);
    in_both_modes(db(), [&] {
        EXPECT_FAILS_UNCHANGED(db(), db().create_element("Item", Element().set("label", with_nul)),
                               "Cannot create_element: embedded NUL character in column 'label'");
        EXPECT_FAILS_UNCHANGED(db(), db().update_element("Item", item_, Element().set("tag", std::vector<std::string>{"x", with_nul})),
                               "Cannot update_element: embedded NUL character in array 'tag' index 1");
        EXPECT_FAILS_UNCHANGED(db(), db().update_time_series_group("Item", "readings", item_, one_row("note", Value(with_nul))),
                               "Cannot update_time_series_group: embedded NUL character in column 'note' row 0");
        EXPECT_FAILS_UNCHANGED(db(), db().update_time_series_files("Item", {{"inflow", with_nul}}),
                               "Cannot update_time_series_files: embedded NUL character in column 'inflow'");
        EXPECT_FAILS_UNCHANGED(db(), db().query_string("SELECT ?", {Value(with_nul)}),
                               "Cannot query_string: embedded NUL character in parameter 0");
    });
}

TEST_F(BadInput, ValidMultiByteUtf8RoundTrips) {
    const std::string text = "\xc3\xa9t\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80 \xe4\xb8\xad\xe6\x96\x87 \xf4\x8f\xbf\xbf";  // été € 😀 中文 U+10FFFF
    const auto id = db().create_element("Item", Element().set("label", text).set("tag", std::vector<std::string>{text}));
    EXPECT_EQ(db().read_scalar_string_by_id("Item", "label", id), std::optional<std::string>(text));
    EXPECT_EQ(db().read_set_strings_by_id("Item", "tag", id), std::vector<std::string>{text});
    db().update_time_series_files("Item", {{"inflow", text}});
    EXPECT_EQ(db().read_time_series_files("Item").at("inflow"), std::optional<std::string>(text));
    EXPECT_EQ(db().query_string("SELECT ?", {Value(text)}), std::optional<std::string>(text));
}

// --------------------------------------------------------------------------------------------
// Names shaped like SQL injection: never executed, never found, nothing changes

TEST_F(BadInput, InjectionShapedCollectionNames) {
    for (const auto& name : kInjectionNames) {
        SCOPED_TRACE(name);
        EXPECT_FAILS_UNCHANGED(db(), db().create_element(name, Element().set("label", std::string("x"))),
                               "Cannot create_element: collection not found: " + name);
        EXPECT_FAILS_UNCHANGED(db(), db().update_element(name, 1, Element().set("label", std::string("x"))),
                               "Cannot update_element: collection not found: " + name);
        EXPECT_FAILS_UNCHANGED(db(), db().delete_element(name, 1), "Cannot delete_element: collection not found: " + name);
        EXPECT_FAILS_UNCHANGED(db(), db().read_element_ids(name), "Cannot read_element_ids: collection not found: " + name);
        EXPECT_FAILS_UNCHANGED(db(), db().read_scalar_strings(name, "label"),
                               "Cannot read_scalar_strings: collection not found: " + name);
        EXPECT_FAILS_UNCHANGED(db(), db().update_time_series_files(name, {{"inflow", std::string("p")}}),
                               "Cannot update_time_series_files: collection not found: " + name);
        EXPECT_FAILS_UNCHANGED(db(), db().export_csv(name, "", (scratch_dir() / "out.csv").string()),
                               "Cannot export_csv: collection not found: " + name);
    }
    EXPECT_TRUE(db().read_element_ids("Owner").size() == 1);
}

TEST_F(BadInput, InjectionShapedAttributeAndGroupNames) {
    for (const auto& name : kInjectionNames) {
        SCOPED_TRACE(name);
        EXPECT_FAILS_UNCHANGED(db(), db().create_element("Item", Element().set("label", std::string("x")).set(name, int64_t{1})),
                               "Cannot create_element: column '" + name + "' not found in table 'Item'");
        EXPECT_FAILS_UNCHANGED(db(), db().update_element("Item", item_, Element().set(name, std::string("v"))),
                               "Cannot update_element: column '" + name + "' not found in table 'Item'");
        EXPECT_FAILS_UNCHANGED(db(), db().update_element("Item", item_, Element().set(name, std::vector<int64_t>{1})),
                               "Cannot update_element: attribute '" + name +
                                   "' is not a vector, set, or time series attribute in collection 'Item'");
        EXPECT_FAILS_UNCHANGED(db(), db().read_scalar_integers("Item", name),
                               "Cannot read_scalar_integers: column '" + name + "' not found in table 'Item'");
        EXPECT_FAILS_UNCHANGED(db(), db().read_vector_integers("Item", name),
                               "Vector attribute not found: '" + name + "' in collection 'Item'");
        EXPECT_FAILS_UNCHANGED(db(), db().read_set_strings_by_id("Item", name, item_),
                               "Set attribute not found: '" + name + "' in collection 'Item'");
        EXPECT_FAILS_UNCHANGED(db(), db().get_scalar_metadata("Item", name),
                               "Scalar attribute not found: '" + name + "' in collection 'Item'");
        EXPECT_FAILS_UNCHANGED(db(), db().get_vector_metadata("Item", name),
                               "Vector group not found: '" + name + "' in collection 'Item'");
        EXPECT_FAILS_UNCHANGED(db(), db().read_time_series_group("Item", name, item_),
                               "Time series group '" + name + "' not found for collection 'Item'");
        EXPECT_FAILS_UNCHANGED(db(), db().update_time_series_group("Item", name, item_, {}),
                               "Time series group '" + name + "' not found for collection 'Item'");
        EXPECT_FAILS_UNCHANGED(db(), db().update_time_series_group("Item", "readings", item_, one_row(name, Value(int64_t{1}))),
                               "Cannot update_time_series_group: column '" + name +
                                   "' not found in group 'readings' for collection 'Item'");
        EXPECT_FAILS_UNCHANGED(db(), db().update_time_series_files("Item", {{name, std::string("p")}}),
                               "Cannot update_time_series_files: column '" + name + "' not found in table 'Item_time_series_files'");
        EXPECT_FAILS_UNCHANGED(db(), db().export_csv("Item", name, (scratch_dir() / "out.csv").string()),
                               "Cannot export_csv: group not found: '" + name + "' in collection 'Item'");
        EXPECT_FAILS_UNCHANGED(db(), db().import_csv("Item", name, (scratch_dir() / "out.csv").string()),
                               "Cannot import_csv: group not found: '" + name + "' in collection 'Item'");
    }
}

TEST_F(BadInput, InjectionShapedLabelsAreStoredVerbatim) {
    for (const auto& name : kInjectionNames) {
        SCOPED_TRACE(name);
        const auto id = db().create_element("Owner", Element().set("label", name));
        EXPECT_EQ(db().read_scalar_string_by_id("Owner", "label", id), std::optional<std::string>(name));
        db().update_element("Item", item_, Element().set("owner_id", name));  // resolved as a label
        EXPECT_EQ(db().read_scalar_integer_by_id("Item", "owner_id", item_), std::optional<int64_t>(id));
        EXPECT_EQ(db().query_string("SELECT label FROM Owner WHERE label = ?", {Value(name)}), std::optional<std::string>(name));
    }
    EXPECT_EQ(db().read_element_ids("Owner").size(), kInjectionNames.size() + 1);
    EXPECT_EQ(db().read_element_ids("Item").size(), 1u);
    // A label that matches nothing fails as a label, never as SQL.
    EXPECT_FAILS_UNCHANGED(db(), db().update_element("Item", item_, Element().set("owner_id", std::string("x' OR '1'='1"))),
                           "Failed to resolve label 'x' OR '1'='1' to ID in table 'Owner'");
}

// --------------------------------------------------------------------------------------------
// int64 extremes (C++ cannot overflow int64; the extremes are ordinary values)

TEST_F(BadInput, Int64ExtremesAsIdsAndValues) {
    in_both_modes(db(), [&] {
        EXPECT_FAILS_UNCHANGED(db(), db().delete_element("Item", kMax), "Element not found: 9223372036854775807 in collection 'Item'");
        EXPECT_FAILS_UNCHANGED(db(), db().update_element("Item", kMin, Element().set("quantity", int64_t{1})),
                               "Element not found: -9223372036854775808 in collection 'Item'");
        EXPECT_FAILS_UNCHANGED(db(), db().update_element("Item", item_, Element().set("owner_id", kMax)),
                               "Failed to execute statement: FOREIGN KEY constraint failed");
        EXPECT_FAILS_UNCHANGED(db(), db().update_time_series_group("Item", "readings", kMin, one_row("note", Value(std::string("x")))),
                               "Failed to execute statement: FOREIGN KEY constraint failed");
    });
    // Both columns of the vector group: value_float holds values, so omitting it is refused (D21).
    db().update_element("Item", item_,
                        Element().set("quantity", kMin).set("value_int", std::vector<int64_t>{kMax, kMin}).set(
                            "value_float", std::vector<double>{1.0, 2.0}));
    EXPECT_EQ(db().read_scalar_integer_by_id("Item", "quantity", item_), std::optional<int64_t>(kMin));
    EXPECT_EQ(db().read_vector_integers_by_id("Item", "value_int", item_), (std::vector<int64_t>{kMax, kMin}));
    EXPECT_EQ(db().query_integer("SELECT ?", {Value(kMax)}), std::optional<int64_t>(kMax));
    // int64 into a REAL column is accepted (D1).
    db().update_element("Item", item_, Element().set("price", kMax));
    EXPECT_EQ(db().read_scalar_float_by_id("Item", "price", item_), std::optional<double>(static_cast<double>(kMax)));
}

// --------------------------------------------------------------------------------------------
// NaN (rejected everywhere) and +-Inf (stored as is)

TEST_F(BadInput, NaNIsRejectedOnEveryWritePath) {
    const double negative_nan = -kNaN;
    in_both_modes(db(), [&] {
        for (const double nan : {kNaN, negative_nan, std::nan("1")}) {
            EXPECT_FAILS_UNCHANGED(db(), db().create_element("Item", Element().set("label", std::string("n")).set("price", nan)),
                                   "Cannot create_element: NaN is not allowed for column 'price'");
            EXPECT_FAILS_UNCHANGED(db(), db().update_element("Item", item_, Element().set("price", nan)),
                                   "Cannot update_element: NaN is not allowed for column 'price'");
            EXPECT_FAILS_UNCHANGED(db(),
                                   db().create_element("Item", Element().set("label", std::string("n")).set(
                                                                   "value_float", std::vector<double>{1.0, nan})),
                                   "Cannot create_element: NaN is not allowed for array 'value_float' index 1");
            EXPECT_FAILS_UNCHANGED(db(), db().update_element("Item", item_, Element().set("weight", std::vector<double>{nan})),
                                   "Cannot update_element: NaN is not allowed for array 'weight' index 0");
            EXPECT_FAILS_UNCHANGED(db(), db().update_time_series_group("Item", "readings", item_, one_row("measurement", Value(nan))),
                                   "Cannot update_time_series_group: NaN is not allowed for column 'measurement' row 0");
            EXPECT_FAILS_UNCHANGED(db(), db().query_string("UPDATE Item SET price = ?", {Value(nan)}),
                                   "Cannot query_string: NaN is not allowed for parameter 0");
            EXPECT_FAILS_UNCHANGED(db(), db().query_float("SELECT ? + ?", {Value(1.0), Value(nan)}),
                                   "Cannot query_float: NaN is not allowed for parameter 1");
            EXPECT_FAILS_UNCHANGED(db(), db().query_integer("SELECT ?", {Value(nan)}),
                                   "Cannot query_integer: NaN is not allowed for parameter 0");
        }
        // The type check comes first: a NaN for an INTEGER column is a type mismatch.
        EXPECT_FAILS_UNCHANGED(db(), db().update_element("Item", item_, Element().set("quantity", kNaN)),
                               "Cannot update_element: type mismatch for column 'quantity': expected INTEGER, got REAL");
    });
}

TEST_F(BadInput, InfinityIsStoredAndReadBack) {
    db().update_element("Item", item_,
                        Element().set("price", kInf).set("value_float", std::vector<double>{-kInf, kInf}).set(
                            "value_int", std::vector<int64_t>{1, 2}).set("weight", std::vector<double>{kInf}));
    EXPECT_EQ(db().read_scalar_float_by_id("Item", "price", item_), std::optional<double>(kInf));
    EXPECT_EQ(db().read_vector_floats_by_id("Item", "value_float", item_), (std::vector<double>{-kInf, kInf}));
    EXPECT_EQ(db().read_set_floats_by_id("Item", "weight", item_), std::vector<double>{kInf});
    db().update_time_series_group("Item", "readings", item_, one_row("measurement", Value(-kInf)));
    EXPECT_EQ(std::get<double>(db().read_time_series_group("Item", "readings", item_).at(0).at("measurement")), -kInf);
    EXPECT_EQ(db().query_float("SELECT ?", {Value(kInf)}), std::optional<double>(kInf));
    EXPECT_EQ(db().query_integer("SELECT count(*) FROM Item WHERE price = ?", {Value(kInf)}), std::optional<int64_t>(1));
}

// --------------------------------------------------------------------------------------------
// Paths that do not exist or are directories

TEST_F(BadInput, SchemaAndMigrationPaths) {
    const auto dir = scratch_dir();
    std::filesystem::create_directories(dir / "a_directory");
    write_file((dir / "a_file").string(), "not a directory");
    const std::string before = file_snapshot(path_);

    EXPECT_THROW_MSG(Database::from_schema(path_, (dir / "missing.sql").string(), quiet()),
                     "Schema file not found: " + (dir / "missing.sql").string());
    EXPECT_THROW_MSG(Database::from_schema(path_, "", quiet()), "Schema file not found: ");
    EXPECT_THROW_MSG(Database::from_migrations(path_, (dir / "missing").string(), quiet()),
                     "Migrations path not found: " + (dir / "missing").string());
    EXPECT_THROW_MSG(Database::from_migrations(path_, (dir / "a_file").string(), quiet()),
                     "Cannot migrate_up: path is not a directory: " + (dir / "a_file").string());
    EXPECT_THROW_MSG(Database::from_migrations(path_, "", quiet()), "Migrations path not found: ");
    EXPECT_EQ(file_snapshot(path_), before);
    EXPECT_EQ(db().read_element_ids("Item").size(), 1u);  // the open handle still works
}

TEST_F(BadInput, SchemaPathIsADirectory) {
    const auto dir = scratch_dir() / "schema_dir";
    std::filesystem::create_directories(dir);
    const std::string other = scratch_db("other.db");
    EXPECT_THROW_MSG(Database::from_schema(other, dir.string(), quiet()),
                     "Failed to apply_schema: could not open file: " + dir.string());
}

// from_schema reads the schema file before it replaces the database file, so an unreadable
// schema path loses nothing.
TEST_F(BadInput, SchemaPathIsADirectoryKeepsTheExistingDatabase) {
    const auto dir = scratch_dir() / "schema_dir";
    std::filesystem::create_directories(dir);
    db_.reset();
    const std::string before = file_snapshot(path_);
    EXPECT_THROW_MSG(Database::from_schema(path_, dir.string(), quiet()),
                     "Failed to apply_schema: could not open file: " + dir.string());
    EXPECT_EQ(file_snapshot(path_), before);
}

TEST_F(BadInput, DatabasePaths) {
    const auto dir = scratch_dir();
    std::filesystem::create_directories(dir / "a_directory");
    write_file((dir / "a_file").string(), "x");
    EXPECT_THROW_MSG(Database((dir / "a_directory").string(), quiet()), "Failed to open database: unable to open database file");
    // Nothing exists at these paths (D23).
    EXPECT_THROW_MSG(Database((dir / "a_file" / "x.db").string(), quiet()),
                     "Database not found: " + (dir / "a_file" / "x.db").string());
    EXPECT_THROW_MSG(Database((dir / "missing.db").string(), quiet_read_only()),
                     "Database not found: " + (dir / "missing.db").string());
    EXPECT_THROW_MSG(Database((dir / "missing.db").string(), quiet()), "Database not found: " + (dir / "missing.db").string());
    EXPECT_FALSE(std::filesystem::exists(dir / "missing.db"));
    write_file((dir / "a_directory" / "keep.txt").string(), "keep");
    EXPECT_THROW_MSG(Database::from_schema((dir / "a_directory").string(), schema_path("valid/basic.sql"), quiet()),
                     "Failed to open database: unable to open database file");
    EXPECT_EQ(read_file((dir / "a_directory" / "keep.txt").string()), "keep");
}

// from_schema only ever replaces a regular file: a directory at db_path (even an empty one)
// is left alone and the open fails.
TEST_F(BadInput, FromSchemaOnAnEmptyDirectoryFails) {
    const auto dir = scratch_dir() / "empty_directory";
    std::filesystem::create_directories(dir);
    EXPECT_THROW_MSG(Database::from_schema(dir.string(), schema_path("valid/basic.sql"), quiet()),
                     "Failed to open database: unable to open database file");
    EXPECT_TRUE(std::filesystem::is_directory(dir));
}

TEST_F(BadInput, CsvPaths) {
    const auto dir = scratch_dir();
    std::filesystem::create_directories(dir / "a_directory");
    write_file((dir / "a_file").string(), "x");
    in_both_modes(db(), [&] {
        EXPECT_FAILS_UNCHANGED(db(), db().export_csv("Item", "", (dir / "a_directory").string()),
                               "Failed to export_csv: could not open file: " + (dir / "a_directory").string());
        EXPECT_FAILS_UNCHANGED(db(), db().export_csv("Item", "", (dir / "a_file" / "out.csv").string()),
                               "Failed to export_csv: could not open file: " + (dir / "a_file" / "out.csv").string());
        EXPECT_FAILS_UNCHANGED(db(), db().import_csv("Item", "", (dir / "missing.csv").string()),
                               "Cannot import_csv: could not open file: " + (dir / "missing.csv").string());
        EXPECT_FAILS_UNCHANGED(db(), db().import_csv("Item", "", (dir / "a_directory").string()),
                               "Cannot import_csv: could not open file: " + (dir / "a_directory").string());
        EXPECT_FAILS_UNCHANGED(db(), db().import_csv("Item", "", ""), "Cannot import_csv: could not open file: ");
    });
    EXPECT_TRUE(std::filesystem::is_directory(dir / "a_directory"));
    EXPECT_EQ(read_file((dir / "a_file").string()), "x");
}

// --------------------------------------------------------------------------------------------
// Read-only databases

TEST_F(BadInput, ReadOnlyOptionRejectsEveryWrite) {
    db_.reset();
    const std::string before = file_snapshot(path_);
    Database ro(path_, quiet_read_only());
    const std::string csv = (scratch_dir() / "items.csv").string();
    ro.export_csv("Item", "", csv);  // reads work
    const std::string readonly = "Failed to execute statement: attempt to write a readonly database";
    auto all_writes = [&] {
        EXPECT_FAILS_UNCHANGED(ro, ro.create_element("Item", Element().set("label", std::string("new"))), readonly);
        EXPECT_FAILS_UNCHANGED(ro, ro.update_element("Item", 1, Element().set("quantity", int64_t{9})), readonly);
        EXPECT_FAILS_UNCHANGED(ro, ro.delete_element("Item", 1), readonly);
        EXPECT_FAILS_UNCHANGED(ro, ro.update_time_series_group("Item", "readings", 1, {}), readonly);
        EXPECT_FAILS_UNCHANGED(ro, ro.update_time_series_files("Item", {{"inflow", std::string("p")}}), readonly);
        EXPECT_FAILS_UNCHANGED(ro, ro.import_csv("Item", "", csv), readonly);
        EXPECT_FAILS_UNCHANGED(ro, ro.query_string("DELETE FROM Item"), readonly);
    };
    all_writes();
    ro.begin_transaction();
    all_writes();
    ro.rollback();
    EXPECT_EQ(file_snapshot(path_), before);
}

// Opens a chmod 0444 file read-write (SQLite falls back to read-only) and tries every write; ""
// when each failed with SQLite's read-only error and nothing changed, else what went wrong.
std::string writes_on_read_only_file(const std::string& path) {
    std::string problems;
    const std::string before = file_snapshot(path);
    try {
        Database db(path, quiet());
        auto attempt = [&](const char* what, auto&& write) {
            try {
                write();
                problems += std::string(what) + ": no error; ";
            } catch (const std::runtime_error& e) {
                const std::string message = e.what();
                if (message != "Failed to execute statement: attempt to write a readonly database") {
                    problems += std::string(what) + ": unexpected error " + message + "; ";
                }
            }
        };
        attempt("create", [&] { db.create_element("Item", Element().set("label", std::string("new"))); });
        attempt("update", [&] { db.update_element("Item", 1, Element().set("quantity", int64_t{9})); });
        attempt("delete", [&] { db.delete_element("Item", 1); });
        attempt("time series", [&] { db.update_time_series_group("Item", "readings", 1, {}); });
        attempt("files", [&] { db.update_time_series_files("Item", {{"inflow", std::string("p")}}); });
        attempt("query", [&] { db.query_string("DELETE FROM Item"); });
    } catch (const std::exception& e) {
        problems += std::string("open: ") + e.what() + "; ";
    }
    if (file_snapshot(path) != before) problems += "file changed; ";
    return problems;
}

TEST_F(BadInput, ReadOnlyFileRejectsEveryWrite) {
    db_.reset();
    ASSERT_EQ(::chmod(path_.c_str(), 0444), 0);
    if (::geteuid() != 0) {
        EXPECT_EQ(writes_on_read_only_file(path_), "");
    } else {
        // root ignores file permissions: run the attempt in a child that drops to "nobody".
        ::chmod(scratch_dir().c_str(), 0755);
        int fds[2];
        ASSERT_EQ(::pipe(fds), 0);
        const pid_t child = ::fork();
        ASSERT_GE(child, 0);
        if (child == 0) {
            ::close(fds[0]);
            std::string result = (::setgid(65534) == 0 && ::setuid(65534) == 0) ? writes_on_read_only_file(path_)
                                                                                 : std::string("skip");
            if (result.empty()) result = "ok";
            [[maybe_unused]] const auto written = ::write(fds[1], result.data(), result.size());
            ::close(fds[1]);
            ::_exit(0);
        }
        ::close(fds[1]);
        std::string result;
        char buffer[512];
        ssize_t n = 0;
        while ((n = ::read(fds[0], buffer, sizeof buffer)) > 0) result.append(buffer, static_cast<size_t>(n));
        ::close(fds[0]);
        int status = 0;
        ::waitpid(child, &status, 0);
        ::chmod(path_.c_str(), 0644);
        if (result == "skip") GTEST_SKIP() << "cannot drop privileges to test file permissions";
        EXPECT_EQ(result, "ok");
    }
    ::chmod(path_.c_str(), 0644);
}

// --------------------------------------------------------------------------------------------
// The catalogue's error texts are all clear

TEST(BadInputPatterns, ClassifierAcceptsOnlyThePatterns) {
    EXPECT_TRUE(is_clear_error("Cannot create_element: collection not found: x"));
    EXPECT_TRUE(is_clear_error("Element not found: 1 in collection 'Item'"));
    EXPECT_TRUE(is_clear_error("Failed to execute statement: x"));
    EXPECT_TRUE(is_clear_error("Time series group 'g' not found for collection 'C'"));
    EXPECT_FALSE(is_clear_error("std::bad_alloc"));
    EXPECT_FALSE(is_clear_error("basic_string::_M_create"));
    EXPECT_FALSE(is_clear_error("stoi"));
    EXPECT_FALSE(is_clear_error("Cannot : x"));
    EXPECT_FALSE(is_clear_error("near \"x\": syntax error"));
}

namespace quiver::test {
namespace {

// Infinities export as "inf"/"-inf" and import back (D8 round trip); NaN cells stay invalid.
TEST(CsvInfinity, InfinitiesRoundTripAndNaNIsRejected) {
    const auto dir = scratch_dir();
    auto db = Database::from_schema((dir / "inf.db").string(), schema_path("valid/basic.sql"), quiet());
    const auto item = [&](const std::string& label, double value) {
        return Element().set("label", label).set("float_attribute", value);
    };
    db.create_element("Configuration", item("plus", std::numeric_limits<double>::infinity()));
    db.create_element("Configuration", item("minus", -std::numeric_limits<double>::infinity()));
    const auto csv = (dir / "inf.csv").string();
    db.export_csv("Configuration", "", csv);
    db.import_csv("Configuration", "", csv);
    EXPECT_EQ(db.read_scalar_floats("Configuration", "float_attribute"),
              (std::vector<std::optional<double>>{std::numeric_limits<double>::infinity(),
                                                  -std::numeric_limits<double>::infinity()}));
    const auto exported_again = (dir / "again.csv").string();
    db.export_csv("Configuration", "", exported_again);
    EXPECT_EQ(read_file(exported_again), read_file(csv));

    auto text = read_file(csv);
    text.replace(text.find("-inf"), 4, "nan");
    write_file(csv, text);
    EXPECT_FAILS_UNCHANGED(db, db.import_csv("Configuration", "", csv),
                           "Cannot import_csv: Invalid float value 'nan' for column 'float_attribute'.");
}

}  // namespace
}  // namespace quiver::test
