// Provenance stamp for the Lean export (untrusted): a JSON file next to the Lean file recording what it
// was generated from (corpus SHA-256, per-theorem statement hashes, tool version, toolchain, counts)
// and whether Lean checked it. `verify_stamp` is the drift gate behind `icl-kernel stamp verify`.
#pragma once

#include "frontend/corpus.hpp"
#include "kernel/kernel.hpp"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace icl::leanexp {

inline constexpr int kStampFormatVersion = 1;

// SHA-256 (OpenSSL EVP) as lowercase hex.
std::string sha256_hex(const std::string& bytes);

// Canonical text of one theorem's statement (variables, hypotheses, goals, with the definitions it
// uses); its SHA-256 is the per-theorem hash in the stamp.
std::string statement_text(const frontend::TheoremEntry& e, const frontend::Corpus& corpus);

// Result of tests/lean_driver.sh (`key=value` lines): whether `lake env lean` ran and how it ended.
struct LeanCheckResult {
    bool ran = false;
    int exit_code = -1;
    bool passed = false;       // exit 0, no sorry warning, axioms within {propext, Classical.choice, Quot.sound}
    int sorry_warnings = 0;
    int bad_axioms = 0;
    int axiom_reports = 0;     // `#print axioms` answers seen
    std::string reason;        // why it did not run / why it failed
};
LeanCheckResult parse_lean_result(const std::string& text);  // throws std::runtime_error on bad input

// The stamp for `lean_text` exported from `corpus`. Runs the kernel to count verified declarations.
// `check` is the Lean result to record; when it is null, the `lean_check` record of `previous` (the stamp
// on disk, if any) is kept verbatim while `previous` records the same Lean file SHA-256, and is replaced
// by "not checked: the Lean file changed since the recorded check …" when the hash differs.
nlohmann::json make_stamp(const frontend::Corpus& corpus, const std::string& lean_text,
                          const LeanCheckResult* check, const kernel::Limits& limits = {},
                          const nlohmann::json* previous = nullptr);
// The `lean_check` record written when nothing was recorded before.
nlohmann::json default_lean_check();
// Deterministic serialisation (sorted keys, 2-space indent, final newline).
std::string stamp_text(const nlohmann::json& stamp);

struct VerifyReport {
    std::vector<std::string> problems;  // empty iff corpus, Lean file and stamp agree
    bool ok() const { return problems.empty(); }
};

// Drift gate: compares the corpus, `lean_dir`/TransformerICL_gradient_descent.lean, its stamp and the
// toolchain files, naming what drifted (theorem edited without re-export, Lean file edited by hand,
// stale stamp, exporter changed).
VerifyReport verify_stamp(const frontend::Corpus& corpus, const std::filesystem::path& lean_dir,
                          const kernel::Limits& limits = {});

}  // namespace icl::leanexp
