#!/usr/bin/env bash
# The main job: set up, build, create a database from the example schema, run the example
# Lua script against it with quiver_cli, and print what it did.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
mkdir -p build/example
echo "== quiver_cli --schema examples/energy_planning.sql build/example/energy.db examples/energy_planning.lua"
build/bin/quiver_cli --schema examples/energy_planning.sql build/example/energy.db examples/energy_planning.lua
