"""CSV export mixin of ``Database``."""

from __future__ import annotations

from quiverdb._c_api import get_lib
from quiverdb._database_base import DatabaseBase
from quiverdb._helpers import check, marshal_csv_options, require_str
from quiverdb.metadata import CSVOptions


class DatabaseCSVExport(DatabaseBase):
    """Provides ``export_csv``; mixed into ``Database``."""

    def export_csv(self, collection: str, group: str, path: str, *, options: CSVOptions | None = None) -> None:
        """Export a collection's scalars (``group=""``) or one group to a CSV file."""
        self._ensure_open()
        c_collection = require_str("export_csv", "collection", collection)
        c_group = require_str("export_csv", "group", group)
        c_path = require_str("export_csv", "path", path)
        c_options, keepalive = marshal_csv_options("export_csv", options)
        check(get_lib().quiver_database_export_csv(self._ptr, c_collection, c_group, c_path, c_options))
        del keepalive
