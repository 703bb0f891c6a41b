// Transactions.
#include "internal.h"

using quiver_c::guard;
using quiver_c::require;

extern "C" {

QUIVER_C_API quiver_error_t quiver_database_begin_transaction(quiver_database_t* db) {
    return guard([&] {
        require({{db, "db"}});
        db->db.begin_transaction();
    });
}

QUIVER_C_API quiver_error_t quiver_database_commit(quiver_database_t* db) {
    return guard([&] {
        require({{db, "db"}});
        db->db.commit();
    });
}

QUIVER_C_API quiver_error_t quiver_database_rollback(quiver_database_t* db) {
    return guard([&] {
        require({{db, "db"}});
        db->db.rollback();
    });
}

QUIVER_C_API quiver_error_t quiver_database_in_transaction(quiver_database_t* db, int* out_active) {
    return guard([&] {
        require({{db, "db"}, {out_active, "out_active"}});
        *out_active = db->db.in_transaction() ? 1 : 0;
    });
}

}  // extern "C"
