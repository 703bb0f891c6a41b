"""Lifecycle mixin of ``Database``: close, context manager, path, version, health, describe.

The factories (``from_schema``, ``from_migrations``, ``open``) live on ``Database`` itself
(``quiverdb.database``) because they construct it.
"""

from __future__ import annotations

import warnings

from quiverdb._c_api import ffi, get_lib
from quiverdb._database_base import DatabaseBase, DatabaseSelf
from quiverdb._helpers import check, decode_string


class DatabaseLifecycle(DatabaseBase):
    """Provides ``close``, ``path``, ``current_version``, ``is_healthy``, ``describe``; mixed into ``Database``."""

    def close(self) -> None:
        """Close the database (idempotent)."""
        if self._closed:
            return
        ptr = self._ptr
        self._ptr = ffi.NULL
        self._closed = True
        check(get_lib().quiver_database_close(ptr))

    def __enter__(self: DatabaseSelf) -> DatabaseSelf:
        return self

    def __exit__(self, *args: object) -> None:
        self.close()

    def __del__(self) -> None:
        if not getattr(self, "_closed", True):
            warnings.warn("Database was not closed explicitly", ResourceWarning, stacklevel=2)
            self.close()

    def __repr__(self) -> str:
        if self._closed:
            return "Database(closed)"
        return f"Database(path='{self.path()}')"

    def path(self) -> str:
        """The path the database was opened with."""
        self._ensure_open()
        out = ffi.new("const char**")
        check(get_lib().quiver_database_path(self._ptr, out))
        return decode_string(out[0]) or ""

    def current_version(self) -> int:
        """``PRAGMA user_version``."""
        self._ensure_open()
        out = ffi.new("int64_t*")
        check(get_lib().quiver_database_current_version(self._ptr, out))
        return int(out[0])

    def is_healthy(self) -> bool:
        """Whether the handle is open and usable."""
        self._ensure_open()
        out = ffi.new("int*")
        check(get_lib().quiver_database_is_healthy(self._ptr, out))
        return bool(out[0])

    def describe(self) -> str:
        """The schema summary as text (D17); nothing is printed."""
        self._ensure_open()
        out = ffi.new("char**")
        check(get_lib().quiver_database_describe(self._ptr, out))
        try:
            return ffi.string(out[0]).decode("utf-8")
        finally:
            get_lib().quiver_database_free_string(out[0])
