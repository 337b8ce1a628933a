#!/bin/sh
# ctest `lean_export_reproducible` (issues 4, 17): `icl-kernel export lean` twice gives the same bytes; a
# re-export over a copy of the committed lean/ reproduces every committed file byte for byte (the stamp's
# recorded Lean check included); a recorded Lean result survives `export lean` and `stamp` while the
# Lean file is unchanged and is dropped, with the reason, when the Lean file changes.
# usage: lean_reproducible.sh ICL_KERNEL SOURCE_LEAN_DIR WORK_DIR
set -eu
ICL=$1
SRC=$2
WORK=$3
LEAN=TransformerICL_gradient_descent.lean
STAMP=TransformerICL_gradient_descent.stamp.json
FILES="$LEAN $STAMP lean-toolchain lakefile.toml lake-manifest.json"
rm -rf "$WORK"
mkdir -p "$WORK/a" "$WORK/b" "$WORK/c" "$WORK/d"
"$ICL" export lean --out-dir "$WORK/a" >/dev/null
"$ICL" export lean --out-dir "$WORK/b" >/dev/null
for f in $FILES; do
    cmp "$WORK/a/$f" "$WORK/b/$f" || { echo "FAIL: two exports differ in $f"; exit 1; }
done
for f in $LEAN lean-toolchain lakefile.toml lake-manifest.json; do
    cmp "$WORK/a/$f" "$SRC/$f" || { echo "FAIL: committed lean/$f is not what icl-kernel export lean writes"; exit 1; }
done
# re-export over the committed files: nothing changes, the stamp included
for f in $FILES; do cp "$SRC/$f" "$WORK/c/$f"; done
"$ICL" export lean --out-dir "$WORK/c" >/dev/null
for f in $FILES; do
    cmp "$WORK/c/$f" "$SRC/$f" || { echo "FAIL: re-export over the committed lean/ changed $f"; exit 1; }
done
# a recorded passing result is kept by export lean and by stamp while the Lean file is unchanged …
for f in $FILES; do cp "$SRC/$f" "$WORK/d/$f"; done
printf 'ran=1\nexit_code=0\npassed=1\nsorry_warnings=0\nbad_axioms=0\naxiom_reports=81\nreason=\n' >"$WORK/result.txt"
"$ICL" stamp --lean-dir "$WORK/d" --lean-result "$WORK/result.txt" >/dev/null
cp "$WORK/d/$STAMP" "$WORK/recorded.json"
grep -q '"passed": true' "$WORK/recorded.json" || { echo "FAIL: stamp --lean-result did not record the result"; exit 1; }
"$ICL" export lean --out-dir "$WORK/d" >/dev/null
cmp "$WORK/d/$STAMP" "$WORK/recorded.json" || { echo "FAIL: export lean dropped a recorded Lean result"; exit 1; }
"$ICL" stamp --lean-dir "$WORK/d" >/dev/null
cmp "$WORK/d/$STAMP" "$WORK/recorded.json" || { echo "FAIL: stamp dropped a recorded Lean result"; exit 1; }
# … and dropped, with the reason, once the Lean file changes
printf -- '-- edited after the check\n' >>"$WORK/d/$LEAN"
"$ICL" stamp --lean-dir "$WORK/d" >/dev/null
if grep -q '"passed": true' "$WORK/d/$STAMP"; then echo "FAIL: a stale Lean result was kept"; exit 1; fi
grep -q 'the Lean file changed since the recorded Lean check' "$WORK/d/$STAMP" ||
    { echo "FAIL: the dropped result has no reason"; exit 1; }
echo "PASS: export is byte-deterministic, reproduces the committed lean/ files, keeps and drops Lean results"
