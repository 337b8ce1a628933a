// The theorem catalogue (docs/theorems.md), generated from the corpus by `icl-kernel catalogue`.
#pragma once

#include "frontend/corpus.hpp"

#include <string>

namespace icl::export_ {

std::string certificate_kind_name(const kernel::Certificate& c);  // "ring", "psatz", "sum_le_sum(psatz)", …
std::size_t certificate_size(const kernel::Certificate& c);       // nodes in the certificate tree
std::string math_text(const kernel::Prop& p);                     // readable notation: ≤, ·, ², Σ
std::string catalogue_markdown(const frontend::Corpus& corpus, const kernel::Limits& limits = {});

}  // namespace icl::export_
