// Untrusted Coq exporter (see coq.hpp for the translation scheme).
#include "export/coq.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <cctype>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <stdexcept>

namespace icl::export_ {

using cert::Certificate;
using cert::PsatzNode;
using kernel::Prop;
using kernel::Rel;
using kernel::Statement;
using kernel::Term;
using kernel::TermPtr;

// ---------------------------------------------------------------- term utilities
namespace {
const kernel::Definition* find_definition(const Statement& s, const std::string& name) {
    for (const auto& d : s.definitions)
        if (d.name == name) return &d;
    return nullptr;
}
}  // namespace

// The kernel's substitution and unfolding (one implementation for every back end).
TermPtr substitute(const TermPtr& t, const std::vector<std::pair<std::string, TermPtr>>& bindings) {
    kernel::Substitution sigma;
    for (const auto& [n, v] : bindings) sigma.reals.emplace(n, v);
    return kernel::substitute(t, sigma);
}


// ---------------------------------------------------------------- Coq text
namespace {

const std::set<std::string>& coq_reserved() {
    static const std::set<std::string> r = {
        // Gallina / vernacular keywords
        "as", "at", "cofix", "else", "end", "exists", "exists2", "fix", "for", "forall", "fun", "if", "IF",
        "in", "let", "match", "mod", "return", "then", "using", "where", "with", "Prop", "Set", "Type",
        "SProp", "Theorem", "Lemma", "Definition", "Fixpoint", "Qed", "Proof", "Goal", "Abort", "by",
        "struct", "is", "Variable", "Axiom", "Parameter", "Hypothesis", "Print", "Check", "Require",
        "Import", "Open", "Scope", "Section", "End", "Module",
        // names the generated statements and proofs rely on
        "R", "nat", "Z", "pow", "Rplus", "Rminus", "Rmult", "Ropp", "Rinv", "Rdiv", "Rle", "Rlt", "Rge",
        "Rgt", "IZR", "O", "S", "True", "False", "I", "and", "or", "not", "conj", "lt", "le", "eq", "In",
        "seq", "map", "fold_right", "list", "List", "lsum", "lsum_list", "Rsqr", "sqrt", "exp", "ln",
        "cos", "sin", "PI", "lra", "nra", "ring", "field", "lia"};
    return r;
}

bool coq_ident_ok(const std::string& s) {
    if (s.empty() || s[0] == '_' || s[0] == '\'' || (s[0] >= '0' && s[0] <= '9')) return false;
    for (char c : s)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '\'')) return false;
    if (s.rfind("icl_", 0) == 0) return false;  // prefix of the prelude's lemmas
    return !coq_reserved().count(s);
}

std::string sanitize(const std::string& s) {
    std::string out;
    for (char c : s) out += (std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '\'') ? c : '_';
    if (out.empty() || out[0] == '_' || out[0] == '\'' || (out[0] >= '0' && out[0] <= '9')) out = "v" + out;
    return out;
}

// A name for `want` not in `used` and acceptable to Coq; records it in `used`.
std::string fresh_name(const std::string& want, std::set<std::string>& used) {
    std::string base = sanitize(want);
    std::string cand = base;
    if (!coq_ident_ok(cand)) cand = base + "_";
    for (int n = 0; !coq_ident_ok(cand) || used.count(cand); ++n) cand = fmt::format("{}_{}", base, n);
    used.insert(cand);
    return cand;
}

std::string coq_number(const kernel::Rational& q) {
    using boost::multiprecision::numerator;
    using boost::multiprecision::denominator;
    kernel::Integer n = numerator(q), d = denominator(q);
    bool negative = n < 0;
    if (negative) n = -n;
    std::string body = d == 1 ? n.str() : fmt::format("{} / {}", n.str(), d.str());
    if (negative) return fmt::format("(- {})", d == 1 ? body : "(" + body + ")");
    return d == 1 ? body : "(" + body + ")";
}

struct Printer {
    const std::map<std::string, std::string>* defs = nullptr;  // corpus definition -> Coq name
    std::map<std::string, std::string> vars;                   // variables, families, indices -> Coq name

    std::string name(const std::string& n) const {
        auto it = vars.find(n);
        if (it == vars.end()) throw std::runtime_error("coq export: unknown name " + n);
        return it->second;
    }

    // prec: 1 sum, 2 product, 3 unary minus, 4 power, 5 atom
    std::string term(const Term& t, int need = 1) const {
        std::string s;
        int prec = 5;
        switch (t.kind) {
        case Term::Kind::Number: s = coq_number(t.number); break;
        case Term::Kind::Var: s = name(t.name); break;
        case Term::Kind::Neg: s = "(- " + term(*t.args.at(0), 3) + ")"; break;
        case Term::Kind::Add:
            s = term(*t.args.at(0), 1) + " + " + term(*t.args.at(1), 2);
            prec = 1;
            break;
        case Term::Kind::Sub:
            s = term(*t.args.at(0), 1) + " - " + term(*t.args.at(1), 2);
            prec = 1;
            break;
        case Term::Kind::Mul:
            s = term(*t.args.at(0), 2) + " * " + term(*t.args.at(1), 3);
            prec = 2;
            break;
        case Term::Kind::Pow:
            s = term(*t.args.at(0), 5) + " ^ " + std::to_string(t.exponent);
            prec = 4;
            break;
        case Term::Kind::Apply: {
            std::string callee;
            if (vars.count(t.name)) callee = vars.at(t.name);          // family value
            else if (defs && defs->count(t.name)) callee = defs->at(t.name);  // definition call
            else throw std::runtime_error("coq export: unknown function " + t.name);
            s = "(" + callee;
            for (const auto& a : t.args) s += " " + term(*a, 5);
            s += ")";
            break;
        }
        case Term::Kind::Sum: {
            const Term& bound = *t.args.at(0);
            std::string b = bound.kind == Term::Kind::Var ? name(bound.name) : term(bound, 5);
            s = "(lsum " + b + " (fun " + name(t.name) + " => " + term(*t.args.at(1), 1) + "))";
            break;
        }
        }
        return prec < need ? "(" + s + ")" : s;
    }

    std::string prop(const Prop& p) const {
        static const std::map<Rel, std::string> rel = {{Rel::Eq, "="}, {Rel::Le, "<="}, {Rel::Lt, "<"},
                                                       {Rel::Ge, ">="}, {Rel::Gt, ">"}, {Rel::Ne, "<>"}};
        return term(*p.lhs, 1) + " " + rel.at(p.rel) + " " + term(*p.rhs, 1);
    }
};

const char* kPrelude = R"COQ((* Generated by `icl-kernel export coq` from the certificate corpus. Do not edit.
   Every theorem is proved from its kernel certificate: the products of a Positivstellensatz tree and the
   multiples of equalities are built as explicit facts with the icl_* lemmas below, then `lra` closes the
   goal (the certificate's polynomial identity is linear in the monomials). `Print Assumptions` follows
   each theorem; only the standard library's axioms of the reals may appear.
   Finite sums: lsum d f = f 0 + (f 1 + ... + f (d-1)) + 0, via List.fold_right / List.map / List.seq. *)
Require Import Reals Lra.
Require Import List Lia.
Open Scope R_scope.

(* ---- finite sums over k < d *)
Definition lsum (d : nat) (f : nat -> R) : R := List.fold_right Rplus 0 (List.map f (List.seq 0 d)).

Lemma icl_lsum_list_le : forall (l : list nat) (f g : nat -> R),
  (forall k, List.In k l -> f k <= g k) ->
  List.fold_right Rplus 0 (List.map f l) <= List.fold_right Rplus 0 (List.map g l).
Proof.
  induction l as [|a l IH]; intros f g H; simpl.
  - lra.
  - apply Rplus_le_compat.
    + apply H; left; reflexivity.
    + apply IH; intros k Hk; apply H; right; exact Hk.
Qed.

Lemma icl_lsum_list_eq : forall (l : list nat) (f g : nat -> R),
  (forall k, List.In k l -> f k = g k) ->
  List.fold_right Rplus 0 (List.map f l) = List.fold_right Rplus 0 (List.map g l).
Proof.
  induction l as [|a l IH]; intros f g H; simpl.
  - reflexivity.
  - rewrite (H a (or_introl eq_refl)).
    rewrite (IH f g (fun k Hk => H k (or_intror Hk))).
    reflexivity.
Qed.

(* the three sum rules of the kernel: sum_nonneg, sum_le_sum, sum_congr *)
Lemma lsum_le : forall (d : nat) (f g : nat -> R),
  (forall k, (k < d)%nat -> f k <= g k) -> lsum d f <= lsum d g.
Proof.
  intros d f g H; unfold lsum; apply icl_lsum_list_le.
  intros k Hk; apply List.in_seq in Hk; apply H; lia.
Qed.

Lemma lsum_ge : forall (d : nat) (f g : nat -> R),
  (forall k, (k < d)%nat -> f k >= g k) -> lsum d f >= lsum d g.
Proof.
  intros d f g H; apply Rle_ge; apply lsum_le; intros k Hk; apply Rge_le; apply H; exact Hk.
Qed.

Lemma lsum_zero : forall d : nat, lsum d (fun _ => 0) = 0.
Proof.
  intros d; unfold lsum; generalize 0%nat as s; induction d as [|d IH]; intros s; simpl.
  - reflexivity.
  - rewrite IH; lra.
Qed.

Lemma lsum_nonneg : forall (d : nat) (f : nat -> R),
  (forall k, (k < d)%nat -> f k >= 0) -> 0 <= lsum d f.
Proof.
  intros d f H; rewrite <- (lsum_zero d); apply lsum_le.
  intros k Hk; apply Rge_le; apply H; exact Hk.
Qed.

Lemma lsum_nonneg_ge : forall (d : nat) (f : nat -> R),
  (forall k, (k < d)%nat -> f k >= 0) -> lsum d f >= 0.
Proof. intros d f H; apply Rle_ge; apply lsum_nonneg; exact H. Qed.

Lemma lsum_congr : forall (d : nat) (f g : nat -> R),
  (forall k, (k < d)%nat -> f k = g k) -> lsum d f = lsum d g.
Proof.
  intros d f g H; unfold lsum; apply icl_lsum_list_eq.
  intros k Hk; apply List.in_seq in Hk; apply H; lia.
Qed.

(* ---- certificate leaves: (polynomial, sign) facts *)
Lemma icl_eq (a b : R) : a = b -> a - b = 0. Proof. intros; lra. Qed.
Lemma icl_le (a b : R) : a <= b -> 0 <= b - a. Proof. intros; lra. Qed.
Lemma icl_lt (a b : R) : a < b -> 0 < b - a. Proof. intros; lra. Qed.
Lemma icl_ge (a b : R) : a >= b -> 0 <= a - b. Proof. intros; lra. Qed.
Lemma icl_gt (a b : R) : a > b -> 0 < a - b. Proof. intros; lra. Qed.
Lemma icl_ne (a b : R) : a <> b -> 0 < (a - b) ^ 2.
Proof.
  intros H. assert (Hn : a - b <> 0) by (intro Hz; apply H; lra).
  pose proof (Rsqr_pos_lt _ Hn) as Hs. unfold Rsqr in Hs. lra.
Qed.
Lemma icl_sq (p : R) : 0 <= p ^ 2. Proof. apply pow2_ge_0. Qed.

(* ---- products and sums of facts *)
Lemma icl_mul_eq_l (a b : R) : a = 0 -> a * b = 0. Proof. intros H; rewrite H; ring. Qed.
Lemma icl_mul_eq_r (a b : R) : b = 0 -> a * b = 0. Proof. intros H; rewrite H; ring. Qed.
Lemma icl_mul_gt_gt (a b : R) : 0 < a -> 0 < b -> 0 < a * b.
Proof. intros; apply Rmult_lt_0_compat; assumption. Qed.
Lemma icl_mul_ge_ge (a b : R) : 0 <= a -> 0 <= b -> 0 <= a * b.
Proof. intros; apply Rmult_le_pos; assumption. Qed.
Lemma icl_mul_gt_ge (a b : R) : 0 < a -> 0 <= b -> 0 <= a * b.
Proof. intros; apply Rmult_le_pos; lra. Qed.
Lemma icl_mul_ge_gt (a b : R) : 0 <= a -> 0 < b -> 0 <= a * b.
Proof. intros; apply Rmult_le_pos; lra. Qed.
Lemma icl_eq_ge (a : R) : a = 0 -> 0 <= a. Proof. intros; lra. Qed.
Lemma icl_add_eq_eq (a b : R) : a = 0 -> b = 0 -> a + b = 0. Proof. intros; lra. Qed.
Lemma icl_add_gt_gt (a b : R) : 0 < a -> 0 < b -> 0 < a + b. Proof. intros; lra. Qed.
Lemma icl_add_gt_ge (a b : R) : 0 < a -> 0 <= b -> 0 < a + b. Proof. intros; lra. Qed.
Lemma icl_add_ge_gt (a b : R) : 0 <= a -> 0 < b -> 0 < a + b. Proof. intros; lra. Qed.
Lemma icl_add_ge_ge (a b : R) : 0 <= a -> 0 <= b -> 0 <= a + b. Proof. intros; lra. Qed.

(* ---- refutation: assume the negated goal *)
Lemma icl_contra_le (a b : R) : (b < a -> False) -> a <= b.
Proof. intros H; destruct (Rle_or_lt a b) as [Hl|Hl]; [exact Hl | exfalso; exact (H Hl)]. Qed.
Lemma icl_contra_lt (a b : R) : (b <= a -> False) -> a < b.
Proof. intros H; destruct (Rlt_or_le a b) as [Hl|Hl]; [exact Hl | exfalso; exact (H Hl)]. Qed.
Lemma icl_contra_ge (a b : R) : (a < b -> False) -> a >= b.
Proof. intros H; apply Rle_ge; apply icl_contra_le; exact H. Qed.
Lemma icl_contra_gt (a b : R) : (a <= b -> False) -> a > b.
Proof. intros H; apply icl_contra_lt; exact H. Qed.
Lemma icl_contra_eq (a b : R) : (0 < (a - b) ^ 2 -> False) -> a = b.
Proof. intros H; destruct (Req_dec a b) as [E|E]; [exact E | exfalso; apply H; apply icl_ne; exact E]. Qed.
Lemma icl_pow_eq (a b : R) (n : nat) : (a - b) ^ n = 0 -> a = b.
Proof.
  intros H; destruct (Req_dec (a - b) 0) as [E|E]; [lra | exfalso; exact (pow_nonzero _ n E H)].
Qed.

(* a trivial lra proof: its assumptions are the baseline the tests compare every theorem against *)
Lemma icl_baseline (x : R) : 0 < x -> 0 < x + 1.
Proof. intros; lra. Qed.
Goal True. idtac "ICL-ASSUMPTIONS icl_baseline". Abort.
Print Assumptions icl_baseline.
)COQ";

// A fact already in the Coq context: `name : 0 <= poly` (Ge), `0 < poly` (Gt) or `poly = 0` (Eq).
struct Emitted {
    std::string name;
    TermPtr poly;  // definitions already unfolded
    kernel::Sign sign = kernel::Sign::Nonneg;
};

struct HypInfo {
    Prop prop;             // unfolded; instantiated when a ∀-hypothesis was specialised
    std::string coq;       // local Coq name
    std::string forall_index;
    std::string forall_bound;
};

// An earlier theorem of the file: its corpus entry and its Coq name (for <use>).
struct LemmaRef {
    const frontend::TheoremEntry* entry = nullptr;
    std::string coq;
};

struct ProofWriter {
    const Statement& s;
    Printer pr;
    std::set<std::string> used;
    std::ostringstream out;
    const std::map<std::string, LemmaRef>* lemmas = nullptr;  // theorems proved earlier in the file
    const kernel::Limits& limits;  // the check's limits, for unfolding too (a large theorem is not refused here)

    int next_fact = 0;  // F_n: the names below next_fact are all in `used` (names are never released)

    ProofWriter(const Statement& st, Printer p, std::set<std::string> u, const kernel::Limits& l)
        : s(st), pr(std::move(p)), used(std::move(u)), limits(l) {}
    TermPtr unfold(const TermPtr& t, const Statement& in) const { return unfold_definitions(t, in, limits); }

    // fact_name(), without rescanning F_0, F_1, … for each of the many facts of a derivation
    std::string fact_name() {
        std::string cand = "F";
        while (used.count(cand)) cand = fmt::format("F_{}", next_fact++);
        used.insert(cand);
        return cand;
    }

    std::string arg(const TermPtr& t) const { return pr.term(*t, 5); }
    // an argument Coq infers from a premise's type: written out when short, else `_`
    std::string implied(const TermPtr& t) const {
        std::string text = arg(t);
        return text.size() <= 160 ? text : "_";
    }
    void line(int indent, const std::string& text) { out << std::string(2 * indent, ' ') << text << "\n"; }

    // ---- Positivstellensatz trees
    struct Ctx {
        std::map<std::string, HypInfo> hyps;
        const Prop* goal = nullptr;
        std::optional<Emitted> neg_goal;
        int indent = 1;
        std::map<const kernel::Fact*, Emitted> emitted;  // a Fact the derivation shares is posed once
    };

    Emitted leaf_fact(Ctx& c, const std::string& proof_term, TermPtr poly, kernel::Sign sign) {
        Emitted f{fact_name(), std::move(poly), sign};
        line(c.indent, fmt::format("pose proof ({}) as {}.", proof_term, f.name));
        return f;
    }

    const HypInfo& hyp(Ctx& c, const std::string& name) {
        auto it = c.hyps.find(name);
        if (it == c.hyps.end()) throw std::runtime_error("coq export: unknown hypothesis " + name);
        if (!it->second.forall_index.empty())
            throw std::runtime_error("coq export: hypothesis " + name + " is quantified and not instantiated here");
        return it->second;
    }

    // The kernel's derivation, one `pose proof` per Fact; the lemma is chosen by the rule and by the signs the
    // kernel recorded (nothing is re-derived here).
    Emitted node(Ctx& c, const kernel::Fact& f) {
        if (auto it = c.emitted.find(&f); it != c.emitted.end()) return it->second;
        Emitted e = pose(c, f);
        c.emitted.emplace(&f, e);
        return e;
    }
    Emitted pose(Ctx& c, const kernel::Fact& f) {
        using R = kernel::Fact::Rule;
        using kernel::Sign;
        auto tag = [](Sign sg) { return sg == Sign::Pos ? "gt" : "ge"; };
        switch (f.rule) {
        case R::Hypothesis: {
            const HypInfo& h = hyp(c, f.hypothesis);
            const TermPtr &l = h.prop.lhs, &r = h.prop.rhs;
            const char* lemma = nullptr;
            TermPtr poly = kernel::sub(l, r);
            switch (f.relation) {
            case Rel::Eq: lemma = "icl_eq"; break;
            case Rel::Ge: lemma = "icl_ge"; break;
            case Rel::Gt: lemma = "icl_gt"; break;
            case Rel::Le: lemma = "icl_le"; poly = kernel::sub(r, l); break;
            case Rel::Lt: lemma = "icl_lt"; poly = kernel::sub(r, l); break;
            case Rel::Ne: break;
            }
            if (!lemma || h.prop.rel != f.relation)
                throw std::runtime_error("coq export: hypothesis " + f.hypothesis + " is not the kernel's relation");
            return leaf_fact(c, fmt::format("{} {} {} {}", lemma, arg(l), arg(r), h.coq), poly, f.sign);
        }
        case R::NonzeroSquare: {
            const HypInfo& h = hyp(c, f.hypothesis);
            return leaf_fact(c, fmt::format("icl_ne {} {} {}", arg(h.prop.lhs), arg(h.prop.rhs), h.coq),
                             kernel::pow(kernel::sub(h.prop.lhs, h.prop.rhs), 2), Sign::Pos);
        }
        case R::NegatedGoal:
            if (!c.neg_goal) throw std::runtime_error("coq export: neg_goal outside a refutation");
            return *c.neg_goal;
        case R::Square: {
            TermPtr p = unfold(f.term, s);
            return leaf_fact(c, "icl_sq " + arg(p), kernel::pow(p, 2), Sign::Nonneg);
        }
        case R::PositiveConstant: {
            Emitted e{fact_name(), kernel::number(f.value), Sign::Pos};
            line(c.indent, fmt::format("assert ({} : 0 < {}) by lra.", e.name, coq_number(f.value)));
            return e;
        }
        // Product and Sum: a long polynomial argument that the lemma's premises determine is left to Coq
        // (`_`), so that a step of a large certificate stays a line long instead of restating both operands
        // (which made the file grow as terms × depth); a short one is written out for the reader.
        case R::Product: {
            Emitted a = node(c, *f.premises.at(0)), b = node(c, *f.premises.at(1));
            TermPtr prod = kernel::mul(a.poly, b.poly);
            if (a.sign == Sign::Zero) return leaf_fact(c, fmt::format("icl_mul_eq_l {} {} {}", implied(a.poly), arg(b.poly), a.name), prod, f.sign);
            if (b.sign == Sign::Zero) return leaf_fact(c, fmt::format("icl_mul_eq_r {} {} {}", arg(a.poly), implied(b.poly), b.name), prod, f.sign);
            return leaf_fact(c, fmt::format("icl_mul_{}_{} {} {} {} {}", tag(a.sign), tag(b.sign), implied(a.poly), implied(b.poly),
                                            a.name, b.name), prod, f.sign);
        }
        case R::Sum: {
            Emitted a = node(c, *f.premises.at(0)), b = node(c, *f.premises.at(1));
            TermPtr total = kernel::add(a.poly, b.poly);
            std::string a_s = implied(a.poly), b_s = implied(b.poly);
            if (f.sign == Sign::Zero)
                return leaf_fact(c, fmt::format("icl_add_eq_eq {} {} {} {}", a_s, b_s, a.name, b.name), total, f.sign);
            auto weak = [&](const Emitted& e, const std::string& s_) {
                return e.sign == Sign::Zero ? fmt::format("(icl_eq_ge {} {})", s_, e.name) : e.name;
            };
            return leaf_fact(c, fmt::format("icl_add_{}_{} {} {} {} {}", tag(a.sign), tag(b.sign), a_s, b_s, weak(a, a_s),
                                            weak(b, b_s)),
                             total, f.sign);
        }
        case R::EqualityTimes: {
            Emitted b = node(c, *f.premises.at(0));
            TermPtr q = unfold(f.term, s);
            return leaf_fact(c, fmt::format("icl_mul_eq_r {} {} {}", arg(q), arg(b.poly), b.name), kernel::mul(q, b.poly), f.sign);
        }
        }
        throw std::runtime_error("coq export: unknown rule");
    }

    // ---- one goal (already unfolded) with its certificate
    // The ∀-hypotheses (bound `bound`) in `hyps`, instantiated at the index `idx` (proof `hi` of idx < bound).
    void specialize_forall(std::map<std::string, HypInfo>& hyps, const std::string& bound,
                           const std::string& idx_corpus, const std::string& idx, const std::string& hi, int indent) {
        for (auto& [name, h] : hyps) {
            if (h.forall_index.empty() || h.forall_bound != bound) continue;
            line(indent, fmt::format("specialize ({} {} {}).", h.coq, idx, hi));
            h.prop.lhs = substitute(h.prop.lhs, {{h.forall_index, kernel::var(idx_corpus)}});
            h.prop.rhs = substitute(h.prop.rhs, {{h.forall_index, kernel::var(idx_corpus)}});
            h.forall_index.clear();
            h.forall_bound.clear();
        }
    }

    // Coq names for the bound sum indices of `t` that this printer does not know yet.
    void name_binders(const TermPtr& t) {
        if (!t) return;
        if (t->kind == Term::Kind::Sum && !pr.vars.count(t->name)) pr.vars[t->name] = fresh_name(t->name, used);
        for (const auto& a : t->args) name_binders(a);
    }

    // <use theorem="T" as="n1 …">: each σ(Hᵢ) is proved as `assert (h : σ(Hᵢ))` from its discharge, then T
    // is applied by name to σ's arguments and those proofs, with the conclusion's type ascribed (`assert …
    // by exact (T args h…)`, the conversion unfolds T's definitions); several conjuncts by `destruct`.
    void use(const kernel::Proof::Lemma& in, std::map<std::string, HypInfo>& hyps, int indent) {
        if (!lemmas || !lemmas->count(in.theorem))
            throw std::runtime_error("coq export: <use> of " + in.theorem + ", not a theorem earlier in the file");
        const LemmaRef& ref = lemmas->at(in.theorem);
        const Statement& T = ref.entry->theorem.statement;
        kernel::Substitution sigma;
        for (const auto& [v, t] : in.with) {
            bool named = std::find(T.nats.begin(), T.nats.end(), v) != T.nats.end() ||
                         std::find(T.families.begin(), T.families.end(), v) != T.families.end();
            if (named) {
                if (!t || t->kind != Term::Kind::Var) throw std::runtime_error("coq export: <use> of " + in.theorem + ": " + v + " needs a name");
                sigma.names[v] = t->name;
            } else {
                sigma.reals[v] = unfold(t, s);
            }
        }
        auto image = [&](const Prop& p) {
            Prop q{kernel::substitute(unfold(p.lhs, T), sigma), p.rel,
                   kernel::substitute(unfold(p.rhs, T), sigma)};
            name_binders(q.lhs);
            name_binders(q.rhs);
            return q;
        };
        std::string args;
        for (const auto& v : T.reals) {
            if (!sigma.reals.count(v)) throw std::runtime_error("coq export: <use> of " + in.theorem + " leaves " + v + " unassigned");
            args += " " + arg(sigma.reals.at(v));
        }
        for (const auto* list : {&T.nats, &T.families})
            for (const auto& v : *list) {
                if (!sigma.names.count(v)) throw std::runtime_error("coq export: <use> of " + in.theorem + " leaves " + v + " unassigned");
                args += " " + pr.name(sigma.names.at(v));
            }
        if (in.names.size() != T.goals.size() || in.names.empty())
            throw std::runtime_error("coq export: <use> of " + in.theorem + ": wrong number of names");
        for (const auto& h : T.hypotheses) {
            auto d = std::find_if(in.discharges.begin(), in.discharges.end(), [&](const auto& x) { return x.hyp == h.name; });
            if (d == in.discharges.end() || !d->proof)
                throw std::runtime_error("coq export: hypothesis " + h.name + " of " + in.theorem + " is not discharged");
            const std::string hn = fresh_name("H" + in.names[0] + "_" + h.name, used);
            Prop p = image(h.prop);
            if (h.forall_index.empty()) {
                line(indent, fmt::format("assert ({} : {}).", hn, pr.prop(p)));
                line(indent, "{");
                prove(*d->proof, p, hyps, indent + 1);
                line(indent, "}");
            } else {
                const std::string bound = sigma.names.at(h.forall_bound);
                const std::string idx_corpus = d->index.empty() ? h.forall_index : d->index;
                Printer saved = pr;
                const std::string idx = fresh_name(idx_corpus, used);
                const std::string hi = fresh_name("H" + idx, used);
                pr.vars[idx_corpus] = idx;
                Prop at{substitute(p.lhs, {{h.forall_index, kernel::var(idx_corpus)}}), p.rel,
                        substitute(p.rhs, {{h.forall_index, kernel::var(idx_corpus)}})};
                line(indent, fmt::format("assert ({} : forall {} : nat, ({} < {})%nat -> {}).", hn, idx, idx,
                                         pr.name(bound), pr.prop(at)));
                line(indent, "{");
                line(indent + 1, fmt::format("intros {} {}.", idx, hi));
                std::map<std::string, HypInfo> inner = hyps;
                specialize_forall(inner, bound, idx_corpus, idx, hi, indent + 1);
                prove(*d->proof, at, inner, indent + 1);
                line(indent, "}");
                pr = saved;
            }
            args += " " + hn;
        }
        std::vector<Prop> concl;
        std::string type;
        for (const auto& g : T.goals) {
            concl.push_back(image(g));
            std::string t = pr.prop(concl.back());
            type += (type.empty() ? "" : " /\\ ") + (T.goals.size() > 1 ? "(" + t + ")" : t);
        }
        std::vector<std::string> coq_names;
        for (const auto& n : in.names) coq_names.push_back(fresh_name(n, used));
        const std::string app = "(" + ref.coq + args + ")";
        if (concl.size() == 1) {
            line(indent, fmt::format("assert ({} : {}) by exact {}.", coq_names[0], type, app));
        } else {
            const std::string all = fresh_name("H" + in.names[0] + "_all", used);
            line(indent, fmt::format("assert ({} : {}) by exact {}.", all, type, app));
            std::string pattern = coq_names.back();
            for (std::size_t j = coq_names.size() - 1; j-- > 0;) pattern = "[" + coq_names[j] + " " + pattern + "]";
            if (coq_names.size() == 1) pattern = "[" + pattern + "]";
            line(indent, fmt::format("destruct {} as {}.", all, pattern));
        }
        for (std::size_t j = 0; j < concl.size(); ++j) hyps[in.names[j]] = HypInfo{concl[j], coq_names[j], "", ""};
    }

    void prove(const kernel::Proof& cert, const Prop& goal, std::map<std::string, HypInfo> hyps, int indent) {
        for (const auto& in : cert.lemmas) use(in, hyps, indent);
        Ctx c;
        c.hyps = std::move(hyps);
        c.goal = &goal;
        c.indent = indent;
        using R = kernel::Proof::Rule;
        switch (cert.rule) {
        case R::Exact: {
            const HypInfo& h = hyp(c, cert.fact);
            // same relation: the fact is the goal (up to conversion); else the converse reading r rel' l
            if (h.prop.rel == goal.rel && goal.rel == Rel::Eq)  // l = r read either way
                line(indent, "first [ exact " + h.coq + " | symmetry; exact " + h.coq + " ].");
            else if (h.prop.rel == goal.rel && goal.rel == Rel::Ne)
                line(indent, "first [ exact " + h.coq + " | apply not_eq_sym; exact " + h.coq + " ].");
            else if (h.prop.rel == goal.rel) line(indent, "exact " + h.coq + ".");
            else if (h.prop.rel == Rel::Le && goal.rel == Rel::Ge) line(indent, "apply Rle_ge; exact " + h.coq + ".");
            else if (h.prop.rel == Rel::Ge && goal.rel == Rel::Le) line(indent, "apply Rge_le; exact " + h.coq + ".");
            else if ((h.prop.rel == Rel::Lt && goal.rel == Rel::Gt) || (h.prop.rel == Rel::Gt && goal.rel == Rel::Lt))
                line(indent, "exact " + h.coq + ".");  // a > b is b < a by definition
            else throw std::runtime_error("coq export: exact: fact " + cert.fact + " does not have the goal's relation");
            return;
        }
        case R::Ring:
            line(indent, "first [ ring | lra ].");
            return;
        case R::LinearCombination: {
            if (cert.exponent != 1)  // (l - r)^n = 0 ⇒ l = r; the goal becomes (l - r)^n = 0
                line(indent, fmt::format("apply (icl_pow_eq {} {} {}%nat).", arg(goal.lhs), arg(goal.rhs), cert.exponent));
            for (const auto& lt : cert.combination) {
                const HypInfo& h = hyp(c, lt.hyp);
                if (h.prop.rel != Rel::Eq) throw std::runtime_error("coq export: linear_combination of a non-equality " + lt.hyp);
                std::string base = fmt::format("icl_eq {} {} {}", arg(h.prop.lhs), arg(h.prop.rhs), h.coq);
                TermPtr diff = kernel::sub(h.prop.lhs, h.prop.rhs);
                if (!lt.coeff) {
                    leaf_fact(c, base, diff, kernel::Sign::Zero);
                } else {
                    TermPtr q = unfold(lt.coeff, s);
                    leaf_fact(c, fmt::format("icl_mul_eq_r {} {} ({})", arg(q), arg(diff), base), kernel::mul(q, diff), kernel::Sign::Zero);
                }
            }
            line(indent, "lra.");
            return;
        }
        case R::Refutation: {
            std::string ng = fresh_name("NG", used);
            const TermPtr &l = goal.lhs, &r = goal.rhs;
            switch (goal.rel) {
            case Rel::Le:
                line(indent, fmt::format("apply icl_contra_le; intro {}.", ng));
                c.neg_goal = leaf_fact(c, fmt::format("icl_lt {} {} {}", arg(r), arg(l), ng), kernel::sub(l, r), kernel::Sign::Pos);
                break;
            case Rel::Lt:
                line(indent, fmt::format("apply icl_contra_lt; intro {}.", ng));
                c.neg_goal = leaf_fact(c, fmt::format("icl_le {} {} {}", arg(r), arg(l), ng), kernel::sub(l, r), kernel::Sign::Nonneg);
                break;
            case Rel::Ge:
                line(indent, fmt::format("apply icl_contra_ge; intro {}.", ng));
                c.neg_goal = leaf_fact(c, fmt::format("icl_lt {} {} {}", arg(l), arg(r), ng), kernel::sub(r, l), kernel::Sign::Pos);
                break;
            case Rel::Gt:
                line(indent, fmt::format("apply icl_contra_gt; intro {}.", ng));
                c.neg_goal = leaf_fact(c, fmt::format("icl_le {} {} {}", arg(l), arg(r), ng), kernel::sub(r, l), kernel::Sign::Nonneg);
                break;
            case Rel::Eq:
                line(indent, fmt::format("apply icl_contra_eq; intro {}.", ng));
                c.neg_goal = leaf_fact(c, ng, kernel::pow(kernel::sub(l, r), 2), kernel::Sign::Pos);
                break;
            default:
                throw std::runtime_error("coq export: psatz certificate for a != goal");
            }
            node(c, *cert.refutation);
            line(indent, "lra.");
            return;
        }
        case R::SumNonneg:
        case R::SumLeSum:
        case R::SumCongr: {
            auto is_sum = [](const TermPtr& t) { return t && t->kind == Term::Kind::Sum; };
            auto is_zero = [](const TermPtr& t) { return t && t->kind == Term::Kind::Number && t->number == 0; };
            const Term* f = nullptr;
            const Term* g = nullptr;
            std::string lemma;
            Rel body_rel = Rel::Ge;
            if (cert.rule == R::SumNonneg) {
                if (goal.rel == Rel::Ge && is_sum(goal.lhs) && is_zero(goal.rhs)) { f = goal.lhs.get(); lemma = "lsum_nonneg_ge"; }
                else if (goal.rel == Rel::Le && is_zero(goal.lhs) && is_sum(goal.rhs)) { f = goal.rhs.get(); lemma = "lsum_nonneg"; }
            } else if (is_sum(goal.lhs) && is_sum(goal.rhs)) {
                f = goal.lhs.get();
                g = goal.rhs.get();
                if (cert.rule == R::SumCongr && goal.rel == Rel::Eq) { lemma = "lsum_congr"; body_rel = Rel::Eq; }
                else if (cert.rule == R::SumLeSum && goal.rel == Rel::Le) { lemma = "lsum_le"; body_rel = Rel::Le; }
                else if (cert.rule == R::SumLeSum && goal.rel == Rel::Ge) { lemma = "lsum_ge"; body_rel = Rel::Ge; }
            }
            if (lemma.empty()) throw std::runtime_error("coq export: goal does not have the shape of its sum rule");
            const Term& bound = *f->args.at(0);
            if (bound.kind != Term::Kind::Var || (g && (g->args.at(0)->kind != Term::Kind::Var || g->args.at(0)->name != bound.name)))
                throw std::runtime_error("coq export: sums with different bounds");
            std::string idx_corpus = cert.index.empty() ? std::string("i") : cert.index;
            std::string idx = fresh_name(idx_corpus, used);
            std::string hi = fresh_name("H" + idx, used);
            Printer saved = pr;
            pr.vars[idx_corpus] = idx;
            line(indent, fmt::format("apply {}; intros {} {}; cbv beta.", lemma, idx, hi));
            auto at_i = [&](const Term& sm) { return substitute(sm.args.at(1), {{sm.name, kernel::var(idx_corpus)}}); };
            Prop body;
            body.lhs = at_i(*f);
            body.rel = body_rel;
            body.rhs = g ? at_i(*g) : kernel::number(0);
            specialize_forall(c.hyps, bound.name, idx_corpus, idx, hi, indent);
            prove(*cert.body, body, c.hyps, indent);
            pr = saved;
            return;
        }
        }
        throw std::runtime_error("coq export: unknown proof rule");
    }
};

}  // namespace

CoqExport export_coq(const frontend::Corpus& corpus, const kernel::Limits& limits) {
    CoqExport ex;
    std::ostringstream out;
    out << kPrelude;

    // ---- definitions: global Coq names, avoiding every variable name of the corpus
    std::set<std::string> corpus_vars;
    for (const auto& te : corpus.theorems) {
        const Statement& s = te.theorem.statement;
        for (const auto* v : {&s.reals, &s.nats, &s.families}) corpus_vars.insert(v->begin(), v->end());
    }
    std::set<std::string> globals = corpus_vars;  // defs must not be shadowed by binders
    std::map<std::string, std::string> defs;
    for (const auto& de : corpus.definitions) defs[de.definition.name] = fresh_name(de.definition.name, globals);
    std::set<std::string> def_names;
    for (const auto& [k, v] : defs) def_names.insert(v);

    out << "\n(* ---- definitions of the corpus *)\n";
    for (const auto& de : corpus.definitions) {
        const auto& d = de.definition;
        Printer p;
        p.defs = &defs;
        std::set<std::string> used = def_names;
        std::string params;
        for (const auto& prm : d.params) {
            p.vars[prm] = fresh_name(prm, used);
            params += " " + p.vars[prm];
        }
        out << "Definition " << defs.at(d.name);
        if (!params.empty()) out << " (" << params.substr(1) << " : R)";
        out << " : R := " << p.term(*d.body) << ".\n";
    }

    // ---- theorems
    std::set<std::string> theorem_names = def_names;
    std::map<std::string, LemmaRef> lemmas;  // theorems already in the file, for <use>
    const std::vector<kernel::CheckResult> checked = frontend::check_corpus(corpus, limits);
    for (std::size_t k = 0; k < corpus.theorems.size(); ++k) {
        const auto& te = corpus.theorems[k];
        const auto& th = te.theorem;
        if (checked[k].verdict != kernel::Verdict::Verified)
            throw CoqUnverified(th.id + " does not verify: " + checked[k].message);
        const std::vector<kernel::ProofPtr>& proofs = checked[k].proofs;
        const Statement& s = th.statement;
        if (th.proofs.size() != s.goals.size())
            throw std::runtime_error(fmt::format("coq export: {} has {} goals and {} proofs", th.id, s.goals.size(), th.proofs.size()));
        std::string tname = fresh_name(th.name.empty() ? th.id : th.name, theorem_names);

        Printer p;
        p.defs = &defs;
        std::set<std::string> used = theorem_names;  // local names never shadow a definition or theorem
        std::string binders;
        auto group = [&](const std::vector<std::string>& names, const char* type) {
            if (names.empty()) return;
            binders += " (";
            for (std::size_t i = 0; i < names.size(); ++i) {
                p.vars[names[i]] = fresh_name(names[i], used);
                binders += (i ? " " : "") + p.vars[names[i]];
            }
            binders += std::string(" : ") + type + ")";
        };
        group(s.reals, "R");
        group(s.nats, "nat");
        group(s.families, "nat -> R");

        // hypotheses
        std::vector<std::string> hyp_text;
        std::map<std::string, HypInfo> hyps;
        std::vector<std::string> intro_names;
        for (const auto& v : s.reals) intro_names.push_back(p.vars.at(v));
        for (const auto& v : s.nats) intro_names.push_back(p.vars.at(v));
        for (const auto& v : s.families) intro_names.push_back(p.vars.at(v));
        // Sum indices and ∀ indices are bound locally: give them names that cannot capture.
        std::vector<std::string> index_names;
        std::function<void(const TermPtr&)> collect = [&](const TermPtr& t) {
            if (!t) return;
            if (t->kind == Term::Kind::Sum) index_names.push_back(t->name);
            for (const auto& a : t->args) collect(a);
        };
        for (const auto& h : s.hypotheses) {
            if (!h.forall_index.empty()) index_names.push_back(h.forall_index);
            collect(h.prop.lhs);
            collect(h.prop.rhs);
        }
        for (const auto& g : s.goals) { collect(g.lhs); collect(g.rhs); }
        std::set<std::string> index_used = used;  // indices may share names with each other, not with variables
        for (const auto& ix : index_names)
            if (!p.vars.count(ix)) p.vars[ix] = fresh_name(ix, index_used);
        used.insert(index_used.begin(), index_used.end());

        for (const auto& h : s.hypotheses) {
            std::string coq = fresh_name(h.name.empty() ? "h" : h.name, used);
            intro_names.push_back(coq);
            std::string text = p.prop(h.prop);
            if (!h.forall_index.empty())
                text = fmt::format("(forall {} : nat, ({} < {})%nat -> {})", p.vars.at(h.forall_index),
                                   p.vars.at(h.forall_index), p.name(h.forall_bound), text);
            hyp_text.push_back(text);
            HypInfo info{Prop{unfold_definitions(h.prop.lhs, s, limits), h.prop.rel,
                              unfold_definitions(h.prop.rhs, s, limits)},
                         coq, h.forall_index, h.forall_bound};
            hyps[h.name] = info;
        }
        std::string goal_text;
        for (std::size_t i = 0; i < s.goals.size(); ++i)
            goal_text += (i ? " /\\ " : "") + (s.goals.size() > 1 ? "(" + p.prop(s.goals[i]) + ")" : p.prop(s.goals[i]));

        std::ostringstream thm;
        thm << "\n(* " << th.id << " " << th.name;
        if (!te.duplicate_of.empty()) thm << " -- duplicate of " << te.duplicate_of << ", not independent evidence";
        thm << " *)\n";
        const std::size_t start = static_cast<std::size_t>(out.tellp());
        const std::size_t begin = start + thm.str().size();
        thm << "Theorem " << tname << " :";
        if (!binders.empty()) thm << "\n  forall" << binders << ",";
        for (const auto& h : hyp_text) thm << "\n  " << h << " ->";
        thm << "\n  " << goal_text << ".\nProof.\n";

        ProofWriter w(s, p, used, limits);
        w.lemmas = &lemmas;
        if (!intro_names.empty()) {
            std::string names;
            for (const auto& n : intro_names) names += " " + n;
            w.line(1, "intros" + names + ".");
        }
        // unfold definitions (later ones first: they call earlier ones)
        // definitions the statement uses, transitively
        std::set<std::string> called;
        std::function<void(const TermPtr&)> calls = [&](const TermPtr& t) {
            if (!t) return;
            if (t->kind == Term::Kind::Apply && defs.count(t->name) && !p.vars.count(t->name) &&
                called.insert(t->name).second)
                if (const auto* d = find_definition(s, t->name)) calls(d->body);
            for (const auto& a : t->args) calls(a);
        };
        for (const auto& h : s.hypotheses) { calls(h.prop.lhs); calls(h.prop.rhs); }
        for (const auto& g : s.goals) { calls(g.lhs); calls(g.rhs); }
        std::string unfold;
        for (auto it = corpus.definitions.rbegin(); it != corpus.definitions.rend(); ++it)
            if (called.count(it->definition.name))
                unfold += (unfold.empty() ? "" : " ") + defs.at(it->definition.name);
        if (!unfold.empty()) w.line(1, "cbv delta [" + unfold + "] beta in *.");
        for (std::size_t i = 0; i < s.goals.size(); ++i) {
            Prop g{w.unfold(s.goals[i].lhs, s), s.goals[i].rel, w.unfold(s.goals[i].rhs, s)};
            bool last = i + 1 == s.goals.size();
            if (s.goals.size() == 1) {
                w.prove(*proofs[i], g, hyps, 1);
                continue;
            }
            if (!last) w.line(1, "split.");
            w.line(1, "{");
            w.prove(*proofs[i], g, hyps, 2);
            w.line(1, "}");
        }
        thm << w.out.str() << "Qed.";
        const std::size_t end = start + thm.str().size();
        out << thm.str() << "\n";
        out << "Goal True. idtac \"" << kCoqAssumptionMarker << tname << "\". Abort.\n";
        out << "Print Assumptions " << tname << ".\n";
        ex.theorems.push_back({th.id, tname, begin, end});
        lemmas[th.id] = LemmaRef{&te, tname};
    }
    ex.text = out.str();
    return ex;
}

// The Coq printing of one term with every name kept as written (for the precedence round-trip test).
std::string coq_expression(const kernel::Term& t) {
    Printer pr;
    std::map<std::string, std::string> defs;
    std::function<void(const Term&)> names = [&](const Term& u) {
        if (u.kind == Term::Kind::Var || u.kind == Term::Kind::Sum) pr.vars[u.name] = u.name;
        if (u.kind == Term::Kind::Apply) { pr.vars[u.name] = u.name; }
        for (const auto& a : u.args)
            if (a) names(*a);
    };
    names(t);
    pr.defs = &defs;
    return pr.term(t, 1);
}

}  // namespace icl::export_
