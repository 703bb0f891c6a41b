"""The ``quiver_cli`` console command (``quiverdb._cli``) runs the bundled executable."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import quiverdb
from quiverdb import _cli


def _run_module(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(
        [str(Path(quiverdb.__file__).resolve().parent.parent), env.get("PYTHONPATH", "")]
    )
    return subprocess.run(
        [sys.executable, "-m", "quiverdb._cli", *args], capture_output=True, text=True, env=env, cwd=cwd, timeout=120
    )


@pytest.mark.skipif(not _cli.EXECUTABLE.is_file(), reason="no bundled quiver_cli (package not installed from a build)")
def test_runs_bundled_executable_with_arguments_and_exit_code(tmp_path: Path, collections_schema_path: Path) -> None:
    version = _run_module("--version", cwd=tmp_path)
    assert (version.returncode, version.stdout) == (0, f"quiver_cli {quiverdb.__version__}\n")
    script = tmp_path / "s.lua"
    script.write_text('db:create_element("Collection", { label = "a" })\nprint(#db:read_element_ids("Collection"))\n')
    ok = _run_module("--log-level", "off", "--schema", str(collections_schema_path), "x.db", str(script), cwd=tmp_path)
    assert (ok.returncode, ok.stdout, ok.stderr) == (0, "1\n", "")
    usage = _run_module("x.db", cwd=tmp_path)
    assert (usage.returncode, usage.stderr.strip()) == (2, "No script provided")


def test_missing_executable_is_reported(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    missing = Path("/nonexistent/_bin/quiver_cli")
    monkeypatch.setattr(_cli, "EXECUTABLE", missing)
    with pytest.raises(SystemExit) as info:
        _cli.main()
    assert info.value.code == 1
    assert capsys.readouterr().err == f"quiver_cli: Cannot run: executable not found: {missing}\n"
