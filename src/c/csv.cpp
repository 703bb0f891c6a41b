// CSV export/import (options marshalled by quiver_c::to_csv_options).
#include "internal.h"

using quiver_c::guard;
using quiver_c::require;

extern "C" {

QUIVER_C_API quiver_error_t quiver_database_export_csv(quiver_database_t* db, const char* collection,
                                                       const char* group, const char* path,
                                                       const quiver_csv_options_t* options) {
    return guard([&] {
        require({{db, "db"}, {collection, "collection"}, {group, "group"}, {path, "path"}, {options, "options"}});
        db->db.export_csv(collection, group, path, quiver_c::to_csv_options(*options, "export_csv"));
    });
}

QUIVER_C_API quiver_error_t quiver_database_import_csv(quiver_database_t* db, const char* collection,
                                                       const char* group, const char* path,
                                                       const quiver_csv_options_t* options) {
    return guard([&] {
        require({{db, "db"}, {collection, "collection"}, {group, "group"}, {path, "path"}, {options, "options"}});
        db->db.import_csv(collection, group, path, quiver_c::to_csv_options(*options, "import_csv"));
    });
}

}  // extern "C"
