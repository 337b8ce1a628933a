// `icl-kernel report --out DIR` (issue 17): one self-contained HTML page with every theorem, its verdict
// (computed here by the kernel, as `icl-kernel check` does), the Lean and Coq text, and a derivation graph
// drawn by Graphviz `dot` (an external process; missing `dot` is exit 3).
#include "frontend/witness.hpp"
#include "cli/app.hpp"
#include "export/assumptions.hpp"
#include "export/coq.hpp"
#include "export/lean.hpp"
#include "export/report.hpp"
#include "export/graph.hpp"

#include <fmt/core.h>

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

extern char** environ;

namespace icl::cli {

namespace {

namespace fs = std::filesystem;

// An executable named `name` on PATH (or `name` itself when it contains a slash), else empty.
std::string find_program(const std::string& name) {
    if (name.find('/') != std::string::npos) return access(name.c_str(), X_OK) == 0 ? name : std::string();
    const char* path = std::getenv("PATH");
    std::stringstream ss(path ? path : "");
    for (std::string dir; std::getline(ss, dir, ':');) {
        if (dir.empty()) continue;
        fs::path p = fs::path(dir) / name;
        if (access(p.c_str(), X_OK) == 0 && !fs::is_directory(p)) return p.string();
    }
    return {};
}

// Runs `dot -Tsvg` on `source`; returns the <svg> element. Throws std::runtime_error with the reason.
std::string run_dot(const std::string& dot, const std::string& source, const fs::path& work) {
    fs::path in = work / "graph.dot", out = work / "graph.svg";
    {
        std::ofstream f(in, std::ios::binary | std::ios::trunc);
        if (!f) throw std::runtime_error("cannot write " + in.string());
        f << source;
    }
    std::string a0 = dot, a1 = "-Tsvg", a2 = in.string(), a3 = "-o", a4 = out.string();
    char* argv[] = {a0.data(), a1.data(), a2.data(), a3.data(), a4.data(), nullptr};
    pid_t pid = 0;
    if (posix_spawn(&pid, dot.c_str(), nullptr, nullptr, argv, environ) != 0)
        throw std::runtime_error("cannot start " + dot);
    int status = 0;
    if (waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
        throw std::runtime_error(dot + " -Tsvg failed (exit status " + std::to_string(WEXITSTATUS(status)) + ")");
    std::ifstream f(out, std::ios::binary);
    std::ostringstream os;
    os << f.rdbuf();
    std::string svg = os.str();
    auto start = svg.find("<svg");
    if (start == std::string::npos) throw std::runtime_error(dot + " wrote no <svg> element");
    fs::remove(in);
    fs::remove(out);
    return svg.substr(start);
}

void run_report(const std::vector<std::string>& files, const std::string& out_dir, const std::string& dot_name,
                AppContext& ctx) {
    frontend::Corpus corpus = load_corpus_or_embedded(files, ctx);
    const std::string dot = find_program(dot_name);
    if (dot.empty()) {
        fmt::print(stderr,
                   "report: Graphviz `{}` not found on PATH; it draws the derivation graph (Debian package "
                   "graphviz: apt-get install graphviz). Nothing written.\n",
                   dot_name);
        ctx.exit_code = ExitCode::Internal;
        return;
    }
    export_::ReportInput in;
    in.corpus = &corpus;
    in.tool_version = ICL_VERSION;
    bool all_ok = !corpus.theorems.empty();
    kernel::Library library;  // derived declarations instantiate the theorems before them
    for (const auto& e : corpus.theorems) {
        kernel::CheckResult proof = cert::check_theorem(e.theorem, library, ctx.kernel_limits);
        kernel::CheckResult witness = frontend::check_witness(e.theorem.statement, e.theorem.witness, ctx.kernel_limits);
        kernel::CheckResult goal_at =
            frontend::check_goal_at_witness(e.theorem.statement, e.theorem.witness, ctx.kernel_limits);
        export_::ReportVerdict v;
        v.ok = proof.verdict == kernel::Verdict::Verified && witness.verdict == kernel::Verdict::Verified &&
               goal_at.verdict == kernel::Verdict::Verified;
        if (proof.verdict != kernel::Verdict::Verified) v.message = proof.message;
        else if (witness.verdict != kernel::Verdict::Verified) v.message = "non-vacuity: " + witness.message;
        else if (goal_at.verdict != kernel::Verdict::Verified) v.message = "goal false at witness: " + goal_at.message;
        v.proofs = proof.proofs;
        if (proof.verdict == kernel::Verdict::Verified) {
            const export_::Assumptions a = export_::assumptions_of(e.theorem.statement, proof.proofs, library);
            v.axioms = a.axioms;
            v.sorry = a.sorry;
            if (const std::string why = export_::incompleteness(a); v.ok && !why.empty()) {
                v.ok = false;
                v.message = why;
            }
        }
        all_ok = all_ok && v.ok;
        in.verdicts.push_back(v);
    }
    try {
        leanexp::LeanFile lf = leanexp::export_lean(corpus);
        for (const auto& b : lf.theorems) in.lean_text.push_back(b.text);
    } catch (const std::exception& e) {
        in.lean_error = e.what();
    }
    try {
        export_::CoqExport cx = export_::export_coq(corpus);
        for (const auto& span : cx.theorems) in.coq_text.push_back(cx.text.substr(span.begin, span.end - span.begin));
    } catch (const std::exception& e) {
        in.coq_error = e.what();
    }
    fs::path dir(out_dir);
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec || !fs::is_directory(dir)) {
        fmt::print(stderr, "report: cannot create directory {}: {}\n", out_dir, ec ? ec.message() : "not a directory");
        ctx.exit_code = ExitCode::Internal;
        return;
    }
    try {
        in.graph_svg = run_dot(dot, export_::derivation_dot(corpus, "#thm-"), dir);
    } catch (const std::exception& e) {
        fmt::print(stderr, "report: derivation graph: {}\n", e.what());
        ctx.exit_code = ExitCode::Internal;
        return;
    }
    const std::string html = export_::report_html(in);
    const fs::path page = dir / "index.html", tmp = dir / "index.html.tmp";
    {
        std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
        f << html;
        if (!f) {
            fmt::print(stderr, "report: cannot write {}\n", tmp.string());
            ctx.exit_code = ExitCode::Internal;
            return;
        }
    }
    fs::rename(tmp, page, ec);
    if (ec) {
        fmt::print(stderr, "report: cannot write {}: {}\n", page.string(), ec.message());
        ctx.exit_code = ExitCode::Internal;
        return;
    }
    std::size_t ok = 0;
    for (const auto& v : in.verdicts) ok += v.ok;
    fmt::print("wrote {} ({} theorems, {} verified, {} definitions; graph by {})\n", page.string(),
               corpus.theorems.size(), ok, corpus.definitions.size(), dot);
    ctx.exit_code = all_ok ? ExitCode::Ok : ExitCode::CheckFailed;
}

}  // namespace

void register_report_commands(CLI::App& app, AppContext& ctx) {
    struct Options {
        std::vector<std::string> files;
        std::string out = "docs/report";
        std::string dot = "dot";
    };
    auto opts = std::make_shared<Options>();
    auto* rep = app.add_subcommand("report", "write DIR/index.html: every theorem, its verdict, Lean/Coq text, graph");
    rep->add_option("files", opts->files, "corpus XML files (default: the built-in corpus)")->check(CLI::ExistingFile);
    rep->add_option("--out", opts->out, "output directory")->capture_default_str();
    rep->add_option("--dot", opts->dot, "Graphviz dot executable")->capture_default_str();
    rep->callback([opts, &ctx] { run_report(opts->files, opts->out, opts->dot, ctx); });
}

}  // namespace icl::cli
