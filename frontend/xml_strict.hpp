// Strict XML 1.0 checks that pugixml does not make, run on the raw bytes of a corpus file.
// What a reader sees must be what the loader reads: no DTD (defaults, entities), no character that
// XML forbids (pugixml would decode &#0; as a terminator and truncate the text), no second root, no
// duplicate attribute, no processing instruction, UTF-8 only.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

namespace icl::frontend {

struct XmlProblem {
    std::size_t offset = 0;  // byte offset of the offending construct in the file
    std::string message;
};

// Pass 1 (before pugixml): every byte sequence is well-formed UTF-8 and every character is an XML 1.0
// Char (tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD, U+10000–U+10FFFF); no UTF-16 byte-order mark.
std::optional<XmlProblem> xml_character_problem(const std::string& bytes);

// Pass 2 (after pugixml accepted the file): markup. Only the XML declaration (version 1.0, encoding
// UTF-8) as the very first thing; no DOCTYPE or other <!...> declaration, no processing instruction,
// no CDATA section; comments well-formed and not inside the text elements listed in `text_elements`
// (space separated, e.g. "goal hyp"); every entity reference one of the five predefined ones and every
// character reference an XML Char; no '<' in attribute values; no duplicate attribute; one root
// element, with only white space and comments before and after it.
std::optional<XmlProblem> xml_markup_problem(const std::string& bytes, const std::string& text_elements);

}  // namespace icl::frontend
