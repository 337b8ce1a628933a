// Untrusted exporter: each theorem as SMT-LIB 2 problems in QF_NRA, for an independent decision procedure.
//   <id>.valid.smt2       hypotheses ∧ ¬(goal₁ ∧ … ∧ goalₙ)   expected `unsat` (the statement is valid)
//   <id>.nonvacuous.smt2  hypotheses                           expected `sat`   (the hypotheses can hold)
// Definitions are unfolded, every symbol is quoted |…|, x^n is written as a product, rationals as (/ n m).
// Statements over a natural d with families (MN1–MN3) are instantiated for each d in `dims`
// (file names <id>.d<d>.…): family values become reals |g[k]|, ∀ k < d hypotheses become d assertions and
// Σ_{k<d} becomes an explicit sum. Such instances are evidence for those d only, not for all d.
#pragma once

#include "frontend/corpus.hpp"

#include <stdexcept>
#include <string>
#include <vector>

namespace icl::export_ {

struct SmtProblem {
    std::string theorem_id;   // corpus id
    std::string file_name;    // e.g. "A1.valid.smt2", "MN2.d3.nonvacuous.smt2"
    std::string kind;         // "valid" or "nonvacuous"
    std::string expected;     // "unsat" or "sat"
    long dimension = -1;      // the instantiated d, or -1 when the statement has no natural variable
    std::string text;
};

// limits: those of the check, for unfolding definitions too (a theorem the check accepts is exported)
std::vector<SmtProblem> export_smtlib(const frontend::Corpus& corpus,
                                      const std::vector<unsigned long>& dims = {1, 2, 3, 4},
                                      const kernel::Limits& limits = {});

// A theorem of the corpus does not verify (under the given limits): nothing is exported (exit 1).
struct SmtUnverified : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// <id>.steps.smt2: the kernel's recorded derivation of each refutation (statements without natural
// variables), one push/assert/check-sat/pop per Fact rule step, every answer expected `unsat`.
// Checks the corpus (throws SmtUnverified when a theorem does not verify): call it before export_smtlib.
std::vector<SmtProblem> export_smtlib_steps(const frontend::Corpus& corpus, const kernel::Limits& limits = {});

// Writes every problem into `dir` (created if missing) plus `dir/index.tsv`
// (file, theorem id, kind, expected, dimension). Throws std::runtime_error on I/O failure.
void write_smtlib(const std::vector<SmtProblem>& problems, const std::string& dir);

}  // namespace icl::export_
