#!/usr/bin/env bash
# Set-up and main job: installs missing Debian packages, builds Release, then
# runs a short default fuzz campaign (model and impl side by side, all checks)
# and prints its report. Results land in ./quickstart-out/.
set -euo pipefail
root=$(cd "$(dirname "$0")" && pwd)
export JOBS=${JOBS:-2}
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh" "$root/build" g++-12
out="$root/quickstart-out"
rm -rf "$out"
bin="$root/build/cli/dynamo-testbed"
if "$bin" campaign --help >/dev/null 2>&1; then
  "$bin" campaign --seconds "${SECONDS_BUDGET:-60}" --seed 1 --out "$out"
else
  # Until campaigns land: one run of the default schedule.
  mkdir -p "$out"
  "$bin" run --seed 1 --out "$out"
fi
echo
echo "results: $out"
