"""Metadata mixin of ``Database``: scalar and group metadata, and their listings."""

from __future__ import annotations

from quiverdb._c_api import ffi, get_lib
from quiverdb._database_base import DatabaseBase
from quiverdb._helpers import check, group_metadata_from_c, require_str, scalar_metadata_from_c
from quiverdb.metadata import GroupMetadata, ScalarMetadata


class DatabaseMetadata(DatabaseBase):
    """Provides ``get_*_metadata`` and ``list_*``; mixed into ``Database``."""

    def get_scalar_metadata(self, collection: str, attribute: str) -> ScalarMetadata:
        """Return the metadata of one scalar attribute.

        Args:
            collection: Collection (table) name.
            attribute: Attribute (column) name.

        Returns:
            Name, data type, constraints, default and foreign-key target of the column.

        Raises:
            QuiverError: The database is closed, or the collection or attribute does not exist.
            TypeError: An argument has the wrong type (the message names it); nothing is sent to the library.
            ValueError: A string argument holds a NUL character or is not valid UTF-8.
        """
        self._ensure_open()
        c_collection = require_str("get_scalar_metadata", "collection", collection)
        c_attribute = require_str("get_scalar_metadata", "attribute", attribute)
        lib = get_lib()
        out = ffi.new("quiver_scalar_metadata_t*")
        check(lib.quiver_database_get_scalar_metadata(self._ptr, c_collection, c_attribute, out))
        try:
            return scalar_metadata_from_c(out)
        finally:
            lib.quiver_database_free_scalar_metadata(out)

    def _get_group_metadata(self, op: str, kind: str, collection: object, group_name: object) -> GroupMetadata:
        self._ensure_open()
        c_collection = require_str(op, "collection", collection)
        c_group = require_str(op, "group_name", group_name)
        lib = get_lib()
        out = ffi.new("quiver_group_metadata_t*")
        check(getattr(lib, f"quiver_database_get_{kind}_metadata")(self._ptr, c_collection, c_group, out))
        try:
            return group_metadata_from_c(out)
        finally:
            lib.quiver_database_free_group_metadata(out)

    def get_vector_metadata(self, collection: str, group_name: str) -> GroupMetadata:
        """Return the metadata of one vector group.

        Args:
            collection: Collection (table) name.
            group_name: Group name (as listed by the ``list_*_groups`` methods).

        Returns:
            The group's name and value columns.

        Raises:
            QuiverError: The database is closed, or the collection or group does not exist.
            TypeError: An argument has the wrong type (the message names it); nothing is sent to the library.
            ValueError: A string argument holds a NUL character or is not valid UTF-8.
        """
        return self._get_group_metadata("get_vector_metadata", "vector", collection, group_name)

    def get_set_metadata(self, collection: str, group_name: str) -> GroupMetadata:
        """Return the metadata of one set group.

        Args:
            collection: Collection (table) name.
            group_name: Group name (as listed by the ``list_*_groups`` methods).

        Returns:
            The group's name and value columns.

        Raises:
            QuiverError: The database is closed, or the collection or group does not exist.
            TypeError: An argument has the wrong type (the message names it); nothing is sent to the library.
            ValueError: A string argument holds a NUL character or is not valid UTF-8.
        """
        return self._get_group_metadata("get_set_metadata", "set", collection, group_name)

    def get_time_series_metadata(self, collection: str, group_name: str) -> GroupMetadata:
        """Return the metadata of one time-series group.

        Args:
            collection: Collection (table) name.
            group_name: Group name (as listed by the ``list_*_groups`` methods).

        Returns:
            The group's name, dimension column and value columns.

        Raises:
            QuiverError: The database is closed, or the collection or group does not exist.
            TypeError: An argument has the wrong type (the message names it); nothing is sent to the library.
            ValueError: A string argument holds a NUL character or is not valid UTF-8.
        """
        return self._get_group_metadata("get_time_series_metadata", "time_series", collection, group_name)

    def list_scalar_attributes(self, collection: str) -> list[ScalarMetadata]:
        """List the scalar attributes (columns) of a collection, ``id`` and ``label`` included.

        Args:
            collection: Collection (table) name.

        Returns:
            One ``ScalarMetadata`` per column, in table order.

        Raises:
            QuiverError: The database is closed, or the collection does not exist.
            TypeError: An argument has the wrong type (the message names it); nothing is sent to the library.
            ValueError: A string argument holds a NUL character or is not valid UTF-8.
        """
        self._ensure_open()
        c_collection = require_str("list_scalar_attributes", "collection", collection)
        lib = get_lib()
        out = ffi.new("quiver_scalar_metadata_t**")
        count = ffi.new("size_t*")
        check(lib.quiver_database_list_scalar_attributes(self._ptr, c_collection, out, count))
        n = int(count[0])
        try:
            return [scalar_metadata_from_c(out[0][i]) for i in range(n)]
        finally:
            if out[0] != ffi.NULL:
                lib.quiver_database_free_scalar_metadata_array(out[0], n)

    def _list_groups(self, op: str, kind: str, collection: object) -> list[GroupMetadata]:
        self._ensure_open()
        c_collection = require_str(op, "collection", collection)
        lib = get_lib()
        out = ffi.new("quiver_group_metadata_t**")
        count = ffi.new("size_t*")
        check(getattr(lib, f"quiver_database_list_{kind}_groups")(self._ptr, c_collection, out, count))
        n = int(count[0])
        try:
            return [group_metadata_from_c(out[0][i]) for i in range(n)]
        finally:
            if out[0] != ffi.NULL:
                lib.quiver_database_free_group_metadata_array(out[0], n)

    def list_vector_groups(self, collection: str) -> list[GroupMetadata]:
        """List the vector groups of a collection.

        Args:
            collection: Collection (table) name.

        Returns:
            One ``GroupMetadata`` per group.

        Raises:
            QuiverError: The database is closed, or the collection does not exist.
            TypeError: An argument has the wrong type (the message names it); nothing is sent to the library.
            ValueError: A string argument holds a NUL character or is not valid UTF-8.
        """
        return self._list_groups("list_vector_groups", "vector", collection)

    def list_set_groups(self, collection: str) -> list[GroupMetadata]:
        """List the set groups of a collection.

        Args:
            collection: Collection (table) name.

        Returns:
            One ``GroupMetadata`` per group.

        Raises:
            QuiverError: The database is closed, or the collection does not exist.
            TypeError: An argument has the wrong type (the message names it); nothing is sent to the library.
            ValueError: A string argument holds a NUL character or is not valid UTF-8.
        """
        return self._list_groups("list_set_groups", "set", collection)

    def list_time_series_groups(self, collection: str) -> list[GroupMetadata]:
        """List the time-series groups of a collection.

        Args:
            collection: Collection (table) name.

        Returns:
            One ``GroupMetadata`` per group.

        Raises:
            QuiverError: The database is closed, or the collection does not exist.
            TypeError: An argument has the wrong type (the message names it); nothing is sent to the library.
            ValueError: A string argument holds a NUL character or is not valid UTF-8.
        """
        return self._list_groups("list_time_series_groups", "time_series", collection)
