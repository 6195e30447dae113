#include "engine/field_path.h"

#include <gtest/gtest.h>

namespace ccspm::engine {
namespace {

TEST(FieldPathTest, ParsesEverySegmentKind) {
  Result<FieldPath> path = FieldPath::Parse(R"(spec.containers[name=app].env[0].x["a.b/c~d"][*])");
  ASSERT_TRUE(path.ok()) << path.status().ToString();
  const auto& s = path->segments();
  ASSERT_EQ(s.size(), 8u);
  EXPECT_EQ(s[1].key, "containers");
  EXPECT_EQ(s[2].type, PathSegment::Type::kItemWhere);
  EXPECT_EQ(s[2].key, "name");
  EXPECT_EQ(s[2].match_value, "app");
  EXPECT_EQ(s[4].type, PathSegment::Type::kIndex);
  EXPECT_EQ(s[4].index, 0u);
  EXPECT_EQ(s[5].key, "x");
  EXPECT_EQ(s[6].key, "a.b/c~d");
  EXPECT_EQ(s[7].type, PathSegment::Type::kEvery);
  EXPECT_EQ(path->ToString(), R"(spec.containers[name=app].env[0].x["a.b/c~d"][*])");
}

TEST(FieldPathTest, ErrorsNameTheColumn) {
  Result<FieldPath> path = FieldPath::Parse("spec.containers[*.image");
  ASSERT_FALSE(path.ok());
  EXPECT_EQ(path.status().message(), "path \"spec.containers[*.image\" column 18: expected ']'");
  EXPECT_FALSE(FieldPath::Parse("").ok());
  EXPECT_FALSE(FieldPath::Parse("spec..x").ok());
  EXPECT_FALSE(FieldPath::Parse("spec[\"open").ok());
  EXPECT_FALSE(FieldPath::Parse("spec[name=]").ok());
}

TEST(FieldPathTest, PointerEscapesPerRfc6901) {
  ConcretePath path{{false, "metadata", 0}, {false, "annotations", 0}, {false, "a/b~c", 0}};
  EXPECT_EQ(JsonPointer(path), "/metadata/annotations/a~1b~0c");
  EXPECT_EQ(DisplayPath(path), "metadata.annotations[\"a/b~c\"]");
  ConcretePath indexed{{false, "spec", 0}, {false, "containers", 0}, {true, "", 2}};
  EXPECT_EQ(JsonPointer(indexed), "/spec/containers/2");
  EXPECT_EQ(DisplayPath(indexed), "spec.containers[2]");
}

}  // namespace
}  // namespace ccspm::engine

namespace ccspm::engine {
namespace {

TEST(FieldPathTest, AlternativeKeysNameEachListThatExists) {
  Result<FieldPath> path = FieldPath::Parse(
      "spec.{containers,initContainers,ephemeralContainers}[*].securityContext.privileged");
  ASSERT_TRUE(path.ok()) << path.status().ToString();
  EXPECT_EQ(path->segments()[1].type, PathSegment::Type::kAnyOfKeys);
  EXPECT_EQ(path->segments()[1].keys.size(), 3u);
  EXPECT_EQ(path->ToString(),
            "spec.{containers,initContainers,ephemeralContainers}[*].securityContext.privileged");
  EXPECT_EQ(FieldPath::Parse("spec.{a,}").status().message(),
            "path \"spec.{a,}\" column 9: expected a field name");
  EXPECT_EQ(FieldPath::Parse("spec.{a b}").status().message(),
            "path \"spec.{a b}\" column 8: expected ',' or '}'");
}

}  // namespace
}  // namespace ccspm::engine
