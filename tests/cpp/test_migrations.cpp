// Migration / Migrations value types (api §2.9) and Database::from_migrations (semantics §9.3, D12).
#include "test_helpers.h"

#include <quiver/database.h>
#include <quiver/migration.h>
#include <quiver/migrations.h>

#include <gtest/gtest.h>

#include <filesystem>

using namespace quiver;
using namespace quiver::test;
namespace fs = std::filesystem;

namespace {

std::string migrations_path(const std::string& set) {
    return schema_path("migrations/" + set);
}

// Copies the given version directories of a fixture set into a scratch migrations directory.
std::string copy_versions(const std::string& set, const std::vector<std::string>& versions,
                          const std::string& target_name = "mig") {
    const fs::path target = scratch_dir() / target_name;
    fs::create_directories(target);
    for (const auto& v : versions) {
        fs::copy(fs::path(migrations_path(set)) / v, target / v,
                 fs::copy_options::recursive | fs::copy_options::overwrite_existing);
    }
    return target.string();
}

std::vector<int64_t> versions_of(const std::vector<Migration>& list) {
    std::vector<int64_t> out;
    for (const auto& m : list) out.push_back(m.version());
    return out;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Migration

TEST(Migration, Accessors) {
    const std::string dir = migrations_path("basic/1");
    Migration m(1, dir);
    EXPECT_EQ(m.version(), 1);
    EXPECT_EQ(m.path(), dir);
    EXPECT_EQ(m.up_sql(), read_file(dir + "/up.sql"));
    EXPECT_EQ(m.down_sql(), read_file(dir + "/down.sql"));
    EXPECT_NE(m.up_sql().find("CREATE TABLE Configuration"), std::string::npos);
}

TEST(Migration, MissingFilesGiveEmptyStrings) {
    Migration m(2, migrations_path("missing_up/2"));
    EXPECT_EQ(m.up_sql(), "");
    EXPECT_NE(m.down_sql(), "");
    Migration nowhere(3, "nonexistent/dir");
    EXPECT_EQ(nowhere.up_sql(), "");
    EXPECT_EQ(nowhere.down_sql(), "");
}

TEST(Migration, ComparisonByVersion) {
    Migration a(1, "x"), b(1, "y"), c(2, "x");
    EXPECT_TRUE(a == b);
    EXPECT_FALSE(a == c);
    EXPECT_TRUE(a < c);
    EXPECT_TRUE(c > b);
    EXPECT_TRUE((a <=> b) == std::strong_ordering::equal);
    EXPECT_TRUE((c <=> a) == std::strong_ordering::greater);
}

TEST(Migration, IsCopyable) {
    Migration a(5, "p");
    Migration b = a;
    Migration c(1, "q");
    c = b;
    EXPECT_EQ(c.version(), 5);
    EXPECT_EQ(c.path(), "p");
}

// ---------------------------------------------------------------------------------------------
// Migrations

TEST(Migrations, DefaultIsEmpty) {
    Migrations m;
    EXPECT_TRUE(m.empty());
    EXPECT_EQ(m.count(), 0u);
    EXPECT_EQ(m.latest_version(), 0);
    EXPECT_TRUE(m.all().empty());
    EXPECT_TRUE(m.pending(0).empty());
    EXPECT_EQ(m.begin(), m.end());
}

TEST(Migrations, MissingPathOrFileIsEmpty) {
    EXPECT_TRUE(Migrations("nonexistent/path").empty());
    EXPECT_TRUE(Migrations(schema_path("valid/basic.sql")).empty());
}

TEST(Migrations, BasicSet) {
    Migrations m(migrations_path("basic"));
    EXPECT_FALSE(m.empty());
    EXPECT_EQ(m.count(), 3u);
    EXPECT_EQ(m.latest_version(), 3);
    EXPECT_EQ(versions_of(m.all()), (std::vector<int64_t>{1, 2, 3}));
    EXPECT_EQ(versions_of(m.pending(0)), (std::vector<int64_t>{1, 2, 3}));
    EXPECT_EQ(versions_of(m.pending(1)), (std::vector<int64_t>{2, 3}));
    EXPECT_EQ(versions_of(m.pending(3)), (std::vector<int64_t>{}));
    EXPECT_EQ(versions_of(m.pending(100)), (std::vector<int64_t>{}));
    std::vector<int64_t> iterated;
    for (const auto& migration : m) iterated.push_back(migration.version());
    EXPECT_EQ(iterated, (std::vector<int64_t>{1, 2, 3}));
    EXPECT_EQ(fs::path(m.all()[1].path()).filename(), "2");
    EXPECT_TRUE(fs::equivalent(m.all()[1].path(), migrations_path("basic/2")));
    EXPECT_EQ(m.all()[1].up_sql(), read_file(migrations_path("basic/2/up.sql")));
}

TEST(Migrations, DirectoryNamesParsedAsDecimalIntegers) {
    // naming/: 1, 02, 10, +5 are versions; 0, -1, abc and the plain files 7 and README.txt are not.
    Migrations m(migrations_path("naming"));
    EXPECT_EQ(versions_of(m.all()), (std::vector<int64_t>{1, 2, 5, 10}));
    EXPECT_EQ(m.count(), 4u);
    EXPECT_EQ(m.latest_version(), 10);
    EXPECT_EQ(fs::path(m.all()[1].path()).filename(), "02");
    EXPECT_EQ(fs::path(m.all()[2].path()).filename(), "+5");
    EXPECT_EQ(fs::path(m.all()[3].path()).filename(), "10");
    EXPECT_EQ(versions_of(m.pending(2)), (std::vector<int64_t>{5, 10}));
    EXPECT_EQ(versions_of(m.pending(4)), (std::vector<int64_t>{5, 10}));
    EXPECT_NE(m.all()[0].down_sql(), "");
    EXPECT_EQ(m.all()[1].down_sql(), "");
}

TEST(Migrations, IsCopyableAndMovable) {
    Migrations a(migrations_path("basic"));
    Migrations b = a;
    Migrations c = std::move(a);
    EXPECT_EQ(b.count(), 3u);
    EXPECT_EQ(c.count(), 3u);
}

// ---------------------------------------------------------------------------------------------
// from_migrations

TEST(FromMigrations, AppliesAllPendingMigrations) {
    const std::string path = scratch_db();
    auto db = Database::from_migrations(path, migrations_path("basic"), quiet());
    EXPECT_TRUE(db.is_healthy());
    EXPECT_EQ(db.current_version(), 3);
    EXPECT_EQ(db.path(), path);
    // Migration 3 inserted a Configuration row.
    EXPECT_EQ(db.read_scalar_strings("Configuration", "label"),
              (std::vector<std::optional<std::string>>{"migrated"}));
    // The schema (loaded eagerly) contains every migration's tables and columns.
    const auto id = db.create_element("Collection", Element()
                                                        .set("label", "A")
                                                        .set("value", 1.5)
                                                        .set("quantity", int64_t{3})
                                                        .set("measurement", std::vector<double>{1.0, 2.0})
                                                        .set("tag", std::vector<std::string>{"x"}));
    EXPECT_EQ(db.read_vector_floats_by_id("Collection", "measurement", id), (std::vector<double>{1.0, 2.0}));
    EXPECT_EQ(db.read_set_strings_by_id("Collection", "tag", id), (std::vector<std::string>{"x"}));
    EXPECT_EQ(db.list_vector_groups("Collection").size(), 1u);
    EXPECT_EQ(db.list_set_groups("Collection").size(), 1u);
}

TEST(FromMigrations, MemoryDatabase) {
    auto db = Database::from_migrations(":memory:", migrations_path("basic"), quiet());
    EXPECT_EQ(db.current_version(), 3);
    EXPECT_EQ(db.path(), ":memory:");
    EXPECT_EQ(db.read_element_ids("Configuration").size(), 1u);
}

TEST(FromMigrations, NothingPendingKeepsData) {
    const std::string path = scratch_db();
    {
        auto db = Database::from_migrations(path, migrations_path("basic"), quiet());
        db.create_element("Collection", Element().set("label", "keep"));
    }
    const std::string before = file_snapshot(path);
    {
        auto db = Database::from_migrations(path, migrations_path("basic"), quiet());
        EXPECT_EQ(db.current_version(), 3);
        EXPECT_EQ(db.read_scalar_strings("Collection", "label"),
                  (std::vector<std::optional<std::string>>{"keep"}));
    }
    EXPECT_EQ(file_snapshot(path), before);
}

TEST(FromMigrations, IncrementalUpgradeKeepsData) {
    const std::string path = scratch_db();
    const std::string dir = copy_versions("basic", {"1"});
    {
        auto db = Database::from_migrations(path, dir, quiet());
        EXPECT_EQ(db.current_version(), 1);
        db.create_element("Collection", Element().set("label", "old").set("value", 2.5));
        EXPECT_THROW_MSG(db.read_scalar_integers("Collection", "quantity"),
                         "Cannot read_scalar_integers: column 'quantity' not found in table 'Collection'");
    }
    copy_versions("basic", {"2", "3"});
    {
        auto db = Database::from_migrations(path, dir, quiet());
        EXPECT_EQ(db.current_version(), 3);
        EXPECT_EQ(db.read_scalar_floats("Collection", "value"), (std::vector<std::optional<double>>{2.5}));
        EXPECT_EQ(db.read_scalar_integers("Collection", "quantity"),
                  (std::vector<std::optional<int64_t>>{std::nullopt}));
    }
}

TEST(FromMigrations, ScriptUserVersionIsOverridden) {
    const fs::path dir = scratch_dir() / "mig";
    write_file((dir / "1" / "up.sql").string(),
               read_file(migrations_path("basic/1/up.sql")) + "\nPRAGMA user_version = 42;\n");
    auto db = Database::from_migrations(":memory:", dir.string(), quiet());
    EXPECT_EQ(db.current_version(), 1);
}

TEST(FromMigrations, FailingMigrationChangesNothingOnFreshDatabase) {
    const std::string path = scratch_db();
    EXPECT_THROW_MSG(Database::from_migrations(path, migrations_path("failing"), quiet()),
                     "Failed to migrate_up: migration 2: Failed to execute SQL: no such table: Missing");
    EXPECT_EQ(file_user_version(path), 0);
    EXPECT_EQ(file_table_count(path), 0);  // migration 1 rolled back too (D12)
}

TEST(FromMigrations, FailingMigrationKeepsPreviousVersionAndData) {
    const std::string path = scratch_db();
    const std::string dir = copy_versions("failing", {"1"});
    {
        auto db = Database::from_migrations(path, dir, quiet());
        db.create_element("Collection", Element().set("label", "A").set("value", 1.0));
        db.create_element("Configuration", Element().set("label", "cfg"));
    }
    copy_versions("failing", {"2", "3"});
    const std::string before = file_snapshot(path);
    EXPECT_THROW_MSG(Database::from_migrations(path, dir, quiet()),
                     "Failed to migrate_up: migration 2: Failed to execute SQL: no such table: Missing");
    EXPECT_EQ(file_snapshot(path), before);
    EXPECT_EQ(file_user_version(path), 1);
}

TEST(FromMigrations, MissingUpSqlAppliesNothing) {
    const std::string path = scratch_db();
    EXPECT_THROW_MSG(Database::from_migrations(path, migrations_path("missing_up"), quiet()),
                     "Cannot migrate_up: migration 2 has no up.sql file");
    EXPECT_EQ(file_user_version(path), 0);
    EXPECT_EQ(file_table_count(path), 0);
}

TEST(FromMigrations, EmptyUpSqlCountsAsMissing) {
    const fs::path dir = scratch_dir() / "mig";
    write_file((dir / "1" / "up.sql").string(), read_file(migrations_path("basic/1/up.sql")));
    write_file((dir / "2" / "up.sql").string(), "");
    const std::string path = scratch_db();
    EXPECT_THROW_MSG(Database::from_migrations(path, dir.string(), quiet()),
                     "Cannot migrate_up: migration 2 has no up.sql file");
    EXPECT_EQ(file_table_count(path), 0);
}

TEST(FromMigrations, BeginCommitInScriptFails) {
    const std::string path = scratch_db();
    EXPECT_THROW_MSG(
        Database::from_migrations(path, migrations_path("transaction"), quiet()),
        "Failed to migrate_up: migration 2: Failed to execute SQL: cannot start a transaction within a transaction");
    EXPECT_EQ(file_user_version(path), 0);
    EXPECT_EQ(file_table_count(path), 0);
}

TEST(FromMigrations, InvalidResultingSchemaChangesNothing) {
    const std::string path = scratch_db();
    EXPECT_THROW_MSG(
        Database::from_migrations(path, migrations_path("invalid_schema"), quiet()),
        "Schema validation error: Invalid collection name 'Bad_Name': collection names cannot contain underscores");
    EXPECT_EQ(file_user_version(path), 0);
    EXPECT_EQ(file_table_count(path), 0);
}

TEST(FromMigrations, InvalidSchemaWithNothingPendingPropagates) {
    const std::string path = scratch_db();
    raw_exec(path, read_file(schema_path("invalid/no_configuration.sql")) + "PRAGMA user_version = 3;");
    const std::string before = file_snapshot(path);
    EXPECT_THROW_MSG(Database::from_migrations(path, migrations_path("basic"), quiet()),
                     "Schema validation error: Schema must have a 'Configuration' table");
    EXPECT_EQ(file_snapshot(path), before);
}

TEST(FromMigrations, OnDatabaseCreatedByFromSchemaReappliesMigrationOne) {
    const std::string path = scratch_db();
    {
        auto db = Database::from_schema(path, schema_path("valid/collections.sql"), quiet());
        db.create_element("Configuration", Element().set("label", "cfg"));
    }
    const std::string before = file_snapshot(path);
    EXPECT_THROW_MSG(
        Database::from_migrations(path, migrations_path("basic"), quiet()),
        "Failed to migrate_up: migration 1: Failed to execute SQL: table Configuration already exists");
    EXPECT_EQ(file_snapshot(path), before);
}

TEST(FromMigrations, PathNotFound) {
    EXPECT_THROW_MSG(Database::from_migrations(":memory:", "nonexistent/mig", quiet()),
                     "Migrations path not found: nonexistent/mig");
}

TEST(FromMigrations, PathNotADirectory) {
    const std::string file = schema_path("valid/basic.sql");
    EXPECT_THROW_MSG(Database::from_migrations(":memory:", file, quiet()),
                     "Cannot migrate_up: path is not a directory: " + file);
}

TEST(FromMigrations, EmptyDirectoryReturnsLazyHandle) {
    const fs::path dir = scratch_dir() / "empty_mig";
    fs::create_directories(dir);
    auto db = Database::from_migrations(":memory:", dir.string(), quiet());
    EXPECT_TRUE(db.is_healthy());
    EXPECT_EQ(db.current_version(), 0);
    EXPECT_THROW_MSG(db.read_element_ids("Configuration"), "Cannot read_element_ids: no schema loaded");
}

TEST(FromMigrations, EmptyDirectoryOnExistingDatabaseLoadsLazily) {
    const std::string path = scratch_db();
    { auto db = Database::from_schema(path, schema_path("valid/basic.sql"), quiet()); }
    const fs::path dir = scratch_dir() / "empty_mig";
    fs::create_directories(dir);
    auto db = Database::from_migrations(path, dir.string(), quiet());
    EXPECT_EQ(db.create_element("Configuration", Element().set("label", "x")), 1);
}

TEST(FromMigrations, DownSqlIsNeverExecuted) {
    const std::string path = scratch_db();
    { auto db = Database::from_migrations(path, migrations_path("basic"), quiet()); }
    // Re-running (nothing pending) never runs down.sql either: tables and data are intact.
    auto db = Database::from_migrations(path, migrations_path("basic"), quiet());
    EXPECT_EQ(count_rows(db, "Configuration", "label = 'migrated'"), 1);
    EXPECT_EQ(count_rows(db, "sqlite_master", "name = 'Collection_set_tags'"), 1);
}
