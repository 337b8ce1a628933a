// icl-bench: in-process measurements of the kernel (not a test; run by bench/run.sh).
//
//   icl-bench corpus [REPS]        per-theorem load / normalise / check times (medians over REPS runs)
//   icl-bench scale FAMILY N [S]   one generated valid certificate of size N: check time and memory
//   icl-bench check-file FILE...   load corpus files (file-size limit raised to 1 GiB, kernel limits as for
//                                  scale) and check them as `icl-kernel check` does: load / check / witness
//                                  times (bench/scale_peers.py uses it for files over the CLI's 16 MiB limit)
//
// Output is tab-separated, one record per line, first field the record type, so that bench/run.py
// can parse it. Generated certificates are built directly as kernel data structures (no XML), with
// sums written as balanced trees so that the term nesting stays logarithmic.
#include "export/normal_form.hpp"
#include "frontend/witness.hpp"
#include "export/catalogue.hpp"
#include "frontend/corpus.hpp"
#include "frontend/certificate.hpp"
#include "kernel/kernel.hpp"

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace k = icl::kernel;
namespace c = icl::cert;
using Clock = std::chrono::steady_clock;

namespace {

double ms_since(Clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

double median(std::vector<double> v) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    std::size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

// Median wall time of `f` in ms over `reps` runs.
double time_ms(int reps, const std::function<void()>& f) {
    std::vector<double> t;
    for (int r = 0; r < reps; ++r) {
        auto t0 = Clock::now();
        f();
        t.push_back(ms_since(t0));
    }
    return median(t);
}

// Peak RSS of this process image. VmHWM rather than getrusage's ru_maxrss: Linux carries ru_maxrss over
// fork and exec, so a child of a large parent (python) would report the parent's size.
long peak_rss_kb() {
    std::ifstream in("/proc/self/status");
    for (std::string line; std::getline(in, line);)
        if (line.rfind("VmHWM:", 0) == 0) return std::atol(line.c_str() + 6);
    struct rusage ru {};
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss;
}

double cpu_ms() {  // CPU time of this process (not inflated by waiting for a core on a shared machine)
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

long current_rss_kb() {
    std::ifstream in("/proc/self/statm");
    long pages = 0, resident = 0;
    in >> pages >> resident;
    return resident * (sysconf(_SC_PAGESIZE) / 1024);
}

// ---------------------------------------------------------------- corpus figures
int run_corpus(int reps) {
    // Load = parse the embedded XML and build kernel structures (the front end's work).
    icl::frontend::Corpus corpus;
    double load_ms = time_ms(reps, [&] { corpus = icl::frontend::load_embedded_corpus(); });
    std::printf("load\t%zu\t%.4f\n", corpus.theorems.size(), load_ms);

    const k::Limits limits;
    double total_check = 0, total_norm = 0, total_witness = 0;
    for (const auto& e : corpus.theorems) {
        const c::Theorem& t = e.theorem;
        const k::Statement& st = t.statement;
        // Normalise: every hypothesis and every goal as lhs - rhs (sum goals are left to the sum rules).
        std::size_t norm_terms = 0;
        auto normalise_all = [&] {
            norm_terms = 0;
            for (const auto& h : st.hypotheses) {
                auto p = icl::export_::normalize(*k::sub(h.prop.lhs, h.prop.rhs), st, h.forall_index, limits);
                norm_terms = std::max(norm_terms, p.monomials.size());
            }
            for (const auto& g : st.goals) {
                if (g.lhs->kind == k::Term::Kind::Sum || g.rhs->kind == k::Term::Kind::Sum) continue;
                auto p = icl::export_::normalize(*k::sub(g.lhs, g.rhs), st, "", limits);
                norm_terms = std::max(norm_terms, p.monomials.size());
            }
        };
        bool ok = true;
        double norm_ms = time_ms(reps, normalise_all);
        double check_ms = time_ms(reps, [&] { ok = c::check_theorem(t, limits).verdict == k::Verdict::Verified; });
        bool wok = true;
        double witness_ms = time_ms(reps, [&] {
            wok = icl::frontend::check_witness(st, t.witness, limits).verdict == k::Verdict::Verified &&
                  icl::frontend::check_goal_at_witness(st, t.witness, limits).verdict == k::Verdict::Verified;
        });
        std::string kinds;
        for (const auto& c : t.proofs) {
            if (!kinds.empty()) kinds.push_back('+');
            kinds.append(icl::export_::certificate_kind_name(c));
        }
        std::printf("theorem\t%s\t%s\t%s\t%.4f\t%.4f\t%.4f\t%zu\t%s\n", t.id.c_str(), t.name.c_str(), kinds.c_str(),
                    norm_ms, check_ms, witness_ms, norm_terms, ok && wok ? "verified" : "FAILED");
        total_check += check_ms;
        total_norm += norm_ms;
        total_witness += witness_ms;
    }
    // The whole in-process pipeline of `icl-kernel check` (load + check + witnesses), median over reps.
    bool all_ok = true;
    double pipeline_ms = time_ms(reps, [&] {
        auto c = icl::frontend::load_embedded_corpus();
        k::Library library;
        for (const auto& e : c.theorems) {
            all_ok &= c::check_theorem(e.theorem, library, limits).verdict == k::Verdict::Verified;
            all_ok &= icl::frontend::check_witness(e.theorem.statement, e.theorem.witness, limits).verdict == k::Verdict::Verified;
        }
    });
    std::printf("totals\t%.4f\t%.4f\t%.4f\t%.4f\t%s\n", total_norm, total_check, total_witness, pipeline_ms,
                all_ok ? "verified" : "FAILED");
    std::printf("peak_rss_kb\t%ld\n", peak_rss_kb());
    return all_ok ? 0 : 1;
}

// ---------------------------------------------------------------- generated families
// Balanced sum of terms[lo, hi).
k::TermPtr balanced_sum(const std::vector<k::TermPtr>& terms, std::size_t lo, std::size_t hi) {
    if (hi - lo == 1) return terms[lo];
    std::size_t mid = lo + (hi - lo) / 2;
    return k::add(balanced_sum(terms, lo, mid), balanced_sum(terms, mid, hi));
}
k::TermPtr balanced_sum(const std::vector<k::TermPtr>& terms) {
    return terms.empty() ? k::number(0) : balanced_sum(terms, 0, terms.size());
}

// Balanced psatz <add> of nodes[lo, hi) (binary nesting), or one flat <add> node.
c::PsatzPtr psatz_add(std::vector<c::PsatzPtr> children) {
    auto n = std::make_shared<c::PsatzNode>();
    n->kind = c::PsatzNode::Kind::Add;
    n->children = std::move(children);
    return n;
}
c::PsatzPtr balanced_psatz_add(const std::vector<c::PsatzPtr>& nodes, std::size_t lo, std::size_t hi) {
    if (hi - lo == 1) return nodes[lo];
    std::size_t mid = lo + (hi - lo) / 2;
    return psatz_add({balanced_psatz_add(nodes, lo, mid), balanced_psatz_add(nodes, mid, hi)});
}
c::PsatzPtr leaf(c::PsatzNode::Kind kind, const std::string& hyp = {}, k::TermPtr poly = nullptr) {
    auto n = std::make_shared<c::PsatzNode>();
    n->kind = kind;
    n->hyp = hyp;
    n->poly = std::move(poly);
    return n;
}

// The first `count` monomials of degree >= 1 in `m` variables, graded (by total degree, then
// lexicographic on the exponent vector). Enough of them exist for count <= C(m + 64, m) - 1.
std::vector<std::vector<unsigned>> monomials(unsigned m, std::size_t count) {
    std::vector<std::vector<unsigned>> out;
    for (unsigned deg = 1; out.size() < count; ++deg) {
        std::vector<unsigned> e(m, 0);
        // all exponent vectors of total degree `deg`, in lexicographic order (descending first entry)
        std::function<void(unsigned, unsigned)> rec = [&](unsigned i, unsigned left) {
            if (out.size() >= count) return;
            if (i == m - 1) {
                e[i] = left;
                out.push_back(e);
                return;
            }
            for (unsigned a = left + 1; a-- > 0;) {
                e[i] = a;
                rec(i + 1, left - a);
                if (out.size() >= count) return;
            }
        };
        rec(0, deg);
    }
    return out;
}

std::vector<std::string> var_names(const char* prefix, unsigned m) {
    std::vector<std::string> v;
    for (unsigned i = 0; i < m; ++i) {
        std::string name(prefix);
        name.append(std::to_string(i));
        v.push_back(std::move(name));
    }
    return v;
}

// The monomials of a family, each built once: x^e is the product, left to right, of x_i or x_i^e_i over
// the variables it has, written as (the same product without its last variable) · (the last factor), so
// the terms are those one would write out, shared in memory (a DAG, as the ring family's expansion shares
// its prefixes): one new Mul node per monomial. The kernel still normalises every occurrence of every node.
struct MonomialTerms {
    std::vector<k::TermPtr> vars;
    std::map<std::vector<unsigned>, k::TermPtr> made;
    std::map<std::pair<std::size_t, unsigned>, k::TermPtr> powers;
    k::TermPtr operator()(std::vector<unsigned> e) {
        if (auto it = made.find(e); it != made.end()) return it->second;
        std::size_t j = e.size();
        while (j > 0 && e[j - 1] == 0) --j;
        if (j == 0) return k::number(1);
        const auto key = e;
        const unsigned last = e[j - 1];
        k::TermPtr& f = powers[{j - 1, last}];
        if (!f) f = last == 1 ? vars[j - 1] : k::pow(vars[j - 1], last);
        e[j - 1] = 0;
        bool first = std::all_of(e.begin(), e.end(), [](unsigned x) { return x == 0; });
        k::TermPtr t = first ? f : k::mul((*this)(e), f);
        made.emplace(key, t);
        return t;
    }
};

struct Generated {
    c::Theorem theorem;
    std::size_t terms = 0;   // monomials of the normalised goal (lhs − rhs); 0: count after measuring
    std::string shape;       // human-readable description of the size parameter
    // generator state kept until the input is freed (freeing it before the check would leave the check a
    // fragmented heap to allocate from, which costs glibc's malloc more than the check itself)
    std::shared_ptr<void> keep;
};

// ring N: (1 + x0)(1 + x1)…(1 + x_{N-1}) = Σ_{S ⊆ {0..N-1}} Π_{i∈S} x_i   (2^N monomials)
// The expanded side shares each monomial's prefix term (x_S·x_i is mul(term(S), x_i)), so its size
// as written is 2·2^N nodes; the kernel still normalises each monomial separately.
Generated gen_ring(unsigned n) {
    Generated g;
    auto names = var_names("x", n);
    std::vector<k::TermPtr> vars;
    for (const auto& s : names) vars.push_back(k::var(s));
    k::TermPtr lhs;
    std::vector<k::TermPtr> mono_only{nullptr};  // monomials of Π_{i<j}(1 + x_i); nullptr stands for 1
    for (unsigned i = 0; i < n; ++i) {
        k::TermPtr factor = k::add(k::number(1), vars[i]);
        lhs = i == 0 ? factor : k::mul(lhs, factor);
        std::size_t sz = mono_only.size();
        for (std::size_t j = 0; j < sz; ++j) mono_only.push_back(mono_only[j] ? k::mul(mono_only[j], vars[i]) : vars[i]);
    }
    std::vector<k::TermPtr> expansion;
    for (auto& t : mono_only) expansion.push_back(t ? t : k::number(1));
    g.theorem.id = std::string("ring").append(std::to_string(n));
    g.theorem.name = "product_of_linear_factors";
    g.theorem.statement.reals = names;
    g.theorem.statement.goals.push_back({lhs, k::Rel::Eq, balanced_sum(expansion)});
    g.theorem.proofs.push_back(c::Certificate{});  // ring
    g.terms = std::size_t{1} << n;
    g.shape = std::to_string(n) + " linear factors";
    return g;
}

// psatz N: hypotheses x_j >= 0 (m = 10 variables); goal Σ_{k<N} c_k μ_k >= 0 over the first N monomials;
// certificate <add> of neg_goal and N products <mul><const c_k/><hyp x_j/>…</mul>.
// `tree`: the <add> is nested as a balanced binary tree instead of one flat node with N+1 children.
Generated gen_psatz(std::size_t count, bool tree) {
    const unsigned m = 10;
    Generated g;
    auto names = var_names("x", m);
    std::vector<k::TermPtr> vars;
    for (const auto& s : names) vars.push_back(k::var(s));
    auto& st = g.theorem.statement;
    st.reals = names;
    // Leaves are shared between the products (the tree is a DAG in memory; the kernel evaluates
    // every occurrence, exactly as for a tree written out in XML).
    std::vector<c::PsatzPtr> hyp_leaf, const_leaf;
    for (unsigned j = 0; j < m; ++j) {
        std::string h = "h";
        h.append(std::to_string(j));
        st.hypotheses.push_back({h, {vars[j], k::Rel::Ge, k::number(0)}, "", ""});
        hyp_leaf.push_back(leaf(c::PsatzNode::Kind::Hyp, h));
    }
    for (long c = 1; c <= 7; ++c) {
        auto cn = std::make_shared<c::PsatzNode>();
        cn->kind = c::PsatzNode::Kind::Const;
        cn->value = c;
        const_leaf.push_back(cn);
    }
    auto monos = monomials(m, count);
    std::vector<k::TermPtr> summands, numbers;
    for (long c = 0; c <= 7; ++c) numbers.push_back(k::number(c));
    auto terms = std::make_shared<MonomialTerms>(MonomialTerms{vars, {}, {}});
    g.keep = terms;
    MonomialTerms& term = *terms;
    std::vector<c::PsatzPtr> nodes{leaf(c::PsatzNode::Kind::NegGoal)};
    for (std::size_t i = 0; i < monos.size(); ++i) {
        long c = static_cast<long>(i % 7) + 1;
        summands.push_back(c == 1 ? term(monos[i]) : k::mul(numbers[std::size_t(c)], term(monos[i])));
        auto prod = std::make_shared<c::PsatzNode>();
        prod->kind = c::PsatzNode::Kind::Mul;
        prod->children.push_back(const_leaf[static_cast<std::size_t>(c - 1)]);
        for (unsigned j = 0; j < m; ++j)
            for (unsigned e = 0; e < monos[i][j]; ++e) prod->children.push_back(hyp_leaf[j]);
        nodes.push_back(prod);
    }
    st.goals.push_back({balanced_sum(summands), k::Rel::Ge, k::number(0)});
    c::Certificate cert;
    cert.kind = c::Certificate::Kind::Psatz;
    cert.refutation = tree ? balanced_psatz_add(nodes, 0, nodes.size()) : psatz_add(nodes);
    g.theorem.proofs.push_back(cert);
    g.theorem.id = std::string(tree ? "psatz-tree" : "psatz").append(std::to_string(count));
    g.terms = monos.size();
    g.shape = std::to_string(count) + " products";
    return g;
}

// sos N: goal Σ_{k<N} (μ_k − μ_{k+1})² >= 0 (m = 10 variables), certificate <add> of neg_goal and the
// N squares <square of="μ_k − μ_{k+1}"/> (flat, or nested as a balanced tree with `tree`).
Generated gen_sos(std::size_t count, bool tree) {
    const unsigned m = 10;
    Generated g;
    auto names = var_names("x", m);
    std::vector<k::TermPtr> vars;
    for (const auto& s : names) vars.push_back(k::var(s));
    auto& st = g.theorem.statement;
    st.reals = names;
    auto monos = monomials(m, count + 1);
    std::vector<k::TermPtr> summands;
    auto terms = std::make_shared<MonomialTerms>(MonomialTerms{vars, {}, {}});
    g.keep = terms;
    MonomialTerms& term = *terms;
    std::vector<c::PsatzPtr> nodes{leaf(c::PsatzNode::Kind::NegGoal)};
    for (std::size_t i = 0; i < count; ++i) {
        k::TermPtr d = k::sub(term(monos[i]), term(monos[i + 1]));
        summands.push_back(k::pow(d, 2));
        nodes.push_back(leaf(c::PsatzNode::Kind::Square, "", d));
    }
    k::TermPtr lhs = balanced_sum(summands);
    st.goals.push_back({lhs, k::Rel::Ge, k::number(0)});
    c::Certificate cert;
    cert.kind = c::Certificate::Kind::Psatz;
    cert.refutation = tree ? balanced_psatz_add(nodes, 0, nodes.size()) : psatz_add(nodes);
    g.theorem.proofs.push_back(cert);
    g.theorem.id = std::string(tree ? "sos-tree" : "sos").append(std::to_string(count));
    g.terms = 0;  // counted by normalising the goal after the measurement (see run_scale)
    g.shape = std::to_string(count) + " squares";
    return g;
}

int run_scale(const std::string& family, std::size_t n, double budget_ms, int max_reps) {
    k::Limits limits;
    limits.max_terms = 50'000'000;
    limits.max_degree = 256;
    limits.max_steps = 1'000'000'000;  // default 10⁶ term nodes per check: the largest points visit more
    long rss0 = current_rss_kb();
    auto t0 = Clock::now();
    Generated g;
    if (family == "ring") g = gen_ring(static_cast<unsigned>(n));
    else if (family == "psatz") g = gen_psatz(n, false);
    else if (family == "psatz-tree") g = gen_psatz(n, true);
    else if (family == "sos") g = gen_sos(n, false);
    else if (family == "sos-tree") g = gen_sos(n, true);
    else throw std::runtime_error("unknown family '" + family + "' (ring, psatz, psatz-tree, sos, sos-tree)");
    double build_ms = ms_since(t0);
    long rss_input = current_rss_kb();

    // One run, then repeat while the budget allows (at least 1, at most max_reps runs).
    std::vector<double> times, cpu;
    std::string verdict;
    do {
        auto t1 = Clock::now();
        double c1 = cpu_ms();
        k::CheckResult r = c::check_theorem(g.theorem, limits);
        cpu.push_back(cpu_ms() - c1);
        times.push_back(ms_since(t1));
        verdict = r.verdict == k::Verdict::Verified ? "verified" : "REJECTED: " + r.message;
    } while (static_cast<int>(times.size()) < max_reps && median(times) * (times.size() + 1) < budget_ms);
    long peak = peak_rss_kb();
    if (g.terms == 0) {  // after the peak was read, so that it does not count towards memory or time
        const auto& goal = g.theorem.statement.goals.at(0);
        g.terms = icl::export_::normalize(*k::sub(goal.lhs, goal.rhs), g.theorem.statement, "", limits).monomials.size();
    }
    // family, parameter, terms, build ms, check wall ms and CPU ms (medians), runs, RSS (KB) before the
    // build, RSS with the input built, peak RSS, description, verdict
    std::printf("scale\t%s\t%zu\t%zu\t%.3f\t%.4f\t%.4f\t%zu\t%ld\t%ld\t%ld\t%s\t%s\n", family.c_str(), n, g.terms,
                build_ms, median(times), median(cpu), times.size(), rss0, rss_input, peak, g.shape.c_str(),
                verdict.c_str());
    return verdict == "verified" ? 0 : 1;
}

// As `icl-kernel check FILE...` (proof, witness, goal at the witness, one Library), with the front end's
// file-size limit and the kernel limits raised; prints the time split between the front end and the kernel.
int run_check_files(const std::vector<std::string>& files) {
    icl::frontend::ParseLimits plimits;
    plimits.max_file_bytes = std::size_t{1} << 30;
    k::Limits limits;
    limits.max_terms = 50'000'000;
    limits.max_degree = 256;
    limits.max_steps = 1'000'000'000;
    auto t0 = Clock::now();
    double c0 = cpu_ms();
    icl::frontend::Corpus corpus = icl::frontend::load_corpus_files(files, plimits);
    double load_ms = ms_since(t0), load_cpu = cpu_ms() - c0;
    long rss_loaded = current_rss_kb();
    k::Library library;
    bool ok = true;
    double check_cpu = 0, witness_cpu = 0;
    std::string why;
    for (const auto& e : corpus.theorems) {
        double c1 = cpu_ms();
        k::CheckResult r = c::check_theorem(e.theorem, library, limits);
        double c2 = cpu_ms();
        k::CheckResult w = icl::frontend::check_witness(e.theorem.statement, e.theorem.witness, limits);
        k::CheckResult g = icl::frontend::check_goal_at_witness(e.theorem.statement, e.theorem.witness, limits);
        witness_cpu += cpu_ms() - c2;
        check_cpu += c2 - c1;
        for (const auto* x : {&r, &w, &g})
            if (x->verdict != k::Verdict::Verified) {
                ok = false;
                if (why.empty()) why = e.theorem.id + ": " + x->message;
            }
    }
    // files, theorems, load ms (wall), load CPU ms, check CPU ms, witness CPU ms, RSS after loading, peak RSS, verdict
    std::printf("checkfile\t%zu\t%zu\t%.3f\t%.3f\t%.3f\t%.3f\t%ld\t%ld\t%s\n", files.size(), corpus.theorems.size(),
                load_ms, load_cpu, check_cpu, witness_cpu, rss_loaded, peak_rss_kb(),
                ok ? "verified" : ("REJECTED: " + why).c_str());
    return ok ? 0 : 1;
}

int usage() {
    std::fprintf(stderr,
                 "usage: icl-bench corpus [REPS]\n"
                 "       icl-bench scale ring|psatz|psatz-tree|sos|sos-tree N [BUDGET_MS [MAX_REPS]]\n"
                 "       icl-bench check-file FILE...\n");
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        if (argc < 2) return usage();
        std::string cmd = argv[1];
        if (cmd == "corpus") return run_corpus(argc > 2 ? std::atoi(argv[2]) : 21);
        if (cmd == "scale" && argc >= 4)
            return run_scale(argv[2], std::strtoull(argv[3], nullptr, 10), argc > 4 ? std::atof(argv[4]) : 2000.0,
                             argc > 5 ? std::atoi(argv[5]) : 7);
        if (cmd == "check-file" && argc >= 3) return run_check_files(std::vector<std::string>(argv + 2, argv + argc));
        return usage();
    } catch (const std::exception& e) {
        std::fprintf(stderr, "icl-bench: %s\n", e.what());
        return 2;
    }
}
