#!/usr/bin/env python3
"""Khmer and Thai in the PDF extract as written, in pdftotext's own reading.

    stacking_pdf_test.py GALLEY WORK_DIR

HarfBuzz moves the vowel signs and subscripts of Khmer and Thai up, down or
before their consonant. Mapped glyph by glyph, poppler put a raised vowel
on a line of its own ("សេចក្ដប្រ" / "ី កាសជា...") and a tone mark after the
vowel below it ("ทัง้"). galley gives cairo each stretch of such text as one
cluster, which cairo writes as /ActualText over its glyphs. Writes an issue
of two articles (the Universal Declaration of Human Rights, preamble, in
Khmer and Thai) into WORK_DIR, builds it in tabloid, then checks, in
pdftotext's default (layout-guessing) mode:
  - every headline and deck comes back as written (its lines joined);
  - no line of the output begins with a combining mark (a mark cut off its
    letter);
  - every letter of the body comes back (in -raw mode, in order).
Python 3 standard library and poppler-utils only.
"""
import os
import re
import subprocess
import sys
import unicodedata

ARTICLES = {
    "km": ("សេចក្ដីប្រកាសជាសកលស្ដីពីសិទ្ធិមនុស្ស",
           "អនុម័តនិងប្រកាសដោយសេចក្ដីសម្រេចចិត្ដនៃមហាសន្និបាត",
           ["ដោយយល់ឃើញថា ការទទួលស្គាល់សេចក្ដីថ្លៃថ្នូរជាប់ពីកំណើត និងសិទ្ធិស្មើភាពគ្នា "
            "និងសិទ្ធិមិនអាចលក់ដូរផ្ទេរ ឬដកហូតបានរបស់សមាជិកទាំងអស់នៃគ្រួសារមនុស្ស "
            "គឺជាគ្រឹះនៃសេរីភាព យុត្ដិធម៌ និងសន្ដិភាពក្នុងពិភពលោក។",
            "ដោយយល់ឃើញថា ការមិនទទួលស្គាល់ និងការប្រមាថមើលងាយសិទ្ធិមនុស្ស នាំឱ្យមានអំពើព្រៃផ្សៃ "
            "សាហាវយង់ឃ្នង ធ្វើឱ្យក្ដៅក្រហាយដល់សតិសម្បជញ្ញៈមនុស្សជាតិ។"]),
    "th": ("ปฏิญญาสากลว่าด้วยสิทธิมนุษยชน",
           "ได้รับการรับรองและประกาศโดยข้อมติสมัชชาสหประชาชาติ",
           ["โดยที่การยอมรับนับถือเกียรติศักดิ์ประจำตัว และสิทธิเท่าเทียมกันและโอนมิได้ของบรรดาสมาชิก"
            "ทั้งหลายแห่งครอบครัวมนุษย์ เป็นหลักมูลเหตุแห่งอิสรภาพ ความยุติธรรม และสันติภาพในโลก",
            "โดยที่การไม่นำพาและการเหยียดหยามต่อสิทธิมนุษยชน ยังผลให้มีการหระทำอันป่าเถื่อน "
            "ซึ่งเป็นการละเมิดมโนธรรมของมนุษยชาติอย่างร้ายแรง"]),
}


def fail(msg):
    print("FAIL: " + msg)
    sys.exit(1)


def run(cmd):
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode != 0:
        fail(" ".join(cmd) + " exited " + str(p.returncode) + ":\n" + p.stdout + p.stderr)
    return p


def squeeze(text):
    return re.sub(r"\s+", "", unicodedata.normalize("NFC", text))


def write_issue(root):
    os.makedirs(os.path.join(root, "articles"), exist_ok=True)
    refs = "".join('<article src="articles/%s.xml"/>' % lang for lang in ARTICLES)
    with open(os.path.join(root, "issue.xml"), "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n'
                '<issue id="udhr-sea" xml:lang="en"><publication>Test</publication><title>Test</title>'
                '<date>2008-06-13</date><section title="World">%s</section></issue>\n' % refs)
    for lang, (headline, deck, paragraphs) in ARTICLES.items():
        body = "".join("<p>%s</p>\n" % p for p in paragraphs)
        with open(os.path.join(root, "articles", lang + ".xml"), "w", encoding="utf-8") as f:
            f.write('<?xml version="1.0" encoding="UTF-8"?>\n'
                    '<article id="udhr-%s" xml:lang="%s"><meta><section>World</section>'
                    '<published>2008-06-13</published><priority>1</priority></meta>'
                    '<head><headline>%s</headline><deck>%s</deck></head><body>\n%s</body></article>\n'
                    % (lang, lang, headline, deck, body))


def main():
    galley, work = sys.argv[1], sys.argv[2]
    root = os.path.join(work, "issue")
    out = os.path.join(work, "out")
    write_issue(root)
    run([galley, "build", root, "-f", "pdf", "--layout", "tabloid", "-o", out, "-q"])
    pdf = os.path.join(out, "udhr-sea.pdf")
    text = run(["pdftotext", "-enc", "UTF-8", pdf, "-"]).stdout
    raw = run(["pdftotext", "-raw", "-enc", "UTF-8", pdf, "-"]).stdout
    lines = [l.strip() for l in text.splitlines()]
    for lang, (headline, deck, paragraphs) in ARTICLES.items():
        for what, line in (("headline", headline), ("deck", deck)):
            # A head may wrap: its lines, joined, as written.
            if squeeze(line) not in squeeze(text):
                fail("%s %s does not come back as written: %r not in\n%s" % (lang, what, line, "\n".join(lines[:12])))
        if squeeze("".join(paragraphs)) not in squeeze(raw):
            fail(lang + ": the body's letters do not come back in order (pdftotext -raw)")
    cut = [l for l in lines if l and unicodedata.category(l[0]).startswith("M")]
    if cut:
        fail("lines that begin with a mark cut off its letter: %r" % cut[:5])
    print("ok: headlines and decks as written, %d lines, none begins with a mark" % len(lines))


if __name__ == "__main__":
    main()
