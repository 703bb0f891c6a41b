// Database lifecycle: constructor (lazy schema, D10), from_schema, is_healthy, current_version,
// path, move semantics, read-only handles (semantics §9.1, §9.2).
#include "test_helpers.h"

#include <quiver/database.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <type_traits>

using namespace quiver;
using namespace quiver::test;
namespace fs = std::filesystem;

static_assert(!std::is_copy_constructible_v<Database>);
static_assert(!std::is_copy_assignable_v<Database>);
static_assert(std::is_nothrow_move_constructible_v<Database>);
static_assert(std::is_nothrow_move_assignable_v<Database>);

TEST(Lifecycle, OpenMemory) {
    Database db(":memory:", quiet());
    EXPECT_TRUE(db.is_healthy());
    EXPECT_EQ(db.path(), ":memory:");
    EXPECT_EQ(db.current_version(), 0);
    EXPECT_FALSE(db.in_transaction());
}

TEST(Lifecycle, DefaultOptionsOpenReadWriteQuietly) {
    const std::string path = scratch_db();
    write_file(path, "");  // a zero-byte file is an empty database
    ::testing::internal::CaptureStderr();
    {
        Database db(path);  // default options: console Warn (D27)
        EXPECT_TRUE(db.is_healthy());
        EXPECT_EQ(db.query_integer("CREATE TABLE t (x INTEGER) STRICT"), std::nullopt);
    }
    // A successful open, write and close print nothing by default.
    EXPECT_EQ(::testing::internal::GetCapturedStderr(), "");
    EXPECT_EQ(file_table_count(path), 1);
}

// D23: opening never creates anything: no database file, no log file, no directory.
TEST(Lifecycle, OpenMissingFileCreatesNothing) {
    const std::string path = scratch_db("new.db");
    ASSERT_FALSE(fs::exists(path));
    EXPECT_THROW_MSG(Database(path, quiet()), "Database not found: " + path);
    EXPECT_FALSE(fs::exists(path));
    EXPECT_FALSE(fs::exists(scratch_dir() / "quiver_database.log"));
    // Whatever the console level (the check precedes the logger).
    EXPECT_THROW_MSG(Database(path, DatabaseOptions{.read_only = false, .console_level = LogLevel::Debug}),
                     "Database not found: " + path);
    EXPECT_FALSE(fs::exists(scratch_dir() / "quiver_database.log"));
}

TEST(Lifecycle, OpenInMissingDirectoryCreatesNothing) {
    const auto dir = scratch_dir() / "newdir";
    const std::string path = (dir / "x.db").string();
    ASSERT_FALSE(fs::exists(dir));
    EXPECT_THROW_MSG(Database(path, quiet()), "Database not found: " + path);
    EXPECT_FALSE(fs::exists(dir));
}

TEST(Lifecycle, OpenEmptyPathIsNotFound) {
    EXPECT_THROW_MSG(Database("", quiet()), "Database not found: ");
}

TEST(Lifecycle, OpenDanglingSymlinkIsNotFound) {
    const auto link = scratch_dir() / "link.db";
    fs::create_directories(scratch_dir());
    fs::create_symlink(scratch_dir() / "target.db", link);
    EXPECT_THROW_MSG(Database(link.string(), quiet()), "Database not found: " + link.string());
    EXPECT_FALSE(fs::exists(scratch_dir() / "target.db"));
}

TEST(Lifecycle, ReadOnlyMissingFileFails) {
    const std::string path = scratch_db("missing.db");
    EXPECT_THROW_MSG(Database(path, quiet_read_only()), "Database not found: " + path);
    EXPECT_FALSE(fs::exists(path));
}

TEST(Lifecycle, FromSchemaAndFromMigrationsStillCreateTheFile) {
    const std::string path = scratch_db("created.db");
    { auto db = Database::from_schema(path, schema_path("valid/basic.sql"), quiet()); }
    EXPECT_TRUE(fs::exists(path));
    const std::string migrated = scratch_db("migrated.db");
    { auto db = Database::from_migrations(migrated, schema_path("migrations/basic"), quiet()); }
    EXPECT_TRUE(fs::exists(migrated));
    Database reopened(path, quiet());  // an existing file opens
    EXPECT_TRUE(reopened.is_healthy());
}

TEST(Lifecycle, NoSchemaLoadedOnEmptyDatabase) {
    Database db(":memory:", quiet());
    EXPECT_THROW_MSG(db.read_element_ids("Configuration"),
                     "Cannot read_element_ids: no schema loaded");
    EXPECT_THROW_MSG(db.create_element("Configuration", Element().set("label", "x")),
                     "Cannot create_element: no schema loaded");
    EXPECT_THROW_MSG(db.update_element("Configuration", 1, Element().set("label", "x")),
                     "Cannot update_element: no schema loaded");
    EXPECT_THROW_MSG(db.delete_element("Configuration", 1),
                     "Cannot delete_element: no schema loaded");
    EXPECT_THROW_MSG(db.read_scalar_integers("Configuration", "id"),
                     "Cannot read_scalar_integers: no schema loaded");
    EXPECT_THROW_MSG(db.get_scalar_metadata("Configuration", "id"),
                     "Cannot get_scalar_metadata: no schema loaded");
    EXPECT_THROW_MSG(db.list_scalar_attributes("Configuration"),
                     "Cannot list_scalar_attributes: no schema loaded");
    EXPECT_THROW_MSG(db.list_vector_groups("Configuration"),
                     "Cannot list_vector_groups: no schema loaded");
    EXPECT_THROW_MSG(db.list_set_groups("Configuration"), "Cannot list_set_groups: no schema loaded");
    EXPECT_THROW_MSG(db.list_time_series_groups("Configuration"),
                     "Cannot list_time_series_groups: no schema loaded");
    // Calls that never need a schema keep working.
    EXPECT_TRUE(db.is_healthy());
    EXPECT_EQ(db.current_version(), 0);
    EXPECT_EQ(db.query_integer("SELECT 1"), std::optional<int64_t>(1));
    db.begin_transaction();
    EXPECT_TRUE(db.in_transaction());
    db.rollback();
    EXPECT_FALSE(db.in_transaction());
}

TEST(Lifecycle, LazySchemaLoadsOnFirstUse) {
    const std::string path = scratch_db();
    {
        auto db = Database::from_schema(path, schema_path("valid/collections.sql"), quiet());
        db.create_element("Collection", Element().set("label", "A").set("some_integer", int64_t{5}));
    }
    Database db(path, quiet());
    EXPECT_EQ(db.read_element_ids("Collection"), (std::vector<int64_t>{1}));
    EXPECT_EQ(db.read_scalar_integers("Collection", "some_integer"),
              (std::vector<std::optional<int64_t>>{5}));
    EXPECT_EQ(db.create_element("Collection", Element().set("label", "B")), 2);
}

TEST(Lifecycle, LazySchemaFailureIsNotCached) {
    Database db(":memory:", quiet());
    EXPECT_THROW_MSG(db.read_element_ids("Configuration"),
                     "Cannot read_element_ids: no schema loaded");
    db.query_string("CREATE TABLE Configuration (id INTEGER PRIMARY KEY, label TEXT UNIQUE NOT NULL)");
    EXPECT_TRUE(db.read_element_ids("Configuration").empty());
    EXPECT_EQ(db.create_element("Configuration", Element().set("label", "cfg")), 1);
}

TEST(Lifecycle, LazySchemaValidationFailureThenRepair) {
    const std::string path = scratch_db();
    raw_exec(path, read_file(schema_path("invalid/no_configuration.sql")));
    Database db(path, quiet());  // opening never reads the schema
    EXPECT_TRUE(db.is_healthy());
    EXPECT_THROW_MSG(db.read_element_ids("Collection"),
                     "Schema validation error: Schema must have a 'Configuration' table");
    EXPECT_THROW_MSG(db.create_element("Collection", Element().set("label", "x")),
                     "Schema validation error: Schema must have a 'Configuration' table");
    EXPECT_THROW_MSG(db.list_vector_groups("Collection"),
                     "Schema validation error: Schema must have a 'Configuration' table");
    EXPECT_EQ(count_rows(db, "Collection"), 0);
    db.query_string("CREATE TABLE Configuration (id INTEGER PRIMARY KEY, label TEXT UNIQUE NOT NULL)");
    EXPECT_EQ(db.create_element("Collection", Element().set("label", "x")), 1);
}

TEST(Lifecycle, LazySchemaUnknownTypeFailure) {
    const std::string path = scratch_db();
    raw_exec(path, read_file(schema_path("invalid/unknown_type_int.sql")));
    Database db(path, quiet());
    EXPECT_THROW_MSG(db.read_element_ids("Configuration"), "Unknown data type: INT");
}

TEST(Lifecycle, SchemaIsCachedAfterLoad) {
    auto db = memory_db("valid/collections.sql");
    // DDL through query_* is not seen by the cached schema.
    db.query_string("CREATE TABLE Extra (id INTEGER PRIMARY KEY, label TEXT UNIQUE NOT NULL)");
    EXPECT_THROW_MSG(db.read_element_ids("Extra"), "Cannot read_element_ids: collection not found: Extra");
    db.query_string("ALTER TABLE Collection ADD COLUMN extra INTEGER");
    EXPECT_THROW_MSG(db.read_scalar_integers("Collection", "extra"),
                     "Cannot read_scalar_integers: column 'extra' not found in table 'Collection'");
}

TEST(Lifecycle, FromSchemaMemory) {
    auto db = memory_db("valid/collections.sql");
    EXPECT_TRUE(db.is_healthy());
    EXPECT_EQ(db.path(), ":memory:");
    EXPECT_EQ(db.current_version(), 0);
    EXPECT_TRUE(db.read_element_ids("Collection").empty());
}

TEST(Lifecycle, FromSchemaFile) {
    const std::string path = scratch_db();
    {
        auto db = Database::from_schema(path, schema_path("valid/collections.sql"), quiet());
        EXPECT_EQ(db.path(), path);
        db.create_element("Configuration", Element().set("label", "cfg"));
    }
    EXPECT_EQ(file_table_count(path), 3);  // Configuration, Collection, sqlite_sequence
}

TEST(Lifecycle, FromSchemaReplacesExistingDatabase) {
    const std::string path = scratch_db();
    raw_exec(path, "CREATE TABLE Junk (x INTEGER); INSERT INTO Junk VALUES (1); PRAGMA user_version = 9;");
    auto db = Database::from_schema(path, schema_path("valid/basic.sql"), quiet());
    EXPECT_EQ(db.query_integer("SELECT count(*) FROM sqlite_master WHERE name = 'Junk'"),
              std::optional<int64_t>(0));
    EXPECT_EQ(db.current_version(), 0);
    EXPECT_TRUE(db.read_element_ids("Configuration").empty());
}

TEST(Lifecycle, FromSchemaReplacesNonDatabaseFile) {
    const std::string path = scratch_db();
    write_file(path, "this is not a database file, just some text that is long enough to matter");
    auto db = Database::from_schema(path, schema_path("valid/basic.sql"), quiet());
    EXPECT_EQ(db.create_element("Configuration", Element().set("label", "x")), 1);
}

TEST(Lifecycle, FromSchemaMissingSchemaFileKeepsExistingDatabase) {
    const std::string path = scratch_db();
    {
        auto db = Database::from_schema(path, schema_path("valid/basic.sql"), quiet());
        db.create_element("Configuration", Element().set("label", "keep"));
    }
    const std::string before = file_snapshot(path);
    EXPECT_THROW_MSG(Database::from_schema(path, "nonexistent/x.sql", quiet()),
                     "Schema file not found: nonexistent/x.sql");
    EXPECT_EQ(file_snapshot(path), before);
}

TEST(Lifecycle, FromSchemaEmptyPath) {
    EXPECT_THROW_MSG(Database::from_schema(":memory:", "", quiet()), "Schema file not found: ");
}

TEST(Lifecycle, FromSchemaEmptyFile) {
    const std::string schema = schema_path("invalid/empty.sql");
    EXPECT_THROW_MSG(Database::from_schema(":memory:", schema, quiet()),
                     "Cannot apply_schema: schema file is empty: " + schema);
}

TEST(Lifecycle, FromSchemaSyntaxErrorRollsBack) {
    const std::string path = scratch_db();
    EXPECT_THROW_MSG(Database::from_schema(path, schema_path("invalid/syntax_error.sql"), quiet()),
                     "Failed to execute SQL: near \"TABLEX\": syntax error");
    EXPECT_EQ(file_table_count(path), 0);  // Configuration (first statement) rolled back
}

TEST(Lifecycle, FromSchemaValidationFailureRollsBack) {
    const std::string path = scratch_db();
    EXPECT_THROW_MSG(
        Database::from_schema(path, schema_path("invalid/no_configuration.sql"), quiet()),
        "Schema validation error: Schema must have a 'Configuration' table");
    EXPECT_EQ(file_table_count(path), 0);
}

TEST(Lifecycle, FromSchemaUnknownTypeRollsBack) {
    const std::string path = scratch_db();
    EXPECT_THROW_MSG(
        Database::from_schema(path, schema_path("invalid/unknown_type_varchar.sql"), quiet()),
        "Unknown data type: VARCHAR(10)");
    EXPECT_EQ(file_table_count(path), 0);
}

// api-additions §9 (was: the file was deleted, then could not be reopened read-only).
TEST(Lifecycle, FromSchemaReadOnlyIsRefusedBeforeDeleting) {
    const std::string path = scratch_db();
    raw_exec(path, "CREATE TABLE Junk (x INTEGER);");
    EXPECT_THROW_MSG(Database::from_schema(path, schema_path("valid/basic.sql"), quiet_read_only()),
                     "Cannot from_schema: read_only mode (use Database constructor to open existing)");
    EXPECT_EQ(file_table_count(path), 1);
}

TEST(Lifecycle, FromSchemaKeepsPragmaUserVersionOfFile) {
    auto db = memory_db("issues/pragma_user_version.sql");
    EXPECT_EQ(db.current_version(), 7);
}

TEST(Lifecycle, CurrentVersionIsUserVersion) {
    Database db(":memory:", quiet());
    db.query_string("PRAGMA user_version = 12");
    EXPECT_EQ(db.current_version(), 12);
}

TEST(Lifecycle, MoveConstruct) {
    auto a = memory_db("valid/collections.sql");
    a.create_element("Collection", Element().set("label", "A"));
    Database b(std::move(a));
    EXPECT_TRUE(b.is_healthy());
    EXPECT_EQ(b.path(), ":memory:");
    EXPECT_EQ(b.read_element_ids("Collection"), (std::vector<int64_t>{1}));
    EXPECT_EQ(b.create_element("Collection", Element().set("label", "B")), 2);
}

TEST(Lifecycle, MoveAssign) {
    const std::string path_a = scratch_db("a.db");
    const std::string path_b = scratch_db("b.db");
    auto a = Database::from_schema(path_a, schema_path("valid/collections.sql"), quiet());
    a.create_element("Collection", Element().set("label", "from a"));
    auto b = Database::from_schema(path_b, schema_path("valid/basic.sql"), quiet());
    b = std::move(a);
    EXPECT_TRUE(b.is_healthy());
    EXPECT_EQ(b.path(), path_a);
    EXPECT_EQ(b.read_scalar_strings("Collection", "label"),
              (std::vector<std::optional<std::string>>{"from a"}));
    b.create_element("Collection", Element().set("label", "second"));
    EXPECT_EQ(count_rows(b, "Collection"), 2);
}

TEST(Lifecycle, MovedFromCanBeDestroyedAndReassigned) {
    auto a = memory_db("valid/basic.sql");
    Database b = std::move(a);
    a = memory_db("valid/collections.sql");  // assigning into a moved-from object works
    EXPECT_TRUE(a.is_healthy());
    EXPECT_TRUE(a.read_element_ids("Collection").empty());
    EXPECT_TRUE(b.read_element_ids("Configuration").empty());
}

TEST(Lifecycle, ReadOnlyReadsWork) {
    const std::string path = scratch_db();
    {
        auto db = Database::from_schema(path, schema_path("valid/collections.sql"), quiet());
        db.create_element("Collection", Element().set("label", "A").set("some_float", 1.5));
    }
    Database db(path, quiet_read_only());
    EXPECT_TRUE(db.is_healthy());
    EXPECT_EQ(db.read_element_ids("Collection"), (std::vector<int64_t>{1}));
    EXPECT_EQ(db.read_scalar_float_by_id("Collection", "some_float", 1), std::optional<double>(1.5));
    EXPECT_EQ(db.list_scalar_attributes("Collection").size(), 10u);
}

TEST(Lifecycle, ReadOnlyWritesFailAndChangeNothing) {
    const std::string path = scratch_db();
    {
        auto db = Database::from_schema(path, schema_path("valid/vectors.sql"), quiet());
        db.create_element("Collection", Element().set("label", "A").set("value_int", std::vector<int64_t>{1, 2}));
    }
    const std::string before = file_snapshot(path);
    Database db(path, quiet_read_only());
    const std::string msg = "Failed to execute statement: attempt to write a readonly database";
    EXPECT_FAILS_UNCHANGED(db, db.create_element("Collection", Element().set("label", "B")), msg);
    EXPECT_FAILS_UNCHANGED(
        db, db.create_element("Collection", Element().set("label", "C").set("codes", std::vector<int64_t>{1})),
        msg);
    EXPECT_FAILS_UNCHANGED(db, db.update_element("Collection", 1, Element().set("some_integer", int64_t{3})), msg);
    EXPECT_FAILS_UNCHANGED(db, db.update_element("Collection", 1, Element().set("value_int", std::vector<int64_t>{9})),
                           msg);
    EXPECT_FAILS_UNCHANGED(db, db.delete_element("Collection", 1), msg);
    EXPECT_FAILS_UNCHANGED(db, db.query_string("INSERT INTO Configuration (label) VALUES ('x')"), msg);
    EXPECT_FALSE(db.in_transaction());
    EXPECT_EQ(file_snapshot(path), before);
}

TEST(Lifecycle, ReadOnlyWriteFailureInsideTransactionKeepsTransaction) {
    const std::string path = scratch_db();
    {
        auto db = Database::from_schema(path, schema_path("valid/collections.sql"), quiet());
        db.create_element("Collection", Element().set("label", "A"));
    }
    Database db(path, quiet_read_only());
    db.begin_transaction();
    EXPECT_FAILS_UNCHANGED(db, db.create_element("Collection", Element().set("label", "B")),
                           "Failed to execute statement: attempt to write a readonly database");
    EXPECT_TRUE(db.in_transaction());
    db.commit();
    EXPECT_FALSE(db.in_transaction());
}

TEST(Lifecycle, ForeignKeysAreEnforcedOnEveryConnection) {
    const std::string path = scratch_db();
    { auto db = Database::from_schema(path, schema_path("valid/relations.sql"), quiet()); }
    Database db(path, quiet());
    EXPECT_EQ(db.query_integer("PRAGMA foreign_keys"), std::optional<int64_t>(1));
}

TEST(Lifecycle, DestructorClosesFile) {
    const std::string path = scratch_db();
    {
        auto db = Database::from_schema(path, schema_path("valid/basic.sql"), quiet());
        db.create_element("Configuration", Element().set("label", "x"));
    }
    // After destruction the file can be removed and recreated.
    EXPECT_TRUE(fs::remove(path));
    auto db = Database::from_schema(path, schema_path("valid/basic.sql"), quiet());
    EXPECT_TRUE(db.read_element_ids("Configuration").empty());
}

TEST(Lifecycle, ReadOnlyTimeSeriesAndCsvWritesFail) {
    const std::string path = scratch_db();
    {
        auto db = Database::from_schema(path, schema_path("valid/illustrative.sql"), quiet());
        db.create_element("Plant", Element().set("label", "P"));
    }
    const std::string csv = (scratch_dir() / "plants.csv").string();
    write_file(csv, "sep=,\nlabel,capacity,status,date_commissioned,owner_id\nQ,,1,,\n");
    Database db(path, quiet_read_only());
    const std::string msg = "Failed to execute statement: attempt to write a readonly database";
    EXPECT_FAILS_UNCHANGED(db, db.update_time_series_group("Plant", "output", 1, {{{"date_time", std::string("2024-01-01")}}}), msg);
    EXPECT_FAILS_UNCHANGED(db, db.update_time_series_files("Plant", {{"inflow", std::string("x")}}), msg);
    EXPECT_FAILS_UNCHANGED(db, db.import_csv("Plant", "", csv), msg);
    // Exports only read.
    db.export_csv("Plant", "", (scratch_dir() / "out.csv").string());
    EXPECT_EQ(read_file((scratch_dir() / "out.csv").string()), "sep=,\nlabel,capacity,status,date_commissioned,owner_id\nP,,1,,\n");
}
