# Layering the build enforces (issue 11, item 7): tests/layering.sh checks each folder's includes against
# docs/architecture.md and that the per-folder include roots (CMakeLists.txt, icl_layer) fence off the rest.
add_test(NAME layering
         COMMAND bash ${CMAKE_SOURCE_DIR}/tests/layering.sh ${CMAKE_SOURCE_DIR} ${CMAKE_BINARY_DIR} ${CMAKE_CXX_COMPILER})
set_tests_properties(layering PROPERTIES TIMEOUT 120)
