// C API: whole-group readers and writers through the columnar contract (api-additions 3.2, D15,
// D20) and their label forms (8). The contract's own NULL-cell rules: test_c_columnar.cpp.
#include "c_test_support.h"

using namespace quiver::c_test;

namespace {

// c_api_full.sql: Item_vector_values (value_float REAL, value_int INTEGER),
// Item_set_tags (tag TEXT NOT NULL), Item_set_codes (code INTEGER NOT NULL).
class CApiGroups : public CApiTest {
protected:
    void SetUp() override {
        CApiTest::SetUp();
        item_ = create_item("Item 1");
        other_ = create_item("Item 2");
    }

    quiver_error_t read_vector(int64_t id, Columns& out, const char* group = "values") {
        return quiver_database_read_vector_group_by_id(db, "Item", group, id, &out.names, &out.types, &out.data,
                                                       &out.has_value, &out.column_count, &out.row_count);
    }
    quiver_error_t read_set(int64_t id, Columns& out, const char* group = "tags") {
        return quiver_database_read_set_group_by_id(db, "Item", group, id, &out.names, &out.types, &out.data,
                                                    &out.has_value, &out.column_count, &out.row_count);
    }

    // Three rows: value_int {1, NULL, 3} (masked), value_float {0.5, 1.5, 2.5} (dense).
    void write_values(int64_t id) {
        const char* names[] = {"value_int", "value_float"};
        const int types[] = {QUIVER_DATA_TYPE_INTEGER, QUIVER_DATA_TYPE_FLOAT};
        const int64_t ints[] = {1, 99, 3};
        const double floats[] = {0.5, 1.5, 2.5};
        const uint8_t int_mask[] = {1, 0, 1};
        const uint8_t* masks[] = {int_mask, nullptr};
        const void* data[] = {ints, floats};
        ASSERT_OK(quiver_database_update_vector_group(db, "Item", "values", id, names, types, data, masks, 2, 3));
    }

    int64_t item_ = 0, other_ = 0;
};

const char* kTagNames[] = {"tag"};
const int kTagTypes[] = {QUIVER_DATA_TYPE_STRING};

}  // namespace

// --------------------------------------------------------------------------------------------
// Readers

TEST_F(CApiGroups, VectorGroupRoundTripWithMasks) {
    write_values(item_);
    Columns c;
    ASSERT_OK(read_vector(item_, c));
    ASSERT_EQ(c.column_count, 2u);
    ASSERT_EQ(c.row_count, 3u);
    EXPECT_STREQ(c.names[0], "value_float");  // metadata (alphabetical) order
    EXPECT_STREQ(c.names[1], "value_int");
    EXPECT_EQ(c.types[0], QUIVER_DATA_TYPE_FLOAT);
    EXPECT_EQ(c.types[1], QUIVER_DATA_TYPE_INTEGER);
    EXPECT_EQ(c.real(0, 2), 2.5);
    EXPECT_TRUE(c.present(0, 1));
    EXPECT_EQ(c.integer(1, 0), 1);
    EXPECT_FALSE(c.present(1, 1));
    EXPECT_EQ(c.integer(1, 1), 0);  // placeholder
    EXPECT_EQ(c.integer(1, 2), 3);
}

TEST_F(CApiGroups, SetGroupReadsInInsertionOrder) {
    const char* tags[] = {"coal", "base", nullptr};
    const void* data[] = {tags};
    ASSERT_OK(quiver_database_update_set_group(db, "Item", "tags", item_, kTagNames, kTagTypes, data, nullptr, 1, 2));
    Columns c;
    ASSERT_OK(read_set(item_, c));
    ASSERT_EQ(c.column_count, 1u);
    ASSERT_EQ(c.row_count, 2u);
    EXPECT_STREQ(c.names[0], "tag");
    EXPECT_EQ(c.types[0], QUIVER_DATA_TYPE_STRING);
    EXPECT_STREQ(c.text(0, 0), "coal");
    EXPECT_STREQ(c.text(0, 1), "base");
}

TEST_F(CApiGroups, EmptyReadsGiveNullArrays) {
    char** names = reinterpret_cast<char**>(0x1);
    int* types = reinterpret_cast<int*>(0x1);
    void** data = reinterpret_cast<void**>(0x1);
    uint8_t** has_value = reinterpret_cast<uint8_t**>(0x1);
    size_t columns = 9, rows = 9;
    ASSERT_OK(quiver_database_read_vector_group_by_id(db, "Item", "values", item_, &names, &types, &data, &has_value,
                                                      &columns, &rows));
    EXPECT_EQ(names, nullptr);
    EXPECT_EQ(types, nullptr);
    EXPECT_EQ(data, nullptr);
    EXPECT_EQ(has_value, nullptr);
    EXPECT_EQ(columns, 0u);
    EXPECT_EQ(rows, 0u);
    columns = rows = 9;
    ASSERT_OK(quiver_database_read_set_group_by_id(db, "Item", "tags", 999, &names, &types, &data, &has_value, &columns,
                                                   &rows));
    EXPECT_EQ(columns, 0u);
    EXPECT_EQ(rows, 0u);
}

TEST_F(CApiGroups, ReaderNullArgumentsAndLookups) {
    Columns c;
    auto v = [&](quiver_database_t* d, const char* coll, const char* group, char*** n, int** t, void*** data,
                 uint8_t*** m, size_t* cc, size_t* rc) {
        return quiver_database_read_vector_group_by_id(d, coll, group, item_, n, t, data, m, cc, rc);
    };
    EXPECT_ERROR(v(nullptr, "Item", "values", &c.names, &c.types, &c.data, &c.has_value, &c.column_count, &c.row_count), "Null argument: db");
    EXPECT_ERROR(v(db, nullptr, "values", &c.names, &c.types, &c.data, &c.has_value, &c.column_count, &c.row_count), "Null argument: collection");
    EXPECT_ERROR(v(db, "Item", nullptr, &c.names, &c.types, &c.data, &c.has_value, &c.column_count, &c.row_count), "Null argument: group");
    EXPECT_ERROR(v(db, "Item", "values", nullptr, &c.types, &c.data, &c.has_value, &c.column_count, &c.row_count), "Null argument: out_column_names");
    EXPECT_ERROR(v(db, "Item", "values", &c.names, nullptr, &c.data, &c.has_value, &c.column_count, &c.row_count), "Null argument: out_column_types");
    EXPECT_ERROR(v(db, "Item", "values", &c.names, &c.types, nullptr, &c.has_value, &c.column_count, &c.row_count), "Null argument: out_column_data");
    EXPECT_ERROR(v(db, "Item", "values", &c.names, &c.types, &c.data, nullptr, &c.column_count, &c.row_count), "Null argument: out_column_has_value");
    EXPECT_ERROR(v(db, "Item", "values", &c.names, &c.types, &c.data, &c.has_value, nullptr, &c.row_count), "Null argument: out_column_count");
    EXPECT_ERROR(v(db, "Item", "values", &c.names, &c.types, &c.data, &c.has_value, &c.column_count, nullptr), "Null argument: out_row_count");
    EXPECT_ERROR(v(db, "Nope", "values", &c.names, &c.types, &c.data, &c.has_value, &c.column_count, &c.row_count),
                 "Cannot read_vector_group_by_id: collection not found: Nope");
    EXPECT_ERROR(v(db, "Item", "tags", &c.names, &c.types, &c.data, &c.has_value, &c.column_count, &c.row_count),
                 "Vector group not found: 'tags' in collection 'Item'");
    EXPECT_ERROR(quiver_database_read_set_group_by_id(nullptr, "Item", "tags", item_, &c.names, &c.types, &c.data,
                                                      &c.has_value, &c.column_count, &c.row_count),
                 "Null argument: db");
    EXPECT_ERROR(quiver_database_read_set_group_by_id(db, "Item", "tags", item_, &c.names, &c.types, &c.data, nullptr,
                                                      &c.column_count, &c.row_count),
                 "Null argument: out_column_has_value");
    EXPECT_ERROR(read_set(item_, c, "values"), "Set group not found: 'values' in collection 'Item'");
    EXPECT_EQ(c.names, nullptr);  // nothing published on failure
}

TEST(CApiGroupsStorage, AValueOfAnotherStorageClassFailsTheRead) {
    const auto options = quiet_options();
    quiver_database_t* db = nullptr;
    ASSERT_OK(quiver_database_from_schema(":memory:", schema_path("valid/vectors.sql").c_str(), &options, &db));
    ElementHandle element;
    element.set("label", "x");
    int64_t id = 0;
    ASSERT_OK(quiver_database_create_element(db, "Collection", element, &id));
    char* ignored = nullptr;
    int has = 0;
    // Collection_vector_values is not STRICT: TEXT can sit in value_int.
    ASSERT_OK(quiver_database_query_string(db, "INSERT INTO Collection_vector_values (id, vector_index, value_int) VALUES (1, 1, 'seven')",
                                           &ignored, &has));
    Columns c;
    EXPECT_ERROR(quiver_database_read_vector_group_by_id(db, "Collection", "values", id, &c.names, &c.types, &c.data,
                                                         &c.has_value, &c.column_count, &c.row_count),
                 "Cannot read_vector_group_by_id: column 'value_int' row 0 holds a TEXT value, expected INTEGER");
    quiver_database_close(db);
}

// --------------------------------------------------------------------------------------------
// Writers

TEST_F(CApiGroups, ClearWithNoColumnsAndNoRows) {
    write_values(item_);
    ASSERT_OK(quiver_database_update_vector_group(db, "Item", "values", item_, nullptr, nullptr, nullptr, nullptr, 0, 0));
    Columns c;
    ASSERT_OK(read_vector(item_, c));
    EXPECT_EQ(c.row_count, 0u);
}

TEST_F(CApiGroups, NullCellsEveryWay) {
    // A NULL column_data[c], type code 4 and a NULL char* are all SQL NULL.
    const char* names[] = {"value_int", "value_float"};
    const int types[] = {QUIVER_DATA_TYPE_NULL, QUIVER_DATA_TYPE_FLOAT};
    const double floats[] = {1.0, 2.0};
    const void* data[] = {nullptr, floats};
    ASSERT_OK(quiver_database_update_vector_group(db, "Item", "values", item_, names, types, data, nullptr, 2, 2));
    Columns c;
    ASSERT_OK(read_vector(item_, c));
    ASSERT_EQ(c.row_count, 2u);
    EXPECT_FALSE(c.present(1, 0));
    EXPECT_FALSE(c.present(1, 1));
    EXPECT_TRUE(c.present(0, 1));
}

TEST_F(CApiGroups, TypeCodesAreNotComparedTheCoreTypesTheValues) {
    // INTEGER data for the REAL column is accepted (D1) ...
    const char* names[] = {"value_float"};
    const int ints_type[] = {QUIVER_DATA_TYPE_INTEGER};
    const int64_t ints[] = {4};
    const void* data[] = {ints};
    ASSERT_OK(quiver_database_update_vector_group(db, "Item", "values", item_, names, ints_type, data, nullptr, 1, 1));
    Columns c;
    ASSERT_OK(read_vector(item_, c));
    EXPECT_EQ(c.real(0, 0), 4.0);
    // ... and STRING data for it is refused by the core, changing nothing.
    const int text_type[] = {QUIVER_DATA_TYPE_STRING};
    const char* texts[] = {"big"};
    const void* text_data[] = {texts};
    EXPECT_C_FAILS_UNCHANGED(db, quiver_database_update_vector_group(db, "Item", "values", item_, names, text_type, text_data, nullptr, 1, 1),
                             "Cannot update_vector_group: type mismatch for column 'value_float' row 0: expected REAL, got TEXT");
}

TEST_F(CApiGroups, WriterArgumentMessages) {
    write_values(item_);
    const char* tags[] = {"a", "b"};
    const void* data[] = {tags};
    const char* null_name[] = {nullptr};
    const int bad_type[] = {7};
    const char* twice[] = {"tag", "tag"};
    const int two_types[] = {QUIVER_DATA_TYPE_STRING, QUIVER_DATA_TYPE_STRING};
    const void* two_data[] = {tags, tags};
    for (int mode = 0; mode < 2; ++mode) {
        if (mode == 1) {
            ASSERT_OK(quiver_database_begin_transaction(db));
        }
        EXPECT_C_FAILS_UNCHANGED(db, quiver_database_update_set_group(nullptr, "Item", "tags", item_, kTagNames, kTagTypes, data, nullptr, 1, 2),
                                 "Null argument: db");
        EXPECT_C_FAILS_UNCHANGED(db, quiver_database_update_set_group(db, nullptr, "tags", item_, kTagNames, kTagTypes, data, nullptr, 1, 2),
                                 "Null argument: collection");
        EXPECT_C_FAILS_UNCHANGED(db, quiver_database_update_vector_group(db, "Item", nullptr, item_, kTagNames, kTagTypes, data, nullptr, 1, 2),
                                 "Null argument: group");
        EXPECT_C_FAILS_UNCHANGED(db, quiver_database_update_vector_group(db, "Item", "values", item_, nullptr, nullptr, nullptr, nullptr, 0, 2),
                                 "Cannot update_vector_group: column_count must be > 0 when row_count > 0");
        EXPECT_C_FAILS_UNCHANGED(db, quiver_database_update_set_group(db, "Item", "tags", item_, kTagNames, nullptr, data, nullptr, 1, 2),
                                 "Cannot update_set_group: column_names, column_types, and column_data must be non-null when column_count > 0");
        EXPECT_C_FAILS_UNCHANGED(db, quiver_database_update_set_group(db, "Item", "tags", item_, null_name, kTagTypes, data, nullptr, 1, 2),
                                 "Cannot update_set_group: column_names[0] is null");
        // A typo'd row count never wipes the group.
        EXPECT_C_FAILS_UNCHANGED(db, quiver_database_update_vector_group(db, "Item", "values", item_, twice, two_types, two_data, nullptr, 2, 0),
                                 "Cannot update_vector_group: columns [tag, tag] contain no rows; pass no columns to clear the group");
        EXPECT_C_FAILS_UNCHANGED(db, quiver_database_update_set_group(db, "Item", "tags", item_, kTagNames, bad_type, data, nullptr, 1, 2),
                                 "Cannot update_set_group: unknown column type 7");
        EXPECT_C_FAILS_UNCHANGED(db, quiver_database_update_set_group(db, "Item", "tags", item_, twice, two_types, two_data, nullptr, 2, 2),
                                 "Cannot update_set_group: column 'tag' given more than once");
        // The core's checks (3.1).
        EXPECT_C_FAILS_UNCHANGED(db, quiver_database_update_set_group(db, "Item", "tags", 999, kTagNames, kTagTypes, data, nullptr, 1, 2),
                                 "Element not found: 999 in collection 'Item'");
        EXPECT_C_FAILS_UNCHANGED(db, quiver_database_update_set_group(db, "Item", "nope", item_, kTagNames, kTagTypes, data, nullptr, 1, 2),
                                 "Set group not found: 'nope' in collection 'Item'");
        EXPECT_C_FAILS_UNCHANGED(db, quiver_database_update_vector_group(db, "Item", "values", item_, kTagNames, kTagTypes, data, nullptr, 1, 2),
                                 "Cannot update_vector_group: column 'tag' not found in group 'values' for collection 'Item'");
        const char* vi[] = {"vector_index"};
        const int vi_type[] = {QUIVER_DATA_TYPE_INTEGER};
        const int64_t one[] = {1};
        const void* vi_data[] = {one};
        EXPECT_C_FAILS_UNCHANGED(db, quiver_database_update_vector_group(db, "Item", "values", item_, vi, vi_type, vi_data, nullptr, 1, 1),
                                 "Cannot update_vector_group: column 'vector_index' is managed by the group table, not a value column");
        const char* dup[] = {"a", "a"};
        const void* dup_data[] = {dup};
        EXPECT_C_FAILS_UNCHANGED(db, quiver_database_update_set_group(db, "Item", "tags", item_, kTagNames, kTagTypes, dup_data, nullptr, 1, 2),
                                 "Failed to execute statement: UNIQUE constraint failed: Item_set_tags.id, Item_set_tags.tag");
        if (mode == 1) {
            EXPECT_TRUE(in_transaction(db));
            ASSERT_OK(quiver_database_rollback(db));
        }
    }
}

TEST_F(CApiGroups, LabelForms) {
    const char* tags[] = {"a"};
    const void* data[] = {tags};
    ASSERT_OK(quiver_database_update_set_group_by_label(db, "Item", "tags", " Item 2 ", kTagNames, kTagTypes, data, nullptr, 1, 1));
    Columns c;
    ASSERT_OK(read_set(other_, c));
    EXPECT_EQ(c.row_count, 1u);
    const char* names[] = {"value_int"};
    const int types[] = {QUIVER_DATA_TYPE_INTEGER};
    const int64_t ints[] = {5, 6};
    const void* int_data[] = {ints};
    ASSERT_OK(quiver_database_update_vector_group_by_label(db, "Item", "values", "Item 1", names, types, int_data, nullptr, 1, 2));
    Columns v;
    ASSERT_OK(read_vector(item_, v));
    EXPECT_EQ(v.row_count, 2u);
    EXPECT_C_FAILS_UNCHANGED(db, quiver_database_update_vector_group_by_label(db, "Item", "values", "Nope", names, types, int_data, nullptr, 1, 2),
                             "Element not found: label 'Nope' in collection 'Item'");
    EXPECT_C_FAILS_UNCHANGED(db, quiver_database_update_set_group_by_label(db, "Item", "tags", "Nope", nullptr, nullptr, nullptr, nullptr, 0, 0),
                             "Element not found: label 'Nope' in collection 'Item'");
    EXPECT_C_FAILS_UNCHANGED(db, quiver_database_update_set_group_by_label(db, "Item", "tags", nullptr, kTagNames, kTagTypes, data, nullptr, 1, 1),
                             "Null argument: label");
    EXPECT_C_FAILS_UNCHANGED(db, quiver_database_update_vector_group_by_label(db, "Item", "values", nullptr, names, types, int_data, nullptr, 1, 2),
                             "Null argument: label");
    EXPECT_C_FAILS_UNCHANGED(db, quiver_database_update_vector_group_by_label(db, nullptr, "values", "Item 1", names, types, int_data, nullptr, 1, 2),
                             "Null argument: collection");
}

TEST(CApiGroupsRelations, StringCellsOfForeignKeyColumnsAreLabels) {
    const auto options = quiet_options();
    quiver_database_t* db = nullptr;
    ASSERT_OK(quiver_database_from_schema(":memory:", schema_path("valid/relations.sql").c_str(), &options, &db));
    int64_t parent = 0, child = 0;
    {
        ElementHandle p;
        p.set("label", "P1");
        ASSERT_OK(quiver_database_create_element(db, "Parent", p, &parent));
        ElementHandle c;
        c.set("label", "C1");
        ASSERT_OK(quiver_database_create_element(db, "Child", c, &child));
    }
    const char* names[] = {"parent_ref"};
    const int types[] = {QUIVER_DATA_TYPE_STRING};
    const char* labels[] = {"P1"};
    const void* data[] = {labels};
    ASSERT_OK(quiver_database_update_set_group(db, "Child", "parents", child, names, types, data, nullptr, 1, 1));
    Columns c;
    ASSERT_OK(quiver_database_read_set_group_by_id(db, "Child", "parents", child, &c.names, &c.types, &c.data, &c.has_value,
                                                   &c.column_count, &c.row_count));
    ASSERT_EQ(c.row_count, 1u);
    EXPECT_EQ(c.types[0], QUIVER_DATA_TYPE_INTEGER);
    EXPECT_EQ(c.integer(0, 0), parent);
    const char* missing[] = {"Nope"};
    const void* missing_data[] = {missing};
    EXPECT_C_FAILS_UNCHANGED(db, quiver_database_update_set_group(db, "Child", "parents", child, names, types, missing_data, nullptr, 1, 1),
                             "Failed to resolve label 'Nope' to ID in table 'Parent'");
    quiver_group_metadata_t m{};
    ASSERT_OK(quiver_database_get_vector_metadata(db, "Child", "refs", &m));
    ASSERT_EQ(m.value_column_count, 2u);
    EXPECT_EQ(m.value_columns[0].is_foreign_key, 1);  // R3: group columns carry their FK
    EXPECT_STREQ(m.value_columns[0].references_collection, "Parent");
    EXPECT_STREQ(m.value_columns[0].references_column, "id");
    EXPECT_EQ(m.value_columns[1].is_foreign_key, 0);
    ASSERT_OK(quiver_database_free_group_metadata(&m));
    quiver_database_close(db);
}
