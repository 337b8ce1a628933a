#include <catch2/catch.hpp>

#include "prover/poly.hpp"

TEST_CASE("prover polynomial arithmetic", "[prover]") {
    using namespace icl::prover;
    Poly x = Poly::atom(0), y = Poly::atom(1);
    Poly s = (x + y) * (x - y);
    REQUIRE(s == x * x - y * y);
}
