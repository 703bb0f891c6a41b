"""``Element``: the attribute builder used by ``create_element`` / ``update_element``."""

from __future__ import annotations

from typing import Any

from quiverdb._c_api import ffi, get_lib
from quiverdb._helpers import check, decode_string, require_str, type_name
from quiverdb.exceptions import QuiverError

# Kinds produced by ``_classify``.
_NULL = "null"
_INTEGER = "integer"
_FLOAT = "float"
_STRING = "string"
_ARRAY_INTEGER = "array_integer"
_ARRAY_FLOAT = "array_float"
_ARRAY_STRING = "array_string"


def _classify(name: str, value: object) -> tuple[str, Any]:
    """Decide how ``value`` is sent to the C API; raise ``TypeError`` for unsupported values.

    Pure Python: no C call is made, so callers can validate every value before touching the
    library.
    """
    if value is None:
        return _NULL, None
    if isinstance(value, bool):
        return _INTEGER, int(value)
    if isinstance(value, int):
        return _INTEGER, value
    if isinstance(value, float):
        return _FLOAT, value
    if isinstance(value, str):
        return _STRING, value
    if isinstance(value, list):
        return _classify_list(name, value)
    raise TypeError(f"Cannot set: Unsupported type {type_name(value)} for Element.set('{name}')")


def _bad_item(name: str, index: int, item: object) -> TypeError:
    return TypeError(
        f"Cannot set: Unsupported array element type {type_name(item)} at index {index} for Element.set('{name}')"
    )


def _classify_list(name: str, values: list[Any]) -> tuple[str, Any]:
    if not values:
        return _ARRAY_INTEGER, []
    first = values[0]
    if isinstance(first, str):
        for i, item in enumerate(values):
            if not isinstance(item, str):
                raise _bad_item(name, i, item)
        return _ARRAY_STRING, values
    if isinstance(first, (bool, int, float)):
        has_float = False
        for i, item in enumerate(values):
            if isinstance(item, float):
                has_float = True
            elif not isinstance(item, (bool, int)):
                raise _bad_item(name, i, item)
        if has_float:
            return _ARRAY_FLOAT, [float(item) for item in values]
        return _ARRAY_INTEGER, [int(item) for item in values]
    raise _bad_item(name, 0, first)


class Element:
    """A set of named values (scalars and arrays) backed by a ``quiver_element_t``."""

    def __init__(self) -> None:
        self._ptr: Any = ffi.NULL
        self._destroyed = True
        lib = get_lib()
        out = ffi.new("quiver_element_t**")
        check(lib.quiver_element_create(out))
        self._ptr = out[0]
        self._destroyed = False

    def _ensure_valid(self) -> None:
        if self._destroyed:
            raise QuiverError("Element has been destroyed")

    def set(self, name: str, value: object) -> Element:
        """Set ``name`` to ``value`` and return ``self`` (chainable).

        ``None`` → null; ``bool``/``int`` → integer; ``float`` → float; ``str`` → string;
        ``list`` → array (integer, float or string).
        """
        self._ensure_valid()
        c_name = require_str("set", "name", name)
        kind, payload = _classify(name, value)
        self._apply(c_name, kind, payload)
        return self

    def _apply(self, c_name: bytes, kind: str, payload: Any) -> None:
        lib = get_lib()
        if kind == _NULL:
            check(lib.quiver_element_set_null(self._ptr, c_name))
        elif kind == _INTEGER:
            check(lib.quiver_element_set_integer(self._ptr, c_name, payload))
        elif kind == _FLOAT:
            check(lib.quiver_element_set_float(self._ptr, c_name, payload))
        elif kind == _STRING:
            check(lib.quiver_element_set_string(self._ptr, c_name, payload.encode("utf-8")))
        elif kind == _ARRAY_INTEGER:
            array = ffi.new("int64_t[]", payload) if payload else ffi.NULL
            check(lib.quiver_element_set_array_integer(self._ptr, c_name, array, len(payload)))
        elif kind == _ARRAY_FLOAT:
            array = ffi.new("double[]", payload)
            check(lib.quiver_element_set_array_float(self._ptr, c_name, array, len(payload)))
        else:
            buffers = [ffi.new("char[]", item.encode("utf-8")) for item in payload]
            array = ffi.new("char*[]", buffers)
            check(lib.quiver_element_set_array_string(self._ptr, c_name, array, len(payload)))

    def clear(self) -> None:
        """Remove every value."""
        self._ensure_valid()
        check(get_lib().quiver_element_clear(self._ptr))

    def destroy(self) -> None:
        """Release the native element (idempotent)."""
        if self._destroyed:
            return
        ptr = self._ptr
        self._ptr = ffi.NULL
        self._destroyed = True
        check(get_lib().quiver_element_destroy(ptr))

    def __repr__(self) -> str:
        if self._destroyed:
            return "Element(destroyed)"
        lib = get_lib()
        out = ffi.new("char**")
        check(lib.quiver_element_to_string(self._ptr, out))
        try:
            return decode_string(out[0]) or ""
        finally:
            lib.quiver_database_free_string(out[0])

    def __del__(self) -> None:
        if not getattr(self, "_destroyed", True):
            self.destroy()
