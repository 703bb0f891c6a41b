"""Rows (a DataFrame or an iterable of dicts) → the C columns of ``quiver_database_create_elements``.

Numeric columns cross the FFI as contiguous int64/float64 buffers (``ffi.from_buffer``), text columns as
one packed buffer plus a pointer array computed with numpy, array-valued columns as one flat column plus
row offsets. Missing values (``None``, ``NaN``, ``pd.NA``, ``NaT``) are SQL NULL, except that a ``NaN``
bound for an INTEGER attribute is passed on as a float, so the library refuses it (D1) instead of
storing NULL. Cells that cannot be sent at all raise ``QuiverError`` naming the column and row.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np

from quiverdb._c_api import ffi
from quiverdb._ccolumns import CColumn, number_column, text_column
from quiverdb._convert import format_datetime64, normalize
from quiverdb._helpers import INT64_MAX, INT64_MIN, type_name
from quiverdb.exceptions import QuiverError
from quiverdb.metadata import DataType

_INTEGER = int(DataType.INTEGER)
_FLOAT = int(DataType.FLOAT)
_STRING = int(DataType.STRING)
_NULL = int(DataType.NULL)


def bad_cell(column: str, row: int, reason: str) -> QuiverError:
    return QuiverError(f"Cannot create_elements: column '{column}' row {row}: {reason}")


def columns_of(rows: object) -> tuple[dict[str, Any], int]:
    """``{name: cells}`` and the row count of a DataFrame or an iterable of dicts (absent keys are NULL)."""
    if hasattr(rows, "columns") and hasattr(rows, "iloc"):  # a pandas DataFrame
        frame: Any = rows
        columns: dict[str, Any] = {}
        for name in frame.columns:
            if not isinstance(name, str):
                raise TypeError(f"Cannot create_elements: column names must be str, got {type_name(name)}")
            if name in columns:
                raise QuiverError(f"Cannot create_elements: column '{name}' appears more than once")
            columns[name] = frame[name]
        return columns, len(frame)
    if isinstance(rows, (str, bytes, Mapping)) or not isinstance(rows, Iterable):
        raise TypeError(
            f"Cannot create_elements: argument 'rows' must be a DataFrame or an iterable of dict, got {type_name(rows)}"
        )
    dicts = list(rows)
    names: dict[str, None] = {}
    for r, row in enumerate(dicts):
        if not isinstance(row, Mapping):
            raise TypeError(f"Cannot create_elements: row {r} must be a dict, got {type_name(row)}")
        for key in row:
            if not isinstance(key, str):
                raise TypeError(f"Cannot create_elements: row {r} column names must be str, got {type_name(key)}")
            names[key] = None
    return {name: [row.get(name) for row in dicts] for name in names}, len(dicts)


def _is_missing(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, float):
        return value != value
    if isinstance(value, (np.floating, np.datetime64)):
        return bool(np.isnan(value)) if isinstance(value, np.floating) else bool(np.isnat(value))
    return type(value).__name__ in ("NAType", "NaTType")


def _is_array_cell(value: object) -> bool:
    return isinstance(value, (list, tuple, np.ndarray))


def _identity(index: int) -> int:
    return index


def _texts(column: CColumn, cells: list[str | None], row_of: Any = _identity) -> CColumn:
    return text_column(column, cells, lambda i, problem: bad_cell(column.name, row_of(i), problem))


def _scalar_kind(name: str, cells: list[Any], row_of: Any) -> int:
    """INTEGER, FLOAT or STRING for a list of normalized cells (``None`` skipped; the first misfit raises)."""
    kind = _NULL
    for i, cell in enumerate(cells):
        if cell is None:
            continue
        if isinstance(cell, str):
            cell_kind = _STRING
        elif isinstance(cell, (bool, int)):
            if not INT64_MIN <= cell <= INT64_MAX:
                raise bad_cell(name, row_of(i), "integer out of int64 range")
            cell_kind = _INTEGER
        elif isinstance(cell, float):
            cell_kind = _FLOAT
        else:
            raise bad_cell(name, row_of(i), f"unsupported value of type {type_name(cell)}")
        if kind == _NULL or kind == cell_kind:
            kind = cell_kind
        elif {kind, cell_kind} == {_INTEGER, _FLOAT}:
            kind = _FLOAT
        else:
            raise bad_cell(name, row_of(i), f"{type_name(cell)} among {'str' if kind == _STRING else 'numbers'}")
    return kind


def _from_cells(column: CColumn, cells: list[Any], row_of: Any = _identity, keep_nan: bool = False) -> CColumn:
    """A column from Python cells, normalized first; ``row_of`` maps a cell index to its row for messages.

    ``keep_nan``: a float NaN stays a present value (for INTEGER attributes, see the module docstring).
    """
    values = [
        cell if keep_nan and isinstance(cell, float) and cell != cell else None if _is_missing(cell) else normalize(cell)
        for cell in cells
    ]
    for i, value in enumerate(values):
        if isinstance(value, (list, np.ndarray)):
            raise bad_cell(column.name, row_of(i), "an array among scalar values")
    column.type = _scalar_kind(column.name, values, row_of)
    if column.type == _STRING or column.type == _NULL:
        column.type = _STRING
        return _texts(column, values, row_of)  # type: ignore[arg-type]  # only str and None here
    present = np.fromiter((value is not None for value in values), dtype=bool, count=len(values))
    dtype = np.int64 if column.type == _INTEGER else np.float64
    filled = np.array([0 if value is None else value for value in values], dtype=dtype)
    return number_column(column, filled, present)


def _array_items(name: str, row: int, cell: Any) -> Any:
    """The items of one array cell: a numeric ndarray as is, anything else as a list of values."""
    if isinstance(cell, np.ndarray):
        if cell.ndim != 1:
            raise bad_cell(name, row, f"array must be 1-D, got {cell.ndim}-D")
        if cell.dtype.kind in "iubf":
            return cell
        items: list[Any] = format_datetime64(cell) if cell.dtype.kind == "M" else cell.tolist()
    else:
        items = list(cell)
    for item in items:
        if isinstance(item, (list, tuple, np.ndarray)):
            raise bad_cell(name, row, "arrays must hold values, not arrays")
    return items


def _array_column(column: CColumn, cells: list[Any]) -> CColumn:
    """Array-valued cells (lists, tuples, 1-D arrays; a missing cell is an empty array), flattened with offsets."""
    parts: list[Any] = []
    lengths = np.zeros(len(cells), dtype=np.uintp)
    for r, cell in enumerate(cells):
        if not _is_array_cell(cell):
            if _is_missing(cell):
                continue
            raise bad_cell(column.name, r, f"expected an array like the other rows, got {type_name(cell)}")
        items = _array_items(column.name, r, cell)
        parts.append(items)
        lengths[r] = len(items)
    offsets = np.zeros(len(cells) + 1, dtype=np.uintp)
    np.cumsum(lengths, out=offsets[1:])
    if parts and all(isinstance(part, np.ndarray) for part in parts):
        joined = np.concatenate(parts)
        column.type = _FLOAT if joined.dtype.kind == "f" else _INTEGER
        number_column(column, np.ascontiguousarray(joined, dtype=np.float64 if column.type == _FLOAT else np.int64), None)
    else:
        flat: list[Any] = []
        for part in parts:
            flat.extend(part.tolist() if isinstance(part, np.ndarray) else part)
        rows = np.repeat(np.arange(len(cells)), lengths.astype(np.int64))
        _from_cells(column, flat, lambda i: int(rows[i]))
    column.offsets = ffi.from_buffer("size_t[]", offsets)
    column.keep.append(offsets)
    return column


def marshal_column(name: str, cells: Any, integer_attribute: bool) -> CColumn:
    """One input column → a ``CColumn`` (see the module docstring)."""
    column = CColumn(name, _NULL)
    dtype = getattr(cells, "dtype", None)
    if dtype is not None and hasattr(cells, "to_numpy"):  # a pandas Series
        kind = getattr(dtype, "kind", "O")
        if str(dtype).startswith(("Int", "UInt", "boolean", "Float")):  # pandas nullable dtypes
            present = ~cells.isna().to_numpy()
            is_float = str(dtype).startswith("Float")
            column.type = _FLOAT if is_float else _INTEGER
            values = cells.to_numpy(dtype=np.float64 if is_float else np.int64, na_value=0)
            return number_column(column, np.ascontiguousarray(values), present)
        if kind == "M":  # datetime64, naive or with a time zone
            if getattr(dtype, "tz", None) is not None:
                cells = cells.dt.tz_convert("UTC").dt.tz_localize(None)
            column.type = _STRING
            return _texts(column, format_datetime64(cells.to_numpy()))
        if kind in "iub":
            values = cells.to_numpy()
            if kind == "u" and values.size and values.max() > INT64_MAX:
                raise bad_cell(name, int(np.argmax(values > INT64_MAX)), "integer out of int64 range")
            column.type = _INTEGER
            return number_column(column, np.ascontiguousarray(values, dtype=np.int64), None)
        if kind == "f":
            values = np.ascontiguousarray(cells.to_numpy(), dtype=np.float64)
            column.type = _FLOAT
            return number_column(column, values, None if integer_attribute else ~np.isnan(values))
        cells = cells.tolist()
    cells = list(cells)
    if any(_is_array_cell(cell) for cell in cells):
        return _array_column(column, cells)
    # NaN is kept (and refused by the library) only among numbers bound for an INTEGER attribute.
    keep_nan = integer_attribute and not any(isinstance(cell, str) for cell in cells)
    return _from_cells(column, cells, keep_nan=keep_nan)
