// Corpus tests: the built-in corpus is exactly the spec's 81 statements, every theorem checks, every
// witness holds, and docs/theorems.md is the catalogue of the corpus as it is.
#include "frontend/witness.hpp"
#include "export/catalogue.hpp"
#include "frontend/corpus.hpp"
#include "frontend/certificate.hpp"
#include "kernel/kernel.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

using namespace icl;

namespace {
// ../shared/spec/theorems.md, rows in order (the two unnumbered core identities get ids LD and ER).
const std::vector<std::pair<std::string, std::string>> kSpec = {
    {"A1", "attention_update_is_gd_step"},
    {"A2", "in_context_gradient_is_curvature_times_error"},
    {"LD", "loss_decrease_identity"},
    {"A3", "stable_step_factor_nonneg"},
    {"A4", "grad_sq_nonneg"},
    {"A5", "gd_decreases_loss"},
    {"ER", "error_recursion_identity"},
    {"A6", "contraction_factor_sq_le_one"},
    {"A7", "contraction_reduces_error"},
    {"B1", "softmax_prediction_lower_bound"},
    {"B2", "softmax_prediction_upper_bound"},
    {"B3", "softmax_concentration_accelerates"},
    {"B4", "softmax_moderation_accelerates"},
    {"B5", "curvature_squares_under_concentration"},
    {"B6", "concentration_amplifies_gradient"},
    {"B7", "optimal_preconditioning_zeroes_contraction"},
    {"C1", "contraction_compounds"},
    {"C2", "depth_strictly_improves"},
    {"C3", "two_layer_error_bound"},
    {"C4", "three_layer_error_bound"},
    {"D1", "total_loss_descent"},
    {"D2", "optimal_step_balances_contraction"},
    {"D3", "condition_rate_bounded"},
    {"V1", "construction_realizes_gd_step"},
    {"V2", "composite_gain_positive"},
    {"V3", "gains_realize_newton_convergence"},
    {"M1", "matrix_update_energy_decomposition"},
    {"M2", "matrix_frobenius_contraction"},
    {"M3", "single_gain_newton_impossible"},
    {"MN1", "frobenius_energy_nonneg"},
    {"MN2", "frobenius_contraction_full"},
    {"MN3", "frobenius_update_energy_decomposition"},
    {"E1", "interference_destroys_newton_convergence"},
    {"E2", "large_interference_worsens_contraction"},
    {"E3", "interference_degradation_bounded"},
    {"I1", "capacity_computation_bridge"},
    {"I2", "overpacking_degrades_optimum"},
    {"I3", "convergence_floor_compounds"},
    {"P1", "instability_beyond_stability_window"},
    {"P2", "overshoot_monotone_degradation"},
    {"G1", "strict_contraction_in_stability_window"},
    {"G2", "more_curvature_faster_convergence"},
    {"T1", "no_curvature_no_learning"},
    {"T2", "emergence_gap_positive"},
    {"H1", "wider_spread_worse_rate"},
    {"S1", "scaling_exponent_positive"},
    {"S2", "scaling_monotone_in_decay"},
    {"S3", "effective_dim_decreases_with_decay"},
    {"S4", "capacity_scaling_tradeoff"},
    {"S5", "universality_breakdown"},
    {"SM1", "attention_sink_achieves_newton_step"},
    {"SM2", "near_newton_quadratic_rate"},
    {"SM3", "softmax_advantage_compounds"},
    {"SM4", "sink_hurts_in_undershoot"},
    {"SM5", "multihead_product_zero"},
    {"F1", "adaptive_beats_uniform"},
    {"F2", "mixed_preconditioning_helps"},
    {"MH1", "per_head_newton_achievable"},
    {"MH2", "two_matched_heads_zero_contraction"},
    {"MH3", "single_head_residual_gain_spread"},
    {"MH4", "multihead_advantage_positive"},
    {"MH5", "shared_gain_irreducible_floor"},
    {"MH6", "rate_monotone_in_conditioning"},
    {"MH7", "geometric_head_doubling_improves"},
    {"MH8", "optimal_gain_attains_rate"},
    {"W1", "training_loss_tracks_contraction"},
    {"W2", "optimal_gain_zeros_contraction"},
    {"W3", "suboptimal_gain_has_positive_loss"},
    {"W4", "no_spurious_minima"},
    {"SA1", "gain_update_monotone_early_regime"},
    {"SA2", "larger_eigenvalue_converges_faster"},
    {"SA3", "gd_monotone_gain_increase"},
    {"N1", "more_context_faster_convergence"},
    {"N2", "context_length_controls_gap"},
    {"N3", "critical_context_threshold"},
    {"N4", "context_diminishing_returns"},
    {"DC1", "decision_sound"},
    {"DC2", "decision_stable_under_depth"},
    {"DC3", "decision_progress_linear"},
    {"DC4", "one_layer_decides_within_progress"},
    {"DC5", "certified_anytime_interval_contains_truth"}};

const frontend::Corpus& corpus() {
    static const frontend::Corpus c = frontend::load_embedded_corpus();
    return c;
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}
}  // namespace

TEST_CASE("the corpus holds exactly the spec's 81 ids and names", "[corpus]") {
    REQUIRE(kSpec.size() == 81);
    std::map<std::string, std::string> want(kSpec.begin(), kSpec.end()), have;
    std::size_t statements = 0;
    for (const auto& t : corpus().theorems) {
        INFO("theorem " << t.theorem.id);
        CHECK_FALSE(t.doc.empty());
        if (t.derived) continue;  // derived declarations (chains) are not among the 81
        ++statements;
        CHECK(have.emplace(t.theorem.id, t.theorem.name).second);  // no duplicate ids
        CHECK(t.lean_name == "TransformerICL." + t.theorem.name);
        CHECK_FALSE(t.doc.empty());
        CHECK_FALSE(t.section.empty());
    }
    for (const auto& [id, name] : want) {
        INFO("spec id " << id);
        REQUIRE(have.count(id) == 1);  // missing
        CHECK(have.at(id) == name);    // renamed
    }
    for (const auto& [id, name] : have) {
        INFO("corpus id " << id);
        CHECK(want.count(id) == 1);  // extra
    }
    CHECK(statements == 81);
}

TEST_CASE("the spec file (when present) lists the same statements as this test", "[corpus]") {
    std::string spec = read_file(std::string(ICL_SOURCE_DIR) + "/../shared/spec/theorems.md");
    if (spec.empty()) {
        WARN("../shared/spec/theorems.md not found; using the list compiled into this test");
        return;
    }
    std::set<std::string> names;
    std::regex row(R"(^\|\s*[A-Z0-9\xE2\x80\x94-]+\s*\|\s*([a-z_0-9]+)\s*\|)");
    std::istringstream in(spec);
    for (std::string line; std::getline(in, line);) {
        std::smatch m;
        if (std::regex_search(line, m, row) && m[1] != "name") names.insert(m[1]);
    }
    std::set<std::string> mine;
    for (const auto& r : kSpec) mine.insert(r.second);
    CHECK(names == mine);
}

TEST_CASE("every theorem of the corpus checks and its witness holds", "[corpus]") {
    kernel::Library library;  // derived declarations instantiate earlier theorems
    for (const auto& t : corpus().theorems) {
        INFO(t.theorem.id << " " << t.theorem.name);
        auto proof = cert::check_theorem(t.theorem, library);
        INFO(proof.message);
        CHECK(proof.verdict == kernel::Verdict::Verified);
        auto witness = frontend::check_witness(t.theorem.statement, t.theorem.witness);
        INFO(witness.message);
        CHECK(witness.verdict == kernel::Verdict::Verified);
        auto goal = frontend::check_goal_at_witness(t.theorem.statement, t.theorem.witness);
        CHECK(goal.verdict == kernel::Verdict::Verified);
    }
}

TEST_CASE("S5 is marked as a duplicate of S2 with the same statement", "[corpus]") {
    const frontend::TheoremEntry *s2 = nullptr, *s5 = nullptr;
    for (const auto& t : corpus().theorems) {
        if (t.theorem.id == "S2") s2 = &t;
        if (t.theorem.id == "S5") s5 = &t;
    }
    REQUIRE(s2);
    REQUIRE(s5);
    CHECK(s5->duplicate_of == "S2");
    CHECK(s5->hypothesis_text == s2->hypothesis_text);
    CHECK(s5->goal_text == s2->goal_text);
    std::size_t duplicates = 0;
    for (const auto& t : corpus().theorems) duplicates += !t.duplicate_of.empty();
    CHECK(duplicates == 1);
}

TEST_CASE("docs/theorems.md is the current catalogue", "[corpus][catalogue]") {
    std::string committed = read_file(std::string(ICL_SOURCE_DIR) + "/docs/theorems.md");
    INFO("regenerate with: build/icl-kernel catalogue --out docs/theorems.md");
    CHECK(committed == export_::catalogue_markdown(corpus()));
}
