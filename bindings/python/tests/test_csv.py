"""export_csv / import_csv (mixins) and CSVOptions marshalling."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiverdb import CSVOptions, Database, DatabaseCSVExport, DatabaseCSVImport, QuiverError


def test_mixins() -> None:
    assert "export_csv" in vars(DatabaseCSVExport)
    assert "import_csv" in vars(DatabaseCSVImport)
    assert "export_csv" not in vars(Database) and "import_csv" not in vars(Database)


def test_export_scalars(populated_db: Database, tmp_path: Path) -> None:
    out = tmp_path / "sub" / "collection.csv"
    assert populated_db.export_csv("Collection", "", str(out)) is None
    lines = out.read_bytes().decode("utf-8").split("\n")
    assert lines[0] == "sep=,"
    assert lines[1] == "label,some_integer,some_float,some_string,date_start,kind,owner_id"
    assert lines[2] == '"Item 1",10,1.5,one,2024-01-01T00:00:00,,Alice'
    assert lines[3] == '"Item 2",,,,,,'
    assert lines[-1] == ""


def test_export_group(populated_db: Database, tmp_path: Path) -> None:
    out = tmp_path / "values.csv"
    populated_db.export_csv("Collection", "values", str(out))
    assert out.read_text().splitlines() == [
        "sep=,",
        "id,vector_index,value_int,value_float",
        '"Item 1",1,1,1.5',
        '"Item 1",2,2,2.5',
        '"Item 1",3,3,3.5',
        '"Item 3",1,9,',
    ]


def test_export_with_options(db: Database, tmp_path: Path) -> None:
    db.create_element("Collection", label="a", kind=1, date_start="2024-01-15T10:30:00")
    db.create_element("Collection", label="b", kind=2)
    db.create_element("Collection", label="c", kind=5)
    options = CSVOptions(
        date_time_format="%d/%m/%Y",
        enum_labels={"kind": {"en": {"Hydro": 1, "Thermal": 2}, "pt": {"Hidro": 1}}},
    )
    out = tmp_path / "c.csv"
    db.export_csv("Collection", "", str(out), options=options)
    lines = out.read_text().splitlines()
    assert lines[2] == "a,,,,15/01/2024,Hydro,"
    assert lines[3] == "b,,,,,Thermal,"
    assert lines[4] == "c,,,,,5,"


def test_export_import_roundtrip(populated_db: Database, tmp_path: Path) -> None:
    db = populated_db
    scalars = tmp_path / "scalars.csv"
    values = tmp_path / "values.csv"
    db.export_csv("Collection", "", str(scalars))
    db.export_csv("Collection", "values", str(values))
    before = [db.read_scalars_by_id("Collection", i) for i in db.read_element_ids("Collection")]
    vectors_before = db.read_vector_integers("Collection", "value_int")
    db.update_element("Collection", 1, some_integer=999, value_int=[0], value_float=[0.0])  # every column (D21)
    assert db.import_csv("Collection", "", str(scalars)) is None
    db.import_csv("Collection", "values", str(values))
    after = [db.read_scalars_by_id("Collection", i) for i in db.read_element_ids("Collection")]
    assert after == before
    assert db.read_vector_integers("Collection", "value_int") == vectors_before


def test_import_with_enum_labels_and_date_format(db: Database, tmp_path: Path) -> None:
    src = tmp_path / "in.csv"
    src.write_text(
        "label,kind,date_start,some_integer,some_float,some_string,owner_id\nx,hidro,15/01/2024,,,,\ny,3,,,,,\n"
    )
    options = CSVOptions(date_time_format="%d/%m/%Y", enum_labels={"kind": {"pt": {"Hidro": 1}}})
    db.import_csv("Collection", "", str(src), options=options)
    assert db.read_scalar_integers("Collection", "kind") == [1, 3]
    assert db.read_scalar_strings("Collection", "date_start") == ["2024-01-15T00:00:00", None]


def test_import_errors(db: Database, tmp_path: Path) -> None:
    with pytest.raises(QuiverError) as info:
        db.import_csv("Collection", "", str(tmp_path / "missing.csv"))
    assert str(info.value) == f"Cannot import_csv: could not open file: {tmp_path / 'missing.csv'}"
    bad = tmp_path / "bad.csv"
    bad.write_text("name\nx\n")
    with pytest.raises(QuiverError) as info:
        db.import_csv("Collection", "", str(bad))
    assert str(info.value) == "Cannot import_csv: CSV file does not contain a 'label' column."
    with pytest.raises(QuiverError) as info:
        db.import_csv("Collection", "nope", str(bad))
    assert str(info.value) == "Cannot import_csv: group not found: 'nope' in collection 'Collection'"
    with pytest.raises(QuiverError) as info:
        db.export_csv("Nope", "", str(tmp_path / "x.csv"))
    assert str(info.value) == "Cannot export_csv: collection not found: Nope"
    with pytest.raises(QuiverError) as info:
        db.export_csv("Collection", "", str(tmp_path))
    assert str(info.value) == f"Failed to export_csv: could not open file: {tmp_path}"


def test_import_inside_transaction(db: Database, tmp_path: Path) -> None:
    src = tmp_path / "in.csv"
    src.write_text("label,some_integer,some_float,some_string,date_start,kind,owner_id\na,,,,,,\nb,,,,,,\n")
    with db.transaction():
        db.import_csv("Collection", "", str(src))
        assert db.in_transaction()
    assert db.read_scalar_strings("Collection", "label") == ["a", "b"]


@pytest.mark.parametrize("method", ["export_csv", "import_csv"])
def test_csv_argument_validation(db: Database, tmp_path: Path, method: str) -> None:
    fn = getattr(db, method)
    path = str(tmp_path / "f.csv")
    for position, name in enumerate(["collection", "group", "path"]):
        args: list[object] = ["Collection", "", path]
        args[position] = 5
        with pytest.raises(TypeError) as info:
            fn(*args)
        assert str(info.value) == f"Cannot {method}: argument '{name}' must be str, got int"
    with pytest.raises(TypeError) as info:
        fn("Collection", "", Path(path))
    assert str(info.value).startswith(f"Cannot {method}: argument 'path' must be str, got ")
    with pytest.raises(TypeError) as info:
        fn("Collection", "", path, options={"date_time_format": ""})
    assert str(info.value) == f"Cannot {method}: argument 'options' must be CSVOptions, got dict"
    with pytest.raises(TypeError):
        fn("Collection", "", path, CSVOptions())  # options is keyword-only


@pytest.mark.parametrize("method", ["export_csv", "import_csv"])
@pytest.mark.parametrize(
    ("options", "detail"),
    [
        (CSVOptions(date_time_format=5), "date_time_format must be str, got int"),  # type: ignore[arg-type]
        (CSVOptions(enum_labels=[]), "enum_labels must be a dict, got list"),  # type: ignore[arg-type]
        (CSVOptions(enum_labels={1: {}}), "enum_labels keys must be str, got int"),  # type: ignore[dict-item]
        (CSVOptions(enum_labels={"kind": []}), "enum_labels['kind'] must be a dict, got list"),  # type: ignore[dict-item]
        (CSVOptions(enum_labels={"kind": {"en": [1]}}), "enum_labels['kind']['en'] must be a dict, got list"),  # type: ignore[dict-item]
        (
            CSVOptions(enum_labels={"kind": {"en": {"A": "1"}}}),  # type: ignore[dict-item]
            "enum_labels['kind']['en']['A'] must be int, got str",
        ),
        (
            CSVOptions(enum_labels={"kind": {"en": {"A": True}}}),
            "enum_labels['kind']['en']['A'] must be int, got bool",
        ),
        (
            CSVOptions(enum_labels={"kind": {"en": {2: 1}}}),  # type: ignore[dict-item]
            "enum_labels['kind']['en'] keys must be str, got int",
        ),
    ],
)
def test_csv_malformed_options(db: Database, tmp_path: Path, method: str, options: CSVOptions, detail: str) -> None:
    src = tmp_path / "f.csv"
    src.write_text("label\na\n")
    with pytest.raises(TypeError) as info:
        getattr(db, method)("Collection", "", str(src), options=options)
    assert str(info.value) == f"Cannot {method}: argument 'options' is malformed: {detail}"
    assert db.read_element_ids("Collection") == []


def test_csv_options_marshalling() -> None:
    from quiverdb._c_api import ffi
    from quiverdb._marshal import marshal_csv_options

    options = CSVOptions(
        date_time_format="%Y", enum_labels={"kind": {"en": {"Hydro": 1, "Thermal": 2}, "es": {"Hidro": 1}}}
    )
    c, keepalive = marshal_csv_options("export_csv", options)
    assert ffi.string(c.date_time_format) == b"%Y"
    assert c.enum_group_count == 2
    groups = []
    offset = 0
    for i in range(c.enum_group_count):
        n = c.enum_entry_counts[i]
        entries = {ffi.string(c.enum_labels[offset + j]).decode(): c.enum_values[offset + j] for j in range(n)}
        groups.append(
            (ffi.string(c.enum_attribute_names[i]).decode(), ffi.string(c.enum_locale_names[i]).decode(), entries)
        )
        offset += n
    assert sorted(groups) == [("kind", "en", {"Hydro": 1, "Thermal": 2}), ("kind", "es", {"Hidro": 1})]
    default, _ = marshal_csv_options("import_csv", None)
    assert ffi.string(default.date_time_format) == b""
    assert default.enum_group_count == 0
    assert default.enum_attribute_names == ffi.NULL
    del keepalive
