"""Smoke tests over the project's shared schema fixtures (tests/schemas), skipped when absent."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from conftest import SCHEMAS_PATH

from quiverdb import Database, LogLevel, LuaRunner, QuiverError

VALID = sorted((SCHEMAS_PATH / "valid").glob("*.sql"))
INVALID = sorted((SCHEMAS_PATH / "invalid").glob("*.sql"))
MIGRATIONS = SCHEMAS_PATH / "migrations"


def _fixture(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"fixture {path} not present")
    return path


def _collections(schema: Path) -> list[str]:
    connection = sqlite3.connect(":memory:")
    try:
        connection.executescript(schema.read_text(encoding="utf-8"))
        names = [r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    finally:
        connection.close()
    return sorted(n for n in names if not n.lower().startswith("sqlite") and ("_" not in n or n == "Configuration"))


@pytest.mark.parametrize("schema", VALID, ids=[p.name for p in VALID])
def test_every_valid_schema_opens_and_introspects(
    schema: Path, tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    with Database.from_schema(str(tmp_path / "v.db"), str(schema), console_level=LogLevel.OFF) as db:
        assert db.is_healthy()
        for collection in _collections(schema):
            attributes = db.list_scalar_attributes(collection)
            assert {"id", "label"} <= {a.name for a in attributes}
            for group in db.list_vector_groups(collection):
                assert db.get_vector_metadata(collection, group.group_name) == group
            for group in db.list_set_groups(collection):
                assert db.get_set_metadata(collection, group.group_name) == group
            assert db.read_element_ids(collection) == db.read_element_ids(collection)
        assert db.describe().startswith("Database: ")
    assert capfd.readouterr().out == ""


@pytest.mark.parametrize("schema", INVALID, ids=[p.name for p in INVALID])
def test_every_invalid_schema_raises(schema: Path, tmp_path: Path) -> None:
    with pytest.raises(QuiverError) as info:
        Database.from_schema(str(tmp_path / "i.db"), str(schema), console_level=LogLevel.OFF)
    assert str(info.value)


def test_shared_collections_lua_scenario(tmp_path: Path) -> None:
    schema = _fixture(SCHEMAS_PATH / "valid" / "collections.sql")
    with Database.from_schema(str(tmp_path / "c.db"), str(schema), console_level=LogLevel.OFF) as db:
        with LuaRunner(db) as lua:
            lua.run(
                """
                db:create_element("Configuration", { label = "Test Config" })
                db:create_element("Collection", { label = "Item 1", some_integer = 42 })
                db:create_element("Collection", { label = "Item 2" })
                """
            )
        assert db.read_scalar_strings("Configuration", "label") == ["Test Config"]
        assert db.read_scalar_integers("Collection", "some_integer") == [42, None]
        assert db.read_scalar_integers("Collection", "status") == [1, 1]
        # Not STRICT: a value of another storage class reads as None (D4, semantics §3.3).
        db.query_string("UPDATE Collection SET some_integer = 'abc' WHERE id = 1")
        assert db.read_scalar_integers("Collection", "some_integer") == [None, None]
        assert db.read_scalar_integer_by_id("Collection", "some_integer", 1) is None


def test_shared_migrations_basic(tmp_path: Path) -> None:
    migrations = _fixture(MIGRATIONS / "basic")
    with Database.from_migrations(str(tmp_path / "m.db"), str(migrations), console_level=LogLevel.OFF) as db:
        assert db.current_version() == 3
        assert db.read_scalar_strings("Configuration", "label") == ["migrated"]
        i = db.create_element("Collection", label="a", quantity=2, measurement=[1.5], tag=["x"])
        assert db.read_vector_floats_by_id("Collection", "measurement", i) == [1.5]


def test_shared_migrations_failing_is_all_or_nothing(tmp_path: Path) -> None:
    migrations = _fixture(MIGRATIONS / "failing")
    path = str(tmp_path / "m.db")
    with pytest.raises(QuiverError) as info:
        Database.from_migrations(path, str(migrations), console_level=LogLevel.OFF)
    assert str(info.value).startswith("Failed to migrate_up: migration ")
    with Database.open(path, console_level=LogLevel.OFF) as db:
        assert db.current_version() == 0


def test_shared_relations(tmp_path: Path) -> None:
    schema = _fixture(SCHEMAS_PATH / "valid" / "relations.sql")
    with Database.from_schema(str(tmp_path / "r.db"), str(schema), console_level=LogLevel.OFF) as db:
        p = db.create_element("Parent", label="P")
        a = db.create_element("Child", label="A", parent_id="P", parent_ref=["P"])
        b = db.create_element("Child", label="B", sibling_id="A", owner_id=p)
        assert db.read_scalar_integers("Child", "parent_id") == [p, None]
        assert db.read_scalar_integer_by_id("Child", "sibling_id", b) == a
        assert db.read_vector_integers_by_id("Child", "parent_ref", a) == [p]
        metadata = db.get_scalar_metadata("Child", "sibling_id")
        assert metadata.is_foreign_key and metadata.references_collection == "Child"
        db.delete_element("Parent", p)  # owner_id cascades B away, parent_id of A set NULL
        assert db.read_element_ids("Child") == [a]
        assert db.read_scalar_integer_by_id("Child", "parent_id", a) is None
