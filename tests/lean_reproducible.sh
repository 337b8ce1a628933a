#!/bin/sh
# ctest `lean_export_reproducible` (issue 4): `icl-kernel export lean` twice gives the same bytes, and
# the committed lean/ files are exactly what the exporter writes (the stamp's lean_check record may
# differ when `icl-kernel stamp --lean-result` was run after a Lean check; `stamp verify` covers it).
# usage: lean_reproducible.sh ICL_KERNEL SOURCE_LEAN_DIR WORK_DIR
set -eu
ICL=$1
SRC=$2
WORK=$3
rm -rf "$WORK"
mkdir -p "$WORK/a" "$WORK/b"
"$ICL" export lean --out-dir "$WORK/a" >/dev/null
"$ICL" export lean --out-dir "$WORK/b" >/dev/null
for f in TransformerICL_gradient_descent.lean TransformerICL_gradient_descent.stamp.json lean-toolchain lakefile.toml; do
    cmp "$WORK/a/$f" "$WORK/b/$f" || { echo "FAIL: two exports differ in $f"; exit 1; }
done
for f in TransformerICL_gradient_descent.lean lean-toolchain lakefile.toml; do
    cmp "$WORK/a/$f" "$SRC/$f" || { echo "FAIL: committed lean/$f is not what icl-kernel export lean writes"; exit 1; }
done
echo "PASS: export is byte-deterministic and matches the committed lean/ files"
