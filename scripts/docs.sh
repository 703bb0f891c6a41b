#!/usr/bin/env bash
# Builds the browsable documentation (docs/*.md + the Python reference generated from the
# docstrings by mkdocstrings) into build/site, in strict mode: a broken link, a malformed
# docstring or any other MkDocs warning fails the build. The tools live in build/docs-venv
# (docs/requirements.txt); the quiverdb package is read from source, not imported, so no native
# build is needed.
set -euo pipefail
cd "$(dirname "$0")/.."
venv="build/docs-venv"
if [ ! -x "$venv/bin/mkdocs" ] || [ docs/requirements.txt -nt "$venv/bin/mkdocs" ]; then
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/python" -m pip install -q --upgrade pip
  "$venv/bin/python" -m pip install -q -r docs/requirements.txt
  touch "$venv/bin/mkdocs"
fi
NO_MKDOCS_2_WARNING=1 "$venv/bin/mkdocs" build --strict --quiet -f mkdocs.yml -d build/site
echo "docs: built build/site/index.html"
