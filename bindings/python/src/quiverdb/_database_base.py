"""``DatabaseBase``: the handle every ``Database`` mixin works on.

``Database`` (``quiverdb.database``) is assembled from one mixin per area, mirroring the split of
``src/`` and ``src/c/``: lifecycle, writes, transactions, queries, reads, reads by id, metadata,
time series, composite reads and CSV. Each mixin derives from this class, so each one sees the
handle (``_ptr``) and the open check, and none needs to import ``Database`` itself.
"""

from __future__ import annotations

from typing import Any, TypeVar

from quiverdb._c_api import ffi, get_lib
from quiverdb._handle import NativeHandle
from quiverdb._helpers import check, require_id, require_str
from quiverdb.exceptions import QuiverError

#: The concrete class of ``self`` (``Database``), for methods that return or yield ``self``.
DatabaseSelf = TypeVar("DatabaseSelf", bound="DatabaseBase")


class DatabaseBase(NativeHandle):
    """Owns the ``quiver_database_t*`` handle; see ``Database`` for the public API."""

    _UNCLOSED_WARNING = "Database"

    _ptr: Any
    _closed: bool

    def __init__(self, ptr: Any) -> None:
        self._ptr = ptr
        self._closed = False

    def _ensure_open(self) -> None:
        if self._closed:
            raise QuiverError("Database has been closed")

    # One path for the arguments every method checks, in the order it checks them: the open
    # handle first, then each argument, before any C call.

    def _open_strs(self, op: str, *named: tuple[str, object]) -> list[bytes]:
        """Check the handle is open, then each ``(name, value)`` as a ``str``; their UTF-8 bytes."""
        self._ensure_open()
        return [require_str(op, name, value) for name, value in named]

    def _open_element(self, op: str, element: object) -> int | bytes:
        """Check the handle is open, then the element argument: a label for ``*_by_label`` ops, else an id."""
        self._ensure_open()
        return require_str(op, "label", element) if op.endswith("_by_label") else require_id(op, element)

    def _element_function(self, name: str, element: int | bytes) -> Any:
        """``quiver_database_<name>``, or its ``_by_label`` twin when ``element`` is a label."""
        return getattr(get_lib(), f"quiver_database_{name}{'_by_label' if isinstance(element, bytes) else ''}")

    def _call(self, function: str, *args: Any) -> None:
        """Check the handle is open, then call ``quiver_database_<function>(handle, *args)``."""
        self._ensure_open()
        check(getattr(get_lib(), f"quiver_database_{function}")(self._ptr, *args))

    def _get(self, ctype: str, function: str, *args: Any) -> Any:
        """``_call`` with one more, trailing ``<ctype>*`` out-parameter; returns what it received."""
        out = ffi.new(f"{ctype}*")
        self._call(function, *args, out)
        return out[0]
