#!/usr/bin/env bash
# Installs every system package Quiver needs to build and test (Debian 12, as root).
# Idempotent: packages already present are not reinstalled, and apt is only asked when
# something is missing.
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build pkg-config ccache
  libsqlite3-dev libspdlog-dev libfmt-dev liblua5.4-dev libcli11-dev libcsv-dev
  libtomlplusplus-dev
  libgtest-dev libgmock-dev libbenchmark-dev nlohmann-json3-dev
  valgrind
  python3 python3-venv python3-dev python3-pip
  clang-16 libclang-rt-16-dev llvm-16
  python3-clang-16  # tests/docs/check_api_docs.py reads the public headers with libclang
)

missing=()
for pkg in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#PACKAGES[@]} system packages present"
  exit 0
fi

echo "setup: installing ${missing[*]}"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
