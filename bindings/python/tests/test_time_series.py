"""Time-series groups and time-series files."""

from __future__ import annotations

import pytest

from quiverdb import Database, QuiverError

ROWS = [
    {"date_time": "2024-01-02T00:00:00", "humidity": 70, "status": "wet", "temperature": 18.0},
    {"date_time": "2024-01-01T00:00:00", "humidity": 65, "status": "normal", "temperature": 20.5},
]


@pytest.fixture
def item(db: Database) -> int:
    return db.create_element("Collection", label="x")


def test_update_and_read_time_series(db: Database, item: int) -> None:
    assert db.update_time_series_group("Collection", "readings", item, ROWS) is None
    rows = db.read_time_series_group("Collection", "readings", item)
    assert rows == [
        {"date_time": "2024-01-01T00:00:00", "humidity": 65, "status": "normal", "temperature": 20.5},
        {"date_time": "2024-01-02T00:00:00", "humidity": 70, "status": "wet", "temperature": 18.0},
    ]
    assert list(rows[0].keys()) == ["date_time", "humidity", "status", "temperature"]
    assert isinstance(rows[0]["humidity"], int) and isinstance(rows[0]["temperature"], float)


def test_read_time_series_empty(db: Database, item: int) -> None:
    assert db.read_time_series_group("Collection", "readings", item) == []
    assert db.read_time_series_group("Collection", "readings", 999) == []


def test_update_replaces_and_empty_list_clears(db: Database, item: int) -> None:
    db.update_time_series_group("Collection", "readings", item, ROWS)
    db.update_time_series_group(
        "Collection", "readings", item,
        [{"date_time": "2025-01-01T00:00:00", "humidity": 1, "status": "s", "temperature": 1.0}],
    )  # fmt: skip
    assert len(db.read_time_series_group("Collection", "readings", item)) == 1
    db.update_time_series_group("Collection", "readings", item, [])
    assert db.read_time_series_group("Collection", "readings", item) == []


def test_null_cells_read_back(db: Database, item: int) -> None:
    db.create_element(
        "Collection", label="y", date_time=["2024-01-01T00:00:00"], humidity=[5]
    )  # status and temperature NULL
    rows = db.read_time_series_group("Collection", "readings", 2)
    # A NULL numeric cell is None, not 0.0 (api-additions §4.1).
    assert rows == [{"date_time": "2024-01-01T00:00:00", "humidity": 5, "status": None, "temperature": None}]


def test_time_series_errors_from_library(db: Database, item: int) -> None:
    with pytest.raises(QuiverError) as info:
        db.read_time_series_group("Collection", "nope", item)
    assert str(info.value) == "Time series group 'nope' not found for collection 'Collection'"
    with pytest.raises(QuiverError) as info:
        db.update_time_series_group("Collection", "nope", item, ROWS)
    assert str(info.value) == "Time series group not found: 'nope' in collection 'Collection'"
    with pytest.raises(QuiverError) as info:
        db.update_time_series_group("Collection", "readings", 999, ROWS)
    assert str(info.value) == "Failed to execute statement: FOREIGN KEY constraint failed"


def test_update_time_series_validation(db: Database, item: int) -> None:
    op = "Cannot update_time_series_group"
    row = dict(ROWS[0])
    missing = {k: v for k, v in row.items() if k != "status"}
    with pytest.raises(ValueError) as info:
        db.update_time_series_group("Collection", "readings", item, [row, missing])
    assert str(info.value) == f"{op}: Row 1 is missing column 'status'"
    with pytest.raises(ValueError) as info:
        db.update_time_series_group(
            "Collection", "readings", item, [{k: v for k, v in row.items() if k != "date_time"}]
        )
    assert str(info.value) == f"{op}: Row 0 is missing column 'date_time'"
    with pytest.raises(ValueError) as info:
        db.update_time_series_group("Collection", "readings", item, [{**row, "extra": 1}])
    assert str(info.value) == f"{op}: Row 0 has unknown column 'extra'"
    bad_cells = [
        ("humidity", 1.5, "int", "float"),
        ("humidity", True, "int", "bool"),
        ("humidity", "1", "int", "str"),
        ("temperature", 20, "float", "int"),
        ("temperature", "20.5", "float", "str"),
        ("status", 1, "str", "int"),
        ("date_time", 20240101, "str", "int"),
    ]
    for column, value, expected, got in bad_cells:
        with pytest.raises(TypeError) as info:
            db.update_time_series_group("Collection", "readings", item, [{**row, column: value}])
        assert str(info.value) == f"{op}: Column '{column}' expects {expected}, got {got}"
    # None is a NULL cell now (issue 11) and a dict is the column shape (D15): neither is rejected here.
    for bad in ("rows", None, ({**row},)):
        with pytest.raises(TypeError) as info:
            db.update_time_series_group("Collection", "readings", item, bad)  # type: ignore[arg-type]
        assert str(info.value) == (
            f"{op}: argument 'rows' must be a list of dict or a dict of lists, got {type(bad).__name__}"
        )
    with pytest.raises(TypeError) as info:
        db.update_time_series_group("Collection", "readings", item, [row, [1]])  # type: ignore[list-item]
    assert str(info.value) == f"{op}: argument 'rows' must be a list of dict or a dict of lists, got list of list"
    with pytest.raises(ValueError) as info:
        db.update_time_series_group("Collection", "readings", item, {"a": [1]})
    assert str(info.value) == f"{op}: unknown column 'a'"
    assert db.read_time_series_group("Collection", "readings", item) == []


@pytest.mark.parametrize("method", ["read_time_series_group", "update_time_series_group"])
def test_time_series_argument_validation(db: Database, method: str) -> None:
    extra: tuple[object, ...] = ([],) if method == "update_time_series_group" else ()
    fn = getattr(db, method)
    with pytest.raises(TypeError) as info:
        fn(1, "readings", 1, *extra)
    assert str(info.value) == f"Cannot {method}: argument 'collection' must be str, got int"
    with pytest.raises(TypeError) as info:
        fn("Collection", None, 1, *extra)
    assert str(info.value) == f"Cannot {method}: argument 'group' must be str, got NoneType"
    with pytest.raises(TypeError) as info:
        fn("Collection", "readings", "1", *extra)
    assert str(info.value) == f"Cannot {method}: argument 'id' must be int, got str"


# ------------------------------------------------------------------------------------ files


def test_time_series_files(db: Database) -> None:
    assert db.has_time_series_files("Collection") is True
    assert db.has_time_series_files("Owner") is False
    assert db.list_time_series_files_columns("Collection") == ["solar", "wind"]
    assert db.read_time_series_files("Collection") == {"solar": None, "wind": None}
    assert db.update_time_series_files("Collection", {"wind": " wind.csv ", "solar": None}) is None
    assert db.read_time_series_files("Collection") == {"solar": None, "wind": "wind.csv"}
    db.update_time_series_files("Collection", {"solar": "solar.csv"})
    assert db.read_time_series_files("Collection") == {"solar": "solar.csv", "wind": None}
    db.update_time_series_files("Collection", {})  # no-op
    assert db.read_time_series_files("Collection") == {"solar": "solar.csv", "wind": None}


def test_time_series_files_errors(db: Database) -> None:
    with pytest.raises(QuiverError) as info:
        db.has_time_series_files("Nope")
    assert str(info.value) == "Cannot has_time_series_files: collection not found: Nope"
    with pytest.raises(QuiverError) as info:
        db.list_time_series_files_columns("Owner")
    assert str(info.value) == "Time series files table not found: Owner_time_series_files"
    with pytest.raises(QuiverError) as info:
        db.read_time_series_files("Owner")
    assert str(info.value) == "Time series files table not found for collection 'Owner'"
    with pytest.raises(QuiverError) as info:
        db.update_time_series_files("Owner", {"a": "b"})
    assert str(info.value) == "Time series files table not found for collection 'Owner'"
    with pytest.raises(QuiverError) as info:
        db.update_time_series_files("Collection", {"nope": "b"})
    assert (
        str(info.value)
        == "Cannot update_time_series_files: column 'nope' not found in table 'Collection_time_series_files'"
    )


def test_time_series_files_argument_validation(db: Database) -> None:
    with pytest.raises(TypeError) as info:
        db.update_time_series_files("Collection", {"wind": 1})  # type: ignore[dict-item]
    assert str(info.value) == "Cannot update_time_series_files: Column 'wind' expects str or None, got int"
    with pytest.raises(TypeError) as info:
        db.update_time_series_files("Collection", {"wind": b"x"})  # type: ignore[dict-item]
    assert str(info.value) == "Cannot update_time_series_files: Column 'wind' expects str or None, got bytes"
    with pytest.raises(TypeError) as info:
        db.update_time_series_files("Collection", [("wind", "x")])  # type: ignore[arg-type]
    assert str(info.value) == "Cannot update_time_series_files: argument 'data' must be dict, got list"
    for method in ("has_time_series_files", "list_time_series_files_columns", "read_time_series_files"):
        with pytest.raises(TypeError) as info:
            getattr(db, method)(None)
        assert str(info.value) == f"Cannot {method}: argument 'collection' must be str, got NoneType"
    with pytest.raises(TypeError) as info:
        db.update_time_series_files(None, {})  # type: ignore[arg-type]
    assert str(info.value) == "Cannot update_time_series_files: argument 'collection' must be str, got NoneType"
    assert db.read_time_series_files("Collection") == {"solar": None, "wind": None}
