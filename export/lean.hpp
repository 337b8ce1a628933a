// Lean 4 / Mathlib exporter (untrusted): writes the kernel-checked corpus as one Lean file whose proofs
// are generated from the kernel's certificates (see docs/lean-export.md for the mapping).
// A bug here can only produce a Lean file that fails to compile or says something else than the corpus;
// the round-trip reader (export/lean_reader.hpp) and `lake env lean` are the two independent checks.
#pragma once

#include "frontend/corpus.hpp"
#include "kernel/kernel.hpp"

#include <stdexcept>
#include <map>
#include <string>
#include <vector>

namespace icl::leanexp {

inline constexpr const char* kLeanFileName = "TransformerICL_gradient_descent.lean";
inline constexpr const char* kStampFileName = "TransformerICL_gradient_descent.stamp.json";
inline constexpr const char* kLeanToolchain = "leanprover/lean4:v4.28.0";
inline constexpr const char* kMathlibRev = "v4.28.0";
// The commit the tag v4.28.0 points to, and the revisions of Mathlib's dependencies at that commit, as
// pinned in lean/lake-manifest.json (sources: docs/lean-export.md, "Pinned Lean project").
inline constexpr const char* kMathlibCommit = "8f9d9cff6bd728b17a24e163c9402775d9e6a365";
inline constexpr const char* kMathlibPinSource =
    "Mathlib's own lake-manifest.json at tag v4.28.0 could not be read (the source index holds another "
    "version); the tag's commit and every dependency revision come from Lake-written manifests of projects "
    "requiring mathlib v4.28.0 (0stellensatz/MassFormula lake-manifest.json @150c1a3), which agree with five "
    "other independent records; confirm with `git ls-remote https://github.com/leanprover-community/mathlib4 "
    "v4.28.0`";
inline constexpr const char* kLeanNamespace = "TransformerICL";

// A certificate (or statement) that cannot be written in the Lean subset this exporter emits.
struct ExportError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// ---------------------------------------------------------------- terms
// Definition unfolding is the kernel's (kernel::unfold_definitions); this is its lifting to a Prop.
using kernel::unfold_definitions;
kernel::Prop unfold_definitions(const kernel::Prop& p, const kernel::Statement& s, const kernel::Limits& limits = {});

// Identifier as Lean reads it: keywords and non-identifiers are escaped as «name».
std::string lean_ident(const std::string& name);
// Rational literal: "3", "-3", "1/2", "-1/2" (parenthesised by lean_term when not at top level).
std::string lean_rational(const kernel::Rational& q);
// Lean text of a term (definitions must be unfolded first). `prec` is the binding power of the context.
std::string lean_term(const kernel::Term& t, int prec = 0);
// Lean text of a proposition; when neither side mentions a real variable, the left side gets `: ℝ`.
std::string lean_prop(const kernel::Prop& p);
// True when the term mentions a real variable or a family value (so Lean elaborates it in ℝ).
bool mentions_real(const kernel::Term& t);

// ---------------------------------------------------------------- the file
struct LeanTheoremBlock {
    std::string id;
    std::string name;       // Lean short name (inside namespace TransformerICL)
    std::string lean_name;  // TransformerICL.<name>
    std::string text;       // doc comment + theorem + proof, ending in "\n"
};

struct LeanFile {
    std::string text;                       // the whole file, byte-deterministic
    std::vector<LeanTheoremBlock> theorems; // in corpus order
    std::size_t linear_combinations = 0;    // emitted `linear_combination` calls
    std::size_t contradiction_proofs = 0;   // certificates that multiply the negated goal
};

// Export the corpus. The corpus is expected to be kernel-checked; certificates are translated exactly
// and a certificate that does not evaluate to a contradiction throws ExportError.
LeanFile export_lean(const frontend::Corpus& corpus, const kernel::Limits& limits = {});  // limits: as for check

// The Lean proof (tactic lines, each indented by `indent` spaces, ending in "\n") of one theorem.
// `theorems` (id -> entry) resolves the theorems a certificate instantiates (<use>).
// `proofs` are the kernel's derivations of its goals (CheckResult::proofs); the printer walks them.
// `limits`: those of the check, for unfolding definitions too.
std::string lean_proof(const frontend::TheoremEntry& entry, const std::vector<kernel::ProofPtr>& proofs, int indent = 2,
                       const std::map<std::string, const frontend::TheoremEntry*>* theorems = nullptr,
                       const kernel::Limits& limits = {});

// lean/lean-toolchain, lean/lakefile.toml and lean/lake-manifest.json (Lake manifest format 1.1.0:
// Mathlib at kMathlibCommit and every transitive package at the revision Mathlib v4.28.0 pins).
std::string lean_toolchain_text();
std::string lakefile_text();
std::string lake_manifest_text();
inline constexpr const char* kLakeManifestFileName = "lake-manifest.json";

}  // namespace icl::leanexp
