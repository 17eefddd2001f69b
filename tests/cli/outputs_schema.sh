#!/usr/bin/env bash
# The report formats on the sample draft, through the CLI:
#  - sarif validates against the OASIS SARIF 2.1.0 schema, holds every
#    finding of --format json, and its fingerprints are stable across runs;
#  - junit parses and lists the findings; csv has one row per finding;
#  - sarif over a folder (streamed: written at the end from spooled
#    artifacts and results): one artifact per file, the results of
#    --format json in order with their artifact index, one notification per
#    file that could not be read, rule ids first met in results (a failing
#    plugin's engine/rule-error) among the driver's rules, same bytes with
#    -j 1 and -j 2 and with the spool in memory (no usable $TMPDIR);
#  - html renders in headless Chromium (a PNG is taken) and, in the DOM
#    Chromium builds, every finding located in the text is highlighted.
# Usage: outputs_schema.sh <rasoat binary> <source dir>
# Exit 77 (skip) only when the binary does not offer these formats yet.
set -u
BIN=$1
SRC=$2
SAMPLE="$SRC/fixtures/dinh-cao-cchc-6-thang-2023.txt"
SCHEMA="$SRC/tests/schemas/sarif-schema-2.1.0.json"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

# run FORMAT OUT: rasoat check on the sample; exit status 0 or 1 is a run
run() {
  "$BIN" check --format "$1" -o "$2" "$SAMPLE" 2>"$TMP/stderr-$1"
  local rc=$?
  if [ $rc -ge 2 ]; then
    if grep -q -e "định dạng không hỗ trợ" -e "unknown format" -e "not supported" "$TMP/stderr-$1"; then
      echo "SKIP: rasoat does not support --format $1 yet" >&2
      exit 77
    fi
    cat "$TMP/stderr-$1" >&2
    fail "rasoat check --format $1 exited with $rc"
  fi
  [ -s "$2" ] || fail "--format $1 wrote nothing"
}

PY=""
for p in /usr/bin/python3 python3; do
  if "$p" -c 'import jsonschema' >/dev/null 2>&1; then
    PY=$p
    break
  fi
done
[ -n "$PY" ] || fail "python3 with jsonschema is needed (Debian: python3-jsonschema)"

run json "$TMP/r.json"
run sarif "$TMP/r.sarif"
run sarif "$TMP/r2.sarif"
run junit "$TMP/r.xml"
run csv "$TMP/r.csv"
run html "$TMP/r.html"

"$PY" - "$SCHEMA" "$TMP" <<'EOF' || fail "sarif/junit/csv checks"
import csv, io, json, sys, xml.etree.ElementTree as ET
import jsonschema

schema_path, tmp = sys.argv[1], sys.argv[2]
schema = json.load(open(schema_path, encoding="utf-8"))
sarif = json.load(open(tmp + "/r.sarif", encoding="utf-8"))
report = json.load(open(tmp + "/r.json", encoding="utf-8"))
jsonschema.Draft4Validator.check_schema(schema)
errors = sorted(jsonschema.Draft4Validator(schema).iter_errors(sarif), key=str)
for e in errors[:10]:
    print("schema:", "/".join(map(str, e.absolute_path)), e.message, file=sys.stderr)
assert not errors, "%d schema errors" % len(errors)

findings = [d for f in report["files"] for d in f["diagnostics"]]
assert findings, "the sample has findings"
run = sarif["runs"][0]
results = run["results"]
assert len(results) == len(findings), (len(results), len(findings))
assert run["columnKind"] == "unicodeCodePoints"
rules = run["tool"]["driver"]["rules"]
for r in results:
    assert rules[r["ruleIndex"]]["id"] == r["ruleId"]
    assert r["message"]["text"]
    assert r["locations"][0]["physicalLocation"]["region"]["startLine"] >= 1
# same findings, same order as the JSON report
assert [r["ruleId"] for r in results] == [d["rule"] for d in findings]
for r, d in zip(results, findings):
    reg = r["locations"][0]["physicalLocation"]["region"]
    assert reg["startLine"] == d["line"] and reg.get("startColumn", 1) == d["column"], (reg, d)
fps = [r["partialFingerprints"]["rasoat/v1"] for r in results]
assert len(set(fps)) == len(fps), "fingerprints are not unique"
again = json.load(open(tmp + "/r2.sarif", encoding="utf-8"))["runs"][0]["results"]
assert fps == [r["partialFingerprints"]["rasoat/v1"] for r in again], "fingerprints change between runs"

root = ET.parse(tmp + "/r.xml").getroot()
assert root.tag == "testsuites"
suites = root.findall("testsuite")
assert len(suites) == len(report["files"])
n = 0
for tc in root.iter("testcase"):
    f = tc.find("failure")
    if f is not None:
        n += int(f.get("message").split()[0])
        assert f.text and f.text.count("\n") >= 1
assert n == len(findings), (n, len(findings))

raw = open(tmp + "/r.csv", "rb").read()
assert raw.startswith(b"\xef\xbb\xbf"), "no BOM"
rows = list(csv.reader(io.StringIO(raw[3:].decode("utf-8"), newline="")))
assert rows[0] == ["path", "line", "column", "severity", "rule", "message", "suggestion"]
failed = sum(1 for f in report["files"] if f["status"] == "failed")
assert len(rows) - 1 == len(findings) + failed, (len(rows) - 1, len(findings))
assert all(len(r) == 7 for r in rows)
print("sarif, junit, csv: %d findings" % len(findings))
EOF

# sarif over a folder, streamed
mkdir -p "$TMP/dir/sub" "$TMP/plug/hostile"
cp "$SAMPLE" "$TMP/dir/a.txt"
cp "$SRC/fixtures/docx/sample.docx" "$TMP/dir/sub/b.docx"
printf 'PK\3\4 not a zip' > "$TMP/dir/c-broken.docx"
cp "$SRC/fixtures/html/tcvn3.html" "$TMP/dir/d.html"
cp "$SRC/tests/sandbox/hostile/hostile/error-table.lua" "$TMP/plug/hostile/"
for j in 1 2; do
  "$BIN" check --no-config --plugins "$TMP/plug" -j $j --format sarif "$TMP/dir" > "$TMP/d$j.sarif" 2>/dev/null
  [ $? -le 2 ] || fail "sarif over a folder: bad exit status"
done
"$BIN" check --no-config --plugins "$TMP/plug" --format json "$TMP/dir" > "$TMP/d.json" 2>/dev/null
cmp -s "$TMP/d1.sarif" "$TMP/d2.sarif" || fail "sarif over a folder: -j 1 and -j 2 differ"
# no usable temporary folder: spooled in memory, same bytes
TMPDIR="$TMP/none" "$BIN" check --no-config --plugins "$TMP/plug" --format sarif "$TMP/dir" > "$TMP/d3.sarif" 2>/dev/null
cmp -s "$TMP/d1.sarif" "$TMP/d3.sarif" || fail "sarif over a folder: spooled in memory differs"
"$PY" - "$SCHEMA" "$TMP/d1.sarif" "$TMP/d.json" <<'EOF' || fail "sarif over a folder"
import json, sys
import jsonschema
schema = json.load(open(sys.argv[1], encoding="utf-8"))
sarif = json.load(open(sys.argv[2], encoding="utf-8"))
report = json.load(open(sys.argv[3], encoding="utf-8"))
errors = list(jsonschema.Draft4Validator(schema).iter_errors(sarif))
assert not errors, "%d schema errors: %s" % (len(errors), errors[0].message)
run = sarif["runs"][0]
files = report["files"]
arts = run["artifacts"]
assert len(arts) == len(files) == 4, (len(arts), len(files))
for a, f in zip(arts, files):
    assert a["location"]["uri"].endswith(f["path"].split("/")[-1]), (a, f["path"])
findings = [(i, d) for i, f in enumerate(files) for d in f["diagnostics"]]
results = run["results"]
assert len(results) == len(findings) > 0, (len(results), len(findings))
rules = run["tool"]["driver"]["rules"]
for r, (i, d) in zip(results, findings):
    assert r["ruleId"] == d["rule"], (r["ruleId"], d["rule"])
    assert r["locations"][0]["physicalLocation"]["artifactLocation"]["index"] == i
    assert rules[r["ruleIndex"]]["id"] == r["ruleId"]
assert any(r["ruleId"] == "engine/rule-error" for r in results), "no finding of the failing plugin"
inv = run["invocations"][0]
assert inv["executionSuccessful"] is False
failed = [i for i, f in enumerate(files) if f["status"] == "failed"]
notes = inv["toolExecutionNotifications"]
assert [n["locations"][0]["physicalLocation"]["artifactLocation"]["index"] for n in notes] == failed == [1], notes
print("sarif over a folder: %d files, %d results, %d notes" % (len(arts), len(results), len(notes)))
EOF

command -v chromium >/dev/null || fail "chromium is needed (Debian: chromium)"
chrome() {
  timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$(mktemp -d -p "$TMP")" "$@" 2>>"$TMP/chromium.log"
}
chrome --screenshot="$TMP/report.png" --window-size=1280,2000 "file://$TMP/r.html" >/dev/null ||
  { tail -5 "$TMP/chromium.log" >&2; fail "chromium could not render the report"; }
[ "$(head -c 8 "$TMP/report.png" | od -An -tx1 | tr -d ' \n')" = "89504e470d0a1a0a" ] || fail "no PNG written"
[ "$(stat -c %s "$TMP/report.png")" -gt 20000 ] || fail "the screenshot is almost empty"
chrome --dump-dom "file://$TMP/r.html" >"$TMP/dom.html" || fail "chromium --dump-dom failed"

"$PY" - "$TMP" <<'EOF' || fail "html checks"
import json, sys
from html.parser import HTMLParser

tmp = sys.argv[1]
report = json.load(open(tmp + "/r.json", encoding="utf-8"))
findings = [d for f in report["files"] for d in f["diagnostics"]]

class Dom(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids, self.items, self.links, self.where = set(), [], set(), {}
        self.cur, self.in_where, self.external = None, False, []
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.add((tag, a["id"]))
        if tag == "li" and a.get("id", "").startswith("d-"):
            self.cur = a["id"][2:]
            self.items.append(self.cur)
        if tag == "a" and a.get("class") == "num" and self.cur:
            self.links.add(self.cur)
        if tag == "span" and a.get("class") == "where":
            self.in_where = True
        for k in ("src", "href"):
            if k in a and not a[k].startswith("#"):
                self.external.append(a[k])
        if tag in ("script", "link", "iframe"):
            self.external.append(tag)
    def handle_endtag(self, tag):
        if tag == "span":
            self.in_where = False
    def handle_data(self, d):
        if self.in_where and self.cur:
            self.where[self.cur] = self.where.get(self.cur, "") + d

dom = Dom()
dom.feed(open(tmp + "/dom.html", encoding="utf-8").read())
assert not dom.external, dom.external
assert len(dom.items) == len(findings), (len(dom.items), len(findings))
missing = []
for n in dom.items:
    whole = dom.where.get(n, "") == "cả văn bản"
    if whole:
        continue
    if n not in dom.links or ("mark", "f-" + n) not in dom.ids:
        missing.append(n)
assert not missing, "findings without a highlight: %s" % missing
marks = sum(1 for t, i in dom.ids if t == "mark")
print("html: %d findings, %d highlighted" % (len(findings), marks))
EOF
echo "ok"
