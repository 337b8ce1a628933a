// Provenance stamp and drift gate for the Lean export. See export/stamp.hpp.
#include "frontend/witness.hpp"
#include "export/stamp.hpp"

#include "export/independence.hpp"
#include "export/lean.hpp"

#include <openssl/evp.h>

#include <algorithm>
#include <fstream>
#include <iomanip>
#include <memory>
#include <set>
#include <sstream>
#include <stdexcept>

namespace icl::leanexp {

namespace fs = std::filesystem;

std::string sha256_hex(const std::string& bytes) {
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    if (!ctx || EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr) != 1 ||
        EVP_DigestUpdate(ctx.get(), bytes.data(), bytes.size()) != 1 ||
        EVP_DigestFinal_ex(ctx.get(), md, &len) != 1)
        throw std::runtime_error("OpenSSL SHA-256 failed");
    std::ostringstream os;
    for (unsigned int i = 0; i < len; ++i) os << std::hex << std::setw(2) << std::setfill('0') << static_cast<int>(md[i]);
    return os.str();
}

namespace {

void calls(const kernel::Term& t, std::set<std::string>& out) {
    if (t.kind == kernel::Term::Kind::Apply) out.insert(t.name);
    for (const auto& a : t.args)
        if (a) calls(*a, out);
}

std::string read_file(const fs::path& p, bool& ok) {
    std::ifstream in(p, std::ios::binary);
    ok = static_cast<bool>(in);
    if (!ok) return {};
    std::ostringstream os;
    os << in.rdbuf();
    return os.str();
}

std::size_t count_word(const std::string& text, const std::string& w) {
    // occurrences of `w` as a whole word outside Lean comments
    std::size_t n = 0;
    int depth = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (depth == 0 && text.compare(i, 2, "--") == 0) {
            std::size_t j = text.find('\n', i);
            if (j == std::string::npos) break;
            i = j;
            continue;
        }
        if (text.compare(i, 2, "/-") == 0) {
            ++depth;
            ++i;
            continue;
        }
        if (depth > 0 && text.compare(i, 2, "-/") == 0) {
            --depth;
            ++i;
            continue;
        }
        if (depth > 0) continue;
        auto word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '\''; };
        if (text.compare(i, w.size(), w) == 0 && (i == 0 || !word(text[i - 1])) &&
            (i + w.size() >= text.size() || !word(text[i + w.size()])))
            ++n;
    }
    return n;
}

}  // namespace

std::string statement_text(const frontend::TheoremEntry& e, const frontend::Corpus& corpus) {
    const kernel::Statement& s = e.theorem.statement;
    std::ostringstream os;
    auto list = [&](const char* k, const std::vector<std::string>& v) {
        os << k << ":";
        for (const auto& x : v) os << " " << x;
        os << "\n";
    };
    os << "name: " << e.theorem.name << "\n";
    list("real", s.reals);
    list("nat", s.nats);
    list("family", s.families);
    std::set<std::string> used;
    for (std::size_t i = 0; i < s.hypotheses.size(); ++i) {
        const auto& h = s.hypotheses[i];
        os << "hyp " << h.name;
        if (!h.forall_index.empty()) os << " forall " << h.forall_index << " < " << h.forall_bound;
        os << ": " << (i < e.hypothesis_text.size() ? e.hypothesis_text[i] : frontend::to_text(h.prop)) << "\n";
        calls(*h.prop.lhs, used);
        calls(*h.prop.rhs, used);
    }
    for (std::size_t i = 0; i < s.goals.size(); ++i) {
        os << "goal: " << (i < e.goal_text.size() ? e.goal_text[i] : frontend::to_text(s.goals[i])) << "\n";
        calls(*s.goals[i].lhs, used);
        calls(*s.goals[i].rhs, used);
    }
    // definitions the statement uses, transitively, as written
    bool grew = true;
    while (grew) {
        grew = false;
        for (const auto& d : corpus.definitions)
            if (used.count(d.definition.name)) {
                std::size_t before = used.size();
                calls(*d.definition.body, used);
                grew = grew || used.size() != before;
            }
    }
    for (const auto& d : corpus.definitions) {
        if (!used.count(d.definition.name)) continue;
        os << "def " << d.definition.name << "(";
        for (std::size_t i = 0; i < d.definition.params.size(); ++i) os << (i ? " " : "") << d.definition.params[i];
        os << ") := " << d.text << "\n";
    }
    if (!e.duplicate_of.empty()) os << "duplicate-of: " << e.duplicate_of << "\n";
    return os.str();
}

LeanCheckResult parse_lean_result(const std::string& text) {
    LeanCheckResult r;
    std::istringstream is(text);
    std::string line;
    bool any = false;
    while (std::getline(is, line)) {
        if (line.empty() || line[0] == '#') continue;
        auto eq = line.find('=');
        if (eq == std::string::npos) throw std::runtime_error("lean result: line without `=`: " + line);
        std::string k = line.substr(0, eq), v = line.substr(eq + 1);
        any = true;
        auto num = [&](const std::string& x) {
            try {
                return std::stoi(x);
            } catch (const std::exception&) {
                throw std::runtime_error("lean result: " + k + " is not a number: " + x);
            }
        };
        if (k == "ran") r.ran = num(v) != 0;
        else if (k == "exit_code") r.exit_code = num(v);
        else if (k == "passed") r.passed = num(v) != 0;
        else if (k == "sorry_warnings") r.sorry_warnings = num(v);
        else if (k == "bad_axioms") r.bad_axioms = num(v);
        else if (k == "axiom_reports") r.axiom_reports = num(v);
        else if (k == "reason") r.reason = v;
        else throw std::runtime_error("lean result: unknown key " + k);
    }
    if (!any) throw std::runtime_error("lean result: empty file");
    // `passed` is only believed when it is consistent with the numbers
    if (r.passed && (!r.ran || r.exit_code != 0 || r.sorry_warnings != 0 || r.bad_axioms != 0))
        throw std::runtime_error("lean result: passed=1 contradicts the recorded exit code / warnings");
    return r;
}

nlohmann::json default_lean_check() {
    return {{"checked", false},
            {"reason", "not run by this command: run `ctest -R lean_export_compiles`, then "
                       "`icl-kernel stamp --lean-result <build>/lean_check_result.txt`"}};
}

nlohmann::json make_stamp(const frontend::Corpus& corpus, const std::string& lean_text,
                          const LeanCheckResult* check, const kernel::Limits& limits,
                          const nlohmann::json* previous) {
    nlohmann::json j;
    j["format_version"] = kStampFormatVersion;
    j["tool"] = {{"name", "icl-kernel"}, {"version", ICL_VERSION}};
    j["corpus"] = {{"files", corpus.files}, {"sha256", sha256_hex(corpus.canonical_bytes)}};
    j["lean_file"] = {{"path", kLeanFileName}, {"sha256", sha256_hex(lean_text)}, {"bytes", lean_text.size()}};
    j["lean_toolchain"] = kLeanToolchain;
    j["mathlib_rev"] = kMathlibRev;
    j["mathlib_commit"] = kMathlibCommit;
    j["mathlib_pin_source"] = kMathlibPinSource;
    j["lake_manifest_sha256"] = sha256_hex(lake_manifest_text());

    std::size_t ok = 0;
    const export_::IndependenceReport indep = export_::independence(corpus, limits);  // computed, not declared
    nlohmann::json ths = nlohmann::json::array();
    const std::vector<kernel::CheckResult> proofs = frontend::check_corpus(corpus, limits);
    for (std::size_t ti = 0; ti < corpus.theorems.size(); ++ti) {
        const auto& e = corpus.theorems[ti];
        bool verified = proofs[ti].verdict == kernel::Verdict::Verified &&
                        frontend::check_witness(e.theorem.statement, e.theorem.witness, limits).verdict ==
                            kernel::Verdict::Verified;
        ok += verified;
        nlohmann::json t = {{"id", e.theorem.id},
                            {"name", e.theorem.name},
                            {"lean_name", std::string(kLeanNamespace) + "." + e.theorem.name},
                            {"statement_sha256", sha256_hex(statement_text(e, corpus))},
                            {"kernel_verified", verified}};
        if (!e.duplicate_of.empty()) t["duplicate_of"] = e.duplicate_of;
        if (e.derived) t["derived"] = true;
        if (!e.uses.empty()) t["uses"] = e.uses;  // the theorems its certificates instantiate
        if (auto it = indep.same_as.find(e.theorem.id); it != indep.same_as.end()) t["same_as"] = it->second;
        ths.push_back(t);
    }
    j["theorems"] = ths;
    nlohmann::json classes = nlohmann::json::array();
    for (const auto& c : indep.classes) classes.push_back(c.ids);
    j["independence_classes"] = classes;  // statements equal up to renaming (export/independence.hpp)
    std::size_t defs = corpus.definitions.size();
    std::size_t derived = 0;
    for (const auto& e : corpus.theorems) derived += e.derived;
    j["counts"] = {{"statements", corpus.theorems.size() - derived},
                   {"derived_declarations", derived},
                   {"independent_statements", indep.independent},
                   {"axioms", count_word(lean_text, "axiom")},
                   {"sorry", count_word(lean_text, "sorry") + count_word(lean_text, "admit") +
                                 count_word(lean_text, "native_decide")},
                   {"lean_theorems", count_word(lean_text, "theorem")},
                   {"definitions_unfolded", defs},
                   {"declarations", corpus.theorems.size() + defs},
                   {"ok", ok + defs},
                   {"theorems_ok", ok}};
    nlohmann::json lc;
    const std::string lean_sha = sha256_hex(lean_text);
    auto previous_check = [&]() -> const nlohmann::json* {
        if (!previous || !previous->is_object() || !previous->contains("lean_check")) return nullptr;
        const nlohmann::json& p = (*previous)["lean_check"];
        return p.is_object() && p.contains("checked") ? &p : nullptr;
    };
    auto previous_lean_sha = [&]() -> std::string {
        try {
            return previous->at("lean_file").at("sha256").get<std::string>();
        } catch (const std::exception&) {
            return {};
        }
    };
    if (!check && previous_check()) {
        const nlohmann::json& p = *previous_check();
        if (previous_lean_sha() == lean_sha) {
            lc = p;  // same Lean file: what was recorded still holds
        } else if (p == default_lean_check()) {
            lc = p;
        } else {
            std::string was = p.value("checked", false) ? (p.value("passed", false) ? "passed" : "failed")
                                                        : "not run: " + p.value("reason", std::string("?"));
            lc = {{"checked", false},
                  {"reason", "the Lean file changed since the recorded Lean check (SHA-256 " +
                                 previous_lean_sha().substr(0, 16) + "… → " + lean_sha.substr(0, 16) +
                                 "…; the recorded result, " + was +
                                 ", was dropped): run `ctest -R lean_export_compiles`, then "
                                 "`icl-kernel stamp --lean-result <build>/lean_check_result.txt`"}};
        }
    } else if (!check) {
        lc = default_lean_check();
    } else if (!check->ran) {
        lc = {{"checked", false}, {"reason", check->reason.empty() ? "lake not available" : check->reason}};
    } else {
        lc = {{"checked", true},
              {"exit_code", check->exit_code},
              {"passed", check->passed},
              {"sorry_warnings", check->sorry_warnings},
              {"axioms_outside_standard", check->bad_axioms},
              {"axiom_reports", check->axiom_reports}};
        if (!check->reason.empty()) lc["reason"] = check->reason;
    }
    j["lean_check"] = lc;
    return j;
}

std::string stamp_text(const nlohmann::json& stamp) { return stamp.dump(2) + "\n"; }

VerifyReport verify_stamp(const frontend::Corpus& corpus, const fs::path& lean_dir, const kernel::Limits& limits) {
    VerifyReport r;
    auto problem = [&](const std::string& m) { r.problems.push_back(m); };
    const fs::path lean_path = lean_dir / kLeanFileName;
    const fs::path stamp_path = lean_dir / kStampFileName;
    bool have_lean = false, have_stamp = false;
    const std::string lean_text = read_file(lean_path, have_lean);
    const std::string stamp_raw = read_file(stamp_path, have_stamp);
    if (!have_lean) problem("missing " + lean_path.string() + ": run `icl-kernel export lean`");
    if (!have_stamp) problem("missing " + stamp_path.string() + ": run `icl-kernel export lean`");
    if (!have_lean || !have_stamp) return r;

    nlohmann::json stamp;
    try {
        stamp = nlohmann::json::parse(stamp_raw);
    } catch (const std::exception& e) {
        problem("stamp is not valid JSON (" + std::string(e.what()) + "): the stamp was edited; re-export");
        return r;
    }
    auto get_str = [&](const nlohmann::json& o, const char* a, const char* b) -> std::string {
        try {
            return o.at(a).at(b).get<std::string>();
        } catch (const std::exception&) {
            return {};
        }
    };

    // What the current corpus and exporter would write.
    std::string regen_text;
    std::vector<LeanTheoremBlock> regen_blocks;
    std::string export_error;
    try {
        LeanFile f = export_lean(corpus);
        regen_text = std::move(f.text);
        regen_blocks = std::move(f.theorems);
    } catch (const std::exception& e) {
        export_error = e.what();
    }

    const std::string corpus_sha = sha256_hex(corpus.canonical_bytes);
    const std::string lean_sha = sha256_hex(lean_text);
    const bool corpus_ok = get_str(stamp, "corpus", "sha256") == corpus_sha;
    const bool lean_ok = get_str(stamp, "lean_file", "sha256") == lean_sha;
    const bool regen_ok = export_error.empty() && regen_text == lean_text;

    // Which theorems' statements changed since the stamp was written.
    std::vector<std::string> changed;
    {
        std::map<std::string, std::string> old;
        if (stamp.contains("theorems") && stamp["theorems"].is_array())
            for (const auto& t : stamp["theorems"])
                if (t.contains("name") && t.contains("statement_sha256"))
                    old[t["name"].get<std::string>()] = t["statement_sha256"].get<std::string>();
        std::set<std::string> now;
        for (const auto& e : corpus.theorems) {
            now.insert(e.theorem.name);
            auto it = old.find(e.theorem.name);
            if (it == old.end())
                changed.push_back(e.theorem.id + " " + e.theorem.name + " (new)");
            else if (it->second != sha256_hex(statement_text(e, corpus)))
                changed.push_back(e.theorem.id + " " + e.theorem.name + " (statement changed)");
        }
        for (const auto& [name, h] : old)
            if (!now.count(name)) changed.push_back(name + " (removed from the corpus)");
    }
    // Which theorem blocks of the Lean file differ from what the exporter writes now.
    std::vector<std::string> differing_blocks;
    for (const auto& b : regen_blocks)
        if (lean_text.find(b.text) == std::string::npos) differing_blocks.push_back(b.id + " " + b.name);
    auto join = [](const std::vector<std::string>& v) {
        std::string s;
        for (std::size_t i = 0; i < v.size() && i < 12; ++i) s += (i ? ", " : "") + v[i];
        if (v.size() > 12) s += ", … (" + std::to_string(v.size()) + " in all)";
        return s;
    };

    if (!export_error.empty())
        problem("the corpus no longer exports to Lean: " + export_error);
    if (!corpus_ok && !regen_ok && lean_ok) {
        std::string m = "corpus drifted: theorems/*.xml changed after the Lean export (corpus SHA-256 " +
                        corpus_sha.substr(0, 16) + "… vs stamp " + get_str(stamp, "corpus", "sha256").substr(0, 16) + "…)";
        if (!changed.empty()) m += "; edited theorems: " + join(changed);
        else if (!differing_blocks.empty()) m += "; theorems whose Lean text changes: " + join(differing_blocks);
        problem(m + ". Re-run `icl-kernel export lean` and commit lean/.");
    }
    if (!lean_ok && !regen_ok && corpus_ok) {
        std::string m = "Lean file edited by hand: " + lean_path.string() + " (SHA-256 " + lean_sha.substr(0, 16) +
                        "…) is neither what the stamp records nor what the corpus exports to";
        if (!differing_blocks.empty()) m += "; differing theorems: " + join(differing_blocks);
        problem(m + ". Re-run `icl-kernel export lean` (edits belong in theorems/*.xml).");
    }
    if (!lean_ok && !regen_ok && !corpus_ok) {
        std::string m = "corpus and Lean file both drifted from the stamp";
        if (!changed.empty()) m += "; edited theorems: " + join(changed);
        problem(m + ". Re-run `icl-kernel export lean`.");
    }
    if (regen_ok && (!corpus_ok || !lean_ok))
        problem(std::string("stale stamp: the Lean file matches the corpus but ") + kStampFileName + " records " +
                (!corpus_ok ? "an older corpus SHA-256" : "another Lean file SHA-256") +
                ". Re-run `icl-kernel export lean` (or `icl-kernel stamp`).");
    if (!regen_ok && corpus_ok && lean_ok && export_error.empty()) {
        std::string m = "Lean file out of date with the exporter (stamp written by icl-kernel " +
                        get_str(stamp, "tool", "version") + ", this is " + ICL_VERSION + ")";
        if (!differing_blocks.empty()) m += "; differing theorems: " + join(differing_blocks);
        problem(m + ". Re-run `icl-kernel export lean`.");
    }
    if (r.ok()) {
        // Hashes agree: every other recorded field must be what the stamp command writes now.
        nlohmann::json fresh = make_stamp(corpus, lean_text, nullptr, limits);
        for (const auto& [key, value] : fresh.items()) {
            if (key == "lean_check") continue;
            if (!stamp.contains(key) || stamp[key] != value)
                problem("stale stamp: field `" + key + "` differs from what `icl-kernel stamp` writes now. "
                        "Re-run `icl-kernel export lean` (or `icl-kernel stamp`).");
        }
        for (const auto& [key, value] : stamp.items())
            if (!fresh.contains(key)) problem("stale stamp: unknown field `" + key + "`");
        if (!stamp.contains("lean_check") || !stamp["lean_check"].is_object() ||
            !stamp["lean_check"].contains("checked"))
            problem("stale stamp: missing the `lean_check` record");
        else if (stamp["lean_check"]["checked"] == true && stamp["lean_check"].value("passed", false) != true)
            problem("the stamp records a failed Lean check (exit code " +
                    stamp["lean_check"].value("exit_code", nlohmann::json(-1)).dump() + ")");
    }
    // Toolchain files.
    bool have_tc = false, have_lake = false;
    std::string tc = read_file(lean_dir / "lean-toolchain", have_tc);
    std::string lake = read_file(lean_dir / "lakefile.toml", have_lake);
    if (!have_tc || tc != lean_toolchain_text())
        problem("lean/lean-toolchain is missing or not `" + std::string(kLeanToolchain) + "`");
    if (!have_lake || lake != lakefile_text())
        problem("lean/lakefile.toml is missing or differs from what `icl-kernel export lean` writes (Mathlib " +
                std::string(kMathlibRev) + ")");
    bool have_manifest = false;
    std::string manifest = read_file(lean_dir / kLakeManifestFileName, have_manifest);
    if (!have_manifest || manifest != lake_manifest_text())
        problem("lean/lake-manifest.json is missing or differs from what `icl-kernel export lean` writes (Mathlib " +
                std::string(kMathlibCommit) + ")");
    return r;
}

}  // namespace icl::leanexp
