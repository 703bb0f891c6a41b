"""create_element, update_element, delete_element."""

from __future__ import annotations

import pytest

from quiverdb import Database, QuiverError


def test_create_returns_ids(db: Database) -> None:
    assert db.create_element("Configuration", label="cfg") == 1
    assert db.create_element("Collection", label="a") == 1
    assert db.create_element("Collection", label="b") == 2
    assert db.read_element_ids("Collection") == [1, 2]


def test_create_scalars_of_every_type(db: Database) -> None:
    i = db.create_element(
        "Collection", label="a", some_integer=7, some_float=2.5, some_string="txt", date_start="2024-05-06T07:08:09"
    )
    assert db.read_scalar_integer_by_id("Collection", "some_integer", i) == 7
    assert db.read_scalar_float_by_id("Collection", "some_float", i) == 2.5
    assert db.read_scalar_string_by_id("Collection", "some_string", i) == "txt"
    assert db.read_scalar_string_by_id("Collection", "date_start", i) == "2024-05-06T07:08:09"


def test_create_bool_is_integer_and_none_is_null(db: Database) -> None:
    i = db.create_element("Collection", label="a", some_integer=True, some_float=None)
    assert db.read_scalar_integer_by_id("Collection", "some_integer", i) == 1
    assert db.read_scalar_float_by_id("Collection", "some_float", i) is None


def test_create_int_into_real_column(db: Database) -> None:
    i = db.create_element("Collection", label="a", some_float=3)
    assert db.read_scalar_float_by_id("Collection", "some_float", i) == 3.0
    assert db.read_scalar_floats("Collection", "some_float") == [3.0]


def test_create_float_into_integer_column_rejected(db: Database) -> None:
    with pytest.raises(QuiverError) as info:
        db.create_element("Collection", label="a", some_integer=1.5)
    assert str(info.value) == (
        "Cannot create_element: type mismatch for column 'some_integer': expected INTEGER, got REAL"
    )
    assert db.read_element_ids("Collection") == []


def test_create_string_into_integer_column_rejected(db: Database) -> None:
    with pytest.raises(QuiverError) as info:
        db.create_element("Collection", label="a", some_integer="x")
    assert (
        str(info.value)
        == "Cannot resolve attribute: 'some_integer' is INTEGER but received string 'x' (not a foreign key)"
    )


def test_create_strings_are_trimmed(db: Database) -> None:
    i = db.create_element("Collection", label="  a \n", some_string="\t b ")
    assert db.read_scalar_string_by_id("Collection", "label", i) == "a"
    assert db.read_scalar_string_by_id("Collection", "some_string", i) == "b"


def test_create_with_arrays(db: Database) -> None:
    i = db.create_element("Collection", label="x", some_integer=1, value_int=[1, 2, 3], tag=["a", "b"])
    assert db.read_vector_integers_by_id("Collection", "value_int", i) == [1, 2, 3]
    assert sorted(db.read_set_strings_by_id("Collection", "tag", i)) == ["a", "b"]


def test_create_float_array_widens_ints(db: Database) -> None:
    i = db.create_element("Collection", label="x", value_float=[1, 2.5, 3])
    assert db.read_vector_floats_by_id("Collection", "value_float", i) == [1.0, 2.5, 3.0]


def test_create_int_array_into_real_column(db: Database) -> None:
    i = db.create_element("Collection", label="x", value_float=[1, 2])
    assert db.read_vector_floats_by_id("Collection", "value_float", i) == [1.0, 2.0]


def test_create_float_array_into_integer_column_rejected(db: Database) -> None:
    with pytest.raises(QuiverError) as info:
        db.create_element("Collection", label="x", value_int=[1.5])
    assert (
        str(info.value)
        == "Cannot create_element: type mismatch for array 'value_int' index 0: expected INTEGER, got REAL"
    )


def test_create_foreign_key_by_label(db: Database) -> None:
    owner = db.create_element("Owner", label="Alice")
    i = db.create_element("Collection", label="x", owner_id="Alice")
    assert db.read_scalar_integer_by_id("Collection", "owner_id", i) == owner
    with pytest.raises(QuiverError) as info:
        db.create_element("Collection", label="y", owner_id="Nobody")
    assert str(info.value) == "Failed to resolve label 'Nobody' to ID in table 'Owner'"
    with pytest.raises(QuiverError) as info:
        db.create_element("Collection", label="z", owner_id=99)
    assert str(info.value) == "Failed to execute statement: FOREIGN KEY constraint failed"


def test_create_time_series_through_arrays(db: Database) -> None:
    i = db.create_element(
        "Collection", label="x", date_time=["2024-01-01T00:00:00", "2024-01-02T00:00:00"], temperature=[1.5, 2.5]
    )
    rows = db.read_time_series_group("Collection", "readings", i)
    assert [r["date_time"] for r in rows] == ["2024-01-01T00:00:00", "2024-01-02T00:00:00"]
    assert [r["temperature"] for r in rows] == [1.5, 2.5]


def test_create_errors(db: Database) -> None:
    with pytest.raises(QuiverError) as info:
        db.create_element("Collection")
    assert str(info.value) == "Cannot create_element: element must have at least one scalar attribute"
    with pytest.raises(QuiverError) as info:
        db.create_element("Collection", value_int=[1])
    assert str(info.value) == "Cannot create_element: element must have at least one scalar attribute"
    with pytest.raises(QuiverError) as info:
        db.create_element("Nope", label="x")
    assert str(info.value) == "Cannot create_element: collection not found: Nope"
    with pytest.raises(QuiverError) as info:
        db.create_element("Collection", label="x", nope=1)
    assert str(info.value) == "Cannot create_element: column 'nope' not found in table 'Collection'"
    with pytest.raises(QuiverError) as info:
        db.create_element("Collection", label="x", value_int=[])
    assert str(info.value) == "Cannot create_element: empty array not allowed for 'value_int'"
    with pytest.raises(QuiverError) as info:
        db.create_element("Collection", label="x", nope=[1])
    assert str(info.value) == (
        "Cannot create_element: array 'nope' does not match any vector, set, or time series table in collection 'Collection'"
    )
    with pytest.raises(QuiverError) as info:
        db.create_element("Collection", label="x", value_int=[1, 2], value_float=[1.0])
    assert str(info.value) == (
        "Cannot create_element: vector columns in table 'Collection_vector_values' must have the same length"
    )
    db.create_element("Collection", label="dup")
    with pytest.raises(QuiverError) as info:
        db.create_element("Collection", label="dup")
    assert str(info.value) == "Failed to execute statement: UNIQUE constraint failed: Collection.label"
    assert db.read_scalar_strings("Collection", "label") == ["dup"]


def test_create_argument_validation(db: Database) -> None:
    with pytest.raises(TypeError) as info:
        db.create_element(1, label="x")  # type: ignore[arg-type]
    assert str(info.value) == "Cannot create_element: argument 'collection' must be str, got int"
    with pytest.raises(TypeError) as info:
        db.create_element("Collection", label="x", some_integer={1, 2})
    assert str(info.value) == "Cannot set: Unsupported type set for Element.set('some_integer')"
    with pytest.raises(TypeError) as info:
        db.create_element("Collection", label="x", value_int=[1, "a"])
    assert str(info.value) == "Cannot set: Unsupported array element type str at index 1 for Element.set('value_int')"
    assert db.read_element_ids("Collection") == []


def test_update_scalars(db: Database) -> None:
    i = db.create_element("Collection", label="a", some_integer=1, some_string="s")
    assert db.update_element("Collection", i, some_integer=2, some_string=None) is None
    assert db.read_scalar_integer_by_id("Collection", "some_integer", i) == 2
    assert db.read_scalar_string_by_id("Collection", "some_string", i) is None
    assert db.read_scalar_string_by_id("Collection", "label", i) == "a"


def test_update_arrays_replace_and_clear(db: Database) -> None:
    i = db.create_element("Collection", label="a", value_int=[1, 2, 3], tag=["x"])
    db.update_element("Collection", i, value_int=[9, 8])
    assert db.read_vector_integers_by_id("Collection", "value_int", i) == [9, 8]
    db.update_element("Collection", i, value_int=[], tag=[])
    assert db.read_vector_integers_by_id("Collection", "value_int", i) == []
    assert db.read_set_strings_by_id("Collection", "tag", i) == []


def test_update_errors(db: Database) -> None:
    i = db.create_element("Collection", label="a")
    with pytest.raises(QuiverError) as info:
        db.update_element("Collection", 99, some_integer=1)
    assert str(info.value) == "Element not found: 99 in collection 'Collection'"
    with pytest.raises(QuiverError) as info:
        db.update_element("Collection", i)
    assert str(info.value) == "Cannot update_element: element must have at least one attribute to update"
    with pytest.raises(QuiverError) as info:
        db.update_element("Collection", i, value_int=[1.5])
    assert (
        str(info.value)
        == "Cannot update_element: type mismatch for array 'value_int' index 0: expected INTEGER, got REAL"
    )
    with pytest.raises(QuiverError) as info:
        db.update_element("Collection", i, nope=[1])
    assert str(info.value) == (
        "Cannot update_element: attribute 'nope' is not a vector, set, or time series attribute in collection 'Collection'"
    )


def test_update_argument_validation(db: Database) -> None:
    for bad, name in ((True, "bool"), ("1", "str"), (1.0, "float"), (None, "NoneType")):
        with pytest.raises(TypeError) as info:
            db.update_element("Collection", bad, label="x")  # type: ignore[arg-type]
        assert str(info.value) == f"Cannot update_element: argument 'id' must be int, got {name}"
    with pytest.raises(TypeError) as info:
        db.update_element(None, 1, label="x")  # type: ignore[arg-type]
    assert str(info.value) == "Cannot update_element: argument 'collection' must be str, got NoneType"
    with pytest.raises(TypeError) as info:
        db.update_element("Collection", 1, label=object())
    assert str(info.value) == "Cannot set: Unsupported type object for Element.set('label')"


def test_delete(db: Database) -> None:
    a = db.create_element("Collection", label="a", value_int=[1])
    b = db.create_element("Collection", label="b")
    assert db.delete_element("Collection", a) is None
    assert db.read_element_ids("Collection") == [b]
    assert db.read_vector_integers("Collection", "value_int") == [[]]
    with pytest.raises(QuiverError) as info:
        db.delete_element("Collection", a)
    assert str(info.value) == f"Element not found: {a} in collection 'Collection'"


def test_delete_sets_foreign_keys_null(db: Database) -> None:
    owner = db.create_element("Owner", label="Alice")
    i = db.create_element("Collection", label="x", owner_id=owner)
    db.delete_element("Owner", owner)
    assert db.read_scalar_integer_by_id("Collection", "owner_id", i) is None


def test_delete_argument_validation(db: Database) -> None:
    with pytest.raises(TypeError) as info:
        db.delete_element("Collection", "1")  # type: ignore[arg-type]
    assert str(info.value) == "Cannot delete_element: argument 'id' must be int, got str"
    with pytest.raises(TypeError) as info:
        db.delete_element(b"Collection", 1)  # type: ignore[arg-type]
    assert str(info.value) == "Cannot delete_element: argument 'collection' must be str, got bytes"


def test_whitespace_only_string_is_stored_as_empty_string(db: Database) -> None:
    i = db.create_element("Collection", label="a", some_string="   ", tag=[" "])
    assert db.read_scalar_string_by_id("Collection", "some_string", i) == ""
    assert db.read_set_strings_by_id("Collection", "tag", i) == [""]
    assert db.query_string("SELECT ?", params=["  "]) == ""
