#!/usr/bin/env python3
"""How empty each page is: the deepest blank at the foot of any column, and inside one.

    page_fill.py FILE.pdf --layout NAME|PATH [--galley PATH] [--dpi 36]

Renders the pages in grey with pdftoppm (poppler-utils), finds the live
area and columns from `galley layouts --dump` (odd pages right-hand, the
inner margin on their left), and for each column walks up from the foot
of the live area to the first pixel darker than near-white. Prints, per
page, the deepest such blank as a share of the live height: 0 % for a page
whose every column reaches the foot, 50 % for one with a column empty
over its lower half. Then, after "inside", the deepest blank band between
two things in one column (a story ending well above the ad under it):
the space between stories and around headlines stays under 5 %. Python 3
standard library only.
"""
import argparse
import glob
import os
import re
import subprocess
import sys
import tempfile


def points(value):
    m = re.fullmatch(r"([\d.]+)(mm|pt|cm|in)", value)
    if not m:
        sys.exit("page_fill.py: cannot read length %r" % value)
    return float(m.group(1)) * {"mm": 72 / 25.4, "pt": 1.0, "cm": 720 / 25.4, "in": 72.0}[m.group(2)]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("pdf")
    ap.add_argument("--layout", required=True, help="the layout the PDF was built with")
    ap.add_argument("--galley", default=os.path.join(os.path.dirname(__file__), "..", "build", "galley"))
    ap.add_argument("--dpi", type=int, default=36)
    a = ap.parse_args()
    dump = subprocess.run([a.galley, "layouts", "--dump", a.layout], capture_output=True, text=True, check=True).stdout
    setting = dict(re.findall(r"^(\S+) = (.*)$", dump, re.M))
    width, height = points(setting["page.width"]), points(setting["page.height"])
    top, bottom = points(setting["page.margin-top"]), points(setting["page.margin-bottom"])
    inner, outer = points(setting["page.margin-inner"]), points(setting["page.margin-outer"])
    columns = int(setting["columns.count"])
    scale = a.dpi / 72.0
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["pdftoppm", "-r", str(a.dpi), "-gray", a.pdf, os.path.join(tmp, "p")], check=True)
        shares = []
        for number, path in enumerate(sorted(glob.glob(os.path.join(tmp, "p-*.pgm"))), 1):
            with open(path, "rb") as f:
                magic, size, _, pixels = f.read().split(b"\n", 3)
            w, _ = map(int, size.split())
            # Binding on the left: odd pages are right-hand pages. (An issue
            # bound on the right swaps them; this tool does not know.)
            left = inner if number % 2 == 1 else outer
            right = outer if number % 2 == 1 else inner
            x0, x1 = left * scale, (width - right) * scale
            y0, y1 = top * scale, (height - bottom) * scale
            deepest = inside = 0.0
            for c in range(columns):
                a0 = int(x0 + (x1 - x0) * c / columns) + 2
                a1 = int(x0 + (x1 - x0) * (c + 1) / columns) - 2
                blank = [all(pixels[y * w + x] > 245 for x in range(a0, a1)) for y in range(int(y0), int(y1))]
                foot = 0
                while foot < len(blank) and blank[len(blank) - 1 - foot]:
                    foot += 1
                deepest = max(deepest, foot / (y1 - y0))
                run, inked = 0, False
                for b in blank[: len(blank) - foot]:
                    if b:
                        run += 1
                    else:
                        if inked:
                            inside = max(inside, run / (y1 - y0))
                        run, inked = 0, True
            shares.append((deepest, inside))
    print(" ".join("p%d %d%%" % (i, round(100 * s[0])) for i, s in enumerate(shares, 1)))
    print("inside " + " ".join("p%d %d%%" % (i, round(100 * s[1])) for i, s in enumerate(shares, 1)))


if __name__ == "__main__":
    main()
