#!/usr/bin/env bash
# No rule state survives from one document to the next, whatever -j is: the
# engine runs each rule file afresh per document. hostile/state-leak keeps an
# upvalue counter and a module-level table and reports what it remembers;
# hostile/million-findings checks that the finding cap is per rule AND per
# document. Eight copies of the sample (plus a .docx and a short .txt) are
# checked with -j 1 and -j 2: every file says "lần 1, nhớ 0 đoạn", every file
# keeps exactly 1,000 findings and one cap note, the built-in findings of each
# copy equal those of the sample checked alone, and both runs print the same
# report.
set -u
. "$(dirname "$0")/../cli-lib.sh"
mkdir -p "$TMP/rules/hostile" "$TMP/in"
cp "$SRC/tests/sandbox/hostile/hostile/state-leak.lua" "$SRC/tests/sandbox/hostile/hostile/million-findings.lua" \
  "$TMP/rules/hostile/"
for i in 1 2 3 4 5 6 7 8; do cp "$SAMPLE" "$TMP/in/copy-$i.txt"; done
cp "$SRC/fixtures/docx/sample.docx" "$TMP/in/z-sample.docx"
cp "$SRC/fixtures/text/header-ok.txt" "$TMP/in/z-header.txt"

"$RASOAT" check --format json "$SAMPLE" > "$TMP/alone.json"; [ $? -le 1 ] || fail "sample alone"
for j in 1 2; do
  timeout 120 "$RASOAT" check --format json -j $j --plugins "$TMP/rules" "$TMP/in" > "$TMP/j$j.json"
  rc=$?
  [ $rc -le 1 ] || fail "-j $j: exit status $rc"
done
python3 - "$TMP/alone.json" "$TMP/j1.json" "$TMP/j2.json" <<'PY' || exit 1
import json, sys
alone = json.load(open(sys.argv[1]))["files"][0]["diagnostics"]
bad = 0
runs = []
for path in sys.argv[2:]:
    rep = json.load(open(path))
    files = rep["files"]
    if len(files) != 10 or rep["summary"]["files"] != 10 or rep["summary"]["checked"] != 10:
        print("FAIL", path, "files", len(files), rep["summary"]); bad = 1
    for f in files:
        d = f["diagnostics"]
        st = [g["message"] for g in d if g["rule"] == "hostile/state-leak"]
        if st != ["lần 1, nhớ 0 đoạn"]:
            print("FAIL", path, f["path"], "state leaked:", st); bad = 1
        mf = [g for g in d if g["rule"] == "hostile/million-findings"]
        cap = [g for g in d if g["rule"] == "engine/finding-cap"]
        if len(mf) != 1000 or len(cap) != 1:
            print("FAIL", path, f["path"], "kept", len(mf), "findings and", len(cap), "cap notes"); bad = 1
        if "/copy-" in f["path"]:
            builtin = [g for g in d if not g["rule"].startswith(("engine/", "hostile/"))]
            if builtin != alone:
                print("FAIL", path, f["path"], "built-in findings differ from the sample alone"); bad = 1
    runs.append([(f["path"], f["diagnostics"]) for f in files])
if runs[0] != runs[1]:
    print("FAIL -j 1 and -j 2 differ"); bad = 1
sys.exit(bad)
PY
echo "ok: no state leaks between documents (-j 1 and -j 2), findings capped per document"
