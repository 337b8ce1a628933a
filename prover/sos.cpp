#include "prover/sos.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <unistd.h>

namespace icl::prover {

using cert::Certificate;
using cert::PsatzNode;
using cert::PsatzPtr;
using kernel::Rel;

namespace {

PsatzPtr mk(PsatzNode n) { return std::make_shared<const PsatzNode>(std::move(n)); }

unsigned exp_of(const Mono& m, unsigned a) {
    for (auto& [x, e] : m)
        if (x == a) return e;
    return 0;
}

// Exact Gram matrix for f over `basis` from csdp's floating answer; nullopt if csdp fails or rounding does
// not give a positive semidefinite matrix. On success `d` and `L` give f = Σ d_k (Σ_j L[j][k] m_j)².
struct Factor {
    std::vector<Rational> d;
    std::vector<std::vector<Rational>> L;
};

std::optional<Factor> gram(const Poly& f, const std::vector<Mono>& basis, Clock::time_point deadline) {
    const std::size_t n = basis.size();
    std::map<Mono, std::vector<std::pair<unsigned, unsigned>>> pairs;  // α -> ordered (i, j) with m_i m_j = α
    for (unsigned i = 0; i < n; ++i)
        for (unsigned j = 0; j < n; ++j) pairs[mono_mul(basis[i], basis[j])].emplace_back(i, j);
    for (auto& [m, c] : f.terms())
        if (!pairs.count(m)) return std::nullopt;  // a monomial of f outside the square of the basis
    double secs = std::chrono::duration<double>(deadline - Clock::now()).count();
    if (secs < 0.05) return std::nullopt;
    char tmpl[] = "/tmp/icl_sos_XXXXXX";
    if (!mkdtemp(tmpl)) return std::nullopt;
    const std::string dir = tmpl, in = dir + "/p.dat-s", out = dir + "/p.sol";
    {
        std::ofstream o(in);
        o.precision(17);
        o << pairs.size() << "\n1\n" << n << "\n";
        for (auto& [m, v] : pairs) {
            auto it = f.terms().find(m);
            o << (it == f.terms().end() ? 0.0 : it->second.convert_to<double>()) << " ";
        }
        o << "\n";
        unsigned k = 0;
        for (auto& [m, v] : pairs) {
            ++k;
            for (auto& [i, j] : v)
                if (i <= j) o << k << " 1 " << i + 1 << " " << j + 1 << " 1\n";
        }
    }
    char cmd[512];
    std::snprintf(cmd, sizeof cmd, "timeout %.2f csdp %s %s > %s/log 2>&1", secs, in.c_str(), out.c_str(), dir.c_str());
    int rc = std::system(cmd);
    std::vector<std::vector<double>> X(n, std::vector<double>(n, 0));
    bool ok = false;
    if (rc != -1) {
        std::ifstream s(out);
        std::string line;
        std::getline(s, line);  // y
        int mat, blk, i, j;
        double v;
        while (s >> mat >> blk >> i >> j >> v)
            if (mat == 2 && i >= 1 && j >= 1 && static_cast<std::size_t>(i) <= n && static_cast<std::size_t>(j) <= n) {
                X[i - 1][j - 1] = X[j - 1][i - 1] = v;
                ok = true;
            }
    }
    std::error_code ec;
    if (!std::getenv("ICL_SOS_KEEP")) std::filesystem::remove_all(dir, ec);
    if (!ok) return std::nullopt;
    for (int bits : {12, 20, 30}) {
        check_budget();
        const double scale = std::ldexp(1.0, bits);
        std::vector<std::vector<Rational>> Q(n, std::vector<Rational>(n));
        for (std::size_t i = 0; i < n; ++i)
            for (std::size_t j = i; j < n; ++j) {
                Rational q(static_cast<long long>(std::llround(X[i][j] * scale)));
                q /= Rational(static_cast<long long>(1) << bits);
                Q[i][j] = Q[j][i] = q;
            }
        // exact projection: spread each coefficient's residual evenly over its ordered pairs
        for (auto& [m, v] : pairs) {
            Rational want = 0, have = 0;
            auto it = f.terms().find(m);
            if (it != f.terms().end()) want = it->second;
            for (auto& [i, j] : v) have += Q[i][j];
            Rational r = (want - have) / Rational(static_cast<long long>(v.size()));
            if (r != 0)
                for (auto& [i, j] : v) Q[i][j] += r;  // v is symmetric, so Q stays symmetric
        }
        // exact LDLᵀ
        Factor F;
        F.d.assign(n, 0);
        F.L.assign(n, std::vector<Rational>(n, 0));
        bool psd = true;
        std::vector<std::vector<Rational>> A = Q;
        for (std::size_t k = 0; k < n && psd; ++k) {
            F.L[k][k] = 1;
            F.d[k] = A[k][k];
            if (F.d[k] < 0) psd = false;
            else if (F.d[k] == 0) {
                for (std::size_t j = k + 1; j < n; ++j)
                    if (A[j][k] != 0) psd = false;
            } else {
                for (std::size_t j = k + 1; j < n; ++j) F.L[j][k] = A[j][k] / F.d[k];
                for (std::size_t i = k + 1; i < n; ++i)
                    for (std::size_t j = k + 1; j < n; ++j) A[i][j] -= F.L[i][k] * F.d[k] * F.L[j][k];
            }
        }
        if (psd) return F;
    }
    return std::nullopt;
}

}  // namespace

SearchResult search_sos(const Problem& p, Clock::time_point deadline) {
    SearchResult res;
    if (p.goal_rel != Rel::Ge && p.goal_rel != Rel::Le) {
        res.why = "sos: goal is not a non-strict inequality";
        return res;
    }
    const Poly f0 = p.goal_rel == Rel::Ge ? p.goal_diff : -p.goal_diff;  // goal: f0 >= 0
    std::set<unsigned> atom_set;
    for (auto& [m, c] : f0.terms())
        for (auto& [a, e] : m) atom_set.insert(a);
    const std::vector<unsigned> atoms(atom_set.begin(), atom_set.end());
    if (atoms.empty() || atoms.size() > 6 || f0.degree() > 12) {
        res.why = "sos: too many atoms or degree too high";
        return res;
    }
    for (unsigned k = 0; k <= 1; ++k) {
        if (Clock::now() > deadline) {
            res.timed_out = true;
            res.why = "sos: budget ran out";
            return res;
        }
        Poly mult = Poly::constant(1);
        if (k == 1)
            for (unsigned a : atoms) mult = mult + Poly::atom(a) * Poly::atom(a);
        const Poly f = mult * f0;
        if (f.degree() % 2) continue;
        std::map<unsigned, unsigned> maxe;
        for (auto& [m, c] : f.terms())
            for (auto& [a, e] : m) maxe[a] = std::max(maxe[a], e);
        std::vector<Mono> basis;
        for (auto& m : monomials_up_to(atoms, f.degree() / 2)) {
            bool fits = true;
            for (unsigned a : atoms)
                if (2 * exp_of(m, a) > maxe[a]) fits = false;
            if (fits) basis.push_back(m);
        }
        // prune m when m² is absent from f and only m·m produces it (its Gram row must then vanish)
        for (bool changed = true; changed;) {
            changed = false;
            std::map<Mono, unsigned> count;
            for (auto& a : basis)
                for (auto& b : basis) ++count[mono_mul(a, b)];
            for (std::size_t i = 0; i < basis.size(); ++i) {
                Mono sq = mono_mul(basis[i], basis[i]);
                if (count[sq] == 1 && !f.terms().count(sq)) {
                    basis.erase(basis.begin() + static_cast<long>(i));
                    changed = true;
                    break;
                }
            }
        }
        if (basis.empty() || basis.size() > 120) continue;
        auto F = gram(f, basis, deadline);
        if (!F) continue;
        PsatzNode root;
        root.kind = PsatzNode::Kind::Add;
        PsatzNode ng;
        ng.kind = PsatzNode::Kind::NegGoal;
        if (k == 0) {
            root.children.push_back(mk(ng));
        } else {  // (1 + Σ x²)·(−f0) > 0
            PsatzNode pos;
            pos.kind = PsatzNode::Kind::Add;
            PsatzNode one;
            one.kind = PsatzNode::Kind::Const;
            one.value = 1;
            pos.children.push_back(mk(one));
            for (unsigned a : atoms) {
                PsatzNode sq;
                sq.kind = PsatzNode::Kind::Square;
                sq.poly = Poly::atom(a).to_term(p.atoms);
                pos.children.push_back(mk(sq));
            }
            PsatzNode prod;
            prod.kind = PsatzNode::Kind::Mul;
            prod.children = {mk(pos), mk(ng)};
            root.children.push_back(mk(prod));
        }
        Poly check = -f;
        for (std::size_t c = 0; c < basis.size(); ++c) {
            if (F->d[c] == 0) continue;
            Poly l;
            for (std::size_t j = c; j < basis.size(); ++j)
                if (F->L[j][c] != 0) l = l + Poly::monomial(basis[j], F->L[j][c]);
            check = check + (l * l).scaled(F->d[c]);
            PsatzNode sq;
            sq.kind = PsatzNode::Kind::Square;
            sq.poly = l.to_term(p.atoms);
            if (F->d[c] == 1) {
                root.children.push_back(mk(sq));
            } else {
                PsatzNode cst;
                cst.kind = PsatzNode::Kind::Const;
                cst.value = F->d[c];
                PsatzNode m;
                m.kind = PsatzNode::Kind::Mul;
                m.children = {mk(cst), mk(sq)};
                root.children.push_back(mk(m));
            }
        }
        if (!check.is_zero()) continue;  // cannot happen after the exact projection
        Certificate c;
        c.kind = Certificate::Kind::Psatz;
        c.refutation = mk(root);
        res.cert = c;
        res.method = "sos (Gram matrix, csdp" + std::string(k ? ", multiplier 1 + sum of squares" : "") + ", " +
                     std::to_string(basis.size()) + " monomials)";
        return res;
    }
    res.why = "sos: no Gram matrix found";
    return res;
}

}  // namespace icl::prover
