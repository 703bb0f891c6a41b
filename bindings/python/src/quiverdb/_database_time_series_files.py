"""Time-series files mixin of ``Database``: the collection's time-series files row."""

from __future__ import annotations

from typing import Any

from quiverdb._c_api import ffi, get_lib
from quiverdb._database_base import DatabaseBase
from quiverdb._helpers import check, decode_string, read_array, text_problem, type_name


class DatabaseTimeSeriesFiles(DatabaseBase):
    """Provides ``has_time_series_files``, ``list_time_series_files_columns``, ``read/update_time_series_files``."""

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
        (c_collection,) = self._open_strs("has_time_series_files", ("collection", collection))
        return bool(self._get("int", "has_time_series_files", c_collection))

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
        (c_collection,) = self._open_strs("list_time_series_files_columns", ("collection", collection))
        names = read_array("string", get_lib().quiver_database_list_time_series_files_columns, self._ptr, c_collection)
        return [name or "" for name in names]

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
        (c_collection,) = self._open_strs("read_time_series_files", ("collection", collection))
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
        op = "update_time_series_files"
        (c_collection,) = self._open_strs(op, ("collection", collection))
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
        self._call("update_time_series_files", c_collection, c_columns, c_paths, n)
