#!/usr/bin/env bash
# Finds every bug-zoo bug with `explore` (impl side) on small configs and
# prints the docs/explore.md table: for each bug, its configs are tried in
# turn (cap: STATES states, MEMORY_MB, SECONDS each) and the first that finds
# it gives the row. Usage: scripts/explore-zoo.sh BUILD_DIR [BUG...]
# Env: EXPLORE_FLAGS adds flags to every explore (e.g. --no-sleep-sets).
set -euo pipefail
bin=$1/cli/dynamo-testbed; shift
states=${STATES:-2000000}; memory_mb=${MEMORY_MB:-1500}; seconds=${SECONDS_CAP:-120}
extra=${EXPLORE_FLAGS:-}

# The small configs (docs/explore.md, "Bug zoo").
declare -A cfg=(
  [A]="--nodes 2 -N 2 -R 1 -W 2 -Q 2 --quorum-mode strict --clients 1 --ops 2 --timer-firings 0"
  [B]="--nodes 3 -N 2 -R 1 -W 1 -Q 3 --quorum-mode sloppy --clients 1 --ops 2 --crashes 1 --timer-firings 1"
  [C]="--nodes 2 -N 2 -R 1 -W 1 -Q 2 --quorum-mode strict --clients 2 --ops 1 --ops-pattern put --wipes 1 --timer-firings 1"
  [D]="--nodes 2 -N 2 -R 2 -W 1 -Q 2 --quorum-mode strict --clients 1 --ops 2 --timer-firings 0"
  [E]="--nodes 2 -N 1 -R 1 -W 1 -Q 2 --quorum-mode sloppy --clients 1 --ops 1 --ops-pattern put --crashes 1 --timer-firings 0"
  [F]="--nodes 2 -N 2 -R 1 -W 2 -Q 2 --quorum-mode strict --clients 1 --ops 3 --ops-pattern put,delete,get --timer-firings 0"
  [G]="--nodes 3 -N 2 -R 1 -W 1 -Q 3 --quorum-mode sloppy --clients 1 --ops 1 --ops-pattern delete --crashes 1 --timer-firings 0"
  [H]="--nodes 3 -N 2 -R 1 -W 1 -Q 3 --quorum-mode sloppy --clients 1 --ops 1 --ops-pattern put --crashes 1 --timer-firings 2"
  [I]="--nodes 2 -N 2 -R 1 -W 1 -Q 2 --quorum-mode strict --clients 2 --ops 1 --ops-pattern put --coordinators first --wipes 1 --timer-firings 0"
  [J]="--nodes 3 -N 2 -R 1 -W 2 -Q 3 --quorum-mode strict --clients 1 --ops 1 --ops-pattern put --crashes 1 --timer-firings 0"
  [K]="--nodes 2 -N 2 -R 2 -W 1 -Q 2 --quorum-mode strict --clients 1 --ops 3 --ops-pattern put,delete,get --timer-firings 0"
  [L]="--nodes 2 -N 2 -R 1 -W 1 -Q 2 --quorum-mode strict --clients 1 --ops 1 --ops-pattern put --keys 1 --lost 1 --timer-firings 1"
  [M]="--nodes 2 -N 2 -R 1 -W 1 -Q 2 --quorum-mode strict --clients 2 --ops 1 --ops-pattern put --keys 2 --lost 1 --timer-firings 1"
  [N]="--nodes 2 -N 1 -R 1 -W 1 -Q 2 --quorum-mode sloppy --clients 1 --ops 1 --ops-pattern put --crashes 1 --timer-firings 2"
  [P]="--nodes 2 -N 2 -R 2 -W 1 -Q 2 --quorum-mode strict --clients 1 --ops 3 --ops-pattern put,delete,get --timer-firings 0 --timeouts after-loss"
  [R]="--nodes 2 -N 2 -R 1 -W 2 -Q 2 --quorum-mode strict --clients 1 --ops 3 --ops-pattern get,put,get --coordinators any --crashes 1 --timer-firings 0 --timeouts after-loss"
)
# Configs to try per bug, cheapest first.
declare -A tries=(
  [hint_deleted_before_ack]="B H" [failed_handoff_drops_hint]="N H"
  [handoff_skips_tombstones]="G" [sibling_drop_on_merge]="C I"
  [merkle_leaf_not_updated_on_repair]="B D" [last_partition_not_in_tree]="L M"
  [duplicate_preference_node]="A" [get_ignores_later_replies]="D K"
  [hint_stored_as_owned]="E B" [fetch_hides_tombstones]="P K"
  [write_quorum_off_by_one]="A" [get_unions_without_pruning]="P"
  [suspicion_never_cleared]="B" [strict_fallback_counts]="J"
  [vclock_reset_after_wipe]="I C" [no_read_repair]="D K"
  [read_repair_skips_tombstones]="P F" [no_hinted_handoff]="E G B"
  [no_anti_entropy]="L M" [request_ids_reset_on_crash]="R"
)
bugs=("$@")
[ ${#bugs[@]} -eq 0 ] && mapfile -t bugs < <(printf '%s\n' "${!tries[@]}" | sort)

echo "| bug | config | violation | steps | states | time |"
echo "| --- | --- | --- | --- | --- | --- |"
for bug in "${bugs[@]}"; do
  row="| $bug | - | not found: $(echo ${tries[$bug]:-none}) | - | - | - |"
  for c in ${tries[$bug]:-}; do
    # shellcheck disable=SC2086
    out=$(timeout "$seconds" "$bin" explore ${cfg[$c]} $extra --side impl --inject "$bug" --json --quiet \
      --max-states "$states" --max-memory-mb "$memory_mb" 2>/dev/null || true)
    failure=$(jq -r '.violation.failure // empty' <<<"$out" 2>/dev/null || true)
    if [ -n "$failure" ]; then
      row=$(jq -r --arg b "$bug" --arg c "$c" \
        '"| \($b) | \($c) | \(.violation.failure) | \(.violation.steps) | \(.states) | \(.seconds*100|round/100) s |"' \
        <<<"$out")
      break
    fi
  done
  echo "$row"
done
