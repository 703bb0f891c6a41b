// CSV round trips (D8, D9): export -> import -> export gives identical files and identical
// data for every attribute kind, with and without enum labels and a date_time_format.
#include "csv_test_helpers.h"

#include <gtest/gtest.h>

#include <limits>
#include <utility>
#include <vector>

namespace quiver {
namespace {

using csv_test::csv_path;
using csv_test::enum_options;
using csv_test::make_db;
using csv_test::read_text;
using csv_test::seed;
using csv_test::snapshot;

// Scalars first, in dependency order, so a fresh database can be rebuilt from the files.
const std::vector<std::pair<std::string, std::string>> kTargets = {
    {"Configuration", ""}, {"Owner", ""},     {"Item", ""},     {"Shipment", ""},     {"Item", "values"},
    {"Item", "refs"},      {"Item", "tags"},  {"Item", "levels"}, {"Item", "readings"},
};

std::vector<std::pair<std::string, CSVOptions>> option_sets() {
    std::vector<std::pair<std::string, CSVOptions>> out;
    out.emplace_back("default", CSVOptions{});
    out.emplace_back("enums", enum_options());
    CSVOptions dates;
    dates.date_time_format = "%d/%m/%Y %H:%M:%S";
    out.emplace_back("dates", dates);
    CSVOptions both = enum_options();
    both.date_time_format = "%Y%m%d-%H%M%S";
    out.emplace_back("enums+dates", both);
    return out;
}

std::string file_for(const std::string& collection, const std::string& group, const std::string& tag) {
    return csv_path(tag + "_" + collection + (group.empty() ? "" : "_" + group) + ".csv");
}

// Extra rows with the awkward values: extremes, NULLs, characters that need quoting.
void seed_awkward(Database& db) {
    db.create_element("Item", Element()
                                  .set("label", std::string("Ünïcødé, \"quoted\" label"))
                                  .set("quantity", std::numeric_limits<int64_t>::max())
                                  .set("price", -0.000123456789)
                                  .set("description", std::string("tab\there; semi, comma \"q\"\nnew line\r\nCRLF"))
                                  .set("date_due", std::string("1999-12-31T23:59:59"))
                                  .set("status", int64_t{7})
                                  .set("code", std::string("a\"b"))
                                  .set("value_int", std::vector<int64_t>{std::numeric_limits<int64_t>::min(), 0})
                                  .set("value_float", std::vector<double>{1.0 / 3.0, 6.02214076e23})
                                  .set("value_text", std::vector<std::string>{"日本語 テキスト", "a\rb"})
                                  .set("tag", std::vector<std::string>{"x,y", "z"}));
    db.update_element("Item", 4, Element().set("sibling_id", std::string("Ünïcødé, \"quoted\" label")));
}

class CsvRoundTrip : public ::testing::TestWithParam<int> {};

TEST_P(CsvRoundTrip, SameDatabaseKeepsFilesAndData) {
    const auto [tag, options] = option_sets()[static_cast<size_t>(GetParam())];
    auto db = make_db();
    seed(db);
    seed_awkward(db);
    const auto before = snapshot(db);
    for (const auto& [collection, group] : kTargets) {
        const auto first = file_for(collection, group, "first");
        const auto second = file_for(collection, group, "second");
        db.export_csv(collection, group, first, options);
        db.import_csv(collection, group, first, options);
        db.export_csv(collection, group, second, options);
        EXPECT_EQ(read_text(second), read_text(first)) << tag << " " << collection << "/" << group;
        EXPECT_EQ(snapshot(db), before) << tag << " " << collection << "/" << group;
    }
}

TEST_P(CsvRoundTrip, FreshDatabaseRebuiltFromFiles) {
    const auto [tag, options] = option_sets()[static_cast<size_t>(GetParam())];
    auto source = make_db("source.db");
    seed(source);
    seed_awkward(source);
    for (const auto& [collection, group] : kTargets) {
        source.export_csv(collection, group, file_for(collection, group, "source"), options);
    }
    auto copy = make_db("copy.db");
    for (const auto& [collection, group] : kTargets) {
        copy.import_csv(collection, group, file_for(collection, group, "source"), options);
    }
    for (const auto& [collection, group] : kTargets) {
        copy.export_csv(collection, group, file_for(collection, group, "copy"), options);
        EXPECT_EQ(read_text(file_for(collection, group, "copy")), read_text(file_for(collection, group, "source")))
            << tag << " " << collection << "/" << group;
    }
    // Same rows, same ids (labels were imported in id order), same AUTOINCREMENT counters.
    EXPECT_EQ(snapshot(copy), snapshot(source)) << tag;
}

std::string option_set_name(const ::testing::TestParamInfo<int>& info) {
    static const char* const names[] = {"Default", "Enums", "Dates", "EnumsAndDates"};
    return names[info.param];
}

INSTANTIATE_TEST_SUITE_P(Options, CsvRoundTrip, ::testing::Range(0, 4), option_set_name);

TEST(CsvRoundTripValues, TypedReadsMatchAfterRoundTrip) {
    auto db = make_db();
    seed(db);
    seed_awkward(db);
    const auto floats = db.read_scalar_floats("Item", "price");
    const auto strings = db.read_scalar_strings("Item", "description");
    const auto vectors = db.read_vector_floats("Item", "value_float");
    const auto texts = db.read_vector_strings("Item", "value_text");
    const auto path = csv_path("item.csv");
    db.export_csv("Item", "", path);
    db.import_csv("Item", "", path);
    db.export_csv("Item", "values", path);
    db.import_csv("Item", "values", path);
    EXPECT_EQ(db.read_scalar_floats("Item", "price"), floats);
    EXPECT_EQ(db.read_scalar_strings("Item", "description"), strings);
    EXPECT_EQ(db.read_vector_floats("Item", "value_float"), vectors);
    EXPECT_EQ(db.read_vector_strings("Item", "value_text"), texts);
    EXPECT_EQ(db.read_scalar_strings("Item", "description")[3],
              std::optional<std::string>("tab\there; semi, comma \"q\"\nnew line\r\nCRLF"));
    EXPECT_EQ(db.read_scalar_integers("Item", "quantity")[3], std::numeric_limits<int64_t>::max());
    EXPECT_EQ(db.read_vector_integers_by_id("Item", "value_int", 4),
              (std::vector<int64_t>{std::numeric_limits<int64_t>::min(), 0}));
}

TEST(CsvRoundTripValues, InsideUserTransaction) {
    auto db = make_db();
    seed(db);
    const auto path = csv_path("item.csv");
    db.begin_transaction();
    db.export_csv("Item", "", path);
    db.import_csv("Item", "", path);
    db.export_csv("Item", "", csv_path("again.csv"));
    EXPECT_TRUE(db.in_transaction());
    db.commit();
    EXPECT_EQ(read_text(csv_path("again.csv")), read_text(path));
}

}  // namespace
}  // namespace quiver
