// db:export_csv / db:import_csv and the opts table.
#include "lua_test_support.h"

#include <filesystem>

namespace quiver::test {
namespace {

class LuaCsvTest : public LuaTest {
protected:
    void SetUp() override {
        LuaTest::SetUp();
        ok(R"(
            db:create_element('Parent', {label = 'P'})
            db:create_element('Item', {label = 'a', score = 1, weight = 2.5, status = 2,
                                       date_created = '2024-03-04T05:06:07', parent_id = 'P',
                                       value_int = {1, 2}, value_float = {0.5, 1.5}})
            db:create_element('Item', {label = 'b', score = 2})
        )");
    }
    std::string path(const std::string& name) { return (scratch_dir() / name).string(); }
};

TEST_F(LuaCsvTest, ExportScalarsAndGroup) {
    const auto scalars = path("items.csv");
    const auto vectors = path("values.csv");
    ok("db:export_csv('Item', '', " + lua_literal(scalars) + ")");
    ok("db:export_csv('Item', 'values', " + lua_literal(vectors) + ")");
    const auto text = read_file(scalars);
    EXPECT_EQ(text.rfind("sep=,\nlabel,score,weight,name,date_created,status,parent_id\n", 0), 0u)
        << text;
    EXPECT_NE(text.find("a,1,2.5,,2024-03-04T05:06:07,2,P\n"), std::string::npos) << text;
    EXPECT_EQ(read_file(vectors),
              "sep=,\nid,vector_index,value_int,value_float\na,1,1,0.5\na,2,2,1.5\n");
}

TEST_F(LuaCsvTest, ExportWithOptions) {
    const auto file = path("items.csv");
    ok("db:export_csv('Item', '', " + lua_literal(file) + R"(, {
            date_time_format = '%d/%m/%Y',
            enum_labels = {status = {en = {Active = 1, Retired = 2}}},
        }))");
    const auto text = read_file(file);
    EXPECT_NE(text.find("a,1,2.5,,04/03/2024,Retired,P\n"), std::string::npos) << text;
    EXPECT_NE(text.find("b,2,,,,Active,\n"), std::string::npos) << text;
}

TEST_F(LuaCsvTest, RoundTripThroughImport) {
    const auto file = path("items.csv");
    const auto opts = R"({date_time_format = '%d/%m/%Y', enum_labels = {status = {en = {Active = 1, Retired = 2.0}}}})";
    ok("db:export_csv('Item', '', " + lua_literal(file) + ", " + opts + ")");
    ok(R"(
        db:update_element('Item', 1, {score = 100})
        db:delete_element('Item', 2)
    )");
    ok("db:import_csv('Item', '', " + lua_literal(file) + ", " + opts + ")");
    ok(R"(
        expect_eq(db:read_scalar_strings('Item', 'label'), {'a', 'b'})
        expect_eq(db:read_scalar_integers('Item', 'score'), {1, 2})
        expect_eq(db:read_scalar_integers('Item', 'status'), {2, 1})
        expect_eq(db:read_scalar_strings('Item', 'date_created'), {'2024-03-04T00:00:00'})
    )");
}

TEST_F(LuaCsvTest, MalformedOptions) {
    const std::string call = "db:export_csv('Item', '', " + lua_literal(path("x.csv")) + ", ";
    const std::string prefix = "Lua error: Cannot export_csv: argument 'opts' is malformed: ";
    EXPECT_EQ(error_of(call + "{date_time_format = 5})"),
              prefix + "date_time_format must be a string, got number");
    EXPECT_EQ(error_of(call + "{enum_labels = 'x'})"), prefix + "enum_labels must be a table, got string");
    EXPECT_EQ(error_of(call + "{enum_labels = {status = 1}})"),
              prefix + "enum_labels['status'] must be a table, got number");
    EXPECT_EQ(error_of(call + "{enum_labels = {status = {en = true}}})"),
              prefix + "enum_labels['status']['en'] must be a table, got boolean");
    EXPECT_EQ(error_of(call + "{enum_labels = {status = {en = {Active = 'one'}}}})"),
              prefix + "enum_labels['status']['en']['Active'] must be an integer, got string");
    EXPECT_EQ(error_of(call + "{enum_labels = {status = {en = {Active = 1.5}}}})"),
              prefix + "enum_labels['status']['en']['Active'] must be an integer, got number");
    EXPECT_EQ(error_of(call + "{enum_labels = {status = {en = {'Active'}}}})"),
              prefix + "enum_labels['status']['en'] labels must be strings, got number");
    EXPECT_EQ(error_of(call + "{enum_labels = {status = {'x'}}})"),
              prefix + "enum_labels['status'] locale names must be strings, got number");
    EXPECT_EQ(error_of(call + "{enum_labels = {{}}})"),
              prefix + "enum_labels attribute names must be strings, got number");
    EXPECT_EQ(error_of(call + "{format = 'x'})"), prefix + "unknown option 'format'");
    EXPECT_EQ(error_of(call + "{'x'})"), prefix + "option names must be strings, got number");
    EXPECT_EQ(error_of("db:import_csv('Item', '', 'x.csv', {date_time_format = {}})"),
              "Lua error: Cannot import_csv: argument 'opts' is malformed: date_time_format must be a string, got table");
    EXPECT_FALSE(std::filesystem::exists(path("x.csv")));
}

TEST_F(LuaCsvTest, LibraryErrorsAreRelayed) {
    EXPECT_EQ(error_of("db:export_csv('Item', 'nope', " + lua_literal(path("x.csv")) + ")"),
              "Lua error: Cannot export_csv: group not found: 'nope' in collection 'Item'");
    write_file(path("valid.csv"), "sep=,\nlabel\nz\n");
    EXPECT_EQ(error_of("db:import_csv('Nope', '', " + lua_literal(path("valid.csv")) + ")"),
              "Lua error: Cannot import_csv: collection not found: Nope");
    const auto missing = path("missing.csv");
    EXPECT_EQ(error_of("db:import_csv('Item', '', " + lua_literal(missing) + ")"),
              "Lua error: Cannot import_csv: could not open file: " + missing);
}

}  // namespace
}  // namespace quiver::test
