// Kernel tests: normal forms, and for every certificate kind valid certificates accepted and broken ones
// rejected. Statements are written in the corpus syntax and read by the front end.
#include "export/normal_form.hpp"
#include "frontend/witness.hpp"
#include "frontend/corpus.hpp"
#include "frontend/certificate.hpp"
#include "kernel/kernel.hpp"
#include "kernel/poly.hpp"
#include "export/smtlib.hpp"

#include <catch2/catch.hpp>

#include <functional>
#include <map>
#include <set>
#include <type_traits>

using namespace icl;

namespace {

kernel::TermPtr E(const std::string& s) { return frontend::parse_expression(s, {"test", 1, 1}); }

std::string NF(const std::string& s, const std::vector<std::string>& vars) {
    kernel::Statement st;
    st.reals = vars;
    return export_::normalize(*E(s), st).text;
}

// A one-theorem corpus; `body` holds the theorem's children.
frontend::Corpus corpus_of(const std::string& body, const std::string& defs = "") {
    std::string xml = "<corpus paper=\"t\">" + defs +
                      "<theorem id=\"T\" name=\"t\" lean=\"TransformerICL.t\" section=\"1\"><doc>d</doc>" + body +
                      "</theorem></corpus>";
    return frontend::load_corpus({{"t.xml", xml}});
}

kernel::CheckResult check(const std::string& body, const std::string& defs = "") {
    auto c = corpus_of(body, defs);
    return cert::check_theorem(c.theorems.at(0).theorem);
}

bool verified(const std::string& body, const std::string& defs = "") {
    return check(body, defs).verdict == kernel::Verdict::Verified;
}

std::string message(const std::string& body, const std::string& defs = "") { return check(body, defs).message; }

const std::string B3_HYPS = R"~(<real>u v</real>
  <hyp name="hu">0 &lt; u</hyp><hyp name="huv">u &lt;= v</hyp><hyp name="hv">v &lt;= 1</hyp>
  <goal>(1 - v)^2 &lt;= (1 - u)^2</goal><witness>u = 1/2; v = 3/4</witness>)~";

std::string b3(const std::string& tree) { return B3_HYPS + "<proof><psatz>" + tree + "</psatz></proof>"; }

}  // namespace

TEST_CASE("normal forms identify exactly the identities", "[kernel][normal-form]") {
    CHECK(NF("(x + y)^2", {"x", "y"}) == NF("x^2 + 2*x*y + y^2", {"x", "y"}));
    CHECK(NF("(x + y)^2", {"x", "y"}) != NF("x^2 + x*y + y^2", {"x", "y"}));
    CHECK(NF("(x - y)*(x + y)", {"x", "y"}) == NF("x^2 - y^2", {"x", "y"}));
    CHECK(NF("(x - y)*(x + y)", {"x", "y"}) != NF("x^2 + y^2", {"x", "y"}));
    CHECK(NF("1/2 + 1/3", {}) == "5/6");
    CHECK(NF("1/2 + 1/3", {}) != NF("5/7", {}));
    CHECK(NF("x - x", {"x"}) == "0");
    CHECK(NF("(1 - x)^3", {"x"}) == NF("1 - 3*x + 3*x^2 - x^3", {"x"}));
    CHECK(NF("(1 - x)^3", {"x"}) != NF("1 - 3*x + 3*x^2 + x^3", {"x"}));
    CHECK(NF("100000000000000000000001/100000000000000000000000 - 1", {}) == "1/100000000000000000000000");
    kernel::Statement st;
    st.reals = {"x"};
    CHECK_THROWS_AS(export_::normalize(*E("y + 1"), st), kernel::KernelError);  // unknown variable
    kernel::Limits tight;
    tight.max_degree = 4;
    CHECK_THROWS_AS(export_::normalize(*E("(x + 1)^5"), st, "", tight), kernel::KernelError);
}

TEST_CASE("ring: identities after unfolding definitions", "[kernel][ring]") {
    const std::string defs = R"~(<def name="grad" params="a w b">a*w - b</def>
        <def name="loss" params="a b c x">a*x^2 - 2*b*x + c</def>
        <def name="step" params="a b w eta">w - eta*grad(a, w, b)</def>)~";
    CHECK(verified(R"~(<real>eta a w b</real><goal>eta*(b - a*w) = -(eta*grad(a, w, b))</goal>
        <proof><ring/></proof><witness>eta = 1; a = 1; w = 1; b = 1</witness>)~", defs));
    CHECK(verified(R"~(<real>eta a w b c</real>
        <goal>loss(a, b, c, w) - loss(a, b, c, step(a, b, w, eta)) = eta*(2 - eta*a)*grad(a, w, b)^2</goal>
        <proof><ring/></proof><witness>eta = 1; a = 1; w = 1; b = 1; c = 0</witness>)~", defs));
    // near-identity: wrong coefficient
    auto m = message(R"~(<real>eta a w b c</real>
        <goal>loss(a, b, c, w) - loss(a, b, c, step(a, b, w, eta)) = eta*(2 - 2*eta*a)*grad(a, w, b)^2</goal>
        <proof><ring/></proof><witness>eta = 1; a = 1; w = 1; b = 1; c = 0</witness>)~", defs);
    CHECK(m.rfind("ring: residual", 0) == 0);
    // ring on an inequality is the wrong certificate kind: the loader refuses the file (exit 2), and the
    // kernel refuses the certificate on its own when handed one directly
    CHECK_THROWS_AS(check(B3_HYPS + "<proof><ring/></proof>"), frontend::InputError);
    auto c = corpus_of(b3(R"~(<add><neg_goal/><mul><const value="2"/><hyp name="huv"/><hyp name="hv"/></mul><square of="v - u"/></add>)~"));
    cert::Theorem t = c.theorems.at(0).theorem;
    t.proofs.at(0) = cert::Certificate{};  // kind Ring
    CHECK(cert::check_theorem(t).message == "ring: the goal is not an equality");
    cert::Certificate psatz_on_eq = c.theorems.at(0).theorem.proofs.at(0);
    auto eq = corpus_of(R"~(<real>x</real><goal>x = x</goal><proof><ring/></proof><witness>x = 0</witness>)~");
    cert::Theorem te = eq.theorems.at(0).theorem;
    te.proofs.at(0) = psatz_on_eq;
    // psatz may prove an equality goal (from (l-r)^2 > 0, issue 15); this tree names hypotheses x = x lacks
    CHECK(cert::check_theorem(te).message == "hyp: unknown hypothesis 'huv'");
}

TEST_CASE("linear_combination", "[kernel][linear_combination]") {
    const std::string hyps = R"~(<real>x y</real><hyp name="h1">x*y = 1</hyp><hyp name="h2">x + y = 3</hyp>
        <hyp name="hle">x &lt;= y</hyp><goal>x^2*y + x*y^2 = 3</goal><witness>x = 1; y = 1</witness>)~";
    CHECK(verified(hyps + R"~(<proof><linear_combination><term hyp="h1" coeff="x + y"/><term hyp="h2"/></linear_combination></proof>)~"));
    // wrong coefficient
    CHECK_FALSE(verified(hyps + R"~(<proof><linear_combination><term hyp="h1" coeff="x + 2*y"/><term hyp="h2"/></linear_combination></proof>)~"));
    // missing term
    CHECK(message(hyps + R"~(<proof><linear_combination><term hyp="h1" coeff="x + y"/></linear_combination></proof>)~")
              .rfind("linear_combination: residual", 0) == 0);
    // an inequality hypothesis is not allowed
    CHECK(message(hyps + R"~(<proof><linear_combination><term hyp="hle"/></linear_combination></proof>)~") ==
          "linear_combination: hypothesis 'hle' is not an equality");
}

TEST_CASE("psatz: valid refutations are accepted", "[kernel][psatz]") {
    CHECK(verified(b3(R"~(<add><neg_goal/><mul><const value="2"/><hyp name="huv"/><hyp name="hv"/></mul><square of="v - u"/></add>)~")));
}

TEST_CASE("psatz: broken refutations are rejected", "[kernel][psatz]") {
    // wrong coefficient
    CHECK_FALSE(verified(b3(R"~(<add><neg_goal/><mul><const value="3"/><hyp name="huv"/><hyp name="hv"/></mul><square of="v - u"/></add>)~")));
    // missing term
    CHECK(message(b3(R"~(<add><neg_goal/><square of="v - u"/></add>)~")).find("is not a constant") != std::string::npos);
    // wrong sign of a square's argument does not matter, but a wrong polynomial does
    CHECK_FALSE(verified(b3(R"~(<add><neg_goal/><mul><const value="2"/><hyp name="huv"/><hyp name="hv"/></mul><square of="v + u"/></add>)~")));
    // unknown hypothesis: the loader rejects it with a position
    CHECK_THROWS_AS(check(b3(R"~(<add><neg_goal/><hyp name="nope"/></add>)~")), frontend::InputError);
    // negative constant is not a positive multiplier
    CHECK(message(b3(R"~(<add><neg_goal/><const value="-1"/></add>)~")) == "const: value must be a positive rational");
    // mulpoly on an inequality
    CHECK(message(b3(R"~(<add><neg_goal/><mulpoly by="2"><hyp name="huv"/></mulpoly></add>)~")) ==
          "mulpoly: operand has sign >= 0, not = 0");
}

TEST_CASE("psatz: strict and non-strict are not confused", "[kernel][psatz]") {
    // 0 < r < 1 ⊢ r^2 < r : ¬goal is r^2 - r >= 0; r*(1-r) > 0 added gives 0 > 0 — contradiction.
    const std::string strict = R"~(<real>r</real><hyp name="h0">0 &lt; r</hyp><hyp name="h1">r &lt; 1</hyp>
        <goal>r^2 &lt; r</goal><witness>r = 1/2</witness>
        <proof><psatz><add><neg_goal/><mul><hyp name="h0"/><hyp name="h1"/></mul></add></psatz></proof>)~";
    CHECK(verified(strict));
    // the same certificate with non-strict hypotheses only proves r^2 <= r, not r^2 < r
    const std::string weak = R"~(<real>r</real><hyp name="h0">0 &lt;= r</hyp><hyp name="h1">r &lt;= 1</hyp>
        <goal>r^2 &lt; r</goal><witness>r = 1/2</witness>
        <proof><psatz><add><neg_goal/><mul><hyp name="h0"/><hyp name="h1"/></mul></add></psatz></proof>)~";
    CHECK(message(weak) == "psatz: result 0 >= 0 is not a contradiction");
    // wrong sign: goal r^2 > r is false; the analogous tree is not a contradiction
    const std::string wrong = R"~(<real>r</real><hyp name="h0">0 &lt; r</hyp><hyp name="h1">r &lt; 1</hyp>
        <goal>r^2 &gt; r</goal><witness>r = 1/2</witness>
        <proof><psatz><add><neg_goal/><mul><hyp name="h0"/><hyp name="h1"/></mul></add></psatz></proof>)~";
    CHECK_FALSE(verified(wrong));
}

TEST_CASE("psatz: != hypotheses through nonzero_sq only", "[kernel][psatz]") {
    const std::string base = R"~(<real>k a b</real><hyp name="hk">k &gt; 0</hyp><hyp name="hab">a != b</hyp>
        <goal>k^2*(a - b)^2 &gt; 0</goal><witness>k = 1; a = 0; b = 1</witness>)~";
    CHECK(verified(base + R"~(<proof><psatz><add><neg_goal/><mul><hyp name="hk"/><hyp name="hk"/><nonzero_sq name="hab"/></mul></add></psatz></proof>)~"));
    CHECK(message(base + R"~(<proof><psatz><add><neg_goal/><mul><hyp name="hk"/><hyp name="hk"/><hyp name="hab"/></mul></add></psatz></proof>)~")
              .find("nonzero_sq") != std::string::npos);
    CHECK(message(base + R"~(<proof><psatz><add><neg_goal/><nonzero_sq name="hk"/></add></psatz></proof>)~") ==
          "nonzero_sq: hypothesis 'hk' is not a != hypothesis");
}

TEST_CASE("finite sums", "[kernel][sums]") {
    const std::string le = R"~(<nat>d</nat><family>g gn</family>
        <hyp name="h" forall="k" below="d">gn(k)^2 &lt;= g(k)^2</hyp>
        <goal>sum(k, d, gn(k)^2) &lt;= sum(j, d, g(j)^2)</goal><witness>d = 2; g = [1, 1]; gn = [0, 1]</witness>)~";
    CHECK(verified(le + R"~(<proof><sum_le_sum index="i"><psatz><add><neg_goal/><hyp name="h"/></add></psatz></sum_le_sum></proof>)~"));
    // wrong direction in the body
    CHECK_THROWS_AS(check(le + R"~(<proof><sum_congr index="i"><ring/></sum_congr></proof>)~"), frontend::InputError);
    {  // the kernel alone also refuses sum_congr for an inequality between sums
        auto c = corpus_of(le + R"~(<proof><sum_le_sum index="i"><psatz><add><neg_goal/><hyp name="h"/></add></psatz></sum_le_sum></proof>)~");
        cert::Theorem t = c.theorems.at(0).theorem;
        auto cert = t.proofs.at(0);
        cert.kind = cert::Certificate::Kind::SumCongr;
        t.proofs.at(0) = cert;
        CHECK(cert::check_theorem(t).message == "sum_congr: relation <= does not fit this rule");
    }
    const std::string nonneg = R"~(<nat>d</nat><family>g</family>
        <goal>sum(k, d, g(k)^2) &gt;= 0</goal><witness>d = 1; g = [3]</witness>)~";
    CHECK(verified(nonneg + R"~(<proof><sum_nonneg index="i"><psatz><add><neg_goal/><square of="g(i)"/></add></psatz></sum_nonneg></proof>)~"));
    CHECK_FALSE(verified(R"~(<nat>d</nat><family>g</family>
        <goal>sum(k, d, g(k)) &gt;= 0</goal><witness>d = 1; g = [3]</witness>
        <proof><sum_nonneg index="i"><psatz><add><neg_goal/><square of="g(i)"/></add></psatz></sum_nonneg></proof>)~"));
    const std::string congr = R"~(<nat>d</nat><family>u kappa g</family>
        <hyp name="hu" forall="k" below="d">u(k) = -kappa(k)*g(k)</hyp>
        <goal>sum(k, d, u(k)^2) = sum(k, d, kappa(k)^2*g(k)^2)</goal>
        <witness>d = 1; u = [-2]; kappa = [1]; g = [2]</witness>)~";
    CHECK(verified(congr + R"~(<proof><sum_congr index="i"><linear_combination><term hyp="hu" coeff="u(i) - kappa(i)*g(i)"/></linear_combination></sum_congr></proof>)~"));
    CHECK_FALSE(verified(congr + R"~(<proof><sum_congr index="i"><linear_combination><term hyp="hu" coeff="u(i) + kappa(i)*g(i)"/></linear_combination></sum_congr></proof>)~"));
}

TEST_CASE("witnesses are checked exactly", "[kernel][witness]") {
    auto c = corpus_of(b3(R"~(<add><neg_goal/><mul><const value="2"/><hyp name="huv"/><hyp name="hv"/></mul><square of="v - u"/></add>)~"));
    auto& t = c.theorems.at(0).theorem;
    CHECK(frontend::check_witness(t.statement, t.witness).verdict == kernel::Verdict::Verified);
    t.witness.reals["u"] = kernel::Rational(1);  // u <= v fails (1 <= 3/4)
    auto r = frontend::check_witness(t.statement, t.witness);
    CHECK(r.verdict == kernel::Verdict::Rejected);
    CHECK(r.message.find("'huv' is false at the witness") != std::string::npos);
    t.witness.reals.erase("u");
    CHECK(frontend::check_witness(t.statement, t.witness).verdict == kernel::Verdict::Rejected);
}

TEST_CASE("kernel derivation: the Facts a refutation records (rule, sign, premises, data)", "[kernel][derivation]") {
    // 0 <= x, x <= y |- x^2 <= x*y: ¬goal (x² − x·y > 0) + hx·hxy (x·(y − x) ≥ 0) is 0 > 0
    const frontend::Corpus c = frontend::load_corpus({{"d.xml", R"~(<corpus paper="t">
      <theorem id="L" name="t_L" lean="TransformerICL.t_L" section="1"><doc>d</doc><real>x y</real>
      <hyp name="hx">0 &lt;= x</hyp><hyp name="hxy">x &lt;= y</hyp><goal>x^2 &lt;= x*y</goal>
      <proof><psatz><add><neg_goal/><mul><hyp name="hx"/><hyp name="hxy"/></mul><const value="0"/></add></psatz></proof>
      <witness>x = 1; y = 2</witness></theorem></corpus>)~"}});
    auto r = frontend::check_corpus(c);
    // a zero constant is not a positive constant: the rule rejects it, naming itself
    REQUIRE(r.at(0).verdict == kernel::Verdict::Rejected);
    CHECK(r.at(0).message == "const: value must be a positive rational");
    const frontend::Corpus ok = frontend::load_corpus({{"d.xml", R"~(<corpus paper="t">
      <theorem id="L" name="t_L" lean="TransformerICL.t_L" section="1"><doc>d</doc><real>x y</real>
      <hyp name="hx">0 &lt;= x</hyp><hyp name="hxy">x &lt;= y</hyp><goal>x^2 &lt;= x*y</goal>
      <proof><psatz><add><neg_goal/><mul><hyp name="hx"/><hyp name="hxy"/></mul></add></psatz></proof>
      <witness>x = 1; y = 2</witness></theorem></corpus>)~"}});
    r = frontend::check_corpus(ok);
    REQUIRE(r.at(0).verdict == kernel::Verdict::Verified);
    REQUIRE(r.at(0).proofs.size() == 1);
    const kernel::Proof& p = *r.at(0).proofs[0];
    using F = kernel::Fact::Rule;
    CHECK(p.rule == kernel::Proof::Rule::Refutation);
    CHECK(p.contradiction == 0);
    const kernel::Fact& sum = *p.refutation;
    CHECK(sum.rule == F::Sum);
    CHECK(sum.sign == kernel::Sign::Pos);  // Pos + Nonneg
    REQUIRE(sum.premises.size() == 2);
    CHECK(sum.premises[0]->rule == F::NegatedGoal);
    CHECK(sum.premises[0]->relation == kernel::Rel::Le);
    CHECK(sum.premises[0]->sign == kernel::Sign::Pos);
    const kernel::Fact& prod = *sum.premises[1];
    CHECK(prod.rule == F::Product);
    CHECK(prod.sign == kernel::Sign::Nonneg);  // Nonneg · Nonneg
    CHECK(prod.premises[0]->rule == F::Hypothesis);
    CHECK(prod.premises[0]->hypothesis == "hx");
    CHECK(prod.premises[1]->hypothesis == "hxy");
    CHECK(cert::rests_on(sum) == std::vector<std::string>{"hx", "hxy"});
}

TEST_CASE("certificate interpreter: a repeated leaf or small product is one Fact of the derivation", "[kernel][derivation]") {
    // x >= 0 |- 3x² >= 0 by ¬goal (−3x² > 0) + copies of hx·hx; the interpreter makes hx and hx·hx once
    auto body = [](int copies) {
        std::string products;
        for (int i = 0; i < copies; ++i) products += R"(<mul><hyp name="hx"/><hyp name="hx"/></mul>)";
        return R"(<real>x</real><hyp name="hx">x &gt;= 0</hyp><goal>3*x^2 &gt;= 0</goal><proof><psatz><add><neg_goal/>)" +
               products + "</add></psatz></proof><witness>x = 1</witness>";
    };
    auto r = check(body(3));
    REQUIRE(r.verdict == kernel::Verdict::Verified);
    using F = kernel::Fact::Rule;
    std::map<F, std::size_t> occurrences;
    std::map<F, std::set<const kernel::Fact*>> distinct;
    std::function<void(const kernel::Fact&)> walk = [&](const kernel::Fact& f) {
        ++occurrences[f.rule];
        distinct[f.rule].insert(&f);
        for (const auto& q : f.premises) walk(*q);
    };
    walk(*r.proofs.at(0)->refutation);
    CHECK(occurrences[F::Product] == 3);
    CHECK(distinct[F::Product].size() == 1);
    CHECK(occurrences[F::Hypothesis] == 6);
    CHECK(distinct[F::Hypothesis].size() == 1);
    CHECK(occurrences[F::Sum] == 3);  // sums are not shared
    CHECK(distinct[F::Sum].size() == 3);
    // sharing changes no verdict: one copy too few leaves −x², which the kernel rejects
    auto bad = check(body(2));
    CHECK(bad.verdict == kernel::Verdict::Rejected);
    CHECK(bad.message.rfind("psatz: result", 0) == 0);
}

TEST_CASE("smtlib derivation steps: one check-sat per Fact of the kernel's derivation, signs from the kernel", "[kernel][derivation][smtlib]") {
    const frontend::Corpus c = frontend::load_corpus({{"d.xml", R"~(<corpus paper="t">
      <theorem id="L" name="t_L" lean="TransformerICL.t_L" section="1"><doc>d</doc><real>x y</real>
      <hyp name="hx">0 &lt;= x</hyp><hyp name="hxy">x &lt;= y</hyp><goal>x^2 &lt;= x*y</goal>
      <proof><psatz><add><neg_goal/><mul><hyp name="hx"/><hyp name="hxy"/></mul></add></psatz></proof>
      <witness>x = 1; y = 2</witness></theorem></corpus>)~"}});
    const auto problems = export_::export_smtlib_steps(c);
    REQUIRE(problems.size() == 1);
    const std::string& t = problems[0].text;
    auto count = [&](const std::string& what) {
        std::size_t n = 0;
        for (std::size_t p = 0; (p = t.find(what, p)) != std::string::npos; p += what.size()) ++n;
        return n;
    };
    // 5 Facts (neg_goal, hx, hxy, product, sum) + the final false comparison
    CHECK(count("\n(check-sat)") == 6);
    CHECK(count("; negated goal") == 1);
    CHECK(count("; hypothesis hx\n") == 1);
    // the product of two nonnegative Facts is claimed nonnegative, the sum with the strict negated goal positive
    CHECK(count("(assert (not (<= 0.0 (* |#a| |#b|))))") == 1);
    CHECK(count("(assert (not (< 0.0 (+ |#a| |#b|))))") == 1);
    CHECK(problems[0].expected == "unsat");
}

// Issue 11: a Fact or a Proof cannot be forged or altered outside the kernel. Only RuleBook (a friend,
// defined in kernel/checker.cpp) reaches their constructors; there is no copy or move to smuggle one in
// and no assignment, and every field is const.
TEST_CASE("kernel: Fact and Proof cannot be constructed, copied or altered from outside", "[kernel]") {
    using kernel::Fact;
    using kernel::Proof;
    static_assert(!std::is_constructible_v<Fact, Fact::Rule, kernel::Sign, kernel::Rel, std::string, kernel::TermPtr,
                                           kernel::Rational, std::vector<kernel::FactPtr>>);
    static_assert(!std::is_default_constructible_v<Fact> && !std::is_copy_constructible_v<Fact> &&
                  !std::is_move_constructible_v<Fact> && !std::is_copy_assignable_v<Fact> && !std::is_aggregate_v<Fact>);
    static_assert(std::is_const_v<decltype(Fact::sign)> && std::is_const_v<decltype(Fact::premises)> &&
                  std::is_const_v<decltype(Fact::rule)> && std::is_const_v<decltype(Fact::term)>);
    // what the rules fill in (FactData, ProofData) is plain data; only RuleBook turns it into a Fact or Proof
    static_assert(!std::is_constructible_v<Fact, kernel::FactData> && !std::is_constructible_v<Proof, kernel::ProofData> &&
                  !std::is_constructible_v<Proof, kernel::ProofData, kernel::Prop, std::vector<Proof::Lemma>>);
    static_assert(!std::is_default_constructible_v<Proof> && !std::is_copy_constructible_v<Proof> &&
                  !std::is_move_constructible_v<Proof> && !std::is_aggregate_v<Proof>);
    static_assert(std::is_const_v<decltype(Proof::rule)> && std::is_const_v<decltype(Proof::goal)> &&
                  std::is_const_v<decltype(Proof::refutation)> && std::is_const_v<decltype(Proof::body)>);
    // what a client holds is a pointer to const: the derivation it was given cannot be edited through it
    static_assert(std::is_same_v<kernel::FactPtr, std::shared_ptr<const Fact>>);
    static_assert(std::is_same_v<kernel::ProofPtr, std::shared_ptr<const Proof>>);
    SUCCEED("checked at compile time");
}

// Issue 16: a Poly caches its degree and coefficient bits when it is made (measure), and a product takes
// deg p + deg q without unpacking a monomial. Both must equal FLINT's own measurement after every
// operation, including results that cancel to 0, copies, moves and powers (which skip the product with 1).
TEST_CASE("kernel Poly: cached degree and coefficient bits equal FLINT's after every operation", "[kernel][poly]") {
    kernel::Limits lim;
    kernel::detail::Ring ring({"x", "y", "z"});
    using kernel::detail::Poly;
    auto fresh = [&](const Poly& p) {  // what FLINT says now
        const fmpq_mpoly_struct* r = p.raw();
        const slong d = fmpq_mpoly_is_zero(r, ring.ctx()) ? 0 : fmpq_mpoly_total_degree_si(r, ring.ctx());
        const slong z = fmpz_mpoly_max_bits(r->zpoly);
        const unsigned long bits = static_cast<unsigned long>(z < 0 ? -z : z) + fmpz_bits(fmpq_numref(r->content)) +
                                   fmpz_bits(fmpq_denref(r->content));
        return std::pair<unsigned long, unsigned long>{static_cast<unsigned long>(d), bits};
    };
    auto same = [&](const Poly& p) {
        INFO(p.to_string());
        CHECK(std::pair{p.degree(), p.coeff_bits()} == fresh(p));
    };
    const Poly x = Poly::variable(ring, lim, 0), y = Poly::variable(ring, lim, 1);
    const Poly zero(ring, lim), half = Poly::constant(ring, lim, kernel::Rational(1, 2));
    const Poly big = Poly::constant(ring, lim, kernel::Rational("123456789012345678901234567890"));
    for (const Poly* p : {&x, &y, &zero, &half, &big}) same(*p);
    const Poly s = x * half + y * big, d = s - s, n = -s;
    same(s), same(d), same(n), same(s * d), same(d * s), same(s * n), same(x * y * half);
    CHECK(d.is_zero());
    CHECK((s * d).degree() == 0);  // a product with 0 is 0, of degree 0, not deg p + deg q
    for (unsigned long e = 0; e <= 9; ++e) {
        const Poly p = s.power(e);
        same(p);
        Poly q = Poly::constant(ring, lim, kernel::Rational(1));
        for (unsigned long i = 0; i < e; ++i) q = q * s;
        CHECK(p.to_string() == q.to_string());  // the power equals e products
        CHECK(p.degree() == e);
    }
    Poly moved = s * s;
    Poly taken(std::move(moved));
    same(taken), same(moved);
    CHECK(moved.is_zero());
    Poly copy = taken;
    same(copy);
    moved = std::move(copy);
    same(moved), same(copy);
}
