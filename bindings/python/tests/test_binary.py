"""quiverdb.binary: every upstream fixture read and written byte for byte (also through numpy),
both CSV forms, the expression fixtures rebuilt, operators, errors and resource handling."""

from __future__ import annotations

import json
import math
import shutil
from pathlib import Path

import numpy
import pytest

from quiverdb import QuiverError
from quiverdb.binary import BinaryFile, BinaryMetadata, Dimension, Expression, bin_to_csv, csv_to_bin, ifelse

FIXTURES = Path(__file__).resolve().parent.parent.parent.parent / "tests" / "binary" / "fixtures"
MANIFEST = json.loads((FIXTURES / "manifest.json").read_text(encoding="utf-8"))
NAMES = [f["name"] for f in MANIFEST["fixtures"]]


def _fixture(name: str) -> dict:  # type: ignore[type-arg]
    return next(f for f in MANIFEST["fixtures"] if f["name"] == name)


def _same(a: float, b: float | None) -> bool:
    return (b is None and math.isnan(a)) or a == b


@pytest.mark.parametrize("name", NAMES)
def test_fixture_round_trip(name: str, tmp_path: Path) -> None:
    base = str(FIXTURES / name)
    fx = _fixture(name)
    with BinaryFile.open(base) as f, f.metadata() as md:
        assert md.to_toml() == (FIXTURES / f"{name}.toml").read_text(encoding="utf-8")
        assert md.value_count() * 8 == fx["layout"]["qvr_size_bytes"]
        dims = md.dimensions()
        assert [d.name for d in dims] == [d["name"] for d in fx["metadata"]["dimensions"]]
        for sample in fx["samples"]:
            if not isinstance(sample["read_allow_nulls"], list):
                continue
            values = f.read(sample["dims"], allow_nulls=True)
            assert all(_same(v, w) for v, w in zip(values, sample["file_values"], strict=True))
            at = [sample["dims"][d.name] for d in dims]
            buffer = numpy.empty(len(values))
            f.read_at(at, buffer, allow_nulls=True)
            assert all(_same(v, w) for v, w in zip(buffer.tolist(), sample["file_values"], strict=True))
        array = f.read_array()
        assert array.shape == md.shape()
        out = str(tmp_path / name)
        with BinaryFile.open(out, "w", md) as w:
            w.write_array(array)
    assert Path(out + ".qvr").read_bytes() == (FIXTURES / f"{name}.qvr").read_bytes()
    assert Path(out + ".toml").read_bytes() == (FIXTURES / f"{name}.toml").read_bytes()
    bin_to_csv(out)
    assert Path(out + ".csv").read_bytes() == (FIXTURES / f"{name}.csv").read_bytes()
    csv_to_bin(out)
    assert Path(out + ".qvr").read_bytes() == (FIXTURES / f"{name}.qvr").read_bytes()
    bin_to_csv(out, aggregate_time_dimensions=False)
    dims_csv = FIXTURES / f"{name}.dims.csv"
    expected = dims_csv if dims_csv.exists() else FIXTURES / f"{name}.csv"
    assert Path(out + ".csv").read_bytes() == expected.read_bytes()


def test_expression_fixtures(tmp_path: Path) -> None:
    with BinaryFile.open(str(FIXTURES / "monthly_daily")) as m:
        Expression.from_file(m).aggregate("block", "sum").save(str(tmp_path / "sum"))
    assert (tmp_path / "sum.qvr").read_bytes() == (FIXTURES / "expr_block_sum.qvr").read_bytes()
    assert (tmp_path / "sum.toml").read_bytes() == (FIXTURES / "expr_block_sum.toml").read_bytes()
    with BinaryFile.open(str(FIXTURES / "nulls")) as f:
        n = Expression.from_file(f)
        ifelse(n > 12.0, n * 10.0, n - 1.0).aggregate_agents("percentile", 0.5).save(str(tmp_path / "p50"))
    assert (tmp_path / "p50.qvr").read_bytes() == (FIXTURES / "expr_ifelse_p50.qvr").read_bytes()


def _small(tmp_path: Path) -> tuple[str, BinaryMetadata]:
    md = BinaryMetadata.create(initial_datetime="2025-01-01", unit="MW", labels=["a", "b"], dimensions=["i"],
                               dimension_sizes=[2])
    path = str(tmp_path / "x")
    with BinaryFile.open(path, "w", md) as f:
        f.write([1.0, -2.0], {"i": 1})
        f.write_at([2], numpy.array([0.0, 4.0]))
    return path, md


def _values(e: Expression, tmp_path: Path) -> list[float]:
    e.save(str(tmp_path / "r"))
    with BinaryFile.open(str(tmp_path / "r")) as r:
        return [float(v) for v in r.read_array().ravel()]


def test_operators(tmp_path: Path) -> None:
    path, md = _small(tmp_path)
    md.close()
    with BinaryFile.open(path) as f:
        x = Expression.from_file(f)
        assert _values(x + x, tmp_path) == [2.0, -4.0, 0.0, 8.0]
        assert _values(10 - x, tmp_path) == [9.0, 12.0, 10.0, 6.0]
        assert _values(x * 2 / 4, tmp_path) == [0.5, -1.0, 0.0, 2.0]
        assert _values(-x, tmp_path) == [-1.0, 2.0, -0.0, -4.0]
        assert _values(x & x, tmp_path) == [1.0, 1.0, 0.0, 1.0]
        assert _values(x | 0, tmp_path) == [1.0, 1.0, 0.0, 1.0]
        assert _values(~x, tmp_path) == [0.0, 0.0, 1.0, 0.0]
        assert _values(x > 0, tmp_path) == [1.0, 0.0, 0.0, 1.0]
        assert _values(x <= 0, tmp_path) == [0.0, 1.0, 1.0, 0.0]
        assert _values(x.eq(4), tmp_path) == [0.0, 0.0, 0.0, 1.0]
        assert _values(x.ne(4), tmp_path) == [1.0, 1.0, 1.0, 0.0]
        assert _values(x.abs().sqrt(), tmp_path) == [1.0, math.sqrt(2), 0.0, 2.0]
        assert _values((x - x).exp().log(), tmp_path) == [0.0, 0.0, 0.0, 0.0]
        assert _values(ifelse(x, 7.0, 8.0), tmp_path) == [7.0, 7.0, 8.0, 7.0]
        assert _values(ifelse(f, x, 5), tmp_path) == [1.0, -2.0, 5.0, 4.0]
        assert _values(x.aggregate_agents("max"), tmp_path) == [1.0, 4.0]
        assert _values(x.select_agents(["b"]), tmp_path) == [-2.0, 4.0]
        with x.rename_agents({"a": "b", "b": "a"}).metadata() as renamed:
            assert renamed.labels() == ["b", "a"]
        assert x == x and x != x + 1  # identity-based, hashable
        assert len({x}) == 1


def test_metadata_fields() -> None:
    md = BinaryMetadata.create(initial_datetime="2025-03-15", unit="MWh", labels=["p"],
                               dimensions=["month", "scenario", "day"], dimension_sizes=[2, 3, 31],
                               time_dimensions=["month", "day"], frequencies=["monthly", "daily"])
    with md:
        assert md.unit() == "MWh" and md.version() == "1"
        assert md.initial_datetime() == "2025-03-15T00:00:00"
        assert md.number_of_time_dimensions() == 2
        assert md.shape() == (2, 3, 31, 1)
        assert md.dimensions()[2] == Dimension("day", 31, True, "daily", 15, 0)
        assert md.dimensions()[1] == Dimension("scenario", 3, False, None, None, None)
        with BinaryMetadata.from_toml(md.to_toml()) as again:
            assert again.to_toml() == md.to_toml()


def test_errors(tmp_path: Path) -> None:
    path, md = _small(tmp_path)
    with pytest.raises(QuiverError, match="^Binary file not found: "):
        BinaryFile.open(str(tmp_path / "missing"))
    with pytest.raises(ValueError, match="^Cannot open: argument 'mode' must be 'r' or 'w', got 'a'$"):
        BinaryFile.open(path, "a")
    with BinaryFile.open(path) as f:
        with pytest.raises(QuiverError, match=r"^Cannot read: dimension 'i' value 3 is out of bounds \[1, 2\]$"):
            f.read({"i": 3})
        with pytest.raises(TypeError, match="^Cannot read: dimension 'i' must be int, got str$"):
            f.read({"i": "1"})  # type: ignore[dict-item]
        with pytest.raises(ValueError, match="^Cannot read_all_into: buffer must hold 4 float64 values, got 3$"):
            f.read_all_into(numpy.empty(3))
        with pytest.raises(TypeError, match="float64"):
            f.read_all_into(numpy.empty(4, dtype=numpy.float32))
        with pytest.raises(QuiverError, match="^Cannot write: file is open for reading: "):
            f.write([1.0, 2.0], {"i": 1})
        with pytest.raises(ValueError, match="^Cannot aggregate: unknown operation 'median'$"):
            Expression.from_file(f).aggregate("i", "median")
        with pytest.raises(QuiverError, match="^Cannot aggregate_agents: operation 'percentile' requires a parameter$"):
            Expression.from_file(f).aggregate_agents("percentile")
    md2 = BinaryMetadata.create(initial_datetime="2025-01-01", unit="GWh", labels=["a", "b"], dimensions=["i"],
                                dimension_sizes=[2])
    shutil.copy(path + ".qvr", str(tmp_path / "g.qvr"))
    (tmp_path / "g.toml").write_text(md2.to_toml(), encoding="utf-8")
    md2.close()
    with BinaryFile.open(path) as f, BinaryFile.open(str(tmp_path / "g")) as g:
        with pytest.raises(QuiverError, match=r"^Cannot apply: units differ \('MW' vs 'GWh'\)$"):
            Expression.from_file(f) + g
    md.close()


def test_resources(tmp_path: Path) -> None:
    path, md = _small(tmp_path)
    md.close()
    f = BinaryFile.open(path)
    f.close()
    f.close()
    assert not f.is_open()
    g = BinaryFile.open(path)
    with pytest.warns(ResourceWarning, match="BinaryFile was not closed explicitly"):
        del g
        import gc

        gc.collect()


def test_plain_buffers_path_and_frequencies(tmp_path: Path) -> None:
    """Bulk I/O takes any float64 buffer (no numpy needed); a refused bulk write leaves the file as it was."""
    from array import array

    from quiverdb.binary import TimeFrequency

    assert [f.name for f in TimeFrequency] == ["YEARLY", "MONTHLY", "WEEKLY", "DAILY", "HOURLY"]
    assert [int(f) for f in TimeFrequency] == [0, 1, 2, 3, 4]
    path, md = _small(tmp_path)
    with BinaryFile.open(path, "w", md) as f:
        assert f.path() == path
        f.write_all_from(array("d", [5.0, 6.0, 7.0, 8.0]))
    before = Path(path + ".qvr").read_bytes()
    with BinaryFile.open(path) as f:
        out = array("d", [0.0] * 4)
        f.read_all_into(out)
        assert out.tolist() == [5.0, 6.0, 7.0, 8.0]
    with BinaryFile.open(path, "w", md) as f:
        with pytest.raises(ValueError, match="^Cannot write_all_from: buffer must hold 4 float64 values, got 3$"):
            f.write_all_from(array("d", [1.0, 2.0, 3.0]))
        with pytest.raises(TypeError, match="float64"):
            f.write_all_from(array("f", [1.0, 2.0, 3.0, 4.0]))
        f.write_all_from(array("d", [5.0, 6.0, 7.0, 8.0]))
    assert Path(path + ".qvr").read_bytes() == before
    md.close()
