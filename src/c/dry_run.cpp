// Dry runs (D16).
#include "internal.h"

using quiver_c::guard;
using quiver_c::require;

extern "C" {

QUIVER_C_API quiver_error_t quiver_database_begin_dry_run(quiver_database_t* db) {
    return guard([&] {
        require({{db, "db"}});
        db->db.begin_dry_run();
    });
}

QUIVER_C_API quiver_error_t quiver_database_end_dry_run(quiver_database_t* db) {
    return guard([&] {
        require({{db, "db"}});
        db->db.end_dry_run();
    });
}

QUIVER_C_API quiver_error_t quiver_database_in_dry_run(quiver_database_t* db, int* out_active) {
    return guard([&] {
        require({{db, "db"}, {out_active, "out_active"}});
        *out_active = db->db.in_dry_run() ? 1 : 0;
    });
}

}  // extern "C"
