"""Bad-input catalogue of the Python binding (docs/reliability.md, "Bad input").

Wrong types and ``None``, empty and huge strings, strings the C API cannot take (embedded NUL,
lone surrogates), names shaped like SQL injection, ints beyond int64, NaN/Inf, bad paths and
read-only databases. Every case raises a clear error naming the argument (``Cannot <op>: ...``,
``<Entity> not found: ...``, ``Failed to <op>: ...``) — never a bare ``OverflowError`` or a
silently truncated string — and leaves the database exactly as it was (whole-database snapshot).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Generator
from pathlib import Path
from typing import Any

import pytest

from quiverdb import CSVOptions, Database, LogLevel, LuaRunner, QuiverError
from quiverdb.element import Element

INT64_MAX = 2**63 - 1
INT64_MIN = -(2**63)
TEN_MB = 10 * 1024 * 1024

INJECTION_NAMES = [
    "x; DROP TABLE Owner",
    'Collection"; DROP TABLE Owner; --',
    "Collection'; DROP TABLE Owner; --",
    "[Collection]",
    "`Collection`",
    '"Collection"',
    "' OR '1'='1",
]


# ----------------------------------------------------------------------------- helpers


def snapshot(db: Database) -> str:
    """Every table and row (storage classes kept by quote()), the schema SQL and user_version,
    read through the same handle (so an open transaction's state is included)."""

    def q(sql: str) -> str:
        return db.query_string(sql) or ""

    out = [f"v{db.query_integer('PRAGMA user_version')}"]
    out.append(
        q(
            "SELECT group_concat(x, char(10)) FROM (SELECT type || '|' || name || '|' || ifnull(sql, '') AS x "
            "FROM sqlite_master ORDER BY type, name)"
        )
    )
    tables = q("SELECT group_concat(name, char(31)) FROM (SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name)")
    for table in filter(None, tables.split("\x1f")):
        columns = q(f"SELECT group_concat(name, char(31)) FROM (SELECT name FROM pragma_table_info('{table}') ORDER BY cid)")
        expr = " || '|' || ".join(f'quote("{c}")' for c in columns.split("\x1f")) or "''"
        out.append(f"== {table}")
        out.append(q(f'SELECT group_concat(r, char(10)) FROM (SELECT {expr} AS r FROM "{table}" ORDER BY r)'))
    return "\n".join(out)


def fails_unchanged(db: Database, exception: type[Exception], message: str, call: Callable[[], Any]) -> None:
    """``call`` must raise exactly ``exception(message)`` and change nothing."""
    before = snapshot(db)
    in_transaction = db.in_transaction()
    with pytest.raises(exception) as info:
        call()
    assert type(info.value) is exception, repr(info.value)
    assert str(info.value) == message
    assert snapshot(db) == before, "database changed by a failed call"
    assert db.in_transaction() == in_transaction


@pytest.fixture
def bad_db(collections_db: Database) -> Database:
    db = collections_db
    db.create_element("Configuration", label="cfg")
    db.create_element("Owner", label="Alice")
    db.create_element(
        "Collection",
        label="Item 1",
        some_integer=3,
        some_float=1.5,
        owner_id="Alice",
        value_int=[1, 2],
        tag=["a", "b"],
    )
    db.update_time_series_group(
        "Collection", "readings", 1, [{"date_time": "2024-01-01T00:00:00", "humidity": 1, "status": "s", "temperature": 2.0}]
    )
    db.update_time_series_files("Collection", {"wind": "wind.csv"})
    return db


@pytest.fixture(params=["autocommit", "transaction"])
def mode_db(request: pytest.FixtureRequest, bad_db: Database) -> Generator[Database, None, None]:
    """``bad_db`` in autocommit mode, or inside a user transaction that must stay open."""
    if request.param == "transaction":
        bad_db.begin_transaction()
        yield bad_db
        assert bad_db.in_transaction()
        bad_db.rollback()
    else:
        yield bad_db


def ts_row(**cells: Any) -> dict[str, Any]:
    row: dict[str, Any] = {"date_time": "2024-02-01T00:00:00", "humidity": 1, "status": "s", "temperature": 1.0}
    row.update(cells)
    return row


# ----------------------------------------------------------------------------- wrong types and None


def test_snapshot_sees_changes(bad_db: Database) -> None:
    before = snapshot(bad_db)
    assert "== Collection_set_tags" in before
    bad_db.update_element("Collection", 1, some_string="x")
    assert snapshot(bad_db) != before


def test_wrong_types(mode_db: Database) -> None:
    db = mode_db
    fails_unchanged(db, TypeError, "Cannot create_element: argument 'collection' must be str, got int",
                    lambda: db.create_element(42, label="x"))
    fails_unchanged(db, TypeError, "Cannot update_element: argument 'id' must be int, got str",
                    lambda: db.update_element("Collection", "1", some_integer=1))
    fails_unchanged(db, TypeError, "Cannot delete_element: argument 'id' must be int, got bool",
                    lambda: db.delete_element("Collection", True))
    fails_unchanged(db, TypeError, "Cannot set: Unsupported type dict for Element.set('some_integer')",
                    lambda: db.update_element("Collection", 1, some_integer={}))
    fails_unchanged(db, TypeError, "Cannot set: Unsupported array element type int at index 1 for Element.set('tag')",
                    lambda: db.update_element("Collection", 1, tag=["a", 1]))
    fails_unchanged(db, QuiverError,
                    "Cannot update_element: type mismatch for column 'some_integer': expected INTEGER, got REAL",
                    lambda: db.update_element("Collection", 1, some_integer=1.5))
    fails_unchanged(db, TypeError, "Cannot query_string: argument 'params' must be a list, got str",
                    lambda: db.query_string("SELECT ?", params="x"))
    fails_unchanged(db, TypeError, "Cannot update_time_series_group: Column 'humidity' expects int, got float",
                    lambda: db.update_time_series_group("Collection", "readings", 1, [ts_row(humidity=1.0)]))


def test_none_where_not_allowed(mode_db: Database) -> None:
    db = mode_db
    fails_unchanged(db, TypeError, "Cannot create_element: argument 'collection' must be str, got NoneType",
                    lambda: db.create_element(None, label="x"))
    fails_unchanged(db, TypeError, "Cannot delete_element: argument 'id' must be int, got NoneType",
                    lambda: db.delete_element("Collection", None))
    fails_unchanged(db, TypeError, "Cannot export_csv: argument 'path' must be str, got NoneType",
                    lambda: db.export_csv("Collection", "", None))
    fails_unchanged(db, QuiverError, "Failed to execute statement: NOT NULL constraint failed: Collection.label",
                    lambda: db.create_element("Collection", label=None))
    # None is a NULL cell in arrays and time series now (issue 11): the library refuses it where the
    # schema says NOT NULL, and nothing changes.
    fails_unchanged(db, QuiverError, "Failed to execute statement: NOT NULL constraint failed: Collection_set_tags.tag",
                    lambda: db.update_element("Collection", 1, tag=[None]))
    fails_unchanged(db, QuiverError, "Cannot update_time_series_group: row 0 has NULL in dimension column 'date_time'",
                    lambda: db.update_time_series_group("Collection", "readings", 1, [ts_row(date_time=None)]))


# ----------------------------------------------------------------------------- empty and huge strings


def test_empty_names(mode_db: Database) -> None:
    db = mode_db
    fails_unchanged(db, QuiverError, "Cannot create_element: collection not found: ", lambda: db.create_element("", label="x"))
    fails_unchanged(db, QuiverError, "Cannot read_scalar_integers: column '' not found in table 'Collection'",
                    lambda: db.read_scalar_integers("Collection", ""))
    fails_unchanged(db, QuiverError, "Time series group '' not found for collection 'Collection'",
                    lambda: db.update_time_series_group("Collection", "", 1, []))
    fails_unchanged(db, QuiverError, "Failed to export_csv: could not open file: ", lambda: db.export_csv("Collection", "", ""))


def test_huge_strings_round_trip(bad_db: Database) -> None:
    huge = "x" * TEN_MB
    new_id = bad_db.create_element("Collection", label=huge, name_text=[huge, "short"])
    assert bad_db.read_scalar_string_by_id("Collection", "label", new_id) == huge
    assert bad_db.read_vector_strings_by_id("Collection", "name_text", new_id) == [huge, "short"]
    assert bad_db.query_string("SELECT ?", params=[huge]) == huge
    before = snapshot(bad_db)
    with pytest.raises(QuiverError) as info:
        bad_db.create_element("C" * TEN_MB, label="x")
    assert str(info.value) == "Cannot create_element: collection not found: " + "C" * TEN_MB
    assert snapshot(bad_db) == before


# ----------------------------------------------------------------------------- NUL and lone surrogates


@pytest.mark.parametrize(("text", "problem"), [("a\0b", "embedded NUL character"), ("a\udcffb", "invalid UTF-8")])
def test_strings_the_c_api_cannot_take(mode_db: Database, tmp_path: Path, text: str, problem: str) -> None:
    db = mode_db
    fails_unchanged(db, ValueError, f"Cannot create_element: {problem} in argument 'collection'",
                    lambda: db.create_element(text, label="x"))
    fails_unchanged(db, ValueError, f"Cannot read_scalar_strings: {problem} in argument 'attribute'",
                    lambda: db.read_scalar_strings("Collection", text))
    fails_unchanged(db, ValueError, f"Cannot set: {problem} in value for Element.set('label')",
                    lambda: db.create_element("Collection", label=text))
    fails_unchanged(db, ValueError, f"Cannot set: {problem} at index 1 for Element.set('tag')",
                    lambda: db.update_element("Collection", 1, tag=["ok", text]))
    fails_unchanged(db, ValueError, f"Cannot set: {problem} in argument 'name'",
                    lambda: db.update_element("Collection", 1, **{text: 1}))
    fails_unchanged(db, ValueError, f"Cannot update_time_series_group: {problem} in row 0 column 'status'",
                    lambda: db.update_time_series_group("Collection", "readings", 1, [ts_row(status=text)]))
    fails_unchanged(db, ValueError, f"Cannot update_time_series_files: {problem} in column 'wind'",
                    lambda: db.update_time_series_files("Collection", {"wind": text}))
    fails_unchanged(db, ValueError, f"Cannot query_string: {problem} in params[0]",
                    lambda: db.query_string("UPDATE Collection SET some_string = ?", params=[text]))
    fails_unchanged(db, ValueError, f"Cannot query_integer: {problem} in argument 'sql'",
                    lambda: db.query_integer("DELETE FROM Collection; " + text))
    fails_unchanged(db, ValueError, f"Cannot export_csv: {problem} in argument 'path'",
                    lambda: db.export_csv("Collection", "", str(tmp_path / text)))
    fails_unchanged(db, TypeError, f"Cannot import_csv: argument 'options' is malformed: {problem} in date_time_format",
                    lambda: db.import_csv("Collection", "", str(tmp_path / "x.csv"), options=CSVOptions(date_time_format=text)))
    fails_unchanged(
        db, TypeError, f"Cannot export_csv: argument 'options' is malformed: {problem} in enum_labels key {text!r}",
        lambda: db.export_csv("Collection", "", str(tmp_path / "x.csv"), options=CSVOptions(enum_labels={"kind": {"en": {text: 1}}})),
    )
    element = Element()
    with pytest.raises(ValueError, match=f"^Cannot set: {problem} in argument 'name'$"):
        element.set(text, 1)
    element.destroy()
    with LuaRunner(db) as runner:
        fails_unchanged(db, ValueError, f"Cannot run: {problem} in argument 'script'",
                        lambda: runner.run(f"db:delete_element('Collection', 1) -- {text}"))
    assert not (tmp_path / text.replace("\0", "")).exists()


def test_database_paths_with_nul(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="^Cannot open: embedded NUL character in argument 'db_path'$"):
        Database.open(str(tmp_path / "a\0b.db"), console_level=LogLevel.OFF)
    with pytest.raises(ValueError, match="^Cannot from_schema: embedded NUL character in argument 'schema_path'$"):
        Database.from_schema(str(tmp_path / "x.db"), "schema\0.sql", console_level=LogLevel.OFF)
    assert list(tmp_path.iterdir()) == []


def test_valid_unicode_round_trips(bad_db: Database) -> None:
    text = "été € 😀 中文 \U0010ffff"
    new_id = bad_db.create_element("Collection", label=text, tag=[text])
    assert bad_db.read_scalar_string_by_id("Collection", "label", new_id) == text
    assert bad_db.read_set_strings_by_id("Collection", "tag", new_id) == [text]
    assert bad_db.query_string("SELECT ?", params=[text]) == text


# ----------------------------------------------------------------------------- SQL-injection-shaped names


@pytest.mark.parametrize("name", INJECTION_NAMES)
def test_injection_shaped_names(bad_db: Database, tmp_path: Path, name: str) -> None:
    db = bad_db
    fails_unchanged(db, QuiverError, f"Cannot create_element: collection not found: {name}",
                    lambda: db.create_element(name, label="x"))
    fails_unchanged(db, QuiverError, f"Cannot update_element: column '{name}' not found in table 'Collection'",
                    lambda: db.update_element("Collection", 1, **{name: 1}))
    fails_unchanged(db, QuiverError, f"Vector attribute not found: '{name}' in collection 'Collection'",
                    lambda: db.read_vector_integers("Collection", name))
    fails_unchanged(db, QuiverError, f"Time series group '{name}' not found for collection 'Collection'",
                    lambda: db.read_time_series_group("Collection", name, 1))
    fails_unchanged(db, QuiverError,
                    f"Cannot update_time_series_files: column '{name}' not found in table 'Collection_time_series_files'",
                    lambda: db.update_time_series_files("Collection", {name: "p"}))
    fails_unchanged(db, QuiverError, f"Cannot export_csv: group not found: '{name}' in collection 'Collection'",
                    lambda: db.export_csv("Collection", name, str(tmp_path / "out.csv")))
    # As a label it is only text.
    owner = db.create_element("Owner", label=name)
    db.update_element("Collection", 1, owner_id=name)
    assert db.read_scalar_integer_by_id("Collection", "owner_id", 1) == owner
    assert db.read_scalar_string_by_id("Owner", "label", owner) == name
    assert len(db.read_element_ids("Owner")) == 2


# ----------------------------------------------------------------------------- ints beyond int64


@pytest.mark.parametrize("big", [2**63, INT64_MIN - 1, 2**100, -(10**400)])
def test_ints_beyond_int64(mode_db: Database, tmp_path: Path, big: int) -> None:
    db = mode_db
    fails_unchanged(db, TypeError, "Cannot set: Integer out of int64 range for Element.set('some_integer')",
                    lambda: db.update_element("Collection", 1, some_integer=big))
    fails_unchanged(db, TypeError, "Cannot set: Integer out of int64 range at index 2 for Element.set('value_int')",
                    lambda: db.update_element("Collection", 1, value_int=[1, 2, big]))
    fails_unchanged(db, TypeError, "Cannot update_element: argument 'id' is out of int64 range",
                    lambda: db.update_element("Collection", big, some_integer=1))
    fails_unchanged(db, TypeError, "Cannot delete_element: argument 'id' is out of int64 range",
                    lambda: db.delete_element("Collection", big))
    fails_unchanged(db, TypeError, "Cannot read_scalar_integer_by_id: argument 'id' is out of int64 range",
                    lambda: db.read_scalar_integer_by_id("Collection", "some_integer", big))
    fails_unchanged(db, TypeError, "Cannot query_integer: params[1]: Integer out of int64 range",
                    lambda: db.query_integer("SELECT ? + ?", params=[1, big]))
    fails_unchanged(db, TypeError, "Cannot update_time_series_group: Row 0 column 'humidity': Integer out of int64 range",
                    lambda: db.update_time_series_group("Collection", "readings", 1, [ts_row(humidity=big)]))
    fails_unchanged(
        db, TypeError,
        "Cannot import_csv: argument 'options' is malformed: enum_labels['kind']['en']['Big'] is out of int64 range",
        lambda: db.import_csv("Collection", "", str(tmp_path / "x.csv"), options=CSVOptions(enum_labels={"kind": {"en": {"Big": big}}})),
    )
    element = Element()
    with pytest.raises(TypeError, match=r"^Cannot set: Integer out of int64 range for Element.set\('x'\)$"):
        element.set("x", big)
    element.destroy()


def test_ints_too_large_for_a_float_array(mode_db: Database) -> None:
    db = mode_db
    fails_unchanged(db, TypeError, "Cannot set: Integer too large for float at index 1 for Element.set('value_float')",
                    lambda: db.update_element("Collection", 1, value_float=[1.5, 10**400]))
    fails_unchanged(db, TypeError, "Cannot set: Integer too large for float at index 0 for Element.set('value_float')",
                    lambda: db.update_element("Collection", 1, value_float=[-(10**400), 10**400, 0.5]))
    fails_unchanged(db, TypeError, "Cannot set: Integer too large for float at index 2 for Element.set('value_float')",
                    lambda: db.update_element("Collection", 1, value_float=[True, math.nan, 10**400]))
    # Large but representable ints are widened as usual, even when their sum is not.
    # (value_int given too: omitting it would discard its stored values, D21)
    db.update_element("Collection", 1, value_float=[10**308, 10**308, 0.5], value_int=[1, 2, 3])
    assert db.read_vector_floats_by_id("Collection", "value_float", 1) == [1e308, 1e308, 0.5]


def test_int64_extremes_round_trip(bad_db: Database) -> None:
    bad_db.update_element("Collection", 1, some_integer=INT64_MIN, value_int=[INT64_MAX, INT64_MIN])
    assert bad_db.read_scalar_integer_by_id("Collection", "some_integer", 1) == INT64_MIN
    assert bad_db.read_vector_integers_by_id("Collection", "value_int", 1) == [INT64_MAX, INT64_MIN]
    assert bad_db.query_integer("SELECT ?", params=[INT64_MAX]) == INT64_MAX
    fails_unchanged(bad_db, QuiverError, f"Element not found: {INT64_MAX} in collection 'Collection'",
                    lambda: bad_db.delete_element("Collection", INT64_MAX))


# ----------------------------------------------------------------------------- NaN and Inf


@pytest.mark.parametrize("nan", [math.nan, -math.nan, float("nan")])
def test_nan_is_rejected(mode_db: Database, nan: float) -> None:
    db = mode_db
    fails_unchanged(db, QuiverError, "Cannot update_element: NaN is not allowed for column 'some_float'",
                    lambda: db.update_element("Collection", 1, some_float=nan))
    fails_unchanged(db, QuiverError, "Cannot create_element: NaN is not allowed for array 'value_float' index 1",
                    lambda: db.create_element("Collection", label="n", value_float=[1.0, nan]))
    fails_unchanged(db, QuiverError, "Cannot update_element: NaN is not allowed for array 'weight' index 0",
                    lambda: db.update_element("Collection", 1, weight=[nan]))
    fails_unchanged(db, QuiverError, "Cannot update_time_series_group: NaN is not allowed for column 'temperature' row 0",
                    lambda: db.update_time_series_group("Collection", "readings", 1, [ts_row(temperature=nan)]))
    fails_unchanged(db, QuiverError, "Cannot query_float: NaN is not allowed for parameter 0",
                    lambda: db.query_float("UPDATE Collection SET some_float = ?", params=[nan]))


def test_infinity_round_trips(bad_db: Database) -> None:
    bad_db.update_element("Collection", 1, some_float=math.inf, value_float=[-math.inf, math.inf], value_int=[1, 2],
                          weight=[math.inf])
    assert bad_db.read_scalar_float_by_id("Collection", "some_float", 1) == math.inf
    assert bad_db.read_vector_floats_by_id("Collection", "value_float", 1) == [-math.inf, math.inf]
    assert bad_db.read_set_floats_by_id("Collection", "weight", 1) == [math.inf]
    bad_db.update_time_series_group("Collection", "readings", 1, [ts_row(temperature=-math.inf)])
    assert bad_db.read_time_series_group("Collection", "readings", 1)[0]["temperature"] == -math.inf
    assert bad_db.query_float("SELECT ?", params=[math.inf]) == math.inf


# ----------------------------------------------------------------------------- paths


def test_schema_migration_and_database_paths(tmp_path: Path) -> None:
    (tmp_path / "a_directory").mkdir()
    (tmp_path / "a_file").write_text("x")
    cases: list[tuple[Callable[[], Any], str]] = [
        (lambda: Database.from_schema(str(tmp_path / "n.db"), str(tmp_path / "missing.sql"), console_level=LogLevel.OFF),
         f"Schema file not found: {tmp_path / 'missing.sql'}"),
        (lambda: Database.from_migrations(str(tmp_path / "n.db"), str(tmp_path / "missing"), console_level=LogLevel.OFF),
         f"Migrations path not found: {tmp_path / 'missing'}"),
        (lambda: Database.from_migrations(str(tmp_path / "n.db"), str(tmp_path / "a_file"), console_level=LogLevel.OFF),
         f"Cannot migrate_up: path is not a directory: {tmp_path / 'a_file'}"),
        (lambda: Database.open(str(tmp_path / "a_directory"), console_level=LogLevel.OFF),
         "Failed to open database: unable to open database file"),
        # Nothing exists at these paths (D23).
        (lambda: Database.open(str(tmp_path / "a_file" / "x.db"), console_level=LogLevel.OFF),
         f"Database not found: {tmp_path / 'a_file' / 'x.db'}"),
        (lambda: Database.open(str(tmp_path / "missing.db"), read_only=True, console_level=LogLevel.OFF),
         f"Database not found: {tmp_path / 'missing.db'}"),
        (lambda: Database.open(str(tmp_path / "missing.db"), console_level=LogLevel.OFF),
         f"Database not found: {tmp_path / 'missing.db'}"),
    ]
    for call, message in cases:
        with pytest.raises(QuiverError) as info:
            call()
        assert str(info.value) == message
    assert not (tmp_path / "missing.db").exists()
    assert (tmp_path / "a_file").read_text() == "x"


def test_csv_paths(mode_db: Database, tmp_path: Path) -> None:
    db = mode_db
    (tmp_path / "a_directory").mkdir()
    fails_unchanged(db, QuiverError, f"Failed to export_csv: could not open file: {tmp_path / 'a_directory'}",
                    lambda: db.export_csv("Collection", "", str(tmp_path / "a_directory")))
    fails_unchanged(db, QuiverError, f"Cannot import_csv: could not open file: {tmp_path / 'missing.csv'}",
                    lambda: db.import_csv("Collection", "", str(tmp_path / "missing.csv")))
    fails_unchanged(db, QuiverError, f"Cannot import_csv: could not open file: {tmp_path / 'a_directory'}",
                    lambda: db.import_csv("Collection", "", str(tmp_path / "a_directory")))


# ----------------------------------------------------------------------------- read-only databases


def test_read_only_database_rejects_writes(bad_db: Database, tmp_path: Path) -> None:
    path = bad_db.path()
    bad_db.close()
    readonly = "Failed to execute statement: attempt to write a readonly database"
    with Database.open(path, read_only=True, console_level=LogLevel.OFF) as ro:
        csv = str(tmp_path / "items.csv")
        ro.export_csv("Collection", "", csv)
        for in_transaction in (False, True):
            if in_transaction:
                ro.begin_transaction()
            fails_unchanged(ro, QuiverError, readonly, lambda: ro.create_element("Collection", label="new"))
            fails_unchanged(ro, QuiverError, readonly, lambda: ro.update_element("Collection", 1, some_integer=9))
            fails_unchanged(ro, QuiverError, readonly, lambda: ro.delete_element("Collection", 1))
            fails_unchanged(ro, QuiverError, readonly,
                            lambda: ro.update_time_series_group("Collection", "readings", 1, []))
            fails_unchanged(ro, QuiverError, readonly, lambda: ro.update_time_series_files("Collection", {"wind": "w"}))
            fails_unchanged(ro, QuiverError, readonly, lambda: ro.import_csv("Collection", "", csv))
            fails_unchanged(ro, QuiverError, readonly, lambda: ro.query_string("DELETE FROM Collection"))
            if in_transaction:
                ro.rollback()


# ----------------------------------------------------------------------------- Lua through Python


def test_lua_sandbox_through_python(bad_db: Database) -> None:
    with LuaRunner(bad_db) as runner:
        runner.run("assert(io == nil and os == nil and require == nil and dofile == nil and loadfile == nil)")
        runner.run("assert(load('return io')() == nil and debug == nil and package == nil)")
        fails_unchanged(bad_db, QuiverError, "Lua error: Cannot update_element: NaN is not allowed for column 'some_float'",
                        lambda: runner.run("db:update_element('Collection', 1, {some_float = 0/0})"))
        fails_unchanged(bad_db, QuiverError, "Lua error: Cannot delete_element: element must be addressed by an integer id or a string label",
                        lambda: runner.run("db:delete_element('Collection', 2^63)"))
