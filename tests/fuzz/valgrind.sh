#!/usr/bin/env bash
# Golden and CLI runs under Valgrind (memcheck, full leak check): the sample
# and one draft of each format, in every output format, plus a run with
# failing inputs. Not part of ctest (several minutes); run it by hand:
#   bash tests/fuzz/valgrind.sh build/rasoat
# Suppressions: tests/fuzz/valgrind.supp (PCRE2 JIT false positives only).
set -u
RASOAT="$1"
SRC="$(cd "$(dirname "$0")/../.." && pwd)"
VG=(valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect
    --show-leak-kinds=definite,indirect --num-callers=30 --suppressions="$SRC/tests/fuzz/valgrind.supp")
bad=0
run() {
  "${VG[@]}" "$RASOAT" "$@" > /dev/null 2> "$LOG"
  local rc=$?
  if [ $rc -eq 99 ]; then echo "FAIL (valgrind errors): rasoat $*"; cat "$LOG"; bad=1; else echo "ok ($rc): rasoat $*"; fi
}
LOG=$(mktemp)
trap 'rm -f "$LOG"' EXIT
S="$SRC/fixtures/dinh-cao-cchc-6-thang-2023.txt"
for fmt in json text sarif junit csv html jsonl; do run check -j 1 --no-config --format $fmt "$S"; done
run check -j 2 --no-config --format json "$SRC/fixtures/docx/sample.docx" "$SRC/fixtures/odt/sample.odt" \
  "$SRC/fixtures/html/sample.html" -d "$SRC/fixtures/data/register.xlsx" -d "$SRC/fixtures/data/register.csv"
run check -j 2 --no-config --format json "$SRC/fixtures/hostile/xxe.docx" "$SRC/fixtures/hostile/zip-bomb.docx" \
  "$SRC/fixtures/hostile/truncated.docx" "$SRC/fixtures/hostile/invalid-utf8.txt" "$SRC/fixtures/hostile/nfd.txt" \
  "$SRC/fixtures/hostile/utf16be-bom.txt" "$SRC/fixtures/hostile/deep-nesting.html" "$SRC/fixtures/hostile/malformed.odt"
run check -j 1 --no-config --format json --plugins "$SRC/tests/sandbox/hostile" "$S"
run rules --format json
exit $bad
