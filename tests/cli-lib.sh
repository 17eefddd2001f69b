# Shared helpers for the script tests: sourced, not run (no .sh test of its own).
RASOAT="$1"
SRC="$2"
SAMPLE="$SRC/fixtures/dinh-cao-cchc-6-thang-2023.txt"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
pyjson() { python3 -c "import json,sys; d=json.load(open(sys.argv[1])); $2" "$1"; }
