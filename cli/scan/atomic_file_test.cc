#include "cli/scan/atomic_file.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace ccspm::cli::scan {
namespace {

namespace fs = std::filesystem;

std::string Read(const fs::path& path) {
  std::ifstream file(path);
  std::stringstream text;
  text << file.rdbuf();
  return text.str();
}

TEST(AtomicFileTest, ReplacesFileAndRefusesLinks) {
  std::string pattern = ::testing::TempDir() + "ccspm-atomic-XXXXXX";
  ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
  const fs::path root = pattern;
  std::ofstream(root / "target.yaml") << "old\n";
  fs::create_symlink(root / "target.yaml", root / "link.yaml");

  const Status through_link = WriteFileAtomically((root / "link.yaml").string(), "new\n");
  EXPECT_FALSE(through_link.ok());
  EXPECT_NE(through_link.message().find("is a symbolic link"), std::string::npos);
  EXPECT_EQ(Read(root / "target.yaml"), "old\n");
  EXPECT_TRUE(fs::is_symlink(root / "link.yaml"));

  EXPECT_TRUE(WriteFileAtomically((root / "target.yaml").string(), "new\n").ok());
  EXPECT_EQ(Read(root / "target.yaml"), "new\n");
  EXPECT_EQ(std::distance(fs::directory_iterator(root), fs::directory_iterator()), 2);
  fs::remove_all(root);
}

}  // namespace
}  // namespace ccspm::cli::scan
