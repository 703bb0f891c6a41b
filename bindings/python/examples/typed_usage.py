"""A typed use of ``quiverdb``, checked by ``mypy --strict`` in the test command.

``scripts/python_test.sh`` type-checks this file together with the package, and
``tests/test_docs.py`` runs it, so the annotations users rely on (``list[float | None]``,
``GroupMetadata``, ...) stay right. Run it yourself with::

    python bindings/python/examples/typed_usage.py [schema.sql] [database.db]

(defaults: ``examples/energy_planning.sql`` of the repository, a temporary database).
"""

from __future__ import annotations

import sys
import tempfile
from datetime import datetime
from pathlib import Path

from quiverdb import Database, DataType, GroupMetadata, LogLevel, LuaRunner, QuiverError, ScalarMetadata

EXAMPLE_SCHEMA = Path(__file__).resolve().parents[3] / "examples" / "energy_planning.sql"


def capacity_by_plant(db: Database) -> dict[str, float | None]:
    """Plant label → capacity (``None`` where it is NULL), from two bulk reads."""
    labels = db.read_scalar_strings("Plant", "label")
    capacities = db.read_scalar_floats("Plant", "capacity")
    return {label: capacity for label, capacity in zip(labels, capacities, strict=True) if label is not None}


def real_columns(db: Database, collection: str) -> list[str]:
    """The REAL scalar attributes of a collection."""
    columns: list[ScalarMetadata] = db.list_scalar_attributes(collection)
    return [column.name for column in columns if column.data_type == DataType.FLOAT]


def build(db: Database) -> int:
    """Create a fuel and a plant with units, tags and a generation series; return the plant's id."""
    with db.transaction():
        db.create_element("Configuration", label="base")
        db.create_element("Fuel", label="gas", price=30.0, co2_factor=0.2)
        plant: int = db.create_element(
            "Plant",
            label="Riverside",
            capacity=450.0,
            date_commissioned="2015-06-01T00:00:00",
            fuel_id="gas",  # a label, resolved to the fuel's id
            unit_name=["G1", "G2"],
            unit_capacity=[200.0, 250.0],
            tag=["baseload", "gas"],
        )
        db.create_element("Plant", label="Hillside")
    rows = [{"date_time": f"2024-01-0{day}T00:00:00", "generation": 100.0 * day} for day in (1, 2, 3)]
    db.update_time_series_group("Plant", "generation", plant, rows)
    return plant


def main(argv: list[str]) -> int:
    schema = argv[1] if len(argv) > 1 else str(EXAMPLE_SCHEMA)
    with tempfile.TemporaryDirectory() as tmp:
        path = argv[2] if len(argv) > 2 else str(Path(tmp) / "typed.db")
        with Database.from_schema(path, schema, console_level=LogLevel.OFF) as db:
            plant = build(db)
            print("capacities:", capacity_by_plant(db))
            print("real columns:", real_columns(db, "Plant"))
            commissioned: datetime | None = db.read_scalar_date_time_by_id("Plant", "date_commissioned", plant)
            print("commissioned:", commissioned.date() if commissioned else None)
            units: list[list[float]] = db.read_vector_floats("Plant", "unit_capacity")
            print("unit capacities:", units)
            series: GroupMetadata = db.get_time_series_metadata("Plant", "generation")
            total = db.query_float(
                f"SELECT SUM(generation) FROM Plant_time_series_{series.group_name} WHERE id = ?", params=[plant]
            )
            print("generation:", total)
            try:
                db.create_element("Plant", label="Riverside")
            except QuiverError as error:
                print("refused:", error)
            with LuaRunner(db) as lua:
                lua.run('print("plants in Lua:", #db:read_element_ids("Plant"))')
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
