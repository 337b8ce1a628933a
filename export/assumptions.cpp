#include "export/assumptions.hpp"

#include <fmt/core.h>

#include <functional>
#include <set>
#include <string>

namespace icl::export_ {

Assumptions assumptions_of(const kernel::Statement& statement, const std::vector<kernel::ProofPtr>& proofs,
                           const kernel::Library& library) {
    Assumptions a;
    std::set<std::string> unverified;
    std::function<void(const kernel::ProofPtr&)> walk = [&](const kernel::ProofPtr& p) {
        if (!p) {
            ++a.sorry;
            return;
        }
        for (const auto& lemma : p->lemmas) {
            if (!library.verified(lemma.theorem)) unverified.insert(lemma.theorem);
            for (const auto& d : lemma.discharges) walk(d.proof);
        }
        using R = kernel::Proof::Rule;
        switch (p->rule) {
            case R::SumNonneg:
            case R::SumLeSum:
            case R::SumCongr: walk(p->body); break;
            case R::Refutation:
                if (!p->refutation) ++a.sorry;
                break;
            case R::Ring:
            case R::LinearCombination:
            case R::Exact: break;
        }
    };
    for (const auto& p : proofs) walk(p);
    if (proofs.size() < statement.goals.size()) a.sorry += statement.goals.size() - proofs.size();
    a.axioms = unverified.size();
    return a;
}

std::string incompleteness(const Assumptions& a) {
    if (a.axioms == 0 && a.sorry == 0) return "";
    return fmt::format("derivation incomplete: {} unverified theorem(s) used, {} goal(s) without a proof", a.axioms,
                       a.sorry);
}

}  // namespace icl::export_
