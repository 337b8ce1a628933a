# docs/derivation.svg is what `icl-kernel graph --format svg` draws from the corpus (Graphviz `dot`);
# skipped (77) when Graphviz is not installed. docs/derivation.dot is compared by a Catch2 test.
add_test(NAME derivation_graph_svg_is_current
         COMMAND bash -c "command -v dot >/dev/null || { echo 'SKIPPED: Graphviz dot not installed'; exit 77; }; \
$<TARGET_FILE:icl-kernel> graph --format svg --out ${CMAKE_BINARY_DIR}/derivation.svg && \
cmp ${CMAKE_BINARY_DIR}/derivation.svg ${CMAKE_SOURCE_DIR}/docs/derivation.svg && echo 'docs/derivation.svg is current' || \
{ echo 'docs/derivation.svg is stale: regenerate with icl-kernel graph --format svg --out docs/derivation.svg'; exit 1; }")
set_tests_properties(derivation_graph_svg_is_current PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 60)
