// Catalogue generator: readable statements, certificate kinds and sizes, deviations from the spec.
#include "export/catalogue.hpp"
#include "export/counterexample.hpp"
#include "export/independence.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <map>

namespace icl::export_ {

namespace {
std::size_t psatz_size(const cert::PsatzPtr& n) {
    if (!n) return 0;
    std::size_t s = 1;
    for (const auto& c : n->children) s += psatz_size(c);
    return s;
}

std::string superscript(unsigned long e) {
    static const char* digits[] = {"⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"};
    std::string s;
    for (char c : std::to_string(e)) s += digits[c - '0'];
    return s;
}

int precedence(const kernel::Term& t) {
    using K = kernel::Term::Kind;
    switch (t.kind) {
        case K::Add:
        case K::Sub: return 1;
        case K::Mul: return 2;
        case K::Neg: return 3;
        case K::Pow: return 4;
        case K::Number: return (denominator(t.number) != 1 || t.number < 0) ? 2 : 5;
        default: return 5;
    }
}

std::string math(const kernel::Term& t, int context) {
    using K = kernel::Term::Kind;
    std::string s;
    switch (t.kind) {
        case K::Number: s = t.number.str(); break;
        case K::Var: s = t.name; break;
        case K::Neg: s = "−" + math(*t.args[0], 3); break;
        case K::Add: s = math(*t.args[0], 1) + " + " + math(*t.args[1], 2); break;
        case K::Sub: s = math(*t.args[0], 1) + " − " + math(*t.args[1], 2); break;
        case K::Mul: s = math(*t.args[0], 2) + "·" + math(*t.args[1], 3); break;
        case K::Pow: s = math(*t.args[0], 5) + superscript(t.exponent); break;
        case K::Apply: {
            s = t.name + "(";
            for (std::size_t i = 0; i < t.args.size(); ++i) s += (i ? ", " : "") + math(*t.args[i], 0);
            s += ")";
            break;
        }
        case K::Sum: s = "Σ_{" + t.name + "<" + t.args[0]->name + "} " + math(*t.args[1], 2); break;
    }
    return precedence(t) < context ? "(" + s + ")" : s;
}

const char* rel_math(kernel::Rel r) {
    switch (r) {
        case kernel::Rel::Eq: return "=";
        case kernel::Rel::Le: return "≤";
        case kernel::Rel::Lt: return "<";
        case kernel::Rel::Ge: return "≥";
        case kernel::Rel::Gt: return ">";
        case kernel::Rel::Ne: return "≠";
    }
    return "?";
}

std::string cell(std::string s) {  // markdown table cell: escape pipes
    std::string out;
    for (char c : s) out += c == '|' ? std::string("\\|") : std::string(1, c);
    return out;
}
std::string catalogue_counts_section(const frontend::Corpus& corpus, const IndependenceReport& indep) {
    std::string md = "## What the counts mean\n\n";
    md += fmt::format(
        "**Independent statements.** Computed, not declared (`export/independence.hpp`): two statements are the "
        "same when a renaming of their variables carries the hypotheses of one onto the other's (as a multiset, "
        "in any order) and the goals onto the other's, each hypothesis or goal compared as the normal form of "
        "`lhs − rhs` (definitions unfolded) with its relation, `a ≤ b` read as `b − a ≥ 0`, up to a positive "
        "rational factor for `≥`/`>` and a non-zero one for `=`/`≠`; an equality whose `lhs − rhs` is "
        "identically zero (a ring identity) is compared by its two sides instead. Of the {} statements, {} are "
        "independent in this sense; the others repeat an earlier one:\n\n",
        indep.statements, indep.independent);
    for (const auto& c : indep.classes) md += "- " + class_text(c) + "\n";
    md += "\nS5's duplication is also the papers' own note (`duplicate-of=\"S2\"`).";
    if (auto it = indep.same_as.find("E3"); it != indep.same_as.end() && it->second == "D3")
        md += " D3 ≡ E3 needs the positive factor: D3 normalises to `4·a1·a2 ≥ 0`, E3 to `2·rho·w ≥ 0`, both "
              "under two sign hypotheses.";
    md += " No other logical equivalence is recognised, so the independent count is an upper bound.\n\n";
    md += fmt::format(
        "**Declarations.** Here a declaration is one of the {} theorem statements or {} derived declarations "
        "(checked: its certificates by the kernel, its witness exactly) or one of the {} definitions (checked: its "
        "body normalises in the scope of its parameters), {} in all; `icl-kernel check` reports `{} declarations, {} OK` when everything "
        "verifies. The papers report \"228 declarations, 228 OK\" for their own Lean development; they do not "
        "list those declarations, so that figure can be neither reproduced nor compared here, and the two numbers "
        "count different things.\n\n",
        indep.statements, corpus.theorems.size() - indep.statements, corpus.definitions.size(),
        corpus.theorems.size() + corpus.definitions.size(),
        corpus.theorems.size() + corpus.definitions.size(), corpus.theorems.size() + corpus.definitions.size());
    md += "**Not load-bearing hypotheses.** The statements keep every hypothesis the papers state; where no "
          "certificate refers to a hypothesis (`cert::used_hypotheses`), the notes say so: the theorem "
          "also holds without it.\n\n";
    md += "**Side conditions.** Where the corpus adds a hypothesis to the paper's sentence, the theorem has a "
          "`<counterexample drop=\"h\">`: a rational point where every other hypothesis holds and the goal "
          "fails, checked exactly by `icl-kernel check` (a failing counterexample fails the theorem). The notes "
          "show the point.\n\n";
    return md;
}

}  // namespace

std::string certificate_kind_name(const cert::Certificate& c) {
    using K = cert::Certificate::Kind;
    if (!c.lemmas.empty()) {
        std::string uses;
        for (const auto& in : c.lemmas) uses += (uses.empty() ? "" : ", ") + in.theorem;
        cert::Certificate rest = c;
        rest.lemmas.clear();
        return "use(" + uses + ") " + certificate_kind_name(rest);
    }
    switch (c.kind) {
        case K::Exact: return "exact";
        case K::Ring: return "ring";
        case K::LinearCombination: return "linear_combination";
        case K::Psatz: return "psatz";
        case K::SumNonneg: return "sum_nonneg(" + (c.body ? certificate_kind_name(*c.body) : "") + ")";
        case K::SumLeSum: return "sum_le_sum(" + (c.body ? certificate_kind_name(*c.body) : "") + ")";
        case K::SumCongr: return "sum_congr(" + (c.body ? certificate_kind_name(*c.body) : "") + ")";
    }
    return "?";
}

std::string proof_rule_name(const kernel::Proof& p) {
    using R = kernel::Proof::Rule;
    std::string head;
    for (const auto& l : p.lemmas) head += (head.empty() ? "" : ", ") + l.theorem;
    if (!head.empty()) head = "use(" + head + ") ";
    switch (p.rule) {
        case R::Exact: return head + "exact";
        case R::Ring: return head + "ring";
        case R::LinearCombination: return head + "linear_combination";
        case R::Refutation: return head + "psatz";
        case R::SumNonneg: return head + "sum_nonneg(" + proof_rule_name(*p.body) + ")";
        case R::SumLeSum: return head + "sum_le_sum(" + proof_rule_name(*p.body) + ")";
        case R::SumCongr: return head + "sum_congr(" + proof_rule_name(*p.body) + ")";
    }
    return "?";
}

namespace {
std::size_t fact_count(const kernel::Fact& f) {
    std::size_t n = 1;
    for (const auto& q : f.premises) n += fact_count(*q);
    return n;
}
}  // namespace

std::size_t derivation_size(const kernel::Proof& p) {
    using R = kernel::Proof::Rule;
    std::size_t n = 1;
    for (const auto& l : p.lemmas) {
        n += 1 + l.with.size();
        for (const auto& d : l.discharges) n += d.proof ? derivation_size(*d.proof) : 0;
    }
    switch (p.rule) {
        case R::Exact:
        case R::Ring: return n;
        case R::LinearCombination: return n + p.combination.size();
        case R::Refutation: return n + fact_count(*p.refutation);
        case R::SumNonneg:
        case R::SumLeSum:
        case R::SumCongr: return n + derivation_size(*p.body);
    }
    return n;
}

std::size_t certificate_size(const cert::Certificate& c) {
    using K = cert::Certificate::Kind;
    std::size_t lemmas = 0;
    for (const auto& in : c.lemmas) {
        lemmas += 1 + in.with.size();
        for (const auto& d : in.discharges) lemmas += d.proof ? certificate_size(*d.proof) : 0;
    }
    if (lemmas) {
        cert::Certificate rest = c;
        rest.lemmas.clear();
        return lemmas + certificate_size(rest);
    }
    switch (c.kind) {
        case K::Exact: return 1;
        case K::Ring: return 1;
        case K::LinearCombination: return 1 + c.combination.size();
        case K::Psatz: return 1 + psatz_size(c.refutation);
        default: return 1 + (c.body ? certificate_size(*c.body) : 0);
    }
}

std::string math_text(const kernel::Prop& p) {
    return math(*p.lhs, 0) + " " + rel_math(p.rel) + " " + math(*p.rhs, 0);
}

std::string catalogue_markdown(const frontend::Corpus& corpus, const kernel::Limits& limits) {
    std::string md;
    md += "# Theorem catalogue\n\n";
    md += "Generated by `icl-kernel catalogue --out docs/theorems.md` from `theorems/*.xml`; do not edit by hand\n";
    md += "(a test fails when this file is stale). All variables are real unless declared `ℕ` or `ℕ → ℝ`.\n\n";
    std::size_t derived = 0;
    for (const auto& t : corpus.theorems) derived += t.derived;
    const std::size_t statements = corpus.theorems.size() - derived;
    const IndependenceReport indep = independence(corpus, limits);
    const std::vector<kernel::CheckResult> results = frontend::check_corpus(corpus, limits);
    md += fmt::format("{} theorem statements ({} independent), {} derived declarations, {} definitions, {} declarations.\n\n",
                      statements, indep.independent, derived, corpus.definitions.size(),
                      corpus.theorems.size() + corpus.definitions.size());
    md += catalogue_counts_section(corpus, indep);
    md += "## Definitions\n\n| name | definition |\n|---|---|\n";
    for (const auto& d : corpus.definitions) {
        std::string params;
        for (const auto& p : d.definition.params) params += (params.empty() ? "" : ", ") + p;
        md += fmt::format("| `{}` | {}({}) := {} |\n", d.definition.name, d.definition.name, params,
                          cell(math(*d.definition.body, 0)));
    }
    std::string paper;
    auto statement_of = [](const frontend::TheoremEntry& t) {
        const auto& st = t.theorem.statement;
        std::string hyps;
        for (const auto& h : st.hypotheses) {
            std::string q = h.forall_index.empty() ? "" : "∀ " + h.forall_index + " < " + h.forall_bound + ", ";
            hyps += (hyps.empty() ? "" : "; ") + q + math_text(h.prop);
        }
        std::string goals;
        for (const auto& g : st.goals) goals += (goals.empty() ? "" : " ∧ ") + math_text(g);
        std::string decl;
        for (const auto& n : st.nats) decl += n + " : ℕ; ";
        for (const auto& f : st.families) decl += f + " : ℕ → ℝ; ";
        return decl + (hyps.empty() ? "" : hyps + " ⊢ ") + goals;
    };
    for (const auto& t : corpus.theorems) {
        if (t.derived) continue;
        if (t.paper != paper) {
            paper = t.paper;
            md += fmt::format("\n## Paper {}: {}\n\n", paper, t.paper_title);
            md += "| id | name | statement | derivation (steps) | § | notes |\n|---|---|---|---|---|---|\n";
        }
        const auto& st = t.theorem.statement;
        const std::string statement = statement_of(t);
        const kernel::CheckResult& checked = results.at(static_cast<std::size_t>(&t - corpus.theorems.data()));
        std::string kinds;
        std::size_t size = 0;
        for (const auto& p : checked.proofs) {  // the kernel's derivation, as checked
            kinds += (kinds.empty() ? "" : " + ") + proof_rule_name(*p);
            size += derivation_size(*p);
        }
        if (checked.proofs.empty())
            for (const auto& c : t.theorem.proofs) {
                kinds += (kinds.empty() ? "" : " + ") + certificate_kind_name(c);
                size += certificate_size(c);
            }
        std::string notes;
        if (!t.duplicate_of.empty()) notes += "Duplicate of " + t.duplicate_of + ": not independent evidence. ";
        if (auto it = indep.same_as.find(t.theorem.id); it != indep.same_as.end() && t.duplicate_of.empty())
            notes += "Same statement as " + it->second + " up to renaming: not independent evidence. ";
        if (checked.verdict != kernel::Verdict::Verified) {
            notes += "Does not verify: " + checked.message + ". ";
        } else {
            std::string unused;
            const std::vector<std::string> used = cert::used_hypotheses(st, checked.proofs);
            for (std::size_t i = 0; i < st.hypotheses.size(); ++i) {
                const auto& h = st.hypotheses[i];
                if (std::find(used.begin(), used.end(), h.name) == used.end())
                    unused += (unused.empty() ? "" : "; ") + h.name + " (" + math_text(h.prop) + ")";
            }
            if (!unused.empty()) notes += "Not load-bearing (no certificate uses it): " + unused + ". ";
        }
        for (const auto& ce : t.counterexamples) {
            std::string h;
            for (const auto& hy : st.hypotheses)
                if (hy.name == ce.drop) h = hy.name + " (" + math_text(hy.prop) + ")";
            const bool ok = check_counterexample(t, ce, limits).verdict == kernel::Verdict::Verified;
            notes += "Side condition " + h + " is added to the paper's sentence; " +
                     (ok ? "without it the statement is false: at {" + ce.text +
                               "} the other hypotheses hold and the goal fails (checked exactly by `check`). "
                         : "its counterexample {" + ce.text + "} FAILS the check. ");
        }
        if (!t.deviation.empty()) notes += "Deviation from spec: " + t.deviation;
        md += fmt::format("| {} | `{}` | {} | {} ({}) | {} | {} |\n", t.theorem.id, t.theorem.name, cell(statement),
                          kinds, size, t.section, cell(notes));
    }
    // the derivation graph: which declaration instantiates which (docs/derivation.svg draws it)
    std::map<std::string, std::vector<std::string>> used_by;
    for (const auto& t : corpus.theorems)
        for (const auto& u : t.uses) used_by[u].push_back(t.theorem.id);
    auto list = [](const std::vector<std::string>& v) {
        std::string s;
        for (const auto& x : v) s += (s.empty() ? "" : ", ") + x;
        return s.empty() ? std::string("—") : s;
    };
    if (derived) {
        md += "\n## Derived declarations\n\n";
        md += "The chains of reasoning the papers describe, each proved by instantiating the theorems it uses\n";
        md += "(`<use>`: the kernel checks every instantiated hypothesis). They are not among the theorem\n";
        md += "statements; `docs/derivation.md` says which sentence of which paper each one closes.\n\n";
        md += "| id | name | paper § | statement | uses | used by |\n|---|---|---|---|---|---|\n";
        for (const auto& t : corpus.theorems)
            if (t.derived)
                md += fmt::format("| {} | `{}` | {} §{} | {} | {} | {} |\n", t.theorem.id, t.theorem.name, t.paper,
                                  t.section, cell(statement_of(t)), list(t.uses), list(used_by[t.theorem.id]));
        md += "\n## Uses and used by\n\nThe theorem statements that derived declarations instantiate.\n\n";
        md += "| id | name | used by |\n|---|---|---|\n";
        for (const auto& t : corpus.theorems)
            if (!t.derived && used_by.count(t.theorem.id))
                md += fmt::format("| {} | `{}` | {} |\n", t.theorem.id, t.theorem.name, list(used_by[t.theorem.id]));
    }
    return md;
}

}  // namespace icl::export_
