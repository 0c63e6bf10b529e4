#!/bin/sh
# Builds the seed corpus of the fuzz targets from what the repository
# already holds, into OUT (default build-fuzz/fuzz/seeds):
#   OUT/issue/   every XML file of samples/, docs/examples/ and tests/bad/cases/
#                (up to 128 KB), and each bad case's article joined to its
#                image ("\n--IMAGE--\n"), the article pointing at img/fuzz.<ext>
#   OUT/image/   every image file there (up to 64 KB)
#   OUT/paths/   references that matter to the resolver, with each picking byte
# Python 3 standard library only. The seeds are derived, never committed.
set -eu
src=$(cd "$(dirname "$0")/../.." && pwd)
out=${1:-$src/build-fuzz/fuzz/seeds}
exec python3 - "$src" "$out" <<'PY'
import hashlib, os, re, sys

src, out = sys.argv[1], sys.argv[2]
roots = [os.path.join(src, p) for p in ("samples", "docs/examples", "tests/bad/cases")]
IMAGE_EXT = (".jpg", ".jpeg", ".png", ".gif", ".svg", ".webp", "")


def put(kind, data):
    d = os.path.join(out, kind)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, hashlib.sha1(data).hexdigest()), "wb") as f:
        f.write(data)


def files():
    for root in roots:
        for d, _, fs in os.walk(root):
            for name in sorted(fs):
                p = os.path.join(d, name)
                if os.path.isfile(p) and not os.path.islink(p):
                    yield p


def ext_for(b):
    if b.startswith(b"\x89PNG"):
        return "png"
    if b.startswith(b"GIF8"):
        return "gif"
    if b"<svg" in b[:512]:
        return "svg"
    return "jpg"


count = {"issue": 0, "image": 0, "paths": 0}
for p in files():
    data = open(p, "rb").read()
    if p.endswith(".xml") and len(data) <= 131072:
        put("issue", data)
        count["issue"] += 1
    elif "/img/" in p and len(data) <= 65536:
        put("image", data)
        count["image"] += 1
        story = os.path.join(p.split("/img/")[0], "story.xml")
        if os.path.exists(story):
            article = open(story, "rb").read()
            article = re.sub(rb'src="[^"]*"', b'src="img/fuzz.' + ext_for(data).encode() + b'"', article, count=1)
            if len(article) + len(data) <= 131072:
                put("issue", article + b"\n--IMAGE--\n" + data)
                count["issue"] += 1

refs = ["img/photo.jpg", "img/sub/../photo.jpg", "img/sub/deep.jpg", "../outside.jpg", "in/photo.jpg",
        "up/outside.jpg", "up/root/img/photo.jpg", "img/up2/outside.jpg", "abs-in", "abs-in-dir/photo.jpg",
        "abs-via-link", "abs-out", "abs-slash/etc/passwd", "loop", "a", "chain/outside.jpg", "dev", "fifo",
        "dir-out/dir/x.jpg", "dot/img/photo.jpg", "dot/dot/up/outside.jpg", "img/sub/back", "img/self.jpg",
        "story.xml", ".", "img/", "img/..", "%2e%2e/outside.jpg", "/etc/passwd", "C:\\x.jpg", "\\\\h\\s",
        "file:///etc/passwd", "img//photo.jpg", "./img/./photo.jpg", "photo.jpg", "../root/img/photo.jpg"]
for i, r in enumerate(refs):
    for pick in (0, 1, 2, 4, 7, 9, 13, 15):
        put("paths", bytes([pick]) + r.encode())
        count["paths"] += 1
print("seeds in %s: %s" % (out, ", ".join("%s %d" % kv for kv in sorted(count.items()))))
PY
