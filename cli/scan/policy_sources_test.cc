#include "cli/scan/policy_sources.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>

#include "cli/scan/scan_test_util.h"

namespace ccspm::cli::scan {
namespace {

namespace fs = std::filesystem;

class PolicySourcesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = ::testing::TempDir() + "ccspm-policies-XXXXXX";
    ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
    root_ = pattern;
  }
  void TearDown() override { fs::remove_all(root_); }

  std::string Write(const std::string& name, const std::string& text) {
    const fs::path path = root_ / name;
    fs::create_directories(path.parent_path());
    std::ofstream(path) << text;
    return path.string();
  }

  std::vector<std::string> Messages(const std::vector<std::string>& sources) {
    Result<LoadedPolicies> loaded = LoadPolicySources(sources);
    EXPECT_TRUE(loaded.ok()) << loaded.status().ToString();
    std::vector<std::string> messages;
    if (!loaded.ok()) return messages;
    for (const InputError& error : loaded->errors) messages.push_back(error.message);
    return messages;
  }

  fs::path root_;
};

TEST_F(PolicySourcesTest, SourceWithoutPolicyIsAnError) {
  const std::string pod = Write("pod.yaml", "apiVersion: v1\nkind: Pod\nmetadata: {name: a}\n");
  const std::string empty = Write("empty.yaml", "");
  EXPECT_EQ(Messages({pod}), std::vector<std::string>{"no GoldenPolicy found in " + pod});
  EXPECT_EQ(Messages({empty}), std::vector<std::string>{"no GoldenPolicy found in " + empty});

  // One good source does not hide the other.
  const std::string good = Write("good.yaml", testing::kPolicies);
  Result<LoadedPolicies> loaded = LoadPolicySources({good, pod});
  ASSERT_TRUE(loaded.ok());
  EXPECT_EQ(loaded->set->policies().size(), 2u);
  ASSERT_EQ(loaded->errors.size(), 1u);
  EXPECT_EQ(loaded->errors[0].file, pod);
}

TEST_F(PolicySourcesTest, EmptyFolderIsAnErrorOnce) {
  fs::create_directories(root_ / "none");
  const std::string folder = (root_ / "none").string();
  EXPECT_EQ(Messages({folder}), std::vector<std::string>{"no manifests found in " + folder});
}

TEST_F(PolicySourcesTest, InvalidPolicyIsNotAlsoMissing) {
  const std::string bad = Write("bad.yaml", "apiVersion: ccspm.io/v1alpha1\nkind: GoldenPolicy\n");
  const std::vector<std::string> messages = Messages({bad});
  ASSERT_EQ(messages.size(), 1u);
  EXPECT_EQ(messages[0].find("no GoldenPolicy found"), std::string::npos) << messages[0];
}

}  // namespace
}  // namespace ccspm::cli::scan
