// Untrusted: Gram-matrix sum-of-squares search with the external SDP solver `csdp` (coinor-csdp), run as a
// separate process as HOL Light's REAL_SOS does. The floating-point Gram matrix is only a guide: it is
// rounded to rationals, projected exactly onto the coefficient constraints and factored exactly (LDLᵀ);
// the resulting psatz certificate is checked by the kernel like every other.
#pragma once

#include "prover/search.hpp"

namespace icl::prover {

// Goal f >= 0 (or <=) without using the hypotheses: f = Σ dₖ·lₖ² or (1 + Σ xᵢ²)·f = Σ dₖ·lₖ².
SearchResult search_sos(const Problem& p, Clock::time_point deadline);

}  // namespace icl::prover
