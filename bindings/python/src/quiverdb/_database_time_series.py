"""Time-series mixin of ``Database``: whole groups (either D15 shape, ``None`` cells), one row of every element, upserts.

The ``*_time_series_files`` methods live in ``_database_time_series_files``.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from quiverdb._c_api import ffi, get_lib
from quiverdb._convert import normalize
from quiverdb._database_metadata import DatabaseMetadata
from quiverdb._groups import Prepared, prepare, read_rows
from quiverdb._helpers import (
    INT64_MAX,
    INT64_MIN,
    c_array_type,
    check,
    free_array,
    require_id,
    require_str,
    text_problem,
    type_name,
    unpack_array,
    with_mask,
)
from quiverdb.metadata import DataType

_INTEGER = int(DataType.INTEGER)
_FLOAT = int(DataType.FLOAT)
_STRING = int(DataType.STRING)
_NULL = int(DataType.NULL)
_KIND_NAMES = {_INTEGER: "integer", _FLOAT: "float"}  # the C array kinds of _helpers; else "string"


class DatabaseTimeSeries(DatabaseMetadata):
    """Provides ``read/update_time_series_group(_by_label)``, ``read_time_series_row``, ``upsert_time_series_row(_by_label)``."""

    def read_time_series_group(self, collection: str, group: str, id: int) -> list[dict[str, Any]]:
        """Read the rows of one element's time-series group.

        Args:
            collection: Collection (table) name.
            group: Group name (as listed by the ``list_*_groups`` methods).
            id: Element id.

        Returns:
            One dict per row (the dimension column and every value column → value; a NULL cell → ``None``;
            text as stored), in dimension order; ``[]`` when the element has no rows or no element has this id.

        Raises:
            QuiverError: The database is closed, the collection or group does not exist, or a stored value does not
                fit its column.
            TypeError: An argument has the wrong type (the message names it); nothing is sent to the library.
            ValueError: A string argument holds a NUL character or is not valid UTF-8.
        """
        op = "read_time_series_group"
        c_collection, c_group = self._open_strs(op, ("collection", collection), ("group", group))
        require_id(op, id)
        lib = get_lib()
        return read_rows(
            op, lambda *out: lib.quiver_database_read_time_series_group(self._ptr, c_collection, c_group, id, *out), False
        )

    def _update_time_series(self, op: str, collection: object, group: object, element: object, rows: object) -> None:
        """``update_time_series_group(_by_label)``: the element first, then the names, then ``rows``."""
        target, call = self._open_element(op, element)
        c_collection, c_group = self._open_strs(op, ("collection", collection), ("group", group))
        if isinstance(rows, (list, dict)) and not rows:
            prepared = Prepared(ffi.NULL, ffi.NULL, ffi.NULL, ffi.NULL, 0, 0, [])  # clear: the library checks the rest
        else:
            metadata = self.get_time_series_metadata(str(collection), str(group))
            prepared = prepare(op, rows, metadata.value_columns, metadata.dimension_column, False, "rows")
        args = (prepared.names, prepared.types, prepared.data, prepared.has_value)
        check(call(self._ptr, c_collection, c_group, target, *args, prepared.column_count, prepared.row_count))
        del prepared

    def update_time_series_group(self, collection: str, group: str, id: int, rows: Any) -> None:
        """Replace all rows of one element's time-series group; ``[]`` (or ``{}``) clears them.

        Args:
            collection: Collection (table) name.
            group: Group name (as listed by the ``list_*_groups`` methods).
            id: Element id.
            rows: Either a list of row dicts, each holding the dimension column and every value column, or a dict of
                columns (D15: ``{column: [values]}``, the dimension column required, columns left out are NULL).
                Cells: ``int`` for INTEGER, ``float`` for REAL, ``str``/``datetime``/``date`` for TEXT and DATE_TIME
                and the dimension, ``None`` for NULL (numpy scalars accepted).

        Raises:
            QuiverError: The database is closed, the group does not exist, or the library refuses a row (nothing is
                written).
            TypeError: An argument or a cell has the wrong type (the message names the column).
            ValueError: A row misses a column or has an unknown one, the columns differ in length, or a text cell
                holds a NUL character or invalid UTF-8.
        """
        self._update_time_series("update_time_series_group", collection, group, id, rows)

    def update_time_series_group_by_label(self, collection: str, group: str, label: str, rows: Any) -> None:
        """Replace all rows of one element's time-series group, addressing the element by its label.

        Args:
            collection: Collection (table) name.
            group: Group name (as listed by the ``list_*_groups`` methods).
            label: The element's label.
            rows: As for ``update_time_series_group``.

        Raises:
            QuiverError: The database is closed, the group or label does not exist
                (``Element not found: label '<l>' in collection '<C>'``), or a row is refused (nothing is written).
            TypeError: An argument or a cell has the wrong type (the message names it).
            ValueError: As for ``update_time_series_group``.
        """
        self._update_time_series("update_time_series_group_by_label", collection, group, label, rows)

    def read_time_series_row(
        self, collection: str, group: str, attribute: str, date_time: str | datetime | date
    ) -> list[int | float | str | None]:
        """Read one attribute of every element at a date: the last non-NULL value at or before it.

        Args:
            collection: Collection (table) name.
            group: Time-series group name.
            attribute: A value column of the group.
            date_time: The date (D22 text, ``datetime`` or ``date``).

        Returns:
            One value per element, in ``read_element_ids`` order; ``None`` where an element has no value at or
            before the date.

        Raises:
            QuiverError: The database is closed, the collection, group or attribute does not exist, or ``date_time``
                is not a valid date-time.
            TypeError: An argument has the wrong type (the message names it); nothing is sent to the library.
            ValueError: A string argument holds a NUL character or is not valid UTF-8.
        """
        op = "read_time_series_row"
        c_collection, c_group, c_attribute = self._open_strs(
            op, ("collection", collection), ("group", group), ("attribute", attribute)
        )
        if not isinstance(date_time, (str, datetime, date)):
            raise TypeError(
                f"Cannot {op}: argument 'date_time' must be str, datetime or date, got {type_name(date_time)}"
            )
        c_date_time = require_str(op, "date_time", normalize(date_time))
        lib = get_lib()
        kind = ffi.new("int*")
        values = ffi.new("void**")
        mask = ffi.new("uint8_t**")
        count = ffi.new("size_t*")
        check(lib.quiver_database_read_time_series_row(
            self._ptr, c_collection, c_group, c_attribute, c_date_time, kind, values, mask, count
        ))  # fmt: skip
        n = int(count[0])
        value_kind = _KIND_NAMES.get(kind[0], "string")
        array = ffi.cast(c_array_type(value_kind), values[0])
        try:
            return with_mask(unpack_array(value_kind, array, n), mask[0], n) if n else []
        finally:
            free_array(value_kind, array, n)
            if mask[0] != ffi.NULL:
                lib.quiver_database_free_mask(mask[0])

    def _upsert(self, op: str, collection: object, group: object, element: object, row: dict[str, object]) -> None:
        """``upsert_time_series_row(_by_label)``: the element first, then the names, then every cell."""
        target, call = self._open_element(op, element)
        c_collection, c_group = self._open_strs(op, ("collection", collection), ("group", group))
        keep: list[Any] = []
        names, types, cells = [], [], []
        for name, raw in row.items():
            value = normalize(raw)
            names.append(ffi.new("char[]", require_str(op, "name", name)))
            if value is None:
                types.append(_NULL)
                cells.append(ffi.NULL)
                continue
            if isinstance(value, (bool, int)):
                if not INT64_MIN <= value <= INT64_MAX:
                    raise TypeError(f"Cannot {op}: Column '{name}': Integer out of int64 range")
                cell, kind = ffi.new("int64_t*", int(value)), _INTEGER
            elif isinstance(value, float):
                cell, kind = ffi.new("double*", value), _FLOAT
            elif isinstance(value, str):
                problem = text_problem(value)
                if problem is not None:
                    raise ValueError(f"Cannot {op}: {problem} in column '{name}'")
                text = ffi.new("char[]", value.encode("utf-8"))
                keep.append(text)
                cell, kind = ffi.new("char**", text), _STRING
            else:
                raise TypeError(f"Cannot {op}: Column '{name}' has unsupported type {type_name(raw)}")
            types.append(kind)
            cells.append(cell)
        keep += [names, cells]
        n = len(names)
        c_names = ffi.new("char*[]", names) if n else ffi.NULL
        c_types = ffi.new("int[]", types) if n else ffi.NULL
        c_data = ffi.new("void*[]", cells) if n else ffi.NULL
        check(call(self._ptr, c_collection, c_group, target, c_names, c_types, c_data, n))
        del keep

    def upsert_time_series_row(self, collection: str, group: str, id: int, /, **kwargs: object) -> None:
        """Insert or update one time-series row of an element, changing only the columns given (D19).

        Args:
            collection: Collection (table) name.
            group: Time-series group name.
            id: Element id (the element must exist).
            **kwargs: The key columns (the dimension, and any other primary-key column) and the value columns to set:
                ``bool``/``int`` → INTEGER, ``float`` → REAL, ``str``/``datetime``/``date`` → text, ``None`` → NULL.
                An existing row's other columns keep their values.

        Raises:
            QuiverError: The database is closed, the group or element does not exist, a key column is missing or
                NULL, a column is unknown or of the wrong type (nothing is written).
            TypeError: An argument or a value has an unsupported type (the message names it).
            ValueError: A string holds a NUL character or is not valid UTF-8.
        """
        self._upsert("upsert_time_series_row", collection, group, id, kwargs)

    def upsert_time_series_row_by_label(self, collection: str, group: str, label: str, /, **kwargs: object) -> None:
        """``upsert_time_series_row`` addressing the element by its label.

        Args:
            collection: Collection (table) name.
            group: Time-series group name.
            label: The element's label.
            **kwargs: As for ``upsert_time_series_row``.

        Raises:
            QuiverError: As for ``upsert_time_series_row``; an unknown label gives
                ``Element not found: label '<l>' in collection '<C>'``.
            TypeError: An argument or a value has an unsupported type (the message names it).
            ValueError: A string holds a NUL character or is not valid UTF-8.
        """
        self._upsert("upsert_time_series_row_by_label", collection, group, label, kwargs)
