#!/usr/bin/env bash
# Golden test of the JSON report on the sample (and its text form). After an
# intended change of findings, regenerate with `make golden` and review the diff.
set -u
. "$(dirname "$0")/../cli-lib.sh"
cd "$SRC" || exit 1
"$RASOAT" check --format json fixtures/dinh-cao-cchc-6-thang-2023.txt > "$TMP/sample.json"
diff -u tests/golden/sample.json "$TMP/sample.json" || fail "JSON report differs from tests/golden/sample.json (make golden)"
echo ok
