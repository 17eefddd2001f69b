#!/usr/bin/env bash
# District bulk review: a folder in, a per-submission summary (CSV and HTML)
# out, the manifest's late submissions and listed-but-missing submissions,
# identical output whatever -j is.
set -u
. "$(dirname "$0")/../cli-lib.sh"
D="$TMP/nop"
mkdir -p "$D/huyen-a" "$D/.an"
cp "$SAMPLE" "$D/huyen-a/dinh-cao.txt"
# a submission without section III (Đánh giá chung)
python3 - "$SAMPLE" "$D/huyen-a/tam-da.txt" <<'PY'
import sys
t = open(sys.argv[1], encoding="utf-8").read()
a = t.index("III. ĐÁNH GIÁ CHUNG"); b = t.index("IV. PHƯƠNG HƯỚNG")
open(sys.argv[2], "w", encoding="utf-8").write(t[:a] + t[b:].replace("IV. PHƯƠNG", "III. PHƯƠNG"))
PY
cp "$SAMPLE" "$D/minh-hoang.txt"
printf 'PK\003\004 not really a zip' > "$D/huyen-a/hong.docx"
cp "$SAMPLE" "$D/.an/an.txt"          # hidden: skipped
echo "ghi chú" > "$D/ghi-chu.md"       # not a supported extension: skipped
cat > "$TMP/manifest.csv" <<'CSV'
path,commune,received
huyen-a/dinh-cao.txt,Xã Đình Cao,19/06/2023
huyen-a/tam-da.txt,Xã Tam Đa,24/06/2023
minh-hoang.txt,Xã Minh Hoàng,20/06/2023
huyen-a/hong.docx,Xã Hồng Tiến,18/06/2023
CSV
"$RASOAT" check -j 1 --format jsonl --manifest "$TMP/manifest.csv" --summary "$TMP/s1.csv" "$D" > "$TMP/j1.jsonl"; rc=$?
[ $rc -eq 2 ] || fail "exit $rc with a broken file, want 2"
"$RASOAT" check -j 2 --format jsonl --manifest "$TMP/manifest.csv" --summary "$TMP/s2.csv" "$D" > "$TMP/j2.jsonl"
cmp -s "$TMP/j1.jsonl" "$TMP/j2.jsonl" || fail "jsonl differs between -j 1 and -j 2"
cmp -s "$TMP/s1.csv" "$TMP/s2.csv" || fail "summary differs between -j 1 and -j 2"
python3 - "$TMP/j1.jsonl" "$TMP/s1.csv" <<'PY' || exit 1
import csv, io, json, sys
files = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
paths = [f["path"].split("/nop/")[1] for f in files]
assert paths == ["huyen-a/dinh-cao.txt", "huyen-a/hong.docx", "huyen-a/tam-da.txt", "minh-hoang.txt"], paths
raw = open(sys.argv[2], "rb").read()
assert raw.startswith(b"\xef\xbb\xbf"), "no BOM"
rows = list(csv.DictReader(io.StringIO(raw[3:].decode("utf-8"))))
assert len(rows) == len(files) == 4, len(rows)
by = {r["tep"].split("/nop/")[1]: r for r in rows}
assert by["huyen-a/dinh-cao.txt"]["don_vi"] == "Xã Đình Cao"
assert by["huyen-a/dinh-cao.txt"]["han_nop"] == "đúng hạn", by["huyen-a/dinh-cao.txt"]
assert by["huyen-a/tam-da.txt"]["han_nop"] == "trễ hạn", by["huyen-a/tam-da.txt"]
assert by["minh-hoang.txt"]["han_nop"] == "đúng hạn"
assert by["huyen-a/hong.docx"]["trang_thai"] == "không đọc được"
assert "Đánh giá chung" in by["huyen-a/tam-da.txt"]["phan_thieu"], by["huyen-a/tam-da.txt"]
assert by["huyen-a/tam-da.txt"]["so_phan_thieu"] == "1"
assert by["huyen-a/dinh-cao.txt"]["so_phan_thieu"] == "0"
assert by["huyen-a/dinh-cao.txt"]["ky_bao_cao"].startswith("6 tháng"), by["huyen-a/dinh-cao.txt"]["ky_bao_cao"]
for f in files:
    r = by[f["path"].split("/nop/")[1]]
    if f["status"] == "checked":
        n = {s: sum(1 for d in f["diagnostics"] if d["severity"] == s) for s in ("error", "warning", "info")}
        assert (int(r["loi"]), int(r["canh_bao"]), int(r["thong_tin"])) == (n["error"], n["warning"], n["info"])
late = [d for f in files for d in f["diagnostics"] if d["rule"] == "deadline/late-submission"]
assert len(late) == 1 and "24/06/2023" in late[0]["message"] and "20/06/2023" in late[0]["message"], late
PY
[ $? -eq 0 ] || fail "summary csv"
# the HTML summary links every row to that file's own HTML report
"$RASOAT" check --format json --manifest "$TMP/manifest.csv" --summary "$TMP/tong-hop.html" "$D" > /dev/null
python3 - "$TMP/tong-hop.html" "$TMP" <<'PY' || exit 1
import os, re, sys
h = open(sys.argv[1], encoding="utf-8").read()
links = re.findall(r'<a href="([^"]+)"', h)
assert len(links) == 4, links
for l in links:
    p = os.path.join(sys.argv[2], l)
    assert os.path.exists(p), p
    assert "<mark" in open(p, encoding="utf-8").read() or "hong" in l
assert "trễ hạn" in h and "Đánh giá chung" in h
PY
[ $? -eq 0 ] || fail "summary html"
# a submission the manifest lists but no input is: a failed file after the
# inputs (commune from the manifest), in jsonl and both summaries; a row
# matched by base name only is not missing
sed '2,$s#^#/srv/nhan/#' "$TMP/manifest.csv" > "$TMP/manifest2.csv"   # other folders: matched by base name
printf 'huyen-b/nam-son.docx,Xã Nam Sơn,21/06/2023\n' >> "$TMP/manifest2.csv"
for j in 1 2; do
  "$RASOAT" check -j $j --format jsonl --manifest "$TMP/manifest2.csv" --summary "$TMP/m$j.csv" "$D" > "$TMP/m$j.jsonl"
  rc=$?
  [ $rc -eq 2 ] || fail "exit $rc with a missing submission, want 2"
done
cmp -s "$TMP/m1.jsonl" "$TMP/m2.jsonl" && cmp -s "$TMP/m1.csv" "$TMP/m2.csv" || fail "missing submission: -j 1 and -j 2 differ"
"$RASOAT" check --format json --manifest "$TMP/manifest2.csv" --summary "$TMP/m.html" "$D" > /dev/null
python3 - "$TMP/m1.jsonl" "$TMP/m1.csv" "$TMP/m.html" <<'PY' || exit 1
import csv, io, json, sys
files = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
assert len(files) == 5, [f["path"] for f in files]
last = files[-1]
assert last["path"] == "huyen-b/nam-son.docx" and last["status"] == "failed", last
assert "không tìm thấy tệp" in last["error"] and "--manifest" in last["error"], last["error"]
rows = list(csv.DictReader(io.StringIO(open(sys.argv[2], "rb").read()[3:].decode("utf-8"))))
assert len(rows) == 5
assert rows[-1]["don_vi"] == "Xã Nam Sơn" and rows[-1]["trang_thai"] == "không tìm thấy tệp", rows[-1]
h = open(sys.argv[3], encoding="utf-8").read()
assert "4 báo cáo;" in h and "1 không tìm thấy tệp" in h and "Không tìm thấy tệp: có trong danh sách nhận" in h
PY
[ $? -eq 0 ] || fail "missing submission"
# a received date that is not a date: deadline/received-date, and the
# summary says "chưa rõ" (not on time, not late)
printf 'path,commune,received\nminh-hoang.txt,Xã Minh Hoàng,hôm qua\n' > "$TMP/baddate.csv"
"$RASOAT" check --format jsonl --manifest "$TMP/baddate.csv" --summary "$TMP/baddate-sum.csv" "$D/minh-hoang.txt" > "$TMP/baddate.jsonl"
python3 - "$TMP/baddate.jsonl" "$TMP/baddate-sum.csv" <<'PY' || exit 1
import csv, io, json, sys
f = json.loads(open(sys.argv[1], encoding="utf-8").readline())
rules = [d["rule"] for d in f["diagnostics"] if d["rule"].startswith("deadline/")]
assert rules == ["deadline/received-date"], rules
rows = list(csv.DictReader(io.StringIO(open(sys.argv[2], "rb").read()[3:].decode("utf-8"))))
assert rows[0]["han_nop"] == "chưa rõ", rows[0]
PY
[ $? -eq 0 ] || fail "invalid received date"
# submissions in formats rasoat cannot read are listed with what to do, not
# skipped; an empty folder is said so
mkdir -p "$TMP/khac" "$TMP/rong"
printf '%%PDF-1.4' > "$TMP/khac/a.pdf"; printf '{\\rtf1}' > "$TMP/khac/b.rtf"; printf 'x' > "$TMP/khac/c.wps"; printf 'PK' > "$TMP/khac/e.zip"
# an archive already unpacked beside itself is not listed
printf 'PK' > "$TMP/khac/f.zip"; mkdir -p "$TMP/khac/f"
echo "ghi chú" > "$TMP/khac/d.md"
"$RASOAT" check --format jsonl "$TMP/khac" > "$TMP/khac.jsonl"; rc=$?
[ $rc -eq 2 ] || fail "exit $rc for unreadable formats, want 2"
python3 - "$TMP/khac.jsonl" <<'PY' || exit 1
import json, sys
files = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
by = {f["path"].rsplit("/", 1)[1]: f for f in files}
assert sorted(by) == ["a.pdf", "b.rtf", "c.wps", "e.zip"], sorted(by)
assert "giải nén" in by["e.zip"]["error"], by["e.zip"]["error"]
assert all(f["status"] == "failed" for f in files)
assert ".docx" in by["a.pdf"]["error"] and "PDF" in by["a.pdf"]["error"], by["a.pdf"]["error"]
assert "lưu lại" in by["b.rtf"]["error"] and "lưu lại" in by["c.wps"]["error"]
PY
[ $? -eq 0 ] || fail "unreadable formats"
"$RASOAT" check --format jsonl "$TMP/rong" > /dev/null 2> "$TMP/rong.err"
grep -q "không có tệp nào để kiểm tra" "$TMP/rong.err" || fail "an empty folder is not said so"
# two submissions of one unit for one period (a corrected copy sent again):
# each row names the other, the HTML summary counts the unit once
mkdir -p "$TMP/trung"
{ printf 'ỦY BAN NHÂN DÂN\nXÃ NAM SƠN\nSố: 12/BC-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nNam Sơn, ngày 15 tháng 6 năm 2023\nBÁO CÁO\n'; cat "$SAMPLE"; } > "$TMP/trung/nam-son.txt"
cp "$TMP/trung/nam-son.txt" "$TMP/trung/nam-son-sua.txt"; cp "$SAMPLE" "$TMP/trung/dinh-cao.txt"
"$RASOAT" check --format jsonl --summary "$TMP/trung.csv" "$TMP/trung" > /dev/null
"$RASOAT" check --format jsonl --summary "$TMP/trung.html" "$TMP/trung" > /dev/null
python3 - "$TMP/trung.csv" "$TMP/trung.html" <<'PY' || exit 1
import csv, io, sys
rows = {r["tep"].rsplit("/", 1)[1]: r
        for r in csv.DictReader(io.StringIO(open(sys.argv[1], "rb").read()[3:].decode("utf-8")))}
assert rows["nam-son.txt"]["don_vi"] == "Xã Nam Sơn", rows["nam-son.txt"]
assert rows["nam-son.txt"]["ghi_chu"].endswith("trung/nam-son-sua.txt"), rows["nam-son.txt"]["ghi_chu"]
assert rows["nam-son-sua.txt"]["ghi_chu"].endswith("trung/nam-son.txt"), rows["nam-son-sua.txt"]["ghi_chu"]
assert rows["dinh-cao.txt"]["ghi_chu"] == "", rows["dinh-cao.txt"]
h = open(sys.argv[2], encoding="utf-8").read()
assert "1 đơn vị có nhiều bản cùng kỳ" in h and h.count("cùng kỳ với dòng") == 2, h[:400]
PY
[ $? -eq 0 ] || fail "two submissions of one unit for one period"
# --summary X.xlsx: the same rows as the CSV, as a workbook Excel opens
# whatever Windows' list separator ("," in the CSV, ";" on a Vietnamese Windows)
"$RASOAT" check --format jsonl --summary "$TMP/trung.xlsx" "$TMP/trung" > /dev/null
python3 - "$TMP/trung.csv" "$TMP/trung.xlsx" <<'PY' || exit 1
import csv, io, re, sys, zipfile
import xml.etree.ElementTree as ET
rows = list(csv.reader(io.StringIO(open(sys.argv[1], "rb").read()[3:].decode("utf-8"))))
z = zipfile.ZipFile(sys.argv[2])
assert "xl/workbook.xml" in z.namelist() and "[Content_Types].xml" in z.namelist()
ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
sheet = ET.fromstring(z.read("xl/worksheets/sheet1.xml"))
got = []
for row in sheet.find("m:sheetData", ns):
    cells = [""] * 13
    for c in row:
        col = ord(re.match(r"[A-Z]", c.get("r")).group(0)) - ord("A")
        v = c.find("m:v", ns)
        t = c.find("m:is/m:t", ns)
        cells[col] = v.text if v is not None else (t.text or "")
    got.append(cells)
assert got == rows, (got[:2], rows[:2])
assert not any(c.get("t") == "str" or c.find("m:f", ns) is not None for row in sheet.find("m:sheetData", ns) for c in row)
PY
[ $? -eq 0 ] || fail "--summary .xlsx"
# the manifest names a file as typed on Windows (other case) or composed
# (NFC) where the folder, unpacked from a Mac archive, has it decomposed
mkdir -p "$TMP/ten"
python3 - "$SAMPLE" "$TMP/ten" "$TMP/ten.csv" <<'PY'
import shutil, sys, unicodedata
shutil.copy(sys.argv[1], sys.argv[2] + "/" + unicodedata.normalize("NFD", "xã-đình-cao.txt"))
shutil.copy(sys.argv[1], sys.argv[2] + "/Xa-Tam-Da.txt")
open(sys.argv[3], "w", encoding="utf-8").write("path,commune,received\r\n" + unicodedata.normalize("NFC", "ten\\xã-đình-cao.txt")
                                              + ",Xã Đình Cao,25/06/2023\r\nxa-tam-da.TXT,Xã Tam Đa,19/06/2023\r\n")
PY
"$RASOAT" check --format jsonl --manifest "$TMP/ten.csv" --summary "$TMP/ten-sum.csv" "$TMP/ten" > /dev/null
python3 - "$TMP/ten-sum.csv" <<'PY' || exit 1
import csv, io, sys
rows = list(csv.DictReader(io.StringIO(open(sys.argv[1], "rb").read()[3:].decode("utf-8"))))
assert len(rows) == 2, rows
got = sorted((r["don_vi"], r["trang_thai"], r["han_nop"]) for r in rows)
assert got == [("Xã Tam Đa", "đã kiểm tra", "đúng hạn"), ("Xã Đình Cao", "đã kiểm tra", "trễ hạn")], got
PY
[ $? -eq 0 ] || fail "manifest names in another case or normalization"
# submissions with no text (an empty upload, blank lines, a scan pasted as
# pictures) are not faultless: structure/no-text, and every required section
# missing in the summary
mkdir -p "$TMP/trong"
: > "$TMP/trong/rong.txt"; printf '  \n\t\n' > "$TMP/trong/trang.txt"
cp "$SRC/fixtures/docx/scan-only.docx" "$TMP/trong/quet.docx"; cp "$SAMPLE" "$TMP/trong/du.txt"
"$RASOAT" check --format jsonl --summary "$TMP/trong.csv" "$TMP/trong" > "$TMP/trong.jsonl"; rc=$?
[ $rc -eq 1 ] || fail "exit $rc for submissions without text, want 1"
python3 - "$TMP/trong.jsonl" "$TMP/trong.csv" <<'PY' || exit 1
import csv, io, json, sys
files = {f["path"].rsplit("/", 1)[1]: f for f in map(json.loads, open(sys.argv[1], encoding="utf-8"))}
for name in ("rong.txt", "trang.txt", "quet.docx"):
    d = [g for g in files[name]["diagnostics"] if g["rule"] == "structure/no-text"]
    assert len(d) == 1, (name, files[name]["diagnostics"])
assert "2 hình ảnh" in [g for g in files["quet.docx"]["diagnostics"] if g["rule"] == "structure/no-text"][0]["message"]
assert not any(g["rule"] == "structure/no-text" for g in files["du.txt"]["diagnostics"])
rows = {r["tep"].rsplit("/", 1)[1]: r
        for r in csv.DictReader(io.StringIO(open(sys.argv[2], "rb").read()[3:].decode("utf-8")))}
for name in ("rong.txt", "trang.txt", "quet.docx"):
    r = rows[name]
    assert r["trang_thai"] == "đã kiểm tra" and int(r["loi"]) == 5, r
    assert r["so_phan_thieu"] == "4" and "Đánh giá chung" in r["phan_thieu"], r
assert rows["du.txt"]["so_phan_thieu"] == "0", rows["du.txt"]
# without a manifest the unit comes from the report, level and name
assert rows["du.txt"]["don_vi"] == "Xã Đình Cao", rows["du.txt"]["don_vi"]
PY
[ $? -eq 0 ] || fail "submissions without text"
# a file whose extension lies is read by its content (and said so), or
# named for what it is
mkdir -p "$TMP/duoi"
cp "$SRC/fixtures/docx/sample.docx" "$TMP/duoi/a.odt"; cp "$SRC/fixtures/odt/sample.odt" "$TMP/duoi/b.docx"
cp "$SRC/fixtures/docx/sample.docx" "$TMP/duoi/c.txt"; printf '%%PDF-1.7\nx' > "$TMP/duoi/d.docx"
"$RASOAT" check --format jsonl "$TMP/duoi" > "$TMP/duoi.jsonl"
python3 - "$TMP/duoi.jsonl" <<'PY' || exit 1
import json, sys
by = {f["path"].rsplit("/", 1)[1]: f for f in map(json.loads, open(sys.argv[1], encoding="utf-8"))}
for name, fmt in (("a.odt", "docx"), ("b.docx", "odt"), ("c.txt", "docx")):
    f = by[name]
    assert f["status"] == "checked" and f["format"] == fmt, (name, f["status"], f["format"], f.get("error"))
    notes = [g["message"] for g in f["diagnostics"] if g["rule"] == "engine/input"]
    assert len(notes) == 1 and "đã đọc theo nội dung" in notes[0], (name, notes)
assert by["d.docx"]["status"] == "failed" and "thực ra là tệp PDF" in by["d.docx"]["error"], by["d.docx"]
PY
[ $? -eq 0 ] || fail "a file whose extension lies"
# two submissions with the same file name in two districts, the manifest
# written from another root (one path with Windows backslashes): each file
# gets its own row (commune, received date), none is "missing"
mkdir -p "$TMP/cung-ten/huyen-a" "$TMP/cung-ten/huyen-b"
cp "$SAMPLE" "$TMP/cung-ten/huyen-a/bao-cao.txt"; cp "$SAMPLE" "$TMP/cung-ten/huyen-b/bao-cao.txt"
printf 'path,commune,received\nD:\\nhan\\huyen-a\\bao-cao.txt,Xã A,25/06/2023\n/srv/nhan/huyen-b/bao-cao.txt,Xã B,19/06/2023\n' > "$TMP/cung-ten.csv"
"$RASOAT" check --format jsonl --manifest "$TMP/cung-ten.csv" --summary "$TMP/cung-ten-sum.csv" "$TMP/cung-ten" > /dev/null
python3 - "$TMP/cung-ten-sum.csv" <<'PY' || exit 1
import csv, io, sys
rows = list(csv.DictReader(io.StringIO(open(sys.argv[1], "rb").read()[3:].decode("utf-8"))))
got = [(r["tep"].split("cung-ten/")[-1], r["don_vi"], r["han_nop"], r["trang_thai"]) for r in rows]
assert got == [("huyen-a/bao-cao.txt", "Xã A", "trễ hạn", "đã kiểm tra"),
               ("huyen-b/bao-cao.txt", "Xã B", "đúng hạn", "đã kiểm tra")], got
PY
[ $? -eq 0 ] || fail "same file name in two districts"
# the same file named twice (a folder and a file in it, a "./" path, a link
# to it) is checked and listed once, at its first place, and said so
ln -s "$D/minh-hoang.txt" "$TMP/lien-ket.txt"
R=$(readlink -f "$RASOAT")
(cd "$D" && "$R" check --format jsonl huyen-a/dinh-cao.txt . ./huyen-a/dinh-cao.txt "$TMP/lien-ket.txt" \
  > "$TMP/twice.jsonl" 2> "$TMP/twice.err")
python3 - "$TMP/twice.jsonl" <<'PY' || exit 1
import json, sys
paths = [json.loads(l)["path"] for l in open(sys.argv[1], encoding="utf-8")]
assert paths == ["huyen-a/dinh-cao.txt", "./huyen-a/hong.docx", "./huyen-a/tam-da.txt", "./minh-hoang.txt"], paths
PY
[ $? -eq 0 ] || fail "a file named twice"
grep -q "bỏ qua 3 tệp được nêu hơn một lần" "$TMP/twice.err" || { cat "$TMP/twice.err"; fail "duplicates not said"; }
# the outputs of an earlier run written inside the folder: this run's own
# (-o, --summary and its per-file reports) are left out, said on stderr;
# another command's HTML report is listed as rasoat's output, not checked
# as a draft (a submission dressed up as one is still seen)
mkdir -p "$TMP/lai/nop"
cp "$SAMPLE" "$TMP/lai/nop/a.txt"
(cd "$TMP/lai" && for run in 1 2; do
   "$R" check --format html -o nop/ket-qua.html --summary nop/tong-hop.html nop > /dev/null 2> "err$run.txt"
   "$R" check --format jsonl --summary nop/tong-hop.html nop > "run$run.jsonl" 2>> "err$run.txt"
 done)
python3 - "$TMP/lai/run2.jsonl" <<'PY' || exit 1
import json, sys
files = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
got = [(f["path"], f["status"]) for f in files]
assert got == [("nop/a.txt", "checked"), ("nop/ket-qua.html", "failed")], got
assert "kết quả rasoat đã viết" in files[1]["error"], files[1]["error"]
PY
[ $? -eq 0 ] || fail "an earlier run's outputs were checked as submissions"
grep -q "tệp kết quả của rasoat" "$TMP/lai/err2.txt" || fail "skipped outputs not said"
# a text report written into the folder, the same command run again
(cd "$TMP/lai" && for run in 1 2; do "$R" check -o nop/ket-qua.txt nop 2> "txt$run.err"; done)
grep -q "^nop/ket-qua.txt" "$TMP/lai/nop/ket-qua.txt" && fail "the earlier text report was checked as a submission"
grep -q "tệp kết quả của rasoat" "$TMP/lai/txt2.err" || fail "skipped text report not said"
# a manifest without a received-date column is said so
printf 'tệp,xã\nminh-hoang.txt,Xã Minh Hoàng\n' > "$TMP/nocol.csv"
"$RASOAT" check --format jsonl --manifest "$TMP/nocol.csv" "$D/minh-hoang.txt" > /dev/null 2> "$TMP/nocol.err"
grep -q "không có cột ngày nhận" "$TMP/nocol.err" || fail "a manifest without received dates is not said so"
# a commune name from a manifest that looks like a formula is defused
printf 'path,commune,received\nminh-hoang.txt,=HYPERLINK("http://x"),20/06/2023\n' > "$TMP/evil.csv"
"$RASOAT" check --format json --manifest "$TMP/evil.csv" --summary "$TMP/evil-sum.csv" "$D/minh-hoang.txt" > /dev/null
grep -q "\"'=HYPERLINK" "$TMP/evil-sum.csv" || { cat "$TMP/evil-sum.csv"; fail "formula in the summary CSV not defused"; }
# the progress bar: on stderr when it is a terminal (files done of total,
# rate, time left, then the line is cleared), never otherwise
"$RASOAT" check -j 2 --format jsonl "$D" > "$TMP/quiet.jsonl" 2> "$TMP/quiet.err"
grep -q "tệp/giây" "$TMP/quiet.err" && fail "progress bar printed although stderr is not a terminal"
if command -v script > /dev/null; then
  script -q -e -c "'$RASOAT' check -j 2 --format jsonl '$D' > '$TMP/tty.jsonl'" "$TMP/tty.log" > /dev/null
  grep -q "4/4 tệp, [0-9]* tệp/giây, còn [0-9]* giây" "$TMP/tty.log" || { cat -v "$TMP/tty.log"; fail "no progress bar on a terminal"; }
  grep -q $'\r\033\[K' "$TMP/tty.log" || fail "the progress line is not cleared at the end"
  cmp -s "$TMP/tty.jsonl" "$TMP/quiet.jsonl" || fail "output on a terminal differs"
  # stdout on the same terminal: the progress line is taken off before each
  # result, never written into
  script -q -e -c "'$RASOAT' check -j 2 --format jsonl '$D'" "$TMP/tty2.log" > /dev/null
  python3 - "$TMP/tty2.log" <<'PY' || fail "results written into the progress line"
import re, sys
s = open(sys.argv[1], "rb").read().decode("utf-8", "replace")
assert s.count('{"path"') == 4, s.count('{"path"')
assert not re.search(r"giây +\{", s), "a result follows the progress line"
PY
fi
echo ok
