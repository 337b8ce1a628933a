# Lean 4 / Mathlib export (issue 4): compile check (skipped without lake), drift gate, reproducibility.
find_program(ICL_SH sh REQUIRED)

# Compiles lean/ with `lake env lean`; exit 77 = skipped (lake not on PATH), never reported as passed.
add_test(NAME lean_export_compiles
         COMMAND ${ICL_SH} ${CMAKE_SOURCE_DIR}/tests/lean_driver.sh ${CMAKE_SOURCE_DIR}/lean
                 ${CMAKE_BINARY_DIR}/lean_check_result.txt)
set_tests_properties(lean_export_compiles PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 3600 LABELS lean)

# Drift gate on the committed files: corpus, Lean file and stamp must agree.
add_test(NAME lean_stamp_verify
         COMMAND $<TARGET_FILE:icl-kernel> stamp verify --lean-dir ${CMAKE_SOURCE_DIR}/lean)
set_tests_properties(lean_stamp_verify PROPERTIES LABELS lean)

add_test(NAME lean_export_reproducible
         COMMAND ${ICL_SH} ${CMAKE_SOURCE_DIR}/tests/lean_reproducible.sh $<TARGET_FILE:icl-kernel>
                 ${CMAKE_SOURCE_DIR}/lean ${CMAKE_BINARY_DIR}/lean-reproducible)
set_tests_properties(lean_export_reproducible PROPERTIES LABELS lean)
