// `icl-kernel export coq`, `icl-kernel export smtlib`, `icl-kernel external-report`.
#include "cli/app.hpp"
#include "export/coq.hpp"
#include "export/external_report.hpp"
#include "export/smtlib.hpp"

#include <fmt/core.h>

#include <filesystem>
#include <fstream>
#include <memory>

namespace icl::cli {

namespace {

void write_text(const std::string& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    if (!out) throw EnvironmentError(path, "cannot write file");
    out << text;
    if (!out) throw EnvironmentError(path, "cannot write file");
}

}  // namespace

void register_external_commands(CLI::App& app, AppContext& ctx) {
    CLI::App* exp = app.get_subcommand("export");

    // ---- export coq
    struct CoqOptions {
        std::vector<std::string> files;
        std::string out;
    };
    auto copt = std::make_shared<CoqOptions>();
    auto* coq = exp->add_subcommand("coq", "write all theorems as one Coq file over R, proved from the certificates");
    coq->add_option("files", copt->files, "corpus XML files (default: the built-in corpus)")->check(CLI::ExistingFile);
    coq->add_option("--out", copt->out, "output .v file (default: standard output)");
    coq->callback([copt, &ctx] {
        frontend::Corpus corpus = load_corpus_or_embedded(copt->files, ctx);
        export_::CoqExport ex;
        try {
            ex = export_::export_coq(corpus, ctx.kernel_limits);  // checks the corpus (once)
        } catch (const export_::CoqUnverified& e) {  // a failed check, as for export lean (exit 1)
            fmt::print(stderr, "export coq: refusing to export an unverified corpus: {}\n", e.what());
            ctx.exit_code = ExitCode::CheckFailed;
            return;
        }
        if (copt->out.empty()) fmt::print("{}", ex.text);
        else write_text(copt->out, ex.text);
        ctx.exit_code = ExitCode::Ok;
    });

    // ---- export smtlib DIR
    struct SmtOptions {
        std::string dir;
        std::vector<std::string> files;
        std::vector<unsigned long> dims = {1, 2, 3, 4};
    };
    auto sopt = std::make_shared<SmtOptions>();
    auto* smt = exp->add_subcommand("smtlib", "write SMT-LIB 2 (QF_NRA) validity, non-vacuity and derivation-step problems into DIR");
    smt->add_option("dir", sopt->dir, "output directory (created if missing)")->required();
    smt->add_option("files", sopt->files, "corpus XML files (default: the built-in corpus)")->check(CLI::ExistingFile);
    smt->add_option("--dims", sopt->dims, "instances of the natural d in MN1-MN3")->delimiter(',')->capture_default_str();
    smt->callback([sopt, &ctx] {
        frontend::Corpus corpus = load_corpus_or_embedded(sopt->files, ctx);
        std::vector<export_::SmtProblem> steps;
        try {
            steps = export_::export_smtlib_steps(corpus, ctx.kernel_limits);  // the derivations; checks the corpus
        } catch (const export_::SmtUnverified& e) {  // a failed check, as for export coq and lean (exit 1)
            fmt::print(stderr, "export smtlib: refusing to export an unverified corpus: {}\n", e.what());
            ctx.exit_code = ExitCode::CheckFailed;
            return;
        }
        auto problems = export_::export_smtlib(corpus, sopt->dims, ctx.kernel_limits);
        for (auto& p : steps) problems.push_back(std::move(p));
        try {
            export_::write_smtlib(problems, sopt->dir);
        } catch (const std::runtime_error& e) {
            throw EnvironmentError(sopt->dir, e.what());
        }
        fmt::print("wrote {} problems for {} theorems to {}\n", problems.size(), corpus.theorems.size(), sopt->dir);
        ctx.exit_code = ExitCode::Ok;
    });

    // ---- external-report
    struct ReportOptions {
        std::vector<std::string> files;
        std::string out;
        export_::ExternalOptions ext;
    };
    auto ropt = std::make_shared<ReportOptions>();
    auto* rep = app.add_subcommand(
        "external-report", "run kernel, coqc and z3 on every theorem and write docs/external-checks.md");
    rep->add_option("files", ropt->files, "corpus XML files (default: the built-in corpus)")->check(CLI::ExistingFile);
    rep->add_option("--out", ropt->out, "output markdown file (default: standard output)");
    rep->add_option("--coqc", ropt->ext.coqc, "coqc executable")->capture_default_str();
    rep->add_option("--z3", ropt->ext.z3, "z3 executable")->capture_default_str();
    rep->add_option("--timeout", ropt->ext.timeout_seconds, "z3 time limit per problem, seconds")->capture_default_str();
    rep->add_option("--dims", ropt->ext.dims, "instances of d in MN1-MN3")->delimiter(',')->capture_default_str();
    rep->add_option("--work-dir", ropt->ext.work_dir, "keep the generated .v and .smt2 files here");
    rep->callback([ropt, &ctx] {
        frontend::Corpus corpus = load_corpus_or_embedded(ropt->files, ctx);
        export_::ExternalSummary s = export_::run_external_checks(corpus, ctx.kernel_limits, ropt->ext);
        if (ropt->out.empty()) fmt::print("{}", s.markdown);
        else write_text(ropt->out, s.markdown);
        fmt::print(stderr, "kernel {}/{}, coq {}/{}, z3 valid {}/{}, z3 non-vacuous {}/{} ({} SMT problems)\n",
                   s.kernel_ok, s.theorems, s.coq_ok, s.theorems, s.z3_valid_ok, s.theorems, s.z3_nonvacuous_ok,
                   s.theorems, s.problems);
        ctx.exit_code = s.all_ok ? ExitCode::Ok : ExitCode::CheckFailed;
    });
}

}  // namespace icl::cli
