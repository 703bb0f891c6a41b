"""``QueryResult``: the rows of ``Database.query`` (a list of tuples) with their column names."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any


class QueryResult(list[tuple[Any, ...]]):
    """The rows of a query, a ``list`` of tuples (``int``, ``float``, ``str`` or ``None`` cells), plus ``columns``.

    Dates are not parsed: a DATE_TIME cell is its stored text. Compares equal to a plain list of
    the same tuples.

    Args:
        rows: The rows, each a tuple.
        columns: The column names.

    Attributes:
        columns: The result's column names, in order (``AS`` aliases as SQLite reports them);
            available when there are no rows.
    """

    columns: tuple[str, ...]

    def __init__(self, rows: Iterable[tuple[Any, ...]] = (), columns: Iterable[str] = ()) -> None:
        super().__init__(rows)
        self.columns = tuple(columns)

    def __repr__(self) -> str:
        return f"QueryResult({list.__repr__(self)}, columns={self.columns!r})"
