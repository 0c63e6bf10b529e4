#!/usr/bin/env python3
"""What -j buys: galley build with -j 1 and -j N on the bench issues.

    python3 bench/jobs.py [--galley PATH] [--reps 9] [--jobs 2] [--sizes 50,500]
                          [--formats epub,pdf] [--work DIR]

For each size, generates the issue (bench/make_issue.py: the sample's
articles repeated), then runs `galley build -v -q`-style builds alternately
with -j 1 and -j N (so a burst of load from other processes hits both
alike) and prints, per size and -j, the median wall time, CPU time (user +
system), peak RSS and galley's own stage times from -v (compose, pdf, epub),
plus the -j 1 / -j N ratio of median wall times. On a machine other work
keeps busy, the minimum wall time is the better guide, and the main
thread's CPU time (from -v) is the wall time the build would take with
idle cores for its other threads. Checks on the way that both give
byte-identical files.

Python 3 standard library only; needs a built galley (default: build/galley
beside this script's parent folder).
"""
import argparse
import filecmp
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, ".."))
STAGE = re.compile(r"^  (read|compose|pdf|png|epub|write|press): ([0-9.]+) s", re.M)
MAIN_CPU = re.compile(r"^  cpu so far: ([0-9.]+) s main thread", re.M)


def run_once(galley, issue, out, jobs, formats):
    """One build; returns (wall s, cpu s, peak RSS MB, {stage: s})."""
    cmd = [galley, "build", issue, "-o", out, "-f", formats, "-j", str(jobs), "-v"]
    env = dict(os.environ, SOURCE_DATE_EPOCH="1213315200")
    env.pop("CI", None)
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
    stdout = proc.stdout.read().decode()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit("galley failed: %s\n%s" % (" ".join(cmd), stdout))
    stages = {m.group(1): float(m.group(2)) for m in STAGE.finditer(stdout)}
    m = MAIN_CPU.search(stdout)
    stages["main"] = float(m.group(1)) if m else 0.0
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024.0, stages


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--galley", default=os.path.join(REPO, "build", "galley"))
    ap.add_argument("--reps", type=int, default=9)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--sizes", default="50,500")
    ap.add_argument("--formats", default="epub,pdf")
    ap.add_argument("--work", default=None, help="folder for the issues and outputs (default: a temp folder)")
    a = ap.parse_args()
    work = a.work or tempfile.mkdtemp(prefix="galley-jobs-")
    print("galley %s, %d reps, -j 1 vs -j %d, -f %s, %d cores" %
          (a.galley, a.reps, a.jobs, a.formats, os.cpu_count() or 0))
    print()
    print("| articles | -j | wall median (s) | wall min (s) | CPU median (s) | main thread CPU (s) | peak RSS (MB) | compose (s) | pdf (s) | epub (s) |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    ratios = []
    for size in [int(s) for s in a.sizes.split(",")]:
        issue = os.path.join(work, "issue-%d" % size)
        if not os.path.isdir(issue):
            subprocess.run([sys.executable, os.path.join(HERE, "make_issue.py"), str(size), issue],
                           check=True, stdout=subprocess.DEVNULL)
        results = {1: [], a.jobs: []}
        for rep in range(a.reps + 1):  # the first round warms the caches and is dropped
            for jobs in (1, a.jobs):
                r = run_once(a.galley, issue, os.path.join(work, "out-%d-j%d" % (size, jobs)), jobs, a.formats)
                if rep > 0:
                    results[jobs].append(r)
        for ext in ("pdf", "epub"):
            one = os.path.join(work, "out-%d-j1" % size, "bench-%d.%s" % (size, ext))
            many = os.path.join(work, "out-%d-j%d" % (size, a.jobs), "bench-%d.%s" % (size, ext))
            if os.path.exists(one) and not filecmp.cmp(one, many, shallow=False):
                sys.exit("bench-%d.%s differs between -j 1 and -j %d" % (size, ext, a.jobs))
        med = {}
        for jobs, rs in results.items():
            wall = statistics.median(r[0] for r in rs)
            med[jobs] = wall
            stage = lambda name: statistics.median(r[3].get(name, 0.0) for r in rs)
            print("| %d | %d | %.3f | %.3f | %.3f | %.3f | %.0f | %.3f | %.3f | %.3f |" % (
                size, jobs, wall, min(r[0] for r in rs), statistics.median(r[1] for r in rs), stage("main"),
                max(r[2] for r in rs),
                stage("compose"), stage("pdf"), stage("epub")))
        ratios.append((size, med[1] / med[a.jobs]))
    print()
    for size, ratio in ratios:
        print("%d articles: -j 1 / -j %d wall time = %.2fx" % (size, a.jobs, ratio))


if __name__ == "__main__":
    main()
