// HTML report generator. See export/report.hpp.
#include "frontend/witness.hpp"
#include "export/report.hpp"
#include "export/graph.hpp"
#include "export/independence.hpp"

#include "export/catalogue.hpp"

#include <map>
#include <set>
#include <sstream>

namespace icl::export_ {

std::string html_escape(const std::string& s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default: out += c;
        }
    }
    return out;
}

namespace {

using K = kernel::Term::Kind;

const std::map<std::string, std::string>& greek() {
    static const std::map<std::string, std::string> m = {
        {"alpha", "α"}, {"beta", "β"},  {"gamma", "γ"}, {"delta", "δ"},   {"eps", "ε"},     {"epsilon", "ε"},
        {"eta", "η"},   {"theta", "θ"}, {"kappa", "κ"}, {"lam", "λ"},     {"lambda", "λ"},  {"mu", "μ"},
        {"rho", "ρ"},   {"sigma", "σ"}, {"tau", "τ"},   {"phi", "φ"},     {"omega", "ω"},   {"nu", "ν"}};
    return m;
}

// A variable name: Greek words become letters, a trailing "star" a superscript *, trailing digits a
// subscript (eta → η, wstar → w*, x1 → x₁). Anything else stays as written.
std::string ident(const std::string& name) {
    std::string base = name, sub, sup;
    if (base.size() > 4 && base.compare(base.size() - 4, 4, "star") == 0) {
        base.resize(base.size() - 4);
        sup = "<mo>∗</mo>";  // U+2217, not ASCII *
    }
    std::size_t d = base.size();
    while (d > 1 && std::isdigit(static_cast<unsigned char>(base[d - 1]))) --d;
    if (d < base.size()) {
        sub = "<mn>" + base.substr(d) + "</mn>";
        base.resize(d);
    }
    auto g = greek().find(base);
    std::string mi = g != greek().end() ? "<mi>" + g->second + "</mi>" : "<mi>" + html_escape(base) + "</mi>";
    if (!sub.empty() && !sup.empty()) return "<msubsup>" + mi + sub + sup + "</msubsup>";
    if (!sub.empty()) return "<msub>" + mi + sub + "</msub>";
    if (!sup.empty()) return "<msup>" + mi + sup + "</msup>";
    return mi;
}

int precedence(const kernel::Term& t) {
    switch (t.kind) {
        case K::Add:
        case K::Sub: return 1;
        case K::Mul: return 2;
        case K::Neg: return 3;
        case K::Pow: return 4;
        case K::Number: return (denominator(t.number) != 1 || t.number < 0) ? 2 : 5;
        case K::Sum: return 2;
        default: return 5;
    }
}

std::string number(const kernel::Rational& q) {
    kernel::Rational a = q < 0 ? kernel::Rational(-q) : q;
    std::string s;
    if (denominator(a) == 1) s = "<mn>" + numerator(a).str() + "</mn>";
    else s = "<mfrac><mn>" + numerator(a).str() + "</mn><mn>" + denominator(a).str() + "</mn></mfrac>";
    return q < 0 ? "<mo>−</mo>" + s : s;
}

std::string mathml(const kernel::Term& t, int context, const std::set<std::string>& families);

std::string paren(const std::string& s) { return "<mrow><mo stretchy=\"false\">(</mo>" + s + "<mo stretchy=\"false\">)</mo></mrow>"; }

std::string mathml(const kernel::Term& t, int context, const std::set<std::string>& families) {
    std::string s;
    switch (t.kind) {
        case K::Number: s = number(t.number); break;
        case K::Var: s = ident(t.name); break;
        case K::Neg: s = "<mo>−</mo>" + mathml(*t.args[0], 3, families); break;
        case K::Add: s = mathml(*t.args[0], 1, families) + "<mo>+</mo>" + mathml(*t.args[1], 2, families); break;
        case K::Sub: s = mathml(*t.args[0], 1, families) + "<mo>−</mo>" + mathml(*t.args[1], 2, families); break;
        case K::Mul: s = mathml(*t.args[0], 2, families) + "<mo>·</mo>" + mathml(*t.args[1], 3, families); break;
        case K::Pow: {
            const kernel::Term& b = *t.args[0];
            std::string base = mathml(b, 5, families);
            s = "<msup><mrow>" + base + "</mrow><mn>" + std::to_string(t.exponent) + "</mn></msup>";
            return "<mrow>" + s + "</mrow>";  // a power binds tighter than anything around it
        }
        case K::Apply: {
            if (families.count(t.name) && t.args.size() == 1) {
                s = "<msub>" + ident(t.name) + "<mrow>" + mathml(*t.args[0], 0, families) + "</mrow></msub>";
                break;
            }
            s = "<mi mathvariant=\"normal\">" + html_escape(t.name) + "</mi><mo>&#x2061;</mo><mrow><mo stretchy=\"false\">(</mo>";
            for (std::size_t i = 0; i < t.args.size(); ++i)
                s += (i ? "<mo separator=\"true\">,</mo>" : "") + mathml(*t.args[i], 0, families);
            s += "<mo stretchy=\"false\">)</mo></mrow>";
            break;
        }
        case K::Sum: {
            s = "<munderover><mo>∑</mo><mrow>" + ident(t.name) + "<mo>=</mo><mn>0</mn></mrow><mrow>" +
                ident(t.args[0]->name) + "<mo>−</mo><mn>1</mn></mrow></munderover>" + mathml(*t.args[1], 3, families);
            break;
        }
    }
    s = "<mrow>" + s + "</mrow>";
    return precedence(t) < context ? paren(s) : s;
}

const char* rel_mo(kernel::Rel r) {
    switch (r) {
        case kernel::Rel::Eq: return "=";
        case kernel::Rel::Le: return "≤";
        case kernel::Rel::Lt: return "&lt;";
        case kernel::Rel::Ge: return "≥";
        case kernel::Rel::Gt: return "&gt;";
        case kernel::Rel::Ne: return "≠";
    }
    return "?";
}

std::string prop_ml(const kernel::Prop& p, const std::set<std::string>& families) {
    return "<mrow>" + mathml(*p.lhs, 0, families) + "<mo>" + rel_mo(p.rel) + "</mo>" + mathml(*p.rhs, 0, families) +
           "</mrow>";
}

std::string math_block(const std::string& inner) { return "<math display=\"inline\">" + inner + "</math>"; }

void calls(const kernel::Term& t, std::set<std::string>& out) {
    if (t.kind == K::Apply) out.insert(t.name);
    for (const auto& a : t.args)
        if (a) calls(*a, out);
}

std::set<std::string> statement_calls(const kernel::Statement& s) {
    std::set<std::string> out;
    for (const auto& h : s.hypotheses) {
        calls(*h.prop.lhs, out);
        calls(*h.prop.rhs, out);
    }
    for (const auto& g : s.goals) {
        calls(*g.lhs, out);
        calls(*g.rhs, out);
    }
    return out;
}

std::string dot_quote(const std::string& s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    return out + "\"";
}

std::string anchor(const std::string& id) {  // ids are [A-Za-z0-9_]; keep anything else out of the anchor
    std::string out;
    for (char c : id) out += std::isalnum(static_cast<unsigned char>(c)) || c == '_' ? c : '-';
    return out;
}

std::string witness_ml(const cert::Witness& w) {
    std::string s;
    bool first = true;
    auto sep = [&] {
        if (!first) s += "<mo separator=\"true\">,</mo><mspace width=\"0.5em\"/>";
        first = false;
    };
    for (const auto& [k, v] : w.reals) {
        sep();
        s += ident(k) + "<mo>=</mo>" + number(v);
    }
    for (const auto& [k, v] : w.nats) {
        sep();
        s += ident(k) + "<mo>=</mo><mn>" + std::to_string(v) + "</mn>";
    }
    for (const auto& [k, vs] : w.families) {
        sep();
        s += ident(k) + "<mo>=</mo><mo>(</mo>";
        for (std::size_t i = 0; i < vs.size(); ++i) s += (i ? "<mo separator=\"true\">,</mo>" : "") + number(vs[i]);
        s += "<mo>)</mo>";
    }
    return "<mrow>" + s + "</mrow>";
}

}  // namespace

std::string term_mathml(const kernel::Term& t) { return mathml(t, 0, {}); }
std::string prop_mathml(const kernel::Prop& p) { return prop_ml(p, {}); }


namespace {

const char* kStyle = R"css(
body { font-family: system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; margin: 0; color: #1d2433; background: #f6f7fa; }
header, main { max-width: 1150px; margin: 0 auto; padding: 0 1.2em; }
header { padding-top: 1.2em; }
h1 { font-size: 1.6em; margin: 0.2em 0; }
h2 { border-bottom: 2px solid #c8d0de; padding-bottom: 0.2em; margin-top: 1.6em; }
.summary { background: #fff; border: 1px solid #d6dbe6; border-radius: 8px; padding: 0.6em 1em; }
.summary td, .summary th { padding: 0.15em 0.8em; text-align: left; }
.ok { color: #1b7a34; font-weight: 600; }
.fail { color: #b3261e; font-weight: 700; }
nav.toc a { margin-right: 0.6em; white-space: nowrap; }
section.theorem { background: #fff; border: 1px solid #d6dbe6; border-radius: 8px; margin: 0.8em 0; padding: 0.6em 1em; }
section.theorem:target { border-color: #4a6fa5; box-shadow: 0 0 0 3px #c9d8f0; }
section.theorem h3 { margin: 0.1em 0 0.4em 0; font-size: 1.08em; }
section.theorem h3 code { font-size: 0.95em; }
.doc { color: #3a4356; margin: 0.2em 0 0.5em 0; }
table.stmt { border-collapse: collapse; margin: 0.3em 0; }
table.stmt td { padding: 0.15em 0.6em 0.15em 0; vertical-align: baseline; }
table.stmt td.k { color: #5b6475; font-size: 0.9em; white-space: nowrap; }
math { font-size: 1.12em; }
.meta { font-size: 0.92em; color: #3a4356; }
.meta span { margin-right: 1.2em; }
.deviation { background: #fff6e0; border-left: 4px solid #e0a100; padding: 0.3em 0.6em; margin: 0.4em 0; font-size: 0.92em; }
details { margin: 0.3em 0; }
details summary { cursor: pointer; color: #2d4f86; }
pre { background: #f3f5f9; border: 1px solid #e0e4ec; padding: 0.5em; overflow-x: auto; font-size: 0.85em; }
.graph { background: #fff; border: 1px solid #d6dbe6; border-radius: 8px; overflow: auto; padding: 0.5em; }
.graph svg { max-width: 100%; height: auto; }
.defs td { padding: 0.15em 0.8em 0.15em 0; }
footer { max-width: 1150px; margin: 2em auto; padding: 0 1.2em; color: #6b7385; font-size: 0.85em; }
)css";

// Marks on <body> whether this browser lays out MathML (a <math> element with a non-zero width);
// the headless-Chromium test reads it from the dumped DOM.
const char* kScript = R"js(
window.addEventListener('load', function () {
  var m = document.querySelectorAll('math');
  var laid = 0;
  for (var i = 0; i < m.length; i++) if (m[i].getBoundingClientRect().width > 0) laid++;
  document.body.setAttribute('data-math-elements', String(m.length));
  document.body.setAttribute('data-math-laid-out', String(laid));
  document.body.setAttribute('data-mathml-supported', typeof MathMLElement !== 'undefined' ? 'yes' : 'no');
});
)js";

}  // namespace

std::string report_html(const ReportInput& in) {
    const frontend::Corpus& c = *in.corpus;
    std::ostringstream os;
    std::size_t ok = 0, dup = 0;
    std::size_t derived = 0, axioms = 0, sorry = 0;
    for (std::size_t i = 0; i < c.theorems.size(); ++i) {
        ok += i < in.verdicts.size() && in.verdicts[i].ok;
        if (i < in.verdicts.size()) axioms += in.verdicts[i].axioms, sorry += in.verdicts[i].sorry;
        derived += c.theorems[i].derived;
    }
    const IndependenceReport indep = independence(c);  // computed, over the statements (not the derived)
    dup = indep.statements - indep.independent;
    os << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
       << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
       << "<title>icl-kernel report: " << c.theorems.size() << " theorem statements</title>\n"
       << "<style>" << kStyle << "</style>\n<script>" << kScript << "</script>\n</head>\n<body>\n";
    os << "<header>\n<h1>In-context learning = gradient descent: " << c.theorems.size() - derived
       << " theorem statements and " << derived << " derived declarations, checked</h1>\n"
       << "<p>Generated by <code>icl-kernel report</code> (icl-kernel " << html_escape(in.tool_version)
       << ") from the built-in corpus. Every verdict below was computed by the trusted kernel "
          "(<code>kernel::Check::conclude</code> on the Proofs its rules built while <code>cert::check_theorem</code> replayed the certificate, <code>frontend::check_witness</code> for the "
          "non-vacuity witness) when this page was generated. Self-contained: no network access at view time; "
          "the mathematics is MathML, rendered by the browser.</p>\n";
    os << "<div class=\"summary\"><table>\n"
       << "<tr><th>statements</th><td>" << c.theorems.size() - derived << " (" << indep.independent
       << " independent, computed)</td></tr>\n"
       << "<tr><th>derived declarations</th><td>" << derived << " (chains proved by instantiating theorems)</td></tr>\n"
       << "<tr><th>verified by the kernel</th><td class=\"" << (ok == c.theorems.size() ? "ok" : "fail") << "\">"
       << ok << " of " << c.theorems.size() << "</td></tr>\n"
       << "<tr><th>definitions</th><td>" << c.definitions.size() << "</td></tr>\n"
       << "<tr><th>axioms / sorry</th><td class=\"" << (axioms + sorry == 0 ? "ok" : "fail") << "\">" << axioms
       << " / " << sorry << " (computed from the kernel's derivations; the kernel has no axiom or sorry rule)</td></tr>\n";
    // per-paper rows
    std::vector<std::string> papers;
    std::map<std::string, std::pair<std::size_t, std::size_t>> per;
    std::map<std::string, std::string> title;
    for (std::size_t i = 0; i < c.theorems.size(); ++i) {
        const auto& e = c.theorems[i];
        if (!per.count(e.paper)) papers.push_back(e.paper);
        per[e.paper].first++;
        per[e.paper].second += i < in.verdicts.size() && in.verdicts[i].ok;
        title[e.paper] = e.paper_title;
    }
    for (const auto& p : papers)
        os << "<tr><th><a href=\"#paper-" << anchor(p) << "\">paper " << html_escape(p) << "</a></th><td>"
           << per[p].second << " of " << per[p].first << " OK — " << html_escape(title[p]) << "</td></tr>\n";
    os << "</table></div>\n";
    os << "<nav class=\"toc\"><p><a href=\"#graph\">derivation graph</a> <a href=\"#definitions\">definitions</a>";
    for (const auto& e : c.theorems)
        os << " <a href=\"#thm-" << anchor(e.theorem.id) << "\">" << html_escape(e.theorem.id) << "</a>";
    os << "</p></nav>\n</header>\n<main>\n";

    // graph
    os << "<h2 id=\"graph\">Derivation graph</h2>\n"
       << "<p>The graph of <code>icl-kernel graph</code> (docs/derivation.svg): one box per paper; an arrow "
          "goes from a theorem to each derived declaration (green) whose certificate instantiates it; the "
          "definitions a derived statement calls are in brackets, and the theorems no declaration uses are "
          "listed at the foot of their paper. Click a node to jump to the theorem.</p>\n<div class=\"graph\">\n"
       << in.graph_svg << "\n</div>\n";

    // definitions
    os << "<h2 id=\"definitions\">Definitions</h2>\n<table class=\"defs\">\n";
    for (const auto& d : c.definitions) {
        std::string lhs = "<mi mathvariant=\"normal\">" + html_escape(d.definition.name) +
                          "</mi><mo>&#x2061;</mo><mrow><mo stretchy=\"false\">(</mo>";
        for (std::size_t i = 0; i < d.definition.params.size(); ++i)
            lhs += (i ? "<mo separator=\"true\">,</mo>" : "") + ident(d.definition.params[i]);
        lhs += "<mo stretchy=\"false\">)</mo></mrow>";
        os << "<tr id=\"def-" << anchor(d.definition.name) << "\"><td>"
           << math_block("<mrow>" + lhs + "<mo>≔</mo>" + mathml(*d.definition.body, 0, {}) + "</mrow>")
           << "</td><td class=\"meta\">" << html_escape(d.where.file) << ":" << d.where.line << "</td></tr>\n";
    }
    os << "</table>\n";

    // theorems per paper
    std::string current_paper;
    for (std::size_t i = 0; i < c.theorems.size(); ++i) {
        const auto& e = c.theorems[i];
        const kernel::Statement& s = e.theorem.statement;
        std::set<std::string> fam(s.families.begin(), s.families.end());
        if (e.paper != current_paper) {
            current_paper = e.paper;
            os << "<h2 id=\"paper-" << anchor(e.paper) << "\">Paper " << html_escape(e.paper) << ": "
               << html_escape(e.paper_title) << "</h2>\n<p class=\"meta\">" << html_escape(e.where.file) << "</p>\n";
        }
        const bool vok = i < in.verdicts.size() && in.verdicts[i].ok;
        const std::string a = anchor(e.theorem.id);
        os << "<section class=\"theorem\" id=\"thm-" << a << "\" data-theorem-id=\"" << html_escape(e.theorem.id)
           << "\">\n<h3>" << html_escape(e.theorem.id) << " <code>" << html_escape(e.theorem.name) << "</code> "
           << (vok ? "<span class=\"ok\">✔ verified</span>" : "<span class=\"fail\">✘ FAILED</span>") << "</h3>\n";
        if (!e.doc.empty()) os << "<p class=\"doc\">" << html_escape(e.doc) << "</p>\n";
        os << "<table class=\"stmt\">\n";
        auto vars = [&](const char* label, const std::vector<std::string>& v, const std::string& type) {
            if (v.empty()) return;
            std::string ml;
            for (std::size_t k = 0; k < v.size(); ++k) ml += (k ? "<mo separator=\"true\">,</mo>" : "") + ident(v[k]);
            os << "<tr><td class=\"k\">" << label << "</td><td>" << math_block("<mrow>" + ml + "<mo>∈</mo>" + type + "</mrow>")
               << "</td></tr>\n";
        };
        vars("variables", s.reals, "<mi>ℝ</mi>");
        vars("naturals", s.nats, "<mi>ℕ</mi>");
        vars("families", s.families,
             "<mrow><mi>ℕ</mi><mo>→</mo><mi>ℝ</mi></mrow>");
        for (const auto& h : s.hypotheses) {
            std::string ml = prop_ml(h.prop, fam);
            if (!h.forall_index.empty())
                ml = "<mrow><mo>∀</mo>" + ident(h.forall_index) + "<mo>&lt;</mo>" + ident(h.forall_bound) +
                     "<mo separator=\"true\">,</mo><mspace width=\"0.3em\"/>" + ml + "</mrow>";
            os << "<tr><td class=\"k\">" << html_escape(h.name) << "</td><td>" << math_block(ml) << "</td></tr>\n";
        }
        for (std::size_t g = 0; g < s.goals.size(); ++g)
            os << "<tr><td class=\"k\">" << (g == 0 ? "⊢ goal" : "∧") << "</td><td>" << math_block(prop_ml(s.goals[g], fam))
               << "</td></tr>\n";
        os << "</table>\n<p class=\"meta\">";
        std::string kinds;
        std::size_t size = 0;
        for (const auto& p : in.verdicts.at(i).proofs) {  // the derivation the kernel recorded
            kinds += (kinds.empty() ? "" : " + ") + proof_rule_name(*p);
            size += derivation_size(*p);
        }
        if (in.verdicts.at(i).proofs.empty())
            for (const auto& cert : e.theorem.proofs) {
                kinds += (kinds.empty() ? "" : " + ") + certificate_kind_name(cert);
                size += certificate_size(cert);
            }
        os << "<span>" << (in.verdicts.at(i).proofs.empty() ? "certificate" : "derivation") << ": <code>"
           << html_escape(kinds) << "</code>, " << size << (in.verdicts.at(i).proofs.empty() ? " nodes" : " steps") << "</span>"
           << "<span>witness: " << math_block(witness_ml(e.theorem.witness)) << "</span>"
           << "<span>source: " << html_escape(e.where.file) << ":" << e.where.line << "</span>"
           << "<span>Lean: <a href=\"#lean-" << a << "\"><code>" << html_escape(e.lean_name) << "</code></a></span>"
           << "<span><a href=\"#coq-" << a << "\">Coq</a></span></p>\n";
        if (!vok)
            os << "<p class=\"fail\">kernel: " << html_escape(i < in.verdicts.size() ? in.verdicts[i].message : "not run")
               << "</p>\n";
        if (!e.duplicate_of.empty())
            os << "<p class=\"deviation\">Duplicate of <a href=\"#thm-" << anchor(e.duplicate_of) << "\">"
               << html_escape(e.duplicate_of) << "</a>: same statement, not independent evidence.</p>\n";
        if (!e.deviation.empty())
            os << "<p class=\"deviation\"><strong>Deviation from the spec:</strong> " << html_escape(e.deviation) << "</p>\n";
        os << "<details id=\"lean-" << a << "\"><summary>Lean 4 (Mathlib)</summary><pre><code>"
           << html_escape(i < in.lean_text.size() && !in.lean_text[i].empty() ? in.lean_text[i]
                                                                             : "(Lean export failed: " + in.lean_error + ")")
           << "</code></pre></details>\n";
        os << "<details id=\"coq-" << a << "\"><summary>Coq</summary><pre><code>"
           << html_escape(i < in.coq_text.size() && !in.coq_text[i].empty() ? in.coq_text[i]
                                                                           : "(Coq export failed: " + in.coq_error + ")")
           << "</code></pre></details>\n</section>\n";
    }
    os << "</main>\n<footer>Regenerate with <code>icl-kernel report --out docs/report</code>. Lean text: "
          "<code>lean/TransformerICL_gradient_descent.lean</code> (<code>icl-kernel export lean</code>); Coq text: "
          "<code>icl-kernel export coq</code>.</footer>\n</body>\n</html>\n";
    return os.str();
}

}  // namespace icl::export_
