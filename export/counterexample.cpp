// Checks a <counterexample drop="h">: the statement without h is false at the given rational point.
#include "frontend/witness.hpp"
#include "export/counterexample.hpp"

#include <algorithm>

namespace icl::export_ {

kernel::CheckResult check_counterexample(const frontend::TheoremEntry& e, const frontend::CounterexampleEntry& ce,
                                         const kernel::Limits& limits) {
    kernel::CheckResult r;
    kernel::Statement without = e.theorem.statement;
    auto& hs = without.hypotheses;
    auto it = std::find_if(hs.begin(), hs.end(), [&](const kernel::Hypothesis& h) { return h.name == ce.drop; });
    if (it == hs.end()) {
        r.message = "counterexample: no hypothesis '" + ce.drop + "'";
        return r;
    }
    hs.erase(it);
    kernel::CheckResult rest = frontend::check_witness(without, ce.point, limits);
    if (rest.verdict != kernel::Verdict::Verified) {
        r.message = "counterexample dropping " + ce.drop + ": the other hypotheses do not hold there (" + rest.message + ")";
        return r;
    }
    kernel::CheckResult goal = frontend::check_goal_at_witness(without, ce.point, limits);
    if (goal.verdict == kernel::Verdict::Verified) {
        r.message = "counterexample dropping " + ce.drop + ": the goal holds there, so it shows nothing";
        return r;
    }
    r.verdict = kernel::Verdict::Verified;
    return r;
}

}  // namespace icl::export_
