# HTML report (issue 17): rendering in headless Chromium (skipped without chromium or dot) and the
# staleness gate on the published page docs/report/index.html (skipped without dot).
find_program(ICL_SH_REPORT sh REQUIRED)
add_test(NAME report_renders_in_chromium
         COMMAND ${ICL_SH_REPORT} ${CMAKE_SOURCE_DIR}/tests/report_browser.sh $<TARGET_FILE:icl-kernel>
                 ${CMAKE_BINARY_DIR}/report-browser)
set_tests_properties(report_renders_in_chromium PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 600 LABELS report)

add_test(NAME report_published_is_current
         COMMAND ${ICL_SH_REPORT} -c "command -v dot >/dev/null || { echo 'SKIPPED: no Graphviz dot'; exit 77; }; \
rm -rf \"$1\" && \"$0\" report --out \"$1\" >/dev/null && cmp \"$1/index.html\" \"$2\" || \
{ echo 'docs/report/index.html is stale: regenerate with icl-kernel report --out docs/report'; exit 1; }"
                 $<TARGET_FILE:icl-kernel> ${CMAKE_BINARY_DIR}/report-current ${CMAKE_SOURCE_DIR}/docs/report/index.html)
set_tests_properties(report_published_is_current PROPERTIES SKIP_RETURN_CODE 77 LABELS report)

# Without Graphviz the report is not written and the exit code is 3 (missing external tool).
add_test(NAME report_without_dot_exits_3
         COMMAND ${ICL_SH_REPORT} -c "rm -rf \"$1\"; \"$0\" report --dot /nonexistent/dot --out \"$1\" 2>\"$1.err\"; rc=$?; \
cat \"$1.err\"; [ $rc = 3 ] && grep -q 'graphviz' \"$1.err\" && [ ! -e \"$1/index.html\" ]"
                 $<TARGET_FILE:icl-kernel> ${CMAKE_BINARY_DIR}/report-nodot)
set_tests_properties(report_without_dot_exits_3 PROPERTIES LABELS report)
