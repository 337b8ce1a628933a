// Computed independence (export/independence.hpp): the corpus's classes, renamed copies detected,
// near copies not.
#include "export/counterexample.hpp"
#include "export/independence.hpp"
#include "frontend/corpus.hpp"

#include <catch2/catch.hpp>

#include <set>

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

// ---------------------------------------------------------------- used hypotheses, side conditions
namespace {
const frontend::TheoremEntry& entry(const std::string& id) {
    for (const auto& e : corpus().theorems)
        if (e.theorem.id == id) return e;
    FAIL("no theorem " << id);
    throw;
}
}  // namespace

TEST_CASE("used hypotheses of five theorems are pinned", "[independence][used]") {
    using V = std::vector<std::string>;
    const std::vector<std::pair<std::string, V>> pinned = {
        {"A1", {}},                         // η > 0 is not needed by the ring identity
        {"M3", {"hl12", "hnewton"}},        // 0 < λ₁ is not needed
        {"SM4", {"hx0", "hx1", "hs0"}},     // s ≤ 1 is not needed
        {"N4", {"h0"}},                     // u < ½ is not needed
        {"MH5", {}},                        // neither hypothesis is needed
        {"DC5", {"hopt", "hstep", "hdev", "hR", "he0", "hlo", "hhi"}},
    };
    for (const auto& [id, used] : pinned) {
        INFO(id);
        auto r = cert::check_theorem(entry(id).theorem);
        REQUIRE(r.verdict == kernel::Verdict::Verified);
        CHECK(cert::used_hypotheses(entry(id).theorem.statement, r.proofs) == used);
    }
}

TEST_CASE("every counterexample of the corpus is checked exactly", "[independence][counterexample]") {
    std::set<std::string> have;
    for (const auto& e : corpus().theorems)
        for (const auto& ce : e.counterexamples) {
            INFO(e.theorem.id << " drop " << ce.drop);
            CHECK(export_::check_counterexample(e, ce).verdict == kernel::Verdict::Verified);
            have.insert(e.theorem.id + ":" + ce.drop);
        }
    // the side conditions the corpus adds to the papers' sentences
    const std::set<std::string> expected = {"E2:hw0", "S3:hK",  "S3:hl1", "B6:ha",     "SA2:hunder", "N3:hwin",
                                            "DC2:hc0", "F2:ha", "SM3:hc0", "SA3:heta", "SA3:ha"};
    CHECK(have == expected);
}

TEST_CASE("a counterexample that fails is rejected with the reason", "[independence][counterexample]") {
    const auto& e = entry("N3");
    frontend::CounterexampleEntry ce = e.counterexamples.at(0);  // drop hwin (u < 2) at u = 3
    REQUIRE(ce.drop == "hwin");
    frontend::CounterexampleEntry holds = ce;
    holds.point.reals["u"] = kernel::Rational(1, 2);  // the goal holds here
    auto r = export_::check_counterexample(e, holds);
    CHECK(r.verdict == kernel::Verdict::Rejected);
    CHECK(r.message.find("the goal holds there") != std::string::npos);
    frontend::CounterexampleEntry outside = ce;
    outside.point.reals["u"] = -1;  // violates 0 < u, a hypothesis that is kept
    r = export_::check_counterexample(e, outside);
    CHECK(r.verdict == kernel::Verdict::Rejected);
    CHECK(r.message.find("other hypotheses do not hold") != std::string::npos);
    frontend::CounterexampleEntry keep_all = ce;
    keep_all.drop = "hu0";  // dropping another hypothesis: u = 3 violates u < 2
    CHECK(export_::check_counterexample(e, keep_all).verdict == kernel::Verdict::Rejected);
}

TEST_CASE("counterexample: unknown or repeated drop names are load errors with file:line", "[independence][counterexample]") {
    auto xml = [](const std::string& ces) {
        return "<corpus paper=\"900\" title=\"t\">\n<theorem id=\"X\" name=\"x\" lean=\"TransformerICL.x\" section=\"1\">"
               "<doc>d</doc><real>u</real><hyp name=\"hu\">0 &lt; u</hyp><goal>u &gt; 0</goal>"
               "<proof><psatz><add><neg_goal/><hyp name=\"hu\"/></add></psatz></proof><witness>u = 1</witness>\n" +
               ces + "</theorem></corpus>";
    };
    CHECK_NOTHROW(frontend::load_corpus({{"t.xml", xml("<counterexample drop=\"hu\">u = -1</counterexample>")}}));
    try {
        frontend::load_corpus({{"t.xml", xml("<counterexample drop=\"hv\">u = -1</counterexample>")}});
        FAIL("unknown drop accepted");
    } catch (const frontend::InputError& e) {
        CHECK(e.file == "t.xml");
        CHECK(e.line == 3);
        CHECK(std::string(e.what()).find("'hv', which is not a hypothesis") != std::string::npos);
    }
    try {
        frontend::load_corpus({{"t.xml", xml("<counterexample drop=\"hu\">u = -1</counterexample>\n"
                                             "<counterexample drop=\"hu\">u = -2</counterexample>")}});
        FAIL("repeated drop accepted");
    } catch (const frontend::InputError& e) {
        CHECK(e.line == 4);
        CHECK(std::string(e.what()).find("second counterexample") != std::string::npos);
    }
    CHECK_THROWS_AS(frontend::load_corpus({{"t.xml", xml("<counterexample>u = -1</counterexample>")}}),
                    frontend::InputError);  // drop is required
}

TEST_CASE("independence: finite sums and ∀-hypotheses are compared up to renaming of families", "[independence]") {
    auto thm = [](const std::string& id, const std::string& nat, const std::string& fams, const std::string& hyp,
                  const std::string& goal, const std::string& w) {
        return "<theorem id=\"" + id + "\" name=\"t" + id + "\" lean=\"TransformerICL.t" + id +
               "\" section=\"1\"><doc>d</doc><nat>" + nat + "</nat><family>" + fams + "</family>" + hyp +
               "<goal>" + goal + "</goal><proof><sum_le_sum index=\"i\"><psatz><add><neg_goal/><hyp name=\"hg\"/>"
               "</add></psatz></sum_le_sum></proof><witness>" + w + "</witness></theorem>";
    };
    auto c = frontend::load_corpus({{"t.xml", "<corpus paper=\"900\" title=\"t\">" +
        thm("Z1", "d", "g gn", "<hyp name=\"hg\" forall=\"k\" below=\"d\">gn(k)^2 &lt;= g(k)^2</hyp>",
            "sum(k, d, gn(k)^2) &lt;= sum(k, d, g(k)^2)", "d = 1; g = [1]; gn = [0]") +
        thm("Z2", "n", "p q", "<hyp name=\"hg\" forall=\"j\" below=\"n\">q(j)^2 &gt;= p(j)^2</hyp>",
            "sum(m, n, q(m)^2) &gt;= sum(j, n, p(j)^2)", "n = 1; p = [0]; q = [1]") +
        // the body's exponent changed: not the same
        thm("Z3", "d", "g gn", "<hyp name=\"hg\" forall=\"k\" below=\"d\">gn(k)^2 &lt;= g(k)^2</hyp>",
            "sum(k, d, gn(k)^2) &lt;= sum(k, d, g(k)^4)", "d = 1; g = [1]; gn = [0]") +
        "</corpus>"}});
    auto r = export_::independence(c);
    REQUIRE(r.classes.size() == 1);
    CHECK(r.classes[0].ids == std::vector<std::string>{"Z1", "Z2"});
    CHECK(r.classes[0].renamings[0] == "n→d, p→gn, q→g");
}
