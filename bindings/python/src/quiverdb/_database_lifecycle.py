"""Lifecycle mixin of ``Database``: close, context manager, path, version, health, describe.

The factories (``from_schema``, ``from_migrations``, ``open``) live on ``Database`` itself
(``quiverdb.database``) because they construct it.
"""

from __future__ import annotations

from quiverdb._c_api import ffi, get_lib
from quiverdb._database_base import DatabaseBase
from quiverdb._helpers import check, decode_string


class DatabaseLifecycle(DatabaseBase):
    """Provides ``close``, ``path``, ``current_version``, ``is_healthy``, ``describe``, ``describe_collection``, ``summarize_collection``."""

    def close(self) -> None:
        """Close the database; closing again does nothing.

        Raises:
            QuiverError: The library fails to close the handle.
        """
        self._closed = True
        self._release(lambda ptr: check(get_lib().quiver_database_close(ptr)))

    def __repr__(self) -> str:
        if self._closed:
            return "Database(closed)"
        return f"Database(path='{self.path()}')"

    def path(self) -> str:
        """Return the path the database was opened with.

        Returns:
            The ``db_path`` given to the factory.

        Raises:
            QuiverError: The database is closed.
        """
        return decode_string(self._get("const char*", "path")) or ""

    def current_version(self) -> int:
        """Return the schema version (``PRAGMA user_version``).

        Returns:
            The version; ``0`` for a database without one.

        Raises:
            QuiverError: The database is closed.
        """
        return int(self._get("int64_t", "current_version"))

    def is_healthy(self) -> bool:
        """Return whether the handle is open and usable.

        Returns:
            ``True`` when the connection answers.

        Raises:
            QuiverError: The database is closed.
        """
        return bool(self._get("int", "is_healthy"))

    def describe(self) -> str:
        """Return a summary of the schema as text; nothing is printed.

        The report lists the collections (with their element counts), attributes, groups, foreign
        keys and the time-series files table (D17). Print it with ``print(db.describe())``.

        Returns:
            The report; every line ends with a newline. Without a schema it ends with the line
            ``No schema loaded.``.

        Raises:
            QuiverError: The database is closed.
        """
        return self._report("describe")

    def _report(self, op: str, *named: tuple[str, object]) -> str:
        """The text ``quiver_database_<op>`` returns (``describe``, ``describe_collection``, ``summarize_collection``)."""
        out = ffi.new("char**")
        self._call(op, *self._open_strs(op, *named), out)
        try:
            report: str = ffi.string(out[0]).decode("utf-8")
            return report
        finally:
            get_lib().quiver_database_free_string(out[0])

    def describe_collection(self, collection: str) -> str:
        """Return the ``describe()`` block of one collection (no leading blank line).

        Args:
            collection: Collection (table) name.

        Returns:
            ``Collection: <C> (<n> elements)`` and its scalars, vectors, sets, time series and files; every line
            ends with a newline.

        Raises:
            QuiverError: The database is closed, the collection does not exist, or the schema cannot be loaded.
            TypeError: An argument has the wrong type (the message names it); nothing is sent to the library.
            ValueError: A string argument holds a NUL character or is not valid UTF-8.
        """
        return self._report("describe_collection", ("collection", collection))

    def summarize_collection(self, collection: str) -> str:
        """Return a summary of one collection's data: non-null counts, small INTEGER value distributions, groups.

        Args:
            collection: Collection (table) name.

        Returns:
            ``Collection: <C> (<n> elements)``, one line per column (``<k> non-null, <m> null[; values {...}]``)
            and per group (``<k>/<n> non-empty``); every line ends with a newline.

        Raises:
            QuiverError: The database is closed, or the collection does not exist.
            TypeError: An argument has the wrong type (the message names it); nothing is sent to the library.
            ValueError: A string argument holds a NUL character or is not valid UTF-8.
        """
        return self._report("summarize_collection", ("collection", collection))
