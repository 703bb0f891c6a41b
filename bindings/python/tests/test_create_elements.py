"""create_elements: DataFrames and dicts in, all or nothing, bad input named by column and row."""

from __future__ import annotations

from collections.abc import Generator
from pathlib import Path

import numpy as np
import pytest

from quiverdb import Database, LogLevel, QuiverError
from raw_sqlite import raw_rows

pd = pytest.importorskip("pandas")

BULK_SCHEMA = Path(__file__).resolve().parents[3] / "tests" / "schemas" / "valid" / "bulk.sql"


@pytest.fixture
def bulk_db(tmp_path: Path) -> Generator[Database, None, None]:
    database = Database.from_schema(str(tmp_path / "bulk.db"), str(BULK_SCHEMA), console_level=LogLevel.OFF)
    database.create_element("Fuel", label="gas", price=30.0)
    yield database
    database.close()


def frame() -> object:
    return pd.DataFrame(
        {
            "label": ["A", "B", "C"],
            "capacity": [1.5, np.nan, 3.0],
            "units": pd.array([1, None, 3], dtype="Int64"),
            "date_built": pd.to_datetime(["2020-01-01", None, "2021-05-06 07:08:09.5"], format="ISO8601"),
            "fuel_id": ["gas", None, "gas"],
            "unit_capacity": [np.array([1.0, 2.0]), np.array([]), np.array([3.0])],
            "tag": [["x"], [], ["y", "z"]],
        }
    )


def test_create_elements_from_dataframe_matches_raw_rows(bulk_db: Database) -> None:
    assert bulk_db.create_elements("Plant", frame()) == [1, 2, 3]
    rows = raw_rows(bulk_db)
    assert sorted(rows["Plant"]) == [
        (1, "A", 1.5, 1, "2020-01-01T00:00:00", 1, 1),
        (2, "B", None, None, None, 1, None),
        (3, "C", 3.0, 3, "2021-05-06T07:08:09.500000", 1, 1),
    ]
    assert sorted(rows["Plant_vector_units"]) == [(1, 1, None, 1.0), (1, 2, None, 2.0), (3, 1, None, 3.0)]
    assert sorted(rows["Plant_set_tags"]) == [(1, "x"), (3, "y"), (3, "z")]


def test_create_elements_from_dicts(bulk_db: Database) -> None:
    ids = bulk_db.create_elements(
        "Plant", [{"label": "A", "units": np.int32(2)}, {"label": "B", "capacity": 2.5, "unit_name": ("u1", "u2")}]
    )
    assert ids == [1, 2]
    assert bulk_db.read_scalar_integers("Plant", "units") == [2, None]
    assert bulk_db.read_vector_strings_by_id("Plant", "unit_name", 2) == ["u1", "u2"]
    assert bulk_db.create_elements("Plant", []) == []


def test_round_trip_through_read_dataframe(bulk_db: Database) -> None:
    bulk_db.create_elements("Plant", frame())
    first = bulk_db.read_dataframe("Plant")
    copy = first.reset_index(drop=True).assign(label=lambda f: f["label"] + "'")
    bulk_db.create_elements("Plant", copy)
    second = bulk_db.read_dataframe("Plant").iloc[3:].reset_index(drop=True)
    expected = first.reset_index(drop=True).assign(label=lambda f: f["label"] + "'")
    pd.testing.assert_frame_equal(second, expected)


def test_create_elements_inside_a_transaction_is_a_savepoint(bulk_db: Database) -> None:
    with bulk_db.transaction():
        bulk_db.create_element("Plant", label="T")
        with pytest.raises(QuiverError, match="row 1"):
            bulk_db.create_elements("Plant", [{"label": "U"}, {"label": "T"}])
        assert bulk_db.in_transaction()
    assert bulk_db.read_scalar_strings("Plant", "label") == ["T"]


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        (
            {"label": ["A"], "nope": [1]},
            "Cannot create_elements: row 0: Cannot create_element: ",
        ),
        (
            {"label": ["A", "B"], "capacity": ["big", "small"]},
            "Cannot create_elements: row 0: Cannot create_element: type mismatch for column 'capacity': "
            "expected REAL, got TEXT",
        ),
        (
            {"label": ["A", "B"], "units": [1.0, np.nan]},
            "Cannot create_elements: row 0: Cannot create_element: type mismatch for column 'units': "
            "expected INTEGER, got REAL",
        ),
        (
            {"label": ["A", "A"]},
            "Cannot create_elements: row 1: Failed to execute statement: UNIQUE constraint failed: Plant.label",
        ),
        (
            {"label": ["A", "B"], "unit_capacity": [np.array([1.0]), np.array([object(), object()], dtype=object)]},
            "Cannot create_elements: column 'unit_capacity' row 1: unsupported value of type object",
        ),
        (
            {"label": ["A", "B"], "unit_capacity": [np.array([1.0]), np.zeros((2, 2))]},
            "Cannot create_elements: column 'unit_capacity' row 1: array must be 1-D, got 2-D",
        ),
        (
            {"label": ["A", "B"], "capacity": [1.0, "x"]},
            "Cannot create_elements: column 'capacity' row 1: str among numbers",
        ),
        (
            {"label": ["A", "B\0"]},
            "Cannot create_elements: column 'label' row 1: embedded NUL character",
        ),
        (
            {"label": ["A", "B"], "units": [1, 2**63]},
            "Cannot create_elements: column 'units' row 1: integer out of int64 range",
        ),
    ],
)
def test_bad_input_names_column_and_row_and_writes_nothing(
    bulk_db: Database, rows: dict[str, list[object]], message: str
) -> None:
    bulk_db.create_element("Plant", label="existing")
    before = raw_rows(bulk_db)
    with pytest.raises(QuiverError) as error:
        bulk_db.create_elements("Plant", pd.DataFrame(rows))
    assert str(error.value).startswith(message)
    assert raw_rows(bulk_db) == before


def test_bad_arguments(bulk_db: Database) -> None:
    with pytest.raises(TypeError, match="argument 'rows' must be a DataFrame or an iterable of dict, got int"):
        bulk_db.create_elements("Plant", 3)
    with pytest.raises(TypeError, match="row 1 must be a dict, got str"):
        bulk_db.create_elements("Plant", [{"label": "A"}, "B"])
    with pytest.raises(TypeError, match="argument 'progress' must be bool, got str"):
        bulk_db.create_elements("Plant", [{"label": "A"}], progress="yes")
    with pytest.raises(QuiverError, match="^Cannot create_elements: collection not found: Nope$"):
        bulk_db.create_elements("Nope", [{"label": "A"}])
    assert bulk_db.read_element_ids("Plant") == []


def test_progress_bar_reports_every_row(bulk_db: Database, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("tqdm")
    bulk_db.create_elements("Plant", [{"label": f"P{i}"} for i in range(250)], progress=True)
    assert "250/250" in capsys.readouterr().err
    bulk_db.create_elements("Plant", [{"label": "quiet"}])
    assert capsys.readouterr().err == ""
