"""Bulk-write mixin of ``Database``: ``create_elements`` from a DataFrame or an iterable of dicts."""

from __future__ import annotations

from typing import Any

import numpy as np

from quiverdb._bulk_columns import columns_of, marshal_column
from quiverdb._ccolumns import CColumn
from quiverdb._c_api import ffi, get_lib
from quiverdb._database_metadata import DatabaseMetadata
from quiverdb._helpers import check, require_str
from quiverdb._progress import progress_bar
from quiverdb.exceptions import QuiverError
from quiverdb.metadata import DataType


class DatabaseBulk(DatabaseMetadata):
    """Provides ``create_elements``; mixed into ``Database``."""

    def create_elements(self, collection: str, rows: Any, *, progress: bool = False) -> list[int]:
        """Create many elements in one call, all or nothing, and return their ids.

        Each row is what ``create_element`` takes: scalar cells go to the collection's columns, array-valued cells
        (lists, tuples, 1-D numpy arrays) to the vector or set group with a column of that name. Numeric columns
        cross to the library as contiguous buffers.

        Args:
            collection: Collection (table) name.
            rows: A ``pandas.DataFrame`` (one column per attribute; the index is ignored) or an iterable of dicts (a
                key absent from a row is a missing value). Missing values (``None``, ``NaN``, ``pd.NA``, ``NaT``)
                are stored as NULL; a ``NaN`` in an INTEGER attribute's column is refused (use the ``Int64`` dtype
                for missing integers). ``datetime64`` columns and dates become D22 text (aware values in UTC).
            progress: Show a progress bar (tqdm, when installed; nothing otherwise).

        Returns:
            The new ids, in row order.

        Raises:
            QuiverError: The database is closed, or a row is refused; the message names the row (and the column
                where the library or the conversion knows it), e.g. ``Cannot create_elements: row 3: ...`` for an
                unknown column, a type mismatch (strings in a REAL column) or a duplicate label, and ``Cannot
                create_elements: column 'c' row 3: ...`` for a cell that cannot be sent (an array of objects, a 2-D
                array). Nothing is written.
            TypeError: ``rows`` is not a DataFrame or an iterable of dicts, or a column name is not ``str``.
            ValueError: ``collection`` holds a NUL character or is not valid UTF-8.
        """
        op = "create_elements"
        self._ensure_open()
        c_collection = require_str(op, "collection", collection)
        columns, row_count = columns_of(rows)
        try:
            attributes = self.list_scalar_attributes(collection)
        except QuiverError:
            attributes = []  # an unknown collection: the library reports it below, as create_elements
        integer_attributes = {a.name for a in attributes if a.data_type == DataType.INTEGER}
        marshalled: list[CColumn] = [
            marshal_column(name, cells, name in integer_attributes) for name, cells in columns.items()
        ]
        n = len(marshalled)
        c_names = [ffi.new("char[]", require_str(op, "rows", column.name)) for column in marshalled]
        ids = np.zeros(row_count, dtype=np.int64)
        lib = get_lib()
        with progress_bar(progress, row_count, f"{op} {collection}") as bar:
            callback = ffi.NULL
            if bar is not None:

                def report(done: int, total: int, user_data: Any) -> None:
                    bar.update(done - bar.n)

                callback = ffi.callback("quiver_progress_t", report)
            check(
                lib.quiver_database_create_elements(
                    self._ptr,
                    c_collection,
                    ffi.new("char*[]", c_names) if n else ffi.NULL,
                    ffi.new("int[]", [column.type for column in marshalled]) if n else ffi.NULL,
                    ffi.new("void*[]", [column.data for column in marshalled]) if n else ffi.NULL,
                    ffi.new("uint8_t*[]", [column.has_value for column in marshalled]) if n else ffi.NULL,
                    ffi.new("size_t*[]", [column.offsets for column in marshalled]) if n else ffi.NULL,
                    n,
                    row_count,
                    ffi.from_buffer("int64_t[]", ids) if row_count else ffi.NULL,
                    callback,
                    ffi.NULL,
                )
            )
        new_ids: list[int] = ids.tolist()
        return new_ids
