"""CSV export mixin of ``Database``."""

from __future__ import annotations

from quiverdb._c_api import get_lib
from quiverdb._database_base import DatabaseBase
from quiverdb._helpers import check, require_str
from quiverdb._marshal import marshal_csv_options
from quiverdb.metadata import CSVOptions


class DatabaseCSVExport(DatabaseBase):
    """Provides ``Database.export_csv``; a mixin of ``Database``, not used on its own."""

    def export_csv(self, collection: str, group: str, path: str, *, options: CSVOptions | None = None) -> None:
        """Export a collection's scalars (``group=""``) or one of its groups to a CSV file.

        Args:
            collection: Collection (table) name.
            group: Group name, or ``""`` for the scalar attributes.
            path: CSV file path.
            options: Date-time format and enum labels; ``None`` means ``CSVOptions()``.

        Raises:
            QuiverError: The database is closed, the collection or group does not exist, or the file cannot be
                written.
            TypeError: An argument has the wrong type or ``options`` is malformed (the message says where).
            ValueError: A string argument holds a NUL character or is not valid UTF-8.
        """
        self._ensure_open()
        c_collection = require_str("export_csv", "collection", collection)
        c_group = require_str("export_csv", "group", group)
        c_path = require_str("export_csv", "path", path)
        c_options, keepalive = marshal_csv_options("export_csv", options)
        check(get_lib().quiver_database_export_csv(self._ptr, c_collection, c_group, c_path, c_options))
        del keepalive
