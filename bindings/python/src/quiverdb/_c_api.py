"""CFFI (ABI mode) declarations of the Quiver C API and the lazily loaded library handle.

The ``cdef`` is written by hand and mirrors ``include/quiver/c/*.h`` (common.h, options.h,
result.h, database.h, element.h, lua_runner.h) declaration for declaration; database.h, the
largest, lives in ``quiverdb._c_api_database``.
"""

from __future__ import annotations

from typing import Any

from cffi import FFI

from quiverdb._c_api_database import DATABASE_CDEF

ffi = FFI()

_HEADERS_BEFORE_DATABASE = """
    /* ---------------------------------------------------------------- common.h */
    typedef enum { QUIVER_OK = 0, QUIVER_ERROR = 1 } quiver_error_t;

    const char* quiver_version(void);
    const char* quiver_get_last_error(void);
    void quiver_clear_last_error(void);

    /* ---------------------------------------------------------------- options.h */
    typedef enum {
        QUIVER_LOG_DEBUG = 0,
        QUIVER_LOG_INFO = 1,
        QUIVER_LOG_WARN = 2,
        QUIVER_LOG_ERROR = 3,
        QUIVER_LOG_OFF = 4
    } quiver_log_level_t;

    typedef struct {
        int read_only;
        quiver_log_level_t console_level;
    } quiver_database_options_t;

    typedef struct {
        const char* date_time_format;
        const char* const* enum_attribute_names;
        const char* const* enum_locale_names;
        const size_t* enum_entry_counts;
        const char* const* enum_labels;
        const int64_t* enum_values;
        size_t enum_group_count;
    } quiver_csv_options_t;

    quiver_database_options_t quiver_database_options_default(void);
    quiver_csv_options_t quiver_csv_options_default(void);

    /* ---------------------------------------------------------------- result.h (9) */
    typedef struct quiver_result quiver_result_t;

    quiver_error_t quiver_result_row_count(const quiver_result_t* result, size_t* out_count);
    quiver_error_t quiver_result_column_count(const quiver_result_t* result, size_t* out_count);
    quiver_error_t quiver_result_column_name(const quiver_result_t* result, size_t column, const char** out_name);
    quiver_error_t quiver_result_value_type(const quiver_result_t* result, size_t row, size_t column, int* out_type);
    quiver_error_t quiver_result_get_integer(const quiver_result_t* result, size_t row, size_t column,
                                             int64_t* out_value, int* out_has_value);
    quiver_error_t quiver_result_get_float(const quiver_result_t* result, size_t row, size_t column,
                                           double* out_value, int* out_has_value);
    quiver_error_t quiver_result_get_string(const quiver_result_t* result, size_t row, size_t column,
                                            const char** out_value);
    quiver_error_t quiver_result_free(quiver_result_t* result);

"""

_HEADERS_AFTER_DATABASE = """
    /* ---------------------------------------------------------------- element.h (15) */
    quiver_error_t quiver_element_create(quiver_element_t** out_element);
    quiver_error_t quiver_element_destroy(quiver_element_t* element);
    quiver_error_t quiver_element_clear(quiver_element_t* element);

    quiver_error_t quiver_element_set_integer(quiver_element_t* element, const char* name, int64_t value);
    quiver_error_t quiver_element_set_float(quiver_element_t* element, const char* name, double value);
    quiver_error_t quiver_element_set_string(quiver_element_t* element, const char* name, const char* value);
    quiver_error_t quiver_element_set_null(quiver_element_t* element, const char* name);

    quiver_error_t quiver_element_set_array_integer(quiver_element_t* element, const char* name,
                                                    const int64_t* values, int32_t count,
                                                    const uint8_t* has_value);
    quiver_error_t quiver_element_set_array_float(quiver_element_t* element, const char* name,
                                                  const double* values, int32_t count,
                                                  const uint8_t* has_value);
    quiver_error_t quiver_element_set_array_string(quiver_element_t* element, const char* name,
                                                   const char* const* values, int32_t count,
                                                   const uint8_t* has_value);

    quiver_error_t quiver_element_has_scalars(quiver_element_t* element, int* out_result);
    quiver_error_t quiver_element_has_arrays(quiver_element_t* element, int* out_result);
    quiver_error_t quiver_element_scalar_count(quiver_element_t* element, size_t* out_count);
    quiver_error_t quiver_element_array_count(quiver_element_t* element, size_t* out_count);
    quiver_error_t quiver_element_to_string(quiver_element_t* element, char** out_string);

    /* ---------------------------------------------------------------- lua_runner.h (5) */
    typedef struct quiver_lua_runner quiver_lua_runner_t;

    quiver_error_t quiver_lua_runner_new(quiver_database_t* db, quiver_lua_runner_t** out_runner);
    quiver_error_t quiver_lua_runner_free(quiver_lua_runner_t* runner);
    quiver_error_t quiver_lua_runner_run(quiver_lua_runner_t* runner, const char* script, char** out_result);
    quiver_error_t quiver_lua_runner_free_string(char* str);
    quiver_error_t quiver_lua_runner_get_error(quiver_lua_runner_t* runner, const char** out_error);
"""

ffi.cdef(_HEADERS_BEFORE_DATABASE + DATABASE_CDEF + _HEADERS_AFTER_DATABASE)

_lib: Any = None


def get_lib() -> Any:
    """Return the loaded C API library, loading it on first use (see ``quiverdb._loader``)."""
    global _lib
    if _lib is None:
        # Imported here, not at the top: ``python -m quiverdb._loader`` imports the package first,
        # and a top-level import would put ``quiverdb._loader`` in sys.modules before runpy runs it.
        from quiverdb._loader import load_library

        _lib = load_library(ffi)
    return _lib
