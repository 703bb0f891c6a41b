// Metadata: get_* (caller-owned struct), list_* (library array) and their free functions.
#include "c_test_support.h"

using namespace quiver::c_test;

namespace {
using CApiMetadata = CApiTest;

std::string str(const char* text) {
    return text ? text : "<null>";
}
}  // namespace

TEST_F(CApiMetadata, ScalarMetadataPlainColumn) {
    quiver_scalar_metadata_t m{};
    ASSERT_OK(quiver_database_get_scalar_metadata(db, "Configuration", "integer_attribute", &m));
    EXPECT_STREQ(m.name, "integer_attribute");
    EXPECT_EQ(m.data_type, QUIVER_DATA_TYPE_INTEGER);
    EXPECT_EQ(m.not_null, 0);
    EXPECT_EQ(m.primary_key, 0);
    EXPECT_STREQ(m.default_value, "6");
    EXPECT_EQ(m.is_foreign_key, 0);
    EXPECT_EQ(m.references_collection, nullptr);
    EXPECT_EQ(m.references_column, nullptr);
    ASSERT_OK(quiver_database_free_scalar_metadata(&m));
    // Pointers are reset, the struct itself stays caller-owned.
    EXPECT_EQ(m.name, nullptr);
    EXPECT_EQ(m.default_value, nullptr);
    EXPECT_EQ(m.references_collection, nullptr);
    EXPECT_EQ(m.references_column, nullptr);
}

TEST_F(CApiMetadata, ScalarMetadataTypesAndFlags) {
    struct Case {
        const char* collection;
        const char* attribute;
        quiver_data_type_t type;
        int not_null;
        int primary_key;
        const char* default_value;
    };
    const Case cases[] = {
        {"Configuration", "float_attribute", QUIVER_DATA_TYPE_FLOAT, 0, 0, "3.2"},
        {"Configuration", "string_attribute", QUIVER_DATA_TYPE_STRING, 0, 0, nullptr},
        {"Configuration", "date_attribute", QUIVER_DATA_TYPE_DATE_TIME, 0, 0, nullptr},
        {"Item", "label", QUIVER_DATA_TYPE_STRING, 1, 0, nullptr},
        {"Item", "id", QUIVER_DATA_TYPE_INTEGER, 0, 1, nullptr},
        {"Item", "kind", QUIVER_DATA_TYPE_INTEGER, 1, 0, "1"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(std::string(c.collection) + "." + c.attribute);
        quiver_scalar_metadata_t m{};
        ASSERT_OK(quiver_database_get_scalar_metadata(db, c.collection, c.attribute, &m));
        EXPECT_STREQ(m.name, c.attribute);
        EXPECT_EQ(m.data_type, c.type);
        EXPECT_EQ(m.not_null, c.not_null);
        EXPECT_EQ(m.primary_key, c.primary_key);
        EXPECT_EQ(str(m.default_value), str(c.default_value));
        EXPECT_EQ(m.is_foreign_key, 0);
        quiver_database_free_scalar_metadata(&m);
    }
}

TEST_F(CApiMetadata, ScalarMetadataForeignKey) {
    quiver_scalar_metadata_t m{};
    ASSERT_OK(quiver_database_get_scalar_metadata(db, "Item", "owner_id", &m));
    EXPECT_EQ(m.data_type, QUIVER_DATA_TYPE_INTEGER);
    EXPECT_EQ(m.is_foreign_key, 1);
    EXPECT_STREQ(m.references_collection, "Owner");
    EXPECT_STREQ(m.references_column, "id");
    ASSERT_OK(quiver_database_free_scalar_metadata(&m));
}

TEST_F(CApiMetadata, ScalarMetadataErrorsLeaveStructUntouched) {
    quiver_scalar_metadata_t m{};
    m.name = "sentinel";
    EXPECT_ERROR(quiver_database_get_scalar_metadata(db, "Item", "nope", &m),
                 "Scalar attribute not found: 'nope' in collection 'Item'");
    EXPECT_STREQ(m.name, "sentinel");
    EXPECT_ERROR(quiver_database_get_scalar_metadata(db, "Nope", "x", &m),
                 "Cannot get_scalar_metadata: collection not found: Nope");
}

TEST_F(CApiMetadata, VectorMetadata) {
    quiver_group_metadata_t m{};
    ASSERT_OK(quiver_database_get_vector_metadata(db, "Item", "values", &m));
    EXPECT_STREQ(m.group_name, "values");
    EXPECT_EQ(m.dimension_column, nullptr);  // NULL for vector groups
    ASSERT_EQ(m.value_column_count, 2u);
    EXPECT_STREQ(m.value_columns[0].name, "value_float");  // alphabetical
    EXPECT_EQ(m.value_columns[0].data_type, QUIVER_DATA_TYPE_FLOAT);
    EXPECT_STREQ(m.value_columns[1].name, "value_int");
    EXPECT_EQ(m.value_columns[1].data_type, QUIVER_DATA_TYPE_INTEGER);
    EXPECT_EQ(m.value_columns[1].is_foreign_key, 0);
    ASSERT_OK(quiver_database_free_group_metadata(&m));
    EXPECT_EQ(m.group_name, nullptr);
    EXPECT_EQ(m.value_columns, nullptr);
    EXPECT_EQ(m.value_column_count, 0u);
}

TEST_F(CApiMetadata, SetMetadata) {
    quiver_group_metadata_t m{};
    ASSERT_OK(quiver_database_get_set_metadata(db, "Item", "tags", &m));
    EXPECT_STREQ(m.group_name, "tags");
    EXPECT_EQ(m.dimension_column, nullptr);
    ASSERT_EQ(m.value_column_count, 1u);
    EXPECT_STREQ(m.value_columns[0].name, "tag");
    EXPECT_EQ(m.value_columns[0].data_type, QUIVER_DATA_TYPE_STRING);
    EXPECT_EQ(m.value_columns[0].not_null, 1);
    ASSERT_OK(quiver_database_free_group_metadata(&m));
}

TEST_F(CApiMetadata, TimeSeriesMetadata) {
    quiver_group_metadata_t m{};
    ASSERT_OK(quiver_database_get_time_series_metadata(db, "Item", "readings", &m));
    EXPECT_STREQ(m.group_name, "readings");
    EXPECT_STREQ(m.dimension_column, "date_time");
    ASSERT_EQ(m.value_column_count, 4u);
    EXPECT_STREQ(m.value_columns[0].name, "count_value");
    EXPECT_EQ(m.value_columns[0].data_type, QUIVER_DATA_TYPE_INTEGER);
    EXPECT_STREQ(m.value_columns[1].name, "date_valid");
    EXPECT_EQ(m.value_columns[1].data_type, QUIVER_DATA_TYPE_DATE_TIME);
    EXPECT_STREQ(m.value_columns[2].name, "measurement");
    EXPECT_EQ(m.value_columns[2].data_type, QUIVER_DATA_TYPE_FLOAT);
    EXPECT_STREQ(m.value_columns[3].name, "note");
    EXPECT_EQ(m.value_columns[3].data_type, QUIVER_DATA_TYPE_STRING);
    ASSERT_OK(quiver_database_free_group_metadata(&m));
    EXPECT_EQ(m.dimension_column, nullptr);
}

TEST_F(CApiMetadata, GroupMetadataNotFound) {
    quiver_group_metadata_t m{};
    EXPECT_ERROR(quiver_database_get_vector_metadata(db, "Item", "nope", &m),
                 "Vector group not found: 'nope' in collection 'Item'");
    EXPECT_ERROR(quiver_database_get_set_metadata(db, "Item", "nope", &m),
                 "Set group not found: 'nope' in collection 'Item'");
    EXPECT_ERROR(quiver_database_get_time_series_metadata(db, "Item", "nope", &m),
                 "Time series group not found: 'nope' in collection 'Item'");
    EXPECT_EQ(m.group_name, nullptr);
}

TEST_F(CApiMetadata, ListScalarAttributesAlphabetical) {
    quiver_scalar_metadata_t* list = nullptr;
    size_t count = 0;
    ASSERT_OK(quiver_database_list_scalar_attributes(db, "Item", &list, &count));
    const std::vector<std::string> expected{"date_created", "description", "id",      "kind",
                                            "label",        "owner_id",    "price",   "quantity"};
    ASSERT_EQ(count, expected.size());
    for (size_t i = 0; i < count; ++i) EXPECT_STREQ(list[i].name, expected[i].c_str());
    EXPECT_EQ(list[0].data_type, QUIVER_DATA_TYPE_DATE_TIME);
    EXPECT_EQ(list[5].is_foreign_key, 1);
    EXPECT_STREQ(list[5].references_collection, "Owner");
    EXPECT_OK(quiver_database_free_scalar_metadata_array(list, count));
}

TEST_F(CApiMetadata, ListGroups) {
    quiver_group_metadata_t* list = nullptr;
    size_t count = 0;
    ASSERT_OK(quiver_database_list_vector_groups(db, "Item", &list, &count));
    ASSERT_EQ(count, 2u);
    EXPECT_STREQ(list[0].group_name, "names");
    EXPECT_STREQ(list[1].group_name, "values");
    EXPECT_EQ(list[1].value_column_count, 2u);
    EXPECT_OK(quiver_database_free_group_metadata_array(list, count));

    ASSERT_OK(quiver_database_list_set_groups(db, "Item", &list, &count));
    ASSERT_EQ(count, 3u);
    EXPECT_STREQ(list[0].group_name, "codes");
    EXPECT_STREQ(list[1].group_name, "tags");
    EXPECT_STREQ(list[2].group_name, "weights");
    EXPECT_OK(quiver_database_free_group_metadata_array(list, count));

    ASSERT_OK(quiver_database_list_time_series_groups(db, "Item", &list, &count));
    ASSERT_EQ(count, 1u);
    EXPECT_STREQ(list[0].group_name, "readings");
    EXPECT_STREQ(list[0].dimension_column, "date_time");
    EXPECT_EQ(list[0].value_column_count, 4u);
    EXPECT_OK(quiver_database_free_group_metadata_array(list, count));
}

TEST_F(CApiMetadata, EmptyListsGiveNullAndZero) {
    quiver_group_metadata_t* list = reinterpret_cast<quiver_group_metadata_t*>(0x1);
    size_t count = 9;
    ASSERT_OK(quiver_database_list_vector_groups(db, "Owner", &list, &count));
    EXPECT_EQ(list, nullptr);
    EXPECT_EQ(count, 0u);
    list = reinterpret_cast<quiver_group_metadata_t*>(0x1);
    count = 9;
    ASSERT_OK(quiver_database_list_set_groups(db, "Owner", &list, &count));
    EXPECT_EQ(list, nullptr);
    EXPECT_EQ(count, 0u);
    list = reinterpret_cast<quiver_group_metadata_t*>(0x1);
    count = 9;
    ASSERT_OK(quiver_database_list_time_series_groups(db, "Owner", &list, &count));
    EXPECT_EQ(list, nullptr);
    EXPECT_EQ(count, 0u);
    // An unknown collection also returns an empty list.
    list = reinterpret_cast<quiver_group_metadata_t*>(0x1);
    count = 9;
    ASSERT_OK(quiver_database_list_vector_groups(db, "Nope", &list, &count));
    EXPECT_EQ(list, nullptr);
    EXPECT_EQ(count, 0u);
}

TEST_F(CApiMetadata, ListScalarAttributesUnknownCollection) {
    quiver_scalar_metadata_t* list = nullptr;
    size_t count = 0;
    EXPECT_ERROR(quiver_database_list_scalar_attributes(db, "Nope", &list, &count),
                 "Cannot list_scalar_attributes: collection not found: Nope");
}

TEST_F(CApiMetadata, NullArguments) {
    quiver_scalar_metadata_t scalar{};
    quiver_group_metadata_t group{};
    quiver_scalar_metadata_t* scalars = nullptr;
    quiver_group_metadata_t* groups = nullptr;
    size_t count = 0;

    EXPECT_ERROR(quiver_database_get_scalar_metadata(nullptr, "Item", "label", &scalar), "Null argument: db");
    EXPECT_ERROR(quiver_database_get_scalar_metadata(db, nullptr, "label", &scalar), "Null argument: collection");
    EXPECT_ERROR(quiver_database_get_scalar_metadata(db, "Item", nullptr, &scalar), "Null argument: attribute");
    EXPECT_ERROR(quiver_database_get_scalar_metadata(db, "Item", "label", nullptr), "Null argument: out_metadata");

    using GetGroup = quiver_error_t (*)(quiver_database_t*, const char*, const char*, quiver_group_metadata_t*);
    for (GetGroup get : {quiver_database_get_vector_metadata, quiver_database_get_set_metadata,
                         quiver_database_get_time_series_metadata}) {
        EXPECT_ERROR(get(nullptr, "Item", "g", &group), "Null argument: db");
        EXPECT_ERROR(get(db, nullptr, "g", &group), "Null argument: collection");
        EXPECT_ERROR(get(db, "Item", nullptr, &group), "Null argument: group_name");
        EXPECT_ERROR(get(db, "Item", "g", nullptr), "Null argument: out_metadata");
    }

    EXPECT_ERROR(quiver_database_list_scalar_attributes(nullptr, "Item", &scalars, &count), "Null argument: db");
    EXPECT_ERROR(quiver_database_list_scalar_attributes(db, nullptr, &scalars, &count), "Null argument: collection");
    EXPECT_ERROR(quiver_database_list_scalar_attributes(db, "Item", nullptr, &count), "Null argument: out_metadata");
    EXPECT_ERROR(quiver_database_list_scalar_attributes(db, "Item", &scalars, nullptr), "Null argument: out_count");

    using ListGroups = quiver_error_t (*)(quiver_database_t*, const char*, quiver_group_metadata_t**, size_t*);
    for (ListGroups list : {quiver_database_list_vector_groups, quiver_database_list_set_groups,
                            quiver_database_list_time_series_groups}) {
        EXPECT_ERROR(list(nullptr, "Item", &groups, &count), "Null argument: db");
        EXPECT_ERROR(list(db, nullptr, &groups, &count), "Null argument: collection");
        EXPECT_ERROR(list(db, "Item", nullptr, &count), "Null argument: out_metadata");
        EXPECT_ERROR(list(db, "Item", &groups, nullptr), "Null argument: out_count");
    }
    EXPECT_EQ(scalar.name, nullptr);
    EXPECT_EQ(group.group_name, nullptr);
}
