"""quiverdb: Python bindings for Quiver, a schema-first data layer over SQLite.

CFFI in ABI mode over ``libquiver_c``; the native libraries are loaded lazily on first use
(``QUIVER_LIBRARY_PATH`` → bundled ``_libs`` → system search path).
"""

from __future__ import annotations

from quiverdb._c_api import ffi as _ffi
from quiverdb._c_api import get_lib as _get_lib

# The package version; needs no native library, and always equals version().
from quiverdb._version import __version__ as __version__
from quiverdb.database import Database
from quiverdb.database_csv_export import DatabaseCSVExport
from quiverdb.database_csv_import import DatabaseCSVImport
from quiverdb.exceptions import QuiverError
from quiverdb.lua_runner import LuaRunner
from quiverdb.metadata import CSVOptions, DataType, GroupMetadata, LogLevel, ScalarMetadata
from quiverdb.query_result import QueryResult


def version() -> str:
    """Return the version of the loaded native library (``quiver_version()``), e.g. ``"0.6.0"``.

    Always equal to ``quiverdb.__version__``, which needs no native library.

    Raises:
        RuntimeError: The native libraries cannot be loaded (the message lists where they were searched).
    """
    text: str = _ffi.string(_get_lib().quiver_version()).decode("utf-8")
    return text


__all__ = [
    "CSVOptions",
    "DataType",
    "Database",
    "DatabaseCSVExport",
    "DatabaseCSVImport",
    "GroupMetadata",
    "LogLevel",
    "LuaRunner",
    "QueryResult",
    "QuiverError",
    "ScalarMetadata",
    "version",
]
