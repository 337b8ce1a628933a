// Computed independence of the theorem statements: canonical forms up to renaming (see independence.hpp).
#include "export/normal_form.hpp"
#include "export/independence.hpp"

#include <algorithm>
#include <functional>
#include <numeric>
#include <optional>
#include <set>

namespace icl::export_ {

namespace {

using kernel::Rational;
using Exponents = std::vector<unsigned long>;
using Poly = std::map<Exponents, Rational>;  // over the statement's variable indices

struct Atom {
    bool goal = false;
    char rel = '=';      // '=', '!' (≠), 'g' (≥ 0), '>' (> 0)
    char tag = ' ';      // ' ' plain, 'A' ∀ k < bound, 'S' sum over bound
    int bound = -1;      // variable index of the bound, or -1
    Poly poly;
    std::vector<Poly> sides;  // an identity (poly ≡ 0, relation =): the normal forms of its two sides
};

struct Var {
    std::string name;
    char sort;  // 'r' real, 'n' natural, 'f' family
};

struct Prepared {
    std::vector<Var> vars;
    std::vector<Atom> atoms;
};

struct Unsupported : std::runtime_error {
    using std::runtime_error::runtime_error;
};

int var_index(const std::vector<Var>& vars, const std::string& ring_name) {
    std::string name = ring_name;
    auto paren = name.find('(');
    if (paren != std::string::npos) name = name.substr(0, paren);  // family atom f(index)
    for (std::size_t i = 0; i < vars.size(); ++i)
        if (vars[i].name == name && (paren == std::string::npos) == (vars[i].sort != 'f')) return int(i);
    throw Unsupported("unknown ring variable '" + ring_name + "'");
}

Poly to_poly(const export_::Polynomial& p, const std::vector<Var>& vars) {
    std::vector<int> map;
    for (const auto& v : p.variables) map.push_back(var_index(vars, v));
    Poly out;
    for (const auto& m : p.monomials) {
        Exponents e(vars.size(), 0);
        for (std::size_t i = 0; i < m.exponents.size(); ++i) e[map[i]] += m.exponents[i];
        out[e] += m.coeff;
    }
    for (auto it = out.begin(); it != out.end();) it = it->second == 0 ? out.erase(it) : std::next(it);
    return out;
}

Poly minus(Poly a, const Poly& b) {
    for (const auto& [e, c] : b) a[e] -= c;
    for (auto it = a.begin(); it != a.end();) it = it->second == 0 ? a.erase(it) : std::next(it);
    return a;
}

// (relation, polynomial) with p ⋈ 0 from l REL r; ⋈ ∈ {=, ≠, ≥, >}
std::pair<char, bool> relation(kernel::Rel r) {  // (rel, swap sides)
    switch (r) {
        case kernel::Rel::Eq: return {'=', false};
        case kernel::Rel::Ne: return {'!', false};
        case kernel::Rel::Ge: return {'g', false};
        case kernel::Rel::Gt: return {'>', false};
        case kernel::Rel::Le: return {'g', true};
        case kernel::Rel::Lt: return {'>', true};
    }
    return {'?', false};
}

int nat_index(const std::vector<Var>& vars, const std::string& name) {
    for (std::size_t i = 0; i < vars.size(); ++i)
        if (vars[i].name == name && vars[i].sort == 'n') return int(i);
    throw Unsupported("unknown bound '" + name + "'");
}

Prepared prepare(const kernel::Statement& s, const kernel::Limits& limits) {
    Prepared p;
    for (const auto& v : s.reals) p.vars.push_back({v, 'r'});
    for (const auto& v : s.nats) p.vars.push_back({v, 'n'});
    for (const auto& v : s.families) p.vars.push_back({v, 'f'});
    auto side = [&](const kernel::TermPtr& t, const std::string& index) {
        return to_poly(export_::normalize(*t, s, index, limits, false), p.vars);
    };
    // l − r (r − l when swapped) normalised once; the two sides separately only for an identity (l − r ≡ 0)
    auto difference = [&](Atom& a, const kernel::TermPtr& l, const kernel::TermPtr& r, bool swap, const std::string& index) {
        a.poly = side(swap ? kernel::sub(r, l) : kernel::sub(l, r), index);
        if (a.rel == '=' && a.poly.empty()) a.sides = {side(l, index), side(r, index)};
    };
    for (const auto& h : s.hypotheses) {
        Atom a;
        auto [rel, swap] = relation(h.prop.rel);
        a.rel = rel;
        if (!h.forall_index.empty()) {
            a.tag = 'A';
            a.bound = nat_index(p.vars, h.forall_bound);
        }
        difference(a, h.prop.lhs, h.prop.rhs, swap, h.forall_index);
        p.atoms.push_back(a);
    }
    auto is_sum = [](const kernel::TermPtr& t) { return t && t->kind == kernel::Term::Kind::Sum; };
    auto is_zero = [](const kernel::TermPtr& t) { return t && t->kind == kernel::Term::Kind::Number && t->number == 0; };
    for (const auto& g : s.goals) {
        Atom a;
        a.goal = true;
        auto [rel, swap] = relation(g.rel);
        a.rel = rel;
        if (!is_sum(g.lhs) && !is_sum(g.rhs)) {
            difference(a, g.lhs, g.rhs, swap, "");
            p.atoms.push_back(a);
            continue;
        }
        Poly l, r;
        {  // Σ f ⋈ Σ g, Σ f ⋈ 0, 0 ⋈ Σ g: the form of the body f − g
            std::string bound;
            auto body = [&](const kernel::TermPtr& t) -> Poly {
                if (is_zero(t)) return {};
                if (!is_sum(t) || t->args.size() != 2 || !t->args[0]) throw Unsupported("sum beside a non-zero term");
                if (!bound.empty() && bound != t->args[0]->name) throw Unsupported("sums with different bounds");
                bound = t->args[0]->name;
                return side(t->args[1], t->name);
            };
            l = body(g.lhs);
            r = body(g.rhs);
            a.tag = 'S';
            a.bound = nat_index(p.vars, bound);
        }
        a.poly = swap ? minus(r, l) : minus(l, r);
        if (a.rel == '=' && a.poly.empty()) a.sides = {l, r};
        p.atoms.push_back(a);
    }
    return p;
}

unsigned long degree(const Poly& p) {
    unsigned long d = 0;
    for (const auto& [e, c] : p) d = std::max(d, std::accumulate(e.begin(), e.end(), 0ul));
    return d;
}

// Renaming-invariant description of variable v: sort and, per atom it occurs in, how.
std::string signature(const Prepared& p, std::size_t v) {
    std::vector<std::string> parts;
    for (const auto& a : p.atoms) {
        unsigned long maxexp = 0, count = 0;
        for (const auto& [e, c] : a.poly)
            if (e[v]) maxexp = std::max(maxexp, e[v]), ++count;
        for (const auto& side : a.sides)
            for (const auto& [e, c] : side)
                if (e[v]) maxexp = std::max(maxexp, e[v]), ++count;
        bool is_bound = a.bound == int(v);
        if (!count && !is_bound) continue;
        parts.push_back(std::string(1, a.goal ? 'G' : 'H') + a.rel + a.tag + std::to_string(degree(a.poly)) + "/" +
                        std::to_string(a.poly.size()) + "/" + std::to_string(maxexp) + "/" + std::to_string(count) +
                        (is_bound ? "b" : ""));
    }
    if (parts.empty()) return "";
    std::sort(parts.begin(), parts.end());
    std::string out(1, p.vars[v].sort);
    for (const auto& s : parts) out += " " + s;
    return out;
}

std::string render_poly(const Poly& p, const std::vector<int>& pos, std::size_t m, bool scaled, bool positive);

std::string render(const Atom& a, const std::vector<int>& pos, std::size_t m) {
    std::string out(1, a.goal ? 'G' : 'H');
    out += a.rel;
    out += a.tag;
    if (a.bound >= 0) out += "v" + std::to_string(pos[a.bound]);
    if (!a.sides.empty()) {  // identity: the unordered pair of its sides, unscaled
        std::string l = render_poly(a.sides[0], pos, m, false, false), r = render_poly(a.sides[1], pos, m, false, false);
        if (r < l) std::swap(l, r);
        return out + "I:" + l + " |" + r;
    }
    return out + ":" + render_poly(a.poly, pos, m, true, a.rel == 'g' || a.rel == '>');
}

std::string render_poly(const Poly& p, const std::vector<int>& pos, std::size_t m, bool scaled, bool positive) {
    std::vector<std::pair<Exponents, Rational>> monos;
    for (const auto& [e, c] : p) {
        Exponents ce(m, 0);
        for (std::size_t v = 0; v < e.size(); ++v)
            if (e[v]) ce[pos[v]] = e[v];
        monos.emplace_back(std::move(ce), c);
    }
    std::sort(monos.begin(), monos.end(), [](const auto& x, const auto& y) { return x.first > y.first; });
    Rational scale = 1;
    if (scaled && !monos.empty()) {
        scale = monos.front().second;
        if (positive && scale < 0) scale = -scale;
    }
    std::string out;
    for (const auto& [e, c] : monos) {
        Rational q = c / scale;
        out += " " + q.str() + "*";
        for (std::size_t i = 0; i < e.size(); ++i)
            if (e[i]) out += "v" + std::to_string(i) + "^" + std::to_string(e[i]);
    }
    return out;
}

std::string render_all(const Prepared& p, const std::vector<int>& pos, std::size_t m) {
    std::vector<std::string> hyps, goals;
    for (const auto& a : p.atoms) (a.goal ? goals : hyps).push_back(render(a, pos, m));
    std::sort(hyps.begin(), hyps.end());
    std::sort(goals.begin(), goals.end());
    goals.erase(std::unique(goals.begin(), goals.end()), goals.end());  // a conjunction is a set
    std::string out;
    for (const auto& h : hyps) out += h + "\n";
    out += "⊢\n";
    for (const auto& g : goals) out += g + "\n";
    return out;
}

// A renaming-invariant summary of the canonical text: per atom what its rendering shows whatever the
// renaming (hypothesis or goal, relation, tag, whether it has a bound, degree and monomial count, or the
// two side sizes of an identity); hypotheses as a multiset, goals as a set, as render_all writes them.
// Equal canonical texts have equal fingerprints, so only statements that share a fingerprint need the
// renaming search; in the corpus most statements share theirs with none.
std::string fingerprint(const Prepared& p) {
    std::vector<std::string> hyps, goals;
    for (const auto& a : p.atoms) {
        std::string f(1, a.goal ? 'G' : 'H');
        f += a.rel;
        f += a.tag;
        f += a.bound >= 0 ? "b" : "";
        if (!a.sides.empty()) {
            auto l = a.sides[0].size(), r = a.sides[1].size();
            f += "I" + std::to_string(std::min(l, r)) + "/" + std::to_string(std::max(l, r)) + "/" +
                 std::to_string(std::max(degree(a.sides[0]), degree(a.sides[1])));
        } else {
            f += std::to_string(degree(a.poly)) + "/" + std::to_string(a.poly.size());
        }
        (a.goal ? goals : hyps).push_back(f);
    }
    std::sort(hyps.begin(), hyps.end());
    std::sort(goals.begin(), goals.end());
    goals.erase(std::unique(goals.begin(), goals.end()), goals.end());
    std::string out;
    for (const auto& h : hyps) out += h + ";";
    out += "|";
    for (const auto& g : goals) out += g + ";";
    return out;
}

// Coarser still, and read off the statement without normalising it: per hypothesis and goal only its
// relation, tag and whether it has a bound (as prepare() would set them). Equal canonical texts have equal
// outlines, so a statement whose outline no other statement has is on its own without being normalised.
std::string outline(const kernel::Statement& s) {
    auto is_sum = [](const kernel::TermPtr& t) { return t && t->kind == kernel::Term::Kind::Sum; };
    std::vector<std::string> hyps, goals;
    for (const auto& h : s.hypotheses)
        hyps.push_back(std::string(1, relation(h.prop.rel).first) + (h.forall_index.empty() ? " " : "Ab"));
    for (const auto& g : s.goals)
        goals.push_back(std::string(1, relation(g.rel).first) + (is_sum(g.lhs) || is_sum(g.rhs) ? "Sb" : " "));
    std::sort(hyps.begin(), hyps.end());
    std::sort(goals.begin(), goals.end());
    goals.erase(std::unique(goals.begin(), goals.end()), goals.end());
    std::string out;
    for (const auto& h : hyps) out += h + ";";
    out += "|";
    for (const auto& g : goals) out += g + ";";
    return out;
}

CanonicalForm search_canonical(const Prepared& p) {
    CanonicalForm f;
    // variables that occur, grouped by signature (groups ordered by signature text)
    std::vector<std::pair<std::string, std::size_t>> sig;
    for (std::size_t v = 0; v < p.vars.size(); ++v) {
        std::string g = signature(p, v);
        if (!g.empty()) sig.emplace_back(g, v);
    }
    std::sort(sig.begin(), sig.end());
    const std::size_t m = sig.size();
    std::vector<std::vector<std::size_t>> groups;  // variable indices, sorted (next_permutation order)
    for (std::size_t i = 0; i < m; ++i) {
        if (i == 0 || sig[i].first != sig[i - 1].first) groups.emplace_back();
        groups.back().push_back(sig[i].second);
    }
    std::size_t total = 1;
    for (const auto& g : groups) {
        for (std::size_t k = 2; k <= g.size() && total <= kMaxRenamings; ++k) total *= k;
    }
    std::size_t monomials = 1;
    for (const auto& a : p.atoms) {
        monomials += a.poly.size();
        for (const auto& side : a.sides) monomials += side.size();
    }
    const bool search = total <= kMaxRenamings && total <= kMaxRenderedMonomials / monomials;

    std::vector<int> pos(p.vars.size(), -1), best_pos;
    std::string best;
    // enumerate the product of the groups' permutations
    std::function<void(std::size_t, std::size_t)> rec = [&](std::size_t gi, std::size_t offset) {
        if (gi == groups.size()) {
            std::string text = render_all(p, pos, m);
            if (best_pos.empty() || text < best) best = text, best_pos = pos;
            return;
        }
        std::vector<std::size_t> perm = groups[gi];
        do {
            for (std::size_t k = 0; k < perm.size(); ++k) pos[perm[k]] = int(offset + k);
            rec(gi + 1, offset + perm.size());
        } while (search && std::next_permutation(perm.begin(), perm.end()));
    };
    rec(0, 0);
    if (best_pos.empty()) best_pos = pos, best = render_all(p, pos, m);  // no variables at all
    f.text = best;
    for (std::size_t v = 0; v < p.vars.size(); ++v)
        if (best_pos[v] >= 0) f.position[p.vars[v].name] = "v" + std::to_string(best_pos[v]);
    return f;
}

}  // namespace

CanonicalForm canonical_form(const kernel::Statement& s, const std::string& id, const kernel::Limits& limits) {
    try {
        return search_canonical(prepare(s, limits));
    } catch (const std::exception& e) {  // KernelError or Unsupported: the statement stays on its own
        CanonicalForm f;
        f.error = e.what();
        f.text = "unnormalised:" + id;
        return f;
    }
}

IndependenceReport independence(const frontend::Corpus& corpus, const kernel::Limits& limits) {
    std::vector<const frontend::TheoremEntry*> all;  // the theorem statements; derived declarations are not evidence
    for (const auto& e : corpus.theorems)
        if (!e.derived) all.push_back(&e);
    return independence(all, limits);
}

IndependenceReport independence(const std::vector<const frontend::TheoremEntry*>& entries,
                                const kernel::Limits& limits) {
    IndependenceReport r;
    struct Form {
        const frontend::TheoremEntry* entry;
        std::optional<Prepared> prepared;  // empty: could not be normalised (a class of its own)
        std::string fingerprint;
        CanonicalForm canonical;
    };
    std::vector<Form> forms;
    std::map<std::string, std::size_t> outlines, sharing;  // outline / fingerprint → how many statements have it
    for (const auto* e : entries)
        if (!e->derived) ++outlines[outline(e->theorem.statement)];
    for (const auto* e : entries) {
        if (e->derived) continue;
        Form f{e, std::nullopt, "", {}};
        if (outlines[outline(e->theorem.statement)] == 1) {  // on its own: no normal form needed
            f.canonical.text = "alone:" + e->theorem.id;
            forms.push_back(std::move(f));
            continue;
        }
        try {
            f.prepared = prepare(e->theorem.statement, limits);
            f.fingerprint = fingerprint(*f.prepared);
            ++sharing[f.fingerprint];
        } catch (const std::exception& ex) {  // KernelError or Unsupported: the statement stays on its own
            f.canonical.error = ex.what();
        }
        forms.push_back(std::move(f));
    }
    for (auto& f : forms) {  // the renaming search only where a coincidence is possible
        if (!f.canonical.text.empty()) continue;  // alone by its outline
        if (!f.prepared) f.canonical.text = "unnormalised:" + f.entry->theorem.id;
        else if (sharing[f.fingerprint] > 1) f.canonical = search_canonical(*f.prepared);
        else f.canonical.text = "unique:" + f.fingerprint;  // no other statement can have its canonical text
    }
    r.statements = forms.size();
    std::map<std::string, std::size_t> class_of;  // canonical text → index into all classes
    std::vector<std::vector<std::size_t>> all;     // members (indices into forms)
    for (std::size_t i = 0; i < forms.size(); ++i) {
        auto [it, fresh] = class_of.emplace(forms[i].canonical.text, all.size());
        if (fresh) all.emplace_back();
        all[it->second].push_back(i);
    }
    r.independent = all.size();
    for (const auto& members : all) {
        if (members.size() < 2) continue;
        IndependenceClass c;
        const Form& rep = forms[members[0]];
        std::map<std::string, std::string> rep_name;  // canonical name → representative's variable
        for (const auto& [v, cn] : rep.canonical.position) rep_name[cn] = v;
        for (std::size_t k = 0; k < members.size(); ++k) {
            const auto* e = forms[members[k]].entry;
            const CanonicalForm& f = forms[members[k]].canonical;
            c.ids.push_back(e->theorem.id);
            if (k == 0) continue;
            r.same_as[e->theorem.id] = rep.entry->theorem.id;
            std::string ren;
            for (const auto& [v, cn] : f.position)
                if (rep_name[cn] != v) ren += (ren.empty() ? "" : ", ") + v + "→" + rep_name[cn];
            c.renamings.push_back(ren);
        }
        r.classes.push_back(c);
    }
    return r;
}

std::string class_text(const IndependenceClass& c) {
    std::string out;
    for (std::size_t i = 0; i < c.ids.size(); ++i) out += (i ? " ≡ " : "") + c.ids[i];
    std::string ren;
    for (std::size_t i = 1; i < c.ids.size(); ++i)
        ren += (ren.empty() ? "" : "; ") + c.ids[i] + ": " + (c.renamings[i - 1].empty() ? "same names" : c.renamings[i - 1]);
    return out + " (renaming " + ren + ")";
}

}  // namespace icl::export_
