#!/bin/sh
# Builds galley's fuzz targets with clang (libFuzzer + AddressSanitizer +
# UndefinedBehaviorSanitizer) and fuzzes for SECONDS in all (default 60),
# shared between the targets, then reports what each found.
#
#   tests/fuzz/run.sh [SECONDS] [TARGET...]     targets: issue image paths
#
#   tests/fuzz/run.sh                 the CI minute
#   tests/fuzz/run.sh 3600            the documented one-hour run
#   tests/fuzz/run.sh 600 paths       ten minutes on the path resolver alone
#
# Environment: GALLEY_FUZZ_BUILD (build folder, default build-fuzz/ in the
# source tree), GALLEY_FUZZ_JOBS (parallel fuzzing processes per target,
# default 1).
#
# The corpus grows in $GALLEY_FUZZ_BUILD/fuzz/corpus/<target> and is reused by
# the next run; crashes, leaks, timeouts and out-of-memory inputs land in
# $GALLEY_FUZZ_BUILD/fuzz/artifacts/. Exit status 1 when this run found any.
# Reproduce one with:  $GALLEY_FUZZ_BUILD/galley_fuzz_<target> FILE
# then reduce it (-minimize_crash=1 -runs=10000 FILE), copy the result to
# tests/fuzz/regressions/<target>/<name> and add a tests/bad/ case.
set -eu
src=$(cd "$(dirname "$0")/../.." && pwd)
seconds=${1:-60}
[ $# -gt 0 ] && shift
targets=${*:-issue image paths}
build=${GALLEY_FUZZ_BUILD:-$src/build-fuzz}
jobs=${GALLEY_FUZZ_JOBS:-1}

command -v clang++ >/dev/null || { echo "run.sh: clang++ is missing: apt-get install clang libclang-rt-14-dev" >&2; exit 4; }

echo "== configuring and building in $build (clang, libFuzzer, ASan, UBSan)"
CC=clang CXX=clang++ cmake -S "$src" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DGALLEY_SANITIZE=address,undefined -DGALLEY_FUZZ=ON \
  -DCMAKE_PROJECT_INCLUDE="$src/tests/fuzz/standalone.cmake" >"$build.configure.log" 2>&1 \
  || { tail -20 "$build.configure.log"; exit 4; }
build_targets=""
for t in $targets; do build_targets="$build_targets galley_fuzz_$t"; done
# shellcheck disable=SC2086
cmake --build "$build" -j2 --target $build_targets >"$build.build.log" 2>&1 \
  || { grep -E 'error|Error' "$build.build.log" | head -20; exit 4; }

work="$build/fuzz"
sh "$src/tests/fuzz/make-seeds.sh" "$work/seeds"
mkdir -p "$work/artifacts"
before=$(ls "$work/artifacts" | wc -l)

n=$(echo $targets | wc -w)
each=$(( seconds / n ))
[ "$each" -lt 5 ] && each=5
status=0
for t in $targets; do
  bin=$(find "$build" -name "galley_fuzz_$t" -type f -perm -u+x | head -1)
  corpus="$work/corpus/$t"
  mkdir -p "$corpus"
  case $t in issue) max=131072 ;; image) max=65536 ;; *) max=4200 ;; esac
  dict=""
  [ -f "$src/tests/fuzz/$t.dict" ] && dict="-dict=$src/tests/fuzz/$t.dict"
  log="$work/$t.log"
  echo "== fuzzing $t for $each s ($bin)"
  # -jobs/-workers only when asked: with 1, libFuzzer runs in this process.
  par=""
  [ "$jobs" -gt 1 ] && par="-jobs=$jobs -workers=$jobs"
  # shellcheck disable=SC2086
  ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1} \
  "$bin" -max_total_time="$each" -timeout=10 -rss_limit_mb=2560 -max_len="$max" $dict $par \
    -print_final_stats=1 -artifact_prefix="$work/artifacts/$t-" "$corpus" "$work/seeds/$t" >"$log" 2>&1 || status=1
  grep -E '^#[0-9]+[[:space:]]+DONE|stat::number_of_executed_units|stat::average_exec_per_sec|stat::peak_rss_mb' "$log" | tail -4 | sed 's/^/   /'
  echo "   corpus: $(ls "$corpus" | wc -l) inputs"
  if grep -qE 'ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error:|==ERROR|deadly signal' "$log"; then
    echo "   FOUND something; see $log:"
    grep -E 'ERROR:|runtime error:|SUMMARY:|Test unit written to' "$log" | head -8 | sed 's/^/   /'
    status=1
  fi
done

after=$(ls "$work/artifacts" | wc -l)
echo "== $(( after - before )) new artifacts in $work/artifacts (all: $after)"
exit $status
