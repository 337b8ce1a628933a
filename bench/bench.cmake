# Benchmark programs (bench/*.cpp). Not part of `all` and not registered with ctest: built on demand by
# bench/run.sh (`cmake --build BUILD --target icl-bench`).
add_executable(icl-bench EXCLUDE_FROM_ALL ${CMAKE_SOURCE_DIR}/bench/icl_bench.cpp)
target_link_libraries(icl-bench PRIVATE icl_tools)
target_compile_options(icl-bench PRIVATE -Wall -Wextra)
