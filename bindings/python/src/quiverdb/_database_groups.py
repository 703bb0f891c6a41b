"""Group mixin of ``Database``: one element's whole vector or set group, read and replaced (api-additions 3.5).

Built on the columnar C group functions: readers keep NULL cells in place (``None``) and return
DATE_TIME cells as aware UTC ``datetime``; writers take a list of row dicts or a dict of columns (D15)
and replace exactly one named group.
"""

from __future__ import annotations

from typing import Any

from quiverdb._c_api import get_lib
from quiverdb._database_metadata import DatabaseMetadata
from quiverdb._groups import prepare, read_rows
from quiverdb._helpers import check, require_id


class DatabaseGroups(DatabaseMetadata):
    """Provides ``read_vector_group_by_id``, ``read_set_group_by_id``, ``update_vector_group(_by_label)``, ``update_set_group(_by_label)``."""

    def _read_group(self, op: str, kind: str, collection: object, group: object, id: object) -> list[dict[str, Any]]:
        c_collection, c_group = self._open_strs(op, ("collection", collection), ("group", group))
        element = require_id(op, id)
        function = getattr(get_lib(), f"quiver_database_read_{kind}_group_by_id")
        return read_rows(op, lambda *out: function(self._ptr, c_collection, c_group, element, *out), True)

    def read_vector_group_by_id(self, collection: str, group: str, id: int) -> list[dict[str, Any]]:
        """Read one element's vector group as rows, NULL cells kept in place.

        Args:
            collection: Collection (table) name.
            group: Vector group name (as listed by ``list_vector_groups``).
            id: Element id.

        Returns:
            One dict per row in vector order: ``{"vector_index": i, <column>: value, ...}`` with a 0-based index,
            every value column, ``None`` for NULL and an aware UTC ``datetime`` for DATE_TIME; ``[]`` when the
            element has no rows (or does not exist).

        Raises:
            QuiverError: The database is closed, or the collection or group does not exist.
            TypeError: An argument has the wrong type (the message names it); nothing is sent to the library.
            ValueError: A string argument holds a NUL character or is not valid UTF-8, or a stored DATE_TIME is not
                a date-time.
        """
        rows = self._read_group("read_vector_group_by_id", "vector", collection, group, id)
        return [{"vector_index": i, **row} for i, row in enumerate(rows)]

    def read_set_group_by_id(self, collection: str, group: str, id: int) -> list[dict[str, Any]]:
        """Read one element's set group as rows, NULL cells kept in place.

        Args:
            collection: Collection (table) name.
            group: Set group name (as listed by ``list_set_groups``).
            id: Element id.

        Returns:
            One dict per row in insertion order, every value column (``None`` for NULL, ``datetime`` for
            DATE_TIME); ``[]`` when the element has no rows (or does not exist).

        Raises:
            QuiverError: The database is closed, or the collection or group does not exist.
            TypeError: An argument has the wrong type (the message names it); nothing is sent to the library.
            ValueError: A string argument holds a NUL character or is not valid UTF-8, or a stored DATE_TIME is not
                a date-time.
        """
        return self._read_group("read_set_group_by_id", "set", collection, group, id)

    def _update_group(self, op: str, kind: str, collection: object, group: object, element: object, data: object) -> None:
        """``update_<kind>_group(_by_label)``: the element first, then the names, then ``data``."""
        target, function = self._open_element(op, element)
        c_collection, c_group = self._open_strs(op, ("collection", collection), ("group", group))
        get = self.get_vector_metadata if kind == "vector" else self.get_set_metadata
        prepared = prepare(op, data, get(str(collection), str(group)).value_columns)
        check(function(
            self._ptr, c_collection, c_group, target, prepared.names, prepared.types, prepared.data,
            prepared.has_value, prepared.column_count, prepared.row_count,
        ))  # fmt: skip
        del prepared

    def update_vector_group(self, collection: str, group: str, id: int, data: Any) -> None:
        """Replace all rows of one element's vector group (only that group); empty ``data`` clears it.

        Args:
            collection: Collection (table) name.
            group: Vector group name.
            id: Element id.
            data: A list of row dicts, each holding exactly the group's value columns, or a dict of columns
                ``{column: [values]}`` of one length (columns left out are NULL). Cells: INTEGER ``int`` (or, for a
                foreign key, ``str`` labels), FLOAT ``float``/``int``, STRING ``str``, DATE_TIME
                ``str``/``datetime``/``date``, ``None`` for NULL; numpy scalars and arrays accepted.

        Raises:
            QuiverError: The database is closed, the group or element does not exist, or the library refuses a
                value (nothing is written).
            TypeError: ``data`` or a cell has the wrong type (the message names the column).
            ValueError: A row misses a column or has an unknown one, the columns differ in length, or a text cell
                holds a NUL character or invalid UTF-8.
        """
        self._update_group("update_vector_group", "vector", collection, group, id, data)

    def update_vector_group_by_label(self, collection: str, group: str, label: str, data: Any) -> None:
        """``update_vector_group`` addressing the element by its label.

        Args:
            collection: Collection (table) name.
            group: Vector group name.
            label: The element's label.
            data: As for ``update_vector_group``.

        Raises:
            QuiverError: As for ``update_vector_group``; an unknown label gives
                ``Element not found: label '<l>' in collection '<C>'``.
            TypeError: ``data``, a cell or ``label`` has the wrong type (the message names it).
            ValueError: As for ``update_vector_group``.
        """
        self._update_group("update_vector_group_by_label", "vector", collection, group, label, data)

    def update_set_group(self, collection: str, group: str, id: int, data: Any) -> None:
        """Replace all rows of one element's set group (only that group); empty ``data`` clears it.

        Args:
            collection: Collection (table) name.
            group: Set group name.
            id: Element id.
            data: As for ``update_vector_group``.

        Raises:
            QuiverError: The database is closed, the group or element does not exist, or the library refuses a
                value, e.g. a duplicate (nothing is written).
            TypeError: ``data`` or a cell has the wrong type (the message names the column).
            ValueError: As for ``update_vector_group``.
        """
        self._update_group("update_set_group", "set", collection, group, id, data)

    def update_set_group_by_label(self, collection: str, group: str, label: str, data: Any) -> None:
        """``update_set_group`` addressing the element by its label.

        Args:
            collection: Collection (table) name.
            group: Set group name.
            label: The element's label.
            data: As for ``update_vector_group``.

        Raises:
            QuiverError: As for ``update_set_group``; an unknown label gives
                ``Element not found: label '<l>' in collection '<C>'``.
            TypeError: ``data``, a cell or ``label`` has the wrong type (the message names it).
            ValueError: As for ``update_vector_group``.
        """
        self._update_group("update_set_group_by_label", "set", collection, group, label, data)
