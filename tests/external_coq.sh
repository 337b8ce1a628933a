#!/usr/bin/env bash
# ctest coq_export_compiles: export the corpus to Coq, compile it with coqc, and check `Print Assumptions`.
# Fails on any coqc error, on a missing theorem, or on any assumption outside ALLOWED, which is what
# Coq 8.16 prints for a trivial `lra` proof over R (the file's own `icl_baseline` lemma shows it):
ALLOWED=(
  ClassicalDedekindReals.sig_forall_dec
  FunctionalExtensionality.functional_extensionality_dep
)
# usage: external_coq.sh ICL_KERNEL COQC WORKDIR
set -u
kernel=$1 coqc=$2 work=$3
if ! command -v "$coqc" >/dev/null 2>&1; then
  echo "coqc not found ($coqc): install Coq (Debian package coq) -- see README's set-up command" >&2
  exit 1
fi
rm -rf "$work" && mkdir -p "$work" || exit 1
"$kernel" export coq --out "$work/ICLKernel.v" || { echo "export coq failed" >&2; exit 1; }
vfile="$work/ICLKernel.v"

# nothing may be assumed in the file itself
if grep -nE '^\s*(Axiom|Axioms|Parameter|Parameters|Hypothesis|Hypotheses|Variable|Variables|Conjecture|Admitted)\b|\badmit\b|Admitted\.' "$vfile"; then
  echo "the exported file declares assumptions" >&2
  exit 1
fi
theorems=$(grep -c '^Theorem ' "$vfile")
# every corpus declaration must be exported: the 81 statements and the derived declarations (98 in all)
expect=$("$kernel" check | awk '/theorem statements, .* axioms/ { n = $1 } /^derived: / { d = $2 } END { print n + d }')
if [ "$theorems" -ne "$expect" ]; then
  echo "the Coq file has $theorems theorems, the corpus $expect (statements + derived)" >&2
  exit 1
fi

start=$(date +%s.%N)
( cd "$work" && "$coqc" -q ICLKernel.v >coqc.stdout 2>coqc.stderr )
rc=$?
end=$(date +%s.%N)
cat "$work/coqc.stderr" >&2
if [ $rc -ne 0 ] || grep -q '^Error' "$work/coqc.stderr"; then
  echo "coqc failed (exit $rc) on $vfile" >&2
  exit 1
fi

awk -v allowed="${ALLOWED[*]}" -v expect="$theorems" '
  BEGIN { n = split(allowed, a, " "); for (i = 1; i <= n; i++) ok[a[i]] = 1 }
  /^ICL-ASSUMPTIONS / { cur = $2; if (cur != "icl_baseline") count++; next }
  /^Axioms:$/ || /^Closed under the global context/ || /^ / || /^$/ { next }
  cur != "" {
    ax = $1
    if (cur == "icl_baseline") { base[ax] = 1 }
    if (!(ax in ok)) { printf "unexpected assumption in %s: %s\n", cur, ax; bad++ }
    next
  }
  END {
    for (b in base) nb++
    printf "baseline (trivial lra proof) assumes:"; for (b in base) printf " %s", b; printf "\n"
    printf "coqc: %d of %d exported theorems compiled and checked with Print Assumptions\n", count, expect
    if (bad > 0 || count != expect || expect == 0) exit 1
  }' "$work/coqc.stdout" || { echo "assumption check failed" >&2; exit 1; }
printf 'coqc time: %.1fs\n' "$(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }')"
