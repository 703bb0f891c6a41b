"""``DatabaseBase``: the handle every ``Database`` mixin works on.

``Database`` (``quiverdb.database``) is assembled from one mixin per area, mirroring the split of
``src/`` and ``src/c/``: lifecycle, writes, transactions, queries, reads, reads by id, metadata,
time series, composite reads and CSV. Each mixin derives from this class, so each one sees the
handle (``_ptr``) and the open check, and none needs to import ``Database`` itself.
"""

from __future__ import annotations

from typing import Any, TypeVar

from quiverdb.exceptions import QuiverError

#: The concrete class of ``self`` (``Database``), for methods that return or yield ``self``.
DatabaseSelf = TypeVar("DatabaseSelf", bound="DatabaseBase")


class DatabaseBase:
    """Owns the ``quiver_database_t*`` handle; see ``Database`` for the public API."""

    _ptr: Any
    _closed: bool

    def __init__(self, ptr: Any) -> None:
        self._ptr = ptr
        self._closed = False

    def _ensure_open(self) -> None:
        if self._closed:
            raise QuiverError("Database has been closed")
