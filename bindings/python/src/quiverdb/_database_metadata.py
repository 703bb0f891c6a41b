"""Metadata mixin of ``Database``: scalar and group metadata, and their listings."""

from __future__ import annotations

from typing import Any, cast

from quiverdb._c_api import get_lib
from quiverdb._database_base import DatabaseBase
from quiverdb._helpers import group_metadata_from_c, read_struct, read_structs, scalar_metadata_from_c
from quiverdb.metadata import GroupMetadata, ScalarMetadata

# (is scalar) -> the C struct, its converter and the stem of its free functions.
_METADATA: dict[bool, tuple[str, Any, str]] = {
    True: ("quiver_scalar_metadata_t", scalar_metadata_from_c, "scalar_metadata"),
    False: ("quiver_group_metadata_t", group_metadata_from_c, "group_metadata"),
}


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
        return cast(ScalarMetadata, self._get_metadata("scalar", collection, ("attribute", attribute)))

    def _get_metadata(self, kind: str, collection: object, named: tuple[str, object]) -> Any:
        """``get_<kind>_metadata`` of one attribute (``scalar``) or group (``vector``/``set``/``time_series``)."""
        op = f"get_{kind}_metadata"
        c_collection, c_name = self._open_strs(op, ("collection", collection), named)
        ctype, convert, free = _METADATA[kind == "scalar"]
        function = getattr(get_lib(), f"quiver_database_{op}")
        return read_struct(ctype, convert, f"quiver_database_free_{free}", function, self._ptr, c_collection, c_name)

    def _list_metadata(self, op: str, collection: object) -> Any:
        """``list_scalar_attributes`` or ``list_<kind>_groups``: one metadata struct per attribute or group."""
        (c_collection,) = self._open_strs(op, ("collection", collection))
        ctype, convert, free = _METADATA[op == "list_scalar_attributes"]
        function = getattr(get_lib(), f"quiver_database_{op}")
        return read_structs(ctype, convert, f"quiver_database_free_{free}_array", function, self._ptr, c_collection)

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
        return cast(GroupMetadata, self._get_metadata("vector", collection, ("group_name", group_name)))

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
        return cast(GroupMetadata, self._get_metadata("set", collection, ("group_name", group_name)))

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
        return cast(GroupMetadata, self._get_metadata("time_series", collection, ("group_name", group_name)))

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
        return cast("list[ScalarMetadata]", self._list_metadata("list_scalar_attributes", collection))

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
        return cast("list[GroupMetadata]", self._list_metadata("list_vector_groups", collection))

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
        return cast("list[GroupMetadata]", self._list_metadata("list_set_groups", collection))

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
        return cast("list[GroupMetadata]", self._list_metadata("list_time_series_groups", collection))
