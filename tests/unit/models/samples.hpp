// Test helper: reads a file of tests/data (the copied Lever samples) into a string.
#pragma once

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

namespace leverkit::inline v0::test {

inline std::string read_data_file(const std::string& relative) {
  const std::string path = std::string(LEVERKIT_TEST_DATA_DIR) + "/" + relative;
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open test data file " + path);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline std::string sample(const std::string& name) { return read_data_file("lever-samples/" + name); }

}  // namespace leverkit::test
