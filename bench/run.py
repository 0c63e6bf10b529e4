#!/usr/bin/env python3
"""galley's speed, memory and typography benchmark, with the peers, in one run.

    python3 bench/run.py [--galley PATH] [--reps 5] [--slow-reps 3] [--out FILE]

Prints a markdown report (and writes it to --out, with the raw numbers in
FILE.json beside it). Everything runs in one process so the ratios are
measured under the same load; the commands of one round are run one after
another (galley, Typst, XeLaTeX, ... then the next round), so a burst of load
from other processes on the machine hits every tool alike.

What it measures (see docs/benchmarks.md for what the numbers mean):
  A  galley build -f pdf -l tabloid on the 50- and 500-article issues
     (bench/make_issue.py: the sample's articles repeated): median wall and
     CPU time of --reps runs, peak RSS, pages, cost per page.
  B  the peers on the seed story x 50 at the peers' geometry: Typst
     (node run.js), XeLaTeX (one pass, -interaction=batchmode), WeasyPrint;
     galley -l peer-tabloid on 50 copies of the seed article (--seed-only,
     with its images, deck, byline, pull quote and related box) and on 50
     copies cut down to the peers' exact text (--peer-text); ratio to Typst.
  C  typography (../shared/tools/typoqual.py): the seed story set once by
     every peer and by galley -l peer-tabloid; the sample issue in every
     bundled layout, with typoqual's numbers again after
     bench/typo_lines.py --corrected (rows typoqual read across two columns
     cut at the column edge) beside each verdict.
  D  EPUB: galley -f epub on the 50-seed-copies issue vs pandoc a.html -o a.epub.
  E  stages: galley check (read + validate), build -f epub, build -f pdf and
     build -f pdf -j 1 on the 50- and 500-article issues; and each stage of
     galley build -v (read, compose, pdf, epub, write: wall, the process's
     CPU over the stage, peak memory when it ended), median over the runs,
     for -f pdf and for -f epub,pdf (both editions, the default).

Needs: python3, /usr/bin/time (Debian package `time`), pdfinfo and pdftotext
(poppler-utils); for the peers node with @myriaddreamin/typst-ts-node-compiler
(found through --typst-modules, $PEERS_NODE_MODULES, or installed with npm
into the work folder), xelatex (texlive-xetex), weasyprint and pandoc. A
missing peer is reported as such, not fatal.
Python 3 standard library only.
"""
import argparse
import datetime
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, ".."))
LAYOUTS = ["tabloid", "broadsheet", "magazine", "newsletter", "peer-tabloid"]
TYPST_PKG = "@myriaddreamin/typst-ts-node-compiler"

# Targets from issue 4 ("Measured, not asserted in timed tests").
T_TYPST_RATIO = 0.6
T_RSS_MB = 150
T_P95 = 2.0
T_VERY_LOOSE = 0.05
T_LADDER = 2
T_OVERFULL = 0


def log(*a):
    print(*a, file=sys.stderr, flush=True)


def sh(cmd, cwd=None, env=None, check=True):
    return subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, check=check)


# A stage line of galley build -v: "  compose: 0.160 s, CPU 0.301 s, peak 64 MB (...)".
STAGE_LINE = re.compile(r"^  (read|compose|pdf|png|press|epub|write): ([0-9.]+) s, CPU ([0-9.]+) s, peak ([0-9.]+) MB",
                        re.M)

class Job:
    """One command measured repeatedly."""

    def __init__(self, key, label, cmd, cwd=None, reps=5, clean=None, pdf=None, env=None):
        self.key, self.label, self.cmd, self.cwd = key, label, cmd, cwd
        self.reps, self.clean, self.pdf, self.env = reps, clean, pdf, env
        self.runs = []          # (wall s, cpu s, user s, sys s, maxrss KiB)
        self.stages = []        # per run: {stage: (wall s, cpu s, peak MB)} from galley -v
        self.pages = None
        self.stderr = ""
        self.failed = None

    def run_once(self, keep_stderr=False):
        if self.clean:
            for p in self.clean:
                if os.path.isdir(p):
                    shutil.rmtree(p)
                elif os.path.exists(p):
                    os.remove(p)
        tf = os.path.join(WORK, ".time.txt")
        t0 = time.perf_counter()
        p = subprocess.run(["/usr/bin/time", "-f", "%U %S %M", "-o", tf] + self.cmd,
                           cwd=self.cwd, env=self.env, capture_output=True, text=True)
        wall = time.perf_counter() - t0
        if keep_stderr:
            self.stderr = p.stderr
        if p.returncode != 0:
            self.failed = "exit %d: %s" % (p.returncode, (p.stderr or p.stdout)[-400:])
            return None
        with open(tf) as fh:
            last = fh.read().strip().splitlines()[-1].split()
        u, s, m = float(last[0]), float(last[1]), int(last[2])
        if "-v" in self.cmd:
            self.last_stages = {g[0]: (float(g[1]), float(g[2]), float(g[3])) for g in STAGE_LINE.findall(p.stdout)}
        return (wall, u + s, u, s, m)

    def summary(self):
        if not self.runs:
            return None
        w = [r[0] for r in self.runs]
        c = [r[1] for r in self.runs]
        m = [r[4] for r in self.runs]
        return {"n": len(self.runs), "wall": statistics.median(w), "wall_min": min(w),
                "wall_max": max(w), "cpu": statistics.median(c), "rss_mb": max(m) / 1024.0,
                "pages": self.pages, "runs": self.runs}


def pdf_pages(path):
    try:
        out = sh(["pdfinfo", path]).stdout
    except (subprocess.CalledProcessError, FileNotFoundError):
        return None
    m = re.search(r"^Pages:\s+(\d+)", out, re.M)
    return int(m.group(1)) if m else None


def build_head(repo):
    """Build the repo's committed HEAD (git archive, so uncommitted edits in the
    work tree never leak in) into /tmp/galley-bench-<sha>; reuse it if built."""
    sha = sh(["git", "-C", repo, "rev-parse", "HEAD"]).stdout.strip()
    src = "/tmp/galley-src-%s" % sha[:12]
    bld = "/tmp/galley-bench-%s" % sha[:12]
    exe = os.path.join(bld, "galley")
    if os.path.isfile(exe) and os.access(exe, os.X_OK):
        return exe, sha
    if not os.path.isdir(src):
        os.makedirs(src + ".tmp", exist_ok=True)
        arch = subprocess.run(["git", "-C", repo, "archive", "HEAD"], capture_output=True, check=True).stdout
        subprocess.run(["tar", "-x", "-C", src + ".tmp"], input=arch, check=True)
        os.rename(src + ".tmp", src)
    log("building galley %s in %s" % (sha[:12], bld))
    sh(["cmake", "-S", src, "-B", bld, "-DCMAKE_BUILD_TYPE=RelWithDebInfo"])
    r = subprocess.run(["cmake", "--build", bld, "-j", str(os.cpu_count() or 2), "--target", "galley"],
                       capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit("run.py: building galley failed:\n" + r.stdout[-3000:] + r.stderr[-3000:])
    return exe, sha


def find_galley(arg):
    for c in [arg, os.environ.get("GALLEY"), "/tmp/galley-bench/galley",
              os.path.join(REPO, "build", "galley")]:
        if c and os.path.isfile(c) and os.access(c, os.X_OK):
            return os.path.abspath(c)
    sys.exit("run.py: no galley binary; build it (see docs/benchmarks.md) or pass --galley")


def setup_peers(work, shared, modules_arg, no_npm):
    """Copy peers/ and seed/ side by side into work; make the typst package reachable."""
    pdir = os.path.join(work, "peers")
    for name in ("peers", "seed"):
        dst = os.path.join(work, name)
        if os.path.exists(dst):
            shutil.rmtree(dst)
        shutil.copytree(os.path.join(shared, name), dst,
                        ignore=shutil.ignore_patterns("node_modules"))
        for root, dirs, files in os.walk(dst):
            for f in files + dirs:
                os.chmod(os.path.join(root, f), 0o755 if f in dirs else 0o644)
    mods = None
    for c in [modules_arg, os.environ.get("PEERS_NODE_MODULES"), "/tmp/pw/peers/node_modules",
              os.path.join(work, ".npm", "node_modules")]:
        if c and os.path.isdir(os.path.join(c, *TYPST_PKG.split("/"))):
            mods = c
            break
    if mods is None and not no_npm and shutil.which("npm"):
        log("installing %s with npm into %s/.npm" % (TYPST_PKG, work))
        os.makedirs(os.path.join(work, ".npm"), exist_ok=True)
        r = subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--prefix",
                            os.path.join(work, ".npm"), TYPST_PKG], capture_output=True, text=True)
        c = os.path.join(work, ".npm", "node_modules")
        if r.returncode == 0 and os.path.isdir(os.path.join(c, *TYPST_PKG.split("/"))):
            mods = c
    if mods:
        os.symlink(os.path.abspath(mods), os.path.join(pdir, "node_modules"))
    return pdir, mods


def typo_corrected(tool, pdf):
    """bench/typo_lines.py --corrected: typoqual's numbers with the rows it
    read across two columns cut at the column edge (None when it fails)."""
    try:
        r = sh([sys.executable, os.path.join(HERE, "typo_lines.py"), pdf, "--corrected", "--typoqual", tool],
               check=False)
        return json.loads(r.stdout) if r.returncode == 0 else None
    except (ValueError, OSError):
        return None


def typoqual(tool, pdf):
    try:
        r = sh([sys.executable, tool, pdf, "--json"], check=False)
        return json.loads(r.stdout) if r.returncode == 0 else {"error": r.stdout.strip() or r.stderr.strip()}
    except (ValueError, OSError) as e:
        return {"error": str(e)}


def warnings_of(text):
    codes = {}
    for m in re.finditer(r"\b(warning|error): .*?\[([A-Z0-9-]+)\]", text):
        codes[m.group(2)] = codes.get(m.group(2), 0) + 1
    return codes


def fmt(x, nd=2):
    if x is None:
        return "n/a"
    return ("%." + str(nd) + "f") % x


def mark(ok):
    return "met" if ok else "**missed**"


def main():
    global WORK
    ap = argparse.ArgumentParser(description="galley benchmark (see the module docstring)")
    ap.add_argument("--galley", help="galley binary (default $GALLEY, /tmp/galley-bench/galley, build/galley)")
    ap.add_argument("--build-head", action="store_true",
                    help="build the repo's committed HEAD (git archive) in /tmp/galley-bench-<sha> and measure that")
    ap.add_argument("--data-dir", default=os.environ.get("GALLEY_DATA_DIR", REPO),
                    help="GALLEY_DATA_DIR (layouts/ and fonts/); default the repo")
    ap.add_argument("--shared", default=os.path.join(REPO, "..", "shared"),
                    help="the shared/ folder with peers/, seed/ and tools/typoqual.py")
    ap.add_argument("--typst-modules", help="a node_modules folder holding " + TYPST_PKG)
    ap.add_argument("--no-npm", action="store_true", help="never npm install the Typst compiler")
    ap.add_argument("--work", default="/tmp/galley-bench-work", help="scratch folder (replaced)")
    ap.add_argument("--reps", type=int, default=5, help="timed runs of each fast command")
    ap.add_argument("--slow-reps", type=int, default=3, help="timed runs of XeLaTeX and WeasyPrint")
    ap.add_argument("--big", type=int, default=500, help="articles in the big issue (default 500)")
    ap.add_argument("--no-weasyprint", action="store_true", help="skip WeasyPrint (about 11 s a run)")
    ap.add_argument("--also-galley", action="append", default=[], metavar="LABEL=PATH",
                    help="another galley binary (a candidate fix) timed beside the main one on the "
                         "50- and big issue and the 50 seed articles; repeatable")
    ap.add_argument("--out", help="also write the report here (and the raw numbers to OUT.json)")
    a = ap.parse_args()

    if a.build_head:
        galley, built_sha = build_head(REPO)
    else:
        galley, built_sha = find_galley(a.galley), None
    shared = os.path.abspath(a.shared)
    typo_tool = os.path.join(shared, "tools", "typoqual.py")
    WORK = os.path.abspath(a.work)
    if os.path.exists(WORK):
        shutil.rmtree(WORK)
    os.makedirs(WORK)
    genv = dict(os.environ, GALLEY_DATA_DIR=os.path.abspath(a.data_dir))
    genv.pop("SOURCE_DATE_EPOCH", None)
    if not os.path.exists("/usr/bin/time"):
        sys.exit("run.py: /usr/bin/time is missing (apt-get install time)")

    started = datetime.datetime.now(datetime.timezone.utc)
    load0 = os.getloadavg()

    # ---- inputs ------------------------------------------------------------
    mk = os.path.join(HERE, "make_issue.py")
    issues = {}
    for key, n, flag in [("i50", 50, None), ("ibig", a.big, None), ("s50", 50, "--seed-only"),
                         ("p50", 50, "--peer-text"), ("s1", 1, "--seed-only"), ("p1", 1, "--peer-text")]:
        d = os.path.join(WORK, "issues", key)
        sh([sys.executable, mk, str(n), d] + ([flag] if flag else []))
        issues[key] = d
    sample = os.path.join(REPO, "samples", "ppp-2008-06-13")
    pdir, mods = setup_peers(WORK, shared, a.typst_modules, a.no_npm)
    for n in (50, 1):
        sh([sys.executable, "mktyp.py", str(n), "y%d.typ" % n], cwd=pdir)
        sh([sys.executable, "mktex.py", str(n), "t%d.tex" % n], cwd=pdir)
        sh([sys.executable, "mkhtml.py", str(n), "a%d.html" % n], cwd=pdir)
    have = {"typst": bool(mods and shutil.which("node")), "xelatex": bool(shutil.which("xelatex")),
            "weasyprint": bool(shutil.which("weasyprint")) and not a.no_weasyprint,
            "pandoc": bool(shutil.which("pandoc"))}

    out = os.path.join(WORK, "out")

    def gjob(key, label, issue, fmt_, layout=None, extra=(), cmd="build", reps=None):
        o = os.path.join(out, key)
        c = [galley, cmd, issues.get(issue, issue)]
        if cmd == "build":
            c += ["-o", o, "-f", fmt_, "-q"]
        else:
            c += ["-q"]
        if layout:
            c += ["-l", layout]
        c += list(extra)
        return Job(key, label, c, reps=reps or a.reps, clean=[o] if cmd == "build" else None,
                   pdf=None, env=genv)

    jobs = []
    L0 = {"g50": "galley pdf, 50 articles, tabloid", "gbig": "galley pdf, %d articles, tabloid" % a.big,
          "gs50": "galley -l peer-tabloid, 50 seed articles (full XML)"}
    # A: galley on the sample articles repeated
    j = gjob("g50", "galley pdf, 50 articles, tabloid", "i50", "pdf", "tabloid"); jobs.append(j)
    j = gjob("gbig", "galley pdf, %d articles, tabloid" % a.big, "ibig", "pdf", "tabloid"); jobs.append(j)
    # B: peers at N=50 and galley peer-tabloid
    if have["typst"]:
        jobs.append(Job("typst", "Typst 0.14 (node run.js)", ["node", "run.js", "y50.typ", "y50.pdf"],
                        cwd=pdir, reps=a.reps, clean=[os.path.join(pdir, "y50.pdf")]))
    jobs.append(gjob("gs50", "galley -l peer-tabloid, 50 seed articles (full XML)", "s50", "pdf", "peer-tabloid"))
    jobs.append(gjob("gp50", "galley -l peer-tabloid, 50 x peers' text (--peer-text)", "p50", "pdf", "peer-tabloid"))
    if have["xelatex"]:
        jobs.append(Job("xelatex", "XeLaTeX + multicol (1 pass)",
                        ["xelatex", "-interaction=batchmode", "t50.tex"], cwd=pdir, reps=a.slow_reps,
                        clean=[os.path.join(pdir, "t50.pdf")]))
    if have["weasyprint"]:
        jobs.append(Job("weasyprint", "WeasyPrint", ["weasyprint", "a50.html", "a50.pdf"], cwd=pdir,
                        reps=a.slow_reps, clean=[os.path.join(pdir, "a50.pdf")]))
    # D: EPUB
    jobs.append(gjob("ge50", "galley -f epub, 50 seed articles", "s50", "epub"))
    if have["pandoc"]:
        jobs.append(Job("pandoc", "pandoc a.html -o a.epub (50 seed copies)",
                        ["pandoc", "a50.html", "-o", "a50.epub"], cwd=pdir, reps=a.reps,
                        clean=[os.path.join(pdir, "a50.epub")]))
    # E: stages
    for n, iss in (("50", "i50"), (str(a.big), "ibig")):
        for formats in ("pdf", "epub,pdf"):
            key = "v%s-%s" % (iss, formats.replace(",", ""))
            o = os.path.join(out, key)
            jobs.append(Job(key, "galley build -f %s -v, %s articles" % (formats, n),
                            [galley, "build", issues[iss], "-o", o, "-f", formats, "-v", "-l", "tabloid"],
                            reps=a.reps, clean=[o], env=genv))
        jobs.append(gjob("chk" + iss, "galley check, %s articles" % n, iss, None, "tabloid", cmd="check"))
        jobs.append(gjob("epub" + iss, "galley build -f epub, %s articles" % n, iss, "epub", "tabloid"))
        jobs.append(gjob("j1" + iss, "galley build -f pdf -j 1, %s articles" % n, iss, "pdf", "tabloid",
                         extra=("-j", "1")))

    # candidate binaries, timed in the same rounds
    extra = []
    for spec in a.also_galley:
        lab, _, path = spec.partition("=")
        if not path or not os.access(path, os.X_OK):
            sys.exit("run.py: --also-galley wants LABEL=PATH to an executable, got %r" % spec)
        for key, iss, lay in (("g50", "i50", "tabloid"), ("gbig", "ibig", "tabloid"), ("gs50", "s50", "peer-tabloid")):
            k = "%s@%s" % (key, lab)
            o = os.path.join(out, k.replace("@", "-"))
            jobs.append(Job(k, "%s [%s]" % (L0[key], lab),
                            [os.path.abspath(path), "build", issues[iss], "-o", o, "-f", "pdf", "-q", "-l", lay],
                            reps=a.reps, clean=[o], env=genv))
            extra.append((k, key, lab))

    # PDF locations, for page counts
    pdf_of = {"g50": os.path.join(out, "g50", "bench-50.pdf"),
              "gbig": os.path.join(out, "gbig", "bench-%d.pdf" % a.big),
              "gs50": os.path.join(out, "gs50", "bench-seed-50.pdf"),
              "gp50": os.path.join(out, "gp50", "bench-peer-50.pdf"),
              "typst": os.path.join(pdir, "y50.pdf"), "xelatex": os.path.join(pdir, "t50.pdf"),
              "weasyprint": os.path.join(pdir, "a50.pdf"),
              "j1i50": os.path.join(out, "j1i50", "bench-50.pdf"),
              "j1ibig": os.path.join(out, "j1ibig", "bench-%d.pdf" % a.big)}

    for k, key, lab in extra:
        pdf_of[k] = pdf_of[key].replace(os.path.join(out, key), os.path.join(out, k.replace("@", "-")))

    # warm-up: one untimed run of each (page cache, font caches), page counts, diagnostics
    for j in jobs:
        log("warm-up:", j.label)
        r = j.run_once(keep_stderr=True)
        if r is None:
            log("  FAILED:", j.failed)
            continue
        if j.key in pdf_of:
            j.pages = pdf_pages(pdf_of[j.key])
        if j.key == "ge50":
            j.size = os.path.getsize(os.path.join(out, "ge50", "bench-seed-50.epub"))
        if j.key == "pandoc":
            j.size = os.path.getsize(os.path.join(pdir, "a50.epub"))

    # timed rounds, interleaved
    rounds = max(j.reps for j in jobs)
    for r in range(rounds):
        log("round %d/%d" % (r + 1, rounds))
        for j in jobs:
            if j.failed or len(j.runs) >= j.reps:
                continue
            res = j.run_once()
            if res is not None:
                j.runs.append(res)
                if "-v" in j.cmd:
                    j.stages.append(j.last_stages)
    S = {j.key: j.summary() for j in jobs}
    L = {j.key: j for j in jobs}

    # ---- typography ---------------------------------------------------------
    log("typography")
    typo = []
    if have["typst"]:
        sh(["node", "run.js", "y1.typ", "y1.pdf"], cwd=pdir, check=False)
        typo.append(("seed x1", "Typst 0.14", os.path.join(pdir, "y1.pdf")))
    if have["xelatex"]:
        sh(["xelatex", "-interaction=batchmode", "t1.tex"], cwd=pdir, check=False)
        typo.append(("seed x1", "XeLaTeX + multicol", os.path.join(pdir, "t1.pdf")))
    if shutil.which("weasyprint"):
        sh(["weasyprint", "a1.html", "a1.pdf"], cwd=pdir, check=False)
        typo.append(("seed x1", "WeasyPrint 57", os.path.join(pdir, "a1.pdf")))
    diag = {}
    for key, label in (("s1", "galley peer-tabloid (seed article, full XML)"),
                       ("p1", "galley peer-tabloid (peers' text)")):
        o = os.path.join(out, "typo-" + key)
        r = sh([galley, "build", issues[key], "-o", o, "-f", "pdf", "-l", "peer-tabloid", "-q"],
               env=genv, check=False)
        diag["%s peer-tabloid" % key] = (r.returncode, warnings_of(r.stderr), r.stderr)
        typo.append(("seed x1", label, os.path.join(o, "bench-%s-1.pdf" % ("seed" if key == "s1" else "peer"))))
    for lay in LAYOUTS:
        o = os.path.join(out, "sample-" + lay)
        r = sh([galley, "build", sample, "-o", o, "-f", "pdf", "-l", lay, "-q"], env=genv, check=False)
        diag["sample " + lay] = (r.returncode, warnings_of(r.stderr), r.stderr)
        typo.append(("sample", "galley " + lay, os.path.join(o, "ppp-2008-06-13.pdf")))
    typo_res = []
    for what, label, pdf in typo:
        q = typoqual(typo_tool, pdf) if os.path.exists(pdf) else {"error": "no PDF"}
        if "error" not in q and what == "sample":
            q["corrected"] = typo_corrected(typo_tool, pdf)
        typo_res.append((what, label, pdf, q, pdf_pages(pdf)))

    load1 = os.getloadavg()
    finished = datetime.datetime.now(datetime.timezone.utc)

    # ---- report -------------------------------------------------------------
    R = []
    w = R.append
    try:
        commit = sh(["git", "-C", REPO, "rev-parse", "--short", "HEAD"]).stdout.strip()
        dirty = sh(["git", "-C", REPO, "status", "--porcelain", "--untracked-files=no", "src"]).stdout.strip()
    except (subprocess.CalledProcessError, FileNotFoundError):
        commit, dirty = "?", ""
    cpu = "?"
    try:
        with open("/proc/cpuinfo") as fh:
            m = re.search(r"^model name\s*:\s*(.*)$", fh.read(), re.M)
            cpu = m.group(1) if m else "?"
    except OSError:
        pass
    gver = sh([galley, "--version"], env=genv, check=False).stdout.strip()
    w("# galley benchmark report\n")
    w("- date: %s (UTC), %.0f s" % (started.strftime("%Y-%m-%d %H:%M"), (finished - started).total_seconds()))
    w("- machine: %s, %d cores, %s, Python %s" % (cpu, os.cpu_count() or 0, platform.platform(), platform.python_version()))
    w("- load average (1 min) at start %.1f, at end %.1f" % (load0[0], load1[0]))
    if built_sha:
        w("- galley: %s, commit %s (git archive of HEAD, RelWithDebInfo), binary %s" % (gver, built_sha[:12], galley))
    else:
        w("- galley: %s, binary %s (given; the repo's HEAD is %s%s)" % (
            gver, galley, commit, ", src/ has uncommitted changes" if dirty else ""))
    w("- timings: median of %d interleaved runs (XeLaTeX, WeasyPrint: %d) after one warm-up run; "
      "CPU = user + sys; RSS = the largest peak resident set of the runs (/usr/bin/time %%M)"
      % (a.reps, a.slow_reps))
    w("")

    # A
    w("## A. galley build -f pdf -l tabloid (sample articles repeated)\n")
    w("| issue | wall median (min-max) s | CPU s | peak RSS MB | pages | wall ms/page | CPU ms/page |")
    w("|---|---|---|---|---|---|---|")
    per_page = {}
    for key, name in (("g50", "50 articles"), ("gbig", "%d articles" % a.big)):
        s = S.get(key)
        if not s:
            w("| %s | failed: %s | | | | | |" % (name, L[key].failed)); continue
        pg = s["pages"] or 0
        wpp = 1000 * s["wall"] / pg if pg else None
        cpp = 1000 * s["cpu"] / pg if pg else None
        per_page[key] = (wpp, cpp)
        w("| %s | %s (%s-%s) | %s | %.0f | %s | %s | %s |" % (name, fmt(s["wall"]), fmt(s["wall_min"]), fmt(s["wall_max"]),
                                                           fmt(s["cpu"]), s["rss_mb"], pg, fmt(wpp, 1), fmt(cpp, 1)))
    w("")
    if "g50" in per_page and "gbig" in per_page:
        rw = per_page["gbig"][0] / per_page["g50"][0]
        rc = per_page["gbig"][1] / per_page["g50"][1]
        w("Cost per page, %d vs 50 articles: wall x%.2f, CPU x%.2f (target: flat; counted as met while "
          "CPU per page grows by at most 15%%): %s." %
          (a.big, rw, rc, mark(rc <= 1.15)))
    rss = [S[k]["rss_mb"] for k in ("g50", "gbig") if S.get(k)]
    if rss:
        w("Peak memory: %s (target under %d MB): %s." % (
            ", ".join("%.0f MB" % x for x in rss), T_RSS_MB, mark(max(rss) < T_RSS_MB)))
    w("")

    # B
    w("## B. The peers on the same text (seed story x 50, peer-tabloid geometry)\n")
    w("| tool | wall median (min-max) s | CPU s | peak RSS MB | pages | wall / Typst | CPU / Typst |")
    w("|---|---|---|---|---|---|---|")
    ty = S.get("typst")
    for key in ("typst", "xelatex", "weasyprint", "gs50", "gp50"):
        if key not in L:
            continue
        s = S.get(key)
        if not s:
            w("| %s | failed: %s | | | | | |" % (L[key].label, L[key].failed)); continue
        rw = s["wall"] / ty["wall"] if ty else None
        rc = s["cpu"] / ty["cpu"] if ty else None
        w("| %s | %s (%s-%s) | %s | %.0f | %s | %s | %s |" % (L[key].label, fmt(s["wall"]), fmt(s["wall_min"]),
                                                           fmt(s["wall_max"]), fmt(s["cpu"]), s["rss_mb"],
                                                           s["pages"], fmt(rw), fmt(rc)))
    w("")
    if ty:
        for key in ("gs50", "gp50"):
            s = S.get(key)
            if s:
                # The whole seed article makes more pages than the peers'
                # words (its photographs, pull quote, boxes): say so, with
                # the time per page, beside the verdict on the whole.
                per_page = ""
                if s.get("pages") and ty.get("pages") and s["pages"] != ty["pages"]:
                    per_page = "; %s pages against Typst's %s, per page %.2fx" % (
                        s["pages"], ty["pages"], (s["wall"] / s["pages"]) / (ty["wall"] / ty["pages"]))
                w("- %s: wall %.2fx Typst, CPU %.2fx Typst (target at most %.1fx): %s%s" % (
                    L[key].label, s["wall"] / ty["wall"], s["cpu"] / ty["cpu"], T_TYPST_RATIO,
                    mark(s["wall"] / ty["wall"] <= T_TYPST_RATIO), per_page))
        s = S.get("g50")
        if s:
            w("- galley pdf, 50 sample articles (tabloid): wall %.2fx Typst, CPU %.2fx Typst" % (
                s["wall"] / ty["wall"], s["cpu"] / ty["cpu"]))
    else:
        w("- Typst was not available: no ratio.")
    w("")

    # C
    w("## C. Typography (typoqual.py)\n")
    w("| text | set by | pages | lines | justified | p50 | p95 | max | loose >1.5x | very loose >2x | hyph | ladder | overfull |")
    w("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for what, label, pdf, q, pg in typo_res:
        if "error" in q:
            w("| %s | %s | %s | %s | | | | | | | | | |" % (what, label, pg, q["error"][:80])); continue
        w("| %s | %s | %s | %d | %d | %.2f | %.2f | %.2f | %.1f%% | %.1f%% | %.1f%% | %d | %d |" % (
            what, label, pg, q["lines"], q["justified"], q["space_p50"], q["space_p95"], q["space_max"],
            100 * q["loose"], 100 * q["very_loose"], 100 * q["hyph"], q["ladder"], q["overfull"]))
    w("")
    w("Targets on the sample in every layout: p95 <= %.1fx, very loose <= %d%%, ladder <= %d, overfull = %d." %
      (T_P95, 100 * T_VERY_LOOSE, T_LADDER, T_OVERFULL))
    for what, label, pdf, q, pg in typo_res:
        if what != "sample" or "error" in q:
            continue
        miss = []
        if q["space_p95"] > T_P95: miss.append("p95 %.2f > %.1f" % (q["space_p95"], T_P95))
        if q["very_loose"] > T_VERY_LOOSE: miss.append("very loose %.1f%% > %d%%" % (100 * q["very_loose"], 100 * T_VERY_LOOSE))
        if q["ladder"] > T_LADDER: miss.append("ladder %d > %d" % (q["ladder"], T_LADDER))
        if q["overfull"] > T_OVERFULL: miss.append("overfull %d" % q["overfull"])
        line = "- %s: %s" % (label, "all met" if not miss else "**missed**: " + ", ".join(miss))
        c = q.get("corrected")
        if c:
            line += ("; with the rows typoqual read across two columns cut at the column edge "
                     "(bench/typo_lines.py --corrected): p95 %.2f, very loose %.1f%%, overfull %d" %
                     (c["space_p95"], 100 * c["very_loose"], c["overfull"]))
        w(line)
    w("")

    # D
    w("## D. EPUB (seed story x 50)\n")
    w("| tool | wall median s | CPU s | peak RSS MB | size KB | wall / pandoc |")
    w("|---|---|---|---|---|---|")
    pd = S.get("pandoc")
    for key in ("ge50", "pandoc"):
        if key not in L:
            continue
        s = S.get(key)
        if not s:
            w("| %s | failed: %s | | | | |" % (L[key].label, L[key].failed)); continue
        size = getattr(L[key], "size", None)
        w("| %s | %s | %s | %.0f | %s | %s |" % (L[key].label, fmt(s["wall"]), fmt(s["cpu"]), s["rss_mb"],
                                                 "%.0f" % (size / 1024) if size else "n/a",
                                                 fmt(s["wall"] / pd["wall"]) if pd else "n/a"))
    w("")

    # E
    w("## E. Stages\n")
    w("Whole commands:\n")
    w("| command | articles | wall median s | CPU s | peak RSS MB | pages |")
    w("|---|---|---|---|---|---|")
    for iss, n in (("i50", "50"), ("ibig", str(a.big))):
        for key, name in (("chk" + iss, "galley check (read + validate)"),
                          ("epub" + iss, "galley build -f epub"),
                          ("g50" if iss == "i50" else "gbig", "galley build -f pdf (default -j)"),
                          ("j1" + iss, "galley build -f pdf -j 1")):
            s = S.get(key)
            if not s:
                w("| %s | %s | failed: %s | | | |" % (name, n, L[key].failed if key in L else "?")); continue
            w("| %s | %s | %s | %s | %.0f | %s |" % (name, n, fmt(s["wall"]), fmt(s["cpu"]), s["rss_mb"],
                                                     s["pages"] if s["pages"] else ""))
    w("")
    for iss, n, pk in (("i50", "50", "g50"), ("ibig", str(a.big), "gbig")):
        c, p, e = S.get("chk" + iss), S.get(pk), S.get("epub" + iss)
        if c and p and e:
            w("- %s articles: read+validate %.2f s CPU; PDF stage (pdf - check) %.2f s CPU (%.0f%%); "
              "EPUB stage (epub - check) %.2f s CPU" % (n, c["cpu"], p["cpu"] - c["cpu"],
                                                        100 * (p["cpu"] - c["cpu"]) / p["cpu"], e["cpu"] - c["cpu"]))
    w("")

    w("Each stage, from `galley build -v` (median of the runs; CPU is the whole process's over the "
      "stage, so stages that overlap -- compose and pdf with -f pdf, epub beside them -- share theirs; "
      "peak is the process's high-water mark when the stage ended):\n")
    w("| command | articles | stage | wall s | CPU s | peak MB |")
    w("|---|---|---|---|---|---|")
    for iss, n in (("i50", "50"), ("ibig", str(a.big))):
        for formats in ("pdf", "epub,pdf"):
            j = L.get("v%s-%s" % (iss, formats.replace(",", "")))
            if not j or not j.stages:
                w("| build -f %s -v | %s | failed: %s | | | |" % (formats, n, j.failed if j else "?")); continue
            names = [s for s in ("read", "compose", "pdf", "png", "press", "epub", "write") if s in j.stages[0]]
            for st in names:
                vals = [r[st] for r in j.stages if st in r]
                w("| build -f %s | %s | %s | %.3f | %.3f | %.0f |" % (
                    formats, n, st, statistics.median(v[0] for v in vals),
                    statistics.median(v[1] for v in vals), statistics.median(v[2] for v in vals)))
    w("")

    if extra:
        w("## Candidate binaries, same rounds\n")
        w("| command | binary | wall median s | CPU s | peak RSS MB | pages | CPU vs main binary | wall / Typst |")
        w("|---|---|---|---|---|---|---|---|")
        for k, key, lab in extra:
            s, base = S.get(k), S.get(key)
            if not s:
                w("| %s | %s | failed: %s | | | | | |" % (L0[key], lab, L[k].failed)); continue
            w("| %s | %s | %s | %s | %.0f | %s | %s | %s |" % (
                L0[key], lab, fmt(s["wall"]), fmt(s["cpu"]), s["rss_mb"], s["pages"],
                fmt(s["cpu"] / base["cpu"]) if base else "n/a", fmt(s["wall"] / ty["wall"]) if ty else "n/a"))
        w("")

    # diagnostics
    w("## Diagnostics galley printed\n")
    any_diag = False
    for j in jobs:
        if j.cmd and j.cmd[0] == galley:
            codes = warnings_of(j.stderr)
            if codes or j.failed:
                any_diag = True
                w("- %s: %s%s" % (j.label, ", ".join("%s x%d" % kv for kv in sorted(codes.items())),
                                  (" FAILED " + j.failed) if j.failed else ""))
    for k, (rc, codes, _) in diag.items():
        if codes or rc:
            any_diag = True
            w("- %s: exit %d; %s" % (k, rc, ", ".join("%s x%d" % kv for kv in sorted(codes.items()))))
    if not any_diag:
        w("- none")
    w("")
    w("Commands (run from %s):" % WORK)
    w("```")
    for j in jobs:
        w(("cd %s && " % j.cwd if j.cwd else "") + " ".join(j.cmd))
    w("```")

    report = "\n".join(R) + "\n"
    print(report)
    if a.out:
        with open(a.out, "w") as fh:
            fh.write(report)
        raw = {"started": started.isoformat(), "load": [load0, load1], "summary": S,
               "typography": [(wh, lb, q, pg) for wh, lb, pdf, q, pg in typo_res],
               "diagnostics": {k: v[2] for k, v in diag.items()},
               "stderr": {j.key: j.stderr for j in jobs},
               "stages": {j.key: j.stages for j in jobs if j.stages}}
        with open(a.out + ".json", "w") as fh:
            json.dump(raw, fh, indent=1, default=str)


WORK = "/tmp/galley-bench-work"

if __name__ == "__main__":
    main()
