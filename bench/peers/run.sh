#!/usr/bin/env bash
# Peer benchmark: `icl-kernel prove` on the goals of Mathlib's linarith / nlinarith / linear_combination /
# polyrith / positivity tests and Coq's real-typed micromega tests (bench/peers/*.xml), side by side with z3's verdict on each goal.
# Usage: bench/peers/run.sh [BUILD_DIR] [BUDGET_MS]   (defaults: build, 10000)
# Prints one row per theorem (id, prove verdict, ms, certificate nodes/chars, z3 verdict, z3 s), then
# found / true goals, false goals proved (must be 0) and runs past budget + 1 s (must be 0).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
build="${1:-$root/build}"
budget="${2:-10000}"
bin="$build/icl-kernel"
files=("$here"/mathlib.xml "$here"/coq.xml)
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# z3 on hypotheses ∧ ¬goal: unsat = the goal is true, sat = false (a counterexample exists).  The problems
# are written by gen.py from its table (`icl-kernel export smtlib` prints only kernel-verified derivations,
# and the proofs in the peer files are placeholders).
python3 "$here/gen.py" --smt "$tmp/smt"
declare -A z3v z3t
for f in "$tmp"/smt/*.smt2; do
    id=$(basename "$f" .smt2)
    s=$(date +%s.%N)
    v=$(timeout 20 z3 -T:15 "$f" 2>/dev/null | head -1 || true)
    e=$(date +%s.%N)
    z3v[$id]="${v:-timeout}"
    z3t[$id]=$(awk -v a="$s" -v b="$e" 'BEGIN{printf "%.2f", b-a}')
done

# prove, one theorem at a time so that each run's wall time (the whole process) is measured
printf "%-5s %-10s %9s %9s %7s %8s %7s\n" id prove ms wall_s nodes z3 z3_s
found=0; true_total=0; false_proved=0; over=0; false_total=0
for f in "${files[@]}"; do
    for id in $(grep -o '<theorem id="[^"]*"' "$f" | cut -d'"' -f2); do
        s=$(date +%s.%N)
        out=$(nice "$bin" prove "$id" --budget-ms "$budget" --sizes "$f" 2>&1 || true)
        e=$(date +%s.%N)
        wall=$(awk -v a="$s" -v b="$e" 'BEGIN{printf "%.2f", b-a}')
        line=$(grep -E "^$id +(found|NOT FOUND)" <<< "$out" | head -1 || true)
        if grep -qE "^$id +found " <<< "$line"; then verdict=found; else verdict=missed; fi
        ms=$(grep -oE '[0-9.]+ ms' <<< "$line" | head -1 | cut -d' ' -f1 || true)
        nodes=$(grep -oE "size [0-9]+ nodes / [0-9]+ chars" <<< "$line" | awk '{print $2"n/"$5"c"}' || true)
        z=${z3v[$id]:-?}
        printf "%-5s %-10s %9s %9s %7s %8s %7s\n" "$id" "$verdict" "${ms:-?}" "$wall" "${nodes:--}" "$z" "${z3t[$id]:-?}"
        if [[ "$z" == sat ]]; then
            false_total=$((false_total + 1))
            [[ $verdict == found ]] && false_proved=$((false_proved + 1))
        else
            true_total=$((true_total + 1))
            [[ $verdict == found ]] && found=$((found + 1))
        fi
        awk -v w="$wall" -v b="$budget" 'BEGIN{exit !(w > b/1000 + 1)}' && over=$((over + 1))
    done
done
echo "found $found / $true_total true theorems (z3: not sat); false theorems (z3 sat): $false_total, proved: $false_proved; runs past budget + 1 s: $over"
[[ $false_proved -eq 0 && $over -eq 0 ]]
