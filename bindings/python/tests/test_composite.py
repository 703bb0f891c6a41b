"""Composite helpers: read_scalars_by_id, read_vectors_by_id, read_sets_by_id, read_element_by_id,
read_vector_group_by_id, read_set_group_by_id."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from quiverdb import Database, QuiverError

UTC = timezone.utc


def test_read_scalars_by_id(populated_db: Database) -> None:
    scalars = populated_db.read_scalars_by_id("Collection", 1)
    assert scalars == {
        "date_start": datetime(2024, 1, 1, tzinfo=UTC),
        "id": 1,
        "kind": None,
        "label": "Item 1",
        "owner_id": 1,
        "some_float": 1.5,
        "some_integer": 10,
        "some_string": "one",
    }
    assert list(scalars) == [a.name for a in populated_db.list_scalar_attributes("Collection")]
    assert populated_db.read_scalars_by_id("Collection", 2)["some_integer"] is None


def test_read_vectors_by_id(populated_db: Database) -> None:
    assert populated_db.read_vectors_by_id("Collection", 1) == {
        "date_event": [
            datetime(2024, 1, 1, tzinfo=UTC),
            datetime(2024, 2, 1, 12, 30, tzinfo=UTC),
            datetime(2024, 3, 1, tzinfo=UTC),
        ],
        "name_text": ["a", "b", "c"],
        "value_float": [1.5, 2.5, 3.5],
        "value_int": [1, 2, 3],
    }
    assert populated_db.read_vectors_by_id("Collection", 2) == {
        "date_event": [], "name_text": [], "value_float": [], "value_int": [],
    }  # fmt: skip
    assert populated_db.read_vectors_by_id("Owner", 1) == {}


def test_read_sets_by_id(populated_db: Database) -> None:
    sets = populated_db.read_sets_by_id("Collection", 1)
    assert sorted(sets) == ["code", "date_milestone", "tag", "weight"]
    assert sorted(sets["code"]) == [3, 7]
    assert sets["date_milestone"] == [datetime(2025, 1, 1, tzinfo=UTC)]
    assert sorted(sets["tag"]) == ["blue", "red"]
    assert sets["weight"] == [0.5]


def test_read_element_by_id(populated_db: Database) -> None:
    element = populated_db.read_element_by_id("Collection", 1)
    assert element["label"] == "Item 1"
    assert element["value_int"] == [1, 2, 3]
    assert sorted(element["tag"]) == ["blue", "red"]
    keys = list(element)
    assert keys.index("some_string") < keys.index("value_int") < keys.index("tag")
    configuration = populated_db.read_element_by_id("Configuration", 1)
    assert configuration == {
        "date_attribute": datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC),
        "float_attribute": 3.14,
        "id": 1,
        "integer_attribute": 6,
        "label": "cfg",
        "string_attribute": "hello",
    }


def test_read_vector_group_by_id(populated_db: Database) -> None:
    assert populated_db.read_vector_group_by_id("Collection", "values", 1) == [
        {"vector_index": 0, "value_float": 1.5, "value_int": 1},
        {"vector_index": 1, "value_float": 2.5, "value_int": 2},
        {"vector_index": 2, "value_float": 3.5, "value_int": 3},
    ]
    assert populated_db.read_vector_group_by_id("Collection", "values", 2) == []
    labels = populated_db.read_vector_group_by_id("Collection", "labels", 1)
    assert labels[1] == {"vector_index": 1, "date_event": datetime(2024, 2, 1, 12, 30, tzinfo=UTC), "name_text": "b"}


def test_read_vector_group_by_id_with_null_column(populated_db: Database) -> None:
    # Item 3 has value_int=[9] and no value_float: the group reader keeps the NULL cell in place (D20).
    assert populated_db.read_vector_group_by_id("Collection", "values", 3) == [
        {"vector_index": 0, "value_float": None, "value_int": 9}
    ]


def test_read_set_group_by_id(populated_db: Database) -> None:
    rows = populated_db.read_set_group_by_id("Collection", "tags", 1)
    assert sorted(rows, key=lambda r: r["tag"]) == [{"tag": "blue"}, {"tag": "red"}]
    assert populated_db.read_set_group_by_id("Collection", "tags", 2) == []


def test_composite_errors(populated_db: Database) -> None:
    with pytest.raises(QuiverError) as info:
        populated_db.read_scalars_by_id("Nope", 1)
    assert str(info.value) == "Cannot list_scalar_attributes: collection not found: Nope"
    with pytest.raises(QuiverError) as info:
        populated_db.read_vector_group_by_id("Collection", "nope", 1)
    assert str(info.value) == "Vector group not found: 'nope' in collection 'Collection'"
    with pytest.raises(QuiverError) as info:
        populated_db.read_set_group_by_id("Collection", "nope", 1)
    assert str(info.value) == "Set group not found: 'nope' in collection 'Collection'"


@pytest.mark.parametrize(
    "method", ["read_scalars_by_id", "read_vectors_by_id", "read_sets_by_id", "read_element_by_id"]
)
def test_composite_argument_validation(db: Database, method: str) -> None:
    fn = getattr(db, method)
    with pytest.raises(TypeError) as info:
        fn(1, 1)
    assert str(info.value) == f"Cannot {method}: argument 'collection' must be str, got int"
    with pytest.raises(TypeError) as info:
        fn("Collection", "1")
    assert str(info.value) == f"Cannot {method}: argument 'id' must be int, got str"
    with pytest.raises(TypeError) as info:
        fn("Collection", False)
    assert str(info.value) == f"Cannot {method}: argument 'id' must be int, got bool"


@pytest.mark.parametrize("method", ["read_vector_group_by_id", "read_set_group_by_id"])
def test_group_rows_argument_validation(db: Database, method: str) -> None:
    fn = getattr(db, method)
    with pytest.raises(TypeError) as info:
        fn(None, "g", 1)
    assert str(info.value) == f"Cannot {method}: argument 'collection' must be str, got NoneType"
    with pytest.raises(TypeError) as info:
        fn("Collection", 3, 1)
    assert str(info.value) == f"Cannot {method}: argument 'group' must be str, got int"
    with pytest.raises(TypeError) as info:
        fn("Collection", "values", 1.0)
    assert str(info.value) == f"Cannot {method}: argument 'id' must be int, got float"
