// Names a corpus may not give to anything it declares (issue 11, item 4).
//
// A corpus name becomes a Lean binder (variables, families, ∀ and sum indices, hypothesis names), a Lean
// definition or theorem inside `namespace TransformerICL`. Either way it would shadow a global of the same
// name that the generated proofs refer to — `(mul_pos ha hb : …)` under a binder called `mul_pos` means
// something else, or fails with a misleading error. So the loader rejects, with FILE:LINE, every name in
// this one list: the corpus syntax (`sum`), Lean 4's keywords and the Lean, Mathlib and tactic names the Lean
// printer emits. The Coq printer renames any local that clashes with Coq (export/coq.cpp), so Coq's names
// are not here. tests/test_lean_export.cpp checks that every global name the exported Lean file uses is in
// this list, so a printer that starts using a new lemma fails that test until the name is added here.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace icl::frontend {

struct ReservedName {
    enum class Kind { CorpusSyntax, LeanKeyword, LeanGlobal } kind;
    std::string_view name;
    std::string_view why() const;  // "corpus syntax", "Lean keyword", "Lean/Mathlib name used by the proofs"
};

const std::vector<ReservedName>& reserved_names();  // sorted by name
// The reason `name` is reserved, or nullptr if it is free.
const ReservedName* find_reserved(std::string_view name);
inline bool is_reserved(std::string_view name) { return find_reserved(name) != nullptr; }

}  // namespace icl::frontend
