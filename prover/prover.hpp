// Untrusted certificate search (`icl-kernel prove`): from a theorem's statement alone, build kernel
// certificates (ring / linear_combination / psatz / finite-sum rules). Nothing found here is trusted:
// prove_theorem returns `proved` only after cert::check_theorem has verified the certificates.
#pragma once

#include "frontend/certificate.hpp"
#include "kernel/kernel.hpp"

#include <chrono>
#include <string>
#include <vector>

namespace icl::prover {

struct ProveOptions {
    std::chrono::milliseconds budget{4000};  // per theorem (all goals together)
    kernel::Limits limits;                   // passed to the kernel for the final check
    std::size_t max_terms = 200'000;         // memory cap: monomials of any polynomial the search builds
};

struct GoalOutcome {
    bool found = false;
    std::string method;  // "ring", "linear_combination", "psatz stage 3 (12 products)", ...
    std::string why;     // when not found
};

struct ProveResult {
    std::string id;
    bool proved = false;             // every goal found and the kernel accepted the theorem
    bool timed_out = false;          // a goal was not found because the budget ran out
    std::string message;             // summary: method(s) or why not
    std::vector<GoalOutcome> goals;  // parallel to statement.goals
    std::vector<cert::Certificate> proofs;  // filled when proved
    double milliseconds = 0;
};

// Ignores t.proofs; searches certificates for t.statement's goals and checks them with the kernel.
ProveResult prove_theorem(const cert::Theorem& t, const ProveOptions& options = {});

// ---- certificate text (the corpus `<proof>` element content) and size

// The children of `<proof>` in the corpus format. Lines after the first are prefixed with `indent`.
std::string certificate_xml(const cert::Certificate& c, const std::string& indent = "");

// Readable text of a term in the corpus expression syntax (round-trips through the front end's parser).
std::string term_text(const kernel::Term& t);

struct CertificateSize {
    unsigned long nodes = 0;       // certificate + refutation nodes + term nodes of their polynomials
    unsigned long xml_chars = 0;   // length of certificate_xml without indentation
};
CertificateSize certificate_size(const cert::Certificate& c);

}  // namespace icl::prover
