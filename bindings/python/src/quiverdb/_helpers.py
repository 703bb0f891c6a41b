"""Internal helpers: error checking, argument validation, marshalling and conversions."""

from __future__ import annotations

import gc
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from typing import Any

from quiverdb._c_api import ffi, get_lib
from quiverdb.exceptions import QuiverError
from quiverdb.metadata import DataType, GroupMetadata, ScalarMetadata

# ----------------------------------------------------------------------------- errors


def check(err: int) -> None:
    """Raise ``QuiverError`` with the thread's last error when a C call failed.

    The binding never clears the last error; it only relays it.
    """
    if err != 0:
        lib = get_lib()
        ptr = lib.quiver_get_last_error()
        detail = ffi.string(ptr).decode("utf-8", errors="replace") if ptr != ffi.NULL else ""
        raise QuiverError(detail or "Unknown error")


def decode_string(ptr: Any) -> str | None:
    """Decode a C string (``None`` for NULL)."""
    if ptr == ffi.NULL:
        return None
    text: str = ffi.string(ptr).decode("utf-8", errors="replace")
    return text


# ----------------------------------------------------------------------------- fast paths
#
# ``ffi.new``, ``ffi.string`` and ``ffi.unpack`` are thin Python wrappers around functions of the
# cffi backend (plus a type-name lookup for ``ffi.new("T[]")``). The bulk paths below call the
# backend functions directly with ctypes resolved once; results are identical.

_backend = getattr(ffi, "_backend", None)
new_cdata: Any = getattr(_backend, "newp", None) or ffi.new
unpack: Any = getattr(_backend, "unpack", None) or ffi.unpack
string_at: Any = getattr(_backend, "string", None) or ffi.string

CHAR_ARRAY = ffi.typeof("char[]")
INT64_PTR = ffi.typeof("int64_t*")


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while building a large result of plain lists.

    Bulk reads create one list per element; every one of them counts towards the collector's
    thresholds, so a 100 000-element read would otherwise run several full collections over the
    whole heap (about 10 % of the read) without finding anything: the lists hold only ints,
    floats and strings. Nothing is changed when the collector is already disabled.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def decode_strings(array: Any, count: int) -> list[str | None]:
    """Decode ``count`` C strings of a ``char**`` array (``None`` for NULL entries)."""
    if count == 0:
        return []
    return [string_at(p).decode("utf-8", "replace") if p else None for p in unpack(array, count)]


# ----------------------------------------------------------------------------- C results
#
# The one path from C out-parameters to Python values: ``function(*args, <out-parameters>)`` is
# called with out-parameters allocated here, and whatever the library allocated is converted and
# freed here, also when the conversion fails. Kinds are the C API's value types: "integer"
# (int64_t), "float" (double) and "string" (char*). Types are resolved once (``new_cdata``).

_C_TYPES = {"integer": "int64_t*", "float": "double*", "string": "char**"}
_VALUE_OUT = {kind: ffi.typeof(ctype) for kind, ctype in _C_TYPES.items()}
_ARRAY_OUT = {kind: ffi.typeof(ctype + "*") for kind, ctype in _C_TYPES.items()}
_INT_PTR = ffi.typeof("int*")
_SIZE_PTR = ffi.typeof("size_t*")
_MASK_OUT = ffi.typeof("uint8_t**")


def c_array_type(kind: str) -> str:
    """The C pointer type of an array of ``kind`` values (``"int64_t*"``, ``"double*"``, ``"char**"``)."""
    return _C_TYPES[kind]


def unpack_array(kind: str, array: Any, count: int) -> list[Any]:
    """``count`` values of a C array of ``kind`` as a list (``None`` for NULL strings)."""
    if count == 0:
        return []
    if kind == "string":
        return decode_strings(array, count)
    values: list[Any] = unpack(array, count)
    return values


def free_array(kind: str, array: Any, count: int) -> None:
    """Free a C array of ``kind`` values allocated by the library (NULL is ignored)."""
    if array == ffi.NULL:
        return
    lib = get_lib()
    if kind == "string":
        lib.quiver_database_free_string_array(array, count)
    elif kind == "integer":
        lib.quiver_database_free_integer_array(array)
    else:
        lib.quiver_database_free_float_array(array)


def with_mask(values: list[Any], mask: Any, count: int) -> list[Any]:
    """``values`` with ``None`` wherever the C presence mask (one 0/1 byte per value) holds 0."""
    present = unpack(ffi.cast("char*", mask), count)
    if b"\x00" not in present:
        return values
    return [value if flag else None for value, flag in zip(values, present, strict=True)]


def read_value(kind: str, function: Any, *args: Any) -> Any:
    """One ``kind`` value from ``function(*args, out, has_value)``, or ``None`` when it has none."""
    out = new_cdata(_VALUE_OUT[kind])
    has = new_cdata(_INT_PTR)
    check(function(*args, out, has))
    if kind == "integer":
        return int(out[0]) if has[0] else None
    if kind == "float":
        return float(out[0]) if has[0] else None
    try:
        return decode_string(out[0]) if has[0] else None
    finally:
        if out[0] != ffi.NULL:
            get_lib().quiver_database_free_string(out[0])


def read_array(kind: str, function: Any, *args: Any) -> list[Any]:
    """The ``kind`` values of ``function(*args, out_array, out_count)`` as a list; the C array freed."""
    out = new_cdata(_ARRAY_OUT[kind])
    count = new_cdata(_SIZE_PTR)
    check(function(*args, out, count))
    n = int(count[0])
    try:
        return unpack_array(kind, out[0], n)
    finally:
        free_array(kind, out[0], n)


def read_masked_array(kind: str, function: Any, *args: Any) -> list[Any]:
    """The values of ``function(*args, out_values, out_mask, out_count)``, ``None`` where the mask says NULL."""
    values = new_cdata(_ARRAY_OUT[kind])
    mask = new_cdata(_MASK_OUT)
    count = new_cdata(_SIZE_PTR)
    check(function(*args, values, mask, count))
    n = int(count[0])
    try:
        return with_mask(unpack_array(kind, values[0], n), mask[0], n) if n else []
    finally:
        free_array(kind, values[0], n)
        if mask[0] != ffi.NULL:
            get_lib().quiver_database_free_mask(mask[0])


def read_structs(ctype: str, convert: Any, free: str, function: Any, *args: Any) -> list[Any]:
    """``convert`` of each ``ctype`` struct of ``function(*args, out_array, out_count)``; freed by ``free``."""
    out = ffi.new(f"{ctype}**")
    count = new_cdata(_SIZE_PTR)
    check(function(*args, out, count))
    n = int(count[0])
    try:
        return [convert(out[0][i]) for i in range(n)]
    finally:
        if out[0] != ffi.NULL:
            getattr(get_lib(), free)(out[0], n)


def read_struct(ctype: str, convert: Any, free: str, function: Any, *args: Any) -> Any:
    """``convert`` of the ``ctype`` struct ``function(*args, out)`` fills; its contents freed by ``free``."""
    out = ffi.new(f"{ctype}*")
    check(function(*args, out))
    try:
        return convert(out)
    finally:
        getattr(get_lib(), free)(out)


# ----------------------------------------------------------------------------- argument checks


def type_name(value: object) -> str:
    return type(value).__name__


# Values the C API cannot take are rejected here, before any C call, naming the argument:
# - an int outside int64 (cffi would raise a bare OverflowError)            -> TypeError
# - a str holding a NUL character (C would silently truncate it there), or
#   a lone surrogate (not encodable as UTF-8)                               -> ValueError
# Messages use the core's wording: "Cannot <op>: embedded NUL character in <context>",
# "Cannot <op>: invalid UTF-8 in <context>", "... out of int64 range".
INT64_MIN = -(1 << 63)
INT64_MAX = (1 << 63) - 1


def text_problem(text: str) -> str | None:
    """Why ``text`` cannot be passed as a C string, or ``None`` when it can."""
    if "\0" in text:
        return "embedded NUL character"
    if not text.isascii():
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            return "invalid UTF-8"
    return None


def first_bad_text(texts: list[str]) -> tuple[int, str] | None:
    """``(index, problem)`` of the first item of ``texts`` that cannot be a C string, else ``None``."""
    joined = "".join(texts)  # one C-speed scan for the common, clean case
    if "\0" not in joined and (joined.isascii() or text_problem(joined) is None):
        return None
    for i, text in enumerate(texts):
        problem = text_problem(text)
        if problem is not None:
            return i, problem
    return None


def first_int_out_of_range(values: list[Any]) -> int | None:
    """Index of the first item outside int64 in a list of ints (bools allowed), else ``None``."""
    if not values or (min(values) >= INT64_MIN and max(values) <= INT64_MAX):
        return None
    for i, value in enumerate(values):
        if not INT64_MIN <= value <= INT64_MAX:
            return i
    return None


def first_int_beyond_double(values: list[Any]) -> int | None:
    """Index of the first int in a list of numbers that cannot be converted to a C double."""
    try:
        # C-speed prefilter: summing absolute values raises OverflowError whenever some int is
        # beyond the double range (and, rarely, when only a sum of ints is: checked exactly below).
        sum(map(abs, values))
        return None
    except OverflowError:
        pass
    for i, value in enumerate(values):
        if not isinstance(value, float):
            try:
                float(value)
            except OverflowError:
                return i
    return None


def require_str(op: str, name: str, value: object) -> bytes:
    """Validate a ``str`` argument and return it UTF-8 encoded."""
    if not isinstance(value, str):
        raise TypeError(f"Cannot {op}: argument '{name}' must be str, got {type_name(value)}")
    if "\0" in value:
        raise ValueError(f"Cannot {op}: embedded NUL character in argument '{name}'")
    try:
        return value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError(f"Cannot {op}: invalid UTF-8 in argument '{name}'") from None


def require_id(op: str, value: object, name: str = "id") -> int:
    """Validate an ``int`` id argument (``bool`` is rejected; it must fit in int64)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"Cannot {op}: argument '{name}' must be int, got {type_name(value)}")
    if not INT64_MIN <= value <= INT64_MAX:
        raise TypeError(f"Cannot {op}: argument '{name}' is out of int64 range")
    return value


# ----------------------------------------------------------------------------- stdout


def flush_c_stdout() -> None:
    """Flush the C runtime's stdio buffers so native output appears in order."""
    if sys.platform == "win32":
        return
    try:
        _libc().fflush(ffi.NULL)
    except Exception:  # pragma: no cover - best effort only
        pass


_libc_handle: Any = None
_libc_ffi: Any = None


def _libc() -> Any:
    global _libc_handle, _libc_ffi
    if _libc_handle is None:
        from cffi import FFI

        _libc_ffi = FFI()
        _libc_ffi.cdef("int fflush(void* stream);")
        _libc_handle = _libc_ffi.dlopen(None)
    return _libc_handle


# ----------------------------------------------------------------------------- date-times


# Exactly the D22 grammar of the library (src/date_time.cpp): YYYY-MM-DD, optionally followed by
# 'T' or one space and hh, hh:mm, hh:mm:ss or hh:mm:ss.f (1-9 digits), optionally 'Z' after a time.
_DATE_TIME = re.compile(
    r"([0-9]{4})-([0-9]{2})-([0-9]{2})"
    r"(?:[T ]([0-9]{2})(?::([0-9]{2})(?::([0-9]{2})(?:\.([0-9]{1,9}))?)?)?Z?)?"
)


def parse_date_time(op: str, value: str) -> datetime:
    """Parse a D22 date-time as an aware UTC ``datetime`` (fraction truncated to microseconds).

    Anything else raises ``ValueError("Cannot <op>: invalid date-time '<v>'")``.
    """
    match = _DATE_TIME.fullmatch(value)
    try:
        if match is None:
            raise ValueError
        year, month, day, hour, minute, second, fraction = match.groups()
        return datetime(
            int(year), int(month), int(day), int(hour or 0), int(minute or 0), int(second or 0),
            int((fraction or "").ljust(6, "0")[:6]), tzinfo=timezone.utc,
        )  # fmt: skip
    except ValueError:
        raise ValueError(f"Cannot {op}: invalid date-time '{value}'") from None


# ----------------------------------------------------------------------------- metadata


def scalar_metadata_from_c(m: Any) -> ScalarMetadata:
    return ScalarMetadata(
        name=decode_string(m.name) or "",
        data_type=DataType(int(m.data_type)),
        not_null=bool(m.not_null),
        primary_key=bool(m.primary_key),
        default_value=decode_string(m.default_value),
        is_foreign_key=bool(m.is_foreign_key),
        references_collection=decode_string(m.references_collection),
        references_column=decode_string(m.references_column),
    )


def group_metadata_from_c(m: Any) -> GroupMetadata:
    columns = [scalar_metadata_from_c(m.value_columns[i]) for i in range(m.value_column_count)]
    return GroupMetadata(
        group_name=decode_string(m.group_name) or "",
        dimension_column=decode_string(m.dimension_column) or "",
        value_columns=columns,
    )
