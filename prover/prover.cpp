#include "prover/prover.hpp"

#include "prover/search.hpp"

#include <functional>
#include <memory>
#include <set>
#include <stdexcept>

namespace icl::prover {

using cert::Certificate;
using kernel::Prop;
using cert::PsatzNode;
using kernel::Rel;
using kernel::Term;

namespace {

const char* sum_rule_name(Certificate::Kind k) {
    switch (k) {
    case Certificate::Kind::SumNonneg: return "sum_nonneg";
    case Certificate::Kind::SumLeSum: return "sum_le_sum";
    case Certificate::Kind::SumCongr: return "sum_congr";
    default: return "?";
    }
}

std::string fresh_index(const kernel::Statement& s) {
    std::set<std::string> used(s.reals.begin(), s.reals.end());
    used.insert(s.nats.begin(), s.nats.end());
    used.insert(s.families.begin(), s.families.end());
    for (auto& d : s.definitions) used.insert(d.name);
    for (auto& h : s.hypotheses) used.insert(h.name);
    std::string ix = "i";
    for (int k = 1; used.count(ix); ++k) ix = "i" + std::to_string(k);
    return ix;
}

bool is_zero_number(const Term& t) { return t.kind == Term::Kind::Number && t.number == 0; }

// q^k for every q^(2k) in a term (a square the statement itself writes down).
void collect_square_hints(const Term& t, const kernel::Statement& s, AtomTable& atoms,
                          const std::map<std::string, std::string>& im, std::vector<Poly>& out) {
    if (t.kind == Term::Kind::Pow && t.exponent >= 2 && t.exponent % 2 == 0) {
        try {
            out.push_back(to_poly(*t.args.at(0), s, atoms, im).pow(t.exponent / 2));
        } catch (const std::exception&) {
        }
    }
    if (t.kind == Term::Kind::Sum) return;
    for (auto& a : t.args)
        if (a) collect_square_hints(*a, s, atoms, im, out);
}

// The problem a goal's certificate must solve: directly, or the body under a finite-sum rule.
struct GoalSetup {
    Problem problem;
    bool sum = false;
    Certificate::Kind sum_kind = Certificate::Kind::SumNonneg;
    std::string index;
    std::string error;
};

GoalSetup setup_goal(const kernel::Statement& s, const Prop& goal) {
    GoalSetup g;
    Problem& p = g.problem;
    const bool lsum = goal.lhs->kind == Term::Kind::Sum, rsum = goal.rhs->kind == Term::Kind::Sum;
    // atoms in declaration order, so that printed polynomials follow the statement
    for (auto& r : s.reals) p.atoms.intern(r, kernel::var(r));
    try {
        if (!lsum && !rsum) {
            for (auto& h : s.hypotheses) {
                if (!h.forall_index.empty()) continue;
                try {
                    Poly d = to_poly(*h.prop.lhs, s, p.atoms) - to_poly(*h.prop.rhs, s, p.atoms);
                    p.hyps.push_back({h.name, h.prop.rel, d});
                    collect_square_hints(*h.prop.lhs, s, p.atoms, {}, p.square_hints);
                    collect_square_hints(*h.prop.rhs, s, p.atoms, {}, p.square_hints);
                } catch (const std::exception&) {
                    // outside the polynomial fragment: not usable by this search
                }
            }
            p.goal_rel = goal.rel;
            p.goal_diff = to_poly(*goal.lhs, s, p.atoms) - to_poly(*goal.rhs, s, p.atoms);
            collect_square_hints(*goal.lhs, s, p.atoms, {}, p.square_hints);
            collect_square_hints(*goal.rhs, s, p.atoms, {}, p.square_hints);
            return g;
        }
        // finite sums: the body goal with the ∀-hypotheses of the same bound instantiated at a fresh index
        g.sum = true;
        g.index = fresh_index(s);
        std::string bound;
        Poly lhs, rhs;
        if (lsum && rsum) {
            const std::string& bl = goal.lhs->args.at(0)->name;
            const std::string& br = goal.rhs->args.at(0)->name;
            if (bl != br) throw std::runtime_error("sums with different bounds");
            bound = bl;
            if (goal.rel == Rel::Le || goal.rel == Rel::Ge) g.sum_kind = Certificate::Kind::SumLeSum;
            else if (goal.rel == Rel::Eq) g.sum_kind = Certificate::Kind::SumCongr;
            else throw std::runtime_error("no finite-sum rule for this relation");
            lhs = to_poly(*goal.lhs->args.at(1), s, p.atoms, {{goal.lhs->name, g.index}});
            rhs = to_poly(*goal.rhs->args.at(1), s, p.atoms, {{goal.rhs->name, g.index}});
            collect_square_hints(*goal.lhs->args.at(1), s, p.atoms, {{goal.lhs->name, g.index}}, p.square_hints);
            collect_square_hints(*goal.rhs->args.at(1), s, p.atoms, {{goal.rhs->name, g.index}}, p.square_hints);
        } else if (lsum && is_zero_number(*goal.rhs) && goal.rel == Rel::Ge) {
            g.sum_kind = Certificate::Kind::SumNonneg;
            bound = goal.lhs->args.at(0)->name;
            lhs = to_poly(*goal.lhs->args.at(1), s, p.atoms, {{goal.lhs->name, g.index}});
            collect_square_hints(*goal.lhs->args.at(1), s, p.atoms, {{goal.lhs->name, g.index}}, p.square_hints);
        } else if (rsum && is_zero_number(*goal.lhs) && goal.rel == Rel::Le) {
            g.sum_kind = Certificate::Kind::SumNonneg;
            bound = goal.rhs->args.at(0)->name;
            rhs = to_poly(*goal.rhs->args.at(1), s, p.atoms, {{goal.rhs->name, g.index}});
            collect_square_hints(*goal.rhs->args.at(1), s, p.atoms, {{goal.rhs->name, g.index}}, p.square_hints);
        } else {
            throw std::runtime_error("sum goal of a shape no finite-sum rule covers");
        }
        for (auto& h : s.hypotheses) {
            if (h.forall_index.empty() || h.forall_bound != bound) continue;
            try {
                std::map<std::string, std::string> im{{h.forall_index, g.index}};
                Poly d = to_poly(*h.prop.lhs, s, p.atoms, im) - to_poly(*h.prop.rhs, s, p.atoms, im);
                p.hyps.push_back({h.name, h.prop.rel, d});
                collect_square_hints(*h.prop.lhs, s, p.atoms, im, p.square_hints);
                collect_square_hints(*h.prop.rhs, s, p.atoms, im, p.square_hints);
            } catch (const std::exception&) {
            }
        }
        p.goal_rel = goal.rel;
        p.goal_diff = lhs - rhs;
    } catch (const std::exception& e) {
        g.error = e.what();
    }
    return g;
}

kernel::CheckResult kernel_check_goal(const cert::Theorem& t, std::size_t goal, const Certificate& c,
                                      const kernel::Limits& limits) {
    cert::Theorem sub;
    sub.id = t.id;
    sub.name = t.name;
    sub.statement = t.statement;
    sub.statement.goals = {t.statement.goals[goal]};
    sub.proofs = {c};
    sub.witness = t.witness;
    try {
        return cert::check_theorem(sub, limits);
    } catch (const std::exception& e) {
        return {kernel::Verdict::Rejected, std::string("kernel error: ") + e.what()};
    }
}

}  // namespace

// An equality goal: the ideal of the equalities (linear_combination), then a power of the goal
// (radical membership, linear_combination exp := n), then a refutation of (l − r)² > 0 (psatz).
SearchResult search_equality_goal(const Problem& p, Clock::time_point deadline) {
    SearchResult r = search_equality(p, deadline);
    if (r.cert || r.timed_out) return r;
    const std::string why1 = r.why;
    bool has_eq = false, has_ineq = false;
    for (auto& h : p.hyps) (h.rel == Rel::Eq ? has_eq : has_ineq) = true;
    if (has_eq)
        for (unsigned n = 2; n <= 3; ++n) {
            if (Clock::now() > deadline) break;
            if (p.goal_diff.degree() * n > 12) break;
            Problem q = p;
            q.goal_diff = p.goal_diff.pow(n);
            SearchResult rn = search_equality(q, deadline);
            if (rn.cert && rn.cert->kind == Certificate::Kind::LinearCombination) {
                rn.cert->exponent = n;
                rn.method += " exp " + std::to_string(n);
                return rn;
            }
            if (rn.timed_out) break;
        }
    if (Clock::now() > deadline) {
        r.timed_out = true;
        r.why = "not found within budget: " + why1;
        return r;
    }
    SearchResult rp = search_psatz(p, deadline);
    if (rp.cert) rp.method = "equality by refutation: " + rp.method;
    else rp.why = why1 + "; refutation: " + rp.why;
    return rp;
}

ProveResult prove_theorem(const cert::Theorem& t, const ProveOptions& options) {
    ProveResult res;
    res.id = t.id;
    const auto start = Clock::now();
    const auto deadline = start + options.budget;
    bool all = true;
    std::vector<Certificate> proofs;
    SearchBudget budget;
    budget.deadline = deadline;
    budget.max_terms = options.max_terms;
    BudgetScope scope(budget);  // every polynomial product of the search checks the deadline and the cap
    for (std::size_t i = 0; i < t.statement.goals.size(); ++i) {
        GoalOutcome out;
        GoalSetup g;
        try {
            g = setup_goal(t.statement, t.statement.goals[i]);
        } catch (const BudgetExceeded& e) {
            g.error = std::string("not found within budget (") + e.what() + ")";
            res.timed_out = true;
        }
        if (!g.error.empty()) {
            out.why = res.timed_out ? g.error : "unsupported: " + g.error;
        } else {
            SearchResult r;
            try {
                if (g.problem.goal_rel == Rel::Eq) r = search_equality_goal(g.problem, deadline);
                else if (g.problem.goal_rel == Rel::Ne) r.why = "unsupported: != goal";
                else r = search_psatz(g.problem, deadline);
            } catch (const BudgetExceeded& e) {
                r.timed_out = true;
                r.why = std::string("not found within budget: ") + e.what();
            } catch (const std::exception& e) {
                r.why = std::string("search error: ") + e.what();
            }
            if (r.cert) {
                Certificate c = *r.cert;
                if (g.sum) {
                    Certificate w;
                    w.kind = g.sum_kind;
                    w.index = g.index;
                    w.body = std::make_shared<const Certificate>(c);
                    c = w;
                    r.method = std::string(sum_rule_name(g.sum_kind)) + " + " + r.method;
                }
                auto k = kernel_check_goal(t, i, c, options.limits);
                if (k.verdict == kernel::Verdict::Verified) {
                    out.found = true;
                    out.method = r.method;
                    proofs.push_back(c);
                } else {
                    out.why = "candidate rejected by the kernel: " + k.message;
                }
            } else {
                out.why = r.why;
                if (r.timed_out) res.timed_out = true;
            }
        }
        if (!out.found) all = false;
        res.goals.push_back(out);
        if (!all && Clock::now() > deadline) {
            res.timed_out = true;
            for (std::size_t j = i + 1; j < t.statement.goals.size(); ++j)
                res.goals.push_back({false, "", "not attempted: budget spent"});
            break;
        }
    }
    if (all) {
        cert::Theorem full = t;
        full.proofs = proofs;
        kernel::CheckResult k;
        try {
            k = cert::check_theorem(full, options.limits);
        } catch (const std::exception& e) {
            k = {kernel::Verdict::Rejected, std::string("kernel error: ") + e.what()};
        }
        if (k.verdict == kernel::Verdict::Verified) {
            res.proved = true;
            res.proofs = proofs;
        } else {
            res.message = "rejected by the kernel: " + k.message;
        }
    }
    if (res.message.empty()) {
        std::string msg;
        for (std::size_t i = 0; i < res.goals.size(); ++i) {
            if (!msg.empty()) msg += "; ";
            if (res.goals.size() > 1) msg += "goal " + std::to_string(i + 1) + ": ";
            msg += res.goals[i].found ? res.goals[i].method : res.goals[i].why;
        }
        res.message = msg;
    }
    res.milliseconds = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
    return res;
}

// ============================================================ text

namespace {

// precedence: 0 sum, 1 product, 2 unary, 3 power, 4 atom
std::string wrap(const std::string& s, int have, int need) { return have < need ? "(" + s + ")" : s; }

std::string term_text_p(const Term& t, int& level) {
    int l1 = 0, l2 = 0;
    switch (t.kind) {
    case Term::Kind::Number:
        if (t.number < 0) {
            level = 2;
            return "-" + Rational(-t.number).str();
        }
        level = 4;
        return t.number.str();
    case Term::Kind::Var: level = 4; return t.name;
    case Term::Kind::Neg: {
        std::string a = term_text_p(*t.args[0], l1);
        level = 2;
        // -(x*y) is written -x*y: the same polynomial, as the parser reads it (-x)*y
        if (t.args[0]->kind == Term::Kind::Mul && l1 == 1) {
            level = 1;
            return "-" + a;
        }
        return "-" + wrap(a, l1, 2);
    }
    case Term::Kind::Add:
    case Term::Kind::Sub: {
        std::string a = term_text_p(*t.args[0], l1), b = term_text_p(*t.args[1], l2);
        level = 0;
        return wrap(a, l1, 0) + (t.kind == Term::Kind::Add ? " + " : " - ") + wrap(b, l2, 1);
    }
    case Term::Kind::Mul: {
        std::string a = term_text_p(*t.args[0], l1), b = term_text_p(*t.args[1], l2);
        level = 1;
        return wrap(a, l1, 1) + "*" + wrap(b, l2, 3);
    }
    case Term::Kind::Pow: {
        std::string a = term_text_p(*t.args[0], l1);
        level = 3;
        return wrap(a, l1, 4) + "^" + std::to_string(t.exponent);
    }
    case Term::Kind::Apply: {
        std::string s = t.name + "(";
        for (std::size_t i = 0; i < t.args.size(); ++i) {
            if (i) s += ", ";
            s += term_text_p(*t.args[i], l1);
        }
        level = 4;
        return s + ")";
    }
    case Term::Kind::Sum: {
        std::string body = term_text_p(*t.args.at(1), l1);
        level = 4;
        return "sum(" + t.name + ", " + t.args.at(0)->name + ", " + body + ")";
    }
    }
    level = 4;
    return "?";
}

std::string attr(const std::string& s) {
    std::string o;
    for (char c : s) {
        switch (c) {
        case '&': o += "&amp;"; break;
        case '<': o += "&lt;"; break;
        case '>': o += "&gt;"; break;
        case '"': o += "&quot;"; break;
        default: o += c;
        }
    }
    return o;
}

const char* node_tag(PsatzNode::Kind k) {
    switch (k) {
    case PsatzNode::Kind::Hyp: return "hyp";
    case PsatzNode::Kind::NonzeroSq: return "nonzero_sq";
    case PsatzNode::Kind::NegGoal: return "neg_goal";
    case PsatzNode::Kind::Square: return "square";
    case PsatzNode::Kind::Const: return "const";
    case PsatzNode::Kind::Mul: return "mul";
    case PsatzNode::Kind::Add: return "add";
    case PsatzNode::Kind::MulPoly: return "mulpoly";
    }
    return "?";
}

std::string node_open(const PsatzNode& n, bool leaf) {
    std::string s = std::string("<") + node_tag(n.kind);
    switch (n.kind) {
    case PsatzNode::Kind::Hyp:
    case PsatzNode::Kind::NonzeroSq: s += " name=\"" + attr(n.hyp) + "\""; break;
    case PsatzNode::Kind::Square: s += " of=\"" + attr(n.poly ? term_text(*n.poly) : "0") + "\""; break;
    case PsatzNode::Kind::Const: s += " value=\"" + n.value.str() + "\""; break;
    case PsatzNode::Kind::MulPoly: s += " by=\"" + attr(n.poly ? term_text(*n.poly) : "0") + "\""; break;
    default: break;
    }
    return s + (leaf ? "/>" : ">");
}

bool is_leaf(const PsatzNode& n) {
    return n.kind != PsatzNode::Kind::Mul && n.kind != PsatzNode::Kind::Add && n.kind != PsatzNode::Kind::MulPoly;
}

std::string node_inline(const PsatzNode& n) {
    if (is_leaf(n)) return node_open(n, true);
    std::string s = node_open(n, false);
    for (auto& c : n.children) s += node_inline(*c);
    return s + "</" + node_tag(n.kind) + ">";
}

// First line unindented; following lines prefixed with `indent`.
std::string node_pretty(const PsatzNode& n, const std::string& indent) {
    std::string in = node_inline(n);
    bool multi_add = n.kind == PsatzNode::Kind::Add && n.children.size() > 1;
    if (is_leaf(n) || (!multi_add && in.size() + indent.size() <= 100)) return in;
    std::string s = node_open(n, false);
    for (auto& c : n.children) s += "\n" + indent + "  " + node_pretty(*c, indent + "  ");
    return s + "\n" + indent + "</" + node_tag(n.kind) + ">";
}

unsigned long term_nodes(const Term& t) {
    unsigned long k = 1;
    for (auto& a : t.args) k += term_nodes(*a);
    return k;
}

unsigned long psatz_nodes(const PsatzNode& n) {
    unsigned long k = 1;
    if (n.poly) k += term_nodes(*n.poly);
    for (auto& c : n.children) k += psatz_nodes(*c);
    return k;
}

}  // namespace

std::string term_text(const Term& t) {
    int level = 0;
    return term_text_p(t, level);
}

std::string certificate_xml(const Certificate& c, const std::string& indent) {
    switch (c.kind) {
    case Certificate::Kind::Ring: return "<ring/>";
    case Certificate::Kind::LinearCombination: {
        const std::string open =
            c.exponent == 1 ? "<linear_combination>" : "<linear_combination exp=\"" + std::to_string(c.exponent) + "\">";
        if (c.combination.size() == 1) {
            auto& t = c.combination[0];
            std::string one = open + "<term hyp=\"" + attr(t.hyp) + "\"" +
                              (t.coeff ? " coeff=\"" + attr(term_text(*t.coeff)) + "\"" : std::string()) +
                              "/></linear_combination>";
            if (one.size() + indent.size() <= 100) return one;
        }
        std::string s = open;
        for (auto& t : c.combination) {
            s += "\n" + indent + "  <term hyp=\"" + attr(t.hyp) + "\"";
            if (t.coeff) s += " coeff=\"" + attr(term_text(*t.coeff)) + "\"";
            s += "/>";
        }
        return s + "\n" + indent + "</linear_combination>";
    }
    case Certificate::Kind::Psatz: {
        if (!c.refutation) return "<psatz/>";
        std::string in = node_inline(*c.refutation);
        bool multi_add = c.refutation->kind == PsatzNode::Kind::Add && c.refutation->children.size() > 1;
        if ((!multi_add && in.size() + indent.size() <= 90) || in.size() <= 50) return "<psatz>" + in + "</psatz>";
        if (multi_add) {  // the corpus layout: <psatz><add> ... </add></psatz>
            std::string s = "<psatz><add>";
            for (auto& ch : c.refutation->children) s += "\n" + indent + "  " + node_pretty(*ch, indent + "  ");
            return s + "\n" + indent + "</add></psatz>";
        }
        return "<psatz>\n" + indent + "  " + node_pretty(*c.refutation, indent + "  ") + "\n" + indent + "</psatz>";
    }
    case Certificate::Kind::SumNonneg:
    case Certificate::Kind::SumLeSum:
    case Certificate::Kind::SumCongr: {
        std::string tag = sum_rule_name(c.kind);
        return "<" + tag + " index=\"" + attr(c.index) + "\">" + (c.body ? certificate_xml(*c.body, indent) : "") +
               "</" + tag + ">";
    }
    }
    return "";
}

CertificateSize certificate_size(const Certificate& c) {
    CertificateSize s;
    std::string x = certificate_xml(c, "");
    for (char ch : x)
        if (ch != '\n') ++s.xml_chars;
    // count leading spaces of continuation lines out: xml without indentation
    {
        unsigned long spaces = 0;
        bool line_start = false;
        for (char ch : x) {
            if (ch == '\n') line_start = true;
            else if (line_start && ch == ' ') ++spaces;
            else line_start = false;
        }
        s.xml_chars -= spaces;
    }
    std::function<unsigned long(const Certificate&)> count = [&](const Certificate& k) -> unsigned long {
        unsigned long n = 1;
        for (auto& t : k.combination) n += 1 + (t.coeff ? term_nodes(*t.coeff) : 0);
        if (k.refutation) n += psatz_nodes(*k.refutation);
        if (k.body) n += count(*k.body);
        return n;
    };
    s.nodes = count(c);
    return s;
}

}  // namespace icl::prover
