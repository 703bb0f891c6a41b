"""Time series: read_time_series_row, upserts (D19), label forms; the read-only guard of the factories (9)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from quiverdb import Database, LogLevel, QuiverError
from raw_sqlite import raw, raw_rows

READINGS = "SELECT date_time, humidity, status, temperature FROM Collection_time_series_readings ORDER BY id, date_time"


@pytest.fixture
def items(db: Database) -> Database:
    db.create_element("Collection", label="A")
    db.create_element("Collection", label="B")
    return db


def test_update_by_label(items: Database) -> None:
    items.update_time_series_group_by_label("Collection", "readings", "B", [
        {"date_time": "2024-01-01", "humidity": None, "status": "x", "temperature": 2.5},
    ])  # fmt: skip
    assert raw(items, READINGS) == [("2024-01-01", None, "x", 2.5)]
    with pytest.raises(QuiverError, match="^Element not found: label 'Z' in collection 'Collection'$"):
        items.update_time_series_group_by_label("Collection", "readings", "Z", [])


def test_read_time_series_row_last_non_null_at_or_before(items: Database) -> None:
    items.update_time_series_group("Collection", "readings", 1, [
        {"date_time": "2024-01-01", "humidity": 1, "status": None, "temperature": 1.0},
        {"date_time": "2024-01-03", "humidity": None, "status": None, "temperature": 3.0},
    ])  # fmt: skip
    assert items.read_time_series_row("Collection", "readings", "humidity", "2024-01-03") == [1, None]
    assert items.read_time_series_row("Collection", "readings", "temperature", date(2024, 1, 2)) == [1.0, None]
    assert items.read_time_series_row("Collection", "readings", "status", datetime(2024, 1, 9)) == [None, None]
    with pytest.raises(TypeError, match="argument 'date_time' must be str, datetime or date, got int"):
        items.read_time_series_row("Collection", "readings", "humidity", 20240101)  # type: ignore[arg-type]
    with pytest.raises(QuiverError, match="invalid date-time 'yesterday' for argument 'date_time'"):
        items.read_time_series_row("Collection", "readings", "humidity", "yesterday")


def test_upsert_changes_only_the_given_columns(items: Database) -> None:
    items.upsert_time_series_row("Collection", "readings", 1, date_time="2024-01-01", humidity=5, status="a")
    items.upsert_time_series_row("Collection", "readings", 1, date_time="2024-01-01", temperature=2.5)
    items.upsert_time_series_row_by_label("Collection", "readings", "A", date_time="2024-01-01", status=None)
    assert raw(items, READINGS) == [("2024-01-01", 5, None, 2.5)]
    before = raw_rows(items)
    with pytest.raises(QuiverError, match="^Element not found: 9 in collection 'Collection'$"):
        items.upsert_time_series_row("Collection", "readings", 9, date_time="2024-01-01")
    with pytest.raises(QuiverError, match="row missing required 'date_time' column"):
        items.upsert_time_series_row("Collection", "readings", 1, humidity=1)
    with pytest.raises(TypeError, match="^Cannot upsert_time_series_row: Column 'humidity' has unsupported type list$"):
        items.upsert_time_series_row("Collection", "readings", 1, date_time="2024-01-01", humidity=[1])
    assert raw_rows(items) == before


def test_factories_refuse_read_only(tmp_path: Path, collections_schema_path: Path) -> None:
    path = str(tmp_path / "x.db")
    with pytest.raises(QuiverError) as info:
        Database.from_schema(path, str(collections_schema_path), read_only=True, console_level=LogLevel.OFF)
    assert str(info.value) == "Cannot from_schema: read_only mode (use Database constructor to open existing)"
    with pytest.raises(QuiverError) as info:
        Database.from_migrations(path, str(tmp_path), read_only=True)
    assert str(info.value) == "Cannot from_migrations: read_only mode (use Database constructor to open existing)"
    assert list(tmp_path.iterdir()) == []
