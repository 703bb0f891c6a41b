// Element writes: create, update, delete (by id and by label).
#include "internal.h"

using quiver_c::guard;
using quiver_c::require;

extern "C" {

QUIVER_C_API quiver_error_t quiver_database_create_element(quiver_database_t* db, const char* collection,
                                                           quiver_element_t* element, int64_t* out_id) {
    return guard([&] {
        require({{db, "db"}, {collection, "collection"}, {element, "element"}, {out_id, "out_id"}});
        *out_id = db->db.create_element(collection, element->element);
    });
}

QUIVER_C_API quiver_error_t quiver_database_update_element(quiver_database_t* db, const char* collection,
                                                           int64_t id, const quiver_element_t* element) {
    return guard([&] {
        require({{db, "db"}, {collection, "collection"}, {element, "element"}});
        db->db.update_element(collection, id, element->element);
    });
}

QUIVER_C_API quiver_error_t quiver_database_delete_element(quiver_database_t* db, const char* collection,
                                                           int64_t id) {
    return guard([&] {
        require({{db, "db"}, {collection, "collection"}});
        db->db.delete_element(collection, id);
    });
}

// Label forms (api-additions §8): the core resolves the label and runs the id form.
QUIVER_C_API quiver_error_t quiver_database_update_element_by_label(quiver_database_t* db, const char* collection,
                                                                    const char* label,
                                                                    const quiver_element_t* element) {
    return guard([&] {
        require({{db, "db"}, {collection, "collection"}, {label, "label"}, {element, "element"}});
        db->db.update_element(collection, std::string(label), element->element);
    });
}

QUIVER_C_API quiver_error_t quiver_database_delete_element_by_label(quiver_database_t* db, const char* collection,
                                                                    const char* label) {
    return guard([&] {
        require({{db, "db"}, {collection, "collection"}, {label, "label"}});
        db->db.delete_element(collection, std::string(label));
    });
}

}  // extern "C"
