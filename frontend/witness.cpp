// Exact evaluation of statements at a witness point (see witness.hpp).
#include "frontend/witness.hpp"

#include <algorithm>
#include <functional>

namespace icl::frontend {

using namespace icl::kernel;
using cert::Witness;

namespace {

[[noreturn]] void fail(const std::string& rule, const std::string& why) { throw KernelError(rule + ": " + why); }

bool contains(const std::vector<std::string>& v, const std::string& x) {
    return std::find(v.begin(), v.end(), x) != v.end();
}
const Definition* find_definition(const Statement& s, const std::string& n) {
    for (const auto& d : s.definitions)
        if (d.name == n) return &d;
    return nullptr;
}

struct Point {
    const Witness& w;
    const std::map<std::string, Rational>* params = nullptr;
    std::map<std::string, unsigned long> indices;
    unsigned long* steps = nullptr;  // shared budget, against Limits::max_steps
};

// contract: the bit size of q's numerator plus its denominator
unsigned long bits(const Rational& q) {
    return mpz_sizeinbase(mpq_numref(q.backend().data()), 2) + mpz_sizeinbase(mpq_denref(q.backend().data()), 2);
}
// contract: q unchanged, or KernelError when it exceeds max-coeff-bits
Rational bounded(const Rational& q, const Limits& lim) {
    if (bits(q) > lim.max_coeff_bits) fail("limit", "a value at the witness exceeds max-coeff-bits");
    return q;
}

// contract: the exact value of t at the point, or KernelError if anything is unassigned
Rational value_at(const TermPtr& tp, const Statement& st, const Point& pt, const Limits& lim, unsigned long depth) {
    if (!tp) fail("witness", "missing subterm");
    if (depth > lim.max_depth) fail("limit", "term nesting exceeds max-depth");
    if (pt.steps && ++*pt.steps > lim.max_steps) fail("limit", "evaluation exceeds max-steps " + std::to_string(lim.max_steps));
    const Term& t = *tp;
    auto arg = [&](std::size_t i) {
        if (t.args.size() <= i) fail("witness", "malformed node");
        return value_at(t.args[i], st, pt, lim, depth + 1);
    };
    switch (t.kind) {
        case Term::Kind::Number: return t.number;
        case Term::Kind::Var: {
            if (pt.params) {
                auto it = pt.params->find(t.name);
                if (it == pt.params->end()) fail("witness", "'" + t.name + "' is not a definition parameter");
                return it->second;
            }
            auto it = pt.w.reals.find(t.name);
            if (it == pt.w.reals.end() || !contains(st.reals, t.name))
                fail("witness", "no value for real variable '" + t.name + "'");
            return it->second;
        }
        case Term::Kind::Neg: return -arg(0);
        case Term::Kind::Add: return bounded(arg(0) + arg(1), lim);
        case Term::Kind::Sub: return bounded(arg(0) - arg(1), lim);
        case Term::Kind::Mul: {
            Rational a = arg(0), b = arg(1);
            if (bits(a) + bits(b) > lim.max_coeff_bits + 64) fail("limit", "a value at the witness exceeds max-coeff-bits");
            return a * b;
        }
        case Term::Kind::Pow: {
            if (t.exponent > lim.max_degree) fail("limit", "exponent exceeds max-degree");
            Rational b = arg(0), r = 1;
            if (bits(b) * t.exponent > lim.max_coeff_bits + 64) fail("limit", "a value at the witness exceeds max-coeff-bits");
            for (unsigned long i = 0; i < t.exponent; ++i) r *= b;
            return r;
        }
        case Term::Kind::Apply: {
            if (const Definition* d = find_definition(st, t.name)) {
                if (d->params.size() != t.args.size()) fail("witness", "wrong arity for '" + t.name + "'");
                std::map<std::string, Rational> bound;
                for (std::size_t i = 0; i < d->params.size(); ++i) bound[d->params[i]] = arg(i);
                Point inner{pt.w, &bound, {}, pt.steps};
                return value_at(d->body, st, inner, lim, depth + 1);
            }
            if (!contains(st.families, t.name) || pt.params || t.args.size() != 1 || !t.args[0] ||
                t.args[0]->kind != Term::Kind::Var || !pt.indices.count(t.args[0]->name))
                fail("witness", "'" + t.name + "(...)' is not a family applied to a bound index");
            auto fam = pt.w.families.find(t.name);
            unsigned long k = pt.indices.at(t.args[0]->name);
            if (fam == pt.w.families.end() || k >= fam->second.size())
                fail("witness", "no value for " + t.name + "(" + std::to_string(k) + ")");
            return fam->second[k];
        }
        case Term::Kind::Sum: {
            if (t.args.size() != 2 || !t.args[0] || pt.params) fail("witness", "malformed sum");
            auto n = pt.w.nats.find(t.args[0]->name);
            if (n == pt.w.nats.end() || !contains(st.nats, t.args[0]->name))
                fail("witness", "no value for natural variable '" + t.args[0]->name + "'");
            if (n->second > lim.max_sum_bound) fail("limit", "sum bound exceeds max-sum-bound");
            Rational total = 0;
            for (unsigned long k = 0; k < n->second; ++k) {
                Point inner = pt;
                inner.indices[t.name] = k;
                total = bounded(total + value_at(t.args[1], st, inner, lim, depth + 1), lim);
            }
            return total;
        }
    }
    fail("witness", "unknown node kind");
}

bool holds(const Rational& l, Rel rel, const Rational& r) {  // contract: the truth of l rel r
    switch (rel) {
        case Rel::Eq: return l == r;
        case Rel::Le: return l <= r;
        case Rel::Lt: return l < r;
        case Rel::Ge: return l >= r;
        case Rel::Gt: return l > r;
        case Rel::Ne: return l != r;
    }
    return false;
}

// contract: returns only if every proposition holds at the witness (for ∀ k < d: at every k < d)
void check_at_point(const char* what, const std::vector<Hypothesis>& props, const Statement& st, const Witness& w,
                    const Limits& lim) {
    unsigned long steps = 0;
    for (const auto& h : props) {
        std::vector<std::map<std::string, unsigned long>> instances{{}};
        if (!h.forall_index.empty()) {
            auto n = w.nats.find(h.forall_bound);
            if (n == w.nats.end()) fail("witness", "no value for natural variable '" + h.forall_bound + "'");
            if (n->second > lim.max_sum_bound) fail("limit", "bound exceeds max-sum-bound");
            instances.clear();
            for (unsigned long k = 0; k < n->second; ++k) instances.push_back({{h.forall_index, k}});
        }
        for (const auto& ix : instances) {
            Point pt{w, nullptr, ix, &steps};
            Rational l = value_at(h.prop.lhs, st, pt, lim, 0), r = value_at(h.prop.rhs, st, pt, lim, 0);
            if (!holds(l, h.prop.rel, r))
                fail("witness", std::string(what) + " '" + h.name + "' is false at the witness (" + l.str() + " " +
                                    rel_symbol(h.prop.rel) + " " + r.str() + " fails)");
        }
    }
}


CheckResult run(const std::function<void()>& body) {  // Verified iff body returned normally
    try {
        body();
        return CheckResult{Verdict::Verified, ""};
    } catch (const KernelError& e) {
        return CheckResult{Verdict::Rejected, e.what()};
    } catch (const std::bad_alloc&) {
        return CheckResult{Verdict::Rejected, "limit: out of memory (GMP/FLINT allocation failed; raise the memory limit)"};
    }
}

}  // namespace

CheckResult check_witness(const Statement& st, const Witness& w, const Limits& limits) {
    return run([&] {
        for (const auto& n : st.reals)
            if (!w.reals.count(n)) fail("witness", "no value for real variable '" + n + "'");
        for (const auto& n : st.nats)
            if (!w.nats.count(n)) fail("witness", "no value for natural variable '" + n + "'");
        for (const auto& n : st.families)
            if (!w.families.count(n)) fail("witness", "no values for family '" + n + "'");
        for (const auto& [n, v] : w.reals)
            if (!contains(st.reals, n)) fail("witness", "'" + n + "' is not a real variable of the statement");
        for (const auto& [n, v] : w.nats)
            if (!contains(st.nats, n)) fail("witness", "'" + n + "' is not a natural variable of the statement");
        for (const auto& [n, v] : w.families)
            if (!contains(st.families, n)) fail("witness", "'" + n + "' is not a family of the statement");
        check_at_point("hypothesis", st.hypotheses, st, w, limits);
    });
}

CheckResult check_goal_at_witness(const Statement& st, const Witness& w, const Limits& limits) {
    return run([&] {
        std::vector<Hypothesis> goals;
        for (std::size_t i = 0; i < st.goals.size(); ++i) goals.push_back({"goal " + std::to_string(i + 1), st.goals[i], "", ""});
        check_at_point("goal", goals, st, w, limits);
    });
}


}  // namespace icl::frontend
