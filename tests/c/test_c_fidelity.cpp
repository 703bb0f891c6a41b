// Data fidelity through the C API: element arrays with presence masks (api-additions 0.1 R5),
// typed readers that refuse NULL cells (D20), partial group updates (D21), DATE_TIME validation
// (D22), opening a missing file (D23), the int in_transaction (R7). Refused writes change
// nothing, inside and outside a user transaction.
#include "c_test_support.h"

#include <filesystem>
#include <string>
#include <vector>

using namespace quiver::c_test;

namespace {

class CApiFidelity : public CApiTest {
protected:
    std::string query(const std::string& sql) {
        char* value = nullptr;
        int has = 0;
        EXPECT_OK(quiver_database_query_string(db, sql.c_str(), &value, &has));
        std::string out = has && value ? value : "<null>";
        quiver_database_free_string(value);
        return out;
    }
    std::string vector_rows(int64_t id) {
        return query("SELECT group_concat(r, ' ') FROM (SELECT vector_index || ':' || quote(value_int) || ':' || "
                     "quote(value_float) AS r FROM Item_vector_values WHERE id = " + std::to_string(id) +
                     " ORDER BY vector_index)");
    }
};

}  // namespace

TEST_F(CApiFidelity, ArraySettersWithMasksWriteNullCells) {
    ElementHandle element;
    element.set("label", "a")
        .set("value_int", std::vector<int64_t>{1, -1, 3}, std::vector<uint8_t>{1, 0, 1})
        .set("value_float", std::vector<double>{-1.0, 2.5, -1.0}, std::vector<uint8_t>{0, 1, 0})
        .set("name_text", std::vector<const char*>{"x", "ignored", nullptr}, std::vector<uint8_t>{1, 0, 1});
    const int64_t id = create("Item", element);
    EXPECT_EQ(vector_rows(id), "1:1:NULL 2:NULL:2.5 3:3:NULL");
    // A masked-out string is NULL; a NULL char* of a present cell is "" (baseline).
    EXPECT_EQ(query("SELECT group_concat(quote(name_text), ' ') FROM (SELECT name_text FROM Item_vector_names "
                    "ORDER BY vector_index)"),
              "'x' NULL ''");

    // update_element with masks; a NULL mask pointer is dense.
    ElementHandle update;
    update.set("value_int", std::vector<int64_t>{0, 9}, std::vector<uint8_t>{1, 1})
        .set("value_float", std::vector<double>{0.0, 0.0}, std::vector<uint8_t>{0, 0});
    ASSERT_OK(quiver_database_update_element(db, "Item", id, update));
    EXPECT_EQ(vector_rows(id), "1:0:NULL 2:9:NULL");
}

TEST_F(CApiFidelity, TypedReadersRefuseNullCells) {  // D20
    ElementHandle element;
    element.set("label", "a")
        .set("value_int", std::vector<int64_t>{1, 0, 3}, std::vector<uint8_t>{1, 0, 1})
        .set("value_float", std::vector<double>{1.0, 2.0, 3.0});
    const int64_t id = create("Item", element);
    int64_t* values = reinterpret_cast<int64_t*>(0x1);
    size_t count = 77;
    EXPECT_ERROR(quiver_database_read_vector_integers_by_id(db, "Item", "value_int", id, &values, &count),
                 "Cannot read_vector_integers_by_id: element 1 has a NULL at vector_index 2 in 'value_int'; use "
                 "read_vector_group_by_id to read NULL cells");
    EXPECT_EQ(count, 77u);  // outputs untouched
    int64_t** vectors = nullptr;
    size_t* sizes = nullptr;
    EXPECT_ERROR(quiver_database_read_vector_integers(db, "Item", "value_int", &vectors, &sizes, &count),
                 "Cannot read_vector_integers: element 1 has a NULL at vector_index 2 in 'value_int'; use "
                 "read_vector_group_by_id to read NULL cells");
    // Float readers widen INTEGER cells of another element (api-additions 11).
    ElementHandle other;
    other.set("label", "b").set("value_int", std::vector<int64_t>{4, 5}).set("value_float", std::vector<double>{1, 2});
    const int64_t b = create("Item", other);
    double* floats = nullptr;
    ASSERT_OK(quiver_database_read_vector_floats_by_id(db, "Item", "value_int", b, &floats, &count));
    ASSERT_EQ(count, 2u);
    EXPECT_EQ(floats[0], 4.0);
    EXPECT_EQ(floats[1], 5.0);
    quiver_database_free_float_array(floats);
}

TEST_F(CApiFidelity, PartialGroupUpdateRefused) {  // D21
    ElementHandle element;
    element.set("label", "a").set("value_int", std::vector<int64_t>{1, 2}).set("value_float", std::vector<double>{0.5, 1.5});
    const int64_t id = create("Item", element);
    in_both_modes([&] {
        ElementHandle partial;
        partial.set("value_int", std::vector<int64_t>{7});
        EXPECT_C_FAILS_UNCHANGED(db, quiver_database_update_element(db, "Item", id, partial),
                                 "Cannot update_element: column(s) value_float of vector group 'values' in collection "
                                 "'Item' hold values for element 1 but were not given; give every column or use "
                                 "update_vector_group");
    });
    // With value_float written as NULL cells, a partial write discards nothing.
    ElementHandle nulls;
    nulls.set("value_int", std::vector<int64_t>{1}).set("value_float", std::vector<double>{0.0}, std::vector<uint8_t>{0});
    ASSERT_OK(quiver_database_update_element(db, "Item", id, nulls));
    ElementHandle partial;
    partial.set("value_int", std::vector<int64_t>{7, 8});
    ASSERT_OK(quiver_database_update_element(db, "Item", id, partial));
    EXPECT_EQ(vector_rows(id), "1:7:NULL 2:8:NULL");
}

TEST_F(CApiFidelity, DateTimeValidatedOnWrites) {  // D22
    const int64_t id = create_item("a");
    in_both_modes([&] {
        ElementHandle scalar;
        scalar.set("date_created", "yesterday");
        EXPECT_C_FAILS_UNCHANGED(db, quiver_database_update_element(db, "Item", id, scalar),
                                 "Cannot update_element: invalid date-time 'yesterday' for column 'date_created': "
                                 "expected YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS");
        ElementHandle array;
        array.set("date_time", std::vector<const char*>{"2024-01-01", "2024-02-30"});
        EXPECT_C_FAILS_UNCHANGED(db, quiver_database_update_element(db, "Item", id, array),
                                 "Cannot update_element: invalid date-time '2024-02-30' for array 'date_time' index 1: "
                                 "expected YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS");
        const char* names[] = {"date_time", "date_valid"};
        const int types[] = {QUIVER_DATA_TYPE_STRING, QUIVER_DATA_TYPE_DATE_TIME};
        const char* dates[] = {"2024-01-01"};
        const char* valid[] = {"15/01/2020"};
        const void* data[] = {dates, valid};
        EXPECT_C_FAILS_UNCHANGED(db, quiver_database_update_time_series_group(db, "Item", "readings", id, names, types, data,
                                                                              nullptr, 2, 1),
                                 "Cannot update_time_series_group: invalid date-time '15/01/2020' for column "
                                 "'date_valid' row 0: expected YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS");
    });
    ElementHandle good;
    good.set("date_created", " 2024-07-04T12:00 ");
    ASSERT_OK(quiver_database_update_element(db, "Item", id, good));
    EXPECT_EQ(query("SELECT date_created FROM Item WHERE id = 1"), "2024-07-04T12:00");
}

TEST(CApiMissingFile, OpenCreatesNothing) {  // D23
    const auto options = quiet_options();
    const auto dir = scratch_dir();
    const std::string path = (dir / "missing.db").string();
    quiver_database_t* db = nullptr;
    EXPECT_ERROR(quiver_database_open(path.c_str(), &options, &db), "Database not found: " + path);
    EXPECT_EQ(db, nullptr);
    EXPECT_ERROR(quiver_database_open(path.c_str(), nullptr, &db), "Database not found: " + path);
    EXPECT_ERROR(quiver_database_open("", &options, &db), "Database not found: ");
    EXPECT_FALSE(std::filesystem::exists(path));
    EXPECT_FALSE(std::filesystem::exists(dir / "quiver_database.log"));
    // :memory: and an existing file open.
    ASSERT_OK(quiver_database_open(":memory:", &options, &db));
    quiver_database_close(db);
    write_file(path, "");
    ASSERT_OK(quiver_database_open(path.c_str(), &options, &db));
    int active = -1;
    ASSERT_OK(quiver_database_in_transaction(db, &active));
    EXPECT_EQ(active, 0);
    ASSERT_OK(quiver_database_begin_transaction(db));
    ASSERT_OK(quiver_database_in_transaction(db, &active));
    EXPECT_EQ(active, 1);
    ASSERT_OK(quiver_database_rollback(db));
    quiver_database_close(db);
}
