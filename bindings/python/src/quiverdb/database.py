"""``Database``: the Python face of ``quiver_database_t``.

The class is assembled from one mixin per area (the modules ``_database_*.py`` and
``database_csv_*.py``), split the way ``src/`` and ``src/c/`` are; this module adds only the
factories, which construct it.
"""

from __future__ import annotations

from quiverdb._c_api import ffi, get_lib
from quiverdb._database_bulk import DatabaseBulk
from quiverdb._database_composite import DatabaseComposite
from quiverdb._database_dataframe import DatabaseDataFrame
from quiverdb._database_lifecycle import DatabaseLifecycle
from quiverdb._database_metadata import DatabaseMetadata
from quiverdb._database_query import DatabaseQuery
from quiverdb._database_read import DatabaseRead
from quiverdb._database_read_by_id import DatabaseReadById
from quiverdb._database_time_series import DatabaseTimeSeries
from quiverdb._database_time_series_files import DatabaseTimeSeriesFiles
from quiverdb._database_transaction import DatabaseTransaction
from quiverdb._database_write import DatabaseWrite
from quiverdb._helpers import check, require_str
from quiverdb.database_csv_export import DatabaseCSVExport
from quiverdb.database_csv_import import DatabaseCSVImport
from quiverdb.database_options import build_options


# Adding an area: write a ``_database_<area>.py`` mixin deriving from ``DatabaseBase`` (or from the
# mixins whose methods it calls) and list it below. A mixin must come before the mixins it derives
# from (C3 method resolution order); CSV stays first (tests pin ``Database.__mro__[1:3]``).
class Database(
    DatabaseCSVExport,
    DatabaseCSVImport,
    DatabaseLifecycle,
    DatabaseWrite,
    DatabaseBulk,
    DatabaseDataFrame,
    DatabaseTransaction,
    DatabaseQuery,
    DatabaseComposite,
    DatabaseTimeSeries,
    DatabaseTimeSeriesFiles,
    DatabaseRead,
    DatabaseReadById,
    DatabaseMetadata,
):
    """An open Quiver database: typed collections of elements over one SQLite file.

    Create one with ``from_schema``, ``from_migrations`` or ``open`` (never with the constructor).
    Close it with ``close()`` or use it as a context manager; an unclosed database warns with
    ``ResourceWarning`` when collected. Every method raises ``QuiverError`` once it is closed.
    Wrong argument types raise ``TypeError``/``ValueError`` naming the argument before any native
    call; everything else the library refuses raises ``QuiverError`` with its message, and a
    refused write changes nothing.
    """

    @staticmethod
    def from_schema(
        db_path: str, schema_path: str, *, read_only: bool = False, console_level: int | None = None
    ) -> Database:
        """Create a database from a SQL schema file, replacing any existing file at ``db_path``.

        Args:
            db_path: Database file path, or ``":memory:"``.
            schema_path: SQL schema file (``CREATE TABLE`` statements, see docs/schema.md).
            read_only: Open read-only: every write fails.
            console_level: Console log level (a ``LogLevel``); ``None`` keeps the library default (WARN).

        Returns:
            The open database; close it with ``close()`` or a ``with`` block.

        Raises:
            QuiverError: The schema file does not exist, its SQL fails, the schema is invalid, or the database
                cannot be created.
            TypeError: An argument has the wrong type (the message names it); nothing is sent to the library.
            ValueError: A string argument holds a NUL character or is not valid UTF-8.
        """
        c_db_path = require_str("from_schema", "db_path", db_path)
        c_schema_path = require_str("from_schema", "schema_path", schema_path)
        options = build_options("from_schema", read_only, console_level)
        out = ffi.new("quiver_database_t**")
        check(get_lib().quiver_database_from_schema(c_db_path, c_schema_path, options, out))
        return Database(out[0])

    @staticmethod
    def from_migrations(
        db_path: str, migrations_path: str, *, read_only: bool = False, console_level: int | None = None
    ) -> Database:
        """Open (or create) a database and apply its pending numbered migrations, all or nothing.

        Args:
            db_path: Database file path, or ``":memory:"``.
            migrations_path: Directory of numbered migrations (``1/up.sql``, ``2/up.sql``, …).
            read_only: Open read-only: every write fails.
            console_level: Console log level (a ``LogLevel``); ``None`` keeps the library default (WARN).

        Returns:
            The open database, at the latest migration's version.

        Raises:
            QuiverError: The directory does not exist or is not a directory, a migration fails (none is applied), or
                the database cannot be opened.
            TypeError: An argument has the wrong type (the message names it); nothing is sent to the library.
            ValueError: A string argument holds a NUL character or is not valid UTF-8.
        """
        c_db_path = require_str("from_migrations", "db_path", db_path)
        c_migrations_path = require_str("from_migrations", "migrations_path", migrations_path)
        options = build_options("from_migrations", read_only, console_level)
        out = ffi.new("quiver_database_t**")
        check(get_lib().quiver_database_from_migrations(c_db_path, c_migrations_path, options, out))
        return Database(out[0])

    @staticmethod
    def open(db_path: str, *, read_only: bool = False, console_level: int | None = None) -> Database:
        """Open an existing database; its schema is read lazily on first use. Nothing is ever created.

        Args:
            db_path: Database file path, or ``":memory:"``.
            read_only: Open read-only: every write fails.
            console_level: Console log level (a ``LogLevel``); ``None`` keeps the library default (WARN).

        Returns:
            The open database.

        Raises:
            QuiverError: The database cannot be opened; a missing file gives ``Database not found: <path>``
                and creates nothing (use ``from_schema``/``from_migrations`` to create one).
            TypeError: An argument has the wrong type (the message names it); nothing is sent to the library.
            ValueError: A string argument holds a NUL character or is not valid UTF-8.
        """
        c_db_path = require_str("open", "db_path", db_path)
        options = build_options("open", read_only, console_level)
        out = ffi.new("quiver_database_t**")
        check(get_lib().quiver_database_open(c_db_path, options, out))
        return Database(out[0])
