// BinaryMetadata: TOML reading (B5), validation rules (§2.4, B6, B11), builders (B4), from_element.
#include "binary_test_support.h"

#include "quiver/binary/iteration.h"
#include "quiver/binary/time_constants.h"

namespace quiver::test {
namespace {

const std::string kValid =
    "version = '1'\ndimensions = ['stage', 'block']\ndimension_sizes = [3, 31]\n"
    "time_dimensions = ['stage', 'block']\nfrequencies = ['monthly', 'daily']\n"
    "initial_datetime = '2024-01-01T00:00:00'\nunit = 'MWh'\nlabels = ['p1']\n";

std::string with(const std::string& key, const std::string& line) {
    std::string out;
    std::istringstream in(kValid);
    std::string l;
    bool replaced = false;
    while (std::getline(in, l)) {
        if (l.rfind(key + " =", 0) == 0) {
            if (!line.empty()) out += line + "\n";
            replaced = true;
        } else {
            out += l + "\n";
        }
    }
    if (!replaced) out += line + "\n";
    return out;
}

std::string toml_error(const std::string& text) {
    return error_of([&] { BinaryMetadata::from_toml_content(text); });
}

TEST(BinaryMetadataToml, AcceptsAnyValidTomlSpelling) {
    const auto md = BinaryMetadata::from_toml_content(
        "# comment\nlabels = [\"p1\"]\nunit = \"MWh\"\nversion = \"1\"\nextra = 5\n"
        "dimension_sizes = [ 3,\n 31 ]\ndimensions = ['stage','block']\ninitial_datetime = '2024-01-01'\n"
        "time_dimensions = ['stage', 'block']\nfrequencies = ['monthly', 'daily']\n");
    EXPECT_EQ(md.dimensions.size(), 2u);
    EXPECT_EQ(md.dimensions[1].time->initial_value, 1);
    EXPECT_EQ(md.to_toml(),
              "dimension_sizes = [ 3, 31 ]\ndimensions = [ 'stage', 'block' ]\nfrequencies = [ 'monthly', 'daily' ]\n"
              "initial_datetime = '2024-01-01T00:00:00'\nlabels = [ 'p1' ]\ntime_dimensions = [ 'stage', 'block' ]\n"
              "unit = 'MWh'\nversion = '1'");
}

TEST(BinaryMetadataToml, OptionalTimeArraysDefaultToEmpty) {
    const auto plain = BinaryMetadata::from_toml_content(
        "version='1'\ndimensions=['a']\ndimension_sizes=[2]\ninitial_datetime='2025-01-01T00:00:00'\nunit=''\n"
        "labels=['x']\n");
    EXPECT_EQ(plain.number_of_time_dimensions(), 0);
}

TEST(BinaryMetadataToml, StrictErrors) {
    EXPECT_EQ(toml_error("a = [").rfind("Cannot from_toml: TOML syntax error: ", 0), 0u);
    EXPECT_NE(toml_error("a = [").find("(line 1, column"), std::string::npos);
    EXPECT_EQ(toml_error(with("labels", "labels = ['a', 3]")), "Cannot from_toml: 'labels' entry 1 must be a string");
    EXPECT_EQ(toml_error(with("dimension_sizes", "dimension_sizes = [3, 31.0]")),
              "Cannot from_toml: 'dimension_sizes' entry 1 must be an integer");
    EXPECT_EQ(toml_error(with("dimension_sizes", "dimension_sizes = [3]")),
              "Cannot from_toml: 'dimensions' has 2 entries but 'dimension_sizes' has 1");
    EXPECT_EQ(toml_error(with("frequencies", "frequencies = ['monthly']")),
              "Cannot from_toml: 'time_dimensions' has 2 entries but 'frequencies' has 1");
    EXPECT_EQ(toml_error(with("unit", "")), "Cannot from_toml: missing key 'unit'");
    EXPECT_EQ(toml_error(with("version", "version = 1")), "Cannot from_toml: key 'version' must be a string");
    EXPECT_EQ(toml_error(with("initial_datetime", "initial_datetime = 2025-01-01T00:00:00")),
              "Cannot from_toml: key 'initial_datetime' must be a string");
    EXPECT_EQ(toml_error(with("dimensions", "")), "Cannot from_toml: missing key 'dimensions'");
    EXPECT_EQ(toml_error(with("labels", "labels = 'x'")), "Cannot from_toml: key 'labels' must be an array");
    EXPECT_EQ(toml_error(with("time_dimensions", "time_dimensions = ['stage', 'x']")),
              "Cannot from_toml: invalid metadata: time dimension 'x' is not in dimensions");
    EXPECT_EQ(toml_error(with("time_dimensions", "time_dimensions = ['block', 'stage']")),
              "Cannot from_toml: invalid metadata: time dimensions must appear in the same order as dimensions");
    EXPECT_EQ(toml_error(with("frequencies", "frequencies = ['Monthly', 'daily']")),
              "Cannot from_toml: unknown frequency: Monthly");
    EXPECT_EQ(toml_error(with("version", "version = '2'")),
              "Cannot from_toml: invalid metadata: Incompatible file version: expected 1, got 2");
}

TEST(BinaryMetadataToml, StrictDatetimes) {
    for (const char* bad : {"2025-1-1T0:0:0", " 2025-01-01", "2025-01-01T00:00:00.5", "2025-02-30", "2025-01-01T24:00:00",
                            "2025-13-01", "2025-01-01T00:00:60", "x", ""}) {
        EXPECT_EQ(toml_error(with("initial_datetime", std::string("initial_datetime = '") + bad + "'")),
                  std::string("Cannot from_toml: invalid initial_datetime '") + bad +
                      "' (expected YYYY-MM-DDTHH:MM:SS)");
    }
    for (const char* good : {"2025-01-01", "2025-01-01 10:00:00", "2025-01-01T10:00:00Z", "2024-02-29T23:59:59"}) {
        EXPECT_NO_THROW(BinaryMetadata::from_toml_content(
            with("initial_datetime", std::string("initial_datetime = '") + good + "'")))
            << good;
    }
    EXPECT_EQ(toml_error(with("initial_datetime", "initial_datetime = '0001-01-01T00:00:00'")),
              "Cannot from_toml: invalid metadata: datetime range exceeds 1678..2261");
    // The last stage would be 2262.
    EXPECT_EQ(toml_error(with("initial_datetime", "initial_datetime = '2261-12-01T00:00:00'")),
              "Cannot from_toml: invalid metadata: datetime range exceeds 1678..2261");
}

std::string validate_error(const BinaryMetadata& md) {
    return error_of([&] { md.validate(); });
}

TEST(BinaryMetadataValidate, RulesInOrder) {
    auto md = plain_metadata();
    EXPECT_NO_THROW(md.validate());
    const std::string prefix = "Cannot validate: invalid metadata: ";
    auto m = md;
    m.version = "";
    EXPECT_EQ(validate_error(m), prefix + "Incompatible file version: expected 1, got ");
    m = md;
    m.dimensions.clear();
    EXPECT_EQ(validate_error(m), prefix + "Number of dimensions must be positive, got 0");
    m = md;
    m.labels.clear();
    EXPECT_EQ(validate_error(m), prefix + "Number of labels must be positive, got 0");
    m = md;
    m.dimensions[1].size = 0;
    EXPECT_EQ(validate_error(m), prefix + "Dimension size at index 1 must be positive, got 0");
    m = md;
    m.dimensions[1].name = "row";
    EXPECT_EQ(validate_error(m), prefix + "Dimension names must be unique, duplicate: 'row'");
    m = md;
    m.labels = {"a", "a"};
    EXPECT_EQ(validate_error(m), prefix + "Label names must be unique, duplicate: 'a'");
    for (const char* bad : {"", "a,b", "a\"b", "a\nb", "a\rb"}) {
        m = md;
        m.labels = {bad};
        EXPECT_EQ(validate_error(m), prefix +
                                         "Dimension names and labels must be non-empty and must not contain ',', '\"', "
                                         "CR or LF: '" + bad + "'");
    }
    m = md;
    m.dimensions[0].size = int64_t{1} << 40;
    m.dimensions[1].size = int64_t{1} << 30;
    EXPECT_EQ(validate_error(m), prefix + "Number of values exceeds the largest file size");
}

BinaryMetadata timed(std::initializer_list<std::tuple<const char*, int64_t, const char*>> dims) {
    BinaryMetadata md;
    md.version = "1";
    md.labels = {"v"};
    md.initial_datetime = BinaryMetadata::from_toml_content(with("unit", "unit = ''")).initial_datetime;
    for (const auto& [name, size, freq] : dims) {
        if (freq) {
            md.add_time_dimension(name, size, freq);
        } else {
            md.add_dimension(name, size);
        }
    }
    return md;
}

TEST(BinaryMetadataValidate, TimeRules) {
    const std::string prefix = "Cannot validate: invalid metadata: ";
    EXPECT_EQ(validate_error(timed({{"a", 3, "monthly"}, {"b", 3, "monthly"}})),
              prefix + "Time dimension frequencies must be unique. Duplicate: monthly");
    EXPECT_EQ(validate_error(timed({{"a", 31, "daily"}, {"b", 3, "monthly"}})),
              prefix + "Time dimension frequencies must be ordered from lowest to highest frequency.");
    EXPECT_EQ(validate_error(timed({{"a", 3, "monthly"}, {"b", 5, "weekly"}})),
              prefix + "If WEEKLY frequency is present, it must be the lowest frequency.");
    EXPECT_EQ(validate_error(timed({{"a", 3, "monthly"}, {"b", 32, "daily"}})),
              prefix + "Time dimension 'b' with frequency 'daily' has size 32 which is out of bounds [28, 31] based "
                       "on the next lower frequency: 'monthly'");
    EXPECT_EQ(validate_error(timed({{"a", 3, "daily"}, {"s", 2, nullptr}, {"b", 23, "hourly"}})),
              prefix + "Time dimension 'b' with frequency 'hourly' has size 23 which is out of bounds [24, 24] based "
                       "on the next lower frequency: 'daily'");
    EXPECT_NO_THROW(timed({{"y", 2, "yearly"}, {"d", 366, "daily"}}).validate());
    EXPECT_NO_THROW(timed({{"w", 2, "weekly"}, {"h", 168, "hourly"}}).validate());
    // Rule 11 is only reachable through validate_time_dimension_sizes on hand-built metadata.
    auto md = timed({{"a", 3, "monthly"}, {"b", 3, "monthly"}});
    EXPECT_EQ(error_of([&] { md.validate_time_dimension_sizes(); }),
              prefix + "Invalid parent/child frequency combination: monthly inside monthly");
    EXPECT_EQ(error_of([&] { md.validate_time_dimension_metadata(); }),
              prefix + "Time dimension frequencies must be unique. Duplicate: monthly");
}

TEST(BinaryMetadataBuild, BuildersDeriveTimeProperties) {
    BinaryMetadata md;
    md.version = "1";
    md.labels = {"v"};
    md.initial_datetime = BinaryMetadata::from_toml_content(
                              with("initial_datetime", "initial_datetime = '2025-01-01T10:00:00'"))
                              .initial_datetime;
    md.add_time_dimension("m", 2, "monthly");
    md.add_dimension("s", 2);
    md.add_time_dimension("d", 31, "daily");
    md.add_time_dimension("h", 24, "hourly");
    EXPECT_EQ(md.dimensions[0].time->initial_value, 1);
    EXPECT_EQ(md.dimensions[2].time->parent_dimension_index, 0);
    EXPECT_EQ(md.dimensions[3].time->parent_dimension_index, 2);
    EXPECT_EQ(md.dimensions[3].time->initial_value, 11);
    EXPECT_EQ(first_dimensions(md), (std::vector<int64_t>{1, 1, 1, 11}));
    EXPECT_EQ(error_of([&] { md.add_time_dimension("x", 2, "Daily"); }),
              "Cannot add_time_dimension: unknown frequency: Daily");
    EXPECT_EQ(md.value_count(), 2 * 2 * 31 * 24);
    EXPECT_EQ(md.number_of_time_dimensions(), 3);
    BinaryMetadata fresh;
    EXPECT_EQ(fresh.version, "");
    EXPECT_EQ(frequency_to_string(TimeFrequency::Weekly), "weekly");
    EXPECT_EQ(frequency_from_string("hourly"), TimeFrequency::Hourly);
    EXPECT_EQ(time::MAX_HOURS_IN_YEAR, 8784);
    EXPECT_EQ(time::MIN_WEEKS_IN_YEAR, 52);
}

TEST(BinaryMetadataBuild, FromElement) {
    Element e;
    e.set("version", "1").set("initial_datetime", "2025-03-15T00:00:00").set("unit", "MW");
    e.set("dimensions", std::vector<std::string>{"m", "d"});
    e.set("dimension_sizes", std::vector<int64_t>{2, 31});
    e.set("time_dimensions", std::vector<std::string>{"m", "d"});
    e.set("frequencies", std::vector<std::string>{"monthly", "daily"});
    e.set("labels", std::vector<std::string>{"x"});
    e.set("ignored", 5);
    const auto md = BinaryMetadata::from_element(e);
    EXPECT_EQ(md.dimensions[1].time->initial_value, 15);
    EXPECT_EQ(first_dimensions(md), (std::vector<int64_t>{1, 15}));

    Element missing = e;
    missing.set("unit", 5);
    EXPECT_EQ(error_of([&] { BinaryMetadata::from_element(missing); }),
              "Cannot from_element: scalar 'unit' must be a string");
    Element no_unit;
    EXPECT_EQ(error_of([&] { BinaryMetadata::from_element(no_unit); }), "Cannot from_element: missing scalar 'version'");
    Element bad = e;
    bad.set("labels", std::vector<int64_t>{1});
    EXPECT_EQ(error_of([&] { BinaryMetadata::from_element(bad); }),
              "Cannot from_element: array 'labels' must contain strings");
    bad = e;
    bad.set("dimension_sizes", std::vector<std::string>{"2", "31"});
    EXPECT_EQ(error_of([&] { BinaryMetadata::from_element(bad); }),
              "Cannot from_element: array 'dimension_sizes' must contain integers");
    bad = e;
    bad.set("dimension_sizes", std::vector<int64_t>{2, 40});
    EXPECT_NE(error_of([&] { BinaryMetadata::from_element(bad); }).find("Cannot from_element: invalid metadata: "),
              std::string::npos);
}

TEST(BinaryMetadataToml, FileNotFoundAndToTomlValidates) {
    EXPECT_EQ(error_of([] { BinaryMetadata::from_toml_file("/nonexistent/x"); }),
              "Metadata file not found: /nonexistent/x.toml");
    BinaryMetadata md;
    EXPECT_EQ(error_of([&] { md.to_toml(); }),
              "Cannot to_toml: invalid metadata: Incompatible file version: expected 1, got ");
}

TEST(TimeProperties, OffsetsAndPositions) {
    const auto base = BinaryMetadata::from_toml_content(
                          with("initial_datetime", "initial_datetime = '2025-01-31T10:30:15'"))
                          .initial_datetime;
    TimeProperties monthly{TimeFrequency::Monthly, 1, -1};
    const auto next = monthly.add_offset_from_int(base, 2);  // 2025-02-31 -> 2025-03-03, time kept (B2)
    TimeProperties daily{TimeFrequency::Daily, 1, 0};
    EXPECT_EQ(daily.datetime_to_int(next), 3);
    TimeProperties hourly{TimeFrequency::Hourly, 1, 1};
    EXPECT_EQ(hourly.datetime_to_int(next), 11);
    EXPECT_EQ(hourly.position_in_parent(next, TimeFrequency::Monthly), 2 * 24 + 11);
    EXPECT_EQ(daily.position_in_parent(next, TimeFrequency::Yearly), 31 + 28 + 3);
    EXPECT_EQ(daily.position_in_parent(base, TimeFrequency::Weekly), 3);  // 31 Jan = day 31, (30 mod 7) + 1
    TimeProperties yearly{TimeFrequency::Yearly, 1, -1};
    EXPECT_EQ(error_of([&] { yearly.datetime_to_int(base); }).rfind("Cannot datetime_to_int: yearly", 0), 0u);
    yearly.set_initial_value(3);
    EXPECT_EQ(yearly.initial_value, 3);
}

}  // namespace
}  // namespace quiver::test
