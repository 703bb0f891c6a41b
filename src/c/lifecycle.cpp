// Lifecycle: open / from_schema / from_migrations / close, health, path, version.
#include "internal.h"

using quiver_c::guard;
using quiver_c::require;

namespace {

// Constructs the handle and publishes it only on success.
template <typename Make>
void publish(quiver_database_t** out_db, Make&& make) {
    *out_db = new quiver_database{make()};
}

}  // namespace

extern "C" {

QUIVER_C_API quiver_error_t quiver_database_open(const char* path, const quiver_database_options_t* options,
                                                 quiver_database_t** out_db) {
    return guard([&] {
        require({{path, "path"}, {out_db, "out_db"}});
        publish(out_db, [&] { return quiver::Database(path, quiver_c::to_database_options(options)); });
    });
}

QUIVER_C_API quiver_error_t quiver_database_from_migrations(const char* db_path, const char* migrations_path,
                                                            const quiver_database_options_t* options,
                                                            quiver_database_t** out_db) {
    return guard([&] {
        require({{db_path, "db_path"}, {migrations_path, "migrations_path"}, {out_db, "out_db"}});
        publish(out_db, [&] {
            return quiver::Database::from_migrations(db_path, migrations_path,
                                                     quiver_c::to_database_options(options));
        });
    });
}

QUIVER_C_API quiver_error_t quiver_database_from_schema(const char* db_path, const char* schema_path,
                                                        const quiver_database_options_t* options,
                                                        quiver_database_t** out_db) {
    return guard([&] {
        require({{db_path, "db_path"}, {schema_path, "schema_path"}, {out_db, "out_db"}});
        publish(out_db, [&] {
            return quiver::Database::from_schema(db_path, schema_path, quiver_c::to_database_options(options));
        });
    });
}

QUIVER_C_API quiver_error_t quiver_database_close(quiver_database_t* db) {
    delete db;
    return QUIVER_OK;
}

QUIVER_C_API quiver_error_t quiver_database_is_healthy(quiver_database_t* db, int* out_healthy) {
    return guard([&] {
        require({{db, "db"}, {out_healthy, "out_healthy"}});
        *out_healthy = db->db.is_healthy() ? 1 : 0;
    });
}

QUIVER_C_API quiver_error_t quiver_database_path(quiver_database_t* db, const char** out_path) {
    return guard([&] {
        require({{db, "db"}, {out_path, "out_path"}});
        *out_path = db->db.path().c_str();
    });
}

QUIVER_C_API quiver_error_t quiver_database_current_version(quiver_database_t* db, int64_t* out_version) {
    return guard([&] {
        require({{db, "db"}, {out_version, "out_version"}});
        *out_version = db->db.current_version();
    });
}

}  // extern "C"
