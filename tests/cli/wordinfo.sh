#!/usr/bin/env bash
# re.wordinfo (C) gives, for every token, what the Lua definitions it
# replaced in plugins/lib/vn.lua gave (tests/cli/wordinfo/check/wordinfo.lua
# keeps them as the reference): kind, length, lower case, case class,
# diacritics, syllable shape. The tokens: the sample report, every word of
# the Vietnamese dictionary in lower, capitalised and upper case, and
# awkward ones (look-alikes, combining marks, title-case digraphs, đ in odd
# places, K and ſ, Turkish İ, long and mixed-case words, punctuation).
set -u
. "$(dirname "$0")/../cli-lib.sh"
DIC=/usr/share/hunspell/vi_VN.dic
[ -f "$DIC" ] || fail "no $DIC (hunspell-vi)"
python3 - "$SAMPLE" "$DIC" "$TMP/words.txt" <<'PY'
import sys
sample = open(sys.argv[1], encoding="utf-8").read()
words = [l.split("/")[0].strip() for l in open(sys.argv[2], encoding="utf-8").read().splitlines()[1:]]
words = [w for w in words if w]
odd = ["Сông", "Ηà", "Ðình", "ĐĐ", "đđ", "dĐ", "Đd", "ĐƯỜNG", "Đường", "đường", "gì", "Gì", "GI", "gin", "giữ",
       "ngh", "nghiêng", "NGHIÊNG", "quốc", "QUỐC", "qu", "Qu", "ǅa", "ǆ", "İstanbul", "ß", "Kelvin", "Kỳ", "\u212Aỳ",
       "ſao", "e\u0301", "Hoa\u0300", "iPhone", "QyĐ", "UBND", "XIV", "VBQPPL", "a", "A", "ạ", "Ạ", "x", "ă", "Ă",
       "hoàhoà", "tráchcủa", "abcdefghijklmnopqrstuvwxyz" * 12, "Đđđđđđđđđđđđđđđđđđđđđđđđđđđđđđđđđđđđđđđđđđđ",
       "(UBND)", "24/QĐ-UBND", "2023", "1,5%", "—", "“Đình", "Cao”", "a\u200bb", "\u00c4pfel", "naïve", "Σ", "ﬁ",
       "uyê", "oai", "oong", "ươu", "uỷ", "thuở", "khuya", "gìn", "gịa", "nghỉ", "ghế", "ôm", "ưng", "yêu"]
lines = [sample]
for w in words:
    lines.append(" ".join([w, w[:1].upper() + w[1:], w.upper()]))
lines.append(" ".join(odd))
open(sys.argv[3], "w", encoding="utf-8").write("\n\n".join(lines) + "\n")
PY
"$RASOAT" check --no-config --no-builtin --format json -j 1 --plugins "$SRC/tests/cli/wordinfo" "$TMP/words.txt" > "$TMP/out.json" 2>"$TMP/err"
pyjson "$TMP/out.json" '
g = [x for f in d["files"] for x in f["diagnostics"] if x["rule"] == "check/wordinfo" or x["rule"].startswith("engine/")]
bad = [x for x in g if not x["message"].startswith("đã so ")]
for x in bad[:10]: print("FAIL:", x["rule"], x.get("excerpt"), x["message"])
n = [int(x["message"].split()[2]) for x in g if x["message"].startswith("đã so ")]
assert not bad, "%d differences" % len(bad)
assert n and n[0] > 20000, n
print("wordinfo: %d tokens, no difference" % n[0])
' || { cat "$TMP/err" >&2; fail "re.wordinfo differs from the Lua reference"; }
echo ok
