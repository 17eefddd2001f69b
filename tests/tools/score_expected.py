#!/usr/bin/env python3
"""Score a rasoat JSON report against an expected.tsv (the sample's defects
and correct passages).

  must           a finding whose rule starts with one of the categories, on
                 the quote's line, with its span near the quote
  clean-warning  no warning or error of those categories on the quote's line
  stretch        reported, not required

Usage: score_expected.py EXPECTED.tsv REPORT.json SOURCE.txt [--packs P,Q] [--strict]
  --packs P,Q  only rows with one of these categories (a pack's own test)
  --strict     the quote's first occurrence only, the finding starting on
               its line, within 2 columns of it
  --require-stretch  stretch rows are required like must rows
Exit 0 when every must row is found and no clean row is flagged.
"""
import json
import sys

NEAR = 15  # columns of slack around the quote


def occurrences(lines, quote):
    for i, line in enumerate(lines, 1):
        start = 0
        while True:
            k = line.find(quote, start)
            if k < 0:
                break
            yield i, k + 1, k + 1 + len(quote)
            start = k + 1


def hits(diag, line, c0, c1, near=NEAR, strict=False):
    # the finding's range [line:col, end_line:end_col) meets the quote's line
    # within NEAR columns of the quote
    l0, l1 = diag["line"], diag.get("end_line", diag["line"])
    if strict:
        return l0 == line and diag["column"] <= c1 + near and diag.get("end_column", diag["column"]) >= c0 - near
    if not (l0 <= line <= l1):
        return False
    a = diag["column"] if l0 == line else 1
    b = diag.get("end_column", a + 1) if l1 == line else 10**9
    return a <= c1 + near and b >= c0 - near


def main():
    exp, rep, src = sys.argv[1:4]
    opts = sys.argv[4:]
    strict = "--strict" in opts
    packs = opts[opts.index("--packs") + 1].split(",") if "--packs" in opts else None
    near = 2 if strict else NEAR
    require_stretch = "--require-stretch" in opts
    lines = open(src, encoding="utf-8").read().split("\n")
    report = json.load(open(rep, encoding="utf-8"))
    name = src.rsplit("/", 1)[-1]
    diags = []
    for f in report["files"]:
        if f["path"].rsplit("/", 1)[-1] == name:
            diags = f["diagnostics"]
    bad = 0
    found_stretch = 0
    nstretch = 0
    for row in open(exp, encoding="utf-8"):
        if row.startswith("#") or not row.strip():
            continue
        cols = row.rstrip("\n").split("\t")
        if len(cols) < 4:
            continue
        _, kind, cats, quote = cols[:4]
        cats = cats.split("|")
        if packs and not any(c in packs for c in cats):
            continue
        occ = list(occurrences(lines, quote))
        if strict:
            occ = occ[:1]
        if not occ:
            print(f"?? quote not in source: {quote}")
            bad += 1
            continue
        def match(d):
            return any(d["rule"].startswith(c + "/") for c in cats)
        got = [d for d in diags if match(d) and any(hits(d, *o, near=near, strict=strict) for o in occ)]
        if kind == "must":
            ok = bool(got)
            print(f"{'ok  ' if ok else 'MISS'} must    {'|'.join(cats):22} line {occ[0][0]:4}  {quote}"
                  + (f"  <- {got[0]['rule']}" if ok else ""))
            bad += not ok
        elif kind == "clean-warning":
            flagged = [d for d in got if d["severity"] in ("warning", "error")]
            ok = not flagged
            print(f"{'ok  ' if ok else 'FLAG'} clean   {'|'.join(cats):22} line {occ[0][0]:4}  {quote}"
                  + ("" if ok else f"  <- {flagged[0]['rule']}: {flagged[0]['message']}"))
            bad += not ok
        elif kind == "stretch":
            nstretch += 1
            found_stretch += bool(got)
            bad += require_stretch and not got
            print(f"{'ok  ' if got else ('MISS' if require_stretch else '--  ')} stretch {'|'.join(cats):22} line {occ[0][0]:4}  {quote}"
                  + (f"  <- {got[0]['rule']}" if got else ""))
    print(f"stretch rows found: {found_stretch}/{nstretch}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
