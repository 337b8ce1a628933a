// Untrusted: runs the external checks (kernel, coqc on the Coq export, z3 on the SMT-LIB export) and
// renders docs/external-checks.md. Used by `icl-kernel external-report`.
#pragma once

#include "frontend/corpus.hpp"
#include "kernel/kernel.hpp"

#include <string>
#include <vector>

namespace icl::export_ {

// The axioms `Print Assumptions` may list for a theorem: exactly what Coq 8.16 prints for a trivial
// `lra` proof over R (the classical Dedekind construction of the reals in the standard library).
const std::vector<std::string>& coq_allowed_axioms();

struct ExternalOptions {
    std::string coqc = "coqc";
    std::string z3 = "z3";
    unsigned timeout_seconds = 60;               // per z3 problem
    std::vector<unsigned long> dims = {1, 2, 3, 4};
    std::string work_dir;                        // empty: a fresh directory under the system temp dir
};

struct ExternalSummary {
    std::size_t theorems = 0;
    std::size_t kernel_ok = 0;
    std::size_t coq_ok = 0;
    std::size_t z3_valid_ok = 0;        // theorems whose every validity problem was unsat
    std::size_t z3_nonvacuous_ok = 0;   // theorems whose every non-vacuity problem was sat
    std::size_t problems = 0;
    bool all_ok = false;
    std::string markdown;
};

// Runs everything (coqc once on the whole file, z3 once per problem) and renders the report.
ExternalSummary run_external_checks(const frontend::Corpus& corpus, const kernel::Limits& limits,
                                    const ExternalOptions& options);

}  // namespace icl::export_
