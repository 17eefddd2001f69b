#!/usr/bin/env bash
# End-to-end test of the format/ pack (page layout and fonts of .docx/.odt):
# Arial 11 pt with 10 mm margins gets exactly the font, size and margin
# findings; the same text in Times New Roman 14 pt with 20/20/30/15 mm gets
# no format finding; the clean Decree 30 report (.docx and .odt) gets no
# finding at all from any pack; the layout-defect fixtures get the finding
# they were built for, with the expected-versus-found message; the format
# rules say nothing on plain text.
set -u
. "$(dirname "$0")/../cli-lib.sh"
cd "$SRC" || exit 1

# rules of a pack on one file, as "rule<TAB>message" lines
findings() { # file pack
  "$RASOAT" check --format json "$1" > "$TMP/out.json" 2> "$TMP/err.txt"
  local rc=$?
  [ $rc -le 1 ] || { cat "$TMP/err.txt" >&2; fail "rasoat check $1 exited with $rc"; }
  python3 - "$TMP/out.json" "$2" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
f = d["files"][0]
assert f["status"] == "checked", f
for x in f["diagnostics"]:
    if not sys.argv[2] or x["rule"].split("/")[0] == sys.argv[2]:
        print("%s\t%s" % (x["rule"], x["message"]))
PY
}

# 1. Arial 11 pt, 10 mm margins: font, size, margins and nothing else
findings fixtures/docx/arial-11-10mm.docx format > "$TMP/arial.txt" || fail "arial-11-10mm.docx"
got=$(cut -f1 "$TMP/arial.txt" | sort | tr '\n' ' ')
[ "$got" = "format/body-font format/body-size format/margins " ] ||
  fail "arial-11-10mm.docx: format findings are '$got', expected body-font, body-size, margins"
grep -q 'Phông chữ "Arial"' "$TMP/arial.txt" || fail "body-font message does not name Arial"
grep -q 'Cỡ chữ 11 pt' "$TMP/arial.txt" || fail "body-size message does not give 11 pt"
grep -q 'lề trái 10 mm (quy định 30–35 mm)' "$TMP/arial.txt" || fail "margins message does not give the left margin"

# 2. the same text in Times New Roman 14 pt with the decree's margins: nothing
findings fixtures/docx/tnr-14-ok.docx format > "$TMP/tnr.txt" || fail "tnr-14-ok.docx"
[ ! -s "$TMP/tnr.txt" ] || fail "tnr-14-ok.docx has format findings: $(cat "$TMP/tnr.txt")"

# 3. the clean Decree 30 report: no finding of any rule, .docx and .odt
for f in fixtures/docx/decree30-clean.docx fixtures/odt/decree30-clean.odt; do
  [ -f "$f" ] || fail "missing fixture $f (tools/make-fixtures/ooxml.py, odt.py)"
  findings "$f" "" > "$TMP/clean.txt" || fail "$f"
  [ ! -s "$TMP/clean.txt" ] || fail "$f has findings: $(cat "$TMP/clean.txt")"
  "$RASOAT" check "$f" > /dev/null || fail "$f: exit status is not 0"
done

# 4. each layout fixture gets the finding it was built for
expect() { # file rule count pattern
  findings "$1" format > "$TMP/f.txt" || fail "$1"
  local n
  n=$(grep -c "^$2	" "$TMP/f.txt")
  [ "$n" -eq "$3" ] || fail "$1: $n findings of $2, expected $3: $(cat "$TMP/f.txt")"
  grep "^$2	" "$TMP/f.txt" | grep -q -- "$4" || fail "$1: no $2 message matching '$4': $(cat "$TMP/f.txt")"
  local other
  other=$(grep -v "^$2	" "$TMP/f.txt")
  [ -z "$other" ] || fail "$1: other format findings: $other"
}
expect fixtures/docx/letter-landscape.docx format/page-size 1 "khổ Letter (279 × 216 mm), hướng ngang"
expect fixtures/docx/a4-landscape.docx format/page-size 1 "Trang A4 đặt theo chiều ngang"
expect fixtures/docx/bad-paragraph.docx format/paragraph 4 "lùi 5 mm"
grep -q "canh trái" "$TMP/f.txt" || fail "bad-paragraph.docx: no alignment finding"
grep -q "dưới 6 pt (0 pt" "$TMP/f.txt" || fail "bad-paragraph.docx: no spacing finding"
grep -q "(2 dòng" "$TMP/f.txt" || fail "bad-paragraph.docx: no line-spacing finding"
expect fixtures/docx/bad-components.docx format/components 5 "Quốc hiệu: cỡ chữ 14 pt, chưa in đậm"
for want in "Tiêu ngữ: chưa in đậm" "Địa danh và thời gian ban hành: chưa in nghiêng" \
            "Từ “Nơi nhận:”: cỡ chữ 14 pt, chưa in nghiêng" "Danh sách nơi nhận: cỡ chữ 13 pt ở 5 dòng"; do
  grep -q -- "$want" "$TMP/f.txt" || fail "bad-components.docx: no '$want'"
done

# 5. plain text has no layout: the format rules stay silent
for f in "$SAMPLE" fixtures/html/sample.html; do
  findings "$f" format > "$TMP/txt.txt" || fail "$f"
  [ ! -s "$TMP/txt.txt" ] || fail "$f has format findings: $(cat "$TMP/txt.txt")"
done
exit 0
