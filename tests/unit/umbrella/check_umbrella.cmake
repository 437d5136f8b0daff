# Fails when a public header under include/leverkit/ is not reachable from its umbrella:
#   leverkit/testing/*  -> leverkit/testing.hpp
#   everything else     -> leverkit/leverkit.hpp
# "Reachable" follows #include "leverkit/..." and <leverkit/...> lines transitively inside include/.
# Opt-in headers (each with its reason) are listed in OPT_IN below and in leverkit.hpp's comment.
# Invoked as: cmake -DINCLUDE_DIR=<repo>/include -P check_umbrella.cmake
cmake_minimum_required(VERSION 3.20)
if(NOT INCLUDE_DIR OR NOT EXISTS "${INCLUDE_DIR}/leverkit/leverkit.hpp")
  message(FATAL_ERROR "INCLUDE_DIR must point at the repository's include/ (got '${INCLUDE_DIR}')")
endif()

set(OPT_IN
  leverkit/leverkit.hpp                   # the umbrella itself
  leverkit/testing.hpp                    # the test-seam umbrella (checked below)
  leverkit/client/redis_rate_limiter.hpp  # optional leverkit::redis_limiter target (hiredis)
  leverkit/fmt.hpp)                       # opt-in fmt formatters: fmt stays out of the public API

# reachable(<out var> <root header>): every header under INCLUDE_DIR reachable from root.
function(reachable out root)
  set(seen "")
  set(queue "${root}")
  while(queue)
    list(POP_FRONT queue h)
    if(h IN_LIST seen)
      continue()
    endif()
    list(APPEND seen "${h}")
    if(NOT EXISTS "${INCLUDE_DIR}/${h}")
      continue()  # generated (leverkit/version.hpp) or a typo the compile tests will catch
    endif()
    file(STRINGS "${INCLUDE_DIR}/${h}" lines REGEX "^[ \t]*#[ \t]*include[ \t]*[<\"]leverkit/")
    foreach(line IN LISTS lines)
      string(REGEX REPLACE "^[ \t]*#[ \t]*include[ \t]*[<\"](leverkit/[^>\"]+)[>\"].*$" "\\1" inc "${line}")
      list(APPEND queue "${inc}")
    endforeach()
  endwhile()
  set(${out} "${seen}" PARENT_SCOPE)
endfunction()

reachable(from_main leverkit/leverkit.hpp)
reachable(from_testing leverkit/testing.hpp)

file(GLOB_RECURSE headers RELATIVE "${INCLUDE_DIR}" "${INCLUDE_DIR}/leverkit/*.hpp" "${INCLUDE_DIR}/leverkit/*.h")
list(SORT headers)
set(missing "")
set(checked 0)
foreach(h IN LISTS headers)
  if(h IN_LIST OPT_IN)
    continue()
  endif()
  math(EXPR checked "${checked} + 1")
  if(h MATCHES "^leverkit/testing/")
    if(NOT h IN_LIST from_testing)
      list(APPEND missing "${h} (not reachable from leverkit/testing.hpp)")
    endif()
  elseif(NOT h IN_LIST from_main)
    list(APPEND missing "${h} (not reachable from leverkit/leverkit.hpp)")
  endif()
endforeach()
# The production umbrella must not pull in the test seams.
foreach(h IN LISTS from_main)
  if(h MATCHES "^leverkit/testing(/|\\.hpp$)")
    list(APPEND missing "${h} (a test seam reachable from leverkit/leverkit.hpp)")
  endif()
endforeach()

if(missing)
  list(JOIN missing "\n  " text)
  message(FATAL_ERROR "umbrella headers are incomplete:\n  ${text}")
endif()
if(checked EQUAL 0)
  message(FATAL_ERROR "no headers found under ${INCLUDE_DIR}/leverkit: wrong INCLUDE_DIR?")
endif()
message(STATUS "umbrella headers: all ${checked} public headers reachable")
