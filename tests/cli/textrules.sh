#!/usr/bin/env bash
# End-to-end test of the text packs (spelling, terminology, typography,
# encoding, format): on the sample, every "must" row of fixtures/expected.tsv
# whose categories include one of these packs is found on the quote's line
# with its column span near the quote; "clean-warning" rows get no warning or
# error of their categories; the clean Decree 30 report gets no finding at
# all from these packs; a few planted defects are found.
set -u
. "$(dirname "$0")/../cli-lib.sh"
cd "$SRC" || exit 1
PACKS="spelling terminology typography encoding format"

"$RASOAT" check --format json "$SAMPLE" > "$TMP/sample.json"
[ -s "$TMP/sample.json" ] || fail "no JSON report for the sample"

python3 - "$TMP/sample.json" "$SAMPLE" fixtures/expected.tsv "$PACKS" <<'PY' || exit 1
import json, sys
report, sample, tsv, packs = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4].split()
diags = json.load(open(report))["files"][0]["diagnostics"]
lines = open(sample, encoding="utf-8").read().split("\n")
bad = 0
for row in open(tsv, encoding="utf-8"):
    if row.startswith("#") or not row.strip():
        continue
    f = row.rstrip("\n").split("\t")
    kind, cats, quote = f[1], f[2].split("|"), f[3]
    if not any(c in packs for c in cats):
        continue
    where = [(i + 1, l.find(quote)) for i, l in enumerate(lines) if quote in l]
    if not where:
        print("quote not in sample:", quote); bad += 1; continue
    ln, off = where[0]
    col = len(lines[ln - 1][:off]) + 1          # 1-based, in code points
    endcol = col + len(quote)
    hits = [d for d in diags if d["line"] == ln and any(d["rule"].startswith(c + "/") for c in cats)]
    if kind == "must":
        near = [d for d in hits if d["column"] <= endcol + 2 and d.get("end_column", d["column"]) >= col - 2]
        if not near:
            print("MISSING %s on line %d: %r (got %s)" % ("|".join(cats), ln, quote,
                  [(d["rule"], d["column"]) for d in hits]))
            bad += 1
    elif kind == "clean-warning":
        loud = [d for d in hits if d["severity"] in ("warning", "error")]
        if loud:
            print("FALSE ALARM on line %d (%r): %s" % (ln, quote, [(d["rule"], d["message"]) for d in loud]))
            bad += 1
sys.exit(1 if bad else 0)
PY
[ $? -eq 0 ] || fail "expected.tsv rows of the text packs"

# the clean Decree 30 reports: nothing at all from the text packs
for f in fixtures/clean/*.txt; do
  "$RASOAT" check --format json "$f" > "$TMP/clean.json"
  pyjson "$TMP/clean.json" "
packs = '$PACKS'.split()
d = [x for x in d['files'][0]['diagnostics'] if x['rule'].split('/')[0] in packs]
assert not d, 'findings on a clean report: %s' % [(x['rule'], x['line'], x['message']) for x in d]
" || fail "clean fixture $f has findings from the text packs"
done

# planted defects in the clean report are found
sed -e 's/Luật Hòa giải/Luật Hoà giải/' -e 's/1\.395 hồ sơ/1,395 hồ sơ/' -e 's/36 m²/36m2/' \
    -e 's/Luật Phòng, chống tham nhũng/Luật Phòng chống tham nhũng/' \
    -e 's/trách nhiệm/tráchnhiệm/' -e 's/Quyết định/Quyết đinh/' \
    -e 's/toàn trình và một phần/mức độ 3, mức độ 4/' -e 's/Đình Cao, ngày/Ðình Cao, ngày/' \
    fixtures/clean/bao-cao-cchc-6-thang-2024.txt > "$TMP/planted.txt"
printf 'Kết quả đạt được trong giai đoạn 2021- 2025 tại [Céng hoµ] xã.\n' >> "$TMP/planted.txt"
"$RASOAT" check --format json "$TMP/planted.txt" > "$TMP/planted.json"
for rule in spelling/tone-style typography/number-format typography/unit terminology/law-title \
            terminology/online-service-level encoding/lookalike typography/hyphen-spacing encoding/mojibake; do
  pyjson "$TMP/planted.json" "
assert any(x['rule'] == '$rule' for x in d['files'][0]['diagnostics']), 'not found: $rule'
" || fail "planted defect not found by $rule"
done

# .docx layout (format pack): only when the format rules are installed
if "$RASOAT" rules 2>/dev/null | grep -q "format/margins"; then
  "$RASOAT" check --format json fixtures/docx/arial-11-10mm.docx > "$TMP/arial.json"
  for rule in format/margins format/body-font format/body-size; do
    pyjson "$TMP/arial.json" "
assert any(x['rule'] == '$rule' for x in d['files'][0]['diagnostics']), 'not found: $rule'
" || fail "arial-11-10mm.docx: $rule not reported"
  done
  "$RASOAT" check --format json fixtures/docx/tnr-14-ok.docx > "$TMP/tnr.json"
  pyjson "$TMP/tnr.json" "
d = [x for x in d['files'][0]['diagnostics'] if x['rule'].startswith('format/')]
assert not d, d
" || fail "tnr-14-ok.docx has format findings"
fi
echo ok
