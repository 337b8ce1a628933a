// Tests of the untrusted certificate search (prover/): its pieces, and that whatever it reports as
// proved is accepted by the kernel, while false statements are never "proved".
#include <catch2/catch.hpp>

#include <algorithm>

#include "frontend/corpus.hpp"
#include "frontend/certificate.hpp"
#include "kernel/kernel.hpp"
#include "prover/corpus_writer.hpp"
#include "prover/exact_lp.hpp"
#include "prover/linalg.hpp"
#include "prover/poly.hpp"
#include "prover/prover.hpp"

#include <chrono>
#include <cstdlib>
#include <regex>

using namespace icl;
using prover::Poly;
using prover::Rational;

namespace {

std::string corpus_file(const std::string& theorems) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<corpus paper=\"900\" title=\"prover tests\">\n" + theorems +
           "</corpus>\n";
}

// A theorem with a placeholder proof (the prover ignores proofs).
std::string theorem(const std::string& id, const std::string& reals, const std::vector<std::string>& hyps,
                    const std::vector<std::string>& goals, const std::string& witness,
                    const std::string& extra_decls = "") {
    std::string s = "  <theorem id=\"" + id + "\" name=\"t_" + id + "\" lean=\"TransformerICL.t_" + id +
                    "\" section=\"1\">\n    <doc>test</doc>\n";
    if (!reals.empty()) s += "    <real>" + reals + "</real>\n";
    s += extra_decls;
    int k = 0;
    for (auto& h : hyps) {
        if (h.rfind("<hyp", 0) == 0) s += "    " + h + "\n";
        else s += "    <hyp name=\"h" + std::to_string(k++) + "\">" + h + "</hyp>\n";
    }
    for (auto& g : goals) s += "    <goal>" + g + "</goal>\n";
    for (auto& g : goals) {  // well-formed placeholders of the right kind (they do not prove anything)
        bool ineq = g.find("&lt;") != std::string::npos || g.find("&gt;") != std::string::npos;
        std::string body = ineq ? "<psatz><neg_goal/></psatz>" : "<ring/>";
        if (g.find("sum(") != std::string::npos)
            body = ineq ? "<sum_le_sum index=\"i\">" + body + "</sum_le_sum>" : "<sum_congr index=\"i\">" + body + "</sum_congr>";
        s += "    <proof>" + body + "</proof>\n";
    }
    s += "    <witness>" + witness + "</witness>\n  </theorem>\n";
    return s;
}

cert::Theorem load_one(const std::string& xml) {
    auto c = frontend::load_corpus({{"test.xml", corpus_file(xml)}});
    REQUIRE(c.theorems.size() == 1);
    return c.theorems[0].theorem;
}

prover::ProveResult prove_and_recheck(const cert::Theorem& t) {
    auto r = prover::prove_theorem(t);
    if (r.proved) {
        cert::Theorem copy = t;
        copy.proofs = r.proofs;
        REQUIRE(cert::check_theorem(copy).verdict == kernel::Verdict::Verified);
    }
    return r;
}

}  // namespace

TEST_CASE("prover: polynomial arithmetic and text", "[prover]") {
    prover::AtomTable atoms;
    auto mk = [&](const std::string& n) { return Poly::atom(atoms.intern(n, kernel::var(n))); };
    Poly x = mk("x"), y = mk("y");
    REQUIRE((x + y) * (x - y) == x * x - y * y);
    REQUIRE(((x + y).pow(2) - x * x - y * y - (x * y).scaled(2)).is_zero());
    REQUIRE((x - y).degree() == 1);
    REQUIRE((y - x).to_text(atoms) == "y - x");
    REQUIRE((x * x - (x * y).scaled(Rational(3, 4)) + Poly::constant(-2)).to_text(atoms) == "x^2 - 3/4*x*y - 2");
    REQUIRE(prover::monomials_up_to({0, 1}, 2).size() == 6);
}

TEST_CASE("prover: term text round-trips through the parser", "[prover]") {
    kernel::Statement s;
    s.reals = {"a", "b"};
    for (std::string text : {"-(a*b) + 3/4*a^2 - (a - b)^3", "-a*b - -b", "2*(a + b)*(a - 1/3)", "-(a^2)^2"}) {
        auto t = frontend::parse_expression(text, {"x", 1, 1});
        std::string printed = prover::term_text(*t);
        auto t2 = frontend::parse_expression(printed, {"x", 1, 1});
        prover::AtomTable atoms;
        REQUIRE(prover::to_poly(*t, s, atoms) == prover::to_poly(*t2, s, atoms));
    }
}

TEST_CASE("prover: exact LP, both the GLPK route and the built-in simplex", "[prover]") {
    using prover::SparseColumn;
    auto far = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    // x + y = 1/3, x - y = 1/7, x, y >= 0  -> x = 5/21, y = 2/21 (not representable in binary floating point)
    std::vector<SparseColumn> cols(2);
    cols[0].entries = {{0, 1}, {1, 1}};
    cols[1].entries = {{0, 1}, {1, -1}};
    std::vector<Rational> b{Rational(1, 3), Rational(1, 7)};
    for (bool exact_only : {false, true}) {
        auto r = exact_only ? prover::solve_feasibility_exact(2, b, cols, far) : prover::solve_feasibility(2, b, cols, far);
        REQUIRE(r.status == prover::LpStatus::Feasible);
        REQUIRE(r.x[0] == Rational(5, 21));
        REQUIRE(r.x[1] == Rational(2, 21));
    }
    // x - y = 1/3, x + y = 1/7 needs y < 0: infeasible
    std::vector<Rational> b2{Rational(1, 7), Rational(1, 3)};
    for (bool exact_only : {false, true}) {
        auto r =
            exact_only ? prover::solve_feasibility_exact(2, b2, cols, far) : prover::solve_feasibility(2, b2, cols, far);
        REQUIRE(r.status == prover::LpStatus::Infeasible);
    }
}

TEST_CASE("prover: exact linear systems", "[prover]") {
    std::vector<prover::SparseColumn> cols(3);
    cols[0].entries = {{0, 1}, {1, 2}};
    cols[1].entries = {{0, 1}, {1, 2}};  // dependent column
    cols[2].entries = {{1, 3}};
    auto x = prover::solve_linear(2, {Rational(1, 3), Rational(5)}, cols);
    REQUIRE(x);
    REQUIRE((*x)[0] + (*x)[1] == Rational(1, 3));
    REQUIRE(2 * ((*x)[0] + (*x)[1]) + 3 * (*x)[2] == 5);
    std::vector<prover::SparseColumn> one(1);
    one[0].entries = {{0, 1}, {1, 1}};
    REQUIRE(!prover::solve_linear(2, {Rational(1), Rational(2)}, one));
}

TEST_CASE("prover: inequalities by Positivstellensatz, checked by the kernel", "[prover]") {
    // B3: 0 < u <= v <= 1  |-  (1-v)^2 <= (1-u)^2
    auto b3 = load_one(theorem("B3", "u v", {"0 &lt; u", "u &lt;= v", "v &lt;= 1"}, {"(1 - v)^2 &lt;= (1 - u)^2"},
                               "u = 1/4; v = 1/2"));
    auto r = prove_and_recheck(b3);
    REQUIRE(r.proved);
    REQUIRE(r.proofs.at(0).kind == cert::Certificate::Kind::Psatz);
    // MH7: degree 6, one strict hypothesis
    auto mh7 = load_one(theorem("MH7", "s", {"s &gt; 1"}, {"(s - 1)^2*(s^2 + 1)^2 &lt; (s^2 - 1)^2*(s + 1)^2"}, "s = 2"));
    REQUIRE(prove_and_recheck(mh7).proved);
    // MH4: a != hypothesis is used through nonzero_sq
    auto mh4 = load_one(theorem("MH4", "kappa a1 a2", {"kappa &gt; 0", "a1 != a2"}, {"kappa^2*(a1 - a2)^2 &gt; 0"},
                                "kappa = 1; a1 = 1; a2 = 2"));
    auto r4 = prove_and_recheck(mh4);
    REQUIRE(r4.proved);
    REQUIRE(prover::certificate_xml(r4.proofs[0]).find("nonzero_sq") != std::string::npos);
    // M3: needs the negated goal times a square (degree 6) and an equality multiple
    auto m3 = load_one(theorem("M3", "lam1 lam2 kappa", {"0 &lt; lam1", "lam1 &lt; lam2", "kappa*lam1 = 1"},
                               {"(1 - kappa*lam2)^2 &gt; 0"}, "lam1 = 1; lam2 = 2; kappa = 1"));
    REQUIRE(prove_and_recheck(m3).proved);
}

TEST_CASE("prover: equalities, definitions, conjunctions", "[prover]") {
    auto mh8 = load_one(theorem("MH8", "kappa a1 a2", {"kappa*(a1 + a2) = 2"},
                                {"(1 - kappa*a1)^2*(a1 + a2)^2 = (a2 - a1)^2"}, "kappa = 1; a1 = 1/2; a2 = 3/2"));
    auto r = prove_and_recheck(mh8);
    REQUIRE(r.proved);
    REQUIRE(r.proofs[0].kind == cert::Certificate::Kind::LinearCombination);
    // a definition unfolded, a ring identity and an inequality in one conjunction
    std::string t2 = "  <def name=\"gap\" params=\"x\">x*(2 - x)</def>\n" +
                     theorem("T2", "u", {"0 &lt; u", "u &lt; 2"}, {"gap(u) &gt; 0", "(1 - u)^2 = 1 - gap(u)", "(1 - u)^2 &lt; 1"},
                             "u = 1");
    auto t = load_one(t2);
    auto r2 = prove_and_recheck(t);
    REQUIRE(r2.proved);
    REQUIRE(r2.proofs.size() == 3);
    REQUIRE(r2.proofs[1].kind == cert::Certificate::Kind::Ring);
}

TEST_CASE("prover: finite sums through the sum rules", "[prover]") {
    std::string decls = "    <nat>d</nat>\n    <family>g gn u kappa</family>\n";
    auto mn2 = load_one(theorem("MN2", "", {"<hyp name=\"hg\" forall=\"k\" below=\"d\">gn(k)^2 &lt;= g(k)^2</hyp>"},
                                {"sum(k, d, gn(k)^2) &lt;= sum(k, d, g(k)^2)"},
                                "d = 2; g = [1, -1]; gn = [1/2, 0]; u = [0, 0]; kappa = [0, 0]", decls));
    auto r = prove_and_recheck(mn2);
    REQUIRE(r.proved);
    REQUIRE(r.proofs[0].kind == cert::Certificate::Kind::SumLeSum);
    auto mn3 = load_one(theorem("MN3", "", {"<hyp name=\"hu\" forall=\"k\" below=\"d\">u(k) = -kappa(k)*g(k)</hyp>"},
                                {"sum(k, d, u(k)^2) = sum(k, d, kappa(k)^2*g(k)^2)"},
                                "d = 1; g = [1]; gn = [0]; u = [-2]; kappa = [2]", decls));
    auto r3 = prove_and_recheck(mn3);
    REQUIRE(r3.proved);
    REQUIRE(r3.proofs[0].kind == cert::Certificate::Kind::SumCongr);
}

TEST_CASE("prover: false or unprovable statements are not proved", "[prover]") {
    // x >= 0 does not give x > 0
    auto f1 = load_one(theorem("F1", "x", {"x &gt;= 0"}, {"x &gt; 0"}, "x = 1"));
    auto r1 = prove_and_recheck(f1);
    REQUIRE(!r1.proved);
    REQUIRE(!r1.goals.at(0).found);
    // x*y = 1 does not give x = 1
    auto f2 = load_one(theorem("F2", "x y", {"x*y = 1"}, {"x = 1"}, "x = 1; y = 1"));
    REQUIRE(!prove_and_recheck(f2).proved);
    // a zero budget gives "not found within budget", not a wrong answer
    auto hard = load_one(theorem("SA2", "k a1 a2", {"k &gt; 0", "0 &lt; a1", "a1 &lt; a2", "k*a2 &lt;= 1"},
                                 {"(1 - k*a2)^2 &lt; (1 - k*a1)^2"}, "k = 1/2; a1 = 1; a2 = 2"));
    prover::ProveOptions none;
    none.budget = std::chrono::milliseconds(0);
    auto r = prover::prove_theorem(hard, none);
    REQUIRE(!r.proved);
    REQUIRE(r.timed_out);
    REQUIRE(prove_and_recheck(hard).proved);  // with the default budget it is found
}

TEST_CASE("prover: writing certificates keeps the rest of the file byte-identical", "[prover]") {
    std::string xml = corpus_file(
        "  <!-- comment &amp; spacing   kept -->\n" +
        theorem("B1", "p y1 y2", {"0 &lt;= p", "p &lt;= 1", "y1 &lt;= y2"}, {"p*y1 + (1 - p)*y2 &gt;= y1"},
                "p = 1/2; y1 = 0; y2 = 1") +
        theorem("V3", "kappa v_o q_k eta a_p", {"kappa = v_o*q_k", "kappa = eta", "eta*a_p = 1"},
                {"kappa*a_p = 1", "(1 - kappa*a_p)^2 = 0"}, "kappa = 1/2; v_o = 1; q_k = 1/2; eta = 1/2; a_p = 2"));
    auto corpus = frontend::load_corpus({{"w.xml", xml}});
    std::map<std::string, std::vector<prover::ProofText>> edits;
    for (auto& te : corpus.theorems) {
        auto r = prover::prove_theorem(te.theorem);
        REQUIRE(r.proved);
        std::vector<prover::ProofText> texts;
        for (auto& c : r.proofs) {
            auto cert = std::make_shared<cert::Certificate>(c);
            texts.push_back([cert](const std::string& indent) { return prover::certificate_xml(*cert, indent); });
        }
        edits[te.theorem.id] = texts;
    }
    std::string out = prover::replace_proofs(xml, edits);
    REQUIRE(out != xml);
    std::regex proof(R"(<proof>[\s\S]*?</proof>)");
    REQUIRE(std::regex_replace(out, proof, "<proof/>") == std::regex_replace(xml, proof, "<proof/>"));
    auto reloaded = frontend::load_corpus({{"w.xml", out}});
    REQUIRE(reloaded.theorems.size() == 2);
    for (auto& te : reloaded.theorems) REQUIRE(cert::check_theorem(te.theorem).verdict == kernel::Verdict::Verified);
}

TEST_CASE("prover: the built-in corpus from its statements alone (target: >= 75 of 81 within 60 s)", "[prover][corpus]") {
    auto corpus = frontend::load_embedded_corpus();
    // the derived declarations are proved by instantiating theorems, which the search does not do
    corpus.theorems.erase(std::remove_if(corpus.theorems.begin(), corpus.theorems.end(),
                                         [](const frontend::TheoremEntry& t) { return t.derived; }),
                          corpus.theorems.end());
    REQUIRE(corpus.theorems.size() == 81);
    auto start = std::chrono::steady_clock::now();
    std::size_t proved = 0;
    for (auto& te : corpus.theorems) {
        cert::Theorem t = te.theorem;
        t.proofs.clear();  // the search never looks at them
        for (std::size_t i = 0; i < t.statement.goals.size(); ++i) t.proofs.push_back({});
        auto r = prover::prove_theorem(t);
        if (r.proved) {
            ++proved;
            cert::Theorem check = te.theorem;
            check.proofs = r.proofs;
            REQUIRE(cert::check_theorem(check).verdict == kernel::Verdict::Verified);
        }
    }
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    INFO("proved " << proved << " of 81 in " << secs << " s");
    REQUIRE(proved >= 75);
    REQUIRE(secs < 60);
}

// ---- issue 15: equality goals by refutation, linear_combination exp, wider squares, budgets

namespace {
std::string one_theorem(const std::string& reals, const std::vector<std::string>& hyps, const std::string& goal,
                        const std::string& proof, const std::string& witness) {
    std::string s = "  <theorem id=\"K1\" name=\"t_k1\" lean=\"TransformerICL.t_k1\" section=\"1\">\n    <doc>test</doc>\n";
    s += "    <real>" + reals + "</real>\n";
    for (std::size_t k = 0; k < hyps.size(); ++k)
        s += "    <hyp name=\"h" + std::to_string(k) + "\">" + hyps[k] + "</hyp>\n";
    s += "    <goal>" + goal + "</goal>\n    <proof>" + proof + "</proof>\n    <witness>" + witness +
         "</witness>\n  </theorem>\n";
    return s;
}
kernel::CheckResult kernel_verdict(const std::string& xml) { return cert::check_theorem(load_one(xml)); }
}  // namespace

TEST_CASE("kernel: psatz proves an equality goal from (l - r)^2 > 0", "[kernel][prover]") {
    // x^2 + y^2 = 0 ⊢ x = 0:  x^2 (neg goal, > 0) + y^2 - (x^2 + y^2) ≡ 0
    const std::string ok = "<psatz><add><neg_goal/><square of=\"y\"/><mulpoly by=\"-1\"><hyp name=\"h0\"/></mulpoly></add></psatz>";
    auto v = kernel_verdict(one_theorem("x y", {"x^2 + y^2 = 0"}, "x = 0", ok, "x = 0; y = 0"));
    CHECK(v.verdict == kernel::Verdict::Verified);
    // broken: without the square of y the sum is -y^2, not a constant
    const std::string bad = "<psatz><add><neg_goal/><mulpoly by=\"-1\"><hyp name=\"h0\"/></mulpoly></add></psatz>";
    v = kernel_verdict(one_theorem("x y", {"x^2 + y^2 = 0"}, "x = 0", bad, "x = 0; y = 0"));
    REQUIRE(v.verdict == kernel::Verdict::Rejected);
    CHECK(v.message == "psatz: result -y^2 is not a constant");
    // a false equality goal (x*y = 1 ⊢ x = 1) cannot be refuted: neg_goal alone is (x-1)^2 > 0
    v = kernel_verdict(one_theorem("x y", {"x*y = 1"}, "x = 1", "<psatz><neg_goal/></psatz>", "x = 1; y = 1"));
    REQUIRE(v.verdict == kernel::Verdict::Rejected);
    CHECK(v.message.find("psatz: result") == 0);
}

TEST_CASE("kernel: linear_combination exp=n proves l = r from (l - r)^n in the ideal", "[kernel][prover]") {
    // Mathlib: (h : x = y) (h2 : x*y = 0) : x + y*z = 0 := linear_combination (exp := 2) (-y*z^2 + x)*h + (z^2 + 2*z + 1)*h2
    const std::string terms = "<term hyp=\"h0\" coeff=\"-y*z^2 + x\"/><term hyp=\"h1\" coeff=\"z^2 + 2*z + 1\"/>";
    auto v = kernel_verdict(one_theorem("x y z", {"x = y", "x*y = 0"}, "x + y*z = 0",
                                        "<linear_combination exp=\"2\">" + terms + "</linear_combination>", "x = 0; y = 0; z = 0"));
    CHECK(v.verdict == kernel::Verdict::Verified);
    // the same combination without the exponent leaves a residual
    v = kernel_verdict(one_theorem("x y z", {"x = y", "x*y = 0"}, "x + y*z = 0",
                                   "<linear_combination>" + terms + "</linear_combination>", "x = 0; y = 0; z = 0"));
    REQUIRE(v.verdict == kernel::Verdict::Rejected);
    CHECK(v.message.rfind("linear_combination: residual ", 0) == 0);
    // exp="3" with the exp-2 combination: rejected too
    v = kernel_verdict(one_theorem("x y z", {"x = y", "x*y = 0"}, "x + y*z = 0",
                                   "<linear_combination exp=\"3\">" + terms + "</linear_combination>", "x = 0; y = 0; z = 0"));
    REQUIRE(v.verdict == kernel::Verdict::Rejected);
    CHECK(v.message.rfind("linear_combination: residual ", 0) == 0);
    // exp="0" is a file error (0 = 0 would prove anything)
    CHECK_THROWS(load_one(one_theorem("x", {}, "x = 1", "<linear_combination exp=\"0\"/>", "x = 1")));
    // a kernel certificate built directly with exponent 0 is rejected by the kernel
    auto t = load_one(one_theorem("x", {}, "x = 1", "<linear_combination/>", "x = 1"));
    t.proofs[0].exponent = 0;
    auto k = cert::check_theorem(t);
    REQUIRE(k.verdict == kernel::Verdict::Rejected);
    CHECK(k.message == "linear_combination: exponent must be >= 1");
}

TEST_CASE("prover: equality goals by inequality reasoning, radicals and wider squares", "[prover]") {
    auto found = [](const std::string& reals, const std::vector<std::string>& hyps, const std::string& goal,
                    const std::string& witness) {
        return prove_and_recheck(load_one(theorem("E1", reals, hyps, {goal}, witness))).proved;
    };
    CHECK(found("x y", {"x^2 + y^2 = 0"}, "x = 0", "x = 0; y = 0"));
    CHECK(found("x y z", {"x &lt;= 3*y", "y &lt;= 2*z", "x &gt;= 6*z"}, "x = 3*y", "x = 0; y = 0; z = 0"));
    CHECK(found("x y", {"-(x*x) &gt;= 0"}, "x*y = 0", "x = 0; y = 0"));
    CHECK(found("x y z", {"x = y", "x*y = 0"}, "x + y*z = 0", "x = 0; y = 0; z = 0"));
    CHECK(found("a b", {}, "a*b &lt;= (1/2)*(a^2 + b^2)", "a = 0; b = 0"));
    CHECK(found("x1 x2 x3", {"x1^2 + x2^2 + x3^2 = 1"}, "(x1 + x2 + x3)^2 &lt;= 3", "x1 = 1; x2 = 0; x3 = 0"));
    CHECK(found("a b c x", {"a*x^2 + b*x + c = 0"}, "b^2 &gt;= 4*a*c", "a = 0; b = 0; c = 0; x = 0"));
    // false equality goals are not proved
    CHECK_FALSE(found("x y", {"x*y = 0"}, "x = 0", "x = 0; y = 0"));
    CHECK_FALSE(found("x y", {"x^2 = y^2"}, "x = y", "x = 1; y = -1"));
}

TEST_CASE("prover: a degree-28 equality goal ends with 'not found within budget'", "[prover]") {
    // Mathlib linear_combination.lean: ((27*q^2 + 4*p^3)*x)^4 = 0 from three equalities
    auto t = load_one(theorem("D28", "x y z p q", {"3*x^2 + z^2*p = 0", "z*(2*y) = 0", "-(y^2) + p*x*(2*z) + q*(3*z^2) = 0"},
                              {"((27*q^2 + 4*p^3)*x)^4 = 0"}, "x = 0; y = 0; z = 0; p = 0; q = 0"));
    prover::ProveOptions o;
    o.budget = std::chrono::milliseconds(2000);
    auto r = prover::prove_theorem(t, o);
    CHECK_FALSE(r.proved);
    CHECK(r.timed_out);
    CHECK(r.message.find("not found within budget") != std::string::npos);
    // a small memory cap is honoured in the same way
    o.max_terms = 50;
    r = prover::prove_theorem(t, o);
    CHECK_FALSE(r.proved);
    CHECK(r.timed_out);
    CHECK(r.message.find("memory cap") != std::string::npos);
}

TEST_CASE("prover: genuine sums of squares by a Gram matrix (csdp), rounded and checked exactly", "[prover]") {
    if (std::system("command -v csdp > /dev/null 2>&1") != 0) {
        WARN("csdp not on PATH (apt-get install coinor-csdp): Gram-matrix search not tested");
        return;
    }
    // Coq rexample.v motzkin': (x^2 + y^2 + 1) * Motzkin >= 0, a sum of squares of degree 8
    auto t = load_one(theorem("SOS1", "x y", {}, {"(x^2 + y^2 + 1)*(x^2*y^4 + x^4*y^2 + 1 - 3*x^2*y^2) &gt;= 0"}, "x = 0; y = 0"));
    auto r = prove_and_recheck(t);
    CHECK(r.proved);
    CHECK(r.message.find("sos") != std::string::npos);
    // the Motzkin polynomial itself is not a sum of squares: found with the multiplier 1 + x^2 + y^2
    t = load_one(theorem("SOS2", "x y", {}, {"x^4*y^2 + x^2*y^4 + 1 - 3*x^2*y^2 &gt;= 0"}, "x = 0; y = 0"));
    r = prove_and_recheck(t);
    CHECK(r.proved);
    CHECK(r.message.find("multiplier") != std::string::npos);
    // a false variant (negative at x = y = 1) is not proved
    t = load_one(theorem("SOS3", "x y", {}, {"x^4*y^2 + x^2*y^4 + 1 - 4*x^2*y^2 &gt;= 0"}, "x = 0; y = 0"));
    CHECK_FALSE(prove_and_recheck(t).proved);
}
