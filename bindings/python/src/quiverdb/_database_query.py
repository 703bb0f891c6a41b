"""Query mixin of ``Database``: single-value SQL queries, with or without parameters."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from quiverdb._c_api import ffi, get_lib
from quiverdb._database_base import DatabaseBase
from quiverdb._helpers import check, decode_string, marshal_params, parse_date_time, require_str


class DatabaseQuery(DatabaseBase):
    """Provides ``query_string``, ``query_integer``, ``query_float``, ``query_date_time``."""

    def _query(self, op: str, kind: str, sql: object, params: object) -> Any:
        self._ensure_open()
        c_sql = require_str(op, "sql", sql)
        marshalled = marshal_params(op, params)
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

    def query_string(self, sql: str, *, params: list | None = None) -> str | None:
        """First column of the first row as text (``None`` for no row, NULL or another type)."""
        return self._query("query_string", "string", sql, params)

    def query_integer(self, sql: str, *, params: list | None = None) -> int | None:
        """First column of the first row as an integer."""
        return self._query("query_integer", "integer", sql, params)

    def query_float(self, sql: str, *, params: list | None = None) -> float | None:
        """First column of the first row as a float (INTEGER results are converted)."""
        return self._query("query_float", "float", sql, params)

    def query_date_time(self, sql: str, *, params: list | None = None) -> datetime | None:
        """``query_string`` parsed as an aware UTC datetime."""
        value = self._query("query_date_time", "string", sql, params)
        return None if value is None else parse_date_time(value)
