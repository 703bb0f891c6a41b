// Binary files and expressions from Lua (binary.md §7): every upstream fixture read, written
// again byte for byte, converted to and from CSV; the expression fixtures rebuilt; the sandbox,
// the operators and the argument errors.
#include "lua_test_support.h"

#include "quiver/binary/binary_file.h"
#include "quiver/binary/iteration.h"

#include <nlohmann/json.hpp>

#include <filesystem>

namespace quiver::test {
namespace {

std::string fixture(const std::string& name) {
    return std::string(QUIVER_BINARY_FIXTURES_DIR) + "/" + name;
}

std::vector<std::string> fixture_names() {
    const auto manifest = nlohmann::json::parse(read_file(fixture("manifest.json")));
    std::vector<std::string> names;
    for (const auto& f : manifest["fixtures"]) names.push_back(f["name"]);
    return names;
}

class LuaBinaryTest : public LuaTest {
protected:
    // Copies a fixture pair (and CSV variant) next to the database; returns the Lua path literal.
    std::string copy(const std::string& name, const std::string& as, const std::string& csv = "") {
        const auto dir = scratch_dir();
        std::filesystem::copy_file(fixture(name) + ".qvr", dir / (as + ".qvr"), std::filesystem::copy_options::overwrite_existing);
        std::filesystem::copy_file(fixture(name) + ".toml", dir / (as + ".toml"), std::filesystem::copy_options::overwrite_existing);
        if (!csv.empty()) {
            std::filesystem::copy_file(fixture(name) + csv, dir / (as + ".csv"), std::filesystem::copy_options::overwrite_existing);
        }
        return "'" + as + "'";
    }
    std::string in_scratch(const std::string& name) { return (scratch_dir() / name).string(); }
};

class LuaBinaryFixture : public LuaBinaryTest, public ::testing::WithParamInterface<std::string> {};

TEST_P(LuaBinaryFixture, ReadWriteAndCsvRoundTrip) {
    const std::string name = GetParam();
    copy(name, "src");
    // Every iterated coordinate as a Lua table of {dim = v} maps.
    const auto md = BinaryMetadata::from_toml_file(fixture(name));
    std::string coords = "{";
    for (auto v = std::optional(first_dimensions(md)); v; v = next_dimensions(md, *v)) {
        coords += "{";
        for (size_t i = 0; i < v->size(); ++i) coords += md.dimensions[i].name + "=" + std::to_string((*v)[i]) + ",";
        coords += "},";
    }
    coords += "}";
    ok("local src = db:open_file('src', 'r')\n"
       "local md = src:get_metadata()\n"
       "local out = db:open_file('out', 'w', md)\n"
       "for _, dims in ipairs(" + coords + ") do out:write(src:read(dims, true), dims) end\n"
       "out:close() src:close()\n"
       "expect_eq(out:is_open(), false)\n"
       "db:bin_to_csv('out')\n");
    EXPECT_EQ(read_file(in_scratch("out.qvr")), read_file(fixture(name) + ".qvr"));
    EXPECT_EQ(read_file(in_scratch("out.toml")), read_file(fixture(name) + ".toml"));
    EXPECT_EQ(read_file(in_scratch("out.csv")), read_file(fixture(name) + ".csv"));
    const bool dims_csv = std::filesystem::exists(fixture(name) + ".dims.csv");
    ok("db:bin_to_csv('out', false) db:csv_to_bin('out')");
    EXPECT_EQ(read_file(in_scratch("out.csv")), read_file(fixture(name) + (dims_csv ? ".dims.csv" : ".csv")));
    EXPECT_EQ(read_file(in_scratch("out.qvr")), read_file(fixture(name) + ".qvr"));
}

INSTANTIATE_TEST_SUITE_P(Upstream, LuaBinaryFixture, ::testing::ValuesIn(fixture_names()),
                         [](const auto& info) { return info.param; });

TEST_F(LuaBinaryTest, ExpressionFixturesAndOperators) {
    copy("monthly_daily", "monthly_daily");
    copy("nulls", "nulls");
    ok(R"(
        local m = db:open_file('monthly_daily', 'r')
        quiver.expression(m):aggregate('block', 'sum'):save('block_sum')
        m:close()
        local n = db:open_file('nulls', 'r')
        quiver.ifelse(quiver.gt(n, 12), n * 10, n - 1):aggregate_agents('percentile', 0.5):save('p50')
        n:close()
    )");
    EXPECT_EQ(read_file(in_scratch("block_sum.qvr")), read_file(fixture("expr_block_sum") + ".qvr"));
    EXPECT_EQ(read_file(in_scratch("block_sum.toml")), read_file(fixture("expr_block_sum") + ".toml"));
    EXPECT_EQ(read_file(in_scratch("p50.qvr")), read_file(fixture("expr_ifelse_p50") + ".qvr"));
    EXPECT_EQ(read_file(in_scratch("p50.toml")), read_file(fixture("expr_ifelse_p50") + ".toml"));

    ok(R"(
        local md = quiver.metadata{initial_datetime = '2025-01-01', unit = 'MW', labels = {'a', 'b'},
                                   dimensions = {'i'}, dimension_sizes = {2}}
        local f = db:open_file('x', 'w', md)
        f:write({1, -2}, {i = 1})
        f:write({0, 4}, {i = 2})
        f:close()
        local x = db:open_file('x', 'r')
        local function values(e)
          e:save('r')
          local r = db:open_file('r', 'r')
          local out = {r:read({i = 1}, true), r:read({i = 2}, true)}
          r:close()
          return out
        end
        expect_eq(values(x + x), {{2.0, -4.0}, {0.0, 8.0}}, '+')
        expect_eq(values(10 - x), {{9.0, 12.0}, {10.0, 6.0}}, 'number - file')
        expect_eq(values(x * 2 / 4), {{0.5, -1.0}, {0.0, 2.0}}, '* /')
        expect_eq(values(-x), {{-1.0, 2.0}, {-0.0, -4.0}}, 'unary -')
        expect_eq(values(x & x), {{1.0, 1.0}, {0.0, 1.0}}, '&')
        expect_eq(values(x | 0), {{1.0, 1.0}, {0.0, 1.0}}, '|')
        expect_eq(values(~x), {{0.0, 0.0}, {1.0, 0.0}}, '~')
        expect_eq(values(quiver.abs(x)), {{1.0, 2.0}, {0.0, 4.0}}, 'abs')
        expect_eq(values(quiver.sqrt(quiver.abs(x))), {{1.0, math.sqrt(2)}, {0.0, 2.0}}, 'sqrt')
        expect_eq(values(quiver.exp(x - x)), {{1.0, 1.0}, {1.0, 1.0}}, 'exp')
        expect_eq(values(quiver.log(quiver.exp(x))), {{1.0, -2.0}, {0.0, 4.0}}, 'log')
        expect_eq(values(quiver.lt(0, x)), {{1.0, 0.0}, {0.0, 1.0}}, 'lt number first')
        expect_eq(values(quiver.gte(x, 0)), {{1.0, 0.0}, {1.0, 1.0}}, 'gte')
        expect_eq(values(quiver.lte(x, 0)), {{0.0, 1.0}, {1.0, 0.0}}, 'lte')
        expect_eq(values(quiver.eq(x, 4)), {{0.0, 0.0}, {0.0, 1.0}}, 'eq')
        expect_eq(values(quiver.neq(x, 4)), {{1.0, 1.0}, {1.0, 0.0}}, 'neq')
        expect_eq(values(quiver.ifelse(x, 7, 8)), {{7.0, 7.0}, {8.0, 7.0}}, 'ifelse numbers')
        expect_eq(values(quiver.expression(x):aggregate_agents('max')), {{1.0}, {4.0}}, 'aggregate_agents')
        expect_error('Cannot aggregate: invalid metadata: Number of dimensions must be positive, got 0',
                     function() quiver.expression(x):aggregate('i', 'max') end)
        expect_eq(values(quiver.expression(x):select_agents({'b'})), {{-2.0}, {4.0}}, 'select')
        local renamed = quiver.expression(x):rename_agents({a = 'b', b = 'a'})
        expect_eq(renamed:metadata():get_labels(), {'b', 'a'}, 'rename')
        x:close()
    )");
}

TEST_F(LuaBinaryTest, MetadataObjects) {
    ok(R"(
        local md = quiver.metadata{initial_datetime = '2025-03-15T00:00:00', unit = 'MWh', labels = {'p'},
                                   dimensions = {'month', 'scenario', 'day'}, dimension_sizes = {2, 3, 31},
                                   time_dimensions = {'month', 'day'}, frequencies = {'monthly', 'daily'}}
        expect_eq(md:get_unit(), 'MWh')
        expect_eq(md:get_version(), '1')
        expect_eq(md:get_initial_datetime(), '2025-03-15T00:00:00')
        expect_eq(md:get_number_of_time_dimensions(), 2)
        expect_eq(md:get_dimensions(), {
          {name = 'month', size = 2, is_time_dimension = true, frequency = 'monthly', initial_value = 1,
           parent_dimension_index = -1},
          {name = 'scenario', size = 3, is_time_dimension = false},
          {name = 'day', size = 31, is_time_dimension = true, frequency = 'daily', initial_value = 15,
           parent_dimension_index = 0}})
        local again = quiver.metadata_from_toml(md:to_toml())
        expect_eq(again:to_toml(), md:to_toml())
        local el = quiver.metadata_from_element{version = '1', initial_datetime = '2025-01-01', unit = '',
                                                labels = {'v'}, dimensions = {'i'}, dimension_sizes = {4}}
        expect_eq(el:get_labels(), {'v'})
    )");
}

TEST_F(LuaBinaryTest, ErrorsAndSandbox) {
    copy("plain_2d", "p");
    const std::string root = std::filesystem::weakly_canonical(scratch_dir()).string();
    ok("expect_error(" + lua_literal("Cannot open_file: path '../x' escapes the database directory '" + root + "'") +
       ", function() db:open_file('../x', 'r') end)");
    ok(R"(
        expect_error('Cannot open_file: mode must be "r" or "w"', function() db:open_file('p', 'a') end)
        expect_error('Cannot open_file: argument \'md\' must be a BinaryMetadata, got number',
                     function() db:open_file('p', 'w', 5) end)
        local f = db:open_file('p', 'r')
        expect_error('Cannot read: argument \'dims\' must be a table, got string', function() f:read('x') end)
        expect_error('Cannot read: dimension \'row\' must be an integer, got string', function() f:read({row = 'a', col = 1}) end)
        expect_error('Cannot read: dimension \'row\' value 4 is out of bounds [1, 3]', function() f:read({row = 4, col = 1}) end)
        expect_error('Cannot write: file is open for reading: ' .. f:get_file_path(), function() f:write({1, 2}, {row = 1, col = 1}) end)
        expect_error('Cannot write: data entry 2 must be a number, got string', function() f:write({1, 'x'}, {row = 1, col = 1}) end)
        expect_error('Cannot read: method must be called as f:read(...)', function() f.read(5, {}) end)
        local e = quiver.expression(f)
        expect_error('Cannot aggregate: unknown operation \'median\'', function() e:aggregate('row', 'median') end)
        expect_error('Cannot aggregate_agents: unknown operation \'x\'', function() e:aggregate_agents('x') end)
        expect_error('Cannot build expression: operand must be an expression or a binary file', function() quiver.expression(5) end)
        expect_error('Cannot apply: operands must be expressions, binary files or numbers, got userdata and string',
                     function() return e + 'x' end)
        expect_error('Cannot metadata: unknown field \'units\'', function() quiver.metadata{units = 'MW'} end)
        expect_error('Cannot metadata: field \'dimension_sizes\' entry 1 must be an integer, got number',
                     function() quiver.metadata{dimension_sizes = {1.5}} end)
        expect_error('Cannot ifelse: argument \'then_value\' must be an expression, a binary file or a number, got string',
                     function() quiver.ifelse(e, 'x', 1) end)
        f:close()
        do
          local g <close> = db:open_file('p', 'r')
          expect_eq(g:is_open(), true)
        end
    )");
    ok("expect_error(" + lua_literal("Cannot save: path '../out' escapes the database directory '" + root + "'") +
       ", function() quiver.expression(db:open_file('p', 'r')):save('../out') end)");
}

TEST(LuaBinaryInMemory, FileOperationsAreUnavailable) {
    Database db = Database::from_schema(":memory:", schema_path("valid/lua_full.sql"),
                                        {.read_only = false, .console_level = LogLevel::Off});
    LuaRunner runner(db);
    try {
        runner.run("db:open_file('x', 'r')");
        ADD_FAILURE() << "no error";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find("Cannot open_file: database is in-memory, file operations are unavailable"),
                  std::string::npos)
            << e.what();
    }
}

}  // namespace
}  // namespace quiver::test
