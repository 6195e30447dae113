#include "manifest/emit.h"

#include <gtest/gtest.h>

#include "manifest/manifest.h"

namespace ccspm::manifest {
namespace {

TEST(EmitTest, WritesBlockYamlThatReadsBackTheSame) {
  Result<JsonDocument> value = ParseJson(
      R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"m","labels":{}},)"
      R"("data":{"yes":"yes","octal":"0755","empty":"","n":1.5,"big":18446744073709551615,)"
      R"("script":"line one\nline two\n","list":[1,"two",null,true,[]]}})");
  ASSERT_TRUE(value.ok());
  Result<std::string> text = EmitDocument(*value, EmitStyle::kYaml);
  ASSERT_TRUE(text.ok()) << text.status().ToString();
  EXPECT_NE(text->find("\"yes\": \"yes\""), std::string::npos) << *text;
  EXPECT_NE(text->find("octal: \"0755\""), std::string::npos) << *text;
  EXPECT_NE(text->find("script: |"), std::string::npos) << *text;
  EXPECT_NE(text->find("labels: {}"), std::string::npos) << *text;

  Manifest back = Manifest::Parse(*text);
  ASSERT_EQ(back.documents().size(), 1u);
  EXPECT_TRUE(static_cast<const JsonValue&>(back.documents()[0].parsed->json) == *value);
}

TEST(EmitTest, WritesJsonForJsonDocuments) {
  Result<JsonDocument> value = ParseJson(R"({"a":[1,2],"b":"x"})");
  ASSERT_TRUE(value.ok());
  EXPECT_EQ(*EmitDocument(*value, EmitStyle::kJson),
            "{\n  \"a\": [\n    1,\n    2\n  ],\n  \"b\": \"x\"\n}\n");
}

}  // namespace
}  // namespace ccspm::manifest
