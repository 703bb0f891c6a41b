#!/usr/bin/env bash
# Builds the libFuzzer harnesses of fuzz/ (own build dir build-fuzz/, clang, ASan + UBSan) and
# runs each one for a bounded time on a scratch copy of its seed corpus (the committed corpus in
# fuzz/corpus/ never grows). Exits non-zero when a harness reports a crash, a sanitizer error,
# a non-runtime_error exception or a violated invariant; the input is kept in
# build-fuzz/artifacts/<harness>/ (reproduce: build-fuzz/bin/fuzz_<harness> FILE, with
# QUIVER_FUZZ_TRACE=1 to print every API call and its outcome).
#
# Usage: scripts/fuzz.sh                       15 s per harness, about 2 minutes in total (CI)
#        scripts/fuzz.sh --long SECONDS        SECONDS per harness (longer local runs)
#        scripts/fuzz.sh [--long SECONDS] HARNESS...
#                                              only these: schema csv_import lua elements
#                                              binary_toml binary_open binary_csv
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=15
harnesses=()
while [ $# -gt 0 ]; do
  case "$1" in
    --long)
      [ $# -ge 2 ] && [[ "$2" =~ ^[0-9]+$ ]] || { echo "fuzz.sh: --long needs a number of seconds" >&2; exit 2; }
      seconds="$2"; shift 2 ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    schema|csv_import|lua|elements|binary_toml|binary_open|binary_csv) harnesses+=("$1"); shift ;;
    *) echo "fuzz.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done
[ ${#harnesses[@]} -gt 0 ] || harnesses=(schema csv_import lua elements binary_toml binary_open binary_csv)

bash scripts/setup.sh

# clang 16 (Debian bookworm's clang-16): clang 14 cannot compile the core (C++20 lambda
# captures of structured bindings).
cxx="$(command -v clang++-16 || true)"
cc="$(command -v clang-16 || true)"
if [ -z "$cxx" ] || [ -z "$cc" ]; then
  echo "fuzz.sh: clang-16 not found (scripts/setup.sh installs it)" >&2
  exit 1
fi
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)

echo "== configure + build (build-fuzz)"
build_start=$(date +%s)
cmake -S . -B build-fuzz -G Ninja \
  -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g" -DCMAKE_C_FLAGS_DEBUG="-O1 -g" \
  -DCMAKE_C_COMPILER="$cc" -DCMAKE_CXX_COMPILER="$cxx" "${launcher[@]}" \
  -DQUIVER_BUILD_FUZZERS=ON -DQUIVER_BUILD_SHARED=OFF \
  -DQUIVER_BUILD_TESTS=OFF -DQUIVER_BUILD_BENCH=OFF -DQUIVER_BUILD_CLI=OFF -DQUIVER_BUILD_C_API=OFF \
  >/dev/null
cmake --build build-fuzz -j 2 --target fuzzers
echo "   built in $(( $(date +%s) - build_start )) s"

for symbolizer in /usr/lib/llvm-16/bin/llvm-symbolizer "$(command -v llvm-symbolizer || true)"; do
  if [ -n "$symbolizer" ] && [ -x "$symbolizer" ]; then
    export ASAN_SYMBOLIZER_PATH="$symbolizer"
    break
  fi
done
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:check_initialization_order=1:strict_init_order=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1:report_error_type=1}"

max_len() {
  case "$1" in
    schema) echo 8192 ;;
    csv_import|lua) echo 4096 ;;
    elements) echo 1024 ;;
    binary_toml|binary_csv) echo 4096 ;;
    binary_open) echo 8192 ;;
  esac
}

work="$(mktemp -d "${TMPDIR:-/tmp}/quiver_fuzz_corpus.XXXXXX")"
trap 'rm -rf "$work"' EXIT
# The harnesses' scratch directories ($TMPDIR/quiver_fuzz_*) go there too: libFuzzer may end a
# process without running its exit handlers.
export TMPDIR="$work"
passed=0
failed=0
failures=()
run_start=$(date +%s)
for h in "${harnesses[@]}"; do
  corpus="$work/$h"
  mkdir -p "$corpus" "build-fuzz/artifacts/$h"
  # Committed seeds (fuzz/corpus/<harness>/, may be empty); the schema harness is seeded with
  # the schema fixtures themselves rather than a copy of them.
  find "fuzz/corpus/$h" -maxdepth 1 -type f -exec cp {} "$corpus"/ \; 2>/dev/null || true
  if [ "$h" = schema ]; then
    for sub in valid invalid issues; do
      for f in tests/schemas/"$sub"/*.sql; do cp "$f" "$corpus/${sub}_$(basename "$f")"; done
    done
  fi
  # The binary harnesses are seeded from the upstream interop fixtures (tests/binary/fixtures).
  if [ "$h" = binary_toml ]; then
    for f in tests/binary/fixtures/*.toml; do cp "$f" "$corpus/$(basename "$f")"; done
  fi
  if [ "$h" = binary_csv ]; then
    i=0
    for f in tests/binary/fixtures/*.csv; do
      # The last byte selects the sidecar (fixture order of fuzz_binary_csv.cpp).
      case "$(basename "$f")" in
        plain_2d*) sel=0 ;; monthly_daily*) sel=1 ;; daily_hourly*) sel=2 ;; nulls*) sel=3 ;;
        pre1970_mixed*) sel=4 ;; yearly_monthly*) sel=5 ;; expr_block_sum*) sel=6 ;; *) sel=7 ;;
      esac
      { cat "$f"; printf "\\$(printf '%03o' "$sel")"; } >"$corpus/seed_$i"
      i=$((i + 1))
    done
  fi
  if [ "$h" = binary_open ]; then
    i=0
    for name in plain_2d monthly_daily daily_hourly nulls pre1970_mixed yearly_monthly expr_block_sum expr_ifelse_p50; do
      { printf "\\$(printf '%03o' "$i")"; cat "tests/binary/fixtures/$name.qvr"; } >"$corpus/seed_$name"
      i=$((i + 1))
    done
  fi
  seeds=$(ls "$corpus" | wc -l)
  args=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len="$(max_len "$h")"
        -print_final_stats=1 -artifact_prefix="build-fuzz/artifacts/$h/")
  [ -f "fuzz/dict/$h.dict" ] && args+=(-dict="fuzz/dict/$h.dict")
  log="build-fuzz/artifacts/$h/last_run.log"
  echo "== fuzz_$h: ${seconds} s, ${seeds} seeds"
  start=$(date +%s)
  status=0
  "build-fuzz/bin/fuzz_$h" "$corpus" "${args[@]}" >"$log" 2>&1 || status=$?
  elapsed=$(( $(date +%s) - start ))
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  if [ "$status" -eq 0 ]; then
    passed=$((passed + 1))
    echo "   OK: ${execs:-?} executions in ${elapsed} s, corpus ${seeds} -> $(ls "$corpus" | wc -l)"
  else
    failed=$((failed + 1))
    artifact=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -1)
    failures+=("fuzz_$h: ${artifact:-see $log}")
    echo "   FAILED (exit $status) after ${elapsed} s; input: ${artifact:-none}; log: $log"
    grep -E "==FUZZ==|ERROR: |runtime error|SUMMARY" "$log" | head -20 | sed 's/^/   | /' || true
  fi
done

echo "== fuzzing took $(( $(date +%s) - run_start )) s"
for f in "${failures[@]+"${failures[@]}"}"; do echo "   $f"; done
echo "fuzz: ${passed} passed, ${failed} failed"
[ "$failed" -eq 0 ]
