#!/usr/bin/env bash
# The search-variant oracle for explore: runs one config six ways (BFS,
# BFS without sleep sets, DFS, DFS on two threads, BFS on two threads,
# compact BFS on two threads) and
# checks that every exhaustive run reached the same states, complete
# histories and failing path ends. They must: the variants change how the
# state space is walked, never what is in it. A disagreement is a
# soundness bug of a reduction or of the parallel search, and the variant
# with fewer states is the one that "verified" too little.
#
# It found the sleep-set holes of stops 16 and 19; run on new config
# families it also surfaced a false violation (docs/explore.md, Semantics).
#
# Usage: scripts/explore-oracle.sh [explore flags...]   (config and bounds)
# Env:   BIN (default build/cli/dynamo-testbed), MAX_SECONDS per run (default 120)
# Exit:  0 all exhaustive runs agree (prints one line per variant),
#        1 they disagree, 2 no variant finished (raise the bounds or MAX_SECONDS)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${BIN:-$root/build/cli/dynamo-testbed}
max_seconds=${MAX_SECONDS:-120}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
declare -A extra=(
  [bfs]="" [bfs-no-sleep-sets]="--no-sleep-sets" [dfs]="--dfs"
  [dfs-jobs-2]="--dfs --jobs 2" [bfs-jobs-2]="--jobs 2"
  [compact-bfs-jobs-2]="--compact-frontier --jobs 2"
)
reference=""
status=0
for variant in bfs bfs-no-sleep-sets dfs dfs-jobs-2 bfs-jobs-2 compact-bfs-jobs-2; do
  # shellcheck disable=SC2086
  "$bin" explore "$@" ${extra[$variant]} --all --json --quiet --max-seconds "$max_seconds" \
    > "$work/$variant.json" || true  # exit 1 = a violation, still a count
  counts=$(python3 - "$work/$variant.json" <<'EOF'
import json, sys
try:
    d = json.load(open(sys.argv[1]))
except (OSError, ValueError) as e:
    print(f"unreadable ({e})")
    sys.exit(0)
tag = "exhaustive" if d["exhaustive"] else "cut (" + ",".join(d["bounds_hit"]) + ")"
print(f'{tag} states={d["states"]} histories={d["histories_checked"]} failing={d["failing_paths"]}')
EOF
)
  printf '%-20s %s\n' "$variant" "$counts"
  [[ $counts == exhaustive* ]] || continue
  if [[ -z $reference ]]; then
    reference=${counts#exhaustive }
  elif [[ ${counts#exhaustive } != "$reference" ]]; then
    status=1
  fi
done
if [[ -z $reference ]]; then
  echo "explore-oracle: no variant was exhaustive; nothing compared"
  exit 2
fi
if (( status != 0 )); then
  echo "explore-oracle: DISAGREE (a reduction or the parallel search lost states)"
else
  echo "explore-oracle: every exhaustive variant agrees ($reference)"
fi
exit $status
