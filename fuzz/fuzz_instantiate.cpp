// libFuzzer target: the instantiation rule (`<use>`: INST of an earlier verified theorem T, discharge of
// σ(H) for every hypothesis H of T, σ(G) as named facts). The input bytes pick a derived declaration D of
// the built-in corpus (the only certificates with `<use>`) and drive 0–5 edits of its instantiations
// (σ terms, including terms naming D's naturals, families or a sum index; the theorem used; dropped or
// duplicated σ entries, discharges and lemmas; discharge indices; conclusion names that collide with
// hypotheses or other conclusions; lemmas moved to another goal) and of D's statement (a hypothesis
// dropped or its relation changed, a goal relation changed), then check D against a Library of the
// theorems before it.
// Oracles: no crash / sanitizer report / hang; and, whenever D is Verified, SOUNDNESS of the
// instantiation judged semantically, without the kernel's substitution: at points p where all of D's
// hypotheses hold exactly (the witness and repaired neighbours, fuzz/independent_judge.hpp), every
// top-level lemma must have σ(H) true at p for each hypothesis H of T, and then σ(G) true at p — each
// evaluated as T's own proposition at the point x ↦ σ(x)(p), n ↦ p(σ(n)), f ↦ p(σ(f)); and no
// counterexample to D's goals. Otherwise __builtin_trap().
#include "frontend/corpus.hpp"
#include "fuzz/independent_judge.hpp"
#include "frontend/certificate.hpp"
#include "kernel/kernel.hpp"

#include <fuzzer/FuzzedDataProvider.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

using namespace icl;
using namespace icl::mutation;

namespace {

// ICL_FUZZ_STATS=1: at exit, how many inputs verified and how many lemma instances the oracle judged
struct Stats {
    unsigned long inputs = 0, verified = 0, judged = 0, undefined = 0;
    ~Stats() {
        if (std::getenv("ICL_FUZZ_STATS"))
            std::fprintf(stderr, "fuzz_instantiate: %lu inputs, %lu verified, %lu lemma instances judged, %lu not evaluable\n",
                         inputs, verified, judged, undefined);
    }
} stats;

const frontend::Corpus& corpus() {
    static const frontend::Corpus c = frontend::load_embedded_corpus();
    return c;
}

struct Host {
    std::size_t index;       // in corpus().theorems
    kernel::Library library;  // the theorems before it, checked
};

const std::vector<Host>& hosts() {
    static const std::vector<Host> out = [] {
        std::vector<Host> h;
        kernel::Library lib;
        for (std::size_t i = 0; i < corpus().theorems.size(); ++i) {
            if (corpus().theorems[i].derived) h.push_back({i, lib});
            (void)cert::check_theorem(corpus().theorems[i].theorem, lib);
        }
        return h;
    }();
    return out;
}

const cert::Theorem* find_theorem(const std::string& id) {
    for (const auto& e : corpus().theorems)
        if (e.theorem.id == id) return &e.theorem;
    return nullptr;
}

template <class V>
auto& pick(FuzzedDataProvider& in, V& v) { return v[in.ConsumeIntegralInRange<std::size_t>(0, v.size() - 1)]; }

std::string some_name(FuzzedDataProvider& in, const kernel::Statement& st) {
    static const std::vector<std::string> extra = {"k", "i", "d", "x", "", "f(k)"};
    switch (in.ConsumeIntegralInRange<int>(0, 4)) {
        case 0: if (!st.reals.empty()) return pick(in, st.reals); break;
        case 1: if (!st.nats.empty()) return pick(in, st.nats); break;
        case 2: if (!st.families.empty()) return pick(in, st.families); break;
        case 3: if (!st.hypotheses.empty()) return pick(in, st.hypotheses).name; break;
        default: break;
    }
    return pick(in, extra);
}

TermPtr random_term(FuzzedDataProvider& in, const kernel::Statement& st, int depth) {
    int kind = in.ConsumeIntegralInRange<int>(0, depth > 3 ? 1 : 7);
    auto sub = [&] { return random_term(in, st, depth + 1); };
    switch (kind) {
        case 0: return kernel::number(Q(in.ConsumeIntegralInRange<long>(-9, 9), in.ConsumeIntegralInRange<long>(1, 4)));
        case 1: return kernel::var(some_name(in, st));
        case 2: return kernel::neg(sub());
        case 3: return kernel::add(sub(), sub());
        case 4: return kernel::sub(sub(), sub());
        case 5: return kernel::mul(sub(), sub());
        case 6: return kernel::pow(sub(), in.ConsumeIntegralInRange<unsigned long>(0, 4));
        default: {
            std::string f = some_name(in, st);
            return kernel::sum("k", some_name(in, st), kernel::apply(f, {kernel::var("k")}));
        }
    }
}

void edit(FuzzedDataProvider& in, cert::Theorem& t) {
    auto& st = t.statement;
    std::vector<cert::Instantiation*> uses;
    for (auto& c : t.proofs)
        for (auto& u : c.lemmas) uses.push_back(&u);
    const int what = in.ConsumeIntegralInRange<int>(0, 13);
    if (what >= 10) {  // the statement of D
        if (what == 10 && !st.hypotheses.empty())
            st.hypotheses.erase(st.hypotheses.begin() + in.ConsumeIntegralInRange<long>(0, static_cast<long>(st.hypotheses.size()) - 1));
        else if (what == 11 && !st.hypotheses.empty())
            pick(in, st.hypotheses).prop.rel = static_cast<Rel>(in.ConsumeIntegralInRange<int>(0, 5));
        else if (what == 12 && !st.goals.empty())
            pick(in, st.goals).rel = static_cast<Rel>(in.ConsumeIntegralInRange<int>(0, 5));
        else if (t.proofs.size() > 1 && !t.proofs[0].lemmas.empty())
            t.proofs.back().lemmas.push_back(t.proofs[0].lemmas.front());  // a lemma of goal 1 used for another
        return;
    }
    if (uses.empty()) return;
    cert::Instantiation& u = *pick(in, uses);
    switch (what) {
        case 0:
            if (!u.with.empty()) pick(in, u.with).second = random_term(in, st, 0);
            break;
        case 1:
            if (!u.with.empty()) pick(in, u.with).second = kernel::var(some_name(in, st));
            break;
        case 2:
            if (u.with.size() > 1) std::swap(pick(in, u.with).second, pick(in, u.with).second);
            break;
        case 3:
            if (!u.with.empty()) {
                if (in.ConsumeBool()) u.with.erase(u.with.begin() + in.ConsumeIntegralInRange<long>(0, static_cast<long>(u.with.size()) - 1));
                else u.with.push_back(pick(in, u.with));
            }
            break;
        case 4: u.theorem = pick(in, corpus().theorems).theorem.id; break;
        case 5:
            if (!u.discharges.empty()) {
                if (in.ConsumeBool()) u.discharges.erase(u.discharges.begin() + in.ConsumeIntegralInRange<long>(0, static_cast<long>(u.discharges.size()) - 1));
                else std::swap(pick(in, u.discharges).proof, pick(in, u.discharges).proof);
            }
            break;
        case 6:
            if (!u.discharges.empty()) pick(in, u.discharges).index = some_name(in, st);
            break;
        case 7:
            if (!u.discharges.empty()) pick(in, u.discharges).hyp = some_name(in, st);
            break;
        case 8:
            if (!u.names.empty()) pick(in, u.names) = in.ConsumeBool() ? some_name(in, st) : (uses.front()->names.empty() ? "" : uses.front()->names.front());
            else u.names.push_back(some_name(in, st));
            break;
        default: {  // duplicate or drop a lemma of some goal
            auto& c = pick(in, t.proofs);
            if (c.lemmas.empty()) break;
            if (in.ConsumeBool()) c.lemmas.push_back(pick(in, c.lemmas));
            else c.lemmas.erase(c.lemmas.begin() + in.ConsumeIntegralInRange<long>(0, static_cast<long>(c.lemmas.size()) - 1));
            break;
        }
    }
}

bool holds_at(const kernel::Prop& prop, const kernel::Statement& st, const Point& p, const Frame& fr) {
    return holds(eval(prop.lhs, st, p, fr), prop.rel, eval(prop.rhs, st, p, fr));
}

// The point of T's variables that σ gives at p (no kernel code: T's propositions are evaluated there).
Point instance_point(const kernel::Statement& host, const kernel::Statement& used,
                     const std::vector<std::pair<std::string, TermPtr>>& with, const Point& p) {
    Point q;
    for (const auto& [x, term] : with) {
        if (in(used.reals, x)) q.reals[x] = eval(term, host, p, Frame{});
        else if (!term || term->kind != Term::Kind::Var) throw Undefined("σ of a natural or family is not a name");
        else if (in(used.nats, x) && p.nats.count(term->name)) q.nats[x] = p.nats.at(term->name);
        else if (in(used.families, x) && p.fams.count(term->name)) q.fams[x] = p.fams.at(term->name);
        else throw Undefined("σ target");
    }
    return q;
}

void judge_lemma(const kernel::Statement& host, const kernel::Proof::Lemma& lemma, const Point& p, const char* id) {
    const cert::Theorem* used = find_theorem(lemma.theorem);
    if (!used) return;
    const kernel::Statement& ts = used->statement;
    Point q = instance_point(host, ts, lemma.with, p);
    for (const auto& h : ts.hypotheses) {
        std::vector<Frame> frames(1);
        if (!h.forall_index.empty()) {
            auto n = q.nats.find(h.forall_bound);
            if (n == q.nats.end() || n->second > 1000) throw Undefined("bound");
            frames.clear();
            for (unsigned long k = 0; k < n->second; ++k) frames.emplace_back().idx[h.forall_index] = k;
        }
        for (const auto& fr : frames)
            if (!holds_at(h.prop, ts, q, fr)) {
                std::fprintf(stderr, "SOUNDNESS: kernel verified %s using %s, but the discharged σ(%s) is false at a point "
                             "where all hypotheses of %s hold\n", id, lemma.theorem.c_str(), h.name.c_str(), id);
                __builtin_trap();
            }
    }
    for (std::size_t g = 0; g < ts.goals.size(); ++g)
        if (!holds_at(ts.goals[g], ts, q, Frame{})) {
            std::fprintf(stderr, "SOUNDNESS: kernel verified %s using %s, whose instantiated goal %zu is false at a point "
                         "where all its discharged hypotheses hold\n", id, lemma.theorem.c_str(), g + 1);
            __builtin_trap();
        }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    FuzzedDataProvider in(data, size);
    const Host& host = pick(in, hosts());
    const auto& orig = corpus().theorems[host.index].theorem;
    cert::Theorem t = clone(orig);
    int edits = in.ConsumeIntegralInRange<int>(0, 5);
    try {
        for (int i = 0; i < edits && in.remaining_bytes() > 0; ++i) edit(in, t);
    } catch (const kernel::KernelError&) {
        return 0;  // Term::make refused the edited node
    }
    kernel::Limits kl;
    kl.max_degree = 40;
    kl.max_terms = 50000;
    kl.max_depth = 300;
    kl.max_sum_bound = 20;
    kernel::Library library = host.library;
    kernel::CheckResult r = cert::check_theorem(t, library, kl);
    ++stats.inputs;
    if (r.verdict != kernel::Verdict::Verified) return 0;
    ++stats.verified;
    Sampler s(size * 7919 + 17);
    CounterexampleSearch cs(t.statement, t.witness, s);
    for (int k = 0; k < 6; ++k) {
        auto p = cs.admissible(k);
        if (!p) continue;
        for (const auto& proof : r.proofs)
            for (const auto& lemma : proof->lemmas) try {
                    judge_lemma(t.statement, lemma, *p, orig.id.c_str());
                    ++stats.judged;
                } catch (const Undefined&) {
                    ++stats.undefined;
                }
    }
    if (auto cx = cs.run(8)) {
        std::fprintf(stderr, "SOUNDNESS: kernel verified %s but %s\n", orig.id.c_str(), cx->c_str());
        __builtin_trap();
    }
    return 0;
}
