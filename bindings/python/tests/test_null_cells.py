"""NULL cells and dates on every Python write (issue 11): arrays, time-series rows and columns, CSV; D20, D22, D23."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import numpy as np
import pytest

from quiverdb import CSVOptions, Database, QuiverError
from raw_sqlite import raw, raw_rows

READINGS = "SELECT date_time, humidity, status, temperature FROM Collection_time_series_readings ORDER BY id, date_time"


@pytest.fixture
def items(db: Database) -> Database:
    db.create_element("Collection", label="A")
    db.create_element("Collection", label="B")
    return db


def test_array_null_cells_are_stored_in_place(items: Database) -> None:
    items.update_element("Collection", 1, value_int=[1, None, 3], value_float=[None, 2.5, None])
    assert raw(items, "SELECT vector_index, value_int, value_float FROM Collection_vector_values ORDER BY 1") == [
        (1, 1, None), (2, None, 2.5), (3, 3, None),
    ]  # fmt: skip
    items.update_element("Collection", 2, name_text=["a", None], date_event=[None, date(2024, 1, 2)])
    assert raw(items, "SELECT name_text, date_event FROM Collection_vector_labels WHERE id = 2 ORDER BY vector_index") == [
        ("a", None), (None, "2024-01-02"),
    ]  # fmt: skip
    # A typed reader never shifts a value: it refuses the NULL (D20).
    with pytest.raises(QuiverError) as info:
        items.read_vector_integers_by_id("Collection", "value_int", 1)
    assert str(info.value) == (
        "Cannot read_vector_integers_by_id: element 1 has a NULL at vector_index 2 in 'value_int'; "
        "use read_vector_group_by_id to read NULL cells"
    )


def test_invalid_dates_are_refused_and_change_nothing(items: Database) -> None:
    before = raw_rows(items)
    with pytest.raises(QuiverError) as info:
        items.update_element("Collection", 1, date_start="15/01/2020")
    assert str(info.value) == (
        "Cannot update_element: invalid date-time '15/01/2020' for column 'date_start': "
        "expected YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS"
    )
    assert raw_rows(items) == before


def test_none_cells_round_trip_against_raw_rows(items: Database) -> None:
    items.update_time_series_group("Collection", "readings", 1, [
        {"date_time": "2024-01-01", "humidity": None, "status": "ok", "temperature": 1.5},
        {"date_time": datetime(2024, 1, 2), "humidity": np.int64(3), "status": None, "temperature": None},
    ])  # fmt: skip
    assert raw(items, READINGS) == [("2024-01-01", None, "ok", 1.5), ("2024-01-02T00:00:00", 3, None, None)]
    rows = items.read_time_series_group("Collection", "readings", 1)
    assert rows == [
        {"date_time": "2024-01-01", "humidity": None, "status": "ok", "temperature": 1.5},
        {"date_time": "2024-01-02T00:00:00", "humidity": 3, "status": None, "temperature": None},
    ]
    items.update_time_series_group("Collection", "readings", 2, rows)  # what was read writes back unchanged
    assert items.read_time_series_group("Collection", "readings", 2) == rows


def test_column_shape(items: Database) -> None:
    items.update_time_series_group("Collection", "readings", 1, {
        "date_time": ["2024-01-01", date(2024, 1, 2)], "temperature": np.array([1.0, 2.0]),
    })  # fmt: skip
    assert raw(items, READINGS) == [("2024-01-01", None, None, 1.0), ("2024-01-02", None, None, 2.0)]
    with pytest.raises(ValueError, match="^Cannot update_time_series_group: missing dimension column 'date_time'$"):
        items.update_time_series_group("Collection", "readings", 1, {"temperature": [1.0]})
    with pytest.raises(TypeError, match="^Cannot update_time_series_group: Column 'temperature' expects float, got int$"):
        items.update_time_series_group("Collection", "readings", 1, {"date_time": ["2024-01-01"], "temperature": [1]})


def test_csv_round_trip_of_null_cells(items: Database, tmp_path: Path) -> None:
    items.update_time_series_group("Collection", "readings", 2, [
        {"date_time": "2024-01-01T00:00:00", "humidity": None, "status": "x", "temperature": 2.5},
        {"date_time": "2024-01-02T00:00:00", "humidity": 4, "status": None, "temperature": None},
    ])  # fmt: skip  (CSV import writes date-times in this normal form)
    before = raw_rows(items)
    path = str(tmp_path / "readings.csv")
    items.export_csv("Collection", "readings", path, options=CSVOptions())
    items.update_time_series_group("Collection", "readings", 2, [])
    items.import_csv("Collection", "readings", path, options=CSVOptions(), progress=True)
    assert raw_rows(items) == before


def test_open_missing_file_creates_nothing(tmp_path: Path) -> None:
    path = tmp_path / "plna.db"
    with pytest.raises(QuiverError) as info:
        Database.open(str(path))
    assert str(info.value) == f"Database not found: {path}"
    assert list(tmp_path.iterdir()) == []
