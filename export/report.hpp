// The HTML report (untrusted): one self-contained static page (`icl-kernel report --out DIR`) with, per
// paper and theorem, the statement in MathML, the kernel's verdict, certificate kind and size, witness,
// deviation, the generated Lean and Coq text, and a derivation graph (SVG drawn by Graphviz `dot`, run by
// the caller). Nothing here decides a verdict: the caller passes in what the kernel said.
#pragma once

#include "frontend/corpus.hpp"
#include "kernel/kernel.hpp"

#include <string>
#include <vector>

namespace icl::export_ {

// What the kernel said about one theorem (as `icl-kernel check` computes it).
struct ReportVerdict {
    bool ok = false;
    std::string message;  // why it failed (empty when ok)
    std::vector<kernel::ProofPtr> proofs;  // the kernel's derivation of each goal (when ok)
    std::size_t axioms = 0, sorry = 0;     // export_::assumptions_of the kernel's derivation (when accepted)
};

// MathML (presentation markup, no <math> wrapper) of a term / proposition.
std::string term_mathml(const kernel::Term& t);
std::string prop_mathml(const kernel::Prop& p);

struct ReportInput {
    const frontend::Corpus* corpus = nullptr;
    std::vector<ReportVerdict> verdicts;  // parallel to corpus->theorems
    std::vector<std::string> lean_text;   // per theorem (empty: export failed, see lean_error)
    std::string lean_error;
    std::vector<std::string> coq_text;    // per theorem
    std::string coq_error;
    std::string graph_svg;                // `dot -Tsvg` of export_::derivation_dot() (export/graph.hpp)
    std::string tool_version;
};

// The whole page, byte-deterministic for the same input.
std::string report_html(const ReportInput& in);

// Escape &, <, >, " for HTML text and attributes.
std::string html_escape(const std::string& s);

}  // namespace icl::export_
