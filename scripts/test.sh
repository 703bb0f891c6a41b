#!/usr/bin/env bash
# Sets everything up and runs every test suite: C++ core, C API (also under valgrind), Lua
# and CLI (all through CTest), then the Python package. Exits non-zero when any suite fails.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh

echo "== C++, C API, Lua and CLI suites (ctest)"
ctest --preset default

echo "== Python package"
bash scripts/python_test.sh

echo "== Benchmarks build and run (tiny N, nothing timed)"
bash scripts/bench.sh --smoke
