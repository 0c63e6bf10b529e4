#!/usr/bin/env python3
"""Name the lines behind typoqual.py's numbers: overfull and very loose lines.

    typo_lines.py FILE.pdf [--loose] [--corrected] [--typoqual PATH]

Uses typoqual.py's own word reader and its rules (body words are the most
common word-box height; columns from line left edges, page by page; a
column's right edge is the 90th percentile of its line ends; overfull = ink
past that edge by more than 3 pt), so the lines it lists are the ones
typoqual counts. For each overfull line it prints page, column left edge,
baseline y and the words, and tells

  OVERFULL  the column's own words pass its edge: a real overfull line;
  merged    typoqual read two columns as one line: a column with fewer than
            8 line starts on the page is not found as a column, so its lines
            are taken for the ends of the lines of the column to its left.
            The tool splits the row at its widest gap (9 pt or more: wider
            than any space a squeezed, overfull line can have) and checks
            the right part against its own column's edge (an x where 5+ body
            lines of the document's pages of that parity end).

--loose also lists justified lines whose mean space is over 2x natural
(typoqual's "very loose"); rows that join two columns show up there too.
Python 3 standard library only.
"""
import argparse
import importlib.util
import os
import statistics
import sys
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))


def load_typoqual(path):
    spec = importlib.util.spec_from_file_location("typoqual", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def lines_of(pages):
    """Yield (page, col_x, col_right, baseline, words) the way typoqual groups them."""
    heights = Counter(round(w[3] - w[1], 1) for ws in pages for w in ws)
    body_h = heights.most_common(1)[0][0]
    for pno, ws in enumerate(pages, 1):
        body = [w for w in ws if abs((w[3] - w[1]) - body_h) < 0.25]
        if not body:
            continue
        starts = Counter(round(w[0]) for w in body)
        top = max(starts.values())
        cand = sorted(x for x, n in starts.items() if n >= max(8, 0.4 * top))
        colx = []
        for x in cand:
            if not colx or x - colx[-1] > 2.5 * body_h:
                colx.append(x)
        if not colx:
            continue

        def col_of(x):
            best = None
            for c in colx:
                if c <= x + 1:
                    best = c
            return best

        bycol = defaultdict(lambda: defaultdict(list))
        for w in body:
            c = col_of(w[0])
            if c is not None:
                bycol[c][round(w[3], 0)].append(w)
        rights = {}
        page_rows = []
        for c, d in sorted(bycol.items()):
            rows = [(y, sorted(r)) for y, r in sorted(d.items())]
            v = sorted(r[-1][2] for _, r in rows)
            rights[c] = v[int(0.9 * (len(v) - 1))]
            page_rows += [(c, y, r) for y, r in rows]
        for c, y, r in page_rows:
            yield pno, c, rights[c], y, r


def column_edges(rows):
    """Right column edges per page parity: x where 5+ body lines of the
    document's pages of that parity end (justified lines end exactly on
    their column's edge; facing layouts shift odd and even pages)."""
    ends = defaultdict(Counter)
    for pno, c, right, y, r in rows:
        for k, w in enumerate(r):
            if k + 1 == len(r) or r[k + 1][0] - w[2] >= 9.0:
                ends[pno % 2][round(w[2] * 2) / 2] += 1
    out = {}
    for par, cn in ends.items():
        xs = sorted(x for x, n in cn.items() if n >= 5)
        merged = []
        for x in xs:   # one edge per cluster (within 1 pt), its rightmost value
            if merged and x - merged[-1] <= 1.0:
                merged[-1] = x
            else:
                merged.append(x)
        out[par] = merged
    return out


EDGES = {}
DEBUG = bool(os.environ.get("TYPO_LINES_DEBUG"))


def corrected_stats(rows, edges):
    """typoqual's numbers with its one misreading undone: a row that runs
    across a column edge (a word ends at an edge where 5+ body lines of the
    document's pages of that parity end, and the next word starts past it)
    is cut there into the lines of the two columns. Everything else is
    typoqual's own rule: a line is justified when it ends within 3 pt of its
    column's edge, the natural space is the median space of the other
    lines, a line is very loose over 2x, overfull past its edge by 3 pt."""
    lines = []
    for pno, c, right, y, r in rows:
        cuts = [0]
        for k in range(len(r) - 1):
            a, b = r[k], r[k + 1]
            if any(a[2] <= e + 1.0 and b[0] > e + 3.0 for e in edges.get(pno % 2, [])):
                cuts.append(k + 1)
        cuts.append(len(r))
        for s0, s1 in zip(cuts, cuts[1:]):
            part = r[s0:s1]
            if part:
                lines.append((pno, part))
    full, ragged, over = [], [], 0
    loose_rows = []
    for pno, part in lines:
        end = part[-1][2]
        edge = next((e for e in edges.get(pno % 2, []) if e >= end - 3.0), None)
        if edge is None:   # too few lines end there on pages of this parity
            edge = next((e for e in edges.get(1 - pno % 2, []) if e >= end - 3.0), None)
        if edge is None:   # past every known edge
            over += 1
            if DEBUG:
                print("past every edge: p%d %s" % (pno, " ".join(w[4] for w in part)))
            continue
        gaps = [b[0] - a[2] for a, b in zip(part, part[1:])]
        if not gaps:
            continue
        if abs(end - edge) <= 3.0:
            full.append(statistics.mean(gaps))
            loose_rows.append((statistics.mean(gaps), pno, part))
        else:
            ragged.extend(gaps)
    if not full or not ragged:
        return None
    nat = statistics.median(ragged)
    if DEBUG:
        for g, pno, part in loose_rows:
            if g / nat > 2.0:
                print("very loose %.1fx p%d: %s" % (g / nat, pno, " ".join(w[4] for w in part)))
    ratios = sorted(g / nat for g in full)
    q = lambda p: ratios[min(len(ratios) - 1, int(p * (len(ratios) - 1) + 0.5))]
    return {"lines": len(lines), "justified": len(ratios), "natural_space_pt": round(nat, 2),
            "space_p95": round(q(0.95), 2), "very_loose": round(sum(x > 2.0 for x in ratios) / len(ratios), 3),
            "overfull": over}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("pdf")
    ap.add_argument("--loose", action="store_true",
                    help="also list justified lines with mean spaces over 2x natural (typoqual's very loose); "
                         "rows that join two columns show up here too")
    ap.add_argument("--typoqual", default=os.path.join(HERE, "..", "..", "shared", "tools", "typoqual.py"))
    ap.add_argument("--corrected", action="store_true",
                    help="print typoqual's p95, very-loose share and overfull count with rows that run across a "
                         "column edge cut into their columns' lines (JSON)")
    a = ap.parse_args()
    tq = load_typoqual(a.typoqual)
    pages = tq.words_of(a.pdf)
    rows = list(lines_of(pages))
    global EDGES
    EDGES = column_edges(rows)
    if a.corrected:
        import json
        print(json.dumps(corrected_stats(rows, EDGES)))
        return
    ragged = []
    for pno, c, right, y, r in rows:
        if abs(r[-1][2] - right) > 3.0:
            ragged += [b[0] - x[2] for x, b in zip(r, r[1:])]
    nat = statistics.median(ragged) if ragged else None
    for pno, c, right, y, r in rows:
        text = " ".join(w[4] for w in r)
        over = r[-1][2] - right
        if over > 3.0:
            # words that start past the column's edge sit in a column to the
            # right that typoqual did not find (too few line starts on the
            # page): the "line" is two lines of two columns
            # the widest gap of the line, when it is wider than any word
            # space an overfull line can have (an overfull line is squeezed,
            # its spaces are below natural), is a gutter
            gaps = [(b[0] - x[2], k + 1) for k, (x, b) in enumerate(zip(r, r[1:]))]
            cut = None
            if gaps:
                g, k = max(gaps)
                if g >= 9.0:
                    cut = k
            if r[0][0] > right:
                cut = 0   # the whole row lies right of this column
            own = r[:cut] if cut is not None else r
            rest = r[cut:] if cut is not None else []
            own_over = (own[-1][2] - rest[0][0]) if (own and rest) else (own[-1][2] - right if own else -99.0)
            if rest and own_over < -3.0:
                # and is the other column's part inside its own column? its
                # edge: the nearest x right of it where 3+ body lines end
                edge = next((x for x in EDGES.get(pno % 2, []) if x > rest[0][0] + 20.0), None)
                if edge is None:   # too few lines there on pages of this parity
                    edge = next((x for x in sorted(EDGES.get(1 - pno % 2, [])) if x > rest[0][0] + 20.0), None)
                kind = "merged" if edge is not None and rest[-1][2] <= edge + 3.0 else "OVERFULL?"
                detail = ("typoqual read two columns as one line: own part %s; "
                          "next column's part %.1f-%.1f%s \"%s\"" % (
                              ("ends at %.1f, %.1f pt left of the next column's words \"%s\""
                               % (own[-1][2], -own_over, " ".join(w[4] for w in own))) if own else "empty",
                              rest[0][0], rest[-1][2],
                              (" (its column ends at %.1f)" % edge) if edge is not None else " (no column edge found)",
                              " ".join(w[4] for w in rest)))
            else:
                kind = "OVERFULL"
                detail = "ends at %.1f, column edge %.1f (+%.1f pt): %s" % (r[-1][2], right, over, text)
            print("%-8s p%d col x=%d baseline y=%.0f: %s" % (kind, pno, c, y, detail))
        elif a.loose and nat and abs(over) <= 3.0 and len(r) > 1:
            g = statistics.mean(b[0] - x[2] for x, b in zip(r, r[1:])) / nat
            if g > 2.0:
                print("loose %.1fx p%d col x=%d y=%.0f: %s" % (g, pno, c, y, text))


if __name__ == "__main__":
    main()
