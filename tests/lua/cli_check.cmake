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

execute_process(
  COMMAND "${CLI}" ${arg_list}
  WORKING_DIRECTORY "${WORKDIR}"
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

if(NOT failures STREQUAL "")
  message(FATAL_ERROR "quiver_cli ${ARGS}\n${failures}--- stdout ---\n${out}\n--- stderr ---\n${err}")
endif()
message(STATUS "quiver_cli ${ARGS}: exit ${code} as expected")
