# End-to-end driver tests (exit codes, closing line, --only/--json, installed and moved binary).
add_test(NAME cli_end_to_end
         COMMAND bash ${CMAKE_SOURCE_DIR}/tests/cli_tests.sh $<TARGET_FILE:icl-kernel> ${CMAKE_SOURCE_DIR} ${CMAKE_BINARY_DIR})
set_tests_properties(cli_end_to_end PROPERTIES TIMEOUT 120)

# Resource suite (issue 13): hostile inputs under ulimit -v 2 GiB and a time bound: exit 1/2 with a message.
add_test(NAME robustness.resources
         COMMAND bash ${CMAKE_SOURCE_DIR}/tests/resource_suite.sh $<TARGET_FILE:icl-kernel> ${CMAKE_SOURCE_DIR})
set_tests_properties(robustness.resources PROPERTIES LABELS "robustness" TIMEOUT 900
                     PASS_REGULAR_EXPRESSION " 0 failed")
