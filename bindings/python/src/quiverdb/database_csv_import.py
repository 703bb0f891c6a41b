"""CSV import mixin of ``Database``."""

from __future__ import annotations

from quiverdb._c_api import get_lib
from quiverdb._database_base import DatabaseBase
from quiverdb._helpers import check, require_str
from quiverdb._marshal import marshal_csv_options
from quiverdb._progress import progress_bar
from quiverdb.metadata import CSVOptions


class DatabaseCSVImport(DatabaseBase):
    """Provides ``Database.import_csv``; a mixin of ``Database``, not used on its own."""

    def import_csv(
        self, collection: str, group: str, path: str, *, options: CSVOptions | None = None, progress: bool = False
    ) -> None:
        """Import a CSV file into a collection's scalars (``group=""``) or one of its groups, all or nothing.

        Args:
            collection: Collection (table) name.
            group: Group name, or ``""`` for the scalar attributes.
            path: CSV file path.
            options: Date-time format and enum labels; ``None`` means ``CSVOptions()``.
            progress: Show a progress bar (tqdm, when installed; nothing otherwise). The import is one native call,
                so the bar completes when the file is imported.

        Raises:
            QuiverError: The database is closed, the file cannot be read, or a row is refused (nothing is imported).
            TypeError: An argument has the wrong type or ``options`` is malformed (the message says where).
            ValueError: A string argument holds a NUL character or is not valid UTF-8.
        """
        self._ensure_open()
        c_collection = require_str("import_csv", "collection", collection)
        c_group = require_str("import_csv", "group", group)
        c_path = require_str("import_csv", "path", path)
        c_options, keepalive = marshal_csv_options("import_csv", options)
        with progress_bar(progress, 1, f"import_csv {path}") as bar:
            check(get_lib().quiver_database_import_csv(self._ptr, c_collection, c_group, c_path, c_options))
            if bar is not None:
                bar.update(1)
        del keepalive
