// Interop with upstream: every fixture of shared/fixtures/binary is decoded from raw bytes, read
// through the API, written again byte for byte, converted to both CSV forms and back.
#include "binary_test_support.h"

#include "quiver/binary/csv_converter.h"
#include "quiver/binary/iteration.h"

#include <cctype>
#include <unordered_map>

namespace quiver::test {
namespace {

class FixtureTest : public ::testing::TestWithParam<std::string> {
protected:
    const nlohmann::json& f() const { return fixture(GetParam()); }
    std::string base() const { return fixture_base(GetParam()); }
};

std::unordered_map<std::string, int64_t> dims_of(const nlohmann::json& sample) {
    std::unordered_map<std::string, int64_t> dims;
    for (auto it = sample["dims"].begin(); it != sample["dims"].end(); ++it) dims[it.key()] = it.value();
    return dims;
}

// Our text for an upstream error (B1/B10): "Cannot read: " + message with a lower-case first
// letter; the null message lists the dimensions in metadata order.
std::string expected_error(const nlohmann::json& fx, const nlohmann::json& sample, std::string upstream) {
    upstream = upstream.substr(std::string("error: ").size());
    if (upstream.rfind("Cannot read: data at", 0) == 0) {
        std::string text = "Cannot read: data at {";
        bool first = true;
        for (const auto& d : fx["metadata"]["dimensions"]) {
            const std::string name = d["name"];
            text += (first ? "" : ", ") + name + "=" + std::to_string(sample["dims"][name].get<int64_t>());
            first = false;
        }
        return text + "} contains null values";
    }
    upstream[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(upstream[0])));
    return "Cannot read: " + upstream;
}

TEST_P(FixtureTest, SamplesDecodeFromRawBytes) {
    const std::string qvr = read_bytes(base() + ".qvr");
    EXPECT_EQ(qvr.size(), f()["layout"]["qvr_size_bytes"].get<size_t>());
    for (const auto& s : f()["samples"]) {
        if (!s.contains("raw_le_hex")) continue;
        size_t offset = s["byte_offset"];
        for (size_t k = 0; k < s["raw_le_hex"].size(); ++k) {
            const std::string hex = s["raw_le_hex"][k];
            std::string raw;
            for (size_t i = 0; i < 16; i += 2) raw.push_back(static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16)));
            EXPECT_EQ(qvr.substr(offset + k * 8, 8), raw) << s["dims"];
            double value;
            std::memcpy(&value, raw.data(), 8);
            EXPECT_TRUE(same_value(value, json_value(s["file_values"][k]))) << s["dims"];
        }
    }
}

TEST_P(FixtureTest, MetadataMatchesManifest) {
    const auto md = BinaryMetadata::from_toml_file(base());
    const auto& m = f()["metadata"];
    EXPECT_EQ(md.version, m["version"]);
    EXPECT_EQ(md.unit, m["unit"]);
    EXPECT_EQ(md.labels, m["labels"].get<std::vector<std::string>>());
    EXPECT_EQ(md.number_of_time_dimensions(), m["number_of_time_dimensions"]);
    ASSERT_EQ(md.dimensions.size(), m["dimensions"].size());
    for (size_t i = 0; i < md.dimensions.size(); ++i) {
        const auto& d = m["dimensions"][i];
        EXPECT_EQ(md.dimensions[i].name, d["name"]);
        EXPECT_EQ(md.dimensions[i].size, d["size"]);
        ASSERT_EQ(md.dimensions[i].is_time_dimension(), !d["time"].is_null());
        if (d["time"].is_null()) continue;
        EXPECT_EQ(frequency_to_string(md.dimensions[i].time->frequency), d["time"]["frequency"]);
        EXPECT_EQ(md.dimensions[i].time->initial_value, d["time"]["initial_value"]);
        EXPECT_EQ(md.dimensions[i].time->parent_dimension_index, d["time"]["parent_dimension_index"]);
    }
    EXPECT_EQ(md.value_count() * 8, f()["layout"]["qvr_size_bytes"].get<int64_t>());
    EXPECT_EQ(md.to_toml(), read_bytes(base() + ".toml"));
}

TEST_P(FixtureTest, ReadsMatchUpstream) {
    auto file = BinaryFile::open_file(base(), 'r');
    for (const auto& s : f()["samples"]) {
        const auto dims = dims_of(s);
        for (const bool allow_nulls : {true, false}) {
            const auto& want = s[allow_nulls ? "read_allow_nulls" : "read_strict"];
            if (want.is_string() && want.get<std::string>().rfind("error: ", 0) == 0) {
                EXPECT_EQ(error_of([&] { file.read(dims, allow_nulls); }), expected_error(f(), s, want)) << s["dims"];
                continue;
            }
            const auto values = file.read(dims, allow_nulls);
            ASSERT_EQ(values.size(), s["file_values"].size());
            for (size_t k = 0; k < values.size(); ++k) {
                EXPECT_TRUE(same_value(values[k], json_value(s["file_values"][k]))) << s["dims"];
            }
        }
    }
}

TEST_P(FixtureTest, IterationAndCellClasses) {
    const auto md = BinaryMetadata::from_toml_file(base());
    auto v = first_dimensions(md);
    EXPECT_EQ(v, f()["iteration"]["first"].get<std::vector<int64_t>>());
    int64_t count = 1;
    std::vector<int64_t> last = v;
    while (auto next = next_dimensions(md, last)) {
        last = *next;
        ++count;
    }
    EXPECT_EQ(count, f()["iteration"]["count"]);
    EXPECT_EQ(last, f()["iteration"]["last"].get<std::vector<int64_t>>());

    // Padding cells are exactly those the API refuses.
    auto file = BinaryFile::open_file(base(), 'r');
    for (const auto& cell : f()["cells"]["examples_padding"]) {
        const auto coords = cell.get<std::vector<int64_t>>();
        std::vector<double> out(md.labels.size());
        EXPECT_NE(error_of([&] { file.read_at(coords, out, true); }).find("invalid values for time dimensions"),
                  std::string::npos);
    }
    for (const auto& cell : f()["cells"]["examples_addressable_not_iterated"]) {
        std::vector<double> out(md.labels.size());
        file.read_at(cell.get<std::vector<int64_t>>(), out, true);
        for (double x : out) EXPECT_TRUE(std::isnan(x));
    }
}

// Writes every iterated cell's values (read from the fixture) into a new file pair.
TEST_P(FixtureTest, WritingTheSameValuesGivesTheSameBytes) {
    const auto md = BinaryMetadata::from_toml_file(base());
    auto source = BinaryFile::open_file(base(), 'r');
    const auto out_base = (scratch_dir() / GetParam()).string();
    {
        // Build the metadata through the builders, as a user would (B4: no initial values set).
        BinaryMetadata built;
        built.version = "1";
        built.unit = md.unit;
        built.labels = md.labels;
        built.initial_datetime = md.initial_datetime;
        for (const auto& d : md.dimensions) {
            if (d.time) {
                built.add_time_dimension(d.name, d.size, frequency_to_string(d.time->frequency));
            } else {
                built.add_dimension(d.name, d.size);
            }
        }
        auto out = BinaryFile::open_file(out_base, 'w', built);
        std::optional<std::vector<int64_t>> v = first_dimensions(md);
        std::unordered_map<std::string, int64_t> dims;
        while (v) {
            for (size_t i = 0; i < v->size(); ++i) dims[md.dimensions[i].name] = (*v)[i];
            out.write(source.read(dims, true), dims);
            v = next_dimensions(md, *v);
        }
    }
    EXPECT_EQ(read_bytes(out_base + ".qvr"), read_bytes(base() + ".qvr"));
    EXPECT_EQ(read_bytes(out_base + ".toml"), read_bytes(base() + ".toml"));
}

TEST_P(FixtureTest, ReadAllWriteAllRoundTrip) {
    auto source = BinaryFile::open_file(base(), 'r');
    std::vector<double> all(static_cast<size_t>(source.get_metadata().value_count()));
    source.read_all(all);
    const auto out_base = (scratch_dir() / GetParam()).string();
    {
        auto out = BinaryFile::open_file(out_base, 'w', source.get_metadata());
        out.write_all(all);
    }
    EXPECT_EQ(read_bytes(out_base + ".qvr"), read_bytes(base() + ".qvr"));
    EXPECT_EQ(read_bytes(out_base + ".toml"), read_bytes(base() + ".toml"));
}

TEST_P(FixtureTest, BinToCsvReproducesBothForms) {
    const auto copy = copy_fixture(GetParam(), scratch_dir());
    const bool has_dims_csv = f()["files"].contains("csv_dimension_columns");
    CSVConverter::bin_to_csv(copy, true);
    EXPECT_EQ(read_bytes(copy + ".csv"), read_bytes(base() + ".csv"));
    CSVConverter::bin_to_csv(copy, false);
    EXPECT_EQ(read_bytes(copy + ".csv"), read_bytes(base() + (has_dims_csv ? ".dims.csv" : ".csv")));
}

TEST_P(FixtureTest, CsvToBinReproducesTheFilePair) {
    std::vector<std::string> forms = {".csv"};
    if (f()["files"].contains("csv_dimension_columns")) forms.push_back(".dims.csv");
    for (const auto& form : forms) {
        const auto dir = scratch_dir() / form.substr(1);
        std::filesystem::create_directories(dir);
        const auto base_path = (dir / GetParam()).string();
        std::filesystem::copy_file(fixture_base(GetParam()) + ".toml", base_path + ".toml");
        std::filesystem::copy_file(fixture_base(GetParam()) + form, base_path + ".csv");
        CSVConverter::csv_to_bin(base_path);
        EXPECT_EQ(read_bytes(base_path + ".qvr"), read_bytes(base() + ".qvr")) << form;
        EXPECT_EQ(read_bytes(base_path + ".toml"), read_bytes(base() + ".toml")) << form;
        EXPECT_FALSE(std::filesystem::exists(base_path + ".qvr.tmp"));
    }
}

INSTANTIATE_TEST_SUITE_P(Upstream, FixtureTest, ::testing::ValuesIn(fixture_names()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace quiver::test
