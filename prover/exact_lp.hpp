// Untrusted prover: exact feasibility LP over ℚ (phase-1 simplex on GMP rationals).
// Finds x >= 0 with A x = b. No floating point: the answer is exact, and anything built from it is
// re-checked by the kernel anyway.
#pragma once

#include "prover/poly.hpp"

#include <chrono>
#include <optional>
#include <vector>

namespace icl::prover {

struct SparseColumn {
    std::vector<std::pair<unsigned, Rational>> entries;  // (row, value), value != 0
};

enum class LpStatus { Feasible, Infeasible, Timeout };

struct LpResult {
    LpStatus status = LpStatus::Infeasible;
    std::vector<Rational> x;  // one per column when Feasible
    unsigned long pivots = 0;
};

// rows: number of equations; b: right-hand side (any sign); columns: A's columns.
LpResult solve_feasibility(unsigned rows, const std::vector<Rational>& b, const std::vector<SparseColumn>& columns,
                           std::chrono::steady_clock::time_point deadline);

// The same problem by the built-in exact simplex only (no GLPK), e.g. for testing the fallback.
LpResult solve_feasibility_exact(unsigned rows, const std::vector<Rational>& b, const std::vector<SparseColumn>& columns,
                                 std::chrono::steady_clock::time_point deadline);

}  // namespace icl::prover
