"""The date readers parse exactly the D22 grammar; query_* take params positionally or as parameters= (D25)."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from quiverdb import Database


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-01-02", datetime(2024, 1, 2, tzinfo=timezone.utc)),
        ("2024-01-02T03", datetime(2024, 1, 2, 3, tzinfo=timezone.utc)),
        ("2024-01-02 03:04", datetime(2024, 1, 2, 3, 4, tzinfo=timezone.utc)),
        ("2024-01-02T03:04:05Z", datetime(2024, 1, 2, 3, 4, 5, tzinfo=timezone.utc)),
        ("2024-01-02T03:04:05.1", datetime(2024, 1, 2, 3, 4, 5, 100000, tzinfo=timezone.utc)),
        ("2024-01-02T03:04:05.123456789Z", datetime(2024, 1, 2, 3, 4, 5, 123456, tzinfo=timezone.utc)),
        ("2024-02-29", datetime(2024, 2, 29, tzinfo=timezone.utc)),
    ],
)
def test_date_readers_accept_the_grammar(db: Database, text: str, expected: datetime) -> None:
    assert db.query_date_time("SELECT ?", [text]) == expected


@pytest.mark.parametrize(
    "text",
    [
        "15/01/2020", "yesterday", "2024-1-02", "2023-02-29", "2024-01-02T24:00", "2024-01-02T03:60",
        "2024-01-02Z", "2024-01-02T03:04.5", "2024-01-02T03:04:05.1234567890", "2024-01-02T03:04:05+01:00",
        "0000-01-01", "２０２４-01-02", "2024-01-02T", "2024-01-02x",
    ],
)  # fmt: skip
def test_date_readers_refuse_everything_else(db: Database, text: str) -> None:
    with pytest.raises(ValueError) as info:
        db.query_date_time("SELECT ?", [text])
    assert str(info.value) == f"Cannot query_date_time: invalid date-time '{text}'"


def test_params_positional_and_parameters_alias(db: Database) -> None:
    assert db.query_integer("SELECT ? + 1", [1]) == 2
    assert db.query_integer("SELECT ? + 1", params=[1]) == 2
    assert db.query_integer("SELECT ? + 1", parameters=(1,)) == 2
    assert db.query_string("SELECT ?", parameters=["a"]) == "a"
    assert db.query_float("SELECT ?", None, parameters=[1.5]) == 1.5
    for method in ("query_string", "query_integer", "query_float", "query_date_time"):
        with pytest.raises(TypeError) as info:
            getattr(db, method)("SELECT ?", [1], parameters=[1])
        assert str(info.value) == f"Cannot {method}: pass either 'params' or 'parameters', not both"
