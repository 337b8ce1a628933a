// Internal to the kernel: RAII wrapper over FLINT fmpq_mpoly with resource limits on every operation.
#pragma once

#include "kernel/kernel.hpp"

#include <flint/fmpq.h>
#include <flint/fmpq_mpoly.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace icl::kernel::detail {

// A polynomial ring ℚ[v1..vn]; variable names are fixed at construction.
class Ring {
public:
    // contract: names distinct; index i ↔ names[i]; polynomial work is charged to *work (if given)
    explicit Ring(std::vector<std::string> names, unsigned long* work = nullptr);
    ~Ring();
    Ring(const Ring&) = delete;
    Ring& operator=(const Ring&) = delete;
    const std::vector<std::string>& names() const { return names_; }
    long index_of(const std::string& name) const;  // contract: -1 iff name is not a variable
    fmpq_mpoly_ctx_struct* ctx() const { return ctx_; }
    void charge(unsigned long units, const Limits& limits) const;  // contract: KernelError past max-work
private:
    unsigned long* work_;
    std::vector<std::string> names_;
    std::map<std::string, long> index_;
    fmpq_mpoly_ctx_struct* ctx_;
};

// An element of a Ring; value semantics. Every operation checks Limits and throws KernelError.
class Poly {
public:
    Poly(const Ring& ring, const Limits& limits);                        // contract: the zero polynomial
    static Poly constant(const Ring&, const Limits&, const Rational& c);  // contract: exactly c
    static Poly variable(const Ring&, const Limits&, long index);       // contract: exactly v_index
    Poly(const Poly& other);
    Poly& operator=(const Poly& other);
    Poly(Poly&& other) noexcept;              // contract: takes other's value; other becomes 0
    Poly& operator=(Poly&& other);            // contract: swaps values (same ring), else KernelError
    ~Poly();
    Poly operator+(const Poly& o) const;  // contract: exact sum
    Poly operator-(const Poly& o) const;  // contract: exact difference
    Poly operator-() const;               // contract: exact negation
    Poly operator*(const Poly& o) const;  // contract: exact product, or KernelError past the limits
    Poly power(unsigned long e) const;    // contract: exact e-th power, or KernelError past the limits
    bool is_zero() const;                 // contract: true iff every coefficient is 0
    bool is_constant() const;             // contract: true iff no monomial has a variable
    Rational constant_value() const;      // contract: the value when is_constant()
    unsigned long degree() const;         // contract: total degree (0 for constants and zero)
    unsigned long length() const;         // contract: number of monomials
    unsigned long coeff_bits() const;     // contract: ≥ the bit size of every numerator and denominator
    std::string to_string() const;        // contract: the canonical text (FLINT's), e.g. "2*u*v - v"
    Polynomial to_public() const;         // contract: same polynomial in the public canonical form
private:
    void check_limits(const char* what) const;
    unsigned long work_per_term(const Poly& o) const;  // contract: work units per monomial of o op this
    unsigned long names_count() const { return ring_->names().size(); }
    const Ring* ring_;
    const Limits* limits_;
    fmpq_mpoly_struct p_;
};

}  // namespace icl::kernel::detail
