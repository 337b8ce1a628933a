# Installable (issue 17): the CPack .deb, extracted with dpkg -x, runs `icl-kernel check` (81 OK) and
# carries the man page and the bash completion. Skipped without dpkg-deb/dpkg-shlibdeps.
add_test(NAME package_deb_installs
         COMMAND sh ${CMAKE_SOURCE_DIR}/tests/package.sh ${CMAKE_BINARY_DIR} ${CMAKE_BINARY_DIR}/package-test)
set_tests_properties(package_deb_installs PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 900 LABELS package)
