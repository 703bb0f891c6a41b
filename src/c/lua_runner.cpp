// lua_runner.h: the embedded Lua runner. Script failures go to the runner's own error slot and to
// the thread's last error (D18); null arguments and construction failures only to the latter.
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

QUIVER_C_API quiver_error_t quiver_lua_runner_run(quiver_lua_runner_t* runner, const char* script,
                                                  char** out_result) {
    if (out_result != nullptr) *out_result = nullptr;
    return guard([&] {
        require({{runner, "runner"}, {script, "script"}});
        runner->error.reset();
        std::string result;
        try {
            result = runner->runner.run(script);
        } catch (const std::exception& e) {
            runner->error = e.what();
            throw;  // guard() stores it as the thread's last error too (D18)
        } catch (...) {
            runner->error = "Unknown error";
            throw;
        }
        if (out_result != nullptr) *out_result = quiver_c::copy_string(result);
    });
}

QUIVER_C_API quiver_error_t quiver_lua_runner_free_string(char* str) {
    std::free(str);
    return QUIVER_OK;
}

QUIVER_C_API quiver_error_t quiver_lua_runner_get_error(quiver_lua_runner_t* runner, const char** out_error) {
    return guard([&] {
        require({{runner, "runner"}, {out_error, "out_error"}});
        *out_error = runner->error ? runner->error->c_str() : nullptr;
    });
}

}  // extern "C"
