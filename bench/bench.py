#!/usr/bin/env python3
"""Measure rasoat against its peer (textlint with three equivalent rules).

Called by bench/run.sh, which builds the binary, installs textlint and writes
the corpora. Every comparison alternates the commands round by round (A B A B …)
so that drift on the machine (other jobs, frequency, page cache) hits both
alike. Each command is started with posix_spawn and reaped with wait4: the wall
time is process start to exit, the CPU time and peak RSS come from the kernel.
"""

import argparse
import collections
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

# Targets of issue 7 on a 2-core machine
TARGET_THROUGHPUT = 25.0    # × faster than the peer on 1,000 drafts
TARGET_DOCX = 30.0          # × faster, one .docx, process start to exit
TARGET_RSS_MB = 64.0        # peak RSS, -j 2 --format jsonl, 10,000 drafts

# rasoat rules equivalent to the three textlint rules (first id present wins)
EQUIVALENT = {
    "rasoat-citation-type-code": ["citation/type-code", "citation/symbol-type", "citation/type"],
    "rasoat-percent-arithmetic": ["arithmetic/percent", "arithmetic/percentage"],
    "rasoat-citation-conflict": ["citation/consistency", "citation/conflict", "citation/conflicting",
                                 "citation/inconsistent"],
}


def run_once(cmd, stdout_path):
    """Start cmd, wait for it; returns (wall s, cpu s, maxrss KiB, exit code)."""
    with open(stdout_path, "wb") as out, open(stdout_path[:-4] + ".err", "wb") as err:
        t0 = time.perf_counter()
        p = subprocess.Popen(cmd, stdout=out, stderr=err, stdin=subprocess.DEVNULL)
        _, status, ru = os.wait4(p.pid, 0)
        t1 = time.perf_counter()
    p.returncode = os.waitstatus_to_exitcode(status)
    return t1 - t0, ru.ru_utime + ru.ru_stime, ru.ru_maxrss, p.returncode


WARNINGS = []


def alternate(cmds, rounds, warmup, outdir, ok_codes=(0, 1), quiet=False):
    """cmds: list of (name, argv). Runs them in turn `rounds` times after `warmup` rounds."""
    res = {name: {"wall": [], "cpu": [], "rss": []} for name, _ in cmds}
    for r in range(warmup + rounds):
        for name, argv in cmds:
            wall, cpu, rss, code = run_once(argv, os.path.join(outdir, name + ".out"))
            if code == 2 and name.startswith("rasoat"):
                # a rule failed to load or a file could not be read: the rest was still
                # checked (exit 2 contract); keep measuring but say so in the report
                w = "%s exited with 2 (a rule or an input failed; see: %s)" % (name, " ".join(argv))
                if w not in WARNINGS:
                    WARNINGS.append(w)
            elif code not in ok_codes:
                sys.exit("bench: %s exited with %d: %s" % (name, code, " ".join(argv)))
            if r >= warmup:
                res[name]["wall"].append(wall)
                res[name]["cpu"].append(cpu)
                res[name]["rss"].append(rss)
            if not quiet:
                print("  round %d/%d %-14s %8.3f s wall %8.3f s cpu%s" % (
                r + 1 - warmup if r >= warmup else 0, rounds, name, wall, cpu,
                    "  (warm-up)" if r < warmup else ""), file=sys.stderr)
    return res


def med(xs):
    return statistics.median(xs)


def spread(xs):
    return statistics.stdev(xs) if len(xs) > 1 else 0.0


def rasoat_counts(path, jsonl=False):
    c = collections.Counter()
    files = 0
    with open(path, encoding="utf-8") as f:
        if jsonl:
            objs = (json.loads(l) for l in f if l.strip())
        else:
            objs = json.load(f)["files"]
        for o in objs:
            files += 1
            for d in o.get("diagnostics", []):
                c[d["rule"]] += 1
    return files, c


def textlint_counts(path):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    c = collections.Counter(m["ruleId"] for fr in data for m in fr["messages"])
    return len(data), c


def manifest_counts(path):
    c = collections.Counter()
    with open(path, encoding="utf-8") as f:
        next(f)
        for line in f:
            c[line.split("\t")[1]] += 1
    return c


def rule_ids(rasoat):
    # exit 2 when a rule failed to load: the list still names every rule that loaded
    out = subprocess.run([rasoat, "rules", "--format", "json"], capture_output=True)
    try:
        return [r["id"] for r in json.loads(out.stdout)]
    except (ValueError, KeyError, TypeError):
        WARNINGS.append("'rasoat rules --format json' gave no list (exit %d)" % out.returncode)
        return []


def time_v(cmd, stdout_path):
    """Peak RSS in KiB from /usr/bin/time -v, and the wall time it printed."""
    with open(stdout_path, "wb") as out:
        p = subprocess.run(["/usr/bin/time", "-v"] + cmd, stdout=out, stderr=subprocess.PIPE)
    err = p.stderr.decode("utf-8", "replace")
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", err)
    w = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)", err)
    wall = None
    if w:
        wall = int(w.group(1) or 0) * 3600 + int(w.group(2)) * 60 + float(w.group(3))
    if p.returncode == 2 and m:
        WARNINGS.append("%s exited with 2 (a rule or an input failed)" % " ".join(cmd))
    elif p.returncode not in (0, 1) or not m:
        sys.exit("bench: %s failed (%d):\n%s" % (" ".join(cmd), p.returncode, err[-2000:]))
    return int(m.group(1)), wall


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rasoat", required=True)
    ap.add_argument("--textlint", required=True)
    ap.add_argument("--rulesdir", required=True)
    ap.add_argument("--corpus", required=True, help="the throughput corpus (.txt drafts)")
    ap.add_argument("--docx", required=True, help="one .docx draft")
    ap.add_argument("--docx-text", required=True, help="the same draft as .txt, for the peer")
    ap.add_argument("--big", help="the memory corpus (10,000 drafts); skipped if absent")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--docx-rounds", type=int, default=15)
    ap.add_argument("--warmup", type=int, default=1)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--json", help="write every figure to this file")
    ap.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    a = ap.parse_args()

    tmp = tempfile.mkdtemp(prefix="rasoat-bench-")
    ndrafts = sum(1 for _, _, fs in os.walk(a.corpus) for f in fs if f.endswith(".txt"))
    tl = [a.textlint, "--rulesdir", a.rulesdir]
    results = {"machine": {"cores": os.cpu_count(), "uname": " ".join(os.uname())}}

    # harness overhead: spawn + wait of a process that does nothing
    true_res = alternate([("true", ["/bin/true"])], 20, 2, tmp, quiet=True)
    overhead = med(true_res["true"]["wall"])

    # 1. throughput, full default rule set ---------------------------------------------
    print("\n== throughput: %d drafts, full default rule set (alternating, %d rounds) ==" % (
        ndrafts, a.rounds), file=sys.stderr)
    # the floor: every rule pack off. Start-up, loading and validating the rules, the
    # dictionary, reading, the model, the facts and the output are still done; no rule
    # runs. No speed-up of the rules can take a run below it.
    ids = rule_ids(a.rasoat)
    all_off = [x for pack in sorted({i.split("/")[0] for i in ids}) for x in ("--rule", pack + "=off")]
    cmds = [("rasoat-j%d" % a.jobs, [a.rasoat, "check", "-j", str(a.jobs), "--format", "json", a.corpus]),
            ("rasoat-j1", [a.rasoat, "check", "-j", "1", "--format", "json", a.corpus]),
            ("textlint", tl + ["-f", "json", a.corpus]),
            ("rasoat-norules", [a.rasoat, "check", "-j", str(a.jobs), "--format", "json"] + all_off + [a.corpus])]
    thr = alternate(cmds, a.rounds, a.warmup, tmp)
    floor = thr["rasoat-norules"]
    rj = thr["rasoat-j%d" % a.jobs]
    r1 = thr["rasoat-j1"]
    tt = thr["textlint"]
    ratio = med(tt["wall"]) / med(rj["wall"])
    ratio1 = med(tt["wall"]) / med(r1["wall"])
    cpu_ratio = med(tt["cpu"]) / med(rj["cpu"])
    eff = med(r1["wall"]) / (a.jobs * med(rj["wall"]))
    speedup = med(r1["wall"]) / med(rj["wall"])
    same = open(os.path.join(tmp, "rasoat-j%d.out" % a.jobs), "rb").read() == \
        open(os.path.join(tmp, "rasoat-j1.out"), "rb").read()
    nfiles_r, rc = rasoat_counts(os.path.join(tmp, "rasoat-j%d.out" % a.jobs))
    nfiles_t, tc = textlint_counts(os.path.join(tmp, "textlint.out"))
    results["throughput"] = {k: v for k, v in thr.items()}

    # 2. equivalent rules only (informational) -------------------------------------------
    equiv = {}
    for tl_rule, cands in EQUIVALENT.items():
        hit = next((c for c in cands if c in ids), None)
        equiv[tl_rule] = hit
    eq_ids = [v for v in equiv.values() if v]
    eq = None
    if eq_ids:
        off = []
        for i in ids:
            if i not in eq_ids:
                off += ["--rule", i + "=off"]
        print("\n== throughput: rasoat with only %s vs the peer ==" % ", ".join(eq_ids), file=sys.stderr)
        eq = alternate([("rasoat-eq", [a.rasoat, "check", "-j", str(a.jobs), "--format", "json"] + off +
                         [a.corpus]),
                        ("textlint-eq", tl + ["-f", "json", a.corpus])], max(2, a.rounds // 2), 0, tmp)
        results["equivalent"] = eq

    # 3. single .docx, process start to exit --------------------------------------------
    print("\n== one .docx draft, process start to exit (alternating, %d rounds) ==" % a.docx_rounds,
          file=sys.stderr)
    dx = alternate([("rasoat-docx", [a.rasoat, "check", a.docx]),
                    ("textlint-txt", tl + [a.docx_text]),
                    ("rasoat-docx-norules", [a.rasoat, "check"] + all_off + [a.docx])], a.docx_rounds, 2, tmp)
    docx_ratio = med(dx["textlint-txt"]["wall"]) / med(dx["rasoat-docx"]["wall"])
    results["docx"] = dx

    # 4. memory over the big corpus -------------------------------------------------------
    rss_mb = same_big = big_lines = big_n = big_wall = rss_json_mb = rss_sarif_mb = None
    if a.big:
        big_n = sum(1 for _, _, fs in os.walk(a.big) for f in fs if f.endswith(".txt"))
        print("\n== peak RSS: rasoat check -j 2 --format jsonl over %d drafts ==" % big_n, file=sys.stderr)
        out2 = os.path.join(tmp, "big-j2.jsonl")
        rss, big_wall = time_v([a.rasoat, "check", "-j", "2", "--format", "jsonl", a.big], out2)
        rss_mb = rss / 1024.0
        print("  peak RSS %.1f MB, %.1f s" % (rss_mb, big_wall or 0), file=sys.stderr)
        out1 = os.path.join(tmp, "big-j1.jsonl")
        _, big_wall1 = time_v([a.rasoat, "check", "-j", "1", "--format", "jsonl", a.big], out1)
        big_lines = sum(1 for _ in open(out2, "rb"))
        same_big = open(out1, "rb").read() == open(out2, "rb").read()
        # the json format is streamed as well (one document, written file by file)
        rss_json, _ = time_v([a.rasoat, "check", "-j", "2", "--format", "json", a.big], os.path.join(tmp, "big.json"))
        rss_json_mb = rss_json / 1024.0
        print("  json: peak RSS %.1f MB" % rss_json_mb, file=sys.stderr)
        # and sarif (artifacts and results spooled to temporary files)
        rss_sarif, _ = time_v([a.rasoat, "check", "-j", "2", "--format", "sarif", a.big],
                              os.path.join(tmp, "big.sarif"))
        rss_sarif_mb = rss_sarif / 1024.0
        os.unlink(os.path.join(tmp, "big.sarif"))
        print("  sarif: peak RSS %.1f MB" % rss_sarif_mb, file=sys.stderr)
        results["memory"] = {"drafts": big_n, "rss_kib": rss, "wall_j2": big_wall, "wall_j1": big_wall1,
                             "lines": big_lines, "j1_equals_j2": same_big, "rss_json_kib": rss_json,
                             "rss_sarif_kib": rss_sarif}

    # report ------------------------------------------------------------------------------
    man = os.path.join(a.corpus, "MANIFEST.tsv")
    mc = manifest_counts(man) if os.path.exists(man) else collections.Counter()
    W = 78
    print()
    print("=" * W)
    print("rasoat %s vs textlint (3 equivalent rules) on %s, %d cores" % (
        subprocess.run([a.rasoat, "--version"], capture_output=True, text=True).stdout.strip(),
        os.uname().nodename, os.cpu_count()))
    print("=" * W)
    print("Throughput, %d drafts (median of %d alternating rounds, wall clock):" % (ndrafts, a.rounds))
    for name, r in (("rasoat -j%d" % a.jobs, rj), ("rasoat -j1", r1), ("textlint", tt)):
        print("  %-12s %8.3f s  (±%.3f)  cpu %8.3f s  %7.0f drafts/s  peak RSS %5.1f MB" % (
            name, med(r["wall"]), spread(r["wall"]), med(r["cpu"]), ndrafts / med(r["wall"]),
            max(r["rss"]) / 1024.0))
    if eq:
        print("  equivalent rules only (%s):" % ", ".join(eq_ids))
        print("  %-12s %8.3f s   textlint %8.3f s   ratio %.1f×" % (
            "rasoat", med(eq["rasoat-eq"]["wall"]), med(eq["textlint-eq"]["wall"]),
            med(eq["textlint-eq"]["wall"]) / med(eq["rasoat-eq"]["wall"])))
    print("One .docx (median of %d rounds, process start to exit; harness overhead %.1f ms):" % (
        a.docx_rounds, overhead * 1000))
    print("  rasoat .docx %8.1f ms   textlint same text (.txt) %8.1f ms" % (
        med(dx["rasoat-docx"]["wall"]) * 1000, med(dx["textlint-txt"]["wall"]) * 1000))
    # what a target allows, against what rasoat takes when no rule runs at all
    tl_wall, tl_docx = med(tt["wall"]), med(dx["textlint-txt"]["wall"])
    floor_docx = med(dx["rasoat-docx-norules"]["wall"])
    print("Floor, every rule pack off (start-up, rule loading, dictionary, reading, facts and output only):")
    print("  %d drafts -j%d %8.3f s   the %.0f× target allows %.3f s" % (
        ndrafts, a.jobs, med(floor["wall"]), TARGET_THROUGHPUT, tl_wall / TARGET_THROUGHPUT))
    print("  one .docx    %8.1f ms   the %.0f× target allows %.1f ms" % (
        floor_docx * 1000, TARGET_DOCX, tl_docx / TARGET_DOCX * 1000))
    print("Parallel: -j1 %.3f s, -j%d %.3f s: speed-up %.2f×, efficiency %.0f%%; output identical: %s" % (
        med(r1["wall"]), a.jobs, med(rj["wall"]), speedup, eff * 100, "yes" if same else "NO"))
    if rss_mb is not None:
        print("Memory: %d drafts, -j 2 --format jsonl: %d lines, %.1f s, peak RSS %.1f MB; "
              "-j1 output identical: %s" % (big_n, big_lines, big_wall or 0, rss_mb,
                                            "yes" if same_big else "NO"))
    print("-" * W)
    print("Findings on the %d drafts (files listed: rasoat %d, textlint %d):" % (ndrafts, nfiles_r, nfiles_t))
    print("  %-28s %8s   %-36s %8s  %s" % ("textlint rule", "count", "rasoat rule", "count", "injected"))
    inj = {"rasoat-citation-type-code": "citation-code", "rasoat-percent-arithmetic": "wrong-percent",
           "rasoat-citation-conflict": "citation-conflict"}
    for tl_rule in EQUIVALENT:
        rr = equiv.get(tl_rule)
        print("  %-28s %8d   %-36s %8s  %d" % (tl_rule, tc.get(tl_rule, 0), rr or "(no such rule yet)",
                                               rc.get(rr, 0) if rr else "-", mc.get(inj[tl_rule], 0)))
    print("  rasoat, all rules: %d findings in %d rules; by pack: %s" % (
        sum(rc.values()), len(rc), ", ".join("%s %d" % kv for kv in sorted(
            collections.Counter(k.split("/")[0] for k in rc.elements()).items()))))
    print("-" * W)
    rows = [
        ("throughput 1,000 drafts vs textlint", "≥ %.0f×" % TARGET_THROUGHPUT, "%.1f×" % ratio,
         ratio >= TARGET_THROUGHPUT),
        ("single .docx start-to-exit vs textlint", "≥ %.0f×" % TARGET_DOCX, "%.1f×" % docx_ratio,
         docx_ratio >= TARGET_DOCX),
    ]
    if rss_mb is not None:
        rows.append(("peak RSS -j 2 jsonl, %d drafts" % big_n, "≤ %.0f MB" % TARGET_RSS_MB,
                     "%.1f MB" % rss_mb, rss_mb <= TARGET_RSS_MB))
        rows.append(("jsonl lists every file, -j1 == -j2", "%d lines" % big_n,
                     "%d, %s" % (big_lines, "same" if same_big else "differ"),
                     big_lines == big_n and same_big))
    print("%-42s %-10s %-16s %s" % ("target", "goal", "measured", "result"))
    for name, goal, got, ok in rows:
        print("%-42s %-10s %-16s %s" % (name, goal, got, "PASS" if ok else "FAIL"))
    if rss_mb is not None:
        print("%-42s %-10s %-16s %s" % ("peak RSS -j 2 json, %d drafts" % big_n, "(report)",
                                        "%.1f MB" % rss_json_mb, "info"))
        print("%-42s %-10s %-16s %s" % ("peak RSS -j 2 sarif, %d drafts" % big_n, "(report)",
                                        "%.1f MB" % rss_sarif_mb, "info"))
    print("%-42s %-10s %-16s %s" % ("parallel efficiency -j1 → -j%d" % a.jobs, "(report)",
                                    "%.0f%%" % (eff * 100), "info"))
    print("%-42s %-10s %-16s %s" % ("per-core: textlint cpu / rasoat cpu", "(report)",
                                    "%.1f×" % cpu_ratio, "info"))
    print("%-42s %-10s %-16s %s" % ("throughput vs textlint, rasoat -j1", "(report)", "%.1f×" % ratio1, "info"))
    print("%-42s %-10s %-16s %s" % ("floor (no rule runs) vs textlint, %d" % ndrafts, "(report)",
                                    "%.1f×" % (tl_wall / med(floor["wall"])), "info"))
    print("%-42s %-10s %-16s %s" % ("floor (no rule runs) vs textlint, .docx", "(report)",
                                    "%.1f×" % (tl_docx / floor_docx), "info"))
    for w in WARNINGS:
        print("warning: " + w)
    print("=" * W)
    results["summary"] = {"drafts": ndrafts, "throughput_ratio": ratio, "throughput_ratio_j1": ratio1,
                          "cpu_ratio": cpu_ratio, "docx_ratio": docx_ratio, "parallel_efficiency": eff,
                          "speedup": speedup, "rss_mb": rss_mb,
                          "floor_ratio": tl_wall / med(floor["wall"]), "floor_docx_ratio": tl_docx / floor_docx, "outputs_identical": same,
                          "findings_rasoat": dict(rc), "findings_textlint": dict(tc),
                          "injected": dict(mc), "harness_overhead_s": overhead}
    if a.json:
        with open(a.json, "w") as f:
            json.dump(results, f, indent=1)
    return 1 if a.strict and not all(r[3] for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
