"""Build a wheel with ``pip wheel`` and install it into a second, clean virtual environment.

Slow (it compiles libquiver and libquiver_c in Release mode), so it runs only when
``QUIVER_TEST_WHEEL=1``; select it with ``-m wheel``. PyPI must be reachable (scikit-build-core
for the isolated build, cffi for the wheelhouse). ``CMAKE_ARGS`` is passed through; when ccache is
installed and ``CMAKE_ARGS`` is unset, the compiler launcher is set to ccache.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest

PROJECT_DIR = Path(__file__).resolve().parent.parent  # bindings/python
REPO_ROOT = PROJECT_DIR.parent.parent
SCHEMA = REPO_ROOT / "tests" / "schemas" / "valid" / "python_collections.sql"

pytestmark = [
    pytest.mark.wheel,
    pytest.mark.skipif(os.environ.get("QUIVER_TEST_WHEEL") != "1", reason="set QUIVER_TEST_WHEEL=1 to build the wheel"),
]


def _clean_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("QUIVER_LIBRARY_PATH", "PYTHONPATH", "VIRTUAL_ENV")}
    env.setdefault("CMAKE_BUILD_PARALLEL_LEVEL", "2")
    if "CMAKE_ARGS" not in env and shutil.which("ccache"):
        env["CMAKE_ARGS"] = "-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache"
    return env


def _run(cmd: list[str], cwd: Path, env: dict[str, str], timeout: int) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    assert result.returncode == 0, f"{cmd} failed:\n{result.stdout[-5000:]}\n{result.stderr[-5000:]}"
    return result


def test_wheel_builds_installs_and_imports(tmp_path: Path) -> None:
    env = _clean_env()
    wheelhouse = tmp_path / "wheelhouse"
    _run(
        [sys.executable, "-m", "pip", "wheel", str(PROJECT_DIR), "-w", str(wheelhouse), "--no-cache-dir"],
        cwd=tmp_path,
        env=env,
        timeout=3600,
    )
    wheels = sorted(wheelhouse.glob("quiverdb-0.6.0-*.whl"))
    assert len(wheels) == 1, list(wheelhouse.iterdir())
    with zipfile.ZipFile(wheels[0]) as archive:
        names = archive.namelist()
    assert "quiverdb/__init__.py" in names
    assert "quiverdb/py.typed" in names
    assert any(n.startswith("quiverdb/_libs/libquiver_c.") for n in names), names
    assert any(n.startswith("quiverdb/_libs/libquiver.") for n in names), names
    assert not any(n.startswith(("include/", "lib/", "quiverdb-0.6.0.data/")) for n in names), names
    metadata = next(n for n in names if n.endswith(".dist-info/METADATA"))
    with zipfile.ZipFile(wheels[0]) as archive:
        text = archive.read(metadata).decode()
    assert "Name: quiverdb" in text and "Version: 0.6.0" in text
    assert "Requires-Dist: cffi" in text

    venv = tmp_path / "venv"
    _run([sys.executable, "-m", "venv", str(venv)], cwd=tmp_path, env=env, timeout=600)
    python = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    _run(
        [str(python), "-m", "pip", "install", "--no-index", "--find-links", str(wheelhouse), "quiverdb"],
        cwd=tmp_path,
        env=env,
        timeout=600,
    )

    loader = _run([str(python), "-m", "quiverdb._loader"], cwd=tmp_path, env=env, timeout=120)
    assert loader.stdout.splitlines()[0] == "OK: loaded via 'bundled'"

    script = textwrap.dedent(
        f"""
        import quiverdb, warnings
        warnings.simplefilter("error", ResourceWarning)
        from quiverdb import Database, LogLevel, LuaRunner
        assert quiverdb.__file__.startswith({str(venv)!r}), quiverdb.__file__
        assert quiverdb.version() == "0.6.0"
        with Database.from_schema({str(tmp_path / "w.db")!r}, {str(SCHEMA)!r}, console_level=LogLevel.OFF) as db:
            i = db.create_element("Collection", label="wheel", some_integer=5, value_int=[1, 2])
            assert db.read_scalar_integers("Collection", "some_integer") == [5]
            assert db.read_vector_integers_by_id("Collection", "value_int", i) == [1, 2]
            with LuaRunner(db) as lua:
                lua.run('db:create_element("Collection", {{ label = "lua" }})')
            assert db.read_scalar_strings("Collection", "label") == ["wheel", "lua"]
        print("WHEEL-OK")
        """
    )
    result = _run([str(python), "-c", script], cwd=tmp_path, env=env, timeout=120)
    assert "WHEEL-OK" in result.stdout
