// Lifecycle: open, from_schema, from_migrations, close, is_healthy, path, current_version, describe.
#include "c_test_support.h"

#include <filesystem>

using namespace quiver::c_test;
namespace fs = std::filesystem;

namespace {

// Writes <dir>/<n>/up.sql for each script (versions 1..n).
std::string make_migrations(const std::vector<std::string>& scripts) {
    const auto dir = scratch_dir() / "migrations";
    for (size_t i = 0; i < scripts.size(); ++i) {
        const auto version_dir = dir / std::to_string(i + 1);
        fs::create_directories(version_dir);
        write_file((version_dir / "up.sql").string(), scripts[i]);
    }
    fs::create_directories(dir);
    return dir.string();
}

const char* kMigration1 =
    "CREATE TABLE Configuration (id INTEGER PRIMARY KEY AUTOINCREMENT, label TEXT UNIQUE NOT NULL) STRICT;";
const char* kMigration2 =
    "CREATE TABLE Thing (id INTEGER PRIMARY KEY AUTOINCREMENT, label TEXT UNIQUE NOT NULL, size INTEGER) STRICT;";

}  // namespace

TEST(CApiLifecycle, FromSchemaOpensHealthyDatabase) {
    const auto options = quiet_options();
    const std::string path = scratch_db();
    quiver_database_t* db = nullptr;
    ASSERT_OK(quiver_database_from_schema(path.c_str(), schema_path(kFixture).c_str(), &options, &db));
    ASSERT_NE(db, nullptr);

    int healthy = -1;
    ASSERT_OK(quiver_database_is_healthy(db, &healthy));
    EXPECT_EQ(healthy, 1);

    const char* db_path = nullptr;
    ASSERT_OK(quiver_database_path(db, &db_path));
    EXPECT_STREQ(db_path, path.c_str());

    int64_t version = -1;
    ASSERT_OK(quiver_database_current_version(db, &version));
    EXPECT_EQ(version, 0);

    EXPECT_OK(quiver_database_close(db));
    EXPECT_TRUE(fs::exists(path));
}

TEST(CApiLifecycle, FromSchemaWithNullOptionsUsesDefaults) {
    quiver_database_t* db = nullptr;
    ASSERT_OK(quiver_database_from_schema(":memory:", schema_path(kFixture).c_str(), nullptr, &db));
    int healthy = 0;
    ASSERT_OK(quiver_database_is_healthy(db, &healthy));
    EXPECT_EQ(healthy, 1);
    quiver_database_close(db);
}

TEST(CApiLifecycle, FromSchemaMissingFile) {
    const auto options = quiet_options();
    quiver_database_t* db = reinterpret_cast<quiver_database_t*>(0x1);
    EXPECT_ERROR(quiver_database_from_schema(scratch_db().c_str(), "nonexistent/x.sql", &options, &db),
                 "Schema file not found: nonexistent/x.sql");
    // out_db is left unchanged on failure.
    EXPECT_EQ(db, reinterpret_cast<quiver_database_t*>(0x1));
}

TEST(CApiLifecycle, FromSchemaInvalidSchemaReportsValidatorMessage) {
    const auto options = quiet_options();
    const std::string schema = (scratch_dir() / "no_config.sql").string();
    write_file(schema, "CREATE TABLE Thing (id INTEGER PRIMARY KEY, label TEXT UNIQUE NOT NULL) STRICT;");
    quiver_database_t* db = nullptr;
    EXPECT_ERROR(quiver_database_from_schema(scratch_db().c_str(), schema.c_str(), &options, &db),
                 "Schema validation error: Schema must have a 'Configuration' table");
    EXPECT_EQ(db, nullptr);
}

TEST(CApiLifecycle, OpenExistingDatabaseLoadsSchemaLazily) {
    const auto options = quiet_options();
    const std::string path = scratch_db();
    {
        quiver_database_t* db = nullptr;
        ASSERT_OK(quiver_database_from_schema(path.c_str(), schema_path(kFixture).c_str(), &options, &db));
        ElementHandle element;
        element.set("label", "first");
        int64_t id = 0;
        ASSERT_OK(quiver_database_create_element(db, "Owner", element, &id));
        quiver_database_close(db);
    }
    quiver_database_t* db = nullptr;
    ASSERT_OK(quiver_database_open(path.c_str(), &options, &db));
    int64_t* ids = nullptr;
    size_t count = 0;
    ASSERT_OK(quiver_database_read_element_ids(db, "Owner", &ids, &count));
    ASSERT_EQ(count, 1u);
    EXPECT_EQ(ids[0], 1);
    quiver_database_free_integer_array(ids);
    quiver_database_close(db);
}

TEST(CApiLifecycle, OpenWithNullOptionsAndOutOfRangeLevel) {
    quiver_database_t* db = nullptr;
    ASSERT_OK(quiver_database_open(":memory:", nullptr, &db));
    quiver_database_close(db);

    quiver_database_options_t options = quiet_options();
    options.console_level = static_cast<quiver_log_level_t>(42);  // treated as the default (Warn)
    db = nullptr;
    write_file(scratch_db(), "");  // an empty database; opening never creates one (D23)
    ASSERT_OK(quiver_database_open(scratch_db().c_str(), &options, &db));
    int healthy = 0;
    ASSERT_OK(quiver_database_is_healthy(db, &healthy));
    EXPECT_EQ(healthy, 1);
    quiver_database_close(db);
}

TEST(CApiLifecycle, OpenEmptyDatabaseHasNoSchema) {
    const auto options = quiet_options();
    quiver_database_t* db = nullptr;
    write_file(scratch_db(), "");  // a zero-byte file is an empty database (D23: open never creates)
    ASSERT_OK(quiver_database_open(scratch_db().c_str(), &options, &db));
    int64_t* ids = nullptr;
    size_t count = 7;
    EXPECT_ERROR(quiver_database_read_element_ids(db, "Item", &ids, &count),
                 "Cannot read_element_ids: no schema loaded");
    EXPECT_EQ(count, 7u);
    EXPECT_EQ(ids, nullptr);
    // Schema-free calls still work.
    int64_t version = -1;
    ASSERT_OK(quiver_database_current_version(db, &version));
    EXPECT_EQ(version, 0);
    quiver_database_close(db);
}

TEST(CApiLifecycle, OpenReadOnlyMissingFileFails) {
    quiver_database_options_t options = quiet_options();
    options.read_only = 1;
    quiver_database_t* db = nullptr;
    const std::string path = (scratch_dir() / "missing.db").string();
    EXPECT_ERROR(quiver_database_open(path.c_str(), &options, &db), "Database not found: " + path);
    EXPECT_EQ(db, nullptr);
    EXPECT_FALSE(std::filesystem::exists(path));
}

TEST(CApiLifecycle, ReadOnlyDatabaseRejectsWrites) {
    const std::string path = scratch_db();
    const auto quiet = quiet_options();
    quiver_database_t* db = nullptr;
    ASSERT_OK(quiver_database_from_schema(path.c_str(), schema_path(kFixture).c_str(), &quiet, &db));
    quiver_database_close(db);

    quiver_database_options_t options = quiet_options();
    options.read_only = 1;
    ASSERT_OK(quiver_database_open(path.c_str(), &options, &db));
    ElementHandle element;
    element.set("label", "x");
    int64_t id = 0;
    EXPECT_ERROR(quiver_database_create_element(db, "Owner", element, &id),
                 "Failed to execute statement: attempt to write a readonly database");
    quiver_database_close(db);
}

TEST(CApiLifecycle, FromMigrationsAppliesAllAndSetsVersion) {
    const auto options = quiet_options();
    const std::string migrations = make_migrations({kMigration1, kMigration2});
    quiver_database_t* db = nullptr;
    ASSERT_OK(quiver_database_from_migrations(scratch_db().c_str(), migrations.c_str(), &options, &db));
    int64_t version = 0;
    ASSERT_OK(quiver_database_current_version(db, &version));
    EXPECT_EQ(version, 2);

    ElementHandle element;
    element.set("label", "t1").set("size", int64_t{3});
    int64_t id = 0;
    ASSERT_OK(quiver_database_create_element(db, "Thing", element, &id));
    EXPECT_EQ(id, 1);
    quiver_database_close(db);
}

TEST(CApiLifecycle, FromMigrationsNullOptions) {
    const std::string migrations = make_migrations({kMigration1});
    quiver_database_t* db = nullptr;
    ASSERT_OK(quiver_database_from_migrations(scratch_db().c_str(), migrations.c_str(), nullptr, &db));
    int64_t version = 0;
    ASSERT_OK(quiver_database_current_version(db, &version));
    EXPECT_EQ(version, 1);
    quiver_database_close(db);
}

TEST(CApiLifecycle, FromMigrationsMissingPath) {
    const auto options = quiet_options();
    quiver_database_t* db = nullptr;
    EXPECT_ERROR(quiver_database_from_migrations(scratch_db().c_str(), "nonexistent/mig", &options, &db),
                 "Migrations path not found: nonexistent/mig");
    EXPECT_EQ(db, nullptr);
}

TEST(CApiLifecycle, FromMigrationsFailureRollsBackEverything) {
    const auto options = quiet_options();
    const std::string migrations = make_migrations({kMigration1, "CREATE TABLE Broken (;"});
    const std::string path = scratch_db();
    quiver_database_t* db = nullptr;
    EXPECT_EQ(quiver_database_from_migrations(path.c_str(), migrations.c_str(), &options, &db), QUIVER_ERROR);
    EXPECT_EQ(std::string(quiver_get_last_error()).rfind("Failed to migrate_up: migration 2: ", 0), 0u)
        << quiver_get_last_error();
    EXPECT_EQ(db, nullptr);

    // D12: the database keeps the version it had before the call.
    ASSERT_OK(quiver_database_open(path.c_str(), &options, &db));
    int64_t version = -1;
    ASSERT_OK(quiver_database_current_version(db, &version));
    EXPECT_EQ(version, 0);
    quiver_database_close(db);
}

TEST(CApiLifecycle, CloseNullIsOk) {
    EXPECT_EQ(quiver_database_close(nullptr), QUIVER_OK);
}

TEST(CApiLifecycle, NullArguments) {
    const auto options = quiet_options();
    quiver_database_t* db = nullptr;
    const std::string schema = schema_path(kFixture);
    EXPECT_ERROR(quiver_database_open(nullptr, &options, &db), "Null argument: path");
    EXPECT_ERROR(quiver_database_open(":memory:", &options, nullptr), "Null argument: out_db");

    EXPECT_ERROR(quiver_database_from_schema(nullptr, schema.c_str(), &options, &db), "Null argument: db_path");
    EXPECT_ERROR(quiver_database_from_schema(":memory:", nullptr, &options, &db), "Null argument: schema_path");
    EXPECT_ERROR(quiver_database_from_schema(":memory:", schema.c_str(), &options, nullptr), "Null argument: out_db");

    EXPECT_ERROR(quiver_database_from_migrations(nullptr, "m", &options, &db), "Null argument: db_path");
    EXPECT_ERROR(quiver_database_from_migrations(":memory:", nullptr, &options, &db),
                 "Null argument: migrations_path");
    EXPECT_ERROR(quiver_database_from_migrations(":memory:", "m", &options, nullptr), "Null argument: out_db");
    // First NULL in declaration order wins.
    EXPECT_ERROR(quiver_database_from_migrations(nullptr, nullptr, &options, nullptr), "Null argument: db_path");
    EXPECT_EQ(db, nullptr);

    ASSERT_OK(quiver_database_open(":memory:", &options, &db));
    int flag = 0;
    const char* path = nullptr;
    int64_t version = 0;
    EXPECT_ERROR(quiver_database_is_healthy(nullptr, &flag), "Null argument: db");
    EXPECT_ERROR(quiver_database_is_healthy(db, nullptr), "Null argument: out_healthy");
    EXPECT_ERROR(quiver_database_path(nullptr, &path), "Null argument: db");
    EXPECT_ERROR(quiver_database_path(db, nullptr), "Null argument: out_path");
    EXPECT_ERROR(quiver_database_current_version(nullptr, &version), "Null argument: db");
    EXPECT_ERROR(quiver_database_current_version(db, nullptr), "Null argument: out_version");
    char* report = nullptr;
    EXPECT_ERROR(quiver_database_describe(nullptr, &report), "Null argument: db");
    EXPECT_ERROR(quiver_database_describe(db, nullptr), "Null argument: out_report");
    EXPECT_ERROR(quiver_database_describe_collection(nullptr, "x", &report), "Null argument: db");
    EXPECT_ERROR(quiver_database_describe_collection(db, nullptr, &report), "Null argument: collection");
    EXPECT_ERROR(quiver_database_describe_collection(db, "x", nullptr), "Null argument: out_report");
    EXPECT_ERROR(quiver_database_summarize_collection(nullptr, "x", &report), "Null argument: db");
    EXPECT_ERROR(quiver_database_summarize_collection(db, nullptr, &report), "Null argument: collection");
    EXPECT_ERROR(quiver_database_summarize_collection(db, "x", nullptr), "Null argument: out_report");
    EXPECT_EQ(report, nullptr);
    quiver_database_close(db);
}

TEST(CApiLifecycle, DescribeReturnsTheReport) {
    const auto options = quiet_options();
    const std::string path = scratch_db();
    quiver_database_t* db = nullptr;
    ASSERT_OK(quiver_database_from_schema(path.c_str(), schema_path(kFixture).c_str(), &options, &db));
    testing::internal::CaptureStdout();
    char* report = nullptr;
    const quiver_error_t status = quiver_database_describe(db, &report);
    EXPECT_EQ(testing::internal::GetCapturedStdout(), "");  // nothing printed
    EXPECT_EQ(status, QUIVER_OK);
    ASSERT_NE(report, nullptr);
    const std::string output = report;
    quiver_database_free_string(report);
    EXPECT_EQ(output.rfind("Database: " + path + "\nVersion: 0\n", 0), 0u) << output;
    EXPECT_NE(output.find("Collection: Item (0 elements)\n"), std::string::npos) << output;
    EXPECT_NE(output.find("    - label (TEXT) NOT NULL\n"), std::string::npos) << output;
    // One header per section (D17).
    EXPECT_NE(output.find("  Vectors:\n    - names: name_text(TEXT)\n    - values: value_float(REAL), value_int(INTEGER)\n"),
              std::string::npos)
        << output;
    EXPECT_NE(output.find("    - tags: tag(TEXT)\n"), std::string::npos) << output;
    EXPECT_NE(output.find("    - owner_id (INTEGER) -> Owner.id\n"), std::string::npos) << output;
    quiver_database_close(db);
}

TEST(CApiLifecycle, DescribeWithoutSchemaDoesNotFail) {
    const auto options = quiet_options();
    quiver_database_t* db = nullptr;
    ASSERT_OK(quiver_database_open(":memory:", &options, &db));
    char* report = nullptr;
    EXPECT_EQ(quiver_database_describe(db, &report), QUIVER_OK);
    ASSERT_NE(report, nullptr);
    EXPECT_STREQ(report, "Database: :memory:\nVersion: 0\n\nNo schema loaded.\n");
    quiver_database_free_string(report);
    quiver_database_close(db);
}
