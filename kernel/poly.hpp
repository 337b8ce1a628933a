// Internal to the kernel: RAII wrapper over FLINT fmpq_mpoly with resource limits on every operation.
// Exact arithmetic over ℚ (GMP underneath), no floating point.
#pragma once

#include "kernel/kernel.hpp"

#include <flint/fmpq.h>
#include <flint/fmpq_mpoly.h>

#include <algorithm>
#include <map>
#include <numeric>
#include <string>
#include <vector>

namespace icl::kernel::detail {

struct Fmpq {  // contract: an fmpq_t equal to r, cleared on scope exit
    fmpq_t q;
    explicit Fmpq(const Rational& r = 0) { fmpq_init(q); fmpq_set_mpq(q, r.backend().data()); }
    Fmpq(const Fmpq&) = delete;
    ~Fmpq() { fmpq_clear(q); }
};
inline Rational from_fmpq(const fmpq_t q) {  // contract: a Rational equal to q
    Rational r;
    fmpq_get_mpq(r.backend().data(), q);
    return r;
}

// A polynomial ring ℚ[v1..vn]; variable names are fixed at construction.
class Ring {
public:
    // contract: names distinct; index i ↔ names[i]; polynomial work is charged to *work (if given)
    explicit Ring(std::vector<std::string> names, unsigned long* work = nullptr)
        // FLINT needs at least one variable; an unused dummy does not change any normal form.
        : work_(work), names_(std::move(names)), exponents_(std::max<std::size_t>(names_.size(), 1)), ctx_(context(exponents_.size())) {
        for (std::size_t i = 0; i < names_.size(); ++i) index_[names_[i]] = static_cast<long>(i);
    }
    Ring(const Ring&) = delete; Ring& operator=(const Ring&) = delete;
    const std::vector<std::string>& names() const { return names_; }
    long index_of(const std::string& name) const {  // contract: -1 iff name is not a variable
        auto it = index_.find(name);
        return it == index_.end() ? -1 : it->second;
    }
    fmpq_mpoly_ctx_struct* ctx() const { return ctx_; }
    std::vector<ulong>& exponents() const { return exponents_; }  // scratch for Poly::measure: no allocation per call
    void charge(unsigned long units, const Limits& limits) const {  // contract: KernelError past max-work
        if (work_ && (*work_ += units) > limits.max_work)
            throw KernelError("limit: polynomial work exceeds max-work " + std::to_string(limits.max_work));
    }
private:
    // FLINT's context depends only on the variable count (read-only once made): one per count for the process
    static fmpq_mpoly_ctx_struct* context(std::size_t n) {
        static auto* made = new std::map<std::size_t, fmpq_mpoly_ctx_struct>;  // never freed: reachable, not a leak
        auto [it, fresh] = made->try_emplace(n);  // the kernel runs on one thread
        if (fresh) fmpq_mpoly_ctx_init(&it->second, static_cast<slong>(n), ORD_DEGREVLEX);
        return &it->second;
    }
    unsigned long* work_;
    std::vector<std::string> names_;
    std::map<std::string, long> index_;
    mutable std::vector<ulong> exponents_;  // one per variable of the FLINT context
    fmpq_mpoly_ctx_struct* ctx_;
};

// An element of a Ring; value semantics. Every operation checks Limits and throws KernelError.
class Poly {
public:
    Poly(const Ring& ring, const Limits& limits) : ring_(&ring), limits_(&limits) {  // contract: the zero polynomial
        fmpq_mpoly_init(&p_, ring_->ctx());
        measure(0);
    }
    static Poly constant(const Ring& ring, const Limits& limits, const Rational& c) {  // contract: exactly c
        Poly r(ring, limits);
        fmpq_mpoly_set_fmpq(&r.p_, Fmpq(c).q, ring.ctx());
        r.measure(0);
        return r;
    }
    static Poly variable(const Ring& ring, const Limits& limits, long index) {  // contract: exactly v_index
        Poly r(ring, limits);
        fmpq_mpoly_gen(&r.p_, index, ring.ctx());
        r.measure(1);
        return r;
    }
    Poly(const Poly& o) : ring_(o.ring_), limits_(o.limits_), degree_(o.degree_), bits_(o.bits_) {
        fmpq_mpoly_init(&p_, ring_->ctx());
        fmpq_mpoly_set(&p_, &o.p_, ring_->ctx());
    }
    Poly(Poly&& o) noexcept : Poly(*o.ring_, *o.limits_) { swap(o); }  // contract: takes o's value; o becomes 0
    Poly& operator=(Poly&& o) {  // contract: swaps values (same ring), else KernelError
        if (ring_ != o.ring_) throw KernelError("internal: polynomials of different rings");
        swap(o);
        return *this;
    }
    ~Poly() { fmpq_mpoly_clear(&p_, ring_->ctx()); }
    Poly operator+(const Poly& o) const { return combine(o, fmpq_mpoly_add, "sum"); }         // contract: exact sum
    Poly operator-(const Poly& o) const { return combine(o, fmpq_mpoly_sub, "difference"); }  // contract: exact difference
    Poly operator-() const {  // contract: exact negation
        Poly r(*ring_, *limits_);
        fmpq_mpoly_neg(&r.p_, &p_, ring_->ctx());
        r.measure(static_cast<long>(degree_));
        return r;  // same size as *this: no limit can newly fail
    }
    Poly operator*(const Poly& o) const {  // contract: exact product, or KernelError past the limits
        // Checked before multiplying so that a hostile product cannot exhaust memory.
        const unsigned long deg = degree() + o.degree(), len = length(), bits = coeff_bits() + o.coeff_bits();
        require(deg <= limits_->max_degree, [&] { return "product would have degree " + str(deg) + " > max-degree " + str(limits_->max_degree); });
        require(len == 0 || o.length() <= limits_->max_terms / len, [&] { return "product of " + str(len) + " and " +
                str(o.length()) + " terms may exceed max-terms " + str(limits_->max_terms); });
        require(bits <= limits_->max_coeff_bits + 64, [&] { return "product would have coefficients of about " +
                str(bits) + " bits > max-coeff-bits " + str(limits_->max_coeff_bits); });
        ring_->charge(length() * o.length() * work_per_term(o), *limits_);
        Poly r(*ring_, *limits_);
        fmpq_mpoly_mul(&r.p_, &p_, &o.p_, ring_->ctx());
        r.check_limits("product", len == 0 || o.length() == 0 ? 0 : static_cast<long>(deg));  // ℚ[x] has no zero divisors: deg(p·q) = deg p + deg q
        return r;
    }
    Poly power(unsigned long e) const {  // contract: exact e-th power, or KernelError past the limits
        require(e <= limits_->max_degree && (degree() == 0 || degree() * e <= limits_->max_degree),
                [&] { return "power ^" + str(e) + " exceeds max-degree " + str(limits_->max_degree); });
        if (e == 0) return constant(*ring_, *limits_, Rational(1));
        Poly base = *this;
        for (; !(e & 1); e >>= 1) base = base * base;  // up to the lowest set bit of e: no product with 1
        Poly result = base;
        while (e >>= 1) {  // square-and-multiply through operator*, so every step is limit-checked
            base = base * base;
            if (e & 1) result = result * base;
        }
        return result;
    }
    bool is_zero() const { return fmpq_mpoly_is_zero(&p_, ring_->ctx()); }        // contract: every coefficient is 0
    bool is_constant() const { return fmpq_mpoly_is_fmpq(&p_, ring_->ctx()); }    // contract: no monomial has a variable
    Rational constant_value() const {  // contract: the value when is_constant()
        Fmpq q;
        fmpq_mpoly_get_fmpq(q.q, &p_, ring_->ctx());
        return from_fmpq(q.q);
    }
    unsigned long degree() const { return degree_; }    // contract: total degree (0 for zero)
    unsigned long coeff_bits() const { return bits_; }  // contract: ≥ the bit size of every numerator and denominator
    unsigned long length() const { return static_cast<unsigned long>(fmpq_mpoly_length(&p_, ring_->ctx())); }  // monomials
    std::string to_string() const {  // contract: FLINT's canonical text, e.g. "2*u*v - v"
        std::vector<const char*> names;
        for (const auto& n : ring_->names()) names.push_back(n.c_str());
        if (names.empty()) names.push_back("_");  // the unused dummy variable of an empty ring
        const std::unique_ptr<char, void (*)(void*)> text(fmpq_mpoly_get_str_pretty(&p_, names.data(), ring_->ctx()), flint_free);
        return text.get();
    }
    const fmpq_mpoly_struct* raw() const { return &p_; }  // for untrusted readers of the monomials
private:
    static std::string str(unsigned long v) { return std::to_string(v); }
    template <class Why> static void require(bool ok, const Why& why) {  // contract: KernelError "limit: " + why() unless ok
        if (!ok) throw KernelError("limit: " + why());  // the message is built only on failure
    }
    void measure(long known = -1) {  // contract: degree_, bits_ as degree(), coeff_bits() say for p_ (its degree: known if ≥ 0)
        const bool fits = known < 0 && !is_zero() && fmpq_mpoly_term_exp_fits_ui(&p_, 0, ring_->ctx());  // degrevlex: the first monomial's
        std::vector<ulong>& e = ring_->exponents();  // not fitting a word: past any limit (max-degree + 1, no wrap in a sum)
        if (fits) fmpq_mpoly_get_term_exp_ui(e.data(), &p_, 0, ring_->ctx());  // summing them cannot overflow: degree-checked first
        degree_ = known >= 0 ? static_cast<unsigned long>(known) : is_zero() ? 0 : fits ? std::accumulate(e.begin(), e.end(), 0ul) : limits_->max_degree + 1;
        const slong z = fmpz_mpoly_max_bits(p_.zpoly);
        bits_ = static_cast<unsigned long>(z < 0 ? -z : z) + fmpz_bits(fmpq_numref(p_.content)) + fmpz_bits(fmpq_denref(p_.content));
    }
    void swap(Poly& o) { fmpq_mpoly_swap(&p_, &o.p_, ring_->ctx()); std::swap(degree_, o.degree_); std::swap(bits_, o.bits_); }
    void check_limits(const char* what, long known_degree = -1) {  // contract: KernelError past a limit
        measure(known_degree);
        const unsigned long deg = degree(), len = length(), bits = coeff_bits();
        require(deg <= limits_->max_degree, [&] { return what + (" has degree " + str(deg)) + " > max-degree " + str(limits_->max_degree); });
        require(len <= limits_->max_terms, [&] { return what + (" has " + str(len)) + " terms > max-terms " + str(limits_->max_terms); });
        require(bits <= limits_->max_coeff_bits, [&] { return what + (" has coefficients of " + str(bits)) + " bits > max-coeff-bits " + str(limits_->max_coeff_bits); });
    }
    // contract: op(this, o), exact, charged and limit-checked
    Poly combine(const Poly& o, void (*op)(fmpq_mpoly_t, const fmpq_mpoly_t, const fmpq_mpoly_t, const fmpq_mpoly_ctx_t),
                 const char* what) const {
        ring_->charge((length() + o.length()) * work_per_term(o), *limits_);
        Poly r(*ring_, *limits_);
        op(&r.p_, &p_, &o.p_, ring_->ctx());
        r.check_limits(what);
        return r;
    }
    // Work units: monomials touched times (exponent words + 1 + coefficient limbs), about FLINT's cost.
    unsigned long work_per_term(const Poly& o) const {
        return ring_->names().size() / 8 + 1 + (coeff_bits() + o.coeff_bits()) / 64;
    }
    const Ring* ring_;
    const Limits* limits_;
    unsigned long degree_ = 0, bits_ = 0;  // of p_: measure() wherever p_ is made; they feed the limits, never a verdict
    fmpq_mpoly_struct p_;
};

}  // namespace icl::kernel::detail
