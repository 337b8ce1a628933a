// Exact polynomial arithmetic over ℚ (FLINT fmpq_mpoly, GMP underneath). No floating point.
#include "kernel/poly.hpp"

#include <algorithm>

namespace icl::kernel::detail {

namespace {
// contract: sets out to r
void to_fmpq(fmpq_t out, const Rational& r) { fmpq_set_mpq(out, r.backend().data()); }
// contract: returns a Rational equal to q
Rational from_fmpq(const fmpq_t q) {
    Rational r;
    fmpq_get_mpq(r.backend().data(), q);
    return r;
}
}  // namespace

Ring::Ring(std::vector<std::string> names, unsigned long* work)
    : work_(work), names_(std::move(names)), ctx_(new fmpq_mpoly_ctx_struct) {
    for (std::size_t i = 0; i < names_.size(); ++i) index_[names_[i]] = static_cast<long>(i);
    // FLINT needs at least one variable; an unused dummy does not change any normal form.
    fmpq_mpoly_ctx_init(ctx_, static_cast<slong>(std::max<std::size_t>(names_.size(), 1)), ORD_DEGREVLEX);
}
Ring::~Ring() {
    fmpq_mpoly_ctx_clear(ctx_);
    delete ctx_;
}
void Ring::charge(unsigned long units, const Limits& limits) const {
    if (work_ && (*work_ += units) > limits.max_work)
        throw KernelError("limit: polynomial work exceeds max-work " + std::to_string(limits.max_work));
}

long Ring::index_of(const std::string& name) const {
    auto it = index_.find(name);
    return it == index_.end() ? -1 : it->second;
}

Poly::Poly(const Ring& ring, const Limits& limits) : ring_(&ring), limits_(&limits) {
    fmpq_mpoly_init(&p_, ring_->ctx());
}
Poly Poly::constant(const Ring& ring, const Limits& limits, const Rational& c) {
    Poly r(ring, limits);
    fmpq_t q;
    fmpq_init(q);
    to_fmpq(q, c);
    fmpq_mpoly_set_fmpq(&r.p_, q, ring.ctx());
    fmpq_clear(q);
    return r;
}
Poly Poly::variable(const Ring& ring, const Limits& limits, long index) {
    Poly r(ring, limits);
    fmpq_mpoly_gen(&r.p_, index, ring.ctx());
    return r;
}
Poly::Poly(const Poly& o) : ring_(o.ring_), limits_(o.limits_) {
    fmpq_mpoly_init(&p_, ring_->ctx());
    fmpq_mpoly_set(&p_, &o.p_, ring_->ctx());
}
Poly& Poly::operator=(const Poly& o) {
    if (this != &o) {
        if (ring_ != o.ring_) throw KernelError("internal: polynomials of different rings");
        fmpq_mpoly_set(&p_, &o.p_, ring_->ctx());
    }
    return *this;
}
Poly::Poly(Poly&& o) noexcept : ring_(o.ring_), limits_(o.limits_) {
    fmpq_mpoly_init(&p_, ring_->ctx());
    fmpq_mpoly_swap(&p_, &o.p_, ring_->ctx());
}
Poly& Poly::operator=(Poly&& o) {
    if (this != &o && ring_ == o.ring_) fmpq_mpoly_swap(&p_, &o.p_, ring_->ctx());
    else if (this != &o) *this = static_cast<const Poly&>(o);  // different rings: the copy throws
    return *this;
}
Poly::~Poly() { fmpq_mpoly_clear(&p_, ring_->ctx()); }

void Poly::check_limits(const char* what) const {
    if (degree() > limits_->max_degree)
        throw KernelError(std::string("limit: ") + what + " has degree " + std::to_string(degree()) +
                          " > max-degree " + std::to_string(limits_->max_degree));
    if (length() > limits_->max_terms)
        throw KernelError(std::string("limit: ") + what + " has " + std::to_string(length()) +
                          " terms > max-terms " + std::to_string(limits_->max_terms));
    if (coeff_bits() > limits_->max_coeff_bits)
        throw KernelError(std::string("limit: ") + what + " has coefficients of " + std::to_string(coeff_bits()) +
                          " bits > max-coeff-bits " + std::to_string(limits_->max_coeff_bits));
}

// Work units: monomials touched times (exponent words + 1 + coefficient limbs), about FLINT's cost.
unsigned long Poly::work_per_term(const Poly& o) const {
    return names_count() / 8 + 1 + (coeff_bits() + o.coeff_bits()) / 64;
}

Poly Poly::operator+(const Poly& o) const {
    ring_->charge((length() + o.length()) * work_per_term(o), *limits_);
    Poly r(*ring_, *limits_);
    fmpq_mpoly_add(&r.p_, &p_, &o.p_, ring_->ctx());
    r.check_limits("sum");
    return r;
}
Poly Poly::operator-(const Poly& o) const {
    ring_->charge((length() + o.length()) * work_per_term(o), *limits_);
    Poly r(*ring_, *limits_);
    fmpq_mpoly_sub(&r.p_, &p_, &o.p_, ring_->ctx());
    r.check_limits("difference");
    return r;
}
Poly Poly::operator-() const {
    Poly r(*ring_, *limits_);
    fmpq_mpoly_neg(&r.p_, &p_, ring_->ctx());
    return r;  // same size as *this: no limit can newly fail
}
Poly Poly::operator*(const Poly& o) const {
    // Checked before multiplying so that a hostile product cannot exhaust memory.
    if (degree() + o.degree() > limits_->max_degree)
        throw KernelError("limit: product would have degree " + std::to_string(degree() + o.degree()) +
                          " > max-degree " + std::to_string(limits_->max_degree));
    if (length() > 0 && o.length() > limits_->max_terms / length())
        throw KernelError("limit: product of " + std::to_string(length()) + " and " +
                          std::to_string(o.length()) + " terms may exceed max-terms " +
                          std::to_string(limits_->max_terms));
    if (coeff_bits() + o.coeff_bits() > limits_->max_coeff_bits + 64)
        throw KernelError("limit: product would have coefficients of about " +
                          std::to_string(coeff_bits() + o.coeff_bits()) + " bits > max-coeff-bits " +
                          std::to_string(limits_->max_coeff_bits));
    ring_->charge(length() * o.length() * work_per_term(o), *limits_);
    Poly r(*ring_, *limits_);
    fmpq_mpoly_mul(&r.p_, &p_, &o.p_, ring_->ctx());
    r.check_limits("product");
    return r;
}
Poly Poly::power(unsigned long e) const {
    if (e > limits_->max_degree || (degree() > 0 && degree() * e > limits_->max_degree))
        throw KernelError("limit: power ^" + std::to_string(e) + " exceeds max-degree " +
                          std::to_string(limits_->max_degree));
    Poly result = constant(*ring_, *limits_, Rational(1));
    Poly base = *this;
    while (e > 0) {  // square-and-multiply through operator*, so every step is limit-checked
        if (e & 1) result = result * base;
        e >>= 1;
        if (e > 0) base = base * base;
    }
    return result;
}
bool Poly::is_zero() const { return fmpq_mpoly_is_zero(&p_, ring_->ctx()); }
bool Poly::is_constant() const { return fmpq_mpoly_is_fmpq(&p_, ring_->ctx()); }
Rational Poly::constant_value() const {
    fmpq_t q;
    fmpq_init(q);
    fmpq_mpoly_get_fmpq(q, &p_, ring_->ctx());
    Rational r = from_fmpq(q);
    fmpq_clear(q);
    return r;
}
unsigned long Poly::degree() const {
    slong d = fmpq_mpoly_total_degree_si(&p_, ring_->ctx());
    return d < 0 ? 0 : static_cast<unsigned long>(d);
}
unsigned long Poly::coeff_bits() const {
    slong z = fmpz_mpoly_max_bits(p_.zpoly);
    unsigned long bits = static_cast<unsigned long>(z < 0 ? -z : z);
    return bits + fmpz_bits(fmpq_numref(p_.content)) + fmpz_bits(fmpq_denref(p_.content));
}
unsigned long Poly::length() const { return static_cast<unsigned long>(fmpq_mpoly_length(&p_, ring_->ctx())); }

std::string Poly::to_string() const {  // FLINT's canonical text, e.g. "2*u*v - v"
    std::vector<const char*> names;
    for (const auto& n : ring_->names()) names.push_back(n.c_str());
    if (names.empty()) names.push_back("_");  // the unused dummy variable of an empty ring
    char* text = fmpq_mpoly_get_str_pretty(&p_, names.data(), ring_->ctx());
    std::string out(text);
    flint_free(text);
    return out;
}

Polynomial Poly::to_public() const {
    Polynomial out{ring_->names(), {}, to_string()};
    std::vector<ulong> exps(static_cast<std::size_t>(ring_->ctx()->zctx->minfo->nvars));
    fmpq_t q;
    fmpq_init(q);
    for (slong i = 0; i < fmpq_mpoly_length(&p_, ring_->ctx()); ++i) {
        fmpq_mpoly_get_term_coeff_fmpq(q, &p_, i, ring_->ctx());
        fmpq_mpoly_get_term_exp_ui(exps.data(), &p_, i, ring_->ctx());
        out.monomials.push_back({from_fmpq(q), std::vector<unsigned long>(exps.begin(), exps.begin() + out.variables.size())});
    }
    fmpq_clear(q);
    return out;
}

}  // namespace icl::kernel::detail
