#!/usr/bin/env bash
# The main job: set up, build, create a database from the example schema, run the example
# Lua script against it with quiver_cli, and print what it did. Package and compiler output go
# to build/run_example.log (shown only when a step fails), so the example's report is what
# remains on the screen, followed by one line saying where the database is.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p build
log="build/run_example.log"
: > "$log"

step() {  # step "what" command...: runs quietly, shows the log tail on failure
  local what="$1"
  shift
  printf '%s... ' "$what"
  if "$@" >>"$log" 2>&1; then
    echo "done"
  else
    echo "failed (full output: $log)"
    tail -n 40 "$log" >&2
    exit 1
  fi
}

step "Installing system packages (scripts/setup.sh)" bash scripts/setup.sh
step "Building (scripts/build.sh)" bash scripts/build.sh
mkdir -p build/example
database="build/example/energy.db"
echo
echo "== quiver_cli --schema examples/energy_planning.sql $database examples/energy_planning.lua"
echo
build/bin/quiver_cli --schema examples/energy_planning.sql "$database" examples/energy_planning.lua
echo
echo "The database is at $(pwd)/$database (open it with: build/bin/quiver_cli $database -e 'return db:describe()')"
