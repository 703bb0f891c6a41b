// Bulk reads over all elements (D4, D5) and element ids.
#include "internal.h"

using quiver_c::guard;
using quiver_c::require;

namespace {

using Db = quiver::Database;

// Scalar integers/floats (D4): values + presence mask.
template <typename T>
quiver_error_t read_masked(std::vector<std::optional<T>> (Db::*read)(const std::string&, const std::string&),
                           quiver_database_t* db, const char* collection, const char* attribute, T** out_values,
                           uint8_t** out_mask, size_t* out_count) {
    return guard([&] {
        require({{db, "db"}, {collection, "collection"}, {attribute, "attribute"}, {out_values, "out_values"},
                 {out_mask, "out_mask"}, {out_count, "out_count"}});
        quiver_c::copy_masked((db->db.*read)(collection, attribute), out_values, out_mask, out_count);
    });
}

// Vectors and sets (D5): one inner array per element (NULL when empty) + sizes. lists_name is the
// C parameter name of the outer out-pointer ("out_vectors" or "out_sets").
template <typename CItem, typename CppItem>
quiver_error_t read_nested(std::vector<std::vector<CppItem>> (Db::*read)(const std::string&, const std::string&),
                           const char* lists_name, quiver_database_t* db, const char* collection,
                           const char* attribute, CItem*** out_lists, size_t** out_sizes, size_t* out_count) {
    return guard([&] {
        require({{db, "db"}, {collection, "collection"}, {attribute, "attribute"}, {out_lists, lists_name},
                 {out_sizes, "out_sizes"}, {out_count, "out_count"}});
        const auto lists = (db->db.*read)(collection, attribute);
        quiver_c::copy_nested(lists, out_lists, out_sizes);
        *out_count = lists.size();
    });
}

}  // namespace

extern "C" {

QUIVER_C_API quiver_error_t quiver_database_read_scalar_integers(quiver_database_t* db, const char* collection,
                                                                 const char* attribute, int64_t** out_values,
                                                                 uint8_t** out_mask, size_t* out_count) {
    return read_masked(&Db::read_scalar_integers, db, collection, attribute, out_values, out_mask, out_count);
}

QUIVER_C_API quiver_error_t quiver_database_read_scalar_floats(quiver_database_t* db, const char* collection,
                                                               const char* attribute, double** out_values,
                                                               uint8_t** out_mask, size_t* out_count) {
    return read_masked(&Db::read_scalar_floats, db, collection, attribute, out_values, out_mask, out_count);
}

QUIVER_C_API quiver_error_t quiver_database_read_scalar_strings(quiver_database_t* db, const char* collection,
                                                                const char* attribute, char*** out_values,
                                                                size_t* out_count) {
    return guard([&] {
        require({{db, "db"}, {collection, "collection"}, {attribute, "attribute"}, {out_values, "out_values"},
                 {out_count, "out_count"}});
        // D4: a NULL (or non-text) value is a NULL entry.
        const auto values = db->db.read_scalar_strings(collection, attribute);
        *out_values = quiver_c::copy_optional_strings(values);
        *out_count = values.size();
    });
}

QUIVER_C_API quiver_error_t quiver_database_read_vector_integers(quiver_database_t* db, const char* collection,
                                                                 const char* attribute, int64_t*** out_vectors,
                                                                 size_t** out_sizes, size_t* out_count) {
    return read_nested(&Db::read_vector_integers, "out_vectors", db, collection, attribute, out_vectors, out_sizes,
                       out_count);
}

QUIVER_C_API quiver_error_t quiver_database_read_vector_floats(quiver_database_t* db, const char* collection,
                                                               const char* attribute, double*** out_vectors,
                                                               size_t** out_sizes, size_t* out_count) {
    return read_nested(&Db::read_vector_floats, "out_vectors", db, collection, attribute, out_vectors, out_sizes,
                       out_count);
}

QUIVER_C_API quiver_error_t quiver_database_read_vector_strings(quiver_database_t* db, const char* collection,
                                                                const char* attribute, char**** out_vectors,
                                                                size_t** out_sizes, size_t* out_count) {
    return read_nested(&Db::read_vector_strings, "out_vectors", db, collection, attribute, out_vectors, out_sizes,
                       out_count);
}

QUIVER_C_API quiver_error_t quiver_database_read_set_integers(quiver_database_t* db, const char* collection,
                                                              const char* attribute, int64_t*** out_sets,
                                                              size_t** out_sizes, size_t* out_count) {
    return read_nested(&Db::read_set_integers, "out_sets", db, collection, attribute, out_sets, out_sizes,
                       out_count);
}

QUIVER_C_API quiver_error_t quiver_database_read_set_floats(quiver_database_t* db, const char* collection,
                                                            const char* attribute, double*** out_sets,
                                                            size_t** out_sizes, size_t* out_count) {
    return read_nested(&Db::read_set_floats, "out_sets", db, collection, attribute, out_sets, out_sizes, out_count);
}

QUIVER_C_API quiver_error_t quiver_database_read_set_strings(quiver_database_t* db, const char* collection,
                                                             const char* attribute, char**** out_sets,
                                                             size_t** out_sizes, size_t* out_count) {
    return read_nested(&Db::read_set_strings, "out_sets", db, collection, attribute, out_sets, out_sizes,
                       out_count);
}

QUIVER_C_API quiver_error_t quiver_database_read_element_ids(quiver_database_t* db, const char* collection,
                                                             int64_t** out_ids, size_t* out_count) {
    return guard([&] {
        require({{db, "db"}, {collection, "collection"}, {out_ids, "out_ids"}, {out_count, "out_count"}});
        quiver_c::copy_list(db->db.read_element_ids(collection), out_ids, out_count);
    });
}

QUIVER_C_API quiver_error_t quiver_database_number_of_elements(quiver_database_t* db, const char* collection,
                                                               int64_t* out_count) {
    return guard([&] {
        require({{db, "db"}, {collection, "collection"}, {out_count, "out_count"}});
        *out_count = db->db.number_of_elements(collection);
    });
}

QUIVER_C_API quiver_error_t quiver_database_require_element(quiver_database_t* db, const char* collection, int64_t id) {
    return guard([&] {
        require({{db, "db"}, {collection, "collection"}});
        db->db.require_element(collection, id);
    });
}

}  // extern "C"
