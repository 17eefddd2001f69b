#!/usr/bin/env bash
# The sample scored against its expected findings (fixtures/expected.tsv, a
# copy of shared/seed/expected.tsv): every `must` row found on its line near
# its quote, no warning or error on a `clean-warning` row. Also the same for
# the sample as .docx/.odt/.html: the same set of rules as the text.
set -u
. "$(dirname "$0")/../cli-lib.sh"
"$RASOAT" check --format json "$SAMPLE" > "$TMP/s.json"
python3 "$SRC/tests/tools/score_expected.py" "$SRC/fixtures/expected.tsv" "$TMP/s.json" "$SAMPLE" > "$TMP/score.txt"
rc=$?
cat "$TMP/score.txt"
[ $rc -eq 0 ] || fail "expected.tsv rows missed or clean rows flagged"
# parity: the same report as .docx, .odt and .html gives the same rules,
# and nearly the same number of findings (within 20%)
for f in "$SRC/fixtures/docx/sample.docx" "$SRC/fixtures/odt/sample.odt" "$SRC/fixtures/html/sample.html"; do
  "$RASOAT" check --format json "$f" > "$TMP/p.json"
  python3 - "$TMP/s.json" "$TMP/p.json" "$f" <<'PY' || exit 1
import json, sys
html = sys.argv[3].endswith(".html")
def load(p):
    g = json.load(open(p))["files"][0]["diagnostics"]
    # layout and reader notes exist only for formats that carry layout;
    # HTML collapses runs of spaces as a browser does
    skip = ("format/", "encoding/") + (("typography/double-space",) if html else ())
    return [d for d in g if not d["rule"].startswith(skip)]
a, b = load(sys.argv[1]), load(sys.argv[2])
ra, rb = {d["rule"] for d in a}, {d["rule"] for d in b}
missing, extra = ra - rb, rb - ra
ok = not missing and abs(len(a) - len(b)) <= 0.2 * len(a)
print(("ok  " if ok else "FAIL"), sys.argv[3].rsplit("/", 1)[-1], len(a), "vs", len(b),
      "missing:", sorted(missing), "extra:", sorted(extra))
sys.exit(0 if ok else 1)
PY
done
echo ok
