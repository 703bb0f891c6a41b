"""MkDocs hook: make links from docs/ to files elsewhere in the repository work in the site.

The pages are plain Markdown first: ``[script](../examples/energy_planning.lua)`` is right on a
repository browser, but MkDocs only knows files inside ``docs/`` and would report the link as
broken. This hook copies every such target into the site under ``repo/`` and rewrites the link
to it. A link to a file that does not exist stays as it is, so the strict build still fails on it.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from typing import Any

from mkdocs.structure.files import File, Files

_LINK = re.compile(r"(\]\()(\.\./[^)#\s]+)([)#])")
_targets: dict[str, Path] = {}  # "../examples/x.lua" relative to docs/ -> absolute path


def _outside_target(docs_dir: Path, page_dir: str, link: str) -> tuple[str, Path] | None:
    resolved = (docs_dir / page_dir / link).resolve()
    repo = docs_dir.parent.resolve()
    if resolved.is_file() and repo in resolved.parents and docs_dir.resolve() not in resolved.parents:
        return "repo/" + resolved.relative_to(repo).as_posix(), resolved
    return None


def on_files(files: Files, config: Any) -> Files:
    docs_dir = Path(config["docs_dir"])
    for page in list(files.documentation_pages()):
        text = Path(page.abs_src_path).read_text(encoding="utf-8")
        for match in _LINK.finditer(text):
            found = _outside_target(docs_dir, posixpath.dirname(page.src_uri), match.group(2))
            if found is not None and found[0] not in _targets:
                _targets[found[0]] = found[1]
                files.append(File.generated(config, found[0], abs_src_path=str(found[1])))
    return files


def on_page_markdown(markdown: str, page: Any, config: Any, files: Files) -> str:
    docs_dir = Path(config["docs_dir"])
    page_dir = posixpath.dirname(page.file.src_uri)

    def rewrite(match: re.Match[str]) -> str:
        found = _outside_target(docs_dir, page_dir, match.group(2))
        if found is None:
            return match.group(0)
        return match.group(1) + posixpath.relpath(found[0], page_dir or ".") + match.group(3)

    return _LINK.sub(rewrite, markdown)
