// Untrusted prover: exact linear systems over ℚ (FLINT fmpq_mat). Used for the polynomial multipliers of
// equality hypotheses (linear_combination certificates).
#pragma once

#include "prover/exact_lp.hpp"

#include <optional>
#include <vector>

namespace icl::prover {

// Some x with A x = b (A given by sparse columns over `rows` rows), free variables set to 0; nullopt when
// the system has no solution.
std::optional<std::vector<Rational>> solve_linear(unsigned rows, const std::vector<Rational>& b,
                                                  const std::vector<SparseColumn>& columns);

}  // namespace icl::prover
