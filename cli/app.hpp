// The icl-kernel driver: each feature registers its subcommands on the CLI11 app.
// Exit codes (the one table is exit_code_for in main.cpp): 0 every statement verified / command
// succeeded, 1 a check failed, 2 bad input or usage, 3 an internal or environment failure (cannot write
// an output file, an external tool missing when asked for, out of memory outside a kernel check).
#pragma once

#include "frontend/corpus.hpp"
#include "kernel/kernel.hpp"

#include <CLI/CLI.hpp>

#include <stdexcept>
#include <string>
#include <vector>

namespace icl::cli {

enum class ExitCode : int { Ok = 0, CheckFailed = 1, BadInput = 2, Internal = 3 };

// A failure of the environment rather than of the input: an output file that cannot be written, an
// external tool that is missing when asked for. Exit code 3.
struct EnvironmentError : std::runtime_error {
    EnvironmentError(std::string what_path, const std::string& message)
        : std::runtime_error(what_path.empty() ? message : what_path + ": " + message), path(std::move(what_path)),
          message(message) {}
    frontend::Diagnostic diagnostic() const { return {path, 0, 0, "environment", message}; }
    std::string path;
    std::string message;
};

struct AppContext {
    frontend::ParseLimits parse_limits;
    kernel::Limits kernel_limits;
    // The single verdict variable: subcommand callbacks set it; main returns it.
    ExitCode exit_code = ExitCode::Ok;
};

// Corpus from FILE arguments, or the built-in corpus when none are given. Throws InputError.
frontend::Corpus load_corpus_or_embedded(const std::vector<std::string>& files, const AppContext& ctx);

// One per feature, each in its own cli/cmd_*.cpp.
// `app.get_subcommand("export")` already exists when they run (created by main).
void register_check_commands(CLI::App& app, AppContext& ctx);      // check, catalogue   (cmd_check.cpp)
void register_lean_commands(CLI::App& app, AppContext& ctx);       // export lean, stamp (cmd_lean.cpp)
void register_external_commands(CLI::App& app, AppContext& ctx);   // export coq|smtlib  (cmd_external.cpp)
void register_prove_commands(CLI::App& app, AppContext& ctx);      // prove              (cmd_prove.cpp)
void register_graph_commands(CLI::App& app, AppContext& ctx);      // graph              (cmd_graph.cpp)
void register_report_commands(CLI::App& app, AppContext& ctx);     // report             (cmd_report.cpp)

}  // namespace icl::cli
