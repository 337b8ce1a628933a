// `icl-kernel graph`: the derivation graph (export/graph.hpp) as DOT, or as SVG through Graphviz.
#include "cli/app.hpp"
#include "export/graph.hpp"

#include <fmt/core.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace icl::cli {

namespace {
// contract: the SVG that Graphviz's `dot` makes of `dot_text`, or an empty string (and `error` set)
std::string run_dot(const std::string& dot_text, std::string& error) {
    char in_name[] = "/tmp/icl-graph-XXXXXX";
    int fd = mkstemp(in_name);
    if (fd < 0) { error = "cannot create a temporary file"; return ""; }
    close(fd);
    std::string out_name = std::string(in_name) + ".svg";
    { std::ofstream(in_name, std::ios::binary) << dot_text; }
    std::string cmd = fmt::format("dot -Tsvg '{}' -o '{}' 2>/dev/null", in_name, out_name);
    int rc = std::system(cmd.c_str());
    std::string svg;
    if (rc == 0) {
        std::ifstream in(out_name, std::ios::binary);
        std::ostringstream ss;
        ss << in.rdbuf();
        svg = ss.str();
    } else {
        error = WIFEXITED(rc) && WEXITSTATUS(rc) == 127 ? "Graphviz `dot` is not installed (Debian package graphviz)"
                                                        : "Graphviz `dot` failed";
    }
    std::remove(in_name);
    std::remove(out_name.c_str());
    return svg;
}
}  // namespace

void register_graph_commands(CLI::App& app, AppContext& ctx) {
    struct Options {
        std::vector<std::string> files;
        std::string format = "dot";
        std::string out;
        std::string url = "theorems.md#";
    };
    auto o = std::make_shared<Options>();
    auto* cmd = app.add_subcommand("graph", "write the derivation graph (which theorem uses which) as DOT or SVG");
    cmd->add_option("files", o->files, "corpus XML files")->check(CLI::ExistingFile);
    cmd->add_option("--format", o->format, "dot or svg (svg runs Graphviz `dot`)")
        ->check(CLI::IsMember({"dot", "svg"}))
        ->capture_default_str();
    cmd->add_option("--out", o->out, "output file (default: standard output)");
    cmd->add_option("--url-prefix", o->url, "link prefix of theorem nodes")->capture_default_str();
    cmd->callback([o, &ctx] {
        frontend::Corpus corpus = load_corpus_or_embedded(o->files, ctx);
        std::string text = export_::derivation_dot(corpus, o->url);
        if (o->format == "svg") {
            std::string error;
            text = run_dot(text, error);
            if (text.empty()) {
                fmt::print(stderr, "graph: {}\n", error);
                ctx.exit_code = ExitCode::Internal;
                return;
            }
        }
        if (o->out.empty()) {
            fmt::print("{}", text);
        } else {
            std::ofstream out(o->out, std::ios::binary);
            if (!(out << text)) {
                fmt::print(stderr, "graph: cannot write {}\n", o->out);
                ctx.exit_code = ExitCode::Internal;
                return;
            }
        }
        ctx.exit_code = ExitCode::Ok;
    });
}

}  // namespace icl::cli
