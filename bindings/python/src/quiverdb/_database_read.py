"""Bulk read mixin of ``Database``: one attribute of every element of a collection."""

from __future__ import annotations

from typing import Any

from quiverdb._c_api import ffi, get_lib
from quiverdb._database_base import DatabaseBase
from quiverdb._helpers import check, decode_strings, gc_paused, require_str, string_at, unpack

_LIST_CTYPES = {
    "integers": ffi.typeof("int64_t***"),
    "floats": ffi.typeof("double***"),
    "strings": ffi.typeof("char****"),
}


class DatabaseRead(DatabaseBase):
    """Provides ``read_scalar_*``, ``read_vector_*``, ``read_set_*``, ``read_element_ids`` and ``number_of_elements``."""

    def _read_scalar_numbers(self, op: str, kind: str, collection: object, attribute: object) -> list[Any]:
        self._ensure_open()
        c_collection = require_str(op, "collection", collection)
        c_attribute = require_str(op, "attribute", attribute)
        lib = get_lib()
        ctype = "int64_t" if kind == "integers" else "double"
        values = ffi.new(f"{ctype}**")
        mask = ffi.new("uint8_t**")
        count = ffi.new("size_t*")
        check(
            getattr(lib, f"quiver_database_read_scalar_{kind}")(
                self._ptr, c_collection, c_attribute, values, mask, count
            )
        )
        try:
            n = int(count[0])
            if n == 0:
                return []
            raw: list[Any] = unpack(values[0], n)
            present = unpack(ffi.cast("char*", mask[0]), n)  # bytes: one 0/1 byte per value
            if b"\x00" not in present:
                return raw
            return [value if flag else None for value, flag in zip(raw, present, strict=True)]
        finally:
            if values[0] != ffi.NULL:
                if kind == "integers":
                    lib.quiver_database_free_integer_array(values[0])
                else:
                    lib.quiver_database_free_float_array(values[0])
            if mask[0] != ffi.NULL:
                lib.quiver_database_free_mask(mask[0])

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
        return self._read_scalar_numbers("read_scalar_integers", "integers", collection, attribute)

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
        return self._read_scalar_numbers("read_scalar_floats", "floats", collection, attribute)

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
        self._ensure_open()
        op = "read_scalar_strings"
        c_collection = require_str(op, "collection", collection)
        c_attribute = require_str(op, "attribute", attribute)
        lib = get_lib()
        values = ffi.new("char***")
        count = ffi.new("size_t*")
        check(lib.quiver_database_read_scalar_strings(self._ptr, c_collection, c_attribute, values, count))
        n = int(count[0])
        try:
            return decode_strings(values[0], n) if n else []
        finally:
            if values[0] != ffi.NULL:
                lib.quiver_database_free_string_array(values[0], n)

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
        self._ensure_open()
        c_collection = require_str("number_of_elements", "collection", collection)
        out = ffi.new("int64_t*")
        check(get_lib().quiver_database_number_of_elements(self._ptr, c_collection, out))
        return int(out[0])

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
        self._ensure_open()
        c_collection = require_str("read_element_ids", "collection", collection)
        lib = get_lib()
        out = ffi.new("int64_t**")
        count = ffi.new("size_t*")
        check(lib.quiver_database_read_element_ids(self._ptr, c_collection, out, count))
        try:
            n = int(count[0])
            return ffi.unpack(out[0], n) if n else []
        finally:
            if out[0] != ffi.NULL:
                lib.quiver_database_free_integer_array(out[0])

    def _read_lists(self, op: str, structure: str, kind: str, collection: object, attribute: object) -> list[list[Any]]:
        self._ensure_open()
        c_collection = require_str(op, "collection", collection)
        c_attribute = require_str(op, "attribute", attribute)
        lib = get_lib()
        lists = ffi.new(_LIST_CTYPES[kind])
        sizes = ffi.new("size_t**")
        count = ffi.new("size_t*")
        fn = getattr(lib, f"quiver_database_read_{structure}_{kind}")
        check(fn(self._ptr, c_collection, c_attribute, lists, sizes, count))
        n = int(count[0])
        try:
            if n == 0:
                return []
            # Unpack the pointer and size arrays once, then each inner array in one call.
            pairs = zip(unpack(lists[0], n), unpack(sizes[0], n), strict=True)
            with gc_paused():
                if kind == "strings":
                    return [
                        [string_at(p).decode("utf-8", "replace") if p else None for p in unpack(inner, size)]
                        if size and inner
                        else []
                        for inner, size in pairs
                    ]
                return [unpack(inner, size) if size and inner else [] for inner, size in pairs]
        finally:
            if lists[0] != ffi.NULL and sizes[0] != ffi.NULL:
                free = getattr(lib, f"quiver_database_free_{kind[:-1]}_vectors")
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
        return self._read_lists("read_vector_integers", "vector", "integers", collection, attribute)

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
        return self._read_lists("read_vector_floats", "vector", "floats", collection, attribute)

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
        return self._read_lists("read_vector_strings", "vector", "strings", collection, attribute)

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
        return self._read_lists("read_set_integers", "set", "integers", collection, attribute)

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
        return self._read_lists("read_set_floats", "set", "floats", collection, attribute)

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
        return self._read_lists("read_set_strings", "set", "strings", collection, attribute)
