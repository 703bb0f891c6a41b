// Iteration order and window sizes (binary.md §3.7, B3).
#include "binary_test_support.h"

#include "quiver/binary/csv_converter.h"
#include "quiver/binary/iteration.h"

namespace quiver::test {
namespace {

BinaryMetadata from_toml(const std::string& dims, const std::string& sizes, const std::string& times,
                         const std::string& freqs, const std::string& start) {
    return BinaryMetadata::from_toml_content("version='1'\nunit=''\nlabels=['v']\ndimensions=[" + dims +
                                             "]\ndimension_sizes=[" + sizes + "]\ntime_dimensions=[" + times +
                                             "]\nfrequencies=[" + freqs + "]\ninitial_datetime='" + start + "'\n");
}

std::vector<std::vector<int64_t>> walk(const BinaryMetadata& md, size_t limit = 100000) {
    std::vector<std::vector<int64_t>> out;
    std::optional<std::vector<int64_t>> v = first_dimensions(md);
    while (v && out.size() < limit) {
        out.push_back(*v);
        v = next_dimensions(md, *v);
    }
    return out;
}

TEST(Iteration, EveryParentRepetitionOfTheFirstPeriodStartsAtTheStartInstant) {
    const auto md = from_toml("'month','scenario','day'", "2,2,31", "'month','day'", "'monthly','daily'",
                              "2024-02-27T00:00:00");
    const auto cells = walk(md);
    const std::vector<std::vector<int64_t>> head = {{1, 1, 27}, {1, 1, 28}, {1, 1, 29}, {1, 2, 27},
                                                    {1, 2, 28}, {1, 2, 29}, {2, 1, 1}};
    ASSERT_GE(cells.size(), head.size());
    EXPECT_EQ(std::vector<std::vector<int64_t>>(cells.begin(), cells.begin() + 7), head);
    EXPECT_EQ(cells.size(), 6u + 2 * 31);  // March has 31 days
    EXPECT_EQ(dimension_sizes_at_values(md, {1, 1, 27}), (std::vector<int64_t>{2, 2, 29}));
}

// B3: a child declared shorter than its longest period is clamped, never overrun.
TEST(Iteration, ShortDeclaredChildIsClamped) {
    const auto md = from_toml("'month','day'", "3,28", "'month','day'", "'monthly','daily'", "2025-01-01T00:00:00");
    const auto cells = walk(md);
    EXPECT_EQ(cells.size(), 3u * 28);
    EXPECT_EQ(cells.back(), (std::vector<int64_t>{3, 28}));
    const auto base = (scratch_dir() / "short").string();
    {
        auto f = BinaryFile::open_file(base, 'w', md);
        const double one = 1;
        for (const auto& c : cells) f.write_at(c, std::span<const double>(&one, 1));
    }
    EXPECT_NO_THROW(CSVConverter::bin_to_csv(base));
    EXPECT_NO_THROW(CSVConverter::csv_to_bin(base));
}

TEST(Iteration, StartBeyondAShortChildIsInvalid) {
    EXPECT_EQ(error_of([] {
                  from_toml("'month','day'", "3,28", "'month','day'", "'monthly','daily'", "2025-01-30T00:00:00");
              }),
              "Cannot from_toml: invalid metadata: Time dimension 'day' starts at position 30, beyond its size 28");
}

TEST(Iteration, HourlyInYearAndWeeks) {
    const auto yearly = from_toml("'y','h'", "2,8784", "'y','h'", "'yearly','hourly'", "2023-07-01T12:00:00");
    const auto cells = walk(yearly, 20000);
    // Rest of 2023 from 1 July 12:00 (184 days, minus 12 hours), then all of leap 2024.
    EXPECT_EQ(cells.size(), 184u * 24 - 12 + 366u * 24);
    EXPECT_EQ(cells.front(), (std::vector<int64_t>{1, (181 * 24) + 13}));
    const auto weekly = from_toml("'w','d'", "3,7", "'w','d'", "'weekly','daily'", "2025-01-10T00:00:00");
    const auto days = walk(weekly);
    EXPECT_EQ(days.front(), (std::vector<int64_t>{1, 3}));  // 10 January is day 3 of the 7-day block from 8 January
    EXPECT_EQ(days.size(), 5u + 7 + 7);
}

TEST(Iteration, PlainDimensionsAndBadInput) {
    auto md = plain_metadata();
    EXPECT_EQ(walk(md).size(), 6u);
    EXPECT_EQ(next_dimensions(md, {1}), std::nullopt);
    EXPECT_EQ(next_dimensions(md, {3, 2}), std::nullopt);
    EXPECT_EQ(dimension_sizes_at_values(md, {1, 1}), (std::vector<int64_t>{3, 2}));
}

}  // namespace
}  // namespace quiver::test
