#!/usr/bin/env bash
# scripts/mutate.sh without building: the draw is deterministic, --rejudge
# picks exactly the listed survivors (by text, not line), and bad usage exits 2.
# Usage: mutate_list_test.sh SOURCE_ROOT
set -uo pipefail
root=$1
mutate="$root/scripts/mutate.sh"
# shellcheck source=check.sh
source "$(dirname "$0")/check.sh"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

"$mutate" --folder model --files 'model/hint_store.cc' --per-file 3 --list > "$tmp/a" 2>&1
code_a=$?
"$mutate" --folder model --files 'model/hint_store.cc' --per-file 3 --list > "$tmp/b" 2>&1
check "list exits 0" test "$code_a" -eq 0
check "list draws 3 mutants" test "$(wc -l < "$tmp/a")" -eq 3
check "the same seed draws the same mutants" cmp -s "$tmp/a" "$tmp/b"

# A survivor line whose line number is wrong still matches by its text.
first=$(sed -n 1p "$tmp/a" | sed -E 's/^ *[0-9]+ ([^:]+):[0-9]+ [a-z_]+: (.*)$/\1:9999: \2/')
printf 'survivors (1):\n%s\nnot a survivor line\n' "$first" > "$tmp/survivors.txt"
"$mutate" --folder model --files 'model/hint_store.cc' --rejudge "$tmp/survivors.txt" --list \
  > "$tmp/r" 2>&1
check "rejudge exits 0" test $? -eq 0
check "rejudge lists at least the survivor" test "$(wc -l < "$tmp/r")" -ge 1
want=$(sed -n 1p "$tmp/a" | sed -E 's/^ *[0-9]+ [^:]+:[0-9]+ //')
check "every rejudged mutant is the survivor's text" \
  test "$(sed -E 's/^ *[0-9]+ [^:]+:[0-9]+ //' "$tmp/r" | sort -u)" = "$want"

"$mutate" --rejudge "$tmp/missing.txt" --list > "$tmp/e" 2>&1
code_e=$?
check "a missing rejudge file exits 2" test "$code_e" -eq 2
check "and names it" grep -q "missing.txt" "$tmp/e"
"$mutate" --per-file -1 --list > "$tmp/e" 2>&1
check "a negative --per-file exits 2" test $? -eq 2

finish
