#include "prover/exact_lp.hpp"

#include "prover/linalg.hpp"

#include <cmath>
#include <cstdlib>
#include <optional>

#ifdef ICL_HAVE_GLPK
#include <glpk.h>
#endif

namespace icl::prover {

namespace {

LpResult exact_simplex(unsigned m, const std::vector<Rational>& b_in, const std::vector<SparseColumn>& cols,
                       std::chrono::steady_clock::time_point deadline);

#ifdef ICL_HAVE_GLPK
// GLPK's simplex (floating point, then its exact rational simplex glp_exact from that basis) picks a basis;
// the basic solution is then recomputed exactly over ℚ (FLINT) and verified here. GLPK's numbers are never
// used: only which columns are basic. Returns nullopt when GLPK cannot be used or its basis does not verify.
std::optional<LpResult> glpk_route(unsigned m, const std::vector<Rational>& b, const std::vector<SparseColumn>& cols,
                                   std::chrono::steady_clock::time_point deadline) {
    using boost::multiprecision::denominator;
    using boost::multiprecision::numerator;
    const std::size_t n = cols.size();
    // scale every row to integers so that GLPK's doubles hold the system exactly
    std::vector<Integer> scale(m, Integer(1));
    auto lcm_in = [&](unsigned r, const Rational& v) {
        Integer d = denominator(v);
        if (d != 1) scale[r] = boost::multiprecision::lcm(scale[r], d);
    };
    for (auto& c : cols)
        for (auto& [r, v] : c.entries) lcm_in(r, v);
    for (unsigned r = 0; r < m; ++r) lcm_in(r, b[r]);
    const double limit = 9007199254740992.0;  // 2^53
    auto exact_double = [&](const Rational& v, unsigned r, double& out) {
        Rational s = v * Rational(scale[r]);
        Integer k = numerator(s);
        if (abs(k) >= Integer(limit)) return false;
        out = k.convert_to<double>();
        return true;
    };
    std::vector<int> ia{0}, ja{0};
    std::vector<double> ar{0.0};
    for (std::size_t j = 0; j < n; ++j)
        for (auto& [r, v] : cols[j].entries) {
            double d;
            if (!exact_double(v, r, d)) return std::nullopt;
            ia.push_back(static_cast<int>(r) + 1);
            ja.push_back(static_cast<int>(j) + 1);
            ar.push_back(d);
        }
    glp_term_out(GLP_OFF);
    glp_prob* lp = glp_create_prob();
    struct Free {
        glp_prob* p;
        ~Free() { glp_delete_prob(p); }
    } guard{lp};
    glp_set_obj_dir(lp, GLP_MIN);
    if (m > 0) glp_add_rows(lp, static_cast<int>(m));
    if (n > 0) glp_add_cols(lp, static_cast<int>(n));
    for (unsigned r = 0; r < m; ++r) {
        double d;
        if (!exact_double(b[r], r, d)) return std::nullopt;
        glp_set_row_bnds(lp, static_cast<int>(r) + 1, GLP_FX, d, d);
    }
    for (std::size_t j = 0; j < n; ++j) glp_set_col_bnds(lp, static_cast<int>(j) + 1, GLP_LO, 0.0, 0.0);
    glp_load_matrix(lp, static_cast<int>(ia.size()) - 1, ia.data(), ja.data(), ar.data());
    glp_smcp parm;
    glp_init_smcp(&parm);
    parm.msg_lev = GLP_MSG_OFF;
    parm.presolve = GLP_OFF;
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()).count();
    if (ms <= 0) return LpResult{LpStatus::Timeout, {}, 0};
    parm.tm_lim = static_cast<int>(std::min<long long>(ms, 1'000'000'000));
    glp_adv_basis(lp, 0);
    int rc = glp_simplex(lp, &parm);
    if (rc == GLP_ETMLIM) return LpResult{LpStatus::Timeout, {}, 0};
    rc = glp_exact(lp, &parm);
    if (rc == GLP_ETMLIM) return LpResult{LpStatus::Timeout, {}, 0};
    if (rc != 0) return std::nullopt;
    int st = glp_get_status(lp);
    LpResult res;
    res.pivots = 0;
    if (st == GLP_NOFEAS) {
        res.status = LpStatus::Infeasible;
        return res;
    }
    if (st != GLP_OPT && st != GLP_FEAS) return std::nullopt;
    // exact basic solution: nonbasic columns at 0, basic columns from A_B x_B = b
    std::vector<std::size_t> basic;
    for (std::size_t j = 0; j < n; ++j)
        if (glp_get_col_stat(lp, static_cast<int>(j) + 1) == GLP_BS) basic.push_back(j);
    std::vector<SparseColumn> sub;
    for (auto j : basic) sub.push_back(cols[j]);
    auto xb = solve_linear(m, b, sub);
    if (!xb) return std::nullopt;
    res.x.assign(n, Rational(0));
    for (std::size_t k = 0; k < basic.size(); ++k) {
        if ((*xb)[k] < 0) return std::nullopt;
        res.x[basic[k]] = (*xb)[k];
    }
    // verify A x = b exactly
    std::vector<Rational> lhs(m);
    for (std::size_t j = 0; j < n; ++j)
        if (res.x[j] != 0)
            for (auto& [r, v] : cols[j].entries) lhs[r] += v * res.x[j];
    for (unsigned r = 0; r < m; ++r)
        if (lhs[r] != b[r]) return std::nullopt;
    res.status = LpStatus::Feasible;
    res.pivots = basic.size();
    return res;
}
#endif

}  // namespace

LpResult solve_feasibility(unsigned m, const std::vector<Rational>& b_in, const std::vector<SparseColumn>& cols,
                           std::chrono::steady_clock::time_point deadline) {
#ifdef ICL_HAVE_GLPK
    if (!std::getenv("ICL_PROVE_NO_GLPK"))
        if (auto r = glpk_route(m, b_in, cols, deadline)) return *r;
#endif
    return exact_simplex(m, b_in, cols, deadline);
}

LpResult solve_feasibility_exact(unsigned m, const std::vector<Rational>& b, const std::vector<SparseColumn>& cols,
                                 std::chrono::steady_clock::time_point deadline) {
    return exact_simplex(m, b, cols, deadline);
}

namespace {
LpResult exact_simplex(unsigned m, const std::vector<Rational>& b_in, const std::vector<SparseColumn>& cols,
                           std::chrono::steady_clock::time_point deadline) {
    const std::size_t n = cols.size();
    LpResult res;
    // Dense tableau [A | b], rows with b >= 0; the initial basis is the (implicit) artificial variables.
    std::vector<std::vector<Rational>> T(m, std::vector<Rational>(n + 1));
    for (std::size_t j = 0; j < n; ++j)
        for (auto& [r, v] : cols[j].entries) T.at(r)[j] += v;
    for (unsigned i = 0; i < m; ++i) {
        T[i][n] = b_in.at(i);
        if (T[i][n] < 0)
            for (auto& v : T[i]) v = -v;
    }
    // basis[i] < n: an original column; basis[i] >= n: artificial n + i.
    std::vector<std::size_t> basis(m);
    for (unsigned i = 0; i < m; ++i) basis[i] = n + i;
    // Reduced costs of phase 1 (minimise the sum of artificials); z[n] = -(objective value).
    std::vector<Rational> z(n + 1);
    for (unsigned i = 0; i < m; ++i)
        for (std::size_t j = 0; j <= n; ++j)
            if (T[i][j] != 0) z[j] -= T[i][j];

    unsigned degenerate_run = 0;
    bool bland = false;
    std::vector<std::size_t> nz;
    while (true) {
        if (z[n] == 0) break;  // all artificials at zero: feasible
        if (std::chrono::steady_clock::now() > deadline) {
            res.status = LpStatus::Timeout;
            return res;
        }
        // entering column
        std::size_t s = n;
        for (std::size_t j = 0; j < n; ++j) {
            if (z[j] >= 0) continue;
            if (s == n) {
                s = j;
                if (bland) break;
            } else if (z[j] < z[s]) {
                s = j;
            }
        }
        if (s == n) break;  // optimal
        // ratio test
        std::size_t r = m;
        Rational best;
        for (unsigned i = 0; i < m; ++i) {
            if (T[i][s] <= 0) continue;
            Rational ratio = T[i][n] / T[i][s];
            bool better = false;
            if (r == m || ratio < best) better = true;
            else if (ratio == best) {
                bool ai = basis[i] >= n, ar = basis[r] >= n;
                if (ai != ar) better = ai;  // drive artificials out first
                else better = basis[i] < basis[r];
            }
            if (better) {
                r = i;
                best = ratio;
            }
        }
        if (r == m) break;  // unbounded direction cannot happen in phase 1 (objective bounded below)
        if (best == 0) {
            if (++degenerate_run > 400) bland = true;
        } else {
            degenerate_run = 0;
        }
        // pivot on (r, s)
        Rational piv = T[r][s];
        nz.clear();
        for (std::size_t k = 0; k <= n; ++k)
            if (T[r][k] != 0) {
                T[r][k] /= piv;
                nz.push_back(k);
            }
        for (unsigned i = 0; i < m; ++i) {
            if (i == r || T[i][s] == 0) continue;
            Rational f = T[i][s];
            for (std::size_t k : nz) T[i][k] -= f * T[r][k];
        }
        if (z[s] != 0) {
            Rational f = z[s];
            for (std::size_t k : nz) z[k] -= f * T[r][k];
        }
        basis[r] = s;
        ++res.pivots;
    }
    if (z[n] != 0) {
        res.status = LpStatus::Infeasible;
        return res;
    }
    res.status = LpStatus::Feasible;
    res.x.assign(n, Rational(0));
    for (unsigned i = 0; i < m; ++i)
        if (basis[i] < n) res.x[basis[i]] = T[i][n];
    return res;
}

}  // namespace

}  // namespace icl::prover
