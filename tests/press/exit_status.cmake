# cmake -DEXPECT=<status> [-DMATCH=<regex>] -DCOMMAND=<a;list> -P exit_status.cmake
# Runs COMMAND and fails unless it exits with EXPECT and, when MATCH is
# given, its standard output matches it. (CTest's WILL_FAIL would accept
# any failure, a crash included, and PASS_REGULAR_EXPRESSION ignores the
# exit status.)
execute_process(COMMAND ${COMMAND} RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT "${status}" STREQUAL "${EXPECT}")
  message(FATAL_ERROR "exit status ${status}, expected ${EXPECT}\n${out}\n${err}")
endif()
if(DEFINED MATCH AND NOT out MATCHES "${MATCH}")
  message(FATAL_ERROR "the output does not match '${MATCH}':\n${out}")
endif()
