// update_relation (api-additions §8.1): sets, or with a NULL target_label clears, one scalar
// foreign key of an element addressed by id or label.
#include "internal.h"

using quiver_c::guard;
using quiver_c::require;

namespace {

std::optional<std::string> target(const char* target_label) {
    return target_label ? std::optional<std::string>(target_label) : std::nullopt;
}

}  // namespace

extern "C" {

QUIVER_C_API quiver_error_t quiver_database_update_relation(quiver_database_t* db, const char* collection_from,
                                                            const char* collection_to, const char* relation_type,
                                                            int64_t id, const char* target_label) {
    return guard([&] {
        require({{db, "db"}, {collection_from, "collection_from"}, {collection_to, "collection_to"},
                 {relation_type, "relation_type"}});
        db->db.update_relation(collection_from, collection_to, relation_type, id, target(target_label));
    });
}

QUIVER_C_API quiver_error_t quiver_database_update_relation_by_label(quiver_database_t* db,
                                                                     const char* collection_from,
                                                                     const char* collection_to,
                                                                     const char* relation_type, const char* label,
                                                                     const char* target_label) {
    return guard([&] {
        require({{db, "db"}, {collection_from, "collection_from"}, {collection_to, "collection_to"},
                 {relation_type, "relation_type"}, {label, "label"}});
        db->db.update_relation(collection_from, collection_to, relation_type, std::string(label),
                               target(target_label));
    });
}

}  // extern "C"
