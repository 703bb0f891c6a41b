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
        if self._closed:  # the attribute test first: these run on every call
            self._ensure_open()
        encoded = []
        for name, value in named:  # a loop: cheaper than a comprehension for one or two items
            encoded.append(require_str(op, name, value))
        return encoded

    def _open_element(self, op: str, element: object) -> tuple[int | bytes, Any]:
        """Check the handle is open, then the element argument of ``op``: a label for ``*_by_label`` ops, else an id.

        Returns the checked element and ``quiver_database_<op>``: every element-addressed method has
        the name of its C function (``update_element`` and ``update_element_by_label``, ...).
        """
        if self._closed:
            self._ensure_open()
        checked = require_str(op, "label", element) if op.endswith("_by_label") else require_id(op, element)
        return checked, getattr(get_lib(), f"quiver_database_{op}")

    def _call(self, function: str, *args: Any) -> None:
        """Check the handle is open, then call ``quiver_database_<function>(handle, *args)``."""
        self._ensure_open()
        check(getattr(get_lib(), f"quiver_database_{function}")(self._ptr, *args))

    def _get(self, ctype: str, function: str, *args: Any) -> Any:
        """``_call`` with one more, trailing ``<ctype>*`` out-parameter; returns what it received."""
        out = ffi.new(f"{ctype}*")
        self._call(function, *args, out)
        return out[0]
