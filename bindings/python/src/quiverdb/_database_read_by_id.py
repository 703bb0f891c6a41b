"""Read-by-id mixin of ``Database``: one attribute of one element."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from quiverdb._c_api import ffi, get_lib
from quiverdb._database_base import DatabaseBase
from quiverdb._helpers import check, decode_string, parse_date_time, require_id, require_str


class DatabaseReadById(DatabaseBase):
    """Provides ``read_scalar_*_by_id``, ``read_vector_*_by_id``, ``read_set_*_by_id`` (date-time included)."""

    def _read_scalar_by_id(self, op: str, kind: str, collection: object, attribute: object, id: object) -> Any:
        self._ensure_open()
        c_collection = require_str(op, "collection", collection)
        c_attribute = require_str(op, "attribute", attribute)
        require_id(op, id)
        lib = get_lib()
        has = ffi.new("int*")
        if kind == "string":
            out = ffi.new("char**")
            check(lib.quiver_database_read_scalar_string_by_id(self._ptr, c_collection, c_attribute, id, out, has))
            try:
                return decode_string(out[0]) if has[0] else None
            finally:
                if out[0] != ffi.NULL:
                    lib.quiver_database_free_string(out[0])
        if kind == "integer":
            out = ffi.new("int64_t*")
            check(lib.quiver_database_read_scalar_integer_by_id(self._ptr, c_collection, c_attribute, id, out, has))
            return int(out[0]) if has[0] else None
        out = ffi.new("double*")
        check(lib.quiver_database_read_scalar_float_by_id(self._ptr, c_collection, c_attribute, id, out, has))
        return float(out[0]) if has[0] else None

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
        value: int | None = self._read_scalar_by_id("read_scalar_integer_by_id", "integer", collection, attribute, id)
        return value

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
        value: float | None = self._read_scalar_by_id("read_scalar_float_by_id", "float", collection, attribute, id)
        return value

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
        value: str | None = self._read_scalar_by_id("read_scalar_string_by_id", "string", collection, attribute, id)
        return value

    def _read_list_by_id(
        self, op: str, structure: str, kind: str, collection: object, attribute: object, id: object
    ) -> list[Any]:
        self._ensure_open()
        c_collection = require_str(op, "collection", collection)
        c_attribute = require_str(op, "attribute", attribute)
        require_id(op, id)
        lib = get_lib()
        ctype = {"integers": "int64_t", "floats": "double", "strings": "char*"}[kind]
        out = ffi.new(f"{ctype}**")
        count = ffi.new("size_t*")
        fn = getattr(lib, f"quiver_database_read_{structure}_{kind}_by_id")
        check(fn(self._ptr, c_collection, c_attribute, id, out, count))
        n = int(count[0])
        try:
            if n == 0:
                return []
            if kind == "strings":
                return [decode_string(out[0][j]) for j in range(n)]
            values: list[Any] = ffi.unpack(out[0], n)
            return values
        finally:
            if out[0] != ffi.NULL:
                if kind == "integers":
                    lib.quiver_database_free_integer_array(out[0])
                elif kind == "floats":
                    lib.quiver_database_free_float_array(out[0])
                else:
                    lib.quiver_database_free_string_array(out[0], n)

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
        return self._read_list_by_id("read_vector_integers_by_id", "vector", "integers", collection, attribute, id)

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
        return self._read_list_by_id("read_vector_floats_by_id", "vector", "floats", collection, attribute, id)

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
        return self._read_list_by_id("read_vector_strings_by_id", "vector", "strings", collection, attribute, id)

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
        return self._read_list_by_id("read_set_integers_by_id", "set", "integers", collection, attribute, id)

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
        return self._read_list_by_id("read_set_floats_by_id", "set", "floats", collection, attribute, id)

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
        return self._read_list_by_id("read_set_strings_by_id", "set", "strings", collection, attribute, id)

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
        value = self._read_scalar_by_id("read_scalar_date_time_by_id", "string", collection, attribute, id)
        return None if value is None else parse_date_time("read_scalar_date_time_by_id", value)

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
        op = "read_vector_date_time_by_id"
        values = self._read_list_by_id(op, "vector", "strings", collection, attribute, id)
        return [parse_date_time(op, v) for v in values]

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
        op = "read_set_date_time_by_id"
        values = self._read_list_by_id(op, "set", "strings", collection, attribute, id)
        return [parse_date_time(op, v) for v in values]
