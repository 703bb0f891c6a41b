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
        """Create an element from keyword attributes (scalars and lists); return its id."""
        self._ensure_open()
        c_collection = require_str("create_element", "collection", collection)
        element = self._build_element(kwargs)
        try:
            out = new_cdata(INT64_PTR)
            err = get_lib().quiver_database_create_element(self._ptr, c_collection, element._ptr, out)
            if err:
                check(err)
            return out[0]
        finally:
            element.destroy()

    def update_element(self, collection: str, id: int, **kwargs: object) -> None:
        """Update an element; a list replaces the whole group (an empty list clears it)."""
        self._ensure_open()
        c_collection = require_str("update_element", "collection", collection)
        require_id("update_element", id)
        element = self._build_element(kwargs)
        try:
            check(get_lib().quiver_database_update_element(self._ptr, c_collection, id, element._ptr))
        finally:
            element.destroy()

    def delete_element(self, collection: str, id: int) -> None:
        """Delete an element (its group rows cascade)."""
        self._ensure_open()
        c_collection = require_str("delete_element", "collection", collection)
        require_id("delete_element", id)
        check(get_lib().quiver_database_delete_element(self._ptr, c_collection, id))
