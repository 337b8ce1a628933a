// Round-trip reader for the Lean subset that export/lean.cpp emits (untrusted, independent of the
// exporter's proof generation). It parses the generated file back and checks, with the kernel's
// normaliser, that (a) every theorem states exactly the kernel statement and (b) every proof step is
// valid by the rules Mathlib applies: `linear_combination` is replayed the way Mathlib expands it
// (Mathlib/Tactic/LinearCombination.lean) and its residual `goal - Σ cᵢ·atomᵢ` must normalise to a
// constant of the right sign; coefficients on inequality atoms must be nonnegative numerals; each
// proof-term atom gets its type from the lemma used (mul_nonneg ha hb : 0 ≤ a * b, ...).
// This stands in for Lean on machines without it; it does not replace `lake env lean`.
#pragma once

#include "frontend/corpus.hpp"
#include "kernel/kernel.hpp"

#include <stdexcept>
#include <string>
#include <vector>

namespace icl::leanexp {

struct LeanReadError : std::runtime_error {
    LeanReadError(int line, const std::string& message);
    int line = 0;
};

struct ReadHyp {
    std::string name;
    kernel::Prop prop;          // as written (≥ and > kept)
    std::string forall_index;   // `∀ k < d, …`
    std::string forall_bound;
};

struct ReadLine {
    int indent = 0;
    std::string text;  // without indentation
    int line = 0;      // 1-based line number in the file
};

struct ReadTheorem {
    std::string name;
    int line = 0;
    std::vector<std::string> reals, nats, families;
    std::vector<ReadHyp> hyps;
    // every explicit binder in header order: name and kind ('r' ℝ, 'n' ℕ, 'f' ℕ → ℝ, 'h' hypothesis);
    // the order in which a later `name args…` application supplies its arguments
    std::vector<std::pair<std::string, char>> binders;
    std::vector<kernel::Prop> goals;  // conjunction
    std::vector<ReadLine> proof;      // tactic lines after `:= by`
    std::string comment_before;       // line comments directly above the doc comment / theorem
};

struct ReadFile {
    std::vector<std::string> imports;
    std::vector<std::string> set_options;
    std::string namespace_name;
    std::vector<ReadTheorem> theorems;
    std::vector<std::string> print_axioms;  // names after `#print axioms`
    std::vector<std::string> forbidden;     // "line N: sorry" for sorry/admit/axiom/native_decide
};

// Parse the file (comments stripped). Throws LeanReadError on anything outside the emitted subset.
ReadFile read_lean_file(const std::string& text);

// Parse one Lean arithmetic term / proposition of the subset (`families` are the ℕ → ℝ names).
kernel::TermPtr read_lean_term(const std::string& text, const std::vector<std::string>& families = {});
kernel::Prop read_lean_prop(const std::string& text, const std::vector<std::string>& families = {});

struct RoundTripReport {
    std::size_t theorems_checked = 0;
    std::size_t linear_combinations = 0;  // replayed linear_combination calls
    std::size_t inequality_atoms = 0;     // proof-term atoms typed by their lemma
    std::size_t equality_atoms = 0;
    std::size_t ring_steps = 0;
    std::size_t sum_steps = 0;
    std::size_t contradiction_steps = 0;  // by-contradiction certificates (negated goal multiplied)
    std::size_t theorem_applications = 0; // `have h : P := T args…` / `obtain ⟨…⟩ : … := T args…`
    std::size_t exact_steps = 0;          // `exact h`
    std::size_t forall_intros = 0;        // `intro i hlt` on a `∀ k < d, …` goal
    std::vector<std::string> errors;      // empty iff everything checked
    bool ok() const { return errors.empty(); }
};

// Check every proof of a parsed file by the rules above (no corpus needed). A theorem may be applied
// by name only after its definition in the file: its explicit arguments are substituted for its binders
// in order, each hypothesis argument and the ascribed type must match the instantiated hypothesis /
// conclusion (same relation, or the converse with swapped sides; same kernel normal form of lhs − rhs;
// and syntactically equal up to ≥/> unfolding and renaming bound indices, as Lean's definitional check
// needs). `exact h` closes a goal that h's type matches in the same sense.
RoundTripReport check_lean_proofs(const ReadFile& file);

// Full round trip: parse `lean_text`, check every proof, and check that the theorems are exactly the
// corpus's (names, order, variables, hypotheses and goals equal after export_::normalize), that every
// theorem has `#print axioms`, that the duplicate statement carries its comment, and that no
// sorry/admit/axiom/native_decide occurs.
// limits: those of the check (the statements are compared by normal form under them)
RoundTripReport check_round_trip(const std::string& lean_text, const frontend::Corpus& corpus,
                                 const kernel::Limits& limits = {});

}  // namespace icl::leanexp
