"""query_* (with and without parameters) and transactions."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from quiverdb import Database, QuiverError

# ------------------------------------------------------------------------------------ queries


def test_query_without_params(populated_db: Database) -> None:
    db = populated_db
    assert db.query_string("SELECT label FROM Collection WHERE id = 1") == "Item 1"
    assert db.query_integer("SELECT COUNT(*) FROM Collection") == 3
    assert db.query_float("SELECT some_float FROM Collection WHERE id = 1") == 1.5
    assert db.query_string("SELECT label FROM Collection WHERE id = 99") is None
    assert db.query_integer("SELECT NULL") is None
    assert db.query_float("SELECT NULL") is None


def test_query_float_converts_integer(db: Database) -> None:
    value = db.query_float("SELECT 42")
    assert value == 42.0 and isinstance(value, float)


def test_query_typed_results_are_strict(db: Database) -> None:
    assert db.query_integer("SELECT 'abc'") is None
    assert db.query_integer("SELECT 1.5") is None
    assert db.query_string("SELECT 1") is None


def test_query_with_params(populated_db: Database) -> None:
    db = populated_db
    assert db.query_string("SELECT label FROM Collection WHERE id = ?", params=[2]) == "Item 2"
    assert db.query_integer("SELECT id FROM Collection WHERE label = ?", params=["Item 3"]) == 3
    assert db.query_integer("SELECT id FROM Collection WHERE label = ?", params=("  Item 3 ",)) == 3
    assert db.query_float("SELECT ? * 2", params=[1.25]) == 2.5
    assert db.query_integer("SELECT ? IS NULL", params=[None]) == 1
    assert db.query_integer("SELECT ? + ?", params=[True, 2]) == 3
    assert db.query_string("SELECT ? || ?", params=["a", "b"]) == "ab"


def test_query_empty_params_use_plain_call(db: Database) -> None:
    assert db.query_integer("SELECT 7", params=[]) == 7
    assert db.query_integer("SELECT 7", params=None) == 7
    with pytest.raises(QuiverError) as info:
        db.query_integer("SELECT ?", params=[])
    assert str(info.value) == "Failed to execute statement: expected 1 bound parameter(s) but got 0"


def test_query_parameter_count_checked(db: Database) -> None:
    with pytest.raises(QuiverError) as info:
        db.query_integer("SELECT ?", params=[1, 2])
    assert str(info.value) == "Failed to execute statement: expected 1 bound parameter(s) but got 2"


def test_query_writes_and_returning(db: Database) -> None:
    new_id = db.query_integer("INSERT INTO Collection (label) VALUES (?) RETURNING id", params=["q"])
    assert new_id == 1
    assert db.read_scalar_strings("Collection", "label") == ["q"]


def test_query_errors(db: Database) -> None:
    with pytest.raises(QuiverError) as info:
        db.query_string("SELEC 1")
    assert str(info.value) == 'Failed to prepare statement: near "SELEC": syntax error'
    with pytest.raises(QuiverError) as info:
        db.query_string("SELECT x'00'")
    assert str(info.value) == "Failed to execute statement: BLOB type not supported"


def test_query_date_time(db: Database) -> None:
    assert db.query_date_time("SELECT '2024-03-04T05:06:07'") == datetime(2024, 3, 4, 5, 6, 7, tzinfo=timezone.utc)
    assert db.query_date_time("SELECT ?", params=["2024-03-04 05:06"]) == datetime(
        2024, 3, 4, 5, 6, tzinfo=timezone.utc
    )
    assert db.query_date_time("SELECT NULL") is None
    with pytest.raises(ValueError):
        db.query_date_time("SELECT 'garbage'")


@pytest.mark.parametrize("method", ["query_string", "query_integer", "query_float", "query_date_time"])
def test_query_argument_validation(db: Database, method: str) -> None:
    fn = getattr(db, method)
    with pytest.raises(TypeError) as info:
        fn(1)
    assert str(info.value) == f"Cannot {method}: argument 'sql' must be str, got int"
    with pytest.raises(TypeError) as info:
        fn("SELECT ?", params={"a": 1})
    assert str(info.value) == f"Cannot {method}: argument 'params' must be a list, got dict"
    with pytest.raises(TypeError) as info:
        fn("SELECT ?", params="x")
    assert str(info.value) == f"Cannot {method}: argument 'params' must be a list, got str"
    with pytest.raises(TypeError) as info:
        fn("SELECT ?, ?", params=[1, b"x"])
    assert str(info.value) == (
        f"Cannot {method}: params[1]: Unsupported parameter type: bytes. Expected int, float, str, or None."
    )
    with pytest.raises(TypeError) as info:
        fn("SELECT ?", params=[[1]])
    assert str(info.value) == (
        f"Cannot {method}: params[0]: Unsupported parameter type: list. Expected int, float, str, or None."
    )
    with pytest.raises(QuiverError) as error:  # params may be positional (D25): the library counts them
        fn("SELECT 1", [1])
    assert str(error.value) == "Failed to execute statement: expected 0 bound parameter(s) but got 1"


# ------------------------------------------------------------------------------------ transactions


def test_explicit_transaction_commit(db: Database) -> None:
    assert db.in_transaction() is False
    assert db.begin_transaction() is None
    assert db.in_transaction() is True
    db.create_element("Collection", label="a")
    assert db.commit() is None
    assert db.in_transaction() is False
    assert db.read_scalar_strings("Collection", "label") == ["a"]


def test_explicit_transaction_rollback(db: Database) -> None:
    db.begin_transaction()
    db.create_element("Collection", label="a")
    assert db.rollback() is None
    assert db.in_transaction() is False
    assert db.read_element_ids("Collection") == []


def test_transaction_errors(db: Database) -> None:
    with pytest.raises(QuiverError) as info:
        db.commit()
    assert str(info.value) == "Cannot commit: no active transaction"
    with pytest.raises(QuiverError) as info:
        db.rollback()
    assert str(info.value) == "Cannot rollback: no active transaction"
    db.begin_transaction()
    with pytest.raises(QuiverError) as info:
        db.begin_transaction()
    assert str(info.value) == "Cannot begin_transaction: transaction already active"
    db.rollback()


def test_failed_write_inside_transaction_keeps_it_usable(db: Database) -> None:
    db.begin_transaction()
    db.create_element("Collection", label="a")
    with pytest.raises(QuiverError):
        db.create_element("Collection", label="a")
    assert db.in_transaction() is True
    db.create_element("Collection", label="b")
    db.commit()
    assert db.read_scalar_strings("Collection", "label") == ["a", "b"]


def test_transaction_context_manager_commits_and_yields_self(db: Database) -> None:
    with db.transaction() as tx:
        assert tx is db
        assert db.in_transaction() is True
        db.create_element("Collection", label="a")
    assert db.in_transaction() is False
    assert db.read_scalar_strings("Collection", "label") == ["a"]


def test_transaction_context_manager_rolls_back_and_reraises(db: Database) -> None:
    with pytest.raises(RuntimeError, match="boom"):
        with db.transaction():
            db.create_element("Collection", label="a")
            raise RuntimeError("boom")
    assert db.in_transaction() is False
    assert db.read_element_ids("Collection") == []


def test_transaction_context_manager_base_exception(db: Database) -> None:
    with pytest.raises(KeyboardInterrupt):
        with db.transaction():
            db.create_element("Collection", label="a")
            raise KeyboardInterrupt
    assert db.in_transaction() is False
    assert db.read_element_ids("Collection") == []


def test_transaction_context_manager_swallows_rollback_errors(db: Database) -> None:
    with pytest.raises(ValueError, match="inner"):
        with db.transaction():
            db.rollback()  # the transaction is gone: the context manager's rollback fails
            raise ValueError("inner")
    assert db.in_transaction() is False


def test_transaction_context_manager_cannot_nest(db: Database) -> None:
    with db.transaction():
        with pytest.raises(QuiverError) as info:
            with db.transaction():
                pass
        assert str(info.value) == "Cannot begin_transaction: transaction already active"
        assert db.in_transaction() is True
    assert db.in_transaction() is False
