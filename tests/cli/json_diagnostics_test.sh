#!/usr/bin/env bash
# galley check/build --diagnostics=json print one JSON document that
# validates against docs/diagnostics.schema.json, on good and broken input.
# Usage: json_diagnostics_test.sh GALLEY_BINARY
set -euo pipefail
galley="$1"
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
command -v node >/dev/null || { echo "node is needed (Node.js 20 with npm; see .ci/setup)"; exit 1; }

mkdir -p "$tmp/broken"
printf '<?xml version="1.0"?>\n<article id="a" xml:lang="en">\n<head><headline>H</headline></head>\n<body><p>x</q></body></article>\n' > "$tmp/broken/a.xml"
printf '<article id="b" xml:lang="en"><meta><published>2008-06-13</published></meta><head><headline>H "q" \\ \x01</headline></head><body><p>x</p></body></article>\n' > "$tmp/broken/b.xml"

set +e
"$galley" check --diagnostics=json "$root/samples/ppp-2008-06-13" > "$tmp/good.json"; good=$?
"$galley" check --diagnostics=json "$tmp/broken" "$tmp/missing" > "$tmp/bad.json"; bad=$?
"$galley" build --diagnostics=json -o "$tmp/out" -f epub "$tmp/broken" > "$tmp/build.json" 2> "$tmp/build.err"; build=$?
set -e
[ "$good" -eq 0 ] || { echo "check on the sample exited $good"; exit 1; }
[ "$bad" -eq 1 ] || { echo "check on broken input exited $bad, not 1"; exit 1; }
[ "$build" -eq 1 ] || { echo "build on broken input exited $build, not 1"; exit 1; }
for f in good bad build; do node "$here/validate_json.js" "$root/docs/diagnostics.schema.json" "$tmp/$f.json"; done
grep -q '"code":"E-XML-MALFORMED"' "$tmp/bad.json" || { echo "no E-XML-MALFORMED in:"; cat "$tmp/bad.json"; exit 1; }
grep -q '"code":"E-INPUT-NOT-FOUND"' "$tmp/bad.json" || { echo "no E-INPUT-NOT-FOUND"; exit 1; }
grep -q '"line":4,"column":' "$tmp/bad.json" || { echo "the malformed line is not 4"; cat "$tmp/bad.json"; exit 1; }
grep -q '"errors":0,"warnings":0' "$tmp/good.json" || { echo "the sample is not clean"; cat "$tmp/good.json"; exit 1; }
[ ! -e "$tmp/out" ] || { echo "build wrote output despite errors"; exit 1; }
echo "1 passed, 0 failed"
