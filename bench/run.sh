#!/usr/bin/env bash
# rasoat benchmarks (what `make bench` runs): rasoat against textlint running
# three equivalent rules, on generated commune drafts. Prints a table with
# PASS/FAIL against the targets of issue 7. Benchmarks, not timed tests.
#
#   bench/run.sh                 full run: 1,000 drafts, 5 rounds; 10,000 drafts for memory
#   bench/run.sh --quick         smoke run: 100 drafts, 2 rounds, 1,000 drafts for memory
#   RASOAT=path/to/rasoat bench/run.sh      (default: build/rasoat, else build-*/rasoat)
#   options: --rounds N  --drafts N  --big N  --seed N  --strict (exit 1 when a target is missed)
#            --json FILE (every figure as JSON)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
quick=0 rounds="" drafts="" big="" seed=2023 strict="" json=""
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=1 ;;
    --rounds) rounds="$2"; shift ;;
    --drafts) drafts="$2"; shift ;;
    --big) big="$2"; shift ;;
    --seed) seed="$2"; shift ;;
    --strict) strict="--strict" ;;
    --json) json="$2"; shift ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
if [ "$quick" = 1 ]; then
  : "${rounds:=2}" "${drafts:=100}" "${big:=1000}"; docx_rounds=5
else
  : "${rounds:=5}" "${drafts:=1000}" "${big:=10000}"; docx_rounds=15
fi

# --- the binary -------------------------------------------------------------
rasoat="${RASOAT:-}"
if [ -z "$rasoat" ]; then
  for b in "$root/build/rasoat" "$root"/build-*/rasoat; do
    if [ -x "$b" ]; then rasoat="$b"; break; fi
  done
fi
if [ -z "$rasoat" ] || [ ! -x "$rasoat" ]; then
  echo "run.sh: no rasoat binary; run 'make build' or set RASOAT=" >&2; exit 2
fi
echo "bench: rasoat = $rasoat ($("$rasoat" --version 2>/dev/null | head -1))" >&2

# --- tools: /usr/bin/time, node + textlint (pinned in bench/package-lock.json) -----
need_apt=""
[ -x /usr/bin/time ] || need_apt="$need_apt time"
command -v node >/dev/null || need_apt="$need_apt nodejs"
command -v npm >/dev/null || need_apt="$need_apt npm"
if [ -n "$need_apt" ]; then
  if [ "$(id -u)" = 0 ]; then sudo=""; elif command -v sudo >/dev/null; then sudo="sudo"; else
    echo "run.sh: please install:$need_apt" >&2; exit 2; fi
  echo "bench: installing$need_apt" >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q $need_apt >/dev/null 2>&1 || {
    $sudo apt-get update -q >/dev/null 2>&1; DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q $need_apt; }
fi
textlint="$here/node_modules/.bin/textlint"
if [ ! -x "$textlint" ]; then
  echo "bench: installing textlint from npm (bench/package-lock.json)" >&2
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error) >&2
fi
echo "bench: textlint $("$textlint" --version)" >&2

# --- corpora (deterministic; regenerated only when missing) -------------------
corpus() { # N DIR [extra gen-corpus options]
  local n="$1" dir="$2"; shift 2
  local stamp="$dir/.stamp" want="n=$n seed=$seed gen=$(cksum < "$here/gen-corpus.py" | cut -d' ' -f1)"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then return; fi
  echo "bench: writing $n drafts to ${dir#$root/}" >&2
  rm -rf "$dir"
  python3 "$here/gen-corpus.py" -n "$n" -o "$dir" --seed "$seed" "$@"
  echo "$want" > "$stamp"
}
c="$here/corpus"
corpus "$drafts" "$c/drafts-$drafts"
corpus 1 "$c/one" --docx-dir "$c/one/docx" --docx-count 1
big_dir=""
if [ "$big" -gt 0 ]; then corpus "$big" "$c/drafts-$big"; big_dir="$c/drafts-$big"; fi
docx="$(ls "$c"/one/docx/*.docx | head -1)"

exec python3 "$here/bench.py" --rasoat "$rasoat" --textlint "$textlint" --rulesdir "$here/textlint-rules" \
  --corpus "$c/drafts-$drafts" --docx "$docx" --docx-text "${docx%.docx}.txt" \
  ${big_dir:+--big "$big_dir"} --rounds "$rounds" --docx-rounds "$docx_rounds" $strict ${json:+--json "$json"}
