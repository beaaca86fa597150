#!/usr/bin/env bash
# Configures and builds one tree. Usage: scripts/build.sh BUILD_DIR CXX [extra cmake args]
# Env: JOBS (default 2); BUILD_TARGETS="a b" builds only those targets (default: all).
set -euo pipefail
build_dir=$1; cxx=$2; shift 2
root=$(cd "$(dirname "$0")/.." && pwd)
jobs=${JOBS:-2}
# Paths relative to the checkout in ccache keys, so a fresh clone elsewhere
# reuses the cache.
export CCACHE_BASEDIR="$root"
cmake -S "$root" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_CXX_COMPILER="$cxx" "$@" >/dev/null
targets=()
for t in ${BUILD_TARGETS:-}; do targets+=(--target "$t"); done
cmake --build "$build_dir" -j "$jobs" "${targets[@]}"
