// Issue 13: conventional precedence. For every expression of the corpus (hypothesis and goal sides,
// definition bodies, certificate polynomials) the catalogue printing (frontend::to_text), the Lean
// printing (leanexp::lean_term) and the Coq printing (export_::coq_expression), re-read by the front
// end, give the same kernel polynomial (export_::normalize) as the term that was loaded.
//
// Translations done here, because the front end does not read that notation (and only these):
//   - Lean and Coq apply functions by juxtaposition: the exports unfold definitions (the Lean export
//     does so itself), so the only applications left are family values, `g k` (Lean) and `(g k)` (Coq),
//     rewritten to `g(k)`;
//   - finite sums (`∑ k ∈ Finset.range d, (…)`, `(lsum d (fun k => …))`) are only whole sides of goals:
//     their bodies are compared instead (with the index as the family argument);
//   - Coq's `(- x)` and `(2 / 3)` need no translation (the front end reads them).
#include "export/normal_form.hpp"
#include "export/coq.hpp"
#include "export/lean.hpp"
#include "frontend/corpus.hpp"

#include <catch2/catch.hpp>

#include <regex>
#include <set>

using namespace icl;

namespace {

const frontend::Corpus& corpus() {
    static const frontend::Corpus c = frontend::load_embedded_corpus();
    return c;
}

export_::Polynomial reread(const std::string& text, const kernel::Statement& st, const std::string& index) {
    kernel::TermPtr t = frontend::parse_expression(text, {"reread", 1, 1});
    return export_::normalize(*t, st, index);
}

// family applications `g k` / `(g k)` -> `g(k)`
std::string families_to_calls(std::string s, const kernel::Statement& st, bool coq) {
    for (const auto& f : st.families) {
        std::regex re(coq ? "\\(" + f + " ([A-Za-z_][A-Za-z0-9_']*)\\)" : "\\b" + f + " ([A-Za-z_][A-Za-z0-9_']*)");
        s = std::regex_replace(s, re, f + "($1)");
    }
    return s;
}

struct Counter {
    std::size_t expressions = 0;
};

void compare(const kernel::TermPtr& t, const kernel::Statement& st, std::string index, Counter& n) {
    REQUIRE(t);
    kernel::TermPtr body = t;
    if (t->kind == kernel::Term::Kind::Sum) {  // a whole side: compare the body at its index
        index = t->name;
        body = t->args.at(1);
    }
    const export_::Polynomial ref = export_::normalize(*body, st, index);
    const std::string cat = frontend::to_text(*body);
    const std::string lean = families_to_calls(leanexp::lean_term(*leanexp::unfold_definitions(body, st), 0), st, false);
    const std::string coq = families_to_calls(export_::coq_expression(*export_::unfold_definitions(body, st)), st, true);
    INFO("catalogue: " << cat);
    INFO("lean:      " << lean);
    INFO("coq:       " << coq);
    CHECK(reread(cat, st, index) == ref);
    CHECK(reread(lean, st, index) == ref);
    CHECK(reread(coq, st, index) == ref);
    ++n.expressions;
}

void psatz_polys(const cert::PsatzNode& p, const kernel::Statement& st, const std::string& index, Counter& n) {
    if (p.poly) compare(p.poly, st, index, n);
    for (const auto& c : p.children) psatz_polys(*c, st, index, n);
}

void certificate_polys(const cert::Certificate& c, const kernel::Statement& st, const std::string& index, Counter& n) {
    for (const auto& lt : c.combination)
        if (lt.coeff) compare(lt.coeff, st, index, n);
    if (c.refutation) psatz_polys(*c.refutation, st, index, n);
    if (c.body) certificate_polys(*c.body, st, c.index, n);
}

}  // namespace

TEST_CASE("precedence: ^ binds tighter than / and unary minus", "[frontend][precedence]") {
    kernel::Statement st;
    st.reals = {"x"};
    auto poly = [&](const std::string& s) { return export_::normalize(*frontend::parse_expression(s, {"t", 1, 1}), st); };
    CHECK(poly("2/3^2") == poly("2/9"));
    CHECK_FALSE(poly("2/3^2") == poly("4/9"));
    CHECK(poly("(2/3)^2") == poly("4/9"));
    CHECK(poly("-x^2") == poly("-(x^2)"));
    CHECK_FALSE(poly("-x^2") == poly("(-x)^2"));
    CHECK(poly("-2/3^2*x") == poly("-(2/9)*x"));
    CHECK(frontend::to_text(*frontend::parse_expression("(2/3)^2", {"t", 1, 1})) == "(2/3)^2");
    CHECK(frontend::to_text(*frontend::parse_expression("2/3^2", {"t", 1, 1})) == "2/9");
    // a rational with an exponent prints with parentheses in Lean and Coq too
    kernel::TermPtr p = frontend::parse_expression("(2/3)^2", {"t", 1, 1});
    CHECK(leanexp::lean_term(*p, 0) == "(2/3) ^ 2");
    CHECK(export_::coq_expression(*p) == "(2 / 3) ^ 2");
}

TEST_CASE("precedence: catalogue, Lean and Coq printings of every corpus expression re-read to the same polynomial",
          "[frontend][precedence]") {
    Counter n;
    for (const auto& e : corpus().theorems) {
        INFO("theorem " << e.theorem.id);
        const kernel::Statement& st = e.theorem.statement;
        for (const auto& h : st.hypotheses) {
            compare(h.prop.lhs, st, h.forall_index, n);
            compare(h.prop.rhs, st, h.forall_index, n);
        }
        for (const auto& g : st.goals) {
            compare(g.lhs, st, "", n);
            compare(g.rhs, st, "", n);
        }
        for (const auto& c : e.theorem.proofs) certificate_polys(c, st, "", n);
    }
    for (const auto& d : corpus().definitions) {
        INFO("definition " << d.definition.name);
        kernel::Statement st;
        st.reals = d.definition.params;
        for (const auto& o : corpus().definitions) st.definitions.push_back(o.definition);
        compare(d.definition.body, st, "", n);
    }
    CHECK(n.expressions > 400);
}
