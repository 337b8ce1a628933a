#!/usr/bin/env python3
"""Writes bench/peers/{mathlib,coq}.xml from the table below (the translated peer goals).
Each entry: id, source repo, file, lemma, reals, hyps, goals, witness.  Powers are parenthesised where a
unary minus or a rational literal precedes them, so both precedence readings agree."""
import html, os
M = ("leanprover-community/mathlib4", )
LIN = "MathlibTest/linarith.lean"
LC = "MathlibTest/linear_combination.lean"
RX = "test-suite/micromega/rexample.v"
ISS = "issue 15 (examples from nlinarith/psatz tests)"
mathlib = [
 # linarith.lean, nlinarith section
 ("L01", LIN, "example (x y) (h1 : 0 <= y) (h2 : y <= x) : y*x <= x*x", "x y", ["0 <= y", "y <= x"], ["y*x <= x*x"], "x = 1; y = 0"),
 ("L02", LIN, "example (x y) (h1 : 0 <= y) (h2 : y <= x) : y*x <= x^2", "x y", ["0 <= y", "y <= x"], ["y*x <= x^2"], "x = 1; y = 0"),
 ("L03", LIN, "example (u v x y A B) (a .. a_8) : u*y + v*x + u*v < 3*A*B (nlinarith)", "u v x y A B",
  ["0 < A", "0 <= 1 - A", "0 <= B - 1", "0 <= B - x", "0 <= B - y", "0 <= u", "0 <= v", "0 < A - u", "0 < A - v"],
  ["u*y + v*x + u*v < 3*A*B"], "u = 0; v = 0; x = 1; y = 1; A = 1; B = 1"),
 ("L04", LIN, "example (u v x y A B) : 0 < A -> A <= 1 -> 1 <= B -> ... -> u*y + v*x + u*v < 3*A*B", "u v x y A B",
  ["0 < A", "A <= 1", "1 <= B", "x <= B", "y <= B", "0 <= u", "0 <= v", "u < A", "v < A"],
  ["u*y + v*x + u*v < 3*A*B"], "u = 0; v = 0; x = 1; y = 1; A = 1; B = 1"),
 ("L05", LIN, "example (A B) : 0 < A -> 1 <= B -> 0 < A/8*B", "A B", ["0 < A", "1 <= B"], ["0 < (1/8)*A*B"], "A = 1; B = 1"),
 ("L06", LIN, "example (x y) : 0 <= x^2 + y^2", "x y", [], ["0 <= x^2 + y^2"], "x = 0; y = 0"),
 ("L07", LIN, "example (x y) : 0 <= x*x + y*y", "x y", [], ["0 <= x*x + y*y"], "x = 0; y = 0"),
 ("L08", LIN, "example (x y) : x = 0 -> y = 0 -> x*x + y*y = 0", "x y", ["x = 0", "y = 0"], ["x*x + y*y = 0"], "x = 0; y = 0"),
 ("L09", LIN, "norm_eq_zero_iff (mp, both conjuncts)", "x y", ["x*x + y*y = 0"], ["x = 0", "y = 0"], "x = 0; y = 0"),
 ("L10", LIN, "norm_zero_left", "x y", ["x*x + y*y = 0"], ["x = 0"], "x = 0; y = 0"),
 ("L11", LIN, "norm_nonpos_right", "x y", ["x*x + y*y <= 0"], ["y = 0"], "x = 0; y = 0"),
 ("L12", LIN, "norm_nonpos_left", "x y", ["x*x + y*y <= 0"], ["x = 0"], "x = 0; y = 0"),
 ("L13", LIN, "example (a1 .. d3) (h1 : a1+a2+a3 = b1+b2+b3) (h2 : c1+c2+c3 = d1+d2+d3) : ... (over ℕ; read over ℝ)",
  "a1 a2 a3 b1 b2 b3 c1 c2 c3 d1 d2 d3", ["a1 + a2 + a3 = b1 + b2 + b3", "c1 + c2 + c3 = d1 + d2 + d3"],
  ["a1*c1 + a2*c1 + a3*c1 + a1*c2 + a2*c2 + a3*c2 + a1*c3 + a2*c3 + a3*c3 = b1*d1 + b2*d1 + b3*d1 + b1*d2 + b2*d2 + b3*d2 + b1*d3 + b2*d3 + b3*d3"],
  "a1 = 0; a2 = 0; a3 = 0; b1 = 0; b2 = 0; b3 = 0; c1 = 0; c2 = 0; c3 = 0; d1 = 0; d2 = 0; d3 = 0"),
 ("L14", LIN, "example (p q r s t u v w) (h1 : p + u = q + t) (h2 : r + w = s + v) : ... (over ℕ; read over ℝ)",
  "p q r s t u v w", ["p + u = q + t", "r + w = s + v"], ["p*r + q*s + (t*w + u*v) = p*s + q*r + (t*v + u*w)"],
  "p = 0; q = 0; r = 0; s = 0; t = 0; u = 0; v = 0; w = 0"),
 ("L15", LIN, "example (n : Nat) (a) (h : a >= 2) : a*n + 5 >= 4 (n cast: 0 <= n added)", "n a", ["0 <= n", "a >= 2"], ["a*n + 5 >= 4"], "n = 0; a = 2"),
 ("L16", LIN, "example (x) : 0 <= x * wrapped x", "x", [], ["0 <= x*x"], "x = 0"),
 ("L17", LIN, "example (x y) (h1 : 0 <= y) (h2 : y <= x) : y*x <= x^2 (false variant: strict without strict hyp)", "x y", ["0 <= y", "y <= x"], ["y*x < x^2"], "x = 0; y = 0"),
 # linear_combination.lean
 ("C01", LC, "example (x y z) (h : x = y) (h2 : x*y = 0) : x + y*z = 0 (exp := 2)", "x y z", ["x = y", "x*y = 0"], ["x + y*z = 0"], "x = 0; y = 0; z = 0"),
 ("C02", LC, "example (x y z) (h : x = y) (h2 : x*y = 0) : y*z = -x (exp := 2)", "x y z", ["x = y", "x*y = 0"], ["y*z = -x"], "x = 0; y = 0; z = 0"),
 ("C03", LC, "example {x y z} (h2 h1 h0 h) : x = 0 (exp := 6)", "x y z",
  ["y^3 + x*(3*z^2) = 0", "x^3 + z*(3*y^2) = 0", "y*(3*x^2) + z^3 = 0", "x^3*y + y^3*z + z^3*x = 0"], ["x = 0"], "x = 0; y = 0; z = 0"),
 ("C04", LC, "example (x) (hx : x <= 3) : x - 1 <= 5", "x", ["x <= 3"], ["x - 1 <= 5"], "x = 0"),
 ("C05", LC, "example (a b) (h1 : a <= 1) (h2 : b <= 1) : a + b <= 2", "a b", ["a <= 1", "b <= 1"], ["a + b <= 2"], "a = 0; b = 0"),
 ("C06", LC, "example (a b) (h1 : a <= 1) (h2 : b = 1) : a + b < 3", "a b", ["a <= 1", "b = 1"], ["a + b < 3"], "a = 0; b = 1"),
 ("C07", LC, "example (a b) (h1 : a <= 1) (h2 : b >= 2) : a <= b", "a b", ["a <= 1", "b >= 2"], ["a <= b"], "a = 0; b = 2"),
 ("C08", LC, "example {x y z} (h1 : 4x+y+3z <= 25) (h2) (h3) : x <= 4", "x y z", ["4*x + y + 3*z <= 25", "-x + 2*y + z = 3", "5*x + 7*z = 43"], ["x <= 4"], "x = 1; y = 0; z = 38/7"),
 ("C09", LC, "example {a b c d e} (h1 .. h5) : a <= 1", "a b c d e",
  ["3*a + 4*b - 2*c + d = 15", "a + 2*b + c - 2*d + 2*e <= 3", "5*a + 5*b - c + d + 4*e = 31", "8*a + b - c - 2*d + 2*e = 8", "1 - 2*b + 3*c - 4*d + 5*e = -4"],
  ["a <= 1"], "a = 0; b = 0; c = 0; d = 0; e = 0"),
 ("C10", LC, "example {a b c d e} (h1 .. h5, h5 strict) : a < 1", "a b c d e",
  ["3*a + 4*b - 2*c + d = 15", "a + 2*b + c - 2*d + 2*e <= 3", "5*a + 5*b - c + d + 4*e = 31", "8*a + b - c - 2*d + 2*e = 8", "1 - 2*b + 3*c - 4*d + 5*e > -4"],
  ["a < 1"], "a = 0; b = 0; c = 0; d = 0; e = 0"),
 ("C11", LC, "example (a b) (h1 : a <= 1) (h2 : b >= 0) : a <= b (expected failure: false)", "a b", ["a <= 1", "b >= 0"], ["a <= b"], "a = 1; b = 0"),
 ("C12", LC, "example {a b} (ha : 0 <= a) (hb : b < 1) : a*b <= a", "a b", ["0 <= a", "b < 1"], ["a*b <= a"], "a = 0; b = 0"),
 ("C13", LC, "example {a b} (hb : b < 1) : a*b <= a (expected failure: false)", "a b", ["b < 1"], ["a*b <= a"], "a = 0; b = 0"),
 ("C14", LC, "example {u v x y A B} : u*y + v*x + u*v < 3*A*B", "u v x y A B",
  ["0 <= u", "0 <= v", "A <= 1", "1 <= B", "x <= B", "y <= B", "u < A", "v < A"], ["u*y + v*x + u*v < 3*A*B"], "u = 0; v = 0; x = 1; y = 1; A = 1; B = 1"),
 ("C15", LC, "example {t} (ht : t >= 10) : t^2 - 3*t - 17 >= 5", "t", ["t >= 10"], ["t^2 - 3*t - 17 >= 5"], "t = 10"),
 ("C16", LC, "example {n : ℤ} (hn : n >= 5) : n^2 > 2*n + 11", "n", ["n >= 5"], ["n^2 > 2*n + 11"], "n = 5"),
 ("C17", LC, "example {a b} : a*b <= (a^2 + b^2)/2", "a b", [], ["a*b <= (1/2)*(a^2 + b^2)"], "a = 0; b = 0"),
 ("C18", LC, "example {a b c} (ha hb hc : 0 <= _) : a*b*c <= (a^3 + b^3 + c^3)/3", "a b c", ["0 <= a", "0 <= b", "0 <= c"], ["a*b*c <= (1/3)*(a^3 + b^3 + c^3)"], "a = 0; b = 0; c = 0"),
 ("C19", LC, "example {a b c x} (h : a*x^2 + b*x + c = 0) : b^2 >= 4*a*c", "a b c x", ["a*x^2 + b*x + c = 0"], ["b^2 >= 4*a*c"], "a = 0; b = 0; c = 0; x = 0"),
 ("C20", LC, "example (h : g a = g b) : a^4 = b^4 (g a := a^2)", "a b", ["a^2 = b^2"], ["a^4 = b^4"], "a = 0; b = 0"),
 ("C21", LC, "example {r s a b} (h1 : r = a + 1) (h2 : s = b + 1) : r*s = (a+1)*(b+1)", "r s a b", ["r = a + 1", "s = b + 1"], ["r*s = (a + 1)*(b + 1)"], "r = 1; s = 1; a = 0; b = 0"),
 ("C22", LC, "example {x y z p q} (h0 h1 h2) : ((27*q^2 + 4*p^3)*x)^4 = 0 (degree 28)", "x y z p q",
  ["3*x^2 + z^2*p = 0", "z*(2*y) = 0", "-(y^2) + p*x*(2*z) + q*(3*z^2) = 0"], ["((27*q^2 + 4*p^3)*x)^4 = 0"], "x = 0; y = 0; z = 0; p = 0; q = 0"),
 ("C23", LC, "example {a b} (h : a < b) : 0 < b - a", "a b", ["a < b"], ["0 < b - a"], "a = 0; b = 1"),
 ("C24", LC, "example (x) (hx : x^2 - 4*x = -4) : x = 2 (exp := 2, from the linear_combination docs)", "x", ["x^2 - 4*x = -4"], ["x = 2"], "x = 2"),
 # issue 15 examples (nlinarith-style equality goals by inequality reasoning, Σ squares)
 ("I01", ISS, "x <= 3y, y <= 2z, x >= 6z ⊢ x = 3y", "x y z", ["x <= 3*y", "y <= 2*z", "x >= 6*z"], ["x = 3*y"], "x = 0; y = 0; z = 0"),
 ("I02", ISS, "-x*x >= 0 ⊢ x*y = 0", "x y", ["-(x*x) >= 0"], ["x*y = 0"], "x = 0; y = 0"),
 ("I03", ISS, "x1^2+x2^2+x3^2 = 1 ⊢ (x1+x2+x3)^2 <= 3", "x1 x2 x3", ["x1^2 + x2^2 + x3^2 = 1"], ["(x1 + x2 + x3)^2 <= 3"], "x1 = 1; x2 = 0; x3 = 0"),
 ("I04", ISS, "x1^2+..+x4^2 = 1 ⊢ (x1+..+x4)^2 <= 4", "x1 x2 x3 x4", ["x1^2 + x2^2 + x3^2 + x4^2 = 1"], ["(x1 + x2 + x3 + x4)^2 <= 4"], "x1 = 1; x2 = 0; x3 = 0; x4 = 0"),
 ("I05", ISS, "x^2 + y^2 = 0 ⊢ x = 0", "x y", ["x^2 + y^2 = 0"], ["x = 0"], "x = 0; y = 0"),
 ("I06", ISS, "x*y = 1 ⊢ x^2 + y^2 >= 2 (false variant: > 2)", "x y", ["x*y = 1"], ["x^2 + y^2 > 2"], "x = 1; y = 1"),
 ("I07", ISS, "Motzkin polynomial >= 0 (not a sum of squares; (1 + x^2 + y^2) times it is)", "x y", [], ["x^4*y^2 + x^2*y^4 + 1 - 3*x^2*y^2 >= 0"], "x = 0; y = 0"),
 ("I08", ISS, "Motzkin variant with 4*x^2*y^2 (false at x = y = 1)", "x y", [], ["x^4*y^2 + x^2*y^4 + 1 - 4*x^2*y^2 >= 0"], "x = 0; y = 0"),
]
coq = [
 ("R01", RX, "yplus_minus", "x y", ["0 = x + y", "0 = x - y"], ["0 = x", "0 = y"], "x = 0; y = 0"),
 ("R02", RX, "binomial", "x y", [], ["(x + y)^2 = x^2 + 2*x*y + y^2"], "x = 0; y = 0"),
 ("R03", RX, "hol_light19", "m n", [], ["2*m + n = (n + m) + m"], "m = 0; n = 0"),
 ("R04", RX, "vcgen_25", "n m jt j it i",
  ["1*it + (-2)*i + (-1) = 0", "1*jt + (-2)*j + (-1) = 0", "1*n + (-10) = 0",
   "0 <= (-4028)*i + 6222*j + 705*m + (-16674)", "0 <= (-418)*i + 651*j + 94*m + (-1866)",
   "0 <= (-209)*i + 302*j + 47*m + (-839)", "0 <= (-1)*i + 1*j + (-1)", "0 <= (-1)*j + 1*m + 0",
   "0 <= 1*j + 5*m + (-27)", "0 <= 2*j + (-1)*m + 2", "0 <= 7*j + 10*m + (-74)", "0 <= 18*j + (-139)*m + 1188",
   "0 <= 1*i + 0", "0 <= 121*i + 810*j + (-7465)*m + 64350"], ["1 = (-2)*i + it"], "n = 10; m = 6; jt = 11; j = 5; it = 3; i = 1"),
 ("R05", RX, "Goal forall x, -x^2 >= 0 -> x - 1 >= 0 -> False (goal False written 1 <= 0)", "x", ["-(x^2) >= 0", "x - 1 >= 0"], ["1 <= 0"], "x = 0"),
 ("R06", RX, "motzkin'", "x y", [], ["(x^2 + y^2 + 1)*(x^2*y^4 + x^4*y^2 + 1 - 3*x^2*y^2) >= 0"], "x = 0; y = 0"),
]
def esc(s): return html.escape(s, quote=False)
def write(path, paper, title, rows, repo):
    out = ['<?xml version="1.0" encoding="UTF-8"?>', f'<corpus paper="{paper}" title="{title}">']
    for (tid, src, lemma, reals, hyps, goals, wit) in rows:
        r = repo if src != ISS else "issue 15"
        out.append(f'  <theorem id="{tid}" name="peer_{tid.lower()}" lean="TransformerICL.peer_{tid.lower()}" section="1">')
        out.append(f'    <doc>{esc(r)}: {esc(src)}: {esc(lemma)}</doc>' if src != ISS else f'    <doc>{esc(src)}: {esc(lemma)}</doc>')
        out.append(f'    <real>{reals}</real>')
        for k, h in enumerate(hyps): out.append(f'    <hyp name="h{k}">{esc(h)}</hyp>')
        for g in goals: out.append(f'    <goal>{esc(g)}</goal>')
        for g in goals:  # placeholder certificates of the goal's kind; prove searches from the statement
            ineq = any(op in g for op in "<>")
            out.append('    <proof>' + ('<psatz><neg_goal/></psatz>' if ineq else '<ring/>') + '</proof>')
        out.append(f'    <witness>{wit}</witness>')
        out.append('  </theorem>')
    out.append('</corpus>')
    open(path, 'w').write('\n'.join(out) + '\n')
here = os.path.dirname(os.path.abspath(__file__))
write(os.path.join(here, 'mathlib.xml'), '901', 'Mathlib nlinarith / linear_combination tests', mathlib, "leanprover-community/mathlib4")
write(os.path.join(here, 'coq.xml'), '902', 'Coq micromega rexample.v', coq, "coq/coq")
