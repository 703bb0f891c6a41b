"""Group readers and writers (3.5, D15, D20), label-addressed writes and relations (8), composites (D24)."""

from __future__ import annotations

from collections.abc import Generator
from datetime import datetime, timezone
from pathlib import Path

import numpy as np
import pytest

from quiverdb import Database, LogLevel, QuiverError
from raw_sqlite import raw, raw_rows

BULK_SCHEMA = Path(__file__).resolve().parents[3] / "tests" / "schemas" / "valid" / "bulk.sql"


@pytest.fixture
def plants(tmp_path: Path) -> Generator[Database, None, None]:
    db = Database.from_schema(str(tmp_path / "bulk.db"), str(BULK_SCHEMA), console_level=LogLevel.OFF)
    db.create_element("Fuel", label="gas")
    db.create_element("Fuel", label="coal")
    db.create_element("Plant", label="A", unit_name=["a1", "a2"], unit_capacity=[1.0, 2.0], tag=["x"])
    db.create_element("Plant", label="B")
    yield db
    db.close()


def test_vector_group_round_trip_keeps_nulls_in_place(plants: Database) -> None:
    plants.update_vector_group("Plant", "units", 1, [
        {"unit_name": "u1", "unit_capacity": 10.0}, {"unit_name": "u2", "unit_capacity": None},
        {"unit_name": None, "unit_capacity": np.float64(3)},
    ])  # fmt: skip
    assert raw(plants, "SELECT vector_index, unit_name, unit_capacity FROM Plant_vector_units ORDER BY 1") == [
        (1, "u1", 10.0), (2, "u2", None), (3, None, 3.0),
    ]  # fmt: skip
    rows = plants.read_vector_group_by_id("Plant", "units", 1)
    assert rows == [
        {"vector_index": 0, "unit_capacity": 10.0, "unit_name": "u1"},
        {"vector_index": 1, "unit_capacity": None, "unit_name": "u2"},
        {"vector_index": 2, "unit_capacity": 3.0, "unit_name": None},
    ]
    # Column shape (upstream) gives the same rows; a column left out is NULL.
    plants.update_vector_group("Plant", "units", 2, {"unit_capacity": [10.0, None, 3]})
    assert [r["unit_capacity"] for r in plants.read_vector_group_by_id("Plant", "units", 2)] == [10.0, None, 3.0]
    assert plants.read_vectors_by_id("Plant", 1) == {"unit_capacity": [10.0, None, 3.0], "unit_name": ["u1", "u2", None]}
    plants.update_vector_group("Plant", "units", 1, [])
    assert plants.read_vector_group_by_id("Plant", "units", 1) == []


def test_set_group_with_labels_and_by_label(plants: Database) -> None:
    plants.update_set_group("Plant", "backups", 1, [{"backup_fuel_id": "gas"}, {"backup_fuel_id": "coal"}])
    assert sorted(raw(plants, "SELECT backup_fuel_id FROM Plant_set_backups")) == [(1,), (2,)]
    plants.update_set_group_by_label("Plant", "tags", "B", {"tag": ["p", "q"]})
    assert plants.read_set_group_by_id("Plant", "tags", 2) == [{"tag": "p"}, {"tag": "q"}]
    assert plants.read_sets_by_id("Plant", 2)["tag"] == ["p", "q"]


@pytest.mark.parametrize(
    ("data", "error", "message"),
    [
        ([{"unit_name": "a"}], ValueError, "Cannot update_vector_group: Row 0 is missing column 'unit_capacity'"),
        ([{"unit_name": "a", "unit_capacity": 1.0, "x": 1}], ValueError,
         "Cannot update_vector_group: Row 0 has unknown column 'x'"),
        ({"nope": [1]}, ValueError, "Cannot update_vector_group: unknown column 'nope'"),
        ({"unit_name": "a"}, TypeError, "Cannot update_vector_group: column 'unit_name' must be a list, got str"),
        ({"unit_name": ["a", "b"], "unit_capacity": [1.0]}, ValueError,
         "Cannot update_vector_group: column 'unit_capacity' has length 1 but expected 2"),
        ("rows", TypeError,
         "Cannot update_vector_group: argument 'data' must be a list of dict or a dict of lists, got str"),
        ({"unit_capacity": ["x"]}, TypeError, "Cannot update_vector_group: Column 'unit_capacity' expects float, got str"),
        ({"unit_name": [], "unit_capacity": []}, QuiverError,
         "Cannot update_vector_group: columns [unit_name, unit_capacity] contain no rows; pass no columns to clear the group"),
    ],
)  # fmt: skip
def test_group_writer_bad_input_changes_nothing(
    plants: Database, data: object, error: type[Exception], message: str
) -> None:
    before = raw_rows(plants)
    with pytest.raises(error) as info:
        plants.update_vector_group("Plant", "units", 1, data)
    assert str(info.value) == message
    assert raw_rows(plants) == before
    with plants.transaction():  # inside a user transaction too
        with pytest.raises(error):
            plants.update_vector_group("Plant", "units", 1, data)
    assert raw_rows(plants) == before


def test_group_errors_from_the_library(plants: Database) -> None:
    before = raw_rows(plants)
    with pytest.raises(QuiverError, match="^Element not found: 99 in collection 'Plant'$"):
        plants.update_vector_group("Plant", "units", 99, [{"unit_name": "a", "unit_capacity": 1.0}])
    with pytest.raises(QuiverError, match="^Element not found: label 'Z' in collection 'Plant'$"):
        plants.update_set_group_by_label("Plant", "tags", "Z", [{"tag": "t"}])
    with pytest.raises(QuiverError, match="^Vector group not found: 'nope' in collection 'Plant'$"):
        plants.read_vector_group_by_id("Plant", "nope", 1)
    with pytest.raises(QuiverError, match="Failed to resolve label 'oil' to ID in table 'Fuel'"):
        plants.update_set_group("Plant", "backups", 1, [{"backup_fuel_id": "oil"}])
    with pytest.raises(TypeError, match="^Cannot update_set_group_by_label: argument 'label' must be str, got int$"):
        plants.update_set_group_by_label("Plant", "tags", 1, [])  # type: ignore[arg-type]
    assert raw_rows(plants) == before


def test_label_writes_and_relations(plants: Database) -> None:
    plants.update_element_by_label("Plant", "A", capacity=5.0)
    assert plants.read_scalar_float_by_id("Plant", "capacity", 1) == 5.0
    plants.update_relation("Plant", "Fuel", "id", 1, "coal")
    plants.update_relation_by_label("Plant", "Fuel", "id", "B", "gas")
    assert plants.read_scalar_integers("Plant", "fuel_id") == [2, 1]
    plants.update_relation("Plant", "Fuel", "id", 1, None)
    assert plants.read_scalar_integer_by_id("Plant", "fuel_id", 1) is None
    before = raw_rows(plants)
    with pytest.raises(QuiverError, match="^Element not found: label 'Z' in collection 'Plant'$"):
        plants.update_element_by_label("Plant", "Z", capacity=1.0)
    with pytest.raises(QuiverError, match="relation column 'owner_id' not found in collection 'Plant'"):
        plants.update_relation("Plant", "Owner", "id", 1, "x")
    with pytest.raises(QuiverError, match="Failed to resolve label 'oil' to ID in table 'Fuel'"):
        plants.update_relation("Plant", "Fuel", "id", 1, "oil")
    assert raw_rows(plants) == before
    plants.delete_element_by_label("Plant", "B")
    assert plants.read_scalar_strings("Plant", "label") == ["A"]
    assert plants.number_of_elements("Plant") == 1 and plants.number_of_elements("Fuel") == 2


def test_composites_raise_for_a_missing_id(plants: Database) -> None:
    for method in ("read_scalars_by_id", "read_vectors_by_id", "read_sets_by_id", "read_element_by_id"):
        with pytest.raises(QuiverError) as info:
            getattr(plants, method)("Plant", 99)
        assert str(info.value) == "Element not found: 99 in collection 'Plant'"
    with pytest.raises(QuiverError, match="collection not found: Nope"):
        plants.read_element_by_id("Nope", 1)


def test_group_reader_dates_are_aware_utc(tmp_path: Path, collections_schema_path: Path) -> None:
    with Database.from_schema(str(tmp_path / "c.db"), str(collections_schema_path), console_level=LogLevel.OFF) as db:
        db.create_element("Collection", label="x", name_text=["a", "b"], date_event=["2024-01-01", None])
        rows = db.read_vector_group_by_id("Collection", "labels", 1)
        assert rows[0]["date_event"] == datetime(2024, 1, 1, tzinfo=timezone.utc)
        assert rows[1]["date_event"] is None


def test_update_element_by_label_can_rename(plants: Database) -> None:
    plants.update_element_by_label("Plant", "B", label="B2", capacity=1.0)
    assert plants.read_scalar_strings("Plant", "label") == ["A", "B2"]
