// C API: number_of_elements (api-additions §2), label-addressed element writes (§8),
// update_relation (§8.1) and the read-only guards of from_schema/from_migrations (§9).
#include "c_test_support.h"

using namespace quiver::c_test;

namespace {

class CApiLabels : public CApiTest {
protected:
    void SetUp() override {
        CApiTest::SetUp();
        ElementHandle owner;
        owner.set("label", "Acme");
        acme_ = create("Owner", owner);
        ElementHandle other;
        other.set("label", "Zenith");
        zenith_ = create("Owner", other);
        item_ = create_item("Item 1");
        create_item("Item 2");
    }

    int64_t count(const char* collection) {
        int64_t n = -1;
        EXPECT_OK(quiver_database_number_of_elements(db, collection, &n));
        return n;
    }

    std::optional<int64_t> owner_of(int64_t item) {
        int64_t value = 0;
        int has_value = 0;
        EXPECT_OK(quiver_database_read_scalar_integer_by_id(db, "Item", "owner_id", item, &value, &has_value));
        return has_value ? std::optional<int64_t>(value) : std::nullopt;
    }

    std::optional<double> price_of(int64_t item) {
        double value = 0;
        int has_value = 0;
        EXPECT_OK(quiver_database_read_scalar_float_by_id(db, "Item", "price", item, &value, &has_value));
        return has_value ? std::optional<double>(value) : std::nullopt;
    }

    int64_t acme_ = 0, zenith_ = 0, item_ = 0;
};

}  // namespace

// --------------------------------------------------------------------------------------------
// number_of_elements

TEST_F(CApiLabels, NumberOfElements) {
    EXPECT_EQ(count("Item"), 2);
    EXPECT_EQ(count("Owner"), 2);
    EXPECT_EQ(count("Configuration"), 0);
    EXPECT_EQ(count("Item_set_tags"), 0);  // any table of the schema
}

TEST_F(CApiLabels, NumberOfElementsErrors) {
    int64_t n = 7;
    EXPECT_ERROR(quiver_database_number_of_elements(nullptr, "Item", &n), "Null argument: db");
    EXPECT_ERROR(quiver_database_number_of_elements(db, nullptr, &n), "Null argument: collection");
    EXPECT_ERROR(quiver_database_number_of_elements(db, "Item", nullptr), "Null argument: out_count");
    EXPECT_ERROR(quiver_database_number_of_elements(db, "Nope", &n), "Cannot number_of_elements: collection not found: Nope");
    EXPECT_EQ(n, 7);  // out-parameter untouched on failure
}

TEST_F(CApiLabels, RequireElement) {
    EXPECT_OK(quiver_database_require_element(db, "Item", item_));
    EXPECT_ERROR(quiver_database_require_element(db, "Item", 999), "Element not found: 999 in collection 'Item'");
    EXPECT_ERROR(quiver_database_require_element(db, "Nope", 1), "Cannot require_element: collection not found: Nope");
    EXPECT_ERROR(quiver_database_require_element(nullptr, "Item", 1), "Null argument: db");
    EXPECT_ERROR(quiver_database_require_element(db, nullptr, 1), "Null argument: collection");
}

// --------------------------------------------------------------------------------------------
// update_element_by_label, delete_element_by_label

TEST_F(CApiLabels, UpdateElementByLabel) {
    ElementHandle element;
    element.set("price", 2.5).set("owner_id", "Acme");
    ASSERT_OK(quiver_database_update_element_by_label(db, "Item", " Item 1 ", element));
    EXPECT_EQ(price_of(item_), std::optional<double>(2.5));
    EXPECT_EQ(owner_of(item_), std::optional<int64_t>(acme_));
}

TEST_F(CApiLabels, UpdateElementByLabelErrors) {
    ElementHandle element;
    element.set("price", 2.5);
    EXPECT_ERROR(quiver_database_update_element_by_label(nullptr, "Item", "Item 1", element), "Null argument: db");
    EXPECT_ERROR(quiver_database_update_element_by_label(db, nullptr, "Item 1", element), "Null argument: collection");
    EXPECT_ERROR(quiver_database_update_element_by_label(db, "Item", nullptr, element), "Null argument: label");
    EXPECT_ERROR(quiver_database_update_element_by_label(db, "Item", "Item 1", nullptr), "Null argument: element");
    EXPECT_ERROR(quiver_database_update_element_by_label(db, "Nope", "Item 1", element),
                 "Cannot update_element: collection not found: Nope");
    EXPECT_ERROR(quiver_database_update_element_by_label(db, "Item", "Nope", element),
                 "Element not found: label 'Nope' in collection 'Item'");
    ElementHandle bad;
    bad.set("price", 1.0).set("owner_id", "Nobody");
    EXPECT_ERROR(quiver_database_update_element_by_label(db, "Item", "Item 1", bad),
                 "Failed to resolve label 'Nobody' to ID in table 'Owner'");
    EXPECT_EQ(price_of(item_), std::nullopt);  // nothing written
}

TEST_F(CApiLabels, DeleteElementByLabel) {
    ASSERT_OK(quiver_database_delete_element_by_label(db, "Item", "Item 2"));
    EXPECT_EQ(count("Item"), 1);
    EXPECT_ERROR(quiver_database_delete_element_by_label(nullptr, "Item", "Item 1"), "Null argument: db");
    EXPECT_ERROR(quiver_database_delete_element_by_label(db, nullptr, "Item 1"), "Null argument: collection");
    EXPECT_ERROR(quiver_database_delete_element_by_label(db, "Item", nullptr), "Null argument: label");
    EXPECT_ERROR(quiver_database_delete_element_by_label(db, "Nope", "Item 1"), "Cannot delete_element: collection not found: Nope");
    EXPECT_ERROR(quiver_database_delete_element_by_label(db, "Item", "Item 2"),
                 "Element not found: label 'Item 2' in collection 'Item'");
    EXPECT_EQ(count("Item"), 1);
}

// --------------------------------------------------------------------------------------------
// update_relation

TEST_F(CApiLabels, UpdateRelationSetsAndClears) {
    ASSERT_OK(quiver_database_update_relation(db, "Item", "Owner", "id", item_, "Acme"));
    EXPECT_EQ(owner_of(item_), std::optional<int64_t>(acme_));
    ASSERT_OK(quiver_database_update_relation_by_label(db, "Item", "Owner", "id", "Item 1", "Zenith"));
    EXPECT_EQ(owner_of(item_), std::optional<int64_t>(zenith_));
    ASSERT_OK(quiver_database_update_relation(db, "Item", "Owner", "id", item_, nullptr));  // NULL clears
    EXPECT_EQ(owner_of(item_), std::nullopt);
    ASSERT_OK(quiver_database_update_relation_by_label(db, "Item", "Owner", "id", "Item 1", "Acme"));
    ASSERT_OK(quiver_database_update_relation_by_label(db, "Item", "Owner", "id", "Item 1", nullptr));
    EXPECT_EQ(owner_of(item_), std::nullopt);
}

TEST_F(CApiLabels, UpdateRelationNullArguments) {
    EXPECT_ERROR(quiver_database_update_relation(nullptr, "Item", "Owner", "id", item_, "Acme"), "Null argument: db");
    EXPECT_ERROR(quiver_database_update_relation(db, nullptr, "Owner", "id", item_, "Acme"), "Null argument: collection_from");
    EXPECT_ERROR(quiver_database_update_relation(db, "Item", nullptr, "id", item_, "Acme"), "Null argument: collection_to");
    EXPECT_ERROR(quiver_database_update_relation(db, "Item", "Owner", nullptr, item_, "Acme"), "Null argument: relation_type");
    EXPECT_ERROR(quiver_database_update_relation_by_label(nullptr, "Item", "Owner", "id", "Item 1", "Acme"), "Null argument: db");
    EXPECT_ERROR(quiver_database_update_relation_by_label(db, nullptr, "Owner", "id", "Item 1", "Acme"),
                 "Null argument: collection_from");
    EXPECT_ERROR(quiver_database_update_relation_by_label(db, "Item", nullptr, "id", "Item 1", "Acme"),
                 "Null argument: collection_to");
    EXPECT_ERROR(quiver_database_update_relation_by_label(db, "Item", "Owner", nullptr, "Item 1", "Acme"),
                 "Null argument: relation_type");
    EXPECT_ERROR(quiver_database_update_relation_by_label(db, "Item", "Owner", "id", nullptr, "Acme"), "Null argument: label");
}

TEST_F(CApiLabels, UpdateRelationErrors) {
    ASSERT_OK(quiver_database_update_relation(db, "Item", "Owner", "id", item_, "Acme"));
    EXPECT_ERROR(quiver_database_update_relation(db, "Nope", "Owner", "id", item_, "Zenith"),
                 "Cannot update_relation: collection not found: Nope");
    EXPECT_ERROR(quiver_database_update_relation_by_label(db, "Item", "Owner", "id", "Nope", "Zenith"),
                 "Element not found: label 'Nope' in collection 'Item'");
    EXPECT_ERROR(quiver_database_update_relation(db, "Item", "Vendor", "id", item_, "Zenith"),
                 "Cannot update_relation: relation column 'vendor_id' not found in collection 'Item'");
    EXPECT_ERROR(quiver_database_update_relation(db, "Item", "Date", "created", item_, "Zenith"),
                 "Cannot update_relation: relation column 'date_created' in collection 'Item' is not a foreign key");
    EXPECT_ERROR(quiver_database_update_relation(db, "Item", "Owner", "id", 999, "Zenith"),
                 "Element not found: 999 in collection 'Item'");
    EXPECT_ERROR(quiver_database_update_relation(db, "Item", "Owner", "id", item_, "Nobody"),
                 "Failed to resolve label 'Nobody' to ID in table 'Owner'");
    EXPECT_EQ(owner_of(item_), std::optional<int64_t>(acme_));  // unchanged
}

// --------------------------------------------------------------------------------------------
// Read-only guards: options->read_only != 0 is refused before anything else.

TEST(CApiReadOnlyGuards, FromSchemaAndFromMigrationsRefuseReadOnly) {
    quiver_database_options_t options = quiet_options();
    options.read_only = 1;
    quiver_database_t* db = nullptr;
    const std::string path = scratch_db();
    write_file(path, "");  // an existing file must survive
    EXPECT_ERROR(quiver_database_from_schema(path.c_str(), schema_path(kFixture).c_str(), &options, &db),
                 "Cannot from_schema: read_only mode (use Database constructor to open existing)");
    EXPECT_EQ(db, nullptr);
    EXPECT_TRUE(std::filesystem::exists(path));
    EXPECT_ERROR(quiver_database_from_migrations(path.c_str(), schema_path("migrations/basic").c_str(), &options, &db),
                 "Cannot from_migrations: read_only mode (use Database constructor to open existing)");
    EXPECT_EQ(db, nullptr);
    // The constructor path (quiver_database_open) still opens read-only.
    ASSERT_OK(quiver_database_open(path.c_str(), &options, &db));
    quiver_database_close(db);
}
