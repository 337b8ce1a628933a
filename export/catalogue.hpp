// The theorem catalogue (docs/theorems.md), generated from the corpus by `icl-kernel catalogue`.
#pragma once

#include "frontend/corpus.hpp"

#include <string>

namespace icl::export_ {

std::string certificate_kind_name(const cert::Certificate& c);  // "ring", "psatz", "sum_le_sum(psatz)", …
std::size_t certificate_size(const cert::Certificate& c);       // nodes in the certificate tree
// The same, read from the kernel's recorded derivation (one exhaustive switch over Proof::Rule); the size
// counts the derivation's steps: each Fact (binary products and sums), each proof rule and each lemma.
std::string proof_rule_name(const kernel::Proof& p);
std::size_t derivation_size(const kernel::Proof& p);
std::string math_text(const kernel::Prop& p);                     // readable notation: ≤, ·, ², Σ
std::string catalogue_markdown(const frontend::Corpus& corpus, const kernel::Limits& limits = {});

}  // namespace icl::export_
