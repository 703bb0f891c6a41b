"""Query mixin of ``Database``: ``query`` (every row) and the single-value ``query_*``, with or without parameters."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from quiverdb._c_api import ffi, get_lib
from quiverdb._database_base import DatabaseBase
from quiverdb._helpers import check, decode_string, parse_date_time, require_str
from quiverdb._marshal import marshal_params, pick_params
from quiverdb.metadata import DataType
from quiverdb.query_result import QueryResult

_INTEGER = int(DataType.INTEGER)
_FLOAT = int(DataType.FLOAT)
_STRING = int(DataType.STRING)


class DatabaseQuery(DatabaseBase):
    """Provides ``query``, ``query_string``, ``query_integer``, ``query_float``, ``query_date_time``."""

    def _query(self, op: str, kind: str, sql: object, params: object, parameters: object = None) -> Any:
        # The _params C functions with no parameters (NULL, NULL, 0) are the plain ones: one path.
        lib = get_lib()
        fn = getattr(lib, f"quiver_database_query_{kind}_params")
        has = ffi.new("int*")
        out = ffi.new({"string": "char**", "integer": "int64_t*"}.get(kind, "double*"))
        check(self._run_query(op, sql, params, parameters, lambda *args: fn(*args, out, has)))
        if kind == "string":
            try:
                return decode_string(out[0]) if has[0] else None
            finally:
                if out[0] != ffi.NULL:
                    lib.quiver_database_free_string(out[0])
        if not has[0]:
            return None
        return int(out[0]) if kind == "integer" else float(out[0])

    def query_string(
        self, sql: str, params: Sequence[Any] | None = None, *, parameters: Sequence[Any] | None = None
    ) -> str | None:
        """Run one SQL statement and return the first column of its first row as text.

        Args:
            sql: One SQL statement; ``?`` marks a parameter.
            params: Positional parameters (``int``, ``float``, ``str``, ``bool``, ``None``, numpy scalars,
                ``datetime``/``date``); a list, tuple or 1-D array; ``None`` or empty runs the statement without
                parameters.
            parameters: Upstream 0.10's name of ``params`` (give one of the two).

        Returns:
            The value; ``None`` when there is no row, the value is NULL or not text.

        Raises:
            QuiverError: The database is closed, the SQL fails to prepare or run, or a parameter is refused (e.g.
                NaN).
            TypeError: An argument has the wrong type (the message names it), or both ``params`` and ``parameters``
                are given; nothing is sent to the library.
            ValueError: A string argument holds a NUL character or is not valid UTF-8.
        """
        value: str | None = self._query("query_string", "string", sql, params, parameters)
        return value

    def query_integer(
        self, sql: str, params: Sequence[Any] | None = None, *, parameters: Sequence[Any] | None = None
    ) -> int | None:
        """Run one SQL statement and return the first column of its first row as an integer.

        Args:
            sql: One SQL statement; ``?`` marks a parameter.
            params: Positional parameters (``int``, ``float``, ``str``, ``bool``, ``None``, numpy scalars,
                ``datetime``/``date``); a list, tuple or 1-D array; ``None`` or empty runs the statement without
                parameters.
            parameters: Upstream 0.10's name of ``params`` (give one of the two).

        Returns:
            The value; ``None`` when there is no row or the value is NULL.

        Raises:
            QuiverError: The database is closed, the SQL fails to prepare or run, or a parameter is refused (e.g.
                NaN).
            TypeError: An argument has the wrong type (the message names it), or both ``params`` and ``parameters``
                are given; nothing is sent to the library.
            ValueError: A string argument holds a NUL character or is not valid UTF-8.
        """
        value: int | None = self._query("query_integer", "integer", sql, params, parameters)
        return value

    def query_float(
        self, sql: str, params: Sequence[Any] | None = None, *, parameters: Sequence[Any] | None = None
    ) -> float | None:
        """Run one SQL statement and return the first column of its first row as a float.

        Args:
            sql: One SQL statement; ``?`` marks a parameter.
            params: Positional parameters (``int``, ``float``, ``str``, ``bool``, ``None``, numpy scalars,
                ``datetime``/``date``); a list, tuple or 1-D array; ``None`` or empty runs the statement without
                parameters.
            parameters: Upstream 0.10's name of ``params`` (give one of the two).

        Returns:
            The value (an INTEGER result is converted); ``None`` when there is no row or the value is NULL.

        Raises:
            QuiverError: The database is closed, the SQL fails to prepare or run, or a parameter is refused (e.g.
                NaN).
            TypeError: An argument has the wrong type (the message names it), or both ``params`` and ``parameters``
                are given; nothing is sent to the library.
            ValueError: A string argument holds a NUL character or is not valid UTF-8.
        """
        value: float | None = self._query("query_float", "float", sql, params, parameters)
        return value

    def query_date_time(
        self, sql: str, params: Sequence[Any] | None = None, *, parameters: Sequence[Any] | None = None
    ) -> datetime | None:
        """Run one SQL statement and return the first column of its first row as a ``datetime``.

        Args:
            sql: One SQL statement; ``?`` marks a parameter.
            params: Positional parameters (``int``, ``float``, ``str``, ``bool``, ``None``, numpy scalars,
                ``datetime``/``date``); a list, tuple or 1-D array; ``None`` or empty runs the statement without
                parameters.
            parameters: Upstream 0.10's name of ``params`` (give one of the two).

        Returns:
            The text value parsed as ISO 8601, an aware UTC ``datetime``; ``None`` when there is no row or the value
            is NULL.

        Raises:
            QuiverError: The database is closed, the SQL fails to prepare or run, or a parameter is refused (e.g.
                NaN).
            TypeError: An argument has the wrong type (the message names it), or both ``params`` and ``parameters``
                are given; nothing is sent to the library.
            ValueError: A string argument holds a NUL character or is not valid UTF-8.
        """
        value = self._query("query_date_time", "string", sql, params, parameters)
        return None if value is None else parse_date_time("query_date_time", value)

    def query(
        self, sql: str, params: Sequence[Any] | None = None, *, parameters: Sequence[Any] | None = None
    ) -> QueryResult:
        """Run one SQL statement and return every row of its result (D25).

        Args:
            sql: One SQL statement (only the first statement of the text runs); ``?`` marks a parameter.
            params: Positional parameters, as for ``query_string``.
            parameters: Upstream 0.10's name of ``params`` (give one of the two).

        Returns:
            A ``QueryResult``: a list of tuples (``int``, ``float``, ``str`` or ``None`` by storage class; dates
            are not parsed) with the column names in ``columns``. A statement without result columns gives no
            columns and no rows.

        Raises:
            QuiverError: The database is closed, the SQL fails to prepare or run, the parameter count does not
                match, a value is a BLOB, or (in a dry run) the statement controls transactions.
            TypeError: An argument has the wrong type (the message names it), or both ``params`` and ``parameters``
                are given; nothing is sent to the library.
            ValueError: A string argument holds a NUL character or is not valid UTF-8.
        """
        lib = get_lib()
        out = ffi.new("quiver_result_t**")
        check(self._run_query("query", sql, params, parameters, lambda *args: lib.quiver_database_query(*args, out)))
        try:
            return _result_rows(lib, out[0])
        finally:
            lib.quiver_result_free(out[0])

    def _run_query(self, op: str, sql: object, params: object, parameters: object, call: Callable[..., int]) -> int:
        """The one path of the row queries: checks ``sql`` and the parameters, then returns
        ``call(db, sql, param_types, param_values, param_count)`` (a ``quiver_database_query*`` function with
        its out-parameter bound)."""
        self._ensure_open()
        c_sql = require_str(op, "sql", sql)
        marshalled = marshal_params(op, pick_params(op, params, parameters))
        if marshalled is None:
            return call(self._ptr, c_sql, ffi.NULL, ffi.NULL, 0)
        types, values, count, keepalive = marshalled
        status = call(self._ptr, c_sql, types, values, count)
        del keepalive
        return status


def _result_rows(lib: Any, result: Any) -> QueryResult:
    """Every cell of a ``quiver_result_t`` by its storage class."""
    count = ffi.new("size_t*")
    check(lib.quiver_result_row_count(result, count))
    n_rows = int(count[0])
    check(lib.quiver_result_column_count(result, count))
    n_columns = int(count[0])
    name = ffi.new("const char**")
    columns = []
    for c in range(n_columns):
        check(lib.quiver_result_column_name(result, c, name))
        columns.append(ffi.string(name[0]).decode("utf-8", "replace"))
    kind = ffi.new("int*")
    integer = ffi.new("int64_t*")
    real = ffi.new("double*")
    text = ffi.new("const char**")
    has = ffi.new("int*")
    rows: list[tuple[Any, ...]] = []
    for r in range(n_rows):
        row: list[Any] = []
        for c in range(n_columns):
            check(lib.quiver_result_value_type(result, r, c, kind))
            if kind[0] == _INTEGER:
                check(lib.quiver_result_get_integer(result, r, c, integer, has))
                row.append(int(integer[0]))
            elif kind[0] == _FLOAT:
                check(lib.quiver_result_get_float(result, r, c, real, has))
                row.append(float(real[0]))
            elif kind[0] == _STRING:
                check(lib.quiver_result_get_string(result, r, c, text))
                row.append(decode_string(text[0]))
            else:
                row.append(None)
        rows.append(tuple(row))
    return QueryResult(rows, columns)
