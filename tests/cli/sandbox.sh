#!/usr/bin/env bash
# Every hostile rule in tests/sandbox/hostile yields exactly one engine/*
# finding of the expected kind, in bounded time, and the built-in findings
# stay identical.
set -u
. "$(dirname "$0")/../cli-lib.sh"
"$RASOAT" check --format json "$SAMPLE" > "$TMP/base.json"; [ $? -le 1 ] || fail "baseline run"
start=$(date +%s)
timeout 120 "$RASOAT" check --format json --plugins "$SRC/tests/sandbox/hostile" "$SAMPLE" > "$TMP/h.json"
rc=$?
[ $rc -eq 2 ] || fail "exit status $rc with failing rules, want 2"
[ $(( $(date +%s) - start )) -lt 60 ] || fail "hostile rules took too long"
python3 - "$TMP/base.json" "$TMP/h.json" <<'PY' || exit 1
import json, sys
base = json.load(open(sys.argv[1]))["files"][0]["diagnostics"]
host = json.load(open(sys.argv[2]))["files"][0]["diagnostics"]
want = {
  "io-open": "blocked", "os-execute": "blocked", "require": "blocked", "binary-load": "blocked",
  "string-dump": "blocked", "string-dump-meta": "blocked", "coroutine": "blocked",
  "infinite-loop": "timeout", "pcall-timeout": "timeout", "memory-bomb": "memory", "memory-creep": "memory",
  "clobber-string": "error", "error-table": "error", "deep-recursion": "error", "bad-span": "error",
  "unknown-global": "error", "doc-write": "error", "regex-backtrack": "error", "getmetatable": "error",
  "regex-bomb": "error",
}
bad = 0
for name, kind in want.items():
    rid = "hostile/" + name
    got = [g for g in host if g["rule"].startswith("engine/") and rid + " " in g["message"] + " "]
    if len(got) != 1 or got[0]["rule"] != "engine/rule-" + kind:
        print("FAIL", rid, "want one engine/rule-" + kind, "got", [(g["rule"], g["message"]) for g in got]); bad = 1
    if any(g["rule"] == rid for g in host):
        print("FAIL", rid, "findings of a failing rule were kept"); bad = 1
# a million findings: the first 1,000 kept, then one engine/finding-cap note
mf = [g for g in host if g["rule"] == "hostile/million-findings"]
cap = [g for g in host if g["rule"] == "engine/finding-cap"]
if len(mf) != 1000 or len(cap) != 1 or "hostile/million-findings báo 1000000 phát hiện" not in cap[0]["message"]:
    print("FAIL million findings: kept", len(mf), "notes", [g["message"] for g in cap]); bad = 1
builtin = [g for g in host if not g["rule"].startswith(("engine/", "hostile/"))]
if builtin != base:
    print("FAIL built-in findings changed:", len(base), "->", len(builtin)); bad = 1
sys.exit(bad)
PY
[ -e /tmp/rasoat-pwned ] && fail "os.execute ran"
echo "ok: 19 failing hostile rules contained, a million findings capped"
