"""``Database``: the Python face of ``quiver_database_t``.

The class is assembled from one mixin per area (the modules ``_database_*.py`` and
``database_csv_*.py``), split the way ``src/`` and ``src/c/`` are; this module adds only the
factories, which construct it.
"""

from __future__ import annotations

from quiverdb._c_api import ffi, get_lib
from quiverdb._database_composite import DatabaseComposite
from quiverdb._database_lifecycle import DatabaseLifecycle
from quiverdb._database_metadata import DatabaseMetadata
from quiverdb._database_query import DatabaseQuery
from quiverdb._database_read import DatabaseRead
from quiverdb._database_read_by_id import DatabaseReadById
from quiverdb._database_time_series import DatabaseTimeSeries
from quiverdb._database_transaction import DatabaseTransaction
from quiverdb._database_write import DatabaseWrite
from quiverdb._helpers import check, require_str
from quiverdb.database_csv_export import DatabaseCSVExport
from quiverdb.database_csv_import import DatabaseCSVImport
from quiverdb.database_options import build_options


class Database(
    DatabaseCSVExport,
    DatabaseCSVImport,
    DatabaseLifecycle,
    DatabaseWrite,
    DatabaseTransaction,
    DatabaseQuery,
    DatabaseComposite,
    DatabaseTimeSeries,
    DatabaseRead,
    DatabaseReadById,
    DatabaseMetadata,
):
    """An open Quiver database. Close it with ``close()`` or use it as a context manager."""

    @staticmethod
    def from_schema(
        db_path: str, schema_path: str, *, read_only: bool = False, console_level: int | None = None
    ) -> Database:
        """Create (replacing any existing file) a database from a SQL schema file."""
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
        """Open (or create) a database and apply the pending migrations of a directory."""
        c_db_path = require_str("from_migrations", "db_path", db_path)
        c_migrations_path = require_str("from_migrations", "migrations_path", migrations_path)
        options = build_options("from_migrations", read_only, console_level)
        out = ffi.new("quiver_database_t**")
        check(get_lib().quiver_database_from_migrations(c_db_path, c_migrations_path, options, out))
        return Database(out[0])

    @staticmethod
    def open(db_path: str, *, read_only: bool = False, console_level: int | None = None) -> Database:
        """Open an existing (or new) database; its schema is loaded lazily on first use."""
        c_db_path = require_str("open", "db_path", db_path)
        options = build_options("open", read_only, console_level)
        out = ffi.new("quiver_database_t**")
        check(get_lib().quiver_database_open(c_db_path, options, out))
        return Database(out[0])
