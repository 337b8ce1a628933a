// libFuzzer target: the corpus loader (pugixml + parser + name resolution + witnesses) on arbitrary
// bytes, and the kernel on every theorem that loads (check_theorem, check_witness,
// check_goal_at_witness: the same calls `icl-kernel check` makes). Oracles: no crash / sanitizer
// report / hang / leak; bad input only ever surfaces as InputError.
#include "frontend/witness.hpp"
#include "frontend/corpus.hpp"
#include "frontend/certificate.hpp"
#include "kernel/kernel.hpp"

#include <cctype>
#include <cstdint>
#include <string>

using namespace icl;

namespace {
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size > 64 * 1024) return 0;
    const std::string text(reinterpret_cast<const char*>(data), size);
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
        (void)cert::check_theorem(e.theorem, kl);
        (void)frontend::check_witness(e.theorem.statement, e.theorem.witness, kl);
        (void)frontend::check_goal_at_witness(e.theorem.statement, e.theorem.witness, kl);
        (void)frontend::to_text(*e.theorem.statement.goals.at(0).lhs);
    }
    return 0;
}
