"""``NativeHandle``: ``with`` support and the finalizer shared by the classes that own a C handle.

``Database``, ``LuaRunner``, ``BinaryFile``, ``BinaryMetadata`` and ``Expression`` each own one
native object in ``_ptr``, free it in ``close()`` and set ``_ptr`` to NULL there. A class that
holds a file, a lock or a connection names itself in ``_UNCLOSED_WARNING`` and warns with
``ResourceWarning`` when collected still open, so a forgotten ``close()`` shows up; plain memory
(metadata, expressions) is released quietly. Nothing here is defined again by a subclass, so
``Database``'s methods stay defined in exactly one class (tests/test_structure.py).
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from quiverdb._c_api import ffi

_Handle = TypeVar("_Handle", bound="NativeHandle")


class NativeHandle:
    """Base of the classes that own a native handle; see ``close`` of each."""

    _ptr: Any

    if TYPE_CHECKING:

        def close(self) -> None: ...

    def _release(self, free: Callable[[Any], object]) -> None:
        """Free the handle once: ``_ptr`` is set to NULL first, then ``free`` gets the old pointer."""
        ptr = self._ptr
        if ptr == ffi.NULL:
            return
        self._ptr = ffi.NULL
        free(ptr)

    def __enter__(self: _Handle) -> _Handle:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __del__(self) -> None:
        if getattr(self, "_ptr", ffi.NULL) == ffi.NULL:  # closed, or never fully constructed
            return
        name = getattr(self, "_UNCLOSED_WARNING", None)
        if name is not None:
            warnings.warn(f"{name} was not closed explicitly", ResourceWarning, stacklevel=2)
            self.close()
            return
        with warnings.catch_warnings():
            self.close()
