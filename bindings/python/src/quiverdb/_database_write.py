"""Write mixin of ``Database``: create, update and delete elements."""

from __future__ import annotations

from quiverdb._c_api import get_lib
from quiverdb._database_base import DatabaseBase
from quiverdb._helpers import INT64_PTR, check, new_cdata, require_id, require_str
from quiverdb.element import Element, _classify


class DatabaseWrite(DatabaseBase):
    """Provides ``create_element``, ``update_element``, ``delete_element``; mixed into ``Database``."""

    def _build_element(self, kwargs: dict[str, object]) -> Element:
        # Validate every value before any C call.
        prepared = [(require_str("set", "name", name), *_classify(name, value)) for name, value in kwargs.items()]
        element = Element()
        try:
            element._apply_prepared(prepared)
        except BaseException:
            element.destroy()
            raise
        return element

    def create_element(self, collection: str, **kwargs: object) -> int:
        """Create an element from keyword attributes and return its id.

        Args:
            collection: Collection (table) name.
            **kwargs: Attribute values: ``int``, ``float``, ``str``, ``bool`` or ``None`` for scalars; a list for a
                vector or set column (routed to its group by column name).

        Returns:
            The new element's id.

        Raises:
            QuiverError: The database is closed, an attribute is unknown, a value does not match its column type or
                breaks a constraint (nothing is written).
            TypeError: An argument has the wrong type (the message names it); nothing is sent to the library.
            ValueError: A string argument holds a NUL character or is not valid UTF-8.
        """
        self._ensure_open()
        c_collection = require_str("create_element", "collection", collection)
        element = self._build_element(kwargs)
        try:
            out = new_cdata(INT64_PTR)
            err = get_lib().quiver_database_create_element(self._ptr, c_collection, element._ptr, out)
            if err:
                check(err)
            new_id: int = out[0]
            return new_id
        finally:
            element.destroy()

    def update_element(self, collection: str, id: int, **kwargs: object) -> None:
        """Update attributes of one element; a list replaces the whole group, an empty list clears it.

        Args:
            collection: Collection (table) name.
            id: Element id.
            **kwargs: Attribute values, as for ``create_element``.

        Raises:
            QuiverError: The database is closed, the element does not exist, an attribute is unknown, or a value is
                refused (nothing is written).
            TypeError: An argument has the wrong type (the message names it); nothing is sent to the library.
            ValueError: A string argument holds a NUL character or is not valid UTF-8.
        """
        self._ensure_open()
        c_collection = require_str("update_element", "collection", collection)
        require_id("update_element", id)
        element = self._build_element(kwargs)
        try:
            check(get_lib().quiver_database_update_element(self._ptr, c_collection, id, element._ptr))
        finally:
            element.destroy()

    def delete_element(self, collection: str, id: int) -> None:
        """Delete one element; its group rows are deleted with it (cascade).

        Args:
            collection: Collection (table) name.
            id: Element id.

        Raises:
            QuiverError: The database is closed, or the collection or element does not exist (nothing is deleted).
            TypeError: An argument has the wrong type (the message names it); nothing is sent to the library.
            ValueError: A string argument holds a NUL character or is not valid UTF-8.
        """
        self._ensure_open()
        c_collection = require_str("delete_element", "collection", collection)
        require_id("delete_element", id)
        check(get_lib().quiver_database_delete_element(self._ptr, c_collection, id))
