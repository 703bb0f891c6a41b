// The time-series files table through the C API (semantics 7.6).
#include "c_test_support.h"

using namespace quiver::c_test;

namespace {
using CApiTimeSeriesFiles = CApiTest;
}  // namespace

TEST_F(CApiTimeSeriesFiles, HasTimeSeriesFiles) {
    int result = -1;
    ASSERT_OK(quiver_database_has_time_series_files(db, "Item", &result));
    EXPECT_EQ(result, 1);
    ASSERT_OK(quiver_database_has_time_series_files(db, "Owner", &result));
    EXPECT_EQ(result, 0);
    result = -1;
    EXPECT_ERROR(quiver_database_has_time_series_files(db, "Nope", &result),
                 "Cannot has_time_series_files: collection not found: Nope");
    EXPECT_EQ(result, -1);
}

TEST_F(CApiTimeSeriesFiles, ListTimeSeriesFilesColumns) {
    char** columns = nullptr;
    size_t count = 0;
    ASSERT_OK(quiver_database_list_time_series_files_columns(db, "Item", &columns, &count));
    ASSERT_EQ(count, 2u);
    EXPECT_STREQ(columns[0], "demand");
    EXPECT_STREQ(columns[1], "inflow");
    EXPECT_OK(quiver_database_free_string_array(columns, count));
    EXPECT_ERROR(quiver_database_list_time_series_files_columns(db, "Owner", &columns, &count),
                 "Time series files table not found: Owner_time_series_files");
}

TEST_F(CApiTimeSeriesFiles, ReadFilesBeforeAnyWriteHasNullPaths) {
    char** columns = nullptr;
    char** paths = nullptr;
    size_t count = 0;
    ASSERT_OK(quiver_database_read_time_series_files(db, "Item", &columns, &paths, &count));
    ASSERT_EQ(count, 2u);
    EXPECT_STREQ(columns[0], "demand");
    EXPECT_STREQ(columns[1], "inflow");
    EXPECT_EQ(paths[0], nullptr);
    EXPECT_EQ(paths[1], nullptr);
    EXPECT_OK(quiver_database_free_time_series_files(columns, paths, count));
}

TEST_F(CApiTimeSeriesFiles, UpdateAndReadFiles) {
    const char* columns_in[] = {"inflow", "demand"};
    const char* paths_in[] = {"  /data/inflow.csv ", nullptr};
    ASSERT_OK(quiver_database_update_time_series_files(db, "Item", columns_in, paths_in, 2));
    char** columns = nullptr;
    char** paths = nullptr;
    size_t count = 0;
    ASSERT_OK(quiver_database_read_time_series_files(db, "Item", &columns, &paths, &count));
    ASSERT_EQ(count, 2u);
    EXPECT_STREQ(columns[0], "demand");
    EXPECT_EQ(paths[0], nullptr);
    EXPECT_STREQ(columns[1], "inflow");
    EXPECT_STREQ(paths[1], "/data/inflow.csv");  // trimmed
    quiver_database_free_time_series_files(columns, paths, count);

    // Rewriting with only one column sets the others to NULL.
    const char* only_demand[] = {"demand"};
    const char* demand_path[] = {"d.csv"};
    ASSERT_OK(quiver_database_update_time_series_files(db, "Item", only_demand, demand_path, 1));
    ASSERT_OK(quiver_database_read_time_series_files(db, "Item", &columns, &paths, &count));
    EXPECT_STREQ(paths[0], "d.csv");
    EXPECT_EQ(paths[1], nullptr);
    quiver_database_free_time_series_files(columns, paths, count);

    // count == 0 is a no-op (NULL arrays allowed).
    ASSERT_OK(quiver_database_update_time_series_files(db, "Item", nullptr, nullptr, 0));
    ASSERT_OK(quiver_database_read_time_series_files(db, "Item", &columns, &paths, &count));
    EXPECT_STREQ(paths[0], "d.csv");
    quiver_database_free_time_series_files(columns, paths, count);
}

TEST_F(CApiTimeSeriesFiles, UpdateFilesErrors) {
    const char* columns[] = {"inflow"};
    const char* paths[] = {"x"};
    EXPECT_ERROR(quiver_database_update_time_series_files(db, "Item", nullptr, paths, 1),
                 "Cannot update_time_series_files: Null columns or paths with non-zero count");
    EXPECT_ERROR(quiver_database_update_time_series_files(db, "Item", columns, nullptr, 1),
                 "Cannot update_time_series_files: Null columns or paths with non-zero count");
    const char* null_column[] = {"inflow", nullptr};
    const char* two_paths[] = {"a", "b"};
    EXPECT_ERROR(quiver_database_update_time_series_files(db, "Item", null_column, two_paths, 2),
                 "Cannot update_time_series_files: Null column name at index 1");
    const char* unknown[] = {"bogus"};
    EXPECT_ERROR(quiver_database_update_time_series_files(db, "Item", unknown, paths, 1),
                 "Cannot update_time_series_files: column 'bogus' not found in table 'Item_time_series_files'");
    EXPECT_ERROR(quiver_database_update_time_series_files(db, "Owner", columns, paths, 1),
                 "Time series files table not found for collection 'Owner'");
    char** out_columns = nullptr;
    char** out_paths = nullptr;
    size_t count = 0;
    EXPECT_ERROR(quiver_database_read_time_series_files(db, "Owner", &out_columns, &out_paths, &count),
                 "Time series files table not found for collection 'Owner'");
    EXPECT_EQ(out_columns, nullptr);
}

TEST_F(CApiTimeSeriesFiles, FilesNullArguments) {
    int result = 0;
    char** columns = nullptr;
    char** paths = nullptr;
    size_t count = 0;
    EXPECT_ERROR(quiver_database_has_time_series_files(nullptr, "Item", &result), "Null argument: db");
    EXPECT_ERROR(quiver_database_has_time_series_files(db, nullptr, &result), "Null argument: collection");
    EXPECT_ERROR(quiver_database_has_time_series_files(db, "Item", nullptr), "Null argument: out_result");
    EXPECT_ERROR(quiver_database_list_time_series_files_columns(nullptr, "Item", &columns, &count),
                 "Null argument: db");
    EXPECT_ERROR(quiver_database_list_time_series_files_columns(db, nullptr, &columns, &count),
                 "Null argument: collection");
    EXPECT_ERROR(quiver_database_list_time_series_files_columns(db, "Item", nullptr, &count),
                 "Null argument: out_columns");
    EXPECT_ERROR(quiver_database_list_time_series_files_columns(db, "Item", &columns, nullptr),
                 "Null argument: out_count");
    EXPECT_ERROR(quiver_database_read_time_series_files(nullptr, "Item", &columns, &paths, &count),
                 "Null argument: db");
    EXPECT_ERROR(quiver_database_read_time_series_files(db, nullptr, &columns, &paths, &count),
                 "Null argument: collection");
    EXPECT_ERROR(quiver_database_read_time_series_files(db, "Item", nullptr, &paths, &count),
                 "Null argument: out_columns");
    EXPECT_ERROR(quiver_database_read_time_series_files(db, "Item", &columns, nullptr, &count),
                 "Null argument: out_paths");
    EXPECT_ERROR(quiver_database_read_time_series_files(db, "Item", &columns, &paths, nullptr),
                 "Null argument: out_count");
    EXPECT_ERROR(quiver_database_update_time_series_files(nullptr, "Item", nullptr, nullptr, 0), "Null argument: db");
    EXPECT_ERROR(quiver_database_update_time_series_files(db, nullptr, nullptr, nullptr, 0),
                 "Null argument: collection");
}
