// libFuzzer target: the expression parser (untrusted front end), then the kernel's normaliser on
// whatever parses. Oracles: no crash / sanitizer report / hang; every error is an InputError or a
// KernelError; printing a parsed term and parsing it again gives the same text (round trip).
#include "export/normal_form.hpp"
#include "frontend/corpus.hpp"
#include "frontend/parser.hpp"
#include "kernel/kernel.hpp"

#include <cctype>
#include <cstdint>
#include <functional>
#include <set>
#include <string>

using namespace icl;

namespace {
void collect_vars(const kernel::Term& t, std::set<std::string>& out) {
    if (t.kind == kernel::Term::Kind::Var) out.insert(t.name);
    for (const auto& a : t.args)
        if (a) collect_vars(*a, out);
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size > 4096) return 0;
    const std::string text(reinterpret_cast<const char*>(data), size);
    frontend::ParseLimits limits;
    limits.max_nesting = 200;
    limits.max_digits = 200;
    try {
        kernel::Prop p = frontend::parse_prop(text, {"fuzz", 1, 1}, limits);
        std::string printed = frontend::to_text(p);
        kernel::Prop q = frontend::parse_prop(printed, {"fuzz", 1, 1});
        if (frontend::to_text(q) != printed) __builtin_trap();  // printer/parser disagree
    } catch (const frontend::InputError&) {
    }
    try {
        kernel::TermPtr t = frontend::parse_expression(text, {"fuzz", 1, 1}, limits);
        std::string printed = frontend::to_text(*t);
        kernel::TermPtr t2 = frontend::parse_expression(printed, {"fuzz", 1, 1});
        if (frontend::to_text(*t2) != printed) __builtin_trap();
        kernel::Statement st;
        std::set<std::string> vars;
        collect_vars(*t, vars);
        st.reals.assign(vars.begin(), vars.end());
        kernel::Limits kl;
        kl.max_degree = 32;
        kl.max_terms = 20000;
        try {
            export_::Polynomial a = export_::normalize(*t, st, "", kl);
            // normal form is canonical: the printed term normalises to the same polynomial
            if (!(export_::normalize(*t2, st, "", kl) == a)) __builtin_trap();
        } catch (const kernel::KernelError&) {
        }
    } catch (const frontend::InputError&) {
    }
    return 0;
}
