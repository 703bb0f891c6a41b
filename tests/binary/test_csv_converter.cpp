// CSVConverter bad input (B13) and atomic replace (B14): a refused conversion leaves the
// previous file pair exactly as it was.
#include "binary_test_support.h"

#include "quiver/binary/csv_converter.h"

namespace quiver::test {
namespace {

class CsvToBin : public ::testing::Test {
protected:
    void SetUp() override {
        base = copy_fixture("monthly_daily", scratch_dir());
        qvr = read_bytes(base + ".qvr");
        toml = read_bytes(base + ".toml");
        csv = read_bytes(fixture_base("monthly_daily") + ".csv");
    }
    // Runs csv_to_bin on text and returns the error; the pair must be unchanged.
    std::string fails_with(const std::string& text) {
        write_bytes(base + ".csv", text);
        const auto error = error_of([&] { CSVConverter::csv_to_bin(base); });
        EXPECT_EQ(read_bytes(base + ".qvr"), qvr);
        EXPECT_EQ(read_bytes(base + ".toml"), toml);
        EXPECT_FALSE(std::filesystem::exists(base + ".qvr.tmp"));
        EXPECT_FALSE(std::filesystem::exists(base + ".toml.tmp"));
        return error;
    }
    std::string replace_line(size_t line, const std::string& text) const {
        std::vector<std::string> lines;
        std::istringstream in(csv);
        std::string l;
        while (std::getline(in, l)) lines.push_back(l);
        lines[line - 1] = text;
        std::string out;
        for (const auto& x : lines) out += x + "\n";
        return out;
    }
    std::string base, qvr, toml, csv;
};

TEST_F(CsvToBin, AcceptsCrlfAndTrailingEmptyLines) {
    std::string crlf;
    for (char c : csv) {
        if (c == '\n') crlf += '\r';
        crlf += c;
    }
    write_bytes(base + ".csv", crlf + "\n\r\n");
    CSVConverter::csv_to_bin(base);
    EXPECT_EQ(read_bytes(base + ".qvr"), qvr);
}

TEST_F(CsvToBin, StrictErrors) {
    const std::string prefix = "Cannot csv_to_bin: ";
    EXPECT_EQ(fails_with(""), prefix + "CSV header has 1 columns, expected 5");
    EXPECT_EQ(fails_with(replace_line(1, "date,plant_1,plant_2,plant_x")),
              prefix + "unexpected header in CSV file: 'date,plant_1,plant_2,plant_x'. Expected columns are: date, "
                       "plant_1, plant_2, plant_3");
    EXPECT_EQ(fails_with(replace_line(1, "datetime,plant_1,plant_2,plant_3")),
              prefix + "unexpected header in CSV file: 'datetime,plant_1,plant_2,plant_3'. Expected columns are: "
                       "date, plant_1, plant_2, plant_3");
    EXPECT_EQ(fails_with(replace_line(3, "2024-01-02,102,abc,102.5")),
              prefix + "line 3: invalid number 'abc' in column 'plant_2'");
    EXPECT_EQ(fails_with(replace_line(3, "2024-01-02,102,2.5x,102.5")),
              prefix + "line 3: invalid number '2.5x' in column 'plant_2'");
    EXPECT_EQ(fails_with(replace_line(3, "2024-01-02,102, 2.5,102.5")),
              prefix + "line 3: invalid number ' 2.5' in column 'plant_2'");
    EXPECT_EQ(fails_with(replace_line(3, "2024-01-02,102,102.5")), prefix + "line 3 has 3 fields, expected 4");
    EXPECT_EQ(fails_with(replace_line(3, "2024-1-02,102,1,1")),
              prefix + "line 3: CSV dimension 'date' has value '2024-1-02', expected '2024-01-02'");
    EXPECT_EQ(fails_with(csv.substr(0, csv.find("2024-03-31"))),
              prefix + "missing line 92 (expected 2024-03-31)");
    EXPECT_EQ(fails_with(csv + "2024-04-01,1,1,1\n"), prefix + "unexpected extra line 93");
    std::filesystem::remove(base + ".csv");
    EXPECT_EQ(error_of([&] { CSVConverter::csv_to_bin(base); }), "CSV file not found: " + base + ".csv");
    std::filesystem::remove(base + ".toml");
    EXPECT_EQ(error_of([&] { CSVConverter::csv_to_bin(base); }), "Metadata file not found: " + base + ".toml");
}

TEST_F(CsvToBin, SpecialValuesRoundTrip) {
    write_bytes(base + ".csv", replace_line(2, "2024-01-01,null,inf,-inf"));
    CSVConverter::csv_to_bin(base);
    auto f = BinaryFile::open_file(base, 'r');
    const auto v = f.read({{"stage", 1}, {"block", 1}}, true);
    EXPECT_TRUE(std::isnan(v[0]));
    EXPECT_EQ(v[1], std::numeric_limits<double>::infinity());
    EXPECT_EQ(v[2], -std::numeric_limits<double>::infinity());
    f.close();
    CSVConverter::bin_to_csv(base);
    EXPECT_NE(read_bytes(base + ".csv").find("2024-01-01,null,inf,-inf\n"), std::string::npos);
}

// B12: shortest round-trip text, so .qvr -> .csv -> .qvr is lossless.
TEST(BinToCsv, ShortestRoundTripValues) {
    const auto base = (scratch_dir() / "f").string();
    const std::vector<double> values = {1.23456789, 1e-07, 123456789.0, -0.0, 0.1, 1.0 / 3.0};
    BinaryMetadata md;
    md.version = "1";
    md.labels = {"v"};
    md.add_dimension("i", static_cast<int64_t>(values.size()));
    {
        auto f = BinaryFile::open_file(base, 'w', md);
        f.write_all(values);
    }
    const auto before = read_bytes(base + ".qvr");
    CSVConverter::bin_to_csv(base);
    EXPECT_EQ(read_bytes(base + ".csv"),
              "i,v\n1,1.23456789\n2,1e-07\n3,123456789\n4,-0\n5,0.1\n6,0.3333333333333333\n");
    CSVConverter::csv_to_bin(base);
    EXPECT_EQ(read_bytes(base + ".qvr"), before);
    EXPECT_EQ(error_of([&] { CSVConverter::bin_to_csv((scratch_dir() / "missing").string()); }),
              "Binary file not found: " + (scratch_dir() / "missing").string());
}

}  // namespace
}  // namespace quiver::test
