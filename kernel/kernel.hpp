// icl-kernel trusted core (only this folder is trusted; no I/O, parsing, search or floating point).
// Soundness contract: Check::conclude returns Verdict::Verified only if every goal of the statement
// follows from its hypotheses over the real numbers (families and sums over naturals).
#pragma once

#include <boost/multiprecision/gmp.hpp>

#include <functional>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace icl::kernel {

using Rational = boost::multiprecision::mpq_rational;
using Integer = boost::multiprecision::mpz_int;

struct KernelError : std::runtime_error { using std::runtime_error::runtime_error; };

// ---------------------------------------------------------------- terms
class Term;
using TermPtr = std::shared_ptr<const Term>;

// A real-valued expression. Apply is a definition call `L(w)` or a family value `g(k)`;
// Sum is `sum(k, d, body)`: Σ_{k<d} body, name = index variable, args = {Var d, body}.
// Nodes have fixed arity, no null operand and a variable as a sum's bound: Term::make, the only way to
// build one, checks all three.
class Term {
public:
    enum class Kind { Number, Var, Neg, Add, Sub, Mul, Pow, Apply, Sum };
    const Kind kind;
    const Rational number;            // Number
    const std::string name;           // Var, Apply (callee), Sum (index variable)
    const std::vector<TermPtr> args;  // Neg:1, Add/Sub/Mul:2, Pow:1, Apply:n, Sum:{bound, body}
    const unsigned long exponent;     // Pow
    Term(const Term&) = delete;
    static TermPtr make(Kind k, std::vector<TermPtr> args, std::string name = {}, unsigned long e = 0, Rational v = 0) {
        static const int arity[] = {0, 0, 1, 2, 2, 2, 1, -1, 2};  // by Kind; -1: any number (a call)
        if (arity[int(k)] >= 0 && args.size() != std::size_t(arity[int(k)]))
            throw KernelError("term: malformed node (wrong number of operands)");
        for (const auto& a : args)
            if (!a) throw KernelError("term: missing subterm");
        if (k == Kind::Sum && args[0]->kind != Kind::Var) throw KernelError("term: the bound of a sum must be a variable");
        struct Made : Term { Made(Kind k, Rational v, std::string n, std::vector<TermPtr> a, unsigned long e)
            : Term(k, std::move(v), std::move(n), std::move(a), e) {} };  // node and count in one allocation
        return std::make_shared<const Made>(k, std::move(v), std::move(name), std::move(args), e);
    }
private:
    Term(Kind k, Rational v, std::string n, std::vector<TermPtr> a, unsigned long e)
        : kind(k), number(std::move(v)), name(std::move(n)), args(std::move(a)), exponent(e) {}
};

// Constructors: each the term it names (a constant, a variable, −a, a+b, a−b, a·b, bᵉ, a call,
// Σ_{index<bound} body). Scope is checked by the rules, not here.
inline TermPtr number(const Rational& v) { return Term::make(Term::Kind::Number, {}, {}, 0, v); }
inline TermPtr var(const std::string& n) { return Term::make(Term::Kind::Var, {}, n); }
inline TermPtr neg(TermPtr a) { return Term::make(Term::Kind::Neg, {std::move(a)}); }
inline TermPtr add(TermPtr a, TermPtr b) { return Term::make(Term::Kind::Add, {std::move(a), std::move(b)}); }
inline TermPtr sub(TermPtr a, TermPtr b) { return Term::make(Term::Kind::Sub, {std::move(a), std::move(b)}); }
inline TermPtr mul(TermPtr a, TermPtr b) { return Term::make(Term::Kind::Mul, {std::move(a), std::move(b)}); }
inline TermPtr pow(TermPtr b, unsigned long e) { return Term::make(Term::Kind::Pow, {std::move(b)}, {}, e); }
inline TermPtr apply(const std::string& f, std::vector<TermPtr> args) { return Term::make(Term::Kind::Apply, std::move(args), f); }
inline TermPtr sum(const std::string& index, const std::string& bound, TermPtr body) {
    return Term::make(Term::Kind::Sum, {var(bound), std::move(body)}, index);
}
inline TermPtr rebuild(const Term& t, std::vector<TermPtr> args, const std::string& name) {  // other operands, name
    return Term::make(t.kind, std::move(args), name, t.exponent, t.number);
}

// ---------------------------------------------------------------- statements
enum class Rel { Eq, Le, Lt, Ge, Gt, Ne };
inline const char* rel_symbol(Rel r) {  // the concrete syntax, in the order of Rel
    static const char* const symbols[] = {"=", "<=", "<", ">=", ">", "!="};
    return symbols[static_cast<int>(r)];
}

struct Prop { TermPtr lhs; Rel rel = Rel::Eq; TermPtr rhs; };
// `forall_index` non-empty means: ∀ forall_index < forall_bound, prop.
struct Hypothesis { std::string name; Prop prop; std::string forall_index, forall_bound; };
// `name(params) := body`; body mentions only params and calls only earlier definitions (Check::goals
// rejects anything else, so a cycle is rejected, not cut off by a depth limit).
struct Definition { std::string name; std::vector<std::string> params; TermPtr body; };

struct Statement {
    std::vector<std::string> reals;     // real variables
    std::vector<std::string> nats;      // natural-number variables (sum bounds only)
    std::vector<std::string> families;  // ℕ → ℝ families, used as f(k) inside sums / ∀-hypotheses
    std::vector<Definition> definitions;
    std::vector<Hypothesis> hypotheses;
    std::vector<Prop> goals;            // conjunction; one certificate per goal
};

// one summand cᵢ·(hᵢ.lhs − hᵢ.rhs) of a linear combination: hyp an equality, coeff null means 1
struct LinearTerm { TermPtr coeff; std::string hyp; };

struct Limits {  // resource limits; exceeding one is a rejection, never a crash
    unsigned long max_degree = 64;       // total degree of any intermediate polynomial
    unsigned long max_terms = 2'000'000; // monomials of any intermediate polynomial
    unsigned long max_depth = 2'000;     // nesting of terms, certificates and definition unfolding
    unsigned long max_sum_bound = 10'000;// witness values of natural variables (frontend::check_witness)
    unsigned long max_coeff_bits = 200'000;  // bits of any numerator or denominator
    unsigned long max_steps = 1'000'000;     // term nodes visited per check (bounds definition unfolding)
    unsigned long max_work = 20'000'000'000;  // polynomial work per check: Σ monomials × (words + limbs)
    unsigned long max_variables = 10'000;    // real variables plus family atoms of one ring
};

// ---------------------------------------------------------------- derivations (what the rules recorded)
// A Fact is "p sign", holding at every point that satisfies the hypotheses in scope (and the negated goal
// when it rests on it). Only the rule functions (RuleBook, checker.cpp) construct one, and each records
// its rule and premises, so a Fact is its own derivation: the printers walk it with one exhaustive switch
// over Fact::Rule and never re-derive a sign. Its polynomial lives only while the check runs.
enum class Sign { Zero, Nonneg, Pos };  // p = 0, p ≥ 0, p > 0
class Fact;
using FactPtr = std::shared_ptr<const Fact>;
struct FactData {  // what a Fact records (filled in by the rules only)
    enum class Rule {
        Hypothesis,        // hyp h: l rel r as (l − r = 0), (l − r ≥ 0), (r − l ≥ 0), (l − r > 0), (r − l > 0)
        NonzeroSquare,     // hyp h: l ≠ r as (l − r)² > 0
        NegatedGoal,       // ¬(l rel r): ≤ (l − r > 0), < (l − r ≥ 0), ≥ (r − l > 0), > (r − l ≥ 0), = (l − r)² > 0
        Square,            // term² ≥ 0
        PositiveConstant,  // value > 0
        Product,           // premises[0] · premises[1]
        Sum,               // premises[0] + premises[1]
        EqualityTimes      // term · premises[0], where premises[0] has sign Zero
    };
    const Rule rule;
    const Sign sign;
    const Rel relation = Rel::Eq;              // Hypothesis, NonzeroSquare, NegatedGoal: the relation read
    const std::string hypothesis{};            // Hypothesis, NonzeroSquare
    const TermPtr term{};                      // Square, EqualityTimes: as written in the certificate
    const Rational value{};                    // PositiveConstant
    const std::vector<FactPtr> premises{};     // Product, Sum: 2; EqualityTimes: 1
};
class Fact : public FactData {  // made only by the rules; every field const
public:
    Fact(const Fact&) = delete;
private:
    friend struct RuleBook;
    explicit Fact(FactData d) : FactData(std::move(d)) {}
};

// How one goal was proved, as the kernel checked it. Only the rules construct one.
class Goal;
using GoalPtr = std::shared_ptr<const Goal>;
class Proof;
using ProofPtr = std::shared_ptr<const Proof>;
struct ProofData {  // what a Proof records besides its goal (filled in by the rules only)
    enum class Rule {
        Ring,                           // lhs − rhs ≡ 0 after unfolding
        LinearCombination,              // (lhs − rhs)^exponent ≡ Σ cᵢ·(hᵢ.lhs − hᵢ.rhs)
        Refutation,                     // hypotheses ∧ ¬goal ⊢ refutation: a constant of the wrong sign
        SumNonneg, SumLeSum, SumCongr,  // body proves the summand at index < bound
        Exact                           // the goal is the named fact
    };
    struct Discharged { std::string hyp, index; ProofPtr proof; };  // σ(H) of an instantiated theorem
    struct Lemma {  // rule instantiate, checked before the rest of the proof
        std::string theorem;
        std::vector<std::pair<std::string, TermPtr>> with;
        std::vector<Discharged> discharges;  // in the theorem's hypothesis order
        std::vector<std::string> names;      // one per conjunct of its goal
    };
    const Rule rule;
    const std::vector<LinearTerm> combination{};  // LinearCombination
    const unsigned long exponent = 1;           // LinearCombination
    const FactPtr refutation{};                 // Refutation
    const Rational contradiction{};             // Refutation: the constant it reaches
    const std::string index{}, bound{};         // Sum*: the fresh index, the natural variable
    const ProofPtr body{};                      // Sum*
    const std::string fact{};                   // Exact
};
class Proof : public ProofData {  // handed out only as ProofPtr (to const)
public:
    const Prop goal;                  // sides as stated
    const std::vector<Lemma> lemmas;  // instantiations, checked before the rest of the proof
    Proof(const Proof&) = delete;
private:
    friend struct RuleBook;
    Proof(ProofData d, Prop g, std::vector<Lemma> l) : ProofData(std::move(d)), goal(std::move(g)), lemmas(std::move(l)) {}
    std::weak_ptr<const Goal> proves_;  // the one Goal object it proves (identity, not a copy of the text)
};

enum class Verdict { Verified, Rejected };

struct CheckResult {
    Verdict verdict = Verdict::Rejected;
    std::string message;  // on rejection: "<rule>: <why>"
    std::vector<ProofPtr> proofs;  // when verified: one derivation per goal
};

// The theorems verified so far in one run. Only Check::conclude adds to it, so a theorem can be
// instantiated exactly when the kernel has verified it earlier in the same Library.
class Library {
public:
    bool verified(const std::string& id) const { return verified_.count(id) != 0; }
    const std::string* failed(const std::string& id) const { return failed_.count(id) ? &failed_.at(id) : nullptr; }  // or null
private:
    friend class Check;
    std::map<std::string, std::shared_ptr<const Statement>> verified_;
    std::map<std::string, std::string> failed_;  // id -> its rejection message (informative only)
};

// ---------------------------------------------------------------- the rules
// The kernel's whole interface for building proofs, after HOL Light's fusion.ml: a Goal (a relation to
// prove in one scope of one Check), a Held (a Fact with its polynomial, under one Goal's hypotheses and,
// if it rests on negated_goal, its negation) and a Proof (one Goal proved) are made only by these
// functions, so an untrusted client (the certificate interpreter frontend/certificate.cpp, the search)
// can make a proof fail, never make a false statement pass. Each fails with KernelError "RULE: reason".
class Held;
using HeldPtr = std::shared_ptr<const Held>;
namespace rule {
// Facts. Soundness of each: if the premises hold at every point satisfying the hypotheses of g (and ¬g
// for a Fact resting on negated_goal(g)), so does the result.
HeldPtr hypothesis(const GoalPtr& g, const std::string& name);      // h: l rel r as l − r or r − l {=0, ≥0, >0}
HeldPtr nonzero_square(const GoalPtr& g, const std::string& name);  // h: l ≠ r as (l − r)² > 0
HeldPtr negated_goal(const GoalPtr& g);                             // ¬g, e.g. ¬(l ≤ r) as l − r > 0
HeldPtr square(const GoalPtr& g, const TermPtr& t);                 // t² ≥ 0
HeldPtr positive_constant(const GoalPtr& g, const Rational& c);     // c > 0
HeldPtr product(const HeldPtr& a, const HeldPtr& b);                // sign of p·q from the signs of p, q
HeldPtr sum(const HeldPtr& a, const HeldPtr& b);                    // sign of p + q from the signs of p, q
HeldPtr equality_times(const TermPtr& t, const HeldPtr& e);         // p = 0 gives t·p = 0
FactPtr fact_of(const HeldPtr& h);                                  // what it records (sign, rule, premises)
// Proofs. Soundness of each: the returned Proof's goal holds at every point satisfying its hypotheses.
ProofPtr refutation(const HeldPtr& h);  // h a constant of the wrong sign: no point satisfies ¬goal
ProofPtr ring(const GoalPtr& g);        // l − r ≡ 0 after unfolding
ProofPtr linear_combination(const GoalPtr& g, const std::vector<LinearTerm>& c, unsigned long exponent);
ProofPtr exact(const GoalPtr& g, const std::string& fact);  // g is the named fact up to renaming indices
using Prover = std::function<ProofPtr(const GoalPtr&)>;     // the client's proof of a subgoal
enum class SumRule { Nonneg, LeSum, Congr };                // Finset.sum_nonneg / sum_le_sum / sum_congr
ProofPtr sum_rule(SumRule r, const GoalPtr& g, const std::string& index, const Prover& body);
struct Instance {  // a use of an earlier verified theorem T: σ, the order of discharges, fresh fact names
    std::string theorem;
    std::vector<std::pair<std::string, TermPtr>> with;              // every variable of T ↦ a term
    std::vector<std::pair<std::string, std::string>> discharges;   // (hypothesis of T, fresh index for ∀)
    std::vector<std::string> names;                                 // one per conjunct of T's goal
};
using Discharger = std::function<ProofPtr(std::size_t lemma, std::size_t discharge, const GoalPtr&)>;
ProofPtr using_lemmas(const GoalPtr& g, const std::vector<Instance>& lemmas, const Discharger& discharge,
                      const Prover& rest);
}  // namespace rule

// One check of one theorem: hands out its goals, then decides. The only way into a Library.
class Check {
public:
    Check(std::string id, const Statement& s, Library& library, const Limits& limits = {});  // s outlives it
    Check(const Check&) = delete;
    std::vector<GoalPtr> goals();  // validates the declarations first (KernelError "declaration: ...")
    // Verified iff proofs[i] proves goals()[i] for every goal; records the verdict in the library.
    CheckResult conclude(const std::vector<ProofPtr>& proofs);
    CheckResult reject(const std::string& message);  // records the failure (for its users' messages)
private:
    std::string id_;
    const Statement& st_;
    Library& library_;
    std::shared_ptr<struct Run> run_;
    std::vector<GoalPtr> goals_;
};

// ---------------------------------------------------------------- services for untrusted users
// The term with every definition call unfolded (definitions of `s`); KernelError past the limits.
TermPtr unfold_definitions(const TermPtr& t, const Statement& s, const Limits& limits = {});
// Simultaneous substitution: real variables by terms, natural variables and families by names
// (renamed callees / bounds). Bound sum indices are never substituted. No capture check here.
struct Substitution {
    std::map<std::string, TermPtr> reals;
    std::map<std::string, std::string> names;
};
TermPtr substitute(const TermPtr& t, const Substitution& sigma, const Limits& limits = {});

}  // namespace icl::kernel
