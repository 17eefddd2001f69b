#!/usr/bin/env bash
# One slow document does not make the results of the others pile up in
# memory: workers run at most a bounded window of files ahead of the first
# one not yet written, and free each document once checked when the output
# does not need it. A rule that spins on the first file (marked CHẬM) of
# 3,001 small ones: with -j 2 the other worker would otherwise check all the
# rest meanwhile and keep every result. Peak RSS with the slow file must stay
# within 12 MB of the same run without it (it was 36 MB more before), and
# the output is the same as with -j 1.
set -u
. "$(dirname "$0")/../cli-lib.sh"
mkdir -p "$TMP/plug/slow" "$TMP/in"
cat > "$TMP/plug/slow/spin.lua" <<'LUA'
return {
  id = "slow/spin", description = "chậm", severity = "info", basis = "kiểm thử",
  examples = { valid = {}, invalid = {} },
  check = function(doc, ctx)
    local p = doc.paragraphs[1]
    if p and p.text:find("CHẬM", 1, true) then
      local x = 0
      for i = 1, 150000000 do x = x + 1 end
    end
  end,
}
LUA
python3 - "$TMP/in" <<'PY'
import os, sys
d = sys.argv[1]
for i in range(1, 3001):
    open(os.path.join(d, "f%04d.txt" % i), "w", encoding="utf-8").write(
        "Báo cáo số %d của xã.\nNội dung báo cáo ngắn gọn với vài dòng văn bản.\n" % i)
PY
run() { # OUT: peak RSS in KiB of one check of $TMP/in
  python3 - "$RASOAT" "$TMP/plug" "$TMP/in" "$1" <<'PY'
import resource, subprocess, sys
r, plug, d, out = sys.argv[1:5]
with open(out, "wb") as f:
    subprocess.run([r, "check", "-j", "2", "-f", "jsonl", "--no-config", "--plugins", plug,
                    "--limit", "rule-instructions=2000000000", "--limit", "rule-time-ms=60000", d],
                   stdout=f, stderr=subprocess.DEVNULL)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
PY
}
base=$(run "$TMP/base.jsonl")
printf 'CHẬM\n' > "$TMP/in/0000-cham.txt"
slow=$(run "$TMP/slow.jsonl")
[ "$(wc -l < "$TMP/slow.jsonl")" -eq 3001 ] || fail "not every file listed"
"$RASOAT" check -j 1 -f jsonl --no-config --plugins "$TMP/plug" --limit rule-instructions=2000000000 \
  --limit rule-time-ms=60000 "$TMP/in" > "$TMP/j1.jsonl" 2>/dev/null
cmp -s "$TMP/slow.jsonl" "$TMP/j1.jsonl" || fail "-j 2 differs from -j 1"
echo "peak RSS: ${base} KiB without the slow file, ${slow} KiB with it"
[ $((slow - base)) -lt 12288 ] || fail "results piled up behind the slow file: +$(( (slow - base) / 1024 )) MB"
echo ok
