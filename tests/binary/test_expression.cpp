// Expressions: the two upstream expression fixtures rebuilt byte for byte, element-wise
// semantics, broadcasting, units, aggregation (incl. percentile), labels and save (§5).
#include "binary_test_support.h"

#include "quiver/binary/iteration.h"
#include "quiver/expression/expression.h"

namespace quiver::test {
namespace {

using Agg = ExpressionAggregate::Operation;
using AggAgents = ExpressionAggregateAgents::Operation;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Writes a file pair with the given values (storage order) and returns its base path.
std::string make_file(const std::string& name, const BinaryMetadata& md, const std::vector<double>& values) {
    const auto base = (scratch_dir() / name).string();
    auto f = BinaryFile::open_file(base, 'w', md);
    f.write_all(values);
    return base;
}

BinaryMetadata md_of(std::vector<std::pair<std::string, int64_t>> dims, std::vector<std::string> labels,
                     const std::string& unit = "MW") {
    BinaryMetadata md;
    md.version = "1";
    md.unit = unit;
    md.labels = std::move(labels);
    for (const auto& [n, s] : dims) md.add_dimension(n, s);
    return md;
}

std::vector<double> read_all(const std::string& base) {
    auto f = BinaryFile::open_file(base, 'r');
    std::vector<double> out(static_cast<size_t>(f.get_metadata().value_count()));
    f.read_all(out);
    return out;
}

void expect_values(const std::vector<double>& got, const std::vector<double>& want) {
    ASSERT_EQ(got.size(), want.size());
    for (size_t i = 0; i < got.size(); ++i) EXPECT_TRUE(same_value(got[i], want[i])) << i << ": " << got[i] << " vs " << want[i];
}

Expression open_expression(const std::string& base) {
    return Expression(BinaryFile(base));
}

TEST(ExpressionFixtures, BlockSumRebuildsUpstreamBytes) {
    const auto out = (scratch_dir() / "expr_block_sum").string();
    const BinaryFile input(fixture_base("monthly_daily"));
    Expression(input).aggregate("block", Agg::Sum).save(out);
    EXPECT_EQ(read_bytes(out + ".qvr"), read_bytes(fixture_base("expr_block_sum") + ".qvr"));
    EXPECT_EQ(read_bytes(out + ".toml"), read_bytes(fixture_base("expr_block_sum") + ".toml"));
}

TEST(ExpressionFixtures, IfElsePercentileRebuildsUpstreamBytes) {
    const auto out = (scratch_dir() / "expr_ifelse_p50").string();
    const Expression nulls(BinaryFile(fixture_base("nulls")));
    ifelse(nulls > 12.0, nulls * 10.0, nulls - 1.0).aggregate_agents(AggAgents::Percentile, 0.5).save(out);
    EXPECT_EQ(read_bytes(out + ".qvr"), read_bytes(fixture_base("expr_ifelse_p50") + ".qvr"));
    EXPECT_EQ(read_bytes(out + ".toml"), read_bytes(fixture_base("expr_ifelse_p50") + ".toml"));
}

TEST(ExpressionElementwise, ArithmeticComparisonsAndLogic) {
    const auto md = md_of({{"i", 4}}, {"v"});
    const auto a = open_expression(make_file("a", md, {1, -4, 0, kNaN}));
    const auto b = open_expression(make_file("b", md, {2, 2, 0, 1}));
    const auto out = (scratch_dir() / "out").string();
    const auto check = [&](const Expression& e, std::vector<double> want) {
        e.save(out);
        expect_values(read_all(out), want);
    };
    check(a + b, {3, -2, 0, kNaN});
    check(a - b, {-1, -6, 0, kNaN});
    check(a * 2.0, {2, -8, 0, kNaN});
    check(1.0 / a, {1, -0.25, std::numeric_limits<double>::infinity(), kNaN});
    check(a / b, {0.5, -2, kNaN, kNaN});
    check(-a, {-1, 4, -0.0, kNaN});
    check(abs(a), {1, 4, 0, kNaN});
    check(sqrt(a), {1, kNaN, 0, kNaN});
    check(log(b), {std::log(2.0), std::log(2.0), -std::numeric_limits<double>::infinity(), 0});
    check(exp(b - b), {1, 1, 1, 1});
    check(a > b, {0, 0, 0, kNaN});
    check(a < b, {1, 1, 0, kNaN});
    check(a >= b, {0, 0, 1, kNaN});
    check(a <= b, {1, 1, 1, kNaN});
    check(a == b, {0, 0, 1, kNaN});
    check(a != b, {1, 1, 0, kNaN});
    check(a && b, {1, 1, 0, kNaN});
    check(a || b, {1, 1, 0, kNaN});
    check(!a, {0, 0, 1, kNaN});
    check(3.0 > a, {1, 1, 1, kNaN});
    // A NaN in the branch not taken does not matter; a NaN condition gives NaN.
    check(ifelse(b, a, 7.0), {1, -4, 7, kNaN});
    check(ifelse(a, 5.0, b), {5, 5, 0, kNaN});
    check(ifelse(b > 1.0, 1.0, 0.0), {1, 1, 0, 0});
}

TEST(ExpressionBroadcast, ByNameWithSingletonsAndMissingDimensions) {
    const auto ab = open_expression(make_file("ab", md_of({{"s", 2}, {"t", 3}}, {"x", "y"}), {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}));
    const auto t_only = open_expression(make_file("t", md_of({{"t", 3}}, {"x", "y"}), {100, 200, 300, 400, 500, 600}));
    const auto s_one = open_expression(make_file("s1", md_of({{"s", 1}, {"u", 2}}, {"z"}), {1000, 2000}));
    const auto out = (scratch_dir() / "out").string();
    (ab + t_only).save(out);
    expect_values(read_all(out), {101, 202, 303, 404, 505, 606, 107, 208, 309, 410, 511, 612});
    // rhs-only dimension u appended; single label broadcast over x, y; s of size 1 read at 1.
    const auto e = ab + s_one;
    ASSERT_EQ(e.metadata().dimensions.size(), 3u);
    EXPECT_EQ(e.metadata().dimensions[2].name, "u");
    EXPECT_EQ(e.metadata().labels, (std::vector<std::string>{"x", "y"}));
    e.save(out);
    const auto got = read_all(out);
    EXPECT_EQ(got[0], 1001);   // s1 t1 u1 x
    EXPECT_EQ(got[3], 2002);   // s1 t1 u2 y
    EXPECT_EQ(got[12], 1007);      // (s=2, t=1, u=1, x): ((1*3+0)*2+0)*2
    EXPECT_EQ(got[14], 2007);      // (s=2, t=1, u=2, x)
    // Reordered dimensions on the rhs: (t, s) against (s, t).
    const auto ts = open_expression(make_file("ts", md_of({{"t", 3}, {"s", 2}}, {"x", "y"}), {1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3}));
    (ab * ts).save(out);
    expect_values(read_all(out), {1, 2, 6, 8, 15, 18, 7, 8, 18, 20, 33, 36});
}

TEST(ExpressionBroadcast, Errors) {
    const auto a = open_expression(make_file("a", md_of({{"s", 2}}, {"x", "y"}), {1, 2, 3, 4}));
    const auto b3 = open_expression(make_file("b", md_of({{"s", 3}}, {"x", "y"}), {1, 2, 3, 4, 5, 6}));
    const auto gwh = open_expression(make_file("g", md_of({{"s", 2}}, {"x", "y"}, "GWh"), {1, 2, 3, 4}));
    const auto xz = open_expression(make_file("xz", md_of({{"s", 2}}, {"x", "z"}), {1, 2, 3, 4}));
    const auto three = open_expression(make_file("three", md_of({{"s", 2}}, {"x", "y", "z"}), {1, 2, 3, 4, 5, 6}));
    EXPECT_EQ(error_of([&] { a + b3; }),
              "Cannot apply: dimension 's' has incompatible sizes 2 vs 3 (broadcasting requires n x n, 1 x n, or n x 1)");
    EXPECT_EQ(error_of([&] { a + gwh; }), "Cannot apply: units differ ('MW' vs 'GWh')");
    EXPECT_EQ(error_of([&] { static_cast<void>(a > gwh); }), "Cannot apply: units differ ('MW' vs 'GWh')");
    EXPECT_NO_THROW(a && gwh);
    EXPECT_EQ((a && gwh).metadata().unit, "");
    EXPECT_EQ((!a).metadata().unit, "");
    EXPECT_EQ((a * a).metadata().unit, "MW");
    EXPECT_EQ(error_of([&] { a + xz; }), "Cannot apply: labels have same size 2 but different content");
    EXPECT_EQ(error_of([&] { a + three; }), "Cannot apply: labels have incompatible sizes 2 vs 3");
    EXPECT_EQ(error_of([&] { ifelse(a, three, three); }),
              "Cannot apply: labels are incompatible across operands (non-singleton label sets must match)");
    EXPECT_EQ(error_of([&] { ifelse(a, a, gwh); }), "Cannot apply: units differ ('MW' vs 'GWh')");

    const auto md = BinaryMetadata::from_toml_file(fixture_base("monthly_daily"));
    const Expression monthly(BinaryFile(fixture_base("monthly_daily")));
    BinaryMetadata plain_stage = md_of({{"stage", 3}, {"block", 31}}, md.labels, "MWh");
    const auto plain = open_expression(make_file("plain", plain_stage, std::vector<double>(93 * 3, 1.0)));
    EXPECT_EQ(error_of([&] { monthly + plain; }),
              "Cannot apply: dimension 'stage' is a time dimension on lhs but not on rhs");
    BinaryMetadata shifted = md;
    shifted.initial_datetime += std::chrono::hours(24 * 31);  // starts in February
    std::vector<double> values(93 * 3, kNaN);
    const auto other = open_expression(make_file("shifted", shifted, values));
    EXPECT_EQ(error_of([&] { monthly + other; }), "Cannot apply: initial_datetime differs");
    BinaryMetadata mid = md;
    mid.initial_datetime += std::chrono::hours(24 * 14);
    const auto mid_month = open_expression(make_file("mid", mid, values));
    EXPECT_EQ(error_of([&] { monthly + mid_month; }), "Cannot apply: time dimension 'block' has incompatible TimeProperties");
}

TEST(ExpressionAggregate, PercentileAndReductionsAcrossLabels) {
    const auto e = open_expression(make_file("p", md_of({{"i", 1}}, {"a", "b", "c", "d", "e"}), {4, kNaN, 1, 3, 10}));
    const auto out = (scratch_dir() / "out").string();
    const auto one = [&](const Expression& x) {
        x.save(out);
        return read_all(out)[0];
    };
    EXPECT_EQ(one(e.aggregate_agents(AggAgents::Percentile, 0.0)), 1);
    EXPECT_EQ(one(e.aggregate_agents(AggAgents::Percentile, 0.25)), 2.5);
    EXPECT_EQ(one(e.aggregate_agents(AggAgents::Percentile, 0.5)), 3.5);
    EXPECT_NEAR(one(e.aggregate_agents(AggAgents::Percentile, 0.9)), 8.2, 1e-12);
    EXPECT_EQ(one(e.aggregate_agents(AggAgents::Percentile, 1.0)), 10);
    EXPECT_EQ(one(e.aggregate_agents(AggAgents::Mean)), 4.5);
    EXPECT_EQ(one(e.aggregate_agents(AggAgents::Sum)), 18);
    EXPECT_EQ(one(e.aggregate_agents(AggAgents::Min)), 1);
    EXPECT_EQ(one(e.aggregate_agents(AggAgents::Max)), 10);
    EXPECT_EQ(e.aggregate_agents(AggAgents::Max).metadata().labels, (std::vector<std::string>{"max"}));
    EXPECT_EQ(error_of([&] { e.aggregate_agents(AggAgents::Percentile); }),
              "Cannot aggregate_agents: operation 'percentile' requires a parameter");
    EXPECT_EQ(error_of([&] { e.aggregate_agents(AggAgents::Sum, 0.5); }),
              "Cannot aggregate_agents: operation 'sum' does not accept a parameter");
    EXPECT_EQ(error_of([&] { e.aggregate("i", Agg::Percentile, 1.5); }),
              "Cannot aggregate: percentile must be in [0, 1], got 1.500000");
    EXPECT_EQ(error_of([&] { e.aggregate("zzz", Agg::Sum); }), "Dimension not found: 'zzz' in operand metadata");
    EXPECT_EQ(error_of([&] { e.aggregate("i", Agg::Sum); }),
              "Cannot aggregate: invalid metadata: Number of dimensions must be positive, got 0");
}

TEST(ExpressionAggregate, OverEachDimensionPosition) {
    // s(3) x t(2), one label; values s*10 + t, with a NaN at (2, 1).
    const auto e = open_expression(make_file("m", md_of({{"s", 3}, {"t", 2}}, {"v"}), {11, 12, kNaN, 22, 31, 32}));
    const auto out = (scratch_dir() / "out").string();
    e.aggregate("s", Agg::Sum).save(out);
    expect_values(read_all(out), {42, 66});
    e.aggregate("s", Agg::Percentile, 0.5).save(out);
    expect_values(read_all(out), {21, 22});
    e.aggregate("t", Agg::Mean).save(out);
    expect_values(read_all(out), {11.5, 22, 31.5});
    e.aggregate("t", Agg::Min).save(out);
    expect_values(read_all(out), {11, 22, 31});
}

// B15: months of a daily file can be aggregated; padding is skipped.
TEST(ExpressionAggregate, OuterTimeDimensionSkipsPadding) {
    const Expression monthly(BinaryFile(fixture_base("monthly_daily")));
    const auto out = (scratch_dir() / "out").string();
    const auto e = monthly.aggregate("stage", Agg::Max);
    ASSERT_EQ(e.metadata().dimensions.size(), 1u);
    EXPECT_EQ(e.metadata().dimensions[0].time->parent_dimension_index, -1);
    EXPECT_EQ(e.metadata().dimensions[0].time->initial_value, 1);
    e.save(out);
    const auto got = read_all(out);
    EXPECT_EQ(got[0], 301);             // day 1: max over Jan, Feb, Mar
    EXPECT_EQ(got[29 * 3], 330);        // day 30: February has none
    EXPECT_EQ(got[30 * 3 + 1], 331.25); // day 31
}

TEST(ExpressionAggregate, ChildTimeWindowStartsAtTheInitialInstant) {
    const Expression hourly(BinaryFile(fixture_base("daily_hourly")));
    const auto out = (scratch_dir() / "out").string();
    hourly.aggregate("hour", Agg::Sum).save(out);
    double day1 = 0, day2 = 0;
    for (int h = 7; h <= 24; ++h) day1 += 100 + h + 0.5;
    for (int h = 1; h <= 24; ++h) day2 += 200 + h + 0.5;
    expect_values(read_all(out), {day1, day2});
}

TEST(ExpressionLabels, SelectAndRename) {
    const auto e = open_expression(make_file("l", md_of({{"i", 2}}, {"a", "b", "c"}), {1, 2, 3, 4, 5, 6}));
    const auto out = (scratch_dir() / "out").string();
    e.select_agents({"c", "a"}).save(out);
    expect_values(read_all(out), {3, 1, 6, 4});
    EXPECT_EQ(error_of([&] { e.select_agents({"x"}); }), "Cannot select_agents: label not found: 'x'");
    EXPECT_EQ(error_of([&] { e.select_agents({"a", "a"}); }),
              "Cannot select_agents: invalid metadata: Label names must be unique, duplicate: 'a'");
    EXPECT_EQ(error_of([&] { e.select_agents({}); }),
              "Cannot select_agents: invalid metadata: Number of labels must be positive, got 0");
    const auto swapped = e.rename_agents({{"a", "b"}, {"b", "a"}});
    EXPECT_EQ(swapped.metadata().labels, (std::vector<std::string>{"b", "a", "c"}));
    EXPECT_EQ(error_of([&] { e.rename_agents({{"a", "x"}, {"a", "y"}}); }), "Cannot rename_agents: duplicate key 'a'");
    EXPECT_EQ(error_of([&] { e.rename_agents({{"q", "x"}, {"r", "y"}}); }), "Cannot rename_agents: label not found: 'q'");
    EXPECT_EQ(error_of([&] { e.rename_agents({{"a", "c"}}); }),
              "Cannot rename_agents: invalid metadata: Label names must be unique, duplicate: 'c'");
}

TEST(ExpressionSave, CollisionsLocksAndRepeatedSaves) {
    const auto base = make_file("in", md_of({{"i", 2}}, {"v"}), {1, 2});
    const auto e = open_expression(base) * 2.0;
    EXPECT_EQ(error_of([&] { e.save(base); }), "Cannot save: output path collides with input file '" + base + "'");
    const auto dotted = (scratch_dir() / "." / "in").string();
    EXPECT_NE(error_of([&] { e.save(dotted); }).find("output path collides"), std::string::npos);
    const auto out = (scratch_dir() / "out").string();
    e.save(out);
    e.save(out);  // repeatable, and the inputs were closed again
    expect_values(read_all(out), {2, 4});
    {
        auto writer = BinaryFile::open_file(base, 'w', md_of({{"i", 2}}, {"v"}));
        EXPECT_EQ(error_of([&] { e.save(out); }),
                  "Cannot open_file: file is already open for writing: " + std::filesystem::weakly_canonical(base).string());
    }
    EXPECT_FALSE(std::filesystem::exists(out + ".qvr.tmp"));
    expect_values(read_all(out), {2, 4});
    // The operand handle may be closed or missing: only its path is used.
    EXPECT_EQ(error_of([] { Expression(BinaryFile("/nonexistent/f")); }), "Metadata file not found: /nonexistent/f.toml");
}

TEST(ExpressionNodes, ComputeRowOnTheContract) {
    const auto base = make_file("in", md_of({{"i", 2}}, {"v", "w"}), {1, 2, 3, 4});
    auto node = std::make_shared<ExpressionFile>(base);
    EXPECT_EQ(node->path(), base);
    const auto sum = std::make_shared<ExpressionBinary>(ExpressionBinary::Operation::Add, node,
                                                        std::make_shared<ExpressionScalar>(10.0, node->metadata()));
    std::vector<double> out;
    sum->compute_row({2}, out);
    EXPECT_EQ(out, (std::vector<double>{13, 14}));
    EXPECT_EQ(error_of([&] { sum->compute_row({3}, out); }), "Cannot compute_row: dimension 'i' value 3 is out of bounds [1, 2]");
    std::vector<BinaryFile*> files;
    sum->collect_input_files(files);
    ASSERT_EQ(files.size(), 1u);
    files[0]->close();
}

}  // namespace
}  // namespace quiver::test
