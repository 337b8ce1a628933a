// The derivation graph: which declaration uses which (definitions called by statements, theorems
// instantiated by derived declarations), as Graphviz DOT. `icl-kernel graph` writes it.
#pragma once

#include "frontend/corpus.hpp"

#include <string>

namespace icl::export_ {

// Deterministic DOT text: one cluster per paper; atomic theorems that some declaration uses, every
// derived declaration, and the definitions they call as nodes (a derived node lists the definitions its
// statement calls in brackets; edges between definitions show which calls which); the other theorems of a paper as one
// summary node. Node URLs point at `theorem_url_prefix` + id (e.g. "theorems.md#" or "#").
std::string derivation_dot(const frontend::Corpus& corpus, const std::string& theorem_url_prefix = "");

}  // namespace icl::export_
