"""DataFrame mixin of ``Database``: every element of a collection or group in one call, as pandas.

Built on the columnar C readers (``quiver_database_read_*_columns``): one native call per
collection or group, whole columns copied with ``numpy.frombuffer``. Missing values follow pandas:
INTEGER columns with NULLs are ``Int64`` (``pd.NA``), REAL columns ``float64`` with ``NaN``, text
columns ``object`` with ``None``, DATE_TIME columns ``datetime64[us, UTC]`` with ``NaT``. pandas is
imported on first use (``pip install 'quiverdb[pandas]'``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from quiverdb._c_api import ffi, get_lib
from quiverdb._columns import ColumnsReader, columns_result, pandas
from quiverdb._database_metadata import DatabaseMetadata
from quiverdb._database_query import DatabaseQuery
from quiverdb._helpers import check, require_str, type_name
from quiverdb.metadata import DataType

_INTEGER = int(DataType.INTEGER)
_FLOAT = int(DataType.FLOAT)
_DATE_TIME = int(DataType.DATE_TIME)


class DatabaseDataFrame(DatabaseQuery, DatabaseMetadata):
    """Provides ``read_dataframe``, ``read_vectors/sets/time_series_dataframe`` and ``query_dataframe``."""

    def _read_columns(self, op: str, kind: str, collection: object, group: object) -> Any:
        self._ensure_open()
        c_collection = require_str(op, "collection", collection)
        c_group = require_str(op, "group", group)
        function = getattr(get_lib(), f"quiver_database_read_{kind}_columns")
        return columns_result(lambda out: function(self._ptr, c_collection, c_group, out))

    def _has_label(self, collection: str) -> bool:
        return any(column.name == "label" for column in self.list_scalar_attributes(collection))

    def _labels_by_id(self, collection: str) -> tuple[np.ndarray, np.ndarray] | None:
        """``(ids, labels)`` of every element, or ``None`` when the collection has no ``label`` column."""
        if not self._has_label(collection):
            return None
        label = ffi.new("char[]", b"label")
        attributes = ffi.new("char*[]", [label])
        c_collection = collection.encode("utf-8")
        lib = get_lib()
        with columns_result(
            lambda out: lib.quiver_database_read_scalar_columns(self._ptr, c_collection, attributes, 1, out)
        ) as handle:
            reader = ColumnsReader(handle)
            return reader.integers(0)[0], reader.strings(1)

    def _long_frame(self, op: str, kind: str, collection: str, group: str) -> Any:
        """id, label, then every column of the group's columnar read (vector_index made 0-based)."""
        pd = pandas()
        with self._read_columns(op, kind, collection, group) as handle:
            reader = ColumnsReader(handle)
            columns = {name: reader.series(c) for c, name in enumerate(reader.names)}
        ids = columns["id"].to_numpy()
        data: dict[str, Any] = {"id": columns.pop("id")}
        labels = self._labels_by_id(collection)
        if labels is not None:
            element_ids, element_labels = labels
            positions = pd.Index(element_ids).get_indexer(ids)
            data["label"] = pd.Series(element_labels[positions], name="label", dtype=object)
        if "vector_index" in columns and kind == "vector":
            columns["vector_index"] = columns["vector_index"] - 1
        data.update(columns)
        return pd.DataFrame(data)

    def read_dataframe(self, collection: str, attributes: Sequence[str] | None = None) -> Any:
        """Read the scalar attributes of every element as a DataFrame (one native call).

        Args:
            collection: Collection (table) name.
            attributes: Attribute names, in the column order wanted; ``None`` reads every scalar attribute
                (alphabetically). ``label`` always comes first.

        Returns:
            A ``pandas.DataFrame`` indexed by ``id`` (in id order), one row per element: ``label``, then the
            attributes. NULLs are missing values (``pd.NA`` in ``Int64`` columns, ``NaN``, ``None``, ``NaT``);
            DATE_TIME columns are ``datetime64[us, UTC]``.

        Raises:
            QuiverError: The database is closed, the collection or an attribute does not exist, or a stored
                value does not fit its column (e.g. text in a REAL column, or a DATE_TIME that is not a date).
            TypeError: An argument has the wrong type (the message names it); nothing is sent to the library.
            ValueError: A string argument holds a NUL character or is not valid UTF-8.
            ImportError: pandas is not installed.
        """
        op = "read_dataframe"
        self._ensure_open()
        pd = pandas()
        c_collection = require_str(op, "collection", collection)
        names: list[str] = []
        if attributes is not None:
            if isinstance(attributes, (str, bytes)) or not isinstance(attributes, Sequence):
                raise TypeError(
                    f"Cannot {op}: argument 'attributes' must be a list of str or None, got {type_name(attributes)}"
                )
            names = [a for a in attributes if a != "label"]
            names = (["label"] if self._has_label(collection) else []) + names
        buffers = [ffi.new("char[]", require_str(op, "attributes", name)) for name in names]
        array = ffi.new("char*[]", buffers) if buffers else ffi.NULL
        lib = get_lib()
        with columns_result(
            lambda out: lib.quiver_database_read_scalar_columns(self._ptr, c_collection, array, len(names), out)
        ) as handle:
            reader = ColumnsReader(handle)
            index = pd.Index(reader.integers(0)[0], name="id")
            series = {name: reader.series(c, index) for c, name in enumerate(reader.names) if c > 0}
        ordered = {"label": series.pop("label")} if "label" in series else {}
        ordered.update(series)
        return pd.DataFrame(ordered, index=index)

    def read_vectors_dataframe(self, collection: str, group: str) -> Any:
        """Read one vector group of every element as a long DataFrame (one native call).

        Args:
            collection: Collection (table) name.
            group: Vector group name (as listed by ``list_vector_groups``).

        Returns:
            A ``pandas.DataFrame`` with columns ``id``, ``label``, ``vector_index`` (0-based, as
            ``read_vector_group_by_id``) and the group's value columns, one row per stored row, ordered by id and
            index; elements without rows have none. Missing values as in ``read_dataframe``.

        Raises:
            QuiverError: The database is closed, the collection or group does not exist, or a stored value does
                not fit its column.
            TypeError: An argument has the wrong type (the message names it); nothing is sent to the library.
            ValueError: A string argument holds a NUL character or is not valid UTF-8.
            ImportError: pandas is not installed.
        """
        return self._long_frame("read_vectors_dataframe", "vector", collection, group)

    def read_sets_dataframe(self, collection: str, group: str) -> Any:
        """Read one set group of every element as a long DataFrame (one native call).

        Args:
            collection: Collection (table) name.
            group: Set group name (as listed by ``list_set_groups``).

        Returns:
            A ``pandas.DataFrame`` with columns ``id``, ``label`` and the group's value columns, one row per stored
            row, ordered by id, then insertion. Missing values as in ``read_dataframe``.

        Raises:
            QuiverError: The database is closed, the collection or group does not exist, or a stored value does
                not fit its column.
            TypeError: An argument has the wrong type (the message names it); nothing is sent to the library.
            ValueError: A string argument holds a NUL character or is not valid UTF-8.
            ImportError: pandas is not installed.
        """
        return self._long_frame("read_sets_dataframe", "set", collection, group)

    def read_time_series_dataframe(self, collection: str, group: str) -> Any:
        """Read one time-series group of every element as a long DataFrame (one native call).

        Args:
            collection: Collection (table) name.
            group: Time-series group name (as listed by ``list_time_series_groups``).

        Returns:
            A ``pandas.DataFrame`` with columns ``id``, ``label``, the dimension (``datetime64[us, UTC]``) and the
            value columns, one row per stored row, ordered by id and dimension. Missing values as in
            ``read_dataframe``.

        Raises:
            QuiverError: The database is closed, the collection or group does not exist, a stored value does not
                fit its column, or a dimension value is not a date-time.
            TypeError: An argument has the wrong type (the message names it); nothing is sent to the library.
            ValueError: A string argument holds a NUL character or is not valid UTF-8.
            ImportError: pandas is not installed.
        """
        return self._long_frame("read_time_series_dataframe", "time_series", collection, group)

    def query_dataframe(
        self,
        sql: str,
        params: Sequence[Any] | None = None,
        *,
        parameters: Sequence[Any] | None = None,
        parse_dates: Sequence[str] | None = None,
    ) -> Any:
        """Run one SQL statement and return its rows as a DataFrame (one native call, column by column).

        The statement runs once (``quiver_database_query_columns``); the library types each column by the
        values it holds and numeric columns arrive as whole arrays, as in ``read_dataframe``.

        Args:
            sql: One SQL statement; ``?`` marks a parameter.
            params: Positional parameters, as for ``query``.
            parameters: Upstream 0.10's name of ``params`` (give one of the two).
            parse_dates: Result columns holding date-times (D22 text) to return as ``datetime64[us, UTC]``;
                a query result carries no schema types, so dates stay text otherwise.

        Returns:
            A ``pandas.DataFrame`` with the result's columns in order (repeated names kept). A column of integers
            (and NULLs) is ``int64`` (``Int64`` with ``pd.NA`` when it holds NULLs), of integers and reals
            ``float64`` (NULL → ``NaN``), of text ``object`` (NULL → ``None``); a column with no value at all
            (or a result without rows) is ``object``. A column mixing text with numbers is ``object`` holding
            each value as ``query`` returns it (``int``, ``float``, ``str``, ``None``).

        Raises:
            QuiverError: As ``query``; a ``parse_dates`` cell that is not a date-time (``Cannot
                convert_date_times: invalid date-time '<v>' for column '<c>' row <r>: ...``) or a ``parse_dates``
                column holding only numbers (``Cannot columns_get_date_times: column '<c>' is FLOAT, not STRING
                or DATE_TIME``).
            TypeError: An argument has the wrong type (the message names it); nothing is sent to the library.
            ValueError: A string argument holds a NUL character or is not valid UTF-8.
            ImportError: pandas is not installed.
        """
        op = "query_dataframe"
        pd = pandas()
        if parse_dates is not None and (isinstance(parse_dates, str) or not isinstance(parse_dates, Sequence)):
            raise TypeError(
                f"Cannot {op}: argument 'parse_dates' must be a list of str or None, got {type_name(parse_dates)}"
            )
        dates = set(parse_dates or ())
        lib = get_lib()
        query = lib.quiver_database_query_columns
        with columns_result(
            lambda out: self._run_query(op, sql, params, parameters, lambda *args: query(*args, out))
        ) as handle:
            reader = ColumnsReader(handle)
            series: dict[int, Any] = {}
            for c, name in enumerate(reader.names):
                if name in dates:
                    reader.types[c] = _DATE_TIME  # the library converts the text (D22), as for DATE_TIME columns
                    series[c] = reader.series(c)
                else:
                    mixed = _mixed_series(pd, reader, handle, c)
                    series[c] = reader.series(c) if mixed is None else mixed
        frame = pd.DataFrame(series, index=pd.RangeIndex(reader.row_count))
        frame.columns = list(reader.names)  # by position: a repeated name keeps every column
        return frame


def _mixed_series(pd: Any, reader: ColumnsReader, handle: Any, c: int) -> Any:
    """A column mixing text with numbers as an ``object`` Series of ``int``/``float``/``str``/``None``; ``None``
    for every other column. The library hands every cell as text plus its storage class; the numbers are read
    back from their exact text."""
    cell_types = ffi.new("const uint8_t**")
    check(get_lib().quiver_columns_get_cell_types(handle, c, cell_types))
    if cell_types[0] == ffi.NULL:
        return None
    kinds = np.frombuffer(ffi.buffer(cell_types[0], reader.row_count), dtype=np.uint8)
    cells = reader.strings(c)
    for kind, parse in ((_INTEGER, int), (_FLOAT, float)):
        rows = np.flatnonzero(kinds == kind)
        cells[rows] = [parse(text) for text in cells[rows]]
    return pd.Series(cells, name=reader.names[c], dtype=object)
