#!/usr/bin/env bash
# Builds Quiver as a subproject (add_subdirectory) of the parent project in this directory and
# runs the parent's programs. By default only the libraries may be built; a parent that asks
# for the tests (-DQUIVER_BUILD_TESTS=ON) gets them (checked at configure time only).
# The build directory is kept between runs (inside the main build tree), so a rerun is an
# incremental build; with no build type the parent compiles without optimisation or debug info.
# Usage: run.sh <work dir> [extra cmake arguments, e.g. a compiler launcher]
set -euo pipefail
work="$1"
shift
here="$(cd "$(dirname "$0")" && pwd)"
tree="$(cd "$here/../.." && pwd)"
unset LD_LIBRARY_PATH
fail() { echo "FAILED: $*" >&2; exit 1; }

# A fresh cache every run (the options' defaults are what is tested), old objects reused.
rm -f "$work/default/CMakeCache.txt" "$work/tests/CMakeCache.txt"

echo "== default: the libraries only"
cmake -S "$here" -B "$work/default" -G Ninja -DCMAKE_BUILD_TYPE= "$@" \
  -DQUIVER_SOURCE_DIR="$tree" "-DREQUIRED_QUIVER_TARGETS=quiver;quiver_c" -DONLY_LIBRARIES=ON >/dev/null
cmake --build "$work/default" -j 2 >/dev/null
"$work/default/consumer" "$tree/tests/install/schema.sql"
"$work/default/consumer_c" "$tree/tests/install/schema.sql"
built="$(find "$work/default" -type f -perm -u+x -name 'quiver_*' -print)"
[ -z "$built" ] || fail "programs built besides the libraries: $built"

echo "== asked for tests: QUIVER_BUILD_TESTS=ON (configure only)"
cmake -S "$here" -B "$work/tests" -G Ninja "$@" -DQUIVER_BUILD_TESTS=ON \
  -DQUIVER_SOURCE_DIR="$tree" \
  "-DREQUIRED_QUIVER_TARGETS=quiver;quiver_c;quiver_tests;quiver_c_tests" >/dev/null

echo "subproject OK"
