// Untrusted prover: sparse polynomials over ℚ in named atoms, and the conversions
// term -> polynomial (definitions unfolded) and polynomial -> term / text.
// Nothing here is trusted: every certificate built from these polynomials is re-checked by the kernel.
#pragma once

#include "kernel/kernel.hpp"

#include <chrono>
#include <map>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace icl::prover {

using Rational = kernel::Rational;
using Integer = kernel::Integer;

// Atoms are numbered per problem; names are "x" for a real variable and "f(i)" for a family value.
struct AtomTable {
    std::vector<std::string> names;
    std::vector<kernel::TermPtr> terms;  // term for each atom (var or family application)
    std::map<std::string, unsigned> index;
    unsigned intern(const std::string& name, kernel::TermPtr term);
};

// A monomial: sorted (atom, exponent) pairs with exponent > 0.
using Mono = std::vector<std::pair<unsigned, unsigned>>;

unsigned mono_degree(const Mono& m);
Mono mono_mul(const Mono& a, const Mono& b);

// Per-thread search budget, checked inside every polynomial product (so that normalising a big product
// cannot run past the deadline or exhaust memory): exceeding it throws BudgetExceeded.
struct BudgetExceeded : std::runtime_error {
    using std::runtime_error::runtime_error;
};
struct SearchBudget {
    std::chrono::steady_clock::time_point deadline = std::chrono::steady_clock::time_point::max();
    std::size_t max_terms = 200'000;  // monomials of any polynomial the search builds (memory cap)
};
SearchBudget& search_budget();  // thread-local
void check_budget();            // throws BudgetExceeded when the deadline has passed
// Sets the thread's budget for its lifetime, restores the previous one afterwards.
struct BudgetScope {
    SearchBudget saved;
    explicit BudgetScope(const SearchBudget& b) : saved(search_budget()) { search_budget() = b; }
    ~BudgetScope() { search_budget() = saved; }
};

class Poly {
public:
    Poly() = default;
    static Poly constant(const Rational& c);
    static Poly atom(unsigned a);
    static Poly monomial(const Mono& m, const Rational& c = 1);

    const std::map<Mono, Rational>& terms() const { return t_; }
    bool is_zero() const { return t_.empty(); }
    bool is_constant() const;
    Rational constant_value() const;  // coefficient of the empty monomial
    unsigned degree() const;
    bool has_atom(unsigned a) const;
    void add_term(const Mono& m, const Rational& c);

    Poly operator+(const Poly& o) const;
    Poly operator-(const Poly& o) const;
    Poly operator-() const;
    Poly operator*(const Poly& o) const;
    Poly scaled(const Rational& c) const;
    Poly pow(unsigned long e) const;
    bool operator==(const Poly& o) const { return t_ == o.t_; }
    bool operator<(const Poly& o) const { return t_ < o.t_; }

    std::string to_text(const AtomTable& atoms) const;  // corpus expression syntax
    kernel::TermPtr to_term(const AtomTable& atoms) const;

private:
    std::map<Mono, Rational> t_;
};

// All monomials in the given atoms of total degree <= d (including 1).
std::vector<Mono> monomials_up_to(const std::vector<unsigned>& atoms, unsigned d);

// Term -> polynomial. Definitions of `s` are unfolded; `index_map` maps sum / ∀ index variables of the
// term to the name of the body index (family value f(k) becomes the atom "f(i)"). Throws
// std::runtime_error on terms outside the polynomial fragment (e.g. a nested sum).
Poly to_poly(const kernel::Term& t, const kernel::Statement& s, AtomTable& atoms,
             const std::map<std::string, std::string>& index_map = {});

std::string rational_text(const Rational& q);  // "3", "-3/4"

}  // namespace icl::prover
