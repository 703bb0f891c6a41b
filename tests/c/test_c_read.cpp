// Bulk reads (D4 masks, D5 one entry per element), by-id reads, ids, and the free functions.
#include "c_test_support.h"

#include <algorithm>

using namespace quiver::c_test;

namespace {

class CApiRead : public CApiTest {
protected:
    // Three items: full / all NULL / partial, with vectors and sets on the first and third only.
    void populate() {
        ElementHandle first;
        first.set("label", "first")
            .set("quantity", int64_t{10})
            .set("price", 1.5)
            .set("description", "alpha")
            .set("value_int", std::vector<int64_t>{1, 2, 3})
            .set("value_float", std::vector<double>{0.5, 1.5, 2.5})
            .set("name_text", std::vector<const char*>{"x", "y"})
            .set("tag", std::vector<const char*>{"red", "blue"})
            .set("code", std::vector<int64_t>{7, 3})
            .set("weight", std::vector<double>{2.5});
        ASSERT_EQ(create("Item", first), 1);

        ElementHandle second;
        second.set("label", "second");
        ASSERT_EQ(create("Item", second), 2);

        ElementHandle third;
        third.set("label", "third")
            .set("quantity", int64_t{30})
            .set("description", "gamma")
            .set("value_int", std::vector<int64_t>{4})
            .set("value_float", std::vector<double>{4.5})
            .set("name_text", std::vector<const char*>{"z"})
            .set("tag", std::vector<const char*>{"green"})
            .set("code", std::vector<int64_t>{1})
            .set("weight", std::vector<double>{0.25, 0.75});
        ASSERT_EQ(create("Item", third), 3);
    }
};

template <typename T>
std::vector<T> sorted(const T* values, size_t count) {
    std::vector<T> result(values, values + count);
    std::sort(result.begin(), result.end());
    return result;
}

std::vector<std::string> sorted_strings(char** values, size_t count) {
    std::vector<std::string> result(values, values + count);
    std::sort(result.begin(), result.end());
    return result;
}

}  // namespace

TEST_F(CApiRead, ScalarIntegersWithMask) {
    populate();
    int64_t* values = nullptr;
    uint8_t* mask = nullptr;
    size_t count = 0;
    ASSERT_OK(quiver_database_read_scalar_integers(db, "Item", "quantity", &values, &mask, &count));
    ASSERT_EQ(count, 3u);
    ASSERT_NE(values, nullptr);
    ASSERT_NE(mask, nullptr);
    EXPECT_EQ(mask[0], 1);
    EXPECT_EQ(values[0], 10);
    EXPECT_EQ(mask[1], 0);  // NULL keeps its position (D4)
    EXPECT_EQ(values[1], 0);
    EXPECT_EQ(mask[2], 1);
    EXPECT_EQ(values[2], 30);
    EXPECT_OK(quiver_database_free_integer_array(values));
    EXPECT_OK(quiver_database_free_mask(mask));
}

TEST_F(CApiRead, ScalarFloatsWithMask) {
    populate();
    double* values = nullptr;
    uint8_t* mask = nullptr;
    size_t count = 0;
    ASSERT_OK(quiver_database_read_scalar_floats(db, "Item", "price", &values, &mask, &count));
    ASSERT_EQ(count, 3u);
    EXPECT_EQ(mask[0], 1);
    EXPECT_DOUBLE_EQ(values[0], 1.5);
    EXPECT_EQ(mask[1], 0);
    EXPECT_DOUBLE_EQ(values[1], 0.0);
    EXPECT_EQ(mask[2], 0);
    EXPECT_OK(quiver_database_free_float_array(values));
    EXPECT_OK(quiver_database_free_mask(mask));
}

TEST_F(CApiRead, ScalarFloatsOnIntegerColumnAreWidened) {  // api-additions 11
    populate();
    double* values = nullptr;
    uint8_t* mask = nullptr;
    size_t count = 0;
    ASSERT_OK(quiver_database_read_scalar_floats(db, "Item", "quantity", &values, &mask, &count));
    ASSERT_EQ(count, 3u);
    EXPECT_EQ(mask[0], 1);
    EXPECT_DOUBLE_EQ(values[0], 10.0);
    EXPECT_EQ(mask[1], 0);
    EXPECT_EQ(mask[2], 1);
    EXPECT_DOUBLE_EQ(values[2], 30.0);
    quiver_database_free_float_array(values);
    quiver_database_free_mask(mask);
}

TEST_F(CApiRead, ScalarStringsWithNullEntries) {
    populate();
    char** values = nullptr;
    size_t count = 0;
    ASSERT_OK(quiver_database_read_scalar_strings(db, "Item", "description", &values, &count));
    ASSERT_EQ(count, 3u);
    EXPECT_STREQ(values[0], "alpha");
    EXPECT_EQ(values[1], nullptr);
    EXPECT_STREQ(values[2], "gamma");
    EXPECT_OK(quiver_database_free_string_array(values, count));
}

TEST_F(CApiRead, EmptyCollectionGivesNullPointersAndZeroCount) {
    int64_t* ints = reinterpret_cast<int64_t*>(0x1);
    double* floats = reinterpret_cast<double*>(0x1);
    uint8_t* mask = reinterpret_cast<uint8_t*>(0x1);
    char** strings = reinterpret_cast<char**>(0x1);
    size_t count = 99;
    ASSERT_OK(quiver_database_read_scalar_integers(db, "Item", "quantity", &ints, &mask, &count));
    EXPECT_EQ(count, 0u);
    EXPECT_EQ(ints, nullptr);
    EXPECT_EQ(mask, nullptr);

    count = 99;
    mask = reinterpret_cast<uint8_t*>(0x1);
    ASSERT_OK(quiver_database_read_scalar_floats(db, "Item", "price", &floats, &mask, &count));
    EXPECT_EQ(count, 0u);
    EXPECT_EQ(floats, nullptr);
    EXPECT_EQ(mask, nullptr);

    count = 99;
    ASSERT_OK(quiver_database_read_scalar_strings(db, "Item", "description", &strings, &count));
    EXPECT_EQ(count, 0u);
    EXPECT_EQ(strings, nullptr);

    int64_t** vectors = reinterpret_cast<int64_t**>(0x1);
    size_t* sizes = reinterpret_cast<size_t*>(0x1);
    count = 99;
    ASSERT_OK(quiver_database_read_vector_integers(db, "Item", "value_int", &vectors, &sizes, &count));
    EXPECT_EQ(count, 0u);
    EXPECT_EQ(vectors, nullptr);
    EXPECT_EQ(sizes, nullptr);

    char*** string_sets = reinterpret_cast<char***>(0x1);
    sizes = reinterpret_cast<size_t*>(0x1);
    count = 99;
    ASSERT_OK(quiver_database_read_set_strings(db, "Item", "tag", &string_sets, &sizes, &count));
    EXPECT_EQ(count, 0u);
    EXPECT_EQ(string_sets, nullptr);
    EXPECT_EQ(sizes, nullptr);

    count = 99;
    ints = reinterpret_cast<int64_t*>(0x1);
    ASSERT_OK(quiver_database_read_element_ids(db, "Item", &ints, &count));
    EXPECT_EQ(count, 0u);
    EXPECT_EQ(ints, nullptr);
}

TEST_F(CApiRead, VectorIntegersWithEmptyEntry) {
    populate();
    int64_t** vectors = nullptr;
    size_t* sizes = nullptr;
    size_t count = 0;
    ASSERT_OK(quiver_database_read_vector_integers(db, "Item", "value_int", &vectors, &sizes, &count));
    ASSERT_EQ(count, 3u);  // D5: one entry per element
    ASSERT_EQ(sizes[0], 3u);
    EXPECT_EQ(vectors[0][0], 1);
    EXPECT_EQ(vectors[0][1], 2);
    EXPECT_EQ(vectors[0][2], 3);
    EXPECT_EQ(sizes[1], 0u);
    EXPECT_EQ(vectors[1], nullptr);
    ASSERT_EQ(sizes[2], 1u);
    EXPECT_EQ(vectors[2][0], 4);
    EXPECT_OK(quiver_database_free_integer_vectors(vectors, sizes, count));
}

TEST_F(CApiRead, VectorFloatsWithEmptyEntry) {
    populate();
    double** vectors = nullptr;
    size_t* sizes = nullptr;
    size_t count = 0;
    ASSERT_OK(quiver_database_read_vector_floats(db, "Item", "value_float", &vectors, &sizes, &count));
    ASSERT_EQ(count, 3u);
    ASSERT_EQ(sizes[0], 3u);
    EXPECT_DOUBLE_EQ(vectors[0][2], 2.5);
    EXPECT_EQ(sizes[1], 0u);
    EXPECT_EQ(vectors[1], nullptr);
    ASSERT_EQ(sizes[2], 1u);
    EXPECT_DOUBLE_EQ(vectors[2][0], 4.5);
    EXPECT_OK(quiver_database_free_float_vectors(vectors, sizes, count));
}

TEST_F(CApiRead, VectorStringsWithEmptyEntry) {
    populate();
    char*** vectors = nullptr;
    size_t* sizes = nullptr;
    size_t count = 0;
    ASSERT_OK(quiver_database_read_vector_strings(db, "Item", "name_text", &vectors, &sizes, &count));
    ASSERT_EQ(count, 3u);
    ASSERT_EQ(sizes[0], 2u);
    EXPECT_STREQ(vectors[0][0], "x");
    EXPECT_STREQ(vectors[0][1], "y");
    EXPECT_EQ(sizes[1], 0u);
    EXPECT_EQ(vectors[1], nullptr);
    ASSERT_EQ(sizes[2], 1u);
    EXPECT_STREQ(vectors[2][0], "z");
    EXPECT_OK(quiver_database_free_string_vectors(vectors, sizes, count));
}

TEST_F(CApiRead, SetsWithEmptyEntry) {
    populate();
    int64_t** int_sets = nullptr;
    double** float_sets = nullptr;
    char*** string_sets = nullptr;
    size_t* sizes = nullptr;
    size_t count = 0;

    ASSERT_OK(quiver_database_read_set_integers(db, "Item", "code", &int_sets, &sizes, &count));
    ASSERT_EQ(count, 3u);
    EXPECT_EQ(sorted(int_sets[0], sizes[0]), (std::vector<int64_t>{3, 7}));
    EXPECT_EQ(sizes[1], 0u);
    EXPECT_EQ(int_sets[1], nullptr);
    EXPECT_EQ(sorted(int_sets[2], sizes[2]), (std::vector<int64_t>{1}));
    EXPECT_OK(quiver_database_free_integer_vectors(int_sets, sizes, count));

    ASSERT_OK(quiver_database_read_set_floats(db, "Item", "weight", &float_sets, &sizes, &count));
    ASSERT_EQ(count, 3u);
    EXPECT_EQ(sorted(float_sets[0], sizes[0]), (std::vector<double>{2.5}));
    EXPECT_EQ(float_sets[1], nullptr);
    EXPECT_EQ(sorted(float_sets[2], sizes[2]), (std::vector<double>{0.25, 0.75}));
    EXPECT_OK(quiver_database_free_float_vectors(float_sets, sizes, count));

    ASSERT_OK(quiver_database_read_set_strings(db, "Item", "tag", &string_sets, &sizes, &count));
    ASSERT_EQ(count, 3u);
    EXPECT_EQ(sorted_strings(string_sets[0], sizes[0]), (std::vector<std::string>{"blue", "red"}));
    EXPECT_EQ(string_sets[1], nullptr);
    EXPECT_EQ(sorted_strings(string_sets[2], sizes[2]), (std::vector<std::string>{"green"}));
    EXPECT_OK(quiver_database_free_string_vectors(string_sets, sizes, count));
}

TEST_F(CApiRead, ElementIds) {
    populate();
    ASSERT_OK(quiver_database_delete_element(db, "Item", 2));
    int64_t* ids = nullptr;
    size_t count = 0;
    ASSERT_OK(quiver_database_read_element_ids(db, "Item", &ids, &count));
    ASSERT_EQ(count, 2u);
    EXPECT_EQ(ids[0], 1);
    EXPECT_EQ(ids[1], 3);
    EXPECT_OK(quiver_database_free_integer_array(ids));
}

TEST_F(CApiRead, ScalarById) {
    populate();
    int64_t int_value = -1;
    double float_value = -1;
    char* string_value = reinterpret_cast<char*>(0x1);
    int has = -1;

    ASSERT_OK(quiver_database_read_scalar_integer_by_id(db, "Item", "quantity", 1, &int_value, &has));
    EXPECT_EQ(has, 1);
    EXPECT_EQ(int_value, 10);
    ASSERT_OK(quiver_database_read_scalar_integer_by_id(db, "Item", "quantity", 2, &int_value, &has));
    EXPECT_EQ(has, 0);
    ASSERT_OK(quiver_database_read_scalar_integer_by_id(db, "Item", "quantity", 999, &int_value, &has));
    EXPECT_EQ(has, 0);

    ASSERT_OK(quiver_database_read_scalar_float_by_id(db, "Item", "price", 1, &float_value, &has));
    EXPECT_EQ(has, 1);
    EXPECT_DOUBLE_EQ(float_value, 1.5);
    ASSERT_OK(quiver_database_read_scalar_float_by_id(db, "Item", "price", 3, &float_value, &has));
    EXPECT_EQ(has, 0);

    ASSERT_OK(quiver_database_read_scalar_string_by_id(db, "Item", "description", 1, &string_value, &has));
    EXPECT_EQ(has, 1);
    EXPECT_STREQ(string_value, "alpha");
    EXPECT_OK(quiver_database_free_string(string_value));

    string_value = reinterpret_cast<char*>(0x1);
    ASSERT_OK(quiver_database_read_scalar_string_by_id(db, "Item", "description", 2, &string_value, &has));
    EXPECT_EQ(has, 0);
    EXPECT_EQ(string_value, nullptr);
    // Another storage class is treated like NULL.
    string_value = reinterpret_cast<char*>(0x1);
    ASSERT_OK(quiver_database_read_scalar_string_by_id(db, "Item", "quantity", 1, &string_value, &has));
    EXPECT_EQ(has, 0);
    EXPECT_EQ(string_value, nullptr);
}

TEST_F(CApiRead, VectorsAndSetsById) {
    populate();
    int64_t* ints = nullptr;
    double* floats = nullptr;
    char** strings = nullptr;
    size_t count = 0;

    ASSERT_OK(quiver_database_read_vector_integers_by_id(db, "Item", "value_int", 1, &ints, &count));
    ASSERT_EQ(count, 3u);
    EXPECT_EQ(ints[0], 1);
    EXPECT_EQ(ints[2], 3);
    EXPECT_OK(quiver_database_free_integer_array(ints));

    ASSERT_OK(quiver_database_read_vector_floats_by_id(db, "Item", "value_float", 3, &floats, &count));
    ASSERT_EQ(count, 1u);
    EXPECT_DOUBLE_EQ(floats[0], 4.5);
    EXPECT_OK(quiver_database_free_float_array(floats));

    ASSERT_OK(quiver_database_read_vector_strings_by_id(db, "Item", "name_text", 1, &strings, &count));
    ASSERT_EQ(count, 2u);
    EXPECT_STREQ(strings[0], "x");
    EXPECT_STREQ(strings[1], "y");
    EXPECT_OK(quiver_database_free_string_array(strings, count));

    ASSERT_OK(quiver_database_read_set_integers_by_id(db, "Item", "code", 1, &ints, &count));
    EXPECT_EQ(sorted(ints, count), (std::vector<int64_t>{3, 7}));
    EXPECT_OK(quiver_database_free_integer_array(ints));

    ASSERT_OK(quiver_database_read_set_floats_by_id(db, "Item", "weight", 3, &floats, &count));
    EXPECT_EQ(sorted(floats, count), (std::vector<double>{0.25, 0.75}));
    EXPECT_OK(quiver_database_free_float_array(floats));

    ASSERT_OK(quiver_database_read_set_strings_by_id(db, "Item", "tag", 1, &strings, &count));
    EXPECT_EQ(sorted_strings(strings, count), (std::vector<std::string>{"blue", "red"}));
    EXPECT_OK(quiver_database_free_string_array(strings, count));
}

TEST_F(CApiRead, EmptyListsByIdGiveNullAndZero) {
    populate();
    int64_t* ints = reinterpret_cast<int64_t*>(0x1);
    double* floats = reinterpret_cast<double*>(0x1);
    char** strings = reinterpret_cast<char**>(0x1);
    size_t count = 9;
    ASSERT_OK(quiver_database_read_vector_integers_by_id(db, "Item", "value_int", 2, &ints, &count));
    EXPECT_EQ(ints, nullptr);
    EXPECT_EQ(count, 0u);
    count = 9;
    ASSERT_OK(quiver_database_read_vector_floats_by_id(db, "Item", "value_float", 999, &floats, &count));
    EXPECT_EQ(floats, nullptr);
    EXPECT_EQ(count, 0u);
    count = 9;
    ASSERT_OK(quiver_database_read_vector_strings_by_id(db, "Item", "name_text", 2, &strings, &count));
    EXPECT_EQ(strings, nullptr);
    EXPECT_EQ(count, 0u);
    count = 9;
    ints = reinterpret_cast<int64_t*>(0x1);
    ASSERT_OK(quiver_database_read_set_integers_by_id(db, "Item", "code", 2, &ints, &count));
    EXPECT_EQ(ints, nullptr);
    EXPECT_EQ(count, 0u);
    count = 9;
    floats = reinterpret_cast<double*>(0x1);
    ASSERT_OK(quiver_database_read_set_floats_by_id(db, "Item", "weight", 2, &floats, &count));
    EXPECT_EQ(floats, nullptr);
    EXPECT_EQ(count, 0u);
    count = 9;
    strings = reinterpret_cast<char**>(0x1);
    ASSERT_OK(quiver_database_read_set_strings_by_id(db, "Item", "tag", 2, &strings, &count));
    EXPECT_EQ(strings, nullptr);
    EXPECT_EQ(count, 0u);
}

TEST_F(CApiRead, CoreErrorsAreRelayedAndOutputsUntouched) {
    populate();
    int64_t* values = reinterpret_cast<int64_t*>(0x1);
    uint8_t* mask = reinterpret_cast<uint8_t*>(0x1);
    size_t count = 42;
    EXPECT_ERROR(quiver_database_read_scalar_integers(db, "Item", "nope", &values, &mask, &count),
                 "Cannot read_scalar_integers: column 'nope' not found in table 'Item'");
    EXPECT_EQ(values, reinterpret_cast<int64_t*>(0x1));
    EXPECT_EQ(mask, reinterpret_cast<uint8_t*>(0x1));
    EXPECT_EQ(count, 42u);

    EXPECT_ERROR(quiver_database_read_scalar_integers(db, "Nope", "x", &values, &mask, &count),
                 "Cannot read_scalar_integers: collection not found: Nope");

    int64_t** vectors = nullptr;
    size_t* sizes = nullptr;
    EXPECT_ERROR(quiver_database_read_vector_integers(db, "Item", "nope", &vectors, &sizes, &count),
                 "Vector attribute not found: 'nope' in collection 'Item'");
    EXPECT_ERROR(quiver_database_read_set_integers(db, "Item", "nope", &vectors, &sizes, &count),
                 "Set attribute not found: 'nope' in collection 'Item'");
    EXPECT_EQ(vectors, nullptr);
    EXPECT_EQ(count, 42u);

    int64_t value = 5;
    int has = 5;
    EXPECT_ERROR(quiver_database_read_scalar_integer_by_id(db, "Item", "nope", 1, &value, &has),
                 "Cannot read_scalar_integer_by_id: column 'nope' not found in table 'Item'");
    EXPECT_EQ(value, 5);
    EXPECT_EQ(has, 5);
}

TEST_F(CApiRead, BulkReadNullArguments) {
    int64_t* ints = nullptr;
    double* floats = nullptr;
    uint8_t* mask = nullptr;
    char** strings = nullptr;
    int64_t** int_vectors = nullptr;
    double** float_vectors = nullptr;
    char*** string_vectors = nullptr;
    size_t* sizes = nullptr;
    size_t count = 0;

    EXPECT_ERROR(quiver_database_read_scalar_integers(nullptr, "Item", "quantity", &ints, &mask, &count),
                 "Null argument: db");
    EXPECT_ERROR(quiver_database_read_scalar_integers(db, nullptr, "quantity", &ints, &mask, &count),
                 "Null argument: collection");
    EXPECT_ERROR(quiver_database_read_scalar_integers(db, "Item", nullptr, &ints, &mask, &count),
                 "Null argument: attribute");
    EXPECT_ERROR(quiver_database_read_scalar_integers(db, "Item", "quantity", nullptr, &mask, &count),
                 "Null argument: out_values");
    EXPECT_ERROR(quiver_database_read_scalar_integers(db, "Item", "quantity", &ints, nullptr, &count),
                 "Null argument: out_mask");
    EXPECT_ERROR(quiver_database_read_scalar_integers(db, "Item", "quantity", &ints, &mask, nullptr),
                 "Null argument: out_count");

    EXPECT_ERROR(quiver_database_read_scalar_floats(nullptr, "Item", "price", &floats, &mask, &count),
                 "Null argument: db");
    EXPECT_ERROR(quiver_database_read_scalar_floats(db, nullptr, "price", &floats, &mask, &count),
                 "Null argument: collection");
    EXPECT_ERROR(quiver_database_read_scalar_floats(db, "Item", nullptr, &floats, &mask, &count),
                 "Null argument: attribute");
    EXPECT_ERROR(quiver_database_read_scalar_floats(db, "Item", "price", nullptr, &mask, &count),
                 "Null argument: out_values");
    EXPECT_ERROR(quiver_database_read_scalar_floats(db, "Item", "price", &floats, nullptr, &count),
                 "Null argument: out_mask");
    EXPECT_ERROR(quiver_database_read_scalar_floats(db, "Item", "price", &floats, &mask, nullptr),
                 "Null argument: out_count");

    EXPECT_ERROR(quiver_database_read_scalar_strings(nullptr, "Item", "label", &strings, &count), "Null argument: db");
    EXPECT_ERROR(quiver_database_read_scalar_strings(db, nullptr, "label", &strings, &count),
                 "Null argument: collection");
    EXPECT_ERROR(quiver_database_read_scalar_strings(db, "Item", nullptr, &strings, &count),
                 "Null argument: attribute");
    EXPECT_ERROR(quiver_database_read_scalar_strings(db, "Item", "label", nullptr, &count),
                 "Null argument: out_values");
    EXPECT_ERROR(quiver_database_read_scalar_strings(db, "Item", "label", &strings, nullptr),
                 "Null argument: out_count");

    // Vectors: db, collection, attribute, out_vectors, out_sizes, out_count.
    EXPECT_ERROR(quiver_database_read_vector_integers(nullptr, "Item", "value_int", &int_vectors, &sizes, &count),
                 "Null argument: db");
    EXPECT_ERROR(quiver_database_read_vector_integers(db, nullptr, "value_int", &int_vectors, &sizes, &count),
                 "Null argument: collection");
    EXPECT_ERROR(quiver_database_read_vector_integers(db, "Item", nullptr, &int_vectors, &sizes, &count),
                 "Null argument: attribute");
    EXPECT_ERROR(quiver_database_read_vector_integers(db, "Item", "value_int", nullptr, &sizes, &count),
                 "Null argument: out_vectors");
    EXPECT_ERROR(quiver_database_read_vector_integers(db, "Item", "value_int", &int_vectors, nullptr, &count),
                 "Null argument: out_sizes");
    EXPECT_ERROR(quiver_database_read_vector_integers(db, "Item", "value_int", &int_vectors, &sizes, nullptr),
                 "Null argument: out_count");

    EXPECT_ERROR(quiver_database_read_vector_floats(nullptr, "Item", "value_float", &float_vectors, &sizes, &count),
                 "Null argument: db");
    EXPECT_ERROR(quiver_database_read_vector_floats(db, nullptr, "value_float", &float_vectors, &sizes, &count),
                 "Null argument: collection");
    EXPECT_ERROR(quiver_database_read_vector_floats(db, "Item", nullptr, &float_vectors, &sizes, &count),
                 "Null argument: attribute");
    EXPECT_ERROR(quiver_database_read_vector_floats(db, "Item", "value_float", nullptr, &sizes, &count),
                 "Null argument: out_vectors");
    EXPECT_ERROR(quiver_database_read_vector_floats(db, "Item", "value_float", &float_vectors, nullptr, &count),
                 "Null argument: out_sizes");
    EXPECT_ERROR(quiver_database_read_vector_floats(db, "Item", "value_float", &float_vectors, &sizes, nullptr),
                 "Null argument: out_count");

    EXPECT_ERROR(quiver_database_read_vector_strings(nullptr, "Item", "name_text", &string_vectors, &sizes, &count),
                 "Null argument: db");
    EXPECT_ERROR(quiver_database_read_vector_strings(db, nullptr, "name_text", &string_vectors, &sizes, &count),
                 "Null argument: collection");
    EXPECT_ERROR(quiver_database_read_vector_strings(db, "Item", nullptr, &string_vectors, &sizes, &count),
                 "Null argument: attribute");
    EXPECT_ERROR(quiver_database_read_vector_strings(db, "Item", "name_text", nullptr, &sizes, &count),
                 "Null argument: out_vectors");
    EXPECT_ERROR(quiver_database_read_vector_strings(db, "Item", "name_text", &string_vectors, nullptr, &count),
                 "Null argument: out_sizes");
    EXPECT_ERROR(quiver_database_read_vector_strings(db, "Item", "name_text", &string_vectors, &sizes, nullptr),
                 "Null argument: out_count");

    // Sets: db, collection, attribute, out_sets, out_sizes, out_count.
    EXPECT_ERROR(quiver_database_read_set_integers(nullptr, "Item", "code", &int_vectors, &sizes, &count),
                 "Null argument: db");
    EXPECT_ERROR(quiver_database_read_set_integers(db, nullptr, "code", &int_vectors, &sizes, &count),
                 "Null argument: collection");
    EXPECT_ERROR(quiver_database_read_set_integers(db, "Item", nullptr, &int_vectors, &sizes, &count),
                 "Null argument: attribute");
    EXPECT_ERROR(quiver_database_read_set_integers(db, "Item", "code", nullptr, &sizes, &count),
                 "Null argument: out_sets");
    EXPECT_ERROR(quiver_database_read_set_integers(db, "Item", "code", &int_vectors, nullptr, &count),
                 "Null argument: out_sizes");
    EXPECT_ERROR(quiver_database_read_set_integers(db, "Item", "code", &int_vectors, &sizes, nullptr),
                 "Null argument: out_count");

    EXPECT_ERROR(quiver_database_read_set_floats(nullptr, "Item", "weight", &float_vectors, &sizes, &count),
                 "Null argument: db");
    EXPECT_ERROR(quiver_database_read_set_floats(db, nullptr, "weight", &float_vectors, &sizes, &count),
                 "Null argument: collection");
    EXPECT_ERROR(quiver_database_read_set_floats(db, "Item", nullptr, &float_vectors, &sizes, &count),
                 "Null argument: attribute");
    EXPECT_ERROR(quiver_database_read_set_floats(db, "Item", "weight", nullptr, &sizes, &count),
                 "Null argument: out_sets");
    EXPECT_ERROR(quiver_database_read_set_floats(db, "Item", "weight", &float_vectors, nullptr, &count),
                 "Null argument: out_sizes");
    EXPECT_ERROR(quiver_database_read_set_floats(db, "Item", "weight", &float_vectors, &sizes, nullptr),
                 "Null argument: out_count");

    EXPECT_ERROR(quiver_database_read_set_strings(nullptr, "Item", "tag", &string_vectors, &sizes, &count),
                 "Null argument: db");
    EXPECT_ERROR(quiver_database_read_set_strings(db, nullptr, "tag", &string_vectors, &sizes, &count),
                 "Null argument: collection");
    EXPECT_ERROR(quiver_database_read_set_strings(db, "Item", nullptr, &string_vectors, &sizes, &count),
                 "Null argument: attribute");
    EXPECT_ERROR(quiver_database_read_set_strings(db, "Item", "tag", nullptr, &sizes, &count),
                 "Null argument: out_sets");
    EXPECT_ERROR(quiver_database_read_set_strings(db, "Item", "tag", &string_vectors, nullptr, &count),
                 "Null argument: out_sizes");
    EXPECT_ERROR(quiver_database_read_set_strings(db, "Item", "tag", &string_vectors, &sizes, nullptr),
                 "Null argument: out_count");

    EXPECT_ERROR(quiver_database_read_element_ids(nullptr, "Item", &ints, &count), "Null argument: db");
    EXPECT_ERROR(quiver_database_read_element_ids(db, nullptr, &ints, &count), "Null argument: collection");
    EXPECT_ERROR(quiver_database_read_element_ids(db, "Item", nullptr, &count), "Null argument: out_ids");
    EXPECT_ERROR(quiver_database_read_element_ids(db, "Item", &ints, nullptr), "Null argument: out_count");
}

TEST_F(CApiRead, ByIdNullArguments) {
    int64_t int_value = 0;
    double float_value = 0;
    char* string_value = nullptr;
    int has = 0;
    int64_t* ints = nullptr;
    double* floats = nullptr;
    char** strings = nullptr;
    size_t count = 0;

    EXPECT_ERROR(quiver_database_read_scalar_integer_by_id(nullptr, "Item", "quantity", 1, &int_value, &has),
                 "Null argument: db");
    EXPECT_ERROR(quiver_database_read_scalar_integer_by_id(db, nullptr, "quantity", 1, &int_value, &has),
                 "Null argument: collection");
    EXPECT_ERROR(quiver_database_read_scalar_integer_by_id(db, "Item", nullptr, 1, &int_value, &has),
                 "Null argument: attribute");
    EXPECT_ERROR(quiver_database_read_scalar_integer_by_id(db, "Item", "quantity", 1, nullptr, &has),
                 "Null argument: out_value");
    EXPECT_ERROR(quiver_database_read_scalar_integer_by_id(db, "Item", "quantity", 1, &int_value, nullptr),
                 "Null argument: out_has_value");

    EXPECT_ERROR(quiver_database_read_scalar_float_by_id(nullptr, "Item", "price", 1, &float_value, &has),
                 "Null argument: db");
    EXPECT_ERROR(quiver_database_read_scalar_float_by_id(db, nullptr, "price", 1, &float_value, &has),
                 "Null argument: collection");
    EXPECT_ERROR(quiver_database_read_scalar_float_by_id(db, "Item", nullptr, 1, &float_value, &has),
                 "Null argument: attribute");
    EXPECT_ERROR(quiver_database_read_scalar_float_by_id(db, "Item", "price", 1, nullptr, &has),
                 "Null argument: out_value");
    EXPECT_ERROR(quiver_database_read_scalar_float_by_id(db, "Item", "price", 1, &float_value, nullptr),
                 "Null argument: out_has_value");

    EXPECT_ERROR(quiver_database_read_scalar_string_by_id(nullptr, "Item", "label", 1, &string_value, &has),
                 "Null argument: db");
    EXPECT_ERROR(quiver_database_read_scalar_string_by_id(db, nullptr, "label", 1, &string_value, &has),
                 "Null argument: collection");
    EXPECT_ERROR(quiver_database_read_scalar_string_by_id(db, "Item", nullptr, 1, &string_value, &has),
                 "Null argument: attribute");
    EXPECT_ERROR(quiver_database_read_scalar_string_by_id(db, "Item", "label", 1, nullptr, &has),
                 "Null argument: out_value");
    EXPECT_ERROR(quiver_database_read_scalar_string_by_id(db, "Item", "label", 1, &string_value, nullptr),
                 "Null argument: out_has_value");

    // List by-id: db, collection, attribute, out_values, out_count.
    EXPECT_ERROR(quiver_database_read_vector_integers_by_id(nullptr, "Item", "value_int", 1, &ints, &count),
                 "Null argument: db");
    EXPECT_ERROR(quiver_database_read_vector_integers_by_id(db, nullptr, "value_int", 1, &ints, &count),
                 "Null argument: collection");
    EXPECT_ERROR(quiver_database_read_vector_integers_by_id(db, "Item", nullptr, 1, &ints, &count),
                 "Null argument: attribute");
    EXPECT_ERROR(quiver_database_read_vector_integers_by_id(db, "Item", "value_int", 1, nullptr, &count),
                 "Null argument: out_values");
    EXPECT_ERROR(quiver_database_read_vector_integers_by_id(db, "Item", "value_int", 1, &ints, nullptr),
                 "Null argument: out_count");

    EXPECT_ERROR(quiver_database_read_vector_floats_by_id(nullptr, "Item", "value_float", 1, &floats, &count),
                 "Null argument: db");
    EXPECT_ERROR(quiver_database_read_vector_floats_by_id(db, nullptr, "value_float", 1, &floats, &count),
                 "Null argument: collection");
    EXPECT_ERROR(quiver_database_read_vector_floats_by_id(db, "Item", nullptr, 1, &floats, &count),
                 "Null argument: attribute");
    EXPECT_ERROR(quiver_database_read_vector_floats_by_id(db, "Item", "value_float", 1, nullptr, &count),
                 "Null argument: out_values");
    EXPECT_ERROR(quiver_database_read_vector_floats_by_id(db, "Item", "value_float", 1, &floats, nullptr),
                 "Null argument: out_count");

    EXPECT_ERROR(quiver_database_read_vector_strings_by_id(nullptr, "Item", "name_text", 1, &strings, &count),
                 "Null argument: db");
    EXPECT_ERROR(quiver_database_read_vector_strings_by_id(db, nullptr, "name_text", 1, &strings, &count),
                 "Null argument: collection");
    EXPECT_ERROR(quiver_database_read_vector_strings_by_id(db, "Item", nullptr, 1, &strings, &count),
                 "Null argument: attribute");
    EXPECT_ERROR(quiver_database_read_vector_strings_by_id(db, "Item", "name_text", 1, nullptr, &count),
                 "Null argument: out_values");
    EXPECT_ERROR(quiver_database_read_vector_strings_by_id(db, "Item", "name_text", 1, &strings, nullptr),
                 "Null argument: out_count");

    EXPECT_ERROR(quiver_database_read_set_integers_by_id(nullptr, "Item", "code", 1, &ints, &count),
                 "Null argument: db");
    EXPECT_ERROR(quiver_database_read_set_integers_by_id(db, nullptr, "code", 1, &ints, &count),
                 "Null argument: collection");
    EXPECT_ERROR(quiver_database_read_set_integers_by_id(db, "Item", nullptr, 1, &ints, &count),
                 "Null argument: attribute");
    EXPECT_ERROR(quiver_database_read_set_integers_by_id(db, "Item", "code", 1, nullptr, &count),
                 "Null argument: out_values");
    EXPECT_ERROR(quiver_database_read_set_integers_by_id(db, "Item", "code", 1, &ints, nullptr),
                 "Null argument: out_count");

    EXPECT_ERROR(quiver_database_read_set_floats_by_id(nullptr, "Item", "weight", 1, &floats, &count),
                 "Null argument: db");
    EXPECT_ERROR(quiver_database_read_set_floats_by_id(db, nullptr, "weight", 1, &floats, &count),
                 "Null argument: collection");
    EXPECT_ERROR(quiver_database_read_set_floats_by_id(db, "Item", nullptr, 1, &floats, &count),
                 "Null argument: attribute");
    EXPECT_ERROR(quiver_database_read_set_floats_by_id(db, "Item", "weight", 1, nullptr, &count),
                 "Null argument: out_values");
    EXPECT_ERROR(quiver_database_read_set_floats_by_id(db, "Item", "weight", 1, &floats, nullptr),
                 "Null argument: out_count");

    EXPECT_ERROR(quiver_database_read_set_strings_by_id(nullptr, "Item", "tag", 1, &strings, &count),
                 "Null argument: db");
    EXPECT_ERROR(quiver_database_read_set_strings_by_id(db, nullptr, "tag", 1, &strings, &count),
                 "Null argument: collection");
    EXPECT_ERROR(quiver_database_read_set_strings_by_id(db, "Item", nullptr, 1, &strings, &count),
                 "Null argument: attribute");
    EXPECT_ERROR(quiver_database_read_set_strings_by_id(db, "Item", "tag", 1, nullptr, &count),
                 "Null argument: out_values");
    EXPECT_ERROR(quiver_database_read_set_strings_by_id(db, "Item", "tag", 1, &strings, nullptr),
                 "Null argument: out_count");
}

TEST(CApiFree, NullHandling) {
    // Accepted NULLs.
    EXPECT_EQ(quiver_database_free_mask(nullptr), QUIVER_OK);
    EXPECT_EQ(quiver_database_free_string(nullptr), QUIVER_OK);
    EXPECT_EQ(quiver_database_free_time_series_data(nullptr, nullptr, nullptr, nullptr, 0, 0), QUIVER_OK);
    EXPECT_EQ(quiver_database_free_time_series_data(nullptr, nullptr, nullptr, nullptr, 3, 5), QUIVER_OK);
    // Rejected NULLs.
    size_t sizes_storage[1] = {0};
    int64_t* int_vectors_storage[1] = {nullptr};
    EXPECT_ERROR(quiver_database_free_integer_array(nullptr), "Null argument: values");
    EXPECT_ERROR(quiver_database_free_float_array(nullptr), "Null argument: values");
    EXPECT_ERROR(quiver_database_free_string_array(nullptr, 0), "Null argument: values");
    EXPECT_ERROR(quiver_database_free_integer_vectors(nullptr, sizes_storage, 0), "Null argument: vectors");
    EXPECT_ERROR(quiver_database_free_integer_vectors(int_vectors_storage, nullptr, 0), "Null argument: sizes");
    EXPECT_ERROR(quiver_database_free_float_vectors(nullptr, sizes_storage, 0), "Null argument: vectors");
    EXPECT_ERROR(quiver_database_free_float_vectors(reinterpret_cast<double**>(int_vectors_storage), nullptr, 0),
                 "Null argument: sizes");
    EXPECT_ERROR(quiver_database_free_string_vectors(nullptr, sizes_storage, 0), "Null argument: vectors");
    EXPECT_ERROR(quiver_database_free_string_vectors(reinterpret_cast<char***>(int_vectors_storage), nullptr, 0),
                 "Null argument: sizes");
    EXPECT_ERROR(quiver_database_free_time_series_files(nullptr, nullptr, 0), "Null argument: columns");
    char* columns_storage[1] = {nullptr};
    EXPECT_ERROR(quiver_database_free_time_series_files(columns_storage, nullptr, 0), "Null argument: paths");
    EXPECT_ERROR(quiver_database_free_scalar_metadata(nullptr), "Null argument: metadata");
    EXPECT_ERROR(quiver_database_free_group_metadata(nullptr), "Null argument: metadata");
    EXPECT_ERROR(quiver_database_free_scalar_metadata_array(nullptr, 0), "Null argument: metadata");
    EXPECT_ERROR(quiver_database_free_group_metadata_array(nullptr, 0), "Null argument: metadata");
}
