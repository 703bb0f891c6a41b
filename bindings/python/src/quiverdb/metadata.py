"""Value types: data types, log levels, CSV options and schema metadata."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum


class DataType(IntEnum):
    """Column data types (``quiver_data_type_t``); ``ScalarMetadata.data_type`` is one of them."""

    INTEGER = 0
    FLOAT = 1
    STRING = 2
    DATE_TIME = 3
    NULL = 4


class LogLevel(IntEnum):
    """Console log levels (``quiver_log_level_t``), for the factories' ``console_level``."""

    DEBUG = 0
    INFO = 1
    WARN = 2
    ERROR = 3
    OFF = 4


@dataclass(frozen=True)
class CSVOptions:
    """Options for ``Database.export_csv`` and ``Database.import_csv``.

    Attributes:
        date_time_format: A strftime/strptime pattern for DATE_TIME columns; ``""`` writes and
            reads the stored text unchanged.
        enum_labels: Attribute → locale → label → integer value: an INTEGER column is written as
            its label and a label is read back as its value.
    """

    date_time_format: str = ""
    enum_labels: dict[str, dict[str, dict[str, int]]] = field(default_factory=dict)


@dataclass(frozen=True)
class ScalarMetadata:
    """Metadata of one column (a scalar attribute, or a value column of a group).

    Attributes:
        name: Column name.
        data_type: Column type.
        not_null: Whether the column is ``NOT NULL``.
        primary_key: Whether the column is the primary key (``id``).
        default_value: The SQL default as text, or ``None``.
        is_foreign_key: Whether the column references another collection.
        references_collection: The referenced collection, or ``None``.
        references_column: The referenced column, or ``None``.
    """

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
    """Metadata of a vector, set or time-series group.

    Attributes:
        group_name: Group name (the table is ``<collection>_<kind>_<group_name>``).
        dimension_column: The time-series dimension column; ``""`` for vector and set groups.
        value_columns: The group's value columns.
    """

    group_name: str
    dimension_column: str
    value_columns: list[ScalarMetadata]
