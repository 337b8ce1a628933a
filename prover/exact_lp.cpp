#include "prover/exact_lp.hpp"

namespace icl::prover {

LpResult solve_feasibility(unsigned m, const std::vector<Rational>& b_in, const std::vector<SparseColumn>& cols,
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
            if (++degenerate_run > 50) bland = true;
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

}  // namespace icl::prover
