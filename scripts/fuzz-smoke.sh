#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan, libraries
# instrumented for coverage) and runs each for SECONDS (default 30) on its
# seed corpus and dictionary. Prints exec/s per target; exits non-zero when a
# target crashed (its crash-* file and log are kept in the work directory).
#
# Usage: scripts/fuzz-smoke.sh [SECONDS]
# Env:   BUILD_DIR (default build-fuzz/), CXX (default clang++-14), JOBS (default 2),
#        TARGETS (default: all five), WORK_DIR (default BUILD_DIR/smoke)
set -euo pipefail
seconds=${1:-30}
root=$(cd "$(dirname "$0")/.." && pwd)
build_dir=${BUILD_DIR:-$root/build-fuzz}
cxx=${CXX:-clang++-14}
jobs=${JOBS:-2}
targets=${TARGETS:-"fuzz_differential fuzz_schedule_json fuzz_history_json fuzz_trace_json fuzz_config_json"}
work_dir=${WORK_DIR:-$build_dir/smoke}
# shellcheck source=sanitizer-tree.sh
source "$root/scripts/sanitizer-tree.sh"
configure_sanitizer_tree "$root" "$build_dir" "$cxx"
# shellcheck disable=SC2086
cmake --build "$build_dir" -j "$jobs" --target $targets

failed=0
mkdir -p "$work_dir"
for target in $targets; do
  name=${target#fuzz_}
  corpus="$work_dir/corpus-$name"
  mkdir -p "$corpus"
  cp -n "$root/fuzz/corpus/$name/"* "$corpus/" 2>/dev/null || true
  dict_flag=()
  [[ -f "$root/fuzz/dict/$name.dict" ]] && dict_flag=(-dict="$root/fuzz/dict/$name.dict")
  log="$work_dir/$target.log"
  status=0
  (cd "$work_dir" && "$build_dir/fuzz/$target" "$corpus" "${dict_flag[@]}" \
    -max_total_time="$seconds" -print_final_stats=1 -artifact_prefix="$work_dir/$target-" \
    >"$log" 2>&1) || status=$?
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || true)
  rate=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' || true)
  if [[ $status -ne 0 ]]; then
    echo "$target: CRASHED (exit $status) after ${execs:-?} execs; see $log"
    grep -m5 -E 'ERROR|SUMMARY|differential failure|round trip|assertion' "$log" || true
    failed=1
  else
    echo "$target: ok, ${execs:-?} execs in ${seconds}s, ${rate:-?} exec/s"
  fi
done
exit $failed
