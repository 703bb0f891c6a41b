# Runs quiver_cli once and checks its exit code and output (CTest driver, `cmake -P`).
#
#   -DCLI=<quiver_cli>         executable
#   -DARGS=a|b|c               arguments, '|'-separated
#   -DWORKDIR=<dir>            emptied, created and used as the working directory
#   -DEXPECT_CODE=<n>          exact exit code
#   -DEXPECT_STDOUT=<regex>    optional; matched against stdout with newlines shown as <NL>
#   -DEXPECT_STDERR=<regex>    optional; same for stderr
#   -DEXPECT_ABSENT=<path>     optional; must not exist (relative to WORKDIR) afterwards
#   -DTOUCH=<path>             optional; an empty file created in WORKDIR first (an empty database)
#   -DSTDIN=<file>             optional; fed to the CLI's standard input
#   -DSETUP_ARGS=a|b           optional; a run before the checked one (must exit 0)
#   -DAFTER_ARGS=a|b           optional; a run after it, whose stdout must match
#   -DAFTER_STDOUT=<regex>     (used with AFTER_ARGS)
cmake_minimum_required(VERSION 3.21)

file(REMOVE_RECURSE "${WORKDIR}")
file(MAKE_DIRECTORY "${WORKDIR}")
if(DEFINED TOUCH AND NOT "${TOUCH}" STREQUAL "")
  file(TOUCH "${WORKDIR}/${TOUCH}")
endif()

set(arg_list "")
if(NOT "${ARGS}" STREQUAL "")
  string(REPLACE "|" ";" arg_list "${ARGS}")
endif()

if(NOT "${SETUP_ARGS}" STREQUAL "")
  string(REPLACE "|" ";" setup_list "${SETUP_ARGS}")
  execute_process(COMMAND "${CLI}" ${setup_list} WORKING_DIRECTORY "${WORKDIR}"
                  RESULT_VARIABLE setup_code OUTPUT_VARIABLE setup_out ERROR_VARIABLE setup_err)
  if(NOT setup_code EQUAL 0)
    message(FATAL_ERROR "setup run failed (${setup_code}): ${setup_out}${setup_err}")
  endif()
endif()

set(input_args "")
if(NOT "${STDIN}" STREQUAL "")
  set(input_args INPUT_FILE "${STDIN}")
endif()
execute_process(
  COMMAND "${CLI}" ${arg_list}
  WORKING_DIRECTORY "${WORKDIR}"
  ${input_args}
  RESULT_VARIABLE code
  OUTPUT_VARIABLE out
  ERROR_VARIABLE err)

string(REPLACE "\r" "<CR>" out_shown "${out}")
string(REPLACE "\n" "<NL>" out_shown "${out_shown}")
string(REPLACE "\r" "<CR>" err_shown "${err}")
string(REPLACE "\n" "<NL>" err_shown "${err_shown}")

set(failures "")
if(NOT "${code}" STREQUAL "${EXPECT_CODE}")
  string(APPEND failures "exit code: expected ${EXPECT_CODE}, got ${code}\n")
endif()
if(DEFINED EXPECT_STDOUT AND NOT "${EXPECT_STDOUT}" STREQUAL "")
  if(NOT out_shown MATCHES "${EXPECT_STDOUT}")
    string(APPEND failures "stdout does not match: ${EXPECT_STDOUT}\n")
  endif()
endif()
if(DEFINED EXPECT_STDERR AND NOT "${EXPECT_STDERR}" STREQUAL "")
  if(NOT err_shown MATCHES "${EXPECT_STDERR}")
    string(APPEND failures "stderr does not match: ${EXPECT_STDERR}\n")
  endif()
endif()
if(DEFINED EXPECT_ABSENT AND NOT "${EXPECT_ABSENT}" STREQUAL "")
  string(REPLACE "|" ";" absent_list "${EXPECT_ABSENT}")
  foreach(absent IN LISTS absent_list)
    if(EXISTS "${WORKDIR}/${absent}")
      string(APPEND failures "${absent} must not exist\n")
    endif()
  endforeach()
endif()

if(NOT "${AFTER_ARGS}" STREQUAL "")
  string(REPLACE "|" ";" after_list "${AFTER_ARGS}")
  execute_process(COMMAND "${CLI}" ${after_list} WORKING_DIRECTORY "${WORKDIR}"
                  RESULT_VARIABLE after_code OUTPUT_VARIABLE after_out ERROR_VARIABLE after_err)
  string(REPLACE "\n" "<NL>" after_shown "${after_out}")
  if(NOT after_code EQUAL 0 OR NOT after_shown MATCHES "${AFTER_STDOUT}")
    string(APPEND failures "after run (${after_code}) does not match ${AFTER_STDOUT}: ${after_out}${after_err}\n")
  endif()
endif()

if(NOT failures STREQUAL "")
  message(FATAL_ERROR "quiver_cli ${ARGS}\n${failures}--- stdout ---\n${out}\n--- stderr ---\n${err}")
endif()
message(STATUS "quiver_cli ${ARGS}: exit ${code} as expected")
