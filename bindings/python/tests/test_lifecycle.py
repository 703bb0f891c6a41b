"""Opening, closing, factories, repr, describe and the closed-state guard."""

from __future__ import annotations

import gc
import os
from pathlib import Path

import pytest
from conftest import COLLECTIONS_SCHEMA

from quiverdb import Database, LogLevel, QuiverError


def _make_migrations(root: Path, scripts: dict[int, str]) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for version, sql in scripts.items():
        directory = root / str(version)
        directory.mkdir()
        (directory / "up.sql").write_text(sql)
        (directory / "down.sql").write_text("-- never executed\n")
    return root


MIGRATION_1 = """
CREATE TABLE Configuration (id INTEGER PRIMARY KEY, label TEXT UNIQUE NOT NULL) STRICT;
CREATE TABLE Item (id INTEGER PRIMARY KEY AUTOINCREMENT, label TEXT UNIQUE NOT NULL) STRICT;
"""
MIGRATION_2 = "ALTER TABLE Item ADD COLUMN weight REAL;"


# ------------------------------------------------------------------------------------ from_schema


def test_from_schema(tmp_path: Path) -> None:
    path = tmp_path / "a.db"
    db = Database.from_schema(str(path), str(COLLECTIONS_SCHEMA), console_level=LogLevel.OFF)
    try:
        assert isinstance(db, Database)
        assert db.path() == str(path)
        assert db.is_healthy() is True
        assert db.current_version() == 3
        assert path.exists()
    finally:
        db.close()


def test_from_schema_replaces_existing_file(tmp_path: Path) -> None:
    path = tmp_path / "a.db"
    with Database.from_schema(str(path), str(COLLECTIONS_SCHEMA), console_level=LogLevel.OFF) as db:
        db.create_element("Collection", label="x")
    with Database.from_schema(str(path), str(COLLECTIONS_SCHEMA), console_level=LogLevel.OFF) as db:
        assert db.read_element_ids("Collection") == []


def test_from_schema_memory() -> None:
    with Database.from_schema(":memory:", str(COLLECTIONS_SCHEMA), console_level=LogLevel.OFF) as db:
        assert db.path() == ":memory:"
        assert db.create_element("Collection", label="x") == 1


def test_from_schema_missing_file(tmp_path: Path) -> None:
    with pytest.raises(QuiverError) as info:
        Database.from_schema(str(tmp_path / "a.db"), "nonexistent/x.sql", console_level=LogLevel.OFF)
    assert str(info.value) == "Schema file not found: nonexistent/x.sql"


def test_from_schema_invalid_schema(tmp_path: Path) -> None:
    schema = tmp_path / "bad.sql"
    schema.write_text("CREATE TABLE Item (id INTEGER PRIMARY KEY, label TEXT UNIQUE NOT NULL) STRICT;")
    with pytest.raises(QuiverError) as info:
        Database.from_schema(str(tmp_path / "a.db"), str(schema), console_level=LogLevel.OFF)
    assert str(info.value) == "Schema validation error: Schema must have a 'Configuration' table"


def test_from_schema_empty_file(tmp_path: Path) -> None:
    schema = tmp_path / "empty.sql"
    schema.write_text("")
    with pytest.raises(QuiverError) as info:
        Database.from_schema(str(tmp_path / "a.db"), str(schema), console_level=LogLevel.OFF)
    assert str(info.value) == f"Cannot apply_schema: schema file is empty: {schema}"


def test_from_schema_read_only_is_refused(tmp_path: Path) -> None:
    # api-additions §9 (was: the file was deleted and could not be reopened read-only).
    with pytest.raises(QuiverError) as info:
        Database.from_schema(
            str(tmp_path / "a.db"), str(COLLECTIONS_SCHEMA), read_only=True, console_level=LogLevel.OFF
        )
    assert str(info.value) == "Cannot from_schema: read_only mode (use Database constructor to open existing)"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((1, "x.sql"), "Cannot from_schema: argument 'db_path' must be str, got int"),
        (("a.db", None), "Cannot from_schema: argument 'schema_path' must be str, got NoneType"),
        ((Path("a.db"), "x.sql"), "Cannot from_schema: argument 'db_path' must be str, got PosixPath"),
    ],
)
def test_from_schema_bad_arguments(args: tuple[object, object], message: str) -> None:
    if os.name == "nt" and "PosixPath" in message:
        message = message.replace("PosixPath", "WindowsPath")
    with pytest.raises(TypeError) as info:
        Database.from_schema(*args)  # type: ignore[arg-type]
    assert str(info.value) == message


def test_factory_option_validation(tmp_path: Path) -> None:
    with pytest.raises(TypeError) as info:
        Database.open(str(tmp_path / "a.db"), console_level="off")  # type: ignore[arg-type]
    assert str(info.value) == "Cannot open: argument 'console_level' must be int, got str"
    with pytest.raises(TypeError) as info:
        Database.from_schema(str(tmp_path / "a.db"), str(COLLECTIONS_SCHEMA), read_only="yes")  # type: ignore[arg-type]
    assert str(info.value) == "Cannot from_schema: argument 'read_only' must be bool, got str"
    assert not (tmp_path / "a.db").exists()


def test_console_level_accepts_int_and_log_level(tmp_path: Path) -> None:
    with Database.from_schema(str(tmp_path / "a.db"), str(COLLECTIONS_SCHEMA), console_level=4) as db:
        assert db.is_healthy()
    with Database.from_schema(str(tmp_path / "b.db"), str(COLLECTIONS_SCHEMA), console_level=LogLevel.ERROR) as db:
        assert db.is_healthy()


def test_default_console_level_is_quiet(tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    # D27: the default console level is WARN, so success prints nothing; INFO shows the lines.
    with Database.from_schema(str(tmp_path / "a.db"), str(COLLECTIONS_SCHEMA)):
        pass
    assert capfd.readouterr().err == ""
    with Database.from_schema(str(tmp_path / "a.db"), str(COLLECTIONS_SCHEMA), console_level=LogLevel.INFO):
        pass
    assert "[info]" in capfd.readouterr().err


def test_console_level_off_is_silent(tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    with Database.from_schema(str(tmp_path / "a.db"), str(COLLECTIONS_SCHEMA), console_level=LogLevel.OFF):
        pass
    captured = capfd.readouterr()
    assert captured.err == ""
    assert (tmp_path / "quiver_database.log").exists()


# ------------------------------------------------------------------------------------ open


def test_open_existing_lazy_schema(tmp_path: Path) -> None:
    path = str(tmp_path / "a.db")
    with Database.from_schema(path, str(COLLECTIONS_SCHEMA), console_level=LogLevel.OFF) as db:
        db.create_element("Collection", label="x", some_integer=5)
    with Database.open(path, console_level=LogLevel.OFF) as db:
        assert db.current_version() == 3
        assert db.read_scalar_integers("Collection", "some_integer") == [5]


def test_open_read_only(tmp_path: Path) -> None:
    path = str(tmp_path / "a.db")
    with Database.from_schema(path, str(COLLECTIONS_SCHEMA), console_level=LogLevel.OFF):
        pass
    with Database.open(path, read_only=True, console_level=LogLevel.OFF) as db:
        with pytest.raises(QuiverError) as info:
            db.create_element("Collection", label="x")
        assert str(info.value) == "Failed to execute statement: attempt to write a readonly database"


def test_open_read_only_missing_file(tmp_path: Path) -> None:
    with pytest.raises(QuiverError) as info:
        Database.open(str(tmp_path / "missing.db"), read_only=True, console_level=LogLevel.OFF)
    assert str(info.value) == f"Database not found: {tmp_path / 'missing.db'}"


def test_open_missing_file_creates_nothing(tmp_path: Path) -> None:  # D23
    with pytest.raises(QuiverError) as info:
        Database.open(str(tmp_path / "plna.db"))
    assert str(info.value) == f"Database not found: {tmp_path / 'plna.db'}"
    assert list(tmp_path.iterdir()) == []  # no database file, no log file


def test_open_empty_database_has_no_schema(tmp_path: Path) -> None:
    (tmp_path / "new.db").touch()  # a zero-byte file is an empty database; open never creates one
    with Database.open(str(tmp_path / "new.db"), console_level=LogLevel.OFF) as db:
        assert db.is_healthy()
        assert db.current_version() == 0
        with pytest.raises(QuiverError) as info:
            db.read_element_ids("Collection")
        assert str(info.value) == "Cannot read_element_ids: no schema loaded"
        # Calls that need no schema work.
        assert db.query_integer("SELECT 1 + 1") == 2


def test_open_bad_argument() -> None:
    with pytest.raises(TypeError) as info:
        Database.open(b"a.db")  # type: ignore[arg-type]
    assert str(info.value) == "Cannot open: argument 'db_path' must be str, got bytes"


# ------------------------------------------------------------------------------------ migrations


def test_from_migrations(tmp_path: Path) -> None:
    migrations = _make_migrations(tmp_path / "migrations", {1: MIGRATION_1, 2: MIGRATION_2})
    path = str(tmp_path / "m.db")
    with Database.from_migrations(path, str(migrations), console_level=LogLevel.OFF) as db:
        assert db.current_version() == 2
        item = db.create_element("Item", label="a", weight=2.5)
        assert db.read_scalar_float_by_id("Item", "weight", item) == 2.5
    # Nothing pending: opens and keeps the data.
    with Database.from_migrations(path, str(migrations), console_level=LogLevel.OFF) as db:
        assert db.current_version() == 2
        assert db.read_scalar_strings("Item", "label") == ["a"]


def test_from_migrations_failure_is_all_or_nothing(tmp_path: Path) -> None:
    migrations = _make_migrations(tmp_path / "migrations", {1: MIGRATION_1, 2: "ALTER TABLE Nope ADD COLUMN x REAL;"})
    path = str(tmp_path / "m.db")
    with pytest.raises(QuiverError) as info:
        Database.from_migrations(path, str(migrations), console_level=LogLevel.OFF)
    assert str(info.value).startswith("Failed to migrate_up: migration 2: Failed to execute SQL: ")
    with Database.open(path, console_level=LogLevel.OFF) as db:
        assert db.current_version() == 0
        assert db.query_integer("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'") == 0


def test_from_migrations_missing_path(tmp_path: Path) -> None:
    with pytest.raises(QuiverError) as info:
        Database.from_migrations(str(tmp_path / "m.db"), "nonexistent/mig", console_level=LogLevel.OFF)
    assert str(info.value) == "Migrations path not found: nonexistent/mig"


def test_from_migrations_bad_arguments() -> None:
    with pytest.raises(TypeError) as info:
        Database.from_migrations("m.db", 3)  # type: ignore[arg-type]
    assert str(info.value) == "Cannot from_migrations: argument 'migrations_path' must be str, got int"
    with pytest.raises(TypeError) as info:
        Database.from_migrations(None, "x")  # type: ignore[arg-type]
    assert str(info.value) == "Cannot from_migrations: argument 'db_path' must be str, got NoneType"


# ------------------------------------------------------------------------------------ close


def test_close_is_idempotent(collections_db: Database) -> None:
    collections_db.close()
    collections_db.close()
    assert repr(collections_db) == "Database(closed)"


def test_context_manager_closes(tmp_path: Path) -> None:
    with Database.from_schema(str(tmp_path / "a.db"), str(COLLECTIONS_SCHEMA), console_level=LogLevel.OFF) as db:
        assert db.is_healthy()
    with pytest.raises(QuiverError) as info:
        db.is_healthy()
    assert str(info.value) == "Database has been closed"


def test_context_manager_closes_on_exception(tmp_path: Path) -> None:
    with pytest.raises(KeyError):
        with Database.from_schema(str(tmp_path / "a.db"), str(COLLECTIONS_SCHEMA), console_level=LogLevel.OFF) as db:
            raise KeyError("x")
    assert repr(db) == "Database(closed)"


def test_enter_returns_self(collections_db: Database) -> None:
    assert collections_db.__enter__() is collections_db


def test_repr(collections_db: Database, tmp_path: Path) -> None:
    assert repr(collections_db) == f"Database(path='{tmp_path / 'collections.db'}')"


def test_del_warns_when_not_closed(tmp_path: Path) -> None:
    db = Database.from_schema(str(tmp_path / "a.db"), str(COLLECTIONS_SCHEMA), console_level=LogLevel.OFF)
    with pytest.warns(ResourceWarning, match="^Database was not closed explicitly$"):
        del db
        gc.collect()


def test_del_after_close_does_not_warn(tmp_path: Path) -> None:
    import warnings

    db = Database.from_schema(str(tmp_path / "a.db"), str(COLLECTIONS_SCHEMA), console_level=LogLevel.OFF)
    db.close()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        del db
        gc.collect()


def test_describe(populated_db: Database, capfd: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    capfd.readouterr()
    out = populated_db.describe()  # returned, not printed (D17)
    assert capfd.readouterr().out == ""
    lines = out.splitlines()
    assert lines[0] == f"Database: {tmp_path / 'collections.db'}"
    assert lines[1] == "Version: 3"
    assert any(line.startswith("Collection: Collection (") for line in lines)
    assert any(line.startswith("Collection: Configuration (") for line in lines)
    assert "    - id (INTEGER) PRIMARY KEY" in lines
    assert "    - label (TEXT) NOT NULL" in lines
    assert "    - date_start (DATE_TIME)" in lines
    assert "    - values: value_float(REAL), value_int(INTEGER)" in lines
    assert "    - tags: tag(TEXT)" in lines


def test_describe_without_schema(tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "new.db").touch()
    with Database.open(str(tmp_path / "new.db"), console_level=LogLevel.OFF) as db:
        capfd.readouterr()
        out = db.describe()
        assert capfd.readouterr().out == ""
    assert out.splitlines() == [f"Database: {tmp_path / 'new.db'}", "Version: 0", "", "No schema loaded."]


# ------------------------------------------------------------------------------------ closed guard

# Every public method (except close) with plausible arguments.
CLOSED_CALLS: list[tuple[str, tuple[object, ...], dict[str, object]]] = [
    ("path", (), {}),
    ("current_version", (), {}),
    ("is_healthy", (), {}),
    ("describe", (), {}),
    ("create_element", ("Collection",), {"label": "x"}),
    ("update_element", ("Collection", 1), {"label": "x"}),
    ("delete_element", ("Collection", 1), {}),
    ("begin_transaction", (), {}),
    ("commit", (), {}),
    ("rollback", (), {}),
    ("in_transaction", (), {}),
    ("query_string", ("SELECT 'a'",), {}),
    ("query_integer", ("SELECT 1",), {}),
    ("query_float", ("SELECT 1.0",), {}),
    ("query_date_time", ("SELECT '2024-01-01'",), {}),
    ("read_scalar_integers", ("Collection", "some_integer"), {}),
    ("read_scalar_floats", ("Collection", "some_float"), {}),
    ("read_scalar_strings", ("Collection", "label"), {}),
    ("read_scalar_integer_by_id", ("Collection", "some_integer", 1), {}),
    ("read_scalar_float_by_id", ("Collection", "some_float", 1), {}),
    ("read_scalar_string_by_id", ("Collection", "label", 1), {}),
    ("read_element_ids", ("Collection",), {}),
    ("read_vector_integers", ("Collection", "value_int"), {}),
    ("read_vector_floats", ("Collection", "value_float"), {}),
    ("read_vector_strings", ("Collection", "name_text"), {}),
    ("read_vector_integers_by_id", ("Collection", "value_int", 1), {}),
    ("read_vector_floats_by_id", ("Collection", "value_float", 1), {}),
    ("read_vector_strings_by_id", ("Collection", "name_text", 1), {}),
    ("read_set_integers", ("Collection", "code"), {}),
    ("read_set_floats", ("Collection", "weight"), {}),
    ("read_set_strings", ("Collection", "tag"), {}),
    ("read_set_integers_by_id", ("Collection", "code", 1), {}),
    ("read_set_floats_by_id", ("Collection", "weight", 1), {}),
    ("read_set_strings_by_id", ("Collection", "tag", 1), {}),
    ("read_scalar_date_time_by_id", ("Collection", "date_start", 1), {}),
    ("read_vector_date_time_by_id", ("Collection", "date_event", 1), {}),
    ("read_set_date_time_by_id", ("Collection", "date_milestone", 1), {}),
    ("get_scalar_metadata", ("Collection", "label"), {}),
    ("get_vector_metadata", ("Collection", "values"), {}),
    ("get_set_metadata", ("Collection", "tags"), {}),
    ("get_time_series_metadata", ("Collection", "readings"), {}),
    ("list_scalar_attributes", ("Collection",), {}),
    ("list_vector_groups", ("Collection",), {}),
    ("list_set_groups", ("Collection",), {}),
    ("list_time_series_groups", ("Collection",), {}),
    ("read_time_series_group", ("Collection", "readings", 1), {}),
    ("update_time_series_group", ("Collection", "readings", 1, []), {}),
    ("has_time_series_files", ("Collection",), {}),
    ("list_time_series_files_columns", ("Collection",), {}),
    ("read_time_series_files", ("Collection",), {}),
    ("update_time_series_files", ("Collection", {}), {}),
    ("read_scalars_by_id", ("Collection", 1), {}),
    ("read_vectors_by_id", ("Collection", 1), {}),
    ("read_sets_by_id", ("Collection", 1), {}),
    ("read_element_by_id", ("Collection", 1), {}),
    ("read_vector_group_by_id", ("Collection", "values", 1), {}),
    ("read_set_group_by_id", ("Collection", "tags", 1), {}),
    ("export_csv", ("Collection", "", "out.csv"), {}),
    ("import_csv", ("Collection", "", "in.csv"), {}),
    ("create_elements", ("Collection", [{"label": "x"}]), {}),
    ("read_dataframe", ("Collection",), {}),
    ("read_vectors_dataframe", ("Collection", "values"), {}),
    ("read_sets_dataframe", ("Collection", "tags"), {}),
    ("read_time_series_dataframe", ("Collection", "readings"), {}),
    ("query", ("SELECT 1",), {}),
    ("query_dataframe", ("SELECT 1",), {}),
    ("begin_dry_run", (), {}),
    ("end_dry_run", (), {}),
    ("in_dry_run", (), {}),
    ("describe_collection", ("Collection",), {}),
    ("summarize_collection", ("Collection",), {}),
    ("number_of_elements", ("Collection",), {}),
    ("read_time_series_row", ("Collection", "readings", "humidity", "2024-01-01"), {}),
    ("upsert_time_series_row", ("Collection", "readings", 1), {"date_time": "2024-01-01"}),
    ("upsert_time_series_row_by_label", ("Collection", "readings", "x"), {"date_time": "2024-01-01"}),
    ("update_vector_group", ("Collection", "values", 1, []), {}),
    ("update_vector_group_by_label", ("Collection", "values", "x", []), {}),
    ("update_set_group", ("Collection", "tags", 1, []), {}),
    ("update_set_group_by_label", ("Collection", "tags", "x", []), {}),
    ("update_time_series_group_by_label", ("Collection", "readings", "x", []), {}),
    ("update_element_by_label", ("Collection", "x"), {"label": "y"}),
    ("delete_element_by_label", ("Collection", "x"), {}),
    ("update_relation", ("Collection", "Owner", "id", 1, None), {}),
    ("update_relation_by_label", ("Collection", "Owner", "id", "x", None), {}),
]


def test_closed_calls_cover_every_method() -> None:
    names = {n for n in dir(Database) if not n.startswith("_") and callable(getattr(Database, n))}
    covered = {name for name, _, _ in CLOSED_CALLS} | {
        "transaction", "dry_run", "close", "from_schema", "from_migrations", "open",
    }  # fmt: skip
    assert names == covered


@pytest.mark.parametrize(("name", "args", "kwargs"), CLOSED_CALLS, ids=[c[0] for c in CLOSED_CALLS])
def test_closed_database_raises(
    collections_db: Database, name: str, args: tuple[object, ...], kwargs: dict[str, object]
) -> None:
    collections_db.close()
    with pytest.raises(QuiverError) as info:
        getattr(collections_db, name)(*args, **kwargs)
    assert str(info.value) == "Database has been closed"


@pytest.mark.parametrize(("name", "args", "kwargs"), CLOSED_CALLS, ids=[c[0] for c in CLOSED_CALLS])
def test_closed_check_comes_before_argument_checks(
    collections_db: Database, name: str, args: tuple[object, ...], kwargs: dict[str, object]
) -> None:
    collections_db.close()
    bad_args = tuple(object() for _ in args)
    with pytest.raises(QuiverError) as info:
        getattr(collections_db, name)(*bad_args, **kwargs)
    assert str(info.value) == "Database has been closed"


def test_closed_transaction_context_manager(collections_db: Database) -> None:
    collections_db.close()
    with pytest.raises(QuiverError) as info:
        with collections_db.transaction():
            pass
    assert str(info.value) == "Database has been closed"
