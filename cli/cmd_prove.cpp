// `icl-kernel prove ID... | --all [--write] [--budget-ms N] [FILE...]`: untrusted certificate search.
// Every certificate found is judged by the kernel before it is reported as found or written.
#include "cli/app.hpp"
#include "prover/corpus_writer.hpp"
#include "prover/prover.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <sstream>

namespace icl::cli {

namespace {

struct ProveOpts {
    std::vector<std::string> args;
    bool all = false;
    bool write = false;
    bool sizes = false;
    long budget_ms = 4000;
    long max_search_terms = 200000;
};

bool is_file_arg(const std::string& a) {
    if (a.size() > 4 && a.compare(a.size() - 4, 4, ".xml") == 0) return true;
    std::error_code ec;
    return std::filesystem::is_regular_file(a, ec);
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void write_file(const std::string& path, const std::string& content) {
    std::string tmp = path + ".prove-tmp";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out) throw EnvironmentError(tmp, "cannot write file");
        out << content;
        if (!out) throw EnvironmentError(tmp, "cannot write file");
    }
    std::filesystem::rename(tmp, path);
}

// Writes found certificates into the corpus files; re-loads and re-checks before touching the disk.
bool write_certificates(const frontend::Corpus& corpus, const std::vector<std::string>& file_args,
                        const std::map<std::string, prover::ProveResult>& found, const AppContext& ctx) {
    // (name as loaded, path on disk)
    std::vector<std::pair<std::string, std::string>> files;
    if (!file_args.empty()) {
        for (auto& f : file_args) files.emplace_back(f, f);
    } else {
        for (auto& [name, content] : frontend::embedded_corpus_files()) {
            std::string path = std::string(ICL_SOURCE_DIR) + "/" + name;
            if (!std::filesystem::exists(path)) {
                fmt::print(stderr, "prove --write: {} not found (give the corpus files as FILE arguments)\n", path);
                return false;
            }
            files.emplace_back(name, path);
        }
    }
    // theorem id -> file name as loaded
    std::map<std::string, std::string> file_of;
    for (auto& te : corpus.theorems) file_of[te.theorem.id] = te.where.file;
    std::vector<std::pair<std::string, std::string>> new_files;
    std::vector<std::string> changed;
    for (auto& [name, path] : files) {
        std::map<std::string, std::vector<prover::ProofText>> edits;
        for (auto& [id, r] : found) {
            auto it = file_of.find(id);
            if (it == file_of.end() || (it->second != name && it->second != path)) continue;
            std::vector<prover::ProofText> texts;
            for (auto& c : r.proofs) {
                auto cert = std::make_shared<cert::Certificate>(c);
                texts.push_back([cert](const std::string& indent) { return prover::certificate_xml(*cert, indent); });
            }
            edits[id] = texts;
        }
        std::string content = read_file(path);
        std::string updated = edits.empty() ? content : prover::replace_proofs(content, edits);
        if (updated != content) changed.push_back(path);
        new_files.emplace_back(name, updated);
    }
    // re-load what would be written and let the kernel judge the written certificates
    frontend::Corpus reloaded = frontend::load_corpus(new_files, ctx.parse_limits);
    for (auto& te : reloaded.theorems) {
        if (!found.count(te.theorem.id)) continue;
        auto k = cert::check_theorem(te.theorem, ctx.kernel_limits);
        if (k.verdict != kernel::Verdict::Verified) {
            fmt::print(stderr, "prove --write: {} as written is rejected by the kernel ({}); nothing written\n",
                       te.theorem.id, k.message);
            return false;
        }
    }
    for (std::size_t i = 0; i < files.size(); ++i)
        if (std::find(changed.begin(), changed.end(), files[i].second) != changed.end())
            write_file(files[i].second, new_files[i].second);
    for (auto& c : changed) fmt::print("wrote {}\n", c);
    if (changed.empty()) fmt::print("no file changed\n");
    return true;
}

void run_prove(AppContext& ctx, const ProveOpts& o) {
    std::vector<std::string> files, ids;
    for (auto& a : o.args) (is_file_arg(a) ? files : ids).push_back(a);
    if (!o.all && ids.empty()) {
        fmt::print(stderr, "prove: give theorem ids or --all\n");
        ctx.exit_code = ExitCode::BadInput;
        return;
    }
    if (o.budget_ms <= 0) {
        fmt::print(stderr, "prove: --budget-ms must be positive\n");
        ctx.exit_code = ExitCode::BadInput;
        return;
    }
    frontend::Corpus corpus =
        files.empty() ? frontend::load_embedded_corpus(ctx.parse_limits) : frontend::load_corpus_files(files, ctx.parse_limits);
    std::vector<const frontend::TheoremEntry*> todo;
    std::set<std::string> wanted(ids.begin(), ids.end());
    for (auto& te : corpus.theorems)
        if ((o.all && !te.derived) || wanted.count(te.theorem.id)) {  // --all: the statements, not the chains
            todo.push_back(&te);
            wanted.erase(te.theorem.id);
        }
    if (!wanted.empty()) {
        for (auto& w : wanted) fmt::print(stderr, "prove: no theorem with id {}\n", w);
        ctx.exit_code = ExitCode::BadInput;
        return;
    }
    prover::ProveOptions popts;
    popts.budget = std::chrono::milliseconds(o.budget_ms);
    popts.max_terms = static_cast<std::size_t>(o.max_search_terms > 0 ? o.max_search_terms : 1);
    popts.limits = ctx.kernel_limits;
    std::map<std::string, prover::ProveResult> found;
    std::size_t proved = 0;
    unsigned long nodes_found = 0, nodes_corpus = 0, chars_found = 0, chars_corpus = 0;
    const auto start = std::chrono::steady_clock::now();
    for (auto* te : todo) {
        prover::ProveResult r = prover::prove_theorem(te->theorem, popts);
        std::string extra;
        if (!te->duplicate_of.empty()) extra = " [duplicate of " + te->duplicate_of + "]";
        if (r.proved) {
            ++proved;
            if (o.sizes) {
                unsigned long nf = 0, nc = 0, cf = 0, cc = 0;
                for (auto& c : r.proofs) {
                    auto s = prover::certificate_size(c);
                    nf += s.nodes;
                    cf += s.xml_chars;
                }
                for (auto& c : te->theorem.proofs) {
                    auto s = prover::certificate_size(c);
                    nc += s.nodes;
                    cc += s.xml_chars;
                }
                nodes_found += nf;
                nodes_corpus += nc;
                chars_found += cf;
                chars_corpus += cc;
                extra += fmt::format(" [size {} nodes / {} chars; corpus {} / {}]", nf, cf, nc, cc);
            }
            fmt::print("{:<6} found      {:>8.1f} ms  {}{}\n", te->theorem.id, r.milliseconds, r.message, extra);
            found.emplace(te->theorem.id, std::move(r));
        } else {
            fmt::print("{:<6} NOT FOUND  {:>8.1f} ms  {}{}\n", te->theorem.id, r.milliseconds,
                       r.timed_out ? "not found within budget (" + std::to_string(o.budget_ms) + " ms): " + r.message
                                   : r.message,
                       extra);
        }
        std::fflush(stdout);
    }
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    fmt::print("{} of {} proved in {:.1f} s\n", proved, todo.size(), secs);
    if (o.sizes && proved > 0)
        fmt::print("certificate size, proved theorems: found {} nodes / {} chars; corpus {} nodes / {} chars\n",
                   nodes_found, chars_found, nodes_corpus, chars_corpus);
    if (proved != todo.size()) ctx.exit_code = ExitCode::CheckFailed;
    if (o.write && !found.empty()) {
        if (!write_certificates(corpus, files, found, ctx)) ctx.exit_code = ExitCode::CheckFailed;
    }
}

}  // namespace

void register_prove_commands(CLI::App& app, AppContext& ctx) {
    auto opts = std::make_shared<ProveOpts>();
    CLI::App* cmd = app.add_subcommand(
        "prove", "search certificates from the statements alone (untrusted) and check them with the kernel");
    cmd->add_option("args", opts->args, "theorem ids, and corpus files (FILE...; default: the built-in corpus)");
    cmd->add_flag("--all", opts->all, "every theorem of the corpus");
    cmd->add_flag("--write", opts->write, "write the found certificates into the corpus files (<proof> elements)");
    cmd->add_option("--budget-ms", opts->budget_ms, "search budget per theorem in milliseconds")
        ->capture_default_str();
    cmd->add_option("--max-search-terms", opts->max_search_terms,
                    "memory cap: monomials of any polynomial the search builds (exceeding it ends the search)")
        ->capture_default_str();
    cmd->add_flag("--sizes", opts->sizes, "compare found certificate sizes with the corpus ones");
    cmd->callback([&ctx, opts] { run_prove(ctx, *opts); });
}

}  // namespace icl::cli
