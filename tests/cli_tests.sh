#!/usr/bin/env bash
# End-to-end tests of the icl-kernel driver: exit codes, the closing line, --only, --json, and the
# built-in corpus from another directory and from an installed, moved copy of the binary.
# Usage: cli_tests.sh BINARY SOURCE_DIR BUILD_DIR
set -u
bin=$1 src=$2 build=$3
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAILED: $*"; }
expect_rc() {  # expect_rc WANT DESCRIPTION -- command...
  local want=$1 what=$2; shift 3
  "$@" >/tmp/icl_cli_out.$$ 2>&1; local rc=$?
  if [ "$rc" = "$want" ]; then ok; else bad "$what: exit $rc, want $want"; sed 's/^/    /' /tmp/icl_cli_out.$$ | tail -5; fi
}
closing_line_ok() {  # the exact closing line with D = D
  grep -Eq '^81 theorem statements, 0 axioms, 0 sorry; ([0-9]+) declarations, \1 OK$' "$1"
}

# built-in corpus from an unrelated working directory
(cd / && "$bin" check >/tmp/icl_cli_all.$$ 2>&1); rc=$?
[ "$rc" = 0 ] && ok || bad "check (built-in, from /) exit $rc"
closing_line_ok /tmp/icl_cli_all.$$ && ok || { bad "closing line"; tail -3 /tmp/icl_cli_all.$$; }
[ "$(sed '/^derived declarations/,$d' /tmp/icl_cli_all.$$ | grep -c '^OK ')" = 81 ] && ok || bad "81 OK lines"
derived=$(sed -n '/^derived declarations/,/^$/p' /tmp/icl_cli_all.$$ | grep -c '^OK ')
[ "$derived" -ge 12 ] && ok || bad "derived declarations section ($derived OK)"
grep -q "^derived: $derived declarations, $derived OK$" /tmp/icl_cli_all.$$ && ok || bad "derived count line"
tail -1 /tmp/icl_cli_all.$$ | closing_line_ok /dev/stdin && ok || bad "closing line is the last line"
grep -q '81 theorem statements (74 independent)' /tmp/icl_cli_all.$$ && ok || bad "74 independent in summary"
grep -q 'S5 universality_breakdown duplicates S2' /tmp/icl_cli_all.$$ && ok || bad "S5 duplicate note"

# installed and moved copy
inst=$(mktemp -d)
if cmake --install "$build" --prefix "$inst/prefix" >/dev/null 2>&1; then
  mv "$inst/prefix/bin/icl-kernel" "$inst/moved-icl-kernel"
  (cd "$inst" && ./moved-icl-kernel check >"$inst/out" 2>&1); rc=$?
  [ "$rc" = 0 ] && closing_line_ok "$inst/out" && ok || bad "installed+moved binary: exit $rc"
else
  bad "cmake --install failed"
fi
rm -rf "$inst"

# --only and --json
expect_rc 0 "--only B3,M3" -- "$bin" check --only B3,M3
"$bin" check --only B3,MN2 --json >/tmp/icl_cli_json.$$ 2>&1
python3 - /tmp/icl_cli_json.$$ <<'PY' && ok || bad "--json content"
import json, sys
j = json.load(open(sys.argv[1]))
ids = [t["id"] for t in j["theorems"]]
assert ids == ["B3", "MN2"], ids
assert all(t["verdict"] == "verified" for t in j["theorems"])
s = j["summary"]
assert s["statements"] == 2 and s["axioms"] == 0 and s["sorry"] == 0 and s["verified"] is True, s
PY
"$bin" check --json >/tmp/icl_cli_json.$$ 2>&1
python3 - /tmp/icl_cli_json.$$ <<'PY' && ok || bad "--json full corpus"
import json, sys
j = json.load(open(sys.argv[1]))
s = j["summary"]
assert s["statements"] == 81 and s["independent"] == 74 and s["ok"] == s["declarations"], s
by = {t["id"]: t for t in j["theorems"]}
assert by["S5"]["duplicate_of"] == "S2" and by["S5"]["same_as"] == "S2"
assert by["C3"]["same_as"] == "A7" and by["N2"]["same_as"] == "G2" and "same_as" not in by["A1"]
assert sorted(c["ids"] for c in j["independence_classes"])[0] == ["A7", "C3"]
assert by["A1"]["hypotheses_unused"] == ["heta"] and by["A3"]["hypotheses_unused"] == []
d = [t for t in j["theorems"] if t["derived"]]
assert len(d) == s["derived"] == s["derived_ok"] and len(d) >= 12, s
assert [t for t in j["theorems"] if t["id"] == "CH1"][0]["uses"] == ["A3", "A4", "A5", "LD"]
PY
grep -q 'note: A7 ≡ C3 (renaming' /tmp/icl_cli_all.$$ && ok || bad "A7 ≡ C3 class note"

# exit codes: 1 for a failed check, 2 for bad input / usage, 3 for an environment failure
expect_rc 1 "one false certificate" -- "$bin" check "$src/tests/data/one_false.xml"
expect_rc 1 "a counterexample that shows nothing" -- "$bin" check "$src/tests/data/bad_counterexample.xml"
"$bin" check "$src/tests/data/bad_counterexample.xml" 2>&1 | grep -q 'counterexample dropping hu: the goal holds there' && ok || bad "counterexample failure reason"
expect_rc 1 "witness violates a hypothesis" -- "$bin" check "$src/tests/data/vacuous.xml"
expect_rc 2 "unknown --only id" -- "$bin" check --only NOPE
# the exporters check with the --max-* limits of the command line, as check does
expect_rc 1 "export coq under --max-degree=2 (A1 needs degree 3)" -- "$bin" --max-degree=2 export coq --out "$inst/limits.v"
grep -q '^export coq: refusing to export an unverified corpus: A1 does not verify: ' /tmp/icl_cli_out.$$ && ok || bad "export coq names the unverified theorem"
[ ! -e "$inst/limits.v" ] && ok || bad "export coq wrote a file for an unverified corpus"
expect_rc 1 "export lean under --max-degree=2" -- "$bin" --max-degree=2 export lean --out-dir "$inst/limits-lean"
# ... and they unfold definitions under them too: a theorem past the default max-steps that check verifies
# with --max-steps raised is exported by all three (before, their unfolding used the defaults: "limit: …")
deep="$src/tests/data/deep_unfolding.xml" dd=$(mktemp -d)
expect_rc 1 "deep unfolding under the default limits" -- "$bin" export smtlib "$dd/deep-smt0" "$deep"
grep -q '^export smtlib: refusing to export an unverified corpus: U1 does not verify: limit: ' /tmp/icl_cli_out.$$ && ok ||
  bad "export smtlib names the unverified theorem and the limit"
expect_rc 0 "check deep unfolding, --max-steps 1e8" -- "$bin" --max-steps=100000000 check "$deep"
expect_rc 0 "export coq deep unfolding, --max-steps 1e8" -- "$bin" --max-steps=100000000 export coq "$deep" --out "$dd/deep.v"
grep -q '^Theorem deep_unfolding' "$dd/deep.v" && ok || bad "export coq: deep_unfolding not in the file"
expect_rc 0 "export smtlib deep unfolding, --max-steps 1e8" -- "$bin" --max-steps=100000000 export smtlib "$dd/deep-smt" "$deep"
[ -s "$dd/deep-smt/U1.valid.smt2" ] && ok || bad "export smtlib: no U1.valid.smt2"
expect_rc 0 "export lean deep unfolding, --max-steps 1e8" -- "$bin" --max-steps=100000000 export lean "$deep" --out-dir "$dd/deep-lean"
grep -q 'round trip OK' /tmp/icl_cli_out.$$ && ok || bad "export lean deep unfolding: round trip"
rm -rf "$dd"
expect_rc 2 "missing file" -- "$bin" check /nonexistent/file.xml
expect_rc 2 "no subcommand" -- "$bin"
expect_rc 2 "unknown option" -- "$bin" check --frobnicate
expect_rc 2 "empty --only item" -- "$bin" check --only B3,,B3
expect_rc 2 "limit flag out of range" -- "$bin" --max-nesting=1000000 check
expect_rc 2 "--max-file-bytes out of range" -- "$bin" --max-file-bytes=0 check
# a file over --max-file-bytes is refused, naming the file and the limit
"$bin" --max-file-bytes=100 check "$src/tests/data/one_false.xml" >/tmp/icl_cli_out.$$ 2>&1; rc=$?
[ "$rc" = 2 ] && grep -q "one_false.xml:1:1: .*file exceeds the size limit of 100 bytes" /tmp/icl_cli_out.$$ && ok ||
  { bad "--max-file-bytes=100: exit $rc"; tail -3 /tmp/icl_cli_out.$$; }
expect_rc 3 "output file cannot be written" -- "$bin" catalogue --out /nonexistent-dir/x/theorems.md
"$bin" check --only B3,B3 --json >/tmp/icl_cli_json.$$ 2>&1
python3 - /tmp/icl_cli_json.$$ <<'PY' && ok || bad "--only B3,B3 counts B3 once"
import json, sys
s = json.load(open(sys.argv[1]))["summary"]
assert s["statements"] == 1 and s["declarations"] == s["ok"] == 1 + s["definitions"], s
PY
expect_rc 0 "--help" -- "$bin" --help
expect_rc 0 "--version" -- "$bin" --version

# catalogue is deterministic
a=$("$bin" catalogue | sha256sum); b=$("$bin" catalogue | sha256sum)
[ "$a" = "$b" ] && ok || bad "catalogue not deterministic"

rm -f /tmp/icl_cli_*.$$
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
