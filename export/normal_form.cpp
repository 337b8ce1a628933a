#include "export/normal_form.hpp"

#include "kernel/poly.hpp"

#include <algorithm>
#include <functional>

namespace icl::export_ {

using kernel::KernelError;
using kernel::Term;
using kernel::detail::Poly;

Polynomial normalize(const Term& t, const kernel::Statement& s, const std::string& index, const kernel::Limits& limits,
                     bool with_text) {
    std::vector<std::string> names = s.reals;
    if (!index.empty())
        for (const auto& f : s.families) names.push_back(f + "(" + index + ")");  // as the kernel names atoms
    unsigned long work = 0;
    kernel::detail::Ring ring(names, &work);
    auto has = [](const std::vector<std::string>& v, const std::string& x) { return std::find(v.begin(), v.end(), x) != v.end(); };
    std::function<Poly(const Term&, unsigned long)> walk = [&](const Term& u, unsigned long depth) -> Poly {
        if (depth > limits.max_depth) throw KernelError("limit: term nesting exceeds max-depth " + std::to_string(limits.max_depth));
        auto sub = [&](std::size_t i) { return walk(*u.args[i], depth + 1); };
        switch (u.kind) {
            case Term::Kind::Number: return Poly::constant(ring, limits, u.number);
            case Term::Kind::Var:
                if (!has(s.reals, u.name)) throw KernelError("term: unknown real variable '" + u.name + "'");
                return Poly::variable(ring, limits, ring.index_of(u.name));
            case Term::Kind::Neg: return -sub(0);
            case Term::Kind::Add: { Poly a = sub(0); return a + sub(1); }  // left first, as the kernel
            case Term::Kind::Sub: { Poly a = sub(0); return a - sub(1); }
            case Term::Kind::Mul: { Poly a = sub(0); return a * sub(1); }
            case Term::Kind::Pow: return sub(0).power(u.exponent);
            case Term::Kind::Apply:
                if (!has(s.families, u.name)) throw KernelError("term: unknown function '" + u.name + "'");
                if (index.empty() || u.args.size() != 1 || u.args[0]->kind != Term::Kind::Var || u.args[0]->name != index)
                    throw KernelError("term: family '" + u.name + "' must be applied to the index of an enclosing sum or ∀");
                return Poly::variable(ring, limits, ring.index_of(u.name + "(" + index + ")"));
            case Term::Kind::Sum: throw KernelError("term: a sum has no polynomial normal form");
        }
        throw KernelError("term: unknown node kind");
    };
    auto alias = std::shared_ptr<const Term>(&t, [](const Term*) {});
    Poly p = walk(*kernel::unfold_definitions(alias, s, limits), 0);
    const fmpq_mpoly_ctx_struct* ctx = ring.ctx();
    Polynomial out{ring.names(), {}, with_text ? p.to_string() : std::string()};
    std::vector<ulong> exps(static_cast<std::size_t>(ctx->zctx->minfo->nvars));
    kernel::detail::Fmpq q;
    for (slong i = 0; i < fmpq_mpoly_length(p.raw(), ctx); ++i) {
        fmpq_mpoly_get_term_coeff_fmpq(q.q, p.raw(), i, ctx);
        fmpq_mpoly_get_term_exp_ui(exps.data(), p.raw(), i, ctx);
        out.monomials.push_back({kernel::detail::from_fmpq(q.q), std::vector<unsigned long>(exps.begin(), exps.begin() + names.size())});
    }
    return out;
}

}  // namespace icl::export_
