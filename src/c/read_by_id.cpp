// Reads of one element by id.
#include "internal.h"

using quiver_c::guard;
using quiver_c::require;

namespace {

using Db = quiver::Database;

// Scalars: value + presence flag (strings: new copy or NULL).
template <typename CppValue, typename Out>
quiver_error_t read_scalar(std::optional<CppValue> (Db::*read)(const std::string&, const std::string&, int64_t),
                           quiver_database_t* db, const char* collection, const char* attribute, int64_t id,
                           Out* out_value, int* out_has_value) {
    return guard([&] {
        require({{db, "db"}, {collection, "collection"}, {attribute, "attribute"}, {out_value, "out_value"},
                 {out_has_value, "out_has_value"}});
        quiver_c::publish_optional((db->db.*read)(collection, attribute, id), out_value, out_has_value);
    });
}

// Vectors and sets of one element: array (NULL when empty) + count.
template <typename CppItem, typename Out>
quiver_error_t read_list(std::vector<CppItem> (Db::*read)(const std::string&, const std::string&, int64_t),
                         quiver_database_t* db, const char* collection, const char* attribute, int64_t id,
                         Out** out_values, size_t* out_count) {
    return guard([&] {
        require({{db, "db"}, {collection, "collection"}, {attribute, "attribute"}, {out_values, "out_values"},
                 {out_count, "out_count"}});
        quiver_c::copy_list((db->db.*read)(collection, attribute, id), out_values, out_count);
    });
}

}  // namespace

extern "C" {

QUIVER_C_API quiver_error_t quiver_database_read_scalar_integer_by_id(quiver_database_t* db, const char* collection,
                                                                      const char* attribute, int64_t id,
                                                                      int64_t* out_value, int* out_has_value) {
    return read_scalar(&Db::read_scalar_integer_by_id, db, collection, attribute, id, out_value, out_has_value);
}

QUIVER_C_API quiver_error_t quiver_database_read_scalar_float_by_id(quiver_database_t* db, const char* collection,
                                                                    const char* attribute, int64_t id,
                                                                    double* out_value, int* out_has_value) {
    return read_scalar(&Db::read_scalar_float_by_id, db, collection, attribute, id, out_value, out_has_value);
}

QUIVER_C_API quiver_error_t quiver_database_read_scalar_string_by_id(quiver_database_t* db, const char* collection,
                                                                     const char* attribute, int64_t id,
                                                                     char** out_value, int* out_has_value) {
    return read_scalar(&Db::read_scalar_string_by_id, db, collection, attribute, id, out_value, out_has_value);
}

QUIVER_C_API quiver_error_t quiver_database_read_vector_integers_by_id(quiver_database_t* db, const char* collection,
                                                                       const char* attribute, int64_t id,
                                                                       int64_t** out_values, size_t* out_count) {
    return read_list(&Db::read_vector_integers_by_id, db, collection, attribute, id, out_values, out_count);
}

QUIVER_C_API quiver_error_t quiver_database_read_vector_floats_by_id(quiver_database_t* db, const char* collection,
                                                                     const char* attribute, int64_t id,
                                                                     double** out_values, size_t* out_count) {
    return read_list(&Db::read_vector_floats_by_id, db, collection, attribute, id, out_values, out_count);
}

QUIVER_C_API quiver_error_t quiver_database_read_vector_strings_by_id(quiver_database_t* db, const char* collection,
                                                                      const char* attribute, int64_t id,
                                                                      char*** out_values, size_t* out_count) {
    return read_list(&Db::read_vector_strings_by_id, db, collection, attribute, id, out_values, out_count);
}

QUIVER_C_API quiver_error_t quiver_database_read_set_integers_by_id(quiver_database_t* db, const char* collection,
                                                                    const char* attribute, int64_t id,
                                                                    int64_t** out_values, size_t* out_count) {
    return read_list(&Db::read_set_integers_by_id, db, collection, attribute, id, out_values, out_count);
}

QUIVER_C_API quiver_error_t quiver_database_read_set_floats_by_id(quiver_database_t* db, const char* collection,
                                                                  const char* attribute, int64_t id,
                                                                  double** out_values, size_t* out_count) {
    return read_list(&Db::read_set_floats_by_id, db, collection, attribute, id, out_values, out_count);
}

QUIVER_C_API quiver_error_t quiver_database_read_set_strings_by_id(quiver_database_t* db, const char* collection,
                                                                   const char* attribute, int64_t id,
                                                                   char*** out_values, size_t* out_count) {
    return read_list(&Db::read_set_strings_by_id, db, collection, attribute, id, out_values, out_count);
}

}  // extern "C"
