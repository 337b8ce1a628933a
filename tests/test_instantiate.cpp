// Kernel tests for the instantiate and exact rules (theorems using earlier verified theorems), the
// Library of verified theorems, and the loader's dependency order. Each rejection asserts its reason.
#include "export/assumptions.hpp"
#include "frontend/corpus.hpp"
#include "frontend/certificate.hpp"
#include "kernel/kernel.hpp"

#include <catch2/catch.hpp>

#include <type_traits>

using namespace icl;

namespace {

std::string theorem(const std::string& id, const std::string& body) {
    return "<theorem id=\"" + id + "\" name=\"t_" + id + "\" lean=\"TransformerICL.t_" + id +
           "\" section=\"1\"><doc>d</doc>" + body + "</theorem>";
}

// Lemma L: 0 <= x, x <= y |- x^2 <= x*y (and its witness).
const std::string LEMMA = theorem("L", R"~(<real>x y</real>
  <hyp name="hx">0 &lt;= x</hyp><hyp name="hxy">x &lt;= y</hyp>
  <goal>x^2 &lt;= x*y</goal>
  <proof><psatz><add><neg_goal/><mul><hyp name="hx"/><hyp name="hxy"/></mul></add></psatz></proof>
  <witness>x = 1; y = 2</witness>)~");

// A user U of L with the given proof body; U: 0 <= a, a <= b |- a^2 <= a*b.
std::string user(const std::string& proof, const std::string& goal = "a^2 &lt;= a*b") {
    return theorem("U", "<real>a b</real><hyp name=\"ha\">0 &lt;= a</hyp><hyp name=\"hab\">a &lt;= b</hyp><goal>" +
                            goal + "</goal><proof>" + proof + "</proof><witness>a = 1; b = 2</witness>");
}

const std::string GOOD_USE = R"~(<use theorem="L" as="hl"><with var="x">a</with><with var="y">b</with>
  <discharge hyp="hx"><exact fact="ha"/></discharge><discharge hyp="hxy"><exact fact="hab"/></discharge></use>)~";

std::vector<kernel::CheckResult> run(const std::vector<std::string>& theorems) {
    std::string xml = "<corpus paper=\"t\">";
    for (const auto& t : theorems) xml += t;
    xml += "</corpus>";
    return frontend::check_corpus(frontend::load_corpus({{"t.xml", xml}}));
}

std::string user_message(const std::string& proof, const std::string& goal = "a^2 &lt;= a*b") {
    auto r = run({LEMMA, user(proof, goal)});
    REQUIRE(r.at(0).verdict == kernel::Verdict::Verified);
    return r.at(1).verdict == kernel::Verdict::Verified ? "verified" : r.at(1).message;
}

}  // namespace

TEST_CASE("instantiate: a verified theorem used with a total substitution and discharged hypotheses", "[kernel][instantiate]") {
    auto r = run({LEMMA, user(GOOD_USE + "<exact fact=\"hl\"/>")});
    REQUIRE(r.at(1).verdict == kernel::Verdict::Verified);
    CHECK(cert::used_theorems(r.at(1).proofs) == std::vector<std::string>{"L"});
    kernel::Statement u;  // the order of U's hypotheses
    u.hypotheses = {{"ha", {}, {}, {}}, {"hab", {}, {}, {}}};
    CHECK(cert::used_hypotheses(u, r.at(1).proofs) == std::vector<std::string>{"ha", "hab"});
    // the conclusion is usable by psatz as well
    CHECK(user_message(GOOD_USE + "<psatz><add><neg_goal/><hyp name=\"hl\"/></add></psatz>") == "verified");
}

TEST_CASE("assumptions: axioms and sorry are counted from the kernel's recorded derivation", "[export][instantiate]") {
    frontend::Corpus c = frontend::load_corpus(
        {{"t.xml", "<corpus paper=\"t\">" + LEMMA + user(GOOD_USE + "<exact fact=\"hl\"/>") + "</corpus>"}});
    REQUIRE(c.theorems.size() == 2);
    kernel::Library library;
    kernel::CheckResult lemma = cert::check_theorem(c.theorems[0].theorem, library);
    kernel::CheckResult use = cert::check_theorem(c.theorems[1].theorem, library);
    REQUIRE(lemma.verdict == kernel::Verdict::Verified);
    REQUIRE(use.verdict == kernel::Verdict::Verified);
    const kernel::Statement& st = c.theorems[1].theorem.statement;
    export_::Assumptions a = export_::assumptions_of(st, use.proofs, library);
    CHECK(a.axioms == 0);
    CHECK(a.sorry == 0);
    // the same derivation judged against a library that never verified L: L is an axiom there
    kernel::Library empty;
    a = export_::assumptions_of(st, use.proofs, empty);
    CHECK(a.axioms == 1);
    CHECK(a.sorry == 0);
    // a goal without its recorded derivation is a sorry
    a = export_::assumptions_of(st, {}, library);
    CHECK(a.axioms == 0);
    CHECK(a.sorry == 1);
}

TEST_CASE("instantiate: a substitution that leaves a variable out", "[kernel][instantiate]") {
    CHECK(user_message(R"~(<use theorem="L" as="hl"><with var="x">a</with>
      <discharge hyp="hx"><exact fact="ha"/></discharge><discharge hyp="hxy"><exact fact="hab"/></discharge></use>
      <exact fact="hl"/>)~") == "instantiate 'L': the substitution leaves 'y' of L unassigned");
}

TEST_CASE("instantiate: a variable that is not one of the theorem's", "[kernel][instantiate]") {
    CHECK(user_message(R"~(<use theorem="L" as="hl"><with var="x">a</with><with var="y">b</with><with var="z">b</with>
      <discharge hyp="hx"><exact fact="ha"/></discharge><discharge hyp="hxy"><exact fact="hab"/></discharge></use>
      <exact fact="hl"/>)~") == "instantiate 'L': 'z' is not a variable of L");
}

TEST_CASE("instantiate: a discharge that does not prove the instantiated hypothesis", "[kernel][instantiate]") {
    // σ(hxy) is a <= b; the hypothesis ha (0 <= a) is not it
    CHECK(user_message(R"~(<use theorem="L" as="hl"><with var="x">a</with><with var="y">b</with>
      <discharge hyp="hx"><exact fact="ha"/></discharge><discharge hyp="hxy"><exact fact="ha"/></discharge></use>
      <exact fact="hl"/>)~") == "instantiate 'L': hypothesis 'hxy': exact: fact 'ha' is not the goal");
    // an undischarged hypothesis
    CHECK(user_message(R"~(<use theorem="L" as="hl"><with var="x">a</with><with var="y">b</with>
      <discharge hyp="hx"><exact fact="ha"/></discharge></use><exact fact="hl"/>)~") ==
          "instantiate 'L': hypothesis 'hxy' is not discharged");
    // a psatz discharge whose refutation does not close
    CHECK(user_message(R"~(<use theorem="L" as="hl"><with var="x">a</with><with var="y">b</with>
      <discharge hyp="hx"><psatz><add><neg_goal/></add></psatz></discharge>
      <discharge hyp="hxy"><exact fact="hab"/></discharge></use><exact fact="hl"/>)~")
              .rfind("instantiate 'L': hypothesis 'hx': psatz:", 0) == 0);
}

TEST_CASE("instantiate: the conclusion with the relation changed is not the goal", "[kernel][instantiate]") {
    CHECK(user_message(GOOD_USE + "<exact fact=\"hl\"/>", "a^2 &lt; a*b") == "exact: fact 'hl' is not the goal");
    // the converse reading of the same relation is the same fact
    CHECK(user_message(GOOD_USE + "<exact fact=\"hl\"/>", "a*b &gt;= a^2") == "verified");
    // psatz cannot get a strict inequality out of it either
    CHECK(user_message(GOOD_USE + "<psatz><add><neg_goal/><hyp name=\"hl\"/></add></psatz>", "a^2 &lt; a*b")
              .rfind("psatz: result 0 >= 0 is not a contradiction", 0) == 0);
}

TEST_CASE("instantiate: capture of a bound index", "[kernel][instantiate]") {
    // S: sum_{k<d} f(k)^2 >= 0 — a real variable named k in the instantiating term would be captured
    const std::string S = theorem("S", R"~(<nat>d</nat><family>f</family><real>c</real>
      <goal>sum(k, d, f(k)^2 + c^2) &gt;= 0</goal>
      <proof><sum_nonneg index="i"><psatz><add><neg_goal/><square of="f(i)"/><square of="c"/></add></psatz></sum_nonneg></proof>
      <witness>d = 1; f = [1]; c = 0</witness>)~");
    const std::string V = theorem("V", R"~(<nat>n</nat><family>g</family><real>k</real>
      <goal>sum(j, n, g(j)^2 + k^2) &gt;= 0</goal>
      <proof><use theorem="S" as="hs"><with var="d">n</with><with var="f">g</with><with var="c">k</with></use>
        <exact fact="hs"/></proof>
      <witness>n = 1; g = [1]; k = 0</witness>)~");
    auto r = run({S, V});
    REQUIRE(r.at(0).verdict == kernel::Verdict::Verified);
    CHECK(r.at(1).message == "instantiate 'S': the substitution captures 'k', a bound index of S");
    // renamed, it is accepted (the sums agree up to the index name)
    std::string ok = V;
    ok.replace(ok.find("<real>k</real>"), 14, "<real>m</real>");
    for (auto p = ok.find("k^2"); p != std::string::npos; p = ok.find("k^2")) ok.replace(p, 1, "m");
    ok.replace(ok.find("<with var=\"c\">k</with>"), 22, "<with var=\"c\">m</with>");
    ok.replace(ok.find("k = 0"), 5, "m = 0");
    auto r2 = run({S, ok});
    CHECK(r2.at(1).message == "");
    CHECK(r2.at(1).verdict == kernel::Verdict::Verified);
}

TEST_CASE("instantiate: a family instantiated by a real, a natural variable by a term", "[kernel][instantiate]") {
    const std::string S = theorem("S", R"~(<nat>d</nat><family>f</family>
      <goal>sum(k, d, f(k)^2) &gt;= 0</goal>
      <proof><sum_nonneg index="i"><psatz><add><neg_goal/><square of="f(i)"/></add></psatz></sum_nonneg></proof>
      <witness>d = 1; f = [1]</witness>)~");
    const std::string V = theorem("V", R"~(<nat>n</nat><family>g</family><real>x</real>
      <goal>x^2 &gt;= 0</goal>
      <proof><use theorem="S" as="hs"><with var="d">n</with><with var="f">x</with></use>
        <psatz><add><neg_goal/><square of="x"/></add></psatz></proof>
      <witness>n = 1; g = [1]; x = 1</witness>)~");
    CHECK(run({S, V}).at(1).message == "instantiate 'S': family 'f' must be instantiated by a family of this theorem");
    std::string W = V;
    W.replace(W.find("<with var=\"d\">n</with><with var=\"f\">x</with>"), 44, "<with var=\"d\">x</with><with var=\"f\">g</with>");
    CHECK(run({S, W}).at(1).message == "instantiate 'S': natural variable 'd' must be instantiated by a natural variable of this theorem");
}

TEST_CASE("instantiate: a theorem that failed, one that comes later, itself", "[kernel][instantiate]") {
    std::string bad = LEMMA;
    const std::string product = "<mul><hyp name=\"hx\"/><hyp name=\"hxy\"/></mul>";
    bad.replace(bad.find(product), product.size(), "<hyp name=\"hx\"/>");
    auto r = run({bad, user(GOOD_USE + "<exact fact=\"hl\"/>")});
    REQUIRE(r.at(0).verdict == kernel::Verdict::Rejected);
    CHECK(r.at(1).message.rfind("instantiate 'L': theorem 'L' did not verify (psatz:", 0) == 0);

    // at the kernel level: a Library that has not seen L (L later, or not checked)
    auto corpus = frontend::load_corpus({{"t.xml", "<corpus paper=\"t\">" + LEMMA + user(GOOD_USE + "<exact fact=\"hl\"/>") + "</corpus>"}});
    kernel::Library empty;
    CHECK(cert::check_theorem(corpus.theorems.at(1).theorem, empty).message ==
          "instantiate 'L': theorem 'L' has not been verified earlier in this run (unknown, or later in the dependency order)");
    CHECK_FALSE(empty.verified("L"));
    CHECK(empty.failed("U"));  // the failure is recorded: a later user of U fails naming it
    kernel::Library lib;
    REQUIRE(cert::check_theorem(corpus.theorems.at(0).theorem, lib).verdict == kernel::Verdict::Verified);
    CHECK(lib.verified("L"));
    CHECK(cert::check_theorem(corpus.theorems.at(0).theorem, lib).message == "theorem: 'L' is checked twice");

    // itself: the kernel refuses (the loader already rejects it as a cycle)
    cert::Theorem self = corpus.theorems.at(1).theorem;
    self.id = "L";
    kernel::Library lib2;
    CHECK(cert::check_theorem(self, lib2).message == "instantiate 'L': a theorem cannot use itself");
}

TEST_CASE("loader: uses in dependency order; a forward use, a cycle across files and an unknown theorem are errors", "[kernel][instantiate]") {
    auto load = [](const std::vector<std::pair<std::string, std::string>>& files) -> std::string {
        try {
            frontend::load_corpus(files);
            return "loaded";
        } catch (const frontend::InputError& e) {
            return e.what();
        }
    };
    const std::string uses_U = theorem("L", R"~(<real>x y</real><hyp name="hx">0 &lt;= x</hyp><hyp name="hxy">x &lt;= y</hyp>
      <goal>x^2 &lt;= x*y</goal><proof><use theorem="U" as="hu"><with var="a">x</with><with var="b">y</with>
      <discharge hyp="ha"><exact fact="hx"/></discharge><discharge hyp="hab"><exact fact="hxy"/></discharge></use>
      <exact fact="hu"/></proof><witness>x = 1; y = 2</witness>)~");
    std::string cycle = load({{"a.xml", "<corpus paper=\"a\">" + uses_U + "</corpus>"},
                              {"b.xml", "<corpus paper=\"b\">" + user(GOOD_USE + "<exact fact=\"hl\"/>") + "</corpus>"}});
    CHECK(cycle.find("dependency cycle: L -> U -> L") != std::string::npos);
    CHECK(cycle.rfind("b.xml:", 0) == 0);  // at the use that closes the cycle
    std::string later = load({{"a.xml", "<corpus paper=\"a\">" + user(GOOD_USE + "<exact fact=\"hl\"/>") + LEMMA + "</corpus>"}});
    CHECK(later.find("theorem U uses L, which comes later in the corpus (a.xml:") != std::string::npos);
    std::string unknown = load({{"a.xml", "<corpus paper=\"a\">" + user(GOOD_USE + "<exact fact=\"hl\"/>") + "</corpus>"}});
    CHECK(unknown.find("theorem U uses 'L', which is not a theorem of the corpus") != std::string::npos);
    // the Lean proof applies L by its name t_L: a local of U called t_L would shadow it
    std::string use_as_t_L = GOOD_USE;
    use_as_t_L.replace(use_as_t_L.find("as=\"hl\""), 7, "as=\"t_L\"");
    std::string shadow = load({{"a.xml", "<corpus paper=\"a\">" + LEMMA + user(use_as_t_L + "<exact fact=\"t_L\"/>") + "</corpus>"}});
    CHECK(shadow.rfind("a.xml:", 0) == 0);  // at the user theorem
    CHECK(shadow.find("theorem U uses L (t_L) but also declares a local 't_L', which would shadow it in the Lean proof") !=
          std::string::npos);
}

TEST_CASE("kernel: a definition may call only earlier definitions (no cycle)", "[kernel]") {
    cert::Theorem t;
    t.id = "T";
    t.statement.reals = {"x"};
    t.statement.definitions = {{"f", {"y"}, kernel::apply("g", {kernel::var("y")})}, {"g", {"y"}, kernel::var("y")}};
    t.statement.goals = {{kernel::apply("f", {kernel::var("x")}), kernel::Rel::Eq, kernel::var("x")}};
    t.proofs.resize(1);
    CHECK(cert::check_theorem(t).message ==
          "declaration: definition 'f' calls 'g', which is not defined before it (a cycle or a forward call)");
    std::swap(t.statement.definitions[0], t.statement.definitions[1]);
    CHECK(cert::check_theorem(t).verdict == kernel::Verdict::Verified);
}

TEST_CASE("kernel: a definition body mentions only its parameters", "[kernel]") {
    cert::Theorem t;
    t.id = "T";
    t.statement.reals = {"x", "z"};
    t.statement.definitions = {{"f", {"y"}, kernel::add(kernel::var("y"), kernel::var("z"))}};
    t.statement.goals = {{kernel::apply("f", {kernel::var("x")}), kernel::Rel::Eq, kernel::add(kernel::var("x"), kernel::var("z"))}};
    t.proofs.resize(1);
    // z is a real variable of the statement, but not a parameter of f: the body may not capture it
    CHECK(cert::check_theorem(t).message == "declaration: definition 'f' uses 'z', which is not one of its parameters");
    t.statement.definitions[0].params = {"y", "z"};
    t.statement.goals[0].lhs = kernel::apply("f", {kernel::var("x"), kernel::var("z")});
    CHECK(cert::check_theorem(t).verdict == kernel::Verdict::Verified);
}

TEST_CASE("kernel: the verified-theorem library cannot be filled from outside", "[kernel]") {
    // Library's table is private: only check_theorem adds to it (compile-time property, checked here
    // by the absence of any public mutator; a Library is default-constructible and copyable only).
    static_assert(std::is_default_constructible_v<kernel::Library>);
    static_assert(!std::is_aggregate_v<kernel::Library>);
    kernel::Library lib;
    CHECK_FALSE(lib.verified("A1"));
}

#include "export/graph.hpp"

#include <fstream>
#include <sstream>

TEST_CASE("docs/derivation.dot is the current derivation graph", "[corpus][graph]") {
    std::ifstream in(std::string(ICL_SOURCE_DIR) + "/docs/derivation.dot", std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    INFO("regenerate with: build/icl-kernel graph --out docs/derivation.dot (and --format svg --out docs/derivation.svg)");
    auto corpus = frontend::load_embedded_corpus();
    const std::string dot = export_::derivation_dot(corpus, "theorems.md#");
    CHECK(ss.str() == dot);
    // every use is an edge, every derived declaration a node
    for (const auto& t : corpus.theorems) {
        if (t.derived) CHECK(dot.find("\"" + t.theorem.id + "\" [label=") != std::string::npos);
        for (const auto& u : t.uses) CHECK(dot.find("\"" + u + "\" -> \"" + t.theorem.id + "\"") != std::string::npos);
    }
}
