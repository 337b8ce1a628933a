// What an accepted theorem rests on beyond the kernel's rules: the `axioms` and `sorry` figures of
// `icl-kernel check` and the report, computed from the derivation the kernel recorded (not declared).
#pragma once

#include "kernel/kernel.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace icl::export_ {

struct Assumptions {
    std::size_t axioms = 0;  // distinct theorems a proof instantiates that `library` has not verified
    std::size_t sorry = 0;   // goals of the statement (or of a sum rule's body) with no recorded derivation
};

// Walks `proofs` (kernel::CheckResult::proofs of `statement`, checked against `library`). Both counts are
// 0 for every theorem the kernel verifies: it has no axiom or sorry rule, records one Proof per goal,
// and instantiates only theorems verified earlier in the same Library. The walk checks that this is
// what it recorded, so a driver that reported a theorem without its derivation would show here.
Assumptions assumptions_of(const kernel::Statement& statement, const std::vector<kernel::ProofPtr>& proofs,
                           const kernel::Library& library);

// Why a theorem with these counts is not verified ("derivation incomplete: …"), or "" when both are 0.
std::string incompleteness(const Assumptions& a);

}  // namespace icl::export_
