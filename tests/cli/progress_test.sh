#!/usr/bin/env bash
# The progress line: drawn (redrawn in place with carriage returns) when
# stderr is a terminal; never when stderr is a file or a pipe, with -q, or
# when CI is set. The terminal is a pseudo-terminal from script(1).
# Usage: progress_test.sh GALLEY_BINARY
set -euo pipefail
galley="$1"
root="$(cd "$(dirname "$0")/../.." && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
issue="$root/samples/ppp-2008-06-13"
failed=0
# A carriage return not followed by a line feed (a terminal turns "\n" into
# "\r\n"): a line redrawn in place.
has_cr() { python3 -c 'import re, sys; sys.exit(0 if re.search(rb"\r(?!\n)", open(sys.argv[1], "rb").read()) else 1)' "$1"; }
check() {  # check LABEL WANT_CR FILE
    if [ "$2" = yes ] && ! has_cr "$3"; then echo "$1: no progress line"; failed=1; fi
    if [ "$2" = no ] && has_cr "$3"; then echo "$1: a progress line where there should be none"; failed=1; fi
    return 0
}

# stderr to a file, and to a pipe: nothing but the summary.
"$galley" build "$issue" -f epub -o "$tmp/out" > "$tmp/out.txt" 2> "$tmp/err-file"
check "stderr to a file" no "$tmp/err-file"
[ ! -s "$tmp/err-file" ] || { echo "stderr to a file is not empty:"; cat -A "$tmp/err-file"; failed=1; }
"$galley" build "$issue" -f epub -o "$tmp/out" 2>&1 >/dev/null | cat > "$tmp/err-pipe"
check "stderr to a pipe" no "$tmp/err-pipe"
"$galley" check "$issue" 2> "$tmp/err-check" > /dev/null
check "check, stderr to a file" no "$tmp/err-check"

if ! command -v script > /dev/null; then
    echo "script(1) not installed: the terminal half is skipped"
    [ "$failed" -eq 0 ] && echo "1 passed, 0 failed" || exit 1
    exit 0
fi
# On a terminal (stdout to a file, so only stderr is the terminal's).
on_tty() {  # on_tty OUTPUT_FILE ARGS...
    local log="$1"; shift
    env -u CI script -qec "$(printf '%q ' "$@") > /dev/null" /dev/null > "$log" 2>&1 < /dev/null || true
}
on_tty "$tmp/tty-build" "$galley" build "$issue" -f epub,pdf -o "$tmp/out"
check "build on a terminal" yes "$tmp/tty-build"
# The line is cleared: what is left after the last carriage return is blank.
last="$(python3 -c 'import sys; print(open(sys.argv[1], "rb").read().replace(b"\r\n", b"\n").split(b"\r")[-1].decode().strip())' "$tmp/tty-build")"
[ -z "$last" ] || { echo "build on a terminal: the progress line was not cleared: '$last'"; failed=1; }
on_tty "$tmp/tty-check" "$galley" check "$issue"
check "check on a terminal" yes "$tmp/tty-check"
on_tty "$tmp/tty-quiet" "$galley" build -q "$issue" -f epub -o "$tmp/out"
check "build -q on a terminal" no "$tmp/tty-quiet"
env CI=true script -qec "$(printf '%q ' "$galley" build "$issue" -f epub -o "$tmp/out") > /dev/null" /dev/null \
    > "$tmp/tty-ci" 2>&1 < /dev/null || true
check "build on a terminal with CI set" no "$tmp/tty-ci"
[ "$failed" -eq 0 ] || exit 1
echo "2 passed, 0 failed"
