"""Bulk read mixin of ``Database``: one attribute of every element of a collection."""

from __future__ import annotations

from typing import Any

from quiverdb._c_api import ffi, get_lib
from quiverdb._database_base import DatabaseBase
from quiverdb._helpers import check, gc_paused, read_array, read_masked_array, string_at, unpack

_LIST_CTYPES = {
    "integer": ffi.typeof("int64_t***"),
    "float": ffi.typeof("double***"),
    "string": ffi.typeof("char****"),
}


class DatabaseRead(DatabaseBase):
    """Provides ``read_scalar_*``, ``read_vector_*``, ``read_set_*``, ``read_element_ids`` and ``number_of_elements``."""

    def _read_scalars(self, kind: str, collection: object, attribute: object) -> list[Any]:
        """``read_scalar_<kind>s``: numbers arrive with a presence mask, strings with NULL pointers."""
        op = f"read_scalar_{kind}s"
        c_collection, c_attribute = self._open_strs(op, ("collection", collection), ("attribute", attribute))
        read = read_array if kind == "string" else read_masked_array
        return read(kind, getattr(get_lib(), f"quiver_database_{op}"), self._ptr, c_collection, c_attribute)

    def read_scalar_integers(self, collection: str, attribute: str) -> list[int | None]:
        """Read an INTEGER scalar attribute of every element of a collection.

        Args:
            collection: Collection (table) name.
            attribute: Attribute (column) name.

        Returns:
            One value per element, in id order; ``None`` for NULL.

        Raises:
            QuiverError: The database is closed, or the collection or attribute does not exist.
            TypeError: An argument has the wrong type (the message names it); nothing is sent to the library.
            ValueError: A string argument holds a NUL character or is not valid UTF-8.
        """
        return self._read_scalars("integer", collection, attribute)

    def read_scalar_floats(self, collection: str, attribute: str) -> list[float | None]:
        """Read a REAL scalar attribute of every element of a collection.

        Args:
            collection: Collection (table) name.
            attribute: Attribute (column) name.

        Returns:
            One value per element, in id order; ``None`` for NULL.

        Raises:
            QuiverError: The database is closed, or the collection or attribute does not exist.
            TypeError: An argument has the wrong type (the message names it); nothing is sent to the library.
            ValueError: A string argument holds a NUL character or is not valid UTF-8.
        """
        return self._read_scalars("float", collection, attribute)

    def read_scalar_strings(self, collection: str, attribute: str) -> list[str | None]:
        """Read a TEXT scalar attribute of every element of a collection.

        Args:
            collection: Collection (table) name.
            attribute: Attribute (column) name.

        Returns:
            One value per element, in id order; ``None`` for NULL.

        Raises:
            QuiverError: The database is closed, or the collection or attribute does not exist.
            TypeError: An argument has the wrong type (the message names it); nothing is sent to the library.
            ValueError: A string argument holds a NUL character or is not valid UTF-8.
        """
        return self._read_scalars("string", collection, attribute)

    def number_of_elements(self, collection: str) -> int:
        """Count the elements of a collection (``SELECT COUNT(*)``, never cached).

        Args:
            collection: Collection (table) name; any table of the schema is accepted.

        Returns:
            The number of rows; ``0`` for an empty collection.

        Raises:
            QuiverError: The database is closed, or the collection does not exist.
            TypeError: An argument has the wrong type (the message names it); nothing is sent to the library.
            ValueError: A string argument holds a NUL character or is not valid UTF-8.
        """
        (c_collection,) = self._open_strs("number_of_elements", ("collection", collection))
        return int(self._get("int64_t", "number_of_elements", c_collection))

    def read_element_ids(self, collection: str) -> list[int]:
        """Read the ids of every element of a collection.

        Args:
            collection: Collection (table) name.

        Returns:
            The ids, in id (rowid) order.

        Raises:
            QuiverError: The database is closed, or the collection does not exist.
            TypeError: An argument has the wrong type (the message names it); nothing is sent to the library.
            ValueError: A string argument holds a NUL character or is not valid UTF-8.
        """
        (c_collection,) = self._open_strs("read_element_ids", ("collection", collection))
        return read_array("integer", get_lib().quiver_database_read_element_ids, self._ptr, c_collection)

    def _read_lists(self, structure: str, kind: str, collection: object, attribute: object) -> list[list[Any]]:
        """``read_<structure>_<kind>s``: one list per element."""
        op = f"read_{structure}_{kind}s"
        c_collection, c_attribute = self._open_strs(op, ("collection", collection), ("attribute", attribute))
        lib = get_lib()
        lists = ffi.new(_LIST_CTYPES[kind])
        sizes = ffi.new("size_t**")
        count = ffi.new("size_t*")
        fn = getattr(lib, f"quiver_database_{op}")
        check(fn(self._ptr, c_collection, c_attribute, lists, sizes, count))
        n = int(count[0])
        try:
            if n == 0:
                return []
            # Unpack the pointer and size arrays once, then each inner array in one call.
            pairs = zip(unpack(lists[0], n), unpack(sizes[0], n), strict=True)
            with gc_paused():
                if kind == "string":
                    return [
                        [string_at(p).decode("utf-8", "replace") if p else None for p in unpack(inner, size)]
                        if size and inner
                        else []
                        for inner, size in pairs
                    ]
                return [unpack(inner, size) if size and inner else [] for inner, size in pairs]
        finally:
            if lists[0] != ffi.NULL and sizes[0] != ffi.NULL:
                free = getattr(lib, f"quiver_database_free_{kind}_vectors")
                free(lists[0], sizes[0], n)

    def read_vector_integers(self, collection: str, attribute: str) -> list[list[int]]:
        """Read an INTEGER vector attribute of every element of a collection.

        Args:
            collection: Collection (table) name.
            attribute: Attribute (column) name.

        Returns:
            One list per element, in id order (``[]`` for an element without rows); in vector_index order within
            each list.

        Raises:
            QuiverError: The database is closed, or the collection or attribute does not exist.
            TypeError: An argument has the wrong type (the message names it); nothing is sent to the library.
            ValueError: A string argument holds a NUL character or is not valid UTF-8.
        """
        return self._read_lists("vector", "integer", collection, attribute)

    def read_vector_floats(self, collection: str, attribute: str) -> list[list[float]]:
        """Read a REAL vector attribute of every element of a collection.

        Args:
            collection: Collection (table) name.
            attribute: Attribute (column) name.

        Returns:
            One list per element, in id order (``[]`` for an element without rows); in vector_index order within
            each list.

        Raises:
            QuiverError: The database is closed, or the collection or attribute does not exist.
            TypeError: An argument has the wrong type (the message names it); nothing is sent to the library.
            ValueError: A string argument holds a NUL character or is not valid UTF-8.
        """
        return self._read_lists("vector", "float", collection, attribute)

    def read_vector_strings(self, collection: str, attribute: str) -> list[list[str]]:
        """Read a TEXT vector attribute of every element of a collection.

        Args:
            collection: Collection (table) name.
            attribute: Attribute (column) name.

        Returns:
            One list per element, in id order (``[]`` for an element without rows); in vector_index order within
            each list.

        Raises:
            QuiverError: The database is closed, or the collection or attribute does not exist.
            TypeError: An argument has the wrong type (the message names it); nothing is sent to the library.
            ValueError: A string argument holds a NUL character or is not valid UTF-8.
        """
        return self._read_lists("vector", "string", collection, attribute)

    def read_set_integers(self, collection: str, attribute: str) -> list[list[int]]:
        """Read an INTEGER set attribute of every element of a collection.

        Args:
            collection: Collection (table) name.
            attribute: Attribute (column) name.

        Returns:
            One list per element, in id order (``[]`` for an element without rows); in insertion order within each
            list.

        Raises:
            QuiverError: The database is closed, or the collection or attribute does not exist.
            TypeError: An argument has the wrong type (the message names it); nothing is sent to the library.
            ValueError: A string argument holds a NUL character or is not valid UTF-8.
        """
        return self._read_lists("set", "integer", collection, attribute)

    def read_set_floats(self, collection: str, attribute: str) -> list[list[float]]:
        """Read a REAL set attribute of every element of a collection.

        Args:
            collection: Collection (table) name.
            attribute: Attribute (column) name.

        Returns:
            One list per element, in id order (``[]`` for an element without rows); in insertion order within each
            list.

        Raises:
            QuiverError: The database is closed, or the collection or attribute does not exist.
            TypeError: An argument has the wrong type (the message names it); nothing is sent to the library.
            ValueError: A string argument holds a NUL character or is not valid UTF-8.
        """
        return self._read_lists("set", "float", collection, attribute)

    def read_set_strings(self, collection: str, attribute: str) -> list[list[str]]:
        """Read a TEXT set attribute of every element of a collection.

        Args:
            collection: Collection (table) name.
            attribute: Attribute (column) name.

        Returns:
            One list per element, in id order (``[]`` for an element without rows); in insertion order within each
            list.

        Raises:
            QuiverError: The database is closed, or the collection or attribute does not exist.
            TypeError: An argument has the wrong type (the message names it); nothing is sent to the library.
            ValueError: A string argument holds a NUL character or is not valid UTF-8.
        """
        return self._read_lists("set", "string", collection, attribute)
