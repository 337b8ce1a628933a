#!/usr/bin/env python3
"""ctest `workflows_lint` (issue 17): checks .github/workflows/{lean,ci}.yml without network.

actionlint is not packaged in Debian 12; when it is on PATH it is run too. Otherwise: YAML parse
(python3-yaml), GitHub Actions structure (on/jobs/runs-on/steps, each step exactly one of uses/run,
`uses` pinned to a ref, `if` expressions and step ids consistent), and the content the issue asks for:
the Lean workflow installs elan or uses leanprover/lean-action, runs `lake exe cache get`, the same driver
as ctest's lean_export_compiles, `icl-kernel stamp --lean-result`, uploads the stamp; the test workflow runs
README's test command verbatim. Exit 77 (skipped) without python3-yaml.
usage: workflows_lint.py SOURCE_DIR
"""
import os
import re
import shutil
import subprocess
import sys

try:
    import yaml
except ImportError:
    print("SKIPPED: python3-yaml not installed")
    sys.exit(77)

src = sys.argv[1]
wf_dir = os.path.join(src, ".github", "workflows")
errors = []


def err(f, m):
    errors.append(f"{f}: {m}")


def load(name):
    path = os.path.join(wf_dir, name)
    try:
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
        return yaml.safe_load(text), text
    except (OSError, yaml.YAMLError) as e:
        err(name, f"does not parse: {e}")
        return None, ""


def structure(name, wf):
    if not isinstance(wf, dict):
        err(name, "top level is not a mapping")
        return []
    on = wf.get("on", wf.get(True))  # YAML 1.1 reads the key `on` as true
    if not wf.get("name"):
        err(name, "no name")
    if on is None:
        err(name, "no `on` trigger")
    elif isinstance(on, dict):
        for ev in on:
            if ev not in ("push", "pull_request", "workflow_dispatch", "schedule", "release"):
                err(name, f"unexpected trigger {ev}")
    jobs = wf.get("jobs")
    if not isinstance(jobs, dict) or not jobs:
        err(name, "no jobs")
        return []
    steps_all = []
    for jid, job in jobs.items():
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_-]*", str(jid)):
            err(name, f"bad job id {jid}")
        if not isinstance(job, dict) or "runs-on" not in job:
            err(name, f"job {jid} has no runs-on")
            continue
        steps = job.get("steps")
        if not isinstance(steps, list) or not steps:
            err(name, f"job {jid} has no steps")
            continue
        ids = set()
        for i, st in enumerate(steps):
            where = f"job {jid} step {i + 1}"
            if not isinstance(st, dict):
                err(name, f"{where} is not a mapping")
                continue
            if ("uses" in st) == ("run" in st):
                err(name, f"{where} needs exactly one of uses/run")
            if "uses" in st and not re.fullmatch(r"[\w.-]+/[\w./-]+@[\w.-]+", st["uses"]):
                err(name, f"{where}: uses {st['uses']!r} is not owner/repo@ref")
            known = {"name", "id", "if", "uses", "run", "with", "env", "working-directory", "shell",
                     "continue-on-error", "timeout-minutes"}
            for k in st:
                if k not in known:
                    err(name, f"{where}: unknown key {k}")
            if "id" in st:
                ids.add(st["id"])
            for ref in re.findall(r"steps\.([\w-]+)\.", str(st.get("if", ""))):
                if ref not in ids:
                    err(name, f"{where}: `if` refers to step id {ref} not defined before it")
            wd = st.get("working-directory")
            if wd and not os.path.isdir(os.path.join(src, wd)):
                err(name, f"{where}: working-directory {wd} does not exist")
            for script in re.findall(r"\b((?:tests|scripts)/[\w./-]+\.(?:sh|py))", str(st.get("run", ""))):
                if not os.path.isfile(os.path.join(src, script)):
                    err(name, f"{where}: runs {script}, which does not exist")
            steps_all.append(st)
    return steps_all


lean, lean_text = load("lean.yml")
ci, ci_text = load("ci.yml")
lean_steps = structure("lean.yml", lean) if lean is not None else []
ci_steps = structure("ci.yml", ci) if ci is not None else []

runs = "\n".join(str(s.get("run", "")) for s in lean_steps)
uses = [s.get("uses", "") for s in lean_steps]
if not (any(u.startswith("leanprover/lean-action@") for u in uses) or "elan-init" in runs):
    err("lean.yml", "installs neither elan nor leanprover/lean-action")
if "lake exe cache get" not in runs:
    err("lean.yml", "does not run `lake exe cache get`")
if not re.search(r"tests/lean_driver\.sh lean build/lean_check_result\.txt", runs):
    err("lean.yml", "does not run tests/lean_driver.sh as ctest's lean_export_compiles does")
if "icl-kernel stamp --lean-result build/lean_check_result.txt" not in runs:
    err("lean.yml", "does not record the result with `icl-kernel stamp --lean-result`")
up = [s for s in lean_steps if s.get("uses", "").startswith("actions/upload-artifact@")]
if not up or "stamp.json" not in str(up[0].get("with", {}).get("path", "")):
    err("lean.yml", "does not upload the stamp as an artifact")
# the driver invocation in ctest must match what the workflow runs
lean_cmake = open(os.path.join(src, "tests", "lean.cmake"), encoding="utf-8").read()
if "tests/lean_driver.sh" not in lean_cmake:
    err("lean.yml", "tests/lean.cmake no longer registers tests/lean_driver.sh")

readme = open(os.path.join(src, "README.md"), encoding="utf-8").read()
m = re.search(r"^(bash scripts/setup\.sh && ctest [^#\n]*?)\s*(#|$)", readme, re.M)
if not m:
    err("README.md", "no test command line found")
else:
    cmd = m.group(1).strip()
    if not any(str(s.get("run", "")).strip() == cmd for s in ci_steps):
        err("ci.yml", f"no step runs README's test command verbatim: {cmd}")

if shutil.which("actionlint"):
    r = subprocess.run(["actionlint", os.path.join(wf_dir, "lean.yml"), os.path.join(wf_dir, "ci.yml")],
                       capture_output=True, text=True)
    if r.returncode != 0:
        err("actionlint", r.stdout + r.stderr)
    else:
        print("actionlint: OK")
else:
    print("actionlint not on PATH (not packaged in Debian 12): YAML + structure checks only")

if errors:
    print("FAIL:\n  " + "\n  ".join(errors))
    sys.exit(1)
print(f"PASS: lean.yml ({len(lean_steps)} steps) and ci.yml ({len(ci_steps)} steps) parse and are consistent")
