#include "base/json_patch.h"

#include <gtest/gtest.h>

namespace ccspm {
namespace {

JsonDocument Json(std::string_view text) {
  Result<JsonDocument> parsed = ParseJson(text);
  EXPECT_TRUE(parsed.ok()) << parsed.status().ToString() << " in " << text;
  return parsed.ok() ? std::move(parsed).value() : JsonDocument();
}

std::string Patched(std::string_view target, std::string_view patch) {
  JsonDocument document = Json(target);
  Status status = ApplyJsonPatch(Json(patch), document);
  return status.ok() ? ToJson(document) : "error: " + status.message();
}

TEST(ApplyJsonPatchTest, AppliesEachOperation) {
  EXPECT_EQ(Patched(R"({"a":1})", R"([{"op":"add","path":"/b","value":[1]}])"),
            R"({"a":1,"b":[1]})");
  EXPECT_EQ(Patched(R"({"a":[1,3]})", R"([{"op":"add","path":"/a/1","value":2}])"),
            R"({"a":[1,2,3]})");
  EXPECT_EQ(Patched(R"({"a":[1]})", R"([{"op":"add","path":"/a/-","value":2}])"), R"({"a":[1,2]})");
  EXPECT_EQ(Patched(R"({"a":1,"b":2})", R"([{"op":"remove","path":"/a"}])"), R"({"b":2})");
  EXPECT_EQ(Patched(R"({"a":[1,2,3]})", R"([{"op":"remove","path":"/a/0"}])"), R"({"a":[2,3]})");
  EXPECT_EQ(Patched(R"({"a":{"b":1}})", R"([{"op":"replace","path":"/a/b","value":"x"}])"),
            R"({"a":{"b":"x"}})");
  EXPECT_EQ(Patched(R"({"a":{"b":1},"c":{}})", R"([{"op":"move","from":"/a/b","path":"/c/d"}])"),
            R"({"a":{},"c":{"d":1}})");
  EXPECT_EQ(Patched(R"({"a":{"b":1}})", R"([{"op":"copy","from":"/a","path":"/c"}])"),
            R"({"a":{"b":1},"c":{"b":1}})");
  EXPECT_EQ(Patched(R"({"a":1})", R"([{"op":"test","path":"/a","value":1}])"), R"({"a":1})");
  EXPECT_EQ(Patched(R"({"a":1})", R"([{"op":"replace","path":"","value":[true]}])"), "[true]");
}

TEST(ApplyJsonPatchTest, UnescapesPointerTokens) {
  EXPECT_EQ(Patched(R"({"metadata":{"labels":{}}})",
                    R"([{"op":"add","path":"/metadata/labels/app.kubernetes.io~1name",
                         "value":"web"},{"op":"add","path":"/metadata/labels/a~0b","value":"c"}])"),
            R"({"metadata":{"labels":{"app.kubernetes.io/name":"web","a~b":"c"}}})");
}

TEST(ApplyJsonPatchTest, FailsAtomicallyWithTheOperationIndex) {
  JsonDocument document = Json(R"({"metadata":{"resourceVersion":"5"},"a":1})");
  Status status = ApplyJsonPatch(Json(R"([{"op":"replace","path":"/a","value":2},
      {"op":"test","path":"/metadata/resourceVersion","value":"4"}])"),
                                 document);
  EXPECT_EQ(status.kind(), ErrorKind::kInvalid);
  EXPECT_NE(status.message().find("operation 1"), std::string::npos) << status.message();
  EXPECT_EQ(ToJson(document), R"({"metadata":{"resourceVersion":"5"},"a":1})");
}

TEST(ApplyJsonPatchTest, RejectsBadOperations) {
  for (const char* patch :
       {R"({})", R"([1])", R"([{"op":"add","value":1}])", R"([{"op":"add","path":"a"}])",
        R"([{"op":"explode","path":"/a"}])", R"([{"op":"remove","path":"/missing"}])",
        R"([{"op":"replace","path":"/missing","value":1}])",
        R"([{"op":"add","path":"/x/y","value":1}])", R"([{"op":"add","path":"/l/5","value":1}])",
        R"([{"op":"add","path":"/l/01","value":1}])",
        R"([{"op":"move","from":"/o","path":"/o/p"}])", R"([{"op":"copy","path":"/z"}])",
        R"([{"op":"remove","path":""}])", R"([{"op":"add","path":"/a~2","value":1}])"}) {
    EXPECT_EQ(Patched(R"({"a":1,"l":[0],"o":{}})", patch).rfind("error: ", 0), 0u) << patch;
  }
}

TEST(ApplyMergePatchTest, MergesRemovesAndReplaces) {
  JsonDocument document = Json(R"({"a":{"b":1,"c":2},"d":[1,2],"e":"x"})");
  ApplyMergePatch(Json(R"({"a":{"b":null,"z":{"y":1}},"d":[3],"e":null,"f":true})"), document,
                  document.GetAllocator());
  EXPECT_EQ(ToJson(document), R"({"a":{"c":2,"z":{"y":1}},"d":[3],"f":true})");

  ApplyMergePatch(Json(R"([1])"), document, document.GetAllocator());
  EXPECT_EQ(ToJson(document), "[1]");
}

}  // namespace
}  // namespace ccspm
