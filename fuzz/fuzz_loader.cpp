// libFuzzer target: the corpus loader (pugixml + parser + name resolution + witnesses) on arbitrary
// bytes, and the kernel on every theorem that loads (check_theorem, check_witness,
// check_goal_at_witness: the same calls `icl-kernel check` makes). Oracles: no crash / sanitizer
// report / hang / leak; bad input only ever surfaces as InputError.
#include "frontend/corpus.hpp"
#include "kernel/kernel.hpp"

#include <cctype>
#include <cstdint>
#include <string>

using namespace icl;

namespace {
#ifndef ICL_FUZZ_NO_KNOWN_GUARDS
// Known findings (docs/robustness-findings.md) are skipped so that fuzzing goes on finding new problems;
// build with -DICL_FUZZ_NO_KNOWN_GUARDS to fuzz them too. F10: integer literals with a leading 0 are read
// as octal (and 08 / 09 throw std::runtime_error); F11: a 20-digit exponent throws std::out_of_range.
bool known_finding_text(const std::string& s) {
    for (std::size_t i = 0; i + 1 < s.size(); ++i) {
        bool starts = s[i] == '0' && std::isdigit(static_cast<unsigned char>(s[i + 1])) &&
                      (i == 0 || !std::isdigit(static_cast<unsigned char>(s[i - 1]))) &&
                      !(i >= 7 && s.compare(i - 7, 7, "paper=\"") == 0);  // paper="001" is not a number
        if (starts) return true;  // F10
    }
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '^') continue;
        std::size_t j = i + 1, n = 0;
        while (j < s.size() && std::isspace(static_cast<unsigned char>(s[j]))) ++j;
        while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) ++j, ++n;
        if (n == 20) return true;  // F11
    }
    return false;
}
#endif
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size > 64 * 1024) return 0;
    const std::string text(reinterpret_cast<const char*>(data), size);
#ifndef ICL_FUZZ_NO_KNOWN_GUARDS
    if (known_finding_text(text)) return 0;
#endif
    frontend::ParseLimits limits;
    limits.max_nesting = 200;
    limits.max_digits = 300;
    limits.max_exponent = 16;
    frontend::Corpus corpus;
    try {
        corpus = frontend::load_corpus({{"fuzz.xml", text}}, limits);
    } catch (const frontend::InputError&) {
        return 0;
    }
    kernel::Limits kl;
    kl.max_degree = 24;
    kl.max_terms = 20000;
    kl.max_depth = 400;
    kl.max_sum_bound = 50;
    for (const auto& e : corpus.theorems) {
        (void)kernel::check_theorem(e.theorem, kl);
        (void)kernel::check_witness(e.theorem.statement, e.theorem.witness, kl);
        (void)kernel::check_goal_at_witness(e.theorem.statement, e.theorem.witness, kl);
        (void)frontend::to_text(*e.theorem.statement.goals.at(0).lhs);
    }
    return 0;
}
