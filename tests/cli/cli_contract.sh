#!/usr/bin/env bash
# The command-line contract of DESIGN.md: exit codes, JSON shape, a missing
# file beside the sample, rules --format json, explain, --rule, --fail-on.
set -u
. "$(dirname "$0")/../cli-lib.sh"
"$RASOAT" --version | grep -q "^rasoat [0-9]" || fail "--version"
"$RASOAT" check --format json "$SAMPLE" > "$TMP/a.json"; rc=$?
[ $rc -eq 1 ] || fail "sample exit $rc, want 1 (errors found)"
pyjson "$TMP/a.json" '
f = d["files"][0]; s = d["summary"]
assert d["tool"]["name"] == "rasoat" and d["tool"]["version"]
assert f["status"] == "checked" and f["format"] == "txt"
assert len(f["diagnostics"]) >= 10, len(f["diagnostics"])
for g in f["diagnostics"]:
    for k in ("rule", "severity", "message", "line", "column", "end_line", "end_column"):
        assert k in g, k
    assert "/" in g["rule"] and g["severity"] in ("error", "warning", "info")
    assert g["line"] >= 1 and g["column"] >= 1
assert s["files"] == 1 and s["checked"] == 1 and s["failed"] == 0
assert s["errors"] + s["warnings"] + s["infos"] == len(f["diagnostics"])
' || fail "JSON contract"
# a missing file beside the sample: exit 2, the sample still fully checked
"$RASOAT" check --format json "$TMP/khong-co.txt" "$SAMPLE" > "$TMP/b.json"; rc=$?
[ $rc -eq 2 ] || fail "missing file exit $rc, want 2"
python3 - "$TMP/a.json" "$TMP/b.json" <<'PY' || fail "missing file report"
import json, sys
a = json.load(open(sys.argv[1])); b = json.load(open(sys.argv[2]))
assert [f["status"] for f in b["files"]] == ["failed", "checked"], [f["status"] for f in b["files"]]
assert b["files"][0]["error"]
assert b["files"][1]["diagnostics"] == a["files"][0]["diagnostics"]
assert b["summary"]["failed"] == 1 and b["summary"]["files"] == 2
PY
# rules --format json lists every rule with id, description, severity
"$RASOAT" rules --format json > "$TMP/r.json" || fail "rules"
n=$(find "$SRC/plugins" -mindepth 2 -name '*.lua' -not -path '*/lib/*' | wc -l)
pyjson "$TMP/r.json" "
assert len(d) == $n, (len(d), $n)
for r in d: assert r['id'] and r['description'] and r['severity'] in ('error','warning','info','off') and r['basis']
" || fail "rules json"
"$RASOAT" explain structure/point-marker | grep -q "Căn cứ: Nghị định 30/2020" || fail "explain"
"$RASOAT" explain no/such > /dev/null 2>&1; [ $? -eq 2 ] || fail "explain unknown rule exit"
# --rule turns a rule off; --fail-on info
"$RASOAT" check --format json --rule structure/point-marker=off "$SAMPLE" > "$TMP/c.json"
pyjson "$TMP/c.json" 'assert not any(g["rule"] == "structure/point-marker" for g in d["files"][0]["diagnostics"])' || fail "--rule off"
"$RASOAT" check --rule structure=off --rule typography=off --rule spelling=off --rule citation=off --rule date=off --rule deadline=off --rule arithmetic=off --rule terminology=off --rule encoding=off --rule format=off --fail-on error "$SAMPLE" > /dev/null; rc=$?
[ $rc -eq 0 ] || fail "all packs off: exit $rc, want 0"
"$RASOAT" check --fail-on info "$SAMPLE" > /dev/null; [ $? -eq 1 ] || fail "--fail-on info"
"$RASOAT" check --format nope "$SAMPLE" > /dev/null 2>&1; [ $? -eq 2 ] || fail "bad format exit"
"$RASOAT" check > /dev/null 2>&1; [ $? -eq 2 ] || fail "no input exit"
# text format: one path:line:col: severity: message [pack/name] line per finding
"$RASOAT" check --no-color "$SAMPLE" > "$TMP/t.txt"
nj=$(pyjson "$TMP/a.json" 'print(len(d["files"][0]["diagnostics"]))')
nt=$(grep -cE '^[^ ].*:[0-9]+:[0-9]+: (error|warning|info): .* \[[a-z]+/[a-z0-9-]+\]$' "$TMP/t.txt")
[ "$nj" = "$nt" ] || fail "text lines $nt != json findings $nj"
# output file must not be an input
cp "$SAMPLE" "$TMP/in.txt"
"$RASOAT" check -o "$TMP/./in.txt" "$TMP/in.txt" > /dev/null 2>&1; [ $? -eq 2 ] || fail "-o onto an input"
cmp -s "$SAMPLE" "$TMP/in.txt" || fail "input modified"
# --limit changes a limit; a file over it is failed with a clear message
"$RASOAT" check --format json --limit file-size=10K "$SAMPLE" > "$TMP/l.json"; [ $? -eq 2 ] || fail "--limit file-size exit"
pyjson "$TMP/l.json" 'f = d["files"][0]; assert f["status"] == "failed" and "giới hạn" in f["error"], f' || fail "--limit file-size"
"$RASOAT" check --limit nope=1 "$SAMPLE" > /dev/null 2>&1; [ $? -eq 2 ] || fail "--limit unknown name"
# a summary or baseline that could not be written is refused before any
# file is checked (not found out at the end)
"$RASOAT" check -f jsonl --summary "$TMP/khong-co/tong.csv" "$SAMPLE" > "$TMP/early.out" 2> "$TMP/early.err"; rc=$?
[ $rc -eq 2 ] || fail "--summary into a missing folder: exit $rc"
[ ! -s "$TMP/early.out" ] || fail "--summary into a missing folder: files were checked first"
grep -q "khong-co/tong.csv" "$TMP/early.err" || fail "--summary into a missing folder: not said"
"$RASOAT" check --write-baseline "$TMP" "$SAMPLE" > /dev/null 2>&1; [ $? -eq 2 ] || fail "--write-baseline onto a folder"
# no result is written onto a file the run reads (the manifest, a data
# table, a baseline), nor two results into one file: refused before checking
printf 'path,commune,received\nin.txt,Xã A,19/06/2023\n' > "$TMP/nhan.csv"; cp "$TMP/nhan.csv" "$TMP/nhan.orig"
"$RASOAT" check -f jsonl --manifest "$TMP/nhan.csv" --summary "$TMP/./nhan.csv" "$SAMPLE" > "$TMP/ow.out" 2> "$TMP/ow.err"
[ $? -eq 2 ] || fail "--summary onto the manifest: exit"
cmp -s "$TMP/nhan.csv" "$TMP/nhan.orig" || fail "--summary overwrote the manifest"
[ ! -s "$TMP/ow.out" ] || fail "--summary onto the manifest: files were checked first"
grep -q "tệp đầu vào (--manifest" "$TMP/ow.err" || fail "--summary onto the manifest: not said"
"$RASOAT" check -d "$TMP/nhan.csv" --write-baseline "$TMP/nhan.csv" "$SAMPLE" > /dev/null 2>&1; [ $? -eq 2 ] || fail "--write-baseline onto a data table"
"$RASOAT" check -d "$TMP/nhan.csv" -o "$TMP/nhan.csv" "$SAMPLE" > /dev/null 2>&1; [ $? -eq 2 ] || fail "-o onto a data table"
cmp -s "$TMP/nhan.csv" "$TMP/nhan.orig" || fail "a data table was overwritten"
"$RASOAT" check -f html -o "$TMP/r.html" --summary "$TMP/r.html" "$SAMPLE" > /dev/null 2> "$TMP/ow.err"; [ $? -eq 2 ] || fail "-o and --summary into one file"
grep -q "cùng ghi vào" "$TMP/ow.err" || fail "-o and --summary into one file: not said"
# a report that cannot be written whole is an error (exit 2, said), for the
# streamed formats and the others, on stdout and with -o
if [ -w /dev/full ]; then
  for f in text json jsonl sarif html; do
    "$RASOAT" check -f $f "$SAMPLE" > /dev/full 2> "$TMP/full.err"; rc=$?
    [ $rc -eq 2 ] || fail "-f $f to a full disk: exit $rc, want 2"
    grep -q "không ghi được đầy đủ kết quả" "$TMP/full.err" || fail "-f $f to a full disk: not said"
  done
  "$RASOAT" check -f jsonl -o /dev/full "$SAMPLE" 2> "$TMP/full.err"; [ $? -eq 2 ] || fail "-o /dev/full exit"
  grep -q "/dev/full" "$TMP/full.err" || fail "-o /dev/full: not said"
fi
echo ok
