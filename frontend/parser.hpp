// Untrusted front end: the expression parser, with exact source positions and name resolution.
#pragma once

#include "frontend/corpus.hpp"

#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace icl::frontend {

// Maps an offset in the decoded text to its (line, col) in the source file. Only error messages ask, so
// the table is made by `make` on the first locate(): whatever `make` refers to (the loader's raw text)
// must outlive the map, which holds for the loader's maps because they are used only while it loads.
struct PositionMap {
    std::string file;
    std::function<std::vector<std::pair<int, int>>()> make;
    mutable std::vector<std::pair<int, int>> at{};  // at[i] = position of decoded char i; one more for the end
    SourceLocation locate(std::size_t offset) const;
    static PositionMap from_start(const std::string& text, const SourceLocation& where);
};

// The names an expression may use; when `check` is false nothing is resolved (syntax only).
struct NameScope {
    bool check = false;
    std::set<std::string> reals;
    std::set<std::string> nats;
    std::set<std::string> families;
    std::map<std::string, std::size_t> definitions;  // name -> arity
    std::set<std::string> indices;                  // index variables in scope (family arguments)
    bool in_definition = false;                     // reals are then the definition's parameters
};

kernel::TermPtr parse_expression_at(const std::string& text, const PositionMap& pos, const NameScope& scope,
                                    const ParseLimits& limits);
kernel::Prop parse_prop_at(const std::string& text, const PositionMap& pos, const NameScope& scope,
                           const ParseLimits& limits);

bool is_identifier(const std::string& s);
kernel::Integer decimal(const std::string& digits);  // base 10 always (a leading 0 is not octal)
// "" if n may name something a corpus declares; else why not (not an identifier, or reserved: reserved_names.hpp)
std::string name_problem(const std::string& n);

}  // namespace icl::frontend
