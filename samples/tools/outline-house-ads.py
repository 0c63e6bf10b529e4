#!/usr/bin/python3
"""Turn the sample house ads' text into outlines, as ads are delivered to print.

    /usr/bin/python3 samples/tools/outline-house-ads.py   (Debian's python3-fonttools)

Reads each samples/house-ads/ad-*.svg (drawn with <text> in DejaVu Sans or DejaVu Serif),
and writes samples/ppp-2008-06-13/img/ad-*.svg with every <text> replaced by a
<path> of its glyphs from the bundled fonts/dejavu (advance widths and
letter-spacing; no kerning). An ad with outlined text prints the same on
every machine and adds no words to the PDF's text: readers get the ad's alt
text from issue.xml instead.
"""
import os
import xml.etree.ElementTree as ET

from fontTools.pens.svgPathPen import SVGPathPen
from fontTools.pens.transformPen import TransformPen
from fontTools.ttLib import TTFont

SAMPLES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
HERE = os.path.join(SAMPLES, "house-ads")
FONTS = os.path.join(SAMPLES, "..", "fonts", "dejavu")
OUT = os.path.join(SAMPLES, "ppp-2008-06-13", "img")
SVG = "http://www.w3.org/2000/svg"
ET.register_namespace("", SVG)
_fonts = {}


def font(family, bold):
    name = ("DejaVuSerif" if "Serif" in family else "DejaVuSans") + ("-Bold" if bold else "")
    if name not in _fonts:
        _fonts[name] = TTFont(os.path.join(FONTS, name + ".ttf"))
    return _fonts[name]


def outline(el):
    f = font(el.get("font-family", ""), el.get("font-weight") == "bold")
    size = float(el.get("font-size"))
    spacing = float(el.get("letter-spacing", "0"))
    scale = size / f["head"].unitsPerEm
    cmap, hmtx, glyphs = f.getBestCmap(), f["hmtx"], f.getGlyphSet()
    names = [cmap.get(ord(c), ".notdef") for c in el.text]
    width = sum(hmtx[n][0] * scale + spacing for n in names) - spacing
    x = float(el.get("x"))
    anchor = el.get("text-anchor", "start")
    x -= width / 2 if anchor == "middle" else width if anchor == "end" else 0
    y = float(el.get("y"))
    pen = SVGPathPen(glyphs, ntos=lambda v: ("%.1f" % v).rstrip("0").rstrip("."))
    for n in names:
        glyphs[n].draw(TransformPen(pen, (scale, 0, 0, -scale, x, y)))
        x += hmtx[n][0] * scale + spacing
    path = ET.Element("{%s}path" % SVG, {"d": pen.getCommands(), "fill": el.get("fill", "#000000")})
    path.tail = el.tail
    return path


def main():
    for name in sorted(os.listdir(HERE)):
        if not (name.startswith("ad-") and name.endswith(".svg")):
            continue
        tree = ET.parse(os.path.join(HERE, name))
        for parent in tree.getroot().iter():
            for i, child in enumerate(list(parent)):
                if child.tag == "{%s}text" % SVG:
                    parent.remove(child)
                    parent.insert(i, outline(child))
        out = os.path.join(OUT, name)
        tree.write(out, encoding="UTF-8", xml_declaration=True)
        with open(out, encoding="utf-8") as f:
            head, body = f.read().split("\n", 1)
        with open(out, "w", encoding="utf-8") as f:
            f.write(head + "\n<!-- Drawn for galley's sample issue (samples/house-ads/" + name + "); text in outlines of\n"
                    "     the DejaVu fonts (fonts/dejavu/LICENSE) by samples/tools/outline-house-ads.py. -->\n" + body)


if __name__ == "__main__":
    main()
