"""CSV import mixin of ``Database``."""

from __future__ import annotations

from quiverdb._c_api import get_lib
from quiverdb._database_base import DatabaseBase
from quiverdb._helpers import check, marshal_csv_options, require_str
from quiverdb.metadata import CSVOptions


class DatabaseCSVImport(DatabaseBase):
    """Provides ``import_csv``; mixed into ``Database``."""

    def import_csv(self, collection: str, group: str, path: str, *, options: CSVOptions | None = None) -> None:
        """Import a CSV file into a collection's scalars (``group=""``) or one group."""
        self._ensure_open()
        c_collection = require_str("import_csv", "collection", collection)
        c_group = require_str("import_csv", "group", group)
        c_path = require_str("import_csv", "path", path)
        c_options, keepalive = marshal_csv_options("import_csv", options)
        check(get_lib().quiver_database_import_csv(self._ptr, c_collection, c_group, c_path, c_options))
        del keepalive
