"""The documentation stays true: snippets run, every public name is documented and listed.

- Every ```python block of every page in ``docs/`` runs (the blocks of one page in order, in one
  namespace, in a fresh process whose working directory has the repository's ``examples/``), so
  a snippet that stops working fails here. A fragment that is not meant to run goes in a
  ```text block instead.
- Every public name has a docstring with a one-line summary, its parameters under ``Args:`` and
  its errors under ``Raises:`` (what the reference built by ``scripts/docs.sh`` shows).
- The guide lists every ``Database`` method; the reference page pulls in every export.
- The typed usage example (also checked by ``mypy --strict``) runs.
"""

from __future__ import annotations

import inspect
import os
import re
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import quiverdb
from quiverdb import Database, LuaRunner

REPO_ROOT = Path(__file__).resolve().parent.parent.parent.parent
DOCS = REPO_ROOT / "docs"
EXAMPLE = REPO_ROOT / "bindings" / "python" / "examples" / "typed_usage.py"
SRC_DIR = Path(quiverdb.__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(not DOCS.is_dir(), reason="needs the repository's docs/")

_BLOCK = re.compile(r"^```python[ \t]*\n(.*?)^```[ \t]*$", re.S | re.M)


def _pages_with_python() -> list[Path]:
    return sorted(p for p in DOCS.glob("*.md") if _BLOCK.search(p.read_text(encoding="utf-8")))


def _blocks(page: Path) -> list[tuple[int, str]]:
    text = page.read_text(encoding="utf-8")
    return [(text.count("\n", 0, m.start()) + 2, m.group(1)) for m in _BLOCK.finditer(text)]


_DRIVER = textwrap.dedent(
    """
    import json, sys, traceback, warnings
    warnings.simplefilter("error", ResourceWarning)
    blocks = json.loads(sys.stdin.read())
    namespace = {"__name__": "__main__"}
    for line, code in blocks:
        try:
            exec(compile(code, f"{sys.argv[1]}:{line}", "exec"), namespace)
        except BaseException:
            traceback.print_exc()
            print(f"SNIPPET FAILED: {sys.argv[1]} block at line {line}", file=sys.stderr)
            sys.exit(1)
    import gc
    gc.collect()
    """
)


@pytest.mark.parametrize("page", _pages_with_python(), ids=lambda p: p.name)
def test_python_snippets_run(page: Path, tmp_path: Path) -> None:
    import json

    (tmp_path / "examples").symlink_to(REPO_ROOT / "examples", target_is_directory=True)
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(SRC_DIR), env.get("PYTHONPATH", "")])
    result = subprocess.run(
        [sys.executable, "-X", "dev", "-c", _DRIVER, page.name],
        input=json.dumps(_blocks(page)),
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-5000:]
    assert "ResourceWarning" not in result.stderr, result.stderr


def test_python_guide_has_snippets() -> None:
    assert DOCS / "python.md" in _pages_with_python()


# ------------------------------------------------------------------------------------ docstrings


def _public_callables() -> dict[str, Callable[..., Any]]:
    found: dict[str, Callable[..., Any]] = {"quiverdb.version": quiverdb.version}
    for cls in (Database, LuaRunner):
        for name in dir(cls):
            if not name.startswith("_") and callable(getattr(cls, name)):
                found[f"{cls.__name__}.{name}"] = getattr(cls, name)
    return found


def _section(doc: str, title: str) -> list[str]:
    """Entry names of a Google-style section (``Args:``/``Raises:``)."""
    match = re.search(rf"^{title}:\n((?:[ \t]+.*\n?|\n)+)", doc, re.M)
    if match is None:
        return []
    return re.findall(r"^    (\**\w+)(?: \([^)]*\))?:", match.group(1), re.M)


@pytest.mark.parametrize("qualname", sorted(_public_callables()))
def test_public_callable_docstring(qualname: str) -> None:
    function = _public_callables()[qualname]
    doc = inspect.getdoc(function)
    assert doc, f"{qualname} has no docstring"
    summary = doc.split("\n\n", 1)[0]
    assert "\n" not in summary and summary.endswith("."), f"{qualname}: summary must be one sentence: {summary!r}"
    raises = _section(doc, "Raises")
    assert raises, f"{qualname}: no Raises: section"
    assert all(name.endswith("Error") for name in raises), raises
    parameters = [
        ("**" + p.name if p.kind is p.VAR_KEYWORD else p.name)
        for p in inspect.signature(function).parameters.values()
        if p.name not in ("self", "cls")
    ]
    assert _section(doc, "Args") == parameters, f"{qualname}: Args: must list {parameters}"


def test_lua_runner_constructor_documented() -> None:
    doc = inspect.getdoc(LuaRunner) or ""
    assert _section(doc, "Args") == ["db"]
    assert _section(doc, "Raises") == ["TypeError", "QuiverError"]


@pytest.mark.parametrize("name", quiverdb.__all__)
def test_every_export_documented(name: str) -> None:
    value = getattr(quiverdb, name)
    doc = inspect.getdoc(value)
    assert doc and doc.split("\n")[0].endswith("."), name
    if inspect.isclass(value) and hasattr(value, "__dataclass_fields__"):
        assert _section(doc, "Attributes") == list(value.__dataclass_fields__), name


def test_reference_page_pulls_in_every_export() -> None:
    text = (DOCS / "python_reference.md").read_text(encoding="utf-8")
    directives = re.findall(r"^::: quiverdb\.(\w+)$", text, re.M)
    assert sorted(directives) == sorted(quiverdb.__all__)


def test_guide_lists_every_database_method() -> None:
    text = (DOCS / "python.md").read_text(encoding="utf-8")
    missing = [name for name in dir(Database) if not name.startswith("_") and f"`{name}" not in text]
    assert not missing, missing


# ------------------------------------------------------------------------------------ example


def test_typed_usage_example_runs(tmp_path: Path) -> None:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(SRC_DIR), env.get("PYTHONPATH", "")])
    result = subprocess.run(
        [sys.executable, "-X", "dev", "-W", "error::ResourceWarning", str(EXAMPLE)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "capacities: {'Riverside': 450.0, 'Hillside': None}" in lines
    assert "unit capacities: [[200.0, 250.0], []]" in lines
    assert "generation: 600.0" in lines
    assert "refused: Failed to execute statement: UNIQUE constraint failed: Plant.label" in lines
    assert "plants in Lua:\t2" in lines
