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
};

// Theorems a theorem is derived from. Today `frontend::TheoremEntry` has no such field and this is empty;
// adding `std::vector<std::string> uses;` (theorem ids or names) to TheoremEntry is the only change needed
// for the report's graph to draw theorem → theorem edges.
template <class Entry>
std::vector<std::string> theorem_uses(const Entry& e) {
    if constexpr (requires { e.uses; })
        return std::vector<std::string>(e.uses.begin(), e.uses.end());
    else
        return {};
}

// MathML (presentation markup, no <math> wrapper) of a term / proposition.
std::string term_mathml(const kernel::Term& t);
std::string prop_mathml(const kernel::Prop& p);

// Graphviz source of the derivation graph: one cluster per corpus file, a node per definition and per
// theorem (linked to the theorem's anchor `#thm-ID`), an edge from a definition to every theorem (and
// definition) that calls it, and from theorem X to theorem Y when Y's `uses` lists X.
std::string graph_dot(const frontend::Corpus& corpus);

struct ReportInput {
    const frontend::Corpus* corpus = nullptr;
    std::vector<ReportVerdict> verdicts;  // parallel to corpus->theorems
    std::vector<std::string> lean_text;   // per theorem (empty: export failed, see lean_error)
    std::string lean_error;
    std::vector<std::string> coq_text;    // per theorem
    std::string coq_error;
    std::string graph_svg;                // `dot -Tsvg` of graph_dot(), <svg> element and content
    std::string tool_version;
};

// The whole page, byte-deterministic for the same input.
std::string report_html(const ReportInput& in);

// Escape &, <, >, " for HTML text and attributes.
std::string html_escape(const std::string& s);

}  // namespace icl::export_
