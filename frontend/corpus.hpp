// Untrusted front end: reads corpus files (pugixml) and expressions into kernel data structures.
// A bug here can reject a true theorem or mis-state one, never make the kernel accept a false one.
#pragma once

#include "frontend/certificate.hpp"
#include "kernel/kernel.hpp"

#include <stdexcept>
#include <string>
#include <vector>

namespace icl::frontend {

// The one diagnostic type: where (file, line, column; 0 when unknown), which rule or component
// ("xml", "input", a kernel rule such as "ring" or "limit", "environment", ...) and what is wrong.
// Every error the driver prints is formatted by text(): "FILE:LINE:COL: message" (or "FILE:LINE: ",
// "FILE: " when the column / line is unknown).
struct Diagnostic {
    std::string file;
    int line = 0;
    int col = 0;
    std::string component;
    std::string message;
    std::string text() const;
};

// Bad input: reported as a Diagnostic, exit code 2.
struct InputError : std::runtime_error {
    InputError(std::string file, int line, int col, const std::string& message, std::string component = "input");
    Diagnostic diagnostic() const { return {file, line, col, component, message}; }
    std::string file;
    int line = 0;
    int col = 0;
    std::string message;
    std::string component;
};

// Front-end limits (the kernel has its own, kernel::Limits).
struct ParseLimits {
    std::size_t max_nesting = 256;         // parentheses / unary minus / calls / sums, and certificate elements
                                           // (each level is recursion in the parser: fits a sanitizer's stack)
    std::size_t max_term_depth = 1'000;    // depth of a parsed term (a chain of n operands has depth n)
    std::size_t max_digits = 10'000;       // digits of one integer literal
    unsigned long max_exponent = 64;       // literal exponent in x^n
    std::size_t max_file_bytes = 16u << 20;
};

struct SourceLocation {
    std::string file;
    int line = 0;
    int col = 0;
};

struct DefinitionEntry {
    kernel::Definition definition;
    std::string text;        // the body as written
    SourceLocation where;
};

// <counterexample drop="h">point</counterexample>: a side condition h that the corpus adds to the paper's
// sentence is needed — at `point` every other hypothesis holds and the goal fails (checked by `check`).
struct CounterexampleEntry {
    std::string drop;      // the hypothesis left out
    cert::Witness point;
    std::string text;      // the point as written
    SourceLocation where;
};

struct TheoremEntry {
    cert::Theorem theorem;      // id, name, statement (with all corpus definitions), proofs, witness
    std::string lean_name;        // TransformerICL.<name>
    std::string paper;            // corpus paper attribute, e.g. "001"
    std::string paper_title;
    std::string section;
    std::string doc;              // texts here are trimmed, with runs of white space collapsed to one space
    std::string deviation;        // empty when the statement is the spec's
    std::string duplicate_of;     // "S2" for S5, else empty
    bool derived = false;         // a derived declaration (chains of the papers): not one of the 81 statements
    std::vector<std::string> uses;  // ids of the corpus theorems its certificates instantiate (file order)
    std::vector<std::string> hypothesis_text;  // as written, parallel to statement.hypotheses
    std::vector<std::string> goal_text;        // as written, parallel to statement.goals
    std::string witness_text;
    std::vector<CounterexampleEntry> counterexamples;  // file order
    SourceLocation where;
};

struct Corpus {
    std::vector<DefinitionEntry> definitions;  // in file order, all files
    std::vector<TheoremEntry> theorems;        // in file order, all files
    std::vector<std::string> files;            // names as reported in messages
    std::string canonical_bytes;               // concatenation of "name\0content\0" per file (for hashing)
};

// Parse one expression / proposition (`where` gives file and position of its first character).
kernel::TermPtr parse_expression(const std::string& text, const SourceLocation& where,
                                 const ParseLimits& limits = {});
kernel::Prop parse_prop(const std::string& text, const SourceLocation& where,
                        const ParseLimits& limits = {});

// Load a corpus from (name, content) pairs. Validates structure, names, scopes and witnesses' syntax;
// throws InputError on the first problem.
Corpus load_corpus(const std::vector<std::pair<std::string, std::string>>& files,
                   const ParseLimits& limits = {});
Corpus load_corpus_files(const std::vector<std::string>& paths, const ParseLimits& limits = {});

// Check every theorem in corpus order with one kernel::Library, so that a theorem can instantiate the
// earlier ones (a failed one makes every user fail). Results are parallel to corpus.theorems.
std::vector<kernel::CheckResult> check_corpus(const Corpus& corpus, const kernel::Limits& limits = {});

// The corpus compiled into the binary (theorems/*.xml at build time).
const std::vector<std::pair<std::string, std::string>>& embedded_corpus_files();
Corpus load_embedded_corpus(const ParseLimits& limits = {});

// Readable math text for a term / prop (used by the catalogue and messages).
std::string to_text(const kernel::Term& t);
std::string to_text(const kernel::Prop& p);

}  // namespace icl::frontend
