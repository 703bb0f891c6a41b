"""Value types: data types, log levels, CSV options and schema metadata."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum


class DataType(IntEnum):
    """Column data types (``quiver_data_type_t``)."""

    INTEGER = 0
    FLOAT = 1
    STRING = 2
    DATE_TIME = 3
    NULL = 4


class LogLevel(IntEnum):
    """Console log levels (``quiver_log_level_t``)."""

    DEBUG = 0
    INFO = 1
    WARN = 2
    ERROR = 3
    OFF = 4


@dataclass(frozen=True)
class CSVOptions:
    """Options for ``export_csv`` / ``import_csv``.

    ``enum_labels`` maps attribute -> locale -> label -> integer value; ``date_time_format`` is a
    strftime/strptime pattern ("" = no formatting).
    """

    date_time_format: str = ""
    enum_labels: dict[str, dict[str, dict[str, int]]] = field(default_factory=dict)


@dataclass(frozen=True)
class ScalarMetadata:
    """Metadata of one column."""

    name: str
    data_type: DataType
    not_null: bool
    primary_key: bool
    default_value: str | None
    is_foreign_key: bool
    references_collection: str | None
    references_column: str | None


@dataclass(frozen=True)
class GroupMetadata:
    """Metadata of a vector, set or time-series group."""

    group_name: str
    dimension_column: str
    value_columns: list[ScalarMetadata]
