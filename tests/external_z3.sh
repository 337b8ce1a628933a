#!/usr/bin/env bash
# ctest z3_valid_and_nonvacuous: export every theorem as SMT-LIB (QF_NRA) and run z3 on each problem.
#   *.valid.smt2       hypotheses ∧ ¬goal   must be unsat
#   *.nonvacuous.smt2  hypotheses           must be sat
#   *.steps.smt2       the kernel's derivation, one (check-sat) per rule step: every answer must be unsat
# MN1–MN3 (natural d, families) are instantiated for d = 1…4 by the exporter, the derived CH11 for d = 1, 2.
# Derived declarations (theorems/5..8-derived-*.xml) are problems of their own, statement only.
# usage: external_z3.sh ICL_KERNEL Z3 WORKDIR [TIMEOUT_SECONDS]
set -u
kernel=$1 z3=$2 work=$3 timeout_s=${4:-60}
if ! command -v "$z3" >/dev/null 2>&1; then
  echo "z3 not found ($z3): install it (Debian package z3) -- see README's set-up command" >&2
  exit 1
fi
rm -rf "$work" && mkdir -p "$work" || exit 1
# every corpus declaration must be covered: the 81 statements and the derived declarations (98 in all)
expect=$("$kernel" check | awk '/theorem statements, .* axioms/ { n = $1 } /^derived: / { d = $2 } END { print n + d }')
"$kernel" export smtlib "$work/smt" || { echo "export smtlib failed" >&2; exit 1; }
index="$work/smt/index.tsv"
[ -s "$index" ] || { echo "no index.tsv written" >&2; exit 1; }

total=0 failed=0 steps=0
declare -A thm_seen=() thm_bad=()
start=$(date +%s.%N)
while IFS=$'\t' read -r file id kind expected dim; do
  [ "$file" = "file" ] && continue
  total=$((total + 1))
  thm_seen[$id]=1
  t0=$(date +%s.%N)
  # -T: z3's own hard limit; timeout(1) as a backstop
  if [ "$kind" = steps ]; then
    # the kernel's derivation: one (check-sat) per rule step, every answer must be unsat
    want=$(grep -c '^(check-sat)' "$work/smt/$file")
    out=$(timeout $((timeout_s + 10)) "$z3" -T:"$timeout_s" "$work/smt/$file" 2>&1)
    got=$(printf '%s\n' "$out" | grep -cx unsat)
    answer=$([ "$want" -gt 0 ] && [ "$got" -eq "$want" ] && [ "$(printf '%s\n' "$out" | wc -l)" -eq "$want" ] && echo unsat || echo "$got/$want unsat")
    steps=$((steps + want))
  else
    answer=$(timeout $((timeout_s + 10)) "$z3" -T:"$timeout_s" "$work/smt/$file" 2>&1 | head -n 1)
  fi
  t1=$(date +%s.%N)
  secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }')
  if [ "$answer" != "$expected" ]; then
    failed=$((failed + 1))
    thm_bad[$id]=1
    printf 'FAIL  %-28s expected %-5s got %s (%.2fs)\n' "$file" "$expected" "${answer:-no answer}" "$secs"
  else
    printf 'ok    %-28s %-5s %.3fs\n' "$file" "$answer" "$secs"
  fi
done < "$index"
end=$(date +%s.%N)

nthm=${#thm_seen[@]}
nbad=0; for _ in "${!thm_bad[@]}"; do nbad=$((nbad + 1)); done
printf '\nz3: %d problems for %d theorems (%d validity + %d non-vacuity + %d derivation files with %d rule steps), %d failed; %d/%d theorems confirmed; %.1fs\n' \
  "$total" "$nthm" $(grep -c $'\tvalid\t' "$index") $(grep -c $'\tnonvacuous\t' "$index") $(grep -c $'\tsteps\t' "$index") "$steps" "$failed" \
  $((nthm - nbad)) "$nthm" "$(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }')"
if [ "$nthm" -ne "$expect" ]; then
  echo "z3: the problems cover $nthm theorems, the corpus has $expect (statements + derived)" >&2
  exit 1
fi
[ "$total" -gt 0 ] && [ "$failed" -eq 0 ]
