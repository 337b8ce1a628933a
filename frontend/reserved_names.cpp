#include "frontend/reserved_names.hpp"

#include <algorithm>

namespace icl::frontend {

namespace {
using K = ReservedName::Kind;

std::vector<ReservedName> build() {
    std::vector<ReservedName> v;
    v.push_back({K::CorpusSyntax, "sum"});
    for (std::string_view k :
         {"at", "by", "do", "fun", "have", "show", "from", "if", "then", "else", "in", "let", "match", "with", "end",
          "open", "namespace", "section", "theorem", "lemma", "def", "example", "where", "forall", "exists", "Type",
          "Prop", "Sort", "calc", "suffices", "obtain", "this", "sorry", "admit", "import", "variable", "universe",
          "instance", "class", "structure", "inductive", "deriving", "mutual", "private", "protected",
          "noncomputable", "partial", "unsafe", "macro", "syntax", "set_option", "attribute", "local", "scoped",
          "axiom", "abbrev", "opaque", "return", "for", "unless", "try", "catch", "finally", "mut", "break",
          "continue", "nomatch", "nofun", "omit", "include", "export", "renaming", "hiding", "notation", "infix",
          "infixl", "infixr", "prefix", "postfix", "elab", "using", "generalizing", "termination_by",
          "decreasing_by", "assume", "extends", "native_decide", "decide", "_"})
        v.push_back({K::LeanKeyword, k});
    // Globals and tactics of export/lean.cpp (namespaces by their first component: `Finset.sum_le_sum`
    // is reached through `Finset`), plus the core names any Lean proof may mean.
    for (std::string_view g :
         {"rfl", "absurd", "trivial", "id", "True", "False", "Nat", "Real", "Finset", "Ne", "Eq", "And", "Or",
          "Not", "Iff", "Classical", "propext", "Quot", "Mathlib", "TransformerICL", "mul_pos", "mul_nonneg",
          "add_pos", "add_nonneg", "add_pos_of_pos_of_nonneg", "add_pos_of_nonneg_of_pos", "sq_nonneg",
          "sub_pos", "sub_nonneg", "sub_eq_zero", "sub_ne_zero", "pow_ne_zero", "pow_pos", "lt_of_le_of_ne",
          "le_of_lt", "le_of_eq", "not_lt", "not_le", "mul_self_nonneg", "le_refl", "lt_irrefl",
          "linear_combination", "norm_num", "nlinarith", "linarith", "positivity", "polyrith", "ring", "ring_nf",
          "by_contra", "refine", "intro", "intros", "exact", "apply", "rcases", "constructor", "simp", "field_simp",
          "push_cast", "exact_mod_cast", "gcongr", "omega"})
        v.push_back({K::LeanGlobal, g});
    std::sort(v.begin(), v.end(), [](const ReservedName& a, const ReservedName& b) { return a.name < b.name; });
    return v;
}
}  // namespace

std::string_view ReservedName::why() const {
    switch (kind) {
    case K::CorpusSyntax: return "corpus syntax";
    case K::LeanKeyword: return "Lean keyword";
    case K::LeanGlobal: return "Lean/Mathlib name used by the proofs";
    }
    return "";
}

const std::vector<ReservedName>& reserved_names() {
    static const std::vector<ReservedName> names = build();
    return names;
}

const ReservedName* find_reserved(std::string_view name) {
    const auto& v = reserved_names();
    auto it = std::lower_bound(v.begin(), v.end(), name,
                               [](const ReservedName& r, std::string_view n) { return r.name < n; });
    return it != v.end() && it->name == name ? &*it : nullptr;
}

}  // namespace icl::frontend
