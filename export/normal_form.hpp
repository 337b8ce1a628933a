// Untrusted: normal forms of terms for comparisons outside the kernel (independence, the Lean round-trip
// reader, the CLI's definition report, tests, fuzz oracles). No verdict depends on it: the kernel
// normalises for itself. Definitions are unfolded by kernel::unfold_definitions (the one unfolding) and the
// arithmetic is the kernel's limit-checked FLINT wrapper, so a normal form here equals the kernel's.
#pragma once

#include "kernel/kernel.hpp"

#include <string>
#include <vector>

namespace icl::export_ {

// Monomials (coefficient, exponents parallel to variables) in FLINT's canonical order and the canonical
// text, e.g. "2*u*v - v"; equal polynomials compare equal.
struct Polynomial {
    std::vector<std::string> variables;
    struct Monomial { kernel::Rational coeff; std::vector<unsigned long> exponents; };
    std::vector<Monomial> monomials;
    std::string text;
    bool operator==(const Polynomial& o) const { return variables == o.variables && text == o.text; }
};

// Normal form of `t` (definitions of `s` unfolded) over the statement's real variables plus, for a
// family f, the atom "f(index)" when `index` is given. Throws kernel::KernelError on an ill-scoped term
// (unknown variable or function, a sum, a family not applied to `index`) or past the limits.
// with_text = false leaves `text` empty (for callers that read only the monomials; FLINT's printing of a
// large polynomial costs more than normalising it)
Polynomial normalize(const kernel::Term& t, const kernel::Statement& s, const std::string& index = "",
                     const kernel::Limits& limits = {}, bool with_text = true);

}  // namespace icl::export_
