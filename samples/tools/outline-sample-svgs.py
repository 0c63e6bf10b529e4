#!/usr/bin/python3
"""Turn the text of the sample's SVG art into outlines, as ads and logos are delivered to print.

    /usr/bin/python3 samples/tools/outline-sample-svgs.py   (Debian's python3-fonttools)

Reads each samples/house-ads/ad-*.svg and samples/masthead/logo.svg (drawn
with <text> in DejaVu Sans or DejaVu Serif), and writes the file of the same
name in samples/ppp-2008-06-13/img/ with every <text> replaced by a <path> of
its glyphs from the bundled fonts/dejavu (advance widths and letter-spacing,
no kerning; a textLength with lengthAdjust="spacingAndGlyphs" scales the
glyphs and their advances across). Art with outlined text prints the same on
every machine, whatever fonts it has, and adds no words to the PDF's text:
readers get the alt text issue.xml gives the ad or the logo instead.
"""
import os
import xml.etree.ElementTree as ET

from fontTools.pens.svgPathPen import SVGPathPen
from fontTools.pens.transformPen import TransformPen
from fontTools.ttLib import TTFont

SAMPLES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
SOURCES = [(os.path.join(SAMPLES, "house-ads"), lambda n: n.startswith("ad-") and n.endswith(".svg")),
           (os.path.join(SAMPLES, "masthead"), lambda n: n == "logo.svg")]
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
    # Stretched or squeezed across to the length asked for.
    across = 1.0
    if el.get("textLength") and el.get("lengthAdjust") == "spacingAndGlyphs":
        across = float(el.get("textLength")) / width
    width *= across
    x = float(el.get("x"))
    anchor = el.get("text-anchor", "start")
    x -= width / 2 if anchor == "middle" else width if anchor == "end" else 0
    y = float(el.get("y"))
    pen = SVGPathPen(glyphs, ntos=lambda v: ("%.1f" % v).rstrip("0").rstrip("."))
    for n in names:
        glyphs[n].draw(TransformPen(pen, (scale * across, 0, 0, -scale, x, y)))
        x += (hmtx[n][0] * scale + spacing) * across
    path = ET.Element("{%s}path" % SVG, {"d": pen.getCommands(), "fill": el.get("fill", "#000000")})
    path.tail = el.tail
    return path


def main():
    for folder, wanted in SOURCES:
        for name in sorted(os.listdir(folder)):
            if wanted(name):
                write_outlined(folder, name)


def write_outlined(folder, name):
    tree = ET.parse(os.path.join(folder, name))
    for parent in tree.getroot().iter():
        for i, child in enumerate(list(parent)):
            if child.tag == "{%s}text" % SVG:
                parent.remove(child)
                parent.insert(i, outline(child))
    out = os.path.join(OUT, name)
    tree.write(out, encoding="UTF-8", xml_declaration=True)
    with open(out, encoding="utf-8") as f:
        head, body = f.read().split("\n", 1)
    source = os.path.relpath(os.path.join(folder, name), SAMPLES)
    with open(out, "w", encoding="utf-8") as f:
        f.write(head + "\n<!-- Drawn for galley's sample issue (samples/" + source + "); text in outlines of\n"
                "     the DejaVu fonts (fonts/dejavu/LICENSE) by samples/tools/outline-sample-svgs.py. -->\n" + body)


if __name__ == "__main__":
    main()
