#!/usr/bin/env bash
# Start-up of icl-kernel (issue 16, item 3), measured side by side with hyperfine:
#   true, `icl-kernel --version`, `icl-kernel check` (the built-in corpus), and z3 in one process on the
#   same statements (the 81+ `*.valid.smt2` of `icl-kernel export smtlib --dims 3`, joined with `(reset)`,
#   as bench/run.py does), then where the start-up goes: shared libraries, the dynamic loader's own
#   statistics (LD_DEBUG=statistics), static initialisers (.init_array entries), page faults.
# Usage: bench/startup.sh [BUILD_DIR] [RUNS]   (defaults: build, 30). Writes bench/startup.json (hyperfine).
set -euo pipefail
cd "$(dirname "$0")/.."
build="${1:-build}"
runs="${2:-30}"
bin="$build/icl-kernel"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
"$bin" export smtlib "$tmp/smt" --dims 3 > /dev/null
for f in "$tmp"/smt/*.valid.smt2; do sed 's/(exit)//' "$f"; printf '\n(reset)\n'; done > "$tmp/all.valid.smt2"
echo "z3 problems in one file: $(ls "$tmp"/smt/*.valid.smt2 | wc -l); answers: $(z3 "$tmp/all.valid.smt2" | sort | uniq -c | tr '\n' ' ')"
hyperfine -N --warmup 3 --runs "$runs" --export-json bench/startup.json \
  true "$bin --version" "$bin check" "z3 $tmp/all.valid.smt2" 2>&1 | grep -vE '^\s*$'
python3 - bench/startup.json <<'PY'
import json, statistics, sys
d = json.load(open(sys.argv[1]))
print("command | median wall | mean user+sys | min wall")
for r in d["results"]:
    print(f"{r['command'][:40]} | {r['median'] * 1e3:.2f} ms | {(r['user'] + r['system']) * 1e3:.2f} ms | {r['min'] * 1e3:.2f} ms")
PY
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "--- shared libraries (ldd): $(ldd "$bin" | wc -l)"
ldd "$bin" | awk '{print "  " $1}'
echo "--- LD_DEBUG=statistics, icl-kernel --version"
LD_DEBUG=statistics "$bin" --version 2>&1 >/dev/null | sed 's/^ *[0-9]*: *//' | grep -E 'time|relocations'
echo "--- static initialisers: .init_array entries in the executable"
size_hex=$(readelf -SW "$bin" | awk '$2 == ".init_array" {print $6}')
echo "  $(( 16#${size_hex:-0} / 8 ))"
if command -v perf > /dev/null; then
  echo "--- perf stat -r 20 (task-clock = CPU, page faults)"
  for c in "$bin --version" "$bin check"; do
    perf stat -r 20 -e task-clock,page-faults $c 2>&1 >/dev/null | grep -E 'task-clock|page-faults|elapsed' | sed "s|^|  $c: |"
  done
fi
