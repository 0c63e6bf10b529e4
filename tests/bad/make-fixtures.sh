#!/bin/sh
# Regenerates every committed fixture of the bad-input suite:
#   tests/bad/cases/<case>/   one small issue folder per case
#   tests/bad/outside/        what the runner puts NEXT TO each case folder
#                             (a secret, real images, an article), so that a
#                             path that escapes finds something real to read
#
# Python 3 standard library only (zlib, struct, gzip): the JPEG, PNG and GIF
# files are written byte by byte here, so the output is the same on every
# machine. Run it after changing a case, and commit what it writes:
#
#   sh tests/bad/make-fixtures.sh
#
# What a case is expected to do lives in tests/bad/README.md, not here.
# Large inputs (the 8 MiB boundary, 10 MB and 1 MB texts, 100,000 attributes)
# and everything git cannot hold (FIFOs, devices, symbolic links) are made at
# test time by the runner from the `setup` column of that table.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
exec python3 - "$here" <<'PY'
import gzip, io, math, os, shutil, struct, sys, zlib

HERE = sys.argv[1]
CASES = os.path.join(HERE, "cases")
OUTSIDE = os.path.join(HERE, "outside")

# --------------------------------------------------------------------------
# Images
# --------------------------------------------------------------------------

# JPEG (ITU T.81): a greyscale encoder, baseline or progressive (spectral
# selection only), with the standard Huffman tables of Annex K.
DC_BITS = [0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0]
DC_VALS = list(range(12))
AC_BITS = [0, 2, 1, 3, 3, 2, 4, 3, 5, 5, 4, 4, 0, 0, 1, 0x7D]
AC_VALS = bytes.fromhex(
    "01020300041105122131410613516107227114328191a1082342b1c11552d1f0"
    "2433627282090a161718191a25262728292a3435363738393a434445464748494a"
    "535455565758595a636465666768696a737475767778797a838485868788898a"
    "92939495969798999aa2a3a4a5a6a7a8a9aab2b3b4b5b6b7b8b9bac2c3c4c5c6"
    "c7c8c9cad2d3d4d5d6d7d8d9dae1e2e3e4e5e6e7e8e9eaf1f2f3f4f5f6f7f8f9fa")
ZIGZAG = [0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27,
          20, 13, 6, 7, 14, 21, 28, 35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51,
          58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63]
QUANT = 8
assert sum(AC_BITS) == len(AC_VALS) == 162


def huffman_codes(bits, vals):
    table, code, k = {}, 0, 0
    for length in range(1, 17):
        for _ in range(bits[length - 1]):
            table[vals[k]] = (code, length)
            k += 1
            code += 1
        code <<= 1
    return table


DC_CODES = huffman_codes(DC_BITS, DC_VALS)
AC_CODES = huffman_codes(AC_BITS, AC_VALS)


class BitWriter:
    def __init__(self):
        self.out = bytearray()
        self.acc = 0
        self.n = 0

    def put(self, value, length):
        for i in range(length - 1, -1, -1):
            self.acc = (self.acc << 1) | ((value >> i) & 1)
            self.n += 1
            if self.n == 8:
                self.out.append(self.acc)
                if self.acc == 0xFF:
                    self.out.append(0x00)  # byte stuffing
                self.acc = self.n = 0

    def finish(self):
        while self.n != 0:
            self.put(1, 1)  # pad with one bits
        return bytes(self.out)


def magnitude(v):
    s = abs(v).bit_length()
    return s, (v if v >= 0 else v + (1 << s) - 1)


def segment(marker, payload):
    return bytes([0xFF, marker]) + struct.pack(">H", len(payload) + 2) + payload


def jpeg_blocks(width, height, pixel):
    """Quantised coefficients (zigzag order) of every 8x8 block, row-major."""
    cos = [[math.cos((2 * x + 1) * u * math.pi / 16) for x in range(8)] for u in range(8)]
    blocks = []
    for by in range(0, height, 8):
        for bx in range(0, width, 8):
            px = [[pixel(min(bx + x, width - 1), min(by + y, height - 1)) - 128 for x in range(8)]
                  for y in range(8)]
            coef = [0] * 64
            for v in range(8):
                for u in range(8):
                    s = sum(px[y][x] * cos[u][x] * cos[v][y] for y in range(8) for x in range(8))
                    cu = 1 / math.sqrt(2) if u == 0 else 1.0
                    cv = 1 / math.sqrt(2) if v == 0 else 1.0
                    coef[v * 8 + u] = int(round(0.25 * cu * cv * s / QUANT))
            blocks.append([coef[ZIGZAG[k]] for k in range(64)])
    return blocks


def encode_dc(w, blocks):
    prev = 0
    for b in blocks:
        s, bits = magnitude(b[0] - prev)
        prev = b[0]
        code, length = DC_CODES[s]
        w.put(code, length)
        if s:
            w.put(bits, s)


def encode_ac(w, blocks, ss, se):
    for b in blocks:
        run = 0
        for k in range(ss, se + 1):
            if b[k] == 0:
                run += 1
                continue
            while run > 15:
                w.put(*AC_CODES[0xF0])
                run -= 16
            s, bits = magnitude(b[k])
            w.put(*AC_CODES[(run << 4) | s])
            w.put(bits, s)
            run = 0
        if run:
            w.put(*AC_CODES[0x00])  # end of block (EOBRUN 1 in a progressive scan)


def jpeg_header(width, height, sof):
    out = b"\xFF\xD8"
    out += segment(0xE0, b"JFIF\x00\x01\x01\x01\x00\x48\x00\x48\x00\x00")  # 72 dpi
    out += segment(0xDB, b"\x00" + bytes([QUANT]) * 64)
    out += segment(sof, b"\x08" + struct.pack(">HH", height, width) + b"\x01\x01\x11\x00")
    out += segment(0xC4, b"\x00" + bytes(DC_BITS) + bytes(DC_VALS) + b"\x10" + bytes(AC_BITS) + AC_VALS)
    return out


def sos(ss, se):
    return segment(0xDA, bytes([1, 1, 0x00, ss, se, 0x00]))


def gradient(x, y):
    return (x * 11 + y * 7) % 256


def jpeg(width=16, height=16, pixel=gradient, progressive=False):
    blocks = jpeg_blocks(width, height, pixel)
    if not progressive:
        w = BitWriter()
        prev = 0
        for b in blocks:
            s, bits = magnitude(b[0] - prev)
            prev = b[0]
            w.put(*DC_CODES[s])
            if s:
                w.put(bits, s)
            encode_ac(w, [b], 1, 63)
        return jpeg_header(width, height, 0xC0) + sos(0, 63) + w.finish() + b"\xFF\xD9"
    out = jpeg_header(width, height, 0xC2)
    w = BitWriter()
    encode_dc(w, blocks)
    out += sos(0, 0) + w.finish()
    for ss, se in ((1, 5), (6, 20), (21, 63)):
        w = BitWriter()
        encode_ac(w, blocks, ss, se)
        out += sos(ss, se) + w.finish()
    return out + b"\xFF\xD9"


def jpeg_many_scans(scans):
    """A progressive 8x8 JPEG: a DC scan, then one AC scan (band 1..1) repeated."""
    blocks = jpeg_blocks(8, 8, gradient)
    out = jpeg_header(8, 8, 0xC2)
    w = BitWriter()
    encode_dc(w, blocks)
    out += sos(0, 0) + w.finish()
    w = BitWriter()
    encode_ac(w, blocks, 1, 1)
    scan = sos(1, 1) + w.finish()
    return out + scan * (scans - 1) + b"\xFF\xD9"


def jpeg_with_size(width, height):
    """A 16x16 JPEG whose frame header claims width x height."""
    data = bytearray(jpeg())
    sof = data.index(b"\xFF\xC0")
    data[sof + 5:sof + 9] = struct.pack(">HH", height, width)
    return bytes(data)


def jpeg_corrupt_data():
    """Valid markers, entropy-coded data that is no Huffman code at all."""
    return jpeg_header(16, 16, 0xC0) + sos(0, 63) + b"\xFF\x00" * 24 + b"\xFF\xD9"


def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def png_from_rows(width, height, depth, colour, rows, extra=b""):
    ihdr = struct.pack(">IIBBBBB", width, height, depth, colour, 0, 0, 0)
    comp = zlib.compressobj(9)
    idat = b"".join(comp.compress(r) for r in rows) + comp.flush()
    return (PNG_SIGNATURE + chunk(b"IHDR", ihdr) + extra + chunk(b"IDAT", idat) + chunk(b"IEND", b""))


def png(width=16, height=16):
    rows = (b"\x00" + bytes(v for x in range(width) for v in ((x * 15) % 256, (y * 15) % 256, 128))
            for y in range(height))
    return png_from_rows(width, height, 8, 2, rows)


def png_bilevel(width, height):
    """A 1-bit greyscale PNG, all black: the densest decompression bomb."""
    row = b"\x00" + b"\x00" * ((width + 7) // 8)
    return png_from_rows(width, height, 1, 0, (row for _ in range(height)))


def png_with_size(width, height):
    """A 16x16 PNG whose IHDR claims width x height (with a correct CRC)."""
    data = bytearray(png())
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    data[8:8 + 25] = chunk(b"IHDR", ihdr)
    return bytes(data)


def png_bad_crc():
    data = bytearray(png())
    idat = data.index(b"IDAT")
    data[idat + 6] ^= 0x55  # inside the compressed data; the CRC no longer matches
    return bytes(data)


def png_bad_zlib():
    ihdr = struct.pack(">IIBBBBB", 16, 16, 8, 2, 0, 0, 0)
    garbage = b"\x78\x9c" + bytes((i * 37 + 11) % 256 for i in range(64))
    return PNG_SIGNATURE + chunk(b"IHDR", ihdr) + chunk(b"IDAT", garbage) + chunk(b"IEND", b"")


def png_ztxt_bomb(megabytes):
    comp = zlib.compressobj(9)
    text = b"".join(comp.compress(b"\x00" * (1 << 20)) for _ in range(megabytes)) + comp.flush()
    ztxt = chunk(b"zTXt", b"Comment\x00\x00" + text)
    data = png()
    iend = data.index(b"IEND") - 4
    return data[:iend] + ztxt + data[iend:]


def png_huge_chunk_length():
    data = bytearray(png())
    idat = data.index(b"IDAT") - 4
    data[idat:idat + 4] = struct.pack(">I", 0x7FFFFFF0)
    return bytes(data)


def gif(width=8, height=8, screen=None):
    """An uncompressed-style GIF: a clear code before every two pixels, so the
    LZW code width never grows past 3 bits."""
    sw, sh = screen or (width, height)
    out = b"GIF89a" + struct.pack("<HH", sw, sh) + b"\x80\x00\x00" + b"\x00\x00\x00\xff\xff\xff"
    out += b"\x2C" + struct.pack("<HHHH", 0, 0, width, height) + b"\x00"
    codes = []
    pixels = [(x + y) & 1 for y in range(height) for x in range(width)]
    for i in range(0, len(pixels), 2):
        codes.append(4)  # clear
        codes.extend(pixels[i:i + 2])
    codes.append(5)  # end of information
    acc = n = 0
    data = bytearray()
    for c in codes:
        acc |= c << n
        n += 3
        while n >= 8:
            data.append(acc & 0xFF)
            acc >>= 8
            n -= 8
    if n:
        data.append(acc & 0xFF)
    out += b"\x02"
    for i in range(0, len(data), 255):
        part = data[i:i + 255]
        out += bytes([len(part)]) + part
    return out + b"\x00\x3B"


def webp():
    body = b"WEBPVP8L" + struct.pack("<I", 5) + b"\x2f\x00\x00\x00\x00" + b"\x00"
    return b"RIFF" + struct.pack("<I", len(body)) + body


SVG_OK = ('<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20" viewBox="0 0 40 20">\n'
          '  <rect width="40" height="20" fill="#246"/>\n</svg>\n')


def svg(inner, head="", attrs=' width="40" height="20"'):
    return (head + '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"'
            + attrs + '>\n' + inner + '\n</svg>\n')


# --------------------------------------------------------------------------
# Articles and manifests
# --------------------------------------------------------------------------

DECL = '<?xml version="1.0" encoding="UTF-8"?>\n'


def article(body='    <p>Text.</p>', ident="story", headline="A headline", decl=DECL, doctype="",
            published="2024-06-14", root_attrs="", meta_extra=""):
    """Line 1 the declaration (plus `doctype` lines), then: article, meta,
    head, <body>, and the body content starting at line 6 (without doctype)."""
    meta = "<published>%s</published>" % published if published else ""
    return (decl + doctype +
            '<article id="%s" xml:lang="en"%s>\n' % (ident, root_attrs) +
            "  <meta>%s%s</meta>\n" % (meta, meta_extra) +
            "  <head><headline>%s</headline></head>\n" % headline +
            "  <body>\n" + body + "\n  </body>\n</article>\n")


def figure(src, alt="A photo"):
    return '    <figure placement="inline"><image src="%s" alt="%s"/></figure>' % (src, alt)


def manifest(articles=("story.xml",), logo="", title="", head=DECL, doctype=""):
    """issue.xml: the first <article src> is on line 7 (line 3 holds the
    publication and the title, line 5 the logo, line 6 the section)."""
    lines = [head.rstrip("\n")] if head else []
    if doctype:
        lines.append(doctype.rstrip("\n"))
    lines += ['<issue id="bad-input" xml:lang="en">',
              "  <publication>The Bad Input Gazette</publication>" + title,
              "  <date>2024-06-14</date>",
              "  " + (logo or "<!-- no logo -->"),
              '  <section title="News">']
    lines += ['    <article src="%s"/>' % a for a in articles]
    lines += ["  </section>", "</issue>"]
    return "\n".join(lines) + "\n"


FILL = "@FILL@"
ATTRS = "@ATTRS@"

# --------------------------------------------------------------------------
# The cases
# --------------------------------------------------------------------------

cases = {}


def case(name, files):
    assert name not in cases, name
    cases[name] = files


def with_photo(files, name="img/photo.jpg"):
    files = dict(files)
    files[name] = jpeg()
    return files


def image_case(name, image_name, data, src=None):
    case(name, {"story.xml": article(figure(src or image_name)), image_name: data})


# XML: well-formedness and encodings -------------------------------------
case("xml-malformed", {"story.xml": article("    <p>One paragraph.</p>\n    <p>two</q>")})
case("xml-malformed-ok", {"story.xml": article("    <p>One paragraph.</p>\n    <p>two</p>")})
case("xml-empty-file", {"story.xml": b""})
case("xml-bom-only", {"story.xml": b"\xEF\xBB\xBF"})
case("xml-whitespace-only", {"story.xml": b"  \n\t\n  "})
case("xml-bom-ok", {"story.xml": b"\xEF\xBB\xBF" + article().encode()})
case("xml-not-utf8", {"story.xml": article("    <p>Caf\x00 au lait.</p>").encode().replace(b"\x00", b"\xE9")})
case("xml-latin1-declared-ok", {"story.xml": article(
    "    <p>Caf\u00e9 au lait.</p>", decl='<?xml version="1.0" encoding="ISO-8859-1"?>\n').encode("latin-1")})
case("xml-utf16-ok", {"story.xml": article(
    "    <p>Caf\u00e9 au lait.</p>", decl='<?xml version="1.0" encoding="UTF-16"?>\n').encode("utf-16")})
case("xml-utf8-overlong", {"story.xml": article("    <p>a\x00b</p>").encode().replace(b"\x00", b"\xC0\xAF")})
case("xml-utf8-surrogate", {"story.xml": article("    <p>a\x00b</p>").encode().replace(b"\x00", b"\xED\xA0\x80")})
case("xml-nul-byte", {"story.xml": article("    <p>a\x00b</p>").encode()})
case("xml-c0-control", {"story.xml": article("    <p>a\x01b</p>").encode()})
case("xml-escape-sequence", {"story.xml": article("    <p>a\x1b[2J\x1b]0;owned\x07b</p>").encode()})
case("xml-control-charref", {"story.xml": article("    <p>a&#x1b;[2Jb&#1;</p>")})
case("xml-noncharacter-fffe", {"story.xml": article("    <p>a\ufffeb</p>")})
case("xml-undefined-entity", {"story.xml": article("    <p>a&nbsp;b</p>")})
case("xml-gzip", {"story.xml": gzip.compress(
    article(headline="GZIP-PAYLOAD-WAS-DECOMPRESSED").encode(), mtime=0)})
case("xml-encoding-conversion-error", {"story.xml": article(decl='<?xml version="1.0" encoding="UTF-32"?>\n')})
case("xml-encoding-unsupported", {"story.xml": article(decl='<?xml version="1.0" encoding="EBCDIC"?>\n')})
case("xml-encoding-utf7", {"story.xml": article(decl='<?xml version="1.0" encoding="UTF-7"?>\n')})
case("xml-cdata-ok", {"story.xml": article("    <p><![CDATA[<script>alert(1)</script> & more]]></p>")})
case("xml-namespace", {"story.xml": article(root_attrs=' xmlns="http://example.com/not-galley"')})
case("xml-xinclude", {"story.xml": article(
    '    <p><xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="../secret.txt" parse="text"/></p>')})
case("xml-stylesheet-pi-ok", {"story.xml": article(
    decl=DECL + '<?xml-stylesheet type="text/xsl" href="http://127.0.0.1:47611/style.xsl"?>\n')})
case("xml-xsi-location-ok", {"story.xml": article(root_attrs=(
    ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
    ' xsi:noNamespaceSchemaLocation="http://127.0.0.1:47611/evil.xsd"'))})

# XML: DOCTYPE, entities, DTDs -----------------------------------------------
case("xml-doctype-empty", {"story.xml": article(doctype="<!DOCTYPE article>\n")})
case("xxe-local-file", {"story.xml": article(
    headline="&xxe;", doctype='<!DOCTYPE article [<!ENTITY xxe SYSTEM "../secret.txt">]>\n')})
case("xxe-file-url", {"story.xml": article(
    headline="&xxe;", doctype='<!DOCTYPE article [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n')})
case("xxe-external-dtd", {"story.xml": article(
    doctype='<!DOCTYPE article SYSTEM "http://127.0.0.1:47611/evil.dtd">\n')})
case("xxe-parameter-entity", {"story.xml": article(
    doctype='<!DOCTYPE article [<!ENTITY % dtd SYSTEM "http://127.0.0.1:47611/p.dtd"> %dtd;]>\n')})
case("xxe-manifest", {"issue.xml": manifest(doctype='<!DOCTYPE issue [<!ENTITY xxe SYSTEM "../secret.txt">]>'
                                            ).replace("The Bad Input Gazette", "&xxe;"),
                      "story.xml": article()})
laughs = "".join('<!ENTITY lol%d "%s">\n' % (i, ("&lol%d;" % (i - 1)) * 10) for i in range(1, 10))
case("xml-billion-laughs", {"story.xml": article(
    headline="&lol9;", doctype='<!DOCTYPE article [\n<!ENTITY lol0 "lol">\n' + laughs + "]>\n")})

# XML: nesting, size, attributes ----------------------------------------------
case("xml-deep-nesting", {"story.xml": article("    <p>" + "<em>" * 300 + "deep" + "</em>" * 300 + "</p>")})
case("xml-deep-nesting-ok", {"story.xml": article("    <p>" + "<em>" * 240 + "deep" + "</em>" * 240 + "</p>")})
case("xml-deep-asides-ok", {"story.xml": article(
    "\n".join("<aside>" for _ in range(120)) + "\n<p>deep</p>\n" + "\n".join("</aside>" for _ in range(120)))})
case("xml-many-attributes", {"story.xml": article("    <p" + ATTRS + ">x</p>")})
case("xml-many-namespaces", {"story.xml": article("    <p" + ATTRS + ">x</p>")})
case("xml-many-attributes-utf16", {"story.xml": article(
    "    <p" + "".join(' a%d="x"' % i for i in range(300)) + ">x</p>",
    decl='<?xml version="1.0" encoding="UTF-16"?>\n').encode("utf-16")})
case("xml-huge-text-node", {"story.xml": article("    <p>" + FILL + "</p>")})
case("xml-size-over-limit", {"story.xml": article("    <p>" + FILL + "</p>")})
case("xml-size-at-limit-ok", {"story.xml": article("    <p>" + FILL + "</p>")})
case("text-word-1mb-ok", {"story.xml": article("    <p>" + FILL + "</p>")})
case("text-paragraph-1mb-ok", {"story.xml": article("    <p>" + FILL + "</p>")})
# A letter carrying 300 combining marks ("Zalgo"), beside Vietnamese whose
# letter carries two (decomposed): W-TEXT-MARKS-STACKED for the first only.
case("text-marks-stacked-ok", {"story.xml": article(
    "    <p>Then Z" + "".join(chr(0x300 + k % 48) for k in range(300)) +
    "algo arrived, and Vie\u0302\u0301t text stayed as it was.</p>")})
# A table cell holding one 260-letter word, wider than the page, beside a
# cell of 250 words: the word's column must not squeeze the other to a
# letter a line, and the row, deeper than a column, must go on in the next
# column rather than hang.
case("table-long-word-ok", {"story.xml": article(
    "    <table><row><cell>" + "abcdefghijklmnopqrstuvwxyz" * 10 + "</cell><cell>" +
    " ".join(["lorem"] * 250) + "</cell></row></table>", meta_extra="<priority>5</priority>")})
# An 86-letter word in a table of a two-column article: wider than the
# article's columns, not the page's; the table is set across more columns
# and no word is cut.
case("table-wide-word-ok", {"story.xml": article(
    "    <table><row><cell>" + "abcdefghijklmnopqrstuvwxyz" * 3 + "abcdefgh</cell><cell>one</cell>"
    "<cell>two</cell></row></table>", meta_extra="<priority>5</priority>")})
# One cell of 1,200 words: a row deeper than a page, cut between lines.
case("table-row-1200-words-ok", {"story.xml": article(
    "    <table><row><cell>" + " ".join(["lorem"] * 1200) + "</cell></row></table>")})

# Articles that say nothing -------------------------------------------------
case("article-empty", {"story.xml": DECL + '<article id="story" xml:lang="en"/>\n'})
case("article-headline-only", {"story.xml": DECL + '<article id="story" xml:lang="en">\n'
                               "  <meta><published>2024-06-14</published></meta>\n"
                               "  <head><headline>Only a headline</headline></head>\n</article>\n"})
case("article-empty-body", {"story.xml": article("").replace("  <body>\n\n  </body>", "  <body/>")})
case("article-empty-paragraph-ok", {"story.xml": article("    <p/>")})
case("article-not-an-article", {"page.xml": DECL + "<html>\n  <body><p>Not an article.</p></body>\n</html>\n"})

# Image paths ---------------------------------------------------------------
def path_case(name, src, extra=None, photo="img/photo.jpg"):
    files = with_photo({"story.xml": article(figure(src))}, photo)
    files.update(extra or {})
    case(name, files)


path_case("path-dotdot", "../outside.jpg")
path_case("path-dotdot-ok", "img/sub/../photo.jpg", {"img/sub/other.jpg": jpeg()})
case("path-dotdot-deep", {
    "issue.xml": manifest(("articles/story.xml",)),
    "articles/story.xml": article(figure("../img/sub/../../../outside.jpg")),
    "img/photo.jpg": jpeg(), "img/sub/other.jpg": jpeg()})
case("path-dotdot-deep-ok", {
    "issue.xml": manifest(("articles/story.xml",)),
    "articles/story.xml": article(figure("../img/sub/../photo.jpg")),
    "img/photo.jpg": jpeg(), "img/sub/other.jpg": jpeg()})
path_case("path-percent-encoded", "%2e%2e/outside.jpg")
path_case("path-percent-encoded-slash", "img/..%2f..%2foutside.jpg")
path_case("path-double-encoded", "%252e%252e/outside.jpg")
path_case("path-absolute", "/etc/passwd")
path_case("path-file-url", "file:///etc/passwd")
path_case("path-http-url", "http://127.0.0.1:47611/photo.jpg")
path_case("path-data-url", "data:image/gif;base64,R0lGODlhAQABAAAAACw=")
path_case("path-windows-drive", "C:\\Windows\\win.ini")
path_case("path-windows-unc", "\\\\server\\share\\photo.jpg")
path_case("path-backslash-dotdot", "..\\outside.jpg")
path_case("path-dot", ".")
path_case("path-too-long", "img/" + "sub/../" * 715 + "photo.jpg")
path_case("path-spaces-unicode-ok", "img/my photo caf\u00e9.jpg", photo="img/my photo caf\u00e9.jpg")
path_case("path-uppercase-extension-ok", "img/PHOTO.JPG", photo="img/PHOTO.JPG")
case("path-manifest-article-escapes", {"issue.xml": manifest(("../outside-article.xml",)), "story.xml": article()})
case("path-manifest-absolute", {"issue.xml": manifest(("/etc/passwd",)), "story.xml": article()})
case("path-manifest-logo-escapes", {"issue.xml": manifest(logo='<logo src="../outside.png" alt="Logo"/>'),
                                    "story.xml": article()})
case("path-manifest-logo-ok", {"issue.xml": manifest(logo='<logo src="img/logo.png" alt="Logo"/>'),
                               "story.xml": article(), "img/logo.png": png()})
case("path-manifest-house-ad-escapes", {"issue.xml": manifest(logo='<house-ad src="../outside.png" alt="Ad"/>'),
                                       "story.xml": article()})
case("path-manifest-house-ad-ok", {"issue.xml": manifest(logo='<house-ad src="img/ad.png" alt="Ad"/>'),
                                   "story.xml": article(), "img/ad.png": png()})

# Symbolic links, FIFOs, folders and devices (made by the runner) -----------
for name in ("symlink-escapes", "symlink-absolute-escapes", "symlink-chain-escapes", "symlink-loop",
             "symlink-dangling", "symlink-inside-ok", "symlink-absolute-inside-ok"):
    path_case(name, "img/link.jpg")
path_case("symlink-folder-escapes", "pics/outside.jpg")
path_case("symlink-folder-inside-ok", "pics/photo.jpg")
case("symlink-article-escapes", {"notes.txt": "story.xml is made by the runner: a link to ../secret.txt\n"})
case("symlink-manifest-escapes", {"story.xml": article()})
case("symlink-subfolder-not-entered-ok", {"story.xml": article()})
case("symlink-manifest-folder-escapes", {"issue.xml": manifest(("articles/outside-article.xml",)),
                                         "story.xml": article()})
path_case("special-fifo-image", "img/photo.jpg", photo="img/other.jpg")
path_case("special-folder-image", "img/photo.jpg", photo="img/other.jpg")
path_case("special-dev-zero-link", "img/photo.jpg", photo="img/other.jpg")
path_case("special-dev-zero-node", "img/photo.jpg", photo="img/other.jpg")
case("special-fifo-article", {"notes.txt": "story.xml is made by the runner: a FIFO\n"})
case("special-fifo-manifest", {"story.xml": article()})
case("special-input-dev-zero", {"notes.txt": "the INPUT is /dev/zero\n"})
case("special-input-missing", {"notes.txt": "the INPUT is a path that does not exist\n"})

# Images --------------------------------------------------------------------
image_case("img-jpeg-ok", "img/photo.jpg", jpeg())
image_case("img-jpeg-progressive-ok", "img/photo.jpg", jpeg(progressive=True))
image_case("img-png-ok", "img/photo.png", png())
image_case("img-gif-ok", "img/photo.gif", gif())
image_case("img-svg-ok", "img/photo.svg", SVG_OK.encode())
image_case("img-text-as-jpg", "img/photo.jpg", b"This is a text file, not a photo.\n")
image_case("img-jpeg-as-png", "img/photo.png", jpeg())
image_case("img-png-as-jpg", "img/photo.jpg", png())
image_case("img-no-extension", "img/photo", png())
image_case("img-html-as-svg", "img/photo.svg", b"<html><body><script>alert(1)</script></body></html>\n")
image_case("img-webp", "img/photo.webp", webp())
image_case("img-jpeg-zero-byte", "img/photo.jpg", b"")
image_case("img-jpeg-truncated", "img/photo.jpg", jpeg()[:-40])
image_case("img-jpeg-corrupt-data", "img/photo.jpg", jpeg_corrupt_data())
image_case("img-jpeg-30000", "img/photo.jpg", jpeg_with_size(30000, 30000))
image_case("img-jpeg-many-scans", "img/photo.jpg", jpeg_many_scans(2000))
image_case("img-png-bad-crc", "img/photo.png", png_bad_crc())
image_case("img-png-truncated", "img/photo.png", png()[:60])
image_case("img-png-bad-zlib", "img/photo.png", png_bad_zlib())
image_case("img-png-huge-chunk-length", "img/photo.png", png_huge_chunk_length())
image_case("img-png-30000", "img/photo.png", png_with_size(30000, 30000))
image_case("img-png-bomb", "img/photo.png", png_bilevel(20000, 20000))
image_case("img-png-bomb-in-budget-ok", "img/photo.png", png_bilevel(7000, 7000))
image_case("img-png-ztxt-bomb", "img/photo.png", png_ztxt_bomb(24))
image_case("img-gif-30000", "img/photo.gif", gif(screen=(30000, 30000)))
image_case("img-svg-xxe", "img/photo.svg", svg(
    '  <text y="10">&xxe;</text>', head='<!DOCTYPE svg [<!ENTITY xxe SYSTEM "../../secret.txt">]>\n').encode())
image_case("img-svg-external-href", "img/photo.svg", svg(
    '  <image width="10" height="10" xlink:href="../../secret.txt"/>').encode())
image_case("img-svg-script", "img/photo.svg", svg('  <script>alert(1)</script>').encode())
image_case("img-svg-foreign-object", "img/photo.svg", svg(
    '  <foreignObject width="40" height="20">\n'
    '    <iframe xmlns="http://www.w3.org/1999/xhtml" src="http://127.0.0.1:47611/track"/>\n'
    '  </foreignObject>').encode())
image_case("img-svg-animate-href", "img/photo.svg", svg(
    '  <a href="#x"><set attributeName="href" to="javascript:alert(1)"/>'
    '<rect width="40" height="20"/></a>').encode())
image_case("img-svg-css-escape", "img/photo.svg", svg(
    '  <style>rect { fill: u\\72 l(http://127.0.0.1:47611/x.svg#p) }</style>\n'
    '  <rect width="40" height="20"/>').encode())
image_case("img-svg-many-attributes", "img/photo.svg", svg('  <rect width="40" height="20"' + ATTRS + '/>').encode())
image_case("img-svg-stylesheet-pi", "img/photo.svg", svg(
    '  <rect width="40" height="20"/>',
    head='<?xml-stylesheet type="text/css" href="http://127.0.0.1:47611/s.css"?>\n').encode())
image_case("img-svg-image-set", "img/photo.svg", svg(
    '  <rect width="40" height="20" style="fill: image-set(\'http://127.0.0.1:47611/p.png\' 1x)"/>').encode())
image_case("img-svg-inkscape-ok", "img/photo.svg", svg(
    '  <sodipodi:namedview xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd" id="base"/>\n'
    '  <metadata><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
    'xmlns:cc="http://creativecommons.org/ns#"><cc:Work rdf:about="">'
    '<cc:license rdf:resource="http://creativecommons.org/licenses/by/4.0/"/></cc:Work></rdf:RDF></metadata>\n'
    '  <defs><linearGradient id="g"><stop offset="0" stop-color="#246"/></linearGradient></defs>\n'
    '  <g><rect width="40" height="20" fill="url(#g)"/><use xlink:href="#g"/></g>').encode())
image_case("img-svg-no-size", "img/photo.svg", svg('  <rect width="4" height="2"/>', attrs="").encode())


def use_pyramid(levels, fan, leaf, defs=""):
    body = "  <defs>" + defs + leaf
    for level in range(1, levels + 1):
        body += '<g id="l%d">' % level + ('<use xlink:href="#l%d"/>' % (level - 1)) * fan + "</g>"
    return body + '</defs><use xlink:href="#l%d"/>' % levels


image_case("img-svg-use-bomb", "img/photo.svg", svg(use_pyramid(11, 10, '<rect id="l0" width="4" height="2"/>')).encode())
image_case("img-svg-blur-bomb", "img/photo.svg", svg(use_pyramid(
    8, 4, '<rect id="l0" width="40" height="20" filter="url(#f)"/>',
    '<filter id="f"><feGaussianBlur stdDeviation="30"/></filter>'), attrs=' width="2000" height="2000"').encode())
image_case("img-svg-shadows-ok", "img/photo.svg", svg(use_pyramid(
    2, 4, '<rect id="l0" width="4" height="2" filter="url(#f)"/>',
    '<filter id="f"><feGaussianBlur stdDeviation="1"/></filter>')).encode())

# Tables ----------------------------------------------------------------------
case("table-200-columns", {"story.xml": article(
    '    <table><row>' + "".join("<cell>%d</cell>" % (j + 1) for j in range(200)) + '</row></table>')})
case("table-12-columns-ok", {"story.xml": article(
    '    <table><row>' + "".join("<cell>%d</cell>" % (j + 1) for j in range(12)) + '</row></table>')})
case("table-30-columns-200-rows", {"story.xml": article(
    '    <table>' + "".join("<row>" + "".join("<cell>%d</cell>" % (i * 30 + j) for j in range(30)) + "</row>"
                           for i in range(200)) + '</table>')})
case("table-in-aside-40-columns", {"story.xml": article(
    '    <aside><title>Facts</title><table><row>' + "".join("<cell>%d</cell>" % (j + 1) for j in range(40)) +
    '</row></table><p>After the table.</p></aside>')})

# Ids, titles and text ------------------------------------------------------
case("id-duplicate", {"a.xml": article(ident="story"), "b.xml": article(ident="story")})
case("id-case-differs", {"a.xml": article(ident="story"), "b.xml": article(ident="Story")})
case("id-empty", {"story.xml": article(ident="")})
case("headline-empty", {"story.xml": article(headline=" ")})
case("id-ref-unknown", {"story.xml": article().replace(
    "</article>", '  <end><related><item ref="nowhere"><title>Gone</title></item></related></end>\n</article>')})
case("id-manifest-lists-file-twice", {"issue.xml": manifest(("story.xml", "story.xml")), "story.xml": article()})
case("id-manifest-same-file-two-spellings", {"issue.xml": manifest(("story.xml", "img/../story.xml")),
                                             "story.xml": article(), "img/photo.jpg": jpeg()})
case("title-path-characters-ok", {
    "issue.xml": manifest(title="<title>../../../etc/passwd</title>"),
    "story.xml": article(headline="../../etc/passwd/..", meta_extra="<section>../img/%2e%2e</section>"
                         ).replace("<meta><published>2024-06-14</published>",
                                   "<meta><section>/dev/null</section><published>2024-06-14</published>"
                                   ).replace("<section>../img/%2e%2e</section>", "")})
case("title-c1-controls-ok", {"story.xml": article(headline="Next\u0085line \u009b31m red")})
case("title-control-charref", {"story.xml": article(headline="Red &#x1b;[31m alert")})
case("text-bidi-overrides-ok", {"story.xml": article(
    "    <p>Invoice \u202egnp.exe\u202c and \u2067\u05e9\u05dc\u05d5\u05dd\u2069 \u200f.</p>",
    headline="\u202eenildaeh desrever\u202c")})
case("text-emoji-unassigned-ok", {"story.xml": article(
    "    <p>\U0001F44D\U0001F3FD \U0001F468\u200d\U0001F469\u200d\U0001F467 \U0001F1F0\U0001F1ED "
    "\u0378 \U000E0001 \U000F0000 \U0010FFFF \ufdd0</p>")})
case("diag-c1-in-source-line", {"story.xml": article("    <p>red \u009b31m text \u0085</q>")})
case("diag-raw-byte-in-source-line", {"story.xml": article("    <p>red \x00 text</q>").encode().replace(b"\x00", b"\x9b")})
case("diag-bidi-in-message", {"story.xml": article(figure("img/\u202egpj.exe")), "img/photo.jpg": jpeg()})
case("diag-many-errors", {"story.xml": article(ATTRS)})
case("diag-control-chars-in-file-name", {"story.xml": article("    <p>two</q>")})
case("diag-control-chars-in-folder-name", {"issue/story.xml": article("    <p>two</q>")})

# The issue folder ----------------------------------------------------------
case("issue-empty-folder", {"notes.txt": "The runner removes this file: the folder is empty.\n"})
case("issue-only-other-xml", {"page.xml": DECL + "<html><body><p>Not an article.</p></body></html>\n"})
case("issue-no-date", {"story.xml": article(published="")})
case("manifest-wrong-root", {"issue.xml": DECL + '<article id="story" xml:lang="en"/>\n'})
case("manifest-missing-article", {"issue.xml": manifest(("missing.xml",)), "story.xml": article()})
case("manifest-lists-itself", {"issue.xml": manifest(("issue.xml",)), "story.xml": article()})
case("manifest-same-file-many-spellings", {
    "issue.xml": manifest().replace("  </section>", ATTRS + "  </section>"),
    "story.xml": article("    <p>" + FILL + "</p>")})
case("manifest-layout-path", {"issue.xml": manifest().replace(
    "  <section", "  <layout>../../../../etc/passwd</layout>\n  <section"), "story.xml": article()})
case("manifest-layout-unknown", {"issue.xml": manifest().replace(
    "  <section", "  <layout>secret</layout>\n  <section"), "story.xml": article()})
case("manifest-lists-folder", {"issue.xml": manifest(("img",)), "story.xml": article(), "img/photo.jpg": jpeg()})
case("manifest-same-file-symlink", {"issue.xml": manifest(("story.xml", "alias.xml")), "story.xml": article()})

# --------------------------------------------------------------------------
# Write everything
# --------------------------------------------------------------------------

def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data.encode("utf-8") if isinstance(data, str) else data)


shutil.rmtree(CASES, ignore_errors=True)
for name, files in sorted(cases.items()):
    os.makedirs(os.path.join(CASES, name), exist_ok=True)
    for rel, data in files.items():
        write(os.path.join(CASES, name, rel), data)

shutil.rmtree(OUTSIDE, ignore_errors=True)
write(os.path.join(OUTSIDE, "secret.txt"),
      "GALLEY-SECRET-d41c9f: a file next to the issue folder; no output may ever contain it\n")
write(os.path.join(OUTSIDE, "outside.jpg"), jpeg())
write(os.path.join(OUTSIDE, "outside.png"), png())
write(os.path.join(OUTSIDE, "outside-article.xml"), article(ident="outside", headline="GALLEY-OUTSIDE-ARTICLE"))

total = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(HERE) for f in fs)
print("%d cases written to %s (tests/bad holds %d bytes)" % (len(cases), CASES, total))
PY
