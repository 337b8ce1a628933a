// The certificate interpreter: walks a Certificate and calls the kernel's rules. Untrusted: it decides
// nothing (the kernel's Check::conclude does), it only chooses which rules to call.
#include "frontend/certificate.hpp"

#include <functional>
#include <map>
#include <new>
#include <set>
#include <unordered_map>

namespace icl::cert {

namespace rule = kernel::rule;
using kernel::GoalPtr;
using kernel::HeldPtr;
using kernel::KernelError;
using kernel::ProofPtr;

namespace {

struct Interpreter {
    const kernel::Limits& limits;
    const kernel::Library& library;
    // A Held with the number of leaves it covers when it is shared (a leaf, or a product of shared
    // operands up to kMaxSharedLeaves leaves), else 0. Carried with the value: a million-product
    // certificate looked the count up in a map twice per product step.
    struct Value { HeldPtr held; unsigned leaves = 0; };
    // Hash maps: a large certificate looks these up once per node, and a tree map's pointer chase was a
    // tenth of a 10^5-product check (bench/analysis.md).
    struct PairHash {
        template <class A, class B> std::size_t operator()(const std::pair<A, B>& p) const {
            return std::hash<A>{}(p.first) * 0x9E3779B97F4A7C15ull ^ std::hash<B>{}(p.second);
        }
    };
    // Leaves already made for a goal: a hypothesis or constant used by many products is one Held (and one
    // Fact in the derivation), not one per occurrence. Each entry keeps its Goal alive, so the key's
    // address stays that goal's.
    mutable std::unordered_map<std::pair<const kernel::Goal*, std::string>, HeldPtr, PairHash> hyp_leaves;
    mutable std::map<std::pair<const kernel::Goal*, kernel::Rational>, HeldPtr> const_leaves;
    // Products of two shared operands, up to kMaxSharedLeaves leaves: the same small product in many terms
    // of a certificate is made once.
    static constexpr unsigned kMaxSharedLeaves = 8;
    static constexpr std::size_t kMaxSharedProducts = 1 << 20;
    mutable std::unordered_map<std::pair<const kernel::Held*, const kernel::Held*>, Value, PairHash> products;

    Value leaf(HeldPtr& slot, const std::function<HeldPtr()>& make) const {
        if (!slot) slot = make();
        return {slot, 1};
    }
    Value product(const Value& a, const Value& b) const {
        if (!a.leaves || !b.leaves || a.leaves + b.leaves > kMaxSharedLeaves || products.size() >= kMaxSharedProducts)
            return {rule::product(a.held, b.held)};
        Value& p = products[{a.held.get(), b.held.get()}];
        if (!p.held) p = {rule::product(a.held, b.held), a.leaves + b.leaves};
        return p;
    }

    [[noreturn]] static void fail(const std::string& rule, const std::string& why) { throw KernelError(rule + ": " + why); }

    // the Fact the refutation tree denotes, under the hypotheses of g and ¬g
    Value evaluate(const PsatzPtr& np, const GoalPtr& g, unsigned long depth) const {
        if (!np) fail("psatz", "missing node");
        if (depth > limits.max_depth) fail("limit", "certificate nesting exceeds max-depth");
        const PsatzNode& n = *np;
        using K = PsatzNode::Kind;
        switch (n.kind) {
            case K::Hyp: {
                return leaf(hyp_leaves[{g.get(), n.hyp}], [&] { return rule::hypothesis(g, n.hyp); });
            }
            case K::NonzeroSq: return {rule::nonzero_square(g, n.hyp)};
            case K::NegGoal: return {rule::negated_goal(g)};
            case K::Square: return {rule::square(g, n.poly)};
            case K::Const: {
                return leaf(const_leaves[{g.get(), n.value}], [&] { return rule::positive_constant(g, n.value); });
            }
            case K::MulPoly:
                if (n.children.size() != 1) fail("mulpoly", "needs exactly one operand");
                return {rule::equality_times(n.poly, evaluate(n.children[0], g, depth + 1).held)};
            case K::Mul:
            case K::Add: {
                if (n.children.empty()) fail(n.kind == K::Mul ? "mul" : "add", "no operands");
                auto combine = [&](const Value& a, const Value& b) {
                    return n.kind == K::Mul ? product(a, b) : Value{rule::sum(a.held, b.held)};
                };
                // Combined as a balanced tree while the children are evaluated (a binary counter: an entry
                // of rank r covers 2^r children), so n children cost O(n log n) and only O(log n) live.
                std::vector<std::pair<Value, unsigned>> partial;
                for (const auto& c : n.children) {
                    Value h = evaluate(c, g, depth + 1);
                    unsigned rank = 0;
                    for (; !partial.empty() && partial.back().second == rank; ++rank, partial.pop_back())
                        h = combine(partial.back().first, h);
                    partial.emplace_back(std::move(h), rank);
                }
                while (partial.size() > 1) {
                    Value b = std::move(partial.back().first);
                    partial.pop_back();
                    partial.back().first = combine(partial.back().first, b);
                }
                return partial.front().first;
            }
        }
        fail("psatz", "unknown node kind");
    }

    // a Proof of g by `cert`, made by the kernel's rules
    ProofPtr prove(const GoalPtr& g, const Certificate& cert, unsigned long depth) const {
        if (depth > limits.max_depth) fail("limit", "certificate nesting exceeds max-depth");
        using K = Certificate::Kind;
        if (!cert.lemmas.empty()) {
            std::vector<rule::Instance> lemmas;
            for (const auto& in : cert.lemmas) {
                if (const std::string* why = library.failed(in.theorem))  // a better message than "not verified"
                    fail("instantiate '" + in.theorem + "'", "theorem '" + in.theorem + "' did not verify (" + *why + ")");
                rule::Instance r{in.theorem, in.with, {}, in.names};
                for (const auto& d : in.discharges) r.discharges.emplace_back(d.hyp, d.index);
                lemmas.push_back(std::move(r));
            }
            auto discharge = [&](std::size_t i, std::size_t j, const GoalPtr& obligation) {
                const CertificatePtr& p = cert.lemmas[i].discharges[j].proof;
                if (!p) fail("certificate", "no proof for hypothesis '" + cert.lemmas[i].discharges[j].hyp + "'");
                return prove(obligation, *p, depth + 1);
            };
            Certificate rest = cert;
            rest.lemmas.clear();
            return rule::using_lemmas(g, lemmas, discharge, [&](const GoalPtr& same) { return prove(same, rest, depth + 1); });
        }
        switch (cert.kind) {
            case K::Ring:
                if (!cert.combination.empty()) fail("ring", "ring takes no hypotheses");
                if (cert.exponent != 1) fail("ring", "exponent must be 1 for ring");
                return rule::ring(g);
            case K::LinearCombination: return rule::linear_combination(g, cert.combination, cert.exponent);
            case K::Psatz: return rule::refutation(evaluate(cert.refutation, g, 0).held);
            case K::Exact: return rule::exact(g, cert.fact);
            case K::SumNonneg:
            case K::SumLeSum:
            case K::SumCongr: {
                using S = rule::SumRule;
                S s = cert.kind == K::SumNonneg ? S::Nonneg : cert.kind == K::SumLeSum ? S::LeSum : S::Congr;
                const char* name = s == S::Nonneg ? "sum_nonneg" : s == S::LeSum ? "sum_le_sum" : "sum_congr";
                if (!cert.body) fail(name, "missing body certificate");
                return rule::sum_rule(s, g, cert.index, [&](const GoalPtr& body) { return prove(body, *cert.body, depth + 1); });
            }
        }
        fail("certificate", "unknown kind");
    }
};

// contract: adds the hypotheses and facts p names to `names` and the theorems it instantiates to `theorems`
void collect_uses(const kernel::Proof& p, std::set<std::string>& names, std::set<std::string>& theorems) {
    for (const auto& l : p.lemmas) {
        theorems.insert(l.theorem);
        for (const auto& d : l.discharges)
            if (d.proof) collect_uses(*d.proof, names, theorems);
    }
    for (const auto& lt : p.combination) names.insert(lt.hyp);
    if (p.refutation)
        for (const auto& h : rests_on(*p.refutation)) names.insert(h);
    if (!p.fact.empty()) names.insert(p.fact);
    if (p.body) collect_uses(*p.body, names, theorems);
}

}  // namespace

std::vector<std::string> rests_on(const kernel::Fact& fact) {
    std::set<std::string> out;
    std::function<void(const kernel::Fact&)> walk = [&](const kernel::Fact& f) {
        if (!f.hypothesis.empty()) out.insert(f.hypothesis);
        for (const auto& p : f.premises) walk(*p);
    };
    walk(fact);
    return {out.begin(), out.end()};
}

std::vector<std::string> used_hypotheses(const kernel::Statement& s, const std::vector<ProofPtr>& proofs) {
    std::set<std::string> names, theorems;
    for (const auto& p : proofs) collect_uses(*p, names, theorems);
    std::vector<std::string> out;
    for (const auto& h : s.hypotheses)
        if (names.count(h.name)) out.push_back(h.name);
    return out;
}

std::vector<std::string> used_theorems(const std::vector<ProofPtr>& proofs) {
    std::set<std::string> names, theorems;
    for (const auto& p : proofs) collect_uses(*p, names, theorems);
    return {theorems.begin(), theorems.end()};
}

kernel::CheckResult check_theorem(const Theorem& t, kernel::Library& library, const kernel::Limits& limits) {
    kernel::Check check(t.id, t.statement, library, limits);
    try {
        std::vector<GoalPtr> goals = check.goals();
        if (goals.size() != t.proofs.size())
            return check.reject("theorem: " + std::to_string(goals.size()) + " goals but " +
                                std::to_string(t.proofs.size()) + " certificates");
        Interpreter in{limits, library};
        std::vector<ProofPtr> proofs;
        for (std::size_t i = 0; i < goals.size(); ++i) {
            try {
                proofs.push_back(in.prove(goals[i], t.proofs[i], 0));
            } catch (const KernelError& e) {
                if (goals.size() == 1) throw;
                throw KernelError("goal " + std::to_string(i + 1) + ": " + e.what());
            }
        }
        return check.conclude(proofs);
    } catch (const KernelError& e) {
        return check.reject(e.what());
    } catch (const std::bad_alloc&) {
        return check.reject("limit: out of memory (GMP/FLINT allocation failed; raise the memory limit)");
    }
}

kernel::CheckResult check_theorem(const Theorem& t, const kernel::Limits& limits) {
    kernel::Library empty;
    return check_theorem(t, empty, limits);
}

}  // namespace icl::cert
