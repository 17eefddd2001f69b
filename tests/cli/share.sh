#!/usr/bin/env bash
# Fewer files than workers: the idle workers help with each document's rules
# (rs_share in engine.c), and the report is exactly what one worker makes.
#  - one file at a time (.txt, .docx, .odt, .html, a legacy-encoded one, a
#    file that fails to read), with -j 1 and -j 2: byte-identical JSON;
#  - with hostile rules that raise errors, run out of instructions and hit
#    the finding cap: the same engine findings with -j 1 and -j 2;
#  - two files with -j 4 (two workers on each) against -j 1;
#  - the help is real: with RASOAT_PROFILE, -j 2 on one file shows two
#    workers that ran rules on it, and every rule ran exactly once.
set -u
. "$(dirname "$0")/../cli-lib.sh"
cd "$SRC" || exit 2

files=("$SAMPLE" fixtures/docx/sample.docx fixtures/odt/sample.odt fixtures/html/sample.html
       fixtures/html/tcvn3.html fixtures/citation/defects.txt)
n=0
for f in "${files[@]}"; do
  [ -f "$f" ] || fail "fixture missing: $f"
  "$RASOAT" check --no-config --format json -j 1 "$f" > "$TMP/a.json" 2>/dev/null
  "$RASOAT" check --no-config --format json -j 2 "$f" > "$TMP/b.json" 2>/dev/null
  cmp -s "$TMP/a.json" "$TMP/b.json" || fail "$f: -j 2 (shared rules) differs from -j 1"
  n=$((n + 1))
done
printf 'PK\3\4 not a zip' > "$TMP/broken.docx"
"$RASOAT" check --no-config --format json -j 1 "$TMP/broken.docx" > "$TMP/a.json" 2>/dev/null
"$RASOAT" check --no-config --format json -j 2 "$TMP/broken.docx" > "$TMP/b.json" 2>/dev/null
cmp -s "$TMP/a.json" "$TMP/b.json" || fail "broken.docx: -j 2 differs from -j 1"

# hostile rules: failures and caps land in the same places
mkdir -p "$TMP/rules/hostile"
for r in error-table million-findings infinite-loop unknown-global; do
  cp "$SRC/tests/sandbox/hostile/hostile/$r.lua" "$TMP/rules/hostile/"
done
for j in 1 2; do
  timeout 120 "$RASOAT" check --no-config --format json -j $j --plugins "$TMP/rules" "$SAMPLE" > "$TMP/h$j.json" 2>/dev/null
done
pyjson "$TMP/h1.json" '
rules = [g["rule"] for g in d["files"][0]["diagnostics"]]
assert "engine/finding-cap" in rules, "no finding cap"
assert any(r.startswith("engine/rule-") for r in rules), "no rule failure"
' || fail "hostile rules: expected engine findings missing"
cmp -s "$TMP/h1.json" "$TMP/h2.json" || fail "hostile rules: -j 2 differs from -j 1"

# two files, four workers: two on each
mkdir -p "$TMP/two"
cp "$SAMPLE" "$TMP/two/a.txt"
cp fixtures/docx/sample.docx "$TMP/two/b.docx"
"$RASOAT" check --no-config --format json -j 1 "$TMP/two" > "$TMP/t1.json" 2>/dev/null
"$RASOAT" check --no-config --format json -j 4 "$TMP/two" > "$TMP/t4.json" 2>/dev/null
cmp -s "$TMP/t1.json" "$TMP/t4.json" || fail "two files: -j 4 differs from -j 1"

# the help is real: two workers ran rules on the one document, each rule once
RASOAT_PROFILE=1 "$RASOAT" check --no-config --format json -j 2 "$SAMPLE" 2> "$TMP/prof.txt" > /dev/null
python3 - "$TMP/prof.txt" <<'PY' || exit 1
import collections, sys
workers = 0
runs = collections.Counter()
for line in open(sys.argv[1], encoding="utf-8"):
    parts = line.rstrip("\n").split("\t")
    if len(parts) != 3 or parts[0] != "rasoat-profile":
        continue
    if parts[2] == "(facts)":
        workers += 1
    else:
        runs[parts[2]] += 1
if workers != 2:
    sys.exit("FAIL: %d workers reported on one file with -j 2, want 2" % workers)
twice = [r for r, c in runs.items() if c != 1]
if twice:
    sys.exit("FAIL: rules run more than once: %s" % twice[:5])
if len(runs) < 40:
    sys.exit("FAIL: only %d rules ran" % len(runs))
print("share: %d rules shared by 2 workers on one document" % len(runs))
PY
echo "ok: $n files identical with -j 1 and -j 2, hostile rules identical, 2 files -j 4 identical"
