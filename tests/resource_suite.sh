#!/usr/bin/env bash
# Resource suite (issue 13): every hostile input runs under `ulimit -v` (2 GiB) and a time bound and must
# end with exit 1 or 2 and a message — no signal (SIGABRT from GMP/FLINT, SIGSEGV from a stack
# overflow), no time-out, no silent exit.
# Usage: resource_suite.sh BINARY SOURCE_DIR
set -u
bin=$1 src=$2
dir="$src/tests/malformed"
limit_kb=$((2 * 1024 * 1024))
seconds=60
pass=0 fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
run() {  # run NAME ALLOWED_EXITS VMEM_KB ARGS...  (ARGS: icl-kernel arguments)
  local name=$1 allowed=$2 vmem=$3; shift 3
  ( ulimit -v "$vmem"; cd "$dir" && timeout -s KILL "$seconds" "$bin" "$@" >"$tmp/out" 2>"$tmp/err" ); local rc=$?
  local msg; msg=$(cat "$tmp/out" "$tmp/err" | grep -E 'limit|exceeds|out of memory|nesting|depth|FAIL|error|not in range|:[0-9]+:|declarations, [0-9]+ OK' | head -1)
  if [ "$rc" -ge 128 ] || [ "$rc" = 124 ]; then
    fail=$((fail + 1)); echo "FAILED: $name: killed (exit $rc: signal $((rc - 128)) or time-out)"; tail -3 "$tmp/err"
  elif ! [[ "|$allowed|" == *"|$rc|"* ]]; then
    fail=$((fail + 1)); echo "FAILED: $name: exit $rc, want $allowed"; tail -3 "$tmp/out" "$tmp/err"
  elif [ -z "$msg" ]; then
    fail=$((fail + 1)); echo "FAILED: $name: exit $rc without a message"
  else
    pass=$((pass + 1)); echo "ok: $name: exit $rc: ${msg:0:140}"
  fi
}
# every hostile file of the malformed suite (resource_*, deep nesting, huge literals and exponents, entities)
for f in "$dir"/resource_*.xml "$dir"/deep_nesting_*.xml "$dir"/billion_laughs.xml "$dir"/exponent_20_digits.xml \
         "$dir"/huge_*.xml "$dir"/charref_*.xml; do
  [ -e "$f" ] || continue
  run "$(basename "$f")" "1|2" "$limit_kb" check "$(basename "$f")"
done
# raising a limit flag past its safe maximum is refused, never a stack overflow
run "max-nesting raised" 2 "$limit_kb" --max-nesting=100000 check deep_nesting_parentheses_100000.xml
run "max-term-depth raised" 2 "$limit_kb" --max-term-depth=1000000 check resource_flat_chain_1000000_terms.xml
run "max-depth raised" 2 "$limit_kb" --max-depth=100000000 check resource_flat_chain_1000000_terms.xml
# the largest allowed limits: still a clear verdict
run "max-nesting at its maximum" "1|2" "$limit_kb" --max-nesting=400 check deep_nesting_parentheses_100000.xml
run "max-term-depth at its maximum" "1|2" "$limit_kb" --max-term-depth=5000 --max-depth=5000 check resource_flat_chain_1000000_terms.xml
# terms just inside the largest allowed limits reach the kernel: its recursion and the destructors must fit
python3 - "$tmp" <<'PY'
import sys
head = '<?xml version="1.0" encoding="UTF-8"?>\n<corpus paper="900" title="resource">\n  <theorem id="T1" name="t_one" lean="TransformerICL.t_one" section="1">\n    <doc>d</doc>\n    <real>x y</real>\n'
tail = '    <proof><psatz><add><neg_goal/><square of="y"/></add></psatz></proof>\n    <witness>x = 1; y = 2</witness>\n  </theorem>\n</corpus>\n'
open(sys.argv[1] + "/chain_4990.xml", "w").write(head + "    <goal>x" + "\n - x" * 4990 + " + y^2 &gt;= 0</goal>\n" + tail)
open(sys.argv[1] + "/parens_399.xml", "w").write(head + "    <goal>" + "(" * 399 + "x" + ")" * 399 + " - x + y^2 &gt;= 0</goal>\n" + tail)
PY
run "chain of 4990 operands at --max-term-depth=5000" "0|1|2" "$limit_kb" --max-term-depth=5000 --max-depth=5000 check "$tmp/chain_4990.xml"
run "399 parentheses at --max-nesting=400" "0|1|2" "$limit_kb" --max-nesting=400 --max-depth=5000 check "$tmp/parens_399.xml"
# memory exhaustion inside GMP (coefficient limit raised, 40 MB of address space): a clear error, never SIGABRT
run "GMP out of memory inside the check" "1" 48000 --max-coeff-bits=100000000 check resource_gmp_out_of_memory.xml
# memory exhaustion while reading the corpus: a 15 MB file (under the 16 MiB size limit) in 40 MB of address
# space — exit 3 (environment), naming the file. (The reader no longer allocates the size limit up front, so
# a small file cannot exhaust memory while being read.)
head -c 15000000 /dev/zero | tr '\0' ' ' > "$tmp/pad_15mb.xml"
run "out of memory while reading the corpus" "3" 40000 check "$tmp/pad_15mb.xml"
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
