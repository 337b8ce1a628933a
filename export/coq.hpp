// Untrusted exporter: the corpus as one Coq (8.16) file over the standard library's reals.
// Every theorem is stated over R and proved from the same certificate the kernel checks: each product
// of a Positivstellensatz tree and each multiple of an equality is built as an explicit fact (a proof
// term of small lemmas proved in the file's prelude), and the goal is closed by `lra` (micromega),
// which sees the certificate's polynomial identity as linear over monomials.
// Finite sums: `lsum d f := fold_right Rplus 0 (map f (seq 0 d))` (standard List functions), with the
// three sum rules stated and proved by induction in the prelude. Nothing here is trusted: coqc judges.
#pragma once

#include "frontend/corpus.hpp"
#include "kernel/kernel.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace icl::export_ {

struct CoqTheoremSpan {
    std::string id;          // corpus id, e.g. "A1"
    std::string coq_name;    // the Coq identifier of the theorem
    std::size_t begin = 0;   // byte offsets of "Theorem … Qed." in the file
    std::size_t end = 0;
};

struct CoqExport {
    std::string text;                    // the whole .v file
    std::vector<CoqTheoremSpan> theorems;
    // Every theorem is followed by `Print Assumptions`, preceded by the marker line
    // `idtac "ICL-ASSUMPTIONS <coq_name>"` so tests can attribute the output.
};

// Marker printed before each theorem's `Print Assumptions` output.
inline constexpr const char* kCoqAssumptionMarker = "ICL-ASSUMPTIONS ";

// A theorem of the corpus that the kernel does not verify under the given limits (nothing is exported).
struct CoqUnverified : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Throws CoqUnverified when a theorem does not verify (the corpus is checked once, here), and
// std::runtime_error on a certificate/statement shape it cannot translate.
// `limits`: the kernel limits the theorems are checked with (icl-kernel passes its --max-* flags)
CoqExport export_coq(const frontend::Corpus& corpus, const kernel::Limits& limits = {});

// One term in the export's Coq notation, every name kept as written (definitions are printed as calls
// `(f a b)`; unfold them first to get a term the front end can re-read). Used by the precedence test.
std::string coq_expression(const kernel::Term& t);

// ---------------------------------------------------------------- term utilities (shared with smtlib)
// Definition unfolding is the kernel's: kernel::unfold_definitions.
using kernel::unfold_definitions;
// Substitute variables (Var nodes and Apply arguments alike) by terms.
kernel::TermPtr substitute(const kernel::TermPtr& t,
                           const std::vector<std::pair<std::string, kernel::TermPtr>>& bindings);

}  // namespace icl::export_
