#!/usr/bin/env bash
# Set up everything on a fresh Debian 12 machine (as root): Debian packages, configure, build.
# Idempotent: packages already installed are not fetched again; the build is incremental.
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGES=(
  build-essential cmake pkg-config
  libgmp-dev libflint-dev libboost-dev libpugixml-dev catch2 libfmt-dev libcli11-dev nlohmann-json3-dev
  libssl-dev libglpk-dev
  libjemalloc-dev                     # the executables' allocator, linked statically (CMakeLists.txt)
  coq z3                              # executed external checks (Coq export, SMT-LIB validity)
  coinor-csdp                         # SDP solver for the prover's Gram-matrix sum-of-squares search
  clang libclang-rt-14-dev            # libFuzzer targets and the sanitizer build
  python3 python3-sympy gnuplot-nox time hyperfine   # benchmark side-by-side runs, peak memory, plots
  ccache                              # compiler cache for this build and the sanitizer / fuzz test trees
  graphviz chromium                   # icl-kernel graph/report (dot draws the graph), its headless-browser test
  python3-yaml                        # structure check of .github/workflows/*.yml
  dpkg-dev                            # CPack .deb: dpkg-shlibdeps computes Depends
)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# ccache (when present) is used by this tree and, through CMAKE_CXX_COMPILER_LAUNCHER, by the nested
# sanitizer and fuzz trees that ctest builds (tests/robustness.cmake).
launcher=()
command -v ccache >/dev/null 2>&1 && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release "${launcher[@]}" >/dev/null
cmake --build build -j"$(nproc)"
