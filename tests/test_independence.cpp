// Computed independence (export/independence.hpp): the corpus's classes, renamed copies detected,
// near copies not.
#include "export/independence.hpp"
#include "frontend/corpus.hpp"

#include <catch2/catch.hpp>

using namespace icl;

namespace {
const frontend::Corpus& corpus() {
    static const frontend::Corpus c = frontend::load_embedded_corpus();
    return c;
}

std::string theorem_xml(const std::string& id, const std::string& reals, const std::vector<std::string>& hyps,
                        const std::string& goal) {
    std::string x = "<theorem id=\"" + id + "\" name=\"t_" + id + "\" lean=\"TransformerICL.t_" + id +
                    "\" section=\"1\"><doc>test</doc><real>" + reals + "</real>";
    for (std::size_t i = 0; i < hyps.size(); ++i) x += "<hyp name=\"h" + std::to_string(i) + "\">" + hyps[i] + "</hyp>";
    const bool ineq = goal.find("&lt;") != std::string::npos || goal.find("&gt;") != std::string::npos;
    x += "<goal>" + goal + "</goal><proof>" + (ineq ? "<psatz><neg_goal/></psatz>" : "<ring/>") + "</proof><witness>";
    std::string names = reals, w;
    for (std::size_t p = 0, q; p < names.size(); p = q + 1) {
        q = names.find(' ', p);
        if (q == std::string::npos) q = names.size();
        w += (w.empty() ? "" : "; ") + names.substr(p, q - p) + " = 1";
    }
    return x + w + "</witness></theorem>";
}

frontend::Corpus load(const std::string& theorems) {
    return frontend::load_corpus({{"t.xml", "<corpus paper=\"900\" title=\"test\"><def name=\"twice\" params=\"x\">2*x</def>" +
                                                theorems + "</corpus>"}});
}
}  // namespace

TEST_CASE("independence: the corpus's classes are computed", "[independence]") {
    auto r = export_::independence(corpus());
    std::vector<std::vector<std::string>> classes;
    for (const auto& c : r.classes) classes.push_back(c.ids);
    const std::vector<std::vector<std::string>> expected = {
        {"A7", "C3"}, {"B5", "I2"}, {"D3", "E3"}, {"G2", "N1", "N2"}, {"S2", "S5"}, {"MH1", "W2"}};
    CHECK(classes == expected);
    CHECK(r.statements == 81);
    CHECK(r.independent == 74);
    CHECK(r.same_as.at("S5") == "S2");  // agrees with the papers' own duplicate note
    for (const auto& e : corpus().theorems)
        if (!e.duplicate_of.empty()) CHECK(r.same_as.at(e.theorem.id) == e.duplicate_of);
}

TEST_CASE("independence: a renamed, reordered, reoriented copy is the same statement", "[independence]") {
    // S2 as written, and a copy: variables renamed, hypotheses reordered, sides swapped, < as >,
    // a definition call for 2*beta, a positive factor on an inequality.
    auto c = load(theorem_xml("X1", "alpha1 alpha2 beta l1 l2",
                              {"alpha1*(2*beta) = l1", "alpha2*(2*beta) = l2", "l1 &lt; l2", "beta &gt; 0"},
                              "alpha1 &lt; alpha2") +
                  theorem_xml("X2", "q p m y x",
                              {"3*m &gt; 0", "y = p*twice(m)", "y &gt; x", "twice(m)*q = x"}, "p &gt; q") +
                  // near copy: one coefficient changed (3*beta instead of 2*beta in the second hypothesis)
                  theorem_xml("X3", "alpha1 alpha2 beta l1 l2",
                              {"alpha1*(2*beta) = l1", "alpha2*(3*beta) = l2", "l1 &lt; l2", "beta &gt; 0"},
                              "alpha1 &lt; alpha2") +
                  // near copy: strict goal made non-strict
                  theorem_xml("X4", "alpha1 alpha2 beta l1 l2",
                              {"alpha1*(2*beta) = l1", "alpha2*(2*beta) = l2", "l1 &lt; l2", "beta &gt; 0"},
                              "alpha1 &lt;= alpha2") +
                  // near copy: a negative factor on an inequality flips it (not the same)
                  theorem_xml("X5", "alpha1 alpha2 beta l1 l2",
                              {"alpha1*(2*beta) = l1", "alpha2*(2*beta) = l2", "l1 &lt; l2", "-beta &gt; 0"},
                              "alpha1 &lt; alpha2"));
    auto r = export_::independence(c);
    REQUIRE(r.classes.size() == 1);
    CHECK(r.classes[0].ids == std::vector<std::string>{"X1", "X2"});
    CHECK(r.classes[0].renamings[0] == "m→beta, p→alpha2, q→alpha1, x→l1, y→l2");
    CHECK(r.independent == 4);
    CHECK(!r.same_as.count("X3"));
    CHECK(!r.same_as.count("X4"));
    CHECK(!r.same_as.count("X5"));
}

TEST_CASE("independence: distinct ring identities are not identified", "[independence]") {
    // both goals have lhs - rhs ≡ 0; they are compared by their sides, so they stay apart
    auto c = load(theorem_xml("Y1", "x y", {}, "(x + y)^2 = x^2 + 2*x*y + y^2") +
                  theorem_xml("Y2", "x y", {}, "x*y = y*x") + theorem_xml("Y3", "a b", {}, "b*a = a*b"));
    auto r = export_::independence(c);
    REQUIRE(r.classes.size() == 1);
    CHECK(r.classes[0].ids == std::vector<std::string>{"Y2", "Y3"});
}
