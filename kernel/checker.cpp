// The rules (kernel.hpp, namespace rule): the only code that makes a Goal, a Held, a Fact or a Proof. Every
// accepted goal is justified by definition unfolding, ring normalisation over ℚ, the Positivstellensatz
// sign rules, the three finite-sum rules and instantiation; what they build is the derivation printed.
#include "kernel/kernel.hpp"
#include "kernel/poly.hpp"

#include <algorithm>
#include <functional>
#include <set>

namespace icl::kernel {

using detail::Poly;
using detail::Ring;

namespace {

// contract: never returns; the message names the rule that failed
[[noreturn]] void fail(const std::string& rule, const std::string& why) { throw KernelError(rule + ": " + why); }

bool contains(const std::vector<std::string>& v, const std::string& x) { return std::find(v.begin(), v.end(), x) != v.end(); }
const Definition* find_definition(const Statement& s, const std::string& n) {  // contract: the def named n or null
    auto d = std::find_if(s.definitions.begin(), s.definitions.end(), [&](const Definition& x) { return x.name == n; });
    return d == s.definitions.end() ? nullptr : &*d;
}
// contract: the ring variable standing for f(index); never a real variable name (those have no "(")
std::string family_atom(const std::string& f, const std::string& index) { return f + "(" + index + ")"; }

}  // namespace

// ---------------------------------------------------------------- checks, scopes, goals, held facts
// One Check: its budgets, the library it may instantiate from, what its proofs used.
struct Run {
    using Verified = std::map<std::string, std::shared_ptr<const Statement>>;
    Run(const Limits& l, std::string id = {}, const Verified* v = nullptr) : lim(l), verified(v), self(std::move(id)) {}
    const Limits lim;
    unsigned long steps = 0;  // term nodes visited, against Limits::max_steps
    unsigned long work = 0;   // polynomial work, against Limits::max_work
    const Verified* verified;
    std::string self;  // the theorem being checked
};

// One side of a relation, with the names that denote the active index on that side.
struct Side { TermPtr term; std::set<std::string> index_names; };
struct Relation { Side lhs; Rel rel; Side rhs; };

// The variables a term may mention: the real variables, and f(index) for each family when a sum
// index is active. Index names that denote the active index are listed per side (see Side).
struct Scope {
    const Statement& st;
    std::shared_ptr<Run> run;
    const Limits& lim;
    std::string index;  // active index variable (fresh), or empty
    std::string bound;  // the natural variable it ranges below
    Ring ring;
    std::map<std::string, Relation> facts;                 // conclusions of instantiations, by name
    mutable std::map<std::string, Poly> hyp_cache;        // normal form of lhs − rhs per hypothesis or fact
    Scope(const Statement& s, std::shared_ptr<Run> r, std::string idx, std::string bnd)
        : st(s), run(std::move(r)), lim(run->lim), index(std::move(idx)), bound(std::move(bnd)),
          ring(ring_names(s, index, lim), &run->work) {}
    std::set<std::string> active() const { return index.empty() ? std::set<std::string>{} : std::set<std::string>{index}; }
    std::shared_ptr<Scope> within(std::string idx, std::string bnd) const {  // contract: these facts, that index
        auto inner = std::make_shared<Scope>(st, run, std::move(idx), std::move(bnd));
        inner->facts = facts;
        return inner;
    }
    // contract: the real variables, then f(index) for every family when an index is active
    static std::vector<std::string> ring_names(const Statement& s, const std::string& index, const Limits& lim) {
        std::vector<std::string> names = s.reals;
        if (!index.empty())
            for (const auto& f : s.families) names.push_back(family_atom(f, index));
        if (names.size() > lim.max_variables)
            fail("limit", std::to_string(names.size()) + " variables > max-variables " + std::to_string(lim.max_variables));
        return names;
    }
};
using ScopePtr = std::shared_ptr<Scope>;

class Goal { public: Relation r; ScopePtr scope; };  // complete only in this file: only the kernel makes one
// A Fact with its polynomial, bound to one Goal; p is declared last, so it dies before the scope's ring.
class Held { public: GoalPtr goal; FactPtr fact; Poly p; Sign sign() const { return fact->sign; } };

namespace {

// contract: adds every variable, callee and index name occurring in t to out (only sum indices if binders)
void collect_names(const TermPtr& t, std::set<std::string>& out, const Limits& lim, unsigned long depth, bool binders = false) {
    if (depth > lim.max_depth) fail("limit", "term nesting exceeds max-depth " + std::to_string(lim.max_depth));
    if (!t->name.empty() && (!binders || t->kind == Term::Kind::Sum)) out.insert(t->name);
    for (const auto& a : t->args) collect_names(a, out, lim, depth + 1, binders);
}
// contract: true iff n is non-empty and names no variable, family or definition of s
bool fresh_name(const Statement& s, const std::string& n) {
    return !n.empty() && !contains(s.reals, n) && !contains(s.nats, n) && !contains(s.families, n) &&
           !find_definition(s, n);
}
Rel converse(Rel r) {  // contract: l r m ⇔ m converse(r) l
    static const Rel conv[] = {Rel::Eq, Rel::Ge, Rel::Gt, Rel::Le, Rel::Lt, Rel::Ne};  // of Eq, Le, Lt, Ge, Gt, Ne
    return conv[static_cast<int>(r)];
}
// contract: t with the substitution applied (see kernel.hpp); every node visited counts against max-steps,
// so that unfolding, which substitutes into ever larger bodies, stays within the step budget
TermPtr substitute_counted(const TermPtr& u, const Substitution& sg, const Limits& lim, unsigned long& steps,
                           unsigned long depth) {
    if (depth > lim.max_depth) fail("limit", "term nesting exceeds max-depth " + std::to_string(lim.max_depth));
    if (++steps > lim.max_steps) fail("limit", "substitution exceeds max-steps " + std::to_string(lim.max_steps));
    if (u->kind == Term::Kind::Var) {
        if (auto r = sg.reals.find(u->name); r != sg.reals.end()) return r->second;
        if (auto n = sg.names.find(u->name); n != sg.names.end()) return var(n->second);
        return u;
    }
    Substitution shadowed;
    if (u->kind == Term::Kind::Sum) {  // the index is bound in the body
        shadowed = sg;
        shadowed.reals.erase(u->name);
        shadowed.names.erase(u->name);
    }
    std::vector<TermPtr> args;
    for (std::size_t i = 0; i < u->args.size(); ++i)
        args.push_back(substitute_counted(u->args[i], u->kind == Term::Kind::Sum && i == 1 ? shadowed : sg, lim, steps, depth + 1));
    auto n = u->kind == Term::Kind::Apply ? sg.names.find(u->name) : sg.names.end();
    return rebuild(*u, std::move(args), n != sg.names.end() ? n->second : u->name);
}
// contract: t with every call of a definition of s replaced by its unfolded body (same value everywhere)
TermPtr unfold_term(const TermPtr& t, const Statement& s, Run& run, unsigned long depth) {
    if (depth > run.lim.max_depth) fail("limit", "term nesting exceeds max-depth " + std::to_string(run.lim.max_depth));
    if (++run.steps > run.lim.max_steps) fail("limit", "unfolding exceeds max-steps " + std::to_string(run.lim.max_steps));
    std::vector<TermPtr> args;
    for (const auto& a : t->args) args.push_back(unfold_term(a, s, run, depth + 1));
    if (t->kind != Term::Kind::Apply || !find_definition(s, t->name)) return args == t->args ? t : rebuild(*t, args, t->name);
    const Definition& d = *find_definition(s, t->name);
    if (d.params.size() != args.size())
        fail("unfold", "'" + t->name + "' takes " + std::to_string(d.params.size()) + " arguments, got " + std::to_string(args.size()));
    Substitution sg;
    for (std::size_t i = 0; i < args.size(); ++i) sg.reals[d.params[i]] = args[i];
    return substitute_counted(unfold_term(d.body, s, run, depth + 1), sg, run.lim, run.steps, depth);
}
// contract: true iff a and b are the same term up to a consistent renaming of sum indices
using Bound = std::vector<std::pair<std::string, std::string>>;  // sum indices bound so far, in a and in b
bool alpha_equal(const TermPtr& a, const TermPtr& b, Bound& bound) {
    // number and exponent are 0 where unused; a sum's name is its index, compared through `bound` instead
    if (a->kind != b->kind || a->args.size() != b->args.size() || a->number != b->number || a->exponent != b->exponent ||
        (a->kind == Term::Kind::Apply && a->name != b->name))
        return false;
    if (a->kind == Term::Kind::Var) {
        for (auto it = bound.rbegin(); it != bound.rend(); ++it)
            if (it->first == a->name || it->second == b->name) return it->first == a->name && it->second == b->name;
        return a->name == b->name;
    }
    for (std::size_t i = 0; i < a->args.size(); ++i) {
        if (a->kind == Term::Kind::Sum && i == 1) bound.push_back({a->name, b->name});  // binds in the body only
        if (!alpha_equal(a->args[i], b->args[i], bound)) return false;  // false is final: `bound` is not reused
    }
    if (a->kind == Term::Kind::Sum) bound.pop_back();
    return true;
}
bool alpha_equal(const TermPtr& a, const TermPtr& b) { Bound none; return alpha_equal(a, b, none); }  // contract: as above

// contract: the normal form of t in scope (definition calls unfolded by unfold_term, the one unfolding),
// where the names in ix denote the active index; KernelError for any ill-scoped term
Poly to_poly(const TermPtr& tp, const Scope& sc, const std::set<std::string>& ix, unsigned long depth) {
    if (!tp) fail("term", "missing subterm");
    if (depth > sc.lim.max_depth) fail("limit", "term nesting exceeds max-depth " + std::to_string(sc.lim.max_depth));
    if (++sc.run->steps > sc.lim.max_steps) fail("limit", "normalisation exceeds max-steps " + std::to_string(sc.lim.max_steps));
    const Term& t = *tp;  // fixed arity (Term::make)
    auto sub = [&](std::size_t i) { return to_poly(t.args[i], sc, ix, depth + 1); };
    switch (t.kind) {
        case Term::Kind::Number: return Poly::constant(sc.ring, sc.lim, t.number);
        case Term::Kind::Var: {  // the ring's first variables are the reals, in order (Scope::ring_names)
            const long i = sc.ring.index_of(t.name);
            if (i < 0 || i >= static_cast<long>(sc.st.reals.size())) fail("term", "unknown real variable '" + t.name + "'");
            return Poly::variable(sc.ring, sc.lim, i);
        }
        case Term::Kind::Neg: return -sub(0);
        case Term::Kind::Add: { Poly a = sub(0); return a + sub(1); }  // left operand first (C++ leaves the order of
        case Term::Kind::Sub: { Poly a = sub(0); return a - sub(1); }  // `sub(0) + sub(1)` open): the same limit
        case Term::Kind::Mul: { Poly a = sub(0); return a * sub(1); }  // message and step count from every compiler
        case Term::Kind::Pow: return sub(0).power(t.exponent);
        case Term::Kind::Apply:
            if (find_definition(sc.st, t.name)) return to_poly(unfold_term(tp, sc.st, *sc.run, depth), sc, ix, depth + 1);
            if (contains(sc.st.families, t.name)) {
                if (t.args.size() != 1 || t.args[0]->kind != Term::Kind::Var ||
                    !ix.count(t.args[0]->name) || sc.index.empty())
                    fail("term", "family '" + t.name + "' must be applied to the index of an enclosing sum or ∀");
                return Poly::variable(sc.ring, sc.lim, sc.ring.index_of(family_atom(t.name, sc.index)));
            }
            fail("term", "unknown function '" + t.name + "'");
        case Term::Kind::Sum: fail("term", "a sum may only be a side of a goal proved by a sum rule");
    }
    fail("term", "unknown node kind");
}

// contract: normal form of a polynomial written in a certificate (it may name the active index)
Poly certificate_poly(const TermPtr& t, const Scope& sc) { return to_poly(t, sc, sc.active(), 0); }

Poly side_poly(const Side& s, const Scope& sc) { return to_poly(s.term, sc, s.index_names, 0); }  // contract: its normal form
Poly difference(const Relation& r, const Scope& sc) { Poly l = side_poly(r.lhs, sc); return l - side_poly(r.rhs, sc); }  // l − r


const char* sign_text(Sign s) { return s == Sign::Zero ? "= 0" : s == Sign::Nonneg ? ">= 0" : "> 0"; }  // for messages only

// contract: the hypothesis or fact `name` as a relation usable in scope sc, or KernelError
Relation hypothesis_in_scope(const std::string& rule, const std::string& name, const Scope& sc) {
    if (auto f = sc.facts.find(name); f != sc.facts.end()) return f->second;
    for (const auto& h : sc.st.hypotheses) {
        if (h.name != name) continue;
        if (h.forall_index.empty()) return Relation{{h.prop.lhs, {}}, h.prop.rel, {h.prop.rhs, {}}};
        if (sc.index.empty() || h.forall_bound != sc.bound)
            fail(rule, "hypothesis '" + name + "' is quantified over k < " + h.forall_bound + " and usable only in the body of a sum rule over " + h.forall_bound);
        std::set<std::string> ix{h.forall_index};
        return Relation{{h.prop.lhs, ix}, h.prop.rel, {h.prop.rhs, ix}};
    }
    fail(rule, "unknown hypothesis '" + name + "'");
}

// contract: (normal form of lhs − rhs, relation) of hypothesis or fact `name`, normalised once per scope
std::pair<const Poly*, Rel> hypothesis_difference(const std::string& rule, const std::string& name, const Scope& sc) {
    Relation h = hypothesis_in_scope(rule, name, sc);
    auto it = sc.hyp_cache.find(name);
    if (it == sc.hyp_cache.end()) it = sc.hyp_cache.emplace(name, difference(h, sc)).first;
    return {&it->second, h.rel};
}

Prop as_prop(const Relation& g) { return Prop{g.lhs.term, g.rel, g.rhs.term}; }  // contract: g without index names

const Scope& scope_of(const GoalPtr& g) {  // contract: the scope of a kernel-made goal, or KernelError
    return g ? *g->scope : throw KernelError("goal: missing goal");
}

}  // namespace

// The only code that constructs a Fact, a Held, a Goal or a Proof; every rule below goes through it.
struct RuleBook {
    struct MadeFact : Fact { explicit MadeFact(FactData d) : Fact(std::move(d)) {} };  // one allocation per Fact
    static HeldPtr held(const GoalPtr& g, Poly p, FactData d) {
        return std::make_shared<const Held>(Held{g, std::make_shared<const MadeFact>(std::move(d)), std::move(p)});
    }
    static GoalPtr goal(Relation r, ScopePtr sc) { return std::make_shared<const Goal>(Goal{std::move(r), std::move(sc)}); }
    static ProofPtr proof(const GoalPtr& g, ProofData d, std::vector<Proof::Lemma> lemmas = {}) {  // contract: proves g
        auto p = std::shared_ptr<Proof>(new Proof(std::move(d), as_prop(g->r), std::move(lemmas)));
        p->proves_ = g;
        return p;
    }
    static ProofPtr with_lemmas(const GoalPtr& g, const ProofPtr& p, std::vector<Proof::Lemma> lemmas) {
        return proof(g, ProofData(*p), std::move(lemmas));
    }
    // contract: true iff p was made by a rule as a proof of exactly the Goal object g
    static bool proves(const ProofPtr& p, const GoalPtr& g) { return p && g && p->proves_.lock() == g; }
};

// ---------------------------------------------------------------- Positivstellensatz facts
// contract: if h: lhs rel rhs holds at every point satisfying the hypotheses, so does the result (d = lhs − rhs)
HeldPtr rule::hypothesis(const GoalPtr& g, const std::string& h) {
    auto [d, rel] = hypothesis_difference("hyp", h, scope_of(g));
    using R = Fact::Rule;
    if (rel == Rel::Ne) fail("hyp '" + h + "'", "a != hypothesis is usable only through nonzero_sq");
    Sign s = rel == Rel::Eq ? Sign::Zero : rel == Rel::Gt || rel == Rel::Lt ? Sign::Pos : Sign::Nonneg;
    return RuleBook::held(g, rel == Rel::Le || rel == Rel::Lt ? -*d : *d,  // l ≤ r: r − l ≥ 0
                          {.rule = R::Hypothesis, .sign = s, .relation = rel, .hypothesis = h});
}
// contract: if h: l ≠ r holds at every point satisfying the hypotheses, so does (l−r)² > 0
HeldPtr rule::nonzero_square(const GoalPtr& g, const std::string& h) {
    auto [d, rel] = hypothesis_difference("nonzero_sq", h, scope_of(g));
    if (rel != Rel::Ne) fail("nonzero_sq", "hypothesis '" + h + "' is not a != hypothesis");
    return RuleBook::held(g, *d * *d, {.rule = Fact::Rule::NonzeroSquare, .sign = Sign::Pos, .relation = Rel::Ne, .hypothesis = h});
}
// contract: at every point where ¬(l rel r) holds, so does the result (rel an order relation or =):
// ¬(l ≤ r) ⇔ l − r > 0, ¬(l < r) ⇔ l − r ≥ 0, ¬(l ≥ r) ⇔ r − l > 0, ¬(l > r) ⇔ r − l ≥ 0, ¬(l = r) ⇒ (l − r)² > 0
HeldPtr rule::negated_goal(const GoalPtr& g) {
    const Scope& sc = scope_of(g);
    const Rel rel = g->r.rel;
    if (rel == Rel::Ne) fail("neg_goal", "the goal is not an inequality or an equality");
    Poly l = side_poly(g->r.lhs, sc), r = side_poly(g->r.rhs, sc);
    Poly d = rel == Rel::Ge || rel == Rel::Gt ? r - l : l - r;
    Sign s = rel == Rel::Lt || rel == Rel::Gt ? Sign::Nonneg : Sign::Pos;
    return RuleBook::held(g, rel == Rel::Eq ? d * d : std::move(d), {.rule = Fact::Rule::NegatedGoal, .sign = s, .relation = rel});
}
// contract: t² ≥ 0 holds at every point
HeldPtr rule::square(const GoalPtr& g, const TermPtr& t) {
    Poly p = certificate_poly(t, scope_of(g));
    return RuleBook::held(g, p * p, {.rule = Fact::Rule::Square, .sign = Sign::Nonneg, .term = t});
}
// contract: c > 0 holds at every point, for a positive rational c
HeldPtr rule::positive_constant(const GoalPtr& g, const Rational& c) {
    if (c <= 0) fail("const", "value must be a positive rational");
    const Scope& sc = scope_of(g);
    return RuleBook::held(g, Poly::constant(sc.ring, sc.lim, c), {.rule = Fact::Rule::PositiveConstant, .sign = Sign::Pos, .value = c});
}
static void same_goal(const char* rule, const HeldPtr& a, const HeldPtr& b) {  // contract: returns iff both rest on one goal
    if (!a || !b) fail(rule, "missing operand");
    if (a->goal != b->goal) fail(rule, "the operands were made for different goals");
}
// contract: if (p s₁) and (q s₂) hold at every point satisfying the hypotheses, so does (p·q s)
HeldPtr rule::product(const HeldPtr& a, const HeldPtr& b) {
    same_goal("mul", a, b);
    Sign s = (a->sign() == Sign::Zero || b->sign() == Sign::Zero) ? Sign::Zero
             : (a->sign() == Sign::Pos && b->sign() == Sign::Pos) ? Sign::Pos : Sign::Nonneg;
    return RuleBook::held(a->goal, a->p * b->p, {.rule = Fact::Rule::Product, .sign = s, .premises = {a->fact, b->fact}});
}
// contract: if (p s₁) and (q s₂) hold at every point satisfying the hypotheses, so does (p+q s)
HeldPtr rule::sum(const HeldPtr& a, const HeldPtr& b) {
    same_goal("add", a, b);
    Sign s = (a->sign() == Sign::Zero && b->sign() == Sign::Zero) ? Sign::Zero
             : (a->sign() == Sign::Pos || b->sign() == Sign::Pos) ? Sign::Pos : Sign::Nonneg;
    return RuleBook::held(a->goal, a->p + b->p, {.rule = Fact::Rule::Sum, .sign = s, .premises = {a->fact, b->fact}});
}
// contract: if p = 0 holds at every point satisfying the hypotheses, so does t·p = 0
HeldPtr rule::equality_times(const TermPtr& t, const HeldPtr& e) {
    if (!e) fail("mulpoly", "missing operand");
    if (e->sign() != Sign::Zero) fail("mulpoly", "operand has sign " + std::string(sign_text(e->sign())) + ", not = 0");
    return RuleBook::held(e->goal, certificate_poly(t, scope_of(e->goal)) * e->p,
                          {.rule = Fact::Rule::EqualityTimes, .sign = Sign::Zero, .term = t, .premises = {e->fact}});
}

FactPtr rule::fact_of(const HeldPtr& h) { return h ? h->fact : nullptr; }

// ---------------------------------------------------------------- proofs of goals
// The one decision on a final Fact. Contract: if (p sign) holds at every point satisfying the hypotheses
// and ¬goal (every operand of a product or sum rests on the same goal), and p is a constant of the wrong
// sign, no such point exists, so the goal holds.
ProofPtr rule::refutation(const HeldPtr& h) {
    if (!h) fail("psatz", "missing fact");
    if (!h->p.is_constant()) fail("psatz", "result " + h->p.to_string() + " is not a constant");
    Rational c = h->p.constant_value();
    if (h->sign() == Sign::Zero ? c == 0 : h->sign() == Sign::Nonneg ? c >= 0 : c > 0)  // the right sign
        fail("psatz", "result " + h->p.to_string() + " " + sign_text(h->sign()) + " is not a contradiction");
    return RuleBook::proof(h->goal, {.rule = Proof::Rule::Refutation, .refutation = h->fact, .contradiction = c});
}

// contract: if every hᵢ: lᵢ = rᵢ holds at a point and (l − r)^n − Σ cᵢ·(lᵢ − rᵢ) ≡ 0, then (l − r)^n = 0 there, so l = r
static ProofPtr combination(const char* rule, Proof::Rule r, const GoalPtr& g, const std::vector<LinearTerm>& comb, unsigned long n) {
    const Scope& sc = scope_of(g);
    if (g->r.rel != Rel::Eq) fail(rule, "the goal is not an equality");
    if (n < 1) fail(rule, "exponent must be >= 1");
    Poly residual = difference(g->r, sc).power(n);  // (l−r)^n = 0 ⇒ l = r over ℝ
    for (const auto& lt : comb) {
        auto [diff, rel] = hypothesis_difference(rule, lt.hyp, sc);
        if (rel != Rel::Eq) fail(rule, "hypothesis '" + lt.hyp + "' is not an equality");
        residual = residual - (lt.coeff ? certificate_poly(lt.coeff, sc) * *diff : *diff);
    }
    if (!residual.is_zero()) fail(rule, "residual " + residual.to_string() + " is not 0");
    return RuleBook::proof(g, {.rule = r, .combination = comb, .exponent = n});
}
ProofPtr rule::linear_combination(const GoalPtr& g, const std::vector<LinearTerm>& c, unsigned long exponent) {
    return combination("linear_combination", Proof::Rule::LinearCombination, g, c, exponent);
}
ProofPtr rule::ring(const GoalPtr& g) { return combination("ring", Proof::Rule::Ring, g, {}, 1); }

// contract: if fact F holds at every point satisfying the hypotheses and the goal is F up to renaming
// bound indices (both unfolded; l rel r read as r rel' l), so does the goal
ProofPtr rule::exact(const GoalPtr& g, const std::string& fact) {
    const Scope& sc = scope_of(g);
    Relation f = hypothesis_in_scope("exact", fact, sc);
    const Relation& goal = g->r;
    if (f.lhs.index_names != goal.lhs.index_names || f.rhs.index_names != goal.rhs.index_names)
        fail("exact", "fact '" + fact + "' and the goal quantify over different indices");
    auto u = [&](const TermPtr& t) { return unfold_term(t, sc.st, *sc.run, 0); };
    TermPtr gl = u(goal.lhs.term), gr = u(goal.rhs.term), fl = u(f.lhs.term), fr = u(f.rhs.term);
    if (!(f.rel == goal.rel && alpha_equal(fl, gl) && alpha_equal(fr, gr)) &&
        !(f.rel == converse(goal.rel) && alpha_equal(fl, gr) && alpha_equal(fr, gl)))
        fail("exact", "fact '" + fact + "' is not the goal");
    return RuleBook::proof(g, {.rule = Proof::Rule::Exact, .fact = fact});
}

// contract: returns only if the body proof proves the body of a relation between sums over one bound.
// Why a fresh index is enough: Σ_{k<d} f(k) ≥ 0 (≤, =) follows from f(k) ≥ 0 for every k < d. The body
// is checked at an index i that no declaration names, with the ∀ k < d hypotheses instantiated at i and
// the other hypotheses unchanged; its family values f(i) are atoms distinct from every real variable.
// So the body proof proves the body for every value of the atoms satisfying those instances, in
// particular for the values at each k < d — the premise of Finset.sum_nonneg / sum_le_sum / sum_congr.
ProofPtr rule::sum_rule(SumRule kind, const GoalPtr& g, const std::string& index, const Prover& prove_body) {
    const Scope& sc = scope_of(g);
    const char* rule = kind == SumRule::Nonneg ? "sum_nonneg" : kind == SumRule::LeSum ? "sum_le_sum" : "sum_congr";
    if (!sc.index.empty()) fail(rule, "nested sum rules are not supported");
    const Statement& st = sc.st;
    if (!fresh_name(st, index)) fail(rule, "index '" + index + "' is not a fresh name");
    auto is_sum = [](const TermPtr& t) { return t->kind == Term::Kind::Sum; };
    auto is_zero = [&](const TermPtr& t) { return !is_sum(t) && to_poly(t, sc, {}, 0).is_zero(); };
    auto body_side = [&](const TermPtr& s) {
        if (!fresh_name(st, s->name)) fail(rule, "sum index '" + s->name + "' clashes with a declared name");
        return Side{s->args[1], {s->name}};
    };
    const Relation& goal = g->r;
    const TermPtr &l = goal.lhs.term, &r = goal.rhs.term;
    std::string bound;
    Relation body{{nullptr, {}}, goal.rel, {nullptr, {}}};
    if (kind == SumRule::Nonneg) {
        if (goal.rel == Rel::Ge && is_sum(l) && is_zero(r)) body = {body_side(l), Rel::Ge, {number(0), {}}};
        else if (goal.rel == Rel::Le && is_zero(l) && is_sum(r)) body = {{number(0), {}}, Rel::Le, body_side(r)};
        else fail(rule, "goal is not of the form sum(...) >= 0 or 0 <= sum(...)");
        bound = (is_sum(l) ? l : r)->args[0]->name;
    } else {
        if (!is_sum(l) || !is_sum(r)) fail(rule, "both sides of the goal must be sums");
        if (l->args[0]->name != r->args[0]->name) fail(rule, "the two sums do not range over the same bound");
        bool rel_ok = kind == SumRule::Congr ? goal.rel == Rel::Eq : (goal.rel == Rel::Le || goal.rel == Rel::Ge);
        if (!rel_ok) fail(rule, std::string("relation ") + rel_symbol(goal.rel) + " does not fit this rule");
        body = {body_side(l), goal.rel, body_side(r)};
        bound = l->args[0]->name;
    }
    if (!contains(st.nats, bound)) fail(rule, "sum bound '" + bound + "' is not a natural-number variable");
    // the facts of the enclosing scope hold at every point, so at every index
    GoalPtr body_goal = RuleBook::goal(std::move(body), sc.within(index, bound));
    ProofPtr p = prove_body(body_goal);
    if (!RuleBook::proves(p, body_goal)) fail(rule, "the body proof is not a proof of the body");
    using R = Proof::Rule;
    R rr = kind == SumRule::Nonneg ? R::SumNonneg : kind == SumRule::LeSum ? R::SumLeSum : R::SumCongr;
    return RuleBook::proof(g, {.rule = rr, .index = index, .bound = bound, .body = p});
}

// Rule instantiate (INST, then discharge). Contract: if T is verified, then for a substitution σ of
// all of T's variables, σ(goal of T) holds at every point where all σ(Hᵢ) hold; each σ(Hᵢ) is proved
// here by a Proof of a Goal made for it, so every conjunct of σ(goal) holds at every point satisfying
// the hypotheses in scope and becomes a named fact. T's definitions are unfolded before σ applies (T may
// define a name differently from this theorem); σ may not capture a bound index of T. The discharge
// proofs are accepted while sc holds only the facts of earlier instantiations, so none rests on T's own.
static Proof::Lemma instantiate(const rule::Instance& in, const ScopePtr& scp, const std::function<ProofPtr(std::size_t, const GoalPtr&)>& discharge) {
    Scope& sc = *scp;
    const std::string rule = "instantiate '" + in.theorem + "'";
    Run& run = *sc.run;
    if (in.theorem == run.self) fail(rule, "a theorem cannot use itself");
    auto it = run.verified->find(in.theorem);
    if (it == run.verified->end())
        fail(rule, "theorem '" + in.theorem + "' has not been verified earlier in this run (unknown, or later in the dependency order)");
    const Statement& T = *it->second;
    Substitution sigma;
    std::set<std::string> given, free;
    for (const auto& [v, term] : in.with) {
        if (!given.insert(v).second) fail(rule, "variable '" + v + "' is given twice");
        if (!term) fail(rule, "no term for '" + v + "'");
        collect_names(term, free, run.lim, 0);
        if (contains(T.reals, v)) {
            certificate_poly(term, sc);  // well scoped here (it may name the active index)
            sigma.reals[v] = term;
            continue;
        }
        bool nat = contains(T.nats, v);
        if (!nat && !contains(T.families, v)) fail(rule, "'" + v + "' is not a variable of " + in.theorem);
        const char* what = nat ? "natural variable" : "family";
        if (term->kind != Term::Kind::Var || !contains(nat ? sc.st.nats : sc.st.families, term->name))
            fail(rule, std::string(what) + " '" + v + "' must be instantiated by a " + what + " of this theorem");
        sigma.names[v] = term->name;
    }
    for (const auto* list : {&T.reals, &T.nats, &T.families})
        for (const auto& v : *list)
            if (!given.count(v)) fail(rule, "the substitution leaves '" + v + "' of " + in.theorem + " unassigned");
    if (!sc.index.empty()) free.insert(sc.index);
    std::set<std::string> binders;  // T's bound indices: ∀ indices and sum indices
    auto image = [&](const TermPtr& t) {
        TermPtr u = unfold_term(t, T, run, 0);
        collect_names(u, binders, run.lim, 0, true);
        return u;
    };
    std::vector<Prop> hyps, goals;
    for (const auto& h : T.hypotheses) {
        if (!h.forall_index.empty()) binders.insert(h.forall_index);
        hyps.push_back({image(h.prop.lhs), h.prop.rel, image(h.prop.rhs)});
    }
    for (const auto& g : T.goals) goals.push_back({image(g.lhs), g.rel, image(g.rhs)});
    for (const auto& b : binders)
        if (free.count(b)) fail(rule, "the substitution captures '" + b + "', a bound index of " + in.theorem);
    const std::set<std::string> here = sc.active();
    std::set<std::string> discharged;
    Proof::Lemma lemma{in.theorem, in.with, std::vector<Proof::Discharged>(T.hypotheses.size()), in.names};
    for (std::size_t j = 0; j < in.discharges.size(); ++j) {
        const auto& [hyp, index] = in.discharges[j];
        std::size_t i = 0;
        while (i < T.hypotheses.size() && T.hypotheses[i].name != hyp) ++i;
        if (i == T.hypotheses.size()) fail(rule, "'" + hyp + "' is not a hypothesis of " + in.theorem);
        if (!discharged.insert(hyp).second) fail(rule, "hypothesis '" + hyp + "' is discharged twice");
        const Hypothesis& h = T.hypotheses[i];
        TermPtr l = substitute(hyps[i].lhs, sigma, run.lim), r = substitute(hyps[i].rhs, sigma, run.lim);
        try {
            GoalPtr obligation;
            if (h.forall_index.empty()) {
                obligation = RuleBook::goal(Relation{{l, here}, h.prop.rel, {r, here}}, scp);
            } else {
                if (!sc.index.empty()) fail(rule, "a ∀ hypothesis cannot be discharged inside a sum body");
                if (!fresh_name(sc.st, index)) fail(rule, "index '" + index + "' is not a fresh name");
                std::set<std::string> ix{h.forall_index};
                obligation = RuleBook::goal(Relation{{l, ix}, h.prop.rel, {r, ix}}, sc.within(index, sigma.names.at(h.forall_bound)));
            }
            ProofPtr p = discharge(j, obligation);
            if (!RuleBook::proves(p, obligation)) fail("discharge", "the proof is not a proof of this hypothesis");
            lemma.discharges[i] = {hyp, index, p};
        } catch (const KernelError& e) {
            throw KernelError(rule + ": hypothesis '" + hyp + "': " + e.what());
        }
    }
    for (const auto& h : T.hypotheses)
        if (!discharged.count(h.name)) fail(rule, "hypothesis '" + h.name + "' is not discharged");
    if (in.names.size() != T.goals.size())
        fail(rule, in.theorem + " has " + std::to_string(T.goals.size()) + " conclusions but " + std::to_string(in.names.size()) + " names are given");
    for (std::size_t j = 0; j < goals.size(); ++j) {
        const std::string& n = in.names[j];
        if (n.empty() || sc.facts.count(n) ||
            std::any_of(sc.st.hypotheses.begin(), sc.st.hypotheses.end(), [&](const Hypothesis& h) { return h.name == n; }))
            fail(rule, "the name '" + n + "' is empty or already a hypothesis or fact");
        sc.facts.emplace(n, Relation{{substitute(goals[j].lhs, sigma, run.lim), here}, goals[j].rel,
                                     {substitute(goals[j].rhs, sigma, run.lim), here}});
    }
    return lemma;
}

// contract: if the instantiations hold (rule instantiate) and `rest` proves g with their conclusions as
// facts, g holds at every point satisfying the hypotheses in scope
ProofPtr rule::using_lemmas(const GoalPtr& g, const std::vector<Instance>& ins, const Discharger& discharge,
                            const Prover& rest) {
    const Scope& sc = scope_of(g);
    auto inner = sc.within(sc.index, sc.bound);  // the facts are for rest only
    std::vector<Proof::Lemma> lemmas;
    for (std::size_t i = 0; i < ins.size(); ++i)
        lemmas.push_back(instantiate(ins[i], inner, [&](std::size_t j, const GoalPtr& o) { return discharge(i, j, o); }));
    GoalPtr same = RuleBook::goal(g->r, inner);
    ProofPtr p = rest(same);
    if (!RuleBook::proves(p, same)) fail("lemmas", "the proof is not a proof of the goal");
    return RuleBook::with_lemmas(g, p, std::move(lemmas));
}

// contract: returns only if the declarations are distinct and every hypothesis is well scoped
static void check_declarations(const Statement& st, const std::shared_ptr<Run>& run) {
    std::set<std::string> seen;
    auto declare = [&](const std::string& n, const char* what) {
        if (n.empty() || n.find('(') != std::string::npos || !seen.insert(n).second)
            fail("declaration", std::string(what) + " '" + n + "' is empty, malformed or declared twice");
    };
    for (const auto& n : st.reals) declare(n, "real variable");
    for (const auto& n : st.nats) declare(n, "natural variable");
    for (const auto& n : st.families) declare(n, "family");
    std::set<std::string> earlier;  // a definition may call only earlier ones, so no cycle can exist
    for (const auto& d : st.definitions) {
        declare(d.name, "definition");
        std::function<void(const TermPtr&, unsigned long)> scoped = [&](const TermPtr& t, unsigned long depth) {
            if (!t) fail("term", "missing subterm");
            if (depth > run->lim.max_depth) fail("limit", "term nesting exceeds max-depth " + std::to_string(run->lim.max_depth));
            const std::string what = "definition '" + d.name + "' ";
            if (t->kind == Term::Kind::Var && !contains(d.params, t->name))
                fail("declaration", what + "uses '" + t->name + "', which is not one of its parameters");
            if (t->kind == Term::Kind::Apply && !earlier.count(t->name))
                fail("declaration", what + "calls '" + t->name + "', which is not defined before it (a cycle or a forward call)");
            if (t->kind == Term::Kind::Sum) fail("declaration", what + "contains a sum");
            for (const auto& a : t->args) scoped(a, depth + 1);
        };
        scoped(d.body, 0);
        earlier.insert(d.name);
    }
    std::set<std::string> hyp_names;
    std::map<std::string, std::unique_ptr<Scope>> scopes;  // one ring per ∀ index ("" for none), not per hypothesis
    for (const auto& h : st.hypotheses) {
        if (h.name.empty() || !hyp_names.insert(h.name).second)
            fail("declaration", "hypothesis name '" + h.name + "' is empty or used twice");
        bool q = !h.forall_index.empty();
        if (q && (!contains(st.nats, h.forall_bound) || seen.count(h.forall_index)))
            fail("declaration", "hypothesis '" + h.name + "': bad quantifier over '" + h.forall_bound + "'");
        auto& sc = scopes[h.forall_index];
        if (!sc) sc = std::make_unique<Scope>(st, run, h.forall_index, q ? h.forall_bound : "");
        std::set<std::string> ix = q ? std::set<std::string>{h.forall_index} : std::set<std::string>{};
        side_poly({h.prop.lhs, ix}, *sc), side_poly({h.prop.rhs, ix}, *sc);
    }
}

TermPtr substitute(const TermPtr& t, const Substitution& sigma, const Limits& limits) {
    if (!t) fail("term", "missing subterm");
    unsigned long steps = 0;
    return substitute_counted(t, sigma, limits, steps, 0);
}

TermPtr unfold_definitions(const TermPtr& t, const Statement& s, const Limits& limits) {
    if (!t) fail("term", "missing subterm");
    Run r(limits);
    return unfold_term(t, s, r, 0);
}

// ---------------------------------------------------------------- one check of one theorem
Check::Check(std::string id, const Statement& s, Library& library, const Limits& limits)
    : id_(std::move(id)), st_(s), library_(library), run_(std::make_shared<Run>(limits, id_, &library.verified_)) {}

// contract: the statement's goals as kernel-made Goals, after its declarations are validated
std::vector<GoalPtr> Check::goals() {
    if (!goals_.empty()) return goals_;
    if (library_.verified(id_) || library_.failed(id_)) fail("theorem", "'" + id_ + "' is checked twice");
    check_declarations(st_, run_);
    if (st_.goals.empty()) fail("theorem", "no goal");
    auto top = std::make_shared<Scope>(st_, run_, "", "");
    std::vector<GoalPtr> all;  // handed out only when complete: a later failure leaves none behind
    for (const auto& g : st_.goals) {
        if (!g.lhs || !g.rhs) fail("theorem", "a goal has a missing side");
        all.push_back(RuleBook::goal(Relation{{g.lhs, {}}, g.rel, {g.rhs, {}}}, top));
    }
    return goals_ = std::move(all);
}

// The one verdict. Contract: Verified only if every goal of the statement has a rule-made Proof of the
// Goal object handed out for it, so (by the rules' contracts) every goal follows from the hypotheses.
CheckResult Check::conclude(const std::vector<ProofPtr>& proofs) {
    if (goals_.empty() || goals_.size() != st_.goals.size()) return reject("theorem: the goals were not handed out");
    if (proofs.size() != goals_.size())
        return reject("theorem: " + std::to_string(goals_.size()) + " goals but " + std::to_string(proofs.size()) + " proofs");
    for (std::size_t i = 0; i < goals_.size(); ++i)
        if (!RuleBook::proves(proofs[i], goals_[i])) return reject("theorem: proof " + std::to_string(i + 1) + " is not a proof of goal " + std::to_string(i + 1));
    if (library_.verified(id_) || library_.failed(id_)) return reject("theorem: '" + id_ + "' is checked twice");
    library_.verified_.emplace(id_, std::make_shared<const Statement>(st_));
    return CheckResult{Verdict::Verified, "", proofs};
}

CheckResult Check::reject(const std::string& message) {  // contract: Rejected, recorded unless verified
    if (!library_.verified(id_)) library_.failed_.emplace(id_, message);
    return CheckResult{Verdict::Rejected, message, {}};
}

}  // namespace icl::kernel
