# libFuzzer targets (configure with CC=clang -DRS_FUZZ=ON; `make fuzz` runs them).
# The core library is instrumented for coverage and built with ASan/UBSan;
# every target links libFuzzer's main. Everything else linking the core
# (the CLI, unit tests) gets the sanitizer runtimes through the interface.
if(NOT CMAKE_C_COMPILER_ID MATCHES "Clang")
  message(FATAL_ERROR "RS_FUZZ needs clang: configure with CC=clang")
endif()
set(RS_FUZZ_SAN -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
target_compile_options(rasoat_core PRIVATE -fsanitize=fuzzer-no-link ${RS_FUZZ_SAN})
target_link_options(rasoat_core INTERFACE -fsanitize=address,undefined)

set(RS_FUZZ_TARGETS txt docx odt html csv xlsx)
# the fact extractors: once core/src/facts_*.c exist
file(GLOB RS_FACTS_SOURCES ${CMAKE_SOURCE_DIR}/core/src/facts_*.c)
if(RS_FACTS_SOURCES)
  list(APPEND RS_FUZZ_TARGETS facts)
endif()
foreach(t ${RS_FUZZ_TARGETS})
  add_executable(fuzz_${t} ${CMAKE_SOURCE_DIR}/tests/fuzz/fuzz_${t}.c)
  target_compile_options(fuzz_${t} PRIVATE -fsanitize=fuzzer ${RS_FUZZ_SAN})
  target_link_options(fuzz_${t} PRIVATE -fsanitize=fuzzer,address,undefined)
  target_link_libraries(fuzz_${t} PRIVATE rasoat_core)
endforeach()
# crashes found once, kept as regression inputs: every file under
# tests/fuzz/crashes/<target>/ must run clean (the target given the file
# runs it once, without fuzzing)
foreach(t ${RS_FUZZ_TARGETS})
  if(EXISTS ${CMAKE_SOURCE_DIR}/tests/fuzz/crashes/${t})
    add_test(NAME fuzz/${t}-regressions
             COMMAND fuzz_${t} -runs=0 ${CMAKE_SOURCE_DIR}/tests/fuzz/crashes/${t})
  endif()
endforeach()
