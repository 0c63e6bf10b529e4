#!/usr/bin/env python3
"""Justified Arabic in the PDF: kashidas even out its word spaces, and its text
still extracts as written.

    arabic_pdf_test.py GALLEY WORK_DIR

Writes an issue of one Arabic article (the preamble of the Universal
Declaration of Human Rights) into WORK_DIR, builds it in tabloid and in a
layout that extends tabloid with kashida-max="0", then checks:
  - without kashidas galley warns of loose lines (W-TEXT-LOOSE); with them
    it does not;
  - with kashidas the PDF draws more glyphs per cluster (the tatweels share
    the cluster of the letter before them: qpdf shows more /ActualText spans);
  - pdftotext gives back the article's letters in both builds, and with
    kashidas the very sequence it gives without them, with no tatweel
    (U+0640) the author did not write.
Python 3 standard library, poppler-utils and qpdf only.
"""
import os
import re
import subprocess
import sys

PARAGRAPHS = [
            "لمّا كان الاعتراف بالكرامة المتأصلة في جميع أعضاء الأسرة البشرية وبحقوقهم المتساوية الثابتة هو أساس الحرية والعدل والسلام في العالم.",
            "ولما كان تناسي حقوق الإنسان وازدراؤها قد أفضيا إلى أعمال همجية آذت الضمير الإنساني. وكان غاية ما يرنو إليه عامة البشر انبثاق عالم يتمتع فيه الفرد بحرية القول والعقيدة ويتحرر من الفزع والفاقة.",
            "ولما كان من الضروري أن يتولى القانون حماية حقوق الإنسان لكيلا يضطر المرء آخر الأمر إلى التمرد على الاستبداد والظلم.",
            "ولما كانت شعوب الأمم المتحدة قد أكدت في الميثاق من جديد إيمانها بحقوق الإنسان الأساسية وبكرامة الفرد وقدره وبما للرجال والنساء من حقوق متساوية وحزمت أمرها على أن تدفع بالرقي الاجتماعي قدمًا وأن ترفع مستوى الحياة في جو من الحرية أفسح.",
            "ولما كانت الدول الأعضاء قد تعهدت بالتعاون مع الأمم المتحدة على ضمان إطراد مراعاة حقوق الإنسان والحريات الأساسية واحترامها.",
            "ولما كان للإدراك العام لهذه الحقوق والحريات الأهمية الكبرى للوفاء التام بهذا التعهد.",
]
HEADLINE = "الإعلان العالمي لحقوق الإنسان"


def fail(msg):
    print("FAIL: " + msg)
    sys.exit(1)


def run(cmd):
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode != 0:
        fail(" ".join(cmd) + " exited " + str(p.returncode) + ":\n" + p.stdout + p.stderr)
    return p


def letters(text):
    # The Arabic letters and marks, in order: spaces, line ends and the
    # bidi controls pdftotext adds around right-to-left lines left out.
    return re.sub(r"[^\u0600-\u06ff]", "", text)


def write_issue(root):
    os.makedirs(os.path.join(root, "articles"), exist_ok=True)
    with open(os.path.join(root, "issue.xml"), "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n'
                '<issue id="udhr-ar" xml:lang="ar"><publication>Test</publication><title>Test</title>'
                '<date>2008-06-13</date><section title="World"><article src="articles/preamble.xml"/>'
                '</section></issue>\n')
    body = "".join("<p>%s</p>\n" % p for p in PARAGRAPHS)
    with open(os.path.join(root, "articles", "preamble.xml"), "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n'
                '<article id="preamble" xml:lang="ar"><meta><section>World</section>'
                '<published>2008-06-13</published><priority>1</priority></meta>'
                '<head><headline>%s</headline></head><body>\n%s</body></article>\n' % (HEADLINE, body))
    layout = os.path.join(root, "no-kashida.xml")
    with open(layout, "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n'
                '<layout name="no-kashida" extends="tabloid" description="tabloid without kashidas">'
                '<style name="body" kashida-max="0"/></layout>\n')
    return layout


def build(galley, root, layout, out):
    p = run([galley, "build", root, "-f", "pdf", "--layout", layout, "-o", out, "-q"])
    pdf = os.path.join(out, "udhr-ar.pdf")
    text = run(["pdftotext", "-enc", "UTF-8", pdf, "-"]).stdout
    qdf = os.path.join(out, "qdf.pdf")
    run(["qpdf", "--qdf", "--object-streams=disable", pdf, qdf])
    with open(qdf, "rb") as f:
        spans = f.read().count(b"/ActualText")
    return p.stderr, text, spans


def main():
    galley, work = sys.argv[1], sys.argv[2]
    root = os.path.join(work, "issue")
    plain_layout = write_issue(root)
    with_err, with_text, with_spans = build(galley, root, "tabloid", os.path.join(work, "with"))
    plain_err, plain_text, plain_spans = build(galley, root, plain_layout, os.path.join(work, "without"))
    if "W-TEXT-LOOSE" not in plain_err:
        fail("without kashidas no loose line was reported: the test no longer shows anything\n" + plain_err)
    if "W-TEXT-LOOSE" in with_err:
        fail("with kashidas a loose line is still reported:\n" + with_err)
    if with_spans <= plain_spans:
        fail("no tatweels drawn: %d ActualText spans with kashidas, %d without" % (with_spans, plain_spans))
    # poppler reads a few Arabic clusters in its own way whatever galley
    # does (a lam-alef ligature comes back as alef-lam, a mark at a line's
    # start stands apart), so: the same letters as written, and with
    # kashidas exactly the letters pdftotext gives without them.
    expected = letters(HEADLINE + "".join(PARAGRAPHS))
    for name, text in (("with kashidas", with_text), ("without", plain_text)):
        if "\u0640" in text:
            fail(name + ": pdftotext gives a tatweel")
        if sorted(letters(text)) != sorted(expected):
            fail(name + ": pdftotext does not give back the article's letters")
    got, want = letters(with_text), letters(plain_text)
    if got != want:
        i = next((k for k in range(min(len(got), len(want))) if got[k] != want[k]), min(len(got), len(want)))
        fail("with kashidas the letters differ at %d: %r, without %r" % (i, got[i - 10:i + 10], want[i - 10:i + 10]))
    print("ok: %d letters back in both; %d ActualText spans with kashidas, %d without" % (len(expected), with_spans, plain_spans))


if __name__ == "__main__":
    main()
