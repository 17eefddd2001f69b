#!/usr/bin/env bash
# Check that a change meant to be output-neutral (a speed-up, a refactor) is:
# runs two rasoat binaries over every fixture (except fixtures/hostile), a
# register check, N bench drafts and `test-rules`, and compares the outputs
# byte for byte.
#
#   bench/same-output.sh OLD_RASOAT NEW_RASOAT [DRAFTS_DIR]
#     e.g. git worktree add /tmp/old HEAD && cmake -S /tmp/old -B /tmp/old/build && cmake --build /tmp/old/build
#          bench/same-output.sh /tmp/old/build/rasoat build/rasoat bench/corpus/drafts-1000
#
# Both binaries use this checkout's rules (RASOAT_HOME), so only the C side
# differs; to compare rule changes, point RASOAT_HOME_OLD at the old tree.
# Exit status 0 when identical, 1 when not (the differing files are listed).
set -u
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
old="$1" new="$2" drafts="${3:-$here/bench/corpus/drafts-200}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
run() { # BINARY HOME OUTDIR
  local r="$1" home="$2" o="$3"
  mkdir -p "$o"
  cd "$here" || exit 2
  find fixtures -type f \( -name '*.txt' -o -name '*.docx' -o -name '*.odt' -o -name '*.html' \) \
       ! -path '*/hostile/*' | sort | while read -r f; do
    RASOAT_HOME="$home" "$r" check -j1 --no-config --format json "$f" > "$o/$(echo "$f" | tr '/' '_').json" 2>/dev/null
    # -j2 on one file: two workers share its rules (rs_share)
    RASOAT_HOME="$home" "$r" check -j2 --no-config --format json "$f" > "$o/$(echo "$f" | tr '/' '_').j2.json" 2>/dev/null
  done
  RASOAT_HOME="$home" "$r" check -j1 --no-config --format json --data fixtures/data/register.csv \
    fixtures/citation/defects.txt > "$o/register.json" 2>/dev/null
  if [ -d "$drafts" ]; then
    RASOAT_HOME="$home" "$r" check -j2 --no-config --format json "$drafts" > "$o/drafts.json" 2>/dev/null
  fi
  RASOAT_HOME="$home" "$r" test-rules > "$o/test-rules.txt" 2>&1
}
run "$old" "${RASOAT_HOME_OLD:-$here}" "$tmp/old"
run "$new" "$here" "$tmp/new"
if diff -rq "$tmp/old" "$tmp/new"; then
  echo "same-output: identical ($(ls "$tmp/new" | wc -l) outputs)"
else
  echo "same-output: DIFFERENT" >&2
  exit 1
fi
