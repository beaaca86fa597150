#!/usr/bin/env bash
# One class name, one class: fails when two static libraries of a build both
# define out-of-line members of a class with the same qualified name.
#
# Why: model/, impl/ and checks/ each build their own small helpers, and two
# unrelated classes that share a name (say `dt::Placement` in checks/ and in
# impl/) link into one binary without an error. That breaks the One
# Definition Rule: their inline members and implicit destructors share
# mangled names, so the linker keeps one body for both classes, and one of
# them runs the other's code. Only a link-time-optimized build warns (-Wodr);
# this check reads the symbol tables of an ordinary build instead.
#
# Usage: scripts/check-odr.sh BUILD_DIR
#   prints each clash (scope and the libraries defining it); exit 1 if any.
set -euo pipefail
build=${1:?usage: check-odr.sh BUILD_DIR}
mapfile -t libs < <(find "$build" -name 'libdt_*.a' | sort)
if (( ${#libs[@]} == 0 )); then
  echo "check-odr: no libdt_*.a under $build" >&2
  exit 2
fi
for lib in "${libs[@]}"; do
  # Strong definitions only (text, data, bss): weak ones are the inline
  # members every includer of one header emits, which are expected twice.
  nm -C --defined-only "$lib" 2>/dev/null |
    awk -v lib="$(basename "$lib")" '$2 ~ /^[TDBR]$/ {
      $1 = ""; $2 = ""; name = substr($0, 3)
      sub(/\(.*$/, "", name)             # drop the parameter list
      if (name !~ /^dt::/ || name ~ /anonymous namespace/) next
      n = split(name, parts, "::")
      if (n < 3) next                    # a free function of namespace dt
      scope = parts[1]
      for (i = 2; i < n; ++i) scope = scope "::" parts[i]
      print scope "\t" lib
    }'
done | sort -u | awk -F'\t' '
  { libs[$1] = (count[$1]++ > 0) ? libs[$1] " " $2 : $2 }
  END {
    bad = 0
    for (s in count) if (count[s] > 1) { print "ODR clash: " s " defined in " libs[s]; bad = 1 }
    if (!bad) print "check-odr: every class is defined in one library"
    exit bad
  }'
