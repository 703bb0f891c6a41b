"""C columns (the columnar contract of the C API): numbers as contiguous buffers, text packed with a pointer per cell.

Shared by ``create_elements`` (``_bulk_columns``) and the group writers (``_groups``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from quiverdb._c_api import ffi
from quiverdb.metadata import DataType

_INTEGER = int(DataType.INTEGER)


@dataclass
class CColumn:
    """One column ready for C: type code, data pointer, presence mask, offsets (arrays) and buffers to keep."""

    name: str
    type: int
    data: Any = ffi.NULL
    has_value: Any = ffi.NULL
    offsets: Any = ffi.NULL
    keep: list[Any] = field(default_factory=list)


def number_column(column: CColumn, values: np.ndarray, present: np.ndarray | None) -> CColumn:
    """Point ``column`` at a contiguous int64/float64 array and, when some cell is absent, a presence mask."""
    column.data = ffi.from_buffer("int64_t[]" if column.type == _INTEGER else "double[]", values)
    column.keep.append(values)
    if present is not None and not present.all():
        mask = present.astype(np.uint8)
        column.has_value = ffi.from_buffer("uint8_t[]", mask)
        column.keep.append(mask)
    return column


def text_column(column: CColumn, cells: list[str | None], bad: Callable[[int, str], Exception]) -> CColumn:
    """Packed UTF-8 text and a ``char*`` per cell computed with numpy (NULL pointer for ``None``).

    A cell with a NUL character or a lone surrogate raises ``bad(index, problem)``.
    """
    n = len(cells)
    encoded: list[bytes] = []
    for i, cell in enumerate(cells):
        if cell is None:
            encoded.append(b"")
            continue
        if "\0" in cell:
            raise bad(i, "embedded NUL character")
        try:
            encoded.append(cell.encode("utf-8"))
        except UnicodeEncodeError:
            raise bad(i, "invalid UTF-8") from None
    blob = b"\0".join(encoded) + b"\0"
    lengths = np.fromiter(map(len, encoded), dtype=np.uint64, count=n)
    starts = np.zeros(n, dtype=np.uint64)
    if n > 1:
        np.cumsum(lengths[:-1] + np.uint64(1), out=starts[1:])
    buffer = ffi.from_buffer(blob)
    pointers = starts + np.uint64(int(ffi.cast("uintptr_t", buffer)))
    nulls = np.fromiter((cell is None for cell in cells), dtype=bool, count=n)
    pointers[nulls] = 0
    column.data = ffi.cast("char**", ffi.from_buffer(pointers))
    column.keep += [blob, buffer, pointers]
    return column
