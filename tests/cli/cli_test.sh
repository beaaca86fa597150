#!/usr/bin/env bash
# End-to-end checks of the dynamo-testbed command: exit codes (0 ok, 1
# violation, 2 bad input), clear error messages naming file and field, the
# run -> files -> replay/check/export round trip, and replay determinism.
# Usage: cli_test.sh BINARY SOURCE_DIR
set -uo pipefail
bin=$1; src=$2
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
passed=0; failed=0
# expect NAME WANT_EXIT PATTERN -- COMMAND...: exit code and output (stdout+stderr) must match.
expect() {
  local name=$1 want=$2 pattern=$3; shift 4
  local out rc=0
  out=$("$@" 2>&1) || rc=$?
  if [ "$rc" -eq "$want" ] && grep -qE -- "$pattern" <<<"$out"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAIL $name: exit $rc (want $want), output does not match /$pattern/:"
    head -5 <<<"$out" | sed 's/^/    /'
  fi
}

expect "run ok" 0 "digest: [0-9a-f]{16}" -- "$bin" run --seed 3 --out "$work/run3"
expect "run writes files" 0 "." -- ls "$work/run3/schedule.json" "$work/run3/history.json" \
  "$work/run3/trace.json" "$work/run3/report.txt"
d1=$("$bin" run --seed 3 --digest-only)
expect "replay reproduces the digest" 0 "^$d1\$" -- "$bin" replay "$work/run3/schedule.json" --digest-only
expect "check a recorded run" 0 "quorum_overlap" -- "$bin" check "$work/run3/history.json" \
  --trace "$work/run3/trace.json"
expect "check --json" 0 '"verdicts"' -- "$bin" check "$work/run3/history.json" \
  --trace "$work/run3/trace.json" --json
expect "run seed 1" 0 "digest" -- "$bin" run --seed 1 --out "$work/run1"
expect "export porcupine" 0 "wrote" -- "$bin" export "$work/run1/history.json" \
  --format porcupine-kv -o "$work/p.json"
# Seed 3 mixes add with put on every key: no format can take it, and none is written.
expect "export of a mixed history" 2 "no export format takes this history" -- "$bin" export \
  "$work/run3/history.json" --format porcupine-kv -o "$work/p3.json"
expect "schedule validate" 0 "valid" -- "$bin" schedule validate "$src/scenarios/read-repair.json"
expect "scenario passes" 0 "^PASS" -- "$bin" scenario sloppy-handoff
expect "scenario list" 0 "merkle-at-scale" -- "$bin" scenario --list

# Bad input: exit 2 with the file, the field and the reason.
printf '{"format": "dynamo-testbed-schedule", "version": 1' > "$work/truncated.json"
expect "truncated schedule" 2 "truncated.json: not valid JSON" -- "$bin" replay "$work/truncated.json"
sed 's/"node": 4/"node": 9/' "$src/scenarios/sloppy-handoff.json" > "$work/badnode.json"
expect "node out of range" 2 "badnode.json: events\[0\]\.node: 9 is not a node" -- \
  "$bin" replay "$work/badnode.json"
sed 's/"read_quorum_r": 2/"read_quorum_r": 7/' "$src/scenarios/sloppy-handoff.json" > "$work/badr.json"
expect "R above N" 2 "badr.json: config.read_quorum_r" -- "$bin" schedule validate "$work/badr.json"
expect "missing file" 2 "nope.json" -- "$bin" replay "$work/nope.json"
expect "bad history" 2 "truncated.json" -- "$bin" check "$work/truncated.json"
expect "unknown export format" 2 "format" -- "$bin" export "$work/run3/history.json" --format xml
# An export that would leave out every op is an error naming the format to use, not an empty file.
cat > "$work/cart.json" <<'JSON'
{"format": "dynamo-testbed-history", "version": 1, "config": {"nodes": 5},
 "ops": [
  {"index":0,"time_ns":10,"process":0,"type":"invoke","f":"add","key":4,"value":11,"write_id":11,"op_id":100},
  {"index":1,"time_ns":20,"process":0,"type":"ok","f":"add","key":4,"value":11,"write_id":11,"op_id":100}
 ]}
JSON
expect "empty export refused" 2 "every op was left out.*use elle-set-full --key 4" -- "$bin" export \
  "$work/cart.json" --format elle-rw-register -o "$work/empty.json"
expect "empty export wrote nothing" 2 "." -- ls "$work/empty.json"
expect "cart export" 0 "wrote" -- "$bin" export "$work/cart.json" --format elle-set-full \
  -o "$work/set.json"
expect "unknown bug" 2 "not a known bug" -- "$bin" run --seed 1 --inject no_such_bug
expect "bad draw scale" 2 'campaign: --draw: "giant" is not small, large or huge' -- "$bin" \
  campaign --runs 1 --draw giant
expect "bad run draw scale" 2 'run: --draw: "giant" is not small, large or huge' -- "$bin" run \
  --seed 1 --draw giant
expect "a large draw" 0 "nodes" -- "$bin" run --seed 3 --draw large
# Past 64 nodes (multi-word node sets, partitions drawn node by node): clean too.
expect "huge clean campaign" 0 "failed runs: 0 " -- "$bin" campaign --draw huge --runs 4 \
  --jobs 2 --quiet --out ""
# Large clusters and other timings: a clean tree reports no promised violation
# (four false alarms were first seen this way: docs/properties.md).
expect "large clean campaign" 0 "failed runs: 0 " -- "$bin" campaign --draw large --runs 40 \
  --jobs 2 --quiet --out ""
# The campaign digest: the same for any --jobs, and it names the runs' digests.
c1=$("$bin" campaign --runs 30 --jobs 1 --quiet --out "" --digest-only)
expect "campaign digest ignores --jobs" 0 "^$c1\$" -- "$bin" campaign --runs 30 --jobs 2 --quiet \
  --out "" --digest-only
expect "campaign report shows its digest" 0 "digest:      $c1" -- "$bin" campaign --runs 30 \
  --quiet --out ""
expect "bad override" 2 "read_quorum_r" -- "$bin" run --seed 1 -R 9
expect "a 200-node run" 0 "on 200 nodes" -- "$bin" run --seed 3 --nodes 200 -Q 256 \
  --probe-scope neighbors --side both
expect "too few partitions" 2 "partitions_q: 8 is fewer than nodes \\(100\\)" -- "$bin" run --seed 3 --nodes 100
expect "bad probe scope" 2 "is not a probe scope" -- "$bin" run --seed 3 --probe-scope some
expect "unknown scenario" 2 "not a scenario" -- "$bin" scenario nope
expect "unknown flag" 2 "." -- "$bin" run --no-such-flag

# A promised violation exits 1: a bug-zoo regression replayed on the impl.
expect "bug found" 1 "promised|BUG" -- "$bin" replay \
  "$src/tests/regressions/hint_deleted_before_ack.json" --side impl

# bench smoke (under a second): tiny sizes; memory per key is counted
# through whichever malloc the build links (it once read 0 under mimalloc).
bench_small=(--seconds 0.1 --ops 500 --keys 500 --merkle-keys 1000 --diff-keys 1000
  --memory-keys 20000 --scale-ops 0 --fuzz-seconds 0)
expect "bench impl memory per key" 0 '"impl_bytes_per_key": [1-9][0-9]{1,3}(\.[0-9]+)?,' \
  -- "$bin" bench "${bench_small[@]}" --json
expect "bench model memory per key" 0 '"model_bytes_per_key": [1-9][0-9]{1,3}(\.[0-9]+)?$' \
  -- "$bin" bench "${bench_small[@]}" --json
# A tiny large-cluster run: its peak is split into what the result keeps
# (the history) and the rest per node, both counted through the linked malloc.
expect "bench splits the scale run's memory" 0 '"result_bytes": [1-9][0-9]{5,}' \
  -- "$bin" bench --seconds 0.1 --ops 500 --keys 500 --merkle-keys 1000 --diff-keys 1000 \
  --memory-keys 1000 --fuzz-seconds 0 --scale-ops 20000 --scale-nodes 20 --scale-keys 1000 --json
expect "bench names the ratio's ceiling" 0 "ceiling: the nodes alone are [0-9.]+x apart" \
  -- "$bin" bench "${bench_small[@]}"

# explore smoke (a few seconds): a tiny clean config is verified, a zoo bug
# gives a counterexample that replays to the same digest.
tiny=(--nodes 2 -N 2 -R 1 -W 2 -Q 2 --quorum-mode strict --clients 1 --timer-firings 0 --quiet)
expect "explore verifies" 0 "^verified: .* 0 violations" -- "$bin" explore "${tiny[@]}" --ops 1 \
  --side both
expect "explore finds a bug" 1 "VIOLATION: +quorum_overlap" -- "$bin" explore "${tiny[@]}" \
  --ops 2 --inject write_quorum_off_by_one --out "$work/explore"
expect "explore names its reductions" 0 "reductions=sleep-sets,client-symmetry,commuting-steps" \
  -- "$bin" explore "${tiny[@]}" --ops 1
expect "explore without commuting steps" 0 "reductions=sleep-sets,client-symmetry identity=" \
  -- "$bin" explore "${tiny[@]}" --ops 1 --no-commuting-steps
expect "explore --exact-order" 0 "reductions=sleep-sets,client-symmetry,commuting-steps identity=exact-order$" \
  -- "$bin" explore "${tiny[@]}" --ops 1 --exact-order
# DFS on two threads: the same states and complete histories as on one.
dfs_counts() { grep -oE "^verified: [0-9]+ states|[0-9]+ complete histories"; }
dfs_one=$("$bin" explore "${tiny[@]}" --ops 2 --crashes 1 --lost 1 --dfs --jobs 1 | dfs_counts)
dfs_two=$("$bin" explore "${tiny[@]}" --ops 2 --crashes 1 --lost 1 --dfs --jobs 2 | dfs_counts)
expect "explore --dfs --jobs 2 verifies the same states" 0 "^same$" \
  -- bash -c '[ -n "$1" ] && [ "$1" = "$2" ] && echo same' _ "$dfs_one" "$dfs_two"
# Compact BFS: the same counts and the same counterexample as BFS.
bfs_counts() { grep -oE "^(verified|VIOLATION).*"; }
bfs_plain=$("$bin" explore "${tiny[@]}" --ops 2 --crashes 1 --lost 1 | bfs_counts)
bfs_compact=$("$bin" explore "${tiny[@]}" --ops 2 --crashes 1 --lost 1 --compact-frontier --jobs 2 \
  | bfs_counts)
expect "explore --compact-frontier verifies the same states" 0 "^same$" \
  -- bash -c '[ -n "$1" ] && [ "$1" = "$2" ] && echo same' _ "$bfs_plain" "$bfs_compact"
expect "explore --compact-frontier finds the same bug" 1 \
  "VIOLATION: +quorum_overlap.* after 6 steps \(a shortest" -- "$bin" explore "${tiny[@]}" --ops 2 \
  --inject write_quorum_off_by_one --compact-frontier
expect "explore --compact-frontier is BFS only" 2 "BFS only" -- "$bin" explore "${tiny[@]}" \
  --ops 1 --compact-frontier --dfs
digest=$(grep -o '"digest": "[0-9a-f]*"' "$work/explore/counterexample.json" | head -1 | cut -d'"' -f4)
expect "counterexample replays" 1 "digest: $digest" -- "$bin" replay "$work/explore/counterexample.json"
expect "minimize takes an interleaving" 1 "minimized: +[0-9]+ -> [0-9]+ choices" -- "$bin" minimize \
  "$work/explore/counterexample.json" --out "$work/explore-min"
expect "minimized interleaving replays" 1 "quorum_overlap" -- "$bin" replay \
  "$work/explore-min/minimized.json"

# experiment smoke (a second or two): tiny availability run, its files, and
# bad names and params exiting 2 with the param named.
expect "experiment list" 0 "^availability" -- "$bin" experiment --list
tiny_exp=(--param nodes=6 --param n=3 --param w=2 --param mttf_s=5 --param duration_s=3
          --param write_rate_per_s=10 --param keys=20 --seeds 2 --quiet)
expect "experiment runs" 0 "write_success \\[95% CI\\]" -- "$bin" experiment availability \
  "${tiny_exp[@]}" --out "$work/exp" --html
expect "experiment writes files" 0 "." -- ls "$work/exp/results.csv" "$work/exp/results.json" \
  "$work/exp/availability-writes.svg" "$work/exp/index.html"
expect "experiment --jobs keeps results" 0 "^same$" -- bash -c "'$bin' experiment availability \
  ${tiny_exp[*]} --jobs 2 --json --out '$work/exp2' > '$work/j2.json' &&
  cmp -s '$work/j2.json' '$work/exp/results.json' && echo same"
expect "experiment --replot redraws" 0 "^same$" -- bash -c "rm '$work/exp/results.csv' &&
  '$bin' experiment availability --replot '$work/exp' > /dev/null &&
  cmp -s '$work/exp/results.json' '$work/j2.json' && test -s '$work/exp/results.csv' && echo same"
expect "experiment --replot of another experiment" 2 "holds experiment \"availability\"" -- \
  "$bin" experiment durability --replot "$work/exp"
expect "staleness closed form" 0 "N=3 R=1 W=1: .*inside the 95% CI" -- "$bin" experiment \
  staleness --param delays=no_propagation --param r=1 --param w=1 --param trials=100 \
  --seeds 1 --quiet --out "$work/staleness"
expect "merkle one key" 0 "^16 +1 +1 \[1, 1\] +32 \[32, 32\]" -- "$bin" experiment merkle \
  --param keys=100000 --param depths=16 --param differing=1 --seeds 1 --quiet \
  --out "$work/merkle"
expect "unknown experiment" 2 "unknown experiment \"nope\"" -- "$bin" experiment nope
expect "unknown param" 2 "--param bogus: unknown parameter" -- "$bin" experiment availability \
  --param bogus=1
expect "malformed param" 2 "--param mttf_s: \"x\" is not a number" -- "$bin" experiment \
  availability --param mttf_s=x

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
