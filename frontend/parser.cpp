// Expression parser: recursive descent with an explicit nesting limit; never trusted.
#include "frontend/parser.hpp"
#include "frontend/reserved_names.hpp"

#include <fmt/core.h>

#include <cctype>

namespace icl::frontend {

using kernel::Rational;
using kernel::Rel;
using kernel::TermPtr;

std::string Diagnostic::text() const {
    if (file.empty()) return message;
    if (line <= 0) return fmt::format("{}: {}", file, message);
    if (col <= 0) return fmt::format("{}:{}: {}", file, line, message);
    return fmt::format("{}:{}:{}: {}", file, line, col, message);
}

InputError::InputError(std::string f, int l, int c, const std::string& m, std::string comp)
    : std::runtime_error(Diagnostic{f, l, c, comp, m}.text()), file(std::move(f)), line(l), col(c), message(m),
      component(std::move(comp)) {}

SourceLocation PositionMap::locate(std::size_t offset) const {
    if (at.empty() && make) at = make();
    if (at.empty()) return {file, 0, 0};
    const auto& p = at[std::min(offset, at.size() - 1)];
    return {file, p.first, p.second};
}

PositionMap PositionMap::from_start(const std::string& text, const SourceLocation& where) {
    return {where.file, [text, where] {
        std::vector<std::pair<int, int>> at;
        int line = where.line, col = where.col;
        for (char c : text) {
            at.push_back({line, col});
            if (c == '\n') { ++line; col = 1; }
            else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++col;
        }
        at.push_back({line, col});
        return at;
    }};
}

std::string name_problem(const std::string& n) {
    if (!is_identifier(n)) return "'" + n + "' is not an identifier";
    if (const ReservedName* r = find_reserved(n))
        return "'" + n + "' is a reserved name (" + std::string(r->why()) + "; a corpus name would shadow it)";
    return "";
}

kernel::Integer decimal(const std::string& digits) {
    // Boost's gmp backend reads "010" as octal; strip leading zeros so every literal is decimal.
    std::size_t first = digits.find_first_not_of('0');
    return first == std::string::npos ? kernel::Integer(0) : kernel::Integer(digits.substr(first));
}
bool is_identifier(const std::string& s) {
    if (s.empty() || !(std::isalpha(static_cast<unsigned char>(s[0])) || s[0] == '_')) return false;
    for (char c : s)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '\'')) return false;
    return true;
}

namespace {

struct Token {
    enum class Kind { End, Number, Ident, Op, Rel } kind = Kind::End;
    std::string text;
    Rel rel = Rel::Eq;
    std::size_t offset = 0;
};

class Parser {
public:
    Parser(const std::string& text, const PositionMap& pos, const NameScope& scope, const ParseLimits& limits)
        : text_(text), pos_(pos), scope_(&scope), limits_(limits) { advance(); }

    TermPtr expression_only() {
        TermPtr t = expression();
        if (tok_.kind != Token::Kind::End) error(tok_.offset, "unexpected '" + tok_.text + "' after expression");
        return t;
    }
    kernel::Prop prop() {
        kernel::Prop p;
        p.lhs = expression();
        if (tok_.kind != Token::Kind::Rel)
            error(tok_.offset, tok_.kind == Token::Kind::End ? "expected a relation (=, <=, <, >=, >, !=)"
                                                            : "expected a relation, found '" + tok_.text + "'");
        p.rel = tok_.rel;
        advance();
        p.rhs = expression();
        if (tok_.kind == Token::Kind::Rel) error(tok_.offset, "chained relations are not supported; write two hypotheses");
        if (tok_.kind != Token::Kind::End) error(tok_.offset, "unexpected '" + tok_.text + "'");
        return p;
    }

private:
    [[noreturn]] void error(std::size_t offset, const std::string& what) const {
        SourceLocation l = pos_.locate(offset);
        throw InputError(l.file, l.line, l.col, what);
    }

    void advance() {
        std::size_t i = cursor_;
        while (i < text_.size() && std::isspace(static_cast<unsigned char>(text_[i]))) ++i;
        tok_ = Token{};
        tok_.offset = i;
        if (i >= text_.size()) { cursor_ = i; return; }
        auto starts = [&](const char* s) { return text_.compare(i, std::char_traits<char>::length(s), s) == 0; };
        unsigned char c = static_cast<unsigned char>(text_[i]);
        if (std::isdigit(c)) {
            std::size_t j = i;
            while (j < text_.size() && std::isdigit(static_cast<unsigned char>(text_[j]))) ++j;
            if (j - i > limits_.max_digits)
                error(i, fmt::format("number has {} digits, more than the limit {} (--max-digits)", j - i, limits_.max_digits));
            if (j < text_.size() && text_[j] == '.') error(j, "decimal numbers are not supported; write a rational n/m");
            tok_ = {Token::Kind::Number, text_.substr(i, j - i), Rel::Eq, i};
            cursor_ = j;
            return;
        }
        if (std::isalpha(c) || c == '_') {
            std::size_t j = i;
            while (j < text_.size() && (std::isalnum(static_cast<unsigned char>(text_[j])) || text_[j] == '_' || text_[j] == '\'')) ++j;
            tok_ = {Token::Kind::Ident, text_.substr(i, j - i), Rel::Eq, i};
            cursor_ = j;
            return;
        }
        struct RelTok { const char* s; Rel r; };
        static const RelTok rels[] = {{"<=", Rel::Le}, {">=", Rel::Ge}, {"!=", Rel::Ne}, {"\xE2\x89\xA4", Rel::Le},
                                      {"\xE2\x89\xA5", Rel::Ge}, {"\xE2\x89\xA0", Rel::Ne}, {"<", Rel::Lt},
                                      {">", Rel::Gt}, {"=", Rel::Eq}};
        for (const auto& r : rels)
            if (starts(r.s)) {
                tok_ = {Token::Kind::Rel, r.s, r.r, i};
                cursor_ = i + std::char_traits<char>::length(r.s);
                return;
            }
        if (starts("\xE2\x88\x92")) {  // U+2212 minus sign
            tok_ = {Token::Kind::Op, "-", Rel::Eq, i};
            cursor_ = i + 3;
            return;
        }
        if (std::string("+-*^()/,").find(static_cast<char>(c)) != std::string::npos) {
            tok_ = {Token::Kind::Op, std::string(1, static_cast<char>(c)), Rel::Eq, i};
            cursor_ = i + 1;
            return;
        }
        if (c >= 0x80) error(i, "unexpected non-ASCII character in expression");
        error(i, fmt::format("unexpected character '{}'", static_cast<char>(c)));
    }
    bool is_op(const char* s) const { return tok_.kind == Token::Kind::Op && tok_.text == s; }
    void expect_op(const char* s, const char* context) {
        if (!is_op(s))
            error(tok_.offset, fmt::format("expected '{}' {}, found {}", s, context,
                                           tok_.kind == Token::Kind::End ? "end of expression" : "'" + tok_.text + "'"));
        advance();
    }
    struct Nest {  // counts nesting so hostile input fails cleanly instead of overflowing the stack
        Parser& p;
        Nest(Parser& parser, std::size_t offset) : p(parser) {
            if (++p.depth_ > p.limits_.max_nesting)
                p.error(offset, fmt::format("expression nesting exceeds the limit {} (--max-nesting)", p.limits_.max_nesting));
        }
        ~Nest() { --p.depth_; }
    };

    // built_ is the depth of the tree the last parse function returned. A chain a + b + … is a
    // left-deep tree, so its depth grows with every operand and is bounded like parenthesis nesting:
    // later passes (and destructors) recurse over the tree and must not run out of stack.
    void grow(std::size_t depth, std::size_t offset) {
        built_ = depth;
        if (built_ > limits_.max_term_depth)
            error(offset, fmt::format("expression depth exceeds the limit {} (--max-term-depth); a chain of n "
                                      "operands has depth n", limits_.max_term_depth));
    }
    TermPtr expression() {
        TermPtr t = product();
        std::size_t d = built_;
        while (is_op("+") || is_op("-")) {
            bool plus = is_op("+");
            std::size_t at = tok_.offset;
            advance();
            TermPtr r = product();
            grow(std::max(d, built_) + 1, at);
            d = built_;
            t = plus ? kernel::add(t, r) : kernel::sub(t, r);
        }
        built_ = d;
        return t;
    }
    TermPtr product() {
        TermPtr t = unary();
        std::size_t d = built_;
        while (is_op("*") || is_op("/")) {
            if (is_op("/")) error(tok_.offset, "division is not supported (only rational literals n/m)");
            std::size_t at = tok_.offset;
            advance();
            TermPtr r = unary();
            grow(std::max(d, built_) + 1, at);
            d = built_;
            t = kernel::mul(t, r);
        }
        built_ = d;
        return t;
    }
    TermPtr unary() {
        if (is_op("-")) {
            std::size_t at = tok_.offset;
            Nest n(*this, at);
            advance();
            TermPtr t = kernel::neg(unary());
            grow(built_ + 1, at);
            return t;
        }
        return power();
    }
    // After '^': the exponent literal (checked against --max-exponent); rejects a second '^'.
    unsigned long exponent() {
        advance();
        if (tok_.kind != Token::Kind::Number) error(tok_.offset, "exponent must be a natural-number literal");
        std::size_t first = std::min(tok_.text.find_first_not_of('0'), tok_.text.size());
        if (tok_.text.size() - first > 19 || std::stoull(tok_.text) > limits_.max_exponent)
            error(tok_.offset, fmt::format("exponent {} exceeds the limit {} (--max-exponent)", tok_.text, limits_.max_exponent));
        unsigned long e = std::stoul(tok_.text);
        advance();
        if (is_op("^")) error(tok_.offset, "write (x^a)^b with parentheses");
        return e;
    }
    TermPtr power() {
        TermPtr base = atom();
        if (!is_op("^")) return base;
        unsigned long e = exponent();
        grow(built_ + 1, tok_.offset);
        return kernel::pow(base, e);
    }
    TermPtr atom() {
        const std::size_t at = tok_.offset;
        if (tok_.kind == Token::Kind::Number) {
            kernel::Integer num = decimal(tok_.text);
            kernel::Integer den(1);
            advance();
            if (is_op("/")) {
                advance();
                if (tok_.kind != Token::Kind::Number)
                    error(tok_.offset, "division is not supported (only rational literals n/m)");
                den = decimal(tok_.text);
                if (den == 0) error(tok_.offset, "zero denominator");
                advance();
                if (is_op("^")) {
                    // '^' binds tighter than '/': 2/3^2 is 2/(3^2) = 2/9, as in Lean, Coq and mathematics.
                    // (2/3)^2 is written with parentheses.
                    unsigned long e = exponent();
                    if (e > 0) {
                        kernel::Integer base = den;
                        for (unsigned long k = 1; k < e; ++k) den *= base;
                    } else {
                        den = 1;
                    }
                }
            }
            built_ = 1;
            return kernel::number(Rational(num, den));
        }
        if (is_op("(")) {
            Nest n(*this, at);
            advance();
            TermPtr t = expression();
            expect_op(")", "to close '('");
            return t;
        }
        if (tok_.kind != Token::Kind::Ident)
            error(at, tok_.kind == Token::Kind::End ? "expression ends too early" : "unexpected '" + tok_.text + "'");
        std::string name = tok_.text;
        advance();
        if (name == "sum") return sum(at);
        if (!is_op("(")) {
            if (scope_->check && !scope_->reals.count(name)) {
                if (scope_->nats.count(name)) error(at, "'" + name + "' is a natural-number variable; it may only bound a sum");
                if (scope_->indices.count(name)) error(at, "index '" + name + "' may only be a family argument");
                error(at, scope_->in_definition ? "'" + name + "' is not a parameter of this definition"
                                               : "unknown variable '" + name + "'");
            }
            built_ = 1;
            return kernel::var(name);
        }
        Nest n(*this, at);
        advance();
        if (scope_->check && scope_->families.count(name)) {  // f(k): k must be an index in scope
            if (tok_.kind != Token::Kind::Ident || !scope_->indices.count(tok_.text))
                error(tok_.offset, "family '" + name + "' must be applied to the index of an enclosing sum or ∀");
            TermPtr index = kernel::var(tok_.text);
            advance();
            expect_op(")", "after the family index");
            built_ = 2;
            return kernel::apply(name, {index});
        }
        std::vector<TermPtr> args;
        std::vector<std::size_t> arg_at;
        std::size_t deepest = 0;
        if (!is_op(")")) {
            for (;;) {
                arg_at.push_back(tok_.offset);
                args.push_back(expression());
                deepest = std::max(deepest, built_);
                if (!is_op(",")) break;
                advance();
            }
        }
        grow(deepest + 1, at);
        expect_op(")", "to close the argument list");
        if (scope_->check) {
            auto def = scope_->definitions.find(name);
            if (def != scope_->definitions.end()) {
                if (def->second != args.size())
                    error(at, fmt::format("'{}' takes {} argument(s), got {}", name, def->second, args.size()));
            } else {
                error(at, scope_->in_definition ? "unknown function '" + name + "' (a definition may call only the definitions above it)"
                                                : "unknown function '" + name + "'");
            }
        }
        return kernel::apply(name, std::move(args));
    }
    TermPtr sum(std::size_t at) {
        Nest n(*this, at);
        expect_op("(", "after 'sum'");
        if (tok_.kind != Token::Kind::Ident) error(tok_.offset, "sum(index, bound, body): expected the index name");
        std::string index = tok_.text;
        std::size_t index_at = tok_.offset;
        advance();
        expect_op(",", "after the sum index");
        if (tok_.kind != Token::Kind::Ident) error(tok_.offset, "sum(index, bound, body): expected the bound name");
        std::string bound = tok_.text;
        std::size_t bound_at = tok_.offset;
        advance();
        expect_op(",", "after the sum bound");
        if (scope_->check) {
            if (scope_->in_definition) error(at, "sums are not allowed in definitions");
            if (!scope_->nats.count(bound)) error(bound_at, "sum bound '" + bound + "' is not a declared natural-number variable");
            if (std::string why = name_problem(index); !why.empty()) error(index_at, "sum index " + why);
            if (scope_->reals.count(index) || scope_->nats.count(index) || scope_->families.count(index) ||
                scope_->definitions.count(index) || scope_->indices.count(index))
                error(index_at, "sum index '" + index + "' must be a fresh name (it would capture a name of the theorem)");
        }
        NameScope inner = *scope_;  // the body sees the index
        inner.indices.insert(index);
        const NameScope* outer = scope_;
        scope_ = &inner;
        TermPtr body = expression();
        scope_ = outer;
        expect_op(")", "to close sum(...)");
        grow(built_ + 1, at);
        return kernel::sum(index, bound, body);
    }

    const std::string& text_;
    const PositionMap& pos_;
    const NameScope* scope_;
    const ParseLimits& limits_;
    std::size_t cursor_ = 0;
    Token tok_;
    std::size_t depth_ = 0;
    std::size_t built_ = 0;
};

}  // namespace

TermPtr parse_expression_at(const std::string& text, const PositionMap& pos, const NameScope& scope,
                            const ParseLimits& limits) {
    Parser p(text, pos, scope, limits);
    return p.expression_only();
}
kernel::Prop parse_prop_at(const std::string& text, const PositionMap& pos, const NameScope& scope,
                           const ParseLimits& limits) {
    Parser p(text, pos, scope, limits);
    return p.prop();
}
TermPtr parse_expression(const std::string& text, const SourceLocation& where, const ParseLimits& limits) {
    return parse_expression_at(text, PositionMap::from_start(text, where), NameScope{}, limits);
}
kernel::Prop parse_prop(const std::string& text, const SourceLocation& where, const ParseLimits& limits) {
    return parse_prop_at(text, PositionMap::from_start(text, where), NameScope{}, limits);
}

}  // namespace icl::frontend
