#!/bin/sh
# galley benchmark: builds the benchmark issues, times galley and the peers in
# one run and prints a markdown report. See docs/benchmarks.md.
#   bench/run.sh [--galley PATH] [--reps 5] [--slow-reps 3] [--out FILE] ...
# Installs /usr/bin/time (Debian `time`) when it is missing and we are root.
set -e
if [ ! -x /usr/bin/time ] && [ "$(id -u)" = 0 ]; then
    apt-get install -y time >/dev/null
fi
exec python3 "$(dirname "$0")/run.py" "$@"
