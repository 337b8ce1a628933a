// Untrusted: runs kernel, coqc and z3 over the corpus and renders docs/external-checks.md.
#include "frontend/witness.hpp"
#include "export/external_report.hpp"

#include "export/coq.hpp"
#include "export/independence.hpp"
#include "export/smtlib.hpp"

#include <fmt/core.h>

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace icl::export_ {

const std::vector<std::string>& coq_allowed_axioms() {
    static const std::vector<std::string> axioms = {
        "ClassicalDedekindReals.sig_forall_dec",
        "FunctionalExtensionality.functional_extensionality_dep",
    };
    return axioms;
}

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

struct ProcessResult {
    int status = -1;  // exit status, or -1 when it did not exit normally
    std::string output;
    double seconds = 0;
};

std::string shell_quote(const std::string& s) {
    std::string out = "'";
    for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

ProcessResult run(const std::string& command) {
    ProcessResult r;
    auto t0 = Clock::now();
    FILE* p = ::popen((command + " 2>&1").c_str(), "r");
    if (!p) throw std::runtime_error("cannot run: " + command);
    char buf[4096];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) r.output.append(buf, n);
    int st = ::pclose(p);
    r.seconds = std::chrono::duration<double>(Clock::now() - t0).count();
    r.status = (st != -1 && WIFEXITED(st)) ? WEXITSTATUS(st) : -1;
    return r;
}

std::string first_line(const std::string& s) {
    auto pos = s.find('\n');
    std::string line = s.substr(0, pos);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    return line;
}

std::string ms(double seconds) {
    double m = seconds * 1000.0;
    if (m < 10) return fmt::format("{:.2f} ms", m);
    if (m < 1000) return fmt::format("{:.0f} ms", m);
    return fmt::format("{:.2f} s", seconds);
}

std::string md_escape(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c == '|') out += "\\|";
        else if (c == '\n') out += ' ';
        else out += c;
    }
    return out;
}

struct CoqResult {
    bool ran = false;
    bool ok = false;                // proved (Qed accepted) and only allowed axioms
    bool reached = false;
    double seconds = 0;
    std::vector<std::string> axioms;
    std::string note;
};

struct Z3Cell {
    std::size_t total = 0, good = 0;
    double seconds = 0;
    std::vector<std::string> bad;  // "d=3: unknown"
};

}  // namespace

ExternalSummary run_external_checks(const frontend::Corpus& corpus, const kernel::Limits& limits,
                                    const ExternalOptions& opt) {
    ExternalSummary sum;
    const auto& thms = corpus.theorems;
    sum.theorems = thms.size();

    fs::path work = opt.work_dir;
    if (work.empty()) {
        std::string tmpl = (fs::temp_directory_path() / "icl-external-XXXXXX").string();
        std::vector<char> buf(tmpl.begin(), tmpl.end());
        buf.push_back('\0');
        if (!::mkdtemp(buf.data())) throw std::runtime_error("cannot create a temporary directory");
        work = buf.data();
    }
    fs::create_directories(work);

    // ---- kernel
    std::vector<bool> kernel_ok(thms.size());
    std::vector<double> kernel_s(thms.size());
    std::vector<std::string> kernel_msg(thms.size());
    kernel::Library library;
    for (std::size_t i = 0; i < thms.size(); ++i) {
        auto t0 = Clock::now();
        auto proof = cert::check_theorem(thms[i].theorem, library, limits);
        auto wit = frontend::check_witness(thms[i].theorem.statement, thms[i].theorem.witness, limits);
        kernel_s[i] = std::chrono::duration<double>(Clock::now() - t0).count();
        kernel_ok[i] = proof.verdict == kernel::Verdict::Verified && wit.verdict == kernel::Verdict::Verified;
        kernel_msg[i] = proof.verdict != kernel::Verdict::Verified ? proof.message : wit.message;
        sum.kernel_ok += kernel_ok[i];
    }

    // ---- Coq: one file, one coqc run with per-sentence timing
    std::map<std::string, CoqResult> coq;  // by theorem id
    std::string coq_version = first_line(run(shell_quote(opt.coqc) + " --version").output);
    std::set<std::string> baseline;
    double coq_total = 0, coq_proofs = 0, coq_print_assumptions = 0;
    bool coq_file_ok = false;
    std::string coq_error;
    {
        CoqExport ex = export_coq(corpus);
        fs::path vfile = work / "ICLKernel.v";
        { std::ofstream f(vfile); f << ex.text; }
        ProcessResult r = run("cd " + shell_quote(work.string()) + " && " + shell_quote(opt.coqc) +
                              " -time -q ICLKernel.v");
        coq_total = r.seconds;
        coq_file_ok = r.status == 0;
        std::map<std::string, std::string> id_of;  // coq name -> id
        for (const auto& sp : ex.theorems) {
            id_of[sp.coq_name] = sp.id;
            coq[sp.id].ran = true;
        }
        static const std::regex chars_re(R"(^Chars (\d+) - (\d+) \[.*\] ([0-9.eE+-]+) secs)");
        static const std::regex err_re(R"(File "[^"]*", line (\d+), characters (\d+)-(\d+):)");
        std::istringstream in(r.output);
        std::string line, current;  // current: theorem whose assumptions are being read ("" none)
        bool collecting = false;
        std::size_t error_offset = std::string::npos;
        for (std::string l; std::getline(in, l);) {
            std::smatch m;
            if (std::regex_search(l, m, chars_re)) {
                std::size_t a = std::stoul(m[1]);
                double t = std::stod(m[3]);
                for (const auto& sp : ex.theorems)
                    if (a >= sp.begin && a < sp.end) {
                        coq[sp.id].seconds += t;
                        coq_proofs += t;
                    }
                if (l.find("[Print~Assumptions") != std::string::npos) coq_print_assumptions += t;
                if (collecting && l.find("[Print~Assumptions") != std::string::npos) collecting = false;
                continue;
            }
            if (std::regex_search(l, m, err_re)) {
                // offset of the start of that line in the file
                std::size_t lineno = std::stoul(m[1]), off = 0;
                for (std::size_t k = 1; k < lineno && off != std::string::npos; ++k) {
                    off = ex.text.find('\n', off);
                    if (off != std::string::npos) ++off;
                }
                if (off != std::string::npos) error_offset = off + std::stoul(m[2]);
                coq_error = l;
                continue;
            }
            if (l.rfind(kCoqAssumptionMarker, 0) == 0) {
                current = l.substr(std::string(kCoqAssumptionMarker).size());
                collecting = true;
                if (current != "icl_baseline" && id_of.count(current)) coq[id_of[current]].reached = true;
                continue;
            }
            if (l.rfind("Error", 0) == 0) {
                coq_error += (coq_error.empty() ? "" : " ") + l;
                continue;
            }
            if (!collecting || l.empty() || l[0] == ' ' || l == "Axioms:" ||
                l.find("Closed under the global context") != std::string::npos)
                continue;
            std::string axiom = l.substr(0, l.find(' '));
            if (current == "icl_baseline") baseline.insert(axiom);
            else if (id_of.count(current)) coq[id_of[current]].axioms.push_back(axiom);
        }
        const auto& allowed = coq_allowed_axioms();
        for (const auto& sp : ex.theorems) {
            CoqResult& c = coq[sp.id];
            bool axioms_ok = true;
            for (const auto& a : c.axioms)
                if (std::find(allowed.begin(), allowed.end(), a) == allowed.end()) {
                    axioms_ok = false;
                    c.note += "unexpected assumption " + a + "; ";
                }
            if (error_offset != std::string::npos && error_offset >= sp.begin && error_offset < sp.end)
                c.note += "coqc: " + coq_error;
            else if (!c.reached)
                c.note += "not reached (coqc stopped at an earlier error)";
            c.ok = c.reached && axioms_ok;
            sum.coq_ok += c.ok;
        }
        if (!coq_file_ok && coq_error.empty()) coq_error = first_line(r.output);
    }

    // ---- z3: every problem, one process each, with a hard timeout
    std::string z3_version = first_line(run(shell_quote(opt.z3) + " --version").output);
    std::map<std::string, Z3Cell> z3_valid, z3_sat;
    double z3_valid_s = 0, z3_sat_s = 0, z3_max = 0;
    std::string z3_max_file;
    {
        auto problems = export_smtlib(corpus, opt.dims, limits);
        fs::path dir = work / "smtlib";
        write_smtlib(problems, dir.string());
        sum.problems = problems.size();
        for (const auto& p : problems) {
            ProcessResult r = run(fmt::format("{} -T:{} {}", shell_quote(opt.z3), opt.timeout_seconds,
                                              shell_quote((dir / p.file_name).string())));
            std::string answer = first_line(r.output);
            if (answer.empty()) answer = "no answer";
            Z3Cell& cell = p.kind == "valid" ? z3_valid[p.theorem_id] : z3_sat[p.theorem_id];
            ++cell.total;
            cell.seconds += r.seconds;
            (p.kind == "valid" ? z3_valid_s : z3_sat_s) += r.seconds;
            if (r.seconds > z3_max) { z3_max = r.seconds; z3_max_file = p.file_name; }
            if (answer == p.expected) ++cell.good;
            else cell.bad.push_back((p.dimension >= 0 ? fmt::format("d={}: ", p.dimension) : "") + answer);
        }
    }

    // ---- render
    std::ostringstream md;
    md << "# External checks\n\n"
       << "Generated by `icl-kernel external-report --out docs/external-checks.md` (do not edit by hand).\n"
       << "Tools: " << (coq_version.empty() ? "coqc (version unknown)" : coq_version) << "; "
       << (z3_version.empty() ? "z3 (version unknown)" : z3_version) << ".\n\n";

    std::vector<const frontend::TheoremEntry*> thm_ptrs;
    for (const auto& t : thms) thm_ptrs.push_back(&t);
    const IndependenceReport indep = independence(thm_ptrs);  // computed up to renaming, not declared
    const std::size_t independent = indep.independent;
    for (std::size_t i = 0; i < thms.size(); ++i) {
        const auto& id = thms[i].theorem.id;
        const auto& v = z3_valid[id];
        const auto& s = z3_sat[id];
        sum.z3_valid_ok += v.total > 0 && v.good == v.total;
        sum.z3_nonvacuous_ok += s.total > 0 && s.good == s.total;
    }
    sum.all_ok = sum.theorems > 0 && sum.kernel_ok == sum.theorems && sum.coq_ok == sum.theorems &&
                 sum.z3_valid_ok == sum.theorems && sum.z3_nonvacuous_ok == sum.theorems && coq_file_ok;

    md << "## Summary\n\n"
       << "| check | confirmed | time |\n|---|---|---|\n"
       << fmt::format("| kernel (`icl-kernel check`: certificate and witness) | {} / {} | {} total |\n",
                      sum.kernel_ok, sum.theorems, ms([&] { double t = 0; for (double x : kernel_s) t += x; return t; }()))
       << fmt::format("| Coq: `coqc` proves the exported theorem, assumptions only the reals' axioms | {} / {} | "
                      "{} in the theorems' sentences; whole file {} wall, of which `Print Assumptions` {} |\n",
                      sum.coq_ok, sum.theorems, ms(coq_proofs), ms(coq_total), ms(coq_print_assumptions))
       << fmt::format("| z3: hypotheses ∧ ¬goal is `unsat` (valid) | {} / {} | {} total |\n", sum.z3_valid_ok,
                      sum.theorems, ms(z3_valid_s))
       << fmt::format("| z3: hypotheses are `sat` (not vacuous) | {} / {} | {} total |\n\n", sum.z3_nonvacuous_ok,
                      sum.theorems, ms(z3_sat_s));
    md << fmt::format("z3 ran on {} SMT-LIB problems (one process each, limit {} s per problem); slowest {} ({}). ",
                      sum.problems, opt.timeout_seconds, ms(z3_max), z3_max_file);
    {
        std::ifstream la("/proc/loadavg");
        std::string load;
        la >> load;
        md << fmt::format("Times are wall-clock on this machine ({} hardware threads{}); they vary with load.\n\n",
                          std::thread::hardware_concurrency(), load.empty() ? "" : ", load average " + load + " at the end");
    }
    md << fmt::format("{} theorem statements, {} independent", sum.theorems, independent);
    for (const auto& t : thms)
        if (!t.duplicate_of.empty())
            md << fmt::format(" ({} `{}` is byte-identical to {} and is not independent evidence)", t.theorem.id,
                              t.theorem.name, t.duplicate_of);
    md << ".";
    for (const auto& c : indep.classes) md << " " << class_text(c) << ".";
    md << "\n";
    if (!coq_file_ok) md << "\n**coqc did not accept the file:** " << md_escape(coq_error) << "\n";
    md << "\nAllowed Coq assumptions (what `Print Assumptions` lists for a trivial `lra` proof over `R` in this "
          "Coq, the axioms of the standard library's classical Dedekind reals): ";
    for (std::size_t i = 0; i < coq_allowed_axioms().size(); ++i)
        md << (i ? ", " : "") << "`" << coq_allowed_axioms()[i] << "`";
    md << ". Baseline observed in this run (`icl_baseline`, a one-line `lra` lemma in the file): ";
    if (baseline.empty()) md << "none";
    std::size_t bi = 0;
    for (const auto& b : baseline) md << (bi++ ? ", " : "") << "`" << b << "`";
    md << ".\n\n";

    md << "## Per theorem\n\n"
       << "Times: kernel = certificate + witness check in-process; Coq = sum of `coqc -time` over the theorem's "
          "sentences (statement, tactics, `Qed`; `-time` resolution 1 ms), excluding start-up, prelude and `Print Assumptions`; z3 = wall time of the "
          "`z3` processes (start-up included), summed over the instances d = "
       << [&] { std::string s; for (auto d : opt.dims) s += (s.empty() ? "" : ",") + std::to_string(d); return s; }()
       << " for MN1–MN3.\n\n"
       << "| id | name | kernel | Coq | z3 valid (unsat) | z3 non-vacuous (sat) |\n|---|---|---|---|---|---|\n";
    for (std::size_t i = 0; i < thms.size(); ++i) {
        const auto& e = thms[i];
        const auto& id = e.theorem.id;
        std::string name = "`" + e.theorem.name + "`";
        if (!e.duplicate_of.empty()) name += " (duplicate of " + e.duplicate_of + ")";
        std::string k = kernel_ok[i] ? "✓ " + ms(kernel_s[i]) : "✗ " + md_escape(kernel_msg[i]);
        const CoqResult& c = coq[id];
        std::string coq_time = c.seconds < 0.0005 ? "<1 ms" : fmt::format("{:.0f} ms", c.seconds * 1000);
        std::string cq = c.ok ? "✓ " + coq_time : "✗ " + md_escape(c.note);
        auto z3cell = [&](const Z3Cell& z) {
            if (z.total == 0) return std::string("—");
            std::string dims = z.total > 1 ? fmt::format(" ({} instances)", z.total) : "";
            if (z.good == z.total) return "✓ " + ms(z.seconds) + dims;
            std::string bad;
            for (const auto& b : z.bad) bad += (bad.empty() ? "" : ", ") + b;
            return "✗ " + md_escape(bad);
        };
        md << "| " << id << " | " << name << " | " << k << " | " << cq << " | " << z3cell(z3_valid[id]) << " | "
           << z3cell(z3_sat[id]) << " |\n";
    }

    md << R"(
## What each check establishes — and what it does not

**Kernel** (`icl-kernel check`). The trusted C++ kernel replays each certificate (ring normalisation,
linear combinations, Positivstellensatz trees, the three finite-sum rules) over exact rationals and checks
that the witness satisfies every hypothesis exactly. It establishes the theorems *if the kernel (the
project's own code) is correct*, MN1–MN3 for every d through its finite-sum rules.

**Coq** (`icl-kernel export coq`, test `coq_export_compiles`). Every statement is re-stated over Coq's real
numbers `R` and proved from the same certificate: each product of a Positivstellensatz tree and each multiple
of an equality becomes an explicit fact built from small lemmas proved in the file's prelude
(`icl_mul_ge_ge`, `icl_add_gt_ge`, …), and `lra` closes the goal, i.e. Coq re-checks that the certificate's
polynomial identity holds. Finite sums are `lsum d f = fold_right Rplus 0 (map f (seq 0 d))` (standard
`List` functions); `sum_nonneg`, `sum_le_sum`, `sum_congr` are lemmas `lsum_nonneg`, `lsum_le`/`lsum_ge`,
`lsum_congr` proved by induction in the file, so MN1–MN3 are proved for **all** d. `Print Assumptions` after
each theorem must list only the axioms above. This establishes the statements as *the exporter wrote them*,
independently of the kernel; it does not show that the exporter translated the corpus faithfully (a reader
can compare the `.v` statements with `docs/theorems.md`), and it trusts Coq and the reals' axioms.

**z3 validity** (`icl-kernel export smtlib DIR`, test `z3_valid_and_nonvacuous`). For every statement,
hypotheses ∧ ¬(goal₁ ∧ … ∧ goalₙ) in QF_NRA, definitions unfolded, must be `unsat`. This is a decision
procedure that does not look at the certificates at all. For MN1–MN3 it only covers the instances
d = 1…4 (families become d real variables, sums are expanded) — evidence, not a proof, for general d.
It trusts z3 and the SMT-LIB translation.

**z3 non-vacuity.** The hypotheses alone must be `sat`, so no theorem holds merely because its hypotheses
are contradictory. The kernel already checks an exact witness; z3 confirms it independently (again only for
d = 1…4 in MN1–MN3).

None of these checks says that a statement means what the paper means: that is judged by reading the
statements (`docs/theorems.md`, the corpus `<doc>` and `<deviation>` texts).
)";
    sum.markdown = md.str();
    return sum;
}

}  // namespace icl::export_
