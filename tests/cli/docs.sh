#!/usr/bin/env bash
# docs/rules/ is generated from the rules' metadata (`make docs`): fail when
# it is out of date with the plugins.
set -u
. "$(dirname "$0")/../cli-lib.sh"
"$RASOAT" docs "$TMP/rules" > /dev/null || fail "rasoat docs"
diff -ru "$SRC/docs/rules" "$TMP/rules" > "$TMP/diff.txt" || { head -40 "$TMP/diff.txt"; fail "docs/rules is out of date: run make docs"; }
n=$(find "$SRC/plugins" -mindepth 2 -name '*.lua' -not -path '*/lib/*' | wc -l)
m=$(ls "$TMP/rules" | grep -vc README.md)
[ "$n" = "$m" ] || fail "$m rule pages for $n rules"
echo ok
