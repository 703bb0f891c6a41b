"""query_dataframe: one native call (quiver_database_query_columns), columns typed by their values, numbers as
whole arrays, the statement run once, no value dropped, shifted or invented."""

from __future__ import annotations

import math

import numpy as np
import pytest

from quiverdb import Database, QuiverError

pd = pytest.importorskip("pandas")

ROWS = [(1, 1.5, 1, "a", None, 7), (None, None, 2.5, None, None, "y"), (-3, -0.25, None, "c", None, 0.1)]


@pytest.fixture
def table(db: Database) -> Database:
    db.query("CREATE TABLE t (id INTEGER PRIMARY KEY, i, r, m, s, n, x)")
    for row in ROWS:
        db.query("INSERT INTO t (i, r, m, s, n, x) VALUES (?, ?, ?, ?, ?, ?)", list(row))
    return db


def test_columns_typed_by_their_values(table: Database) -> None:
    frame = table.query_dataframe("SELECT i, r, m, s, n, x FROM t ORDER BY id")
    assert list(frame.columns) == ["i", "r", "m", "s", "n", "x"]
    assert [str(t) for t in frame.dtypes] == ["Int64", "float64", "float64", "object", "object", "object"]
    assert frame["i"].tolist() == [1, pd.NA, -3]
    assert frame["r"].isna().tolist() == [False, True, False] and frame["r"][2] == -0.25
    assert frame["m"].tolist()[:2] == [1.0, 2.5] and math.isnan(frame["m"][2])  # integers widened
    assert frame["s"].tolist() == ["a", None, "c"]
    assert frame["n"].tolist() == [None, None, None]
    dense = table.query_dataframe("SELECT id, r * 2 AS twice FROM t WHERE r IS NOT NULL ORDER BY id")
    assert str(dense["id"].dtype) == "int64" and dense["id"].tolist() == [1, 3]
    assert dense["twice"].tolist() == [3.0, -0.5]


def test_text_mixed_with_numbers_keeps_every_value_as_query_does(table: Database) -> None:
    table.query("INSERT INTO t (x) VALUES (9223372036854775807), (1e300), (9e999), (''), (1.0), (-0.0)")
    sql = "SELECT x FROM t ORDER BY id"
    cells = table.query_dataframe(sql)["x"].tolist()
    expected = [row[0] for row in table.query(sql)]
    assert cells == expected
    assert [type(cell) for cell in cells] == [type(cell) for cell in expected]
    assert cells[:4] == [7, "y", 0.1, 2**63 - 1] and cells[5] == math.inf and cells[6:8] == ["", 1.0]
    assert isinstance(cells[7], float)
    assert math.copysign(1.0, cells[-1]) == -1.0


def test_large_integers_exact_and_zero_rows(table: Database) -> None:
    big = table.query_dataframe("SELECT ? AS a UNION ALL SELECT ?", [2**63 - 1, -(2**63)])
    assert big["a"].dtype == np.int64 and big["a"].tolist() == [2**63 - 1, -(2**63)]
    none = table.query_dataframe("SELECT i, s FROM t WHERE 0")
    assert list(none.columns) == ["i", "s"] and len(none) == 0
    assert len(table.query_dataframe("CREATE TABLE u (a)").columns) == 0


def test_parameters_and_repeated_names(table: Database) -> None:
    frame = table.query_dataframe("SELECT s, ? AS k FROM t WHERE i > ? ORDER BY id", ["k", -10])
    assert frame["s"].tolist() == ["a", "c"] and frame["k"].tolist() == ["k", "k"]
    same = table.query_dataframe("SELECT s FROM t WHERE i > ?", parameters=[0])
    assert same["s"].tolist() == ["a"]
    twice = table.query_dataframe("SELECT 1 AS a, 2.5 AS a, 'x' AS a")
    assert list(twice.columns) == ["a", "a", "a"]
    assert twice.iloc[0].tolist() == [1, 2.5, "x"]


def test_runs_the_statement_once(table: Database) -> None:
    frame = table.query_dataframe("INSERT INTO t (i) VALUES (?), (?) RETURNING id, i", [10, 20])
    assert frame["id"].tolist() == [4, 5] and frame["i"].tolist() == [10, 20]
    assert table.query_integer("SELECT COUNT(*) FROM t") == 5


def test_numbers_do_not_go_through_rows(table: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_rows(*args: object, **kwargs: object) -> None:
        raise AssertionError("query_dataframe must not build rows")

    monkeypatch.setattr(Database, "query", no_rows)
    assert table.query_dataframe("SELECT i FROM t ORDER BY id")["i"].tolist() == [1, pd.NA, -3]


def test_parse_dates(table: Database) -> None:
    table.query("INSERT INTO t (s) VALUES ('2024-01-02T03:04:05.123456789Z')")
    frame = table.query_dataframe("SELECT s, n FROM t WHERE id = 4 OR s IS NULL ORDER BY id", parse_dates=["s", "n"])
    assert str(frame["s"].dtype) == "datetime64[us, UTC]" and str(frame["n"].dtype) == "datetime64[us, UTC]"
    assert frame["s"][0] is pd.NaT and frame["s"][1] == pd.Timestamp("2024-01-02T03:04:05.123456Z")
    with pytest.raises(QuiverError, match=r"^Cannot convert_date_times: invalid date-time 'a' for column 's' row 0: "):
        table.query_dataframe("SELECT s FROM t ORDER BY id", parse_dates=["s"])
    with pytest.raises(QuiverError, match=r"^Cannot columns_get_date_times: column 'i' is INTEGER, not STRING"):
        table.query_dataframe("SELECT i FROM t", parse_dates=["i"])
    with pytest.raises(TypeError, match="argument 'parse_dates' must be a list of str or None, got str"):
        table.query_dataframe("SELECT s FROM t", parse_dates="s")


def test_bad_input(table: Database) -> None:
    before = table.query("SELECT * FROM t ORDER BY id")
    with pytest.raises(QuiverError, match=r'^Failed to prepare statement: near "SELEC": syntax error$'):
        table.query_dataframe("SELEC 1")
    with pytest.raises(QuiverError, match=r"^Failed to execute statement: expected 1 bound parameter\(s\) but got 0$"):
        table.query_dataframe("SELECT ?")
    with pytest.raises(QuiverError, match="^Failed to execute statement: BLOB type not supported$"):
        table.query_dataframe("SELECT x'00'")
    with pytest.raises(QuiverError, match="^Cannot query_columns: NaN is not allowed for parameter 0$"):
        table.query_dataframe("INSERT INTO t (r) VALUES (?)", [math.nan])
    with pytest.raises(TypeError, match="argument 'sql' must be str"):
        table.query_dataframe(3)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="pass either 'params' or 'parameters', not both"):
        table.query_dataframe("SELECT ?", [1], parameters=[1])
    assert table.query("SELECT * FROM t ORDER BY id") == before
