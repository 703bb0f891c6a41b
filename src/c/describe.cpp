// Inspection reports (D17): describe, describe_collection, summarize_collection. Each report is
// a newly allocated string; free it with quiver_database_free_string.
#include "internal.h"

using quiver_c::guard;
using quiver_c::require;

extern "C" {

QUIVER_C_API quiver_error_t quiver_database_describe(quiver_database_t* db, char** out_report) {
    return guard([&] {
        require({{db, "db"}, {out_report, "out_report"}});
        *out_report = quiver_c::copy_string(db->db.describe());
    });
}

QUIVER_C_API quiver_error_t quiver_database_describe_collection(quiver_database_t* db, const char* collection,
                                                                char** out_report) {
    return guard([&] {
        require({{db, "db"}, {collection, "collection"}, {out_report, "out_report"}});
        *out_report = quiver_c::copy_string(db->db.describe_collection(collection));
    });
}

QUIVER_C_API quiver_error_t quiver_database_summarize_collection(quiver_database_t* db, const char* collection,
                                                                 char** out_report) {
    return guard([&] {
        require({{db, "db"}, {collection, "collection"}, {out_report, "out_report"}});
        *out_report = quiver_c::copy_string(db->db.summarize_collection(collection));
    });
}

}  // extern "C"
