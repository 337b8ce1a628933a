// libFuzzer target: the trusted checker on structures the front end would never build. The input bytes
// pick a theorem of the built-in corpus and drive a sequence of edits of its kernel data structures
// (constants, exponents, relations, hypothesis names, psatz nodes, null / wrong-arity / unknown nodes,
// random subterms), then run check_theorem, check_witness and check_goal_at_witness.
// Oracles: no crash / sanitizer report / hang; and SOUNDNESS: whenever check_theorem says Verified, the
// independent judge of fuzz/independent_judge.hpp must not show the certificate invalid (exact evaluation
// at rational points) and must not find a counterexample to the statement; otherwise __builtin_trap().
// Derived declarations are checked against a Library of the theorems before them, with their
// instantiations edited too (substituted terms, the instantiated theorem, dropped variables and
// discharges, conclusion names); the judge does not model instantiation, so for them the oracle is the
// counterexample search alone.
#include "frontend/witness.hpp"
#include "frontend/corpus.hpp"
#include "frontend/certificate.hpp"
#include "kernel/kernel.hpp"
#include "fuzz/independent_judge.hpp"

#include <fuzzer/FuzzedDataProvider.h>

#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

using namespace icl;
using namespace icl::mutation;

namespace {

const frontend::Corpus& corpus() {
    static const frontend::Corpus c = frontend::load_embedded_corpus();
    return c;
}

// libraries[i]: the theorems before corpus().theorems[i], verified (what `check` gives theorem i)
const std::vector<kernel::Library>& libraries() {
    static const std::vector<kernel::Library> libs = [] {
        std::vector<kernel::Library> out;
        kernel::Library lib;
        for (const auto& t : corpus().theorems) {
            out.push_back(lib);
            (void)cert::check_theorem(t.theorem, lib);
        }
        return out;
    }();
    return libs;
}

TermPtr random_term(FuzzedDataProvider& in, const kernel::Statement& st, int depth);

// An edit of an instantiation (<use>) of the certificate of goal 0.
void edit_instantiation(FuzzedDataProvider& in, cert::Theorem& t) {
    if (t.proofs.empty() || t.proofs[0].lemmas.empty()) return;
    auto& lemmas = t.proofs[0].lemmas;
    cert::Instantiation& u = lemmas[in.ConsumeIntegralInRange<std::size_t>(0, lemmas.size() - 1)];
    const auto& theorems = corpus().theorems;
    switch (in.ConsumeIntegralInRange<int>(0, 5)) {
        case 0:
            if (!u.with.empty()) u.with[in.ConsumeIntegralInRange<std::size_t>(0, u.with.size() - 1)].second = random_term(in, t.statement, 0);
            break;
        case 1:
            if (u.with.size() > 1) std::swap(u.with.front().second, u.with.back().second);
            break;
        case 2:
            if (!u.with.empty()) u.with.pop_back();
            break;
        case 3: u.theorem = theorems[in.ConsumeIntegralInRange<std::size_t>(0, theorems.size() - 1)].theorem.id; break;
        case 4:
            if (!u.discharges.empty()) u.discharges.erase(u.discharges.begin());
            break;
        default:
            if (u.discharges.size() > 1) std::swap(u.discharges.front().proof, u.discharges.back().proof);
            else if (!u.names.empty()) u.names.front() = in.ConsumeBool() ? "" : u.names.front() + "x";
            break;
    }
}

const char* const kNames[] = {"x", "y", "a", "eta", "w", "b", "k", "i", "d", "g", "grad", "loss", "", "sum", "f(i)"};

// A random term; malformed requests (null operands, wrong arity) are what Term::make must refuse, so
// they become the constant 0 here and never reach the kernel as a node.
TermPtr random_term(FuzzedDataProvider& in, const kernel::Statement& st, int depth) {
    using K = Term::Kind;
    K kind = K::Number;
    std::vector<TermPtr> args;
    std::string nm;
    unsigned long exponent = 0;
    Q number = 0;
    int pick = in.ConsumeIntegralInRange<int>(0, depth > 6 ? 2 : 10);
    auto name = [&]() -> std::string {
        int pick = in.ConsumeIntegralInRange<int>(0, 3);
        if (pick == 0 && !st.reals.empty()) return st.reals[in.ConsumeIntegralInRange<std::size_t>(0, st.reals.size() - 1)];
        if (pick == 1 && !st.families.empty())
            return st.families[in.ConsumeIntegralInRange<std::size_t>(0, st.families.size() - 1)];
        if (pick == 2 && !st.definitions.empty())
            return st.definitions[in.ConsumeIntegralInRange<std::size_t>(0, st.definitions.size() - 1)].name;
        return kNames[in.ConsumeIntegralInRange<std::size_t>(0, std::size(kNames) - 1)];
    };
    auto child = [&] { return in.ConsumeBool() && in.ConsumeBool() && in.ConsumeBool() ? nullptr : random_term(in, st, depth + 1); };
    switch (pick) {
        case 0:
        case 1:
            number = Q(in.ConsumeIntegralInRange<long>(-1000, 1000), in.ConsumeIntegralInRange<long>(1, 100));
            break;
        case 2: kind = K::Var; nm = name(); break;
        case 3: kind = K::Neg; args = {child()}; break;
        case 4: kind = K::Add; args = {child(), child()}; break;
        case 5: kind = K::Sub; args = {child(), child()}; break;
        case 6: kind = K::Mul; args = {child(), child()}; break;
        case 7:
            kind = K::Pow;
            args = {child()};
            exponent = in.ConsumeBool() ? in.ConsumeIntegralInRange<unsigned long>(0, 12) : in.ConsumeIntegral<unsigned long>();
            break;
        case 8: {
            kind = K::Apply;
            nm = name();
            int n = in.ConsumeIntegralInRange<int>(0, 4);
            for (int i = 0; i < n; ++i) args.push_back(child());
            break;
        }
        case 9:
            kind = K::Sum;
            nm = name();
            args = {kernel::var(name()), child()};
            if (in.ConsumeBool()) args.pop_back();
            break;
        default:
            kind = static_cast<K>(in.ConsumeIntegralInRange<int>(0, 8));  // any kind, arbitrary arity
            for (int i = in.ConsumeIntegralInRange<int>(0, 3); i > 0; --i) args.push_back(child());
            nm = name();
            break;
    }
    try {
        return Term::make(kind, std::move(args), nm, exponent, number);
    } catch (const kernel::KernelError&) {
        return kernel::number(0);
    }
}

void edit(FuzzedDataProvider& in, cert::Theorem& t) {
    Sites s = collect(t);
    auto& st = t.statement;
    auto pick_term = [&]() -> const Slot* {
        bool cert = in.ConsumeBool() && !s.cert.empty();
        auto& v = cert || s.stmt.empty() ? s.cert : s.stmt;
        if (v.empty()) return nullptr;
        return &v[in.ConsumeIntegralInRange<std::size_t>(0, v.size() - 1)];
    };
    auto rel = [&] { return static_cast<Rel>(in.ConsumeIntegralInRange<int>(0, 5)); };
    switch (in.ConsumeIntegralInRange<int>(0, 11)) {
        case 0:
            if (auto* p = pick_term(); p && p->get()->kind == Term::Kind::Number)
                p->set(kernel::number(Q(in.ConsumeIntegralInRange<long>(-50, 50), in.ConsumeIntegralInRange<long>(1, 9))));
            break;
        case 1:
            if (auto* p = pick_term()) p->set(random_term(in, st, 0));
            break;
        case 2:
            if (auto* p = pick_term(); p && p->get()->kind == Term::Kind::Pow)
                p->set(kernel::pow(p->get()->args[0], in.ConsumeIntegralInRange<unsigned long>(0, 70)));
            break;
        case 3:
            if (!s.goals.empty()) s.goals[in.ConsumeIntegralInRange<std::size_t>(0, s.goals.size() - 1)]->rel = rel();
            break;
        case 4:
            if (!s.hyps.empty()) s.hyps[in.ConsumeIntegralInRange<std::size_t>(0, s.hyps.size() - 1)]->prop.rel = rel();
            break;
        case 5:
            if (!s.psatz.empty()) {
                auto* n = s.psatz[in.ConsumeIntegralInRange<std::size_t>(0, s.psatz.size() - 1)];
                n->kind = static_cast<PsatzNode::Kind>(in.ConsumeIntegralInRange<int>(0, 7));
                if (in.ConsumeBool()) n->value = Q(in.ConsumeIntegralInRange<long>(-5, 20), in.ConsumeIntegralInRange<long>(1, 5));
                if (in.ConsumeBool() && !st.hypotheses.empty())
                    n->hyp = st.hypotheses[in.ConsumeIntegralInRange<std::size_t>(0, st.hypotheses.size() - 1)].name;
                if (in.ConsumeBool()) n->poly = random_term(in, st, 0);
            }
            break;
        case 6:
            if (!s.psatz.empty()) {
                auto* n = s.psatz[in.ConsumeIntegralInRange<std::size_t>(0, s.psatz.size() - 1)];
                if (!n->children.empty()) {
                    std::size_t c = in.ConsumeIntegralInRange<std::size_t>(0, n->children.size() - 1);
                    int how = in.ConsumeIntegralInRange<int>(0, 2);
                    if (how == 0) n->children.erase(n->children.begin() + static_cast<long>(c));
                    else if (how == 1) { auto copy = n->children[c]; n->children.push_back(copy); }
                    else n->children[c] = nullptr;
                }
            }
            break;
        case 7:
            if (!s.certs.empty()) {
                auto* c = s.certs[in.ConsumeIntegralInRange<std::size_t>(0, s.certs.size() - 1)];
                c->kind = static_cast<Certificate::Kind>(in.ConsumeIntegralInRange<int>(0, 5));
                if (in.ConsumeBool()) c->index = kNames[in.ConsumeIntegralInRange<std::size_t>(0, std::size(kNames) - 1)];
                if (in.ConsumeBool() && !st.hypotheses.empty())
                    c->combination.push_back({in.ConsumeBool() ? random_term(in, st, 0) : nullptr,
                                              st.hypotheses[in.ConsumeIntegralInRange<std::size_t>(0, st.hypotheses.size() - 1)].name});
            }
            break;
        case 8:
            if (!st.hypotheses.empty()) st.hypotheses.erase(st.hypotheses.begin() + in.ConsumeIntegralInRange<long>(0, static_cast<long>(st.hypotheses.size()) - 1));
            break;
        case 9: {
            kernel::Hypothesis h;
            h.name = in.ConsumeBool() ? "hz" : (st.hypotheses.empty() ? "" : st.hypotheses[0].name);
            h.prop = {random_term(in, st, 0), rel(), random_term(in, st, 0)};
            if (in.ConsumeBool()) { h.forall_index = "k"; h.forall_bound = in.ConsumeBool() ? "d" : "x"; }
            st.hypotheses.push_back(h);
            break;
        }
        case 10:
            if (in.ConsumeBool()) st.reals.push_back(kNames[in.ConsumeIntegralInRange<std::size_t>(0, std::size(kNames) - 1)]);
            else if (!st.reals.empty()) st.reals.pop_back();
            break;
        default:
            if (in.ConsumeBool() && !t.proofs.empty()) t.proofs.pop_back();
            else if (!st.goals.empty()) std::swap(st.goals.front().lhs, st.goals.front().rhs);
            break;
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    FuzzedDataProvider in(data, size);
    const auto& theorems = corpus().theorems;
    const std::size_t index = in.ConsumeIntegralInRange<std::size_t>(0, theorems.size() - 1);
    const auto& orig = theorems[index].theorem;
    const bool derived = theorems[index].derived;
    cert::Theorem t = clone(orig);
    int edits = in.ConsumeIntegralInRange<int>(1, 4);
    try {
        for (int i = 0; i < edits && in.remaining_bytes() > 0; ++i) {
            if (derived && in.ConsumeBool()) edit_instantiation(in, t);
            else edit(in, t);
        }
    } catch (const kernel::KernelError&) {
        return 0;  // Term::make refused the edited node (e.g. a sum bound that is not a variable)
    }
    kernel::Limits kl;
    kl.max_degree = 40;
    kl.max_terms = 50000;
    kl.max_depth = 300;
    kl.max_sum_bound = 20;
    kernel::Library library = libraries()[index];
    kernel::CheckResult r = cert::check_theorem(t, library, kl);
    (void)frontend::check_witness(t.statement, t.witness, kl);
    (void)frontend::check_goal_at_witness(t.statement, t.witness, kl);
    if (r.verdict == kernel::Verdict::Verified) {
        Sampler s(size * 7919 + 17);
        Judgement j = derived ? Judgement{} : judge_proofs(t, s, 4);
        if (j.why != Why::None) {
            std::fprintf(stderr, "SOUNDNESS: kernel verified %s but the certificate is invalid: %s\n", orig.id.c_str(),
                         j.detail.c_str());
            __builtin_trap();
        }
        CounterexampleSearch cs(t.statement, t.witness, s);
        if (auto cx = cs.run(8)) {
            std::fprintf(stderr, "SOUNDNESS: kernel verified %s but %s\n", orig.id.c_str(), cx->c_str());
            __builtin_trap();
        }
    }
    return 0;
}
