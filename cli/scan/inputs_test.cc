#include "cli/scan/inputs.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>

namespace ccspm::cli::scan {
namespace {

namespace fs = std::filesystem;

// A fresh folder under the test temporary folder, removed at the end.
class InputsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = ::testing::TempDir() + "ccspm-inputs-XXXXXX";
    ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
    root_ = pattern;
  }
  void TearDown() override { fs::remove_all(root_); }

  std::string Write(const std::string& name) {
    const fs::path path = root_ / name;
    fs::create_directories(path.parent_path());
    std::ofstream(path) << "kind: ConfigMap\n";
    return path.string();
  }

  fs::path root_;
};

TEST_F(InputsTest, WalkSkipsLinksOutOfTheFolder) {
  Write("outside/victim.yaml");
  const std::string real = Write("tree/real.yaml");
  fs::create_symlink("../outside/victim.yaml", root_ / "tree/link.yaml");
  fs::create_directory_symlink("../outside", root_ / "tree/folder");
  fs::create_symlink("../outside/victim.yaml", root_ / "tree/notes.txt");

  const ExpandedInputs inputs = ExpandInputs({(root_ / "tree").string()});
  ASSERT_EQ(inputs.files.size(), 1u);
  EXPECT_EQ(inputs.files[0].path, real);
  EXPECT_TRUE(inputs.errors.empty());
  // Links a walk would not have read anyway (notes.txt) are not listed.
  EXPECT_EQ(inputs.skipped_links, (std::vector<std::string>{(root_ / "tree/folder").string(),
                                                            (root_ / "tree/link.yaml").string()}));
}

TEST_F(InputsTest, NamedLinkIsRead) {
  const std::string target = Write("outside/victim.yaml");
  fs::create_symlink(target, root_ / "link.yaml");

  const ExpandedInputs inputs = ExpandInputs({(root_ / "link.yaml").string()});
  ASSERT_EQ(inputs.files.size(), 1u);
  EXPECT_TRUE(IsSymbolicLink(inputs.files[0].path));
  EXPECT_FALSE(IsSymbolicLink(target));
}

TEST_F(InputsTest, FolderWithoutManifestsIsAnError) {
  fs::create_directories(root_ / "empty/.git");
  std::ofstream(root_ / "empty/.git/config.yaml") << "a: 1\n";
  std::ofstream(root_ / "empty/README") << "text\n";
  const std::string folder = (root_ / "empty").string();

  const ExpandedInputs inputs = ExpandInputs({folder});
  EXPECT_TRUE(inputs.files.empty());
  ASSERT_EQ(inputs.errors.size(), 1u);
  EXPECT_EQ(inputs.errors[0].file, folder);
  EXPECT_EQ(inputs.errors[0].message, "no manifests found in " + folder);
}

}  // namespace
}  // namespace ccspm::cli::scan
