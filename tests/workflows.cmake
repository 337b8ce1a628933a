# GitHub workflows (issue 17): YAML + structure + content check (actionlint too when installed).
find_program(ICL_PYTHON3 python3)
if(ICL_PYTHON3)
  add_test(NAME workflows_lint COMMAND ${ICL_PYTHON3} ${CMAKE_SOURCE_DIR}/tests/workflows_lint.py ${CMAKE_SOURCE_DIR})
else()
  add_test(NAME workflows_lint COMMAND sh -c "echo 'SKIPPED: no python3'; exit 77")
endif()
set_tests_properties(workflows_lint PROPERTIES SKIP_RETURN_CODE 77 LABELS lint)
# The lint can fail: a copy of the Lean workflow without `lake exe cache get` must be rejected.
if(ICL_PYTHON3)
  add_test(NAME workflows_lint_rejects_broken
           COMMAND sh -c "python3 -c 'import yaml' 2>/dev/null || { echo 'SKIPPED: python3-yaml'; exit 77; }; \
d=\"$1\"; rm -rf \"$d\"; mkdir -p \"$d/.github/workflows\" \"$d/tests\" \"$d/lean\"; cp \"$0/README.md\" \"$d/\"; \
cp \"$0/tests/lean.cmake\" \"$0/tests/lean_driver.sh\" \"$d/tests/\"; cp \"$0/.github/workflows/ci.yml\" \"$d/.github/workflows/\"; \
grep -v 'lake exe cache get' \"$0/.github/workflows/lean.yml\" > \"$d/.github/workflows/lean.yml\"; \
python3 \"$0/tests/workflows_lint.py\" \"$d\"; [ $? = 1 ]"
                   ${CMAKE_SOURCE_DIR} ${CMAKE_BINARY_DIR}/workflows-broken)
  set_tests_properties(workflows_lint_rejects_broken PROPERTIES SKIP_RETURN_CODE 77 LABELS lint
                       PASS_REGULAR_EXPRESSION "does not run `lake exe cache get`")
endif()
