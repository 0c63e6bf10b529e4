#!/bin/sh
# Output folders as users meet them: a missing one is created (with its
# parents); one inside the issue folder is never read back as input (a second
# build gives the same bytes); PNG proofs past a shorter rebuild's last page
# are removed; one galley may not write to exits 4, names the
# folder and leaves nothing behind. The unwritable case runs as an
# unprivileged user (root may write anywhere): with setpriv when this runs as
# root, with a read-only folder otherwise.
#   output_folder_test.sh GALLEY
set -eu
galley=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
sample="$here/../../samples/ppp-2008-06-13"
work=$(mktemp -d)
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT
export SOURCE_DATE_EPOCH=1213315200
fail() { echo "FAIL: $*"; exit 1; }

cp -r "$sample" "$work/issue"

# 1. A missing output folder, two levels deep, is created.
"$galley" build "$work/issue" -o "$work/a/b/out" -f pdf -q -j 1 || fail "build into a missing folder exited $?"
[ -s "$work/a/b/out/ppp-2008-06-13.pdf" ] || fail "no PDF in the created folder"

# 2. An output folder inside the issue folder: the second build reads the
#    same input as the first (its outputs are not articles), so the same bytes.
"$galley" build "$work/issue" -o "$work/issue/out" -q -j 1 || fail "first build inside the issue exited $?"
cp "$work/issue/out/ppp-2008-06-13.pdf" "$work/first.pdf"
cp "$work/issue/out/ppp-2008-06-13.epub" "$work/first.epub"
"$galley" build "$work/issue" -o "$work/issue/out" -q -j 1 || fail "second build inside the issue exited $?"
cmp -s "$work/first.pdf" "$work/issue/out/ppp-2008-06-13.pdf" || fail "the PDF changed when its folder sat inside the input"
cmp -s "$work/first.epub" "$work/issue/out/ppp-2008-06-13.epub" || fail "the EPUB changed when its folder sat inside the input"
"$galley" check "$work/issue" -q || fail "check of an issue holding its own outputs exited $?"

# 3. PNG proofs of a longer build of the same issue, left in the folder, go
#    when a shorter build replaces them; files galley does not name so stay.
mkdir -p "$work/proofs"
"$galley" build "$work/issue" -o "$work/proofs" -f png --dpi 10 -q -j 1 || fail "the proofs build exited $?"
pages=$(ls "$work/proofs" | grep -c '^ppp-2008-06-13-p[0-9][0-9][0-9]\.png$')
[ "$pages" -gt 3 ] || fail "the sample made only $pages proofs"
for extra in ppp-2008-06-13-p0099.png ppp-2008-06-13-pics.png other-p007.png; do : > "$work/proofs/$extra"; done
# The same issue with one short article: fewer pages.
cp -r "$work/issue" "$work/short"
rm -rf "$work/short/out"
sed -e '/<section title="Business">/,/<\/section>/d' -e '/<section title="Opinion">/,/<\/section>/d' \
    -e '/anti-trafficking-tier-2\|preah-vihear-heritage-bid\|kratie-dolphins/d' \
    "$work/issue/issue.xml" > "$work/short/issue.xml"
"$galley" build "$work/short" -o "$work/proofs" -f png --dpi 10 -j 1 >"$work/out" 2>&1 || { cat "$work/out"; fail "the shorter build exited $?"; }
short=$(ls "$work/proofs" | grep -c '^ppp-2008-06-13-p[0-9][0-9][0-9]\.png$')
[ "$short" -lt "$pages" ] || fail "the shorter issue made $short proofs, the longer $pages"
grep -q "removed $((pages - short)) page files an earlier build left past the last page" "$work/out" || { cat "$work/out"; fail "the removal is not reported"; }
for extra in ppp-2008-06-13-p0099.png ppp-2008-06-13-pics.png other-p007.png; do
    [ -e "$work/proofs/$extra" ] || fail "$extra, not a name galley writes, was removed"
done

# 4. An output folder galley may not write to: exit 4, the folder named, no file left.
mkdir -p "$work/locked"
chmod 755 "$work/locked"
if [ "$(id -u)" = 0 ]; then
    # The unprivileged user may not see the build or source tree (a clone
    # under /root): give it its own copies of galley and its data.
    mkdir -p "$work/bin" "$work/data"
    cp "$galley" "$work/bin/galley"
    galley="$work/bin/galley"
    data=${GALLEY_DATA_DIR:-$here/../..}
    cp -r "$data/layouts" "$data/fonts" "$work/data/"
    export GALLEY_DATA_DIR="$work/data"
    # Nor the leak suppressions of a sanitizer build (.ci/test-sanitized
    # names a file in the clone, which may sit in a private folder).
    if [ -n "${LSAN_OPTIONS:-}" ]; then
        opts=""
        for opt in $(printf '%s\n' "$LSAN_OPTIONS" | tr ':' ' '); do
            case "$opt" in
            suppressions=*)
                cp "${opt#suppressions=}" "$work/lsan-suppressions.txt"
                chmod a+r "$work/lsan-suppressions.txt"
                opt="suppressions=$work/lsan-suppressions.txt"
                ;;
            esac
            opts="${opts:+$opts:}$opt"
        done
        export LSAN_OPTIONS="$opts"
    fi
    chmod 755 "$work"
    chmod -R a+rX "$work/issue" "$work/bin" "$work/data"
    run() { setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }
else
    chmod 555 "$work/locked"
    run() { "$@"; }
fi
status=0
run env HOME=/nonexistent "$galley" build "$work/issue" -o "$work/locked" -q -j 1 2>"$work/err" || status=$?
[ "$status" = 4 ] || { cat "$work/err"; fail "an unwritable output folder exited $status, not 4"; }
grep -q "E-OUTPUT-WRITE" "$work/err" || { cat "$work/err"; fail "no E-OUTPUT-WRITE"; }
grep -q "$work/locked" "$work/err" || { cat "$work/err"; fail "the folder is not named"; }
[ -z "$(ls -A "$work/locked")" ] || fail "files left in the unwritable folder: $(ls -A "$work/locked")"
echo "ok"
