// Lean export (issue 4): determinism, round trip (the stand-in for Lean), reader soundness on mutated
// proofs, stamp and the drift gate's three cases on temporary copies.
#include "export/normal_form.hpp"
#include "export/lean.hpp"
#include "export/lean_reader.hpp"
#include "export/stamp.hpp"
#include "frontend/corpus.hpp"
#include "frontend/reserved_names.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

namespace fs = std::filesystem;
using namespace icl;

namespace {

const frontend::Corpus& corpus() {
    static const frontend::Corpus c = frontend::load_embedded_corpus();
    return c;
}

std::size_t count(const std::string& s, const std::string& what) {
    std::size_t n = 0;
    for (std::size_t p = 0; (p = s.find(what, p)) != std::string::npos; p += what.size()) ++n;
    return n;
}

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream os;
    os << in.rdbuf();
    return os.str();
}

void spit(const fs::path& p, const std::string& s) {
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out << s;
}

struct TempDir {
    fs::path path;
    TempDir() {
        static std::atomic<int> n{0};
        path = fs::temp_directory_path() /
               ("icl-lean-test-" + std::to_string(::getpid()) + "-" + std::to_string(n++));
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

// What `icl-kernel export lean --out-dir dir` writes.
void export_to(const frontend::Corpus& c, const fs::path& dir) {
    leanexp::LeanFile f = leanexp::export_lean(c);
    spit(dir / leanexp::kLeanFileName, f.text);
    spit(dir / "lean-toolchain", leanexp::lean_toolchain_text());
    spit(dir / "lakefile.toml", leanexp::lakefile_text());
    spit(dir / leanexp::kLakeManifestFileName, leanexp::lake_manifest_text());
    spit(dir / leanexp::kStampFileName, leanexp::stamp_text(leanexp::make_stamp(c, f.text, nullptr)));
}

std::string all_problems(const leanexp::VerifyReport& r) {
    std::string s;
    for (const auto& p : r.problems) s += p + "\n";
    return s;
}

// The built-in corpus with one extra (true, unused) hypothesis in the first theorem that has reals:
// a statement edit that keeps every certificate valid.
frontend::Corpus edited_corpus(std::string* edited_name) {
    auto files = frontend::embedded_corpus_files();
    for (auto& [name, content] : files) {
        std::size_t th = content.find("<theorem ");
        if (th == std::string::npos) continue;
        std::size_t real_end = content.find("</real>", th);
        std::size_t th_end = content.find("</theorem>", th);
        if (real_end == std::string::npos || real_end > th_end) continue;
        std::size_t np = content.find("name=\"", th) + 6;
        *edited_name = content.substr(np, content.find('"', np) - np);
        content.insert(real_end + 7, "\n    <hyp name=\"hdrift\">0 &lt;= 1</hyp>");
        return frontend::load_corpus(files);
    }
    FAIL("no theorem with <real> in the corpus");
    return {};
}

leanexp::RoundTripReport check_snippet(const std::string& body) {
    std::string text = "import Mathlib\nnamespace TransformerICL\n" + body + "\nend TransformerICL\n";
    return leanexp::check_lean_proofs(leanexp::read_lean_file(text));
}

}  // namespace

TEST_CASE("lean export: shape of the file", "[lean]") {
    const std::string t = leanexp::export_lean(corpus()).text;
    CHECK(t.find("import Mathlib\n") != std::string::npos);
    CHECK(t.find("namespace TransformerICL\n") != std::string::npos);
    CHECK(t.find("\nend TransformerICL\n") != std::string::npos);
    CHECK(count(t, "\ntheorem ") == corpus().theorems.size());
    CHECK(count(t, "\n#print axioms TransformerICL.") == corpus().theorems.size());
    CHECK(corpus().theorems.size() == 98);  // 81 statements + 17 derived declarations
    CHECK(std::count_if(corpus().theorems.begin(), corpus().theorems.end(), [](const auto& e) { return !e.derived; }) == 81);
    for (const char* bad : {"sorry", "admit", "native_decide", "\naxiom ", "nlinarith", "polyrith", "positivity"})
        CHECK(t.find(bad) == std::string::npos);
    CHECK(t.find(" in Finset.range") == std::string::npos);  // the removed `∑ x in s` syntax
    for (const auto& e : corpus().theorems)
        if (!e.duplicate_of.empty())
            CHECK(t.find("-- " + e.theorem.name + " duplicates " + e.duplicate_of) != std::string::npos);
}

TEST_CASE("lean export: byte-deterministic", "[lean]") {
    CHECK(leanexp::export_lean(corpus()).text == leanexp::export_lean(corpus()).text);
    const std::string a = leanexp::stamp_text(leanexp::make_stamp(corpus(), "x", nullptr));
    const std::string b = leanexp::stamp_text(leanexp::make_stamp(corpus(), "x", nullptr));
    CHECK(a == b);
}

TEST_CASE("lean export: round trip of all theorems through the reader", "[lean]") {
    leanexp::LeanFile f = leanexp::export_lean(corpus());
    leanexp::RoundTripReport r = leanexp::check_round_trip(f.text, corpus());
    INFO([&] {
        std::string s;
        for (const auto& e : r.errors) s += e + "\n";
        return s;
    }());
    CHECK(r.ok());
    CHECK(r.theorems_checked == corpus().theorems.size());
    CHECK(r.linear_combinations == f.linear_combinations);
    CHECK(r.contradiction_steps == f.contradiction_proofs);
    CHECK(r.inequality_atoms > 0);
    CHECK(r.sum_steps >= 3);  // MN1-MN3
    // the derived declarations: theorems applied by name, `exact`, and a ∀-hypothesis discharged by intro
    std::size_t derived = 0;
    for (const auto& e : corpus().theorems) derived += e.derived ? 1 : 0;
    CHECK(derived == 17);
    CHECK(r.theorem_applications >= derived);
    CHECK(r.exact_steps > 0);
    CHECK(r.forall_intros >= 1);  // MN2 from raw quantities
}

namespace {

// A small file in the shape the printer emits for <use>/<exact>: a base theorem, one with two
// conclusions, a sum theorem over a family, and `derived` applying them.
const std::string kBase = R"(theorem base (a b : ℝ) (ha : a > 0) (hb : b ≥ a) :
    b > 0 := by
  linear_combination sub_nonneg.mpr hb + ha
theorem base2 (a : ℝ) (ha : a = 1) :
    a ^ 2 = 1 ∧ 2 * a = 2 := by
  refine ⟨?_, ?_⟩
  · linear_combination (a + 1) * ha
  · linear_combination 2 * ha
theorem fbase (d : ℕ) (g : ℕ → ℝ) (hg : ∀ k < d, 0 ≤ g k) :
    0 ≤ ∑ k ∈ Finset.range d, (g k) := by
  apply Finset.sum_nonneg
  intro i hi
  have hg := hg i (Finset.mem_range.mp hi)
  linear_combination hg
)";

const std::string kDerived = R"(theorem derived (u v : ℝ) (d : ℕ) (x : ℕ → ℝ) (hu : u > 0) (huv : u ≤ v) (h1 : u = 1) (hx : ∀ k < d, 0 ≤ x k) :
    v > 0 ∧ 0 ≤ ∑ k ∈ Finset.range d, (x k) := by
  refine ⟨?_, ?_⟩
  · have hhv_hb : v ≥ u := by
      exact huv
    have hv : v > 0 := base (u) (v) hu hhv_hb
    obtain ⟨hsq, htw⟩ : u ^ 2 = 1 ∧ 2 * u = 2 := base2 (u) h1
    exact hv
  · have hh : ∀ j < d, 0 ≤ x j := by
      intro i hlt
      have hx := hx i hlt
      exact hx
    have hs : 0 ≤ ∑ k ∈ Finset.range d, (x k) := fbase d x hh
    exact hs
)";

std::string replaced(std::string s, const std::string& from, const std::string& to) {
    std::size_t p = s.find(from);
    REQUIRE(p != std::string::npos);
    s.replace(p, from.size(), to);
    return s;
}

// 1-based line of `needle` in the file check_snippet builds from `body`.
int snippet_line(const std::string& body, const std::string& needle) {
    std::size_t p = body.find(needle);
    REQUIRE(p != std::string::npos);
    return 3 + static_cast<int>(std::count(body.begin(), body.begin() + static_cast<long>(p), '\n'));
}

}  // namespace

TEST_CASE("lean reader: theorems applied by name, exact, ∀ by intro", "[lean]") {
    auto ok = check_snippet(kBase + kDerived);
    INFO((ok.errors.empty() ? std::string() : ok.errors.front()));
    CHECK(ok.ok());
    CHECK(ok.theorems_checked == 4);
    CHECK(ok.theorem_applications == 3);
    CHECK(ok.exact_steps == 4);
    CHECK(ok.forall_intros == 1);

    struct Case {
        const char* what;
        std::string body;
        std::string bad_line;  // text on the line the error must name
        std::string reason;    // part of the message
    };
    const std::string D = kDerived;
    const std::vector<Case> cases = {
        {"wrong argument (swapped reals)", kBase + replaced(D, "base (u) (v) hu", "base (v) (u) hu"),
         "base (v) (u) hu", "hypothesis argument `hu` does not have the type of `ha` of `base`"},
        {"theorem used before it is defined", replaced(kBase, "theorem base (a b", kDerived + "theorem base (a b"),
         "base (u) (v) hu", "`base` is not a theorem defined earlier in the file"},
        {"theorem used in its own proof", kBase + replaced(D, "base (u) (v) hu hhv_hb", "derived (u) (v) hu hhv_hb"),
         "derived (u) (v) hu", "`derived` is not a theorem defined earlier in the file"},
        {"ascription that does not match the conclusion", kBase + replaced(D, "have hv : v > 0", "have hv : v > 1"),
         "have hv : v > 1", "the ascribed type of `hv` is not the theorem's conclusion after substitution"},
        {"ascription equal only up to ring", kBase + replaced(D, "have hv : v > 0", "have hv : 0 < v + 0"),
         "have hv : 0 < v + 0", "not syntactically"},
        {"obtain conjunct that does not match", kBase + replaced(D, "u ^ 2 = 1 ∧ 2 * u = 2", "u ^ 2 = 1 ∧ 2 * u = 3"),
         "obtain ⟨hsq", "conjunct 2 of the ascribed type"},
        {"obtain with too few names", kBase + replaced(D, "obtain ⟨hsq, htw⟩", "obtain ⟨hsq⟩"),
         "obtain ⟨hsq", "obtain: 1 names, 2 ascribed conjuncts, 2 conclusions"},
        {"exact of a non-matching hypothesis", kBase + replaced(D, "    exact hv\n", "    exact hu\n"),
         "    exact hu\n", "exact: the type of `hu` is not the goal"},
        {"exact of an equality read backwards", kBase + replaced(D, "    exact hv\n", "    have h1' : 1 = u := by\n      exact h1\n    exact hv\n"),
         "      exact h1", "exact: the type of `h1` is not the goal"},
        {"hypothesis argument of the wrong type", kBase + replaced(D, "base (u) (v) hu hhv_hb", "base (u) (v) hu hu"),
         "base (u) (v) hu hu", "hypothesis argument `hu` does not have the type of `hb` of `base`"},
        {"(in)equality given for a ∀-hypothesis", kBase + replaced(D, "fbase d x hh", "fbase d x hu"),
         "fbase d x hu", "does not have the type of `hg` of `fbase` after substitution: it is not a ∀-hypothesis"},
        {"∀-hypothesis with another body", kBase + replaced(D, "∀ j < d, 0 ≤ x j := by", "∀ j < d, 0 ≤ x j + 0 := by"),
         "      exact hx", "exact: the type of `hx` is not the goal"},
        {"real given for a family", kBase + replaced(D, "fbase d x hh", "fbase d u hh"),
         "fbase d u hh", "is not a ℕ → ℝ family here"},
        {"theorem name shadowed by a local", kBase + replaced(replaced(D, "(h1 : u = 1)", "(base : u = 1)"), "base2 (u) h1", "base2 (u) base"),
         "base (u) (v) hu", "`base` is a local name here"},
        {"too few arguments", kBase + replaced(D, "base (u) (v) hu hhv_hb", "base (u) (v) hu"),
         "base (u) (v) hu", "applied to too few arguments"},
        {"too many arguments", kBase + replaced(D, "base2 (u) h1", "base2 (u) h1 h1"),
         "base2 (u) h1 h1", "applied to too many arguments"},
        {"intro on a goal that is not ∀", kBase + replaced(D, "    exact hv\n", "    intro i hlt\n"),
         "    intro i hlt", "`intro` on a goal that is not `∀ k < d, …`"},
        {"∀-instance from a Finset membership form", kBase + replaced(D, "have hx := hx i hlt", "have hx := hx i (Finset.mem_range.mp hlt)"),
         "have hx := hx i (Finset", "not a Finset membership"},
    };
    for (const auto& c : cases) {
        INFO(c.what);
        leanexp::RoundTripReport r;
        try {
            r = check_snippet(c.body);
        } catch (const leanexp::LeanReadError& e) {
            r.errors.push_back(e.what());
        }
        REQUIRE_FALSE(r.ok());
        std::string all;
        for (const auto& e : r.errors) all += e + "\n";
        INFO(all);
        CHECK(all.find(c.reason) != std::string::npos);
        CHECK(all.find("line " + std::to_string(snippet_line(c.body, c.bad_line)) + ": ") != std::string::npos);
    }
}

TEST_CASE("lean reader: the spec's hand-checked templates pass", "[lean]") {
    auto r = check_snippet(R"(
theorem t_eq (x y : ℝ) (h1 : x * y = 1) (h2 : x + y = 3) :
    x ^ 2 * y + x * y ^ 2 = 3 := by
  linear_combination (x + y) * h1 + h2
theorem t_le (u v : ℝ) (hu : 0 < u) (huv : u ≤ v) (hv : v ≤ 1) :
    (1 - v) ^ 2 ≤ (1 - u) ^ 2 := by
  linear_combination 2 * mul_nonneg (sub_nonneg.mpr huv) (sub_nonneg.mpr hv) + sq_nonneg (v - u)
theorem t_lt (u v : ℝ) (hu : 0 < u) (huv : u < v) (hv : v ≤ 1) :
    (1 - v) ^ 2 < (1 - u) ^ 2 := by
  linear_combination 2 * mul_nonneg (sub_nonneg.mpr huv.le) (sub_nonneg.mpr hv) + pow_pos (sub_pos.mpr huv) 2
theorem t_and (x y : ℝ) (h : x + y = 1) :
    x * y ≤ 1 / 4 ∧ 1 / 2 ≤ x ^ 2 + y ^ 2 := by
  refine ⟨?_, ?_⟩
  · linear_combination sq_nonneg (x - y) / 4 + (x + y + 1) / 4 * h
  · linear_combination sq_nonneg (x - y) / 2 - (x + y + 1) / 2 * h
theorem t_sum (d : ℕ) (x : ℕ → ℝ) (h0 : ∀ k < d, 0 ≤ x k) (h1 : ∀ k < d, x k ≤ 1) :
    ∑ k ∈ Finset.range d, (x k ^ 2) ≤ ∑ k ∈ Finset.range d, (x k) := by
  apply Finset.sum_le_sum
  intro i hi
  have h0 := h0 i (Finset.mem_range.mp hi)
  have h1 := h1 i (Finset.mem_range.mp hi)
  linear_combination mul_nonneg h0 (sub_nonneg.mpr h1)
theorem t_contra (a : ℝ) (ha : a > 1) :
    a ^ 2 > 1 := by
  refine not_le.mp (fun hng => ?_)
  have hc : (0 : ℝ) < 0 := by
    linear_combination mul_pos (sub_pos.mpr ha) (sub_pos.mpr ha) + 2 * sub_pos.mpr ha + sub_nonneg.mpr hng
  exact absurd hc (by norm_num)
)");
    INFO((r.errors.empty() ? std::string() : r.errors.front()));
    CHECK(r.ok());
    CHECK(r.theorems_checked == 6);
}

TEST_CASE("lean reader: rejects proofs Mathlib would reject", "[lean]") {
    const std::string head = "theorem t (u v : ℝ) (hu : 0 < u) (huv : u ≤ v) (hv : v ≤ 1) (hs : u < v) (he : u + v = 1) :\n";
    struct Case {
        const char* what;
        std::string body;
    };
    const std::vector<Case> cases = {
        {"wrong coefficient", head + "    (1 - v) ^ 2 ≤ (1 - u) ^ 2 := by\n"
                                     "  linear_combination 1 * mul_nonneg (sub_nonneg.mpr huv) (sub_nonneg.mpr hv) + sq_nonneg (v - u)\n"},
        {"missing atom", head + "    (1 - v) ^ 2 ≤ (1 - u) ^ 2 := by\n"
                                "  linear_combination 2 * mul_nonneg (sub_nonneg.mpr huv) (sub_nonneg.mpr hv)\n"},
        {"negative coefficient on an inequality", head + "    u ≤ v := by\n  linear_combination (-1) * sub_nonneg.mpr huv\n"},
        {"subtracted inequality", head + "    u ≤ v := by\n  linear_combination hv - huv\n"},
        {"variable coefficient on an inequality", head + "    u * u ≤ u * v := by\n  linear_combination u * sub_nonneg.mpr huv\n"},
        {"strict goal from a non-strict combination with zero residual", head + "    u < v := by\n  linear_combination sub_nonneg.mpr huv\n"},
        {"equality goal from an inequality", head + "    u = v := by\n  linear_combination sub_nonneg.mpr huv\n"},
        {"mul_nonneg on a strict atom", head + "    0 ≤ u * (v - u) := by\n  linear_combination mul_nonneg hu (sub_nonneg.mpr huv)\n"},
        {"mul_pos on a non-strict atom", head + "    0 < u * (v - u) := by\n  linear_combination mul_pos hu (sub_nonneg.mpr huv)\n"},
        {"sub_pos on a non-strict hypothesis", head + "    u < v := by\n  linear_combination sub_pos.mpr huv\n"},
        {"unknown hypothesis", head + "    u ≤ v := by\n  linear_combination sub_nonneg.mpr hnope\n"},
        {"ring on a false identity", head + "    (u + v) ^ 2 = u ^ 2 + v ^ 2 := by\n  ring\n"},
        {"wrong equality coefficient", head + "    u = 1 - v := by\n  linear_combination 2 * he\n"},
        {"norm_num on a true fact", head + "    u < v := by\n  refine not_le.mp (fun hng => ?_)\n  have hc : (0 : ℝ) ≤ 0 := by\n"
                                          "    linear_combination sub_nonneg.mpr hng + sub_nonneg.mpr huv\n  exact absurd hc (by norm_num)\n"},
        {"not_lt on a strict goal", head + "    u < v := by\n  refine not_lt.mp (fun hng => ?_)\n  have hc : (0 : ℝ) < 0 := by\n"
                                          "    linear_combination sub_pos.mpr hng + sub_pos.mpr hs\n  exact absurd hc (by norm_num)\n"},
        {"goal left open", head + "    u < v := by\n  refine not_le.mp (fun hng => ?_)\n"},
        {"tactic outside the subset", head + "    u ≤ v := by\n  nlinarith [huv]\n"},
    };
    for (const auto& c : cases) {
        INFO(c.what);
        leanexp::RoundTripReport r;
        try {
            r = check_snippet(c.body);
        } catch (const leanexp::LeanReadError&) {
            r.errors.push_back("parse error");
        }
        CHECK_FALSE(r.ok());
    }
    // and the corrected versions pass
    auto ok = check_snippet(head + "    (1 - v) ^ 2 ≤ (1 - u) ^ 2 := by\n"
                                   "  linear_combination 2 * mul_nonneg (sub_nonneg.mpr huv) (sub_nonneg.mpr hv) + sq_nonneg (v - u)\n");
    CHECK(ok.ok());
    auto ok2 = check_snippet(head + "    u < v := by\n  linear_combination sub_pos.mpr hs\n");
    CHECK(ok2.ok());
}

TEST_CASE("lean round trip: a statement changed in the Lean file is caught", "[lean]") {
    std::string t = leanexp::export_lean(corpus()).text;
    // flip the first `≤` of a theorem statement into `<`
    std::size_t le = std::string::npos;
    for (std::size_t th = t.find("\ntheorem "); th != std::string::npos; th = t.find("\ntheorem ", th + 1)) {
        std::size_t by = t.find(":= by", th);
        std::size_t x = t.find("≤", th);
        if (x < by) {
            le = x;
            break;
        }
    }
    REQUIRE(le != std::string::npos);
    t.replace(le, std::string("≤").size(), "<");
    CHECK_FALSE(leanexp::check_round_trip(t, corpus()).ok());
    // a theorem removed
    std::string u = leanexp::export_lean(corpus()).text;
    std::size_t a = u.find("\ntheorem ");
    std::size_t b = u.find("\n/--", a);
    u.erase(a, b - a);
    CHECK_FALSE(leanexp::check_round_trip(u, corpus()).ok());
}

TEST_CASE("lean round trip: a changed application in a derived proof is caught", "[lean]") {
    const std::string t = leanexp::export_lean(corpus()).text;
    const std::string call = ":= error_recursion_identity (a) (b) (w)";
    std::size_t p = t.find(call);
    REQUIRE(p != std::string::npos);
    std::string u = t;
    u.replace(p, call.size(), ":= error_recursion_identity (b) (a) (w)");  // arguments swapped
    auto r = leanexp::check_round_trip(u, corpus());
    CHECK_FALSE(r.ok());
    std::string all;
    for (const auto& e : r.errors) all += e + "\n";
    INFO(all);
    CHECK(all.find("does not have the type of `hopt` of `error_recursion_identity`") != std::string::npos);
    // the derived declaration moved above the theorem it applies
    std::string v = t;
    std::size_t a = v.find("/--", v.find("\ntheorem error_recursion_identity") - 400);
    std::size_t b = v.find("\n/--", v.find("\ntheorem error_recursion_identity"));
    std::size_t c = v.find("\n/--", v.find("\ntheorem gd_step_contracts_error"));
    std::size_t d0 = v.rfind("\n/--", v.find("\ntheorem gd_step_contracts_error"));
    REQUIRE((a != std::string::npos && b != std::string::npos && c != std::string::npos && d0 != std::string::npos));
    std::string moved = v.substr(d0 + 1, c - d0);  // the derived theorem with its doc comment
    v.erase(d0 + 1, c - d0);
    std::size_t at = v.rfind("\n/--", v.find("\ntheorem error_recursion_identity"));
    v.insert(at + 1, moved);
    auto r2 = leanexp::check_round_trip(v, corpus());
    CHECK_FALSE(r2.ok());
    std::string all2;
    for (const auto& e : r2.errors) all2 += e + "\n";
    INFO(all2);
    CHECK(all2.find("gd_step_contracts_error: line ") != std::string::npos);
    CHECK(all2.find("`error_recursion_identity` is not a theorem defined earlier in the file") != std::string::npos);
}

TEST_CASE("lean printer and reader agree on precedence", "[lean]") {
    for (const char* e : {"-(x ^ 2)", "(-x) ^ 2", "a - (b - c)", "a - b - c", "x * (y + z)", "2 * (-x)",
                          "-(a * b) + (1/2) * c", "(a + b) ^ 3 - (-1/3) * a", "a * b * c - a * (b * c)"}) {
        INFO(e);
        kernel::TermPtr t = leanexp::read_lean_term(e);
        kernel::TermPtr back = leanexp::read_lean_term(leanexp::lean_term(*t));
        kernel::Statement s;
        s.reals = {"a", "b", "c", "x", "y", "z"};
        CHECK(export_::normalize(*t, s) == export_::normalize(*back, s));
        CHECK(leanexp::lean_term(*back) == leanexp::lean_term(*t));
    }
    CHECK(leanexp::lean_ident("fun") == "«fun»");
    CHECK(leanexp::lean_ident("w'") == "w'");
    CHECK(leanexp::lean_rational(kernel::Rational(-3, 4)) == "-3/4");
}

TEST_CASE("stamp: SHA-256 through OpenSSL", "[lean]") {
    CHECK(leanexp::sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(leanexp::sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_CASE("stamp: contents", "[lean]") {
    const std::string text = leanexp::export_lean(corpus()).text;
    nlohmann::json j = leanexp::make_stamp(corpus(), text, nullptr);
    CHECK(j["format_version"] == leanexp::kStampFormatVersion);
    CHECK(j["lean_toolchain"] == "leanprover/lean4:v4.28.0");
    CHECK(j["mathlib_rev"] == "v4.28.0");
    CHECK(j["counts"]["statements"] == 81);  // the theorem statements; the derived declarations apart
    CHECK(j["counts"]["derived_declarations"] == 17);
    for (const auto& t : j["theorems"])
        if (t["id"] == "CH1") CHECK(t["uses"] == nlohmann::json::array({"A3", "A4", "A5", "LD"}));
    CHECK(j["counts"]["axioms"] == 0);
    CHECK(j["counts"]["sorry"] == 0);
    CHECK(j["counts"]["lean_theorems"] == 98);
    CHECK(j["counts"]["ok"] == j["counts"]["declarations"]);
    CHECK(j["theorems"].size() == 98);
    CHECK(j["corpus"]["sha256"] == leanexp::sha256_hex(corpus().canonical_bytes));
    CHECK(j["lean_file"]["sha256"] == leanexp::sha256_hex(text));
    CHECK(j["lean_check"]["checked"] == false);

    leanexp::LeanCheckResult ran = leanexp::parse_lean_result(
        "ran=1\nexit_code=0\npassed=1\nsorry_warnings=0\nbad_axioms=0\naxiom_reports=81\nreason=\n");
    nlohmann::json k = leanexp::make_stamp(corpus(), text, &ran);
    CHECK(k["lean_check"]["checked"] == true);
    CHECK(k["lean_check"]["exit_code"] == 0);
    leanexp::LeanCheckResult skipped = leanexp::parse_lean_result("ran=0\nreason=lake not found on PATH\n");
    CHECK(leanexp::make_stamp(corpus(), text, &skipped)["lean_check"]["reason"] == "lake not found on PATH");
    CHECK_THROWS(leanexp::parse_lean_result("ran=1\nexit_code=1\npassed=1\n"));  // inconsistent
    CHECK_THROWS(leanexp::parse_lean_result("bogus=1\n"));
}

TEST_CASE("drift gate: fresh export agrees", "[lean]") {
    TempDir d;
    export_to(corpus(), d.path);
    auto r = leanexp::verify_stamp(corpus(), d.path);
    INFO(all_problems(r));
    CHECK(r.ok());
    // recording a Lean check result in the stamp does not count as drift
    leanexp::LeanCheckResult skipped = leanexp::parse_lean_result("ran=0\nreason=lake not found on PATH\n");
    spit(d.path / leanexp::kStampFileName,
         leanexp::stamp_text(leanexp::make_stamp(corpus(), slurp(d.path / leanexp::kLeanFileName), &skipped)));
    CHECK(leanexp::verify_stamp(corpus(), d.path).ok());
}

TEST_CASE("drift gate: theorem edited without re-export", "[lean]") {
    TempDir d;
    export_to(corpus(), d.path);
    std::string name;
    frontend::Corpus edited = edited_corpus(&name);
    auto r = leanexp::verify_stamp(edited, d.path);
    const std::string p = all_problems(r);
    INFO(p);
    CHECK_FALSE(r.ok());
    CHECK(p.find("corpus drifted") != std::string::npos);
    CHECK(p.find(name) != std::string::npos);
    // after re-export everything agrees again
    export_to(edited, d.path);
    CHECK(leanexp::verify_stamp(edited, d.path).ok());
}

TEST_CASE("drift gate: Lean file edited by hand", "[lean]") {
    TempDir d;
    export_to(corpus(), d.path);
    const fs::path lean = d.path / leanexp::kLeanFileName;
    std::string t = slurp(lean);
    std::size_t p = t.find("\n  ring\n");
    REQUIRE(p != std::string::npos);
    t.replace(p, 8, "\n  sorry\n");
    spit(lean, t);
    auto r = leanexp::verify_stamp(corpus(), d.path);
    const std::string s = all_problems(r);
    INFO(s);
    CHECK_FALSE(r.ok());
    CHECK(s.find("edited by hand") != std::string::npos);
    // the message names the theorem whose text changed
    std::size_t th = t.rfind("\ntheorem ", p);
    std::string name = t.substr(th + 9, t.find(' ', th + 9) - th - 9);
    CHECK(s.find(name) != std::string::npos);
}

TEST_CASE("drift gate: stale stamp", "[lean]") {
    SECTION("Lean file re-exported, stamp kept") {
        TempDir d;
        export_to(corpus(), d.path);
        const std::string old_stamp = slurp(d.path / leanexp::kStampFileName);
        std::string name;
        frontend::Corpus edited = edited_corpus(&name);
        export_to(edited, d.path);
        spit(d.path / leanexp::kStampFileName, old_stamp);
        auto r = leanexp::verify_stamp(edited, d.path);
        INFO(all_problems(r));
        CHECK_FALSE(r.ok());
        CHECK(all_problems(r).find("stale stamp") != std::string::npos);
    }
    SECTION("stamp field edited") {
        TempDir d;
        export_to(corpus(), d.path);
        nlohmann::json j = nlohmann::json::parse(slurp(d.path / leanexp::kStampFileName));
        j["counts"]["sorry"] = 1;
        spit(d.path / leanexp::kStampFileName, leanexp::stamp_text(j));
        auto r = leanexp::verify_stamp(corpus(), d.path);
        INFO(all_problems(r));
        CHECK_FALSE(r.ok());
        CHECK(all_problems(r).find("stale stamp: field `counts`") != std::string::npos);
    }
    SECTION("stamp missing or not JSON") {
        TempDir d;
        export_to(corpus(), d.path);
        spit(d.path / leanexp::kStampFileName, "{ not json");
        CHECK_FALSE(leanexp::verify_stamp(corpus(), d.path).ok());
        fs::remove(d.path / leanexp::kStampFileName);
        auto r = leanexp::verify_stamp(corpus(), d.path);
        CHECK_FALSE(r.ok());
        CHECK(all_problems(r).find("missing") != std::string::npos);
    }
    SECTION("toolchain changed") {
        TempDir d;
        export_to(corpus(), d.path);
        spit(d.path / "lean-toolchain", "leanprover/lean4:v4.9.0\n");
        CHECK_FALSE(leanexp::verify_stamp(corpus(), d.path).ok());
    }
}

TEST_CASE("stamp: a recorded Lean check is kept while the Lean file is unchanged, dropped when it changes",
          "[lean][stamp]") {
    const std::string text = leanexp::export_lean(corpus()).text;
    leanexp::LeanCheckResult ran = leanexp::parse_lean_result(
        "ran=1\nexit_code=0\npassed=1\nsorry_warnings=0\nbad_axioms=0\naxiom_reports=81\nreason=\n");
    const nlohmann::json recorded = leanexp::make_stamp(corpus(), text, &ran);
    REQUIRE(recorded["lean_check"]["passed"] == true);

    // re-export of the same Lean file without a new result: byte-identical stamp
    const nlohmann::json again = leanexp::make_stamp(corpus(), text, nullptr, {}, &recorded);
    CHECK(leanexp::stamp_text(again) == leanexp::stamp_text(recorded));

    // a skipped run's reason is kept too
    leanexp::LeanCheckResult skipped = leanexp::parse_lean_result("ran=0\nreason=lake not found on PATH\n");
    const nlohmann::json skipped_stamp = leanexp::make_stamp(corpus(), text, &skipped);
    CHECK(leanexp::stamp_text(leanexp::make_stamp(corpus(), text, nullptr, {}, &skipped_stamp)) ==
          leanexp::stamp_text(skipped_stamp));

    // the Lean file changed: the recorded result no longer applies and is dropped, with the reason
    const std::string changed = text + "-- edited\n";
    const nlohmann::json dropped = leanexp::make_stamp(corpus(), changed, nullptr, {}, &recorded);
    CHECK(dropped["lean_check"]["checked"] == false);
    CHECK_FALSE(dropped["lean_check"].contains("passed"));
    const std::string reason = dropped["lean_check"]["reason"].get<std::string>();
    CHECK(reason.find("the Lean file changed since the recorded Lean check") != std::string::npos);
    CHECK(reason.find("passed, was dropped") != std::string::npos);

    // a new result always wins over the previous record
    const nlohmann::json fresh = leanexp::make_stamp(corpus(), changed, &skipped, {}, &recorded);
    CHECK(fresh["lean_check"]["reason"] == "lake not found on PATH");
    // no previous stamp: the default record
    CHECK(leanexp::make_stamp(corpus(), text, nullptr)["lean_check"] == leanexp::default_lean_check());
}

TEST_CASE("stamp: records the Mathlib commit and the pinned manifest", "[lean][stamp]") {
    const nlohmann::json j = leanexp::make_stamp(corpus(), "x", nullptr);
    CHECK(j["mathlib_commit"] == "8f9d9cff6bd728b17a24e163c9402775d9e6a365");
    CHECK(j["lake_manifest_sha256"] == leanexp::sha256_hex(leanexp::lake_manifest_text()));
    const nlohmann::json m = nlohmann::json::parse(leanexp::lake_manifest_text());
    CHECK(m["version"] == "1.1.0");
    CHECK(m["name"] == "TransformerICL");
    std::set<std::string> names;
    for (const auto& p : m["packages"]) {
        names.insert(p["name"].get<std::string>());
        CHECK(p["rev"].get<std::string>().size() == 40);
        CHECK(p["inherited"] == (p["name"] != "mathlib"));
    }
    CHECK(names == std::set<std::string>{"mathlib", "plausible", "LeanSearchClient", "importGraph", "proofwidgets",
                                         "aesop", "Qq", "batteries", "Cli"});
    CHECK(m["packages"][0]["rev"] == leanexp::kMathlibCommit);
    CHECK(m["packages"][0]["inputRev"] == leanexp::kMathlibRev);
}

namespace {
// x² + y² = 0 ⊢ x = 0 by refutation: ¬(x = 0) gives x² > 0; with y² ≥ 0 and −1·(x² + y²) = 0 the sum is 0 > 0.
const char* kEqualityByRefutation = R"~(<corpus paper="t"><theorem id="E" name="t_E" lean="TransformerICL.t_E" section="1">
  <doc>d</doc><real>x y</real><hyp name="h">x*x + y*y = 0</hyp><goal>x = 0</goal>
  <proof><psatz><add><neg_goal/><square of="y"/><mulpoly by="-1"><hyp name="h"/></mulpoly></add></psatz></proof>
  <witness>x = 0; y = 0</witness></theorem></corpus>)~";
}  // namespace

TEST_CASE("lean export: a refutation proving an equality goal (by_contra), walked from the kernel's derivation", "[lean]") {
    const frontend::Corpus c = frontend::load_corpus({{"e.xml", kEqualityByRefutation}});
    const auto checked = frontend::check_corpus(c);
    REQUIRE(checked.at(0).verdict == kernel::Verdict::Verified);
    const kernel::Proof& p = *checked.at(0).proofs.at(0);
    REQUIRE(p.rule == kernel::Proof::Rule::Refutation);
    CHECK(p.contradiction == 0);
    CHECK(p.refutation->sign == kernel::Sign::Pos);
    CHECK(cert::rests_on(*p.refutation) == std::vector<std::string>{"h"});
    const leanexp::LeanFile f = leanexp::export_lean(c);
    CHECK(count(f.text, "by_contra hng") == 1);
    CHECK(count(f.text, "sub_ne_zero.mpr hng") == 1);      // the negated goal as (x − 0)² > 0
    CHECK(count(f.text, "linear_combination (-1 : ℝ) * f_3") == 1);  // EqualityTimes
    CHECK(count(f.text, "set_option linter.unusedVariables false") == 1);
    leanexp::RoundTripReport r = leanexp::check_round_trip(f.text, c);
    INFO((r.errors.empty() ? std::string() : r.errors.front()));
    CHECK(r.ok());
    CHECK(r.contradiction_steps == 1);
}

TEST_CASE("lean reader: an ascription that is not its proof term's conclusion is caught", "[lean]") {
    const std::string head = "theorem t (u v : ℝ) (hu : 0 < u) (huv : u ≤ v) (hv : v ≤ 1) (hs : u < v) (he : u + v = 1) :\n";
    const std::string tail = "  have hc : (0 : ℝ) < 0 := by\n    linear_combination f2\n  exact absurd hc (by norm_num)\n";
    struct Case {
        const char* what;
        std::string body;
    };
    const std::string good = head + "    u < v := by\n  refine not_le.mp (fun hng => ?_)\n"
                                    "  have f1 : 0 ≤ u - v := sub_nonneg.mpr hng\n"
                                    "  have f0 : 0 < v - u := sub_pos.mpr hs\n"
                                    "  have f2 : 0 < u - v + (v - u) := add_pos_of_nonneg_of_pos f1 f0\n" + tail;
    auto ok = check_snippet(good);
    INFO((ok.errors.empty() ? std::string() : ok.errors.front()));
    CHECK(ok.ok());
    const std::vector<Case> cases = {
        {"ascribed type differs", head + "    u < v := by\n  refine not_le.mp (fun hng => ?_)\n"
                                         "  have f1 : 0 ≤ v - u := sub_nonneg.mpr hng\n"
                                         "  have f0 : 0 < v - u := sub_pos.mpr hs\n"
                                         "  have f2 : 0 < u - v + (v - u) := add_pos_of_nonneg_of_pos f1 f0\n" + tail},
        {"add_pos on a non-strict atom", head + "    u < v := by\n  refine not_le.mp (fun hng => ?_)\n"
                                                "  have f1 : 0 ≤ u - v := sub_nonneg.mpr hng\n"
                                                "  have f0 : 0 < v - u := sub_pos.mpr hs\n"
                                                "  have f2 : 0 < u - v + (v - u) := add_pos f1 f0\n" + tail},
        {"le_of_eq on an inequality", head + "    0 ≤ v - u := by\n  have f1 : 0 ≤ v - u := le_of_eq huv\n  exact f1\n"},
        {".symm of an inequality", head + "    0 ≤ v - u := by\n  have f1 : v ≤ u := huv.symm\n  exact f1\n"},
        {"by_contra on an inequality goal", head + "    u ≤ v := by\n  by_contra hng\n" + tail},
        {"norm_num on a false comparison", head + "    u ≤ v := by\n  have f : (0 : ℝ) < -1 := by\n    norm_num\n  exact huv\n"},
    };
    for (const auto& c : cases) {
        INFO(c.what);
        leanexp::RoundTripReport r;
        try {
            r = check_snippet(c.body);
        } catch (const leanexp::LeanReadError&) {
            r.errors.push_back("parse error");
        }
        CHECK_FALSE(r.ok());
    }
}

// Issue 11, item 4: a corpus name must not shadow a global the proofs use. The loader rejects the names in
// frontend/reserved_names.cpp; this test keeps that list complete: every name the exported file uses that is
// not bound in the file itself (a binder, a have, an intro, a theorem or definition) must be in it.
TEST_CASE("lean export: every global name the proofs use is a reserved corpus name", "[lean]") {
    std::string text = leanexp::export_lean(corpus()).text;
    std::string code;  // comments removed, then set_option, import and #print lines
    for (std::size_t i = 0, depth = 0; i < text.size(); ++i) {
        if (text.compare(i, 2, "/-") == 0) { ++depth; ++i; continue; }
        if (depth && text.compare(i, 2, "-/") == 0) { --depth; ++i; continue; }
        if (depth) continue;
        if (text.compare(i, 2, "--") == 0) { i = text.find('\n', i); if (i == std::string::npos) break; }
        code += text[i];
    }
    std::istringstream lines(code);
    std::string line, kept;
    while (std::getline(lines, line))
        if (line.rfind("set_option", 0) != 0 && line.rfind("import", 0) != 0 && line.rfind("#print", 0) != 0)
            kept += line + "\n";
    const std::regex ident(R"([A-Za-z_][A-Za-z0-9_']*(\.[A-Za-z_][A-Za-z0-9_']*)*)");
    const std::regex word(R"([A-Za-z_][A-Za-z0-9_']*)");
    std::set<std::string> bound, used;
    auto bind_words = [&](const std::string& s) {
        for (std::sregex_iterator it(s.begin(), s.end(), word), e; it != e; ++it) bound.insert(it->str());
    };
    for (const char* pat : {R"(\(([A-Za-z_][A-Za-z0-9_' ]*) :)", R"(\{([A-Za-z_][A-Za-z0-9_' ]*) :)",
                            R"((?:have|by_contra|theorem|def|namespace) ([A-Za-z_][A-Za-z0-9_']*))",
                            R"(intro ([A-Za-z0-9_' ]+))", R"(fun ([A-Za-z0-9_' ]+) =>)", R"(obtain ⟨([^⟩]*)⟩)",
                            R"((?:∑|∀|∃) ([A-Za-z_][A-Za-z0-9_']*))"}) {
        const std::regex re(pat);
        for (std::sregex_iterator it(kept.begin(), kept.end(), re), e; it != e; ++it) bind_words((*it)[1].str());
    }
    for (std::sregex_iterator it(kept.begin(), kept.end(), ident), e; it != e; ++it) {
        const std::string s = it->str();
        used.insert(s.substr(0, s.find('.')));  // `Finset.sum_le_sum` is reached through `Finset`
    }
    std::vector<std::string> missing;
    for (const auto& n : used)
        if (!bound.count(n) && !frontend::is_reserved(n)) missing.push_back(n);
    INFO("names used by the Lean file but not in frontend/reserved_names.cpp: " << [&] { std::string o; for (const auto& m : missing) o += m + " "; return o; }());
    CHECK(missing.empty());
    CHECK(used.count("mul_pos"));  // the scan sees the proofs' lemmas
    CHECK(frontend::is_reserved("mul_pos"));
}
