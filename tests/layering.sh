#!/usr/bin/env bash
# Layering (issue 11, item 7; the table "Folders and what each may touch" in docs/architecture.md).
# The build gives each folder's library an include root holding only the project folders it may use
# (CMakeLists.txt, icl_layer); this test shows that fence holds and checks what it cannot fence off:
#   1. per folder, every #include names a project folder or a third-party/system header the table allows;
#   2. kernel/: no floating point (no `float` / `double` outside comments), no I/O headers;
#   3. probes: with a layer's include root, a header of a folder it may not use does not compile, and one it
#      may use does (so the probe is not vacuous);
#   4. fuzz/ includes nothing from tests/.
# Usage: layering.sh SOURCE_DIR BUILD_DIR CXX
set -u
src=$1 build=$2 cxx=$3
fail=0
bad() { echo "FAILED: $*"; fail=$((fail + 1)); }

# folder | project folders it may include | other headers it may include (extended regex on the header name)
std='algorithm|array|bitset|cassert|cerrno|charconv|climits|deque|queue|stack|system_error|cctype|cstddef|cstdint|cstdlib|cstring|exception|functional|initializer_list|iterator|limits|map|memory|new|numeric|optional|set|sstream|stdexcept|string|string_view|tuple|type_traits|unordered_map|unordered_set|utility|variant|vector'
io='fstream|iostream|iomanip|cstdio|filesystem|chrono|thread|regex|cmath|random|unistd\.h|sys/.*|spawn\.h'
rules=(
  "kernel|kernel|$std|flint/.*|boost/multiprecision/.*|gmp\.h"
  "frontend|kernel frontend|$std|$io|pugixml\.hpp|fmt/.*"
  "export|kernel frontend export|$std|$io|fmt/.*|nlohmann/.*|openssl/.*"
  "prover|kernel frontend prover|$std|$io|flint/.*|glpk\.h|pugixml\.hpp"
  "cli|kernel frontend export prover cli|$std|$io|fmt/.*|nlohmann/.*|CLI/.*|gmp\.h|flint/.*"
)
for rule in "${rules[@]}"; do
  folder=$(cut -d'|' -f1 <<<"$rule"); allowed=$(cut -d'|' -f2 <<<"$rule"); others=$(cut -d'|' -f3- <<<"$rule")
  while IFS= read -r line; do
    file=${line%%:*}
    header=$(sed -E 's/^[^#]*#include *[<"]([^>"]+)[>"].*/\1/' <<<"$line")
    top=${header%%/*}
    if [ -d "$src/$top" ] && [ "$top" != "$header" ]; then  # a project header "folder/file.hpp"
      [[ " $allowed " == *" $top "* ]] || bad "$file includes $header: $folder/ may not use $top/"
    elif [[ "$line" == *'#include "'* ]] && [ -e "$(dirname "$file")/$header" ]; then
      :  # a header next to the file
    elif ! [[ "$header" =~ ^($others)$ ]]; then
      bad "$file includes <$header>, which $folder/ may not use (docs/architecture.md)"
    fi
  done < <(cd "$src" && find "$folder" -maxdepth 1 -name '*.[ch]pp' -exec grep -HE '^[[:space:]]*#[[:space:]]*include' {} +)
done

# kernel: no floating point
if (cd "$src" && grep -nE '\b(float|double|long double)\b' kernel/*.cpp kernel/*.hpp | grep -vE '^[^:]+:[0-9]+:[[:space:]]*//'); then
  bad "kernel/ uses floating point (lines above)"
fi

# probes against each layer's include root
probe_dir=$(mktemp -d); trap 'rm -rf "$probe_dir"' EXIT
probe() {  # probe LAYER HEADER EXPECT(ok|fail)
  local view; view=$(ls -d "$build"/layers/"$1"/*/ 2>/dev/null | head -1)
  [ -n "$view" ] || { bad "no include root for $1 under $build/layers (configure the build)"; return; }
  printf '#include "%s"\n' "$2" >"$probe_dir/probe.cpp"
  if "$cxx" -std=c++20 -fsyntax-only -I"$view" -I/usr/include/flint "$probe_dir/probe.cpp" 2>"$probe_dir/err"; then
    [ "$3" = ok ] || bad "$1 can include $2, which its layer forbids"
  else
    [ "$3" = fail ] || { bad "$1 cannot include $2, which it may use:"; head -3 "$probe_dir/err"; }
    [ "$3" = fail ] && ! grep -q "No such file" "$probe_dir/err" && bad "$1 including $2 failed for another reason"
  fi
}
probe icl_kernel kernel/kernel.hpp ok
probe icl_kernel frontend/corpus.hpp fail
probe icl_frontend frontend/corpus.hpp ok
probe icl_frontend export/lean.hpp fail
probe icl_frontend prover/prover.hpp fail
probe icl_export export/lean.hpp ok
probe icl_export prover/prover.hpp fail
probe icl_export cli/app.hpp fail
probe icl_prover prover/prover.hpp ok
probe icl_prover frontend/certificate.hpp ok
probe icl_prover export/lean.hpp fail

# fuzz/ must not reach into tests/
if (cd "$src" && find fuzz -name '*.[ch]pp' -exec grep -HnE '#[[:space:]]*include[[:space:]]*"(\.\./)*tests/' {} + | grep .); then
  bad "fuzz/ includes headers from tests/ (lines above)"
fi

[ $fail -eq 0 ] && echo "layering: OK (5 folders' includes, kernel without floating point, 11 include-root probes, fuzz/ apart from tests/)"
exit $((fail > 0))
