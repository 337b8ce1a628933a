// Round-trip reader for the emitted Lean subset. See export/lean_reader.hpp.
// Deliberately shares no proof-generation code with export/lean.cpp: it re-derives every type from the
// Lean text and replays Mathlib's rules.
#include "export/normal_form.hpp"
#include "export/lean_reader.hpp"

#include <algorithm>
#include <cctype>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <sstream>

namespace icl::leanexp {

using kernel::Rational;
using kernel::Rel;
using kernel::Term;
using kernel::TermPtr;

LeanReadError::LeanReadError(int l, const std::string& message)
    : std::runtime_error("line " + std::to_string(l) + ": " + message), line(l) {}

namespace {

// ---------------------------------------------------------------- terms
TermPtr t_num(const Rational& q) { return kernel::number(q); }
TermPtr t_var(const std::string& n) { return kernel::var(n); }
TermPtr t_neg(TermPtr a) { return kernel::neg(std::move(a)); }
TermPtr t_add(TermPtr a, TermPtr b) { return kernel::add(std::move(a), std::move(b)); }
TermPtr t_sub(TermPtr a, TermPtr b) { return kernel::sub(std::move(a), std::move(b)); }
TermPtr t_mul(TermPtr a, TermPtr b) { return kernel::mul(std::move(a), std::move(b)); }
TermPtr t_pow(TermPtr a, unsigned long e) { return kernel::pow(std::move(a), e); }

bool same(const Term& a, const Term& b) {
    if (a.kind != b.kind || a.args.size() != b.args.size()) return false;
    switch (a.kind) {
    case Term::Kind::Number: return a.number == b.number;
    case Term::Kind::Var: return a.name == b.name;
    case Term::Kind::Pow: if (a.exponent != b.exponent) return false; break;
    case Term::Kind::Apply:
    case Term::Kind::Sum: if (a.name != b.name) return false; break;
    default: break;
    }
    for (std::size_t i = 0; i < a.args.size(); ++i)
        if (!same(*a.args[i], *b.args[i])) return false;
    return true;
}

bool contains_sum(const Term& t) {
    if (t.kind == Term::Kind::Sum) return true;
    for (const auto& a : t.args)
        if (a && contains_sum(*a)) return true;
    return false;
}

TermPtr rename_var(const TermPtr& t, const std::string& from, const std::string& to) {
    if (from == to) return t;
    if (t->kind == Term::Kind::Var) return t->name == from ? t_var(to) : t;
    if (t->kind == Term::Kind::Sum && t->name == from) return t;  // shadowed
    std::vector<TermPtr> args;
    for (const auto& a : t->args) args.push_back(rename_var(a, from, to));
    return kernel::rebuild(*t, std::move(args), t->name);
}

std::optional<Rational> numeral(const Term& t) {
    switch (t.kind) {
    case Term::Kind::Number: return t.number;
    case Term::Kind::Neg: {
        auto v = numeral(*t.args[0]);
        if (!v) return std::nullopt;
        return Rational(-*v);
    }
    case Term::Kind::Mul:
    case Term::Kind::Add:
    case Term::Kind::Sub: {
        auto a = numeral(*t.args[0]);
        auto b = numeral(*t.args[1]);
        if (!a || !b) return std::nullopt;
        if (t.kind == Term::Kind::Mul) return Rational(*a * *b);
        if (t.kind == Term::Kind::Add) return Rational(*a + *b);
        return Rational(*a - *b);
    }
    default: return std::nullopt;
    }
}

// ---------------------------------------------------------------- tokens
struct Tok {
    enum class K { Ident, Num, Sym, End } k = K::End;
    std::string s;
};

const std::vector<std::string>& multibyte_syms() {
    static const std::vector<std::string> v = {"≤", "≥", "≠", "∧", "∀", "∑", "∈", "→", "⟨", "⟩", "·", "ℝ", "ℕ"};
    return v;
}

std::vector<Tok> tokenize(const std::string& s, int line) {
    std::vector<Tok> out;
    std::size_t i = 0;
    auto identch = [](unsigned char c) { return std::isalnum(c) || c == '_' || c == '\''; };
    while (i < s.size()) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            ++i;
            continue;
        }
        if (s.compare(i, 2, "«") == 0 || s.compare(i, 2, "\xC2\xAB") == 0) {
            std::size_t j = s.find("»", i + 2);
            if (j == std::string::npos) throw LeanReadError(line, "unterminated «");
            out.push_back({Tok::K::Ident, s.substr(i + 2, j - i - 2)});
            i = j + 2;
            continue;
        }
        if (std::isalpha(c) || c == '_') {
            if (c == '_' && (i + 1 >= s.size() || !identch(static_cast<unsigned char>(s[i + 1])))) {
                out.push_back({Tok::K::Sym, "_"});
                ++i;
                continue;
            }
            std::size_t j = i;
            while (j < s.size()) {
                if (identch(static_cast<unsigned char>(s[j]))) {
                    ++j;
                } else if (s[j] == '.' && j + 1 < s.size() &&
                           (std::isalpha(static_cast<unsigned char>(s[j + 1])) || s[j + 1] == '_')) {
                    ++j;
                } else {
                    break;
                }
            }
            out.push_back({Tok::K::Ident, s.substr(i, j - i)});
            i = j;
            continue;
        }
        if (std::isdigit(c)) {
            std::size_t j = i;
            while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) ++j;
            out.push_back({Tok::K::Num, s.substr(i, j - i)});
            i = j;
            continue;
        }
        if (c == '.' && i + 1 < s.size() && std::isalpha(static_cast<unsigned char>(s[i + 1]))) {
            std::size_t j = i + 1;
            while (j < s.size() && identch(static_cast<unsigned char>(s[j]))) ++j;
            out.push_back({Tok::K::Sym, s.substr(i, j - i)});  // ".le"
            i = j;
            continue;
        }
        bool found = false;
        for (const auto& m : multibyte_syms()) {
            if (s.compare(i, m.size(), m) == 0) {
                out.push_back({Tok::K::Sym, m});
                i += m.size();
                found = true;
                break;
            }
        }
        if (found) continue;
        for (const char* two : {":=", "=>", "?_"}) {
            if (s.compare(i, 2, two) == 0) {
                out.push_back({Tok::K::Sym, two});
                i += 2;
                found = true;
                break;
            }
        }
        if (found) continue;
        if (std::string("()+-*/^=<>,:").find(static_cast<char>(c)) != std::string::npos) {
            out.push_back({Tok::K::Sym, std::string(1, static_cast<char>(c))});
            ++i;
            continue;
        }
        throw LeanReadError(line, "unexpected character in `" + s + "`");
    }
    out.push_back({Tok::K::End, ""});
    return out;
}

// ---------------------------------------------------------------- proof types (Lean orientation)
struct PType {
    enum class K { Eq, Le, Lt, Ne } k = K::Eq;
    TermPtr lhs, rhs;
};

PType ptype_of(const kernel::Prop& p) {
    switch (p.rel) {
    case Rel::Eq: return {PType::K::Eq, p.lhs, p.rhs};
    case Rel::Le: return {PType::K::Le, p.lhs, p.rhs};
    case Rel::Lt: return {PType::K::Lt, p.lhs, p.rhs};
    case Rel::Ge: return {PType::K::Le, p.rhs, p.lhs};  // GE.ge a b unfolds (reducible) to b ≤ a
    case Rel::Gt: return {PType::K::Lt, p.rhs, p.lhs};
    case Rel::Ne: return {PType::K::Ne, p.lhs, p.rhs};
    }
    return {};
}

bool is_zero(const Term& t) { return t.kind == Term::Kind::Number && t.number == 0; }

struct EnvEntry {
    bool forall = false;
    kernel::Prop prop;  // as written (forall: the body)
    std::string index, bound;
    bool mem = false;  // `hmem : i ∈ Finset.range d`
    bool lt = false;   // with mem: `hlt : i < d` (from `intro i hlt` on a ∀ goal)
};

struct Env {
    std::map<std::string, EnvEntry> hyps;
    std::set<std::string> reals, nats, families;
    std::string index;  // current sum index
    std::string mem_index, mem_bound;
};

// ---------------------------------------------------------------- parser
class Parser {
public:
    Parser(std::vector<Tok> toks, int line, const Env* env) : t_(std::move(toks)), line_(line), env_(env) {}

    const Tok& peek(std::size_t k = 0) const { return t_[std::min(p_ + k, t_.size() - 1)]; }
    bool at_sym(const std::string& s) const { return peek().k == Tok::K::Sym && peek().s == s; }
    bool at_end() const { return peek().k == Tok::K::End; }
    Tok next() { return t_[p_ < t_.size() - 1 ? p_++ : p_]; }
    void expect(const std::string& s) {
        if (!at_sym(s)) fail("expected `" + s + "`, found `" + peek().s + "`");
        ++p_;
    }
    std::string ident() {
        if (peek().k != Tok::K::Ident) fail("expected an identifier, found `" + peek().s + "`");
        return next().s;
    }
    [[noreturn]] void fail(const std::string& m) const { throw LeanReadError(line_, m); }

    std::set<std::string> families;

    // expressions: + - (65) < * / (70) < unary - (75) < ^ (75, right) < application
    TermPtr expr() {
        TermPtr a = mul();
        while (at_sym("+") || at_sym("-")) {
            bool plus = next().s == "+";
            TermPtr b = mul();
            a = plus ? t_add(a, b) : t_sub(a, b);
        }
        return a;
    }
    TermPtr mul() {
        TermPtr a = unary();
        while (at_sym("*") || at_sym("/")) {
            bool times = next().s == "*";
            TermPtr b = unary();
            if (times) {
                a = t_mul(a, b);
            } else {
                auto x = numeral(*a);
                auto y = numeral(*b);
                if (!x || !y || *y == 0) fail("division is only supported between numerals");
                a = t_num(*x / *y);
            }
        }
        return a;
    }
    TermPtr unary() {
        if (at_sym("-")) {
            next();
            return t_neg(unary());
        }
        return power();
    }
    TermPtr power() {
        TermPtr a = app();
        if (at_sym("^")) {
            next();
            if (peek().k != Tok::K::Num) fail("exponent must be a natural literal");
            a = t_pow(a, std::stoul(next().s));
        }
        return a;
    }
    TermPtr app() {
        if (peek().k == Tok::K::Ident && families.count(peek().s)) {
            std::string f = next().s;
            return kernel::apply(f, {atom()});
        }
        return atom();
    }
    TermPtr atom() {
        if (peek().k == Tok::K::Num) {
            Rational q(kernel::Integer(next().s));
            return t_num(q);
        }
        if (peek().k == Tok::K::Ident) {
            std::string n = next().s;
            if (n.find('.') != std::string::npos) fail("unexpected qualified name `" + n + "` in a term");
            return t_var(n);
        }
        if (at_sym("(")) {
            next();
            TermPtr e = expr();
            if (at_sym(":")) {
                next();
                if (!at_sym("ℝ")) fail("only `: ℝ` ascriptions are emitted");
                next();
            }
            expect(")");
            return e;
        }
        if (at_sym("∑")) {
            next();
            std::string k = ident();
            expect("∈");
            if (ident() != "Finset.range") fail("sums range over `Finset.range d`");
            std::string d = ident();
            expect(",");
            TermPtr body = mul();  // the big-operator body is parsed at precedence 67
            return kernel::Term::make(Term::Kind::Sum, {t_var(d), body}, k);
        }
        fail("unexpected `" + peek().s + "` in a term");
    }
    Rel rel() {
        static const std::map<std::string, Rel> m = {{"=", Rel::Eq}, {"≤", Rel::Le}, {"<", Rel::Lt},
                                                      {"≥", Rel::Ge}, {">", Rel::Gt}, {"≠", Rel::Ne}};
        if (peek().k != Tok::K::Sym || !m.count(peek().s)) fail("expected a relation, found `" + peek().s + "`");
        return m.at(next().s);
    }
    kernel::Prop prop() {
        kernel::Prop p;
        p.lhs = expr();
        p.rel = rel();
        p.rhs = expr();
        return p;
    }

    // ------------------------------------------------ proof terms
    // An argument: identifier (with optional `.le`) or a parenthesised proof term (optional `.le`).
    PType proof_arg() {
        PType r;
        if (at_sym("(")) {
            next();
            r = proof_term();
            expect(")");
        } else {
            std::string n = ident();
            r = hyp_type(n);
        }
        while (at_sym(".le")) {
            next();
            r = weaken(r);
        }
        return r;
    }
    PType weaken(const PType& p) const {
        if (p.k != PType::K::Lt) fail("`.le` needs a strict inequality");
        return {PType::K::Le, p.lhs, p.rhs};
    }
    PType hyp_type(std::string n) const {
        bool symm = n.size() > 5 && n.compare(n.size() - 5, 5, ".symm") == 0;  // Eq.symm / Ne.symm
        if (symm) n.resize(n.size() - 5);
        int les = 0;
        while (n.size() > 3 && n.compare(n.size() - 3, 3, ".le") == 0) {
            n.resize(n.size() - 3);
            ++les;
        }
        auto it = env_->hyps.find(n);
        if (it == env_->hyps.end()) fail("unknown hypothesis `" + n + "`");
        if (it->second.forall || it->second.mem) fail("`" + n + "` is not an (in)equality");
        PType r = ptype_of(it->second.prop);
        for (int i = 0; i < les; ++i) r = weaken(r);
        if (symm) {
            if (r.k != PType::K::Eq && r.k != PType::K::Ne) fail("`.symm` of an inequality");
            std::swap(r.lhs, r.rhs);
        }
        return r;
    }
    static bool is_lemma(const std::string& s) {
        static const std::set<std::string> l = {"sub_nonneg.mpr", "sub_pos.mpr",   "mul_nonneg",
                                                "mul_pos",        "sq_nonneg",     "pow_pos",
                                                "le_of_lt",       "le_of_eq",      "sub_eq_zero.mpr",
                                                "add_pos",        "add_nonneg",    "add_pos_of_pos_of_nonneg",
                                                "add_pos_of_nonneg_of_pos",
                                                "lt_of_le_of_ne", "Ne.symm",       "pow_ne_zero",
                                                "sub_ne_zero.mpr"};
        return l.count(s) > 0;
    }
    std::size_t* atom_counter = nullptr;
    PType proof_term() {
        if (peek().k != Tok::K::Ident) fail("expected a proof term");
        std::string f = peek().s;
        if (!is_lemma(f)) {
            PType r = proof_arg();
            return r;
        }
        next();
        PType r;
        if (f == "sub_nonneg.mpr") {
            PType a = proof_arg();
            if (a.k != PType::K::Le) fail("sub_nonneg.mpr needs `b ≤ a`");
            r = {PType::K::Le, t_num(0), t_sub(a.rhs, a.lhs)};
        } else if (f == "sub_pos.mpr") {
            PType a = proof_arg();
            if (a.k != PType::K::Lt) fail("sub_pos.mpr needs `b < a`");
            r = {PType::K::Lt, t_num(0), t_sub(a.rhs, a.lhs)};
        } else if (f == "mul_nonneg") {
            PType a = proof_arg(), b = proof_arg();
            if (a.k != PType::K::Le || b.k != PType::K::Le || !is_zero(*a.lhs) || !is_zero(*b.lhs))
                fail("mul_nonneg needs `0 ≤ a` and `0 ≤ b`");
            r = {PType::K::Le, t_num(0), t_mul(a.rhs, b.rhs)};
        } else if (f == "mul_pos") {
            PType a = proof_arg(), b = proof_arg();
            if (a.k != PType::K::Lt || b.k != PType::K::Lt || !is_zero(*a.lhs) || !is_zero(*b.lhs))
                fail("mul_pos needs `0 < a` and `0 < b`");
            r = {PType::K::Lt, t_num(0), t_mul(a.rhs, b.rhs)};
        } else if (f == "le_of_lt") {
            r = weaken(proof_arg());
        } else if (f == "le_of_eq") {  // a = b → a ≤ b
            PType a = proof_arg();
            if (a.k != PType::K::Eq) fail("le_of_eq needs `a = b`");
            r = {PType::K::Le, a.lhs, a.rhs};
        } else if (f == "sub_eq_zero.mpr") {  // a = b → a - b = 0
            PType a = proof_arg();
            if (a.k != PType::K::Eq) fail("sub_eq_zero.mpr needs `a = b`");
            r = {PType::K::Eq, t_sub(a.lhs, a.rhs), t_num(0)};
        } else if (f == "add_pos" || f == "add_nonneg" || f == "add_pos_of_pos_of_nonneg" || f == "add_pos_of_nonneg_of_pos") {
            // add_pos : 0 < a → 0 < b → 0 < a + b; add_nonneg : 0 ≤ a → 0 ≤ b → 0 ≤ a + b;
            // add_pos_of_pos_of_nonneg : 0 < a → 0 ≤ b → 0 < a + b; add_pos_of_nonneg_of_pos : 0 ≤ a → 0 < b → 0 < a + b
            PType a = proof_arg(), b = proof_arg();
            PType::K ka = f == "add_nonneg" || f == "add_pos_of_nonneg_of_pos" ? PType::K::Le : PType::K::Lt;
            PType::K kb = f == "add_nonneg" || f == "add_pos_of_pos_of_nonneg" ? PType::K::Le : PType::K::Lt;
            if (a.k != ka || b.k != kb || !is_zero(*a.lhs) || !is_zero(*b.lhs)) fail(f + ": premises of the wrong form");
            r = {f == "add_nonneg" ? PType::K::Le : PType::K::Lt, t_num(0), t_add(a.rhs, b.rhs)};
        } else if (f == "sq_nonneg") {
            TermPtr e = atom();
            r = {PType::K::Le, t_num(0), t_pow(e, 2)};
        } else if (f == "pow_pos") {
            PType a = proof_arg();
            if (a.k != PType::K::Lt || !is_zero(*a.lhs)) fail("pow_pos needs `0 < a`");
            if (peek().k != Tok::K::Num) fail("pow_pos needs an exponent");
            r = {PType::K::Lt, t_num(0), t_pow(a.rhs, std::stoul(next().s))};
        } else if (f == "lt_of_le_of_ne") {
            PType a = proof_arg(), b = proof_arg();
            if (a.k != PType::K::Le || b.k != PType::K::Ne || !same(*a.lhs, *b.lhs) || !same(*a.rhs, *b.rhs))
                fail("lt_of_le_of_ne needs `a ≤ b` and `a ≠ b` with the same a, b");
            r = {PType::K::Lt, a.lhs, a.rhs};
        } else if (f == "Ne.symm") {
            PType a = proof_arg();
            if (a.k != PType::K::Ne) fail("Ne.symm needs `a ≠ b`");
            r = {PType::K::Ne, a.rhs, a.lhs};
        } else if (f == "pow_ne_zero") {
            if (peek().k != Tok::K::Num) fail("pow_ne_zero needs an exponent");
            unsigned long n = std::stoul(next().s);
            PType a = proof_arg();
            if (a.k != PType::K::Ne || !is_zero(*a.rhs)) fail("pow_ne_zero needs `a ≠ 0`");
            r = {PType::K::Ne, t_pow(a.lhs, n), t_num(0)};
        } else if (f == "sub_ne_zero.mpr") {
            PType a = proof_arg();
            if (a.k != PType::K::Ne) fail("sub_ne_zero.mpr needs `a ≠ b`");
            r = {PType::K::Ne, t_sub(a.lhs, a.rhs), t_num(0)};
        }
        return r;
    }

    // ------------------------------------------------ linear_combination expressions (Mathlib's expansion)
    struct Expanded {
        bool proof = false;
        TermPtr c;   // const
        PType p;     // proof (Eq/Le/Lt)
    };
    static int strength(PType::K k) { return k == PType::K::Eq ? 0 : k == PType::K::Le ? 1 : 2; }
    static PType::K of_strength(int s) { return s == 0 ? PType::K::Eq : s == 1 ? PType::K::Le : PType::K::Lt; }

    Expanded lc_expr() {
        Expanded a = lc_mul();
        while (at_sym("+") || at_sym("-")) {
            bool plus = next().s == "+";
            Expanded b = lc_mul();
            a = plus ? lc_add(a, b) : lc_sub(a, b);
        }
        return a;
    }
    Expanded lc_add(const Expanded& a, const Expanded& b) {
        if (!a.proof && !b.proof) return {false, t_add(a.c, b.c), {}};
        if (a.proof != b.proof) fail("a constant added to a proof has no effect (Mathlib warns); not emitted");
        PType r{of_strength(std::max(strength(a.p.k), strength(b.p.k))), t_add(a.p.lhs, b.p.lhs), t_add(a.p.rhs, b.p.rhs)};
        return {true, nullptr, r};
    }
    Expanded lc_sub(const Expanded& a, const Expanded& b) {
        if (!a.proof && !b.proof) return {false, t_sub(a.c, b.c), {}};
        if (!a.proof || !b.proof) fail("constant and proof subtracted (Mathlib warns); not emitted");
        if (b.p.k != PType::K::Eq) fail("coefficients of inequalities in 'linear_combination' must be nonnegative");
        // Mathlib: add p₁ (Eq.symm p₂)
        PType r{a.p.k, t_add(a.p.lhs, b.p.rhs), t_add(a.p.rhs, b.p.lhs)};
        return {true, nullptr, r};
    }
    Expanded lc_mul() {
        Expanded a = lc_unary();
        while (at_sym("*") || at_sym("/")) {
            bool times = next().s == "*";
            Expanded b = lc_unary();
            if (!a.proof && !b.proof) {
                if (times) {
                    a = {false, t_mul(a.c, b.c), {}};
                } else {
                    auto x = numeral(*a.c);
                    auto y = numeral(*b.c);
                    if (!y || *y == 0) fail("division by a non-numeral");
                    a = {false, x ? t_num(*x / *y) : t_mul(a.c, t_num(Rational(1) / *y)), {}};
                }
            } else if (a.proof && b.proof) {
                fail("'linear_combination' supports only linear operations");
            } else if (times) {
                const Expanded& pf = a.proof ? a : b;
                const Expanded& k = a.proof ? b : a;
                a = rescale(pf.p, k.c, /*const_on_right=*/a.proof);
            } else {
                if (!a.proof) fail("'linear_combination' supports only linear operations");
                auto y = numeral(*b.c);
                if (!y || *y <= 0) fail("division of an (in)equality by a non-positive or non-numeral constant");
                a = rescale(a.p, t_num(Rational(1) / *y), true);
            }
        }
        return a;
    }
    Expanded rescale(const PType& p, const TermPtr& c, bool const_on_right) {
        PType r = p;
        r.lhs = const_on_right ? t_mul(p.lhs, c) : t_mul(c, p.lhs);
        r.rhs = const_on_right ? t_mul(p.rhs, c) : t_mul(c, p.rhs);
        if (p.k != PType::K::Eq) {
            // positivity on the coefficient: we only accept numerals (nonnegative; strict if positive)
            auto v = numeral(*c);
            if (!v) fail("non-numeral coefficient on an inequality atom");
            if (*v < 0) fail("negative coefficient on an inequality atom");
            if (p.k == PType::K::Lt && *v == 0) r.k = PType::K::Le;
        }
        return {true, nullptr, r};
    }
    Expanded lc_unary() {
        if (at_sym("-")) {
            next();
            Expanded a = lc_unary();
            if (!a.proof) return {false, t_neg(a.c), {}};
            if (a.p.k != PType::K::Eq) fail("coefficients of inequalities in 'linear_combination' must be nonnegative");
            return {true, nullptr, {PType::K::Eq, a.p.rhs, a.p.lhs}};
        }
        Expanded a = lc_primary();
        if (at_sym("^")) {
            if (a.proof) fail("power of a proof");
            next();
            if (peek().k != Tok::K::Num) fail("exponent must be a natural literal");
            a.c = t_pow(a.c, std::stoul(next().s));
        }
        return a;
    }
    Expanded lc_primary() {
        if (at_sym("(")) {
            // either a parenthesised linear-combination expression or a parenthesised proof followed by .le
            std::size_t save = p_;
            std::size_t se = eq_atoms, si = ineq_atoms;
            next();
            Expanded e = lc_expr();
            if (at_sym(":")) {  // (c : ℝ)
                if (e.proof) fail("ascription on a proof");
                next();
                if (!at_sym("ℝ")) fail("only `: ℝ` ascriptions are emitted");
                next();
            }
            expect(")");
            if (at_sym(".le")) {
                p_ = save;
                eq_atoms = se;
                ineq_atoms = si;
                Expanded r{true, nullptr, proof_arg()};
                count_atom(r.p);
                return r;
            }
            return e;
        }
        if (peek().k == Tok::K::Ident) {
            std::string n = peek().s;
            std::string base = n;
            while (base.size() > 3 && base.compare(base.size() - 3, 3, ".le") == 0) base.resize(base.size() - 3);
            if (is_lemma(n) || env_->hyps.count(base)) {
                Expanded r{true, nullptr, proof_term()};
                count_atom(r.p);
                return r;
            }
        }
        return {false, power(), {}};
    }
    void count_atom(const PType& p) {
        if (p.k == PType::K::Ne) fail("a `≠` proof is not an (in)equality for linear_combination");
        if (p.k == PType::K::Eq) ++eq_atoms; else ++ineq_atoms;
    }
    std::size_t eq_atoms = 0, ineq_atoms = 0;

    std::size_t pos() const { return p_; }

private:
    std::vector<Tok> t_;
    std::size_t p_ = 0;
    int line_;
    const Env* env_;
};

// ---------------------------------------------------------------- comments and lines
// Replace comments by spaces (newlines kept). Returns the stripped text; collects line comments per line.
std::string strip_comments(const std::string& s, std::map<int, std::string>& line_comments) {
    std::string out = s;
    int depth = 0;
    int line = 1;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\n') {
            ++line;
            continue;
        }
        if (depth == 0 && s.compare(i, 2, "--") == 0) {
            std::size_t j = s.find('\n', i);
            if (j == std::string::npos) j = s.size();
            line_comments[line] = s.substr(i + 2, j - i - 2);
            for (std::size_t k = i; k < j; ++k) out[k] = ' ';
            i = j - 1;
            continue;
        }
        if (s.compare(i, 2, "/-") == 0) {
            ++depth;
            out[i] = out[i + 1] = ' ';
            ++i;
            continue;
        }
        if (depth > 0 && s.compare(i, 2, "-/") == 0) {
            --depth;
            out[i] = out[i + 1] = ' ';
            ++i;
            continue;
        }
        if (depth > 0) out[i] = ' ';
    }
    if (depth != 0) throw LeanReadError(line, "unterminated block comment");
    return out;
}

std::vector<ReadLine> split_lines(const std::string& s) {
    std::vector<ReadLine> out;
    std::istringstream is(s);
    std::string l;
    int n = 0;
    while (std::getline(is, l)) {
        ++n;
        std::size_t k = l.find_first_not_of(' ');
        std::size_t e = l.find_last_not_of(" \t\r");
        if (k == std::string::npos) continue;
        out.push_back({static_cast<int>(k), l.substr(k, e - k + 1), n});
    }
    return out;
}

bool starts_with(const std::string& s, const std::string& p) { return s.compare(0, p.size(), p) == 0; }

// `theorem NAME binders : goals := by`
void parse_header(const std::string& text, int line, ReadTheorem& th) {
    Parser ps(tokenize(text, line), line, nullptr);
    if (ps.ident() != "theorem") ps.fail("expected `theorem`");
    th.name = ps.ident();
    while (ps.at_sym("(")) {
        ps.next();
        std::vector<std::string> names;
        while (ps.peek().k == Tok::K::Ident) names.push_back(ps.next().s);
        ps.expect(":");
        if (names.empty()) ps.fail("binder without names");
        if (ps.at_sym("ℝ")) {
            ps.next();
            th.reals.insert(th.reals.end(), names.begin(), names.end());
            for (const auto& n : names) th.binders.push_back({n, 'r'});
        } else if (ps.at_sym("ℕ")) {
            ps.next();
            if (ps.at_sym("→")) {
                ps.next();
                ps.expect("ℝ");
                th.families.insert(th.families.end(), names.begin(), names.end());
                for (const auto& n : names) ps.families.insert(n), th.binders.push_back({n, 'f'});
            } else {
                th.nats.insert(th.nats.end(), names.begin(), names.end());
                for (const auto& n : names) th.binders.push_back({n, 'n'});
            }
        } else {
            if (names.size() != 1) ps.fail("a hypothesis binder has one name");
            ReadHyp h;
            h.name = names[0];
            if (ps.at_sym("∀")) {
                ps.next();
                h.forall_index = ps.ident();
                ps.expect("<");
                h.forall_bound = ps.ident();
                ps.expect(",");
            }
            h.prop = ps.prop();
            th.hyps.push_back(h);
            th.binders.push_back({h.name, 'h'});
        }
        ps.expect(")");
    }
    ps.expect(":");
    th.goals.push_back(ps.prop());
    while (ps.at_sym("∧")) {
        ps.next();
        th.goals.push_back(ps.prop());
    }
    ps.expect(":=");
    if (ps.ident() != "by") ps.fail("expected `by`");
    if (!ps.at_end()) ps.fail("unexpected text after `:= by`");
}

// ---------------------------------------------------------------- proof checking
bool equivalent(const TermPtr& a, const TermPtr& b, const kernel::Statement& s, const std::string& index,
                const kernel::Limits& limits = {});

// Structural equality up to renaming sum indices (both sides get one name no identifier can spell).
bool same_alpha(const TermPtr& a, const TermPtr& b) {
    if (a->kind == Term::Kind::Sum && b->kind == Term::Kind::Sum) {
        if (!same(*a->args[0], *b->args[0])) return false;
        return same_alpha(rename_var(a->args[1], a->name, "#a"), rename_var(b->args[1], b->name, "#a"));
    }
    if (a->kind != b->kind || a->args.size() != b->args.size()) return false;
    switch (a->kind) {
    case Term::Kind::Number: return a->number == b->number;
    case Term::Kind::Var: return a->name == b->name;
    case Term::Kind::Pow: if (a->exponent != b->exponent) return false; break;
    case Term::Kind::Apply: if (a->name != b->name) return false; break;
    default: break;
    }
    for (std::size_t i = 0; i < a->args.size(); ++i)
        if (!same_alpha(a->args[i], b->args[i])) return false;
    return true;
}

Rel converse(Rel r) {
    switch (r) {
    case Rel::Le: return Rel::Ge;
    case Rel::Ge: return Rel::Le;
    case Rel::Lt: return Rel::Gt;
    case Rel::Gt: return Rel::Lt;
    default: return r;
    }
}

// Every sum index of t renamed to a fresh "#sN" (no Lean identifier), so a substitution cannot capture.
TermPtr freshen_sums(const TermPtr& t, int& counter) {
    if (t->kind == Term::Kind::Sum) {
        std::string fresh = "#s" + std::to_string(counter++);
        return kernel::rebuild(*t, {t->args[0], freshen_sums(rename_var(t->args[1], t->name, fresh), counter)}, fresh);
    }
    if (t->args.empty()) return t;
    std::vector<TermPtr> args;
    for (const auto& a : t->args) args.push_back(freshen_sums(a, counter));
    return kernel::rebuild(*t, std::move(args), t->name);
}

struct Checker {
    RoundTripReport& rep;
    const ReadTheorem& th;
    const std::map<std::string, const ReadTheorem*>* earlier = nullptr;  // theorems defined above th

    kernel::Statement stmt(const Env& env) const {
        kernel::Statement s;
        s.reals.assign(env.reals.begin(), env.reals.end());
        s.nats.assign(env.nats.begin(), env.nats.end());
        s.families.assign(env.families.begin(), env.families.end());
        return s;
    }
    export_::Polynomial norm(const TermPtr& t, const Env& env, int line) const {
        try {
            return export_::normalize(*t, stmt(env), env.index);
        } catch (const std::exception& e) {
            throw LeanReadError(line, std::string("export_::normalize failed: ") + e.what());
        }
    }
    static bool is_constant(const export_::Polynomial& p) {  // no monomial mentions a variable
        for (const auto& m : p.monomials)
            for (auto e : m.exponents)
                if (e) return false;
        return true;
    }
    static Rational constant(const export_::Polynomial& p) { return p.monomials.empty() ? Rational(0) : p.monomials[0].coeff; }

    // Replay `linear_combination <e>` against goal `goal`.
    void linear_combination(const std::string& arg, const PType& goal, const Env& env, int line) {
        if (goal.k == PType::K::Ne) throw LeanReadError(line, "linear_combination on a `≠` goal");
        Parser ps(tokenize(arg, line), line, &env);
        ps.families = env.families;
        PType comb{PType::K::Eq, t_num(0), t_num(0)};
        if (!ps.at_end()) {
            Parser::Expanded e = ps.lc_expr();
            if (!ps.at_end()) ps.fail("unexpected `" + ps.peek().s + "` after the linear combination");
            if (!e.proof) ps.fail("the combination contains no proof (Mathlib warns and uses 0)");
            comb = e.p;
        }
        rep.linear_combinations++;
        rep.inequality_atoms += ps.ineq_atoms;
        rep.equality_atoms += ps.eq_atoms;
        // Mathlib's relImpRelData: (combination, goal) -> side-goal relation
        PType::K need;
        if (goal.k == PType::K::Eq) {
            if (comb.k != PType::K::Eq) throw LeanReadError(line, "cannot prove an equality from inequality hypotheses");
            need = PType::K::Eq;
        } else if (goal.k == PType::K::Le) {
            need = PType::K::Le;
        } else {
            need = comb.k == PType::K::Lt ? PType::K::Le : PType::K::Lt;
        }
        TermPtr residual = t_sub(t_sub(goal.lhs, goal.rhs), t_sub(comb.lhs, comb.rhs));
        export_::Polynomial p = norm(residual, env, line);
        if (!is_constant(p)) throw LeanReadError(line, "linear_combination residual is not a constant: " + p.text);
        Rational c = constant(p);
        bool ok = need == PType::K::Eq ? c == 0 : need == PType::K::Le ? c <= 0 : c < 0;
        if (!ok)
            throw LeanReadError(line, "linear_combination residual " + c.str() + " has the wrong sign for " +
                                          (need == PType::K::Eq ? "=" : need == PType::K::Le ? "≤" : "<"));
    }

    struct Goal {
        bool is_false = false;
        std::vector<kernel::Prop> conj;
        bool closed = false;
        std::string fa_index, fa_bound;  // non-empty: the goal is `∀ fa_index < fa_bound, conj[0]`
    };

    // Empty iff `have` (a fact) proves `want`: same relation (or the converse with swapped sides) and
    // the same normal form of lhs − rhs (sides pairwise, sums by body, when a side is a sum); and,
    // because Lean's `have`/`exact` check definitional equality, not ring equality, the same terms up to
    // ≥/> unfolding (GE.ge a b is b ≤ a) and renaming sum indices.
    std::string mismatch(const kernel::Prop& have, const kernel::Prop& want, const Env& env,
                         const std::string& index) const {
        bool math = false;
        try {
            kernel::Statement s = stmt(env);
            bool sums = contains_sum(*have.lhs) || contains_sum(*have.rhs) || contains_sum(*want.lhs) ||
                        contains_sum(*want.rhs);
            if (!sums) {
                export_::Polynomial ph = export_::normalize(*t_sub(have.lhs, have.rhs), s, index);
                if (have.rel == want.rel && ph == export_::normalize(*t_sub(want.lhs, want.rhs), s, index)) math = true;
                if (!math && converse(have.rel) == want.rel &&
                    ph == export_::normalize(*t_sub(want.rhs, want.lhs), s, index))
                    math = true;
            } else {
                PType a = ptype_of(have), b = ptype_of(want);
                math = a.k == b.k && equivalent(a.lhs, b.lhs, s, index) && equivalent(a.rhs, b.rhs, s, index);
            }
        } catch (const std::exception& e) {
            return std::string("export_::normalize failed: ") + e.what();
        }
        if (!math) return "the relation or the normal form of lhs − rhs differs";
        PType a = ptype_of(have), b = ptype_of(want);
        if (!(a.k == b.k && same_alpha(a.lhs, b.lhs) && same_alpha(a.rhs, b.rhs)))
            return "equal only up to ring normalisation, not syntactically (Lean's definitional check would fail)";
        return "";
    }
    // The same for `∀ k < d, P k` facts: the same bound and the bodies at one common index.
    std::string mismatch_forall(const EnvEntry& have, const std::string& index, const std::string& bound,
                                const kernel::Prop& want, const Env& env) const {
        if (!have.forall) return "it is not a ∀-hypothesis";
        if (have.bound != bound) return "it is bounded by `" + have.bound + "`, not `" + bound + "`";
        const std::string k = "#k";
        kernel::Prop h{rename_var(have.prop.lhs, have.index, k), have.prop.rel, rename_var(have.prop.rhs, have.index, k)};
        kernel::Prop w{rename_var(want.lhs, index, k), want.rel, rename_var(want.rhs, index, k)};
        return mismatch(h, w, env, k);
    }

    // `NAME args…` (the parser is at NAME): NAME must be a theorem defined earlier in the file; the
    // arguments are substituted for its binders in order and every hypothesis argument must match.
    // Returns the instantiated conclusions.
    std::vector<kernel::Prop> application(Parser& p, const Env& env, int line) {
        const std::string name = p.ident();
        if (!earlier || !earlier->count(name))
            p.fail("`" + name + "` is not a theorem defined earlier in the file");
        if (env.hyps.count(name) || env.reals.count(name) || env.nats.count(name) || env.families.count(name))
            p.fail("`" + name + "` is a local name here, which Lean would use instead of the theorem");
        const ReadTheorem& T = *earlier->at(name);
        kernel::Substitution sigma;
        std::vector<std::pair<const ReadHyp*, std::string>> hyp_args;
        const kernel::Statement here = stmt(env);
        for (const auto& [bn, kind] : T.binders) {
            if (p.at_end()) p.fail("`" + name + "` applied to too few arguments: nothing for `" + bn + "`");
            if (kind == 'r') {
                TermPtr t;
                if (p.at_sym("(") || p.peek().k == Tok::K::Num) {
                    t = p.atom();
                } else {
                    t = t_var(p.ident());
                }
                try {
                    (void)export_::normalize(*t, here, env.index);
                } catch (const std::exception& e) {
                    p.fail("argument for `" + bn + "` of `" + name + "` is not a real term here: " + e.what());
                }
                sigma.reals[bn] = t;
            } else if (kind == 'n' || kind == 'f') {
                if (p.peek().k != Tok::K::Ident) p.fail("argument for `" + bn + "` of `" + name + "` must be a name");
                std::string a = p.ident();
                if (kind == 'n' ? !env.nats.count(a) : !env.families.count(a))
                    p.fail("argument `" + a + "` for `" + bn + "` of `" + name + "` is not a " +
                           (kind == 'n' ? "ℕ variable" : "ℕ → ℝ family") + " here");
                sigma.names[bn] = a;
            } else {
                if (p.peek().k != Tok::K::Ident) p.fail("argument for hypothesis `" + bn + "` of `" + name + "` must be a name");
                const ReadHyp* h = nullptr;
                for (const auto& x : T.hyps)
                    if (x.name == bn) h = &x;
                hyp_args.push_back({h, p.ident()});
            }
        }
        if (!p.at_end()) p.fail("`" + name + "` applied to too many arguments (at `" + p.peek().s + "`)");
        int counter = 0;
        auto inst = [&](const TermPtr& t) { return kernel::substitute(freshen_sums(t, counter), sigma); };
        for (const auto& [h, a] : hyp_args) {
            auto it = env.hyps.find(a);
            if (it == env.hyps.end()) p.fail("unknown hypothesis `" + a + "` given for `" + h->name + "` of `" + name + "`");
            std::string why;
            if (h->forall_index.empty()) {
                if (it->second.forall || it->second.mem) {
                    why = "it is not an (in)equality";
                } else {
                    why = mismatch(it->second.prop, {inst(h->prop.lhs), h->prop.rel, inst(h->prop.rhs)}, env, env.index);
                }
            } else {
                const std::string k = "#f";
                kernel::Prop body{inst(rename_var(h->prop.lhs, h->forall_index, k)), h->prop.rel,
                                  inst(rename_var(h->prop.rhs, h->forall_index, k))};
                why = mismatch_forall(it->second, k, sigma.names.at(h->forall_bound), body, env);
            }
            if (!why.empty())
                p.fail("hypothesis argument `" + a + "` does not have the type of `" + h->name + "` of `" + name +
                       "` after substitution: " + why);
        }
        std::vector<kernel::Prop> out;
        for (const auto& g : T.goals) out.push_back({inst(g.lhs), g.rel, inst(g.rhs)});
        rep.theorem_applications++;
        (void)line;
        return out;
    }

    static std::string first_word(const std::string& s) {
        std::size_t k = s.find(' ');
        return k == std::string::npos ? s : s.substr(0, k);
    }

    // Check lines[b, e) at indentation `ind` proving `goal` in `env`.
    void block(const std::vector<ReadLine>& L, std::size_t b, std::size_t e, int ind, Goal goal, Env env) {
        std::size_t i = b;
        auto single = [&](int line) -> const kernel::Prop& {
            if (goal.is_false || goal.conj.size() != 1 || !goal.fa_index.empty())
                throw LeanReadError(line, "expected a single (in)equality goal");
            return goal.conj[0];
        };
        while (i < e) {
            const ReadLine& l = L[i];
            if (l.indent != ind) throw LeanReadError(l.line, "unexpected indentation");
            if (goal.closed) throw LeanReadError(l.line, "tactic after the goal was closed");
            const std::string& s = l.text;
            if (starts_with(s, "refine ⟨")) {
                std::size_t n = 0;
                for (std::size_t k = 0; (k = s.find("?_", k)) != std::string::npos; k += 2) ++n;
                if (goal.is_false || goal.conj.size() != n || n < 2)
                    throw LeanReadError(l.line, "refine ⟨…⟩ does not match the conjunction");
                ++i;
                for (std::size_t g = 0; g < n; ++g) {
                    if (i >= e || L[i].indent != ind || !starts_with(L[i].text, "· "))
                        throw LeanReadError(i < e ? L[i].line : l.line, "expected a `·` bullet for each conjunct");
                    std::vector<ReadLine> sub;
                    sub.push_back({ind + 2, L[i].text.substr(std::string("· ").size()), L[i].line});
                    std::size_t j = i + 1;
                    while (j < e && L[j].indent > ind) sub.push_back(L[j++]);
                    Goal sg;
                    sg.conj = {goal.conj[g]};
                    block(sub, 0, sub.size(), ind + 2, sg, env);
                    i = j;
                }
                goal.closed = true;
                continue;
            }
            if (s == "ring") {
                const kernel::Prop& g = single(l.line);
                if (g.rel != Rel::Eq) throw LeanReadError(l.line, "ring on a non-equality");
                export_::Polynomial p = norm(t_sub(g.lhs, g.rhs), env, l.line);
                if (!p.monomials.empty()) throw LeanReadError(l.line, "ring: sides differ by " + p.text);
                rep.ring_steps++;
                goal.closed = true;
                ++i;
                continue;
            }
            if (first_word(s) == "linear_combination") {
                const kernel::Prop& g = single(l.line);
                linear_combination(s.substr(std::string("linear_combination").size()), ptype_of(g), env, l.line);
                goal.closed = true;
                ++i;
                continue;
            }
            if (s == "apply Finset.sum_nonneg" || s == "apply Finset.sum_le_sum" || s == "apply Finset.sum_congr rfl") {
                const kernel::Prop& g = single(l.line);
                PType pt = ptype_of(g);
                const Term* lo = pt.lhs.get();
                const Term* hi = pt.rhs.get();
                PType::K bk = PType::K::Le;
                if (s == "apply Finset.sum_nonneg") {
                    if (pt.k != PType::K::Le || !is_zero(*lo) || hi->kind != Term::Kind::Sum)
                        throw LeanReadError(l.line, "Finset.sum_nonneg needs `0 ≤ ∑ …`");
                    lo = nullptr;
                } else if (s == "apply Finset.sum_le_sum") {
                    if (pt.k != PType::K::Le) throw LeanReadError(l.line, "Finset.sum_le_sum needs `∑ ≤ ∑`");
                } else {
                    if (pt.k != PType::K::Eq) throw LeanReadError(l.line, "Finset.sum_congr needs `∑ = ∑`");
                    bk = PType::K::Eq;
                }
                if (hi->kind != Term::Kind::Sum || (lo && lo->kind != Term::Kind::Sum))
                    throw LeanReadError(l.line, "sum lemma on a goal that is not a sum");
                std::string bound = hi->args[0]->name;
                if (lo && lo->args[0]->name != bound) throw LeanReadError(l.line, "sums over different ranges");
                ++i;
                if (i >= e) throw LeanReadError(l.line, "missing `intro`");
                Parser ip(tokenize(L[i].text, L[i].line), L[i].line, nullptr);
                if (ip.ident() != "intro") ip.fail("expected `intro i hmem`");
                std::string iv = ip.ident();
                std::string hm = ip.ident();
                if (!ip.at_end()) ip.fail("expected `intro i hmem`");
                if (env.reals.count(iv) || env.hyps.count(iv)) ip.fail("index shadows a variable");
                auto body = [&](const Term* sm) { return rename_var(sm->args[1], sm->name, iv); };
                kernel::Prop bg;
                bg.rel = bk == PType::K::Eq ? Rel::Eq : Rel::Le;
                bg.lhs = lo ? body(lo) : t_num(0);
                bg.rhs = body(hi);
                goal.conj = {bg};
                env.index = iv;
                env.mem_index = iv;
                env.mem_bound = bound;
                EnvEntry me;
                me.mem = true;
                me.index = iv;
                me.bound = bound;
                env.hyps[hm] = me;
                rep.sum_steps++;
                ++i;
                continue;
            }
            if (starts_with(s, "have ") && s.find(" := ") != std::string::npos && s.find(" := by") == std::string::npos) {
                Parser hp(tokenize(s, l.line), l.line, &env);
                hp.families = env.families;
                hp.ident();
                std::string h = hp.ident();
                if (hp.at_sym(":")) {
                    // have h : P := T args…
                    hp.next();
                    kernel::Prop p = hp.prop();
                    hp.expect(":=");
                    const std::string head = hp.peek().k == Tok::K::Ident ? hp.peek().s : std::string();
                    const bool lone_hyp = env.hyps.count(head) && s.size() > head.size() + 4 &&
                                          s.compare(s.size() - head.size() - 4, head.size() + 4, " := " + head) == 0;
                    if (Parser::is_lemma(head) || lone_hyp) {
                        // have f : P := proof term: the ascribed P must be the lemma's conclusion
                        PType got = hp.proof_term();
                        if (!hp.at_end()) hp.fail("unexpected text after the proof term");
                        PType want = ptype_of(p);
                        if (got.k != want.k || !same(*got.lhs, *want.lhs) || !same(*got.rhs, *want.rhs))
                            hp.fail("the ascribed type of `" + h + "` is not the conclusion of its proof term");
                        rep.inequality_atoms++;
                        EnvEntry he;
                        he.prop = p;
                        env.hyps[h] = he;
                        ++i;
                        continue;
                    }
                    std::vector<kernel::Prop> concl = application(hp, env, l.line);
                    if (concl.size() != 1)
                        hp.fail("`have` of a theorem with " + std::to_string(concl.size()) + " conclusions (expected `obtain`)");
                    std::string why = mismatch(p, concl[0], env, env.index);
                    if (!why.empty()) hp.fail("the ascribed type of `" + h + "` is not the theorem's conclusion after substitution: " + why);
                    EnvEntry he;
                    he.prop = p;
                    env.hyps[h] = he;
                    ++i;
                    continue;
                }
                // have h := h0 i (Finset.mem_range.mp hmem)   (sum body)   or   have h := h0 i hlt   (∀ goal)
                hp.expect(":=");
                std::string h0 = hp.ident();
                std::string iv = hp.ident();
                std::string hm;
                bool via_mem = hp.at_sym("(");
                if (via_mem) {
                    hp.expect("(");
                    if (hp.ident() != "Finset.mem_range.mp") hp.fail("expected Finset.mem_range.mp");
                    hm = hp.ident();
                    hp.expect(")");
                } else {
                    hm = hp.ident();
                }
                if (!hp.at_end()) hp.fail("unexpected text");
                auto it0 = env.hyps.find(h0);
                auto itm = env.hyps.find(hm);
                if (it0 == env.hyps.end() || !it0->second.forall) hp.fail(h0 + " is not a ∀-hypothesis");
                if (itm == env.hyps.end() || !itm->second.mem) hp.fail(hm + " is not a membership proof");
                if (via_mem && itm->second.lt) hp.fail(hm + " is `" + iv + " < " + itm->second.bound + "`, not a Finset membership");
                if (!via_mem && !itm->second.lt) hp.fail(hm + " is a Finset membership: use Finset.mem_range.mp");
                if (itm->second.index != iv) hp.fail("membership proof is for another index");
                if (itm->second.bound != it0->second.bound) hp.fail("∀-hypothesis and sum have different bounds");
                EnvEntry inst;
                inst.prop.rel = it0->second.prop.rel;
                inst.prop.lhs = rename_var(it0->second.prop.lhs, it0->second.index, iv);
                inst.prop.rhs = rename_var(it0->second.prop.rhs, it0->second.index, iv);
                env.hyps[h] = inst;
                ++i;
                continue;
            }
            if (starts_with(s, "obtain ⟨")) {
                Parser op(tokenize(s, l.line), l.line, &env);
                op.families = env.families;
                op.ident();
                op.expect("⟨");
                std::vector<std::string> names{op.ident()};
                while (op.at_sym(",")) {
                    op.next();
                    names.push_back(op.ident());
                }
                op.expect("⟩");
                op.expect(":");
                std::vector<kernel::Prop> ps{op.prop()};
                while (op.at_sym("∧")) {
                    op.next();
                    ps.push_back(op.prop());
                }
                op.expect(":=");
                std::vector<kernel::Prop> concl = application(op, env, l.line);
                if (names.size() != ps.size() || ps.size() != concl.size())
                    op.fail("obtain: " + std::to_string(names.size()) + " names, " + std::to_string(ps.size()) +
                            " ascribed conjuncts, " + std::to_string(concl.size()) + " conclusions");
                for (std::size_t k = 0; k < ps.size(); ++k) {
                    std::string why = mismatch(ps[k], concl[k], env, env.index);
                    if (!why.empty())
                        op.fail("conjunct " + std::to_string(k + 1) + " of the ascribed type is not the theorem's conclusion after substitution: " + why);
                }
                for (std::size_t k = 0; k < ps.size(); ++k) {
                    EnvEntry he;
                    he.prop = ps[k];
                    env.hyps[names[k]] = he;
                }
                ++i;
                continue;
            }
            if (first_word(s) == "intro") {
                Parser ip(tokenize(s, l.line), l.line, nullptr);
                ip.ident();
                std::string iv = ip.ident();
                std::string hl = ip.ident();
                if (!ip.at_end()) ip.fail("expected `intro i hlt`");
                if (goal.fa_index.empty() || goal.is_false || goal.conj.size() != 1)
                    ip.fail("`intro` on a goal that is not `∀ k < d, …`");
                if (!env.index.empty()) ip.fail("`intro` of an index inside a sum body");
                if (env.reals.count(iv) || env.nats.count(iv) || env.families.count(iv) || env.hyps.count(iv))
                    ip.fail("index `" + iv + "` shadows a name in scope");
                kernel::Prop& g = goal.conj[0];
                g.lhs = rename_var(g.lhs, goal.fa_index, iv);
                g.rhs = rename_var(g.rhs, goal.fa_index, iv);
                EnvEntry me;
                me.mem = true;
                me.lt = true;
                me.index = iv;
                me.bound = goal.fa_bound;
                env.hyps[hl] = me;
                env.index = iv;
                goal.fa_index.clear();
                goal.fa_bound.clear();
                rep.forall_intros++;
                ++i;
                continue;
            }
            if (first_word(s) == "exact" && !starts_with(s, "exact absurd ")) {
                Parser xp(tokenize(s, l.line), l.line, nullptr);
                xp.ident();
                std::string h = xp.ident();
                if (!xp.at_end()) xp.fail("expected `exact h`");
                const kernel::Prop& g = single(l.line);
                auto it = env.hyps.find(h);
                if (it == env.hyps.end()) xp.fail("exact: unknown hypothesis `" + h + "`");
                if (it->second.forall || it->second.mem) xp.fail("exact: `" + h + "` is not an (in)equality");
                std::string why = mismatch(it->second.prop, g, env, env.index);
                if (!why.empty()) xp.fail("exact: the type of `" + h + "` is not the goal: " + why);
                rep.exact_steps++;
                goal.closed = true;
                ++i;
                continue;
            }
            if (first_word(s) == "by_contra") {  // by_contra h : an equality goal l = r becomes False with h : l ≠ r
                const kernel::Prop& g = single(l.line);
                Parser bp(tokenize(s, l.line), l.line, nullptr);
                bp.ident();
                std::string h = bp.ident();
                if (!bp.at_end()) bp.fail("expected `by_contra h`");
                if (g.rel != Rel::Eq) bp.fail("by_contra is emitted only for equality goals");
                EnvEntry hn;
                hn.prop = {g.lhs, Rel::Ne, g.rhs};
                env.hyps[h] = hn;
                goal.is_false = true;
                goal.conj.clear();
                rep.contradiction_steps++;
                ++i;
                continue;
            }
            if (s == "norm_num") {  // closes a true comparison of numerals
                const kernel::Prop& g = single(l.line);
                auto a = numeral(*g.lhs);
                auto c = numeral(*g.rhs);
                PType pt = ptype_of(g);
                auto x = numeral(*pt.lhs), y = numeral(*pt.rhs);
                if (!a || !c || !x || !y) throw LeanReadError(l.line, "norm_num on a goal that is not a numeral comparison");
                bool holds = pt.k == PType::K::Le ? *x <= *y : pt.k == PType::K::Lt ? *x < *y : pt.k == PType::K::Eq ? *x == *y : *x != *y;
                if (!holds) throw LeanReadError(l.line, "norm_num on a false numeral comparison");
                goal.closed = true;
                ++i;
                continue;
            }
            if (starts_with(s, "refine not_lt.mp (fun ") || starts_with(s, "refine not_le.mp (fun ")) {
                const kernel::Prop& g = single(l.line);
                PType pt = ptype_of(g);
                bool lt_form = starts_with(s, "refine not_le.mp");
                Parser rp(tokenize(s, l.line), l.line, nullptr);
                rp.ident();
                rp.ident();
                rp.expect("(");
                if (rp.ident() != "fun") rp.fail("expected fun");
                std::string h = rp.ident();
                rp.expect("=>");
                rp.expect("?_");
                rp.expect(")");
                if (!rp.at_end()) rp.fail("unexpected text");
                // not_lt : ¬a < b ↔ b ≤ a ; not_le : ¬a ≤ b ↔ b < a
                if (!lt_form && pt.k != PType::K::Le) rp.fail("not_lt.mp proves a `≤` goal");
                if (lt_form && pt.k != PType::K::Lt) rp.fail("not_le.mp proves a `<` goal");
                EnvEntry hn;
                hn.prop.rel = lt_form ? Rel::Le : Rel::Lt;
                hn.prop.lhs = pt.rhs;
                hn.prop.rhs = pt.lhs;
                env.hyps[h] = hn;
                goal.is_false = true;
                goal.conj.clear();
                rep.contradiction_steps++;
                ++i;
                continue;
            }
            if (starts_with(s, "have ") && s.size() > 6 && s.compare(s.size() - 6, 6, " := by") == 0) {
                Parser hp(tokenize(s.substr(5, s.size() - 11), l.line), l.line, &env);
                hp.families = env.families;
                std::string h = hp.ident();
                hp.expect(":");
                std::string fa_index, fa_bound;
                if (hp.at_sym("∀")) {
                    hp.next();
                    fa_index = hp.ident();
                    hp.expect("<");
                    fa_bound = hp.ident();
                    hp.expect(",");
                    if (!env.nats.count(fa_bound)) hp.fail("`" + fa_bound + "` is not a ℕ variable");
                    if (env.reals.count(fa_index) || env.families.count(fa_index)) hp.fail("bound index shadows a variable");
                }
                kernel::Prop p = hp.prop();
                if (!hp.at_end()) hp.fail("unexpected text");
                std::size_t j = i + 1;
                std::vector<ReadLine> sub;
                while (j < e && L[j].indent > ind) sub.push_back(L[j++]);
                if (sub.empty()) throw LeanReadError(l.line, "`have … := by` without a proof");
                Goal sg;
                sg.conj = {p};
                sg.fa_index = fa_index;
                sg.fa_bound = fa_bound;
                block(sub, 0, sub.size(), sub[0].indent, sg, env);
                EnvEntry he;
                he.prop = p;
                he.forall = !fa_index.empty();
                he.index = fa_index;
                he.bound = fa_bound;
                env.hyps[h] = he;
                i = j;
                continue;
            }
            if (starts_with(s, "exact absurd ")) {
                if (!goal.is_false) throw LeanReadError(l.line, "`exact absurd` outside a proof by contradiction");
                Parser ap(tokenize(s, l.line), l.line, nullptr);
                ap.ident();
                ap.ident();
                std::string h = ap.ident();
                ap.expect("(");
                if (ap.ident() != "by" || ap.ident() != "norm_num") ap.fail("expected (by norm_num)");
                ap.expect(")");
                if (!ap.at_end()) ap.fail("unexpected text");
                auto it = env.hyps.find(h);
                if (it == env.hyps.end() || it->second.forall || it->second.mem) ap.fail("unknown hypothesis " + h);
                PType pt = ptype_of(it->second.prop);
                auto a = numeral(*pt.lhs);
                auto c = numeral(*pt.rhs);
                if (!a || !c) ap.fail("norm_num needs a numeral comparison");
                bool is_false_prop = pt.k == PType::K::Le ? *a > *c : pt.k == PType::K::Lt ? *a >= *c : pt.k == PType::K::Eq ? *a != *c : false;
                if (!is_false_prop) ap.fail("`" + h + "` is not refutable by norm_num");
                goal.closed = true;
                ++i;
                continue;
            }
            throw LeanReadError(l.line, "tactic outside the emitted subset: `" + s + "`");
        }
        if (!goal.closed) throw LeanReadError(L.empty() ? th.line : L[e - 1].line, "goal left open");
    }
};

// ---------------------------------------------------------------- statement comparison
bool equivalent(const TermPtr& a, const TermPtr& b, const kernel::Statement& s, const std::string& index,
                const kernel::Limits& limits) {
    if (!contains_sum(*a) && !contains_sum(*b)) {
        return export_::normalize(*a, s, index, limits) == export_::normalize(*b, s, index, limits);
    }
    if (a->kind == Term::Kind::Apply && b->kind != Term::Kind::Apply) {
        // a definition call wrapping a sum: unfold it through the statement's definitions
        for (const auto& d : s.definitions)
            if (d.name == a->name && d.params.size() == a->args.size()) {
                std::function<TermPtr(const TermPtr&)> sub = [&](const TermPtr& t) -> TermPtr {
                    if (t->kind == Term::Kind::Var)
                        for (std::size_t i = 0; i < d.params.size(); ++i)
                            if (d.params[i] == t->name) return a->args[i];
                    std::vector<TermPtr> args;
                    for (const auto& x : t->args) args.push_back(sub(x));
                    return kernel::rebuild(*t, std::move(args), t->name);
                };
                return equivalent(sub(d.body), b, s, index, limits);
            }
        return false;
    }
    if (a->kind != b->kind || a->args.size() != b->args.size()) return false;
    if (a->kind == Term::Kind::Sum) {
        if (a->args[0]->name != b->args[0]->name) return false;
        return equivalent(a->args[1], rename_var(b->args[1], b->name, a->name), s, a->name, limits);
    }
    if (a->kind == Term::Kind::Pow && a->exponent != b->exponent) return false;
    for (std::size_t i = 0; i < a->args.size(); ++i)
        if (!equivalent(a->args[i], b->args[i], s, index, limits)) return false;
    return true;
}

bool same_prop(const kernel::Prop& k, const kernel::Prop& l, const kernel::Statement& s, const std::string& index,
               const kernel::Limits& limits) {
    if (k.rel != l.rel) return false;
    try {
        return equivalent(k.lhs, l.lhs, s, index, limits) && equivalent(k.rhs, l.rhs, s, index, limits);
    } catch (const std::exception&) {
        return false;
    }
}

std::vector<std::string> words_outside_comments(const std::string& stripped) {
    std::vector<std::string> w;
    std::string cur;
    for (char c : stripped) {
        if (std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '\'') {
            cur += c;
        } else {
            if (!cur.empty()) w.push_back(cur);
            cur.clear();
        }
    }
    if (!cur.empty()) w.push_back(cur);
    return w;
}

}  // namespace

// ---------------------------------------------------------------- public API
kernel::TermPtr read_lean_term(const std::string& text, const std::vector<std::string>& families) {
    Parser p(tokenize(text, 0), 0, nullptr);
    p.families.insert(families.begin(), families.end());
    TermPtr t = p.expr();
    if (!p.at_end()) p.fail("unexpected `" + p.peek().s + "`");
    return t;
}

kernel::Prop read_lean_prop(const std::string& text, const std::vector<std::string>& families) {
    Parser p(tokenize(text, 0), 0, nullptr);
    p.families.insert(families.begin(), families.end());
    kernel::Prop r = p.prop();
    if (!p.at_end()) p.fail("unexpected `" + p.peek().s + "`");
    return r;
}

ReadFile read_lean_file(const std::string& text) {
    ReadFile f;
    std::map<int, std::string> comments;
    std::string stripped = strip_comments(text, comments);
    {
        // forbidden words outside comments, with their line numbers
        std::istringstream is(stripped);
        std::string l;
        int n = 0;
        while (std::getline(is, l)) {
            ++n;
            for (const auto& w : words_outside_comments(l))
                if (w == "sorry" || w == "admit" || w == "axiom" || w == "native_decide" || w == "sorryAx")
                    f.forbidden.push_back("line " + std::to_string(n) + ": " + w);
        }
    }
    std::vector<ReadLine> L = split_lines(stripped);
    std::size_t i = 0;
    bool in_ns = false;
    int last_theorem_end_line = 0;
    while (i < L.size()) {
        const ReadLine& l = L[i];
        if (l.indent != 0) throw LeanReadError(l.line, "unexpected indented line");
        const std::string& s = l.text;
        if (starts_with(s, "import ")) {
            f.imports.push_back(s.substr(7));
            ++i;
        } else if (starts_with(s, "set_option ")) {
            f.set_options.push_back(s.substr(11));
            ++i;
        } else if (starts_with(s, "namespace ")) {
            if (in_ns) throw LeanReadError(l.line, "nested namespace");
            f.namespace_name = s.substr(10);
            in_ns = true;
            ++i;
        } else if (starts_with(s, "end ")) {
            if (!in_ns || s.substr(4) != f.namespace_name) throw LeanReadError(l.line, "mismatched `end`");
            in_ns = false;
            ++i;
        } else if (starts_with(s, "#print axioms ")) {
            f.print_axioms.push_back(s.substr(14));
            ++i;
        } else if (starts_with(s, "theorem ")) {
            if (!in_ns) throw LeanReadError(l.line, "theorem outside the namespace");
            ReadTheorem th;
            th.line = l.line;
            std::string header = s;
            std::size_t j = i;
            auto ends_by = [](const std::string& h) { return h.size() >= 5 && h.compare(h.size() - 5, 5, ":= by") == 0; };
            while (!ends_by(header)) {
                ++j;
                if (j >= L.size()) throw LeanReadError(l.line, "theorem header without `:= by`");
                header += " " + L[j].text;
            }
            parse_header(header, l.line, th);
            ++j;
            while (j < L.size() && L[j].indent > 0) th.proof.push_back(L[j++]);
            // line comments between the previous declaration and this theorem
            for (auto it = comments.lower_bound(last_theorem_end_line + 1); it != comments.end() && it->first < l.line; ++it)
                th.comment_before += it->second + "\n";
            last_theorem_end_line = th.proof.empty() ? l.line : th.proof.back().line;
            f.theorems.push_back(std::move(th));
            i = j;
        } else {
            throw LeanReadError(l.line, "unexpected command `" + s + "`");
        }
    }
    if (in_ns) throw LeanReadError(0, "namespace not closed");
    return f;
}

RoundTripReport check_lean_proofs(const ReadFile& file) {
    RoundTripReport rep;
    std::map<std::string, const ReadTheorem*> earlier;  // theorems defined above the one being checked
    for (const auto& th : file.theorems) {
        Env env;
        env.reals.insert(th.reals.begin(), th.reals.end());
        env.nats.insert(th.nats.begin(), th.nats.end());
        env.families.insert(th.families.begin(), th.families.end());
        for (const auto& h : th.hyps) {
            EnvEntry e;
            e.prop = h.prop;
            e.forall = !h.forall_index.empty();
            e.index = h.forall_index;
            e.bound = h.forall_bound;
            env.hyps[h.name] = e;
        }
        Checker ck{rep, th, &earlier};
        Checker::Goal g;
        g.conj = th.goals;
        try {
            if (th.proof.empty()) throw LeanReadError(th.line, "empty proof");
            ck.block(th.proof, 0, th.proof.size(), th.proof[0].indent, g, env);
            rep.theorems_checked++;
        } catch (const std::exception& e) {
            rep.errors.push_back(th.name + ": " + e.what());
        }
        earlier[th.name] = &th;
    }
    return rep;
}

RoundTripReport check_round_trip(const std::string& lean_text, const frontend::Corpus& corpus, const kernel::Limits& limits) {
    ReadFile f;
    try {
        f = read_lean_file(lean_text);
    } catch (const std::exception& e) {
        RoundTripReport r;
        r.errors.push_back(std::string("cannot read the Lean file: ") + e.what());
        return r;
    }
    RoundTripReport rep = check_lean_proofs(f);
    auto err = [&](const std::string& m) { rep.errors.push_back(m); };
    for (const auto& w : f.forbidden) err("forbidden word at " + w);
    if (f.imports != std::vector<std::string>{"Mathlib"}) err("the file must import exactly Mathlib");
    if (f.namespace_name != "TransformerICL") err("namespace is not TransformerICL");
    if (f.theorems.size() != corpus.theorems.size())
        err("the Lean file has " + std::to_string(f.theorems.size()) + " theorems, the corpus " +
            std::to_string(corpus.theorems.size()));
    std::set<std::string> printed(f.print_axioms.begin(), f.print_axioms.end());
    for (std::size_t k = 0; k < corpus.theorems.size(); ++k) {
        const auto& e = corpus.theorems[k];
        const auto& ks = e.theorem.statement;
        const std::string who = e.theorem.id + " " + e.theorem.name;
        if (!printed.count("TransformerICL." + e.theorem.name)) err(who + ": no `#print axioms`");
        if (k >= f.theorems.size()) continue;
        const ReadTheorem& th = f.theorems[k];
        if (th.name != e.theorem.name) {
            err(who + ": Lean theorem #" + std::to_string(k + 1) + " is `" + th.name + "`");
            continue;
        }
        if (!e.duplicate_of.empty() &&
            th.comment_before.find("duplicates " + e.duplicate_of) == std::string::npos)
            err(who + ": missing the comment that it duplicates " + e.duplicate_of);
        if (th.reals != ks.reals || th.nats != ks.nats || th.families != ks.families)
            err(who + ": variables differ from the kernel statement");
        if (th.hyps.size() != ks.hypotheses.size()) {
            err(who + ": hypothesis count differs");
        } else {
            for (std::size_t h = 0; h < th.hyps.size(); ++h) {
                const auto& kh = ks.hypotheses[h];
                const auto& lh = th.hyps[h];
                if (kh.name != lh.name || kh.forall_bound != lh.forall_bound ||
                    kh.forall_index.empty() != lh.forall_index.empty()) {
                    err(who + ": hypothesis " + kh.name + " differs (name or quantifier)");
                    continue;
                }
                kernel::Prop lp = lh.prop;
                if (!kh.forall_index.empty()) {
                    lp.lhs = rename_var(lp.lhs, lh.forall_index, kh.forall_index);
                    lp.rhs = rename_var(lp.rhs, lh.forall_index, kh.forall_index);
                }
                if (!same_prop(kh.prop, lp, ks, kh.forall_index, limits))
                    err(who + ": hypothesis " + kh.name + " is not the kernel's");
            }
        }
        if (th.goals.size() != ks.goals.size()) {
            err(who + ": goal count differs");
        } else {
            for (std::size_t g = 0; g < th.goals.size(); ++g)
                if (!same_prop(ks.goals[g], th.goals[g], ks, "", limits))
                    err(who + ": goal " + std::to_string(g + 1) + " is not the kernel's");
        }
    }
    return rep;
}

}  // namespace icl::leanexp
