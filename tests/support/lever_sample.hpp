// Shared test helper: the text of one real Lever response under tests/data/lever-samples/.
// Fails the current doctest case (not the process) when the file is missing.
#pragma once

#include <fstream>
#include <sstream>
#include <string>

#include <doctest/doctest.h>

inline std::string lever_sample(const std::string& name) {
  std::ifstream f(std::string(LEVERKIT_TEST_DATA_DIR) + "/lever-samples/" + name);
  REQUIRE_MESSAGE(f.good(), "missing sample " << name);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}
