#!/usr/bin/env bash
# End-to-end test of the date/, deadline/ and arithmetic/ packs: on the sample,
# every "must" row of fixtures/expected.tsv in date|deadline is found on the
# quote's line with its span near the quote, the sample's (correct) arithmetic
# gets no arithmetic finding at all, the clean report gets nothing from these
# packs; the fixtures fixtures/arith/*.txt and fixtures/dates/*.txt give exactly
# the expected findings (rule id and line); --deadline and the quarterly
# profile are honoured; `explain` shows each rule's basis.
set -u
. "$(dirname "$0")/../cli-lib.sh"
cd "$SRC" || exit 1
PACKS="date deadline arithmetic"

"$RASOAT" check --format json "$SAMPLE" > "$TMP/sample.json"
[ -s "$TMP/sample.json" ] || fail "no JSON report for the sample"

python3 tests/tools/score_expected.py fixtures/expected.tsv "$TMP/sample.json" "$SAMPLE" --packs date,deadline,arithmetic --strict > "$TMP/score.txt" \
  || { grep -v "^ok" "$TMP/score.txt"; fail "expected.tsv rows of these packs"; }
python3 - "$TMP/sample.json" <<'PY' || exit 1
import json, sys
diags = json.load(open(sys.argv[1]))["files"][0]["diagnostics"]
bad = 0
# the sample's arithmetic is right: no arithmetic finding anywhere
arith = [(d["line"], d["message"]) for d in diags if d["rule"].startswith("arithmetic/")]
if arith:
    print("arithmetic findings on the sample:", arith); bad += 1
# exactly the period findings expected (two stated ranges ending 11/6, two
# "tính đến 15/6", the 2022 disbursement presented in the 2023 six-month report)
got = sorted((d["rule"], d["line"]) for d in diags if d["rule"].split("/")[0] in ("date", "deadline"))
want = sorted([("date/reporting-period", 146), ("date/reporting-period", 268),
               ("date/as-of-after-cutoff", 366), ("date/as-of-after-cutoff", 370),
               ("date/prior-year-figure", 360)])   # the stretch row "ngân sách nhà nước năm 2022"
if got != want:
    print("date/deadline findings on the sample:", got, "want", want); bad += 1
msgs = [d["message"] for d in diags if d["rule"] == "date/reporting-period"]
if not all("14/6/2023" in m and "11/6/2023" in m for m in msgs):
    print("period message lacks expected vs found:", msgs); bad += 1
sys.exit(1 if bad else 0)
PY
[ $? -eq 0 ] || fail "sample: date/deadline/arithmetic rows"

# exact (rule, line) findings of these packs on a fixture; extra args go to check
expect() {
  local file="$1" want="$2"; shift 2
  "$RASOAT" check --format json "$@" "$file" > "$TMP/f.json"
  python3 - "$TMP/f.json" "$want" "$PACKS" "$file" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))["files"][0]["diagnostics"]
packs = sys.argv[3].split()
got = sorted((x["rule"], x["line"]) for x in d if x["rule"].split("/")[0] in packs)
want = sorted((w.split(":")[0], int(w.split(":")[1])) for w in sys.argv[2].split())
if got != want:
    print("%s:\n  got  %s\n  want %s" % (sys.argv[4], got, want))
    for x in d:
        if x["rule"].split("/")[0] in packs:
            print("   ", x["line"], x["rule"], x["message"])
    sys.exit(1)
PY
}

for f in fixtures/clean/*.txt fixtures/arith/right.txt; do
  expect "$f" "" || fail "findings of date/deadline/arithmetic on the correct report $f"
done

expect fixtures/arith/wrong.txt "
  arithmetic/parts-total:11 arithmetic/subset:12 arithmetic/percent:13
  arithmetic/parts-total:15 arithmetic/percent:15 arithmetic/base:15
  arithmetic/parts-total:16 arithmetic/share-sum:18 arithmetic/percent:19" || fail "fixtures/arith/wrong.txt"

# the messages show the computation
"$RASOAT" check --format json fixtures/arith/wrong.txt > "$TMP/w.json"
pyjson "$TMP/w.json" "
m = [x['message'] for x in d['files'][0]['diagnostics'] if x['rule'].startswith('arithmetic/')]
need = ['412/450 = 92%, văn bản ghi 95%', '1.203 + 12 + 30 = 1.245 hồ sơ, văn bản ghi tổng số 1.248 hồ sơ',
        '7/9 = 78%, văn bản ghi 70%', '62% + 30% + 3% = 95%', '1.016 hồ sơ lớn hơn tổng số 956 hồ sơ']
miss = [n for n in need if not any(n in x for x in m)]
assert not miss, (miss, m)
" || fail "arithmetic messages"

expect fixtures/dates/late.txt "
  deadline/report-date:6 date/header-date-format:6 deadline/implements-order:11
  date/invalid-date:13 date/as-of-after-cutoff:18" || fail "fixtures/dates/late.txt"

# --deadline overrides the profile's deadline
expect fixtures/dates/late.txt "
  date/header-date-format:6 deadline/implements-order:11
  date/invalid-date:13 date/as-of-after-cutoff:18" --deadline 30/06/2023 || fail "late.txt with --deadline 30/06/2023"

# the quarterly profile: the period is computed from the report's quarter
cat > "$TMP/quy.txt" <<'EOF'
Báo cáo công tác cải cách hành chính quý II năm 2023
Từ ngày 15/3/2023 đến ngày 14/6/2023, Bộ phận Tiếp nhận và Trả kết quả tiếp nhận 312 hồ sơ.
Từ ngày 01/4/2023 đến ngày 30/6/2023, Bộ phận Tiếp nhận và Trả kết quả tiếp nhận 330 hồ sơ.
Tính đến ngày 20/6/2023, xã đã số hóa 250 hồ sơ.
EOF
expect "$TMP/quy.txt" "date/reporting-period:3 date/reporting-period:3 date/as-of-after-cutoff:4" \
  --profile cchc-quy || fail "quarterly profile"

# explain shows the basis of every new rule
for r in date/invalid-date date/reporting-period date/as-of-after-cutoff date/header-date-format date/prior-year-figure \
         deadline/report-date deadline/implements-order arithmetic/percent arithmetic/parts-total \
         arithmetic/subset arithmetic/share-sum arithmetic/base; do
  "$RASOAT" explain "$r" > "$TMP/explain.txt" 2>&1 || fail "explain $r"
  grep -q "Căn cứ" "$TMP/explain.txt" || fail "explain $r shows no basis"
done
exit 0
