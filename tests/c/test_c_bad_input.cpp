// Bad-input catalogue of the C API (docs/reliability.md, "Bad input"): NULL pointers, wrong type
// codes, empty and huge strings, invalid UTF-8, names shaped like SQL injection, int64 extremes,
// NaN/Inf, bad paths and read-only databases. Every case returns QUIVER_ERROR with a clear
// message (three patterns, or the C layer's `Null argument: <p>` family) and leaves the database
// exactly as it was (whole-database snapshot through the C API before/after).
// C strings are NUL-terminated by definition: an embedded NUL cannot reach the library from C.
#include "c_test_support.h"

#include <cmath>
#include <filesystem>
#include <limits>
#include <string>
#include <vector>

using namespace quiver::c_test;

namespace {

const double kNaN = std::numeric_limits<double>::quiet_NaN();
const double kInf = std::numeric_limits<double>::infinity();
constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
constexpr int64_t kMin = std::numeric_limits<int64_t>::min();

const std::vector<std::string> kInvalidUtf8 = {"\xff", "abc\xfe", "\x80", "\xe2\x82", "\xc0\xaf", "\xed\xa0\x80",
                                               "\xf4\x90\x80\x80"};

const std::vector<std::string> kInjectionNames = {
    "x; DROP TABLE Owner", "Item\"; DROP TABLE Owner; --", "Item'; DROP TABLE Owner; --", "[Item]", "`Item`",
    "\"Item\"",            "' OR '1'='1",
};

class CApiBadInput : public CApiTest {
protected:
    void SetUp() override {
        CApiTest::SetUp();
        ElementHandle config;
        config.set("label", "cfg");
        create("Configuration", config);
        ElementHandle owner;
        owner.set("label", "Alice");
        create("Owner", owner);
        ElementHandle item;
        item.set("label", "Item 1").set("quantity", int64_t{3}).set("price", 1.5).set("owner_id", "Alice");
        item.set("value_int", std::vector<int64_t>{1, 2}).set("tag", std::vector<const char*>{"a", "b"});
        item_ = create("Item", item);
    }

    quiver_error_t create_with(const char* collection, const ElementHandle& element) {
        int64_t id = -1;
        return quiver_database_create_element(db, collection, element.get(), &id);
    }

    // One time-series row: date_time + one value column of the given type.
    quiver_error_t update_one_row(const char* column, int type, const void* data) {
        const char* date[] = {"2024-01-01T00:00:00"};
        const char* names[] = {"date_time", column};
        const int types[] = {QUIVER_DATA_TYPE_STRING, type};
        const void* columns[] = {date, data};
        return quiver_database_update_time_series_group(db, "Item", "readings", item_, names, types, columns, nullptr, 2, 1);
    }

    quiver_error_t query_with(const char* sql, int type, const void* value) {
        char* out = nullptr;
        int has = 0;
        const int types[] = {type};
        const void* values[] = {value};
        const auto err = quiver_database_query_string_params(db, sql, types, values, 1, &out, &has);
        quiver_database_free_string(out);
        return err;
    }

    int64_t item_ = 0;
};

}  // namespace

// --------------------------------------------------------------------------------------------
// NULL pointers and malformed argument arrays

TEST_F(CApiBadInput, NullArguments) {
    ElementHandle element;
    element.set("label", "x");
    int64_t id = -1;
    in_both_modes([&] {
        EXPECT_C_FAILS_UNCHANGED(db, quiver_database_create_element(db, nullptr, element, &id), "Null argument: collection");
        EXPECT_C_FAILS_UNCHANGED(db, quiver_database_create_element(db, "Item", nullptr, &id), "Null argument: element");
        EXPECT_C_FAILS_UNCHANGED(db, quiver_database_create_element(db, "Item", element, nullptr), "Null argument: out_id");
        EXPECT_C_FAILS_UNCHANGED(db, quiver_database_update_element(db, "Item", item_, nullptr), "Null argument: element");
        EXPECT_C_FAILS_UNCHANGED(db, quiver_database_delete_element(db, nullptr, item_), "Null argument: collection");
        EXPECT_C_FAILS_UNCHANGED(db, quiver_database_update_time_series_files(db, "Item", nullptr, nullptr, 1),
                                 "Cannot update_time_series_files: Null columns or paths with non-zero count");
        const char* columns[] = {nullptr};
        const char* paths[] = {"p"};
        EXPECT_C_FAILS_UNCHANGED(db, quiver_database_update_time_series_files(db, "Item", columns, paths, 1),
                                 "Cannot update_time_series_files: Null column name at index 0");
        EXPECT_C_FAILS_UNCHANGED(db, query_with("SELECT ?", QUIVER_DATA_TYPE_STRING, nullptr),
                                 "Cannot query_string: Null string pointer in parameter at index 0");
        EXPECT_C_FAILS_UNCHANGED(db, query_with("SELECT ?", QUIVER_DATA_TYPE_FLOAT, nullptr),
                                 "Cannot query_string: Null value pointer in parameter at index 0");
        EXPECT_C_FAILS_UNCHANGED(db, query_with("SELECT ?", 99, nullptr), "Cannot query_string: Unknown parameter type: 99 at index 0");
        // (A NULL column_data[i] is an all-NULL column since 0.6.0, not an error.)
        const char* names[] = {"date_time", nullptr};
        const int types[] = {QUIVER_DATA_TYPE_STRING, QUIVER_DATA_TYPE_FLOAT};
        const char* dates[] = {"2024-01-01"};
        const void* data[] = {dates, nullptr};
        EXPECT_C_FAILS_UNCHANGED(db, quiver_database_update_time_series_group(db, "Item", "readings", item_, names, types, data, nullptr, 2, 1),
                                 "Cannot update_time_series_group: column_names[1] is null");
        EXPECT_C_FAILS_UNCHANGED(db, quiver_database_export_csv(db, "Item", "", nullptr, nullptr), "Null argument: path");
    });
    // Element setters reject bad arrays before anything reaches a database.
    EXPECT_ERROR(quiver_element_set_array_string(element, "tag", nullptr, 2, nullptr),
                 "Cannot set_array_string: Invalid values/count combination for 'tag'");
    EXPECT_ERROR(quiver_element_set_array_float(element, "value_float", nullptr, -1, nullptr),
                 "Cannot set_array_float: Invalid values/count combination for 'value_float'");
    EXPECT_ERROR(quiver_element_set_string(element, "label", nullptr), "Null argument: value");
}

TEST_F(CApiBadInput, NullValuesInNotNullColumns) {
    in_both_modes([&] {
        ElementHandle element;
        element.set_null("label");
        EXPECT_C_FAILS_UNCHANGED(db, create_with("Item", element), "Failed to execute statement: NOT NULL constraint failed: Item.label");
        const char* dates[] = {nullptr};  // a NULL char* cell is SQL NULL
        const char* names[] = {"date_time"};
        const int types[] = {QUIVER_DATA_TYPE_STRING};
        const void* data[] = {dates};
        EXPECT_C_FAILS_UNCHANGED(db, quiver_database_update_time_series_group(db, "Item", "readings", item_, names, types, data, nullptr, 1, 1),
                                 "Cannot update_time_series_group: row 0 has NULL in dimension column 'date_time'");
    });
}

// --------------------------------------------------------------------------------------------
// Wrong types

TEST_F(CApiBadInput, WrongTypes) {
    in_both_modes([&] {
        ElementHandle element;
        element.set("label", "x").set("quantity", 2.5);
        EXPECT_C_FAILS_UNCHANGED(db, create_with("Item", element),
                                 "Cannot create_element: type mismatch for column 'quantity': expected INTEGER, got REAL");
        ElementHandle text_for_integer;
        text_for_integer.set("quantity", "12");
        EXPECT_C_FAILS_UNCHANGED(db, quiver_database_update_element(db, "Item", item_, text_for_integer),
                                 "Cannot resolve attribute: 'quantity' is INTEGER but received string '12' (not a foreign key)");
        const double values[] = {1.5};
        EXPECT_C_FAILS_UNCHANGED(db, update_one_row("count_value", QUIVER_DATA_TYPE_FLOAT, values),
                                 "Cannot update_time_series_group: column 'count_value' has type INTEGER but received FLOAT");
        EXPECT_C_FAILS_UNCHANGED(db, update_one_row("measurement", 77, values),
                                 "Cannot update_time_series_group: unknown column type 77");
    });
}

// --------------------------------------------------------------------------------------------
// Empty and huge strings

TEST_F(CApiBadInput, EmptyAndHugeStrings) {
    in_both_modes([&] {
        ElementHandle element;
        element.set("label", "x");
        EXPECT_C_FAILS_UNCHANGED(db, create_with("", element), "Cannot create_element: collection not found: ");
        ElementHandle empty_name;
        empty_name.set("", int64_t{1});
        EXPECT_C_FAILS_UNCHANGED(db, quiver_database_update_element(db, "Item", item_, empty_name),
                                 "Cannot update_element: column '' not found in table 'Item'");
    });
    const std::string huge(10 * 1024 * 1024, 'y');
    ElementHandle element;
    element.set("label", huge.c_str()).set("name_text", std::vector<const char*>{huge.c_str(), ""});
    const int64_t id = create("Item", element);
    char* label = nullptr;
    int has = 0;
    ASSERT_OK(quiver_database_read_scalar_string_by_id(db, "Item", "label", id, &label, &has));
    ASSERT_TRUE(has);
    EXPECT_EQ(std::string(label), huge);
    quiver_database_free_string(label);
    ElementHandle huge_collection;
    huge_collection.set("label", "z");
    EXPECT_C_FAILS_UNCHANGED(db, create_with(huge.c_str(), huge_collection), "Cannot create_element: collection not found: " + huge);
}

// --------------------------------------------------------------------------------------------
// Invalid UTF-8 (rejected by the core on every write path)

TEST_F(CApiBadInput, InvalidUtf8IsRejected) {
    in_both_modes([&] {
        for (const auto& bytes : kInvalidUtf8) {
            SCOPED_TRACE(testing::PrintToString(bytes));
            ElementHandle scalar;
            scalar.set("label", bytes.c_str());
            EXPECT_C_FAILS_UNCHANGED(db, create_with("Item", scalar), "Cannot create_element: invalid UTF-8 in column 'label'");
            ElementHandle array;
            array.set("tag", std::vector<const char*>{"ok", bytes.c_str()});
            EXPECT_C_FAILS_UNCHANGED(db, quiver_database_update_element(db, "Item", item_, array),
                                     "Cannot update_element: invalid UTF-8 in array 'tag' index 1");
            const char* notes[] = {bytes.c_str()};
            EXPECT_C_FAILS_UNCHANGED(db, update_one_row("note", QUIVER_DATA_TYPE_STRING, notes),
                                     "Cannot update_time_series_group: invalid UTF-8 in column 'note' row 0");
            const char* columns[] = {"inflow"};
            const char* paths[] = {bytes.c_str()};
            EXPECT_C_FAILS_UNCHANGED(db, quiver_database_update_time_series_files(db, "Item", columns, paths, 1),
                                     "Cannot update_time_series_files: invalid UTF-8 in column 'inflow'");
            EXPECT_C_FAILS_UNCHANGED(db, query_with("UPDATE Item SET description = ?", QUIVER_DATA_TYPE_STRING, bytes.c_str()),
                                     "Cannot query_string: invalid UTF-8 in parameter 0");
        }
    });
}

// --------------------------------------------------------------------------------------------
// Names shaped like SQL injection

TEST_F(CApiBadInput, InjectionShapedNames) {
    for (const auto& name : kInjectionNames) {
        SCOPED_TRACE(name);
        ElementHandle element;
        element.set("label", "x");
        EXPECT_C_FAILS_UNCHANGED(db, create_with(name.c_str(), element), "Cannot create_element: collection not found: " + name);
        ElementHandle attribute;
        attribute.set(name.c_str(), int64_t{1});
        EXPECT_C_FAILS_UNCHANGED(db, quiver_database_update_element(db, "Item", item_, attribute),
                                 "Cannot update_element: column '" + name + "' not found in table 'Item'");
        int64_t* values = nullptr;
        size_t count = 0;
        EXPECT_C_FAILS_UNCHANGED(db, quiver_database_read_vector_integers_by_id(db, "Item", name.c_str(), item_, &values, &count),
                                 "Vector attribute not found: '" + name + "' in collection 'Item'");
        EXPECT_C_FAILS_UNCHANGED(db,
                                 quiver_database_update_time_series_group(db, "Item", name.c_str(), item_, nullptr, nullptr,
                                                                          nullptr, nullptr, 0, 0),
                                 "Time series group '" + name + "' not found for collection 'Item'");
        const char* columns[] = {name.c_str()};
        const char* paths[] = {"p"};
        EXPECT_C_FAILS_UNCHANGED(db, quiver_database_update_time_series_files(db, "Item", columns, paths, 1),
                                 "Cannot update_time_series_files: column '" + name + "' not found in table 'Item_time_series_files'");
        // As a label it is just text.
        ElementHandle owner;
        owner.set("label", name.c_str());
        const int64_t id = create("Owner", owner);
        ElementHandle link;
        link.set("owner_id", name.c_str());
        EXPECT_OK(quiver_database_update_element(db, "Item", item_, link));
        int64_t owner_id = 0;
        int has = 0;
        EXPECT_OK(quiver_database_read_scalar_integer_by_id(db, "Item", "owner_id", item_, &owner_id, &has));
        EXPECT_EQ(owner_id, id);
    }
    int64_t* ids = nullptr;
    size_t count = 0;
    ASSERT_OK(quiver_database_read_element_ids(db, "Owner", &ids, &count));
    EXPECT_EQ(count, kInjectionNames.size() + 1);
    quiver_database_free_integer_array(ids);
}

// --------------------------------------------------------------------------------------------
// int64 extremes, NaN and Inf

TEST_F(CApiBadInput, Int64ExtremeIds) {
    in_both_modes([&] {
        EXPECT_C_FAILS_UNCHANGED(db, quiver_database_delete_element(db, "Item", kMax),
                                 "Element not found: 9223372036854775807 in collection 'Item'");
        ElementHandle element;
        element.set("quantity", int64_t{1});
        EXPECT_C_FAILS_UNCHANGED(db, quiver_database_update_element(db, "Item", kMin, element),
                                 "Element not found: -9223372036854775808 in collection 'Item'");
    });
}

TEST_F(CApiBadInput, NaNIsRejected) {
    in_both_modes([&] {
        ElementHandle scalar;
        scalar.set("label", "n").set("price", kNaN);
        EXPECT_C_FAILS_UNCHANGED(db, create_with("Item", scalar), "Cannot create_element: NaN is not allowed for column 'price'");
        ElementHandle array;
        array.set("value_float", std::vector<double>{0.0, 1.0, kNaN});
        EXPECT_C_FAILS_UNCHANGED(db, quiver_database_update_element(db, "Item", item_, array),
                                 "Cannot update_element: NaN is not allowed for array 'value_float' index 2");
        const double cells[] = {kNaN};
        EXPECT_C_FAILS_UNCHANGED(db, update_one_row("measurement", QUIVER_DATA_TYPE_FLOAT, cells),
                                 "Cannot update_time_series_group: NaN is not allowed for column 'measurement' row 0");
        EXPECT_C_FAILS_UNCHANGED(db, query_with("UPDATE Item SET price = ?", QUIVER_DATA_TYPE_FLOAT, &kNaN),
                                 "Cannot query_string: NaN is not allowed for parameter 0");
    });
}

TEST_F(CApiBadInput, InfinityRoundTrips) {
    ElementHandle element;
    element.set("price", -kInf).set("weight", std::vector<double>{kInf});
    ASSERT_OK(quiver_database_update_element(db, "Item", item_, element));
    double price = 0;
    int has = 0;
    ASSERT_OK(quiver_database_read_scalar_float_by_id(db, "Item", "price", item_, &price, &has));
    EXPECT_TRUE(has);
    EXPECT_EQ(price, -kInf);
    double out = 0;
    const int types[] = {QUIVER_DATA_TYPE_FLOAT};
    const void* values[] = {&kInf};
    ASSERT_OK(quiver_database_query_float_params(db, "SELECT ?", types, values, 1, &out, &has));
    EXPECT_EQ(out, kInf);
}

// --------------------------------------------------------------------------------------------
// Paths and read-only databases

TEST_F(CApiBadInput, Paths) {
    const auto dir = scratch_dir();
    std::filesystem::create_directories(dir / "a_directory");
    write_file((dir / "a_file").string(), "x");
    const auto options = quiet_options();
    quiver_database_t* other = nullptr;
    const std::string missing_schema = (dir / "missing.sql").string();
    EXPECT_ERROR(quiver_database_from_schema((dir / "new.db").c_str(), missing_schema.c_str(), &options, &other),
                 "Schema file not found: " + missing_schema);
    EXPECT_ERROR(quiver_database_from_migrations((dir / "new.db").c_str(), (dir / "a_file").c_str(), &options, &other),
                 "Cannot migrate_up: path is not a directory: " + (dir / "a_file").string());
    EXPECT_ERROR(quiver_database_from_migrations((dir / "new.db").c_str(), (dir / "nope").c_str(), &options, &other),
                 "Migrations path not found: " + (dir / "nope").string());
    EXPECT_ERROR(quiver_database_open((dir / "a_directory").c_str(), &options, &other),
                 "Failed to open database: unable to open database file");
    EXPECT_EQ(other, nullptr);  // out_db untouched on failure

    const auto csv_options = quiver_csv_options_default();
    in_both_modes([&] {
        EXPECT_C_FAILS_UNCHANGED(db, quiver_database_export_csv(db, "Item", "", (dir / "a_directory").c_str(), &csv_options),
                                 "Failed to export_csv: could not open file: " + (dir / "a_directory").string());
        EXPECT_C_FAILS_UNCHANGED(db, quiver_database_import_csv(db, "Item", "", (dir / "missing.csv").c_str(), &csv_options),
                                 "Cannot import_csv: could not open file: " + (dir / "missing.csv").string());
        EXPECT_C_FAILS_UNCHANGED(db, quiver_database_import_csv(db, "Item", "", (dir / "a_directory").c_str(), &csv_options),
                                 "Cannot import_csv: could not open file: " + (dir / "a_directory").string());
    });
}

TEST_F(CApiBadInput, ReadOnlyOptionRejectsWrites) {
    const std::string path = scratch_db();
    quiver_database_close(db);
    db = nullptr;
    auto options = quiet_options();
    options.read_only = 1;
    ASSERT_OK(quiver_database_open(path.c_str(), &options, &db));
    const std::string readonly = "Failed to execute statement: attempt to write a readonly database";
    ElementHandle element;
    element.set("label", "new");
    EXPECT_C_FAILS_UNCHANGED(db, create_with("Item", element), readonly);
    ElementHandle update;
    update.set("quantity", int64_t{5});
    EXPECT_C_FAILS_UNCHANGED(db, quiver_database_update_element(db, "Item", item_, update), readonly);
    EXPECT_C_FAILS_UNCHANGED(db, quiver_database_delete_element(db, "Item", item_), readonly);
    const char* columns[] = {"inflow"};
    const char* paths[] = {"p"};
    EXPECT_C_FAILS_UNCHANGED(db, quiver_database_update_time_series_files(db, "Item", columns, paths, 1), readonly);
    EXPECT_C_FAILS_UNCHANGED(db, query_with("DELETE FROM Item WHERE id = ?", QUIVER_DATA_TYPE_STRING, "1"), readonly);
}

// The snapshot helper above must see every kind of change (or the checks would be vacuous).
TEST_F(CApiBadInput, SnapshotSeesChanges) {
    const std::string s0 = snapshot(db);
    EXPECT_NE(s0.find("== Item_set_tags"), std::string::npos) << s0;
    ElementHandle element;
    element.set("price", 2.0);
    ASSERT_OK(quiver_database_update_element(db, "Item", item_, element));
    const std::string s1 = snapshot(db);
    EXPECT_NE(s1, s0);
    ElementHandle tags;
    tags.set("tag", std::vector<const char*>{"b", "a"});
    ASSERT_OK(quiver_database_update_element(db, "Item", item_, tags));  // same set, rows re-inserted
    EXPECT_EQ(snapshot(db), s1);
    ElementHandle same_price;
    same_price.set("price", int64_t{2});  // int64 into REAL is written as REAL: identical
    ASSERT_OK(quiver_database_update_element(db, "Item", item_, same_price));
    EXPECT_EQ(snapshot(db), s1);
    ElementHandle text;
    text.set("description", "2.0");
    ASSERT_OK(quiver_database_update_element(db, "Item", item_, text));
    EXPECT_NE(snapshot(db), s1);
    ASSERT_OK(quiver_database_begin_transaction(db));
    const std::string s2 = snapshot(db);
    ASSERT_OK(quiver_database_delete_element(db, "Item", item_));
    EXPECT_NE(snapshot(db), s2);  // uncommitted changes are visible
    ASSERT_OK(quiver_database_rollback(db));
    EXPECT_EQ(snapshot(db), s2);
}
