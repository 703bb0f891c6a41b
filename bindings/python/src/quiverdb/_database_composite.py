"""Composite read mixin of ``Database``: a whole element, or all its scalars, vectors or sets.

Built in Python, as upstream does, from the typed by-id reads (scalars) and the group readers
(vectors and sets), so a NULL cell in a group is ``None`` in its list (D20), and a missing id
raises ``Element not found: <id> in collection '<C>'`` (D24).
"""

from __future__ import annotations

from typing import Any

from quiverdb._database_groups import DatabaseGroups
from quiverdb._database_read_by_id import DatabaseReadById
from quiverdb._helpers import require_id
from quiverdb.metadata import DataType, ScalarMetadata

# Data type → the kind of the typed by-id reader (every other type is read as a string).
_SCALAR_KINDS = {DataType.INTEGER: "integer", DataType.FLOAT: "float", DataType.DATE_TIME: "date_time"}


class DatabaseComposite(DatabaseReadById, DatabaseGroups):
    """Provides ``read_element_by_id`` and ``read_{scalars,vectors,sets}_by_id``."""

    def _read_typed_scalar(self, collection: str, column: ScalarMetadata, id: int) -> Any:
        return self._read_by_id("scalar", _SCALAR_KINDS.get(column.data_type, "string"), collection, column.name, id)

    def _require_element(self, op: str, collection: object, id: object) -> tuple[str, int, list[ScalarMetadata]]:
        """Checks the arguments, the collection (baseline message) and, D24, that the element exists; returns
        the collection, the id and the collection's scalar attributes (read once, for the scalar composites)."""
        (c_collection,) = self._open_strs(op, ("collection", collection))
        element = require_id(op, id)
        name = str(collection)
        attributes = self.list_scalar_attributes(name)  # an unknown collection fails here, as before
        self._call("require_element", c_collection, element)
        return name, element, attributes

    def read_scalars_by_id(self, collection: str, id: int) -> dict[str, Any]:
        """Read every scalar attribute of one element, ``id`` and ``label`` included.

        Args:
            collection: Collection (table) name.
            id: Element id.

        Returns:
            Column → typed value (``int``, ``float``, ``str``, aware UTC ``datetime`` for DATE_TIME; ``None`` for
            NULL).

        Raises:
            QuiverError: The database is closed, the collection does not exist, or no element has this id
                (``Element not found: <id> in collection '<C>'``).
            TypeError: An argument has the wrong type (the message names it); nothing is sent to the library.
            ValueError: A string argument holds a NUL character or is not valid UTF-8, or a stored DATE_TIME is not
                a date-time.
        """
        name, element, attributes = self._require_element("read_scalars_by_id", collection, id)
        return {column.name: self._read_typed_scalar(name, column, element) for column in attributes}

    def _group_columns(self, kind: str, collection: str, id: int) -> dict[str, list[Any]]:
        """Value column → its cells, for every ``kind`` (``vector``/``set``) group of an existing element."""
        result: dict[str, list[Any]] = {}
        for group in self._list_metadata(f"list_{kind}_groups", collection):
            rows = self._read_group(f"read_{kind}_group_by_id", kind, collection, group.group_name, id)
            for column in group.value_columns:
                result[column.name] = [row[column.name] for row in rows]
        return result

    def read_vectors_by_id(self, collection: str, id: int) -> dict[str, list[Any]]:
        """Read every vector column of one element.

        Args:
            collection: Collection (table) name.
            id: Element id.

        Returns:
            Value column → list of typed values in vector order, for each column of each vector group; a NULL cell
            is ``None`` in place.

        Raises:
            QuiverError: The database is closed, the collection does not exist, or no element has this id.
            TypeError: An argument has the wrong type (the message names it); nothing is sent to the library.
            ValueError: A string argument holds a NUL character or is not valid UTF-8.
        """
        name, element, _ = self._require_element("read_vectors_by_id", collection, id)
        return self._group_columns("vector", name, element)

    def read_sets_by_id(self, collection: str, id: int) -> dict[str, list[Any]]:
        """Read every set column of one element.

        Args:
            collection: Collection (table) name.
            id: Element id.

        Returns:
            Value column → list of typed values, for each column of each set group; a NULL cell is ``None``.

        Raises:
            QuiverError: The database is closed, the collection does not exist, or no element has this id.
            TypeError: An argument has the wrong type (the message names it); nothing is sent to the library.
            ValueError: A string argument holds a NUL character or is not valid UTF-8.
        """
        name, element, _ = self._require_element("read_sets_by_id", collection, id)
        return self._group_columns("set", name, element)

    def read_element_by_id(self, collection: str, id: int) -> dict[str, Any]:
        """Read one whole element: its scalars, then its vector and set columns, merged into one dict.

        Args:
            collection: Collection (table) name.
            id: Element id.

        Returns:
            Attribute → value or list (a later key wins on a name clash).

        Raises:
            QuiverError: The database is closed, the collection does not exist, or no element has this id
                (``Element not found: <id> in collection '<C>'``).
            TypeError: An argument has the wrong type (the message names it); nothing is sent to the library.
            ValueError: A string argument holds a NUL character or is not valid UTF-8.
        """
        name, element, attributes = self._require_element("read_element_by_id", collection, id)
        result: dict[str, Any] = {c.name: self._read_typed_scalar(name, c, element) for c in attributes}
        result.update(self._group_columns("vector", name, element))
        result.update(self._group_columns("set", name, element))
        return result
