// icl-kernel: command-line driver. Parses arguments, dispatches, and returns the one verdict variable.
#include "cli/app.hpp"

#include <fmt/core.h>

#include <exception>

int main(int argc, char** argv) {
    using namespace icl::cli;
    AppContext ctx;
    CLI::App app{"icl-kernel: trusted proof-certificate checker for the ICL = gradient-descent theorems"};
    app.set_version_flag("--version", std::string("icl-kernel ") + ICL_VERSION);
    app.require_subcommand(1);
    app.add_option("--max-degree", ctx.kernel_limits.max_degree, "kernel limit: total degree of any polynomial")
        ->capture_default_str();
    app.add_option("--max-terms", ctx.kernel_limits.max_terms, "kernel limit: monomials in any polynomial")
        ->capture_default_str();
    app.add_option("--max-depth", ctx.kernel_limits.max_depth, "kernel limit: nesting of terms and certificates")
        ->capture_default_str();
    app.add_option("--max-coeff-bits", ctx.kernel_limits.max_coeff_bits, "kernel limit: bits of any coefficient")
        ->capture_default_str();
    app.add_option("--max-steps", ctx.kernel_limits.max_steps, "kernel limit: term nodes visited per check")
        ->capture_default_str();
    app.add_option("--max-nesting", ctx.parse_limits.max_nesting,
                   "parser limit: nesting of parentheses, calls and certificate elements")
        ->capture_default_str();
    app.add_option("--max-term-depth", ctx.parse_limits.max_term_depth,
                   "parser limit: depth of a term (a chain of n operands has depth n)")
        ->capture_default_str();
    app.add_option("--max-digits", ctx.parse_limits.max_digits, "parser limit: digits of one number")
        ->capture_default_str();
    app.add_option("--max-exponent", ctx.parse_limits.max_exponent, "parser limit: literal exponent")
        ->capture_default_str();
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
        return rc == 0 ? 0 : static_cast<int>(ExitCode::BadInput);
    } catch (const icl::frontend::InputError& e) {
        fmt::print(stderr, "{}\n", e.what());
        return static_cast<int>(ExitCode::BadInput);
    } catch (const std::exception& e) {
        fmt::print(stderr, "error: {}\n", e.what());
        return static_cast<int>(ExitCode::BadInput);
    }
    return static_cast<int>(ctx.exit_code);
}
