"""Columnar results (``quiver_columns_t``) → numpy arrays and pandas columns, without one C call per cell.

Numbers are copied out of the C arrays with ``numpy.frombuffer``; text arrives as one packed buffer
per column (cells separated by NUL bytes) and is decoded and split in one step; DATE_TIME cells are
converted to microseconds by the library (D22) and viewed as ``datetime64[us]``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import numpy as np

from quiverdb._c_api import ffi, get_lib
from quiverdb._helpers import check
from quiverdb.metadata import DataType

_INTEGER = int(DataType.INTEGER)
_FLOAT = int(DataType.FLOAT)
_DATE_TIME = int(DataType.DATE_TIME)


def pandas() -> Any:
    """The ``pandas`` module, or an ``ImportError`` that says how to install it."""
    try:
        import pandas as pd
    except ImportError as error:  # pragma: no cover - exercised without pandas installed
        raise ImportError(
            "quiverdb's DataFrame methods need pandas: pip install 'quiverdb[pandas]' (or pip install pandas)"
        ) from error
    return pd


@contextmanager
def columns_result(read: Callable[[Any], int]) -> Iterator[Any]:
    """Run ``read(out_pointer)`` (a C reader) and yield the ``quiver_columns_t*``; always freed."""
    out = ffi.new("quiver_columns_t**")
    check(read(out))
    try:
        yield out[0]
    finally:
        get_lib().quiver_columns_free(out[0])


def _mask(pointer: Any, n: int) -> np.ndarray:
    return np.frombuffer(ffi.buffer(pointer, n), dtype=np.uint8).astype(bool)


def _texts(text: Any, offsets: Any, size: int, n: int) -> list[str]:
    """The ``n`` packed cells as ``str`` (one decode and one split for the whole column)."""
    if n == 0:
        return []
    parts = ffi.buffer(text, size)[:].decode("utf-8", "replace").split("\0")
    if len(parts) == n + 1:
        cells: list[str] = parts[:n]
        return cells
    # A stored value held a NUL byte: cut by the offsets instead.
    starts = np.frombuffer(ffi.buffer(offsets, n * ffi.sizeof("size_t")), dtype=np.uintp).tolist()
    raw = ffi.buffer(text, size)[:]
    return [raw[start : raw.index(b"\0", start)].decode("utf-8", "replace") for start in starts]


class ColumnsReader:
    """Reads the columns of one ``quiver_columns_t*`` into numpy arrays (copies, safe after the free)."""

    def __init__(self, handle: Any) -> None:
        lib = get_lib()
        self._lib = lib
        self._handle = handle
        count = ffi.new("size_t*")
        check(lib.quiver_columns_row_count(handle, count))
        self.row_count = int(count[0])
        check(lib.quiver_columns_column_count(handle, count))
        self.names: list[str] = []
        self.types: list[int] = []
        name = ffi.new("const char**")
        kind = ffi.new("int*")
        for c in range(int(count[0])):
            check(lib.quiver_columns_column_name(handle, c, name))
            check(lib.quiver_columns_column_type(handle, c, kind))
            self.names.append(ffi.string(name[0]).decode("utf-8"))
            self.types.append(int(kind[0]))

    def _numbers(self, c: int, kind: str, ctype: str, dtype: Any) -> tuple[np.ndarray, np.ndarray]:
        """``(values, presence)`` of a column the library hands over as 8-byte numbers and a mask."""
        values = ffi.new(f"const {ctype}**")
        mask = ffi.new("const uint8_t**")
        check(getattr(self._lib, f"quiver_columns_get_{kind}")(self._handle, c, values, mask))
        n = self.row_count
        if n == 0:
            return np.empty(0, dtype), np.empty(0, bool)
        return np.frombuffer(ffi.buffer(values[0], 8 * n), dtype=dtype).copy(), _mask(mask[0], n)

    def integers(self, c: int) -> tuple[np.ndarray, np.ndarray]:
        """``(int64 values, presence)`` of an INTEGER column."""
        return self._numbers(c, "integers", "int64_t", np.int64)

    def floats(self, c: int) -> tuple[np.ndarray, np.ndarray]:
        """``(float64 values, presence)`` of a FLOAT column."""
        return self._numbers(c, "floats", "double", np.float64)

    def strings(self, c: int) -> np.ndarray:
        """An object array of ``str`` (``None`` for NULL) of a STRING or DATE_TIME column."""
        text = ffi.new("const char**")
        offsets = ffi.new("const size_t**")
        size = ffi.new("size_t*")
        mask = ffi.new("const uint8_t**")
        check(self._lib.quiver_columns_get_strings(self._handle, c, text, offsets, size, mask))
        n = self.row_count
        out = np.empty(n, dtype=object)
        if n == 0:
            return out
        out[:] = _texts(text[0], offsets[0], int(size[0]), n)
        present = _mask(mask[0], n)
        if not present.all():
            out[~present] = None
        return out

    def date_times(self, c: int) -> np.ndarray:
        """A ``datetime64[us]`` array (``NaT`` for NULL) of a DATE_TIME column, read as UTC."""
        micros, present = self._numbers(c, "date_times", "int64_t", np.int64)
        out: np.ndarray = micros.view("datetime64[us]")
        if not present.all():
            out[~present] = np.datetime64("NaT")
        return out

    def series(self, c: int, index: Any = None) -> Any:
        """Column ``c`` as a pandas Series with missing values: Int64 (with NULLs) or int64, float64
        with NaN, object ``str``/``None``, ``datetime64[us, UTC]`` with NaT."""
        pd = pandas()
        name = self.names[c]
        kind = self.types[c]
        if kind == _INTEGER:
            values, present = self.integers(c)
            if present.all():
                return pd.Series(values, index=index, name=name)
            return pd.Series(pd.arrays.IntegerArray(values, ~present), index=index, name=name)
        if kind == _FLOAT:
            values, present = self.floats(c)
            if not present.all():
                values[~present] = np.nan
            return pd.Series(values, index=index, name=name)
        if kind == _DATE_TIME:
            utc = pd.DatetimeIndex(self.date_times(c)).tz_localize("UTC")
            return pd.Series(utc, index=index, name=name)
        return pd.Series(self.strings(c), index=index, name=name, dtype=object)
