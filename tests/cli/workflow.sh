#!/usr/bin/env bash
# .rasoat.lua configuration, --baseline / --write-baseline, --fix.
set -u
. "$(dirname "$0")/../cli-lib.sh"
# --- configuration found from the checked file's folder upward
mkdir -p "$TMP/xa/nop/nhap"
cp "$SAMPLE" "$TMP/xa/nop/bao-cao.txt"
cp "$SAMPLE" "$TMP/xa/nop/nhap/ban-nhap.txt"
cat > "$TMP/xa/.rasoat.lua" <<'LUA'
return {
  profile = "cchc-6-thang",
  rules = { ["structure/point-marker"] = "off", typography = "info" },
  ignore = { "*/nhap/*" },
  fail_on = "warning",
}
LUA
"$RASOAT" check --format json "$TMP/xa/nop" > "$TMP/c.json"; rc=$?
pyjson "$TMP/c.json" '
paths = [f["path"] for f in d["files"]]
assert len(paths) == 1 and paths[0].endswith("bao-cao.txt"), paths
g = d["files"][0]["diagnostics"]
assert not any(x["rule"] == "structure/point-marker" for x in g), "config rules not applied"
assert all(x["severity"] == "info" for x in g if x["rule"].startswith("typography/")), "pack severity"
assert any(x["rule"].startswith("typography/") for x in g)
' || fail "config"
[ $rc -eq 1 ] || fail "config fail_on warning: exit $rc"
# the command line wins over the configuration
"$RASOAT" check --format json --rule structure/point-marker=error "$TMP/xa/nop/bao-cao.txt" > "$TMP/c2.json"
pyjson "$TMP/c2.json" 'assert any(x["rule"] == "structure/point-marker" for x in d["files"][0]["diagnostics"])' || fail "--rule over config"
# --no-config ignores it
"$RASOAT" check --no-config --format json "$TMP/xa/nop" > "$TMP/c3.json"
pyjson "$TMP/c3.json" 'assert len(d["files"]) == 2' || fail "--no-config"
# a broken configuration is a usage error
echo 'return { profile = os.getenv("HOME") }' > "$TMP/bad.lua"
"$RASOAT" check --config "$TMP/bad.lua" "$SAMPLE" > /dev/null 2>&1; [ $? -eq 2 ] || fail "config with code accepted"
# a configuration larger than 64 KiB is refused, not cut short
python3 -c "print('return { profile = \"bao-cao\" }' + ' ' * 70000)" > "$TMP/big.lua"
"$RASOAT" check --config "$TMP/big.lua" "$SAMPLE" > /dev/null 2> "$TMP/big.err"; [ $? -eq 2 ] || fail "huge config accepted"
grep -q "64 KiB" "$TMP/big.err" || fail "huge config message"

# --- baselines
"$RASOAT" check --no-config --write-baseline "$TMP/base.json" --format json "$SAMPLE" > /dev/null
"$RASOAT" check --no-config --baseline "$TMP/base.json" --format json "$SAMPLE" > "$TMP/b.json"; rc=$?
pyjson "$TMP/b.json" 'assert d["files"][0]["diagnostics"] == [], d["files"][0]["diagnostics"][:2]' || fail "baseline of itself"
[ $rc -eq 0 ] || fail "baseline of itself: exit $rc"
# a resubmission: edits elsewhere shift every line, one new defect is added
python3 - "$SAMPLE" "$TMP/v2.txt" <<'PY'
import sys
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
i = next(k for k, l in enumerate(lines) if l.startswith("3. Về công tác tuyên truyền"))
lines[i:i] = ["- Đã tổ chức hội nghị sơ kết công tác cải cách hành chính.", ""]
lines.append("Đề nghị cấp trên xem xét , hỗ trợ kinh phí.")
open(sys.argv[2], "w", encoding="utf-8").write("\n".join(lines))
PY
"$RASOAT" check --no-config --baseline "$TMP/base.json" --format json "$TMP/v2.txt" > "$TMP/b2.json"
pyjson "$TMP/b2.json" '
g = d["files"][0]["diagnostics"]
assert len(g) == 1 and g[0]["rule"] == "typography/space-before-punct", g
' || fail "baseline across edits"

# --- --fix on a .txt draft: into a new file, then in place with a backup
cp "$SAMPLE" "$TMP/fix.txt"
"$RASOAT" check --no-config --fix -o "$TMP/fixed.txt" "$TMP/fix.txt" > /dev/null 2> "$TMP/fix.err"
cmp -s "$SAMPLE" "$TMP/fix.txt" || fail "--fix -o changed the input"
grep -q "a) Kết quả tham mưu" "$TMP/fixed.txt" || fail "point marker not fixed"
grep -q "theo quy định" "$TMP/fixed.txt" || fail "doubled word not fixed"
grep -q "tài sản công:" "$TMP/fixed.txt" || fail "space before colon not fixed"
"$RASOAT" check --no-config --format json "$TMP/fixed.txt" > "$TMP/f.json"
pyjson "$TMP/f.json" '
rules = [x["rule"] for x in d["files"][0]["diagnostics"]]
for r in ("structure/point-marker", "spelling/doubled-word", "typography/space-before-punct", "typography/space-after-paren"):
    assert r not in rules, r
' || fail "fixed file still has fixable findings"
"$RASOAT" check --no-config --fix "$TMP/fix.txt" > /dev/null 2>&1
cmp -s "$SAMPLE" "$TMP/fix.txt.bak" || fail "no backup"
cmp -s "$TMP/fixed.txt" "$TMP/fix.txt" || fail "in-place fix differs from -o fix"
ls "$TMP" | grep -q rasoat-tmp && fail "temporary file left"
# --- a province profile extends the national one and overrides values
cat > "$TMP/nhan.csv" <<'CSV'
path,commune,received
dc.txt,Xã Đình Cao,19/06/2023
CSV
cp "$SAMPLE" "$TMP/dc.txt"
"$RASOAT" check --no-config --format json --manifest "$TMP/nhan.csv" "$TMP/dc.txt" > "$TMP/p1.json"
"$RASOAT" check --no-config --format json --profile hung-yen-cchc-6-thang --manifest "$TMP/nhan.csv" "$TMP/dc.txt" > "$TMP/p2.json"
python3 - "$TMP/p1.json" "$TMP/p2.json" <<'PY' || fail "province profile"
import json, sys
a = [d["rule"] for d in json.load(open(sys.argv[1]))["files"][0]["diagnostics"]]
b = [d["rule"] for d in json.load(open(sys.argv[2]))["files"][0]["diagnostics"]]
assert "deadline/late-submission" not in a           # national deadline 20/6
assert "deadline/late-submission" in b               # the province's 18/6
assert "spelling/tone-style" in a and "spelling/tone-style" not in b
assert "structure/point-marker" in b                 # everything else inherited
PY
echo ok
