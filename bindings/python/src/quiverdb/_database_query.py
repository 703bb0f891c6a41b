"""Query mixin of ``Database``: single-value SQL queries, with or without parameters."""

from __future__ import annotations

from datetime import datetime
from collections.abc import Sequence
from typing import Any

from quiverdb._c_api import ffi, get_lib
from quiverdb._database_base import DatabaseBase
from quiverdb._helpers import check, decode_string, parse_date_time, require_str
from quiverdb._marshal import marshal_params, pick_params


class DatabaseQuery(DatabaseBase):
    """Provides ``query_string``, ``query_integer``, ``query_float``, ``query_date_time``."""

    def _query(self, op: str, kind: str, sql: object, params: object, parameters: object = None) -> Any:
        self._ensure_open()
        c_sql = require_str(op, "sql", sql)
        marshalled = marshal_params(op, pick_params(op, params, parameters))
        lib = get_lib()
        has = ffi.new("int*")
        if kind == "string":
            out = ffi.new("char**")
        elif kind == "integer":
            out = ffi.new("int64_t*")
        else:
            out = ffi.new("double*")
        if marshalled is None:
            fn = getattr(lib, f"quiver_database_query_{kind}")
            check(fn(self._ptr, c_sql, out, has))
        else:
            types, values, count, keepalive = marshalled
            fn = getattr(lib, f"quiver_database_query_{kind}_params")
            check(fn(self._ptr, c_sql, types, values, count, out, has))
            del keepalive
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
