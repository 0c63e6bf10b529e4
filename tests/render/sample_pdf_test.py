#!/usr/bin/env python3
"""The sample issue's PDF, end to end, as the tools people check PDFs with see it.

    sample_pdf_test.py GALLEY SAMPLE_DIR LAYOUT

Builds SAMPLE_DIR in LAYOUT with `galley build -f pdf`, then checks:
  - pdftotext: every word of every article (headline, deck, body, captions;
    blocks marked edition="digital" aside) comes back, and each paragraph's
    words come back in their order (other text may sit between them: a
    paragraph goes on in the next column or on a later page);
  - pdffonts: every font is embedded;
  - pdfinfo: the PDF is tagged and every page has the layout's trim size;
  - qpdf --qdf: everything a page paints (text, paths, images, shadings)
    is inside a marked-content sequence of a structure element (one with
    an /MCID) or an /Artifact sequence, and the sequences are balanced;
  - a second build gives the same bytes.
Python 3 standard library, poppler-utils and qpdf.
"""
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

XML_NS = "{http://www.w3.org/XML/1998/namespace}"
# Trim sizes of the bundled layouts, pt (A4, tabloid, broadsheet, letter...):
# read from `galley layouts --dump` instead of being written here twice.


def fail(msg):
    print("FAIL: " + msg)
    sys.exit(1)


def words_of(text):
    # Words, case folded (kickers and running heads may be set in capitals):
    # letters, digits, marks (Khmer vowel signs) and apostrophes.
    return [w.casefold() for w in re.findall(r"[\w’'\u0300-\u036f\u0e31-\u0e4e\u1780-\u17ff]+", text)]


def text_of(el):
    """The element's text, a line break counting as a space."""
    parts = [el.text or ""]
    for child in el:
        parts.append(" " if local(child.tag) == "br" else text_of(child))
        parts.append(child.tail or "")
    return "".join(parts)


def local(tag):
    return tag.split("}", 1)[1] if "}" in tag else tag


def paragraphs(article_path):
    """The article's print text, one list of words per text block."""
    root = ET.parse(article_path).getroot()
    out = []

    def walk(el, digital):
        digital = digital or el.get("edition") == "digital"
        name = local(el.tag)
        if name in ("related", "meta", "rights"):
            return
        if name in ("headline", "kicker", "deck", "p", "caption", "credit", "subhead", "attribution",
                    "byline", "dateline", "li", "td", "th", "tagline", "correction"):
            if not digital:
                text = text_of(el)
                w = words_of(text)
                if w:
                    out.append((name, w))
            return
        for child in el:
            walk(child, digital)

    walk(root, False)
    return out


# Content-stream tokens: strings, hex strings, names, dictionary and array
# brackets, and runs of regular characters (numbers and operators).
CONTENT_TOKEN = re.compile(rb"\((?:\\.|[^\\)])*\)|<<|>>|<[0-9a-fA-F\s]*>|/[^\s/\[\]()<>]+|[^\s/\[\]()<>%]+|\[|\]")
PAINTS = {b"Tj", b"TJ", b"'", b'"', b"Do", b"sh", b"S", b"s", b"f", b"F", b"f*", b"B", b"B*", b"b", b"b*", b"BI"}


def unmarked_painting(qdf):
    """(page, operator) for each painting operator outside an element's or
    an artifact's marked content in a QDF file; raises on unbalanced ones.
    (cairo writes no inline images, whose data this does not skip.)"""
    found = []
    pages = re.findall(rb"%% Contents for page (\d+)\n(?:%%[^\n]*\n)*\d+ 0 obj\n.*?stream\n(.*?)endstream", qdf, re.S)
    if not pages:
        fail("qpdf --qdf shows no page contents")
    for page, content in pages:
        stack, operands = [], []
        for tok in CONTENT_TOKEN.findall(content):
            if tok in (b"BDC", b"BMC"):
                stack.append(operands[:1] == [b"/Artifact"] or b"/MCID" in operands)
            elif tok == b"EMC":
                if not stack:
                    fail("page %s: EMC without a sequence to close" % page.decode())
                stack.pop()
            elif tok in PAINTS and not any(stack):
                found.append((int(page), tok.decode()))
            if re.fullmatch(rb"[A-Za-z'\"][A-Za-z0-9*]*", tok) and tok not in (b"true", b"false", b"null"):
                operands = []
            else:
                operands.append(tok)
        if stack:
            fail("page %s: %d marked-content sequences left open" % (page.decode(), len(stack)))
    return found


def run(cmd, **kw):
    p = subprocess.run(cmd, capture_output=True, text=True, **kw)
    if p.returncode not in (0, 3):
        fail(" ".join(cmd) + " exited " + str(p.returncode) + ":\n" + p.stdout + p.stderr)
    return p.stdout


def main():
    galley, sample, layout = sys.argv[1:4]
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, SOURCE_DATE_EPOCH="1213315200")
        for out in ("a", "b"):
            run([galley, "build", sample, "-f", "pdf", "-l", layout, "-q", "-o", os.path.join(tmp, out)], env=env)
        pdfs = [f for f in os.listdir(os.path.join(tmp, "a")) if f.endswith(".pdf")]
        if len(pdfs) != 1:
            fail("expected one PDF, found %r" % pdfs)
        pdf = os.path.join(tmp, "a", pdfs[0])
        with open(pdf, "rb") as f1, open(os.path.join(tmp, "b", pdfs[0]), "rb") as f2:
            if f1.read() != f2.read():
                fail("two builds gave different bytes")

        # pdftotext: every word, each paragraph in order.
        # -raw: the order the text is drawn in, which is galley's reading
        # order (article by article, column by column, line by line).
        text = run(["pdftotext", "-raw", "-enc", "UTF-8", pdf, "-"])
        # pdftotext puts a space before a Khmer vowel sign drawn over the
        # consonant before it; the sign belongs to that consonant.
        text = re.sub(r"\s+([\u17b6-\u17d3])", r"\1", text)
        # Khmer and Thai have no spaces between words: a line may break, and
        # justification may open a gap, between any two words; the text is
        # still one run.
        text = re.sub(r"(?<=[\u0e00-\u0e7f\u1780-\u17ff])\s+(?=[\u0e00-\u0e7f\u1780-\u17ff])", "", text)
        tokens = []
        joins = set()  # token positions that may join the next across a line end
        unspaced = re.compile(r"[\u0e00-\u0e7f\u1780-\u17ff\u4e00-\u9fff]")  # scripts without spaces
        lines = text.splitlines()
        for n, line in enumerate(lines):
            tokens.extend(words_of(line))
            next_line = lines[n + 1] if n + 1 < len(lines) else ""
            # An e-mail address or URL broken between two syllables of a
            # name, with no hyphen ("letters@phnompenh" | "post.com").
            last = line.split()[-1] if line.split() else ""
            address_name = re.search(r"(@|://|www\.)\S*\w$", last) is not None
            if tokens and (re.search(r"\w-$", line) or address_name or
                           (line and next_line and unspaced.match(line[-1]) and unspaced.match(next_line[0]))):
                joins.add(len(tokens) - 1)
        index = {}
        for i, t in enumerate(tokens):
            index.setdefault(t, []).append(i)
            # A word hyphenated at a line end (or at its own hyphen: "anti-"
            # and "retroviral" give both), a name in an address broken
            # between syllables, a word of a script without spaces broken
            # over lines, or a drop cap drawn apart from its word.
            j, joined = i, t
            while j + 1 < len(tokens) and j - i < 4 and (j in joins or (j == i and len(t) == 1)):
                j += 1
                joined += tokens[j]
                index.setdefault(joined, []).append(j)
        for positions in index.values():
            positions.sort()
        articles = os.path.join(sample, "articles")
        problems = []
        checked = 0
        for name in sorted(os.listdir(articles)):
            if not name.endswith(".xml"):
                continue
            for kind, words in paragraphs(os.path.join(articles, name)):
                checked += len(words)
                missing = [w for w in words if w not in index]
                if missing:
                    problems.append("%s: %s: not in the PDF text: %s" % (name, kind, " ".join(missing[:8])))
                    continue
                # In order: each word after the previous one, starting from
                # any place the first word appears.
                def in_order(start):
                    pos = start
                    for w in words[1:]:
                        later = [i for i in index[w] if i > pos]
                        if not later:
                            return False
                        pos = later[0]
                    return True
                if not any(in_order(s) for s in index[words[0]]):
                    # Name the first word that breaks the order.
                    best = 0
                    for s0 in index[words[0]]:
                        pos, n = s0, 1
                        for w in words[1:]:
                            later = [i for i in index[w] if i > pos]
                            if not later:
                                break
                            pos, n = later[0], n + 1
                        best = max(best, n)
                    problems.append("%s: %s: words out of order after %r: %s ..." %
                                    (name, kind, " ".join(words[max(0, best - 4):best]), " ".join(words[:8])))
        for p in problems:
            print(p)
        if problems:
            fail("%d text blocks did not come back whole" % len(problems))

        # pdffonts: all embedded.
        fonts = run(["pdffonts", pdf]).splitlines()[2:]
        if not fonts:
            fail("pdffonts lists no fonts")
        for line in fonts:
            cols = line.split()
            # name type [encoding] emb sub uni object ID: emb is the 5th field from the end
            if cols[-5] != "yes":
                fail("font not embedded: " + line)

        # pdfinfo: tagged, every page at trim size.
        info = run(["pdfinfo", "-f", "1", "-l", "9999", pdf])
        if not re.search(r"^Tagged:\s+yes", info, re.M):
            fail("pdfinfo does not say Tagged: yes")
        dump = run([galley, "layouts", "--dump", layout])
        w = re.search(r"^\s*page\.width\s*=\s*(\S+)", dump, re.M)
        h = re.search(r"^\s*page\.height\s*=\s*(\S+)", dump, re.M)
        if not (w and h):
            fail("galley layouts --dump gives no page.width/page.height")

        def pt(v):
            m = re.fullmatch(r"([\d.]+)(mm|pt|in|cm)", v)
            if not m:
                fail("cannot read the length " + v)
            return float(m.group(1)) * {"mm": 72 / 25.4, "pt": 1, "in": 72, "cm": 72 / 2.54}[m.group(2)]

        want = (pt(w.group(1)), pt(h.group(1)))
        sizes = re.findall(r"^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", info, re.M)
        if not sizes:
            fail("pdfinfo shows no page sizes")
        for i, (pw, ph) in enumerate(sizes, 1):
            if abs(float(pw) - want[0]) > 0.05 or abs(float(ph) - want[1]) > 0.05:
                fail("page %d is %s x %s pt, the layout says %.2f x %.2f" % (i, pw, ph, want[0], want[1]))
        # qpdf: nothing painted outside the structure tree but artifacts.
        qdf = os.path.join(tmp, "qdf.pdf")
        subprocess.run(["qpdf", "--qdf", "--object-streams=disable", pdf, qdf], check=True)
        with open(qdf, "rb") as f:
            loose = unmarked_painting(f.read())
        if loose:
            fail("%d painting operators belong to no element and are not artifacts, the first on page %d (%s)"
                 % (len(loose), loose[0][0], loose[0][1]))
        print("ok: %s, %d pages, %d words checked, %d fonts embedded" % (layout, len(sizes), checked, len(fonts)))


if __name__ == "__main__":
    main()
