#!/bin/sh
# ctest `report_renders_in_chromium` (issue 17): writes the report, loads it from disk in headless
# Chromium, and checks the DOM Chromium built: all 81 theorems present, MathML elements present and laid
# out (width > 0, measured by the page's own script), no raw ASCII markup (<=, >=, !=, ^, *) left inside
# the math, the graph SVG with a link per theorem; then takes a screenshot (WORK/report.png).
# Exit 77 (skipped) when chromium or dot is missing.
# usage: report_browser.sh ICL_KERNEL WORK_DIR
set -u
ICL=$1
WORK=$2
SKIP=77
chrome=""
for c in chromium chromium-browser google-chrome; do
    command -v "$c" >/dev/null 2>&1 && { chrome=$c; break; }
done
[ -n "$chrome" ] || { echo "SKIPPED: no chromium on PATH (Debian package chromium)"; exit $SKIP; }
command -v dot >/dev/null 2>&1 || { echo "SKIPPED: no Graphviz dot on PATH (Debian package graphviz)"; exit $SKIP; }
command -v python3 >/dev/null 2>&1 || { echo "SKIPPED: no python3"; exit $SKIP; }
rm -rf "$WORK"
mkdir -p "$WORK/out" "$WORK/profile"
"$ICL" report --out "$WORK/out" || { echo "FAIL: icl-kernel report exited $?"; exit 1; }
page="file://$WORK/out/index.html"
flags="--headless --disable-gpu --no-sandbox --no-first-run --user-data-dir=$WORK/profile"
# shellcheck disable=SC2086
timeout 180 "$chrome" $flags --virtual-time-budget=5000 --dump-dom "$page" >"$WORK/dom.html" 2>"$WORK/chrome.log"
[ -s "$WORK/dom.html" ] || { echo "FAIL: chromium dumped no DOM"; tail -5 "$WORK/chrome.log"; exit 1; }
# shellcheck disable=SC2086
timeout 180 "$chrome" $flags --window-size=1300,2200 --screenshot="$WORK/report.png" "$page" >>"$WORK/chrome.log" 2>&1
[ -s "$WORK/report.png" ] || { echo "FAIL: no screenshot"; tail -5 "$WORK/chrome.log"; exit 1; }
want=$("$ICL" check --json | python3 -c 'import json, sys; print(len(json.load(sys.stdin)["theorems"]))')
python3 - "$WORK/dom.html" "$want" <<'PY'
import sys
from html.parser import HTMLParser

class P(HTMLParser):
    def __init__(self):
        super().__init__()
        self.depth = 0          # inside <math>
        self.math = 0
        self.math_text = []
        self.ids = set()
        self.theorems = []
        self.body = {}
        self.svg_links = set()
        self.tags = set()
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "body":
            self.body = a
        if "id" in a:
            self.ids.add(a["id"])
        if "data-theorem-id" in a:
            self.theorems.append(a["data-theorem-id"])
        if tag == "math":
            self.math += 1
            self.depth += 1
        if self.depth:
            self.tags.add(tag)
        if tag == "a":
            h = a.get("xlink:href") or a.get("href") or ""
            if h.startswith("#thm-"):
                self.svg_links.add(h)
    def handle_endtag(self, tag):
        if tag == "math" and self.depth:
            self.depth -= 1
    def handle_data(self, d):
        if self.depth:
            self.math_text.append(d)

p = P()
p.feed(open(sys.argv[1], encoding="utf-8").read())
fail = []
# the 81 statements and the derived declarations (theorems/*-derived-*.xml), each once
want = int(sys.argv[2])  # the declarations `icl-kernel check --json` reports: 81 statements + derived
if len(set(p.theorems)) != len(p.theorems) or len(p.theorems) != want or want < 81:
    fail.append(f"{len(p.theorems)} theorem sections ({len(set(p.theorems))} distinct), want {want}")
for t in p.theorems:
    for k in ("thm-", "lean-", "coq-"):
        if k + t not in p.ids:
            fail.append(f"missing anchor {k}{t}")
text = "".join(p.math_text)
for bad in ("<=", ">=", "!=", "^", "*", "sum(", "/"):
    if bad in text:
        fail.append(f"raw markup {bad!r} inside the math")
if p.math < 81 * 2:
    fail.append(f"only {p.math} <math> elements")
for tag in ("mi", "mo", "mn", "mrow", "msup"):
    if tag not in p.tags:
        fail.append(f"no <{tag}> element inside the math")
if p.body.get("data-mathml-supported") != "yes":
    fail.append("the browser reports no MathML support")
laid = int(p.body.get("data-math-laid-out", "0"))
if laid != p.math:
    fail.append(f"{laid} of {p.math} math elements laid out with a non-zero width")
derived_ids = [t for t in p.theorems if t.startswith("CH")]
missing_links = [t for t in derived_ids if "#thm-" + t not in p.svg_links]
if not derived_ids or missing_links:
    fail.append(f"graph does not link the derived declarations {missing_links or '(none found)'}")
if "graph" not in p.ids:
    fail.append("no derivation-graph section")
if fail:
    print("FAIL:\n  " + "\n  ".join(fail[:20]))
    sys.exit(1)
print(f"PASS: 81 theorems, {p.math} MathML elements laid out, graph links to {len(p.svg_links)} theorems")
PY
rc=$?
echo "screenshot: $WORK/report.png"
exit $rc
