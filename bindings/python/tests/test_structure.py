"""Package structure: module sizes, no import circles, ``__version__``."""

from __future__ import annotations

import ast
import importlib.metadata
import re
from pathlib import Path

import quiverdb
from quiverdb import Database

PACKAGE_DIR = Path(quiverdb.__file__).resolve().parent
REPO_ROOT = PACKAGE_DIR.parent.parent.parent.parent  # only meaningful in a source checkout


def _imports(path: Path) -> set[str]:
    """Every ``quiverdb.*`` module imported anywhere in ``path`` (lazy and TYPE_CHECKING imports too)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("quiverdb"):
            if node.module == "quiverdb":
                found.update(f"quiverdb.{alias.name}" for alias in node.names)
            else:
                found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.startswith("quiverdb"))
    return found


def test_no_import_circles() -> None:
    modules = {f"quiverdb.{p.stem}": p for p in PACKAGE_DIR.glob("*.py") if p.stem != "__init__"}
    graph = {name: {m for m in _imports(path) if m in modules and m != name} for name, path in modules.items()}
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done

    def visit(name: str, path: list[str]) -> None:
        state[name] = 1
        for target in sorted(graph[name]):
            assert state.get(target) != 1, f"import circle: {' -> '.join([*path, name, target])}"
            if target not in state:
                visit(target, [*path, name])
        state[name] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name, [])
    assert "quiverdb._c_api" not in graph["quiverdb._loader"]


def test_no_module_over_400_lines() -> None:
    for path in PACKAGE_DIR.glob("*.py"):
        count = len(path.read_text(encoding="utf-8").splitlines())
        assert count <= 400, f"{path.name} has {count} lines"


def test_database_is_assembled_from_area_mixins() -> None:
    areas = [c.__module__ for c in Database.__mro__[1:] if c.__module__.startswith("quiverdb._database_")]
    for area in ("lifecycle", "write", "transaction", "query", "read", "read_by_id", "metadata", "time_series"):
        assert f"quiverdb._database_{area}" in areas, areas
    # Each public method is defined in exactly one place (no copies across mixins).
    seen: dict[str, str] = {}
    for cls in Database.__mro__:
        for name in vars(cls):
            if not name.startswith("__"):
                assert name not in seen, f"{name} defined in {seen[name]} and {cls.__name__}"
                seen[name] = cls.__name__


def test_dunder_version() -> None:
    assert isinstance(quiverdb.__version__, str)
    assert quiverdb.__version__ == quiverdb.version()
    assert quiverdb.__version__ == importlib.metadata.version("quiverdb")
    cmake = REPO_ROOT / "CMakeLists.txt"
    if cmake.is_file():
        match = re.search(r"project\(quiver VERSION (\S+)", cmake.read_text(encoding="utf-8"))
        assert match is not None and match.group(1) == quiverdb.__version__
