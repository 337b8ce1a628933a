#include "prover/poly.hpp"

#include <algorithm>
#include <memory>
#include <stdexcept>

namespace icl::prover {

using kernel::Term;
using kernel::TermPtr;

unsigned AtomTable::intern(const std::string& name, TermPtr term) {
    auto it = index.find(name);
    if (it != index.end()) return it->second;
    unsigned k = static_cast<unsigned>(names.size());
    names.push_back(name);
    terms.push_back(std::move(term));
    index.emplace(name, k);
    return k;
}

unsigned mono_degree(const Mono& m) {
    unsigned d = 0;
    for (auto& [a, e] : m) d += e;
    return d;
}

Mono mono_mul(const Mono& a, const Mono& b) {
    Mono r;
    r.reserve(a.size() + b.size());
    std::size_t i = 0, j = 0;
    while (i < a.size() || j < b.size()) {
        if (j == b.size() || (i < a.size() && a[i].first < b[j].first)) r.push_back(a[i++]);
        else if (i == a.size() || b[j].first < a[i].first) r.push_back(b[j++]);
        else {
            r.emplace_back(a[i].first, a[i].second + b[j].second);
            ++i;
            ++j;
        }
    }
    return r;
}

Poly Poly::constant(const Rational& c) {
    Poly p;
    if (c != 0) p.t_[Mono{}] = c;
    return p;
}
Poly Poly::atom(unsigned a) { return monomial(Mono{{a, 1u}}); }
Poly Poly::monomial(const Mono& m, const Rational& c) {
    Poly p;
    if (c != 0) p.t_[m] = c;
    return p;
}

bool Poly::is_constant() const { return t_.empty() || (t_.size() == 1 && t_.begin()->first.empty()); }
Rational Poly::constant_value() const {
    auto it = t_.find(Mono{});
    return it == t_.end() ? Rational(0) : it->second;
}
unsigned Poly::degree() const {
    unsigned d = 0;
    for (auto& [m, c] : t_) d = std::max(d, mono_degree(m));
    return d;
}
bool Poly::has_atom(unsigned a) const {
    for (auto& [m, c] : t_)
        for (auto& [b, e] : m)
            if (a == b) return true;
    return false;
}
void Poly::add_term(const Mono& m, const Rational& c) {
    if (c == 0) return;
    auto [it, fresh] = t_.emplace(m, c);
    if (!fresh) {
        it->second += c;
        if (it->second == 0) t_.erase(it);
    }
}
Poly Poly::operator+(const Poly& o) const {
    Poly r = *this;
    for (auto& [m, c] : o.t_) r.add_term(m, c);
    return r;
}
Poly Poly::operator-(const Poly& o) const {
    Poly r = *this;
    for (auto& [m, c] : o.t_) r.add_term(m, -c);
    return r;
}
Poly Poly::operator-() const { return scaled(-1); }
SearchBudget& search_budget() {
    static thread_local SearchBudget b;
    return b;
}
void check_budget() {
    if (std::chrono::steady_clock::now() > search_budget().deadline) throw BudgetExceeded("budget ran out");
}

Poly Poly::operator*(const Poly& o) const {
    Poly r;
    const SearchBudget& b = search_budget();
    if (t_.size() * o.t_.size() > 64) check_budget();
    std::size_t n = 0;
    for (auto& [m1, c1] : t_) {
        for (auto& [m2, c2] : o.t_) r.add_term(mono_mul(m1, m2), c1 * c2);
        if ((n += o.t_.size()) > 4096) {
            n = 0;
            check_budget();
        }
        if (r.t_.size() > b.max_terms)
            throw BudgetExceeded("a polynomial exceeds " + std::to_string(b.max_terms) + " terms (memory cap)");
    }
    return r;
}
Poly Poly::scaled(const Rational& c) const {
    Poly r;
    if (c == 0) return r;
    for (auto& [m, v] : t_) r.t_.emplace(m, v * c);
    return r;
}
Poly Poly::pow(unsigned long e) const {
    Poly r = constant(1);
    for (unsigned long i = 0; i < e; ++i) r = r * *this;
    return r;
}

std::string rational_text(const Rational& q) {
    return q.str();  // boost prints "n" or "n/d" in lowest terms
}

namespace {
std::string mono_text(const Mono& m, const AtomTable& atoms) {
    std::string s;
    for (auto& [a, e] : m) {
        if (!s.empty()) s += "*";
        s += atoms.names.at(a);
        if (e > 1) s += "^" + std::to_string(e);
    }
    return s;
}
// Graded lexicographic, highest first (atoms in table order): x^2 + x*y + y^2 + x + 1.
bool glex_greater(const Mono& x, const Mono& y) {
    unsigned dx = mono_degree(x), dy = mono_degree(y);
    if (dx != dy) return dx > dy;
    std::size_t i = 0;
    for (; i < x.size() && i < y.size(); ++i) {
        if (x[i].first != y[i].first) return x[i].first < y[i].first;  // x has the earlier atom
        if (x[i].second != y[i].second) return x[i].second > y[i].second;
    }
    return i < x.size() && i == y.size();
}
std::vector<std::pair<Mono, Rational>> ordered(const std::map<Mono, Rational>& t) {
    std::vector<std::pair<Mono, Rational>> v(t.begin(), t.end());
    std::stable_sort(v.begin(), v.end(), [](auto& x, auto& y) { return glex_greater(x.first, y.first); });
    // lead with a positive term when there is one: v - u rather than -u + v
    if (!v.empty() && v.front().second < 0) {
        auto pos = std::find_if(v.begin(), v.end(), [](auto& x) { return x.second > 0; });
        if (pos != v.end()) std::rotate(v.begin(), pos, pos + 1);
    }
    return v;
}
TermPtr mk_number(const Rational& q) { return icl::kernel::number(q); }
TermPtr mk_neg(TermPtr a) { return icl::kernel::neg(std::move(a)); }
TermPtr mk_pow(TermPtr a, unsigned long e) { return icl::kernel::pow(std::move(a), e); }
}  // namespace

std::string Poly::to_text(const AtomTable& atoms) const {
    if (t_.empty()) return "0";
    std::string s;
    bool first = true;
    for (auto& [m, c] : ordered(t_)) {
        Rational a = c < 0 ? Rational(-c) : c;
        if (first) s += c < 0 ? "-" : "";
        else s += c < 0 ? " - " : " + ";
        first = false;
        if (m.empty()) s += rational_text(a);
        else if (a == 1) s += mono_text(m, atoms);
        else s += rational_text(a) + "*" + mono_text(m, atoms);
    }
    return s;
}

TermPtr Poly::to_term(const AtomTable& atoms) const {
    if (t_.empty()) return mk_number(0);
    TermPtr acc;
    for (auto& [m, c] : ordered(t_)) {
        Rational a = c < 0 ? Rational(-c) : c;
        TermPtr term = (a == 1 && !m.empty()) ? nullptr : mk_number(a);  // left-nested: 2*x*y
        for (auto& [at, e] : m) {
            TermPtr f = atoms.terms.at(at);
            if (e > 1) f = mk_pow(f, e);
            term = term ? icl::kernel::mul(term, f) : f;
        }
        if (!acc) acc = c < 0 ? mk_neg(term) : term;
        else acc = c < 0 ? icl::kernel::sub(acc, term) : icl::kernel::add(acc, term);
    }
    return acc;
}

std::vector<Mono> monomials_up_to(const std::vector<unsigned>& atoms, unsigned d) {
    std::vector<Mono> out{Mono{}};
    // extend atom by atom
    for (unsigned a : atoms) {
        std::vector<Mono> next;
        for (auto& m : out) {
            unsigned dm = mono_degree(m);
            next.push_back(m);
            for (unsigned e = 1; dm + e <= d; ++e) {
                Mono n = m;
                n.emplace_back(a, e);
                std::sort(n.begin(), n.end());
                next.push_back(n);
            }
            if (next.size() > search_budget().max_terms)
                throw BudgetExceeded("too many monomials up to degree " + std::to_string(d) + " (memory cap)");
        }
        check_budget();
        out = std::move(next);
    }
    std::stable_sort(out.begin(), out.end(), [](auto& x, auto& y) { return mono_degree(x) < mono_degree(y); });
    return out;
}

namespace {
struct Converter {
    const kernel::Statement& s;
    AtomTable& atoms;
    unsigned depth = 0;

    bool is_family(const std::string& n) const {
        for (auto& f : s.families)
            if (f == n) return true;
        return false;
    }
    const kernel::Definition* find_def(const std::string& n) const {
        for (auto& d : s.definitions)
            if (d.name == n) return &d;
        return nullptr;
    }

    Poly conv(const Term& t, const std::map<std::string, Poly>& params,
              const std::map<std::string, std::string>& index_map) {
        if (++depth > 2000) throw std::runtime_error("term too deep");
        struct Guard {
            unsigned& d;
            ~Guard() { --d; }
        } guard{depth};
        switch (t.kind) {
        case Term::Kind::Number: return Poly::constant(t.number);
        case Term::Kind::Var: {
            auto p = params.find(t.name);
            if (p != params.end()) return p->second;
            if (index_map.count(t.name)) throw std::runtime_error("index variable used as a real: " + t.name);
            return Poly::atom(atoms.intern(t.name, kernel::var(t.name)));
        }
        case Term::Kind::Neg: return -conv(*t.args.at(0), params, index_map);
        case Term::Kind::Add: return conv(*t.args.at(0), params, index_map) + conv(*t.args.at(1), params, index_map);
        case Term::Kind::Sub: return conv(*t.args.at(0), params, index_map) - conv(*t.args.at(1), params, index_map);
        case Term::Kind::Mul: return conv(*t.args.at(0), params, index_map) * conv(*t.args.at(1), params, index_map);
        case Term::Kind::Pow: return conv(*t.args.at(0), params, index_map).pow(t.exponent);
        case Term::Kind::Apply: {
            if (is_family(t.name)) {
                if (t.args.size() != 1 || t.args[0]->kind != Term::Kind::Var)
                    throw std::runtime_error("family value needs an index variable: " + t.name);
                auto ix = index_map.find(t.args[0]->name);
                if (ix == index_map.end()) throw std::runtime_error("family value outside a sum: " + t.name);
                std::string name = t.name + "(" + ix->second + ")";
                return Poly::atom(atoms.intern(name, kernel::apply(t.name, {kernel::var(ix->second)})));
            }
            const kernel::Definition* d = find_def(t.name);
            if (!d) throw std::runtime_error("unknown function: " + t.name);
            if (d->params.size() != t.args.size()) throw std::runtime_error("wrong arity: " + t.name);
            std::map<std::string, Poly> inner;
            for (std::size_t i = 0; i < d->params.size(); ++i)
                inner[d->params[i]] = conv(*t.args[i], params, index_map);
            return conv(*d->body, inner, {});
        }
        case Term::Kind::Sum: throw std::runtime_error("sum outside the finite-sum rules");
        }
        throw std::runtime_error("unknown term kind");
    }
};
}  // namespace

Poly to_poly(const Term& t, const kernel::Statement& s, AtomTable& atoms,
             const std::map<std::string, std::string>& index_map) {
    Converter c{s, atoms};
    return c.conv(t, {}, index_map);
}

}  // namespace icl::prover
