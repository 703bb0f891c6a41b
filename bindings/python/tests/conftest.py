"""Shared fixtures of the quiverdb tests.

Schema fixtures live in ``<repo>/tests/schemas`` (four directory levels above this file). The
native libraries are found by ``quiverdb._loader``: set ``QUIVER_LIBRARY_PATH=<build>/lib`` to test
against a build tree, or install the package (bundled ``_libs``).
"""

from __future__ import annotations

import gc
from collections.abc import Generator
from pathlib import Path

import pytest

from quiverdb import Database, LogLevel

REPO_ROOT = Path(__file__).resolve().parent.parent.parent.parent
SCHEMAS_PATH = REPO_ROOT / "tests" / "schemas"
VALID_SCHEMAS_PATH = SCHEMAS_PATH / "valid"
COLLECTIONS_SCHEMA = VALID_SCHEMAS_PATH / "python_collections.sql"


@pytest.fixture(autouse=True)
def _collect_garbage() -> Generator[None, None, None]:
    # Objects left unclosed by a test warn (ResourceWarning, an error under this suite's settings)
    # inside that test rather than in a later one.
    yield
    gc.collect()


@pytest.fixture
def schemas_path() -> Path:
    return SCHEMAS_PATH


@pytest.fixture
def collections_schema_path() -> Path:
    return COLLECTIONS_SCHEMA


@pytest.fixture
def collections_db(collections_schema_path: Path, tmp_path: Path) -> Generator[Database, None, None]:
    database = Database.from_schema(
        str(tmp_path / "collections.db"), str(collections_schema_path), console_level=LogLevel.OFF
    )
    yield database
    database.close()


@pytest.fixture
def db(collections_db: Database) -> Database:
    """Alias of ``collections_db``."""
    return collections_db


@pytest.fixture
def populated_db(collections_db: Database) -> Database:
    """``collections_db`` with a configuration, two owners and three collection elements."""
    database = collections_db
    database.create_element(
        "Configuration", label="cfg", string_attribute="hello", date_attribute="2024-01-02T03:04:05"
    )
    database.create_element("Owner", label="Alice", city="Rio")
    database.create_element("Owner", label="Bob")
    database.create_element(
        "Collection",
        label="Item 1",
        some_integer=10,
        some_float=1.5,
        some_string="one",
        date_start="2024-01-01T00:00:00",
        owner_id="Alice",
        value_int=[1, 2, 3],
        value_float=[1.5, 2.5, 3.5],
        name_text=["a", "b", "c"],
        date_event=["2024-01-01T00:00:00", "2024-02-01 12:30:00", "2024-03-01"],
        tag=["red", "blue"],
        code=[7, 3],
        weight=[0.5],
        date_milestone=["2025-01-01T00:00:00"],
    )
    database.create_element("Collection", label="Item 2")
    database.create_element(
        "Collection", label="Item 3", some_integer=30, some_float=3.0, some_string="three", value_int=[9]
    )
    return database
