#!/usr/bin/env bash
# Performance benchmark (issue 8): builds icl-kernel and icl-bench in BUILD (default build-bench, Release),
# then runs bench/scale_peers.py (the scaling families through icl-kernel, coqc, z3 and sympy at 10³–10⁵
# terms, and icl-bench at 10³–10⁶ terms: bench/scale_peers.md, docs/scaling-peers.png), then bench/run.py,
# which measures icl-kernel side by side with z3, coqc and the sympy stand-in, the kernel in-process, and
# the scaling families, and writes docs/performance.md (with the peers' section) and docs/scaling.png.
#   bench/run.sh [--build DIR] [--quick] [--no-peers] [--peers-cap S] [--shared] [run.py options…]
# --no-peers keeps the last bench/scale_peers.md; the peers at scale take 30–60 minutes (coqc and z3 run
# into the cap, 60 s of CPU per tool and point by default).
# Needs: z3, coq, python3-sympy, gnuplot-nox (scripts/setup.sh installs them). Takes several minutes
# (coqc dominates); --quick is a one-round smoke run. Not part of ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
build=build-bench
args=()
peers=1
quick=0
peers_cap=60
while [ $# -gt 0 ]; do
  case "$1" in
    --build) build="$2"; shift 2 ;;
    --no-peers) peers=0; shift ;;
    --peers-cap) peers_cap="$2"; shift 2 ;;
    --quick) quick=1; args+=("$1"); shift ;;
    *) args+=("$1"); shift ;;
  esac
done
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" -j"$(nproc)" --target icl-kernel icl-bench
py=/usr/bin/python3
[ -x "$py" ] || py=python3
if [ "$peers" = 1 ]; then
  if [ "$quick" = 1 ]; then
    "$py" bench/scale_peers.py --build "$build" --sizes 1e3 --cap 20 --cap-large 20
  else
    "$py" bench/scale_peers.py --build "$build" --cap "$peers_cap" --cap-large "$peers_cap"
    "$py" bench/scale_peers.py --build "$build" --million
  fi
fi
exec "$py" bench/run.py --build "$build" "${args[@]}"
