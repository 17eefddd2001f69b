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

python3 tests/tools/score_expected.py fixtures/expected.tsv "$TMP/sample.json" "$SAMPLE" --packs spelling,terminology,typography,encoding,format --strict > "$TMP/score.txt" \
  || { grep -v "^ok" "$TMP/score.txt"; fail "expected.tsv rows of these packs"; }

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
