#!/usr/bin/env bash
# Sets everything up and runs every test suite; exits non-zero when any suite fails:
#   1. C++ core, C API (also under valgrind), Lua, CLI, reliability (crash safety,
#      concurrency, threads) and install suites, through CTest;
#   2. the Python package (venv install, mypy --strict, pytest, the repaired wheel in a second
#      venv, runnable docs snippets) and the strict docs build (scripts/docs.sh);
#   3. the benchmarks, built and run with a tiny N (nothing timed);
#   4. the C++, C API, Lua, CLI and reliability suites again under ASan + UBSan, and the
#      thread test under TSan (scripts/sanitizers.sh);
#   5. a bounded libFuzzer run of about 60 seconds (scripts/fuzz.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
# ccache (when present) hashes paths relative to the checkout, so clones share the cache.
export CCACHE_BASEDIR="$(pwd)"
bash scripts/setup.sh
bash scripts/build.sh

echo "== C++, C API, Lua, CLI, reliability and install suites (ctest)"
ctest --preset default

echo "== Python package"
bash scripts/python_test.sh

echo "== Benchmarks build and run (tiny N, nothing timed)"
bash scripts/bench.sh --smoke

echo "== Sanitizers (ASan + UBSan, then TSan)"
bash scripts/sanitizers.sh

echo "== Fuzzing (bounded)"
bash scripts/fuzz.sh
