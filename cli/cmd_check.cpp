// `icl-kernel check` and `icl-kernel catalogue`.
#include "export/normal_form.hpp"
#include "frontend/witness.hpp"
#include "cli/app.hpp"
#include "export/assumptions.hpp"
#include "export/catalogue.hpp"
#include "export/counterexample.hpp"
#include "export/independence.hpp"

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <sstream>

namespace icl::cli {

frontend::Corpus load_corpus_or_embedded(const std::vector<std::string>& files, const AppContext& ctx) {
    try {
        return files.empty() ? frontend::load_embedded_corpus(ctx.parse_limits)
                             : frontend::load_corpus_files(files, ctx.parse_limits);
    } catch (const std::bad_alloc&) {  // the process cannot even hold its input: an environment failure (exit 3)
        std::string what;
        for (const auto& f : files) what += (what.empty() ? "" : ", ") + f;
        throw EnvironmentError(what.empty() ? "built-in corpus" : what,
                               "out of memory while reading the corpus (raise the memory limit)");
    }
}

namespace {

struct Outcome {
    const frontend::TheoremEntry* entry;
    bool ok = false;
    std::string message;  // why it failed
    double ms = 0;
    std::vector<std::string> used, unused;  // hypotheses the certificates refer to / do not (when verified)
    export_::Assumptions assumptions;       // from the kernel's recorded derivation (when verified)
};

std::vector<std::string> split_ids(const std::string& s) {
    std::vector<std::string> out;
    std::stringstream ss(s);
    for (std::string id; std::getline(ss, id, ',');) out.push_back(id);
    if (!s.empty() && s.back() == ',') out.push_back("");
    return out;
}

// A kernel verdict as a Diagnostic: the rule is the message's prefix ("ring: residual ..." -> "ring").
frontend::Diagnostic diagnostic(const frontend::SourceLocation& where, const std::string& message) {
    auto colon = message.find(':');
    return {where.file, where.line, 0, colon == std::string::npos ? "kernel" : message.substr(0, colon), message};
}

std::string certificate_kinds(const cert::Theorem& t) {
    std::string out;
    for (const auto& c : t.proofs) out += (out.empty() ? "" : "+") + export_::certificate_kind_name(c);
    return out;
}

void run_check(const std::vector<std::string>& files, const std::string& only, bool json, AppContext& ctx) {
    frontend::Corpus corpus = load_corpus_or_embedded(files, ctx);
    std::vector<const frontend::TheoremEntry*> selected;
    if (only.empty()) {
        for (const auto& t : corpus.theorems) selected.push_back(&t);
    } else {
        std::map<std::string, const frontend::TheoremEntry*> by_id;
        for (const auto& t : corpus.theorems) by_id.emplace(t.theorem.id, &t);
        // --only: an empty item is refused; a repeated id is counted once (de-duplicated, first order kept)
        std::set<std::string> seen;
        for (const auto& id : split_ids(only)) {
            if (id.empty()) throw CLI::ValidationError("--only", "empty theorem id in '" + only + "'");
            auto it = by_id.find(id);
            if (it == by_id.end()) throw CLI::ValidationError("--only", "no theorem with id '" + id + "'");
            if (seen.insert(id).second) selected.push_back(it->second);
        }
    }

    // A theorem may instantiate earlier ones: check, in corpus order, the selected theorems and
    // everything they use (one kernel::Library), and report the selected ones.
    std::set<std::string> needed;
    std::function<void(const frontend::TheoremEntry&)> need = [&](const frontend::TheoremEntry& t) {
        if (!needed.insert(t.theorem.id).second) return;
        for (const auto& u : t.uses)
            for (const auto& other : corpus.theorems)
                if (other.theorem.id == u) need(other);
    };
    for (const auto* e : selected) need(*e);
    kernel::Library library;
    std::map<std::string, Outcome> by_id;
    for (const auto& t : corpus.theorems) {
        if (!needed.count(t.theorem.id)) continue;
        const auto* e = &t;
        auto t0 = std::chrono::steady_clock::now();
        Outcome o{e};
        kernel::CheckResult proof = cert::check_theorem(e->theorem, library, ctx.kernel_limits);
        kernel::CheckResult witness = frontend::check_witness(e->theorem.statement, e->theorem.witness, ctx.kernel_limits);
        kernel::CheckResult goal_at = frontend::check_goal_at_witness(e->theorem.statement, e->theorem.witness, ctx.kernel_limits);
        if (proof.verdict == kernel::Verdict::Verified) {
            o.used = cert::used_hypotheses(e->theorem.statement, proof.proofs);
            o.assumptions = export_::assumptions_of(e->theorem.statement, proof.proofs, library);
            for (const auto& h : e->theorem.statement.hypotheses)
                if (std::find(o.used.begin(), o.used.end(), h.name) == o.used.end()) o.unused.push_back(h.name);
        }
        o.ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
        o.ok = proof.verdict == kernel::Verdict::Verified && witness.verdict == kernel::Verdict::Verified &&
               goal_at.verdict == kernel::Verdict::Verified;
        if (proof.verdict != kernel::Verdict::Verified) o.message = proof.message;
        else if (witness.verdict != kernel::Verdict::Verified) o.message = "non-vacuity: " + witness.message;
        else if (goal_at.verdict != kernel::Verdict::Verified) o.message = "goal false at witness (kernel inconsistency): " + goal_at.message;
        if (const std::string why = export_::incompleteness(o.assumptions); o.ok && !why.empty()) {
            o.ok = false;  // not a verification: say so
            o.message = why;
        }
        for (const auto& ce : e->counterexamples) {  // a side condition added to the paper is needed
            kernel::CheckResult c = export_::check_counterexample(*e, ce, ctx.kernel_limits);
            if (c.verdict == kernel::Verdict::Verified) continue;
            if (o.ok) o.message = fmt::format("<counterexample> at line {}: {}", ce.where.line, c.message);
            o.ok = false;
        }
        by_id.emplace(t.theorem.id, o);
    }
    // the 81 statements first, then the derived declarations (each section in corpus order)
    std::vector<Outcome> outcomes, derived;
    for (const auto* e : selected) (e->derived ? derived : outcomes).push_back(by_id.at(e->theorem.id));

    // Counts. Axioms and sorry are computed from the derivations the kernel recorded for the theorems it
    // accepted (export/assumptions.hpp): 0 because the kernel has no axiom or sorry rule, and the walk
    // checks that every goal of an accepted theorem has its derivation.
    std::size_t ok = 0, axioms = 0, sorry = 0;
    for (const auto* list : {&outcomes, &derived})
        for (const auto& o : *list) {
            if (list == &outcomes) ok += o.ok;
            axioms += o.assumptions.axioms;
            sorry += o.assumptions.sorry;
        }
    // Independence is computed (export/independence.hpp), not declared: statements equal up to renaming.
    std::vector<const frontend::TheoremEntry*> statements;  // derived declarations are not independent evidence
    for (const auto* e : selected)
        if (!e->derived) statements.push_back(e);
    const export_::IndependenceReport indep = export_::independence(statements, ctx.kernel_limits);
    const std::size_t duplicates = indep.statements - indep.independent;
    struct DefFailure {
        const frontend::DefinitionEntry* entry;
        std::string message;
    };
    std::vector<DefFailure> def_failures;
    std::size_t defs_ok = 0;
    kernel::Limits def_limits = ctx.kernel_limits;  // one step budget shared by all definitions
    def_limits.max_steps = std::max<unsigned long>(10'000, ctx.kernel_limits.max_steps / std::max<std::size_t>(1, corpus.definitions.size()));
    kernel::Statement def_scope;  // every definition sees all definitions (built once, not per definition)
    for (const auto& other : corpus.definitions) def_scope.definitions.push_back(other.definition);
    for (const auto& d : corpus.definitions) {
        def_scope.reals = d.definition.params;
        try {
            export_::normalize(*d.definition.body, def_scope, "", def_limits);
            ++defs_ok;
        } catch (const kernel::KernelError& e) {
            def_failures.push_back({&d, e.what()});
        }
    }
    std::size_t derived_ok = 0;
    for (const auto& o : derived) derived_ok += o.ok;
    const std::size_t n = outcomes.size();
    const std::size_t declarations = n + derived.size() + corpus.definitions.size();
    const std::size_t declarations_ok = ok + derived_ok + defs_ok;
    const std::size_t defs_failed = def_failures.size();
    const bool all_ok = ok == n && derived_ok == derived.size() && defs_failed == 0 && n + derived.size() > 0;

    if (json) {
        nlohmann::ordered_json j;
        j["tool"] = std::string("icl-kernel ") + ICL_VERSION;
        j["theorems"] = nlohmann::ordered_json::array();
        std::vector<const Outcome*> all;
        for (const auto& o : outcomes) all.push_back(&o);
        for (const auto& o : derived) all.push_back(&o);
        for (const auto* op : all) {
            const Outcome& o = *op;
            const auto& e = *o.entry;
            nlohmann::ordered_json t;
            t["id"] = e.theorem.id;
            t["name"] = e.theorem.name;
            t["lean_name"] = e.lean_name;
            t["paper"] = e.paper;
            t["section"] = e.section;
            t["certificate"] = certificate_kinds(e.theorem);
            t["verdict"] = o.ok ? "verified" : "failed";
            if (!o.ok) t["message"] = o.message;
            t["witness"] = e.witness_text;
            if (!e.duplicate_of.empty()) t["duplicate_of"] = e.duplicate_of;
            t["derived"] = e.derived;
            t["uses"] = e.uses;
            if (auto it = indep.same_as.find(e.theorem.id); it != indep.same_as.end()) t["same_as"] = it->second;
            t["hypotheses_used"] = o.used;
            t["hypotheses_unused"] = o.unused;
            if (!e.counterexamples.empty()) {
                nlohmann::ordered_json ces = nlohmann::ordered_json::array();
                for (const auto& ce : e.counterexamples) ces.push_back({{"drop", ce.drop}, {"point", ce.text}});
                t["side_conditions_needed"] = ces;
            }
            t["time_ms"] = o.ms;
            j["theorems"].push_back(t);
        }
        nlohmann::ordered_json classes = nlohmann::ordered_json::array();
        for (const auto& c : indep.classes) classes.push_back({{"ids", c.ids}, {"renamings", c.renamings}});
        j["independence_classes"] = classes;
        j["definitions_failed"] = nlohmann::ordered_json::array();
        for (const auto& f : def_failures)
            j["definitions_failed"].push_back({{"name", f.entry->definition.name},
                                               {"file", f.entry->where.file},
                                               {"line", f.entry->where.line},
                                               {"message", f.message}});
        j["summary"] = {{"statements", n},          {"independent", indep.independent}, {"axioms", axioms},
                        {"sorry", sorry},           {"declarations", declarations},   {"ok", declarations_ok},
                        {"theorems_ok", ok},        {"failed", n - ok},               {"derived", derived.size()},
                        {"derived_ok", derived_ok}, {"definitions", corpus.definitions.size()},
                        {"definitions_ok", defs_ok}, {"definitions_failed", defs_failed}, {"verified", all_ok}};
        fmt::print("{}\n", j.dump(2));
    } else {
        for (const auto& o : outcomes) {
            const auto& e = *o.entry;
            std::string note = e.duplicate_of.empty() ? "" : fmt::format("  (duplicate of {}, not independent)", e.duplicate_of);
            if (auto it = indep.same_as.find(e.theorem.id); it != indep.same_as.end() && e.duplicate_of.empty())
                note = fmt::format("  (same statement as {} up to renaming, not independent)", it->second);
            if (o.ok)
                fmt::print("OK    {:<4} {:<46} {:<30} {:>8.3f} ms  witness {{{}}}{}\n", e.theorem.id, e.theorem.name,
                           certificate_kinds(e.theorem), o.ms, e.witness_text, note);
            else
                fmt::print("FAIL  {:<4} {:<46} {:<30} {:>8.3f} ms\n      {}\n", e.theorem.id, e.theorem.name,
                           certificate_kinds(e.theorem), o.ms, diagnostic(e.where, o.message).text());
        }
        if (!derived.empty()) {
            fmt::print("\nderived declarations (chains of the papers; not among the theorem statements):\n");
            for (const auto& o : derived) {
                const auto& e = *o.entry;
                std::string uses;
                for (const auto& u : e.uses) uses += (uses.empty() ? "" : ", ") + u;
                if (o.ok)
                    fmt::print("OK    {:<4} {:<46} uses {}\n", e.theorem.id, e.theorem.name, uses);
                else
                    fmt::print("FAIL  {:<4} {:<46} uses {}\n      {}:{}: {}\n", e.theorem.id, e.theorem.name, uses,
                               e.where.file, e.where.line, o.message);
            }
        }
        // per-paper summary
        std::vector<std::string> papers;
        std::map<std::string, std::tuple<std::string, std::size_t, std::size_t, std::size_t>> by_paper;
        for (const auto& o : outcomes) {
            auto key = o.entry->paper;
            if (!by_paper.count(key)) papers.push_back(key);
            auto& [title, count, good, dup] = by_paper[key];
            title = o.entry->paper_title;
            ++count;
            good += o.ok;
            dup += indep.same_as.count(o.entry->theorem.id);
        }
        fmt::print("\n");
        for (const auto& p : papers) {
            auto& [title, count, good, dup] = by_paper[p];
            std::string indep = dup ? fmt::format(" ({} independent)", count - dup) : "";
            fmt::print("paper {} {}: {} theorem statements{}, {} OK\n", p, title, count, indep, good);
        }
        fmt::print("total: {} theorem statements{}, {} OK\n", n,
                   duplicates ? fmt::format(" ({} independent)", indep.independent) : "", ok);
        for (const auto& o : outcomes)
            if (!o.entry->duplicate_of.empty())
                fmt::print("note: {} {} duplicates {}; it is not independent evidence\n", o.entry->theorem.id,
                           o.entry->theorem.name, o.entry->duplicate_of);
        for (const auto& c : indep.classes)
            fmt::print("note: {}: the same statement up to renaming, counted once\n", export_::class_text(c));
        for (const auto& f : def_failures)
            fmt::print("FAIL  definition {}\n      {}\n", f.entry->definition.name,
                       diagnostic(f.entry->where, f.message).text());
        if (!derived.empty())
            fmt::print("derived: {} declarations, {} OK\n", derived.size(), derived_ok);
        // The closing line adds up: declarations = theorems + derived + definitions = OK + failed.
        fmt::print("{} theorem statements, {} axioms, {} sorry; {} declarations, {} OK\n", n, axioms, sorry,
                   declarations, declarations_ok);
        if (!all_ok)
            fmt::print("FAILED: {} of {} declarations did not verify ({} of {} theorem statements, {} of {} derived "
                       "declarations, {} of {} definitions)\n",
                       declarations - declarations_ok, declarations, n - ok, n, derived.size() - derived_ok,
                       derived.size(), defs_failed, corpus.definitions.size());
    }
    ctx.exit_code = all_ok ? ExitCode::Ok : ExitCode::CheckFailed;
}

}  // namespace

void register_check_commands(CLI::App& app, AppContext& ctx) {
    struct Options {
        std::vector<std::string> files;
        std::string only;
        bool json = false;
        std::string out;
    };
    auto opts = std::make_shared<Options>();
    auto* check = app.add_subcommand("check", "verify every theorem of the corpus (built-in when no FILE is given)");
    check->add_option("files", opts->files, "corpus XML files")->check(CLI::ExistingFile);
    check->add_option("--only", opts->only, "comma-separated theorem ids");
    check->add_flag("--json", opts->json, "machine-readable output");
    check->callback([opts, &ctx] { run_check(opts->files, opts->only, opts->json, ctx); });

    auto copts = std::make_shared<Options>();
    auto* cat = app.add_subcommand("catalogue", "write the theorem catalogue (docs/theorems.md) from the corpus");
    cat->add_option("files", copts->files, "corpus XML files")->check(CLI::ExistingFile);
    cat->add_option("--out", copts->out, "output file (default: standard output)");
    cat->callback([copts, &ctx] {
        frontend::Corpus corpus = load_corpus_or_embedded(copts->files, ctx);
        std::string md = export_::catalogue_markdown(corpus, ctx.kernel_limits);
        if (copts->out.empty()) {
            fmt::print("{}", md);
        } else {
            std::ofstream out(copts->out, std::ios::binary);
            if (!out) throw EnvironmentError(copts->out, "cannot write file");
            out << md;
        }
        ctx.exit_code = ExitCode::Ok;
    });
}

}  // namespace icl::cli
