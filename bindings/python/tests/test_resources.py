"""Nothing is left open on normal paths; unclosed objects warn and are cleaned up at exit."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from conftest import COLLECTIONS_SCHEMA

import quiverdb

SRC_DIR = Path(quiverdb.__file__).resolve().parent.parent


def _run_script(script: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(SRC_DIR), env.get("PYTHONPATH", "")])
    return subprocess.run(
        [sys.executable, "-X", "dev", "-W", "always::ResourceWarning", "-c", textwrap.dedent(script)],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
    )


def test_normal_paths_leave_nothing_open(tmp_path: Path) -> None:
    result = _run_script(
        f"""
        from quiverdb import Database, LogLevel, LuaRunner, CSVOptions
        from quiverdb.element import Element
        with Database.from_schema("a.db", {str(COLLECTIONS_SCHEMA)!r}, console_level=LogLevel.OFF) as db:
            i = db.create_element("Collection", label="x", value_int=[1, 2], value_float=[0.5, 1.5], tag=["t"])
            db.update_element("Collection", i, value_int=[3], value_float=[2.5])
            db.read_element_by_id("Collection", i)
            with db.transaction():
                db.create_element("Collection", label="y")
            with LuaRunner(db) as lua:
                lua.run('db:create_element("Collection", {{ label = "z" }})')
            lua2 = LuaRunner(db)
            lua2.run("local a = 1")
            lua2.close()
            db.export_csv("Collection", "", "out.csv", options=CSVOptions())
            try:
                db.create_element("Collection", label="x")
            except Exception:
                pass
        e = Element().set("a", 1)
        e.destroy()
        db2 = Database.open("a.db", console_level=LogLevel.OFF)
        db2.close()
        print("DONE")
        """,
        tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "DONE"
    assert "ResourceWarning" not in result.stderr, result.stderr
    assert "Exception ignored" not in result.stderr, result.stderr


def test_unclosed_objects_warn_and_exit_cleanly(tmp_path: Path) -> None:
    result = _run_script(
        f"""
        from quiverdb import Database, LogLevel, LuaRunner
        db = Database.from_schema("a.db", {str(COLLECTIONS_SCHEMA)!r}, console_level=LogLevel.OFF)
        lua = LuaRunner(db)
        lua.run("x = 1")
        del lua
        del db
        leaked = Database.open("a.db", console_level=LogLevel.OFF)
        print("DONE")
        """,
        tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "DONE"
    assert result.stderr.count("ResourceWarning: LuaRunner was not closed explicitly") == 1, result.stderr
    assert result.stderr.count("ResourceWarning: Database was not closed explicitly") >= 1, result.stderr
    assert "Traceback" not in result.stderr, result.stderr
