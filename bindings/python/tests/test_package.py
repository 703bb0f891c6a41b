"""Package surface: exports, counts, value types, errors, library loading."""

from __future__ import annotations

import dataclasses
import inspect
import os
import subprocess
import sys
from pathlib import Path

import pytest

import quiverdb
from quiverdb import (
    CSVOptions,
    Database,
    DatabaseCSVExport,
    DatabaseCSVImport,
    DataType,
    GroupMetadata,
    LogLevel,
    LuaRunner,
    QuiverError,
    ScalarMetadata,
)
from quiverdb.element import Element

PACKAGE_DIR = Path(quiverdb.__file__).resolve().parent
SRC_DIR = PACKAGE_DIR.parent


def _public_callables(cls: type) -> list[str]:
    return sorted(n for n in dir(cls) if not n.startswith("_") and callable(getattr(cls, n)))


def test_all_exports() -> None:
    assert quiverdb.__all__ == [
        "CSVOptions",
        "DataType",
        "Database",
        "DatabaseCSVExport",
        "DatabaseCSVImport",
        "GroupMetadata",
        "LogLevel",
        "LuaRunner",
        "QueryResult",
        "QuiverError",
        "ScalarMetadata",
        "version",
    ]
    for name in quiverdb.__all__:
        assert hasattr(quiverdb, name)


def test_element_not_exported() -> None:
    with pytest.raises(ImportError):
        from quiverdb import Element  # noqa: F401


def test_no_database_options_class() -> None:
    assert not hasattr(quiverdb, "DatabaseOptions")
    import quiverdb.database_options as options_module

    assert not any(
        inspect.isclass(v) and v.__module__ == options_module.__name__ for v in vars(options_module).values()
    )


def test_version() -> None:
    assert quiverdb.version() == "0.6.0"


def test_database_has_90_public_callables() -> None:
    names = _public_callables(Database)
    assert len(names) == 90, names
    assert "open" in names and "export_csv" in names and "import_csv" in names
    own = [n for n in names if n not in ("export_csv", "import_csv")]
    assert len(own) == 88
    assert issubclass(Database, DatabaseCSVExport) and issubclass(Database, DatabaseCSVImport)
    assert Database.__mro__[1:3] == (DatabaseCSVExport, DatabaseCSVImport)


def test_database_method_names() -> None:
    expected = {
        "from_schema", "from_migrations", "open", "close", "path", "current_version", "is_healthy", "describe",
        "create_element", "update_element", "delete_element",
        "begin_transaction", "commit", "rollback", "in_transaction", "transaction",
        "query_string", "query_integer", "query_float", "query_date_time",
        "read_scalar_integers", "read_scalar_floats", "read_scalar_strings",
        "read_scalar_integer_by_id", "read_scalar_float_by_id", "read_scalar_string_by_id", "read_element_ids",
        "read_vector_integers", "read_vector_floats", "read_vector_strings",
        "read_vector_integers_by_id", "read_vector_floats_by_id", "read_vector_strings_by_id",
        "read_set_integers", "read_set_floats", "read_set_strings",
        "read_set_integers_by_id", "read_set_floats_by_id", "read_set_strings_by_id",
        "read_scalar_date_time_by_id", "read_vector_date_time_by_id", "read_set_date_time_by_id",
        "get_scalar_metadata", "get_vector_metadata", "get_set_metadata", "get_time_series_metadata",
        "list_scalar_attributes", "list_vector_groups", "list_set_groups", "list_time_series_groups",
        "read_time_series_group", "update_time_series_group", "has_time_series_files",
        "list_time_series_files_columns", "read_time_series_files", "update_time_series_files",
        "read_scalars_by_id", "read_vectors_by_id", "read_sets_by_id", "read_element_by_id",
        "read_vector_group_by_id", "read_set_group_by_id",
        "export_csv", "import_csv",
        "create_elements", "read_dataframe", "read_vectors_dataframe", "read_sets_dataframe",
        "read_time_series_dataframe",
        "query", "query_dataframe", "begin_dry_run", "end_dry_run", "in_dry_run", "dry_run",
        "describe_collection", "summarize_collection",
        "number_of_elements", "read_time_series_row", "upsert_time_series_row", "upsert_time_series_row_by_label",
        "update_vector_group", "update_vector_group_by_label", "update_set_group", "update_set_group_by_label",
        "update_time_series_group_by_label", "update_element_by_label", "delete_element_by_label",
        "update_relation", "update_relation_by_label",
    }  # fmt: skip
    assert set(_public_callables(Database)) == expected


def test_factories_are_static_with_keyword_options() -> None:
    for name in ("from_schema", "from_migrations", "open"):
        assert isinstance(inspect.getattr_static(Database, name), staticmethod)
        params = inspect.signature(getattr(Database, name)).parameters
        assert params["read_only"].kind is inspect.Parameter.KEYWORD_ONLY
        assert params["read_only"].default is False
        assert params["console_level"].kind is inspect.Parameter.KEYWORD_ONLY
        assert params["console_level"].default is None


def test_query_params_positional_or_keyword_and_parameters_alias() -> None:
    # D25: params may be passed positionally; parameters= is upstream 0.10's keyword.
    for name in ("query_string", "query_integer", "query_float", "query_date_time"):
        params = inspect.signature(getattr(Database, name)).parameters
        assert params["params"].kind is inspect.Parameter.POSITIONAL_OR_KEYWORD
        assert params["params"].default is None
        assert params["parameters"].kind is inspect.Parameter.KEYWORD_ONLY
    for name in ("export_csv", "import_csv"):
        params = inspect.signature(getattr(Database, name)).parameters
        assert params["options"].kind is inspect.Parameter.KEYWORD_ONLY


def test_element_and_lua_runner_public_callables() -> None:
    assert _public_callables(Element) == ["clear", "destroy", "set"]
    assert _public_callables(LuaRunner) == ["close", "run", "run_json"]
    assert not hasattr(LuaRunner, "run_file")


def test_no_property_anywhere() -> None:
    import quiverdb.database_csv_export
    import quiverdb.database_csv_import
    import quiverdb.element
    import quiverdb.lua_runner
    import quiverdb.metadata

    modules = [quiverdb, quiverdb.database, quiverdb.element, quiverdb.lua_runner, quiverdb.metadata,
               quiverdb.database_csv_export, quiverdb.database_csv_import]  # fmt: skip
    for module in modules:
        for value in vars(module).values():
            if inspect.isclass(value) and value.__module__.startswith("quiverdb"):
                for attr in vars(value).values():
                    assert not isinstance(attr, property), (value, attr)
    for path in PACKAGE_DIR.glob("*.py"):
        assert "@property" not in path.read_text(encoding="utf-8"), path


def test_module_files_present() -> None:
    expected = {
        "__init__.py", "_c_api.py", "_loader.py", "_helpers.py", "exceptions.py", "metadata.py", "element.py",
        "database.py", "database_csv_export.py", "database_csv_import.py", "database_options.py",
        "lua_runner.py", "py.typed",
    }  # fmt: skip
    present = {p.name for p in PACKAGE_DIR.iterdir() if p.is_file()}
    assert expected <= present


def test_data_type_and_log_level_values() -> None:
    assert [(m.name, m.value) for m in DataType] == [
        ("INTEGER", 0), ("FLOAT", 1), ("STRING", 2), ("DATE_TIME", 3), ("NULL", 4),
    ]  # fmt: skip
    assert [(m.name, m.value) for m in LogLevel] == [("DEBUG", 0), ("INFO", 1), ("WARN", 2), ("ERROR", 3), ("OFF", 4)]
    assert DataType.FLOAT == 1 and LogLevel.OFF == 4


def test_csv_options_defaults_and_frozen() -> None:
    options = CSVOptions()
    assert options.date_time_format == ""
    assert options.enum_labels == {}
    assert CSVOptions().enum_labels is not CSVOptions().enum_labels
    with pytest.raises(dataclasses.FrozenInstanceError):
        options.date_time_format = "%Y"  # type: ignore[misc]
    assert [f.name for f in dataclasses.fields(CSVOptions)] == ["date_time_format", "enum_labels"]


def test_metadata_dataclasses_frozen() -> None:
    scalar = ScalarMetadata("x", DataType.INTEGER, False, False, None, False, None, None)
    group = GroupMetadata("g", "", [scalar])
    with pytest.raises(dataclasses.FrozenInstanceError):
        scalar.name = "y"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        group.group_name = "h"  # type: ignore[misc]
    assert [f.name for f in dataclasses.fields(ScalarMetadata)] == [
        "name", "data_type", "not_null", "primary_key", "default_value", "is_foreign_key",
        "references_collection", "references_column",
    ]  # fmt: skip
    assert [f.name for f in dataclasses.fields(GroupMetadata)] == ["group_name", "dimension_column", "value_columns"]


def test_quiver_error_repr() -> None:
    assert issubclass(QuiverError, Exception)
    assert repr(QuiverError("boom")) == "QuiverError('boom')"
    assert repr(QuiverError()) == "QuiverError()"
    assert str(QuiverError("boom")) == "boom"


def test_cdef_declares_every_function() -> None:
    import re

    from quiverdb._c_api import ffi, get_lib

    source = _cdef_source()
    names = set(re.findall(r"\b(quiver_\w+)\s*\(", source))
    assert len(names) >= 94  # the exact set is compared with the headers below
    lib = get_lib()
    for name in names:
        assert getattr(lib, name) is not None
    assert ffi.sizeof("quiver_database_options_t") == 8
    assert ffi.offsetof("quiver_csv_options_t", "enum_group_count") == 6 * ffi.sizeof("void*")


def test_header_declarations_match_cdef() -> None:
    """Every function of include/quiver/c/*.h is declared with the same prototype."""
    import re

    headers = REPO_HEADERS
    if not headers.is_dir():
        pytest.skip("C headers not available")
    text = "".join(path.read_text() for path in sorted(headers.glob("*.h")))
    source = _cdef_source()

    def norm(s: str) -> str:
        return re.sub(r"\s+", " ", s).replace("( ", "(").replace(" )", ")").strip()

    header_protos = {
        m.group(2): norm(m.group(1) + m.group(2) + m.group(3))
        for m in re.finditer(r"QUIVER_C_API\s+([\w\s\*]+?)\b(quiver_\w+)\s*(\([^;]*\));", text)
    }
    cdef_protos = {
        m.group(2): norm(m.group(1) + m.group(2) + m.group(3))
        for m in re.finditer(r"\n\s*([A-Za-z_][\w\s\*]*?)\b(quiver_\w+)\s*(\([^;]*\));", source)
    }
    assert len(header_protos) >= 94
    assert header_protos == cdef_protos


REPO_HEADERS = Path(__file__).resolve().parent.parent.parent.parent / "include" / "quiver" / "c"


def _cdef_source() -> str:
    """The hand-written cdef: ``_c_api.py`` and the database.h part in ``_c_api_database.py``."""
    return "".join((PACKAGE_DIR / name).read_text(encoding="utf-8") for name in ("_c_api.py", "_c_api_database.py"))


# ------------------------------------------------------------------------------------ loader


def _run_loader(env_value: str | None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    if env_value is None:
        env.pop("QUIVER_LIBRARY_PATH", None)
    else:
        env["QUIVER_LIBRARY_PATH"] = env_value
    env["PYTHONPATH"] = os.pathsep.join([str(SRC_DIR), env.get("PYTHONPATH", "")])
    return subprocess.run(
        [sys.executable, "-m", "quiverdb._loader"], capture_output=True, text=True, env=env, timeout=120
    )


def test_loader_env_path_failure(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere"
    result = _run_loader(str(missing))
    assert result.returncode == 1
    assert result.stdout.startswith(f"FAIL: Cannot load native libraries from QUIVER_LIBRARY_PATH={missing}: ")
    assert "RuntimeWarning" not in result.stderr


def test_loader_env_path_directory_and_file() -> None:
    from quiverdb import _loader
    from quiverdb._c_api import get_lib

    get_lib()
    if _loader.loaded_via() != "env":
        pytest.skip("libraries were not loaded through QUIVER_LIBRARY_PATH")
    directory = Path(os.environ["QUIVER_LIBRARY_PATH"])
    if directory.is_file():
        directory = directory.parent
    for value in (str(directory), str(directory / f"libquiver_c{_loader._EXT}")):
        result = _run_loader(value)
        assert result.returncode == 0, result.stdout + result.stderr
        lines = result.stdout.splitlines()
        assert lines[0] == "OK: loaded via 'env'"
        assert str(_loader._LIBS_DIR) in result.stdout


def test_loader_reports_how_it_loaded() -> None:
    from quiverdb import _loader
    from quiverdb._c_api import get_lib

    get_lib()
    assert _loader.loaded_via() in ("env", "bundled", "development")
    result = _run_loader(os.environ.get("QUIVER_LIBRARY_PATH"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines()[0] == f"OK: loaded via '{_loader.loaded_via()}'"
    from quiverdb import _loader as loader

    exists = "yes" if loader._LIBS_DIR.is_dir() else "no"
    assert f"_libs directory: {loader._LIBS_DIR} (exists: {exists})" in result.stdout


def test_loader_system_failure_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from quiverdb import _loader
    from quiverdb._c_api import ffi

    monkeypatch.delenv("QUIVER_LIBRARY_PATH", raising=False)
    monkeypatch.setattr(_loader, "_LIBS_DIR", tmp_path / "_libs")
    monkeypatch.setattr(_loader, "_C_API_NAME", "libquiver_c_definitely_missing.so")
    monkeypatch.setattr(_loader, "_CORE_NAME", "libquiver_definitely_missing.so")
    previous = _loader._loaded_via
    try:
        with pytest.raises(RuntimeError) as info:
            _loader.load_library(ffi)
    finally:
        _loader._loaded_via = previous
    assert str(info.value) == (
        f"Cannot load native libraries. Searched: {tmp_path / '_libs'} (not found), system PATH. "
        "Missing: libquiver_c_definitely_missing.so"
    )


def test_loader_bundled_failure_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from quiverdb import _loader
    from quiverdb._c_api import ffi

    libs = tmp_path / "_libs"
    libs.mkdir()
    (libs / _loader._C_API_NAME).write_bytes(b"not a shared library")
    (libs / _loader._CORE_NAME).write_bytes(b"not a shared library")
    monkeypatch.delenv("QUIVER_LIBRARY_PATH", raising=False)
    monkeypatch.setattr(_loader, "_LIBS_DIR", libs)
    previous = _loader._loaded_via
    try:
        with pytest.raises(RuntimeError) as info:
            _loader.load_library(ffi)
    finally:
        _loader._loaded_via = previous
    message = str(info.value)
    assert message.startswith("Cannot load bundled native libraries: ")
    assert message.endswith(f". Searched: {libs}")
