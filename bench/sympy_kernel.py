#!/usr/bin/env python3
"""A Python/sympy stand-in for the kernel, for the side-by-side benchmark (bench/run.sh).

Reads theorems/*.xml with the standard library, parses the expressions itself, and checks every
certificate the way the C++ kernel does, with sympy's expand() doing the algebra: ring and
linear_combination residuals must expand to 0, a psatz tree must evaluate to a constant that
contradicts its sign, and the sum rules check their bodies at a fresh index. It also checks each witness
(hypotheses and goals hold exactly at the point), as `icl-kernel check` does.

Untrusted and unmaintained beyond the benchmark: it is a cost reference, not a second checker.
Usage: sympy_kernel.py [THEOREMS_DIR]   (exit 0 iff every theorem is verified)
Prints one line per theorem and a final line `sympy-kernel: N/M verified; import X ms, load Y ms, check Z ms`.
"""
import sys
import time

T0 = time.perf_counter()
import glob  # noqa: E402
import os  # noqa: E402
import re  # noqa: E402
import xml.etree.ElementTree as ET  # noqa: E402

import sympy  # noqa: E402
from sympy import Function, Integer, Rational, Symbol, expand  # noqa: E402

T_IMPORT = time.perf_counter()


class Fail(Exception):
    pass


# ---------------------------------------------------------------- expressions
TOKEN = re.compile(r"\s*(?:(\d+)|([A-Za-z_][A-Za-z0-9_']*)|(<=|>=|!=|≤|≥|≠|[-+*^/(),=<>]))")


def tokenize(text):
    pos, out = 0, []
    text = text.strip()
    while pos < len(text):
        m = TOKEN.match(text, pos)
        if not m or m.end() == pos:
            raise Fail(f"cannot tokenize {text[pos:]!r}")
        pos = m.end()
        if m.group(1):
            out.append(("num", m.group(1)))
        elif m.group(2):
            out.append(("id", m.group(2)))
        else:
            out.append(("op", {"≤": "<=", "≥": ">=", "≠": "!="}.get(m.group(3), m.group(3))))
    return out


class Sum:
    """sum(index, bound, body): kept symbolic, only the sum rules and the witness look inside."""

    def __init__(self, index, bound, body):
        self.index, self.bound, self.body = index, bound, body


class Parser:
    # scope: name -> sympy expression for variables (reals, definition parameters);
    # families: set of family names; defs: name -> (params, body-expression over parameter symbols)
    def __init__(self, text, scope, families, defs):
        self.toks, self.i = tokenize(text), 0
        self.scope, self.families, self.defs = scope, families, defs

    def peek(self):
        return self.toks[self.i] if self.i < len(self.toks) else (None, None)

    def take(self, value=None):
        tok = self.peek()
        if tok[0] is None or (value is not None and tok[1] != value):
            raise Fail(f"expected {value!r}, got {tok[1]!r}")
        self.i += 1
        return tok

    def prop(self):
        lhs = self.expr()
        rel = self.take()[1]
        if rel not in ("=", "<=", "<", ">=", ">", "!="):
            raise Fail(f"bad relation {rel!r}")
        rhs = self.expr()
        self.end()
        return lhs, rel, rhs

    def end(self):
        if self.i != len(self.toks):
            raise Fail(f"trailing input at {self.peek()[1]!r}")

    def expr(self):
        v = self.term()
        while self.peek()[1] in ("+", "-"):
            op = self.take()[1]
            w = self.term()
            v = v + w if op == "+" else v - w
        return v

    def term(self):
        v = self.unary()
        while self.peek()[1] == "*":
            self.take()
            v = v * self.unary()
        return v

    def unary(self):
        if self.peek()[1] == "-":
            self.take()
            return -self.unary()
        return self.power()

    def power(self):
        v = self.atom()
        if self.peek()[1] == "^":
            self.take()
            v = v ** int(self.take()[1])
        return v

    def atom(self):
        kind, val = self.take()
        if kind == "num":
            if self.peek()[1] == "/":
                self.take()
                return Rational(int(val), int(self.take()[1]))
            return Integer(int(val))
        if kind == "op" and val == "(":
            v = self.expr()
            self.take(")")
            return v
        if kind != "id":
            raise Fail(f"unexpected {val!r}")
        if val == "sum":
            self.take("(")
            index = self.take()[1]
            self.take(",")
            bound = self.take()[1]
            self.take(",")
            saved = dict(self.scope)
            self.scope[index] = Symbol(index)
            body = self.expr()
            self.scope = saved
            self.take(")")
            return Sum(index, bound, body)
        if self.peek()[1] == "(":
            self.take()
            args = [self.expr()]
            while self.peek()[1] == ",":
                self.take()
                args.append(self.expr())
            self.take(")")
            if val in self.defs:
                params, body = self.defs[val]
                if len(params) != len(args):
                    raise Fail(f"{val} takes {len(params)} arguments")
                return body.xreplace({Symbol("%" + p): a for p, a in zip(params, args)})
            if val in self.families:
                return Function(val)(*args)
            raise Fail(f"unknown function {val}")
        if val not in self.scope:
            raise Fail(f"unknown variable {val}")
        return self.scope[val]


# ---------------------------------------------------------------- the checker
def relation_fact(lhs, rel, rhs):
    """l rel r  =>  (p, sign) with sign in {'=0', '>=0', '>0'}"""
    return {"=": (lhs - rhs, "=0"), ">=": (lhs - rhs, ">=0"), "<=": (rhs - lhs, ">=0"),
            ">": (lhs - rhs, ">0"), "<": (rhs - lhs, ">0")}[rel]


def negated_goal(lhs, rel, rhs):
    return {"<=": (lhs - rhs, ">0"), "<": (lhs - rhs, ">=0"),
            ">=": (rhs - lhs, ">0"), ">": (rhs - lhs, ">=0")}[rel]


class Theorem:
    def __init__(self, el, defs):
        self.id = el.get("id")
        self.reals = (el.findtext("real") or "").split()
        self.nats = (el.findtext("nat") or "").split()
        self.families = set((el.findtext("family") or "").split())
        self.scope = {v: Symbol(v) for v in self.reals}
        self.defs = defs
        self.hyps = {}
        for h in el.findall("hyp"):
            idx = h.get("forall")
            scope = dict(self.scope)
            if idx:
                scope[idx] = Symbol(idx)
            self.hyps[h.get("name")] = (Parser(h.text, scope, self.families, defs).prop(), idx, h.get("below"))
        self.goals = [Parser(g.text, dict(self.scope), self.families, defs).prop() for g in el.findall("goal")]
        self.proofs = [list(p)[0] for p in el.findall("proof")]
        self.witness = el.findtext("witness")

    def poly(self, text, index):
        scope = dict(self.scope)
        if index:
            scope[index] = Symbol(index)
        p = Parser(text, scope, self.families, self.defs)
        v = p.expr()
        p.end()
        return v

    def hyp(self, name, index):
        """the hypothesis, instantiated at the active sum index when it is a ∀ k < d hypothesis"""
        if name not in self.hyps:
            raise Fail(f"unknown hypothesis {name}")
        (lhs, rel, rhs), idx, _ = self.hyps[name]
        if idx:
            if not index:
                raise Fail(f"{name} is quantified")
            sub = {Symbol(idx): Symbol(index)}
            lhs, rhs = lhs.xreplace(sub), rhs.xreplace(sub)
        return lhs, rel, rhs

    def evaluate(self, node, goal, index):
        tag = node.tag
        if tag == "hyp":
            lhs, rel, rhs = self.hyp(node.get("name"), index)
            if rel == "!=":
                raise Fail("!= hypothesis used by hyp")
            return relation_fact(lhs, rel, rhs)
        if tag == "nonzero_sq":
            lhs, rel, rhs = self.hyp(node.get("name"), index)
            if rel != "!=":
                raise Fail("nonzero_sq needs a != hypothesis")
            return ((lhs - rhs) ** 2, ">0")
        if tag == "neg_goal":
            return negated_goal(*goal)
        if tag == "square":
            return (self.poly(node.get("of"), index) ** 2, ">=0")
        if tag == "const":
            c = Parser(node.get("value"), {}, set(), {}).expr()
            if not (c.is_Rational and c > 0):
                raise Fail("const must be a positive rational")
            return (c, ">0")
        if tag in ("mul", "add"):
            facts = [self.evaluate(c, goal, index) for c in node]
            signs = [s for _, s in facts]
            if tag == "mul":
                p = sympy.Mul(*[p for p, _ in facts])
                sign = "=0" if "=0" in signs else ">0" if all(s == ">0" for s in signs) else ">=0"
            else:
                p = sympy.Add(*[p for p, _ in facts])
                sign = "=0" if all(s == "=0" for s in signs) else ">0" if ">0" in signs else ">=0"
            return (p, sign)
        if tag == "mulpoly":
            (p, s), = [self.evaluate(c, goal, index) for c in node]
            if s != "=0":
                raise Fail("mulpoly on an inequality")
            return (self.poly(node.get("by"), index) * p, "=0")
        raise Fail(f"unknown psatz node {tag}")

    def check_goal(self, goal, cert, index=None):
        lhs, rel, rhs = goal
        tag = cert.tag
        if tag in ("ring", "linear_combination"):
            if rel != "=":
                raise Fail(f"{tag}: not an equality")
            residual = lhs - rhs
            for t in cert.findall("term"):
                hl, hrel, hr = self.hyp(t.get("hyp"), index)
                if hrel != "=":
                    raise Fail("not an equality hypothesis")
                c = self.poly(t.get("coeff"), index) if t.get("coeff") else Integer(1)
                residual -= c * (hl - hr)
            if expand(residual) != 0:
                raise Fail(f"{tag}: residual is not 0")
            return
        if tag == "psatz":
            if rel in ("=", "!="):
                raise Fail("psatz: not an inequality")
            p, sign = self.evaluate(list(cert)[0], goal, index)
            c = expand(p)
            if not c.is_Rational:
                raise Fail(f"psatz: result {c} is not a constant")
            if not {"=0": c != 0, ">=0": c < 0, ">0": c <= 0}[sign]:
                raise Fail(f"psatz: {c} {sign} is not a contradiction")
            return
        if tag in ("sum_nonneg", "sum_le_sum", "sum_congr"):
            i = cert.get("index")
            body_cert = list(cert)[0]

            def body(s):
                return s.body.xreplace({Symbol(s.index): Symbol(i)})

            if tag == "sum_nonneg":
                if rel == ">=" and isinstance(lhs, Sum) and rhs == 0:
                    bgoal = (body(lhs), ">=", Integer(0))
                elif rel == "<=" and lhs == 0 and isinstance(rhs, Sum):
                    bgoal = (Integer(0), "<=", body(rhs))
                else:
                    raise Fail("sum_nonneg: bad goal shape")
            else:
                if not (isinstance(lhs, Sum) and isinstance(rhs, Sum) and lhs.bound == rhs.bound):
                    raise Fail(f"{tag}: both sides must be sums over one bound")
                bgoal = (body(lhs), rel, body(rhs))
            return self.check_goal(bgoal, body_cert, i)
        raise Fail(f"unknown certificate {tag}")

    # ---- witness: every hypothesis and goal holds exactly at the point
    def value(self, e, point, families):
        if isinstance(e, Sum):
            total = Integer(0)
            for k in range(point[self.nat_symbol(e.bound)]):
                total += self.value(e.body.xreplace({Symbol(e.index): Integer(k)}), point, families)
            return total
        v = e.xreplace(point)
        return v.xreplace(families) if families else v

    def nat_symbol(self, name):
        return Symbol(name)

    def check_witness(self):
        point, families = {}, {}
        for item in self.witness.split(";"):
            name, val = (s.strip() for s in item.split("="))
            if val.startswith("["):
                for k, x in enumerate(v.strip() for v in val.strip("[]").split(",")):
                    families[Function(name)(Integer(k))] = Parser(x, {}, set(), {}).expr()
            else:
                point[Symbol(name)] = Parser(val, {}, set(), {}).expr()
        props = []
        for (lhs, rel, rhs), idx, below in self.hyps.values():
            if idx:
                for k in range(point[Symbol(below)]):
                    sub = {Symbol(idx): Integer(k)}
                    props.append((lhs.xreplace(sub), rel, rhs.xreplace(sub)))
            else:
                props.append((lhs, rel, rhs))
        props += self.goals
        for lhs, rel, rhs in props:
            a, b = self.value(lhs, point, families), self.value(rhs, point, families)
            ok = {"=": a == b, "<=": a <= b, "<": a < b, ">=": a >= b, ">": a > b, "!=": a != b}[rel]
            if not ok:
                raise Fail(f"witness: {lhs} {rel} {rhs} is false at the witness")

    def check(self):
        if len(self.goals) != len(self.proofs):
            raise Fail("goals and proofs differ in number")
        for g, c in zip(self.goals, self.proofs):
            self.check_goal(g, c)
        self.check_witness()


def load(directory):
    theorems, defs = [], {}
    for path in sorted(glob.glob(os.path.join(directory, "*.xml"))):
        root = ET.parse(path).getroot()
        for el in root:
            if el.tag == "def":
                params = el.get("params").split()
                # parameters as "%p" symbols so that substitution never captures a caller's variable
                scope = {p: Symbol("%" + p) for p in params}
                p = Parser(el.text, scope, set(), defs)
                body = p.expr()
                p.end()
                defs[el.get("name")] = (params, body)
            elif el.tag == "theorem":
                theorems.append((el, dict(defs)))
    # definitions are corpus-wide: every theorem sees all of them
    return [Theorem(el, defs) for el, _ in theorems]


def main():
    directory = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "theorems")
    t0 = time.perf_counter()
    theorems = load(directory)
    t1 = time.perf_counter()
    ok = 0
    for t in theorems:
        try:
            t.check()
            ok += 1
            print(f"OK    {t.id}")
        except (Fail, KeyError, ValueError, TypeError) as e:
            print(f"FAIL  {t.id}: {e}")
    t2 = time.perf_counter()
    print(f"sympy-kernel: {ok}/{len(theorems)} verified; sympy {sympy.__version__}; import {1000 * (T_IMPORT - T0):.1f} ms, "
          f"load {1000 * (t1 - t0):.1f} ms, check {1000 * (t2 - t1):.1f} ms")
    return 0 if ok == len(theorems) and theorems else 1


if __name__ == "__main__":
    sys.exit(main())
