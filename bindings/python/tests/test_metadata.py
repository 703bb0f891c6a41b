"""Metadata: get_*_metadata and list_*."""

from __future__ import annotations

import dataclasses

import pytest

from quiverdb import Database, DataType, GroupMetadata, QuiverError, ScalarMetadata


def _col(name: str, data_type: DataType, not_null: bool = False) -> ScalarMetadata:
    return ScalarMetadata(name, data_type, not_null, False, None, False, None, None)


def test_get_scalar_metadata(db: Database) -> None:
    md = db.get_scalar_metadata("Collection", "some_integer")
    assert md == ScalarMetadata("some_integer", DataType.INTEGER, False, False, None, False, None, None)
    assert isinstance(md.data_type, DataType)
    assert isinstance(md.not_null, bool) and isinstance(md.primary_key, bool) and isinstance(md.is_foreign_key, bool)
    with pytest.raises(dataclasses.FrozenInstanceError):
        md.name = "x"  # type: ignore[misc]


def test_get_scalar_metadata_id_label_default_date(db: Database) -> None:
    assert db.get_scalar_metadata("Collection", "id") == ScalarMetadata(
        "id", DataType.INTEGER, False, True, None, False, None, None
    )
    assert db.get_scalar_metadata("Collection", "label") == ScalarMetadata(
        "label", DataType.STRING, True, False, None, False, None, None
    )
    assert db.get_scalar_metadata("Configuration", "integer_attribute") == ScalarMetadata(
        "integer_attribute", DataType.INTEGER, True, False, "6", False, None, None
    )
    assert db.get_scalar_metadata("Configuration", "float_attribute").default_value == "3.14"
    assert db.get_scalar_metadata("Collection", "date_start").data_type == DataType.DATE_TIME


def test_get_scalar_metadata_foreign_key(db: Database) -> None:
    assert db.get_scalar_metadata("Collection", "owner_id") == ScalarMetadata(
        "owner_id", DataType.INTEGER, False, False, None, True, "Owner", "id"
    )


def test_get_scalar_metadata_errors(db: Database) -> None:
    with pytest.raises(QuiverError) as info:
        db.get_scalar_metadata("Collection", "nope")
    assert str(info.value) == "Scalar attribute not found: 'nope' in collection 'Collection'"
    with pytest.raises(QuiverError) as info:
        db.get_scalar_metadata("Nope", "label")
    assert str(info.value) == "Cannot get_scalar_metadata: collection not found: Nope"


def test_get_vector_metadata(db: Database) -> None:
    md = db.get_vector_metadata("Collection", "values")
    assert md == GroupMetadata("values", "", [_col("value_float", DataType.FLOAT), _col("value_int", DataType.INTEGER)])
    assert md.dimension_column == ""
    labels = db.get_vector_metadata("Collection", "labels")
    assert [(c.name, c.data_type) for c in labels.value_columns] == [
        ("date_event", DataType.DATE_TIME),
        ("name_text", DataType.STRING),
    ]


def test_get_set_metadata(db: Database) -> None:
    assert db.get_set_metadata("Collection", "tags") == GroupMetadata("tags", "", [_col("tag", DataType.STRING, True)])


def test_get_time_series_metadata(db: Database) -> None:
    md = db.get_time_series_metadata("Collection", "readings")
    assert md == GroupMetadata(
        "readings",
        "date_time",
        [_col("humidity", DataType.INTEGER), _col("status", DataType.STRING), _col("temperature", DataType.FLOAT)],
    )


def test_get_group_metadata_errors(db: Database) -> None:
    with pytest.raises(QuiverError) as info:
        db.get_vector_metadata("Collection", "nope")
    assert str(info.value) == "Vector group not found: 'nope' in collection 'Collection'"
    with pytest.raises(QuiverError) as info:
        db.get_set_metadata("Collection", "nope")
    assert str(info.value) == "Set group not found: 'nope' in collection 'Collection'"
    with pytest.raises(QuiverError) as info:
        db.get_time_series_metadata("Collection", "nope")
    assert str(info.value) == "Time series group not found: 'nope' in collection 'Collection'"


def test_list_scalar_attributes(db: Database) -> None:
    attrs = db.list_scalar_attributes("Collection")
    assert [a.name for a in attrs] == [
        "date_start", "id", "kind", "label", "owner_id", "some_float", "some_integer", "some_string",
    ]  # fmt: skip
    owner = next(a for a in attrs if a.name == "owner_id")
    assert owner.is_foreign_key and owner.references_collection == "Owner" and owner.references_column == "id"
    assert all(isinstance(a, ScalarMetadata) for a in attrs)


def test_list_groups(db: Database) -> None:
    assert [g.group_name for g in db.list_vector_groups("Collection")] == ["labels", "values"]
    assert [g.group_name for g in db.list_set_groups("Collection")] == ["codes", "milestones", "tags", "weights"]
    ts = db.list_time_series_groups("Collection")
    assert [g.group_name for g in ts] == ["readings"]
    assert ts[0].dimension_column == "date_time"
    assert all(g.dimension_column == "" for g in db.list_vector_groups("Collection"))
    assert db.list_vector_groups("Owner") == []
    assert db.list_set_groups("Configuration") == []
    assert db.list_time_series_groups("Owner") == []


def test_list_groups_unknown_collection_is_empty(db: Database) -> None:
    assert db.list_vector_groups("Nope") == []
    assert db.list_set_groups("Nope") == []
    assert db.list_time_series_groups("Nope") == []


def test_list_scalar_attributes_unknown_collection(db: Database) -> None:
    with pytest.raises(QuiverError) as info:
        db.list_scalar_attributes("Nope")
    assert str(info.value) == "Cannot list_scalar_attributes: collection not found: Nope"


@pytest.mark.parametrize(
    ("method", "args", "names"),
    [
        ("get_scalar_metadata", ("Collection", "label"), ["collection", "attribute"]),
        ("get_vector_metadata", ("Collection", "values"), ["collection", "group_name"]),
        ("get_set_metadata", ("Collection", "tags"), ["collection", "group_name"]),
        ("get_time_series_metadata", ("Collection", "readings"), ["collection", "group_name"]),
        ("list_scalar_attributes", ("Collection",), ["collection"]),
        ("list_vector_groups", ("Collection",), ["collection"]),
        ("list_set_groups", ("Collection",), ["collection"]),
        ("list_time_series_groups", ("Collection",), ["collection"]),
    ],
)
def test_metadata_argument_validation(db: Database, method: str, args: tuple[str, ...], names: list[str]) -> None:
    for position, name in enumerate(names):
        call_args: list[object] = list(args)
        call_args[position] = 42
        with pytest.raises(TypeError) as info:
            getattr(db, method)(*call_args)
        assert str(info.value) == f"Cannot {method}: argument '{name}' must be str, got int"
