# Runs `leverkit match` on the fixtures in tests/data/match and checks its output and errors.
# Invoked as: cmake -DCLI=<path to leverkit> -DDATA=<tests/data/match> -P cli_test.cmake
function(expect_contains haystack needle what)
  string(FIND "${haystack}" "${needle}" pos)
  if(pos EQUAL -1)
    message(FATAL_ERROR "${what}: expected to find\n  ${needle}\nin\n${haystack}")
  endif()
endfunction()

execute_process(COMMAND ${CLI} match --lever ${DATA}/lever --calls ${DATA}/cli/calls.jsonl
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "leverkit match failed (${rc}): ${err}")
endif()
string(REPLACE ";" "," flat "${out}")   # CMake lists split on ';'
string(REGEX MATCHALL "[^\n]+" lines "${flat}")
list(LENGTH lines n)
if(NOT n EQUAL 4)
  message(FATAL_ERROR "expected 4 result lines (2 bad lines skipped), got ${n}:\n${out}")
endif()
list(GET lines 0 l1)
expect_contains("${l1}" "\"call_id\":\"c1\"" "line 1")
expect_contains("${l1}" "\"status\":\"matched\"" "c1 status")
expect_contains("${l1}" "\"interview_id\":\"i1a\"" "c1 interview")
expect_contains("${l1}" "\"opportunity_id\":\"o1\"" "c1 opportunity")
expect_contains("${l1}" "\"job_title\":\"Senior Backend Engineer\"" "c1 enrichment")
expect_contains("${l1}" "\"profile_url\":\"https://hire.lever.co/candidates/o1\"" "c1 profile url")
list(GET lines 1 l2)
expect_contains("${l2}" "\"code\":\"wrong_meeting_type\"" "c2 reason")
list(GET lines 2 l3)
expect_contains("${l3}" "\"code\":\"candidate_not_in_ats\"" "c5 reason")
list(GET lines 3 l4)
expect_contains("${l4}" "\"code\":\"duplicate_call\"" "c6 duplicate of c1")
expect_contains("${err}" "calls.jsonl:3:" "bad JSON reported with its line number")
expect_contains("${err}" "calls.jsonl:4: skipped: start:" "bad start reported with its line number and field")

execute_process(COMMAND ${CLI} match --lever ${DATA}/no-such-dir --calls ${DATA}/cli/calls.jsonl
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(rc EQUAL 0)
  message(FATAL_ERROR "a missing --lever directory must fail")
endif()
expect_contains("${err}" "no-such-dir" "missing directory named")

execute_process(COMMAND ${CLI} match --lever ${DATA}/lever --calls ${DATA}/cli/missing.jsonl
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(rc EQUAL 0)
  message(FATAL_ERROR "a missing --calls file must fail")
endif()
expect_contains("${err}" "missing.jsonl" "missing calls file named")

execute_process(COMMAND ${CLI} match --lever ${DATA}/cli --calls ${DATA}/cli/calls.jsonl
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(rc EQUAL 0)
  message(FATAL_ERROR "a Lever directory without opportunities.json must fail")
endif()
expect_contains("${err}" "opportunities.json is missing" "missing required Lever file named")

# Issue 12: a saved Lever error body must not read as an empty file (every call
# candidate_not_in_ats, exit 0); a directory given as --calls must say so.
execute_process(COMMAND ${CLI} match --lever ${DATA}/cli/error-body --calls ${DATA}/cli/calls.jsonl
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(rc EQUAL 0)
  message(FATAL_ERROR "a saved Lever error body as opportunities.json must fail:\n${out}")
endif()
expect_contains("${err}" "opportunities.json" "error body: file named")
expect_contains("${err}" "Unauthorized" "error body: Lever's code shown")
string(FIND "${out}" "candidate_not_in_ats" pos)
if(NOT pos EQUAL -1)
  message(FATAL_ERROR "no call may be reported when the Lever files are unusable:\n${out}")
endif()

execute_process(COMMAND ${CLI} match --lever ${DATA}/lever --calls ${DATA}/cli
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(rc EQUAL 0)
  message(FATAL_ERROR "a directory as --calls must fail")
endif()
expect_contains("${err}" "is a directory" "directory as --calls")
