"""The stored truth, read past the library with the stdlib ``sqlite3`` module (committed data only)."""

from __future__ import annotations

import sqlite3

from quiverdb import Database


def raw_rows(db: Database) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, sorted, keyed by table name."""
    with sqlite3.connect(db.path()) as raw:
        tables = [r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        return {t: sorted(raw.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr) for t in tables}


def raw(db: Database, sql: str, params: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    """The rows of one query."""
    with sqlite3.connect(db.path()) as connection:
        return connection.execute(sql, params).fetchall()
