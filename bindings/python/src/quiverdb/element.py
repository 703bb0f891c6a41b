"""``Element``: the attribute builder used by ``create_element`` / ``update_element``."""

from __future__ import annotations

from datetime import date
from typing import Any, NamedTuple

import numpy as np

from quiverdb._c_api import ffi, get_lib
from quiverdb._convert import array_problem, as_array, normalize
from quiverdb._helpers import (
    CHAR_ARRAY,
    INT64_MAX,
    INT64_MIN,
    check,
    decode_string,
    first_bad_text,
    first_int_beyond_double,
    first_int_out_of_range,
    new_cdata,
    require_str,
    text_problem,
    type_name,
)
from quiverdb.exceptions import QuiverError

# Kinds produced by ``_classify``.
_NULL = "null"
_INTEGER = "integer"
_FLOAT = "float"
_STRING = "string"
_ARRAY_INTEGER = "array_integer"
_ARRAY_FLOAT = "array_float"
_ARRAY_STRING = "array_string"

# Exact scalar types → kind: one dict lookup for the common case (subclasses such as bool or an
# IntEnum take the general path below, with the same result as before).
_SCALAR_KINDS: dict[type, str] = {int: _INTEGER, float: _FLOAT, str: _STRING}
_INT_TYPES = {int}
_STR_TYPES = {str}
_NUMBER_TYPES = {int, float}
_PLAIN_TYPES = {int, float, str, bool}
_ELEMENT_PP = ffi.typeof("quiver_element_t**")


def _classify(name: str, value: object) -> tuple[str, Any]:
    """Decide how ``value`` is sent to the C API; raise ``TypeError``/``ValueError`` for values
    it cannot take (unsupported types, ints outside int64, strings with NUL or lone surrogates).

    Pure Python: no C call is made, so callers can validate every value before touching the
    library.
    """
    kind, payload = _classify_type(name, value)
    _check_content(name, kind, payload)
    return kind, payload


def _check_content(name: str, kind: str, payload: Any) -> None:
    """Reject what cffi would raise a bare OverflowError for or silently truncate."""
    if kind is _INTEGER:
        if not INT64_MIN <= payload <= INT64_MAX:
            raise TypeError(f"Cannot set: Integer out of int64 range for Element.set('{name}')")
    elif kind is _STRING:
        problem = text_problem(payload)
        if problem is not None:
            raise ValueError(f"Cannot set: {problem} in value for Element.set('{name}')")
    elif isinstance(payload, _WithNulls):
        _check_content(name, kind, payload.values)
    elif isinstance(payload, np.ndarray):
        return  # int64 or float64 already: nothing to range-check
    elif kind is _ARRAY_INTEGER:
        index = first_int_out_of_range(payload)
        if index is not None:
            raise TypeError(f"Cannot set: Integer out of int64 range at index {index} for Element.set('{name}')")
    elif kind is _ARRAY_FLOAT:
        _check_double_range(name, payload)
    elif kind is _ARRAY_STRING:
        bad = first_bad_text(payload)
        if bad is not None:
            raise ValueError(f"Cannot set: {bad[1]} at index {bad[0]} for Element.set('{name}')")


def _check_double_range(name: str, values: list[Any]) -> None:
    index = first_int_beyond_double(values)
    if index is not None:
        raise TypeError(f"Cannot set: Integer too large for float at index {index} for Element.set('{name}')")


def _classify_type(name: str, value: object) -> tuple[str, Any]:
    kind = _SCALAR_KINDS.get(type(value))
    if kind is not None:
        return kind, value
    if type(value) is list:
        return _classify_list(name, value)
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
    # numpy scalars and arrays, tuples and dates (quiverdb._convert).
    array = as_array(value)
    if array is not None:
        return (_ARRAY_INTEGER if array.dtype == np.int64 else _ARRAY_FLOAT), array
    problem = array_problem(value)
    if problem is not None:
        raise TypeError(f"Cannot set: {problem} for Element.set('{name}')")
    converted = normalize(value)
    if converted is not value:
        return _classify_type(name, converted)
    raise TypeError(f"Cannot set: Unsupported type {type_name(value)} for Element.set('{name}')")


def _bad_item(name: str, index: int, item: object) -> TypeError:
    return TypeError(
        f"Cannot set: Unsupported array element type {type_name(item)} at index {index} for Element.set('{name}')"
    )


class _WithNulls(NamedTuple):
    """An array payload with NULL cells: the values (placeholders where NULL) and a presence mask (R5)."""

    values: Any
    present: list[int]


_TEXT_LIKE = (str, date, np.str_, np.datetime64)


def _classify_list(name: str, values: list[Any]) -> tuple[str, Any]:
    if not values:
        return _ARRAY_INTEGER, []
    if None in values and type(values) is list:
        # NULL cells (R5): classify with a placeholder of the first value's kind, send a mask.
        first = next((item for item in values if item is not None), None)
        placeholder = "" if isinstance(first, _TEXT_LIKE) else 0
        present = [0 if item is None else 1 for item in values]
        kind, payload = _classify_list(name, [placeholder if item is None else item for item in values])
        return kind, _WithNulls(payload, present)
    # Fast path: the set of exact item types, computed in C. Lists of plain int, plain str, or
    # int/float mixes are passed on as they are (cffi converts the items when calling C, exactly
    # as int()/float() would); anything else is checked item by item below.
    types = set(map(type, values))
    if types == _INT_TYPES:
        return _ARRAY_INTEGER, values
    if types == _STR_TYPES:
        return _ARRAY_STRING, values
    if float in types and types <= _NUMBER_TYPES:
        return _ARRAY_FLOAT, values
    if not types <= _PLAIN_TYPES:  # numpy scalars, dates, ...: convert once, then classify
        converted = [normalize(item) for item in values]
        if any(a is not b for a, b in zip(converted, values)):
            return _classify_list(name, converted)
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
            _check_double_range(name, values)
            return _ARRAY_FLOAT, [float(item) for item in values]
        return _ARRAY_INTEGER, [int(item) for item in values]
    raise _bad_item(name, 0, first)


class Element:
    """A set of named values (scalars and arrays) backed by a ``quiver_element_t``."""

    def __init__(self) -> None:
        self._ptr: Any = ffi.NULL
        self._destroyed = True
        lib = get_lib()
        out = new_cdata(_ELEMENT_PP)
        err = lib.quiver_element_create(out)
        if err:
            check(err)
        self._ptr = out[0]
        self._destroyed = False

    def _ensure_valid(self) -> None:
        if self._destroyed:
            raise QuiverError("Element has been destroyed")

    def set(self, name: str, value: object) -> Element:
        """Set ``name`` to ``value`` and return ``self`` (chainable).

        ``None`` → null; ``bool``/``int``/numpy integer → integer; ``float``/numpy floating → float;
        ``str`` → string; ``datetime``/``date``/``numpy.datetime64`` → date-time text (D22);
        ``list``/``tuple``/1-D numpy array → array (integer, float or string; ``None`` items are NULL cells).
        """
        self._ensure_valid()
        c_name = require_str("set", "name", name)
        kind, payload = _classify(name, value)
        self._apply(c_name, kind, payload)
        return self

    def _apply(self, c_name: bytes, kind: str, payload: Any) -> None:
        _apply_all(get_lib(), self._ptr, ((c_name, kind, payload),))

    def _apply_prepared(self, prepared: list[tuple[bytes, str, Any]]) -> None:
        """Apply ``(c_name, kind, payload)`` triples from ``_classify`` in order."""
        _apply_all(get_lib(), self._ptr, prepared)

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


def _numbers(payload: Any, ctype: str) -> Any:
    """The C array argument for a list (converted by cffi) or a numpy array (its buffer, no copy)."""
    if isinstance(payload, np.ndarray):
        return ffi.from_buffer(ctype, payload) if payload.size else ffi.NULL
    return payload or ffi.NULL


def _apply_all(lib: Any, ptr: Any, prepared: Any) -> None:
    """Send classified values to the native element ``ptr``; raise on the first C error.

    Numeric lists are passed to C as they are (cffi builds the temporary C array in one step);
    string lists become one ``char[]`` per item, passed as a list for the ``char**`` argument.
    Arrays with NULL cells also pass their presence mask (``has_value``).
    """
    for c_name, kind, payload in prepared:
        mask = ffi.NULL
        if isinstance(payload, _WithNulls):
            mask = ffi.new("uint8_t[]", payload.present)
            payload = payload.values
        if kind == _STRING:
            err = lib.quiver_element_set_string(ptr, c_name, payload.encode("utf-8"))
        elif kind == _INTEGER:
            err = lib.quiver_element_set_integer(ptr, c_name, payload)
        elif kind == _FLOAT:
            err = lib.quiver_element_set_float(ptr, c_name, payload)
        elif kind == _ARRAY_INTEGER:
            err = lib.quiver_element_set_array_integer(ptr, c_name, _numbers(payload, "int64_t[]"), len(payload), mask)
        elif kind == _ARRAY_FLOAT:
            err = lib.quiver_element_set_array_float(ptr, c_name, _numbers(payload, "double[]"), len(payload), mask)
        elif kind == _ARRAY_STRING:
            buffers = [new_cdata(CHAR_ARRAY, item.encode("utf-8")) for item in payload]
            err = lib.quiver_element_set_array_string(ptr, c_name, buffers, len(payload), mask)
        else:
            err = lib.quiver_element_set_null(ptr, c_name)
        if err:
            check(err)
