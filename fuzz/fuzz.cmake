# libFuzzer targets (issue 6). Active with -DICL_FUZZ=ON and clang:
#   CC=clang CXX=clang++ cmake -S . -B build-fuzz -DICL_FUZZ=ON && cmake --build build-fuzz
#   fuzz/run.sh parser 600        (targets: parser, loader, checker, instantiate; see docs/soundness.md)
# Included by tests/fuzz.cmake after the main targets exist: the libraries are instrumented here with
# -fsanitize=fuzzer-no-link plus ASan/UBSan, and every executable of the tree is linked with ASan/UBSan.
# Layering (issue 11 item 7), checked in every tree at configure time: fuzz/ never includes a tests/ header
# (tests/ may include fuzz/ headers, e.g. fuzz/independent_judge.hpp).
file(GLOB _icl_fuzz_sources CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/fuzz/*.cpp ${CMAKE_SOURCE_DIR}/fuzz/*.hpp)
foreach(f ${_icl_fuzz_sources})
  file(STRINGS ${f} _icl_bad REGEX "^[ \t]*#[ \t]*include[ \t]*[\"<]tests/")
  if(_icl_bad)
    message(FATAL_ERROR "${f} includes a header from tests/ (fuzz/ must not depend on tests/): ${_icl_bad}")
  endif()
endforeach()
if(NOT ICL_FUZZ)
  return()
endif()
if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
  message(FATAL_ERROR "ICL_FUZZ=ON needs clang: CC=clang CXX=clang++ cmake -S . -B build-fuzz -DICL_FUZZ=ON")
endif()

set(ICL_FUZZ_SANITIZERS -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer -gline-tables-only)
foreach(lib ${ICL_LIBRARIES})
  target_compile_options(${lib} PRIVATE -fsanitize=fuzzer-no-link ${ICL_FUZZ_SANITIZERS})
  target_link_options(${lib} INTERFACE -fsanitize=address,undefined)
endforeach()

set(ICL_FUZZ_TARGETS parser loader checker instantiate)
foreach(name ${ICL_FUZZ_TARGETS})
  add_executable(fuzz_${name} ${CMAKE_SOURCE_DIR}/fuzz/fuzz_${name}.cpp)
  target_link_libraries(fuzz_${name} PRIVATE icl_tools)
  target_compile_options(fuzz_${name} PRIVATE -fsanitize=fuzzer ${ICL_FUZZ_SANITIZERS})
  target_link_options(fuzz_${name} PRIVATE -fsanitize=fuzzer,address,undefined)
  set_target_properties(fuzz_${name} PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/fuzz)
endforeach()

# Smoke run in ctest: replay of the committed seeds, then ICL_FUZZ_SMOKE_SECONDS per target (default 20).
set(ICL_FUZZ_SMOKE_SECONDS 20 CACHE STRING "seconds of new fuzzing per libFuzzer target in the ctest smoke run")
foreach(name ${ICL_FUZZ_TARGETS})
  add_test(NAME robustness.fuzz_replay.${name}
           COMMAND ${CMAKE_SOURCE_DIR}/fuzz/run.sh --replay ${name} ${CMAKE_BINARY_DIR})
  set_tests_properties(robustness.fuzz_replay.${name} PROPERTIES LABELS "robustness;fuzz" TIMEOUT 900)
  add_test(NAME robustness.fuzz_smoke.${name}
           COMMAND ${CMAKE_SOURCE_DIR}/fuzz/run.sh ${name} ${ICL_FUZZ_SMOKE_SECONDS} ${CMAKE_BINARY_DIR})
  set_tests_properties(robustness.fuzz_smoke.${name} PROPERTIES LABELS "robustness;fuzz" TIMEOUT 900)
endforeach()
