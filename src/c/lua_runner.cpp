// lua_runner.h: the embedded Lua runner. Script failures go to the runner's own error slot;
// null arguments and construction failures go to the thread's last error.
#include "internal.h"

using quiver_c::guard;
using quiver_c::require;

extern "C" {

QUIVER_C_API quiver_error_t quiver_lua_runner_new(quiver_database_t* db, quiver_lua_runner_t** out_runner) {
    return guard(
        [&] {
            require({{db, "db"}, {out_runner, "out_runner"}});
            *out_runner = new quiver_lua_runner{quiver::LuaRunner(db->db), std::nullopt};
        },
        "Unknown error creating LuaRunner");
}

QUIVER_C_API quiver_error_t quiver_lua_runner_free(quiver_lua_runner_t* runner) {
    delete runner;
    return QUIVER_OK;
}

QUIVER_C_API quiver_error_t quiver_lua_runner_run(quiver_lua_runner_t* runner, const char* script) {
    quiver_error_t status = QUIVER_OK;
    const quiver_error_t checked = guard([&] {
        require({{runner, "runner"}, {script, "script"}});
        runner->error.reset();
        try {
            runner->runner.run(script);
        } catch (const std::exception& e) {
            runner->error = e.what();
            status = QUIVER_ERROR;
        } catch (...) {
            runner->error = "Unknown error";
            status = QUIVER_ERROR;
        }
    });
    return checked == QUIVER_OK ? status : checked;
}

QUIVER_C_API quiver_error_t quiver_lua_runner_get_error(quiver_lua_runner_t* runner, const char** out_error) {
    return guard([&] {
        require({{runner, "runner"}, {out_error, "out_error"}});
        *out_error = runner->error ? runner->error->c_str() : nullptr;
    });
}

}  // extern "C"
