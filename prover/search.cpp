#include "prover/search.hpp"
#include "prover/sos.hpp"

#include "prover/exact_lp.hpp"
#include "prover/linalg.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <stdexcept>

namespace icl::prover {

using cert::Certificate;
using cert::PsatzNode;
using cert::PsatzPtr;
using kernel::Rel;

// ============================================================ substitution

Reducer::Reducer(const Problem& p) {
    for (auto& h : p.hyps)
        if (h.rel == Rel::Eq) {
            eqs_.push_back(h.diff);
            names_.push_back(h.name);
        }
    elim_.assign(p.atoms.names.size(), false);
    rule_of_.assign(p.atoms.names.size(), -1);
    // worklist: equalities not (yet) usable as substitutions are retried after every new rule
    std::vector<unsigned> pending;
    for (unsigned l = 0; l < eqs_.size(); ++l) pending.push_back(l);
    bool progress = true;
    while (progress) {
        progress = false;
        std::vector<unsigned> still;
        for (unsigned l : pending) {
            std::vector<Poly> q(eqs_.size());
            Poly r = reduce_tracked(eqs_[l], q);
            if (r.is_zero()) continue;  // redundant
            q[l] = q[l] + Poly::constant(1);  // r = Σ q E
            if (try_make_rule(r, q)) progress = true;
            else still.push_back(l);
        }
        pending = std::move(still);
    }
    for (unsigned l : pending) {
        Poly r = reduce(eqs_[l]);
        if (!r.is_zero()) rem_.push_back({l, r});
    }
}

bool Reducer::try_make_rule(const Poly& r, const std::vector<Poly>& c) {
    // atoms occurring in exactly one monomial, which is the atom itself
    std::map<unsigned, int> count;
    for (auto& [m, v] : r.terms())
        for (auto& [a, e] : m) count[a] += 1;
    int best = -1;
    unsigned best_deg = ~0u;
    Rational best_coef;
    for (auto& [m, v] : r.terms()) {
        if (m.size() != 1 || m[0].second != 1) continue;
        unsigned a = m[0].first;
        if (count[a] != 1) continue;
        Poly rest = r - Poly::monomial(m, v);
        unsigned d = rest.degree();
        if (best < 0 || d < best_deg) {
            best = static_cast<int>(a);
            best_deg = d;
            best_coef = v;
        }
    }
    if (best < 0) return false;
    unsigned x = static_cast<unsigned>(best);
    Rule rule;
    rule.atom = x;
    rule.f = Poly::atom(x) - r.scaled(Rational(1) / best_coef);
    for (auto& ci : c) rule.c.push_back(ci.scaled(Rational(1) / best_coef));
    if (x >= elim_.size()) {
        elim_.resize(x + 1, false);
        rule_of_.resize(x + 1, -1);
    }
    elim_[x] = true;
    rule_of_[x] = static_cast<int>(rules_.size());
    rules_.push_back(rule);
    // back-substitute x into the earlier rules so that no right-hand side mentions an eliminated atom
    for (std::size_t k = 0; k + 1 < rules_.size(); ++k) {
        if (!rules_[k].f.has_atom(x)) continue;
        std::vector<Poly> q(eqs_.size());
        rules_[k].f = reduce_tracked(rules_[k].f, q);  // f' = f + Σ q E ; x_k - f' = Σ (c - q) E
        for (std::size_t l = 0; l < eqs_.size(); ++l) rules_[k].c[l] = rules_[k].c[l] - q[l];
    }
    return true;
}

Poly Reducer::reduce(const Poly& p) const {
    Poly out;
    for (auto& [m, c] : p.terms()) {
        Mono keep;
        Poly factor = Poly::constant(c);
        for (auto& [a, e] : m) {
            if (eliminated(a)) factor = factor * rules_[rule_of_[a]].f.pow(e);
            else keep.emplace_back(a, e);
        }
        out = out + factor * Poly::monomial(keep);
    }
    return out;
}

Poly Reducer::reduce_tracked(Poly p, std::vector<Poly>& q) const {
    q.resize(eqs_.size());
    while (true) {
        const Mono* found = nullptr;
        Rational coef;
        unsigned x = 0;
        for (auto& [m, c] : p.terms()) {
            for (auto& [a, e] : m)
                if (eliminated(a)) {
                    found = &m;
                    coef = c;
                    x = a;
                    break;
                }
            if (found) break;
        }
        if (!found) return p;
        Mono rest;
        for (auto& [a, e] : *found) {
            if (a == x) {
                if (e > 1) rest.emplace_back(a, e - 1);
            } else {
                rest.emplace_back(a, e);
            }
        }
        const Rule& rule = rules_[rule_of_[x]];
        Poly mono = Poly::monomial(rest, coef);
        p = p - mono * (Poly::atom(x) - rule.f);
        for (std::size_t l = 0; l < eqs_.size(); ++l)
            if (!rule.c[l].is_zero()) q[l] = q[l] - mono * rule.c[l];
    }
}

// ============================================================ helpers

namespace {

std::vector<unsigned> active_atoms(const std::vector<const Poly*>& polys) {
    std::set<unsigned> s;
    for (auto* p : polys)
        for (auto& [m, c] : p->terms())
            for (auto& [a, e] : m) s.insert(a);
    return {s.begin(), s.end()};
}

PsatzPtr node(PsatzNode n) { return std::make_shared<const PsatzNode>(std::move(n)); }

PsatzPtr hyp_node(const std::string& name) {
    PsatzNode n;
    n.kind = PsatzNode::Kind::Hyp;
    n.hyp = name;
    return node(std::move(n));
}

// ∂p/∂x_a
Poly derivative(const Poly& p, unsigned a) {
    Poly d;
    for (auto& [m, c] : p.terms())
        for (std::size_t k = 0; k < m.size(); ++k)
            if (m[k].first == a) {
                Mono n = m;
                Rational e = n[k].second;
                if (--n[k].second == 0) n.erase(n.begin() + static_cast<long>(k));
                d.add_term(n, c * e);
            }
    return d;
}

// Monic representative (leading coefficient 1) for deduplication up to a nonzero factor.
Poly monic(const Poly& p) {
    if (p.is_zero()) return p;
    return p.scaled(Rational(1) / p.terms().rbegin()->second);
}

// Rows (monomials) of a system built from polynomial columns.
struct RowIndex {
    std::map<Mono, unsigned> rows;
    unsigned row(const Mono& m) {
        auto [it, fresh] = rows.emplace(m, static_cast<unsigned>(rows.size()));
        return it->second;
    }
    SparseColumn column(const Poly& p, const Rational& scale = 1) {
        SparseColumn c;
        for (auto& [m, v] : p.terms()) c.entries.emplace_back(row(m), v * scale);
        return c;
    }
};

}  // namespace

// ============================================================ equality goals

namespace {

// G = Σ q_l E_l over the equalities with use[l], deg(q_l E_l) <= maxdeg; nullopt when there is no such
// combination or the system would be too large.
std::optional<std::vector<Poly>> direct_combination(const Poly& G, const std::vector<Poly>& E,
                                                    const std::vector<bool>& use, const std::vector<unsigned>& atoms,
                                                    unsigned maxdeg) {
    RowIndex ri;
    std::vector<SparseColumn> cols;
    std::vector<std::pair<std::size_t, Mono>> meaning;
    for (std::size_t l = 0; l < E.size(); ++l) {
        if (!use[l] || E[l].degree() > maxdeg) continue;
        for (auto& m : monomials_up_to(atoms, maxdeg - E[l].degree())) {
            cols.push_back(ri.column(Poly::monomial(m) * E[l]));
            meaning.emplace_back(l, m);
            if (cols.size() > 3000 || ri.rows.size() > 20000) return std::nullopt;
        }
    }
    for (auto& [m, v] : G.terms()) ri.row(m);
    std::vector<Rational> b(ri.rows.size());
    for (auto& [m, v] : G.terms()) b[ri.rows.at(m)] = v;
    auto x = solve_linear(static_cast<unsigned>(ri.rows.size()), b, cols);
    if (!x) return std::nullopt;
    std::vector<Poly> q(E.size());
    for (std::size_t k = 0; k < cols.size(); ++k)
        if ((*x)[k] != 0) q[meaning[k].first] = q[meaning[k].first] + Poly::monomial(meaning[k].second, (*x)[k]);
    return q;
}

Certificate combination_certificate(const std::vector<Poly>& q, const std::vector<std::string>& names,
                                    const AtomTable& atoms) {
    Certificate c;
    c.kind = Certificate::Kind::LinearCombination;
    for (std::size_t l = 0; l < q.size(); ++l) {
        if (q[l].is_zero()) continue;
        kernel::LinearTerm t;
        t.hyp = names[l];
        if (!(q[l] == Poly::constant(1))) t.coeff = q[l].to_term(atoms);
        c.combination.push_back(t);
    }
    return c;
}

}  // namespace

SearchResult search_equality(const Problem& p, Clock::time_point deadline) {
    SearchResult res;
    if (p.goal_diff.is_zero()) {
        Certificate c;
        c.kind = Certificate::Kind::Ring;
        res.cert = c;
        res.method = "ring";
        return res;
    }
    // 1. the equality hypotheses as they are, with the fewest hypotheses that still suffice
    {
        std::vector<Poly> E;
        std::vector<std::string> names;
        std::vector<const Poly*> ps{&p.goal_diff};
        for (auto& h : p.hyps)
            if (h.rel == Rel::Eq) {
                E.push_back(h.diff);
                names.push_back(h.name);
            }
        for (auto& e : E) ps.push_back(&e);
        auto atoms = active_atoms(ps);
        std::vector<bool> use(E.size(), true);
        unsigned base = p.goal_diff.degree();
        for (auto& e : E) base = std::max(base, e.degree());
        for (unsigned extra = 0; extra <= 1 && !E.empty(); ++extra) {
            if (Clock::now() > deadline) break;
            auto q = direct_combination(p.goal_diff, E, use, atoms, base + extra);
            if (!q) continue;
            for (std::size_t l = 0; l < E.size(); ++l) {
                if ((*q)[l].is_zero()) {
                    use[l] = false;
                    continue;
                }
                use[l] = false;
                auto q2 = direct_combination(p.goal_diff, E, use, atoms, base + extra);
                if (q2) q = q2;
                else use[l] = true;
            }
            Poly check = p.goal_diff;
            for (std::size_t l = 0; l < E.size(); ++l) check = check - (*q)[l] * E[l];
            if (!check.is_zero()) break;  // cannot happen; fall through to the substitution route
            res.cert = combination_certificate(*q, names, p.atoms);
            res.method = "linear_combination (" + std::to_string(res.cert->combination.size()) + " terms)";
            return res;
        }
    }
    // 2. substitution x := f for linear equalities, then multipliers for the rest
    Reducer red(p);
    const auto& eqs = red.equalities();
    if (eqs.empty()) {
        res.why = "not an identity and no equality hypotheses";
        return res;
    }
    Poly g = red.reduce(p.goal_diff);
    std::vector<Poly> M(eqs.size());  // multipliers of the remaining equalities
    if (!g.is_zero()) {
        if (red.remaining().empty()) {
            res.why = "goal not in the ideal of the equality hypotheses (after substitution)";
            return res;
        }
        std::vector<const Poly*> ps{&g};
        for (auto& r : red.remaining()) ps.push_back(&r.red);
        auto atoms = active_atoms(ps);
        bool solved = false;
        for (unsigned extra = 0; extra <= 3 && !solved; ++extra) {
            if (Clock::now() > deadline) {
                res.timed_out = true;
                res.why = "budget ran out";
                return res;
            }
            unsigned maxdeg = std::max(g.degree(), 1u) + extra;
            RowIndex ri;
            std::vector<SparseColumn> cols;
            std::vector<std::pair<unsigned, Mono>> meaning;  // (remaining index, monomial)
            for (unsigned j = 0; j < red.remaining().size(); ++j) {
                const Poly& r = red.remaining()[j].red;
                if (r.degree() > maxdeg) continue;
                for (auto& m : monomials_up_to(atoms, maxdeg - r.degree())) {
                    cols.push_back(ri.column(Poly::monomial(m) * r));
                    meaning.emplace_back(j, m);
                    if (cols.size() > 3000 || ri.rows.size() > 20000) break;
                }
            }
            if (cols.size() > 3000 || ri.rows.size() > 20000) {
                res.why = "linear system too large (over 3000 multiplier monomials)";
                return res;
            }
            for (auto& [m, v] : g.terms()) ri.row(m);
            std::vector<Rational> b(ri.rows.size());
            for (auto& [m, v] : g.terms()) b[ri.rows.at(m)] = v;
            auto x = solve_linear(static_cast<unsigned>(ri.rows.size()), b, cols);
            if (!x) continue;
            for (std::size_t k = 0; k < cols.size(); ++k)
                if ((*x)[k] != 0) {
                    unsigned l = red.remaining()[meaning[k].first].eq;
                    M[l] = M[l] + Poly::monomial(meaning[k].second, (*x)[k]);
                }
            solved = true;
        }
        if (!solved) {
            res.why = "no polynomial multipliers up to degree " + std::to_string(g.degree() + 3);
            return res;
        }
    }
    // U = G - Σ M_l E_l has red(U) = 0; reduce_tracked gives 0 = U + Σ q E, so G = Σ (M_l - q_l) E_l.
    Poly U = p.goal_diff;
    for (std::size_t l = 0; l < eqs.size(); ++l) U = U - M[l] * eqs[l];
    std::vector<Poly> q;
    Poly rest = red.reduce_tracked(U, q);
    if (!rest.is_zero()) {
        res.why = "internal: substitution residue";
        return res;
    }
    Certificate c;
    c.kind = Certificate::Kind::LinearCombination;
    Poly check = p.goal_diff;
    for (std::size_t l = 0; l < eqs.size(); ++l) {
        Poly coef = M[l] - q[l];
        if (coef.is_zero()) continue;
        check = check - coef * eqs[l];
        kernel::LinearTerm t;
        t.hyp = red.equality_names()[l];
        if (!(coef == Poly::constant(1))) t.coeff = coef.to_term(p.atoms);
        c.combination.push_back(t);
    }
    if (!check.is_zero()) {
        res.why = "internal: linear combination does not cancel";
        return res;
    }
    res.cert = c;
    res.method = "linear_combination (" + std::to_string(c.combination.size()) + " terms)";
    return res;
}

// ============================================================ inequality goals: Positivstellensatz

namespace {

struct Item {
    enum class Kind { Hyp, NonzeroSq, NegGoal, Square, Const } kind;
    std::string name;
    Poly of;     // Square: the polynomial squared
    Poly value;  // the polynomial this item stands for (>= 0 or > 0)
    Poly red;    // its reduction
    bool strict = false;
    unsigned deg = 0;  // degree of red
    PsatzPtr make() const {
        PsatzNode n;
        switch (kind) {
        case Kind::Hyp: n.kind = PsatzNode::Kind::Hyp; n.hyp = name; break;
        case Kind::NonzeroSq: n.kind = PsatzNode::Kind::NonzeroSq; n.hyp = name; break;
        case Kind::NegGoal: n.kind = PsatzNode::Kind::NegGoal; break;
        case Kind::Square: n.kind = PsatzNode::Kind::Square; break;
        case Kind::Const: n.kind = PsatzNode::Kind::Const; n.value = 1; break;
        }
        return node(std::move(n));
    }
};

struct Product {
    std::vector<unsigned> factors;  // item indices (multiset, sorted)
    Poly red;
    bool strict = false;
};

struct Stage {
    unsigned factors;  // max factors per product
    unsigned squares;  // max square factors per product
    unsigned extra_degree;
};

}  // namespace

SearchResult search_psatz_pass(const Problem& p, Clock::time_point deadline, bool wide);

// Cheap candidates first; then, if that fails within the budget, the wider set of squares.
SearchResult search_psatz(const Problem& p, Clock::time_point deadline) {
    SearchResult r = search_psatz_pass(p, deadline, false);
    if (r.cert || r.timed_out || Clock::now() > deadline) return r;
    SearchResult w = search_psatz_pass(p, deadline, true);
    if (w.cert) {
        w.method += " (wide squares)";
        return w;
    }
    if (w.timed_out || Clock::now() > deadline) return w;
    SearchResult s = search_sos(p, deadline);  // genuine sums of squares (external SDP solver)
    if (s.cert || s.timed_out) return s;
    w.why += "; " + s.why;
    return w;
}

SearchResult search_psatz_pass(const Problem& p, Clock::time_point deadline, bool wide) {
    SearchResult res;
    Reducer red(p);
    std::vector<Item> items;
    // hypotheses
    for (auto& h : p.hyps) {
        Item it;
        it.name = h.name;
        it.kind = Item::Kind::Hyp;
        switch (h.rel) {
        case Rel::Eq: continue;
        case Rel::Ge: it.value = h.diff; break;
        case Rel::Le: it.value = -h.diff; break;
        case Rel::Gt: it.value = h.diff; it.strict = true; break;
        case Rel::Lt: it.value = -h.diff; it.strict = true; break;
        case Rel::Ne:
            it.kind = Item::Kind::NonzeroSq;
            it.value = h.diff * h.diff;
            it.strict = true;
            break;
        }
        items.push_back(it);
    }
    {
        Item it;
        it.kind = Item::Kind::NegGoal;
        switch (p.goal_rel) {
        case Rel::Le: it.value = p.goal_diff; it.strict = true; break;
        case Rel::Lt: it.value = p.goal_diff; break;
        case Rel::Ge: it.value = -p.goal_diff; it.strict = true; break;
        case Rel::Gt: it.value = -p.goal_diff; break;
        case Rel::Eq: it.value = p.goal_diff * p.goal_diff; it.strict = true; break;  // ¬(l = r): (l−r)² > 0
        default:
            res.why = "goal relation not supported by psatz";
            return res;
        }
        items.push_back(it);
    }
    const std::size_t n_base = items.size();  // hypotheses and negated goal
    unsigned D = 2;
    for (auto& it : items) {
        it.red = red.reduce(it.value);
        it.deg = it.red.degree();
        D = std::max(D, it.deg);
    }
    // squares: atoms, and sums / differences of the base items' polynomials
    {
        std::set<Poly> seen;
        auto add_square = [&](const Poly& q) {
            if (q.is_constant()) return;
            if (2 * q.degree() > D + 2) return;
            Poly key = monic(q);
            if (!seen.insert(key).second) return;
            Item it;
            it.kind = Item::Kind::Square;
            it.of = q;
            it.value = q * q;
            it.red = it.value;  // q is already reduced
            it.deg = it.red.degree();
            items.push_back(it);
        };
        std::vector<const Poly*> ps;
        for (std::size_t i = 0; i < n_base; ++i) ps.push_back(&items[i].red);
        for (auto& r : red.remaining()) ps.push_back(&r.red);
        // ps points into items: read it before add_square pushes (and may reallocate) items
        const std::vector<unsigned> atoms = active_atoms(ps);
        for (auto& h : p.square_hints) add_square(red.reduce(h));
        for (unsigned a : atoms) add_square(Poly::atom(a));
        if (p.goal_rel == Rel::Eq) add_square(red.reduce(p.goal_diff));
        // completing the square: ∂E/∂x of each hypothesis, e.g. (2ax + b)² for a·x² + b·x + c = 0
        for (auto& h : p.hyps) {
            if (!wide || h.rel == Rel::Ne || h.diff.degree() < 2) continue;
            for (unsigned a : atoms) add_square(red.reduce(derivative(h.diff, a)));
        }
        // squares of pairwise sums and differences of atoms ((a − b)² for a·b ≤ (a² + b²)/2)
        if (wide && atoms.size() <= 8)
            for (std::size_t i = 0; i < atoms.size(); ++i)
                for (std::size_t j = i + 1; j < atoms.size(); ++j) {
                    add_square(Poly::atom(atoms[i]) - Poly::atom(atoms[j]));
                    add_square(Poly::atom(atoms[i]) + Poly::atom(atoms[j]));
                }
        for (std::size_t i = 0; i < n_base; ++i)
            if (items[i].kind != Item::Kind::NonzeroSq) add_square(items[i].red);
        for (std::size_t i = 0; i < n_base; ++i)
            for (std::size_t j = i + 1; j < n_base; ++j) {
                if (items[i].kind == Item::Kind::NonzeroSq || items[j].kind == Item::Kind::NonzeroSq) continue;
                add_square(items[i].red - items[j].red);
                add_square(items[i].red + items[j].red);
            }
    }
    const std::size_t n_items = items.size();
    {
        Item c;
        c.kind = Item::Kind::Const;
        c.value = Poly::constant(1);
        c.red = c.value;
        c.strict = true;
        items.push_back(c);
    }
    std::vector<const Poly*> all_polys;
    for (auto& it : items) all_polys.push_back(&it.red);
    for (auto& r : red.remaining()) all_polys.push_back(&r.red);
    const auto atoms = active_atoms(all_polys);

    const Stage stages[] = {{1, 1, 0}, {2, 2, 0}, {3, 1, 0}, {3, 2, 0}, {2, 2, 2}, {4, 0, 0}, {3, 2, 2}, {4, 1, 2}};
    std::size_t last_columns = 0;
    unsigned stage_no = 0;
    for (const Stage& st : stages) {
        ++stage_no;
        if (Clock::now() > deadline) {
            res.timed_out = true;
            res.why = "budget ran out before stage " + std::to_string(stage_no);
            return res;
        }
        const unsigned maxdeg = D + st.extra_degree;
        // enumerate products (multisets of items) with pruning on degree
        std::vector<Product> prods;
        std::map<Poly, std::size_t> by_poly;  // reduced polynomial -> product index (strict preferred)
        auto offer = [&](Product pr) {
            auto it = by_poly.find(pr.red);
            if (it != by_poly.end()) {
                Product& old = prods[it->second];
                if (!old.strict && pr.strict) old = std::move(pr);
                return;
            }
            by_poly.emplace(pr.red, prods.size());
            prods.push_back(std::move(pr));
        };
        {
            Product c;
            c.factors = {static_cast<unsigned>(n_items)};
            c.red = Poly::constant(1);
            c.strict = true;
            offer(c);
        }
        bool budget_hit = false;
        std::vector<unsigned> cur;
        // depth-first enumeration
        std::function<void(std::size_t, const Poly&, bool, unsigned, unsigned)> gen =
            [&](std::size_t start, const Poly& acc, bool strict, unsigned deg, unsigned sq) {
                if (budget_hit) return;
                for (std::size_t i = start; i < n_items; ++i) {
                    const Item& it = items[i];
                    bool is_sq = it.kind == Item::Kind::Square;
                    if (is_sq && sq + 1 > st.squares) continue;
                    if (deg + it.deg > maxdeg) continue;
                    Poly next = cur.empty() ? it.red : acc * it.red;
                    bool nstrict = (cur.empty() ? true : strict) && it.strict;
                    cur.push_back(static_cast<unsigned>(i));
                    if (!(next.is_zero() && !nstrict)) {
                        Product pr;
                        pr.factors = cur;
                        pr.red = next;
                        pr.strict = nstrict;
                        offer(std::move(pr));
                    }
                    if (cur.size() < st.factors) gen(i, next, nstrict, deg + it.deg, sq + (is_sq ? 1 : 0));
                    cur.pop_back();
                    if (prods.size() > 20000) budget_hit = true;
                }
            };
        gen(0, Poly(), true, 0, 0);
        // equality columns: monomial multiples of the remaining equalities
        std::vector<std::pair<unsigned, Mono>> eq_cols;
        for (unsigned j = 0; j < red.remaining().size(); ++j) {
            unsigned dr = red.remaining()[j].red.degree();
            if (dr > maxdeg) continue;
            for (auto& m : monomials_up_to(atoms, maxdeg - dr)) eq_cols.emplace_back(j, m);
        }
        std::size_t ncols = prods.size() + eq_cols.size();
        if (ncols == last_columns) continue;  // same system as the previous stage
        last_columns = ncols;
        RowIndex ri;
        std::vector<SparseColumn> cols;
        for (auto& pr : prods) cols.push_back(ri.column(pr.red));
        for (auto& [j, m] : eq_cols) {
            Poly col = Poly::monomial(m) * red.remaining()[j].red;
            cols.push_back(ri.column(col));
            cols.push_back(ri.column(col, -1));
        }
        unsigned norm_row = static_cast<unsigned>(ri.rows.size());
        for (std::size_t k = 0; k < prods.size(); ++k)
            if (prods[k].strict) cols[k].entries.emplace_back(norm_row, 1);
        std::vector<Rational> b(norm_row + 1);
        b[norm_row] = 1;
        auto t0 = Clock::now();
        LpResult lp = solve_feasibility(norm_row + 1, b, cols, deadline);
        if (std::getenv("ICL_PROVE_DEBUG"))
            std::fprintf(stderr, "  stage %u: %zu rows, %zu columns (%zu products), %lu pivots, %.1f ms, %s\n", stage_no,
                         ri.rows.size() + 1, cols.size(), prods.size(), lp.pivots,
                         std::chrono::duration<double, std::milli>(Clock::now() - t0).count(),
                         lp.status == LpStatus::Feasible ? "feasible" : lp.status == LpStatus::Infeasible ? "infeasible" : "timeout");
        if (lp.status == LpStatus::Timeout) {
            res.timed_out = true;
            res.why = "budget ran out in the LP of stage " + std::to_string(stage_no);
            return res;
        }
        if (lp.status == LpStatus::Infeasible) continue;
        // ---- smaller certificate: drop products while the LP restricted to the rest stays feasible, then
        // try excluding each product of the result from the whole system and keep a cheaper solution
        {
            // solve over a subset of the product columns (all equality columns always included)
            auto solve_subset = [&](const std::vector<std::size_t>& keep) -> std::optional<std::vector<Rational>> {
                std::vector<SparseColumn> sub;
                for (std::size_t k : keep) sub.push_back(cols[k]);
                for (std::size_t k = prods.size(); k < cols.size(); ++k) sub.push_back(cols[k]);
                LpResult r2 = solve_feasibility(norm_row + 1, b, sub, deadline);
                if (r2.status != LpStatus::Feasible) return std::nullopt;
                std::vector<Rational> x(cols.size());
                for (std::size_t i = 0; i < keep.size(); ++i) x[keep[i]] = r2.x[i];
                for (std::size_t k = prods.size(); k < cols.size(); ++k) x[k] = r2.x[keep.size() + (k - prods.size())];
                return x;
            };
            auto support_of = [&](const std::vector<Rational>& x) {
                std::vector<std::size_t> sup;
                for (std::size_t k = 0; k < prods.size(); ++k)
                    if (x[k] != 0) sup.push_back(k);
                return sup;
            };
            auto prune = [&](std::vector<Rational> x) {
                std::vector<std::size_t> support = support_of(x);
                std::vector<std::size_t> order = support;
                std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
                    return prods[a].factors.size() > prods[b].factors.size();
                });
                for (std::size_t drop : order) {
                    if (Clock::now() > deadline) break;
                    if (std::find(support.begin(), support.end(), drop) == support.end()) continue;
                    std::vector<std::size_t> keep;
                    for (std::size_t k : support)
                        if (k != drop) keep.push_back(k);
                    if (auto x2 = solve_subset(keep)) {
                        x = std::move(*x2);
                        support = support_of(x);
                    }
                }
                return x;
            };
            auto cost = [&](const std::vector<Rational>& x) {
                std::size_t c = 0;
                for (std::size_t k = 0; k < cols.size(); ++k)
                    if (x[k] != 0) c += k < prods.size() ? prods[k].factors.size() + 1 : 2;
                return c;
            };
            lp.x = prune(lp.x);
            if (cols.size() <= 3000) {
                std::vector<std::size_t> banned;
                bool improved = true;
                for (int round = 0; round < 2 && improved; ++round) {
                    improved = false;
                    for (std::size_t k : support_of(lp.x)) {
                        if (Clock::now() > deadline) break;
                        std::vector<std::size_t> keep;
                        for (std::size_t j = 0; j < prods.size(); ++j)
                            if (j != k) keep.push_back(j);
                        auto x2 = solve_subset(keep);
                        if (!x2) continue;
                        auto x3 = prune(*x2);
                        if (cost(x3) < cost(lp.x)) {
                            lp.x = std::move(x3);
                            improved = true;
                            break;
                        }
                    }
                }
            }
            std::vector<std::size_t> support = support_of(lp.x);
            // positive rescaling keeps a refutation valid: make the plain negated goal's coefficient 1 when it
            // occurs, else make the coefficients integers
            Rational scale = 1;
            bool neg_alone = false;
            for (std::size_t k : support)
                if (prods[k].factors.size() == 1 && items[prods[k].factors[0]].kind == Item::Kind::NegGoal) {
                    scale = Rational(1) / lp.x[k];
                    neg_alone = true;
                }
            if (!neg_alone) {
                Integer l = 1;
                for (std::size_t k : support) l = boost::multiprecision::lcm(l, Integer(boost::multiprecision::denominator(lp.x[k])));
                scale = Rational(l);
            }
            if (scale != 1)
                for (auto& v : lp.x) v *= scale;
        }
        // ---- build the certificate from the exact solution
        const auto& eqs = red.equalities();
        std::vector<Poly> M(eqs.size());
        for (std::size_t k = 0; k < eq_cols.size(); ++k) {
            Rational v = lp.x[prods.size() + 2 * k] - lp.x[prods.size() + 2 * k + 1];
            if (v == 0) continue;
            unsigned l = red.remaining()[eq_cols[k].first].eq;
            M[l] = M[l] + Poly::monomial(eq_cols[k].second, v);
        }
        Poly U;
        std::vector<PsatzPtr> children;
        unsigned used = 0;
        for (std::size_t k = 0; k < prods.size(); ++k) {
            const Rational& lam = lp.x[k];
            if (lam == 0) continue;
            ++used;
            Poly val = Poly::constant(lam);
            std::vector<PsatzPtr> fs;
            for (unsigned f : prods[k].factors) {
                val = val * items[f].value;
                PsatzPtr nd = items[f].make();
                if (items[f].kind == Item::Kind::Square) {
                    PsatzNode sqn = *nd;
                    sqn.poly = items[f].of.to_term(p.atoms);
                    nd = node(std::move(sqn));
                }
                fs.push_back(nd);
            }
            U = U + val;
            if (prods[k].factors.size() == 1 && items[prods[k].factors[0]].kind == Item::Kind::Const) {
                PsatzNode c;
                c.kind = PsatzNode::Kind::Const;
                c.value = lam;
                children.push_back(node(std::move(c)));
                continue;
            }
            if (lam == 1 && fs.size() == 1) {
                children.push_back(fs[0]);
                continue;
            }
            PsatzNode mul;
            mul.kind = PsatzNode::Kind::Mul;
            if (lam != 1) {
                PsatzNode c;
                c.kind = PsatzNode::Kind::Const;
                c.value = lam;
                mul.children.push_back(node(std::move(c)));
            }
            for (auto& f : fs) mul.children.push_back(f);
            children.push_back(node(std::move(mul)));
        }
        Poly check = U;  // Σ λ P
        for (std::size_t l = 0; l < eqs.size(); ++l) U = U + M[l] * eqs[l];
        std::vector<Poly> q;
        Poly rest = red.reduce_tracked(U, q);  // 0 = Σ λ P + Σ M E + Σ q E
        if (!rest.is_zero()) {
            res.why = "internal: LP solution does not cancel";
            return res;
        }
        for (std::size_t l = 0; l < eqs.size(); ++l) {
            Poly w = M[l] + q[l];
            if (w.is_zero()) continue;
            check = check + w * eqs[l];
            if (w == Poly::constant(1)) {
                children.push_back(hyp_node(red.equality_names()[l]));
            } else {
                PsatzNode mp;
                mp.kind = PsatzNode::Kind::MulPoly;
                mp.poly = w.to_term(p.atoms);
                mp.children.push_back(hyp_node(red.equality_names()[l]));
                children.push_back(node(std::move(mp)));
            }
        }
        if (!check.is_zero()) {
            res.why = "internal: certificate does not cancel";
            return res;
        }
        // the plain negated goal first, as a reader expects
        std::stable_partition(children.begin(), children.end(),
                              [](const PsatzPtr& c) { return c->kind == PsatzNode::Kind::NegGoal; });
        PsatzNode root;
        root.kind = PsatzNode::Kind::Add;
        root.children = std::move(children);
        Certificate c;
        c.kind = Certificate::Kind::Psatz;
        c.refutation = node(std::move(root));
        res.cert = c;
        res.method = "psatz stage " + std::to_string(stage_no) + " (" + std::to_string(used) + " of " +
                     std::to_string(prods.size()) + " products, " + std::to_string(lp.pivots) + " pivots)";
        return res;
    }
    res.why = "no Positivstellensatz certificate up to degree-" + std::to_string(D + 2) + " products of 4 factors";
    return res;
}

}  // namespace icl::prover
