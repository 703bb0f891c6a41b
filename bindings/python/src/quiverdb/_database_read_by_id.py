"""Read-by-id mixin of ``Database``: one attribute of one element."""

from __future__ import annotations

from datetime import datetime
from typing import Any, cast

from quiverdb._c_api import get_lib
from quiverdb._database_base import DatabaseBase
from quiverdb._helpers import parse_date_time, read_array, read_value, require_id


def _by_id_names(structure: str, kind: str) -> tuple[str, str, str]:
    """``(public method, C value kind, C function)`` of a typed by-id reader."""
    c_kind = "string" if kind == "date_time" else kind
    plural = "" if structure == "scalar" else "s"
    op = f"read_{structure}_{kind}{'' if kind == 'date_time' else plural}_by_id"
    return op, c_kind, f"quiver_database_read_{structure}_{c_kind}{plural}_by_id"


_BY_ID = {
    (structure, kind): _by_id_names(structure, kind)
    for structure in ("scalar", "vector", "set")
    for kind in ("integer", "float", "string", "date_time")
}


class DatabaseReadById(DatabaseBase):
    """Provides ``read_scalar_*_by_id``, ``read_vector_*_by_id``, ``read_set_*_by_id`` (date-time included)."""

    def _read_by_id(self, structure: str, kind: str, collection: object, attribute: object, id: object) -> Any:
        """``read_<structure>_<kind>[s]_by_id``: one ``read_value``/``read_array`` path for every typed reader.

        DATE_TIME is stored as text: read as strings, then parsed (D22).
        """
        op, c_kind, function = _BY_ID[structure, kind]
        c_collection, c_attribute = self._open_strs(op, ("collection", collection), ("attribute", attribute))
        require_id(op, id)
        read = read_value if structure == "scalar" else read_array
        value: Any = read(c_kind, getattr(get_lib(), function), self._ptr, c_collection, c_attribute, id)
        if kind != "date_time":
            return value
        if structure == "scalar":
            return None if value is None else parse_date_time(op, value)
        return [parse_date_time(op, v) for v in value]

    def read_scalar_integer_by_id(self, collection: str, attribute: str, id: int) -> int | None:
        """Read an INTEGER scalar attribute of one element.

        Args:
            collection: Collection (table) name.
            attribute: Attribute (column) name.
            id: Element id.

        Returns:
            The value; ``None`` for NULL or when no element has this id.

        Raises:
            QuiverError: The database is closed, or the collection or attribute does not exist.
            TypeError: An argument has the wrong type (the message names it); nothing is sent to the library.
            ValueError: A string argument holds a NUL character or is not valid UTF-8.
        """
        return cast("int | None", self._read_by_id("scalar", "integer", collection, attribute, id))

    def read_scalar_float_by_id(self, collection: str, attribute: str, id: int) -> float | None:
        """Read a REAL scalar attribute of one element.

        Args:
            collection: Collection (table) name.
            attribute: Attribute (column) name.
            id: Element id.

        Returns:
            The value; ``None`` for NULL or when no element has this id.

        Raises:
            QuiverError: The database is closed, or the collection or attribute does not exist.
            TypeError: An argument has the wrong type (the message names it); nothing is sent to the library.
            ValueError: A string argument holds a NUL character or is not valid UTF-8.
        """
        return cast("float | None", self._read_by_id("scalar", "float", collection, attribute, id))

    def read_scalar_string_by_id(self, collection: str, attribute: str, id: int) -> str | None:
        """Read a TEXT scalar attribute of one element.

        Args:
            collection: Collection (table) name.
            attribute: Attribute (column) name.
            id: Element id.

        Returns:
            The value; ``None`` for NULL or when no element has this id.

        Raises:
            QuiverError: The database is closed, or the collection or attribute does not exist.
            TypeError: An argument has the wrong type (the message names it); nothing is sent to the library.
            ValueError: A string argument holds a NUL character or is not valid UTF-8.
        """
        return cast("str | None", self._read_by_id("scalar", "string", collection, attribute, id))

    def read_vector_integers_by_id(self, collection: str, attribute: str, id: int) -> list[int]:
        """Read an INTEGER vector attribute of one element.

        Args:
            collection: Collection (table) name.
            attribute: Attribute (column) name.
            id: Element id.

        Returns:
            The element's values (in vector_index order; ``[]`` when it has none or no element has this id).

        Raises:
            QuiverError: The database is closed, or the collection or attribute does not exist.
            TypeError: An argument has the wrong type (the message names it); nothing is sent to the library.
            ValueError: A string argument holds a NUL character or is not valid UTF-8.
        """
        return cast("list[int]", self._read_by_id("vector", "integer", collection, attribute, id))

    def read_vector_floats_by_id(self, collection: str, attribute: str, id: int) -> list[float]:
        """Read a REAL vector attribute of one element.

        Args:
            collection: Collection (table) name.
            attribute: Attribute (column) name.
            id: Element id.

        Returns:
            The element's values (in vector_index order; ``[]`` when it has none or no element has this id).

        Raises:
            QuiverError: The database is closed, or the collection or attribute does not exist.
            TypeError: An argument has the wrong type (the message names it); nothing is sent to the library.
            ValueError: A string argument holds a NUL character or is not valid UTF-8.
        """
        return cast("list[float]", self._read_by_id("vector", "float", collection, attribute, id))

    def read_vector_strings_by_id(self, collection: str, attribute: str, id: int) -> list[str]:
        """Read a TEXT vector attribute of one element.

        Args:
            collection: Collection (table) name.
            attribute: Attribute (column) name.
            id: Element id.

        Returns:
            The element's values (in vector_index order; ``[]`` when it has none or no element has this id).

        Raises:
            QuiverError: The database is closed, or the collection or attribute does not exist.
            TypeError: An argument has the wrong type (the message names it); nothing is sent to the library.
            ValueError: A string argument holds a NUL character or is not valid UTF-8.
        """
        return cast("list[str]", self._read_by_id("vector", "string", collection, attribute, id))

    def read_set_integers_by_id(self, collection: str, attribute: str, id: int) -> list[int]:
        """Read an INTEGER set attribute of one element.

        Args:
            collection: Collection (table) name.
            attribute: Attribute (column) name.
            id: Element id.

        Returns:
            The element's values (in insertion order; ``[]`` when it has none or no element has this id).

        Raises:
            QuiverError: The database is closed, or the collection or attribute does not exist.
            TypeError: An argument has the wrong type (the message names it); nothing is sent to the library.
            ValueError: A string argument holds a NUL character or is not valid UTF-8.
        """
        return cast("list[int]", self._read_by_id("set", "integer", collection, attribute, id))

    def read_set_floats_by_id(self, collection: str, attribute: str, id: int) -> list[float]:
        """Read a REAL set attribute of one element.

        Args:
            collection: Collection (table) name.
            attribute: Attribute (column) name.
            id: Element id.

        Returns:
            The element's values (in insertion order; ``[]`` when it has none or no element has this id).

        Raises:
            QuiverError: The database is closed, or the collection or attribute does not exist.
            TypeError: An argument has the wrong type (the message names it); nothing is sent to the library.
            ValueError: A string argument holds a NUL character or is not valid UTF-8.
        """
        return cast("list[float]", self._read_by_id("set", "float", collection, attribute, id))

    def read_set_strings_by_id(self, collection: str, attribute: str, id: int) -> list[str]:
        """Read a TEXT set attribute of one element.

        Args:
            collection: Collection (table) name.
            attribute: Attribute (column) name.
            id: Element id.

        Returns:
            The element's values (in insertion order; ``[]`` when it has none or no element has this id).

        Raises:
            QuiverError: The database is closed, or the collection or attribute does not exist.
            TypeError: An argument has the wrong type (the message names it); nothing is sent to the library.
            ValueError: A string argument holds a NUL character or is not valid UTF-8.
        """
        return cast("list[str]", self._read_by_id("set", "string", collection, attribute, id))

    # ------------------------------------------------------------------------- date-time helpers

    def read_scalar_date_time_by_id(self, collection: str, attribute: str, id: int) -> datetime | None:
        """Read a DATE_TIME scalar attribute of one element.

        Args:
            collection: Collection (table) name.
            attribute: Attribute (column) name.
            id: Element id.

        Returns:
            The value as an aware UTC ``datetime``; ``None`` for NULL or when no element has this id.

        Raises:
            QuiverError: The database is closed, or the collection or attribute does not exist.
            TypeError: An argument has the wrong type (the message names it); nothing is sent to the library.
            ValueError: A string argument holds a NUL character or is not valid UTF-8, or the stored text is not a
                date-time of the D22 grammar (``Cannot read_scalar_date_time_by_id: invalid date-time '<v>'``).
        """
        return cast("datetime | None", self._read_by_id("scalar", "date_time", collection, attribute, id))

    def read_vector_date_time_by_id(self, collection: str, attribute: str, id: int) -> list[datetime]:
        """Read a DATE_TIME vector attribute of one element.

        Args:
            collection: Collection (table) name.
            attribute: Attribute (column) name.
            id: Element id.

        Returns:
            The element's values as aware UTC ``datetime`` objects (in vector_index order).

        Raises:
            QuiverError: The database is closed, or the collection or attribute does not exist.
            TypeError: An argument has the wrong type (the message names it); nothing is sent to the library.
            ValueError: A string argument holds a NUL character or is not valid UTF-8.
        """
        return cast("list[datetime]", self._read_by_id("vector", "date_time", collection, attribute, id))

    def read_set_date_time_by_id(self, collection: str, attribute: str, id: int) -> list[datetime]:
        """Read a DATE_TIME set attribute of one element.

        Args:
            collection: Collection (table) name.
            attribute: Attribute (column) name.
            id: Element id.

        Returns:
            The element's values as aware UTC ``datetime`` objects (in insertion order).

        Raises:
            QuiverError: The database is closed, or the collection or attribute does not exist.
            TypeError: An argument has the wrong type (the message names it); nothing is sent to the library.
            ValueError: A string argument holds a NUL character or is not valid UTF-8.
        """
        return cast("list[datetime]", self._read_by_id("set", "date_time", collection, attribute, id))
