#!/usr/bin/env bash
# scripts/explore-oracle.sh on a tiny config: the six search variants agree
# (exit 0); a binary whose sleep-set-free run reports one state fewer is
# caught (exit 1, DISAGREE); a bound that cuts every run compares nothing
# (exit 2).
# Usage: explore_oracle_test.sh SOURCE_ROOT BINARY
set -uo pipefail
root=$1
bin=$2
oracle="$root/scripts/explore-oracle.sh"
# shellcheck source=check.sh
source "$(dirname "$0")/check.sh"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
config=(--nodes 2 -N 2 -R 1 -W 1 -Q 2 --quorum-mode strict --clients 1 --ops 1 --ops-pattern put
        --duplicates 1 --lost 1 --timer-firings 0 --side impl)

BIN="$bin" "$oracle" "${config[@]}" > "$tmp/agree" 2>&1
check "the variants agree" test $? -eq 0
check "six variants reported" test "$(grep -c '^[a-z0-9-]* *exhaustive' "$tmp/agree")" -eq 6

# A broken reduction: the run without sleep sets "loses" a state.
cat > "$tmp/lossy" <<WRAP
#!/usr/bin/env bash
out=\$("$bin" "\$@"); code=\$?
if [[ " \$* " == *" --no-sleep-sets "* ]]; then
  out=\$(printf '%s' "\$out" | python3 -c 'import json,sys; d=json.load(sys.stdin); d["states"]-=1; print(json.dumps(d))')
fi
printf '%s\n' "\$out"; exit \$code
WRAP
chmod +x "$tmp/lossy"
BIN="$tmp/lossy" "$oracle" "${config[@]}" > "$tmp/lossy.out" 2>&1
check "a lost state is a disagreement (exit 1)" test $? -eq 1
check "and says so" grep -q DISAGREE "$tmp/lossy.out"

BIN="$bin" "$oracle" "${config[@]}" --max-states 5 > "$tmp/cut" 2>&1
check "nothing exhaustive compares nothing (exit 2)" test $? -eq 2

finish
