/* Quiver C API: the embedded Lua runner.
 *
 * A failed quiver_lua_runner_run stores its message in the runner (read it with
 * quiver_lua_runner_get_error) and also as the thread's last error (D18). Null-argument
 * failures of these functions use the thread's last error only. */
#ifndef QUIVER_C_LUA_RUNNER_H
#define QUIVER_C_LUA_RUNNER_H

#include "common.h"
#include "database.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct quiver_lua_runner quiver_lua_runner_t;

/* Borrows db: free the runner before closing the database. */
QUIVER_C_API quiver_error_t quiver_lua_runner_new(quiver_database_t* db, quiver_lua_runner_t** out_runner);
/* NULL accepted; always QUIVER_OK. */
QUIVER_C_API quiver_error_t quiver_lua_runner_free(quiver_lua_runner_t* runner);
/* Runs script. On success *out_result (when out_result is not NULL) is a newly allocated JSON
 * text of the script's first return value ("" when it returned nothing, "null" for nil); free it
 * with quiver_lua_runner_free_string. On failure *out_result is set to NULL. */
QUIVER_C_API quiver_error_t quiver_lua_runner_run(quiver_lua_runner_t* runner, const char* script,
                                                  char** out_result);
/* NULL accepted; always QUIVER_OK. */
QUIVER_C_API quiver_error_t quiver_lua_runner_free_string(char* str);
/* *out_error is NULL when the last run succeeded (or none ran); otherwise borrowed until the
 * next run or free. */
QUIVER_C_API quiver_error_t quiver_lua_runner_get_error(quiver_lua_runner_t* runner, const char** out_error);

#ifdef __cplusplus
}
#endif

#endif /* QUIVER_C_LUA_RUNNER_H */
