#!/usr/bin/env python3
"""Build the seed corpora of the fuzz targets from fixtures/.

usage: seeds.py SOURCE_DIR CORPUS_DIR

Creates CORPUS_DIR/<target>/ for every target (txt docx odt html csv xlsx
facts). Container targets get both kinds of input their harness accepts
(see tests/fuzz/fuzz_util.h): raw archives, and the XML parts joined with
the separator, which the harness packs into a valid archive. Files that
only test a size limit (bombs, the 200,000-paragraph .docx) are left out:
they are slow to run and teach the fuzzer nothing.
"""
import glob
import hashlib
import os
import sys
import zipfile

SEP = b"\n--8<--\n"
MAX_SEED = 512 * 1024
PARTS = {
    "docx": ["word/document.xml", "word/styles.xml", "word/numbering.xml", "word/footnotes.xml",
             "word/header1.xml", "word/theme/theme1.xml"],
    "odt": ["content.xml", "styles.xml"],
    "xlsx": ["xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/styles.xml", "xl/workbook.xml"],
}


def put(corpus, target, data):
    if len(data) > MAX_SEED:
        return
    d = os.path.join(corpus, target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, hashlib.sha1(data).hexdigest()), "wb") as f:
        f.write(data)


def packed(path, names):
    """The parts of an archive joined with SEP, in the harness's order."""
    try:
        with zipfile.ZipFile(path) as z:
            have = set(z.namelist())
            out = []
            for n in names:
                if n in have and z.getinfo(n).file_size <= MAX_SEED:
                    out.append(z.read(n))
                else:
                    out.append(b"")
            while out and not out[-1]:
                out.pop()
            return SEP.join(out) if out else None
    except (zipfile.BadZipFile, OSError, NotImplementedError, RuntimeError):
        return None


def main():
    src, corpus = sys.argv[1], sys.argv[2]
    fx = os.path.join(src, "fixtures")
    small = lambda p: os.path.getsize(p) <= MAX_SEED

    texts = [p for p in glob.glob(os.path.join(fx, "**", "*.txt"), recursive=True) if small(p)]
    for p in texts:
        data = open(p, "rb").read()
        put(corpus, "txt", data)
        put(corpus, "facts", data)
        # short slices of the sample: the extractors see one topic at a time
        lines = data.split(b"\n")
        for i in range(0, len(lines), 12):
            put(corpus, "facts", b"\n".join(lines[i:i + 12]))
    for p in glob.glob(os.path.join(fx, "**", "*.html"), recursive=True):
        if small(p):
            put(corpus, "html", open(p, "rb").read())
    for p in glob.glob(os.path.join(fx, "**", "*.csv"), recursive=True):
        if small(p):
            put(corpus, "csv", open(p, "rb").read())
    for kind in ("docx", "odt", "xlsx"):
        for p in glob.glob(os.path.join(fx, "**", "*." + kind), recursive=True):
            if not small(p) or "bomb" in os.path.basename(p) or "huge" in os.path.basename(p):
                continue
            put(corpus, kind, open(p, "rb").read())
            pk = packed(p, PARTS[kind])
            if pk:
                put(corpus, kind, pk)
    # every corpus has at least one input
    for t in ("txt", "docx", "odt", "html", "csv", "xlsx", "facts"):
        os.makedirs(os.path.join(corpus, t), exist_ok=True)
        if not os.listdir(os.path.join(corpus, t)):
            put(corpus, t, b"x")


if __name__ == "__main__":
    main()
