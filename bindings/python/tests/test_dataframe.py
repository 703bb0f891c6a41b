"""read_dataframe, read_vectors/sets/time_series_dataframe: one call each, NULLs as pandas missing values."""

from __future__ import annotations

import sqlite3
from collections.abc import Generator
from pathlib import Path

import numpy as np
import pytest

from quiverdb import Database, LogLevel, QuiverError

pd = pytest.importorskip("pandas")

BULK_SCHEMA = Path(__file__).resolve().parents[3] / "tests" / "schemas" / "valid" / "bulk.sql"


@pytest.fixture
def plants(tmp_path: Path) -> Generator[Database, None, None]:
    db = Database.from_schema(str(tmp_path / "bulk.db"), str(BULK_SCHEMA), console_level=LogLevel.OFF)
    db.create_element("Fuel", label="gas", price=30.0)
    db.create_element(
        "Plant", label="A", capacity=1.5, units=2, date_built="2020-01-02T03:04:05Z", fuel_id="gas",
        unit_name=["a1", "a2"], unit_capacity=[10.0, 20.0], tag=["x", "y"],
    )  # fmt: skip
    db.create_element("Plant", label="B")
    db.update_time_series_group("Plant", "generation", 2, [
        {"date_time": "2024-01-02", "generation": 2.0},
        {"date_time": "2024-01-01", "generation": 1.0},
    ])  # fmt: skip
    db.update_time_series_group("Plant", "generation", 1, [{"date_time": "2024-01-01T12:00:00", "generation": 5.0}])
    yield db
    db.close()


def test_read_dataframe_types_and_missing_values(plants: Database) -> None:
    frame = plants.read_dataframe("Plant")
    assert list(frame.columns) == ["label", "capacity", "date_built", "fuel_id", "status", "units"]
    assert frame.index.name == "id" and frame.index.tolist() == [1, 2]
    assert str(frame["capacity"].dtype) == "float64" and np.isnan(frame["capacity"][2])
    assert str(frame["units"].dtype) == "Int64" and frame["units"][2] is pd.NA
    assert str(frame["status"].dtype) == "int64"
    assert frame["label"].tolist() == ["A", "B"] and frame["label"].dtype == object
    assert str(frame["date_built"].dtype) == "datetime64[us, UTC]"
    assert frame["date_built"][1] == pd.Timestamp("2020-01-02T03:04:05Z")
    assert frame["date_built"][2] is pd.NaT


def test_read_dataframe_matches_raw_sqlite(plants: Database) -> None:
    frame = plants.read_dataframe("Plant", ["units", "capacity"])
    assert list(frame.columns) == ["label", "units", "capacity"]
    with sqlite3.connect(plants.path()) as raw:
        rows = raw.execute("SELECT id, label, units, capacity FROM Plant ORDER BY id").fetchall()
    units = [None if u is pd.NA else u for u in frame["units"].tolist()]
    capacity = [None if np.isnan(c) else c for c in frame["capacity"].tolist()]
    got = list(zip(frame.index.tolist(), frame["label"].tolist(), units, capacity))
    assert got == rows


def test_read_dataframe_errors(plants: Database) -> None:
    with pytest.raises(QuiverError, match="^Cannot read_scalar_columns: collection not found: Nope$"):
        plants.read_dataframe("Nope")
    with pytest.raises(QuiverError, match="column 'nope' not found in table 'Plant'"):
        plants.read_dataframe("Plant", ["nope"])
    with pytest.raises(TypeError, match="argument 'attributes' must be a list of str or None, got str"):
        plants.read_dataframe("Plant", "units")
    plants.query_string("UPDATE Plant SET date_built = 'yesterday' WHERE id = 2")
    with pytest.raises(QuiverError, match="invalid date-time 'yesterday' for column 'date_built' row 1"):
        plants.read_dataframe("Plant")


def test_read_vectors_and_sets_dataframes(plants: Database) -> None:
    vectors = plants.read_vectors_dataframe("Plant", "units")
    assert list(vectors.columns) == ["id", "label", "vector_index", "unit_capacity", "unit_name"]
    assert vectors["vector_index"].tolist() == [0, 1]  # 0-based as read_vector_group_by_id
    assert vectors["unit_capacity"].tolist() == [10.0, 20.0]
    assert vectors["label"].tolist() == ["A", "A"]
    sets = plants.read_sets_dataframe("Plant", "tags")
    assert list(sets.columns) == ["id", "label", "tag"]
    assert sets["tag"].tolist() == ["x", "y"]
    with pytest.raises(QuiverError, match="^Vector group not found: 'nope' in collection 'Plant'$"):
        plants.read_vectors_dataframe("Plant", "nope")


def test_read_time_series_dataframe_long_format(plants: Database) -> None:
    series = plants.read_time_series_dataframe("Plant", "generation")
    assert list(series.columns) == ["id", "label", "date_time", "generation"]
    assert series["id"].tolist() == [1, 2, 2]
    assert series["label"].tolist() == ["A", "B", "B"]
    assert series["date_time"].tolist() == [
        pd.Timestamp("2024-01-01T12:00:00Z"), pd.Timestamp("2024-01-01T00:00:00Z"), pd.Timestamp("2024-01-02T00:00:00Z"),
    ]  # fmt: skip
    assert series["generation"].tolist() == [5.0, 1.0, 2.0]
    for element_id in (1, 2):  # the same values as the per-element reader
        rows = plants.read_time_series_group("Plant", "generation", element_id)
        assert series[series["id"] == element_id]["generation"].tolist() == [r["generation"] for r in rows]
    with pytest.raises(QuiverError, match="^Time series group 'nope' not found for collection 'Plant'$"):
        plants.read_time_series_dataframe("Plant", "nope")


def test_empty_frames(tmp_path: Path) -> None:
    with Database.from_schema(str(tmp_path / "e.db"), str(BULK_SCHEMA), console_level=LogLevel.OFF) as db:
        assert db.read_dataframe("Plant").empty
        series = db.read_time_series_dataframe("Plant", "generation")
        assert series.empty and list(series.columns) == ["id", "label", "date_time", "generation"]
