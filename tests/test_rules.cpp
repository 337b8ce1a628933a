// Kernel rule tests: Facts and Proofs built by calling kernel::rule directly (no XML, no interpreter),
// one TEST_CASE per rule; every rejection asserts the rule's message. Statements are built from the
// kernel's term constructors.
#include "kernel/kernel.hpp"

#include <catch2/catch.hpp>

#include <type_traits>

using namespace icl::kernel;

namespace {

TermPtr v(const char* n) { return var(n); }
TermPtr q(long n, long d = 1) { return number(Rational(n, d)); }

// u, v real; hu: 0 < u, huv: u <= v, hne: u != v, heq: u = 2*v; goals as given
Statement statement(std::vector<Prop> goals) {
    Statement s;
    s.reals = {"u", "v"};
    s.hypotheses = {{"hu", {q(0), Rel::Lt, v("u")}, "", ""},
                    {"huv", {v("u"), Rel::Le, v("v")}, "", ""},
                    {"hne", {v("u"), Rel::Ne, v("v")}, "", ""},
                    {"heq", {v("u"), Rel::Eq, mul(q(2), v("v"))}, "", ""}};
    s.goals = std::move(goals);
    return s;
}
const Prop kGoal{q(0), Rel::Lt, v("v")};  // 0 < v: from hu and huv

// The message a rule throws (empty if it returned).
template <class F>
std::string reason(F&& f) {
    try {
        f();
    } catch (const KernelError& e) {
        return e.what();
    }
    return "";
}

// contract-free probe: is T a complete type here?
template <class T, class = void>
struct is_complete : std::false_type {};
template <class T>
struct is_complete<T, std::void_t<decltype(sizeof(T))>> : std::true_type {};

}  // namespace

TEST_CASE("rule refutation: ¬(0 < v), u ≤ v and 0 < u sum to 0 > 0", "[kernel][rules]") {
    Statement s = statement({kGoal});
    Library lib;
    Check check("T", s, lib);
    GoalPtr g = check.goals().at(0);
    HeldPtr neg = rule::negated_goal(g);                    // −v ≥ 0
    HeldPtr chain = rule::sum(neg, rule::hypothesis(g, "huv"));  // −u ≥ 0
    ProofPtr p = rule::refutation(rule::sum(chain, rule::hypothesis(g, "hu")));  // 0 > 0
    CHECK(p->rule == Proof::Rule::Refutation);
    CHECK(p->contradiction == 0);
    CHECK(p->refutation->sign == Sign::Pos);
    CHECK(p->refutation->rule == Fact::Rule::Sum);
    CheckResult r = check.conclude({p});
    CHECK(r.verdict == Verdict::Verified);
    CHECK(lib.verified("T"));
}

TEST_CASE("rule refutation: a non-constant or a constant of the right sign is no refutation", "[kernel][rules]") {
    Statement s = statement({kGoal});
    Library lib;
    Check check("T", s, lib);
    GoalPtr g = check.goals().at(0);
    CHECK(reason([&] { rule::refutation(rule::negated_goal(g)); }) == "psatz: result -v is not a constant");
    CHECK(reason([&] { rule::refutation(rule::positive_constant(g, 1)); }) == "psatz: result 1 > 0 is not a contradiction");
    // ¬goal + huv + hu = 0 with sign >= 0 (one operand dropped from the strict chain) is no contradiction
    HeldPtr weak = rule::sum(rule::negated_goal(g), rule::hypothesis(g, "huv"));
    CHECK(reason([&] { rule::refutation(rule::sum(weak, rule::square(g, v("u")))); }).rfind("psatz: result", 0) == 0);
}

TEST_CASE("rule hypothesis / nonzero_square: relation read from the statement, unknown names rejected", "[kernel][rules]") {
    Statement s = statement({kGoal});
    Library lib;
    Check check("T", s, lib);
    GoalPtr g = check.goals().at(0);
    CHECK(rule::fact_of(rule::hypothesis(g, "hu"))->sign == Sign::Pos);
    CHECK(rule::fact_of(rule::hypothesis(g, "huv"))->sign == Sign::Nonneg);
    CHECK(rule::fact_of(rule::hypothesis(g, "heq"))->sign == Sign::Zero);
    CHECK(rule::fact_of(rule::nonzero_square(g, "hne"))->sign == Sign::Pos);
    CHECK(reason([&] { rule::hypothesis(g, "hne"); }) == "hyp 'hne': a != hypothesis is usable only through nonzero_sq");
    CHECK(reason([&] { rule::nonzero_square(g, "hu"); }) == "nonzero_sq: hypothesis 'hu' is not a != hypothesis");
    CHECK(reason([&] { rule::hypothesis(g, "hx"); }) == "hyp: unknown hypothesis 'hx'");
}

TEST_CASE("rule positive_constant / square / equality_times", "[kernel][rules]") {
    Statement s = statement({kGoal});
    Library lib;
    Check check("T", s, lib);
    GoalPtr g = check.goals().at(0);
    CHECK(rule::fact_of(rule::positive_constant(g, Rational(1, 3)))->value == Rational(1, 3));
    CHECK(reason([&] { rule::positive_constant(g, 0); }) == "const: value must be a positive rational");
    CHECK(reason([&] { rule::positive_constant(g, -2); }) == "const: value must be a positive rational");
    CHECK(rule::fact_of(rule::square(g, sub(v("u"), v("v"))))->sign == Sign::Nonneg);
    CHECK(reason([&] { rule::square(g, v("w")); }) == "term: unknown real variable 'w'");
    CHECK(rule::fact_of(rule::equality_times(v("u"), rule::hypothesis(g, "heq")))->sign == Sign::Zero);
    CHECK(reason([&] { rule::equality_times(v("u"), rule::hypothesis(g, "hu")); }) ==
          "mulpoly: operand has sign > 0, not = 0");
}

TEST_CASE("rule product / sum: signs, and operands of different goals are refused", "[kernel][rules]") {
    Statement s = statement({kGoal, {q(0), Rel::Le, v("v")}});
    Library lib;
    Check check("T", s, lib);
    auto goals = check.goals();
    HeldPtr pos = rule::hypothesis(goals[0], "hu"), nonneg = rule::hypothesis(goals[0], "huv");
    HeldPtr zero = rule::hypothesis(goals[0], "heq");
    CHECK(rule::fact_of(rule::product(pos, pos))->sign == Sign::Pos);
    CHECK(rule::fact_of(rule::product(pos, nonneg))->sign == Sign::Nonneg);
    CHECK(rule::fact_of(rule::product(nonneg, zero))->sign == Sign::Zero);
    CHECK(rule::fact_of(rule::sum(pos, nonneg))->sign == Sign::Pos);
    CHECK(rule::fact_of(rule::sum(nonneg, nonneg))->sign == Sign::Nonneg);
    CHECK(rule::fact_of(rule::sum(zero, zero))->sign == Sign::Zero);
    HeldPtr other = rule::hypothesis(goals[1], "hu");  // same hypothesis, made for goal 2
    CHECK(reason([&] { rule::product(pos, other); }) == "mul: the operands were made for different goals");
    CHECK(reason([&] { rule::sum(other, pos); }) == "add: the operands were made for different goals");
    // a Fact resting on ¬(goal 2) cannot refute goal 1 either: it is bound to goal 2 from the start
    HeldPtr neg2 = rule::negated_goal(goals[1]);
    CHECK(reason([&] { rule::sum(neg2, nonneg); }) == "add: the operands were made for different goals");
}

TEST_CASE("rule ring / linear_combination", "[kernel][rules]") {
    Statement s = statement({{mul(add(v("u"), v("v")), add(v("u"), v("v"))), Rel::Eq,
                              add(add(pow(v("u"), 2), mul(q(2), mul(v("u"), v("v")))), pow(v("v"), 2))},
                             {mul(v("u"), v("u")), Rel::Eq, mul(q(2), mul(v("u"), v("v")))},
                             {v("u"), Rel::Eq, v("v")}});
    Library lib;
    Check check("T", s, lib);
    auto goals = check.goals();
    CHECK(rule::ring(goals[0])->rule == Proof::Rule::Ring);
    // u·u − 2uv = u·(u − 2v): the hypothesis heq times u
    CHECK(rule::linear_combination(goals[1], {{v("u"), "heq"}}, 1)->rule == Proof::Rule::LinearCombination);
    CHECK(reason([&] { rule::ring(goals[2]); }) == "ring: residual u - v is not 0");
    CHECK(reason([&] { rule::linear_combination(goals[1], {{nullptr, "heq"}}, 1); }).rfind("linear_combination: residual", 0) == 0);
    CHECK(reason([&] { rule::linear_combination(goals[1], {{nullptr, "hu"}}, 1); }) ==
          "linear_combination: hypothesis 'hu' is not an equality");
    CHECK(reason([&] { rule::linear_combination(goals[1], {}, 0); }) == "linear_combination: exponent must be >= 1");
}

TEST_CASE("rule sum_rule: the body proof must prove the body the kernel made", "[kernel][rules]") {
    Statement s;
    s.nats = {"n"};
    s.families = {"f"};
    s.hypotheses = {{"hf", {q(0), Rel::Le, apply("f", {v("k")})}, "k", "n"}};
    s.goals = {{sum("i", "n", apply("f", {v("i")})), Rel::Ge, q(0)}};
    Library lib;
    Check check("S", s, lib);
    GoalPtr g = check.goals().at(0);
    // body f(j) >= 0: ¬body is f(j) < 0, i.e. −f(j) > 0; plus hf at j (f(j) ≥ 0) gives 0 > 0
    rule::Prover body = [](const GoalPtr& b) {
        return rule::refutation(rule::sum(rule::negated_goal(b), rule::hypothesis(b, "hf")));
    };
    ProofPtr p = rule::sum_rule(rule::SumRule::Nonneg, g, "j", body);
    CHECK(p->rule == Proof::Rule::SumNonneg);
    CHECK(p->index == "j");
    CHECK(p->bound == "n");
    CHECK(reason([&] { rule::sum_rule(rule::SumRule::Nonneg, g, "n", body); }) == "sum_nonneg: index 'n' is not a fresh name");
    CHECK(reason([&] { rule::sum_rule(rule::SumRule::Congr, g, "j", body); }) == "sum_congr: both sides of the goal must be sums");
    // a proof of some other goal (here: of the sum goal itself) is not a proof of the body
    CHECK(reason([&] { rule::sum_rule(rule::SumRule::Nonneg, g, "j", [&](const GoalPtr&) { return p; }); }) ==
          "sum_nonneg: the body proof is not a proof of the body");
    // outside a sum body the ∀ hypothesis is not usable
    CHECK(reason([&] { rule::hypothesis(g, "hf"); }) ==
          "hyp: hypothesis 'hf' is quantified over k < n and usable only in the body of a sum rule over n");
    CHECK(check.conclude({p}).verdict == Verdict::Verified);
}

TEST_CASE("Check::conclude: a proof counts only for the Goal object it was made for", "[kernel][rules]") {
    Statement s = statement({kGoal, kGoal});  // two textually equal goals
    Library lib;
    Check check("T", s, lib);
    auto goals = check.goals();
    auto refute = [](const GoalPtr& g) {
        return rule::refutation(rule::sum(rule::sum(rule::negated_goal(g), rule::hypothesis(g, "huv")), rule::hypothesis(g, "hu")));
    };
    ProofPtr p1 = refute(goals[0]);
    CHECK(check.conclude({p1, p1}).message == "theorem: proof 2 is not a proof of goal 2");
    CHECK(check.conclude({p1}).message == "theorem: 2 goals but 1 proofs");
    // nor for the same goal of another Check of the same statement
    Library lib2;
    Check other("T", s, lib2);
    auto goals2 = other.goals();
    CHECK(other.conclude({p1, refute(goals2[1])}).message == "theorem: proof 1 is not a proof of goal 1");
    CHECK_FALSE(lib2.verified("T"));
    CHECK(lib2.failed("T"));
}

TEST_CASE("Check::goals: declarations are validated before any goal is handed out", "[kernel][rules]") {
    Statement s = statement({kGoal});
    s.definitions = {{"A", {"x"}, apply("B", {var("x")})}, {"B", {"x"}, apply("A", {var("x")})}};
    Library lib;
    Check check("T", s, lib);
    CHECK(reason([&] { check.goals(); }) ==
          "declaration: definition 'A' calls 'B', which is not defined before it (a cycle or a forward call)");
    Statement t = statement({kGoal});
    t.hypotheses.push_back({"hw", {v("w"), Rel::Lt, q(1)}, "", ""});
    Check check2("T2", t, lib);
    CHECK(reason([&] { check2.goals(); }) == "term: unknown real variable 'w'");
}

TEST_CASE("Check::goals: a goal with a missing side leaves no goals behind", "[kernel][rules]") {
    Statement s = statement({kGoal, {nullptr, Rel::Lt, v("v")}});
    Library lib;
    Check check("T", s, lib);
    CHECK(reason([&] { check.goals(); }) == "theorem: a goal has a missing side");
    // the first goal was made before the failure; it must not count as "all goals"
    CHECK(reason([&] { check.goals(); }) == "theorem: a goal has a missing side");
    CHECK(check.conclude({}).message == "theorem: the goals were not handed out");
    CHECK_FALSE(lib.verified("T"));
}

TEST_CASE("Term::make: fixed arity, no null operand", "[kernel][rules]") {
    using K = Term::Kind;
    CHECK(reason([] { Term::make(K::Add, {var("u")}); }) == "term: malformed node (wrong number of operands)");
    CHECK(reason([] { Term::make(K::Neg, {nullptr}); }) == "term: missing subterm");
    CHECK(reason([] { Term::make(K::Number, {var("u")}); }) == "term: malformed node (wrong number of operands)");
    CHECK(Term::make(K::Apply, {var("u"), var("v"), number(1)}, "L")->args.size() == 3);
    // a sum's bound is a variable: Σ_{k < n(x)} cannot be read as Σ_{k < n} by a sum rule
    CHECK(reason([] { Term::make(K::Sum, {apply("n", {var("x")}), var("k")}, "k"); }) ==
          "term: the bound of a sum must be a variable");
    CHECK(reason([] { rebuild(*add(var("u"), var("v")), {var("u")}, ""); }) == "term: malformed node (wrong number of operands)");
}

TEST_CASE("kernel objects cannot be forged from outside", "[kernel][rules]") {
    // Goal and Held are only declared here: their layout and constructors exist only in kernel/checker.cpp
    static_assert(!is_complete<Goal>::value && !is_complete<Held>::value);
    // a Term is built only through Term::make (which checks arity); it cannot be copied and edited
    static_assert(!std::is_default_constructible_v<Term> && !std::is_copy_constructible_v<Term> &&
                  !std::is_constructible_v<Term, Term::Kind, Rational, std::string, std::vector<TermPtr>, unsigned long>);
    static_assert(std::is_const_v<decltype(Term::args)> && std::is_const_v<decltype(Term::kind)>);
    static_assert(std::is_same_v<TermPtr, std::shared_ptr<const Term>>);
    // a Library is filled only by Check::conclude
    static_assert(!std::is_constructible_v<Check, const Check&>);
    SUCCEED("checked at compile time");
}
