#!/usr/bin/env bash
# The on-disk cache of compiled rules (core/src/chunkcache.c):
# - the first run fills a private folder (0700, entries 0600), the second
#   run reads it, and both print what a run without the cache prints;
# - damaged, truncated or foreign entries are ignored (and rewritten), never
#   loaded: the output stays the same;
# - a folder others may write to is not used at all;
# - a rule whose source changed is compiled again (no stale bytecode);
# - --no-cache and RASOAT_CACHE=off leave no file behind.
set -u
. "$(dirname "$0")/../cli-lib.sh"
C="$TMP/cache"
run() { # NAME [env...] -- args
  local name="$1"; shift
  env "$@" "$RASOAT" check --format json --no-config "$SAMPLE" > "$TMP/$name.json"
  [ $? -le 1 ] || fail "$name: bad exit status"
}
count() { find "$C" -maxdepth 1 -name '*.luac' | wc -l; }

run nocache RASOAT_CACHE=off
[ ! -e "$C" ] || fail "RASOAT_CACHE=off created $C"
run first RASOAT_CACHE="$C"
n=$(count)
[ "$n" -ge 60 ] || fail "first run stored $n compiled chunks (want every rule, lib and data file)"
[ "$(stat -c %a "$C")" = 700 ] || fail "cache folder mode $(stat -c %a "$C"), want 700"
[ -z "$(find "$C" -name '*.luac' ! -perm 600)" ] || fail "a cache entry is not 0600"
cmp -s "$TMP/nocache.json" "$TMP/first.json" || fail "first run (filling the cache) differs from a run without it"
before=$(stat -c %Y "$C"/*.luac | sort | tail -1)
run second RASOAT_CACHE="$C"
cmp -s "$TMP/nocache.json" "$TMP/second.json" || fail "run from the cache differs from a run without it"
[ "$(count)" = "$n" ] || fail "second run changed the number of entries"

# damage every entry three ways: flipped byte, truncation, garbage
i=0
for f in "$C"/*.luac; do
  case $((i % 3)) in
    0) printf '\x5a' | dd of="$f" bs=1 seek=100 conv=notrunc status=none ;;
    1) truncate -s 40 "$f" ;;
    2) head -c 3000 /dev/urandom > "$f" ;;
  esac
  i=$((i + 1))
done
run damaged RASOAT_CACHE="$C"
cmp -s "$TMP/nocache.json" "$TMP/damaged.json" || fail "damaged cache entries changed the output"
run repaired RASOAT_CACHE="$C"
cmp -s "$TMP/nocache.json" "$TMP/repaired.json" || fail "rewritten cache entries changed the output"
[ "$(count)" = "$n" ] || fail "damaged entries were not rewritten in place ($(count) entries)"

# an entry replaced by a symlink is not followed
f=$(ls "$C"/*.luac | head -1)
rm -f "$f"; ln -s /etc/passwd "$f"
run symlink RASOAT_CACHE="$C"
cmp -s "$TMP/nocache.json" "$TMP/symlink.json" || fail "a symlinked entry changed the output"

# a folder others can write to is not trusted: nothing read, nothing written
W="$TMP/shared"; mkdir -p "$W"; chmod 777 "$W"
run shared RASOAT_CACHE="$W"
[ -z "$(ls -A "$W")" ] || fail "wrote into a world-writable cache folder"
cmp -s "$TMP/nocache.json" "$TMP/shared.json" || fail "world-writable folder changed the output"

# --no-cache
N="$TMP/never"
env RASOAT_CACHE="$N" "$RASOAT" check --no-cache --format json --no-config "$SAMPLE" > "$TMP/flag.json"
[ ! -e "$N" ] || fail "--no-cache created the cache folder"
cmp -s "$TMP/nocache.json" "$TMP/flag.json" || fail "--no-cache changed the output"

# a rule edited between two runs is compiled again
mkdir -p "$TMP/rules/extra"
cat > "$TMP/rules/extra/hello.lua" <<'LUA'
return {
  id = "extra/hello", description = "thử bộ đệm", severity = "info", basis = "thử",
  examples = { valid = {}, invalid = {} },
  check = function(doc, ctx) ctx.report{ message = "phiên bản MỘT" } end,
}
LUA
env RASOAT_CACHE="$C" "$RASOAT" check --format json --no-config --plugins "$TMP/rules" "$SAMPLE" > "$TMP/v1.json"
grep -q "phiên bản MỘT" "$TMP/v1.json" || fail "the added rule did not run"
sed -i 's/phiên bản MỘT/phiên bản HAI/' "$TMP/rules/extra/hello.lua"
env RASOAT_CACHE="$C" "$RASOAT" check --format json --no-config --plugins "$TMP/rules" "$SAMPLE" > "$TMP/v2.json"
grep -q "phiên bản HAI" "$TMP/v2.json" || fail "an edited rule ran from stale bytecode"
grep -q "phiên bản MỘT" "$TMP/v2.json" && fail "the old version of the edited rule still ran"
echo "ok: $n chunks cached; damaged, symlinked, shared-folder and edited cases pass"
