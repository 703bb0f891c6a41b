"""Scalar, vector and set reads (bulk and by id), ids and the date-time helpers."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from quiverdb import Database, QuiverError

UTC = timezone.utc


# ------------------------------------------------------------------------------------ scalars (D4)


def test_read_scalar_integers_keeps_null_positions(populated_db: Database) -> None:
    assert populated_db.read_scalar_integers("Collection", "some_integer") == [10, None, 30]


def test_read_scalar_floats_keeps_null_positions(populated_db: Database) -> None:
    values = populated_db.read_scalar_floats("Collection", "some_float")
    assert values == [1.5, None, 3.0]
    assert all(v is None or isinstance(v, float) for v in values)


def test_read_scalar_strings_keeps_null_positions(populated_db: Database) -> None:
    assert populated_db.read_scalar_strings("Collection", "some_string") == ["one", None, "three"]
    assert populated_db.read_scalar_strings("Collection", "label") == ["Item 1", "Item 2", "Item 3"]


def test_read_scalars_are_strict_about_storage_class(populated_db: Database) -> None:
    # A float reader widens INTEGER values (api-additions §11); other classes stay empty (§3.3).
    assert populated_db.read_scalar_floats("Collection", "some_integer") == [10.0, None, 30.0]
    assert populated_db.read_scalar_integers("Collection", "label") == [None, None, None]


def test_read_scalars_empty_collection(db: Database) -> None:
    assert db.read_scalar_integers("Collection", "some_integer") == []
    assert db.read_scalar_floats("Collection", "some_float") == []
    assert db.read_scalar_strings("Collection", "label") == []
    assert db.read_element_ids("Collection") == []


def test_read_scalars_aligned_with_ids_after_delete(populated_db: Database) -> None:
    populated_db.delete_element("Collection", 2)
    assert populated_db.read_element_ids("Collection") == [1, 3]
    assert populated_db.read_scalar_integers("Collection", "some_integer") == [10, 30]


def test_read_scalar_by_id(populated_db: Database) -> None:
    db = populated_db
    assert db.read_scalar_integer_by_id("Collection", "some_integer", 1) == 10
    assert db.read_scalar_integer_by_id("Collection", "some_integer", 2) is None
    assert db.read_scalar_integer_by_id("Collection", "some_integer", 99) is None
    assert db.read_scalar_float_by_id("Collection", "some_float", 3) == 3.0
    assert db.read_scalar_float_by_id("Collection", "some_float", 2) is None
    assert db.read_scalar_string_by_id("Collection", "some_string", 1) == "one"
    assert db.read_scalar_string_by_id("Collection", "some_string", 2) is None
    assert db.read_scalar_string_by_id("Configuration", "string_attribute", 1) == "hello"
    assert db.read_scalar_integer_by_id("Configuration", "integer_attribute", 1) == 6
    assert db.read_scalar_float_by_id("Configuration", "float_attribute", 1) == 3.14


def test_read_scalar_errors(populated_db: Database) -> None:
    with pytest.raises(QuiverError) as info:
        populated_db.read_scalar_integers("Collection", "nope")
    assert str(info.value) == "Cannot read_scalar_integers: column 'nope' not found in table 'Collection'"
    with pytest.raises(QuiverError) as info:
        populated_db.read_scalar_strings("Nope", "label")
    assert str(info.value) == "Cannot read_scalar_strings: collection not found: Nope"
    with pytest.raises(QuiverError) as info:
        populated_db.read_scalar_float_by_id("Collection", "nope", 1)
    assert str(info.value) == "Cannot read_scalar_float_by_id: column 'nope' not found in table 'Collection'"
    with pytest.raises(QuiverError) as info:
        populated_db.read_element_ids("Nope")
    assert str(info.value) == "Cannot read_element_ids: collection not found: Nope"


# ------------------------------------------------------------------------------------ vectors / sets (D5)


def test_read_vectors_bulk(populated_db: Database) -> None:
    db = populated_db
    assert db.read_vector_integers("Collection", "value_int") == [[1, 2, 3], [], [9]]
    assert db.read_vector_strings("Collection", "name_text") == [["a", "b", "c"], [], []]
    # Item 3's value_float is a NULL cell: refused, not skipped (D20).
    with pytest.raises(QuiverError) as info:
        db.read_vector_floats("Collection", "value_float")
    assert str(info.value) == (
        "Cannot read_vector_floats: element 3 has a NULL at vector_index 1 in 'value_float'; "
        "use read_vector_group_by_id to read NULL cells"
    )


def test_read_sets_bulk(populated_db: Database) -> None:
    db = populated_db
    assert [sorted(s) for s in db.read_set_strings("Collection", "tag")] == [["blue", "red"], [], []]
    assert [sorted(s) for s in db.read_set_integers("Collection", "code")] == [[3, 7], [], []]
    assert db.read_set_floats("Collection", "weight") == [[0.5], [], []]


def test_read_vectors_and_sets_empty_collection(db: Database) -> None:
    assert db.read_vector_integers("Collection", "value_int") == []
    assert db.read_vector_floats("Collection", "value_float") == []
    assert db.read_vector_strings("Collection", "name_text") == []
    assert db.read_set_integers("Collection", "code") == []
    assert db.read_set_floats("Collection", "weight") == []
    assert db.read_set_strings("Collection", "tag") == []


def test_read_vectors_and_sets_by_id(populated_db: Database) -> None:
    db = populated_db
    assert db.read_vector_integers_by_id("Collection", "value_int", 1) == [1, 2, 3]
    assert db.read_vector_integers_by_id("Collection", "value_int", 2) == []
    assert db.read_vector_integers_by_id("Collection", "value_int", 99) == []
    assert db.read_vector_floats_by_id("Collection", "value_float", 1) == [1.5, 2.5, 3.5]
    with pytest.raises(QuiverError) as info:  # a NULL cell (D20)
        db.read_vector_floats_by_id("Collection", "value_float", 3)
    assert str(info.value).startswith("Cannot read_vector_floats_by_id: element 3 has a NULL at vector_index 1")
    assert db.read_vector_strings_by_id("Collection", "name_text", 1) == ["a", "b", "c"]
    assert db.read_vector_strings_by_id("Collection", "name_text", 2) == []
    assert sorted(db.read_set_strings_by_id("Collection", "tag", 1)) == ["blue", "red"]
    assert db.read_set_strings_by_id("Collection", "tag", 2) == []
    assert sorted(db.read_set_integers_by_id("Collection", "code", 1)) == [3, 7]
    assert db.read_set_integers_by_id("Collection", "code", 3) == []
    assert db.read_set_floats_by_id("Collection", "weight", 1) == [0.5]
    assert db.read_set_floats_by_id("Collection", "weight", 2) == []


def test_read_vector_and_set_errors(populated_db: Database) -> None:
    with pytest.raises(QuiverError) as info:
        populated_db.read_vector_integers("Collection", "nope")
    assert str(info.value) == "Vector attribute not found: 'nope' in collection 'Collection'"
    with pytest.raises(QuiverError) as info:
        populated_db.read_set_strings_by_id("Collection", "nope", 1)
    assert str(info.value) == "Set attribute not found: 'nope' in collection 'Collection'"


# ------------------------------------------------------------------------------------ date-times


def test_read_scalar_date_time_by_id(populated_db: Database) -> None:
    db = populated_db
    value = db.read_scalar_date_time_by_id("Collection", "date_start", 1)
    assert value == datetime(2024, 1, 1, tzinfo=UTC)
    assert value.tzinfo is UTC
    assert db.read_scalar_date_time_by_id("Collection", "date_start", 2) is None
    assert db.read_scalar_date_time_by_id("Configuration", "date_attribute", 1) == datetime(
        2024, 1, 2, 3, 4, 5, tzinfo=UTC
    )


def test_read_vector_date_time_by_id_accepts_both_separators(populated_db: Database) -> None:
    assert populated_db.read_vector_date_time_by_id("Collection", "date_event", 1) == [
        datetime(2024, 1, 1, tzinfo=UTC),
        datetime(2024, 2, 1, 12, 30, tzinfo=UTC),
        datetime(2024, 3, 1, tzinfo=UTC),
    ]
    assert populated_db.read_vector_date_time_by_id("Collection", "date_event", 2) == []


def test_read_set_date_time_by_id(populated_db: Database) -> None:
    assert populated_db.read_set_date_time_by_id("Collection", "date_milestone", 1) == [
        datetime(2025, 1, 1, tzinfo=UTC)
    ]
    assert populated_db.read_set_date_time_by_id("Collection", "date_milestone", 3) == []


def test_malformed_date_time_raises_value_error(db: Database) -> None:
    # Writes refuse it (D22), so a malformed stored date can only come from raw SQL.
    i = db.create_element("Collection", label="x")
    db.query_string("UPDATE Collection SET date_start = 'not a date' WHERE id = ?", params=[i])
    with pytest.raises(ValueError):
        db.read_scalar_date_time_by_id("Collection", "date_start", i)


# ------------------------------------------------------------------------------------ argument validation

STR_ARGUMENT_CASES = [
    ("read_scalar_integers", ("Collection", "some_integer"), ["collection", "attribute"]),
    ("read_scalar_floats", ("Collection", "some_float"), ["collection", "attribute"]),
    ("read_scalar_strings", ("Collection", "label"), ["collection", "attribute"]),
    ("read_scalar_integer_by_id", ("Collection", "some_integer", 1), ["collection", "attribute"]),
    ("read_scalar_float_by_id", ("Collection", "some_float", 1), ["collection", "attribute"]),
    ("read_scalar_string_by_id", ("Collection", "label", 1), ["collection", "attribute"]),
    ("read_element_ids", ("Collection",), ["collection"]),
    ("read_vector_integers", ("Collection", "value_int"), ["collection", "attribute"]),
    ("read_vector_floats", ("Collection", "value_float"), ["collection", "attribute"]),
    ("read_vector_strings", ("Collection", "name_text"), ["collection", "attribute"]),
    ("read_vector_integers_by_id", ("Collection", "value_int", 1), ["collection", "attribute"]),
    ("read_vector_floats_by_id", ("Collection", "value_float", 1), ["collection", "attribute"]),
    ("read_vector_strings_by_id", ("Collection", "name_text", 1), ["collection", "attribute"]),
    ("read_set_integers", ("Collection", "code"), ["collection", "attribute"]),
    ("read_set_floats", ("Collection", "weight"), ["collection", "attribute"]),
    ("read_set_strings", ("Collection", "tag"), ["collection", "attribute"]),
    ("read_set_integers_by_id", ("Collection", "code", 1), ["collection", "attribute"]),
    ("read_set_floats_by_id", ("Collection", "weight", 1), ["collection", "attribute"]),
    ("read_set_strings_by_id", ("Collection", "tag", 1), ["collection", "attribute"]),
    ("read_scalar_date_time_by_id", ("Collection", "date_start", 1), ["collection", "attribute"]),
    ("read_vector_date_time_by_id", ("Collection", "date_event", 1), ["collection", "attribute"]),
    ("read_set_date_time_by_id", ("Collection", "date_milestone", 1), ["collection", "attribute"]),
]


@pytest.mark.parametrize(("method", "args", "names"), STR_ARGUMENT_CASES, ids=[c[0] for c in STR_ARGUMENT_CASES])
def test_str_arguments_validated(db: Database, method: str, args: tuple[object, ...], names: list[str]) -> None:
    for position, name in enumerate(names):
        for bad in (None, 1, b"x", ["x"]):
            call_args = list(args)
            call_args[position] = bad
            with pytest.raises(TypeError) as info:
                getattr(db, method)(*call_args)
            assert str(info.value) == f"Cannot {method}: argument '{name}' must be str, got {type(bad).__name__}"


ID_CASES = [c for c in STR_ARGUMENT_CASES if len(c[1]) == 3]


@pytest.mark.parametrize(("method", "args", "names"), ID_CASES, ids=[c[0] for c in ID_CASES])
def test_id_argument_validated(db: Database, method: str, args: tuple[object, ...], names: list[str]) -> None:
    for bad in (True, False, "1", 1.0, None):
        with pytest.raises(TypeError) as info:
            getattr(db, method)(args[0], args[1], bad)
        assert str(info.value) == f"Cannot {method}: argument 'id' must be int, got {type(bad).__name__}"
