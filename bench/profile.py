#!/usr/bin/env python3
"""Where rasoat spends its time, for docs/performance.md.

  python3 bench/profile.py --rasoat build-bench/rasoat --corpus bench/corpus/drafts-1000 [--files 50]
      per-rule cost: CPU time of a run with only that rule on, minus a run with
      every rule off (reading, normalizing, facts, output), median of --rounds runs
  python3 bench/profile.py ... --callgrind 10
      also runs valgrind --tool=callgrind on 10 drafts with -j 1 and prints the
      top functions (self and inclusive instruction counts); deterministic, so
      unaffected by other load on the machine

perf is used instead of callgrind when hardware counters work
(`perf stat -e instructions true`); on virtual machines they usually do not.
"""

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile


def cpu_run(argv):
    with open(os.devnull, "wb") as dn:
        p = subprocess.Popen(argv, stdout=dn, stderr=dn)
        _, status, ru = os.wait4(p.pid, 0)
    p.returncode = os.waitstatus_to_exitcode(status)
    return ru.ru_utime + ru.ru_stime


def subset(corpus, n):
    files = sorted(os.path.join(d, f) for d, _, fs in os.walk(corpus) for f in fs if f.endswith(".txt"))
    step = max(1, len(files) // n)
    pick = files[::step][:n]
    tmp = tempfile.mkdtemp(prefix="rasoat-prof-")
    for f in pick:
        shutil.copy(f, tmp)
    return tmp, len(pick)


def per_rule(rasoat, corpus, rounds):
    ids = [r["id"] for r in json.loads(subprocess.run([rasoat, "rules", "--format", "json"],
                                                      capture_output=True).stdout)]
    base = [rasoat, "check", "-j", "1", "--format", "jsonl"]

    def off_except(keep):
        a = []
        for i in ids:
            if i not in keep:
                a += ["--rule", i + "=off"]
        return a

    def measure(extra):
        return statistics.median(cpu_run(base + extra + [corpus]) for _ in range(rounds))

    none = measure(off_except(()))
    full = measure([])
    rows = []
    for i in ids:
        t = measure(off_except((i,)))
        rows.append((max(0.0, t - none), i))
        print("  %-40s %7.3f s" % (i, t - none), file=sys.stderr)
    rows.sort(reverse=True)
    return none, full, rows


def callgrind(rasoat, corpus, out):
    subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=" + out, rasoat, "check", "-j", "1",
                    "--format", "jsonl", corpus], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    res = {}
    for inclusive in ("no", "yes"):
        txt = subprocess.run(["callgrind_annotate", "--inclusive=" + inclusive, out],
                             capture_output=True, text=True).stdout
        total = int(re.search(r"([\d,]+) \(100.0%\)\s+PROGRAM TOTALS", txt).group(1).replace(",", ""))
        rows = []
        for m in re.finditer(r"^\s*([\d,]+) \(\s*([\d.]+)%\)\s+(\S+)", txt, re.M):
            name = m.group(3)
            if "PROGRAM" in name:
                continue
            lib = re.search(r"\[([^\]]+)\]", txt[m.end():txt.find("\n", m.end())])
            rows.append((float(m.group(2)), name, lib.group(1).split("/")[-1] if lib else ""))
        res[inclusive] = (total, rows)
    return res


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rasoat", required=True)
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--files", type=int, default=50)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--callgrind", type=int, default=0, metavar="N", help="callgrind over N drafts")
    ap.add_argument("--no-rules", action="store_true", help="skip the per-rule measurement")
    a = ap.parse_args()

    if not a.no_rules:
        d, n = subset(a.corpus, a.files)
        none, full, rows = per_rule(a.rasoat, d, a.rounds)
        print("Per-rule CPU cost over %d drafts, -j 1 (median of %d runs):" % (n, a.rounds))
        print("  all rules on            %8.3f s  (%6.2f ms/draft)" % (full, 1000 * full / n))
        print("  every rule off          %8.3f s  (%6.2f ms/draft: start-up, read, normalize, facts, output)"
              % (none, 1000 * none / n))
        tot = sum(t for t, _ in rows) or 1
        for t, i in rows:
            print("  %-40s %8.3f s  %6.2f ms/draft  %5.1f%% of rule time" % (i, t, 1000 * t / n, 100 * t / tot))
        shutil.rmtree(d)
    if a.callgrind:
        d, n = subset(a.corpus, a.callgrind)
        out = os.path.join(d, "callgrind.out")
        res = callgrind(a.rasoat, d, out)
        total = res["no"][0]
        print("\ncallgrind, %d drafts, -j 1: %.0f M instructions (%.0f M per draft incl. start-up)" % (
            n, total / 1e6, total / 1e6 / n))
        print("  top functions by self cost:")
        for pct, name, lib in res["no"][1][:25]:
            print("    %5.2f%%  %-50s %s" % (pct, name.split(":")[-1][:50], lib))
        print("  top rasoat functions by inclusive cost:")
        k = 0
        for pct, name, lib in res["yes"][1]:
            if lib == os.path.basename(a.rasoat) and k < 30:
                k += 1
                print("    %5.2f%%  %s" % (pct, name.split(":")[-1]))
        keep = os.environ.get("KEEP_CALLGRIND")
        if keep:
            shutil.copy(out, keep)
        shutil.rmtree(d)


if __name__ == "__main__":
    sys.exit(main())
