"""Time-series mixin of ``Database``: whole groups of one element (either D15 shape, ``None`` cells).

The ``*_time_series_files`` methods live in ``_database_time_series_files``.
"""

from __future__ import annotations

from typing import Any

from quiverdb._c_api import ffi, get_lib
from quiverdb._database_metadata import DatabaseMetadata
from quiverdb._groups import Prepared, prepare, read_rows
from quiverdb._helpers import check, require_id, require_str


class DatabaseTimeSeries(DatabaseMetadata):
    """Provides ``read_time_series_group`` and ``update_time_series_group``."""

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
        self._ensure_open()
        op = "read_time_series_group"
        c_collection = require_str(op, "collection", collection)
        c_group = require_str(op, "group", group)
        require_id(op, id)
        lib = get_lib()
        return read_rows(
            op, lambda *out: lib.quiver_database_read_time_series_group(self._ptr, c_collection, c_group, id, *out), False
        )

    def _update_time_series(self, op: str, collection: object, group: object, element: Any, rows: object) -> None:
        self._ensure_open()
        c_collection = require_str(op, "collection", collection)
        c_group = require_str(op, "group", group)
        if isinstance(rows, (list, dict)) and not rows:
            prepared = Prepared(ffi.NULL, ffi.NULL, ffi.NULL, ffi.NULL, 0, 0, [])  # clear: the library checks the rest
        else:
            metadata = self.get_time_series_metadata(str(collection), str(group))
            prepared = prepare(op, rows, metadata.value_columns, metadata.dimension_column, False, "rows")
        args = (prepared.names, prepared.types, prepared.data, prepared.has_value)
        lib = get_lib()
        call = lib.quiver_database_update_time_series_group
        check(call(self._ptr, c_collection, c_group, element, *args, prepared.column_count, prepared.row_count))
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
        op = "update_time_series_group"
        self._ensure_open()
        self._update_time_series(op, collection, group, require_id(op, id), rows)
