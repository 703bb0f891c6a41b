// Interop through the C API: every upstream fixture read, written again byte for byte, and
// converted to and from both CSV forms.
#include "c_binary_test_support.h"

namespace quiver::c_test {
namespace {

class CBinaryFixture : public ::testing::TestWithParam<std::string> {
protected:
    const nlohmann::json& f() const { return binary_fixture(GetParam()); }
    std::string base() const { return fixture_base(GetParam()); }
};

TEST_P(CBinaryFixture, ReadWriteAndCsvRoundTrip) {
    FileHandle in;
    ASSERT_OK(quiver_binary_file_open_file(base().c_str(), 'r', nullptr, &in.file));
    MetadataHandle md;
    ASSERT_OK(quiver_binary_file_get_metadata(in.file, &md.md));
    size_t labels = 0, dims = 0, values = 0;
    char** label_names = nullptr;
    ASSERT_OK(quiver_binary_metadata_get_labels(md.md, &label_names, &labels));
    EXPECT_EQ(labels, f()["metadata"]["labels"].size());
    EXPECT_OK(quiver_binary_metadata_free_string_array(label_names, labels));
    ASSERT_OK(quiver_binary_metadata_get_dimension_count(md.md, &dims));
    ASSERT_OK(quiver_binary_metadata_get_value_count(md.md, &values));
    EXPECT_EQ(values * 8, f()["layout"]["qvr_size_bytes"].get<size_t>());
    for (size_t i = 0; i < dims; ++i) {
        quiver_dimension_t d{};
        ASSERT_OK(quiver_binary_metadata_get_dimension(md.md, i, &d));
        const auto& want = f()["metadata"]["dimensions"][i];
        EXPECT_EQ(std::string(d.name), want["name"]);
        EXPECT_EQ(d.is_time_dimension, want["time"].is_null() ? 0 : 1);
        if (d.is_time_dimension) {
            EXPECT_EQ(d.time_properties.initial_value, want["time"]["initial_value"]);
            EXPECT_EQ(d.time_properties.parent_dimension_index, want["time"]["parent_dimension_index"]);
        }
        EXPECT_OK(quiver_binary_metadata_free_dimension(&d));
        EXPECT_EQ(d.name, nullptr);
    }
    char* toml = nullptr;
    ASSERT_OK(quiver_binary_metadata_to_toml(md.md, &toml));
    EXPECT_EQ(std::string(toml), read_file(base() + ".toml"));
    quiver_binary_metadata_free_string(toml);

    // Samples through both read paths.
    for (const auto& s : f()["samples"]) {
        if (!s["read_allow_nulls"].is_array()) continue;
        std::vector<const char*> names;
        std::vector<std::string> name_storage;
        std::vector<int64_t> coords;
        for (auto it = s["dims"].begin(); it != s["dims"].end(); ++it) name_storage.push_back(it.key());
        for (const auto& n : name_storage) {
            names.push_back(n.c_str());
            coords.push_back(s["dims"][n]);
        }
        double* data = nullptr;
        size_t count = 0;
        ASSERT_OK(quiver_binary_file_read(in.file, names.data(), coords.data(), names.size(), 1, &data, &count));
        ASSERT_EQ(count, labels);
        for (size_t k = 0; k < count; ++k) EXPECT_TRUE(same_value(data[k], json_value(s["file_values"][k])));
        quiver_binary_file_free_float_array(data);
        std::vector<int64_t> ordered;
        for (const auto& d : f()["metadata"]["dimensions"]) ordered.push_back(s["dims"][d["name"].get<std::string>()]);
        std::vector<double> out(labels);
        ASSERT_OK(quiver_binary_file_read_at(in.file, ordered.data(), ordered.size(), 1, out.data(), out.size()));
        for (size_t k = 0; k < labels; ++k) EXPECT_TRUE(same_value(out[k], json_value(s["file_values"][k])));
    }

    // Write the same values (read_all -> write_all) and compare bytes.
    std::vector<double> all(values);
    ASSERT_OK(quiver_binary_file_read_all(in.file, all.data(), all.size()));
    const auto out_base = (scratch_dir() / GetParam()).string();
    {
        FileHandle out;
        ASSERT_OK(quiver_binary_file_open_file(out_base.c_str(), 'w', md.md, &out.file));
        ASSERT_OK(quiver_binary_file_write_all(out.file, all.data(), all.size()));
    }
    EXPECT_EQ(read_file(out_base + ".qvr"), read_file(base() + ".qvr"));
    EXPECT_EQ(read_file(out_base + ".toml"), read_file(base() + ".toml"));

    // Both CSV forms, and back.
    const bool dims_csv = f()["files"].contains("csv_dimension_columns");
    ASSERT_OK(quiver_csv_converter_bin_to_csv(out_base.c_str(), 1));
    EXPECT_EQ(read_file(out_base + ".csv"), read_file(base() + ".csv"));
    ASSERT_OK(quiver_csv_converter_csv_to_bin(out_base.c_str()));
    EXPECT_EQ(read_file(out_base + ".qvr"), read_file(base() + ".qvr"));
    ASSERT_OK(quiver_csv_converter_bin_to_csv(out_base.c_str(), 0));
    EXPECT_EQ(read_file(out_base + ".csv"), read_file(base() + (dims_csv ? ".dims.csv" : ".csv")));
    ASSERT_OK(quiver_csv_converter_csv_to_bin(out_base.c_str()));
    EXPECT_EQ(read_file(out_base + ".qvr"), read_file(base() + ".qvr"));
    EXPECT_EQ(read_file(out_base + ".toml"), read_file(base() + ".toml"));
}

INSTANTIATE_TEST_SUITE_P(Upstream, CBinaryFixture, ::testing::ValuesIn(binary_fixture_names()),
                         [](const auto& info) { return info.param; });

TEST(CExpressionFixtures, RebuildBothExpressionFixtures) {
    FileHandle monthly, nulls;
    ASSERT_OK(quiver_binary_file_create(fixture_base("monthly_daily").c_str(), &monthly.file));
    ASSERT_OK(quiver_binary_file_create(fixture_base("nulls").c_str(), &nulls.file));
    ExpressionHandle m, sum;
    ASSERT_OK(quiver_expression_from_file(monthly.file, &m.expr));
    ASSERT_OK(quiver_expression_aggregate(m.expr, "block", QUIVER_EXPRESSION_AGGREGATE_OPERATION_SUM, nullptr, &sum.expr));
    const auto out1 = (scratch_dir() / "expr_block_sum").string();
    ASSERT_OK(quiver_expression_save(sum.expr, out1.c_str()));
    EXPECT_EQ(read_file(out1 + ".qvr"), read_file(fixture_base("expr_block_sum") + ".qvr"));
    EXPECT_EQ(read_file(out1 + ".toml"), read_file(fixture_base("expr_block_sum") + ".toml"));

    ExpressionHandle n, cond, then_v, else_v, chosen, p50;
    ASSERT_OK(quiver_expression_from_file(nulls.file, &n.expr));
    ASSERT_OK(quiver_expression_apply_scalar_right(QUIVER_EXPRESSION_OPERATION_GT, n.expr, 12.0, &cond.expr));
    ASSERT_OK(quiver_expression_apply_scalar_right(QUIVER_EXPRESSION_OPERATION_MULTIPLY, n.expr, 10.0, &then_v.expr));
    ASSERT_OK(quiver_expression_apply_scalar_right(QUIVER_EXPRESSION_OPERATION_SUBTRACT, n.expr, 1.0, &else_v.expr));
    ASSERT_OK(quiver_expression_apply_ternary(QUIVER_EXPRESSION_TERNARY_OPERATION_IFELSE, cond.expr, then_v.expr,
                                              else_v.expr, &chosen.expr));
    // Closing operands never invalidates a result.
    quiver_expression_close(cond.expr);
    cond.expr = nullptr;
    const double half = 0.5;
    ASSERT_OK(quiver_expression_aggregate_agents(chosen.expr, QUIVER_EXPRESSION_AGGREGATE_AGENTS_OPERATION_PERCENTILE,
                                                 &half, &p50.expr));
    const auto out2 = (scratch_dir() / "expr_ifelse_p50").string();
    ASSERT_OK(quiver_expression_save(p50.expr, out2.c_str()));
    EXPECT_EQ(read_file(out2 + ".qvr"), read_file(fixture_base("expr_ifelse_p50") + ".qvr"));
    EXPECT_EQ(read_file(out2 + ".toml"), read_file(fixture_base("expr_ifelse_p50") + ".toml"));
}

}  // namespace
}  // namespace quiver::c_test
