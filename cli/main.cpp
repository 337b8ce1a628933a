// icl-kernel: command-line driver. Parses arguments, dispatches, and maps the outcome to the exit code
// (the one table: exit_code_for below).
#include "cli/app.hpp"

#include <fmt/core.h>
#include <flint/flint.h>
#include <gmp.h>

#include <cstdlib>
#include <cstring>
#include <exception>
#include <new>

namespace {

// GMP and FLINT abort the process when an allocation fails. Allocators that throw std::bad_alloc
// instead turn memory exhaustion into an exception: inside a kernel check the kernel reports
// "limit: out of memory" (a failed check), elsewhere main reports it (exit 3). Never a SIGABRT.
void* gmp_alloc(std::size_t n) {
    void* p = std::malloc(n);
    if (!p && n) throw std::bad_alloc();
    return p;
}
void* gmp_realloc(void* old, std::size_t, std::size_t n) {
    void* p = std::realloc(old, n);
    if (!p && n) throw std::bad_alloc();
    return p;
}
void gmp_free(void* p, std::size_t) { std::free(p); }
// FLINT calls flint_abort on a failed flint_malloc; FLINT_NORETURN (GNU attribute, part of the type for clang)
FLINT_NORETURN void flint_abort_throws() { throw std::bad_alloc(); }

void install_allocation_handlers() {
    mp_set_memory_functions(gmp_alloc, gmp_realloc, gmp_free);
    flint_set_abort(flint_abort_throws);
}

}  // namespace

namespace icl::cli {

// The one table from outcome to exit code.
enum class Outcome { Verified, CheckFailed, BadInput, Usage, Environment, Internal };
int exit_code_for(Outcome o) {
    switch (o) {
        case Outcome::Verified: return static_cast<int>(ExitCode::Ok);
        case Outcome::CheckFailed: return static_cast<int>(ExitCode::CheckFailed);
        case Outcome::BadInput:
        case Outcome::Usage: return static_cast<int>(ExitCode::BadInput);
        case Outcome::Environment:
        case Outcome::Internal: return static_cast<int>(ExitCode::Internal);
    }
    return static_cast<int>(ExitCode::Internal);
}

}  // namespace icl::cli

int main(int argc, char** argv) {
    using namespace icl::cli;
    install_allocation_handlers();
    AppContext ctx;
    CLI::App app{"icl-kernel: trusted proof-certificate checker for the ICL = gradient-descent theorems"};
    app.set_version_flag("--version", std::string("icl-kernel ") + ICL_VERSION);
    app.require_subcommand(1);
    // Every limit is range-checked: raising one cannot make the process overflow its stack or wrap.
    // The parser's recursion (--max-nesting) is capped where the main thread's 8 MB stack still holds,
    // even in a sanitizer build; the kernel's depth likewise.
    app.add_option("--max-degree", ctx.kernel_limits.max_degree, "kernel limit: total degree of any polynomial")
        ->check(CLI::Range(1ul, 100'000ul))->capture_default_str();
    app.add_option("--max-terms", ctx.kernel_limits.max_terms, "kernel limit: monomials in any polynomial")
        ->check(CLI::Range(1ul, 100'000'000ul))->capture_default_str();
    app.add_option("--max-depth", ctx.kernel_limits.max_depth, "kernel limit: nesting of terms and certificates")
        ->check(CLI::Range(1ul, 5'000ul))->capture_default_str();
    app.add_option("--max-coeff-bits", ctx.kernel_limits.max_coeff_bits, "kernel limit: bits of any coefficient")
        ->check(CLI::Range(1ul, 100'000'000ul))->capture_default_str();
    app.add_option("--max-steps", ctx.kernel_limits.max_steps, "kernel limit: term nodes visited per check")
        ->check(CLI::Range(1ul, 1'000'000'000ul))->capture_default_str();
    app.add_option("--max-nesting", ctx.parse_limits.max_nesting,
                   "parser limit: nesting of parentheses, calls and certificate elements")
        ->check(CLI::Range(1ul, 400ul))->capture_default_str();
    app.add_option("--max-term-depth", ctx.parse_limits.max_term_depth,
                   "parser limit: depth of a term (a chain of n operands has depth n)")
        ->check(CLI::Range(1ul, 5'000ul))->capture_default_str();
    app.add_option("--max-digits", ctx.parse_limits.max_digits, "parser limit: digits of one number")
        ->check(CLI::Range(1ul, 1'000'000ul))->capture_default_str();
    app.add_option("--max-exponent", ctx.parse_limits.max_exponent, "parser limit: literal exponent")
        ->check(CLI::Range(0ul, 100'000ul))->capture_default_str();
    app.add_option("--max-file-bytes", ctx.parse_limits.max_file_bytes, "parser limit: size of one corpus file")
        ->check(CLI::Range(std::size_t{1}, std::size_t{1} << 30))->capture_default_str();
    app.add_subcommand("export", "write the corpus in another language (lean, coq, smtlib)")
        ->require_subcommand(1);
    register_check_commands(app, ctx);
    register_lean_commands(app, ctx);
    register_external_commands(app, ctx);
    register_prove_commands(app, ctx);
    register_graph_commands(app, ctx);
    register_report_commands(app, ctx);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        int rc = app.exit(e);  // prints help / version / usage error
        return rc == 0 ? exit_code_for(Outcome::Verified) : exit_code_for(Outcome::Usage);
    } catch (const icl::frontend::InputError& e) {
        fmt::print(stderr, "{}\n", e.diagnostic().text());
        return exit_code_for(Outcome::BadInput);
    } catch (const EnvironmentError& e) {
        fmt::print(stderr, "error: {}\n", e.diagnostic().text());
        return exit_code_for(Outcome::Environment);
    } catch (const std::bad_alloc&) {
        fmt::print(stderr, "error: out of memory outside the kernel's checks (environment failure; raise the memory limit)\n");
        return exit_code_for(Outcome::Internal);
    } catch (const std::exception& e) {
        fmt::print(stderr, "internal error: {}\n", e.what());
        return exit_code_for(Outcome::Internal);
    }
    return static_cast<int>(ctx.exit_code);
}
