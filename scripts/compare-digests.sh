#!/usr/bin/env bash
# Runs the same seeds and scenarios with two builds and asserts equal digests.
# Usage: scripts/compare-digests.sh BUILD_A BUILD_B
set -euo pipefail
a=$1/cli/dynamo-testbed; b=$2/cli/dynamo-testbed
if [ ! -x "$a" ] || [ ! -x "$b" ]; then
  echo "compare-digests: no dynamo-testbed binary yet; skipped"; exit 0
fi
fails=0
for seed in 1 2 3 4 5 6 7 8; do
  da=$("$a" run --seed "$seed" --digest-only)
  db=$("$b" run --seed "$seed" --digest-only)
  if [ "$da" = "$db" ]; then echo "seed $seed: $da (same on both compilers)"
  else echo "seed $seed: DIFFERENT: $da vs $db"; fails=$((fails + 1)); fi
done
root=$(cd "$(dirname "$0")/.." && pwd)
for f in "$root"/scenarios/*.json; do
  [ -e "$f" ] || continue
  da=$("$a" replay "$f" --digest-only)
  db=$("$b" replay "$f" --digest-only)
  name=$(basename "$f")
  if [ "$da" = "$db" ]; then echo "$name: $da (same on both compilers)"
  else echo "$name: DIFFERENT: $da vs $db"; fails=$((fails + 1)); fi
done
echo "compare-digests: $fails differing"
[ "$fails" -eq 0 ]
