/-
TransformerICL: the 98 theorem statements of the ICL = gradient-descent corpus, exported by icl-kernel 0.1.0
from the kernel-checked certificates in theorems/1-core.xml theorems/2-capacity.xml theorems/3-architecture.xml theorems/4-training.xml theorems/5-derived-core.xml theorems/6-derived-capacity.xml theorems/7-derived-architecture.xml theorems/8-derived-training.xml.
Generated file, do not edit: `icl-kernel export lean` writes it, `icl-kernel stamp verify` detects drift.
Definitions are unfolded into the statements (each theorem's doc comment lists them).
Proofs are the kernel certificates: `linear_combination` with exact coefficients; inequality
certificates use proof-term atoms (mul_nonneg, mul_pos, sq_nonneg, sub_nonneg.mpr, ...).
-/
import Mathlib

set_option maxHeartbeats 400000
set_option linter.unusedVariables false

namespace TransformerICL

/-- The linear-attention update eta*(b - a*w) equals the negative gradient step -eta*g of the in-context regression loss, with g = a*w - b.

[A1; paper 001 §2]
Unfolded definitions: `grad(a, w, b) := a*w - b`. -/
theorem attention_update_is_gd_step (eta a w b : ℝ) (heta : eta > 0) :
    eta * (b - a * w) = -(eta * (a * w - b)) := by
  ring

/-- For a positive-definite design (a > 0) with optimum a*wstar = b, the in-context gradient g = a*w - b is the curvature times the error e = w - wstar.

[A2; paper 001 §2]
Unfolded definitions: `grad(a, w, b) := a*w - b` `err(w, wstar) := w - wstar`. -/
theorem in_context_gradient_is_curvature_times_error (a w b wstar : ℝ) (ha : a > 0) (hopt : a * wstar = b) :
    a * w - b = a * (w - wstar) := by
  linear_combination hopt

/-- One gradient step w' = w - eta*g on the loss L(x) = a*x^2 - 2*b*x + c decreases it by exactly eta*(2 - eta*a)*g^2.

[LD; paper 001 §3]
Unfolded definitions: `grad(a, w, b) := a*w - b` `loss(a, b, c, x) := a*x^2 - 2*b*x + c` `gd_step(w, eta, a, b) := w - eta*grad(a, w, b)`. -/
theorem loss_decrease_identity (a b c w eta : ℝ) :
    a * w ^ 2 - 2 * b * w + c - (a * (w - eta * (a * w - b)) ^ 2 - 2 * b * (w - eta * (a * w - b)) + c) = eta * (2 - eta * a) * (a * w - b) ^ 2 := by
  ring

/-- Inside the stability window (eta > 0, eta*a <= 2) the stable-step factor eta*(2 - eta*a) is non-negative.

[A3; paper 001 §3] -/
theorem stable_step_factor_nonneg (eta a : ℝ) (heta : eta > 0) (hwin : eta * a ≤ 2) :
    eta * (2 - eta * a) ≥ 0 := by
  refine not_lt.mp (fun hng => ?_)
  have f : 0 < 0 - eta * (2 - eta * a) := sub_pos.mpr hng
  have f_1 : 0 < eta := heta
  have f_2 : 0 ≤ 2 - eta * a := sub_nonneg.mpr hwin
  have f_3 : 0 ≤ eta * (2 - eta * a) := mul_nonneg (le_of_lt f_1) f_2
  have f_4 : 0 < 0 - eta * (2 - eta * a) + eta * (2 - eta * a) := add_pos_of_pos_of_nonneg f f_3
  have hcontra : (0 : ℝ) < 0 := by
    linear_combination f_4
  exact absurd hcontra (by norm_num)

/-- The gradient energy g^2 of the in-context loss is non-negative.

[A4; paper 001 §3]
Unfolded definitions: `grad(a, w, b) := a*w - b`. -/
theorem grad_sq_nonneg (a w b : ℝ) :
    (a * w - b) ^ 2 ≥ 0 := by
  refine not_lt.mp (fun hng => ?_)
  have f : 0 < 0 - (a * w - b) ^ 2 := sub_pos.mpr hng
  have f_1 : 0 ≤ (a * w - b) ^ 2 := sq_nonneg (a * w - b)
  have f_2 : 0 < 0 - (a * w - b) ^ 2 + (a * w - b) ^ 2 := add_pos_of_pos_of_nonneg f f_1
  have hcontra : (0 : ℝ) < 0 := by
    linear_combination f_2
  exact absurd hcontra (by norm_num)

/-- If the loss decrease factors as L - L' = etafac*gsq with both factors non-negative (A3, A4), one step does not increase the loss: L' <= L.

[A5; paper 001 §3] -/
theorem gd_decreases_loss (L Lnext etafac gsq : ℝ) (hdec : L - Lnext = etafac * gsq) (hetafac : etafac ≥ 0) (hgsq : gsq ≥ 0) :
    Lnext ≤ L := by
  refine not_lt.mp (fun hng => ?_)
  have f : 0 < Lnext - L := sub_pos.mpr hng
  have f_1 : L - Lnext - etafac * gsq = 0 := sub_eq_zero.mpr hdec
  have f_2 : 0 < Lnext - L + (L - Lnext - etafac * gsq) := add_pos_of_pos_of_nonneg f (le_of_eq f_1.symm)
  have f_3 : 0 ≤ etafac := hetafac
  have f_4 : 0 ≤ gsq := hgsq
  have f_5 : 0 ≤ etafac * gsq := mul_nonneg f_3 f_4
  have f_6 : 0 < Lnext - L + (L - Lnext - etafac * gsq) + etafac * gsq := add_pos_of_pos_of_nonneg f_2 f_5
  have hcontra : (0 : ℝ) < 0 := by
    linear_combination f_6
  exact absurd hcontra (by norm_num)

/-- With a*wstar = b, the error e = w - wstar after one step w' = w - eta*(a*w - b) satisfies e'^2 = (1 - eta*a)^2*e^2.

[ER; paper 001 §4]
Unfolded definitions: `grad(a, w, b) := a*w - b` `err(w, wstar) := w - wstar` `gd_step(w, eta, a, b) := w - eta*grad(a, w, b)` `err_next(w, wstar, eta, a, b) := err(gd_step(w, eta, a, b), wstar)`. -/
theorem error_recursion_identity (a b w wstar eta : ℝ) (hopt : a * wstar = b) :
    (w - eta * (a * w - b) - wstar) ^ 2 = (1 - eta * a) ^ 2 * (w - wstar) ^ 2 := by
  linear_combination (-eta) * (2 * w - 2 * wstar - eta * a * w + eta * b - eta * a * w + eta * a * wstar) * hopt

/-- In the stability window 0 <= eta*a <= 2 the squared contraction factor (1 - eta*a)^2 is at most 1.

[A6; paper 001 §4] -/
theorem contraction_factor_sq_le_one (eta a : ℝ) (hlo : 0 ≤ eta * a) (hhi : eta * a ≤ 2) :
    (1 - eta * a) ^ 2 ≤ 1 := by
  refine not_lt.mp (fun hng => ?_)
  have f : 0 < (1 - eta * a) ^ 2 - 1 := sub_pos.mpr hng
  have f_1 : 0 ≤ eta * a := hlo
  have f_2 : 0 ≤ 2 - eta * a := sub_nonneg.mpr hhi
  have f_3 : 0 ≤ eta * a * (2 - eta * a) := mul_nonneg f_1 f_2
  have f_4 : 0 < (1 - eta * a) ^ 2 - 1 + eta * a * (2 - eta * a) := add_pos_of_pos_of_nonneg f f_3
  have hcontra : (0 : ℝ) < 0 := by
    linear_combination f_4
  exact absurd hcontra (by norm_num)

/-- If the squared error contracts as e'^2 = rho^2*e^2 with rho^2 <= 1 and e^2 >= 0, the squared error does not increase.

[A7; paper 001 §4] -/
theorem contraction_reduces_error (esqnext rsq esq : ℝ) (hrec : esqnext = rsq * esq) (hrsq : rsq ≤ 1) (hesq : esq ≥ 0) :
    esqnext ≤ esq := by
  refine not_lt.mp (fun hng => ?_)
  have f : 0 < esqnext - esq := sub_pos.mpr hng
  have f_1 : esqnext - rsq * esq = 0 := sub_eq_zero.mpr hrec
  have f_2 : (-1) * (esqnext - rsq * esq) = 0 := by
    linear_combination (-1 : ℝ) * f_1
  have f_3 : 0 < esqnext - esq + (-1) * (esqnext - rsq * esq) := add_pos_of_pos_of_nonneg f (le_of_eq f_2.symm)
  have f_4 : 0 ≤ 1 - rsq := sub_nonneg.mpr hrsq
  have f_5 : 0 ≤ esq := hesq
  have f_6 : 0 ≤ (1 - rsq) * esq := mul_nonneg f_4 f_5
  have f_7 : 0 < esqnext - esq + (-1) * (esqnext - rsq * esq) + (1 - rsq) * esq := add_pos_of_pos_of_nonneg f_3 f_6
  have hcontra : (0 : ℝ) < 0 := by
    linear_combination f_7
  exact absurd hcontra (by norm_num)

/-- A softmax prediction p*y1 + (1 - p)*y2 with weight p in [0, 1] and y1 <= y2 is at least y1.

[B1; paper 001 §5.1] -/
theorem softmax_prediction_lower_bound (p y1 y2 : ℝ) (hp0 : 0 ≤ p) (hp1 : p ≤ 1) (hy : y1 ≤ y2) :
    p * y1 + (1 - p) * y2 ≥ y1 := by
  refine not_lt.mp (fun hng => ?_)
  have f : 0 < y1 - (p * y1 + (1 - p) * y2) := sub_pos.mpr hng
  have f_1 : 0 ≤ 1 - p := sub_nonneg.mpr hp1
  have f_2 : 0 ≤ y2 - y1 := sub_nonneg.mpr hy
  have f_3 : 0 ≤ (1 - p) * (y2 - y1) := mul_nonneg f_1 f_2
  have f_4 : 0 < y1 - (p * y1 + (1 - p) * y2) + (1 - p) * (y2 - y1) := add_pos_of_pos_of_nonneg f f_3
  have hcontra : (0 : ℝ) < 0 := by
    linear_combination f_4
  exact absurd hcontra (by norm_num)

/-- A softmax prediction p*y1 + (1 - p)*y2 with weight p in [0, 1] and y1 <= y2 is at most y2.

[B2; paper 001 §5.1] -/
theorem softmax_prediction_upper_bound (p y1 y2 : ℝ) (hp0 : 0 ≤ p) (hp1 : p ≤ 1) (hy : y1 ≤ y2) :
    p * y1 + (1 - p) * y2 ≤ y2 := by
  refine not_lt.mp (fun hng => ?_)
  have f : 0 < p * y1 + (1 - p) * y2 - y2 := sub_pos.mpr hng
  have f_1 : 0 ≤ p := hp0
  have f_2 : 0 ≤ y2 - y1 := sub_nonneg.mpr hy
  have f_3 : 0 ≤ p * (y2 - y1) := mul_nonneg f_1 f_2
  have f_4 : 0 < p * y1 + (1 - p) * y2 - y2 + p * (y2 - y1) := add_pos_of_pos_of_nonneg f f_3
  have hcontra : (0 : ℝ) < 0 := by
    linear_combination f_4
  exact absurd hcontra (by norm_num)

/-- In the undershoot regime 0 < u <= v <= 1 a larger (softmax-concentrated) step product v gives a contraction factor (1 - v)^2 no larger than (1 - u)^2.

[B3; paper 001 §5.2] -/
theorem softmax_concentration_accelerates (u v : ℝ) (hu : 0 < u) (huv : u ≤ v) (hv : v ≤ 1) :
    (1 - v) ^ 2 ≤ (1 - u) ^ 2 := by
  refine not_lt.mp (fun hng => ?_)
  have f : 0 < (1 - v) ^ 2 - (1 - u) ^ 2 := sub_pos.mpr hng
  have f_1 : (0 : ℝ) < 2 := by
    norm_num
  have f_2 : 0 ≤ v - u := sub_nonneg.mpr huv
  have f_3 : 0 ≤ 2 * (v - u) := mul_nonneg (le_of_lt f_1) f_2
  have f_4 : 0 ≤ 1 - v := sub_nonneg.mpr hv
  have f_5 : 0 ≤ 2 * (v - u) * (1 - v) := mul_nonneg f_3 f_4
  have f_6 : 0 < (1 - v) ^ 2 - (1 - u) ^ 2 + 2 * (v - u) * (1 - v) := add_pos_of_pos_of_nonneg f f_5
  have f_7 : 0 ≤ (v - u) ^ 2 := sq_nonneg (v - u)
  have f_8 : 0 < (1 - v) ^ 2 - (1 - u) ^ 2 + 2 * (v - u) * (1 - v) + (v - u) ^ 2 := add_pos_of_pos_of_nonneg f_6 f_7
  have hcontra : (0 : ℝ) < 0 := by
    linear_combination f_8
  exact absurd hcontra (by norm_num)

/-- In the overshoot regime 1 <= v <= u <= 2 softmax moderation towards v closer to 1 gives a contraction factor (1 - v)^2 no larger than (1 - u)^2.

[B4; paper 001 §5.2] -/
theorem softmax_moderation_accelerates (u v : ℝ) (hv1 : 1 ≤ v) (hvu : v ≤ u) (hu2 : u ≤ 2) :
    (1 - v) ^ 2 ≤ (1 - u) ^ 2 := by
  refine not_lt.mp (fun hng => ?_)
  have f : 0 < (1 - v) ^ 2 - (1 - u) ^ 2 := sub_pos.mpr hng
  have f_1 : (0 : ℝ) < 2 := by
    norm_num
  have f_2 : 0 ≤ u - v := sub_nonneg.mpr hvu
  have f_3 : 0 ≤ 2 * (u - v) := mul_nonneg (le_of_lt f_1) f_2
  have f_4 : 0 ≤ v - 1 := sub_nonneg.mpr hv1
  have f_5 : 0 ≤ 2 * (u - v) * (v - 1) := mul_nonneg f_3 f_4
  have f_6 : 0 < (1 - v) ^ 2 - (1 - u) ^ 2 + 2 * (u - v) * (v - 1) := add_pos_of_pos_of_nonneg f f_5
  have f_7 : 0 ≤ (u - v) ^ 2 := sq_nonneg (u - v)
  have f_8 : 0 < (1 - v) ^ 2 - (1 - u) ^ 2 + 2 * (u - v) * (v - 1) + (u - v) ^ 2 := add_pos_of_pos_of_nonneg f_6 f_7
  have hcontra : (0 : ℝ) < 0 := by
    linear_combination f_8
  exact absurd hcontra (by norm_num)

/-- If the softmax-preconditioned curvature a_p is at least the non-negative linear curvature a, then a^2 <= a_p^2.

[B5; paper 001 §5.3] -/
theorem curvature_squares_under_concentration (a a_p : ℝ) (ha : a ≥ 0) (hap : a_p ≥ a) :
    a ^ 2 ≤ a_p ^ 2 := by
  refine not_lt.mp (fun hng => ?_)
  have f : 0 < a ^ 2 - a_p ^ 2 := sub_pos.mpr hng
  have f_1 : 0 ≤ (a_p - a) ^ 2 := sq_nonneg (a_p - a)
  have f_2 : 0 < a ^ 2 - a_p ^ 2 + (a_p - a) ^ 2 := add_pos_of_pos_of_nonneg f f_1
  have f_3 : (0 : ℝ) < 2 := by
    norm_num
  have f_4 : 0 ≤ a := ha
  have f_5 : 0 ≤ 2 * a := mul_nonneg (le_of_lt f_3) f_4
  have f_6 : 0 ≤ a_p - a := sub_nonneg.mpr hap
  have f_7 : 0 ≤ 2 * a * (a_p - a) := mul_nonneg f_5 f_6
  have f_8 : 0 < a ^ 2 - a_p ^ 2 + (a_p - a) ^ 2 + 2 * a * (a_p - a) := add_pos_of_pos_of_nonneg f_2 f_7
  have hcontra : (0 : ℝ) < 0 := by
    linear_combination f_8
  exact absurd hcontra (by norm_num)

/-- The preconditioned gradient energy a_p^2*e^2 is at least the linear gradient energy a^2*e^2 when a_p >= a >= 0 and e^2 >= 0: softmax concentration amplifies the descent signal. The paper's sentence names only a_p >= a and e^2 >= 0 and takes a >= 0 from Lemma B5, which it cites; without a >= 0 the statement is false (a = -2, a_p = 1, esq = 1).

[B6; paper 001 §5.3] -/
theorem concentration_amplifies_gradient (gsq gpsq a a_p esq : ℝ) (hg : gsq = a ^ 2 * esq) (hgp : gpsq = a_p ^ 2 * esq) (ha : a ≥ 0) (hap : a_p ≥ a) (hesq : esq ≥ 0) :
    gsq ≤ gpsq := by
  refine not_lt.mp (fun hng => ?_)
  have f : 0 < gsq - gpsq := sub_pos.mpr hng
  have f_1 : gsq - a ^ 2 * esq = 0 := sub_eq_zero.mpr hg
  have f_2 : (-1) * (gsq - a ^ 2 * esq) = 0 := by
    linear_combination (-1 : ℝ) * f_1
  have f_3 : 0 < gsq - gpsq + (-1) * (gsq - a ^ 2 * esq) := add_pos_of_pos_of_nonneg f (le_of_eq f_2.symm)
  have f_4 : gpsq - a_p ^ 2 * esq = 0 := sub_eq_zero.mpr hgp
  have f_5 : 0 ≤ esq := hesq
  have f_6 : 0 ≤ (a_p - a) ^ 2 := sq_nonneg (a_p - a)
  have f_7 : 0 ≤ esq * (a_p - a) ^ 2 := mul_nonneg f_5 f_6
  have f_8 : 0 ≤ gpsq - a_p ^ 2 * esq + esq * (a_p - a) ^ 2 := add_nonneg (le_of_eq f_4.symm) f_7
  have f_9 : 0 < gsq - gpsq + (-1) * (gsq - a ^ 2 * esq) + (gpsq - a_p ^ 2 * esq + esq * (a_p - a) ^ 2) := add_pos_of_pos_of_nonneg f_3 f_8
  have f_10 : (0 : ℝ) < 2 := by
    norm_num
  have f_11 : 0 ≤ esq := hesq
  have f_12 : 0 ≤ 2 * esq := mul_nonneg (le_of_lt f_10) f_11
  have f_13 : 0 ≤ a := ha
  have f_14 : 0 ≤ a_p - a := sub_nonneg.mpr hap
  have f_15 : 0 ≤ a * (a_p - a) := mul_nonneg f_13 f_14
  have f_16 : 0 ≤ 2 * esq * (a * (a_p - a)) := mul_nonneg f_12 f_15
  have f_17 : 0 < gsq - gpsq + (-1) * (gsq - a ^ 2 * esq) + (gpsq - a_p ^ 2 * esq + esq * (a_p - a) ^ 2) + 2 * esq * (a * (a_p - a)) := add_pos_of_pos_of_nonneg f_9 f_16
  have hcontra : (0 : ℝ) < 0 := by
    linear_combination f_17
  exact absurd hcontra (by norm_num)

/-- At the optimal preconditioned step product v = eta*a_p = 1 the contraction factor (1 - v)^2 is zero (one-step Newton convergence).

[B7; paper 001 §5.3] -/
theorem optimal_preconditioning_zeroes_contraction (v eta a_p : ℝ) (hv : v = eta * a_p) (hv1 : v = 1) :
    (1 - v) ^ 2 = 0 := by
  linear_combination (v - 1) * hv1

/-- For a contraction rate r = rho^2 in [0, 1], two layers contract at least as much as one: r^2 <= r.

[C1; paper 001 §6] -/
theorem contraction_compounds (r : ℝ) (hr0 : 0 ≤ r) (hr1 : r ≤ 1) :
    r ^ 2 ≤ r := by
  refine not_lt.mp (fun hng => ?_)
  have f : 0 < r ^ 2 - r := sub_pos.mpr hng
  have f_1 : 0 ≤ r := hr0
  have f_2 : 0 ≤ 1 - r := sub_nonneg.mpr hr1
  have f_3 : 0 ≤ r * (1 - r) := mul_nonneg f_1 f_2
  have f_4 : 0 < r ^ 2 - r + r * (1 - r) := add_pos_of_pos_of_nonneg f f_3
  have hcontra : (0 : ℝ) < 0 := by
    linear_combination f_4
  exact absurd hcontra (by norm_num)

/-- For a non-trivial contraction rate 0 < r < 1 (r = rho^2), an extra layer strictly improves: r^2 < r.

[C2; paper 001 §6] -/
theorem depth_strictly_improves (r : ℝ) (hr0 : 0 < r) (hr1 : r < 1) :
    r ^ 2 < r := by
  refine not_le.mp (fun hng => ?_)
  have f : 0 ≤ r ^ 2 - r := sub_nonneg.mpr hng
  have f_1 : 0 < r := hr0
  have f_2 : 0 < 1 - r := sub_pos.mpr hr1
  have f_3 : 0 < r * (1 - r) := mul_pos f_1 f_2
  have f_4 : 0 < r ^ 2 - r + r * (1 - r) := add_pos_of_nonneg_of_pos f f_3
  have hcontra : (0 : ℝ) < 0 := by
    linear_combination f_4
  exact absurd hcontra (by norm_num)

/-- If the two-layer squared error is e2 = r2*e0 with two-step rate r2 <= 1 and e0 >= 0, then e2 <= e0.

[C3; paper 001 §6] -/
theorem two_layer_error_bound (e2 r2 e0 : ℝ) (hrec : e2 = r2 * e0) (hr2 : r2 ≤ 1) (he0 : e0 ≥ 0) :
    e2 ≤ e0 := by
  refine not_lt.mp (fun hng => ?_)
  have f : 0 < e2 - e0 := sub_pos.mpr hng
  have f_1 : e2 - r2 * e0 = 0 := sub_eq_zero.mpr hrec
  have f_2 : (-1) * (e2 - r2 * e0) = 0 := by
    linear_combination (-1 : ℝ) * f_1
  have f_3 : 0 < e2 - e0 + (-1) * (e2 - r2 * e0) := add_pos_of_pos_of_nonneg f (le_of_eq f_2.symm)
  have f_4 : 0 ≤ 1 - r2 := sub_nonneg.mpr hr2
  have f_5 : 0 ≤ e0 := he0
  have f_6 : 0 ≤ (1 - r2) * e0 := mul_nonneg f_4 f_5
  have f_7 : 0 < e2 - e0 + (-1) * (e2 - r2 * e0) + (1 - r2) * e0 := add_pos_of_pos_of_nonneg f_3 f_6
  have hcontra : (0 : ℝ) < 0 := by
    linear_combination f_7
  exact absurd hcontra (by norm_num)

/-- By transitivity, e3 <= e2 (one more step) and e2 <= e0 (C3) give the three-layer bound e3 <= e0 on the squared error.

[C4; paper 001 §6] -/
theorem three_layer_error_bound (e3 e2 e0 : ℝ) (h32 : e3 ≤ e2) (h20 : e2 ≤ e0) :
    e3 ≤ e0 := by
  refine not_lt.mp (fun hng => ?_)
  have f : 0 < e3 - e0 := sub_pos.mpr hng
  have f_1 : 0 ≤ e2 - e3 := sub_nonneg.mpr h32
  have f_2 : 0 < e3 - e0 + (e2 - e3) := add_pos_of_pos_of_nonneg f f_1
  have f_3 : 0 ≤ e0 - e2 := sub_nonneg.mpr h20
  have f_4 : 0 < e3 - e0 + (e2 - e3) + (e0 - e2) := add_pos_of_pos_of_nonneg f_2 f_3
  have hcontra : (0 : ℝ) < 0 := by
    linear_combination f_4
  exact absurd hcontra (by norm_num)

/-- If each of two eigenvalue channels descends (L1' <= L1, L2' <= L2), the total loss L1 + L2 descends.

[D1; paper 001 §7] -/
theorem total_loss_descent (L1 L1next L2 L2next : ℝ) (h1 : L1next ≤ L1) (h2 : L2next ≤ L2) :
    L1next + L2next ≤ L1 + L2 := by
  refine not_lt.mp (fun hng => ?_)
  have f : 0 < L1next + L2next - (L1 + L2) := sub_pos.mpr hng
  have f_1 : 0 ≤ L1 - L1next := sub_nonneg.mpr h1
  have f_2 : 0 < L1next + L2next - (L1 + L2) + (L1 - L1next) := add_pos_of_pos_of_nonneg f f_1
  have f_3 : 0 ≤ L2 - L2next := sub_nonneg.mpr h2
  have f_4 : 0 < L1next + L2next - (L1 + L2) + (L1 - L1next) + (L2 - L2next) := add_pos_of_pos_of_nonneg f_2 f_3
  have hcontra : (0 : ℝ) < 0 := by
    linear_combination f_4
  exact absurd hcontra (by norm_num)

/-- With step products u = eta*a1 and v = eta*a2 at the optimal step u + v = 2, channel 1 contracts no worse than channel 2: (1 - u)^2 <= (1 - v)^2 (and by symmetry they are equal).

[D2; paper 001 §7] -/
theorem optimal_step_balances_contraction (u v : ℝ) (hsum : u + v = 2) :
    (1 - u) ^ 2 ≤ (1 - v) ^ 2 := by
  refine not_lt.mp (fun hng => ?_)
  have f : 0 < (1 - u) ^ 2 - (1 - v) ^ 2 := sub_pos.mpr hng
  have f_1 : u + v - 2 = 0 := sub_eq_zero.mpr hsum
  have f_2 : (v - u) * (u + v - 2) = 0 := by
    linear_combination (v - u) * f_1
  have f_3 : 0 < (1 - u) ^ 2 - (1 - v) ^ 2 + (v - u) * (u + v - 2) := add_pos_of_pos_of_nonneg f (le_of_eq f_2.symm)
  have hcontra : (0 : ℝ) < 0 := by
    linear_combination f_3
  exact absurd hcontra (by norm_num)

/-- For non-negative eigenvalues a1, a2 the condition-number rate is at most 1: (a2 - a1)^2 <= (a2 + a1)^2.

[D3; paper 001 §7] -/
theorem condition_rate_bounded (a1 a2 : ℝ) (ha1 : a1 ≥ 0) (ha2 : a2 ≥ 0) :
    (a2 - a1) ^ 2 ≤ (a2 + a1) ^ 2 := by
  refine not_lt.mp (fun hng => ?_)
  have f : 0 < (a2 - a1) ^ 2 - (a2 + a1) ^ 2 := sub_pos.mpr hng
  have f_1 : (0 : ℝ) < 4 := by
    norm_num
  have f_2 : 0 ≤ a1 := ha1
  have f_3 : 0 ≤ 4 * a1 := mul_nonneg (le_of_lt f_1) f_2
  have f_4 : 0 ≤ a2 := ha2
  have f_5 : 0 ≤ 4 * a1 * a2 := mul_nonneg f_3 f_4
  have f_6 : 0 < (a2 - a1) ^ 2 - (a2 + a1) ^ 2 + 4 * a1 * a2 := add_pos_of_pos_of_nonneg f f_5
  have hcontra : (0 : ℝ) < 0 := by
    linear_combination f_6
  exact absurd hcontra (by norm_num)

/-- The constructed attention update with composite gain kappa equals the negative scaled gradient: kappa*(b - a*w) = -(kappa*(a*w - b)).

[V1; paper 001 §App. A] -/
theorem construction_realizes_gd_step (kappa a w b : ℝ) :
    kappa * (b - a * w) = -(kappa * (a * w - b)) := by
  ring

/-- If the value-output and key-query gains are positive, the composite gain (the step size) v_o*q_k is positive.

[V2; paper 001 §App. A] -/
theorem composite_gain_positive (v_o q_k : ℝ) (hvo : v_o > 0) (hqk : q_k > 0) :
    v_o * q_k > 0 := by
  refine not_le.mp (fun hng => ?_)
  have f : 0 ≤ 0 - v_o * q_k := sub_nonneg.mpr hng
  have f_1 : 0 < v_o := hvo
  have f_2 : 0 < q_k := hqk
  have f_3 : 0 < v_o * q_k := mul_pos f_1 f_2
  have f_4 : 0 < 0 - v_o * q_k + v_o * q_k := add_pos_of_nonneg_of_pos f f_3
  have hcontra : (0 : ℝ) < 0 := by
    linear_combination f_4
  exact absurd hcontra (by norm_num)

/-- If the composite gain kappa = v_o*q_k equals the step eta with eta*a_p = 1, then kappa*a_p = 1 and the contraction (1 - kappa*a_p)^2 is zero: Newton convergence is architecturally attainable.

[V3; paper 001 §App. A] -/
theorem gains_realize_newton_convergence (kappa v_o q_k eta a_p : ℝ) (hk : kappa = v_o * q_k) (hke : kappa = eta) (hnewton : eta * a_p = 1) :
    kappa * a_p = 1 ∧ (1 - kappa * a_p) ^ 2 = 0 := by
  refine ⟨?_, ?_⟩
  · linear_combination a_p * hke + hnewton
  · linear_combination (kappa * a_p - 1) * a_p * hke + (kappa * a_p - 1) * hnewton

/-- With per-channel updates u_i = -kappa_i*g_i on two eigenvalue channels, the total update energy decomposes without cross terms: u1^2 + u2^2 = kappa1^2*g1^2 + kappa2^2*g2^2.

[M1; paper 001 §App. A] -/
theorem matrix_update_energy_decomposition (u1 u2 kappa1 kappa2 g1 g2 : ℝ) (h1 : u1 = (-kappa1) * g1) (h2 : u2 = (-kappa2) * g2) :
    u1 ^ 2 + u2 ^ 2 = kappa1 ^ 2 * g1 ^ 2 + kappa2 ^ 2 * g2 ^ 2 := by
  linear_combination (u1 - kappa1 * g1) * h1 + (u2 - kappa2 * g2) * h2

/-- If each of two channels' gradient energies contracts (g1'^2 <= g1^2, g2'^2 <= g2^2), the total (Frobenius) gradient energy contracts.

[M2; paper 001 §App. A] -/
theorem matrix_frobenius_contraction (g1 g2 g1next g2next : ℝ) (h1 : g1next ^ 2 ≤ g1 ^ 2) (h2 : g2next ^ 2 ≤ g2 ^ 2) :
    g1next ^ 2 + g2next ^ 2 ≤ g1 ^ 2 + g2 ^ 2 := by
  refine not_lt.mp (fun hng => ?_)
  have f : 0 < g1next ^ 2 + g2next ^ 2 - (g1 ^ 2 + g2 ^ 2) := sub_pos.mpr hng
  have f_1 : 0 ≤ g1 ^ 2 - g1next ^ 2 := sub_nonneg.mpr h1
  have f_2 : 0 < g1next ^ 2 + g2next ^ 2 - (g1 ^ 2 + g2 ^ 2) + (g1 ^ 2 - g1next ^ 2) := add_pos_of_pos_of_nonneg f f_1
  have f_3 : 0 ≤ g2 ^ 2 - g2next ^ 2 := sub_nonneg.mpr h2
  have f_4 : 0 < g1next ^ 2 + g2next ^ 2 - (g1 ^ 2 + g2 ^ 2) + (g1 ^ 2 - g1next ^ 2) + (g2 ^ 2 - g2next ^ 2) := add_pos_of_pos_of_nonneg f_2 f_3
  have hcontra : (0 : ℝ) < 0 := by
    linear_combination f_4
  exact absurd hcontra (by norm_num)

/-- If a single gain kappa is Newton-optimal for channel 1 (kappa*lam1 = 1) and the eigenvalues differ (0 < lam1 < lam2), channel 2 keeps a positive residual contraction (1 - kappa*lam2)^2 > 0.

[M3; paper 001 §App. A] -/
theorem single_gain_newton_impossible (lam1 lam2 kappa : ℝ) (hl1 : 0 < lam1) (hl12 : lam1 < lam2) (hnewton : kappa * lam1 = 1) :
    (1 - kappa * lam2) ^ 2 > 0 := by
  refine not_le.mp (fun hng => ?_)
  have f : 0 ≤ 0 - (1 - kappa * lam2) ^ 2 := sub_nonneg.mpr hng
  have f_1 : 0 ≤ lam1 ^ 2 := sq_nonneg (lam1)
  have f_2 : 0 ≤ (0 - (1 - kappa * lam2) ^ 2) * lam1 ^ 2 := mul_nonneg f f_1
  have f_3 : 0 < lam2 - lam1 := sub_pos.mpr hl12
  have f_4 : 0 < lam2 - lam1 := sub_pos.mpr hl12
  have f_5 : 0 < (lam2 - lam1) * (lam2 - lam1) := mul_pos f_3 f_4
  have f_6 : 0 < (0 - (1 - kappa * lam2) ^ 2) * lam1 ^ 2 + (lam2 - lam1) * (lam2 - lam1) := add_pos_of_nonneg_of_pos f_2 f_5
  have f_7 : kappa * lam1 - 1 = 0 := sub_eq_zero.mpr hnewton
  have f_8 : lam2 * (lam2 - 2 * lam1 + kappa * lam1 * lam2) * (kappa * lam1 - 1) = 0 := by
    linear_combination (lam2 * (lam2 - 2 * lam1 + kappa * lam1 * lam2)) * f_7
  have f_9 : 0 < (0 - (1 - kappa * lam2) ^ 2) * lam1 ^ 2 + (lam2 - lam1) * (lam2 - lam1) + lam2 * (lam2 - 2 * lam1 + kappa * lam1 * lam2) * (kappa * lam1 - 1) := add_pos_of_pos_of_nonneg f_6 (le_of_eq f_8.symm)
  have hcontra : (0 : ℝ) < 0 := by
    linear_combination f_9
  exact absurd hcontra (by norm_num)

/-- If every eigen-channel gradient energy g_k^2 (k < d) is non-negative, the total Frobenius gradient energy sum_{k<d} g_k^2 is non-negative, in any dimension d.

[MN1; paper 001 §App. A] -/
theorem frobenius_energy_nonneg (d : ℕ) (g : ℕ → ℝ) (hg : ∀ k < d, g k ^ 2 ≥ 0) :
    ∑ k ∈ Finset.range d, (g k ^ 2) ≥ 0 := by
  apply Finset.sum_nonneg
  intro i hmem
  have hg := hg i (Finset.mem_range.mp hmem)
  refine not_lt.mp (fun hng => ?_)
  have f : 0 < 0 - g i ^ 2 := sub_pos.mpr hng
  have f_1 : 0 ≤ g i ^ 2 := hg
  have f_2 : 0 < 0 - g i ^ 2 + g i ^ 2 := add_pos_of_pos_of_nonneg f f_1
  have hcontra : (0 : ℝ) < 0 := by
    linear_combination f_2
  exact absurd hcontra (by norm_num)

/-- If every eigen-channel gradient energy contracts (g'_k^2 <= g_k^2 for all k < d), the total Frobenius gradient energy contracts in arbitrary dimension d.

[MN2; paper 001 §App. A] -/
theorem frobenius_contraction_full (d : ℕ) (g gn : ℕ → ℝ) (hg : ∀ k < d, gn k ^ 2 ≤ g k ^ 2) :
    ∑ k ∈ Finset.range d, (gn k ^ 2) ≤ ∑ k ∈ Finset.range d, (g k ^ 2) := by
  apply Finset.sum_le_sum
  intro i hmem
  have hg := hg i (Finset.mem_range.mp hmem)
  refine not_lt.mp (fun hng => ?_)
  have f : 0 < gn i ^ 2 - g i ^ 2 := sub_pos.mpr hng
  have f_1 : 0 ≤ g i ^ 2 - gn i ^ 2 := sub_nonneg.mpr hg
  have f_2 : 0 < gn i ^ 2 - g i ^ 2 + (g i ^ 2 - gn i ^ 2) := add_pos_of_pos_of_nonneg f f_1
  have hcontra : (0 : ℝ) < 0 := by
    linear_combination f_2
  exact absurd hcontra (by norm_num)

/-- When each eigen-channel runs its own GD step u_k = -kappa_k*g_k, the total Frobenius update energy is the sum of the squared per-channel steps, in any dimension d.

[MN3; paper 001 §App. A] -/
theorem frobenius_update_energy_decomposition (d : ℕ) (u kappa g : ℕ → ℝ) (hu : ∀ k < d, u k = (-kappa k) * g k) :
    ∑ k ∈ Finset.range d, (u k ^ 2) = ∑ k ∈ Finset.range d, (kappa k ^ 2 * g k ^ 2) := by
  apply Finset.sum_congr rfl
  intro i hmem
  have hu := hu i (Finset.mem_range.mp hmem)
  linear_combination (u i - kappa i * g i) * hu

/-- At the Newton-optimal step product v = 1, any positive interference delta > 0 with eta > 0 leaves a non-zero contraction (1 - (v + eta*delta))^2 > 0.

[E1; paper 002 §1] -/
theorem interference_destroys_newton_convergence (v eta delta : ℝ) (hv : v = 1) (heta : eta > 0) (hdelta : delta > 0) :
    (1 - (v + eta * delta)) ^ 2 > 0 := by
  refine not_le.mp (fun hng => ?_)
  have f : 0 ≤ 0 - (1 - (v + eta * delta)) ^ 2 := sub_nonneg.mpr hng
  have f_1 : 0 < eta := heta
  have f_2 : 0 < eta := heta
  have f_3 : 0 < eta * eta := mul_pos f_1 f_2
  have f_4 : 0 < delta := hdelta
  have f_5 : 0 < delta := hdelta
  have f_6 : 0 < delta * delta := mul_pos f_4 f_5
  have f_7 : 0 < eta * eta * (delta * delta) := mul_pos f_3 f_6
  have f_8 : 0 < 0 - (1 - (v + eta * delta)) ^ 2 + eta * eta * (delta * delta) := add_pos_of_nonneg_of_pos f f_7
  have f_9 : v - 1 = 0 := sub_eq_zero.mpr hv
  have f_10 : (v - 1 + 2 * eta * delta) * (v - 1) = 0 := by
    linear_combination (v - 1 + 2 * eta * delta) * f_9
  have f_11 : 0 < 0 - (1 - (v + eta * delta)) ^ 2 + eta * eta * (delta * delta) + (v - 1 + 2 * eta * delta) * (v - 1) := add_pos_of_pos_of_nonneg f_8 (le_of_eq f_10.symm)
  have hcontra : (0 : ℝ) < 0 := by
    linear_combination f_11
  exact absurd hcontra (by norm_num)

/-- If the interference w = eta*delta >= 0 in step-product space is at least twice the clean contraction factor rho = 1 - v (signed), the noisy contraction (rho - w)^2 is at least rho^2. The side condition w >= 0 is implicit in the paper (w = eta*delta with eta, delta > 0, as in E1); without it the statement is false (rho = w = -1, see the counterexample).

[E2; paper 002 §1]
Deviation from the spec: The spec adds rho >= 0; the corpus adds the weaker w >= 0 instead (rho >= 0 and w >= 2*rho imply w >= 0). The paper fixes rho = 1 - v as the signed factor, while the interference w = eta*delta is non-negative, so w >= 0 is the paper's reading. -/
theorem large_interference_worsens_contraction (rho w : ℝ) (hw0 : w ≥ 0) (hw : w ≥ 2 * rho) :
    (rho - w) ^ 2 ≥ rho ^ 2 := by
  refine not_lt.mp (fun hng => ?_)
  have f : 0 < rho ^ 2 - (rho - w) ^ 2 := sub_pos.mpr hng
  have f_1 : 0 ≤ w := hw0
  have f_2 : 0 ≤ w - 2 * rho := sub_nonneg.mpr hw
  have f_3 : 0 ≤ w * (w - 2 * rho) := mul_nonneg f_1 f_2
  have f_4 : 0 < rho ^ 2 - (rho - w) ^ 2 + w * (w - 2 * rho) := add_pos_of_pos_of_nonneg f f_3
  have hcontra : (0 : ℝ) < 0 := by
    linear_combination f_4
  exact absurd hcontra (by norm_num)

/-- For non-negative interference w and clean contraction factor rho the degradation (rho - w)^2 - rho^2 is at most w^2: it grows at most quadratically in the interference.

[E3; paper 002 §1] -/
theorem interference_degradation_bounded (w rho : ℝ) (hw : w ≥ 0) (hrho : rho ≥ 0) :
    (rho - w) ^ 2 - rho ^ 2 ≤ w ^ 2 := by
  refine not_lt.mp (fun hng => ?_)
  have f : 0 < (rho - w) ^ 2 - rho ^ 2 - w ^ 2 := sub_pos.mpr hng
  have f_1 : (0 : ℝ) < 2 := by
    norm_num
  have f_2 : 0 ≤ w := hw
  have f_3 : 0 ≤ 2 * w := mul_nonneg (le_of_lt f_1) f_2
  have f_4 : 0 ≤ rho := hrho
  have f_5 : 0 ≤ 2 * w * rho := mul_nonneg f_3 f_4
  have f_6 : 0 < (rho - w) ^ 2 - rho ^ 2 - w ^ 2 + 2 * w * rho := add_pos_of_pos_of_nonneg f f_5
  have hcontra : (0 : ℝ) < 0 := by
    linear_combination f_6
  exact absurd hcontra (by norm_num)

/-- Under the coherence budget w <= mu (with w, rho, mu >= 0) the per-step convergence degradation (rho - w)^2 - rho^2 is at most mu^2.

[I1; paper 002 §2] -/
theorem capacity_computation_bridge (w rho mu : ℝ) (hw : w ≥ 0) (hrho : rho ≥ 0) (hmu : mu ≥ 0) (hbudget : w ≤ mu) :
    (rho - w) ^ 2 - rho ^ 2 ≤ mu ^ 2 := by
  refine not_lt.mp (fun hng => ?_)
  have f : 0 < (rho - w) ^ 2 - rho ^ 2 - mu ^ 2 := sub_pos.mpr hng
  have f_1 : (0 : ℝ) < 2 := by
    norm_num
  have f_2 : 0 ≤ rho := hrho
  have f_3 : 0 ≤ 2 * rho := mul_nonneg (le_of_lt f_1) f_2
  have f_4 : 0 ≤ w := hw
  have f_5 : 0 ≤ 2 * rho * w := mul_nonneg f_3 f_4
  have f_6 : 0 < (rho - w) ^ 2 - rho ^ 2 - mu ^ 2 + 2 * rho * w := add_pos_of_pos_of_nonneg f f_5
  have f_7 : 0 ≤ (mu - w) ^ 2 := sq_nonneg (mu - w)
  have f_8 : (0 : ℝ) < 2 := by
    norm_num
  have f_9 : 0 ≤ w := hw
  have f_10 : 0 ≤ 2 * w := mul_nonneg (le_of_lt f_8) f_9
  have f_11 : 0 ≤ mu - w := sub_nonneg.mpr hbudget
  have f_12 : 0 ≤ 2 * w * (mu - w) := mul_nonneg f_10 f_11
  have f_13 : 0 ≤ (mu - w) ^ 2 + 2 * w * (mu - w) := add_nonneg f_7 f_12
  have f_14 : 0 < (rho - w) ^ 2 - rho ^ 2 - mu ^ 2 + 2 * rho * w + ((mu - w) ^ 2 + 2 * w * (mu - w)) := add_pos_of_pos_of_nonneg f_6 f_13
  have hcontra : (0 : ℝ) < 0 := by
    linear_combination f_14
  exact absurd hcontra (by norm_num)

/-- If the interference w exceeds the non-negative coherence floor mu, the noisy contraction at the Newton step satisfies mu^2 <= w^2.

[I2; paper 002 §2] -/
theorem overpacking_degrades_optimum (mu w : ℝ) (hmu : mu ≥ 0) (hw : w ≥ mu) :
    mu ^ 2 ≤ w ^ 2 := by
  refine not_lt.mp (fun hng => ?_)
  have f : 0 < mu ^ 2 - w ^ 2 := sub_pos.mpr hng
  have f_1 : 0 ≤ (w - mu) ^ 2 := sq_nonneg (w - mu)
  have f_2 : 0 < mu ^ 2 - w ^ 2 + (w - mu) ^ 2 := add_pos_of_pos_of_nonneg f f_1
  have f_3 : (0 : ℝ) < 2 := by
    norm_num
  have f_4 : 0 ≤ mu := hmu
  have f_5 : 0 ≤ 2 * mu := mul_nonneg (le_of_lt f_3) f_4
  have f_6 : 0 ≤ w - mu := sub_nonneg.mpr hw
  have f_7 : 0 ≤ 2 * mu * (w - mu) := mul_nonneg f_5 f_6
  have f_8 : 0 < mu ^ 2 - w ^ 2 + (w - mu) ^ 2 + 2 * mu * (w - mu) := add_pos_of_pos_of_nonneg f_2 f_7
  have hcontra : (0 : ℝ) < 0 := by
    linear_combination f_8
  exact absurd hcontra (by norm_num)

/-- If each of two layers' contraction rates is at least the non-negative coherence floor f, the two-layer contraction r1*r2 is at least f^2.

[I3; paper 002 §2] -/
theorem convergence_floor_compounds (f r1 r2 : ℝ) (hf : f ≥ 0) (h1 : r1 ≥ f) (h2 : r2 ≥ f) :
    r1 * r2 ≥ f ^ 2 := by
  refine not_lt.mp (fun hng => ?_)
  have f_1 : 0 < f ^ 2 - r1 * r2 := sub_pos.mpr hng
  have f_2 : 0 ≤ r1 - f := sub_nonneg.mpr h1
  have f_3 : 0 ≤ r2 - f := sub_nonneg.mpr h2
  have f_4 : 0 ≤ (r1 - f) * (r2 - f) := mul_nonneg f_2 f_3
  have f_5 : 0 < f ^ 2 - r1 * r2 + (r1 - f) * (r2 - f) := add_pos_of_pos_of_nonneg f_1 f_4
  have f_6 : 0 ≤ f := hf
  have f_7 : 0 ≤ r1 - f := sub_nonneg.mpr h1
  have f_8 : 0 ≤ f * (r1 - f) := mul_nonneg f_6 f_7
  have f_9 : 0 ≤ f := hf
  have f_10 : 0 ≤ r2 - f := sub_nonneg.mpr h2
  have f_11 : 0 ≤ f * (r2 - f) := mul_nonneg f_9 f_10
  have f_12 : 0 ≤ f * (r1 - f) + f * (r2 - f) := add_nonneg f_8 f_11
  have f_13 : 0 < f ^ 2 - r1 * r2 + (r1 - f) * (r2 - f) + (f * (r1 - f) + f * (r2 - f)) := add_pos_of_pos_of_nonneg f_5 f_12
  have hcontra : (0 : ℝ) < 0 := by
    linear_combination f_13
  exact absurd hcontra (by norm_num)

/-- Beyond the stability window (step product u >= 2) the contraction factor (1 - u)^2 is at least 1: the step diverges.

[P1; paper 002 §3] -/
theorem instability_beyond_stability_window (u : ℝ) (hu : u ≥ 2) :
    (1 - u) ^ 2 ≥ 1 := by
  refine not_lt.mp (fun hng => ?_)
  have f : 0 < 1 - (1 - u) ^ 2 := sub_pos.mpr hng
  have f_1 : 0 ≤ (u - 2) ^ 2 := sq_nonneg (u - 2)
  have f_2 : 0 < 1 - (1 - u) ^ 2 + (u - 2) ^ 2 := add_pos_of_pos_of_nonneg f f_1
  have f_3 : (0 : ℝ) < 2 := by
    norm_num
  have f_4 : 0 ≤ u - 2 := sub_nonneg.mpr hu
  have f_5 : 0 ≤ 2 * (u - 2) := mul_nonneg (le_of_lt f_3) f_4
  have f_6 : 0 < 1 - (1 - u) ^ 2 + (u - 2) ^ 2 + 2 * (u - 2) := add_pos_of_pos_of_nonneg f_2 f_5
  have hcontra : (0 : ℝ) < 0 := by
    linear_combination f_6
  exact absurd hcontra (by norm_num)

/-- In the overshoot regime 1 < u < v < 2, the step product further from the optimum contracts strictly worse: (1 - u)^2 < (1 - v)^2.

[P2; paper 002 §3] -/
theorem overshoot_monotone_degradation (u v : ℝ) (hu1 : 1 < u) (huv : u < v) (hv2 : v < 2) :
    (1 - u) ^ 2 < (1 - v) ^ 2 := by
  refine not_le.mp (fun hng => ?_)
  have f : 0 ≤ (1 - u) ^ 2 - (1 - v) ^ 2 := sub_nonneg.mpr hng
  have f_1 : (0 : ℝ) < 2 := by
    norm_num
  have f_2 : 0 < v - u := sub_pos.mpr huv
  have f_3 : 0 < 2 * (v - u) := mul_pos f_1 f_2
  have f_4 : 0 < u - 1 := sub_pos.mpr hu1
  have f_5 : 0 < 2 * (v - u) * (u - 1) := mul_pos f_3 f_4
  have f_6 : 0 < (1 - u) ^ 2 - (1 - v) ^ 2 + 2 * (v - u) * (u - 1) := add_pos_of_nonneg_of_pos f f_5
  have f_7 : 0 < v - u := sub_pos.mpr huv
  have f_8 : 0 < v - u := sub_pos.mpr huv
  have f_9 : 0 < (v - u) * (v - u) := mul_pos f_7 f_8
  have f_10 : 0 < (1 - u) ^ 2 - (1 - v) ^ 2 + 2 * (v - u) * (u - 1) + (v - u) * (v - u) := add_pos f_6 f_9
  have hcontra : (0 : ℝ) < 0 := by
    linear_combination f_10
  exact absurd hcontra (by norm_num)

/-- For any positive step product inside the stability window, 0 < u < 2, the contraction is strict: (1 - u)^2 < 1.

[G1; paper 002 §4] -/
theorem strict_contraction_in_stability_window (u : ℝ) (hu0 : 0 < u) (hu2 : u < 2) :
    (1 - u) ^ 2 < 1 := by
  refine not_le.mp (fun hng => ?_)
  have f : 0 ≤ (1 - u) ^ 2 - 1 := sub_nonneg.mpr hng
  have f_1 : 0 < u := hu0
  have f_2 : 0 < 2 - u := sub_pos.mpr hu2
  have f_3 : 0 < u * (2 - u) := mul_pos f_1 f_2
  have f_4 : 0 < (1 - u) ^ 2 - 1 + u * (2 - u) := add_pos_of_nonneg_of_pos f f_3
  have hcontra : (0 : ℝ) < 0 := by
    linear_combination f_4
  exact absurd hcontra (by norm_num)

/-- In the undershoot regime 0 < u < v < 1 more effective curvature strictly accelerates convergence: (1 - v)^2 < (1 - u)^2.

[G2; paper 002 §4] -/
theorem more_curvature_faster_convergence (u v : ℝ) (hu0 : 0 < u) (huv : u < v) (hv1 : v < 1) :
    (1 - v) ^ 2 < (1 - u) ^ 2 := by
  refine not_le.mp (fun hng => ?_)
  have f : 0 ≤ (1 - v) ^ 2 - (1 - u) ^ 2 := sub_nonneg.mpr hng
  have f_1 : (0 : ℝ) < 2 := by
    norm_num
  have f_2 : 0 < v - u := sub_pos.mpr huv
  have f_3 : 0 < 2 * (v - u) := mul_pos f_1 f_2
  have f_4 : 0 < 1 - v := sub_pos.mpr hv1
  have f_5 : 0 < 2 * (v - u) * (1 - v) := mul_pos f_3 f_4
  have f_6 : 0 < (1 - v) ^ 2 - (1 - u) ^ 2 + 2 * (v - u) * (1 - v) := add_pos_of_nonneg_of_pos f f_5
  have f_7 : 0 < v - u := sub_pos.mpr huv
  have f_8 : 0 < v - u := sub_pos.mpr huv
  have f_9 : 0 < (v - u) * (v - u) := mul_pos f_7 f_8
  have f_10 : 0 < (1 - v) ^ 2 - (1 - u) ^ 2 + 2 * (v - u) * (1 - v) + (v - u) * (v - u) := add_pos f_6 f_9
  have hcontra : (0 : ℝ) < 0 := by
    linear_combination f_10
  exact absurd hcontra (by norm_num)

/-- With zero effective curvature (u = 0) the contraction factor is exactly 1: no information is extracted from the context.

[T1; paper 002 §4] -/
theorem no_curvature_no_learning (u : ℝ) (hu : u = 0) :
    (1 - u) ^ 2 = 1 := by
  linear_combination (u - 2) * hu

/-- For any step product 0 < u < 2 the emergence gap Delta = u*(2 - u) is positive and the contraction is (1 - u)^2 = 1 - Delta < 1.

[T2; paper 002 §4]
Unfolded definitions: `emergence_gap(u) := u*(2 - u)`. -/
theorem emergence_gap_positive (u : ℝ) (hu0 : 0 < u) (hu2 : u < 2) :
    u * (2 - u) > 0 ∧ (1 - u) ^ 2 = 1 - u * (2 - u) ∧ (1 - u) ^ 2 < 1 := by
  refine ⟨?_, ?_, ?_⟩
  · refine not_le.mp (fun hng => ?_)
    have f : 0 ≤ 0 - u * (2 - u) := sub_nonneg.mpr hng
    have f_1 : 0 < u := hu0
    have f_2 : 0 < 2 - u := sub_pos.mpr hu2
    have f_3 : 0 < u * (2 - u) := mul_pos f_1 f_2
    have f_4 : 0 < 0 - u * (2 - u) + u * (2 - u) := add_pos_of_nonneg_of_pos f f_3
    have hcontra : (0 : ℝ) < 0 := by
      linear_combination f_4
    exact absurd hcontra (by norm_num)
  · ring
  · refine not_le.mp (fun hng => ?_)
    have f : 0 ≤ (1 - u) ^ 2 - 1 := sub_nonneg.mpr hng
    have f_1 : 0 < u := hu0
    have f_2 : 0 < 2 - u := sub_pos.mpr hu2
    have f_3 : 0 < u * (2 - u) := mul_pos f_1 f_2
    have f_4 : 0 < (1 - u) ^ 2 - 1 + u * (2 - u) := add_pos_of_nonneg_of_pos f f_3
    have hcontra : (0 : ℝ) < 0 := by
      linear_combination f_4
    exact absurd hcontra (by norm_num)

/-- If the eigenvalue range [a1', a2'] lies inside [a1, a2], its spread is no larger: (a2' - a1')^2 <= (a2 - a1)^2, so a wider spread gives a worse condition-number rate.

[H1; paper 002 §5] -/
theorem wider_spread_worse_rate (a1 a2 a1p a2p : ℝ) (h1 : a1 ≤ a1p) (h2 : a1p ≤ a2p) (h3 : a2p ≤ a2) :
    (a2p - a1p) ^ 2 ≤ (a2 - a1) ^ 2 := by
  refine not_lt.mp (fun hng => ?_)
  have f : 0 < (a2p - a1p) ^ 2 - (a2 - a1) ^ 2 := sub_pos.mpr hng
  have f_1 : (0 : ℝ) < 2 := by
    norm_num
  have f_2 : 0 ≤ a2p - a1p := sub_nonneg.mpr h2
  have f_3 : 0 ≤ 2 * (a2p - a1p) := mul_nonneg (le_of_lt f_1) f_2
  have f_4 : 0 ≤ a1p - a1 := sub_nonneg.mpr h1
  have f_5 : 0 ≤ 2 * (a2p - a1p) * (a1p - a1) := mul_nonneg f_3 f_4
  have f_6 : 0 < (a2p - a1p) ^ 2 - (a2 - a1) ^ 2 + 2 * (a2p - a1p) * (a1p - a1) := add_pos_of_pos_of_nonneg f f_5
  have f_7 : (0 : ℝ) < 2 := by
    norm_num
  have f_8 : 0 ≤ a2p - a1p := sub_nonneg.mpr h2
  have f_9 : 0 ≤ 2 * (a2p - a1p) := mul_nonneg (le_of_lt f_7) f_8
  have f_10 : 0 ≤ a2 - a2p := sub_nonneg.mpr h3
  have f_11 : 0 ≤ 2 * (a2p - a1p) * (a2 - a2p) := mul_nonneg f_9 f_10
  have f_12 : 0 ≤ (a1p - a1 + a2 - a2p) ^ 2 := sq_nonneg (a1p - a1 + a2 - a2p)
  have f_13 : 0 ≤ 2 * (a2p - a1p) * (a2 - a2p) + (a1p - a1 + a2 - a2p) ^ 2 := add_nonneg f_11 f_12
  have f_14 : 0 < (a2p - a1p) ^ 2 - (a2 - a1) ^ 2 + 2 * (a2p - a1p) * (a1p - a1) + (2 * (a2p - a1p) * (a2 - a2p) + (a1p - a1 + a2 - a2p) ^ 2) := add_pos_of_pos_of_nonneg f_6 f_13
  have hcontra : (0 : ℝ) < 0 := by
    linear_combination f_14
  exact absurd hcontra (by norm_num)

/-- If the scaling exponent satisfies alpha*(2*beta) = l with spectral decay rate l = log rho > 0 and smoothness beta > 0, then alpha > 0.

[S1; paper 002 §6] -/
theorem scaling_exponent_positive (alpha beta l : ℝ) (hscal : alpha * (2 * beta) = l) (hl : l > 0) (hbeta : beta > 0) :
    alpha > 0 := by
  refine not_le.mp (fun hng => ?_)
  have f : (0 : ℝ) < 2 := by
    norm_num
  have f_1 : 0 ≤ 0 - alpha := sub_nonneg.mpr hng
  have f_2 : 0 ≤ 2 * (0 - alpha) := mul_nonneg (le_of_lt f) f_1
  have f_3 : 0 < beta := hbeta
  have f_4 : 0 ≤ 2 * (0 - alpha) * beta := mul_nonneg f_2 (le_of_lt f_3)
  have f_5 : alpha * (2 * beta) - l = 0 := sub_eq_zero.mpr hscal
  have f_6 : 0 ≤ 2 * (0 - alpha) * beta + (alpha * (2 * beta) - l) := add_nonneg f_4 (le_of_eq f_5.symm)
  have f_7 : 0 < l := hl
  have f_8 : 0 < 2 * (0 - alpha) * beta + (alpha * (2 * beta) - l) + l := add_pos_of_nonneg_of_pos f_6 f_7
  have hcontra : (0 : ℝ) < 0 := by
    linear_combination f_8
  exact absurd hcontra (by norm_num)

/-- For two data distributions with the same smoothness beta > 0 and decay rates l1 < l2 (alpha_i*(2*beta) = l_i), the scaling exponents satisfy alpha1 < alpha2.

[S2; paper 002 §6] -/
theorem scaling_monotone_in_decay (alpha1 alpha2 beta l1 l2 : ℝ) (h1 : alpha1 * (2 * beta) = l1) (h2 : alpha2 * (2 * beta) = l2) (hl : l1 < l2) (hbeta : beta > 0) :
    alpha1 < alpha2 := by
  refine not_le.mp (fun hng => ?_)
  have f : (0 : ℝ) < 2 := by
    norm_num
  have f_1 : 0 ≤ alpha1 - alpha2 := sub_nonneg.mpr hng
  have f_2 : 0 ≤ 2 * (alpha1 - alpha2) := mul_nonneg (le_of_lt f) f_1
  have f_3 : 0 < beta := hbeta
  have f_4 : 0 ≤ 2 * (alpha1 - alpha2) * beta := mul_nonneg f_2 (le_of_lt f_3)
  have f_5 : alpha1 * (2 * beta) - l1 = 0 := sub_eq_zero.mpr h1
  have f_6 : (-1) * (alpha1 * (2 * beta) - l1) = 0 := by
    linear_combination (-1 : ℝ) * f_5
  have f_7 : 0 ≤ 2 * (alpha1 - alpha2) * beta + (-1) * (alpha1 * (2 * beta) - l1) := add_nonneg f_4 (le_of_eq f_6.symm)
  have f_8 : alpha2 * (2 * beta) - l2 = 0 := sub_eq_zero.mpr h2
  have f_9 : 0 < l2 - l1 := sub_pos.mpr hl
  have f_10 : 0 < alpha2 * (2 * beta) - l2 + (l2 - l1) := add_pos_of_nonneg_of_pos (le_of_eq f_8.symm) f_9
  have f_11 : 0 < 2 * (alpha1 - alpha2) * beta + (-1) * (alpha1 * (2 * beta) - l1) + (alpha2 * (2 * beta) - l2 + (l2 - l1)) := add_pos_of_nonneg_of_pos f_7 f_10
  have hcontra : (0 : ℝ) < 0 := by
    linear_combination f_11
  exact absurd hcontra (by norm_num)

/-- Under the same positive precision budget d_i*l_i = K (K = log(1/epsilon) > 0), steeper spectral decay 0 < l1 < l2 gives a smaller effective dimension: d2 < d1. The paper's sentence leaves K > 0 and l1 > 0 implicit (a precision budget log(1/epsilon) with epsilon < 1, and a positive decay rate); each is needed: without K > 0, d1 = d2 = 0 at K = 0; without l1 > 0, l1 = -1, l2 = 1, K = 1 gives d2 = 1 > d1 = -1.

[S3; paper 002 §6] -/
theorem effective_dim_decreases_with_decay (d1 d2 l1 l2 K : ℝ) (h1 : d1 * l1 = K) (h2 : d2 * l2 = K) (hK : K > 0) (hl1 : 0 < l1) (hl12 : l1 < l2) :
    d2 < d1 := by
  refine not_le.mp (fun hng => ?_)
  have f : 0 ≤ d2 - d1 := sub_nonneg.mpr hng
  have f_1 : 0 < l1 := hl1
  have f_2 : 0 ≤ (d2 - d1) * l1 := mul_nonneg f (le_of_lt f_1)
  have f_3 : 0 < l1 := hl1
  have f_4 : 0 ≤ (d2 - d1) * l1 * l1 := mul_nonneg f_2 (le_of_lt f_3)
  have f_5 : 0 ≤ d2 - d1 := sub_nonneg.mpr hng
  have f_6 : 0 < l1 := hl1
  have f_7 : 0 ≤ (d2 - d1) * l1 := mul_nonneg f_5 (le_of_lt f_6)
  have f_8 : 0 < l2 - l1 := sub_pos.mpr hl12
  have f_9 : 0 ≤ (d2 - d1) * l1 * (l2 - l1) := mul_nonneg f_7 (le_of_lt f_8)
  have f_10 : 0 ≤ (d2 - d1) * l1 * l1 + (d2 - d1) * l1 * (l2 - l1) := add_nonneg f_4 f_9
  have f_11 : d2 * l2 - K = 0 := sub_eq_zero.mpr h2
  have f_12 : (-l1) * (d2 * l2 - K) = 0 := by
    linear_combination (-l1) * f_11
  have f_13 : d1 * l1 - K = 0 := sub_eq_zero.mpr h1
  have f_14 : l2 * (d1 * l1 - K) = 0 := by
    linear_combination (l2) * f_13
  have f_15 : (-l1) * (d2 * l2 - K) + l2 * (d1 * l1 - K) = 0 := by
    linear_combination f_12 + f_14
  have f_16 : 0 ≤ (d2 - d1) * l1 * l1 + (d2 - d1) * l1 * (l2 - l1) + ((-l1) * (d2 * l2 - K) + l2 * (d1 * l1 - K)) := add_nonneg f_10 (le_of_eq f_15.symm)
  have f_17 : 0 < K := hK
  have f_18 : 0 < l2 - l1 := sub_pos.mpr hl12
  have f_19 : 0 < K * (l2 - l1) := mul_pos f_17 f_18
  have f_20 : 0 < (d2 - d1) * l1 * l1 + (d2 - d1) * l1 * (l2 - l1) + ((-l1) * (d2 * l2 - K) + l2 * (d1 * l1 - K)) + K * (l2 - l1) := add_pos_of_nonneg_of_pos f_16 f_19
  have hcontra : (0 : ℝ) < 0 := by
    linear_combination f_20
  exact absurd hcontra (by norm_num)

/-- Substituting the scaling relation alpha*(2*beta) = l into the dimension budget d*l = K gives the single representation budget d*alpha*(2*beta) = K.

[S4; paper 002 §6] -/
theorem capacity_scaling_tradeoff (alpha beta l d K : ℝ) (hscal : alpha * (2 * beta) = l) (hdim : d * l = K) :
    d * alpha * (2 * beta) = K := by
  linear_combination d * hscal + hdim

-- universality_breakdown duplicates S2 byte for byte (the paper says so): it is kept as a statement of the corpus but is not
-- independent evidence.
/-- Duplicate of S2, not independent evidence: the paper's kernel object universality_breakdown is byte-identical to scaling_monotone_in_decay; the corollary (different decay rates give different exponents, so there is no universal scaling exponent) is the injectivity of S2's strict monotonicity.

[S5; paper 002 §6] Duplicate of S2. -/
theorem universality_breakdown (alpha1 alpha2 beta l1 l2 : ℝ) (h1 : alpha1 * (2 * beta) = l1) (h2 : alpha2 * (2 * beta) = l2) (hl : l1 < l2) (hbeta : beta > 0) :
    alpha1 < alpha2 := by
  refine not_le.mp (fun hng => ?_)
  have f : (0 : ℝ) < 2 := by
    norm_num
  have f_1 : 0 ≤ alpha1 - alpha2 := sub_nonneg.mpr hng
  have f_2 : 0 ≤ 2 * (alpha1 - alpha2) := mul_nonneg (le_of_lt f) f_1
  have f_3 : 0 < beta := hbeta
  have f_4 : 0 ≤ 2 * (alpha1 - alpha2) * beta := mul_nonneg f_2 (le_of_lt f_3)
  have f_5 : alpha1 * (2 * beta) - l1 = 0 := sub_eq_zero.mpr h1
  have f_6 : (-1) * (alpha1 * (2 * beta) - l1) = 0 := by
    linear_combination (-1 : ℝ) * f_5
  have f_7 : 0 ≤ 2 * (alpha1 - alpha2) * beta + (-1) * (alpha1 * (2 * beta) - l1) := add_nonneg f_4 (le_of_eq f_6.symm)
  have f_8 : alpha2 * (2 * beta) - l2 = 0 := sub_eq_zero.mpr h2
  have f_9 : 0 < l2 - l1 := sub_pos.mpr hl
  have f_10 : 0 < alpha2 * (2 * beta) - l2 + (l2 - l1) := add_pos_of_nonneg_of_pos (le_of_eq f_8.symm) f_9
  have f_11 : 0 < 2 * (alpha1 - alpha2) * beta + (-1) * (alpha1 * (2 * beta) - l1) + (alpha2 * (2 * beta) - l2 + (l2 - l1)) := add_pos_of_nonneg_of_pos f_7 f_10
  have hcontra : (0 : ℝ) < 0 := by
    linear_combination f_11
  exact absurd hcontra (by norm_num)

/-- When the softmax-weighted step overshoots (eta*a_p > 1), the sink fraction s defined by eta*(1 - s)*a_p = 1 gives zero contraction (one-step Newton convergence) and lies strictly inside the simplex, 0 < s < 1.

[SM1; paper 003 §2] -/
theorem attention_sink_achieves_newton_step (eta a_p s : ℝ) (hover : eta * a_p > 1) (hsink : eta * (1 - s) * a_p = 1) :
    (1 - eta * (1 - s) * a_p) ^ 2 = 0 ∧ 0 < s ∧ s < 1 := by
  refine ⟨?_, ?_, ?_⟩
  · linear_combination (eta * (1 - s) * a_p - 1) * hsink
  · refine not_le.mp (fun hng => ?_)
    have f : 0 ≤ 0 - s := sub_nonneg.mpr hng
    have f_1 : 0 < eta * a_p - 1 := sub_pos.mpr hover
    have f_2 : 0 ≤ (0 - s) * (eta * a_p - 1) := mul_nonneg f (le_of_lt f_1)
    have f_3 : 0 ≤ 0 - s := sub_nonneg.mpr hng
    have f_4 : 0 ≤ (0 - s) * (eta * a_p - 1) + (0 - s) := add_nonneg f_2 f_3
    have f_5 : eta * (1 - s) * a_p - 1 = 0 := sub_eq_zero.mpr hsink
    have f_6 : (-1) * (eta * (1 - s) * a_p - 1) = 0 := by
      linear_combination (-1 : ℝ) * f_5
    have f_7 : 0 < eta * a_p - 1 := sub_pos.mpr hover
    have f_8 : 0 < (-1) * (eta * (1 - s) * a_p - 1) + (eta * a_p - 1) := add_pos_of_nonneg_of_pos (le_of_eq f_6.symm) f_7
    have f_9 : 0 < (0 - s) * (eta * a_p - 1) + (0 - s) + ((-1) * (eta * (1 - s) * a_p - 1) + (eta * a_p - 1)) := add_pos_of_nonneg_of_pos f_4 f_8
    have hcontra : (0 : ℝ) < 0 := by
      linear_combination f_9
    exact absurd hcontra (by norm_num)
  · refine not_le.mp (fun hng => ?_)
    have f : 0 ≤ s - 1 := sub_nonneg.mpr hng
    have f_1 : 0 < eta * a_p - 1 := sub_pos.mpr hover
    have f_2 : 0 ≤ (s - 1) * (eta * a_p - 1) := mul_nonneg f (le_of_lt f_1)
    have f_3 : 0 ≤ s - 1 := sub_nonneg.mpr hng
    have f_4 : 0 ≤ (s - 1) * (eta * a_p - 1) + (s - 1) := add_nonneg f_2 f_3
    have f_5 : eta * (1 - s) * a_p - 1 = 0 := sub_eq_zero.mpr hsink
    have f_6 : 0 ≤ (s - 1) * (eta * a_p - 1) + (s - 1) + (eta * (1 - s) * a_p - 1) := add_nonneg f_4 (le_of_eq f_5.symm)
    have hcontra : (0 : ℝ) ≤ -1 := by
      linear_combination f_6
    exact absurd hcontra (by norm_num)

/-- If the preconditioning error satisfies |1 - eta*a_p| <= delta, the contraction (1 - eta*a_p)^2 is at most delta^2: near-Newton preconditioning gives a quadratically small residual.

[SM2; paper 003 §2] -/
theorem near_newton_quadratic_rate (eta a_p delta : ℝ) (hlo : -delta ≤ 1 - eta * a_p) (hhi : 1 - eta * a_p ≤ delta) :
    (1 - eta * a_p) ^ 2 ≤ delta ^ 2 := by
  refine not_lt.mp (fun hng => ?_)
  have f : 0 < (1 - eta * a_p) ^ 2 - delta ^ 2 := sub_pos.mpr hng
  have f_1 : 0 ≤ 1 - eta * a_p - (-delta) := sub_nonneg.mpr hlo
  have f_2 : 0 ≤ delta - (1 - eta * a_p) := sub_nonneg.mpr hhi
  have f_3 : 0 ≤ (1 - eta * a_p - (-delta)) * (delta - (1 - eta * a_p)) := mul_nonneg f_1 f_2
  have f_4 : 0 < (1 - eta * a_p) ^ 2 - delta ^ 2 + (1 - eta * a_p - (-delta)) * (delta - (1 - eta * a_p)) := add_pos_of_pos_of_nonneg f f_3
  have hcontra : (0 : ℝ) < 0 := by
    linear_combination f_4
  exact absurd hcontra (by norm_num)

/-- If softmax improves the per-layer contraction ratio by a factor 0 <= c < 1 (r_s = c*r_l, r_l >= 0), two layers improve by c^2 and the two-layer softmax contraction is at most the linear one. The paper states c < 1 only; 0 <= c is implicit (c is a ratio of contraction rates, which are squares) and without it the second goal is false (c = -2). The weaker -1 <= c would also do; 0 <= c is the paper's reading.

[SM3; paper 003 §2] -/
theorem softmax_advantage_compounds (r_s r_l c : ℝ) (hrs : r_s = c * r_l) (hc0 : 0 ≤ c) (hc1 : c < 1) (hrl : r_l ≥ 0) :
    r_s * r_s = c ^ 2 * (r_l * r_l) ∧ r_s * r_s ≤ r_l * r_l := by
  refine ⟨?_, ?_⟩
  · linear_combination (r_s + c * r_l) * hrs
  · refine not_lt.mp (fun hng => ?_)
    have f : 0 < r_s * r_s - r_l * r_l := sub_pos.mpr hng
    have f_1 : r_s - c * r_l = 0 := sub_eq_zero.mpr hrs
    have f_2 : (-(r_s + c * r_l)) * (r_s - c * r_l) = 0 := by
      linear_combination (-(r_s + c * r_l)) * f_1
    have f_3 : 0 < r_s * r_s - r_l * r_l + (-(r_s + c * r_l)) * (r_s - c * r_l) := add_pos_of_pos_of_nonneg f (le_of_eq f_2.symm)
    have f_4 : 0 < 1 - c := sub_pos.mpr hc1
    have f_5 : 0 ≤ r_l ^ 2 := sq_nonneg (r_l)
    have f_6 : 0 ≤ (1 - c) * r_l ^ 2 := mul_nonneg (le_of_lt f_4) f_5
    have f_7 : 0 < 1 - c := sub_pos.mpr hc1
    have f_8 : 0 ≤ c := hc0
    have f_9 : 0 ≤ (1 - c) * c := mul_nonneg (le_of_lt f_7) f_8
    have f_10 : 0 ≤ r_l ^ 2 := sq_nonneg (r_l)
    have f_11 : 0 ≤ (1 - c) * c * r_l ^ 2 := mul_nonneg f_9 f_10
    have f_12 : 0 ≤ (1 - c) * r_l ^ 2 + (1 - c) * c * r_l ^ 2 := add_nonneg f_6 f_11
    have f_13 : 0 < r_s * r_s - r_l * r_l + (-(r_s + c * r_l)) * (r_s - c * r_l) + ((1 - c) * r_l ^ 2 + (1 - c) * c * r_l ^ 2) := add_pos_of_pos_of_nonneg f_3 f_12
    have hcontra : (0 : ℝ) < 0 := by
      linear_combination f_13
    exact absurd hcontra (by norm_num)

/-- In the undershoot regime 0 < eta*a_p <= 1, any sink fraction 0 < s <= 1 strictly increases the contraction: (1 - eta*a_p)^2 < (1 - eta*(1 - s)*a_p)^2.

[SM4; paper 003 §2] -/
theorem sink_hurts_in_undershoot (eta a_p s : ℝ) (hx0 : 0 < eta * a_p) (hx1 : eta * a_p ≤ 1) (hs0 : 0 < s) (hs1 : s ≤ 1) :
    (1 - eta * a_p) ^ 2 < (1 - eta * (1 - s) * a_p) ^ 2 := by
  refine not_le.mp (fun hng => ?_)
  have f : 0 ≤ (1 - eta * a_p) ^ 2 - (1 - eta * (1 - s) * a_p) ^ 2 := sub_nonneg.mpr hng
  have f_1 : (0 : ℝ) < 2 := by
    norm_num
  have f_2 : 0 < s := hs0
  have f_3 : 0 < 2 * s := mul_pos f_1 f_2
  have f_4 : 0 < eta * a_p := hx0
  have f_5 : 0 ≤ 1 - eta * a_p := sub_nonneg.mpr hx1
  have f_6 : 0 ≤ eta * a_p * (1 - eta * a_p) := mul_nonneg (le_of_lt f_4) f_5
  have f_7 : 0 ≤ 2 * s * (eta * a_p * (1 - eta * a_p)) := mul_nonneg (le_of_lt f_3) f_6
  have f_8 : 0 ≤ (1 - eta * a_p) ^ 2 - (1 - eta * (1 - s) * a_p) ^ 2 + 2 * s * (eta * a_p * (1 - eta * a_p)) := add_nonneg f f_7
  have f_9 : 0 < s := hs0
  have f_10 : 0 < s := hs0
  have f_11 : 0 < s * s := mul_pos f_9 f_10
  have f_12 : 0 < eta * a_p := hx0
  have f_13 : 0 < eta * a_p := hx0
  have f_14 : 0 < eta * a_p * (eta * a_p) := mul_pos f_12 f_13
  have f_15 : 0 < s * s * (eta * a_p * (eta * a_p)) := mul_pos f_11 f_14
  have f_16 : 0 < (1 - eta * a_p) ^ 2 - (1 - eta * (1 - s) * a_p) ^ 2 + 2 * s * (eta * a_p * (1 - eta * a_p)) + s * s * (eta * a_p * (eta * a_p)) := add_pos_of_nonneg_of_pos f_8 f_15
  have hcontra : (0 : ℝ) < 0 := by
    linear_combination f_16
  exact absurd hcontra (by norm_num)

/-- If the total contraction is the product C = C1*C2 of a non-negative per-head contraction C1 and a head at Newton (C2 = 0), the total contraction is zero.

[SM5; paper 003 §2] -/
theorem multihead_product_zero (C C1 C2 : ℝ) (hprod : C = C1 * C2) (hc1 : C1 ≥ 0) (hc2 : C2 = 0) :
    C = 0 := by
  linear_combination hprod + C1 * hc2

/-- If two heterogeneous adaptive steps have contraction rates r_a, r_b in [0, r] (r the uniform rate), their two-step product r_a*r_b is at most the uniform two-step rate r^2.

[F1; paper 003 §3] -/
theorem adaptive_beats_uniform (r_a r_b r : ℝ) (ha0 : 0 ≤ r_a) (har : r_a ≤ r) (hb0 : 0 ≤ r_b) (hbr : r_b ≤ r) :
    r_a * r_b ≤ r ^ 2 := by
  refine not_lt.mp (fun hng => ?_)
  have f : 0 < r_a * r_b - r ^ 2 := sub_pos.mpr hng
  have f_1 : 0 ≤ r - r_a := sub_nonneg.mpr har
  have f_2 : 0 ≤ r - r_b := sub_nonneg.mpr hbr
  have f_3 : 0 ≤ (r - r_a) * (r - r_b) := mul_nonneg f_1 f_2
  have f_4 : 0 < r_a * r_b - r ^ 2 + (r - r_a) * (r - r_b) := add_pos_of_pos_of_nonneg f f_3
  have f_5 : 0 ≤ r_a := ha0
  have f_6 : 0 ≤ r - r_b := sub_nonneg.mpr hbr
  have f_7 : 0 ≤ r_a * (r - r_b) := mul_nonneg f_5 f_6
  have f_8 : 0 ≤ r_b := hb0
  have f_9 : 0 ≤ r - r_a := sub_nonneg.mpr har
  have f_10 : 0 ≤ r_b * (r - r_a) := mul_nonneg f_8 f_9
  have f_11 : 0 ≤ r_a * (r - r_b) + r_b * (r - r_a) := add_nonneg f_7 f_10
  have f_12 : 0 < r_a * r_b - r ^ 2 + (r - r_a) * (r - r_b) + (r_a * (r - r_b) + r_b * (r - r_a)) := add_pos_of_pos_of_nonneg f_4 f_11
  have hcontra : (0 : ℝ) < 0 := by
    linear_combination f_12
  exact absurd hcontra (by norm_num)

/-- If one step contracts strictly (0 <= r_b < 1) and the other rate r_a is positive, the two-step product r_a*r_b is strictly smaller than r_a. Without r_a > 0 the statement is false (r_a = 0).

[F2; paper 003 §3]
Deviation from the spec: The hypothesis r_a > 0 is in neither the paper (which states only rho_b^2 < 1) nor the spec's notes: a contraction rate rho_a^2 is only >= 0, and at rho_a^2 = 0 the strict inequality fails, so the corpus adds r_a > 0. -/
theorem mixed_preconditioning_helps (r_a r_b : ℝ) (ha : r_a > 0) (hb0 : 0 ≤ r_b) (hb1 : r_b < 1) :
    r_a * r_b < r_a := by
  refine not_le.mp (fun hng => ?_)
  have f : 0 ≤ r_a * r_b - r_a := sub_nonneg.mpr hng
  have f_1 : 0 < r_a := ha
  have f_2 : 0 < 1 - r_b := sub_pos.mpr hb1
  have f_3 : 0 < r_a * (1 - r_b) := mul_pos f_1 f_2
  have f_4 : 0 < r_a * r_b - r_a + r_a * (1 - r_b) := add_pos_of_nonneg_of_pos f f_3
  have hcontra : (0 : ℝ) < 0 := by
    linear_combination f_4
  exact absurd hcontra (by norm_num)

/-- If a head's step product is matched to its channel (kappa*a = 1), that channel's contraction (1 - kappa*a)^2 is exactly zero.

[MH1; paper 003 §4] -/
theorem per_head_newton_achievable (kappa a : ℝ) (hmatch : kappa * a = 1) :
    (1 - kappa * a) ^ 2 = 0 := by
  linear_combination (kappa * a - 1) * hmatch

/-- With two heads each matched to its own channel (kappa1*a1 = 1, kappa2*a2 = 1) the total two-channel contraction is exactly zero.

[MH2; paper 003 §4] -/
theorem two_matched_heads_zero_contraction (kappa1 kappa2 a1 a2 : ℝ) (h1 : kappa1 * a1 = 1) (h2 : kappa2 * a2 = 1) :
    (1 - kappa1 * a1) ^ 2 + (1 - kappa2 * a2) ^ 2 = 0 := by
  linear_combination (kappa1 * a1 - 1) * h1 + (kappa2 * a2 - 1) * h2

/-- With a single gain at Newton for channel 1 (kappa*a1 = 1), the channel-2 contraction equals gain squared times spread squared: (1 - kappa*a2)^2 = kappa^2*(a1 - a2)^2.

[MH3; paper 003 §4] -/
theorem single_head_residual_gain_spread (kappa a1 a2 : ℝ) (hmatch : kappa * a1 = 1) :
    (1 - kappa * a2) ^ 2 = kappa ^ 2 * (a1 - a2) ^ 2 := by
  linear_combination (-(1 + kappa * a1 - 2 * kappa * a2)) * hmatch

/-- The multi-head advantage kappa^2*(a1 - a2)^2 is strictly positive when the gain is positive and the eigenvalues differ.

[MH4; paper 003 §4] -/
theorem multihead_advantage_positive (kappa a1 a2 : ℝ) (hk : kappa > 0) (hne : a1 ≠ a2) :
    kappa ^ 2 * (a1 - a2) ^ 2 > 0 := by
  refine not_le.mp (fun hng => ?_)
  have f : 0 ≤ 0 - kappa ^ 2 * (a1 - a2) ^ 2 := sub_nonneg.mpr hng
  have f_1 : 0 < kappa := hk
  have f_2 : 0 < kappa := hk
  have f_3 : 0 < kappa * kappa := mul_pos f_1 f_2
  have f_4 : 0 < (a1 - a2) ^ 2 := lt_of_le_of_ne (sq_nonneg (a1 - a2)) (Ne.symm (pow_ne_zero 2 (sub_ne_zero.mpr hne)))
  have f_5 : 0 < kappa * kappa * (a1 - a2) ^ 2 := mul_pos f_3 f_4
  have f_6 : 0 < 0 - kappa ^ 2 * (a1 - a2) ^ 2 + kappa * kappa * (a1 - a2) ^ 2 := add_pos_of_nonneg_of_pos f f_5
  have hcontra : (0 : ℝ) < 0 := by
    linear_combination f_6
  exact absurd hcontra (by norm_num)

/-- For any single shared gain in the bracketing regime kappa*a1 <= 1 <= kappa*a2, the total two-channel contraction is at least the spread floor (1/2)*kappa^2*(a2 - a1)^2.

[MH5; paper 003 §4] -/
theorem shared_gain_irreducible_floor (kappa a1 a2 : ℝ) (h1 : kappa * a1 ≤ 1) (h2 : 1 ≤ kappa * a2) :
    (1 - kappa * a1) ^ 2 + (1 - kappa * a2) ^ 2 ≥ (1/2) * kappa ^ 2 * (a2 - a1) ^ 2 := by
  refine not_lt.mp (fun hng => ?_)
  have f : 0 < (1/2) * kappa ^ 2 * (a2 - a1) ^ 2 - ((1 - kappa * a1) ^ 2 + (1 - kappa * a2) ^ 2) := sub_pos.mpr hng
  have f_1 : (0 : ℝ) < 1/2 := by
    norm_num
  have f_2 : 0 ≤ (2 - kappa * a1 - kappa * a2) ^ 2 := sq_nonneg (2 - kappa * a1 - kappa * a2)
  have f_3 : 0 ≤ (1/2) * (2 - kappa * a1 - kappa * a2) ^ 2 := mul_nonneg (le_of_lt f_1) f_2
  have f_4 : 0 < (1/2) * kappa ^ 2 * (a2 - a1) ^ 2 - ((1 - kappa * a1) ^ 2 + (1 - kappa * a2) ^ 2) + (1/2) * (2 - kappa * a1 - kappa * a2) ^ 2 := add_pos_of_pos_of_nonneg f f_3
  have hcontra : (0 : ℝ) < 0 := by
    linear_combination f_4
  exact absurd hcontra (by norm_num)

/-- For condition ratios 1 < r1 < r2 the steepest-descent contraction ((r - 1)/(r + 1))^2 is strictly worse for the worse-conditioned band, stated without division: (r1 - 1)^2*(r2 + 1)^2 < (r2 - 1)^2*(r1 + 1)^2.

[MH6; paper 003 §4] -/
theorem rate_monotone_in_conditioning (r1 r2 : ℝ) (h1 : 1 < r1) (h12 : r1 < r2) :
    (r1 - 1) ^ 2 * (r2 + 1) ^ 2 < (r2 - 1) ^ 2 * (r1 + 1) ^ 2 := by
  refine not_le.mp (fun hng => ?_)
  have f : 0 ≤ (r1 - 1) ^ 2 * (r2 + 1) ^ 2 - (r2 - 1) ^ 2 * (r1 + 1) ^ 2 := sub_nonneg.mpr hng
  have f_1 : (0 : ℝ) < 4 := by
    norm_num
  have f_2 : 0 < r1 - 1 := sub_pos.mpr h1
  have f_3 : 0 < 4 * (r1 - 1) := mul_pos f_1 f_2
  have f_4 : 0 < r2 - r1 := sub_pos.mpr h12
  have f_5 : 0 < r2 - r1 := sub_pos.mpr h12
  have f_6 : 0 < (r2 - r1) * (r2 - r1) := mul_pos f_4 f_5
  have f_7 : 0 < 4 * (r1 - 1) * ((r2 - r1) * (r2 - r1)) := mul_pos f_3 f_6
  have f_8 : 0 < (r1 - 1) ^ 2 * (r2 + 1) ^ 2 - (r2 - 1) ^ 2 * (r1 + 1) ^ 2 + 4 * (r1 - 1) * ((r2 - r1) * (r2 - r1)) := add_pos_of_nonneg_of_pos f f_7
  have f_9 : (0 : ℝ) < 4 := by
    norm_num
  have f_10 : 0 < r1 - 1 := sub_pos.mpr h1
  have f_11 : 0 < 4 * (r1 - 1) := mul_pos f_9 f_10
  have f_12 : 0 < r1 - 1 := sub_pos.mpr h1
  have f_13 : 0 < r2 - r1 := sub_pos.mpr h12
  have f_14 : 0 < (r1 - 1) * (r2 - r1) := mul_pos f_12 f_13
  have f_15 : 0 < 4 * (r1 - 1) * ((r1 - 1) * (r2 - r1)) := mul_pos f_11 f_14
  have f_16 : (0 : ℝ) < 8 := by
    norm_num
  have f_17 : 0 < r1 - 1 := sub_pos.mpr h1
  have f_18 : 0 < 8 * (r1 - 1) := mul_pos f_16 f_17
  have f_19 : 0 < r2 - r1 := sub_pos.mpr h12
  have f_20 : 0 < 8 * (r1 - 1) * (r2 - r1) := mul_pos f_18 f_19
  have f_21 : 0 < 4 * (r1 - 1) * ((r1 - 1) * (r2 - r1)) + 8 * (r1 - 1) * (r2 - r1) := add_pos f_15 f_20
  have f_22 : 0 < (r1 - 1) ^ 2 * (r2 + 1) ^ 2 - (r2 - 1) ^ 2 * (r1 + 1) ^ 2 + 4 * (r1 - 1) * ((r2 - r1) * (r2 - r1)) + (4 * (r1 - 1) * ((r1 - 1) * (r2 - r1)) + 8 * (r1 - 1) * (r2 - r1)) := add_pos f_8 f_21
  have f_23 : (0 : ℝ) < 4 := by
    norm_num
  have f_24 : 0 < r2 - r1 := sub_pos.mpr h12
  have f_25 : 0 < 4 * (r2 - r1) := mul_pos f_23 f_24
  have f_26 : 0 < r2 - r1 := sub_pos.mpr h12
  have f_27 : 0 < 4 * (r2 - r1) * (r2 - r1) := mul_pos f_25 f_26
  have f_28 : 0 < (r1 - 1) ^ 2 * (r2 + 1) ^ 2 - (r2 - 1) ^ 2 * (r1 + 1) ^ 2 + 4 * (r1 - 1) * ((r2 - r1) * (r2 - r1)) + (4 * (r1 - 1) * ((r1 - 1) * (r2 - r1)) + 8 * (r1 - 1) * (r2 - r1)) + 4 * (r2 - r1) * (r2 - r1) := add_pos f_22 f_27
  have hcontra : (0 : ℝ) < 0 := by
    linear_combination f_28
  exact absurd hcontra (by norm_num)

/-- For s > 1, splitting a band of condition ratio s^2 into two geometric sub-bands of ratio s strictly lowers the worst-case contraction, stated without division: (s - 1)^2*(s^2 + 1)^2 < (s^2 - 1)^2*(s + 1)^2.

[MH7; paper 003 §4] -/
theorem geometric_head_doubling_improves (s : ℝ) (hs : s > 1) :
    (s - 1) ^ 2 * (s ^ 2 + 1) ^ 2 < (s ^ 2 - 1) ^ 2 * (s + 1) ^ 2 := by
  refine not_le.mp (fun hng => ?_)
  have f : 0 ≤ (s - 1) ^ 2 * (s ^ 2 + 1) ^ 2 - (s ^ 2 - 1) ^ 2 * (s + 1) ^ 2 := sub_nonneg.mpr hng
  have f_1 : (0 : ℝ) < 4 := by
    norm_num
  have f_2 : 0 < s - 1 := sub_pos.mpr hs
  have f_3 : 0 < 4 * (s - 1) := mul_pos f_1 f_2
  have f_4 : 0 < s - 1 := sub_pos.mpr hs
  have f_5 : 0 < s - 1 := sub_pos.mpr hs
  have f_6 : 0 < (s - 1) * (s - 1) := mul_pos f_4 f_5
  have f_7 : 0 < 4 * (s - 1) * ((s - 1) * (s - 1)) := mul_pos f_3 f_6
  have f_8 : 0 < s - 1 := sub_pos.mpr hs
  have f_9 : 0 < s - 1 := sub_pos.mpr hs
  have f_10 : 0 < (s - 1) * (s - 1) := mul_pos f_8 f_9
  have f_11 : 0 < 4 * (s - 1) * ((s - 1) * (s - 1)) * ((s - 1) * (s - 1)) := mul_pos f_7 f_10
  have f_12 : 0 < (s - 1) ^ 2 * (s ^ 2 + 1) ^ 2 - (s ^ 2 - 1) ^ 2 * (s + 1) ^ 2 + 4 * (s - 1) * ((s - 1) * (s - 1)) * ((s - 1) * (s - 1)) := add_pos_of_nonneg_of_pos f f_11
  have f_13 : (0 : ℝ) < 16 := by
    norm_num
  have f_14 : 0 < s - 1 := sub_pos.mpr hs
  have f_15 : 0 < 16 * (s - 1) := mul_pos f_13 f_14
  have f_16 : 0 < s - 1 := sub_pos.mpr hs
  have f_17 : 0 < s - 1 := sub_pos.mpr hs
  have f_18 : 0 < (s - 1) * (s - 1) := mul_pos f_16 f_17
  have f_19 : 0 < 16 * (s - 1) * ((s - 1) * (s - 1)) := mul_pos f_15 f_18
  have f_20 : 0 < s - 1 := sub_pos.mpr hs
  have f_21 : 0 < 16 * (s - 1) * ((s - 1) * (s - 1)) * (s - 1) := mul_pos f_19 f_20
  have f_22 : (0 : ℝ) < 24 := by
    norm_num
  have f_23 : 0 < s - 1 := sub_pos.mpr hs
  have f_24 : 0 < 24 * (s - 1) := mul_pos f_22 f_23
  have f_25 : 0 < s - 1 := sub_pos.mpr hs
  have f_26 : 0 < s - 1 := sub_pos.mpr hs
  have f_27 : 0 < (s - 1) * (s - 1) := mul_pos f_25 f_26
  have f_28 : 0 < 24 * (s - 1) * ((s - 1) * (s - 1)) := mul_pos f_24 f_27
  have f_29 : 0 < 16 * (s - 1) * ((s - 1) * (s - 1)) * (s - 1) + 24 * (s - 1) * ((s - 1) * (s - 1)) := add_pos f_21 f_28
  have f_30 : 0 < (s - 1) ^ 2 * (s ^ 2 + 1) ^ 2 - (s ^ 2 - 1) ^ 2 * (s + 1) ^ 2 + 4 * (s - 1) * ((s - 1) * (s - 1)) * ((s - 1) * (s - 1)) + (16 * (s - 1) * ((s - 1) * (s - 1)) * (s - 1) + 24 * (s - 1) * ((s - 1) * (s - 1))) := add_pos f_12 f_29
  have f_31 : (0 : ℝ) < 12 := by
    norm_num
  have f_32 : 0 < s - 1 := sub_pos.mpr hs
  have f_33 : 0 < 12 * (s - 1) := mul_pos f_31 f_32
  have f_34 : 0 < s - 1 := sub_pos.mpr hs
  have f_35 : 0 < 12 * (s - 1) * (s - 1) := mul_pos f_33 f_34
  have f_36 : 0 < (s - 1) ^ 2 * (s ^ 2 + 1) ^ 2 - (s ^ 2 - 1) ^ 2 * (s + 1) ^ 2 + 4 * (s - 1) * ((s - 1) * (s - 1)) * ((s - 1) * (s - 1)) + (16 * (s - 1) * ((s - 1) * (s - 1)) * (s - 1) + 24 * (s - 1) * ((s - 1) * (s - 1))) + 12 * (s - 1) * (s - 1) := add_pos f_30 f_35
  have hcontra : (0 : ℝ) < 0 := by
    linear_combination f_36
  exact absurd hcontra (by norm_num)

/-- The band-optimal shared gain, kappa*(a1 + a2) = 2, makes the squared endpoint contraction equal the condition-number rate: (1 - kappa*a1)^2*(a1 + a2)^2 = (a2 - a1)^2.

[MH8; paper 003 §4] -/
theorem optimal_gain_attains_rate (kappa a1 a2 : ℝ) (hopt : kappa * (a1 + a2) = 2) :
    (1 - kappa * a1) ^ 2 * (a1 + a2) ^ 2 = (a2 - a1) ^ 2 := by
  linear_combination (-a1) * ((1 - kappa * a1) * (a1 + a2) + a2 - a1) * hopt

/-- For non-negative contraction factors 0 <= c1 < c2 the squared (training) loss is ordered the same way: c1^2 < c2^2.

[W1; paper 000 §1] -/
theorem training_loss_tracks_contraction (c1 c2 : ℝ) (hc1 : 0 ≤ c1) (h12 : c1 < c2) :
    c1 ^ 2 < c2 ^ 2 := by
  refine not_le.mp (fun hng => ?_)
  have f : 0 ≤ c1 ^ 2 - c2 ^ 2 := sub_nonneg.mpr hng
  have f_1 : 0 < c2 - c1 := sub_pos.mpr h12
  have f_2 : 0 < c2 - c1 := sub_pos.mpr h12
  have f_3 : 0 < (c2 - c1) * (c2 - c1) := mul_pos f_1 f_2
  have f_4 : 0 < c1 ^ 2 - c2 ^ 2 + (c2 - c1) * (c2 - c1) := add_pos_of_nonneg_of_pos f f_3
  have f_5 : (0 : ℝ) < 2 := by
    norm_num
  have f_6 : 0 ≤ c1 := hc1
  have f_7 : 0 ≤ 2 * c1 := mul_nonneg (le_of_lt f_5) f_6
  have f_8 : 0 < c2 - c1 := sub_pos.mpr h12
  have f_9 : 0 ≤ 2 * c1 * (c2 - c1) := mul_nonneg f_7 (le_of_lt f_8)
  have f_10 : 0 < c1 ^ 2 - c2 ^ 2 + (c2 - c1) * (c2 - c1) + 2 * c1 * (c2 - c1) := add_pos_of_pos_of_nonneg f_4 f_9
  have hcontra : (0 : ℝ) < 0 := by
    linear_combination f_10
  exact absurd hcontra (by norm_num)

/-- At the Newton gain kappa*a = 1 the scalar contraction (1 - kappa*a)^2 is zero: the zero-loss target of the reduced model.

[W2; paper 000 §1] -/
theorem optimal_gain_zeros_contraction (kappa a : ℝ) (hnewton : kappa * a = 1) :
    (1 - kappa * a) ^ 2 = 0 := by
  linear_combination (kappa * a - 1) * hnewton

/-- An undershooting gain (kappa*a < 1) leaves a strictly positive residual contraction (1 - kappa*a)^2.

[W3; paper 000 §1] -/
theorem suboptimal_gain_has_positive_loss (kappa a : ℝ) (hunder : kappa * a < 1) :
    (1 - kappa * a) ^ 2 > 0 := by
  refine not_le.mp (fun hng => ?_)
  have f : 0 ≤ 0 - (1 - kappa * a) ^ 2 := sub_nonneg.mpr hng
  have f_1 : 0 < 1 - kappa * a := sub_pos.mpr hunder
  have f_2 : 0 < 1 - kappa * a := sub_pos.mpr hunder
  have f_3 : 0 < (1 - kappa * a) * (1 - kappa * a) := mul_pos f_1 f_2
  have f_4 : 0 < 0 - (1 - kappa * a) ^ 2 + (1 - kappa * a) * (1 - kappa * a) := add_pos_of_nonneg_of_pos f f_3
  have hcontra : (0 : ℝ) < 0 := by
    linear_combination f_4
  exact absurd hcontra (by norm_num)

/-- For positive curvature and an undershooting current gain (kappa_t*a < 1), the Newton gain kappa_star*a = 1 has strictly smaller contraction than the current gain.

[W4; paper 000 §1] -/
theorem no_spurious_minima (a kappa_t kappa_star : ℝ) (ha : a > 0) (hunder : kappa_t * a < 1) (hnewton : kappa_star * a = 1) :
    (1 - kappa_star * a) ^ 2 < (1 - kappa_t * a) ^ 2 := by
  refine not_le.mp (fun hng => ?_)
  have f : 0 ≤ (1 - kappa_star * a) ^ 2 - (1 - kappa_t * a) ^ 2 := sub_nonneg.mpr hng
  have f_1 : kappa_star * a - 1 = 0 := sub_eq_zero.mpr hnewton
  have f_2 : (-(kappa_star * a - 1)) * (kappa_star * a - 1) = 0 := by
    linear_combination (-(kappa_star * a - 1)) * f_1
  have f_3 : 0 ≤ (1 - kappa_star * a) ^ 2 - (1 - kappa_t * a) ^ 2 + (-(kappa_star * a - 1)) * (kappa_star * a - 1) := add_nonneg f (le_of_eq f_2.symm)
  have f_4 : 0 < 1 - kappa_t * a := sub_pos.mpr hunder
  have f_5 : 0 < 1 - kappa_t * a := sub_pos.mpr hunder
  have f_6 : 0 < (1 - kappa_t * a) * (1 - kappa_t * a) := mul_pos f_4 f_5
  have f_7 : 0 < (1 - kappa_star * a) ^ 2 - (1 - kappa_t * a) ^ 2 + (-(kappa_star * a - 1)) * (kappa_star * a - 1) + (1 - kappa_t * a) * (1 - kappa_t * a) := add_pos_of_nonneg_of_pos f_3 f_6
  have hcontra : (0 : ℝ) < 0 := by
    linear_combination f_7
  exact absurd hcontra (by norm_num)

/-- In the early training regime (kappa >= 0, kappa*a2 < 1/2) the gain update magnitude f(x) = x*(1 - kappa*x) is strictly increasing in the curvature: 0 <= a1 < a2 implies f(a1) < f(a2).

[SA1; paper 000 §2]
Unfolded definitions: `gain_update(kappa, x) := x*(1 - kappa*x)`. -/
theorem gain_update_monotone_early_regime (kappa a1 a2 : ℝ) (hk : kappa ≥ 0) (ha1 : 0 ≤ a1) (h12 : a1 < a2) (hearly : kappa * a2 < (1/2)) :
    a1 * (1 - kappa * a1) < a2 * (1 - kappa * a2) := by
  refine not_le.mp (fun hng => ?_)
  have f : 0 ≤ a1 * (1 - kappa * a1) - a2 * (1 - kappa * a2) := sub_nonneg.mpr hng
  have f_1 : (0 : ℝ) < 2 := by
    norm_num
  have f_2 : 0 < a2 - a1 := sub_pos.mpr h12
  have f_3 : 0 < 2 * (a2 - a1) := mul_pos f_1 f_2
  have f_4 : 0 < (1/2) - kappa * a2 := sub_pos.mpr hearly
  have f_5 : 0 < 2 * (a2 - a1) * ((1/2) - kappa * a2) := mul_pos f_3 f_4
  have f_6 : 0 < a1 * (1 - kappa * a1) - a2 * (1 - kappa * a2) + 2 * (a2 - a1) * ((1/2) - kappa * a2) := add_pos_of_nonneg_of_pos f f_5
  have f_7 : 0 ≤ kappa := hk
  have f_8 : 0 < a2 - a1 := sub_pos.mpr h12
  have f_9 : 0 ≤ kappa * (a2 - a1) := mul_nonneg f_7 (le_of_lt f_8)
  have f_10 : 0 < a2 - a1 := sub_pos.mpr h12
  have f_11 : 0 ≤ kappa * (a2 - a1) * (a2 - a1) := mul_nonneg f_9 (le_of_lt f_10)
  have f_12 : 0 < a1 * (1 - kappa * a1) - a2 * (1 - kappa * a2) + 2 * (a2 - a1) * ((1/2) - kappa * a2) + kappa * (a2 - a1) * (a2 - a1) := add_pos_of_pos_of_nonneg f_6 f_11
  have hcontra : (0 : ℝ) < 0 := by
    linear_combination f_12
  exact absurd hcontra (by norm_num)

/-- After a GD step to the shared gain kappa_next > 0, in the undershoot regime (kappa_next*a2 <= 1) the band with the larger eigenvalue 0 < a1 < a2 has strictly smaller residual contraction (the undershoot hypothesis is implicit in the paper, whose training setting is the undershoot regime; without it the statement is false: kappa_next = 1, a1 = 1/2, a2 = 2). It is stronger than needed: kappa_next*(a1 + a2) < 2 would do; kappa_next*a2 <= 1 is the paper's undershoot reading.

[SA2; paper 000 §2] -/
theorem larger_eigenvalue_converges_faster (kappa_next a1 a2 : ℝ) (hk : kappa_next > 0) (ha1 : 0 < a1) (h12 : a1 < a2) (hunder : kappa_next * a2 ≤ 1) :
    (1 - kappa_next * a2) ^ 2 < (1 - kappa_next * a1) ^ 2 := by
  refine not_le.mp (fun hng => ?_)
  have f : 0 ≤ (1 - kappa_next * a2) ^ 2 - (1 - kappa_next * a1) ^ 2 := sub_nonneg.mpr hng
  have f_1 : (0 : ℝ) < 2 := by
    norm_num
  have f_2 : 0 < kappa_next := hk
  have f_3 : 0 < 2 * kappa_next := mul_pos f_1 f_2
  have f_4 : 0 < a2 - a1 := sub_pos.mpr h12
  have f_5 : 0 ≤ 1 - kappa_next * a2 := sub_nonneg.mpr hunder
  have f_6 : 0 ≤ (a2 - a1) * (1 - kappa_next * a2) := mul_nonneg (le_of_lt f_4) f_5
  have f_7 : 0 ≤ 2 * kappa_next * ((a2 - a1) * (1 - kappa_next * a2)) := mul_nonneg (le_of_lt f_3) f_6
  have f_8 : 0 ≤ (1 - kappa_next * a2) ^ 2 - (1 - kappa_next * a1) ^ 2 + 2 * kappa_next * ((a2 - a1) * (1 - kappa_next * a2)) := add_nonneg f f_7
  have f_9 : 0 < kappa_next := hk
  have f_10 : 0 < kappa_next := hk
  have f_11 : 0 < kappa_next * kappa_next := mul_pos f_9 f_10
  have f_12 : 0 < a2 - a1 := sub_pos.mpr h12
  have f_13 : 0 < a2 - a1 := sub_pos.mpr h12
  have f_14 : 0 < (a2 - a1) * (a2 - a1) := mul_pos f_12 f_13
  have f_15 : 0 < kappa_next * kappa_next * ((a2 - a1) * (a2 - a1)) := mul_pos f_11 f_14
  have f_16 : 0 < (1 - kappa_next * a2) ^ 2 - (1 - kappa_next * a1) ^ 2 + 2 * kappa_next * ((a2 - a1) * (1 - kappa_next * a2)) + kappa_next * kappa_next * ((a2 - a1) * (a2 - a1)) := add_pos_of_nonneg_of_pos f_8 f_15
  have hcontra : (0 : ℝ) < 0 := by
    linear_combination f_16
  exact absurd hcontra (by norm_num)

/-- For an undershooting gain (kappa*a < 1, a > 0), the GD update kappa_next = kappa + eta*a*(1 - kappa*a) with eta > 0 strictly increases the gain. The paper's sentence states only kappa*a < 1; the learning rate eta > 0 and the curvature a > 0 are implicit, and each is needed (eta = -1 or a = -1 at kappa = 0 gives kappa_next = -1).

[SA3; paper 000 §2] -/
theorem gd_monotone_gain_increase (kappa_next kappa eta a : ℝ) (hupd : kappa_next = kappa + eta * a * (1 - kappa * a)) (heta : eta > 0) (ha : a > 0) (hunder : kappa * a < 1) :
    kappa_next > kappa := by
  refine not_le.mp (fun hng => ?_)
  have f : 0 ≤ kappa - kappa_next := sub_nonneg.mpr hng
  have f_1 : kappa_next - (kappa + eta * a * (1 - kappa * a)) = 0 := sub_eq_zero.mpr hupd
  have f_2 : 0 ≤ kappa - kappa_next + (kappa_next - (kappa + eta * a * (1 - kappa * a))) := add_nonneg f (le_of_eq f_1.symm)
  have f_3 : 0 < eta := heta
  have f_4 : 0 < a := ha
  have f_5 : 0 < eta * a := mul_pos f_3 f_4
  have f_6 : 0 < 1 - kappa * a := sub_pos.mpr hunder
  have f_7 : 0 < eta * a * (1 - kappa * a) := mul_pos f_5 f_6
  have f_8 : 0 < kappa - kappa_next + (kappa_next - (kappa + eta * a * (1 - kappa * a))) + eta * a * (1 - kappa * a) := add_pos_of_nonneg_of_pos f_2 f_7
  have hcontra : (0 : ℝ) < 0 := by
    linear_combination f_8
  exact absurd hcontra (by norm_num)

/-- If more in-context examples give a larger step product in the undershoot regime, 0 < u_n < u_m < 1, the per-layer contraction is strictly smaller: (1 - u_m)^2 < (1 - u_n)^2.

[N1; paper 000 §4] -/
theorem more_context_faster_convergence (u_n u_m : ℝ) (hn0 : 0 < u_n) (hnm : u_n < u_m) (hm1 : u_m < 1) :
    (1 - u_m) ^ 2 < (1 - u_n) ^ 2 := by
  refine not_le.mp (fun hng => ?_)
  have f : 0 ≤ (1 - u_m) ^ 2 - (1 - u_n) ^ 2 := sub_nonneg.mpr hng
  have f_1 : (0 : ℝ) < 2 := by
    norm_num
  have f_2 : 0 < u_m - u_n := sub_pos.mpr hnm
  have f_3 : 0 < 2 * (u_m - u_n) := mul_pos f_1 f_2
  have f_4 : 0 < 1 - u_m := sub_pos.mpr hm1
  have f_5 : 0 < 2 * (u_m - u_n) * (1 - u_m) := mul_pos f_3 f_4
  have f_6 : 0 < (1 - u_m) ^ 2 - (1 - u_n) ^ 2 + 2 * (u_m - u_n) * (1 - u_m) := add_pos_of_nonneg_of_pos f f_5
  have f_7 : 0 < u_m - u_n := sub_pos.mpr hnm
  have f_8 : 0 < u_m - u_n := sub_pos.mpr hnm
  have f_9 : 0 < (u_m - u_n) * (u_m - u_n) := mul_pos f_7 f_8
  have f_10 : 0 < (1 - u_m) ^ 2 - (1 - u_n) ^ 2 + 2 * (u_m - u_n) * (1 - u_m) + (u_m - u_n) * (u_m - u_n) := add_pos f_6 f_9
  have hcontra : (0 : ℝ) < 0 := by
    linear_combination f_10
  exact absurd hcontra (by norm_num)

/-- The emergence gap Delta(u) = u*(2 - u) is strictly increasing on (0, 1): for 0 < u1 < u2 < 1 a longer context (larger step product) opens a wider gap.

[N2; paper 000 §4]
Unfolded definitions: `context_gap(x) := x*(2 - x)`. -/
theorem context_length_controls_gap (u1 u2 : ℝ) (h0 : 0 < u1) (h12 : u1 < u2) (h1 : u2 < 1) :
    u1 * (2 - u1) < u2 * (2 - u2) := by
  refine not_le.mp (fun hng => ?_)
  have f : 0 ≤ u1 * (2 - u1) - u2 * (2 - u2) := sub_nonneg.mpr hng
  have f_1 : (0 : ℝ) < 2 := by
    norm_num
  have f_2 : 0 < u2 - u1 := sub_pos.mpr h12
  have f_3 : 0 < 2 * (u2 - u1) := mul_pos f_1 f_2
  have f_4 : 0 < 1 - u2 := sub_pos.mpr h1
  have f_5 : 0 < 2 * (u2 - u1) * (1 - u2) := mul_pos f_3 f_4
  have f_6 : 0 < u1 * (2 - u1) - u2 * (2 - u2) + 2 * (u2 - u1) * (1 - u2) := add_pos_of_nonneg_of_pos f f_5
  have f_7 : 0 < u2 - u1 := sub_pos.mpr h12
  have f_8 : 0 < u2 - u1 := sub_pos.mpr h12
  have f_9 : 0 < (u2 - u1) * (u2 - u1) := mul_pos f_7 f_8
  have f_10 : 0 < u1 * (2 - u1) - u2 * (2 - u2) + 2 * (u2 - u1) * (1 - u2) + (u2 - u1) * (u2 - u1) := add_pos f_6 f_9
  have hcontra : (0 : ℝ) < 0 := by
    linear_combination f_10
  exact absurd hcontra (by norm_num)

/-- At zero step product (u0 = 0, too little context) the contraction factor is exactly 1, while any step product 0 < u < 2 contracts strictly: (1 - u)^2 < 1. The paper says "the moment u > 0"; the upper end u < 2 of the stability window is implicit there and needed (u = 3 gives (1 - u)^2 = 4).

[N3; paper 000 §4] -/
theorem critical_context_threshold (u0 u : ℝ) (hu0 : u0 = 0) (hpos : 0 < u) (hwin : u < 2) :
    (1 - u0) ^ 2 = 1 ∧ (1 - u) ^ 2 < 1 := by
  refine ⟨?_, ?_⟩
  · linear_combination (u0 - 2) * hu0
  · refine not_le.mp (fun hng => ?_)
    have f : 0 ≤ (1 - u) ^ 2 - 1 := sub_nonneg.mpr hng
    have f_1 : 0 < u := hpos
    have f_2 : 0 < 2 - u := sub_pos.mpr hwin
    have f_3 : 0 < u * (2 - u) := mul_pos f_1 f_2
    have f_4 : 0 < (1 - u) ^ 2 - 1 + u * (2 - u) := add_pos_of_nonneg_of_pos f f_3
    have hcontra : (0 : ℝ) < 0 := by
      linear_combination f_4
    exact absurd hcontra (by norm_num)

/-- The emergence gap is concave: for 0 < u < 1/2, doubling the step product yields strictly less than double the gap, Delta(2*u) < 2*Delta(u).

[N4; paper 000 §4]
Unfolded definitions: `context_gap(x) := x*(2 - x)`. -/
theorem context_diminishing_returns (u : ℝ) (h0 : 0 < u) (hhalf : u < (1/2)) :
    2 * u * (2 - 2 * u) < 2 * (u * (2 - u)) := by
  refine not_le.mp (fun hng => ?_)
  have f : 0 ≤ 2 * u * (2 - 2 * u) - 2 * (u * (2 - u)) := sub_nonneg.mpr hng
  have f_1 : (0 : ℝ) < 2 := by
    norm_num
  have f_2 : 0 < u := h0
  have f_3 : 0 < 2 * u := mul_pos f_1 f_2
  have f_4 : 0 < u := h0
  have f_5 : 0 < 2 * u * u := mul_pos f_3 f_4
  have f_6 : 0 < 2 * u * (2 - 2 * u) - 2 * (u * (2 - u)) + 2 * u * u := add_pos_of_nonneg_of_pos f f_5
  have hcontra : (0 : ℝ) < 0 := by
    linear_combination f_6
  exact absurd hcontra (by norm_num)

/-- If the true error equals the certified radius (the DC5 band) and the radius has dropped to at most eps, the true error is at most eps: a fired early-stopping decision is never wrong.

[DC1; paper 000 §5] -/
theorem decision_sound (e_true cert eps : ℝ) (hband : e_true = cert) (hcert : cert ≤ eps) :
    e_true ≤ eps := by
  refine not_lt.mp (fun hng => ?_)
  have f : 0 < e_true - eps := sub_pos.mpr hng
  have f_1 : e_true - cert = 0 := sub_eq_zero.mpr hband
  have f_2 : (-1) * (e_true - cert) = 0 := by
    linear_combination (-1 : ℝ) * f_1
  have f_3 : 0 < e_true - eps + (-1) * (e_true - cert) := add_pos_of_pos_of_nonneg f (le_of_eq f_2.symm)
  have f_4 : 0 ≤ eps - cert := sub_nonneg.mpr hcert
  have f_5 : 0 < e_true - eps + (-1) * (e_true - cert) + (eps - cert) := add_pos_of_pos_of_nonneg f_3 f_4
  have hcontra : (0 : ℝ) < 0 := by
    linear_combination f_5
  exact absurd hcontra (by norm_num)

/-- Once a layer certifies the error below eps, a deeper layer with contraction rate r in [0, 1] (r = rho^2) keeps it below eps: the decision never flips back. The certified radius cert = rho^(2L)*e0^2 is a square, so cert >= 0 is implicit in the paper; without it the statement is false (cert = eps = -1, r = 0). It is not the only way out: eps >= 0 in its place would also make the statement true; cert >= 0 is kept because it is what the paper's radius satisfies.

[DC2; paper 000 §5] -/
theorem decision_stable_under_depth (cert_next r cert eps : ℝ) (hstep : cert_next = r * cert) (hr0 : 0 ≤ r) (hr1 : r ≤ 1) (hc0 : cert ≥ 0) (hce : cert ≤ eps) :
    cert_next ≤ eps := by
  refine not_lt.mp (fun hng => ?_)
  have f : 0 < cert_next - eps := sub_pos.mpr hng
  have f_1 : cert_next - r * cert = 0 := sub_eq_zero.mpr hstep
  have f_2 : (-1) * (cert_next - r * cert) = 0 := by
    linear_combination (-1 : ℝ) * f_1
  have f_3 : 0 < cert_next - eps + (-1) * (cert_next - r * cert) := add_pos_of_pos_of_nonneg f (le_of_eq f_2.symm)
  have f_4 : 0 ≤ 1 - r := sub_nonneg.mpr hr1
  have f_5 : 0 ≤ cert := hc0
  have f_6 : 0 ≤ (1 - r) * cert := mul_nonneg f_4 f_5
  have f_7 : 0 ≤ eps - cert := sub_nonneg.mpr hce
  have f_8 : 0 ≤ (1 - r) * cert + (eps - cert) := add_nonneg f_6 f_7
  have f_9 : 0 < cert_next - eps + (-1) * (cert_next - r * cert) + ((1 - r) * cert + (eps - cert)) := add_pos_of_pos_of_nonneg f_3 f_8
  have hcontra : (0 : ℝ) < 0 := by
    linear_combination f_9
  exact absurd hcontra (by norm_num)

/-- While still undecided (e > eps), a layer with rate r in [0, 1] (r = rho^2) shrinks the gap to the threshold by at least (1 - r)*eps: the polynomial surrogate of the log-optimal depth.

[DC3; paper 000 §5] -/
theorem decision_progress_linear (e_next r e eps : ℝ) (hstep : e_next = r * e) (hr0 : 0 ≤ r) (hr1 : r ≤ 1) (hund : e > eps) :
    e - eps - (e_next - eps) ≥ (1 - r) * eps := by
  refine not_lt.mp (fun hng => ?_)
  have f : 0 < (1 - r) * eps - (e - eps - (e_next - eps)) := sub_pos.mpr hng
  have f_1 : e_next - r * e = 0 := sub_eq_zero.mpr hstep
  have f_2 : (-1) * (e_next - r * e) = 0 := by
    linear_combination (-1 : ℝ) * f_1
  have f_3 : 0 < (1 - r) * eps - (e - eps - (e_next - eps)) + (-1) * (e_next - r * e) := add_pos_of_pos_of_nonneg f (le_of_eq f_2.symm)
  have f_4 : 0 ≤ 1 - r := sub_nonneg.mpr hr1
  have f_5 : 0 < e - eps := sub_pos.mpr hund
  have f_6 : 0 ≤ (1 - r) * (e - eps) := mul_nonneg f_4 (le_of_lt f_5)
  have f_7 : 0 < (1 - r) * eps - (e - eps - (e_next - eps)) + (-1) * (e_next - r * e) + (1 - r) * (e - eps) := add_pos_of_pos_of_nonneg f_3 f_6
  have hcontra : (0 : ℝ) < 0 := by
    linear_combination f_7
  exact absurd hcontra (by norm_num)

/-- If the remaining gap e - eps is within one layer's progress (1 - r)*eps, with rate r in [0, 1] and eps <= e, the next layer decides: e_next = r*e <= eps.

[DC4; paper 000 §5] -/
theorem one_layer_decides_within_progress (e_next r e eps : ℝ) (hstep : e_next = r * e) (hr0 : 0 ≤ r) (hr1 : r ≤ 1) (hee : eps ≤ e) (hgap : e - eps ≤ (1 - r) * eps) :
    e_next ≤ eps := by
  refine not_lt.mp (fun hng => ?_)
  have f : 0 < e_next - eps := sub_pos.mpr hng
  have f_1 : e_next - r * e = 0 := sub_eq_zero.mpr hstep
  have f_2 : (-1) * (e_next - r * e) = 0 := by
    linear_combination (-1 : ℝ) * f_1
  have f_3 : 0 < e_next - eps + (-1) * (e_next - r * e) := add_pos_of_pos_of_nonneg f (le_of_eq f_2.symm)
  have f_4 : 0 ≤ (1 - r) * eps - (e - eps) := sub_nonneg.mpr hgap
  have f_5 : 0 ≤ 1 - r := sub_nonneg.mpr hr1
  have f_6 : 0 ≤ e - eps := sub_nonneg.mpr hee
  have f_7 : 0 ≤ (1 - r) * (e - eps) := mul_nonneg f_5 f_6
  have f_8 : 0 ≤ (1 - r) * eps - (e - eps) + (1 - r) * (e - eps) := add_nonneg f_4 f_7
  have f_9 : 0 < e_next - eps + (-1) * (e_next - r * e) + ((1 - r) * eps - (e - eps) + (1 - r) * (e - eps)) := add_pos_of_pos_of_nonneg f_3 f_8
  have hcontra : (0 : ℝ) < 0 := by
    linear_combination f_9
  exact absurd hcontra (by norm_num)

/-- One layer is one GD step w1 = w0 - eta*(a*w0 - b) towards the optimum a*wstar = b. The true squared deviation dev = (w1 - wstar)^2 equals the certified radius R*e0 with R = (1 - eta*a)^2 and e0 = (w0 - wstar)^2 (by the error recursion, not by assumption), and in the stability window 0 <= eta*a <= 2 the radius never exceeds e0: the anytime band contains the optimum and never re-widens (one layer; L layers by the papers' informal induction).

[DC5; paper 000 §5]
Deviation from the spec: The spec states DC5 as dev = e_L; e_L = R*e0; 0 <= R <= 1; e0 >= 0 ⊢ dev = e_L ∧ e_L <= e0, whose first conjunct restates the hypothesis dev = e_L (circular). Here the deviation and the radius are defined from one GD step, so dev = R*e0 is proved from the error recursion; R <= 1 follows from the stability window 0 <= eta*a <= 2 and e0 >= 0 from e0 being a square. -/
theorem certified_anytime_interval_contains_truth (a b wstar w0 w1 eta dev R e0 : ℝ) (hopt : a * wstar = b) (hstep : w1 = w0 - eta * (a * w0 - b)) (hdev : dev = (w1 - wstar) ^ 2) (hR : R = (1 - eta * a) ^ 2) (he0 : e0 = (w0 - wstar) ^ 2) (hlo : 0 ≤ eta * a) (hhi : eta * a ≤ 2) :
    dev = R * e0 ∧ dev ≤ e0 := by
  refine ⟨?_, ?_⟩
  · linear_combination (a * w0 * eta ^ 2 - a * wstar * eta ^ 2 + 2 * wstar * eta - w0 * eta - w1 * eta) * hopt + (a * wstar * eta - a * w0 * eta - 2 * wstar + w0 + w1) * hstep + hdev + (-e0) * hR + (2 * a * eta - a ^ 2 * eta ^ 2 - 1) * he0
  · refine not_lt.mp (fun hng => ?_)
    have f : 0 < dev - e0 := sub_pos.mpr hng
    have f_1 : 0 ≤ eta * a := hlo
    have f_2 : 0 ≤ 2 - eta * a := sub_nonneg.mpr hhi
    have f_3 : 0 ≤ eta * a * (2 - eta * a) := mul_nonneg f_1 f_2
    have f_4 : 0 ≤ (w0 - wstar) ^ 2 := sq_nonneg (w0 - wstar)
    have f_5 : 0 ≤ eta * a * (2 - eta * a) * (w0 - wstar) ^ 2 := mul_nonneg f_3 f_4
    have f_6 : 0 < dev - e0 + eta * a * (2 - eta * a) * (w0 - wstar) ^ 2 := add_pos_of_pos_of_nonneg f f_5
    have f_7 : a * wstar - b = 0 := sub_eq_zero.mpr hopt
    have f_8 : (a * wstar * eta ^ 2 - a * w0 * eta ^ 2 - 2 * wstar * eta + w0 * eta + w1 * eta) * (a * wstar - b) = 0 := by
      linear_combination (a * wstar * eta ^ 2 - a * w0 * eta ^ 2 - 2 * wstar * eta + w0 * eta + w1 * eta) * f_7
    have f_9 : w1 - (w0 - eta * (a * w0 - b)) = 0 := sub_eq_zero.mpr hstep
    have f_10 : (a * w0 * eta - a * wstar * eta + 2 * wstar - w0 - w1) * (w1 - (w0 - eta * (a * w0 - b))) = 0 := by
      linear_combination (a * w0 * eta - a * wstar * eta + 2 * wstar - w0 - w1) * f_9
    have f_11 : (a * wstar * eta ^ 2 - a * w0 * eta ^ 2 - 2 * wstar * eta + w0 * eta + w1 * eta) * (a * wstar - b) + (a * w0 * eta - a * wstar * eta + 2 * wstar - w0 - w1) * (w1 - (w0 - eta * (a * w0 - b))) = 0 := by
      linear_combination f_8 + f_10
    have f_12 : 0 < dev - e0 + eta * a * (2 - eta * a) * (w0 - wstar) ^ 2 + ((a * wstar * eta ^ 2 - a * w0 * eta ^ 2 - 2 * wstar * eta + w0 * eta + w1 * eta) * (a * wstar - b) + (a * w0 * eta - a * wstar * eta + 2 * wstar - w0 - w1) * (w1 - (w0 - eta * (a * w0 - b)))) := add_pos_of_pos_of_nonneg f_6 (le_of_eq f_11.symm)
    have f_13 : dev - (w1 - wstar) ^ 2 = 0 := sub_eq_zero.mpr hdev
    have f_14 : (-1) * (dev - (w1 - wstar) ^ 2) = 0 := by
      linear_combination (-1 : ℝ) * f_13
    have f_15 : e0 - (w0 - wstar) ^ 2 = 0 := sub_eq_zero.mpr he0
    have f_16 : (-1) * (dev - (w1 - wstar) ^ 2) + (e0 - (w0 - wstar) ^ 2) = 0 := by
      linear_combination f_14 + f_15
    have f_17 : 0 < dev - e0 + eta * a * (2 - eta * a) * (w0 - wstar) ^ 2 + ((a * wstar * eta ^ 2 - a * w0 * eta ^ 2 - 2 * wstar * eta + w0 * eta + w1 * eta) * (a * wstar - b) + (a * w0 * eta - a * wstar * eta + 2 * wstar - w0 - w1) * (w1 - (w0 - eta * (a * w0 - b)))) + ((-1) * (dev - (w1 - wstar) ^ 2) + (e0 - (w0 - wstar) ^ 2)) := add_pos_of_pos_of_nonneg f_12 (le_of_eq f_16.symm)
    have hcontra : (0 : ℝ) < 0 := by
      linear_combination f_17
    exact absurd hcontra (by norm_num)

/-- LD + A3 + A4 -> A5: one gradient step w - eta*g with 0 < eta and eta*a <= 2 does not increase the in-context loss L(w) = a*w^2 - 2*b*w + c.

[CH1; paper 001 §3]
Unfolded definitions: `grad(a, w, b) := a*w - b` `loss(a, b, c, x) := a*x^2 - 2*b*x + c` `gd_step(w, eta, a, b) := w - eta*grad(a, w, b)`. -/
theorem gd_step_decreases_loss (a b c w eta : ℝ) (heta : eta > 0) (hwin : eta * a ≤ 2) :
    a * (w - eta * (a * w - b)) ^ 2 - 2 * b * (w - eta * (a * w - b)) + c ≤ a * w ^ 2 - 2 * b * w + c := by
  have hld : a * w ^ 2 - 2 * b * w + c - (a * (w - eta * (a * w - b)) ^ 2 - 2 * b * (w - eta * (a * w - b)) + c) = eta * (2 - eta * a) * (a * w - b) ^ 2 := loss_decrease_identity (a) (b) (c) (w) (eta)
  have hhfac_heta : eta > 0 := by
    exact heta
  have hhfac_hwin : eta * a ≤ 2 := by
    exact hwin
  have hfac : eta * (2 - eta * a) ≥ 0 := stable_step_factor_nonneg (eta) (a) hhfac_heta hhfac_hwin
  have hg : (a * w - b) ^ 2 ≥ 0 := grad_sq_nonneg (a) (w) (b)
  have hhdesc_hdec : a * w ^ 2 - 2 * b * w + c - (a * (w - eta * (a * w - b)) ^ 2 - 2 * b * (w - eta * (a * w - b)) + c) = eta * (2 - eta * a) * (a * w - b) ^ 2 := by
    linear_combination hld
  have hhdesc_hetafac : eta * (2 - eta * a) ≥ 0 := by
    exact hfac
  have hhdesc_hgsq : (a * w - b) ^ 2 ≥ 0 := by
    exact hg
  have hdesc : a * (w - eta * (a * w - b)) ^ 2 - 2 * b * (w - eta * (a * w - b)) + c ≤ a * w ^ 2 - 2 * b * w + c := gd_decreases_loss (a * w ^ 2 - 2 * b * w + c) (a * (w - eta * (a * w - b)) ^ 2 - 2 * b * (w - eta * (a * w - b)) + c) (eta * (2 - eta * a)) ((a * w - b) ^ 2) hhdesc_hdec hhdesc_hetafac hhdesc_hgsq
  exact hdesc

/-- ER + A6 -> A7: with a*wstar = b and 0 <= eta*a <= 2, one gradient step does not increase the squared error (w - wstar)^2.

[CH2; paper 001 §4]
Unfolded definitions: `grad(a, w, b) := a*w - b` `err(w, wstar) := w - wstar` `gd_step(w, eta, a, b) := w - eta*grad(a, w, b)` `err_next(w, wstar, eta, a, b) := err(gd_step(w, eta, a, b), wstar)`. -/
theorem gd_step_contracts_error (a b w wstar eta : ℝ) (hopt : a * wstar = b) (hlo : 0 ≤ eta * a) (hhi : eta * a ≤ 2) :
    (w - eta * (a * w - b) - wstar) ^ 2 ≤ (w - wstar) ^ 2 := by
  have hher_hopt : a * wstar = b := by
    exact hopt
  have her : (w - eta * (a * w - b) - wstar) ^ 2 = (1 - eta * a) ^ 2 * (w - wstar) ^ 2 := error_recursion_identity (a) (b) (w) (wstar) (eta) hher_hopt
  have hh6_hlo : 0 ≤ eta * a := by
    exact hlo
  have hh6_hhi : eta * a ≤ 2 := by
    exact hhi
  have h6 : (1 - eta * a) ^ 2 ≤ 1 := contraction_factor_sq_le_one (eta) (a) hh6_hlo hh6_hhi
  have hh7_hrec : (w - eta * (a * w - b) - wstar) ^ 2 = (1 - eta * a) ^ 2 * (w - wstar) ^ 2 := by
    linear_combination her
  have hh7_hrsq : (1 - eta * a) ^ 2 ≤ 1 := by
    refine not_lt.mp (fun hng => ?_)
    have f : 0 < (1 - eta * a) ^ 2 - 1 := sub_pos.mpr hng
    have f_1 : 0 ≤ 1 - (1 - eta * a) ^ 2 := sub_nonneg.mpr h6
    have f_2 : 0 < (1 - eta * a) ^ 2 - 1 + (1 - (1 - eta * a) ^ 2) := add_pos_of_pos_of_nonneg f f_1
    have hcontra : (0 : ℝ) < 0 := by
      linear_combination f_2
    exact absurd hcontra (by norm_num)
  have hh7_hesq : (w - wstar) ^ 2 ≥ 0 := by
    refine not_lt.mp (fun hng => ?_)
    have f : 0 < 0 - (w - wstar) ^ 2 := sub_pos.mpr hng
    have f_1 : 0 ≤ (w - wstar) ^ 2 := sq_nonneg (w - wstar)
    have f_2 : 0 < 0 - (w - wstar) ^ 2 + (w - wstar) ^ 2 := add_pos_of_pos_of_nonneg f f_1
    have hcontra : (0 : ℝ) < 0 := by
      linear_combination f_2
    exact absurd hcontra (by norm_num)
  have h7 : (w - eta * (a * w - b) - wstar) ^ 2 ≤ (w - wstar) ^ 2 := contraction_reduces_error ((w - eta * (a * w - b) - wstar) ^ 2) ((1 - eta * a) ^ 2) ((w - wstar) ^ 2) hh7_hrec hh7_hrsq hh7_hesq
  exact h7

/-- A2 -> the unsquared error recursion e' = (1 - eta*a)*e stated beside ER: one step multiplies the error w - wstar by the contraction factor.

[CH3; paper 001 §4]
Unfolded definitions: `grad(a, w, b) := a*w - b` `err(w, wstar) := w - wstar` `gd_step(w, eta, a, b) := w - eta*grad(a, w, b)` `err_next(w, wstar, eta, a, b) := err(gd_step(w, eta, a, b), wstar)`. -/
theorem exact_error_recursion (a b w wstar eta : ℝ) (ha : a > 0) (hopt : a * wstar = b) :
    w - eta * (a * w - b) - wstar = (1 - eta * a) * (w - wstar) := by
  have hh2_ha : a > 0 := by
    exact ha
  have hh2_hopt : a * wstar = b := by
    exact hopt
  have h2 : a * w - b = a * (w - wstar) := in_context_gradient_is_curvature_times_error (a) (w) (b) (wstar) hh2_ha hh2_hopt
  linear_combination (-eta) * h2

/-- V1 + B7 -> V3: with attention gains v_o*q_k = eta and eta*a_p = 1, the construction performs the GD step with gain v_o*q_k and its contraction factor is zero.

[CH4; paper 001 §App. A] -/
theorem gains_realize_gd_and_newton (v_o q_k eta a_p a w b : ℝ) (hgain : v_o * q_k = eta) (hpre : eta * a_p = 1) :
    v_o * q_k * (b - a * w) = -(v_o * q_k * (a * w - b)) ∧ (1 - v_o * q_k * a_p) ^ 2 = 0 := by
  refine ⟨?_, ?_⟩
  · have hv1 : v_o * q_k * (b - a * w) = -(v_o * q_k * (a * w - b)) := construction_realizes_gd_step (v_o * q_k) (a) (w) (b)
    exact hv1
  · have hhb7_hv : v_o * q_k * a_p = eta * a_p := by
      linear_combination a_p * hgain
    have hhb7_hv1 : v_o * q_k * a_p = 1 := by
      linear_combination a_p * hgain + hpre
    have hb7 : (1 - v_o * q_k * a_p) ^ 2 = 0 := optimal_preconditioning_zeroes_contraction (v_o * q_k * a_p) (eta) (a_p) hhb7_hv hhb7_hv1
    exact hb7

/-- ER per layer + C1 -> C3: two gradient-descent layers with a*wstar = b and 0 <= eta*a <= 2 give e2 = rho^4*e0 with rho^4 <= rho^2 <= 1, hence e2 <= e0, with no recursion assumed.

[CH5; paper 001 §6]
Unfolded definitions: `grad(a, w, b) := a*w - b` `err(w, wstar) := w - wstar` `gd_step(w, eta, a, b) := w - eta*grad(a, w, b)` `err_next(w, wstar, eta, a, b) := err(gd_step(w, eta, a, b), wstar)`. -/
theorem two_gd_layers_error_bound (a b w0 wstar eta : ℝ) (hopt : a * wstar = b) (hlo : 0 ≤ eta * a) (hhi : eta * a ≤ 2) :
    (w0 - eta * (a * w0 - b) - eta * (a * (w0 - eta * (a * w0 - b)) - b) - wstar) ^ 2 ≤ (w0 - wstar) ^ 2 := by
  have hher0_hopt : a * wstar = b := by
    exact hopt
  have her0 : (w0 - eta * (a * w0 - b) - wstar) ^ 2 = (1 - eta * a) ^ 2 * (w0 - wstar) ^ 2 := error_recursion_identity (a) (b) (w0) (wstar) (eta) hher0_hopt
  have hher1_hopt : a * wstar = b := by
    exact hopt
  have her1 : (w0 - eta * (a * w0 - b) - eta * (a * (w0 - eta * (a * w0 - b)) - b) - wstar) ^ 2 = (1 - eta * a) ^ 2 * (w0 - eta * (a * w0 - b) - wstar) ^ 2 := error_recursion_identity (a) (b) (w0 - eta * (a * w0 - b)) (wstar) (eta) hher1_hopt
  have hh6_hlo : 0 ≤ eta * a := by
    exact hlo
  have hh6_hhi : eta * a ≤ 2 := by
    exact hhi
  have h6 : (1 - eta * a) ^ 2 ≤ 1 := contraction_factor_sq_le_one (eta) (a) hh6_hlo hh6_hhi
  have hhc1_hr0 : 0 ≤ (1 - eta * a) ^ 2 := by
    refine not_lt.mp (fun hng => ?_)
    have f : 0 < 0 - (1 - eta * a) ^ 2 := sub_pos.mpr hng
    have f_1 : 0 ≤ (1 - eta * a) ^ 2 := sq_nonneg (1 - eta * a)
    have f_2 : 0 < 0 - (1 - eta * a) ^ 2 + (1 - eta * a) ^ 2 := add_pos_of_pos_of_nonneg f f_1
    have hcontra : (0 : ℝ) < 0 := by
      linear_combination f_2
    exact absurd hcontra (by norm_num)
  have hhc1_hr1 : (1 - eta * a) ^ 2 ≤ 1 := by
    exact h6
  have hc1 : ((1 - eta * a) ^ 2) ^ 2 ≤ (1 - eta * a) ^ 2 := contraction_compounds ((1 - eta * a) ^ 2) hhc1_hr0 hhc1_hr1
  have hhc3_hrec : (w0 - eta * (a * w0 - b) - eta * (a * (w0 - eta * (a * w0 - b)) - b) - wstar) ^ 2 = ((1 - eta * a) ^ 2) ^ 2 * (w0 - wstar) ^ 2 := by
    linear_combination her1 + (1 - eta * a) ^ 2 * her0
  have hhc3_hr2 : ((1 - eta * a) ^ 2) ^ 2 ≤ 1 := by
    refine not_lt.mp (fun hng => ?_)
    have f : 0 < ((1 - eta * a) ^ 2) ^ 2 - 1 := sub_pos.mpr hng
    have f_1 : 0 ≤ (1 - eta * a) ^ 2 - ((1 - eta * a) ^ 2) ^ 2 := sub_nonneg.mpr hc1
    have f_2 : 0 < ((1 - eta * a) ^ 2) ^ 2 - 1 + ((1 - eta * a) ^ 2 - ((1 - eta * a) ^ 2) ^ 2) := add_pos_of_pos_of_nonneg f f_1
    have f_3 : 0 ≤ 1 - (1 - eta * a) ^ 2 := sub_nonneg.mpr h6
    have f_4 : 0 < ((1 - eta * a) ^ 2) ^ 2 - 1 + ((1 - eta * a) ^ 2 - ((1 - eta * a) ^ 2) ^ 2) + (1 - (1 - eta * a) ^ 2) := add_pos_of_pos_of_nonneg f_2 f_3
    have hcontra : (0 : ℝ) < 0 := by
      linear_combination f_4
    exact absurd hcontra (by norm_num)
  have hhc3_he0 : (w0 - wstar) ^ 2 ≥ 0 := by
    refine not_lt.mp (fun hng => ?_)
    have f : 0 < 0 - (w0 - wstar) ^ 2 := sub_pos.mpr hng
    have f_1 : 0 ≤ (w0 - wstar) ^ 2 := sq_nonneg (w0 - wstar)
    have f_2 : 0 < 0 - (w0 - wstar) ^ 2 + (w0 - wstar) ^ 2 := add_pos_of_pos_of_nonneg f f_1
    have hcontra : (0 : ℝ) < 0 := by
      linear_combination f_2
    exact absurd hcontra (by norm_num)
  have hc3 : (w0 - eta * (a * w0 - b) - eta * (a * (w0 - eta * (a * w0 - b)) - b) - wstar) ^ 2 ≤ (w0 - wstar) ^ 2 := two_layer_error_bound ((w0 - eta * (a * w0 - b) - eta * (a * (w0 - eta * (a * w0 - b)) - b) - wstar) ^ 2) (((1 - eta * a) ^ 2) ^ 2) ((w0 - wstar) ^ 2) hhc3_hrec hhc3_hr2 hhc3_he0
  exact hc3

/-- CH2 for the third layer + CH5 for the first two -> C4: three gradient-descent layers do not increase the squared error, e3 <= e0, from the raw quantities.

[CH6; paper 001 §6]
Unfolded definitions: `grad(a, w, b) := a*w - b` `err(w, wstar) := w - wstar` `gd_step(w, eta, a, b) := w - eta*grad(a, w, b)` `err_next(w, wstar, eta, a, b) := err(gd_step(w, eta, a, b), wstar)`. -/
theorem three_gd_layers_error_bound (a b w0 wstar eta : ℝ) (hopt : a * wstar = b) (hlo : 0 ≤ eta * a) (hhi : eta * a ≤ 2) :
    (w0 - eta * (a * w0 - b) - eta * (a * (w0 - eta * (a * w0 - b)) - b) - eta * (a * (w0 - eta * (a * w0 - b) - eta * (a * (w0 - eta * (a * w0 - b)) - b)) - b) - wstar) ^ 2 ≤ (w0 - wstar) ^ 2 := by
  have hhl3_hopt : a * wstar = b := by
    exact hopt
  have hhl3_hlo : 0 ≤ eta * a := by
    exact hlo
  have hhl3_hhi : eta * a ≤ 2 := by
    exact hhi
  have hl3 : (w0 - eta * (a * w0 - b) - eta * (a * (w0 - eta * (a * w0 - b)) - b) - eta * (a * (w0 - eta * (a * w0 - b) - eta * (a * (w0 - eta * (a * w0 - b)) - b)) - b) - wstar) ^ 2 ≤ (w0 - eta * (a * w0 - b) - eta * (a * (w0 - eta * (a * w0 - b)) - b) - wstar) ^ 2 := gd_step_contracts_error (a) (b) (w0 - eta * (a * w0 - b) - eta * (a * (w0 - eta * (a * w0 - b)) - b)) (wstar) (eta) hhl3_hopt hhl3_hlo hhl3_hhi
  have hhl12_hopt : a * wstar = b := by
    exact hopt
  have hhl12_hlo : 0 ≤ eta * a := by
    exact hlo
  have hhl12_hhi : eta * a ≤ 2 := by
    exact hhi
  have hl12 : (w0 - eta * (a * w0 - b) - eta * (a * (w0 - eta * (a * w0 - b)) - b) - wstar) ^ 2 ≤ (w0 - wstar) ^ 2 := two_gd_layers_error_bound (a) (b) (w0) (wstar) (eta) hhl12_hopt hhl12_hlo hhl12_hhi
  have hhc4_h32 : (w0 - eta * (a * w0 - b) - eta * (a * (w0 - eta * (a * w0 - b)) - b) - eta * (a * (w0 - eta * (a * w0 - b) - eta * (a * (w0 - eta * (a * w0 - b)) - b)) - b) - wstar) ^ 2 ≤ (w0 - eta * (a * w0 - b) - eta * (a * (w0 - eta * (a * w0 - b)) - b) - wstar) ^ 2 := by
    refine not_lt.mp (fun hng => ?_)
    have f : 0 < (w0 - eta * (a * w0 - b) - eta * (a * (w0 - eta * (a * w0 - b)) - b) - eta * (a * (w0 - eta * (a * w0 - b) - eta * (a * (w0 - eta * (a * w0 - b)) - b)) - b) - wstar) ^ 2 - (w0 - eta * (a * w0 - b) - eta * (a * (w0 - eta * (a * w0 - b)) - b) - wstar) ^ 2 := sub_pos.mpr hng
    have f_1 : 0 ≤ (w0 - eta * (a * w0 - b) - eta * (a * (w0 - eta * (a * w0 - b)) - b) - wstar) ^ 2 - (w0 - eta * (a * w0 - b) - eta * (a * (w0 - eta * (a * w0 - b)) - b) - eta * (a * (w0 - eta * (a * w0 - b) - eta * (a * (w0 - eta * (a * w0 - b)) - b)) - b) - wstar) ^ 2 := sub_nonneg.mpr hl3
    have f_2 : 0 < (w0 - eta * (a * w0 - b) - eta * (a * (w0 - eta * (a * w0 - b)) - b) - eta * (a * (w0 - eta * (a * w0 - b) - eta * (a * (w0 - eta * (a * w0 - b)) - b)) - b) - wstar) ^ 2 - (w0 - eta * (a * w0 - b) - eta * (a * (w0 - eta * (a * w0 - b)) - b) - wstar) ^ 2 + ((w0 - eta * (a * w0 - b) - eta * (a * (w0 - eta * (a * w0 - b)) - b) - wstar) ^ 2 - (w0 - eta * (a * w0 - b) - eta * (a * (w0 - eta * (a * w0 - b)) - b) - eta * (a * (w0 - eta * (a * w0 - b) - eta * (a * (w0 - eta * (a * w0 - b)) - b)) - b) - wstar) ^ 2) := add_pos_of_pos_of_nonneg f f_1
    have hcontra : (0 : ℝ) < 0 := by
      linear_combination f_2
    exact absurd hcontra (by norm_num)
  have hhc4_h20 : (w0 - eta * (a * w0 - b) - eta * (a * (w0 - eta * (a * w0 - b)) - b) - wstar) ^ 2 ≤ (w0 - wstar) ^ 2 := by
    refine not_lt.mp (fun hng => ?_)
    have f : 0 < (w0 - eta * (a * w0 - b) - eta * (a * (w0 - eta * (a * w0 - b)) - b) - wstar) ^ 2 - (w0 - wstar) ^ 2 := sub_pos.mpr hng
    have f_1 : 0 ≤ (w0 - wstar) ^ 2 - (w0 - eta * (a * w0 - b) - eta * (a * (w0 - eta * (a * w0 - b)) - b) - wstar) ^ 2 := sub_nonneg.mpr hl12
    have f_2 : 0 < (w0 - eta * (a * w0 - b) - eta * (a * (w0 - eta * (a * w0 - b)) - b) - wstar) ^ 2 - (w0 - wstar) ^ 2 + ((w0 - wstar) ^ 2 - (w0 - eta * (a * w0 - b) - eta * (a * (w0 - eta * (a * w0 - b)) - b) - wstar) ^ 2) := add_pos_of_pos_of_nonneg f f_1
    have hcontra : (0 : ℝ) < 0 := by
      linear_combination f_2
    exact absurd hcontra (by norm_num)
  have hc4 : (w0 - eta * (a * w0 - b) - eta * (a * (w0 - eta * (a * w0 - b)) - b) - eta * (a * (w0 - eta * (a * w0 - b) - eta * (a * (w0 - eta * (a * w0 - b)) - b)) - b) - wstar) ^ 2 ≤ (w0 - wstar) ^ 2 := three_layer_error_bound ((w0 - eta * (a * w0 - b) - eta * (a * (w0 - eta * (a * w0 - b)) - b) - eta * (a * (w0 - eta * (a * w0 - b) - eta * (a * (w0 - eta * (a * w0 - b)) - b)) - b) - wstar) ^ 2) ((w0 - eta * (a * w0 - b) - eta * (a * (w0 - eta * (a * w0 - b)) - b) - wstar) ^ 2) ((w0 - wstar) ^ 2) hhc4_h32 hhc4_h20
  exact hc4

/-- CH1 (A5) per channel -> D1: one gradient step on two decoupled eigen-channels does not increase the total loss, from the raw per-channel quantities.

[CH7; paper 001 §7]
Unfolded definitions: `grad(a, w, b) := a*w - b` `loss(a, b, c, x) := a*x^2 - 2*b*x + c` `gd_step(w, eta, a, b) := w - eta*grad(a, w, b)`. -/
theorem two_channel_loss_descent (a1 b1 c1 w1 a2 b2 c2 w2 eta : ℝ) (heta : eta > 0) (hwin1 : eta * a1 ≤ 2) (hwin2 : eta * a2 ≤ 2) :
    a1 * (w1 - eta * (a1 * w1 - b1)) ^ 2 - 2 * b1 * (w1 - eta * (a1 * w1 - b1)) + c1 + (a2 * (w2 - eta * (a2 * w2 - b2)) ^ 2 - 2 * b2 * (w2 - eta * (a2 * w2 - b2)) + c2) ≤ a1 * w1 ^ 2 - 2 * b1 * w1 + c1 + (a2 * w2 ^ 2 - 2 * b2 * w2 + c2) := by
  have hhd1_heta : eta > 0 := by
    exact heta
  have hhd1_hwin : eta * a1 ≤ 2 := by
    exact hwin1
  have hd1 : a1 * (w1 - eta * (a1 * w1 - b1)) ^ 2 - 2 * b1 * (w1 - eta * (a1 * w1 - b1)) + c1 ≤ a1 * w1 ^ 2 - 2 * b1 * w1 + c1 := gd_step_decreases_loss (a1) (b1) (c1) (w1) (eta) hhd1_heta hhd1_hwin
  have hhd2_heta : eta > 0 := by
    exact heta
  have hhd2_hwin : eta * a2 ≤ 2 := by
    exact hwin2
  have hd2 : a2 * (w2 - eta * (a2 * w2 - b2)) ^ 2 - 2 * b2 * (w2 - eta * (a2 * w2 - b2)) + c2 ≤ a2 * w2 ^ 2 - 2 * b2 * w2 + c2 := gd_step_decreases_loss (a2) (b2) (c2) (w2) (eta) hhd2_heta hhd2_hwin
  have hhtot_h1 : a1 * (w1 - eta * (a1 * w1 - b1)) ^ 2 - 2 * b1 * (w1 - eta * (a1 * w1 - b1)) + c1 ≤ a1 * w1 ^ 2 - 2 * b1 * w1 + c1 := by
    exact hd1
  have hhtot_h2 : a2 * (w2 - eta * (a2 * w2 - b2)) ^ 2 - 2 * b2 * (w2 - eta * (a2 * w2 - b2)) + c2 ≤ a2 * w2 ^ 2 - 2 * b2 * w2 + c2 := by
    exact hd2
  have htot : a1 * (w1 - eta * (a1 * w1 - b1)) ^ 2 - 2 * b1 * (w1 - eta * (a1 * w1 - b1)) + c1 + (a2 * (w2 - eta * (a2 * w2 - b2)) ^ 2 - 2 * b2 * (w2 - eta * (a2 * w2 - b2)) + c2) ≤ a1 * w1 ^ 2 - 2 * b1 * w1 + c1 + (a2 * w2 ^ 2 - 2 * b2 * w2 + c2) := total_loss_descent (a1 * w1 ^ 2 - 2 * b1 * w1 + c1) (a1 * (w1 - eta * (a1 * w1 - b1)) ^ 2 - 2 * b1 * (w1 - eta * (a1 * w1 - b1)) + c1) (a2 * w2 ^ 2 - 2 * b2 * w2 + c2) (a2 * (w2 - eta * (a2 * w2 - b2)) ^ 2 - 2 * b2 * (w2 - eta * (a2 * w2 - b2)) + c2) hhtot_h1 hhtot_h2
  exact htot

/-- A lemma the papers use but do not list: one gradient step multiplies the in-context gradient by the contraction factor, g' = (1 - eta*a)*g.

[CH8; paper 001 §App. A]
Unfolded definitions: `grad(a, w, b) := a*w - b` `gd_step(w, eta, a, b) := w - eta*grad(a, w, b)`. -/
theorem gradient_recursion (a b w eta : ℝ) :
    a * (w - eta * (a * w - b)) - b = (1 - eta * a) * (a * w - b) := by
  ring

/-- CH8 + A6 -> A7 for the gradient: with 0 <= eta*a <= 2 one step does not increase the squared gradient, g'^2 <= g^2 (the premise of M2 and MN2 per channel).

[CH9; paper 001 §App. A]
Unfolded definitions: `grad(a, w, b) := a*w - b` `gd_step(w, eta, a, b) := w - eta*grad(a, w, b)`. -/
theorem gd_step_contracts_gradient (a b w eta : ℝ) (hlo : 0 ≤ eta * a) (hhi : eta * a ≤ 2) :
    (a * (w - eta * (a * w - b)) - b) ^ 2 ≤ (a * w - b) ^ 2 := by
  have hgr : a * (w - eta * (a * w - b)) - b = (1 - eta * a) * (a * w - b) := gradient_recursion (a) (b) (w) (eta)
  have hh6_hlo : 0 ≤ eta * a := by
    exact hlo
  have hh6_hhi : eta * a ≤ 2 := by
    exact hhi
  have h6 : (1 - eta * a) ^ 2 ≤ 1 := contraction_factor_sq_le_one (eta) (a) hh6_hlo hh6_hhi
  have hh7_hrec : (a * (w - eta * (a * w - b)) - b) ^ 2 = (1 - eta * a) ^ 2 * (a * w - b) ^ 2 := by
    linear_combination (a * (w - eta * (a * w - b)) - b + (1 - eta * a) * (a * w - b)) * hgr
  have hh7_hrsq : (1 - eta * a) ^ 2 ≤ 1 := by
    refine not_lt.mp (fun hng => ?_)
    have f : 0 < (1 - eta * a) ^ 2 - 1 := sub_pos.mpr hng
    have f_1 : 0 ≤ 1 - (1 - eta * a) ^ 2 := sub_nonneg.mpr h6
    have f_2 : 0 < (1 - eta * a) ^ 2 - 1 + (1 - (1 - eta * a) ^ 2) := add_pos_of_pos_of_nonneg f f_1
    have hcontra : (0 : ℝ) < 0 := by
      linear_combination f_2
    exact absurd hcontra (by norm_num)
  have hh7_hesq : (a * w - b) ^ 2 ≥ 0 := by
    refine not_lt.mp (fun hng => ?_)
    have f : 0 < 0 - (a * w - b) ^ 2 := sub_pos.mpr hng
    have f_1 : 0 ≤ (a * w - b) ^ 2 := sq_nonneg (a * w - b)
    have f_2 : 0 < 0 - (a * w - b) ^ 2 + (a * w - b) ^ 2 := add_pos_of_pos_of_nonneg f f_1
    have hcontra : (0 : ℝ) < 0 := by
      linear_combination f_2
    exact absurd hcontra (by norm_num)
  have h7 : (a * (w - eta * (a * w - b)) - b) ^ 2 ≤ (a * w - b) ^ 2 := contraction_reduces_error ((a * (w - eta * (a * w - b)) - b) ^ 2) ((1 - eta * a) ^ 2) ((a * w - b) ^ 2) hh7_hrec hh7_hrsq hh7_hesq
  exact h7

/-- CH9 per channel -> M2 from raw quantities: one gradient step on two eigen-channels with 0 <= eta*a_i <= 2 does not increase the Frobenius gradient energy.

[CH10; paper 001 §App. A]
Unfolded definitions: `grad(a, w, b) := a*w - b` `gd_step(w, eta, a, b) := w - eta*grad(a, w, b)`. -/
theorem two_channel_gradient_contraction (a1 b1 w1 a2 b2 w2 eta : ℝ) (hlo1 : 0 ≤ eta * a1) (hhi1 : eta * a1 ≤ 2) (hlo2 : 0 ≤ eta * a2) (hhi2 : eta * a2 ≤ 2) :
    (a1 * (w1 - eta * (a1 * w1 - b1)) - b1) ^ 2 + (a2 * (w2 - eta * (a2 * w2 - b2)) - b2) ^ 2 ≤ (a1 * w1 - b1) ^ 2 + (a2 * w2 - b2) ^ 2 := by
  have hhc1_hlo : 0 ≤ eta * a1 := by
    exact hlo1
  have hhc1_hhi : eta * a1 ≤ 2 := by
    exact hhi1
  have hc1 : (a1 * (w1 - eta * (a1 * w1 - b1)) - b1) ^ 2 ≤ (a1 * w1 - b1) ^ 2 := gd_step_contracts_gradient (a1) (b1) (w1) (eta) hhc1_hlo hhc1_hhi
  have hhc2_hlo : 0 ≤ eta * a2 := by
    exact hlo2
  have hhc2_hhi : eta * a2 ≤ 2 := by
    exact hhi2
  have hc2 : (a2 * (w2 - eta * (a2 * w2 - b2)) - b2) ^ 2 ≤ (a2 * w2 - b2) ^ 2 := gd_step_contracts_gradient (a2) (b2) (w2) (eta) hhc2_hlo hhc2_hhi
  have hhm2_h1 : (a1 * (w1 - eta * (a1 * w1 - b1)) - b1) ^ 2 ≤ (a1 * w1 - b1) ^ 2 := by
    exact hc1
  have hhm2_h2 : (a2 * (w2 - eta * (a2 * w2 - b2)) - b2) ^ 2 ≤ (a2 * w2 - b2) ^ 2 := by
    exact hc2
  have hm2 : (a1 * (w1 - eta * (a1 * w1 - b1)) - b1) ^ 2 + (a2 * (w2 - eta * (a2 * w2 - b2)) - b2) ^ 2 ≤ (a1 * w1 - b1) ^ 2 + (a2 * w2 - b2) ^ 2 := matrix_frobenius_contraction (a1 * w1 - b1) (a2 * w2 - b2) (a1 * (w1 - eta * (a1 * w1 - b1)) - b1) (a2 * (w2 - eta * (a2 * w2 - b2)) - b2) hhm2_h1 hhm2_h2
  exact hm2

/-- CH9 per channel -> MN2 in dimension d: with g_k and gn_k the gradients of channel k before and after one step, 0 <= eta*a_k <= 2 for all k < d gives sum gn_k^2 <= sum g_k^2.

[CH11; paper 001 §App. A]
Unfolded definitions: `grad(a, w, b) := a*w - b` `gd_step(w, eta, a, b) := w - eta*grad(a, w, b)`. -/
theorem frobenius_gradient_contraction (eta : ℝ) (d : ℕ) (a b w g gn : ℕ → ℝ) (hg : ∀ k < d, g k = a k * w k - b k) (hgn : ∀ k < d, gn k = a k * (w k - eta * (a k * w k - b k)) - b k) (hlo : ∀ k < d, 0 ≤ eta * a k) (hhi : ∀ k < d, eta * a k ≤ 2) :
    ∑ k ∈ Finset.range d, (gn k ^ 2) ≤ ∑ k ∈ Finset.range d, (g k ^ 2) := by
  have hhmn2_hg : ∀ k < d, gn k ^ 2 ≤ g k ^ 2 := by
    intro i hlt
    have hg := hg i hlt
    have hgn := hgn i hlt
    have hhi := hhi i hlt
    have hlo := hlo i hlt
    have hhc_hlo : 0 ≤ eta * a i := by
      refine not_lt.mp (fun hng => ?_)
      have f : 0 < 0 - eta * a i := sub_pos.mpr hng
      have f_1 : 0 ≤ eta * a i := hlo
      have f_2 : 0 < 0 - eta * a i + eta * a i := add_pos_of_pos_of_nonneg f f_1
      have hcontra : (0 : ℝ) < 0 := by
        linear_combination f_2
      exact absurd hcontra (by norm_num)
    have hhc_hhi : eta * a i ≤ 2 := by
      refine not_lt.mp (fun hng => ?_)
      have f : 0 < eta * a i - 2 := sub_pos.mpr hng
      have f_1 : 0 ≤ 2 - eta * a i := sub_nonneg.mpr hhi
      have f_2 : 0 < eta * a i - 2 + (2 - eta * a i) := add_pos_of_pos_of_nonneg f f_1
      have hcontra : (0 : ℝ) < 0 := by
        linear_combination f_2
      exact absurd hcontra (by norm_num)
    have hc : (a i * (w i - eta * (a i * w i - b i)) - b i) ^ 2 ≤ (a i * w i - b i) ^ 2 := gd_step_contracts_gradient (a i) (b i) (w i) (eta) hhc_hlo hhc_hhi
    refine not_lt.mp (fun hng => ?_)
    have f : 0 < gn i ^ 2 - g i ^ 2 := sub_pos.mpr hng
    have f_1 : 0 ≤ (a i * w i - b i) ^ 2 - (a i * (w i - eta * (a i * w i - b i)) - b i) ^ 2 := sub_nonneg.mpr hc
    have f_2 : 0 < gn i ^ 2 - g i ^ 2 + ((a i * w i - b i) ^ 2 - (a i * (w i - eta * (a i * w i - b i)) - b i) ^ 2) := add_pos_of_pos_of_nonneg f f_1
    have f_3 : gn i - (a i * (w i - eta * (a i * w i - b i)) - b i) = 0 := sub_eq_zero.mpr hgn
    have f_4 : (-(gn i + (a i * (w i - eta * (a i * w i - b i)) - b i))) * (gn i - (a i * (w i - eta * (a i * w i - b i)) - b i)) = 0 := by
      linear_combination (-(gn i + (a i * (w i - eta * (a i * w i - b i)) - b i))) * f_3
    have f_5 : g i - (a i * w i - b i) = 0 := sub_eq_zero.mpr hg
    have f_6 : (g i + (a i * w i - b i)) * (g i - (a i * w i - b i)) = 0 := by
      linear_combination (g i + (a i * w i - b i)) * f_5
    have f_7 : (-(gn i + (a i * (w i - eta * (a i * w i - b i)) - b i))) * (gn i - (a i * (w i - eta * (a i * w i - b i)) - b i)) + (g i + (a i * w i - b i)) * (g i - (a i * w i - b i)) = 0 := by
      linear_combination f_4 + f_6
    have f_8 : 0 < gn i ^ 2 - g i ^ 2 + ((a i * w i - b i) ^ 2 - (a i * (w i - eta * (a i * w i - b i)) - b i) ^ 2) + ((-(gn i + (a i * (w i - eta * (a i * w i - b i)) - b i))) * (gn i - (a i * (w i - eta * (a i * w i - b i)) - b i)) + (g i + (a i * w i - b i)) * (g i - (a i * w i - b i))) := add_pos_of_pos_of_nonneg f_2 (le_of_eq f_7.symm)
    have hcontra : (0 : ℝ) < 0 := by
      linear_combination f_8
    exact absurd hcontra (by norm_num)
  have hmn2 : ∑ k ∈ Finset.range d, (gn k ^ 2) ≤ ∑ k ∈ Finset.range d, (g k ^ 2) := frobenius_contraction_full d g gn hhmn2_hg
  exact hmn2

/-- E3 + I2 -> I1: the interference degradation (rho - w)^2 - rho^2 is at most w^2 (E3), and w <= mu gives w^2 <= mu^2 (I2), so the degradation is at most mu^2.

[CH12; paper 002 §2] -/
theorem capacity_bridge_from_interference (w rho mu : ℝ) (hw : w ≥ 0) (hrho : rho ≥ 0) (hmu : mu ≥ 0) (hwm : w ≤ mu) :
    (rho - w) ^ 2 - rho ^ 2 ≤ mu ^ 2 := by
  have hhe3_hw : w ≥ 0 := by
    exact hw
  have hhe3_hrho : rho ≥ 0 := by
    exact hrho
  have he3 : (rho - w) ^ 2 - rho ^ 2 ≤ w ^ 2 := interference_degradation_bounded (w) (rho) hhe3_hw hhe3_hrho
  have hhi2_hmu : w ≥ 0 := by
    exact hw
  have hhi2_hw : mu ≥ w := by
    exact hwm
  have hi2 : w ^ 2 ≤ mu ^ 2 := overpacking_degrades_optimum (w) (mu) hhi2_hmu hhi2_hw
  refine not_lt.mp (fun hng => ?_)
  have f : 0 < (rho - w) ^ 2 - rho ^ 2 - mu ^ 2 := sub_pos.mpr hng
  have f_1 : 0 ≤ w ^ 2 - ((rho - w) ^ 2 - rho ^ 2) := sub_nonneg.mpr he3
  have f_2 : 0 < (rho - w) ^ 2 - rho ^ 2 - mu ^ 2 + (w ^ 2 - ((rho - w) ^ 2 - rho ^ 2)) := add_pos_of_pos_of_nonneg f f_1
  have f_3 : 0 ≤ mu ^ 2 - w ^ 2 := sub_nonneg.mpr hi2
  have f_4 : 0 < (rho - w) ^ 2 - rho ^ 2 - mu ^ 2 + (w ^ 2 - ((rho - w) ^ 2 - rho ^ 2)) + (mu ^ 2 - w ^ 2) := add_pos_of_pos_of_nonneg f_2 f_3
  have hcontra : (0 : ℝ) < 0 := by
    linear_combination f_4
  exact absurd hcontra (by norm_num)

/-- S1 + S3 + S4: for two decay regimes l1 < l2 with alpha_i*(2*beta) = l_i and d_i*l_i = K, the scaling exponent is positive, the effective dimension decreases, and the capacity trade-off d1*alpha1*(2*beta) = K holds.

[CH13; paper 002 §6] -/
theorem scaling_tradeoff_two_regimes (alpha1 alpha2 beta l1 l2 d1 d2 K : ℝ) (hs1 : alpha1 * (2 * beta) = l1) (hs2 : alpha2 * (2 * beta) = l2) (hd1 : d1 * l1 = K) (hd2 : d2 * l2 = K) (hK : K > 0) (hl1 : 0 < l1) (hl12 : l1 < l2) (hbeta : beta > 0) :
    alpha1 > 0 ∧ d2 < d1 ∧ d1 * alpha1 * (2 * beta) = K := by
  refine ⟨?_, ?_, ?_⟩
  · have hhs_hscal : alpha1 * (2 * beta) = l1 := by
      exact hs1
    have hhs_hl : l1 > 0 := by
      exact hl1
    have hhs_hbeta : beta > 0 := by
      exact hbeta
    have hs : alpha1 > 0 := scaling_exponent_positive (alpha1) (beta) (l1) hhs_hscal hhs_hl hhs_hbeta
    exact hs
  · have hhdim_h1 : d1 * l1 = K := by
      exact hd1
    have hhdim_h2 : d2 * l2 = K := by
      exact hd2
    have hhdim_hK : K > 0 := by
      exact hK
    have hhdim_hl1 : 0 < l1 := by
      exact hl1
    have hhdim_hl12 : l1 < l2 := by
      exact hl12
    have hdim : d2 < d1 := effective_dim_decreases_with_decay (d1) (d2) (l1) (l2) (K) hhdim_h1 hhdim_h2 hhdim_hK hhdim_hl1 hhdim_hl12
    exact hdim
  · have hhtr_hscal : alpha1 * (2 * beta) = l1 := by
      exact hs1
    have hhtr_hdim : d1 * l1 = K := by
      exact hd1
    have htr : d1 * alpha1 * (2 * beta) = K := capacity_scaling_tradeoff (alpha1) (beta) (l1) (d1) (K) hhtr_hscal hhtr_hdim
    exact htr

/-- S5's reading as injectivity: with alpha_i*(2*beta) = l_i and beta > 0, distinct decay rates l1 != l2 give distinct exponents, (alpha1 - alpha2)^2 > 0 (a != goal is stated as a positive square; proved with nonzero_sq).

[CH17; paper 002 §6] -/
theorem universality_breakdown_injective (alpha1 alpha2 beta l1 l2 : ℝ) (hs1 : alpha1 * (2 * beta) = l1) (hs2 : alpha2 * (2 * beta) = l2) (hne : l1 ≠ l2) (hbeta : beta > 0) :
    (alpha1 - alpha2) ^ 2 > 0 := by
  refine not_le.mp (fun hng => ?_)
  have f : 0 < (l1 - l2) ^ 2 := lt_of_le_of_ne (sq_nonneg (l1 - l2)) (Ne.symm (pow_ne_zero 2 (sub_ne_zero.mpr hne)))
  have f_1 : (0 : ℝ) < 4 := by
    norm_num
  have f_2 : 0 ≤ beta ^ 2 := sq_nonneg (beta)
  have f_3 : 0 ≤ 4 * beta ^ 2 := mul_nonneg (le_of_lt f_1) f_2
  have f_4 : 0 ≤ 0 - (alpha1 - alpha2) ^ 2 := sub_nonneg.mpr hng
  have f_5 : 0 ≤ 4 * beta ^ 2 * (0 - (alpha1 - alpha2) ^ 2) := mul_nonneg f_3 f_4
  have f_6 : 0 < (l1 - l2) ^ 2 + 4 * beta ^ 2 * (0 - (alpha1 - alpha2) ^ 2) := add_pos_of_pos_of_nonneg f f_5
  have f_7 : alpha1 * (2 * beta) - l1 = 0 := sub_eq_zero.mpr hs1
  have f_8 : (l1 - l2 + 2 * beta * (alpha1 - alpha2)) * (alpha1 * (2 * beta) - l1) = 0 := by
    linear_combination (l1 - l2 + 2 * beta * (alpha1 - alpha2)) * f_7
  have f_9 : alpha2 * (2 * beta) - l2 = 0 := sub_eq_zero.mpr hs2
  have f_10 : (-(l1 - l2 + 2 * beta * (alpha1 - alpha2))) * (alpha2 * (2 * beta) - l2) = 0 := by
    linear_combination (-(l1 - l2 + 2 * beta * (alpha1 - alpha2))) * f_9
  have f_11 : (l1 - l2 + 2 * beta * (alpha1 - alpha2)) * (alpha1 * (2 * beta) - l1) + (-(l1 - l2 + 2 * beta * (alpha1 - alpha2))) * (alpha2 * (2 * beta) - l2) = 0 := by
    linear_combination f_8 + f_10
  have f_12 : 0 < (l1 - l2) ^ 2 + 4 * beta ^ 2 * (0 - (alpha1 - alpha2) ^ 2) + ((l1 - l2 + 2 * beta * (alpha1 - alpha2)) * (alpha1 * (2 * beta) - l1) + (-(l1 - l2 + 2 * beta * (alpha1 - alpha2))) * (alpha2 * (2 * beta) - l2)) := add_pos_of_pos_of_nonneg f_6 (le_of_eq f_11.symm)
  have hcontra : (0 : ℝ) < 0 := by
    linear_combination f_12
  exact absurd hcontra (by norm_num)

/-- MH1 + MH2 + MH3 + MH4: two heads matched to a1 and a2 have zero residual contraction, while one shared gain matched to a1 leaves kappa^2*(a1 - a2)^2 > 0 when a1 != a2, so the two heads are strictly better.

[CH14; paper 003 §4] -/
theorem multihead_beats_shared_gain (kappa kappa1 kappa2 a1 a2 : ℝ) (hk : kappa > 0) (hmatch : kappa * a1 = 1) (hne : a1 ≠ a2) (h1 : kappa1 * a1 = 1) (h2 : kappa2 * a2 = 1) :
    (1 - kappa1 * a1) ^ 2 + (1 - kappa2 * a2) ^ 2 < (1 - kappa * a1) ^ 2 + (1 - kappa * a2) ^ 2 := by
  have hhm2_h1 : kappa1 * a1 = 1 := by
    exact h1
  have hhm2_h2 : kappa2 * a2 = 1 := by
    exact h2
  have hm2 : (1 - kappa1 * a1) ^ 2 + (1 - kappa2 * a2) ^ 2 = 0 := two_matched_heads_zero_contraction (kappa1) (kappa2) (a1) (a2) hhm2_h1 hhm2_h2
  have hhm1_hmatch : kappa * a1 = 1 := by
    exact hmatch
  have hm1 : (1 - kappa * a1) ^ 2 = 0 := per_head_newton_achievable (kappa) (a1) hhm1_hmatch
  have hhm3_hmatch : kappa * a1 = 1 := by
    exact hmatch
  have hm3 : (1 - kappa * a2) ^ 2 = kappa ^ 2 * (a1 - a2) ^ 2 := single_head_residual_gain_spread (kappa) (a1) (a2) hhm3_hmatch
  have hhm4_hk : kappa > 0 := by
    exact hk
  have hhm4_hne : a1 ≠ a2 := by
    exact hne
  have hm4 : kappa ^ 2 * (a1 - a2) ^ 2 > 0 := multihead_advantage_positive (kappa) (a1) (a2) hhm4_hk hhm4_hne
  refine not_le.mp (fun hng => ?_)
  have f : 0 ≤ (1 - kappa1 * a1) ^ 2 + (1 - kappa2 * a2) ^ 2 - ((1 - kappa * a1) ^ 2 + (1 - kappa * a2) ^ 2) := sub_nonneg.mpr hng
  have f_1 : (1 - kappa1 * a1) ^ 2 + (1 - kappa2 * a2) ^ 2 = 0 := hm2
  have f_2 : (-1) * ((1 - kappa1 * a1) ^ 2 + (1 - kappa2 * a2) ^ 2) = 0 := by
    linear_combination (-1 : ℝ) * f_1
  have f_3 : 0 ≤ (1 - kappa1 * a1) ^ 2 + (1 - kappa2 * a2) ^ 2 - ((1 - kappa * a1) ^ 2 + (1 - kappa * a2) ^ 2) + (-1) * ((1 - kappa1 * a1) ^ 2 + (1 - kappa2 * a2) ^ 2) := add_nonneg f (le_of_eq f_2.symm)
  have f_4 : (1 - kappa * a1) ^ 2 = 0 := hm1
  have f_5 : (1 - kappa * a2) ^ 2 - kappa ^ 2 * (a1 - a2) ^ 2 = 0 := sub_eq_zero.mpr hm3
  have f_6 : (1 - kappa * a1) ^ 2 + ((1 - kappa * a2) ^ 2 - kappa ^ 2 * (a1 - a2) ^ 2) = 0 := by
    linear_combination f_4 + f_5
  have f_7 : 0 ≤ (1 - kappa1 * a1) ^ 2 + (1 - kappa2 * a2) ^ 2 - ((1 - kappa * a1) ^ 2 + (1 - kappa * a2) ^ 2) + (-1) * ((1 - kappa1 * a1) ^ 2 + (1 - kappa2 * a2) ^ 2) + ((1 - kappa * a1) ^ 2 + ((1 - kappa * a2) ^ 2 - kappa ^ 2 * (a1 - a2) ^ 2)) := add_nonneg f_3 (le_of_eq f_6.symm)
  have f_8 : 0 < kappa ^ 2 * (a1 - a2) ^ 2 := hm4
  have f_9 : 0 < (1 - kappa1 * a1) ^ 2 + (1 - kappa2 * a2) ^ 2 - ((1 - kappa * a1) ^ 2 + (1 - kappa * a2) ^ 2) + (-1) * ((1 - kappa1 * a1) ^ 2 + (1 - kappa2 * a2) ^ 2) + ((1 - kappa * a1) ^ 2 + ((1 - kappa * a2) ^ 2 - kappa ^ 2 * (a1 - a2) ^ 2)) + kappa ^ 2 * (a1 - a2) ^ 2 := add_pos_of_nonneg_of_pos f_7 f_8
  have hcontra : (0 : ℝ) < 0 := by
    linear_combination f_9
  exact absurd hcontra (by norm_num)

/-- T1 + G1 -> N3: below the threshold (u0 = 0) there is no contraction, inside the window 0 < u < 2 there is, so crossing the threshold strictly improves the contraction factor.

[CH15; paper 000 §4] -/
theorem threshold_from_no_learning_and_contraction (u0 u : ℝ) (hu0 : u0 = 0) (hpos : 0 < u) (hwin : u < 2) :
    (1 - u0) ^ 2 = 1 ∧ (1 - u) ^ 2 < 1 ∧ (1 - u) ^ 2 < (1 - u0) ^ 2 := by
  refine ⟨?_, ?_, ?_⟩
  · have hht1_hu : u0 = 0 := by
      exact hu0
    have ht1 : (1 - u0) ^ 2 = 1 := no_curvature_no_learning (u0) hht1_hu
    exact ht1
  · have hhg1_hu0 : 0 < u := by
      exact hpos
    have hhg1_hu2 : u < 2 := by
      exact hwin
    have hg1 : (1 - u) ^ 2 < 1 := strict_contraction_in_stability_window (u) hhg1_hu0 hhg1_hu2
    exact hg1
  · have hht1_hu : u0 = 0 := by
      exact hu0
    have ht1 : (1 - u0) ^ 2 = 1 := no_curvature_no_learning (u0) hht1_hu
    have hhg1_hu0 : 0 < u := by
      exact hpos
    have hhg1_hu2 : u < 2 := by
      exact hwin
    have hg1 : (1 - u) ^ 2 < 1 := strict_contraction_in_stability_window (u) hhg1_hu0 hhg1_hu2
    refine not_le.mp (fun hng => ?_)
    have f : 0 ≤ (1 - u) ^ 2 - (1 - u0) ^ 2 := sub_nonneg.mpr hng
    have f_1 : (1 - u0) ^ 2 - 1 = 0 := sub_eq_zero.mpr ht1
    have f_2 : 0 ≤ (1 - u) ^ 2 - (1 - u0) ^ 2 + ((1 - u0) ^ 2 - 1) := add_nonneg f (le_of_eq f_1.symm)
    have f_3 : 0 < 1 - (1 - u) ^ 2 := sub_pos.mpr hg1
    have f_4 : 0 < (1 - u) ^ 2 - (1 - u0) ^ 2 + ((1 - u0) ^ 2 - 1) + (1 - (1 - u) ^ 2) := add_pos_of_nonneg_of_pos f_2 f_3
    have hcontra : (0 : ℝ) < 0 := by
      linear_combination f_4
    exact absurd hcontra (by norm_num)

/-- ER + A6 + DC3 + DC4: for one gradient-descent layer with a*wstar = b and 0 <= eta*a <= 2, an undecided error e > eps makes progress at least (1 - r)*eps, and when e - eps <= (1 - r)*eps the layer decides: the new error is at most eps (r = (1 - eta*a)^2).

[CH16; paper 000 §5]
Unfolded definitions: `grad(a, w, b) := a*w - b` `err(w, wstar) := w - wstar` `gd_step(w, eta, a, b) := w - eta*grad(a, w, b)` `err_next(w, wstar, eta, a, b) := err(gd_step(w, eta, a, b), wstar)`. -/
theorem one_gd_layer_decision (a b w wstar eta eps : ℝ) (hopt : a * wstar = b) (hlo : 0 ≤ eta * a) (hhi : eta * a ≤ 2) (hund : (w - wstar) ^ 2 > eps) (hgap : (w - wstar) ^ 2 - eps ≤ (1 - (1 - eta * a) ^ 2) * eps) :
    (w - wstar) ^ 2 - eps - ((w - eta * (a * w - b) - wstar) ^ 2 - eps) ≥ (1 - (1 - eta * a) ^ 2) * eps ∧ (w - eta * (a * w - b) - wstar) ^ 2 ≤ eps := by
  refine ⟨?_, ?_⟩
  · have hher_hopt : a * wstar = b := by
      exact hopt
    have her : (w - eta * (a * w - b) - wstar) ^ 2 = (1 - eta * a) ^ 2 * (w - wstar) ^ 2 := error_recursion_identity (a) (b) (w) (wstar) (eta) hher_hopt
    have hh6_hlo : 0 ≤ eta * a := by
      exact hlo
    have hh6_hhi : eta * a ≤ 2 := by
      exact hhi
    have h6 : (1 - eta * a) ^ 2 ≤ 1 := contraction_factor_sq_le_one (eta) (a) hh6_hlo hh6_hhi
    have hhdc3_hstep : (w - eta * (a * w - b) - wstar) ^ 2 = (1 - eta * a) ^ 2 * (w - wstar) ^ 2 := by
      linear_combination her
    have hhdc3_hr0 : 0 ≤ (1 - eta * a) ^ 2 := by
      refine not_lt.mp (fun hng => ?_)
      have f : 0 < 0 - (1 - eta * a) ^ 2 := sub_pos.mpr hng
      have f_1 : 0 ≤ (1 - eta * a) ^ 2 := sq_nonneg (1 - eta * a)
      have f_2 : 0 < 0 - (1 - eta * a) ^ 2 + (1 - eta * a) ^ 2 := add_pos_of_pos_of_nonneg f f_1
      have hcontra : (0 : ℝ) < 0 := by
        linear_combination f_2
      exact absurd hcontra (by norm_num)
    have hhdc3_hr1 : (1 - eta * a) ^ 2 ≤ 1 := by
      refine not_lt.mp (fun hng => ?_)
      have f : 0 < (1 - eta * a) ^ 2 - 1 := sub_pos.mpr hng
      have f_1 : 0 ≤ 1 - (1 - eta * a) ^ 2 := sub_nonneg.mpr h6
      have f_2 : 0 < (1 - eta * a) ^ 2 - 1 + (1 - (1 - eta * a) ^ 2) := add_pos_of_pos_of_nonneg f f_1
      have hcontra : (0 : ℝ) < 0 := by
        linear_combination f_2
      exact absurd hcontra (by norm_num)
    have hhdc3_hund : (w - wstar) ^ 2 > eps := by
      exact hund
    have hdc3 : (w - wstar) ^ 2 - eps - ((w - eta * (a * w - b) - wstar) ^ 2 - eps) ≥ (1 - (1 - eta * a) ^ 2) * eps := decision_progress_linear ((w - eta * (a * w - b) - wstar) ^ 2) ((1 - eta * a) ^ 2) ((w - wstar) ^ 2) (eps) hhdc3_hstep hhdc3_hr0 hhdc3_hr1 hhdc3_hund
    exact hdc3
  · have hher_hopt : a * wstar = b := by
      exact hopt
    have her : (w - eta * (a * w - b) - wstar) ^ 2 = (1 - eta * a) ^ 2 * (w - wstar) ^ 2 := error_recursion_identity (a) (b) (w) (wstar) (eta) hher_hopt
    have hh6_hlo : 0 ≤ eta * a := by
      exact hlo
    have hh6_hhi : eta * a ≤ 2 := by
      exact hhi
    have h6 : (1 - eta * a) ^ 2 ≤ 1 := contraction_factor_sq_le_one (eta) (a) hh6_hlo hh6_hhi
    have hhdc4_hstep : (w - eta * (a * w - b) - wstar) ^ 2 = (1 - eta * a) ^ 2 * (w - wstar) ^ 2 := by
      linear_combination her
    have hhdc4_hr0 : 0 ≤ (1 - eta * a) ^ 2 := by
      refine not_lt.mp (fun hng => ?_)
      have f : 0 < 0 - (1 - eta * a) ^ 2 := sub_pos.mpr hng
      have f_1 : 0 ≤ (1 - eta * a) ^ 2 := sq_nonneg (1 - eta * a)
      have f_2 : 0 < 0 - (1 - eta * a) ^ 2 + (1 - eta * a) ^ 2 := add_pos_of_pos_of_nonneg f f_1
      have hcontra : (0 : ℝ) < 0 := by
        linear_combination f_2
      exact absurd hcontra (by norm_num)
    have hhdc4_hr1 : (1 - eta * a) ^ 2 ≤ 1 := by
      refine not_lt.mp (fun hng => ?_)
      have f : 0 < (1 - eta * a) ^ 2 - 1 := sub_pos.mpr hng
      have f_1 : 0 ≤ 1 - (1 - eta * a) ^ 2 := sub_nonneg.mpr h6
      have f_2 : 0 < (1 - eta * a) ^ 2 - 1 + (1 - (1 - eta * a) ^ 2) := add_pos_of_pos_of_nonneg f f_1
      have hcontra : (0 : ℝ) < 0 := by
        linear_combination f_2
      exact absurd hcontra (by norm_num)
    have hhdc4_hee : eps ≤ (w - wstar) ^ 2 := by
      refine not_lt.mp (fun hng => ?_)
      have f : 0 < eps - (w - wstar) ^ 2 := sub_pos.mpr hng
      have f_1 : 0 < (w - wstar) ^ 2 - eps := sub_pos.mpr hund
      have f_2 : 0 < eps - (w - wstar) ^ 2 + ((w - wstar) ^ 2 - eps) := add_pos f f_1
      have hcontra : (0 : ℝ) < 0 := by
        linear_combination f_2
      exact absurd hcontra (by norm_num)
    have hhdc4_hgap : (w - wstar) ^ 2 - eps ≤ (1 - (1 - eta * a) ^ 2) * eps := by
      exact hgap
    have hdc4 : (w - eta * (a * w - b) - wstar) ^ 2 ≤ eps := one_layer_decides_within_progress ((w - eta * (a * w - b) - wstar) ^ 2) ((1 - eta * a) ^ 2) ((w - wstar) ^ 2) (eps) hhdc4_hstep hhdc4_hr0 hhdc4_hr1 hhdc4_hee hhdc4_hgap
    exact hdc4

end TransformerICL

-- Every theorem must depend on no axiom beyond propext, Classical.choice and Quot.sound
-- (checked by tests/lean_driver.sh under ctest).
#print axioms TransformerICL.attention_update_is_gd_step
#print axioms TransformerICL.in_context_gradient_is_curvature_times_error
#print axioms TransformerICL.loss_decrease_identity
#print axioms TransformerICL.stable_step_factor_nonneg
#print axioms TransformerICL.grad_sq_nonneg
#print axioms TransformerICL.gd_decreases_loss
#print axioms TransformerICL.error_recursion_identity
#print axioms TransformerICL.contraction_factor_sq_le_one
#print axioms TransformerICL.contraction_reduces_error
#print axioms TransformerICL.softmax_prediction_lower_bound
#print axioms TransformerICL.softmax_prediction_upper_bound
#print axioms TransformerICL.softmax_concentration_accelerates
#print axioms TransformerICL.softmax_moderation_accelerates
#print axioms TransformerICL.curvature_squares_under_concentration
#print axioms TransformerICL.concentration_amplifies_gradient
#print axioms TransformerICL.optimal_preconditioning_zeroes_contraction
#print axioms TransformerICL.contraction_compounds
#print axioms TransformerICL.depth_strictly_improves
#print axioms TransformerICL.two_layer_error_bound
#print axioms TransformerICL.three_layer_error_bound
#print axioms TransformerICL.total_loss_descent
#print axioms TransformerICL.optimal_step_balances_contraction
#print axioms TransformerICL.condition_rate_bounded
#print axioms TransformerICL.construction_realizes_gd_step
#print axioms TransformerICL.composite_gain_positive
#print axioms TransformerICL.gains_realize_newton_convergence
#print axioms TransformerICL.matrix_update_energy_decomposition
#print axioms TransformerICL.matrix_frobenius_contraction
#print axioms TransformerICL.single_gain_newton_impossible
#print axioms TransformerICL.frobenius_energy_nonneg
#print axioms TransformerICL.frobenius_contraction_full
#print axioms TransformerICL.frobenius_update_energy_decomposition
#print axioms TransformerICL.interference_destroys_newton_convergence
#print axioms TransformerICL.large_interference_worsens_contraction
#print axioms TransformerICL.interference_degradation_bounded
#print axioms TransformerICL.capacity_computation_bridge
#print axioms TransformerICL.overpacking_degrades_optimum
#print axioms TransformerICL.convergence_floor_compounds
#print axioms TransformerICL.instability_beyond_stability_window
#print axioms TransformerICL.overshoot_monotone_degradation
#print axioms TransformerICL.strict_contraction_in_stability_window
#print axioms TransformerICL.more_curvature_faster_convergence
#print axioms TransformerICL.no_curvature_no_learning
#print axioms TransformerICL.emergence_gap_positive
#print axioms TransformerICL.wider_spread_worse_rate
#print axioms TransformerICL.scaling_exponent_positive
#print axioms TransformerICL.scaling_monotone_in_decay
#print axioms TransformerICL.effective_dim_decreases_with_decay
#print axioms TransformerICL.capacity_scaling_tradeoff
#print axioms TransformerICL.universality_breakdown
#print axioms TransformerICL.attention_sink_achieves_newton_step
#print axioms TransformerICL.near_newton_quadratic_rate
#print axioms TransformerICL.softmax_advantage_compounds
#print axioms TransformerICL.sink_hurts_in_undershoot
#print axioms TransformerICL.multihead_product_zero
#print axioms TransformerICL.adaptive_beats_uniform
#print axioms TransformerICL.mixed_preconditioning_helps
#print axioms TransformerICL.per_head_newton_achievable
#print axioms TransformerICL.two_matched_heads_zero_contraction
#print axioms TransformerICL.single_head_residual_gain_spread
#print axioms TransformerICL.multihead_advantage_positive
#print axioms TransformerICL.shared_gain_irreducible_floor
#print axioms TransformerICL.rate_monotone_in_conditioning
#print axioms TransformerICL.geometric_head_doubling_improves
#print axioms TransformerICL.optimal_gain_attains_rate
#print axioms TransformerICL.training_loss_tracks_contraction
#print axioms TransformerICL.optimal_gain_zeros_contraction
#print axioms TransformerICL.suboptimal_gain_has_positive_loss
#print axioms TransformerICL.no_spurious_minima
#print axioms TransformerICL.gain_update_monotone_early_regime
#print axioms TransformerICL.larger_eigenvalue_converges_faster
#print axioms TransformerICL.gd_monotone_gain_increase
#print axioms TransformerICL.more_context_faster_convergence
#print axioms TransformerICL.context_length_controls_gap
#print axioms TransformerICL.critical_context_threshold
#print axioms TransformerICL.context_diminishing_returns
#print axioms TransformerICL.decision_sound
#print axioms TransformerICL.decision_stable_under_depth
#print axioms TransformerICL.decision_progress_linear
#print axioms TransformerICL.one_layer_decides_within_progress
#print axioms TransformerICL.certified_anytime_interval_contains_truth
#print axioms TransformerICL.gd_step_decreases_loss
#print axioms TransformerICL.gd_step_contracts_error
#print axioms TransformerICL.exact_error_recursion
#print axioms TransformerICL.gains_realize_gd_and_newton
#print axioms TransformerICL.two_gd_layers_error_bound
#print axioms TransformerICL.three_gd_layers_error_bound
#print axioms TransformerICL.two_channel_loss_descent
#print axioms TransformerICL.gradient_recursion
#print axioms TransformerICL.gd_step_contracts_gradient
#print axioms TransformerICL.two_channel_gradient_contraction
#print axioms TransformerICL.frobenius_gradient_contraction
#print axioms TransformerICL.capacity_bridge_from_interference
#print axioms TransformerICL.scaling_tradeoff_two_regimes
#print axioms TransformerICL.universality_breakdown_injective
#print axioms TransformerICL.multihead_beats_shared_gain
#print axioms TransformerICL.threshold_from_no_learning_and_contraction
#print axioms TransformerICL.one_gd_layer_decision
