#include "prover/linalg.hpp"

#include <flint/fmpq.h>
#include <flint/fmpq_mat.h>

namespace icl::prover {

namespace {
void set_fmpq(fmpq_t out, const Rational& q) { fmpq_set_mpq(out, q.backend().data()); }
Rational get_rational(const fmpq_t in) {
    Rational q;
    fmpq_get_mpq(q.backend().data(), in);
    return q;
}
struct Mat {
    fmpq_mat_t m;
    Mat(slong r, slong c) { fmpq_mat_init(m, r, c); }
    ~Mat() { fmpq_mat_clear(m); }
    Mat(const Mat&) = delete;
    Mat& operator=(const Mat&) = delete;
};
}  // namespace

std::optional<std::vector<Rational>> solve_linear(unsigned rows, const std::vector<Rational>& b,
                                                  const std::vector<SparseColumn>& columns) {
    const slong n = static_cast<slong>(columns.size());
    const slong m = static_cast<slong>(rows);
    if (m == 0) return std::vector<Rational>(columns.size());
    Mat A(m, n + 1), R(m, n + 1);
    for (slong j = 0; j < n; ++j)
        for (auto& [r, v] : columns[j].entries) {
            Rational cur = get_rational(fmpq_mat_entry(A.m, r, j));
            set_fmpq(fmpq_mat_entry(A.m, r, j), cur + v);
        }
    for (slong i = 0; i < m; ++i) set_fmpq(fmpq_mat_entry(A.m, i, n), b.at(i));
    slong rank = fmpq_mat_rref(R.m, A.m);
    std::vector<Rational> x(columns.size());
    for (slong i = 0; i < rank; ++i) {
        slong lead = 0;
        while (lead <= n && fmpq_is_zero(fmpq_mat_entry(R.m, i, lead))) ++lead;
        if (lead == n) return std::nullopt;  // 0 = nonzero: inconsistent
        if (lead > n) continue;
        // reduced row echelon: leading entry 1, other pivot columns zero; free variables are 0
        x[lead] = get_rational(fmpq_mat_entry(R.m, i, n));
    }
    return x;
}

}  // namespace icl::prover
