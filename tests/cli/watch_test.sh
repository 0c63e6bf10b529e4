#!/usr/bin/env bash
# galley watch builds once, then rebuilds after an edit: the new text is in
# the rebuilt PDF, and the output folder inside the issue is not watched
# (writing it does not trigger a rebuild loop).
# Usage: watch_test.sh GALLEY_BINARY
set -euo pipefail
galley="$1"
root="$(cd "$(dirname "$0")/../.." && pwd)"
tmp="$(mktemp -d)"
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$tmp"' EXIT
cp -r "$root/samples/ppp-2008-06-13" "$tmp/issue"
"$galley" watch "$tmp/issue" -o "$tmp/issue/out" -f pdf --debounce 100 --max-rebuilds 1 > "$tmp/log" 2>&1 &
pid=$!
for _ in $(seq 1 100); do grep -q "^built " "$tmp/log" && break; sleep 0.2; done
grep -q "^built ppp-2008-06-13: " "$tmp/log" || { echo "no first build:"; cat "$tmp/log"; exit 1; }
sed -i 's/Tier 2 the hard way/Tier two the hard way/' "$tmp/issue/articles/anti-trafficking-tier-2.xml"
for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
if kill -0 "$pid" 2>/dev/null; then echo "watch did not rebuild:"; cat "$tmp/log"; exit 1; fi
wait "$pid" || { echo "watch exited with an error:"; cat "$tmp/log"; exit 1; }
pid=""
grep -q "^rebuilt ppp-2008-06-13: " "$tmp/log" || { echo "no rebuild line:"; cat "$tmp/log"; exit 1; }
[ "$(grep -c '^rebuilt' "$tmp/log")" -eq 1 ] || { echo "rebuilt more than once:"; cat "$tmp/log"; exit 1; }
pdftotext "$tmp/issue/out/ppp-2008-06-13.pdf" "$tmp/text"
grep -qi "tier two the hard way" "$tmp/text" || { echo "the edit is not in the PDF"; exit 1; }
echo "1 passed, 0 failed"
