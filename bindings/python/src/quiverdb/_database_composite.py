"""Composite read mixin of ``Database``: whole elements and whole groups of one element.

Built in Python from the typed by-id reads and the metadata, as upstream does.
"""

from __future__ import annotations

from typing import Any

from quiverdb._database_metadata import DatabaseMetadata
from quiverdb._database_read_by_id import DatabaseReadById
from quiverdb._helpers import parse_date_time, require_id, require_str
from quiverdb.metadata import DataType, ScalarMetadata


class DatabaseComposite(DatabaseReadById, DatabaseMetadata):
    """Provides ``read_element_by_id``, ``read_{scalars,vectors,sets}_by_id``, ``read_{vector,set}_group_by_id``."""

    def _read_typed_scalar(self, collection: str, column: ScalarMetadata, id: int) -> Any:
        if column.data_type == DataType.INTEGER:
            return self.read_scalar_integer_by_id(collection, column.name, id)
        if column.data_type == DataType.FLOAT:
            return self.read_scalar_float_by_id(collection, column.name, id)
        if column.data_type == DataType.DATE_TIME:
            return self.read_scalar_date_time_by_id(collection, column.name, id)
        return self.read_scalar_string_by_id(collection, column.name, id)

    def _read_typed_list(self, structure: str, collection: str, column: ScalarMetadata, id: int) -> list[Any]:
        if column.data_type == DataType.INTEGER:
            kind = "integers"
        elif column.data_type == DataType.FLOAT:
            kind = "floats"
        elif column.data_type == DataType.DATE_TIME:
            op = f"read_{structure}_date_time_by_id"
            values = self._read_list_by_id(op, structure, "strings", collection, column.name, id)
            return [parse_date_time(op, v) for v in values]
        else:
            kind = "strings"
        return self._read_list_by_id(f"read_{structure}_{kind}_by_id", structure, kind, collection, column.name, id)

    def read_scalars_by_id(self, collection: str, id: int) -> dict[str, Any]:
        """Read every scalar attribute of one element, ``id`` and ``label`` included.

        Args:
            collection: Collection (table) name.
            id: Element id.

        Returns:
            Column → typed value (``int``, ``float``, ``str``, ``datetime`` for DATE_TIME; ``None`` for NULL, and
            for every column when no element has this id).

        Raises:
            QuiverError: The database is closed, or the collection does not exist.
            TypeError: An argument has the wrong type (the message names it); nothing is sent to the library.
            ValueError: A string argument holds a NUL character or is not valid UTF-8.
        """
        self._ensure_open()
        require_str("read_scalars_by_id", "collection", collection)
        require_id("read_scalars_by_id", id)
        return {
            column.name: self._read_typed_scalar(collection, column, id)
            for column in self.list_scalar_attributes(collection)
        }

    def _read_groups_by_id(self, op: str, structure: str, collection: str, id: int) -> dict[str, list[Any]]:
        self._ensure_open()
        require_str(op, "collection", collection)
        require_id(op, id)
        groups = self.list_vector_groups(collection) if structure == "vector" else self.list_set_groups(collection)
        result: dict[str, list[Any]] = {}
        for group in groups:
            for column in group.value_columns:
                result[column.name] = self._read_typed_list(structure, collection, column, id)
        return result

    def read_vectors_by_id(self, collection: str, id: int) -> dict[str, list[Any]]:
        """Read every vector column of one element.

        Args:
            collection: Collection (table) name.
            id: Element id.

        Returns:
            Value column → list of typed values, for each column of each vector group.

        Raises:
            QuiverError: The database is closed, or the collection does not exist.
            TypeError: An argument has the wrong type (the message names it); nothing is sent to the library.
            ValueError: A string argument holds a NUL character or is not valid UTF-8.
        """
        return self._read_groups_by_id("read_vectors_by_id", "vector", collection, id)

    def read_sets_by_id(self, collection: str, id: int) -> dict[str, list[Any]]:
        """Read every set column of one element.

        Args:
            collection: Collection (table) name.
            id: Element id.

        Returns:
            Value column → list of typed values, for each column of each set group.

        Raises:
            QuiverError: The database is closed, or the collection does not exist.
            TypeError: An argument has the wrong type (the message names it); nothing is sent to the library.
            ValueError: A string argument holds a NUL character or is not valid UTF-8.
        """
        return self._read_groups_by_id("read_sets_by_id", "set", collection, id)

    def read_element_by_id(self, collection: str, id: int) -> dict[str, Any]:
        """Read one whole element: its scalars, then its vector and set columns, merged into one dict.

        Args:
            collection: Collection (table) name.
            id: Element id.

        Returns:
            Attribute → value or list (a later key wins on a name clash).

        Raises:
            QuiverError: The database is closed, or the collection does not exist.
            TypeError: An argument has the wrong type (the message names it); nothing is sent to the library.
            ValueError: A string argument holds a NUL character or is not valid UTF-8.
        """
        self._ensure_open()
        require_str("read_element_by_id", "collection", collection)
        require_id("read_element_by_id", id)
        result: dict[str, Any] = {}
        result.update(self.read_scalars_by_id(collection, id))
        result.update(self.read_vectors_by_id(collection, id))
        result.update(self.read_sets_by_id(collection, id))
        return result

    def _read_group_rows(self, op: str, structure: str, collection: str, group: str, id: int) -> list[dict[str, Any]]:
        self._ensure_open()
        require_str(op, "collection", collection)
        require_str(op, "group", group)
        require_id(op, id)
        if structure == "vector":
            metadata = self.get_vector_metadata(collection, group)
        else:
            metadata = self.get_set_metadata(collection, group)
        if not metadata.value_columns:
            return []
        columns: dict[str, list[Any]] = {}
        row_count = 0
        for column in metadata.value_columns:
            values = self._read_typed_list(structure, collection, column, id)
            columns[column.name] = values
            row_count = len(values)
        rows: list[dict[str, Any]] = []
        for i in range(row_count):
            row: dict[str, Any] = {"vector_index": i} if structure == "vector" else {}
            for name, values in columns.items():
                row[name] = values[i] if i < len(values) else None
            rows.append(row)
        return rows

    def read_vector_group_by_id(self, collection: str, group: str, id: int) -> list[dict[str, Any]]:
        """Read one element's vector group as rows.

        Args:
            collection: Collection (table) name.
            group: Group name (as listed by the ``list_*_groups`` methods).
            id: Element id.

        Returns:
            One dict per row: ``{"vector_index": i, <column>: value, ...}`` with a 0-based index.

        Raises:
            QuiverError: The database is closed, or the collection or group does not exist.
            TypeError: An argument has the wrong type (the message names it); nothing is sent to the library.
            ValueError: A string argument holds a NUL character or is not valid UTF-8.
        """
        return self._read_group_rows("read_vector_group_by_id", "vector", collection, group, id)

    def read_set_group_by_id(self, collection: str, group: str, id: int) -> list[dict[str, Any]]:
        """Read one element's set group as rows.

        Args:
            collection: Collection (table) name.
            group: Group name (as listed by the ``list_*_groups`` methods).
            id: Element id.

        Returns:
            One dict per row: ``{<column>: value, ...}``.

        Raises:
            QuiverError: The database is closed, or the collection or group does not exist.
            TypeError: An argument has the wrong type (the message names it); nothing is sent to the library.
            ValueError: A string argument holds a NUL character or is not valid UTF-8.
        """
        return self._read_group_rows("read_set_group_by_id", "set", collection, group, id)
