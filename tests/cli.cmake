# End-to-end driver tests (exit codes, closing line, --only/--json, installed and moved binary).
add_test(NAME cli_end_to_end
         COMMAND bash ${CMAKE_SOURCE_DIR}/tests/cli_tests.sh $<TARGET_FILE:icl-kernel> ${CMAKE_SOURCE_DIR} ${CMAKE_BINARY_DIR})
set_tests_properties(cli_end_to_end PROPERTIES TIMEOUT 120)
