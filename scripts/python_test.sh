#!/usr/bin/env bash
# Builds and installs the Python package into a fresh virtual environment and runs its
# pytest suite; then checks that a wheel built with `pip wheel` works in a second venv.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
venv="$root/build/venv"
rm -rf "$venv"
python3 -m venv "$venv"
"$venv/bin/python" -m pip install -q --upgrade pip
"$venv/bin/python" -m pip install -q "./bindings/python[test]"
cd "$root/bindings/python"
QUIVER_TEST_WHEEL=1 "$venv/bin/python" -m pytest -q -W error::ResourceWarning tests
