"""Time-series mixin of ``Database``: time-series groups and the time-series files row."""

from __future__ import annotations

from typing import Any

from quiverdb._c_api import ffi, get_lib
from quiverdb._convert import normalize
from quiverdb._database_metadata import DatabaseMetadata
from quiverdb._helpers import (
    INT64_MAX,
    INT64_MIN,
    check,
    decode_string,
    require_id,
    require_str,
    text_problem,
    type_name,
)
from quiverdb.metadata import DataType

_INTEGER = int(DataType.INTEGER)
_FLOAT = int(DataType.FLOAT)
_STRING = int(DataType.STRING)


class DatabaseTimeSeries(DatabaseMetadata):
    """Provides ``read/update_time_series_group`` and the ``*_time_series_files`` methods."""

    def read_time_series_group(self, collection: str, group: str, id: int) -> list[dict[str, Any]]:
        """Read the rows of one element's time-series group.

        Args:
            collection: Collection (table) name.
            group: Group name (as listed by the ``list_*_groups`` methods).
            id: Element id.

        Returns:
            One dict per row (dimension column and every value column → value; a NULL cell → ``None``), in
            dimension order;
            ``[]`` when the element has no rows or no element has this id.

        Raises:
            QuiverError: The database is closed, or the collection or group does not exist.
            TypeError: An argument has the wrong type (the message names it); nothing is sent to the library.
            ValueError: A string argument holds a NUL character or is not valid UTF-8.
        """
        self._ensure_open()
        op = "read_time_series_group"
        c_collection = require_str(op, "collection", collection)
        c_group = require_str(op, "group", group)
        require_id(op, id)
        lib = get_lib()
        names = ffi.new("char***")
        types = ffi.new("int**")
        data = ffi.new("void***")
        has_value = ffi.new("uint8_t***")
        column_count = ffi.new("size_t*")
        row_count = ffi.new("size_t*")
        check(
            lib.quiver_database_read_time_series_group(
                self._ptr, c_collection, c_group, id, names, types, data, has_value, column_count, row_count
            )
        )
        n_columns = int(column_count[0])
        n_rows = int(row_count[0])
        try:
            if n_columns == 0 or n_rows == 0:
                return []
            columns: list[tuple[str, list[Any]]] = []
            for c in range(n_columns):
                name = decode_string(names[0][c]) or ""
                column_type = int(types[0][c])
                ptr = data[0][c]
                if ptr == ffi.NULL:
                    values: list[Any] = [None] * n_rows
                elif column_type == _INTEGER:
                    values = ffi.unpack(ffi.cast("int64_t*", ptr), n_rows)
                elif column_type == _FLOAT:
                    values = ffi.unpack(ffi.cast("double*", ptr), n_rows)
                else:
                    strings = ffi.cast("char**", ptr)
                    values = [decode_string(strings[r]) for r in range(n_rows)]
                mask = ffi.unpack(ffi.cast("uint8_t*", has_value[0][c]), n_rows)
                columns.append((name, [value if present else None for value, present in zip(values, mask)]))
            return [{name: values[r] for name, values in columns} for r in range(n_rows)]
        finally:
            if names[0] != ffi.NULL or data[0] != ffi.NULL:
                lib.quiver_database_free_time_series_data(names[0], types[0], data[0], has_value[0], n_columns, n_rows)

    def update_time_series_group(self, collection: str, group: str, id: int, rows: list[dict[str, Any]]) -> None:
        """Replace all rows of one element's time-series group; ``[]`` clears them.

        Args:
            collection: Collection (table) name.
            group: Group name (as listed by the ``list_*_groups`` methods).
            id: Element id.
            rows: One dict per row holding the dimension column and every value column, nothing else, with exact
                types: ``int`` for INTEGER, ``float`` for REAL, ``str`` for TEXT and DATE_TIME.

        Raises:
            QuiverError: The database is closed, the group does not exist, or the library refuses a row (nothing is
                written).
            TypeError: An argument or a cell has the wrong type (the message names the column).
            ValueError: A row misses a column or has an unknown one, or a text cell holds a NUL character or invalid
                UTF-8.
        """
        self._ensure_open()
        op = "update_time_series_group"
        c_collection = require_str(op, "collection", collection)
        c_group = require_str(op, "group", group)
        require_id(op, id)
        if not isinstance(rows, list):
            raise TypeError(f"Cannot {op}: argument 'rows' must be a list of dict, got {type_name(rows)}")
        for row in rows:
            if not isinstance(row, dict):
                raise TypeError(f"Cannot {op}: argument 'rows' must be a list of dict, got {type_name(row)}")
        # numpy scalars and dates become plain values first (quiverdb._convert).
        rows = [{key: normalize(value) for key, value in row.items()} for row in rows]
        lib = get_lib()
        if not rows:
            check(
                lib.quiver_database_update_time_series_group(
                    self._ptr, c_collection, c_group, id, ffi.NULL, ffi.NULL, ffi.NULL, ffi.NULL, 0, 0
                )
            )
            return

        metadata = self.get_time_series_metadata(collection, group)
        columns: list[tuple[str, int]] = [(metadata.dimension_column, _STRING)]
        columns += [(column.name, int(column.data_type)) for column in metadata.value_columns]
        known = {name for name, _ in columns}
        expected: dict[int, tuple[type[Any], str]] = {_INTEGER: (int, "int"), _FLOAT: (float, "float")}
        for r, row in enumerate(rows):
            for name, _ in columns:
                if name not in row:
                    raise ValueError(f"Cannot {op}: Row {r} is missing column '{name}'")
            for key in row:
                if key not in known:
                    raise ValueError(f"Cannot {op}: Row {r} has unknown column '{key}'")
            for name, column_type in columns:
                value = row[name]
                python_type, label = expected.get(column_type, (str, "str"))
                if isinstance(value, bool) or not isinstance(value, python_type):
                    raise TypeError(f"Cannot {op}: Column '{name}' expects {label}, got {type_name(value)}")
                if python_type is int:
                    if not INT64_MIN <= value <= INT64_MAX:
                        raise TypeError(f"Cannot {op}: Row {r} column '{name}': Integer out of int64 range")
                elif python_type is str:
                    problem = text_problem(value)
                    if problem is not None:
                        raise ValueError(f"Cannot {op}: {problem} in row {r} column '{name}'")

        n_rows = len(rows)
        n_columns = len(columns)
        keepalive: list[Any] = []
        c_names = ffi.new("char*[]", n_columns)
        c_types = ffi.new("int[]", n_columns)
        c_data = ffi.new("void*[]", n_columns)
        keepalive.extend([c_names, c_types, c_data])
        for c, (name, column_type) in enumerate(columns):
            name_buffer = ffi.new("char[]", name.encode("utf-8"))
            keepalive.append(name_buffer)
            c_names[c] = name_buffer
            c_types[c] = column_type
            cells = [row[name] for row in rows]
            if column_type == _INTEGER:
                array = ffi.new("int64_t[]", cells)
            elif column_type == _FLOAT:
                array = ffi.new("double[]", cells)
            else:
                buffers = [ffi.new("char[]", cell.encode("utf-8")) for cell in cells]
                keepalive.extend(buffers)
                array = ffi.new("char*[]", buffers)
            keepalive.append(array)
            c_data[c] = array
        check(
            lib.quiver_database_update_time_series_group(
                self._ptr, c_collection, c_group, id, c_names, c_types, c_data, ffi.NULL, n_columns, n_rows
            )
        )

    def has_time_series_files(self, collection: str) -> bool:
        """Return whether a collection has a time-series files table.

        Args:
            collection: Collection (table) name.

        Returns:
            ``True`` when ``<collection>_time_series_files`` exists.

        Raises:
            QuiverError: The database is closed, or the collection does not exist.
            TypeError: An argument has the wrong type (the message names it); nothing is sent to the library.
            ValueError: A string argument holds a NUL character or is not valid UTF-8.
        """
        self._ensure_open()
        c_collection = require_str("has_time_series_files", "collection", collection)
        out = ffi.new("int*")
        check(get_lib().quiver_database_has_time_series_files(self._ptr, c_collection, out))
        return bool(out[0])

    def list_time_series_files_columns(self, collection: str) -> list[str]:
        """List the columns of a collection's time-series files table.

        Args:
            collection: Collection (table) name.

        Returns:
            The column names, in table order.

        Raises:
            QuiverError: The database is closed, or the collection has no time-series files table.
            TypeError: An argument has the wrong type (the message names it); nothing is sent to the library.
            ValueError: A string argument holds a NUL character or is not valid UTF-8.
        """
        self._ensure_open()
        c_collection = require_str("list_time_series_files_columns", "collection", collection)
        lib = get_lib()
        out = ffi.new("char***")
        count = ffi.new("size_t*")
        check(lib.quiver_database_list_time_series_files_columns(self._ptr, c_collection, out, count))
        n = int(count[0])
        try:
            return [decode_string(out[0][i]) or "" for i in range(n)]
        finally:
            if out[0] != ffi.NULL:
                lib.quiver_database_free_string_array(out[0], n)

    def read_time_series_files(self, collection: str) -> dict[str, str | None]:
        """Read a collection's time-series files row.

        Args:
            collection: Collection (table) name.

        Returns:
            Column → path (``None`` for NULL).

        Raises:
            QuiverError: The database is closed, or the collection has no time-series files table.
            TypeError: An argument has the wrong type (the message names it); nothing is sent to the library.
            ValueError: A string argument holds a NUL character or is not valid UTF-8.
        """
        self._ensure_open()
        c_collection = require_str("read_time_series_files", "collection", collection)
        lib = get_lib()
        columns = ffi.new("char***")
        paths = ffi.new("char***")
        count = ffi.new("size_t*")
        check(lib.quiver_database_read_time_series_files(self._ptr, c_collection, columns, paths, count))
        n = int(count[0])
        try:
            return {decode_string(columns[0][i]) or "": decode_string(paths[0][i]) for i in range(n)}
        finally:
            if columns[0] != ffi.NULL and paths[0] != ffi.NULL:
                lib.quiver_database_free_time_series_files(columns[0], paths[0], n)

    def update_time_series_files(self, collection: str, data: dict[str, str | None]) -> None:
        """Rewrite a collection's time-series files row: the given columns get their path, every other column NULL.

        Args:
            collection: Collection (table) name.
            data: Column → path (``None`` for NULL); an empty dict changes nothing.

        Raises:
            QuiverError: The database is closed, the collection has no time-series files table, or a column is
                unknown (nothing is written).
            TypeError: An argument has the wrong type (the message names it); nothing is sent to the library.
            ValueError: A string argument holds a NUL character or is not valid UTF-8.
        """
        self._ensure_open()
        op = "update_time_series_files"
        c_collection = require_str(op, "collection", collection)
        if not isinstance(data, dict):
            raise TypeError(f"Cannot {op}: argument 'data' must be dict, got {type_name(data)}")
        for key, value in data.items():
            if not isinstance(key, str):
                raise TypeError(f"Cannot {op}: argument 'data' keys must be str, got {type_name(key)}")
            if value is not None and not isinstance(value, str):
                raise TypeError(f"Cannot {op}: Column '{key}' expects str or None, got {type_name(value)}")
            problem = text_problem(key) or (None if value is None else text_problem(value))
            if problem is not None:
                raise ValueError(f"Cannot {op}: {problem} in column '{key}'")
        if not data:
            return
        keepalive: list[Any] = []
        n = len(data)
        c_columns = ffi.new("char*[]", n)
        c_paths = ffi.new("char*[]", n)
        for i, (key, value) in enumerate(data.items()):
            key_buffer = ffi.new("char[]", key.encode("utf-8"))
            keepalive.append(key_buffer)
            c_columns[i] = key_buffer
            if value is None:
                c_paths[i] = ffi.NULL
            else:
                value_buffer = ffi.new("char[]", value.encode("utf-8"))
                keepalive.append(value_buffer)
                c_paths[i] = value_buffer
        check(get_lib().quiver_database_update_time_series_files(self._ptr, c_collection, c_columns, c_paths, n))
