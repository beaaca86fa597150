#!/usr/bin/env bash
# Leave it running: campaigns of 10 minutes each, alternating lockstep (model
# and impl) and the model alone, on fresh seeds, for HOURS hours (default 8).
# Every failure is minimized into OUT_DIR/<round>/failure-<seed>/. Prints a
# line per round and exits 1 if any round found a promised violation or a
# divergence.
#
# Usage: scripts/soak.sh [HOURS] [OUT_DIR]     Env: JOBS (default: all cores), BIN
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
hours=${1:-8}
out=${2:-$root/soak-out}
bin=${BIN:-$root/build/cli/dynamo-testbed}
jobs=${JOBS:-$(nproc)}
round_seconds=${ROUND_SECONDS:-600}
deadline=$(( $(date +%s) + $(awk "BEGIN {print int($hours * 3600)}") ))
# Seeds far from the ones quickstart and CI use, and new ones every round.
seed=${SEED:-$(( 1000000000 + $(date +%s) % 1000000 * 1000 ))}
mkdir -p "$out"
status=0; round=0
while [ "$(date +%s)" -lt "$deadline" ]; do
  side=both; [ $(( round % 2 )) -eq 1 ] && side=model
  dir="$out/round-$round"
  "$bin" campaign --side "$side" --seconds "$round_seconds" --seed "$seed" --jobs "$jobs" \
    --keep-going --quiet --out "$dir" > "$dir.txt" 2>&1 || status=1
  runs=$(awk '/^runs:/ {print $2}' "$dir.txt")
  echo "$(date -u +%FT%TZ) round $round side $side seeds from $seed:" \
    "$(grep '^runs:' "$dir.txt" | cut -c14-); $(grep '^failed runs:' "$dir.txt" | cut -c14-)"
  seed=$(( seed + ${runs:-0} + 1 )); round=$(( round + 1 ))
done
echo "soak: $round rounds; exit $status (failures, if any, under $out/round-*/failure-*/)"
exit "$status"
