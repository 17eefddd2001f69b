#!/usr/bin/env bash
# Every built-in rule's embedded examples pass, and the tester fails a rule
# whose example is wrong or that has no invalid example.
set -u
. "$(dirname "$0")/../cli-lib.sh"
"$RASOAT" test-rules > "$TMP/out.txt" 2>&1 || { cat "$TMP/out.txt"; fail "built-in rule examples"; }
grep -q " 0 quy tắc lỗi" "$TMP/out.txt" || fail "summary line"
# a broken pack: an example the rule misses, a rule without invalid examples
mkdir -p "$TMP/p/demo"
cat > "$TMP/p/demo/miss.lua" <<'LUA'
return { id = "demo/miss", description = "d", severity = "warning", basis = "b",
  examples = { valid = { "abc" }, invalid = { { text = "x [[abc]] y" } } },
  check = function(doc, ctx) end }
LUA
cat > "$TMP/p/demo/noinvalid.lua" <<'LUA'
return { id = "demo/noinvalid", description = "d", severity = "warning", basis = "b",
  examples = { valid = { "abc" } }, check = function(doc, ctx) end }
LUA
cat > "$TMP/p/demo/badfield.lua" <<'LUA'
return { id = "demo/badfield", description = "d", severity = "warning", basis = "b", colour = "red",
  examples = { valid = {}, invalid = {} }, check = function(doc, ctx) end }
LUA
"$RASOAT" test-rules "$TMP/p" > "$TMP/out2.txt" 2>&1 && fail "tester passed broken rules"
grep -q "FAIL demo/miss: không báo chỗ đánh dấu 1:3-6" "$TMP/out2.txt" || { cat "$TMP/out2.txt"; fail "missed span not reported"; }
grep -q "FAIL demo/noinvalid" "$TMP/out2.txt" || fail "rule without invalid example accepted"
grep -q "badfield.*colour" "$TMP/out2.txt" || { cat "$TMP/out2.txt"; fail "unknown field not reported"; }
echo ok
