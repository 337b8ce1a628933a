// Computed independence of the theorem statements (untrusted; uses export_::normalize for normal forms).
//
// Two statements are *the same* when a bijection between the variables they mention (real with real,
// natural with natural, family with family) carries the multiset of normalised hypotheses of one onto
// that of the other and the set of normalised goals onto the other's. A hypothesis or goal is
// normalised as follows (definitions unfolded by export_::normalize):
//   l = r, l ≠ r   →  (=, p) / (≠, p) with p = l − r, scaled so that its leading coefficient is 1
//                     (so l = r ≡ r = l, and 2x = 2 ≡ x = 1);
//   l ≥ r, l > r   →  (≥, p) / (>, p) with p = l − r, scaled by a positive rational so that its leading
//                     coefficient is ±1 (so a ≤ b ≡ b ≥ a, and 2x ≤ 2 ≡ x ≤ 1); l ≤ r, l < r use p = r − l;
//   ∀ k < d, P(k)   →  P's form with the family values f(k) as variables, tagged with the bound d;
//   Σ_{k<d} f ⋈ Σ_{j<d} g (or ⋈ 0)  →  the form of f(i) − g(i) ⋈ 0, tagged "sum over d".
// "Leading" is the first monomial in the order of the canonical renaming (below). Variables that occur
// in no hypothesis or goal are ignored; hypothesis names, order and the theorem's name do not matter.
// Strict and non-strict relations differ; no other logical equivalence (e.g. x ≥ 0 ∧ x ≤ 0 versus
// x = 0) is recognised, so the count of independent statements is an upper bound.
//
// Search: each statement gets a canonical form, the lexicographically least text over the renamings
// that respect a renaming-invariant signature of each variable (in how many atoms, with what degrees,
// it occurs); statements with equal canonical forms are the same. If a statement has more than
// kMaxRenamings signature-respecting renamings, or if trying them all would render more than
// kMaxRenderedMonomials monomials (renamings × the statement's monomials), its form is the one of the first
// renaming only, which can only miss a coincidence (never invent one). The second bound keeps this
// untrusted pass linear in the statement: before it, 8 interchangeable variables in a 256-term identity
// cost `check` 28 s (docs/performance.md).
// Before any of this, a statement whose outline (per hypothesis and goal: relation, tag, bound; read off
// the statement) no other statement has is on its own without being normalised.
// The search runs only for statements that share a fingerprint (per atom: relation, tag, bound, degree and
// monomial count, a function of the canonical text) with another statement; the rest are singletons
// without it. In the corpus that skips most statements, and a single large statement is never rendered.
#pragma once

#include "frontend/corpus.hpp"

#include <map>
#include <string>
#include <vector>

namespace icl::export_ {

inline constexpr std::size_t kMaxRenamings = 40'320;  // 8!
inline constexpr std::size_t kMaxRenderedMonomials = 200'000;

struct CanonicalForm {
    std::string text;  // equal texts ⟺ the same statement (in the sense above)
    std::map<std::string, std::string> position;  // variable → canonical name (v0, v1, …)
    std::string error;  // non-empty if a term could not be normalised (text is then unique to the id)
};

CanonicalForm canonical_form(const kernel::Statement& s, const std::string& id,
                             const kernel::Limits& limits = {});

struct IndependenceClass {
    std::vector<std::string> ids;  // corpus order; ids[0] is the representative
    // for each ids[i], i ≥ 1: its variables renamed to the representative's, e.g. "e2→esqnext, r0→esq"
    std::vector<std::string> renamings;
};

struct IndependenceReport {
    std::size_t statements = 0;   // theorem statements compared (derived declarations excluded)
    std::size_t independent = 0;  // number of classes, singletons included
    std::vector<IndependenceClass> classes;  // classes with at least two members, in corpus order
    std::map<std::string, std::string> same_as;  // id → representative, for every non-representative
};

// Compare every non-derived theorem of the corpus.
IndependenceReport independence(const frontend::Corpus& corpus, const kernel::Limits& limits = {});
IndependenceReport independence(const std::vector<const frontend::TheoremEntry*>& entries,
                                const kernel::Limits& limits = {});

// "X ≡ Y ≡ Z (renaming: …)" for the notes.
std::string class_text(const IndependenceClass& c);

}  // namespace icl::export_
