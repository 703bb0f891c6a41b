// Element writes (create, update, delete) and transactions.
#include "c_test_support.h"

using namespace quiver::c_test;

namespace {

class CApiWrite : public CApiTest {
protected:
    std::optional<int64_t> integer_of(const char* collection, const char* attribute, int64_t id) {
        int64_t value = 0;
        int has = 0;
        EXPECT_OK(quiver_database_read_scalar_integer_by_id(db, collection, attribute, id, &value, &has));
        return has ? std::optional<int64_t>(value) : std::nullopt;
    }
    std::optional<std::string> string_of(const char* collection, const char* attribute, int64_t id) {
        char* value = nullptr;
        int has = 0;
        EXPECT_OK(quiver_database_read_scalar_string_by_id(db, collection, attribute, id, &value, &has));
        std::optional<std::string> result;
        if (has) result = value;
        quiver_database_free_string(value);
        return result;
    }
    size_t count_of(const char* collection) {
        int64_t* ids = nullptr;
        size_t count = 0;
        EXPECT_OK(quiver_database_read_element_ids(db, collection, &ids, &count));
        if (ids) quiver_database_free_integer_array(ids);
        return count;
    }
    std::vector<int64_t> vector_of(const char* attribute, int64_t id) {
        int64_t* values = nullptr;
        size_t count = 0;
        EXPECT_OK(quiver_database_read_vector_integers_by_id(db, "Item", attribute, id, &values, &count));
        std::vector<int64_t> result(values, values + count);
        if (values) quiver_database_free_integer_array(values);
        return result;
    }
    bool in_transaction() {
        int active = -1;
        EXPECT_OK(quiver_database_in_transaction(db, &active));
        EXPECT_TRUE(active == 0 || active == 1) << active;
        return active == 1;
    }
};

}  // namespace

TEST_F(CApiWrite, CreateReturnsSequentialIds) {
    EXPECT_EQ(create_item("a"), 1);
    EXPECT_EQ(create_item("b"), 2);
    EXPECT_EQ(count_of("Item"), 2u);
}

TEST_F(CApiWrite, CreateWithScalarsAndArrays) {
    ElementHandle element;
    element.set("label", "Item 1")
        .set("quantity", int64_t{5})
        .set("price", 9.5)
        .set("description", "  padded  ")
        .set("value_int", std::vector<int64_t>{10, 20, 30})
        .set("value_float", std::vector<double>{1.0, 2.0, 3.0})
        .set("tag", std::vector<const char*>{"red", "blue"});
    const int64_t id = create("Item", element);
    EXPECT_EQ(id, 1);
    EXPECT_EQ(integer_of("Item", "quantity", id), 5);
    EXPECT_EQ(string_of("Item", "description", id), "padded");  // trimmed on write
    EXPECT_EQ(vector_of("value_int", id), (std::vector<int64_t>{10, 20, 30}));
    EXPECT_EQ(integer_of("Item", "kind", id), 1);  // default
}

TEST_F(CApiWrite, CreateResolvesForeignKeyLabel) {
    ElementHandle owner;
    owner.set("label", "Acme");
    const int64_t owner_id = create("Owner", owner);
    ElementHandle item;
    item.set("label", "i").set("owner_id", "Acme");
    const int64_t id = create("Item", item);
    EXPECT_EQ(integer_of("Item", "owner_id", id), owner_id);

    ElementHandle bad;
    bad.set("label", "j").set("owner_id", "Nobody");
    int64_t out = -5;
    EXPECT_ERROR(quiver_database_create_element(db, "Item", bad, &out),
                 "Failed to resolve label 'Nobody' to ID in table 'Owner'");
    EXPECT_EQ(out, -5);
}

TEST_F(CApiWrite, CreateErrorsLeaveOutIdUnchanged) {
    int64_t id = -1;
    ElementHandle empty;
    EXPECT_ERROR(quiver_database_create_element(db, "Item", empty, &id),
                 "Cannot create_element: element must have at least one scalar attribute");
    ElementHandle element;
    element.set("label", "x");
    EXPECT_ERROR(quiver_database_create_element(db, "Nope", element, &id),
                 "Cannot create_element: collection not found: Nope");
    ElementHandle wrong;
    wrong.set("label", "x").set("quantity", 1.5);
    EXPECT_ERROR(quiver_database_create_element(db, "Item", wrong, &id),
                 "Cannot create_element: type mismatch for column 'quantity': expected INTEGER, got REAL");
    ElementHandle unknown;
    unknown.set("label", "x").set("nope", int64_t{1});
    EXPECT_ERROR(quiver_database_create_element(db, "Item", unknown, &id),
                 "Cannot create_element: column 'nope' not found in table 'Item'");
    ElementHandle empty_array;
    empty_array.set("label", "x").set("value_int", std::vector<int64_t>{});
    EXPECT_ERROR(quiver_database_create_element(db, "Item", empty_array, &id),
                 "Cannot create_element: empty array not allowed for 'value_int'");
    EXPECT_EQ(id, -1);
    EXPECT_EQ(count_of("Item"), 0u);
}

TEST_F(CApiWrite, DuplicateLabelFails) {
    create_item("same");
    ElementHandle element;
    element.set("label", "same");
    int64_t id = 0;
    EXPECT_ERROR(quiver_database_create_element(db, "Item", element, &id),
                 "Failed to execute statement: UNIQUE constraint failed: Item.label");
}

TEST_F(CApiWrite, IntegerAcceptedForRealColumn) {
    ElementHandle element;
    element.set("label", "x").set("price", int64_t{7});
    const int64_t id = create("Item", element);
    double value = 0;
    int has = 0;
    ASSERT_OK(quiver_database_read_scalar_float_by_id(db, "Item", "price", id, &value, &has));
    EXPECT_EQ(has, 1);
    EXPECT_DOUBLE_EQ(value, 7.0);
}

TEST_F(CApiWrite, UpdateScalarsAndArrays) {
    ElementHandle element;
    element.set("label", "x").set("quantity", int64_t{1}).set("value_int", std::vector<int64_t>{1, 2});
    const int64_t id = create("Item", element);

    ElementHandle update;
    update.set("quantity", int64_t{99}).set("value_int", std::vector<int64_t>{7, 8, 9});
    ASSERT_OK(quiver_database_update_element(db, "Item", id, update));
    EXPECT_EQ(integer_of("Item", "quantity", id), 99);
    EXPECT_EQ(vector_of("value_int", id), (std::vector<int64_t>{7, 8, 9}));

    // An empty array clears the group.
    ElementHandle clear;
    clear.set("value_int", std::vector<int64_t>{});
    ASSERT_OK(quiver_database_update_element(db, "Item", id, clear));
    EXPECT_TRUE(vector_of("value_int", id).empty());

    ElementHandle to_null;
    to_null.set_null("quantity");
    ASSERT_OK(quiver_database_update_element(db, "Item", id, to_null));
    EXPECT_EQ(integer_of("Item", "quantity", id), std::nullopt);
}

TEST_F(CApiWrite, UpdateErrors) {
    const int64_t id = create_item("x");
    ElementHandle empty;
    EXPECT_ERROR(quiver_database_update_element(db, "Item", id, empty),
                 "Cannot update_element: element must have at least one attribute to update");
    ElementHandle element;
    element.set("quantity", int64_t{1});
    EXPECT_ERROR(quiver_database_update_element(db, "Item", 99, element), "Element not found: 99 in collection 'Item'");
    ElementHandle bad_array;
    bad_array.set("value_int", std::vector<double>{1.5});
    EXPECT_ERROR(quiver_database_update_element(db, "Item", id, bad_array),
                 "Cannot update_element: type mismatch for array 'value_int' index 0: expected INTEGER, got REAL");
    ElementHandle unknown_array;
    unknown_array.set("nope", std::vector<int64_t>{1});
    EXPECT_ERROR(quiver_database_update_element(db, "Item", id, unknown_array),
                 "Cannot update_element: attribute 'nope' is not a vector, set, or time series attribute in "
                 "collection 'Item'");
}

TEST_F(CApiWrite, DeleteElement) {
    const int64_t a = create_item("a");
    const int64_t b = create_item("b");
    ASSERT_OK(quiver_database_delete_element(db, "Item", a));
    int64_t* ids = nullptr;
    size_t count = 0;
    ASSERT_OK(quiver_database_read_element_ids(db, "Item", &ids, &count));
    ASSERT_EQ(count, 1u);
    EXPECT_EQ(ids[0], b);
    quiver_database_free_integer_array(ids);
    EXPECT_ERROR(quiver_database_delete_element(db, "Item", a), "Element not found: 1 in collection 'Item'");
    EXPECT_ERROR(quiver_database_delete_element(db, "Nope", b), "Cannot delete_element: collection not found: Nope");
}

TEST_F(CApiWrite, WriteNullArguments) {
    ElementHandle element;
    element.set("label", "x");
    int64_t id = 0;
    EXPECT_ERROR(quiver_database_create_element(nullptr, "Item", element, &id), "Null argument: db");
    EXPECT_ERROR(quiver_database_create_element(db, nullptr, element, &id), "Null argument: collection");
    EXPECT_ERROR(quiver_database_create_element(db, "Item", nullptr, &id), "Null argument: element");
    EXPECT_ERROR(quiver_database_create_element(db, "Item", element, nullptr), "Null argument: out_id");
    EXPECT_ERROR(quiver_database_update_element(nullptr, "Item", 1, element), "Null argument: db");
    EXPECT_ERROR(quiver_database_update_element(db, nullptr, 1, element), "Null argument: collection");
    EXPECT_ERROR(quiver_database_update_element(db, "Item", 1, nullptr), "Null argument: element");
    EXPECT_ERROR(quiver_database_delete_element(nullptr, "Item", 1), "Null argument: db");
    EXPECT_ERROR(quiver_database_delete_element(db, nullptr, 1), "Null argument: collection");
    EXPECT_EQ(count_of("Item"), 0u);
}

TEST_F(CApiWrite, TransactionCommit) {
    EXPECT_FALSE(in_transaction());
    ASSERT_OK(quiver_database_begin_transaction(db));
    EXPECT_TRUE(in_transaction());
    create_item("a");
    create_item("b");
    ASSERT_OK(quiver_database_commit(db));
    EXPECT_FALSE(in_transaction());
    EXPECT_EQ(count_of("Item"), 2u);
}

TEST_F(CApiWrite, TransactionRollback) {
    create_item("kept");
    ASSERT_OK(quiver_database_begin_transaction(db));
    create_item("discarded");
    EXPECT_EQ(count_of("Item"), 2u);
    ASSERT_OK(quiver_database_rollback(db));
    EXPECT_FALSE(in_transaction());
    EXPECT_EQ(count_of("Item"), 1u);
}

TEST_F(CApiWrite, TransactionStateErrors) {
    EXPECT_ERROR(quiver_database_commit(db), "Cannot commit: no active transaction");
    EXPECT_ERROR(quiver_database_rollback(db), "Cannot rollback: no active transaction");
    ASSERT_OK(quiver_database_begin_transaction(db));
    EXPECT_ERROR(quiver_database_begin_transaction(db), "Cannot begin_transaction: transaction already active");
    ASSERT_OK(quiver_database_rollback(db));
}

TEST_F(CApiWrite, FailedWriteInsideTransactionKeepsTransactionUsable) {
    ASSERT_OK(quiver_database_begin_transaction(db));
    create_item("a");
    ElementHandle duplicate;
    duplicate.set("label", "a");
    int64_t id = 0;
    EXPECT_EQ(quiver_database_create_element(db, "Item", duplicate, &id), QUIVER_ERROR);
    EXPECT_TRUE(in_transaction());  // D3
    create_item("b");
    ASSERT_OK(quiver_database_commit(db));
    EXPECT_EQ(count_of("Item"), 2u);
}

TEST_F(CApiWrite, TransactionNullArguments) {
    int active = 7;
    EXPECT_ERROR(quiver_database_begin_transaction(nullptr), "Null argument: db");
    EXPECT_ERROR(quiver_database_commit(nullptr), "Null argument: db");
    EXPECT_ERROR(quiver_database_rollback(nullptr), "Null argument: db");
    EXPECT_ERROR(quiver_database_in_transaction(nullptr, &active), "Null argument: db");
    EXPECT_ERROR(quiver_database_in_transaction(db, nullptr), "Null argument: out_active");
    EXPECT_EQ(active, 7);  // unchanged
}
