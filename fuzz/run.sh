#!/usr/bin/env bash
# Run one libFuzzer target for a given time:  fuzz/run.sh TARGET SECONDS [BUILD_DIR]
# Replay the committed seeds only (every input once, no new inputs): fuzz/run.sh --replay TARGET [BUILD_DIR]
#   TARGET: parser | loader | checker | instantiate      BUILD_DIR: a tree configured with -DICL_FUZZ=ON (default build-fuzz)
# Seeds: fuzz/seeds/<target>, theorems/*.xml and tests/malformed/*.xml (loader). The growing corpus is kept
# in BUILD_DIR/fuzz/corpus-<target>, crash / timeout / OOM inputs in BUILD_DIR/fuzz/artifacts-<target>/.
# Every run appends "date target seconds runs crashes" to BUILD_DIR/fuzz/fuzz-log.tsv (the figures of
# docs/soundness.md). Exit status: 0 if no crash was found, 1 otherwise.
set -uo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
replay=0
if [ "${1:-}" = "--replay" ]; then
  replay=1
  shift
  set -- "${1:-}" 0 "${2:-}"
fi
target="${1:?usage: fuzz/run.sh TARGET SECONDS [BUILD_DIR]}"
seconds="${2:?usage: fuzz/run.sh TARGET SECONDS [BUILD_DIR]}"
build="${3:-}"
[ -n "$build" ] || build="$here/build-fuzz"
bin="$build/fuzz/fuzz_$target"
if [ ! -x "$bin" ]; then
  echo "run.sh: $bin not found; build it with:" >&2
  echo "  CC=clang CXX=clang++ cmake -S $here -B $build -DICL_FUZZ=ON && cmake --build $build --target fuzz_$target" >&2
  exit 2
fi
work="$build/fuzz/corpus-$target"
art="$build/fuzz/artifacts-$target"
mkdir -p "$work" "$art"
seeds=()
case "$target" in
  parser)  seeds=("$here/fuzz/seeds/parser"); dict="$here/fuzz/expr.dict"; maxlen=512 ;;
  loader)  seeds=("$here/theorems" "$here/fuzz/seeds/loader"); dict="$here/fuzz/xml.dict"; maxlen=16384 ;;
  checker) seeds=("$here/fuzz/seeds/checker"); dict=""; maxlen=256 ;;
  instantiate) seeds=("$here/fuzz/seeds/instantiate"); dict=""; maxlen=256 ;;
  *) echo "run.sh: unknown target '$target' (parser, loader, checker, instantiate)" >&2; exit 2 ;;
esac
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
if [ $replay -eq 1 ]; then
  # libFuzzer given files (not directories) runs each once and stops at the first crash.
  files=()
  while IFS= read -r -d '' f; do files+=("$f"); done < <(find "${seeds[@]}" -type f -print0 | sort -z)
  log="$build/fuzz/replay-$target.log"
  "$bin" -timeout=20 -rss_limit_mb=2048 -artifact_prefix="$art/replay-" "${files[@]}" >"$log" 2>&1
  status=$?
  echo "fuzz $target: replayed ${#files[@]} committed seed inputs, exit $status (log $log)"
  [ $status -eq 0 ] || tail -n 30 "$log"
  exit $status
fi
before=$(ls "$art" | wc -l)
log="$build/fuzz/run-$target.log"
args=(-max_total_time="$seconds" -timeout=20 -rss_limit_mb=2048 -max_len="$maxlen" -print_final_stats=1
      -artifact_prefix="$art/")
[ -n "$dict" ] && args+=(-dict="$dict")
# -fork keeps going after a crash so one run reports all of them; each crash leaves an artifact.
"$bin" "${args[@]}" -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 "$work" "${seeds[@]}" >"$log" 2>&1
status=$?
after=$(ls "$art" | wc -l)
crashes=$((after - before))
runs=$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$' | tail -1)
[ -z "$runs" ] && runs=$(grep -oE '#[0-9]+' "$log" | tail -1 | tr -d '#')
printf '%s\t%s\t%s\t%s\t%s\n' "$(date -u +%FT%TZ)" "$target" "$seconds" "${runs:-?}" "$crashes" >>"$build/fuzz/fuzz-log.tsv"
echo "fuzz $target: ${seconds}s, ${runs:-?} runs, $crashes new crash/timeout/oom artifact(s) in $art (log $log)"
if [ "$crashes" -gt 0 ]; then
  ls -1 "$art" | tail -n "$crashes" | sed 's/^/  /'
  exit 1
fi
exit 0
