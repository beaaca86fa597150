# Sourced by the script tests. `check NAME COMMAND...` runs the command and
# prints "ok   NAME" or "FAIL NAME"; `finish` prints "N passed, N failed" and
# fails when any check did.
passes=0
fails=0
check() {
  local name=$1; shift
  if "$@"; then echo "ok   $name"; passes=$((passes + 1)); else echo "FAIL $name"; fails=$((fails + 1)); fi
}
finish() {
  echo "$passes passed, $fails failed"
  test "$fails" -eq 0
}
