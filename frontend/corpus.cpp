// Corpus loader: pugixml files -> kernel data structures, with file:line:col for every error.
#include "frontend/corpus.hpp"
#include "frontend/parser.hpp"
#include "frontend/xml_strict.hpp"

#include <fmt/core.h>
#include <pugixml.hpp>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <system_error>

namespace icl::frontend {

using kernel::Rational;

namespace {

// Elements whose content is text read as written (expressions, names, prose): no comments inside.
constexpr const char* kTextElements = "def doc deviation real nat family hyp goal witness";

std::vector<std::string> split_words(const std::string& s) {
    std::istringstream is(s);
    std::vector<std::string> out;
    for (std::string w; is >> w;) out.push_back(w);
    return out;
}

bool blank(const std::string& s) {
    return std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isspace(c); });
}

class FileLoader {
public:
    FileLoader(const std::string& name, const std::string& raw, const ParseLimits& limits)
        : name_(name), raw_(raw), limits_(limits) {
        line_starts_.push_back(0);
        for (std::size_t i = 0; i < raw_.size(); ++i)  // XML 1.0 §2.11: LF, CR LF and a lone CR end a line
            if (raw_[i] == '\n' || (raw_[i] == '\r' && (i + 1 == raw_.size() || raw_[i + 1] != '\n')))
                line_starts_.push_back(i + 1);
    }

    // Line by binary search; the column by counting characters from the line start, or from the last
    // position asked for when it is earlier on the same line (the loader asks in file order, so many
    // elements on one long line cost linear, not quadratic, time).
    SourceLocation loc(std::size_t off) const {
        off = std::min(off, raw_.size());
        auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), off);
        std::size_t line = static_cast<std::size_t>(it - line_starts_.begin());
        std::size_t start = line_starts_[line - 1];
        int col = 1;
        if (cache_line_ == line && cache_off_ <= off) {
            start = cache_off_;
            col = cache_col_;
        }
        for (std::size_t i = start; i < off; ++i)
            if ((static_cast<unsigned char>(raw_[i]) & 0xC0) != 0x80) ++col;
        cache_line_ = line;
        cache_off_ = off;
        cache_col_ = col;
        return {name_, static_cast<int>(line), col};
    }
    SourceLocation loc(const pugi::xml_node& n) const {
        auto off = n.offset_debug();
        return loc(off < 0 ? 0 : static_cast<std::size_t>(off));
    }
    [[noreturn]] void error(std::size_t off, const std::string& what, const char* component = "input") const {
        SourceLocation l = loc(off);
        throw InputError(l.file, l.line, l.col, what, component);
    }
    [[noreturn]] void error(const pugi::xml_node& n, const std::string& what) const {
        SourceLocation l = loc(n);
        throw InputError(l.file, l.line, l.col, what);
    }

    // The positions of the decoded characters of the text at raw offset `off` (an entity counts as one), made
    // when an error message first asks for one (PositionMap::make).
    PositionMap map_from(std::size_t off, std::size_t decoded_length, char stop) const {
        return {name_, [this, off, decoded_length, stop] { return positions(off, decoded_length, stop); }};
    }
    std::vector<std::pair<int, int>> positions(std::size_t off, std::size_t decoded_length, char stop) const {
        std::vector<std::pair<int, int>> at;
        SourceLocation start = loc(off);  // one lookup, then walk forward: linear in the text
        int line = start.line, col = start.col;
        auto step = [&](std::size_t from, std::size_t to) {  // advance line/col over raw_[from, to)
            for (std::size_t k = from; k < to; ++k) {
                if (raw_[k] == '\n' || (raw_[k] == '\r' && (k + 1 == raw_.size() || raw_[k + 1] != '\n'))) { ++line; col = 1; }
                else if ((static_cast<unsigned char>(raw_[k]) & 0xC0) != 0x80) ++col;
            }
        };
        std::size_t i = off;
        while (at.size() < decoded_length && i < raw_.size() && raw_[i] != stop) {
            if (raw_[i] == '&') {
                std::size_t semi = raw_.find(';', i);
                std::size_t bytes = 1;
                if (semi != std::string::npos && i + 2 < raw_.size() && raw_[i + 1] == '#') {
                    unsigned long cp = raw_[i + 2] == 'x' ? std::strtoul(raw_.c_str() + i + 3, nullptr, 16)
                                                          : std::strtoul(raw_.c_str() + i + 2, nullptr, 10);
                    bytes = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
                }
                for (std::size_t b = 0; b < bytes; ++b) at.push_back({line, col});
                std::size_t next = semi == std::string::npos ? i + 1 : semi + 1;
                step(i, next);
                i = next;
            } else if (raw_[i] == '\r' && i + 1 < raw_.size() && raw_[i + 1] == '\n') {
                ++i;
            } else {
                at.push_back({line, col});
                step(i, i + 1);
                ++i;
            }
        }
        while (at.size() <= decoded_length) at.push_back({line, col});
        return at;
    }

    // The text content of an element (no element children allowed) and its position map.
    std::pair<std::string, PositionMap> text(const pugi::xml_node& e) const {
        std::string out;
        std::ptrdiff_t start = -1;
        for (auto c : e.children()) {
            if (c.type() == pugi::node_element) error(c, fmt::format("<{}> may not contain <{}>", e.name(), c.name()));
            if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
                if (start < 0) start = c.offset_debug();
                out += c.value();
            }
        }
        if (start < 0) {
            SourceLocation l = loc(e);
            return {out, PositionMap::from_start(out, l)};
        }
        return {out, map_from(static_cast<std::size_t>(start), out.size(), '<')};
    }

    // An attribute's value and the position map of its characters.
    std::pair<std::string, PositionMap> attribute(const pugi::xml_node& e, const char* name) const {
        std::string value = e.attribute(name).value();
        std::size_t from = e.offset_debug() < 0 ? 0 : static_cast<std::size_t>(e.offset_debug());
        std::size_t end = raw_.find('>', from);
        std::size_t at = from;
        const std::string key = name;
        while (true) {
            at = raw_.find(key, at);
            if (at == std::string::npos || (end != std::string::npos && at > end)) break;
            std::size_t j = at + key.size();
            bool boundary = at > 0 && std::isspace(static_cast<unsigned char>(raw_[at - 1]));
            while (j < raw_.size() && std::isspace(static_cast<unsigned char>(raw_[j]))) ++j;
            if (boundary && j < raw_.size() && raw_[j] == '=') {
                ++j;
                while (j < raw_.size() && std::isspace(static_cast<unsigned char>(raw_[j]))) ++j;
                if (j < raw_.size() && (raw_[j] == '"' || raw_[j] == '\''))
                    return {value, map_from(j + 1, value.size(), raw_[j])};
            }
            at += key.size();
        }
        return {value, PositionMap::from_start(value, loc(e))};
    }

    void only_attributes(const pugi::xml_node& e, std::initializer_list<const char*> allowed) const {
        for (auto a : e.attributes()) {
            bool ok = std::any_of(allowed.begin(), allowed.end(), [&](const char* n) { return std::string(a.name()) == n; });
            if (!ok) error(e, fmt::format("<{}> has unknown attribute '{}'", e.name(), a.name()));
        }
    }
    std::string required(const pugi::xml_node& e, const char* attr) const {
        if (!e.attribute(attr)) error(e, fmt::format("<{}> needs attribute '{}'", e.name(), attr));
        std::string v = e.attribute(attr).value();
        if (blank(v)) error(e, fmt::format("<{}> attribute '{}' is empty", e.name(), attr));
        return v;
    }
    std::vector<pugi::xml_node> elements(const pugi::xml_node& e) const {
        std::vector<pugi::xml_node> out;
        for (auto c : e.children()) {
            if (c.type() == pugi::node_element) out.push_back(c);
            else if ((c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) && !blank(c.value()))
                error(c, fmt::format("unexpected text inside <{}>", e.name()));
        }
        return out;
    }

    const std::string& name() const { return name_; }
    const ParseLimits& limits() const { return limits_; }

private:
    std::string name_;
    const std::string& raw_;
    std::vector<std::size_t> line_starts_;
    const ParseLimits& limits_;
    mutable std::size_t cache_line_ = 0, cache_off_ = 0;
    mutable int cache_col_ = 1;
};

struct Loaded {
    std::unique_ptr<FileLoader> loader;
    pugi::xml_document doc;
    pugi::xml_node root;
};

cert::PsatzPtr load_psatz(const FileLoader& f, const pugi::xml_node& e, const NameScope& scope,
                            const std::set<std::string>& hyps, std::size_t depth) {
    if (depth > f.limits().max_nesting) f.error(e, "certificate nesting exceeds the limit (--max-nesting)");
    using K = cert::PsatzNode::Kind;
    auto n = std::make_shared<cert::PsatzNode>();
    const std::string tag = e.name();
    auto no_children = [&] {
        if (!f.elements(e).empty()) f.error(e, "<" + tag + "/> takes no children");
    };
    auto poly = [&](const char* attr) {
        f.required(e, attr);
        auto [text, map] = f.attribute(e, attr);
        return parse_expression_at(text, map, scope, f.limits());
    };
    auto hyp_name = [&] {
        std::string h = f.required(e, "name");
        if (!hyps.count(h)) f.error(e, "<" + tag + ">: unknown hypothesis '" + h + "'");
        return h;
    };
    if (tag == "hyp" || tag == "nonzero_sq") {
        f.only_attributes(e, {"name"});
        no_children();
        n->kind = tag == "hyp" ? K::Hyp : K::NonzeroSq;
        n->hyp = hyp_name();
    } else if (tag == "neg_goal") {
        f.only_attributes(e, {});
        no_children();
        n->kind = K::NegGoal;
    } else if (tag == "square") {
        f.only_attributes(e, {"of"});
        no_children();
        n->kind = K::Square;
        n->poly = poly("of");
    } else if (tag == "const") {
        f.only_attributes(e, {"value"});
        no_children();
        n->kind = K::Const;
        kernel::TermPtr t = poly("value");
        Rational sign = 1;
        while (t->kind == kernel::Term::Kind::Neg) { sign = -sign; t = t->args[0]; }
        if (t->kind != kernel::Term::Kind::Number) f.error(e, "<const value=...> must be a rational literal");
        n->value = sign * t->number;
    } else if (tag == "mul" || tag == "add") {
        f.only_attributes(e, {});
        n->kind = tag == "mul" ? K::Mul : K::Add;
        for (auto c : f.elements(e)) n->children.push_back(load_psatz(f, c, scope, hyps, depth + 1));
        if (n->children.empty()) f.error(e, "<" + tag + "> needs at least one operand");
    } else if (tag == "mulpoly") {
        f.only_attributes(e, {"by"});
        n->kind = K::MulPoly;
        n->poly = poly("by");
        auto kids = f.elements(e);
        if (kids.size() != 1) f.error(e, "<mulpoly> needs exactly one operand");
        n->children.push_back(load_psatz(f, kids[0], scope, hyps, depth + 1));
    } else {
        f.error(e, "unknown psatz node <" + tag + "> (expected hyp, nonzero_sq, neg_goal, square, const, mul, add, mulpoly)");
    }
    return n;
}

cert::Certificate load_certificate(const FileLoader& f, const pugi::xml_node& e, const NameScope& scope,
                                     const std::set<std::string>& hyps, bool in_sum, std::vector<std::string>& uses);
std::string trim(const std::string& s);

// Zero or more <use> elements, then exactly one certificate: the uses' conclusions are named facts
// for the elements after them. `where` is the enclosing element (for messages).
cert::Certificate load_sequence(const FileLoader& f, const pugi::xml_node& where, const NameScope& scope,
                                  std::set<std::string> hyps, bool in_sum, std::vector<std::string>& uses) {
    std::vector<cert::Instantiation> lemmas;
    auto kids = f.elements(where);
    std::size_t i = 0;
    for (; i < kids.size() && std::string(kids[i].name()) == "use"; ++i) {
        const pugi::xml_node u = kids[i];
        f.only_attributes(u, {"theorem", "as"});
        cert::Instantiation in;
        in.theorem = f.required(u, "theorem");
        in.names = split_words(f.required(u, "as"));
        std::set<std::string> given, discharged;
        for (auto c : f.elements(u)) {
            const std::string tag = c.name();
            if (tag == "with") {
                f.only_attributes(c, {"var"});
                std::string v = f.required(c, "var");
                if (!given.insert(v).second) f.error(c, "<with var='" + v + "'> is given twice");
                auto [text, map] = f.text(c);
                std::string id = trim(text);
                kernel::TermPtr term = (scope.nats.count(id) || scope.families.count(id))
                                           ? kernel::var(id)  // a natural variable or family passed by name
                                           : parse_expression_at(text, map, scope, f.limits());
                in.with.emplace_back(v, term);
            } else if (tag == "discharge") {
                f.only_attributes(c, {"hyp", "index"});
                cert::Discharge d;
                d.hyp = f.required(c, "hyp");
                if (!discharged.insert(d.hyp).second) f.error(c, "hypothesis '" + d.hyp + "' is discharged twice");
                NameScope inner = scope;
                if (c.attribute("index")) {
                    d.index = f.required(c, "index");
                    if (in_sum) f.error(c, "a ∀ hypothesis cannot be discharged inside a sum body");
                    if (std::string why = name_problem(d.index); !why.empty()) f.error(c, "index " + why);
                    if (scope.reals.count(d.index) || scope.nats.count(d.index) || scope.families.count(d.index) ||
                        scope.definitions.count(d.index))
                        f.error(c, "index '" + d.index + "' must be a fresh name (it would capture a name of the theorem)");
                    inner.indices.insert(d.index);
                }
                d.proof = std::make_shared<cert::Certificate>(
                    load_sequence(f, c, inner, hyps, in_sum || !d.index.empty(), uses));
                in.discharges.push_back(std::move(d));
            } else {
                f.error(c, "<use> contains only <with> and <discharge> elements, not <" + tag + ">");
            }
        }
        for (const auto& n : in.names) {
            if (std::string why = name_problem(n); !why.empty()) f.error(u, "as='...': " + why);
            if (!hyps.insert(n).second) f.error(u, "'" + n + "' in as='...' is already a hypothesis or fact");
        }
        uses.push_back(in.theorem);
        lemmas.push_back(std::move(in));
    }
    if (kids.size() != i + 1)
        f.error(i < kids.size() ? kids.back() : where,
                fmt::format("<{}> needs <use> elements followed by exactly one certificate element", where.name()));
    cert::Certificate c = load_certificate(f, kids[i], scope, hyps, in_sum, uses);
    c.lemmas = std::move(lemmas);
    return c;
}

cert::Certificate load_certificate(const FileLoader& f, const pugi::xml_node& e, const NameScope& scope,
                                     const std::set<std::string>& hyps, bool in_sum, std::vector<std::string>& uses) {
    using K = cert::Certificate::Kind;
    cert::Certificate c;
    const std::string tag = e.name();
    if (tag == "ring") {
        f.only_attributes(e, {});
        if (!f.elements(e).empty()) f.error(e, "<ring/> takes no children");
        c.kind = K::Ring;
    } else if (tag == "linear_combination") {
        f.only_attributes(e, {"exp"});
        c.kind = K::LinearCombination;
        if (e.attribute("exp")) {
            const std::string v = e.attribute("exp").value();
            if (v.empty() || v.size() > 6 || v.find_first_not_of("0123456789") != std::string::npos || std::stoul(v) < 1 ||
                std::stoul(v) > f.limits().max_exponent)
                f.error(e, "exp=\"" + v + "\" must be an integer from 1 to " + std::to_string(f.limits().max_exponent));
            c.exponent = std::stoul(v);
        }
        for (auto t : f.elements(e)) {
            if (std::string(t.name()) != "term") f.error(t, "<linear_combination> contains only <term> elements");
            f.only_attributes(t, {"hyp", "coeff"});
            kernel::LinearTerm lt;
            lt.hyp = f.required(t, "hyp");
            if (!hyps.count(lt.hyp)) f.error(t, "<term>: unknown hypothesis '" + lt.hyp + "'");
            if (t.attribute("coeff")) {
                auto [text, map] = f.attribute(t, "coeff");
                lt.coeff = parse_expression_at(text, map, scope, f.limits());
            }
            c.combination.push_back(lt);
        }
    } else if (tag == "psatz") {
        f.only_attributes(e, {});
        auto kids = f.elements(e);
        if (kids.size() != 1) f.error(e, "<psatz> needs exactly one root node");
        c.kind = K::Psatz;
        c.refutation = load_psatz(f, kids[0], scope, hyps, 0);
    } else if (tag == "sum_nonneg" || tag == "sum_le_sum" || tag == "sum_congr") {
        if (in_sum) f.error(e, "nested sum rules are not supported");
        f.only_attributes(e, {"index"});
        c.kind = tag == "sum_nonneg" ? K::SumNonneg : tag == "sum_le_sum" ? K::SumLeSum : K::SumCongr;
        c.index = f.required(e, "index");
        if (std::string why = name_problem(c.index); !why.empty()) f.error(e, "index " + why);
        if (scope.reals.count(c.index) || scope.nats.count(c.index) || scope.families.count(c.index) ||
            scope.definitions.count(c.index))
            f.error(e, "index '" + c.index + "' must be a fresh name (it would capture a name of the theorem)");
        NameScope inner = scope;
        inner.indices.insert(c.index);
        c.body = std::make_shared<cert::Certificate>(load_sequence(f, e, inner, hyps, true, uses));
        // the body goal is f(i) = g(i) for sum_congr, an inequality for the other two
        using BK = cert::Certificate::Kind;
        const BK bk = c.body->kind;
        const bool body_fits = bk == BK::Exact || bk == BK::Psatz ||
                               (c.kind == K::SumCongr && (bk == BK::Ring || bk == BK::LinearCombination));
        if (!body_fits) {
            auto kids = f.elements(e);
            f.error(kids.back(), fmt::format("<{}> does not fit the body goal of <{}>: it needs {}", kids.back().name(), tag,
                                             c.kind == K::SumCongr ? "<ring>, <linear_combination> or <psatz> (an equality)"
                                                                   : "<psatz> (an inequality)"));
        }
    } else if (tag == "exact") {
        f.only_attributes(e, {"fact"});
        if (!f.elements(e).empty()) f.error(e, "<exact/> takes no children");
        c.kind = K::Exact;
        c.fact = f.required(e, "fact");
        if (!hyps.count(c.fact)) f.error(e, "<exact>: unknown hypothesis or fact '" + c.fact + "'");
    } else {
        f.error(e, "unknown certificate <" + tag + "> (expected ring, linear_combination, psatz, sum_nonneg, sum_le_sum, sum_congr, exact)");
    }
    return c;
}

cert::Witness load_witness(const FileLoader& f, const pugi::xml_node& e, const kernel::Statement& st) {
    const auto text_map = f.text(e);  // not a structured binding: clang 14 cannot capture those
    const std::string& text = text_map.first;
    const PositionMap& map = text_map.second;
    cert::Witness w;
    const std::set<std::string> reals(st.reals.begin(), st.reals.end()), nats(st.nats.begin(), st.nats.end()),
        families(st.families.begin(), st.families.end());  // look-ups by set, not by linear search
    std::size_t i = 0;
    auto fail = [&](std::size_t at, const std::string& what) {
        SourceLocation l = map.locate(at);
        throw InputError(l.file, l.line, l.col, "witness: " + what);
    };
    auto skip = [&] { while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i; };
    auto rational = [&]() -> Rational {
        skip();
        std::size_t start = i;
        bool negative = i < text.size() && text[i] == '-';
        if (negative) ++i;
        auto digits = [&] {
            std::size_t s = i;
            while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) ++i;
            if (i == s) fail(i, "expected a number");
            if (i - s > f.limits().max_digits) fail(s, "number exceeds the digit limit (--max-digits)");
            return decimal(text.substr(s, i - s));
        };
        kernel::Integer num = digits(), den = 1;
        skip();
        if (i < text.size() && text[i] == '/') {
            ++i;
            skip();
            den = digits();
            if (den == 0) fail(start, "zero denominator");
        }
        return Rational(negative ? kernel::Integer(-num) : num, den);
    };
    std::set<std::string> seen;
    while (true) {
        skip();
        if (i >= text.size()) break;
        std::size_t name_at = i;
        while (i < text.size() && (std::isalnum(static_cast<unsigned char>(text[i])) || text[i] == '_' || text[i] == '\'')) ++i;
        std::string name = text.substr(name_at, i - name_at);
        if (!is_identifier(name)) fail(name_at, "expected a variable name");
        if (!seen.insert(name).second) fail(name_at, "'" + name + "' is assigned twice");
        skip();
        if (i >= text.size() || text[i] != '=') fail(i, "expected '=' after '" + name + "'");
        ++i;
        bool is_real = reals.count(name) > 0;
        bool is_nat = nats.count(name) > 0;
        bool is_family = families.count(name) > 0;
        skip();
        if (is_family) {
            if (i >= text.size() || text[i] != '[') fail(i, "family '" + name + "' needs a list [v0, v1, ...]");
            ++i;
            std::vector<Rational> values;
            skip();
            if (i < text.size() && text[i] == ']') ++i;
            else
                for (;;) {
                    values.push_back(rational());
                    skip();
                    if (i < text.size() && text[i] == ',') { ++i; continue; }
                    if (i < text.size() && text[i] == ']') { ++i; break; }
                    fail(i, "expected ',' or ']'");
                }
            w.families[name] = values;
        } else if (is_nat) {
            std::size_t at = i;
            Rational v = rational();
            if (v < 0 || denominator(v) != 1 || v > 100000) fail(at, "'" + name + "' needs a natural number at most 100000");
            w.nats[name] = static_cast<unsigned long>(numerator(v).convert_to<unsigned long>());
        } else if (is_real) {
            w.reals[name] = rational();
        } else {
            fail(name_at, "'" + name + "' is not a variable of this theorem");
        }
        skip();
        if (i < text.size()) {
            if (text[i] != ';') fail(i, "expected ';' between assignments");
            ++i;
        }
    }
    return w;
}

std::string trim(const std::string& s) {
    auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return "";
    auto e = s.find_last_not_of(" \t\r\n");
    std::string out;
    bool space = false;
    for (char c : s.substr(b, e - b + 1)) {  // collapse runs of white space
        if (std::isspace(static_cast<unsigned char>(c))) { space = true; continue; }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

// contract: true iff the term contains a sum (terms are at most max_term_depth deep: see the parser)
bool has_sum(const kernel::Term& t) {
    if (t.kind == kernel::Term::Kind::Sum) return true;
    return std::any_of(t.args.begin(), t.args.end(), [](const kernel::TermPtr& a) { return a && has_sum(*a); });
}

// Why a certificate cannot prove a goal of this shape, or null when its kind fits.
const char* kind_mismatch(const cert::Certificate& c, const kernel::Prop& g) {
    using K = cert::Certificate::Kind;
    const bool eq = g.rel == kernel::Rel::Eq;
    const bool sums = g.lhs->kind == kernel::Term::Kind::Sum || g.rhs->kind == kernel::Term::Kind::Sum;
    switch (c.kind) {
        case K::Exact: return nullptr;
        case K::Ring:
        case K::LinearCombination:
            if (!eq) return "an inequality needs <psatz> (or <sum_nonneg>/<sum_le_sum> for sums)";
            if (sums) return "a goal between sums needs <sum_congr>";
            return nullptr;
        case K::Psatz:
            if (sums) return "a goal about sums needs <sum_nonneg> or <sum_le_sum>";
            return nullptr;
        case K::SumCongr: return !eq ? "sum_congr proves an equality" : !sums ? "the goal has no sum" : nullptr;
        case K::SumNonneg:
        case K::SumLeSum: return eq ? "this rule proves an inequality" : !sums ? "the goal has no sum" : nullptr;
    }
    return nullptr;
}

TheoremEntry load_theorem(const FileLoader& f, const pugi::xml_node& e, const std::vector<DefinitionEntry>& defs,
                          const std::string& paper, const std::string& title) {
    f.only_attributes(e, {"id", "name", "lean", "section", "duplicate-of", "derived"});
    TheoremEntry t;
    t.where = f.loc(e);
    t.theorem.id = f.required(e, "id");
    t.theorem.name = f.required(e, "name");
    if (std::string why = name_problem(t.theorem.name); !why.empty()) f.error(e, "theorem name " + why);
    t.lean_name = f.required(e, "lean");
    if (t.lean_name != "TransformerICL." + t.theorem.name)
        f.error(e, "lean='" + t.lean_name + "' must be TransformerICL." + t.theorem.name);
    t.section = f.required(e, "section");
    t.duplicate_of = e.attribute("duplicate-of").value();
    if (e.attribute("derived")) {
        std::string v = e.attribute("derived").value();
        if (v != "true") f.error(e, "derived='" + v + "' must be derived='true'");
        t.derived = true;
    }
    t.paper = paper;
    t.paper_title = title;
    kernel::Statement& st = t.theorem.statement;
    for (const auto& d : defs) st.definitions.push_back(d.definition);

    NameScope scope;
    scope.check = true;
    for (const auto& d : defs) scope.definitions[d.definition.name] = d.definition.params.size();
    std::set<std::string> declared, hyp_names;
    auto kids = f.elements(e);
    // pass 1: declarations and hypothesis names
    for (auto c : kids) {
        std::string tag = c.name();
        if (tag == "real" || tag == "nat" || tag == "family") {
            f.only_attributes(c, {});
            for (const auto& n : split_words(f.text(c).first)) {
                if (std::string why = name_problem(n); !why.empty()) f.error(c, "variable " + why);
                if (scope.definitions.count(n)) f.error(c, "'" + n + "' is already a definition");
                if (!declared.insert(n).second) f.error(c, "'" + n + "' is declared twice");
                (tag == "real" ? st.reals : tag == "nat" ? st.nats : st.families).push_back(n);
                (tag == "real" ? scope.reals : tag == "nat" ? scope.nats : scope.families).insert(n);
            }
        } else if (tag == "hyp") {
            std::string h = f.required(c, "name");
            if (std::string why = name_problem(h); !why.empty()) f.error(c, "hypothesis name " + why);
            if (!hyp_names.insert(h).second) f.error(c, "hypothesis '" + h + "' is declared twice");
        }
    }
    for (auto c : kids)  // a hypothesis is a Lean binder beside the variables: it must not shadow one
        if (std::string(c.name()) == "hyp") {
            const std::string h = c.attribute("name").value();
            if (declared.count(h) || scope.definitions.count(h))
                f.error(c, "hypothesis name '" + h + "' is already a variable or definition (it would shadow it)");
        }
    // pass 2: everything else, in order
    std::vector<pugi::xml_node> goals, proofs, witnesses, counterexamples;
    int docs = 0, deviations = 0;
    for (auto c : kids) {
        std::string tag = c.name();
        if (tag == "real" || tag == "nat" || tag == "family") continue;
        if (tag == "doc") {
            f.only_attributes(c, {});
            t.doc = trim(f.text(c).first);
            if (t.doc.empty()) f.error(c, "<doc> is empty");
            ++docs;
        } else if (tag == "deviation") {
            f.only_attributes(c, {});
            t.deviation = trim(f.text(c).first);
            ++deviations;
        } else if (tag == "hyp") {
            f.only_attributes(c, {"name", "forall", "below"});
            kernel::Hypothesis h;
            h.name = c.attribute("name").value();
            NameScope hs = scope;
            if (c.attribute("forall") || c.attribute("below")) {
                h.forall_index = f.required(c, "forall");
                h.forall_bound = f.required(c, "below");
                if (std::string why = name_problem(h.forall_index); !why.empty()) f.error(c, "quantified index " + why);
                if (declared.count(h.forall_index) || scope.definitions.count(h.forall_index))
                    f.error(c, "quantified index '" + h.forall_index + "' must be a fresh name (it would capture a name of the theorem)");
                if (!scope.nats.count(h.forall_bound))
                    f.error(c, "bound '" + h.forall_bound + "' is not a declared natural-number variable (<nat>)");
                hs.indices.insert(h.forall_index);
            }
            auto [text, map] = f.text(c);
            h.prop = parse_prop_at(text, map, hs, f.limits());
            if (has_sum(*h.prop.lhs) || has_sum(*h.prop.rhs))
                f.error(c, "sum(...) may only be a side of a goal (the kernel has no rule for sums in hypotheses)");
            st.hypotheses.push_back(h);
            t.hypothesis_text.push_back(trim(text));
        } else if (tag == "goal") {
            f.only_attributes(c, {});
            auto [text, map] = f.text(c);
            kernel::Prop p = parse_prop_at(text, map, scope, f.limits());
            if (p.rel == kernel::Rel::Ne) f.error(c, "a goal may not be a != relation");
            for (const auto* side : {&p.lhs, &p.rhs}) {
                const kernel::Term& s = **side;
                if (s.kind == kernel::Term::Kind::Sum ? has_sum(*s.args[1]) : has_sum(s))
                    f.error(c, "sum(...) may only be a whole side of a goal, not nested or inside an expression");
            }
            st.goals.push_back(p);
            t.goal_text.push_back(trim(text));
            goals.push_back(c);
        } else if (tag == "proof") {
            f.only_attributes(c, {});
            proofs.push_back(c);
        } else if (tag == "witness") {
            f.only_attributes(c, {});
            witnesses.push_back(c);
        } else if (tag == "counterexample") {
            f.only_attributes(c, {"drop"});
            counterexamples.push_back(c);
        } else {
            f.error(c, "unknown element <" + tag + "> in <theorem> (expected doc, deviation, real, nat, family, hyp, goal, proof, witness, counterexample)");
        }
    }
    if (docs != 1) f.error(e, "theorem " + t.theorem.id + " needs exactly one <doc>");
    if (deviations > 1) f.error(e, "theorem " + t.theorem.id + " has more than one <deviation>");
    if (goals.empty()) f.error(e, "theorem " + t.theorem.id + " has no <goal>");
    if (proofs.size() != goals.size())
        f.error(proofs.empty() ? e : proofs.back(),
                fmt::format("theorem {} has {} goal(s) but {} <proof> element(s): one certificate per goal",
                            t.theorem.id, goals.size(), proofs.size()));
    for (std::size_t i = 0; i < proofs.size(); ++i) {
        t.theorem.proofs.push_back(load_sequence(f, proofs[i], scope, hyp_names, false, t.uses));
        if (const char* why = kind_mismatch(t.theorem.proofs.back(), st.goals[i])) {
            auto body = f.elements(proofs[i]);
            f.error(body.back(), fmt::format("<{}> does not fit goal {} ({}): {}", body.back().name(), i + 1,
                                             to_text(st.goals[i]), why));
        }
    }
    std::sort(t.uses.begin(), t.uses.end());
    t.uses.erase(std::unique(t.uses.begin(), t.uses.end()), t.uses.end());
    if (witnesses.size() != 1) f.error(e, "theorem " + t.theorem.id + " needs exactly one <witness> (non-vacuity point)");
    t.theorem.witness = load_witness(f, witnesses[0], st);
    for (const auto& h : st.hypotheses) {  // a ∀ k < d hypothesis must not hold vacuously at the witness
        if (h.forall_bound.empty()) continue;
        auto it = t.theorem.witness.nats.find(h.forall_bound);
        if (it != t.theorem.witness.nats.end() && it->second == 0)
            f.error(witnesses[0], fmt::format("witness: {} = 0 makes the hypothesis '{}' (for all {} < {}) vacuous; "
                                              "give {} a value >= 1", h.forall_bound, h.name, h.forall_index,
                                              h.forall_bound, h.forall_bound));
    }
    t.witness_text = trim(f.text(witnesses[0]).first);
    for (const auto& c : counterexamples) {  // <counterexample drop="h">: the statement without h is false here
        CounterexampleEntry ce;
        ce.drop = f.required(c, "drop");
        ce.where = f.loc(c);
        if (!hyp_names.count(ce.drop))
            f.error(c, "counterexample drops '" + ce.drop + "', which is not a hypothesis of theorem " + t.theorem.id);
        for (const auto& other : t.counterexamples)
            if (other.drop == ce.drop) f.error(c, "a second counterexample dropping '" + ce.drop + "'");
        ce.point = load_witness(f, c, st);
        ce.text = trim(f.text(c).first);
        t.counterexamples.push_back(ce);
    }
    return t;
}

// A theorem may use only theorems that come before it (file order): a use of an unknown theorem, of
// itself, of a later one, or a cycle is an error naming them.
void check_dependencies(const Corpus& corpus) {
    std::map<std::string, std::size_t> position;
    for (std::size_t i = 0; i < corpus.theorems.size(); ++i) position[corpus.theorems[i].theorem.id] = i;
    auto at = [](const TheoremEntry& t, const std::string& what) {
        return InputError(t.where.file, t.where.line, t.where.col, what);
    };
    // a cycle first (the clearer message), by depth-first search over the use graph
    std::vector<int> state(corpus.theorems.size(), 0);  // 0 new, 1 on the stack, 2 done
    std::vector<std::string> stack;
    std::function<void(std::size_t)> visit = [&](std::size_t i) {
        state[i] = 1;
        stack.push_back(corpus.theorems[i].theorem.id);
        for (const auto& u : corpus.theorems[i].uses) {
            auto p = position.find(u);
            if (p == position.end()) throw at(corpus.theorems[i], "theorem " + stack.back() + " uses '" + u + "', which is not a theorem of the corpus");
            if (state[p->second] == 1) {
                std::string cycle;
                for (auto it = std::find(stack.begin(), stack.end(), u); it != stack.end(); ++it) cycle += *it + " -> ";
                throw at(corpus.theorems[i], "dependency cycle: " + cycle + u);
            }
            if (state[p->second] == 0) visit(p->second);
        }
        stack.pop_back();
        state[i] = 2;
    };
    for (std::size_t i = 0; i < corpus.theorems.size(); ++i)
        if (state[i] == 0) visit(i);
    for (std::size_t i = 0; i < corpus.theorems.size(); ++i)
        for (const auto& u : corpus.theorems[i].uses)
            if (position.at(u) > i)
                throw at(corpus.theorems[i], "theorem " + corpus.theorems[i].theorem.id + " uses " + u +
                                                 ", which comes later in the corpus (" + corpus.theorems[position.at(u)].where.file +
                                                 ":" + std::to_string(corpus.theorems[position.at(u)].where.line) +
                                                 "): a theorem may use only earlier ones");
    // The Lean proof applies a used theorem by its bare name, so no local name of the user may equal it.
    for (const auto& t : corpus.theorems) {
        if (t.uses.empty()) continue;
        std::set<std::string> locals;
        const kernel::Statement& st = t.theorem.statement;
        for (const auto* v : {&st.reals, &st.nats, &st.families}) locals.insert(v->begin(), v->end());
        for (const auto& h : st.hypotheses) locals.insert(h.name);
        std::function<void(const cert::Certificate&)> names = [&](const cert::Certificate& c) {
            for (const auto& in : c.lemmas) {
                locals.insert(in.names.begin(), in.names.end());
                for (const auto& d : in.discharges)
                    if (d.proof) names(*d.proof);
            }
            if (c.body) names(*c.body);
        };
        for (const auto& c : t.theorem.proofs) names(c);
        for (const auto& u : t.uses) {
            const std::string& used = corpus.theorems[position.at(u)].theorem.name;
            if (locals.count(used))
                throw at(t, "theorem " + t.theorem.id + " uses " + u + " (" + used + ") but also declares a local '" +
                                used + "', which would shadow it in the Lean proof");
        }
    }
}

}  // namespace

Corpus load_corpus(const std::vector<std::pair<std::string, std::string>>& files, const ParseLimits& limits) {
    Corpus corpus;
    std::vector<std::unique_ptr<Loaded>> docs;
    for (const auto& [name, content] : files) {
        corpus.files.push_back(name);
        corpus.canonical_bytes += name;
        corpus.canonical_bytes.push_back('\0');
        corpus.canonical_bytes += content;
        corpus.canonical_bytes.push_back('\0');
        auto d = std::make_unique<Loaded>();
        d->loader = std::make_unique<FileLoader>(name, content, limits);
        const FileLoader& f = *d->loader;
        if (content.size() > limits.max_file_bytes) throw InputError(name, 1, 1, "file exceeds the size limit");
        if (blank(content)) throw InputError(name, 1, 1, "empty file: expected a <corpus> document");
        if (auto bad = xml_character_problem(content)) f.error(bad->offset, bad->message, "xml");
        auto result = d->doc.load_buffer(content.data(), content.size(), pugi::parse_default, pugi::encoding_utf8);
        if (!result) f.error(static_cast<std::size_t>(std::max<std::ptrdiff_t>(result.offset, 0)),
                             std::string("malformed XML: ") + result.description());
        // what pugixml accepts but a reader would read differently (DTD, &#0;, a second root, ...)
        if (auto bad = xml_markup_problem(content, kTextElements)) f.error(bad->offset, bad->message, "xml");
        d->root = d->doc.document_element();
        if (std::string(d->root.name()) != "corpus") f.error(d->root, "the document element must be <corpus>");
        f.only_attributes(d->root, {"paper", "title"});
        f.required(d->root, "paper");
        docs.push_back(std::move(d));
    }
    // definitions first (all files, in order), then theorems
    std::set<std::string> def_names;
    NameScope def_scope;
    def_scope.check = true;
    def_scope.in_definition = true;
    for (const auto& d : docs) {
        const FileLoader& f = *d->loader;
        for (auto c : f.elements(d->root)) {
            std::string tag = c.name();
            if (tag == "theorem") continue;
            if (tag != "def") f.error(c, "unknown element <" + tag + "> in <corpus> (expected def, theorem)");
            f.only_attributes(c, {"name", "params"});
            DefinitionEntry de;
            de.where = f.loc(c);
            de.definition.name = f.required(c, "name");
            if (std::string why = name_problem(de.definition.name); !why.empty()) f.error(c, "definition name " + why);
            if (!def_names.insert(de.definition.name).second) f.error(c, "definition '" + de.definition.name + "' is defined twice");
            NameScope& scope = def_scope;  // one scope for all definitions: parameters reset, earlier names kept
            scope.reals.clear();
            for (const auto& p : split_words(c.attribute("params").value())) {
                if (std::string why = name_problem(p); !why.empty()) f.error(c, "parameter " + why);
                if (!scope.reals.insert(p).second) f.error(c, "parameter '" + p + "' appears twice");
                de.definition.params.push_back(p);
            }
            auto [text, map] = f.text(c);
            de.definition.body = parse_expression_at(text, map, scope, limits);
            de.text = trim(text);
            // added after its body is read: a definition may call only earlier ones (no cycle, no self-call)
            scope.definitions[de.definition.name] = de.definition.params.size();
            corpus.definitions.push_back(de);
        }
    }
    std::set<std::string> ids, names;
    for (const auto& d : docs) {
        const FileLoader& f = *d->loader;
        for (auto c : f.elements(d->root)) {
            if (std::string(c.name()) != "theorem") continue;
            TheoremEntry t = load_theorem(f, c, corpus.definitions, d->root.attribute("paper").value(),
                                          d->root.attribute("title").value());
            if (!ids.insert(t.theorem.id).second) f.error(c, "duplicate theorem id '" + t.theorem.id + "'");
            if (!names.insert(t.theorem.name).second) f.error(c, "duplicate theorem name '" + t.theorem.name + "'");
            corpus.theorems.push_back(std::move(t));
        }
    }
    for (const auto& t : corpus.theorems)
        if (!t.duplicate_of.empty() && !ids.count(t.duplicate_of))
            throw InputError(t.where.file, t.where.line, t.where.col,
                             "duplicate-of='" + t.duplicate_of + "' names no theorem of the corpus");
    check_dependencies(corpus);
    return corpus;
}

std::vector<kernel::CheckResult> check_corpus(const Corpus& corpus, const kernel::Limits& limits) {
    kernel::Library library;
    std::vector<kernel::CheckResult> out;
    for (const auto& t : corpus.theorems) out.push_back(cert::check_theorem(t.theorem, library, limits));
    return out;
}

Corpus load_corpus_files(const std::vector<std::string>& paths, const ParseLimits& limits) {
    std::vector<std::pair<std::string, std::string>> files;
    for (const auto& p : paths) {
        std::ifstream in(p, std::ios::binary);
        if (!in) throw InputError(p, 0, 0, "cannot open file");
        // Read at most one byte past the limit, in chunks: memory follows the file's size, not the limit
        // (a buffer of the limit's size, zero-filled, cost 16 MiB of page faults for every small file).
        std::string content;
        std::error_code ec;
        const auto size = std::filesystem::file_size(p, ec);  // a hint only (0 for a pipe; may change)
        if (!ec) content.reserve(static_cast<std::size_t>(std::min<std::uintmax_t>(size, limits.max_file_bytes) + 1));
        char chunk[1 << 16];
        while (content.size() <= limits.max_file_bytes) {
            const std::size_t want = std::min(sizeof chunk, limits.max_file_bytes + 1 - content.size());
            in.read(chunk, static_cast<std::streamsize>(want));
            const auto got = static_cast<std::size_t>(in.gcount());
            content.append(chunk, got);
            if (got < want) break;  // end of file (or a read error: what was read is parsed, as before)
        }
        if (content.size() > limits.max_file_bytes)
            throw InputError(p, 1, 1, fmt::format("file exceeds the size limit of {} bytes", limits.max_file_bytes));
        files.emplace_back(p, std::move(content));
    }
    return load_corpus(files, limits);
}

Corpus load_embedded_corpus(const ParseLimits& limits) { return load_corpus(embedded_corpus_files(), limits); }

// ---------------------------------------------------------------- printing
namespace {
int precedence(const kernel::Term& t) {
    switch (t.kind) {
        case kernel::Term::Kind::Add:
        case kernel::Term::Kind::Sub: return 1;
        case kernel::Term::Kind::Mul: return 2;
        case kernel::Term::Kind::Neg: return 3;
        case kernel::Term::Kind::Pow: return 4;
        case kernel::Term::Kind::Number: return 5;  // parenthesised when a fraction or negative (below)
        default: return 6;
    }
}
std::string print(const kernel::Term& t, int context) {
    using K = kernel::Term::Kind;
    int p = precedence(t);
    std::string s;
    switch (t.kind) {
        case K::Number:
            s = t.number.str();
            if (denominator(t.number) != 1 || t.number < 0) p = 2;
            break;
        case K::Var: s = t.name; break;
        case K::Neg: s = "-" + print(*t.args[0], 3); break;
        case K::Add: s = print(*t.args[0], 1) + " + " + print(*t.args[1], 2); break;
        case K::Sub: s = print(*t.args[0], 1) + " - " + print(*t.args[1], 2); break;
        case K::Mul: s = print(*t.args[0], 2) + "*" + print(*t.args[1], 3); break;
        case K::Pow: s = print(*t.args[0], 5) + "^" + std::to_string(t.exponent); break;
        case K::Apply: {
            s = t.name + "(";
            for (std::size_t i = 0; i < t.args.size(); ++i) s += (i ? ", " : "") + print(*t.args[i], 0);
            s += ")";
            break;
        }
        case K::Sum: s = "sum(" + t.name + ", " + t.args[0]->name + ", " + print(*t.args[1], 0) + ")"; break;
    }
    return p < context ? "(" + s + ")" : s;
}
}  // namespace

std::string to_text(const kernel::Term& t) { return print(t, 0); }
std::string to_text(const kernel::Prop& p) {
    return to_text(*p.lhs) + " " + kernel::rel_symbol(p.rel) + " " + to_text(*p.rhs);
}

}  // namespace icl::frontend
