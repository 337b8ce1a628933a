// The certificate language: what the XML reader (frontend/corpus.cpp) and the search (prover/) produce,
// one type for both (as in Coq's micromega). A Certificate is only a request: check_theorem interprets it
// by calling the kernel's rule functions (kernel/kernel.hpp, namespace kernel::rule), and only the kernel
// judges. A bug here can reject a true theorem, never make a false one pass.
#pragma once

#include "kernel/kernel.hpp"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace icl::cert {

using kernel::LinearTerm;
using kernel::Rational;
using kernel::Statement;
using kernel::TermPtr;

struct PsatzNode;
using PsatzPtr = std::shared_ptr<const PsatzNode>;

// Positivstellensatz refutation tree (Coq micromega style).
struct PsatzNode {
    enum class Kind {
        Hyp,         // hypothesis `name` (=, <=, <, >=, >)           -> (p, sign)
        NonzeroSq,   // hypothesis `name` of the form l != r           -> ((l-r)^2, > 0)
        NegGoal,     // the negated goal; for l = r: ((l-r)^2, > 0)     -> (p, sign)
        Square,      // poly^2                                          -> (poly^2, >= 0)
        Const,       // value > 0                                       -> (value, > 0)
        Mul,         // product of children (>= 1)
        Add,         // sum of children (>= 1)
        MulPoly      // poly * child, child must have sign = 0
    };
    Kind kind = Kind::Const;
    std::string hyp;                 // Hyp, NonzeroSq
    TermPtr poly;                    // Square, MulPoly
    Rational value;                  // Const
    std::vector<PsatzPtr> children;  // Mul, Add, MulPoly(1)
};

struct Certificate;
using CertificatePtr = std::shared_ptr<const Certificate>;

// A use of an earlier verified theorem T (HOL Light's INST followed by discharge of the hypotheses).
struct Discharge {
    std::string hyp;       // a hypothesis H of T
    std::string index;     // for a `∀ k < d` hypothesis: the fresh index of the proof (else empty)
    CertificatePtr proof;  // proves σ(H) in the current context
};
struct Instantiation {
    std::string theorem;                               // id of T
    std::vector<std::pair<std::string, TermPtr>> with; // σ: every variable of T ↦ a term (nats and
                                                       // families ↦ a variable naming one here)
    std::vector<Discharge> discharges;                 // one per hypothesis of T
    std::vector<std::string> names;                    // one fresh name per conjunct of T's goal
};

struct Certificate {
    enum class Kind {
        Ring,               // goal (equality) is an identity after unfolding definitions
        LinearCombination,  // equality goal: (lhs - rhs)^exponent - Σ cᵢ(hᵢ.lhs - hᵢ.rhs) ≡ 0
        Psatz,              // inequality or equality goal: refutation of hypotheses ∧ ¬goal
        SumNonneg,          // goal sum(k,d,f) >= 0 (or 0 <= sum): body certificate for f(k) >= 0
        SumLeSum,           // goal sum(k,d,f) <= sum(k,d,g) (or >=): body certificate for f(k) <= g(k)
        SumCongr,           // goal sum(k,d,f) = sum(k,d,g): body certificate for f(k) = g(k)
        Exact               // the goal is, up to renaming bound indices, the fact named `fact`
    };
    Kind kind = Kind::Ring;
    std::vector<Instantiation> lemmas;    // checked first, in order; their conclusions are named facts
    std::vector<LinearTerm> combination;  // LinearCombination
    unsigned long exponent = 1;           // LinearCombination: the goal's power n >= 1 (Lean's exp := n)
    PsatzPtr refutation;                  // Psatz
    std::string index;                    // Sum*: fresh index variable for the body
    CertificatePtr body;                  // Sum*
    std::string fact;                     // Exact
};

struct Witness {  // a point for the non-vacuity check (checked by frontend::check_witness, not here)
    std::map<std::string, Rational> reals;
    std::map<std::string, unsigned long> nats;
    std::map<std::string, std::vector<Rational>> families;  // values f(0..n-1)
};

struct Theorem {
    std::string id;
    std::string name;
    Statement statement;
    std::vector<Certificate> proofs;  // proofs[i] proves statement.goals[i]
    Witness witness;
};

// Checks `t` by interpreting its certificates as calls of the kernel's rules, in a kernel::Check against
// `library` (theorems verified earlier in the same run may be instantiated); the kernel records the verdict.
kernel::CheckResult check_theorem(const Theorem& t, kernel::Library& library, const kernel::Limits& limits = {});
// The same with an empty library (no instantiation possible).
kernel::CheckResult check_theorem(const Theorem& t, const kernel::Limits& limits = {});
// Read off a checked theorem's derivations (informative; no verdict depends on them): the hypotheses of `s`
// they rest on, in statement order, and the theorems they instantiate, sorted.
std::vector<std::string> used_hypotheses(const kernel::Statement& s, const std::vector<kernel::ProofPtr>& proofs);
std::vector<std::string> used_theorems(const std::vector<kernel::ProofPtr>& proofs);
// The hypotheses a Fact of the kernel's derivation rests on, sorted (read off its premises).
std::vector<std::string> rests_on(const kernel::Fact& fact);

}  // namespace icl::cert
