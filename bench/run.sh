#!/usr/bin/env bash
# Performance benchmark (issue 8): builds icl-kernel and icl-bench in BUILD (default build-bench, Release),
# then runs bench/run.py, which measures icl-kernel side by side with z3, coqc and the sympy stand-in,
# the kernel in-process, and the scaling families, and writes docs/performance.md and docs/scaling.png.
#   bench/run.sh [--build DIR] [--quick] [--shared] [run.py options…]
# Needs: z3, coq, python3-sympy, gnuplot-nox (scripts/setup.sh installs them). Takes several minutes
# (coqc dominates); --quick is a one-round smoke run. Not part of ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
build=build-bench
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --build) build="$2"; shift 2 ;;
    *) args+=("$1"); shift ;;
  esac
done
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" -j"$(nproc)" --target icl-kernel icl-bench
py=/usr/bin/python3
[ -x "$py" ] || py=python3
exec "$py" bench/run.py --build "$build" "${args[@]}"
