// Checks a <counterexample drop="h"> of a theorem (untrusted; uses only the kernel's public checks).
#pragma once

#include "frontend/witness.hpp"
#include "frontend/corpus.hpp"

namespace icl::export_ {

// Verified iff, for the statement without hypothesis `ce.drop`, the point satisfies every remaining
// hypothesis (frontend::check_witness is Verified) and violates the goal (frontend::check_goal_at_witness
// is Rejected). Otherwise Rejected with the reason.
kernel::CheckResult check_counterexample(const frontend::TheoremEntry& e, const frontend::CounterexampleEntry& ce,
                                         const kernel::Limits& limits = {});

}  // namespace icl::export_
