// `icl-kernel export lean`, `icl-kernel stamp` and `icl-kernel stamp verify` (issue 4).
#include "cli/app.hpp"
#include "export/lean.hpp"
#include "export/lean_reader.hpp"
#include "export/stamp.hpp"

#include <fmt/core.h>

#include <cstdlib>

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

namespace icl::cli {

namespace {

namespace fs = std::filesystem;

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    if (!in) throw frontend::InputError(p.string(), 0, 0, "cannot read file");
    std::ostringstream os;
    os << in.rdbuf();
    return os.str();
}

// Write only when the content differs (keeps mtimes stable); atomically via a temporary file.
void write_file(const fs::path& p, const std::string& content) {
    std::error_code ec;
    if (fs::exists(p, ec)) {
        std::ifstream in(p, std::ios::binary);
        std::ostringstream os;
        os << in.rdbuf();
        if (os.str() == content) return;
    }
    fs::path tmp = p;
    tmp += ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out) throw EnvironmentError(tmp.string(), "cannot write file");
        out << content;
        if (!out) throw EnvironmentError(tmp.string(), "write failed");
    }
    fs::rename(tmp, p);
}

// The stamp already on disk (null JSON when there is none or it does not parse: nothing to keep).
nlohmann::json read_previous_stamp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    if (!in) return nullptr;
    std::ostringstream os;
    os << in.rdbuf();
    try {
        return nlohmann::json::parse(os.str());
    } catch (const std::exception&) {
        return nullptr;
    }
}

// Every theorem must pass the kernel before it is exported.
bool all_verified(const frontend::Corpus& corpus, const AppContext& ctx) {
    bool ok = true;
    kernel::Library library;
    for (const auto& e : corpus.theorems) {
        auto r = cert::check_theorem(e.theorem, library, ctx.kernel_limits);
        if (r.verdict != kernel::Verdict::Verified) {
            fmt::print(stderr, "export lean: {} {} is not verified by the kernel: {}\n", e.theorem.id, e.theorem.name,
                       r.message);
            ok = false;
        }
    }
    return ok;
}

void run_export(const std::vector<std::string>& files, const std::string& out_dir, bool no_stamp, AppContext& ctx) {
    frontend::Corpus corpus = load_corpus_or_embedded(files, ctx);
    if (!all_verified(corpus, ctx)) {
        fmt::print(stderr, "export lean: refusing to export an unverified corpus (nothing written)\n");
        ctx.exit_code = ExitCode::CheckFailed;
        return;
    }
    leanexp::LeanFile f;
    try {
        f = leanexp::export_lean(corpus, ctx.kernel_limits);
    } catch (const leanexp::ExportError& e) {
        fmt::print(stderr, "export lean: {}\n", e.what());
        ctx.exit_code = ExitCode::CheckFailed;
        return;
    }
    // The round trip must hold before anything is written.
    leanexp::RoundTripReport rt = leanexp::check_round_trip(f.text, corpus, ctx.kernel_limits);
    if (!rt.ok()) {
        if (const char* dump = std::getenv("ICL_LEAN_DUMP_ON_FAILURE")) write_file(dump, f.text);  // for debugging
        for (const auto& m : rt.errors) fmt::print(stderr, "export lean: round trip: {}\n", m);
        fmt::print(stderr, "export lean: the generated file does not read back as the corpus (nothing written)\n");
        ctx.exit_code = ExitCode::CheckFailed;
        return;
    }
    fs::path dir(out_dir);
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) throw EnvironmentError(out_dir, "cannot create directory: " + ec.message());
    write_file(dir / leanexp::kLeanFileName, f.text);
    write_file(dir / "lean-toolchain", leanexp::lean_toolchain_text());
    write_file(dir / "lakefile.toml", leanexp::lakefile_text());
    write_file(dir / leanexp::kLakeManifestFileName, leanexp::lake_manifest_text());
    if (!no_stamp) {
        nlohmann::json previous = read_previous_stamp(dir / leanexp::kStampFileName);
        write_file(dir / leanexp::kStampFileName,
                   leanexp::stamp_text(leanexp::make_stamp(corpus, f.text, nullptr, ctx.kernel_limits, &previous)));
    }
    fmt::print("wrote {} ({} theorems, {} linear_combination, {} by contradiction; round trip OK: {} atoms)\n",
               (dir / leanexp::kLeanFileName).string(), f.theorems.size(), f.linear_combinations,
               f.contradiction_proofs, rt.inequality_atoms + rt.equality_atoms);
    if (!no_stamp) fmt::print("wrote {}\n", (dir / leanexp::kStampFileName).string());
    ctx.exit_code = ExitCode::Ok;
}

void run_stamp(const std::vector<std::string>& files, const std::string& lean_dir, const std::string& result_file,
               AppContext& ctx) {
    frontend::Corpus corpus = load_corpus_or_embedded(files, ctx);
    fs::path dir(lean_dir);
    std::string lean_text = slurp(dir / leanexp::kLeanFileName);
    std::unique_ptr<leanexp::LeanCheckResult> check;
    if (!result_file.empty()) {
        try {
            check = std::make_unique<leanexp::LeanCheckResult>(leanexp::parse_lean_result(slurp(result_file)));
        } catch (const std::runtime_error& e) {
            if (dynamic_cast<const frontend::InputError*>(&e)) throw;
            throw frontend::InputError(result_file, 0, 0, e.what());
        }
    }
    nlohmann::json previous = read_previous_stamp(dir / leanexp::kStampFileName);
    write_file(dir / leanexp::kStampFileName,
               leanexp::stamp_text(leanexp::make_stamp(corpus, lean_text, check.get(), ctx.kernel_limits, &previous)));
    fmt::print("wrote {}", (dir / leanexp::kStampFileName).string());
    if (!check) {
        const bool had = previous.is_object() && previous.contains("lean_check") &&
                         previous["lean_check"] != leanexp::default_lean_check();
        const bool same = had && previous.value("lean_file", nlohmann::json::object()).value("sha256", std::string()) ==
                                     leanexp::sha256_hex(lean_text);
        fmt::print(" (Lean check: {})\n", !had   ? "not recorded"
                                          : same ? "the recorded result is kept: the Lean file is unchanged"
                                                 : "the recorded result was dropped: the Lean file changed");
    } else if (!check->ran)
        fmt::print(" (Lean check: not run: {})\n", check->reason);
    else
        fmt::print(" (Lean check: exit code {}, {})\n", check->exit_code, check->passed ? "passed" : "FAILED");
    ctx.exit_code = (check && check->ran && !check->passed) ? ExitCode::CheckFailed : ExitCode::Ok;
}

void run_verify(const std::vector<std::string>& files, const std::string& lean_dir, AppContext& ctx) {
    frontend::Corpus corpus = load_corpus_or_embedded(files, ctx);
    leanexp::VerifyReport r = leanexp::verify_stamp(corpus, lean_dir, ctx.kernel_limits);
    if (r.ok()) {
        fmt::print("stamp verify: OK: corpus, {} and {} agree\n", leanexp::kLeanFileName, leanexp::kStampFileName);
        ctx.exit_code = ExitCode::Ok;
        return;
    }
    for (const auto& p : r.problems) fmt::print(stderr, "stamp verify: DRIFT: {}\n", p);
    ctx.exit_code = ExitCode::CheckFailed;
}

}  // namespace

void register_lean_commands(CLI::App& app, AppContext& ctx) {
    struct Options {
        std::vector<std::string> files;
        std::string out_dir = "lean";
        bool no_stamp = false;
        std::vector<std::string> stamp_files;
        std::string lean_dir = "lean";
        std::string result;
        std::vector<std::string> verify_files;
        std::string verify_dir = "lean";
    };
    auto opts = std::make_shared<Options>();

    CLI::App* exp = app.get_subcommand("export");
    auto* lean = exp->add_subcommand("lean", "write lean/TransformerICL_gradient_descent.lean and its .stamp.json");
    lean->add_option("files", opts->files, "corpus XML files (default: the built-in corpus)")->check(CLI::ExistingFile);
    lean->add_option("--out-dir", opts->out_dir, "output directory")->capture_default_str();
    lean->add_flag("--no-stamp", opts->no_stamp, "do not (re)write the stamp");
    lean->callback([opts, &ctx] { run_export(opts->files, opts->out_dir, opts->no_stamp, ctx); });

    auto* stamp = app.add_subcommand("stamp", "(re)write the Lean file's provenance stamp; `stamp verify` checks drift");
    stamp->add_option("--corpus", opts->stamp_files, "corpus XML files (default: the built-in corpus)")
        ->check(CLI::ExistingFile);
    stamp->add_option("--lean-dir", opts->lean_dir, "directory of the Lean file")->capture_default_str();
    stamp->add_option("--lean-result", opts->result, "result file written by tests/lean_driver.sh (ctest)")
        ->check(CLI::ExistingFile);
    auto* verify = stamp->add_subcommand("verify", "exit 0 iff corpus, Lean file and stamp agree (drift gate)");
    verify->add_option("--corpus", opts->verify_files, "corpus XML files (default: the built-in corpus)")
        ->check(CLI::ExistingFile);
    verify->add_option("--lean-dir", opts->verify_dir, "directory of the Lean file")->capture_default_str();
    verify->callback([opts, &ctx] { run_verify(opts->verify_files, opts->verify_dir, ctx); });
    stamp->callback([opts, verify, &ctx] {
        if (verify->parsed()) return;
        run_stamp(opts->stamp_files, opts->lean_dir, opts->result, ctx);
    });
}

}  // namespace icl::cli
