// Independent judge for the mutation test and the checker fuzzer. It shares NO code with kernel/: it
// evaluates terms and certificates at exact rational points (boost mpq) and decides, without the
// kernel, whether a (mutated) certificate is shown invalid or a (mutated) statement is shown false.
// It only ever claims "invalid" on definite evidence:
//   - rule:           the certificate breaks a rule of docs/certificate-format.md (const <= 0, mulpoly on an
//                     inequality, unknown / out-of-scope hypothesis, wrong kind for the goal, ...);
//   - identity:       the certificate's claimed polynomial identity fails at an exact rational point
//                     (ring / linear_combination residual non-zero; psatz root not constant, or constant
//                     but not contradicting its sign);
//   - counterexample: an exact rational point satisfies every hypothesis and falsifies a goal.
// Anything else is "undecided" (never counted as invalid).
#pragma once

#include "frontend/certificate.hpp"
#include "kernel/kernel.hpp"

#include <functional>
#include <map>
#include <optional>
#include <random>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace icl::mutation {

using kernel::Rational;
using kernel::Rel;
using kernel::Term;
using kernel::TermPtr;
using Q = Rational;

struct Undefined : std::runtime_error {  // the evaluator cannot give a value (no claim is made)
    using std::runtime_error::runtime_error;
};
struct Violation : std::runtime_error {  // a certificate rule is broken: the certificate is invalid
    using std::runtime_error::runtime_error;
};

struct Point {
    std::map<std::string, Q> reals;
    std::map<std::string, unsigned long> nats;
    std::map<std::string, std::vector<Q>> fams;
};
struct Frame {
    const std::map<std::string, Q>* params = nullptr;  // inside a definition body
    std::map<std::string, unsigned long> idx;          // bound index names -> value
};

inline const kernel::Definition* find_def(const kernel::Statement& st, const std::string& n) {
    for (const auto& d : st.definitions)
        if (d.name == n) return &d;
    return nullptr;
}
inline bool in(const std::vector<std::string>& v, const std::string& x) {
    for (const auto& y : v)
        if (y == x) return true;
    return false;
}

// Exact value of t at the point. Throws Undefined for anything it cannot evaluate.
inline Q eval(const TermPtr& tp, const kernel::Statement& st, const Point& pt, const Frame& fr, int depth = 0) {
    using K = Term::Kind;
    if (!tp) throw Undefined("null term");
    if (depth > 3000) throw Undefined("too deep");
    const Term& t = *tp;
    auto arity = [&](std::size_t n) {
        if (t.args.size() != n) throw Undefined("arity");
    };
    switch (t.kind) {
        case K::Number: return t.number;
        case K::Var: {
            if (fr.params) {
                auto it = fr.params->find(t.name);
                if (it == fr.params->end()) throw Undefined("not a parameter: " + t.name);
                return it->second;
            }
            auto it = pt.reals.find(t.name);
            if (it == pt.reals.end() || !in(st.reals, t.name)) throw Undefined("unknown variable " + t.name);
            return it->second;
        }
        case K::Neg: arity(1); return -eval(t.args[0], st, pt, fr, depth + 1);
        case K::Add: arity(2); return eval(t.args[0], st, pt, fr, depth + 1) + eval(t.args[1], st, pt, fr, depth + 1);
        case K::Sub: arity(2); return eval(t.args[0], st, pt, fr, depth + 1) - eval(t.args[1], st, pt, fr, depth + 1);
        case K::Mul: arity(2); return eval(t.args[0], st, pt, fr, depth + 1) * eval(t.args[1], st, pt, fr, depth + 1);
        case K::Pow: {
            arity(1);
            if (t.exponent > 256) throw Undefined("exponent");
            Q b = eval(t.args[0], st, pt, fr, depth + 1), r = 1;
            for (unsigned long i = 0; i < t.exponent; ++i) r *= b;
            return r;
        }
        case K::Apply: {
            if (const kernel::Definition* d = find_def(st, t.name)) {
                if (d->params.size() != t.args.size()) throw Undefined("definition arity");
                std::map<std::string, Q> bound;
                for (std::size_t i = 0; i < t.args.size(); ++i) bound[d->params[i]] = eval(t.args[i], st, pt, fr, depth + 1);
                Frame inner;
                inner.params = &bound;
                return eval(d->body, st, pt, inner, depth + 1);
            }
            if (!in(st.families, t.name) || fr.params || t.args.size() != 1 || !t.args[0] ||
                t.args[0]->kind != K::Var || !fr.idx.count(t.args[0]->name))
                throw Undefined("family application");
            auto f = pt.fams.find(t.name);
            unsigned long k = fr.idx.at(t.args[0]->name);
            if (f == pt.fams.end() || k >= f->second.size()) throw Undefined("family value");
            return f->second[k];
        }
        case K::Sum: {
            if (t.args.size() != 2 || !t.args[0] || t.args[0]->kind != K::Var || fr.params) throw Undefined("sum");
            auto n = pt.nats.find(t.args[0]->name);
            if (n == pt.nats.end() || n->second > 1000) throw Undefined("sum bound");
            Q total = 0;
            for (unsigned long k = 0; k < n->second; ++k) {
                Frame inner = fr;
                inner.idx[t.name] = k;
                total += eval(t.args[1], st, pt, inner, depth + 1);
            }
            return total;
        }
    }
    throw Undefined("kind");
}

inline bool holds(const Q& l, Rel r, const Q& rr) {
    switch (r) {
        case Rel::Eq: return l == rr;
        case Rel::Le: return l <= rr;
        case Rel::Lt: return l < rr;
        case Rel::Ge: return l >= rr;
        case Rel::Gt: return l > rr;
        case Rel::Ne: return l != rr;
    }
    return false;
}

// ------------------------------------------------------------------ certificates
enum class Sg { Zero, Nonneg, Pos };
struct Val {
    Q v;
    Sg s;
};
inline bool contradiction(const Q& c, Sg s) { return s == Sg::Zero ? c != 0 : s == Sg::Nonneg ? c < 0 : c <= 0; }

// Where a certificate is judged: a goal (with index names per side) inside the top level or a sum body.
struct GoalCtx {
    TermPtr l, r;
    Rel rel = Rel::Eq;
    std::set<std::string> l_idx, r_idx;
    std::string index;  // active sum-body index ("" at top level)
    std::string bound;
};

inline Frame idx_frame(const std::set<std::string>& names) {
    Frame f;
    for (const auto& n : names) f.idx[n] = 0;  // sum bodies are evaluated at index value 0 (fams have length 1)
    return f;
}

struct HypView {
    const kernel::Hypothesis* h;
    Frame frame;
};
inline HypView hyp_in(const kernel::Statement& st, const GoalCtx& g, const std::string& name) {
    for (const auto& h : st.hypotheses) {
        if (h.name != name) continue;
        if (h.forall_index.empty()) return {&h, Frame{}};
        if (g.index.empty() || h.forall_bound != g.bound) throw Violation("quantified hypothesis outside its sum body");
        return {&h, idx_frame({h.forall_index})};
    }
    throw Violation("unknown hypothesis " + name);
}

inline Val psatz_at(const cert::PsatzPtr& np, const kernel::Statement& st, const GoalCtx& g, const Point& pt,
                    int depth = 0) {
    using K = cert::PsatzNode::Kind;
    if (!np) throw Violation("missing node");
    if (depth > 3000) throw Undefined("deep certificate");
    const auto& n = *np;
    Frame cf = g.index.empty() ? Frame{} : idx_frame({g.index});
    switch (n.kind) {
        case K::Hyp: {
            auto hv = hyp_in(st, g, n.hyp);
            Q l = eval(hv.h->prop.lhs, st, pt, hv.frame), r = eval(hv.h->prop.rhs, st, pt, hv.frame);
            switch (hv.h->prop.rel) {
                case Rel::Eq: return {l - r, Sg::Zero};
                case Rel::Ge: return {l - r, Sg::Nonneg};
                case Rel::Le: return {r - l, Sg::Nonneg};
                case Rel::Gt: return {l - r, Sg::Pos};
                case Rel::Lt: return {r - l, Sg::Pos};
                case Rel::Ne: throw Violation("hyp on a != hypothesis");
            }
            throw Violation("rel");
        }
        case K::NonzeroSq: {
            auto hv = hyp_in(st, g, n.hyp);
            if (hv.h->prop.rel != Rel::Ne) throw Violation("nonzero_sq on a non-!= hypothesis");
            Q d = eval(hv.h->prop.lhs, st, pt, hv.frame) - eval(hv.h->prop.rhs, st, pt, hv.frame);
            return {d * d, Sg::Pos};
        }
        case K::NegGoal: {
            Q l = eval(g.l, st, pt, idx_frame(g.l_idx)), r = eval(g.r, st, pt, idx_frame(g.r_idx));
            switch (g.rel) {
                case Rel::Le: return {l - r, Sg::Pos};
                case Rel::Lt: return {l - r, Sg::Nonneg};
                case Rel::Ge: return {r - l, Sg::Pos};
                case Rel::Gt: return {r - l, Sg::Nonneg};
                case Rel::Eq: return {(l - r) * (l - r), Sg::Pos};  // ¬(l = r) ⇒ (l − r)² > 0
                default: throw Violation("neg_goal on a != goal");
            }
        }
        case K::Square: {
            Q p = eval(n.poly, st, pt, cf);
            return {p * p, Sg::Nonneg};
        }
        case K::Const:
            if (n.value <= 0) throw Violation("const not positive");
            return {n.value, Sg::Pos};
        case K::Mul:
        case K::Add: {
            if (n.children.empty()) throw Violation("no operands");
            Val acc = psatz_at(n.children[0], st, g, pt, depth + 1);
            for (std::size_t i = 1; i < n.children.size(); ++i) {
                Val b = psatz_at(n.children[i], st, g, pt, depth + 1);
                if (n.kind == K::Mul) {
                    Sg s = (acc.s == Sg::Zero || b.s == Sg::Zero) ? Sg::Zero
                           : (acc.s == Sg::Pos && b.s == Sg::Pos) ? Sg::Pos
                                                                  : Sg::Nonneg;
                    acc = {acc.v * b.v, s};
                } else {
                    Sg s = (acc.s == Sg::Zero && b.s == Sg::Zero) ? Sg::Zero
                           : (acc.s == Sg::Pos || b.s == Sg::Pos) ? Sg::Pos
                                                                  : Sg::Nonneg;
                    acc = {acc.v + b.v, s};
                }
            }
            return acc;
        }
        case K::MulPoly: {
            if (n.children.size() != 1) throw Violation("mulpoly arity");
            Val c = psatz_at(n.children[0], st, g, pt, depth + 1);
            if (c.s != Sg::Zero) throw Violation("mulpoly on an inequality");
            return {eval(n.poly, st, pt, cf) * c.v, Sg::Zero};
        }
    }
    throw Violation("kind");
}

enum class Why { None, Rule, Identity, Counterexample };
inline const char* why_text(Why w) {
    return w == Why::Rule ? "rule" : w == Why::Identity ? "identity" : w == Why::Counterexample ? "counterexample" : "none";
}
struct Judgement {
    Why why = Why::None;  // None: not shown invalid
    std::string detail;
};

// Random sample points for identity checks (hypotheses need not hold: identities are polynomial).
class Sampler {
public:
    explicit Sampler(std::uint64_t seed) : rng_(seed) {}
    Q rational(int num = 40, int den = 12) {
        long n = std::uniform_int_distribution<long>(-num, num)(rng_);
        long d = std::uniform_int_distribution<long>(1, den)(rng_);
        return Q(n, d);
    }
    std::size_t below(std::size_t n) { return n == 0 ? 0 : std::uniform_int_distribution<std::size_t>(0, n - 1)(rng_); }
    bool coin(double p = 0.5) { return std::bernoulli_distribution(p)(rng_); }
    Point identity_point(const kernel::Statement& st) {
        Point p;
        for (const auto& r : st.reals) p.reals[r] = rational(97, 31);
        for (const auto& n : st.nats) p.nats[n] = 1;
        for (const auto& f : st.families) p.fams[f] = {rational(97, 31)};
        return p;
    }
    std::mt19937_64& rng() { return rng_; }

private:
    std::mt19937_64 rng_;
};

inline bool is_sum_term(const TermPtr& t) { return t && t->kind == Term::Kind::Sum && t->args.size() == 2 && t->args[0]; }

// Judges one certificate for one goal context at `points` random points. Throws Violation / Undefined.
inline Why judge_certificate(const cert::Certificate& c, const kernel::Statement& st, const GoalCtx& g,
                             Sampler& s, int points, std::string& detail) {
    using K = cert::Certificate::Kind;
    switch (c.kind) {
        case K::Ring:
        case K::LinearCombination: {
            if (g.rel != Rel::Eq) throw Violation("ring/linear_combination on a non-equality");
            if (c.kind == K::Ring && !c.combination.empty()) throw Violation("ring with hypotheses");
            if (c.exponent < 1 || (c.kind == K::Ring && c.exponent != 1)) throw Violation("bad exponent");
            for (int i = 0; i < points; ++i) {
                Point pt = s.identity_point(st);
                Q diff = eval(g.l, st, pt, idx_frame(g.l_idx)) - eval(g.r, st, pt, idx_frame(g.r_idx)), res = 1;
                for (unsigned long e = 0; e < c.exponent; ++e) res *= diff;  // (l − r)^exp (Lean's exp := n)
                Frame cf = g.index.empty() ? Frame{} : idx_frame({g.index});
                for (const auto& lt : c.combination) {
                    auto hv = hyp_in(st, g, lt.hyp);
                    if (hv.h->prop.rel != Rel::Eq) throw Violation("linear_combination on a non-equality hypothesis");
                    Q d = eval(hv.h->prop.lhs, st, pt, hv.frame) - eval(hv.h->prop.rhs, st, pt, hv.frame);
                    res -= lt.coeff ? eval(lt.coeff, st, pt, cf) * d : d;
                }
                if (res != 0) {
                    detail = "residual " + res.str() + " at a random point";
                    return Why::Identity;
                }
            }
            return Why::None;
        }
        case K::Psatz: {
            if (g.rel == Rel::Ne) throw Violation("psatz on a != goal");
            std::optional<Q> first;
            Sg sign = Sg::Zero;
            for (int i = 0; i < points; ++i) {
                Point pt = s.identity_point(st);
                Val v = psatz_at(c.refutation, st, g, pt);
                sign = v.s;
                if (first && *first != v.v) {
                    detail = "root polynomial takes values " + first->str() + " and " + v.v.str() + ": not constant";
                    return Why::Identity;
                }
                first = v.v;
            }
            if (first && !contradiction(*first, sign)) {
                detail = "root is " + first->str() + " at every sample point, which does not contradict its sign";
                return Why::Identity;
            }
            return Why::None;
        }
        case K::SumNonneg:
        case K::SumLeSum:
        case K::SumCongr: {
            if (!g.index.empty()) throw Violation("nested sum rule");
            if (!c.body) throw Violation("missing body");
            auto fresh = [&](const std::string& n) {
                return !n.empty() && !in(st.reals, n) && !in(st.nats, n) && !in(st.families, n) && !find_def(st, n);
            };
            if (!fresh(c.index)) throw Violation("index not fresh");
            auto nonzero_somewhere = [&](const TermPtr& t) {
                for (int i = 0; i < points; ++i)
                    if (eval(t, st, s.identity_point(st), Frame{}) != 0) return true;
                return false;
            };
            GoalCtx body;
            std::string bound;
            auto side = [&](const TermPtr& sum, TermPtr& term, std::set<std::string>& idx) {
                if (!fresh(sum->name)) throw Violation("sum index clashes");
                term = sum->args[1];
                idx = {sum->name};
            };
            if (c.kind == K::SumNonneg) {
                if (g.rel == Rel::Ge && is_sum_term(g.l) && !is_sum_term(g.r)) {
                    if (nonzero_somewhere(g.r)) throw Violation("sum_nonneg: right side is not 0");
                    side(g.l, body.l, body.l_idx);
                    body.r = kernel::number(0);
                    body.rel = Rel::Ge;
                    bound = g.l->args[0]->name;
                } else if (g.rel == Rel::Le && is_sum_term(g.r) && !is_sum_term(g.l)) {
                    if (nonzero_somewhere(g.l)) throw Violation("sum_nonneg: left side is not 0");
                    side(g.r, body.r, body.r_idx);
                    body.l = kernel::number(0);
                    body.rel = Rel::Le;
                    bound = g.r->args[0]->name;
                } else {
                    throw Violation("sum_nonneg: goal shape");
                }
            } else {
                if (!is_sum_term(g.l) || !is_sum_term(g.r)) throw Violation("sum rule: sides are not sums");
                if (g.l->args[0]->kind != Term::Kind::Var || g.r->args[0]->kind != Term::Kind::Var ||
                    g.l->args[0]->name != g.r->args[0]->name)
                    throw Violation("sum rule: different bounds");
                bool ok = c.kind == K::SumCongr ? g.rel == Rel::Eq : (g.rel == Rel::Le || g.rel == Rel::Ge);
                if (!ok) throw Violation("sum rule: relation");
                side(g.l, body.l, body.l_idx);
                side(g.r, body.r, body.r_idx);
                body.rel = g.rel;
                bound = g.l->args[0]->name;
            }
            if (!in(st.nats, bound)) throw Violation("sum bound not a nat");
            if (c.body->kind == K::SumNonneg || c.body->kind == K::SumLeSum || c.body->kind == K::SumCongr)
                throw Violation("nested sum rule");
            body.index = c.index;
            body.bound = bound;
            return judge_certificate(*c.body, st, body, s, points, detail);
        }
        case K::Exact:  // closes a goal by a fact an instantiated theorem concluded: not modelled here
            throw Undefined("exact: instantiation is not modelled by the judge");
    }
    throw Violation("certificate kind");
}

// Certificate side of a theorem: Rule / Identity when shown invalid, None otherwise.
inline Judgement judge_proofs(const cert::Theorem& t, Sampler& s, int points = 4) {
    Judgement j;
    const auto& st = t.statement;
    try {
        if (st.goals.empty()) throw Violation("no goal");
        if (st.goals.size() != t.proofs.size()) throw Violation("goal/certificate count");
        std::set<std::string> hn;
        for (const auto& h : st.hypotheses)
            if (!hn.insert(h.name).second) throw Violation("duplicate hypothesis name");
        for (std::size_t i = 0; i < st.goals.size(); ++i) {
            GoalCtx g;
            g.l = st.goals[i].lhs;
            g.r = st.goals[i].rhs;
            g.rel = st.goals[i].rel;
            std::string d;
            Why w = judge_certificate(t.proofs[i], st, g, s, points, d);
            if (w != Why::None) {
                j.why = w;
                j.detail = "goal " + std::to_string(i + 1) + ": " + d;
                return j;
            }
        }
    } catch (const Violation& v) {
        j.why = Why::Rule;
        j.detail = v.what();
    } catch (const Undefined&) {
        j.why = Why::None;
    }
    return j;
}

// ------------------------------------------------------------------ counterexample search
// Points near the witness (and random ones); equality hypotheses are repaired by solving for a slot in
// which they are affine; sometimes an inequality is made tight the same way. Every candidate point is
// then verified exactly: all hypotheses hold (∀-hypotheses at every k < d) and some goal fails.
class CounterexampleSearch {
public:
    CounterexampleSearch(const kernel::Statement& st, const cert::Witness& w, Sampler& s) : st_(st), w_(w), s_(s) {}

    // Candidate t (0: the witness), repaired, if every hypothesis holds there exactly.
    std::optional<Point> admissible(int t) {
        Point p = candidate(t);
        try {
            if (t > 0) repair(p);
            if (all_hyps(p)) return p;
        } catch (const Undefined&) {
        }
        return std::nullopt;
    }

    std::optional<std::string> run(int tries) {
        for (int t = 0; t < tries; ++t) {
            Point p = candidate(t);
            try {
                if (t > 0) repair(p);
                if (!all_hyps(p)) continue;
                for (std::size_t g = 0; g < st_.goals.size(); ++g) {
                    const auto& goal = st_.goals[g];
                    Q l = eval(goal.lhs, st_, p, Frame{}), r = eval(goal.rhs, st_, p, Frame{});
                    if (!holds(l, goal.rel, r)) return describe(p, g, l, r);
                }
            } catch (const Undefined&) {
            }
        }
        return std::nullopt;
    }

private:
    struct Slot {  // a real variable, or one family entry
        std::string name;
        long k = -1;
    };
    Q& at(Point& p, const Slot& sl) { return sl.k < 0 ? p.reals[sl.name] : p.fams[sl.name][static_cast<std::size_t>(sl.k)]; }

    Point candidate(int t) {
        Point p;
        for (const auto& [n, v] : w_.reals) p.reals[n] = v;
        for (const auto& [n, v] : w_.nats) p.nats[n] = v;
        for (const auto& [n, v] : w_.families) p.fams[n] = v;
        for (const auto& r : st_.reals)
            if (!p.reals.count(r)) p.reals[r] = 0;
        if (t == 0) return p;
        int mode = t % 4;
        for (auto& n : st_.nats)
            if (s_.coin(0.5)) p.nats[n] = s_.below(4);
        for (auto& f : st_.families) {
            unsigned long d = 0;
            for (auto& n : st_.nats) d = std::max(d, p.nats[n]);
            p.fams[f].resize(d, Q(0));
        }
        for (auto& [n, v] : p.reals) {
            if (mode == 3) v = s_.rational(10, 4);
            else if (s_.coin(mode == 0 ? 0.3 : 0.7)) v = v + s_.rational(mode == 1 ? 2 : 6, 4);
        }
        for (auto& [n, vs] : p.fams)
            for (auto& v : vs)
                if (mode == 3 || s_.coin(0.6)) v = s_.rational(6, 4);
        return p;
    }

    std::vector<Slot> slots(const Point& p, long k) {
        std::vector<Slot> out;
        for (const auto& r : st_.reals) out.push_back({r, -1});
        if (k >= 0)
            for (const auto& f : st_.families)
                if (p.fams.count(f) && static_cast<std::size_t>(k) < p.fams.at(f).size()) out.push_back({f, k});
        return out;
    }

    // Make l = r by solving for one slot in which l - r is affine; the result is checked by the caller.
    void solve(Point& p, const kernel::Prop& prop, const Frame& fr, long k) {
        auto sl = slots(p, k);
        for (std::size_t tries = 0; tries < sl.size(); ++tries) {
            const Slot& x = sl[s_.below(sl.size())];
            Q saved = at(p, x);
            auto f = [&](const Q& v) {
                at(p, x) = v;
                return eval(prop.lhs, st_, p, fr) - eval(prop.rhs, st_, p, fr);
            };
            Q f0 = f(0), f1 = f(1), f2 = f(2), f3 = f(3);
            Q a = f1 - f0;
            if (a != 0 && f2 - f1 == a && f3 - f2 == a) {
                at(p, x) = -f0 / a;
                return;
            }
            at(p, x) = saved;
        }
    }

    void repair(Point& p) {
        // optionally make one order relation (hypothesis or goal) tight
        if (s_.coin(0.4)) {
            std::vector<const kernel::Prop*> order;
            for (const auto& h : st_.hypotheses)
                if (h.forall_index.empty() && h.prop.rel != Rel::Eq && h.prop.rel != Rel::Ne) order.push_back(&h.prop);
            for (const auto& g : st_.goals)
                if (g.rel != Rel::Eq && g.rel != Rel::Ne) order.push_back(&g);
            if (!order.empty()) solve(p, *order[s_.below(order.size())], Frame{}, -1);
        }
        for (int round = 0; round < 3; ++round)
            for (const auto& h : st_.hypotheses) {
                if (h.prop.rel != Rel::Eq) continue;
                for (auto [fr, k] : instances(p, h)) {
                    if (eval(h.prop.lhs, st_, p, fr) == eval(h.prop.rhs, st_, p, fr)) continue;
                    solve(p, h.prop, fr, k);
                }
            }
    }

    std::vector<std::pair<Frame, long>> instances(const Point& p, const kernel::Hypothesis& h) {
        if (h.forall_index.empty()) return {{Frame{}, -1}};
        std::vector<std::pair<Frame, long>> out;
        auto n = p.nats.find(h.forall_bound);
        if (n == p.nats.end()) throw Undefined("bound");
        for (unsigned long k = 0; k < n->second; ++k) {
            Frame f;
            f.idx[h.forall_index] = k;
            out.push_back({f, static_cast<long>(k)});
        }
        return out;
    }

    bool all_hyps(const Point& p) {
        for (const auto& h : st_.hypotheses)
            for (auto [fr, k] : instances(p, h))
                if (!holds(eval(h.prop.lhs, st_, p, fr), h.prop.rel, eval(h.prop.rhs, st_, p, fr))) return false;
        return true;
    }

    std::string describe(const Point& p, std::size_t g, const Q& l, const Q& r) {
        std::string out = "goal " + std::to_string(g + 1) + " fails (" + l.str() + " " + kernel::rel_symbol(st_.goals[g].rel) +
                          " " + r.str() + ") at";
        for (const auto& [n, v] : p.reals) out += " " + n + "=" + v.str();
        for (const auto& [n, v] : p.nats) out += " " + n + "=" + std::to_string(v);
        for (const auto& [n, vs] : p.fams) {
            out += " " + n + "=[";
            for (std::size_t i = 0; i < vs.size(); ++i) out += (i ? "," : "") + vs[i].str();
            out += "]";
        }
        return out;
    }

    const kernel::Statement& st_;
    const cert::Witness& w_;
    Sampler& s_;
};

// ------------------------------------------------------------------ mutable deep copies and mutation sites
using cert::Certificate;
using cert::PsatzNode;
using cert::PsatzPtr;
using TK = Term::Kind;

inline PsatzNode& mut(const PsatzPtr& p) { return const_cast<PsatzNode&>(*p); }

// Terms are immutable (kernel::Term::make), so a clone may share them; a mutation rebuilds the path to
// the subterm it changes (Slot::set).
inline TermPtr clone(const TermPtr& t) { return t; }

// A subterm position: a root slot of the theorem and the operand indices that lead to the subterm.
struct Slot {
    TermPtr* root;
    std::vector<std::size_t> path;
    TermPtr get() const {
        TermPtr t = *root;
        for (auto i : path) t = t->args[i];
        return t;
    }
    void set(TermPtr v) const { *root = replaced(*root, 0, std::move(v)); }
    TermPtr replaced(const TermPtr& t, std::size_t depth, TermPtr v) const {
        if (depth == path.size()) return v;
        std::vector<TermPtr> args = t->args;
        args[path[depth]] = replaced(t->args[path[depth]], depth + 1, std::move(v));
        return kernel::rebuild(*t, std::move(args), t->name);
    }
};
inline PsatzPtr clone(const PsatzPtr& p) {
    if (!p) return p;
    auto c = std::make_shared<PsatzNode>(*p);
    c->poly = clone(c->poly);
    for (auto& ch : c->children) ch = clone(ch);
    return c;
}
inline Certificate clone(const Certificate& c) {
    Certificate o = c;
    for (auto& lt : o.combination) lt.coeff = clone(lt.coeff);
    o.refutation = clone(o.refutation);
    if (o.body) o.body = std::make_shared<Certificate>(clone(*o.body));
    return o;
}
inline cert::Theorem clone(const cert::Theorem& t) {
    cert::Theorem o = t;
    for (auto& d : o.statement.definitions) d.body = clone(d.body);
    for (auto& h : o.statement.hypotheses) h.prop.lhs = clone(h.prop.lhs), h.prop.rhs = clone(h.prop.rhs);
    for (auto& g : o.statement.goals) g.lhs = clone(g.lhs), g.rhs = clone(g.rhs);
    for (auto& c : o.proofs) c = clone(c);
    return o;
}

// Every mutable position of one (cloned) theorem, in a deterministic order.
struct Sites {
    std::vector<Slot> stmt;           // subterm slots of hypotheses, goals and used definitions
    std::vector<bool> stmt_in_def;    // parallel: inside a definition body (variables are parameters)
    std::vector<Slot> cert;           // subterm slots of certificate polynomials
    std::vector<PsatzNode*> psatz;    // every psatz node
    std::vector<Certificate*> certs;  // every certificate (top level and sum bodies)
    std::vector<kernel::Prop*> goals;
    std::vector<kernel::Hypothesis*> hyps;
};

inline void term_slots(TermPtr& root, std::vector<Slot>& out) {  // every subterm of root, in preorder
    std::vector<std::size_t> path;
    std::function<void(const TermPtr&)> walk = [&](const TermPtr& t) {
        if (!t) return;
        out.push_back({&root, path});
        for (std::size_t i = 0; i < t->args.size(); ++i) {
            path.push_back(i);
            walk(t->args[i]);
            path.pop_back();
        }
    };
    walk(root);
}
inline void used_defs(const TermPtr& t, const kernel::Statement& st, std::set<std::string>& out) {
    if (!t) return;
    if (t->kind == TK::Apply)
        if (const auto* d = find_def(st, t->name))
            if (out.insert(d->name).second) used_defs(d->body, st, out);
    for (const auto& a : t->args) used_defs(a, st, out);
}
inline void psatz_sites(const PsatzPtr& p, Sites& s) {
    if (!p) return;
    s.psatz.push_back(&mut(p));
    if (p->poly) term_slots(mut(p).poly, s.cert);
    for (auto& c : mut(p).children) psatz_sites(c, s);
}
inline void cert_sites(Certificate& c, Sites& s) {
    s.certs.push_back(&c);
    for (auto& lt : c.combination)
        if (lt.coeff) term_slots(lt.coeff, s.cert);
    psatz_sites(c.refutation, s);
    if (c.body) cert_sites(const_cast<Certificate&>(*c.body), s);
}
inline void cert_used_defs(const Certificate& c, const kernel::Statement& st, std::set<std::string>& out) {
    for (const auto& lt : c.combination) used_defs(lt.coeff, st, out);
    std::function<void(const PsatzPtr&)> walk = [&](const PsatzPtr& p) {
        if (!p) return;
        used_defs(p->poly, st, out);
        for (const auto& ch : p->children) walk(ch);
    };
    walk(c.refutation);
    if (c.body) cert_used_defs(*c.body, st, out);
}

inline Sites collect(cert::Theorem& t) {
    Sites s;
    auto& st = t.statement;
    for (auto& h : st.hypotheses) {
        term_slots(h.prop.lhs, s.stmt);
        term_slots(h.prop.rhs, s.stmt);
        s.hyps.push_back(&h);
    }
    for (auto& g : st.goals) {
        term_slots(g.lhs, s.stmt);
        term_slots(g.rhs, s.stmt);
        s.goals.push_back(&g);
    }
    s.stmt_in_def.assign(s.stmt.size(), false);
    std::set<std::string> defs;
    for (const auto& h : st.hypotheses) used_defs(h.prop.lhs, st, defs), used_defs(h.prop.rhs, st, defs);
    for (const auto& g : st.goals) used_defs(g.lhs, st, defs), used_defs(g.rhs, st, defs);
    for (const auto& c : t.proofs) cert_used_defs(c, st, defs);
    for (auto& d : st.definitions)
        if (defs.count(d.name)) term_slots(d.body, s.stmt);
    s.stmt_in_def.resize(s.stmt.size(), true);
    for (auto& c : t.proofs) cert_sites(c, s);
    return s;
}

}  // namespace icl::mutation
