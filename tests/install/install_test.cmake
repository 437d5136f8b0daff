# Included by tests/CMakeLists.txt. Registers `install.consumer` (label install): install this
# build into a staging prefix, then configure, build and run tests/install/consumer against it
# with find_package(leverkit CONFIG REQUIRED) — the path a downstream project takes.
set(_leverkit_stage ${PROJECT_BINARY_DIR}/install-test)
add_test(NAME install.consumer
  COMMAND ${CMAKE_COMMAND}
    -DLEVERKIT_BUILD_DIR=${PROJECT_BINARY_DIR}
    -DLEVERKIT_CONSUMER_DIR=${CMAKE_CURRENT_LIST_DIR}/consumer
    -DLEVERKIT_STAGE_DIR=${_leverkit_stage}
    -DLEVERKIT_GENERATOR=${CMAKE_GENERATOR}
    -DLEVERKIT_CXX_COMPILER=${CMAKE_CXX_COMPILER}
    -DLEVERKIT_BUILD_TYPE=$<CONFIG>
    -P ${CMAKE_CURRENT_LIST_DIR}/run_install_test.cmake)
set_tests_properties(install.consumer PROPERTIES LABELS install TIMEOUT 600)
