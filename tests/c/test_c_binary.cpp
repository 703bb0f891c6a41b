// The binary-file C API: metadata builders and getters, file modes, map and indexed I/O, and the
// error model (Null argument, B18 null entries, out-parameters unchanged on failure).
#include "c_binary_test_support.h"

namespace quiver::c_test {
namespace {

TEST(CBinaryMetadata, BuildInspectAndSerialize) {
    MetadataHandle md;
    ASSERT_OK(quiver_binary_metadata_create(&md.md));
    char* text = nullptr;
    ASSERT_OK(quiver_binary_metadata_get_version(md.md, &text));
    EXPECT_STREQ(text, "");
    quiver_binary_metadata_free_string(text);
    ASSERT_OK(quiver_binary_metadata_get_initial_datetime(md.md, &text));
    EXPECT_STREQ(text, "1970-01-01T00:00:00");
    quiver_binary_metadata_free_string(text);
    char** labels = reinterpret_cast<char**>(0x1);
    size_t count = 99;
    ASSERT_OK(quiver_binary_metadata_get_labels(md.md, &labels, &count));
    EXPECT_EQ(labels, nullptr);
    EXPECT_EQ(count, 0u);

    const char* names[] = {"p1", "p2"};
    ASSERT_OK(quiver_binary_metadata_set_version(md.md, "1"));
    ASSERT_OK(quiver_binary_metadata_set_unit(md.md, "MWh"));
    ASSERT_OK(quiver_binary_metadata_set_labels(md.md, names, 2));
    ASSERT_OK(quiver_binary_metadata_set_initial_datetime(md.md, "2025-03-15"));
    ASSERT_OK(quiver_binary_metadata_add_time_dimension(md.md, "month", 2, "monthly"));
    ASSERT_OK(quiver_binary_metadata_add_dimension(md.md, "scenario", 3));
    ASSERT_OK(quiver_binary_metadata_add_time_dimension(md.md, "day", 31, "daily"));
    int64_t time_dims = 0;
    ASSERT_OK(quiver_binary_metadata_get_number_of_time_dimensions(md.md, &time_dims));
    EXPECT_EQ(time_dims, 2);
    quiver_dimension_t day{};
    ASSERT_OK(quiver_binary_metadata_get_dimension(md.md, 2, &day));
    EXPECT_STREQ(day.name, "day");
    EXPECT_EQ(day.time_properties.frequency, QUIVER_TIME_FREQUENCY_DAILY);
    EXPECT_EQ(day.time_properties.initial_value, 15);
    EXPECT_EQ(day.time_properties.parent_dimension_index, 0);
    quiver_binary_metadata_free_dimension(&day);
    quiver_dimension_t scenario{};
    ASSERT_OK(quiver_binary_metadata_get_dimension(md.md, 1, &scenario));
    EXPECT_EQ(scenario.is_time_dimension, 0);
    EXPECT_EQ(scenario.time_properties.initial_value, 0);
    quiver_binary_metadata_free_dimension(&scenario);
    quiver_dimension_t untouched{};
    EXPECT_ERROR(quiver_binary_metadata_get_dimension(md.md, 3, &untouched), "Cannot get_dimension: index out of range");
    EXPECT_EQ(untouched.name, nullptr);
    size_t values = 0;
    ASSERT_OK(quiver_binary_metadata_get_value_count(md.md, &values));
    EXPECT_EQ(values, 2u * 3 * 31 * 2);

    char* toml = nullptr;
    ASSERT_OK(quiver_binary_metadata_to_toml(md.md, &toml));
    MetadataHandle back;
    ASSERT_OK(quiver_binary_metadata_from_toml(toml, &back.md));
    quiver_binary_metadata_free_string(toml);
    ASSERT_OK(quiver_binary_metadata_get_unit(back.md, &text));
    EXPECT_STREQ(text, "MWh");
    quiver_binary_metadata_free_string(text);
}

TEST(CBinaryMetadata, Errors) {
    MetadataHandle md;
    ASSERT_OK(quiver_binary_metadata_create(&md.md));
    EXPECT_ERROR(quiver_binary_metadata_create(nullptr), "Null argument: out_metadata");
    EXPECT_ERROR(quiver_binary_metadata_from_toml(nullptr, &md.md), "Null argument: toml");
    EXPECT_ERROR(quiver_binary_metadata_to_toml(md.md, nullptr), "Null argument: out_toml");
    char* text = nullptr;
    EXPECT_ERROR(quiver_binary_metadata_to_toml(md.md, &text),
                 "Cannot to_toml: invalid metadata: Incompatible file version: expected 1, got ");
    EXPECT_EQ(text, nullptr);
    EXPECT_ERROR(quiver_binary_metadata_set_initial_datetime(md.md, "2025-02-30"),
                 "Cannot set_initial_datetime: invalid initial_datetime '2025-02-30' (expected YYYY-MM-DDTHH:MM:SS)");
    EXPECT_ERROR(quiver_binary_metadata_add_time_dimension(md.md, "x", 3, "secondly"),
                 "Cannot add_time_dimension: unknown frequency: secondly");
    const char* with_null[] = {"a", nullptr};
    EXPECT_ERROR(quiver_binary_metadata_set_labels(md.md, with_null, 2), "Cannot set_labels: null label at index 1");
    EXPECT_ERROR(quiver_binary_metadata_set_labels(md.md, nullptr, 1), "Null argument: labels");
    EXPECT_OK(quiver_binary_metadata_set_labels(md.md, nullptr, 0));
    quiver_binary_metadata_t* out = nullptr;
    EXPECT_ERROR(quiver_binary_metadata_from_toml("x = [", &out),
                 "Cannot from_toml: TOML syntax error: Error while parsing array: encountered end-of-file "
                 "(line 1, column 6)");
    EXPECT_EQ(out, nullptr);
    EXPECT_ERROR(quiver_binary_metadata_from_element(nullptr, &out), "Null argument: element");
    ElementHandle element;
    EXPECT_ERROR(quiver_binary_metadata_from_element(element, &out), "Cannot from_element: missing scalar 'version'");
    EXPECT_ERROR(quiver_binary_metadata_free_dimension(nullptr), "Null argument: dimension");
    EXPECT_OK(quiver_binary_metadata_free(nullptr));
    EXPECT_OK(quiver_binary_metadata_free_string(nullptr));
    EXPECT_OK(quiver_binary_metadata_free_string_array(nullptr, 3));
}

TEST(CBinaryFile, WriteReadBothPaths) {
    const auto path = (scratch_dir() / "f").string();
    MetadataHandle md{plain_c_metadata()};
    {
        FileHandle f;
        ASSERT_OK(quiver_binary_file_open_file(path.c_str(), 'w', md.md, &f.file));
        const char* names[] = {"col", "row"};
        const int64_t coords[] = {2, 1};
        const double data[] = {1.5, 2.5};
        ASSERT_OK(quiver_binary_file_write(f.file, names, coords, 2, data, 2));
        const int64_t idx[] = {3, 2};
        ASSERT_OK(quiver_binary_file_write_at(f.file, idx, 2, data, 2));
        int open = 0;
        ASSERT_OK(quiver_binary_file_is_open(f.file, &open));
        EXPECT_EQ(open, 1);
    }
    FileHandle f;
    ASSERT_OK(quiver_binary_file_create(path.c_str(), &f.file));
    int open = 1;
    ASSERT_OK(quiver_binary_file_is_open(f.file, &open));
    EXPECT_EQ(open, 0);
    ASSERT_OK(quiver_binary_file_open(f.file, 'r', nullptr));
    char* file_path = nullptr;
    ASSERT_OK(quiver_binary_file_get_file_path(f.file, &file_path));
    EXPECT_EQ(std::string(file_path), path);
    quiver_binary_file_free_string(file_path);
    const char* names[] = {"row", "col"};
    const int64_t coords[] = {1, 2};
    double* data = nullptr;
    size_t count = 0;
    ASSERT_OK(quiver_binary_file_read(f.file, names, coords, 2, 0, &data, &count));
    ASSERT_EQ(count, 2u);
    EXPECT_EQ(data[0], 1.5);
    quiver_binary_file_free_float_array(data);
    double out[2] = {0, 0};
    const int64_t idx[] = {3, 2};
    ASSERT_OK(quiver_binary_file_read_at(f.file, idx, 2, 0, out, 2));
    EXPECT_EQ(out[1], 2.5);
    const int64_t empty_idx[] = {1, 1};
    EXPECT_ERROR(quiver_binary_file_read_at(f.file, empty_idx, 2, 0, out, 2),
                 "Cannot read_at: data at {row=1, col=1} contains null values");
    std::vector<double> all(12);
    ASSERT_OK(quiver_binary_file_read_all(f.file, all.data(), all.size()));
    EXPECT_EQ(all[2], 1.5);
}

TEST(CBinaryFile, Errors) {
    const auto path = (scratch_dir() / "f").string();
    quiver_binary_file_t* untouched = nullptr;
    EXPECT_ERROR(quiver_binary_file_open_file(path.c_str(), 'r', nullptr, &untouched), "Binary file not found: " + path);
    EXPECT_EQ(untouched, nullptr);
    EXPECT_ERROR(quiver_binary_file_open_file(path.c_str(), 'w', nullptr, &untouched),
                 "Cannot open_file: metadata must be provided when opening a file in write mode");
    EXPECT_ERROR(quiver_binary_file_open_file(nullptr, 'r', nullptr, &untouched), "Null argument: path");
    EXPECT_ERROR(quiver_binary_file_open_file(path.c_str(), 'r', nullptr, nullptr), "Null argument: out_file");
    MetadataHandle md{plain_c_metadata()};
    FileHandle f;
    ASSERT_OK(quiver_binary_file_open_file(path.c_str(), 'w', md.md, &f.file));
    const char* names[] = {"row", nullptr};
    const int64_t coords[] = {1, 1};
    const double data[] = {1, 2};
    EXPECT_ERROR(quiver_binary_file_write(f.file, names, coords, 2, data, 2), "Cannot write: null dimension name at index 1");
    EXPECT_ERROR(quiver_binary_file_write(f.file, nullptr, coords, 2, data, 2), "Null argument: dim_names");
    EXPECT_ERROR(quiver_binary_file_write(f.file, nullptr, nullptr, 0, data, 2), "Cannot write: expected 2 dimensions, got 0");
    const char* dup[] = {"row", "row"};
    EXPECT_ERROR(quiver_binary_file_write(f.file, dup, coords, 2, data, 2), "Cannot write: expected 2 dimensions, got 1");
    EXPECT_ERROR(quiver_binary_file_write(f.file, nullptr, nullptr, 0, nullptr, 0), "Null argument: data");
    double* out = nullptr;
    size_t count = 7;
    const char* ok_names[] = {"row", "col"};
    EXPECT_ERROR(quiver_binary_file_read(f.file, ok_names, coords, 2, 1, &out, &count),
                 "Cannot read: file is open for writing: " + path);
    EXPECT_EQ(out, nullptr);
    EXPECT_EQ(count, 7u);
    EXPECT_ERROR(quiver_binary_file_write_at(f.file, coords, 1, data, 2), "Cannot write_at: expected 2 indices, got 1");
    EXPECT_ERROR(quiver_binary_file_write_all(f.file, data, 2), "Cannot write_all: data length 2 does not match expected length 12");
    EXPECT_ERROR(quiver_binary_file_is_open(nullptr, nullptr), "Null argument: binary_file");
    EXPECT_OK(quiver_binary_file_close(nullptr));
    EXPECT_OK(quiver_binary_file_free_float_array(nullptr));
    EXPECT_ERROR(quiver_csv_converter_csv_to_bin(nullptr), "Null argument: path");
    EXPECT_ERROR(quiver_csv_converter_bin_to_csv(path.c_str(), 1),
                 "Cannot open_file: file is already open for writing: " + std::filesystem::weakly_canonical(path).string());
}

TEST(CExpression, OperationsAndErrors) {
    const auto path = (scratch_dir() / "in").string();
    MetadataHandle md{plain_c_metadata()};
    {
        FileHandle f;
        ASSERT_OK(quiver_binary_file_open_file(path.c_str(), 'w', md.md, &f.file));
        std::vector<double> values = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
        ASSERT_OK(quiver_binary_file_write_all(f.file, values.data(), values.size()));
    }
    FileHandle f;
    ASSERT_OK(quiver_binary_file_create(path.c_str(), &f.file));
    ExpressionHandle e, neg, sum, left, sel, ren, agg;
    ASSERT_OK(quiver_expression_from_file(f.file, &e.expr));
    ASSERT_OK(quiver_expression_apply_unary(QUIVER_EXPRESSION_UNARY_OPERATION_NEGATE, e.expr, &neg.expr));
    ASSERT_OK(quiver_expression_apply(QUIVER_EXPRESSION_OPERATION_ADD, e.expr, neg.expr, &sum.expr));
    ASSERT_OK(quiver_expression_apply_scalar_left(QUIVER_EXPRESSION_OPERATION_SUBTRACT, 100.0, e.expr, &left.expr));
    const char* pick[] = {"b"};
    ASSERT_OK(quiver_expression_select_agents(left.expr, pick, 1, &sel.expr));
    const char* from[] = {"b"};
    const char* to[] = {"total"};
    ASSERT_OK(quiver_expression_rename_agents(sel.expr, from, to, 1, &ren.expr));
    ASSERT_OK(quiver_expression_aggregate(ren.expr, "row", QUIVER_EXPRESSION_AGGREGATE_OPERATION_MEAN, nullptr, &agg.expr));
    const auto out = (scratch_dir() / "out").string();
    ASSERT_OK(quiver_expression_save(agg.expr, out.c_str()));
    FileHandle r;
    ASSERT_OK(quiver_binary_file_open_file(out.c_str(), 'r', nullptr, &r.file));
    double values[2];
    ASSERT_OK(quiver_binary_file_read_all(r.file, values, 2));
    EXPECT_EQ(values[0], 100 - (2 + 6 + 10) / 3.0);
    EXPECT_EQ(values[1], 100 - (4 + 8 + 12) / 3.0);
    MetadataHandle result;
    ASSERT_OK(quiver_expression_get_metadata(agg.expr, &result.md));
    size_t dims = 0;
    ASSERT_OK(quiver_binary_metadata_get_dimension_count(result.md, &dims));
    EXPECT_EQ(dims, 1u);

    // B17 in C: a constant shaped like an expression, e.g. for ifelse branches.
    ExpressionHandle seven, chosen;
    ASSERT_OK(quiver_expression_scalar(7.0, e.expr, &seven.expr));
    ASSERT_OK(quiver_expression_apply_ternary(QUIVER_EXPRESSION_TERNARY_OPERATION_IFELSE, neg.expr, e.expr, seven.expr,
                                              &chosen.expr));
    const auto out2 = (scratch_dir() / "out2").string();
    ASSERT_OK(quiver_expression_save(chosen.expr, out2.c_str()));
    {
        FileHandle c;
        ASSERT_OK(quiver_binary_file_open_file(out2.c_str(), 'r', nullptr, &c.file));
        double first[2];
        const int64_t at[] = {1, 1};
        ASSERT_OK(quiver_binary_file_read_at(c.file, at, 2, 0, first, 2));
        EXPECT_EQ(first[0], 1);  // -1 is nonzero: then-branch
    }
    quiver_expression_t* none = nullptr;
    EXPECT_ERROR(quiver_expression_scalar(1.0, nullptr, &none), "Null argument: like");
    EXPECT_ERROR(quiver_expression_apply(static_cast<quiver_expression_operation_t>(12), e.expr, e.expr, &none),
                 "Cannot apply: unknown expression operation");
    EXPECT_ERROR(quiver_expression_apply_unary(static_cast<quiver_expression_unary_operation_t>(-1), e.expr, &none),
                 "Cannot apply: unknown expression unary operation");
    EXPECT_ERROR(quiver_expression_apply_ternary(static_cast<quiver_expression_ternary_operation_t>(1), e.expr, e.expr,
                                                 e.expr, &none),
                 "Cannot apply: unknown expression ternary operation");
    EXPECT_ERROR(quiver_expression_aggregate(e.expr, "row", static_cast<quiver_expression_aggregate_operation_t>(9), nullptr,
                                             &none),
                 "Cannot aggregate: unknown operation enum value");
    EXPECT_ERROR(quiver_expression_aggregate_agents(e.expr, static_cast<quiver_expression_aggregate_agents_operation_t>(9),
                                                    nullptr, &none),
                 "Cannot aggregate_agents: unknown operation enum value");
    EXPECT_ERROR(quiver_expression_aggregate(e.expr, "row", QUIVER_EXPRESSION_AGGREGATE_OPERATION_PERCENTILE, nullptr, &none),
                 "Cannot aggregate: operation 'percentile' requires a parameter");
    EXPECT_ERROR(quiver_expression_aggregate(e.expr, "zzz", QUIVER_EXPRESSION_AGGREGATE_OPERATION_SUM, nullptr, &none),
                 "Dimension not found: 'zzz' in operand metadata");
    const char* null_label[] = {nullptr};
    EXPECT_ERROR(quiver_expression_select_agents(e.expr, null_label, 1, &none), "Cannot select_agents: null label at index 0");
    EXPECT_ERROR(quiver_expression_rename_agents(e.expr, from, null_label, 1, &none),
                 "Cannot rename_agents: null new label at index 0");
    EXPECT_ERROR(quiver_expression_apply(QUIVER_EXPRESSION_OPERATION_ADD, nullptr, e.expr, &none), "Null argument: lhs");
    EXPECT_ERROR(quiver_expression_save(e.expr, path.c_str()),
                 "Cannot save: output path collides with input file '" + path + "'");
    EXPECT_EQ(none, nullptr);
    EXPECT_OK(quiver_expression_close(nullptr));
}

}  // namespace
}  // namespace quiver::c_test
