#!/usr/bin/env bash
# Builds (g++ Release) and runs every test with ctest. Usage: ./test.sh [ctest args]
set -euo pipefail
root=$(cd "$(dirname "$0")" && pwd)
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh" "$root/build" g++-12
cd "$root/build"
ctest --output-on-failure -j "${JOBS:-2}" "$@"
