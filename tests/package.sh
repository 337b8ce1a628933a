#!/bin/sh
# ctest `package_deb_installs` (issue 17): builds the .deb with CPack, extracts it with dpkg -x into a
# fresh directory, runs the extracted icl-kernel check (exit 0, 81 OK), and checks that the man page and
# the bash completion are in the package and that Depends lists the shared libraries.
# Exit 77 (skipped) without dpkg-deb / dpkg-shlibdeps.
# usage: package.sh BUILD_DIR WORK_DIR
set -u
BUILD=$1
WORK=$2
for t in dpkg-deb dpkg-shlibdeps cpack; do
    command -v $t >/dev/null 2>&1 || { echo "SKIPPED: $t not on PATH (Debian packages dpkg-dev, cmake)"; exit 77; }
done
rm -rf "$WORK"
mkdir -p "$WORK/pkg" "$WORK/root"
(cd "$WORK/pkg" && cpack --config "$BUILD/CPackConfig.cmake" -G DEB >"$WORK/cpack.log" 2>&1) ||
    { echo "FAIL: cpack"; tail -20 "$WORK/cpack.log"; exit 1; }
deb=$(ls "$WORK"/pkg/icl-kernel_*.deb 2>/dev/null | head -1)
[ -n "$deb" ] || { echo "FAIL: no icl-kernel_*.deb written"; ls "$WORK/pkg"; exit 1; }
echo "package: $deb"
dpkg-deb -I "$deb" | sed -n '/Package:/,$p'
fail=0
dpkg-deb -f "$deb" Depends | grep -q 'libflint' || { echo "FAIL: Depends does not list libflint"; fail=1; }
dpkg-deb -f "$deb" Depends | grep -q 'libgmp' || { echo "FAIL: Depends does not list libgmp"; fail=1; }
dpkg -x "$deb" "$WORK/root"
for f in usr/bin/icl-kernel usr/share/man/man1/icl-kernel.1.gz usr/share/bash-completion/completions/icl-kernel; do
    [ -f "$WORK/root/$f" ] || { echo "FAIL: $f not in the package"; fail=1; }
done
# the man page and the completion are usable
if [ -f "$WORK/root/usr/share/man/man1/icl-kernel.1.gz" ]; then
    zcat "$WORK/root/usr/share/man/man1/icl-kernel.1.gz" | grep -q '^\.TH ICL-KERNEL 1' || { echo "FAIL: man page header"; fail=1; }
fi
if [ -f "$WORK/root/usr/share/bash-completion/completions/icl-kernel" ]; then
    bash -c ". '$WORK/root/usr/share/bash-completion/completions/icl-kernel' && complete -p icl-kernel" >/dev/null ||
        { echo "FAIL: completion does not load"; fail=1; }
fi
# apt resolves its Depends against the Debian archive (simulation only; skipped without apt lists)
if command -v apt-get >/dev/null 2>&1 && [ -n "$(ls /var/lib/apt/lists/ 2>/dev/null | grep -v -e lock -e partial)" ]; then
    apt-get install -s --no-install-recommends "$deb" >"$WORK/apt.log" 2>&1 ||
        { echo "FAIL: apt-get install -s $deb"; tail -5 "$WORK/apt.log"; fail=1; }
fi
(cd "$WORK" && ./root/usr/bin/icl-kernel check >"$WORK/check.out" 2>&1); rc=$?
[ "$rc" = 0 ] || { echo "FAIL: extracted icl-kernel check exited $rc"; tail -3 "$WORK/check.out"; fail=1; }
ok=$(sed '/^derived declarations/,$d' "$WORK/check.out" | grep -c '^OK ')
[ "$ok" = 81 ] || { echo "FAIL: $ok OK lines of theorem statements, want 81"; fail=1; }
tail -1 "$WORK/check.out"
[ $fail = 0 ] && echo "PASS: $deb installs icl-kernel, its man page and bash completion; check: 81 OK"
exit $fail
