// Strict XML 1.0 pre-checks on raw bytes (see xml_strict.hpp). Linear in the file size.
#include "frontend/xml_strict.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <cstdint>
#include <set>
#include <sstream>
#include <vector>

namespace icl::frontend {

namespace {

bool xml_char(std::uint32_t cp) {
    return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD) ||
           (cp >= 0x10000 && cp <= 0x10FFFF);
}

// Length of the well-formed UTF-8 sequence at s[i] (its code point in cp), or 0.
std::size_t utf8_at(const std::string& s, std::size_t i, std::uint32_t& cp) {
    auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
    const unsigned char c = b(0);
    if (c < 0x80) { cp = c; return 1; }
    std::size_t n = 0;
    unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte (excludes overlong, surrogates, > U+10FFFF)
    if (c >= 0xC2 && c <= 0xDF) { n = 2; cp = c & 0x1F; }
    else if (c >= 0xE0 && c <= 0xEF) { n = 3; cp = c & 0x0F; if (c == 0xE0) lo = 0xA0; if (c == 0xED) hi = 0x9F; }
    else if (c >= 0xF0 && c <= 0xF4) { n = 4; cp = c & 0x07; if (c == 0xF0) lo = 0x90; if (c == 0xF4) hi = 0x8F; }
    else return 0;
    if (i + n > s.size()) return 0;
    if (b(1) < lo || b(1) > hi) return 0;
    for (std::size_t k = 1; k < n; ++k) {
        if ((b(k) & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (b(k) & 0x3F);
    }
    return n;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool name_char(char c) {
    unsigned char u = static_cast<unsigned char>(c);
    return std::isalnum(u) || c == '_' || c == '-' || c == '.' || c == ':' || u >= 0x80;
}

struct Scanner {
    const std::string& s;
    std::set<std::string> text_elements;
    std::size_t i = 0;

    std::optional<XmlProblem> fail(std::size_t at, std::string what) const { return XmlProblem{at, std::move(what)}; }
    bool starts(const char* p) const { return s.compare(i, std::char_traits<char>::length(p), p) == 0; }
    std::string name_at(std::size_t& k) const {
        std::size_t b = k;
        while (k < s.size() && name_char(s[k])) ++k;
        return s.substr(b, k - b);
    }

    // A reference starting at s[at] == '&'; on success `end` is the offset after ';'.
    std::optional<XmlProblem> reference(std::size_t at, std::size_t& end) const {
        std::size_t k = at + 1;
        if (k < s.size() && s[k] == '#') {
            ++k;
            bool hex = k < s.size() && s[k] == 'x';
            if (hex) ++k;
            std::size_t digits = k;
            std::uint64_t cp = 0;
            while (k < s.size() && (hex ? std::isxdigit(static_cast<unsigned char>(s[k])) : std::isdigit(static_cast<unsigned char>(s[k])))) {
                char c = s[k];
                unsigned d = std::isdigit(static_cast<unsigned char>(c)) ? c - '0' : (std::tolower(c) - 'a' + 10);
                cp = std::min<std::uint64_t>(cp * (hex ? 16 : 10) + d, 0x7FFFFFFF);  // saturates: stays > U+10FFFF
                ++k;
            }
            std::string written = s.substr(at, std::min<std::size_t>(k + 1, s.size()) - at);
            if (k == digits || k >= s.size() || s[k] != ';')
                return fail(at, "malformed character reference (expected &#DIGITS; or &#xHEX;)");
            if (!xml_char(static_cast<std::uint32_t>(cp)))
                return fail(at, cp > 0x10FFFF ? fmt::format("character reference {} is beyond U+10FFFF", written)
                                              : fmt::format("character reference {} denotes U+{:04X}, which XML 1.0 forbids",
                                                            written, cp));
            end = k + 1;
            return std::nullopt;
        }
        std::string name = name_at(k);
        if (name.empty() || k >= s.size() || s[k] != ';')
            return fail(at, "a bare '&' is not allowed: write &amp; (or &lt;, &gt;, &quot;, &apos;, &#N;)");
        if (name != "lt" && name != "gt" && name != "amp" && name != "quot" && name != "apos")
            return fail(at, "undefined entity &" + name + "; (only &lt; &gt; &amp; &quot; &apos; and character references; no DTD)");
        end = k + 1;
        return std::nullopt;
    }

    std::optional<XmlProblem> declaration(std::size_t end) {
        // <?xml version="1.0" encoding="UTF-8" standalone="yes"?>: pseudo-attributes, each at most once
        std::size_t k = i + 5;
        std::set<std::string> seen;
        while (true) {
            while (k < end && is_space(s[k])) ++k;
            if (k >= end) break;
            std::size_t at = k;
            std::string key = name_at(k);
            if (key.empty() || k >= end || s[k] != '=') return fail(at, "malformed XML declaration");
            ++k;
            if (k >= end || (s[k] != '"' && s[k] != '\'')) return fail(at, "malformed XML declaration");
            char q = s[k++];
            std::size_t close = s.find(q, k);
            if (close == std::string::npos || close > end) return fail(at, "malformed XML declaration");
            std::string value = s.substr(k, close - k);
            k = close + 1;
            if (!seen.insert(key).second) return fail(at, "duplicate '" + key + "' in the XML declaration");
            if (key == "version") {
                if (value != "1.0") return fail(at, "XML version '" + value + "' is not supported (only 1.0)");
            } else if (key == "encoding") {
                std::string up;
                for (char c : value) up += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
                if (up != "UTF-8") return fail(at, "encoding '" + value + "' is not supported: corpus files are UTF-8");
            } else if (key == "standalone") {
                if (value != "yes" && value != "no") return fail(at, "malformed XML declaration");
            } else {
                return fail(at, "unknown '" + key + "' in the XML declaration");
            }
        }
        return std::nullopt;
    }

    std::optional<XmlProblem> run() {
        std::vector<std::string> stack;
        bool root_seen = false;
        std::size_t root_end = 0;
        const std::size_t start = s.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
        i = start;
        while (i < s.size()) {
            if (!stack.empty()) {  // text inside an element: only '<', '&' and "]]>" need a look
                while (i < s.size() && s[i] != '<' && s[i] != '&' && s[i] != ']') ++i;
                if (i >= s.size()) break;
            }
            const char c = s[i];
            if (c != '<') {
                if (c == '&') {
                    std::size_t end = 0;
                    if (auto p = reference(i, end)) return p;
                    if (stack.empty()) return fail(i, root_seen ? "content after the root element: only comments and white space may follow it"
                                                                : "text before the root element");
                    i = end;
                    continue;
                }
                if (stack.empty() && !is_space(c))
                    return fail(i, root_seen ? "content after the root element: only comments and white space may follow it"
                                             : "text before the root element");
                if (c == ']' && starts("]]>")) return fail(i, "']]>' is not allowed in text: write ]]&gt;");
                ++i;
                continue;
            }
            const char next = i + 1 < s.size() ? s[i + 1] : '\0';  // one test per tag instead of six prefix compares
            if (next == '?') {
                std::size_t end = s.find("?>", i + 2);
                if (end == std::string::npos) return fail(i, "unterminated processing instruction");
                std::size_t k = i + 2;
                std::string target = name_at(k);
                if (target == "xml" && i == start) {
                    if (auto p = declaration(end)) return p;
                } else if (target.size() == 3 && std::tolower(target[0]) == 'x' && std::tolower(target[1]) == 'm' &&
                           std::tolower(target[2]) == 'l') {
                    return fail(i, "the XML declaration may only be the very first thing in the file");
                } else {
                    return fail(i, "processing instruction <?" + target + " ...?> is not allowed");
                }
                i = end + 2;
                continue;
            }
            if (next == '!' && starts("<!--")) {
                std::size_t end = s.find("--", i + 4);
                if (end == std::string::npos) return fail(i, "unterminated comment");
                if (end + 2 >= s.size() || s[end + 2] != '>') return fail(end, "'--' is not allowed inside a comment");
                if (!stack.empty() && text_elements.count(stack.back()))
                    return fail(i, "comment inside <" + stack.back() + ">: its text is read as written, comments are not allowed there");
                i = end + 3;
                continue;
            }
            if (next == '!' && starts("<![CDATA[")) return fail(i, "CDATA sections are not allowed: escape '<' as &lt; and '&' as &amp;");
            if (next == '!' && starts("<!DOCTYPE")) return fail(i, "DOCTYPE (DTD) is not allowed: a DTD could add attributes or entities the reader does not see");
            if (next == '!') return fail(i, "markup declaration <!...> is not allowed");
            if (next == '/') {
                std::size_t k = i + 2;
                std::string name = name_at(k);
                while (k < s.size() && is_space(s[k])) ++k;
                if (stack.empty() || name != stack.back() || k >= s.size() || s[k] != '>') return fail(i, "malformed XML: closing tag");
                stack.pop_back();
                if (stack.empty()) root_end = k + 1;
                i = k + 1;
                continue;
            }
            // start tag
            if (stack.empty() && root_seen)
                return fail(i, "content after the root element: only comments and white space may follow it");
            std::size_t k = i + 1;
            std::string name = name_at(k);
            if (name.empty()) return fail(i, "malformed XML: element name");
            std::vector<std::string> attrs;  // a handful per tag: a linear search beats a set
            bool empty_element = false;
            while (true) {
                bool space = false;
                while (k < s.size() && is_space(s[k])) { ++k; space = true; }
                if (k >= s.size()) return fail(i, "malformed XML: unterminated tag");
                if (s[k] == '>') { ++k; break; }
                if (s[k] == '/' && k + 1 < s.size() && s[k + 1] == '>') { k += 2; empty_element = true; break; }
                std::size_t at = k;
                std::string key = name_at(k);
                if (key.empty() || !space) return fail(at, "malformed XML: attribute");
                while (k < s.size() && is_space(s[k])) ++k;
                if (k >= s.size() || s[k] != '=') return fail(at, "malformed XML: attribute '" + key + "' has no value");
                ++k;
                while (k < s.size() && is_space(s[k])) ++k;
                if (k >= s.size() || (s[k] != '"' && s[k] != '\'')) return fail(at, "malformed XML: attribute value must be quoted");
                const char q = s[k++];
                while (k < s.size() && s[k] != q) {
                    if (s[k] == '<') return fail(k, "'<' is not allowed in an attribute value: write &lt;");
                    if (s[k] == '&') {
                        std::size_t end = 0;
                        if (auto p = reference(k, end)) return p;
                        k = end;
                    } else {
                        ++k;
                    }
                }
                if (k >= s.size()) return fail(at, "malformed XML: unterminated attribute value");
                ++k;
                if (std::find(attrs.begin(), attrs.end(), key) != attrs.end())
                    return fail(at, "duplicate attribute '" + key + "' on <" + name + "> (XML allows each attribute once)");
                attrs.push_back(std::move(key));
            }
            if (!empty_element) stack.push_back(std::move(name));
            root_seen = true;
            i = k;
        }
        if (!root_seen) return fail(start, "no root element");
        if (!stack.empty()) return fail(s.size(), "malformed XML: <" + stack.back() + "> is not closed");
        (void)root_end;
        return std::nullopt;
    }
};

}  // namespace

std::optional<XmlProblem> xml_character_problem(const std::string& bytes) {
    if (bytes.size() >= 2 && ((bytes[0] == '\xFF' && bytes[1] == '\xFE') || (bytes[0] == '\xFE' && bytes[1] == '\xFF')))
        return XmlProblem{0, "UTF-16 is not supported: corpus files are UTF-8"};
    std::size_t i = 0;
    while (i < bytes.size()) {
        const unsigned char c = static_cast<unsigned char>(bytes[i]);
        if ((c >= 0x20 && c < 0x80) || c == '\n' || c == '\t' || c == '\r') {  // the common case: allowed ASCII
            ++i;
            continue;
        }
        std::uint32_t cp = 0;
        std::size_t n = utf8_at(bytes, i, cp);
        if (n == 0)
            return XmlProblem{i, fmt::format("invalid UTF-8 byte 0x{:02x} (files must be UTF-8; no overlong forms, surrogates "
                                             "or code points beyond U+10FFFF)",
                                             static_cast<unsigned char>(bytes[i]))};
        if (cp == 0) return XmlProblem{i, "NUL byte (U+0000) is not allowed"};
        if (!xml_char(cp)) return XmlProblem{i, fmt::format("character U+{:04X} is not allowed in XML 1.0", cp)};
        i += n;
    }
    return std::nullopt;
}

std::optional<XmlProblem> xml_markup_problem(const std::string& bytes, const std::string& text_elements) {
    Scanner sc{bytes, {}};
    std::istringstream is(text_elements);
    for (std::string w; is >> w;) sc.text_elements.insert(w);
    return sc.run();
}

}  // namespace icl::frontend
