#!/usr/bin/env bash
# Runs the same seeds, scenarios and regression schedules with two builds
# (e.g. g++ and clang) and asserts that every run digest is identical; then
# one lockstep campaign per build, whose digest folds every run's digest
# (CAMPAIGN_RUNS drawn schedules, every swarm profile; 0 skips it).
# Usage: scripts/compare-digests.sh BUILD_A BUILD_B
set -euo pipefail
a=$1/cli/dynamo-testbed; b=$2/cli/dynamo-testbed
root=$(cd "$(dirname "$0")/.." && pwd)
fails=0; compared=0
# digest_of BINARY ARGS...: the digest line; a run that finds a violation
# (exit 1, e.g. a regression schedule with its bug on) still has a digest.
digest_of() {
  local bin=$1; shift
  local out rc=0
  out=$("$bin" "$@" --digest-only 2>/dev/null) || rc=$?
  if [ "$rc" -gt 1 ]; then echo "error(exit $rc)"; else echo "$out"; fi
}
compare() {
  local name=$1; shift
  local da db
  da=$(digest_of "$a" "$@"); db=$(digest_of "$b" "$@")
  compared=$((compared + 1))
  if [ "$da" = "$db" ] && [[ "$da" != error* ]]; then
    echo "$name: $da (same on both builds)"
  else
    echo "$name: DIFFERENT: $da vs $db"; fails=$((fails + 1))
  fi
}
campaign_runs=${CAMPAIGN_RUNS:-300}
for seed in 1 2 3 4 5 6 7 8 9 10; do compare "seed $seed" run --seed "$seed"; done
if [ "$campaign_runs" -gt 0 ]; then
  compare "campaign of $campaign_runs runs" campaign --runs "$campaign_runs" --side both \
    --jobs 2 --quiet --out ""
fi
for f in "$root"/scenarios/*.json "$root"/tests/regressions/*.json "$root"/tests/regressions/clean/*.json; do
  [ -e "$f" ] || continue
  compare "$(basename "$(dirname "$f")")/$(basename "$f")" replay "$f"
done
echo "compare-digests: $compared runs compared, $fails differing"
[ "$fails" -eq 0 ]
