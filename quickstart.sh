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
# The main job: a short swarm campaign (model and impl in lockstep, every
# property checked). A failure is minimized into $out/failure-<seed>/.
status=0
"$bin" campaign --seconds "${CAMPAIGN_SECONDS:-60}" --seed 1 --out "$out" --html || status=$?
echo
echo "results: $out/report.txt and $out/report.json (failures, if any, in $out/failure-*/)"
echo "html report: $out/report.html (open it in a browser; docs/report.md explains it)"
exit "$status"
