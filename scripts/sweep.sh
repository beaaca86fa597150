#!/usr/bin/env bash
# A sharded sweep: RUNS campaign runs split into SHARDS shards (run one after
# another here; on a batch system start each `campaign --shard k/n` line
# anywhere), every swarm profile drawn, every failure kept going and minimized.
# Prints one line per shard, then totals; exits 1 if any shard failed.
#
# Usage: scripts/sweep.sh SIDE RUNS SHARDS OUT_DIR [FIRST_SEED]
#   SIDE = both (model and impl in lockstep) | model | impl
# Env: JOBS (threads per shard, default 2), BIN (default build/cli/dynamo-testbed),
#      DRAW (small or large, default small: campaign --draw)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
side=$1; runs=$2; shards=$3; out=$4; seed=${5:-1}
bin=${BIN:-$root/build/cli/dynamo-testbed}
jobs=${JOBS:-2}
draw=${DRAW:-small}
per_shard=$(( (runs + shards - 1) / shards ))
mkdir -p "$out"
start=$(date +%s)
status=0
total_runs=0; total_failed=0; total_divergences=0; total_promised=0
for (( k = 0; k < shards; k++ )); do
  shard_out="$out/shard-$k"
  cmd=("$bin" campaign --side "$side" --draw "$draw" --runs "$per_shard" --shard "$k/$shards"
       --seed "$seed" --jobs "$jobs" --keep-going --quiet --out "$shard_out")
  echo "$ ${cmd[*]}" >> "$out/commands.txt"
  "${cmd[@]}" > "$out/shard-$k.txt" || status=1
  line=$(grep '^runs:' "$out/shard-$k.txt")
  failed=$(grep '^failed runs:' "$out/shard-$k.txt")
  echo "shard $k/$shards: ${line#runs:        }; ${failed#failed runs: }"
  r=$(awk '/^runs:/ {print $2}' "$out/shard-$k.txt")
  f=$(awk '/^failed runs:/ {print $3}' "$out/shard-$k.txt")
  p=$(awk '/^failed runs:/ {gsub(/\(/, "", $4); print $4}' "$out/shard-$k.txt")
  d=$(awk '/^failed runs:/ {print $7}' "$out/shard-$k.txt")
  total_runs=$(( total_runs + r )); total_failed=$(( total_failed + f ))
  total_promised=$(( total_promised + p )); total_divergences=$(( total_divergences + d ))
done
wall=$(( $(date +%s) - start ))
echo "sweep: side $side, draw $draw, $total_runs runs in $shards shards, $wall s wall," \
  "$total_failed failed runs ($total_promised promised violations, $total_divergences divergences)"
echo "profiles (runs per swarm dimension, summed over shards):"
cat "$out"/shard-*.txt | awk '/^profiles:/ {on=1; next} on && /^  / {n[$1]+=$2} /^exit code:/ {on=0}
  END {for (d in n) printf "  %-22s%12d\n", d, n[d]}' | sort
exit "$status"
