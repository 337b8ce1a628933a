// Untrusted SMT-LIB exporter (see smtlib.hpp).
#include "export/smtlib.hpp"

#include "export/coq.hpp"  // unfold_definitions, substitute

#include <fmt/core.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>

namespace icl::export_ {

using kernel::Prop;
using kernel::Rel;
using kernel::Statement;
using kernel::Term;
using kernel::TermPtr;

namespace {

std::string quote(const std::string& name) {
    std::string out = "|";
    for (char c : name) {
        if (c == '|' || c == '\\') throw std::runtime_error("smtlib export: symbol contains | or \\: " + name);
        out += c;
    }
    return out + "|";
}

std::string smt_number(const kernel::Rational& q) {
    using boost::multiprecision::denominator;
    using boost::multiprecision::numerator;
    kernel::Integer n = numerator(q), d = denominator(q);
    bool negative = n < 0;
    if (negative) n = -n;
    std::string body = d == 1 ? n.str() + ".0" : fmt::format("(/ {}.0 {}.0)", n.str(), d.str());
    return negative ? "(- " + body + ")" : body;
}

std::string family_symbol(const std::string& family, unsigned long k) { return quote(fmt::format("{}[{}]", family, k)); }

struct Emitter {
    const Statement& s;
    std::map<std::string, unsigned long> nat_values;    // d -> instantiated value
    std::map<std::string, unsigned long> index_values;  // bound index -> current value
    const kernel::Limits& limits;                       // for unfolding (those of the check)

    TermPtr unfold(const TermPtr& t, const Statement& in) const { return unfold_definitions(t, in, limits); }

    std::string term(const Term& t) {
        switch (t.kind) {
        case Term::Kind::Number: return smt_number(t.number);
        case Term::Kind::Var:
            if (nat_values.count(t.name)) return smt_number(kernel::Rational(nat_values.at(t.name)));
            if (index_values.count(t.name)) return smt_number(kernel::Rational(index_values.at(t.name)));
            return quote(t.name);
        case Term::Kind::Neg: return "(- " + term(*t.args.at(0)) + ")";
        case Term::Kind::Add: return "(+ " + term(*t.args.at(0)) + " " + term(*t.args.at(1)) + ")";
        case Term::Kind::Sub: return "(- " + term(*t.args.at(0)) + " " + term(*t.args.at(1)) + ")";
        case Term::Kind::Mul: return "(* " + term(*t.args.at(0)) + " " + term(*t.args.at(1)) + ")";
        case Term::Kind::Pow: {
            if (t.exponent == 0) return "1.0";
            std::string b = term(*t.args.at(0));
            if (t.exponent == 1) return b;
            std::string out = "(*";
            for (unsigned long i = 0; i < t.exponent; ++i) out += " " + b;
            return out + ")";
        }
        case Term::Kind::Apply: {
            // definitions are unfolded beforehand: this is a family value f(k) at an instantiated index
            if (t.args.size() != 1 || t.args[0]->kind != Term::Kind::Var || !index_values.count(t.args[0]->name))
                throw std::runtime_error("smtlib export: cannot translate the application " + t.name);
            return family_symbol(t.name, index_values.at(t.args[0]->name));
        }
        case Term::Kind::Sum: {
            const Term& bound = *t.args.at(0);
            if (bound.kind != Term::Kind::Var || !nat_values.count(bound.name))
                throw std::runtime_error("smtlib export: sum bound is not an instantiated natural");
            unsigned long n = nat_values.at(bound.name);
            if (n == 0) return "0.0";
            std::string out = n == 1 ? "" : "(+";
            auto saved = index_values;
            for (unsigned long k = 0; k < n; ++k) {
                index_values[t.name] = k;
                out += (n == 1 ? "" : " ") + term(*t.args.at(1));
            }
            index_values = saved;
            return n == 1 ? out : out + ")";
        }
        }
        throw std::runtime_error("smtlib export: unknown term");
    }

    std::string prop(const Prop& p) {
        TermPtr l = unfold(p.lhs, s), r = unfold(p.rhs, s);
        std::string a = term(*l), b = term(*r);
        switch (p.rel) {
        case Rel::Eq: return "(= " + a + " " + b + ")";
        case Rel::Le: return "(<= " + a + " " + b + ")";
        case Rel::Lt: return "(< " + a + " " + b + ")";
        case Rel::Ge: return "(>= " + a + " " + b + ")";
        case Rel::Gt: return "(> " + a + " " + b + ")";
        case Rel::Ne: return "(not (= " + a + " " + b + "))";
        }
        throw std::runtime_error("smtlib export: unknown relation");
    }

    // hypotheses, each ∀ k < d expanded
    std::vector<std::string> hypotheses() {
        std::vector<std::string> out;
        for (const auto& h : s.hypotheses) {
            if (h.forall_index.empty()) {
                out.push_back("(assert " + prop(h.prop) + ")  ; " + h.name);
                continue;
            }
            if (!nat_values.count(h.forall_bound))
                throw std::runtime_error("smtlib export: ∀-bound is not an instantiated natural");
            unsigned long n = nat_values.at(h.forall_bound);
            for (unsigned long k = 0; k < n; ++k) {
                index_values[h.forall_index] = k;
                out.push_back("(assert " + prop(h.prop) + ")  ; " + fmt::format("{}[{}]", h.name, k));
            }
            index_values.erase(h.forall_index);
        }
        return out;
    }

    std::vector<std::string> declarations() {
        std::vector<std::string> out;
        for (const auto& v : s.reals) out.push_back("(declare-fun " + quote(v) + " () Real)");
        for (const auto& f : s.families) {
            unsigned long n = 0;
            for (const auto& [name, value] : nat_values) n = std::max(n, value);
            for (unsigned long k = 0; k < n; ++k) out.push_back("(declare-fun " + family_symbol(f, k) + " () Real)");
        }
        return out;
    }
};

constexpr unsigned long kDerivedMaxDim = 2;  // largest instance of d for a derived declaration

std::string one_line(std::string s) {
    for (char& c : s)
        if (c == '\n' || c == '\r') c = ' ';
    return s;
}

// The kernel's derivation as SMT-LIB: one (push)(assert premises)(assert (not conclusion))(check-sat)(pop)
// per Fact, each expected unsat, and a last one asserting the final Fact alone (a false constant
// comparison). So z3 checks every rule step the kernel took, not only the statement.
struct StepPrinter {
    Emitter& e;
    const frontend::Corpus& corpus;
    std::map<std::string, Prop> facts;  // hypotheses and lemma conclusions in scope
    Prop goal;
    std::vector<std::string> steps;
    std::size_t skipped = 0;  // proofs inside sum bodies (not replayed here)

    std::string atom(kernel::Sign sg, const TermPtr& x) { return sign_atom(sg, e.term(*e.unfold(x, e.s))); }
    void step(const std::string& what, const std::vector<std::string>& premises, const std::string& conclusion) {
        std::string t = "; " + what + "\n(push 1)\n";
        for (const auto& p : premises) t += "(assert " + p + ")\n";
        t += "(assert (not " + conclusion + "))\n(check-sat)\n(pop 1)\n";
        steps.push_back(t);
    }
    static std::string sign_atom(kernel::Sign sg, const std::string& t) {
        return sg == kernel::Sign::Zero ? "(= " + t + " 0.0)" : sg == kernel::Sign::Pos ? "(< 0.0 " + t + ")" : "(<= 0.0 " + t + ")";
    }
    void sign_step(const std::string& what, const std::vector<kernel::Sign>& operands, const std::string& result, kernel::Sign sg) {
        std::string t = "; " + what + " (sign rule over fresh operands)\n(push 1)\n(declare-fun |#a| () Real)\n"
                        "(declare-fun |#b| () Real)\n(declare-fun |#q| () Real)\n";
        const char* names[] = {"|#a|", "|#b|"};
        for (std::size_t i = 0; i < operands.size(); ++i) t += "(assert " + sign_atom(operands[i], names[i]) + ")\n";
        t += "(assert (not " + sign_atom(sg, result) + "))\n(check-sat)\n(pop 1)\n";
        steps.push_back(t);
    }
    const Prop& fact(const std::string& n) {
        auto it = facts.find(n);
        if (it == facts.end()) throw std::runtime_error("smtlib export: unknown fact " + n);
        return it->second;
    }
    struct Out { TermPtr expr; kernel::Sign sign; std::string text; };
    Out emit(const kernel::Fact& f) {
        using R = kernel::Fact::Rule;
        using kernel::Sign;
        auto done = [&](TermPtr x, const std::string& what, const std::vector<std::string>& premises) {
            Out o{x, f.sign, atom(f.sign, x)};
            step(what, premises, o.text);
            return o;
        };
        switch (f.rule) {
        case R::Hypothesis: {
            const Prop& h = fact(f.hypothesis);
            bool flip = h.rel == Rel::Le || h.rel == Rel::Lt;
            return done(flip ? kernel::sub(h.rhs, h.lhs) : kernel::sub(h.lhs, h.rhs), "hypothesis " + f.hypothesis, {e.prop(h)});
        }
        case R::NonzeroSquare: {
            const Prop& h = fact(f.hypothesis);
            return done(kernel::pow(kernel::sub(h.lhs, h.rhs), 2), "nonzero_sq " + f.hypothesis, {e.prop(h)});
        }
        case R::NegatedGoal: {
            bool flip = goal.rel == Rel::Ge || goal.rel == Rel::Gt;
            TermPtr d = flip ? kernel::sub(goal.rhs, goal.lhs) : kernel::sub(goal.lhs, goal.rhs);
            return done(goal.rel == Rel::Eq ? kernel::pow(d, 2) : d, "negated goal", {"(not " + e.prop(goal) + ")"});
        }
        case R::Square: return done(kernel::pow(f.term, 2), "square", {});
        case R::PositiveConstant: return done(kernel::number(f.value), "positive constant", {});
        // The composite rules are sign lemmas: checked over fresh operands |#a|, |#b|, |#q| (z3's nlsat need not
        // re-expand the operands' polynomials; the Fact's expression is built from them syntactically).
        case R::Product: {
            Out a = emit(*f.premises.at(0)), b = emit(*f.premises.at(1));
            sign_step("product", {a.sign, b.sign}, "(* |#a| |#b|)", f.sign);
            return Out{kernel::mul(a.expr, b.expr), f.sign, atom(f.sign, kernel::mul(a.expr, b.expr))};
        }
        case R::Sum: {
            Out a = emit(*f.premises.at(0)), b = emit(*f.premises.at(1));
            sign_step("sum", {a.sign, b.sign}, "(+ |#a| |#b|)", f.sign);
            return Out{kernel::add(a.expr, b.expr), f.sign, atom(f.sign, kernel::add(a.expr, b.expr))};
        }
        case R::EqualityTimes: {
            Out a = emit(*f.premises.at(0));
            sign_step("equality times a polynomial", {a.sign}, "(* |#q| |#a|)", f.sign);
            return Out{kernel::mul(f.term, a.expr), f.sign, atom(f.sign, kernel::mul(f.term, a.expr))};
        }
        }
        throw std::runtime_error("smtlib export: unknown rule");
    }
    void proof(const kernel::Proof& p, const Prop& g) {
        for (const auto& l : p.lemmas) lemma(l);
        switch (p.rule) {
        case kernel::Proof::Rule::Refutation: {
            Prop saved = goal;
            goal = g;
            Out last = emit(*p.refutation);
            step("the final fact is a false constant comparison", {}, "(not " + last.text + ")");
            goal = saved;
            return;
        }
        case kernel::Proof::Rule::SumNonneg:
        case kernel::Proof::Rule::SumLeSum:
        case kernel::Proof::Rule::SumCongr: ++skipped; return;
        case kernel::Proof::Rule::Ring:
        case kernel::Proof::Rule::LinearCombination:
        case kernel::Proof::Rule::Exact: return;  // no Facts: the statement problem covers them
        }
    }
    void lemma(const kernel::Proof::Lemma& l) {
        const frontend::TheoremEntry* T = nullptr;
        for (const auto& te : corpus.theorems)
            if (te.theorem.id == l.theorem) T = &te;
        if (!T) throw std::runtime_error("smtlib export: <use> of unknown theorem " + l.theorem);
        const Statement& ts = T->theorem.statement;
        kernel::Substitution sigma;
        for (const auto& [v, t] : l.with) sigma.reals[v] = t;
        auto image = [&](const Prop& q) {
            return Prop{kernel::substitute(e.unfold(q.lhs, ts), sigma), q.rel,
                        kernel::substitute(e.unfold(q.rhs, ts), sigma)};
        };
        for (std::size_t i = 0; i < ts.hypotheses.size() && i < l.discharges.size(); ++i)
            if (l.discharges[i].proof) proof(*l.discharges[i].proof, image(ts.hypotheses[i].prop));
        for (std::size_t j = 0; j < ts.goals.size() && j < l.names.size(); ++j) facts[l.names[j]] = image(ts.goals[j]);
    }
};

}  // namespace

std::vector<SmtProblem> export_smtlib_steps(const frontend::Corpus& corpus, const kernel::Limits& limits) {
    std::vector<SmtProblem> out;
    const std::vector<kernel::CheckResult> checked = frontend::check_corpus(corpus, limits);
    for (std::size_t k = 0; k < corpus.theorems.size(); ++k) {
        const auto& te = corpus.theorems[k];
        const Statement& s = te.theorem.statement;
        if (checked[k].verdict != kernel::Verdict::Verified)
            throw SmtUnverified(te.theorem.id + " does not verify: " + checked[k].message);
        if (!s.nats.empty() || !s.families.empty()) continue;  // sums: the statement problems cover d = 1…4
        Emitter e{s, {}, {}, limits};
        StepPrinter sp{e, corpus, {}, {}, {}, 0};
        for (const auto& h : s.hypotheses) sp.facts[h.name] = h.prop;
        for (std::size_t i = 0; i < s.goals.size(); ++i) sp.proof(*checked[k].proofs[i], s.goals[i]);
        if (sp.steps.empty()) continue;
        SmtProblem p;
        p.theorem_id = te.theorem.id;
        p.kind = "steps";
        p.expected = "unsat";
        p.file_name = te.theorem.id + ".steps.smt2";
        std::ostringstream t;
        t << "; generated by `icl-kernel export smtlib` -- " << te.theorem.id << " " << te.theorem.name << "\n"
          << "; the kernel's derivation, one rule step per (check-sat): every answer must be unsat\n"
          << "; steps: " << sp.steps.size() << "\n(set-info :smt-lib-version 2.6)\n(set-logic QF_NRA)\n";
        for (const auto& x : e.declarations()) t << x << "\n";
        for (const auto& x : sp.steps) t << x;
        t << "(exit)\n";
        p.text = t.str();
        out.push_back(std::move(p));
    }
    return out;
}

std::vector<SmtProblem> export_smtlib(const frontend::Corpus& corpus, const std::vector<unsigned long>& dims,
                                      const kernel::Limits& limits) {
    std::vector<SmtProblem> out;
    for (const auto& te : corpus.theorems) {
        const auto& th = te.theorem;
        const Statement& s = th.statement;
        if (s.nats.size() > 1) throw std::runtime_error("smtlib export: " + th.id + " has more than one natural variable");
        std::vector<long> instances = {-1};
        if (!s.nats.empty()) {
            instances.clear();
            // A derived declaration over d is stated from the raw quantities (CH11: the gradients of each
            // channel as polynomials), which z3's nlsat does not decide within 60 s at d = 3, 4 (measured:
            // timeout); its instances are d <= kDerivedMaxDim. Coq proves it for every d.
            for (auto d : dims)
                if (!te.derived || d <= kDerivedMaxDim) instances.push_back(static_cast<long>(d));
        }
        for (long d : instances) {
            Emitter e{s, {}, {}, limits};
            if (d >= 0) e.nat_values[s.nats[0]] = static_cast<unsigned long>(d);
            std::vector<std::string> decls = e.declarations();
            std::vector<std::string> hyps = e.hypotheses();
            std::string goal;
            if (s.goals.size() == 1) goal = e.prop(s.goals[0]);
            else {
                goal = "(and";
                for (const auto& g : s.goals) goal += " " + e.prop(g);
                goal += ")";
            }
            std::string stem = d >= 0 ? fmt::format("{}.d{}", th.id, d) : th.id;
            for (int valid = 1; valid >= 0; --valid) {
                SmtProblem p;
                p.theorem_id = th.id;
                p.kind = valid ? "valid" : "nonvacuous";
                p.expected = valid ? "unsat" : "sat";
                p.dimension = d;
                p.file_name = stem + "." + p.kind + ".smt2";
                std::ostringstream t;
                t << "; generated by `icl-kernel export smtlib` -- " << th.id << " " << th.name << "\n";
                if (!te.duplicate_of.empty()) t << "; duplicate of " << te.duplicate_of << " (not independent evidence)\n";
                for (std::size_t i = 0; i < s.goals.size(); ++i)
                    t << "; goal: " << one_line(i < te.goal_text.size() ? te.goal_text[i] : frontend::to_text(s.goals[i])) << "\n";
                if (d >= 0) t << "; instance " << s.nats[0] << " = " << d << " (evidence for this instance only)\n";
                t << (valid ? "; hypotheses and the negated goal: expected unsat (the statement is valid)\n"
                            : "; the hypotheses alone: expected sat (the statement is not vacuous)\n");
                t << "(set-info :smt-lib-version 2.6)\n(set-logic QF_NRA)\n";
                t << "(set-info :status " << p.expected << ")\n";
                for (const auto& x : decls) t << x << "\n";
                for (const auto& x : hyps) t << x << "\n";
                if (valid) t << "(assert (not " << goal << "))\n";
                t << "(check-sat)\n(exit)\n";
                p.text = t.str();
                out.push_back(std::move(p));
            }
        }
    }
    return out;
}

void write_smtlib(const std::vector<SmtProblem>& problems, const std::string& dir) {
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) throw std::runtime_error("cannot create " + dir + ": " + ec.message());
    std::ofstream index(fs::path(dir) / "index.tsv");
    if (!index) throw std::runtime_error("cannot write " + (fs::path(dir) / "index.tsv").string());
    index << "file\ttheorem\tkind\texpected\tdimension\n";
    for (const auto& p : problems) {
        fs::path path = fs::path(dir) / p.file_name;
        std::ofstream f(path);
        f << p.text;
        if (!f) throw std::runtime_error("cannot write " + path.string());
        index << p.file_name << "\t" << p.theorem_id << "\t" << p.kind << "\t" << p.expected << "\t"
              << (p.dimension >= 0 ? std::to_string(p.dimension) : "-") << "\n";
    }
    if (!index) throw std::runtime_error("cannot write " + (fs::path(dir) / "index.tsv").string());
}

}  // namespace icl::export_
