"""numpy scalars and arrays, tuples and dates on every write path (issue 14 item 1, D22 formatting)."""

from __future__ import annotations

from collections.abc import Generator
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import numpy as np
import pytest

from quiverdb import Database, LogLevel, QuiverError
from raw_sqlite import raw

BULK_SCHEMA = Path(__file__).resolve().parents[3] / "tests" / "schemas" / "valid" / "bulk.sql"


@pytest.fixture
def plants(tmp_path: Path) -> Generator[Database, None, None]:
    db = Database.from_schema(str(tmp_path / "bulk.db"), str(BULK_SCHEMA), console_level=LogLevel.OFF)
    yield db
    db.close()


def test_numpy_scalars_arrays_and_tuples(plants: Database) -> None:
    plant = plants.create_element(
        "Plant", label=np.str_("A"), capacity=np.float32(1.5), units=np.int16(7), status=np.bool_(True),
        unit_capacity=np.array([1.0, 2.5]), unit_name=("u1", "u2"), tag=np.array(["x", "y"]),
    )  # fmt: skip
    assert raw(plants, "SELECT label, capacity, units, status FROM Plant") == [("A", 1.5, 7, 1)]
    assert raw(plants, "SELECT unit_name, unit_capacity FROM Plant_vector_units ORDER BY vector_index") == [
        ("u1", 1.0), ("u2", 2.5),
    ]  # fmt: skip
    plants.update_element("Plant", plant, units=np.uint8(3), unit_capacity=np.arange(2, dtype=np.int32), unit_name=["a", "b"])
    assert plants.read_scalar_integer_by_id("Plant", "units", plant) == 3
    assert plants.read_vector_floats_by_id("Plant", "unit_capacity", plant) == [0.0, 1.0]
    plants.update_element("Plant", plant, tag=[np.str_("p"), "q"], unit_capacity=[np.float64(4), np.int64(5)], unit_name=("c", "d"))
    assert plants.read_vector_floats_by_id("Plant", "unit_capacity", plant) == [4.0, 5.0]


@pytest.mark.parametrize(
    ("value", "stored"),
    [
        (datetime(2024, 1, 2, 3, 4, 5), "2024-01-02T03:04:05"),
        (datetime(2024, 1, 2, 3, 4, 5, 120), "2024-01-02T03:04:05.000120"),
        (datetime(2024, 1, 2, 3, 0, tzinfo=timezone(timedelta(hours=2))), "2024-01-02T01:00:00"),
        (date(2024, 2, 29), "2024-02-29"),
        (np.datetime64("2024-01-02T03:04:05.123456789"), "2024-01-02T03:04:05.123456"),
        (np.datetime64("2024-01-02"), "2024-01-02"),
        (np.datetime64("NaT"), None),
    ],
)
def test_dates_are_formatted_per_d22(plants: Database, value: object, stored: str | None) -> None:
    plants.create_element("Plant", label="A", date_built=value)
    assert raw(plants, "SELECT date_built FROM Plant") == [(stored,)]
    assert plants.query_string("SELECT ?", params=[value]) == stored


def test_query_params_accept_numpy(plants: Database) -> None:
    assert plants.query_integer("SELECT ? + ?", params=(np.int64(2), np.int8(3))) == 5
    assert plants.query_float("SELECT ?", params=np.array([2.5])) == 2.5
    assert plants.query_integer("SELECT ?", params=[np.bool_(True)]) == 1


def test_time_series_rows_accept_numpy_and_dates(plants: Database) -> None:
    plant = plants.create_element("Plant", label="A")
    plants.update_time_series_group("Plant", "generation", plant, [
        {"date_time": datetime(2024, 1, 1), "generation": np.float64(1.5)},
        {"date_time": np.datetime64("2024-01-02T00:00"), "generation": np.float32(2.0)},
    ])  # fmt: skip
    assert raw(plants, "SELECT date_time, generation FROM Plant_time_series_generation ORDER BY date_time") == [
        ("2024-01-01T00:00:00", 1.5), ("2024-01-02T00:00:00", 2.0),
    ]  # fmt: skip


def test_bad_numpy_values_are_refused_before_the_library(plants: Database) -> None:
    with pytest.raises(TypeError, match=r"^Cannot set: array must be 1-D, got 2-D for Element.set\('unit_capacity'\)$"):
        plants.create_element("Plant", label="A", unit_capacity=np.zeros((2, 2)))
    with pytest.raises(TypeError, match="Unsupported array element type object"):
        plants.create_element("Plant", label="A", unit_capacity=np.array([object()], dtype=object))
    with pytest.raises(QuiverError, match="type mismatch for column 'units': expected INTEGER, got REAL"):
        plants.create_element("Plant", label="A", units=np.float64(1.0))
    assert raw(plants, "SELECT COUNT(*) FROM Plant") == [(0,)]
