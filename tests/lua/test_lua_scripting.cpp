// db:begin_dry_run / end_dry_run / in_dry_run / dry_run(fn) (D16), db:query (D25),
// db:describe / describe_collection / summarize_collection (D17) and the file sandbox (R4).
#include "lua_test_support.h"

#include <filesystem>

namespace quiver::test {
namespace {

using LuaScriptingTest = LuaTest;

TEST_F(LuaScriptingTest, DryRunMethods) {
    ok(R"(
        db:create_element('Parent', {label = 'kept'})
        assert(db:in_dry_run() == false)
        db:begin_dry_run()
        assert(db:in_dry_run() == true)
        assert(db:in_transaction() == false)
        db:create_element('Parent', {label = 'gone'})
        db:transaction(function(d) d:create_element('Parent', {label = 'nested'}) end)
        expect_eq(#db:read_element_ids('Parent'), 3)
        expect_error('Cannot begin_dry_run: dry run already active', db.begin_dry_run, db)
        expect_error('Cannot query_integer: transaction control statements are not allowed during a dry run',
                     db.query_integer, db, 'COMMIT')
        expect_error('Cannot query: transaction control statements are not allowed during a dry run',
                     db.query, db, 'ROLLBACK')
        db:end_dry_run()
        expect_eq(db:read_scalar_strings('Parent', 'label'), {'kept'})
        expect_error('Cannot end_dry_run: no active dry run', db.end_dry_run, db)
    )");
}

TEST_F(LuaScriptingTest, DryRunFunction) {
    ok(R"(
        local n = db:dry_run(function(d)
            d:create_element('Parent', {label = 'trial'})
            return #d:read_element_ids('Parent'), 'second'
        end)
        expect_eq(n, 1)
        expect_eq(#db:read_element_ids('Parent'), 0)
        assert(db:dry_run(function() end) == nil)
        -- an error inside: the dry run ends and the same error value is raised again
        local marker = {}
        local ok, err = pcall(db.dry_run, db, function(d)
            d:create_element('Parent', {label = 'trial'})
            error(marker)
        end)
        assert(not ok and err == marker)
        assert(db:in_dry_run() == false)
        expect_eq(#db:read_element_ids('Parent'), 0)
        expect_error("Cannot dry_run: argument 'fn' must be a function, got nil", db.dry_run, db)
        expect_error("Cannot dry_run: argument 'fn' must be a function, got string", db.dry_run, db, 'x')
        assert(db:in_dry_run() == false)
        db:begin_transaction()
        expect_error('Cannot begin_dry_run: transaction already active', db.dry_run, db, function() end)
        db:rollback()
    )");
}

TEST_F(LuaScriptingTest, QueryRowsAndColumns) {
    ok(R"(
        db:create_element('Item', {label = 'a', score = 1, weight = 2.5})
        db:create_element('Item', {label = 'b'})
        local rows, columns = db:query('SELECT label, score, weight AS w FROM Item WHERE id > ? ORDER BY id', {0})
        expect_eq(columns, {'label', 'score', 'w'})
        expect_eq(rows, {{label = 'a', score = 1, w = 2.5}, {label = 'b'}})
        rows, columns = db:query('SELECT id FROM Item WHERE id < 0')
        expect_eq(rows, {})
        expect_eq(columns, {'id'})
        rows, columns = db:query("UPDATE Item SET score = 5 WHERE label = 'b'")
        expect_eq(rows, {})
        expect_eq(columns, {})
        expect_eq(db:query_integer("SELECT score FROM Item WHERE label = 'b'"), 5)
    )");
}

TEST_F(LuaScriptingTest, QueryErrors) {
    ok(R"(
        expect_error("Cannot query: duplicate column name 'x' in result; rename with AS",
                     db.query, db, 'SELECT 1 AS x, 2 AS x')
        expect_error("Cannot query: argument 'sql' must be a string, got nil", db.query, db)
        expect_error("Cannot query: argument 'params' must be a table, got number", db.query, db, 'SELECT ?', 1)
        expect_error('Failed to execute statement: expected 1 bound parameter(s) but got 0', db.query, db, 'SELECT ?')
        expect_error('Failed to execute statement: BLOB type not supported', db.query, db, "SELECT x'01'")
    )");
}

TEST_F(LuaScriptingTest, DescribeReturnsText) {
    ok("db:create_element('Parent', {label = 'p'})");
    testing::internal::CaptureStdout();
    ok("described = db:describe(); one = db:describe_collection('Parent'); summary = db:summarize_collection('Parent')");
    EXPECT_EQ(testing::internal::GetCapturedStdout(), "");  // nothing printed
    ok("expect_eq(described, " + lua_literal(db().describe()) + ")");
    ok("expect_eq(one, 'Collection: Parent (1 element)\\n  Scalars:\\n    - id (INTEGER) PRIMARY KEY\\n"
       "    - label (TEXT) NOT NULL\\n')");
    ok("expect_eq(summary, " + lua_literal(db().summarize_collection("Parent")) + ")");
    ok(R"(
        expect_error('Cannot describe_collection: collection not found: Nope', db.describe_collection, db, 'Nope')
        expect_error('Cannot summarize_collection: collection not found: Nope', db.summarize_collection, db, 'Nope')
        expect_error("Cannot describe_collection: argument 'collection' must be a string, got nil",
                     db.describe_collection, db)
    )");
}

// --- file sandbox (R4) ------------------------------------------------------------------------

class LuaSandboxTest : public LuaTest {
protected:
    std::filesystem::path root() { return std::filesystem::canonical(std::filesystem::path(db().path()).parent_path()); }
};

TEST_F(LuaSandboxTest, RelativePathsAreTakenFromTheDatabaseDirectory) {
    ok("db:create_element('Parent', {label = 'P'})");
    ok("db:export_csv('Parent', '', 'parents.csv')");
    EXPECT_TRUE(std::filesystem::exists(root() / "parents.csv"));
    std::filesystem::create_directories(root() / "sub");
    ok("db:export_csv('Parent', '', 'sub/../sub/p.csv')");
    EXPECT_TRUE(std::filesystem::exists(root() / "sub" / "p.csv"));
    ok("db:export_csv('Parent', '', " + lua_literal((root() / "abs.csv").string()) + ")");
    EXPECT_TRUE(std::filesystem::exists(root() / "abs.csv"));
    ok("db:delete_element('Parent', 1)");
    ok("db:import_csv('Parent', '', 'sub/p.csv')");
    ok("expect_eq(db:read_scalar_strings('Parent', 'label'), {'P'})");
}

TEST_F(LuaSandboxTest, EscapingPathsAreRefusedAndChangeNothing) {
    ok("db:create_element('Parent', {label = 'P'})");
    const auto r = root().string();
    const auto outside = (root().parent_path() / "outside.csv").string();
    std::filesystem::remove(outside);
    std::filesystem::create_directories(root() / "sub");
    for (const std::string& p : {std::string("../outside.csv"), std::string("sub/../../outside.csv"), outside,
                                std::string("/etc/passwd")}) {
        const auto message = "Lua error: Cannot export_csv: path '" + p + "' escapes the database directory '" + r + "'";
        EXPECT_EQ(error_of("db:export_csv('Parent', '', " + lua_literal(p) + ")"), message);
        EXPECT_EQ(error_of("db:import_csv('Parent', '', " + lua_literal(p) + ")"),
                  "Lua error: Cannot import_csv: path '" + p + "' escapes the database directory '" + r + "'");
    }
    EXPECT_FALSE(std::filesystem::exists(outside));
    // A symbolic link inside the directory that points out of it.
    std::filesystem::create_directory_symlink(root().parent_path(), root() / "link");
    EXPECT_EQ(error_of("db:export_csv('Parent', '', 'link/outside.csv')"),
              "Lua error: Cannot export_csv: path 'link/outside.csv' escapes the database directory '" + r + "'");
    EXPECT_FALSE(std::filesystem::exists(outside));
    ok("expect_eq(db:read_scalar_strings('Parent', 'label'), {'P'})");
}

TEST(LuaSandboxMemoryTest, InMemoryDatabaseRefusesFileOperations) {
    auto db = Database::from_schema(":memory:", schema_path("valid/lua_full.sql"), {.console_level = LogLevel::Off});
    LuaRunner runner(db);
    for (const std::string& op : std::vector<std::string>{"export_csv", "import_csv"}) {
        try {
            runner.run("db:" + op + "('Parent', '', 'x.csv')");
            ADD_FAILURE() << "no error";
        } catch (const std::runtime_error& e) {
            EXPECT_EQ(std::string(e.what()),
                      "Lua error: Cannot " + op + ": database is in-memory, file operations are unavailable");
        }
    }
}

}  // namespace
}  // namespace quiver::test
