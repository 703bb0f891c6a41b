"""The columnar group contract of the C API (api-additions 3.2) in Python: results → rows, and rows or columns → C columns.

Readers (``read_vector_group_by_id``, ``read_set_group_by_id``, ``read_time_series_group``) get
column names, type codes, data arrays and presence masks and turn them into one dict per row
(``None`` for a NULL cell). Writers (the group writers and ``update_time_series_group``) accept
both shapes of D15: a list of row dicts or a dict of columns; ``prepare`` checks the shape and every
cell against the group's metadata (messages of api-additions 3.5) and builds the C columns.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from quiverdb._c_api import ffi, get_lib
from quiverdb._ccolumns import CColumn, number_column, text_column
from quiverdb._convert import normalize
from quiverdb._helpers import INT64_MAX, INT64_MIN, check, decode_strings, parse_date_time, type_name
from quiverdb.metadata import DataType, ScalarMetadata

_INTEGER = int(DataType.INTEGER)
_FLOAT = int(DataType.FLOAT)
_STRING = int(DataType.STRING)
_DATE_TIME = int(DataType.DATE_TIME)

# ----------------------------------------------------------------------------- reading


def read_rows(op: str, call: Callable[..., int], parse_dates: bool) -> list[dict[str, Any]]:
    """Run a columnar C reader ``call(names, types, data, has_value, column_count, row_count)`` and return its rows.

    DATE_TIME cells become aware UTC ``datetime`` objects when ``parse_dates`` (the group readers),
    else stay text (``read_time_series_group``, baseline).
    """
    lib = get_lib()
    names = ffi.new("char***")
    types = ffi.new("int**")
    data = ffi.new("void***")
    masks = ffi.new("uint8_t***")
    column_count = ffi.new("size_t*")
    row_count = ffi.new("size_t*")
    check(call(names, types, data, masks, column_count, row_count))
    n_columns, n_rows = int(column_count[0]), int(row_count[0])
    try:
        if n_columns == 0 or n_rows == 0:
            return []
        columns: list[tuple[str, list[Any]]] = []
        for c in range(n_columns):
            kind = int(types[0][c])
            pointer = data[0][c]
            if kind == _INTEGER:
                values: list[Any] = ffi.unpack(ffi.cast("int64_t*", pointer), n_rows)
            elif kind == _FLOAT:
                values = ffi.unpack(ffi.cast("double*", pointer), n_rows)
            else:
                values = decode_strings(ffi.cast("char**", pointer), n_rows)
            present = ffi.unpack(ffi.cast("char*", masks[0][c]), n_rows)
            if b"\x00" in present:
                values = [value if flag else None for value, flag in zip(values, present, strict=True)]
            if kind == _DATE_TIME and parse_dates:
                values = [None if value is None else parse_date_time(op, value) for value in values]
            columns.append((ffi.string(names[0][c]).decode("utf-8"), values))
        return [dict(zip([name for name, _ in columns], row, strict=True)) for row in zip(*[v for _, v in columns])]
    finally:
        if names[0] != ffi.NULL or data[0] != ffi.NULL:
            lib.quiver_database_free_time_series_data(names[0], types[0], data[0], masks[0], n_columns, n_rows)


# ----------------------------------------------------------------------------- writing


@dataclass
class Prepared:
    """The C arguments of a columnar group write (``column_count == 0`` and ``row_count == 0`` clear)."""

    names: Any
    types: Any
    data: Any
    has_value: Any
    column_count: int
    row_count: int
    keep: list[Any]


def _columns_of(op: str, data: object, known: list[str], arg: str) -> tuple[dict[str, list[Any]], int]:
    """``{column: cells}`` and the row count of either D15 shape (3.5 messages); ``({}, 0)`` clears."""
    if isinstance(data, list):
        if not data:
            return {}, 0
        for r, row in enumerate(data):
            if not isinstance(row, dict):
                raise TypeError(
                    f"Cannot {op}: argument '{arg}' must be a list of dict or a dict of lists, got list of "
                    f"{type_name(row)}"
                )
            for name in known:
                if name not in row:
                    raise ValueError(f"Cannot {op}: Row {r} is missing column '{name}'")
            for key in row:
                if key not in known:
                    raise ValueError(f"Cannot {op}: Row {r} has unknown column '{key}'")
        return {name: [row[name] for row in data] for name in known}, len(data)
    if isinstance(data, dict):
        if not data:
            return {}, 0
        columns: dict[str, list[Any]] = {}
        expected = -1
        for key, cells in data.items():
            if key not in known:
                raise ValueError(f"Cannot {op}: unknown column '{key}'")
            if isinstance(cells, np.ndarray) and cells.ndim == 1:
                cells = cells.tolist()
            elif isinstance(cells, tuple):
                cells = list(cells)
            if not isinstance(cells, list):
                raise TypeError(f"Cannot {op}: column '{key}' must be a list, got {type_name(cells)}")
            if expected < 0:
                expected = len(cells)
            elif len(cells) != expected:
                raise ValueError(f"Cannot {op}: column '{key}' has length {len(cells)} but expected {expected}")
            columns[key] = cells
        return columns, expected
    raise TypeError(f"Cannot {op}: argument '{arg}' must be a list of dict or a dict of lists, got {type_name(data)}")


def _expects(kind: int) -> str:
    return "int" if kind == _INTEGER else "float" if kind == _FLOAT else "str"


def _column(op: str, name: str, kind: int, cells: list[Any], label_ok: bool, int_ok_for_float: bool) -> CColumn:
    """One typed C column; a cell of the wrong type raises ``TypeError("Cannot <op>: Column '<c>' expects ...")``."""
    cells = [normalize(cell) for cell in cells]
    present = [cell is not None for cell in cells]

    def wrong(cell: object) -> TypeError:
        return TypeError(f"Cannot {op}: Column '{name}' expects {_expects(kind)}, got {type_name(cell)}")

    first = next((cell for cell in cells if cell is not None), None)
    if kind == _INTEGER and label_ok and isinstance(first, str):
        kind = _STRING  # labels of a foreign-key column (the first non-None cell decides)
    column = CColumn(name, kind)
    if kind == _INTEGER:
        for r, cell in enumerate(cells):
            if cell is not None and (isinstance(cell, bool) or not isinstance(cell, int)):
                raise wrong(cell)
            if cell is not None and not INT64_MIN <= cell <= INT64_MAX:
                raise TypeError(f"Cannot {op}: Row {r} column '{name}': Integer out of int64 range")
        values = np.array([0 if cell is None else cell for cell in cells], dtype=np.int64)
        return number_column(column, values, np.array(present, dtype=bool))
    if kind == _FLOAT:
        for cell in cells:
            if cell is None or isinstance(cell, float):
                continue
            if not (int_ok_for_float and isinstance(cell, int) and not isinstance(cell, bool)):
                raise wrong(cell)
        values = np.array([0.0 if cell is None else float(cell) for cell in cells], dtype=np.float64)
        return number_column(column, values, np.array(present, dtype=bool))
    for cell in cells:
        if cell is not None and not isinstance(cell, str):
            raise wrong(cell)
    return text_column(column, cells, lambda r, problem: ValueError(f"Cannot {op}: {problem} in row {r} column '{name}'"))


def prepare(
    op: str,
    data: object,
    value_columns: list[ScalarMetadata],
    dimension: str | None = None,
    int_ok_for_float: bool = True,
    arg: str = "data",
) -> Prepared:
    """Check ``data`` (either D15 shape) against a group's columns and build the C arguments.

    ``dimension`` (time series) is a required STRING column; ``int_ok_for_float`` is False for time series
    (baseline typing: FLOAT needs ``float``).
    """
    metadata = {column.name: column for column in value_columns}
    known = ([dimension] if dimension else []) + [column.name for column in value_columns]
    columns, row_count = _columns_of(op, data, known, arg)
    if dimension and columns and dimension not in columns:
        raise ValueError(f"Cannot {op}: missing dimension column '{dimension}'")
    built: list[CColumn] = []
    for name, cells in columns.items():
        if name == dimension:
            built.append(_column(op, name, _STRING, cells, False, False))
            continue
        column = metadata[name]
        kind = int(column.data_type)
        built.append(_column(op, name, kind, cells, column.is_foreign_key, int_ok_for_float))
    keep: list[Any] = []
    if not built:
        return Prepared(ffi.NULL, ffi.NULL, ffi.NULL, ffi.NULL, 0, 0, keep)
    name_buffers = [ffi.new("char[]", column.name.encode("utf-8")) for column in built]
    names = ffi.new("char*[]", name_buffers)
    types = ffi.new("int[]", [column.type for column in built])
    pointers = ffi.new("void*[]", [column.data for column in built])
    masks = ffi.new("uint8_t*[]", [column.has_value for column in built])
    keep += [name_buffers, names, types, pointers, masks, built]
    return Prepared(names, types, pointers, masks, len(built), row_count, keep)
