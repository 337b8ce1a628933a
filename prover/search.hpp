// Untrusted prover internals: one goal as a polynomial problem, equality substitution with tracked
// multipliers, and the linear_combination / Positivstellensatz searches.
#pragma once

#include "frontend/certificate.hpp"
#include "kernel/kernel.hpp"
#include "prover/poly.hpp"

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace icl::prover {

using Clock = std::chrono::steady_clock;

// One hypothesis in polynomial form: `diff` is lhs - rhs.
struct PHyp {
    std::string name;
    kernel::Rel rel = kernel::Rel::Eq;
    Poly diff;
};

// A goal `lhs REL rhs` with `diff` = lhs - rhs, under hypotheses, over the atoms of `atoms`.
struct Problem {
    AtomTable atoms;
    std::vector<PHyp> hyps;
    kernel::Rel goal_rel = kernel::Rel::Eq;
    Poly goal_diff;
    std::vector<Poly> square_hints;  // q for every q^(2k) written in the goal or a hypothesis (as q^k)
};

// Equalities used as substitutions x := f (x occurring linearly with a constant coefficient), with the
// multipliers that express x - f as Σ c_l E_l over the original equality hypotheses E_l.
class Reducer {
public:
    explicit Reducer(const Problem& p);
    const std::vector<Poly>& equalities() const { return eqs_; }
    const std::vector<std::string>& equality_names() const { return names_; }
    bool eliminated(unsigned atom) const { return atom < elim_.size() && elim_[atom]; }
    // red(p): the substitution applied (a ring homomorphism onto the non-eliminated atoms).
    Poly reduce(const Poly& p) const;
    // red(p), accumulating q with red(p) = p + Σ q_l E_l.
    Poly reduce_tracked(Poly p, std::vector<Poly>& q) const;
    struct Remaining {
        unsigned eq;  // index into equalities()
        Poly red;     // red(E_eq), nonzero, not usable as a substitution
    };
    const std::vector<Remaining>& remaining() const { return rem_; }
    std::size_t rule_count() const { return rules_.size(); }

private:
    struct Rule {
        unsigned atom;
        Poly f;
        std::vector<Poly> c;
    };
    bool try_make_rule(const Poly& r, const std::vector<Poly>& c);
    std::vector<Poly> eqs_;
    std::vector<std::string> names_;
    std::vector<Rule> rules_;
    std::vector<int> rule_of_;  // atom -> rule index or -1
    std::vector<bool> elim_;
    std::vector<Remaining> rem_;
};

struct SearchResult {
    std::optional<cert::Certificate> cert;
    std::string method;
    bool timed_out = false;
    std::string why;
};

SearchResult search_equality(const Problem& p, Clock::time_point deadline);
SearchResult search_psatz(const Problem& p, Clock::time_point deadline);

}  // namespace icl::prover
