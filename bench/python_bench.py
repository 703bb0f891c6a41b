"""Workload W through the Python package ``quiverdb`` next to the C++ numbers for the same N.

Usage: python3 bench/python_bench.py [--cpp-bench PATH] [--repeats R] [--dir DIR] N

- create_python: ``Database.open`` + ``with db.transaction():`` + a loop of ``create_element``
  building the same element as the C++ bench (label, count, weight, 10-row ``level``/``factor``
  vectors, 3-row ``tag`` set), then ``close``.
- read_python: ``Database.open`` + bulk reads of the ids, every scalar column, both vector
  columns and the set, then ``close``.
- binary_read_all_python (with ``--binary-bench PATH`` of quiver_binary_bench): ``BinaryFile.open``
  + ``read_all_into`` a numpy array + ``close`` of a 208 MB file pair (stage 120 x scenario 200 x block 31
  x 35 labels) against ``quiver_binary_bench --read-all`` (``open_file`` + ``read_all`` into a
  ``std::vector`` + close), alternated, best of R; both destinations are allocated beforehand.

The C++ numbers come from running ``quiver_bench --only create,read --repeats 1`` (the "ours"
column of its ``create_cpp`` and ``read_cpp`` lines) once per round, right after the Python runs
of that round, on the same machine. Each timed line is
``<key> <python> s <c++> s <ratio>x cpu <python> s <c++> s <ratio>x`` (elapsed time, then process
CPU time; best of R rounds, creates on a fresh database), the same format as quiver_bench, so
scripts/bench.sh parses both alike.

The library is found as quiverdb always finds it (``QUIVER_LIBRARY_PATH``, bundled, system).

``--frames`` runs the data-frame benchmarks instead (schema bench/frames.sql; pandas and numpy
needed), each interleaved with its reference and best of R:

- ts_frame: ``read_time_series_dataframe`` of N elements × 365 daily rows vs
  ``pandas.read_sql("SELECT * FROM Plant_time_series_generation", sqlite3 connection)``;
- read_frame: ``read_dataframe`` of 10·N elements × 3 REAL scalars (plus label) vs the C++ bulk
  reads of the same columns (``quiver_frame_bench read``: the typed reads and read_scalar_columns);
- create_frame: ``create_elements`` of an N-row DataFrame with a 10-value vector column vs the
  C++ create loop per element in one transaction (``quiver_frame_bench create``);
- query_frame: ``query_dataframe("SELECT id, capacity, efficiency FROM Plant")`` over 100·N rows
  (one INTEGER and two REAL columns) vs ``pandas.read_sql`` of the same SELECT over a stdlib
  ``sqlite3`` connection.

With ``--frames`` N is the element count of ts_frame and create_frame (issue 14: 10 000).
``--only ts,read,create,query`` picks some of the four (default: all).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import quiverdb

SCHEMA = Path(__file__).resolve().parent / "workload.sql"
TAGS = ["alpha", "beta", "gamma"]


def fresh_database(path: Path) -> None:
    """A new database file holding the workload schema (not timed)."""
    for suffix in ("", "-journal"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    quiverdb.Database.from_schema(str(path), str(SCHEMA), console_level=quiverdb.LogLevel.OFF).close()


def python_create(path: Path, n: int) -> None:
    levels = list(range(10))
    factors = [k * 0.25 for k in range(10)]
    db = quiverdb.Database.open(str(path), console_level=quiverdb.LogLevel.OFF)
    try:
        with db.transaction():
            create = db.create_element
            for i in range(n):
                create("Item", label=f"Item {i}", count=i, weight=i * 0.5, level=levels, factor=factors, tag=TAGS)
    finally:
        db.close()


def python_read(path: Path) -> int:
    db = quiverdb.Database.open(str(path), console_level=quiverdb.LogLevel.OFF)
    try:
        total = len(db.read_element_ids("Item"))
        total += len(db.read_scalar_strings("Item", "label"))
        total += len(db.read_scalar_integers("Item", "count"))
        total += len(db.read_scalar_floats("Item", "weight"))
        total += len(db.read_vector_integers("Item", "level"))
        total += len(db.read_vector_floats("Item", "factor"))
        total += len(db.read_set_strings("Item", "tag"))
        return total
    finally:
        db.close()


def timed(body) -> tuple[float, float]:
    """(elapsed, process CPU time) of body()."""
    start, cpu_start = time.perf_counter(), time.process_time()
    body()
    return time.perf_counter() - start, time.process_time() - cpu_start


def cpp_numbers(bench: str, n: int, repeats: int, directory: Path) -> dict[str, tuple[float, float]]:
    """The "ours" (elapsed, CPU) times of quiver_bench's create_cpp and read_cpp lines."""
    out = subprocess.run(
        [bench, "--only", "create,read", "--repeats", str(repeats), str(n), str(directory / "cpp")],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    numbers: dict[str, tuple[float, float]] = {}
    for line in out.splitlines():
        # <key> <ours> s <baseline> s <ratio>x cpu <ours> s <baseline> s <ratio>x
        fields = line.split()
        if fields and fields[0] in ("create_cpp", "read_cpp"):
            numbers[fields[0]] = (float(fields[1]), float(fields[7]))
    missing = {"create_cpp", "read_cpp"} - numbers.keys()
    if missing:
        raise RuntimeError(f"quiver_bench printed no {sorted(missing)}:\n{out}")
    return numbers


def report(key: str, ours: tuple[float, float], baseline: tuple[float, float]) -> None:
    """The quiver_bench line format: elapsed times and ratio, then CPU times and ratio."""
    (wall, cpu), (base_wall, base_cpu) = ours, baseline
    print(
        f"{key:<24} {wall:10.4f} s {base_wall:10.4f} s {wall / base_wall:7.2f}x   "
        f"cpu {cpu:8.4f} s {base_cpu:8.4f} s {cpu / base_cpu:6.2f}x",
        flush=True,
    )


def keep_best(best: dict[str, tuple[float, float]], key: str, times: tuple[float, float]) -> None:
    old = best.get(key, (float("inf"), float("inf")))
    best[key] = (min(old[0], times[0]), min(old[1], times[1]))


FRAMES_SCHEMA = Path(__file__).resolve().parent / "frames.sql"
DAYS = 365


def frames_database(path: Path, elements: int, days: int) -> None:
    """Plants with 3 REAL scalars and, for the first ``elements`` of them when days > 0, a daily series (not timed)."""
    import sqlite3

    import numpy as np
    import pandas as pd

    for suffix in ("", "-journal"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    db = quiverdb.Database.from_schema(str(path), str(FRAMES_SCHEMA), console_level=quiverdb.LogLevel.OFF)
    try:
        rng = np.arange(elements, dtype=np.float64)
        db.create_elements("Plant", pd.DataFrame(
            {"label": [f"Plant {i}" for i in range(elements)], "capacity": rng, "efficiency": rng / 2, "cost": rng * 3}
        ))  # fmt: skip
    finally:
        db.close()
    if days:
        dates = [str(np.datetime64("2024-01-01") + k) + "T00:00:00" for k in range(days)]
        with sqlite3.connect(path) as raw:
            raw.executemany(
                "INSERT INTO Plant_time_series_generation VALUES (?, ?, ?)",
                ((i + 1, date, float(k)) for i in range(elements) for k, date in enumerate(dates)),
            )


QUERY_ROWS_PER_N = 100
QUERY_SQL = "SELECT id, capacity, efficiency FROM Plant"


def query_database(path: Path, rows: int) -> None:
    """The frames schema with ``rows`` plants written straight through sqlite3 (not timed; create_elements
    would take a minute for a million rows)."""
    frames_database(path, 0, 0)
    import sqlite3

    with sqlite3.connect(path) as raw:
        raw.executemany(
            "INSERT INTO Plant (id, label, capacity, efficiency, cost) VALUES (?, ?, ?, ?, ?)",
            ((i + 1, f"Plant {i}", i * 0.5, i / 3, None) for i in range(rows)),
        )


def frame_cpp(bench: str, args: list[str]) -> dict[str, tuple[float, float]]:
    out = subprocess.run([bench, *args], check=True, capture_output=True, text=True).stdout
    return {line.split()[0]: (float(line.split()[1]), float(line.split()[2])) for line in out.splitlines()}


def run_frames(n: int, repeats: int, bench: str | None, directory: Path, only: set[str]) -> None:
    import sqlite3

    import numpy as np
    import pandas as pd

    ts_path, read_path, empty = directory / "ts.db", directory / "read.db", directory / "empty.db"
    query_path = directory / "query.db"
    if "ts" in only:
        frames_database(ts_path, n, DAYS)
    if "read" in only:
        frames_database(read_path, 10 * n, 0)
    frames_database(empty, 0, 0)
    if "query" in only:
        query_database(query_path, QUERY_ROWS_PER_N * n)
    factors = np.arange(10) * 0.25
    create_rows = pd.DataFrame({
        "label": [f"Plant {i}" for i in range(n)], "capacity": np.arange(n) * 0.5, "factor": [factors] * n,
    })  # fmt: skip
    print(
        f"# --frames ({','.join(sorted(only))}): ts {n} x {DAYS} rows, read {10 * n} x 3 REAL, create {n} rows +"
        f" 10-value vectors, query {QUERY_ROWS_PER_N * n} x (INTEGER, 2 REAL); best of {repeats}"
    )
    print(f"{'# measurement':<24} {'python':>12} {'reference':>12} {'ratio':>8}   (process CPU time)")
    best: dict[str, tuple[float, float]] = {}

    def python_ts() -> None:
        with quiverdb.Database.open(str(ts_path), console_level=quiverdb.LogLevel.OFF) as db:
            db.read_time_series_dataframe("Plant", "generation")

    def pandas_ts() -> None:
        with sqlite3.connect(ts_path) as raw:
            pd.read_sql("SELECT * FROM Plant_time_series_generation", raw)

    def python_read() -> None:
        with quiverdb.Database.open(str(read_path), console_level=quiverdb.LogLevel.OFF) as db:
            db.read_dataframe("Plant", ["capacity", "efficiency", "cost"])

    def python_create() -> None:
        with quiverdb.Database.open(str(directory / "py_create.db"), console_level=quiverdb.LogLevel.OFF) as db:
            db.create_elements("Plant", create_rows)

    def python_query() -> None:
        with quiverdb.Database.open(str(query_path), console_level=quiverdb.LogLevel.OFF) as db:
            db.query_dataframe(QUERY_SQL)

    def pandas_query() -> None:
        with sqlite3.connect(query_path) as raw:
            pd.read_sql(QUERY_SQL, raw)

    # Warm-up: cffi lookups, pandas imports.
    with quiverdb.Database.open(str(empty), console_level=quiverdb.LogLevel.OFF) as db:
        db.read_dataframe("Plant", ["capacity"]), db.query_dataframe(QUERY_SQL)
    for _ in range(repeats):
        if "ts" in only:
            keep_best(best, "ts_frame", timed(python_ts))
            keep_best(best, "ts_read_sql", timed(pandas_ts))
        if "query" in only:
            keep_best(best, "query_frame", timed(python_query))
            keep_best(best, "query_read_sql", timed(pandas_query))
        if "read" in only:
            keep_best(best, "read_frame", timed(python_read))
        if "create" in only:
            (directory / "py_create.db").write_bytes(empty.read_bytes())
            keep_best(best, "create_frame", timed(python_create))
        if bench and "read" in only:
            for key, value in frame_cpp(bench, ["read", str(read_path), "1"]).items():
                keep_best(best, key, value)
        if bench and "create" in only:
            for key, value in frame_cpp(bench, ["create", str(empty), str(n), "1"]).items():
                keep_best(best, key, value)
    if "ts" in only:
        report("ts_frame", best["ts_frame"], best["ts_read_sql"])
    if "query" in only:
        report("query_frame", best["query_frame"], best["query_read_sql"])
    if bench:
        if "read" in only:
            report("read_frame", best["read_frame"], best["read_typed"])
            report("read_frame_vs_columns", best["read_frame"], best["read_columns"])
        if "create" in only:
            report("create_frame", best["create_frame"], best["create_loop"])
    else:
        for key in ("read_frame", "create_frame"):
            if key in best:
                print(f"{key:<24} {best[key][0]:10.4f} s   cpu {best[key][1]:8.4f} s")


def binary_read_all(binary_bench: str, repeats: int, directory: Path, smoke: bool) -> None:
    """Python read_array of a large binary file vs the C++ read_all of the same file."""
    import numpy
    from quiverdb.binary import BinaryFile, BinaryMetadata

    stages, scenarios, labels = (2, 3, 2) if smoke else (120, 200, 35)
    base = str(directory / "binary_read_all")
    with BinaryMetadata.create(initial_datetime="2025-01-01", unit="MW",
                               labels=[f"plant_{k}" for k in range(labels)],
                               dimensions=["stage", "scenario", "block"], dimension_sizes=[stages, scenarios, 31]) as md:
        with BinaryFile.open(base, "w", md) as f:
            f.write_array(numpy.arange(md.value_count(), dtype=numpy.float64))

    # The destination array is allocated and touched once, outside the timing (the C++ side does
    # the same with its std::vector): both sides time open + read_all + close.
    with BinaryFile.open(base) as f, f.metadata() as md:
        array = numpy.zeros(md.shape())

    def python_read() -> None:
        with BinaryFile.open(base) as f:
            f.read_all_into(array)

    best: dict[str, tuple[float, float]] = {}
    for _ in range(repeats):
        keep_best(best, "python", timed(python_read))
        out = subprocess.run([binary_bench, "--read-all", base, "1"], check=True, capture_output=True, text=True).stdout
        fields = out.split()  # read_all_cpp <elapsed> s cpu <cpu> s ...
        keep_best(best, "cpp", (float(fields[1]), float(fields[4])))
    report("binary_read_all_python", best["python"], best["cpp"])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int)
    parser.add_argument("--frames", action="store_true", help="the data-frame benchmarks (see above)")
    parser.add_argument(
        "--only", default="ts,read,create,query", help="with --frames: a comma list of ts, read, create, query"
    )
    parser.add_argument("--frame-bench", help="path of quiver_frame_bench (the C++ references of --frames)")
    parser.add_argument("--cpp-bench", help="path of quiver_bench (default: none, Python numbers only)")
    parser.add_argument(
        "--repeats", type=int, default=0, help="best of R (default 5 up to N=10000, 3 up to 100000, else 1)"
    )
    parser.add_argument("--dir", help="working directory for the database files")
    parser.add_argument("--binary-bench", help="path of quiver_binary_bench: also time read_all into numpy")
    parser.add_argument("--binary-only", action="store_true", help="only the binary read_all measurement")
    args = parser.parse_args()
    n = args.n
    repeats = args.repeats or (5 if n <= 10000 else 3 if n <= 100000 else 1)
    if args.frames:
        with tempfile.TemporaryDirectory(prefix="quiver_framebench_") as tmp:
            directory = Path(args.dir) if args.dir else Path(tmp)
            directory.mkdir(parents=True, exist_ok=True)
            only = set(args.only.split(","))
            unknown = only - {"ts", "read", "create", "query"}
            if unknown:
                parser.error(f"--only: unknown {sorted(unknown)}")
            run_frames(n, repeats, args.frame_bench, directory, only)
        return 0

    with tempfile.TemporaryDirectory(prefix="quiver_pybench_") as tmp:
        directory = Path(args.dir) if args.dir else Path(tmp)
        directory.mkdir(parents=True, exist_ok=True)
        path = directory / "python.db"
        if args.binary_bench:
            binary_read_all(args.binary_bench, max(repeats, 3), directory, smoke=n <= 1000)
            if args.binary_only:
                return 0
        print(f"# N = {n} elements ({n * 14} SQL rows), best of {repeats}, quiverdb {quiverdb.version()}")
        print(f"{'# measurement':<24} {'python':>12} {'c++':>12} {'ratio':>8}   (process CPU time: python, c++, ratio)")
        # Warm-up on a scratch database: the first use of each C function costs cffi a lookup.
        warm = directory / "warmup.db"
        fresh_database(warm)
        python_create(warm, 50)
        python_read(warm)
        # Rounds of Python create, Python read, then one C++ run (create + read), so that load
        # from other processes hits both sides of each ratio alike; the best of each is kept.
        best: dict[str, tuple[float, float]] = {}
        cpp: dict[str, tuple[float, float]] = {}
        for _ in range(repeats):
            fresh_database(path)
            keep_best(best, "create_python", timed(lambda: python_create(path, n)))
            keep_best(best, "read_python", timed(lambda: python_read(path)))
            if args.cpp_bench:
                for key, value in cpp_numbers(args.cpp_bench, n, 1, directory).items():
                    keep_best(cpp, key, value)
        if args.cpp_bench:
            report("create_python", best["create_python"], cpp["create_cpp"])
            report("read_python", best["read_python"], cpp["read_cpp"])
        else:
            for key, (wall, cpu) in best.items():
                print(f"{key:<24} {wall:10.4f} s   cpu {cpu:8.4f} s")
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.exit(main())
