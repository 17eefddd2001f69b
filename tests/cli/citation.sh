#!/usr/bin/env bash
# End-to-end checks of the citation/ pack:
# - on the sample, every expected.tsv row (must and stretch) whose categories
#   include "citation" is found on the quote's line near the quote, and the
#   pack reports exactly the expected findings there (no false alarm);
# - the clean fixtures (fixtures/citation/clean.txt, fixtures/clean/*.txt)
#   get no citation finding at all;
# - fixtures/citation/defects.txt gets exactly one finding per planted defect;
# - --data: the register as .csv and .xlsx gives identical output with one
#   citation/register finding (11/QĐ-UBND: 14/01/2022 in the report,
#   15/01/2022 in the register); Vietnamese headings work; rows of other
#   bodies and years the register does not cover are ignored; without --data
#   the register rules say nothing.
set -u
. "$(dirname "$0")/../cli-lib.sh"
cd "$SRC" || exit 1

json() { "$RASOAT" check --format json "$@" > "$TMP/out.json"; [ -s "$TMP/out.json" ] || fail "no JSON for $*"; }

# (rule, line) pairs of the citation findings in $TMP/out.json, one per line, sorted
pairs() {
  python3 - "$TMP/out.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))["files"][0]["diagnostics"]
for x in sorted((x["rule"], x["line"]) for x in d if x["rule"].startswith("citation/")):
    print("%s %d" % x)
PY
}

expect_pairs() {  # $1 = label, stdin = expected pairs
  sort > "$TMP/want.txt"
  pairs | sort > "$TMP/got.txt"
  diff "$TMP/want.txt" "$TMP/got.txt" > "$TMP/diff.txt" || {
    cat "$TMP/diff.txt"
    python3 -c "import json,sys; [print(x['rule'], x['line'], x['message']) for x in json.load(open(sys.argv[1]))['files'][0]['diagnostics'] if x['rule'].startswith('citation/')]" "$TMP/out.json"
    fail "$1: citation findings differ from the expected ones (< expected, > got)"
  }
}

# ---- the sample: expected.tsv rows with the citation category
json "$SAMPLE"
python3 tests/tools/score_expected.py fixtures/expected.tsv "$TMP/out.json" "$SAMPLE" --packs citation --strict \
  --require-stretch > "$TMP/score.txt" || { grep -v "^ok" "$TMP/score.txt"; fail "expected.tsv citation rows"; }
expect_pairs "sample" <<'EOF'
citation/first-mention 104
citation/first-mention 162
citation/first-mention 162
citation/first-mention 333
citation/first-mention 614
citation/inconsistent 212
citation/missing-symbol 156
citation/number-format 450
citation/unknown-issuer 464
EOF
# the sample's 13/KH-UBND: the odd mention is line 212, the reference line 20's paragraph
python3 - "$TMP/out.json" <<'PY' || fail "13/KH-UBND message"
import json, sys
d = [x for x in json.load(open(sys.argv[1]))["files"][0]["diagnostics"] if x["rule"] == "citation/inconsistent"]
m = d[0]["message"]
assert "13/KH-UBND" in m and "Chương trình công tác Tư pháp" in m and "theo dõi tình hình thi hành" in m, m
PY
# the suggestion for the citation without its symbol
pyjson "$TMP/out.json" "
d = [x for x in d['files'][0]['diagnostics'] if x['rule'] == 'citation/missing-symbol']
assert d[0].get('suggestion') == 'Kế hoạch số 23/KH-UBND', d
" || fail "missing-symbol suggestion"

# ---- clean fixtures: no citation finding at all
for f in fixtures/citation/clean.txt fixtures/clean/*.txt; do
  json "$f"
  expect_pairs "clean fixture $f" < /dev/null
done

# ---- one of each defect
json fixtures/citation/defects.txt
expect_pairs "defects.txt" <<'EOF'
citation/after-report 30
citation/first-mention 20
citation/inconsistent 15
citation/inconsistent 17
citation/inconsistent 23
citation/missing-date 25
citation/missing-symbol 20
citation/number-format 27
citation/number-format 27
citation/out-of-sequence 13
citation/symbol-case 14
citation/symbol-spacing 12
citation/type-code 22
citation/type-code 27
citation/unknown-issuer 28
citation/year-mismatch 22
EOF

# ---- the register (--data)
json "$SAMPLE"
pairs | grep -q "citation/register" && fail "register findings without --data"

"$RASOAT" check --format json --data fixtures/data/register.csv "$SAMPLE" > "$TMP/csv.json"
"$RASOAT" check --format json --data fixtures/data/register.xlsx "$SAMPLE" > "$TMP/xlsx.json"
"$RASOAT" check --data fixtures/data/register.csv "$SAMPLE" > "$TMP/csv.txt"
"$RASOAT" check --data fixtures/data/register.xlsx "$SAMPLE" > "$TMP/xlsx.txt"
cmp -s "$TMP/csv.json" "$TMP/xlsx.json" || { diff "$TMP/csv.json" "$TMP/xlsx.json" | head; fail "register .csv and .xlsx give different JSON"; }
cmp -s "$TMP/csv.txt" "$TMP/xlsx.txt" || { diff "$TMP/csv.txt" "$TMP/xlsx.txt" | head; fail "register .csv and .xlsx give different text output"; }
cp "$TMP/csv.json" "$TMP/out.json"
pairs | grep "^citation/register " > "$TMP/reg.txt"
[ "$(cat "$TMP/reg.txt")" = "citation/register 264" ] || { cat "$TMP/reg.txt"; fail "expected one citation/register finding on line 264"; }
pyjson "$TMP/csv.json" "
d = [x for x in d['files'][0]['diagnostics'] if x['rule'] == 'citation/register']
m = d[0]['message']
assert '11/QĐ-UBND' in m and '14/01/2022' in m and '15/01/2022' in m, m
" || fail "register message"
# everything else the pack reports is unchanged by the register
pairs | grep -v "^citation/register" > "$TMP/with.txt"
"$RASOAT" check --format json "$SAMPLE" > "$TMP/out.json"
pairs > "$TMP/without.txt"
diff "$TMP/without.txt" "$TMP/with.txt" | grep '^[<>]' | grep -v "citation/register" && fail "--data changed other citation findings"

# Vietnamese headings, a row of another body, a year the register does not cover
printf '%s\n' '"Số, ký hiệu";Ngày;Trích yếu;Cơ quan ban hành' \
  '09/KH-UBND;09/01/2023;Kế hoạch cải cách hành chính nhà nước xã Đình Cao năm 2023;UBND xã Đình Cao' \
  '10/KH-UBND;11/01/2023;Kế hoạch tuyên truyền cải cách hành chính năm 2023;UBND xã Đình Cao' \
  '13/KH-UBND;16/01/2023;Kế hoạch theo dõi tình hình thi hành pháp luật năm 2023;UBND xã Đình Cao' \
  '14/KH-UBND;16/01/2023;Kế hoạch phổ biến, giáo dục pháp luật năm 2023;UBND xã Đình Cao' \
  '23/KH-UBND;27/02/2023;Kế hoạch quản lý thi hành pháp luật về xử lý vi phạm hành chính năm 2023;UBND xã Đình Cao' \
  '33/KH-UBND;10/03/2023;Kế hoạch hệ thống hóa văn bản quy phạm pháp luật;UBND xã Đình Cao' \
  '01/QĐ-UBND;03/01/2023;Quyết định giao dự toán thu, chi ngân sách năm 2023;UBND xã Đình Cao' \
  '03A/QĐ-UBND;05/01/2023;Quyết định ban hành quy chế chi tiêu nội bộ năm 2023;UBND xã Đình Cao' \
  '14/QĐ-UBND;13/01/2023;Quyết định ban hành Chương trình thực hành tiết kiệm, chống lãng phí năm 2023;UBND xã Đình Cao' \
  '22/QĐ-UBND;27/01/2023;Quyết định ban hành quy chế quản lý, sử dụng tài sản công;UBND xã Đình Cao' \
  '24/QĐ-UBND;09/02/2023;Quyết định ban hành Kế hoạch kiểm soát thủ tục hành chính năm 2023;UBND xã Đình Cao' \
  '40/KH-UBND;24/03/2023;Kế hoạch phát triển chính quyền điện tử năm 2023;UBND xã Tiên Tiến' \
  > "$TMP/so.csv"
json --data "$TMP/so.csv" "$SAMPLE"
python3 - "$TMP/out.json" <<'PY' || fail "register with Vietnamese headings"
import json, sys
d = [x for x in json.load(open(sys.argv[1]))["files"][0]["diagnostics"] if x["rule"].startswith("citation/register")]
got = sorted((x["rule"], x["line"]) for x in d)
# 10/KH-UBND: another date; 40/KH-UBND: only another commune's row, so missing;
# 11/QĐ-UBND of 2022: the register covers 2023 only, so not checked
want = [("citation/register", 16), ("citation/register", 30)]
assert got == want, (got, [x["message"] for x in d])
m = {x["line"]: x["message"] for x in d}
assert "10/01/2023" in m[16] and "11/01/2023" in m[16], m[16]
assert "40/KH-UBND" in m[30] and "không có trong sổ" in m[30], m[30]
PY

# a register row of another year for the same number: "sổ chỉ có …"
printf '%s\n' 'so_ky_hieu,ngay,trich_yeu' '11/QĐ-UBND,14/01/2023,Quyết định kiện toàn Bộ phận Tiếp nhận và Trả kết quả' \
  '02/QĐ-UBND,05/01/2022,Quyết định giao dự toán năm 2022' > "$TMP/so2.csv"
json --data "$TMP/so2.csv" "$SAMPLE"
pyjson "$TMP/out.json" "
d = [x for x in d['files'][0]['diagnostics'] if x['rule'] == 'citation/register' and x['line'] == 264]
assert len(d) == 1 and 'sổ chỉ có 11/QĐ-UBND ngày 14/01/2023' in d[0]['message'], [(x['line'], x['message']) for x in d]
" || fail "register entry of another year"

echo ok
