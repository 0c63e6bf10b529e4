#!/usr/bin/env bash
# A build killed with SIGKILL while it writes its outputs leaves the target
# paths as they were (the previous edition, whole), only temp files beside
# them; the next build sweeps those and writes the new edition.
# GALLEY_TEST_STOP_MID_WRITE=1 makes galley stop itself once the first
# output's temp file is written and before the second is begun, so the kill
# lands mid-write every time.
# Usage: kill_test.sh GALLEY_BINARY
set -euo pipefail
galley="$1"
root="$(cd "$(dirname "$0")/../.." && pwd)"
tmp="$(mktemp -d)"
pid=""
trap '[ -n "$pid" ] && kill -9 "$pid" 2>/dev/null; rm -rf "$tmp"' EXIT
export SOURCE_DATE_EPOCH=1213315200
cp -r "$root/samples/ppp-2008-06-13" "$tmp/issue"
out="$tmp/out"
fail() { echo "$*"; ls -la "$out" || true; exit 1; }
parts() { find "$out" -maxdepth 1 -name '*.galley-part' | wc -l; }

# The previous edition.
"$galley" build "$tmp/issue" -q -o "$out"
cp "$out/ppp-2008-06-13.pdf" "$tmp/old.pdf"
cp "$out/ppp-2008-06-13.epub" "$tmp/old.epub"

# An edit, so the next edition differs.
sed -i 's/Tier 2 the hard way/Tier two the hard way/' "$tmp/issue/articles/anti-trafficking-tier-2.xml"
GALLEY_TEST_STOP_MID_WRITE=1 "$galley" build "$tmp/issue" -q -o "$out" &
pid=$!
stopped=""
for _ in $(seq 1 300); do
    state="$(ps -o stat= -p "$pid" 2>/dev/null || true)"
    case "$state" in T*) stopped=1; break ;; "") break ;; esac
    sleep 0.1
done
[ -n "$stopped" ] || fail "the build did not stop mid-write (state '${state:-gone}')"
[ "$(parts)" -ge 1 ] || fail "no temp file while the build was stopped mid-write"
kill -9 "$pid"
wait "$pid" 2>/dev/null || true
pid=""

# Killed: the targets still hold the previous edition, whole.
cmp -s "$out/ppp-2008-06-13.pdf" "$tmp/old.pdf" || fail "the PDF changed in a killed build"
cmp -s "$out/ppp-2008-06-13.epub" "$tmp/old.epub" || fail "the EPUB changed in a killed build"
[ "$(parts)" -ge 1 ] || fail "the killed build's temp files are gone before the next build"

# The next build sweeps the temp files and writes the new edition.
"$galley" build "$tmp/issue" -q -o "$out"
[ "$(parts)" -eq 0 ] || fail "temp files of the killed build were not swept"
cmp -s "$out/ppp-2008-06-13.pdf" "$tmp/old.pdf" && fail "the PDF was not rebuilt"
pdftotext "$out/ppp-2008-06-13.pdf" "$tmp/text"
grep -qi "tier two the hard way" "$tmp/text" || fail "the edit is not in the rebuilt PDF"
leftovers="$(find "$out" -mindepth 1 -maxdepth 1 ! -name 'ppp-2008-06-13.pdf' ! -name 'ppp-2008-06-13.epub')"
[ -z "$leftovers" ] || fail "unexpected files in the output folder: $leftovers"
echo "1 passed, 0 failed"
