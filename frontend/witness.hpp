// Untrusted: the non-vacuity checks. A witness is a rational point at which every hypothesis of a
// statement holds exactly (so the theorem is not vacuous), and, as a sanity check, every goal too. These
// are claims about a statement, not part of any proof: the kernel's verdict never depends on them, which
// is why they live outside kernel/ (exact arithmetic with GMP rationals, no floating point).
#pragma once

#include "frontend/certificate.hpp"
#include "kernel/kernel.hpp"

namespace icl::frontend {

// Verified iff the witness assigns every variable and satisfies every hypothesis exactly.
kernel::CheckResult check_witness(const kernel::Statement& s, const cert::Witness& w,
                                  const kernel::Limits& limits = {});

// Verified iff every goal also holds at the witness (a sanity check, not part of the proof).
kernel::CheckResult check_goal_at_witness(const kernel::Statement& s, const cert::Witness& w,
                                          const kernel::Limits& limits = {});

}  // namespace icl::frontend
