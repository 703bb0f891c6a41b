"""Write mixin of ``Database``: create, update and delete elements."""

from __future__ import annotations

from quiverdb._c_api import ffi, get_lib
from quiverdb._database_base import DatabaseBase
from quiverdb._helpers import INT64_PTR, check, new_cdata, require_str
from quiverdb.element import Element, _classify


class DatabaseWrite(DatabaseBase):
    """Provides ``create_element``, ``update_element(_by_label)``, ``delete_element(_by_label)``, ``update_relation(_by_label)``."""

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

    def _change_element(self, op: str, collection: object, element: object, kwargs: dict[str, object] | None) -> None:
        """``update_element``/``delete_element`` (``kwargs`` ``None``) or their ``_by_label`` twins.

        Checks the collection, then the element, then every value, before any C call.
        """
        (c_collection,) = self._open_strs(op, ("collection", collection))
        target, function = self._open_element(op, element)
        if kwargs is None:
            check(function(self._ptr, c_collection, target))
            return
        built = self._build_element(kwargs)
        try:
            check(function(self._ptr, c_collection, target, built._ptr))
        finally:
            built.destroy()

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
        (c_collection,) = self._open_strs("create_element", ("collection", collection))
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
        self._change_element("update_element", collection, id, kwargs)

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
        self._change_element("delete_element", collection, id, None)

    def update_element_by_label(self, collection: str, label: str, /, **kwargs: object) -> None:
        """``update_element`` addressing the element by its label.

        Args:
            collection: Collection (table) name.
            label: The element's label (trimmed, as every lookup); positional, so ``label=`` among the attributes
                renames the element.
            **kwargs: Attribute values, as for ``create_element``.

        Raises:
            QuiverError: The database is closed, no element has this label
                (``Element not found: label '<l>' in collection '<C>'``), or the update is refused (nothing is
                written).
            TypeError: An argument has the wrong type (the message names it); nothing is sent to the library.
            ValueError: A string argument holds a NUL character or is not valid UTF-8.
        """
        self._change_element("update_element_by_label", collection, label, kwargs)

    def delete_element_by_label(self, collection: str, label: str) -> None:
        """``delete_element`` addressing the element by its label.

        Args:
            collection: Collection (table) name.
            label: The element's label.

        Raises:
            QuiverError: The database is closed, or the collection or label does not exist (nothing is deleted).
            TypeError: An argument has the wrong type (the message names it); nothing is sent to the library.
            ValueError: A string argument holds a NUL character or is not valid UTF-8.
        """
        self._change_element("delete_element_by_label", collection, label, None)

    def _update_relation(
        self, op: str, collection_from: object, collection_to: object, relation_type: object, element: object,
        target_label: object,
    ) -> None:  # fmt: skip
        """``update_relation(_by_label)``: the element first, then the names, then the target."""
        target, function = self._open_element(op, element)
        c_names = self._open_strs(
            op, ("collection_from", collection_from), ("collection_to", collection_to), ("relation_type", relation_type)
        )
        c_target = ffi.NULL if target_label is None else require_str(op, "target_label", target_label)
        check(function(self._ptr, *c_names, target, c_target))

    def update_relation(
        self, collection_from: str, collection_to: str, relation_type: str, id: int, target_label: str | None
    ) -> None:
        """Set (or, with ``None``, clear) one scalar foreign key of an element to the element labelled ``target_label``.

        The column is ``<lowercase collection_to>_<relation_type>`` (``("Plant", "Fuel", "id")`` → ``fuel_id``).

        Args:
            collection_from: The collection of the element that holds the foreign key.
            collection_to: The referenced collection.
            relation_type: The relation's name (``"id"`` for ``<collection_to>_id``).
            id: The element's id.
            target_label: The label of the referenced element, or ``None`` to clear the relation.

        Raises:
            QuiverError: The database is closed, the column does not exist or is not a foreign key to
                ``collection_to``, the element or the target label does not exist (nothing is written).
            TypeError: An argument has the wrong type (the message names it); nothing is sent to the library.
            ValueError: A string argument holds a NUL character or is not valid UTF-8.
        """
        self._update_relation("update_relation", collection_from, collection_to, relation_type, id, target_label)

    def update_relation_by_label(
        self, collection_from: str, collection_to: str, relation_type: str, label: str, target_label: str | None
    ) -> None:
        """``update_relation`` addressing the element by its label.

        Args:
            collection_from: The collection of the element that holds the foreign key.
            collection_to: The referenced collection.
            relation_type: The relation's name (``"id"`` for ``<collection_to>_id``).
            label: The element's label.
            target_label: The label of the referenced element, or ``None`` to clear the relation.

        Raises:
            QuiverError: As for ``update_relation``; an unknown label gives
                ``Element not found: label '<l>' in collection '<C>'``.
            TypeError: An argument has the wrong type (the message names it); nothing is sent to the library.
            ValueError: A string argument holds a NUL character or is not valid UTF-8.
        """
        self._update_relation("update_relation_by_label", collection_from, collection_to, relation_type, label, target_label)
