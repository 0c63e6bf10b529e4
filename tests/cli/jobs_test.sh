#!/usr/bin/env bash
# -j changes how fast, never what: a 60-article issue (bench/make_issue.py,
# the sample's articles repeated) builds with -j1 and -j4 to byte-identical
# PDF and EPUB files and the same diagnostics, both with the manifest's
# cover (EPUB beside the pages) and without one (the EPUB's cover is the
# print front page, so the EPUB waits for the pages). With -j4 the PDF is
# drawn page by page while the pages after it are composed; with -j1 it is
# drawn from the whole document.
# Usage: jobs_test.sh GALLEY_BINARY
set -euo pipefail
galley="$1"
root="$(cd "$(dirname "$0")/../.." && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
python3 "$root/bench/make_issue.py" 60 "$tmp/issue" --id jobs-60 > /dev/null
export SOURCE_DATE_EPOCH=1213315200
failed=0
compare() {  # compare LABEL
    local label="$1"
    for j in 1 4; do
        if ! "$galley" build "$tmp/issue" -j "$j" -q -o "$tmp/out-$label-j$j" 2> "$tmp/err-$label-j$j"; then
            echo "$label: build -j$j failed:"; cat "$tmp/err-$label-j$j"; exit 1
        fi
    done
    for f in jobs-60.pdf jobs-60.epub; do
        if ! cmp -s "$tmp/out-$label-j1/$f" "$tmp/out-$label-j4/$f"; then
            echo "$label: $f differs between -j1 and -j4"; failed=1
        fi
    done
    if ! cmp -s "$tmp/err-$label-j1" "$tmp/err-$label-j4"; then
        echo "$label: diagnostics differ between -j1 and -j4:"
        diff "$tmp/err-$label-j1" "$tmp/err-$label-j4" | head -20; failed=1
    fi
}
grep -q "<cover" "$tmp/issue/issue.xml" || { echo "the generated manifest names no cover"; exit 1; }
compare with-cover
sed -i '/<cover/d' "$tmp/issue/issue.xml"
compare front-page-cover
[ "$failed" -eq 0 ] || exit 1
echo "2 passed, 0 failed"
