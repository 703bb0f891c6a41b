#!/usr/bin/env bash
# Installs the build tree into a scratch, non-default prefix (the tree itself is configured with
# the default one), then builds and runs consumers outside the tree against that install:
#   (a) a CMake project using find_package(quiver)        -> consumer (C++), consumer_c (C)
#   (b) make with flags from plain pkg-config (quiver and quiver_c, no --define-prefix)
#   (c) a C program built by cc alone with -I/-L/-rpath flags
# None of them gets LD_LIBRARY_PATH: the installed libraries must find each other.
# Usage: run.sh <build dir>
set -euo pipefail
build_dir="$(cd "$1" && pwd)"
here="$(cd "$(dirname "$0")" && pwd)"
tree="$(cd "$here/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
prefix="$work/opt/quiver"
schema="$here/schema.sql"
unset LD_LIBRARY_PATH PKG_CONFIG_LIBDIR PKG_CONFIG_SYSROOT_DIR
fail() { echo "FAILED: $*" >&2; exit 1; }

cmake --install "$build_dir" --prefix "$prefix" >/dev/null
libdir="$(dirname "$(dirname "$(find "$prefix" -name 'quiver.pc' -print -quit)")")"
[ -f "$libdir/pkgconfig/quiver.pc" ] || fail "quiver.pc not installed"
version="$(sed -n 's/^Version: //p' "$libdir/pkgconfig/quiver.pc")"
# The default build has both libraries, shared; other configurations are checked as far as
# they go: without the C API (QUIVER_BUILD_C_API=OFF) the C consumers are skipped, and a
# static libquiver (QUIVER_BUILD_SHARED=OFF) is linked with `pkg-config --static`.
has_c=false; [ -f "$libdir/pkgconfig/quiver_c.pc" ] && has_c=true
static=false; [ -e "$libdir/libquiver.so" ] || static=true

# Nothing installed may point back at the configured prefix, the source tree or the build tree.
if grep -rn -e /usr/local -e "$tree" "$libdir/pkgconfig" "$libdir/cmake"; then
  fail "installed package files refer to the configured prefix or the source tree"
fi
for lib in "$libdir"/libquiver*.so*; do
  [ -f "$lib" ] || continue
  if readelf -d "$lib" | grep -E 'R(UN)?PATH' | grep -F "$tree"; then
    fail "$lib keeps a build-tree rpath"
  fi
done

echo "== (a) CMake find_package(quiver)"
cmake -S "$here" -B "$work/cmake" -G Ninja -DCMAKE_PREFIX_PATH="$prefix" >/dev/null
cmake --build "$work/cmake" >/dev/null
"$work/cmake/consumer" "$schema"
! $has_c || "$work/cmake/consumer_c" "$schema"

echo "== (b) make + plain pkg-config"
export PKG_CONFIG_PATH="$libdir/pkgconfig"
pc() { echo $(pkg-config "$@"); }  # unquoted: drops pkg-config's trailing blank
if $static; then
  [[ "$(pc --cflags quiver)" == "-I$prefix/include -DQUIVER_STATIC"* ]] || fail "pkg-config --cflags quiver: $(pc --cflags quiver)"
else
  [ "$(pc --cflags quiver)" = "-I$prefix/include" ] || fail "pkg-config --cflags quiver: $(pc --cflags quiver)"
  [ "$(pc --libs quiver)" = "-L$libdir -lquiver" ] || fail "pkg-config --libs quiver: $(pc --libs quiver)"
fi
[ "$(pc --modversion quiver)" = "$version" ] || fail "pkg-config --modversion quiver"
mkdir "$work/make"
$static && export PKG_CONFIG_FLAGS=--static
make -s -C "$work/make" -f "$here/Makefile" consumer >/dev/null
"$work/make/consumer" "$schema"
if $has_c; then
  [ "$(pc --cflags quiver_c)" = "-I$prefix/include" ] || fail "pkg-config --cflags quiver_c: $(pc --cflags quiver_c)"
  [ "$(pc --libs quiver_c)" = "-L$libdir -lquiver_c" ] || fail "pkg-config --libs quiver_c: $(pc --libs quiver_c)"
  make -s -C "$work/make" -f "$here/Makefile" consumer_c >/dev/null
  "$work/make/consumer_c" "$schema"
fi
unset PKG_CONFIG_PATH PKG_CONFIG_FLAGS

echo "== (c) cc alone"
$has_c || { echo "skipped: no C API in this build"; echo "all install consumers OK"; exit 0; }
cc -std=c11 -I"$prefix/include" -DQUIVER_EXPECTED_VERSION="\"$version\"" \
   -o "$work/consumer_cc" "$here/consumer.c" -L"$libdir" -lquiver_c -Wl,-rpath,"$libdir"
"$work/consumer_cc" "$schema"

echo "all install consumers OK"
