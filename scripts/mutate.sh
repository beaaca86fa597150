#!/usr/bin/env bash
# Mutation testing of checks/ (judged by checks_test) and model/ (judged by a
# `campaign --side model`, then model_test): kill rate per file, survivors listed. The mutants
# are made in a scratch copy under --out, never in this checkout.
#
# Usage: scripts/mutate.sh [--folder checks|model|both] [--per-file N|all] [--files 'GLOBS']
#                          [--seed S] [--campaign-seconds T] [--out DIR] [--jobs J]
#                          [--rejudge REPORT] [--list]
# Defaults: both folders, 10 mutants per .cc file, seed 1, 60 s campaigns, out mutation-out/.
# Exit: 0 done (whatever the kill rate), 2 bad usage, 3 the unmutated tree fails to
# build or fails its judges. Reports: DIR/mutation-report.txt and .json (docs/mutation.md).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
if ! command -v python3 >/dev/null 2>&1; then
  echo "mutate.sh: python3 is missing; it runs the mutation engine (scripts/mutate.py)." >&2
  echo "           Install it with: apt-get install -y python3" >&2
  exit 2
fi
for tool in git cmake ninja g++-12 timeout; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "mutate.sh: $tool is missing (scripts/install-deps.sh installs the toolchain)" >&2
    exit 2
  fi
done
exec python3 "$here/mutate.py" "$@"
