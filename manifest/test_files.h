// Reads the manifest fixtures kept under test/scan/ for the unit tests.
#pragma once

#include <fstream>
#include <sstream>
#include <string>

namespace ccspm::manifest::testing {

inline std::string ReadFixture(const std::string& relative) {
  std::ifstream file(std::string(CCSPM_SOURCE_DIR) + "/test/scan/" + relative, std::ios::binary);
  std::stringstream data;
  data << file.rdbuf();
  return data.str();
}

}  // namespace ccspm::manifest::testing
