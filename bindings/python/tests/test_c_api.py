"""C API behaviour the binding relies on, exercised through the raw CFFI handle."""

from __future__ import annotations

import pytest

from quiverdb import Database, QuiverError
from quiverdb._c_api import ffi, get_lib


def _last_error() -> str:
    return ffi.string(get_lib().quiver_get_last_error()).decode()


def test_version_string() -> None:
    assert ffi.string(get_lib().quiver_version()) == b"0.6.0"


def test_option_defaults_returned_by_value() -> None:
    lib = get_lib()
    options = lib.quiver_database_options_default()
    assert options.read_only == 0
    assert options.console_level == lib.QUIVER_LOG_WARN == 2  # quiet by default (D27)
    csv = lib.quiver_csv_options_default()
    assert ffi.string(csv.date_time_format) == b""
    assert csv.enum_attribute_names == ffi.NULL
    assert csv.enum_locale_names == ffi.NULL
    assert csv.enum_entry_counts == ffi.NULL
    assert csv.enum_labels == ffi.NULL
    assert csv.enum_values == ffi.NULL
    assert csv.enum_group_count == 0


def test_enum_constants() -> None:
    lib = get_lib()
    assert (lib.QUIVER_OK, lib.QUIVER_ERROR) == (0, 1)
    assert (lib.QUIVER_DATA_TYPE_INTEGER, lib.QUIVER_DATA_TYPE_FLOAT, lib.QUIVER_DATA_TYPE_STRING) == (0, 1, 2)
    assert (lib.QUIVER_DATA_TYPE_DATE_TIME, lib.QUIVER_DATA_TYPE_NULL) == (3, 4)
    assert (lib.QUIVER_DATA_STRUCTURE_SCALAR, lib.QUIVER_DATA_STRUCTURE_VECTOR, lib.QUIVER_DATA_STRUCTURE_SET) == (
        0,
        1,
        2,
    )


def test_last_error_survives_success_and_clear(db: Database) -> None:
    lib = get_lib()
    with pytest.raises(QuiverError):
        db.read_element_ids("Nope")
    assert _last_error() == "Cannot read_element_ids: collection not found: Nope"
    db.read_element_ids("Collection")  # success does not clear it
    assert _last_error() == "Cannot read_element_ids: collection not found: Nope"
    lib.quiver_clear_last_error()
    assert _last_error() == ""


def test_null_arguments() -> None:
    lib = get_lib()
    out_path = ffi.new("const char**")
    assert lib.quiver_database_path(ffi.NULL, out_path) == 1
    assert _last_error() == "Null argument: db"
    assert lib.quiver_database_open(b"x.db", ffi.NULL, ffi.NULL) == 1
    assert _last_error() == "Null argument: out_db"
    assert lib.quiver_element_destroy(ffi.NULL) == 1
    assert _last_error() == "Null argument: element"
    assert lib.quiver_lua_runner_run(ffi.NULL, b"", ffi.NULL) == 1
    assert _last_error() == "Null argument: runner"


def test_null_accepting_functions() -> None:
    lib = get_lib()
    assert lib.quiver_database_close(ffi.NULL) == 0
    assert lib.quiver_lua_runner_free(ffi.NULL) == 0
    assert lib.quiver_lua_runner_free_string(ffi.NULL) == 0
    assert lib.quiver_result_free(ffi.NULL) == 0
    assert lib.quiver_database_free_string(ffi.NULL) == 0
    assert lib.quiver_database_free_mask(ffi.NULL) == 0
    assert lib.quiver_database_free_time_series_data(ffi.NULL, ffi.NULL, ffi.NULL, ffi.NULL, 0, 0) == 0


def test_empty_results_set_null_pointers(db: Database) -> None:
    lib = get_lib()
    ids = ffi.new("int64_t**", ffi.cast("int64_t*", 1))
    count = ffi.new("size_t*", 7)
    assert lib.quiver_database_read_element_ids(db._ptr, b"Collection", ids, count) == 0
    assert ids[0] == ffi.NULL and count[0] == 0


def test_lua_runner_error_slot() -> None:
    lib = get_lib()
    db = Database.open(":memory:", console_level=4)
    try:
        runner = ffi.new("quiver_lua_runner_t**")
        assert lib.quiver_lua_runner_new(db._ptr, runner) == 0
        out = ffi.new("const char**")
        assert lib.quiver_lua_runner_get_error(runner[0], out) == 0
        assert out[0] == ffi.NULL
        result = ffi.new("char**")
        assert lib.quiver_lua_runner_run(runner[0], b'error("x", 0)', result) == 1
        assert result[0] == ffi.NULL
        assert lib.quiver_lua_runner_get_error(runner[0], out) == 0
        assert ffi.string(out[0]) == b"Lua error: x"
        assert _last_error() == "Lua error: x"  # D18: the thread's last error too
        assert lib.quiver_lua_runner_run(runner[0], b"return {1, 'a'}", result) == 0
        assert ffi.string(result[0]) == b'[1,"a"]'
        assert lib.quiver_lua_runner_free_string(result[0]) == 0
        assert lib.quiver_lua_runner_run(runner[0], b"local y = 1", ffi.NULL) == 0
        assert lib.quiver_lua_runner_get_error(runner[0], out) == 0
        assert out[0] == ffi.NULL
        assert lib.quiver_lua_runner_free(runner[0]) == 0
    finally:
        db.close()
