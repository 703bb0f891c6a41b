"""Dry runs (D16), row queries (D25), query_dataframe, collection reports (D17) and LuaRunner.run_json (D18)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from quiverdb import Database, LuaRunner, QueryResult, QuiverError
from raw_sqlite import raw_rows


def file_digest(db: Database) -> str:
    return hashlib.sha256(Path(db.path()).read_bytes()).hexdigest()


def test_dry_run_discards_everything_and_keeps_the_file_identical(populated_db: Database) -> None:
    db = populated_db
    before_rows, before_file = raw_rows(db), file_digest(db)
    with db.dry_run() as same:
        assert same is db and db.in_dry_run()
        db.create_element("Collection", label="Trial")
        with db.transaction():  # a real savepoint inside the dry run
            db.update_element("Collection", 1, some_integer=99)
        assert db.in_transaction() is False
        assert db.query_integer("SELECT COUNT(*) FROM Collection WHERE label = 'Trial'") == 1
    assert not db.in_dry_run()
    assert raw_rows(db) == before_rows and file_digest(db) == before_file
    assert db.query_integer("SELECT some_integer FROM Collection WHERE id = 1") == 10


def test_dry_run_ends_on_exception_and_reraises(populated_db: Database) -> None:
    before = raw_rows(populated_db)
    with pytest.raises(RuntimeError, match="boom"):
        with populated_db.dry_run():
            populated_db.delete_element("Collection", 1)
            raise RuntimeError("boom")
    assert not populated_db.in_dry_run()
    assert raw_rows(populated_db) == before


def test_dry_run_state_errors(db: Database) -> None:
    db.begin_dry_run()
    with pytest.raises(QuiverError, match="^Cannot begin_dry_run: dry run already active$"):
        db.begin_dry_run()
    with pytest.raises(QuiverError, match="transaction control statements are not allowed during a dry run"):
        db.query_string("COMMIT")
    db.end_dry_run()
    with pytest.raises(QuiverError, match="^Cannot end_dry_run: no active dry run$"):
        db.end_dry_run()
    with db.transaction():
        with pytest.raises(QuiverError, match="^Cannot begin_dry_run: transaction already active$"):
            with db.dry_run():
                pass


def test_query_returns_rows_with_columns(populated_db: Database) -> None:
    result = populated_db.query(
        "SELECT label, some_integer, some_float, owner_id FROM Collection WHERE id > ? ORDER BY id", [0]
    )
    assert isinstance(result, QueryResult) and isinstance(result, list)
    assert result.columns == ("label", "some_integer", "some_float", "owner_id")
    assert result[0] == ("Item 1", 10, 1.5, 1)
    assert all(isinstance(row, tuple) for row in result)
    empty = populated_db.query("SELECT label AS name FROM Collection WHERE id < 0")
    assert empty == [] and empty.columns == ("name",)
    assert populated_db.query("SELECT ?", parameters=[None]) == [(None,)]
    with pytest.raises(TypeError, match="^Cannot query: pass either 'params' or 'parameters', not both$"):
        populated_db.query("SELECT ?", [1], parameters=[1])
    with pytest.raises(QuiverError, match="expected 1 bound parameter"):
        populated_db.query("SELECT ?")
    with pytest.raises(TypeError, match="argument 'sql' must be str"):
        populated_db.query(3)  # type: ignore[arg-type]


def test_query_dataframe_types(populated_db: Database) -> None:
    pd = pytest.importorskip("pandas")
    frame = populated_db.query_dataframe(
        "SELECT id, label, some_integer, some_float, date_start FROM Collection ORDER BY id", parse_dates=["date_start"]
    )
    assert list(frame.columns) == ["id", "label", "some_integer", "some_float", "date_start"]
    assert str(frame["id"].dtype) == "int64"
    assert str(frame["some_integer"].dtype) == "Int64" and frame["some_integer"][1] is pd.NA
    assert str(frame["some_float"].dtype) == "float64"
    assert frame["label"].tolist() == ["Item 1", "Item 2", "Item 3"]
    assert frame["some_float"].isna().tolist() == [False, True, False]
    assert frame["date_start"][0] == pd.Timestamp("2024-01-01T00:00:00Z") and frame["date_start"][1] is pd.NaT
    assert populated_db.query_dataframe("SELECT 1 AS x WHERE 0").columns.tolist() == ["x"]


def test_collection_reports(populated_db: Database) -> None:
    report = populated_db.describe_collection("Collection")
    assert report.startswith("Collection: Collection (3 elements)\n") and report.endswith("\n")
    assert "owner_id (INTEGER) -> Owner.id" in report
    summary = populated_db.summarize_collection("Collection")
    assert summary.startswith("Collection: Collection (3 elements)\n")
    with pytest.raises(QuiverError, match="^Cannot describe_collection: collection not found: Nope$"):
        populated_db.describe_collection("Nope")
    with pytest.raises(QuiverError, match="^Cannot summarize_collection: collection not found: Nope$"):
        populated_db.summarize_collection("Nope")


def test_run_json_returns_the_text(db: Database) -> None:
    with LuaRunner(db) as lua:
        assert lua.run_json('return {b = 1, a = {1, 2.5, "x"}}') == '{"a":[1,2.5,"x"],"b":1}'
        assert lua.run_json("local x = 1") == ""
        assert lua.run_json("return nil") == "null"
        assert lua.run("return {n = 2.0, ok = true}") == {"n": 2, "ok": True}
        with pytest.raises(QuiverError, match="^Cannot run: script returned an unsupported Lua type$"):
            lua.run_json("return db")
        with pytest.raises(TypeError, match="^Cannot run_json: argument 'script' must be str, got int$"):
            lua.run_json(1)  # type: ignore[arg-type]
